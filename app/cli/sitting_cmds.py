"""CLI commands for sittings: start, pause (and who asked, why), resume, end, list, pacing,
place."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import Context, case_command, whole_number
from app.cli.from_file import allow_from_file
from app.engine.models import PAUSE_REQUESTER_ROLES, Sitting
from app.engine.sittings import parse_participant
from app.errors import UsageError


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {int(seconds % 60):02d} s"


def _sitting_text(s: Sitting) -> str:
    lines = [
        f"Sitting {s.number}: {s.state}, started {s.started[:16]}"
        + (f", ended {s.ended[:16]}" if s.ended else "")
        + f", active {_minutes(s.active_seconds)}"
    ]
    if s.location:
        lines.append(f"  location: {s.location}")
    for p in s.present:
        lines.append(f"  present: {p.name} ({p.role}{', ' + p.language if p.language else ''})")
    for pause in s.pauses:
        lines.append(
            f"  {pause.kind} {pause.number}: {pause.started[11:19]}–"
            f"{pause.ended[11:19] if pause.ended else 'now'}, asked by "
            f"{pause.requested_by or 'not recorded'}"
            + (f": {pause.reason}" if pause.reason else "")
        )
    return "\n".join(lines)


def cmd_start(ctx: Context) -> int:
    present = [parse_participant(p) for p in ctx.args.present or []]
    with ctx.engine() as engine:
        sitting = engine.start_sitting(ctx.args.id, present, ctx.args.location or "")
    ctx.emit(sitting.to_json(), f"Sitting {sitting.number} started.")
    return 0


def cmd_pause(ctx: Context) -> int:
    with ctx.engine() as engine:
        pause = engine.pause_sitting(ctx.args.id, ctx.args.requested_by, ctx.args.reason)
    ctx.emit(
        pause.to_json(),
        "Paused. Take all the time needed."
        + (
            ""
            if pause.requested_by
            else " Who asked is not recorded yet: add it later with 'sitting pause-update'."
        ),
    )
    return 0


def cmd_pause_update(ctx: Context) -> int:
    a = ctx.args
    if a.requested_by is None and a.reason is None:
        raise UsageError(
            "cli.pause_update_nothing",
            "say what to record about the pause: --requested-by, --reason or both",
        )
    with ctx.engine() as engine:
        engine.update_pause(a.id, requested_by=a.requested_by, reason=a.reason, number=a.pause)
    ctx.emit({"saved": True}, "Saved who asked for the pause, and why.")
    return 0


def cmd_reason(ctx: Context) -> int:
    with ctx.engine() as engine:
        engine.set_pause_reason(ctx.args.id, ctx.args.reason, ctx.args.pause)
    ctx.emit({"saved": True}, "Saved the reason for the pause.")
    return 0


def cmd_resume(ctx: Context) -> int:
    with ctx.engine() as engine:
        place = engine.resume_sitting(ctx.args.id)
    ctx.emit(place.to_json(), "Resumed" + (f" at {place.section}" if place.section else "") + ".")
    return 0


def cmd_end(ctx: Context) -> int:
    with ctx.engine() as engine:
        sitting = engine.end_sitting(ctx.args.id)
    ctx.emit(sitting.to_json(), lambda: _sitting_text(sitting))
    return 0


def cmd_list(ctx: Context) -> int:
    with ctx.engine() as engine:
        sittings = engine.sittings(ctx.args.id, audit_view=True)
    ctx.emit(
        [s.to_json() for s in sittings],
        lambda: "\n".join(_sitting_text(s) for s in sittings) or "No sittings yet.",
    )
    return 0


def cmd_status(ctx: Context) -> int:
    with ctx.engine() as engine:
        status = engine.pacing(ctx.args.id)
    public = {k: v for k, v in status.items() if k not in ("sitting_id", "case_id")}

    def text() -> str:
        if status["sitting"] is None:
            return "No sitting in progress."
        lines = [
            f"Sitting {status['sitting']}: {status['state']}, active "
            f"{_minutes(status['active_seconds'])}"
        ]
        if status["break_due"]:
            lines.append(
                f"A break is due (every {status['break_every_minutes']} minutes): "
                "offer one when it suits the witness."
            )
        if status["long_sitting"]:
            lines.append("This sitting is getting long; consider how the witness is doing.")
        if status["long_day"]:
            lines.append(
                f"This sitting began more than {status['wall_clock_minutes']} minutes ago; "
                "consider whether to stop for today."
            )
        return "\n".join(lines)

    ctx.emit(public, text)
    return 0


def cmd_place(ctx: Context) -> int:
    with ctx.engine() as engine:
        place = engine.set_place(
            ctx.args.id, phase=ctx.args.phase, section=ctx.args.section, position=ctx.args.position
        )
    ctx.emit(place.to_json(), f"Now at {place.phase} / {place.section}.")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("sitting", parents=[common], help="sittings, pauses and breaks")
    group = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def command(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        return case_command(group, common, name, handler, help_text)

    p = command("start", cmd_start, "start a sitting")
    p.add_argument(
        "--present",
        action="extend",
        nargs="+",
        metavar="ROLE:NAME",
        help="who is present, e.g. interviewer:NAME, isva:NAME, interpreter:NAME:LANGUAGE",
    )
    p.add_argument("--location")
    allow_from_file(p, sensitive=("--present", "--location"))
    p = command("pause", cmd_pause, "pause the sitting (always allowed)")
    p.add_argument(
        "--requested-by",
        choices=PAUSE_REQUESTER_ROLES,
        help="who asked: anyone present (the witness or any participant role); without "
        "it the pause is recorded with who asked not recorded, to complete later",
    )
    p.add_argument("--reason")
    allow_from_file(p, sensitive=("--reason",))
    p = command(
        "pause-update", cmd_pause_update, "record who asked for a pause, and why, after the fact"
    )
    p.add_argument("--requested-by", choices=PAUSE_REQUESTER_ROLES, help="who asked")
    p.add_argument("--reason", help="why (an empty reason removes it)")
    p.add_argument(
        "--pause", type=whole_number(1, 1_000_000), help="the pause number (default: the latest)"
    )
    allow_from_file(p, sensitive=("--reason",))
    p = command("reason", cmd_reason, "add a reason to a pause after the fact")
    p.add_argument("--reason", required=True)
    p.add_argument(
        "--pause", type=whole_number(1, 1_000_000), help="the pause number (default: the latest)"
    )
    allow_from_file(p, sensitive=("--reason",))
    command("resume", cmd_resume, "resume where the sitting stopped")
    command("end", cmd_end, "end the sitting")
    command("list", cmd_list, "list the case's sittings")
    command("status", cmd_status, "active time and whether a break is due")
    p = command("place", cmd_place, "record the current phase, section and position")
    p.add_argument("--phase")
    p.add_argument("--section")
    p.add_argument("--position", type=whole_number(0, 1_000_000_000))
