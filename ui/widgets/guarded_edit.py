"""A plain-text editor whose text cannot leave through the clipboard unless allowed.

Copying statement text is off by default. When the interviewer switches it on in the
settings, whatever the app put on the clipboard is cleared after 30 seconds if the
clipboard still holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

CLEAR_AFTER_MS = 30_000


class ClipboardGuard:
    """Clears the clipboard after a delay if it still holds the text we put there."""

    def __init__(self, delay_ms: int = CLEAR_AFTER_MS) -> None:
        self._ours: str | None = None
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.clear_if_ours)

    def placed(self, text: str) -> None:
        self._ours = text
        self._timer.start()

    def owns_clipboard(self) -> bool:
        clipboard = QGuiApplication.clipboard()
        return bool(self._ours) and clipboard is not None and clipboard.text() == self._ours

    def clear_if_ours(self) -> None:
        if self.owns_clipboard():
            QGuiApplication.clipboard().clear()
        self._ours = None


class GuardedPlainTextEdit(QPlainTextEdit):
    copy_refused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clipboard_allowed = False
        self.guard = ClipboardGuard()

    def createMimeDataFromSelection(self) -> QMimeData:
        if not self.clipboard_allowed:
            self.copy_refused.emit()
            return QMimeData()  # copy, cut and drag carry nothing out
        data = super().createMimeDataFromSelection()
        self.guard.placed(data.text())
        return data

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.clipboard_allowed and (event.matches(QKeySequence.StandardKey.Cut)
                                           or event.matches(QKeySequence.StandardKey.Copy)):
            # Refuse the whole action: a cut that copies nothing must not delete either.
            self.copy_refused.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        if not self.clipboard_allowed:
            for action in menu.actions():
                if action.objectName() in ("edit-cut", "edit-copy"):
                    action.setEnabled(False)
        menu.exec(event.globalPos())
        menu.deleteLater()
