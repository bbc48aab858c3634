"""Fuzzy dates: two wordings of one moment ("summer 1987, aged about 12"), and every
example the interface or the core's own messages show, which must all be accepted. No Qt:
the interface's files are read as text."""

from __future__ import annotations

import ast
import re
from datetime import date

import pytest

from app.errors import UsageError
from tests.conftest import REPO
from tests.core.fuzzydate_helpers import (
    DOB,
    MOVED_1987,
    NOT_UNDERSTOOD,
    D,
    resolver,
    shape,
    when,
)

BORN_MARCH = D(1979, 3, 21)  # in year 7 from September 1990

# --- a point and an age, or a school year --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        # "aged about 12" is 11 to 13 (10 March 1986 to 9 March 1989): the summer is inside
        ("summer 1987, aged about 12", D(1987, 6, 1), D(1987, 8, 31), "season"),
        ("summer 1987 aged about 12", D(1987, 6, 1), D(1987, 8, 31), "season"),
        ("aged about 12, summer 1987", D(1987, 6, 1), D(1987, 8, 31), "season"),
        ("summer 1987; aged about 12", D(1987, 6, 1), D(1987, 8, 31), "season"),
        # aged 12 is 10 March 1987 to 9 March 1988: the part of it in 1987
        ("1987, when I was 12", D(1987, 3, 10), D(1987, 12, 31), "year"),
        ("1987 when I was 12", D(1987, 3, 10), D(1987, 12, 31), "year"),
        ("12 years old in 1987", D(1987, 3, 10), D(1987, 12, 31), "year"),
        ("June 1987, at the age of 12", D(1987, 6, 1), D(1987, 6, 30), "month"),
        ("14th June, 1987, when I was 12", D(1987, 6, 14), D(1987, 6, 14), "day"),
        ("1985 to 1988, aged 12", D(1987, 3, 10), D(1988, 3, 9), "age"),
    ],
)
def test_a_point_and_an_age(text: str, first: date, last: date, precision: str) -> None:
    found = when(text, date_of_birth=DOB)
    assert shape(found) == (first, last, precision)
    assert found.uncertain  # an age is never exact
    assert found.text == text


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("June 1991, in year 7", D(1991, 6, 1), D(1991, 6, 30), "month"),
        # as long as each other: the first said gives the precision
        ("1991, when I was in year 7", D(1991, 1, 1), D(1991, 8, 31), "year"),
        # year 7: September 1990 to August 1991; aged 11: 21 March 1990 to 20 March 1991
        ("year 7, aged 11", D(1990, 9, 1), D(1991, 3, 20), "age"),
        ("aged 11 in year 7", D(1990, 9, 1), D(1991, 3, 20), "age"),
        ("the winter of year 7, when I was 11", D(1990, 12, 1), D(1991, 2, 28), "season"),
    ],
)
def test_a_point_and_a_school_year(text: str, first: date, last: date, precision: str) -> None:
    found = when(text, date_of_birth=BORN_MARCH)
    assert shape(found) == (first, last, precision)
    assert found.uncertain


def test_two_certain_parts_stay_certain() -> None:
    found = when("June 1987, 14 June 1987")
    assert shape(found) == (D(1987, 6, 14), D(1987, 6, 14), "day")
    assert not found.uncertain


def test_a_relative_part_and_an_age() -> None:
    # The whole wording first asks for an event "we moved when I was 12", which is not
    # known; read as two parts it is the Christmas after the move, while aged 12.
    calls: list[str] = []
    found = when(
        "the Christmas after we moved, when I was 12",
        date_of_birth=DOB,
        resolve=resolver({"we moved": MOVED_1987}, calls),
    )
    assert (found.earliest, found.latest, found.uncertain) == (D(1987, 12, 24), D(1988, 3, 9), True)
    assert calls[-1] == "we moved"


@pytest.mark.parametrize(
    ("text", "first", "last", "uncertain"),
    [
        # With no date of birth the age cannot narrow the date: the point alone says when,
        # and a hedged age still makes it uncertain.
        ("summer 1987, aged about 12", D(1987, 6, 1), D(1987, 8, 31), True),
        ("1987, when I was 12", D(1987, 1, 1), D(1987, 12, 31), False),
        ("1987, when I was about 12", D(1987, 1, 1), D(1987, 12, 31), True),
        ("June 1991, in year 7", D(1991, 6, 1), D(1991, 6, 30), False),
    ],
)
def test_without_a_date_of_birth_the_point_alone(
    text: str, first: date, last: date, uncertain: bool
) -> None:
    found = when(text)
    assert (found.earliest, found.latest, found.uncertain) == (first, last, uncertain)


