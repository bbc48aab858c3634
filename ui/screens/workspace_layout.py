"""The workspace's layout and focus: the guide, and the timeline and notes beside the
statement, folded away on a narrow window; the section list's label folded away in a
narrow statement column; the reading order and regions; and the focus put where the next
action is. A mixin of WorkspaceScreen (ui/screens/workspace.py), which owns the widgets;
it holds no words of its own, so the screen's translations stay in one context."""

from __future__ import annotations

import itertools
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QToolButton, QWidget

from app.desktop.types import Sitting
from ui.screens.base import accessible
from ui.widgets.further_row import FurtherStatementRow
from ui.widgets.guarded_edit import GuardedPlainTextEdit
from ui.widgets.guide_panel import GuidePanel
from ui.widgets.regions import Regions, can_take_focus
from ui.widgets.side_panel import SidePanel
from ui.widgets.sitting_bar import SittingBar

# Narrower than this many characters of the text in use, the guide folds away, and so do
# the timeline and notes (below): at 200 % text on a 1366-pixel laptop the statement then
# has the whole width (about 55 characters a line, not 25).
FOLD_BELOW_CHARACTERS = 95
# The timeline and notes fold a little sooner: at 200 % text on a 1600-pixel screen the
# guide stays, and the statement keeps room for its section's hint.
SIDE_FOLD_BELOW_CHARACTERS = 110
# The side toggle while the panel is shown: narrow, like a panel's own close mark.
SHOWN_MARK = "\u00bb"
# Beside the section list's label: the gap to it, and the list's frame and arrow.
LABEL_GAP, LIST_CHROME = 12, 40


class SideToggleWords(NamedTuple):
    """The side toggle's words, in the interface language (the screen translates them)."""

    label: str  # while folded
    show: str  # its name while folded
    hide: str  # its name while shown
    description: str


def fold_toggle(text: str, parent: QWidget) -> QToolButton:
    """A button that shows or hides a panel beside the statement, checked while shown."""
    toggle = QToolButton(parent)
    toggle.setText(text)
    toggle.setCheckable(True)
    toggle.setChecked(True)
    toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return toggle


