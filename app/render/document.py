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
