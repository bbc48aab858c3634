"""In the app, as a supervisor: the review inbox (opening a bundle, once; a failing one
shown as its checks and nothing else, nothing kept) and the reading view (the signed PDF
page by page from memory, zoom, the record beside it, restricted details only on
request, nothing written to disk, everything dropped on leaving or locking)."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.desktop.review import inbox, open_bundle_for_review
from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.engine.models import Participant
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.org import org_init
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, snapshot
from tests.ui.conftest import FakeNavigator, call, visible_texts
from ui.backend import Backend
from ui.screens.cases import CaseListScreen
from ui.screens.review_inbox import ReviewInboxScreen
from ui.screens.review_reading import ReviewReadingScreen

REFERENCE = "CSA-CANARY-REF-31"
WITNESS = "Canary Witness-Ŷwen"
ADDRESS = "CANARY-addr-12-Heol-y-Nant"
PHONE = "CANARY-07700-900123"
WORDS = "CANARY-WORDS-in-the-statement"
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
RECEIVED = re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$")


@dataclass(frozen=True)
class Bundles:
    good: Path
    to_intake_only: Path  # encrypted to the author and the intake, not the supervisor
    damaged: Path  # one byte flipped


def build_review_case(root: Path, org: Path) -> Engine:
    """tests/interop/test_export_bundle.py's build_case, with what a reviewer reads beside
    the statement: an ISVA present, a pause the witness asked for, a timeline event."""
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=1))
    vault = Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    engine = Engine(vault, clock=clock)
    member = org / "interviewer"
    engine.import_identity(
        member / "cert.pem", member / "key.pem", member / "age-identity.txt", org / "trust.json"
    )
    case = engine.create_case("csa", REFERENCE, interviewer="Interviewer One")
    engine.set_witness(case.id, name=WITNESS, age_status="over_18")
    engine.set_restricted(case.id, address=ADDRESS, phone=PHONE)
    present = [Participant("interviewer", "Interviewer One"), Participant("isva", "Sam Lewis")]
    engine.start_sitting(case.id, present, "Cardiff interview suite")
    body = "\n".join(
        f"Paragraph {i}: I remember the lane by the chapel and the long walk home in the "
        "dark, and what he said at the gate."
        for i in range(60)
    )
    engine.save_section(case.id, "account", f"{WORDS}\n{body}")
    clock.advance(minutes=20)
    engine.pause_sitting(case.id, "witness", "needed some air")
    clock.advance(minutes=10)
    engine.resume_sitting(case.id)
    clock.advance(minutes=15)
    engine.end_sitting(case.id)
    engine.add_event(case.id, "summer 1998", "we moved to the farm")
    engine.confirm_readback(case.id)
    confirm_all_pages(engine, case.id)  # the witness confirmed each page
    engine.sign_statement(case.id, SIGNATURE)
    return engine


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org")
    return tmp_path / "org"


@pytest.fixture
def bundles(tmp_path: Path, org: Path) -> Bundles:
    engine = build_review_case(tmp_path / "interviewer", org)
    try:
        good = tmp_path / "statement.qrb"
        export_case(engine, REFERENCE, good)
        other = tmp_path / "for-intake.qrb"
        export_case(engine, REFERENCE, other, ["Intake Service"])
    finally:
        engine.vault.close()
    damaged = tmp_path / "damaged.qrb"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    return Bundles(good, other, damaged)


def import_member(qtbot: Any, backend: Backend, org: Path, member: str) -> None:
    folder = org / member
    call(
        qtbot,
        backend,
        lambda s: s.engine.import_identity(
            folder / "cert.pem",
            folder / "key.pem",
            folder / "age-identity.txt",
            org / "trust.json",
        ),
    )


@pytest.fixture
def supervisor(qtbot: Any, backend: Backend, org: Path) -> Backend:
    """The test's vault, holding the supervisor's identity and the trust file."""
    import_member(qtbot, backend, org, "supervisor")
    return backend


def make_inbox(qtbot: Any, backend: Backend, nav: FakeNavigator) -> ReviewInboxScreen:
    screen = ReviewInboxScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: backend.pending == 0, timeout=15_000)
    return screen


def opened_review(qtbot: Any, backend: Backend, bundle: Path) -> str:
    opened = call(qtbot, backend, open_bundle_for_review, bundle)
    assert opened.review is not None, [c.line() for c in opened.report.checks]
    return str(opened.review.id)


def row(screen: ReviewInboxScreen, index: int) -> list[str]:
    item = screen.tree.topLevelItem(index)
    return [item.text(column) for column in range(screen.tree.columnCount())]


def all_texts(root: QWidget) -> list[str]:
    """Every label's and list item's text under root, shown or not."""
    from PySide6.QtWidgets import QListWidget

    texts = [label.text() for label in root.findChildren(QLabel)]
    for widget in root.findChildren(QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    return texts


# --- the inbox -------------------------------------------------------------------------------


def test_the_inbox_lists_an_opened_bundle_once(
    qtbot: Any, supervisor: Backend, nav: FakeNavigator, bundles: Bundles
) -> None:
    screen = make_inbox(qtbot, supervisor, nav)
    assert screen.tree.topLevelItemCount() == 0
    assert screen.empty.isVisible()
    screen.open_path(bundles.good)
    qtbot.waitUntil(lambda: screen.tree.topLevelItemCount() == 1, timeout=20_000)
    assert "now in your reviews" in screen.message.text()
    reference, category, interviewer, received, state = row(screen, 0)
    assert (reference, category, interviewer, state) == (
        REFERENCE,
        "CSA",
        "Interviewer One",
        "To review",
    )
    assert RECEIVED.match(received), received
    assert not screen.empty.isVisible() and not screen.report.isVisible()
    first = screen.current_review()

    # The same bundle again: found, selected, not stored twice.
    screen.tree.clearSelection()
    screen.open_path(bundles.good)
    qtbot.waitUntil(lambda: "already in your reviews" in screen.message.text(), timeout=20_000)
    qtbot.waitUntil(lambda: supervisor.pending == 0, timeout=15_000)
    assert screen.tree.topLevelItemCount() == 1
    assert screen.current_review() == first
    assert len(call(qtbot, supervisor, inbox)) == 1

    # Enter on the list opens the reading view for that review.
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_Return)
    assert nav.calls[-1] == ("open_review", first)
    assert nav.current_review == first

    screen.clear_content()  # the vault locked
    assert screen.tree.topLevelItemCount() == 0 and not screen.message.isVisible()
    assert REFERENCE not in "\n".join(visible_texts(screen))


@pytest.mark.parametrize(
    ("which", "why"),
    [("damaged", "does not decrypt|altered|damaged"), ("to_intake_only", "not .*recipient")],
)
def test_a_failing_bundle_shows_its_checks_and_nothing_of_it(
    qtbot: Any,
    supervisor: Backend,
    nav: FakeNavigator,
    bundles: Bundles,
    which: str,
    why: str,
) -> None:
    screen = make_inbox(qtbot, supervisor, nav)
    screen.open_path(getattr(bundles, which))
    qtbot.waitUntil(lambda: screen.report.isVisible(), timeout=20_000)
    lines = [screen.checks.item(i).text() for i in range(screen.checks.count())]
    assert lines and lines[0].startswith("Did not pass: Opening it with your key\n")
    assert re.search(why, lines[0]), lines
    assert (
        "did not pass its checks (Opening it with your key), so nothing of it was kept"
        in screen.message.text()
    )
    shown = "\n".join(visible_texts(screen))
    for canary in (REFERENCE, WITNESS, ADDRESS, PHONE, WORDS, "Interviewer One"):
        assert canary not in shown
    assert screen.tree.topLevelItemCount() == 0
    assert call(qtbot, supervisor, inbox) == []  # nothing of it was kept
    screen.dismiss.click()
    assert not screen.report.isVisible() and screen.checks.count() == 0


def test_a_bundle_dropped_on_the_inbox_is_opened(
    qtbot: Any, supervisor: Backend, nav: FakeNavigator, bundles: Bundles, tmp_path: Path
) -> None:
    screen = make_inbox(qtbot, supervisor, nav)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    refused = QDragEnterEvent(
        QPointF(10, 10).toPoint(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    screen.dragEnterEvent(refused)
    assert not refused.isAccepted()  # only a .qrb file is taken
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(bundles.good))])
    enter = QDragEnterEvent(
        QPointF(10, 10).toPoint(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    screen.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    screen.dropEvent(drop)
    qtbot.waitUntil(lambda: screen.tree.topLevelItemCount() == 1, timeout=20_000)
    assert row(screen, 0)[0] == REFERENCE


def test_the_reviews_button_is_for_supervisors_only(
    qtbot: Any, backend: Backend, nav: FakeNavigator, org: Path
) -> None:
    import_member(qtbot, backend, org, "interviewer")
    screen = CaseListScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: backend.pending == 0, timeout=15_000)
    assert not screen.reviews_button.isVisible()
    import_member(qtbot, backend, org, "supervisor")
    screen.entered()
    qtbot.waitUntil(lambda: screen.reviews_button.isVisible(), timeout=15_000)
    screen.reviews_button.click()
    assert nav.calls[-1] == ("go", "review_inbox")
    screen.clear_content()
    assert not screen.reviews_button.isVisible()


# --- the reading view ------------------------------------------------------------------------


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR for this test alone, so that "nothing was written there" can be checked."""
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def make_reader(
    qtbot: Any, backend: Backend, nav: FakeNavigator, review_id: str
) -> ReviewReadingScreen:
    nav.current_review = review_id
    screen = ReviewReadingScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.pages.has_page(), timeout=20_000)
    qtbot.waitUntil(lambda: backend.pending == 0, timeout=15_000)
    return screen


