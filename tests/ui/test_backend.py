"""The worker-thread adapter: results and errors come back on the GUI thread, in order,
and the Qt binding does not corrupt reference counts (PySide6 6.12.0 did)."""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.errors import UsageError, unexpected
from ui.backend import Backend


class _Emitter(QObject):
    fired = Signal(object)


def test_signal_emit_keeps_reference_counts(qtbot: Any) -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.fired.emit(1)
    assert abs(sys.getrefcount(True) - before) < 10


def test_jobs_run_off_the_gui_thread_in_order(qtbot: Any, backend: Backend) -> None:
    gui = threading.get_ident()
    seen: list[tuple[int, int]] = []
    for i in range(50):
        backend.run(lambda s, n: (n, threading.get_ident()), i, done=lambda r: seen.append(r))
    qtbot.waitUntil(lambda: len(seen) == 50, timeout=15_000)
    assert [n for n, _ in seen] == list(range(50))
    assert all(tid != gui for _, tid in seen)


def test_errors_come_back_as_calm_messages(qtbot: Any, backend: Backend) -> None:
    errors: list[tuple[str, int]] = []

    def refuse(s: Any) -> None:
        raise UsageError("test.no_section", "that section does not exist")

    def crash(s: Any) -> None:
        raise RuntimeError("secret case text must not be shown")

    backend.run(refuse, failed=lambda m, c: errors.append((m, c)))
    backend.run(crash, failed=lambda m, c: errors.append((m, c)))
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=15_000)
    assert errors[0] == ("that section does not exist", 1)
    # unexpected errors never carry their text to the screen, but are never silent either
    assert errors[1] == (str(unexpected()), 1)
    assert errors[1][0] and "secret" not in errors[1][0]


def test_shutdown_locks_the_vault_even_behind_a_running_job(qtbot: Any, backend: Backend) -> None:
    """The lock is queued behind the job still running; stopping the worker must not
    drop it and leave the vault open with its keys in memory."""
    session = backend.session
    assert session.unlocked
    started = threading.Event()

    def slow(_session: object) -> None:
        started.set()
        threading.Event().wait(0.3)

    backend.run(slow)
    assert started.wait(10)
    backend.shutdown()
    assert not session.unlocked
