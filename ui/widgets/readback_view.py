"""The read-back widgets: the large-print statement, the witness's window, corrections.

`LargeTextView` is the read-only plain-text view (its size is set by the read-back screen,
never by Ctrl+wheel on its own); `SecondScreenWindow` is a separate top-level window
titled "Quietroom" that mirrors the text and size, full-screen on a second monitor (only
when there is one: `second_screen` decides); `FullScreenReadBack` is the same window
full-screen on the interviewer's own screen, with a Close button, when there is no second
one; `CorrectionPanel` edits one section at a time and keeps unsaved words per
section. `compose_statement` builds the text: the survivor's words only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QScreen, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.desktop.types import SectionText
from ui import capture
from ui.screens.base import accessible
from ui.widgets.guarded_edit import GuardedPlainTextEdit

MIN_POINT_SIZE = 14
MAX_POINT_SIZE = 40
DEFAULT_POINT_SIZE = 20
STEP = 2


def clamp_size(points: int) -> int:
    return max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, points))


def fill(template: str, *values: str) -> str:
    """Qt-style %1, %2 placeholders filled in one pass (values may contain '%')."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], template)


def compose_statement(sections: Iterable[SectionText], corrected: set[str], marker: str) -> str:
    """The statement as the witness reads it: each non-empty section's words, in order,
    separated by a blank line; a corrected section is preceded by `marker` on its own line
    (plain words, so the change is not signalled by colour alone)."""
    return composed(sections, corrected, marker)[0]


def composed(
    sections: Iterable[SectionText], corrected: set[str], marker: str
) -> tuple[str, list[tuple[int, str]]]:
    """`compose_statement`'s text, and where each shown section starts in it (character
    offset, section id), so the section being read can be found from the view."""
    parts: list[str] = []
    starts: list[tuple[int, str]] = []
    offset = 0
    for section in sections:
        text = section.text.strip()
        if not text:
            continue
        part = f"{marker}\n{text}" if section.id in corrected else text
        starts.append((offset, section.id))
        parts.append(part)
        offset += len(part) + 2  # the blank line between sections
    return "\n\n".join(parts), starts


def section_at(starts: list[tuple[int, str]], position: int) -> str | None:
    """The id of the section shown at character `position` (None when nothing is shown)."""
    found = None
    for start, section_id in starts:
        if start > position:
            break
        found = section_id
    return found


class LargeTextView(GuardedPlainTextEdit):
    """Read-only large text; Ctrl+wheel asks for a size step instead of zooming itself."""

    size_step = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(GuardedPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        self.set_point_size(DEFAULT_POINT_SIZE)

    def set_point_size(self, points: int) -> None:
        font = QFont(self.font())
        font.setPointSize(points)
        self.setFont(font)

    def point_size(self) -> int:
        return self.font().pointSize()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.size_step.emit(STEP if delta > 0 else -STEP)
            event.accept()
            return
        super().wheelEvent(event)


def second_screen(screens: Sequence[QScreen], here: QScreen | None) -> QScreen | None:
    """The screen to face the witness: one other than `here` (the interviewer's), or
    None when there is only one screen (nothing is then opened over the interviewer's
    controls)."""
    if len(screens) < 2:
        return None
    return next((s for s in screens if s != here), None)


def witness_display(anchor: QWidget) -> QScreen | None:
    """The second screen for `anchor`'s window as connected now, if there is one."""
    return second_screen(QGuiApplication.screens(), anchor.screen())


class SecondScreenWindow(QWidget):
    """The witness's copy of the read-back text; nothing else (no controls, no case name)."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        # A child with the Window flag: a separate top-level window that still goes away
        # with the screen that owns it.
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setWindowTitle("Quietroom")  # never anything else: no case content in titles
        accessible(self, self.tr("The statement, to read"))
        self.view = LargeTextView(self)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the interviewer keeps the keyboard
        accessible(
            self.view,
            self.tr("Statement text"),
            self.tr("The statement in large print, to read"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def set_text(self, text: str) -> None:
        if text != self.view.toPlainText():
            bar = self.view.verticalScrollBar()
            position = bar.value()
            self.view.setPlainText(text)
            bar.setValue(position)

    def set_point_size(self, points: int) -> None:
        self.view.set_point_size(points)

    def show_on(self, target: QScreen) -> None:
        """Full-screen on `target` (the second screen, `witness_display`)."""
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()
        self.raise_()

    def clear(self) -> None:
        self.view.clear()
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WinIdChange:
            capture.exclude_from_capture(self)
        return super().event(event)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        capture.exclude_from_capture(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.view.clear()  # a closed window keeps no copy of the statement
        self.closed.emit()


class FullScreenReadBack(SecondScreenWindow):
    """With no second screen: the read-back full-screen on this one, to read together.

    The same window as the second screen's (text and size mirrored, titled "Quietroom",
    kept from screen capture, emptied when it closes), but it takes the keyboard, so the
    text scrolls with the arrow keys and Page Down, and it has a Close button; Esc closes
    it too. The interviewer's screen is underneath, as it was."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.close_button = QPushButton(self.tr("&Close the full-screen read-back"), self)
        accessible(
            self.close_button,
            self.tr("Close the full-screen read-back"),
            self.tr("Returns to the read-back screen (Esc)"),
        )
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(row)

    def show_here(self, anchor: QWidget) -> None:
        """Full-screen on the screen `anchor`'s window is on, with the keyboard."""
        here = anchor.screen()
        self.setScreen(here)
        self.setGeometry(here.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)


