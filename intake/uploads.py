"""Resumable uploads in progress: chunks taken only where an upload stands.

`append_chunk` takes a chunk only at the offset where the upload stands (the upload's
row is locked while it does); a repeated chunk (same offset, same bytes) changes
nothing; `assemble` hands back the bytes once they are complete and match their SHA-256
(see the uploads tables in intake/migrations.py). An upload belongs to its sender and
its SHA-256. Chunks of at most 8 MiB; stale uploads are discarded by the server's sweep.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from intake.db import Connection, Database
from intake.errors import BadOffset, UploadDamaged, UploadRefused
from intake.store import (
    BAD_OFFSET,
    BAD_RANGE,
    BAD_SIZE,
    CHUNK_BEYOND,
    CHUNK_TOO_LARGE,
    EMPTY,
    INCOMPLETE,
    MAX_CHUNK_BYTES,
    MAX_ITEM_BYTES,
    MIB,
    NO_UPLOAD,
    TOO_LARGE,
    TOTAL_CHANGED,
    UPLOAD_HASH_MISMATCH,
    Kind,
    check_id,
    check_kind,
    check_sender,
    check_sha256,
)


@dataclass(frozen=True)
class UploadState:
    received_bytes: int
    total: int

    @property
    def complete(self) -> bool:
        return self.received_bytes == self.total


_UPLOAD_KEY = "kind = %s AND item_id = %s AND sha256 = %s AND sender_fingerprint = %s"


def _upload_key(kind: object, item_id: object, sha256: object, sender: object) -> tuple[str, ...]:
    checked = check_kind(kind)
    return (checked, check_id(item_id, checked), check_sha256(sha256), check_sender(sender))


def append_chunk(
    db: Database,
    item_id: str,
    sha256: str,
    offset: int,
    data: bytes,
    *,
    sender: str,
    total: int,
    kind: Kind = "bundle",
) -> int:
    """Add `data` at `offset` to the upload of (kind, item_id, sha256) by `sender`,
    declared as `total` bytes long (Content-Range: bytes A-B/TOTAL); the bytes received
    so far, after it. The first chunk starts the upload.

    A chunk is taken only at the offset the upload stands at; the same chunk again (same
    offset, same bytes, say after a lost answer) changes nothing and is answered with the
    current count; anything else raises BadOffset carrying the expected offset.

    The server answers an id it already holds (the same bytes: the stored receipt) before
    taking chunks for it, and keeps each sender's uploads within its quotas."""
    key = _upload_key(kind, item_id, sha256, sender)
    what = "the bundle" if key[0] == "bundle" else "the decision file"
    if not isinstance(total, int) or isinstance(total, bool) or total <= 0:
        raise UploadRefused("intake.bad_size", BAD_SIZE)
    if total > MAX_ITEM_BYTES:
        raise UploadRefused(
            "intake.too_large", TOO_LARGE, what=what, limit_mib=MAX_ITEM_BYTES // MIB
        )
    if not isinstance(data, bytes) or not data:
        raise UploadRefused("intake.empty", EMPTY, what="the chunk")
    if len(data) > MAX_CHUNK_BYTES:
        raise UploadRefused(
            "intake.chunk_too_large", CHUNK_TOO_LARGE, limit_mib=MAX_CHUNK_BYTES // MIB
        )
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise UploadRefused("intake.bad_range", BAD_RANGE, what="the offset")
    if offset + len(data) > total:
        raise UploadRefused("intake.chunk_beyond_end", CHUNK_BEYOND)
    with db.connection() as conn:
        conn.execute(
            "INSERT INTO uploads (kind, item_id, sha256, sender_fingerprint, total) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (*key, total),
        )
        # The lock that makes appends to one upload take turns (the schema explains).
        row = conn.execute(
            f"SELECT total, received_bytes FROM uploads WHERE {_UPLOAD_KEY} FOR UPDATE", key
        ).fetchone()
        assert row is not None  # inserted above, or already there; uploads are locked
        stored_total, received = int(row[0]), int(row[1])
        if stored_total != total:
            raise UploadRefused("intake.upload_size_changed", TOTAL_CHANGED, total=stored_total)
        if offset == received:
            conn.execute(
                "INSERT INTO upload_chunks (kind, item_id, sha256, sender_fingerprint, start, "
                "data) VALUES (%s, %s, %s, %s, %s, %s)",
                (*key, offset, data),
            )
            conn.execute(
                f"UPDATE uploads SET received_bytes = %s, updated = now() WHERE {_UPLOAD_KEY}",
                (received + len(data), *key),
            )
            return received + len(data)
        if offset < received and _same_chunk(conn, key, offset, data):
            return received
        # Raised inside the transaction, so an upload this call just started is undone.
        raise BadOffset("intake.bad_offset", BAD_OFFSET, offset=offset, expected=received)


