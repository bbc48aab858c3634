"""The witness statement as an MG11-style A4 PDF (reportlab platypus).

Owns the statement's wording and layout: the heading, the s.9 declaration with the real
page count, the survivor's words as plain text, the signature in the footer of every
page and straight after the last word, the reader's declaration when needed, and the
statement taker's block, and the paragraph styles the restricted-details PDF reuses
(fonts and text cleaning are in ``fonts.py``).

The page count ("Page X of Y" and the declaration's "consisting of N page(s)") is drawn by
a form XObject that is defined only when the last page is done, so one layout pass is
enough. The layout reserves room for the count's digits (DejaVu's figures all have one
width), so nothing moves when the number is filled in; only when the guess of the digit
count was wrong is the document laid out a second time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from app.errors import UsageError
from app.render.document import StatementDocument
from app.render.fonts import FONT, FONT_BOLD, clean, refuse_missing_glyphs, register_fonts
from app.render.signature_art import (
    define_signature_form,
    has_art,
    place_signature,
    signature_from_image,
)

GREY = Color(0.25, 0.25, 0.25)
RULE = Color(0.45, 0.45, 0.45)

PAGE_W, PAGE_H = A4
MARGIN_X = 25 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X
FRAME_TOP = PAGE_H - 30 * mm
FRAME_BOTTOM = 40 * mm
SIG_W, SIG_H = 50 * mm, 14 * mm
SIG_FORM = "QuietroomSignature"
# The interviewer's visible PAdES signature on the last page, right of the witness's
# signature and above "Page X of Y" (PDF points: left, bottom, right, top).
SIGNER_BOX = (
    round(PAGE_W - MARGIN_X - 70 * mm),
    round(21.5 * mm),
    round(PAGE_W - MARGIN_X),
    round(33.5 * mm),
)
TOTAL_FORM = "QuietroomPageTotal"
TOTAL_SIZE = 10  # the size the total form is drawn at; other sizes scale it

ACTS = (
    "Criminal Justice Act 1967, s.9; Magistrates' Courts Act 1980, s.5B; "
    "Criminal Procedure Rules 2020, r.16.2"
)
DECLARATION = (
    "This statement (consisting of {n} page(s) each signed by me) is true to the "
    "best of my knowledge and belief and I make it knowing that, if it is tendered "
    "in evidence, I shall be liable to prosecution if I have wilfully stated in it "
    "anything which I know to be false, or do not believe to be true."
)
READER_HEADING = (
    "Declaration of the person who read this statement to the witness "
    "(Criminal Justice Act 1967, s.9(3)(b))"
)
READER_TEXT = "I, {reader}, read this statement to {witness} before they signed it."
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# --- shared type setting ---------------------------------------------------------------


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


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"  # fixed English, not the locale's


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
    canvas: Any, right: float, y: float, page: int, digits: int, size: float = 10
) -> None:
    """'Page X of Y', right-aligned at `right`; Y is the page-total form."""
    total_x = right - digits_width(digits, size)
    canvas.setFont(FONT, size)
    canvas.drawRightString(total_x, y, f"Page {page} of ")
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
            bottomMargin=FRAME_BOTTOM,
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
            FRAME_BOTTOM,
            PAGE_W - 2 * MARGIN_X,
            FRAME_TOP - FRAME_BOTTOM,
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


# --- the statement --------------------------------------------------------------------


class SignatureLine(Flowable):
    """'Signature:' followed by the survivor's signature (the shared form XObject)."""

    def __init__(self, label: str = "Signature:") -> None:
        super().__init__()
        self.label = label

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, SIG_H + 4
        return self.width, self.height

    def draw(self) -> None:
        draw_signature_line(self.canv, 0, 2, self.label)


def draw_signature_line(canvas: Any, x: float, y: float, label: str) -> None:
    canvas.setFont(FONT, 10)
    canvas.setFillColor(GREY)
    canvas.drawString(x, y + 4, label)
    place_signature(canvas, SIG_FORM, x + pdfmetrics.stringWidth(label, FONT, 10) + 8, y)


