"""The witness statement as an MG11-style A4 PDF (reportlab platypus), in English or Welsh.

Owns what the statement holds and in what order: the heading, the header table (with the
visual-recording tick box), the s.9 declaration with the real page count, the survivor's
words as plain text, the signature after the last word, the reader's declaration when
needed, the statement taker's block with the sittings, and the exhibits the statement
produces. What it refuses to draw is checked first (`check`).

Type setting and the single-pass page count are in ``layout.py``, the drawn parts and
page furniture in ``statement_parts.py``, every printed word in ``wording.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from app.errors import UsageError
from app.render.document import StatementDocument
from app.render.fonts import FONT, FONT_BOLD, clean, refuse_missing_glyphs
from app.render.layout import (
    FRAME_BOTTOM,
    GREY,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    RULE,
    TEXT_W,
    TOTAL_FORM,
    TOTAL_SIZE,
    PageTotalCanvas,
    build,
    draw_page_of,
    draw_total,
    fit,
    guess_digits,
    markup,
    pdf_lang,
    style,
    table_style,
)
from app.render.signature_art import has_art, signature_from_image
from app.render.statement_parts import (
    FRAME_BOTTOM_INITIALS,
    SIG_FORM,
    SIG_H,
    SIG_W,
    SIGNER_BOX,
    Declaration,
    SignatureLine,
    TextThenSignature,
    TickBox,
    draw_marking,
    draw_page_furniture,
    initials_required,
    label_width,
)
from app.render.wording import DECLARATION, EN, date_and_time, long_date, time_span, words

# Kept importable under their old names (the record hashes DECLARATION; tests and the
# export import the geometry and helpers from here).
ACTS = EN["acts"]
READER_HEADING = EN["reader_heading"]
READER_TEXT = EN["reader_text"]
__all__ = [
    "ACTS",
    "DECLARATION",
    "FONT",
    "FONT_BOLD",
    "FRAME_BOTTOM",
    "MARGIN_X",
    "PAGE_H",
    "PAGE_W",
    "READER_HEADING",
    "READER_TEXT",
    "SIGNER_BOX",
    "SIG_FORM",
    "SIG_H",
    "SIG_W",
    "TEXT_W",
    "TOTAL_FORM",
    "TOTAL_SIZE",
    "PageTotalCanvas",
    "check",
    "corrections_line",
    "draw_marking",
    "draw_page_of",
    "draw_total",
    "fit",
    "guess_digits",
    "long_date",
    "render_statement",
    "taken_by",
]


def check(doc: StatementDocument) -> None:
    """Refuse a statement that cannot be drawn truthfully, before anything is drawn."""
    w = words(doc.language_code)
    if not doc.witness_name.strip():
        raise UsageError("mg11.no_witness_name", "The statement has no witness name.")
    if not any(p.strip() for p in doc.paragraphs):
        raise UsageError("mg11.no_text", "The statement has no text.")
    if doc.age_if_under_18 is not None and not 0 <= doc.age_if_under_18 < 18:
        raise UsageError("mg11.witness_age", "The witness's age must be under 18, or left out.")
    if not doc.unsigned:
        if not has_art(doc.signature):
            raise UsageError("mg11.no_signature", "The statement has no signature.")
        for art in (doc.signature, *(a for a in doc.initials if a is not None)):
            if art.image is not None:
                signature_from_image(art.image)  # defence in depth: refuse unchecked bytes
    if not doc.read_by_witness and not (doc.reader_name or "").strip():
        raise UsageError(
            "mg11.no_reader_name",
            "The name of the person who read the statement to the witness is missing.",
        )
    if doc.declaration is None and doc.language_code != "en":
        raise UsageError(
            "mg11.welsh_declaration_missing",
            "A Welsh statement needs the s.9 declaration in Welsh as the organisation "
            "approved it; there is no built-in Welsh wording.",
        )
    if doc.declaration is not None and doc.declaration.count("{n}") != 1:
        raise UsageError(
            "mg11.declaration_placeholder",
            "The s.9 declaration must contain {{n}} exactly once, where the page count goes.",
        )
    refuse_missing_glyphs(
        "statement",
        [
            *doc.paragraphs,
            doc.witness_name,
            doc.reference,
            doc.interviewer_name,
            doc.organisation,
            doc.place,
            doc.occupation,
            doc.witnessed_by,
            doc.reader_name or "",
            doc.declaration or "",
            doc.abe_reference,
            *(s.place for s in doc.sittings),
            *(x for e in doc.exhibits for x in (e.reference, e.description)),
            *w.values(),
        ],
    )
    refuse_missing_glyphs("statement", [doc.witness_name], FONT_BOLD)


def header_widths(w: Mapping[str, str]) -> list[float]:
    """The header's columns: label, value, label, value. The label columns widen to hold
    the longest label on one line (Welsh labels are longer); the first value column
    gives up what they take, the URN's column keeps its width."""
    first = max(32 * mm, *(label_width(w[k]) + 8 for k in ("statement_of", "age", "occupation")))
    third = max(30 * mm, *(label_width(w[k]) + 8 for k in ("urn", "statement_no")))
    fourth = TEXT_W - 125 * mm
    return [first, TEXT_W - first - third - fourth, third, fourth]


