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
from app.org.crl_file import current_crl, publish_crl
from app.org.member_files import write_member
from app.org.organisation import CA_KEY_NAME, Protection, load_ca_key, slug, staged_dir
from app.org.policy import (
    Policy,
    PolicyError,
    check_marking,
    check_new_declaration,
    check_recovery_recipient,
)
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
    confusable_with,
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
    org_dir: Path,
    role: str,
    name: str,
    *,
    next_update_days: int = NEXT_UPDATE_DAYS,
    protection: Protection | None = None,
) -> Path:
    """Issue a new member into `org_dir/<role>-<slug>/`, append them to the trust file
    and publish it with the next serial. Returns the member's directory.

    `protection.ca` opens the organisation's keys; `protection.members` encrypts the
    new member's identity.p12."""
    protection = protection or Protection()
    if role not in ROLES:
        raise UsageError(
            "org.unknown_role", "the role must be one of {roles}", roles=", ".join(ROLES)
        )
    name = check_name(name, "member name")
    check_next_update_days(next_update_days)
    ca_cert, ca_key = load_ca_key(org_dir, protection.ca)
    trust = load_trust(org_dir / TRUST_NAME, org_dir / CA_NAME)
    if trust.by_name(name) is not None:
        raise UsageError(
            "org.member_exists",
            "the organisation already has a member named {name!r}; nothing was issued",
            name=name,
        )
    lookalike = confusable_with(name, trust.members)
    if lookalike is not None:
        raise UsageError(
            "org.name_confusable",
            "the name {name!r} reads the same as the member {other!r} (a letter from another "
            "alphabet looks alike); choose a name nobody could mistake for theirs; nothing "
            "was issued",
            name=name,
            other=lookalike.name,
        )
    signer = _signer(org_dir, trust, ca_key, protection.ca)
    target = _new_member_dir(org_dir, role, name)
    with staged_dir(target) as staging:
        member = write_member(
            staging,
            ca_cert,
            ca_key,
            trust.organisation,
            role,
            name,
            intake_url=trust.intake_url,
            password=protection.members,
        )
    try:
        _publish(org_dir, trust, [*trust.members, member], signer, next_update_days)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target


@dataclass(frozen=True)
class Reissue:
    """What `org_reissue` changed: the member's new folder and certificate."""

    trust: Path
    member: Member  # as now listed: same member_id, name and role, new certificates
    old_fingerprint: str
    dir: Path
    serial: int
    next_update: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "member_id": self.member.member_id,
            "name": self.member.name,
            "role": self.member.role,
            "dir": str(self.dir),
            "certificate_fingerprint": self.member.fingerprint,
            "old_certificate_fingerprint": self.old_fingerprint,
            "age_recipient": self.member.age_recipient,
            "trust": str(self.trust),
            "serial": self.serial,
            "next_update": format_time(self.next_update),
        }


def org_reissue(
    org_dir: Path,
    name: str,
    *,
    next_update_days: int = NEXT_UPDATE_DAYS,
    protection: Protection | None = None,
) -> Reissue:
    """Give the member named `name` new keys and certificates in a new folder, keeping
    their member id, name and role; the trust file lists only the new certificates.
    For an expiring certificate, or keys that may have been seen."""
    protection = protection or Protection()
    check_next_update_days(next_update_days)
    ca_cert, ca_key = load_ca_key(org_dir, protection.ca)
    trust = load_trust(org_dir / TRUST_NAME, org_dir / CA_NAME)
    old = trust.by_name(name)
    if old is None:
        raise UsageError(
            "org.no_such_member",
            "the organisation has no member named {name!r}; nothing was changed",
            name=" ".join(name.split()),
        )
    current_crl(org_dir, ca_cert)  # a damaged list stops everything before any change
    signer = _signer(org_dir, trust, ca_key, protection.ca)
    target = _new_member_dir(org_dir, old.role, old.name)
    with staged_dir(target) as staging:
        member = write_member(
            staging,
            ca_cert,
            ca_key,
            trust.organisation,
            old.role,
            old.name,
            intake_url=trust.intake_url,
            password=protection.members,
            member_id=old.member_id,
        )
    members = [member if m.fingerprint == old.fingerprint else m for m in trust.members]
    try:
        serial, next_update = _publish(org_dir, trust, members, signer, next_update_days)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    # The old certificates no longer count: superseded, on the revocation list.
    publish_crl(
        org_dir,
        ca_cert,
        ca_key,
        [(c, "superseded") for c in old.certificates()],
        days=next_update_days,
    )
    published = load_trust(org_dir / TRUST_NAME, org_dir / CA_NAME).by_name(old.name)
    return Reissue(
        trust=org_dir / TRUST_NAME,
        member=published or member,
        old_fingerprint=old.fingerprint,
        dir=target,
        serial=serial,
        next_update=next_update,
    )


