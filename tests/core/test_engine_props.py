"""Property tests for the interview engine: a hypothesis state machine over a real vault.

Random sequences of sitting transitions, saves (insertions, deletions, replacements,
identical text, appends), places, clock moves, notes, timeline events, read-back,
signing, further statements and crash-and-reopen (SIGKILL simulated by dropping the
session lock and closing the vault without ending anything) run against the engine and
a plain model. After every step the engine must agree with the model: nothing saved is
lost, every revision rebuilds to its recorded hash, no pause record is lost, active time
excludes pauses, the audit chain holds, and the statement text holds only the survivor's
words. Refused operations must raise UsageError and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, invariant, precondition, rule

from app.engine.clock import stamp
from app.engine.engine import Engine
from app.engine.models import CATEGORIES, PAUSE_REQUESTER_ROLES, Participant
from app.errors import UsageError
from app.export.pages import sign_confirmed
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.engine_props_helpers import (
    CANARY,
    INTERRUPTION_REASON,
    MARK,
    PEOPLE,
    PHONE_CANARY,
    PNG,
    REF,
    SVG,
    WORDINGS,
    EngineHarness,
    MPause,
    MSitting,
    apply_edit,
    edits,
    is_subsequence,
    pdf_can_show,
    pdf_printable,
    plain_chars,
    sha,
    texts,
)

pytestmark = pytest.mark.slow  # a long stateful property run


class EngineMachine(EngineHarness):
    """One case in one vault; the model says what the engine must hold."""

    # --- setting up -------------------------------------------------------------------

    @initialize(category=st.sampled_from(CATEGORIES))
    def create_case(self, category: str) -> None:
        case = self.engine.create_case(category, REF, interviewer="Jo Bloggs")
        self.guide = self.engine.guide(case)
        self.section_ids = self.guide.section_ids()
        self.phase_ids = tuple(p.id for p in self.guide.phases)
        self.prompts = [p.text for ph in self.guide.phases for p in ph.prompts]
        self.engine.set_witness(REF, name="Alex Morgan", date_of_birth="1979-03-21")
        self.engine.set_restricted(REF, address=CANARY, phone=PHONE_CANARY)

    # --- sittings ---------------------------------------------------------------------

    @precondition(lambda self: self.open_sitting is None and self.status != "signed")
    @rule(
        who=st.lists(st.sampled_from(PEOPLE), max_size=4, unique=True),
        location=st.text(plain_chars, max_size=20),
    )
    def start(self, who: list[Participant], location: str) -> None:
        sitting = self.engine.start_sitting(REF, who, location)
        now = self.clock.now()
        assert sitting.state == "running" and sitting.number == len(self.sittings) + 1
        self.sittings.append(
            MSitting(
                sitting.number, now, location.strip(), list(who), (self.phase_ids[0], None, 0), now
            )
        )

    @precondition(lambda self: self.sitting_state == "running")
    @rule(
        by=st.none() | st.sampled_from(PAUSE_REQUESTER_ROLES),
        reason=st.none() | st.text(plain_chars, max_size=30),
    )
    def pause(self, by: str | None, reason: str | None) -> None:
        pause = self.engine.pause_sitting(REF, by, reason)
        sitting, now = self.open_sitting, self.clock.now()
        assert sitting is not None
        expected = MPause("pause", now, None, by, (reason or "").strip() or None)
        assert (pause.kind, pause.started, pause.requested_by, pause.reason) == (
            "pause",
            stamp(now),
            by,
            expected.reason,
        )
        sitting.pauses.append(expected)
        sitting.state, sitting.last_activity = "paused", now

    @precondition(lambda self: self.sitting_state == "paused")
    @rule()
    def resume(self) -> None:
        place = self.engine.resume_sitting(REF)
        sitting, now = self.open_sitting, self.clock.now()
        assert sitting is not None
        assert (place.phase, place.section, place.position) == sitting.place
        sitting.close_pauses(now)
        sitting.state, sitting.last_activity = "running", now

    @precondition(lambda self: self.open_sitting is not None)
    @rule()
    def end(self) -> None:
        ended = self.engine.end_sitting(REF)
        sitting, now = self.open_sitting, self.clock.now()
        assert sitting is not None and ended.state == "ended"
        sitting.close_pauses(now)
        sitting.state, sitting.ended, sitting.last_activity = "ended", now, now

    @precondition(lambda self: self.open_sitting is not None)
    @rule(
        phase=st.none() | st.integers(0, 99),
        section=st.none() | st.integers(0, 99),
        position=st.none() | st.integers(0, 500),
    )
    def set_place(self, phase: int | None, section: int | None, position: int | None) -> None:
        sitting = self.open_sitting
        assert sitting is not None
        phase_id = None if phase is None else self.pick(self.phase_ids, phase)
        section_id = None if section is None else self.pick(self.section_ids, section)
        before = len(self.events)
        place = self.engine.set_place(REF, phase=phase_id, section=section_id, position=position)
        old = sitting.place
        sitting.place = (
            phase_id or old[0],
            section_id or old[1],
            old[2] if position is None else position,
        )
        sitting.last_activity = self.clock.now()
        assert (place.phase, place.section, place.position) == sitting.place
        entered = self.guide.phase(phase_id) if phase_id else None
        # Only on entering a phase the guide marks checkin = true (the survivor present),
        # whatever pacing.checkin_on_phase_change says.
        checkin = entered is not None and phase_id != old[0] and entered.checkin
        new_events = self.events[before:]
        assert [e.kind for e in new_events] == (["checkin"] if checkin else [])

    @rule(milliseconds=st.integers(0, 4_000) | st.integers(0, 3_600_000))
    def advance_clock(self, milliseconds: int) -> None:
        self.clock.advance(milliseconds / 1000)

    @rule()
    def tick(self) -> None:
        """Pacing events are suggestions: they never change the record."""
        before = self.snapshot()[0]
        self.engine.tick(REF)
        assert self.snapshot()[0] == before

    @rule(crash=st.booleans(), downtime_ms=st.integers(0, 7_200_000))
    def reopen(self, crash: bool, downtime_ms: int) -> None:
        """Quit and restart: cleanly, or killed (SIGKILL) without ending anything."""
        crash_at = self.clock.now()
        if crash:
            self.engine._lock.release()  # the kernel drops the lock of a killed process
        else:
            self.engine.close()
        self.vault.close()
        self.clock.advance(downtime_ms / 1000)
        self.vault = Vault.open(self.root, PASSPHRASE)
        self.engine = self._new_engine()
        sitting = self.open_sitting
        if crash and sitting is not None and sitting.state == "running":
            sitting.pauses.append(
                MPause(
                    "interruption",
                    min(sitting.last_activity, self.clock.now()),
                    None,
                    "system",
                    INTERRUPTION_REASON,
                    crash_at,
                )
            )
            sitting.state = "paused"
            sitting.interruptions += 1

    @precondition(lambda self: self.status != "signed")
    @rule(section=st.integers(0, 99), text=texts)
    def command_line_append(self, section: int, text: str) -> None:
        """A command-line process appends through its own connection while the app runs."""
        section_id = self.pick(self.section_ids, section)
        self.engine.sections(REF)  # the app has the current text cached
        old = self.texts.get(section_id, "")
        if self.other is None:
            self.other = Vault.open(self.root, PASSPHRASE)
        with Engine(self.other, clock=self.clock) as cli:
            assert not cli.owns_sittings
            result = cli.append_section(REF, section_id, text)
        new = old + ("\n" if old and not old.endswith("\n") else "") + text
        self.record_write(section_id, new, result.changed, result.seq)

    # --- the statement ----------------------------------------------------------------

    @precondition(lambda self: self.status != "signed")
    @rule(
        section=st.just(0) | st.integers(0, 99),
        edit=edits,
        coalesce=st.booleans(),
        position=st.none() | st.integers(0, 300),
    )
    def save(
        self, section: int, edit: tuple[Any, ...], coalesce: bool, position: int | None
    ) -> None:
        section_id = self.pick(self.section_ids, section)
        new = apply_edit(self.texts.get(section_id, ""), edit)
        result = self.engine.save_section(
            REF, section_id, new, position=position, coalesce=coalesce
        )
        assert not result.coalesced or (coalesce and self.status == "draft")
        assert result.sha256 == sha(new)
        self.record_write(section_id, new, result.changed, result.seq, position)

    @precondition(lambda self: self.status != "signed")
    @rule(
        section=st.integers(0, 99),
        burst=st.lists(
            st.tuples(st.integers(0, 10**6), texts, st.integers(0, 4_000)), min_size=2, max_size=6
        ),
    )
    def typing_burst(self, section: int, burst: list[tuple[int, str, int]]) -> None:
        """Autosave after each burst of typing, close together: saves may be coalesced."""
        for where, text, pause_ms in burst:
            self.clock.advance(pause_ms / 1000)
            self.save(section, ("insert", where, text), True, None)

    @precondition(lambda self: self.status != "signed")
    @rule(section=st.integers(0, 99), text=texts)
    def append(self, section: int, text: str) -> None:
        section_id = self.pick(self.section_ids, section)
        old = self.texts.get(section_id, "")
        new = old + ("\n" if old and not old.endswith("\n") else "") + text
        result = self.engine.append_section(REF, section_id, text)
        assert not result.coalesced
        self.record_write(section_id, new, result.changed, result.seq)

    @rule(text=st.text(plain_chars, max_size=30))
    def note(self, text: str) -> None:
        body = f"{MARK}note {len(self.notes)}{MARK} {text}"
        self.engine.add_note(REF, body)
        self.notes.append(body.strip())

    @rule(when=st.sampled_from(WORDINGS))
    def timeline_event(self, when: str) -> None:
        what = f"event number {len(self.timeline)}"
        self.engine.add_event(REF, when, what)
        self.timeline.append((when, what))

    @precondition(
        lambda self: (
            self.status != "signed"
            and (self.status == "read_back" or any(t.strip() for t in self.texts.values()))
        )
    )
    @rule(section=st.none() | st.integers(0, 99), text=texts)
    def readback(self, section: int | None, text: str) -> None:
        corrections = {} if section is None else {self.pick(self.section_ids, section): text}
        result = self.engine.confirm_readback(REF, corrections)
        self.status = "read_back"
        for section_id, new in corrections.items():
            applied = [c for c in result["corrections"] if c["section"] == section_id]
            self.record_write(
                section_id, new, bool(applied), applied[0]["revision"] if applied else 0
            )
        self.confirmed = True

    # The sitting ends before signing (signing with one open is refused: refused_operation).
    @precondition(
        lambda self: self.status == "read_back" and self.confirmed and self.open_sitting is None
    )
    @rule()
    def sign(self) -> None:
        # What the statement PDF cannot print is refused before signing (once signed it
        # could never be exported); as the refusal says, the text is then corrected and
        # the read-back confirmed again.
        # Every sitting's place is printed on the statement (app/render/mg11.py).
        places = [s.location for s in self.sittings if s.location]
        fixes = {
            sid: pdf_printable(text) for sid, text in self.texts.items() if not pdf_can_show([text])
        }
        if fixes or not pdf_can_show(places):
            before = self.snapshot()
            try:
                self.engine.sign_statement(REF, PNG)
            except UsageError as exc:
                assert "cannot show" in str(exc)
            else:
                raise AssertionError("signed text the statement PDF cannot show")
            assert self.snapshot() == before, "a refused signature changed the vault"
            if not pdf_can_show(places):
                return
            result = self.engine.confirm_readback(REF, fixes)
            for section_id, new in fixes.items():
                applied = [c for c in result["corrections"] if c["section"] == section_id]
                self.record_write(
                    section_id, new, bool(applied), applied[0]["revision"] if applied else 0
                )
            self.confirmed = True
        if not any(t.strip() for t in self.texts.values()):
            # Corrections at read-back emptied it: no pages to confirm, nothing is signed.
            before = self.snapshot()
            with pytest.raises(UsageError, match="has no text"):
                sign_confirmed(self.engine, REF, PNG, confirm_all=True)
            assert self.snapshot() == before, "a refused signature changed the vault"
            return
        # The witness confirms each page before signing (app/export/pages.py).
        result = sign_confirmed(self.engine, REF, PNG, confirm_all=True)
        assert result["text_sha256"]
        self.status = "signed"

    @precondition(lambda self: self.status == "signed")
    @rule()
    def further(self) -> None:
        self.engine.further_statement(REF)
        self.status, self.confirmed = "draft", False
        self.texts, self.saves = {}, []

    # --- refusals ---------------------------------------------------------------------

    @rule(choice=st.integers(0, 10**6), text=texts)
    def refused_operation(self, choice: int, text: str) -> None:
        e, sitting = self.engine, self.open_sitting
        unknown = next(
            s for s in ("impact", "officer", "nope", "Account", "") if s not in self.section_ids
        )
        candidates: list[Callable[[], object]] = [
            lambda: e.save_section(REF, unknown, text),
            lambda: e.append_section(REF, unknown, text),
            lambda: e.pause_sitting(REF, "system"),
            lambda: e.set_place(REF, phase="rapport"),
            lambda: e.set_witness(REF, date_of_birth="1990-13-45"),
            lambda: e.add_note(REF, " \n "),
            lambda: e.add_event(REF, "when the moon turned green", "x"),
            lambda: e.save_section("NO-SUCH-CASE", self.section_ids[0], text),
        ]
        if sitting is None or sitting.state != "running":
            candidates.append(lambda: e.pause_sitting(REF, "witness", "tired"))
        if sitting is None or sitting.state != "paused":
            candidates.append(lambda: e.resume_sitting(REF))
        if sitting is None:
            candidates += [lambda: e.end_sitting(REF), lambda: e.set_place(REF, position=3)]
        else:
            candidates += [lambda: e.start_sitting(REF), lambda: e.set_place(REF, position=-1)]
        if self.status == "signed":
            candidates += [
                lambda: e.save_section(REF, self.section_ids[0], text + "changed"),
                lambda: e.append_section(REF, self.section_ids[0], "more"),
                lambda: e.confirm_readback(REF),
                lambda: e.set_witness(REF, name="Another Name", age_status="over_18"),
                lambda: e.sign_statement(REF, SVG),
            ]
            if sitting is None:
                candidates.append(lambda: e.start_sitting(REF))
        elif not (self.status == "read_back" and self.confirmed) or sitting is not None:
            candidates.append(lambda: e.sign_statement(REF, PNG))
        if self.status == "draft" and not any(t.strip() for t in self.texts.values()):
            candidates.append(lambda: e.confirm_readback(REF))
        if self.status != "signed":
            candidates.append(lambda: e.further_statement(REF))
        self.refused(self.pick(candidates, choice))

    # --- what must always hold ----------------------------------------------------------

    @invariant()
    def texts_are_kept(self) -> None:
        statement = self.engine.statement(REF)
        assert statement.status == self.status
        assert bool(statement.readback_confirmed) == self.confirmed
        with self.vault.lock:
            stored = dict(
                self.vault.connection.execute(
                    "SELECT section_id, text FROM sections WHERE statement_id = ?", (statement.id,)
                ).fetchall()
            )
        assert stored == self.texts
        shown = {s.id: s.text for s in self.engine.sections(REF)}
        assert shown == {s: self.texts.get(s, "") for s in self.section_ids}
        for section_id in self.section_ids:
            self._check_history(section_id)

    def _check_history(self, section_id: str) -> None:
        history = self.engine.section_history(REF, section_id)
        rebuilt = {0: ""}
        for rev in history:
            text = self.engine.section_text_at(REF, section_id, rev["revision"])
            assert sha(text) == rev["sha256"] and len(text) == rev["length"]
            rebuilt[rev["revision"]] = text
        assert [r["revision"] for r in history] == list(range(1, len(history) + 1))
        if history:
            assert rebuilt[len(history)] == self.texts[section_id]
        else:
            assert section_id not in self.texts
        saves = [(seq, text) for sec, seq, text in self.saves if sec == section_id]
        assert sum(r["saves"] for r in history) == len(saves)
        for seq, text in saves:
            # A save either is its revision, or was coalesced with pure insertions: then it
            # lies between the revision before and the revision it was merged into.
            assert text == rebuilt[seq] or (
                is_subsequence(rebuilt[seq - 1], text) and is_subsequence(text, rebuilt[seq])
            ), f"a saved text of {section_id} cannot be found in its history"

    @invariant()
    def sittings_match(self) -> None:
        now = self.clock.now()
        sittings = self.engine.sittings(REF)
        assert len(sittings) == len(self.sittings)
        assert sum(s.open for s in sittings) <= 1
        for got, want in zip(sittings, self.sittings, strict=True):
            assert (got.number, got.state, got.started, got.ended, got.location) == (
                want.number,
                want.state,
                stamp(want.started),
                want.ended and stamp(want.ended),
                want.location,
            )
            assert got.interruptions == want.interruptions
            assert (got.place.phase, got.place.section, got.place.position) == want.place
            assert [p.to_json() for p in got.present] == [p.to_json() for p in want.present]
            assert [(p.kind, p.started, p.ended, p.requested_by, p.reason) for p in got.pauses] == [
                (p.kind, stamp(p.started), p.ended and stamp(p.ended), p.requested_by, p.reason)
                for p in want.pauses
            ]
            for p in want.pauses:
                assert p.crash_at is None or p.started <= p.crash_at
            assert abs(got.active_seconds - want.active_seconds(now)) < 0.001

    @invariant()
    def record_is_sound(self) -> None:
        report = self.engine.verify_audit(REF)
        assert report.intact, report.problem
        assert [n["text"] for n in self.engine.notes(REF)] == self.notes
        events = self.engine.timeline(REF)
        assert sorted((e.when, e.what) for e in events) == sorted(self.timeline)
        keys = [(e.earliest, e.latest, e.id) for e in events]
        assert keys == sorted(keys)

    @invariant()
    def statement_holds_only_the_survivors_words(self) -> None:
        text = self.engine.statement_text(REF)
        parts = [self.texts.get(s, "").strip() for s in self.section_ids]
        assert text == "\n\n".join(p for p in parts if p)
        assert MARK not in text
        for forbidden in [*self.notes, CANARY, PHONE_CANARY]:
            assert forbidden not in text
        for prompt in self.prompts:
            assert prompt not in text


EngineMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestEngineMachine = EngineMachine.TestCase
