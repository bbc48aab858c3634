"""Protected keys: an organisation made with passwords keeps no private key in the clear.

- `org_init(..., protection=...)`: each member folder holds one identity.p12 (every key,
  the CA certificate and the age identity) and public files only; the CA key and the
  trust-list signer's key are encrypted PEM; no file anywhere holds private key text;
- `org_issue` and `org_remove` need the CA passphrase for an encrypted organisation,
  refuse a wrong or needless one clearly, and change nothing when they refuse;
- the engine imports identity.p12 whole (signing + authentication + age identity);
- the CLI: `org init` with and without passwords, `identity import` of identity.p12 and
  of the evaluation layout, `--remove-originals`, and the refusals (one stderr line).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest

from app.engine.engine import Engine
from app.errors import UsageError
from app.org import load_trust, org_init, org_issue, org_remove
from app.org.organisation import Protection
from app.vault.vault import Vault
from crypto import pki
from crypto.identity_p12 import read_identity_p12
from crypto.pki_errors import CertificateError
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli, snapshot, write_secret

ORG = "Example Oversight Body"
MEMBER_PW = b"pw1"
CA_PW = b"pw2"
KEY_FILES = ("key.pem", "auth-key.pem", "tls-key.pem", "timestamp-key.pem", "age-identity.txt")
CANARIES = (b"BEGIN PRIVATE KEY", b"BEGIN EC PRIVATE KEY", b"AGE-SECRET-KEY-1")
LABELS = {
    "interviewer": {"signing", "authentication"},
    "supervisor": {"signing", "authentication"},
    "intake": {"signing", "tls", "timestamp"},
}
CERT_FILE = {
    "signing": "cert.pem",
    "authentication": "auth-cert.pem",
    "tls": "tls-cert.pem",
    "timestamp": "timestamp-cert.pem",
}
TRUST_KEY = {
    "signing": "certificate",
    "authentication": "authentication_certificate",
    "tls": "tls_certificate",
    "timestamp": "timestamp_certificate",
}


@pytest.fixture(scope="module")
def protected_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once: every identity.p12 costs 600,000 PBKDF2 rounds to write."""
    out = tmp_path_factory.mktemp("org") / "protected"
    org_init(out, ORG, protection=Protection(members=MEMBER_PW, ca=CA_PW))
    return out


