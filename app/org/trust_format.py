"""The trust file's format: its model (`Trust`, `Member`), writing it, and strict parsing.

No files and no signatures here (app/org/trust.py verifies the signature, then calls
`parse_trust`). Version 4, written since the organisation's policy joined it:

    {"format": "quietroom-trust", "version": 4, "organisation": NAME,
     "serial": 7, "issued": "2026-12-07T10:00:00Z", "next_update": "2027-03-07T10:00:00Z",
     "ca_fingerprint": SHA256_HEX, "intake_url": "https://intake.example:8443",
     "policy": {"protective_marking", "welsh_declaration", "recovery_recipient"},
     "members": [{"member_id": UUID, "name", "role", "certificate": PEM,
                  "certificate_fingerprint", "age_recipient": "age1…",
                  "authentication_certificate": PEM,          (interviewer, supervisor)
                  "tls_certificate": PEM, "timestamp_certificate": PEM}]}   (intake)

`member_id` is a stable identifier that survives re-issuing a member's certificates;
names are Unicode NFC. `certificate` is the member's signing certificate (the intake's
signs receipts); the other certificates are optional, so members carried over from an
older file stay valid, and each is checked for its own use by the one validator
(crypto/validate.py). `intake_url` is optional (where laptops sync).

`policy` (app/org/policy.py) holds the settings that belong to the organisation; files
before version 4 read with its defaults. `serial` is a positive integer that only grows
with each issue of the file (a vault refuses an older one); `next_update` is when the
file stops being current (a vault refuses to export with it after that). Version 3 lacks
the policy; version 2 also the member ids, the extra certificates and the intake
address; version 1, which the CA signed itself, also the serial (it reads as 0) and the
next update.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509
from pyrage import x25519

from app.errors import VerificationError
from app.org.policy import Policy, PolicyError, parse_policy
from crypto import pki
from crypto.errors import RecoveryError
from crypto.pki_errors import PkiError
from crypto.recovery import parse_recipient
from crypto.validate import Usage, check_chain

FORMAT = "quietroom-trust"
VERSION = 4  # the version written
VERSIONS = (1, 2, 3, 4)  # the versions read
ROLES = ("interviewer", "supervisor", "intake")
MAX_NAME = pki.MAX_NAME
MAX_SERIAL = 2**63 - 1  # what SQLite and every JSON reader hold exactly
MAX_URL = 512

_V2_TOP = (
    "format",
    "version",
    "organisation",
    "serial",
    "issued",
    "next_update",
    "ca_fingerprint",
    "members",
)
_TOP_KEYS = {
    1: ("format", "version", "organisation", "issued", "ca_fingerprint", "members"),
    2: _V2_TOP,
    3: _V2_TOP,
    4: (*_V2_TOP, "policy"),
}
_TOP_OPTIONAL = {1: (), 2: (), 3: ("intake_url",), 4: ("intake_url",)}
_V2_MEMBER = ("name", "role", "certificate", "certificate_fingerprint", "age_recipient")
_V3_MEMBER = ("member_id", *_V2_MEMBER)
_MEMBER_KEYS = {1: _V2_MEMBER, 2: _V2_MEMBER, 3: _V3_MEMBER, 4: _V3_MEMBER}
# The optional certificates of version 3: key, the roles that may have it, its use.
EXTRA_CERTIFICATES = {
    "authentication_certificate": (("interviewer", "supervisor"), Usage.CLIENT_AUTH),
    "tls_certificate": (("intake",), Usage.SERVER_AUTH),
    "timestamp_certificate": (("intake",), Usage.TIMESTAMPING),
}
_HEX64 = re.compile(r"[0-9a-f]{64}")
_MEMBER_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def new_member_id() -> str:
    """A fresh member id: a random UUID, lowercase (it says nothing about the person)."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    certificate: x509.Certificate  # the signing certificate
    age_recipient: str  # "age1…"
    fingerprint: str  # SHA-256 hex of the signing certificate's DER
    member_id: str | None = None  # None only when read from a version 1 or 2 file
    authentication_certificate: x509.Certificate | None = None
    tls_certificate: x509.Certificate | None = None
    timestamp_certificate: x509.Certificate | None = None

    def recipient(self) -> x25519.Recipient:
        return x25519.Recipient.from_str(self.age_recipient)

    def extra_certificates(self) -> dict[str, x509.Certificate]:
        """The member's other certificates by trust-file key (only those it has)."""
        found = {
            "authentication_certificate": self.authentication_certificate,
            "tls_certificate": self.tls_certificate,
            "timestamp_certificate": self.timestamp_certificate,
        }
        return {key: cert for key, cert in found.items() if cert is not None}

    def certificates(self) -> tuple[x509.Certificate, ...]:
        return (self.certificate, *self.extra_certificates().values())

    def to_json(self) -> dict[str, str]:
        doc = {
            "member_id": self.member_id or new_member_id(),
            "name": self.name,
            "role": self.role,
            "certificate": _pem(self.certificate),
            "certificate_fingerprint": self.fingerprint,
            "age_recipient": self.age_recipient,
        }
        doc.update({key: _pem(cert) for key, cert in self.extra_certificates().items()})
        return doc


