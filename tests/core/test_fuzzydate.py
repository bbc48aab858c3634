"""Fuzzy dates: every accepted form with its exact range (exact days, months, years and
decades, seasons and holidays, ranges). No Qt."""

from __future__ import annotations

from datetime import date

import pytest

from app.engine.fuzzydate_calendar import easter_sunday
from tests.core.fuzzydate_helpers import (
    TODAY,
    D,
    shape,
    span,
    when,
)

# --- exact dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1987-06-14",
        "14/06/1987",
        "14 June 1987",
        "14th June 1987",
        "June 14 1987",
        "June 14th, 1987",
        "  on the 14th of June,  1987 ",
        "14.06.1987",
        "14-06-1987",
        "14/06/87",
        "14 JUNE 1987",
        "14 Jun 1987",
        "1987/06/14",
    ],
)
def test_exact_day(text: str) -> None:
    found = when(text)
    assert (found.earliest, found.latest) == (D(1987, 6, 14), D(1987, 6, 14))
    assert found.precision == "day" and not found.uncertain
    assert found.text == text.strip()


def test_numeric_dates_are_day_first() -> None:
    assert span("06/07/1987") == (D(1987, 7, 6), D(1987, 7, 6))


# --- months --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "June 1987",
        "Jun 1987",
        "jun. 1987",
        "06/1987",
        "6/1987",
        "1987-06",
        "in June of 1987",
        "the June of 1987",
        " June ,  1987 ",
    ],
)
def test_month(text: str) -> None:
    assert shape(when(text)) == (D(1987, 6, 1), D(1987, 6, 30), "month")


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Sept 1987", D(1987, 9, 1), D(1987, 9, 30)),
        ("early June 1987", D(1987, 6, 1), D(1987, 6, 10)),
        ("mid-June 1987", D(1987, 6, 11), D(1987, 6, 20)),
        ("late June 1987", D(1987, 6, 21), D(1987, 6, 30)),
        ("end of February 1988", D(1988, 2, 21), D(1988, 2, 29)),
    ],
)
def test_month_variants(text: str, first: date, last: date) -> None:
    assert span(text) == (first, last)


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("February 1988", D(1988, 2, 29)),  # divisible by 4
        ("February 1987", D(1987, 2, 28)),
        ("February 1900", D(1900, 2, 28)),  # century, not leap
        ("February 2000", D(2000, 2, 29)),  # divisible by 400
        ("29 February 1988", D(1988, 2, 29)),
        ("winter 1987", D(1988, 2, 29)),  # winter runs into a leap February
        ("winter 1986", D(1987, 2, 28)),
    ],
)
def test_leap_years(text: str, last: date) -> None:
    assert when(text).latest == last


# --- years, decades, two-digit years -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "uncertain"),
    [
        ("1987", False),
        ("in 1987", False),
        ("sometime in 1987", False),
        ("the year 1987", False),
        ("about 1987", True),
        ("around 1987", True),
        ("roughly 1987", True),
        ("circa 1987", True),
        ("c. 1987", True),
        ("c.1987", True),
        ("c1987", True),
        ("ca. 1987", True),
        ("1987?", True),
        ("maybe 1987", True),
        ("I think 1987", True),
        ("1987 I think", True),
        ("1987 or so", True),
        ("1987-ish", True),
        ("1987ish", True),
        ("probably 1987", True),
        ("I think it was about 1987?", True),
    ],
)
def test_year_and_hedges(text: str, uncertain: bool) -> None:
    found = when(text)
    assert shape(found) == (D(1987, 1, 1), D(1987, 12, 31), "year")
    assert found.uncertain is uncertain


@pytest.mark.parametrize(
    ("text", "first_year", "last_year"),
    [
        ("the late 1980s", 1986, 1989),
        ("the early 80s", 1980, 1983),
        ("mid-1980s", 1984, 1986),
        ("the mid 80's", 1984, 1986),
        ("the 1980s", 1980, 1989),
        ("the 1980's", 1980, 1989),
        ("the '80s", 1980, 1989),
        ("the eighties", 1980, 1989),
        ("the late seventies", 1976, 1979),
    ],
)
def test_decades(text: str, first_year: int, last_year: int) -> None:
    assert shape(when(text)) == (D(first_year, 1, 1), D(last_year, 12, 31), "year")


