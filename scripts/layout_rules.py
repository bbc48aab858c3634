"""What "fits" means for a window, checked widget by widget (#15 items 8 and 9).

`problems(window, available)` lists, in words, everything that does not fit: a window
that asks for more than the available screen; a visible control outside the window; a
label, button, tab or drop-down whose text is cut off; a wrapped label too narrow for its
longest word (so a word would break inside, "surviv or"). Used by test_layout_fits and
the screenshots script; nothing here changes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)

SLACK = 2  # px: rounding in font metrics


def _name(widget: QWidget) -> str:
    text = ""
    for getter in ("text", "currentText", "accessibleName"):
        value = getattr(widget, getter, None)
        if callable(value) and value():
            text = value()
            break
    return f"{type(widget).__name__} {text[:40]!r}"


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Inside a scroll area's viewport: placed outside the window on purpose."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        # The window's own frame scrolls only when a screen does not fit: not on purpose.
        if (
            isinstance(parent, QAbstractScrollArea)
            and parent.objectName() != "screenFrame"
            and parent.viewport().isAncestorOf(widget)  # not a list's header, say
        ):
            return True
        parent = parent.parentWidget()
    return False


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _longest_word_width(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(w) for w in text.split()), default=0)


def _text_problem(widget: QWidget) -> str | None:
    metrics = widget.fontMetrics()
    if isinstance(widget, QLabel):
        text = _plain(widget.text()) if widget.buddy() is not None else widget.text()
        if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        room = widget.contentsRect().width() - 2 * widget.margin() - 2 * widget.indent()
        if widget.wordWrap():
            if _longest_word_width(widget, text) > room + SLACK:
                return "a word breaks inside"
            if widget.heightForWidth(widget.width()) > widget.height() + SLACK:
                return f"last lines cut off (height {widget.height()})"
        elif widget.textFormat().name == "PlainText" or "<" not in text:
            widest = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
            if widest > room + SLACK:
                return "text cut off"
        return None
    if isinstance(widget, QCheckBox | QRadioButton):
        return None  # they wrap in their layouts' width; their hint holds the text
    if isinstance(widget, QPushButton):
        text = _plain(widget.text())
        if text and widget.sizeHint().width() > widget.width() + SLACK:
            return "text cut off"
        return None
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        room = widget.width() - (widget.sizeHint().width() - widget.minimumSizeHint().width())
        if text and metrics.horizontalAdvance(text) > widget.width() - 30:
            return f"current item cut off (room {room})"
        return None
    if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        model = widget.model()
        for section in range(widget.count()):
            if widget.isSectionHidden(section) or model is None:
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            if metrics.horizontalAdvance(text) > widget.sectionSize(section) - 4:
                return f"column header {text!r} cut off"
        return None
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            width = metrics.horizontalAdvance(_plain(widget.tabText(index)))
            rect = widget.tabRect(index)
            if width > rect.width() - 8 or not widget.rect().contains(rect):
                return f"tab {widget.tabText(index)!r} cut off"
    return None


def problems(window: QWidget, available: QRect) -> list[str]:
    found = []
    hint = window.minimumSizeHint()
    if hint.width() > available.width() or hint.height() > available.height():
        found.append(
            f"the window needs {hint.width()}x{hint.height()}, "
            f"the screen has {available.width()}x{available.height()}"
        )
    if window.width() > available.width() or window.height() > available.height():
        found.append(f"the window is {window.width()}x{window.height()}")
    window_area = window.rect()
    frame, frame_area = None, window_area
    for frame in window.findChildren(QAbstractScrollArea, "screenFrame"):
        bars = frame.horizontalScrollBar().maximum(), frame.verticalScrollBar().maximum()
        if any(bars):
            page = frame.widget().minimumSizeHint()
            found.append(f"the screen scrolls: it needs {page.width()}x{page.height()}")
        frame_area = QRect(frame.mapTo(window, QPoint(0, 0)), frame.viewport().size())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if _scrolled(widget, window):
            continue
        if isinstance(widget, QAbstractButton | QLabel | QComboBox | QTabBar | QHeaderView):
            where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            area = frame_area if frame is not None and frame.isAncestorOf(widget) else window_area
            if not area.contains(where):
                found.append(f"{_name(widget)} is outside the window ({where})")
                continue
            problem = _text_problem(widget)
            if problem:
                found.append(f"{_name(widget)}: {problem} (width {widget.width()})")
    return found
