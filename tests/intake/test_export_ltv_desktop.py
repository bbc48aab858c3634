"""The desktop export with the REAL intake reachable (a throwaway PostgreSQL cluster, the
real TLS server on 127.0.0.1, behind a proxy that holds each answer for a while, as a
slow network would): the statement comes out PAdES B-LT, and while the time-stamp is on
its way the GUI keeps running and the vault worker keeps answering, because the network
step runs on the network worker, not in the vault worker's queue. Offline, the export
screen says the statement has no time-stamp."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from app.desktop.session import Session
from app.desktop.sync import set_intake_address
from app.export.pages import confirm_all_pages
from app.org import org_init
from app.settings import Settings
from intake.db import Database
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.intake.faultproxy import FaultProxy, delay
from tests.intake.harness import free_tcp_port, running_intake
from tests.ui.conftest import call
from ui.main_window import MainWindow
from ui.screens.bundles import ExportScreen

CASE = "CSA-LTV-1"
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
HELD_SECONDS = 2.0  # the proxy holds each connection's first answer this long


def interviewer_vault(root: Path, org: Path) -> tuple[Session, str]:
    """A vault with the interviewer's identity (its TLS pair included) and a signed case."""
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
    case = e.create_case("csa", CASE, interviewer="Interviewer One")
    e.set_witness(case.id, name="Morgan Ŷwen", date_of_birth="1984-02-29")
    e.start_sitting(case.id, location="Cardiff interview suite")
    e.save_section(case.id, "account", "I remember the lane by the chapel.")
    e.end_sitting(case.id)
    e.confirm_readback(case.id)
    confirm_all_pages(e, case.id)  # the witness confirmed each page
    e.sign_statement(case.id, SIGNATURE)
    return session, case.id


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org", intake_url=f"https://localhost:{free_tcp_port()}")
    return tmp_path / "org"


@pytest.fixture
def opened(qtbot: Any, tmp_path: Path, org: Path) -> Iterator[tuple[MainWindow, str]]:
    session, case_id = interviewer_vault(tmp_path / "vault", org)
    set_intake_address(session, f"https://localhost:{free_tcp_port()}")  # offline for now
    w = MainWindow(session, Settings(), settings_path=tmp_path / "settings.json")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.current_screen == "unlock", timeout=15_000)
    w.unlocked()  # the session is already unlocked; go on as after the unlock screen
    yield w, case_id
    w.shutdown()


def export_screen(qtbot: Any, window: MainWindow, case_id: str, out: Path) -> ExportScreen:
    window.open_case(case_id)
    window.go("export")
    screen = window.screens["export"]
    assert isinstance(screen, ExportScreen)
    qtbot.waitUntil(lambda: screen.recipients.count() == 2, timeout=15_000)
    screen.send.setChecked(False)  # a file only: the export itself is what is watched
    screen.path.setText(str(out))
    return screen


class Ticker:
    """Counts the GUI thread's timer ticks: they stop if anything blocks that thread."""

    def __init__(self) -> None:
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        self.ticks += 1


def test_export_with_the_intake_reachable_is_b_lt_and_nothing_waits_for_it(
    qtbot: Any, opened: tuple[MainWindow, str], db: Database, org: Path, tmp_path: Path
) -> None:
    window, case_id = opened
    out = tmp_path / "statement.qrb"
    with running_intake(db, org) as server, FaultProxy(server.port) as link:
        link.set(delay(HELD_SECONDS))
        call(qtbot, window.backend, set_intake_address, link.url)
        screen = export_screen(qtbot, window, case_id, out)
        ticker = Ticker()
        ticker.timer.start()
        try:
            screen.export.click()
            assert not screen.export.isEnabled()  # one export at a time
            qtbot.waitUntil(
                lambda: screen.message.text() == "Asking the central system for a time-stamp…",
                timeout=20_000,
            )
            ticks_then = ticker.ticks
            # The vault worker answers while the time-stamp is still on its way...
            reference = call(qtbot, window.backend, lambda s: s.engine.case(case_id).reference)
            assert reference == CASE
            assert screen.message.text() == "Asking the central system for a time-stamp…"
            # ... and the GUI thread keeps running (its timer goes on ticking).
            qtbot.waitUntil(lambda: ticker.ticks >= ticks_then + 10, timeout=5_000)
            assert screen.message.text() == "Asking the central system for a time-stamp…"
            qtbot.waitUntil(lambda: "Every check passed." in screen.message.text(), timeout=60_000)
        finally:
            ticker.timer.stop()
        assert link.faults["delay"] >= 1  # the network step really went through the proxy
    message = screen.message.text()
    assert "time-stamped by the central system" in message and "(PAdES B-LT)" in message
    report = screen.report.toPlainText()
    assert "ok    statement PDF signature: valid: PAdES B-LT, time-stamped" in report
    assert all(line.startswith("ok  ") for line in report.splitlines())
    assert screen.export.isEnabled()
    assert out.is_file()


def test_an_offline_export_says_it_has_no_time_stamp(
    qtbot: Any, opened: tuple[MainWindow, str], tmp_path: Path
) -> None:
    window, case_id = opened
    out = tmp_path / "offline.qrb"
    screen = export_screen(qtbot, window, case_id, out)
    screen.export.click()
    qtbot.waitUntil(lambda: "Every check passed." in screen.message.text(), timeout=60_000)
    assert "could not be reached" in screen.message.text()
    assert "(PAdES B-B)" in screen.message.text()
    assert "PAdES B-B, not time-stamped" in screen.report.toPlainText()
    assert out.is_file()
