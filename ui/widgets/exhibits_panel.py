"""The exhibits the statement produces: the register beside the statement, a form to add
one (its reference suggested from the witness's initials, a one-line description and,
if there is one, its file), and removal before signing after a calm confirmation.

The panel runs its own tasks (app/desktop/exhibits.py) on the backend's worker and
shows the register the worker hands back; the core decides what is allowed and its
refusals are shown in the interface language (ui/core_messages.py). Nothing here is
modal: the confirmation is a line in the panel. Once the statement is signed the
register is read-only. Descriptions and file names are shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desktop.exhibits import (
    MAX_DESCRIPTION,
    Exhibit,
    Register,
    add_exhibit,
    load_register,
    remove_exhibit,
)
from ui.backend import Backend
from ui.screens.base import PRIVATE_DIALOG, accessible, plain_label
from ui.widgets.notice import ERROR, INFO, SUCCESS, say

REFERENCE_LIMIT = 8  # "ABCD/999"


class ExhibitsPanel(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._ref: str | None = None
        self._generation = 0  # answers that arrive after a lock or another case are dropped
        self._register: Register | None = None
        self._pending: str | None = None  # the reference waiting for "Remove" to be confirmed
        self._build()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.hint = plain_label(
            self.tr(
                "Exhibits the statement produces. Refer to each one in the statement by its "
                "reference."
            ),
            self,
            name="hint",
        )
        layout.addWidget(self.hint)
        self.table = QTreeWidget(self)
        self.table.setColumnCount(4)
        self.table.setHeaderLabels(
            [self.tr("Reference"), self.tr("Description"), self.tr("File"), self.tr("Size")]
        )
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)
        # The description takes what the short columns leave; none is cut to "Descr…".
        header = self.table.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(6 * self.fontMetrics().height())  # a few rows at least
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        accessible(
            self.table,
            self.tr("Exhibits"),
            self.tr("The exhibits the statement produces, in the register's order"),
        )
        layout.addWidget(self.table, 1)
        self.signed_note = plain_label(
            self.tr("The statement is signed: its exhibits can no longer change."),
            self,
            name="hint",
        )
        self.signed_note.hide()
        layout.addWidget(self.signed_note)

        buttons = QHBoxLayout()
        self.open_form = QPushButton(self.tr("Add e&xhibit…"), self)
        accessible(self.open_form, self.tr("Add exhibit"), self.tr("Add an exhibit"))
        self.remove = QPushButton(self.tr("&Remove…"), self)
        accessible(self.remove, self.tr("Remove the chosen exhibit"))
        self.remove.setEnabled(False)
        buttons.addWidget(self.open_form)
        buttons.addStretch(1)
        buttons.addWidget(self.remove)
        layout.addLayout(buttons)

        self.confirm = QFrame(self)
        confirm_row = QVBoxLayout(self.confirm)
        confirm_row.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = plain_label("", self.confirm)
        confirm_row.addWidget(self.confirm_text)
        row = QHBoxLayout()
        self.confirm_remove = QPushButton(self.tr("Remove it"), self.confirm)
        accessible(self.confirm_remove, self.tr("Remove it"))
        self.keep = QPushButton(self.tr("Keep it"), self.confirm)
        accessible(self.keep, self.tr("Keep it"))
        row.addStretch(1)
        row.addWidget(self.keep)
        row.addWidget(self.confirm_remove)
        confirm_row.addLayout(row)
        self.confirm.hide()
        layout.addWidget(self.confirm)

        self.form = QFrame(self)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.reference = QLineEdit(self.form)
        self.reference.setMaxLength(REFERENCE_LIMIT)
        self.reference.setPlaceholderText(self.tr("e.g. RP/1"))
        accessible(
            self.reference,
            self.tr("Reference"),
            self.tr("The producer's initials and a number, such as RP/1"),
        )
        self.description = QLineEdit(self.form)
        self.description.setMaxLength(MAX_DESCRIPTION)
        accessible(self.description, self.tr("Description"), self.tr("What it is, in one line"))
        self.path = QLineEdit(self.form)
        self.path.setPlaceholderText(self.tr("No file (optional)"))
        accessible(self.path, self.tr("The exhibit's file"), self.tr("Optional"))
        self.choose = QPushButton(self.tr("C&hoose file…"), self.form)
        accessible(self.choose, self.tr("Choose file"), self.tr("Choose the exhibit's file"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        form.addRow(self.tr("Re&ference"), self.reference)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("File"), file_row)
        self.add = QPushButton(self.tr("Add to the &register"), self.form)
        self.add.setObjectName("primary")
        accessible(self.add, self.tr("Add to the register"))
        self.cancel = QPushButton(self.tr("Cancel"), self.form)
        accessible(self.cancel, self.tr("Cancel"))
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.cancel)
        add_row.addWidget(self.add)
        form.addRow(add_row)
        self.form.hide()
        layout.addWidget(self.form)

        self.message = plain_label("", self, name="message")
        self.message.hide()
        layout.addWidget(self.message)

        self.open_form.clicked.connect(self._open_form)
        self.cancel.clicked.connect(self._close_form)
        self.choose.clicked.connect(self._choose)
        self.add.clicked.connect(self._add)
        self.description.returnPressed.connect(self._add)
        self.remove.clicked.connect(self._ask_remove)
        self.keep.clicked.connect(self._close_confirm)
        self.confirm_remove.clicked.connect(self._remove)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    # --- loading ------------------------------------------------------------------------

    def show_case(self, ref: str) -> None:
        """Show this case's register (asked of the worker)."""
        self.clear()
        self._ref = ref
        generation = self._generation
        self.backend.run(
            load_register,
            ref,
            done=lambda register: self._if_current(generation, self._show, register),
            failed=lambda message, code: self._if_current(generation, self._say, message),
        )

    def _if_current(self, generation: int, fn: Callable[..., None], *args: Any) -> None:
        """fn(*args), but only while the panel still shows what it showed when asked."""
        if generation == self._generation:
            fn(*args)

    def _show(self, register: Register) -> None:
        self._register = register
        self.table.clear()
        for exhibit in register.exhibits:
            item = QTreeWidgetItem(
                [
                    exhibit.reference,
                    exhibit.description,
                    exhibit.filename or self.tr("No file"),
                    self._size(exhibit),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, exhibit.reference)
            self.table.addTopLevelItem(item)
        for column in (0, 2, 3):
            self.table.resizeColumnToContents(column)
        signed = register.signed
        self.signed_note.setVisible(signed)
        self.open_form.setVisible(not signed)
        self.remove.setVisible(not signed)
        if signed:
            self._close_form()
            self._close_confirm()
        self._selection_changed()
        if self.form.isVisible() and not self.reference.text():
            self.reference.setText(register.next_reference or "")

    def _size(self, exhibit: Exhibit) -> str:
        size = exhibit.size
        if size is None:
            return ""
        if size >= 1024 * 1024:
            return self.tr("%1 MiB").replace("%1", f"{size / (1024 * 1024):.1f}")
        if size >= 1024:
            return self.tr("%1 KiB").replace("%1", f"{size / 1024:.1f}")
        return self.tr("%1 bytes").replace("%1", str(size))

    # --- adding -------------------------------------------------------------------------

    def _open_form(self) -> None:
        self._close_confirm()
        self._say("")
        suggested = self._register.next_reference if self._register else None
        self.reference.setText(suggested or "")
        self.description.clear()
        self.path.clear()
        self.form.show()
        self.description.setFocus()

    def _close_form(self) -> None:
        self.form.hide()
        self.reference.clear()
        self.description.clear()
        self.path.clear()

    def _choose(self) -> None:
        # An explicit folder: with "" Qt reopens the last folder visited in this process.
        start = str(Path(self.path.text()).parent) if self.path.text() else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the exhibit's file"), start, options=PRIVATE_DIALOG
        )
        if name:
            self.path.setText(name)

    def _add(self) -> None:
        if self._ref is None or not self.form.isVisible():
            return
        if not self.description.text().strip():
            self._say(self.tr("Describe the exhibit in one line."))
            self.description.setFocus()
            return
        generation = self._generation
        self.add.setEnabled(False)
        self._say(self.tr("Adding…"))
        self.backend.run(
            add_exhibit,
            self._ref,
            self.reference.text(),
            self.description.text(),
            self.path.text().strip() or None,
            done=lambda register: self._if_current(generation, self._added, register),
            failed=lambda message, code: self._if_current(generation, self._refused, message),
        )

    def _added(self, register: Register) -> None:
        self.add.setEnabled(True)
        self._close_form()
        self._show(register)
        self._say(self.tr("Added to the register."), SUCCESS)

    def _refused(self, message: str) -> None:
        self.add.setEnabled(True)
        self.remove.setEnabled(self._selected() is not None)
        self._say(message, ERROR)

    # --- removing -----------------------------------------------------------------------

    def _selected(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def _selection_changed(self) -> None:
        signed = self._register is None or self._register.signed
        self.remove.setEnabled(not signed and self._selected() is not None)

    def _ask_remove(self) -> None:
        reference = self._selected()
        if reference is None:
            return
        self._pending = reference
        self.confirm_text.setText(
            self.tr(
                "Remove %1 from the register? Its file is deleted from this vault, and its "
                "reference is not used again."
            ).replace("%1", reference)
        )
        self.confirm.show()
        self.keep.setFocus()

    def _close_confirm(self) -> None:
        self._pending = None
        self.confirm.hide()
        self.confirm_text.clear()

    def _remove(self) -> None:
        reference, generation = self._pending, self._generation
        if self._ref is None or reference is None:
            return
        self._close_confirm()
        self.remove.setEnabled(False)
        self.backend.run(
            remove_exhibit,
            self._ref,
            reference,
            done=lambda register: self._if_current(generation, self._removed, register),
            failed=lambda message, code: self._if_current(generation, self._refused, message),
        )

    def _removed(self, register: Register) -> None:
        self._show(register)
        self._say(self.tr("Removed from the register."), SUCCESS)

    # --- messages and privacy -----------------------------------------------------------

    def _say(self, message: str, kind: str = INFO) -> None:
        say(self.message, message, kind)

    def clear(self) -> None:
        """Forget the case (on lock or another case): late answers are dropped."""
        self._generation += 1
        self._ref = None
        self._register = None
        self.table.clear()
        self._close_form()
        self._close_confirm()
        self.signed_note.hide()
        self.open_form.show()
        self.remove.show()
        self.remove.setEnabled(False)
        self.add.setEnabled(True)
        self._say("")