def header(doc: StatementDocument, w: Mapping[str, str]) -> Table:
    """The MG11's header: who, the URN, age, statement number, occupation and whether
    the evidence was visually recorded."""
    label = style("label", 10, colour=GREY)
    value = style("value", 11)
    strong = style("strong", 11, bold=True)
    if doc.age_if_under_18 is not None:
        age = str(doc.age_if_under_18)
    else:
        age = w["over_18"] if doc.over_18 else w["not_given"]
    rows: list[list[Any]] = [
        [
            Paragraph(escape(w["statement_of"]), label),
            Paragraph(markup(doc.witness_name), strong),
            Paragraph(escape(w["urn"]), label),
            Paragraph(markup(doc.reference), value),
        ],
        [
            Paragraph(escape(w["age"]), label),
            Paragraph(escape(age), value),
            Paragraph(escape(w["statement_no"]), label),
            Paragraph(str(doc.statement_number), value),
        ],
        [
            Paragraph(escape(w["occupation"]), label),
            Paragraph(markup(doc.occupation or w["not_given"]), value),
            Paragraph("", label),
            Paragraph("", value),
        ],
    ]
    # The tick box row: an empty box is "not visually recorded"; nobody having said
    # either way is printed in words, never as an empty box.
    row = len(rows)
    box: Flowable = (
        Paragraph(escape(w["not_recorded"]), value)
        if doc.visually_recorded is None
        else TickBox(doc.visually_recorded)
    )
    rows.append([Paragraph(escape(w["visually_recorded"]), label), "", box, ""])
    spans: list[tuple[Any, ...]] = [("SPAN", (0, row), (1, row)), ("SPAN", (2, row), (3, row))]
    if doc.visually_recorded:
        row = len(rows)
        given = doc.abe_reference.strip()
        reference = markup(doc.abe_reference) if given else escape(w["not_given"])
        rows.append(
            [Paragraph(escape(w["abe_reference"]), label), "", Paragraph(reference, value), ""]
        )
        spans += [("SPAN", (0, row), (1, row)), ("SPAN", (2, row), (3, row))]
    return Table(
        rows,
        colWidths=header_widths(w),
        style=table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *spans,
        ),
    )


def signing_date(doc: StatementDocument, w: Mapping[str, str]) -> str:
    """'Date: 4 December 2026', or with the time when the signing moment is known."""
    if doc.signed_at is not None:
        return f"{w['date_and_time']} {date_and_time(doc.signed_at, doc.language_code)}"
    return f"{w['date']} {long_date(doc.signed_on, doc.language_code)}"


def declaration_box(doc: StatementDocument, w: Mapping[str, str], digits: int) -> Table:
    """The s.9 declaration, signed and dated, in a ruled box."""
    dated = signing_date(doc, w)
    inner = TEXT_W - 16  # the box's padding
    # the date takes what the signature leaves, so a date with its time stays on a line
    room = inner - (label_width(w["signature"]) + 8 + SIG_W + 4)
    date_w = min(max(55 * mm, label_width(dated) + 8), room)  # + the cell's padding
    signed_row = Table(
        [
            [
                SignatureLine(w["signature"], signed=not doc.unsigned),
                Paragraph(escape(dated), style("d", 10, colour=GREY)),
            ]
        ],
        colWidths=[inner - date_w, date_w],
        style=table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)
        ),
    )
    return Table(
        [[Declaration(digits, doc.declaration or DECLARATION)], [signed_row]],
        colWidths=[TEXT_W],
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ),
    )


