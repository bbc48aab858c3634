"""The survivor's timeline: events in their own words with a normalised date range."""

from __future__ import annotations

from app.engine.base import EngineBase, short_text
from app.engine.fuzzydate import FuzzyDate, parse_when
from app.engine.models import TimelineEvent
from app.errors import UsageError
from app.vault.database import Connection

EVENT_COLUMNS = "id, when_text, earliest, latest, precision, uncertain, what"


def _event(row: tuple) -> TimelineEvent:
    eid, when, earliest, latest, precision, uncertain, what = row
    return TimelineEvent(eid, when, earliest, latest, precision, bool(uncertain), what)


class TimelineMixin(EngineBase):
    def _resolver(self, conn: Connection, case_id: str):  # type: ignore[no-untyped-def]
        """Match 'we moved' in 'the Christmas after we moved' to an earlier event."""
        events = [
            _event(r)
            for r in conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM timeline WHERE case_id = ? ORDER BY id DESC",
                (case_id,),
            )
        ]

        def resolve(words: str) -> FuzzyDate | None:
            needle = " ".join(words.casefold().split())
            for event in events:
                what = " ".join(event.what.casefold().split())
                if needle and (needle in what or what in needle):
                    return FuzzyDate.from_dict(
                        {
                            "text": event.when,
                            "earliest": event.earliest,
                            "latest": event.latest,
                            "precision": event.precision,
                            "uncertain": event.uncertain,
                        }
                    )
            return None

        return resolve

    def add_event(self, ref: str, when: str, what: str) -> TimelineEvent:
        what = short_text(what, "what happened", required=True, limit=5000) or ""
        when = short_text(when, "when it happened", required=True, limit=200) or ""
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            parsed = parse_when(
                when,
                date_of_birth=self.date_of_birth(conn, case.id),
                resolve=self._resolver(conn, case.id),
                today=self.clock.now().date(),
            )
            at = self.now()
            cur = conn.execute(
                "INSERT INTO timeline(case_id, when_text, earliest, latest, precision, "
                "uncertain, what, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case.id,
                    parsed.text,
                    parsed.earliest.isoformat(),
                    parsed.latest.isoformat(),
                    parsed.precision,
                    int(parsed.uncertain),
                    what,
                    at,
                ),
            )
            self._audit(conn, case.id, "timeline", {"event": cur.lastrowid}, at)
            self._touch(conn, case.id, at)
            return TimelineEvent(
                int(cur.lastrowid or 0),
                parsed.text,
                parsed.earliest.isoformat(),
                parsed.latest.isoformat(),
                parsed.precision,
                parsed.uncertain,
                what,
            )

    def timeline(self, ref: str, *, audit_view: bool = False) -> list[TimelineEvent]:
        """Events sorted by their normalised range (earliest, then latest, then entry).

        `audit_view`: someone is shown the timeline, so one 'view' entry (naming the
        events' ids, never their words) is added to the audit log in the same
        transaction; internal reads leave it False.
        """
        # Only an audited view needs the write lock; plain reads take the shared one.
        with self._tx() if audit_view else self._read() as conn:
            case = self._case_row(conn, ref)
            events = [
                _event(r)
                for r in conn.execute(
                    f"SELECT {EVENT_COLUMNS} FROM timeline WHERE case_id = ? "
                    "ORDER BY earliest, latest, id",
                    (case.id,),
                )
            ]
            if audit_view:
                self._audit(
                    conn, case.id, "view", {"what": "timeline", "events": [e.id for e in events]}
                )
        return events

    def remove_event(self, ref: str, event_id: int) -> None:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            if not conn.execute(
                "DELETE FROM timeline WHERE case_id = ? AND id = ?", (case.id, event_id)
            ).rowcount:
                raise UsageError("timeline.event_not_found", "there is no such timeline event")
            self._audit(conn, case.id, "timeline", {"event": event_id, "removed": True})
