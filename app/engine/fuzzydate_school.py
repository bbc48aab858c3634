"""Fuzzy dates' school wordings, as survivors in England and Wales give them: "year 7",
"in year 7", "the winter of year 7", "the summer term of year 9", "reception", "the sixth
form", "primary school", "when I started secondary school".

A school year runs from 1 September to 31 August, and a child is in year N during the
school year in which they turn N + 5 (reception, counted here as year 0, is the year they
turn 5). Children born from 1 September to the next 31 August share a year group, those
born on 1 September being the oldest. So someone born on 21 March 1979 was in year 7 from
1 September 1990 to 31 August 1991, and someone born on 15 October 1979 was in year 7 a
year later. The "year N" names came with the National Curriculum in 1990, but survivors use
them for earlier years too, and the arithmetic is the same; the older names map as well
(infants: reception to year 2, juniors: years 3 to 6, lower and upper sixth: years 12
and 13).

Like ages, every school wording needs the date of birth and is uncertain: a child may have
been held back, moved up or schooled where years are counted differently (Scotland,
Northern Ireland, abroad). A hedge widens a plain school year or stage by a year either
side, as it does an age ("about year 7" is years 6 to 8; never before reception or after
year 13); a hedged part of a school year ("about the winter of year 7") is only
uncertain, as every school wording already is.
This module owns the school rule's pattern and its handler, which ``fuzzydate_points``
registers after the ages, and the summers next to a school year, which the relative rule
in ``fuzzydate`` asks about ("the summer holidays before year 7").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from app.engine import fuzzydate_calendar as cal
from app.engine.fuzzydate_model import (
    FLAGS,
    NUM,
    Ctx,
    Span,
    alternatives,
    backwards,
    known_birth_date,
    number,
    period_key,
)

RECEPTION_AGE = 5  # the age a child turns during reception (year 0)
LAST_YEAR = 13  # year 13, the upper sixth

# Named stages of schooling -> (first, last) year group, reception being 0.
STAGES: dict[str, tuple[int, int]] = {
    "reception": (0, 0),
    "reception class": (0, 0),
    "infants": (0, 2),
    "infant school": (0, 2),
    "juniors": (3, 6),
    "junior school": (3, 6),
    "primary": (0, 6),
    "primary school": (0, 6),
    "secondary": (7, 11),
    "secondary school": (7, 11),
    "high school": (7, 11),
    "sixth form": (12, 13),
    "sixth form college": (12, 13),
    "lower sixth": (12, 12),
    "upper sixth": (13, 13),
}


def _spring_term(year: int) -> cal.Period:
    # From New Year to the end of the Easter holidays: the term ends when they begin, and
    # when that is moves with Easter and with the local authority.
    return date(year, 1, 1), cal.PERIODS["easter holidays"](year)[1]


def _summer_term(year: int) -> cal.Period:
    # From the start of the Easter holidays (see above) to the end of July.
    return cal.PERIODS["easter holidays"](year)[0], date(year, 7, 31)


# Terms, as generous windows like the holidays in fuzzydate_calendar, as a function of the
# calendar year they fall in; the autumn term is in the school year's first calendar year.
TERMS: dict[str, tuple[Callable[[int], cal.Period], int]] = {
    "autumn term": (lambda y: (date(y, 9, 1), date(y, 12, 23)), 0),
    "christmas term": (lambda y: (date(y, 9, 1), date(y, 12, 23)), 0),
    "first term": (lambda y: (date(y, 9, 1), date(y, 12, 23)), 0),
    "spring term": (_spring_term, 1),
    "second term": (_spring_term, 1),
    "summer term": (_summer_term, 1),
    "third term": (_summer_term, 1),
}
# Which third of a school year (or of a stage's years) "the start of" and the like pick.
THIRDS = {
    "start of": 0,
    "beginning of": 0,
    "early": 0,
    "middle of": 1,
    "mid": 1,
    "end of": 2,
    "late": 2,
}
_YEAR_WORD = r"(?:years?|yr|y) ?"

PATTERN = (
    r"(?:(?:when|while) (?:i was )?)?(?:at )?"
    rf"(?:(?P<period>{alternatives([*TERMS, *cal.PERIOD_ALIASES])}) (?:of )?"
    rf"|(?P<third>{alternatives(THIRDS)}) (?:of )?"
    r"|(?:i )?(?P<started>start|started|starting|(?:went|going|moved|moving) (?:up )?(?:to|into))"
    r"(?: at)? )?"
    rf"(?:(?P<stage>{alternatives(STAGES)})"
    rf"|(?:school )?{_YEAR_WORD}(?P<lo>{NUM})"
    rf"(?:\s*(?:to|-|/|or|and)\s*(?:{_YEAR_WORD})?(?P<hi>{NUM}))?)"
)
_COMPILED = re.compile(PATTERN, FLAGS)


def school_year(born: date, group: int) -> cal.Period:
    """1 September to 31 August of the school year someone born on ``born`` spends in
    ``group`` (0 is reception): the one in which they turn ``group + 5``."""
    turns = cal.birthday(born, group + RECEPTION_AGE)
    first = date(turns.year if turns.month >= 9 else turns.year - 1, 9, 1)
    return first, date(first.year + 1, 8, 31)


def school_span(m: re.Match[str], ctx: Ctx) -> Span | None:
    """'year 7', 'years 7 to 9', 'sixth form', 'the winter of year 7', 'the start of
    secondary school' (``m`` matched PATTERN)."""
    groups = _year_groups(m, ctx)
    if groups is None:
        return None
    first, last = groups
    born = known_birth_date(ctx)
    part = m["period"] or m["third"] or m["started"]
    if ctx.hedged and not part:
        first, last = max(0, first - 1), min(LAST_YEAR, last + 1)
    opening, closing = school_year(born, first), school_year(born, last)
    if m["period"]:
        return _period_of(m["period"], opening, closing, one_year=first == last)
    if part:
        third = THIRDS.get(m["third"] or "start of", 0)
        return _third_of(third, opening[0], last - first + 1)
    return Span(opening[0], closing[1], "age", uncertain=True)


