"""Calendar facts behind fuzzy dates: English month names, UK seasons and holidays, Easter,
birthdays and month arithmetic.

Kept apart from ``app/engine/fuzzydate.py`` so the grammar there stays readable. Every function is
pure and works on ``datetime.date``; nothing here knows about wording except the tables of
names. Conventions (each chosen for England and Wales, and each documented in the tests):

- Seasons are meteorological: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter
  Dec of the named year to the end of Feb of the next.
- School holidays and half terms vary by local authority and by decade, so their ranges are
  deliberately generous windows that contain the usual dates, not any one school's dates.
- Someone born on 29 February turns a year older on 1 March in a common year.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

Period = tuple[date, date]

MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Lower-case full names and the usual abbreviations ("sept" is common in UK handwriting).
MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES) if name},
    **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES) if name},
    "sept": 9,
}

SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_period(year: int, month: int) -> Period:
    return date(year, month, 1), date(year, month, last_day(year, month))


def years_period(first_year: int, last_year: int) -> Period:
    return date(first_year, 1, 1), date(last_year, 12, 31)


def add_months(day: date, months: int) -> date:
    """Move by whole calendar months, keeping the day where it exists (31 Jan + 1 -> 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, min(day.day, last_day(year, month0 + 1)))


def season_months(season: str, year: int) -> list[tuple[int, int]]:
    """The three (year, month) pairs of a meteorological season; winter runs into the next year."""
    first = date(year, SEASON_FIRST_MONTH[season], 1)
    return [(d.year, d.month) for d in (add_months(first, k) for k in range(3))]


def season_period(season: str, year: int) -> Period:
    months = season_months(season, year)
    return month_period(*months[0])[0], month_period(*months[-1])[1]


