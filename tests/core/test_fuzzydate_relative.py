"""Fuzzy dates: ages, dates relative to another event, and every rejection with its
message. No Qt."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.engine.fuzzydate import FuzzyDate, parse_when
from app.engine.fuzzydate_calendar import age_period
from app.errors import UsageError
from tests.core.fuzzydate_helpers import (
    DOB,
    MOVED_1987,
    MOVED_JUNE_1987,
    NOT_UNDERSTOOD,
    D,
    event,
    resolver,
    shape,
    span,
    when,
)

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
