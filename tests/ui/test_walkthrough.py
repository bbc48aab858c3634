"""A new interviewer's whole first session, by keyboard only, through the real main window
and a real session on a new vault (issue #15, "Done when"): the vault, their identity, a
new CSA case in six steps, the case list, a sitting with a pause, read-back with a
correction, the signing steps, the export, the case list again, a lock and an unlock.

Every key goes to whatever has the focus (tests/ui/walkthrough_steps.py); nothing is
clicked and no screen's method is called. The one pointer in the story is the signature,
which has no keyboard way by design. After every step the screen is compared with the
core's state, read through the worker; the focus is on the next action; and no two
controls on the screen share an underlined letter (Qt would press neither)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.desktop.bundles import export_choices
from app.export.pages import statement_pages
from app.org import org_init
from crypto import kdf, keyring_binding
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.walkthrough_steps import (
    CTRL,
    Person,
    first_run_window,
    no_keyring,
    row_texts,
    sections,
    workspace_shows_the_core,
)
from ui.screens.new_case import CASE, CONSENTS, PREFERENCES, PRESENT, RESTRICTED, SURVIVOR
from ui.screens.signature import DECLARATION, DONE, PAGES, SIGN, SITTING

REF = "CSA-2026-117"
SURVIVOR_NAME, PREFERRED = "Alex Morgan", "Alex"
INTERVIEWER = "Interviewer One"  # as on their certificate: only they may export
BORN = "1975-08-14"  # not the example the form shows
# Long enough for two pages, so that each page is confirmed on its own.
SAID = "\n".join(
    f"We lived on Mill Street until I was twelve; that was the year {year}, I think."
    for year in range(1975, 2015)
)
CORRECTION = " It was the winter of 1987."
ROOM = "the interview suite"
# Never on the pause screen, and held by no widget at all once locked.
OF_THE_CASE = (REF, SURVIVOR_NAME, SAID[:20], CORRECTION.strip(), BORN)


@pytest.fixture
def person(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Person]:
    # A real vault, with the suite's fast KDF and no OS keyring (the passphrase alone).
    monkeypatch.setattr(kdf, "calibrate", lambda *args, **kwargs: FAST_KDF)
    monkeypatch.setattr(keyring_binding, "find_backend", no_keyring)
    window = first_run_window(qtbot, tmp_path)
    yield Person(qtbot, window)
    window.shutdown()


# --- the vault and the identity -------------------------------------------------------------


def create_the_vault(p: Person) -> None:
    p.wait_screen("setup")
    setup = p.window.screens["setup"]
    p.wait_for(setup.create_button.isEnabled)  # the keyring has been looked for
    assert p.has_focus(setup.passphrase)
    p.check_the_keys()
    p.type(PASSPHRASE)
    p.press(Qt.Key.Key_Tab)
    assert p.has_focus(setup.repeat)
    p.type(PASSPHRASE)
    p.press(Qt.Key.Key_Return)
    p.wait_screen("cases")
    cases = p.window.screens["cases"]
    p.wait_for(cases.empty.isVisible)
    assert p.core(lambda s: (s.unlocked, s.exists, s.engine.list_cases())) == (True, True, [])
    assert cases.empty.text() == "No cases yet. Start with New case."
    assert p.has_focus(cases.search)
    p.check_the_keys()


def import_the_identity(p: Person, org: Path) -> None:
    """Before anything can be exported, the files the organisation sent them."""
    p.alt("i")  # &Identity
    p.wait_screen("identity")
    identity = p.window.screens["identity"]
    p.wait_for(lambda: "No identity" in identity.summary.text())
    p.check_the_keys()
    member = org / "interviewer"
    for letter, field, path in (
        ("i", identity.cert, member / "cert.pem"),  # &Identity file
        ("k", identity.key, member / "key.pem"),  # Private &key
        ("y", identity.age, member / "age-identity.txt"),  # Key for bundles sent to &you
        ("t", identity.trust, org / "trust.json"),  # &Trust file
    ):
        p.alt(letter)
        assert p.has_focus(field.path)
        p.type(str(path))
    p.alt("m")  # I&mport
    p.wait_for(lambda: identity.message.text() == "Imported.")
    me = p.core(lambda s: s.engine.identity_summary())
    assert me.name == INTERVIEWER and f"Name: {me.name}" in identity.summary.text()
    assert f"Organisation: {me.organisation}" in identity.summary.text()
    p.check_the_keys()
    p.alt("b")  # &Back
    p.wait_screen("cases")


# --- the case -------------------------------------------------------------------------------


def next_step(p: Person, index: int, title: str) -> None:
    wizard = p.window.screens["new_case"]
    p.alt("n")  # &Next
    p.wait_for(lambda: wizard.index == index and p.window.backend.pending == 0)
    assert wizard.indicator.text() == f"Step {index + 1} of 6: {title}"
    # The step's first field has the focus: typing starts there.
    assert p.has_focus(wizard.steps[index].focusables()[0]), title
    p.check_the_keys()


def new_case(p: Person) -> str:
    p.alt("n")  # &New case
    p.wait_screen("new_case")
    wizard = p.window.screens["new_case"]
    step = wizard.case_step
    assert wizard.index == CASE and p.has_focus(step.radios["csa"])
    p.check_the_keys()
    p.press(Qt.Key.Key_Space)  # CSA (non-recent)
    assert p.tab_to(step.fields["reference"]) == 1  # the other categories are arrow keys
    p.type(REF)
    p.press(Qt.Key.Key_Tab)
    p.type(INTERVIEWER)
    next_step(p, SURVIVOR, "Survivor")
    p.type(SURVIVOR_NAME)
    p.press(Qt.Key.Key_Tab)
    p.type(PREFERRED)
    next_step(p, PREFERENCES, "Preferences and needs")
    next_step(p, RESTRICTED, "Restricted details")
    p.type(BORN)
    next_step(p, CONSENTS, "Consents")
    p.press(Qt.Key.Key_Down)  # the police's access to their medical records: given
    next_step(p, PRESENT, "Who will be present")
    row = wizard.present_step.rows[0]  # filled in from the first step
    assert (row.role.currentData(), row.name.text()) == ("interviewer", INTERVIEWER)
    p.alt("f")  # &Finish: the case is created and opened
    p.wait_screen("workspace")
    case = p.core(lambda s: s.engine.list_cases()[0])
    assert (case.reference, case.category, case.interviewer) == (REF, "csa", INTERVIEWER)
    assert p.window.current_case == case.id
    witness = p.core(lambda s: s.engine.witness(case.id))
    assert (witness["name"], witness["preferred_name"]) == (SURVIVOR_NAME, PREFERRED)
    assert p.core(lambda s: s.engine.restricted(case.id))["date_of_birth"] == BORN
    present = p.core(lambda s: s.engine.planned_present(case.id))
    assert [(x.role, x.name) for x in present] == [("interviewer", INTERVIEWER)]
    assert not any(step.has_content() for step in wizard.steps)  # nothing lingers behind
    return str(case.id)


def on_the_case_list(p: Person, case_id: str, status: str) -> None:
    """The case list shows the case as the core has it, and Enter opens it."""
    p.alt("c")  # &Cases, in the workspace
    p.wait_screen("cases")
    cases = p.window.screens["cases"]
    p.wait_for(lambda: cases.tree.topLevelItemCount() == 1)
    assert p.core(lambda s: s.engine.case(case_id).status) == status
    labels = {"draft": "Draft", "exported": "Exported"}
    shown = row_texts(cases.tree)
    assert shown[:4] == [REF, f"{SURVIVOR_NAME} ({PREFERRED})", "CSA", labels[status]]
    assert p.has_focus(cases.search)
    p.check_the_keys()
    assert p.tab_to(cases.tree) == 3  # past the category and status filters
    p.press(Qt.Key.Key_Return)
    p.wait_screen("workspace")


# --- the interview ----------------------------------------------------------------------------


def open_the_case(p: Person, case_id: str) -> None:
    workspace_shows_the_core(p, case_id)
    assert p.has_focus(p.window.screens["workspace"].bar.start)  # the next action


def start_a_sitting_and_type(p: Person, case_id: str) -> None:
    ws = p.window.screens["workspace"]
    p.press(Qt.Key.Key_Backtab)  # Shift+Tab: where it takes place, just before Start
    assert p.has_focus(ws.bar.location)
    p.type(ROOM)
    p.press(Qt.Key.Key_Return)  # starts the sitting there
    p.wait_for(lambda: ws.bar.pause.isVisible())
    assert p.has_focus(ws.editor)  # the next thing is typing
    sitting = p.core(lambda s: s.engine.current_sitting(case_id))
    assert (sitting.number, sitting.state, sitting.location) == (1, "running", ROOM)
    assert not ws.bar.location.isVisible() and ws.bar.location.text() == ""
    assert ws.bar.present.text() == f"Present: {INTERVIEWER} (interviewer)"
    p.type(SAID)
    p.wait_for(lambda: ws.saved.text() == "Saved")
    assert p.core(sections, case_id)["account"] == SAID
    workspace_shows_the_core(p, case_id)


def pause_and_resume(p: Person, case_id: str) -> None:
    ws, pause = p.window.screens["workspace"], p.window.screens["pause"]
    place = ws.editor.textCursor().position()
    p.press(Qt.Key.Key_F9)
    assert p.screen == "pause"  # at once, before anything is recorded
    shown = p.shown()
    assert [words for words in OF_THE_CASE if words in shown] == []
    assert p.window.windowTitle() == "Quietroom"
    assert p.has_focus(pause.resume_button)
    p.check_the_keys()
    p.wait_for(lambda: pause._recorded)
    assert p.core(lambda s: s.engine.current_sitting(case_id).state) == "paused"
    p.press(Qt.Key.Key_F9)  # F9 again resumes
    p.wait_screen("workspace")
    assert p.has_focus(ws.editor)  # back where they were, at once
    workspace_shows_the_core(p, case_id)
    assert p.has_focus(ws.editor) and ws.editor.textCursor().position() == place
    sitting = p.core(lambda s: s.engine.current_sitting(case_id))
    assert sitting.state == "running" and len(sitting.pauses) == 1
    assert ws.bar.last_pause.text() == "Who asked for the last pause is not recorded yet"


def read_back_with_a_correction(p: Person, case_id: str) -> None:
    readback = p.window.screens["readback"]
    p.alt("b")  # Read-&back
    p.wait_screen("readback")
    p.wait_for(readback.confirm.isEnabled)
    assert readback.view.toPlainText() == p.core(sections, case_id)["account"] == SAID
    assert p.core(lambda s: s.engine.statement(case_id).status) == "read_back"
    p.check_the_keys()
    p.alt("c")  # Make a &correction: the section being read, in an editor
    p.wait_for(lambda: p.has_focus(readback.panel.editor))
    assert readback.panel.editor.toPlainText() == SAID
    p.press(Qt.Key.Key_End, CTRL)
    p.type(CORRECTION)
    p.alt("v")  # Sa&ve the correction
    p.wait_for(lambda: "correction is saved" in readback.message.text())
    assert p.has_focus(readback.panel.editor)  # Enter never leaves read-back
    stored = p.core(sections, case_id)["account"]
    assert stored == SAID + CORRECTION
    assert readback.view.toPlainText() == f"(Corrected during read-back)\n{stored}"
    history = p.core(lambda s: s.engine.section_history(case_id, "account"))
    corrections = [r for r in history if r["kind"] == "correction"]
    assert len(corrections) == readback.corrections.count() == 1
    assert readback.corrections.item(0).text().startswith("What happened, corrected at ")
    p.check_the_keys()


def confirm(p: Person, case_id: str) -> None:
    p.alt("f")  # Con&firm the statement is correct
    p.wait_screen("signature")
    statement = p.core(lambda s: s.engine.statement(case_id))
    assert statement.status == "read_back" and statement.readback_confirmed is not None


# --- signing and exporting ----------------------------------------------------------------------


def sign(p: Person, case_id: str) -> None:
    screen = p.window.screens["signature"]
    pages = screen.page_confirm
    p.wait_for(lambda: screen.steps.currentIndex() == SITTING)
    assert screen.title.text() == "Before signing"
    assert "Sitting 1 is still open" in screen.sitting.text.text()
    assert p.core(lambda s: s.engine.current_sitting(case_id)) is not None
    p.wait_for(lambda: p.has_focus(screen.end_sitting_button))
    p.check_the_keys()
    p.press(Qt.Key.Key_Space)  # End the sitting
    p.wait_for(lambda: screen.steps.currentIndex() == DECLARATION)
    assert p.core(lambda s: s.engine.current_sitting(case_id)) is None
    count = p.core(lambda s: len(statement_pages(s.engine, case_id)))
    assert count >= 2
    assert f"(consisting of {count} page(s) each signed by me)" in screen.declaration.text()
    p.wait_for(lambda: p.has_focus(screen.show_pages_button))
    p.check_the_keys()
    p.press(Qt.Key.Key_Space)  # Show the pages

    def showing(number: int) -> bool:
        return (
            screen.steps.currentIndex() == PAGES
            and pages.position.text() == f"Page {number} of {count}"
            and pages.pages.has_page()
            and pages.right_button.isEnabled()
            and p.has_focus(pages.right_button)
        )

    for number in range(1, count + 1):
        p.wait_for(partial(showing, number))
        p.check_the_keys()
        p.press(Qt.Key.Key_Space)  # This page is right
    p.wait_for(lambda: screen.steps.currentIndex() == SIGN)
    confirmed = p.core(lambda s: s.engine.page_confirmations(case_id))
    assert [c.page for c in confirmed] == list(range(1, count + 1))
    assert p.has_focus(screen.clear_button) and not screen.sign_button.isEnabled()
    assert screen.sign_hint.text() == "Sign in the box above first."
    p.check_the_keys()
    p.sign_on(screen.pad)
    assert screen.sign_button.isEnabled()
    p.alt("s")  # &Sign the statement
    p.wait_for(lambda: screen.steps.currentIndex() == DONE)
    assert p.core(lambda s: s.engine.statement(case_id).status) == "signed"
    assert p.core(lambda s: s.engine.signature(case_id)) is not None
    assert screen.title.text() == "The statement is signed"
    assert screen.summary.reference.text() == REF  # the reference, never the case's id
    assert screen.summary.pages.text() == str(count)
    assert p.has_focus(screen.export_button) and screen.pad.is_empty()
    p.check_the_keys()


def export(p: Person, case_id: str, bundle: Path) -> None:
    screen = p.window.screens["export"]
    p.press(Qt.Key.Key_Return)  # Export…, the default button
    p.wait_screen("export")
    p.settle()
    choices = p.core(export_choices, case_id)
    items = [screen.recipients.item(i) for i in range(screen.recipients.count())]
    shown = [(i.data(Qt.ItemDataRole.UserRole), i.checkState()) for i in items]
    ticked = {True: Qt.CheckState.Checked, False: Qt.CheckState.Unchecked}
    assert shown == [(r.name, ticked[r.ticked]) for r in choices.recipients]
    assert screen.send.isChecked() == choices.can_send
    assert p.has_focus(screen.recipients)  # the first thing to check
    p.check_the_keys()
    p.alt("n")  # Se&nd to the central system: not this time, a file instead
    p.wait_for(lambda: not screen.send.isChecked())
    assert p.tab_to(screen.path) == 1  # reading order: where it is saved comes next
    p.press(Qt.Key.Key_A, CTRL)
    p.type(str(bundle))
    p.alt("e")  # &Export
    p.wait_for(lambda: screen.message.text().startswith("Every check passed."))
    assert bundle.is_file()
    assert all(line.startswith("ok  ") for line in screen.report.toPlainText().splitlines())
    assert p.core(lambda s: s.engine.case(case_id).status) == "exported"
    assert p.core(lambda s: s.engine.outbox(case_id=case_id)) == []  # nothing to send
    p.check_the_keys()
    p.alt("b")  # &Back, to the case
    p.wait_screen("workspace")


def a_signed_statement(p: Person, case_id: str) -> None:
    ws = p.window.screens["workspace"]
    workspace_shows_the_core(p, case_id)
    assert ws.editor.toPlainText() == SAID + CORRECTION
    assert p.has_focus(ws.export)  # the next action once signed


# --- the lock -------------------------------------------------------------------------------------


def lock_and_unlock(p: Person, case_id: str) -> None:
    ws, unlock = p.window.screens["workspace"], p.window.screens["unlock"]
    # Reading the signed statement: F6 and Ctrl+Tab move on through the regions (once
    # signed the sitting bar has nothing to offer: the guide, then the statement).
    p.press(Qt.Key.Key_F6)
    assert p.has_focus(ws.guide.phases)
    p.press(Qt.Key.Key_Tab, CTRL)
    assert p.has_focus(ws.editor)
    p.press(Qt.Key.Key_L, CTRL)
    assert p.screen == "unlock"
    held = p.held()
    assert [words for words in OF_THE_CASE if words in held] == []
    assert p.has_focus(unlock.passphrase)
    p.wait_for(lambda: not p.window.backend.session.unlocked)
    p.check_the_keys()
    p.type(PASSPHRASE)
    p.press(Qt.Key.Key_Return)
    p.wait_screen("workspace")  # where they were
    workspace_shows_the_core(p, case_id)
    assert ws.editor.toPlainText() == SAID + CORRECTION
    assert p.has_focus(ws.editor)  # the place they were, not the next action


def test_a_first_session_by_keyboard(person: Person, tmp_path: Path) -> None:
    org_init(tmp_path / "org")  # the organisation's files, as a new interviewer gets them
    p = person
    create_the_vault(p)
    import_the_identity(p, tmp_path / "org")
    case_id = new_case(p)
    open_the_case(p, case_id)
    on_the_case_list(p, case_id, "draft")
    open_the_case(p, case_id)
    start_a_sitting_and_type(p, case_id)
    pause_and_resume(p, case_id)
    read_back_with_a_correction(p, case_id)
    confirm(p, case_id)
    sign(p, case_id)
    export(p, case_id, tmp_path / f"{REF}.qrb")
    a_signed_statement(p, case_id)
    on_the_case_list(p, case_id, "exported")
    a_signed_statement(p, case_id)
    lock_and_unlock(p, case_id)