def test_reading_pages_zoom_and_the_record_beside_them(
    qtbot: Any,
    supervisor: Backend,
    nav: FakeNavigator,
    bundles: Bundles,
    private_tmp: Path,
    vault_dir: Path,
) -> None:
    review_id = opened_review(qtbot, supervisor, bundles.good)
    before_tmp, before_vault = set(snapshot(private_tmp)), set(snapshot(vault_dir))
    screen = make_reader(qtbot, supervisor, nav, review_id)
    pages = screen.pages
    count = pages.count
    assert count >= 2
    assert pages.position.text() == f"Page 1 of {count}"
    assert screen.title.text() == REFERENCE
    assert not pages.previous.isEnabled() and pages.next.isEnabled()

    pages.next.click()
    assert pages.position.text() == f"Page 2 of {count}"
    qtbot.waitUntil(lambda: pages._shown is not None and pages._shown[0] == 1, timeout=15_000)

    # Zoom: the page is drawn again, wider, then narrower (Ctrl+Minus), then fitted.
    fitted = pages.page_pixels_width()
    assert pages.is_fit_width() and fitted > 0
    pages.zoom_in_button.click()
    qtbot.waitUntil(lambda: pages.page_pixels_width() > fitted, timeout=15_000)
    assert not pages.is_fit_width()
    wider = pages.page_pixels_width()
    pages.view.setFocus()
    qtbot.keyClick(pages.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: 0 < pages.page_pixels_width() < wider, timeout=15_000)
    qtbot.keyClick(pages.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pages.page_pixels_width() == fitted, timeout=15_000)
    assert pages.is_fit_width()

    # Keys on the page: End and Home turn to the last and the first page.
    qtbot.keyClick(pages.view, Qt.Key.Key_End)
    assert pages.position.text() == f"Page {count} of {count}"
    qtbot.keyClick(pages.view, Qt.Key.Key_Home)
    assert pages.position.text() == f"Page 1 of {count}"
    qtbot.waitUntil(lambda: pages._shown is not None and pages._shown[0] == 0, timeout=15_000)
    # Page Down scrolls through the page first, then turns to the next one.
    bar = pages.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == 0, timeout=5_000)
    qtbot.keyClick(pages.view, Qt.Key.Key_PageDown)
    assert bar.value() > 0 and pages.index == 0
    for _ in range(20):
        if pages.index == 1:
            break
        qtbot.keyClick(pages.view, Qt.Key.Key_PageDown)
    assert pages.position.text() == f"Page 2 of {count}"
    qtbot.keyClick(pages.view, Qt.Key.Key_PageUp)  # at the top: back to the previous page
    assert pages.position.text() == f"Page 1 of {count}"

    # Beside the pages: the sitting, who was present, the pause and why.
    record = screen.record.texts()
    assert "Sitting 1, at Cardiff interview suite" in record
    assert "Present: Sam Lewis, ISVA (outside the evidential chain)" in record
    assert "Present: Interviewer One, interviewer" in record
    pause = next(t for t in record if t.startswith("Pause 1:"))
    assert "asked for by the witness" in pause and "(10 min)" in pause
    assert pause.endswith("Reason: needed some air")
    assert "Active time: 35 min" in record
    assert any("summer 1998" in t and "we moved to the farm" in t for t in record)
    assert "Corrections made at read-back: 0" in record
    checks = [screen.checks.item(i).text() for i in range(screen.checks.count())]
    assert len(checks) >= 10 and all(t.startswith("Passed: ") for t in checks)
    assert any(t.startswith("Passed: Nothing was altered\n") for t in checks)
    assert "Every check passed" in screen.verified.text()

    screen.decide.click()
    assert nav.calls[-1] == ("go", "review_decision")
    assert nav.current_review == review_id

    qtbot.waitUntil(lambda: supervisor.pending == 0, timeout=15_000)
    assert set(snapshot(private_tmp)) == before_tmp == set()
    assert set(snapshot(vault_dir)) == before_vault  # no new file beside the vault


