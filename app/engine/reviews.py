"""What the vault keeps about supervisor review: the engine's side of it.

A supervisor's vault keeps each bundle opened for review (`reviews`: the ciphertext as
received, with what the inbox lists) and, per review, an append-only record of what was
done with it (`review_events`: opened, read, restricted details shown, decided). An
interviewer's vault keeps the decisions made on its exports (`decisions`). The review
package (app/review/) verifies, reads and builds the files; this module only stores and
finds, each change in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

from app.engine.outbox import OutboxMixin
from app.errors import UsageError
from app.vault.database import Connection

STATES = ("to_review", "approved", "returned")
_REVIEW_COLUMNS = (
    "id, bundle_id, manifest_sha256, reference, category, interviewer, "
    "author_fingerprint, received, state, decided"
)


@dataclass(frozen=True)
class ReviewItem:
    """One review in a supervisor's inbox (never the bundle's content)."""

    id: str
    bundle_id: str
    manifest_sha256: str
    reference: str
    category: str
    interviewer: str
    author_fingerprint: str
    received: str
    state: str
    decided: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "review_id": self.id,
            "bundle_id": self.bundle_id,
            "manifest_sha256": self.manifest_sha256,
            "reference": self.reference,
            "category": self.category,
            "interviewer": self.interviewer,
            "received": self.received,
            "state": self.state,
            "decided": self.decided,
        }


@dataclass(frozen=True)
class ReviewEvent:
    seq: int
    at: str
    action: str


@dataclass(frozen=True)
class CaseDecision:
    """A supervisor's decision on one of this vault's exports, as imported."""

    decision_id: str
    case_id: str
    bundle_id: str
    decision: str
    reviewer: str
    decided: str
    comments: str
    checklist: dict[str, Any]
    imported: str
    has_countersigned_pdf: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "decision_id": self.decision_id,
            "decision": self.decision,
            "reviewer": self.reviewer,
            "decided": self.decided,
            "comments": self.comments,
            "bundle_id": self.bundle_id,
            "checklist": self.checklist,
            "imported": self.imported,
            "countersigned_pdf": self.has_countersigned_pdf,
        }


def review_not_found() -> UsageError:
    return UsageError("review.not_found", "there is no such review in this vault")


class ReviewsMixin(OutboxMixin):
    # --- the supervisor's inbox ------------------------------------------------------

    def store_review(
        self,
        *,
        bundle_id: str,
        manifest_sha256: str,
        reference: str,
        category: str,
        interviewer: str,
        author_fingerprint: str,
        bundle: bytes,
    ) -> tuple[ReviewItem, bool]:
        """Keep a verified bundle for review: (the review, True if it is new). The same
        bundle again finds the review already made; a different bundle claiming the same
        bundle id is refused."""
        with self._tx() as conn:
            row = conn.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE bundle_id = ?", (bundle_id,)
            ).fetchone()
            if row is not None:
                if row[2] != manifest_sha256:
                    raise UsageError(
                        "review.bundle_id_reused",
                        "a different bundle with the same bundle id is already under review; "
                        "nothing was stored",
                    )
                return ReviewItem(*row), False
            review_id = secrets.token_hex(8)
            received = self.now()
            conn.execute(
                "INSERT INTO reviews (id, bundle_id, manifest_sha256, reference, category, "
                "interviewer, author_fingerprint, received, state, bundle) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'to_review', ?)",
                (
                    review_id,
                    bundle_id,
                    manifest_sha256,
                    reference,
                    category,
                    interviewer,
                    author_fingerprint,
                    received,
                    bundle,
                ),
            )
            self._review_event(conn, review_id, "opened", received)
            return self._review_row(conn, review_id), True

    def reviews(self) -> list[ReviewItem]:
        """The inbox, those still to review first, then newest first."""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM reviews "
                "ORDER BY state != 'to_review', received DESC, id"
            ).fetchall()
        return [ReviewItem(*row) for row in rows]

    def review(self, ref: str) -> ReviewItem:
        """A review by its id, or by its bundle's id."""
        with self._read() as conn:
            return self._review_row(conn, ref)

    def review_bundle(self, ref: str) -> bytes:
        """The bundle as received (ciphertext), to be decrypted in memory."""
        with self._read() as conn:
            review_id = self._review_row(conn, ref).id
            row = conn.execute("SELECT bundle FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return bytes(row[0])

    def note_review(self, ref: str, action: str) -> None:
        """Add to the review's own record (e.g. "read", "restricted details shown")."""
        with self._tx() as conn:
            self._review_event(conn, self._review_row(conn, ref).id, action, self.now())

    def review_events(self, ref: str) -> list[ReviewEvent]:
        with self._read() as conn:
            review_id = self._review_row(conn, ref).id
            rows = conn.execute(
                "SELECT seq, at, action FROM review_events WHERE review_id = ? ORDER BY seq",
                (review_id,),
            ).fetchall()
        return [ReviewEvent(*row) for row in rows]

    def record_review_decision(
        self,
        ref: str,
        state: str,
        decision_json: bytes,
        *,
        decision_id: str | None = None,
        outbox_data: bytes | None = None,
    ) -> ReviewItem:
        """Mark a review decided. A review is decided once: a second decision is refused.
        With `outbox_data` (the decision file), queue it for the intake in the same
        transaction, under `decision_id`."""
        if state not in ("approved", "returned"):
            raise ValueError(f"not a decision: {state!r}")
        with self._tx() as conn:
            item = self._review_row(conn, ref)
            if item.state != "to_review":
                raise UsageError(
                    "review.already_decided",
                    "this review has already been decided; a review is decided only once",
                )
            at = self.now()
            conn.execute(
                "UPDATE reviews SET state = ?, decided = ?, decision_json = ? WHERE id = ?",
                (state, at, decision_json, item.id),
            )
            self._review_event(conn, item.id, f"decided: {state}", at)
            if outbox_data is not None:
                if decision_id is None:
                    raise ValueError("a decision queued for the intake needs its id")
                self._queue_outbox(
                    conn,
                    kind="decision",
                    item_id=decision_id,
                    data=outbox_data,
                    label=item.reference,
                    at=at,
                    review_id=item.id,
                    manifest_sha256=hashlib.sha256(decision_json).hexdigest(),
                )
            return self._review_row(conn, item.id)

    def _review_row(self, conn: Connection, ref: str) -> ReviewItem:
        row = conn.execute(
            f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE id = ? OR bundle_id = ? "
            "ORDER BY id = ? DESC LIMIT 1",
            (ref, ref, ref),
        ).fetchone()
        if row is None:
            raise review_not_found()
        return ReviewItem(*row)

    @staticmethod
    def _review_event(conn: Connection, review_id: str, action: str, at: str) -> None:
        conn.execute(
            "INSERT INTO review_events (review_id, seq, at, action) VALUES (?, "
            "(SELECT coalesce(max(seq), 0) + 1 FROM review_events WHERE review_id = ?), ?, ?)",
            (review_id, review_id, at, action),
        )

    # --- the interviewer's side: decisions on this vault's exports -------------------

    def exported_bundle(self, bundle_id: str) -> tuple[str, str, str | None] | None:
        """(case id, manifest SHA-256, signed statement PDF's SHA-256 or None for an
        export made before it was kept) of a bundle this vault exported, or None."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT case_id, manifest_sha256, statement_sha256 FROM exports "
                "WHERE bundle_id = ?",
                (bundle_id,),
            ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def store_decision(
        self,
        *,
        decision_id: str,
        bundle_id: str,
        decision: str,
        reviewer: str,
        decided: str,
        comments: str,
        checklist: dict[str, Any],
        decision_json: bytes,
        decision_sig: bytes,
        countersigned_pdf: bytes | None,
    ) -> tuple[CaseDecision, bool]:
        """Keep a verified decision on one of this vault's exports, and note it in the
        case's audit log: (the decision, True if new). The same decision again is found,
        not stored twice."""
        with self._tx() as conn:
            existing = conn.execute(
                "SELECT decision_json FROM decisions WHERE decision_id = ?", (decision_id,)
            ).fetchone()
            if existing is not None:
                if bytes(existing[0]) != decision_json:
                    raise UsageError(
                        "decision.id_reused",
                        "a different decision with the same id was already imported; "
                        "nothing was changed",
                    )
                return self._decision_row(conn, decision_id), False
            row = conn.execute(
                "SELECT case_id FROM exports WHERE bundle_id = ?", (bundle_id,)
            ).fetchone()
            if row is None:
                raise UsageError(
                    "decision.not_our_bundle",
                    "this decision is about a bundle this vault never exported; "
                    "nothing was changed",
                )
            at = self.now()
            conn.execute(
                "INSERT INTO decisions (decision_id, case_id, bundle_id, decision, reviewer, "
                "decided, comments, checklist, decision_json, decision_sig, countersigned_pdf, "
                "imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    decision_id,
                    row[0],
                    bundle_id,
                    decision,
                    reviewer,
                    decided,
                    comments,
                    json.dumps(checklist, sort_keys=True),
                    decision_json,
                    decision_sig,
                    countersigned_pdf,
                    at,
                ),
            )
            self._audit(
                conn,
                row[0],
                "review",
                {"decision_id": decision_id, "bundle_id": bundle_id, "decision": decision},
                at,
            )
            self._touch(conn, row[0], at)
            return self._decision_row(conn, decision_id), True

    def case_decisions(self, ref: str) -> list[CaseDecision]:
        """The supervisors' decisions on this case's exports, oldest first."""
        with self._read() as conn:
            case_id = self._case_row(conn, ref).id
            ids = conn.execute(
                "SELECT decision_id FROM decisions WHERE case_id = ? ORDER BY decided, imported",
                (case_id,),
            ).fetchall()
            return [self._decision_row(conn, row[0]) for row in ids]

    def countersigned_pdf(self, decision_id: str) -> bytes | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT countersigned_pdf FROM decisions WHERE decision_id = ?", (decision_id,)
            ).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    @staticmethod
    def _decision_row(conn: Connection, decision_id: str) -> CaseDecision:
        row = conn.execute(
            "SELECT decision_id, case_id, bundle_id, decision, reviewer, decided, comments, "
            "checklist, imported, countersigned_pdf IS NOT NULL FROM decisions "
            "WHERE decision_id = ?",
            (decision_id,),
        ).fetchone()
        values = list(row)
        values[7] = json.loads(values[7])
        values[9] = bool(values[9])
        return CaseDecision(*values)
