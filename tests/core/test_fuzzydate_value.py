"""Fuzzy dates: the value type (order, JSON) and properties over arbitrary text and real
calendar dates. No Qt."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine.fuzzydate import PRECISIONS, FuzzyDate, parse_when
from app.engine.fuzzydate_calendar import MONTH_NAMES
from app.errors import UsageError
from tests.core.fuzzydate_helpers import (
    DOB,
    MOVED_JUNE_1987,
    TODAY,
    D,
    resolver,
    shape,
    when,
)

# --- the value type ------------------------------------------------------------------------


def test_sort_order_of_a_mixed_list() -> None:
    resolve = resolver({"we moved": MOVED_JUNE_1987})
    texts = [
        "the Christmas after we moved",
        "1987",
        "the 1980s",
        "aged 12",
        "June 1987",
        "14 June 1987",
        "summer 1987",
        "1985 to 1987",
        "Easter 1987",
    ]
    ordered = sorted(
        (when(t, date_of_birth=DOB, resolve=resolve) for t in texts), key=FuzzyDate.sort_key
    )
    assert [f.text for f in ordered] == [
        "the 1980s",
        "1985 to 1987",
        "1987",
        "aged 12",
        "Easter 1987",
        "June 1987",
        "summer 1987",
        "14 June 1987",
        "the Christmas after we moved",
    ]


def test_to_dict_is_json_friendly_and_round_trips() -> None:
    found = when("about the summer of 1987")
    record = found.to_dict()
    assert record == {
        "text": "about the summer of 1987",
        "earliest": "1987-06-01",
        "latest": "1987-08-31",
        "precision": "season",
        "uncertain": True,
    }
    assert FuzzyDate.from_dict(json.loads(json.dumps(record))) == found


@pytest.mark.parametrize(
    "record",
    [
        {},
        {"text": "1987", "earliest": "1987-01-01", "latest": "1987-12-31", "precision": "year"},
        {
            "text": "1987",
            "earliest": "1987-13-01",
            "latest": "1987-12-31",
            "precision": "year",
            "uncertain": False,
        },
        {
            "text": "1987",
            "earliest": "1988-01-01",
            "latest": "1987-12-31",
            "precision": "year",
            "uncertain": False,
        },
        {
            "text": "1987",
            "earliest": "1987-01-01",
            "latest": "1987-12-31",
            "precision": "decade",
            "uncertain": False,
        },
        {
            "text": 1987,
            "earliest": "1987-01-01",
            "latest": "1987-12-31",
            "precision": "year",
            "uncertain": False,
        },
        {
            "text": "1987",
            "earliest": 1987,
            "latest": "1987-12-31",
            "precision": "year",
            "uncertain": "no",
        },
        [],
    ],
)
def test_from_dict_rejects_malformed_records(record: object) -> None:
    with pytest.raises(UsageError, match="a stored fuzzy date is malformed"):
        FuzzyDate.from_dict(record)  # type: ignore[arg-type]


# --- properties ------------------------------------------------------------------------------

TOKENS = [
    "the",
    "in",
    "of",
    "about",
    "around",
    "c.",
    "?",
    "-ish",
    "or",
    "and",
    "to",
    "-",
    "/",
    "\u2013",
    "between",
    "from",
    "after",
    "before",
    "aged",
    "age",
    "ages",
    "when I was",
    "early",
    "mid",
    "late",
    "summer",
    "winter",
    "Christmas",
    "Easter",
    "half term",
    "school holidays",
    "year",
    "month",
    "a few",
    "months",
    "June",
    "Feb",
    "14th",
    "29",
    "31",
    "0",
    "00",
    "12",
    "13",
    "87",
    "'87",
    "'05",
    "1899",
    "1900",
    "1987",
    "1999",
    "2025",
    "2026",
    "9999",
    "0001",
    "80s",
    "1980s",
    "teens",
    "we moved",
    "years old",
    ",",
    ".",
    "",
]
FIXED = FuzzyDate("we moved", D(1987, 6, 1), D(1987, 6, 30), "month", False)
EXTREME = FuzzyDate("long ago", D(1, 1, 1), D(9999, 12, 31), "range", False)


def check(found: FuzzyDate, text: str) -> None:
    assert found.earliest <= found.latest <= TODAY
    assert found.earliest >= D(1900, 1, 1)
    assert found.precision in PRECISIONS
    assert found.text == text.strip()
    assert FuzzyDate.from_dict(found.to_dict()) == found


@settings(max_examples=600)
@given(
    text=st.text(max_size=60),
    dob=st.none() | st.dates(min_value=D(1900, 1, 1), max_value=TODAY),
    anchor=st.sampled_from([None, FIXED, EXTREME]),
)
def test_arbitrary_text_gives_a_date_or_a_usage_error(
    text: str, dob: date | None, anchor: FuzzyDate | None
) -> None:
    try:
        found = parse_when(text, date_of_birth=dob, resolve=lambda _: anchor, today=TODAY)
    except UsageError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    check(found, text)


@pytest.mark.slow  # a long sweep: make test runs it, make check leaves it out
@settings(max_examples=1500)
@given(
    words=st.lists(st.sampled_from(TOKENS), max_size=7),
    dob=st.none() | st.dates(min_value=D(1900, 1, 1), max_value=TODAY),
    anchor=st.sampled_from([None, FIXED, EXTREME]),
)
def test_date_like_word_soup_gives_a_date_or_a_usage_error(
    words: list[str], dob: date | None, anchor: FuzzyDate | None
) -> None:
    text = " ".join(words)
    try:
        found = parse_when(text, date_of_birth=dob, resolve=lambda _: anchor, today=TODAY)
    except UsageError:
        return
    check(found, text)


@given(day=st.dates(min_value=D(1900, 1, 1), max_value=TODAY))
def test_any_real_day_written_out_parses_to_exactly_that_day(day: date) -> None:
    for text in (
        f"{day.day} {MONTH_NAMES[day.month]} {day.year}",
        f"{day:%d/%m/%Y}",
        day.isoformat(),
    ):
        found = when(text)
        assert shape(found) == (day, day, "day")
        assert not found.uncertain
