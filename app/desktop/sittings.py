"""Sittings from the desktop's side: the sitting bar and the pause screen's work.

Starting a sitting with the people planned in the new-case flow, and where it takes
place; pausing (the pause screen switches first and records the pause behind it, with
who asked left unanswered until someone says) and saying afterwards who asked and why;
resuming, ending, and the pacing heartbeat that keeps a crash's interruption starting
close to the crash. Each task takes the Session first (ui/backend.py's `Backend.run`
calls it on the worker thread, one job after another in the order asked) and returns
plain data.
"""

from __future__ import annotations

from typing import Any

from app.desktop.session import Session
from app.engine.models import PacingEvent, Pause, Sitting


def current_sitting(session: Session, ref: str) -> Sitting | None:
    """The sitting in progress (running or paused), if any."""
    return session.engine.current_sitting(ref)


def start_sitting(session: Session, ref: str, location: str = "") -> Sitting:
    """Start a sitting with everyone the new-case flow said would be present, at
    `location` (the place the statement is taken, printed on it; optional)."""
    engine = session.engine
    return engine.start_sitting(ref, engine.planned_present(ref), location)


def pause_sitting(session: Session, ref: str, requested_by: str | None = None) -> Pause:
    """Pause the running sitting, asked for by someone present (PAUSE_REQUESTER_ROLES),
    or with who asked not recorded yet (None), to complete afterwards."""
    return session.engine.pause_sitting(ref, requested_by)


def amend_open_pause(session: Session, ref: str, changes: dict[str, Any]) -> bool:
    """Record who asked for the open pause, or why (`changes`: requested_by, reason).
    Runs after pause_sitting (jobs run in order); False when no pause is open (no sitting
    was running), so nothing is recorded against an older pause."""
    engine = session.engine
    sitting = engine.current_sitting(ref)
    open_pauses = [
        p for p in (sitting.pauses if sitting else ()) if p.kind == "pause" and p.ended is None
    ]
    if not open_pauses:
        return False
    engine.update_pause(ref, number=open_pauses[-1].number, **changes)
    return True


def amend_pause(
    session: Session, ref: str, number: int, requested_by: str | None, reason: str | None
) -> None:
    """Correct who asked for a pause, and why, after resuming (the sitting bar)."""
    session.engine.update_pause(ref, requested_by=requested_by, reason=reason, number=number)


def resume_sitting(session: Session, ref: str) -> None:
    """Resume the paused sitting (the place to return to stays in the workspace)."""
    session.engine.resume_sitting(ref)


def end_sitting(session: Session, ref: str) -> Sitting:
    """End the sitting in progress; the sitting as it ended."""
    return session.engine.end_sitting(ref)


def pacing_tick(session: Session, ref: str) -> list[PacingEvent]:
    """The heartbeat, then any pacing suggestion now due (each is also sent to the
    Session's listeners, which is how the workspace hears of it)."""
    engine = session.engine
    engine.heartbeat()  # keeps a crash's interruption starting close to the crash
    return engine.tick(ref)
