"""What the supervisor reads beside the statement PDF, taken from a bundle's record.json.

This module owns the review summary: the case and the statement's signing facts, every
sitting in order (who was present and in what role, every pause with who asked for it
and why), the totals, the timeline and the revision history per section, as plain
frozen data (``summarise``, ``RecordSummary.to_json``) and as the calm plain-text lines
the CLI's ``review show`` prints (``summary_lines``).

Two things are never here. The statement text itself: the supervisor reads it in the
PDF, and a second rendering could only disagree with it. And restricted details: they
are not in record.json at all (they travel in restricted.json). Consents are restricted
details too, so record v1 holds none and this summary has none to show; it does not
invent any.

The record has passed the record-v1 schema before it reaches ``summarise``, but every
read here is still defensive: a missing optional key gives "not recorded", never an
exception, so one odd record cannot stop a supervisor from reading the rest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NOT_RECORDED = "not recorded"
NO_REASON = "no reason given"
NOT_ENDED = "not ended"

# Roles as a person reads them in a sentence ("asked for by the ISVA").
_PLAIN_ROLES = ("interviewer", "second_interviewer", "interpreter", "supporter", "witness")
ROLE_LABELS: dict[str, str] = {role: role.replace("_", " ") for role in _PLAIN_ROLES} | {
    "appropriate_adult": "appropriate adult",
    "intermediary": "Registered Intermediary",
    "isva": "ISVA",
    "system": "Quietroom itself",
}
# ISVAs support the survivor and are never part of the evidential chain, whether or not
# a record flags it.
OUTSIDE_CHAIN_ROLES = frozenset({"isva"})
CATEGORY_LABELS = {
    "csa": "child sexual abuse (non-recent)",
    "apsp": "abuse of position for a sexual purpose",
    "general": "general statement",
}
SIGNATURE_LABELS = {
    "image/png": "an image (PNG)",
    "image/jpeg": "an image (JPEG)",
    "image/svg+xml": "a drawing (SVG)",
    "application/vnd.quietroom.strokes+json": "drawn on screen",
}


# --- the data --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseSummary:
    reference: str
    category: str
    interviewer: str
    created: str | None
    guide_id: str
    guide_version: int | None


@dataclass(frozen=True, slots=True)
class StatementSummary:
    number: int | None
    readback_confirmed: str | None
    signed: str | None
    read_to_witness_by: str | None  # None: the witness read it themselves
    signature_type: str


@dataclass(frozen=True, slots=True)
class PersonPresent:
    role: str
    role_label: str
    name: str
    language: str | None
    outside_evidential_chain: bool


@dataclass(frozen=True, slots=True)
class PauseSummary:
    number: int | None
    kind: str  # "pause" | "interruption"
    started: str | None
    ended: str | None  # None: the pause had not ended
    duration_seconds: float | None
    duration: str
    requested_by: str  # a role, or "system" for an interruption Quietroom recorded
    requested_by_label: str
    reason: str  # NO_REASON when none was given


@dataclass(frozen=True, slots=True)
class SittingSummary:
    number: int | None
    state: str
    location: str
    started: str | None
    ended: str | None
    active_seconds: float
    active_time: str
    interruptions: int
    present: tuple[PersonPresent, ...]
    pauses: tuple[PauseSummary, ...]


@dataclass(frozen=True, slots=True)
class Totals:
    sittings: int
    active_seconds: float
    active_time: str
    pauses: int  # kind "pause" only; interruptions are counted apart
    pauses_asked_by_witness: int
    interruptions: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    when: str
    earliest: str | None
    latest: str | None
    uncertain: bool
    what: str


@dataclass(frozen=True, slots=True)
class SectionRevisions:
    section: str
    title: str
    revisions: int
    corrections: int
    last_updated: str | None


@dataclass(frozen=True, slots=True)
class RecordSummary:
    case: CaseSummary
    statement: StatementSummary
    sittings: tuple[SittingSummary, ...]
    totals: Totals
    timeline: tuple[TimelineEntry, ...]
    readback_corrections: int
    revisions: tuple[SectionRevisions, ...]

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (lists, not tuples), e.g. for ``review show --json``."""
        data: dict[str, Any] = json.loads(json.dumps(asdict(self)))
        return data


# --- defensive reads -------------------------------------------------------------------


