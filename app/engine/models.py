"""Plain data the engine hands out: cases, the survivor, sittings, statements, events."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from app.guides.model import CATEGORIES  # defined once, by the guides

__all__ = ["CATEGORIES"]  # re-exported for the engine's callers

STATUSES = ("draft", "read_back", "signed", "exported")
# The language the statement is written in (cases.statement_language): English or Welsh.
# Not the witness's own language, which is free text (for interpreters).
STATEMENT_LANGUAGES = ("en", "cy")

# Who may be present in a sitting; ISVAs support the survivor and stay outside the
# evidential chain, which the record states explicitly.
ROLES: dict[str, str] = {
    "interviewer": "Interviewer",
    "second_interviewer": "Second interviewer",
    "intermediary": "Registered Intermediary",
    "isva": "ISVA (outside the evidential chain)",
    "interpreter": "Interpreter",
    "supporter": "Supporter",
    "appropriate_adult": "Appropriate adult",
    "witness": "Witness",
}
# Anyone present may ask for a pause. PAUSE_REQUESTERS are the four people who most often
# do (the desktop pause screen's quick choices, in this order); PAUSE_REQUESTER_ROLES is
# everyone who may: those four first, then every other participant role. "system" (an
# interruption recorded after a crash) is never a requester anyone can choose.
AGE_STATUSES = ("under_18", "over_18", "not_given")
PAUSE_REQUESTERS = ("witness", "interviewer", "intermediary", "supporter")
PAUSE_REQUESTER_ROLES: tuple[str, ...] = PAUSE_REQUESTERS + tuple(
    role for role in ROLES if role not in PAUSE_REQUESTERS
)


@dataclass(frozen=True)
class Case:
    id: str
    reference: str
    category: str
    status: str
    interviewer: str
    created: str
    updated: str
    guide_version: int | None = None  # None: from before versions were kept (current)
    statement_language: str = "en"  # STATEMENT_LANGUAGES

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


WITNESS_FIELDS = (
    "name",
    "preferred_name",
    "pronouns",
    "age_under_18",
    "age_status",  # "under_18" | "over_18" | "not_given": said explicitly, never assumed
    "occupation",
    "communication_needs",
    "language",
    "interpreter_needed",
    "interpreter_language",
    "break_every_minutes",
    "avoid",
    "support_wanted",
    # The MG11's front: "Tick if witness evidence is visually recorded" (None or absent:
    # not asked), and the recording's reference, required when it is.
    "visually_recorded",
    "abe_reference",
)

RESTRICTED_FIELDS = (
    "date_of_birth",
    "address",
    "phone",
    "email",
    "safe_contact",
    "safe_times",
    "voicemail_safe",
    "letters_safe",
    "dates_to_avoid",
    "special_measures",
    "other_needs",
    "vps_offered",
    # The MG11 back page's items (booleans; None or absent: not asked).
    "process_explained",  # the criminal justice process and the VPS scheme explained
    "leaflet_given",  # "Giving a witness statement to the police – what happens next?"
    "willing_to_attend_court",  # COURT_ANSWERS
    "court_note",  # what would help them attend court, or why not
    "witness_service_referral",  # consent to their details going to the Witness Service
)
COURT_ANSWERS = ("yes", "no", "not_sure")
# The consents the MG11's back page lists, in its order. Other kinds stay free text (an
# organisation's own consents) and print as given.
MG11_CONSENTS = (
    "medical_records_access",
    "medical_records_defence",
    "civil_proceedings",
    "share_with_agencies",
)
# Kinds recorded before the catalogue existed, printed as the catalogue's item.
CONSENT_ALIASES = {"medical-records": "medical_records_access"}


@dataclass(frozen=True)
class Consent:
    kind: str
    state: str  # "given" | "withdrawn"
    at: str
    note: str = ""  # the interviewer's remark, never printed
    limit: str = ""  # a limit the witness put on it ("GP records 1990-1995 only"), printed


@dataclass(frozen=True)
class Participant:
    role: str
    name: str
    language: str | None = None
    member_id: str | None = None  # a member of the organisation's trust file

    @property
    def outside_evidential_chain(self) -> bool:
        return self.role == "isva"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"role": self.role, "name": self.name}
        if self.language:
            data["language"] = self.language
        if self.member_id:
            data["member_id"] = self.member_id
        if self.outside_evidential_chain:
            data["outside_evidential_chain"] = True
        return data


@dataclass(frozen=True)
class Pause:
    number: int
    kind: str  # "pause" | "interruption"
    started: str
    ended: str | None
    requested_by: str | None  # None: not recorded (nobody answered yet; completed later)
    reason: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "started": self.started,
            "ended": self.ended,
            "requested_by": self.requested_by,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Place:
    """Where the interviewer was: restored exactly on resume."""

    phase: str | None
    section: str | None
    position: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Sitting:
    id: str
    case_id: str
    number: int
    state: str  # "running" | "paused" | "ended"
    location: str
    started: str
    ended: str | None
    active_seconds: float
    interruptions: int
    place: Place
    present: tuple[Participant, ...] = ()
    pauses: tuple[Pause, ...] = ()
    statement_id: str | None = None  # the statement it took (not in the record's JSON)

    @property
    def open(self) -> bool:
        return self.state != "ended"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "state": self.state,
            "location": self.location,
            "started": self.started,
            "ended": self.ended,
            "active_seconds": round(self.active_seconds, 3),
            "interrupted": self.interruptions,
            "place": self.place.to_json(),
            "present": [p.to_json() for p in self.present],
            "pauses": [p.to_json() for p in self.pauses],
        }


@dataclass(frozen=True)
class Statement:
    id: str
    number: int
    status: str
    follows: str | None
    readback_confirmed: str | None
    signed: str | None
    reader: str | None = None


@dataclass(frozen=True)
class SectionText:
    id: str
    title: str
    text: str
    revision: int


@dataclass(frozen=True)
class TimelineEvent:
    id: int
    when: str
    earliest: str
    latest: str
    precision: str
    uncertain: bool
    what: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PacingEvent:
    """A gentle suggestion for the interviewer; never forces anything."""

    kind: str  # "break_due" | "long_sitting" | "long_day" | "checkin"
    case_id: str
    sitting_id: str
    at: str
    detail: dict[str, Any] = field(default_factory=dict)