def summer_around(key: str, event: str, after: bool, ctx: Ctx) -> Span | None:
    """'the summer holidays before year 7', 'the summer after primary school': the summer
    that ends the school year, or the one just before it starts. (The general rule for
    "the summer after" would skip a year: a school year runs to 31 August, so its own
    summer holidays fall inside it.) None if ``event`` is no school wording or ``key`` no
    summer."""
    if key not in ("summer", "summer holidays"):
        return None
    found = _COMPILED.fullmatch(event)
    if found is None or found["period"] or found["third"]:
        return None  # "the summer after the winter of year 7" is the general rule's
    groups = _year_groups(found, ctx)
    if groups is None:
        return None
    first, last = groups
    # after "I started secondary school" is after its first year; after "secondary
    # school", after its last; before either, before its first.
    group = (first if found["started"] else last) if after else first - 1
    summer = _occurrence(key, school_year(known_birth_date(ctx), group))
    return Span(*summer, "relative", uncertain=True)


def _year_groups(m: re.Match[str], ctx: Ctx) -> tuple[int, int] | None:
    """The first and last year group a wording names, reception being 0."""
    if m["stage"]:
        return STAGES[m["stage"]]
    first = number(m["lo"])
    last = number(m["hi"]) if m["hi"] else first
    if not (1 <= first <= LAST_YEAR and 1 <= last <= LAST_YEAR):
        return None  # "year 14" or "year 0" is no school year; "year 1987" a year
    if last < first:
        raise backwards(ctx)
    return first, last


def _period_of(word: str, opening: cal.Period, closing: cal.Period, *, one_year: bool) -> Span:
    """A season, holiday or term in the first school year through the same in the last."""
    if word in TERMS:
        term, offset = TERMS[word]
        first, last = term(opening[0].year + offset), term(closing[0].year + offset)
        return Span(first[0], last[1], "season" if one_year else "range", uncertain=True)
    key = period_key(word)
    first, last = _occurrence(key, opening), _occurrence(key, closing)
    precision = "day" if key in cal.SINGLE_DAYS else "season"
    return Span(first[0], last[1], precision if one_year else "range", uncertain=True)


def _occurrence(key: str, year: cal.Period) -> cal.Period:
    """The named period that starts within a school year: its winter is the one from
    December to February, its summer the one at its end."""
    start = year[0]
    candidates = (cal.PERIODS[key](start.year), cal.PERIODS[key](start.year + 1))
    return min(period for period in candidates if period[0] >= start)


def _third_of(third: int, start: date, years: int) -> Span:
    """The first third of the first school year (September to December), the last third of
    the last (May to August), or the middle third of all of them."""
    if third == 0:
        first, months = start, 4
    elif third == 2:
        first, months = cal.add_months(start, 12 * years - 4), 4
    else:
        first, months = cal.add_months(start, 4 * years), 4 * years
    last = cal.add_months(first, months) - timedelta(days=1)
    return Span(first, last, "season" if months == 4 else "range", uncertain=True)
