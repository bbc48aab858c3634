"""org init and org issue, the trust file (writing, strict loading, refusals), loading
a staff member's identity, and the `org` CLI commands (Python level; see
tests/interop/test_org_openssl.py for the same files checked with openssl and age)."""

from __future__ import annotations

import argparse
import json
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app.cli import org_cmds
from app.cli.context import Context
from app.cli.main import Parser, common_options
from app.errors import QuietroomError, UsageError, VerificationError
from app.org import (
    Identity,
    load_ca_or_trust,
    load_identity,
    load_trust,
    org_init,
    org_issue,
    org_reissue,
)
from crypto import cms, pki
from tests.conftest import run_cli, snapshot

ORG = "Example Oversight Body"


@pytest.fixture
def org(tmp_path: Path) -> Path:
    out = tmp_path / "org"
    org_init(out, ORG)
    return out


# --- org init and the trust file -----------------------------------------------------


def test_org_init_layout(org: Path) -> None:
    expected = {"ca.pem", "ca-key.pem", "trust.json", "trust.json.p7s", "crl.der"}
    expected |= {"trust-signer/cert.pem", "trust-signer/key.pem"}
    extra = {
        "interviewer": ("auth-cert.pem", "auth-key.pem"),
        "supervisor": ("auth-cert.pem", "auth-key.pem"),
        "intake": ("tls-cert.pem", "tls-key.pem", "timestamp-cert.pem", "timestamp-key.pem"),
    }
    for role in ("interviewer", "supervisor", "intake"):
        names = ("cert.pem", "key.pem", "age-identity.txt", "age-recipient.txt", *extra[role])
        expected |= {f"{role}/{n}" for n in names}
    assert set(snapshot(org)) == expected
    for path in [org, *org.rglob("*")]:
        want = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == want, path
    identity = (org / "interviewer" / "age-identity.txt").read_text().splitlines()
    assert identity[0].startswith("# created: ") and identity[1].startswith("# public key: age1")
    assert identity[2].startswith("AGE-SECRET-KEY-1")
    assert b"BEGIN PRIVATE KEY" in (org / "interviewer" / "key.pem").read_bytes()


def test_trust_loads(org: Path) -> None:
    trust = load_trust(org / "trust.json")
    assert trust.organisation == ORG
    assert [(m.role, m.name) for m in trust.members] == [
        ("interviewer", "Interviewer One"),
        ("supervisor", "Supervisor One"),
        ("intake", "Intake Service"),
    ]
    doc = json.loads((org / "trust.json").read_text())
    assert list(doc) == [
        "format",
        "version",
        "organisation",
        "serial",
        "issued",
        "next_update",
        "ca_fingerprint",
        "intake_url",
        "policy",
        "members",
    ]
    assert (doc["version"], doc["serial"], trust.version, trust.serial) == (4, 1, 4, 1)
    assert trust.intake_url == "https://localhost:8443"
    assert trust.next_update is not None
    assert trust.next_update - trust.issued == timedelta(days=90)
    assert doc["next_update"] == trust.next_update.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert list(doc["members"][0]) == [
        "member_id",
        "name",
        "role",
        "certificate",
        "certificate_fingerprint",
        "age_recipient",
        "authentication_certificate",
    ]
    assert list(doc["members"][2])[-2:] == ["tls_certificate", "timestamp_certificate"]
    supervisor = trust.by_name("supervisor  ONE")
    assert supervisor is not None and supervisor.role == "supervisor"
    assert trust.by_name("Nobody") is None
    assert trust.by_role("intake")[0].name == "Intake Service"
    cert = pki.load_certificate((org / "interviewer" / "cert.pem").read_bytes())
    found = trust.member_for_certificate(cert)
    assert found is not None and found.name == "Interviewer One"
    assert found.age_recipient == (org / "interviewer" / "age-recipient.txt").read_text().strip()
    assert trust.member_for_certificate(trust.ca_cert) is None
    assert load_trust(org / "trust.json", org / "ca.pem") == trust


