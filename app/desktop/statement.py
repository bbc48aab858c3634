"""The statement at the end of the interview, from the desktop's side: read back in
large print, corrected at the witness's request, confirmed, then signed on the pad.

Read-back shows the survivor's words only (the sections), with the corrections made
during read-back listed by time. The engine decides what is allowed at each step (no
read-back of an empty statement, no signature before the confirmation); its refusal
reaches the screen as the task's error. Each task takes the Session first (ui/backend.py's
`Backend.run` calls it on the worker thread) and returns plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.desktop.session import Session
from app.engine.models import SectionText
from app.engine.statements import STROKES_TYPE


@dataclass(frozen=True)
class Correction:
    """A section changed during read-back, at the witness's request."""

    section: str
    title: str
    at: str  # when, as the engine stamps it (parse_stamp reads it)
    revision: int


@dataclass(frozen=True)
class ReadBack:
    """What the read-back screen shows: the sections, and the corrections in time order."""

    sections: list[SectionText]
    corrections: list[Correction]


def load_readback(session: Session, ref: str, start: bool) -> ReadBack:
    """The statement for read-back. `start`: read-back begins now (idempotent; refused
    for a signed or empty statement) and showing the text is logged as a view."""
    engine = session.engine
    if start:
        engine.start_readback(ref)
    sections = engine.sections(ref, audit_view=start)
    corrections = [
        Correction(s.id, s.title, str(rev["created"]), int(rev["revision"]))
        for s in sections
        for rev in engine.section_history(ref, s.id)
        if rev["kind"] == "correction"
    ]
    corrections.sort(key=lambda c: (c.at, c.revision))
    return ReadBack(sections, corrections)


def save_correction(session: Session, ref: str, section: str, text: str) -> ReadBack:
    """Save a section's new text; during read-back the engine records it as a correction.
    The read-back as it now stands."""
    session.engine.save_section(ref, section, text)
    return load_readback(session, ref, False)


def confirm_readback(session: Session, ref: str) -> None:
    """The witness confirms the statement read back is correct."""
    session.engine.confirm_readback(ref)


def statement_status(session: Session, ref: str) -> str:
    """The current statement's status: draft, read_back, signed or exported."""
    return session.engine.statement(ref).status


def sign(session: Session, ref: str, strokes: bytes) -> dict[str, Any]:
    """Sign the statement with the pad's strokes (STROKES_TYPE JSON, UTF-8)."""
    return session.engine.sign_statement(ref, strokes, STROKES_TYPE)
