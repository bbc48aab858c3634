"""The organisation's trust file: reading it, and verifying who signed it.

`trust.json` lists the organisation's members (the format, and strict parsing, are in
app/org/trust_format.py) and `trust.json.p7s` beside it is a detached CMS signature
that carries the signer's certificate. Loading verifies the signature first, then who
signed, then parses strictly:

- a version 2 file must be signed by the organisation's trust-list signer: a
  certificate issued by the CA whose extended key usage is id-tsl-kp-tslSigning
  (crypto/pki.py), which no member's certificate has, so the CA key can stay offline;
- a version 1 file must be signed by the CA itself, as organisations made before the
  trust-list signer did.

A trust file that is unsigned, altered, signed by anyone else, or not exactly in its
format is refused with one clear `VerificationError`.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509

from app.errors import Phrase, UsageError, VerificationError
from app.fsutil import read_limited
from app.org.trust_format import (
    CONTROL_CHARS,
    FORMAT,
    MAX_NAME,
    ROLES,
    VERSION,
    Member,
    Trust,
    check_intake_url,
    confusable_with,
    format_time,
    name_key,
    parse_trust,
    render_trust,
)
from crypto import cms, pki
from crypto.pki_errors import CmsError, PkiError
from crypto.validate import Usage

__all__ = [
    "FORMAT",
    "ROLES",
    "VERSION",
    "Member",
    "Trust",
    "check_intake_url",
    "confusable_with",
    "format_time",
    "name_key",
    "render_trust",
]

TRUST_NAME = "trust.json"
CA_NAME = "ca.pem"
SIGNATURE_SUFFIX = ".p7s"
MAX_TRUST_FILE = 4 * 1024 * 1024
MAX_CERT_FILE = 1024 * 1024
MAX_KEY_FILE = 64 * 1024
NEXT_UPDATE_DAYS = 90  # a trust file is current for this long unless the issuer says
MAX_NEXT_UPDATE_DAYS = 366

# The kinds of file `read_file` reads, as its messages name them ({what}).
CA_CERTIFICATE_FILE = Phrase("file_kind.ca_certificate", "CA certificate")
CA_KEY_FILE = Phrase("file_kind.ca_key", "CA key")
TRUST_FILE = Phrase("file_kind.trust", "trust file")
TRUST_OR_CA_FILE = Phrase("file_kind.trust_or_ca", "trust file or CA certificate")
TRUST_SIGNATURE_FILE = Phrase("file_kind.trust_signature", "trust file signature")
CERTIFICATE_FILE = Phrase("file_kind.certificate", "certificate file")
KEY_FILE = Phrase("file_kind.key", "key file")
AGE_IDENTITY_FILE = Phrase("file_kind.age_identity", "age identity file")
TRUST_SIGNER_CERTIFICATE_FILE = Phrase(
    "file_kind.trust_signer_certificate", "trust-list signer's certificate"
)
TRUST_SIGNER_KEY_FILE = Phrase("file_kind.trust_signer_key", "trust-list signer's key")


def check_name(name: str, what: str) -> str:
    """A person's or organisation's name as it may appear in a certificate: single
    spaces, Unicode NFC (so one name has one spelling in every file)."""
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    # isprintable() also refuses lone surrogates (bytes that were not UTF-8) and the
    # invisible direction overrides that could make a name read as another one.
    if not name or len(name) > MAX_NAME or CONTROL_CHARS.search(name) or not name.isprintable():
        raise UsageError(
            "org.name_invalid",
            "the {what} must be 1 to {limit} printable characters",
            what=what,
            limit=MAX_NAME,
        )
    return name


def check_next_update_days(days: int) -> int:
    """How many days a newly issued trust file stays current: 1 to a year and a day.
    Zero or fewer would publish a file that is already out of date."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_NEXT_UPDATE_DAYS:
        raise UsageError(
            "org.next_update_days_invalid",
            "the next update must be 1 to {limit} days after the trust file is issued",
            limit=MAX_NEXT_UPDATE_DAYS,
        )
    return days


def issue_times(days: int, now: datetime | None = None) -> tuple[datetime, datetime]:
    """(issued, next_update) for a trust file issued now, to the second."""
    issued = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return issued, issued + timedelta(days=check_next_update_days(days))


def signature_path(trust_path: Path) -> Path:
    return trust_path.with_name(trust_path.name + SIGNATURE_SUFFIX)


# --- loading -------------------------------------------------------------------------


