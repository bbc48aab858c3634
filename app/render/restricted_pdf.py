"""The restricted witness details (the MG11 back page) as their own A4 PDF, in English or
Welsh.

These details (address, contact, safe times, needs, consents and their limits, the
information given to the witness, court and Witness Service answers, the witness's
signature for the consents) must never enter the statement, which is disclosed; they
live only in this separate document, marked with the organisation's protective marking
(OFFICIAL-SENSITIVE unless its policy says otherwise) on every page. Its Keywords name
the case it belongs to, for verify. Type setting is shared with the statement
(``layout.py``); the words are in ``wording.py``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.render.document import ConsentItem, RestrictedDetails, SignatureArt
from app.render.fonts import FONT, FONT_BOLD, clean, refuse_missing_glyphs
from app.render.layout import (
    GREY,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    RULE,
    TEXT_W,
    build,
    draw_page_of,
    fit,
    markup,
    pdf_lang,
    style,
    table_style,
)
from app.render.signature_art import (
    define_signature_form,
    has_art,
    place_signature,
    signature_from_image,
)
from app.render.wording import consent_text, long_date, words

LABEL_W = 55 * mm
CONSENT_SIG_FORM = "QuietroomConsentSignature"
CONSENT_SIG_W, CONSENT_SIG_H = 50 * mm, 14 * mm
GRID = (
    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
)


def keywords(d: RestrictedDetails) -> str:
    """The PDF's Keywords: which case and reference this back page belongs to (verify
    reads them with app.export.pades.pdf_keywords)."""
    if not d.case_id:
        return ""
    return json.dumps(
        {"quietroom": "restricted", "case_id": d.case_id, "reference": d.reference},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )


class Values:
    """The back page's values in the page's language: plain text escaped, unknowns in
    grey words."""

    def __init__(self, w: Mapping[str, str]) -> None:
        self.w = w
        self.missing = f'<font color="#555555">{escape(w["r_not_recorded"])}</font>'

    def text(self, value: str | None) -> str:
        return markup(value) if value and value.strip() else self.missing

    def yes_no(self, value: bool | None, kind: str = "is") -> str:
        """Yes / No; in Welsh the answer to "is it…?" (Ydy) or "was it…?" (Do)."""
        if value is None:
            return self.missing
        return escape(self.w[f"yes_{kind}" if value else f"no_{kind}"])

    def when(self, iso: str, lang: str) -> str:
        """An ISO date-time shown in words when it parses; otherwise exactly as stored."""
        try:
            moment = datetime.fromisoformat(iso)
        except ValueError:
            return markup(iso)
        text = f"{long_date(moment.date(), lang)}, {moment:%H:%M}"
        offset = moment.utcoffset()
        if offset is not None:
            text += " UTC" if not offset else f" (UTC{moment:%z})"
        return markup(text)

    def state(self, state: str) -> str:
        key = {"given": "r_given", "withdrawn": "r_withdrawn", "not_asked": "r_not_asked"}
        return escape(self.w[key[state]]) if state in key else markup(state.capitalize())

    def court(self, d: RestrictedDetails) -> str:
        answer = d.willing_to_attend_court
        known = {"yes": "court_yes", "no": "court_no", "not_sure": "court_not_sure"}
        if answer is None:
            shown = self.missing
        else:
            shown = escape(self.w[known[answer]]) if answer in known else markup(answer)
        if d.court_note and d.court_note.strip():
            shown += "<br/>" + markup(self.w["r_court_note"].format(note=clean(d.court_note)))
        return shown


def consent_items(d: RestrictedDetails) -> tuple[ConsentItem, ...]:
    """The consents to print: the MG11 items when given, else format 1's plain tuples."""
    if d.consent_items:
        return d.consent_items
    return tuple(ConsentItem(kind=k, state=s, at=a) for k, s, a in d.consents)


def consent_cell(item: ConsentItem, w: Mapping[str, str], lang: str) -> str:
    known = consent_text(item.kind, lang)
    shown = escape(known) if known is not None else markup(item.kind)
    if item.limit.strip():
        limit = markup(w["r_limit"].format(limit=clean(item.limit)))
        shown += f'<br/><font size="9.5" color="#404040">{limit}</font>'
    return shown


class ConsentSignature(Flowable):
    """'Signature of witness (consents)' and the witness's signature, or an empty line
    to sign on when there is none."""

    def __init__(self, label: str, art: SignatureArt | None) -> None:
        super().__init__()
        self.label, self.art = label, art

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, CONSENT_SIG_H + 4
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(FONT, 10)
        canvas.setFillColor(GREY)
        canvas.drawString(0, 6, self.label)
        x = pdfmetrics.stringWidth(self.label, FONT, 10) + 8
        if self.art is not None and has_art(self.art):
            define_signature_form(canvas, self.art, CONSENT_SIG_FORM, CONSENT_SIG_W, CONSENT_SIG_H)
            place_signature(canvas, CONSENT_SIG_FORM, x, 2)
        else:
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.line(x, 4, x + CONSENT_SIG_W, 4)


