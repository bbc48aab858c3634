"""A staff member's own identity: their signing certificate and key, their
authentication certificate and key (mutual TLS with the intake), and their age
identity, loaded from files and checked (app/engine/identity.py keeps it in the vault).

The files are either one identity.p12 (crypto/identity_p12.py: every key and the age
identity, encrypted, as `org issue --password-file` writes it; an ordinary one-key
PKCS#12 gives the signing pair) or separate PEM/DER certificate and key files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pyrage import x25519

from app.errors import UsageError
from app.fsutil import overwrite_and_remove
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
from crypto.identity_p12 import read_identity_p12
from crypto.pki_errors import PkiError
from crypto.recovery import parse_identities


def age_identity_file(identity: x25519.Identity, created: datetime | None = None) -> str:
    """An identity in age-keygen's file format (readable by `age -d -i`)."""
    lines = [f"# created: {created.strftime('%Y-%m-%dT%H:%M:%SZ')}"] if created else []
    lines += [f"# public key: {identity.to_public()}", str(identity)]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, eq=False)
class Identity:
    """A member's signing certificate and key, optionally their authentication
    certificate and key, and optionally their age identity."""

    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey = field(repr=False)
    age_identity: x25519.Identity | None = field(default=None, repr=False)
    auth_cert: x509.Certificate | None = None
    auth_key: ec.EllipticCurvePrivateKey | None = field(default=None, repr=False)

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

    def auth_pems(self) -> tuple[bytes | None, bytes | None]:
        """The authentication certificate and unencrypted key as PEM (for the vault)."""
        if self.auth_cert is None or self.auth_key is None:
            return None, None
        return pki.certificate_pem(self.auth_cert), pki.private_key_pem(self.auth_key)


def load_identity(
    cert_path: Path,
    key_path: Path | None,
    age_identity_path: Path | None = None,
    password: str | bytes | None = None,
    *,
    auth_cert_path: Path | None = None,
    auth_key_path: Path | None = None,
) -> Identity:
    """A member's identity from a certificate and key (PEM or DER) or from one PKCS#12
    file given as `cert_path` with `key_path` None. `password` opens an encrypted key or
    PKCS#12 file. An authentication pair comes from the PKCS#12 file or from
    `auth_cert_path` and `auth_key_path`. Only ECDSA P-256 keys are supported."""
    secret = password.encode("utf-8") if isinstance(password, str) else password
    data = read_file(cert_path, MAX_CERT_FILE, CERTIFICATE_FILE)
    age: x25519.Identity | None = None
    auth: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None = None
    try:
        if key_path is None:
            if not pki.looks_like_pkcs12(data):
                raise UsageError(
                    "identity.key_needed",
                    "give the private key file too, or a "
                    "PKCS#12 (.p12) file holding both certificate and key",
                )
            bundle = read_identity_p12(data, secret)
            if "signing" not in bundle.pairs:
                raise UsageError("identity.no_signing_key", "the PKCS#12 file holds no signing key")
            cert, key = bundle.pairs["signing"]
            auth = bundle.pairs.get("authentication")
            if bundle.age_identity is not None:
                age = _parse_age_identity(bundle.age_identity, cert_path)
        else:
            key_data = read_file(key_path, MAX_KEY_FILE, KEY_FILE)
            cert, key = pki.load_pem_pair(data, key_data, secret)
        if (auth_cert_path is None) != (auth_key_path is None):
            raise UsageError(
                "identity.auth_pair_incomplete",
                "give both the authentication certificate and its key, or neither",
            )
        if auth_cert_path is not None and auth_key_path is not None:
            if auth is not None:
                raise UsageError(
                    "identity.auth_twice",
                    "the PKCS#12 file already holds an authentication key; do not give another",
                )
            auth = pki.load_pem_pair(
                read_file(auth_cert_path, MAX_CERT_FILE, CERTIFICATE_FILE),
                read_file(auth_key_path, MAX_KEY_FILE, KEY_FILE),
                secret,
            )
    except PkiError as exc:
        raise UsageError(
            "identity.unusable", "cannot use this identity: {detail}", detail=str(exc)
        ) from None
    _check_signing_certificate(cert)
    if auth is not None:
        _check_authentication_certificate(auth[0], cert)
    if age_identity_path:
        from_file = _load_age_identity(age_identity_path)
        if age is not None and str(from_file) != str(age):
            raise UsageError(
                "identity.age_identity_differs",
                "the age identity file is not the one in the PKCS#12 file; give only one",
            )
        age = from_file
    return Identity(
        cert=cert,
        key=key,
        age_identity=age,
        auth_cert=auth[0] if auth else None,
        auth_key=auth[1] if auth else None,
    )


def _check_authentication_certificate(auth: x509.Certificate, signing: x509.Certificate) -> None:
    """The authentication certificate is for TLS client authentication only, has its own
    key (never the signing key) and names the same person as the signing certificate."""
    if not pki.is_client_authentication(auth):
        raise UsageError(
            "identity.not_authentication",
            "the authentication certificate is not for TLS client authentication",
        )
    if pki.same_public_key(auth, signing):
        raise UsageError(
            "identity.auth_shares_signing_key",
            "the authentication certificate uses the signing key; they must be separate keys",
        )
    if auth.subject != signing.subject:
        raise UsageError(
            "identity.auth_other_person",
            "the authentication certificate names someone else than the signing certificate",
        )
    now = datetime.now(UTC)
    if not auth.not_valid_before_utc <= now <= auth.not_valid_after_utc:
        raise UsageError(
            "identity.auth_not_current",
            "the authentication certificate has expired or is not valid yet; ask for a new one",
        )


def _parse_age_identity(text: str, source: Path) -> x25519.Identity:
    try:
        return parse_identities(text)[0]
    except RecoveryError:
        raise not_an_age_identity_file(source) from None


def _check_signing_certificate(cert: x509.Certificate) -> None:
    if pki.is_ca(cert):
        raise UsageError(
            "identity.ca_certificate",
            "this is a CA certificate, not a staff member's signing certificate",
        )
    if pki.is_client_authentication(cert):
        raise UsageError(
            "identity.authentication_as_signing",
            "this is an authentication (TLS) certificate, not a signing certificate",
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


def private_key_files(
    cert: Path, key: Path | None, auth_key: Path | None, age_identity: Path | None
) -> list[Path]:
    """The files an import read private keys from: the key files, the age identity
    file, and the certificate file itself when it is a PKCS#12 (no separate key)."""
    files = [p for p in (key, auth_key, age_identity) if p is not None and str(p) != "-"]
    return files if key is not None else [cert, *files]


@dataclass(frozen=True)
class KeyFileRemoval:
    removed: tuple[Path, ...]
    not_removed: tuple[Path, ...]


def remove_key_files(paths: list[Path]) -> KeyFileRemoval:
    """Overwrite and delete imported key files (best effort; see `overwrite_and_remove`).
    A file already gone counts as removed."""
    removed, kept = [], []
    for path in dict.fromkeys(paths):  # each once, in order
        if (not path.exists() and not path.is_symlink()) or overwrite_and_remove(path):
            removed.append(path)
        else:
            kept.append(path)
    return KeyFileRemoval(tuple(removed), tuple(kept))