def test_trust_refusals(org: Path, tmp_path: Path) -> None:
    trust = org / "trust.json"
    other = tmp_path / "other"
    org_init(other, ORG)
    with pytest.raises(VerificationError, match="not issued by the organisation's CA"):
        load_trust(trust, other / "ca.pem")
    with pytest.raises(VerificationError, match="not a CA certificate"):
        load_trust(trust, org / "interviewer" / "cert.pem")
    original = trust.read_bytes()
    trust.write_bytes(original.replace(b"Supervisor One", b"Supervisor Two"))
    with pytest.raises(VerificationError, match="does not match the content"):
        load_trust(trust)
    trust.write_bytes(original)
    (org / "trust.json.p7s").rename(tmp_path / "sig")
    with pytest.raises(VerificationError, match="not signed"):
        load_trust(trust)
    (org / "trust.json.p7s").write_bytes(b"garbage")
    with pytest.raises(VerificationError, match="not a CMS signature"):
        load_trust(trust)
    # Signed by a member: their certificate chains to the CA, but only the CA publishes.
    cert, key = pki.load_pem_pair(
        (org / "intake" / "cert.pem").read_bytes(), (org / "intake" / "key.pem").read_bytes()
    )
    (org / "trust.json.p7s").write_bytes(cms.sign_detached(original, cert, key))
    with pytest.raises(VerificationError, match="signed by a member"):
        load_trust(trust)
    with pytest.raises(UsageError):
        load_trust(tmp_path / "absent.json")


def _resign(org: Path, doc: Any = None, raw: bytes | None = None) -> None:
    """Write a changed trust file and sign it properly (by the trust-list signer), so
    only parsing can refuse it."""
    data = raw if raw is not None else json.dumps(doc).encode()
    signer = pki.load_pem_pair(
        (org / "trust-signer" / "cert.pem").read_bytes(),
        (org / "trust-signer" / "key.pem").read_bytes(),
    )
    (org / "trust.json").write_bytes(data)
    (org / "trust.json.p7s").write_bytes(cms.sign_detached(data, *signer))


def _mutations() -> list[tuple[str, Any]]:
    def top(key: str, value: Any) -> Any:
        return lambda d: d.update({key: value})

    def member(key: str, value: Any) -> Any:
        return lambda d: d["members"][0].update({key: value})

    return [
        ("unknown key", top("extra", 1)),
        ("lacks the key", lambda d: d.pop("issued")),
        ("version", top("version", 5)),
        ("unknown key 'policy'", top("version", 3)),
        ("lacks the key 'policy'", lambda d: d.pop("policy")),
        ("'policy' lacks the key", lambda d: d["policy"].pop("recovery_recipient")),
        ("'policy' has an unknown key", lambda d: d["policy"].update(retention=7)),
        ("protective marking", lambda d: d["policy"].update(protective_marking="RESTRICTED")),
        ("not a valid age1", lambda d: d["policy"].update(recovery_recipient="age1nope")),
        (
            "SHA-256 is not that of its text",
            lambda d: d["policy"].update(welsh_declaration={"text": "Datganiad", "sha256": "0"}),
        ),
        ("must be", lambda d: d["policy"].update(welsh_declaration="Datganiad")),
        ("unknown key 'intake_url'", top("version", 2)),
        ("version", top("version", "2")),
        ("lacks the key 'version'", lambda d: d.pop("version")),
        ("lacks the key 'serial'", lambda d: d.pop("serial")),
        ("lacks the key 'next_update'", lambda d: d.pop("next_update")),
        ("'serial' must be a whole number", top("serial", 0)),
        ("'serial' must be a whole number", top("serial", -4)),
        ("'serial' must be a whole number", top("serial", "2")),
        ("'serial' must be a whole number", top("serial", True)),
        ("'serial' must be a whole number", top("serial", 2.0)),
        ("'serial' must be a whole number", top("serial", 2**63)),
        ("'next_update' is not an ISO-8601", top("next_update", "soon")),
        ("'next_update' must give its time zone", top("next_update", "2030-01-01T00:00:00")),
        ("'next_update' must be later", lambda d: d.update(next_update=d["issued"])),
        ("version", top("version", True)),
        ("'format'", top("format", "something-else")),
        ("non-empty string", top("organisation", 7)),
        ("ISO-8601", top("issued", "yesterday")),
        ("different CA", top("ca_fingerprint", "0" * 64)),
        ("must be a list", top("members", {})),
        ("unknown role", member("role", "admin")),
        ("unknown key", member("email", "a@b")),
        ("lacks the key", lambda d: d["members"][0].pop("age_recipient")),
        ("fingerprint does not match", member("certificate_fingerprint", "a" * 64)),
        ("not a PEM certificate", member("certificate", "hello")),
        ("age recipient", member("age_recipient", "age1notarecipient")),
        ("appears twice", lambda d: d["members"][1].update(name="interviewer one")),
        (
            "certificate of another",
            lambda d: d["members"][1].update(
                {
                    k: d["members"][0][k]
                    for k in (
                        "certificate",
                        "certificate_fingerprint",
                        "authentication_certificate",
                    )
                }
            ),
        ),
        ("not a JSON object", lambda d: d["members"].append("x")),
    ]


