"""The guide's structured fields in the workspace (issue #21 §6): a "Details" tab beside
the statement lists each field of the case's guide with its label and help, saves what is
typed or chosen to the core (read back through the engine), shows the core's refusal and
keeps the stored value, keeps typing through a pause and a lock, forgets everything on
lock, and speaks Welsh where the guide's translation does."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
)

from app.desktop.cases import set_case_field
from app.desktop.session import Session
from app.engine.models import Participant
from app.guides import Field, guide_for_category
from app.settings import Settings
from tests.ui.conftest import FakeNavigator, call
from tests.ui.test_workspace import held_texts, open_workspace
from ui import i18n
from ui.backend import Backend
from ui.screens.workspace import WorkspaceScreen
from ui.widgets.case_fields import CaseFieldsPanel
from ui.widgets.range_spin import RangeSpinBox

CANARY = "CANARY-fields-orchard-gate"


def make_case(session: Session, category: str, ref: str) -> str:
    case = session.engine.create_case(category, ref)
    session.engine.set_witness(case.id, name="Alex Morgan")
    session.engine.set_planned_present(case.id, [Participant("interviewer", "Jo Bloggs")])
    return case.id


def stored(qtbot: Any, backend: Backend, ref: str) -> dict[str, Any]:
    return call(qtbot, backend, lambda s: s.engine.fields(ref))


def opened(qtbot: Any, backend: Backend, nav: FakeNavigator, category: str) -> WorkspaceScreen:
    ref = call(qtbot, backend, make_case, category, f"{category.upper()}-FIELDS-1")
    screen = open_workspace(qtbot, backend, nav, ref)
    show_details(qtbot, screen)
    return screen


def show_details(qtbot: Any, screen: WorkspaceScreen) -> None:
    """The Details tab chosen, once the values are in (every row enabled)."""
    tabs = [screen.side.tabText(i) for i in range(screen.side.count())]
    screen.side.setCurrentIndex(tabs.index("Details"))
    panel = screen.details
    qtbot.waitUntil(
        lambda: bool(panel._rows) and all(r.box.isEnabled() for r in panel._rows), timeout=15_000
    )


def editor(screen: WorkspaceScreen, field_id: str) -> Any:
    return next(r.editor for r in screen.details._rows if r.field.id == field_id)


def note(screen: WorkspaceScreen, field_id: str) -> str:
    return next(r.note.text() for r in screen.details._rows if r.field.id == field_id)


# --- what the tab shows -------------------------------------------------------------------


def test_the_tab_lists_the_guides_fields_with_their_help(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = opened(qtbot, backend, nav, "csa")
    guide = guide_for_category("csa")
    assert len(guide.fields) == 6  # version 3: the three police-contact fields too
    rows = screen.details._rows
    assert [r.label.text() for r in rows] == [f.label for f in guide.fields]
    assert [r.hint.text() for r in rows] == [f.help for f in guide.fields]
    kinds = {"text": QLineEdit, "longtext": QPlainTextEdit}
    for row in rows:
        assert row.label.textFormat() == Qt.TextFormat.PlainText
        assert row.hint.textFormat() == Qt.TextFormat.PlainText
        assert row.label.buddy() is row.editor  # the label names the field to a screen reader
        assert row.editor.accessibleName() == row.field.label
        assert row.editor.accessibleDescription() == row.field.help
        assert isinstance(row.editor, kinds[row.field.kind])
        assert row.editor.isVisibleTo(screen)
    assert "never" in screen.details.hint.text() and "statement" in screen.details.hint.text()
    # Beside the statement, never inside it: the statement editor is untouched.
    assert screen.editor.toPlainText() == ""


def test_a_case_keeps_the_fields_of_the_guide_it_was_started_with(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    def version_2(session: Session) -> str:
        case_id = make_case(session, "csa", "CSA-V2-FIELDS")
        with session.engine.vault.transaction() as conn:
            conn.execute("UPDATE cases SET guide_version = 2 WHERE id = ?", (case_id,))
        return case_id

    ref = call(qtbot, backend, version_2)
    screen = open_workspace(qtbot, backend, nav, ref)
    show_details(qtbot, screen)
    assert [r.field.id for r in screen.details._rows] == ["periods", "places", "age_at_time"]


def test_the_tab_is_there_only_for_a_guide_with_fields(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    general = call(qtbot, backend, make_case, "general", "GEN-FIELDS-1")
    csa = call(qtbot, backend, make_case, "csa", "CSA-FIELDS-2")
    nav.current_case = general
    screen = WorkspaceScreen(backend, nav)
    qtbot.addWidget(screen)
    index = screen.side.indexOf(screen.details)
    assert screen.side.tabText(index) == "Details"
    assert not screen.side.isTabVisible(index)  # nothing to show until a case says so
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.section.count() > 0, timeout=15_000)
    assert screen.details._rows == [] and not screen.side.isTabVisible(index)
    nav.current_case = csa  # another case, whose guide has fields
    screen.entered()
    qtbot.waitUntil(lambda: screen.side.isTabVisible(index), timeout=15_000)
    show_details(qtbot, screen)
    screen.clear_content()  # the lock: the tab stays, with nothing in it
    assert screen.details._rows == [] and screen.side.currentWidget() is screen.details


def test_an_ampersand_in_a_label_is_shown_not_underlined(qtbot: Any, backend: Backend) -> None:
    guide = guide_for_category("csa")
    field = Field("periods", "Times & places", "longtext", (), "Help <b>not bold</b>")
    panel = CaseFieldsPanel(backend)
    qtbot.addWidget(panel)
    ref = call(qtbot, backend, make_case, "csa", "CSA-AMP-1")
    panel.show_case(ref, replace(guide, fields=(field,)))
    row = panel._rows[0]
    assert row.label.text() == "Times && places"  # drawn as "Times & places"
    assert row.editor.accessibleName() == "Times & places"
    assert row.hint.text() == "Help <b>not bold</b>"


# --- saving -------------------------------------------------------------------------------


def test_typing_saves_to_the_core(qtbot: Any, backend: Backend, nav: FakeNavigator) -> None:
    screen = opened(qtbot, backend, nav, "csa")
    ref = screen._ref
    age = editor(screen, "age_at_time")
    age.setFocus()
    qtbot.keyClicks(age, "about 12")
    qtbot.waitUntil(lambda: stored(qtbot, backend, ref).get("age_at_time") == "about 12")
    qtbot.waitUntil(lambda: note(screen, "age_at_time") == "Saved.")
    # A longer text, left by Tab: saved as the focus leaves it, without waiting.
    places = editor(screen, "places")
    places.setFocus()
    qtbot.keyClicks(places, f"The {CANARY} by the school")
    qtbot.keyClick(places, Qt.Key.Key_Tab)  # Tab moves on; it types no tab
    assert places.toPlainText() == f"The {CANARY} by the school"
    qtbot.waitUntil(
        lambda: stored(qtbot, backend, ref).get("places") == f"The {CANARY} by the school"
    )
    qtbot.waitUntil(lambda: note(screen, "places") == "Saved.")
    assert note(screen, "age_at_time") == ""  # one quiet "Saved", under the field last saved
    # The same value again sends nothing (no audit entry for nothing).
    audits = len(call(qtbot, backend, lambda s: s.engine.audit_entries(ref)))
    screen.details.flush()
    assert len(call(qtbot, backend, lambda s: s.engine.audit_entries(ref))) == audits


def test_typing_is_saved_before_a_pause_and_a_lock(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    screen = opened(qtbot, backend, nav, "csa")
    ref = screen._ref
    periods = editor(screen, "periods")
    qtbot.keyClicks(periods, "from year 7")
    screen.remember_place()  # F9: before the pause in typing has passed
    qtbot.waitUntil(lambda: stored(qtbot, backend, ref).get("periods") == "from year 7")
    # Back from the pause: the same editors, the caret where it was, the typing kept.
    before = editor(screen, "periods")
    qtbot.keyClicks(before, " until we moved")
    screen.entered()
    show_details(qtbot, screen)
    assert editor(screen, "periods") is before
    assert before.toPlainText() == "from year 7 until we moved"
    people = editor(screen, "police_people")
    qtbot.keyClicks(people, CANARY)
    screen.clear_content()  # the lock: typing sent first, then nothing left on screen
    assert CANARY not in held_texts(screen)
    assert "People from the police described" not in held_texts(screen)
    assert screen.details._rows == []
    call(qtbot, backend, lambda s: None)  # every answer queued before this has arrived
    assert CANARY not in held_texts(screen)
    values = stored(qtbot, backend, ref)
    assert values["police_people"] == CANARY
    assert values["periods"] == "from year 7 until we moved"


def test_choices_are_saved_as_chosen(qtbot: Any, backend: Backend, nav: FakeNavigator) -> None:
    screen = opened(qtbot, backend, nav, "apsp")
    ref = screen._ref
    guide = guide_for_category("apsp")
    role = editor(screen, "role")
    assert isinstance(role, QComboBox)
    assert [role.itemText(i) for i in range(role.count())] == [
        "Not recorded",  # nothing preset: nothing is stored until chosen
        *guide.fields[1].choices,
    ]
    # A wheel turned over the list while scrolling the panel chooses nothing.
    screen.editor.setFocus()
    wheel = QWheelEvent(
        QPointF(5, 5),
        QPointF(role.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(role, wheel)
    assert role.currentText() == "Not recorded"
    role.setCurrentIndex(role.findText("staff"))
    qtbot.waitUntil(lambda: stored(qtbot, backend, ref).get("role") == "staff")
    qtbot.waitUntil(lambda: note(screen, "role") == "Saved.")
    assert role.findText("Not recorded") == -1  # a stored choice can change, not be unmade
    assert role.currentText() == "staff"
    channels = editor(screen, "channels")
    assert isinstance(channels, QListWidget)
    assert [channels.item(i).text() for i in range(channels.count())] == list(
        guide.fields[4].choices
    )
    for text in ("email", "phone"):
        channels.findItems(text, Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: stored(qtbot, backend, ref).get("channels") == ["phone", "email"])
    # Opened again, the choices stored are shown.
    screen.clear_content()
    screen.entered()
    show_details(qtbot, screen)
    assert editor(screen, "role").currentText() == "staff"
    checked = editor(screen, "channels")
    assert [
        checked.item(i).text()
        for i in range(checked.count())
        if checked.item(i).checkState() == Qt.CheckState.Checked
    ] == ["phone", "email"]


def test_a_refused_value_shows_the_cores_words_and_keeps_the_stored_one(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    ref = call(qtbot, backend, make_case, "csa", "CSA-REFUSED-1")
    call(qtbot, backend, set_case_field, ref, "periods", "from year 7")
    screen = open_workspace(qtbot, backend, nav, ref)
    show_details(qtbot, screen)
    periods = editor(screen, "periods")
    assert periods.toPlainText() == "from year 7"
    too_long = "a" * 20_001
    periods.setPlainText(too_long)  # pasted
    screen.details.flush()
    qtbot.waitUntil(lambda: note(screen, "periods").startswith("Not saved"), timeout=15_000)
    assert note(screen, "periods") == (
        "Not saved: Periods described is too long (at most 20000 characters)."
    )
    row = next(r for r in screen.details._rows if r.field.id == "periods")
    assert row.note.textFormat() == Qt.TextFormat.PlainText and row.note.isVisibleTo(screen)
    assert periods.toPlainText() == too_long  # the typing is never lost
    assert stored(qtbot, backend, ref)["periods"] == "from year 7"


def test_a_number_field(qtbot: Any, backend: Backend) -> None:
    """No shipped guide has a number field yet: one shown for a guide the core does not
    hold is refused by the core, in its words, and nothing is stored."""
    ref = call(qtbot, backend, make_case, "general", "GEN-NUMBER-1")
    guide = guide_for_category("general")
    field = Field("times", "Times described", "number", (), "As a whole number.")
    panel = CaseFieldsPanel(backend)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_case(ref, replace(guide, fields=(field,)))
    qtbot.waitUntil(lambda: panel._rows[0].box.isEnabled(), timeout=15_000)
    spin = panel._rows[0].editor
    assert isinstance(spin, RangeSpinBox)
    assert spin.text() == "Not recorded"
    spin.setValue(3)
    panel.flush()
    qtbot.waitUntil(lambda: panel._rows[0].note.text().startswith("Not saved"), timeout=15_000)
    assert panel._rows[0].note.text() == "Not saved: Unknown field 'times'; this guide has: none."
    assert stored(qtbot, backend, ref) == {}


# --- Welsh ----------------------------------------------------------------------------------


@pytest.fixture
def welsh(nav: FakeNavigator, qapp: Any) -> Iterator[FakeNavigator]:
    nav.settings = Settings(language="cy")
    assert i18n.install("cy"), "build the Welsh catalogue first: make translations"
    yield nav
    i18n.install("en")


def test_the_welsh_interface_shows_the_welsh_labels_and_help(
    qtbot: Any, backend: Backend, welsh: FakeNavigator
) -> None:
    ref = call(qtbot, backend, make_case, "csa", "CSA-CY-FIELDS-1")
    screen = open_workspace(qtbot, backend, welsh, ref)
    screen.side.setCurrentWidget(screen.details)
    qtbot.waitUntil(
        lambda: bool(screen.details._rows) and screen.details._rows[0].box.isEnabled(),
        timeout=15_000,
    )
    cy = guide_for_category("csa", "cy")
    rows = screen.details._rows
    assert [r.label.text() for r in rows] == [f.label for f in cy.fields]
    assert rows[0].label.text() == "Cyfnodau a ddisgrifiwyd"
    assert [r.editor.accessibleDescription() for r in rows] == [f.help for f in cy.fields]
    # What is stored keeps the field's id; the value is the interviewer's own words.
    qtbot.keyClicks(rows[2].editor, "tua 12")
    screen.details.flush()
    qtbot.waitUntil(lambda: stored(qtbot, backend, ref).get("age_at_time") == "tua 12")
