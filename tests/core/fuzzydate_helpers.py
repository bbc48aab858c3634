"""What the fuzzy-date tests share: a fixed today and date of birth, and short ways to
parse and look at a result (tests/core/test_fuzzydate*.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.engine.fuzzydate import FuzzyDate, parse_when

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
