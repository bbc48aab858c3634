"""Sync from the desktop's side: the outbox as the screens show it, the intake's address,
trying a refused item again, a case's deliveries, and the pass the network thread runs.

The tasks take the Session first and return plain data (ui/backend.py runs them on the
vault worker; the network thread calls `make_pass`'s function and `outbox_items` itself:
the engine is safe to use from any thread and holds the vault only for short
transactions). `SyncStatus` is what the sync indicator and the outbox screen show, kept
up to date by pure functions over the network thread's events, so the rules for "what
to say" are plain Python a test can run without Qt.

Nothing here logs: reasons and receipts came from the intake, and references name cases.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from app.desktop.session import Session
from app.engine.outbox import OutboxItem
from app.errors import Phrase, UsageError
from app.sync.client import check_url
from app.sync.run import INTERVAL_SECONDS, Event, PassReport, Runner, intake_url, sync_pass

# The loop the network thread runs, and what it hands back (ui/ reaches the core only
# through app.desktop).
__all__ = [
    "CHUNK_BYTES",
    "INTERVAL_SECONDS",
    "NETWORK_TIMEOUT_SECONDS",
    "SETUP_CODES",
    "CaseExport",
    "Delivery",
    "IntakeAddress",
    "PassReport",
    "Runner",
    "SyncStatus",
    "case_deliveries",
    "delivery",
    "intake_address",
    "make_pass",
    "outbox_items",
    "retry_item",
    "set_intake_address",
    "with_error",
    "with_item_event",
    "with_items",
    "with_progress",
    "with_report",
]

# A request that makes no progress for this long ends the attempt (the item stays queued):
# it bounds how long the network thread can take to notice a lock or a shutdown.
NETWORK_TIMEOUT_SECONDS = 20.0
# Smaller than the core's 8 MiB chunks: after a lock the pass ends at the next chunk's
# answer, so a slow link keeps the thread busy for one short request at most.
CHUNK_BYTES = 2 * 1024 * 1024
PENDING = ("queued", "sending")

# The errors that mean "sync is not set up on this laptop yet" (as opposed to a failure):
# the indicator says so calmly and the outbox names what to do.
SETUP_CODES = frozenset(
    {
        "sync.not_configured",
        "sync.no_auth_certificate",
        "sync.bad_url",
        "sync.no_memfd",
        "identity.none",
        "identity.no_trust_file",
    }
)


@dataclass(frozen=True)
class Delivery:
    """One outbox item as the screens show it (plain data; text from the intake, the
    refusal's reason and the receipt's names, is shown as plain text only)."""

    item_id: str
    kind: str  # bundle | decision
    reference: str  # the case reference
    state: str  # queued | sending | delivered | refused
    bytes_sent: int
    size: int
    queued: str
    attempts: int
    next_attempt: str | None
    last_error: str | None  # a short code: busy.503, sync.bad_receipt…
    reason_code: str | None
    reason: str | None
    delivered: str | None  # when this laptop recorded the receipt
    received: str | None  # when the intake says it stored the item (the receipt's)
    intake_name: str | None
    receipt_sha256: str | None  # the SHA-256 the receipt vouches for
    sha256: str

    @property
    def pending(self) -> bool:
        return self.state in PENDING


def delivery(item: OutboxItem) -> Delivery:
    receipt: dict[str, Any] = {}
    try:
        receipt = item.receipt or {}
    except ValueError:  # checked when it arrived; a damaged copy shows no details
        receipt = {}
    intake = receipt.get("intake") if isinstance(receipt.get("intake"), dict) else {}
    return Delivery(
        item_id=item.item_id,
        kind=item.kind,
        reference=item.label,
        state=item.state,
        bytes_sent=item.bytes_sent,
        size=item.size,
        queued=item.queued,
        attempts=item.attempts,
        next_attempt=item.next_attempt,
        last_error=item.last_error,
        reason_code=item.reason_code,
        reason=item.reason,
        delivered=item.delivered,
        received=_text(receipt.get("received")),
        intake_name=_text(intake.get("name") if intake else None),
        receipt_sha256=_text(receipt.get("sha256")),
        sha256=item.sha256,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


# --- tasks ---------------------------------------------------------------------------------


def outbox_items(session: Session) -> list[Delivery]:
    """Every item in the outbox, oldest first."""
    return [delivery(item) for item in session.engine.outbox()]


@dataclass(frozen=True)
class IntakeAddress:
    configured: str | None  # set on this laptop (kept in the vault)
    effective: str | None  # where sync goes: the one set here, else the trust file's
    from_trust: str | None  # the trust file's


def intake_address(session: Session) -> IntakeAddress:
    engine = session.engine
    trust = engine.trust()
    from_trust = trust.intake_url if trust is not None else None
    try:
        effective: str | None = intake_url(engine)
    except UsageError:  # neither is set
        effective = None
    return IntakeAddress(engine.sync_url(), effective, from_trust)


def set_intake_address(session: Session, url: str) -> IntakeAddress:
    """Keep `url` (checked: https, a host, no path) as the intake's address; empty
    clears it, and then the trust file's applies."""
    text = url.strip()
    session.engine.set_sync_url(check_url(text) if text else None)
    return intake_address(session)


def retry_item(session: Session, item_id: str) -> Delivery:
    """Queue a refused item again (once the administrator has fixed the cause)."""
    return delivery(session.engine.outbox_requeue(item_id))


@dataclass(frozen=True)
class CaseExport:
    """One export of a case and, when it was sent to the intake, its delivery."""

    bundle_id: str
    sequence: int | None
    exported: str
    delivery: Delivery | None  # None: saved to a file only


