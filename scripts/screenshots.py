"""Render every main screen to PNG (English and Welsh, 100 % and 200 % text), and check
that each fits the screen (scripts/layout_rules.py).

    python scripts/screenshots.py build/screenshots [--size 1366x768] [--report out.json]
        [--texts texts.json]

The window is the size of the screen (1366x768 unless --size says otherwise); with
--report, what does not fit on each screen is written there as JSON, and the screenshots
are still taken so it can be seen. With --texts, every text each screen shows (and its
clashing underlined letters) is written there as JSON, to compare English and Welsh
(scripts/screen_texts.py).

Uses a throwaway vault with a fictional case; nothing here is real case data.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from app.desktop.session import Session
from app.engine.models import Participant
from app.export.pages import confirm_all_pages
from app.settings import Settings
from crypto.kdf import KdfParams
from ui import i18n, theme
from ui.main_window import MainWindow
from ui.screens.signature import WAIT as SIGNATURE_WAIT

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layout_rules import problems
from screen_texts import mnemonic_clashes, screen_texts

PASSPHRASE = "screenshots only, not a secret"
# What does not fit, by screenshot name; the window's size (the screen's, by default).
REPORT: dict[str, list[str]] = {}
# What each screen says, and its clashing underlined letters, by screenshot name.
TEXTS: dict[str, dict[str, list[str]]] = {}
SIZE = [1366, 768]


def capture(app: QApplication, window: Any, path: Path) -> None:
    """Save the window as a PNG, and note what on it does not fit the screen."""
    app.processEvents()
    window.grab().save(str(path))
    screen = window.screen() or app.primaryScreen()
    REPORT[path.stem] = problems(window, screen.availableGeometry())
    TEXTS[path.stem] = {"texts": screen_texts(window), "clashes": mnemonic_clashes(window)}


FICTION = (
    "I was eleven when we moved to the farm near Llandeilo. The kitchen had a red "
    "stove and the stairs creaked on the fourth step.\nThe first time was in the "
    "summer after we moved. I remember the smell of cut grass and that I did not "
    "want to go back inside.\nI told my teacher, Mrs Ŵynne, much later, when I was "
    "fifteen."
)
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
SCREENS = (
    "unlock", "cases", "workspace", "pause", "readback", "signature", "settings", "passphrase",
)  # fmt: skip


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


REVIEW_COMMENTS = (
    "Clear and in Carys's own words. Please add where the second sitting took place, and "
    "note the ISVA's role at each sitting."
)


def review_material(base: Path) -> dict[str, str]:
    """An organisation, an interviewer's vault with two exported statements, and a
    supervisor's vault that opened both: one still to decide, one returned (imported back
    by the interviewer). Built once; every shot opens these vaults in turn."""
    from app.desktop.review import case_decisions, decide_review, import_decision_file
    from app.export.bundle import export_case
    from app.org import org_init
    from app.review.inbox import open_for_review

    org = base / "org"
    org_init(org)
    fast = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1)

    def member(session: Session, role: str) -> None:
        folder = org / role
        session.engine.import_identity(
            folder / "cert.pem",
            folder / "key.pem",
            folder / "age-identity.txt",
            org / "trust.json",
            auth_cert=folder / "auth-cert.pem",
            auth_key=folder / "auth-key.pem",
        )

    interviewer = Session(base / "interviewer")
    interviewer.create(PASSPHRASE, use_keyring=False, kdf_params=fast)
    member(interviewer, "interviewer")
    e = interviewer.engine
    cases = {}
    for ref in ("CSA-2026-019", "CSA-2026-027"):
        case = e.create_case("csa", ref, interviewer="Interviewer One")
        e.set_witness(case.id, name="Carys Morgan", age_status="over_18")
        e.set_restricted(case.id, address="12 Heol y Nant, Llandeilo", phone="07700 900123")
        present = [Participant("interviewer", "Interviewer One"), Participant("isva", "Sam Lewis")]
        e.start_sitting(case.id, present, "Cardiff interview suite")
        e.save_section(case.id, "account", FICTION)
        e.pause_sitting(case.id, "witness", "needed a glass of water")
        e.resume_sitting(case.id)
        e.end_sitting(case.id)
        e.add_event(case.id, "summer 1998", "we moved to the farm")
        e.confirm_readback(case.id)
        confirm_all_pages(e, case.id)  # the witness confirmed each page
        e.sign_statement(case.id, SIGNATURE)
        export_case(e, case.id, base / f"{ref}.qrb")
        cases[ref] = case.id
    # One more export sent to the central system: it waits in the outbox (no intake runs).
    export_case(e, cases["CSA-2026-027"], None, send=True)
    supervisor = Session(base / "supervisor")
    supervisor.create(PASSPHRASE, use_keyring=False, kdf_params=fast)
    member(supervisor, "supervisor")
    reviews = {ref: open_for_review(supervisor.engine, base / f"{ref}.qrb").review for ref in cases}
    returned, pending = reviews["CSA-2026-019"], reviews["CSA-2026-027"]
    assert returned is not None and pending is not None
    answers = {"plan_scope": ("met", ""), "own_words": ("met", "")}
    answers["roles_recorded"] = ("not_met", "The ISVA's role is not recorded at sitting 2.")
    decide_review(supervisor, returned.id, False, REVIEW_COMMENTS, answers, base / "returned.qrr")
    import_decision_file(interviewer, base / "returned.qrr")
    assert case_decisions(interviewer, cases["CSA-2026-019"])
    interviewer.lock()
    supervisor.lock()
    return {
        "interviewer": str(base / "interviewer"),
        "supervisor": str(base / "supervisor"),
        "review": pending.id,
        "case": cases["CSA-2026-019"],
    }


def shoot_review(
    app: QApplication, out: Path, material: dict[str, str], prefs: Settings, suffix: str
) -> None:
    """The supervisor's decision screen, part filled in, and the interviewer's decisions."""
    shoot_reading(app, out, material, prefs, suffix)
    for role in ("supervisor", "interviewer"):
        shoot_as(app, out, material, prefs, suffix, role)


def shoot_reading(
    app: QApplication, out: Path, material: dict[str, str], prefs: Settings, suffix: str
) -> None:
    """The supervisor's reviews (and a bundle that failed its checks), then the reading
    view: the signed statement beside the record, and the restricted details on request."""
    folder = Path(material["supervisor"])
    damaged = folder.parent / "damaged.qrb"
    if not damaged.exists():
        data = bytearray((folder.parent / "CSA-2026-027.qrb").read_bytes())
        data[len(data) // 2] ^= 1
        damaged.write_bytes(bytes(data))
    session = Session(folder)
    session.unlock(PASSPHRASE)
    window = MainWindow(session, prefs, settings_path=folder / "settings.json")
    window.resize(*SIZE)
    window.show()
    wait(app, lambda: window.current_screen == "unlock")
    window.unlocked()
    wait(app, lambda: window.current_screen == "cases" and not window.backend.pending)

    def grab(name: str) -> None:
        wait(app, lambda: not window.backend.pending)
        app.processEvents()
        capture(app, window, out / f"{name}-{suffix}.png")

    grab("cases-supervisor")  # with the way in to the reviews
    window.go("review_inbox")
    inbox: Any = window.screens["review_inbox"]
    wait(app, lambda: inbox.tree.topLevelItemCount() > 0)
    grab("review-inbox")
    inbox.open_path(damaged)
    wait(app, lambda: inbox.report.isVisible())
    grab("review-inbox-failed")
    inbox.dismiss.click()
    window.open_review(material["review"])
    reading: Any = window.screens["review_reading"]
    wait(app, lambda: reading.pages.has_page())
    time.sleep(0.3)  # the page is drawn again once the window has its final size
    wait(app, lambda: not window.backend.pending)
    grab("review-reading")
    reading.tabs.setCurrentIndex(reading.tabs.count() - 1)
    reading.show_restricted.click()
    wait(app, lambda: reading.restricted_shown())
    grab("review-restricted")
    window.shutdown()
    window.close()


def shoot_as(
    app: QApplication,
    out: Path,
    material: dict[str, str],
    prefs: Settings,
    suffix: str,
    role: str,
) -> None:
    session = Session(Path(material[role]))
    session.unlock(PASSPHRASE)
    window = MainWindow(session, prefs, settings_path=Path(material[role]) / "settings.json")
    window.resize(*SIZE)
    window.show()
    wait(app, lambda: window.current_screen == "unlock")
    window.unlocked()
    screen: Any
    if role == "supervisor":
        window.open_review(material["review"])
        wait(app, lambda: not window.backend.pending)
        window.go("review_decision")
        screen = window.screens["review_decision"]
        wait(app, lambda: len(screen.form.rows) > 5)
        for row, answer in zip(
            screen.form.rows, ("met", "met", "met", "not_met", "na"), strict=False
        ):
            row.buttons[answer].setChecked(True)
        screen.comments.setPlainText(REVIEW_COMMENTS)
        name = "review-decision"
    else:
        window.open_case(material["case"])
        wait(app, lambda: not window.backend.pending)
        window.go("decisions")
        screen = window.screens["decisions"]
        wait(app, lambda: bool(screen.cards))
        name = "decisions"
    wait(app, lambda: not window.backend.pending)
    app.processEvents()
    capture(app, window, out / f"{name}-{suffix}.png")
    if role == "interviewer":
        # The outbox, once the first attempt has found no intake (none runs here).
        window.go("outbox")
        outbox = window.screens["outbox"]
        wait(app, lambda: bool(outbox.cards) and window.sync.status.connection == "offline", 30)
        app.processEvents()
        capture(app, window, out / f"outbox-{suffix}.png")
    window.shutdown()
    window.close()


def shoot(
    app: QApplication, out: Path, language: str, scale: int, material: dict[str, str]
) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="quietroom-shots-"))
    session = Session(tmp / "vault")
    session.create(
        PASSPHRASE,
        use_keyring=False,
        kdf_params=KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1),
    )
    case_id = populate(session)
    prefs = Settings(language=language, text_scale=scale)
    i18n.install(language)
    theme.apply(app, prefs.theme, scale)
    window = MainWindow(session, prefs, settings_path=tmp / "settings.json")
    window.resize(*SIZE)
    window.show()
    wait(app, lambda: window.current_screen == "unlock")
    suffix = f"{language}-{scale}"

    def grab(name: str) -> None:
        app.processEvents()
        capture(app, window, out / f"{name}-{suffix}.png")

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
    ws.side_toggle.setChecked(True)  # as the interviewer would, where it is folded away
    for tab in range(1, ws.side.count()):  # the notes, exhibits and details beside it
        ws.side.setCurrentIndex(tab)
        wait(app, lambda: not ws.backend.pending)
        grab(f"workspace-tab{tab + 1}")
    ws.side.setCurrentIndex(0)
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
    # The sequence's first step, once the worker has said where the statement stands
    # (this case's sitting is still running: the screen asks to end it first).
    wait(app, lambda: window.screens["signature"].steps.currentIndex() != SIGNATURE_WAIT)
    grab("signature")
    window.go("export")  # the case is not signed: the export screen says what is missing
    wait(app, lambda: not window.backend.pending)
    grab("export")
    window.go("new_case")
    wizard: Any = window.screens["new_case"]
    for index in range(wizard.stack.count()):  # each step of the wizard, as it first opens
        wizard.show_step(index)
        grab(f"new-case-{index + 1}")
    window.go("identity")
    wait(app, lambda: not window.backend.pending)
    grab("identity")
    window.go("open_bundle")
    grab("open-bundle")
    window.go("settings")
    grab("settings")
    window.go("passphrase")
    window.screens["passphrase"].rekey.setChecked(True)
    grab("passphrase")
    window.shutdown()
    window.close()
    shoot_review(app, out, material, prefs, suffix)


def shoot_statement(base: Path, out: Path) -> None:
    """The first and last pages of an exported statement, as a recipient who verified
    the bundle sees them (rendered with pdfium, as the review screen does)."""
    from app.export.page_text import page_png, page_texts
    from app.export.verify import verify_bundle

    org = base / "org"
    report = verify_bundle(
        base / "CSA-2026-019.qrb", org / "supervisor" / "age-identity.txt", org / "trust.json"
    )
    assert report.ok, report.to_json()
    pdf = report.files["statement.pdf"]
    (out / "statement-en-page1.png").write_bytes(page_png(pdf, 0, 900))
    last = len(page_texts(pdf)) - 1
    if last:
        (out / "statement-en-last.png").write_bytes(page_png(pdf, last, 900))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="build/screenshots")
    parser.add_argument("--size", default="1366x768", help="the screen, e.g. 1600x1000")
    parser.add_argument("--report", help="write what does not fit here, as JSON")
    parser.add_argument("--texts", help="write what each screen says here, as JSON")
    args = parser.parse_args()
    SIZE[:] = [int(n) for n in args.size.split("x")]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY"):
        # Qt's offscreen screen is 800x600 unless told otherwise: make it the one asked for.
        config = out / "offscreen-screen.json"
        screen = {"name": "screen", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1]}
        config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    app = QApplication([])
    base = Path(tempfile.mkdtemp(prefix="quietroom-review-shots-"))
    material = review_material(base)
    shoot_statement(base, out)
    for language in ("en", "cy"):
        for scale in (100, 200):
            shoot(app, out, language, scale, material)
    if args.report:
        Path(args.report).write_text(json.dumps(REPORT, indent=1), encoding="utf-8")
    if args.texts:
        Path(args.texts).write_text(
            json.dumps(TEXTS, indent=1, ensure_ascii=False), encoding="utf-8"
        )
    unfit = {name: found for name, found in REPORT.items() if found}
    for name, found in unfit.items():
        print(f"{name}: " + "; ".join(found), file=sys.stderr)
    print(f"screenshots written to {out}; {len(unfit)} of {len(REPORT)} do not fit")


if __name__ == "__main__":
    main()
