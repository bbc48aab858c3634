"""The text of a statement PDF's pages and the hash the witness's confirmation names.

The witness confirms each page of the statement before signing; what they confirmed is
pinned by a hash of that page's text, which anyone can recompute from statement.pdf:

    SHA-256 (hex) of the page's text as pypdfium2 extracts it, in Unicode NFC, with all
    whitespace removed (so extraction's spacing and line breaks do not count), and with
    the witness's signing time left out: the ", H:MM" (UK or UTC time) after "Date and
    time:" (or the Welsh "Dyddiad ac amser:") and a date.

The signing time is left out because it is part of signing, not of what the witness
read: the pages are shown before they sign, and the moment of signing is printed beside
the signature only once it exists. Everything else on the page counts, the page count and
the date included, so the witness confirms and signs on the same day.

Also the verify check "pages confirmed by the witness" (a bundle's record against its
statement.pdf) and page images rendered in memory for the screen, never to disk.
PDFium is not thread-safe: every use here holds PDFIUM_LOCK (the review's pages too).
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from app.engine.clock import parse_stamp
from app.errors import Phrase
from app.export.report import NO_RECORD_FOR_THEM, Report, joined

PDFIUM_LOCK = threading.Lock()
UK = ZoneInfo("Europe/London")
CHECK = "pages confirmed by the witness"
METHOD = (
    "each page shown on screen and confirmed by the witness; one signature captured after "
    "the last page and reproduced on every confirmed page"
)
TEXT_HASH = (
    "sha256 of the page's text, NFC, whitespace removed (and the witness's signing time, "
    "', H:MM' in UK or UTC time after 'Date and time:' or 'Dyddiad ac amser:' and a date, "
    "left out)"
)
# The labels the statement prints the witness's signing time after (English, Welsh): only
# ever added to, so a bundle made with an older wording still verifies.
SIGNING_TIME_LABELS = ("Date and time:", "Dyddiad ac amser:")
MAX_PAGE_WIDTH = 4000  # pixels: the widest page image the screen may ask for


class TooManyPages(ValueError):
    """The PDF has more pages than expected: its text is not read (a verifier is given
    PDFs from outside, and reading every page of a huge one would take too long)."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} pages")
        self.count = count


def page_texts(pdf: bytes, *, most: int | None = None) -> list[str]:
    """Each page's text, as pypdfium2 extracts it (the page count drawn by a form
    XObject included). `most`: refuse (TooManyPages) a PDF with more pages."""
    import pypdfium2

    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            if most is not None and len(document) > most:
                raise TooManyPages(len(document))
            texts = []
            for index in range(len(document)):
                page = document[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        texts.append(str(textpage.get_text_range()))
                    finally:
                        textpage.close()
                finally:
                    page.close()
            return texts
        finally:
            document.close()


def _without_signing_time(flat: str, signed_at: datetime) -> str:
    # Only after its label: a sitting that began in the same minute keeps its time.
    labels = "|".join(
        re.escape("".join(unicodedata.normalize("NFC", label).split()))
        for label in SIGNING_TIME_LABELS
    )
    for zone in (UK, UTC):
        moment = signed_at.astimezone(zone)
        time = rf"0?{moment.hour}:{moment.minute:02d}(?::\d{{2}})?(?!\d)"
        flat = re.sub(rf"((?:{labels})\d{{1,2}}[^\W\d_]+\.?\d{{4}}),?{time}", r"\1", flat)
    return flat


def text_hash(text: str, signed_at: datetime | None = None) -> str:
    """The hash of one page's text (see the module's docstring)."""
    flat = "".join(unicodedata.normalize("NFC", text).split())
    if signed_at is not None:
        flat = _without_signing_time(flat, signed_at)
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()


def page_hashes(
    pdf: bytes, signed_at: datetime | None = None, *, most: int | None = None
) -> list[str]:
    """Each page's hash; `signed_at`: the witness's signing time printed on the pages
    (for the pages shown before signing: the moment they were rendered). `most`: as for
    page_texts."""
    return [text_hash(text, signed_at) for text in page_texts(pdf, most=most)]


# --- page images, in memory ----------------------------------------------------------


@dataclass(frozen=True)
class PagePixels:
    """One rendered page: 8-bit RGB pixels, rows `stride` bytes apart."""

    width: int
    height: int
    stride: int
    pixels: bytes = field(repr=False)


def page_pixels(pdf: bytes, index: int, width: int) -> PagePixels:
    """Page `index` (from 0), `width` pixels wide (within limits), rendered in memory."""
    import pypdfium2

    width = max(100, min(int(width), MAX_PAGE_WIDTH))
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            # Form fields are drawn only with the form environment: the interviewer's
            # visible signature is one, and a printout shows it.
            document.init_forms()
            page = document[index]
            try:
                bitmap = page.render(
                    scale=width / page.get_width(), rev_byteorder=True, may_draw_forms=True
                )
                return PagePixels(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            finally:
                page.close()
        finally:
            document.close()


def page_png(pdf: bytes, index: int, width: int) -> bytes:
    """Page `index` as PNG bytes, `width` pixels wide, made in memory (never a file)."""
    from PIL import Image

    pixels = page_pixels(pdf, index, width)
    image = Image.frombuffer(
        "RGB", (pixels.width, pixels.height), pixels.pixels, "raw", "RGB", pixels.stride, 1
    )
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# --- verify -----------------------------------------------------------------------------


def check_pages(report: Report, pdf: bytes, record: dict[str, Any] | None) -> None:
    """Format 2: the pages of statement.pdf are the pages the witness confirmed, one by
    one (their hashes in the record). Records of statements signed before pages were
    confirmed (`page_confirmation` null) say so, and pass."""
    if record is None:
        report.add(CHECK, False, NO_RECORD_FOR_THEM)
        return
    block = record.get("page_confirmation")
    if block is None:
        report.add(
            CHECK,
            True,
            Phrase(
                "report.pages_not_recorded",
                "not recorded: the statement was signed before pages were confirmed one by one",
            ),
        )
        return
    confirmed = [entry["sha256"] for entry in block["pages"]]
    numbers = [entry["page"] for entry in block["pages"]]
    try:
        found = page_hashes(pdf, parse_stamp(block["witness_signed"]), most=len(confirmed))
    except TooManyPages as more:
        report.add(CHECK, False, _page_count(more.count, len(confirmed)))
        return
    except Exception:  # pdfium's own errors for a damaged PDF are not one type
        report.add(
            CHECK,
            False,
            Phrase("report.pages_unreadable", "statement.pdf's pages could not be read"),
        )
        return
    problems = []
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(Phrase("report.pages_order", "the record does not list the pages in order"))
    if len(found) != len(confirmed):
        problems.append(_page_count(len(found), len(confirmed)))
    pairs = zip(found, confirmed, strict=False)  # a different count is reported above
    changed = [str(i + 1) for i, (now, then) in enumerate(pairs) if now != then]
    if changed:
        problems.append(
            Phrase(
                "report.pages_changed",
                "the text of page(s) {pages} is not what the witness confirmed",
                pages=", ".join(changed),
            )
        )
    report.add(
        CHECK,
        not problems,
        joined(problems)
        or Phrase(
            "report.pages",
            "all {count} page(s) are the pages the witness confirmed on screen",
            count=len(found),
        ),
    )


def _page_count(found: int, confirmed: int) -> Phrase:
    return Phrase(
        "report.pages_count",
        "statement.pdf has {found} page(s); the witness confirmed {confirmed}",
        found=found,
        confirmed=confirmed,
    )
