"""Pacing: quiet reminders against the survivor's break preference and the guide's
``[pacing]`` table (docs/guides.md). They only suggest, and never change the record:

- a break reminder after each ``break_every_minutes`` of active time since the last break
  (the survivor's own interval wins over the guide's): at 1x, 2x, 3x... the interval, one
  event each, never one per tick;
- only a pause of at least ``min_break_minutes`` is a break and starts that clock again;
  a shorter pause, or an interruption (a crash), does not, though its time is not active;
- one long-sitting reminder a sitting, at ``long_sitting_minutes`` of active time;
- one wall-clock reminder a sitting ("long_day"), once ``wall_clock_minutes`` have passed
  since the sitting began, pauses and interruptions included;
- a check-in suggested on entering a phase the guide marks ``checkin = true`` (the
  phases the survivor is present for), and only those (``set_place``, in sittings.py).

Which reminders were sent is kept in memory (``_break_notified``): after a restart a
reminder already due may be shown once more.
"""

from __future__ import annotations

from typing import Any

from app.engine.clock import seconds_between
from app.engine.models import PacingEvent, Pause
from app.engine.sittings import SittingsMixin
from app.guides import Pacing


def active_since_break(
    started: str, pauses: tuple[Pause, ...], now: str, pacing: Pacing
) -> tuple[str | None, float]:
    """(when the last break ended, or None; the active seconds since then, or since the
    sitting began). A break is a pause asked for by someone (not an interruption) that
    has ended and lasted at least ``pacing.min_break_minutes``; shorter pauses and
    interruptions do not restart the clock, but their time is not active time either.
    Pauses never overlap and are numbered in time order."""
    shortest = pacing.min_break_minutes * 60
    last_break = None
    for pause in pauses:
        if (
            pause.kind == "pause"
            and pause.ended
            and seconds_between(pause.started, pause.ended) >= shortest
        ):
            last_break = pause.ended
    since = last_break or started
    paused = sum(
        seconds_between(p.started, p.ended or now)
        for p in pauses
        if seconds_between(since, p.started) >= 0
    )
    return last_break, max(0.0, seconds_between(since, now) - paused)


class PacingMixin(SittingsMixin):
    """Pacing on top of the sittings it reads."""

    def pacing(self, ref: str) -> dict[str, Any]:
        """Where the sitting stands against the survivor's break preference and the guide
        (the rules are in this module's docstring)."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            row = self._open_row(conn, case.id)
            if row is None:
                return {"sitting": None}
            now = self.now()
            sitting = self._sitting(conn, row, now)
            witness = self._json_row(conn, "witnesses", case.id)
        pacing = self.guide(case).pacing
        every = int(witness.get("break_every_minutes") or pacing.break_every_minutes)
        last_break, since_break = active_since_break(sitting.started, sitting.pauses, now, pacing)
        running = sitting.state == "running"
        elapsed = seconds_between(sitting.started, now)
        return {
            "sitting": sitting.number,
            "state": sitting.state,
            "active_seconds": round(sitting.active_seconds, 3),
            "break_every_minutes": every,
            "min_break_minutes": pacing.min_break_minutes,
            "last_break_ended": last_break,
            "since_break_seconds": round(since_break, 3),
            "break_due": running and since_break >= every * 60,
            # How many whole intervals of active time have passed since the last break:
            # the reminder is repeated once for each.
            "break_intervals": int(since_break // (every * 60)),
            "long_sitting_minutes": pacing.long_sitting_minutes,
            "long_sitting": sitting.active_seconds >= pacing.long_sitting_minutes * 60,
            "wall_clock_minutes": pacing.wall_clock_minutes,
            "elapsed_seconds": round(elapsed, 3),
            "long_day": elapsed >= pacing.wall_clock_minutes * 60,
            "sitting_id": sitting.id,
            "case_id": case.id,
        }

    def tick(self, ref: str) -> list[PacingEvent]:
        """Emit the pacing events that became due since the last tick: a break reminder
        once for each interval of active time since the last break, the long-sitting and
        the wall-clock ("long_day") reminders once a sitting. Several intervals passed
        between two ticks (the computer asleep) make one reminder, not several."""
        status = self.pacing(ref)
        if status["sitting"] is None:
            return []
        events = []
        sid, case_id, at = status["sitting_id"], status["case_id"], self.now()
        notified = self._break_notified.setdefault(sid, set())
        intervals = status["break_intervals"]
        # One key per stretch since a break and per interval within it; a later break
        # starts a new stretch, so its keys are new.
        stretch = f"break {status['last_break_ended']} {intervals}"
        if status["break_due"] and stretch not in notified:
            notified.add(stretch)
            every = status["break_every_minutes"]
            events.append(
                PacingEvent(
                    "break_due",
                    case_id,
                    sid,
                    at,
                    {"minutes": every * intervals, "every": every, "reminder": intervals},
                )
            )
        if status["long_sitting"] and "long" not in notified:
            notified.add("long")
            events.append(
                PacingEvent(
                    "long_sitting", case_id, sid, at, {"minutes": status["long_sitting_minutes"]}
                )
            )
        if status["long_day"] and "long_day" not in notified:
            notified.add("long_day")
            events.append(
                PacingEvent("long_day", case_id, sid, at, {"minutes": status["wall_clock_minutes"]})
            )
        for event in events:
            self._emit(event)
        return events
