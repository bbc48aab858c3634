"""Showing the witness the statement's pages one at a time, each confirmed before the next.

`PageConfirm` is the middle step of signing: "Page 2 of 3" in large print, the page as the
export will print it (pixels rendered in memory by the screen's renderer, through
ui/widgets/pdf_pages.py), the witness's initials when the organisation asks for them, and
two actions: "Back" (the previous page, or the declaration before the first) and "This
page is right". Pages move on only through those two: the keys that turn pages in the
review's reader only scroll here, so no page is passed without being confirmed.

`DeclarationView` is the s.9 declaration in large print, shown before the pages and above
the signature pad; `DeclarationStep` is the step that shows it first, and `SittingStep`
the question asked when a sitting is still open. All show untrusted text as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.screens.base import accessible, plain_label
from ui.widgets.pdf_pages import PdfPages, Renderer
from ui.widgets.readback_view import DEFAULT_POINT_SIZE, fill
from ui.widgets.signature_pad import SignaturePad


def large_font(widget: QWidget, factor: float = 1.5) -> QFont:
    """The widget's font made large for the witness: `factor` times the interface text
    (so it grows with the 200 % setting), never smaller than read-back's default. The
    size comes from the application's font, which the text size sets: a widget made
    before the setting changed may still hold the old size (Qt does not pass an
    application font change down to every child of a page not yet shown)."""
    font = QFont(widget.font())
    base = QApplication.font().pointSizeF()
    font.setPointSizeF(max(float(DEFAULT_POINT_SIZE), base * factor))
    return font


class DeclarationView(QScrollArea):
    """The declaration, word-wrapped in large print, scrolling when it does not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label = plain_label("", self, name="declaration")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen reader reaches it
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        accessible(self.label, self.tr("The declaration above the signature"))
        self.setWidget(self.label)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_text(self, text: str, factor: float = 1.5) -> None:
        self.label.setFont(large_font(self, factor))
        self.label.setText(text)
        self.label.setAccessibleDescription(text)

    def text(self) -> str:
        return self.label.text()

    def clear(self) -> None:
        self.label.clear()
        self.label.setAccessibleDescription("")


