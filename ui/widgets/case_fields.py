"""The guide's structured fields, beside the statement and never in it: the workspace's
"Details" tab (issue #21 §6), there while the case's guide has fields (general has none).

Each field of the case's guide (the version the case was started with, in the interface
language: the workspace hands over the guide it loaded) is shown with its label, its help
as a plain hint under the label and as the editor's accessible description, and an
editor fitting its kind: a line for text, a box for longer text, a drop-down for one
choice, a checkable list for several, a spin box for a number. Labels, help and choices
come from a guide file and values from the vault: all are shown as plain text, and an
ampersand in a label is never an underlined letter.

Saving is calm and never loses typing. Typed text is saved when the interviewer leaves
the field, after a short pause in typing (FIELD_SAVE_MS), and at once on `flush()`, which
the workspace calls before a pause, a lock or another case (`remember_place`); a choice
is saved as it is made. Only a value that differs from the one stored is sent. Every save
runs on the backend's worker (app/desktop/cases.py); the core's check is the only one,
and a value it refuses stays in the editor, with the core's message under it, while the
vault keeps the value it had. "Saved" appears quietly under the field last saved, said to
a screen reader the first time for a case only.

The core lets the fields change after the statement is signed (they are the case record,
not statement text), so they stay editable then. `clear()` (on lock, or another case)
forgets every value, label and message, and drops whatever the worker answers late.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.desktop.cases import FieldValue, case_fields, set_case_field
from app.desktop.types import Guide, GuideField
from ui.backend import Backend
from ui.core_messages import sentence
from ui.screens.base import accessible, plain_label, scrolled
from ui.widgets.notice import ERROR, SUCCESS, say
from ui.widgets.range_spin import RangeSpinBox

FIELD_SAVE_MS = 1500  # a pause in typing this long saves the field being typed in
LONGTEXT_LINES = 4  # a longer text field shows this many lines; more scroll inside it
NUMBER_LIMIT = 999_999  # the largest whole number a number field offers
NOT_RECORDED = -1  # a number field's value standing for "nothing recorded yet"


class _LongText(QPlainTextEdit):
    """A few lines high at any text size; Tab moves on to the next field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        document = self.document().documentMargin()
        height = (
            LONGTEXT_LINES * self.fontMetrics().lineSpacing()
            + int(2 * document)
            + margins.top()
            + margins.bottom()
        )
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class _ChoiceList(QListWidget):
    """A list of checkable choices as tall as its rows: no scroll bar hides one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        rows = sum(max(self.sizeHintForRow(row), 0) for row in range(self.count()))
        return QSize(super().sizeHint().width(), rows + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


@dataclass(eq=False)
class _Row:
    """One field on screen: its label, help, editor and the line under it."""

    field: GuideField
    box: QWidget
    label: QLabel
    hint: QLabel
    editor: QWidget
    note: QLabel
    stored: FieldValue | None = None  # the value the vault holds, as last heard
    dirty: bool = False  # typed since last sent to the core
    refused: bool = False  # the editor holds a value the core refused: kept until changed


class CaseFieldsPanel(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._ref: str | None = None
        self._fields: tuple[GuideField, ...] = ()
        self._rows: list[_Row] = []
        self._generation = 0  # answers that arrive after a lock or another case are dropped
        self._loading = False  # values being put into the editors: no edit to save
        self._saved_said = False  # "Saved" is said once for a case, then only shown
        self._saved_under: _Row | None = None  # the one field that shows "Saved"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FIELD_SAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._build()

    # --- layout -------------------------------------------------------------------------

    def add_to(self, tabs: QTabWidget) -> None:
        """Be the "Details" tab of `tabs` (the panel beside the statement). The tab is
        there only while a case whose guide has fields is shown: a guide without any
        (general) shows none, and the panel beside the statement is no wider than its
        tabs need until then (every tab stays whole, so each one widens it)."""
        tabs.setTabVisible(tabs.addTab(self, self.tr("Details")), False)

    def _show_tab(self, shown: bool) -> None:
        """Show or hide the tab this panel is in, if it is in one."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is not None:
            parent.setTabVisible(parent.indexOf(self), shown)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.page = QWidget(self)
        layout = QVBoxLayout(self.page)
        self.hint = plain_label(
            self.tr(
                "Details for the case record, as the survivor describes them. They never "
                "enter the statement. Saved as you go."
            ),
            self.page,
            name="hint",
        )
        layout.addWidget(self.hint)
        self.empty = plain_label(
            self.tr("This case's guide has no details to record beside the statement."),
            self.page,
        )
        self.empty.hide()
        layout.addWidget(self.empty)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(self.fontMetrics().height())
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self.area = scrolled(self.page, self)
        outer.addWidget(self.area)

    def _add_row(self, field: GuideField) -> _Row:
        box = QWidget(self.page)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        # An "&" in a guide's label is shown, never made an underlined letter.
        label = plain_label(field.label.replace("&", "&&"), box)
        hint = plain_label(field.help, box, name="hint")
        hint.setVisible(bool(field.help))
        editor = self._editor(field, box)
        accessible(editor, field.label, field.help)
        label.setBuddy(editor)
        note = plain_label("", box, name="message")
        note.hide()
        for widget in (label, hint, editor, note):
            column.addWidget(widget)
        self.rows.addWidget(box)
        row = _Row(field, box, label, hint, editor, note)
        self._connect(row)
        return row

    def _editor(self, field: GuideField, parent: QWidget) -> QWidget:
        if field.kind == "longtext":
            return _LongText(parent)
        if field.kind == "choice":
            combo = QComboBox(parent)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.installEventFilter(self)  # the wheel scrolls the panel, not the choice
            return combo
        if field.kind == "multichoice":
            choices = _ChoiceList(parent)
            for choice in field.choices:
                item = QListWidgetItem(choice, choices)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Unchecked)
            return choices
        if field.kind == "number":
            spin = RangeSpinBox(NOT_RECORDED, NUMBER_LIMIT, NOT_RECORDED, parent)
            spin.setSpecialValueText(self.tr("Not recorded"))
            spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            spin.installEventFilter(self)
            return spin
        return QLineEdit(parent)  # text

    def _connect(self, row: _Row) -> None:
        editor = row.editor

        def edited(*_: object) -> None:
            self._edited(row)

        def chosen(*_: object) -> None:
            if not self._loading:
                row.dirty = True
                self._save(row)

        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(edited)
            editor.editingFinished.connect(lambda: self._save(row))
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(edited)
            editor.installEventFilter(self)  # leaving the box saves it
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(chosen)
        elif isinstance(editor, QListWidget):
            editor.itemChanged.connect(chosen)
        elif isinstance(editor, RangeSpinBox):
            editor.valueChanged.connect(edited)
            editor.editingFinished.connect(lambda: self._save(row))
            editor.refused.connect(lambda text: say(row.note, text, ERROR))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind == QEvent.Type.Wheel
            and isinstance(watched, QComboBox | QAbstractSpinBox)
            and not watched.hasFocus()
        ):
            # A wheel over a choice it was not aimed at changes nothing: the panel scrolls.
            QCoreApplication.sendEvent(self.area.viewport(), event)
            return True
        if kind == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            row = next((r for r in self._rows if r.editor is watched), None)
            if row is not None:
                self._save(row)
        return super().eventFilter(watched, event)

    # --- loading ------------------------------------------------------------------------

    def show_case(self, ref: str, guide: Guide) -> None:
        """Show the fields of `guide` (the case's, in the interface language) with the
        values the vault holds for case `ref` (asked of the worker). The same case and
        fields again (the workspace reloading after a pause) keep the editors, their
        caret and anything typed since; the values stored are read again."""
        same = ref == self._ref and guide.fields == self._fields and bool(self._rows)
        if not same:
            self.clear()
            self._ref, self._fields = ref, guide.fields
            self._rows = [self._add_row(field) for field in guide.fields]
            for row in self._rows:
                row.box.setEnabled(False)  # until the values are in
        else:
            self.flush()  # typing not yet sent goes first (the worker keeps the order)
        self.empty.setVisible(not guide.fields)
        self._show_tab(bool(guide.fields))
        if guide.fields:
            generation = self._generation
            self.backend.run(
                case_fields,
                ref,
                done=lambda values: self._if_current(generation, self._show_values, values),
                failed=lambda message, code: self._if_current(
                    generation, self._load_failed, message
                ),
            )

    def _if_current(self, generation: int, fn: Callable[..., None], *args: Any) -> None:
        """fn(*args), but only while the panel still shows what it showed when asked."""
        if generation == self._generation:
            fn(*args)

    def _show_values(self, values: dict[str, FieldValue]) -> None:
        self._loading = True
        try:
            for row in self._rows:
                row.stored = values.get(row.field.id)
                if not (row.dirty or row.refused):  # never over what was typed
                    self._put(row, row.stored)
                row.box.setEnabled(True)
        finally:
            self._loading = False

    def _load_failed(self, message: str) -> None:
        if self._rows:
            say(self._rows[0].note, message, ERROR)

    def _put(self, row: _Row, value: FieldValue | None) -> None:
        """Show `value` in the row's editor (only where it differs, so a caret stays)."""
        editor = row.editor
        if isinstance(editor, QLineEdit):
            text = value if isinstance(value, str) else ""
            if editor.text() != text:
                editor.setText(text)
        elif isinstance(editor, QPlainTextEdit):
            text = value if isinstance(value, str) else ""
            if editor.toPlainText() != text:
                editor.setPlainText(text)
        elif isinstance(editor, QComboBox):
            editor.clear()
            if value not in row.field.choices:
                # Nothing chosen yet; once a choice is stored it can change, not be unmade
                # (the core stores one of the choices).
                editor.addItem(self.tr("Not recorded"), None)
            for choice in row.field.choices:
                editor.addItem(choice, choice)
            editor.setCurrentIndex(max(editor.findData(value), 0) if value is not None else 0)
        elif isinstance(editor, QListWidget):
            chosen = set(value) if isinstance(value, list) else set()
            for index in range(editor.count()):
                item = editor.item(index)
                state = Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked
                item.setCheckState(state)
        elif isinstance(editor, RangeSpinBox):
            self._put_number(row, editor, value)

    def _put_number(self, row: _Row, spin: RangeSpinBox, value: FieldValue | None) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            spin.setValue(NOT_RECORDED)
            return
        spin.setSpecialValueText("")  # a number once stored can change, not be unmade
        spin.setMinimum(0)
        whole = round(value) if math.isfinite(value) else 0
        spin.setValue(min(max(whole, 0), NUMBER_LIMIT))
        if whole != value:
            # Stored (from the command line, say) as a number this box cannot show.
            say(
                row.note,
                self.tr("Recorded as %1. A number chosen here replaces it.").replace(
                    "%1", f"{value:g}"
                ),
                speak=False,
            )

    # --- typing and saving --------------------------------------------------------------

    def _edited(self, row: _Row) -> None:
        if self._loading or self._ref is None:
            return
        row.dirty = True
        say(row.note, "")
        self._timer.start()

    def _value(self, row: _Row) -> FieldValue | None:
        """What the editor holds as the core takes it; None when nothing can be stored."""
        editor = row.editor
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            data = editor.currentData()
            return data if isinstance(data, str) else None
        if isinstance(editor, QListWidget):
            items = [editor.item(index) for index in range(editor.count())]
            return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]
        if isinstance(editor, RangeSpinBox):
            value = editor.value()
            return None if value == NOT_RECORDED else float(value)
        return None

    def flush(self) -> None:
        """Send every field typed in and not yet sent (before a pause, a lock or another
        case; after a pause in typing)."""
        self._timer.stop()
        for row in self._rows:
            self._save(row)

    def _save(self, row: _Row) -> None:
        if not row.dirty or self._ref is None:
            return
        row.dirty = False
        value = self._value(row)
        unchanged = value == row.stored or (
            isinstance(value, str) and value.strip() == (row.stored or "")
        )
        if value is None or unchanged:
            row.refused = row.refused and value is None  # put back as stored: none refused
            return
        generation = self._generation
        self.backend.run(
            set_case_field,
            self._ref,
            row.field.id,
            value,
            done=lambda stored: self._if_current(generation, self._saved, row, stored),
            failed=lambda message, code: self._if_current(generation, self._refused, row, message),
        )

    def _saved(self, row: _Row, stored: FieldValue | None) -> None:
        row.stored, row.refused = stored, False
        self._loading = True
        try:
            self._settle(row)
        finally:
            self._loading = False
        if not row.dirty:
            earlier, self._saved_under = self._saved_under, row
            if earlier is not None and earlier is not row and not earlier.refused:
                say(earlier.note, "")  # one "Saved" at a time, under the field last saved
            say(row.note, self.tr("Saved"), SUCCESS, speak=not self._saved_said)
            self._saved_said = True

    def _settle(self, row: _Row) -> None:
        """A choice or number now stored can change, not be unmade: "Not recorded" goes
        (the core stores one of the choices, and a number)."""
        editor = row.editor
        if row.stored is None:
            return
        if isinstance(editor, QComboBox):
            index = editor.findData(None)
            if index >= 0 and editor.currentData() is not None:
                editor.removeItem(index)
        elif isinstance(editor, RangeSpinBox) and NOT_RECORDED == editor.minimum() < editor.value():
            editor.setSpecialValueText("")
            editor.setMinimum(0)

    def _refused(self, row: _Row, message: str) -> None:
        """The core refused the value: it stays in the editor to be put right, the vault
        keeps what it had, and the core's words say why (said at once)."""
        row.refused = True
        say(row.note, self.tr("Not saved: %1").replace("%1", sentence(message)), ERROR)
        self._saved_said = False  # the next "Saved" is said again

    # --- privacy ------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the case (on lock or another case): typing not yet sent is sent first
        (the worker keeps the order, so it is stored before a lock), then every value,
        label and message goes, and late answers are dropped."""
        self.flush()
        self._generation += 1
        self._timer.stop()
        self._ref = None
        self._fields = ()
        self._saved_said = False
        self._saved_under = None
        self._loading = True
        try:
            for row in self._rows:
                self._forget(row)
        finally:
            self._loading = False
        self._rows = []
        self.empty.hide()

    def _forget(self, row: _Row) -> None:
        editor = row.editor
        if isinstance(editor, QLineEdit | QPlainTextEdit | QComboBox | QListWidget):
            editor.clear()
        for label in (row.label, row.hint, row.note):
            label.clear()
        self.rows.removeWidget(row.box)
        row.box.hide()
        row.box.setParent(None)  # gone from the window's widgets at once
        row.box.deleteLater()
