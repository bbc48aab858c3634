"""The new-case flow: six steps typed from the keyboard create the case with everything
entered; refusals are calm, on the right step, and leave nothing half-created."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.engine.models import Participant
from tests.ui.conftest import FakeNavigator, call, visible_texts
from tests.ui.test_a11y_messages import problem_leads_to  # the summary leads to the field
from ui.backend import Backend
from ui.screens.new_case import (
    CONSENTS,
    PREFERENCES,
    PRESENT,
    RESTRICTED,
    SURVIVOR,
    NewCaseScreen,
)

CANARY = "Zephyrine Canary"
TITLES = [
    "Case",
    "Survivor",
    "Preferences and needs",
    "Restricted details",
    "Consents",
    "Who will be present",
]


def make_screen(qtbot: Any, backend: Backend, nav: FakeNavigator) -> NewCaseScreen:
    screen = NewCaseScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    return screen


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def next_step(qtbot: Any, backend: Backend, screen: NewCaseScreen) -> None:
    before = screen.index
    click(qtbot, screen.next_button)
    qtbot.waitUntil(lambda: backend.pending == 0 and screen.index == before + 1, timeout=15_000)


def choose(qtbot: Any, combo: QComboBox, data: Any) -> None:
    """Pick an entry from the keyboard, as the interviewer would (Down arrow)."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{data!r} not reachable in the list")


def fill_case(qtbot: Any, screen: NewCaseScreen, reference: str = "CSA-2026-042") -> None:
    step = screen.case_step
    step.radios["csa"].setFocus()
    qtbot.keyClick(step.radios["csa"], Qt.Key.Key_Space)
    qtbot.keyClicks(step.fields["reference"], reference)
    qtbot.keyClicks(step.fields["interviewer"], "Dee Interviewer")


def fill_everything(
    qtbot: Any,
    backend: Backend,
    screen: NewCaseScreen,
    name: str = "Alexandra Quill",
    dob: str = "1979-03-21",
) -> None:
    fill_case(qtbot, screen)
    next_step(qtbot, backend, screen)
    survivor = screen.survivor_step.fields
    qtbot.keyClicks(survivor["name"], name)
    qtbot.keyClicks(survivor["preferred_name"], "Alex")
    qtbot.keyClicks(survivor["pronouns"], "she/her")
    qtbot.keyClicks(survivor["communication_needs"], "Short questions, one at a time.")
    qtbot.keyClicks(survivor["language"], "Welsh")
    qtbot.keyClick(survivor["interpreter_needed"], Qt.Key.Key_Space)
    qtbot.keyClicks(survivor["interpreter_language"], "Welsh")
    next_step(qtbot, backend, screen)
    preferences = screen.preferences_step.fields
    qtbot.keyClicks(preferences["avoid"], "the word 'special'")
    qtbot.keyClicks(preferences["support_wanted"], "Her sister nearby")
    next_step(qtbot, backend, screen)
    restricted = screen.restricted_step.fields
    qtbot.keyClicks(restricted["date_of_birth"], dob)
    qtbot.keyClicks(restricted["address"], "1 Quiet Lane, Cardiff")
    qtbot.keyClicks(restricted["phone"], "029 2000 0000")
    qtbot.keyClicks(restricted["safe_contact"], "Text first; never ring after 6pm.")
    choose(qtbot, restricted["voicemail_safe"], False)
    choose(qtbot, restricted["letters_safe"], True)
    choose(qtbot, restricted["vps_offered"], True)
    next_step(qtbot, backend, screen)
    consents = screen.consents_step.fields
    choose(qtbot, consents["medical_records_access"], "given")
    choose(qtbot, consents["share_with_agencies"], "withdrawn")
    next_step(qtbot, backend, screen)
    present = screen.present_step
    assert [p.role for p in present.participants()] == ["interviewer"]  # from step 1
    click(qtbot, present.add_button)
    row = present.rows[-1]
    choose(qtbot, row.role, "isva")
    qtbot.keyClicks(row.name, "Pat Adviser")
    click(qtbot, present.add_button)
    row = present.rows[-1]
    choose(qtbot, row.role, "interpreter")
    qtbot.keyClicks(row.name, "Rhys Interpreter")
    qtbot.keyClicks(row.language, "Welsh")


def finish(qtbot: Any, backend: Backend, screen: NewCaseScreen) -> None:
    click(qtbot, screen.finish_button)
    qtbot.waitUntil(lambda: backend.pending == 0 and not screen.busy.text(), timeout=20_000)