def test_restricted_details_only_on_request_and_gone_on_leaving(
    qtbot: Any, supervisor: Backend, nav: FakeNavigator, bundles: Bundles
) -> None:
    review_id = opened_review(qtbot, supervisor, bundles.good)
    screen = make_reader(qtbot, supervisor, nav, review_id)
    assert not any(ADDRESS in t or PHONE in t for t in all_texts(screen))
    actions = [
        e.action for e in call(qtbot, supervisor, lambda s: s.engine.review_events(review_id))
    ]
    assert "restricted details shown" not in actions

    screen.tabs.setCurrentIndex(screen.tabs.count() - 1)
    screen.show_restricted.click()
    qtbot.waitUntil(screen.restricted_shown, timeout=15_000)
    shown = visible_texts(screen)
    assert ADDRESS in shown and PHONE in shown and WITNESS in shown
    assert "This view was recorded in the review's record." in screen.restricted_note.text()
    actions = [
        e.action for e in call(qtbot, supervisor, lambda s: s.engine.review_events(review_id))
    ]
    assert actions.count("restricted details shown") == 1

    # Hidden again by hand, and again on leaving the screen.
    screen.hide_restricted.click()
    assert not any(ADDRESS in t for t in all_texts(screen))
    screen.show_restricted.click()
    qtbot.waitUntil(screen.restricted_shown, timeout=15_000)
    screen.hide()
    assert not screen.restricted_shown()
    assert not any(ADDRESS in t or PHONE in t for t in all_texts(screen))
    # Leaving dropped the PDF and its pages too; coming back opens the review again.
    assert screen._pages is None and not screen.pages.has_page()
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.pages.has_page(), timeout=20_000)
    assert not screen.restricted_shown()


