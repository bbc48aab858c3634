"""Trust file version 2: the trust-list signer, serials that only grow, next updates.

- who may sign: the trust-list signer for version 2, the CA itself for version 1, never
  a member; version 1 files still load (serial 0, no next update);
- `org issue` and `org remove` publish the next serial, signed by the trust-list signer
  (removing needs no CA key); an organisation made before the signer gets one;
- a vault refuses a trust file older than the one it holds (nothing stored changes), so
  a removed member cannot come back; it refuses to export once its trust file is past
  its next update, and `verify` says so without failing.
(tests/interop/test_org_openssl.py checks the signer's signature with openssl.)
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyrage
import pytest

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.engine.identity import TRUST_MARK
from app.errors import QuietroomError, VerificationError
from app.export.bundle import export_case, resolve_recipients
from app.export.pages import confirm_all_pages
from app.export.verify import verify_bundle
from app.org import load_identity, load_trust, org_init, org_issue, org_remove
from app.org.trust import render_trust
from crypto import cms, pki
from crypto.validate import Usage
from tests.conftest import fresh_vault, snapshot
from tests.core.test_org_trust import run_local

SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)


@pytest.fixture
def org(tmp_path: Path) -> Path:
    out = tmp_path / "org"
    org_init(out)
    return out


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime.now(UTC))


@pytest.fixture
def engine(tmp_path: Path, clock: FakeClock) -> Iterator[Engine]:
    with (
        fresh_vault(tmp_path / "vault") as v,
        Engine(v, clock=clock) as e,
    ):
        yield e


def pair(org: Path, folder: str) -> Any:
    return pki.load_pem_pair(
        (org / folder / "cert.pem").read_bytes(), (org / folder / "key.pem").read_bytes()
    )


def ca_pair(org: Path) -> Any:
    return pki.load_pem_pair((org / "ca.pem").read_bytes(), (org / "ca-key.pem").read_bytes())


def keep(org: Path, dest: Path) -> Path:
    """A copy of the organisation's current trust file (with its signature and the CA
    certificate beside it, as a member receives it): the path of its trust.json."""
    dest.mkdir(parents=True)
    for name in ("trust.json", "trust.json.p7s", "ca.pem"):
        shutil.copy(org / name, dest / name)
    return dest / "trust.json"


def publish(org: Path, data: bytes, signer: Any, dest: Path) -> Path:
    """`data` signed by `signer` as a trust file in `dest` (with the CA beside it)."""
    dest.mkdir(parents=True, exist_ok=True)
    if dest != org:
        shutil.copy(org / "ca.pem", dest / "ca.pem")
    (dest / "trust.json").write_bytes(data)
    (dest / "trust.json.p7s").write_bytes(cms.sign_detached(data, *signer))
    return dest / "trust.json"


def version_1(org: Path, **changes: Any) -> bytes:
    """The organisation's members as a version 1 trust file (no serial, no next update)."""
    doc = json.loads((org / "trust.json").read_text())
    doc.pop("serial")
    doc.pop("next_update")
    doc.pop("intake_url")
    doc.pop("policy")  # version 4
    for member in doc["members"]:  # what version 3 added to each member
        for key in ("member_id", "authentication_certificate", "tls_certificate"):
            member.pop(key, None)
        member.pop("timestamp_certificate", None)
    doc.update(version=1, **changes)
    return (json.dumps(doc, indent=2) + "\n").encode()


def import_as_interviewer(engine: Engine, org: Path, trust: Path) -> None:
    me = org / "interviewer"
    engine.import_identity(me / "cert.pem", me / "key.pem", me / "age-identity.txt", trust)


def stored(engine: Engine) -> list[Any]:
    """Everything an import may write: the identity, the trust file and its mark."""
    with engine.vault.reading() as conn:
        return [
            conn.execute("SELECT * FROM identity").fetchall(),
            conn.execute("SELECT * FROM trust").fetchall(),
            conn.execute("SELECT * FROM meta WHERE key = ?", (TRUST_MARK,)).fetchall(),
        ]


def refused(code: str, fn: Any) -> QuietroomError:
    with pytest.raises(QuietroomError) as caught:
        fn()
    assert caught.value.code == code, caught.value
    return caught.value


# --- who signs ------------------------------------------------------------------------


