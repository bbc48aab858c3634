"""The organisation's certificates, trust-file signature and age identities, checked with
the real tools a third party would use: openssl, age and age-keygen."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.org import org_init, org_remove
from crypto import cms, pki
from crypto.pki_errors import CmsError
from tests.conftest import require_tool


@pytest.fixture
def org(tmp_path: Path) -> Path:
    out = tmp_path / "org"
    org_init(out, "Example Oversight Body")
    return out


def openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("openssl"), *map(str, args)], capture_output=True, text=True, timeout=60
    )


def cms_verify(sig: Path, content: Path, ca: Path) -> subprocess.CompletedProcess[str]:
    return openssl(
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        sig,
        "-content",
        content,
        "-CAfile",
        ca,
        "-out",
        "/dev/null",
    )


@pytest.mark.parametrize("role", ["interviewer", "supervisor", "intake"])
def test_openssl_verifies_member_certificates(org: Path, role: str) -> None:
    result = openssl("verify", "-x509_strict", "-CAfile", org / "ca.pem", org / role / "cert.pem")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(": OK")


def test_openssl_refuses_another_organisations_member(org: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    org_init(other, "Example Oversight Body")
    result = openssl("verify", "-CAfile", org / "ca.pem", other / "interviewer" / "cert.pem")
    assert result.returncode != 0


def test_openssl_reads_the_member_key(org: Path) -> None:
    d = org / "interviewer"
    key_pub = openssl("pkey", "-in", d / "key.pem", "-pubout")
    cert_pub = openssl("x509", "-in", d / "cert.pem", "-noout", "-pubkey")
    assert key_pub.returncode == 0 and key_pub.stdout == cert_pub.stdout
    text = openssl("x509", "-in", d / "cert.pem", "-noout", "-text").stdout
    assert "prime256v1" in text and "ecdsa-with-SHA256" in text


def test_openssl_verifies_the_trust_file_and_refuses_an_altered_one(org: Path) -> None:
    trust, sig, ca = org / "trust.json", org / "trust.json.p7s", org / "ca.pem"
    result = cms_verify(sig, trust, ca)
    assert result.returncode == 0, result.stderr
    data = bytearray(trust.read_bytes())
    data[len(data) // 2] ^= 0x01
    trust.write_bytes(bytes(data))
    assert cms_verify(sig, trust, ca).returncode != 0


def test_openssl_verifies_the_trust_list_signer(org: Path, tmp_path: Path) -> None:
    """The trust file is signed by the trust-list signer, not the CA; openssl still
    verifies it with the CA as the only trust anchor and its default purpose check."""
    signer = tmp_path / "signer.pem"
    result = openssl(
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        org / "trust.json.p7s",
        "-content",
        org / "trust.json",
        "-CAfile",
        org / "ca.pem",
        "-signer",
        signer,
        "-out",
        "/dev/null",
    )
    assert result.returncode == 0, result.stderr
    assert pki.load_certificate(signer.read_bytes()) == pki.load_certificate(
        (org / "trust-signer" / "cert.pem").read_bytes()
    )
    profile = openssl(
        "x509", "-in", signer, "-noout", "-ext", "basicConstraints,keyUsage,extendedKeyUsage"
    ).stdout
    usage = profile.split("Key Usage: critical", 1)[1].splitlines()[1].strip()
    assert usage == "Digital Signature", profile  # nothing else: no certificate signing
    assert "CA:FALSE" in profile and "0.4.0.2231.3.0, E-mail Protection" in profile
    chain = openssl("verify", "-x509_strict", "-CAfile", org / "ca.pem", signer)
    assert chain.returncode == 0 and chain.stdout.strip().endswith(": OK"), chain.stderr
    # A member removed with the CA key offline: the re-signed file verifies the same way.
    (org / "ca-key.pem").unlink()
    org_remove(org, "Supervisor One")
    result = cms_verify(org / "trust.json.p7s", org / "trust.json", org / "ca.pem")
    assert result.returncode == 0, result.stderr


def test_openssl_verifies_sign_detached(org: Path, tmp_path: Path) -> None:
    d = org / "supervisor"
    cert, key = pki.load_pem_pair((d / "cert.pem").read_bytes(), (d / "key.pem").read_bytes())
    payload = bytes(range(256)) * 8 + b"\r\nno canonicalisation\n"
    data, sig = tmp_path / "data.bin", tmp_path / "data.p7s"
    data.write_bytes(payload)
    sig.write_bytes(cms.sign_detached(payload, cert, key))
    result = cms_verify(sig, data, org / "ca.pem")
    assert result.returncode == 0, result.stderr
    # With no purpose override: the default S/MIME signing purpose accepts it.
    strict = openssl(
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        sig,
        "-content",
        data,
        "-CAfile",
        org / "ca.pem",
        "-out",
        "/dev/null",
    )
    assert strict.returncode == 0, strict.stderr


def test_verify_detached_accepts_openssl_signatures(org: Path, tmp_path: Path) -> None:
    d = org / "intake"
    data, sig = tmp_path / "data", tmp_path / "sig.p7s"
    data.write_bytes(b"a manifest of hashes\r\nsecond line\n")
    result = openssl(
        "cms",
        "-sign",
        "-binary",
        "-outform",
        "DER",
        "-md",
        "sha256",
        "-signer",
        d / "cert.pem",
        "-inkey",
        d / "key.pem",
        "-in",
        data,
        "-out",
        sig,
    )
    assert result.returncode == 0, result.stderr
    ca = pki.load_certificate((org / "ca.pem").read_bytes())
    signer = cms.verify_detached(sig.read_bytes(), data.read_bytes(), ca)
    assert pki.common_name(signer) == "Intake Service"
    with pytest.raises(CmsError, match="does not match the content"):
        cms.verify_detached(sig.read_bytes(), data.read_bytes() + b"x", ca)


def test_age_recipients_match_the_identities(org: Path, tmp_path: Path) -> None:
    keygen, age = require_tool("age-keygen"), require_tool("age")
    members = json.loads((org / "trust.json").read_text())["members"]
    assert len(members) == 3
    for member in members:
        d = org / member["role"]
        derived = subprocess.run(
            [keygen, "-y", d / "age-identity.txt"], capture_output=True, text=True, check=True
        ).stdout.strip()
        assert derived == member["age_recipient"]
        assert (d / "age-recipient.txt").read_text().strip() == derived
        plain = b"for the eyes of " + member["name"].encode()
        sealed = subprocess.run(
            [age, "-r", member["age_recipient"]], input=plain, capture_output=True, check=True
        ).stdout
        opened = subprocess.run(
            [age, "-d", "-i", d / "age-identity.txt"], input=sealed, capture_output=True, check=True
        ).stdout
        assert opened == plain