def easter_sunday(year: int) -> date:
    """Western Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day0 = divmod(h + weekday_offset - 7 * m + 114, 31)
    return date(year, month, day0 + 1)


def _days(year: int, first: tuple[int, int], last: tuple[int, int], years_on: int = 0) -> Period:
    """A window from (month, day) in ``year`` to (month, day) in ``year + years_on``."""
    return date(year, *first), date(year + years_on, *last)


def _easter_weekend(year: int) -> Period:
    sunday = easter_sunday(year)
    return sunday - timedelta(days=2), sunday + timedelta(days=1)  # Good Friday .. Easter Monday


def _easter_holidays(year: int) -> Period:
    # Usually a fortnight that contains the Easter weekend; a week either side covers it.
    friday, monday = _easter_weekend(year)
    return friday - timedelta(days=7), monday + timedelta(days=7)


# Every named period a survivor may tie a memory to, as a function of the year it is "of".
PERIODS: dict[str, Callable[[int], Period]] = {
    "spring": lambda y: season_period("spring", y),
    "summer": lambda y: season_period("summer", y),
    "autumn": lambda y: season_period("autumn", y),
    "winter": lambda y: season_period("winter", y),
    "christmas": lambda y: _days(y, (12, 24), (12, 26)),
    "christmas eve": lambda y: _days(y, (12, 24), (12, 24)),
    "christmas day": lambda y: _days(y, (12, 25), (12, 25)),
    "boxing day": lambda y: _days(y, (12, 26), (12, 26)),
    "new year's eve": lambda y: _days(y, (12, 31), (12, 31)),
    "new year's day": lambda y: _days(y, (1, 1), (1, 1)),
    "halloween": lambda y: _days(y, (10, 31), (10, 31)),
    "bonfire night": lambda y: _days(y, (11, 5), (11, 5)),
    "st david's day": lambda y: _days(y, (3, 1), (3, 1)),
    "easter": _easter_weekend,
    "easter holidays": _easter_holidays,
    "summer holidays": lambda y: _days(y, (7, 15), (9, 10)),
    "christmas holidays": lambda y: _days(y, (12, 18), (1, 6), years_on=1),
    "february half term": lambda y: _days(y, (2, 8), (2, 25)),
    "may half term": lambda y: _days(y, (5, 22), (6, 7)),
    "october half term": lambda y: _days(y, (10, 17), (11, 4)),
}
SINGLE_DAYS = frozenset(
    {
        "christmas eve",
        "christmas day",
        "boxing day",
        "new year's eve",
        "new year's day",
        "halloween",
        "bonfire night",
        "st david's day",
    }
)
# "half term" alone is ambiguous (three a year); the grammar asks which one instead.
AMBIGUOUS_HALF_TERM = "half term"

# Wording (lower case, single spaces) -> key in PERIODS.
PERIOD_ALIASES: dict[str, str] = {
    **{key: key for key in PERIODS},
    "springtime": "spring",
    "summertime": "summer",
    "fall": "autumn",
    "wintertime": "winter",
    "xmas": "christmas",
    "christmas time": "christmas",
    "christmastime": "christmas",
    "xmas eve": "christmas eve",
    "xmas day": "christmas day",
    "new years eve": "new year's eve",
    "new year eve": "new year's eve",
    "new years day": "new year's day",
    "hallowe'en": "halloween",
    "guy fawkes night": "bonfire night",
    "fireworks night": "bonfire night",
    "firework night": "bonfire night",
    "st davids day": "st david's day",
    "st. david's day": "st david's day",
    "saint david's day": "st david's day",
    "saint davids day": "st david's day",
    "easter weekend": "easter",
    "easter time": "easter",
    "eastertime": "easter",
    "easter holiday": "easter holidays",
    "easter hols": "easter holidays",
    "easter school holidays": "easter holidays",
    "summer holiday": "summer holidays",
    "summer hols": "summer holidays",
    "school holidays": "summer holidays",
    "school hols": "summer holidays",
    "school summer holidays": "summer holidays",
    "summer school holidays": "summer holidays",
    "christmas holiday": "christmas holidays",
    "christmas hols": "christmas holidays",
    "xmas holidays": "christmas holidays",
    "xmas hols": "christmas holidays",
    "feb half term": "february half term",
    "spring half term": "february half term",
    "whitsun half term": "may half term",
    "whit half term": "may half term",
    "summer half term": "may half term",
    "oct half term": "october half term",
    "autumn half term": "october half term",
    AMBIGUOUS_HALF_TERM: AMBIGUOUS_HALF_TERM,
}


def first_starting_on_or_after(key: str, moment: date) -> Period:
    """The earliest occurrence of a named period that starts on or after ``moment``."""
    candidates = (PERIODS[key](y) for y in range(moment.year - 1, moment.year + 2))
    return min(p for p in candidates if p[0] >= moment)


def last_ending_on_or_before(key: str, moment: date) -> Period:
    """The latest occurrence of a named period that ends on or before ``moment``."""
    candidates = (PERIODS[key](y) for y in range(moment.year - 2, moment.year + 1))
    return max(p for p in candidates if p[1] <= moment)


def birthday(date_of_birth: date, age: int) -> date:
    """The day someone turns ``age``; 29 February birthdays fall on 1 March in common years."""
    year = date_of_birth.year + age
    if (date_of_birth.month, date_of_birth.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 3, 1)
    return date_of_birth.replace(year=year)


def age_period(date_of_birth: date, youngest: int, oldest: int) -> Period:
    """From the birthday of ``youngest`` to the day before the birthday of ``oldest + 1``."""
    return (
        birthday(date_of_birth, youngest),
        birthday(date_of_birth, oldest + 1) - timedelta(days=1),
    )


def expand_two_digit_year(two_digits: int, today: date) -> int:
    """'87 -> 1987, '05 -> 2005: the latest year with those last two digits not after today."""
    recent = 2000 + two_digits
    return recent if recent <= today.year else 1900 + two_digits


# --- relative to an anchor ---------------------------------------------------------------
# Each takes the anchor as the span [first, last] in which its moment lies. ``exclusive`` is
# set when the anchor is a stated period ("after 1987"), whose edge is itself excluded.


def shift_by(
    first: date, last: date, *, lo: int, hi: int, unit: str, after: bool, exclusive: bool
) -> Period:
    """Between ``lo`` and ``hi`` days, weeks, months or years after (or before) the anchor."""
    months = {"month": 1, "year": 12}.get(unit, 0)
    days = {"day": 1, "week": 7}.get(unit, 0)

    def move(day: date, n: int) -> date:
        return add_months(day, n * months) if months else day + timedelta(days=n * days)

    edge = timedelta(days=1 if exclusive and lo == 0 else 0)  # "after 1987" starts in 1988
    if after:
        return move(first, lo) + edge, move(last, hi)
    return move(first, -hi), move(last, -lo) - edge


def next_unit(first: date, last: date, *, unit: str, after: bool, exclusive: bool) -> Period:
    """'the year after': the whole calendar year(s) or month(s) next to the anchor; 'the
    week after': the seven days after it; 'the day after': the next day. (``exclusive`` is
    not needed: a whole next unit already lies beyond the anchor.)"""
    step = 1 if after else -1
    if unit in ("day", "week"):
        near, far = timedelta(days=1), timedelta(days=7 if unit == "week" else 1)
        return (first + near, last + far) if after else (first - far, last - near)
    if unit == "month":
        first_month = add_months(first.replace(day=1), step)
        last_month = add_months(last.replace(day=1), step)
        return first_month, month_period(last_month.year, last_month.month)[1]
    return years_period(first.year + step, last.year + step)


def next_period(first: date, last: date, *, key: str, after: bool, exclusive: bool) -> Period:
    """'the Christmas after': the first occurrence on or after the anchor's earliest moment,
    widened to the first on or after its latest moment (mirrored for 'before')."""
    edge = timedelta(days=1 if exclusive else 0)
    if after:
        return (
            first_starting_on_or_after(key, first + edge)[0],
            first_starting_on_or_after(key, last + edge)[1],
        )
    return (
        last_ending_on_or_before(key, first - edge)[0],
        last_ending_on_or_before(key, last - edge)[1],
    )
