"""Changing who is in the organisation: issuing a member, removing one.

Every change publishes the trust file again with the next serial and a new next update,
signed by the trust-list signer (app/org/signer.py). Issuing needs the CA key, because
it makes a certificate; removing needs only the trust-list signer's key, so the CA key
can stay offline. An organisation made before the trust-list signer (a version 1 trust
file signed by the CA, no trust-signer/ folder) gets one the first time the CA key is at
hand, and from then on its trust file is version 2.

The current trust file must verify first (a tampered file is never re-signed). The trust
file and its signature are each replaced atomically; a crash between the two leaves a
pair that fails verification, never one that verifies wrongly.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec

from app.errors import UsageError
from app.fsutil import atomic_write
from app.org.organisation import CA_KEY_NAME, load_ca_key, slug, staged_dir, write_member
from app.org.signer import (
    SIGNER_DIR,
    Signer,
    has_trust_signer,
    load_trust_signer,
    write_trust_signer,
)
from app.org.trust import (
    CA_NAME,
    NEXT_UPDATE_DAYS,
    ROLES,
    TRUST_NAME,
    Member,
    Trust,
    check_name,
    check_next_update_days,
    format_time,
    issue_times,
    load_trust,
    render_trust,
    signature_path,
)
from crypto import cms


@dataclass(frozen=True)
class Removal:
    """What `org_remove` changed in the trust file."""

    trust: Path
    member: Member
    serial_before: int
    serial: int
    next_update: datetime
    members_left: int

    def to_json(self) -> dict[str, Any]:
        return {
            "removed": {
                "name": self.member.name,
                "role": self.member.role,
                "certificate_fingerprint": self.member.fingerprint,
                "age_recipient": self.member.age_recipient,
            },
            "trust": str(self.trust),
            "serial_before": self.serial_before,
            "serial": self.serial,
            "next_update": format_time(self.next_update),
            "members_left": self.members_left,
        }


def org_issue(
    org_dir: Path, role: str, name: str, *, next_update_days: int = NEXT_UPDATE_DAYS
) -> Path:
    """Issue a new member into `org_dir/<role>-<slug>/`, append them to the trust file
    and publish it with the next serial. Returns the member's directory."""
    if role not in ROLES:
        raise UsageError(
            "org.unknown_role", "the role must be one of {roles}", roles=", ".join(ROLES)
        )
    name = check_name(name, "member name")
    check_next_update_days(next_update_days)
    ca_cert, ca_key = load_ca_key(org_dir)
    trust = load_trust(org_dir / TRUST_NAME, org_dir / CA_NAME)
    if trust.by_name(name) is not None:
        raise UsageError(
            "org.member_exists",
            "the organisation already has a member named {name!r}; nothing was issued",
            name=name,
        )
    signer = _signer(org_dir, trust, ca_key)
    target = org_dir / f"{role}-{slug(name)}"
    counter = 2
    while target.exists():
        target = org_dir / f"{role}-{slug(name)}-{counter}"
        counter += 1
    with staged_dir(target) as staging:
        member = write_member(staging, ca_cert, ca_key, trust.organisation, role, name)
    try:
        _publish(org_dir, trust, [*trust.members, member], signer, next_update_days)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target


def org_remove(org_dir: Path, name: str, *, next_update_days: int = NEXT_UPDATE_DAYS) -> Removal:
    """Remove the member named `name` from the trust file and publish it with the next
    serial. Their folder and certificate are left alone (a certificate cannot be
    recalled); what changes is that no vault that imports this file trusts them or
    exports to them, and no vault can go back to an older file that lists them."""
    check_next_update_days(next_update_days)
    trust = load_trust(org_dir / TRUST_NAME, org_dir / CA_NAME)
    member = trust.by_name(name)
    if member is None:
        raise UsageError(
            "org.no_such_member",
            "the organisation has no member named {name!r}; nothing was changed",
            name=" ".join(name.split()),
        )
    if has_trust_signer(org_dir):
        signer = load_trust_signer(org_dir, trust.ca_cert)
    elif (org_dir / CA_KEY_NAME).is_file():  # an organisation from before the signer
        signer = _signer(org_dir, trust, load_ca_key(org_dir)[1])
    else:
        raise UsageError(
            "org.no_trust_signer",
            "{path} has no trust-list signer ({folder}) yet, and making one needs the "
            "organisation's CA key; nothing was changed",
            path=org_dir,
            folder=SIGNER_DIR,
        )
    remaining = [m for m in trust.members if m.fingerprint != member.fingerprint]
    serial, next_update = _publish(org_dir, trust, remaining, signer, next_update_days)
    return Removal(
        trust=org_dir / TRUST_NAME,
        member=member,
        serial_before=trust.serial,
        serial=serial,
        next_update=next_update,
        members_left=len(remaining),
    )


def _signer(org_dir: Path, trust: Trust, ca_key: ec.EllipticCurvePrivateKey) -> Signer:
    """The organisation's trust-list signer; made with the CA key if it has none yet."""
    if has_trust_signer(org_dir):
        return load_trust_signer(org_dir, trust.ca_cert)
    with staged_dir(org_dir / SIGNER_DIR) as staging:
        write_trust_signer(staging, trust.ca_cert, ca_key, trust.organisation)
    return load_trust_signer(org_dir, trust.ca_cert)


def _publish(
    org_dir: Path, trust: Trust, members: list[Member], signer: Signer, days: int
) -> tuple[int, datetime]:
    """Write the trust file with `members`, the next serial and a new next update,
    signed by the trust-list signer: (serial, next update)."""
    serial = trust.serial + 1
    issued, next_update = issue_times(days)
    data = render_trust(
        trust.organisation,
        trust.ca_cert,
        members,
        serial=serial,
        issued=issued,
        next_update=next_update,
    )
    signature = cms.sign_detached(data, *signer)
    path = org_dir / TRUST_NAME
    atomic_write(path, data)
    atomic_write(signature_path(path), signature)
    return serial, next_update