def _map(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def _maps(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _seconds(data: Mapping[str, Any], key: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return 0.0  # absent, or NaN: not a time
    return max(0.0, float(value))


def _by_number(number: int | None) -> tuple[bool, int]:
    return (number is None, number or 0)


# --- formatting ------------------------------------------------------------------------


def plain(text: str) -> str:
    """One printable line: values come from a bundle, so no control character (a
    terminal escape, a line break) may reach a terminal or break a layout."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def parse_time(stamp: str | None) -> datetime | None:
    """A record timestamp as an aware UTC datetime, or None when absent or malformed."""
    try:
        moment = datetime.fromisoformat(stamp or "")
    except ValueError:
        return None
    # The record's stamps are all UTC; a stamp without an offset is read as UTC too.
    return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(UTC)


def format_time(stamp: str | None) -> str:
    """A stamp as "4 Dec 2026, 06:38" (UTC, fixed English); a malformed one as stored."""
    moment = parse_time(stamp)
    if moment is None:
        return plain(stamp) if stamp else NOT_RECORDED
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}"


def format_date(day: str | None) -> str:
    """A record date (YYYY-MM-DD) as "4 Dec 2026"; anything else as stored."""
    try:
        moment = datetime.strptime(day or "", "%Y-%m-%d")
    except ValueError:
        return plain(day) if day else NOT_RECORDED
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def format_duration(seconds: float) -> str:
    """A duration as "1 h 05 min", "12 min" or "under 1 min", to the nearest minute."""
    seconds = max(0.0, seconds)
    minutes = int((seconds + 30) // 60)
    if minutes == 0:
        return "under 1 min" if seconds > 0 else "0 min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role.replace("_", " ") or "someone not recorded")


# --- summarising -----------------------------------------------------------------------


def summarise(record: Mapping[str, Any]) -> RecordSummary:
    """The review summary of a record.json (already checked against record-v1)."""
    case, statement = _map(record, "case"), _map(record, "statement")
    guide = _map(case, "guide")
    sittings = sorted(
        (_sitting(s) for s in _maps(record, "sittings")), key=lambda s: _by_number(s.number)
    )
    revisions = _revisions(record)
    return RecordSummary(
        case=CaseSummary(
            reference=_text(case, "reference") or NOT_RECORDED,
            category=_text(case, "category") or NOT_RECORDED,
            interviewer=_text(case, "interviewer") or NOT_RECORDED,
            created=_text(case, "created"),
            guide_id=_text(guide, "id") or NOT_RECORDED,
            guide_version=_int(guide, "version"),
        ),
        statement=StatementSummary(
            number=_int(statement, "number"),
            readback_confirmed=_text(statement, "readback_confirmed"),
            signed=_text(statement, "signed"),
            read_to_witness_by=_text(statement, "read_to_witness_by"),
            signature_type=_text(statement, "signature_type") or NOT_RECORDED,
        ),
        sittings=tuple(sittings),
        totals=_totals(sittings),
        timeline=tuple(_timeline_entry(e) for e in _maps(record, "timeline")),
        readback_corrections=sum(r.corrections for r in revisions),
        revisions=revisions,
    )


def _person(data: Mapping[str, Any]) -> PersonPresent:
    role = _text(data, "role") or ""
    outside = data.get("outside_evidential_chain") is True or role in OUTSIDE_CHAIN_ROLES
    return PersonPresent(
        role=role,
        role_label=role_label(role),
        name=_text(data, "name") or NOT_RECORDED,
        language=_text(data, "language"),
        outside_evidential_chain=outside,
    )


def _pause(data: Mapping[str, Any]) -> PauseSummary:
    started, ended = _text(data, "started"), _text(data, "ended")
    start, end = parse_time(started), parse_time(ended)
    seconds = max(0.0, (end - start).total_seconds()) if start and end else None
    if ended is None:
        duration = NOT_ENDED
    else:
        duration = format_duration(seconds) if seconds is not None else NOT_RECORDED
    reason, requester = _text(data, "reason"), (_text(data, "requested_by") or "")
    return PauseSummary(
        number=_int(data, "number"),
        kind=_text(data, "kind") or "pause",
        started=started,
        ended=ended,
        duration_seconds=seconds,
        duration=duration,
        requested_by=requester,
        requested_by_label=role_label(requester),
        reason=reason if reason and reason.strip() else NO_REASON,
    )


def _sitting(data: Mapping[str, Any]) -> SittingSummary:
    active = _seconds(data, "active_seconds")
    pauses = sorted((_pause(p) for p in _maps(data, "pauses")), key=lambda p: _by_number(p.number))
    return SittingSummary(
        number=_int(data, "number"),
        state=_text(data, "state") or NOT_RECORDED,
        location=_text(data, "location") or "",
        started=_text(data, "started"),
        ended=_text(data, "ended"),
        active_seconds=active,
        active_time=format_duration(active),
        interruptions=_int(data, "interrupted") or 0,
        present=tuple(_person(p) for p in _maps(data, "present")),
        pauses=tuple(pauses),
    )


def _totals(sittings: list[SittingSummary]) -> Totals:
    pauses = [p for s in sittings for p in s.pauses if p.kind == "pause"]
    active = sum(s.active_seconds for s in sittings)
    return Totals(
        sittings=len(sittings),
        active_seconds=active,
        active_time=format_duration(active),
        pauses=len(pauses),
        pauses_asked_by_witness=sum(1 for p in pauses if p.requested_by == "witness"),
        interruptions=sum(s.interruptions for s in sittings),
    )


def _timeline_entry(data: Mapping[str, Any]) -> TimelineEntry:
    return TimelineEntry(
        when=_text(data, "when") or NOT_RECORDED,
        earliest=_text(data, "earliest"),
        latest=_text(data, "latest"),
        uncertain=data.get("uncertain") is True,
        what=_text(data, "what") or "",
    )


def _revisions(record: Mapping[str, Any]) -> tuple[SectionRevisions, ...]:
    # Only the titles are read from the sections, never their text.
    titles = {_text(s, "id"): _text(s, "title") or "" for s in _maps(record, "sections")}
    out = []
    for entry in _maps(record, "revisions"):
        history = _maps(entry, "history")
        stamps = {u: t for u in (_text(h, "updated") for h in history) if (t := parse_time(u))}
        section, count = _text(entry, "section") or NOT_RECORDED, _int(entry, "count")
        out.append(
            SectionRevisions(
                section=section,
                title=titles.get(section, ""),
                revisions=count if count is not None else len(history),
                corrections=sum(1 for h in history if h.get("kind") == "correction"),
                last_updated=max(stamps, key=stamps.__getitem__, default=None),
            )
        )
    return tuple(out)


# --- the plain-text rendering ----------------------------------------------------------
