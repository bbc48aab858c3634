"""What the intake keeps, read and written as the server needs it: bundles, review
decisions, their receipts, and resumable uploads in progress.

Every function takes a `Database` and runs one transaction of its own. Inputs are
checked here too (ids, hashes, sizes, recipients), so bad input is one clear error with
a stable code whatever calls the store; the schema's CHECK constraints are the second
line. The server maps the codes to HTTP answers.

Exactly once: a bundle's id (a decision's id) is its idempotency key. `put_bundle`
inserts with `ON CONFLICT (bundle_id) DO NOTHING` and, when another transaction (in this
process or another intake process) got there first, reads that row back and compares the
SHA-256: the same bytes give the stored row (`created` False), different bytes raise
IntakeConflict. The primary key decides, never timing.

Resumable uploads in progress are intake/uploads.py. Limits: an item
(bundle or decision file) of at most 512 MiB (app/export/verify.py MAX_BUNDLE_BYTES),
chunks of at most 8 MiB.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from app.errors import UsageError
from app.export.verify import MAX_BUNDLE_BYTES
from intake.db import Database
from intake.errors import IntakeConflict, UploadDamaged, UploadRefused

Kind = Literal["bundle", "decision"]
KINDS: tuple[Kind, ...] = ("bundle", "decision")

MIB = 1024 * 1024
# A decision file holds the countersigned statement PDF (up to 256 MiB on its own), so
# decisions share the bundles' ceiling.
MAX_ITEM_BYTES = MAX_BUNDLE_BYTES
MAX_CHUNK_BYTES = 8 * MIB
MAX_RECIPIENTS = 64  # the most stanzas an age header from outside may hold
MAX_RECIPIENT_CHARS = 1000
MAX_SENDER_CHARS = 256
MAX_NAME_CHARS = 1000
MAX_REFERENCE_CHARS = 200
MAX_RECEIPT_PART = MIB  # receipt.json and its signature, each
RETRIES = 5  # an insert that met a row deleted before it could be read tries again
QUEUE_LIMIT = 500  # items per page of a queue
MAX_QUEUE_LIMIT = 1000

ID = re.compile(r"[0-9a-f]{32}")
SHA256 = re.compile(r"[0-9a-f]{64}")

BAD_ID = "{what} must be 32 lowercase hexadecimal digits"
BAD_SHA256 = "a SHA-256 must be 64 lowercase hexadecimal digits"
BAD_SENDER = "the sender must be a fingerprint or member id of 1 to 256 characters"
BAD_RECIPIENTS = "an item must name 1 to 64 recipients, each one word of at most 1000 characters"
BAD_RECIPIENT = "a recipient must be one word of at most 1000 characters"
TEXT_TOO_LONG = "{what} is longer than {limit} characters"
BAD_VERIFICATION = "the verification result must be JSON"
EMPTY = "{what} is empty"
TOO_LARGE = "{what} is larger than the intake accepts ({limit_mib} MiB)"
HASH_MISMATCH = "the bytes do not match the SHA-256 given for them"
CONFLICT = "the intake already holds different bytes under the {what} {item_id}"
NO_SUCH_ITEM = "the intake holds no {kind} with the id {item_id}"
BAD_RANGE = "{what} is outside the item"
BAD_KIND = "an item is a bundle or a decision"
BAD_LIMIT = "a page of the queue holds 1 to 1000 items"
CHUNK_TOO_LARGE = "a chunk may be at most {limit_mib} MiB"
BAD_SIZE = "the declared size must be a whole number of bytes, at least 1"
CHUNK_BEYOND = "the chunk ends beyond the size declared for the upload"
TOTAL_CHANGED = "the upload was started with another size ({total} bytes)"
BAD_OFFSET = "the chunk starts at byte {offset}, but the upload stands at byte {expected}"
NO_UPLOAD = "there is no upload in progress for that item"
INCOMPLETE = "the upload is not complete: {received} of {total} bytes"
UPLOAD_HASH_MISMATCH = (
    "the uploaded bytes do not match their SHA-256; the upload was discarded, "
    "send it again from the start"
)


# --- rows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BundleRow:
    """A verified bundle for `put_bundle`: the ciphertext and what the server learned."""

    bundle_id: str
    ciphertext: bytes = field(repr=False)
    sha256: str
    sender_fingerprint: str
    verification: Any  # the check list (JSON)
    recipients: tuple[str, ...]
    sender_name: str | None = None
    case_reference: str | None = None


@dataclass(frozen=True)
class BundleInfo:
    """A stored bundle without its ciphertext."""

    bundle_id: str
    sha256: str
    size: int
    sender_fingerprint: str
    sender_name: str | None
    received: datetime
    verification: Any
    case_reference: str | None
    recipients: tuple[str, ...]

    @property
    def cursor(self) -> tuple[datetime, str]:
        """Where a queue page that ends with this bundle continues (`after=`)."""
        return self.received, self.bundle_id


@dataclass(frozen=True)
class DecisionRow:
    """A verified decision file for `put_decision`."""

    decision_id: str
    bundle_id: str
    ciphertext: bytes = field(repr=False)
    sha256: str
    sender_fingerprint: str
    verification: Any
    recipients: tuple[str, ...]
    sender_name: str | None = None


@dataclass(frozen=True)
class DecisionInfo:
    """A stored decision without its ciphertext."""

    decision_id: str
    bundle_id: str
    sha256: str
    size: int
    sender_fingerprint: str
    sender_name: str | None
    received: datetime
    verification: Any
    recipients: tuple[str, ...]

    @property
    def cursor(self) -> tuple[datetime, str]:
        return self.received, self.decision_id


@dataclass(frozen=True)
class Receipt:
    """A signed receipt: receipt.json exactly as signed, and its detached signature."""

    kind: Kind
    item_id: str
    receipt_json: bytes = field(repr=False)
    receipt_sig: bytes = field(repr=False)
    issued: datetime


# --- checks ---------------------------------------------------------------------------


def _what_id(kind: Kind) -> str:
    return "a bundle id" if kind == "bundle" else "a decision id"


def check_kind(kind: object) -> Kind:
    if kind == "bundle":
        return "bundle"
    if kind == "decision":
        return "decision"
    raise UsageError("intake.bad_kind", BAD_KIND)


def check_id(value: object, kind: Kind = "bundle") -> str:
    if not isinstance(value, str) or not ID.fullmatch(value):
        raise UsageError("intake.bad_id", BAD_ID, what=_what_id(kind))
    return value


def check_sha256(value: object) -> str:
    if not isinstance(value, str) or not SHA256.fullmatch(value):
        raise UsageError("intake.bad_sha256", BAD_SHA256)
    return value


def check_sender(value: object) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_SENDER_CHARS:
        raise UsageError("intake.bad_sender", BAD_SENDER)
    return value


def _one_word(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_RECIPIENT_CHARS
        and value.isprintable()
        and not any(c.isspace() for c in value)
    )


def check_recipient(value: object) -> str:
    if not _one_word(value):
        raise UsageError("intake.bad_recipient", BAD_RECIPIENT)
    assert isinstance(value, str)
    return value


def check_recipients(values: object) -> list[str]:
    if (
        isinstance(values, str | bytes)
        or not isinstance(values, Sequence)
        or not 0 < len(values) <= MAX_RECIPIENTS
        or not all(_one_word(v) for v in values)
    ):
        raise UsageError("intake.bad_recipients", BAD_RECIPIENTS)
    return [str(v) for v in values]


def _check_text(value: object, what: str, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise UsageError("intake.text_too_long", TEXT_TOO_LONG, what=what, limit=limit)
    return value


def _check_json(value: object) -> Jsonb:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        raise UsageError("intake.bad_verification", BAD_VERIFICATION) from None
    return Jsonb(value)


def _check_content(data: object, sha256: str, what: str) -> bytes:
    if not isinstance(data, bytes) or not data:
        raise UsageError("intake.empty", EMPTY, what=what)
    if len(data) > MAX_ITEM_BYTES:
        raise UploadRefused(
            "intake.too_large", TOO_LARGE, what=what, limit_mib=MAX_ITEM_BYTES // MIB
        )
    if hashlib.sha256(data).hexdigest() != sha256:
        raise UploadDamaged("intake.hash_mismatch", HASH_MISMATCH)
    return data


def _check_limit(limit: int) -> int:
    if not isinstance(limit, int) or not 0 < limit <= MAX_QUEUE_LIMIT:
        raise UsageError("intake.bad_limit", BAD_LIMIT)
    return limit


# --- items: bundles and decisions -------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    kind: Kind
    name: str
    key: str
    meta: tuple[str, ...]  # the columns read back (everything but the ciphertext)
    conflict_code: str


BUNDLES = _Table(
    "bundle",
    "bundles",
    "bundle_id",
    (
        "bundle_id",
        "sha256",
        "size",
        "sender_fingerprint",
        "sender_name",
        "received",
        "verification",
        "case_reference",
        "recipients",
    ),
    "intake.bundle_id_conflict",
)
DECISIONS = _Table(
    "decision",
    "decisions",
    "decision_id",
    (
        "decision_id",
        "bundle_id",
        "sha256",
        "size",
        "sender_fingerprint",
        "sender_name",
        "received",
        "verification",
        "recipients",
    ),
    "intake.decision_id_conflict",
)
TABLES = {"bundle": BUNDLES, "decision": DECISIONS}


def _columns(names: Sequence[str]) -> sql.Composable:
    return sql.SQL(", ").join(map(sql.Identifier, names))


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _bundle_info(row: Sequence[Any]) -> BundleInfo:
    values = dict(zip(BUNDLES.meta, row, strict=True))
    values["received"] = _utc(values["received"])
    values["recipients"] = tuple(values["recipients"])
    return BundleInfo(**values)


def _decision_info(row: Sequence[Any]) -> DecisionInfo:
    values = dict(zip(DECISIONS.meta, row, strict=True))
    values["received"] = _utc(values["received"])
    values["recipients"] = tuple(values["recipients"])
    return DecisionInfo(**values)


def _insert_once(
    db: Database, table: _Table, values: dict[str, object]
) -> tuple[Sequence[Any], bool]:
    """Insert a row unless its key is taken; (the stored row's meta columns, created)."""
    insert = sql.SQL(
        "INSERT INTO {table} ({columns}) VALUES ({values}) "
        "ON CONFLICT ({key}) DO NOTHING RETURNING {meta}"
    ).format(
        table=sql.Identifier(table.name),
        columns=_columns(list(values)),
        values=sql.SQL(", ").join(sql.Placeholder() * len(values)),
        key=sql.Identifier(table.key),
        meta=_columns(table.meta),
    )
    select = sql.SQL("SELECT {meta} FROM {table} WHERE {key} = %s").format(
        meta=_columns(table.meta), table=sql.Identifier(table.name), key=sql.Identifier(table.key)
    )
    for _ in range(RETRIES):
        with db.connection() as conn:
            row = conn.execute(insert, list(values.values())).fetchone()
            if row is not None:
                return row, True
            # Another transaction holds the key and has committed (ON CONFLICT waited for
            # it); under READ COMMITTED this statement sees its row.
            row = conn.execute(select, (values[table.key],)).fetchone()
            if row is not None:
                return row, False
        # The row was deleted between the two statements (retention): insert again.
    raise RuntimeError(f"{table.name}: a row kept vanishing between insert and read")


def put_bundle(db: Database, row: BundleRow) -> tuple[BundleInfo, bool]:
    """Store a verified bundle once; (the stored bundle, whether this call created it).
    The same bytes again give the stored row; different bytes raise IntakeConflict."""
    check_id(row.bundle_id, "bundle")
    check_sha256(row.sha256)
    values: dict[str, object] = {
        "bundle_id": row.bundle_id,
        "ciphertext": _check_content(row.ciphertext, row.sha256, "the bundle"),
        "sha256": row.sha256,
        "size": len(row.ciphertext),
        "sender_fingerprint": check_sender(row.sender_fingerprint),
        "sender_name": _check_text(row.sender_name, "the sender's name", MAX_NAME_CHARS),
        "verification": _check_json(row.verification),
        "case_reference": _check_text(
            row.case_reference, "the case reference", MAX_REFERENCE_CHARS
        ),
        "recipients": check_recipients(row.recipients),
    }
    stored, created = _insert_once(db, BUNDLES, values)
    info = _bundle_info(stored)
    if info.sha256 != row.sha256:
        raise IntakeConflict(
            "intake.bundle_id_conflict", CONFLICT, what="bundle id", item_id=row.bundle_id
        )
    return info, created


def put_decision(db: Database, row: DecisionRow) -> tuple[DecisionInfo, bool]:
    """Store a verified decision file once, as `put_bundle` does bundles."""
    check_id(row.decision_id, "decision")
    check_id(row.bundle_id, "bundle")
    check_sha256(row.sha256)
    values: dict[str, object] = {
        "decision_id": row.decision_id,
        "bundle_id": row.bundle_id,
        "ciphertext": _check_content(row.ciphertext, row.sha256, "the decision file"),
        "sha256": row.sha256,
        "size": len(row.ciphertext),
        "sender_fingerprint": check_sender(row.sender_fingerprint),
        "sender_name": _check_text(row.sender_name, "the sender's name", MAX_NAME_CHARS),
        "verification": _check_json(row.verification),
        "recipients": check_recipients(row.recipients),
    }
    stored, created = _insert_once(db, DECISIONS, values)
    info = _decision_info(stored)
    if info.sha256 != row.sha256:
        raise IntakeConflict(
            "intake.decision_id_conflict", CONFLICT, what="decision id", item_id=row.decision_id
        )
    return info, created


def _read_meta(db: Database, table: _Table, item_id: str) -> Sequence[Any] | None:
    check_id(item_id, table.kind)
    query = sql.SQL("SELECT {meta} FROM {table} WHERE {key} = %s").format(
        meta=_columns(table.meta), table=sql.Identifier(table.name), key=sql.Identifier(table.key)
    )
    with db.connection() as conn:
        return conn.execute(query, (item_id,)).fetchone()


def bundle(db: Database, bundle_id: str) -> BundleInfo | None:
    """The stored bundle with that id (without its ciphertext), or None."""
    row = _read_meta(db, BUNDLES, bundle_id)
    return _bundle_info(row) if row is not None else None


def decision(db: Database, decision_id: str) -> DecisionInfo | None:
    """The stored decision with that id (without its ciphertext), or None."""
    row = _read_meta(db, DECISIONS, decision_id)
    return _decision_info(row) if row is not None else None


def _read_bytes(
    db: Database, table: _Table, item_id: str, offset: int, length: int | None
) -> bytes | None:
    check_id(item_id, table.kind)
    if not isinstance(offset, int) or not 0 <= offset <= MAX_ITEM_BYTES:
        raise UsageError("intake.bad_range", BAD_RANGE, what="the offset")
    if length is not None and (not isinstance(length, int) or length < 0):
        raise UsageError("intake.bad_range", BAD_RANGE, what="the length")
    count = MAX_ITEM_BYTES if length is None else min(length, MAX_ITEM_BYTES)
    # substring() on out-of-line, uncompressed storage reads only the part asked for.
    query = sql.SQL(
        "SELECT substring(ciphertext FROM %s::integer FOR %s::integer) FROM {table} "
        "WHERE {key} = %s"
    ).format(table=sql.Identifier(table.name), key=sql.Identifier(table.key))
    with db.connection() as conn:
        # Binary results: text results would double the size as hex, and past 512 MiB
        # of hex PostgreSQL could not even build the value.
        cur = conn.cursor(binary=True)
        row = cur.execute(query, (offset + 1, count, item_id)).fetchone()
    return bytes(row[0]) if row is not None else None


def bundle_bytes(
    db: Database, bundle_id: str, *, offset: int = 0, length: int | None = None
) -> bytes | None:
    """The bundle's ciphertext (or `length` bytes of it from `offset`), or None."""
    return _read_bytes(db, BUNDLES, bundle_id, offset, length)


def decision_bytes(
    db: Database, decision_id: str, *, offset: int = 0, length: int | None = None
) -> bytes | None:
    """The decision file's ciphertext (or part of it), or None."""
    return _read_bytes(db, DECISIONS, decision_id, offset, length)


def _addressed_to(
    db: Database,
    table: _Table,
    recipient: str,
    after: tuple[datetime, str] | None,
    limit: int,
) -> list[tuple[Any, ...]]:
    check_recipient(recipient)
    _check_limit(limit)
    head = sql.SQL("SELECT {meta} FROM {table} WHERE recipients @> ARRAY[%s]::text[]").format(
        meta=_columns(table.meta), table=sql.Identifier(table.name)
    )
    order = sql.SQL(" ORDER BY received, {key} LIMIT %s").format(key=sql.Identifier(table.key))
    params: list[object] = [recipient]
    if after is not None:
        when, last_id = after
        check_id(last_id, table.kind)
        head += sql.SQL(" AND (received, {key}) > (%s, %s)").format(key=sql.Identifier(table.key))
        params += [when, last_id]
    with db.connection() as conn:
        return conn.execute(head + order, [*params, limit]).fetchall()


def queue_for(
    db: Database,
    age_recipient: str,
    *,
    after: tuple[datetime, str] | None = None,
    limit: int = QUEUE_LIMIT,
) -> list[BundleInfo]:
    """The bundles whose recipients include `age_recipient`, oldest first, at most
    `limit`; the next page starts `after` the last one's `.cursor`."""
    return [_bundle_info(r) for r in _addressed_to(db, BUNDLES, age_recipient, after, limit)]


def decisions_for(
    db: Database,
    age_recipient: str,
    *,
    after: tuple[datetime, str] | None = None,
    limit: int = QUEUE_LIMIT,
) -> list[DecisionInfo]:
    """The decisions whose recipients include `age_recipient`, as `queue_for`."""
    return [_decision_info(r) for r in _addressed_to(db, DECISIONS, age_recipient, after, limit)]


# --- receipts -------------------------------------------------------------------------


def _receipt(kind: Kind, item_id: str, row: Sequence[Any]) -> Receipt:
    return Receipt(kind, item_id, bytes(row[0]), bytes(row[1]), _utc(row[2]))


def put_receipt(
    db: Database, kind: Kind, item_id: str, receipt_json: bytes, receipt_sig: bytes
) -> tuple[Receipt, bool]:
    """Keep the receipt for a stored bundle or decision; (the stored receipt, created).
    An item has one receipt: when another was stored first, that one is returned, so
    every answer for the same bytes carries the same receipt."""
    kind = check_kind(kind)
    check_id(item_id, kind)
    for part, what in ((receipt_json, "the receipt"), (receipt_sig, "the receipt's signature")):
        if not isinstance(part, bytes) or not part:
            raise UsageError("intake.empty", EMPTY, what=what)
        if len(part) > MAX_RECEIPT_PART:
            raise UsageError(
                "intake.too_large", TOO_LARGE, what=what, limit_mib=MAX_RECEIPT_PART // MIB
            )
    column = sql.Identifier(TABLES[kind].key)
    insert = sql.SQL(
        "INSERT INTO receipts (kind, {column}, receipt_json, receipt_sig) "
        "VALUES (%s, %s, %s, %s) ON CONFLICT ({column}) DO NOTHING "
        "RETURNING receipt_json, receipt_sig, issued"
    ).format(column=column)
    select = sql.SQL(
        "SELECT receipt_json, receipt_sig, issued FROM receipts WHERE {column} = %s"
    ).format(column=column)
    for _ in range(RETRIES):
        with db.connection() as conn:
            try:
                row = conn.execute(insert, (kind, item_id, receipt_json, receipt_sig)).fetchone()
            except psycopg.errors.ForeignKeyViolation:
                raise UsageError(
                    "intake.no_such_item", NO_SUCH_ITEM, kind=kind, item_id=item_id
                ) from None
            if row is not None:
                return _receipt(kind, item_id, row), True
            row = conn.execute(select, (item_id,)).fetchone()
            if row is not None:
                return _receipt(kind, item_id, row), False
    raise RuntimeError("receipts: a row kept vanishing between insert and read")


def receipt_for(db: Database, kind: Kind, item_id: str) -> Receipt | None:
    """The receipt issued for a bundle or decision, or None."""
    kind = check_kind(kind)
    check_id(item_id, kind)
    query = sql.SQL(
        "SELECT receipt_json, receipt_sig, issued FROM receipts WHERE {column} = %s"
    ).format(column=sql.Identifier(TABLES[kind].key))
    with db.connection() as conn:
        row = conn.execute(query, (item_id,)).fetchone()
    return _receipt(kind, item_id, row) if row is not None else None
