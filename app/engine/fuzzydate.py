"""Fuzzy dates: the survivor's own wording of *when*, and the date range it stands for.

A timeline event keeps two things: the words the survivor used ("the summer of 1987",
"aged about 12", "the Christmas after we moved") and an inclusive date range used for
sorting and for the court. This module owns the entry point, :func:`parse_when`, that turns
the first into the second, and the parts of the grammar built on points: ranges ("1985 to
1987"), wordings relative to a stated date or another event ("the Christmas after we
moved"), and two wordings of one moment ("summer 1987, aged about 12"). The value that
carries both, :class:`FuzzyDate`, and the grammar's shared parts (the tidy-up of hedges and
filler words before any rule sees a wording, the messages) live in ``fuzzydate_model``; the
point rules ("June 1987", "winter 1987/88", "aged 12") in ``fuzzydate_points``; school
years ("year 7", "the winter of year 7") in ``fuzzydate_school``; calendar facts (seasons,
Easter, school holidays, birthdays) in ``fuzzydate_calendar``; Welsh wordings, reworded
into this grammar's own when it does not recognise the words, in ``fuzzydate_welsh`` (all
in ``app/engine/``).
The grammar as an interviewer sees it is described in ``docs/fuzzy-dates.md``.

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
- Ages, school years, seasons, holidays, "or" and anything hedged are uncertain: their
  edges are a matter of memory or of opinion, not of the calendar.
- Two wordings of one moment ("summer 1987, aged about 12") give the stretch where both
  hold, and are refused, naming both, if there is none; with no date of birth, an age or
  school year among them stays in the words but cannot narrow the date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial

from app.engine import fuzzydate_calendar as cal
from app.engine import fuzzydate_school as school
from app.engine import fuzzydate_welsh as welsh
from app.engine.fuzzydate_model import (
    FIRST_YEAR,
    FLAGS,
    MAX_TEXT,
    NUM,
    OLDEST_AGE,
    PRECISIONS,
    Ctx,
    FuzzyDate,
    Resolver,
    ResolverFailed,
    Span,
    alternatives,
    backwards,
    clean,
    future,
    needs_birth_date,
    normalise,
    not_understood,
    number,
    period_key,
    too_early,
)
from app.engine.fuzzydate_points import point
from app.errors import UsageError

__all__ = [
    "FIRST_YEAR",
    "MAX_TEXT",
    "OLDEST_AGE",
    "PRECISIONS",
    "FuzzyDate",
    "Resolver",
    "parse_when",
]


# --- ranges ------------------------------------------------------------------------------

_TO = re.compile(r"\s*(?:\b(?:to|until|till|til|through|thru|and|or)\b|-|/)\s*", FLAGS)
_AND = re.compile(r"\s+and\s+", FLAGS)


def _range(s: str, ctx: Ctx) -> Span | None:
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


def _range_of(start: str, end: str, ctx: Ctx, either: bool) -> Span | None:
    first, last = point(start, ctx), point(end, ctx)
    if first is None:  # "June to August 1987", "14 to 16 June 1987": borrow the end's tail
        words = end.split()
        for k in range(1, len(words)):
            first = point(f"{start} {' '.join(words[k:])}", ctx)
            if first is not None:
                break
    start_year = re.search(r"(?<!\d)(\d{4})$", start)
    if either and start_year and re.fullmatch(r"\d{4}|'?\d{2}", end):
        # "Christmas 1987 or 1988" is one of two Christmases, not Christmas to the end of 1988
        last = point(start[: start_year.start()] + end, ctx) or last
    if last is None and first is not None and start_year and re.fullmatch(r"\d{2}", end):
        century_year = int(start_year[1]) // 100 * 100 + int(end)  # 1985-87, 1999-01
        year = century_year if century_year >= int(start_year[1]) else century_year + 100
        last = point(str(year), ctx)
    if first is None or last is None:
        return None
    if last.earliest > ctx.today:
        raise future(ctx)
    if either and last.latest < first.earliest:  # "1988 or 1987" has no direction
        first, last = last, first
    if last.latest < first.earliest:
        raise backwards(ctx)
    return Span(first.earliest, last.latest, "range", either or first.uncertain or last.uncertain)


# --- relative to another event -----------------------------------------------------------

_RELATIVE = re.compile(r"(?P<head>.*?)\b(?P<way>after|before)\b(?P<event>.*)", FLAGS | re.S)
_EVENT_TAIL = re.compile(r"(?:[\s?.!'\"]|\b(?:i think|i believe|or so|maybe|probably)\b)+$", FLAGS)
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
    rf"(?P<n>{alternatives(_QUANTITIES)}|{NUM})(?: or (?P<or>{NUM}))? "
    rf"(?P<unit>day|week|month|year)s?(?: or (?P<or_after>{NUM}))?"
)
_NEAR = (
    r"just|soon|shortly|not long|not very long|not too long|right|straight|immediately|"
    r"very soon|a little while|a short while|a little|a bit"
)
_GENERIC = r"|a while|long"


def _relative(cleaned: str, ctx: Ctx) -> Span | None:
    """'the Christmas after we moved', 'a few months before Dad left', 'after Easter 1990'."""
    found = _RELATIVE.fullmatch(cleaned)
    if found is None:
        return None
    head, head_hedged = normalise(found["head"])
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
        lo, hi = _QUANTITIES.get(quantity["n"]) or (number(quantity["n"]),) * 2
        if alternative := quantity["or"] or quantity["or_after"]:
            lo, hi = min(lo, number(alternative)), max(hi, number(alternative))
        if head_hedged:  # "about two years after": a quarter either side, at least one unit
            lo, hi = max(0, lo - max(1, lo // 4)), hi + max(1, hi // 4)
        shift = partial(cal.shift_by, lo=lo, hi=hi, unit=quantity["unit"])
    elif head in ("day", "night", "week", "month", "year"):
        shift = partial(cal.next_unit, unit=head.replace("night", "day"))
    elif head in cal.PERIOD_ALIASES:
        key = period_key(head)
        summer = school.summer_around(key, normalise(_as_english(event, ctx))[0], after, ctx)
        if summer is not None:
            return summer
        shift = partial(cal.next_period, key=key)
    else:
        return None
    first, last, stated = _anchor(event, after, ctx)
    return Span(*shift(first, last, after=after, exclusive=stated), "relative", uncertain=True)


def _anchor(event: str, after: bool, ctx: Ctx) -> tuple[date, date, bool]:
    """When the anchor happened: a stated date ends (or starts) at one moment; an event is
    somewhere within its range. The flag says which."""
    core, hedged = normalise(_as_english(event, ctx))
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


def _call_resolver(event: str, ctx: Ctx) -> FuzzyDate | None:
    if ctx.resolve is None:
        return None
    try:
        found = ctx.resolve(event)
    except Exception as exc:  # the caller's own failure: let it through untouched
        raise ResolverFailed(exc) from None
    if found is not None and not isinstance(found, FuzzyDate):
        raise ResolverFailed(TypeError("resolve must return a FuzzyDate or None"))
    return found


# --- two wordings of one moment -------------------------------------------------------------

# Where a wording may join two parts: a comma or semicolon, or before "when", "aged", "at",
# "in" or their Welsh ("summer 1987, aged about 12", "1987 when I was 12", "June 1988 in
# year 7", "1987 pan oeddwn i'n 12").
_JOINS = re.compile(rf"[,;]|\s(?=(?:when|while|aged|age|at|in|{welsh.JOIN_WORDS})\b)", FLAGS)


def _combined(text: str, ctx: Ctx) -> Span | None:
    """Two wordings of one moment, each read on its own and then intersected; tried only
    when the whole wording is not one wording. Splits are tried left to right; a part's own
    refusal (an age of 150) is raised only when no other split reads."""
    refusal: UsageError | None = None
    for join in _JOINS.finditer(text):
        head, tail = text[: join.start()].strip(), text[join.end() :].strip()
        if not head or not tail:
            continue
        try:
            span = _both(head, tail, ctx)
        except UsageError as exc:
            refusal = refusal or exc
            continue
        if span is not None:
            return span
    if refusal is not None:
        raise refusal
    return None


def _both(head: str, tail: str, ctx: Ctx) -> Span | None:
    found: list[tuple[str, Span]] = []
    dropped = False
    for part in (head, tail):
        try:
            span = _single(part, replace(ctx, text=part))
        except UsageError as exc:
            if exc.code != "date.needs_birth_date":
                raise
            # An age or school year with no date of birth to count from: the other part
            # alone says when, and the age stays in the words the survivor used.
            dropped = dropped or normalise(clean(part))[1] or welsh.hedged(part)
            continue
        if span is None:
            return None
        found.append((part, span))
    if not found:
        raise needs_birth_date(ctx.text)
    if len(found) == 1:
        span = found[0][1]
        return span._replace(uncertain=span.uncertain or dropped)
    (first_words, first), (second_words, second) = found
    earliest, latest = max(first.earliest, second.earliest), min(first.latest, second.latest)
    if earliest > latest:
        raise UsageError(
            "date.parts_disagree",
            "'{first}' and '{second}' do not overlap, so they cannot both be right; check "
            "each part (and the date of birth, for an age or a school year)",
            first=first_words,
            second=second_words,
        )
    # The narrower part says how precise the whole is ("summer 1987" within "aged about 12").
    narrower = min((first, second), key=lambda s: s.latest - s.earliest)
    return Span(earliest, latest, narrower.precision, first.uncertain or second.uncertain)


# --- the driver ----------------------------------------------------------------------------


def _single(text: str, ctx: Ctx) -> Span | None:
    """One wording: relative to something, or a point or range; None if it is neither.
    Words the English grammar does not recognise are read again reworded from Welsh."""
    span = _reading(clean(text), ctx)
    if span is None and (english := welsh.reword(text)) is not None:
        span = _reading(clean(english), replace(ctx, welsh=True))
    return span


def _reading(cleaned: str, ctx: Ctx) -> Span | None:
    span = _relative(cleaned, ctx)
    if span is None:
        core, hedged = normalise(cleaned)
        span = _absolute(core, replace(ctx, hedged=hedged))
    return span


def _as_english(words: str, ctx: Ctx) -> str:
    """What a Welsh wording is relative to ("y Pasg 1990") in the English grammar's words;
    an English wording's, as it is."""
    return (ctx.welsh and welsh.reword(words)) or words


