"""Fuzzy dates in Welsh: days, months in every mutated form, seasons (and "Hydref"),
parts of a period, decades, hedges and ranges, each read exactly as its English
equivalent; the survivor's own words kept as the text; refusals quoting them. No Qt.

Ages, school years and holidays are test_fuzzydate_welsh_ages.py's; wordings relative to
another event, and two wordings of one moment, test_fuzzydate_welsh_relative.py's."""

from __future__ import annotations

import pytest

from app.engine.fuzzydate import FuzzyDate
from app.engine.fuzzydate_welsh import fold, reword
from app.errors import UsageError
from tests.core.fuzzydate_helpers import DOB, NOT_UNDERSTOOD, D, shape, when
from tests.core.fuzzydate_welsh_helpers import same

# --- months and days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("Ionawr 1987", "January 1987"),
        ("Chwefror 1987", "February 1987"),
        ("Mawrth 1987", "March 1987"),
        ("o Fawrth i Fai 1987", "from March to May 1987"),
        ("Ebrill 1987", "April 1987"),
        ("Mai 1987", "May 1987"),
        ("ym mis Mai 1987", "May 1987"),
        ("Mehefin 1987", "June 1987"),
        ("ym mis Mehefin 1987", "June 1987"),
        ("mis Mehefin 1987", "June 1987"),
        ("ym Mehefin 1987", "June 1987"),
        ("o Fehefin i Awst 1987", "from June to August 1987"),
        ("Gorffennaf 1987", "July 1987"),
        ("yng Ngorffennaf 1987", "July 1987"),
        ("o Orffennaf i Fedi 1987", "from July to September 1987"),
        ("Awst 1987", "August 1987"),
        ("Medi 1987", "September 1987"),
        ("ym mis Hydref 1987", "October 1987"),
        ("mis Hydref 1987", "October 1987"),
        ("Tachwedd 1987", "November 1987"),
        ("yn Nhachwedd 1987", "November 1987"),
        ("o Fedi i Dachwedd 1987", "from September to November 1987"),
        ("rhwng Medi a Thachwedd 1987", "between September and November 1987"),
        ("Rhagfyr 1987", "December 1987"),
        ("o Dachwedd i Ragfyr 1987", "from November to December 1987"),
        ("MEHEFIN 1987", "June 1987"),
        ("Mehefin '87", "June '87"),
        ("Meh 1987", "June 1987"),
    ],
)
def test_months_in_every_mutated_form(welsh: str, english: str) -> None:
    found = same(welsh, english)
    assert not found.uncertain


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("14 Mehefin 1987", "14 June 1987"),
        ("14eg Mehefin 1987", "14 June 1987"),
        ("14eg o Fehefin 1987", "14 June 1987"),
        ("ar y 14eg o Fehefin 1987", "14 June 1987"),
        ("y 14eg o Fehefin 1987", "14 June 1987"),
        ("14 Hydref 1987", "14 October 1987"),
        ("14eg o Hydref 1987", "14 October 1987"),
        ("4 Hyd 1987", "4 October 1987"),
        ("4 Rhag 1987", "4 December 1987"),  # as the app itself shows a date in Welsh
        ("14/06/1987", "14/06/1987"),
    ],
)
def test_days(welsh: str, english: str) -> None:
    found = same(welsh, english)
    assert found.precision == "day" and not found.uncertain


WELSH_ORDINALS = {
    1: "1af",
    2: "2il",
    3: "3ydd",
    4: "4ydd",
    5: "5ed",
    6: "6ed",
    **{n: f"{n}fed" for n in (7, 8, 9, 10, 12, 15, 18, 20)},
    **{n: f"{n}eg" for n in (11, 13, 14, 16, 17, 19)},
    **{n: f"{n}ain" for n in range(21, 32)},
}


@pytest.mark.parametrize(("day", "ordinal"), sorted(WELSH_ORDINALS.items()))
def test_welsh_ordinals(day: int, ordinal: str) -> None:
    found = same(f"y {ordinal} o Fawrth 1987", f"{day} March 1987")
    assert shape(found) == (D(1987, 3, day), D(1987, 3, day), "day")


# --- seasons, and "Hydref" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("haf 1987", "summer 1987"),
        ("yn yr haf 1987", "summer 1987"),
        ("yn ystod haf 1987", "summer 1987"),
        ("haf '87", "summer '87"),
        ("haf 87", "summer 87"),
        ("gwanwyn 1987", "spring 1987"),
        ("yn y gwanwyn 1987", "spring 1987"),
        ("gaeaf 1987", "winter 1987"),
        ("gaeaf 1987/88", "winter 1987/88"),
        ("yng ngaeaf 1987", "winter 1987"),
        ("o'r gwanwyn i'r haf 1987", "from spring to summer 1987"),
        ("haf neu aeaf 1987", "summer or winter 1987"),
        ("yr hydref 1987", "autumn 1987"),
        ("yn yr hydref 1987", "autumn 1987"),
        ("hydref 1987", "autumn 1987"),
        ("haf neu hydref 1987", "summer or autumn 1987"),
    ],
)
def test_seasons(welsh: str, english: str) -> None:
    found = same(welsh, english)
    assert found.uncertain  # a season's edges are a matter of memory


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("Medi i Hydref 1987", "September to October 1987"),
        ("Hydref i Dachwedd 1987", "October to November 1987"),
        ("rhwng Awst a Hydref 1987", "between August and October 1987"),
    ],
)
def test_hydref_beside_another_month_is_october(welsh: str, english: str) -> None:
    same(welsh, english)


