"""What the engine's property test (tests/core/test_engine_props.py) is built on: the
constants and canaries, the hypothesis strategies for statement text and edits, the plain
model of sittings and pauses, and the harness its state machine runs in (one case in one
vault, the model beside it, and the helpers the rules share)."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine
from reportlab.pdfbase import pdfmetrics

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.engine.models import PacingEvent, Participant
from app.errors import UsageError
from app.render.fonts import FONT, clean, register_fonts
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.core.engine_cli_harness import png_signature

REF = "PROP-0001"
MARK = "¤"  # never generated in statement text, so notes and canaries are recognisable
CANARY = f"CANARY-{MARK}-17-Larkspur-Close"
PHONE_CANARY = f"CANARY-{MARK}-07700-900123"
INTERRUPTION_REASON = "Quietroom stopped unexpectedly"
WORDINGS = (
    "summer 1987",
    "1987",
    "March 1990",
    "12 March 1991",
    "between 1985 and 1987",
    "about 1986",
    "Christmas 1988",
    "aged about 12",
    "early 1990s",
    "winter 1984",
)
PEOPLE = (
    Participant("interviewer", "Jo Bloggs"),
    Participant("second_interviewer", "Ann Ng"),
    Participant("intermediary", "Ravi Shah"),
    Participant("isva", "Sam Lee"),
    Participant("interpreter", "Ana Sousa", "Portuguese"),
    Participant("supporter", "Chris Dunn"),
    Participant("appropriate_adult", "Pat Kay"),
)


def pdf_can_show(texts: list[str]) -> bool:
    """Whether the statement PDF's font has a glyph for every character of `texts`."""
    register_fonts()
    have = pdfmetrics.getFont(FONT).face.charToGlyph
    return all(ch == "\n" or ord(ch) in have for text in texts for ch in clean(text))


def pdf_printable(text: str) -> str:
    """`text` without the characters the statement PDF cannot show (or "" if composing
    what is left still makes one)."""
    register_fonts()
    have = pdfmetrics.getFont(FONT).face.charToGlyph
    kept = "".join(
        ch
        for ch in unicodedata.normalize("NFC", text)
        if ch == "\n" or ord(ch) in have or unicodedata.category(ch) == "Cc"
    )
    return kept if pdf_can_show([kept]) else ""


statement_chars = st.characters(codec="utf-8", exclude_characters=MARK + "\x00")
texts = st.text(statement_chars, max_size=40)
plain_chars = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters=MARK)
edits = st.one_of(
    st.tuples(st.just("insert"), st.just(10**6), texts),  # typing at the end
    st.tuples(st.just("insert"), st.integers(0, 10**6), texts),
    st.tuples(st.just("same")),
    st.tuples(st.just("replace"), texts),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 30)),
    st.tuples(st.just("splice"), st.integers(0, 10**6), st.integers(0, 10), texts),
)


def apply_edit(old: str, edit: tuple[Any, ...]) -> str:
    if edit[0] == "same":
        return old
    if edit[0] == "replace":
        return str(edit[1])
    at = edit[1] % (len(old) + 1)
    if edit[0] == "insert":
        at = len(old) if edit[1] == 10**6 else at
        return old[:at] + edit[2] + old[at:]
    if edit[0] == "delete":
        return old[:at] + old[at + edit[2] :]
    return old[:at] + edit[3] + old[at + edit[2] :]


PNG = png_signature()
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">'
    b'<path d="M4 15 L30 4 L56 14" stroke="black" fill="none"/></svg>'
)


def is_subsequence(small: str, big: str) -> bool:
    chars = iter(big)
    return all(c in chars for c in small)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class MPause:
    kind: str
    started: datetime
    ended: datetime | None
    requested_by: str | None  # None: not recorded (nobody said who asked)
    reason: str | None
    crash_at: datetime | None = None


