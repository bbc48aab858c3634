"""The desktop app syncing with the REAL intake (a throwaway PostgreSQL cluster, the real
TLS server on 127.0.0.1): the sync indicator and the outbox go from offline to sending
to received while the interviewer keeps typing a statement, and every keystroke is
saved, in order.

"Offline" is the intake's address pointing at a closed port of this machine; "online"
is the real intake started and its address set, as an interviewer would in Settings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from app.desktop.session import Session
from app.desktop.sync import case_deliveries, outbox_items, set_intake_address
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.org import org_init
from app.settings import Settings
from intake.db import Database
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.intake.harness import free_tcp_port, running_intake
from tests.ui.conftest import call
from ui.main_window import MainWindow
from ui.screens.outbox import OutboxScreen

SIGNED = "CSA-SYNC-1"
TYPING = "CSA-SYNC-2"
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
WORDS = ("the", "lane", "by", "the", "chapel", "and", "the", "long", "walk", "home")


def interviewer_vault(root: Path, org: Path) -> Session:
    """A vault with the interviewer's identity (its TLS pair included), a signed case
    exported twice with "send" (two items in the outbox) and a draft case to type in."""
    session = Session(root)
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    e = session.engine
    member = org / "interviewer"
    e.import_identity(
        member / "cert.pem",
        member / "key.pem",
        member / "age-identity.txt",
        org / "trust.json",
        auth_cert=member / "auth-cert.pem",
        auth_key=member / "auth-key.pem",
    )
    case = e.create_case("csa", SIGNED, interviewer="Interviewer One")
    e.set_witness(case.id, name="Morgan Ŷwen", date_of_birth="1984-02-29")
    e.start_sitting(case.id, location="Cardiff interview suite")
    e.save_section(case.id, "account", "I remember the lane by the chapel.")
    e.end_sitting(case.id)
    e.confirm_readback(case.id)
    confirm_all_pages(e, case.id)  # the witness confirmed each page
    e.sign_statement(case.id, SIGNATURE)
    for _ in range(2):
        export_case(e, case.id, None, send=True)
    draft = e.create_case("csa", TYPING, interviewer="Interviewer One")
    e.set_witness(draft.id, name="Alex Morgan", age_status="over_18")
    e.start_sitting(draft.id)
    e.save_section(draft.id, "account", "It began in the summer.")
    return session


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org", intake_url=f"https://localhost:{free_tcp_port()}")
    return tmp_path / "org"


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, org: Path) -> Iterator[MainWindow]:
    session = interviewer_vault(tmp_path / "vault", org)
    # Offline: nothing listens on this port of this machine.
    set_intake_address(session, f"https://localhost:{free_tcp_port()}")
    w = MainWindow(session, Settings(), settings_path=tmp_path / "settings.json")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.current_screen == "unlock", timeout=15_000)
    w.unlocked()  # the session is already unlocked; go on as after the unlock screen
    yield w
    w.shutdown()


class Typist:
    """Types a word every 40 ms into the statement and saves after each one, as the
    workspace does after a burst of typing, on the GUI thread's own event loop."""

    def __init__(self, workspace: Any) -> None:
        self.workspace = workspace
        self.typed: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(40)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        word = f" {WORDS[len(self.typed) % len(WORDS)]}{len(self.typed)}"
        editor = self.workspace.editor
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        QTest.keyClicks(editor, word)
        self.typed.append(word)
        self.workspace.flush()


