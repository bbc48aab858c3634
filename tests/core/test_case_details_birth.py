"""The date of birth: written as the survivor or the interviewer gives it (YYYY-MM-DD or
day first, DD/MM/YYYY), stored as YYYY-MM-DD; month-first (US) order refused plainly, as
is anything that is not a real date in the past. No Qt."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.engine.case_details import parse_date_of_birth
from app.errors import UsageError
from tests.error_catalogue import templates

TODAY = date(2025, 6, 1)
FORMAT = (
    "the date of birth must be written YYYY-MM-DD or DD/MM/YYYY, for example 1979-03-21 or "
    "21/03/1979"
)
MONTH_FIRST = (
    "the date of birth seems to be written month first; write the day first, for example "
    "21/03/1979, or write it as YYYY-MM-DD"
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1979-03-21", "1979-03-21"),
        ("21/03/1979", "1979-03-21"),
        ("21/3/1979", "1979-03-21"),
        ("1/3/1979", "1979-03-01"),
        ("01/03/1979", "1979-03-01"),  # day first: 1 March, never 3 January
        ("21.03.1979", "1979-03-21"),
        ("21-03-1979", "1979-03-21"),
        ("  21/03/1979 ", "1979-03-21"),
        ("29/02/1980", "1980-02-29"),
        ("01/01/1900", "1900-01-01"),
        ("01/06/2025", "2025-06-01"),  # today
    ],
)
def test_accepted_and_stored_as_iso(typed: str, stored: str) -> None:
    assert parse_date_of_birth(typed, TODAY) == stored


@pytest.mark.parametrize("typed", ["03/21/1979", "3/21/1979", "12/31/1979", "1/13/1979"])
def test_month_first_is_refused_plainly(typed: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_date_of_birth(typed, TODAY)
    assert (caught.value.code, str(caught.value)) == ("birth.month_first", MONTH_FIRST)
    assert typed.strip() not in str(caught.value)  # a date of birth is never echoed


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "yesterday",
        "31/02/1979",
        "29/02/1979",
        "00/03/1979",
        "21/00/1979",
        "13/13/1979",
        "21/03/79",  # a two-digit year could be 1879 or 1979: not guessed
        "21/03-1979",
        "1979-02-30",
        "1979-13-01",
        "21 March 1979",
        "٢١/٠٣/١٩٧٩",  # other digits than ASCII ones
    ],
)
def test_not_a_date(typed: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_date_of_birth(typed, TODAY)
    assert (caught.value.code, str(caught.value)) == ("birth.format", FORMAT)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("02/06/2025", "birth.in_future"),
        ("2025-06-02", "birth.in_future"),
        ("31/12/1899", "birth.too_early"),
    ],
)
def test_not_in_the_past_since_1900(typed: str, code: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_date_of_birth(typed, TODAY)
    assert caught.value.code == code


def test_every_example_in_the_messages_is_accepted() -> None:
    shown = templates()
    examples = [
        example
        for code in ("birth.format", "birth.month_first")
        for example in re.findall(r"\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}", shown[code])
    ]
    assert sorted(examples) == ["1979-03-21", "21/03/1979", "21/03/1979"]
    for example in examples:
        assert parse_date_of_birth(example, TODAY) == "1979-03-21"
