"""Supervisor review from the desktop's side: the inbox, reading a review, its pages,
the restricted details on request, deciding, and (for the interviewer) importing a
decision.

Each task takes the Session first (ui/backend.py's `Backend.run` calls it on the worker
thread) and returns plain data. The statement PDF is decrypted and rendered in memory
(pypdfium2) into page images handed to the screen as PNG bytes: nothing readable is
ever written to disk. Reading, and looking at the restricted details, are noted in the
review's own record by the core.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.desktop.session import Session
from app.engine.reviews import CaseDecision, ReviewItem
from app.errors import UsageError
from app.export.checks import Report
from app.export.page_text import PDFIUM_LOCK, page_pixels
from app.review.checklist import (
    ANSWERS,
    MAX_COMMENT_CHARS,
    Answers,
    ItemAnswer,
    check_comment,
    checklist_for,
)
from app.review.decision import MAX_COMMENTS, DecisionResult, decide
from app.review.decision_verify import Imported, import_decision
from app.review.inbox import Opened, is_supervisor, open_for_review, read_review
from app.review.inbox import restricted_details as core_restricted_details
from app.review.summary import RecordSummary

__all__ = [
    "ANSWERS",
    "MAX_COMMENTS",
    "MAX_COMMENT_CHARS",
    "CaseDecision",
    "ChecklistEntry",
    "DecisionResult",
    "Imported",
    "Opened",
    "PageImage",
    "ReviewItem",
    "ReviewPages",
    "case_decisions",
    "check_comment",
    "checklist_for",
    "decide_review",
    "import_decision_file",
    "inbox",
    "open_bundle_for_review",
    "open_review",
    "render_page",
    "restricted_details",
    "review_checklist",
    "role_can_review",
]

# Pages are rendered at most this wide (pixels), whatever the zoom asks for.
MAX_PAGE_WIDTH = 4000


@dataclass(frozen=True)
class ReviewPages:
    """A review opened for reading: what the reading view shows beside the pages."""

    review: ReviewItem
    report: Report
    summary: RecordSummary
    page_count: int
    # The decrypted PDF stays in memory only, inside this object, for `render_page`.
    pdf: bytes = field(repr=False)


@dataclass(frozen=True)
class ChecklistEntry:
    id: str
    text: str


def role_can_review(session: Session) -> bool:
    """True when this vault's identity is a supervisor in its trust file."""
    try:
        return is_supervisor(session.engine)
    except UsageError:  # no identity or trust file yet
        return False


def open_bundle_for_review(session: Session, path: Path) -> Opened:
    """Verify a bundle and keep it for review (a failing one: the report, nothing kept)."""
    return open_for_review(session.engine, path)


def inbox(session: Session) -> list[ReviewItem]:
    return session.engine.reviews()


# PDFium is not thread-safe: one lock for every use of it (verify reads page texts too).
_pdfium_lock = PDFIUM_LOCK


def _page_count(pdf: bytes) -> int:
    import pypdfium2

    with _pdfium_lock:
        document = pypdfium2.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def open_review(session: Session, review_id: str) -> ReviewPages:
    """Decrypt and re-verify a review in memory, for the reading view."""
    contents = read_review(session.engine, review_id)
    return ReviewPages(
        review=contents.review,
        report=contents.report,
        summary=contents.summary,
        page_count=_page_count(contents.statement_pdf),
        pdf=contents.statement_pdf,
    )


@dataclass(frozen=True)
class PageImage:
    """One rendered page: 8-bit RGB pixels, rows `stride` bytes apart (a QImage with
    Format_RGB888 takes them as they are; no image file is ever made)."""

    index: int
    width: int
    height: int
    stride: int
    pixels: bytes = field(repr=False)


def render_page(_session: Session, pages: ReviewPages, index: int, width: int) -> PageImage:
    """Page `index` (from 0), `width` pixels wide, rendered in memory."""
    drawn = page_pixels(pages.pdf, index, width)  # RGB, forms (the visible signature) drawn
    return PageImage(index, drawn.width, drawn.height, drawn.stride, drawn.pixels)


def restricted_details(session: Session, review_id: str) -> dict[str, Any]:
    """The survivor's restricted details; noted in the review's record each time."""
    return core_restricted_details(session.engine, review_id)


def review_checklist(session: Session, review_id: str) -> list[ChecklistEntry]:
    """The checklist for the review's category, in the guide's order."""
    category = session.engine.review(review_id).category
    return [ChecklistEntry(item.id, item.text) for item in checklist_for(category)]


def decide_review(
    session: Session,
    review_id: str,
    approve: bool,
    comments: str,
    answers: dict[str, tuple[str, str]],
    out: Path,
) -> DecisionResult:
    """Approve (countersigning the PDF) or return the review, writing the .qrr to `out`.
    `answers` maps item id to (answer, comment)."""
    parsed = Answers(tuple(ItemAnswer(k, a, c) for k, (a, c) in answers.items()))
    return decide(
        session.engine, review_id, approve=approve, comments=comments, answers=parsed, out=out
    )


def import_decision_file(session: Session, path: Path) -> Imported:
    """The interviewer's side: verify a supervisor's decision and keep it on the case."""
    return import_decision(session.engine, path)


def case_decisions(session: Session, ref: str) -> list[CaseDecision]:
    return session.engine.case_decisions(ref)
