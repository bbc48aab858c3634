"""How the interface shows dates and times: "4 Dec 2026", "4 Dec 2026, 06:38", "06:38".

Every date or time a screen shows goes through here. They follow the interface language
(ui/i18n.py): English is en-GB, Welsh cy-GB ("4 Rhag 2026, 06:38"), whatever the process
locale is (under C.UTF-8 Qt's own default gave "12/4/26 6:38 AM" for 4 December). The
clock is 24-hour. A moment with a time zone (the core's stamps are UTC) is shown in this
computer's time zone; a naive one is taken as local already.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QTime

from ui import i18n

DAY_FORMAT = "d MMM yyyy"
TIME_FORMAT = "HH:mm"


def local(moment: datetime) -> datetime:
    """`moment` in this computer's time zone (a naive one is left as it is)."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def day(d: date) -> str:
    """The day, as "4 Dec 2026" (Welsh: "4 Rhag 2026"); a datetime by its local day."""
    if isinstance(d, datetime):
        d = local(d).date()
    return i18n.interface_locale().toString(QDate(d.year, d.month, d.day), DAY_FORMAT)


def time_of_day(moment: datetime) -> str:
    """The time of day, as "06:38": the 24-hour clock, in local time."""
    m = local(moment)
    return i18n.interface_locale().toString(QTime(m.hour, m.minute), TIME_FORMAT)


def day_time(moment: datetime) -> str:
    """The day and time, as "4 Dec 2026, 06:38" (Welsh: "4 Rhag 2026, 06:38"), local."""
    m = local(moment)
    # The day and the time apart: no local date-time is built that a clock change skips.
    return f"{day(m.date())}, {time_of_day(m)}"
