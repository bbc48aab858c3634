"""The restricted witness details (the MG11 back page) as their own A4 PDF.

These details (address, contact, safe times, needs, consents) must never enter the
statement, which is disclosed; they live only in this separate document, marked with the
organisation's protective marking (OFFICIAL-SENSITIVE unless its policy says otherwise)
on every page. Type setting is shared with mg11.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.render.document import RestrictedDetails
from app.render.mg11 import (
    FONT,
    FONT_BOLD,
    GREY,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    RULE,
    TEXT_W,
    build,
    draw_page_of,
    fit,
    long_date,
    markup,
    refuse_missing_glyphs,
    style,
    table_style,
)

TITLE = "Witness contact details — not for disclosure"
NOT_RECORDED = '<font color="#555555">Not recorded</font>'
LABEL_W = 55 * mm


def _text(value: str | None) -> str:
    return markup(value) if value and value.strip() else NOT_RECORDED


def _yes_no(value: bool | None) -> str:
    return NOT_RECORDED if value is None else ("Yes" if value else "No")


def _when(iso: str) -> str:
    """An ISO date-time shown in words when it parses; otherwise exactly as stored."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return markup(iso)
    text = f"{long_date(moment.date())}, {moment:%H:%M}"
    offset = moment.utcoffset()
    if offset is not None:
        text += " UTC" if not offset else f" (UTC{moment:%z})"
    return markup(text)


def _rows(d: RestrictedDetails) -> list[tuple[str, str]]:
    return [
        ("Date of birth", _text(d.date_of_birth)),
        ("Address", _text(d.address)),
        ("Telephone", _text(d.phone)),
        ("Email", _text(d.email)),
        ("Safe way to make contact", _text(d.safe_contact)),
        ("Safe times to make contact", _text(d.safe_times)),
        ("Safe to leave voicemail", _yes_no(d.voicemail_safe)),
        ("Safe to send letters", _yes_no(d.letters_safe)),
        ("Dates to avoid (e.g. holidays, appointments)", _text(d.dates_to_avoid)),
        ("Special measures", _text(d.special_measures)),
        ("Other needs", _text(d.other_needs)),
        ("Victim Personal Statement offered", _yes_no(d.victim_personal_statement_offered)),
    ]


def restricted_story(d: RestrictedDetails) -> list[Flowable]:
    label = style("label", 10, colour=GREY)
    value = style("value", 11)
    head = style("head", 10, bold=True)
    grid = (
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    )

    who = Table(
        [
            [
                Paragraph("Witness:", label),
                Paragraph(markup(d.witness_name), value),
                Paragraph("URN:", label),
                Paragraph(markup(d.reference), value),
            ]
        ],
        colWidths=[22 * mm, 78 * mm, 14 * mm, TEXT_W - 114 * mm],
        style=table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")
        ),
    )
    details = Table(
        [[Paragraph(k, label), Paragraph(v, value)] for k, v in _rows(d)],
        colWidths=[LABEL_W, TEXT_W - LABEL_W],
        style=table_style(*grid),
    )

    if d.consents:
        consents: Flowable = Table(
            [[Paragraph(h, head) for h in ("Consent", "Decision", "Recorded")]]
            + [
                [
                    Paragraph(markup(what), value),
                    Paragraph(markup(state.capitalize()), value),
                    Paragraph(_when(when), value),
                ]
                for what, state, when in d.consents
            ],
            colWidths=[TEXT_W - 88 * mm, 30 * mm, 58 * mm],
            repeatRows=1,
            style=table_style(*grid),
        )
    else:
        consents = Paragraph("No consents recorded.", value)

    return [
        Paragraph(TITLE, style("title", 15, bold=True, alignment=TA_CENTER)),
        Spacer(1, 4),
        Paragraph(
            "These details are kept apart from the witness statement and are not "
            "disclosed without consideration under the CPIA. Handle them as the "
            "marking requires.",
            style("note", 9, colour=GREY, alignment=TA_CENTER),
        ),
        Spacer(1, 14),
        who,
        Spacer(1, 10),
        details,
        Spacer(1, 16),
        Paragraph("Consents", style("h2", 12, bold=True, spaceAfter=6, keepWithNext=1)),
        consents,
    ]


def render_restricted(details: RestrictedDetails) -> bytes:
    """The restricted-details PDF: same font and page furniture as the statement."""
    values = [v for v in vars(details).values() if isinstance(v, str)]
    refuse_missing_glyphs("restricted details", values + [x for c in details.consents for x in c])

    def on_page(canvas: Any, page: int, digits: int) -> None:
        canvas.saveState()
        canvas.setFillColor(GREY)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 18 * mm, details.marking)
        canvas.drawCentredString(PAGE_W / 2, 14 * mm, details.marking)
        canvas.line(MARGIN_X, 34 * mm, PAGE_W - MARGIN_X, 34 * mm)
        canvas.setFont(FONT, 9)
        canvas.drawString(
            MARGIN_X,
            26 * mm,
            fit(f"Witness contact details: {details.reference}", FONT, 9, TEXT_W * 0.6),
        )
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 10)
        draw_page_of(canvas, PAGE_W - MARGIN_X, 26 * mm, page, digits)
        canvas.restoreState()

    return build(
        lambda _digits: restricted_story(details),
        on_page,
        title="Witness contact details",
        lang="en",
        digits=1,
        created=details.created,
    )
