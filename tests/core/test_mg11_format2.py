"""The statement PDF's format 2 fields: the Welsh statement, the organisation's s.9
declaration, the signing time, the sittings, the visual-recording tick box, exhibits,
initials on every page, and the unsigned rendering the witness confirms page by page.

Pages are read back with pypdfium2 (what the page confirmation hashes), the tests' own
extractor (tests/pdftext.py) and poppler's pdftotext / pdffonts and qpdf.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from app.errors import UsageError
from app.render.document import (
    ExhibitLine,
    SignatureArt,
    SittingTimes,
    StatementDocument,
    Stroke,
)
from app.render.mg11 import SIG_FORM, TOTAL_FORM, render_statement
from tests.conftest import require_tool
from tests.core.test_mg11 import fixed_paragraphs, statement
from tests.pdftext import SIG_MARK, content, declared_pages, flat, pdf_pages, texts

# Test data standing in for an organisation's approved Welsh wording.
CY_DECLARATION = (
    "Mae'r datganiad hwn (sy'n cynnwys {n} tudalen, a phob un wedi'i llofnodi gennyf) "
    "yn wir hyd eithaf fy ngwybodaeth a'm cred, ac rwy'n ei wneud gan wybod, os caiff ei "
    "gyflwyno fel tystiolaeth, y byddaf yn agored i gael fy erlyn os byddaf wedi datgan "
    "ynddo yn fwriadol unrhyw beth y gwn ei fod yn anwir neu nad wyf yn credu ei fod yn wir."
)
WELSH_LETTERS = "ŵ ŷ â ê î ô û ï ë Ŵ Ŷ Â Ê Î Ô Û Ï Ë"
SIGNED_AT = dt.datetime(2026, 12, 4, 6, 43, 10, tzinfo=dt.UTC)


def initials_art(seed: int) -> SignatureArt:
    wave = tuple((10 + k * 4.0, 40 + 20 * math.sin(k / 2 + seed)) for k in range(30))
    return SignatureArt(strokes=(Stroke(wave),), width=150, height=80)


def welsh(paragraphs: tuple[str, ...] | None = None, **kw: Any) -> StatementDocument:
    fields: dict[str, Any] = {"language_code": "cy", "declaration": CY_DECLARATION}
    fields.update(kw)
    return statement(paragraphs if paragraphs is not None else fixed_paragraphs(6), **fields)


def pdfium_texts(pdf: bytes) -> list[str]:
    """Each page's text as pypdfium2 extracts it (what a page confirmation hashes)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def tool(tmp_path: Path, name: str, pdf: bytes, *args: str) -> str:
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        [require_tool(name), *args, str(path), *(["-"] if name == "pdftotext" else [])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def lang_of(pdf: bytes) -> str:
    return str(PdfFileReader(io.BytesIO(pdf)).root["/Lang"])


def xobjects(page: Any) -> set[str]:
    return {str(name) for name in page["/Resources"].get("/XObject", {})}


# --- language -------------------------------------------------------------------------


def test_a_welsh_statement_is_welsh_throughout(tmp_path: Path) -> None:
    doc = welsh(
        (*fixed_paragraphs(5), f"Llythrennau: {WELSH_LETTERS}."),
        witness_name="Siân Ŵyn",
        signed_on=dt.date(2026, 7, 9),
        witnessed_by="Sam Interviewer (cyfwelydd)",
        occupation="Nyrs",
    )
    pdf = render_statement(doc)
    pages = [flat(t) for t in texts(pdf)]
    assert len(pages) == 2 and lang_of(pdf) == "cy-GB"
    first = pages[0]
    for words in (
        "DATGANIAD TYST",
        "Deddf Cyfiawnder Troseddol 1967, a.9; Deddf Llysoedd Ynadon 1980, a.5B; "
        "Rheolau Trefniadaeth Droseddol 2020, r.16.2",
        "Datganiad gan: Siân Ŵyn URN: 52/AB/1234/26",
        "Oed (os o dan 18): Dros 18 Rhif y datganiad: 1",
        "Galwedigaeth: Nyrs",
        "Ticiwch os yw tystiolaeth y tyst wedi'i recordio'n weledol Dim cofnod",
        CY_DECLARATION.replace("{n}", "2"),
        "Llofnod: Dyddiad: 9 Gorffennaf 2026",
        "Cywiriadau a wnaed wrth ddarllen yn ôl: dim.",
        "Llofnod wedi'i dystio gan: Sam Interviewer (cyfwelydd)",
        "Tudalen 1 o 2",
    ):
        assert words in first, words
    assert "Parhad o ddatganiad gan: Siân Ŵyn" in pages[1] and "Tudalen 2 o 2" in pages[1]
    assert (
        "Datganiad wedi'i gymryd gan: Sam Interviewer (cyfwelydd) Dyddiad: 9 Gorffennaf 2026 "
        "Lleoliad: Cardiff"
    ) in pages[1]
    assert not re.search(r"\b(Page|Signature|Statement|Date|July)\b", " ".join(pages))
    # poppler sees the same words, in embedded fonts only
    text = " ".join(tool(tmp_path, "pdftotext", pdf, "-enc", "UTF-8").split())
    assert "DATGANIAD TYST" in text and "Tudalen 1 o 2" in text and WELSH_LETTERS in text
    assert CY_DECLARATION.replace("{n}", "2") in text
    fonts = tool(tmp_path, "pdffonts", pdf).splitlines()[2:]
    assert len(fonts) == 2 and all(" yes yes yes " in f and "DejaVuSans" in f for f in fonts)
    tool(tmp_path, "qpdf", pdf, "--check")


def test_every_welsh_month_and_the_english_lang() -> None:
    months = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ]
    for month, name in enumerate(months, 1):
        doc = welsh(("Un.",), signed_on=dt.date(2027, month, 28))
        assert f"Dyddiad: 28 {name} 2027" in flat(texts(render_statement(doc))[0])
    english = render_statement(statement(("One.",)))
    assert lang_of(english) == "en-GB"
    info = PdfFileReader(io.BytesIO(english)).trailer_view["/Info"]
    assert str(info["/Title"]) == "Witness statement"
    cy = PdfFileReader(io.BytesIO(render_statement(welsh(("Un.",))))).trailer_view["/Info"]
    assert str(cy["/Title"]) == "Datganiad tyst"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"language_code": "cy"}, "mg11.welsh_declaration_missing"),
        ({"language_code": "cy", "unsigned": True}, "mg11.welsh_declaration_missing"),
        ({"declaration": "This statement is true."}, "mg11.declaration_placeholder"),
        ({"declaration": "{n} pages, {n} signed"}, "mg11.declaration_placeholder"),
        ({"language_code": "cy", "declaration": "Dim tudalennau."}, "mg11.declaration_placeholder"),
        ({"language_code": "fr"}, "render.language_unknown"),
        ({"declaration": "Consisting of {n} page(s) 中"}, "pdf.missing_glyphs"),
        ({"exhibits": (ExhibitLine("AE/1", "日記"),)}, "pdf.missing_glyphs"),
    ],
)
def test_declarations_and_languages_that_cannot_be_printed_are_refused(
    change: dict[str, Any], code: str
) -> None:
    with pytest.raises(UsageError) as info:
        render_statement(statement(("Words.",), **change))
    assert info.value.code == code


