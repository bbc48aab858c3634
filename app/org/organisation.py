"""The organisation: creating one for evaluation, issuing members, loading identities.

`org_init` makes a complete organisation in a new directory:

    out/ca.pem              the CA certificate (publish it)
    out/ca-key.pem          the CA private key, 0600. `org issue` needs it. A real
                            organisation keeps its CA key offline, never on a laptop.
    out/trust.json          the members (see app/org_trust.py) ...
    out/trust.json.p7s      ... and the CA's detached CMS signature of it
    out/<role>/             interviewer/, supervisor/, intake/, each holding
        cert.pem            the member's signing certificate (ECDSA P-256)
        key.pem             its private key, unencrypted PKCS#8, 0600
        age-identity.txt    the member's age identity (age-keygen format), 0600
        age-recipient.txt   its public age recipient (age1…)

`org_issue` adds a member in `<role>-<name-slug>/` (same four files) and re-signs the
trust file. The trust-file API (`load_trust`, `Trust`, `Member`, ...) is re-exported
here from app/org_trust.py. Every directory is 0700 and every file 0600.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pyrage import x25519

from app.errors import UsageError
from app.fsutil import atomic_write, ensure_private_dir, fsync_dir, temp_path_for, write_new_file
from app.org.trust import (
    AGE_IDENTITY_FILE,
    CA_CERTIFICATE_FILE,
    CA_KEY_FILE,
    CA_NAME,
    CERTIFICATE_FILE,
    KEY_FILE,
    MAX_CERT_FILE,
    ROLES,
    TRUST_NAME,
    Member,
    check_name,
    issued_now,
    load_trust,
    read_file,
    render_trust,
    signature_path,
)
from crypto import cms, pki
from crypto.errors import RecoveryError
from crypto.pki_errors import PkiError
from crypto.recovery import parse_identities

DEFAULT_ORGANISATION = "Example Oversight Body"
DEFAULT_MEMBERS = (
    ("interviewer", "Interviewer One"),
    ("supervisor", "Supervisor One"),
    ("intake", "Intake Service"),
)
CA_KEY_NAME = "ca-key.pem"
MAX_KEY_FILE = 64 * 1024


@dataclass(frozen=True)
class MemberSummary:
    name: str
    role: str
    dir: Path
    age_recipient: str
    certificate_fingerprint: str

    def to_json(self) -> dict[str, str]:
        return {
            "name": self.name,
            "role": self.role,
            "dir": str(self.dir),
            "age_recipient": self.age_recipient,
            "certificate_fingerprint": self.certificate_fingerprint,
        }


@dataclass(frozen=True)
class OrgSummary:
    out: Path
    organisation: str
    ca: Path
    trust: Path
    ca_fingerprint: str
    members: tuple[MemberSummary, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "organisation": self.organisation,
            "ca": str(self.ca),
            "trust": str(self.trust),
            "ca_fingerprint": self.ca_fingerprint,
            "members": [m.to_json() for m in self.members],
        }


def age_identity_file(identity: x25519.Identity, created: datetime | None = None) -> str:
    """An identity in age-keygen's file format (readable by `age -d -i`)."""
    lines = [f"# created: {created.strftime('%Y-%m-%dT%H:%M:%SZ')}"] if created else []
    lines += [f"# public key: {identity.to_public()}", str(identity)]
    return "\n".join(lines) + "\n"


# --- creating an organisation and its members -----------------------------------------


@contextlib.contextmanager
def _staged_dir(target: Path) -> Iterator[Path]:
    """A private directory built beside `target` and renamed into place only when
    complete, so a failure or crash never leaves a half-made organisation or member."""
    staging = temp_path_for(target, "new")
    try:
        os.mkdir(staging, 0o700)
    except OSError as exc:
        raise UsageError(
            "org.cannot_write_folder",
            "cannot write in the folder {path}: {reason}; nothing was written",
            path=target.parent,
            reason=exc.strerror,
        ) from None
    try:
        yield staging
        fsync_dir(staging)
        with contextlib.suppress(FileNotFoundError):
            target.rmdir()  # only an empty directory may be there; anything else stays
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    fsync_dir(target.parent)


def _write_member(
    directory: Path,
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    organisation: str,
    role: str,
    name: str,
) -> Member:
    cert, key = pki.issue_certificate(
        ca_cert, ca_key, name=name, organisation=organisation, role=role
    )
    age = x25519.Identity.generate()
    recipient = str(age.to_public())
    ensure_private_dir(directory)
    write_new_file(directory / "cert.pem", pki.certificate_pem(cert))
    write_new_file(directory / "key.pem", pki.private_key_pem(key))
    write_new_file(
        directory / "age-identity.txt", age_identity_file(age, datetime.now(UTC)).encode("ascii")
    )
    write_new_file(directory / "age-recipient.txt", f"{recipient}\n".encode("ascii"))
    fsync_dir(directory)
    return Member(
        name=name,
        role=role,
        certificate=cert,
        age_recipient=recipient,
        fingerprint=pki.fingerprint(cert),
    )


