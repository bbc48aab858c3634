"""The passphrase entry: a line edit whose Qt text is only mask characters.

Qt's password line edit keeps the real text and, for every keystroke, sends the
accessibility bus a text-inserted event that carries the typed character: any program of
the same user can listen, and Orca reads each character aloud (issue #18). Qt 6.11, the
newest release, still does so (QWidgetLineControl::internalInsert posts the inserted
text whatever the echo mode). So this field never gives Qt the passphrase: the widget
holds one "●" per character, in password mode (its role stays "password text"), and the
characters themselves live only here, in Python, where `text()` returns them. Every event,
interface, name and value Qt can expose carries "●" and the length the mask already shows.

Typing, deleting (Backspace, Delete, whole words, a selection) and pasting work as in any
password field. What Qt's password field already refuses (copy, cut, undo, dragging) stays
refused, and so is pasting the X11 selection with the middle button and the input-method
pre-edit (which would show the characters). *Show passphrase* (`set_revealed`) puts the
real text in the widget, for the eye and, necessarily, for the screen reader too; hiding
it again puts the mask back.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QWidget

MASK = "\u25cf"  # ●, the mark Qt's styles show for a password character

# What Qt's password field does not allow and this one refuses outright.
REFUSED_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def typed_text(event: QKeyEvent) -> str:
    """The characters a key press types, or "" for a command, a movement or a deletion
    (Qt's own line edit inserts under the same conditions)."""
    text = event.text()
    if not text or event.modifiers() & COMMAND_MODIFIERS:
        return ""
    if any(unicodedata.category(c).startswith("C") for c in text):
        return ""  # control characters: Backspace, Enter, Escape, Tab…
    return text


class SecretField(QLineEdit):
    """A password line edit that gives Qt nothing but "●" (see the module docstring)."""

    secret_changed = Signal(str)  # the real text, in process only: for a strength hint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret: list[str] = []
        self._revealed = False
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._hide_from_input_methods()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self.setDragEnabled(False)

    def _hide_from_input_methods(self) -> None:
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        # No pre-edit: an input method would draw (and expose) the composed characters.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    # --- the text, for Python only ----------------------------------------------------------

    def text(self) -> str:
        if self._revealed:
            return QLineEdit.text(self)
        return "".join(self._secret)

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._secret = list(text)
        QLineEdit.setText(self, text if self._revealed else MASK * len(text))
        self.secret_changed.emit(text)

    def clear(self) -> None:
        self.setText("")

    def is_revealed(self) -> bool:
        return self._revealed

    def set_revealed(self, revealed: bool) -> None:
        """Show the passphrase (the person asked to see it) or put the mask back."""
        if revealed == self._revealed:
            return
        secret, cursor = self.text(), self.cursorPosition()
        self._revealed = revealed
        self.setEchoMode(QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password)
        if not revealed:
            self._hide_from_input_methods()
        self.setText(secret)
        self.setCursorPosition(cursor)

    # --- keys, pasting, input methods -------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._revealed:
            super().keyPressEvent(event)
            self._revealed_edit()
            return
        if any(event.matches(key) for key in REFUSED_KEYS):
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self._insert(_first_line(QGuiApplication.clipboard().text()))
            event.accept()
            return
        text = typed_text(event)
        if text and not self.isReadOnly():
            self._insert(text)
            event.accept()
            return
        before = len(QLineEdit.text(self))
        super().keyPressEvent(event)  # movement, selection, deletion, Enter
        self._follow_deletion(before)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if self._revealed:
            super().inputMethodEvent(event)
            self._revealed_edit()
            return
        if event.commitString():
            self._insert(event.commitString())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # The middle button pastes the X11 selection straight into Qt's text: not here.
        if event.button() == Qt.MouseButton.MiddleButton and not self._revealed:
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        # Ctrl+V and the like reach a line edit as shortcut overrides first: keep ours.
        if event.type() == QEvent.Type.ShortcutOverride and not self._revealed:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.matches(QKeySequence.StandardKey.Paste) or any(
                key_event.matches(key) for key in REFUSED_KEYS
            ):
                event.accept()
                return True
        return super().event(event)

    def _insert(self, text: str) -> None:
        if self.isReadOnly() or not text:
            return
        masked = QLineEdit.text(self)
        start, length = self.cursorPosition(), 0
        if self.hasSelectedText():
            start, length = self.selectionStart(), len(self.selectedText())
        room = self.maxLength() - (len(masked) - length)
        text = text[: max(room, 0)]
        if not text and not length:
            return
        self._secret[start : start + length] = list(text)
        self.insert(MASK * len(text))  # replaces the selection, as typing would
        self.secret_changed.emit("".join(self._secret))

    def _follow_deletion(self, before: int) -> None:
        """After Qt's own editing: a single deletion of any kind leaves the caret where the
        removed run began, so the same run goes from the real characters."""
        masked = QLineEdit.text(self)
        removed = before - len(masked)
        if removed > 0:
            start = self.cursorPosition()
            del self._secret[start : start + removed]
            self.secret_changed.emit("".join(self._secret))
        if len(masked) != len(self._secret) or masked.strip(MASK):
            # Nothing but typing adds characters; should Qt ever do so, keep no partial
            # passphrase rather than a wrong one.
            self.setText("")

    def _revealed_edit(self) -> None:
        self._secret = list(QLineEdit.text(self))
        self.secret_changed.emit("".join(self._secret))


def _first_line(text: str) -> str:
    # A passphrase is one line; a password manager's copy may end with a newline.
    return text.splitlines()[0] if text else ""
