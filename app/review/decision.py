"""Deciding a review: the decision record, its signature, the countersigned PDF, the .qrr.

A supervisor approves a statement or returns it with comments. The decision file
(`.qrr`, docs/decision-format.md) is an age-encrypted tar, built in memory and written
atomically like a bundle, holding:

    decision.json   the decision (app/resources/schemas/decision-v1.schema.json)
    decision.p7s    the supervisor's detached CMS signature over decision.json
    statement.pdf   approved only: the statement PDF countersigned by the supervisor

encrypted to the interviewer who wrote the statement, every intake member, and the
supervisor. Approval needs every checklist item answered (a comment on each "not met");
a return needs comments. A review is decided once.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage

from app.engine.clock import parse_stamp
from app.engine.engine import Engine
from app.errors import UsageError
from app.export import safetar
from app.export.bundle import intake_recipients
from app.fsutil import Staging, check_output_file, no_such_folder
from app.review.checklist import Answers, check_complete, checklist_for
from app.review.countersign import countersign
from app.review.inbox import is_supervisor, not_a_supervisor, read_review
from crypto import cms
from crypto.recovery import parse_recipient

FORMAT = "quietroom-decision"
VERSION = 1
DECISION = "decision.json"
SIGNATURE = "decision.p7s"
STATEMENT = "statement.pdf"
MAX_COMMENTS = 20_000


@dataclass(frozen=True)
class DecisionResult:
    path: str | None  # None: only in the outbox
    decision_id: str
    review_id: str
    decision: str
    recipients: tuple[str, ...]
    size: int
    queued: bool = False  # in the outbox, for the intake

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "queued": self.queued,
            "decision_id": self.decision_id,
            "review_id": self.review_id,
            "decision": self.decision,
            "recipients": list(self.recipients),
            "size": self.size,
        }


def check_comments(comments: str, *, required: bool) -> str:
    """The decision's comments as stored: NFC, at most 20,000 characters, no control
    characters but line breaks and tabs; required (non-blank) for a return."""
    # Surrounding blank lines (a file's last newline) are not part of what was said.
    text = unicodedata.normalize("NFC", comments.replace("\r\n", "\n")).strip()
    if required and not text.strip():
        raise UsageError(
            "review.comments_required",
            "returning a statement needs comments saying what to change",
        )
    if len(text) > MAX_COMMENTS:
        raise UsageError(
            "review.comments_too_long",
            "the comments are too long (at most {limit} characters)",
            limit=MAX_COMMENTS,
        )
    if any(not c.isprintable() and c not in "\n\t" for c in text):
        raise UsageError(
            "review.comments_bad_character",
            "the comments hold a control character; use plain text",
        )
    return text


def decide(
    engine: Engine,
    ref: str,
    *,
    approve: bool,
    comments: str,
    answers: Answers,
    out: Path | None,
    send: bool = False,
) -> DecisionResult:
    """Decide the review `ref` and write the decision file to `out` and, with `send`,
    queue it in the outbox for the intake (then `out` may be None)."""
    if not is_supervisor(engine):
        raise not_a_supervisor()
    text = check_comments(comments, required=not approve)
    if out is None and not send:
        raise UsageError("review.no_destination", "give --out FILE.qrr, or --send, or both")
    if out is not None:
        if out.exists() and out.is_dir():
            raise UsageError(
                "review.out_is_folder",
                "{path} is a folder; give a file name for the decision",
                path=out,
            )
        if not out.parent.is_dir():
            raise no_such_folder(out.parent)
        check_output_file(out, "decision file", vault_root=engine.vault.root)
    review = engine.review(ref)
    if review.state != "to_review":
        raise UsageError(
            "review.already_decided",
            "this review has already been decided; a review is decided only once",
        )
    contents = read_review(engine, review.id)
    category = contents.record["case"]["category"]
    items = checklist_for(category)
    if approve:
        check_complete(answers, items)
    else:
        known = {item.id for item in items}
        unknown = [a.id for a in answers.items if a.id not in known]
        if unknown:
            raise UsageError(
                "review.answer_for_unknown_item",
                "there is an answer for {item!r}, which is not on this statement's checklist",
                item=unknown[0],
            )
    identity = engine.identity()
    trust = engine.current_trust()
    if trust is None:  # is_supervisor needed one; only a race could lose it
        raise UsageError("identity.no_trust_file", "import the organisation's trust file first")
    me = trust.member_for_certificate(identity.cert)
    author = next((m for m in trust.members if m.fingerprint == review.author_fingerprint), None)
    if author is None:
        raise UsageError(
            "review.author_not_member",
            "the interviewer who wrote this statement is no longer in the trust file; "
            "ask your administrator",
        )
    name = identity.name or (me.name if me else "supervisor")
    pdf = (
        countersign(
            contents.statement_pdf, identity.cert_pem(), identity.key_pem(), signer_name=name
        )
        if approve
        else None
    )
    decided = engine.now()
    guide = contents.record["case"]["guide"]
    decision_id = uuid.uuid4().hex
    verdict = "approved" if approve else "returned"
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "decision_id": decision_id,
        "bundle_id": review.bundle_id,
        "manifest_sha256": review.manifest_sha256,
        "case": {"reference": review.reference, "category": category},
        "decision": verdict,
        "decided": decided,
        "reviewer": {
            "name": name,
            "certificate_fingerprint": identity.fingerprint,
            "member_id": me.member_id if me else None,
        },
        "comments": text,
        "checklist": {
            "guide": guide["id"],
            "guide_version": guide["version"],
            **answers.to_json(),
        },
        "statement_pdf_sha256": hashlib.sha256(pdf).hexdigest() if pdf else None,
    }
    decision = (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    signature = cms.sign_detached(decision, identity.cert, identity.key)
    files = [(DECISION, decision), (SIGNATURE, signature)]
    if pdf is not None:
        files.append((STATEMENT, pdf))
    archive = safetar.pack(files, int(parse_stamp(decided).timestamp()))
    recipients = list(
        dict.fromkeys(
            [
                author.age_recipient,
                *(m.age_recipient for m in trust.by_role("intake")),
                *([identity.age_recipient] if identity.age_recipient else []),
            ]
        )
    )
    if send and not trust.by_role("intake"):
        intake_recipients(trust)  # says why nothing can be sent
    blob = pyrage.encrypt(archive, [parse_recipient(r) for r in recipients])
    # A decision the vault did not record must not travel: the file is written beside
    # `out` and put in place only once the vault has committed the decision, so a crash
    # can never leave a signed decision the review does not know (and a second one).
    with Staging() as staging:
        if out is not None:
            staging.stage(out, blob, "decision file")
        engine.record_review_decision(
            review.id,
            verdict,
            decision,
            decision_id=decision_id,
            outbox_data=blob if send else None,
        )
    return DecisionResult(
        path=str(out) if out is not None else None,
        queued=send,
        decision_id=decision_id,
        review_id=review.id,
        decision=verdict,
        recipients=tuple(recipients),
        size=len(blob),
    )