def test_version_2_is_signed_by_the_trust_list_signer(org: Path, tmp_path: Path) -> None:
    data = (org / "trust.json").read_bytes()
    ca = pki.load_certificate((org / "ca.pem").read_bytes())
    signature = (org / "trust.json.p7s").read_bytes()
    signer = cms.verify_detached(signature, data, ca, usage=Usage.TRUST_LIST)
    assert signer == pair(org, "trust-signer")[0] and pki.is_trust_list_signer(signer)
    assert load_trust(org / "trust.json").serial == 1
    # The same bytes signed by a member (whose certificate the CA issued too) or by the
    # CA itself are refused: only the trust-list signer publishes a version 2 file.
    by_member = publish(org, data, pair(org, "supervisor"), tmp_path / "member")
    error = refused("trust.signed_by_member", lambda: load_trust(by_member))
    assert "trust-list signer" in str(error)
    by_ca = publish(org, data, ca_pair(org), tmp_path / "ca")
    refused("trust.signed_by_ca", lambda: load_trust(by_ca))
    # Another organisation's trust-list signer does not chain to this CA.
    other = tmp_path / "other"
    org_init(other)
    foreign = publish(org, data, pair(other, "trust-signer"), tmp_path / "foreign")
    with pytest.raises(VerificationError, match="not issued by the organisation's CA"):
        load_trust(foreign)
    # The signer's certificate listed as a member would let it sign as one: refused.
    doc = json.loads(data)
    doc["members"][0].update(
        certificate=pki.certificate_pem(signer).decode(),
        certificate_fingerprint=pki.fingerprint(signer),
    )
    listed = publish(org, json.dumps(doc).encode(), pair(org, "trust-signer"), tmp_path / "l")
    with pytest.raises(VerificationError, match="trust-list signer's, not a member's"):
        load_trust(listed)


def test_a_version_1_file_signed_by_the_ca_still_loads(org: Path, tmp_path: Path) -> None:
    v1 = publish(org, version_1(org), ca_pair(org), tmp_path / "v1")
    trust = load_trust(v1)
    assert (trust.version, trust.serial, trust.next_update) == (1, 0, None)
    assert [m.name for m in trust.members] == [
        m.name for m in load_trust(org / "trust.json").members
    ]
    assert not trust.past_next_update(datetime.now(UTC) + timedelta(days=3650))
    # A version 1 file is the CA's: signed by the trust-list signer it is refused.
    by_signer = publish(org, version_1(org), pair(org, "trust-signer"), tmp_path / "v1s")
    refused("trust.version1_not_by_ca", lambda: load_trust(by_signer))


def test_the_signer_cannot_be_imported_as_a_staff_identity(org: Path) -> None:
    d = org / "trust-signer"
    error = refused(
        "identity.trust_list_signer", lambda: load_identity(d / "cert.pem", d / "key.pem")
    )
    assert "trust-list signing certificate" in str(error)


# --- org issue and org remove ---------------------------------------------------------


def test_issue_and_remove_raise_the_serial(org: Path) -> None:
    org_issue(org, "supervisor", "Ann Lee", next_update_days=7)
    after_issue = load_trust(org / "trust.json")
    assert after_issue.serial == 2 and after_issue.by_name("Ann Lee") is not None
    assert after_issue.next_update == after_issue.issued + timedelta(days=7)
    # Removing needs only the trust-list signer: the CA key can be offline.
    (org / "ca-key.pem").rename(org.parent / "ca-key.offline")
    removal = org_remove(org, "supervisor  ONE")
    trust = load_trust(org / "trust.json")
    assert (removal.serial_before, removal.serial, trust.serial) == (2, 3, 3)
    assert removal.member.name == "Supervisor One" and removal.members_left == 3
    assert trust.by_name("Supervisor One") is None
    assert [m.name for m in trust.members] == ["Interviewer One", "Intake Service", "Ann Lee"]
    assert trust.next_update == trust.issued + timedelta(days=90)
    assert (org / "supervisor" / "cert.pem").is_file()  # their files are left alone
    before = snapshot(org)
    refused("org.no_such_member", lambda: org_remove(org, "Supervisor One"))
    refused("org.no_ca_key", lambda: org_issue(org, "intake", "Desk B"))
    for days in (0, -1, 367):
        refused(
            "org.next_update_days_invalid",
            lambda d=days: org_remove(org, "Ann Lee", next_update_days=d),
        )
    assert snapshot(org) == before


