"""Fuzzy dates: the survivor's own wording of *when*, and the date range it stands for.

A timeline event keeps two things: the words the survivor used ("the summer of 1987",
"aged about 12", "the Christmas after we moved") and an inclusive date range used for
sorting and for the court. This module owns the grammar that turns the first into the
second (:func:`parse_when`) and the value that carries both (:class:`FuzzyDate`). Calendar
facts (seasons, Easter, school holidays, birthdays) live in ``app/fuzzydate_calendar.py``.

The grammar is an ordered list of small rules, one function each; the first rule that
recognises the wording wins. A rule returns None for "not my form" and raises UsageError
for "my form, but impossible". Every failure that reaches the caller is a UsageError whose
one sentence says what to do; no other exception escapes for any input string (an
exception raised by the caller's own ``resolve`` passes through unchanged).

Conventions:
- Numeric dates are day first (UK): 06/07/1987 is 6 July 1987; 1987-06 is June 1987.
- A two-digit year ('87, 14/06/87, "summer 87") is the latest year with those digits that
  is not after today: '87 is 1987 and '05 is 2005. Bare two-digit years are accepted only
  where nothing else could be meant (never "June 12", which could be a day).
- A range never reaches past today: "2024" read in June 2024 ends on that day.
- Hedged ages widen by a year either side; hedged counts ("about two years after") by a
  quarter, at least one unit.
- Relative to a stated date ("after Easter 1990") means after it ended; relative to
  another event means after some moment within that event's range.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import partial
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


class _Span(NamedTuple):
    earliest: date
    latest: date
    precision: str
    uncertain: bool = False


@dataclass(frozen=True)
class _Ctx:
    text: str  # the whole wording on one line, quoted in messages
    today: date
    dob: date | None
    resolve: Resolver | None
    hedged: bool = False


class _ResolverFailed(Exception):
    """Carries an exception raised by the caller's resolver past our safety net."""

    def __init__(self, original: BaseException) -> None:
        super().__init__()
        self.original = original


_FLAGS = re.IGNORECASE | re.ASCII
_Rule = Callable[[str, _Ctx], "_Span | None"]
_POINT_RULES: list[_Rule] = []


def _rule(pattern: str) -> Callable[[Callable[[re.Match[str], _Ctx], _Span | None]], _Rule]:
    """Register a point rule: ``pattern`` must match the whole normalised wording."""
    compiled = re.compile(pattern, _FLAGS)

    def register(handler: Callable[[re.Match[str], _Ctx], _Span | None]) -> _Rule:
        def rule(s: str, ctx: _Ctx) -> _Span | None:
            found = compiled.fullmatch(s)
            return handler(found, ctx) if found else None

        _POINT_RULES.append(rule)
        return rule

    return register


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternatives(cal.MONTHS)})\.?"
_YEAR = r"(?P<year>\d{4}|'\d{2})"
_YEAR_LOOSE = r"(?P<year>\d{4}|'?\d{2})"  # after a season or holiday name nothing else fits
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_PART = r"(?:(?P<part>early|mid|middle of|late|beginning of|start of|end of) )?"
_PERIOD = rf"(?P<name>{_alternatives(cal.PERIOD_ALIASES)})"
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
_NUM = rf"\d{{1,3}}|{'|'.join(_NUMBER_WORDS)}"
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


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.index(word)


# --- messages --------------------------------------------------------------------------


def _not_understood(text: str) -> UsageError:
    return UsageError(
        "date.not_understood",
        "could not understand the date '{text}'; try e.g. 'June 1987', 'summer 1987', "
        "'1985 to 1987' or 'aged about 12'",
        text=text,
    )


def _future(ctx: _Ctx) -> UsageError:
    return UsageError("date.in_future", "'{text}' is in the future; check the year", text=ctx.text)


def _backwards(ctx: _Ctx) -> UsageError:
    return UsageError(
        "date.backwards",
        "'{text}' ends before it starts; put the earlier date first",
        text=ctx.text,
    )


def _too_early(year: int) -> UsageError:
    return UsageError(
        "date.year_too_early",
        "the year {year} is before {first}; check the year",
        year=year,
        first=FIRST_YEAR,
    )


# --- shared checks -----------------------------------------------------------------------


def _year(token: str, ctx: _Ctx) -> int:
    digits = token.lstrip("'")
    year = int(digits) if len(digits) == 4 else cal.expand_two_digit_year(int(digits), ctx.today)
    if year < FIRST_YEAR:
        raise _too_early(year)
    if year > ctx.today.year:
        raise _future(ctx)
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


def _day(d: date) -> _Span:
    return _Span(d, d, "day")