def _same_chunk(conn: Connection, key: tuple[str, ...], offset: int, data: bytes) -> bool:
    row = conn.execute(
        f"SELECT data = %s FROM upload_chunks WHERE {_UPLOAD_KEY} AND start = %s",
        (data, *key, offset),
    ).fetchone()
    return bool(row and row[0])


def upload_state(
    db: Database, item_id: str, sha256: str, *, sender: str, kind: Kind = "bundle"
) -> UploadState | None:
    """How far the upload stands (for HEAD), or None when there is none."""
    key = _upload_key(kind, item_id, sha256, sender)
    with db.connection() as conn:
        row = conn.execute(
            f"SELECT received_bytes, total FROM uploads WHERE {_UPLOAD_KEY}", key
        ).fetchone()
    return UploadState(int(row[0]), int(row[1])) if row is not None else None


def assemble(
    db: Database, item_id: str, sha256: str, *, sender: str, kind: Kind = "bundle"
) -> bytes:
    """The uploaded bytes, once complete and matching their SHA-256. A complete upload
    whose bytes do not match can never become right: it is discarded and UploadDamaged
    raised, so the sender starts again from byte 0. The upload itself stays until
    `discard_upload` (after the item is stored)."""
    key = _upload_key(kind, item_id, sha256, sender)
    with db.connection() as conn:
        row = conn.execute(
            f"SELECT received_bytes, total FROM uploads WHERE {_UPLOAD_KEY} FOR SHARE", key
        ).fetchone()
        if row is None:
            raise UploadRefused("intake.no_upload", NO_UPLOAD)
        received, total = int(row[0]), int(row[1])
        if received != total:
            raise UploadRefused(
                "intake.upload_incomplete", INCOMPLETE, received=received, total=total
            )
        parts: list[bytes] = []
        digest = hashlib.sha256()
        position = 0
        # A server-side cursor streams the chunks a few at a time instead of holding
        # the whole result twice (libpq's buffer and ours).
        with conn.cursor("assemble_upload", binary=True) as cur:
            cur.itersize = 4
            cur.execute(
                f"SELECT start, data FROM upload_chunks WHERE {_UPLOAD_KEY} ORDER BY start",
                key,
            )
            for start, chunk in cur:
                if start != position:
                    break
                chunk = bytes(chunk)
                parts.append(chunk)
                digest.update(chunk)
                position += len(chunk)
    if position == total and digest.hexdigest() == sha256:
        return b"".join(parts)
    discard_upload(db, item_id, sha256, sender=sender, kind=kind)
    raise UploadDamaged("intake.upload_hash_mismatch", UPLOAD_HASH_MISMATCH)


def discard_upload(
    db: Database, item_id: str, sha256: str, *, sender: str, kind: Kind = "bundle"
) -> bool:
    """Forget an upload and its chunks; whether there was one."""
    key = _upload_key(kind, item_id, sha256, sender)
    with db.connection() as conn:
        cur = conn.execute(f"DELETE FROM uploads WHERE {_UPLOAD_KEY}", key)
        return cur.rowcount > 0


# An upload whose item the intake already holds is finished, whatever its age (one left
# behind when discarding it after the item was stored met a database outage).
FINISHED = (
    "(kind = 'bundle' AND EXISTS (SELECT 1 FROM bundles b WHERE b.bundle_id = item_id)) OR "
    "(kind = 'decision' AND EXISTS (SELECT 1 FROM decisions d WHERE d.decision_id = item_id))"
)


def discard_stale_uploads(db: Database, older_than: timedelta) -> int:
    """Forget uploads that received nothing for `older_than`, and finished ones whose
    item is stored; how many."""
    with db.connection() as conn:
        cur = conn.execute(
            f"DELETE FROM uploads WHERE updated < now() - %s OR {FINISHED}", (older_than,)
        )
        return cur.rowcount
