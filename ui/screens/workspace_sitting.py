"""The workspace's sitting: what the sitting bar asks for (start, resume, end, a pause's
requester corrected afterwards), the pacing heartbeat, and the bar kept in step with the
vault. A mixin of WorkspaceScreen (ui/screens/workspace.py), which owns the widgets; it
holds no words of its own, so the screen's translations stay in one context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer

from app.desktop.sittings import (
    amend_pause,
    current_sitting,
    end_sitting,
    pacing_tick,
    resume_sitting,
    start_sitting,
)
from app.desktop.types import Sitting
from ui.backend import Backend
from ui.widgets.guarded_edit import GuardedPlainTextEdit
from ui.widgets.sitting_bar import SittingBar


class WorkspaceSittingMixin:
    """Needs from the screen: the backend, the bar, the case shown, the tick timer and
    the screen's `_current`, `_failed` and `remember_place`."""

    backend: Backend
    bar: SittingBar
    editor: GuardedPlainTextEdit
    _ref: str | None
    _sitting: Sitting | None
    _tick: QTimer
    _current: Callable[[Callable[..., None]], Callable[..., None]]
    _failed: Callable[[str, int], None]
    remember_place: Callable[[], None]

    def _show_sitting(self, sitting: Sitting | None) -> None:
        self._sitting = sitting
        self.bar.show_sitting(sitting)
        if sitting is not None and sitting.state == "running":
            self._tick.start()
        else:
            self._tick.stop()

    def _refresh_sitting(self, *_: object) -> None:
        if self._ref is not None:
            self.backend.run(
                current_sitting,
                self._ref,
                done=self._current(self._show_sitting),
                failed=self._current(self._failed),
            )

    def _start(self) -> None:
        if self._ref is None:
            return
        self.backend.run(
            start_sitting,
            self._ref,
            self.bar.start_location(),
            done=self._current(self._started),
            failed=self._current(self._failed),
        )

    def _started(self, sitting: Sitting) -> None:
        self._show_sitting(sitting)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)  # the next thing is typing

    def _resume(self) -> None:
        if self._ref is not None:
            self.backend.run(
                resume_sitting,
                self._ref,
                done=self._current(self._refresh_sitting),
                failed=self._current(self._failed),
            )

    def _end(self) -> None:
        self.remember_place()
        if self._ref is not None:
            self.backend.run(
                end_sitting,
                self._ref,
                done=self._current(self._refresh_sitting),
                failed=self._current(self._failed),
            )

    def _amend_pause(self, number: int, requested_by: str | None, reason: str | None) -> None:
        """Correct who asked for the last pause, and why, after resuming."""
        if self._ref is None:
            return

        def done(_result: object) -> None:
            self.bar.amend_saved()
            self._refresh_sitting()

        self.backend.run(
            amend_pause,
            self._ref,
            number,
            requested_by,
            reason,
            done=self._current(done),
            failed=self._current(lambda m, c: self.bar.amend_failed(m)),
        )

    def sitting_changed(self) -> None:
        """The pause screen changed the sitting's state: show it."""
        self._refresh_sitting()

    def _pacing_tick(self) -> None:
        if self._ref is not None:  # the heartbeat, then any pacing suggestion now due
            self.backend.run(pacing_tick, self._ref, failed=lambda m, c: None)