class TextThenSignature(Flowable):
    """The final paragraph and the signature as one block: when it must split, only the
    paragraph splits and the signature always travels with its last lines."""

    def __init__(self, para: Paragraph, sig: Flowable) -> None:
        super().__init__()
        self.para, self.sig = para, sig

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, ph = self.para.wrap(aw, ah)
        _, sh = self.sig.wrap(aw, ah)
        self._ph, self._sh = ph, sh
        self.width, self.height = aw, ph + sh
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # reportlab's name for it
        return self.para.getSpaceBefore()

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self.wrap(aw, ah)
        parts = self.para.split(aw, ah)
        if len(parts) < 2:  # the text fits but the signature does not: carry lines over
            parts = self.para.split(aw, ah - self._sh)
        if len(parts) < 2:
            return []  # too short to split: the whole block moves to the next page
        return [parts[0], TextThenSignature(parts[1], self.sig)]

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, self._sh)
        self.sig.drawOn(self.canv, 0, 0)


class Declaration(Flowable):
    """The s.9 declaration, broken into lines by hand with the page count's digits
    reserved, and the count itself drawn by the page-total form."""

    SIZE = 10.5

    def __init__(self, digits: int) -> None:
        super().__init__()
        self.placeholder = "0" * digits  # the declaration has no other figures
        self.leading = round(self.SIZE * 1.3, 2)
        self.lines: list[str] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        text = DECLARATION.format(n=self.placeholder)
        self.lines = simpleSplit(text, FONT, self.SIZE, aw)
        self.width, self.height = aw, len(self.lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(FONT, self.SIZE)
        for i, line in enumerate(self.lines):
            y = self.height - self.SIZE - i * self.leading
            before, found, after = line.partition(self.placeholder)
            canvas.drawString(0, y, before)
            if found:
                x = pdfmetrics.stringWidth(before, FONT, self.SIZE)
                draw_total(canvas, x, y, self.SIZE)
                canvas.setFont(FONT, self.SIZE)
                canvas.drawString(x + digits_width(len(found), self.SIZE), y, after)


def check(doc: StatementDocument) -> None:
    if not doc.witness_name.strip():
        raise UsageError("mg11.no_witness_name", "The statement has no witness name.")
    if not any(p.strip() for p in doc.paragraphs):
        raise UsageError("mg11.no_text", "The statement has no text.")
    if doc.age_if_under_18 is not None and not 0 <= doc.age_if_under_18 < 18:
        raise UsageError("mg11.witness_age", "The witness's age must be under 18, or left out.")
    if not has_art(doc.signature):
        raise UsageError("mg11.no_signature", "The statement has no signature.")
    if doc.signature.image is not None:
        signature_from_image(doc.signature.image)  # defence in depth: refuse unchecked bytes
    if not doc.read_by_witness and not (doc.reader_name or "").strip():
        raise UsageError(
            "mg11.no_reader_name",
            "The name of the person who read the statement to the witness is missing.",
        )
    refuse_missing_glyphs(
        "statement",
        [
            *doc.paragraphs,
            doc.witness_name,
            doc.reference,
            doc.interviewer_name,
            doc.place,
            doc.reader_name or "",
        ],
    )
    refuse_missing_glyphs("statement", [doc.witness_name], FONT_BOLD)


def statement_story(doc: StatementDocument, digits: int) -> list[Flowable]:
    body = style("body", 11, spaceAfter=7)
    label = style("label", 10, colour=GREY)
    value = style("value", 11)
    strong = style("strong", 11, bold=True)
    if doc.age_if_under_18 is not None:
        age = str(doc.age_if_under_18)
    else:
        age = "Over 18" if doc.over_18 else "Not given"

    details = Table(
        [
            [
                Paragraph("Statement of:", label),
                Paragraph(markup(doc.witness_name), strong),
                Paragraph("URN:", label),
                Paragraph(markup(doc.reference), value),
            ],
            [
                Paragraph("Age if under 18:", label),
                Paragraph(age, value),
                Paragraph("Statement no.:", label),
                Paragraph(str(doc.statement_number), value),
            ],
            [
                Paragraph("Occupation:", label),
                Paragraph(markup(doc.occupation or "Not given"), value),
                Paragraph("", label),
                Paragraph("", value),
            ],
        ],
        colWidths=[32 * mm, 63 * mm, 30 * mm, TEXT_W - 125 * mm],
    )
    details.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    declaration = Table(
        [
            [Declaration(digits)],
            [
                Table(
                    [
                        [
                            SignatureLine(),
                            Paragraph(
                                f"Date: {long_date(doc.signed_on)}", style("d", 10, colour=GREY)
                            ),
                        ]
                    ],
                    colWidths=[TEXT_W - 16 - 55 * mm, 55 * mm],
                    style=table_style(
                        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)
                    ),
                )
            ],
        ],
        colWidths=[TEXT_W],
    )
    declaration.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        )
    )
    story: list[Flowable] = [
        Paragraph("WITNESS STATEMENT", style("title", 15, bold=True, alignment=TA_CENTER)),
        Spacer(1, 2),
        Paragraph(escape(ACTS), style("acts", 8.5, colour=GREY, alignment=TA_CENTER)),
        Spacer(1, 14),
        details,
        Spacer(1, 8),
        declaration,
        Spacer(1, 4),
        Paragraph(escape(corrections_line(doc.corrections)), style("corr", 9.5, colour=GREY)),
        Spacer(1, 8),
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=12),
    ]
    paras = [Paragraph(markup(p), body) for p in doc.paragraphs]
    story += paras[:-1]
    story.append(TextThenSignature(paras[-1], SignatureLine()))

    closing = style("closing", 10.5)
    if not doc.read_by_witness:
        story.append(
            KeepTogether(
                [
                    Spacer(1, 14),
                    Paragraph(escape(READER_HEADING), style("rh", 10, bold=True)),
                    Spacer(1, 4),
                    Paragraph(
                        markup(
                            READER_TEXT.format(
                                reader=clean(doc.reader_name or ""), witness=clean(doc.witness_name)
                            )
                        ),
                        closing,
                    ),
                ]
            )
        )
    story.append(
        KeepTogether(
            [
                Spacer(1, 14),
                HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=8),
                Paragraph(f"Statement taken by: {markup(taken_by(doc))}", closing),
                Paragraph(f"Date: {long_date(doc.signed_on)}", closing),
                Paragraph(f"Place: {markup(doc.place)}", closing),
            ]
        )
    )
    return story


