"""CLI commands for sync with the intake: `sync configure|run|status|retry|receipt`, `review
fetch`, and the delivery attempt `export --send` and `review decide --send` make.

Exit code 5 means the intake could not be reached by a one-shot command (`sync run
--once`, `review fetch`); `sync run` without `--once` never exits for being offline.
`export --send` and `review decide --send` succeed once the item is in the outbox: they
try to deliver it at once and, offline, leave it there for `sync run`.
"""

from __future__ import annotations

import argparse
import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.cli.context import Context
from app.engine.engine import Engine
from app.errors import QuietroomError, UnreachableError, UsageError
from app.review.inbox import is_supervisor, not_a_supervisor
from app.sync.client import Busy, IntakeClient, Refused, Unreachable, check_url
from app.sync.fetch import fetch_reviews
from app.sync.receipts import write_receipt
from app.sync.run import INTERVAL_SECONDS, PassReport, Runner, intake_url, sync_pass


def unreachable(reason: str) -> UnreachableError:
    return UnreachableError(
        "sync.unreachable",
        "the intake could not be reached ({reason}); nothing was lost: try again when "
        "the network is back",
        reason=reason,
    )


def cmd_configure(ctx: Context) -> int:
    a = ctx.args
    url = None if a.clear else check_url(a.url)
    with ctx.engine() as engine:
        engine.set_sync_url(url)
        effective = _effective_url(engine)
    data = {"url": url, "effective_url": effective}
    if url:
        text = f"The intake is at {url}."
    elif effective:
        text = f"Cleared; the trust file's intake address applies: {effective}."
    else:
        text = "Cleared; no intake address is set."
    ctx.emit(data, text)
    return 0


def _effective_url(engine: Engine) -> str | None:
    try:
        return intake_url(engine)
    except UsageError:
        return None


def cmd_status(ctx: Context) -> int:
    with ctx.engine() as engine:
        items = engine.outbox()
        url = _effective_url(engine)
    data = {"url": url, "items": [item.to_json() for item in items]}

    def text() -> str:
        if not items:
            return "The outbox is empty."
        lines = []
        for item in items:
            line = f"{item.item_id}  {item.kind:<8}  {item.label}  {item.state}"
            if item.state == "sending":
                line += f" ({item.bytes_sent} of {item.size} bytes)"
            if item.state == "refused":
                line += f": {item.reason}"
            lines.append(line)
        return "\n".join(lines)

    ctx.emit(data, text)
    return 0


def cmd_retry(ctx: Context) -> int:
    with ctx.engine() as engine:
        item = engine.outbox_requeue(ctx.args.id)
    ctx.emit(item.to_json(), f"{item.item_id} is {item.state}.")
    return 0


def cmd_receipt(ctx: Context) -> int:
    """Write a delivered item's receipt, as the intake signed it, for `verify --receipt`."""
    a = ctx.args
    with ctx.engine() as engine:
        item = engine.outbox_item(a.id)
    if item.receipt_json is None or item.receipt_sig is None:
        raise UsageError(
            "sync.no_receipt",
            "{id} has no receipt yet ({state}): it has not been delivered",
            id=item.item_id,
            state=item.state,
        )
    target = Path(a.out)
    written = write_receipt(target, item.receipt_json, item.receipt_sig)
    ctx.emit(
        {"id": item.item_id, "files": [str(p) for p in written]},
        f"Wrote the receipt for {item.item_id} to {target}.",
    )
    return 0


def cmd_run(ctx: Context) -> int:
    a = ctx.args
    if not 1 <= a.interval <= 86_400:
        raise UsageError("sync.bad_interval", "--interval must be between 1 and 86400 seconds")
    with ctx.engine() as engine:
        if a.once:
            report = sync_pass(engine)
            error = None if report.reached else unreachable(report.unreachable or "offline")
            ctx.emit(report.to_json(), report.summary() if error is None else None, error=error)
            if error is not None:
                raise error
            if report.refused or report.waiting or report.problems:
                ctx.note(report.summary())
            return 0
        intake_url(engine)  # not set up: say so now, not in a loop
        runner = Runner(
            lambda: sync_pass(engine, stop=runner.stop),
            interval=a.interval,
            on_report=lambda report: _report_pass(ctx, report),
            on_error=lambda error: ctx.note(str(error)),
        )
        with _halt_on_signals(runner):
            runner.run()
    return 0