@pytest.mark.parametrize(("message", "mutate"), _mutations())
def test_trust_is_parsed_strictly(org: Path, message: str, mutate: Any) -> None:
    doc = json.loads((org / "trust.json").read_text())
    mutate(doc)
    _resign(org, doc)
    with pytest.raises(VerificationError, match=message):
        load_trust(org / "trust.json")


@pytest.mark.parametrize("raw", [b"\xff\xfe", b"[]", b"{", b'{"format": 1, "format": 2}'])
def test_trust_rejects_non_json(org: Path, raw: bytes) -> None:
    _resign(org, raw=raw)
    with pytest.raises(VerificationError, match="malformed"):
        load_trust(org / "trust.json")


def test_trust_refuses_a_foreign_member(org: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    org_init(other, ORG)
    doc = json.loads((org / "trust.json").read_text())
    doc["members"][0] = json.loads((other / "trust.json").read_text())["members"][0]
    _resign(org, doc)
    with pytest.raises(VerificationError, match=r"Interviewer One.*not issued"):
        load_trust(org / "trust.json")


def test_load_ca_or_trust(org: Path) -> None:
    ca_cert, trust = load_ca_or_trust(org / "trust.json")
    assert trust is not None and trust.ca_cert == ca_cert
    assert load_ca_or_trust(org / "ca.pem") == (ca_cert, None)
    assert load_ca_or_trust(org)[1] == trust
    with pytest.raises(VerificationError, match="not a CA"):
        load_ca_or_trust(org / "supervisor" / "cert.pem")


def test_org_init_refuses_to_overwrite(tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    with pytest.raises(UsageError, match="not an empty directory"):
        org_init(busy, ORG)
    assert snapshot(busy) == {"keep.txt": b"mine"}
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError):
        org_init(tmp_path / "file", ORG)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert org_init(empty, ORG).out == empty
    assert (empty / "trust.json").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left
    with pytest.raises(UsageError):
        org_init(tmp_path / "bad", "")


def test_org_issue_appends_and_resigns(org: Path) -> None:
    before = load_trust(org / "trust.json")
    directory = org_issue(org, "supervisor", "Ann  O'Neil")
    assert directory == org / "supervisor-ann-o-neil"
    assert {p.name for p in directory.iterdir()} == {
        "cert.pem",
        "key.pem",
        "auth-cert.pem",
        "auth-key.pem",
        "age-identity.txt",
        "age-recipient.txt",
    }
    after = load_trust(org / "trust.json")
    assert after.members[:3] == before.members
    new = after.members[3]
    assert (new.name, new.role) == ("Ann O'Neil", "supervisor")
    assert new.certificate == pki.load_certificate((directory / "cert.pem").read_bytes())
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    # A different name with the same slug gets its own directory.
    assert org_issue(org, "supervisor", "Ann O Neil") == org / "supervisor-ann-o-neil-2"


def test_org_issue_refusals(org: Path) -> None:
    before = snapshot(org)
    with pytest.raises(UsageError, match="already has a member"):
        org_issue(org, "intake", "interviewer one")
    with pytest.raises(UsageError, match="role"):
        org_issue(org, "admin", "Someone")
    assert snapshot(org) == before
    (org / "trust.json").write_bytes((org / "trust.json").read_bytes() + b" ")
    with pytest.raises(VerificationError):
        org_issue(org, "intake", "Someone New")
    (org / "ca-key.pem").unlink()
    with pytest.raises(UsageError, match="CA key"):
        org_issue(org, "intake", "Someone New")


# --- identities ----------------------------------------------------------------------


def test_load_identity_from_pem(org: Path) -> None:
    d = org / "interviewer"
    ident = load_identity(d / "cert.pem", d / "key.pem", d / "age-identity.txt")
    assert ident.name == "Interviewer One"
    assert ident.age_recipient == (d / "age-recipient.txt").read_text().strip()
    assert ident.cert_pem() == (d / "cert.pem").read_bytes()
    assert pki.load_private_key(ident.key_pem()).private_numbers() == ident.key.private_numbers()
    text = ident.age_identity_text()
    assert text is not None and "AGE-SECRET-KEY-1" in text and "AGE-SECRET" not in repr(ident)
    assert load_identity(d / "cert.pem", d / "key.pem").age_identity is None


@pytest.mark.parametrize("password", [None, "a p12 password"])
def test_load_identity_from_pkcs12(org: Path, tmp_path: Path, password: str | None) -> None:
    d = org / "supervisor"
    cert, key = pki.load_pem_pair((d / "cert.pem").read_bytes(), (d / "key.pem").read_bytes())
    p12 = tmp_path / "id.p12"
    p12.write_bytes(
        pki.pkcs12_bytes(
            cert,
            key,
            friendly_name="Supervisor One",
            password=password.encode() if password else None,
        )
    )
    ident = load_identity(p12, None, password=password)
    assert isinstance(ident, Identity) and ident.cert == cert
    with pytest.raises(UsageError, match="PKCS#12"):
        load_identity(p12, None, password="wrong")


def test_load_identity_refusals(org: Path) -> None:
    i, s = org / "interviewer", org / "supervisor"
    with pytest.raises(UsageError, match="does not belong"):
        load_identity(i / "cert.pem", s / "key.pem")
    with pytest.raises(UsageError, match="CA certificate"):
        load_identity(org / "ca.pem", org / "ca-key.pem")
    with pytest.raises(UsageError, match="key file"):
        load_identity(i / "cert.pem", None)
    with pytest.raises(UsageError, match="age identity"):
        load_identity(i / "cert.pem", i / "key.pem", i / "cert.pem")
    with pytest.raises(UsageError, match="does not exist"):
        load_identity(org / "nope.pem", i / "key.pem")


# --- CLI -----------------------------------------------------------------------------


def run_local(*argv: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    """The org commands through a parser like main's, before they are wired into it."""
    common = common_options()
    parser = Parser(prog="quietroom-cli", parents=[common])
    sub = parser.add_subparsers(dest="command", parser_class=Parser, required=True)
    org_cmds.register(sub, common)
    try:
        args: argparse.Namespace = parser.parse_args([str(a) for a in argv])
        code = args.handler(Context(args))
    except QuietroomError as exc:
        return exc.exit_code, str(exc)
    out = capsys.readouterr().out
    return code, json.loads(out) if "--json" in argv else out


def test_cli_init_and_issue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "org"
    code, data = run_local(
        "--json", "org", "init", "--out", out, "--name", "Test Body", capsys=capsys
    )
    assert code == 0
    assert {"out", "ca", "trust", "members"} <= set(data)
    assert [m["role"] for m in data["members"]] == ["interviewer", "supervisor", "intake"]
    assert set(data["members"][0]) == {
        "name",
        "role",
        "dir",
        "age_recipient",
        "certificate_fingerprint",
        "member_id",
        "identity",
    }
    assert load_trust(Path(data["trust"])).organisation == "Test Body"
    code, data = run_local(
        "org",
        "issue",
        "--org",
        out,
        "--role",
        "intake",
        "--name",
        "Desk B",
        "--json",
        capsys=capsys,
    )
    assert code == 0 and data["name"] == "Desk B" and Path(data["dir"]).is_dir()
    assert run_local("org", "init", "--out", out, capsys=capsys)[0] == 1
    assert (
        run_local("org", "issue", "--org", out, "--role", "boss", "--name", "X", capsys=capsys)[0]
        == 1
    )


def test_cli_through_main(tmp_path: Path) -> None:
    """Fails until the lead wires org_cmds.register into app/cli/main.py."""
    out = tmp_path / "org"
    result = run_cli("--json", "org", "init", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr and len(result.stderr.splitlines()) == 1
    assert json.loads(result.stdout)["trust"] == str(out / "trust.json")
    (out / "trust.json").write_bytes((out / "trust.json").read_bytes().replace(b"One", b"Two"))
    result = run_cli("org", "issue", "--org", out, "--role", "intake", "--name", "X")
    assert result.returncode == 4 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_org_reissue_keeps_the_member_id(org: Path) -> None:
    before = load_trust(org / "trust.json")
    old = before.by_name("Interviewer One")
    assert old is not None and old.member_id
    done = org_reissue(org, "interviewer one")
    after = load_trust(org / "trust.json")
    new = after.by_name("Interviewer One")
    assert new is not None and done.member == new
    assert (new.member_id, new.role) == (old.member_id, "interviewer")
    assert new.fingerprint != old.fingerprint and done.old_fingerprint == old.fingerprint
    assert after.member_for_certificate(old.certificate) is None  # the old one is gone
    assert new.authentication_certificate is not None
    assert new.authentication_certificate != old.authentication_certificate
    assert after.serial == before.serial + 1
    assert [m.member_id for m in after.members] == [m.member_id for m in before.members]
    assert done.dir == org / "interviewer-interviewer-one"
    assert pki.load_certificate((done.dir / "cert.pem").read_bytes()) == new.certificate
    with pytest.raises(UsageError, match="no member named"):
        org_reissue(org, "Nobody")
