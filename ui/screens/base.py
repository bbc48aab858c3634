"""What every screen shares: a name, clearing its case content, plain-text helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QScrollArea, QWidget

# Qt's own file dialog: native ones (GTK, KDE portals) add chosen files to the desktop's
# recent-files list, which would leave bundle names and paths behind.
PRIVATE_DIALOG = QFileDialog.Option.DontUseNativeDialog


class Screen(QWidget):
    """A full-window screen. Subclasses hold no business rules; they call the Backend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def clear_content(self) -> None:
        """Remove every piece of case content from the screen's widgets (on lock)."""

    def entered(self) -> None:
        """Called when the screen becomes the visible one."""


def plain_label(
    text: str = "", parent: QWidget | None = None, *, name: str | None = None, wrap: bool = True
) -> QLabel:
    """A label that never interprets its text as rich text (it may be untrusted)."""
    label = QLabel(parent)
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
