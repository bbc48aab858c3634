"""Every decision file the interviewer's vault must refuse (forged, replayed, for
another bundle, from the wrong signer), each with nothing in the vault changed."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage
import pytest

from app.engine.engine import Engine
from app.errors import UsageError, VerificationError
from app.export.bundle import export_case
from app.org import load_trust
from app.review.decision import DECISION, STATEMENT, decide
from app.review.decision_verify import (
    import_decision,
    verify_decision_data,
)
from app.review.inbox import open_for_review
from crypto.recovery import parse_recipient
from tests.core.review_world import (
    CASE_A,
    CASE_B,
    COMMENTS,
    age_identity,
    all_met,
    as_reviewer,
    forge,
    open_qrr,
    raises,
    recipient,
    tables,
)
from tests.interop.bundle_forge import signed_case
from tests.interop.test_export_bundle import build_case

# --- fixtures --------------------------------------------------------------------------------


# --- refusals: nothing changes ---------------------------------------------------------------


def real_files(world: dict[str, Any]) -> dict[str, bytes]:
    return open_qrr(world["approved"].read_bytes(), world["org"] / "supervisor")


def real_doc(world: dict[str, Any]) -> dict[str, Any]:
    doc = json.loads(real_files(world)[DECISION])
    return {**doc, "decision_id": uuid.uuid4().hex}


def to_interviewer(world: dict[str, Any]) -> list[str]:
    org = world["org"]
    return [recipient(org / "interviewer"), recipient(org / "supervisor")]


def resigned(world: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> bytes:
    """Case A's approval with `change` made, properly re-signed by the supervisor."""
    doc = real_doc(world)
    change(doc)
    return forge(
        doc, world["org"] / "supervisor", to_interviewer(world), real_files(world)[STATEMENT]
    )


def signed_by_interviewer(world: dict[str, Any]) -> bytes:
    org = world["org"]
    doc = as_reviewer(real_doc(world), org / "interviewer", org / "trust.json")
    return forge(doc, org / "interviewer", to_interviewer(world))


def signed_by_other_supervisor(world: dict[str, Any]) -> bytes:
    other = world["other_org"]
    doc = as_reviewer(real_doc(world), other / "supervisor", other / "trust.json")
    return forge(doc, other / "supervisor", to_interviewer(world))


def random_bundle(world: dict[str, Any]) -> bytes:
    return resigned(world, lambda doc: doc.update(bundle_id=uuid.uuid4().hex))