def _absolute(core: str, ctx: Ctx) -> Span | None:
    span = point(core, ctx) or _range(core, ctx)
    if span is None:
        return None
    if span.earliest > ctx.today:
        raise future(ctx)
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
    ctx = Ctx(" ".join(stripped.split()), today, _as_date(date_of_birth), resolve)
    resolver_failure: BaseException | None = None
    try:
        span = _parse(stripped, ctx)
    except ResolverFailed as failure:
        resolver_failure = failure.original  # re-raised below, outside this handler
    except UsageError:
        raise
    except (ValueError, ArithmeticError, LookupError) as exc:
        # A safety net: arithmetic off the end of the calendar (year 1 or 9999) from odd
        # anchors must still come back as one clear sentence.
        raise not_understood(ctx.text) from exc
    if resolver_failure is not None:
        raise resolver_failure
    return FuzzyDate(
        stripped, span.earliest, min(span.latest, today), span.precision, span.uncertain
    )


def _parse(stripped: str, ctx: Ctx) -> Span:
    failure: UsageError | None = None
    try:
        span = _single(stripped, ctx)
    except UsageError as exc:
        # "the Christmas after we moved, when I was 12" first asks for an event called
        # "we moved when I was 12"; read as two parts it may make sense.
        if exc.code != "date.no_earlier_event":
            raise
        span, failure = None, exc
    if span is None:
        span = _combined(stripped, ctx)
    if span is None:
        raise failure or not_understood(ctx.text)
    if span.earliest.year < FIRST_YEAR:
        raise too_early(span.earliest.year)
    if span.earliest > ctx.today:
        raise future(ctx)
    if span.latest < span.earliest:
        raise backwards(ctx)
    return span


def _as_date(value: date | None) -> date | None:
    if value is None or type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    raise TypeError("dates passed to parse_when must be datetime.date values")