def test_an_organisation_from_before_the_signer_gets_one(org: Path, tmp_path: Path) -> None:
    shutil.rmtree(org / "trust-signer")
    publish(org, version_1(org), ca_pair(org), org)
    (org / "ca-key.pem").rename(tmp_path / "ca-key.pem")
    before = snapshot(org)
    refused("org.no_trust_signer", lambda: org_remove(org, "Supervisor One"))
    assert snapshot(org) == before
    (tmp_path / "ca-key.pem").rename(org / "ca-key.pem")
    org_remove(org, "Supervisor One")
    trust = load_trust(org / "trust.json")
    assert (trust.version, trust.serial) == (4, 1) and trust.by_name("Supervisor One") is None
    # Members carried over from a version 1 file get a member id as the file moves on.
    assert all(m.member_id for m in trust.members)
    assert pki.is_trust_list_signer(pair(org, "trust-signer")[0])


def test_cli_remove_says_what_changed(org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run_local(
        "org", "remove", "--org", org, "--member", "Supervisor One", capsys=capsys
    )
    assert code == 0
    assert "Removed supervisor 'Supervisor One'" in text and "serial 1 -> 2" in text
    code, data = run_local(
        "--json", "org", "issue", "--org", org, "--role", "supervisor", "--name", "Ann Lee",
        "--next-update-days", "30", capsys=capsys,
    )  # fmt: skip
    assert code == 0 and data["serial"] == 3
    code, data = run_local(
        "--json", "org", "remove", "--org", org, "--member", "ann lee", capsys=capsys
    )
    assert code == 0 and (data["serial_before"], data["serial"]) == (3, 4)
    assert data["removed"]["name"] == "Ann Lee" and data["members_left"] == 2
    code, message = run_local(
        "org", "remove", "--org", org, "--member", "Intake Service", "--next-update-days", "0",
        capsys=capsys,
    )  # fmt: skip
    assert code == 1 and "1 to 366 days" in message


# --- the vault: no rollback -------------------------------------------------------------


def test_an_older_trust_file_is_refused_and_nothing_changes(
    engine: Engine, org: Path, tmp_path: Path
) -> None:
    serial_1 = keep(org, tmp_path / "s1")
    org_issue(org, "supervisor", "Ann Lee")
    serial_2 = keep(org, tmp_path / "s2")
    org_remove(org, "Ann Lee")
    import_as_interviewer(engine, org, org / "trust.json")
    assert engine.trust().serial == 3  # type: ignore[union-attr]
    before = stored(engine)
    error = refused("trust.rolled_back", lambda: import_as_interviewer(engine, org, serial_1))
    assert str(error) == (
        "this trust file (serial 1) is older than the one already imported (serial 3); "
        "ask your administrator for the current one"
    )
    refused("trust.rolled_back", lambda: import_as_interviewer(engine, org, serial_2))
    assert stored(engine) == before
    # The same serial with other contents is refused too; the very same file is not.
    doc = json.loads((org / "trust.json").read_text())
    doc["next_update"] = "2099-01-01T00:00:00Z"
    twin = publish(org, json.dumps(doc).encode(), pair(org, "trust-signer"), tmp_path / "twin")
    error = refused("trust.serial_reused", lambda: import_as_interviewer(engine, org, twin))
    assert "same serial (3)" in str(error)
    assert stored(engine) == before
    import_as_interviewer(engine, org, org / "trust.json")
    assert engine.trust().serial == 3  # type: ignore[union-attr]


def test_a_removed_member_cannot_come_back(engine: Engine, org: Path, tmp_path: Path) -> None:
    with_supervisor = keep(org, tmp_path / "old")
    supervisor = load_trust(org / "trust.json").by_name("Supervisor One")
    assert supervisor is not None
    import_as_interviewer(engine, org, with_supervisor)
    recipients = resolve_recipients(None, engine.current_trust(), engine.identity())
    assert supervisor.age_recipient in recipients
    org_remove(org, "Supervisor One")
    import_as_interviewer(engine, org, org / "trust.json")
    refused("trust.rolled_back", lambda: import_as_interviewer(engine, org, with_supervisor))
    trust = engine.current_trust()
    assert trust is not None and trust.by_name("Supervisor One") is None
    recipients = resolve_recipients(None, trust, engine.identity())
    assert supervisor.age_recipient not in recipients
    assert trust.by_role("intake")[0].age_recipient in recipients


def test_version_1_files_in_a_vault(engine: Engine, org: Path, tmp_path: Path) -> None:
    older = publish(
        org, version_1(org, issued="2026-01-01T00:00:00Z"), ca_pair(org), tmp_path / "a"
    )
    newer = publish(
        org, version_1(org, issued="2026-02-01T00:00:00Z"), ca_pair(org), tmp_path / "b"
    )
    import_as_interviewer(engine, org, newer)
    trust = engine.current_trust()  # no next update: never out of date
    assert trust is not None and (trust.version, trust.serial) == (1, 0)
    error = refused("trust.older_issue", lambda: import_as_interviewer(engine, org, older))
    assert "issued 2026-01-01T00:00:00Z" in str(error)
    # A vault from before the mark (the trust file stored, no mark) is held to it too.
    with engine.vault.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (TRUST_MARK,))
    refused("trust.older_issue", lambda: import_as_interviewer(engine, org, older))
    # Version 2 moves on from version 1 and never back.
    import_as_interviewer(engine, org, org / "trust.json")
    assert engine.trust().serial == 1  # type: ignore[union-attr]
    refused("trust.rolled_back", lambda: import_as_interviewer(engine, org, newer))