def test_parts_of_a_year() -> None:
    assert span("early 1987") == (D(1987, 1, 1), D(1987, 4, 30))
    assert span("mid 1987") == (D(1987, 5, 1), D(1987, 8, 31))
    assert span("late 1987") == (D(1987, 9, 1), D(1987, 12, 31))
    assert span("the second half of 1987") == (D(1987, 7, 1), D(1987, 12, 31))


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("'87", 1987),
        ("\u201987", 1987),  # typographic apostrophe
        ("'05", 2005),  # 2005 is not after today, so the recent century
        ("'30", 1930),  # 2030 would be in the future
        ("summer 87", 1987),  # bare two digits only after a season or holiday name
        ("Christmas '99", 1999),
    ],
)
def test_two_digit_years_take_the_latest_year_not_after_today(text: str, year: int) -> None:
    assert when(text).earliest.year == year


def test_ranges_stop_at_today() -> None:
    assert span("2025") == (D(2025, 1, 1), TODAY)
    assert span("the 2020s") == (D(2020, 1, 1), TODAY)


# --- seasons and holidays ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("summer 1987", D(1987, 6, 1), D(1987, 8, 31), "season"),
        ("the summer of 1987", D(1987, 6, 1), D(1987, 8, 31), "season"),
        ("in the summertime of 1987", D(1987, 6, 1), D(1987, 8, 31), "season"),
        ("spring 1987", D(1987, 3, 1), D(1987, 5, 31), "season"),
        ("autumn 1987", D(1987, 9, 1), D(1987, 11, 30), "season"),
        ("fall 1987", D(1987, 9, 1), D(1987, 11, 30), "season"),
        ("winter 1987", D(1987, 12, 1), D(1988, 2, 29), "season"),
        ("winter 1987/88", D(1987, 12, 1), D(1988, 2, 29), "season"),
        ("winter 1987-1988", D(1987, 12, 1), D(1988, 2, 29), "season"),
        ("late summer 1987", D(1987, 8, 1), D(1987, 8, 31), "season"),
        ("mid-winter 1987", D(1988, 1, 1), D(1988, 1, 31), "season"),
        ("Christmas 1987", D(1987, 12, 24), D(1987, 12, 26), "season"),
        ("xmas 1987", D(1987, 12, 24), D(1987, 12, 26), "season"),
        ("Christmas Day 1987", D(1987, 12, 25), D(1987, 12, 25), "day"),
        ("Boxing Day 1987", D(1987, 12, 26), D(1987, 12, 26), "day"),
        ("New Year's Eve 1987", D(1987, 12, 31), D(1987, 12, 31), "day"),
        ("bonfire night 1987", D(1987, 11, 5), D(1987, 11, 5), "day"),
        ("Halloween 1987", D(1987, 10, 31), D(1987, 10, 31), "day"),
        ("Easter 1987", D(1987, 4, 17), D(1987, 4, 20), "season"),  # Good Friday .. Easter Monday
        ("Easter 2024", D(2024, 3, 29), D(2024, 4, 1), "season"),
        ("the school holidays 1987", D(1987, 7, 15), D(1987, 9, 10), "season"),
        ("summer holidays 1987", D(1987, 7, 15), D(1987, 9, 10), "season"),
        ("the summer hols of 1987", D(1987, 7, 15), D(1987, 9, 10), "season"),
        ("the Christmas holidays 1987", D(1987, 12, 18), D(1988, 1, 6), "season"),
        ("Easter holidays 1987", D(1987, 4, 10), D(1987, 4, 27), "season"),
        ("October half term 1987", D(1987, 10, 17), D(1987, 11, 4), "season"),
        ("February half-term 1988", D(1988, 2, 8), D(1988, 2, 25), "season"),
        ("Whitsun half term 1987", D(1987, 5, 22), D(1987, 6, 7), "season"),
    ],
)
def test_seasons_and_holidays(text: str, first: date, last: date, precision: str) -> None:
    found = when(text)
    assert shape(found) == (first, last, precision)
    # A season or holiday has no sharp edges, so it is uncertain; a named day is not.
    assert found.uncertain is (precision == "season")


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        (1900, D(1900, 4, 15)),
        (1913, D(1913, 3, 23)),
        (1943, D(1943, 4, 25)),
        (1961, D(1961, 4, 2)),
        (1987, D(1987, 4, 19)),
        (2000, D(2000, 4, 23)),
        (2008, D(2008, 3, 23)),
        (2011, D(2011, 4, 24)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
    ],
)
def test_easter_sunday_known_years(year: int, sunday: date) -> None:
    assert easter_sunday(year) == sunday


