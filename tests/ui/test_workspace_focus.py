"""The workspace's focus (#15 items 16 and 17): Ctrl+Tab and F6 move through its regions
from anywhere, the side panel's tabs included; opening a case, starting a sitting,
coming back from a pause or an unlock put the focus where the next action is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import FakeNavigator
from tests.ui.test_workspace import case_ref, open_workspace  # noqa: F401 (fixture)
from ui.backend import Backend
from ui.screens.workspace import WorkspaceScreen
from ui.theme import BASE_POINT_SIZE

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused(screen: WorkspaceScreen) -> Any:
    return screen.focusWidget()


def start_sitting(qtbot: Any, screen: WorkspaceScreen) -> None:
    screen.bar.start.click()
    qtbot.waitUntil(lambda: screen.bar.pause.isVisibleTo(screen), timeout=15_000)


def test_opening_a_case_focuses_start_sitting_then_the_statement(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    screen.activateWindow()
    qtbot.waitUntil(lambda: focused(screen) is screen.bar.start)
    qtbot.keyClick(screen.bar.start, Qt.Key.Key_Space)  # the focused button starts it
    qtbot.waitUntil(lambda: screen.bar.pause.isVisibleTo(screen), timeout=15_000)
    qtbot.waitUntil(lambda: focused(screen) is screen.editor)
    qtbot.keyClicks(screen.editor, "typed at once")
    assert screen.editor.toPlainText().endswith("typed at once")


def test_reopening_a_running_sitting_focuses_the_statement(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    start_sitting(qtbot, screen)
    screen.back.setFocus()
    screen.remember_place()  # leaving by "Cases": that button is not where the work is
    screen.entered()
    qtbot.waitUntil(lambda: focused(screen) is screen.editor, timeout=15_000)


def test_after_a_lock_the_focus_comes_back_where_it_was(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    start_sitting(qtbot, screen)
    screen.side.when.setFocus()
    screen.clear_content()  # the lock
    assert screen.section.count() == 0
    screen.entered()  # the unlock
    qtbot.waitUntil(lambda: screen.section.count() > 0, timeout=15_000)
    qtbot.waitUntil(lambda: focused(screen) is screen.side.when, timeout=15_000)


def test_a_signed_statement_opens_on_export(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    screen._signed = True  # the view of a signed statement, without signing one here
    screen.export.show()
    screen._place_focus()
    assert focused(screen) is screen.export


def test_ctrl_tab_and_f6_move_through_the_regions_from_anywhere(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    start_sitting(qtbot, screen)
    screen.activateWindow()
    qtbot.waitActive(screen)
    side = screen.side
    screen.editor.setFocus()
    text = screen.editor.toPlainText()
    qtbot.keyClick(screen.editor, Qt.Key.Key_Tab, CTRL)
    assert focused(screen) is side.tabBar()
    # The tab bar would flip its tabs on Ctrl+Tab: here it moves on to the next region.
    qtbot.keyClick(side.tabBar(), Qt.Key.Key_Tab, CTRL)
    assert side.currentIndex() == 0
    assert focused(screen) is screen.back  # round again, to the top row
    qtbot.keyClick(screen.back, Qt.Key.Key_F6)
    assert focused(screen) is screen.bar.pause  # the sitting bar's first control now
    qtbot.keyClick(screen.bar.pause, Qt.Key.Key_Tab, CTRL)
    assert focused(screen) is screen.guide.phases
    qtbot.keyClick(screen.guide.phases, Qt.Key.Key_F6)
    assert focused(screen) is screen.editor
    # Inside a page of the side panel too.
    side.setCurrentIndex(1)
    side.note.setFocus()
    qtbot.keyClick(side.note, Qt.Key.Key_Tab, CTRL)
    assert focused(screen) is screen.back
    # Backwards: Ctrl+Shift+Tab and Shift+F6.
    qtbot.keyClick(screen.back, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert focused(screen) is side.tabBar()
    qtbot.keyClick(side.tabBar(), Qt.Key.Key_F6, SHIFT)
    assert focused(screen) is screen.editor
    assert screen.editor.toPlainText() == text  # no tab was typed on the way


def test_the_regions_skip_what_is_hidden(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    assert not screen.banner.isVisible() and not screen.further_row.isVisible()
    screen.back.setFocus()
    screen.regions.move(1)
    assert focused(screen) in (screen.bar.location, screen.bar.start)


def test_the_guide_folds_on_a_narrow_window_and_comes_back_on_request(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    assert screen.guide.isVisible()  # 1366 pixels at 100 % text: room for it
    big = screen.font()
    big.setPointSizeF(BASE_POINT_SIZE * 2)  # 200 % text, as Settings sets it
    screen.setFont(big)
    screen.resize(1366, 768)
    qtbot.waitUntil(lambda: not screen.guide.isVisible())
    assert not screen.guide_toggle.isChecked()
    screen.guide_toggle.click()  # the interviewer wants it back: their choice holds
    qtbot.waitUntil(lambda: screen.guide.isVisible())
    screen.resize(1300, 768)
    assert screen.guide.isVisible() and screen.guide_toggle.isChecked()
    screen.resize(1366, 768)
    qtbot.waitUntil(lambda: screen.guide.width() > 0)
    beside_the_guide = screen.editor.width()
    screen.guide_toggle.click()
    qtbot.waitUntil(lambda: not screen.guide.isVisible())
    # The statement takes the room the guide had.
    qtbot.waitUntil(lambda: screen.editor.width() > beside_the_guide)


def test_the_timeline_and_notes_fold_too_and_the_statement_takes_the_width(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    screen.resize(1366, 768)
    assert screen.side.isVisible() and screen.side_toggle.isChecked()  # 100 %: room for both
    assert screen.side_toggle.accessibleName() == "Hide the timeline and notes"
    beside_both = screen.editor.width()
    big = screen.font()
    big.setPointSizeF(BASE_POINT_SIZE * 2)  # 200 % text on a 1366-pixel laptop
    screen.setFont(big)
    qtbot.waitUntil(lambda: not screen.side.isVisible() and not screen.guide.isVisible())
    assert not screen.side_toggle.isChecked()
    assert screen.side_toggle.text() == "T&imeline"  # named while folded
    assert screen.side_toggle.accessibleName() == "Show the timeline and notes"
    # The statement has the whole width, not the half it had beside both panels.
    qtbot.waitUntil(lambda: screen.editor.width() > max(0.9 * screen.width(), beside_both))
    # F6 passes over the folded panel: from the statement it goes round to the top row.
    screen.editor.setFocus()
    screen.regions.move(1)
    assert focused(screen) is screen.back
    screen.side_toggle.click()  # the interviewer wants the timeline: their choice holds
    qtbot.waitUntil(lambda: screen.side.isVisible())
    assert screen.side_toggle.isChecked() and not screen.guide.isVisible()
    screen.resize(1300, 768)
    assert screen.side.isVisible()
    # On a wider screen the guide would fit, but not beside the timeline asked for at
    # 200 %: the guide makes room; once the timeline is folded again, it comes back.
    screen.resize(1600, 1000)
    qtbot.waitUntil(lambda: screen.side.isVisible() and not screen.guide.isVisible())
    screen.side_toggle.click()
    qtbot.waitUntil(lambda: not screen.side.isVisible() and screen.guide.isVisible())
