"""The interview workspace: autosave, place, sitting bar, pacing banner, privacy."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.engine.models import Participant
from tests.ui.conftest import FakeNavigator, call, visible_texts
from ui.backend import Backend
from ui.screens.pause import PauseScreen
from ui.screens.workspace import WorkspaceScreen

CANARY = "CANARY-workspace-blue-gate"


@pytest.fixture
def case_ref(qtbot: Any, backend: Backend) -> str:
    def prepare(s: Any) -> str:
        case = s.engine.create_case("csa", "CSA-UI-1")
        s.engine.set_witness(case.id, name="Alex Morgan", break_every_minutes=20)
        s.engine.set_planned_present(case.id, [Participant("interviewer", "Jo Bloggs")])
        return case.id

    return call(qtbot, backend, prepare)


@pytest.fixture
def workspace(qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
              ) -> WorkspaceScreen:
    nav.current_case = case_ref
    screen = WorkspaceScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.section.count() > 0, timeout=15_000)
    return screen


def stored(qtbot: Any, backend: Backend, ref: str, section: str) -> str:
    return call(qtbot, backend, lambda s: {x.id: x.text for x in s.engine.sections(ref)}
                )[section]


def test_typing_autosaves_after_a_burst(qtbot: Any, backend: Backend,
                                        workspace: WorkspaceScreen, case_ref: str) -> None:
    assert workspace.section.currentData() == "account"
    qtbot.keyClicks(workspace.editor, f"We lived near the {CANARY}.")
    assert workspace.saved.text() == "Saving…"
    qtbot.waitUntil(lambda: workspace.saved.text() == "Saved", timeout=15_000)
    assert stored(qtbot, backend, case_ref, "account") == f"We lived near the {CANARY}."


def test_switching_section_saves_and_loads(qtbot: Any, backend: Backend,
                                           workspace: WorkspaceScreen, case_ref: str) -> None:
    qtbot.keyClicks(workspace.editor, "First part.")
    workspace.section.setCurrentIndex(workspace.section.findData("background"))
    assert workspace.editor.toPlainText() == ""
    qtbot.waitUntil(lambda: stored(qtbot, backend, case_ref, "account") == "First part.",
                    timeout=15_000)


def test_sitting_start_pause_resume_keeps_place(qtbot: Any, backend: Backend,
                                                workspace: WorkspaceScreen,
                                                nav: FakeNavigator, case_ref: str) -> None:
    workspace.bar.start.click()
    qtbot.waitUntil(lambda: workspace.bar.pause.isVisibleTo(workspace), timeout=15_000)
    assert "Jo Bloggs" in workspace.bar.present.text()
    qtbot.keyClicks(workspace.editor, "Hello there, this is the place.")
    cursor = workspace.editor.textCursor()
    cursor.setPosition(5)
    workspace.editor.setTextCursor(cursor)
    workspace.remember_place()
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    qtbot.waitUntil(lambda: call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref)
                                 ).place.position == 5, timeout=15_000)
    assert sitting.state == "running"
    # After a lock and unlock the workspace reloads at the same section and cursor.
    workspace.clear_content()
    workspace.entered()
    qtbot.waitUntil(lambda: workspace.editor.toPlainText() != "", timeout=15_000)
    assert workspace.editor.textCursor().position() == 5


def test_pacing_banner_is_gentle_and_dismissable(qtbot: Any, backend: Backend,
                                                 workspace: WorkspaceScreen, clock: Any,
                                                 case_ref: str) -> None:
    workspace.bar.start.click()
    qtbot.waitUntil(lambda: workspace.bar.pause.isVisibleTo(workspace), timeout=15_000)
    clock.advance(21 * 60)
    workspace._pacing_tick()
    qtbot.waitUntil(lambda: workspace.banner.isVisible(), timeout=15_000)
    assert "break" in workspace.banner_text.text()
    workspace.banner_close.click()
    assert not workspace.banner.isVisible()
    assert call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref)).state == "running"


def test_clear_content_saves_then_removes_everything(qtbot: Any, backend: Backend,
                                                    workspace: WorkspaceScreen,
                                                    case_ref: str) -> None:
    qtbot.keyClicks(workspace.editor, CANARY)
    workspace.clear_content()  # before the debounce fired: the text must still be saved
    assert not any(CANARY in t for t in visible_texts(workspace))
    qtbot.waitUntil(lambda: stored(qtbot, backend, case_ref, "account") == CANARY,
                    timeout=15_000)


def test_copy_is_refused_by_default_and_cleared_when_allowed(
        qtbot: Any, workspace: WorkspaceScreen, nav: FakeNavigator) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    qtbot.keyClicks(workspace.editor, CANARY)
    workspace.editor.selectAll()
    qtbot.keyClick(workspace.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(workspace.editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "before"
    assert workspace.editor.toPlainText() == CANARY  # a refused cut deletes nothing
    workspace.editor.clipboard_allowed = True
    workspace.editor.guard._timer.setInterval(50)  # 30 s in the app
    workspace.editor.copy()
    assert clipboard.text() == CANARY
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)


def test_pause_screen_shows_nothing_of_the_case(qtbot: Any, backend: Backend,
                                               nav: FakeNavigator, case_ref: str) -> None:
    nav.current_case = case_ref
    call(qtbot, backend, lambda s: s.engine.start_sitting(case_ref))
    pause = PauseScreen(backend, nav)
    qtbot.addWidget(pause)
    pause.show()
    pause.begin(None)
    qtbot.waitUntil(lambda: pause._recorded, timeout=15_000)
    texts = " ".join(visible_texts(pause))
    assert "CSA-UI-1" not in texts and "Alex" not in texts and "Jo Bloggs" not in texts
    pause.choices["witness"].setChecked(True)
    qtbot.keyClicks(pause.reason, "needed some air")
    pause.save_reason.click()
    qtbot.waitUntil(lambda: pause.note.text() == "Reason saved.", timeout=15_000)
    pause.resume()
    qtbot.waitUntil(lambda: ("resume", None) in nav.calls, timeout=15_000)
    sitting = call(qtbot, backend, lambda s: s.engine.sittings(case_ref))[0]
    assert sitting.state == "running"
    assert (sitting.pauses[0].requested_by, sitting.pauses[0].reason) == (
        "witness", "needed some air")
