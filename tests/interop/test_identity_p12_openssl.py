"""The one-file identity (crypto/identity_p12.py) against the real tools: openssl reads
our PKCS#12 (MAC verified, every key and certificate present) and we read what
`openssl pkcs12 -export` writes; the age identity inside is age-keygen's own key.
Passwords reach openssl through 0600 files, never the command line."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519

from crypto import bech32, identity_p12, pki
from crypto.identity_p12 import IdentityFile, read_identity_p12, write_identity_p12
from crypto.pki_errors import CertificateError
from tests.conftest import require_tool

ORG = "Example Oversight Body"
PASSWORD = "a calm and quiet room 2026 ☂"
LABELS = ("signing", "authentication", "tls", "timestamp")
Pair = tuple[x509.Certificate, ec.EllipticCurvePrivateKey]


def openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("openssl"), *map(str, args)], capture_output=True, text=True, timeout=60
    )


def password_file(tmp_path: Path, text: str = PASSWORD, name: str = "pw") -> Path:
    path = tmp_path / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text + "\n")  # openssl takes the first line
    return path


@pytest.fixture(scope="module")
def ca() -> Pair:
    return pki.generate_ca(ORG)


@pytest.fixture(scope="module")
def pairs(ca: Pair) -> dict[str, Pair]:
    return {
        label: pki.issue_certificate(*ca, name="Interviewer One", organisation=ORG, role=label)
        for label in LABELS
    }


def pem_blocks(text: str, kind: str) -> list[bytes]:
    pattern = rf"-----BEGIN {kind}-----.*?-----END {kind}-----"
    return [block.encode() for block in re.findall(pattern, text, re.S)]


def test_openssl_reads_our_file(pairs: dict[str, Pair], ca: Pair, tmp_path: Path) -> None:
    age_key = x25519.X25519PrivateKey.generate()
    age_text = bech32.age_identity_text(age_key.private_bytes_raw())
    identity = IdentityFile(dict(pairs), age_text, (ca[0],))
    p12 = tmp_path / "identity.p12"
    p12.write_bytes(
        write_identity_p12(identity, PASSWORD.encode(), friendly_name="Interviewer One")
    )
    pw = password_file(tmp_path)

    info = openssl("pkcs12", "-info", "-in", p12, "-passin", f"file:{pw}", "-noout")
    assert info.returncode == 0, info.stderr
    assert f"MAC: sha256, Iteration {identity_p12.MAC_ITERATIONS}" in info.stderr
    assert identity_p12.MAC_ITERATIONS >= 800_000 and identity_p12.KEY_ITERATIONS >= 600_000
    pbes2 = (
        f"PBES2, PBKDF2, AES-256-CBC, Iteration {identity_p12.KEY_ITERATIONS}, PRF hmacWithSHA256"
    )
    assert f"PKCS7 Encrypted data: {pbes2}\n" in info.stderr
    assert info.stderr.count(f"Shrouded Keybag: {pbes2}\n") == len(LABELS) + 1

    dump = openssl("pkcs12", "-in", p12, "-passin", f"file:{pw}", "-nodes")
    assert dump.returncode == 0, dump.stderr
    keys = [
        serialization.load_pem_private_key(block, None)
        for block in pem_blocks(dump.stdout, "PRIVATE KEY")
    ]
    assert len(keys) == len(LABELS) + 1
    ec_keys = [k for k in keys if isinstance(k, ec.EllipticCurvePrivateKey)]
    assert {k.private_numbers() for k in ec_keys} == {
        k.private_numbers() for _, k in pairs.values()
    }
    [age_from_openssl] = [k for k in keys if isinstance(k, x25519.X25519PrivateKey)]
    assert bech32.age_identity_text(age_from_openssl.private_bytes_raw()) == age_text
    certs = {x509.load_pem_x509_certificate(b) for b in pem_blocks(dump.stdout, "CERTIFICATE")}
    assert certs == {cert for cert, _ in pairs.values()} | {ca[0]}
    for label in LABELS:
        assert f"friendlyName: {label}\n" in dump.stdout
        assert f"friendlyName: Interviewer One ({label})\n" in dump.stdout


def test_openssl_refuses_our_file_with_the_wrong_password(
    pairs: dict[str, Pair], tmp_path: Path
) -> None:
    p12 = tmp_path / "identity.p12"
    identity = IdentityFile({"signing": pairs["signing"]}, None, ())
    p12.write_bytes(write_identity_p12(identity, PASSWORD.encode(), friendly_name="x"))
    wrong = password_file(tmp_path, "not the password")
    result = openssl("pkcs12", "-info", "-in", p12, "-passin", f"file:{wrong}", "-noout")
    assert result.returncode != 0 and "mac verify" in result.stderr.lower()


@pytest.fixture
def pem_pair(pairs: dict[str, Pair], ca: Pair, tmp_path: Path) -> tuple[Path, Path, Path]:
    cert, key = pairs["signing"]
    paths = tmp_path / "key.pem", tmp_path / "cert.pem", tmp_path / "ca.pem"
    paths[0].write_bytes(pki.private_key_pem(key))
    paths[1].write_bytes(pki.certificate_pem(cert))
    paths[2].write_bytes(pki.certificate_pem(ca[0]))
    return paths


def export(tmp_path: Path, pem_pair: tuple[Path, Path, Path], *args: str | Path) -> bytes:
    out, pw = tmp_path / "exported.p12", password_file(tmp_path, name="export-pw")
    key, cert, _ = pem_pair
    result = openssl(
        "pkcs12",
        "-export",
        "-inkey",
        key,
        "-in",
        cert,
        "-passout",
        f"file:{pw}",
        "-out",
        out,
        *args,
    )
    if result.returncode != 0:
        pytest.fail(result.stderr)
    return out.read_bytes()


@pytest.mark.parametrize(
    ("args", "label"),
    [
        ((), "signing"),
        (("-name", "Interviewer One"), "signing"),
        (("-name", "tls"), "tls"),
        (("-macalg", "sha512"), "signing"),
        (("-macalg", "sha1", "-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES"), "signing"),
        (("-certpbe", "NONE", "-keypbe", "NONE"), "signing"),
        (("-iter", "1", "-maciter"), "signing"),
        (("-keypbe", "AES-128-CBC", "-certpbe", "AES-192-CBC"), "signing"),
        (("-keypbe", "DES-EDE3-CBC"), "signing"),  # PBES2 with triple-DES: cryptography's
        (("-iter", "600000", "-macalg", "sha384"), "signing"),
    ],
)
def test_we_read_an_openssl_export(
    pairs: dict[str, Pair],
    pem_pair: tuple[Path, Path, Path],
    tmp_path: Path,
    args: tuple[str, ...],
    label: str,
) -> None:
    data = export(tmp_path, pem_pair, *args)
    read = read_identity_p12(data, PASSWORD.encode())
    cert, key = pairs["signing"]
    assert list(read.pairs) == [label]
    assert read.pairs[label][0] == cert
    assert read.pairs[label][1].private_numbers() == key.private_numbers()
    assert read.age_identity is None and read.ca_certificates == ()
    with pytest.raises(CertificateError, match="wrong password"):
        read_identity_p12(data, b"wrong")


def test_we_read_the_chain_openssl_adds(
    ca: Pair, pem_pair: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    data = export(tmp_path, pem_pair, "-certfile", pem_pair[2])
    assert read_identity_p12(data, PASSWORD.encode()).ca_certificates == (ca[0],)


def test_we_refuse_an_export_without_a_mac(
    pem_pair: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    with pytest.raises(CertificateError, match="no integrity check"):
        read_identity_p12(export(tmp_path, pem_pair, "-nomac"), PASSWORD.encode())


def test_rc2_from_legacy_mode_is_refused_plainly(
    pem_pair: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    pw = password_file(tmp_path)
    out = tmp_path / "legacy.p12"
    key, cert, _ = pem_pair
    made = openssl(
        "pkcs12",
        "-export",
        "-legacy",
        "-inkey",
        key,
        "-in",
        cert,
        "-passout",
        f"file:{pw}",
        "-out",
        out,
    )
    if made.returncode != 0:
        pytest.skip("this openssl has no legacy provider (RC2)")
    with pytest.raises(CertificateError) as raised:
        read_identity_p12(out.read_bytes(), PASSWORD.encode())
    assert str(raised.value) == identity_p12.UNSUPPORTED


def test_the_age_identity_is_age_keygens_key(pairs: dict[str, Pair], tmp_path: Path) -> None:
    keygen = require_tool("age-keygen")
    made = subprocess.run([keygen], capture_output=True, text=True, check=True, timeout=60)
    identity_text = next(line for line in made.stdout.splitlines() if line.startswith("AGE-"))
    recipient = re.search(r"public key: (age1\w+)", made.stdout + made.stderr)
    assert recipient is not None
    identity = IdentityFile({"signing": pairs["signing"]}, identity_text, ())
    p12 = tmp_path / "identity.p12"
    p12.write_bytes(write_identity_p12(identity, PASSWORD.encode(), friendly_name="x"))
    dump = openssl("pkcs12", "-in", p12, "-passin", f"file:{password_file(tmp_path)}", "-nodes")
    keys = [
        serialization.load_pem_private_key(b, None) for b in pem_blocks(dump.stdout, "PRIVATE KEY")
    ]
    [age_key] = [k for k in keys if isinstance(k, x25519.X25519PrivateKey)]
    public = age_key.public_key().public_bytes_raw()
    assert bech32.age_recipient_text(public) == recipient.group(1)
    assert read_identity_p12(p12.read_bytes(), PASSWORD.encode()).age_identity == identity_text