class WorkspaceLayoutMixin(QWidget):
    """Needs from the screen: the guide, the side panel and their toggles, the top row,
    the banner, the editor, the sitting bar, the case shown, whether it is signed, and
    where the focus was."""

    guide: GuidePanel
    guide_toggle: QToolButton
    side: SidePanel
    side_toggle: QToolButton
    side_words: SideToggleWords
    back: QPushButton
    readback: QPushButton
    decisions: QPushButton
    further: QPushButton
    further_row: FurtherStatementRow
    banner: QWidget
    banner_close: QPushButton
    regions: Regions
    section_hint: QLabel
    section: QComboBox
    section_label: QLabel
    editor: GuardedPlainTextEdit
    bar: SittingBar
    export: QPushButton
    _ref: str | None
    _signed: bool
    _sitting: Sitting | None
    _guide_choice: bool | None
    _side_choice: bool | None
    _focus_return: tuple[str | None, QWidget] | None

    # --- the guide, folded on a narrow window ---------------------------------------------

    def _guide_chosen(self, shown: bool) -> None:
        self._guide_choice = shown  # the interviewer's choice then holds, whatever the width
        self._show_guide(shown)

    def _show_guide(self, shown: bool) -> None:
        # The section's hint is guidance too: it folds with the guide (the section list's
        # tooltip still holds it), so at 200 % text the statement keeps its lines.
        self.guide.setVisible(shown)
        self.section_hint.setVisible(shown)
        self.guide_toggle.blockSignals(True)
        self.guide_toggle.setChecked(shown)
        self.guide_toggle.blockSignals(False)

    def guide_fits(self) -> bool:
        """Room for the guide beside the statement: about 95 characters of the text size
        in use (at 200 % text a 1366-pixel window has not)."""
        return self._fits(FOLD_BELOW_CHARACTERS)

    def side_fits(self) -> bool:
        """Room for the timeline and notes beside the statement: about 110 characters."""
        return self._fits(SIDE_FOLD_BELOW_CHARACTERS)

    def _fits(self, characters: int) -> bool:
        # The window's width, not the screen's own: a screen wider than the window (it
        # scrolls) must not unfold a panel and so ask for more width still.
        width = min(self.width(), self.window().width())
        return width >= characters * self.fontMetrics().averageCharWidth()

    # --- the timeline and notes, folded on a narrow window -----------------------------------

    def _side_chosen(self, shown: bool) -> None:
        self._side_choice = shown  # the interviewer's choice then holds, whatever the width
        self._show_side(shown)
        self._fold_to_fit()

    def _show_side(self, shown: bool) -> None:
        words = self.side_words
        self.side.setVisible(shown)
        self.side_toggle.blockSignals(True)
        self.side_toggle.setChecked(shown)
        self.side_toggle.blockSignals(False)
        self.side_toggle.setText(SHOWN_MARK if shown else words.label)
        accessible(self.side_toggle, words.hide if shown else words.show, words.description)
        self.side_toggle.setToolTip(words.hide if shown else words.show)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fold_to_fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed in Settings
            self._fold_to_fit()

    def _fold_to_fit(self) -> None:
        side = self.side_fits()
        if self._side_choice is None and side != self.side.isVisibleTo(self):
            self._show_side(side)
        if self._guide_choice is None:
            # The timeline and notes asked for where they do not fit: the guide makes room.
            crowded = self.side.isVisibleTo(self) and not side
            self._show_guide(self.guide_fits() and not crowded)

    # --- the section list's label, folded in a narrow statement column ----------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.section and event.type() == QEvent.Type.Resize:
            self._fit_section_label()
        return super().eventFilter(watched, event)

    def _fit_section_label(self) -> None:
        """The section list's label stands beside it while both fit whole; in a narrow
        statement column (Welsh at 200 % text) it folds away rather than cut off the
        section shown or widen the window. Folded, it still labels the list for a screen
        reader: Qt relates a label to its buddy, shown or not."""
        label, section = self.section_label, self.section
        room = section.width() + (section.x() - label.x() if label.isVisible() else 0)
        metrics = section.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(section.itemText(i)) for i in range(section.count())),
            default=0,
        )
        label.setVisible(room >= label.sizeHint().width() + LABEL_GAP + widest + LIST_CHROME)

    # --- the focus -----------------------------------------------------------------------

    def _order_focus(self) -> None:
        """Reading order: the top row, the sitting bar, the banner, then the three columns
        left to right (guide, statement, timeline and notes). Tab types a tab in the
        statement and the side panel's tabs take Ctrl+Tab for themselves: Ctrl+Tab and F6
        move on through the regions, from anywhere (a folded one is passed over)."""
        order = [
            self.back,
            self.export,
            self.decisions,
            self.further,
            self.readback,
            self.further_row.yes,
            self.further_row.no,
            *self.bar.focus_order(),
            self.banner_close,
            self.guide.phases,
            self.guide.prompts,
            self.guide_toggle,
            self.section,
            # Before the statement, though drawn under it: Tab types a tab in the
            # statement, so a control after it could be reached only by Ctrl+Tab.
            self.side_toggle,
            self.editor,
            self.side,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.regions = Regions(
            self,
            [
                [self.back, self.export, self.decisions, self.further, self.readback],
                [self.further_row],
                [self.bar],
                [self.banner],
                [self.guide],
                [self.editor, self.guide_toggle, self.section, self.side_toggle],
                [self.side],
            ],
        )

    def _hold_focus(self) -> None:
        """Back on the case shown (from a pause, say), before it is read again: the focus
        goes back at once to where it was, not to the first control Qt finds, so keys
        pressed while the case reloads reach the statement, never "Cases". The reload
        (`_place_focus`) then confirms it."""
        ref, widget = self._focus_return or (None, None)
        if ref == self._ref and widget is not None and can_take_focus(widget):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place_focus(self) -> None:
        """Focus where the interviewer was on this case, else where the next action is:
        Export… once signed, the statement while a sitting runs, Resume while paused,
        otherwise Start sitting."""
        ref, widget = self._focus_return or (None, None)
        self._focus_return = None
        if ref != self._ref or widget is None or not can_take_focus(widget):
            sitting = self._sitting
            if self._signed:
                widget = self.export
            elif sitting is not None and sitting.state == "running":
                widget = self.editor
            elif sitting is not None and sitting.open:
                widget = self.bar.resume
            else:
                widget = self.bar.start
        if can_take_focus(widget):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
