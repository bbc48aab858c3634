"""The interview workspace: autosave, place, sitting bar, pacing banner, privacy."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QListWidget, QPlainTextEdit, QWidget

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


def open_workspace(qtbot: Any, backend: Backend, nav: FakeNavigator, ref: str) -> WorkspaceScreen:
    nav.current_case = ref
    screen = WorkspaceScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)  # room for the guide beside the statement at 100 % text
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.section.count() > 0, timeout=15_000)
    return screen


@pytest.fixture
def workspace(qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str) -> WorkspaceScreen:
    return open_workspace(qtbot, backend, nav, case_ref)


def stored(qtbot: Any, backend: Backend, ref: str, section: str) -> str:
    return call(qtbot, backend, lambda s: {x.id: x.text for x in s.engine.sections(ref)})[section]


def test_typing_autosaves_after_a_burst(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen, case_ref: str
) -> None:
    assert workspace.section.currentData() == "account"
    qtbot.keyClicks(workspace.editor, f"We lived near the {CANARY}.")
    assert workspace.saved.text() == "Saving…"
    qtbot.waitUntil(lambda: workspace.saved.text() == "Saved", timeout=15_000)
    assert stored(qtbot, backend, case_ref, "account") == f"We lived near the {CANARY}."


def test_switching_section_saves_and_loads(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen, case_ref: str
) -> None:
    qtbot.keyClicks(workspace.editor, "First part.")
    workspace.section.setCurrentIndex(workspace.section.findData("background"))
    assert workspace.editor.toPlainText() == ""
    qtbot.waitUntil(
        lambda: stored(qtbot, backend, case_ref, "account") == "First part.", timeout=15_000
    )


def test_sitting_start_pause_resume_keeps_place(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen, nav: FakeNavigator, case_ref: str
) -> None:
    workspace.bar.start.click()
    qtbot.waitUntil(lambda: workspace.bar.pause.isVisibleTo(workspace), timeout=15_000)
    assert "Jo Bloggs" in workspace.bar.present.text()
    qtbot.keyClicks(workspace.editor, "Hello there, this is the place.")
    cursor = workspace.editor.textCursor()
    cursor.setPosition(5)
    workspace.editor.setTextCursor(cursor)
    workspace.remember_place()
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    qtbot.waitUntil(
        lambda: (
            call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref)).place.position == 5
        ),
        timeout=15_000,
    )
    assert sitting.state == "running"
    # After a lock and unlock the workspace reloads at the same section and cursor.
    workspace.clear_content()
    workspace.entered()
    qtbot.waitUntil(lambda: workspace.editor.toPlainText() != "", timeout=15_000)
    assert workspace.editor.textCursor().position() == 5


def test_pacing_banner_is_gentle_and_dismissable(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen, clock: Any, case_ref: str
) -> None:
    workspace.bar.start.click()
    qtbot.waitUntil(lambda: workspace.bar.pause.isVisibleTo(workspace), timeout=15_000)
    clock.advance(21 * 60)
    workspace._pacing_tick()
    qtbot.waitUntil(lambda: workspace.banner.isVisible(), timeout=15_000)
    assert "break" in workspace.banner_text.text()
    workspace.banner_close.click()
    assert not workspace.banner.isVisible()
    assert call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref)).state == "running"


def test_clear_content_saves_then_removes_everything(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen, case_ref: str
) -> None:
    qtbot.keyClicks(workspace.editor, CANARY)
    workspace.clear_content()  # before the debounce fired: the text must still be saved
    assert not any(CANARY in t for t in visible_texts(workspace))
    qtbot.waitUntil(lambda: stored(qtbot, backend, case_ref, "account") == CANARY, timeout=15_000)


def test_copy_is_refused_by_default_and_cleared_when_allowed(
    qtbot: Any, workspace: WorkspaceScreen, nav: FakeNavigator
) -> None:
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


def test_pause_screen_shows_nothing_of_the_case(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
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
        "witness",
        "needed some air",
    )


def held_texts(root: QWidget) -> str:
    """Every piece of text held by any widget under root, shown or not."""
    parts = []
    for widget in [root, *root.findChildren(QWidget)]:
        for getter in ("text", "toPlainText", "currentText"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str):
                    parts.append(result)
        if isinstance(widget, QListWidget):
            parts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
    return "\n".join(parts)


# --- a lock drops whatever the worker answers afterwards ------------------------------------


def test_answers_that_arrive_after_a_lock_are_dropped(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    def prepare(s: Any) -> None:
        s.engine.save_section(case_ref, "account", f"It was at the {CANARY}.")
        s.engine.add_note(case_ref, f"note about the {CANARY}")
        s.engine.add_event(case_ref, "summer 1987", f"the {CANARY}")

    call(qtbot, backend, prepare)
    nav.current_case = case_ref
    screen = WorkspaceScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()  # the case is being read on the worker…
    screen.clear_content()  # …and the vault locks before the answer arrives
    call(qtbot, backend, lambda s: None)  # every answer queued before this has arrived
    assert CANARY not in held_texts(screen)
    assert "CSA-UI-1" not in held_texts(screen)
    assert screen.section.count() == 0 and screen.guide.phases.count() == 0

    # The same for a note, a timeline event and a sitting started just before a lock.
    screen.entered()
    qtbot.waitUntil(lambda: CANARY in screen.editor.toPlainText(), timeout=15_000)
    screen.side.note.setPlainText(f"second note, {CANARY}")
    screen.side.add_note.click()
    screen.side.when.setText("later")
    screen.side.what.setText(f"another {CANARY}")
    screen.side.add_event.click()
    screen.bar.start.click()
    screen.clear_content()
    call(qtbot, backend, lambda s: None)
    assert CANARY not in held_texts(screen)
    assert screen.side.notes.count() == 0 and screen.side.events.count() == 0
    assert not screen.bar.end.isVisibleTo(screen)  # no sitting shown after the lock
    assert screen.bar.state.text() == "No sitting in progress"
    # Nothing was lost: the note, the event and the sitting were all recorded.
    notes = call(qtbot, backend, lambda s: s.engine.notes(case_ref))
    assert any("second note" in str(n["text"]) for n in notes)
    assert call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref)) is not None


# --- opening a case is one audited view ---------------------------------------------------


def statement_views(qtbot: Any, backend: Backend, ref: str) -> int:
    entries = call(qtbot, backend, lambda s: s.engine.audit_entries(ref))
    return sum(1 for e in entries if e.action == "view" and e.detail.get("what") == "statement")


def test_opening_a_case_is_recorded_once_as_a_view(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    assert statement_views(qtbot, backend, case_ref) == 0
    screen = WorkspaceScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    nav.current_case = case_ref
    screen.entered()
    qtbot.waitUntil(lambda: screen.section.count() > 0, timeout=15_000)
    assert statement_views(qtbot, backend, case_ref) == 1
    # Typing, autosaves, switching sections and coming back from a pause are no new view.
    qtbot.keyClicks(screen.editor, "Some words.")
    qtbot.waitUntil(lambda: screen.saved.text() == "Saved", timeout=15_000)
    screen.section.setCurrentIndex(screen.section.findData("background"))
    screen.section.setCurrentIndex(screen.section.findData("account"))
    screen.entered()
    call(qtbot, backend, lambda s: None)
    assert statement_views(qtbot, backend, case_ref) == 1
    # Opening it again (after a lock, say) is a new view.
    screen.clear_content()
    screen.entered()
    qtbot.waitUntil(lambda: screen.section.count() > 0, timeout=15_000)
    assert statement_views(qtbot, backend, case_ref) == 2


# --- the keyboard follows the reading order -------------------------------------------------


def tab_walk(qtbot: Any, root: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    """Press Tab from start, steps times; Ctrl+Tab leaves the statement editor (where Tab
    types a tab). Returns the widgets that had the focus, in order."""
    root.activateWindow()
    qtbot.waitActive(root.window())
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [root.focusWidget()]
    for _ in range(steps):
        widget = root.focusWidget()
        modifier = (
            Qt.KeyboardModifier.ControlModifier
            if isinstance(widget, QPlainTextEdit) and not widget.isReadOnly()
            else Qt.KeyboardModifier.NoModifier
        )
        qtbot.keyClick(widget, Qt.Key.Key_Tab, modifier)
        seen.append(root.focusWidget())
    return seen


def test_tab_follows_the_reading_order_in_the_workspace(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen
) -> None:
    workspace.bar.start.click()
    qtbot.waitUntil(lambda: workspace.bar.pause.isVisibleTo(workspace), timeout=15_000)
    side = workspace.side
    expected = [
        workspace.back,
        workspace.readback,
        workspace.bar.pause,
        workspace.bar.end,
        workspace.guide.phases,
        workspace.guide.prompts,
        workspace.guide_toggle,
        workspace.section,
        workspace.side_toggle,
        workspace.editor,
        side.tabBar(),
    ]
    seen = tab_walk(qtbot, workspace, workspace.back, 20)
    # The side panel's own parts (tab bar, its scroll arrows, the timeline) come last.
    assert seen[: len(expected)] == expected
    rest = seen[len(expected) :]
    timeline = [side.events, side.when, side.what, side.add_event]
    assert [w for w in rest if w in timeline][:4] == timeline
    assert rest.index(side.add_event) < rest.index(workspace.back)  # then round again
    # Ctrl+Shift+Tab from the editor goes back to the region before (the guide).
    workspace.editor.setFocus()
    qtbot.keyClick(
        workspace.editor,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert workspace.focusWidget() is workspace.guide.phases  # the region before
    workspace.editor.setFocus()  # a plain Tab still types a tab in the statement
    before = workspace.editor.toPlainText()
    qtbot.keyClick(workspace.editor, Qt.Key.Key_Tab)
    assert workspace.editor.toPlainText() == before + "\t"


def test_tab_follows_the_reading_order_on_the_pause_screen(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    pause = PauseScreen(backend, nav)
    qtbot.addWidget(pause)
    pause.resize(900, 600)
    pause.show()
    nav.current_case = case_ref
    pause.begin(None)
    assert pause.focusWidget() is pause.resume_button  # Space or F9 resumes at once
    controls = [
        pause.resume_button,
        pause.lock_button,
        *pause.choices.values(),
        pause.reason,
        pause.save_reason,
    ]
    seen = tab_walk(qtbot, pause, pause.resume_button, len(controls))
    assert seen == [*controls, pause.resume_button]
    # Reading order: each control is below, or on the same line to the right of, the last.
    places = [
        (w.mapTo(pause, w.rect().topLeft()).y(), w.mapTo(pause, w.rect().topLeft()).x())
        for w in controls
    ]
    for (y1, x1), (y2, x2) in itertools.pairwise(places):
        assert y2 > y1 + 2 or (abs(y2 - y1) <= 2 and x2 > x1), places


# --- who asked for a pause, and why -------------------------------------------------------


def test_a_change_made_before_the_pause_is_recorded_is_kept(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    nav.current_case = case_ref
    call(qtbot, backend, lambda s: s.engine.start_sitting(case_ref))
    pause = PauseScreen(backend, nav)
    qtbot.addWidget(pause)
    pause.show()
    pause.begin(None)
    # At once, before the worker has recorded the pause:
    assert not pause._recorded
    pause.choices["witness"].setChecked(True)
    pause.reason.setText("needed a glass of water")
    pause.save_reason.click()
    qtbot.waitUntil(lambda: pause.note.text() == "Reason saved.", timeout=15_000)
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    assert sitting.state == "paused"
    assert (sitting.pauses[-1].requested_by, sitting.pauses[-1].reason) == (
        "witness",
        "needed a glass of water",
    )
    # F9 twice in quick succession: the resume waits behind the pause, it is not lost.
    call(qtbot, backend, lambda s: s.engine.resume_sitting(case_ref))
    pause.begin("supporter")
    pause.resume()
    qtbot.waitUntil(lambda: nav.calls.count(("resume", None)) == 1, timeout=15_000)
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    assert sitting.state == "running" and len(sitting.pauses) == 2
    assert sitting.pauses[-1].requested_by == "supporter"
    # An older pause is never changed by a reason given when no pause is open.
    call(qtbot, backend, lambda s: s.engine.end_sitting(case_ref))
    pause.begin(None)
    pause.reason.setText("should go nowhere")
    pause.save_reason.click()
    qtbot.waitUntil(lambda: "No sitting was running" in pause.note.text(), timeout=15_000)
    reasons = [
        p.reason for p in call(qtbot, backend, lambda s: s.engine.sittings(case_ref))[0].pauses
    ]
    assert "should go nowhere" not in reasons


def test_the_last_pause_can_be_corrected_after_resuming(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen, case_ref: str
) -> None:
    bar = workspace.bar
    assert not bar.change_pause.isVisibleTo(workspace)  # no pause yet: nothing to change
    call(
        qtbot,
        backend,
        lambda s: (
            s.engine.start_sitting(case_ref),
            s.engine.pause_sitting(case_ref, "interviewer"),
            s.engine.resume_sitting(case_ref),
        ),
    )
    workspace.sitting_changed()
    qtbot.waitUntil(lambda: bar.change_pause.isVisibleTo(workspace), timeout=15_000)
    assert bar.last_pause.text() == "Last pause asked for by: Interviewer"
    assert not bar.amend.isVisibleTo(workspace)  # unobtrusive until asked for
    bar.change_pause.click()
    assert bar.amend.isVisibleTo(workspace)
    assert bar.requester.currentData() == "interviewer" and bar.reason.text() == ""
    bar.requester.setCurrentIndex(bar.requester.findData("witness"))
    qtbot.keyClicks(bar.reason, "felt unwell")
    workspace.sitting_changed()  # a refresh while typing keeps what is being typed
    call(qtbot, backend, lambda s: None)
    assert bar.reason.text() == "felt unwell"
    qtbot.keyClick(bar.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.amend_note.text() == "Saved", timeout=15_000)
    qtbot.waitUntil(
        lambda: bar.last_pause.text() == "Last pause asked for by: Survivor", timeout=15_000
    )
    assert not bar.amend.isVisibleTo(workspace)
    pause = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref)).pauses[-1]
    assert (pause.requested_by, pause.reason) == ("witness", "felt unwell")
    assert call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref)).state == "running"
    # On lock the reason leaves the bar with everything else.
    bar.change_pause.click()
    assert bar.reason.text() == "felt unwell"
    workspace.clear_content()
    assert "felt unwell" not in held_texts(workspace)
    assert not bar.change_pause.isVisibleTo(workspace)


def test_everyone_who_may_ask_for_a_pause_can_be_chosen(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    from app.engine.models import PAUSE_REQUESTER_ROLES, PAUSE_REQUESTERS
    from ui.widgets.sitting_bar import SittingBar

    pause = PauseScreen(backend, nav)
    qtbot.addWidget(pause)
    pause.show()
    assert list(pause.choices) == list(PAUSE_REQUESTER_ROLES)
    assert len(PAUSE_REQUESTER_ROLES) > len(PAUSE_REQUESTERS)  # every participant role
    texts = [b.text() for b in pause.choices.values()]
    assert texts == [
        "&Person giving the statement",  # the pause screen: the survivor may see it
        "&Interviewer",
        "Inter&mediary",
        "&Supporter",
        "Sec&ond interviewer",
        "IS&VA",
        "Interpre&ter",
        "&Appropriate adult",
    ]
    mnemonics = [t[t.index("&") + 1].lower() for t in texts] + ["r", "l"]  # reason, lock
    assert len(set(mnemonics)) == len(mnemonics)  # each reachable with its own Alt key
    assert pause.choices["isva"].accessibleName() == "Pause asked for by: ISVA"
    # The quick four share the first row; nobody is cut off at the window's edge.
    rows = {role: b.mapTo(pause, b.rect().topLeft()).y() for role, b in pause.choices.items()}
    assert len({rows[r] for r in PAUSE_REQUESTERS}) == 1
    bar = SittingBar()
    qtbot.addWidget(bar)
    labels = [bar.requester.itemText(i) for i in range(bar.requester.count())]
    assert labels == [
        "Not recorded",  # nothing is preset: who asked may still be unanswered
        "Survivor",  # the interviewer's own screen (docs/wording.md)
        "Interviewer",
        "Registered Intermediary",
        "Supporter",
        "Second interviewer",
        "ISVA",
        "Interpreter",
        "Appropriate adult",
    ]
    # And the engine takes each of them: an ISVA asks for the pause.
    nav.current_case = case_ref
    call(qtbot, backend, lambda s: s.engine.start_sitting(case_ref))
    pause.begin(None)
    pause.choices["isva"].setChecked(True)
    call(qtbot, backend, lambda s: None)
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    assert sitting.pauses[-1].requested_by == "isva"


def test_the_pause_time_is_spoken_once_a_minute(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    """The elapsed time reaches a screen reader through the clock's name, which changes
    once a minute, not every second (#18)."""
    import time

    pause = PauseScreen(backend, nav)
    qtbot.addWidget(pause)
    pause.show()
    pause.begin(None)
    assert pause.time.accessibleName() == "Time paused: 0 min"
    pause._since = time.monotonic() - 125  # as if the pause began two minutes ago
    qtbot.waitUntil(lambda: pause.time.text().startswith("02:"))
    shown = pause.time.text()
    assert pause.time.accessibleName() == "Time paused: 2 min"
    qtbot.waitUntil(lambda: pause.time.text() != shown)  # the next second's tick
    assert pause.time.accessibleName() == "Time paused: 2 min"  # said once a minute
