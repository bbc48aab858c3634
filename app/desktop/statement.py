"""The statement at the end of the interview, from the desktop's side: read back in
large print, corrected at the witness's request, confirmed, then signed on the pad.

Signing is a short sequence (ui/screens/signature.py): a sitting still open is ended
first (its end is printed on the statement); the s.9 declaration is shown with the page
count it will have (`load_signing`, `show_declaration`); each page is shown as the export
will print it and confirmed by the witness (`render_signing_page`, `confirm_signing_page`,
app/export/pages.py); then they sign once (`sign`), which checks that the pages are still
the ones they confirmed.

Read-back shows the survivor's words only (the sections), with the corrections made
during read-back listed by time. The engine decides what is allowed at each step (no
read-back of an empty statement, no signature before the confirmation); its refusal
reaches the screen as the task's error. Each task takes the Session first (ui/backend.py's
`Backend.run` calls it on the worker thread) and returns plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from app.desktop.review import PageImage
from app.desktop.session import Session
from app.desktop.workspace import screen_guide
from app.engine.models import SectionText, Sitting
from app.engine.statements import STROKES_TYPE
from app.export.page_text import page_pixels
from app.export.pages import render_pages, sign_confirmed


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


def load_readback(session: Session, ref: str, start: bool, language: str = "en") -> ReadBack:
    """The statement for read-back. `start`: read-back begins now (idempotent; refused
    for a signed or empty statement) and showing the text is logged as a view. Section
    titles are in `language`, the interface's (the survivor reads them), by section id
    from the guide the workspace shows; the words are the survivor's own."""
    engine = session.engine
    if start:
        engine.start_readback(ref)
    titles = {s.id: s.title for s in screen_guide(session, engine.case(ref), language).sections}
    sections = [
        replace(s, title=titles.get(s.id, s.title)) for s in engine.sections(ref, audit_view=start)
    ]
    corrections = [
        Correction(s.id, s.title, str(rev["created"]), int(rev["revision"]))
        for s in sections
        for rev in engine.section_history(ref, s.id)
        if rev["kind"] == "correction"
    ]
    corrections.sort(key=lambda c: (c.at, c.revision))
    return ReadBack(sections, corrections)


def save_correction(
    session: Session, ref: str, section: str, text: str, language: str = "en"
) -> ReadBack:
    """Save a section's new text; during read-back the engine records it as a correction.
    The read-back as it now stands (titles in `language`)."""
    session.engine.save_section(ref, section, text)
    return load_readback(session, ref, False, language)


def confirm_readback(session: Session, ref: str) -> None:
    """The witness confirms the statement read back is correct."""
    session.engine.confirm_readback(ref)


def case_reference(session: Session, ref: str) -> str:
    """The case's reference, as the interviewer knows it (screens hold the case's id)."""
    return session.engine.case(ref).reference


def statement_status(session: Session, ref: str) -> str:
    """The current statement's status: draft, read_back, signed or exported."""
    return session.engine.statement(ref).status


# --- signing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SigningPages:
    """The statement rendered for the witness to confirm, page by page, before signing.
    The PDF and the pages' words stay in memory only, inside this object."""

    count: int
    hashes: tuple[str, ...]
    declaration: str  # the s.9 declaration as printed, with the page count
    language: str  # the statement's language ("en" | "cy"): the declaration's
    initials_each_page: bool  # the organisation asks the witness to initial each page
    texts: tuple[str, ...] = field(repr=False)  # each page's words (the second screen)
    pdf: bytes = field(repr=False)


def open_sitting(session: Session, ref: str) -> Sitting | None:
    """The case's sitting still running or paused, if any: it ends before signing."""
    return session.engine.current_sitting(ref)


def end_open_sitting(session: Session, ref: str) -> None:
    """End the sitting still open, so the pages show when it ended."""
    if session.engine.current_sitting(ref) is not None:
        session.engine.end_sitting(ref)


def load_signing(session: Session, ref: str) -> SigningPages:
    """The statement's pages as they will be signed (refused once signed, or before the
    read-back is confirmed, or with a sitting open)."""
    engine = session.engine
    engine.check_can_confirm_pages(ref)
    shown = render_pages(engine, ref)
    return SigningPages(
        count=shown.count,
        hashes=shown.hashes,
        declaration=shown.declaration,
        language=shown.language,
        initials_each_page=shown.initials_each_page,
        texts=tuple("\n".join(p.text.splitlines()) for p in shown.pages),
        pdf=shown.pdf,
    )


def show_declaration(session: Session, ref: str, pages: SigningPages) -> str:
    """Note that the declaration, for this many pages, is on the screen now."""
    return session.engine.declaration_shown(ref, pages=pages.count)


def render_signing_page(
    _session: Session, pages: SigningPages, index: int, width: int
) -> PageImage:
    """Page `index` (from 0), `width` pixels wide, rendered in memory (no file)."""
    image = page_pixels(pages.pdf, index, width)
    return PageImage(index, image.width, image.height, image.stride, image.pixels)


def confirm_signing_page(
    session: Session, ref: str, pages: SigningPages, index: int, initials: bytes | None
) -> int:
    """The witness confirms page `index` (from 0) as shown, with their initials (pad
    strokes) when the organisation asks for them; returns the page number confirmed."""
    confirmed = session.engine.confirm_page(
        ref,
        index + 1,
        pages.count,
        pages.hashes[index],
        initials=initials,
        initials_type=STROKES_TYPE if initials is not None else None,
    )
    return confirmed.page


def sign(session: Session, ref: str, strokes: bytes) -> dict[str, Any]:
    """Sign the statement with the pad's strokes (STROKES_TYPE JSON, UTF-8), once every
    page is confirmed and still as confirmed (app/export/pages.py's sign_confirmed)."""
    return sign_confirmed(session.engine, ref, strokes, STROKES_TYPE)
