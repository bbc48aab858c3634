"""The case list: search, filter and open cases; the way to a new case, settings and lock.

The list is loaded on the worker thread (app.desktop.cases), debounced while the
interviewer types. Results that arrive after the query changed, or after the vault
locked, are dropped, so a late answer can never put case content back on screen.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desktop.cases import CaseRow, load_cases
from app.desktop.review import role_can_review
from app.desktop.types import parse_stamp
from ui.backend import Backend
from ui.core_messages import sentence
from ui.dates import day_time
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, name_clear_button, plain_label
from ui.widgets.notice import ERROR, say

SEARCH_DELAY_MS = 250
BUSY_DELAY_MS = 300  # show "looking" only when it takes a while: no flicker while typing


def local_time(stamp: str) -> str:
    """A stored time as "4 Dec 2026, 06:38" (ui/dates.py), in local time."""
    try:
        return day_time(parse_stamp(stamp))
    except ValueError:
        return ""


class CaseListScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.nav = nav
        self._generation = 0  # answers from older queries (or from before a lock) are dropped
        self._locks = 0  # the role's answer is dropped only after a lock
        self.category_labels = {
            "csa": self.tr("CSA"),
            "apsp": self.tr("APSP"),
            "general": self.tr("General"),
        }
        self.status_labels = {
            "draft": self.tr("Draft"),
            "read_back": self.tr("Read-back"),
            "signed": self.tr("Signed"),
            "exported": self.tr("Exported"),
        }

        title = plain_label(self.tr("Cases"), name="title")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Reference or name"))
        self.search.setClearButtonEnabled(True)
        accessible(
            self.search,
            self.tr("Search cases"),
            self.tr("Shows the cases whose reference or survivor's name contains what you type."),
        )
        name_clear_button(self.search, self.tr("Clear search"))
        search_label = plain_label(self.tr("Search"))
        search_label.setBuddy(self.search)

        self.category = QComboBox()
        self.category.addItem(self.tr("All"), None)
        for key, label in self.category_labels.items():
            self.category.addItem(label, key)
        accessible(self.category, self.tr("Category filter"))
        category_label = plain_label(self.tr("Category"))
        category_label.setBuddy(self.category)

        self.status = QComboBox()
        self.status.addItem(self.tr("All"), None)
        for key, label in self.status_labels.items():
            self.status.addItem(label, key)
        accessible(self.status, self.tr("Status filter"))
        status_label = plain_label(self.tr("Status"))
        status_label.setBuddy(self.status)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Reference"),
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Status"),
                self.tr("Last updated"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        accessible(self.tree, self.tr("Cases"), self.tr("Press Enter to open the selected case."))
        self.tree.installEventFilter(self)
        self.tree.itemDoubleClicked.connect(lambda item, column: self._open_item(item))
        self.tree.currentItemChanged.connect(lambda *args: self._update_buttons())

        self.empty = plain_label(name="hint")
        self.empty.hide()
        self.busy = plain_label(self.tr("Looking for cases…"), name="hint")
        self.busy.hide()
        self.message = plain_label(name="message")
        self.message.hide()

        self.new_button = QPushButton(self.tr("&New case"))
        self.new_button.setObjectName("primary")
        accessible(self.new_button, self.tr("New case"))
        self.open_button = QPushButton(self.tr("&Open"))
        accessible(self.open_button, self.tr("Open the selected case"))
        self.bundle_button = QPushButton(self.tr("Open a &bundle"))
        accessible(
            self.bundle_button,
            self.tr("Open a bundle"),
            self.tr("Check a statement bundle sent to you"),
        )
        self.reviews_button = QPushButton(self.tr("&Reviews"))
        accessible(
            self.reviews_button,
            self.tr("Reviews"),
            self.tr("Statements sent to you for review"),
        )
        self.reviews_button.hide()  # shown to a supervisor only (role_can_review)
        self.identity_button = QPushButton(self.tr("&Identity"))
        accessible(self.identity_button, self.tr("Identity and organisation"))
        self.settings_button = QPushButton(self.tr("&Settings"))
        accessible(self.settings_button, self.tr("Settings"))
        self.lock_button = QPushButton(self.tr("&Lock"))
        accessible(
            self.lock_button,
            self.tr("Lock"),
            self.tr("Locks the vault and clears the screen (Ctrl+L)."),
        )
        self.new_button.clicked.connect(lambda: self.nav.go("new_case"))
        self.open_button.clicked.connect(lambda: self._open_item(self.tree.currentItem()))
        self.bundle_button.clicked.connect(lambda: self.nav.go("open_bundle"))
        self.reviews_button.clicked.connect(lambda: self.nav.go("review_inbox"))
        self.identity_button.clicked.connect(lambda: self.nav.go("identity"))
        self.settings_button.clicked.connect(lambda: self.nav.go("settings"))
        self.lock_button.clicked.connect(lambda: self.nav.lock())

        filters = QHBoxLayout()
        for caption, widget in (
            (search_label, self.search),
            (category_label, self.category),
            (status_label, self.status),
        ):
            filters.addWidget(caption)
            filters.addWidget(widget, 2 if widget is self.search else 0)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (
            self.bundle_button,
            self.identity_button,
            self.settings_button,
            self.lock_button,
        ):
            buttons.addWidget(button)
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        # Beside the title, not in the row of buttons below: at 200 % text that row is full.
        heading.addWidget(self.reviews_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        order = [
            self.reviews_button,
            self.search,
            self.category,
            self.status,
            self.tree,
            self.new_button,
            self.open_button,
            self.bundle_button,
            self.identity_button,
            self.settings_button,
            self.lock_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy.show)
        self.search.textChanged.connect(lambda text: self._debounce.start())
        self.category.currentIndexChanged.connect(lambda index: self.refresh())
        self.status.currentIndexChanged.connect(lambda index: self.refresh())
        self._update_buttons()

    # --- Screen ---------------------------------------------------------------------

    def entered(self) -> None:
        self.refresh()
        locks = self._locks
        self.backend.run(
            role_can_review,
            done=lambda can: self.reviews_button.setVisible(bool(can) and locks == self._locks),
        )
        self.search.setFocus()

    def clear_content(self) -> None:
        self._generation += 1
        self._locks += 1
        self._debounce.stop()
        self._busy_timer.stop()
        for widget in (self.search, self.category, self.status):
            widget.blockSignals(True)  # no query may start while the vault locks
        self.search.clear()
        self.category.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        for widget in (self.search, self.category, self.status):
            widget.blockSignals(False)
        self.tree.clear()
        self.reviews_button.hide()
        self.message.clear()
        self.empty.clear()
        for label in (self.message, self.busy, self.empty):
            label.hide()
        self._update_buttons()

    # --- loading --------------------------------------------------------------------

    def refresh(self) -> None:
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        self._busy_timer.start()
        self.backend.run(
            load_cases,
            self.search.text().strip(),
            self.category.currentData(),
            self.status.currentData(),
            done=lambda rows: self._show(rows, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def _filtered(self) -> bool:
        return bool(
            self.search.text().strip() or self.category.currentData() or self.status.currentData()
        )

    def _show(self, rows: list[CaseRow], generation: int) -> None:
        if generation != self._generation:
            return
        self._busy_timer.stop()
        self.busy.hide()
        self.message.hide()
        self.tree.clear()
        for case, name, preferred, confirmed in rows:
            shown = f"{name} ({preferred})" if preferred and preferred != name else name
            stage = self.status_labels.get(case.status, case.status)
            if case.status == "read_back":  # what the core holds: begun, or confirmed
                stage = (
                    self.tr("Read back and confirmed")
                    if confirmed
                    else self.tr("Read-back started")
                )
            item = QTreeWidgetItem(
                [
                    case.reference,
                    shown,
                    self.category_labels.get(case.category, case.category),
                    stage,
                    local_time(case.updated),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, case.id)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
            self.empty.hide()
        else:
            self.empty.setText(
                self.tr("No cases match. Try another search or filter.")
                if self._filtered()
                else self.tr("No cases yet. Start with New case.")
            )
            self.empty.show()
        self._update_buttons()

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._busy_timer.stop()
        self.busy.hide()
        text = self.tr("The cases could not be loaded just now. %1")
        say(self.message, text.replace("%1", sentence(message)).strip(), ERROR)

    # --- opening --------------------------------------------------------------------

    def _open_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id:
            self.nav.open_case(str(case_id))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.tree.currentItem() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter opens the case on every platform (item views differ on what "activate" is).
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._open_item(self.tree.currentItem())
            return True
        return super().eventFilter(watched, event)
