"""The supervisor's review checklist as a form: one row per item, each with three
choices (met, not met, not applicable) and a comment.

The form holds no rule of its own beyond telling the screen what is still missing for an
approval (an unanswered item, a "not met" without a comment), so the buttons can say so
before the core is asked; the core checks again and has the last word. Item texts come
from the guide, comments from the person typing: both are shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.desktop.review import ANSWERS, MAX_COMMENT_CHARS, ChecklistEntry
from ui.screens.base import accessible, plain_label


class ChecklistRow(QFrame):
    """One checklist item: its text, three choices and a comment."""

    changed = Signal()

    def __init__(self, position: int, entry: ChecklistEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistItem")
        self.position = position
        self.entry = entry
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        # The guide's wording, shown as plain text.
        self.text = plain_label(
            self.tr("{number}. {text}").format(number=position, text=entry.text), self
        )
        layout.addWidget(self.text)
        about = self.tr("Item {number}: {text}").format(number=position, text=entry.text)
        labels = {
            "met": self.tr("Met"),
            "not_met": self.tr("Not met"),
            "na": self.tr("Not applicable"),
        }
        choices = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        for answer in ANSWERS:
            button = QRadioButton(labels[answer], self)
            accessible(button, labels[answer], about)
            self.group.addButton(button)
            self.buttons[answer] = button
            choices.addWidget(button)
        choices.addStretch(1)
        layout.addLayout(choices)
        self.comment = QLineEdit(self)
        self.comment.setMaxLength(MAX_COMMENT_CHARS)
        self.comment.setPlaceholderText(self.tr("Comment (optional)"))
        accessible(
            self.comment,
            self.tr("Comment on item {number}").format(number=position),
            self.tr("Optional, but needed when the item is not met"),
        )
        layout.addWidget(self.comment)
        self.needs = plain_label(
            self.tr("A short comment is needed here: say why this is not met."),
            self,
            name="hint",
        )
        self.needs.hide()
        layout.addWidget(self.needs)
        self.group.buttonToggled.connect(lambda *_: self._changed())
        self.comment.textChanged.connect(lambda *_: self._changed())

    def answer(self) -> str | None:
        return next((a for a, b in self.buttons.items() if b.isChecked()), None)

    def missing_comment(self) -> bool:
        return self.answer() == "not_met" and not self.comment.text().strip()

    def _changed(self) -> None:
        needs = self.missing_comment()
        self.needs.setVisible(needs)
        self.comment.setPlaceholderText(
            self.tr("Say why it is not met") if needs else self.tr("Comment (optional)")
        )
        self.changed.emit()

    def set_answer(self, answer: str | None) -> None:
        if answer is None:
            # an exclusive group keeps one button checked; let go of it to clear
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
            self._changed()
        else:
            self.buttons[answer].setChecked(True)

    def set_read_only(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not on)
        self.comment.setReadOnly(on)


class ChecklistForm(QWidget):
    """Every item of a review's checklist, in the guide's order."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[ChecklistRow] = []

    def set_items(self, entries: Sequence[ChecklistEntry]) -> None:
        self.clear()
        for position, entry in enumerate(entries, start=1):
            row = ChecklistRow(position, entry, self)
            row.changed.connect(self.changed)
            self._layout.addWidget(row)
            self.rows.append(row)
        self.changed.emit()

    def clear(self) -> None:
        """Forget every item, answer and comment (on lock, or before another review)."""
        for row in self.rows:
            row.comment.clear()
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        self.changed.emit()

    def answers(self) -> dict[str, tuple[str, str]]:
        """Item id -> (answer, comment) for every item answered so far."""
        return {
            row.entry.id: (answer, row.comment.text().strip())
            for row in self.rows
            if (answer := row.answer()) is not None
        }

    def unanswered(self) -> list[int]:
        return [row.position for row in self.rows if row.answer() is None]

    def missing_comments(self) -> list[int]:
        return [row.position for row in self.rows if row.missing_comment()]

    def row(self, position: int) -> ChecklistRow | None:
        return next((r for r in self.rows if r.position == position), None)

    def set_read_only(self, on: bool) -> None:
        for row in self.rows:
            row.set_read_only(on)
