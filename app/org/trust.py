"""The organisation's trust file: its format, writing it, and loading it strictly.

`trust.json` lists the organisation's members (name, role, signing certificate, age
recipient) and `trust.json.p7s` beside it is a detached CMS signature by the
organisation's CA. Loading verifies the signature first and then parses strictly: a
trust file that is unsigned, altered, signed by anyone but the CA, or not exactly in
the format below is refused with one clear `VerificationError`.

    {"format": "quietroom-trust", "version": 1, "organisation": NAME,
     "issued": "2026-01-01T12:00:00Z", "ca_fingerprint": SHA256_HEX,
     "members": [{"name", "role", "certificate": PEM, "certificate_fingerprint",
                  "age_recipient": "age1…"}]}
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from pyrage import x25519

from app.errors import Phrase, UsageError, VerificationError
from app.fsutil import read_limited
from crypto import cms, pki
from crypto.errors import RecoveryError
from crypto.pki_errors import CmsError, PkiError
from crypto.recovery import parse_recipient

FORMAT = "quietroom-trust"
VERSION = 1
ROLES = ("interviewer", "supervisor", "intake")
TRUST_NAME = "trust.json"
CA_NAME = "ca.pem"
SIGNATURE_SUFFIX = ".p7s"
MAX_TRUST_FILE = 4 * 1024 * 1024
MAX_CERT_FILE = 1024 * 1024
MAX_NAME = pki.MAX_NAME

_TOP_KEYS = ("format", "version", "organisation", "issued", "ca_fingerprint", "members")
_MEMBER_KEYS = ("name", "role", "certificate", "certificate_fingerprint", "age_recipient")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# The kinds of file `read_file` reads, as its messages name them ({what}).
CA_CERTIFICATE_FILE = Phrase("file_kind.ca_certificate", "CA certificate")
CA_KEY_FILE = Phrase("file_kind.ca_key", "CA key")
TRUST_FILE = Phrase("file_kind.trust", "trust file")
TRUST_OR_CA_FILE = Phrase("file_kind.trust_or_ca", "trust file or CA certificate")
TRUST_SIGNATURE_FILE = Phrase("file_kind.trust_signature", "trust file signature")
CERTIFICATE_FILE = Phrase("file_kind.certificate", "certificate file")
KEY_FILE = Phrase("file_kind.key", "key file")
AGE_IDENTITY_FILE = Phrase("file_kind.age_identity", "age identity file")


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    certificate: x509.Certificate
    age_recipient: str  # "age1…"
    fingerprint: str  # SHA-256 hex of the certificate's DER

    def recipient(self) -> x25519.Recipient:
        return x25519.Recipient.from_str(self.age_recipient)

    def to_json(self) -> dict[str, str]:
        return {
            "name": self.name,
            "role": self.role,
            "certificate": pki.certificate_pem(self.certificate).decode("ascii"),
            "certificate_fingerprint": self.fingerprint,
            "age_recipient": self.age_recipient,
        }


@dataclass(frozen=True)
class Trust:
    organisation: str
    issued: datetime
    ca_cert: x509.Certificate
    members: tuple[Member, ...]

    def by_name(self, name: str) -> Member | None:
        key = name_key(name)
        return next((m for m in self.members if name_key(m.name) == key), None)

    def by_role(self, role: str) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.role == role)

    def member_for_certificate(self, cert: x509.Certificate) -> Member | None:
        fp = pki.fingerprint(cert)
        return next((m for m in self.members if m.fingerprint == fp), None)


def name_key(name: str) -> str:
    """Names compare without regard to case or runs of spaces ("Ann  Lee" = "ann lee")."""
    return " ".join(name.split()).casefold()


def check_name(name: str, what: str) -> str:
    """A person's or organisation's name as it may appear in a certificate."""
    name = " ".join(name.split())
    # isprintable() also refuses lone surrogates (bytes that were not UTF-8) and the
    # invisible direction overrides that could make a name read as another one.
    if not name or len(name) > MAX_NAME or _CONTROL.search(name) or not name.isprintable():
        raise UsageError(
            "org.name_invalid",
            "the {what} must be 1 to {limit} printable characters",
            what=what,
            limit=MAX_NAME,
        )
    return name


def issued_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_trust(
    organisation: str, ca_cert: x509.Certificate, members: list[Member], issued: str
) -> bytes:
    """trust.json's bytes: UTF-8, keys in the documented order, one trailing newline."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "organisation": organisation,
        "issued": issued,
        "ca_fingerprint": pki.fingerprint(ca_cert),
        "members": [m.to_json() for m in members],
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


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
    ca_cert = load_ca_certificate(ca if ca is not None else path.parent / CA_NAME)
    return trust_from_bytes(data, signature, ca_cert, at=at)


