"""The supervisor's reviews: the statement bundles sent to them, and opening a new one.

Opening a bundle (chosen, or dropped on the screen) runs `open_bundle_for_review` on the
worker thread: every check `verify` makes, with this vault's identity and trust file.
A bundle that fails is shown as its list of checks, in plain words, and nothing of its
content: nothing of it is kept. One that passes joins the list (opening it again finds
the review already made, and selects it). Activating a review opens the reading view.

Answers that arrive after a lock (clear_content) are dropped, so nothing reappears on a
cleared screen. Everything that came from a bundle is shown as plain text.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desktop.review import Opened, ReviewItem, inbox, open_bundle_for_review
from app.desktop.types import Report, parse_stamp
from ui.backend import Backend
from ui.core_messages import sentence
from ui.dates import day_time, time_of_day
from ui.navigation import Navigator
from ui.report_messages import check_detail as report_check_detail
from ui.report_messages import check_name as report_check_name
from ui.screens.base import PRIVATE_DIALOG, Screen, accessible, plain_label
from ui.widgets.notice import ERROR, INFO, say
from ui.widgets.readback_view import fill

BUNDLE_SUFFIX = ".qrb"


# --- words shared by the review screens ------------------------------------------------------


def one_line(text: str) -> str:
    """Text from a bundle as one printable line: no control character, no line break."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def not_recorded() -> str:
    return QCoreApplication.translate("ReviewWords", "not recorded")


def when(stamp: str | None) -> str:
    """A stored time as "4 Dec 2026, 06:38", in this computer's time zone, the month in
    the interface language; a time that is not one of ours is shown as it is."""
    if not stamp:
        return not_recorded()
    try:
        return day_time(parse_stamp(stamp))
    except ValueError:
        return one_line(stamp)


def clock_time(stamp: str | None) -> str:
    """Only the time of day ("06:38"), for an end on the day a span began."""
    try:
        return time_of_day(parse_stamp(stamp or ""))
    except ValueError:
        return when(stamp)


def same_day(first: str | None, second: str | None) -> bool:
    try:
        a, b = parse_stamp(first or ""), parse_stamp(second or "")
    except ValueError:
        return False
    return a.astimezone().date() == b.astimezone().date()


def category_label(category: str) -> str:
    labels = {
        "csa": QCoreApplication.translate("ReviewWords", "CSA"),
        "apsp": QCoreApplication.translate("ReviewWords", "APSP"),
        "general": QCoreApplication.translate("ReviewWords", "General"),
    }
    return labels.get(category, one_line(category))


def state_label(state: str) -> str:
    labels = {
        "to_review": QCoreApplication.translate("ReviewWords", "To review"),
        "approved": QCoreApplication.translate("ReviewWords", "Approved"),
        "returned": QCoreApplication.translate("ReviewWords", "Returned"),
    }
    return labels.get(state, one_line(state))


def check_label(name: str) -> str:
    """A verification check's name in plain words."""
    labels = {
        "bundle": QCoreApplication.translate("ReviewWords", "The file"),
        "decryption": QCoreApplication.translate("ReviewWords", "Opening it with your key"),
        "contents": QCoreApplication.translate("ReviewWords", "Everything expected is inside"),
        "manifest": QCoreApplication.translate("ReviewWords", "The list of its contents"),
        "manifest signature": QCoreApplication.translate(
            "ReviewWords", "The author's signature on the bundle"
        ),
        "author's role": QCoreApplication.translate("ReviewWords", "The author is an interviewer"),
        "file hashes": QCoreApplication.translate("ReviewWords", "Nothing was altered"),
        "recipients": QCoreApplication.translate("ReviewWords", "It was sent to you"),
        "statement PDF signature": QCoreApplication.translate(
            "ReviewWords", "The signature on the statement"
        ),
        "record schema": QCoreApplication.translate("ReviewWords", "The record of the interview"),
        "restricted details": QCoreApplication.translate(
            "ReviewWords", "The restricted details, kept apart"
        ),
        "audit chain": QCoreApplication.translate("ReviewWords", "The audit log is unbroken"),
        "trust file": QCoreApplication.translate("ReviewWords", "The organisation's trust file"),
    }
    label = labels.get(name)
    return label if label is not None else one_line(report_check_name(name))


