"""Fuzzy dates in Welsh: ages (with Welsh number words in their mutated forms), stages of
life, school years and school words, and festivals and holidays, each read exactly as its
English equivalent. No Qt."""

from __future__ import annotations

import pytest

from app.errors import UsageError
from tests.core.fuzzydate_helpers import DOB, NOT_UNDERSTOOD, D, when
from tests.core.fuzzydate_welsh_helpers import same

BORN_MARCH = D(1979, 3, 21)  # in year 7 from September 1990

# --- ages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("12 oed", "aged 12"),
        ("yn 12 oed", "aged 12"),
        ("12 mlwydd oed", "aged 12"),
        ("deuddeg mlwydd oed", "aged 12"),
        ("tua 12 oed", "aged about 12"),
        ("oddeutu 12 oed", "aged about 12"),
        ("rhyw 12 oed", "aged about 12"),
        ("pan oeddwn i'n 12", "when I was 12"),
        ("pan o'n i'n 12", "when I was 12"),
        ("pan o\u2019n i\u2019n 12", "when I was 12"),
        ("pan own i'n 12", "when I was 12"),
        ("pan oeddwn i'n 12 oed", "when I was 12"),
        ("pan oeddwn i tua 12", "when I was about 12"),
        ("a minnau'n 12", "aged 12"),
        ("rhwng 10 a 13 oed", "between the ages of 10 and 13"),
        ("10 neu 11 oed", "age 10 or 11"),
        ("pan oeddwn i'n 10 neu 11", "when I was 10 or 11"),
        ("yn fy arddegau", "in my teens"),
        ("pan oeddwn i yn fy arddegau", "in my teens"),
        ("yn fy arddegau cynnar", "in my early teens"),
        ("ar ddechrau fy arddegau", "in my early teens"),
        ("yng nghanol fy arddegau", "in my mid teens"),
        ("ar ddiwedd fy arddegau", "in my late teens"),
        ("yn fy arddegau hwyr", "in my late teens"),
        ("yn fy ugeiniau", "in my twenties"),
        ("yn fy ugeiniau cynnar", "in my early twenties"),
        ("yn fy nhridegau", "in my thirties"),
        ("yn fy mhedwardegau", "in my forties"),
        ("yn fy mhumdegau", "in my fifties"),
    ],
)
def test_ages(welsh: str, english: str) -> None:
    found = same(welsh, english, date_of_birth=DOB)
    assert (found.precision, found.uncertain) == ("age", True)


NUMBER_WORDS = [
    (1, "un"),
    *((2, word) for word in ("dau", "ddau", "dwy", "ddwy")),
    *((3, word) for word in ("tri", "dri", "tair", "dair")),
    *((4, word) for word in ("pedwar", "bedwar", "pedair", "bedair")),
    *((5, word) for word in ("pump", "bump")),
    (6, "chwech"),
    (7, "saith"),
    (8, "wyth"),
    (9, "naw"),
    (10, "deg"),
    (10, "ddeg"),
    (11, "un ar ddeg"),
    (12, "deuddeg"),
    (12, "ddeuddeg"),
    *((13, word) for word in ("tri ar ddeg", "dri ar ddeg", "tair ar ddeg")),
    *((14, word) for word in ("pedwar ar ddeg", "bedwar ar ddeg", "pedair ar ddeg")),
    (15, "pymtheg"),
    (15, "bymtheg"),
    (16, "un ar bymtheg"),
    *((17, word) for word in ("dau ar bymtheg", "ddau ar bymtheg", "dwy ar bymtheg")),
    (18, "deunaw"),
    (18, "ddeunaw"),
    (19, "pedwar ar bymtheg"),
    (19, "bedwar ar bymtheg"),
    (20, "ugain"),
    # the decimal way
    *(
        (10 + unit, f"un deg {word}")
        for unit, word in enumerate(("un", "dau", "tri", "pedwar", "pump", "chwech"), 1)
    ),
    *((10 + unit, f"un deg {word}") for unit, word in ((7, "saith"), (8, "wyth"), (9, "naw"))),
    (20, "dau ddeg"),
    (25, "dau ddeg pump"),
    (21, "un ar hugain"),
]


@pytest.mark.parametrize(("age", "word"), NUMBER_WORDS)
def test_welsh_number_words_for_ages(age: int, word: str) -> None:
    same(f"pan oeddwn i'n {word}", f"when I was {age}", date_of_birth=DOB)
    same(f"{word} oed", f"aged {age}", date_of_birth=DOB)
    same(f"tua {word} oed", f"aged about {age}", date_of_birth=DOB)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "tua 12 oed",
            "'tua 12 oed' needs the survivor's date of birth; add it to the restricted "
            "details first",
        ),
        (
            "pan oeddwn i'n ddeuddeg",
            "'pan oeddwn i'n ddeuddeg' needs the survivor's date of birth; add it to the "
            "restricted details first",
        ),
        (
            "ym mlwyddyn 7",
            "'ym mlwyddyn 7' needs the survivor's date of birth; add it to the restricted "
            "details first",
        ),
    ],
)
def test_ages_and_school_years_need_the_date_of_birth(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("150 oed", "an age of 150 is not possible; check the age"),
        (
            "rhwng 13 a 10 oed",
            "'rhwng 13 a 10 oed' ends before it starts; put the earlier date first",
        ),
        ("blwyddyn 14", NOT_UNDERSTOOD.format("blwyddyn 14")),
    ],
)
def test_impossible_ages_and_school_years(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=DOB)
    assert str(caught.value) == message


def test_an_age_still_under_way_ends_today() -> None:
    born = D(2012, 3, 1)
    assert same("13 oed", "aged 13", date_of_birth=born).latest == D(2025, 6, 1)