@dataclass
class MSitting:
    number: int
    started: datetime
    location: str
    present: list[Participant]
    place: tuple[str | None, str | None, int]
    last_activity: datetime
    state: str = "running"
    ended: datetime | None = None
    interruptions: int = 0
    pauses: list[MPause] = field(default_factory=list)

    def close_pauses(self, at: datetime) -> None:
        for pause in self.pauses:
            if pause.ended is None:
                pause.ended = at

    def active_seconds(self, now: datetime) -> float:
        end = self.ended or now
        paused = sum(((p.ended or end) - p.started).total_seconds() for p in self.pauses)
        return max(0.0, (end - self.started).total_seconds() - paused)


class EngineHarness(RuleBasedStateMachine):
    """The vault, engine and model the state machine runs on, and the helpers its rules
    share; the rules and invariants are EngineMachine's (test_engine_props.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="qr-props-", dir=os.environ.get("TMPDIR")))
        self.root = self.tmp / "vault"
        self.clock = FakeClock()
        self.events: list[PacingEvent] = []
        self.vault = Vault.create(self.root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
        self.engine = self._new_engine()
        self.other: Vault | None = None  # a second connection, as a command-line process
        self.sittings: list[MSitting] = []
        self.texts: dict[str, str] = {}
        self.saves: list[tuple[str, int, str]] = []  # (section, revision, text), changed only
        self.status = "draft"
        self.confirmed = False
        self.notes: list[str] = []
        self.timeline: list[tuple[str, str]] = []

    def _new_engine(self) -> Engine:
        engine = Engine(self.vault, clock=self.clock, owner=True)
        engine.subscribe(self.events.append)
        return engine

    def teardown(self) -> None:
        self.engine.close()
        self.vault.close()
        if self.other is not None:
            self.other.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # --- helpers ----------------------------------------------------------------------

    @property
    def open_sitting(self) -> MSitting | None:
        return next((s for s in self.sittings if s.state != "ended"), None)

    @property
    def sitting_state(self) -> str | None:
        return s.state if (s := self.open_sitting) else None

    def pick(self, items: tuple[Any, ...] | list[Any], index: int) -> Any:
        return items[index % len(items)]

    def snapshot(self) -> tuple[Any, ...]:
        """Everything a refused operation must leave as it was (read without auditing)."""
        with self.vault.lock:
            conn = self.vault.connection
            rows = [
                conn.execute(sql).fetchall()
                for sql in (
                    "SELECT * FROM sections ORDER BY statement_id, section_id",
                    "SELECT * FROM revisions ORDER BY statement_id, section_id, seq",
                    "SELECT * FROM sittings ORDER BY number",
                    "SELECT * FROM pauses ORDER BY 1, 2",
                    "SELECT * FROM statements ORDER BY number",
                    "SELECT * FROM witnesses",
                    "SELECT * FROM restricted",
                    "SELECT * FROM notes",
                    "SELECT * FROM timeline",
                    "SELECT * FROM cases",
                )
            ]
        return (rows, self.engine.audit_head(REF), len(self.events))

    def refused(self, action: Callable[[], object]) -> None:
        before = self.snapshot()
        try:
            action()
        except UsageError as exc:
            assert str(exc) and "\n" not in str(exc)
        else:
            raise AssertionError("the engine accepted an operation it must refuse")
        assert self.snapshot() == before, "a refused operation changed the vault"

    def record_write(
        self, section: str, new: str, changed: bool, seq: int, position: int | None = None
    ) -> None:
        """Update the model after a save, append or correction that the engine accepted."""
        old = self.texts.get(section)
        assert changed == (old is None or old != new)
        if changed:
            self.saves.append((section, seq, new))
            self.confirmed = False  # the witness confirmed a different text
        self.texts[section] = new
        sitting = self.open_sitting
        if sitting is not None:
            sitting.last_activity = self.clock.now()
            sitting.place = (sitting.place[0], section, len(new) if position is None else position)