def case_deliveries(session: Session, case_ref: str) -> list[CaseExport]:
    """The case's exports, oldest first, each with its delivery and receipt."""
    engine = session.engine
    case_id = engine.case(case_ref).id
    sent = {d.item_id: d for d in map(delivery, engine.outbox(case_id=case_id))}
    exports = []
    for entry in engine.audit_entries(case_id):
        if entry.action != "export":
            continue
        bundle_id = str(entry.detail.get("bundle_id", ""))
        sequence = entry.detail.get("sequence")
        exports.append(
            CaseExport(
                bundle_id,
                sequence if isinstance(sequence, int) else None,
                entry.at,
                sent.pop(bundle_id, None),
            )
        )
    # An item the audit log does not name (it should not happen) is still shown.
    exports += [CaseExport(d.item_id, None, d.queued, d) for d in sent.values()]
    return exports


def make_pass(
    session: Session, stop: threading.Event, on_event: Event | None = None
) -> Callable[[], PassReport]:
    """The function the network thread's Runner calls for one pass: the session's
    engine as it is at that moment (a locked vault raises vault.locked)."""

    def one_pass() -> PassReport:
        return sync_pass(
            session.engine,
            on_event=on_event,
            stop=stop,
            timeout=NETWORK_TIMEOUT_SECONDS,
            chunk=CHUNK_BYTES,
        )

    return one_pass


# --- what the indicator and the outbox show --------------------------------------------------


@dataclass(frozen=True)
class SyncStatus:
    """The outbox and the connection as last seen (updated on the GUI thread)."""

    items: tuple[Delivery, ...] = ()
    known: bool = False  # the outbox has been read at least once since unlocking
    # unknown (no pass yet) | reached | offline | not_set_up | failed
    connection: str = "unknown"
    offline_reason: str | None = None  # connect, timeout, tls, pin, link
    problem: Phrase | None = None  # not set up, or a failed pass: the core's message
    sending: str | None = None  # the item being sent now
    progress: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> (sent, size)
    batch: tuple[str, ...] = ()  # the items this round of sending started with

    @property
    def waiting(self) -> list[Delivery]:
        return [d for d in self.items if d.pending]

    @property
    def refused(self) -> list[Delivery]:
        return [d for d in self.items if d.state == "refused"]

    @property
    def delivered(self) -> list[Delivery]:
        return [d for d in self.items if d.state == "delivered"]

    def sent_bytes(self, item: Delivery) -> tuple[int, int]:
        """(bytes the intake holds, size): the latest progress, else the stored figure."""
        return self.progress.get(item.item_id, (item.bytes_sent, item.size))

    def is_sending(self, item_id: str) -> bool:
        """True while `item_id` is going to an intake known to be there. The pass names
        an item before it connects: offline, that attempt is not "sending" (it would
        flicker at every retry)."""
        return self.sending == item_id and self.connection == "reached"

    def sending_position(self) -> tuple[int, int] | None:
        """(n, of) for "Sending n of of…", while an item is being sent."""
        if self.sending is None or not self.is_sending(self.sending) or not self.waiting:
            return None
        batch = self.batch if self.sending in self.batch else (self.sending,)
        return batch.index(self.sending) + 1, len(batch)


def with_items(status: SyncStatus, items: list[Delivery]) -> SyncStatus:
    waiting = {d.item_id for d in items if d.pending}
    sending = status.sending if status.sending in waiting else None
    progress = {k: v for k, v in status.progress.items() if k in waiting}
    return replace(status, items=tuple(items), known=True, sending=sending, progress=progress)


def with_progress(status: SyncStatus, item_id: str, sent: int, size: int) -> SyncStatus:
    batch = status.batch
    if item_id not in batch:
        # A new round of sending: what waits now, in the order it goes.
        batch = tuple(d.item_id for d in status.items if d.pending)
        if item_id not in batch:
            batch = (*batch, item_id)
    stored = next((d.bytes_sent for d in status.items if d.item_id == item_id), 0)
    # More bytes held than before: the intake answered, so it is there.
    reached = sent > max(stored, status.progress.get(item_id, (0, 0))[0])
    return replace(
        status,
        sending=item_id,
        connection="reached" if reached else status.connection,
        offline_reason=None if reached else status.offline_reason,
        problem=None if reached else status.problem,
        progress={**status.progress, item_id: (sent, size)},
        batch=batch,
    )


def with_item_event(status: SyncStatus, details: dict[str, Any]) -> SyncStatus:
    """An item's attempt ended (delivered, refused, or left queued)."""
    sending = None if details.get("id") == status.sending else status.sending
    if details.get("state") in ("delivered", "refused"):  # an answer: the intake is there
        return replace(
            status, sending=sending, connection="reached", offline_reason=None, problem=None
        )
    return replace(status, sending=sending)


def with_report(status: SyncStatus, report: dict[str, Any]) -> SyncStatus:
    """A pass ended: reached the intake, or not (offline is normal)."""
    reached = bool(report.get("reached"))
    reason = report.get("unreachable")
    return replace(
        status,
        connection="reached" if reached else "offline",
        offline_reason=None if reached else (str(reason) if reason else None),
        problem=None,
        sending=None,
        batch=() if reached else status.batch,
    )


def with_error(status: SyncStatus, problem: Phrase) -> SyncStatus:
    """A pass could not run: sync not set up yet, or a failure nobody foresaw."""
    setup = problem.code in SETUP_CODES
    return replace(
        status, connection="not_set_up" if setup else "failed", problem=problem, sending=None
    )
