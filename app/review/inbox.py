"""The supervisor's review inbox: opening a bundle for review, and reading one.

A bundle is verified with every check `verify` makes (app/export/verify.py), with this
vault's own age identity and stored trust file, before anything is kept. Only a bundle
that passes is stored, whole and still encrypted, in the vault (app/engine/reviews.py);
a failing one is reported check by check and nothing of it is kept. Only a member whose
certificate the trust file lists as a supervisor may open bundles for review; anyone
else sees the verification report only.

Reading a review decrypts the stored bundle in memory and verifies it again (the trust
file may have changed since it arrived), so nothing readable is ever written to disk.
Each read, and each look at the restricted details, is added to the review's record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.engine.engine import Engine
from app.engine.reviews import ReviewItem
from app.errors import UsageError, VerificationError
from app.export.checks import Report
from app.export.verify import read_bundle, verify_data
from app.org import Identity, Trust
from app.review.summary import RecordSummary, summarise

SUPERVISOR = "supervisor"


@dataclass(frozen=True)
class ReviewContents:
    """A review opened for reading, held in memory only."""

    review: ReviewItem
    report: Report
    record: dict[str, Any]
    summary: RecordSummary
    statement_pdf: bytes = field(repr=False)


@dataclass(frozen=True)
class Opened:
    """What opening a bundle for review did: the report always; the review, and its
    contents ready to read (already verified), when it was stored."""

    report: Report
    review: ReviewItem | None = None
    created: bool = False
    contents: ReviewContents | None = field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.report.to_json(),
            "review": self.review.to_json() if self.review else None,
            "created": self.created,
        }


def _context(engine: Engine) -> tuple[Identity, Trust]:
    """This vault's identity and trust file, loaded (and the trust file verified) once
    per operation."""
    identity = engine.identity()
    trust = engine.trust()
    if identity.age_identity is None:
        raise UsageError(
            "identity.no_age_identity",
            "this vault has no age identity to open bundles with; import it with your identity",
        )
    if trust is None:
        raise UsageError("identity.no_trust_file", "import the organisation's trust file first")
    return identity, trust


def _supervises(identity: Identity, trust: Trust) -> bool:
    member = trust.member_for_certificate(identity.cert)
    return member is not None and member.role == SUPERVISOR


def is_supervisor(engine: Engine) -> bool:
    """True when this vault's identity is listed as a supervisor in its trust file."""
    return _supervises(*_context(engine))


def not_a_supervisor() -> UsageError:
    return UsageError(
        "review.not_supervisor",
        "only a supervisor can open a bundle for review; nothing was stored",
    )


def _verify(identity: Identity, trust: Trust, data: bytes) -> Report:
    return verify_data(data, [identity.age_identity], trust.ca_cert, trust)


def _contents(review: ReviewItem, report: Report) -> ReviewContents:
    record = json.loads(report.files["record.json"])
    return ReviewContents(
        review=review,
        report=report,
        record=record,
        summary=summarise(record),
        statement_pdf=report.files["statement.pdf"],
    )


def open_for_review(engine: Engine, bundle: Path) -> Opened:
    """Verify a bundle and, if it passes and this vault is a supervisor's, keep it.

    A bundle that fails is returned with its report and nothing is stored; opening the
    same bundle again finds the review already made."""
    return open_data_for_review(engine, read_bundle(bundle))


def open_data_for_review(engine: Engine, data: bytes) -> Opened:
    """`open_for_review` for a bundle's bytes (one fetched from the intake)."""
    identity, trust = _context(engine)
    report = _verify(identity, trust, data)
    if not report.ok:
        return Opened(report)
    if not _supervises(identity, trust):
        raise not_a_supervisor()
    manifest = report.manifest or {}
    record = json.loads(report.files["record.json"])
    author = manifest["author"]
    review, created = engine.store_review(
        bundle_id=manifest["bundle_id"],
        manifest_sha256=hashlib.sha256(report.files["manifest.json"]).hexdigest(),
        reference=record["case"]["reference"],
        category=record["case"]["category"],
        interviewer=author["name"],
        author_fingerprint=author["certificate_fingerprint"],
        bundle=data,
    )
    return Opened(report, review, created, _contents(review, report))


def read_review(engine: Engine, ref: str) -> ReviewContents:
    """Decrypt and re-verify a stored review in memory (the trust file may have changed
    since it arrived); noted in the review's record."""
    identity, trust = _context(engine)
    if not _supervises(identity, trust):
        raise not_a_supervisor()
    review = engine.review(ref)
    report = _verify(identity, trust, engine.review_bundle(review.id))
    if not report.ok:
        failed = "; ".join(c.detail for c in report.checks if not c.ok)
        raise VerificationError(
            "review.no_longer_verifies",
            "this bundle no longer verifies: {problems}",
            problems=failed,
        )
    engine.note_review(review.id, "read")
    return _contents(review, report)


def restricted_details(engine: Engine, ref: str) -> dict[str, Any]:
    """The survivor's restricted details (address, phone…) of a review: shown only on an
    explicit request, and every request is noted in the review's record."""
    contents = read_review(engine, ref)
    engine.note_review(contents.review.id, "restricted details shown")
    details = json.loads(contents.report.files["restricted.json"])
    return details if isinstance(details, dict) else {}