@pytest.fixture
def protected(protected_once: Path, tmp_path: Path) -> Path:
    """A copy of its own for each test (some change the organisation)."""
    return Path(shutil.copytree(protected_once, tmp_path / "protected", symlinks=True))


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    out = tmp_path / "plain"
    org_init(out, ORG)
    return out


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    with (
        Vault.create(tmp_path / "vault", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as v,
        Engine(v) as e,
    ):
        yield e


def leaks(directory: Path) -> list[str]:
    """Files under `directory` holding private key text in the clear."""
    return [
        str(p.relative_to(directory))
        for p in sorted(directory.rglob("*"))
        if p.is_file() and any(c in p.read_bytes() for c in CANARIES)
    ]


def state(directory: Path) -> tuple[list[str], dict[str, bytes]]:
    """Every path (folders too, so no staging folder is left behind) and every file's
    bytes under `directory`."""
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*")), snapshot(directory)


def code_of(exc: pytest.ExceptionInfo[UsageError]) -> str:
    return exc.value.code


# --- the files of a protected organisation --------------------------------------------


def test_no_private_key_in_the_clear(protected: Path) -> None:
    for role in LABELS:
        folder = protected / role
        assert (folder / "identity.p12").is_file()
        assert (folder / "age-recipient.txt").is_file()
        assert not [n for n in KEY_FILES if (folder / n).exists()], role
    for key in (protected / "ca-key.pem", protected / "trust-signer" / "key.pem"):
        data = key.read_bytes()
        assert pki.is_encrypted_key_pem(data), key
        assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert leaks(protected) == []
    # The passphrase opens both organisation keys.
    ca_cert, ca_key = pki.load_pem_pair(
        (protected / "ca.pem").read_bytes(), (protected / "ca-key.pem").read_bytes(), CA_PW
    )
    pki.check_key_matches(ca_cert, ca_key)
    signer = protected / "trust-signer"
    pki.load_pem_pair((signer / "cert.pem").read_bytes(), (signer / "key.pem").read_bytes(), CA_PW)


def test_identity_p12_holds_the_whole_identity(protected: Path) -> None:
    for role in LABELS:
        check_identity_p12(protected, role)
    with pytest.raises(CertificateError):
        read_identity_p12((protected / "intake" / "identity.p12").read_bytes(), b"wrong")


def check_identity_p12(protected: Path, role: str) -> None:
    """identity.p12 of `role`: its labels, the CA certificate, the age identity of
    age-recipient.txt, and the certificates of the folder and of the trust file."""
    folder = protected / role
    bundle = read_identity_p12((folder / "identity.p12").read_bytes(), MEMBER_PW)
    assert set(bundle.pairs) == LABELS[role]
    assert list(bundle.ca_certificates) == [
        pki.load_certificate((protected / "ca.pem").read_bytes())
    ]
    assert bundle.age_identity is not None
    age = pyrage.x25519.Identity.from_str(bundle.age_identity)
    assert str(age.to_public()) == (folder / "age-recipient.txt").read_text().strip()
    trust = load_trust(protected / "trust.json")
    member = trust.by_role(role)[0]
    assert member.age_recipient == str(age.to_public())
    listed = member.to_json()
    for label, (cert, key) in bundle.pairs.items():
        pki.check_key_matches(cert, key)
        assert pki.certificate_pem(cert) == (folder / CERT_FILE[label]).read_bytes()
        assert pki.certificate_pem(cert).decode() == listed[TRUST_KEY[label]]


# --- org issue and org remove on an encrypted organisation ----------------------------


def test_org_issue_needs_the_ca_passphrase(protected: Path) -> None:
    before = state(protected)
    with pytest.raises(UsageError) as caught:
        org_issue(protected, "supervisor", "Ann Lee", protection=Protection(members=MEMBER_PW))
    assert code_of(caught) == "org.key_encrypted"
    assert "--ca-passphrase-file" in str(caught.value)
    with pytest.raises(UsageError) as caught:
        org_issue(protected, "supervisor", "Ann Lee", protection=Protection(ca=b"wrong"))
    assert code_of(caught) == "org.ca_key_unusable"
    assert "wrong password" in str(caught.value) and "\n" not in str(caught.value)
    assert state(protected) == before
    folder = org_issue(
        protected, "supervisor", "Ann Lee", protection=Protection(members=MEMBER_PW, ca=CA_PW)
    )
    assert {p.name for p in folder.iterdir()} == {
        "identity.p12",
        "cert.pem",
        "auth-cert.pem",
        "age-recipient.txt",
    }
    assert leaks(protected) == []
    trust = load_trust(protected / "trust.json")
    assert trust.serial == 2 and trust.by_name("Ann Lee") is not None


def test_org_remove_needs_the_ca_passphrase(protected: Path) -> None:
    before = state(protected)
    with pytest.raises(UsageError) as caught:
        org_remove(protected, "Supervisor One")
    assert code_of(caught) == "org.key_encrypted"
    with pytest.raises(UsageError) as caught:
        org_remove(protected, "Supervisor One", ca_passphrase=b"wrong")
    assert code_of(caught) == "org.trust_signer_unusable"
    assert "wrong password" in str(caught.value)
    assert state(protected) == before
    removal = org_remove(protected, "Supervisor One", ca_passphrase=CA_PW)
    assert (removal.serial, removal.members_left) == (2, 2)


def test_passphrase_for_an_unencrypted_organisation(plain: Path) -> None:
    before = state(plain)
    with pytest.raises(UsageError) as caught:
        org_issue(plain, "supervisor", "Ann Lee", protection=Protection(ca=CA_PW))
    assert code_of(caught) == "org.key_not_encrypted"
    with pytest.raises(UsageError) as caught:
        org_remove(plain, "Supervisor One", ca_passphrase=CA_PW)
    assert code_of(caught) == "org.key_not_encrypted"
    assert state(plain) == before


# --- importing identity.p12 into a vault ----------------------------------------------


def test_engine_imports_identity_p12(protected: Path, engine: Engine) -> None:
    folder = protected / "interviewer"
    p12 = folder / "identity.p12"
    bundle = read_identity_p12(p12.read_bytes(), MEMBER_PW)
    member = load_trust(protected / "trust.json").by_role("interviewer")[0]
    summary = engine.import_identity(p12, None, None, protected / "trust.json", "pw1")
    ident = engine.identity()
    assert ident.cert == bundle.pairs["signing"][0]
    assert ident.auth_cert == bundle.pairs["authentication"][0]
    assert ident.auth_key is not None
    assert pki.same_public_key(ident.auth_cert, bundle.pairs["authentication"][0])
    assert ident.age_recipient == (folder / "age-recipient.txt").read_text().strip()
    data = summary.to_json()
    assert data["authentication_certificate_fingerprint"] == pki.fingerprint(ident.auth_cert)
    assert data["member_id"] == member.member_id and member.member_id is not None
    assert engine.identity_summary().to_json() == data


def test_engine_refuses_a_wrong_p12_password(protected: Path, engine: Engine) -> None:
    p12 = protected / "interviewer" / "identity.p12"
    with pytest.raises(UsageError) as caught:
        engine.import_identity(p12, None, None, protected / "trust.json", "wrong")
    assert code_of(caught) == "identity.unusable" and "\n" not in str(caught.value)
    with pytest.raises(UsageError, match="identity"):
        engine.identity()  # still none
    assert engine.trust() is None
    engine.import_identity(p12, None, None, protected / "trust.json", "pw1")
    before = engine.identity_summary()
    with pytest.raises(UsageError):
        engine.import_identity(protected / "supervisor" / "identity.p12", None, password="bad")
    assert engine.identity_summary() == before


# --- the CLI ---------------------------------------------------------------------------


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def error_code(result: subprocess.CompletedProcess[str]) -> str:
    """The error code a --json run reports on stdout."""
    return str(json.loads(result.stdout)["error"]["code"])


@pytest.fixture
def vault(tmp_path: Path, passphrase_file: Path) -> list[str | Path]:
    """A new vault (no keyring): the CLI options that open it."""
    root = tmp_path / "cli-vault"
    Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF).close()
    return ["--vault", root, "--passphrase-file", passphrase_file]