def test_offline_then_online_then_received_while_typing(
    qtbot: Any, window: MainWindow, db: Database, org: Path
) -> None:
    indicator = window.indicator
    shown: list[str] = []
    window.sync.status_changed.connect(lambda status: shown.append(indicator.text()))
    outbox = window.screens["outbox"]
    assert isinstance(outbox, OutboxScreen)
    case_id = call(qtbot, window.backend, lambda s: s.engine.case(TYPING).id)
    window.open_case(case_id)
    workspace: Any = window.screens["workspace"]
    qtbot.waitUntil(lambda: "summer" in workspace.editor.toPlainText(), timeout=15_000)
    assert window.statusBar().isVisible()

    # Offline: both exports wait, calmly; the outbox says why.
    qtbot.waitUntil(lambda: window.sync.status.connection == "offline", timeout=20_000)
    assert indicator.text() == "2 waiting to send — will send when connected"
    window.indicator.click()  # the indicator opens the outbox
    assert window.current_screen == "outbox"
    assert "Not connected" in outbox.connection.text()
    assert [c.state.text() for c in outbox.cards] == ["Waiting to send"] * 2
    assert all("when the laptop is connected" in c.note.text() for c in outbox.cards)
    outbox.back.click()  # back to the statement, where the typing goes on
    assert window.current_screen == "workspace"

    typist = Typist(workspace)
    typist.timer.start()
    try:
        qtbot.waitUntil(lambda: len(typist.typed) >= 5, timeout=10_000)
        with running_intake(db, org) as server:
            # Online: the address is set (as Settings does) and the worker woken.
            call(qtbot, window.backend, set_intake_address, f"https://localhost:{server.port}")
            window.sync.wake()
            typed_before = len(typist.typed)
            qtbot.waitUntil(lambda: indicator.text() == "All sent", timeout=60_000)
            # Typing went on while the bundles went out.
            qtbot.waitUntil(lambda: len(typist.typed) >= typed_before + 5, timeout=10_000)
    finally:
        typist.timer.stop()

    # The indicator went offline → sending → received, in that order.
    waiting = shown.index("2 waiting to send — will send when connected")
    sending = next(i for i, t in enumerate(shown) if t.startswith("Sending "))
    assert waiting < sending < shown.index("All sent")
    assert any(t in ("Sending 1 of 2…", "Sending 2 of 2…") for t in shown)

    # The outbox shows each receipt: who received it, when, and the SHA-256 it vouches for.
    window.go("outbox")
    qtbot.waitUntil(
        lambda: [c.state.text() for c in outbox.cards] == ["Received by the central system"] * 2,
        timeout=10_000,
    )
    assert outbox.connection.text() == "Connected to the central system."
    items = call(qtbot, window.backend, outbox_items)
    assert [i.state for i in items] == ["delivered", "delivered"]
    for card in outbox.cards:
        texts = [label.text() for label in card.findChildren(type(card.state))]
        assert "Intake Service" in texts
        assert any(t.startswith("Signed and checked; SHA-256 ") for t in texts)
        assert card.item.receipt_sha256 == card.item.sha256

    # The case shows where each export went.
    exports = call(qtbot, window.backend, case_deliveries, SIGNED)
    assert [x.delivery.state for x in exports if x.delivery] == ["delivered", "delivered"]
    assert all(x.delivery and x.delivery.intake_name == "Intake Service" for x in exports)

    # Every word typed was saved, in order, while all of this went on.
    workspace.flush()
    expected = "It began in the summer." + "".join(typist.typed)
    assert workspace.editor.toPlainText() == expected

    def saved(s: Session) -> str:
        return next(x.text for x in s.engine.sections(case_id) if x.id == "account")

    qtbot.waitUntil(lambda: call(qtbot, window.backend, saved) == expected, timeout=15_000)


def test_the_network_thread_is_neither_the_gui_nor_the_vault_worker(
    qtbot: Any, window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: window.sync.status.connection == "offline", timeout=20_000)
    network = window.sync.network_thread
    assert network is not None and network.isRunning()
    assert network is not window.backend._thread
    assert network is not window.thread()
    # A lock halts it at once; unlocking starts a new one.
    window.lock()
    assert window.sync.network_thread is None
    assert not window.statusBar().isVisible()
    qtbot.waitUntil(lambda: not network.isRunning(), timeout=25_000)
