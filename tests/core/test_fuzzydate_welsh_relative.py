"""Fuzzy dates in Welsh: wordings relative to another event or to a stated date ("y
Nadolig ar ôl i ni symud", "cyn haf 1990") with Welsh counts and units in their mutated
forms, and two wordings of one moment ("haf 1987, tua 12 oed"), each read exactly as its
English equivalent. The other event's words reach the caller's resolver as the survivor
said them, never translated. No Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.errors import UsageError
from tests.conftest import fresh_vault
from tests.core.fuzzydate_helpers import DOB, MOVED_1987, D, resolver, shape, when
from tests.core.fuzzydate_welsh_helpers import EVENTS, both_ways, same

BORN_MARCH = D(1979, 3, 21)

# --- relative to another event --------------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("y Nadolig ar ôl i ni symud", "the Christmas after we moved"),
        ("y Nadolig ar ol i ni symud", "the Christmas after we moved"),
        ("Nadolig ar ôl i ni symud?", "Christmas after we moved?"),
        ("yr haf cyn i ni symud", "the summer before we moved"),
        ("gwyliau'r haf ar ôl i ni symud", "the summer holidays after we moved"),
        ("ar ôl i ni symud", "after we moved"),
        ("wedi i ni symud", "after we moved"),
        ("cyn i ni symud", "before we moved"),
        ("yn fuan ar ôl i ni symud", "soon after we moved"),
        ("yn syth ar ôl i ni symud", "straight after we moved"),
        ("ychydig ar ôl i ni symud", "a little after we moved"),
        ("ddim yn hir ar ôl i ni symud", "not long after we moved"),
        ("ymhell ar ôl i ni symud", "long after we moved"),
        ("rywbryd ar ôl i ni symud", "after we moved"),
        ("y flwyddyn ar ôl i ni symud", "the year after we moved"),
        ("y flwyddyn cyn i ni symud", "the year before we moved"),
        ("y mis ar ôl i ni symud", "the month after we moved"),
        ("yr wythnos ar ôl i ni symud", "the week after we moved"),
        ("y diwrnod cyn i ni symud", "the day before we moved"),
        ("blwyddyn ar ôl i ni symud", "a year after we moved"),
        ("tua blwyddyn ar ôl i ni symud", "about a year after we moved"),
        ("mis ar ôl i ni symud", "a month after we moved"),
        ("wythnos ar ôl i ni symud", "a week after we moved"),
        ("diwrnod ar ôl i ni symud", "a day after we moved"),
        ("pythefnos ar ôl i ni symud", "two weeks after we moved"),
        ("ychydig fisoedd cyn i Dad adael", "a few months before Dad left"),
        ("ychydig o fisoedd cyn i Dad adael", "a few months before Dad left"),
        ("ychydig wythnosau cyn i ni symud", "a few weeks before we moved"),
        ("ychydig ddyddiau ar ôl i ni symud", "a few days after we moved"),
        ("cwpl o wythnosau cyn i ni symud", "a couple of weeks before we moved"),
        ("cwpl o fisoedd ar ôl i ni symud", "a couple of months after we moved"),
        ("sawl blwyddyn ar ôl i ni symud", "several years after we moved"),
        ("sawl mis ar ôl i ni symud", "several months after we moved"),
        ("dwy flynedd ar ôl i ni symud", "two years after we moved"),
        ("dau fis ar ôl i ni symud", "two months after we moved"),
        ("dau ddiwrnod ar ôl i ni symud", "two days after we moved"),
        ("tair blynedd ar ôl i ni symud", "three years after we moved"),
        ("tri mis ar ôl i ni symud", "three months after we moved"),
        ("pum mlynedd ar ôl i ni symud", "five years after we moved"),
        ("deng mlynedd ar ôl i ni symud", "ten years after we moved"),
        ("tua dwy flynedd ar ôl i ni symud", "about two years after we moved"),
        ("rhyw ddwy flynedd ar ôl i ni symud", "about two years after we moved"),
        ("blwyddyn neu ddwy ar ôl i ni symud", "a year or two after we moved"),
        ("un neu ddwy flynedd ar ôl i ni symud", "one or two years after we moved"),
        ("dwy neu dair blynedd ar ôl i ni symud", "two or three years after we moved"),
        ("y Nadolig ar ôl i ni symud, dw i'n meddwl", "the Christmas after we moved I think"),
    ],
)
def test_relative_to_another_event(welsh: str, english: str) -> None:
    found = same(welsh, english, **both_ways())
    assert (found.precision, found.uncertain) == ("relative", True)


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("ar ôl y Pasg 1990", "after Easter 1990"),
        ("wedi'r Pasg 1990", "after Easter 1990"),
        ("ar ôl Nadolig 1990", "after Christmas 1990"),
        ("cyn haf 1990", "before summer 1990"),
        ("cyn 1990", "before 1990"),
        ("y Nadolig ar ôl haf 1990", "the Christmas after summer 1990"),
        ("ychydig fisoedd ar ôl Mehefin 1990", "a few months after June 1990"),
    ],
)
def test_a_stated_date_after_ar_ol_or_cyn_is_read_as_a_date(welsh: str, english: str) -> None:
    calls: list[str] = []
    same(welsh, english, resolve=resolver({}, calls))
    assert calls == []  # a date, never asked of the resolver


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("y Nadolig ar ôl i ni symud", "ni symud"),
        ("ychydig fisoedd cyn i Dad adael", "Dad adael"),
        ("ychydig fisoedd cyn i Dad adael, dw i'n meddwl", "Dad adael"),
        ("dwy flynedd ar ôl i Mam gael swydd newydd", "Mam gael swydd newydd"),
        ("blwyddyn ar ôl i’r ysgol gau", "ysgol gau"),
        ("yn fuan ar ôl i Nain farw yn yr ysbyty", "Nain farw yn yr ysbyty"),
        (
            "y Nadolig ar ôl i ni symud i Gaerdydd ym mis Mehefin",
            "ni symud i Gaerdydd ym mis Mehefin",
        ),
        ("ar ôl y parti yn nhŷ Siân", "y parti yn nhŷ Siân"),
        ("cyn i’r heddlu ddod", "heddlu ddod"),
    ],
)
def test_the_event_reaches_the_resolver_in_the_survivors_words(text: str, words: str) -> None:
    calls: list[str] = []
    when(text, resolve=resolver({words.lower(): MOVED_1987}, calls))
    assert calls == [words]


def test_an_unknown_event_is_named_in_the_survivors_words() -> None:
    with pytest.raises(UsageError) as caught:
        when("y Nadolig ar ôl i ni gael ci", **both_ways())
    assert str(caught.value) == (
        "no earlier event matches 'ni gael ci'; add that event first or give a date"
    )


# --- two wordings of one moment -------------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english", "born"),
    [
        ("haf 1987, tua 12 oed", "summer 1987, aged about 12", DOB),
        ("haf 1987 tua 12 oed", "summer 1987 aged about 12", DOB),
        ("tua 12 oed, haf 1987", "aged about 12, summer 1987", DOB),
        ("haf 1987; tua 12 oed", "summer 1987; aged about 12", DOB),
        ("1987 pan oeddwn i'n 12", "1987 when I was 12", DOB),
        ("1987, pan oeddwn i'n 12", "1987, when I was 12", DOB),
        ("yn 1987 pan o'n i'n 12", "1987 when I was 12", DOB),
        ("Mehefin 1987 a minnau'n 12", "June 1987 aged 12", DOB),
        ("1987 yn 12 oed", "1987 aged 12", DOB),
        ("haf 1987 yn fy arddegau", "summer 1987 in my teens", D(1972, 1, 1)),
        ("Mehefin 1991 ym mlwyddyn 7", "June 1991 in year 7", BORN_MARCH),
        ("1991, pan oeddwn i ym mlwyddyn 7", "1991, when I was in year 7", BORN_MARCH),
        (
            "y Nadolig ar ôl i ni symud, pan oeddwn i'n 12",
            "the Christmas after we moved, when I was 12",
            DOB,
        ),
    ],
)
def test_two_wordings_of_one_moment(welsh: str, english: str, born: object) -> None:
    found = same(welsh, english, **both_ways(date_of_birth=born))
    assert found.uncertain


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("1987, tua 12 oed", "1987, aged about 12"),  # the hedge still makes it uncertain
        ("1987, 12 oed", "1987, aged 12"),
        ("haf 1987, tua 12 oed", "summer 1987, aged about 12"),
    ],
)
def test_without_a_date_of_birth_the_age_stays_in_the_words(welsh: str, english: str) -> None:
    found = same(welsh, english)
    assert found.text == welsh


def test_parts_that_disagree_are_named_in_the_survivors_words() -> None:
    with pytest.raises(UsageError) as caught:
        when("haf 1987, tua 20 oed", date_of_birth=DOB)
    assert caught.value.code == "date.parts_disagree"
    assert caught.value.params == {"first": "haf 1987", "second": "tua 20 oed"}


def test_english_and_welsh_parts_together() -> None:
    assert shape(when("summer 1987, tua 12 oed", date_of_birth=DOB)) == shape(
        when("haf 1987, aged about 12", date_of_birth=DOB)
    )


def test_the_resolver_is_the_callers_own() -> None:
    # The timeline's resolver (app/engine/timeline.py) matches the words against the other
    # events' own wording: Welsh events are found by their Welsh words.
    assert EVENTS["ni symud"] == MOVED_1987
    found = when("y Nadolig ar ôl i ni symud", resolve=resolver({"ni symud": MOVED_1987}))
    assert shape(found) == (D(1987, 12, 24), D(1988, 12, 26), "relative")


def test_the_timeline_keeps_the_welsh_words_and_finds_the_welsh_event(tmp_path: Path) -> None:
    """Through the engine: the timeline stores the survivor's own words beside the range
    (what the side panel shows), and its resolver finds the earlier event by its Welsh
    description."""
    with (
        fresh_vault(tmp_path / "vault") as vault,
        Engine(vault, clock=FakeClock(), owner=True) as engine,
    ):
        engine.create_case("csa", "CSA-0001")
        engine.set_witness("CSA-0001", name="Alex Morgan", date_of_birth="1979-03-21")
        engine.add_event("CSA-0001", "haf 1992", "Pan wnaethon ni symud i'r fferm")
        engine.add_event("CSA-0001", "y Nadolig ar ôl i ni symud", "Dechreuodd y cyfan")
        engine.add_event("CSA-0001", "tua 9 oed", "Yr ysgol newydd")
        events = engine.timeline("CSA-0001")
    assert [(e.when, e.earliest, e.latest, e.uncertain) for e in events] == [
        ("tua 9 oed", "1987-03-21", "1990-03-20", True),
        ("haf 1992", "1992-06-01", "1992-08-31", True),
        ("y Nadolig ar ôl i ni symud", "1992-12-24", "1992-12-26", True),
    ]
