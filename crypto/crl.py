"""Certificate revocation lists: the organisation's CA says which of its certificates no
longer count, and when it will say so again.

Every certificate the organisation issues names the intake's `/v1/crl` as its CRL
distribution point; the organisation's tools write the list (`org revoke`, and `org
reissue` for the certificates it supersedes) and the intake serves it. A CRL is DER,
signed by the CA with ECDSA SHA-256, version 2, with a CRL number that only grows and a
reason on every entry, so `openssl crl -verify` and `openssl verify -crl_check` read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from crypto.pki_errors import CertificateError

MAX_CRL_BYTES = 4 * 1024 * 1024

REASONS: dict[str, x509.ReasonFlags] = {
    "unspecified": x509.ReasonFlags.unspecified,
    "key_compromise": x509.ReasonFlags.key_compromise,
    "affiliation_changed": x509.ReasonFlags.affiliation_changed,
    "superseded": x509.ReasonFlags.superseded,
    "cessation_of_operation": x509.ReasonFlags.cessation_of_operation,
}
_NAMES = {flag: name for name, flag in REASONS.items()}


@dataclass(frozen=True)
class Revoked:
    serial: int
    revoked: datetime
    reason: str  # a key of REASONS


@dataclass(frozen=True)
class CrlInfo:
    number: int
    this_update: datetime
    next_update: datetime
    revoked: tuple[Revoked, ...]

    def find(self, cert: x509.Certificate) -> Revoked | None:
        """The entry revoking `cert` (the list is the CA's, so the serial says it)."""
        return next((r for r in self.revoked if r.serial == cert.serial_number), None)


def issue_crl(
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    revoked: Sequence[Revoked],
    *,
    number: int,
    this_update: datetime,
    next_update: datetime,
) -> bytes:
    """A CRL (DER) listing `revoked`, numbered `number`."""
    if number < 1:
        raise ValueError("a CRL number starts at 1")
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(this_update.astimezone(UTC))
        .next_update(next_update.astimezone(UTC))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
    )
    for entry in sorted(revoked, key=lambda r: r.serial):
        if entry.reason not in REASONS:
            raise ValueError(f"not a revocation reason: {entry.reason!r}")
        item = (
            x509.RevokedCertificateBuilder()
            .serial_number(entry.serial)
            .revocation_date(entry.revoked.astimezone(UTC))
            .add_extension(x509.CRLReason(REASONS[entry.reason]), critical=False)
            .build()
        )
        builder = builder.add_revoked_certificate(item)
    crl = builder.sign(ca_key, hashes.SHA256())
    return crl.public_bytes(serialization.Encoding.DER)


def read_crl(data: bytes, ca_cert: x509.Certificate) -> CrlInfo:
    """The CRL's contents, once it is the CA's (issuer and signature). Raises
    CertificateError for anything else: not a CRL, another issuer, a bad signature."""
    if len(data) > MAX_CRL_BYTES:
        raise CertificateError("the revocation list is larger than any Quietroom list")
    try:
        crl = (
            x509.load_pem_x509_crl(data)
            if data.lstrip().startswith(b"-----BEGIN")
            else x509.load_der_x509_crl(data)
        )
    except ValueError:
        raise CertificateError("this is not a certificate revocation list") from None
    if crl.issuer != ca_cert.subject:
        raise CertificateError("the revocation list is not the organisation CA's")
    public = ca_cert.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey):
        raise CertificateError("the CA's key is not an elliptic-curve key")
    try:
        if not crl.is_signature_valid(public):
            raise InvalidSignature
    except (InvalidSignature, TypeError):
        raise CertificateError("the revocation list's signature does not verify") from None
    try:
        number = crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    except x509.ExtensionNotFound:
        raise CertificateError("the revocation list has no CRL number") from None
    if crl.next_update_utc is None:
        raise CertificateError("the revocation list says nothing of its next update")
    entries = []
    for item in crl:
        try:
            flag = item.extensions.get_extension_for_class(x509.CRLReason).value.reason
        except x509.ExtensionNotFound:
            flag = x509.ReasonFlags.unspecified
        entries.append(
            Revoked(item.serial_number, item.revocation_date_utc, _NAMES.get(flag, "unspecified"))
        )
    return CrlInfo(number, crl.last_update_utc, crl.next_update_utc, tuple(entries))


def crl_pem(der: bytes) -> bytes:
    """The same CRL as PEM (for `openssl verify -CRLfile`)."""
    return x509.load_der_x509_crl(der).public_bytes(serialization.Encoding.PEM)
