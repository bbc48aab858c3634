"""A sync pass, and the loop that runs passes with back-off.

A pass connects to the intake once and: takes a newer trust file (the first, small
request, which also says whether the intake can be reached); delivers every outbox item
that is due; fetches what is addressed to this member (a supervisor's review queue, an
interviewer's decisions). Being offline is normal: the pass stops at the
first `Unreachable`, changes nothing about the items, and says so. An item the intake
could not take just now (`Busy`, a receipt that did not check) gets its next attempt
after an exponential back-off with jitter; a refusal is final.

`Runner` repeats passes: soon after new work (`wake`), every `interval` seconds
otherwise, and after a pass that could not reach the intake, with its own back-off
(2 s doubling to 5 minutes, jittered), so a laptop coming back online catches up in
seconds without hammering an intake that is down.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from app.engine.clock import parse_stamp, stamp
from app.engine.outbox import OutboxItem
from app.errors import QuietroomError, UsageError, VerificationError, unexpected
from app.sync.client import Busy, IntakeClient, Refused, Unreachable
from app.sync.deliver import CHUNK, Stopped, deliver
from app.sync.fetch import Fetched, fetch_decisions, fetch_reviews, fetch_trust

if TYPE_CHECKING:  # only named in annotations: the engine loads on unlock
    from app.engine.engine import Engine

LOG = logging.getLogger("quietroom.sync")
ITEM_BASE_SECONDS = 5.0
ITEM_CAP_SECONDS = 3600.0
PASS_BASE_SECONDS = 2.0
PASS_CAP_SECONDS = 300.0
INTERVAL_SECONDS = 60.0

Event = Callable[[str, dict[str, Any]], None]  # ("progress" | "item" | "pass", details)


def backoff(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Seconds to wait before try number `attempt` + 1: exponential, capped, with "equal
    jitter" (half fixed, half random) so many laptops never retry in step."""
    delay = min(cap, base * (2 ** min(attempt, 30)))
    return delay / 2 + (rng or random).uniform(0, delay / 2)


def not_configured() -> UsageError:
    return UsageError(
        "sync.not_configured",
        "no intake address is set and the trust file names none; set it with "
        "'sync configure --url https://HOST:PORT'",
    )


def intake_url(engine: Engine) -> str:
    """Where to sync: `sync configure`'s address, else the trust file's."""
    url = engine.sync_url()
    if url:
        return url
    trust = engine.trust()
    if trust is None or not trust.intake_url:
        raise not_configured()
    return trust.intake_url


@dataclass
class PassReport:
    reached: bool = False
    unreachable: str | None = None  # why not, as a short code
    delivered: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    waiting: list[dict[str, Any]] = field(default_factory=list)  # to try again later
    fetched: Fetched = field(default_factory=Fetched)
    trust_serial: int | None = None  # a newer trust file taken
    problems: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "reached": self.reached,
            "unreachable": self.unreachable,
            "delivered": self.delivered,
            "refused": self.refused,
            "waiting": self.waiting,
            **self.fetched.to_json(),
            "trust_serial": self.trust_serial,
            "problems": self.problems,
        }

    def summary(self) -> str:
        if not self.reached:
            return f"the intake could not be reached ({self.unreachable}); the outbox is kept"
        parts = [f"{len(self.delivered)} delivered"]
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        if self.waiting:
            parts.append(f"{len(self.waiting)} to try again")
        if self.fetched.opened:
            parts.append(f"{len(self.fetched.opened)} opened for review")
        if self.fetched.imported:
            parts.append(f"{len(self.fetched.imported)} decisions imported")
        return ", ".join(parts)


def _role(engine: Engine) -> str | None:
    trust = engine.trust()
    member = trust.member_for_certificate(engine.identity().cert) if trust else None
    return member.role if member else None


def sync_pass(
    engine: Engine,
    *,
    fetch: bool = True,
    chunk: int = CHUNK,
    timeout: float | None = None,
    on_event: Event | None = None,
    rng: random.Random | None = None,
    stop: threading.Event | None = None,
) -> PassReport:
    """One pass (see the module's docstring). Raises UsageError when sync is not set up
    (no address, no identity or trust file); being offline is in the report."""
    emit = on_event or (lambda kind, details: None)
    report = PassReport()
    url = intake_url(engine)
    trust = engine.trust()
    if trust is None:
        raise UsageError("identity.no_trust_file", "import the organisation's trust file first")
    kwargs = {"timeout": timeout} if timeout is not None else {}
    client = IntakeClient(url, trust, engine.identity(), **kwargs)
    try:
        # First the trust file: one small request that says whether the intake can be
        # reached at all (so "sending" is never announced to a laptop that is offline),
        # and brings a newer trust file before anything is sent.
        _step(report, lambda: _take_trust(engine, client, report))
        if report.unreachable is None and not (stop and stop.is_set()):
            _deliver_due(engine, client, report, chunk, emit, rng, stop)
        if fetch and report.unreachable is None and not (stop and stop.is_set()):
            _step(report, lambda: _fetch_queue(engine, client, report))
    finally:
        client.close()
    report.reached = report.unreachable is None
    emit("pass", report.to_json())
    return report


