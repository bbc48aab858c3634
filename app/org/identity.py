"""A staff member's own identity: their signing certificate and key, and their age
identity, loaded from files and checked (app/engine/identity.py keeps it in the vault).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pyrage import x25519

from app.errors import UsageError
from app.org.trust import (
    AGE_IDENTITY_FILE,
    CERTIFICATE_FILE,
    KEY_FILE,
    MAX_CERT_FILE,
    MAX_KEY_FILE,
    read_file,
)
from crypto import pki
from crypto.errors import RecoveryError
from crypto.pki_errors import PkiError
from crypto.recovery import parse_identities


def age_identity_file(identity: x25519.Identity, created: datetime | None = None) -> str:
    """An identity in age-keygen's file format (readable by `age -d -i`)."""
    lines = [f"# created: {created.strftime('%Y-%m-%dT%H:%M:%SZ')}"] if created else []
    lines += [f"# public key: {identity.to_public()}", str(identity)]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, eq=False)
class Identity:
    """A member's signing certificate and key, and optionally their age identity."""

    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey = field(repr=False)
    age_identity: x25519.Identity | None = field(default=None, repr=False)

    @property
    def name(self) -> str | None:
        return pki.common_name(self.cert)

    @property
    def fingerprint(self) -> str:
        return pki.fingerprint(self.cert)

    @property
    def age_recipient(self) -> str | None:
        return str(self.age_identity.to_public()) if self.age_identity else None

    def cert_pem(self) -> bytes:
        return pki.certificate_pem(self.cert)

    def key_pem(self) -> bytes:
        """Unencrypted PKCS#8 PEM: for storing inside the encrypted vault only."""
        return pki.private_key_pem(self.key)

    def age_identity_text(self) -> str | None:
        return age_identity_file(self.age_identity) if self.age_identity else None


def load_identity(
    cert_path: Path,
    key_path: Path | None,
    age_identity_path: Path | None = None,
    password: str | bytes | None = None,
) -> Identity:
    """A signing identity from a certificate and key (PEM or DER) or from one PKCS#12
    file given as `cert_path` with `key_path` None. `password` opens an encrypted key or
    PKCS#12 file. Only ECDSA P-256 keys are supported."""
    secret = password.encode("utf-8") if isinstance(password, str) else password
    data = read_file(cert_path, MAX_CERT_FILE, CERTIFICATE_FILE)
    try:
        if key_path is None:
            if not pki.looks_like_pkcs12(data):
                raise UsageError(
                    "identity.key_needed",
                    "give the private key file too, or a "
                    "PKCS#12 (.p12) file holding both certificate and key",
                )
            cert, key = pki.load_pkcs12(data, secret)
        else:
            key_data = read_file(key_path, MAX_KEY_FILE, KEY_FILE)
            cert, key = pki.load_pem_pair(data, key_data, secret)
    except PkiError as exc:
        raise UsageError(
            "identity.unusable", "cannot use this identity: {detail}", detail=str(exc)
        ) from None
    _check_signing_certificate(cert)
    age = _load_age_identity(age_identity_path) if age_identity_path else None
    return Identity(cert=cert, key=key, age_identity=age)


def _check_signing_certificate(cert: x509.Certificate) -> None:
    if pki.is_ca(cert):
        raise UsageError(
            "identity.ca_certificate",
            "this is a CA certificate, not a staff member's signing certificate",
        )
    if pki.is_trust_list_signer(cert):
        raise UsageError(
            "identity.trust_list_signer",
            "this is the organisation's trust-list signing certificate, not a staff "
            "member's signing certificate",
        )
    try:
        signs = pki.can_sign_documents(cert)
    except ValueError:
        signs = False
    if not signs:
        raise UsageError(
            "identity.cannot_sign", "this certificate is not allowed to sign documents"
        )
    now = datetime.now(UTC)
    if now > cert.not_valid_after_utc:
        raise UsageError(
            "identity.expired", "this signing certificate has expired; ask for a new one"
        )
    if now < cert.not_valid_before_utc:
        raise UsageError("identity.not_yet_valid", "this signing certificate is not valid yet")


def not_an_age_identity_file(path: Path | str) -> UsageError:
    return UsageError("identity.not_age_identity", "{path} is not an age identity file", path=path)


def identity_file_unreadable(path: Path | str, reason: str | None) -> UsageError:
    """An age identity file that could not be read; `reason` is OSError.strerror."""
    return UsageError(
        "identity.file_unreadable",
        "cannot read the identity file {path}: {reason}",
        path=path,
        reason=reason,
    )


def _load_age_identity(path: Path) -> x25519.Identity:
    try:
        text = read_file(path, MAX_KEY_FILE, AGE_IDENTITY_FILE).decode("utf-8")
        identities = parse_identities(text)
    except (UnicodeDecodeError, RecoveryError):
        raise not_an_age_identity_file(path) from None
    if len(identities) != 1:
        raise UsageError(
            "identity.several_age_identities",
            "{path} must hold exactly one age identity",
            path=path,
        )
    return identities[0]
