"""The statement editor's clipboard guard, on the offscreen platform.

Offscreen Qt has a clipboard but no X11 primary selection (supportsSelection() is false),
so Qt never fills the selection here. These tests drive the editor's side of that
hand-over directly, as Qt does after a mouse selection; test_clipboard_x11.py repeats the
real thing under Xvfb.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication

from ui.widgets.guarded_edit import GuardedPlainTextEdit

STATEMENT = "CANARY-guarded-edit the stairs creaked on the fourth step"


@pytest.fixture
def editor(qtbot: Any) -> GuardedPlainTextEdit:
    widget = GuardedPlainTextEdit()
    qtbot.addWidget(widget)
    widget.setPlainText(STATEMENT)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    widget.selectAll()
    return widget


@pytest.fixture
def clipboard(qapp: Any) -> QClipboard:
    board = QGuiApplication.clipboard()
    board.setText("something of the interviewer's own")
    return board


def test_offscreen_has_no_primary_selection(clipboard: QClipboard) -> None:
    # Why the selection is simulated below and tested for real in test_clipboard_x11.py.
    assert not clipboard.supportsSelection()


def test_a_selection_is_given_nothing_and_no_notice_when_copying_is_off(
    qtbot: Any, editor: GuardedPlainTextEdit
) -> None:
    # What Qt does after every mouse selection on X11 (QWidgetTextControl's
    # setClipboardSelection): ask the editor for the selected text, outside any copy.
    with qtbot.assertNotEmitted(editor.copy_refused):
        data = editor.createMimeDataFromSelection()
    assert data.text() == "" and not data.formats()


@pytest.mark.parametrize(
    "action", ["Ctrl+C", "Ctrl+X", "Ctrl+Insert", "Shift+Delete", "copy()", "cut()"]
)
def test_an_explicit_copy_or_cut_is_refused_with_the_notice(
    qtbot: Any, editor: GuardedPlainTextEdit, clipboard: QClipboard, action: str
) -> None:
    attempts: dict[str, Callable[[], None]] = {
        "Ctrl+C": lambda: qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier),
        "Ctrl+X": lambda: qtbot.keyClick(editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier),
        "Ctrl+Insert": lambda: qtbot.keyClick(
            editor, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier
        ),
        "Shift+Delete": lambda: qtbot.keyClick(
            editor, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier
        ),
        "copy()": editor.copy,
        "cut()": editor.cut,
    }
    with qtbot.waitSignal(editor.copy_refused, timeout=1000):
        attempts[action]()
    assert clipboard.text() == "something of the interviewer's own"
    assert editor.toPlainText() == STATEMENT  # a refused cut deletes nothing


def test_a_refused_drag_says_so(qtbot: Any, editor: GuardedPlainTextEdit) -> None:
    # A drag asks for the data from inside mouseMoveEvent; it is an explicit attempt.
    with qtbot.waitSignal(editor.copy_refused, timeout=1000), editor._explicitly():
        assert editor.createMimeDataFromSelection().text() == ""


def test_allowed_copy_is_cleared_later_unless_replaced(
    qtbot: Any, editor: GuardedPlainTextEdit, clipboard: QClipboard
) -> None:
    editor.clipboard_allowed = True
    editor.guard.set_delay(100)  # 30 s in the app
    editor.copy()
    assert clipboard.text() == STATEMENT and editor.guard.owns_clipboard()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)
    editor.copy()
    clipboard.setText("copied later, elsewhere")  # no longer ours: must be left alone
    assert not editor.guard.owns_clipboard()
    qtbot.waitUntil(lambda: not editor.guard._timer.isActive(), timeout=3000)
    assert clipboard.text() == "copied later, elsewhere"


def test_text_handed_to_something_else_is_not_claimed(
    qtbot: Any, editor: GuardedPlainTextEdit, clipboard: QClipboard
) -> None:
    editor.clipboard_allowed = True
    editor.guard.set_delay(50)
    editor.createMimeDataFromSelection()  # as for a drag: the clipboard never gets it
    clipboard.setText("the interviewer's own copy")
    assert not editor.guard._timer.isActive()
    assert clipboard.text() == "the interviewer's own copy"


def test_clearing_the_editor_clears_what_it_copied(
    editor: GuardedPlainTextEdit, clipboard: QClipboard
) -> None:
    editor.clipboard_allowed = True
    editor.copy()
    assert clipboard.text() == STATEMENT
    editor.clear()  # what every screen does on lock
    assert clipboard.text() == ""
