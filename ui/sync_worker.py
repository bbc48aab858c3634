"""The network worker: sync with the intake on a thread of its own.

`SyncWorker` runs the core's `Runner` (app/sync/run.py) on its own QThread, never on
the Backend's vault worker, so a slow or absent network never queues behind typing
saves, and typing never waits for the network. The pass touches the vault only in
short transactions between network calls (the engine is safe to use from any thread).

The network thread only calls the core and emits signals; Qt queues them to the GUI
thread, where `SyncWorker` keeps the `SyncStatus` (app/desktop/sync.py) the indicator
and the outbox screen show, and emits `status_changed`. Workers never touch widgets.

- `start()` after unlocking (a pass at once), `wake()` after new work was queued (an
  export with "send"), `halt()` on lock (no waiting: locking is instant; the thread ends
  by itself after the request in flight, its vault calls refused once the vault is
  locked), `stop()` on shutdown (halt, then a bounded wait).
- The runner skips passes while the vault is locked: the sync key lives in the vault.
- Any exception in a pass is caught (its type logged, never its text, which may name a
  case) and reported as the calm `internal.unexpected`; the loop carries on.
- `run_network(fn, …)` runs one piece of network work a screen hands over (an export's
  time-stamp, app/desktop/bundles.py) on a thread of its own, with its result or error
  back on the GUI thread as Backend.run gives them.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from app.desktop.session import Session
from app.desktop.sync import (
    INTERVAL_SECONDS,
    PassReport,
    Runner,
    SyncStatus,
    make_pass,
    outbox_items,
    with_error,
    with_item_event,
    with_items,
    with_progress,
    with_report,
)
from app.errors import Phrase, QuietroomError, unexpected
from ui.core_messages import translate

LOG = logging.getLogger("quietroom.ui")

Done = Callable[[Any], None]
Failed = Callable[[str, int], None]

# A pass is made from (session, stop, on_event); tests hand in their own.
PassFactory = Callable[
    [Session, threading.Event, Callable[[str, dict[str, Any]], None]], Callable[[], PassReport]
]
# How long shutdown waits for the request in flight: a little over the network timeout
# (app/desktop/sync.py), so a stalled request has ended by then.
SHUTDOWN_WAIT_MS = 25_000
# The vault was locked under a pass in flight: nothing to tell anyone.
QUIET_CODES = frozenset({"vault.locked"})

# The longest the GUI thread waits for the interpreter lock while the network thread
# runs Python (parsing a receipt's ASN.1, say). Python's default is 5 ms, and the GUI
# thread needs the lock many times per keystroke (every event passes the main window's
# Python event filter), so those waits would add up to a visible stall.
SWITCH_INTERVAL_S = 0.001

# Added to the network thread's niceness (0 is the default, 19 the lowest priority):
# enough for the scheduler to favour the GUI thread, not so much that the network thread
# starves while it holds the interpreter lock the GUI thread is waiting for.
NETWORK_NICENESS = 5

_LIVE: set[_NetworkThread] = set()


@atexit.register
def _halt_all() -> None:
    """At exit (a window never shut down, say), end every network thread first."""
    for thread in list(_LIVE):
        thread.runner.halt()
    for thread in list(_LIVE):
        thread.wait(SHUTDOWN_WAIT_MS)


class _NetworkThread(QThread):
    """Hosts one Runner's loop; restarts it should anything escape a pass."""

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("quietroom-sync")
        # Qt aborts the process if a QThread is destroyed while it runs: every network
        # thread stays referenced here until the GUI thread has seen it finish.
        _LIVE.add(self)

    def run(self) -> None:
        # Where the system allows it (Linux: a thread is a task with its own niceness),
        # the network yields the processor to the GUI thread when both want it: sending
        # a few seconds later matters to nobody, a stalled keystroke does.
        with contextlib.suppress(AttributeError, OSError):
            me = threading.get_native_id()
            niceness = os.getpriority(os.PRIO_PROCESS, me)
            os.setpriority(os.PRIO_PROCESS, me, min(19, niceness + NETWORK_NICENESS))
        while not self.runner.stop.is_set():
            try:
                self.runner.run()
            except Exception as exc:  # the loop must outlive anything a pass throws
                LOG.error("unexpected %s in the sync loop", type(exc).__name__)
                self.runner.stop.wait(5.0)


