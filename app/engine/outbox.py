"""What the vault keeps about sync: the outbox, receipts and what was fetched.

An item (a bundle or a decision file, as the ciphertext a file on disk would hold) is
queued in the same transaction as the export or decision that made it, so an export
recorded is an export queued. Its state moves queued → sending (bytes the intake holds)
→ delivered (with the intake's verified receipt) or refused (with the intake's reason),
each change in one short transaction: the sync package does the network work between
them, never while holding the vault. The sync package (app/sync/) checks receipts; this
module only stores and finds. With each item goes the SHA-256 of its manifest.json (a
decision's decision.json), which the intake's receipt time-stamps (NULL for items queued
before the vault recorded it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from app.engine.base import EngineBase
from app.errors import UsageError
from app.vault.database import Connection

Kind = Literal["bundle", "decision"]
STATES = ("queued", "sending", "delivered", "refused")
SYNC_URL = "sync_url"
_COLUMNS = (
    "item_id, kind, case_id, review_id, label, sha256, size, state, bytes_sent, queued, "
    "attempts, next_attempt, last_error, reason_code, reason, delivered, receipt_json, "
    "receipt_sig, manifest_sha256"
)


@dataclass(frozen=True)
class OutboxItem:
    item_id: str
    kind: Kind
    case_id: str | None
    review_id: str | None
    label: str  # the case reference, for lists
    sha256: str
    size: int
    state: str
    bytes_sent: int
    queued: str
    attempts: int
    next_attempt: str | None
    last_error: str | None  # why the last attempt did not finish (offline, busy…)
    reason_code: str | None  # refused: the intake's code
    reason: str | None  # refused: the intake's sentence
    delivered: str | None
    receipt_json: bytes | None
    receipt_sig: bytes | None
    # The SHA-256 of the item's manifest.json (decision.json): what the receipt's time
    # stamp must be over. None for an item queued before it was recorded.
    manifest_sha256: str | None = None

    @property
    def receipt(self) -> dict[str, Any] | None:
        import json

        return json.loads(self.receipt_json) if self.receipt_json else None

    def to_json(self) -> dict[str, Any]:
        """The `sync status --json` item."""
        return {
            "bundle_id": self.item_id,
            "kind": self.kind,
            "case_reference": self.label,
            "state": self.state,
            "bytes_sent": self.bytes_sent,
            "size": self.size,
            "sha256": self.sha256,
            "manifest_sha256": self.manifest_sha256,
            "queued": self.queued,
            "attempts": self.attempts,
            "next_attempt": self.next_attempt,
            "last_error": self.last_error,
            "receipt": self.receipt,
            "reason": self.reason,
            "reason_code": self.reason_code,
        }


def outbox_item_not_found() -> UsageError:
    return UsageError("sync.not_found", "nothing in the outbox has that id; see 'sync status'")


class OutboxMixin(EngineBase):
    @staticmethod
    def _queue_outbox(
        conn: Connection,
        *,
        kind: Kind,
        item_id: str,
        data: bytes,
        label: str,
        at: str,
        case_id: str | None = None,
        review_id: str | None = None,
        manifest_sha256: str | None = None,
    ) -> None:
        """Queue an item inside the caller's transaction (the export or decision's own),
        with the SHA-256 of its manifest.json (decision.json) for checking its receipt."""
        conn.execute(
            "INSERT INTO outbox (item_id, kind, case_id, review_id, label, sha256, size, "
            "state, queued, manifest_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
            (
                item_id,
                kind,
                case_id,
                review_id,
                label,
                hashlib.sha256(data).hexdigest(),
                len(data),
                at,
                manifest_sha256,
            ),
        )
        conn.execute("INSERT INTO outbox_data (item_id, data) VALUES (?, ?)", (item_id, data))

    def outbox(self, *, case_id: str | None = None) -> list[OutboxItem]:
        """Every item, oldest first (or a case's own)."""
        where, args = ("WHERE case_id = ?", (case_id,)) if case_id else ("", ())
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox {where} ORDER BY queued, item_id", args
            ).fetchall()
        return [_item(row) for row in rows]

    def outbox_item(self, item_id: str) -> OutboxItem:
        with self._read() as conn:
            return self._outbox_row(conn, item_id)

    def outbox_data(self, item_id: str) -> bytes:
        with self._read() as conn:
            row = conn.execute(
                "SELECT data FROM outbox_data WHERE item_id = ?", (item_id,)
            ).fetchone()
        if row is None:
            raise outbox_item_not_found()
        return bytes(row[0])

    def outbox_due(self, now: str) -> list[OutboxItem]:
        """Items still to deliver whose next attempt is due, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE state IN ('queued', 'sending') AND "
                "(next_attempt IS NULL OR next_attempt <= ?) ORDER BY queued, item_id",
                (now,),
            ).fetchall()
        return [_item(row) for row in rows]

    def outbox_progress(self, item_id: str, bytes_sent: int) -> None:
        """The intake holds `bytes_sent` bytes of the item."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'sending', bytes_sent = ?, last_error = NULL "
                "WHERE item_id = ? AND state IN ('queued', 'sending')",
                (bytes_sent, item_id),
            )

    def outbox_retry_later(self, item_id: str, next_attempt: str, error: str) -> None:
        """The attempt did not finish (the intake busy, the link dropped): try again at
        `next_attempt`. `error` is a code, never case content."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ? "
                "WHERE item_id = ? AND state IN ('queued', 'sending')",
                (next_attempt, error, item_id),
            )

    def outbox_delivered(self, item_id: str, receipt_json: bytes, receipt_sig: bytes) -> None:
        """Delivered: the caller has verified the receipt."""
        with self._tx() as conn:
            item = self._outbox_row(conn, item_id)
            conn.execute(
                "UPDATE outbox SET state = 'delivered', bytes_sent = size, next_attempt = NULL, "
                "last_error = NULL, receipt_json = ?, receipt_sig = ?, delivered = ? "
                "WHERE item_id = ? AND state != 'delivered'",
                (receipt_json, receipt_sig, self.now(), item_id),
            )
            if item.case_id is not None and item.state != "delivered":
                self._audit(
                    conn, item.case_id, "delivered", {"bundle_id": item_id, "sha256": item.sha256}
                )

    def outbox_refused(self, item_id: str, code: str, reason: str) -> None:
        """Refused by the intake for good (sending it again would change nothing)."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'refused', next_attempt = NULL, reason_code = ?, "
                "reason = ? WHERE item_id = ? AND state IN ('queued', 'sending')",
                (code, reason, item_id),
            )

    def outbox_requeue(self, item_id: str) -> OutboxItem:
        """Queue a refused item again (after the administrator fixed the cause)."""
        with self._tx() as conn:
            item = self._outbox_row(conn, item_id)
            if item.state == "refused":
                conn.execute(
                    "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt = NULL, "
                    "reason_code = NULL, reason = NULL WHERE item_id = ?",
                    (item_id,),
                )
            return self._outbox_row(conn, item_id)

    # --- what was fetched --------------------------------------------------------------

    def sync_seen(self, kind: str) -> set[str]:
        with self._read() as conn:
            rows = conn.execute("SELECT item_id FROM sync_seen WHERE kind = ?", (kind,))
            return {row[0] for row in rows}

    def note_sync_seen(self, kind: str, item_id: str, outcome: str) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO sync_seen (kind, item_id, outcome, at) VALUES (?, ?, ?, ?)",
                (kind, item_id, outcome, self.now()),
            )

    # --- where the intake is ------------------------------------------------------------

    def sync_url(self) -> str | None:
        """The intake address set with `sync configure` (None: the trust file's)."""
        return self.vault.meta(SYNC_URL)

    def set_sync_url(self, url: str | None) -> None:
        with self._tx() as conn:
            if url is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (SYNC_URL,))
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SYNC_URL, url)
                )

    @staticmethod
    def _outbox_row(conn: Connection, item_id: str) -> OutboxItem:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE item_id = ?", (item_id,)
        ).fetchone()
        if row is None:
            raise outbox_item_not_found()
        return _item(row)


def _item(row: Any) -> OutboxItem:
    values = list(row)
    for i in (16, 17):
        values[i] = bytes(values[i]) if values[i] is not None else None
    return OutboxItem(*values)