@pytest.mark.cli
def test_cli_org_init_passwords(tmp_path: Path) -> None:
    pw, pw2 = write_secret(tmp_path, "pw", "pw1"), write_secret(tmp_path, "pw2", "pw2")
    out = tmp_path / "org"
    result = run_cli(
        "--json", "org", "init", "--out", out, "--password-file", pw, "--ca-passphrase-file", pw2
    )
    assert result.returncode == 0, result.stderr
    assert "not encrypted" not in result.stderr and "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert data["keys_encrypted"] == {"members": True, "ca": True}
    assert [m["identity"] for m in data["members"]] == [
        str(out / role / "identity.p12") for role in ("interviewer", "supervisor", "intake")
    ]
    assert leaks(out) == []
    # Without passwords: one warning line.
    result = run_cli("org", "init", "--out", tmp_path / "eval")
    assert result.returncode == 0
    assert "not encrypted" in one_line(result)
    # Both secrets from standard input cannot work: refused before anything is written.
    twice = tmp_path / "twice"
    result = run_cli(
        "--json",
        "org",
        "init",
        "--out",
        twice,
        "--password-file",
        "-",
        "--ca-passphrase-file",
        "-",
        stdin=b"pw1\npw2\n",
    )
    assert result.returncode == 1
    one_line(result)
    assert error_code(result) == "cli.stdin_twice"
    assert not twice.exists()


