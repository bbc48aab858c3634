"""In the app: importing an identity and trust file, exporting a signed case (with its
verification shown), and opening a bundle to check it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.export.pages import confirm_all_pages
from app.org import load_trust, org_init
from app.org.organisation import Protection
from tests.ui.conftest import FakeNavigator, call
from ui.backend import Backend
from ui.screens.bundles import ExportScreen, OpenBundleScreen
from ui.screens.identity import IdentityScreen

SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org")
    return tmp_path / "org"


def import_through_screen(
    qtbot: Any, backend: Backend, nav: FakeNavigator, org: Path
) -> IdentityScreen:
    screen = IdentityScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: "No identity" in screen.summary.text(), timeout=15_000)
    member = org / "interviewer"
    for field, path in (
        (screen.cert, member / "cert.pem"),
        (screen.key, member / "key.pem"),
        (screen.age, member / "age-identity.txt"),
        (screen.trust, org / "trust.json"),
    ):
        qtbot.keyClicks(field.path, str(path))
    screen.import_button.click()
    qtbot.waitUntil(lambda: "Example Oversight Body" in screen.summary.text(), timeout=20_000)
    return screen


def test_identity_import_shows_who_and_which_organisation(
    qtbot: Any, backend: Backend, nav: FakeNavigator, org: Path
) -> None:
    screen = import_through_screen(qtbot, backend, nav, org)
    assert "Interviewer One" in screen.summary.text()
    assert "interviewer" in screen.summary.text()
    assert "BEGIN" not in screen.summary.text()  # never key material
    assert screen.cert.path.text() == ""


def test_identity_import_refuses_a_mismatched_key(
    qtbot: Any, backend: Backend, nav: FakeNavigator, org: Path
) -> None:
    screen = IdentityScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.cert.path, str(org / "interviewer" / "cert.pem"))
    qtbot.keyClicks(screen.key.path, str(org / "supervisor" / "key.pem"))
    screen.import_button.click()
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=15_000)
    assert "key" in screen.message.text().lower()
    with pytest.raises(AssertionError):
        call(qtbot, backend, lambda s: s.engine.identity_summary())


def test_import_of_a_protected_identity_then_deleting_the_file(
    qtbot: Any, backend: Backend, nav: FakeNavigator, tmp_path: Path
) -> None:
    org = tmp_path / "protected"
    org_init(org, protection=Protection(members=b"member pw", ca=b"ca pw"))
    p12 = org / "interviewer" / "identity.p12"
    screen = IdentityScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.cert.path, str(p12))
    qtbot.keyClicks(screen.trust.path, str(org / "trust.json"))
    qtbot.keyClicks(screen.password, "wrong")
    screen.import_button.click()
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=15_000)
    assert "password" in screen.message.text()
    assert not screen.leftover.isVisible()
    screen.password.clear()
    qtbot.keyClicks(screen.password, "member pw")
    screen.import_button.click()
    qtbot.waitUntil(lambda: "Example Oversight Body" in screen.summary.text(), timeout=20_000)
    assert screen.password.text() == ""  # the password does not linger in the form
    me = call(qtbot, backend, lambda s: s.engine.identity())
    assert me.auth_cert is not None and me.age_identity is not None
    # The import offers to delete the file the keys came from; nothing is deleted unasked.
    qtbot.waitUntil(lambda: screen.leftover.isVisible(), timeout=5_000)
    assert str(p12) in screen.leftover_text.text() and p12.exists()
    screen.remove_button.click()
    qtbot.waitUntil(lambda: not screen.leftover.isVisible(), timeout=15_000)
    assert not p12.exists()
    assert "Deleted" in screen.message.text()


def signed_case(qtbot: Any, backend: Backend) -> str:
    def prepare(s: Any) -> str:
        e = s.engine
        case = e.create_case("apsp", "APSP-UI-9", interviewer="Interviewer One")
        e.set_witness(case.id, name="Dana Price", age_status="over_18")
        e.save_section(case.id, "account", "He sent messages late at night.")
        e.confirm_readback(case.id)
        confirm_all_pages(e, case.id)  # the witness confirmed each page
        e.sign_statement(case.id, SIGNATURE)
        return case.id

    return call(qtbot, backend, prepare)


def test_export_then_open_the_bundle(
    qtbot: Any, backend: Backend, nav: FakeNavigator, org: Path, tmp_path: Path
) -> None:
    import_through_screen(qtbot, backend, nav, org)
    nav.current_case = signed_case(qtbot, backend)
    screen = ExportScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.recipients.count() == 2, timeout=15_000)
    states = [screen.recipients.item(i).checkState() for i in range(2)]
    assert states == [Qt.CheckState.Checked, Qt.CheckState.Checked]  # supervisor, intake
    screen.path.setText(str(tmp_path / "out.qrb"))
    screen.export.click()
    assert screen.busy.isVisibleTo(screen)
    qtbot.waitUntil(lambda: "Every check passed." in screen.message.text(), timeout=20_000)
    report = screen.report.toPlainText().splitlines()
    assert len(report) >= 11 and all(line.startswith("ok  ") for line in report)
    assert any("pages confirmed by the witness" in line for line in report)
    assert (tmp_path / "out.qrb").is_file()
    assert call(qtbot, backend, lambda s: s.engine.case(nav.current_case)).status == "exported"

    opener = OpenBundleScreen(backend, nav)
    qtbot.addWidget(opener)
    opener.show()
    opener.path.setText(str(tmp_path / "out.qrb"))
    opener.verify.click()
    qtbot.waitUntil(lambda: "Every check passed." in opener.message.text(), timeout=20_000)
    damaged = tmp_path / "damaged.qrb"
    data = bytearray((tmp_path / "out.qrb").read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    opener.path.setText(str(damaged))
    opener.verify.click()
    qtbot.waitUntil(lambda: "altered" in opener.message.text(), timeout=20_000)
    opener.clear_content()
    assert opener.report.toPlainText() == "" and opener.path.text() == ""


def test_export_needs_a_recipient(
    qtbot: Any, backend: Backend, nav: FakeNavigator, org: Path, tmp_path: Path
) -> None:
    import_through_screen(qtbot, backend, nav, org)
    nav.current_case = signed_case(qtbot, backend)
    screen = ExportScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.recipients.count() == 2, timeout=15_000)
    for i in range(2):
        screen.recipients.item(i).setCheckState(Qt.CheckState.Unchecked)
    screen.path.setText(str(tmp_path / "x.qrb"))
    screen.export.click()
    assert "at least one recipient" in screen.message.text()
    assert not (tmp_path / "x.qrb").exists()


def test_a_second_interviewer_is_offered_but_never_the_author(
    qtbot: Any, backend: Backend, nav: FakeNavigator, org: Path
) -> None:
    from app.org import org_issue

    org_issue(org, "interviewer", "Second Interviewer")
    import_through_screen(qtbot, backend, nav, org)
    nav.current_case = signed_case(qtbot, backend)
    screen = ExportScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.recipients.count() == 3, timeout=15_000)
    items = {
        screen.recipients.item(i).text(): screen.recipients.item(i).checkState() for i in range(3)
    }
    second = next(text for text in items if text.startswith("Second Interviewer (interviewer) · "))
    assert items[second] == Qt.CheckState.Unchecked
    # Each member is shown with the start of their certificate's fingerprint (keys §7).
    trust = load_trust(org / "trust.json")
    member = trust.by_name("Second Interviewer")
    assert member is not None
    assert second.endswith(" ".join(member.fingerprint[i : i + 4].upper() for i in (0, 4, 8, 12)))
    assert not any(text.startswith("Interviewer One") for text in items)  # the author
    assert sum(state == Qt.CheckState.Checked for state in items.values()) == 2
