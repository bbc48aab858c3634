"""CLI commands for the organisation: `org init`, `org issue` and `org remove` (no vault
needed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import org
from app.cli.context import Context
from app.errors import VerificationError
from app.org.signer import SIGNER_DIR
from app.org.trust import (
    MAX_NEXT_UPDATE_DAYS,
    NEXT_UPDATE_DAYS,
    ROLES,
    TRUST_NAME,
    format_time,
    load_trust,
)


def cmd_org_init(ctx: Context) -> int:
    summary = org.org_init(
        Path(ctx.args.out), ctx.args.name, next_update_days=ctx.args.next_update_days
    )
    ctx.note(
        f"{summary.out / org.CA_KEY_NAME} can issue identities for this organisation; "
        "a real organisation keeps its CA key offline (the trust-list signer in "
        f"{summary.trust_signer} signs the trust file)"
    )

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
    directory = org.org_issue(
        org_dir, ctx.args.role, ctx.args.name, next_update_days=ctx.args.next_update_days
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


def cmd_org_remove(ctx: Context) -> int:
    removal = org.org_remove(
        Path(ctx.args.org), ctx.args.member, next_update_days=ctx.args.next_update_days
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


def _days(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--next-update-days",
        type=int,
        default=NEXT_UPDATE_DAYS,
        metavar="N",
        help=f"the trust file is current for N days, 1 to {MAX_NEXT_UPDATE_DAYS} "
        f"(default: {NEXT_UPDATE_DAYS}); vaults refuse to export with it after that",
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
    _days(pu)
    pu.set_defaults(handler=cmd_org_issue)

    pr = osub.add_parser(
        "remove",
        parents=[common],
        help=f"remove a member from the trust file and re-sign it (needs only {SIGNER_DIR}/)",
    )
    _org_dir(pr)
    pr.add_argument("--member", required=True, metavar="NAME", help="the member's name")
    _days(pr)
    pr.set_defaults(handler=cmd_org_remove)
