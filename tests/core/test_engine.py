"""The interview engine's rules, against the real encrypted vault and a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.engine.models import PacingEvent, Participant
from app.engine.revisions import COALESCE_SECONDS
from app.errors import UsageError
from app.export.pages import confirm_all_pages
from app.vault.vault import Vault
from tests.conftest import fresh_vault

RESTRICTED_CANARY = "CANARY-addr-5512-Larkspur-Close"
NOTE_CANARY = "CANARY-note-interviewer-thinks"
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with fresh_vault(tmp_path / "vault") as v:
        yield v


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def engine(vault: Vault, clock: FakeClock) -> Iterator[Engine]:
    with Engine(vault, clock=clock, owner=True) as e:
        yield e


@pytest.fixture
def case_ref(engine: Engine) -> str:
    engine.create_case("csa", "CSA-0001", interviewer="Jo Bloggs")
    engine.set_witness(
        "CSA-0001", name="Alex Morgan", break_every_minutes=20, date_of_birth="1979-03-21"
    )
    return "CSA-0001"


def people() -> list[Participant]:
    return [Participant("interviewer", "Jo Bloggs"), Participant("isva", "Sam Lee")]


# --- cases and the survivor ------------------------------------------------------------


def test_case_create_list_and_search(engine: Engine, case_ref: str) -> None:
    engine.create_case("apsp", "APSP-0002")
    assert [c.reference for c in engine.list_cases(category="apsp")] == ["APSP-0002"]
    assert [c.reference for c in engine.list_cases(search="morgan")] == ["CSA-0001"]
    assert engine.case(case_ref).status == "draft"
    with pytest.raises(UsageError, match="already exists"):
        engine.create_case("csa", "CSA-0001")
    with pytest.raises(UsageError, match="unknown category"):
        engine.create_case("other", "X-1")
    with pytest.raises(UsageError, match="empty"):
        engine.create_case("csa", "   ")


def test_date_of_birth_is_restricted_not_witness(engine: Engine, case_ref: str) -> None:
    assert "date_of_birth" not in engine.witness(case_ref)
    assert engine.restricted(case_ref)["date_of_birth"] == "1979-03-21"
    before = engine.witness(case_ref)
    for bad in ("03/21/1979", "1979-02-30", "2099-01-01"):
        with pytest.raises(UsageError, match="date of birth"):
            engine.set_witness(case_ref, name="Someone Else", date_of_birth=bad)
    assert engine.witness(case_ref) == before


def test_witness_needs_a_name_and_sane_breaks(engine: Engine) -> None:
    engine.create_case("general", "G-1")
    with pytest.raises(UsageError, match="name"):
        engine.set_witness("G-1", pronouns="they/them", age_status="over_18")
    with pytest.raises(UsageError, match="between 5 and 180"):
        engine.set_witness("G-1", name="A", break_every_minutes=2, age_status="over_18")
    assert engine.witness("G-1") == {}


def test_consents_keep_their_history(engine: Engine, case_ref: str) -> None:
    engine.record_consent(case_ref, "medical-records", "given")
    engine.record_consent(case_ref, "medical-records", "withdrawn", "changed their mind")
    consents = engine.restricted(case_ref)["consents"]
    assert [c["state"] for c in consents] == ["given", "withdrawn"]
    with pytest.raises(UsageError):
        engine.record_consent(case_ref, "x", "maybe")


def test_guide_fields_are_validated(engine: Engine) -> None:
    engine.create_case("apsp", "A-1")
    engine.set_field("A-1", "role", "officer")
    engine.set_field("A-1", "channels", ["phone", "social media"])
    with pytest.raises(UsageError, match="not one of"):
        engine.set_field("A-1", "role", "admiral")
    with pytest.raises(UsageError, match="unknown field"):
        engine.set_field("A-1", "shoe_size", "9")
    assert engine.show_case("A-1")["fields"]["role"] == "officer"


# --- sittings ----------------------------------------------------------------------------


def test_sitting_state_machine_and_active_time(
    engine: Engine, case_ref: str, clock: FakeClock
) -> None:
    with pytest.raises(UsageError, match="no sitting"):
        engine.pause_sitting(case_ref, "witness")
    engine.start_sitting(case_ref, people(), "Suite 3")
    with pytest.raises(UsageError, match="already in progress"):
        engine.start_sitting(case_ref)
    with pytest.raises(UsageError, match="not paused"):
        engine.resume_sitting(case_ref)
    clock.advance(600)
    engine.pause_sitting(case_ref, "witness", "needed some air")
    with pytest.raises(UsageError, match="already paused"):
        engine.pause_sitting(case_ref, "interviewer")
    clock.advance(900)
    engine.resume_sitting(case_ref)
    clock.advance(300)
    engine.pause_sitting(case_ref, "intermediary")
    clock.advance(60)
    engine.set_pause_reason(case_ref, "comfort break")
    sitting = engine.end_sitting(case_ref)  # ending while paused closes the pause
    assert sitting.state == "ended"
    assert sitting.active_seconds == pytest.approx(900)
    pauses = sitting.pauses
    assert [(p.requested_by, p.reason) for p in pauses] == [
        ("witness", "needed some air"),
        ("intermediary", "comfort break"),
    ]
    assert all(p.ended for p in pauses)
    assert sitting.present[1].outside_evidential_chain
    engine.start_sitting(case_ref)
    with pytest.raises(UsageError, match="who asked"):
        engine.pause_sitting(case_ref, "nobody")
    assert engine.current_sitting(case_ref).state == "running"


def test_resume_restores_the_exact_place(engine: Engine, case_ref: str) -> None:
    engine.start_sitting(case_ref, people())
    engine.save_section(case_ref, "account", "We lived near the canal.", position=8)
    engine.set_place(case_ref, phase="free_narrative", position=12)
    engine.pause_sitting(case_ref, "witness")
    place = engine.resume_sitting(case_ref)
    assert (place.phase, place.section, place.position) == ("free_narrative", "account", 12)


def test_break_due_from_the_survivor_preference_then_guide(
    engine: Engine, case_ref: str, clock: FakeClock
) -> None:
    seen: list[PacingEvent] = []
    engine.subscribe(seen.append)
    engine.start_sitting(case_ref, people())
    clock.advance(19 * 60)
    assert engine.tick(case_ref) == []
    clock.advance(60)
    assert [e.kind for e in engine.tick(case_ref)] == ["break_due"]
    assert engine.tick(case_ref) == []  # once an interval, never once a tick
    clock.advance(19 * 60)
    assert engine.tick(case_ref) == []
    clock.advance(60)  # another interval with no break: reminded again
    assert [e.detail["minutes"] for e in engine.tick(case_ref)] == [40]
    engine.pause_sitting(case_ref, "witness")
    clock.advance(600)
    engine.resume_sitting(case_ref)
    clock.advance(10 * 60)
    assert engine.pacing(case_ref)["break_due"] is False  # the clock restarts after a break
    assert [e.kind for e in seen] == ["break_due", "break_due"]
    engine.create_case("apsp", "A-2")
    engine.start_sitting("A-2")
    clock.advance(engine.guide(engine.case("A-2")).pacing.break_every_minutes * 60)
    assert engine.pacing("A-2")["break_due"] is True


def test_long_sitting_and_phase_checkin_are_suggestions(
    engine: Engine, case_ref: str, clock: FakeClock
) -> None:
    seen: list[PacingEvent] = []
    engine.subscribe(seen.append)
    engine.start_sitting(case_ref, people())
    engine.set_place(case_ref, phase="free_narrative")
    assert seen[-1].kind == "checkin"
    clock.advance(engine.guide(engine.case(case_ref)).pacing.long_sitting_minutes * 60)
    kinds = [e.kind for e in engine.tick(case_ref)]
    assert "long_sitting" in kinds
    assert engine.current_sitting(case_ref).state == "running"  # nothing was forced


def test_crash_while_running_comes_back_interrupted(vault: Vault, clock: FakeClock) -> None:
    first = Engine(vault, clock=clock, owner=True)
    first.create_case("csa", "C-9")
    first.start_sitting("C-9", people())
    clock.advance(120)
    first.save_section("C-9", "account", "The last words before the crash.")
    crash_moment = first.now()
    first._lock.release()  # the kernel drops the lock when the process dies
    clock.advance(3600)
    second = Engine(vault, clock=clock, owner=True)
    sitting = second.current_sitting("C-9")
    assert sitting is not None and sitting.state == "paused" and sitting.interruptions == 1
    gap = sitting.pauses[-1]
    assert gap.kind == "interruption" and gap.started == crash_moment and gap.ended is None
    assert sitting.active_seconds == pytest.approx(120)
    assert second.sections("C-9")[2].text == "The last words before the crash."
    second.resume_sitting("C-9")
    clock.advance(60)
    assert second.current_sitting("C-9").active_seconds == pytest.approx(180)
    assert second.verify_audit("C-9").intact
    second.close()


def test_paused_sitting_survives_a_crash_with_its_pause_start(
    vault: Vault, clock: FakeClock
) -> None:
    first = Engine(vault, clock=clock, owner=True)
    first.create_case("csa", "C-10")
    first.start_sitting("C-10")
    clock.advance(30)
    pause = first.pause_sitting("C-10", "witness", "upset")
    first._lock.release()
    clock.advance(500)
    second = Engine(vault, clock=clock, owner=True)
    sitting = second.current_sitting("C-10")
    assert sitting.state == "paused" and sitting.interruptions == 0
    assert sitting.pauses[-1].started == pause.started
    second.close()


def test_cli_sittings_are_not_owned_and_stay_running(vault: Vault, clock: FakeClock) -> None:
    cli = Engine(vault, clock=clock)
    cli.create_case("general", "G-7")
    cli.start_sitting("G-7")
    cli.close()
    again = Engine(vault, clock=clock)
    assert again.current_sitting("G-7").state == "running"


def test_only_one_owner(vault: Vault, engine: Engine) -> None:
    with pytest.raises(UsageError, match="already has this vault open"):
        Engine(vault, owner=True)


# --- the statement -------------------------------------------------------------------------


def test_revisions_rebuild_every_saved_text(
    engine: Engine, case_ref: str, clock: FakeClock
) -> None:
    texts = ["I was", "I was eleven.", "I was about eleven.", "About eleven.", "", "Again."]
    for text in texts:
        clock.advance(COALESCE_SECONDS + 1)
        engine.save_section(case_ref, "account", text)
    history = engine.section_history(case_ref, "account")
    assert [engine.section_text_at(case_ref, "account", h["revision"]) for h in history] == texts


def test_typing_bursts_coalesce_but_deletions_never_do(
    engine: Engine, case_ref: str, clock: FakeClock
) -> None:
    engine.save_section(case_ref, "account", "First.")  # revision 1 (a snapshot)
    for text in ("First. The", "First. The house", "First. The house was cold."):
        clock.advance(1)
        engine.save_section(case_ref, "account", text)
    history = engine.section_history(case_ref, "account")
    assert len(history) == 2 and history[-1]["saves"] == 3
    clock.advance(1)
    engine.save_section(case_ref, "account", "First. The house.")  # a deletion
    history = engine.section_history(case_ref, "account")
    assert len(history) == 3
    assert engine.section_text_at(case_ref, "account", 2) == "First. The house was cold."


def test_unknown_section_changes_nothing(engine: Engine, case_ref: str) -> None:
    with pytest.raises(UsageError, match="unknown section 'nope'"):
        engine.save_section(case_ref, "nope", "text")
    assert all(not s.text for s in engine.sections(case_ref))


def test_statement_never_holds_notes_prompts_or_restricted(engine: Engine, case_ref: str) -> None:
    engine.set_restricted(case_ref, address=RESTRICTED_CANARY, phone="07700 900123")
    engine.add_note(case_ref, NOTE_CANARY)
    engine.save_section(case_ref, "account", "What happened, in my words.")
    engine.save_section(case_ref, "background", "We lived by the sea.")
    text = engine.statement_text(case_ref)
    assert RESTRICTED_CANARY not in text and NOTE_CANARY not in text
    for phase in engine.guide(engine.case(case_ref)).phases:
        for prompt in phase.prompts:
            assert prompt.text not in text
    assert text == "We lived by the sea.\n\nWhat happened, in my words."


def test_readback_corrections_then_signing_freezes(engine: Engine, case_ref: str) -> None:
    with pytest.raises(UsageError, match="nothing to read back"):
        engine.start_readback(case_ref)
    engine.save_section(case_ref, "account", "It was in 1989.")
    with pytest.raises(UsageError, match="read back and confirmed"):
        engine.sign_statement(case_ref, SIGNATURE)
    engine.start_readback(case_ref)
    engine.save_section(case_ref, "account", "It was in 1988.")
    result = engine.confirm_readback(case_ref, {"account": "It was in 1988, I think."})
    kinds = [h["kind"] for h in engine.section_history(case_ref, "account")]
    assert kinds == ["edit", "correction", "correction"]
    assert len(result["corrections"]) == 1
    engine.save_section(case_ref, "account", "It was in 1987.")  # changes after confirmation
    with pytest.raises(UsageError, match="confirmed"):
        engine.sign_statement(case_ref, SIGNATURE)
    engine.confirm_readback(case_ref)
    confirm_all_pages(engine, case_ref)
    engine.sign_statement(case_ref, SIGNATURE)
    assert engine.case(case_ref).status == "signed"
    for attempt in (
        lambda: engine.save_section(case_ref, "account", "changed"),
        lambda: engine.append_section(case_ref, "account", "more"),
        lambda: engine.confirm_readback(case_ref, {"account": "x"}),
        lambda: engine.set_witness(case_ref, name="Other Name", age_status="over_18"),
    ):
        with pytest.raises(UsageError, match="signed"):
            attempt()
    assert engine.statement_text(case_ref) == "It was in 1987."
    further = engine.further_statement(case_ref)
    assert further.number == 2 and further.follows is not None
    assert engine.case(case_ref).status == "draft"
    engine.save_section(case_ref, "account", "Something I remembered later.")


def test_signature_formats(engine: Engine, case_ref: str) -> None:
    engine.save_section(case_ref, "account", "Words.")
    engine.confirm_readback(case_ref)
    with pytest.raises(UsageError, match="PNG or JPEG"):
        engine.sign_statement(case_ref, b"GIF89a....")
    with pytest.raises(UsageError, match="damaged"):
        engine.sign_statement(case_ref, b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    with pytest.raises(UsageError, match="empty"):
        engine.sign_statement(case_ref, b'{"version":1,"width":10,"height":10,"strokes":[]}')
    assert engine.statement(case_ref).status == "read_back"


# --- timeline and audit ---------------------------------------------------------------------


def test_timeline_sorts_fuzzy_dates(engine: Engine, case_ref: str) -> None:
    engine.add_event(case_ref, "summer 1992", "we moved to the farm")
    engine.add_event(case_ref, "aged about 9", "started at the new school")
    engine.add_event(case_ref, "the Christmas after we moved", "it started")
    whens = [e.when for e in engine.timeline(case_ref)]
    assert whens == ["aged about 9", "summer 1992", "the Christmas after we moved"]
    with pytest.raises(UsageError, match="could not understand"):
        engine.add_event(case_ref, "when the moon was blue", "x")
    assert len(engine.timeline(case_ref)) == 3


def test_age_wording_needs_a_date_of_birth(engine: Engine) -> None:
    engine.create_case("csa", "C-3")
    with pytest.raises(UsageError, match="date of birth"):
        engine.add_event("C-3", "aged about 12", "x")


def test_audit_records_every_kind_of_action_and_detects_tampering(
    engine: Engine, case_ref: str, vault: Vault, clock: FakeClock
) -> None:
    engine.start_sitting(case_ref, people())
    engine.save_section(case_ref, "account", "Text.")
    engine.pause_sitting(case_ref, "witness")
    engine.resume_sitting(case_ref)
    engine.end_sitting(case_ref)
    engine.statement_text(case_ref)
    engine.confirm_readback(case_ref)
    confirm_all_pages(engine, case_ref)
    engine.sign_statement(case_ref, SIGNATURE)
    actions = {e.action for e in engine.audit_entries(case_ref)}
    assert {"create", "view", "edit", "pause", "resume", "sign", "start", "end"} <= actions
    report = engine.verify_audit(case_ref)
    assert report.intact
    with pytest.raises(Exception, match="append-only"):
        vault.connection.execute("UPDATE audit SET actor = 'x' WHERE seq = 3")
    # An attacker holding the key can drop the trigger; the chain still shows it.
    vault.connection.execute("DROP TRIGGER audit_append_only_update")
    vault.connection.execute("UPDATE audit SET detail = '{\"sitting\":9}' WHERE seq = 4")
    report = engine.verify_audit(case_ref)
    assert not report.intact and report.broken_at == 4 and "altered" in (report.problem or "")


def test_audit_never_holds_case_text(engine: Engine, case_ref: str) -> None:
    engine.save_section(case_ref, "account", "CANARY-statement-words")
    engine.start_sitting(case_ref)
    engine.pause_sitting(case_ref, "witness", "CANARY-pause-reason")
    engine.add_note(case_ref, NOTE_CANARY)
    dump = repr([e.to_json() for e in engine.audit_entries(case_ref)])
    for canary in ("CANARY-statement-words", "CANARY-pause-reason", NOTE_CANARY):
        assert canary not in dump


def test_a_clean_lock_and_unlock_is_not_an_interruption(vault: Vault, clock: FakeClock) -> None:
    first = Engine(vault, clock=clock, owner=True)
    first.create_case("csa", "C-11")
    first.start_sitting("C-11")
    first.close()  # the app locks the vault (idle or Ctrl+L)
    clock.advance(600)
    second = Engine(vault, clock=clock, owner=True)
    sitting = second.current_sitting("C-11")
    assert sitting.state == "running" and sitting.interruptions == 0
    second._lock.release()  # and now it dies without closing
    third = Engine(vault, clock=clock, owner=True)
    assert third.current_sitting("C-11").interruptions == 1
    third.close()


def test_references_never_shadow_ids_and_fields_stay_one_line(engine: Engine) -> None:
    first = engine.create_case("general", "G-100")
    with pytest.raises(UsageError, match="look like a case id"):
        engine.create_case("general", first.id)
    with pytest.raises(UsageError, match="one line"):
        engine.create_case("general", "A\nB")
    with pytest.raises(UsageError, match="one line"):
        engine.set_witness("G-100", name="Alex\tMorgan", age_status="over_18")
    assert engine.list_cases() == [engine.case("G-100")]


def test_date_of_birth_is_frozen_once_signed(engine: Engine, case_ref: str) -> None:
    engine.save_section(case_ref, "account", "Words.")
    engine.confirm_readback(case_ref)
    confirm_all_pages(engine, case_ref)
    engine.sign_statement(case_ref, SIGNATURE)
    with pytest.raises(UsageError, match="date of birth"):
        engine.set_restricted(case_ref, date_of_birth="1980-01-01")
    assert engine.restricted(case_ref)["date_of_birth"] == "1979-03-21"
    engine.set_restricted(case_ref, address="A new address")  # other details may change


def test_heartbeat_moves_the_interruption_close_to_the_crash(
    vault: Vault, clock: FakeClock
) -> None:
    first = Engine(vault, clock=clock, owner=True)
    first.create_case("csa", "C-12")
    first.start_sitting("C-12")
    clock.advance(600)
    first.heartbeat()
    beat = first.now()
    first._lock.release()
    clock.advance(900)
    second = Engine(vault, clock=clock, owner=True)
    sitting = second.current_sitting("C-12")
    assert sitting.pauses[-1].started == beat
    assert sitting.active_seconds == pytest.approx(600)
    second.close()
