"""Moving between a screen's regions by keyboard: Ctrl+Tab and F6 forward, Ctrl+Shift+Tab
and Shift+F6 back.

Tab moves between controls; in the statement Tab types a tab, and a tab widget takes
Ctrl+Tab for flipping its pages. So a screen with several regions (the workspace: the top
row, the sitting bar, the guide, the statement, the timeline and notes) gets one key that
always moves on to the next region, wherever focus is, and lands on the region's first
control that can take focus now. F6 is the same key browsers and mail clients use for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

FORWARD = ("Ctrl+Tab", "F6")
BACKWARD = ("Ctrl+Shift+Tab", "Ctrl+Backtab", "Shift+F6")


def can_take_focus(widget: QWidget) -> bool:
    return (
        widget.isVisibleTo(widget.window())
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
    )


class Regions(QObject):
    """The regions of `screen`, each a list of widgets in reading order.

    A widget belongs to the region that lists it or one of its ancestors; a region is
    entered at its first control (or a control's descendant) that can take focus."""

    def __init__(self, screen: QWidget, regions: Sequence[Sequence[QWidget]]) -> None:
        super().__init__(screen)
        self._screen = screen
        self._regions = [list(r) for r in regions]
        for keys, step in ((FORWARD, 1), (BACKWARD, -1)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), screen)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda s=step: self.move(s))

    def current(self) -> int | None:
        """The region holding the focus, if any."""
        focus = QApplication.focusWidget()
        for index, region in enumerate(self._regions):
            for widget in region:
                if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                    return index
        return None

    def entry(self, index: int) -> QWidget | None:
        """The first control of region `index` that can take focus now (in this window:
        never a part of a drop-down's pop-up list, which is a window of its own)."""
        for widget in self._regions[index]:
            if can_take_focus(widget):
                return widget
            for child in widget.findChildren(QWidget):
                if child.window() is widget.window() and can_take_focus(child):
                    return child
        return None

    def move(self, step: int) -> None:
        """Focus the next (step 1) or previous (step -1) region that has a control."""
        count = len(self._regions)
        start = self.current()
        index = (start if start is not None else (-1 if step > 0 else 0)) % count
        for _ in range(count):
            index = (index + step) % count
            target = self.entry(index)
            if target is not None:
                reason = (
                    Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason
                )
                target.setFocus(reason)
                return
