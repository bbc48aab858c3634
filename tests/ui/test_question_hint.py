"""The quiet question hint in the workspace's Notes (issue #21 §7, ui/widgets/question_hint.py):
a question written into a note ("Q: …") is compared with the survivor's words so far and a
hint names the rule it breaks, in the calm information look, said politely, never a pop-up
and never in the way of the next note; dismissing it records the rule and the reason for the
supervisor; a lock or another case clears it; the Welsh interface explains in Welsh and says
which rules are checked in Welsh."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.engine.models import Participant
from app.guides.question_rules import RULES
from app.settings import Settings
from tests.ui.conftest import FakeNavigator, call
from tests.ui.test_workspace import held_texts, open_workspace
from ui import i18n
from ui.backend import Backend
from ui.screens.workspace import WorkspaceScreen
from ui.widgets.announce import announcements
from ui.widgets.notice import INFO

REASON = "CANARY-checking-a-word-used-before-the-break"


def prepare_case(qtbot: Any, backend: Backend, reference: str, language: str = "en") -> str:
    def prepare(s: Any) -> str:
        case = s.engine.create_case("csa", reference, statement_language=language)
        s.engine.set_witness(case.id, name="Alex Morgan")
        s.engine.set_planned_present(case.id, [Participant("interviewer", "Jo Bloggs")])
        return case.id

    return call(qtbot, backend, prepare)


@pytest.fixture
def case_ref(qtbot: Any, backend: Backend) -> str:
    return prepare_case(qtbot, backend, "CSA-QH-1")


@pytest.fixture
def workspace(qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str) -> WorkspaceScreen:
    return notes_open(open_workspace(qtbot, backend, nav, case_ref))


@pytest.fixture
def welsh(nav: FakeNavigator, qapp: Any) -> Iterator[FakeNavigator]:
    nav.settings = Settings(language="cy")
    assert i18n.install("cy"), "build the Welsh catalogue first: make translations"
    yield nav
    i18n.install("en")


def notes_open(screen: WorkspaceScreen) -> WorkspaceScreen:
    side = screen.side
    side.setCurrentIndex(
        next(i for i in range(side.count()) if side.widget(i).isAncestorOf(side.note))
    )
    return screen


def add_note(qtbot: Any, backend: Backend, screen: WorkspaceScreen, text: str) -> None:
    """Type a note, add it, and wait until every answer about it (its check too) is in."""
    count = screen.side.notes.count()
    screen.side.note.setPlainText(text)
    screen.side.add_note.click()
    qtbot.waitUntil(lambda: screen.side.notes.count() == count + 1, timeout=15_000)
    call(qtbot, backend, lambda s: None)  # the check queued after the save has answered


def hint_text(screen: WorkspaceScreen) -> str:
    hint = screen.question_hint
    return hint.text.text() if hint.panel.isVisible() and hint.text.isVisible() else ""


def dismissals(qtbot: Any, backend: Backend, ref: str) -> list[tuple[str, str | None]]:
    found = call(qtbot, backend, lambda s: s.engine.hint_dismissals(ref))
    return [(d["rule"], d["reason"]) for d in found]


def test_a_yes_no_question_gets_a_quiet_hint_naming_the_rule(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen
) -> None:
    said: list[tuple[str, bool]] = []
    announcements().made.connect(lambda text, assertive: said.append((text, assertive)))
    windows = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    add_note(qtbot, backend, workspace, "Q: Did he hurt you?")
    text = hint_text(workspace)
    assert "Yes/no question" in text and "Did he hurt you?" in text
    assert RULES["yes_no"].en in text
    hint = workspace.question_hint
    # Scrolled into sight in the Notes page (it sits under "Add note").
    qtbot.waitUntil(lambda: not hint.text.visibleRegion().isEmpty(), timeout=5_000)
    assert hint.text.property("kind") == INFO  # the calm look, never a problem's
    assert any(RULES["yes_no"].en in words and not loud for words, loud in said)
    # Never a pop-up; the note box is empty and ready for the next note.
    opened = [
        w for w in QApplication.topLevelWidgets()
        if (w.isVisible() and id(w) not in windows) or isinstance(w, (QDialog, QMessageBox))
    ]  # fmt: skip
    assert opened == []
    assert workspace.side.note.toPlainText() == "" and workspace.side.add_note.isEnabled()
    assert workspace.focusWidget() is not hint.dismiss  # the focus was not taken


def test_an_open_question_or_a_plain_note_gives_no_hint(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen
) -> None:
    add_note(qtbot, backend, workspace, "Q: Tell me what happened next.")
    assert hint_text(workspace) == "" and not workspace.question_hint.panel.isVisible()
    add_note(qtbot, backend, workspace, "Q: Did he hurt you?")
    assert "Yes/no question" in hint_text(workspace)
    add_note(qtbot, backend, workspace, "Offered a break; declined.")  # no question: it stays
    assert "Yes/no question" in hint_text(workspace)
    add_note(qtbot, backend, workspace, "Q: Tell me what happened next.")  # the latest question
    assert hint_text(workspace) == ""


def test_the_survivors_words_license_a_presupposition(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen
) -> None:
    add_note(qtbot, backend, workspace, "Q: Tell me about the messages.")
    assert "Presumes what was not said" in hint_text(workspace)
    # The survivor's words typed just now are saved before the note's question is checked.
    qtbot.keyClicks(workspace.editor, "He sent me messages every night.")
    add_note(qtbot, backend, workspace, "Q: Tell me about the messages.")
    assert hint_text(workspace) == ""


def test_dismissing_with_a_reason_goes_into_the_record(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen, case_ref: str
) -> None:
    add_note(qtbot, backend, workspace, "Q: Did he hurt you?\nShe paused.\nQ: Why did you go back?")
    hint = workspace.question_hint
    assert hint_text(workspace).startswith("Hint 1 of 2. Yes/no question")
    hint.reason.setText(REASON)
    hint.dismiss.click()
    qtbot.waitUntil(lambda: "Hint 2 of 2" in hint_text(workspace), timeout=15_000)
    assert "Why, or blame" in hint_text(workspace) and hint.reason.text() == ""
    assert dismissals(qtbot, backend, case_ref) == [("yes_no", REASON)]
    hint.dismiss.click()  # no reason: the dismissal is recorded all the same
    qtbot.waitUntil(lambda: "Hint dismissed" in hint_text(workspace), timeout=15_000)
    assert dismissals(qtbot, backend, case_ref) == [("yes_no", REASON), ("why_blame", None)]
    assert not hint.dismiss.isVisible() and not hint.reason.isVisible()
    assert workspace.side.note.hasFocus()  # back to the next note
    # (record.json lists the engine's dismissals for the supervisor: tests/core/test_hints.py)
    audit = call(qtbot, backend, lambda s: s.engine.audit_entries(case_ref))
    assert REASON not in str(audit)  # the reason is in the record, never in the audit log


def test_a_lock_or_another_case_clears_the_hint(
    qtbot: Any, backend: Backend, nav: FakeNavigator, workspace: WorkspaceScreen
) -> None:
    add_note(qtbot, backend, workspace, "Q: Did he hurt you, CANARY-blue-gate?")
    workspace.question_hint.reason.setText(REASON)
    assert "CANARY-blue-gate" in hint_text(workspace)
    workspace.clear_content()
    assert "CANARY" not in held_texts(workspace)
    assert not workspace.question_hint.panel.isVisible()
    # A check still on its way when the vault locks is dropped.
    workspace.entered()
    qtbot.waitUntil(lambda: workspace.section.count() > 0, timeout=15_000)
    notes_open(workspace)
    workspace.side.note.setPlainText("Q: Did he hurt you, CANARY-late?")
    workspace.side.add_note.click()
    workspace.clear_content()
    call(qtbot, backend, lambda s: None)
    assert "CANARY" not in held_texts(workspace)
    # Another case: the hint about the first case's question goes.
    workspace.entered()
    qtbot.waitUntil(lambda: workspace.section.count() > 0, timeout=15_000)
    notes_open(workspace)
    add_note(qtbot, backend, workspace, "Q: Did he hurt you?")
    assert "Yes/no question" in hint_text(workspace)
    nav.current_case = prepare_case(qtbot, backend, "CSA-QH-2")
    workspace.entered()
    qtbot.waitUntil(lambda: workspace.reference.text() == "CSA-QH-2", timeout=15_000)
    assert hint_text(workspace) == "" and workspace.question_hint.current() is None


def test_back_from_a_pause_the_hint_stays(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen
) -> None:
    add_note(qtbot, backend, workspace, "Q: Did he hurt you?")
    workspace.entered()  # the same case shown again (back from the pause screen)
    call(qtbot, backend, lambda s: None)
    assert "Yes/no question" in hint_text(workspace)


def test_the_welsh_interface_explains_in_welsh(
    qtbot: Any, backend: Backend, welsh: FakeNavigator, case_ref: str
) -> None:
    screen = notes_open(open_workspace(qtbot, backend, welsh, case_ref))
    note = screen.question_hint.welsh_note
    assert note.isVisible()  # which rules apply in Welsh, before any question
    assert "3" in note.text() and "10" in note.text() and note.text().count(";") == 2
    add_note(qtbot, backend, screen, "Q: Did he hurt you?")  # an English statement: all rules
    text = hint_text(screen)
    assert RULES["yes_no"].cy in text and RULES["yes_no"].en not in text


def test_a_welsh_statement_is_checked_by_the_welsh_rules(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    ref = prepare_case(qtbot, backend, "CSA-QH-CY", language="cy")
    screen = notes_open(open_workspace(qtbot, backend, nav, ref))
    assert not screen.question_hint.welsh_note.isVisible()  # English interface: not yet
    add_note(qtbot, backend, screen, "C: Pam aethoch chi yno?")
    assert RULES["why_blame"].en in hint_text(screen)
    assert "checked by 3 of the 10 rules only" in screen.question_hint.welsh_note.text()
    assert screen.question_hint.welsh_note.isVisible()
    add_note(qtbot, backend, screen, "Q: Did he hurt you?")  # not a rule checked in Welsh
    assert hint_text(screen) == ""
