"""Taking a delivered bundle or decision: verify it with the very checks of
`quietroom-cli verify` / `review verify`, check who sent it and to whom it is addressed,
store it once and answer with its receipt.

Time: once an item has verified, the intake's time-stamping authority stamps the SHA-256
of its manifest.json (a decision's decision.json), just before it is stored; the token
is kept with the row (its `verification`, key `timestamp`) and every receipt for the
item carries it (version 2), whenever that receipt is issued.

Exactly once: an item is verified, then stored with `put_bundle` (`put_decision`), whose
primary key decides between racing uploads in this or another intake process; the
receipt is issued for the stored row and kept, so the same bytes sent again get the same
receipt (200), other bytes under the same id 409.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiohttp import web

from app.export.bundle import MANIFEST
from app.export.checks import Report
from app.export.verify import verify_data
from app.org.trust_format import Member, Trust
from app.review.decision import DECISION
from app.review.decision_verify import DecisionReport, verify_decision_data
from intake import receipts, store, uploads
from intake.context import (
    AUTHOR_UNKNOWN,
    BUNDLE_FAILED,
    DECISION_FAILED,
    MAX_BYTES_PER_SENDER,
    MAX_UPLOADS_PER_SENDER,
    NOT_ADDRESSED,
    NOT_SIGNER,
    OTHER_BUNDLE,
    QUOTA,
    TOO_MANY_RECIPIENTS,
    WRONG_ID,
    Intake,
    answer,
    b64,
    same_member,
    what_of,
)
from intake.db import Database
from intake.identity import INTAKE_ROLE, IntakeIdentity
from intake.refusals import Refused
from intake.store import BundleRow, DecisionRow, Kind
from intake.tls import Caller
from intake.trust_source import LoadedTrust
from intake.tsa import Stamp


@dataclass(frozen=True)
class Stored:
    """An item the intake holds, with its receipt."""

    kind: Kind
    item_id: str
    sha256: str
    size: int
    received: datetime
    receipt: store.Receipt

    def answer(self, created: bool) -> web.Response:
        return answer(
            {
                "kind": self.kind,
                "id": self.item_id,
                "sha256": self.sha256,
                "size": self.size,
                "received": receipts.timestamp(self.received),
                "receipt": b64(self.receipt.receipt_json),
                "signature": b64(self.receipt.receipt_sig),
            },
            status=201 if created else 200,
            headers={"Location": f"/v1/{self.kind}s/{self.item_id}"},
        )


def item_info(
    db: Database, kind: Kind, item_id: str
) -> store.BundleInfo | store.DecisionInfo | None:
    return store.bundle(db, item_id) if kind == "bundle" else store.decision(db, item_id)


def _receipt(
    db: Database,
    kind: Kind,
    info: store.BundleInfo | store.DecisionInfo,
    sender: Member,
    identity: IntakeIdentity,
) -> Stored:
    """The stored item's receipt, issued now if it has none yet (the first answer, or a
    process that stopped between storing the item and its receipt)."""
    item_id = info.bundle_id if isinstance(info, store.BundleInfo) else info.decision_id
    kept = store.receipt_for(db, kind, item_id)
    if kept is None:
        verification = info.verification if isinstance(info.verification, dict) else {}
        data, signature = receipts.issue(
            kind=kind,
            item_id=item_id,
            sha256=info.sha256,
            size=info.size,
            sender=sender,
            received=info.received,
            identity=identity,
            stamp=Stamp.from_json(verification.get("timestamp")),
        )
        kept, _ = store.put_receipt(db, kind, item_id, data, signature)
    return Stored(kind, item_id, info.sha256, info.size, info.received, kept)


def _delivered_by(db: Database, kind: Kind, item_id: str, info: Any, who: Caller) -> bool:
    """Whether `who` is the member who delivered a stored item (by the signing
    certificate then, or by the member id in its receipt, which survives re-issue)."""
    if info.sender_fingerprint == who.fingerprint:
        return True
    kept = store.receipt_for(db, kind, item_id)
    if kept is None or not who.member.member_id:
        return False
    try:
        sender = json.loads(kept.receipt_json)["sender"]
    except (ValueError, KeyError, TypeError):
        return False
    return isinstance(sender, dict) and sender.get("member_id") == who.member.member_id


def already_held(
    db: Database, kind: Kind, item_id: str, sha256: str, who: Caller, identity: IntakeIdentity
) -> Stored | None:
    """The answer for an id the intake already holds: its receipt for the same bytes
    from the member who delivered them, 409 for other bytes; None when not held."""
    info = item_info(db, kind, item_id)
    if info is None:
        return None
    if info.sha256 != sha256:
        raise conflict(kind, item_id)
    if not _delivered_by(db, kind, item_id, info, who):
        raise Refused("intake.not_signer", NOT_SIGNER, status=403, what=what_of(kind))
    return _receipt(db, kind, info, who.member, identity)


def conflict(kind: Kind, item_id: str) -> Refused:
    if kind == "bundle":
        return Refused(
            "intake.bundle_id_conflict",
            store.CONFLICT,
            status=409,
            what="bundle id",
            item_id=item_id,
        )
    return Refused(
        "intake.decision_id_conflict",
        store.CONFLICT,
        status=409,
        what="decision id",
        item_id=item_id,
    )


def check_quota(db: Database, sender: str) -> None:
    with db.connection() as conn:
        row = conn.execute(
            "SELECT count(*), coalesce(sum(received_bytes), 0) FROM uploads "
            f"WHERE sender_fingerprint = %s AND NOT ({uploads.FINISHED})",
            (sender,),
        ).fetchone()
    count, held = (int(row[0]), int(row[1])) if row else (0, 0)
    if count >= MAX_UPLOADS_PER_SENDER or held >= MAX_BYTES_PER_SENDER:
        raise Refused("intake.upload_quota", QUOTA, status=429, count=count, megabytes=held >> 20)


def failed_checks(report: Report) -> str:
    return "; ".join(f"{c.name}: {c.detail}" for c in report.checks if not c.ok)[:2000]


def refuse_report(report: Report, kind: Kind) -> Refused:
    """The 422 for a report that did not pass, with every check in the body."""
    checks = [
        {
            "check": c.name,
            "ok": c.ok,
            "detail": c.detail,
            **({"code": c.reason.code} if c.reason is not None else {}),
        }
        for c in report.checks
    ]
    first = report.checks[0] if report.checks else None
    if (
        first is not None
        and not first.ok
        and first.reason is not None
        and first.reason.code in ("bundle.not_a_recipient", "decision.not_a_recipient")
    ):
        return Refused(
            "intake.not_addressed_to_intake",
            NOT_ADDRESSED,
            status=422,
            extra={"checks": checks},
            what=what_of(kind),
        )
    if kind == "bundle":
        return Refused(
            "verify.failed",
            BUNDLE_FAILED,
            status=422,
            extra={"checks": checks},
            problems=failed_checks(report),
        )
    return Refused(
        "decision.failed",
        DECISION_FAILED,
        status=422,
        extra={"checks": checks},
        problems=failed_checks(report),
    )


def _verify_bundle(data: bytes, identity: IntakeIdentity, trust: Trust) -> Report:
    return verify_data(data, [identity.age_identity], trust.ca_cert, trust)


def _verify_decision(data: bytes, identity: IntakeIdentity, trust: Trust) -> DecisionReport:
    return verify_decision_data(data, [identity.age_identity], trust.ca_cert, trust, ca_only=False)


async def _stamped(intake: Intake, verification: dict[str, Any], imprint_sha256: str) -> None:
    """Add the time stamp over `imprint_sha256` to what the row keeps (nothing for an
    intake without a time-stamping authority: its receipts are version 1)."""
    if intake.tsa is not None:
        stamp = await intake.tsa.stamp_sha256(imprint_sha256)
        verification["timestamp"] = stamp.to_json()


def _recipients(values: Sequence[str], kind: Kind) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(values))
    if not 0 < len(unique) <= store.MAX_RECIPIENTS:
        raise Refused(
            "intake.too_many_recipients", TOO_MANY_RECIPIENTS, status=422, what=what_of(kind)
        )
    return unique


async def accept_bundle(
    intake: Intake, item_id: str, sha256: str, data: bytes, who: Caller, loaded: LoadedTrust
) -> tuple[Stored, bool]:
    trust = loaded.trust
    report = await intake.in_thread(_verify_bundle, data, intake.identity, trust)
    if not report.ok or report.manifest is None:
        raise refuse_report(report, "bundle")
    manifest = report.manifest
    if manifest["bundle_id"] != item_id:
        raise Refused(
            "intake.id_mismatch",
            WRONG_ID,
            status=422,
            what="bundle",
            sent=item_id,
            named=manifest["bundle_id"],
        )
    signed_by = manifest["author"]["certificate_fingerprint"]
    author = next((m for m in trust.members if m.fingerprint == signed_by), None)
    if author is None or not same_member(author, who.member):
        raise Refused("intake.not_signer", NOT_SIGNER, status=403, what="bundle")
    verification = report.to_json()
    verification["manifest_sha256"] = hashlib.sha256(report.files[MANIFEST]).hexdigest()
    await _stamped(intake, verification, verification["manifest_sha256"])
    row = BundleRow(
        bundle_id=item_id,
        ciphertext=data,
        sha256=sha256,
        sender_fingerprint=who.fingerprint,
        verification=verification,
        recipients=_recipients(manifest["recipients"], "bundle"),
        sender_name=who.member.name,
        case_reference=str(manifest["case"]["reference"])[: store.MAX_REFERENCE_CHARS],
    )

    def keep(db: Database) -> tuple[Stored, bool]:
        info, created = store.put_bundle(db, row)
        return _receipt(db, "bundle", info, who.member, intake.identity), created

    return await intake.db_call(keep)


def _decision_recipients(
    db: Database, report: DecisionReport, trust: Trust, reviewer: Member
) -> tuple[str, ...]:
    """Who may fetch a decision: the interviewer who wrote the statement, every intake
    member and the reviewer (the recipients `review decide` encrypts to)."""
    doc = report.decision or {}
    held = store.bundle(db, doc["bundle_id"])
    author: str | None = None
    if held is not None:
        verification = held.verification if isinstance(held.verification, dict) else {}
        if verification.get("manifest_sha256") != doc["manifest_sha256"]:
            raise Refused(
                "intake.decision_other_bundle", OTHER_BUNDLE, status=422, bundle_id=doc["bundle_id"]
            )
        named = verification.get("author")
        if isinstance(named, dict) and isinstance(named.get("age_recipient"), str):
            author = named["age_recipient"]
    if author is None and report.countersign is not None:
        signer = report.countersign.statement_signer_fingerprint
        member = next((m for m in trust.members if m.fingerprint == signer), None)
        author = member.age_recipient if member is not None else None
    if author is None:
        raise Refused(
            "intake.decision_author_unknown", AUTHOR_UNKNOWN, status=422, bundle_id=doc["bundle_id"]
        )
    intakes = [m.age_recipient for m in trust.by_role(INTAKE_ROLE)]
    return _recipients([author, *intakes, reviewer.age_recipient], "decision")


async def accept_decision(
    intake: Intake, item_id: str, sha256: str, data: bytes, who: Caller, loaded: LoadedTrust
) -> tuple[Stored, bool]:
    trust = loaded.trust
    report = await intake.in_thread(_verify_decision, data, intake.identity, trust)
    if not report.ok or report.decision is None or report.signer is None:
        raise refuse_report(report, "decision")
    doc = report.decision
    if doc["decision_id"] != item_id:
        raise Refused(
            "intake.id_mismatch",
            WRONG_ID,
            status=422,
            what="decision file",
            sent=item_id,
            named=doc["decision_id"],
        )
    reviewer = trust.member_for_certificate(report.signer)
    if reviewer is None or not same_member(reviewer, who.member):
        raise Refused("intake.not_signer", NOT_SIGNER, status=403, what="decision")
    verification = report.to_json()
    verification["decision_sha256"] = hashlib.sha256(report.files[DECISION]).hexdigest()
    await _stamped(intake, verification, verification["decision_sha256"])

    def keep(db: Database) -> tuple[Stored, bool]:
        row = DecisionRow(
            decision_id=item_id,
            bundle_id=doc["bundle_id"],
            ciphertext=data,
            sha256=sha256,
            sender_fingerprint=who.fingerprint,
            verification=verification,
            recipients=_decision_recipients(db, report, trust, reviewer),
            sender_name=who.member.name,
        )
        info, created = store.put_decision(db, row)
        return _receipt(db, "decision", info, who.member, intake.identity), created

    return await intake.db_call(keep)


Acceptor = Callable[[Intake, str, str, bytes, Caller, LoadedTrust], Awaitable[tuple[Stored, bool]]]
ACCEPTORS: dict[Kind, Acceptor] = {"bundle": accept_bundle, "decision": accept_decision}
