"""Fuzzy dates: docs/fuzzy-dates.md's table of examples says what each wording gives; the
parser must agree with every row, so the page an interviewer reads stays true. No Qt."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.engine.fuzzydate import FuzzyDate
from tests.conftest import REPO
from tests.core.fuzzydate_helpers import MOVED_1987, D, resolver, when

PAGE = REPO / "docs" / "fuzzy-dates.md"
# The page's stated circumstances: born 21 March 1979, today 1 June 2025, moved in 1987.
BORN = D(1979, 3, 21)
ROW = re.compile(
    r"\| `(?P<text>[^`]+)`[^|]* \| (?P<earliest>[\d-]+) \| (?P<latest>[\d-]+) "
    r"\| (?P<precision>\w+) \| (?P<uncertain>yes|no) \|"
)


def rows() -> list[tuple[str, date, date, str, bool]]:
    return [
        (
            found["text"],
            date.fromisoformat(found["earliest"]),
            date.fromisoformat(found["latest"]),
            found["precision"],
            found["uncertain"] == "yes",
        )
        for found in ROW.finditer(PAGE.read_text(encoding="utf-8"))
    ]


def test_the_table_is_found() -> None:
    assert len(rows()) > 40


@pytest.mark.parametrize(("text", "earliest", "latest", "precision", "uncertain"), rows())
def test_every_row_of_the_page_holds(
    text: str, earliest: date, latest: date, precision: str, uncertain: bool
) -> None:
    found = when(text, date_of_birth=BORN, resolve=resolver({"we moved": MOVED_1987}))
    assert found == FuzzyDate(text, earliest, latest, precision, uncertain)