class _NetworkJob(QThread):
    """One piece of network work handed over by a screen (an export's time-stamp): runs
    `fn(*args)` once, on a thread of its own, never the vault worker's."""

    ended = Signal(int, bool, object, int)  # id, ok, result or Phrase, exit code

    def __init__(self, job_id: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.job_id, self.fn, self.args = job_id, fn, args
        self.setObjectName("quietroom-network-job")

    def run(self) -> None:
        with contextlib.suppress(AttributeError, OSError):  # as _NetworkThread: yield to the GUI
            me = threading.get_native_id()
            niceness = os.getpriority(os.PRIO_PROCESS, me)
            os.setpriority(os.PRIO_PROCESS, me, min(19, niceness + NETWORK_NICENESS))
        try:
            result = self.fn(*self.args)
        except QuietroomError as exc:
            self.ended.emit(self.job_id, False, exc.phrase, exc.exit_code)
        except Exception as exc:  # never a traceback on screen, never its text in a log
            LOG.error("unexpected %s in a network task", type(exc).__name__)
            error = unexpected()
            self.ended.emit(self.job_id, False, error.phrase, error.exit_code)
        else:
            self.ended.emit(self.job_id, True, result, 0)


class SyncWorker(QObject):
    """The GUI-thread face of the network thread (see the module's docstring)."""

    status_changed = Signal(object)  # SyncStatus
    # Emitted on the network thread, delivered (queued) on the GUI thread; the first
    # argument is the generation, so what a halted thread still says is dropped.
    _event = Signal(int, str, object)
    _items = Signal(int, object)
    _error = Signal(int, object)

    def __init__(
        self,
        session: Session,
        parent: QObject | None = None,
        *,
        interval: float = INTERVAL_SECONDS,
        pass_factory: PassFactory = make_pass,
    ) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.session = session
        self.interval = interval
        self.pass_factory = pass_factory
        self.status = SyncStatus()
        self._generation = 0
        self._runner: Runner | None = None
        self._thread: _NetworkThread | None = None
        self._retiring: list[_NetworkThread] = []  # halted, finishing their request
        # One-shot network tasks (run_network): kept referenced until they have ended.
        self._jobs: dict[int, tuple[_NetworkJob, Done | None, Failed | None]] = {}
        self._job_ids = itertools.count(1)
        queued = Qt.ConnectionType.QueuedConnection
        self._event.connect(self._on_event, queued)
        self._items.connect(self._on_items, queued)
        self._error.connect(self._on_error, queued)

    # --- control (GUI thread) -------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    @property
    def network_thread(self) -> QThread | None:
        return self._thread

    def start(self) -> None:
        """Start syncing (after an unlock); a pass runs at once."""
        if self.running:
            self.wake()
            return
        self._generation += 1
        generation = self._generation

        def on_event(kind: str, details: dict[str, Any]) -> None:
            if kind == "progress":
                self._emit(self._event, generation, kind, dict(details))
            elif kind == "item":
                self._emit(self._event, generation, kind, dict(details))
                self._snapshot(generation)

        def guarded_pass() -> PassReport:
            self._snapshot(generation)  # what waits, before the first byte goes
            try:
                return one_pass()
            except QuietroomError:
                raise
            except Exception as exc:
                LOG.error("unexpected %s in a sync pass", type(exc).__name__)
                raise unexpected() from None
            finally:
                self._snapshot(generation)

        runner = Runner(
            guarded_pass,
            interval=self.interval,
            paused=lambda: not self.session.unlocked,
            on_report=lambda report: self._emit(self._event, generation, "pass", report.to_json()),
            on_error=lambda error: self._emit(self._error, generation, error.phrase),
        )
        # The pass itself stops between items once the runner halts.
        one_pass = self.pass_factory(self.session, runner.stop, on_event)
        thread = _NetworkThread(runner)
        # Queued: the bookkeeping (and dropping the last reference) happens on the GUI
        # thread, never on the thread that is finishing.
        thread.finished.connect(self._thread_finished, Qt.ConnectionType.QueuedConnection)
        self._runner, self._thread = runner, thread
        thread.start()

    def wake(self) -> None:
        """Run a pass now (new work was queued)."""
        if self._runner is not None:
            self._runner.wake()

    def run_network(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> int:
        """Run `fn(*args)` once on a network thread (never the vault worker, never the
        GUI thread); its result or its error comes back to `done` or `failed(message,
        exit code)` on the GUI thread, as with Backend.run. `fn` must not touch the vault."""
        job_id = next(self._job_ids)
        job = _NetworkJob(job_id, fn, args)
        job.ended.connect(self._job_ended, Qt.ConnectionType.QueuedConnection)
        self._jobs[job_id] = (job, done, failed)
        job.start()
        return job_id

    @Slot(int, bool, object, int)
    def _job_ended(self, job_id: int, ok: bool, payload: object, code: int) -> None:
        entry = self._jobs.pop(job_id, None)
        if entry is None:
            return
        job, done, failed = entry
        job.wait()  # it has emitted its last signal; this returns once it has fully ended
        if ok:
            if done is not None:
                done(payload)
        elif failed is not None:
            message = payload if isinstance(payload, Phrase) else unexpected().phrase
            failed(translate(message), code)

    def halt(self) -> None:
        """Stop syncing (on lock) without waiting: the thread ends by itself."""
        self._generation += 1  # whatever the old thread still says is dropped
        if self._runner is not None:
            self._runner.halt()
        if self._thread is not None and self._thread.isRunning():
            self._retiring.append(self._thread)
        self._runner, self._thread = None, None
        self.status = SyncStatus()
        self.status_changed.emit(self.status)

    def stop(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Halt, then wait (bounded) for every network thread to end; True if they did."""
        self.halt()
        done = True
        for thread in list(self._retiring):
            done = thread.wait(wait_ms) and done
        for job, _, _ in list(self._jobs.values()):  # bounded by the network timeout
            done = job.wait(wait_ms) and done
        return done

    @Slot()
    def _thread_finished(self) -> None:
        thread = self.sender()
        if not isinstance(thread, _NetworkThread):
            return
        thread.wait()  # it has emitted `finished`; this returns once it has fully ended
        if thread in self._retiring:
            self._retiring.remove(thread)
        if thread is self._thread:  # ended on its own (it should not): start afresh later
            self._runner, self._thread = None, None
        _LIVE.discard(thread)

    # --- the network thread's side --------------------------------------------------------

    def _emit(self, signal: Any, *args: Any) -> None:
        # The window may be gone (shutting down): then there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    def _snapshot(self, generation: int) -> None:
        if not self.session.unlocked:
            return
        try:
            items = outbox_items(self.session)
        except QuietroomError:  # locked meanwhile
            return
        except Exception as exc:
            LOG.error("unexpected %s reading the outbox", type(exc).__name__)
            return
        self._emit(self._items, generation, items)

    # --- back on the GUI thread -----------------------------------------------------------

    def _current(self, generation: int) -> bool:
        return generation == self._generation and self._runner is not None

    @Slot(int, object)
    def _on_items(self, generation: int, items: object) -> None:
        if self._current(generation) and isinstance(items, list):
            self._set(with_items(self.status, items))

    @Slot(int, str, object)
    def _on_event(self, generation: int, kind: str, details: object) -> None:
        if not self._current(generation) or not isinstance(details, dict):
            return
        if kind == "progress":
            sent, size = int(details.get("bytes_sent", 0)), int(details.get("size", 0))
            self._set(with_progress(self.status, str(details.get("id")), sent, size))
        elif kind == "item":
            self._set(with_item_event(self.status, details))
        elif kind == "pass":
            self._set(with_report(self.status, details))

    @Slot(int, object)
    def _on_error(self, generation: int, problem: object) -> None:
        if not self._current(generation) or not isinstance(problem, Phrase):
            return
        if problem.code in QUIET_CODES:
            return
        self._set(with_error(self.status, problem))

    def _set(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
