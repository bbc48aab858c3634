"""The organisation: creating one, and the keys only the organisation holds.

`org_init` makes a complete organisation in a new directory:

    out/ca.pem              the CA certificate (publish it)
    out/ca-key.pem          the CA private key. `org issue` needs it. A real organisation
                            encrypts it (`--ca-passphrase-file`) and keeps it offline.
    out/trust-signer/       the trust-list signer (app/org/signer.py): cert.pem and
                            key.pem, which sign the trust file; `org remove` needs it
    out/trust.json          the members, serial 1 (app/org/trust_format.py) ...
    out/trust.json.p7s      ... and the trust-list signer's detached CMS signature
    out/<role>/             interviewer/, supervisor/, intake/: each member's keys and
                            certificates (app/org/member_files.py), in one encrypted
                            identity.p12 with `--password-file`

Without passwords the keys are unencrypted PKCS#8 files (an evaluation organisation,
and the CLI says so). Issuing and removing members later is app/org/membership.py; a
staff member's own identity is app/org/identity.py (its helpers are re-exported here).
Every directory is 0700 and every file 0600.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from app.errors import UsageError
from app.fsutil import fsync_dir, temp_path_for, write_new_file
from app.org.crl_file import CRL_NAME, empty_crl
from app.org.identity import (
    Identity,
    age_identity_file,
    identity_file_unreadable,
    load_identity,
    not_an_age_identity_file,
)
from app.org.key_passphrase import check_passphrase_given
from app.org.member_files import IDENTITY_P12, crl_url, write_member
from app.org.signer import SIGNER_DIR, write_trust_signer
from app.org.trust import (
    CA_CERTIFICATE_FILE,
    CA_KEY_FILE,
    CA_NAME,
    MAX_CERT_FILE,
    MAX_KEY_FILE,
    NEXT_UPDATE_DAYS,
    TRUST_NAME,
    Member,
    check_intake_url,
    check_name,
    format_time,
    issue_times,
    read_file,
    render_trust,
    signature_path,
)
from crypto import cms, pki
from crypto.pki_errors import PkiError

__all__ = [
    "CA_KEY_NAME",
    "DEFAULT_ORGANISATION",
    "Identity",
    "MemberSummary",
    "OrgSummary",
    "age_identity_file",
    "identity_file_unreadable",
    "load_ca_key",
    "load_identity",
    "not_an_age_identity_file",
    "org_init",
    "slug",
    "staged_dir",
    "write_member",
]

DEFAULT_ORGANISATION = "Example Oversight Body"
DEFAULT_MEMBERS = (
    ("interviewer", "Interviewer One"),
    ("supervisor", "Supervisor One"),
    ("intake", "Intake Service"),
)
CA_KEY_NAME = "ca-key.pem"
FIRST_SERIAL = 1
DEFAULT_INTAKE_URL = "https://localhost:8443"  # a development intake on this machine


@dataclass(frozen=True)
class Protection:
    """How `org init` and `org issue` protect private keys. `members` encrypts each
    member's identity.p12; `ca` encrypts the CA key and the trust-list signer's key.
    None leaves those keys unencrypted (an evaluation organisation)."""

    members: bytes | None = field(default=None, repr=False)
    ca: bytes | None = field(default=None, repr=False)

    @property
    def complete(self) -> bool:
        return bool(self.members and self.ca)


@dataclass(frozen=True)
class MemberSummary:
    name: str
    role: str
    dir: Path
    age_recipient: str
    certificate_fingerprint: str
    member_id: str | None = None
    identity: Path | None = None  # identity.p12 when the keys are protected

    def to_json(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "role": self.role,
            "dir": str(self.dir),
            "age_recipient": self.age_recipient,
            "certificate_fingerprint": self.certificate_fingerprint,
            "member_id": self.member_id,
            "identity": str(self.identity) if self.identity else None,
        }


@dataclass(frozen=True)
class OrgSummary:
    out: Path
    organisation: str
    ca: Path
    trust: Path
    trust_signer: Path
    ca_fingerprint: str
    serial: int
    next_update: datetime
    members: tuple[MemberSummary, ...]
    intake_url: str | None = None
    members_encrypted: bool = False
    ca_key_encrypted: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "intake_url": self.intake_url,
            "keys_encrypted": {"members": self.members_encrypted, "ca": self.ca_key_encrypted},
            "out": str(self.out),
            "organisation": self.organisation,
            "ca": str(self.ca),
            "trust": str(self.trust),
            "trust_signer": str(self.trust_signer),
            "ca_fingerprint": self.ca_fingerprint,
            "serial": self.serial,
            "next_update": format_time(self.next_update),
            "members": [m.to_json() for m in self.members],
        }


# --- creating an organisation and its members -----------------------------------------


@contextlib.contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
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


def member_summary(member: Member, directory: Path, *, protected: bool) -> MemberSummary:
    return MemberSummary(
        name=member.name,
        role=member.role,
        dir=directory,
        age_recipient=member.age_recipient,
        certificate_fingerprint=member.fingerprint,
        member_id=member.member_id,
        identity=directory / IDENTITY_P12 if protected else None,
    )


def check_url(url: str) -> str:
    """The intake's address as the trust file keeps it, or a clear refusal."""
    reason = check_intake_url(url)
    if reason is not None:
        raise UsageError(
            "org.intake_url_invalid",
            "the intake address {url!r} is not usable: {reason}",
            url=url,
            reason=reason,
        )
    return url.rstrip("/")


