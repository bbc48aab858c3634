"""What the supervisor's reading view says about the record, in words (translated under
the "ReviewRecord" context): the sittings with who was present and every pause, the
timeline, revisions and corrections, and the restricted details with the MG11's consents.
Plain functions from the core's summary to rows of text; the screen
(ui/screens/review_reading.py) shows them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.desktop.types import (
    NO_REASON,
    PauseSummary,
    PersonPresent,
    RecordSummary,
    SittingSummary,
)
from ui import dates
from ui.screens.review_inbox import (
    category_label,
    clock_time,
    not_recorded,
    one_line,
    same_day,
    when,
)
from ui.widgets.readback_view import fill

Row = tuple[str, bool]  # (text, is a heading)
# Qt's translate under a short name lupdate still finds ("translate" calls are extracted
# by name; the context is spelled out in each call).
translate = QCoreApplication.translate


def duration(seconds: float | None) -> str:
    """A duration to the nearest minute: "1 h 05 min", "12 min", "under 1 min"."""
    if seconds is None:
        return not_recorded()
    seconds = max(0.0, seconds)
    minutes = int((seconds + 30) // 60)
    if minutes == 0:
        return (
            translate("ReviewRecord", "under 1 min")
            if seconds > 0
            else translate("ReviewRecord", "0 min")
        )
    hours, minutes = divmod(minutes, 60)
    if hours:
        return fill(translate("ReviewRecord", "%1 h %2 min"), str(hours), f"{minutes:02d}")
    return fill(translate("ReviewRecord", "%1 min"), str(minutes))


def role_name(role: str, fallback: str) -> str:
    labels = {
        "interviewer": translate("ReviewRecord", "interviewer"),
        "second_interviewer": translate("ReviewRecord", "second interviewer"),
        "interpreter": translate("ReviewRecord", "interpreter"),
        "supporter": translate("ReviewRecord", "supporter"),
        "witness": translate("ReviewRecord", "witness"),
        "appropriate_adult": translate("ReviewRecord", "appropriate adult"),
        "intermediary": translate("ReviewRecord", "Registered Intermediary"),
        "isva": translate("ReviewRecord", "ISVA"),
    }
    return labels.get(role, one_line(fallback))


def full_category(category: str) -> str:
    labels = {
        "csa": translate("ReviewRecord", "child sexual abuse (non-recent)"),
        "apsp": translate("ReviewRecord", "abuse of position for a sexual purpose"),
        "general": translate("ReviewRecord", "general statement"),
    }
    return labels.get(category, category_label(category))


def signature_kind(kind: str) -> str:
    labels = {
        "image/png": translate("ReviewRecord", "an image (PNG)"),
        "image/jpeg": translate("ReviewRecord", "an image (JPEG)"),
        "image/svg+xml": translate("ReviewRecord", "a drawing (SVG)"),
        "application/vnd.quietroom.strokes+json": translate("ReviewRecord", "drawn on screen"),
    }
    return labels.get(kind, one_line(kind))


# --- what the record panel says --------------------------------------------------------------


def sittings_rows(summary: RecordSummary) -> list[Row]:
    statement, totals = summary.statement, summary.totals
    rows: list[Row] = [(translate("ReviewRecord", "The statement"), True)]
    if statement.number is not None:
        rows.append(
            (fill(translate("ReviewRecord", "Statement number: %1"), str(statement.number)), False)
        )
    rows += [
        (
            fill(
                translate("ReviewRecord", "Read back and confirmed: %1"),
                when(statement.readback_confirmed),
            ),
            False,
        ),
        (fill(translate("ReviewRecord", "Signed: %1"), when(statement.signed)), False),
        (
            fill(
                translate("ReviewRecord", "Read to the witness by: %1"),
                one_line(statement.read_to_witness_by),
            )
            if statement.read_to_witness_by
            else translate("ReviewRecord", "The witness read the statement themselves."),
            False,
        ),
        (
            fill(
                translate("ReviewRecord", "Signature: %1"), signature_kind(statement.signature_type)
            ),
            False,
        ),
    ]
    for sitting in summary.sittings:
        rows += _sitting_rows(sitting)
    rows += [
        (translate("ReviewRecord", "Overall"), True),
        (fill(translate("ReviewRecord", "Sittings: %1"), str(totals.sittings)), False),
        (
            fill(translate("ReviewRecord", "Active time: %1"), duration(totals.active_seconds)),
            False,
        ),
        (
            fill(
                translate("ReviewRecord", "Pauses: %1, of which the witness asked for %2"),
                str(totals.pauses),
                str(totals.pauses_asked_by_witness),
            ),
            False,
        ),
        (fill(translate("ReviewRecord", "Interruptions: %1"), str(totals.interruptions)), False),
    ]
    return rows


def _span(started: str | None, ended: str | None, *, ongoing: str) -> str:
    if not ended:
        return fill(translate("ReviewRecord", "from %1, %2"), when(started), ongoing)
    end = clock_time(ended) if same_day(started, ended) else when(ended)
    return fill(translate("ReviewRecord", "from %1 to %2"), when(started), end)


def _sitting_span(started: str | None, ended: str | None) -> str:
    if not ended:
        return fill(translate("ReviewRecord", "From %1, not ended"), when(started))
    end = clock_time(ended) if same_day(started, ended) else when(ended)
    return fill(translate("ReviewRecord", "From %1 to %2"), when(started), end)


def _sitting_rows(sitting: SittingSummary) -> list[Row]:
    number = str(sitting.number) if sitting.number is not None else "?"
    heading = (
        fill(translate("ReviewRecord", "Sitting %1, at %2"), number, one_line(sitting.location))
        if sitting.location.strip()
        else fill(translate("ReviewRecord", "Sitting %1"), number)
    )
    rows: list[Row] = [
        (heading, True),
        (_sitting_span(sitting.started, sitting.ended), False),
        (
            fill(translate("ReviewRecord", "Active time: %1"), duration(sitting.active_seconds)),
            False,
        ),
        (fill(translate("ReviewRecord", "Interruptions: %1"), str(sitting.interruptions)), False),
    ]
    if not sitting.present:
        rows.append((translate("ReviewRecord", "Present: nobody was recorded."), False))
    rows += [(_person(person), False) for person in sitting.present]
    if not sitting.pauses:
        rows.append((translate("ReviewRecord", "Pauses: none."), False))
    rows += [(_pause(pause), False) for pause in sitting.pauses]
    return rows


def _person(person: PersonPresent) -> str:
    text = fill(
        translate("ReviewRecord", "Present: %1, %2"),
        one_line(person.name),
        role_name(person.role, person.role_label),
    )
    if person.language:
        text = fill(translate("ReviewRecord", "%1, language %2"), text, one_line(person.language))
    if person.outside_evidential_chain:
        text = fill(translate("ReviewRecord", "%1 (outside the evidential chain)"), text)
    return text


def _pause(pause: PauseSummary) -> str:
    number = str(pause.number) if pause.number is not None else "?"
    if pause.requested_by == "system":
        who = translate("ReviewRecord", "recorded by Quietroom itself")
    elif not pause.requested_by:  # nobody answered who asked
        who = translate("ReviewRecord", "who asked was not recorded")
    else:
        who = fill(
            translate("ReviewRecord", "asked for by the %1"),
            role_name(pause.requested_by, pause.requested_by_label),
        )
    span = _span(pause.started, pause.ended, ongoing=translate("ReviewRecord", "not ended"))
    if pause.ended and pause.duration_seconds is not None:
        span = fill(translate("ReviewRecord", "%1 (%2)"), span, duration(pause.duration_seconds))
    reason = (
        translate("ReviewRecord", "no reason given")
        if pause.reason == NO_REASON
        else one_line(pause.reason)
    )
    template = (
        translate("ReviewRecord", "Interruption %1: %2, %3. Reason: %4")
        if pause.kind == "interruption"
        else translate("ReviewRecord", "Pause %1: %2, %3. Reason: %4")
    )
    return fill(template, number, who, span, reason)


def timeline_rows(summary: RecordSummary) -> list[Row]:
    rows: list[Row] = [(translate("ReviewRecord", "Timeline, in the witness's words"), True)]
    if not summary.timeline:
        return [*rows, (translate("ReviewRecord", "No events were recorded."), False)]
    for entry in summary.timeline:
        notes = []
        if entry.earliest and entry.latest:
            first, last = _date(entry.earliest), _date(entry.latest)
            notes.append(
                first
                if first == last
                else fill(translate("ReviewRecord", "between %1 and %2"), first, last)
            )
        if entry.uncertain:
            notes.append(translate("ReviewRecord", "uncertain"))
        text = one_line(entry.when)
        if notes:
            text = fill(translate("ReviewRecord", "%1 (%2)"), text, ", ".join(notes))
        if entry.what.strip():
            text = fill(translate("ReviewRecord", "%1: %2"), text, one_line(entry.what))
        rows.append((text, False))
    return rows


def _date(day: str) -> str:
    try:
        moment = date.fromisoformat(day)
    except ValueError:
        return one_line(day)
    return dates.day(moment)


def revisions_rows(summary: RecordSummary) -> list[Row]:
    rows: list[Row] = [
        (translate("ReviewRecord", "Read-back"), True),
        (
            fill(
                translate("ReviewRecord", "Corrections made at read-back: %1"),
                str(summary.readback_corrections),
            ),
            False,
        ),
        (translate("ReviewRecord", "Revisions by section"), True),
    ]
    if not summary.revisions:
        rows.append((translate("ReviewRecord", "No revisions were recorded."), False))
    for section in summary.revisions:
        name = one_line(section.title or section.section)
        if section.revisions == 0:
            rows.append((fill(translate("ReviewRecord", "%1: no revisions"), name), False))
            continue
        rows.append(
            (
                fill(
                    translate("ReviewRecord", "%1: revisions %2, corrections %3, last updated %4"),
                    name,
                    str(section.revisions),
                    str(section.corrections),
                    when(section.last_updated),
                ),
                False,
            )
        )
    return rows


def restricted_rows(details: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) for every restricted detail given, in the MG11 back page's order."""
    labels = {
        "date_of_birth": translate("ReviewRecord", "Date of birth"),
        "address": translate("ReviewRecord", "Address"),
        "phone": translate("ReviewRecord", "Telephone"),
        "email": translate("ReviewRecord", "Email"),
        "safe_contact": translate("ReviewRecord", "Safe way to contact"),
        "safe_times": translate("ReviewRecord", "Safe times to contact"),
        "voicemail_safe": translate("ReviewRecord", "Safe to leave a voicemail"),
        "letters_safe": translate("ReviewRecord", "Safe to send letters"),
        "dates_to_avoid": translate("ReviewRecord", "Dates to avoid"),
        "special_measures": translate("ReviewRecord", "Special measures"),
        "other_needs": translate("ReviewRecord", "Other needs"),
        "vps_offered": translate("ReviewRecord", "Victim Personal Statement offered"),
        "process_explained": translate(
            "ReviewRecord", "Criminal justice process and VPS scheme explained"
        ),
        "leaflet_given": translate("ReviewRecord", "Leaflet given"),
        "willing_to_attend_court": translate("ReviewRecord", "Willing to attend court"),
        "court_note": translate("ReviewRecord", "About attending court"),
        "witness_service_referral": translate("ReviewRecord", "Referred to the Witness Service"),
    }
    rows: list[tuple[str, str]] = []
    name = details.get("witness_name")
    rows.append(
        (
            translate("ReviewRecord", "Witness"),
            one_line(name) if isinstance(name, str) else not_recorded(),
        )
    )
    given = details.get("details")
    given = given if isinstance(given, dict) else {}
    for key, label in labels.items():
        if key in given:
            rows.append((label, _value(given[key], key == "date_of_birth")))
    for consent in given.get("consents") or []:
        if isinstance(consent, dict):
            rows.append((translate("ReviewRecord", "Consent"), _consent(consent)))
    return rows


