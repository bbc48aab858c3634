"""The printed words of both PDFs: two tables with the same ids and placeholders, dates
in words in UK local time, and the built-in English declaration kept where the record's
hash of it expects it."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from app.errors import UsageError
from app.render import mg11, wording
from app.render.fonts import FONT, FONT_BOLD, register_fonts


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_and_welsh_have_the_same_ids_and_placeholders() -> None:
    assert wording.EN.keys() == wording.CY.keys()
    for key, english in wording.EN.items():
        assert placeholders(english) == placeholders(wording.CY[key]), key
        assert wording.CY[key].strip(), key
    assert "Welsh-language reviewer" in (wording.__doc__ or "")


def test_every_word_is_in_the_embedded_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    for font in (FONT, FONT_BOLD):
        glyphs = pdfmetrics.getFont(font).face.charToGlyph
        for table in (wording.EN, wording.CY):
            assert not {c for t in table.values() for c in t if ord(c) not in glyphs}


def test_the_built_in_declaration_is_unchanged_and_still_importable_from_mg11() -> None:
    assert mg11.DECLARATION is wording.DECLARATION
    assert wording.DECLARATION.count("{n}") == 1
    assert wording.DECLARATION.startswith(
        "This statement (consisting of {n} page(s) each signed by me) is true to the best"
    )
    assert "DECLARATION" not in wording.CY and "declaration" not in wording.CY


def test_dates_and_times_in_words() -> None:
    assert wording.long_date(dt.date(2026, 3, 1)) == "1 March 2026"
    assert wording.long_date(dt.date(2026, 3, 1), "cy") == "1 Mawrth 2026"
    assert mg11.long_date(dt.date(2026, 12, 4)) == "4 December 2026"
    # the clocks go forward on 29 March 2026 at 01:00 UTC
    before = dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)
    after = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)
    assert wording.date_and_time(before) == "29 March 2026, 00:59"
    assert wording.date_and_time(after, "cy") == "29 Mawrth 2026, 02:00"
    assert wording.time_span(before, after) == "29 March 2026, 00:59 to 02:00"
    assert wording.time_span(after, None, "cy") == (
        "29 Mawrth 2026, 02:00 (dim cofnod o'r amser gorffen)"
    )
    with pytest.raises(UsageError) as info:
        wording.words("de")
    assert info.value.code == "render.language_unknown"


def test_consent_kinds() -> None:
    access = wording.consent_text("medical_records_access", "en")
    assert access and access.startswith("I consent to police having access")
    assert (
        wording.consent_text("medical-records", "cy")
        == wording.CY["consent_medical_records_access"]
    )
    assert wording.consent_text("Photographs", "en") is None
