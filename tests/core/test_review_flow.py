"""Supervisor review at the engine's level (app/review/): opening a bundle for review,
reading it, deciding it, checking the decision file from outside and importing it into
the interviewer's vault. Every decision the interviewer's vault must refuse is in
test_review_refusals.py; the shared world is in review_world.py.

One organisation and one interviewer's vault with two exported cases are made once for
the module, with a supervisor's vault that decided both (case A approved, case B
returned). Tests that change a supervisor's vault make their own.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pyrage
import pytest

from app.engine.engine import Engine
from app.review.checklist import Answers, ItemAnswer, checklist_for
from app.review.decision import DECISION, SIGNATURE, STATEMENT, decide
from app.review.decision_verify import (
    import_decision,
    verify_decision,
)
from app.review.inbox import is_supervisor, open_for_review, read_review, restricted_details
from crypto.recovery import parse_recipient
from tests.core.review_world import (
    CASE_A,
    CASE_B,
    COMMENTS,
    RETURN_COMMENTS,
    age_identity,
    all_met,
    open_qrr,
    raises,
    recipient,
    tables,
)
from tests.interop.test_export_bundle import ADDRESS, PHONE

# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture
def to_review(fresh_supervisor: Engine, world: dict[str, Any]) -> tuple[Engine, str]:
    """A supervisor's own vault with case A's bundle opened for review."""
    opened = open_for_review(fresh_supervisor, world["a"])
    assert opened.review is not None
    return fresh_supervisor, opened.review.id


# --- the inbox ---------------------------------------------------------------------------


def test_open_stores_a_bundle_once_with_its_inbox_fields(
    fresh_supervisor: Engine, world: dict[str, Any]
) -> None:
    assert is_supervisor(fresh_supervisor)
    opened = open_for_review(fresh_supervisor, world["a"])
    assert opened.report.ok and opened.created and opened.review is not None
    review = opened.review
    assert review.reference == CASE_A
    assert review.category == "csa"
    assert review.interviewer == "Interviewer One"
    assert review.state == "to_review" and review.decided is None
    manifest = json.loads(opened.report.files["manifest.json"])
    assert review.bundle_id == manifest["bundle_id"]
    assert (
        review.manifest_sha256 == hashlib.sha256(opened.report.files["manifest.json"]).hexdigest()
    )

    again = open_for_review(fresh_supervisor, world["a"])
    assert again.report.ok and not again.created
    assert again.review is not None and again.review.id == review.id
    assert [r.id for r in fresh_supervisor.reviews()] == [review.id]
    # Found by its bundle's id too.
    assert fresh_supervisor.review(review.bundle_id).id == review.id
    assert [e.action for e in fresh_supervisor.review_events(review.id)] == ["opened"]


def test_reading_and_restricted_details_are_noted(to_review: tuple[Engine, str]) -> None:
    engine, review_id = to_review
    contents = read_review(engine, review_id)
    assert contents.record["case"]["reference"] == CASE_A
    assert contents.statement_pdf.startswith(b"%PDF-")
    assert [e.action for e in engine.review_events(review_id)] == ["opened", "read"]
    details = restricted_details(engine, review_id)
    assert details["details"]["address"] == ADDRESS and details["details"]["phone"] == PHONE
    actions = [e.action for e in engine.review_events(review_id)]
    assert actions[0] == "opened" and actions[-1] == "restricted details shown"
    assert actions.count("restricted details shown") == 1
    seqs = [e.seq for e in engine.review_events(review_id)]
    assert seqs == list(range(1, len(seqs) + 1))


def test_an_interviewer_cannot_open_a_bundle_for_review(world: dict[str, Any]) -> None:
    interviewer = world["interviewer"]
    assert not is_supervisor(interviewer)
    before = tables(interviewer)
    raises("review.not_supervisor", lambda: open_for_review(interviewer, world["a"]))
    assert interviewer.reviews() == []
    assert tables(interviewer) == before


def test_a_flipped_byte_is_reported_and_nothing_is_stored(
    fresh_supervisor: Engine, world: dict[str, Any], tmp_path: Path
) -> None:
    data = bytearray(world["a"].read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "flipped.qrb"
    bad.write_bytes(bytes(data))
    before = tables(fresh_supervisor)
    opened = open_for_review(fresh_supervisor, bad)
    assert not opened.report.ok and opened.review is None and not opened.created
    assert any(not c.ok for c in opened.report.checks)
    assert fresh_supervisor.reviews() == []
    assert tables(fresh_supervisor) == before


def test_a_bundle_not_addressed_to_the_supervisor_stores_nothing(
    fresh_supervisor: Engine, world: dict[str, Any], tmp_path: Path
) -> None:
    org = world["org"]
    payload = pyrage.decrypt(world["a"].read_bytes(), [age_identity(org / "intake")])
    others = [recipient(org / "interviewer"), recipient(org / "intake")]
    bad = tmp_path / "not-for-you.qrb"
    bad.write_bytes(pyrage.encrypt(payload, [parse_recipient(r) for r in others]))
    before = tables(fresh_supervisor)
    opened = open_for_review(fresh_supervisor, bad)
    assert not opened.report.ok and opened.review is None
    failed = [c for c in opened.report.checks if not c.ok]
    assert failed[0].name == "decryption", failed
    assert "recipient" in failed[0].detail
    assert fresh_supervisor.reviews() == []
    assert tables(fresh_supervisor) == before


# --- deciding ------------------------------------------------------------------------------


def test_approval_needs_every_checklist_item(to_review: tuple[Engine, str], tmp_path: Path) -> None:
    engine, review_id = to_review
    out = tmp_path / "d.qrr"
    items = checklist_for("csa")
    partial = Answers(tuple(ItemAnswer(i.id, "met", "") for i in items[:-1]))
    for answers in (Answers(), partial):
        raises(
            "review.checklist_incomplete",
            lambda answers=answers: decide(
                engine, review_id, approve=True, comments=COMMENTS, answers=answers, out=out
            ),
        )
    # "not met" needs a comment saying why.
    not_met = Answers(
        tuple(ItemAnswer(i.id, "not_met" if n == 0 else "met", "") for n, i in enumerate(items))
    )
    raises(
        "review.not_met_needs_comment",
        lambda: decide(
            engine, review_id, approve=True, comments=COMMENTS, answers=not_met, out=out
        ),
    )
    assert not out.exists()
    assert engine.review(review_id).state == "to_review"


@pytest.mark.parametrize("comments", ["", "   \n\t "])
def test_a_return_needs_comments(
    to_review: tuple[Engine, str], tmp_path: Path, comments: str
) -> None:
    engine, review_id = to_review
    out = tmp_path / "d.qrr"
    raises(
        "review.comments_required",
        lambda: decide(
            engine, review_id, approve=False, comments=comments, answers=Answers(), out=out
        ),
    )
    assert not out.exists()
    assert engine.review(review_id).state == "to_review"


def test_approve_writes_the_decision_once(
    to_review: tuple[Engine, str], world: dict[str, Any], tmp_path: Path
) -> None:
    engine, review_id = to_review
    out = tmp_path / "approved.qrr"
    result = decide(engine, review_id, approve=True, comments=COMMENTS, answers=all_met(), out=out)
    assert result.decision == "approved" and result.review_id == review_id
    assert out.is_file() and out.stat().st_size == result.size
    org = world["org"]
    assert set(result.recipients) == {
        recipient(org / "interviewer"),
        recipient(org / "intake"),
        recipient(org / "supervisor"),
    }
    review = engine.review(review_id)
    assert review.state == "approved" and review.decided is not None
    assert [e.action for e in engine.review_events(review_id)][-1] == "decided: approved"

    files = open_qrr(out.read_bytes(), org / "supervisor")
    assert set(files) == {DECISION, SIGNATURE, STATEMENT}
    doc = json.loads(files[DECISION])
    assert doc["decision_id"] == result.decision_id
    assert doc["bundle_id"] == review.bundle_id
    assert doc["manifest_sha256"] == review.manifest_sha256
    assert doc["case"] == {"reference": CASE_A, "category": "csa"}
    assert doc["comments"] == COMMENTS
    assert doc["reviewer"]["name"] == "Supervisor One"
    assert doc["statement_pdf_sha256"] == hashlib.sha256(files[STATEMENT]).hexdigest()
    assert set(doc["checklist"]["items"]) == {i.id for i in checklist_for("csa")}

    # A review is decided once, either way; no second file is written.
    second = tmp_path / "second.qrr"
    for approve in (True, False):
        raises(
            "review.already_decided",
            lambda approve=approve: decide(
                engine,
                review_id,
                approve=approve,
                comments=RETURN_COMMENTS,
                answers=all_met(),
                out=second,
            ),
        )
    assert not second.exists()
    assert engine.review(review_id).state == "approved"


def test_return_writes_a_decision_without_the_pdf(
    to_review: tuple[Engine, str], world: dict[str, Any], tmp_path: Path
) -> None:
    engine, review_id = to_review
    out = tmp_path / "returned.qrr"
    partial = Answers((ItemAnswer(checklist_for("csa")[0].id, "not_met", "Ask again."),))
    result = decide(
        engine, review_id, approve=False, comments=RETURN_COMMENTS, answers=partial, out=out
    )
    assert result.decision == "returned"
    assert engine.review(review_id).state == "returned"
    files = open_qrr(out.read_bytes(), world["org"] / "supervisor")
    assert set(files) == {DECISION, SIGNATURE}
    doc = json.loads(files[DECISION])
    assert doc["decision"] == "returned" and doc["statement_pdf_sha256"] is None
    assert doc["comments"] == RETURN_COMMENTS
    assert doc["checklist"]["items"] == {
        checklist_for("csa")[0].id: {"answer": "not_met", "comment": "Ask again."}
    }


# --- verifying from outside ----------------------------------------------------------------


@pytest.mark.parametrize("member", ["interviewer", "intake", "supervisor"])
@pytest.mark.parametrize("which", ["approved", "returned"])
def test_verify_decision_with_the_trust_file(
    world: dict[str, Any], member: str, which: str
) -> None:
    org = world["org"]
    report = verify_decision(world[which], org / member / "age-identity.txt", org / "trust.json")
    assert report.ok, [c.line() for c in report.checks]
    assert [c.name for c in report.checks] == [
        "decryption",
        "contents",
        "decision schema",
        "decision signature",
        "reviewer",
        "countersigned statement",
    ]
    assert report.decision is not None and report.decision["decision"] == which
    assert report.to_json()["reviewer"] == "Supervisor One"


def test_verify_decision_with_the_ca_alone_needs_ca_only(world: dict[str, Any]) -> None:
    org = world["org"]
    args = (world["approved"], org / "interviewer" / "age-identity.txt", org / "ca.pem")
    report = verify_decision(*args)
    assert not report.ok
    failed = [c for c in report.checks if not c.ok]
    assert [c.name for c in failed] == ["reviewer"]
    assert "not checked" in failed[0].detail
    accepted = verify_decision(*args, ca_only=True)
    assert accepted.ok, [c.line() for c in accepted.checks]
    assert "not checked" in next(c.detail for c in accepted.checks if c.name == "reviewer")


def test_verify_decision_with_another_organisations_ca_fails(world: dict[str, Any]) -> None:
    org = world["org"]
    report = verify_decision(
        world["approved"],
        org / "interviewer" / "age-identity.txt",
        world["other_org"] / "ca.pem",
        ca_only=True,
    )
    assert not report.ok
    assert not next(c for c in report.checks if c.name == "decision signature").ok


# --- importing into the interviewer's vault ----------------------------------------------


def test_import_keeps_the_decision_on_the_case(world: dict[str, Any]) -> None:
    engine = world["interviewer"]
    audit_before = len(engine.audit_entries(CASE_A))
    imported = import_decision(engine, world["approved"])
    assert imported.created and imported.report.ok
    decision = imported.decision
    assert decision.case_id == engine.case(CASE_A).id
    assert decision.decision == "approved" and decision.has_countersigned_pdf
    reviews = engine.show_case(CASE_A)["reviews"]
    assert len(reviews) == 1
    entry = reviews[0]
    assert {"decision", "reviewer", "decided", "comments", "bundle_id"} <= set(entry)
    assert entry["decision"] == "approved"
    assert entry["reviewer"] == "Supervisor One"
    assert entry["comments"] == COMMENTS
    assert entry["bundle_id"] == world["review_a"].bundle_id
    assert entry["decided"] == decision.decided
    pdf = engine.countersigned_pdf(decision.decision_id)
    assert pdf is not None and pdf.startswith(b"%PDF-")

    audit = engine.audit_entries(CASE_A)
    new = audit[audit_before:]
    assert new[0].action == "review"
    assert new[0].detail == {
        "decision_id": decision.decision_id,
        "bundle_id": decision.bundle_id,
        "decision": "approved",
    }
    assert engine.verify_audit(CASE_A).intact

    again = import_decision(engine, world["approved"])
    assert not again.created and again.decision == decision
    assert len(engine.show_case(CASE_A)["reviews"]) == 1
    assert [e.action for e in engine.audit_entries(CASE_A)].count("review") == 1


def test_import_keeps_a_return_without_a_pdf(world: dict[str, Any]) -> None:
    engine = world["interviewer"]
    imported = import_decision(engine, world["returned"])
    assert imported.decision.decision == "returned"
    assert not imported.decision.has_countersigned_pdf
    assert imported.decision.case_id == engine.case(CASE_B).id
    reviews = engine.show_case(CASE_B)["reviews"]
    assert [(r["decision"], r["comments"]) for r in reviews] == [("returned", RETURN_COMMENTS)]
    assert engine.countersigned_pdf(imported.decision.decision_id) is None


def test_the_supervisor_cannot_import_into_a_vault_that_never_exported(
    world: dict[str, Any],
) -> None:
    engine = world["supervisor"]
    before = tables(engine)
    raises("decision.not_our_bundle", lambda: import_decision(engine, world["approved"]))
    assert tables(engine) == before
