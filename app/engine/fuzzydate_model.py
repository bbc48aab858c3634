"""Fuzzy dates' value and the parts every grammar rule shares.

This module owns :class:`FuzzyDate` (the survivor's wording with its inclusive date range)
and what the rules in ``fuzzydate_points`` and ``fuzzydate`` work with: the limits, the
:class:`Span` a rule returns, the :class:`Ctx` it reads, the regex flags and number words,
and every message a rejected wording gets. The grammar itself is described in
``app/engine/fuzzydate.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from app.errors import UsageError

PRECISIONS = ("day", "month", "season", "year", "range", "age", "relative")
MAX_TEXT = 200  # a phrase, not a paragraph; also bounds the work any regex can do
FIRST_YEAR = 1900
OLDEST_AGE = 120

Resolver = Callable[[str], "FuzzyDate | None"]


@dataclass(frozen=True)
class FuzzyDate:
    """The survivor's wording of when something happened, with its inclusive date range."""

    text: str
    earliest: date
    latest: date
    precision: str
    uncertain: bool

    def __post_init__(self) -> None:
        # Direct construction is programmer territory, so these are plain exceptions.
        if type(self.earliest) is not date or type(self.latest) is not date:
            raise TypeError("earliest and latest must be datetime.date values")
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}")
        if self.earliest > self.latest:
            raise ValueError("earliest must not be after latest")

    def sort_key(self) -> tuple[date, date]:
        return self.earliest, self.latest

    def to_dict(self) -> dict[str, str | bool]:
        return {
            "text": self.text,
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
            "precision": self.precision,
            "uncertain": self.uncertain,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FuzzyDate:
        try:
            text, uncertain = data["text"], data["uncertain"]
            if not isinstance(text, str) or not isinstance(uncertain, bool):
                raise TypeError("text must be a string and uncertain a boolean")
            return cls(
                text=text,
                earliest=date.fromisoformat(data["earliest"]),
                latest=date.fromisoformat(data["latest"]),
                precision=data["precision"],
                uncertain=uncertain,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise UsageError(
                "date.stored_malformed", "a stored fuzzy date is malformed and cannot be read"
            ) from exc


class Span(NamedTuple):
    """What a rule found: an inclusive range, its precision, and whether it is uncertain."""

    earliest: date
    latest: date
    precision: str
    uncertain: bool = False


@dataclass(frozen=True)
class Ctx:
    """What every rule may read besides the words in front of it."""

    text: str  # the whole wording on one line, quoted in messages
    today: date
    dob: date | None
    resolve: Resolver | None
    hedged: bool = False


class ResolverFailed(Exception):
    """Carries an exception raised by the caller's resolver past our safety net."""

    def __init__(self, original: BaseException) -> None:
        super().__init__()
        self.original = original


FLAGS = re.IGNORECASE | re.ASCII


def alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
NUM = rf"\d{{1,3}}|{'|'.join(_NUMBER_WORDS)}"


def number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.index(word)


# --- messages --------------------------------------------------------------------------


def not_understood(text: str) -> UsageError:
    return UsageError(
        "date.not_understood",
        "could not understand the date '{text}'; try e.g. 'June 1987', 'summer 1987', "
        "'1985 to 1987' or 'aged about 12'",
        text=text,
    )


def future(ctx: Ctx) -> UsageError:
    return UsageError("date.in_future", "'{text}' is in the future; check the year", text=ctx.text)


def backwards(ctx: Ctx) -> UsageError:
    return UsageError(
        "date.backwards",
        "'{text}' ends before it starts; put the earlier date first",
        text=ctx.text,
    )


def too_early(year: int) -> UsageError:
    return UsageError(
        "date.year_too_early",
        "the year {year} is before {first}; check the year",
        year=year,
        first=FIRST_YEAR,
    )