# --- next update ------------------------------------------------------------------------


def signed_case(engine: Engine) -> str:
    engine.create_case("csa", "CSA-NEXT-1", interviewer="Interviewer One")
    engine.set_witness("CSA-NEXT-1", name="Alex Morgan", age_status="over_18")
    engine.save_section("CSA-NEXT-1", "account", "It happened in the summer.")
    engine.confirm_readback("CSA-NEXT-1")
    confirm_all_pages(engine, "CSA-NEXT-1")  # the witness confirmed each page
    engine.sign_statement("CSA-NEXT-1", SIGNATURE)
    return "CSA-NEXT-1"


def test_no_export_past_the_next_update(
    engine: Engine, clock: FakeClock, org: Path, tmp_path: Path
) -> None:
    import_as_interviewer(engine, org, org / "trust.json")
    ref = signed_case(engine)
    next_update = load_trust(org / "trust.json").next_update
    assert next_update is not None
    clock.set(next_update + timedelta(seconds=1))
    out = tmp_path / "late.qrb"
    error = refused("trust.expired", lambda: export_case(engine, ref, out))
    assert str(error) == (
        f"the organisation's trust file expired on {next_update:%Y-%m-%d}; import the current one"
    )
    explicit = [str(pyrage.x25519.Identity.generate().to_public())]
    refused("trust.expired", lambda: export_case(engine, ref, out, explicit))
    assert not out.exists()
    assert "export" not in [e.action for e in engine.audit_entries(ref)]
    # Before the next update the same export goes through.
    clock.set(next_update - timedelta(days=1))
    bundle = tmp_path / "on-time.qrb"
    export_case(engine, ref, bundle)
    supervisor = org / "supervisor" / "age-identity.txt"
    report = verify_bundle(bundle, supervisor, org / "trust.json")
    assert report.ok and "trust file" not in [c.name for c in report.checks], [
        (c.name, c.detail) for c in report.checks if not c.ok
    ]
    # Verifying with a trust file past its next update still verifies, and says so.
    now = datetime.now(UTC).replace(microsecond=0)
    trust = load_trust(org / "trust.json")
    stale = render_trust(
        trust.organisation,
        trust.ca_cert,
        list(trust.members),
        serial=1,
        issued=now - timedelta(days=100),
        next_update=now - timedelta(days=10),
    )
    past = publish(org, stale, pair(org, "trust-signer"), tmp_path / "stale")
    report = verify_bundle(bundle, supervisor, past)
    assert report.ok, [c.line() for c in report.checks]
    last = report.checks[-1]
    assert (last.name, last.ok) == ("trust file", True) and "past its next update" in last.detail


def test_identity_show_gives_the_serial(engine: Engine, org: Path) -> None:
    import_as_interviewer(engine, org, org / "trust.json")
    info = engine.identity_summary().to_json()
    assert info["trust_serial"] == 1
    assert info["trust_next_update"] == json.loads((org / "trust.json").read_text())["next_update"]