def test_a_bare_hydref_is_autumn_which_holds_october() -> None:
    found = when("Hydref 1987")
    assert shape(found) == (D(1987, 9, 1), D(1987, 11, 30), "season")
    assert found.uncertain
    october = when("ym mis Hydref 1987")
    assert found.earliest <= october.earliest <= october.latest <= found.latest


# --- parts of a period, decades, years ------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("dechrau'r haf 1987", "start of summer 1987"),
        ("dechrau\u2019r haf 1987", "start of summer 1987"),
        ("ar ddechrau'r haf 1987", "start of summer 1987"),
        ("canol yr haf 1987", "middle of summer 1987"),
        ("diwedd yr haf 1987", "end of summer 1987"),
        ("dechrau 1987", "start of 1987"),
        ("yn nechrau 1987", "start of 1987"),
        ("canol 1987", "middle of 1987"),
        ("yng nghanol 1987", "middle of 1987"),
        ("diwedd 1987", "end of 1987"),
        ("ar ddiwedd 1987", "end of 1987"),
        ("yn niwedd 1987", "end of 1987"),
        ("hanner cyntaf 1987", "first half of 1987"),
        ("ail hanner 1987", "second half of 1987"),
        ("yn gynnar yn 1987", "early 1987"),
        ("yn hwyr yn 1987", "late 1987"),
        ("dechrau Mehefin 1987", "early June 1987"),
        ("canol mis Mehefin 1987", "mid June 1987"),
        ("diwedd mis Mehefin 1987", "late June 1987"),
    ],
)
def test_parts_of_a_period(welsh: str, english: str) -> None:
    same(welsh, english)


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("yr wythdegau", "the eighties"),
        ("yn yr wythdegau", "the eighties"),
        ("y saithdegau", "the seventies"),
        ("y chwedegau", "the sixties"),
        ("y nawdegau", "the nineties"),
        ("y pumdegau", "the fifties"),
        ("y pedwardegau", "the forties"),
        ("1980au", "1980s"),
        ("y 1980au", "the 1980s"),
        ("yr 80au", "the 80s"),
        ("'80au", "'80s"),
        ("dechrau'r wythdegau", "the early eighties"),
        ("canol yr wythdegau", "the mid eighties"),
        ("yng nghanol yr wythdegau", "the mid eighties"),
        ("diwedd yr wythdegau", "the late eighties"),
        ("yr wythdegau cynnar", "the early eighties"),
        ("yr wythdegau hwyr", "the late eighties"),
        ("diwedd y 1980au", "the late 1980s"),
    ],
)
def test_decades(welsh: str, english: str) -> None:
    found = same(welsh, english)
    assert found.precision == "year" and not found.uncertain


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("1987", "1987"),
        ("yn 1987", "1987"),
        ("yn y flwyddyn 1987", "1987"),  # the calendar year: "blwyddyn 7" is school
        ("rhywbryd yn 1987", "sometime in 1987"),
        ("rywbryd yn ystod 1987", "sometime in 1987"),
        ("roedd hi'n haf 1987", "it was summer 1987"),
    ],
)
def test_years_and_words_around_them(welsh: str, english: str) -> None:
    same(welsh, english)


# --- hedges and ranges ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("tua 1987", "about 1987"),
        ("oddeutu 1987", "about 1987"),
        ("o gwmpas 1987", "around 1987"),
        ("efallai 1987", "maybe 1987"),
        ("1987 efallai", "1987 maybe"),
        ("1987 fwy neu lai", "1987 roughly"),
        ("1987 yn fras", "roughly 1987"),
        ("1987 dw i'n meddwl", "1987 I think"),
        ("1987 dwi\u2019n meddwl", "1987 I think"),
        ("1987, rwy'n meddwl", "1987 I think"),
        ("dw i'n meddwl mai 1987 oedd hi", "I think 1987"),
        ("1987?", "1987?"),
        ("Mehefin 1987?", "June 1987?"),
        ("tua diwedd 1987", "about the end of 1987"),
    ],
)
def test_hedges_make_a_reading_uncertain(welsh: str, english: str) -> None:
    found = same(welsh, english)
    assert found.uncertain


