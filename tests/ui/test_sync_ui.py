"""Sync in the desktop app without an intake: the network worker's thread and how it
survives a failure, the indicator's words, the outbox (a refusal and "Try again"), the
intake's address in Settings, and exporting with "Send to the central system".

Against the real intake: tests/intake/test_sync_desktop.py.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from app.desktop.session import Session
from app.desktop.sync import (
    Delivery,
    PassReport,
    SyncStatus,
    outbox_items,
    with_error,
    with_item_event,
    with_items,
    with_progress,
    with_report,
)
from app.errors import Phrase
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.org import org_init
from app.settings import Settings
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.intake.harness import free_tcp_port
from tests.ui.conftest import FakeNavigator, call, visible_texts
from ui.backend import Backend
from ui.main_window import MainWindow
from ui.screens.bundles import ExportScreen
from ui.screens.decisions import DecisionsScreen
from ui.screens.outbox import OutboxScreen
from ui.screens.settings_screen import SettingsScreen
from ui.sync_worker import SyncWorker
from ui.widgets.sync_indicator import describe

SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
REF = "APSP-SYNC-1"


class Nav(FakeNavigator):
    previous_screen: str | None = "workspace"


@pytest.fixture
def nav() -> Nav:
    return Nav()


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org", intake_url="https://intake.example.org:8443")
    return tmp_path / "org"


def member_of(session: Session, org: Path) -> None:
    member = org / "interviewer"
    session.engine.import_identity(
        member / "cert.pem",
        member / "key.pem",
        member / "age-identity.txt",
        org / "trust.json",
        auth_cert=member / "auth-cert.pem",
        auth_key=member / "auth-key.pem",
    )


def signed_case(session: Session) -> str:
    e = session.engine
    case = e.create_case("apsp", REF, interviewer="Interviewer One")
    e.set_witness(case.id, name="Dana Price", age_status="over_18")
    e.save_section(case.id, "account", "He sent messages late at night.")
    e.confirm_readback(case.id)
    confirm_all_pages(e, case.id)  # the witness confirmed each page
    e.sign_statement(case.id, SIGNATURE)
    return case.id


def item(state: str, item_id: str = "a", **kw: Any) -> Delivery:
    values: dict[str, Any] = {
        "item_id": item_id,
        "kind": "bundle",
        "reference": REF,
        "state": state,
        "bytes_sent": 0,
        "size": 1000,
        "queued": "2026-12-07T03:00:00.000000Z",
        "attempts": 0,
        "next_attempt": None,
        "last_error": None,
        "reason_code": None,
        "reason": None,
        "delivered": None,
        "received": None,
        "intake_name": None,
        "receipt_sha256": None,
        "sha256": "ab" * 32,
    }
    values.update(kw)
    return Delivery(**values)


# --- the indicator's words --------------------------------------------------------------------


def test_the_indicator_says_where_things_stand_in_plain_words(qapp: Any) -> None:
    empty = with_items(SyncStatus(), [])
    assert describe(empty)[0] == "Nothing to send"
    two = with_items(SyncStatus(), [item("queued", "a"), item("queued", "b")])
    offline = with_report(two, {"reached": False, "unreachable": "connect"})
    assert describe(offline)[0] == "2 waiting to send — will send when connected"
    # The pass names an item before it connects: offline, that is not "sending".
    trying = with_progress(offline, "a", 0, 1000)
    assert describe(trying)[0] == "2 waiting to send — will send when connected"
    # Bytes taken by the intake: it is there, and the first of two is going.
    going = with_progress(trying, "a", 500, 1000)
    assert describe(going)[0] == "Sending 1 of 2…"
    first = with_items(
        with_item_event(going, {"id": "a", "state": "delivered"}),
        [item("delivered", "a"), item("queued", "b")],
    )
    assert describe(with_progress(first, "b", 0, 1000))[0] == "Sending 2 of 2…"
    done = with_report(
        with_items(first, [item("delivered", "a"), item("delivered", "b")]), {"reached": True}
    )
    assert describe(done)[0] == "All sent"
    refused = with_items(done, [item("delivered", "a"), item("refused", "b")])
    assert describe(refused)[0] == "1 not accepted — see Outbox"
    both = with_items(done, [item("queued", "a"), item("refused", "b")])
    assert describe(both)[0] == "1 waiting to send, 1 not accepted — see Outbox"
    unset = with_error(two, Phrase("sync.not_configured", "no intake address is set"))
    assert describe(unset)[0] == "2 waiting to send — sending is not set up yet"
    for status in (offline, going, done, refused, unset):
        text, description = describe(status)
        assert REF not in text and REF not in description  # never a case on the status bar
        assert description.endswith("Opens the outbox.")


# --- the network worker -------------------------------------------------------------------------


@pytest.fixture
def worker_for(session: Session, qtbot: Any) -> Iterator[Callable[..., SyncWorker]]:
    made: list[SyncWorker] = []

    def make(pass_fn: Callable[[], PassReport]) -> SyncWorker:
        worker = SyncWorker(session, pass_factory=lambda s, stop, on_event: pass_fn)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        assert worker.stop(10_000)


def test_a_failure_that_is_not_the_cores_does_not_end_the_worker(
    qtbot: Any, worker_for: Callable[..., SyncWorker], backend: Backend, caplog: Any
) -> None:
    threads: list[QThread] = []
    calls: list[int] = []

    def flaky() -> PassReport:
        threads.append(QThread.currentThread())
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("CANARY-case-text-in-an-exception")
        return PassReport(reached=True)

    worker = worker_for(flaky)
    caplog.set_level(logging.ERROR, logger="quietroom.ui")
    worker.start()
    qtbot.waitUntil(lambda: worker.status.connection == "failed", timeout=10_000)
    assert worker.status.problem is not None
    assert worker.status.problem.code == "internal.unexpected"
    assert "RuntimeError" in caplog.text and "CANARY" not in caplog.text
    assert worker.running
    worker.wake()
    qtbot.waitUntil(lambda: worker.status.connection == "reached", timeout=10_000)
    # Every pass ran on the network thread: not the GUI thread, not the vault worker.
    assert len(threads) >= 2
    assert all(t is worker.network_thread for t in threads)
    gui = QApplication.instance().thread()  # type: ignore[union-attr]
    assert all(t is not gui and t is not backend._thread for t in threads)


def test_a_slow_pass_blocks_neither_the_gui_nor_typing_saves(
    qtbot: Any, worker_for: Callable[..., SyncWorker], backend: Backend
) -> None:
    entered, release = threading.Event(), threading.Event()

    def slow() -> PassReport:
        entered.set()
        release.wait(20)  # a request that takes its time
        return PassReport(reached=True)

    worker = worker_for(slow)
    case_id = call(qtbot, backend, lambda s: s.engine.create_case("csa", "CSA-SLOW-1").id)
    worker.start()
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        for n in range(5):  # typing saves go through while the pass is in flight
            text = "It began. " * (n + 1)
            call(qtbot, backend, lambda s, t=text: s.engine.save_section(case_id, "account", t))
        qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=5_000)
        assert not release.is_set() and worker.status.connection != "reached"
    finally:
        timer.stop()
        release.set()
    qtbot.waitUntil(lambda: worker.status.connection == "reached", timeout=10_000)


def test_locked_the_worker_halts_and_unlocked_it_starts_again(
    qtbot: Any, tmp_path: Path, org: Path
) -> None:
    session = Session(tmp_path / "vault")
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    member_of(session, org)
    # Nothing listens there: the passes stay on this machine, and find nobody.
    session.engine.set_sync_url(f"https://localhost:{free_tcp_port()}")
    window = MainWindow(session, Settings(), settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.current_screen == "unlock", timeout=15_000)
        window.unlocked()
        assert window.sync.running and window.statusBar().isVisible()
        qtbot.waitUntil(lambda: window.sync.status.known, timeout=15_000)
        assert window.indicator.text() == "Nothing to send"
        window.pause()
        assert not window.statusBar().isVisible()  # the survivor may be looking
        window.resume()
        qtbot.waitUntil(lambda: window.statusBar().isVisible(), timeout=5_000)
        window.lock()
        assert not window.sync.running and not window.statusBar().isVisible()
        qtbot.waitUntil(lambda: not session.unlocked, timeout=15_000)
        call(qtbot, window.backend, lambda s: s.unlock(PASSPHRASE))
        window.unlocked()
        assert window.sync.running and window.statusBar().isVisible()
        window.indicator.click()
        assert window.current_screen == "outbox"
        window.screens["outbox"].back.click()  # type: ignore[attr-defined]
        assert window.current_screen == "cases"
        # The indicator speaks the interface's language, as soon as it is chosen.
        window.apply_settings(Settings(language="cy"))
        try:
            assert window.indicator.text() == "Dim byd i'w anfon"
            assert window.indicator.accessibleDescription().endswith("Yn agor y blwch allan.")
        finally:
            window.apply_settings(Settings(language="en"))
        assert window.indicator.text() == "Nothing to send"
    finally:
        window.shutdown()


# --- the outbox -----------------------------------------------------------------------------------


def test_a_refusal_shows_the_intakes_reason_as_plain_text_and_can_be_tried_again(
    qtbot: Any, backend: Backend, nav: Nav, session: Session, org: Path
) -> None:
    member_of(session, org)
    signed_case(session)
    made = export_case(session.engine, REF, None, send=True)
    session.engine.outbox_refused(made.bundle_id, "intake.bad", "<b>not</b> for this intake")
    screen = OutboxScreen(backend, nav)
    qtbot.addWidget(screen)
    wakes: list[int] = []
    screen.sync_requested.connect(lambda: wakes.append(1))
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: len(screen.cards) == 1, timeout=15_000)
    card = screen.cards[0]
    assert card.state.text() == "Not accepted by the central system"
    assert card.heading.text() == f"{REF} — Statement bundle"
    reasons = [lab for lab in card.findChildren(QLabel) if "<b>" in lab.text()]
    assert reasons and all(lab.textFormat().name == "PlainText" for lab in reasons)
    assert card.retry_button is not None
    card.retry_button.click()
    qtbot.waitUntil(lambda: screen.cards and screen.cards[0].item.state == "queued", timeout=15_000)
    assert wakes == [1]
    assert "Queued again" in screen.message.text()
    assert [i.state for i in call(qtbot, backend, outbox_items)] == ["queued"]
    screen.clear_content()
    assert screen.cards == [] and REF not in " ".join(visible_texts(screen))


# --- the intake's address in Settings -----------------------------------------------------------


def test_the_intakes_address_is_kept_in_the_vault(
    qtbot: Any, backend: Backend, nav: Nav, session: Session, org: Path
) -> None:
    member_of(session, org)
    screen = SettingsScreen(backend, nav)
    qtbot.addWidget(screen)
    wakes: list[int] = []
    screen.sync_requested.connect(lambda: wakes.append(1))
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: "intake.example.org" in screen.intake.placeholderText(), timeout=15_000)
    assert screen.intake.text() == ""
    screen.intake.setText("http://intake.example.org")  # not https
    screen.save()
    qtbot.waitUntil(lambda: "is not an intake address" in screen.message.text(), timeout=15_000)
    assert session.engine.sync_url() is None and wakes == []
    screen.intake.setText(" https://other.example.org:9443/ ")
    screen.save()
    qtbot.waitUntil(lambda: wakes == [1], timeout=15_000)
    assert session.engine.sync_url() == "https://other.example.org:9443"
    assert screen.intake.text() == "https://other.example.org:9443"
    screen.intake.clear()
    screen.save()
    qtbot.waitUntil(lambda: wakes == [1, 1], timeout=15_000)
    assert session.engine.sync_url() is None
    screen.clear_content()
    assert screen.intake.placeholderText() == ""


# --- exporting with "send" ----------------------------------------------------------------------


def test_export_sent_to_the_central_system_needs_no_file(
    qtbot: Any, backend: Backend, nav: Nav, session: Session, org: Path, tmp_path: Path
) -> None:
    member_of(session, org)
    nav.current_case = signed_case(session)
    screen = ExportScreen(backend, nav)
    qtbot.addWidget(screen)
    wakes: list[int] = []
    screen.sync_requested.connect(lambda: wakes.append(1))
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.send.isVisible(), timeout=15_000)
    assert screen.send.isChecked() and screen.path.text() == ""
    screen.export.click()
    qtbot.waitUntil(lambda: "Every check passed" in screen.message.text(), timeout=30_000)
    assert "outbox" in screen.message.text() and wakes == [1]
    report = screen.report.toPlainText().splitlines()
    assert len(report) >= 11 and all(line.startswith("ok  ") for line in report)
    [queued] = call(qtbot, backend, outbox_items)
    assert (queued.state, queued.reference) == ("queued", REF)
    assert list(tmp_path.glob("*.qrb")) == []
    # Without sending, a file is needed again (and offered).
    screen.send.setChecked(False)
    assert screen.path.text().endswith(f"{REF}.qrb")
    screen.path.clear()
    screen.export.click()
    assert screen.message.text() == "Choose where to save the bundle."


# --- the case's deliveries ------------------------------------------------------------------------


def test_the_case_shows_where_each_export_went(
    qtbot: Any, backend: Backend, nav: Nav, session: Session, org: Path, tmp_path: Path
) -> None:
    member_of(session, org)
    nav.current_case = signed_case(session)
    export_case(session.engine, REF, tmp_path / "copy.qrb")  # a file only
    sent = export_case(session.engine, REF, None, send=True)
    receipt = {"received": "2026-12-07T09:38:30.947799Z", "intake": {"name": "Intake <i>One</i>"}}
    session.engine.outbox_delivered(sent.bundle_id, json.dumps(receipt).encode(), b"sig")
    screen = DecisionsScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: len(screen.deliveries.labels) == 2, timeout=15_000)
    first, second = (label.text() for label in screen.deliveries.labels)
    assert first.startswith("Export 1, ") and "saved to a file only" in first
    assert (
        second.startswith("Export 2, ") and "received by Intake <i>One</i> on 7 Dec 2026" in second
    )
    assert all(lab.textFormat().name == "PlainText" for lab in screen.deliveries.labels)
    screen.clear_content()
    assert screen.deliveries.labels == [] and not screen.deliveries.isVisible()