# --- the organisation's declaration ---------------------------------------------------


@pytest.mark.parametrize("paragraphs", [2, 60])
def test_the_approved_declaration_replaces_the_built_in_one_with_the_real_count(
    paragraphs: int,
) -> None:
    # figures elsewhere in the text (2020, 10) must not be taken for the count's place
    approved = (
        "Under the Criminal Procedure Rules 2020 (r.16.2, para 10) I declare that this "
        "statement of {n} page(s) is true; 0 of them were left unsigned."
    )
    pdf = render_statement(statement(fixed_paragraphs(paragraphs), declaration=approved))
    pages = texts(pdf)
    assert approved.replace("{n}", str(len(pages))) in flat(pages[0])
    assert "This statement (consisting of" not in flat(pages[0])
    # the count inside it is the page-total form, like "Page X of Y"
    drawn = content(pdf_pages(pdf)[0]).count(f"/FormXob.{TOTAL_FORM} Do".encode())
    assert drawn == 2


def test_a_welsh_statement_counts_its_pages_in_its_declaration() -> None:
    pages = texts(render_statement(welsh(fixed_paragraphs(40))))
    count = re.search(r"sy'n cynnwys (\d+) tudalen", flat(pages[0]))
    assert count and int(count.group(1)) == len(pages) == 7
    assert all(f"Tudalen {i} o 7" in flat(t) for i, t in enumerate(pages, 1))


# --- the signing time and the sittings ------------------------------------------------