def render_statement(doc: StatementDocument) -> bytes:
    """The statement PDF: A4, DejaVu Sans embedded, page count settled, deterministic."""
    check(doc)

    def on_page(canvas: Any, page: int, digits: int) -> None:
        if page == 1:  # one drawing of the signature, reused by every page
            define_signature_form(canvas, doc.signature, SIG_FORM, SIG_W, SIG_H)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.setFillColor(GREY)
        draw_marking(canvas, doc.marking)
        if page > 1:
            canvas.setFont(FONT, 9)
            ref = fit(f"URN: {doc.reference}", FONT, 9, TEXT_W * 0.35)
            canvas.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 20 * mm, ref)
            who = fit(f"Continuation of statement of: {doc.witness_name}", FONT, 9, TEXT_W * 0.6)
            canvas.drawString(MARGIN_X, PAGE_H - 20 * mm, who)
            canvas.line(MARGIN_X, PAGE_H - 22.5 * mm, PAGE_W - MARGIN_X, PAGE_H - 22.5 * mm)
        canvas.line(MARGIN_X, 34 * mm, PAGE_W - MARGIN_X, 34 * mm)
        draw_signature_line(canvas, MARGIN_X, 17 * mm, "Signature:")
        if doc.witnessed_by:
            canvas.setFont(FONT, 8)
            canvas.setFillColor(GREY)
            canvas.drawString(
                MARGIN_X,
                12 * mm,
                fit(f"Signature witnessed by: {doc.witnessed_by}", FONT, 8, 105 * mm),
            )
        canvas.setFont(FONT, 10)
        canvas.setFillColor(black)
        draw_page_of(canvas, PAGE_W - MARGIN_X, 17 * mm + 4, page, digits)
        canvas.restoreState()

    characters = sum(len(p) for p in doc.paragraphs)
    return build(
        lambda digits: statement_story(doc, digits),
        on_page,
        title="Witness statement",
        lang=doc.language or "en",
        digits=guess_digits(characters),
        keywords=doc.binding,
        created=doc.created,
    )


def taken_by(doc: StatementDocument) -> str:
    """The statement taker: their name, role and organisation."""
    if doc.organisation:
        return f"{doc.interviewer_name} (interviewer, {doc.organisation})"
    return f"{doc.interviewer_name} (interviewer)"


def draw_marking(canvas: Any, marking: str) -> None:
    """The organisation's protective marking, centred at the top and foot of a page."""
    if not marking:
        return
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.setFont(FONT_BOLD, 9)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 11 * mm, marking)
    canvas.drawCentredString(PAGE_W / 2, 8 * mm, marking)
    canvas.restoreState()


def corrections_line(count: int) -> str:
    """Under the declaration: whether the statement was corrected when it was read back
    (the texts before and after are in the record's history, CPIA Code para 5.4)."""
    if count == 0:
        return "Corrections made at read-back: none."
    return f"Corrections made at read-back: {count} (see the record)."