def _new_member_dir(org_dir: Path, role: str, name: str) -> Path:
    target = org_dir / f"{role}-{slug(name)}"
    counter = 2
    while target.exists():
        target = org_dir / f"{role}-{slug(name)}-{counter}"
        counter += 1
    return target


def org_remove(
    org_dir: Path,
    name: str,
    *,
    next_update_days: int = NEXT_UPDATE_DAYS,
    ca_passphrase: bytes | None = None,
) -> Removal:
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
    signer = _publishing_signer(org_dir, trust, ca_passphrase)
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


def _publishing_signer(org_dir: Path, trust: Trust, ca_passphrase: bytes | None) -> Signer:
    """The trust-list signer, for a change that needs no CA key (one is made, with the
    CA key, for an organisation from before the signer)."""
    if has_trust_signer(org_dir):
        return load_trust_signer(org_dir, trust.ca_cert, ca_passphrase)
    if (org_dir / CA_KEY_NAME).is_file():
        ca_key = load_ca_key(org_dir, ca_passphrase)[1]
        return _signer(org_dir, trust, ca_key, ca_passphrase)
    raise UsageError(
        "org.no_trust_signer",
        "{path} has no trust-list signer ({folder}) yet, and making one needs the "
        "organisation's CA key; nothing was changed",
        path=org_dir,
        folder=SIGNER_DIR,
    )


KEEP = object()  # org_set_policy: leave this setting as it is


@dataclass(frozen=True)
class PolicyChange:
    trust: Path
    policy: Policy
    serial: int | None  # None: nothing changed, nothing published
    next_update: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "trust": str(self.trust),
            "policy": self.policy.to_json(),
            "serial": self.serial,
            "next_update": format_time(self.next_update) if self.next_update else None,
        }


def org_set_policy(
    org_dir: Path,
    *,
    marking: str | None = None,
    welsh_declaration: object = KEEP,
    recovery_recipient: object = KEEP,
    initials_each_page: bool | None = None,
    next_update_days: int = NEXT_UPDATE_DAYS,
    ca_passphrase: bytes | None = None,
) -> PolicyChange:
    """Change the organisation's policy and publish the trust file with the next serial
    (needs only the trust-list signer). `welsh_declaration` is the text or None (remove
    it); `recovery_recipient` an age1… key or None; `initials_each_page` True or False
    (None: as it is). Nothing given: show it as it is."""
    check_next_update_days(next_update_days)
    trust = load_trust(org_dir / TRUST_NAME, org_dir / CA_NAME)
    current = trust.policy
    try:
        policy = Policy(
            protective_marking=check_marking(marking) if marking else current.protective_marking,
            welsh_declaration=(
                current.welsh_declaration
                if welsh_declaration is KEEP
                else check_new_declaration(welsh_declaration)
                if welsh_declaration
                else None
            ),
            recovery_recipient=(
                current.recovery_recipient
                if recovery_recipient is KEEP
                else check_recovery_recipient(recovery_recipient)
                if recovery_recipient
                else None
            ),
            initials_each_page=(
                current.initials_each_page if initials_each_page is None else initials_each_page
            ),
        )
    except PolicyError as exc:
        raise UsageError(
            "org.bad_policy", "{reason}; nothing was changed", reason=str(exc)
        ) from None
    if policy == current and trust.version >= 4:
        return PolicyChange(org_dir / TRUST_NAME, policy, None, None)
    signer = _publishing_signer(org_dir, trust, ca_passphrase)
    serial, next_update = _publish(
        org_dir, trust, list(trust.members), signer, next_update_days, policy
    )
    return PolicyChange(org_dir / TRUST_NAME, policy, serial, next_update)


def _signer(
    org_dir: Path, trust: Trust, ca_key: ec.EllipticCurvePrivateKey, passphrase: bytes | None
) -> Signer:
    """The organisation's trust-list signer; made with the CA key if it has none yet
    (its key then protected like the CA's)."""
    if has_trust_signer(org_dir):
        return load_trust_signer(org_dir, trust.ca_cert, passphrase)
    with staged_dir(org_dir / SIGNER_DIR) as staging:
        write_trust_signer(
            staging,
            trust.ca_cert,
            ca_key,
            trust.organisation,
            intake_url=trust.intake_url,
            password=passphrase,
        )
    return load_trust_signer(org_dir, trust.ca_cert, passphrase)


def _publish(
    org_dir: Path,
    trust: Trust,
    members: list[Member],
    signer: Signer,
    days: int,
    policy: Policy | None = None,
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
        intake_url=trust.intake_url,
        policy=policy if policy is not None else trust.policy,
    )
    signature = cms.sign_detached(data, *signer)
    path = org_dir / TRUST_NAME
    atomic_write(path, data)
    atomic_write(signature_path(path), signature)
    return serial, next_update
