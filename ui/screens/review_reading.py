"""Reading a review: the signed statement, page by page, beside the record of how it
was taken.

The review is decrypted and verified again on the worker thread (`open_review`), and
each page is rendered there into pixels (`render_page`): the PDF and its pages live in
memory only, never in a file. Beside the pages, from the bundle's record: the sittings
(times, active time, who was present and in what role, every pause with who asked and
why), the timeline, read-back corrections and revisions, and the verification checks.

The witness's restricted details are fetched only when the supervisor asks
(`restricted_details`, which the core notes in the review's record), and hidden again
as soon as the screen is left. Leaving the screen, or a lock, drops the PDF, the pages
and the details; coming back opens the review again. Everything from the bundle is
shown as plain text.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.desktop.review import ReviewPages, open_review, render_page, restricted_details
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, name_tab_pages, plain_label
from ui.screens.review_inbox import (
    ChecksList,
    one_line,
    state_label,
    when,
)
from ui.screens.review_record_rows import (
    Row,
    full_category,
    restricted_rows,
    revisions_rows,
    sittings_rows,
    timeline_rows,
)
from ui.widgets.notice import ERROR, INFO, say
from ui.widgets.pdf_pages import Done, Failed, PdfPages
from ui.widgets.readback_view import fill

# Qt's translate under a short name lupdate still finds ("translate" calls are extracted
# by name; the context is spelled out in each call).
translate = QCoreApplication.translate


# --- widgets ---------------------------------------------------------------------------------


HEADING_ROLE = Qt.ItemDataRole.UserRole + 1


class _FactDelegate(QStyledItemDelegate):
    """Half a line of space above each heading but the first, so sections stand apart."""

    def _gap(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        if index.row() == 0 or not index.data(HEADING_ROLE):
            return 0
        return option.fontMetrics.height() // 2

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self._gap(option, index))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        gap = self._gap(option, index)
        if gap:
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(0, gap, 0, 0)
        super().paint(painter, option, index)


class FactList(QListWidget):
    """Facts from the record, one per line, headings in bold: plain text, read one item at
    a time with the arrow keys (and by a screen reader)."""

    def __init__(self, name: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(_FactDelegate(self))
        accessible(self, name, description)

    def show_rows(self, rows: list[Row]) -> None:
        self.clear()
        for text, heading in rows:
            item = QListWidgetItem(text)  # an item shows plain text only
            if heading:
                font = QFont()
                font.setBold(True)  # only the weight: the size follows the text size setting
                item.setFont(font)
                item.setData(HEADING_ROLE, True)
            self.addItem(item)
        self.scrollToTop()

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]


# --- the screen ------------------------------------------------------------------------------


class ReviewReadingScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._generation = 0  # answers that arrive after a lock or after leaving are dropped
        self._pages: ReviewPages | None = None
        self._review: str | None = None
        self._place: dict[str, int] = {}  # the page last read, by review (not sensitive)
        self._sized = False
        self._build()
        self._shortcuts()
        self._set_loaded(False)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("&Reviews"), self)
        accessible(self.back, self.tr("Back to the reviews"))
        self.title = plain_label("", self, name="title")  # a long reference wraps
        self.decide = QPushButton(self.tr("&Decide…"), self)
        self.decide.setObjectName("primary")
        accessible(
            self.decide,
            self.tr("Decide"),
            self.tr("Approve the statement, or return it with comments"),
        )
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.decide)
        outer.addLayout(top)
        self.facts = plain_label("", self, name="subtitle")
        outer.addWidget(self.facts)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        accessible(self.busy, self.tr("Opening the review"))
        self.busy.hide()
        outer.addWidget(self.busy)
        self.message = plain_label("", self, name="message")
        self.message.hide()
        outer.addWidget(self.message)

        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setChildrenCollapsible(False)
        self.pages = PdfPages(self.split)
        self.tabs = QTabWidget(self.split)
        self.tabs.setUsesScrollButtons(True)
        accessible(self.tabs, self.tr("The record of the interview"))
        name_tab_pages(self.tabs)
        self.record = FactList(
            self.tr("How the statement was taken"),
            self.tr(
                "The statement's signing, each sitting with who was present and every pause, "
                "the timeline, read-back corrections and revisions"
            ),
            self.tabs,
        )
        # Three short tab names: they must fit beside the page at 200 % text too.
        self.tabs.addTab(self.record, self.tr("Re&cord"))
        self.tabs.addTab(self._verification_tab(), self.tr("V&erification"))
        self.tabs.addTab(self._restricted_tab(), self.tr("Re&stricted"))
        self.tabs.setTabToolTip(2, self.tr("The witness's restricted details"))
        self.split.addWidget(self.pages)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        outer.addWidget(self.split, 1)

        self.back.clicked.connect(lambda: self.nav.go("review_inbox"))
        self.decide.clicked.connect(self._decide)
        self.pages.render_failed.connect(self._say)
        order = [
            self.back,
            self.decide,
            self.pages.previous,
            self.pages.next,
            self.pages.zoom_out_button,
            self.pages.zoom_in_button,
            self.pages.fit_button,
            self.pages.view,
            self.tabs,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _verification_tab(self) -> QWidget:
        tab = QWidget(self.tabs)
        layout = QVBoxLayout(tab)
        self.verified = plain_label("", tab)
        self.checks = ChecksList(tab)
        layout.addWidget(self.verified)
        layout.addWidget(self.checks, 1)
        return tab

    def _restricted_tab(self) -> QWidget:
        tab = QWidget(self.tabs)
        layout = QVBoxLayout(tab)
        self.restricted_intro = plain_label(
            self.tr(
                "The witness's restricted details (address, contact, needs) are kept "
                "apart from the statement. Show them only when you need them: each time "
                "they are shown, it is recorded in this review's record."
            ),
            tab,
        )
        layout.addWidget(self.restricted_intro)
        self.show_restricted = QPushButton(self.tr("S&how restricted details"), tab)
        accessible(
            self.show_restricted,
            self.tr("Show restricted details"),
            self.tr("Shows the witness's restricted details; this is recorded"),
        )
        self.hide_restricted = QPushButton(self.tr("H&ide restricted details"), tab)
        accessible(self.hide_restricted, self.tr("Hide restricted details"))
        self.hide_restricted.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_restricted)
        buttons.addWidget(self.hide_restricted)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.restricted_note = plain_label("", tab, name="hint")
        self.restricted_note.hide()
        layout.addWidget(self.restricted_note)
        self.restricted_area = QScrollArea(tab)
        self.restricted_area.setWidgetResizable(True)
        self.restricted_area.setFrameShape(QFrame.Shape.NoFrame)
        accessible(self.restricted_area, self.tr("Restricted details"))
        self.restricted_box = QWidget(self.restricted_area)
        self.restricted_form = QFormLayout(self.restricted_box)
        self.restricted_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.restricted_area.setWidget(self.restricted_box)
        self.restricted_area.hide()
        layout.addWidget(self.restricted_area, 1)
        layout.addStretch(0)
        self.show_restricted.clicked.connect(self._ask_restricted)
        self.hide_restricted.clicked.connect(self._hide_restricted)
        return tab

    def _shortcuts(self) -> None:
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl++", self.pages.zoom_in),
            ("Ctrl+=", self.pages.zoom_in),
            ("Ctrl+-", self.pages.zoom_out),
            ("Ctrl+0", self.pages.fit_width),
        ]
        for key, action in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # --- Screen ---------------------------------------------------------------------------

    def entered(self) -> None:
        self._drop()
        review_id = self.nav.current_review
        if review_id is None:
            self.nav.go("review_inbox")
            return
        self._review = review_id
        self.busy.show()
        self._say("")
        generation = self._generation
        self.backend.run(
            open_review,
            review_id,
            done=lambda pages: self._loaded(pages, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def clear_content(self) -> None:
        self._drop()
        self._place.clear()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._sized:  # the pages get the larger share, once; then the reader's choice
            self._sized = True
            width = max(2, self.split.width())
            # ...but the record's tab names are never cut short (large text, Welsh)
            tabs = self.tabs.tabBar().sizeHint().width() + 8
            side = max(width * 2 // 5, tabs)
            side = max(2, min(side, width - self.pages.minimumSizeHint().width()))
            self.split.setSizes([width - side, side])

    def hideEvent(self, event: QEvent) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self._hide_restricted()  # never left on screen, not even while minimised
        if not event.spontaneous():  # another screen (or the pause screen) took its place
            self._drop()

    def _drop(self) -> None:
        """Forget the PDF, its pages, the record and the restricted details."""
        self._generation += 1
        if self._pages is not None and self._review is not None:
            self._place[self._review] = self.pages.index
        self._pages = None
        self._review = None
        self.pages.clear()
        for widget in (self.record, self.checks):
            widget.clear()
        self.title.setText("")
        self.facts.setText("")
        self.verified.setText("")
        self._hide_restricted()
        self._say("")
        self.busy.hide()
        self._set_loaded(False)

    # --- loading --------------------------------------------------------------------------

    def _loaded(self, pages: ReviewPages, generation: int) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self._pages = pages
        review, summary = pages.review, pages.summary
        self.title.setText(one_line(review.reference))
        self.facts.setText(
            fill(
                self.tr("%1 · interviewer %2 · received %3 · %4"),
                full_category(summary.case.category),
                one_line(review.interviewer),
                when(review.received),
                state_label(review.state),
            )
        )
        self.record.show_rows(
            sittings_rows(summary)
            + timeline_rows(summary)
            + revisions_rows(summary)
            + [(translate("ReviewRecord", "Times are shown in this computer's time zone."), False)]
        )
        self.checks.show_report(pages.report)
        self.verified.setText(
            self.tr("Every check passed when the review was opened just now.")
            if pages.report.ok
            else self.tr("Not every check passed. Do not rely on this statement.")
        )
        self._set_loaded(True, decided=review.state != "to_review")

        def renderer(index: int, width: int, done: Done, failed: Failed) -> None:
            self.backend.run(render_page, pages, index, width, done=done, failed=failed)

        self.pages.set_document(pages.page_count, renderer, self._place.get(review.id, 0))
        self.pages.view.setFocus()

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self._say(message or self.tr("The review could not be opened; nothing was changed."), ERROR)

    def _set_loaded(self, loaded: bool, *, decided: bool = False) -> None:
        self.decide.setEnabled(loaded and not decided)
        self.show_restricted.setEnabled(loaded)

    def _say(self, text: str, kind: str = INFO) -> None:
        say(self.message, text, kind)

    def _decide(self) -> None:
        if self._pages is not None:
            self.nav.go("review_decision")  # it reads nav.current_review

    # --- restricted details ---------------------------------------------------------------

    def _ask_restricted(self) -> None:
        review_id = self._review
        if review_id is None or self._pages is None:
            return
        self.show_restricted.setEnabled(False)
        generation = self._generation
        self.backend.run(
            restricted_details,
            review_id,
            done=lambda details: self._show_restricted(details, generation),
            failed=lambda message, code: self._restricted_failed(message, generation),
        )

    def _show_restricted(self, details: dict[str, Any], generation: int) -> None:
        if generation != self._generation or not self.isVisible():
            return  # left (or locked) while they were fetched: they are not shown
        self._clear_restricted_form()
        for label, value in restricted_rows(details):
            caption = plain_label(label, self.restricted_box)
            shown = plain_label(value, self.restricted_box)
            accessible(shown, label)
            self.restricted_form.addRow(caption, shown)
        self.restricted_note.setText(
            self.tr("This view was recorded in the review's record. Hide them when done.")
        )
        self.restricted_note.show()
        self.restricted_intro.hide()
        self.restricted_area.show()
        self.show_restricted.hide()
        self.hide_restricted.show()
        self.hide_restricted.setFocus()

    def _restricted_failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self.show_restricted.setEnabled(self._pages is not None)
        self._say(message or self.tr("The restricted details could not be shown."), ERROR)

    def _hide_restricted(self) -> None:
        self._clear_restricted_form()
        self.restricted_area.hide()
        self.restricted_note.hide()
        self.restricted_note.setText("")
        self.restricted_intro.show()
        self.hide_restricted.hide()
        self.show_restricted.show()
        self.show_restricted.setEnabled(self._pages is not None)

    def _clear_restricted_form(self) -> None:
        while self.restricted_form.rowCount():
            self.restricted_form.removeRow(0)  # deletes the labels with their text

    def restricted_shown(self) -> bool:
        return self.restricted_form.rowCount() > 0
