"""What every screen shares: a name (its title, which a screen reader hears as the focus
enters the screen), clearing its case content, plain-text helpers."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QWidget,
)

from ui.widgets.heading import Heading
from ui.widgets.screen_stack import CurrentPageStack

# Qt's own file dialog: native ones (GTK, KDE portals) add chosen files to the desktop's
# recent-files list, which would leave bundle names and paths behind. Inside a Flatpak
# sandbox (no file-system permission) only the file chooser portal reaches the person's
# files, so there the portal is used (packaging/flatpak/README.md says what it may note).
IN_FLATPAK = Path("/.flatpak-info").exists()
PRIVATE_DIALOG = QFileDialog.Option(0) if IN_FLATPAK else QFileDialog.Option.DontUseNativeDialog


class HeldFocus(QObject):
    """The disabled control a screen keeps the focus on, until it is enabled again."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__(screen)
        self.widget: QWidget | None = None

    def keep(self, widget: QWidget) -> None:
        self.release()
        self.widget = widget
        widget.installEventFilter(self)

    def release(self) -> None:
        if self.widget is not None and shiboken6.isValid(self.widget):
            self.widget.removeEventFilter(self)
        self.widget = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and watched is self.widget
            and self.widget.isEnabled()
        ):
            self.release()
        return False


class Screen(QWidget):
    """A full-window screen. Subclasses hold no business rules; they call the Backend.

    To a screen reader it is a panel named by its title (ui/widgets/accessible_roles.py),
    said as the focus enters it, and the window's stack of screens takes the same name."""

    accessible_role: ClassVar[QAccessible.Role] = QAccessible.Role.Grouping

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._title: Heading | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        title = self.findChild(Heading)  # its children are all made by the first show
        if title is not None and title is not self._title:
            self._title = title
            title.text_changed.connect(self._name_after_title)
        self._name_after_title(title.text() if title is not None else "")

    def _name_after_title(self, text: str) -> None:
        # A title cleared on lock (a case's reference) leaves no name behind either.
        self.setAccessibleName(text)
        stack = self.parentWidget()
        if isinstance(stack, CurrentPageStack):
            stack.page_renamed(self)

    def clear_content(self) -> None:
        """Remove every piece of case content from the screen's widgets (on lock)."""

    def entered(self) -> None:
        """Called when the screen becomes the visible one."""

    def focusNextPrevChild(self, next: bool) -> bool:
        # Qt calls this on a screen being hidden that holds the focus, to pass the focus
        # on: it would land on the sync line or a button of the next screen, and a screen
        # reader would read that out first. The next screen places the focus itself.
        if not self.isVisible():
            return True
        # Qt also calls it when the control with the focus is disabled (a button while its
        # work runs): the focus would hop from control to control, each read out. It
        # stays where it is until the work is done and the screen places it; a key
        # pressed meanwhile (Tab) moves it on as usual.
        focused = QApplication.focusWidget()
        if focused is not None and not focused.isEnabled() and self.isAncestorOf(focused):
            hold = self.findChild(HeldFocus) or HeldFocus(self)
            if hold.widget is not focused:
                hold.keep(focused)
                return True
            hold.release()  # Tab while it is still disabled: on to the next control
        return super().focusNextPrevChild(next)

    def places_focus_later(self) -> bool:
        """True while the screen is loading and will put the focus where the work is
        when it has loaded (the main window then leaves the focus alone meanwhile)."""
        return False


def plain_label(
    text: str = "", parent: QWidget | None = None, *, name: str | None = None, wrap: bool = True
) -> QLabel:
    """A label that never interprets its text as rich text (it may be untrusted). A
    screen's title (name "title") is a Heading, which a screen reader lists and finds."""
    label = Heading(parent) if name == "title" else QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def accessible(widget: QWidget, name: str, description: str = "") -> QWidget:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Name the clear button that setClearButtonEnabled put in `edit`: it shows only an
    icon, and unnamed a screen reader says just "button"."""
    for button in edit.findChildren(QToolButton):
        accessible(button, name)


def name_tab_pages(tabs: QTabWidget) -> None:
    """Give a tab widget's pages, a "layered pane" to a screen reader, the tab widget's
    own accessible name (set it first)."""
    pages = tabs.findChild(QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if pages is not None:
        pages.setAccessibleName(tabs.accessibleName())


def scrolled(page: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`page` in a frameless scroll area: a panel that may be shorter than its content
    (200 % text on a 768-pixel screen) scrolls inside itself instead of making the whole
    screen taller than the window."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    return area