def _deliver_due(
    engine: Engine,
    client: IntakeClient,
    report: PassReport,
    chunk: int,
    emit: Event,
    rng: random.Random | None,
    stop: threading.Event | None,
) -> None:
    trust = engine.trust()
    assert trust is not None
    for item in engine.outbox_due(engine.now()):
        if stop is not None and stop.is_set():
            return

        def progress(it: OutboxItem, sent: int) -> None:
            emit("progress", {"id": it.item_id, "bytes_sent": sent, "size": it.size})

        # The intake answered moments ago (the trust file): this item is being sent.
        emit("progress", {"id": item.item_id, "bytes_sent": item.bytes_sent, "size": item.size})
        try:
            outcome = deliver(
                engine, client, trust, item, chunk=chunk, progress=progress, stop=stop
            )
        except Stopped:
            return
        except Unreachable as exc:
            report.unreachable = exc.reason
            emit("item", {"id": item.item_id, "state": "queued", "error": exc.reason})
            return
        except (Busy, VerificationError) as exc:
            code = exc.code if isinstance(exc, VerificationError) else f"busy.{exc.status}"
            wait = backoff(item.attempts, ITEM_BASE_SECONDS, ITEM_CAP_SECONDS, rng)
            if isinstance(exc, Busy) and exc.retry_after is not None:
                wait = max(wait, exc.retry_after)
            at = stamp(parse_stamp(engine.now()) + timedelta(seconds=wait))
            engine.outbox_retry_later(item.item_id, at, code)
            report.waiting.append({"id": item.item_id, "error": code, "next_attempt": at})
            emit("item", {"id": item.item_id, "state": "queued", "error": code})
            if isinstance(exc, Busy):
                # The intake cannot take work just now (its database down, say): the
                # other items would each wait for the same answer. The next pass tries.
                return
            continue
        entry = {"id": item.item_id, "kind": item.kind, "state": outcome.state}
        if outcome.state == "delivered":
            report.delivered.append(
                {**entry, "receipt": outcome.receipt, "timestamp": outcome.timestamp}
            )
        else:
            report.refused.append({**entry, "code": outcome.code, "reason": outcome.reason})
        emit("item", {"id": item.item_id, "state": outcome.state, "code": outcome.code})


def _take_trust(engine: Engine, client: IntakeClient, report: PassReport) -> None:
    report.trust_serial = fetch_trust(engine, client)


def _fetch_queue(engine: Engine, client: IntakeClient, report: PassReport) -> None:
    role = _role(engine)
    if role == "supervisor":
        fetch_reviews(engine, client, report.fetched)
    elif role == "interviewer":
        fetch_decisions(engine, client, report.fetched)


def _step(report: PassReport, step: Callable[[], None]) -> None:
    """Run one fetching step: offline ends the pass; anything else is noted and the
    pass goes on."""
    try:
        step()
    except Unreachable as exc:
        report.unreachable = exc.reason
    except Busy as exc:
        report.problems.append({"code": f"busy.{exc.status}", "reason": str(exc)})
    except Refused as exc:
        report.problems.append({"code": exc.code, "reason": exc.message})
    except QuietroomError as exc:
        report.problems.append({"code": exc.code, "reason": str(exc)})


class Runner:
    """Passes in a loop until `stop` is set (see the module's docstring).

    `pass_fn()` runs one pass and returns its report (the caller opens the engine as it
    needs: the CLI its own, the desktop app the session's). `paused()` (the vault is
    locked) skips passes until it is false again.
    """

    def __init__(
        self,
        pass_fn: Callable[[], PassReport],
        *,
        interval: float = INTERVAL_SECONDS,
        paused: Callable[[], bool] | None = None,
        on_report: Callable[[PassReport], None] | None = None,
        on_error: Callable[[QuietroomError], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.pass_fn = pass_fn
        self.interval = interval
        self.paused = paused or (lambda: False)
        self.on_report = on_report or (lambda report: None)
        self.on_error = on_error or (lambda error: None)
        self.rng = rng
        self.stop = threading.Event()
        self._wake = threading.Event()
        self.offline_passes = 0

    def halt(self) -> None:
        """Stop after the current pass (or at once, between passes)."""
        self.stop.set()
        self._wake.set()

    def wake(self) -> None:
        """Run a pass now (new work was queued, the vault was unlocked)."""
        self._wake.set()

    def next_wait(self, report: PassReport | None) -> float:
        if report is not None and not report.reached:
            self.offline_passes += 1
            return backoff(self.offline_passes - 1, PASS_BASE_SECONDS, PASS_CAP_SECONDS, self.rng)
        self.offline_passes = 0
        return self.interval

    def run(self) -> None:
        while not self.stop.is_set():
            self._wake.clear()
            report: PassReport | None = None
            if not self.paused():
                try:
                    report = self.pass_fn()
                except QuietroomError as exc:  # not set up yet, or the vault locked
                    self.on_error(exc)
                except Exception as exc:  # a surprise must not end sync for good
                    LOG.error("unexpected %s in a sync pass", type(exc).__name__)
                    self.on_error(unexpected())
                else:
                    self.on_report(report)
            wait = self.next_wait(report)
            self._wake.wait(wait)
