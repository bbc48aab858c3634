"""Shared type setting for the PDFs Quietroom draws (the statement and its back page).

Owns the A4 page geometry, paragraph styles, the treatment of untrusted text as plain
text, and the single-pass page count: "Page X of Y" and the declaration's page count are
drawn by a form XObject that is defined only when the last page is done, so one layout
pass is enough. The layout reserves room for the count's digits (DejaVu's figures all
have one width), so nothing moves when the number is filled in; only when the guess of
the digit count was wrong is the document laid out a second time.

The words printed are in ``wording.py``; the fonts and text cleaning in ``fonts.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from app.render.fonts import FONT, FONT_BOLD, clean, register_fonts
from app.render.wording import page_of

GREY = Color(0.25, 0.25, 0.25)
RULE = Color(0.45, 0.45, 0.45)

PAGE_W, PAGE_H = A4
MARGIN_X = 25 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X
FRAME_TOP = PAGE_H - 30 * mm
FRAME_BOTTOM = 40 * mm
TOTAL_FORM = "QuietroomPageTotal"
TOTAL_SIZE = 10  # the size the total form is drawn at; other sizes scale it


def markup(text: str) -> str:
    """Plain text as Paragraph input: escaped, so nothing in it is ever markup."""
    return escape(clean(text)).replace("\n", "<br/>")


def style(
    name: str, size: float = 11, *, bold: bool = False, colour: Color = black, **kw: Any
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=round(size * 1.3, 2),
        textColor=colour,
        **kw,
    )


def fit(text: str, font: str, size: float, width: float) -> str:
    """One line of untrusted text shortened with an ellipsis to fit a width."""
    text = " ".join(clean(text).split())
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A table style that starts from our font: reportlab's default is Helvetica, which
    would otherwise be referenced (unembedded) even by tables with no plain-text cells."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def pdf_lang(language_code: str) -> str:
    """The PDF's /Lang for a statement language: the UK's English or Welsh."""
    return "cy-GB" if language_code == "cy" else "en-GB"


class PageTotalCanvas(Canvas):
    """A canvas that counts its pages and, when saved, defines the page-total form that
    every page (and the declaration) already refers to. Its creation date is `created`
    (when the witness signed), not the time of rendering: the same statement renders to
    the same bytes."""

    pages = 0

    def __init__(self, *args: Any, created: datetime | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if created is not None:
            self._doc._timeStamp = fixed_stamp(created)

    def showPage(self) -> None:  # reportlab's name
        self.pages += 1
        super().showPage()

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        self.beginForm(TOTAL_FORM)
        self.setFont(FONT, TOTAL_SIZE)
        self.drawString(0, 0, str(self.pages))
        self.endForm()
        super().save()


def fixed_stamp(when: datetime) -> TimeStamp:
    """reportlab's time stamp for `when` (UTC): the PDF's CreationDate and ModDate."""
    stamp = TimeStamp(invariant=1)
    utc = when.astimezone(UTC)
    stamp.t = utc.timestamp()
    stamp.lt = utc.timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    return stamp


def digits_width(digits: int, size: float) -> float:
    return pdfmetrics.stringWidth("0" * digits, FONT, size)


def draw_total(canvas: Any, x: float, y: float, size: float) -> None:
    """The document's page count, with its baseline at (x, y), in FONT at `size`."""
    canvas.saveState()
    canvas.translate(x, y)
    if size != TOTAL_SIZE:
        canvas.scale(size / TOTAL_SIZE, size / TOTAL_SIZE)
    canvas.doForm(TOTAL_FORM)
    canvas.restoreState()


def draw_page_of(
    canvas: Any,
    right: float,
    y: float,
    page: int,
    digits: int,
    size: float = 10,
    *,
    lang: str = "en",
) -> None:
    """'Page X of Y' ('Tudalen X o Y'), right-aligned at `right`; Y is the page-total
    form."""
    total_x = right - digits_width(digits, size)
    canvas.setFont(FONT, size)
    canvas.drawRightString(total_x, y, page_of(page, lang) + " ")
    draw_total(canvas, total_x, y, size)


def guess_digits(characters: int) -> int:
    """How many digits the page count will likely have, from the amount of text: a wrong
    guess costs a second layout pass, never a wrong number."""
    return len(str(max(1, characters // 2800 + 1)))


def build(
    story_for: Callable[[int], list[Flowable]],
    on_page: Callable[[Any, int, int], None],
    *,
    title: str,
    lang: str,
    digits: int,
    keywords: str = "",
    created: datetime | None = None,
    frame_bottom: float = FRAME_BOTTOM,
) -> bytes:
    """Lay out once with room for `digits` digits of page count; again only if the real
    count needs a different number of digits. Returns the PDF bytes."""
    register_fonts()
    for attempt in range(3):
        buf = BytesIO()
        doc = BaseDocTemplate(
            buf,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=PAGE_H - FRAME_TOP,
            bottomMargin=frame_bottom,
            title=title,
            author="",
            subject="",
            keywords=keywords,
            creator="Quietroom",
            producer="Quietroom",
            invariant=1,
            lang=lang,
            initialFontName=FONT,
            initialFontSize=11,
            initialLeading=14.3,
        )
        frame = Frame(
            MARGIN_X,
            frame_bottom,
            PAGE_W - 2 * MARGIN_X,
            FRAME_TOP - frame_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates(
            [
                PageTemplate(
                    id="page",
                    frames=[frame],
                    onPage=lambda c, d, n=digits: on_page(c, c.getPageNumber(), n),
                )
            ]
        )
        doc.build(
            story_for(digits),
            canvasmaker=functools.partial(PageTotalCanvas, created=created),
        )
        needed = len(str(doc.canv.pages))
        # Reserving one digit too many (a count that falls back across a power of ten
        # when given more room) leaves a figure's width of space, never an overlap.
        if needed == digits or (attempt and needed < digits):
            return buf.getvalue()
        digits = needed
    raise RuntimeError("the page count did not settle")  # pragma: no cover - a layout bug
