"""Every status and progress message reaches a screen reader as it appears (issue #18 §4,
status), politely and quietly: the sitting's state, "Saved" (once a sitting, again only
after a save that failed), a pause's reason saved, a note added, the statement signed
(after the focus has moved on, so that it is not cut short), the export's outcome and
the passphrase's strength (when its verdict changes, never at each keystroke). Driven
through the real screens and the real announcement path (ui/widgets/announce.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.conftest import PASSPHRASE
from tests.ui.conftest import FakeNavigator, call
from tests.ui.test_a11y_messages import Heard, listening, said
from tests.ui.test_bundles import import_through_screen, org, signed_case  # noqa: F401
from tests.ui.test_signature import REF, draw, prepare, to_the_pad
from tests.ui.test_workspace import case_ref, open_workspace  # noqa: F401 (fixture)
from ui.backend import Backend
from ui.screens.bundles import ExportScreen
from ui.screens.passphrase import PassphraseScreen
from ui.screens.pause import PauseScreen
from ui.screens.signature import DONE, SignatureScreen
from ui.screens.workspace import WorkspaceScreen
from ui.widgets.announce import announcements


@pytest.fixture
def heard(qapp: Any) -> Iterator[Heard]:
    yield from listening()


def count(heard: Heard, words: str) -> int:
    return sum(1 for text, _ in heard if text == words)


@pytest.fixture
def workspace(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> WorkspaceScreen:
    return open_workspace(qtbot, backend, nav, case_ref)


def type_and_save(qtbot: Any, workspace: WorkspaceScreen, words: str) -> None:
    qtbot.keyClicks(workspace.editor, words)
    workspace.flush()
    qtbot.waitUntil(lambda: workspace.saved.text() == "Saved", timeout=15_000)


def test_saved_is_said_once_a_sitting_and_the_sitting_as_it_changes(
    qtbot: Any, backend: Backend, heard: Heard, workspace: WorkspaceScreen
) -> None:
    assert not said(heard, "No sitting in progress")  # a case opened: nothing changed
    workspace.bar.start.click()
    qtbot.waitUntil(lambda: said(heard, "Sitting 1: running"), timeout=15_000)
    assert all(not loud for _, loud in heard)  # every status is polite
    for words in ("One. ", "Two. ", "Three. "):
        type_and_save(qtbot, workspace, words)
    assert count(heard, "Saved") == 1
    assert not said(heard, "Saving…")  # never at every burst of typing
    workspace.sitting_changed()  # a refresh that changes nothing says nothing
    call(qtbot, backend, lambda s: None)
    qtbot.wait(50)
    assert count(heard, "Sitting 1: running") == 1
    workspace.bar.end.click()
    qtbot.waitUntil(lambda: said(heard, "No sitting in progress"), timeout=15_000)
    workspace.bar.start.click()
    qtbot.waitUntil(lambda: said(heard, "Sitting 2: running"), timeout=15_000)
    type_and_save(qtbot, workspace, "Four. ")
    type_and_save(qtbot, workspace, "Five. ")
    assert count(heard, "Saved") == 2  # once for the second sitting


def test_a_failed_save_is_said_and_the_next_saved_too(
    qtbot: Any, backend: Backend, workspace: WorkspaceScreen, heard: Heard
) -> None:
    type_and_save(qtbot, workspace, "Before. ")
    assert count(heard, "Saved") == 1
    call(qtbot, backend, lambda s: s.lock())
    qtbot.keyClicks(workspace.editor, "While locked. ")
    workspace.flush()
    qtbot.waitUntil(lambda: workspace.saved.text().startswith("Not saved yet"), timeout=15_000)
    assert said(heard, "Not saved yet:", assertive=False)
    call(qtbot, backend, lambda s: s.unlock(PASSPHRASE))
    workspace.flush()  # the text kept is saved again
    qtbot.waitUntil(lambda: workspace.saved.text() == "Saved", timeout=15_000)
    assert count(heard, "Saved") == 2


def test_a_note_added_and_a_refused_copy_are_said(
    qtbot: Any, workspace: WorkspaceScreen, heard: Heard
) -> None:
    side = workspace.side
    side.setCurrentIndex(1)  # Notes
    qtbot.keyClicks(side.note, "Check the dates with her ISVA.")
    qtbot.mouseClick(side.add_note, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: side.notes.count() == 1, timeout=15_000)
    assert heard[-1] == ("Note added.", False)
    assert side.note.toPlainText() == ""
    assert not said(heard, "Check the dates")  # what was noted is never read out again
    qtbot.keyClicks(workspace.editor, "Words.")
    workspace.editor.selectAll()
    qtbot.keyClick(workspace.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert said(heard, "Copying is switched off in Settings")


def test_a_pause_reason_saved_is_said(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
    heard: Heard,
) -> None:
    nav.current_case = case_ref
    call(qtbot, backend, lambda s: s.engine.start_sitting(case_ref))
    pause = PauseScreen(backend, nav)
    qtbot.addWidget(pause)
    pause.show()
    pause.begin(None)
    pause.save_reason.click()
    assert heard[-1] == ("Type a reason first; nothing was saved.", False)
    pause.reason.setText("needed some air")
    pause.save_reason.click()
    qtbot.waitUntil(lambda: pause.note.text() == "Reason saved.", timeout=15_000)
    assert heard[-1] == ("Reason saved.", False)
    pause.choices["witness"].setChecked(True)  # the radio button says itself
    call(qtbot, backend, lambda s: None)
    qtbot.wait(50)
    assert heard[-1] == ("Reason saved.", False)


def test_a_corrected_pause_is_said(
    qtbot: Any,
    backend: Backend,
    workspace: WorkspaceScreen,
    case_ref: str,  # noqa: F811
    heard: Heard,
) -> None:
    call(
        qtbot,
        backend,
        lambda s: (
            s.engine.start_sitting(case_ref),
            s.engine.pause_sitting(case_ref, "interviewer"),
            s.engine.resume_sitting(case_ref),
        ),
    )
    bar = workspace.bar
    workspace.sitting_changed()
    qtbot.waitUntil(lambda: bar.change_pause.isVisibleTo(workspace), timeout=15_000)
    bar.change_pause.click()
    bar.requester.setCurrentIndex(bar.requester.findData("witness"))
    qtbot.keyClick(bar.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.amend_note.text() == "Saved", timeout=15_000)
    assert said(heard, "Saved")


def test_the_statement_signed_is_said_after_the_focus_moves(
    qtbot: Any, backend: Backend, nav: FakeNavigator, heard: Heard
) -> None:
    screen = SignatureScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.resize(900, 600)
    screen.show()
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    focus_when_said: list[QWidget | None] = []

    def signed(text: str, _assertive: bool) -> None:
        if text == "The statement is signed":
            focus_when_said.append(screen.focusWidget())

    announcements().made.connect(signed)
    try:
        draw(qtbot, screen.pad, [(30, 50), (60, 30), (90, 80), (140, 60)])
        qtbot.mouseClick(screen.sign_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.steps.currentIndex() == DONE, timeout=20_000)
    finally:
        announcements().made.disconnect(signed)
    assert focus_when_said == [screen.export_button]
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "signed"


def test_the_exports_outcome_is_said(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    org: Path,  # noqa: F811
    tmp_path: Path,
    heard: Heard,
) -> None:
    import_through_screen(qtbot, backend, nav, org)
    nav.current_case = signed_case(qtbot, backend)
    screen = ExportScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.recipients.count() == 2, timeout=15_000)
    screen.recipients.item(0).setCheckState(Qt.CheckState.Unchecked)
    screen.recipients.item(1).setCheckState(Qt.CheckState.Unchecked)
    screen.path.setText(str(tmp_path / "out.qrb"))
    screen.export.click()
    assert heard[-1] == ("Choose at least one recipient.", False)
    screen.recipients.item(0).setCheckState(Qt.CheckState.Checked)
    screen.export.click()
    assert said(heard, "Exporting… this takes a few seconds.")
    qtbot.waitUntil(lambda: said(heard, "Every check passed."), timeout=30_000)
    assert heard[-1][0] == screen.message.text()  # the whole outcome, as shown


def test_the_strength_hint_is_said_when_its_verdict_changes(
    qtbot: Any, backend: Backend, nav: FakeNavigator, heard: Heard
) -> None:
    screen = PassphraseScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    typed = "kin" + "12" + " in a sunny meadow by the sea"
    qtbot.keyClicks(screen.new, typed)  # one keystroke at a time
    hints = [text for text, _ in heard]
    assert hints == [
        "Too short: use at least 8 characters. A few unrelated words work well.",
        "Weak: add more words.",
        "Fair: one or two more words would make it stronger.",
        "Strong.",
    ]
    assert len(typed) > 4 * len(hints)  # far fewer than the keystrokes
    assert not any(ch in "".join(hints) for ch in ("kin12", "meadow"))
    screen.clear_content()  # emptied (a lock): nothing to say
    assert len(heard) == len(hints)


def test_the_signature_screens_problem_is_said(
    qtbot: Any, backend: Backend, nav: FakeNavigator, heard: Heard
) -> None:
    screen = SignatureScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    call(qtbot, backend, prepare, False)  # the read-back is not confirmed yet
    nav.current_case = REF
    screen.entered()
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
    # A refusal takes the focus, as every refused submit does: the focus says it.
    qtbot.waitUntil(lambda: screen.message.hasFocus(), timeout=5_000)
    assert "after confirming the read-back" in screen.message.accessibleName()
    assert screen.message.text().startswith("The witness confirms")  # a sentence
