"""The X11 primary selection, for real: Xvfb and Qt's xcb platform.

On Linux/X11 every mouse selection puts the selected text in the primary selection,
which a middle click pastes into any other program. The offscreen platform the rest of
the suite uses has no primary selection (supportsSelection() is false there; see
test_guarded_edit.py), so the tests below run in a child pytest under `xvfb-run` with
QT_QPA_PLATFORM=xcb. The parent test only starts that child: it needs xvfb-run, and
fails rather than skips under CI=true when it is missing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

import pytest

from tests.conftest import REPO, require_tool

CHILD = "QUIETROOM_X11_CLIPBOARD_CHILD"
STATEMENT = "CANARY-x11 I remember the smell of cut grass"
NOTICE = "Copying is switched off in Settings"

if not os.environ.get(CHILD):

    def test_primary_selection_under_xvfb() -> None:
        xvfb_run = require_tool("xvfb-run")
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", **{CHILD: "1"})
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        # Its own session, so a hang ends with Xvfb and the child, not just xvfb-run.
        child = subprocess.Popen(
            [
                xvfb_run,
                "-a",
                "-s",
                "-screen 0 1280x800x24",
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-o",
                "addopts=",
                "-o",
                "faulthandler_timeout=60",
                "-rA",
                __file__,
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            output, _ = child.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            output, _ = child.communicate()
            pytest.fail(f"the X11 clipboard tests did not finish:\n{output}")
        assert child.returncode == 0, output
        assert " passed" in output and "skipped" not in output and "failed" not in output, output

else:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QClipboard, QGuiApplication

    from app.engine.models import Participant
    from tests.ui.conftest import FakeNavigator, call
    from ui.backend import Backend
    from ui.screens.workspace import WorkspaceScreen
    from ui.widgets.guarded_edit import GuardedPlainTextEdit

    SELECTION = QClipboard.Mode.Selection

    def point_at(editor: GuardedPlainTextEdit, position: int) -> QPoint:
        cursor = editor.textCursor()
        cursor.setPosition(position)
        return editor.cursorRect(cursor).center()

    def mouse_select(qtbot: Any, editor: GuardedPlainTextEdit, start: int, end: int) -> None:
        """Press, drag and release over the text, as a hand on a mouse does."""
        editor.moveCursor(editor.textCursor().MoveOperation.End)  # pressing on a selection
        viewport = editor.viewport()  # would start a drag
        begin, finish = point_at(editor, start), point_at(editor, end)
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
        for step in range(1, 9):
            qtbot.mouseMove(
                viewport, QPoint(begin.x() + (finish.x() - begin.x()) * step // 8, begin.y())
            )
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)
        assert editor.textCursor().selectedText() == editor.toPlainText()[start:end]

    @pytest.fixture
    def selection(qapp: Any) -> QClipboard:
        board = QGuiApplication.clipboard()
        assert qapp.platformName() == "xcb" and board.supportsSelection()
        board.setText("another program's selection", SELECTION)
        return board

    @pytest.fixture
    def editor(qtbot: Any, selection: QClipboard) -> GuardedPlainTextEdit:
        widget = GuardedPlainTextEdit()
        qtbot.addWidget(widget)
        widget.setPlainText(STATEMENT)
        widget.resize(700, 200)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    @pytest.fixture
    def workspace(
        qtbot: Any, backend: Backend, nav: FakeNavigator, selection: QClipboard
    ) -> WorkspaceScreen:
        def prepare(s: Any) -> str:
            case = s.engine.create_case("csa", "CSA-X11-1")
            s.engine.set_planned_present(case.id, [Participant("interviewer", "Jo Bloggs")])
            s.engine.save_section(case.id, "account", STATEMENT)
            return case.id

        nav.current_case = call(qtbot, backend, prepare)
        screen = WorkspaceScreen(backend, nav)
        qtbot.addWidget(screen)
        screen.resize(1200, 800)
        screen.show()
        screen.entered()
        qtbot.waitUntil(lambda: screen.editor.toPlainText() == STATEMENT, timeout=15_000)
        qtbot.waitExposed(screen)
        return screen

    def test_selecting_statement_text_leaves_no_copy_and_no_notice(
        qtbot: Any, workspace: WorkspaceScreen, selection: QClipboard
    ) -> None:
        editor = workspace.editor
        assert not editor.clipboard_allowed  # the default
        with qtbot.assertNotEmitted(editor.copy_refused):
            mouse_select(qtbot, editor, 0, 20)
            assert "CANARY" not in selection.text(SELECTION)
            qtbot.mouseDClick(
                editor.viewport(), Qt.MouseButton.LeftButton, pos=point_at(editor, 30)
            )  # a word
            assert editor.textCursor().hasSelection()
            qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert editor.textCursor().selectedText() == STATEMENT
        assert "CANARY" not in selection.text(SELECTION)
        assert "grass" not in selection.text(SELECTION)
        assert workspace.saved.text() != NOTICE
        # An explicit copy is another matter: that is what the notice is for.
        qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert workspace.saved.text() == NOTICE
        assert "CANARY" not in QGuiApplication.clipboard().text()

    def test_allowed_selection_is_cleared_after_the_delay(
        qtbot: Any, editor: GuardedPlainTextEdit, selection: QClipboard
    ) -> None:
        editor.clipboard_allowed = True
        editor.guard.set_delay(200)  # 30 s in the app
        mouse_select(qtbot, editor, 0, 20)
        assert selection.text(SELECTION) == STATEMENT[:20]
        assert editor.guard.owns_selection()
        qtbot.waitUntil(lambda: selection.text(SELECTION) == "", timeout=5000)

    def test_a_selection_made_elsewhere_since_is_left_alone(
        qtbot: Any, editor: GuardedPlainTextEdit, selection: QClipboard
    ) -> None:
        editor.clipboard_allowed = True
        editor.guard.set_delay(200)
        mouse_select(qtbot, editor, 0, 20)
        selection.setText("selected later, in another program", SELECTION)
        assert not editor.guard.owns_selection()
        qtbot.waitUntil(lambda: not editor.guard._selection_timer.isActive(), timeout=5000)
        assert selection.text(SELECTION) == "selected later, in another program"

    def test_a_later_selection_does_not_keep_an_earlier_copy_alive(
        qtbot: Any, editor: GuardedPlainTextEdit, selection: QClipboard
    ) -> None:
        editor.clipboard_allowed = True
        editor.guard._timer.setInterval(200)  # the clipboard: soon
        editor.guard._selection_timer.setInterval(60_000)  # the selection: not yet
        clipboard = QGuiApplication.clipboard()
        editor.selectAll()
        editor.copy()
        assert clipboard.text() == STATEMENT
        mouse_select(qtbot, editor, 0, 20)
        qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)
        assert selection.text(SELECTION) == STATEMENT[:20]  # its own 30 s still run

    def test_clearing_the_editor_on_lock_clears_its_selection(
        qtbot: Any, editor: GuardedPlainTextEdit, selection: QClipboard
    ) -> None:
        editor.clipboard_allowed = True
        mouse_select(qtbot, editor, 0, 20)
        assert selection.text(SELECTION) == STATEMENT[:20]
        editor.clear()
        assert selection.text(SELECTION) == ""