def _value(value: object, is_date: bool) -> str:
    answers = {
        "yes": translate("ReviewRecord", "Yes"),
        "no": translate("ReviewRecord", "No"),
        "not_sure": translate("ReviewRecord", "Not sure"),
    }
    if isinstance(value, str) and value in answers:  # willing to attend court
        return answers[value]
    if isinstance(value, bool):
        return translate("ReviewRecord", "Yes") if value else translate("ReviewRecord", "No")
    if isinstance(value, str):
        return _date(value) if is_date else one_line(value)
    return one_line(str(value))


def _consent(consent: dict[str, Any]) -> str:
    state = consent.get("state")
    states = {
        "given": translate("ReviewRecord", "given"),
        "withdrawn": translate("ReviewRecord", "withdrawn"),
    }
    kinds = {  # the MG11's consents; anything else is shown as recorded
        "medical_records_access": translate("ReviewRecord", "Police access to medical records"),
        "medical-records": translate("ReviewRecord", "Police access to medical records"),
        "medical_records_defence": translate(
            "ReviewRecord", "Medical records disclosed to the defence"
        ),
        "civil_proceedings": translate("ReviewRecord", "Statement used in civil proceedings"),
        "share_with_agencies": translate(
            "ReviewRecord", "Details shared with agencies that support victims"
        ),
    }
    kind = str(consent.get("kind", ""))
    text = fill(
        translate("ReviewRecord", "%1: %2 on %3"),
        kinds.get(kind, one_line(kind)),
        states.get(str(state), one_line(str(state))),
        when(consent.get("at") if isinstance(consent.get("at"), str) else None),
    )
    note = consent.get("note")
    if isinstance(note, str) and note.strip():
        text = fill(translate("ReviewRecord", "%1 (%2)"), text, one_line(note))
    limit = consent.get("limit")
    if isinstance(limit, str) and limit.strip():
        text = fill(translate("ReviewRecord", "%1; limit: %2"), text, one_line(limit))
    return text
