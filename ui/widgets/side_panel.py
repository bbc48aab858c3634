"""The timeline and the interviewer's notes, beside the statement (never in it). A note
added is said to a screen reader (the list changing says nothing)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.desktop.types import TimelineEvent, parse_stamp
from ui import dates
from ui.dates import day_time
from ui.screens.base import accessible, name_tab_pages, plain_label, scrolled
from ui.widgets.announce import announce


def note_time(stamp: str) -> str:
    """When a note was written, in local time ("4 Dec 2026, 06:38")."""
    try:
        return day_time(parse_stamp(stamp))
    except ValueError:
        return stamp[:16].replace("T", " ")


class SidePanel(QTabWidget):
    event_added = Signal(str, str)  # when, what
    note_added = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accessible(self, self.tr("Timeline and notes"))
        name_tab_pages(self)
        # Every tab whole (no scroll arrows hiding "Exhibits"): the panel is as wide as
        # its tabs, and the guide folds first to make room.
        self.setUsesScrollButtons(False)
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        # Timeline
        timeline = QWidget(self)
        tl = QVBoxLayout(timeline)
        self.events = QListWidget(timeline)
        self.events.setWordWrap(True)
        accessible(
            self.events,
            self.tr("Timeline events"),
            self.tr("Events in date order, in the survivor's own words"),
        )
        form = QFormLayout()
        self.when = QLineEdit(timeline)
        self.when.setPlaceholderText(self.tr("e.g. summer 1987, aged about 12"))
        accessible(self.when, self.tr("When"), self.tr("In the survivor's words"))
        self.what = QLineEdit(timeline)
        accessible(self.what, self.tr("What happened"))
        form.addRow(self.tr("&When"), self.when)
        form.addRow(self.tr("Wh&at"), self.what)
        self.add_event = QPushButton(self.tr("Add to &timeline"), timeline)
        accessible(self.add_event, self.tr("Add to timeline"))
        self.timeline_message = plain_label("", timeline, name="hint")
        tl.addWidget(self.events, 1)
        tl.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_event)
        tl.addLayout(row)
        tl.addWidget(self.timeline_message)
        self.addTab(scrolled(timeline, self), self.tr("Timeline"))
        # Notes
        notes = QWidget(self)
        nl = QVBoxLayout(notes)
        nl.addWidget(
            plain_label(
                self.tr("Notes for you only. They never enter the statement."), notes, name="hint"
            )
        )
        self.notes = QListWidget(notes)
        self.notes.setWordWrap(True)
        accessible(self.notes, self.tr("Interviewer notes"))
        self.note = QPlainTextEdit(notes)
        self.note.setMaximumBlockCount(0)
        accessible(self.note, self.tr("New note"), self.tr("Never part of the statement"))
        self.add_note = QPushButton(self.tr("Add &note"), notes)
        accessible(self.add_note, self.tr("Add note"))
        nl.addWidget(self.notes, 2)
        nl.addWidget(self.note, 1)
        nl.addWidget(self.add_note)
        self._notes_layout = nl  # a hint about the note's question goes under "Add note"
        self.addTab(scrolled(notes, self), self.tr("Notes"))
        self.add_event.clicked.connect(self._add_event)
        self.what.returnPressed.connect(self._add_event)
        self.add_note.clicked.connect(self._add_note)

    def _add_event(self) -> None:
        if self.when.text().strip() and self.what.text().strip():
            self.event_added.emit(self.when.text(), self.what.text())

    def _add_note(self) -> None:
        if self.note.toPlainText().strip():
            self.note_added.emit(self.note.toPlainText())

    def show_events(self, events: list[TimelineEvent]) -> None:
        self.events.clear()
        for e in events:
            mark = self.tr(" (uncertain)") if e.uncertain else ""
            first, last = (dates.day(date.fromisoformat(d)) for d in (e.earliest, e.latest))
            span = first if first == last else f"{first} – {last}"
            self.events.addItem(f"{e.when}{mark}: {e.what}\n{span}")

    def show_notes(self, notes: list[dict[str, object]]) -> None:
        self.notes.clear()
        for n in notes:
            self.notes.addItem(f"{note_time(str(n['created']))}\n{n['text']}")

    def note_saved(self) -> None:
        """The note typed is stored (and in the list): the box is emptied for the next."""
        self.note.clear()
        announce(self, self.tr("Note added."))

    def add_note_hint(self, hint: QWidget) -> None:
        """Put the quiet hint about a note's question (ui/widgets/question_hint.py) under
        "Add note", next after it in the tab order."""
        self._notes_layout.addWidget(hint)
        QWidget.setTabOrder(self.add_note, hint)

    def event_saved(self) -> None:
        self.when.clear()
        self.what.clear()
        self.timeline_message.setText("")

    def clear(self) -> None:
        for widget in (self.events, self.notes):
            widget.clear()
        for line in (self.when, self.what):
            line.clear()
        self.note.clear()
        self.timeline_message.setText("")