# --- point rules, in order: days, months, named periods, years, decades, ages ------------


@_rule(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})")
def _iso_date(m: re.Match[str], ctx: _Ctx) -> _Span:
    return _day(_make_date(_year(m["year"], ctx), int(m["month"]), int(m["day"])))


@_rule(r"(?P<day>\d{1,2})([-/.])(?P<month>\d{1,2})\2(?P<year>\d{4}|\d{2})")
def _numeric_date(m: re.Match[str], ctx: _Ctx) -> _Span:
    return _day(_make_date(_year(m["year"], ctx), int(m["month"]), int(m["day"])))


@_rule(rf"{_DAY} (?:of )?{_MONTH} (?:of )?{_YEAR}")
def _day_month_year(m: re.Match[str], ctx: _Ctx) -> _Span:
    return _day(_make_date(_year(m["year"], ctx), cal.MONTHS[m["month"]], int(m["day"])))


@_rule(rf"{_MONTH} {_DAY} {_YEAR}")
def _month_day_year(m: re.Match[str], ctx: _Ctx) -> _Span:
    return _day(_make_date(_year(m["year"], ctx), cal.MONTHS[m["month"]], int(m["day"])))


@_rule(r"(?P<month>\d{1,2})[/.-](?P<year>\d{4})|(?P<iso_year>\d{4})-(?P<iso_month>0?[1-9]|1[0-2])")
def _numeric_month(m: re.Match[str], ctx: _Ctx) -> _Span:
    year, month = _year(m["year"] or m["iso_year"], ctx), int(m["month"] or m["iso_month"])
    _make_date(year, month, 1)  # rejects month 0 or 13 with a clear message
    return _Span(*cal.month_period(year, month), "month")


@_rule(rf"{_PART}{_MONTH} (?:of )?{_YEAR}")
def _month_year(m: re.Match[str], ctx: _Ctx) -> _Span:
    first, last = cal.month_period(_year(m["year"], ctx), cal.MONTHS[m["month"]])
    if m["part"]:  # early 1-10, mid 11-20, late 21-end
        third = _THIRD[m["part"]]
        first = first + timedelta(days=10 * third)
        last = last if third == 2 else first + timedelta(days=9)
    return _Span(first, last, "month")


@_rule(rf"{_PART}{_PERIOD} (?:of )?{_YEAR_LOOSE}(?:\s*(?:/|-|to)\s*(?P<next>\d{{4}}|'?\d{{2}}))?")
def _named_period(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    key = _period_key(m["name"])
    year = _year(m["year"], ctx)
    if m["next"] is not None:  # "winter 1987/88"; anything else is left to the range rule
        following = int(m["next"].lstrip("'"))
        if key != "winter" or following not in (year + 1, (year + 1) % 100):
            return None
    if m["part"]:
        if key not in cal.SEASON_FIRST_MONTH:
            return None
        return _Span(*cal.month_period(*cal.season_months(key, year)[_THIRD[m["part"]]]), "season")
    precision = "day" if key in cal.SINGLE_DAYS else "season"
    return _Span(*cal.PERIODS[key](year), precision)


def _period_key(name: str) -> str:
    key = cal.PERIOD_ALIASES[name]
    if key == cal.AMBIGUOUS_HALF_TERM:
        raise UsageError(
            "date.which_half_term", "say which half term was meant, e.g. 'October half term 1987'"
        )
    return key


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


@_rule(rf"(?P<part>{_alternatives(_YEAR_PARTS)}) {_YEAR}")
def _part_of_year(m: re.Match[str], ctx: _Ctx) -> _Span:
    year = _year(m["year"], ctx)
    first, last = _YEAR_PARTS[m["part"]]
    return _Span(cal.month_period(year, first)[0], cal.month_period(year, last)[1], "year")


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
def _decade(m: re.Match[str], ctx: _Ctx) -> _Span:
    two_digits = int(m["short"]) if m["short"] else _DECADE_WORDS.get(m["word"] or "", 0)
    start = _year(m["full"] or f"'{two_digits:02d}", ctx)
    first, last = _DECADE_SLICES[_THIRD[m["part"]]] if m["part"] else (0, 9)
    return _Span(*cal.years_period(start + first, start + last), "year")


@_rule(rf"(?:year )?{_YEAR}")
def _single_year(m: re.Match[str], ctx: _Ctx) -> _Span:
    year = _year(m["year"], ctx)
    return _Span(*cal.years_period(year, year), "year")


_AGE_LEAD = (
    r"aged|age|ages|age of|ages of|at age|at age of|at|when aged|when i was"
    r"|when i was aged|i was|(?P<vague>between|from)(?: ages?(?: of)?)?"
)


@_rule(
    rf"(?:(?P<lead>{_AGE_LEAD}) )?(?P<lo>{_NUM})(?:\s*(?:or|to|-|and)\s*(?P<hi>{_NUM}))?"
    r"(?P<old> (?:years?|yrs?) old| years? of age)?"
)
def _age(m: re.Match[str], ctx: _Ctx) -> _Span | None:
    """'aged 12', 'age 11 or 12', 'when I was 9 or 10', 'between the ages of 10 and 13'."""
    if not m["old"] and (m["lead"] in (None, "between", "from")):
        return None  # a bare "12" or "between 10 and 13" could be anything
    if m["vague"] and not m["hi"]:
        return None
    return _age_span(_number(m["lo"]), _number(m["hi"] or m["lo"]), ctx)


_LIFE_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50}
_TEEN_SLICES = ((13, 15), (14, 16), (17, 19))


