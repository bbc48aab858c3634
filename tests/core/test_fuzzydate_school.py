"""Fuzzy dates: school years in England and Wales ("year 7", "the winter of year 7",
"sixth form"), counted from the date of birth, and the summers next to them. No Qt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.engine.fuzzydate_calendar import birthday
from app.engine.fuzzydate_school import school_year
from app.errors import UsageError
from tests.core.fuzzydate_helpers import NOT_UNDERSTOOD, D, shape, when

BORN_MARCH = D(1979, 3, 21)  # in year 7 from September 1990
BORN_OCTOBER = D(1979, 10, 15)  # a year group younger: year 7 from September 1991


# --- the rule: year N is the school year in which a child turns N + 5 ----------------------


@pytest.mark.parametrize(
    ("born", "group", "first", "last"),
    [
        (BORN_MARCH, 7, D(1990, 9, 1), D(1991, 8, 31)),
        (BORN_OCTOBER, 7, D(1991, 9, 1), D(1992, 8, 31)),
        (BORN_MARCH, 0, D(1983, 9, 1), D(1984, 8, 31)),  # reception: they turn 5
        (BORN_MARCH, 13, D(1996, 9, 1), D(1997, 8, 31)),
        # 1 September is the oldest of a year group, 31 August the youngest of the one before.
        (D(1979, 9, 1), 7, D(1991, 9, 1), D(1992, 8, 31)),
        (D(1979, 8, 31), 7, D(1990, 9, 1), D(1991, 8, 31)),
        (D(1980, 1, 1), 7, D(1991, 9, 1), D(1992, 8, 31)),
        # 29 February: a birthday on 1 March in common years changes nothing here.
        (D(1980, 2, 29), 7, D(1991, 9, 1), D(1992, 8, 31)),
    ],
)
def test_school_years_from_the_date_of_birth(
    born: date, group: int, first: date, last: date
) -> None:
    assert school_year(born, group) == (first, last)


@given(
    born=st.dates(min_value=D(1900, 1, 1), max_value=D(2020, 12, 31)),
    group=st.integers(min_value=0, max_value=13),
)
def test_a_child_turns_n_plus_5_in_year_n_and_the_years_follow_on(born: date, group: int) -> None:
    first, last = school_year(born, group)
    assert (first.month, first.day, last.month, last.day) == (9, 1, 8, 31)
    assert first <= birthday(born, group + 5) <= last
    assert school_year(born, group + 1)[0] == last + timedelta(days=1)


# --- wordings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("year 7", D(1990, 9, 1), D(1991, 8, 31), "age"),
        ("in year 7", D(1990, 9, 1), D(1991, 8, 31), "age"),
        ("Year Seven", D(1990, 9, 1), D(1991, 8, 31), "age"),
        ("Y7", D(1990, 9, 1), D(1991, 8, 31), "age"),
        ("yr 7", D(1990, 9, 1), D(1991, 8, 31), "age"),
        ("when I was in year 7", D(1990, 9, 1), D(1991, 8, 31), "age"),
        ("during year 7", D(1990, 9, 1), D(1991, 8, 31), "age"),
        ("reception", D(1983, 9, 1), D(1984, 8, 31), "age"),
        ("in reception class", D(1983, 9, 1), D(1984, 8, 31), "age"),
        ("year 1", D(1984, 9, 1), D(1985, 8, 31), "age"),
        ("year 13", D(1996, 9, 1), D(1997, 8, 31), "age"),
        ("years 7 to 9", D(1990, 9, 1), D(1993, 8, 31), "age"),
        ("year 7 or 8", D(1990, 9, 1), D(1992, 8, 31), "age"),
        ("year 7-8", D(1990, 9, 1), D(1992, 8, 31), "age"),
        ("between year 7 and year 9", D(1990, 9, 1), D(1993, 8, 31), "range"),
        ("the infants", D(1983, 9, 1), D(1986, 8, 31), "age"),
        ("the juniors", D(1986, 9, 1), D(1990, 8, 31), "age"),
        ("primary school", D(1983, 9, 1), D(1990, 8, 31), "age"),
        ("when I was at primary school", D(1983, 9, 1), D(1990, 8, 31), "age"),
        ("secondary school", D(1990, 9, 1), D(1995, 8, 31), "age"),
        ("sixth form", D(1995, 9, 1), D(1997, 8, 31), "age"),
        ("in the sixth-form", D(1995, 9, 1), D(1997, 8, 31), "age"),
        ("the lower sixth", D(1995, 9, 1), D(1996, 8, 31), "age"),
        ("the upper sixth", D(1996, 9, 1), D(1997, 8, 31), "age"),
        # seasons, terms and holidays within a school year
        ("winter of year 7", D(1990, 12, 1), D(1991, 2, 28), "season"),
        ("the winter in year 7", D(1990, 12, 1), D(1991, 2, 28), "season"),
        ("the autumn of year 7", D(1990, 9, 1), D(1990, 11, 30), "season"),
        ("the spring of year 7", D(1991, 3, 1), D(1991, 5, 31), "season"),
        ("the summer of year 7", D(1991, 6, 1), D(1991, 8, 31), "season"),
        ("the autumn term of year 7", D(1990, 9, 1), D(1990, 12, 23), "season"),
        # Easter 1991 was 31 March: the Easter holidays' window is 22 March to 8 April.
        ("the spring term of year 7", D(1991, 1, 1), D(1991, 4, 8), "season"),
        ("the summer term of year 7", D(1991, 3, 22), D(1991, 7, 31), "season"),
        # Easter 1993 was 11 April: its window is 2 to 19 April.
        ("summer term of year 9", D(1993, 4, 2), D(1993, 7, 31), "season"),
        ("Christmas in year 7", D(1990, 12, 24), D(1990, 12, 26), "season"),
        ("the Easter holidays in year 7", D(1991, 3, 22), D(1991, 4, 8), "season"),
        ("bonfire night in year 7", D(1990, 11, 5), D(1990, 11, 5), "day"),
        ("the winter of sixth form", D(1995, 12, 1), D(1997, 2, 28), "range"),
        # thirds of a school year, or of a stage
        ("the start of year 7", D(1990, 9, 1), D(1990, 12, 31), "season"),
        ("the middle of year 7", D(1991, 1, 1), D(1991, 4, 30), "season"),
        ("the end of year 7", D(1991, 5, 1), D(1991, 8, 31), "season"),
        ("the start of secondary school", D(1990, 9, 1), D(1990, 12, 31), "season"),
        ("when I started secondary school", D(1990, 9, 1), D(1990, 12, 31), "season"),
        ("the end of primary school", D(1990, 5, 1), D(1990, 8, 31), "season"),
        # hedged: a year either side, as for an age
        ("about year 7", D(1989, 9, 1), D(1992, 8, 31), "age"),
        ("year 7?", D(1989, 9, 1), D(1992, 8, 31), "age"),
        ("around reception", D(1983, 9, 1), D(1985, 8, 31), "age"),
        ("about year 13", D(1995, 9, 1), D(1997, 8, 31), "age"),
        ("about the winter of year 7", D(1990, 12, 1), D(1991, 2, 28), "season"),
    ],
)
def test_school_wordings(text: str, first: date, last: date, precision: str) -> None:
    found = when(text, date_of_birth=BORN_MARCH)
    assert shape(found) == (first, last, precision)
    assert found.uncertain  # a child may have been held back, moved up or schooled elsewhere


def test_a_year_group_later_for_an_autumn_birthday() -> None:
    assert shape(when("year 7", date_of_birth=BORN_OCTOBER)) == (
        D(1991, 9, 1),
        D(1992, 8, 31),
        "age",
    )
    assert shape(when("winter of year 7", date_of_birth=BORN_OCTOBER)) == (
        D(1991, 12, 1),
        D(1992, 2, 29),
        "season",
    )


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # A school year runs to 31 August, so its own summer holidays fall inside it: the
        # summer after year 7 is the one that ends it, not the next year's.
        ("the summer holidays after year 7", D(1991, 7, 15), D(1991, 9, 10)),
        ("the summer holidays before year 7", D(1990, 7, 15), D(1990, 9, 10)),
        ("the summer before I started secondary school", D(1990, 6, 1), D(1990, 8, 31)),
        ("the summer holidays before I went to secondary school", D(1990, 7, 15), D(1990, 9, 10)),
        ("the summer after I started secondary school", D(1991, 6, 1), D(1991, 8, 31)),
        ("the summer after primary school", D(1990, 6, 1), D(1990, 8, 31)),
        ("the summer after sixth form", D(1997, 6, 1), D(1997, 8, 31)),
        ("the summer before reception", D(1983, 6, 1), D(1983, 8, 31)),
        # other periods keep the general rule: the first after the school year ends
        ("the Christmas after year 7", D(1991, 12, 24), D(1991, 12, 26)),
        ("the Christmas before year 7", D(1989, 12, 24), D(1989, 12, 26)),
        ("just after year 7", D(1991, 9, 1), D(1991, 11, 30)),
    ],
)
def test_relative_to_a_school_year(text: str, first: date, last: date) -> None:
    found = when(text, date_of_birth=BORN_MARCH)
    assert shape(found) == (first, last, "relative")
    assert found.uncertain


def test_year_followed_by_a_calendar_year_is_still_that_year() -> None:
    assert shape(when("year 1987", date_of_birth=BORN_MARCH)) == (
        D(1987, 1, 1),
        D(1987, 12, 31),
        "year",
    )


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "year 7",
        "in year 7",
        "winter of year 7",
        "sixth form",
        "the summer holidays after year 7",
        "the Christmas after year 7",
    ],
)
def test_school_years_need_the_date_of_birth(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text)
    assert caught.value.code == "date.needs_birth_date"
    assert str(caught.value) == (
        f"'{text}' needs the survivor's date of birth; add it to the restricted details first"
    )


@pytest.mark.parametrize(("text"), ["year 14", "year 0", "year 20", "y99"])
def test_no_such_school_year(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=BORN_MARCH)
    assert str(caught.value) == NOT_UNDERSTOOD.format(text)


@pytest.mark.parametrize(
    ("text", "born", "message"),
    [
        (
            "years 9 to 7",
            BORN_MARCH,
            "'years 9 to 7' ends before it starts; put the earlier date first",
        ),
        ("year 13", D(2015, 1, 1), "'year 13' is in the future; check the year"),
        (
            "half term in year 7",
            BORN_MARCH,
            "say which half term was meant, e.g. 'October half term 1987'",
        ),
        (
            "year 7",
            D(2030, 1, 1),
            "the date of birth is after today; correct it in the restricted details",
        ),
    ],
)
def test_school_refusals(text: str, born: date, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=born)
    assert str(caught.value) == message


def test_a_school_year_still_under_way_ends_today() -> None:
    # Born 1 March 2012: year 7 from September 2023 to August 2024; year 8 runs past today.
    assert shape(when("year 8", date_of_birth=D(2012, 3, 1))) == (
        D(2024, 9, 1),
        D(2025, 6, 1),
        "age",
    )