@pytest.mark.parametrize(
    ("text", "born", "message"),
    [
        (
            "summer 1987, aged 20",
            DOB,
            "'summer 1987' and 'aged 20' do not overlap, so they cannot both be right; check "
            "each part (and the date of birth, for an age or a school year)",
        ),
        (
            "1987 when I was 20",
            DOB,
            "'1987' and 'when I was 20' do not overlap, so they cannot both be right; check "
            "each part (and the date of birth, for an age or a school year)",
        ),
        (
            "June 1988, in year 7",
            BORN_MARCH,
            "'June 1988' and 'in year 7' do not overlap, so they cannot both be right; check "
            "each part (and the date of birth, for an age or a school year)",
        ),
        (
            "year 7, aged 11",
            None,
            "'year 7, aged 11' needs the survivor's date of birth; add it to the restricted "
            "details first",
        ),
        ("summer 1987, aged 150", DOB, "an age of 150 is not possible; check the age"),
        ("summer 2030, aged 12", DOB, "'summer 2030' is in the future; check the year"),
        ("summer 1987, when we moved", DOB, NOT_UNDERSTOOD.format("summer 1987, when we moved")),
        ("summer 1987, the big storm", DOB, NOT_UNDERSTOOD.format("summer 1987, the big storm")),
        ("when the moon was blue", DOB, NOT_UNDERSTOOD.format("when the moon was blue")),
    ],
)
def test_combined_refusals(text: str, born: date | None, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=born)
    assert str(caught.value) == message


def test_a_disagreement_has_its_own_code() -> None:
    with pytest.raises(UsageError) as caught:
        when("summer 1987, aged 20", date_of_birth=DOB)
    assert caught.value.code == "date.parts_disagree"
    assert caught.value.params == {"first": "summer 1987", "second": "aged 20"}


def test_a_comma_inside_one_wording_is_still_one_wording() -> None:
    assert shape(when("June 14th, 1987")) == (D(1987, 6, 14), D(1987, 6, 14), "day")
    assert not when("June 14th, 1987").uncertain


# --- every example shown is accepted ------------------------------------------------------

# Where an interviewer sees examples of a date: the timeline's placeholder, and the
# messages of the core (fuzzy dates) and of the interface's table of them.
PLACEHOLDER_FILES = ("ui/widgets/side_panel.py",)
MESSAGE_FILES = (
    *sorted(str(p.relative_to(REPO)) for p in (REPO / "app" / "engine").glob("fuzzydate*.py")),
    "ui/core_messages_interview.py",
)


def strings(relative: str) -> list[str]:
    """Every string literal in a Python file, implicit concatenations joined, read as text
    (the interface's modules import Qt, so they are parsed, not imported)."""
    tree = ast.parse((REPO / relative).read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def message_examples(message: str) -> list[str]:
    """The examples after "e.g." in one message: each quoted one up to the end of the
    clause, or the bare one that follows ("e.g. 14/06/1987")."""
    found = []
    for clause in re.findall(r"\be\.g\.\s*([^;]*)", message):
        quoted = re.findall(r"'([^']*)'", clause)
        found += quoted or [clause.split()[0].rstrip(".,:)")]
    return [example for example in found if "{" not in example]


def shown_examples() -> list[str]:
    examples = []
    for relative in PLACEHOLDER_FILES:
        for text in strings(relative):
            if text.startswith("e.g. ") and "'" not in text:
                whole = text.removeprefix("e.g. ").strip()
                # "summer 1987, aged about 12" is one wording, and two examples
                examples += [whole, *(part.strip() for part in whole.split(","))]
    for relative in MESSAGE_FILES:
        for text in strings(relative):
            if "date" in text or "e.g." in text:
                examples += message_examples(text)
    return sorted(set(examples))


def test_the_examples_are_found() -> None:
    examples = shown_examples()
    # A check on the search itself: the placeholder and the "not understood" message.
    for expected in (
        "summer 1987, aged about 12",
        "summer 1987",
        "aged about 12",
        "June 1987",
        "1985 to 1987",
        "October half term 1987",
        "14/06/1987",
    ):
        assert expected in examples


@pytest.mark.parametrize("example", shown_examples())
def test_every_example_shown_is_accepted(example: str) -> None:
    found = when(example, date_of_birth=DOB)
    assert found.earliest <= found.latest