@_rule(
    rf"(?:when i was |as )?(?:my {_PART}(?P<decade>teens|{'|'.join(_LIFE_DECADES)})"
    r"|an? teenager)"
)
def _life_decade(m: re.Match[str], ctx: _Ctx) -> _Span:
    """'in my early teens' (13-15), 'when I was a teenager' (13-19), 'in my twenties'."""
    third = _THIRD[m["part"]] if m["part"] else None
    if m["decade"] in (None, "teens"):
        youngest, oldest = (13, 19) if third is None else _TEEN_SLICES[third]
    else:
        start = _LIFE_DECADES[m["decade"]]
        first, last = (0, 9) if third is None else _DECADE_SLICES[third]
        youngest, oldest = start + first, start + last
    return _age_span(youngest, oldest, ctx)


def _age_span(youngest: int, oldest: int, ctx: _Ctx) -> _Span:
    if ctx.dob is None:
        raise UsageError(
            "date.needs_birth_date",
            "'{text}' needs the survivor's date of birth; add it to the restricted details first",
            text=ctx.text,
        )
    if ctx.dob > ctx.today:
        raise UsageError(
            "date.birth_after_today",
            "the date of birth is after today; correct it in the restricted details",
        )
    if oldest > OLDEST_AGE:
        raise UsageError(
            "date.age_impossible", "an age of {age} is not possible; check the age", age=oldest
        )
    if oldest < youngest:
        raise _backwards(ctx)
    if ctx.hedged:  # "about 12" could be 11 or 13
        youngest, oldest = max(0, youngest - 1), oldest + 1
    return _Span(*cal.age_period(ctx.dob, youngest, oldest), "age", uncertain=True)


# --- ranges ------------------------------------------------------------------------------

_TO = re.compile(r"\s*(?:\b(?:to|until|till|til|through|thru|and|or)\b|-|/)\s*", _FLAGS)
_AND = re.compile(r"\s+and\s+", _FLAGS)


def _range(s: str, ctx: _Ctx) -> _Span | None:
    """'1985 to 1987', 'between 1985 and 1987', 'from June 1985 to March 1986', '1985-87'."""
    body, separators = s, _TO
    if s.startswith("between "):
        body, separators = s.removeprefix("between "), _AND
    elif s.startswith("from "):
        body = s.removeprefix("from ")
    for sep in separators.finditer(body):
        either = sep[0].strip() == "or"  # "1987 or 1988": unsure which, so uncertain
        span = _range_of(body[: sep.start()], body[sep.end() :], ctx, either)
        if span is not None:
            return span
    return None


def _range_of(start: str, end: str, ctx: _Ctx, either: bool) -> _Span | None:
    first, last = _point(start, ctx), _point(end, ctx)
    if first is None:  # "June to August 1987", "14 to 16 June 1987": borrow the end's tail
        words = end.split()
        for k in range(1, len(words)):
            first = _point(f"{start} {' '.join(words[k:])}", ctx)
            if first is not None:
                break
    start_year = re.search(r"(?<!\d)(\d{4})$", start)
    if either and start_year and re.fullmatch(r"\d{4}|'?\d{2}", end):
        # "Christmas 1987 or 1988" is one of two Christmases, not Christmas to the end of 1988
        last = _point(start[: start_year.start()] + end, ctx) or last
    if last is None and first is not None and start_year and re.fullmatch(r"\d{2}", end):
        century_year = int(start_year[1]) // 100 * 100 + int(end)  # 1985-87, 1999-01
        year = century_year if century_year >= int(start_year[1]) else century_year + 100
        last = _point(str(year), ctx)
    if first is None or last is None:
        return None
    if last.earliest > ctx.today:
        raise _future(ctx)
    if either and last.latest < first.earliest:  # "1988 or 1987" has no direction
        first, last = last, first
    if last.latest < first.earliest:
        raise _backwards(ctx)
    return _Span(first.earliest, last.latest, "range", either or first.uncertain or last.uncertain)