class CorrectionPanel(QWidget):
    """A section selector and an editor for that section's words.

    Unsaved words are kept per section, with the text they began from, so switching
    sections loses nothing; a draft whose section has changed since is dropped.
    """

    save_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored: dict[str, str] = {}
        self._drafts: dict[str, tuple[str, str]] = {}  # section -> (text it began from, draft)
        self._section: str | None = None
        self._base = ""
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(self.tr("Sec&tion"), self)
        self.section_choice = QComboBox(self)
        label.setBuddy(self.section_choice)
        accessible(self.section_choice, self.tr("Section to correct"))
        accessible(self.section_choice.view(), self.tr("Section to correct"))  # its pop-up list
        self.section_choice.currentIndexChanged.connect(self._section_changed)
        row.addWidget(label)
        row.addWidget(self.section_choice, 1)
        layout.addLayout(row)
        self.editor = GuardedPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        accessible(
            self.editor,
            self.tr("Corrected text of the section"),
            self.tr("Change the words as they ask, then save the correction"),
        )
        self.editor.textChanged.connect(self._update_buttons)
        layout.addWidget(self.editor, 1)
        actions = QHBoxLayout()
        self.save = QPushButton(self.tr("Sa&ve the correction"), self)
        accessible(
            self.save,
            self.tr("Save the correction"),
            self.tr("Saves this section; it is recorded as a read-back correction"),
        )
        self.undo = QPushButton(self.tr("&Undo changes"), self)
        accessible(
            self.undo, self.tr("Undo changes"), self.tr("Puts back the section's saved text")
        )
        self.save.clicked.connect(self._save)
        self.undo.clicked.connect(self._undo)
        actions.addWidget(self.save)
        actions.addWidget(self.undo)
        actions.addStretch(1)
        layout.addLayout(actions)

    def focus_order(self) -> list[QWidget]:
        return [self.section_choice, self.editor, self.save, self.undo]

    def show_section(self, section_id: str) -> None:
        """Put `section_id` in the editor (its draft, if one is kept)."""
        index = self.section_choice.findData(section_id)
        if index >= 0:
            self.section_choice.setCurrentIndex(index)

    def set_sections(self, sections: list[SectionText], corrected: set[str]) -> None:
        self._stash()
        self._stored = {s.id: s.text for s in sections}
        self._drafts = {sid: d for sid, d in self._drafts.items() if self._stored.get(sid) == d[0]}
        keep = self._section
        self.section_choice.blockSignals(True)
        self.section_choice.clear()
        for s in sections:
            title = fill(self.tr("%1 (corrected)"), s.title) if s.id in corrected else s.title
            self.section_choice.addItem(title, s.id)
        index = self.section_choice.findData(keep) if keep else -1
        if index < 0:  # the first section with words in it, not an empty one
            index = next((i for i, s in enumerate(sections) if s.text.strip()), 0)
        self.section_choice.setCurrentIndex(index if sections else -1)
        self.section_choice.blockSignals(False)
        self._load(self.section_choice.currentData())

    def saved(self, section: str, text: str) -> None:
        """The engine stored `text` for `section`: it is no longer a draft."""
        self._drafts.pop(section, None)
        if self._section == section and self.editor.toPlainText() == text:
            self._base = text

    def has_unsaved(self) -> bool:
        self._stash()
        return bool(self._drafts)

    def set_busy(self, busy: bool) -> None:
        # The editor goes read-only rather than disabled: a disabled widget loses the
        # focus, which would jump to "Back to the interview" (and Enter would leave).
        self._busy = busy
        self.section_choice.setEnabled(not busy)
        self.editor.setReadOnly(busy)
        self._update_buttons()

    def set_point_size(self, points: int) -> None:
        font = QFont(self.editor.font())
        font.setPointSize(points)
        self.editor.setFont(font)

    def clear(self) -> None:
        self._stored, self._drafts, self._section, self._base = {}, {}, None, ""
        self.section_choice.blockSignals(True)
        self.section_choice.clear()
        self.section_choice.blockSignals(False)
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self._update_buttons()

    def _stash(self) -> None:
        if self._section is None:
            return
        text = self.editor.toPlainText()
        if text != self._base:
            self._drafts[self._section] = (self._base, text)
        else:
            self._drafts.pop(self._section, None)

    def _section_changed(self, _index: int) -> None:
        self._stash()
        self._load(self.section_choice.currentData())

    def _load(self, section: str | None) -> None:
        self._section = section
        stored = self._stored.get(section, "") if section else ""
        self._base, text = self._drafts.get(section, (stored, stored)) if section else ("", "")
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        changed = self._section is not None and self.editor.toPlainText() != self._base
        self.save.setEnabled(changed and not self._busy)
        self.undo.setEnabled(changed and not self._busy)

    def _undo(self) -> None:
        if self._section is not None:
            self._drafts.pop(self._section, None)
            self._load(self._section)

    def _save(self) -> None:
        if self._section is not None:
            self.save_requested.emit(self._section, self.editor.toPlainText())