def org_init(
    out: Path,
    name: str = DEFAULT_ORGANISATION,
    *,
    next_update_days: int = NEXT_UPDATE_DAYS,
    intake_url: str = DEFAULT_INTAKE_URL,
    protection: Protection | None = None,
) -> OrgSummary:
    """Create a complete organisation (CA, trust-list signer, three members, trust file
    serial 1, current for `next_update_days`) in `out`. Certificates name the intake at
    `intake_url` as where the revocation list is; `protection` encrypts the keys.

    `out` must not exist or be an empty directory; nothing is ever overwritten.
    """
    protection = protection or Protection()
    organisation = check_name(name, "organisation name")
    intake_url = check_url(intake_url)
    issued, next_update = issue_times(next_update_days)
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
    ca_cert, ca_key = pki.generate_ca(organisation, crl_url=crl_url(intake_url))
    members: list[tuple[Member, str]] = []
    with staged_dir(out) as staging:
        write_new_file(staging / CA_NAME, pki.certificate_pem(ca_cert))
        write_new_file(staging / CA_KEY_NAME, pki.private_key_pem(ca_key, protection.ca))
        signer = write_trust_signer(
            staging / SIGNER_DIR,
            ca_cert,
            ca_key,
            organisation,
            intake_url=intake_url,
            password=protection.ca,
        )
        for role, member_name in DEFAULT_MEMBERS:
            member = write_member(
                staging / role,
                ca_cert,
                ca_key,
                organisation,
                role,
                member_name,
                intake_url=intake_url,
                password=protection.members,
            )
            members.append((member, role))
        trust = render_trust(
            organisation,
            ca_cert,
            [m for m, _ in members],
            serial=FIRST_SERIAL,
            issued=issued,
            next_update=next_update,
            intake_url=intake_url,
        )
        write_new_file(staging / TRUST_NAME, trust)
        write_new_file(signature_path(staging / TRUST_NAME), cms.sign_detached(trust, *signer))
        write_new_file(staging / CRL_NAME, empty_crl(ca_cert, ca_key, issued, next_update))
    return OrgSummary(
        out=out,
        organisation=organisation,
        ca=out / CA_NAME,
        trust=out / TRUST_NAME,
        trust_signer=out / SIGNER_DIR,
        ca_fingerprint=pki.fingerprint(ca_cert),
        serial=FIRST_SERIAL,
        next_update=next_update,
        members=tuple(
            member_summary(m, out / d, protected=bool(protection.members)) for m, d in members
        ),
        intake_url=intake_url,
        members_encrypted=bool(protection.members),
        ca_key_encrypted=bool(protection.ca),
    )


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "member"


def load_ca_key(
    org_dir: Path, passphrase: bytes | None = None
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """The CA's certificate and key; `passphrase` opens an encrypted key."""
    if not (org_dir / CA_KEY_NAME).is_file():
        raise UsageError(
            "org.no_ca_key",
            "{path} holds no {name}: issuing members needs the organisation's CA key",
            path=org_dir,
            name=CA_KEY_NAME,
        )
    cert_data = read_file(org_dir / CA_NAME, MAX_CERT_FILE, CA_CERTIFICATE_FILE)
    key_data = read_file(org_dir / CA_KEY_NAME, MAX_KEY_FILE, CA_KEY_FILE)
    check_passphrase_given(key_data, passphrase, org_dir / CA_KEY_NAME)
    try:
        return pki.load_pem_pair(cert_data, key_data, passphrase)
    except PkiError as exc:
        raise UsageError(
            "org.ca_key_unusable", "cannot use the organisation's CA key: {detail}", detail=str(exc)
        ) from None
