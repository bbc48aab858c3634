"""Fuzzy dates' point rules: one wording for one stretch of time, and the order they are tried.

This module owns the rule registry and every point rule, registered in the order they are
tried (the first that recognises the wording wins): exact days, months, named periods
("Easter 1990", "winter 1987/88"), parts of a year, decades, single years, then ages
("aged about 12", "in my early teens") and school years ("year 7", "the winter of year 7",
whose rule lives in ``fuzzydate_school``). It also owns the checks those rules share: a year
that is not too early or in the future, and a day that exists. :func:`point` tries them
all; ranges and relative wordings, built from points, live in ``app/engine/fuzzydate.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from app.engine import fuzzydate_calendar as cal
from app.engine import fuzzydate_school as school
from app.engine.fuzzydate_model import (
    FIRST_YEAR,
    FLAGS,
    NUM,
    OLDEST_AGE,
    Ctx,
    Span,
    alternatives,
    backwards,
    future,
    known_birth_date,
    number,
    period_key,
    too_early,
)
from app.errors import UsageError

Rule = Callable[[str, Ctx], "Span | None"]
POINT_RULES: list[Rule] = []


def _rule(pattern: str) -> Callable[[Callable[[re.Match[str], Ctx], Span | None]], Rule]:
    """Register a point rule: ``pattern`` must match the whole normalised wording."""
    compiled = re.compile(pattern, FLAGS)

    def register(handler: Callable[[re.Match[str], Ctx], Span | None]) -> Rule:
        def rule(s: str, ctx: Ctx) -> Span | None:
            found = compiled.fullmatch(s)
            return handler(found, ctx) if found else None

        POINT_RULES.append(rule)
        return rule

    return register


def point(s: str, ctx: Ctx) -> Span | None:
    """The span of the first point rule that recognises ``s``, or None."""
    for rule in POINT_RULES:
        span = rule(s, ctx)
        if span is not None:
            return span
    return None


_MONTH = rf"(?P<month>{alternatives(cal.MONTHS)})\.?"
_YEAR = r"(?P<year>\d{4}|'\d{2})"
_YEAR_LOOSE = r"(?P<year>\d{4}|'?\d{2})"  # after a season or holiday name nothing else fits
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_PART = r"(?:(?P<part>early|mid|middle of|late|beginning of|start of|end of) )?"
_PERIOD = rf"(?P<name>{alternatives(cal.PERIOD_ALIASES)})"
# Which third of a period "early", "mid" and "late" pick (0, 1, 2).
_THIRD = {
    "early": 0,
    "beginning of": 0,
    "start of": 0,
    "mid": 1,
    "middle of": 1,
    "late": 2,
    "end of": 2,
}


# --- shared checks -----------------------------------------------------------------------


def _year(token: str, ctx: Ctx) -> int:
    digits = token.lstrip("'")
    year = int(digits) if len(digits) == 4 else cal.expand_two_digit_year(int(digits), ctx.today)
    if year < FIRST_YEAR:
        raise too_early(year)
    if year > ctx.today.year:
        raise future(ctx)
    return year


def _make_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise UsageError(
            "date.no_such_month",
            "there is no month {month}; write dates day first, e.g. 14/06/1987",
            month=month,
        )
    days = cal.last_day(year, month)
    if not 1 <= day <= days:
        name = cal.MONTH_NAMES[month]
        raise UsageError(
            "date.no_such_day",
            "there is no {day} {month} {year} ({month} {year} has {days} days); "
            "check the day and month",
            day=day,
            month=name,
            year=year,
            days=days,
        )
    return date(year, month, day)


def _day(d: date) -> Span:
    return Span(d, d, "day")


# --- point rules, in order: days, months, named periods, years, decades, ages ------------


@_rule(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})")
def _iso_date(m: re.Match[str], ctx: Ctx) -> Span:
    return _day(_make_date(_year(m["year"], ctx), int(m["month"]), int(m["day"])))


@_rule(r"(?P<day>\d{1,2})([-/.])(?P<month>\d{1,2})\2(?P<year>\d{4}|\d{2})")
def _numeric_date(m: re.Match[str], ctx: Ctx) -> Span:
    return _day(_make_date(_year(m["year"], ctx), int(m["month"]), int(m["day"])))


@_rule(rf"{_DAY} (?:of )?{_MONTH} (?:of )?{_YEAR}")
def _day_month_year(m: re.Match[str], ctx: Ctx) -> Span:
    return _day(_make_date(_year(m["year"], ctx), cal.MONTHS[m["month"]], int(m["day"])))


@_rule(rf"{_MONTH} {_DAY} {_YEAR}")
def _month_day_year(m: re.Match[str], ctx: Ctx) -> Span:
    return _day(_make_date(_year(m["year"], ctx), cal.MONTHS[m["month"]], int(m["day"])))


@_rule(r"(?P<month>\d{1,2})[/.-](?P<year>\d{4})|(?P<iso_year>\d{4})-(?P<iso_month>0?[1-9]|1[0-2])")
def _numeric_month(m: re.Match[str], ctx: Ctx) -> Span:
    year, month = _year(m["year"] or m["iso_year"], ctx), int(m["month"] or m["iso_month"])
    _make_date(year, month, 1)  # rejects month 0 or 13 with a clear message
    return Span(*cal.month_period(year, month), "month")


@_rule(rf"{_PART}{_MONTH} (?:of )?{_YEAR}")
def _month_year(m: re.Match[str], ctx: Ctx) -> Span:
    first, last = cal.month_period(_year(m["year"], ctx), cal.MONTHS[m["month"]])
    if m["part"]:  # early 1-10, mid 11-20, late 21-end
        third = _THIRD[m["part"]]
        first = first + timedelta(days=10 * third)
        last = last if third == 2 else first + timedelta(days=9)
    return Span(first, last, "month")


@_rule(rf"{_PART}{_PERIOD} (?:of )?{_YEAR_LOOSE}(?:\s*(?:/|-|to)\s*(?P<next>\d{{4}}|'?\d{{2}}))?")
def _named_period(m: re.Match[str], ctx: Ctx) -> Span | None:
    key = period_key(m["name"])
    year = _year(m["year"], ctx)
    if m["next"] is not None:  # "winter 1987/88"; anything else is left to the range rule
        following = int(m["next"].lstrip("'"))
        if key != "winter" or following not in (year + 1, (year + 1) % 100):
            return None
    # A season or holiday has no sharp edges (a survivor's "summer" may take in May or
    # September; holidays differ by school), so it is uncertain; a named day is not.
    if m["part"]:
        if key not in cal.SEASON_FIRST_MONTH:
            return None
        third = cal.season_months(key, year)[_THIRD[m["part"]]]
        return Span(*cal.month_period(*third), "season", uncertain=True)
    if key in cal.SINGLE_DAYS:
        return Span(*cal.PERIODS[key](year), "day")
    return Span(*cal.PERIODS[key](year), "season", uncertain=True)


_YEAR_PARTS = {
    "early": (1, 4),
    "beginning of": (1, 4),
    "start of": (1, 4),
    "mid": (5, 8),
    "middle of": (5, 8),
    "late": (9, 12),
    "end of": (9, 12),
    "first half of": (1, 6),
    "second half of": (7, 12),
}


@_rule(rf"(?P<part>{alternatives(_YEAR_PARTS)}) {_YEAR}")
def _part_of_year(m: re.Match[str], ctx: Ctx) -> Span:
    year = _year(m["year"], ctx)
    first, last = _YEAR_PARTS[m["part"]]
    return Span(cal.month_period(year, first)[0], cal.month_period(year, last)[1], "year")


_DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
_DECADE_SLICES = ((0, 3), (4, 6), (6, 9))  # early 80s = 1980-83, mid = 84-86, late = 86-89


@_rule(rf"{_PART}(?:(?P<full>\d{{3}}0)'?s|'?(?P<short>\d0)'?s|(?P<word>{'|'.join(_DECADE_WORDS)}))")
def _decade(m: re.Match[str], ctx: Ctx) -> Span:
    two_digits = int(m["short"]) if m["short"] else _DECADE_WORDS.get(m["word"] or "", 0)
    start = _year(m["full"] or f"'{two_digits:02d}", ctx)
    first, last = _DECADE_SLICES[_THIRD[m["part"]]] if m["part"] else (0, 9)
    return Span(*cal.years_period(start + first, start + last), "year")


@_rule(rf"(?:year )?{_YEAR}")
def _single_year(m: re.Match[str], ctx: Ctx) -> Span:
    year = _year(m["year"], ctx)
    return Span(*cal.years_period(year, year), "year")


_AGE_LEAD = (
    r"aged|age|ages|age of|ages of|at age|at age of|at|when aged|when i was"
    r"|when i was aged|i was|(?P<vague>between|from)(?: ages?(?: of)?)?"
)


@_rule(
    rf"(?:(?P<lead>{_AGE_LEAD}) )?(?P<lo>{NUM})(?:\s*(?:or|to|-|and)\s*(?P<hi>{NUM}))?"
    r"(?P<old> (?:years?|yrs?) old| years? of age)?"
)
def _age(m: re.Match[str], ctx: Ctx) -> Span | None:
    """'aged 12', 'age 11 or 12', 'when I was 9 or 10', 'between the ages of 10 and 13'."""
    if not m["old"] and (m["lead"] in (None, "between", "from")):
        return None  # a bare "12" or "between 10 and 13" could be anything
    if m["vague"] and not m["hi"]:
        return None
    return _age_span(number(m["lo"]), number(m["hi"] or m["lo"]), ctx)


_LIFE_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50}
_TEEN_SLICES = ((13, 15), (14, 16), (17, 19))


@_rule(
    rf"(?:when i was |as )?(?:my {_PART}(?P<decade>teens|{'|'.join(_LIFE_DECADES)})"
    r"|an? teenager)"
)
def _life_decade(m: re.Match[str], ctx: Ctx) -> Span:
    """'in my early teens' (13-15), 'when I was a teenager' (13-19), 'in my twenties'."""
    third = _THIRD[m["part"]] if m["part"] else None
    if m["decade"] in (None, "teens"):
        youngest, oldest = (13, 19) if third is None else _TEEN_SLICES[third]
    else:
        start = _LIFE_DECADES[m["decade"]]
        first, last = (0, 9) if third is None else _DECADE_SLICES[third]
        youngest, oldest = start + first, start + last
    return _age_span(youngest, oldest, ctx)


def _age_span(youngest: int, oldest: int, ctx: Ctx) -> Span:
    born = known_birth_date(ctx)
    if oldest > OLDEST_AGE:
        raise UsageError(
            "date.age_impossible", "an age of {age} is not possible; check the age", age=oldest
        )
    if oldest < youngest:
        raise backwards(ctx)
    if ctx.hedged:  # "about 12" could be 11 or 13
        youngest, oldest = max(0, youngest - 1), oldest + 1
    return Span(*cal.age_period(born, youngest, oldest), "age", uncertain=True)


# After the ages: "year 7", "the winter of year 7", "sixth form" (fuzzydate_school).
_rule(school.PATTERN)(school.school_span)
