"""CLI commands for supervisor review: `review open|list|show|restricted|decide` in a
supervisor's vault, `review verify` with no vault, and `review import` in the
interviewer's vault (app/review/)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import Context, read_binary_file, read_text_file
from app.cli.sync_cmds import cmd_review_fetch, deliver_now
from app.errors import VerificationError
from app.export.verify import check_extract_target, extract
from app.review.checklist import MAX_ANSWERS_BYTES, Answers, checklist_for, parse_answers
from app.review.decision import decide
from app.review.decision_verify import FILES, import_decision, verify_decision
from app.review.inbox import open_for_review, read_review, restricted_details
from app.review.summary_text import summary_lines


def _failed(what: str, checks: list[tuple[str, str]]) -> VerificationError:
    problems = "; ".join(f"{name}: {detail}" for name, detail in checks)
    return VerificationError(
        "review.did_not_verify",
        "the {what} did not verify: {problems}",
        what=what,
        problems=problems,
    )


def cmd_open(ctx: Context) -> int:
    with ctx.engine() as engine:
        opened = open_for_review(engine, Path(ctx.args.bundle))
    report, review = opened.report, opened.review
    error = None
    if not report.ok:
        error = _failed("bundle", [(c.name, c.detail) for c in report.checks if not c.ok])

    def text() -> str:
        lines = [c.line() for c in report.checks]
        if review is not None:
            verb = "Opened for review" if opened.created else "Already under review"
            lines.append(f"{verb}: review {review.id} ({review.reference}, {review.state}).")
        return "\n".join(lines)

    ctx.emit(opened.to_json(), text, error=error)
    if error is not None:
        raise error
    return 0


def cmd_list(ctx: Context) -> int:
    with ctx.engine() as engine:
        items = engine.reviews()

    def text() -> str:
        if not items:
            return "No reviews yet."
        return "\n".join(
            f"{r.id}  {r.reference:<20} {r.category:<8} {r.interviewer:<20} "
            f"{r.received[:16]}  {r.state}"
            for r in items
        )

    ctx.emit({"reviews": [r.to_json() for r in items]}, text)
    return 0


def cmd_show(ctx: Context) -> int:
    with ctx.engine() as engine:
        contents = read_review(engine, ctx.args.review)
        events = engine.review_events(contents.review.id)
    data = {
        **contents.review.to_json(),
        "record": contents.summary.to_json(),
        "verification": contents.report.to_json(),
        "events": [{"seq": e.seq, "at": e.at, "action": e.action} for e in events],
    }
    ctx.emit(data, lambda: "\n".join(summary_lines(contents.summary)))
    return 0


def cmd_restricted(ctx: Context) -> int:
    with ctx.engine() as engine:
        details = restricted_details(engine, ctx.args.review)

    def text() -> str:
        return "\n".join(
            f"{key.replace('_', ' ')}: {' '.join(str(value).split()) or '—'}"
            for key, value in details.items()
        )

    ctx.emit(details, text)
    return 0


def cmd_decide(ctx: Context) -> int:
    a = ctx.args
    comments = read_text_file(a.comments_file, "comments") if a.comments_file else ""
    with ctx.engine() as engine:
        category = engine.review(a.review).category
        items = checklist_for(category)
        answers = (
            parse_answers(read_binary_file(a.checklist_file, "checklist", MAX_ANSWERS_BYTES), items)
            if a.checklist_file
            else Answers()
        )
        result = decide(
            engine,
            a.review,
            approve=a.approve,
            comments=comments,
            answers=answers,
            out=Path(a.out) if a.out is not None else None,
            send=a.send,
        )
        data: dict[str, Any] = result.to_json()
        if a.send:
            data["delivery"] = deliver_now(ctx, engine, result.decision_id)
    where = f"wrote the decision to {result.path}" if result.path else "made the decision"
    sent = ""
    if a.send:
        state = data["delivery"]["state"]
        sent = "; delivered to the intake" if state == "delivered" else f"; {state} in the outbox"
    ctx.emit(
        data,
        f"{result.decision.capitalize()}; {where} ({len(result.recipients)} recipients){sent}.",
    )
    return 0


def cmd_verify(ctx: Context) -> int:
    a = ctx.args
    if a.extract:
        check_extract_target(Path(a.extract))
    report = verify_decision(Path(a.file), Path(a.identity), Path(a.trust), ca_only=a.ca_only)
    data = report.to_json()
    if report.ok and a.extract:
        data["extracted"] = extract(report, Path(a.extract), names=FILES)
    error = None
    if not report.ok:
        error = _failed("decision", [(c.name, c.detail) for c in report.checks if not c.ok])
    ctx.emit(data, lambda: "\n".join(c.line() for c in report.checks), error=error)
    if error is not None:
        raise error
    return 0


def cmd_import(ctx: Context) -> int:
    with ctx.engine() as engine:
        imported = import_decision(engine, Path(ctx.args.file))
        reference = engine.case(imported.decision.case_id).reference
    d = imported.decision
    verb = "Imported" if imported.created else "Already imported"
    ctx.emit(
        {**imported.to_json(), "reference": reference},
        f"{verb}: {d.decision} by {d.reviewer} on {d.decided[:16]} for {reference}.",
    )
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("review", parents=[common], help="supervisor review of statements")
    group = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = group.add_parser(
        "open", parents=[common], help="verify a bundle and keep it for review (supervisors)"
    )
    p.add_argument("bundle", metavar="FILE.qrb")
    p.set_defaults(handler=cmd_open)

    p = group.add_parser("list", parents=[common], help="the review inbox")
    p.set_defaults(handler=cmd_list)

    p = group.add_parser(
        "show", parents=[common], help="how the interview was conducted, from the record"
    )
    p.add_argument("review", metavar="REVIEW_ID")
    p.set_defaults(handler=cmd_show)

    p = group.add_parser(
        "restricted", parents=[common], help="the survivor's restricted details (audited)"
    )
    p.add_argument("review", metavar="REVIEW_ID")
    p.set_defaults(handler=cmd_restricted)

    p = group.add_parser(
        "decide", parents=[common], help="approve (countersign) or return, and write the .qrr"
    )
    p.add_argument("review", metavar="REVIEW_ID")
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true", help="approve and countersign the PDF")
    verdict.add_argument(
        "--return", dest="return_", action="store_true", help="return it with comments"
    )
    p.add_argument(
        "--comments-file", metavar="F", help="the comments (UTF-8 text; needed to return)"
    )
    p.add_argument(
        "--checklist-file",
        metavar="F.json",
        help='{"items": {"ITEM_ID": {"answer": "met|not_met|na", "comment": "…"}}}; '
        "every item is needed to approve",
    )
    p.add_argument("--out", metavar="FILE.qrr", help="where to write it (needed without --send)")
    p.add_argument(
        "--send",
        action="store_true",
        help="also put it in the outbox for the intake and try to deliver it now",
    )
    p.set_defaults(handler=cmd_decide)

    p = group.add_parser(
        "fetch", parents=[common], help="open the bundles in your queue at the intake (supervisors)"
    )
    p.set_defaults(handler=cmd_review_fetch)

    p = group.add_parser("verify", parents=[common], help="verify a decision file (no vault)")
    p.add_argument("file", metavar="FILE.qrr")
    p.add_argument("--identity", required=True, metavar="AGE_IDENTITY_FILE")
    p.add_argument("--trust", required=True, metavar="TRUST_OR_CA")
    p.add_argument("--extract", metavar="DIR", help="write the verified files into DIR")
    p.add_argument(
        "--ca-only",
        action="store_true",
        help="with only the CA's certificate as --trust, accept a decision whose signer's "
        "role cannot be checked (the report still says so)",
    )
    p.set_defaults(handler=cmd_verify)

    p = group.add_parser(
        "import", parents=[common], help="keep a supervisor's decision on your case"
    )
    p.add_argument("file", metavar="FILE.qrr")
    p.set_defaults(handler=cmd_import)
