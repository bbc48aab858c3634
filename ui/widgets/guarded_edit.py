"""A plain-text editor whose text cannot leave through the clipboard unless allowed.

Copying statement text is off by default. Then nothing the editor holds reaches the
clipboard, a drag, or (on Linux/X11) the primary selection that every mouse selection
fills and a middle click pastes into any other program. Selecting text is not an attempt
to copy it, so only an explicit copy, cut or drag emits `copy_refused` (the workspace
shows a quiet "Copying is switched off" there).

When the interviewer switches copying on in the settings, whatever the editor put on the
clipboard or in the primary selection is cleared after 30 seconds if it still holds that
text, and at once when the editor is cleared (as it is on lock).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

CLEAR_AFTER_MS = 30_000

Mode = QClipboard.Mode


class ClipboardGuard(QObject):
    """Clears each clipboard mode (clipboard, X11 primary selection) that still holds our text.

    The editor calls `placed(text)` as it hands text to Qt; Qt then puts it on the
    clipboard (copy, cut) or in the primary selection (a mouse selection, Ctrl+A) and
    reports which through `QClipboard.changed`, so each mode has its own timer and a
    selection made later never extends the life of something copied earlier.
    """

    def __init__(self, delay_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: str | None = None
        self._ours: dict[Mode, str] = {}
        self._timer = self._make_timer(delay_ms, Mode.Clipboard)
        self._selection_timer = self._make_timer(delay_ms, Mode.Selection)
        self._timers = {Mode.Clipboard: self._timer, Mode.Selection: self._selection_timer}
        QGuiApplication.clipboard().changed.connect(self._changed)

    def _make_timer(self, delay_ms: int, mode: Mode) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay_ms)
        timer.timeout.connect(lambda: self._clear(mode))
        return timer

    def set_delay(self, delay_ms: int) -> None:
        """How long our text may stay (30 s in the app; tests shorten it)."""
        for timer in self._timers.values():
            timer.setInterval(delay_ms)

    def placed(self, text: str) -> None:
        """The editor is handing `text` to Qt for the clipboard, the selection or a drag."""
        self._pending = text or None

    def _changed(self, mode: Mode) -> None:
        pending, self._pending = self._pending, None
        timer = self._timers.get(mode)
        if pending is None or timer is None:
            return  # not our hand-over (another program, or another widget of ours)
        if QGuiApplication.clipboard().text(mode) == pending:
            self._ours[mode] = pending
            timer.start()

    def _holds_ours(self, mode: Mode) -> bool:
        ours = self._ours.get(mode)
        return bool(ours) and QGuiApplication.clipboard().text(mode) == ours

    def _clear(self, mode: Mode) -> None:
        if self._holds_ours(mode):
            QGuiApplication.clipboard().clear(mode)
        self._ours.pop(mode, None)
        self._timers[mode].stop()

    def owns_clipboard(self) -> bool:
        """The clipboard (Ctrl+V) still holds text we put there."""
        return self._holds_ours(Mode.Clipboard)

    def owns_selection(self) -> bool:
        """The X11 primary selection (middle click) still holds text we put there."""
        return self._holds_ours(Mode.Selection)

    def clear_if_ours(self) -> None:
        """Clear, now, every mode that still holds our text."""
        for mode in list(self._timers):
            self._clear(mode)


class GuardedPlainTextEdit(QPlainTextEdit):
    copy_refused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clipboard_allowed = False
        self.guard = ClipboardGuard(parent=self)
        self._explicit = False  # inside an explicit copy, cut or drag

    @contextmanager
    def _explicitly(self) -> Iterator[None]:
        self._explicit = True
        try:
            yield
        finally:
            self._explicit = False

    def createMimeDataFromSelection(self) -> QMimeData:
        if not self.clipboard_allowed:
            # Qt also asks for this on every mouse selection, for the primary selection:
            # give it nothing, and say so only when the user meant to copy.
            if self._explicit:
                self.copy_refused.emit()
            return QMimeData()  # copy, cut, drag and the primary selection carry nothing out
        data = super().createMimeDataFromSelection()
        self.guard.placed(data.text())
        return data

    def copy(self) -> None:
        if not self.clipboard_allowed:
            self.copy_refused.emit()
            return
        super().copy()

    def cut(self) -> None:
        if not self.clipboard_allowed:
            self.copy_refused.emit()  # a cut that copies nothing must not delete either
            return
        super().cut()

    def clear(self) -> None:
        super().clear()
        self.guard.clear_if_ours()  # the words are gone from here: from the clipboard too

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.clipboard_allowed and (
            event.matches(QKeySequence.StandardKey.Cut)
            or event.matches(QKeySequence.StandardKey.Copy)
        ):
            # Refuse the whole action: a cut that copies nothing must not delete either.
            self.copy_refused.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # Dragging the selection away starts here; extending a selection never asks for data.
        with self._explicitly():
            super().mouseMoveEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        if not self.clipboard_allowed:
            for action in menu.actions():
                if action.objectName() in ("edit-cut", "edit-copy"):
                    action.setEnabled(False)
        menu.exec(event.globalPos())
        menu.deleteLater()
