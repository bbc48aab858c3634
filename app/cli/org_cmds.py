"""CLI commands for the organisation: `org init` and `org issue` (no vault needed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import org
from app.cli.context import Context
from app.errors import VerificationError
from app.org.trust import ROLES, TRUST_NAME, load_trust


def cmd_org_init(ctx: Context) -> int:
    summary = org.org_init(Path(ctx.args.out), ctx.args.name)
    ctx.note(
        f"{summary.out / org.CA_KEY_NAME} can issue identities for this organisation; "
        "a real organisation keeps its CA key offline"
    )

    def text() -> str:
        lines = [
            f"Created the organisation {summary.organisation!r} in {summary.out}.",
            f"CA certificate: {summary.ca}",
            f"trust file:     {summary.trust}",
        ]
        lines += [f"  {m.role:<11} {m.name:<20} {m.dir}" for m in summary.members]
        return "\n".join(lines)

    ctx.emit(summary.to_json(), text)
    return 0


def cmd_org_issue(ctx: Context) -> int:
    org_dir = Path(ctx.args.org)
    directory = org.org_issue(org_dir, ctx.args.role, ctx.args.name)
    # Read back through the verifying loader: the new entry is reported as published.
    member = load_trust(org_dir / TRUST_NAME).by_name(ctx.args.name)
    if member is None:  # only if someone replaced the trust file in the meantime
        raise VerificationError(
            "org.member_missing_after_issue",
            "the new member is missing from the re-signed trust file",
        )
    data = {
        "name": member.name,
        "role": member.role,
        "dir": str(directory),
        "age_recipient": member.age_recipient,
        "certificate_fingerprint": member.fingerprint,
        "trust": str(org_dir / TRUST_NAME),
    }
    ctx.emit(
        data, f"Issued {member.role} {member.name!r} in {directory}; the trust file is re-signed."
    )
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "org", parents=[common], help="make an evaluation organisation or issue its members"
    )
    osub = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    pi = osub.add_parser(
        "init", parents=[common], help="create a CA, three members and a signed trust file"
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
    pi.set_defaults(handler=cmd_org_init)

    pu = osub.add_parser(
        "issue", parents=[common], help="issue a new member and re-sign the trust file"
    )
    pu.add_argument(
        "--org", required=True, metavar="DIR", help="the organisation directory made by 'org init'"
    )
    pu.add_argument("--role", required=True, choices=ROLES)
    pu.add_argument("--name", required=True, metavar="NAME", help="the member's name")
    pu.set_defaults(handler=cmd_org_issue)