def trust_from_bytes(
    data: bytes, signature: bytes, ca_cert: x509.Certificate, *, at: datetime | None = None
) -> Trust:
    """Verify the CA's signature over trust-file bytes, then parse them strictly."""
    try:
        signer = cms.verify_detached(signature, data, ca_cert, at=at)
    except CmsError as exc:
        raise VerificationError(
            "trust.signature_invalid",
            "the trust file's signature does not verify: {detail}",
            detail=str(exc),
        ) from None
    if pki.fingerprint(signer) != pki.fingerprint(ca_cert):
        # A member's certificate chains to the CA too, but only the CA may publish this.
        raise VerificationError(
            "trust.signed_by_member",
            "the trust file was signed by a member, not by the organisation's CA",
        )
    return _parse_trust(data, ca_cert, at)


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


class _Malformed(Exception):
    """Internal: the reason a trust file is malformed (becomes a VerificationError)."""


def _parse_trust(data: bytes, ca_cert: x509.Certificate, at: datetime | None) -> Trust:
    try:
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicate_keys)
        return _build(doc, ca_cert, at)
    except _Malformed as exc:
        raise VerificationError(
            "trust.malformed", "the trust file is malformed: {detail}", detail=str(exc)
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise VerificationError(
            "trust.not_json", "the trust file is malformed: it is not UTF-8 JSON"
        ) from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _Malformed(f"the key {key!r} appears twice")
        obj[key] = value
    return obj


def _exact_keys(obj: object, keys: tuple[str, ...], where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise _Malformed(f"{where} is not a JSON object")
    unknown = sorted(set(obj) - set(keys))
    if unknown:
        raise _Malformed(f"{where} has an unknown key {unknown[0]!r}")
    missing = [k for k in keys if k not in obj]
    if missing:
        raise _Malformed(f"{where} lacks the key {missing[0]!r}")
    return obj


def _text(obj: dict[str, Any], key: str, where: str | None) -> str:
    value = obj[key]
    if not isinstance(value, str) or not value.strip():
        prefix = f"{where}: " if where else ""
        raise _Malformed(f"{prefix}{key!r} must be a non-empty string")
    return value


def _build(doc: object, ca_cert: x509.Certificate, at: datetime | None) -> Trust:
    top = _exact_keys(doc, _TOP_KEYS, "it")
    if top["format"] != FORMAT:
        raise _Malformed(f"'format' must be {FORMAT!r}")
    version = top["version"]
    if type(version) is not int or version != VERSION:  # bool is an int: exclude it
        raise _Malformed(f"version {version!r} is not supported (this version reads 1)")
    organisation = _text(top, "organisation", None)
    issued = _parse_time(_text(top, "issued", None))
    ca_fp = _text(top, "ca_fingerprint", None)
    if ca_fp != pki.fingerprint(ca_cert):
        raise _Malformed("it names a different CA than the one that signed it")
    if not isinstance(top["members"], list):
        raise _Malformed("'members' must be a list")
    members: list[Member] = []
    for index, entry in enumerate(top["members"]):
        member = _member(entry, f"member {index + 1}", ca_cert, at)
        if any(name_key(m.name) == name_key(member.name) for m in members):
            raise _Malformed(f"the name {member.name!r} appears twice")
        if any(m.fingerprint == member.fingerprint for m in members):
            raise _Malformed(f"{member.name!r} has the certificate of another member")
        members.append(member)
    return Trust(organisation=organisation, issued=issued, ca_cert=ca_cert, members=tuple(members))


def _parse_time(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise _Malformed("'issued' is not an ISO-8601 time") from None
    if when.tzinfo is None:
        raise _Malformed("'issued' must give its time zone (UTC)")
    return when.astimezone(UTC)


def _member(entry: object, where: str, ca_cert: x509.Certificate, at: datetime | None) -> Member:
    obj = _exact_keys(entry, _MEMBER_KEYS, where)
    name = _text(obj, "name", where)
    if len(name) > MAX_NAME or _CONTROL.search(name):
        raise _Malformed(f"{where}: the name is not a printable name")
    where = f"member {name!r}"
    role = _text(obj, "role", where)
    if role not in ROLES:
        raise _Malformed(f"{where} has the unknown role {role!r}")
    try:
        cert = x509.load_pem_x509_certificate(_text(obj, "certificate", where).encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise _Malformed(f"{where}: the certificate is not a PEM certificate") from None
    fp = _text(obj, "certificate_fingerprint", where)
    if not _HEX64.fullmatch(fp) or fp != pki.fingerprint(cert):
        raise _Malformed(f"{where}: the certificate fingerprint does not match the certificate")
    try:
        pki.check_issued_by(cert, ca_cert, at=at)
    except PkiError as exc:
        # Not "malformed": a well-formed entry whose certificate fails the chain check.
        reason = str(exc).removeprefix("the certificate ")
        raise VerificationError(
            "trust.member_certificate_invalid",
            "the certificate of {name!r} in the trust file {reason}",
            name=name,
            reason=reason,
        ) from None
    recipient = _text(obj, "age_recipient", where)
    try:
        parse_recipient(recipient)
    except RecoveryError:
        raise _Malformed(f"{where}: the age recipient is not a valid age1… key") from None
    if recipient != recipient.strip():
        raise _Malformed(f"{where}: the age recipient has stray spaces")
    return Member(name=name, role=role, certificate=cert, age_recipient=recipient, fingerprint=fp)