def test_a_lock_drops_the_pdf_pages_and_details(
    qtbot: Any, supervisor: Backend, nav: FakeNavigator, bundles: Bundles
) -> None:
    review_id = opened_review(qtbot, supervisor, bundles.good)
    screen = make_reader(qtbot, supervisor, nav, review_id)
    screen.show_restricted.click()
    qtbot.waitUntil(screen.restricted_shown, timeout=15_000)
    screen.pages.next.click()  # a render in flight when the lock comes
    screen.clear_content()
    assert screen._pages is None and not screen.pages.has_page() and screen.pages.count == 0
    assert not screen.restricted_shown()
    assert screen.record.count() == screen.checks.count() == 0
    assert screen.title.text() == ""
    qtbot.waitUntil(lambda: supervisor.pending == 0, timeout=15_000)
    assert not screen.pages.has_page()  # the late page was dropped
    texts = "\n".join(all_texts(screen))
    for canary in (REFERENCE, ADDRESS, "Sam Lewis", "needed some air"):
        assert canary not in texts


def test_restricted_rows_show_the_back_pages_items_and_limits(qapp: Any) -> None:
    """The MG11 back page's items (format 2) are shown in words, each consent as the
    MG11's item with its limit; an unknown kind is shown as recorded."""
    from ui.screens.review_record_rows import restricted_rows

    rows = dict(
        restricted_rows(
            {
                "witness_name": "Carys Morgan",
                "details": {
                    "process_explained": True,
                    "leaflet_given": False,
                    "willing_to_attend_court": "not_sure",
                    "court_note": "would like to see the room first",
                    "witness_service_referral": True,
                },
            }
        )
    )
    assert rows["Criminal justice process and VPS scheme explained"] == "Yes"
    assert rows["Leaflet given"] == "No"
    assert rows["Willing to attend court"] == "Not sure"
    assert rows["About attending court"] == "would like to see the room first"
    assert rows["Referred to the Witness Service"] == "Yes"
    consents = [
        value
        for label, value in restricted_rows(
            {
                "details": {
                    "consents": [
                        {
                            "kind": "medical_records_access",
                            "state": "given",
                            "at": "2026-12-04T10:00:00.000000Z",
                            "limit": "GP records 1990–1995 only",
                        },
                        {"kind": "talk to my sister", "state": "withdrawn", "at": None},
                    ]
                }
            }
        )
        if label == "Consent"
    ]
    assert consents[0].startswith("Police access to medical records: given on ")
    assert consents[0].endswith("; limit: GP records 1990–1995 only")
    assert consents[1].startswith("talk to my sister: withdrawn")