def test_easter_is_always_a_sunday_between_22_march_and_25_april() -> None:
    for year in range(1900, 2200):
        sunday = easter_sunday(year)
        assert sunday.weekday() == 6
        assert D(year, 3, 22) <= sunday <= D(year, 4, 25)


# --- ranges --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1985-1987", D(1985, 1, 1), D(1987, 12, 31)),
        ("1985 - 1987", D(1985, 1, 1), D(1987, 12, 31)),
        ("1985 to 1987", D(1985, 1, 1), D(1987, 12, 31)),
        ("between 1985 and 1987", D(1985, 1, 1), D(1987, 12, 31)),
        ("from 1985 until 1987", D(1985, 1, 1), D(1987, 12, 31)),
        ("from June 1985 to March 1986", D(1985, 6, 1), D(1986, 3, 31)),
        ("1985\u201387", D(1985, 1, 1), D(1987, 12, 31)),  # en dash, abbreviated end
        ("1985\u20141987", D(1985, 1, 1), D(1987, 12, 31)),  # em dash
        ("1985-87", D(1985, 1, 1), D(1987, 12, 31)),
        ("1985 to 87", D(1985, 1, 1), D(1987, 12, 31)),
        ("1999\u201301", D(1999, 1, 1), D(2001, 12, 31)),  # the end rolls into the next century
        ("1985/86", D(1985, 1, 1), D(1986, 12, 31)),
        ("June to August 1987", D(1987, 6, 1), D(1987, 8, 31)),
        ("14 to 16 June 1987", D(1987, 6, 14), D(1987, 6, 16)),
        ("the late 70s to the early 80s", D(1976, 1, 1), D(1983, 12, 31)),
        ("1987 to 1987", D(1987, 1, 1), D(1987, 12, 31)),
    ],
)
def test_ranges(text: str, first: date, last: date) -> None:
    found = when(text)
    assert shape(found) == (first, last, "range")
    assert not found.uncertain


def test_hedged_range_is_uncertain() -> None:
    assert when("about 1985 to 1987").uncertain


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("summer 1985 to 1987", D(1985, 6, 1), D(1987, 12, 31)),
        ("from the summer of 1985 to Easter 1986", D(1985, 6, 1), D(1986, 3, 31)),
    ],
)
def test_a_range_from_a_season_is_uncertain(text: str, first: date, last: date) -> None:
    # The season's fuzzy edge is the range's edge.
    assert (*shape(when(text)), when(text).uncertain) == (first, last, "range", True)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1987 or 1988", D(1987, 1, 1), D(1988, 12, 31)),
        ("either 1988 or 1987", D(1987, 1, 1), D(1988, 12, 31)),  # "or" has no direction
        ("summer or autumn 1987", D(1987, 6, 1), D(1987, 11, 30)),
        ("Christmas 1987 or 1988", D(1987, 12, 24), D(1988, 12, 26)),  # two Christmases
        ("Christmas 1987 or 88", D(1987, 12, 24), D(1988, 12, 26)),
        ("the late 1980s or early 1990s", D(1986, 1, 1), D(1993, 12, 31)),
    ],
)
def test_either_or_is_an_uncertain_range(text: str, first: date, last: date) -> None:
    found = when(text)
    assert (found.earliest, found.latest, found.precision, found.uncertain) == (
        first,
        last,
        "range",
        True,
    )


def test_and_joins_a_range() -> None:
    assert span("June and July 1987") == (D(1987, 6, 1), D(1987, 7, 31))


def test_hyphen_with_a_month_number_is_a_month_not_a_range() -> None:
    # ISO year-month wins over an abbreviated range; an en dash means a range.
    assert when("1999-01").precision == "month"
    assert when("1999\u201301").precision == "range"