@pytest.mark.parametrize(
    ("signed_at", "english", "cymraeg"),
    [
        (SIGNED_AT, "4 December 2026, 06:43", "4 Rhagfyr 2026, 06:43"),
        # British Summer Time: an hour ahead of the stored UTC
        (
            dt.datetime(2026, 6, 4, 5, 43, tzinfo=dt.UTC),
            "4 June 2026, 06:43",
            "4 Mehefin 2026, 06:43",
        ),
        # a naive stored time is UTC; 23:30 UTC in summer is the next day in the UK
        (dt.datetime(2026, 6, 3, 23, 30), "4 June 2026, 00:30", "4 Mehefin 2026, 00:30"),
    ],
)
def test_the_signing_date_and_time_in_uk_local_time(
    signed_at: dt.datetime, english: str, cymraeg: str
) -> None:
    en = flat(" ".join(texts(render_statement(statement(("Words.",), signed_at=signed_at)))))
    assert f"Signature: Date and time: {english}" in en  # the declaration's date line
    assert f"Statement taken by: Sam Interviewer (interviewer) Date and time: {english}" in en
    cy = flat(" ".join(texts(render_statement(welsh(("Geiriau.",), signed_at=signed_at)))))
    assert f"Llofnod: Dyddiad ac amser: {cymraeg}" in cy
    assert f"(cyfwelydd) Dyddiad ac amser: {cymraeg}" in cy


def test_each_sitting_is_listed_with_its_times_and_place() -> None:
    utc = dt.UTC
    sittings = (
        SittingTimes(
            dt.datetime(2026, 12, 4, 10, 2, tzinfo=utc),
            dt.datetime(2026, 12, 4, 11, 15, tzinfo=utc),
            "Cardiff office",
        ),
        SittingTimes(
            dt.datetime(2026, 6, 3, 22, 40, tzinfo=utc),
            dt.datetime(2026, 6, 3, 23, 30, tzinfo=utc),
            "",
        ),
        SittingTimes(dt.datetime(2026, 12, 5, 9, 0, tzinfo=utc), None, "Room <2> & hall"),
    )
    doc = statement(("Words.",), sittings=sittings, place="Swansea")
    en = flat(texts(render_statement(doc))[-1])
    assert (
        "Sitting 1: 4 December 2026, 10:02 to 11:15, Place: Cardiff office "
        "Sitting 2: 3 June 2026, 23:40 to 4 June 2026, 00:30, Place: Not recorded "
        "Sitting 3: 5 December 2026, 09:00 (finish not recorded), Place: Room <2> & hall"
    ) in en
    assert "Swansea" not in en  # the statement's own place gives way to the sittings
    cy = flat(texts(render_statement(welsh(("Geiriau.",), sittings=sittings)))[-1])
    assert (
        "Eisteddiad 1: 4 Rhagfyr 2026, 10:02 tan 11:15, Lleoliad: Cardiff office "
        "Eisteddiad 2: 3 Mehefin 2026, 23:40 tan 4 Mehefin 2026, 00:30, Lleoliad: Dim cofnod "
        "Eisteddiad 3: 5 Rhagfyr 2026, 09:00 (dim cofnod o'r amser gorffen), Lleoliad: Room"
    ) in cy
    plain = flat(texts(render_statement(statement(("Words.",))))[-1])
    assert "Place: Cardiff" in plain and "Sitting" not in plain


# --- visual recording and exhibits ----------------------------------------------------


def test_the_visual_recording_tick_box() -> None:
    label = "Tick if witness evidence is visually recorded"

    def first(**kw: Any) -> tuple[str, bytes]:
        pdf = render_statement(statement(("Words.",), **kw))
        return flat(texts(pdf)[0]), pdf

    unknown, _ = first()
    assert f"{label} Not recorded" in unknown and "✓" not in unknown
    no, no_pdf = first(visually_recorded=False, abe_reference="ignored")
    assert label in no and "✓" not in no and "Not recorded" not in no and "ignored" not in no
    yes, yes_pdf = first(visually_recorded=True, abe_reference="ABE/2026/<42>")
    assert f"{label} ✓ ABE recording reference: ABE/2026/<42>" in yes
    assert b"re" in no_pdf and no_pdf != yes_pdf  # the box is drawn either way
    blank, _ = first(visually_recorded=True)
    assert "ABE recording reference: Not given" in blank
    cy = flat(
        texts(render_statement(welsh(("Un.",), visually_recorded=True, abe_reference="R1")))[0]
    )
    assert "wedi'i recordio'n weledol ✓ Cyfeirnod y recordiad ABE: R1" in cy