# --- relative to another event -----------------------------------------------------------

_RELATIVE = re.compile(r"(?P<head>.*?)\b(?P<way>after|before)\b(?P<event>.*)", _FLAGS | re.S)
_EVENT_TAIL = re.compile(r"(?:[\s?.!'\"]|\b(?:i think|i believe|or so|maybe|probably)\b)+$", _FLAGS)
_QUANTITIES = {
    "a": (1, 1),
    "an": (1, 1),
    "a couple of": (2, 3),
    "couple of": (2, 3),
    "a couple": (2, 3),
    "a few": (2, 5),
    "few": (2, 5),
    "some": (2, 6),
    "several": (3, 8),
}
# "two years", "a few months", "one or two years", "a year or two"
_QUANTITY = (
    rf"(?P<n>{_alternatives(_QUANTITIES)}|{_NUM})(?: or (?P<or>{_NUM}))? "
    rf"(?P<unit>day|week|month|year)s?(?: or (?P<or_after>{_NUM}))?"
)
_NEAR = (
    r"just|soon|shortly|not long|not very long|not too long|right|straight|immediately|"
    r"very soon|a little while|a short while|a little|a bit"
)
_GENERIC = r"|a while|long"


def _relative(cleaned: str, ctx: _Ctx) -> _Span | None:
    """'the Christmas after we moved', 'a few months before Dad left', 'after Easter 1990'."""
    found = _RELATIVE.fullmatch(cleaned)
    if found is None:
        return None
    head, head_hedged = _normalise(found["head"])
    event = _EVENT_TAIL.sub("", found["event"]).strip(" \"'")
    if not event:
        return None
    after = found["way"].lower() == "after"
    # Read the head before resolving, so nonsense never reaches the caller's resolver.
    shift: Callable[..., cal.Period]
    if re.fullmatch(_GENERIC, head):
        shift = partial(cal.shift_by, lo=0, hi=12, unit="month")
    elif re.fullmatch(_NEAR, head):
        shift = partial(cal.shift_by, lo=0, hi=3, unit="month")
    elif quantity := re.fullmatch(_QUANTITY, head):
        lo, hi = _QUANTITIES.get(quantity["n"]) or (_number(quantity["n"]),) * 2
        if alternative := quantity["or"] or quantity["or_after"]:
            lo, hi = min(lo, _number(alternative)), max(hi, _number(alternative))
        if head_hedged:  # "about two years after": a quarter either side, at least one unit
            lo, hi = max(0, lo - max(1, lo // 4)), hi + max(1, hi // 4)
        shift = partial(cal.shift_by, lo=lo, hi=hi, unit=quantity["unit"])
    elif head in ("day", "night", "week", "month", "year"):
        shift = partial(cal.next_unit, unit=head.replace("night", "day"))
    elif head in cal.PERIOD_ALIASES:
        shift = partial(cal.next_period, key=_period_key(head))
    else:
        return None
    first, last, stated = _anchor(event, after, ctx)
    return _Span(*shift(first, last, after=after, exclusive=stated), "relative", uncertain=True)


def _anchor(event: str, after: bool, ctx: _Ctx) -> tuple[date, date, bool]:
    """When the anchor happened: a stated date ends (or starts) at one moment; an event is
    somewhere within its range. The flag says which."""
    core, hedged = _normalise(event)
    stated = _absolute(core, replace(ctx, hedged=hedged))
    if stated is not None:
        moment = stated.latest if after else stated.earliest
        return moment, moment, True
    found = _call_resolver(event, ctx)
    if found is None:
        raise UsageError(
            "date.no_earlier_event",
            "no earlier event matches '{event}'; add that event first or give a date",
            event=event,
        )
    return min(found.earliest, found.latest), max(found.earliest, found.latest), False


def _call_resolver(event: str, ctx: _Ctx) -> FuzzyDate | None:
    if ctx.resolve is None:
        return None
    try:
        found = ctx.resolve(event)
    except Exception as exc:  # the caller's own failure: let it through untouched
        raise _ResolverFailed(exc) from None
    if found is not None and not isinstance(found, FuzzyDate):
        raise _ResolverFailed(TypeError("resolve must return a FuzzyDate or None"))
    return found


# --- the driver ----------------------------------------------------------------------------

_HEDGES = re.compile(
    r"\?|-\s*ish\b|(?<=\d)ish\b|(?<=\ds)ish\b|\bish\b|\bc\.|\bc(?=\s*'?\d)|\bca\."
    r"|\b(?:about|around|roughly|approximately|approx|circa|maybe|perhaps|possibly|probably"
    r"|i think|i believe|i guess|i reckon|not sure|or so|give or take|or thereabouts)\b\.?",
    _FLAGS,
)
_FILLERS = re.compile(
    r"\b(?:the|in|during|on|either|sometime|some time|at some point"
    r"|(?:it|this|that) (?:was|happened))\b",
    _FLAGS,
)


def _clean(text: str) -> str:
    """Case-preserving tidy-up: one kind of dash, quote and space; no commas."""
    text = re.sub(r"\b(mid|early|late)\s*[-\u2013\u2014]\s*", r"\1 ", text, flags=_FLAGS)
    text = re.sub(r"\s*[\u2013\u2014\u2012\u2015]\s*", " to ", text)  # en/em dash: a range
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[,;()\[\]]", " ", text)
    return " ".join(text.split()).rstrip(".")


def _normalise(text: str) -> tuple[str, bool]:
    """Lower case, hedges and filler words removed; also says whether there was a hedge."""
    lowered = text.lower()
    core, hedges = _HEDGES.subn(" ", lowered)
    core = _FILLERS.sub(" ", core)
    core = re.sub(r"\bhalf-term\b", "half term", core)
    core = re.sub(r"\bx-mas\b", "xmas", core)
    return " ".join(core.split()).strip(" ."), hedges > 0


def _point(s: str, ctx: _Ctx) -> _Span | None:
    for rule in _POINT_RULES:
        span = rule(s, ctx)
        if span is not None:
            return span
    return None


def _absolute(core: str, ctx: _Ctx) -> _Span | None:
    span = _point(core, ctx) or _range(core, ctx)
    if span is None:
        return None
    if span.earliest > ctx.today:
        raise _future(ctx)
    return span._replace(uncertain=span.uncertain or ctx.hedged)


def parse_when(
    text: str,
    *,
    date_of_birth: date | None = None,
    resolve: Resolver | None = None,
    today: date | None = None,
) -> FuzzyDate:
    """Read the survivor's wording of when something happened into a FuzzyDate.

    ``date_of_birth`` is needed for ages ("aged about 12"); ``resolve`` maps the words of
    another event ("we moved") to its FuzzyDate, or None. Raises UsageError, with one
    sentence saying what to do, for anything it cannot read.
    """
    if not isinstance(text, str):
        raise UsageError("date.not_text", "the date must be given as text, e.g. 'summer 1987'")
    today = _as_date(today) or date.today()
    stripped = text.strip()
    if not stripped:
        raise UsageError(
            "date.empty", "the date is empty; say when it happened, e.g. 'summer 1987'"
        )
    if len(stripped) > MAX_TEXT:
        raise UsageError(
            "date.too_long",
            "the date is longer than {limit} characters; put the detail in the account "
            "and keep a short phrase such as 'summer 1987' here",
            limit=MAX_TEXT,
        )
    ctx = _Ctx(" ".join(stripped.split()), today, _as_date(date_of_birth), resolve)
    resolver_failure: BaseException | None = None
    try:
        span = _parse(stripped, ctx)
    except _ResolverFailed as failure:
        resolver_failure = failure.original  # re-raised below, outside this handler
    except UsageError:
        raise
    except (ValueError, ArithmeticError, LookupError) as exc:
        # A safety net: arithmetic off the end of the calendar (year 1 or 9999) from odd
        # anchors must still come back as one clear sentence.
        raise _not_understood(ctx.text) from exc
    if resolver_failure is not None:
        raise resolver_failure
    return FuzzyDate(
        stripped, span.earliest, min(span.latest, today), span.precision, span.uncertain
    )


def _parse(stripped: str, ctx: _Ctx) -> _Span:
    cleaned = _clean(stripped)
    span = _relative(cleaned, ctx)
    if span is None:
        core, hedged = _normalise(cleaned)
        span = _absolute(core, replace(ctx, hedged=hedged))
    if span is None:
        raise _not_understood(ctx.text)
    if span.earliest.year < FIRST_YEAR:
        raise _too_early(span.earliest.year)
    if span.earliest > ctx.today:
        raise _future(ctx)
    if span.latest < span.earliest:
        raise _backwards(ctx)
    return span


def _as_date(value: date | None) -> date | None:
    if value is None or type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    raise TypeError("dates passed to parse_when must be datetime.date values")
