"""Fuzzy dates: every accepted form with its exact range, every rejection with its message,
and properties over arbitrary text and real calendar dates. No Qt."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine.fuzzydate import PRECISIONS, FuzzyDate, parse_when
from app.engine.fuzzydate_calendar import MONTH_NAMES, age_period, easter_sunday
from app.errors import UsageError

TODAY = date(2025, 6, 1)
DOB = date(1975, 3, 10)
D = date
NOT_UNDERSTOOD = (
    "could not understand the date '{}'; try e.g. 'June 1987', 'summer 1987', '1985 to 1987' "
    "or 'aged about 12'"
)


def when(text: str, **kwargs: object) -> FuzzyDate:
    kwargs.setdefault("today", TODAY)
    return parse_when(text, **kwargs)  # type: ignore[arg-type]


def span(text: str, **kwargs: object) -> tuple[date, date]:
    found = when(text, **kwargs)
    return found.earliest, found.latest


def shape(found: FuzzyDate) -> tuple[date, date, str]:
    return found.earliest, found.latest, found.precision


def event(earliest: date, latest: date, text: str = "an event") -> FuzzyDate:
    return FuzzyDate(text, earliest, latest, "year", False)


def resolver(
    events: dict[str, FuzzyDate], calls: list[str] | None = None
) -> Callable[[str], FuzzyDate | None]:
    def resolve(words: str) -> FuzzyDate | None:
        if calls is not None:
            calls.append(words)
        return events.get(words.lower())

    return resolve


MOVED_1987 = event(D(1987, 1, 1), D(1987, 12, 31), "1987")
MOVED_JUNE_1987 = event(D(1987, 6, 1), D(1987, 6, 30), "June 1987")


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
    assert not found.uncertain


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
        ("summer 1985 to 1987", D(1985, 6, 1), D(1987, 12, 31)),
        ("from the summer of 1985 to Easter 1986", D(1985, 6, 1), D(1986, 3, 31)),
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


# --- ages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("aged 12", D(1987, 3, 10), D(1988, 3, 9)),
        ("when I was 12", D(1987, 3, 10), D(1988, 3, 9)),
        ("when I was twelve", D(1987, 3, 10), D(1988, 3, 9)),
        ("at the age of 12", D(1987, 3, 10), D(1988, 3, 9)),
        ("12 years old", D(1987, 3, 10), D(1988, 3, 9)),
        ("aged about 12", D(1986, 3, 10), D(1989, 3, 9)),  # "about" widens to 11-13
        ("aged 12?", D(1986, 3, 10), D(1989, 3, 9)),
        ("age 11 or 12", D(1986, 3, 10), D(1988, 3, 9)),
        ("aged 10-13", D(1985, 3, 10), D(1989, 3, 9)),
        ("between the ages of 10 and 13", D(1985, 3, 10), D(1989, 3, 9)),
        ("between 10 and 13 years old", D(1985, 3, 10), D(1989, 3, 9)),
        ("when I was about 9 or 10", D(1983, 3, 10), D(1987, 3, 9)),  # 8-11
        ("in my early teens", D(1988, 3, 10), D(1991, 3, 9)),  # 13-15
        ("when I was a teenager", D(1988, 3, 10), D(1995, 3, 9)),  # 13-19
        ("in my twenties", D(1995, 3, 10), D(2005, 3, 9)),
    ],
)
def test_ages(text: str, first: date, last: date) -> None:
    found = when(text, date_of_birth=DOB)
    assert shape(found) == (first, last, "age")
    assert found.uncertain  # an age is always an approximate way to say when


def test_age_from_a_29_february_birthday() -> None:
    leapling = D(1976, 2, 29)
    assert span("aged 12", date_of_birth=leapling) == (D(1988, 2, 29), D(1989, 2, 28))
    # in a common year the birthday is taken as 1 March
    assert span("aged 11", date_of_birth=leapling) == (D(1987, 3, 1), D(1988, 2, 28))
    assert span("aged about 12", date_of_birth=leapling) == (D(1987, 3, 1), D(1990, 2, 28))


@given(
    dob=st.dates(min_value=D(1900, 1, 1), max_value=D(2010, 12, 31)),
    age=st.integers(min_value=0, max_value=100),
)
def test_consecutive_ages_tile_the_calendar(dob: date, age: int) -> None:
    this_year, next_year = age_period(dob, age, age), age_period(dob, age + 1, age + 1)
    assert this_year[0] <= this_year[1]
    assert this_year[1] + timedelta(days=1) == next_year[0]


def test_age_without_date_of_birth() -> None:
    with pytest.raises(UsageError) as caught:
        when("aged about 12")
    assert str(caught.value) == (
        "'aged about 12' needs the survivor's date of birth; add it to the restricted details first"
    )


# --- relative to another event -------------------------------------------------------------


def test_christmas_after_an_event_known_to_the_month() -> None:
    calls: list[str] = []
    found = when(
        "the Christmas after we moved", resolve=resolver({"we moved": MOVED_JUNE_1987}, calls)
    )
    assert (found.earliest, found.latest) == (D(1987, 12, 24), D(1987, 12, 26))
    assert (found.precision, found.uncertain) == ("relative", True)
    assert calls == ["we moved"]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # moved some time in 1987: the first Christmas on or after 1 Jan 1987 .. the one after
        # 31 Dec 1987
        ("the Christmas after we moved", D(1987, 12, 24), D(1988, 12, 26)),
        ("Christmas after we moved?", D(1987, 12, 24), D(1988, 12, 26)),
        ("the summer before we moved", D(1986, 6, 1), D(1987, 8, 31)),
        ("the summer holidays after we moved", D(1987, 7, 15), D(1988, 9, 10)),
        ("after we moved", D(1987, 1, 1), D(1988, 12, 31)),
        ("before we moved", D(1986, 1, 1), D(1987, 12, 31)),
        ("just after we moved", D(1987, 1, 1), D(1988, 3, 31)),
        ("the year after we moved", D(1988, 1, 1), D(1988, 12, 31)),
        ("the year before we moved", D(1986, 1, 1), D(1986, 12, 31)),
        ("a few months after we moved", D(1987, 3, 1), D(1988, 5, 31)),  # 2 to 5 months
        ("two years after we moved", D(1989, 1, 1), D(1989, 12, 31)),
        ("about two years after we moved", D(1988, 1, 1), D(1990, 12, 31)),
        ("a couple of weeks before we moved", D(1986, 12, 11), D(1987, 12, 17)),
        ("a year or two after we moved", D(1988, 1, 1), D(1989, 12, 31)),
        ("one or two years after we moved", D(1988, 1, 1), D(1989, 12, 31)),
        ("the week after we moved", D(1987, 1, 2), D(1988, 1, 7)),
        ("the day before we moved", D(1986, 12, 31), D(1987, 12, 30)),
        ("the month after we moved", D(1987, 2, 1), D(1988, 1, 31)),
    ],
)
def test_relative_to_an_event(text: str, first: date, last: date) -> None:
    found = when(text, resolve=resolver({"we moved": MOVED_1987}))
    assert shape(found) == (first, last, "relative")
    assert found.uncertain


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("the summer before 1987", D(1986, 6, 1), D(1986, 8, 31)),
        ("the Christmas after 1987", D(1988, 12, 24), D(1988, 12, 26)),
        ("the year after 1987", D(1988, 1, 1), D(1988, 12, 31)),
        ("after 1987", D(1988, 1, 1), D(1988, 12, 31)),
        ("before 1990", D(1989, 1, 1), D(1989, 12, 31)),
        ("the day after 14 June 1987", D(1987, 6, 15), D(1987, 6, 15)),
        ("the night before Christmas Day 1987", D(1987, 12, 24), D(1987, 12, 24)),
        ("just before Christmas 1987", D(1987, 9, 24), D(1987, 12, 23)),
        ("after Easter 1990", D(1990, 4, 17), D(1991, 4, 16)),
    ],
)
def test_relative_to_a_stated_date_needs_no_resolver(text: str, first: date, last: date) -> None:
    # A stated period is over before "after" begins: "after 1987" starts in 1988.
    assert span(text) == (first, last)


def test_resolver_gets_the_survivors_own_words() -> None:
    calls: list[str] = []
    when("not long after Dad left", resolve=resolver({"dad left": MOVED_1987}, calls))
    assert calls == ["Dad left"]


def test_relative_to_an_age_needs_the_date_of_birth() -> None:
    assert span("the summer before I was 12", date_of_birth=DOB) == (D(1986, 6, 1), D(1986, 8, 31))


@pytest.mark.parametrize("resolve", [None, resolver({})])
def test_relative_with_no_matching_event(resolve: Callable[[str], FuzzyDate | None] | None) -> None:
    with pytest.raises(UsageError) as caught:
        when("the Christmas after we moved", resolve=resolve)
    assert str(caught.value) == (
        "no earlier event matches 'we moved'; add that event first or give a date"
    )


def test_resolver_errors_pass_through_unchanged() -> None:
    class Broken(RuntimeError):
        pass

    def resolve(words: str) -> FuzzyDate | None:
        raise Broken(words)

    with pytest.raises(Broken):
        when("after we moved", resolve=resolve)


def test_resolver_must_return_a_fuzzy_date() -> None:
    with pytest.raises(TypeError, match="resolve must return a FuzzyDate or None"):
        when("after we moved", resolve=lambda _: "1987")  # type: ignore[arg-type,return-value]


def test_relative_that_lands_in_the_future() -> None:
    recent = event(D(2025, 3, 1), D(2025, 3, 31))
    with pytest.raises(UsageError, match="is in the future"):
        when("the Christmas after we moved", resolve=resolver({"we moved": recent}))


# --- rejections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the date is empty; say when it happened, e.g. 'summer 1987'"),
        ("   ", "the date is empty; say when it happened, e.g. 'summer 1987'"),
        (
            "x" * 201,
            "the date is longer than 200 characters; put the detail in the account and "
            "keep a short phrase such as 'summer 1987' here",
        ),
        ("xyz", NOT_UNDERSTOOD.format("xyz")),
        ("June 12", NOT_UNDERSTOOD.format("June 12")),
        ("12", NOT_UNDERSTOOD.format("12")),
        ("the summer", NOT_UNDERSTOOD.format("the summer")),
        (
            "31/02/1987",
            "there is no 31 February 1987 (February 1987 has 28 days); check the day and month",
        ),
        (
            "29 February 1987",
            "there is no 29 February 1987 (February 1987 has 28 days); check the day and month",
        ),
        (
            "31 April 1987",
            "there is no 31 April 1987 (April 1987 has 30 days); check the day and month",
        ),
        ("06/14/1987", "there is no month 14; write dates day first, e.g. 14/06/1987"),
        ("13/1987", "there is no month 13; write dates day first, e.g. 14/06/1987"),
        ("1987 to 1985", "'1987 to 1985' ends before it starts; put the earlier date first"),
        (
            "between March 1986 and June 1985",
            "'between March 1986 and June 1985' ends before it starts; put the earlier date first",
        ),
        ("2030", "'2030' is in the future; check the year"),
        ("14 June 2025", "'14 June 2025' is in the future; check the year"),
        ("1985 to 2030", "'1985 to 2030' is in the future; check the year"),
        ("the 2030s", "'the 2030s' is in the future; check the year"),
        ("1850", "the year 1850 is before 1900; check the year"),
        ("June 1899", "the year 1899 is before 1900; check the year"),
        ("the 1890s", "the year 1890 is before 1900; check the year"),
        ("half term 1987", "say which half term was meant, e.g. 'October half term 1987'"),
    ],
)
def test_rejections(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=DOB)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("aged 150", "an age of 150 is not possible; check the age"),
        (
            "between the ages of 13 and 10",
            "'between the ages of 13 and 10' ends before it starts; put the earlier date first",
        ),
    ],
)
def test_age_rejections(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=DOB)
    assert str(caught.value) == message


def test_age_in_the_future() -> None:
    with pytest.raises(UsageError, match="is in the future"):
        when("aged 12", date_of_birth=D(2015, 1, 1))


def test_date_of_birth_after_today() -> None:
    with pytest.raises(UsageError, match="date of birth is after today"):
        when("aged 12", date_of_birth=D(2030, 1, 1))


def test_today_defaults_to_the_real_today() -> None:
    assert parse_when("1987").latest == D(1987, 12, 31)
    with pytest.raises(UsageError, match="in the future"):
        parse_when(str(date.today().year + 1))


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