@pytest.mark.cli
def test_cli_org_issue_with_passphrases(protected: Path, tmp_path: Path) -> None:
    pw, pw2 = write_secret(tmp_path, "pw", "pw1"), write_secret(tmp_path, "pw2", "pw2")
    before = snapshot(protected)
    issue = ("--json", "org", "issue", "--org", protected, "--role", "intake", "--name", "Desk B")
    result = run_cli(*issue, "--password-file", pw)
    assert result.returncode == 1 and error_code(result) == "org.key_encrypted"
    one_line(result)
    assert snapshot(protected) == before
    result = run_cli(*issue, "--password-file", pw, "--ca-passphrase-file", pw2)
    assert result.returncode == 0, result.stderr
    assert "not encrypted" not in result.stderr
    assert Path(json.loads(result.stdout)["identity"]).is_file()
    assert leaks(protected) == []


@pytest.mark.cli
def test_cli_imports_identity_p12_and_removes_it(
    protected: Path, tmp_path: Path, vault: list[str | Path]
) -> None:
    pw = write_secret(tmp_path, "pw", "pw1")
    p12 = protected / "interviewer" / "identity.p12"
    auth = pki.load_certificate((protected / "interviewer" / "auth-cert.pem").read_bytes())
    member = load_trust(protected / "trust.json").by_role("interviewer")[0]
    args = ("--cert", p12, "--trust", protected / "trust.json", "--remove-originals")
    # A failed import removes nothing.
    wrong = write_secret(tmp_path, "wrong", "not the password")
    result = run_cli(*vault, "--json", "identity", "import", *args, "--password-file", wrong)
    assert result.returncode == 1 and error_code(result) == "identity.unusable"
    one_line(result)
    assert p12.is_file()
    result = run_cli(*vault, "--json", "identity", "import", *args, "--password-file", pw)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["removed"] == [str(p12)] and data["not_removed"] == []
    assert not p12.exists()
    assert data["authentication_certificate_fingerprint"] == pki.fingerprint(auth)
    assert data["member_id"] == member.member_id
    assert "still on disk" not in result.stderr


@pytest.mark.cli
def test_cli_imports_the_evaluation_layout(
    plain: Path, tmp_path: Path, vault: list[str | Path]
) -> None:
    folder = plain / "interviewer"
    files: dict[str, Any] = {
        "--cert": folder / "cert.pem",
        "--key": folder / "key.pem",
        "--auth-cert": folder / "auth-cert.pem",
        "--auth-key": folder / "auth-key.pem",
        "--age-identity": folder / "age-identity.txt",
    }
    args = [a for pair in files.items() for a in pair]
    trust = ["--trust", plain / "trust.json"]
    # Without --remove-originals: imported, and one note that the keys are still there.
    result = run_cli(*vault, "--json", "identity", "import", *args, *trust)
    assert result.returncode == 0, result.stderr
    assert "still on disk" in one_line(result)
    assert all(Path(p).exists() for p in files.values())
    result = run_cli(*vault, "--json", "identity", "import", *args, *trust, "--remove-originals")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    secret = [files["--key"], files["--auth-key"], files["--age-identity"]]
    assert sorted(data["removed"]) == sorted(str(p) for p in secret)
    assert not any(p.exists() for p in secret)
    assert files["--cert"].exists() and files["--auth-cert"].exists()
    assert leaks(folder) == []
    auth = pki.load_certificate(files["--auth-cert"].read_bytes())
    assert data["authentication_certificate_fingerprint"] == pki.fingerprint(auth)


@pytest.mark.cli
def test_cli_import_refusals(plain: Path, vault: list[str | Path]) -> None:
    folder = plain / "supervisor"
    base = (*vault, "--json", "identity", "import")
    result = run_cli(
        *base,
        "--cert",
        folder / "cert.pem",
        "--key",
        folder / "key.pem",
        "--auth-cert",
        folder / "auth-cert.pem",
    )
    assert result.returncode == 1
    one_line(result)
    assert error_code(result) == "identity.auth_pair_incomplete"
    result = run_cli(*base, "--cert", folder / "auth-cert.pem", "--key", folder / "auth-key.pem")
    assert result.returncode == 1
    one_line(result)
    assert error_code(result) == "identity.authentication_as_signing"
    assert (folder / "key.pem").exists() and (folder / "auth-key.pem").exists()