def _report_pass(ctx: Context, report: PassReport) -> None:
    # One JSON object per pass (JSON Lines) with --json; otherwise one line on stderr
    # per pass that did something or could not reach the intake.
    if ctx.json:
        print(json.dumps(report.to_json(), ensure_ascii=False), flush=True)
    elif not report.reached or report.delivered or report.refused or report.fetched.opened:
        ctx.note(report.summary())


@contextmanager
def _halt_on_signals(runner: Runner) -> Iterator[None]:
    handlers = {}

    def halt(signum: int, frame: object) -> None:
        runner.halt()

    for sig in (signal.SIGINT, signal.SIGTERM):
        handlers[sig] = signal.signal(sig, halt)
    try:
        yield
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def cmd_review_fetch(ctx: Context) -> int:
    with ctx.engine() as engine:
        if not is_supervisor(engine):
            raise not_a_supervisor()
        trust = engine.trust()
        assert trust is not None  # is_supervisor needed it
        try:
            with IntakeClient(intake_url(engine), trust, engine.identity()) as client:
                fetched = fetch_reviews(engine, client)
        except Unreachable as exc:
            raise unreachable(exc.reason) from None
        except Busy as exc:
            raise unreachable(f"busy, {exc.status}") from None
        except Refused as exc:
            raise UsageError(
                "sync.refused", "the intake refused: {reason}", reason=exc.message
            ) from None
    data = fetched.to_json()
    ctx.emit(
        data,
        f"{len(fetched.opened)} opened for review"
        + (f", {len(fetched.skipped)} not opened" if fetched.skipped else "")
        + ".",
    )
    for skipped in fetched.skipped:
        ctx.note(f"{skipped['id']} was not opened: {skipped['reason']}")
    return 0


def deliver_now(ctx: Context, engine: Engine, item_id: str) -> dict[str, Any]:
    """After `export --send` or `review decide --send`: try to deliver at once. The item
    is in the outbox whatever happens here."""
    try:
        report = sync_pass(engine, fetch=False)
    except QuietroomError as exc:
        ctx.note(f"queued in the outbox; not sent now: {exc}")
        return {"state": "queued", "error": exc.to_json()}
    item = engine.outbox_item(item_id)
    if item.state == "delivered":
        return {"state": "delivered", "receipt": item.receipt}
    if item.state == "refused":
        ctx.note(f"the intake refused it: {item.reason}")
        return {"state": "refused", "code": item.reason_code, "reason": item.reason}
    why = report.unreachable or item.last_error or "later"
    ctx.note(f"queued in the outbox; 'sync run' will deliver it ({why})")
    return {"state": item.state, "error": why}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("sync", parents=[common], help="deliver to and fetch from the intake")
    group = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = group.add_parser("configure", parents=[common], help="set the intake's address")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", metavar="https://HOST:PORT")
    where.add_argument(
        "--clear", action="store_true", help="forget it (the trust file's address applies)"
    )
    p.set_defaults(handler=cmd_configure)
    p = group.add_parser(
        "run", parents=[common], help="deliver the outbox and fetch what is addressed to you"
    )
    p.add_argument("--once", action="store_true", help="one pass, then exit")
    p.add_argument(
        "--interval",
        type=float,
        default=INTERVAL_SECONDS,
        metavar="SECONDS",
        help=f"between passes (default {INTERVAL_SECONDS:.0f})",
    )
    p.set_defaults(handler=cmd_run)
    p = group.add_parser("status", parents=[common], help="the outbox and each item's state")
    p.set_defaults(handler=cmd_status)
    p = group.add_parser(
        "retry", parents=[common], help="queue a refused item again (once its cause is fixed)"
    )
    p.add_argument("id", metavar="ID")
    p.set_defaults(handler=cmd_retry)
    p = group.add_parser(
        "receipt",
        parents=[common],
        help="write a delivered item's receipt (receipt.json, receipt.p7s) into a folder, "
        "for 'verify --receipt'",
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--out", required=True, metavar="DIR", help="created if missing")
    p.set_defaults(handler=cmd_receipt)
