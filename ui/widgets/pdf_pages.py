"""A signed statement's pages, one at a time, drawn from pixels rendered in memory.

The widget never holds the PDF. It asks its renderer (the reading screen, which runs
app.desktop.review.render_page on the worker thread) for page n at a width in device
pixels, and shows the pixels it gets back as a pixmap: no image file, no temporary
file, nothing on disk. Zooming and resizing re-render after a short pause (debounced);
one render is in flight at a time, and an answer for a page or a width no longer wanted
(or one that arrives after `clear`) is dropped.

Keys, while the page has the focus: Page Down and Space scroll down, then go on to the
next page; Page Up and Shift+Space go back the same way; Home and End go to the first
and the last page; the arrow keys scroll. The screen adds Ctrl+Plus, Ctrl+Minus and
Ctrl+0 (fit width) for its whole area.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.desktop.review import PageImage
from ui.screens.base import accessible, plain_label

RENDER_DELAY_MS = 150  # a resize or a run of zoom presses renders once, at the end
PAGE_MARGIN = 12  # pixels of background around the page
# Zoom is relative to an A4 page at its real size on this screen (the MG11 is A4).
A4_WIDTH_POINTS = 595.276
ZOOM_LEVELS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)

Done = Callable[[PageImage], None]
Failed = Callable[[str, int], None]
# renderer(page index from 0, width in device pixels, done, failed)
Renderer = Callable[[int, int, Done, Failed], None]


class PdfPages(QWidget):
    """Page navigation, zoom and the current page, for a document of `count` pages."""

    page_changed = Signal(int)  # the page now shown, from 0
    render_failed = Signal(str)  # a calm, translated message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer: Renderer | None = None
        self._count = 0
        self._index = 0
        self._fit = True
        self._zoom = 1.0
        self._generation = 0  # bumped by set_document and clear: late answers are dropped
        self._busy = False  # a render is in flight
        self._shown: tuple[int, int] | None = None  # (page, device width) on screen
        self._to_end = False  # show the new page from its bottom (paging backwards)

        self.previous = QPushButton(self.tr("&Previous"), self)
        accessible(self.previous, self.tr("Previous page"), self.tr("Page Up at the top"))
        self.next = QPushButton(self.tr("&Next"), self)
        accessible(self.next, self.tr("Next page"), self.tr("Page Down at the bottom"))
        self.position = plain_label("", self, name="hint", wrap=False)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = QPushButton(self.tr("−"), self)
        accessible(self.zoom_out_button, self.tr("Zoom out"), self.tr("Ctrl+Minus"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+Minus)"))
        self.zoom_label = plain_label("", self, name="hint", wrap=False)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = QPushButton(self.tr("+"), self)
        accessible(self.zoom_in_button, self.tr("Zoom in"), self.tr("Ctrl+Plus"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl+Plus)"))
        self.fit_button = QPushButton(self.tr("Fit &width"), self)
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        accessible(
            self.fit_button,
            self.tr("Fit width"),
            self.tr("The page fills the width of its area (Ctrl+0)"),
        )

        self.view = QScrollArea(self)
        self.view.setWidgetResizable(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Always there, so fitting the width never makes it appear and disappear in turn.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        accessible(
            self.view,
            self.tr("Signed statement"),
            self.tr(
                "The signed statement as an image, one page at a time. Page Down and Page Up "
                "scroll and turn the pages; Home and End go to the first and last page."
            ),
        )
        self.page = QLabel(self.view)
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page.setMargin(PAGE_MARGIN)
        self.page.setTextFormat(Qt.TextFormat.PlainText)
        self.view.setWidget(self.page)

        self._pager = QHBoxLayout()
        self._pager.addWidget(self.previous)
        self._pager.addWidget(self.position, 1)
        self._pager.addWidget(self.next)
        self._zoomer = QHBoxLayout()
        self._zoomer.addStretch(1)
        self._zoomer.addWidget(self.zoom_out_button)
        self._zoomer.addWidget(self.zoom_label)
        self._zoomer.addWidget(self.zoom_in_button)
        self._zoomer.addWidget(self.fit_button)
        # One row when there is room for it, else two (large text, a narrow window).
        self._bars = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._bars.addLayout(self._pager, 1)
        self._bars.addLayout(self._zoomer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._bars)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RENDER_DELAY_MS)
        self._debounce.timeout.connect(self._render)
        self.previous.clicked.connect(self.previous_page)
        self.next.clicked.connect(self.next_page)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(lambda checked: self.fit_width())
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self._update_controls()

    # --- the document -------------------------------------------------------------------

    @property
    def count(self) -> int:
        return self._count

    @property
    def index(self) -> int:
        return self._index

    def set_document(self, count: int, renderer: Renderer, index: int = 0) -> None:
        """Show a document of `count` pages, drawn by `renderer`, from page `index`."""
        self._generation += 1
        self._busy = False
        self._renderer = renderer
        self._count = max(0, count)
        self._index = min(max(0, index), max(0, self._count - 1))
        self._shown = None
        self.page.clear()
        self._update_controls()
        self._render()

    def clear(self) -> None:
        """Forget the document and its pixels (on lock, or when the screen is left)."""
        self._generation += 1
        self._debounce.stop()
        self._busy = False
        self._renderer = None
        self._count = 0
        self._index = 0
        self._shown = None
        self.page.clear()
        self._update_controls()

    def has_page(self) -> bool:
        pixmap = self.page.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def page_pixels_width(self) -> int:
        """The width of the page on screen, in device pixels (0 when none is shown)."""
        return self.page.pixmap().width() if self.has_page() else 0

    # --- pages --------------------------------------------------------------------------

    def go_to(self, index: int, *, from_end: bool = False) -> None:
        if not self._count:
            return
        index = min(max(0, index), self._count - 1)
        if index == self._index:
            return
        self._index = index
        self._to_end = from_end
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum() if from_end else 0)  # at once, so keys act on the new page
        self._update_controls()
        self.page_changed.emit(index)
        self._render()  # at once: turning a page is not debounced

    def next_page(self) -> None:
        self.go_to(self._index + 1)

    def previous_page(self) -> None:
        self.go_to(self._index - 1)

    # --- zoom ---------------------------------------------------------------------------

    def zoom(self) -> float:
        """The zoom as shown: 1.0 is an A4 page at its real size on this screen."""
        return self._fit_zoom() if self._fit else self._zoom

    def is_fit_width(self) -> bool:
        return self._fit

    def zoom_in(self) -> None:
        current = self.zoom()
        self._set_zoom(next((z for z in ZOOM_LEVELS if z > current + 0.005), ZOOM_LEVELS[-1]))

    def zoom_out(self) -> None:
        current = self.zoom()
        lower = [z for z in ZOOM_LEVELS if z < current - 0.005]
        self._set_zoom(lower[-1] if lower else ZOOM_LEVELS[0])

    def fit_width(self) -> None:
        self._fit = True
        self._update_controls()
        self._debounce.start()

    def _set_zoom(self, zoom: float) -> None:
        self._fit = False
        self._zoom = zoom
        self._update_controls()
        self._debounce.start()

    def _reference_width(self) -> float:
        """An A4 page's width in logical pixels on this screen."""
        return A4_WIDTH_POINTS / 72.0 * max(72, self.logicalDpiX())

    def _available(self) -> int:
        # two pixels to spare: the renderer may round the page a pixel wider than asked
        return max(1, self.view.viewport().width() - 2 * PAGE_MARGIN - 2)

    def _fit_zoom(self) -> float:
        return max(0.1, self._available() / self._reference_width())

    def _device_width(self) -> int:
        # Rounded down: a page one pixel wider than its room would bring a scroll bar.
        logical = self._available() if self._fit else self._reference_width() * self._zoom
        return max(1, int(logical * self.devicePixelRatioF()))

    # --- rendering ----------------------------------------------------------------------

    def _wanted(self) -> tuple[int, int]:
        return (self._index, self._device_width())

    def _render(self) -> None:
        self._debounce.stop()
        if self._renderer is None or not self._count:
            return
        if self._busy:
            return  # the answer in flight will ask again if it is no longer what is wanted
        wanted = self._wanted()
        if wanted == self._shown:
            return
        self._busy = True
        generation = self._generation
        self._renderer(
            wanted[0],
            wanted[1],
            lambda image: self._rendered(image, wanted, generation),
            lambda message, code: self._failed(message, generation),
        )

    def _rendered(self, image: PageImage, asked: tuple[int, int], generation: int) -> None:
        if generation != self._generation:
            return  # cleared, or another document, since this was asked for
        self._busy = False
        if asked[0] == self._index:
            self._show(image, asked)
        if self._wanted() != self._shown:
            self._render()

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.render_failed.emit(message)

    def _show(self, image: PageImage, asked: tuple[int, int]) -> None:
        qimage = QImage(
            image.pixels, image.width, image.height, image.stride, QImage.Format.Format_RGB888
        )
        pixmap = QPixmap.fromImage(qimage)  # a copy: the bytes are not kept
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        new_page = self._shown is None or self._shown[0] != asked[0]
        self.page.setPixmap(pixmap)
        self._shown = asked
        self._update_controls()
        if new_page:
            bar = self.view.verticalScrollBar()
            # the label's new size reaches the scroll bar once the layout has run
            to_end = self._to_end
            self._to_end = False
            QTimer.singleShot(0, lambda: bar.setValue(bar.maximum() if to_end else 0))

    # --- controls and keys ----------------------------------------------------------------

    def _update_controls(self) -> None:
        has = self._count > 0
        self.previous.setEnabled(has and self._index > 0)
        self.next.setEnabled(has and self._index < self._count - 1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(has)
        self.fit_button.setChecked(self._fit)
        if has:
            text = self.tr("Page %1 of %2").replace("%1", str(self._index + 1))
            self.position.setText(text.replace("%2", str(self._count)))
            percent = round(self.zoom() * 100)
            self.zoom_label.setText(self.tr("%1 %").replace("%1", str(percent)))
        else:
            self.position.setText("")
            self.zoom_label.setText("")
        accessible(self.page, self.position.text() or self.tr("No page"))
        accessible(
            self.zoom_label, self.tr("Zoom %1 %").replace("%1", str(round(self.zoom() * 100)))
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        spacing = max(0, self._bars.spacing())
        one_row = self._pager.sizeHint().width() + spacing + self._zoomer.sizeHint().width()
        wide = self.width() >= one_row
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._bars.direction() != direction:
            self._bars.setDirection(direction)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            if self._fit and self._count:
                self._update_controls()
                self._debounce.start()
            return False
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        bar = self.view.verticalScrollBar()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        down = key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Space and not shift)
        up = key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Space and shift)
        if down:
            if bar.value() < bar.maximum():
                bar.setValue(bar.value() + bar.pageStep())
            else:
                self.next_page()
            return True
        if up:
            if bar.value() > bar.minimum():
                bar.setValue(bar.value() - bar.pageStep())
            else:
                self.go_to(self._index - 1, from_end=True)
            return True
        if key == Qt.Key.Key_Home:
            self.go_to(0)
            bar.setValue(0)
            return True
        if key == Qt.Key.Key_End:
            self.go_to(self._count - 1, from_end=True)
            bar.setValue(bar.maximum())
            return True
        return False
