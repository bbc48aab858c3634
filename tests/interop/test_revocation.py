"""The organisation's revocation list: `org init` publishes an empty one, `org revoke`
revokes a member's certificates (and takes them out of the trust file), `org reissue`
supersedes the old ones; OpenSSL reads every list and refuses a revoked certificate;
bad input is one line and changes nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509

from app.org import org_init
from app.org.crl_file import CRL_NAME
from crypto import pki
from crypto.crl import read_crl
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    org = tmp_path_factory.mktemp("revocation") / "org"
    org_init(org)
    return org


@pytest.fixture
def org(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "org"
    shutil.copytree(made, copy)
    return copy


def ca(org: Path) -> x509.Certificate:
    return pki.load_certificate((org / "ca.pem").read_bytes())


def openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    return subprocess.run(["openssl", *map(str, args)], capture_output=True, text=True)


def crl_pem(org: Path, tmp_path: Path) -> Path:
    out = tmp_path / "crl.pem"
    done = openssl("crl", "-inform", "DER", "-in", org / CRL_NAME, "-out", out)
    assert done.returncode == 0, done.stderr
    return out


def verify_with_crl(org: Path, crl: Path, cert: Path) -> subprocess.CompletedProcess[str]:
    # -purpose smimesign: a member's signing certificate, checked for what it is for.
    return openssl(
        "verify", "-crl_check", "-purpose", "smimesign", "-CAfile", org / "ca.pem",
        "-CRLfile", crl, cert,
    )  # fmt: skip


def test_a_new_organisation_publishes_an_empty_list_openssl_accepts(org: Path) -> None:
    info = read_crl((org / CRL_NAME).read_bytes(), ca(org))
    assert info.number == 1 and info.revoked == ()
    trust = json.loads((org / "trust.json").read_text())
    assert info.next_update.isoformat().startswith(trust["next_update"][:10])
    checked = openssl("crl", "-inform", "DER", "-in", org / CRL_NAME, "-CAfile", org / "ca.pem",
                      "-noout")  # fmt: skip
    assert checked.returncode == 0 and "verify OK" in checked.stderr + checked.stdout


def test_revoking_a_member_lists_every_certificate_and_removes_them(
    org: Path, tmp_path: Path
) -> None:
    done = run_cli(
        "org", "revoke", "--org", org, "--member", "Supervisor One", "--reason",
        "key_compromise", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["crl_number"] == 2 and len(result["revoked"]) == 2  # signing, authentication
    assert result["removed"]["name"] == "Supervisor One"
    trust = json.loads((org / "trust.json").read_text())
    assert "Supervisor One" not in [m["name"] for m in trust["members"]]
    info = read_crl((org / CRL_NAME).read_bytes(), ca(org))
    for cert_file in ("cert.pem", "auth-cert.pem"):
        cert = pki.load_certificate((org / "supervisor" / cert_file).read_bytes())
        entry = info.find(cert)
        assert entry is not None and entry.reason == "key_compromise"
    crl = crl_pem(org, tmp_path)
    refused = verify_with_crl(org, crl, org / "supervisor" / "cert.pem")
    assert refused.returncode != 0 and "certificate revoked" in refused.stdout + refused.stderr
    still = verify_with_crl(org, crl, org / "interviewer" / "cert.pem")
    assert still.returncode == 0, still.stdout + still.stderr


def test_reissue_supersedes_the_old_certificates(org: Path) -> None:
    done = run_cli("org", "reissue", "--org", org, "--member", "Interviewer One")
    assert done.returncode == 0, done.stderr
    info = read_crl((org / CRL_NAME).read_bytes(), ca(org))
    old = pki.load_certificate((org / "interviewer" / "cert.pem").read_bytes())
    entry = info.find(old)
    assert info.number == 2 and entry is not None and entry.reason == "superseded"


def test_a_certificate_no_longer_listed_is_revoked_by_file(org: Path) -> None:
    assert run_cli("org", "remove", "--org", org, "--member", "Supervisor One").returncode == 0
    cert = org / "supervisor" / "cert.pem"
    done = run_cli("org", "revoke", "--org", org, "--cert", cert, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["removed"] is None
    info = read_crl((org / CRL_NAME).read_bytes(), ca(org))
    assert info.find(pki.load_certificate(cert.read_bytes())) is not None


def test_bad_input_is_one_line_and_changes_nothing(org: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    org_init(other, "Another Organisation")
    before = {p.name: p.read_bytes() for p in org.iterdir() if p.is_file()}
    cases = [
        (["--member", "Nobody"], "no member named"),
        (["--cert", other / "interviewer" / "cert.pem"], "not issued by this organisation"),
        (["--cert", org / "interviewer" / "cert.pem"], "current member"),
        (["--cert", org / "trust.json"], "not a certificate"),
        (["--member", "Supervisor One", "--reason", "bored"], "invalid choice"),
        ([], "required"),
    ]
    for args, words in cases:
        done = run_cli("org", "revoke", "--org", org, *args)
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr and words in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) <= 3  # argparse's usage lines for []
    (org / CRL_NAME).write_bytes(b"not a list")
    before[CRL_NAME] = b"not a list"
    done = run_cli("org", "revoke", "--org", org, "--member", "Supervisor One")
    assert done.returncode == 1 and "revocation list" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    after = {p.name: p.read_bytes() for p in org.iterdir() if p.is_file()}
    assert after == before
