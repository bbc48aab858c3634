"""The statement's pages as the witness confirms them before signing, and signing them.

Before the witness signs, the statement is rendered exactly as the export will render it
(app/export/record.py's document, with the signature places left empty) and shown to them
page by page; the engine records each page they confirm with its text's hash
(app/export/page_text.py). Just before signing, the pages are rendered again and must
hash as confirmed (`statement.pages_changed` otherwise: a correction, a new day…);
export checks the signed PDF's pages once more (`export.pages_changed`), and the record
says how it was done (`confirmation_record`).

    statement_pages(engine, ref)     the pages now: number, hash, text, PNG on demand
    render_pages(engine, ref)        the same with the declaration and page count
    confirm_shown_page(…)            one page, checked against the pages as they are now
    confirm_all_pages(engine, ref)   every page (the CLI's --pages-confirmed)
    sign_confirmed(engine, ref, …)   sign, once every page is confirmed and unchanged
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from typing import Any

from app.engine.clock import parse_stamp, stamp
from app.engine.engine import Engine
from app.engine.pages import PageConfirmation
from app.engine.signing import PLACEHOLDER, checked_signature, english_declaration, stored_art
from app.errors import UsageError
from app.export import record as rec
from app.export.page_text import METHOD, TEXT_HASH, page_hashes, page_png, page_texts, text_hash
from app.render.mg11 import render_statement
from app.render.signature_art import SignatureArt

__all__ = [
    "PageView",
    "StatementPages",
    "check_export_pages",
    "confirm_all_pages",
    "confirm_shown_page",
    "confirmation_record",
    "initials_art",
    "page_hashes",
    "render_pages",
    "sign_confirmed",
    "statement_pages",
]


@dataclass(frozen=True)
class PageView:
    """One page as the witness is shown it: its number (from 1), the hash they confirm,
    its text (for reading aloud), and its image on demand."""

    number: int
    sha256: str
    text: str = field(repr=False)
    pdf: bytes = field(repr=False, compare=False)  # the whole render, shared by its pages

    def png(self, width: int) -> bytes:
        """The page as PNG bytes, `width` pixels wide, made in memory only."""
        return page_png(self.pdf, self.number - 1, width)


@dataclass(frozen=True)
class StatementPages:
    """The statement rendered for the witness to confirm before signing."""

    pages: tuple[PageView, ...]
    declaration: str  # the s.9 declaration as printed, with the page count filled in
    language: str  # the statement's language: "en" | "cy"
    rendered: datetime  # the moment the pages stand for (their date is that day's)
    initials_each_page: bool  # the organisation asks for initials on each page
    pdf: bytes = field(repr=False)

    @property
    def count(self) -> int:
        return len(self.pages)

    @property
    def hashes(self) -> tuple[str, ...]:
        return tuple(p.sha256 for p in self.pages)


def _author(engine: Engine, fallback: str) -> tuple[str, str]:
    """(the statement taker's name, their organisation) as the export prints them."""
    try:
        name = engine.identity().name or fallback
    except UsageError as exc:
        if exc.code != "identity.none":
            raise
        name = fallback
    trust = engine.trust()
    return name, trust.organisation if trust else ""


def render_pages(engine: Engine, ref: str) -> StatementPages:
    """Render the current statement (not signed yet) as it will be exported, its signing
    time taken as now, and hash each page."""
    statement = engine.statement(ref)
    if statement.status == "signed":
        raise UsageError("statement.already_signed", "this statement is already signed")
    moment = parse_stamp(engine.now())  # as stored: what signing now would record
    collected = rec.collect(engine, ref, unsigned=True)
    # The date beside the signature (and the age on it) is today's: the witness signs
    # the pages they confirm on the same day, or confirms them again.
    signing = dataclasses.replace(collected.statement, signed=stamp(moment))
    collected = dataclasses.replace(collected, statement=signing)
    name, organisation = _author(engine, collected.case.interviewer)
    trust = engine.trust()
    initialled = bool(trust and getattr(trust.policy, "initials_each_page", False))
    document = rec.statement_document(
        collected,
        name,
        organisation=organisation,
        unsigned=True,
        # Each page's "Initials:" place, empty until they initial it (the words and the
        # layout are then those of the exported pages).
        initials=(None,) if initialled else (),
    )
    pdf = render_statement(document)
    pages = tuple(
        PageView(i + 1, text_hash(text, moment), text, pdf)
        for i, text in enumerate(page_texts(pdf))
    )
    return StatementPages(
        pages=pages,
        declaration=_declaration(document.declaration, len(pages)),
        language=collected.case.statement_language,
        rendered=moment,
        initials_each_page=initialled,
        pdf=pdf,
    )


def _declaration(text: str | None, count: int) -> str:
    """The declaration as the statement prints it, the page count filled in."""
    return (text or english_declaration()).replace(PLACEHOLDER, str(count))


def statement_pages(engine: Engine, ref: str) -> list[PageView]:
    """The statement's pages as they stand now (see `render_pages`)."""
    return list(render_pages(engine, ref).pages)


def confirm_shown_page(
    engine: Engine,
    ref: str,
    page: int,
    sha256: str,
    *,
    initials: bytes | None = None,
    initials_type: str | None = None,
) -> PageConfirmation:
    """Record the witness's confirmation of page `page`, whose hash they were shown: it
    must still be that page's hash now, or nothing is recorded."""
    engine.check_can_confirm_pages(ref)
    pages = render_pages(engine, ref)
    if not 1 <= page <= pages.count:
        raise UsageError(
            "statement.page_number",
            "there is no page {page} in a statement of {pages} page(s)",
            page=page,
            pages=pages.count,
        )
    if pages.pages[page - 1].sha256 != sha256:
        raise UsageError(
            "statement.page_not_current",
            "page {page} is not the page with that SHA-256 any more (the statement changed, "
            "or a new day began since it was shown); show it again ('statement pages')",
            page=page,
        )
    return engine.confirm_page(
        ref, page, pages.count, sha256, initials=initials, initials_type=initials_type
    )


def confirm_all_pages(engine: Engine, ref: str) -> list[PageConfirmation]:
    """Every page as rendered now, confirmed (the witness confirmed each page on screen:
    the CLI's `statement sign --pages-confirmed`); the declaration shown with them."""
    engine.check_can_confirm_pages(ref)
    pages = render_pages(engine, ref)
    engine.declaration_shown(ref, pages=pages.count)
    return [engine.confirm_page(ref, p.number, pages.count, p.sha256) for p in pages.pages]


def sign_confirmed(
    engine: Engine,
    ref: str,
    signature: bytes,
    media_type: str | None = None,
    *,
    confirm_all: bool = False,
    end_sitting: bool = False,
    **options: Any,
) -> dict[str, Any]:
    """Sign the statement, refused unless every page the witness confirmed is still the
    page that will be exported (`statement.pages_changed`). `confirm_all`: every page as
    it stands is confirmed first (see confirm_all_pages); `end_sitting`: a sitting still
    open is ended first (its end is printed on the pages). Other options go to
    `Engine.sign_statement`."""
    # Bad input first, as the engine does, so a refused signature leaves nothing behind.
    media_type, _ = checked_signature(signature, media_type)
    if options.get("consent_signature") is not None:
        checked_signature(options["consent_signature"], options.get("consent_signature_type"))
    statement = engine.statement(ref)
    ready = statement.status == "read_back" and bool(statement.readback_confirmed)
    if ready and (end_sitting or confirm_all):
        engine.check_can_sign(ref)  # refused before the sitting ends or pages are confirmed
    if ready and end_sitting and engine.current_sitting(ref) is not None:
        engine.end_sitting(ref)
    if ready and confirm_all:
        confirm_all_pages(engine, ref)
    confirmed = engine.page_confirmations(ref)
    if ready and confirmed and not confirm_all:  # just rendered and confirmed otherwise
        _refuse_changed(engine, ref, confirmed)
    if end_sitting:
        options["end_sitting"] = True  # one opened since: the engine ends it (and says so)
    # The engine refuses in its own order (already signed, not read back…, and pages not
    # all confirmed): those refusals need no rendering.
    return engine.sign_statement(ref, signature, media_type, **options)


def _refuse_changed(engine: Engine, ref: str, confirmed: list[PageConfirmation]) -> None:
    total = confirmed[-1].pages
    if len(confirmed) != total or [c.page for c in confirmed] != list(range(1, total + 1)):
        return  # not all confirmed: the engine says how many are
    now = render_pages(engine, ref)
    if now.hashes != tuple(c.sha256 for c in confirmed):
        raise UsageError(
            "statement.pages_changed",
            "the statement's pages are not the pages the witness confirmed (a correction, a "
            "changed detail, or a new day: the date beside the signature is the day they "
            "confirm the pages, so they sign the same day); nothing was signed: show them "
            "the pages again",
        )


# --- export -------------------------------------------------------------------------


def initials_art(engine: Engine, ref: str) -> tuple[SignatureArt | None, ...]:
    """The witness's initials per page (index 0 is page 1), for the exported statement;
    empty when they initialled none (the pages then have no place for initials)."""
    confirmed = engine.page_confirmations(ref)
    if all(c.initials is None for c in confirmed):
        return ()
    return tuple(
        stored_art(c.initials, c.initials_type or "") if c.initials is not None else None
        for c in confirmed
    )


def check_export_pages(engine: Engine, ref: str, pdf: bytes) -> None:
    """The signed statement's pages must be the pages the witness confirmed; statements
    signed before pages were confirmed (no confirmations at all) pass as they are."""
    confirmed = engine.page_confirmations(ref)
    if not confirmed:
        return
    signed = engine.statement(ref).signed
    found = page_hashes(pdf, parse_stamp(signed) if signed else None)
    if found != [c.sha256 for c in confirmed]:
        raise UsageError(
            "export.pages_changed",
            "the statement's pages as they would be exported are not the pages the witness "
            "confirmed before signing (the organisation's marking or name, or the statement "
            "taker's name, may have changed since), so nothing was exported",
        )


def confirmation_record(engine: Engine, ref: str, signed_pdf: bytes) -> dict[str, Any] | None:
    """The record's `page_confirmation` block (record-v2), or None for a statement
    signed before pages were confirmed one by one."""
    confirmed = engine.page_confirmations(ref)
    if not confirmed:
        return None
    return {
        "method": METHOD,
        "text_hash": TEXT_HASH,
        "declaration_shown": engine.declaration_shown_at(ref),
        "witness_signed": engine.statement(ref).signed,
        "pdf_signed": pdf_signing_time(signed_pdf),
        "pages": [
            {
                "page": c.page,
                "sha256": c.sha256,
                "confirmed": c.confirmed,
                "initials": c.initials is not None,
            }
            for c in confirmed
        ],
    }


def pdf_signing_time(pdf: bytes) -> str | None:
    """The signing time the PDF's (last) PAdES signature reports, as the engine stamps
    times; None when it reports none."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    signatures = PdfFileReader(BytesIO(pdf)).embedded_signatures
    when = signatures[-1].self_reported_timestamp if signatures else None
    return stamp(when) if when is not None else None