def check_detail(check: object) -> str:
    """The check's detail as a sentence: the core's own wording, in the interface language
    (ui/report_messages.py)."""
    return sentence(one_line(report_check_detail(check)))


class ChecksList(QListWidget):
    """Every check of a verification report, one calm line each: passed or not, in words
    (never only a colour), what was checked and what was found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        accessible(
            self,
            self.tr("Checks"),
            self.tr("Every check made on the bundle, and whether it passed"),
        )

    def show_report(self, report: Report) -> None:
        self.clear()
        for check in report.checks:
            template = self.tr("Passed: %1") if check.ok else self.tr("Did not pass: %1")
            text = fill(template, check_label(check.name)) + "\n" + check_detail(check)
            self.addItem(QListWidgetItem(text))  # an item shows plain text only


def first_failure(report: Report) -> str:
    failed = next((c for c in report.checks if not c.ok), None)
    return check_label(failed.name) if failed is not None else ""


def dropped_bundle(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local .qrb file being dragged, if that is what it is."""
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return None
    urls = data.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == BUNDLE_SUFFIX else None


# --- the screen -----------------------------------------------------------------------------


class ReviewInboxScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._generation = 0  # answers from before a lock are dropped
        self._opening = False
        self._select: str | None = None  # the review to select when the list arrives
        self.setAcceptDrops(True)

        title = plain_label(self.tr("Reviews"), self, name="title")
        subtitle = plain_label(
            self.tr(
                "Statements sent to you for review. A bundle is checked when you open it: "
                "only one that passes every check is kept here."
            ),
            self,
            name="subtitle",
        )
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                self.tr("Reference"),
                self.tr("Category"),
                self.tr("Interviewer"),
                self.tr("Received"),
                self.tr("State"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        accessible(
            self.tree, self.tr("Reviews"), self.tr("Press Enter to read the selected review.")
        )
        self.tree.installEventFilter(self)
        self.tree.itemDoubleClicked.connect(lambda item, column: self._open_item(item))
        self.tree.currentItemChanged.connect(lambda *args: self._update_buttons())

        self.empty = plain_label(
            self.tr(
                "No reviews yet. Open a bundle for review, or drop a .qrb file on this screen."
            ),
            self,
            name="hint",
        )
        self.empty.hide()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # indeterminate: checking a bundle has no percentage
        self.busy.setTextVisible(False)
        accessible(self.busy, self.tr("Checking the bundle"))
        self.busy.hide()
        self.message = plain_label("", self, name="message")
        self.message.hide()

        # A bundle that did not pass: its checks, and nothing else of it.
        self.report = QFrame(self)
        report_layout = QVBoxLayout(self.report)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(plain_label(self.tr("The checks made on the bundle"), self.report))
        self.checks = ChecksList(self.report)
        report_layout.addWidget(self.checks, 1)
        self.dismiss = QPushButton(self.tr("&Dismiss"), self.report)
        accessible(self.dismiss, self.tr("Dismiss the checks"))
        dismiss_row = QHBoxLayout()
        dismiss_row.addStretch(1)
        dismiss_row.addWidget(self.dismiss)
        report_layout.addLayout(dismiss_row)
        self.report.hide()

        self.back = QPushButton(self.tr("&Cases"), self)
        accessible(self.back, self.tr("Cases"), self.tr("Back to the case list"))
        self.read = QPushButton(self.tr("&Read"), self)
        accessible(self.read, self.tr("Read the selected review"))
        self.open_bundle = QPushButton(self.tr("Open a &bundle for review…"), self)
        self.open_bundle.setObjectName("primary")
        accessible(
            self.open_bundle,
            self.tr("Open a bundle for review"),
            self.tr("Checks a bundle sent to you and, if it passes, keeps it for review"),
        )
        self.back.clicked.connect(lambda: self.nav.go("cases"))
        self.read.clicked.connect(lambda: self._open_item(self.tree.currentItem()))
        self.open_bundle.clicked.connect(self._choose)
        self.dismiss.clicked.connect(self._dismiss_report)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.read)
        buttons.addWidget(self.open_bundle)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 2)
        layout.addLayout(buttons)
        for first, second in itertools.pairwise(
            [self.tree, self.checks, self.dismiss, self.back, self.read, self.open_bundle]
        ):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    # --- Screen ---------------------------------------------------------------------------

    def entered(self) -> None:
        self.refresh()
        self.tree.setFocus()

    def clear_content(self) -> None:
        self._generation += 1
        self._opening = False
        self._select = None
        self.tree.clear()
        self.checks.clear()
        self.report.hide()
        self.empty.hide()
        self._say("")
        self.busy.hide()
        self._update_buttons()

    # --- the list -------------------------------------------------------------------------

    def refresh(self) -> None:
        generation = self._generation
        self.backend.run(
            inbox,
            done=lambda items: self._show(items, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def _show(self, items: list[ReviewItem], generation: int) -> None:
        if generation != self._generation:
            return
        self.tree.clear()
        wanted = None
        for review in items:
            item = QTreeWidgetItem(
                [
                    one_line(review.reference),
                    category_label(review.category),
                    one_line(review.interviewer),
                    when(review.received),
                    state_label(review.state),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, review.id)
            self.tree.addTopLevelItem(item)
            if review.id == self._select:
                wanted = item
        self._select = None
        chosen = wanted or self.tree.topLevelItem(0)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            self.tree.scrollToItem(chosen)
        self.empty.setVisible(not items)
        self._update_buttons()

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._opening = False
        self.busy.hide()
        self._say(message or self.tr("Something went wrong; nothing was changed."), ERROR)
        self._update_buttons()

    def current_review(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def _open_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        review_id = item.data(0, Qt.ItemDataRole.UserRole)
        if review_id:
            self.nav.open_review(str(review_id))

    def _update_buttons(self) -> None:
        self.read.setEnabled(self.tree.currentItem() is not None)
        self.open_bundle.setEnabled(not self._opening)

    # --- opening a bundle -----------------------------------------------------------------

    def _choose(self) -> None:
        # An explicit folder: with "" Qt reopens the last folder visited in this process,
        # which may be named after a case, even after a lock.
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a bundle for review"),
            str(Path.home()),
            self.tr("Quietroom bundle (*.qrb)") + ";;*",
            options=PRIVATE_DIALOG,
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> None:
        if self._opening:
            return
        self._opening = True
        self._update_buttons()
        self.report.hide()
        self.checks.clear()
        self._say(self.tr("Checking the bundle… this takes a few seconds."))
        self.busy.show()
        generation = self._generation
        self.backend.run(
            open_bundle_for_review,
            path,
            done=lambda opened: self._opened(opened, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def _opened(self, opened: Opened, generation: int) -> None:
        if generation != self._generation:
            return
        self._opening = False
        self.busy.hide()
        if opened.review is None:
            self.checks.show_report(opened.report)
            self.report.show()
            self._say(
                fill(
                    self.tr(
                        "This bundle did not pass its checks (%1), so nothing of it was "
                        "kept. Do not rely on it: ask the sender to export it to you again."
                    ),
                    first_failure(opened.report),
                )
            )
            self._update_buttons()
            self.checks.setFocus()
            return
        self._say(
            self.tr("The bundle passed every check and is now in your reviews. It is selected.")
            if opened.created
            else self.tr("This bundle is already in your reviews. It is selected.")
        )
        self._select = opened.review.id
        self.refresh()
        self.tree.setFocus()

    def _dismiss_report(self) -> None:
        self.checks.clear()
        self.report.hide()
        self._say("")
        self.tree.setFocus()

    def _say(self, text: str, kind: str = INFO) -> None:
        say(self.message, text, kind)

    # --- drag and drop, keys --------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_bundle(event) is not None and not self._opening:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_bundle(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_path(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter reads the review on every platform (item views differ on "activate").
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._open_item(self.tree.currentItem())
            return True
        return super().eventFilter(watched, event)