def closing_blocks(doc: StatementDocument, w: Mapping[str, str]) -> list[Flowable]:
    """After the words: the reader's declaration (when someone read the statement to the
    witness), the statement taker's block with the sittings, and the exhibits."""
    closing = style("closing", 10.5)
    lang = doc.language_code
    out: list[Flowable] = []
    if not doc.read_by_witness:
        said = w["reader_text"].format(
            reader=clean(doc.reader_name or ""), witness=clean(doc.witness_name)
        )
        out.append(
            KeepTogether(
                [
                    Spacer(1, 14),
                    Paragraph(escape(w["reader_heading"]), style("rh", 10, bold=True)),
                    Spacer(1, 4),
                    Paragraph(markup(said), closing),
                ]
            )
        )
    lines = [
        f"{escape(w['taken_by'])} {markup(taken_by(doc))}",
        escape(signing_date(doc, w)),
    ]
    for number, sitting in enumerate(doc.sittings, 1):
        where = sitting.place if sitting.place.strip() else w["not_recorded"]
        lines.append(
            f"{escape(w['sitting'].format(number=number))} "
            f"{escape(time_span(sitting.started, sitting.ended, lang))}, "
            f"{escape(w['place'])} {markup(where)}"
        )
    if not doc.sittings:
        lines.append(f"{escape(w['place'])} {markup(doc.place)}")
    out.append(
        KeepTogether(
            [
                Spacer(1, 14),
                HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=8),
                *(Paragraph(line, closing) for line in lines),
            ]
        )
    )
    if doc.exhibits:
        cell = style("cell", 10)
        head = style("head", 10, bold=True)
        out += [
            Spacer(1, 14),
            Paragraph(
                escape(w["exhibits"]), style("xh", 10, bold=True, spaceAfter=6, keepWithNext=1)
            ),
            Table(
                [
                    [
                        Paragraph(escape(w[k]), head)
                        for k in ("exhibit_reference", "exhibit_description")
                    ]
                ]
                + [
                    [Paragraph(markup(e.reference), cell), Paragraph(markup(e.description), cell)]
                    for e in doc.exhibits
                ],
                colWidths=[32 * mm, TEXT_W - 32 * mm],
                repeatRows=1,
                style=table_style(
                    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ),
            ),
        ]
    return out


def statement_story(doc: StatementDocument, digits: int) -> list[Flowable]:
    w = words(doc.language_code)
    story: list[Flowable] = [
        Paragraph(escape(w["heading"]), style("title", 15, bold=True, alignment=TA_CENTER)),
        Spacer(1, 2),
        Paragraph(escape(w["acts"]), style("acts", 8.5, colour=GREY, alignment=TA_CENTER)),
        Spacer(1, 14),
        header(doc, w),
        Spacer(1, 8),
        declaration_box(doc, w, digits),
        Spacer(1, 4),
        Paragraph(
            escape(corrections_line(doc.corrections, doc.language_code)),
            style("corr", 9.5, colour=GREY),
        ),
        Spacer(1, 8),
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=12),
    ]
    body = style("body", 11, spaceAfter=7)
    paras = [Paragraph(markup(p), body) for p in doc.paragraphs]
    story += paras[:-1]
    story.append(
        TextThenSignature(paras[-1], SignatureLine(w["signature"], signed=not doc.unsigned))
    )
    return story + closing_blocks(doc, w)


def render_statement(doc: StatementDocument) -> bytes:
    """The statement PDF: A4, DejaVu Sans embedded, page count settled, deterministic.

    In `doc.language_code`'s language, with /Lang en-GB or cy-GB. `unsigned=True` gives
    the same pages, word for word, with the signature places left empty (what the
    witness confirms page by page). When `initials` is non-empty every page has an
    "Initials:" place, drawn where the tuple holds art for that page (None entries and
    pages past its end stay empty), so a render made before the initials exist has the
    same words as the one after.
    """
    check(doc)
    w = words(doc.language_code)

    def on_page(canvas: Any, page: int, digits: int) -> None:
        draw_page_furniture(canvas, doc, w, page, digits)

    characters = sum(len(p) for p in doc.paragraphs)
    return build(
        lambda digits: statement_story(doc, digits),
        on_page,
        title=w["title"],
        lang=pdf_lang(doc.language_code),
        digits=guess_digits(characters),
        keywords=doc.binding,
        created=doc.created,
        frame_bottom=FRAME_BOTTOM_INITIALS if initials_required(doc) else FRAME_BOTTOM,
    )


def taken_by(doc: StatementDocument) -> str:
    """The statement taker: their name, role and organisation."""
    role = words(doc.language_code)["interviewer"]
    if doc.organisation:
        return f"{doc.interviewer_name} ({role}, {doc.organisation})"
    return f"{doc.interviewer_name} ({role})"


def corrections_line(count: int, language_code: str = "en") -> str:
    """Under the declaration: whether the statement was corrected when it was read back
    (the texts before and after are in the record's history, CPIA Code para 5.4)."""
    w = words(language_code)
    return w["corrections_none"] if count == 0 else w["corrections_some"].format(count=count)
