"""What a case's details may hold: the check each detail passes before it is stored, and
a new case with everything known about it at the start, as one value.

These checks are the single source for every way in (the command line, the desktop
app's new-case flow, later changes): cases.py runs them before it writes anything. A
refusal met while checking a new case is tagged with the part and the detail it
concerns (DetailRefusal), so an interface can show it where that detail was typed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.engine.base import short_text
from app.engine.models import (
    AGE_STATUSES,
    COURT_ANSWERS,
    RESTRICTED_FIELDS,
    ROLES,
    STATEMENT_LANGUAGES,
    WITNESS_FIELDS,
    Participant,
)
from app.errors import QuietroomError, UsageError

CONSENT_STATES = ("given", "withdrawn")
MAX_ABE_REFERENCE = 100
MAX_COURT_NOTE = 500
MAX_CONSENT_LIMIT = 500
BOOLEAN_RESTRICTED = (
    "voicemail_safe",
    "letters_safe",
    "vps_offered",
    "process_explained",
    "leaflet_given",
    "witness_service_referral",
)
# How error messages name a detail, where "the " + its key would read badly.
LABELS = {"avoid": "the list of topics to avoid"}
# The parts of a new case, in the order they are checked (DetailRefusal.part).
PARTS = ("case", "witness", "restricted", "consents", "present")


@dataclass(frozen=True)
class CaseDetails:
    """A new case with everything known about it at the start.

    `witness` takes WITNESS_FIELDS (and date_of_birth, kept with the restricted details);
    once any is given, the name on the statement is required. `restricted` takes
    RESTRICTED_FIELDS; `consents` are (kind, "given" | "withdrawn") pairs, or (kind,
    state, limit) with the limit the witness put on it; `present` is who will be in the
    room besides the survivor (None: not planned yet). `statement_language` is the
    language the statement is written in ("en" or "cy"). A value of None is "not given",
    as is an empty part.
    """

    category: str
    reference: str
    interviewer: str = ""
    witness: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    restricted: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    consents: tuple[tuple[str, ...], ...] = ()
    present: tuple[Participant, ...] | None = None
    statement_language: str = "en"


@dataclass(frozen=True)
class DetailRefusal:
    """The first detail of a new case the engine refuses, and where it is.

    `part` is one of PARTS; `field` is the detail's key ("reference", "pronouns", …), a
    consent's kind, or a person's position ("0", "1", …) for "present"; None when the
    refusal concerns the part as a whole (an unknown key, say).
    """

    part: str
    field: str | None
    error: QuietroomError


@dataclass(frozen=True)
class CheckedDetails:
    """A new case's details as they will be stored (every check passed)."""

    reference: str
    interviewer: str
    witness: dict[str, Any]
    restricted: dict[str, Any]
    consents: list[tuple[str, str, str, str]]  # kind, state, note, limit
    present: list[Participant] | None
    statement_language: str = "en"


class Refused(Exception):
    """Inside the engine only: a refusal met while checking a new case, with its place.
    The engine raises the refusal's own error to its callers, never this."""

    def __init__(self, refusal: DetailRefusal) -> None:
        super().__init__(str(refusal.error))
        self.refusal = refusal


@contextlib.contextmanager
def refusing(part: str, field: str | None) -> Iterator[None]:
    """Tag a refusal raised inside with the part and the detail it concerns."""
    try:
        yield
    except QuietroomError as exc:
        raise Refused(DetailRefusal(part, field, exc)) from exc


# Day first, as dates are written in England and Wales: 21/03/1979, 21/3/1979, 21.03.1979.
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)


def parse_date_of_birth(value: str, today: date) -> str:
    """A date of birth written YYYY-MM-DD or day first (DD/MM/YYYY, D/M/YYYY), checked;
    stored as YYYY-MM-DD."""
    text = value.strip()
    day_first = _DAY_FIRST.fullmatch(text)
    try:
        if day_first is None:
            born = date.fromisoformat(text)
        else:
            day, month, year = (int(day_first[n]) for n in (1, 3, 4))
            if month > 12 and 1 <= day <= 12:
                # 03/21/1979 is surely 21 March written month first, as in the US; say so
                # rather than guess, as 03/04/1979 could be either way round.
                raise UsageError(
                    "birth.month_first",
                    "the date of birth seems to be written month first; write the day "
                    "first, for example 21/03/1979, or write it as YYYY-MM-DD",
                )
            born = date(year, month, day)
    except ValueError:
        raise UsageError(
            "birth.format",
            "the date of birth must be written YYYY-MM-DD or DD/MM/YYYY, for example "
            "1979-03-21 or 21/03/1979",
        ) from None
    if born > today:
        raise UsageError("birth.in_future", "the date of birth is in the future")
    if born.year < 1900:
        raise UsageError("birth.too_early", "the date of birth is before 1900")
    return born.isoformat()


