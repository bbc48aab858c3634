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

When sync is set up, an export takes three steps so the network never waits in the
vault worker's queue: `begin_export` renders and signs (vault worker), `stamp_export_job`
gets the central system's time-stamp and revocation list (network worker, no vault), and
`finish_export_job` writes the bundle, PAdES B-LT, and verifies it (vault worker).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.desktop.session import Session
from app.desktop.sync import NETWORK_TIMEOUT_SECONDS
from app.errors import UsageError
from app.export.authors import short_fingerprint
from app.export.bundle import DEFAULT_ROLES, PreparedExport, finish_export, prepare_export
from app.export.verify import Report, verify_data, verify_in_vault
from app.sync.export_stamp import Stamped, StampPlan, remember_crl, stamp_export, stamp_plan


@dataclass(frozen=True)
class Recipient:
    """A member of the organisation a bundle can be encrypted to."""

    name: str  # as the signed trust file gives it (shown as plain text)
    role: str  # interviewer | supervisor | intake
    ticked: bool  # included unless the interviewer unticks them (DEFAULT_ROLES)
    # The signing certificate's SHA-256 (hex), shown beside the name so two members who
    # share a name, or a name that only looks the same, are told apart.
    fingerprint: str = ""

    @property
    def short_fingerprint(self) -> str:
        return short_fingerprint(self.fingerprint)


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
        Recipient(m.name, m.role, m.role in DEFAULT_ROLES, m.fingerprint)
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
    level: str = "B-B"  # the statement signature's PAdES level
    timestamped: str | None = None  # the time-stamp's time, "2026-12-07 10:00:01 UTC"
    not_stamped: str | None = None  # why a time-stamp was tried and not had (a short code)
    unreachable: bool = False  # not stamped because the central system was not reachable


@dataclass(frozen=True)
class ExportJob:
    """An export between its steps: prepared on the vault worker (`begin_export`),
    time-stamped on the network worker (`stamp_export_job`, when `plan` says to try),
    finished on the vault worker (`finish_export_job`). Plain data in memory."""

    prepared: PreparedExport
    plan: StampPlan | None  # None: not time-stamped (sync is not set up)
    stamped: Stamped | None = None

    @property
    def wants_network(self) -> bool:
        return self.plan is not None and self.stamped is None


def begin_export(
    session: Session, ref: str, target: str | None, names: list[str], send: bool = False
) -> ExportJob:
    """Check, render and sign the statement (vault worker); say whether the network
    worker should then ask the central system for its time-stamp."""
    engine = session.engine
    plan = stamp_plan(engine, timeout=NETWORK_TIMEOUT_SECONDS)
    prepared = prepare_export(
        engine,
        ref,
        Path(target) if target else None,
        names,
        send=send,
        room_for_timestamp=plan is not None,
    )
    return ExportJob(prepared, plan)


def stamp_export_job(job: ExportJob) -> ExportJob:
    """The network worker's step: the time-stamp and the revocation list from the
    central system (never the vault). Offline, the statement stays B-B."""
    if job.plan is None:
        return job
    return replace(job, stamped=stamp_export(job.prepared, job.plan))


def finish_export_job(session: Session, job: ExportJob) -> Exported:
    """Write (or queue) the bundle (vault worker), keep the revocation list fetched,
    then verify the bundle just made, as its recipients will."""
    engine = session.engine
    stamped = job.stamped
    if stamped is not None and stamped.fetched_crl is not None:
        remember_crl(engine, stamped.fetched_crl)
    result = finish_export(engine, job.prepared, stamped.statement if stamped else None)
    if result.path is not None:
        report = verify_in_vault(engine, Path(result.path))
    else:  # only in the outbox: verify the very bytes that will be sent
        identity, trust = engine.identity(), engine.trust()
        if identity.age_identity is None or trust is None:  # export_case refused these
            raise UsageError("identity.no_trust_file", "import the organisation's trust file first")
        data = engine.outbox_data(result.bundle_id)
        report = verify_data(data, [identity.age_identity], trust.ca_cert, trust)
    stamp = result.timestamp
    return Exported(
        report,
        result.path,
        result.queued,
        result.pades_level,
        f"{stamp.gen_time:%Y-%m-%d %H:%M:%S} UTC" if stamp else None,
        stamped.offline if stamped else None,
        bool(stamped and stamped.unreachable),
    )


def export_and_verify(
    session: Session, ref: str, target: str | None, names: list[str], send: bool = False
) -> Exported:
    """Export the signed statement to `target` (a file; optional when sending) for the
    members named (and the author), with `send` queued for the central system too; then
    verify the bundle just made. All on the calling thread, so never with a time-stamp
    (the network never waits in the vault worker's queue): the export screen runs
    `begin_export`, `stamp_export_job` and `finish_export_job` on their own workers."""
    out = Path(target) if target else None
    prepared = prepare_export(session.engine, ref, out, names, send=send)
    return finish_export_job(session, ExportJob(prepared, None))


def verify_bundle(session: Session, path: str) -> Report:
    """Check a bundle with this vault's identity and trust file: who signed it, that
    nothing in it was altered, and that we are one of its recipients."""
    return verify_in_vault(session.engine, Path(path))


def report_text(report: Report) -> str:
    """The report as `quietroom-cli verify` prints it: one line per check, in English
    (the screens show it in the interface language: ui/report_messages.py)."""
    return "\n".join(check.line() for check in report.checks)
