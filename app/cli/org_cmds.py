"""CLI commands for the organisation: `org init`, `org issue`, `org reissue` and `org
remove` (no vault needed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import org
from app.cli.context import Context, read_passphrase_file, read_text_file
from app.errors import UsageError, VerificationError
from app.org.member_files import IDENTITY_P12
from app.org.organisation import DEFAULT_INTAKE_URL, Protection
from app.org.policy import MARKINGS
from app.org.revocation import org_revoke
from app.org.signer import SIGNER_DIR
from app.org.trust import (
    MAX_NEXT_UPDATE_DAYS,
    NEXT_UPDATE_DAYS,
    ROLES,
    TRUST_NAME,
    format_time,
    load_trust,
)
from crypto.crl import REASONS


def _protection(args: argparse.Namespace) -> Protection:
    member_file = getattr(args, "password_file", None)
    if member_file == "-" and args.ca_passphrase_file == "-":
        raise UsageError(
            "cli.stdin_twice",
            "only one option can read standard input ('-'); give the other as a file",
        )

    def secret(name: str | None, what: str) -> bytes | None:
        return read_passphrase_file(name, what).encode("utf-8") if name else None

    return Protection(
        members=secret(member_file, "password"),
        ca=secret(args.ca_passphrase_file, "CA passphrase"),
    )


def _warn_unencrypted(ctx: Context, protection: Protection, where: Path) -> None:
    """One line when any new private key is written unencrypted (evaluation only)."""
    left = [
        what
        for what, secret in (
            ("the members' keys (--password-file)", protection.members),
            ("the CA and trust-list signer keys (--ca-passphrase-file)", protection.ca),
        )
        if not secret
    ]
    if left:
        ctx.note(
            f"warning: {' and '.join(left)} in {where} are not encrypted; this is an "
            "evaluation organisation, not for real statements"
        )


def cmd_org_init(ctx: Context) -> int:
    protection = _protection(ctx.args)
    summary = org.org_init(
        Path(ctx.args.out),
        ctx.args.name,
        next_update_days=ctx.args.next_update_days,
        intake_url=ctx.args.intake_url,
        protection=protection,
    )
    if protection.complete:
        ctx.note(
            f"{summary.out / org.CA_KEY_NAME} can issue identities for this organisation; "
            "keep it offline (the trust-list signer in "
            f"{summary.trust_signer} signs the trust file)"
        )
    else:
        _warn_unencrypted(ctx, protection, summary.out)

    def text() -> str:
        lines = [
            f"Created the organisation {summary.organisation!r} in {summary.out}.",
            f"CA certificate: {summary.ca}",
            f"trust file:     {summary.trust} (serial {summary.serial}, "
            f"next update {format_time(summary.next_update)})",
            f"signed by:      {summary.trust_signer}",
        ]
        lines += [f"  {m.role:<11} {m.name:<20} {m.dir}" for m in summary.members]
        return "\n".join(lines)

    ctx.emit(summary.to_json(), text)
    return 0


def cmd_org_issue(ctx: Context) -> int:
    org_dir = Path(ctx.args.org)
    protection = _protection(ctx.args)
    directory = org.org_issue(
        org_dir,
        ctx.args.role,
        ctx.args.name,
        next_update_days=ctx.args.next_update_days,
        protection=protection,
    )
    if not protection.members:
        ctx.note(
            f"warning: the new member's keys in {directory} are not encrypted "
            "(give --password-file for an encrypted identity.p12)"
        )
    # Read back through the verifying loader: the new entry is reported as published.
    trust = load_trust(org_dir / TRUST_NAME)
    member = trust.by_name(ctx.args.name)
    if member is None:  # only if someone replaced the trust file in the meantime
        raise VerificationError(
            "org.member_missing_after_issue",
            "the new member is missing from the re-signed trust file",
        )
    next_update = format_time(trust.next_update) if trust.next_update else None
    data = {
        "name": member.name,
        "role": member.role,
        "dir": str(directory),
        "age_recipient": member.age_recipient,
        "certificate_fingerprint": member.fingerprint,
        "member_id": member.member_id,
        "identity": str(directory / IDENTITY_P12) if protection.members else None,
        "trust": str(org_dir / TRUST_NAME),
        "serial": trust.serial,
        "next_update": next_update,
    }
    ctx.emit(
        data,
        f"Issued {member.role} {member.name!r} in {directory}; the trust file is re-signed "
        f"(serial {trust.serial}, next update {next_update}).",
    )
    return 0


def cmd_org_reissue(ctx: Context) -> int:
    protection = _protection(ctx.args)
    done = org.org_reissue(
        Path(ctx.args.org),
        ctx.args.member,
        next_update_days=ctx.args.next_update_days,
        protection=protection,
    )
    if not protection.members:
        ctx.note(
            f"warning: the new keys in {done.dir} are not encrypted "
            "(give --password-file for an encrypted identity.p12)"
        )
    ctx.emit(
        done.to_json(),
        lambda: "\n".join(
            [
                f"Re-issued {done.member.role} {done.member.name!r} in {done.dir} "
                f"(member id {done.member.member_id}).",
                f"  new certificate {done.member.fingerprint}",
                f"  old certificate {done.old_fingerprint}, no longer listed",
                f"serial {done.serial}, next update {format_time(done.next_update)}.",
            ]
        ),
    )
    return 0


def cmd_org_remove(ctx: Context) -> int:
    removal = org.org_remove(
        Path(ctx.args.org),
        ctx.args.member,
        next_update_days=ctx.args.next_update_days,
        ca_passphrase=_protection(ctx.args).ca,
    )
    gone = removal.member
    ctx.emit(
        removal.to_json(),
        lambda: "\n".join(
            [
                f"Removed {gone.role} {gone.name!r} from {removal.trust}.",
                f"  certificate {gone.fingerprint}",
                f"  age recipient {gone.age_recipient}",
                f"serial {removal.serial_before} -> {removal.serial}, next update "
                f"{format_time(removal.next_update)}; {removal.members_left} members remain.",
                "Vaults that import this trust file stop trusting and exporting to them, "
                "and cannot go back to an older trust file.",
            ]
        ),
    )
    return 0


def cmd_org_revoke(ctx: Context) -> int:
    a = ctx.args
    done = org_revoke(
        Path(a.org),
        name=a.member,
        cert_path=Path(a.cert) if a.cert else None,
        reason=a.reason,
        next_update_days=a.next_update_days,
        ca_passphrase=_protection(a).ca,
    )
    lines = [
        f"Revoked {len(done.revoked)} certificate(s); wrote {done.crl} (number {done.number})."
    ]
    if done.removal is not None:
        lines.append(
            f"Removed {done.removal.member.name!r} from the trust file "
            f"(serial {done.removal.serial}). Publish crl.der and the trust file to the intake."
        )
    ctx.emit(done.to_json(), "\n".join(lines))
    return 0


def cmd_org_policy(ctx: Context) -> int:
    a = ctx.args
    declaration: object = org.membership.KEEP
    if a.welsh_declaration_file:
        declaration = read_text_file(a.welsh_declaration_file, "Welsh declaration")
    elif a.no_welsh_declaration:
        declaration = None
    recipient: object = org.membership.KEEP
    if a.recovery_recipient:
        recipient = a.recovery_recipient
    elif a.no_recovery_recipient:
        recipient = None
    change = org.org_set_policy(
        Path(a.org),
        marking=a.marking,
        welsh_declaration=declaration,
        recovery_recipient=recipient,
        initials_each_page=None if a.initials_each_page is None else a.initials_each_page == "yes",
        next_update_days=a.next_update_days,
        ca_passphrase=_protection(a).ca,
    )
    policy = change.policy
    welsh = policy.welsh_declaration
    lines = [
        f"protective marking: {policy.protective_marking}",
        f"Welsh declaration: {('sha256 ' + welsh.sha256) if welsh else 'not set'}",
        f"recovery recipient: {policy.recovery_recipient or 'not set'}",
        f"initials on each page: {'yes' if policy.initials_each_page else 'no'}",
        (
            f"Published the trust file with serial {change.serial}."
            if change.serial is not None
            else "Nothing changed."
        ),
    ]
    ctx.emit(change.to_json(), "\n".join(lines))
    return 0


def _days(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--next-update-days",
        type=int,
        default=NEXT_UPDATE_DAYS,
        metavar="N",
        help=f"the trust file is current for N days, 1 to {MAX_NEXT_UPDATE_DAYS} "
        f"(default: {NEXT_UPDATE_DAYS}); vaults refuse to export with it after that",
    )


def _ca_passphrase(parser: argparse.ArgumentParser, doing: str) -> None:
    parser.add_argument(
        "--ca-passphrase-file",
        metavar="F",
        help=f"{doing} (its first line; '-' for standard input)",
    )


def _member_password(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-file",
        metavar="F",
        help="write each new member's keys, certificates and age identity as one "
        "identity.p12 encrypted under this password (its first line), and no key files",
    )


def _org_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--org", required=True, metavar="DIR", help="the organisation directory made by 'org init'"
    )


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "org", parents=[common], help="make an evaluation organisation or change its members"
    )
    osub = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    pi = osub.add_parser(
        "init",
        parents=[common],
        help="create a CA, a trust-list signer, three members and a signed trust file",
    )
    pi.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="a new (or empty) directory for the organisation",
    )
    pi.add_argument(
        "--name",
        default=org.DEFAULT_ORGANISATION,
        metavar="ORG",
        help=f"the organisation's name (default: {org.DEFAULT_ORGANISATION})",
    )
    pi.add_argument(
        "--intake-url",
        default=DEFAULT_INTAKE_URL,
        metavar="URL",
        help="the organisation's intake service, https://HOST[:PORT]; certificates name "
        f"its /v1/crl as where revocations are published (default: {DEFAULT_INTAKE_URL})",
    )
    _member_password(pi)
    _ca_passphrase(pi, "encrypt the CA key and the trust-list signer's key with this passphrase")
    _days(pi)
    pi.set_defaults(handler=cmd_org_init)

    pu = osub.add_parser(
        "issue",
        parents=[common],
        help="issue a new member (needs the CA key) and re-sign the trust file",
    )
    _org_dir(pu)
    pu.add_argument("--role", required=True, choices=ROLES)
    pu.add_argument("--name", required=True, metavar="NAME", help="the member's name")
    _member_password(pu)
    _ca_passphrase(pu, "the passphrase of the CA key, if it is encrypted")
    _days(pu)
    pu.set_defaults(handler=cmd_org_issue)

    pe = osub.add_parser(
        "reissue",
        parents=[common],
        help="new keys and certificates for a member, same member id (needs the CA key)",
    )
    _org_dir(pe)
    pe.add_argument("--member", required=True, metavar="NAME", help="the member's name")
    _member_password(pe)
    _ca_passphrase(pe, "the passphrase of the CA key, if it is encrypted")
    _days(pe)
    pe.set_defaults(handler=cmd_org_reissue)

    pr = osub.add_parser(
        "remove",
        parents=[common],
        help=f"remove a member from the trust file and re-sign it (needs only {SIGNER_DIR}/)",
    )
    _org_dir(pr)
    pr.add_argument("--member", required=True, metavar="NAME", help="the member's name")
    _ca_passphrase(pr, "the passphrase of the trust-list signer's key, if it is encrypted")
    _days(pr)
    pr.set_defaults(handler=cmd_org_remove)

    pp = osub.add_parser(
        "policy",
        parents=[common],
        help="show or change the organisation's policy in the trust file "
        f"(needs only {SIGNER_DIR}/)",
    )
    _org_dir(pp)
    pp.add_argument(
        "--marking", choices=MARKINGS, help="the protective marking printed on every page"
    )
    welsh = pp.add_mutually_exclusive_group()
    welsh.add_argument(
        "--welsh-declaration-file",
        metavar="F",
        help="the organisation's approved Welsh s.9 declaration (UTF-8 text)",
    )
    welsh.add_argument("--no-welsh-declaration", action="store_true", help="remove it")
    recovery = pp.add_mutually_exclusive_group()
    recovery.add_argument("--recovery-recipient", metavar="AGE1…")
    recovery.add_argument("--no-recovery-recipient", action="store_true", help="remove it")
    pp.add_argument(
        "--initials-each-page",
        choices=("yes", "no"),
        help="whether the witness initials each page they confirm before signing",
    )
    _ca_passphrase(pp, "the passphrase of the trust-list signer's key, if it is encrypted")
    _days(pp)
    pp.set_defaults(handler=cmd_org_policy)

    pv = osub.add_parser(
        "revoke",
        parents=[common],
        help="revoke a member's certificates on the revocation list (crl.der) and remove "
        "them from the trust file (needs the CA key)",
    )
    _org_dir(pv)
    which = pv.add_mutually_exclusive_group(required=True)
    which.add_argument("--member", metavar="NAME", help="a current member: every certificate")
    which.add_argument("--cert", metavar="FILE.pem", help="one certificate no longer listed")
    pv.add_argument(
        "--reason",
        default="unspecified",
        choices=sorted(REASONS),
        help="what the list says (default: unspecified)",
    )
    _ca_passphrase(pv, "the passphrase of the CA key, if it is encrypted")
    _days(pv)
    pv.set_defaults(handler=cmd_org_revoke)
