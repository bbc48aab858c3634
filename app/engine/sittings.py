"""Sittings: a state machine with pauses, participants and the interviewer's place.

    (none) --start--> running --pause--> paused --resume--> running
                         \\------------------end-------------/--> ended

Every transition is one committed transaction, so a sitting is found after a crash in
the state it was last in. A sitting owned by the desktop app whose owner died while it
was running is marked interrupted: it becomes paused, with an interruption pause that
starts at its last recorded activity, so active time never counts the gap.

Pacing (break, long-sitting and wall-clock reminders) is in ``pacing.py``; the
check-in suggested on entering a phase is here, in ``set_place``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from app.engine.base import EngineBase, new_id, short_text
from app.engine.clock import parse_stamp, seconds_between
from app.engine.identity import member_me
from app.engine.models import (
    PAUSE_REQUESTER_ROLES,
    ROLES,
    PacingEvent,
    Participant,
    Pause,
    Place,
    Sitting,
)
from app.errors import UsageError
from app.org.trust import name_key
from app.vault.database import Connection

SITTING_COLUMNS = (
    "id, case_id, number, state, location, started, ended, interruptions, "
    "place_phase, place_section, place_position, statement_id"
)


def parse_participant(text: str) -> Participant:
    """ROLE:NAME, or interpreter:NAME:LANGUAGE."""
    parts = [p.strip() for p in text.split(":")]
    role = parts[0].lower().replace("-", "_").replace(" ", "_")
    aliases = {
        "registered_intermediary": "intermediary",
        "ri": "intermediary",
        "second": "second_interviewer",
        "aa": "appropriate_adult",
    }
    role = aliases.get(role, role)
    if role not in ROLES:
        shown = "".join(c if c.isprintable() else " " for c in parts[0])[:40]
        raise UsageError(
            "sitting.unknown_role",
            "unknown role '{role}'; use one of: {roles}",
            role=shown,
            roles=", ".join(ROLES),
        )
    if len(parts) < 2 or not parts[1]:
        raise UsageError(
            "sitting.participant_name_needed",
            "give a name for the {label}: {role}:NAME",
            label=ROLES[role],
            role=role,
        )
    language = parts[2] if len(parts) > 2 and parts[2] else None
    if role == "interpreter" and not language:
        raise UsageError(
            "sitting.interpreter_language_needed",
            "give the interpreter's language: interpreter:NAME:LANGUAGE",
        )
    name = short_text(parts[1], "the participant's name", limit=200, single_line=True) or ""
    return Participant(role, name, short_text(language, "the language", limit=100))


def with_interviewer(present: list[Participant], me: Participant | None) -> list[Participant]:
    """Who is present, with the interviewer filled in from the vault's identity: their
    member id added to an interviewer of their name, or them added first when no
    interviewer is named. Someone else named as the interviewer stays as given (and then
    cannot sign the statement as theirs)."""
    if me is None:
        return list(present)
    interviewers = [p for p in present if p.role == "interviewer"]
    if not interviewers:
        return [me, *present]
    return [
        dataclasses.replace(p, member_id=me.member_id)
        if p.role == "interviewer" and p.member_id is None and name_key(p.name) == name_key(me.name)
        else p
        for p in present
    ]


def close_sitting(conn: Connection, sitting_id: str, at: str) -> None:
    """End a sitting at `at`, with any pause still open (end_sitting, and signing)."""
    conn.execute(
        "UPDATE pauses SET ended = ? WHERE sitting_id = ? AND ended IS NULL", (at, sitting_id)
    )
    conn.execute(
        "UPDATE sittings SET state = 'ended', ended = ?, last_activity = ? WHERE id = ?",
        (at, at, sitting_id),
    )


def check_requester(requested_by: object) -> None:
    """Refuse anyone who cannot ask for a pause, in one line that lists who can."""
    if requested_by not in PAUSE_REQUESTER_ROLES:
        raise UsageError(
            "pause.unknown_requester",
            "who asked for the pause? one of: {roles}",
            roles=", ".join(PAUSE_REQUESTER_ROLES),
        )


class SittingsMixin(EngineBase):
    # --- reading ----------------------------------------------------------------------

    def _sitting(self, conn: Connection, row: tuple[Any, ...], now: str) -> Sitting:
        (
            sid,
            case_id,
            number,
            state,
            location,
            started,
            ended,
            interrupts,
            phase,
            section,
            position,
            statement_id,
        ) = row
        pauses = tuple(
            Pause(*p)
            for p in conn.execute(
                "SELECT number, kind, started, ended, requested_by, reason FROM pauses WHERE "
                "sitting_id = ? ORDER BY number",
                (sid,),
            )
        )
        present = tuple(
            Participant(r, n, lang, member)
            for r, n, lang, member in conn.execute(
                "SELECT role, name, language, member_id FROM participants WHERE "
                "sitting_id = ? ORDER BY position",
                (sid,),
            )
        )
        end = ended or now
        paused = sum(seconds_between(p.started, p.ended or end) for p in pauses)
        active = max(0.0, seconds_between(started, end) - paused)
        return Sitting(
            sid,
            case_id,
            number,
            state,
            location,
            started,
            ended,
            active,
            interrupts,
            Place(phase, section, position),
            present,
            pauses,
            statement_id,
        )

    def sittings(self, ref: str, *, audit_view: bool = False) -> list[Sitting]:
        """The case's sittings in order, with who was present and every pause.

        `audit_view`: someone is shown the list, so one 'view' entry is added to the
        audit log (in the same transaction); internal reads leave it False.
        """
        with self._tx() if audit_view else self._read() as conn:
            case = self._case_row(conn, ref)
            now = self.now()
            rows = conn.execute(
                f"SELECT {SITTING_COLUMNS} FROM sittings WHERE case_id = ? ORDER BY number",
                (case.id,),
            ).fetchall()
            result = [self._sitting(conn, row, now) for row in rows]
            if audit_view:
                self._audit(
                    conn,
                    case.id,
                    "view",
                    {"what": "sittings", "sittings": [s.number for s in result]},
                    now,
                )
        return result

    def _open_row(self, conn: Connection, case_id: str) -> tuple[Any, ...] | None:
        return conn.execute(
            f"SELECT {SITTING_COLUMNS} FROM sittings WHERE case_id = ? AND state != 'ended'",
            (case_id,),
        ).fetchone()

    def current_sitting(self, ref: str) -> Sitting | None:
        with self._read() as conn:
            row = self._open_row(conn, self._case_row(conn, ref).id)
            return self._sitting(conn, row, self.now()) if row else None

    def _require_open(self, conn: Connection, case_id: str) -> tuple[Any, ...]:
        row = self._open_row(conn, case_id)
        if row is None:
            raise UsageError(
                "sitting.none_in_progress",
                "no sitting is in progress for this case; start one with 'sitting start'",
            )
        return row

    # --- transitions --------------------------------------------------------------------

    def start_sitting(
        self, ref: str, present: list[Participant] | None = None, location: str = ""
    ) -> Sitting:
        location = short_text(location, "the location", limit=300) or ""
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            if self._open_row(conn, case.id):
                raise UsageError(
                    "sitting.already_in_progress",
                    "a sitting is already in "
                    "progress for this case; end it before starting another",
                )
            statement = self._current_statement(conn, case.id)
            if statement.status == "signed":
                raise UsageError(
                    "sitting.statement_signed",
                    "the statement is signed; start a "
                    "further statement before another sitting ('statement "
                    "further')",
                )
            number = conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM sittings WHERE case_id = ?", (case.id,)
            ).fetchone()[0]
            at, sid = self.now(), new_id()
            first_phase = self.guide(case).phases[0].id
            conn.execute(
                "INSERT INTO sittings(id, case_id, statement_id, number, state, "
                "location, started, owned, place_phase, last_activity) VALUES "
                "(?, ?, ?, ?, 'running', ?, ?, ?, ?, ?)",
                (
                    sid,
                    case.id,
                    statement.id,
                    number,
                    location,
                    at,
                    int(self.owns_sittings),
                    first_phase,
                    at,
                ),
            )
            me = member_me(conn)
            present = with_interviewer(
                present or [],
                Participant("interviewer", me.name, None, me.member_id)
                if me is not None and me.role == "interviewer"
                else None,
            )
            for i, person in enumerate(present):
                conn.execute(
                    "INSERT INTO participants (sitting_id, position, role, name, language, "
                    "member_id) VALUES (?, ?, ?, ?, ?, ?)",
                    (sid, i, person.role, person.name, person.language, person.member_id),
                )
            self._audit(
                conn,
                case.id,
                "start",
                {"sitting": number, "present": [p.role for p in present or []]},
                at,
            )
            self._touch(conn, case.id, at)
            return self._sitting(conn, self._open_row(conn, case.id) or (), at)

    def pause_sitting(
        self, ref: str, requested_by: str | None = None, reason: str | None = None
    ) -> Pause:
        """Pause the running sitting; anyone present may ask (PAUSE_REQUESTER_ROLES).
        `requested_by` None: nobody has said yet who asked; it is recorded as not
        recorded and can be completed later (update_pause)."""
        if requested_by is not None:
            check_requester(requested_by)
        reason = short_text(reason, "the reason", limit=1000) or None
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            row = self._require_open(conn, case.id)
            if row[3] != "running":
                raise UsageError("pause.already_paused", "the sitting is already paused")
            at = self.now()
            number = conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM pauses WHERE sitting_id = ?", (row[0],)
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO pauses VALUES (?, ?, 'pause', ?, NULL, ?, ?)",
                (row[0], number, at, requested_by, reason),
            )
            conn.execute(
                "UPDATE sittings SET state = 'paused', last_activity = ? WHERE id = ?", (at, row[0])
            )
            # The reason stays in the pauses table: it may be personal, the log is not.
            self._audit(
                conn,
                case.id,
                "pause",
                {"sitting": row[2], "pause": number, "requested_by": requested_by},
                at,
            )
            return Pause(number, "pause", at, None, requested_by, reason)

    def set_pause_reason(self, ref: str, reason: str, number: int | None = None) -> None:
        """Add or change a pause's reason after the fact (default: the latest pause)."""
        reason = short_text(reason, "the reason", required=True, limit=1000) or ""
        self.update_pause(ref, reason=reason, number=number)

    def update_pause(
        self,
        ref: str,
        *,
        requested_by: str | None = None,
        reason: str | None = None,
        number: int | None = None,
    ) -> None:
        """Record who asked for a pause, and why, after the fact (the pause key cannot ask)."""
        if requested_by is not None:
            check_requester(requested_by)
        reason = short_text(reason, "the reason", limit=1000)
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            row = conn.execute(
                "SELECT p.sitting_id, p.number, s.number FROM pauses p JOIN sittings s ON "
                "s.id = p.sitting_id WHERE s.case_id = ? AND (? IS NULL OR p.number = ?) "
                "AND p.kind = 'pause' ORDER BY s.number DESC, p.number DESC LIMIT 1",
                (case.id, number, number),
            ).fetchone()
            if row is None:
                raise UsageError("pause.not_found", "there is no such pause to give a reason for")
            detail: dict[str, Any] = {"sitting": row[2], "pause": row[1], "amended": True}
            if reason is not None:
                conn.execute(
                    "UPDATE pauses SET reason = ? WHERE sitting_id = ? AND number = ?",
                    (reason or None, row[0], row[1]),
                )
                # The reason itself may be personal and stays out of the log; that it
                # was changed, and when, does not.
                detail["reason_changed"] = True
            if requested_by is not None:
                conn.execute(
                    "UPDATE pauses SET requested_by = ? WHERE sitting_id = ? AND number = ?",
                    (requested_by, row[0], row[1]),
                )
                detail["requested_by"] = requested_by
            if reason is not None or requested_by is not None:
                self._audit(conn, case.id, "pause", detail)

    def resume_sitting(self, ref: str) -> Place:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            row = self._require_open(conn, case.id)
            if row[3] != "paused":
                raise UsageError("pause.not_paused", "the sitting is not paused")
            at = self.now()
            conn.execute(
                "UPDATE pauses SET ended = ? WHERE sitting_id = ? AND ended IS NULL", (at, row[0])
            )
            conn.execute(
                "UPDATE sittings SET state = 'running', owned = ?, last_activity = ? WHERE id = ?",
                (int(self.owns_sittings), at, row[0]),
            )
            self._audit(conn, case.id, "resume", {"sitting": row[2]}, at)
            # The reminders already sent stay sent: whether a pause was a break is decided
            # by its length (``pacing``), not by resuming.
            return Place(row[8], row[9], row[10])

    def end_sitting(self, ref: str) -> Sitting:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            row = self._require_open(conn, case.id)
            at = self.now()
            close_sitting(conn, row[0], at)
            self._audit(conn, case.id, "end", {"sitting": row[2]}, at)
            final = conn.execute(
                f"SELECT {SITTING_COLUMNS} FROM sittings WHERE id = ?", (row[0],)
            ).fetchone()
            return self._sitting(conn, final, at)

    def set_place(
        self,
        ref: str,
        *,
        phase: str | None = None,
        section: str | None = None,
        position: int | None = None,
    ) -> Place:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            guide = self.guide(case)
            if phase is not None:
                guide.phase(phase)
            if section is not None:
                guide.section(section)
            if position is not None and position < 0:
                raise UsageError("sitting.negative_position", "the position cannot be negative")
            row = self._require_open(conn, case.id)
            at = self.now()
            new = Place(
                phase or row[8], section or row[9], row[10] if position is None else position
            )
            conn.execute(
                "UPDATE sittings SET place_phase = ?, place_section = ?, "
                "place_position = ?, last_activity = ? WHERE id = ?",
                (new.phase, new.section, new.position, at, row[0]),
            )
            if phase is not None and phase != row[8]:
                self._audit(conn, case.id, "place", {"sitting": row[2], "phase": phase}, at)
                entered = guide.phase(phase)
                # Only a phase that says so, i.e. one the survivor is present for: never
                # planning or evaluation, whatever pacing.checkin_on_phase_change says.
                if entered.checkin:
                    self._emit(
                        PacingEvent(
                            "checkin", case.id, row[0], at, {"phase": phase, "title": entered.title}
                        )
                    )
            return new

    # --- crash recovery -----------------------------------------------------------------

    def recover_interrupted(self) -> list[str]:
        """Mark sittings whose owning app died while running as interrupted (paused)."""
        recovered = []
        with self._tx() as conn:
            rows = conn.execute(
                "SELECT id, case_id, number, last_activity FROM sittings WHERE "
                "state = 'running' AND owned = 1"
            ).fetchall()
            for sid, case_id, number, last in rows:
                at = self.now()
                start = min(last, at)
                pause_no = conn.execute(
                    "SELECT coalesce(max(number), 0) + 1 FROM pauses WHERE sitting_id = ?", (sid,)
                ).fetchone()[0]
                conn.execute(
                    "INSERT INTO pauses VALUES (?, ?, 'interruption', ?, NULL, "
                    "'system', 'Quietroom stopped unexpectedly')",
                    (sid, pause_no, start),
                )
                conn.execute(
                    "UPDATE sittings SET state = 'paused', interruptions = "
                    "interruptions + 1, owned = 0 WHERE id = ?",
                    (sid,),
                )
                self._audit(
                    conn,
                    case_id,
                    "interrupted",
                    {
                        "sitting": number,
                        "since": start,
                        "gap_seconds": round(
                            (parse_stamp(at) - parse_stamp(start)).total_seconds()
                        ),
                    },
                    at,
                )
                recovered.append(sid)
        return recovered

    def heartbeat(self) -> None:
        """Record that the owning app is alive, so an interruption starts near the crash."""
        if not self.owns_sittings:
            return
        with self._tx() as conn:
            conn.execute(
                "UPDATE sittings SET last_activity = ? WHERE state = 'running' AND owned = 1",
                (self.now(),),
            )
