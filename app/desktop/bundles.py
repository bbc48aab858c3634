"""Statement bundles from the desktop's side: whom a signed statement can be exported to,
exporting it (then checking what was written), and checking any bundle sent to us.

The recipients offered come from the organisation's signed trust file; the author is
always a recipient, so is never offered, and the roles an export includes by default
(app.export.bundle.DEFAULT_ROLES) are ticked to begin with. A verification report reads
line for line as `quietroom-cli verify` prints it. Each task takes the Session first
(ui/backend.py's `Backend.run` calls it on the worker thread) and returns plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.desktop.session import Session
from app.export.bundle import DEFAULT_ROLES, export_case
from app.export.verify import Report, verify_in_vault


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
    return ExportChoices(case.reference, recipients, trust is not None)


def export_and_verify(session: Session, ref: str, target: str, names: list[str]) -> Report:
    """Export the signed statement to `target` for the members named (and the author),
    then verify the bundle just written, as its recipients will."""
    export_case(session.engine, ref, Path(target), names)
    return verify_in_vault(session.engine, Path(target))


def verify_bundle(session: Session, path: str) -> Report:
    """Check a bundle with this vault's identity and trust file: who signed it, that
    nothing in it was altered, and that we are one of its recipients."""
    return verify_in_vault(session.engine, Path(path))


def report_text(report: Report) -> str:
    """The report as `quietroom-cli verify` prints it: one line per check."""
    return "\n".join(check.line() for check in report.checks)
