"""The trust file's format: its model (`Trust`, `Member`), writing it, and strict parsing.

No files and no signatures here (app/org/trust.py verifies the signature, then calls
`parse_trust`). Version 2, written since the trust-list signer:

    {"format": "quietroom-trust", "version": 2, "organisation": NAME,
     "serial": 7, "issued": "2026-12-07T10:00:00Z", "next_update": "2027-03-07T10:00:00Z",
     "ca_fingerprint": SHA256_HEX,
     "members": [{"name", "role", "certificate": PEM, "certificate_fingerprint",
                  "age_recipient": "age1…"}]}

`serial` is a positive integer that only grows with each issue of the file (a vault
refuses an older one); `next_update` is when the file stops being current (a vault
refuses to export with it after that). Version 1, which the CA signed itself, lacks
both: it reads as serial 0 with no next update.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from pyrage import x25519

from app.errors import VerificationError
from crypto import pki
from crypto.errors import RecoveryError
from crypto.pki_errors import PkiError
from crypto.recovery import parse_recipient

FORMAT = "quietroom-trust"
VERSION = 2  # the version written
VERSIONS = (1, 2)  # the versions read
ROLES = ("interviewer", "supervisor", "intake")
MAX_NAME = pki.MAX_NAME
MAX_SERIAL = 2**63 - 1  # what SQLite and every JSON reader hold exactly

_TOP_KEYS = {
    1: ("format", "version", "organisation", "issued", "ca_fingerprint", "members"),
    2: (
        "format",
        "version",
        "organisation",
        "serial",
        "issued",
        "next_update",
        "ca_fingerprint",
        "members",
    ),
}
_MEMBER_KEYS = ("name", "role", "certificate", "certificate_fingerprint", "age_recipient")
_HEX64 = re.compile(r"[0-9a-f]{64}")
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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
    version: int = VERSION
    serial: int = 0  # a version 1 file has none: 0, older than any version 2 file
    next_update: datetime | None = None  # None for a version 1 file

    def by_name(self, name: str) -> Member | None:
        key = name_key(name)
        return next((m for m in self.members if name_key(m.name) == key), None)

    def by_role(self, role: str) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.role == role)

    def member_for_certificate(self, cert: x509.Certificate) -> Member | None:
        fp = pki.fingerprint(cert)
        return next((m for m in self.members if m.fingerprint == fp), None)

    def past_next_update(self, at: datetime | None = None) -> bool:
        """True once `at` (default: now) has reached the file's next update."""
        when = datetime.now(UTC) if at is None else at
        return self.next_update is not None and when >= self.next_update


def name_key(name: str) -> str:
    """Names compare without regard to case or runs of spaces ("Ann  Lee" = "ann lee")."""
    return " ".join(name.split()).casefold()


def format_time(when: datetime) -> str:
    """A time as the trust file writes it: ISO 8601, UTC, to the second, with 'Z'."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_trust(
    organisation: str,
    ca_cert: x509.Certificate,
    members: list[Member],
    *,
    serial: int,
    issued: datetime,
    next_update: datetime,
) -> bytes:
    """A version 2 trust.json's bytes: UTF-8, keys in the documented order, one newline."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "organisation": organisation,
        "serial": serial,
        "issued": format_time(issued),
        "next_update": format_time(next_update),
        "ca_fingerprint": pki.fingerprint(ca_cert),
        "members": [m.to_json() for m in members],
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# --- parsing -------------------------------------------------------------------------


class _Malformed(Exception):
    """Internal: the reason a trust file is malformed (becomes a VerificationError)."""


def parse_trust(data: bytes, ca_cert: x509.Certificate, at: datetime | None) -> Trust:
    """Trust-file bytes (whose signature was checked) parsed strictly: anything but
    exactly the format above is a `VerificationError`. Members' certificates must be
    issued by `ca_cert` and valid at `at` (default: now)."""
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


def _version(doc: object) -> int:
    if not isinstance(doc, dict):
        raise _Malformed("it is not a JSON object")
    if "version" not in doc:
        raise _Malformed("it lacks the key 'version'")
    version = doc["version"]
    if type(version) is not int or version not in VERSIONS:  # bool is an int: exclude it
        raise _Malformed(f"version {version!r} is not supported (this version reads 1 and 2)")
    return version


def _build(doc: object, ca_cert: x509.Certificate, at: datetime | None) -> Trust:
    version = _version(doc)
    top = _exact_keys(doc, _TOP_KEYS[version], "it")
    if top["format"] != FORMAT:
        raise _Malformed(f"'format' must be {FORMAT!r}")
    organisation = _text(top, "organisation", None)
    issued = _parse_time(top, "issued")
    serial, next_update = 0, None
    if version >= 2:
        serial = top["serial"]
        if type(serial) is not int or not 1 <= serial <= MAX_SERIAL:
            raise _Malformed("'serial' must be a whole number from 1 up")
        next_update = _parse_time(top, "next_update")
        if next_update <= issued:
            raise _Malformed("'next_update' must be later than 'issued'")
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
    return Trust(
        organisation=organisation,
        issued=issued,
        ca_cert=ca_cert,
        members=tuple(members),
        version=version,
        serial=serial,
        next_update=next_update,
    )


def _parse_time(top: dict[str, Any], key: str) -> datetime:
    text = _text(top, key, None)
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise _Malformed(f"{key!r} is not an ISO-8601 time") from None
    if when.tzinfo is None:
        raise _Malformed(f"{key!r} must give its time zone (UTC)")
    return when.astimezone(UTC)


def _member(entry: object, where: str, ca_cert: x509.Certificate, at: datetime | None) -> Member:
    obj = _exact_keys(entry, _MEMBER_KEYS, where)
    name = _text(obj, "name", where)
    if len(name) > MAX_NAME or CONTROL_CHARS.search(name):
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
    if pki.is_trust_list_signer(cert):
        # The signer publishes the list; it is never on it (so never a member's key).
        raise _Malformed(f"{where}: the certificate is the trust-list signer's, not a member's")
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