def _summary(member: Member, directory: Path) -> MemberSummary:
    return MemberSummary(
        name=member.name,
        role=member.role,
        dir=directory,
        age_recipient=member.age_recipient,
        certificate_fingerprint=member.fingerprint,
    )


def org_init(out: Path, name: str = DEFAULT_ORGANISATION) -> OrgSummary:
    """Create a complete organisation (CA, three members, signed trust file) in `out`.

    `out` must not exist or be an empty directory; nothing is ever overwritten.
    """
    organisation = check_name(name, "organisation name")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(
            "org.out_not_empty",
            "{path} already exists and is not an empty directory; nothing was written",
            path=out,
        )
    blocker = next((p for p in out.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise UsageError(
            "org.out_blocked", "{path} is a file, not a folder; nothing was written", path=blocker
        )
    try:
        out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            "org.cannot_create_folder",
            "cannot create the folder {path}: {reason}; nothing was written",
            path=out.parent,
            reason=exc.strerror,
        ) from None
    ca_cert, ca_key = pki.generate_ca(organisation)
    members: list[tuple[Member, str]] = []
    with _staged_dir(out) as staging:
        write_new_file(staging / CA_NAME, pki.certificate_pem(ca_cert))
        write_new_file(staging / CA_KEY_NAME, pki.private_key_pem(ca_key))
        for role, member_name in DEFAULT_MEMBERS:
            members.append(
                (
                    _write_member(staging / role, ca_cert, ca_key, organisation, role, member_name),
                    role,
                )
            )
        trust = render_trust(organisation, ca_cert, [m for m, _ in members], issued_now())
        write_new_file(staging / TRUST_NAME, trust)
        write_new_file(
            signature_path(staging / TRUST_NAME), cms.sign_detached(trust, ca_cert, ca_key)
        )
    return OrgSummary(
        out=out,
        organisation=organisation,
        ca=out / CA_NAME,
        trust=out / TRUST_NAME,
        ca_fingerprint=pki.fingerprint(ca_cert),
        members=tuple(_summary(m, out / d) for m, d in members),
    )


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "member"


def _load_ca_key(org_dir: Path) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    if not (org_dir / CA_KEY_NAME).is_file():
        raise UsageError(
            "org.no_ca_key",
            "{path} holds no {name}: issuing members needs the organisation's CA key",
            path=org_dir,
            name=CA_KEY_NAME,
        )
    cert_data = read_file(org_dir / CA_NAME, MAX_CERT_FILE, CA_CERTIFICATE_FILE)
    key_data = read_file(org_dir / CA_KEY_NAME, MAX_KEY_FILE, CA_KEY_FILE)
    try:
        return pki.load_pem_pair(cert_data, key_data)
    except PkiError as exc:
        raise UsageError(
            "org.ca_key_unusable", "cannot use the organisation's CA key: {detail}", detail=str(exc)
        ) from None


def org_issue(org_dir: Path, role: str, name: str) -> Path:
    """Issue a new member into `org_dir/<role>-<slug>/`, append them to the trust file
    and re-sign it. Returns the member's directory.

    The current trust file must verify first (a tampered file is never re-signed). The
    trust file and its signature are each replaced atomically; a crash between the two
    leaves a pair that fails verification, never one that verifies wrongly.
    """
    if role not in ROLES:
        raise UsageError(
            "org.unknown_role", "the role must be one of {roles}", roles=", ".join(ROLES)
        )
    name = check_name(name, "member name")
    ca_cert, ca_key = _load_ca_key(org_dir)
    trust_path = org_dir / TRUST_NAME
    trust = load_trust(trust_path, org_dir / CA_NAME)
    if trust.by_name(name) is not None:
        raise UsageError(
            "org.member_exists",
            "the organisation already has a member named {name!r}; nothing was issued",
            name=name,
        )
    target = org_dir / f"{role}-{slug(name)}"
    counter = 2
    while target.exists():
        target = org_dir / f"{role}-{slug(name)}-{counter}"
        counter += 1
    with _staged_dir(target) as staging:
        member = _write_member(staging, ca_cert, ca_key, trust.organisation, role, name)
    try:
        data = render_trust(trust.organisation, ca_cert, [*trust.members, member], issued_now())
        signature = cms.sign_detached(data, ca_cert, ca_key)
        atomic_write(trust_path, data)
        atomic_write(signature_path(trust_path), signature)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target


# --- a staff member's own identity ---------------------------------------------------


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
