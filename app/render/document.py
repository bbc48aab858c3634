"""The data the PDF renderers take: plain frozen values the interview engine fills in.

Keeping these free of behaviour lets the engine, the vault and the tests build them
without touching reportlab, and keeps the restricted details a separate type so they
cannot be passed to the statement renderer by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Stroke:
    """One pen-down to pen-up line, in the pad's coordinate space (y grows downwards)."""

    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class SignatureArt:
    """The survivor's signature: vector strokes from the pad or an SVG, or an image."""

    strokes: tuple[Stroke, ...] = ()
    width: float = 400.0
    height: float = 150.0
    image: bytes | None = None
    media_type: str | None = None


@dataclass(frozen=True)
class SittingTimes:
    """When one sitting started and finished, and where (printed on the statement)."""

    started: datetime
    ended: datetime | None
    place: str = ""


@dataclass(frozen=True)
class ExhibitLine:
    """An exhibit the statement produces: its reference ("RP/1") and description."""

    reference: str
    description: str


@dataclass(frozen=True)
class StatementDocument:
    witness_name: str
    age_if_under_18: int | None
    paragraphs: tuple[str, ...]  # the survivor's words only, in order
    signature: SignatureArt
    interviewer_name: str
    signed_on: date
    place: str
    reference: str  # the case reference (URN-like)
    statement_number: int = 1
    read_by_witness: bool = True  # False -> the reader's declaration is printed
    reader_name: str | None = None
    language: str = "en"
    corrections: int = 0  # read-back corrections (each kept in the bundle's history.json)
    # What binds the PDF to its record: written into the signed document's Keywords.
    binding: str = ""
    marking: str = "OFFICIAL-SENSITIVE"  # the organisation's protective marking
    created: datetime | None = None  # the PDF's creation date: when the witness signed
    organisation: str = ""  # the statement taker's organisation
    witnessed_by: str = ""  # "NAME (role)": who witnessed the signature on every page
    over_18: bool | None = True  # None: nobody recorded the witness's age
    occupation: str = ""
    # Format 2 (the statement issue's items 3, 4 and 6, and the Welsh statement):
    language_code: str = "en"  # "en" | "cy": the statement's language, its /Lang too
    # The s.9 declaration as the organisation approved it, with "{n}" where the page
    # count goes; None: the built-in English wording (Welsh has no built-in wording).
    declaration: str | None = None
    signed_at: datetime | None = None  # when the witness signed (printed with the time)
    sittings: tuple[SittingTimes, ...] = ()
    visually_recorded: bool | None = None  # None: not recorded
    abe_reference: str = ""  # the visual recording's reference when recorded
    exhibits: tuple[ExhibitLine, ...] = ()
    # Initials per page (index 0 is page 1) when the organisation requires them.
    initials: tuple[SignatureArt | None, ...] = ()
    # Rendered for the witness to confirm page by page before signing: the signature
    # places are left empty (`signature` may then be empty art).
    unsigned: bool = False


@dataclass(frozen=True)
class RestrictedDetails:
    """The MG11 back page: never inside the statement PDF."""

    witness_name: str
    reference: str
    date_of_birth: str | None
    address: str | None
    phone: str | None
    email: str | None
    safe_contact: str | None
    safe_times: str | None
    voicemail_safe: bool | None
    letters_safe: bool | None
    dates_to_avoid: str | None
    special_measures: str | None
    other_needs: str | None
    consents: tuple[tuple[str, str, str], ...]  # (what, "given"|"withdrawn", ISO date-time)
    victim_personal_statement_offered: bool | None
    marking: str = "OFFICIAL-SENSITIVE"  # the organisation's protective marking
    created: datetime | None = None  # the PDF's creation date: when the witness signed
    # Format 2: the MG11 back page's items.
    case_id: str = ""  # written into the PDF's Keywords (verify checks it is this case's)
    language_code: str = "en"  # "en" | "cy", as the statement
    consent_items: tuple[ConsentItem, ...] = ()
    process_explained: bool | None = None  # the criminal justice process and VPS scheme
    leaflet_given: bool | None = None  # "Giving a witness statement… what happens next?"
    willing_to_attend_court: str | None = None  # "yes" | "no" | "not_sure"
    court_note: str | None = None  # what would help them attend, or why not
    witness_service_referral: bool | None = None  # consent to details going to it
    consent_signature: SignatureArt | None = None  # the witness's, for the consents


@dataclass(frozen=True)
class ConsentItem:
    """One MG11 consent as printed: its kind (a catalogue key such as
    "medical_records_access", or free text), given / withdrawn / not asked, when, and
    any limit the witness put on it ("GP records 1990-1995 only")."""

    kind: str
    state: str  # "given" | "withdrawn"
    at: str
    limit: str = ""