def all_cases(qtbot: Any, backend: Backend) -> list[Any]:
    return call(qtbot, backend, lambda s: s.engine.list_cases())


def test_the_whole_flow_from_the_keyboard(qtbot: Any, backend: Backend, nav: FakeNavigator) -> None:
    screen = make_screen(qtbot, backend, nav)
    assert screen.indicator.text() == "Step 1 of 6: Case"
    fill_everything(qtbot, backend, screen)
    assert screen.indicator.text() == "Step 6 of 6: Who will be present"
    assert not screen.next_button.isVisible() and screen.finish_button.isVisible()
    finish(qtbot, backend, screen)
    [case] = all_cases(qtbot, backend)
    assert nav.calls[-1] == ("open_case", case.id)
    assert (case.reference, case.category, case.interviewer) == (
        "CSA-2026-042",
        "csa",
        "Dee Interviewer",
    )
    witness = call(qtbot, backend, lambda s: s.engine.witness(case.id))
    assert witness == {
        "name": "Alexandra Quill",
        "preferred_name": "Alex",
        "pronouns": "she/her",
        "communication_needs": "Short questions, one at a time.",
        "language": "Welsh",
        "interpreter_needed": True,
        "interpreter_language": "Welsh",
        "avoid": "the word 'special'",
        "support_wanted": "Her sister nearby",
    }
    restricted = call(qtbot, backend, lambda s: s.engine.restricted(case.id))
    consents = restricted.pop("consents")
    assert restricted == {
        "date_of_birth": "1979-03-21",
        "address": "1 Quiet Lane, Cardiff",
        "phone": "029 2000 0000",
        "safe_contact": "Text first; never ring after 6pm.",
        "voicemail_safe": False,
        "letters_safe": True,
        "vps_offered": True,
    }
    assert [(c["kind"], c["state"]) for c in consents] == [
        ("medical_records_access", "given"),
        ("share_with_agencies", "withdrawn"),
    ]
    assert case.statement_language == "en"  # the default, left as it was
    present = call(qtbot, backend, lambda s: s.engine.planned_present(case.id))
    assert present == [
        Participant("interviewer", "Dee Interviewer"),
        Participant("isva", "Pat Adviser"),
        Participant("interpreter", "Rhys Interpreter", "Welsh"),
    ]
    # The form is empty again, ready for the next case, and back at step 1.
    assert screen.index == 0
    assert not screen.survivor_step.value("name")


def test_step_titles_and_back_keeps_what_was_typed(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen)
    next_step(qtbot, backend, screen)
    qtbot.keyClicks(screen.survivor_step.fields["name"], "Someone")
    titles = [screen.indicator.text()]
    for _ in range(4):
        next_step(qtbot, backend, screen)
        titles.append(screen.indicator.text())
    assert titles == [f"Step {n} of 6: {t}" for n, t in enumerate(TITLES, start=1)][1:]
    for _ in range(5):
        click(qtbot, screen.back_button)
    assert screen.indicator.text() == "Step 1 of 6: Case"
    assert not screen.back_button.isEnabled()
    assert screen.case_step.value("reference") == "CSA-2026-042"
    assert screen.case_step.category() == "csa"


