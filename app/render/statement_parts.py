"""The statement's drawn parts: the signature line, the final paragraph kept with its
signature, the s.9 declaration with the page count drawn in, the visual-recording tick
box, and each page's furniture (marking, continuation header, footer with the signature,
initials and "Page X of Y").

The words come from ``wording.py``; the page geometry from ``layout.py``. An unsigned
statement (shown to the witness before signing) is laid out exactly like the signed one:
only the signature and initials drawings are left out, never a word.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from app.render.document import SignatureArt, StatementDocument
from app.render.fonts import FONT, FONT_BOLD, clean
from app.render.layout import (
    GREY,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    RULE,
    TEXT_W,
    digits_width,
    draw_page_of,
    draw_total,
    fit,
)
from app.render.signature_art import define_signature_form, has_art, place_signature
from app.render.wording import DECLARATION

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
SIG_Y = 17 * mm  # the footer signature's bottom edge
FOOTER_RULE = 34 * mm
# When the organisation requires initials, a row for them sits above the signature row
# (beside the signature there is no room: the interviewer's visible signature takes the
# right of the last page's footer), and the text frame ends higher.
INITIALS_W, INITIALS_H = 30 * mm, 9 * mm
INITIALS_Y = 36 * mm
INITIALS_RULE = 47.5 * mm
FRAME_BOTTOM_INITIALS = 53.5 * mm
INITIALS_FORM = "QuietroomInitials{page}"
LABEL_SIZE = 10
MARK = "\x00"  # where the page count goes while the declaration is broken into lines


def label_width(label: str) -> float:
    return pdfmetrics.stringWidth(label, FONT, LABEL_SIZE)


class SignatureLine(Flowable):
    """'Signature:' followed by the survivor's signature (the shared form XObject), or by
    nothing when the statement is shown unsigned."""

    def __init__(self, label: str = "Signature:", *, signed: bool = True) -> None:
        super().__init__()
        self.label, self.signed = label, signed

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, SIG_H + 4
        return self.width, self.height

    def draw(self) -> None:
        draw_signature_line(self.canv, 0, 2, self.label, signed=self.signed)


def draw_signature_line(
    canvas: Any,
    x: float,
    y: float,
    label: str,
    *,
    signed: bool = True,
    art_x: float | None = None,
    form: str = SIG_FORM,
) -> None:
    canvas.setFont(FONT, LABEL_SIZE)
    canvas.setFillColor(GREY)
    canvas.drawString(x, y + 4, label)
    if signed:
        at = art_x if art_x is not None else x + label_width(label) + 8
        place_signature(canvas, form, at, y)


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


def break_lines(text: str, placeholder: str, width: float, size: float) -> list[str]:
    """Greedy line breaking of one paragraph at spaces, measuring MARK as the
    placeholder's figures; a word wider than the line is broken between characters."""

    def measure(s: str) -> float:
        return pdfmetrics.stringWidth(s.replace(MARK, placeholder), FONT, size)

    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        pieces = [word]
        if MARK not in word and measure(word) > width:
            pieces, piece = [], ""
            for ch in word:
                if piece and measure(piece + ch) > width:
                    pieces.append(piece)
                    piece = ""
                piece += ch
            pieces.append(piece)
        for piece in pieces:
            candidate = f"{line} {piece}" if line else piece
            if line and measure(candidate) > width:
                lines.append(line)
                line = piece
            else:
                line = candidate
    return [*lines, line] if line else lines


