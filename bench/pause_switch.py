"""How long F9 takes to put the pause screen up, now that a pause also takes the case
screens out of the window (issue #18: nothing of the case in the accessibility tree while
paused), with a 100,000-word statement open in the workspace.

Measured: `MainWindow.pause()` (the switch, the screens held out; the pause is recorded in
the background), and F9 again to resume, until the workspace is back (the resume recorded
by the worker first, then the screens put back). The
baseline, in the same process on the same window: going from the workspace to the
settings screen and back, a plain switch that takes nothing out. Rounds interleave the
two. The target: the pause screen up in under 100 ms (a key press feels immediate).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.desktop.session import Session
from app.settings import Settings
from bench.common import (
    FAST_KDF,
    PASSPHRASE,
    WORDS,
    emit,
    figure,
    ratio,
    report,
    scratch,
    spread,
)
from ui.main_window import MainWindow

ROUNDS = 20
TARGET_MS = 100.0


def pump(app: QApplication, until: Any, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not until() and time.monotonic() < deadline:
        app.processEvents()
    if not until():
        raise RuntimeError("the window did not get there in time")


def timed(action: Any) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    rng = random.Random(5)
    started = time.monotonic()
    pause_ms: list[float] = []
    resume_ms: list[float] = []
    leave_ms: list[float] = []
    back_ms: list[float] = []
    with scratch() as tmp:
        session = Session(Path(tmp) / "vault")
        session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
        case = session.engine.create_case("csa", "BENCH-PAUSE")
        text = "\n".join(" ".join(rng.choice(WORDS) for _ in range(100)) for _ in range(1000))
        session.engine.save_section(case.id, "account", text)
        session.engine.start_sitting(case.id)
        window = MainWindow(
            session, Settings(), idle_clock=lambda: 0.0, settings_path=Path(tmp) / "s.json"
        )
        window.show()
        pump(app, lambda: window.current_screen == "unlock")
        window.unlocked()
        window.open_case(case.id)
        workspace = window.screens["workspace"]
        pump(app, lambda: bool(workspace.editor.toPlainText()) and not workspace._loading)
        try:
            for round_no in range(ROUNDS):
                for side in ("pause", "plain") if round_no % 2 == 0 else ("plain", "pause"):
                    if side == "pause":
                        pause_ms.append(timed(window.pause))
                        app.processEvents()
                        pump(app, lambda: window.screens["pause"]._recorded)
                        start = time.perf_counter()
                        window.pause()  # F9 again: the resume is recorded, then shown
                        pump(app, lambda: window.current_screen == "workspace")
                        resume_ms.append((time.perf_counter() - start) * 1000)
                    else:
                        leave_ms.append(timed(lambda: window.go("settings")))
                        app.processEvents()
                        back_ms.append(timed(lambda: window.go("workspace")))
                    pump(app, lambda: not workspace._loading)
        finally:
            window.shutdown()
            window.close()
    pause_median = statistics.median(pause_ms)
    plain_median = statistics.median(leave_ms)
    emit(
        report(
            "pause_switch",
            [
                figure(
                    "pause_ms_median",
                    round(pause_median, 2),
                    ("<", TARGET_MS),
                    unit="ms",
                    note="F9: the pause screen up, the case screens out of the window",
                ),
                figure("pause_ms_worst", round(max(pause_ms), 2), ("<", TARGET_MS), unit="ms"),
                figure(
                    "resume_ms_median",
                    round(statistics.median(resume_ms), 2),
                    unit="ms",
                    note="F9 again until the workspace is back, the worker's round trip included",
                ),
                figure("baseline_switch_ms_median", round(plain_median, 2), unit="ms"),
                figure("baseline_back_ms_median", round(statistics.median(back_ms), 2), unit="ms"),
                figure(
                    "pause_ratio_of_medians",
                    ratio(pause_median, plain_median),
                    unit="x",
                    note="pausing over a plain switch to the settings screen",
                ),
            ],
            {
                "statement_words": 100_000,
                "rounds": ROUNDS,
                "pause_ms": spread(pause_ms, 2),
                "resume_ms": spread(resume_ms, 2),
                "baseline_switch_ms": spread(leave_ms, 2),
                "baseline_back_ms": spread(back_ms, 2),
                "runtime_s": round(time.monotonic() - started, 1),
            },
        )
    )


if __name__ == "__main__":
    main()