def flipped_byte(world: dict[str, Any]) -> bytes:
    data = bytearray(world["approved"].read_bytes())
    data[len(data) // 2] ^= 0x01
    return bytes(data)


def manifest_changed(world: dict[str, Any]) -> bytes:
    return resigned(world, lambda doc: doc.update(manifest_sha256="0" * 64))


def encrypted_to_others(world: dict[str, Any]) -> bytes:
    org = world["org"]
    payload = pyrage.decrypt(world["approved"].read_bytes(), [age_identity(org / "supervisor")])
    others = [recipient(org / "supervisor"), recipient(org / "intake")]
    return pyrage.encrypt(payload, [parse_recipient(r) for r in others])


def replayed_reference(world: dict[str, Any]) -> bytes:
    """A's approval, said to be about case B."""
    return resigned(world, lambda doc: doc["case"].update(reference=CASE_B))


def replayed_bundle(world: dict[str, Any]) -> bytes:
    """A's approval (its manifest, its reference), said to be about B's bundle."""
    return resigned(world, lambda doc: doc.update(bundle_id=world["review_b"].bundle_id))


REFUSALS: dict[str, tuple[Callable[[dict[str, Any]], bytes], str, str]] = {
    # name: (forger, error code, words in the message)
    "signed by an interviewer": (
        signed_by_interviewer,
        "decision.failed",
        "only a supervisor may decide",
    ),
    "signed by another organisation's supervisor": (
        signed_by_other_supervisor,
        "decision.failed",
        "not issued by the organisation's CA",
    ),
    "for a bundle never exported": (random_bundle, "decision.not_our_bundle", "never exported"),
    "a flipped byte": (flipped_byte, "decision.failed", "decryption"),
    "manifest hash changed": (manifest_changed, "decision.other_bundle", "not its contents"),
    "encrypted to someone else": (
        encrypted_to_others,
        "decision.failed",
        "not a recipient",
    ),
    "replayed onto case B by reference": (
        replayed_reference,
        "decision.other_bundle",
        "not its contents",
    ),
    "replayed onto case B's bundle id": (
        replayed_bundle,
        "decision.other_bundle",
        "not its contents",
    ),
}


def test_the_forger_makes_files_that_verify(world: dict[str, Any]) -> None:
    """So that each refusal below is about its one change: the same forger, changing
    nothing, makes a decision file that verifies."""
    org = world["org"]
    trust = load_trust(org / "trust.json")
    unchanged = resigned(world, lambda doc: None)
    report = verify_decision_data(
        unchanged, [age_identity(org / "interviewer")], trust.ca_cert, trust, ca_only=False
    )
    assert report.ok, [c.line() for c in report.checks]


@pytest.mark.parametrize("name", list(REFUSALS))
def test_import_refuses_and_changes_nothing(
    world: dict[str, Any], tmp_path: Path, name: str
) -> None:
    forger, code, words = REFUSALS[name]
    engine = world["interviewer"]
    path = tmp_path / "forged.qrr"
    path.write_bytes(forger(world))
    reviews = {ref: engine.show_case(ref)["reviews"] for ref in (CASE_A, CASE_B)}
    decisions = {ref: engine.case_decisions(ref) for ref in (CASE_A, CASE_B)}
    audit = {ref: len(engine.audit_entries(ref)) for ref in (CASE_A, CASE_B)}
    before = tables(engine)

    error = raises(code, lambda: import_decision(engine, path))
    assert isinstance(error, UsageError | VerificationError)
    assert words in str(error), str(error)

    assert tables(engine) == before
    assert {ref: len(engine.audit_entries(ref)) for ref in (CASE_A, CASE_B)} == audit
    assert {ref: engine.case_decisions(ref) for ref in (CASE_A, CASE_B)} == decisions
    assert {ref: engine.show_case(ref)["reviews"] for ref in (CASE_A, CASE_B)} == reviews


def test_an_approval_carrying_another_cases_statement_is_refused(
    world: dict[str, Any], fresh_supervisor: Engine, tmp_path: Path
) -> None:
    """A decision naming case B's bundle in every field (bundle id, manifest hash,
    reference) but carrying case A's countersigned statement, signed by the supervisor
    (a slip of the supervisor's software, or a replay by someone holding that key): the
    PDF is not B's statement, so it must not be kept as B's. Own vaults: if it is
    wrongly accepted, nothing shared is changed."""
    interviewer = build_case(tmp_path / "interviewer", world["org"])
    signed_case(interviewer, CASE_B)
    export_case(interviewer, CASE_A, tmp_path / "a.qrb")
    export_case(interviewer, CASE_B, tmp_path / "b.qrb")
    review_a = open_for_review(fresh_supervisor, tmp_path / "a.qrb").review
    review_b = open_for_review(fresh_supervisor, tmp_path / "b.qrb").review
    assert review_a is not None and review_b is not None
    decide(
        fresh_supervisor,
        review_a.id,
        approve=True,
        comments=COMMENTS,
        answers=all_met(),
        out=tmp_path / "a.qrr",
    )
    org = world["org"]
    files = open_qrr((tmp_path / "a.qrr").read_bytes(), org / "supervisor")
    doc = json.loads(files[DECISION])
    doc.update(
        decision_id=uuid.uuid4().hex,
        bundle_id=review_b.bundle_id,
        manifest_sha256=review_b.manifest_sha256,
    )
    doc["case"]["reference"] = CASE_B
    path = tmp_path / "forged.qrr"
    path.write_bytes(forge(doc, org / "supervisor", to_interviewer(world), files[STATEMENT]))
    try:
        before = tables(interviewer)
        raises("decision.other_statement", lambda: import_decision(interviewer, path))
        assert tables(interviewer) == before
    finally:
        interviewer.close()
