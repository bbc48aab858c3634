"""The desktop's side of the MG11's fields: the new-case flow asks the statement's language
and how the account will be taken (a written statement or a visually recorded interview
with its reference), the MG11's consents with their limits and the back page's items; the
sitting bar asks where a sitting takes place; a pause starts with nobody preset as having
asked for it, and the sitting bar completes it later."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.engine.models import Participant
from tests.ui.conftest import FakeNavigator, call
from tests.ui.test_a11y_messages import problem_leads_to  # the summary leads on
from tests.ui.test_new_case import choose, click, fill_case, finish, make_screen, next_step
from ui.backend import Backend
from ui.screens.new_case import CASE, CONSENTS, PRESENT
from ui.screens.pause import PauseScreen
from ui.screens.workspace import WorkspaceScreen


@pytest.fixture
def case_ref(qtbot: Any, backend: Backend) -> str:
    def prepare(s: Any) -> str:
        case = s.engine.create_case("csa", "CSA-UI-9")
        s.engine.set_witness(case.id, name="Alex Morgan")
        s.engine.set_planned_present(case.id, [Participant("interviewer", "Jo Bloggs")])
        return case.id

    return call(qtbot, backend, prepare)


def open_workspace(qtbot: Any, backend: Backend, nav: FakeNavigator, ref: str) -> WorkspaceScreen:
    nav.current_case = ref
    screen = WorkspaceScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.section.count() > 0, timeout=15_000)
    return screen


# --- the new-case flow -------------------------------------------------------------------


def test_the_flow_asks_the_language_the_recording_and_the_back_page(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen, reference="CY-UI-1")
    step = screen.case_step
    choose(qtbot, step.fields["statement_language"], "cy")  # type: ignore[arg-type]
    reference = step.fields["abe_reference"]
    assert not reference.isEnabled()  # until a recording is chosen
    choose(qtbot, step.fields["visually_recorded"], True)  # type: ignore[arg-type]
    assert reference.isEnabled()
    # Visually recorded with no reference: asked for calmly, on this step, nothing sent.
    click(qtbot, screen.next_button)
    assert screen.index == CASE
    assert step.message.text() == (
        "Give the reference of the visual recording, or choose a written statement."
    )
    assert problem_leads_to(screen) is reference
    qtbot.keyClicks(reference, "ABE/2026/17")
    next_step(qtbot, backend, screen)
    qtbot.keyClicks(screen.survivor_step.fields["name"], "Alexandra Quill")
    screen.show_step(CONSENTS)
    consents = screen.consents_step.fields
    limit = consents["medical_records_access.limit"]
    assert not limit.isEnabled()  # a limit belongs to an answer
    choose(qtbot, consents["medical_records_access"], "given")  # type: ignore[arg-type]
    assert limit.isEnabled()
    qtbot.keyClicks(limit, "GP records 1990-1995 only")
    choose(qtbot, consents["civil_proceedings"], "withdrawn")  # type: ignore[arg-type]
    choose(qtbot, consents["referral to an ISVA"], "given")  # type: ignore[arg-type]
    choose(qtbot, consents["process_explained"], True)  # type: ignore[arg-type]
    choose(qtbot, consents["leaflet_given"], False)  # type: ignore[arg-type]
    choose(qtbot, consents["willing_to_attend_court"], "not_sure")  # type: ignore[arg-type]
    qtbot.keyClicks(consents["court_note"], "Only with screens.")
    screen.show_step(PRESENT)
    finish(qtbot, backend, screen)
    [case] = call(qtbot, backend, lambda s: s.engine.list_cases())
    assert nav.calls[-1] == ("open_case", case.id)
    assert case.statement_language == "cy"
    witness = call(qtbot, backend, lambda s: s.engine.witness(case.id))
    assert (witness["visually_recorded"], witness["abe_reference"]) == (True, "ABE/2026/17")
    restricted = call(qtbot, backend, lambda s: s.engine.restricted(case.id))
    assert [(c["kind"], c["state"], c.get("limit", "")) for c in restricted["consents"]] == [
        ("medical_records_access", "given", "GP records 1990-1995 only"),
        ("civil_proceedings", "withdrawn", ""),
        ("referral to an ISVA", "given", ""),
    ]
    assert {k: restricted.get(k) for k in ("process_explained", "leaflet_given")} == {
        "process_explained": True,
        "leaflet_given": False,
    }
    assert restricted["willing_to_attend_court"] == "not_sure"
    assert restricted["court_note"] == "Only with screens."
    assert "witness_service_referral" not in restricted  # not asked: nothing stored
    # Everything typed is gone, ready for the next case.
    assert screen.case_step.value("statement_language") == "en"
    assert screen.case_step.value("visually_recorded") is None
    assert not screen.consents_step.fields["medical_records_access.limit"].isEnabled()


def test_a_refused_back_page_detail_is_shown_on_the_consents_step(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen, reference="BP-UI-1")
    next_step(qtbot, backend, screen)
    qtbot.keyClicks(screen.survivor_step.fields["name"], "Someone")
    screen.show_step(CONSENTS)
    consents = screen.consents_step.fields
    choose(qtbot, consents["share_with_agencies"], "given")  # type: ignore[arg-type]
    consents["share_with_agencies.limit"].setText("only\u2028the refuge")  # type: ignore[attr-defined]
    screen.show_step(PRESENT)
    finish(qtbot, backend, screen)
    assert screen.index == CONSENTS
    assert "one line" in screen.consents_step.message.text()
    assert problem_leads_to(screen) is consents["share_with_agencies.limit"]
    assert call(qtbot, backend, lambda s: s.engine.list_cases()) == []


def test_a_written_statement_is_recorded_as_not_visually_recorded(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen, reference="WR-UI-1")
    choose(qtbot, screen.case_step.fields["visually_recorded"], False)  # type: ignore[arg-type]
    next_step(qtbot, backend, screen)
    qtbot.keyClicks(screen.survivor_step.fields["name"], "Someone")
    screen.show_step(PRESENT)
    finish(qtbot, backend, screen)
    [case] = call(qtbot, backend, lambda s: s.engine.list_cases())
    witness = call(qtbot, backend, lambda s: s.engine.witness(case.id))
    assert witness["visually_recorded"] is False and "abe_reference" not in witness
    assert case.statement_language == "en"


# --- the sitting bar: where the sitting takes place --------------------------------------


def test_a_sitting_is_started_with_where_it_takes_place(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    workspace = open_workspace(qtbot, backend, nav, case_ref)
    bar = workspace.bar
    assert bar.location.isVisibleTo(workspace) and bar.location.accessibleName()
    bar.location.setFocus()
    qtbot.keyClicks(bar.location, "Cardiff interview suite")
    qtbot.keyClick(bar.location, Qt.Key.Key_Return)  # Enter starts the sitting
    qtbot.waitUntil(lambda: bar.pause.isVisibleTo(workspace), timeout=15_000)
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    assert sitting.location == "Cardiff interview suite"
    assert not bar.location.isVisibleTo(workspace) and bar.location.text() == ""
    call(qtbot, backend, lambda s: s.engine.end_sitting(case_ref))
    workspace.sitting_changed()
    qtbot.waitUntil(lambda: bar.start.isVisibleTo(workspace), timeout=15_000)
    assert bar.location.isVisibleTo(workspace)
    bar.start.click()  # the place is optional
    qtbot.waitUntil(lambda: bar.pause.isVisibleTo(workspace), timeout=15_000)
    second = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    assert (second.number, second.location) == (2, "")
    # What is typed for the next sitting leaves with the case on lock.
    call(qtbot, backend, lambda s: s.engine.end_sitting(case_ref))
    workspace.sitting_changed()
    qtbot.waitUntil(lambda: bar.start.isVisibleTo(workspace), timeout=15_000)
    bar.location.setText("CANARY-place")
    workspace.clear_content()
    assert bar.location.text() == ""


# --- a pause with nobody preset ----------------------------------------------------------


def test_the_pause_screen_presets_nobody_and_asks_for_a_reason_to_save(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    nav.current_case = case_ref
    call(qtbot, backend, lambda s: s.engine.start_sitting(case_ref))
    pause = PauseScreen(backend, nav)
    qtbot.addWidget(pause)
    pause.show()
    pause.begin(None)
    assert not any(b.isChecked() for b in pause.choices.values())
    qtbot.waitUntil(lambda: pause._recorded, timeout=15_000)
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    assert sitting.pauses[-1].requested_by is None  # not recorded, not "interviewer"
    pause.save_reason.click()  # nothing typed
    assert pause.note.text() == "Type a reason first; nothing was saved."
    assert pause.focusWidget() is pause.reason
    pause.resume()
    qtbot.waitUntil(lambda: ("resume", None) in nav.calls, timeout=15_000)
    # Someone named when the pause began (a shortcut, say) is recorded as such.
    pause.begin("witness")
    assert pause.choices["witness"].isChecked()
    qtbot.waitUntil(lambda: pause._recorded, timeout=15_000)
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    assert sitting.pauses[-1].requested_by == "witness"
    pause.clear_content()
    assert not any(b.isChecked() for b in pause.choices.values())


def test_the_sitting_bar_completes_an_unanswered_pause(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    workspace = open_workspace(qtbot, backend, nav, case_ref)
    bar = workspace.bar
    call(
        qtbot,
        backend,
        lambda s: (
            s.engine.start_sitting(case_ref),
            s.engine.pause_sitting(case_ref),
            s.engine.resume_sitting(case_ref),
        ),
    )
    workspace.sitting_changed()
    qtbot.waitUntil(lambda: bar.change_pause.isVisibleTo(workspace), timeout=15_000)
    assert bar.last_pause.text() == "Who asked for the last pause is not recorded yet"
    bar.change_pause.click()
    assert isinstance(bar.requester, QComboBox)
    assert bar.requester.currentIndex() == 0 and bar.requester.currentData() is None
    assert bar.requester.currentText() == "Not recorded"
    bar.save_pause.click()  # still unanswered: nothing to save, the row closes quietly
    assert not bar.amend.isVisibleTo(workspace)
    bar.change_pause.click()
    bar.requester.setCurrentIndex(bar.requester.findData("intermediary"))
    bar.save_pause.click()
    qtbot.waitUntil(
        lambda: bar.last_pause.text() == "Last pause asked for by: Registered Intermediary",
        timeout=15_000,
    )
    sitting = call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref))
    assert sitting.pauses[-1].requested_by == "intermediary"
