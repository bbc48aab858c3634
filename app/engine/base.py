"""What every part of the engine shares: the vault, the clock, the actor and events."""

from __future__ import annotations

import contextlib
import json
import logging
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from app.engine import audit
from app.engine.clock import Clock, SystemClock, stamp
from app.engine.models import Case, PacingEvent, Statement
from app.errors import UsageError
from app.guides import Guide, guide_for_case
from app.vault.database import Connection
from app.vault.session_lock import SessionLock
from app.vault.vault import Vault

LOG = logging.getLogger("quietroom.engine")

Listener = Callable[[PacingEvent], None]

MAX_TEXT_CHARS = 5_000_000  # a whole statement is far smaller; this stops accidents
MAX_SHORT_CHARS = 2_000


def new_id() -> str:
    return uuid.uuid4().hex


# Bidirectional embedding, override and isolate controls: in a one-line value they can
# make it display as something else (a reference or name that reads back to front).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def text_problem(
    value: str, what: str, *, single_line: bool = False, identifier: bool = False
) -> UsageError | None:
    """The error refusing `value` (named `what`) as typed text, or None when it can be
    stored.

    Lone surrogates are what Python makes of bytes that are not UTF-8 in an argument; they
    cannot be stored and would stop a signed statement from ever being exported.
    """
    allowed = "" if single_line else "\n\t"
    for c in value:
        if "\ud800" <= c <= "\udfff":
            return UsageError(
                "text.not_utf8",
                "{what} is not valid text (it holds bytes that are not UTF-8)",
                what=what,
            )
        category = unicodedata.category(c)
        if category == "Cc" and c not in allowed:
            if single_line:
                return _not_one_line(what)
            return UsageError(
                "text.control_characters", "{what} contains control characters", what=what
            )
        if single_line and category in ("Zl", "Zp"):
            return _not_one_line(what)
        if (single_line or identifier) and c in BIDI_CONTROLS:
            return UsageError(
                "text.direction_override",
                "{what} contains a right-to-left or left-to-right override character",
                what=what,
            )
        if identifier and not c.isprintable():
            return UsageError(
                "text.invisible",
                "{what} contains an invisible or non-printing character",
                what=what,
            )
    return None


def _not_one_line(what: str) -> UsageError:
    return UsageError("text.not_one_line", "{what} must be one line of text", what=what)


def short_text(
    value: str | None,
    what: str,
    *,
    required: bool = False,
    limit: int = MAX_SHORT_CHARS,
    single_line: bool = False,
    identifier: bool = False,
) -> str | None:
    """A short typed value, stripped and checked. `single_line`: a name or similar (no line
    breaks, no direction overrides); `identifier`: a reference, printable characters only."""
    if value is None:
        if required:
            raise UsageError("text.required", "{what} is required", what=what)
        return None
    value = value.strip()
    if required and not value:
        raise UsageError("text.empty", "{what} must not be empty", what=what)
    if len(value) > limit:
        raise UsageError(
            "text.too_long",
            "{what} is too long (at most {limit} characters)",
            what=what,
            limit=limit,
        )
    problem = text_problem(
        value, what, single_line=single_line or identifier, identifier=identifier
    )
    if problem is not None:
        raise problem
    return value


def long_text(value: str, what: str) -> str:
    if len(value) > MAX_TEXT_CHARS:
        raise UsageError(
            "text.body_too_long",
            "{what} is too long (at most {limit:,} characters)",
            what=what,
            limit=MAX_TEXT_CHARS,
        )
    if "\x00" in value:
        raise UsageError(
            "text.nul_character", "{what} contains a NUL character; is it a text file?", what=what
        )
    return value


def case_not_found() -> UsageError:
    return UsageError("case.not_found", "no case has that id or reference; see 'case list'")


class EngineBase:
    def __init__(
        self, vault: Vault, *, clock: Clock | None = None, actor: str = "interviewer"
    ) -> None:
        self.vault = vault
        self.clock: Clock = clock or SystemClock()
        self.actor = actor
        self._listeners: list[Listener] = []
        # (statement id, section id) -> (revision, text): see StatementsMixin._section_text.
        self._texts: dict[tuple[str, str], tuple[int, str]] = {}
        # The vault's session lock: held for its lifetime by the desktop app's engine,
        # which then owns running sittings (see Engine and SittingsMixin).
        self._lock = SessionLock(vault.root)
        # sitting id -> the pacing reminders already sent (PacingMixin.tick).
        self._break_notified: dict[str, set[str]] = {}

    # --- plumbing -------------------------------------------------------------------

    def now(self) -> str:
        return stamp(self.clock.now())

    @property
    def owns_sittings(self) -> bool:
        """True while this engine holds the vault's session lock (the desktop app)."""
        return self._lock.held

    @contextlib.contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.vault.transaction() as conn:
            yield conn

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.vault.reading() as conn:
            yield conn

    def _audit(
        self,
        conn: Connection,
        case_id: str,
        action: str,
        detail: dict[str, Any] | None = None,
        at: str | None = None,
    ) -> None:
        audit.append(conn, case_id, at or self.now(), self.actor, action, detail)

    def _touch(self, conn: Connection, case_id: str, at: str) -> None:
        conn.execute("UPDATE cases SET updated = ? WHERE id = ?", (at, case_id))

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Receive pacing events; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, event: PacingEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must never break a save
                LOG.exception("pacing listener failed")

    # --- cases ------------------------------------------------------------------------

    def _case_row(self, conn: Connection, ref: str) -> Case:
        """Find a case by its id or its reference."""
        # An exact id wins over a reference, and references can never look like ids.
        # A value that is not valid text (bytes that are not UTF-8) names no case.
        if any("\ud800" <= c <= "\udfff" for c in ref):
            raise case_not_found()
        row = conn.execute(
            "SELECT id, reference, category, status, interviewer, created, "
            "updated, guide_version, statement_language FROM cases WHERE id = ? OR "
            "reference = ? ORDER BY id = ? DESC LIMIT 1",
            (ref, ref, ref),
        ).fetchone()
        if row is None:
            raise case_not_found()
        return Case(*row)

    def _current_statement(self, conn: Connection, case_id: str) -> Statement:
        row = conn.execute(
            "SELECT id, number, status, follows, readback_confirmed, signed, "
            "reader FROM statements WHERE case_id = ? ORDER BY number DESC "
            "LIMIT 1",
            (case_id,),
        ).fetchone()
        return Statement(*row)

    def case(self, ref: str) -> Case:
        with self._read() as conn:
            return self._case_row(conn, ref)

    def guide(self, case: Case, *, language: str = "en") -> Guide:
        """The case's interview guide: the version it was started with. Everything but the
        screen uses the canonical English guide; the interface may ask for a translation
        (English when there is none)."""
        return guide_for_case(case.category, case.guide_version, language)

    def date_of_birth(self, conn: Connection, case_id: str) -> date | None:
        """The survivor's date of birth from the restricted details, when recorded."""
        dob = self._json_row(conn, "restricted", case_id).get("date_of_birth")
        return date.fromisoformat(dob) if dob else None

    @staticmethod
    def _json_row(conn: Connection, table: str, case_id: str) -> dict[str, Any]:
        if table not in ("witnesses", "restricted"):
            raise ValueError(table)
        row = conn.execute(f"SELECT data FROM {table} WHERE case_id = ?", (case_id,)).fetchone()
        return json.loads(row[0]) if row else {}
