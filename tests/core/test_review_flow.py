"""Supervisor review at the engine's level (app/review/): opening a bundle for review,
reading it, deciding it, checking the decision file from outside and importing it into
the interviewer's vault; and every decision the interviewer's vault must refuse, with
nothing in the vault changed.

One organisation and one interviewer's vault with two exported cases are made once for
the module, with a supervisor's vault that decided both (case A approved, case B
returned). Tests that change a supervisor's vault make their own.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest
from pyrage import x25519

from app.engine.engine import Engine
from app.errors import QuietroomError, UsageError, VerificationError
from app.export import safetar
from app.export.bundle import export_case
from app.org import load_trust, org_init
from app.review.checklist import Answers, ItemAnswer, checklist_for
from app.review.decision import DECISION, SIGNATURE, STATEMENT, decide
from app.review.decision_verify import (
    FILES,
    LIMITS,
    import_decision,
    verify_decision,
    verify_decision_data,
)
from app.review.inbox import is_supervisor, open_for_review, read_review, restricted_details
from app.vault.vault import Vault
from crypto import cms, pki
from crypto.recovery import parse_recipient
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.interop.bundle_forge import signed_case
from tests.interop.test_export_bundle import ADDRESS, PHONE, build_case

CASE_A = "CSA-EXP-1"  # build_case's case
CASE_B = "CSA-EXP-2"
COMMENTS = "Approved: a clear account, fairly taken."
RETURN_COMMENTS = "Please ask about the date of the second incident, and re-read."


# --- helpers shared with test_review_cli.py and test_review_decision_tools.py ----------


def all_met(category: str = "csa") -> Answers:
    return Answers(tuple(ItemAnswer(item.id, "met", "") for item in checklist_for(category)))


def supervisor_vault(root: Path, org: Path) -> Engine:
    """A new vault holding the organisation's supervisor's identity and trust file."""
    engine = Engine(Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF))
    member = org / "supervisor"
    engine.import_identity(
        member / "cert.pem", member / "key.pem", member / "age-identity.txt", org / "trust.json"
    )
    return engine


def age_identity(member: Path) -> x25519.Identity:
    text = (member / "age-identity.txt").read_text()
    return x25519.Identity.from_str(next(ln for ln in text.splitlines() if ln.startswith("AGE-")))


def recipient(member: Path) -> str:
    return (member / "age-recipient.txt").read_text().strip()


def open_qrr(data: bytes, member: Path) -> dict[str, bytes]:
    """The files of a decision file, decrypted with a member's identity."""
    return safetar.unpack(pyrage.decrypt(data, [age_identity(member)]), FILES, LIMITS)


def make_world(base: Path) -> dict[str, Any]:
    """An organisation (and a second one), the interviewer's vault with cases A and B
    exported, and a supervisor's vault that approved A and returned B."""
    org = base / "org"
    org_init(org)
    other_org = base / "other-org"
    org_init(other_org, "Another Organisation")
    interviewer = build_case(base / "interviewer", org)
    signed_case(interviewer, CASE_B)
    export_case(interviewer, CASE_A, base / "a.qrb")
    export_case(interviewer, CASE_B, base / "b.qrb")
    supervisor = supervisor_vault(base / "supervisor", org)
    review_a = open_for_review(supervisor, base / "a.qrb").review
    review_b = open_for_review(supervisor, base / "b.qrb").review
    assert review_a is not None and review_b is not None
    decide(
        supervisor,
        review_a.id,
        approve=True,
        comments=COMMENTS,
        answers=all_met(),
        out=base / "approved.qrr",
    )
    decide(
        supervisor,
        review_b.id,
        approve=False,
        comments=RETURN_COMMENTS,
        answers=Answers(),
        out=base / "returned.qrr",
    )
    return {
        "base": base,
        "org": org,
        "other_org": other_org,
        "interviewer": interviewer,
        "supervisor": supervisor,
        "a": base / "a.qrb",
        "b": base / "b.qrb",
        "review_a": review_a,
        "review_b": review_b,
        "approved": base / "approved.qrr",
        "returned": base / "returned.qrr",
    }


# --- forging decision files --------------------------------------------------------------


def decision_bytes(doc: dict[str, Any]) -> bytes:
    """decision.json exactly as app/review/decision.py writes it."""
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def forge(
    doc: dict[str, Any],
    signer: Path,
    recipients: list[str],
    pdf: bytes | None = None,
) -> bytes:
    """A decision file holding `doc`, signed by the member in `signer` (their own
    cert.pem and key.pem), with `pdf` as statement.pdf, encrypted to `recipients`."""
    cert, key = pki.load_pem_pair(
        (signer / "cert.pem").read_bytes(), (signer / "key.pem").read_bytes()
    )
    data = decision_bytes(doc)
    files = [(DECISION, data), (SIGNATURE, cms.sign_detached(data, cert, key))]
    if pdf is not None:
        files.append((STATEMENT, pdf))
    archive = safetar.pack(files, 1_700_000_000)
    return pyrage.encrypt(archive, [parse_recipient(r) for r in recipients])


def as_reviewer(doc: dict[str, Any], member: Path, trust_file: Path) -> dict[str, Any]:
    """`doc` as if decided by the member in `member` (so only their role, or their
    organisation, is wrong with it): a return, with no PDF, and a fresh id."""
    cert = pki.load_certificate((member / "cert.pem").read_bytes())
    listed = load_trust(trust_file).member_for_certificate(cert)
    assert listed is not None
    return {
        **doc,
        "decision_id": uuid.uuid4().hex,
        "decision": "returned",
        "statement_pdf_sha256": None,
        "reviewer": {
            "name": listed.name,
            "certificate_fingerprint": pki.fingerprint(cert),
            "member_id": listed.member_id,
        },
    }


def tables(engine: Engine) -> dict[str, list[Any]]:
    """Every row of every table of the vault."""
    with engine.vault.reading() as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {name: conn.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    made = make_world(tmp_path_factory.mktemp("review"))
    yield made
    made["interviewer"].close()
    made["supervisor"].close()


@pytest.fixture
def fresh_supervisor(tmp_path: Path, world: dict[str, Any]) -> Iterator[Engine]:
    engine = supervisor_vault(tmp_path / "supervisor", world["org"])
    yield engine
    engine.close()


@pytest.fixture
def to_review(fresh_supervisor: Engine, world: dict[str, Any]) -> tuple[Engine, str]:
    """A supervisor's own vault with case A's bundle opened for review."""
    opened = open_for_review(fresh_supervisor, world["a"])
    assert opened.review is not None
    return fresh_supervisor, opened.review.id


def raises(code: str, call: Callable[[], object]) -> QuietroomError:
    with pytest.raises(QuietroomError) as caught:
        call()
    assert caught.value.code == code, (caught.value.code, str(caught.value))
    assert "\n" not in str(caught.value)
    return caught.value


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
