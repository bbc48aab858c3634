"""The core's messages about a case's details (the case, the witness, the restricted details,
consents, dates of birth), typed text, the timeline's dates, the guide's fields, notes,
sittings and pauses, the statement's pages and exhibits, as source strings for Qt's
translation system (context "CoreMessages"), by code. Part of the table
`ui/core_messages.py` translates with (see its docstring for why each is a literal in a
QCoreApplication.translate call)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

DETAIL_MESSAGES: dict[str, Callable[[], str]] = {
    # a new case: its reference, category, statement language; the case list's filter
    "case.reference_exists": lambda: QCoreApplication.translate(
        "CoreMessages", "a case with the reference '{reference}' already exists"
    ),
    "case.reference_like_id": lambda: QCoreApplication.translate(
        "CoreMessages",
        "a reference cannot look like a case id (32 hexadecimal characters); use the "
        "organisation's own reference",
    ),
    "case.unknown_category": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown category '{category}'; choose csa, apsp or general"
    ),
    "case.unknown_statement_language": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown statement language '{language}'; use en (English) or cy (Welsh)"
    ),
    "case.unknown_status": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown status '{status}'; choose {statuses}"
    ),
    # the witness's details, the restricted details and the consents (the new-case flow)
    "witness.abe_reference_needed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the evidence is visually recorded, so the recording's ABE reference is needed too",
    ),
    "witness.abe_reference_not_recorded": lambda: QCoreApplication.translate(
        "CoreMessages",
        "an ABE recording reference is only kept for a visually recorded interview; say it was "
        "visually recorded, or give no reference",
    ),
    "witness.age_not_under_18": lambda: QCoreApplication.translate(
        "CoreMessages", "the age is only recorded when under 18 (1–17)"
    ),
    "witness.break_interval": lambda: QCoreApplication.translate(
        "CoreMessages", "the break interval must be between 5 and 180 minutes"
    ),
    "witness.unknown_detail": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown witness detail '{name}'"
    ),
    "witness.visually_recorded": lambda: QCoreApplication.translate(
        "CoreMessages", "whether the evidence is visually recorded is yes or no"
    ),
    "restricted.court_answer": lambda: QCoreApplication.translate(
        "CoreMessages", "willing to attend court is one of: {answers}"
    ),
    "restricted.unknown_detail": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown restricted detail '{name}'"
    ),
    "consent.unknown_state": lambda: QCoreApplication.translate(
        "CoreMessages", "a consent is either given or withdrawn"
    ),
    "birth.format": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the date of birth must be written YYYY-MM-DD or DD/MM/YYYY, for example 1979-03-21 or "
        "21/03/1979",
    ),
    "birth.in_future": lambda: QCoreApplication.translate(
        "CoreMessages", "the date of birth is in the future"
    ),
    "birth.month_first": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the date of birth seems to be written month first; write the day first, for example "
        "21/03/1979, or write it as YYYY-MM-DD",
    ),
    "birth.too_early": lambda: QCoreApplication.translate(
        "CoreMessages", "the date of birth is before 1900"
    ),
    # typed text: {what} is the core's own name for the detail ("the note", "the reason")
    "text.body_too_long": lambda: QCoreApplication.translate(
        "CoreMessages", "{what} is too long (at most {limit:,} characters)"
    ),
    "text.control_characters": lambda: QCoreApplication.translate(
        "CoreMessages", "{what} contains control characters"
    ),
    "text.direction_override": lambda: QCoreApplication.translate(
        "CoreMessages", "{what} contains a right-to-left or left-to-right override character"
    ),
    "text.empty": lambda: QCoreApplication.translate("CoreMessages", "{what} must not be empty"),
    "text.invisible": lambda: QCoreApplication.translate(
        "CoreMessages", "{what} contains an invisible or non-printing character"
    ),
    "text.not_one_line": lambda: QCoreApplication.translate(
        "CoreMessages", "{what} must be one line of text"
    ),
    "text.not_utf8": lambda: QCoreApplication.translate(
        "CoreMessages", "{what} is not valid text (it holds bytes that are not UTF-8)"
    ),
    "text.nul_character": lambda: QCoreApplication.translate(
        "CoreMessages", "{what} contains a NUL character; is it a text file?"
    ),
    "text.required": lambda: QCoreApplication.translate("CoreMessages", "{what} is required"),
    "text.too_long": lambda: QCoreApplication.translate(
        "CoreMessages", "{what} is too long (at most {limit} characters)"
    ),
    # when something happened, in the survivor's words (the timeline)
    "date.empty": lambda: QCoreApplication.translate(
        "CoreMessages", "the date is empty; say when it happened, e.g. 'summer 1987'"
    ),
    "date.no_such_day": lambda: QCoreApplication.translate(
        "CoreMessages",
        "there is no {day} {month} {year} ({month} {year} has {days} days); check the day and "
        "month",
    ),
    "date.no_such_month": lambda: QCoreApplication.translate(
        "CoreMessages", "there is no month {month}; write dates day first, e.g. 14/06/1987"
    ),
    "date.not_text": lambda: QCoreApplication.translate(
        "CoreMessages", "the date must be given as text, e.g. 'summer 1987'"
    ),
    "date.stored_malformed": lambda: QCoreApplication.translate(
        "CoreMessages", "a stored fuzzy date is malformed and cannot be read"
    ),
    "date.too_long": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the date is longer than {limit} characters; put the detail in the account and keep a "
        "short phrase such as 'summer 1987' here",
    ),
    "date.which_half_term": lambda: QCoreApplication.translate(
        "CoreMessages", "say which half term was meant, e.g. 'October half term 1987'"
    ),
    # the guide's fields, notes, timeline events, the interviewer's place, sittings, pauses
    "field.not_a_choice": lambda: QCoreApplication.translate(
        "CoreMessages", "'{value}' is not one of: {choices}"
    ),
    "field.not_a_number": lambda: QCoreApplication.translate(
        "CoreMessages", "{field} must be a number"
    ),
    "field.one_value": lambda: QCoreApplication.translate(
        "CoreMessages", "{field} takes exactly one value"
    ),
    "field.unknown": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown field '{field}'; this guide has: {known}"
    ),
    "note.empty": lambda: QCoreApplication.translate("CoreMessages", "the note is empty"),
    "timeline.event_not_found": lambda: QCoreApplication.translate(
        "CoreMessages", "there is no such timeline event"
    ),
    "sitting.negative_position": lambda: QCoreApplication.translate(
        "CoreMessages", "the position cannot be negative"
    ),
    "sitting.unknown_role": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown role '{role}'; use one of: {roles}"
    ),
    "pause.not_found": lambda: QCoreApplication.translate(
        "CoreMessages", "there is no such pause to give a reason for"
    ),
    "pause.unknown_requester": lambda: QCoreApplication.translate(
        "CoreMessages", "who asked for the pause? one of: {roles}"
    ),
    # the statement's pages, signing and a further statement
    "statement.initials_not_asked": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the organisation does not ask for initials on each page; confirm the page without them",
    ),
    "statement.no_text": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement has no text, so it has no pages for the witness to confirm or sign",
    ),
    "statement.not_signed_yet": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the current statement is not signed yet; continue it instead of starting a further one",
    ),
    "statement.page_count": lambda: QCoreApplication.translate(
        "CoreMessages", "the page count must be a whole number from 1 to {limit}"
    ),
    "statement.page_number": lambda: QCoreApplication.translate(
        "CoreMessages", "there is no page {page} in a statement of {pages} page(s)"
    ),
    "statement.revision_unreadable": lambda: QCoreApplication.translate(
        "CoreMessages", "revision {revision} of '{section}': {detail}"
    ),
    "statement.unprintable": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the {what} contains {count} character(s) the PDF font cannot show ({shown}), so once "
        "signed it could never be exported; nothing was signed: correct the text or the names "
        "and confirm the read-back again",
    ),
    # exhibits
    "exhibit.bad_media_type": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the exhibit's media type must be a type and subtype, such as application/pdf",
    ),
    "exhibit.file_details_without_file": lambda: QCoreApplication.translate(
        "CoreMessages", "a file name or media type was given without the exhibit's file"
    ),
    "exhibit.no_file": lambda: QCoreApplication.translate(
        "CoreMessages", "the exhibit {reference} has no file in this vault (only its description)"
    ),
}
