"""What the supervisor-review tests share (tests/core/test_review_flow.py and
test_review_refusals.py): one organisation, an interviewer's vault with two exported
cases, a supervisor's vault that decided both (case A approved, case B returned), and
the forger that makes decision files with one thing changed."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage
import pytest
from pyrage import x25519

from app.engine.engine import Engine
from app.errors import QuietroomError
from app.export import safetar
from app.export.bundle import export_case
from app.org import load_trust, org_init
from app.review.checklist import Answers, ItemAnswer, checklist_for
from app.review.decision import DECISION, SIGNATURE, STATEMENT, decide
from app.review.decision_verify import (
    FILES,
    LIMITS,
)
from app.review.inbox import open_for_review
from app.vault.vault import Vault
from crypto import cms, pki
from crypto.recovery import parse_recipient
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.interop.bundle_forge import signed_case
from tests.interop.test_export_bundle import build_case

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


def raises(code: str, call: Callable[[], object]) -> QuietroomError:
    with pytest.raises(QuietroomError) as caught:
        call()
    assert caught.value.code == code, (caught.value.code, str(caught.value))
    assert "\n" not in str(caught.value)
    return caught.value