def test_exhibits_are_listed_after_the_statement_takers_block() -> None:
    exhibits = (
        ExhibitLine("AE/1", "Diary, blue cover, 2004"),
        ExhibitLine("AE/2", "Letter <b>&amp;</b> envelope"),
    )
    last = flat(texts(render_statement(statement(("Words.",), exhibits=exhibits)))[-1])
    assert (
        "Place: Cardiff Exhibits produced by the witness Reference Description "
        "AE/1 Diary, blue cover, 2004 AE/2 Letter <b>&amp;</b> envelope"
    ) in last
    cy = flat(texts(render_statement(welsh(("Un.",), exhibits=exhibits)))[-1])
    assert "Arddangosion a gyflwynwyd gan y tyst Cyfeirnod Disgrifiad AE/1" in cy
    assert "Exhibits" not in flat(texts(render_statement(statement(("Words.",))))[-1])


# --- initials -------------------------------------------------------------------------


def test_each_page_has_its_own_initials_beside_the_signature() -> None:
    plain = statement(fixed_paragraphs(14))
    count = len(texts(render_statement(plain)))
    # page 2 not initialled yet: its place and label stay, with nothing drawn
    arts = tuple(None if i == 1 else initials_art(i) for i in range(count + 3))
    pdf = render_statement(dataclasses.replace(plain, initials=arts))
    pages = pdf_pages(pdf)
    assert len(pages) >= count >= 3  # the initials row takes room from the text
    for number, (page, text) in enumerate(zip(pages, texts(pdf), strict=True), 1):
        assert "Initials:" in text and "Signature:" in text
        own = f"/FormXob.QuietroomInitials{number}"
        forms = xobjects(page)
        assert (own in forms) == (number != 2)
        assert not {f for f in forms if "Initials" in f} - {own}  # never another page's
        if number != 2:
            data = page["/Resources"]["/XObject"][own].get_object().data.split()
            assert data.count(b"l") == 29 and b"W*" in data  # its strokes, clipped
    assert "Initials:" not in " ".join(texts(render_statement(plain)))
    cy = texts(render_statement(welsh(initials=(initials_art(0),))))
    assert all("Llythrennau blaen:" in t for t in cy)


# --- unsigned pages -------------------------------------------------------------------


def full(language: str, **kw: Any) -> StatementDocument:
    doc = welsh() if language == "cy" else statement()
    return dataclasses.replace(
        doc,
        paragraphs=fixed_paragraphs(16),
        signed_at=SIGNED_AT,
        sittings=(SittingTimes(SIGNED_AT - dt.timedelta(hours=2), SIGNED_AT, "Cardiff"),),
        visually_recorded=True,
        abe_reference="ABE/1",
        exhibits=(ExhibitLine("AE/1", "Diary"),),
        witnessed_by="Sam Interviewer (interviewer)",
        read_by_witness=False,
        reader_name="Jo Reader",
        corrections=2,
        **kw,
    )


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("with_initials", [False, True])
def test_unsigned_pages_read_exactly_as_the_signed_ones(language: str, with_initials: bool) -> None:
    initials = tuple(initials_art(i) for i in range(5)) if with_initials else ()
    signed = render_statement(full(language, initials=initials))
    shown = [
        render_statement(full(language, initials=initials, unsigned=True)),
        # before signing there is no signature at all, and no initials yet
        render_statement(
            full(
                language,
                unsigned=True,
                signature=SignatureArt(),
                initials=(None,) if with_initials else (),
            )
        ),
    ]
    signed_pages = pdfium_texts(signed)
    assert len(signed_pages) >= 3
    for pdf in shown:
        assert pdfium_texts(pdf) == signed_pages
        assert [flat(t) for t in texts(pdf)] == [flat(t) for t in texts(signed)]
        # the signature places are empty: no drawing of the signature or the initials
        assert SIG_MARK not in " ".join(texts(pdf))
        assert not any(
            "Signature" in f or "Initials" in f for p in pdf_pages(pdf) for f in xobjects(p)
        )
    assert sum(t.count(SIG_MARK) for t in texts(signed)) == len(signed_pages) + 2
    assert all(f"/FormXob.{SIG_FORM}" in xobjects(p) for p in pdf_pages(signed))


def test_only_a_signed_statement_needs_a_signature() -> None:
    with pytest.raises(UsageError) as info:
        render_statement(statement(("Words.",), signature=SignatureArt()))
    assert info.value.code == "mg11.no_signature"
    pdf = render_statement(statement(("Words.",), signature=SignatureArt(), unsigned=True))
    assert declared_pages(texts(pdf)[0]) == 1


def test_format_2_output_is_deterministic() -> None:
    doc = full("cy", initials=tuple(initials_art(i) for i in range(5)), created=SIGNED_AT)
    assert render_statement(doc) == render_statement(doc)
