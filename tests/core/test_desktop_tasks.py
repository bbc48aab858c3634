"""The desktop app's worker tasks (app/desktop), without Qt, and the one-transaction new
case they rely on (Engine.create_case_with_details).

A new case is stored whole or not at all: a refusal on its very last part (a consent, a
person present) leaves no case row and no audit entry behind, and the refusal names the
part and detail it concerns so the new-case flow can show it on the right step.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.desktop.cases import (
    case_fields,
    create_new_case,
    date_of_birth_valid,
    load_cases,
    reference_taken,
    set_case_field,
)
from app.desktop.session import Session
from app.desktop.sittings import amend_open_pause, pause_sitting, start_sitting
from app.desktop.statement import load_readback, save_correction
from app.desktop.types import CaseDetails, Participant
from app.engine.clock import FakeClock
from app.errors import UsageError
from tests.conftest import FAST_KDF, PASSPHRASE

PLAN = CaseDetails(
    category="csa",
    reference="CSA-2026-042",
    interviewer="Dee Interviewer",
    witness={
        "name": "Alexandra Quill",
        "preferred_name": "Alex",
        "pronouns": "she/her",
        "interpreter_needed": True,
        "interpreter_language": "Welsh",
        "break_every_minutes": 20,
        "avoid": "the word 'special'",
    },
    restricted={
        "date_of_birth": "1979-03-21",
        "address": "1 Quiet Lane, Cardiff",
        "voicemail_safe": False,
    },
    consents=(("access to medical records", "given"), ("sharing with other agencies", "withdrawn")),
    present=(
        Participant("interviewer", "Dee Interviewer"),
        Participant("isva", "Pat Adviser"),
        Participant("interpreter", "Rhys Interpreter", "Welsh"),
    ),
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session(tmp_path / "vault", clock=FakeClock())
    s.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    yield s
    s.lock()


def stored_rows(session: Session) -> dict[str, int]:
    """How many rows every table a new case writes to holds (all cases together)."""
    conn = session.engine.vault.connection
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("cases", "statements", "witnesses", "restricted", "case_fields", "audit")
    }


# --- the engine: one transaction ----------------------------------------------------------


def test_a_new_case_is_stored_whole(session: Session) -> None:
    engine = session.engine
    case = engine.create_case_with_details(PLAN)
    assert (case.reference, case.category, case.interviewer) == (
        "CSA-2026-042",
        "csa",
        "Dee Interviewer",
    )
    assert engine.witness(case.id)["break_every_minutes"] == 20
    restricted = engine.restricted(case.id)
    assert [(c["kind"], c["state"]) for c in restricted.pop("consents")] == list(PLAN.consents)
    assert restricted == {
        "date_of_birth": "1979-03-21",
        "address": "1 Quiet Lane, Cardiff",
        "voicemail_safe": False,
    }
    assert engine.planned_present(case.id) == list(PLAN.present or ())
    assert [e.action for e in engine.audit_entries(case.id)] == [
        "create",
        "witness",
        "restricted",
        "consent",
        "consent",
        "field",
        "view",
    ]
    assert engine.verify_audit(case.id).intact


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            {"consents": (("access to medical records", "given"), ("referral", "maybe"))},
            ("consents", "referral"),
        ),
        (
            {"present": (Participant("interviewer", "Dee"), Participant("chaperone", "Sam"))},
            ("present", "1"),
        ),
        ({"present": (Participant("isva", "   "),)}, ("present", "0")),
    ],
)
def test_a_refusal_on_the_last_part_stores_nothing_at_all(
    session: Session, change: dict[str, Any], where: tuple[str, str]
) -> None:
    engine = session.engine
    before = stored_rows(session)
    bad = replace(PLAN, **change)
    with pytest.raises(UsageError):
        engine.create_case_with_details(bad)
    assert stored_rows(session) == before  # no case row, no details, no audit entry
    assert engine.list_cases() == []
    refusal = engine.check_case_details(bad)
    assert refusal is not None and (refusal.part, refusal.field) == where
    assert stored_rows(session) == before


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"category": "other"}, ("case", "category")),
        ({"reference": "  "}, ("case", "reference")),
        ({"reference": "0123456789abcdef0123456789abcdef"}, ("case", "reference")),
        ({"interviewer": "Dee\nInterviewer"}, ("case", "interviewer")),
        ({"witness": {**PLAN.witness, "pronouns": "she\x07her"}}, ("witness", "pronouns")),
        (
            {"witness": {**PLAN.witness, "break_every_minutes": 2}},
            ("witness", "break_every_minutes"),
        ),
        ({"witness": {"preferred_name": "Alex"}}, ("witness", "name")),
        ({"witness": {**PLAN.witness, "shoe_size": "9"}}, ("witness", None)),
        ({"restricted": {"date_of_birth": "1979-13-01"}}, ("restricted", "date_of_birth")),
        ({"restricted": {"date_of_birth": "2999-01-01"}}, ("restricted", "date_of_birth")),
    ],
)
def test_every_refusal_names_its_part_and_detail(
    session: Session, change: dict[str, Any], where: tuple[str, str | None]
) -> None:
    bad = replace(PLAN, **change)
    refusal = session.engine.check_case_details(bad)
    assert refusal is not None and (refusal.part, refusal.field) == where
    with pytest.raises(UsageError) as raised:
        session.engine.create_case_with_details(bad)
    assert str(raised.value) == str(refusal.error)  # the same sentence either way
    assert session.engine.list_cases() == []


def test_create_case_alone_is_the_same_transaction(session: Session) -> None:
    case = session.engine.create_case("general", "GEN-1")
    assert [e.action for e in session.engine.audit_entries(case.id)] == ["create"]
    assert session.engine.witness(case.id) == {}
    assert session.engine.check_case_details(CaseDetails("general", "GEN-1")) is None


# --- the desktop tasks --------------------------------------------------------------------


def test_create_new_case_reports_where_the_engine_refused(session: Session) -> None:
    outcome = create_new_case(
        session, replace(PLAN, restricted={**PLAN.restricted, "date_of_birth": "1979-13-01"})
    )
    assert (outcome.case_id, outcome.problem, outcome.part, outcome.field) == (
        None,
        "refused",
        "restricted",
        "date_of_birth",
    )
    assert outcome.message.startswith("the date of birth must be written YYYY-MM-DD")
    assert outcome.phrase is not None and outcome.phrase.code == "birth.format"
    outcome = create_new_case(
        session, replace(PLAN, witness={**PLAN.witness, "pronouns": "she\x07her"})
    )
    assert (outcome.case_id, outcome.part, outcome.field) == (None, "witness", "pronouns")
    assert load_cases(session, "", None, None) == []


def test_create_new_case_and_a_reference_taken_meanwhile(session: Session) -> None:
    assert not reference_taken(session, "CSA-2026-042")
    session.engine.create_case("general", "CSA-2026-042")  # the command line, say
    assert reference_taken(session, " CSA-2026-042 ")
    outcome = create_new_case(session, PLAN)
    assert (outcome.case_id, outcome.problem, outcome.field) == (None, "duplicate", "reference")
    [case] = session.engine.list_cases()
    assert case.category == "general" and session.engine.witness(case.id) == {}
    outcome = create_new_case(session, replace(PLAN, reference="CSA-2026-043"))
    assert outcome.problem == "" and outcome.case_id is not None
    rows = load_cases(session, "Quill", None, None)
    assert [(r.case.reference, r.name, r.preferred) for r in rows] == [
        ("CSA-2026-043", "Alexandra Quill", "Alex")
    ]


def test_date_of_birth_valid_is_the_engines_check() -> None:
    today = date(2026, 11, 26)
    assert date_of_birth_valid("1979-03-21", today)
    for bad in ("03/21/1979", "1979-02-30", "2999-01-01", "1850-01-01"):
        assert not date_of_birth_valid(bad, today), bad


def test_readback_lists_corrections_in_time_order(session: Session) -> None:
    engine = session.engine
    case = engine.create_case_with_details(PLAN)
    engine.save_section(case.id, "account", "What I remember is this.")
    first = load_readback(session, case.id, True)
    assert engine.statement(case.id).status == "read_back"
    assert first.corrections == []
    assert first.sections[0].id == "introduction"
    assert "account" in [s.id for s in first.sections]
    clock = session.clock
    assert isinstance(clock, FakeClock)
    clock.advance(60)
    save_correction(session, case.id, "account", "What I remember is this, and more.")
    clock.advance(60)
    after = save_correction(session, case.id, "introduction", "My name is Alexandra.")
    assert [c.section for c in after.corrections] == ["account", "introduction"]
    assert after.corrections[0].at < after.corrections[1].at
    account = next(s for s in after.sections if s.id == "account")
    assert account.text == "What I remember is this, and more."
    views = [e for e in engine.audit_entries(case.id) if e.action == "view"]
    assert len(views) == 1  # the read-back's start is a view; reloading after a save is not


def test_amend_open_pause_touches_only_the_open_pause(session: Session) -> None:
    case = session.engine.create_case_with_details(PLAN)
    assert amend_open_pause(session, case.id, {"reason": "tired"}) is False  # no sitting
    sitting = start_sitting(session, case.id)
    assert [p.role for p in sitting.present] == ["interviewer", "isva", "interpreter"]
    pause_sitting(session, case.id, "interviewer")
    assert amend_open_pause(session, case.id, {"requested_by": "witness", "reason": "tired"})
    current = session.engine.current_sitting(case.id)
    assert current is not None
    [pause] = current.pauses
    assert (pause.requested_by, pause.reason) == ("witness", "tired")
    session.engine.resume_sitting(case.id)
    assert amend_open_pause(session, case.id, {"reason": "later"}) is False


def test_the_guides_fields_are_read_and_set(session: Session) -> None:
    """The workspace's Details tab: the values stored by field id (nothing until set),
    each set through the core's own check, the value as stored handed back, and reading
    them is not a view of the case."""
    case = session.engine.create_case("apsp", "APSP-FIELDS-1")
    assert case_fields(session, case.id) == {}
    assert set_case_field(session, case.id, "force", "  Gwent Police ") == "Gwent Police"
    assert set_case_field(session, case.id, "channels", ["phone", "email"]) == ["phone", "email"]
    assert set_case_field(session, case.id, "role", "staff") == "staff"
    assert case_fields(session, case.id) == {
        "force": "Gwent Police",
        "channels": ["phone", "email"],
        "role": "staff",
    }
    with pytest.raises(UsageError, match="'admiral' is not one of"):
        set_case_field(session, case.id, "role", "admiral")
    with pytest.raises(UsageError, match="unknown field 'shoe_size'"):
        set_case_field(session, case.id, "shoe_size", "9")
    with pytest.raises(UsageError, match="too long"):
        set_case_field(session, case.id, "contact_began", "x" * 20_001)
    assert case_fields(session, case.id)["role"] == "staff"  # a refusal changes nothing
    actions = [e.action for e in session.engine.audit_entries(case.id)]
    assert actions.count("field") == 3 and "view" not in actions
    # The planned-present list shares the table and is never a guide field.
    session.engine.set_planned_present(case.id, [Participant("interviewer", "Jo")])
    assert "_planned_present" not in case_fields(session, case.id)
