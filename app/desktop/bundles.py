"""Statement bundles from the desktop's side: whom a signed statement can be exported to,
exporting it (then checking what was written), and checking any bundle sent to us.

The recipients offered come from the organisation's signed trust file; the author is
always a recipient, so is never offered, and the roles an export includes by default
(app.export.bundle.DEFAULT_ROLES) are ticked to begin with. An export may also be sent to
the central system (the intake): it is then queued in the vault's outbox in the export's
own transaction (the network worker delivers it), and a file is optional. A verification
report reads line for line as `quietroom-cli verify` prints it. Each task takes the
Session first (ui/backend.py's `Backend.run` calls it on the worker thread) and returns
plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.desktop.session import Session
from app.errors import UsageError
from app.export.bundle import DEFAULT_ROLES, export_case
from app.export.verify import Report, verify_data, verify_in_vault


@dataclass(frozen=True)
class Recipient:
    """A member of the organisation a bundle can be encrypted to."""

    name: str  # as the signed trust file gives it (shown as plain text)
    role: str  # interviewer | supervisor | intake
    ticked: bool  # included unless the interviewer unticks them (DEFAULT_ROLES)


@dataclass(frozen=True)
class ExportChoices:
    """What the export screen offers for a case."""

    reference: str
    recipients: list[Recipient]
    trusted: bool  # a trust file has been imported (without one nobody is offered)
    can_send: bool = False  # the trust file lists an intake: "send" is offered, ticked


def export_choices(session: Session, ref: str) -> ExportChoices:
    """The case's reference and everyone, but the author, a bundle can be sent to."""
    engine = session.engine
    case = engine.case(ref)
    trust = engine.trust()
    mine = engine.identity_summary().age_recipient
    # A second interviewer is offered like every other member.
    recipients = [
        Recipient(m.name, m.role, m.role in DEFAULT_ROLES)
        for m in (trust.members if trust else ())
        if m.age_recipient != mine
    ]
    can_send = trust is not None and bool(trust.by_role("intake"))
    return ExportChoices(case.reference, recipients, trust is not None, can_send)


@dataclass(frozen=True)
class Exported:
    """What an export did: the verification of the bundle made, and where it went."""

    report: Report
    path: str | None  # the file written, if any
    queued: bool  # in the outbox, for the central system


def export_and_verify(
    session: Session, ref: str, target: str | None, names: list[str], send: bool = False
) -> Exported:
    """Export the signed statement to `target` (a file; optional when sending) for the
    members named (and the author), with `send` queued for the central system too; then
    verify the bundle just made, as its recipients will."""
    engine = session.engine
    out = Path(target) if target else None
    result = export_case(engine, ref, out, names, send=send)
    if out is not None:
        report = verify_in_vault(engine, out)
    else:  # only in the outbox: verify the very bytes that will be sent
        identity, trust = engine.identity(), engine.trust()
        if identity.age_identity is None or trust is None:  # export_case refused these
            raise UsageError("identity.no_trust_file", "import the organisation's trust file first")
        data = engine.outbox_data(result.bundle_id)
        report = verify_data(data, [identity.age_identity], trust.ca_cert, trust)
    return Exported(report, result.path, result.queued)


def verify_bundle(session: Session, path: str) -> Report:
    """Check a bundle with this vault's identity and trust file: who signed it, that
    nothing in it was altered, and that we are one of its recipients."""
    return verify_in_vault(session.engine, Path(path))


def report_text(report: Report) -> str:
    """The report as `quietroom-cli verify` prints it: one line per check."""
    return "\n".join(check.line() for check in report.checks)
