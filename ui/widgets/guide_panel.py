"""The interview guide for the interviewer only: phases and their open prompts.

Prompts come from the guide files shipped with the app, in the interface language when a
translation is shipped (app/guides/translations.py), and are shown as plain text (never
markup); they are never written into the statement. Words to say and things to do look
different: "Say:" in bold before the words, "Do:" and its instruction in italics, and a
condition ("Only if: …") in italics on the line above the prompt it governs.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget

from app.desktop.types import Guide
from ui.screens.base import accessible, plain_label


class GuidePanel(QWidget):
    phase_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label(self.tr("Interview guide (for you only)"), self, name="subtitle")
        self.phases = QListWidget(self)
        self.phases.setWordWrap(True)
        accessible(
            self.phases,
            self.tr("Interview phases"),
            self.tr("Choose the phase you are in; its prompts appear below"),
        )
        self.prompts = QPlainTextEdit(self)
        self.prompts.setReadOnly(True)
        accessible(
            self.prompts,
            self.tr("Prompts for this phase"),
            self.tr("Open, non-leading prompts for the interviewer; never part of the statement"),
        )
        layout.addWidget(self.heading)
        layout.addWidget(self.phases, 1)
        layout.addWidget(self.prompts, 2)
        self._guide: Guide | None = None
        self.phases.currentRowChanged.connect(self._show_phase)

    def show_guide(self, guide: Guide, phase: str | None) -> None:
        self._guide = guide
        self.phases.blockSignals(True)
        self.phases.clear()
        for p in guide.phases:
            self.phases.addItem(QListWidgetItem(p.title))
        ids = [p.id for p in guide.phases]
        self.phases.setCurrentRow(ids.index(phase) if phase in ids else 0)
        self.phases.blockSignals(False)
        self._fill_prompts(self.phases.currentRow())

    def _fill_prompts(self, row: int) -> None:
        if self._guide is None or not 0 <= row < len(self._guide.phases):
            self.prompts.clear()
            return
        phase = self._guide.phases[row]
        self.prompts.clear()
        cursor = QTextCursor(self.prompts.document())
        plain, bold, italic = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        italic.setFontItalic(True)
        cursor.insertText(phase.purpose, plain)
        for prompt in phase.prompts:
            cursor.insertText("\n\n", plain)
            if prompt.only_if:
                cursor.insertText(self.tr("Only if: %1").replace("%1", prompt.only_if), italic)
                cursor.insertText("\n", plain)
            if prompt.kind == "do":
                cursor.insertText(self.tr("Do: ") + prompt.text, italic)
            else:
                cursor.insertText(self.tr("Say: "), bold)
                cursor.insertText(prompt.text, plain)
        self.prompts.moveCursor(QTextCursor.MoveOperation.Start)

    def _show_phase(self, row: int) -> None:
        self._fill_prompts(row)
        if self._guide is not None and 0 <= row < len(self._guide.phases):
            self.phase_chosen.emit(self._guide.phases[row].id)

    def clear(self) -> None:
        self._guide = None
        self.phases.clear()
        self.prompts.clear()