def _pem(cert: x509.Certificate) -> str:
    return pki.certificate_pem(cert).decode("ascii")


@dataclass(frozen=True)
class Trust:
    organisation: str
    issued: datetime
    ca_cert: x509.Certificate
    members: tuple[Member, ...]
    version: int = VERSION
    serial: int = 0  # a version 1 file has none: 0, older than any version 2 file
    next_update: datetime | None = None  # None for a version 1 file
    intake_url: str | None = None  # where laptops sync; version 3 on, optional
    # The organisation's settings (app/org/policy.py); the defaults for older files.
    policy: Policy = field(default_factory=Policy)

    def by_name(self, name: str) -> Member | None:
        key = name_key(name)
        return next((m for m in self.members if name_key(m.name) == key), None)

    def by_role(self, role: str) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.role == role)

    def member_for_certificate(self, cert: x509.Certificate) -> Member | None:
        """The member whose *signing* certificate this is (only it may sign)."""
        fp = pki.fingerprint(cert)
        return next((m for m in self.members if m.fingerprint == fp), None)

    def member_for_any_certificate(self, cert: x509.Certificate) -> Member | None:
        """The member holding this certificate for any use (e.g. a TLS client's)."""
        fp = pki.fingerprint(cert)
        return next(
            (m for m in self.members if any(pki.fingerprint(c) == fp for c in m.certificates())),
            None,
        )

    def by_member_id(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.member_id == member_id), None)

    def past_next_update(self, at: datetime | None = None) -> bool:
        """True once `at` (default: now) has reached the file's next update."""
        when = datetime.now(UTC) if at is None else at
        return self.next_update is not None and when >= self.next_update


def name_key(name: str) -> str:
    """Names compare without regard to case, runs of spaces or Unicode normal form
    ("Ann  Lee" = "ann lee"; "Zoë" composed = "Zoë" decomposed)."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def name_skeleton(name: str) -> str:
    """What a name looks like, after Unicode's confusables (UTS #39): each character
    replaced by the one it is mistaken for (the ASCII one first), so "Supervisor One"
    with a Cyrillic "О" has the skeleton of the Latin one. Two members whose skeletons
    are equal could be picked one for the other: the organisation refuses that."""
    from confusable_homoglyphs import confusables  # the Unicode data, loaded on first use

    data = confusables.confusables_data
    out = []
    for char in unicodedata.normalize("NFD", name_key(name)):
        forms = [char, *(h["c"] for h in data.get(char, ()) if len(h["c"]) == 1)]
        out.append(min(forms, key=lambda f: (not f.isascii(), ord(f))))
    return unicodedata.normalize("NFC", "".join(out)).casefold()


def confusable_with(name: str, members: Iterable[Any]) -> Any:
    """The member whose name reads the same as `name` (equal skeletons), or None."""
    skeleton = name_skeleton(name)
    return next((m for m in members if name_skeleton(m.name) == skeleton), None)


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
    intake_url: str | None = None,
    policy: Policy | None = None,
) -> bytes:
    """A version 4 trust.json's bytes: UTF-8, keys in the documented order, one newline.
    A member without an id (carried over from an older file) gets one now."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "organisation": unicodedata.normalize("NFC", organisation),
        "serial": serial,
        "issued": format_time(issued),
        "next_update": format_time(next_update),
        "ca_fingerprint": pki.fingerprint(ca_cert),
    }
    if intake_url is not None:
        doc["intake_url"] = intake_url
    doc["policy"] = (policy or Policy()).to_json()
    doc["members"] = [m.to_json() for m in members]
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


