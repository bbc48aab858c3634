"""The workspace's sitting: what the sitting bar asks for (start, resume, end, a pause's
requester corrected afterwards), the pacing heartbeat, the bar kept in step with the
vault, and the status line under the statement said to a screen reader ("Saved" once a
sitting). A mixin of WorkspaceScreen (ui/screens/workspace.py), which owns the widgets;
it holds no words of its own, so the screen's translations stay in one context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

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
from ui.widgets.announce import announce
from ui.widgets.guarded_edit import GuardedPlainTextEdit
from ui.widgets.sitting_bar import SittingBar


class WorkspaceSittingMixin:
    """Needs from the screen: the backend, the bar, the case shown, the tick timer and
    the screen's `_current`, `_failed` and `remember_place`."""

    backend: Backend
    bar: SittingBar
    editor: GuardedPlainTextEdit
    saved: QLabel
    _ref: str | None
    _sitting: Sitting | None
    _tick: QTimer
    _current: Callable[[Callable[..., None]], Callable[..., None]]
    _failed: Callable[[str, int], None]
    remember_place: Callable[[], None]
    # The case and sitting (its number; None while none is open) "Saved" was said for.
    _saved_said: tuple[str | None, int | None] | None = None

    def _show_status(self, text: str) -> None:
        """A status on the line under the statement, said as it appears."""
        self.saved.setText(text)
        announce(self.saved, text)

    def _show_saved(self, text: str) -> None:
        """The word "Saved": said once a sitting, not at every burst of typing."""
        self.saved.setText(text)
        sitting = self._sitting
        said_for = (self._ref, sitting.number if sitting is not None and sitting.open else None)
        if said_for != self._saved_said:
            self._saved_said = said_for
            announce(self.saved, text)

    def _show_unsaved(self, text: str) -> None:
        """A save failed: said, and the next "Saved" is said again."""
        self._saved_said = None
        self._show_status(text)

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
        # The focus first (the next thing is typing), so that "Sitting 1: running" is
        # said after the editor is, not cut short by it.
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_sitting(sitting)

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
