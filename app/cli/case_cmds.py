"""CLI commands for cases, the survivor, notes, the timeline, guide fields, dismissed guide
hints and the audit log."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import Context, read_text_file
from app.cli.from_file import allow_from_file
from app.engine.models import (
    AGE_STATUSES,
    CATEGORIES,
    COURT_ANSWERS,
    MG11_CONSENTS,
    STATEMENT_LANGUAGES,
    STATUSES,
)
from app.errors import VerificationError


def yes_no(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("yes", "y", "true", "1"):
        return True
    if lowered in ("no", "n", "false", "0"):
        return False
    raise argparse.ArgumentTypeError("answer yes or no")


LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
# The survivor's details that warn when given as arguments (--from-file keeps them off
# the process list and out of the shell history).
WITNESS_DETAILS = (
    "--name", "--preferred-name", "--pronouns", "--date-of-birth", "--age", "--occupation",
    "--communication-needs", "--language", "--interpreter-language", "--avoid", "--support",
    "--abe-reference",
)  # fmt: skip
RESTRICTED_DETAILS = (
    "--address", "--phone", "--email", "--safe-contact", "--safe-times", "--dates-to-avoid",
    "--special-measures", "--other-needs", "--date-of-birth", "--court-note",
)  # fmt: skip


def cmd_case_create(ctx: Context) -> int:
    a = ctx.args
    with ctx.engine() as engine:
        case = engine.create_case(
            a.category, a.reference, a.interviewer or "", a.statement_language
        )
    ctx.emit(
        {"id": case.id, "reference": case.reference, "statement_language": case.statement_language},
        f"Created case {case.reference} ({case.category}); id {case.id}",
    )
    return 0


def cmd_case_set(ctx: Context) -> int:
    with ctx.engine() as engine:
        case = engine.set_statement_language(ctx.args.id, ctx.args.statement_language)
    ctx.emit(
        case.to_json(),
        f"The statement will be written in {LANGUAGE_NAMES[case.statement_language]}.",
    )
    return 0


def cmd_hint_dismiss(ctx: Context) -> int:
    with ctx.engine() as engine:
        dismissal = engine.dismiss_hint(ctx.args.id, ctx.args.rule, ctx.args.reason)
    ctx.emit(dismissal, f"Dismissed the hint '{dismissal['rule']}'.")
    return 0


def cmd_case_list(ctx: Context) -> int:
    with ctx.engine() as engine:
        cases = engine.list_cases(
            search=ctx.args.search, category=ctx.args.category, status=ctx.args.status
        )
    ctx.emit(
        [c.to_json() for c in cases],
        lambda: (
            "\n".join(
                f"{c.reference:<20} {c.category:<8} {c.status:<10} {c.updated[:16]}  {c.id}"
                for c in cases
            )
            or "No cases."
        ),
    )
    return 0


def cmd_case_show(ctx: Context) -> int:
    with ctx.engine() as engine:
        info = engine.show_case(ctx.args.id)

    def text() -> str:
        w = info["witness"]
        lines = [
            f"reference:   {info['reference']}",
            f"category:    {info['category']}",
            f"language:    {LANGUAGE_NAMES.get(info['statement_language'], '?')}",
            f"status:      {info['status']}",
            f"interviewer: {info['interviewer']}",
            f"witness:     {w.get('name', '(not yet recorded)')}",
            f"sittings:    {info['sittings']} ({info['open_sittings']} in progress)",
            f"statements:  {len(info['statements'])}",
            f"timeline:    {info['timeline_events']} events",
        ]
        return "\n".join(lines)

    ctx.emit(info, text)
    return 0


def cmd_witness_set(ctx: Context) -> int:
    a = ctx.args
    values: dict[str, Any] = {
        "name": a.name,
        "preferred_name": a.preferred_name,
        "pronouns": a.pronouns,
        "date_of_birth": a.date_of_birth,
        "break_every_minutes": a.break_every,
        "age_under_18": a.age,
        "age_status": a.age_status,
        "occupation": a.occupation,
        "communication_needs": a.communication_needs,
        "language": a.language,
        "avoid": a.avoid,
        "support_wanted": a.support,
        "visually_recorded": a.visually_recorded,
        "abe_reference": a.abe_reference,
    }
    if a.interpreter_language:
        values["interpreter_needed"] = True
        values["interpreter_language"] = a.interpreter_language
    with ctx.engine() as engine:
        data = engine.set_witness(a.id, **values)
    ctx.emit(data, "Saved the witness's details.")
    return 0


def cmd_witness_restricted(ctx: Context) -> int:
    a = ctx.args
    values = {
        "address": a.address,
        "phone": a.phone,
        "email": a.email,
        "safe_contact": a.safe_contact,
        "safe_times": a.safe_times,
        "voicemail_safe": a.voicemail_safe,
        "letters_safe": a.letters_safe,
        "dates_to_avoid": a.dates_to_avoid,
        "special_measures": a.special_measures,
        "other_needs": a.other_needs,
        "vps_offered": a.vps_offered,
        "date_of_birth": a.date_of_birth,
        "process_explained": a.process_explained,
        "leaflet_given": a.leaflet_given,
        "willing_to_attend_court": a.willing_to_attend_court,
        "court_note": a.court_note,
        "witness_service_referral": a.witness_service_referral,
    }
    with ctx.engine() as engine:
        if all(v is None for v in values.values()):
            data = engine.restricted(a.id)
            ctx.emit(
                data,
                lambda: (
                    "\n".join(f"{k}: {v}" for k, v in sorted(data.items()))
                    or "No restricted details recorded."
                ),
            )
            return 0
        data = engine.set_restricted(a.id, **values)
    ctx.emit(
        {"saved": sorted(k for k, v in values.items() if v is not None)},
        "Saved the restricted details (kept apart from the statement).",
    )
    return 0


def cmd_witness_consent(ctx: Context) -> int:
    state = "given" if ctx.args.given else "withdrawn"
    with ctx.engine() as engine:
        consent = engine.record_consent(
            ctx.args.id, ctx.args.kind, state, ctx.args.note or "", ctx.args.limit or ""
        )
    ctx.emit(
        {"kind": consent.kind, "state": consent.state, "at": consent.at, "limit": consent.limit},
        f"Recorded consent '{consent.kind}' as {consent.state}"
        + (f", limited to: {consent.limit}." if consent.limit else "."),
    )
    return 0


def cmd_note_add(ctx: Context) -> int:
    text = read_text_file(ctx.args.file, "note")
    with ctx.engine() as engine:
        note_id = engine.add_note(ctx.args.id, text)
    ctx.emit({"id": note_id}, "Saved the note (it never enters the statement).")
    return 0


def cmd_note_list(ctx: Context) -> int:
    with ctx.engine() as engine:
        notes = engine.notes(ctx.args.id, audit_view=True)
    ctx.emit(
        notes,
        lambda: "\n\n".join(f"[{n['created'][:16]}] {n['text']}" for n in notes) or "No notes.",
    )
    return 0


def cmd_timeline_add(ctx: Context) -> int:
    with ctx.engine() as engine:
        event = engine.add_event(ctx.args.id, ctx.args.when, ctx.args.what)
    ctx.emit(
        event.to_json(),
        f"Added: {event.when} ({event.earliest} to {event.latest})"
        f"{' (uncertain)' if event.uncertain else ''}",
    )
    return 0


def cmd_timeline_list(ctx: Context) -> int:
    with ctx.engine() as engine:
        events = engine.timeline(ctx.args.id, audit_view=True)
    ctx.emit(
        [e.to_json() for e in events],
        lambda: (
            "\n".join(
                f"{e.earliest} – {e.latest}{' ~' if e.uncertain else '  '} {e.when}: {e.what}"
                for e in events
            )
            or "No timeline events."
        ),
    )
    return 0


def cmd_field_set(ctx: Context) -> int:
    value: Any = ctx.args.value if len(ctx.args.value) > 1 else ctx.args.value[0]
    with ctx.engine() as engine:
        engine.set_field(ctx.args.id, ctx.args.field, value)
    ctx.emit({"field": ctx.args.field}, f"Saved {ctx.args.field}.")
    return 0


def cmd_audit_verify(ctx: Context) -> int:
    with ctx.engine() as engine:
        report = engine.verify_audit(ctx.args.id)
    error = (
        None
        if report.intact
        else VerificationError(
            "audit.broken", "the audit log is broken: {problem}", problem=report.problem
        )
    )
    ctx.emit(
        {
            "intact": report.intact,
            "entries": report.entries,
            "head": report.head,
            "broken_at": report.broken_at,
            "problem": report.problem,
        },
        f"The audit log is intact ({report.entries} entries)." if report.intact else None,
        error=error,
    )
    if error is not None:
        raise error
    return 0


def cmd_audit_show(ctx: Context) -> int:
    with ctx.engine() as engine:
        entries = engine.audit_entries(ctx.args.id)
    ctx.emit(
        [e.to_json() for e in entries],
        lambda: "\n".join(
            f"{e.seq:>5} {e.at[:19]} {e.actor:<12} {e.action:<11} {e.hash[:12]}" for e in entries
        ),
    )
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    def group(name: str, help_text: str) -> argparse._SubParsersAction:
        parser = sub.add_parser(name, parents=[common], help=help_text)
        return parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def command(
        g: argparse._SubParsersAction, name: str, handler: Any, help_text: str, with_id: bool = True
    ) -> argparse.ArgumentParser:
        p = g.add_parser(name, parents=[common], help=help_text)
        if with_id:
            p.add_argument("id", metavar="ID", help="the case id or reference")
        p.set_defaults(handler=handler)
        return p

    cases = group("case", "create, list and show cases")
    p = command(cases, "create", cmd_case_create, "create a case", with_id=False)
    p.add_argument("--category", required=True, choices=CATEGORIES)
    p.add_argument("--reference", required=True)
    p.add_argument("--interviewer", help="the interviewer's name")
    p.add_argument(
        "--statement-language",
        choices=STATEMENT_LANGUAGES,
        default="en",
        help="the language the statement is written in: en (English, the default) or cy "
        "(Welsh; signing needs the organisation's approved Welsh declaration)",
    )
    allow_from_file(p, sensitive=("--interviewer",))
    p = command(cases, "set", cmd_case_set, "change the case (until its statement is signed)")
    p.add_argument(
        "--statement-language",
        required=True,
        choices=STATEMENT_LANGUAGES,
        help="the language the statement is written in: en (English) or cy (Welsh)",
    )
    p = command(
        cases,
        "hint-dismiss",
        cmd_hint_dismiss,
        "dismiss a guide's quiet hint about a question, with a reason for the supervisor",
    )
    p.add_argument("--rule", required=True, help="the id of the guide's question rule")
    p.add_argument(
        "--reason", help="why (one line, at most 500 characters; it goes into the record)"
    )
    allow_from_file(p, sensitive=("--reason",))
    p = command(cases, "list", cmd_case_list, "list cases", with_id=False)
    p.add_argument("--search", help="part of a reference or the witness's name")
    p.add_argument("--category", choices=CATEGORIES)
    p.add_argument("--status", choices=STATUSES)
    allow_from_file(p, sensitive=("--search",))
    command(cases, "show", cmd_case_show, "show a case (no restricted details)")

    witness = group("witness", "the survivor's details")
    p = command(witness, "set", cmd_witness_set, "set the survivor's details")
    p.add_argument("--name", help="the name to appear on the statement")
    p.add_argument("--preferred-name")
    p.add_argument("--pronouns")
    p.add_argument(
        "--date-of-birth",
        metavar="DATE",
        help="YYYY-MM-DD or DD/MM/YYYY; kept in the restricted details, never in the statement",
    )
    p.add_argument("--break-every", type=int, metavar="MINUTES")
    p.add_argument("--age", type=int, help="age, only when under 18")
    p.add_argument(
        "--age-status",
        choices=AGE_STATUSES,
        help="under 18 (give --age), over 18, or not given; a statement is signed only "
        "once its age line can be filled in truthfully",
    )
    p.add_argument("--occupation", help="printed on the statement")
    p.add_argument("--communication-needs")
    p.add_argument("--language")
    p.add_argument("--interpreter-language", help="an interpreter is needed, for this language")
    p.add_argument("--avoid", help="topics or words to avoid")
    p.add_argument("--support", help="support wanted")
    p.add_argument(
        "--visually-recorded",
        type=yes_no,
        metavar="yes|no",
        help="the MG11's 'witness evidence is visually recorded': yes for a visually "
        "recorded (ABE) interview (give --abe-reference), no for a written statement",
    )
    p.add_argument("--abe-reference", metavar="REF", help="the visual recording's reference")
    allow_from_file(p, sensitive=WITNESS_DETAILS)
    p = command(
        witness,
        "restricted",
        cmd_witness_restricted,
        "set (or, with no options, show) the restricted personal details",
    )
    for option in (
        "--address",
        "--phone",
        "--email",
        "--safe-contact",
        "--safe-times",
        "--dates-to-avoid",
        "--special-measures",
        "--other-needs",
    ):
        p.add_argument(option)
    p.add_argument("--date-of-birth", metavar="DATE", help="YYYY-MM-DD or DD/MM/YYYY")
    for option in ("--voicemail-safe", "--letters-safe", "--vps-offered"):
        p.add_argument(option, type=yes_no, metavar="yes|no")
    p.add_argument(
        "--process-explained",
        type=yes_no,
        metavar="yes|no",
        help="the criminal justice process and the Victim Personal Statement scheme explained",
    )
    p.add_argument(
        "--leaflet-given",
        type=yes_no,
        metavar="yes|no",
        help="'Giving a witness statement to the police – what happens next?' given",
    )
    p.add_argument(
        "--willing-to-attend-court",
        choices=COURT_ANSWERS,
        help="whether the witness is willing to attend court",
    )
    p.add_argument(
        "--court-note", help="what would help them attend court, or why not (500 characters)"
    )
    p.add_argument(
        "--witness-service-referral",
        type=yes_no,
        metavar="yes|no",
        help="the witness consents to their details going to the Witness Service",
    )
    allow_from_file(p, sensitive=RESTRICTED_DETAILS)
    p = command(witness, "consent", cmd_witness_consent, "record a consent given or withdrawn")
    p.add_argument(
        "--kind",
        required=True,
        help=f"one of the MG11's consents ({', '.join(MG11_CONSENTS)}) or the "
        "organisation's own wording",
    )
    state = p.add_mutually_exclusive_group(required=True)
    state.add_argument("--given", action="store_true")
    state.add_argument("--withdrawn", action="store_true")
    p.add_argument("--note", help="your remark (never printed)")
    p.add_argument(
        "--limit",
        help="a limit the witness put on it, printed with it (e.g. 'GP records 1990-1995 only')",
    )
    allow_from_file(p, sensitive=("--note", "--limit"))

    notes = group("note", "interviewer notes (never part of the statement)")
    p = command(notes, "add", cmd_note_add, "add an interviewer note")
    p.add_argument("--file", required=True, metavar="F", help="UTF-8 text; '-' for stdin")
    command(notes, "list", cmd_note_list, "list interviewer notes")

    timeline = group("timeline", "the survivor's timeline of events")
    p = command(timeline, "add", cmd_timeline_add, "add an event")
    p.add_argument("--when", required=True, help="in the survivor's words, e.g. 'summer 1987'")
    p.add_argument("--what", required=True)
    allow_from_file(p, sensitive=("--when", "--what"))
    command(timeline, "list", cmd_timeline_list, "list events in date order")

    fields = group("field", "structured fields of the interview guide")
    p = command(fields, "set", cmd_field_set, "set a guide field")
    p.add_argument("--field", required=True)
    p.add_argument("--value", required=True, nargs="+")
    allow_from_file(p, sensitive=("--value",))

    audits = group("audit", "the hash-chained audit log")
    command(audits, "verify", cmd_audit_verify, "recompute the chain")
    command(audits, "show", cmd_audit_show, "list the entries")
