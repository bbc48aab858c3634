"""Fuzzy dates' value and the parts every grammar rule shares.

This module owns :class:`FuzzyDate` (the survivor's wording with its inclusive date range)
and what the rules in ``fuzzydate_points``, ``fuzzydate_school`` and ``fuzzydate`` work
with: the limits, the :class:`Span` a rule returns, the :class:`Ctx` it reads, the regex
flags and number words, the tidy-up every wording (and every part of one) gets before a
rule sees it, the checks and messages rules share. The grammar itself is described in
``app/engine/fuzzydate.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from app.engine import fuzzydate_calendar as cal
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
    welsh: bool = False  # the words being read are a Welsh wording reworded (fuzzydate_welsh)


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


# --- the tidy-up before any rule sees a wording ------------------------------------------

_HEDGES = re.compile(
    r"\?|-\s*ish\b|(?<=\d)ish\b|(?<=\ds)ish\b|\bish\b|\bc\.|\bc(?=\s*'?\d)|\bca\."
    r"|\b(?:about|around|roughly|approximately|approx|circa|maybe|perhaps|possibly|probably"
    r"|i think|i believe|i guess|i reckon|not sure|or so|give or take|or thereabouts)\b\.?",
    FLAGS,
)
_FILLERS = re.compile(
    r"\b(?:the|in|during|on|either|sometime|some time|at some point"
    r"|(?:it|this|that) (?:was|happened))\b",
    FLAGS,
)


def clean(text: str) -> str:
    """Case-preserving tidy-up: one kind of dash, quote and space; no commas."""
    text = re.sub(r"\b(mid|early|late)\s*[-\u2013\u2014]\s*", r"\1 ", text, flags=FLAGS)
    text = re.sub(r"\s*[\u2013\u2014\u2012\u2015]\s*", " to ", text)  # en/em dash: a range
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[,;()\[\]]", " ", text)
    return " ".join(text.split()).rstrip(".")


def normalise(text: str) -> tuple[str, bool]:
    """Lower case, hedges and filler words removed; also says whether there was a hedge."""
    lowered = text.lower()
    core, hedges = _HEDGES.subn(" ", lowered)
    core = _FILLERS.sub(" ", core)
    core = re.sub(r"\bhalf-term\b", "half term", core)
    core = re.sub(r"\bx-mas\b", "xmas", core)
    core = re.sub(r"\bsixth-form\b", "sixth form", core)
    return " ".join(core.split()).strip(" ."), hedges > 0


# --- checks rules share ------------------------------------------------------------------


def period_key(name: str) -> str:
    """The key in ``cal.PERIODS`` for a named period's wording; asks which half term."""
    key = cal.PERIOD_ALIASES[name]
    if key == cal.AMBIGUOUS_HALF_TERM:
        raise UsageError(
            "date.which_half_term", "say which half term was meant, e.g. 'October half term 1987'"
        )
    return key


def known_birth_date(ctx: Ctx) -> date:
    """The survivor's date of birth, which ages and school years are counted from."""
    if ctx.dob is None:
        raise needs_birth_date(ctx.text)
    if ctx.dob > ctx.today:
        raise UsageError(
            "date.birth_after_today",
            "the date of birth is after today; correct it in the restricted details",
        )
    return ctx.dob


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


def needs_birth_date(text: str) -> UsageError:
    return UsageError(
        "date.needs_birth_date",
        "'{text}' needs the survivor's date of birth; add it to the restricted details first",
        text=text,
    )