def check_witness_keys(values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(WITNESS_FIELDS) - {"date_of_birth"}
    if unknown:
        raise UsageError(
            "witness.unknown_detail", "unknown witness detail '{name}'", name=sorted(unknown)[0]
        )


def witness_value(key: str, value: Any) -> Any:
    """One of the survivor's details (a key of WITNESS_FIELDS), checked, as stored."""
    if key == "break_every_minutes":
        if not isinstance(value, int) or not 5 <= value <= 180:
            raise UsageError(
                "witness.break_interval", "the break interval must be between 5 and 180 minutes"
            )
        return value
    if key == "age_under_18":
        if not isinstance(value, int) or not 0 < value < 18:
            raise UsageError(
                "witness.age_not_under_18", "the age is only recorded when under 18 (1–17)"
            )
        return value
    if key == "age_status":
        if value not in AGE_STATUSES:
            raise UsageError(
                "witness.age_status",
                "the age status must be one of: {statuses}",
                statuses=", ".join(AGE_STATUSES),
            )
        return value
    if key in ("interpreter_needed", "visually_recorded"):
        if key == "visually_recorded" and not isinstance(value, bool):
            raise UsageError(
                "witness.visually_recorded",
                "whether the evidence is visually recorded is yes or no",
            )
        return bool(value)
    if key == "abe_reference":
        return short_text(
            None if value is None else str(value),
            "the ABE recording reference",
            required=True,
            limit=MAX_ABE_REFERENCE,
            single_line=True,
        )
    return short_text(
        None if value is None else str(value),
        LABELS.get(key, f"the {key.replace('_', ' ')}"),
        required=key == "name",
        single_line=key in ("name", "preferred_name", "pronouns"),
    )


def settle_recording(data: dict[str, Any], changed: Mapping[str, Any]) -> None:
    """Keep "visually recorded" and its reference saying one thing: a recording has its
    reference (required), a written statement none; refused (nothing changed) otherwise.
    `data` is the witness's details with `changed` already applied."""
    if changed.get("visually_recorded") is False:
        if "abe_reference" in changed:
            raise UsageError(
                "witness.abe_reference_not_recorded",
                "an ABE recording reference is only kept for a visually recorded "
                "interview; say it was visually recorded, or give no reference",
            )
        data.pop("abe_reference", None)
    elif "abe_reference" in changed and data.get("visually_recorded") is not True:
        raise UsageError(
            "witness.abe_reference_not_recorded",
            "an ABE recording reference is only kept for a visually recorded "
            "interview; say it was visually recorded, or give no reference",
        )
    if data.get("visually_recorded") is True and not data.get("abe_reference"):
        raise UsageError(
            "witness.abe_reference_needed",
            "the evidence is visually recorded, so the recording's ABE reference is needed too",
        )


def check_statement_language(value: object) -> str:
    if value not in STATEMENT_LANGUAGES:
        shown = "".join(c if c.isprintable() else " " for c in str(value))[:20]
        raise UsageError(
            "case.unknown_statement_language",
            "unknown statement language '{language}'; use en (English) or cy (Welsh)",
            language=shown,
        )
    return str(value)


def check_restricted_keys(values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(RESTRICTED_FIELDS)
    if unknown:
        raise UsageError(
            "restricted.unknown_detail",
            "unknown restricted detail '{name}'",
            name=sorted(unknown)[0],
        )


def restricted_value(key: str, value: Any, today: date) -> Any:
    """One restricted detail (a key of RESTRICTED_FIELDS), checked, as stored."""
    if key in BOOLEAN_RESTRICTED:
        return bool(value)
    if key == "willing_to_attend_court":
        if value not in COURT_ANSWERS:
            raise UsageError(
                "restricted.court_answer",
                "willing to attend court is one of: {answers}",
                answers=", ".join(COURT_ANSWERS),
            )
        return value
    if key == "court_note":
        return short_text(str(value), "the note about attending court", limit=MAX_COURT_NOTE)
    if key == "date_of_birth":
        return parse_date_of_birth(str(value), today)
    if key in ("phone", "email"):
        return short_text(str(value), f"the {key}", single_line=True)
    return short_text(str(value), f"the {key.replace('_', ' ')}")


def consent_values(
    kind: str, state: str, note: str = "", limit: str = ""
) -> tuple[str, str, str, str]:
    """A consent given or withdrawn: (kind, state, note, limit), checked. `kind` is one of
    MG11_CONSENTS or the organisation's own wording; `note` is the interviewer's remark
    (never printed); `limit` a limit the witness put on it (printed with it)."""
    kind = short_text(kind, "the consent", required=True, limit=100) or ""
    if state not in CONSENT_STATES:
        raise UsageError("consent.unknown_state", "a consent is either given or withdrawn")
    note = short_text(note, "the note") or ""
    limit = (
        short_text(limit, "the consent's limit", limit=MAX_CONSENT_LIMIT, single_line=True) or ""
    )
    return kind, state, note, limit


def check_participant(person: Participant) -> Participant:
    """Someone who will be present: a known role, a name, and perhaps a language."""
    if person.role not in ROLES:
        shown = "".join(c if c.isprintable() else " " for c in str(person.role))[:40]
        # The same refusal as the command line's ROLE:NAME (sittings.parse_participant).
        raise UsageError(
            "sitting.unknown_role",
            "unknown role '{role}'; use one of: {roles}",
            role=shown,
            roles=", ".join(ROLES),
        )
    name = (
        short_text(
            person.name, "the participant's name", required=True, limit=200, single_line=True
        )
        or ""
    )
    language = short_text(person.language, "the language", limit=100) or None
    return Participant(person.role, name, language)