def _exact_keys(
    obj: object, keys: tuple[str, ...], where: str, optional: tuple[str, ...] = ()
) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise _Malformed(f"{where} is not a JSON object")
    unknown = sorted(set(obj) - set(keys) - set(optional))
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
        raise _Malformed(f"version {version!r} is not supported (this version reads 1 to 4)")
    return version


def _build(doc: object, ca_cert: x509.Certificate, at: datetime | None) -> Trust:
    version = _version(doc)
    top = _exact_keys(doc, _TOP_KEYS[version], "it", _TOP_OPTIONAL[version])
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
    intake_url = _intake_url(top) if "intake_url" in top else None
    policy = Policy()
    if version >= 4:
        try:
            policy = parse_policy(top["policy"])
        except PolicyError as exc:
            raise _Malformed(str(exc)) from None
    if not isinstance(top["members"], list):
        raise _Malformed("'members' must be a list")
    members: list[Member] = []
    seen: set[str] = set()  # every certificate's fingerprint, whatever its use
    for index, entry in enumerate(top["members"]):
        member = _member(entry, f"member {index + 1}", version, ca_cert, at)
        if any(name_key(m.name) == name_key(member.name) for m in members):
            raise _Malformed(f"the name {member.name!r} appears twice")
        lookalike = confusable_with(member.name, members)
        if lookalike is not None:
            raise _Malformed(f"the name {member.name!r} reads the same as {lookalike.name!r}")
        if member.member_id is not None and any(m.member_id == member.member_id for m in members):
            raise _Malformed(f"{member.name!r} has the member id of another member")
        for cert in member.certificates():
            fp = pki.fingerprint(cert)
            if fp in seen:
                raise _Malformed(f"{member.name!r} has the certificate of another member")
            seen.add(fp)
        members.append(member)
    return Trust(
        organisation=organisation,
        issued=issued,
        ca_cert=ca_cert,
        members=tuple(members),
        version=version,
        serial=serial,
        next_update=next_update,
        intake_url=intake_url,
        policy=policy,
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


def check_intake_url(url: str) -> str | None:
    """None if `url` is a usable intake address (https, a host, no path beyond '/',
    no credentials, query or fragment), else the reason it is not."""
    if len(url) > MAX_URL or CONTROL_CHARS.search(url) or url != url.strip():
        return "it is not a plain address"
    try:
        parts = urlsplit(url)
        if parts.port == 0:  # reading .port also refuses ports past 65535
            return "the port must be 1 to 65535"
    except ValueError:
        return "it is not a valid address"
    if parts.scheme != "https":
        return "it must start with https://"
    if not parts.hostname or parts.username or parts.password:
        return "it must name a host, without a user name or password"
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return "it must be only https://HOST or https://HOST:PORT"
    return None


def _intake_url(top: dict[str, Any]) -> str:
    url = _text(top, "intake_url", None)
    reason = check_intake_url(url)
    if reason is not None:
        raise _Malformed(f"'intake_url' is not usable: {reason}")
    return url.rstrip("/")


def _certificate(obj: dict[str, Any], key: str, where: str) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(_text(obj, key, where).encode("ascii"))
    except (ValueError, UnicodeEncodeError, x509.InvalidVersion):  # InvalidVersion: no ValueError
        raise _Malformed(f"{where}: {key!r} is not a PEM certificate") from None


def _check_certificate(
    cert: x509.Certificate, usage: Usage, name: str, ca_cert: x509.Certificate, at: datetime | None
) -> None:
    try:
        check_chain(cert, ca_cert, usage=usage, at=at)
    except PkiError as exc:
        # Not "malformed": a well-formed entry whose certificate fails the chain check.
        reason = str(exc).removeprefix("the certificate ")
        raise VerificationError(
            "trust.member_certificate_invalid",
            "the certificate of {name!r} in the trust file {reason}",
            name=name,
            reason=reason,
        ) from None


def _member(
    entry: object, where: str, version: int, ca_cert: x509.Certificate, at: datetime | None
) -> Member:
    optional = tuple(EXTRA_CERTIFICATES) if version >= 3 else ()
    obj = _exact_keys(entry, _MEMBER_KEYS[version], where, optional)
    name = _text(obj, "name", where)
    if len(name) > MAX_NAME or CONTROL_CHARS.search(name):
        raise _Malformed(f"{where}: the name is not a printable name")
    if version >= 3 and unicodedata.normalize("NFC", name) != name:
        raise _Malformed(f"{where}: the name is not in Unicode normal form C (NFC)")
    where = f"member {name!r}"
    member_id = None
    if version >= 3:
        member_id = _text(obj, "member_id", where)
        if not _MEMBER_ID.fullmatch(member_id):
            raise _Malformed(f"{where}: 'member_id' is not a lowercase random UUID")
    role = _text(obj, "role", where)
    if role not in ROLES:
        raise _Malformed(f"{where} has the unknown role {role!r}")
    cert = _certificate(obj, "certificate", where)
    fp = _text(obj, "certificate_fingerprint", where)
    if not _HEX64.fullmatch(fp) or fp != pki.fingerprint(cert):
        raise _Malformed(f"{where}: the certificate fingerprint does not match the certificate")
    if pki.is_trust_list_signer(cert):
        # The signer publishes the list; it is never on it (so never a member's key).
        raise _Malformed(f"{where}: the certificate is the trust-list signer's, not a member's")
    _check_certificate(cert, Usage.DOCUMENT_SIGNING, name, ca_cert, at)
    extras: dict[str, x509.Certificate] = {}
    for key in EXTRA_CERTIFICATES.keys() & obj.keys():
        roles, usage = EXTRA_CERTIFICATES[key]
        if role not in roles:
            raise _Malformed(f"{where}: a member with the role {role!r} has no {key!r}")
        extras[key] = _certificate(obj, key, where)
        _check_certificate(extras[key], usage, name, ca_cert, at)
        if pki.same_public_key(extras[key], cert):
            raise _Malformed(f"{where}: {key!r} uses the signing certificate's key")
    auth = extras.get("authentication_certificate")
    if auth is not None and auth.subject != cert.subject:
        raise _Malformed(f"{where}: the authentication certificate names someone else")
    recipient = _text(obj, "age_recipient", where)
    try:
        parse_recipient(recipient)
    except RecoveryError:
        raise _Malformed(f"{where}: the age recipient is not a valid age1… key") from None
    if recipient != recipient.strip():
        raise _Malformed(f"{where}: the age recipient has stray spaces")
    return Member(
        name=name,
        role=role,
        certificate=cert,
        age_recipient=recipient,
        fingerprint=fp,
        member_id=member_id,
        authentication_certificate=extras.get("authentication_certificate"),
        tls_certificate=extras.get("tls_certificate"),
        timestamp_certificate=extras.get("timestamp_certificate"),
    )
