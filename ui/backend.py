"""The Qt adapter over the core: all storage and crypto run on one worker thread.

Widgets call `Backend.run(fn, *args, done=…, failed=…)`; `fn(session, *args)` runs on
the worker thread with the Session (vault and engine); its result or its error comes
back to the GUI thread through a queued signal. An error travels as the core's message
value (a Phrase: code, English template, parameters), is put into the interface language
by its code on the GUI thread (ui/core_messages.py) and reaches the screen as
`failed(message, exit_code)`. An exception that is not one of the core's errors becomes
the calm `internal.unexpected` message, never an empty one and never its own text.
Workers never touch widgets. One worker keeps every vault operation in order (typing
saves stay ordered).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.desktop.session import Session
from app.desktop.types import PacingEvent
from app.desktop.vault import lock
from app.errors import Phrase, QuietroomError, unexpected
from ui.core_messages import translate

LOG = logging.getLogger("quietroom.ui")

Done = Callable[[Any], None]
Failed = Callable[[str, int], None]


@dataclass(frozen=True)
class _Job:
    id: int
    fn: Callable[..., Any]
    args: tuple[Any, ...]


class _Worker(QObject):
    finished = Signal(int, bool, object, int)
    pacing = Signal(object)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @Slot(object)
    def run(self, job: _Job) -> None:
        try:
            result = job.fn(self.session, *job.args)
        except QuietroomError as exc:
            self.finished.emit(job.id, False, exc.phrase, exc.exit_code)
        except Exception as exc:  # never let a surprise reach the screen as a traceback
            LOG.error("unexpected %s in a background task", type(exc).__name__)
            error = unexpected()
            self.finished.emit(job.id, False, error.phrase, error.exit_code)
        else:
            self.finished.emit(job.id, True, result, 0)

    def forward_pacing(self, event: PacingEvent) -> None:
        self.pacing.emit(event)


def _lock_and_stop(session: Session) -> None:
    """The worker's last job: lock the vault, then end the worker's event loop."""
    try:
        lock(session)
    finally:
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()


class Backend(QObject):
    busy_changed = Signal(bool)
    pacing_event = Signal(object)
    _submit = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("quietroom-worker")
        self._worker = _Worker(session)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._finished)
        self._worker.pacing.connect(self.pacing_event)
        # Engine events are raised on the worker thread; the worker re-emits them as a
        # signal, which Qt queues to the GUI thread.
        session.subscribe(self._worker.forward_pacing)
        self._thread.start()

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> int:
        job = _Job(next(self._ids), fn, args)
        self._callbacks[job.id] = (done, failed)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._submit.emit(job)
        return job.id

    @Slot(int, bool, object, int)
    def _finished(self, job_id: int, ok: bool, payload: object, code: int) -> None:
        done, failed = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        if ok:
            if done is not None:
                done(payload)
        elif failed is not None:
            message = payload if isinstance(payload, Phrase) else unexpected().phrase
            failed(translate(message), code)

    def shutdown(self) -> None:
        """Lock the vault on the worker thread, then stop it. The lock is queued behind
        any job still running and the worker stops itself after it: quitting the thread
        from here would drop the queued lock and leave the vault open."""
        if not self._thread.isRunning():
            return
        self.run(_lock_and_stop)
        self._thread.wait(30_000)
