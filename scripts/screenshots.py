"""Render every main screen to PNG (English and Welsh, 100 % and 200 % text).

    python scripts/screenshots.py build/screenshots

Uses a throwaway vault with a fictional case; nothing here is real case data.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from app.desktop.session import Session
from app.engine.models import Participant
from app.settings import Settings
from crypto.kdf import KdfParams
from ui import i18n, theme
from ui.main_window import MainWindow

PASSPHRASE = "screenshots only, not a secret"
FICTION = (
    "I was eleven when we moved to the farm near Llandeilo. The kitchen had a red "
    "stove and the stairs creaked on the fourth step.\nThe first time was in the "
    "summer after we moved. I remember the smell of cut grass and that I did not "
    "want to go back inside.\nI told my teacher, Mrs Ŵynne, much later, when I was "
    "fifteen."
)
SCREENS = ("unlock", "cases", "workspace", "pause", "readback", "signature", "settings")


def wait(app: QApplication, condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return
        time.sleep(0.01)
    raise SystemExit("screenshots: a screen did not finish loading")


def populate(session: Session) -> str:
    e = session.engine
    for ref, category in (("APSP-2026-014", "apsp"), ("GEN-2026-003", "general")):
        e.create_case(category, ref, interviewer="Jo Evans")
    case = e.create_case("csa", "CSA-2026-027", interviewer="Jo Evans")
    e.set_witness(case.id, name="Carys Morgan", preferred_name="Carys", break_every_minutes=25)
    e.set_planned_present(
        case.id, [Participant("interviewer", "Jo Evans"), Participant("isva", "Sam Lewis")]
    )
    e.start_sitting(case.id, e.planned_present(case.id), "Cardiff interview suite")
    e.save_section(case.id, "account", FICTION)
    e.add_event(case.id, "summer 1998", "we moved to the farm")
    e.add_event(case.id, "the summer after we moved", "it started")
    e.add_note(case.id, "Carys prefers to sit nearer the window.")
    return case.id


def shoot(app: QApplication, out: Path, language: str, scale: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="quietroom-shots-"))
    session = Session(tmp / "vault")
    session.create(
        PASSPHRASE,
        use_keyring=False,
        kdf_params=KdfParams(memory_kib=64 * 1024, iterations=1, lanes=1),
    )
    case_id = populate(session)
    prefs = Settings(language=language, text_scale=scale)
    i18n.install(language)
    theme.apply(app, prefs.theme, scale)
    window = MainWindow(session, prefs, settings_path=tmp / "settings.json")
    window.resize(1280, 800)
    window.show()
    wait(app, lambda: window.current_screen == "unlock")
    suffix = f"{language}-{scale}"

    def grab(name: str) -> None:
        app.processEvents()
        window.grab().save(str(out / f"{name}-{suffix}.png"))

    grab("unlock")
    window.unlocked()
    wait(
        app,
        lambda: window.screens["cases"].findChildren(object) and window.current_screen == "cases",
    )
    time.sleep(0.3)
    wait(app, lambda: True)
    grab("cases")
    window.open_case(case_id)
    ws = window.screens["workspace"]
    wait(app, lambda: "Llandeilo" in ws.editor.toPlainText())
    ws.guide.phases.setCurrentRow(3)  # questioning: words to say and things to do
    wait(app, lambda: not ws.backend.pending)
    grab("workspace")
    window.pause()
    time.sleep(0.2)
    grab("pause")
    window.screens["pause"].resume()
    wait(app, lambda: window.current_screen == "workspace")
    window.go("readback")
    wait(
        app,
        lambda: any(
            "Llandeilo" in t.toPlainText()
            for t in window.screens["readback"].findChildren(type(ws.editor))
        ),
    )
    grab("readback")
    window.go("signature")
    grab("signature")
    window.go("settings")
    grab("settings")
    window.shutdown()
    window.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault(
        "QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb"
    )
    app = QApplication([])
    for language in ("en", "cy"):
        for scale in (100, 200):
            shoot(app, out, language, scale)
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