def read_file(path: Path, limit: int, what: Phrase) -> bytes:
    """A small file of the kind `what` (one of the phrases above), read whole."""
    try:
        return read_limited(path, limit)
    except FileNotFoundError:
        raise UsageError(
            "file.missing", "the {what} {path} does not exist", what=what, path=path
        ) from None
    except IsADirectoryError:
        raise UsageError(
            "file.is_directory",
            "the {what} {path} is a directory, not a file",
            what=what,
            path=path,
        ) from None
    except (OSError, ValueError):
        raise UsageError(
            "file.unreadable", "cannot read the {what} {path}", what=what, path=path
        ) from None


def load_ca_certificate(path: Path) -> x509.Certificate:
    data = read_file(path, MAX_CERT_FILE, CA_CERTIFICATE_FILE)
    try:
        cert = pki.load_certificate(data)
    except PkiError:
        raise VerificationError(
            "trust.ca_unreadable", "{path} does not hold a readable certificate", path=path
        ) from None
    if not pki.is_ca(cert):
        raise VerificationError("trust.not_ca", "{path} is not a CA certificate", path=path)
    return cert


def load_trust(path: Path, ca: Path | None = None, *, at: datetime | None = None) -> Trust:
    """Load and verify a trust file (and `<name>.p7s` beside it).

    `ca` is the organisation's CA certificate (PEM or DER); by default `ca.pem` in the
    trust file's directory. Certificates must be valid at `at` (default: now); pass the
    time of an old export to check it against the trust file of its day.
    """
    return trust_from_bytes(*read_signed_trust(path, ca), at=at)


def read_signed_trust(path: Path, ca: Path | None = None) -> tuple[bytes, bytes, x509.Certificate]:
    """A trust file's bytes, its signature's and the CA certificate, not yet verified:
    (trust.json, trust.json.p7s, CA). `trust_from_bytes` verifies exactly these bytes."""
    data = read_file(path, MAX_TRUST_FILE, TRUST_FILE)
    sig_path = signature_path(path)
    try:
        signature = read_limited(sig_path, cms.MAX_SIGNATURE)
    except (OSError, ValueError):
        raise VerificationError(
            "trust.unsigned",
            "the trust file is not signed: {name} is missing or unreadable",
            name=sig_path.name,
        ) from None
    return data, signature, load_ca_certificate(ca if ca is not None else path.parent / CA_NAME)


def trust_from_bytes(
    data: bytes, signature: bytes, ca_cert: x509.Certificate, *, at: datetime | None = None
) -> Trust:
    """Verify the signature over trust-file bytes and who made it, then parse them."""
    try:
        claimed = cms.signer_certificate(signature)
        by_ca = pki.fingerprint(claimed) == pki.fingerprint(ca_cert)
        # A member's certificate is checked as what it is (a document signer), so a
        # valid signature by a member is named as such below, not as a bad signature.
        usage = (
            Usage.TRUST_LIST
            if by_ca or pki.is_trust_list_signer(claimed)
            else Usage.DOCUMENT_SIGNING
        )
        signer = cms.verify_detached(signature, data, ca_cert, at=at, usage=usage)
    except CmsError as exc:
        raise VerificationError(
            "trust.signature_invalid",
            "the trust file's signature does not verify: {detail}",
            detail=str(exc),
        ) from None
    if not by_ca and not pki.is_trust_list_signer(signer):
        # A member's certificate chains to the CA too, but only the trust-list signer
        # (or, for a version 1 file, the CA) may publish the list of members.
        raise VerificationError(
            "trust.signed_by_member",
            "the trust file was signed by a member, not by the organisation's trust-list signer",
        )
    trust = parse_trust(data, ca_cert, at)
    if by_ca and trust.version != 1:
        raise VerificationError(
            "trust.signed_by_ca",
            "a version {version} trust file must be signed by the organisation's "
            "trust-list signer, not by its CA",
            version=trust.version,
        )
    if not by_ca and trust.version == 1:
        raise VerificationError(
            "trust.version1_not_by_ca", "a version 1 trust file must be signed by the CA itself"
        )
    return trust


def load_ca_or_trust(
    path: Path, *, at: datetime | None = None
) -> tuple[x509.Certificate, Trust | None]:
    """A trust file (verified) or a bare CA certificate: (CA certificate, trust or None).

    A directory is taken to be an organisation directory holding trust.json.
    """
    if path.is_dir():
        path = path / TRUST_NAME
    head = read_file(path, MAX_TRUST_FILE, TRUST_OR_CA_FILE)
    if head.lstrip()[:1] == b"{":
        trust = load_trust(path, at=at)
        return trust.ca_cert, trust
    return load_ca_certificate(path), None