def test_required_fields_are_asked_for_calmly(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    click(qtbot, screen.next_button)
    assert screen.case_step.message.text() == "Choose the category of the case."
    screen.case_step.radios["apsp"].click()
    click(qtbot, screen.next_button)
    assert screen.case_step.message.text() == "Give the case reference."
    assert problem_leads_to(screen) is screen.case_step.fields["reference"]
    qtbot.keyClicks(screen.case_step.fields["reference"], "APSP-1")
    next_step(qtbot, backend, screen)
    assert not screen.case_step.message.isVisible()
    click(qtbot, screen.next_button)
    assert screen.index == SURVIVOR
    assert screen.survivor_step.message.text() == "Give the name to appear on the statement."
    assert problem_leads_to(screen) is screen.survivor_step.fields["name"]
    assert backend.pending == 0 and all_cases(qtbot, backend) == []


def test_a_duplicate_reference_is_refused_calmly(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    call(qtbot, backend, lambda s: s.engine.create_case("csa", "CSA-2026-042"))
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen)
    click(qtbot, screen.next_button)
    qtbot.waitUntil(lambda: screen.case_step.message.isVisible(), timeout=15_000)
    assert screen.index == 0
    assert screen.case_step.message.text() == (
        "A case with this reference already exists. Choose another reference, or open "
        "that case from the case list."
    )
    assert screen.case_step.message.objectName() == "message"
    assert problem_leads_to(screen) is screen.case_step.fields["reference"]
    assert len(all_cases(qtbot, backend)) == 1


def test_a_reference_taken_meanwhile_is_refused_at_finish(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_everything(qtbot, backend, screen)
    # Someone else (the command line, say) used the same reference while we typed.
    call(qtbot, backend, lambda s: s.engine.create_case("general", "CSA-2026-042"))
    finish(qtbot, backend, screen)
    assert screen.index == 0
    assert screen.case_step.message.text().startswith("A case with this reference already")
    assert problem_leads_to(screen) is screen.case_step.fields["reference"]
    [case] = all_cases(qtbot, backend)
    assert case.category == "general"
    assert call(qtbot, backend, lambda s: s.engine.witness(case.id)) == {}
    assert not [c for c in nav.calls if c[0] == "open_case"]


def test_a_malformed_date_of_birth_is_refused_before_anything_is_created(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen)
    next_step(qtbot, backend, screen)
    qtbot.keyClicks(screen.survivor_step.fields["name"], "Someone")
    next_step(qtbot, backend, screen)
    next_step(qtbot, backend, screen)
    field = screen.restricted_step.fields["date_of_birth"]
    for bad in ("03/21/1979", "1979-02-30", "2999-01-01", "1850-01-01"):
        field.clear()
        qtbot.keyClicks(field, bad)
        click(qtbot, screen.next_button)
        assert screen.index == RESTRICTED
        assert screen.restricted_step.message.text() == (
            "Write the date of birth as day/month/year, for example 21/03/1979: a real date "
            "in the past. Leave it empty if it is not known."
        )
        assert problem_leads_to(screen) is field
    # Finish from the last step checks every step again, so nothing can slip through.
    screen.show_step(PRESENT)
    finish(qtbot, backend, screen)
    assert screen.index == RESTRICTED
    assert all_cases(qtbot, backend) == []


def test_the_engines_refusal_is_shown_on_the_step_of_the_detail(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    """Only the engine checks what the steps do not (a control character, a name too
    long): its sentence appears on the step where that detail was typed, with the focus
    on it, and nothing at all is stored until everything passes."""
    screen = make_screen(qtbot, backend, nav)
    fill_everything(qtbot, backend, screen)
    pronouns = screen.survivor_step.fields["pronouns"]
    pronouns.setText("she\x07her")  # type: ignore[attr-defined]
    finish(qtbot, backend, screen)
    assert screen.index == SURVIVOR
    assert screen.survivor_step.message.text() == (
        "Nothing has been saved yet. The pronouns must be one line of text."
    )
    assert problem_leads_to(screen) is pronouns
    pronouns.setText("she/her")  # type: ignore[attr-defined]
    avoid = screen.preferences_step.fields["avoid"]
    avoid.setPlainText("the word \x07")  # type: ignore[attr-defined]
    screen.show_step(PRESENT)
    finish(qtbot, backend, screen)
    assert screen.index == PREFERENCES
    assert "topics to avoid" in screen.preferences_step.message.text()
    assert problem_leads_to(screen) is avoid
    avoid.setPlainText("")  # type: ignore[attr-defined]
    row = screen.present_step.rows[1]
    row.name.setText("P" * 201)
    screen.show_step(PRESENT)
    finish(qtbot, backend, screen)
    assert screen.index == PRESENT
    assert "participant's name is too long" in screen.present_step.message.text()
    assert problem_leads_to(screen) is row.name
    assert all_cases(qtbot, backend) == []
    row.name.setText("Pat Adviser")
    finish(qtbot, backend, screen)
    [case] = all_cases(qtbot, backend)
    assert nav.calls[-1] == ("open_case", case.id)


def test_present_rows_isva_note_and_interpreter_language(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    screen.case_step.radios["general"].click()
    qtbot.keyClicks(screen.case_step.fields["reference"], "GEN-7")
    qtbot.keyClicks(screen.survivor_step.fields["name"], "Someone")
    screen.show_step(PRESENT)
    step = screen.present_step
    assert step.rows == []  # no interviewer was named on step 1
    click(qtbot, step.add_button)
    row = step.rows[0]
    roles = [row.role.itemData(i) for i in range(row.role.count())]
    assert "witness" not in roles and "isva" in roles
    assert not row.isva_note.isVisible() and not row.language.isVisible()
    choose(qtbot, row.role, "isva")
    assert row.isva_note.isVisible()
    assert "outside the evidential chain" in row.isva_note.text()
    choose(qtbot, row.role, "interpreter")
    assert row.language.isVisible() and not row.isva_note.isVisible()
    click(qtbot, step.add_button)
    assert [r.caption.text() for r in step.rows] == ["Person 1", "Person 2"]
    step.rows[0].remove.setFocus()
    qtbot.keyClick(step.rows[0].remove, Qt.Key.Key_Space)
    assert len(step.rows) == 1 and step.rows[0].caption.text() == "Person 1"
    assert step.rows[0].name.accessibleName() == "Name, Person 1"
    assert screen.focusWidget() is step.rows[0].role  # focus stays where the row was
    click(qtbot, screen.finish_button)
    assert step.message.text() == "Give a name for each person, or remove the row."
    assert problem_leads_to(screen) is step.rows[0].name
    assert backend.pending == 0 and all_cases(qtbot, backend) == []


def test_cancel_asks_first_when_something_was_entered(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen, reference="CANARY-1")
    click(qtbot, screen.cancel_button)
    # Asked in one line, the safe answer focused: nothing is lost by a slip.
    assert ("go", "cases") not in nav.calls
    assert screen.leave_row.isVisible() and screen.focusWidget() is screen.keep_button
    click(qtbot, screen.keep_button)
    assert not screen.leave_row.isVisible()
    assert screen.case_step.value("reference") == "CANARY-1"
    click(qtbot, screen.cancel_button)
    click(qtbot, screen.discard_button)
    assert nav.calls[-1] == ("go", "cases")
    assert screen.case_step.value("reference") == "" and screen.case_step.category() is None
    assert not screen.leave_row.isVisible()
    assert all_cases(qtbot, backend) == []


def test_cancel_with_nothing_entered_leaves_at_once(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    click(qtbot, screen.cancel_button)
    assert nav.calls[-1] == ("go", "cases") and not screen.leave_row.isVisible()


def test_a_value_on_a_later_step_counts_as_entered(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    screen.preferences_step.fields["break_chosen"].setChecked(True)  # type: ignore[attr-defined]
    click(qtbot, screen.cancel_button)
    assert screen.leave_row.isVisible() and ("go", "cases") not in nav.calls


def test_clear_content_empties_every_field_of_every_step(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_everything(qtbot, backend, screen, name=CANARY)
    for edit in screen.findChildren(QPlainTextEdit):
        edit.setPlainText(CANARY)
    for edit in screen.findChildren(QLineEdit):
        if not isinstance(edit.parent(), QAbstractSpinBox):
            edit.setText(CANARY)
    assert any(CANARY in t for t in visible_texts(screen))
    screen.clear_content()
    assert screen.index == 0
    for index in range(len(screen.steps)):
        screen.show_step(index)
        assert not any(CANARY.lower() in t.lower() for t in visible_texts(screen)), index
    for edit in screen.findChildren(QLineEdit):
        assert CANARY not in edit.text()
    for edit in screen.findChildren(QPlainTextEdit):
        assert edit.toPlainText() == ""
    for combo in screen.findChildren(QComboBox):
        assert combo.currentIndex() == 0 or combo.parent() is None
    assert screen.present_step.rows == []
    assert screen.preferences_step.value("break_every_minutes") == 30
    assert screen.case_step.category() is None


def test_the_break_default_follows_the_settings(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    nav.settings = replace(nav.settings, default_break_minutes=45)
    screen = make_screen(qtbot, backend, nav)
    assert screen.preferences_step.value("break_every_minutes") == 45
    nav.settings = replace(nav.settings, default_break_minutes=20)
    screen.entered()
    assert screen.preferences_step.value("break_every_minutes") == 20


def test_no_break_preference_is_recorded_unless_the_survivor_gives_one(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen)
    next_step(qtbot, backend, screen)
    qtbot.keyClicks(screen.survivor_step.fields["name"], "Someone")
    next_step(qtbot, backend, screen)
    fields = screen.preferences_step.fields
    assert not fields["break_chosen"].isChecked()  # type: ignore[attr-defined]
    assert not fields["break_every_minutes"].isEnabled()
    screen.show_step(PRESENT)
    finish(qtbot, backend, screen)
    [case] = all_cases(qtbot, backend)
    witness = call(qtbot, backend, lambda s: s.engine.witness(case.id))
    assert "break_every_minutes" not in witness
    # With no preference of the survivor's, the interview guide's pacing applies.
    pacing, guide_default = call(
        qtbot,
        backend,
        lambda s: (
            s.engine.start_sitting(case.id) and s.engine.pacing(case.id),
            s.engine.guide(s.engine.case(case.id)).pacing.break_every_minutes,
        ),
    )
    assert pacing["break_every_minutes"] == guide_default


def test_a_break_preference_the_survivor_gives_is_recorded(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    nav.settings = replace(nav.settings, default_break_minutes=45)
    screen = make_screen(qtbot, backend, nav)
    fill_case(qtbot, screen)
    next_step(qtbot, backend, screen)
    qtbot.keyClicks(screen.survivor_step.fields["name"], "Someone")
    next_step(qtbot, backend, screen)
    fields = screen.preferences_step.fields
    chosen, every = fields["break_chosen"], fields["break_every_minutes"]
    assert screen.focusWidget() is chosen  # first on the step, before the interval
    qtbot.keyClick(chosen, Qt.Key.Key_Space)
    assert every.isEnabled() and every.value() == 45  # the setting is what is offered
    every.setFocus()
    qtbot.keyClick(every, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(every, "20")
    # A change of setting now does not change what the survivor asked for.
    nav.settings = replace(nav.settings, default_break_minutes=60)
    screen.entered()
    assert every.value() == 20
    screen.show_step(PRESENT)
    finish(qtbot, backend, screen)
    [case] = all_cases(qtbot, backend)
    assert call(qtbot, backend, lambda s: s.engine.witness(case.id))["break_every_minutes"] == 20


def test_every_focusable_widget_on_every_step_has_an_accessible_name(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    screen.survivor_step.fields["interpreter_needed"].setChecked(True)  # type: ignore[attr-defined]
    step = screen.present_step
    for role in ("interviewer", "isva", "interpreter"):
        step.add_row(role, "")
    for index in range(len(screen.steps)):
        screen.show_step(index)
        focusable = [
            w
            for w in screen.findChildren(QWidget)
            if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        assert len(focusable) > 3, index
        assert [
            (type(w).__name__, w.objectName()) for w in focusable if not w.accessibleName().strip()
        ] == [], index


def test_tab_order_follows_reading_order_on_the_survivor_step(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    screen.show_step(SURVIVOR)
    fields = screen.survivor_step.fields
    fields["interpreter_needed"].setChecked(True)  # type: ignore[attr-defined]
    expected = [
        fields[key]
        for key in (
            "name",
            "preferred_name",
            "pronouns",
            "age_under_18",
            "communication_needs",
            "language",
            "interpreter_needed",
            "interpreter_language",
        )
    ]
    expected += [screen.back_button, screen.next_button, screen.cancel_button]
    seen: list[QWidget] = []
    widget: QWidget = fields["name"]
    for _ in range(500):
        focus_target = widget.focusProxy() or widget
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and focus_target not in seen
            and focus_target in expected
        ):
            seen.append(focus_target)
        widget = widget.nextInFocusChain()
    assert seen == expected
    assert screen.focusWidget() is fields["name"]


def test_consent_steps_list_the_common_consents(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    screen.show_step(CONSENTS)
    fields = screen.consents_step.fields
    combos = [fields[k] for k in fields if isinstance(fields[k], QComboBox)]
    assert [c.accessibleName() for c in combos] == [
        "The police having access to their medical records in relation to this matter",
        "Their medical records being disclosed to the defence",
        "The statement being disclosed for civil proceedings (for example, child care proceedings)",
        "Their details being shared with agencies that support victims",
        "Contact by the supervisor",
        "Referral to an ISVA",
        "The criminal justice process and the Victim Personal Statement scheme explained",
        "Leaflet given: “Giving a witness statement to the police – what happens next?”",
        "Willing to attend court",
        "Consents to their details going to the Witness Service",
    ]
    assert [combos[0].itemText(i) for i in range(3)] == ["Not asked", "Given", "Withdrawn"]
    assert "Kept apart from the statement; never printed in it." in [
        w.text()
        for w in screen.restricted_step.findChildren(QWidget)
        if hasattr(w, "text") and isinstance(w.text(), str)
    ]


def test_a_break_interval_out_of_range_is_refused_with_a_reason(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = make_screen(qtbot, backend, nav)
    screen.show_step(2)  # preferences
    screen.preferences_step.fields["break_chosen"].setChecked(True)  # type: ignore[attr-defined]
    assert "From 5 to 180" in visible_texts(screen)
    spin = screen.preferences_step.fields["break_every_minutes"]
    editor = spin.findChild(QLineEdit)
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # as leaving the field does
    assert screen.preferences_step.value("break_every_minutes") == 30
    said = "1 is not allowed here: choose from 5 to 180. It stays at 30 minutes."
    assert said in visible_texts(screen)
