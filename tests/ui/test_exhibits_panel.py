"""The exhibits panel beside the statement: the register from the vault, the add form with
the reference suggested from the witness's initials, the core's refusals in words, removal
after a calm (never modal) confirmation, read-only once signed, and nothing left on screen
after a lock."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.desktop.session import Session
from tests.ui.conftest import FakeNavigator, call
from ui.backend import Backend
from ui.screens.workspace import WorkspaceScreen
from ui.widgets.exhibits_panel import ExhibitsPanel

DIARY = b"3 June 1987: the boathouse again.\n"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)


def make_case(session: Session, ref: str) -> None:
    engine = session.engine
    engine.create_case("csa", ref)
    engine.set_witness(ref, name="Rhian Price", date_of_birth="1984-02-29")
    engine.start_sitting(ref, location="Cardiff")
    engine.save_section(ref, "account", "I kept a diary that summer (RP/1).")
    engine.end_sitting(ref)


def sign(session: Session, ref: str) -> None:
    """Signed at the engine's level (the pages' hashes are the engine's to trust)."""
    engine = session.engine
    engine.confirm_readback(ref)
    engine.confirm_page(ref, 1, 1, "0" * 64)
    engine.sign_statement(ref, SVG)


def rows(panel: ExhibitsPanel) -> list[list[str]]:
    table = panel.table
    items = [table.topLevelItem(i) for i in range(table.topLevelItemCount())]
    return [[item.text(c) for c in range(table.columnCount())] for item in items if item]


def panel_for(qtbot: Any, backend: Backend) -> ExhibitsPanel:
    panel = ExhibitsPanel(backend)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_adding_refusing_and_removing(qtbot: Any, backend: Backend, tmp_path: Path) -> None:
    call(qtbot, backend, make_case, "EX-1")
    diary = tmp_path / "diary.txt"
    diary.write_bytes(DIARY)
    panel = panel_for(qtbot, backend)
    panel.show_case("EX-1")
    panel.open_form.click()
    assert panel.form.isVisible()
    qtbot.waitUntil(lambda: panel.reference.text() == "RP/1")
    panel.add.click()  # no description yet: said here, nothing asked of the core
    assert panel.message.text() == "Describe the exhibit in one line."
    panel.description.setText("My diary <b>1987</b>")
    panel.path.setText(str(diary))
    panel.add.click()
    qtbot.waitUntil(lambda: panel.table.topLevelItemCount() == 1)
    assert rows(panel) == [["RP/1", "My diary <b>1987</b>", "diary.txt", "34 bytes"]]
    assert not panel.form.isVisible() and panel.message.text() == "Added to the register."

    panel.open_form.click()
    qtbot.waitUntil(lambda: panel.reference.text() == "RP/2")
    panel.reference.setText("rp/2")
    panel.description.setText("A letter")
    panel.add.click()
    qtbot.waitUntil(lambda: "initials in capitals" in panel.message.text())
    assert panel.message.text().startswith("The exhibit reference must be the producer's")
    assert panel.form.isVisible() and panel.table.topLevelItemCount() == 1
    panel.reference.setText("RP/2")
    panel.path.setText(str(tmp_path / "missing.pdf"))
    panel.add.click()
    qtbot.waitUntil(lambda: "cannot read" in panel.message.text().lower())
    os.mkfifo(tmp_path / "pipe")  # opening it would wait for a writer: never opened
    panel.path.setText(str(tmp_path / "pipe"))
    panel.add.click()
    qtbot.waitUntil(lambda: "not an ordinary file" in panel.message.text().lower())
    panel.path.clear()
    panel.add.click()
    qtbot.waitUntil(lambda: panel.table.topLevelItemCount() == 2)
    assert rows(panel)[1] == ["RP/2", "A letter", "No file", ""]

    assert not panel.remove.isEnabled()
    first = panel.table.topLevelItem(0)
    assert first is not None
    panel.table.setCurrentItem(first)
    assert panel.remove.isEnabled()
    panel.remove.click()
    assert panel.confirm.isVisible() and "Remove RP/1 from the register?" in (
        panel.confirm_text.text()
    )
    panel.keep.click()
    assert not panel.confirm.isVisible()
    panel.remove.click()
    panel.confirm_remove.click()
    qtbot.waitUntil(lambda: panel.table.topLevelItemCount() == 1)
    assert rows(panel)[0][0] == "RP/2"
    assert panel.message.text() == "Removed from the register."
    stored = call(qtbot, backend, lambda s: s.engine.exhibits("EX-1"))
    assert [e.reference for e in stored] == ["RP/2"]
    assert call(qtbot, backend, lambda s: s.engine.next_exhibit_reference("EX-1")) == "RP/3"


def test_read_only_once_signed(qtbot: Any, backend: Backend) -> None:
    call(qtbot, backend, make_case, "EX-2")
    call(qtbot, backend, lambda s: s.engine.add_exhibit("EX-2", "RP/1", "My diary"))
    call(qtbot, backend, sign, "EX-2")
    panel = panel_for(qtbot, backend)
    panel.show_case("EX-2")
    qtbot.waitUntil(lambda: panel.signed_note.isVisible())
    assert rows(panel) == [["RP/1", "My diary", "No file", ""]]
    assert not panel.open_form.isVisible() and not panel.remove.isVisible()


def test_the_workspace_shows_the_register_and_forgets_it_on_lock(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    call(qtbot, backend, make_case, "EX-3")
    call(qtbot, backend, lambda s: s.engine.add_exhibit("EX-3", "RP/1", "My diary"))
    screen = WorkspaceScreen(backend, nav)
    qtbot.addWidget(screen)
    tabs = [screen.side.tabText(i) for i in range(screen.side.count())]
    assert "Exhibits" in tabs
    nav.current_case = "EX-3"
    screen.entered()
    qtbot.waitUntil(lambda: screen.exhibits.table.topLevelItemCount() == 1)
    screen.clear_content()
    assert screen.exhibits.table.topLevelItemCount() == 0
    # A late answer for the cleared case is dropped.
    screen.exhibits.show_case("EX-3")
    screen.exhibits.clear()
    call(qtbot, backend, lambda s: None)  # the worker has answered everything before
    assert screen.exhibits.table.topLevelItemCount() == 0
