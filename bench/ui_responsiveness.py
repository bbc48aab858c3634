"""GUI-thread responsiveness while typing into a 100,000-word statement with autosave.

Prints JSON. An event-loop stall probe (a 5 ms timer) records the gaps between its
ticks while keystrokes are delivered in bursts; autosave runs after each burst on the
worker thread. The baseline is the same typing with autosave switched off, in the
same run; the figure that matters is the longest stall, target under 50 ms.
"""

from __future__ import annotations

import itertools
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.session import Session
from app.settings import Settings
from bench.common import emit, percentile
from crypto.kdf import KdfParams
from ui.backend import Backend
from ui.screens.workspace import WorkspaceScreen

WORDS = ["the", "house", "was", "cold", "and", "I", "remember", "the", "stairs", "he",
         "said", "nothing", "about", "it", "we", "walked", "home", "after", "school"]
BURSTS = 15


class Nav:
    settings = Settings()
    current_case: str | None = None

    def go(self, screen: str) -> None: ...
    def pause(self, requested_by: str | None = None) -> None: ...


def pump(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)


def run(app: QApplication, autosave: bool) -> dict[str, object]:
    rng = random.Random(3)
    tmp = Path(tempfile.mkdtemp(prefix="quietroom-bench-ui-"))
    session = Session(tmp / "vault")
    session.create("benchmark passphrase", use_keyring=False,
                   kdf_params=KdfParams(memory_kib=64 * 1024, iterations=1, lanes=1))
    case = session.engine.create_case("csa", "BENCH-UI")
    # 100,000 words in paragraphs of about 100, as a real statement is written.
    text = "\n".join(" ".join(rng.choice(WORDS) for _ in range(100)) for _ in range(1000))
    session.engine.save_section(case.id, "account", text)
    backend = Backend(session)
    nav = Nav()
    nav.current_case = case.id
    screen = WorkspaceScreen(backend, nav)  # type: ignore[arg-type]
    screen.resize(1200, 800)
    screen.show()
    screen.entered()
    deadline = time.monotonic() + 30
    while not screen.editor.toPlainText() and time.monotonic() < deadline:
        app.processEvents()
    if not autosave:
        screen._debounce.timeout.disconnect()
    flushes: list[float] = []
    original = screen.flush

    def timed_flush() -> None:
        start = time.perf_counter()
        original()
        flushes.append(time.perf_counter() - start)

    if autosave:
        screen._debounce.timeout.disconnect()
        screen._debounce.timeout.connect(timed_flush)
    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    pump(app, 0.3)
    probe.start()
    for _ in range(BURSTS):
        words = " " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8)))
        for ch in words:
            QTest.keyClicks(screen.editor, ch)
            app.processEvents()
        pump(app, 1.0)  # a pause in typing: the debounce fires and the save runs
    probe.stop()
    pump(app, 0.5)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    saved = session.engine.sections(case.id)[2].text if autosave else ""
    backend.shutdown()
    return {"max_stall_ms": round(max(gaps) * 1000, 2),
            "p99_gap_ms": round(percentile(gaps, 99) * 1000, 2),
            "p50_gap_ms": round(percentile(gaps, 50) * 1000, 2),
            "gui_flush_max_ms": round(max(flushes) * 1000, 2) if flushes else None,
            "saves": len(flushes), "saved_ok": (saved == screen.editor.toPlainText())
            if autosave else None}


def main() -> None:
    app = QApplication.instance() or QApplication([])
    baseline = run(app, autosave=False)
    measured = run(app, autosave=True)
    emit({"benchmark": "ui_responsiveness", "statement_words": 100_000, "bursts": BURSTS,
          "typing_with_autosave": measured, "typing_without_autosave": baseline,
          "ratio_max_stall": round(float(measured["max_stall_ms"])  # type: ignore[arg-type]
                                   / float(baseline["max_stall_ms"]), 3),  # type: ignore[arg-type]
          "target": {"max_stall_ms": 50}})


if __name__ == "__main__":
    main()