class Declaration(Flowable):
    """The s.9 declaration (the built-in English wording or the organisation's approved
    text, with "{n}" where the count goes), broken into lines by hand with the page
    count's digits reserved, and the count itself drawn by the page-total form."""

    SIZE = 10.5

    def __init__(self, digits: int, text: str = DECLARATION) -> None:
        super().__init__()
        self.placeholder = "0" * digits
        self.text = " ".join(clean(text).replace("{n}", MARK).split())
        self.leading = round(self.SIZE * 1.3, 2)
        self.lines: list[str] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.lines = break_lines(self.text, self.placeholder, aw, self.SIZE)
        self.width, self.height = aw, len(self.lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(FONT, self.SIZE)
        for i, line in enumerate(self.lines):
            y = self.height - self.SIZE - i * self.leading
            before, found, after = line.partition(MARK)
            canvas.drawString(0, y, before)
            if found:
                x = pdfmetrics.stringWidth(before, FONT, self.SIZE)
                draw_total(canvas, x, y, self.SIZE)
                canvas.setFont(FONT, self.SIZE)
                canvas.drawString(x + digits_width(len(self.placeholder), self.SIZE), y, after)


class TickBox(Flowable):
    """The MG11's tick box, drawn; ticked with DejaVu's check mark (so the tick is also
    text a reader and a screen reader can find)."""

    SIDE = 9.0

    def __init__(self, ticked: bool) -> None:
        super().__init__()
        self.ticked = ticked

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self.SIDE, self.SIDE + 2
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(black)
        canvas.setLineWidth(0.7)
        canvas.rect(0, 1, self.SIDE, self.SIDE, stroke=1, fill=0)
        if self.ticked:
            canvas.setFillColor(black)
            canvas.setFont(FONT_BOLD, 9)
            canvas.drawCentredString(self.SIDE / 2, 2.6, "✓")
        canvas.restoreState()


def initials_required(doc: StatementDocument) -> bool:
    """Initials are asked for on every page when the document carries any (entries may
    be None: a page not initialled yet keeps its empty place, with its label)."""
    return bool(doc.initials)


def page_initials(doc: StatementDocument, page: int) -> SignatureArt | None:
    if doc.unsigned or page > len(doc.initials):
        return None
    art = doc.initials[page - 1]
    return art if art is not None and has_art(art) else None


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


def draw_page_furniture(
    canvas: Any, doc: StatementDocument, w: Mapping[str, str], page: int, digits: int
) -> None:
    """Everything on a statement page outside the text frame."""
    signed = not doc.unsigned
    if page == 1 and signed:  # one drawing of the signature, reused by every page
        define_signature_form(canvas, doc.signature, SIG_FORM, SIG_W, SIG_H)
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.setFillColor(GREY)
    draw_marking(canvas, doc.marking)
    if page > 1:
        canvas.setFont(FONT, 9)
        ref = fit(f"{w['urn']} {doc.reference}", FONT, 9, TEXT_W * 0.35)
        canvas.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 20 * mm, ref)
        who = fit(f"{w['continuation']} {doc.witness_name}", FONT, 9, TEXT_W * 0.6)
        canvas.drawString(MARGIN_X, PAGE_H - 20 * mm, who)
        canvas.line(MARGIN_X, PAGE_H - 22.5 * mm, PAGE_W - MARGIN_X, PAGE_H - 22.5 * mm)
    art_x = None
    if initials_required(doc):
        # the two drawings start at one x, after the wider of the two labels
        art_x = MARGIN_X + max(label_width(w["signature"]), label_width(w["initials"])) + 8
        canvas.line(MARGIN_X, INITIALS_RULE, PAGE_W - MARGIN_X, INITIALS_RULE)
        initials = page_initials(doc, page)
        form = INITIALS_FORM.format(page=page)
        if initials is not None:  # each page its own drawing
            define_signature_form(canvas, initials, form, INITIALS_W, INITIALS_H)
        draw_signature_line(
            canvas,
            MARGIN_X,
            INITIALS_Y,
            w["initials"],
            signed=initials is not None,
            art_x=art_x,
            form=form,
        )
    else:
        canvas.line(MARGIN_X, FOOTER_RULE, PAGE_W - MARGIN_X, FOOTER_RULE)
    draw_signature_line(canvas, MARGIN_X, SIG_Y, w["signature"], signed=signed, art_x=art_x)
    if doc.witnessed_by:
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(
            MARGIN_X, 12 * mm, fit(f"{w['witnessed_by']} {doc.witnessed_by}", FONT, 8, 105 * mm)
        )
    canvas.setFont(FONT, 10)
    canvas.setFillColor(black)
    draw_page_of(canvas, PAGE_W - MARGIN_X, SIG_Y + 4, page, digits, lang=doc.language_code)
    canvas.restoreState()
