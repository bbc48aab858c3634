"""Helpers the identity.p12 tests share (test_identity_p12.py and
test_identity_p12_forged.py): members issued by a test CA, and a forger that builds
PKCS#12 files bag by bag with a valid MAC, so only the reader's own checks can refuse
them."""

from __future__ import annotations

import hashlib
import hmac
import os
from datetime import UTC, datetime, timedelta
from typing import Any

from asn1crypto import algos, core
from asn1crypto import pkcs12 as ap12
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from crypto import pbes2, pki

ORG = "Example Oversight Body"
PASSWORD = b"correct horse battery staple"
LABELS = ("signing", "authentication", "tls", "timestamp")
Pair = tuple[x509.Certificate, ec.EllipticCurvePrivateKey]


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def member(ca: Pair, role: str = "interviewer") -> Pair:
    return pki.issue_certificate(*ca, name="Interviewer One", organisation=ORG, role=role)


def attributes(name: str | None, key_id: bytes | None) -> dict[str, Any]:
    attrs: list[dict[str, Any]] = []
    if name is not None:
        attrs.append({"type": "friendly_name", "values": [name]})
    if key_id is not None:
        attrs.append({"type": "local_key_id", "values": [key_id]})
    return {"bag_attributes": attrs} if attrs else {}


def cert_bag(cert: x509.Certificate, key_id: bytes | None = None) -> ap12.SafeBag:
    value = {"cert_id": "x509", "cert_value": ax509.Certificate.load(der(cert))}
    return ap12.SafeBag({"bag_id": "cert_bag", "bag_value": value, **attributes(None, key_id)})


def key_bag(key: Any, name: str | None, key_id: bytes | None) -> ap12.SafeBag:
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSWORD),
    )
    value = ap12.EncryptedPrivateKeyInfo.load(pkcs8)
    return ap12.SafeBag(
        {"bag_id": "pkcs8_shrouded_key_bag", "bag_value": value, **attributes(name, key_id)}
    )


def pfx(auth_safe: bytes, *, iterations: int = 1, password: bytes = PASSWORD) -> bytes:
    """A PFX around `auth_safe` with a valid HMAC-SHA256 MAC."""
    salt = os.urandom(8)
    secret = pbes2.bmp_password(password)[0]
    # Counts the reader refuses are never used, so the MAC need not be paid for.
    mac_key = pbes2.pkcs12_kdf("sha256", secret, salt, 3, min(iterations, 10), 32)
    mac = {
        "digest_algorithm": {"algorithm": "sha256"},
        "digest": hmac.new(mac_key, auth_safe, "sha256").digest(),
    }
    return ap12.Pfx(
        {
            "version": "v3",
            "auth_safe": {"content_type": "data", "content": core.OctetString(auth_safe)},
            "mac_data": {"mac": mac, "mac_salt": salt, "iterations": iterations},
        }
    ).dump()


def forge(bags: list[ap12.SafeBag], **kwargs: Any) -> bytes:
    contents = core.OctetString(ap12.SafeContents(bags).dump())
    safe = ap12.AuthenticatedSafe([{"content_type": "data", "content": contents}])
    return pfx(safe.dump(), **kwargs)


def costly(rounds: int) -> algos.EncryptionAlgorithm:
    """PBES2 parameters asking for `rounds` of PBKDF2-HMAC-SHA256."""
    kdf = {
        "salt": algos.Pbkdf2Salt(name="specified", value=os.urandom(16)),
        "iteration_count": rounds,
        "prf": {"algorithm": "sha256"},
    }
    params = {
        "key_derivation_func": {"algorithm": "pbkdf2", "parameters": kdf},
        "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": os.urandom(16)},
    }
    return algos.EncryptionAlgorithm({"algorithm": "pbes2", "parameters": params})


def costly_safes(rounds: int) -> list[bytes]:
    """A key bag and a certificate safe whose PBES2 wants `rounds`, their contents random."""
    value = {"encryption_algorithm": costly(rounds), "encrypted_data": os.urandom(48)}
    bag = ap12.SafeBag({"bag_id": "pkcs8_shrouded_key_bag", "bag_value": value})
    encrypted = {
        "content_type": "data",
        "content_encryption_algorithm": costly(rounds),
        "encrypted_content": os.urandom(48),
    }
    content = {"version": "v0", "encrypted_content_info": encrypted}
    safe = {"content_type": "encrypted_data", "content": content}
    return [forge([bag]), pfx(ap12.AuthenticatedSafe([safe]).dump())]


def labelled(pair: Pair, label: str | None) -> list[ap12.SafeBag]:
    key_id = hashlib.sha256(der(pair[0])).digest()
    return [cert_bag(pair[0], key_id), key_bag(pair[1], label, key_id)]


def self_signed(key: Any) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "x")])
    algorithm = None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(datetime.now(UTC) - timedelta(minutes=5))
        .not_valid_after(datetime.now(UTC) + timedelta(days=1))
        .sign(key, algorithm)
    )
