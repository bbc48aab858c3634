"""GUI-thread responsiveness while typing into a 100,000-word statement with autosave.

Prints JSON (see bench/common.py). An event-loop stall probe (a 5 ms timer) records the
gaps between its ticks while keystrokes are delivered in bursts; autosave runs after
each burst on the worker thread. The baseline is the same typing (same text, same
keystrokes, same pauses) with autosave switched off. Baseline and measured runs are
interleaved over several rounds, the order swapped every round, each run on a fresh
vault and a fresh screen, so that machine noise and warm-up fall on both sides alike;
the median and spread of the rounds are reported. The figure that matters is the
longest stall, target under 50 ms.
"""

from __future__ import annotations

import itertools
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.desktop.session import Session
from app.settings import Settings
from bench.common import (
    FAST_KDF,
    PASSPHRASE,
    WORDS,
    emit,
    figure,
    percentile,
    ratio,
    report,
    scratch,
    spread,
)
from ui.backend import Backend
from ui.screens.workspace import WorkspaceScreen

# 5 rounds of 2 runs of 8 bursts: 40 bursts a side (the single runs had 15) in about
# 1.5 minutes; each burst is followed by a 1 s pause, past the 700 ms autosave debounce.
ROUNDS = 5
BURSTS = 8
PAUSE_S = 1.0
STALL_TARGET_MS = 50


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


def run(app: QApplication, folder: Path, autosave: bool) -> dict[str, Any]:
    """One run on a fresh vault in `folder`; the vault is locked again before returning."""
    rng = random.Random(3)  # the same text and keystrokes in every run, on both sides
    session = Session(folder / "vault")
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    backend: Backend | None = None
    screen: WorkspaceScreen | None = None
    try:
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
        # Both sides stop the debounce from saving; the measured side times the save.
        screen._debounce.timeout.disconnect()
        flushes: list[float] = []
        if autosave:
            original = screen.flush

            def timed_flush() -> None:
                start = time.perf_counter()
                original()
                flushes.append(time.perf_counter() - start)

            screen._debounce.timeout.connect(timed_flush)
        ticks: list[float] = []
        probe = QTimer()
        probe.setInterval(5)
        probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
        pump(app, 0.3)
        probe.start()
        for _ in range(BURSTS):
            typed = " " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8)))
            for ch in typed:
                QTest.keyClicks(screen.editor, ch)
                app.processEvents()
            pump(app, PAUSE_S)  # a pause in typing: the debounce fires and the save runs
        probe.stop()
        pump(app, 0.5)
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        saved_ok = None
        if autosave:
            saved = next(s.text for s in session.engine.sections(case.id) if s.id == "account")
            saved_ok = saved == screen.editor.toPlainText()
        return {
            "max_stall_ms": round(max(gaps) * 1000, 2),
            "p99_gap_ms": round(percentile(gaps, 99) * 1000, 2),
            "p50_gap_ms": round(percentile(gaps, 50) * 1000, 2),
            "gui_flush_max_ms": round(max(flushes) * 1000, 2) if flushes else None,
            "saves": len(flushes),
            "saved_ok": saved_ok,
        }
    finally:
        # Leave nothing behind for the next run to compete with: no window, no worker
        # thread, no open vault (its folder is removed with the scratch directory).
        if screen is not None:
            screen.close()
            screen.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if backend is not None:
            backend.shutdown()  # locks the vault on the worker thread
        session.lock()  # a no-op when the backend has locked it already


def side(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Median and spread over the rounds of each per-run figure."""
    result: dict[str, Any] = {
        key: spread([r[key] for r in runs], 2)
        for key in ("max_stall_ms", "p99_gap_ms", "p50_gap_ms")
    }
    flushes = [r["gui_flush_max_ms"] for r in runs if r["gui_flush_max_ms"] is not None]
    if flushes:
        result["gui_flush_max_ms"] = spread(flushes, 2)
    result["runs"] = runs
    return result


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    measured: list[dict[str, Any]] = []
    baseline: list[dict[str, Any]] = []
    started = time.monotonic()
    with scratch() as tmp:
        for round_no in range(ROUNDS):
            # Swap which side goes first every round (ABBA), so neither always runs on
            # a colder or a warmer process.
            order = (False, True) if round_no % 2 == 0 else (True, False)
            for autosave in order:
                folder = Path(tmp) / f"round{round_no}-{'autosave' if autosave else 'base'}"
                (measured if autosave else baseline).append(run(app, folder, autosave))
    with_save, without = side(measured), side(baseline)
    stall, base_stall = with_save["max_stall_ms"], without["max_stall_ms"]
    emit(
        report(
            "ui_responsiveness",
            [
                figure(
                    "max_stall_ms_median",
                    stall["median"],
                    ("<", STALL_TARGET_MS),
                    unit="ms",
                    note=f"median over {ROUNDS} runs of each run's longest stall",
                ),
                figure(
                    "max_stall_ms_worst",
                    stall["max"],
                    ("<", STALL_TARGET_MS),
                    unit="ms",
                    note="the longest stall seen in any run",
                ),
                figure("baseline_max_stall_ms_median", base_stall["median"], unit="ms"),
                figure("baseline_max_stall_ms_worst", base_stall["max"], unit="ms"),
                figure(
                    "max_stall_ratio_of_medians",
                    ratio(stall["median"], base_stall["median"]),
                    unit="x",
                    note="with autosave over without; the README sets no target",
                ),
                figure("p99_gap_ms_median", with_save["p99_gap_ms"]["median"], unit="ms"),
                figure("baseline_p99_gap_ms_median", without["p99_gap_ms"]["median"], unit="ms"),
                figure(
                    "gui_flush_max_ms_worst",
                    with_save.get("gui_flush_max_ms", {}).get("max"),
                    unit="ms",
                    note="GUI-thread share of the save (the rest runs on the worker)",
                ),
            ],
            {
                "statement_words": 100_000,
                "rounds": ROUNDS,
                "bursts_per_run": BURSTS,
                "pause_s": PAUSE_S,
                "order": "baseline first in even rounds, autosave first in odd rounds",
                "saved_ok_every_run": all(r["saved_ok"] for r in measured),
                "typing_with_autosave": with_save,
                "typing_without_autosave": without,
                "runtime_s": round(time.monotonic() - started, 1),
            },
        )
    )


if __name__ == "__main__":
    main()