# --- school -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("blwyddyn 7", "year 7"),
        ("ym mlwyddyn 7", "in year 7"),
        ("yn y flwyddyn 7", "year 7"),  # no year 7 AD: a school year
        ("blwyddyn saith", "year seven"),
        ("tua blwyddyn 7", "about year 7"),
        ("blynyddoedd 7 i 9", "years 7 to 9"),
        ("blwyddyn 7 neu 8", "year 7 or 8"),
        ("rhwng blwyddyn 7 a blwyddyn 9", "between year 7 and year 9"),
        ("gaeaf blwyddyn 7", "the winter of year 7"),
        ("yn ystod gaeaf blwyddyn 7", "the winter of year 7"),
        ("Nadolig ym mlwyddyn 7", "Christmas in year 7"),
        ("tymor yr hydref blwyddyn 7", "the autumn term of year 7"),
        ("tymor y gwanwyn blwyddyn 7", "the spring term of year 7"),
        ("tymor yr haf blwyddyn 9", "the summer term of year 9"),
        ("dechrau blwyddyn 7", "the start of year 7"),
        ("diwedd blwyddyn 7", "the end of year 7"),
        ("dosbarth derbyn", "reception"),
        ("yn y dosbarth derbyn", "reception"),
        ("ysgol fabanod", "infants"),
        ("ysgol iau", "juniors"),
        ("ysgol gynradd", "primary school"),
        ("yn yr ysgol gynradd", "primary school"),
        ("ysgol uwchradd", "secondary school"),
        ("ysgol gyfun", "secondary school"),
        ("chweched dosbarth", "sixth form"),
        ("yn y chweched dosbarth", "sixth form"),
        ("chweched isaf", "lower sixth"),
        ("chweched uchaf", "upper sixth"),
        ("dechrau'r ysgol uwchradd", "the start of secondary school"),
        ("pan ddechreuais i yn yr ysgol uwchradd", "when I started secondary school"),
        ("pan es i i'r ysgol uwchradd", "when I went to secondary school"),
        ("gwyliau'r haf cyn blwyddyn 7", "the summer holidays before year 7"),
        ("gwyliau'r haf ar ôl blwyddyn 7", "the summer holidays after year 7"),
        ("yr haf ar ôl yr ysgol gynradd", "the summer after primary school"),
        (
            "gwyliau'r haf ar ôl i mi ddechrau yn yr ysgol uwchradd",
            "the summer holidays after I started secondary school",
        ),
    ],
)
def test_school_years(welsh: str, english: str) -> None:
    found = same(welsh, english, date_of_birth=BORN_MARCH)
    assert found.uncertain


def test_a_calendar_year_is_not_a_school_year() -> None:
    assert same("yn y flwyddyn 1987", "1987", date_of_birth=BORN_MARCH).precision == "year"
    assert same("ym mlwyddyn 7", "year 7", date_of_birth=BORN_MARCH).precision == "age"


# --- festivals and holidays -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("Nadolig 1990", "Christmas 1990"),
        ("Dolig 1990", "Christmas 1990"),
        ("adeg y Nadolig 1990", "Christmas 1990"),
        ("dros y Nadolig 1990", "Christmas 1990"),
        ("Dydd Nadolig 1990", "Christmas Day 1990"),
        ("Noswyl Nadolig 1990", "Christmas Eve 1990"),
        ("Noswyl y Nadolig 1990", "Christmas Eve 1990"),
        ("Gŵyl San Steffan 1990", "Boxing Day 1990"),
        ("Pasg 1990", "Easter 1990"),
        ("y Pasg 1990", "Easter 1990"),
        ("gwyliau'r haf 1990", "summer holidays 1990"),
        ("gwyliau haf 1990", "summer holidays 1990"),
        ("gwyliau'r ysgol 1990", "summer holidays 1990"),
        ("gwyliau'r Nadolig 1990", "Christmas holidays 1990"),
        ("gwyliau'r Pasg 1990", "Easter holidays 1990"),
        ("hanner tymor mis Hydref 1990", "October half term 1990"),
        ("hanner tymor yr hydref 1990", "October half term 1990"),
        ("hanner tymor mis Chwefror 1990", "February half term 1990"),
        ("hanner tymor mis Mai 1990", "May half term 1990"),
        ("hanner tymor y Sulgwyn 1990", "May half term 1990"),
        ("Calan Gaeaf 1990", "Halloween 1990"),
        ("Noson Tân Gwyllt 1990", "Bonfire Night 1990"),
        ("Noson Tan Gwyllt 1990", "Bonfire Night 1990"),
        ("Noson Guto Ffowc 1990", "Bonfire Night 1990"),
        ("Nos Galan 1990", "New Year's Eve 1990"),
        ("Dydd Calan 1990", "New Year's Day 1990"),
        ("Dydd Gŵyl Dewi 1990", "St David's Day 1990"),
        ("Nadolig '90", "Christmas '90"),
        ("tua'r Nadolig 1990", "about Christmas 1990"),
    ],
)
def test_festivals_and_holidays(welsh: str, english: str) -> None:
    same(welsh, english)


def test_named_days_are_certain_and_holidays_are_not() -> None:
    assert not when("Dydd Nadolig 1990").uncertain
    assert when("Nadolig 1990").uncertain
    assert when("gwyliau'r haf 1990").uncertain


@pytest.mark.parametrize("text", ["hanner tymor 1990", "hanner tymor ym mlwyddyn 7"])
def test_which_half_term_is_asked_as_in_english(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        when(text, date_of_birth=BORN_MARCH)
    assert caught.value.code == "date.which_half_term"