def restricted_story(d: RestrictedDetails) -> list[Flowable]:
    lang = d.language_code
    w = words(lang)
    v = Values(w)
    label = style("label", 10, colour=GREY)
    value = style("value", 11)
    head = style("head", 10, bold=True)
    h2 = style("h2", 12, bold=True, spaceAfter=6, keepWithNext=1)

    who = Table(
        [
            [
                Paragraph(escape(w["r_witness"]), label),
                Paragraph(markup(d.witness_name), value),
                Paragraph(escape(w["urn"]), label),
                Paragraph(markup(d.reference), value),
            ]
        ],
        colWidths=[22 * mm, 78 * mm, 14 * mm, TEXT_W - 114 * mm],
        style=table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")
        ),
    )
    rows = [
        ("r_date_of_birth", v.text(d.date_of_birth)),
        ("r_address", v.text(d.address)),
        ("r_phone", v.text(d.phone)),
        ("r_email", v.text(d.email)),
        ("r_safe_contact", v.text(d.safe_contact)),
        ("r_safe_times", v.text(d.safe_times)),
        ("r_voicemail", v.yes_no(d.voicemail_safe)),
        ("r_letters", v.yes_no(d.letters_safe)),
        ("r_dates_to_avoid", v.text(d.dates_to_avoid)),
        ("r_special_measures", v.text(d.special_measures)),
        ("r_other_needs", v.text(d.other_needs)),
        ("r_vps_offered", v.yes_no(d.victim_personal_statement_offered, "was")),
    ]
    details = Table(
        [[Paragraph(escape(w[k]), label), Paragraph(x, value)] for k, x in rows],
        colWidths=[LABEL_W, TEXT_W - LABEL_W],
        style=table_style(*GRID),
    )

    items = consent_items(d)
    if items:
        consents: Flowable = Table(
            [[Paragraph(escape(w[k]), head) for k in ("r_consent", "r_decision", "r_recorded")]]
            + [
                [
                    Paragraph(consent_cell(item, w, lang), value),
                    Paragraph(v.state(item.state), value),
                    Paragraph(v.when(item.at, lang), value),
                ]
                for item in items
            ],
            colWidths=[TEXT_W - 92 * mm, 34 * mm, 58 * mm],  # "Penderfyniad" on one line
            repeatRows=1,
            style=table_style(*GRID),
        )
    else:
        consents = Paragraph(escape(w["r_no_consents"]), value)

    support_rows = [
        ("r_process_explained", v.yes_no(d.process_explained, "was")),
        ("r_leaflet", v.yes_no(d.leaflet_given, "was")),
        ("r_court", v.court(d)),
        ("r_witness_service", v.yes_no(d.witness_service_referral, "was")),
    ]
    support = Table(
        [[Paragraph(escape(w[k]), label), Paragraph(x, value)] for k, x in support_rows],
        colWidths=[TEXT_W - 60 * mm, 60 * mm],
        style=table_style(*GRID),
    )

    return [
        Paragraph(escape(w["r_heading"]), style("title", 15, bold=True, alignment=TA_CENTER)),
        Spacer(1, 4),
        Paragraph(escape(w["r_note"]), style("note", 9, colour=GREY, alignment=TA_CENTER)),
        Spacer(1, 14),
        who,
        Spacer(1, 10),
        details,
        Spacer(1, 16),
        Paragraph(escape(w["r_consents"]), h2),
        consents,
        Spacer(1, 16),
        # the witness signs for what this page records: the answers and the signature
        # stay together
        KeepTogether(
            [
                Paragraph(escape(w["r_support"]), h2),
                support,
                Spacer(1, 12),
                ConsentSignature(w["r_consent_signature"], d.consent_signature),
            ]
        ),
    ]


def check_restricted(d: RestrictedDetails) -> None:
    """Refuse what cannot be drawn truthfully: a character the font lacks, an unchecked
    signature image, a language other than English or Welsh."""
    w = words(d.language_code)
    values = [v for v in vars(d).values() if isinstance(v, str)]
    consents = [x for c in d.consents for x in c]
    items = [x for c in d.consent_items for x in (c.kind, c.state, c.at, c.limit)]
    refuse_missing_glyphs("restricted details", values + consents + items + list(w.values()))
    refuse_missing_glyphs("restricted details", [w["r_heading"]], FONT_BOLD)
    if d.consent_signature is not None and d.consent_signature.image is not None:
        signature_from_image(d.consent_signature.image)  # defence in depth


def render_restricted(details: RestrictedDetails) -> bytes:
    """The restricted-details PDF: same font and page furniture as the statement."""
    check_restricted(details)
    w = words(details.language_code)

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
        footer = w["r_footer"].format(reference=details.reference)
        canvas.drawString(MARGIN_X, 26 * mm, fit(footer, FONT, 9, TEXT_W * 0.6))
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 10)
        draw_page_of(canvas, PAGE_W - MARGIN_X, 26 * mm, page, digits, lang=details.language_code)
        canvas.restoreState()

    return build(
        lambda _digits: restricted_story(details),
        on_page,
        title=w["r_title"],
        lang=pdf_lang(details.language_code),
        digits=1,
        keywords=keywords(details),
        created=details.created,
    )
