"""While paused, the accessibility tree holds the pause screen only (issue #18 §2).

The pause hid the case from the eyes, but the hidden screens stayed in the accessibility
tree, statement, names and notes included, where any assistive technology or AT-SPI client
could read them. Here every field holds a canary; the window is paused from each screen
the interviewer can pause from, and the WHOLE tree (every node, shown or not, from the
application down) is searched. Resuming brings the workspace back as it was. The same is
checked through the real AT-SPI bus in tests/interop/test_atspi.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextCursor
from PySide6.QtWidgets import QApplication

from app.desktop.session import Session
from app.engine.clock import FakeClock
from app.settings import Settings
from tests.conftest import FAST_KDF, PASSPHRASE
from ui.main_window import MainWindow
from ui.widgets.announce import announce

CANARIES = {
    "reference": "CSA-QZREF-9",
    "name": "Qzname Morgan",
    "preferred_name": "Qzpreferred",
    "address": "12 Qzaddress Lane",
    "statement": "It began at the Qzstatement door.",
    "note": "Qznote about the room",
    "timeline": "Qztimeline move",
    "reason": "Qzreason for a break",
}
# Screens an interviewer can pause from with a case open (read-back and signing are
# paused from in tests/interop/test_atspi.py's walk and in test_readback.py).
PAUSABLE = (
    "workspace",
    "cases",
    "new_case",
    "export",
    "settings",
    "identity",
    "outbox",
    "review_inbox",
    "decisions",
)


class StillClock:
    def __call__(self) -> float:
        return 1000.0


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    session = Session(tmp_path / "vault", clock=FakeClock())
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    engine = session.engine
    case = engine.create_case("csa", CANARIES["reference"])
    engine.set_witness(case.id, name=CANARIES["name"], preferred_name=CANARIES["preferred_name"])
    engine.set_restricted(case.id, address=CANARIES["address"])
    engine.save_section(case.id, "account", CANARIES["statement"])
    engine.add_note(case.id, CANARIES["note"])
    engine.add_event(case.id, "1990", CANARIES["timeline"])
    engine.start_sitting(case.id)
    engine.pause_sitting(case.id, reason=CANARIES["reason"])  # an earlier pause, in the record
    engine.resume_sitting(case.id)
    w = MainWindow(
        session, Settings(), idle_clock=StillClock(), settings_path=tmp_path / "settings.json"
    )
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.current_screen == "unlock", timeout=15_000)
    w.unlocked()
    w.go("cases")
    w.open_case(case.id)
    ws = w.screens["workspace"]
    qtbot.waitUntil(lambda: CANARIES["statement"] in ws.editor.toPlainText(), timeout=15_000)
    yield w
    w.shutdown()


def node_texts(iface: QAccessibleInterface) -> list[str]:
    texts = [
        iface.text(kind)
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value)
    ]
    text = iface.textInterface()
    if text is not None:
        texts.append(text.text(0, text.characterCount()))
    return texts


def whole_tree() -> Iterator[tuple[str, str]]:
    """(role, text) for every node the application exposes, shown or not."""
    root = QAccessible.queryAccessibleInterface(QApplication.instance())
    assert root is not None
    pending, seen = [root], 0
    while pending:
        node = pending.pop()
        seen += 1
        assert seen < 50_000, "the tree does not end"
        for text in node_texts(node):
            if text:
                yield node.role().name, text
        pending += [c for i in range(node.childCount()) if (c := node.child(i)) is not None]


def canaries_in_tree() -> list[str]:
    found = []
    for role, text in whole_tree():
        found += [f"{key} in a {role}: {text[:60]!r}" for key, c in CANARIES.items() if c in text]
    return found


def test_the_sweep_finds_case_content_when_not_paused(qtbot: Any, window: MainWindow) -> None:
    # Not vacuous: the walk reaches the workspace's statement and the case's reference.
    found = " ".join(canaries_in_tree())
    assert "statement" in found and "reference" in found


@pytest.mark.parametrize("screen", PAUSABLE)
def test_paused_the_tree_holds_nothing_of_the_case(
    qtbot: Any, window: MainWindow, screen: str
) -> None:
    window.screens["readback"]  # built, as after a read-back, though not shown
    for name in (*PAUSABLE, screen):  # every screen built, whatever was visited
        window.go(name)
    qtbot.wait(50)
    window.pause()
    assert window.current_screen == "pause"
    assert canaries_in_tree() == []
    window.pause()  # F9 again: resume
    qtbot.waitUntil(lambda: window.current_screen == screen, timeout=15_000)


def test_resume_brings_the_workspace_back_as_it_was(qtbot: Any, window: MainWindow) -> None:
    ws = window.screens["workspace"]
    editor = ws.editor
    editor.setFocus()
    qtbot.waitUntil(lambda: editor.hasFocus(), timeout=5_000)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " Unsaved words")
    caret = editor.textCursor().position()
    window.pause()
    assert ws.parent() is not window.stack  # out of the window, not merely hidden
    window.pause()
    qtbot.waitUntil(lambda: window.current_screen == "workspace", timeout=15_000)
    assert ws.parent() is window.stack and ws.isVisible()
    assert editor.toPlainText().endswith("Unsaved words")
    qtbot.waitUntil(lambda: editor.hasFocus(), timeout=5_000)
    assert editor.textCursor().position() == caret


def test_lock_from_the_pause_and_unlock_returns_to_the_pause(
    qtbot: Any, window: MainWindow
) -> None:
    window.pause()
    window.lock()
    assert window.current_screen == "unlock"
    assert canaries_in_tree() == []
    unlock = window.screens["unlock"]
    unlock.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen == "pause", timeout=30_000)
    assert canaries_in_tree() == []
    window.pause()
    qtbot.waitUntil(lambda: window.current_screen == "workspace", timeout=15_000)
    qtbot.waitUntil(
        lambda: CANARIES["statement"] in window.screens["workspace"].editor.toPlainText(),
        timeout=15_000,
    )


def test_the_last_announcement_is_forgotten_on_pause(qtbot: Any, window: MainWindow) -> None:
    announce(window.screens["workspace"].editor, f"Exported {CANARIES['reference']}")
    assert any(CANARIES["reference"] in text for _role, text in whole_tree())
    window.pause()
    assert canaries_in_tree() == []


def test_screens_held_while_paused_end_with_the_window(qtbot: Any, window: MainWindow) -> None:
    workspace = window.screens["workspace"]
    window.pause()
    assert workspace.parent() is not window.stack
    window.shutdown()
    assert workspace.parent() is window.stack  # deleted with the window, timers and all
