"""The workspace's layout and focus: the guide folded away on a narrow window, the
section list's label folded away in a narrow statement column, and the focus put where
the next action is. A mixin of WorkspaceScreen (ui/screens/workspace.py),
which owns the widgets; it holds no words of its own, so the screen's translations stay
in one context."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QToolButton, QWidget

from app.desktop.types import Sitting
from ui.widgets.guarded_edit import GuardedPlainTextEdit
from ui.widgets.guide_panel import GuidePanel
from ui.widgets.regions import can_take_focus
from ui.widgets.sitting_bar import SittingBar

# Narrower than this many characters of the text in use, the guide folds away.
FOLD_BELOW_CHARACTERS = 95
# Beside the section list's label: the gap to it, and the list's frame and arrow.
LABEL_GAP, LIST_CHROME = 12, 40


class WorkspaceLayoutMixin(QWidget):
    """Needs from the screen: the guide and its toggle, the editor, the sitting bar,
    Export…, the case shown, whether it is signed, and where the focus was."""

    guide: GuidePanel
    guide_toggle: QToolButton
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
        return self.width() >= FOLD_BELOW_CHARACTERS * self.fontMetrics().averageCharWidth()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fold_to_fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed in Settings
            self._fold_to_fit()

    def _fold_to_fit(self) -> None:
        if self._guide_choice is None:
            self._show_guide(self.guide_fits())

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