class OnePage(PdfPages):
    """The pages viewer with its own page turning switched off: only `show_page` turns
    to another page (the witness's confirmation, or Back)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._turning = False
        for widget in (self.previous, self.next, self.position):
            widget.hide()
        accessible(
            self.view,
            self.tr("Statement page"),
            self.tr(
                "One page of the statement as it will be signed, as an image. Page Down and "
                "Page Up scroll it."
            ),
        )

    def go_to(self, index: int, *, from_end: bool = False) -> None:
        if self._turning:
            super().go_to(index, from_end=from_end)

    def show_page(self, index: int) -> None:
        self._turning = True
        try:
            super().go_to(index)
        finally:
            self._turning = False


class PageConfirm(QWidget):
    """One page at a time; `confirmed(index, initials JSON or "")` when the witness says
    the page is right, `back(index)` when they go back from it."""

    confirmed = Signal(int, str)
    back = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._index = 0
        self._initials = False
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.position = plain_label("", self, name="page_position", wrap=False)
        layout.addWidget(self.position)
        self.hint = plain_label(
            self.tr(
                "Show this page to the person giving the statement. If it is right, they "
                "confirm it; if something needs correcting, go back to read-back."
            ),
            self,
            name="hint",
        )
        layout.addWidget(self.hint)
        self.pages = OnePage(self)
        layout.addWidget(self.pages, 3)

        self.initials_box = QWidget(self)
        box = QVBoxLayout(self.initials_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(
            plain_label(
                self.tr("The organisation asks for initials on each page, here."),
                self.initials_box,
                name="hint",
            )
        )
        row = QHBoxLayout()
        self.initials_pad = SignaturePad(self.initials_box)
        self.initials_pad.setAccessibleName(self.tr("Initials pad"))
        self.initials_pad.setAccessibleDescription(
            self.tr("Initials pad: initial this page here with a finger, pen or mouse")
        )
        self.initials_pad.changed.connect(self._update)
        row.addWidget(self.initials_pad, 1)
        self.clear_initials = QPushButton(self.tr("Clear the &initials"), self.initials_box)
        accessible(
            self.clear_initials,
            self.tr("Clear the initials"),
            self.tr("Empties the box so the page can be initialled again"),
        )
        self.clear_initials.clicked.connect(self.initials_pad.clear)
        row.addWidget(self.clear_initials, 0, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(row)
        layout.addWidget(self.initials_box, 1)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back"), self)
        accessible(
            self.back_button,
            self.tr("Back"),
            self.tr("Goes back to the previous page, or to the declaration from the first"),
        )
        self.right_button = QPushButton(self.tr("&This page is right"), self)
        self.right_button.setObjectName("primary")
        accessible(
            self.right_button,
            self.tr("This page is right"),
            self.tr("Records that this page was confirmed, then shows the next"),
        )
        for button in (self.back_button, self.right_button, self.clear_initials):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.back_button.clicked.connect(lambda: self.back.emit(self._index))
        self.right_button.clicked.connect(self._confirm)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.right_button)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.pages.view, self.clear_initials)
        QWidget.setTabOrder(self.clear_initials, self.back_button)
        QWidget.setTabOrder(self.back_button, self.right_button)
        self.initials_box.hide()
        self._update()

    # --- the document -------------------------------------------------------------------

    def set_document(self, count: int, renderer: Renderer, *, initials: bool) -> None:
        self._count = count
        self._initials = initials
        self.initials_box.setVisible(initials)
        self._index = 0
        self.initials_pad.clear()
        self.pages.set_document(count, renderer, 0)
        self._show_position()

    def show_page(self, index: int) -> None:
        """Turn to page `index` (from 0): its initials start empty."""
        self._index = max(0, min(index, self._count - 1))
        self.initials_pad.clear()
        self.pages.show_page(self._index)
        self._show_position()
        self.right_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def index(self) -> int:
        return self._index

    @property
    def count(self) -> int:
        return self._count

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update()

    def clear(self) -> None:
        self._count = 0
        self._index = 0
        self.initials_pad.clear()
        self.pages.clear()
        self.position.clear()

    # --- inside -------------------------------------------------------------------------

    def _show_position(self) -> None:
        # Sized when shown, so it follows the text size chosen since (200 %).
        self.position.setFont(large_font(self, 1.3))
        text = fill(self.tr("Page %1 of %2"), str(self._index + 1), str(self._count))
        self.position.setText(text if self._count else "")
        accessible(self.position, text)
        self._update()

    def _confirm(self) -> None:
        if self._busy or not self._count:
            return
        if self._initials and self.initials_pad.is_empty():
            return  # the button is disabled then; a shortcut must not slip past it
        initials = self.initials_pad.to_json() if self._initials else ""
        self.confirmed.emit(self._index, initials)

    def _update(self) -> None:
        ready = bool(self._count) and not self._busy
        needs = self._initials and self.initials_pad.is_empty()
        self.right_button.setEnabled(ready and not needs)
        self.back_button.setEnabled(not self._busy)
        self.clear_initials.setEnabled(not self._busy)
        self.initials_pad.setEnabled(not self._busy)


class SittingStep(QWidget):
    """A sitting is still open: its end is printed on the statement, so it ends first."""

    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.text = plain_label("", self)
        layout.addWidget(self.text)
        self.end_button = QPushButton(self.tr("&End the sitting"), self)
        self.end_button.setObjectName("primary")
        accessible(
            self.end_button,
            self.tr("End the sitting"),
            self.tr("Ends the sitting now, then shows the declaration and the pages"),
        )
        self.end_button.setAutoDefault(False)
        self.end_button.clicked.connect(self.end_requested)
        layout.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def ask(self, number: int) -> None:
        self.text.setText(
            fill(
                self.tr(
                    "Sitting %1 is still open. It ends before the statement is signed, because "
                    "when it ended is printed on the statement. End it now?"
                ),
                str(number),
            )
        )

    def clear(self) -> None:
        self.text.clear()


class DeclarationStep(QWidget):
    """The declaration in large print with the page count, before the pages are shown."""

    pages_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.hint = plain_label("", self, name="hint")
        layout.addWidget(self.hint)
        self.view = DeclarationView(self)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.show_pages = QPushButton(self.tr("Show the &pages"), self)
        self.show_pages.setObjectName("primary")
        accessible(
            self.show_pages,
            self.tr("Show the pages"),
            self.tr("Shows the first page of the statement"),
        )
        self.show_pages.setAutoDefault(False)
        self.show_pages.clicked.connect(self.pages_requested)
        row.addWidget(self.show_pages)
        layout.addLayout(row)

    def show_declaration(self, declaration: str, pages: int) -> None:
        self.hint.setText(
            fill(
                self.tr(
                    "Read the declaration aloud, or let them read it. The statement has %1 "
                    "page(s); they will see each page and confirm it before they sign."
                ),
                str(pages),
            )
        )
        self.view.set_text(declaration)

    def clear(self) -> None:
        self.hint.clear()
        self.view.clear()
