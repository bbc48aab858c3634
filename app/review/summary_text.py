"""The plain-text rendering of a record summary: what `review show` prints, one calm fact
per line. Values from the bundle are flattened to one printable line each, so a record
cannot send terminal escapes or break the layout."""

from __future__ import annotations

from app.review.summary import (
    CATEGORY_LABELS,
    NOT_ENDED,
    SIGNATURE_LABELS,
    PauseSummary,
    RecordSummary,
    SectionRevisions,
    SittingSummary,
    TimelineEntry,
    format_date,
    format_time,
    parse_time,
)
from app.review.summary import (
    plain as _plain,
)


def _number(number: int | None) -> str:
    return str(number) if number is not None else "(number not recorded)"


def summary_lines(summary: RecordSummary) -> list[str]:
    """The summary as calm plain-text lines, one fact each (the CLI's ``review show``)."""
    case, statement, totals = summary.case, summary.statement, summary.totals
    guide = f"the {case.guide_id} guide" + (
        f", version {case.guide_version}" if case.guide_version is not None else ""
    )
    reader = statement.read_to_witness_by
    signature = SIGNATURE_LABELS.get(statement.signature_type, statement.signature_type)
    lines = [
        "All times are in UTC.",
        f"Case reference: {_plain(case.reference)}",
        f"Category: {CATEGORY_LABELS.get(case.category, _plain(case.category))}",
        f"Interviewer: {_plain(case.interviewer)}",
        f"Case opened: {format_time(case.created)}",
        f"Guide: {_plain(guide)}",
        f"Statement number: {_number(statement.number)}",
        f"Read-back confirmed: {format_time(statement.readback_confirmed)}",
        f"Signed: {format_time(statement.signed)}",
        f"Read to the witness by: {_plain(reader)}"
        if reader
        else "The witness read the statement themselves.",
        f"Signature: {_plain(signature)}",
    ]
    for sitting in summary.sittings:
        lines += _sitting_lines(sitting)
    witness_pauses = totals.pauses_asked_by_witness
    lines += [
        "",
        f"Sittings: {totals.sittings}",
        f"Active time overall: {totals.active_time}",
        f"Pauses: {totals.pauses}, of which the witness asked for {witness_pauses}",
        f"Interruptions: {totals.interruptions}",
        "",
    ]
    if summary.timeline:
        lines.append("Timeline:")
        lines += [f"  {_timeline_line(entry)}" for entry in summary.timeline]
    else:
        lines.append("Timeline: no events were recorded.")
    lines += ["", f"Read-back corrections: {summary.readback_corrections}"]
    if summary.revisions:
        lines.append("Revisions by section:")
    lines += [f"  {_revision_line(section)}" for section in summary.revisions]
    return lines


def _sitting_lines(sitting: SittingSummary) -> list[str]:
    where = f", at {_plain(sitting.location)}" if sitting.location.strip() else ""
    lines = [
        "",
        f"Sitting {_number(sitting.number)}{where}",
        f"  Started: {format_time(sitting.started)}",
        f"  Ended: {format_time(sitting.ended) if sitting.ended else NOT_ENDED}",
        f"  Active time: {sitting.active_time}",
        f"  Interruptions: {sitting.interruptions}",
    ]
    if not sitting.present:
        lines.append("  Present: nobody was recorded.")
    for person in sitting.present:
        language = f", language {_plain(person.language)}" if person.language else ""
        outside = ", outside the evidential chain" if person.outside_evidential_chain else ""
        role = _plain(person.role_label)
        lines.append(f"  Present: {_plain(person.name)}, {role}{language}{outside}")
    if not sitting.pauses:
        lines.append("  Pauses: none.")
    lines += [f"  {_pause_line(pause)}" for pause in sitting.pauses]
    return lines


def _pause_line(pause: PauseSummary) -> str:
    kind = " (an interruption)" if pause.kind == "interruption" else ""
    if pause.requested_by == "system":
        who = "recorded by Quietroom itself"
    elif not pause.requested_by:  # nobody answered who asked (it can be completed later)
        who = "who asked was not recorded"
    else:
        who = f"asked for by the {_plain(pause.requested_by_label)}"
    span = f"from {format_time(pause.started)}"
    if pause.ended is None:
        span += f", {NOT_ENDED}"
    else:
        start, end = parse_time(pause.started), parse_time(pause.ended)
        # An end on the day the pause began is shown as a time only, to keep lines short.
        same_day = start and end and start.date() == end.date()
        span += f" to {f'{end:%H:%M}' if same_day else format_time(pause.ended)}"
        span += f" ({pause.duration})" if pause.duration_seconds is not None else ""
    return f"Pause {_number(pause.number)}{kind}: {who}, {span}; reason: {_plain(pause.reason)}"


def _timeline_line(entry: TimelineEntry) -> str:
    span = ""
    if entry.earliest and entry.latest:
        first, last = format_date(entry.earliest), format_date(entry.latest)
        span = first if first == last else f"between {first} and {last}"
    notes = ", ".join(note for note in (span, "uncertain" if entry.uncertain else "") if note)
    when = _plain(entry.when) + (f" ({notes})" if notes else "")
    return f"{when}: {_plain(entry.what)}" if entry.what.strip() else when


def _revision_line(section: SectionRevisions) -> str:
    name = f"{section.title} ({section.section})" if section.title else section.section
    if section.revisions == 0:
        return f"{_plain(name)}: no revisions"
    return (
        f"{_plain(name)}: {section.revisions} revision{'' if section.revisions == 1 else 's'}, "
        f"{section.corrections} correction{'' if section.corrections == 1 else 's'}, "
        f"last updated {format_time(section.last_updated)}"
    )