@pytest.mark.parametrize(
    ("welsh", "english", "uncertain"),
    [
        ("1985 i 1987", "1985 to 1987", False),
        ("o 1985 i 1987", "from 1985 to 1987", False),
        ("o 1985 tan 1987", "from 1985 until 1987", False),
        ("o 1985 hyd at 1987", "from 1985 until 1987", False),
        ("rhwng 1985 a 1987", "between 1985 and 1987", False),
        ("rhwng Mehefin ac Awst 1987", "between June and August 1987", False),
        ("Mehefin i Awst 1987", "June to August 1987", False),
        ("o Fehefin 1985 i Fawrth 1986", "from June 1985 to March 1986", False),
        ("1987 neu 1988", "1987 or 1988", True),  # unsure which: uncertain
        ("Nadolig 1987 neu 1988", "Christmas 1987 or 1988", True),
        ("haf i hydref 1987", "summer to autumn 1987", True),
        ("tua 1985 i 1987", "about 1985 to 1987", True),
    ],
)
def test_ranges(welsh: str, english: str, uncertain: bool) -> None:
    found = same(welsh, english)
    assert (found.precision, found.uncertain) == ("range", uncertain)


# --- the survivor's words, and refusals -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["  haf 1987 ", "dechrau\u2019r haf 1987", "Gŵyl San Steffan 1990", "ar ôl y Pasg 1990"],
)
def test_the_words_kept_are_the_survivors_own(text: str) -> None:
    found = when(text)
    assert found.text == text.strip()
    assert found.to_dict()["text"] == text.strip()


def test_accents_and_apostrophes_are_optional() -> None:
    assert fold("Gŵyl San Steffan, ar ôl, dechrau’r") == "gwyl san steffan, ar ol, dechrau yr"
    for plain, accented in [
        ("Gwyl San Steffan 1990", "Gŵyl San Steffan 1990"),
        ("ar ol y Pasg 1990", "ar ôl y Pasg 1990"),
        ("ar ol y Pasg 1990", "ar o\u0302l y Pasg 1990"),  # a combining circumflex
        ("AR OL Y PASG 1990", "Ar Ôl y Pasg 1990"),
        ("pan o'n i'n 12", "pan o’n i’n 12"),
    ]:
        first, second = when(plain, date_of_birth=DOB), when(accented, date_of_birth=DOB)
        assert shape(first) == shape(second)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("haf 2030", "'haf 2030' is in the future; check the year"),
        ("14 Mehefin 2025", "'14 Mehefin 2025' is in the future; check the year"),
        ("o 1985 i 2030", "'o 1985 i 2030' is in the future; check the year"),
        ("1987 i 1985", "'1987 i 1985' ends before it starts; put the earlier date first"),
        (
            "rhwng Mawrth 1986 a Mehefin 1985",
            "'rhwng Mawrth 1986 a Mehefin 1985' ends before it starts; put the earlier date first",
        ),
        ("Mehefin 1899", "the year 1899 is before 1900; check the year"),
        (
            "31 Mehefin 1987",
            "there is no 31 June 1987 (June 1987 has 30 days); check the day and month",
        ),
        ("hanner tymor 1987", "say which half term was meant, e.g. 'October half term 1987'"),
    ],
)
def test_refusals_quote_the_welsh_words(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=DOB)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "text",
    [
        "blah",
        "bore da",
        "yr hydref",  # which autumn? as "the summer" is refused
        "haf",
        "Mehefin",
        "Mehefin 12",  # a day or a year? as "June 12" is refused
        "12",
        "tua",
        "rhwng",
        "ar ôl",
        "cyn",
        "ym mis",
        "blwyddyn 14",
        "dydd Llun",
        # what docs/fuzzy-dates.md says is not read yet
        "dydd Llun 14 Mehefin 1987",
        "mil naw wyth saith",
        "y cyntaf o Fehefin 1987",
        "deugain oed",
        "pan oedd hi'n 12",
        "y llynedd",
        "ysgol feithrin",
    ],
)
def test_nonsense_welsh_is_not_understood(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=DOB)
    assert caught.value.code == "date.not_understood"
    assert str(caught.value) == NOT_UNDERSTOOD.format(text)


@pytest.mark.parametrize("text", ["summer 1987", "we moved", "xyz", "June 12", "", "1987"])
def test_words_with_nothing_welsh_are_not_reworded(text: str) -> None:
    assert reword(text) is None


@pytest.mark.parametrize(
    "text", ["Dydd Gŵyl Dewi 1990", "Gŵyl Ddewi 1990", "St David's Day 1990", "St Davids Day 1990"]
)
def test_st_davids_day_in_either_language(text: str) -> None:
    # Added to the calendar for both languages: 1 March, a named day, so certain.
    assert when(text) == FuzzyDate(text, D(1990, 3, 1), D(1990, 3, 1), "day", False)
