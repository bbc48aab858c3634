"""The workspace shows the vault's state every time it is shown (issue: the room, §1):
a statement corrected at read-back and signed while the workspace was away reopens
signed, read-only, with the corrected text, Export… and Further statement, never the
text and buttons the screen held before; and a further statement starts from there."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.export.pages import confirm_all_pages
from tests.ui.conftest import FakeNavigator, call
from tests.ui.test_workspace import open_workspace
from ui.backend import Backend

SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
TYPED = "It happened in the summer of 1987."
CORRECTED = "It happened in the summer of 1988."


@pytest.fixture
def ref(qtbot: Any, backend: Backend) -> str:
    def prepare(s: Any) -> str:
        case = s.engine.create_case("csa", "CSA-STATE-1", interviewer="Interviewer One")
        s.engine.set_witness(case.id, name="Alex Morgan", age_status="over_18")
        return case.id

    return call(qtbot, backend, prepare)


def corrected_and_signed(s: Any, ref: str) -> None:
    """What the read-back and signature screens do while the workspace is away."""
    e = s.engine
    e.start_readback(ref)
    e.confirm_readback(ref, {"account": CORRECTED})
    confirm_all_pages(e, ref)
    e.sign_statement(ref, SIGNATURE)


def test_a_signed_statement_reopens_signed_with_its_corrected_text(
    qtbot: Any, backend: Backend, nav: FakeNavigator, ref: str
) -> None:
    screen = open_workspace(qtbot, backend, nav, ref)
    qtbot.keyClicks(screen.editor, TYPED)
    qtbot.waitUntil(lambda: screen.saved.text() == "Saved", timeout=15_000)
    assert screen.readback.isVisible() and not screen.export.isVisible()
    # Read-back with a correction, then signing, happen on other screens.
    call(qtbot, backend, lambda s: corrected_and_signed(s, ref))
    screen.entered()  # Back to cases, then Open the same case
    qtbot.waitUntil(lambda: screen.export.isVisible(), timeout=15_000)
    assert not screen.readback.isVisible()
    assert screen.further.isVisible() and screen.decisions.isVisible()
    assert screen.editor.isReadOnly()
    assert screen.editor.toPlainText() == CORRECTED
    assert screen.saved.text() == "Signed: the text can no longer change"
    assert not screen.bar.start.isVisible()  # a signed statement takes no more sittings
    # Typing changes nothing, on screen or in the vault.
    qtbot.keyClicks(screen.editor, " And more.")
    assert screen.editor.toPlainText() == CORRECTED
    stored = call(qtbot, backend, lambda s: {x.id: x.text for x in s.engine.sections(ref)})
    assert stored["account"] == CORRECTED


def test_a_further_statement_is_asked_for_in_one_line_and_started(
    qtbot: Any, backend: Backend, nav: FakeNavigator, ref: str
) -> None:
    call(qtbot, backend, lambda s: s.engine.save_section(ref, "account", TYPED))
    call(qtbot, backend, lambda s: corrected_and_signed(s, ref))
    screen = open_workspace(qtbot, backend, nav, ref)
    qtbot.waitUntil(lambda: screen.further.isVisible(), timeout=15_000)
    qtbot.mouseClick(screen.further, Qt.MouseButton.LeftButton)
    assert screen.further_row.isVisible() and screen.focusWidget() is screen.further_row.no
    qtbot.mouseClick(screen.further_row.no, Qt.MouseButton.LeftButton)
    assert not screen.further_row.isVisible()
    assert call(qtbot, backend, lambda s: s.engine.statement(ref).number) == 1
    qtbot.mouseClick(screen.further, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.further_row.yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.editor.isReadOnly(), timeout=15_000)
    assert call(qtbot, backend, lambda s: s.engine.statement(ref).number) == 2
    assert screen.readback.isVisible() and not screen.export.isVisible()
    assert not screen.further.isVisible() and screen.bar.start.isVisible()
    qtbot.keyClicks(screen.editor, "Something I remembered later.")
    qtbot.waitUntil(lambda: screen.saved.text() == "Saved", timeout=15_000)


def test_back_from_a_pause_keeps_the_section_caret_and_undo(
    qtbot: Any, backend: Backend, nav: FakeNavigator, ref: str
) -> None:
    screen = open_workspace(qtbot, backend, nav, ref)
    screen.section.setCurrentIndex(screen.section.findData("background"))
    qtbot.keyClicks(screen.editor, "We moved house twice.")
    cursor = screen.editor.textCursor()
    cursor.setPosition(3)
    screen.editor.setTextCursor(cursor)
    screen.entered()  # back from the pause screen: reloaded from the vault
    call(qtbot, backend, lambda s: None)
    qtbot.waitUntil(lambda: not screen._loading, timeout=15_000)
    assert screen.section.currentData() == "background"
    assert screen.editor.toPlainText() == "We moved house twice."
    assert screen.editor.textCursor().position() == 3
    assert screen.editor.document().isUndoAvailable()
