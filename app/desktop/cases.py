"""Cases from the desktop's side: the case list, a reference already in use, creating a
case with everything the new-case flow's six steps collected, and what can be recorded
about a case afterwards (the statement's language, the witness's signature for the
consents, a guide hint dismissed with a reason, the guide's structured fields).

Each task takes the Session first (ui/backend.py's `Backend.run` calls it on the worker
thread) and returns plain data. A new case is created in ONE engine transaction
(Engine.create_case_with_details): everything is stored, or nothing. The engine's own
checks are the only ones; when it refuses, the Outcome names the part and the detail it
refused (DetailRefusal), so the flow can show the engine's sentence on the step where
that detail was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, TypeAlias

from app.desktop.session import Session
from app.engine.case_details import CaseDetails
from app.engine.cases import parse_date_of_birth
from app.engine.engine import Engine
from app.engine.models import (
    COURT_ANSWERS,
    MG11_CONSENTS,
    STATEMENT_LANGUAGES,
    Case,
)
from app.engine.signing import STROKES_TYPE
from app.errors import Phrase, QuietroomError

__all__ = [
    "COURT_ANSWERS",
    "MG11_CONSENTS",
    "STATEMENT_LANGUAGES",
    "CaseRow",
    "FieldValue",
    "Outcome",
    "case_fields",
    "create_new_case",
    "date_of_birth_valid",
    "dismiss_hint",
    "load_cases",
    "reference_taken",
    "set_case_field",
    "set_consent_signature",
    "set_statement_language",
]

# A structured field's value as the core stores it: text (text, longtext), one choice
# (choice), a number (number), the choices made (multichoice).
FieldValue: TypeAlias = str | float | list[str]


class CaseRow(NamedTuple):
    """One row of the case list."""

    case: Case
    name: str  # the survivor's name
    preferred: str  # and the name they prefer
    # For a case at read-back: whether the witness has confirmed it (the list says "read
    # back" only then, never because the read-back screen was opened).
    readback_confirmed: bool = False


def load_cases(
    session: Session, search: str, category: str | None, status: str | None
) -> list[CaseRow]:
    """The matching cases with the survivor's names (a few small reads per case)."""
    engine = session.engine
    rows = []
    for case in engine.list_cases(search=search or None, category=category, status=status):
        witness = engine.witness(case.id)
        confirmed = (
            case.status == "read_back" and engine.statement(case.id).readback_confirmed is not None
        )
        rows.append(
            CaseRow(
                case,
                str(witness.get("name") or ""),
                str(witness.get("preferred_name") or ""),
                confirmed,
            )
        )
    return rows


def _taken(engine: Engine, reference: str) -> bool:
    reference = reference.strip()
    return any(c.reference == reference for c in engine.list_cases(search=reference))


def reference_taken(session: Session, reference: str) -> bool:
    """Does a case already use exactly this reference?"""
    return _taken(session.engine, reference)


def date_of_birth_valid(value: str, today: date | None = None) -> bool:
    """Would the core store this date of birth (YYYY-MM-DD or DD/MM/YYYY, a real date in
    the past, not before 1900)? The engine's own check, quick and pure: the flow asks on
    the GUI thread before it leaves the step, so a slip is shown where it was typed."""
    try:
        parse_date_of_birth(value, today or date.today())
    except QuietroomError:
        return False
    return True


@dataclass(frozen=True)
class Outcome:
    """What became of a new case: its id, or why nothing at all was stored."""

    case_id: str | None = None
    problem: str = ""  # "" | "duplicate" (the reference is taken) | "refused"
    part: str = "case"  # the part refused: case, witness, restricted, consents, present
    field: str | None = None  # the detail refused (see DetailRefusal.field), if known
    message: str = ""  # the core's sentence, shown only to the interviewer
    phrase: Phrase | None = None  # the same as a value (code, template), to translate


def create_new_case(session: Session, details: CaseDetails) -> Outcome:
    """Create the case with everything the flow collected, in one transaction."""
    engine = session.engine
    try:
        case = engine.create_case_with_details(details)
    except QuietroomError as exc:
        refusal = engine.check_case_details(details)
        if refusal is not None:
            return Outcome(
                problem="refused",
                part=refusal.part,
                field=refusal.field,
                message=str(refusal.error),
                phrase=refusal.error.phrase,
            )
        problem = "duplicate" if _taken(engine, details.reference) else "refused"
        # (a reference taken meanwhile: by the command line, say, while the flow was typed)
        return Outcome(
            problem=problem,
            field="reference" if problem == "duplicate" else None,
            message=str(exc),
            phrase=exc.phrase,
        )
    return Outcome(case.id)


def set_statement_language(session: Session, ref: str, language: str) -> Case:
    """Change the language the statement is written in ("en" or "cy"), until signed."""
    return session.engine.set_statement_language(ref, language)


def set_consent_signature(session: Session, ref: str, strokes: bytes) -> dict[str, object]:
    """The witness's signature for the back page's consents, from the signature pad
    (STROKES_TYPE JSON, UTF-8); refused once the statement is signed."""
    return session.engine.set_consent_signature(ref, strokes, STROKES_TYPE)


def dismiss_hint(session: Session, ref: str, rule: str, reason: str | None) -> dict[str, object]:
    """A guide's quiet hint about a question dismissed, with the reason for the record."""
    return session.engine.dismiss_hint(ref, rule, reason)


def case_fields(session: Session, ref: str) -> dict[str, FieldValue]:
    """The values recorded for the case's guide fields, by field id; a field never set
    is absent. The fields themselves (labels, help, choices) are the case's guide's."""
    return session.engine.fields(ref)


def set_case_field(
    session: Session, ref: str, field_id: str, value: FieldValue
) -> FieldValue | None:
    """Record one of the guide's structured fields (beside the statement, never in it);
    the core's check is the only one (an unknown field, a value not among the choices,
    text too long or with control characters is refused with its message). The value as
    now stored (text is kept stripped)."""
    engine = session.engine
    engine.set_field(ref, field_id, value)
    return engine.fields(ref).get(field_id)
