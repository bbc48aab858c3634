"""The organisation: creating one for evaluation, and writing its members' files.

`org_init` makes a complete organisation in a new directory:

    out/ca.pem              the CA certificate (publish it)
    out/ca-key.pem          the CA private key, 0600. `org issue` needs it. A real
                            organisation keeps its CA key offline, never on a laptop.
    out/trust-signer/       the trust-list signer (app/org/signer.py): cert.pem and
                            key.pem, which sign the trust file; `org remove` needs it
    out/trust.json          the members, serial 1 (app/org/trust_format.py) ...
    out/trust.json.p7s      ... and the trust-list signer's detached CMS signature
    out/<role>/             interviewer/, supervisor/, intake/, each holding
        cert.pem            the member's signing certificate (ECDSA P-256)
        key.pem             its private key, unencrypted PKCS#8, 0600
        age-identity.txt    the member's age identity (age-keygen format), 0600
        age-recipient.txt   its public age recipient (age1…)

Issuing and removing members later is app/org/membership.py; a staff member's own
identity is app/org/identity.py (its helpers are re-exported here). Every directory is
0700 and every file 0600.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pyrage import x25519

from app.errors import UsageError
from app.fsutil import ensure_private_dir, fsync_dir, temp_path_for, write_new_file
from app.org.identity import (
    Identity,
    age_identity_file,
    identity_file_unreadable,
    load_identity,
    not_an_age_identity_file,
)
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
    trust_signer: Path
    ca_fingerprint: str
    serial: int
    next_update: datetime
    members: tuple[MemberSummary, ...]

    def to_json(self) -> dict[str, Any]:
        return {
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


def write_member(
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


def org_init(
    out: Path, name: str = DEFAULT_ORGANISATION, *, next_update_days: int = NEXT_UPDATE_DAYS
) -> OrgSummary:
    """Create a complete organisation (CA, trust-list signer, three members, trust file
    serial 1, current for `next_update_days`) in `out`.

    `out` must not exist or be an empty directory; nothing is ever overwritten.
    """
    organisation = check_name(name, "organisation name")
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
    ca_cert, ca_key = pki.generate_ca(organisation)
    members: list[tuple[Member, str]] = []
    with staged_dir(out) as staging:
        write_new_file(staging / CA_NAME, pki.certificate_pem(ca_cert))
        write_new_file(staging / CA_KEY_NAME, pki.private_key_pem(ca_key))
        signer = write_trust_signer(staging / SIGNER_DIR, ca_cert, ca_key, organisation)
        for role, member_name in DEFAULT_MEMBERS:
            members.append(
                (
                    write_member(staging / role, ca_cert, ca_key, organisation, role, member_name),
                    role,
                )
            )
        trust = render_trust(
            organisation,
            ca_cert,
            [m for m, _ in members],
            serial=FIRST_SERIAL,
            issued=issued,
            next_update=next_update,
        )
        write_new_file(staging / TRUST_NAME, trust)
        write_new_file(signature_path(staging / TRUST_NAME), cms.sign_detached(trust, *signer))
    return OrgSummary(
        out=out,
        organisation=organisation,
        ca=out / CA_NAME,
        trust=out / TRUST_NAME,
        trust_signer=out / SIGNER_DIR,
        ca_fingerprint=pki.fingerprint(ca_cert),
        serial=FIRST_SERIAL,
        next_update=next_update,
        members=tuple(_summary(m, out / d) for m, d in members),
    )


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "member"


def load_ca_key(org_dir: Path) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
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
