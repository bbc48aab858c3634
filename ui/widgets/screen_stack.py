"""The main window's screens, one at a time, never wider or taller than the screen.

A QStackedWidget asks for the largest of all its pages, so one wide screen (a long
Welsh line at 200 % text) widened the window for every other, and the window grew and
never shrank until it was wider than the monitor. This stack asks only for the page
shown, and sits in a scroll area: whatever a page needs, the window never asks for more
than the available screen, and a page larger than the window scrolls instead of pushing
controls off screen.

To a screen reader the stack is named after the screen shown (its title), never a
nameless "layered pane".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# The window's size when there is room (and its size at most when there is not).
PREFERRED = QSize(1200, 800)


class CurrentPageStack(QWidget):
    """Screens one at a time, sized by the one shown.

    Not a QStackedWidget: its layout asks for the largest page, height-for-width
    included, so a long page elsewhere would still make this one scroll. There is no
    layout here at all: the page shown fills the stack, its minimum size is the stack's,
    and the others are hidden children, kept as they are. Without a height-for-width of
    its own the stack takes the window's height, and the page arranges its wrapped lines
    in it (a page that cannot fit scrolls in the frame)."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> int:
        page.setParent(self)
        page.hide()
        page.installEventFilter(self)
        self._pages.append(page)
        if self._current is None:
            self.setCurrentWidget(page)
        return len(self._pages) - 1

    def removeWidget(self, page: QWidget) -> None:
        if page not in self._pages:
            return
        self._pages.remove(page)
        page.removeEventFilter(self)
        if page is self._current:
            self._current = None
            self.setAccessibleName("")
            self.updateGeometry()
        page.hide()

    def currentWidget(self) -> QWidget | None:
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:
        if page is self._current:
            return
        old, self._current = self._current, page
        page.setGeometry(self.rect())
        page.show()
        if old is not None:
            old.hide()
        self.updateGeometry()
        self.page_renamed(page)
        self.currentChanged.emit(self._pages.index(page))

    def page_renamed(self, page: QWidget) -> None:
        """The stack's accessible name is the page shown's (a screen is named by its
        title, which may change while it is shown: a case's reference, once loaded)."""
        if page is self._current:
            self.setAccessibleName(page.accessibleName())

    def sizeHint(self) -> QSize:
        return self._current.sizeHint() if self._current is not None else QSize(320, 240)

    def minimumSizeHint(self) -> QSize:
        page = self._current
        return page.minimumSizeHint() if page is not None else QSize(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._current is not None:
            self._current.setGeometry(self.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The page shown asks for another size (a longer line, a row shown): pass it on.
        if watched is self._current and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)


class ScreenFrame(QScrollArea):
    """The window's central widget: the stack, scrolled only if the window is smaller
    than the page needs."""

    def __init__(self, stack: CurrentPageStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenFrame")
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The screens' controls take the focus, not the frame: no Tab stop with no name
        # between a screen's last control and its first (it scrolls to the focused one).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(stack)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 240)  # the page scrolls below this; it never widens the window


def fitted(available: QRect, wanted: QSize = PREFERRED) -> QRect:
    """The window's geometry on a screen with `available` room: its preferred size, or
    the room there is, centred."""
    size = wanted.boundedTo(available.size())
    left = available.x() + (available.width() - size.width()) // 2
    top = available.y() + (available.height() - size.height()) // 2
    return QRect(left, top, size.width(), size.height())
