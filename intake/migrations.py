"""The intake's database schema, as versioned migrations, and `migrate`.

MIGRATIONS is append-only: a released migration is never edited; a change is a new
migration with the next version. `migrate(dsn)` applies the missing ones in order, each
in its own transaction that first takes a transaction-level advisory lock, so intake
processes migrating one database at the same moment queue up behind each other and each
migration runs exactly once. `schema_version` records what was applied and when.

Version 1 is designed for the whole intake (bundles, review decisions, receipts,
resumable uploads); the comments in its SQL say why each table looks as it does.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg

from intake.db import Connection, Database, connect, connection_gone, unreachable
from intake.errors import MigrationFailed, SchemaMismatch


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


# The advisory lock every migration takes (pg_advisory_xact_lock's one bigint key): the
# ASCII of "QuietRm1", fixed for ever (another key would let old and new intakes race).
MIGRATION_LOCK = 0x5175_6965_7452_6D31

SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version  INTEGER PRIMARY KEY CHECK (version > 0),
    name     TEXT NOT NULL,
    applied  TIMESTAMPTZ NOT NULL DEFAULT now()
)
"""

V1_SCHEMA = r"""
-- Ids are the exporter's uuid4().hex: 32 lowercase hex digits. Hashes are SHA-256 in
-- lowercase hex. Ciphertext is age output, incompressible: STORAGE EXTERNAL keeps it out
-- of line without trying to compress it, and lets substring() read part of it cheaply.
-- Sizes: at most 512 MiB (app/export/verify.py MAX_BUNDLE_BYTES) for a bundle or a
-- decision file; a recipients list holds at most 64 entries (the age-header cap).

-- Every bundle received, exactly once: the bundle id is the idempotency key, and its
-- primary key is what makes two intake processes inserting the same bundle at the same
-- moment end with one row (INSERT … ON CONFLICT DO NOTHING, then compare sha256).
CREATE TABLE bundles (
    bundle_id           TEXT PRIMARY KEY CHECK (bundle_id ~ '^[0-9a-f]{32}$'),
    ciphertext          BYTEA NOT NULL,
    sha256              TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size                BIGINT NOT NULL CHECK (size BETWEEN 1 AND 536870912),
    -- who sent it: the fingerprint of the TLS client's member signing certificate
    -- (or their member_id), matched against the trust file when it arrived
    sender_fingerprint  TEXT NOT NULL CHECK (length(sender_fingerprint) BETWEEN 1 AND 256),
    sender_name         TEXT CHECK (length(sender_name) <= 1000),
    received            TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the verifier's check list, as `quietroom-cli verify --json` reports it
    verification        JSONB NOT NULL,
    case_reference      TEXT CHECK (length(case_reference) <= 200),
    -- the age recipients named in the manifest: who may fetch it
    recipients          TEXT[] NOT NULL CHECK (
        cardinality(recipients) BETWEEN 1 AND 64 AND array_position(recipients, NULL) IS NULL
    ),
    CHECK (octet_length(ciphertext) = size)
);
ALTER TABLE bundles ALTER COLUMN ciphertext SET STORAGE EXTERNAL;
-- "the bundles addressed to recipient X" (recipients @> ARRAY[X]), and their order
CREATE INDEX bundles_by_recipient ON bundles USING GIN (recipients);
CREATE INDEX bundles_by_received ON bundles (received, bundle_id);

-- Supervisors' signed decision files, exactly once by decision id, like bundles. No
-- foreign key to bundles: a supervisor may have reviewed a bundle that reached them as a
-- file, before (or without) the intake ever receiving it.
CREATE TABLE decisions (
    decision_id         TEXT PRIMARY KEY CHECK (decision_id ~ '^[0-9a-f]{32}$'),
    bundle_id           TEXT NOT NULL CHECK (bundle_id ~ '^[0-9a-f]{32}$'),
    ciphertext          BYTEA NOT NULL,
    sha256              TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size                BIGINT NOT NULL CHECK (size BETWEEN 1 AND 536870912),
    sender_fingerprint  TEXT NOT NULL CHECK (length(sender_fingerprint) BETWEEN 1 AND 256),
    sender_name         TEXT CHECK (length(sender_name) <= 1000),
    received            TIMESTAMPTZ NOT NULL DEFAULT now(),
    verification        JSONB NOT NULL,
    recipients          TEXT[] NOT NULL CHECK (
        cardinality(recipients) BETWEEN 1 AND 64 AND array_position(recipients, NULL) IS NULL
    ),
    CHECK (octet_length(ciphertext) = size)
);
ALTER TABLE decisions ALTER COLUMN ciphertext SET STORAGE EXTERNAL;
CREATE INDEX decisions_by_recipient ON decisions USING GIN (recipients);
CREATE INDEX decisions_by_received ON decisions (received, decision_id);
CREATE INDEX decisions_by_bundle ON decisions (bundle_id);

-- The signed receipt for each bundle and each decision: one per item (the unique
-- constraints), so the same bytes sent again get the very receipt issued the first time.
-- The receipt's own JSON carries everything it attests (and, for an export made offline,
-- the timestamp token over the manifest hash); receipt_sig is its detached CMS signature.
CREATE TABLE receipts (
    receipt_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('bundle', 'decision')),
    bundle_id     TEXT UNIQUE REFERENCES bundles (bundle_id),
    decision_id   TEXT UNIQUE REFERENCES decisions (decision_id),
    receipt_json  BYTEA NOT NULL CHECK (octet_length(receipt_json) BETWEEN 1 AND 1048576),
    receipt_sig   BYTEA NOT NULL CHECK (octet_length(receipt_sig) BETWEEN 1 AND 1048576),
    issued        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (
        (kind = 'bundle' AND bundle_id IS NOT NULL AND decision_id IS NULL)
        OR (kind = 'decision' AND decision_id IS NOT NULL AND bundle_id IS NULL)
    )
);

-- Resumable uploads in progress (PUT with Content-Range, HEAD for the stored offset).
-- An upload is one (kind, id, sha256, sender): the same member resuming the same bytes
-- continues it; other bytes under the same id, or another member, get an upload of their
-- own and cannot disturb it (the first to complete and verify wins at the bundles' or
-- decisions' primary key). `total` is the declared size (Content-Range's /TOTAL).
--
-- The bytes are kept as chunk rows, not one growing BYTEA: appending never rewrites what
-- was already received (updating a BYTEA copies the whole value). An append locks its
-- upload's row (SELECT … FOR UPDATE), so appends to one upload run one at a time, each
-- seeing the committed received_bytes; a chunk is taken only at exactly received_bytes,
-- and its row and the new received_bytes commit together. The chunks' primary key on
-- their start offset is a second guard: two chunks can never be stored for one offset,
-- so concurrent or repeated writes cannot interleave bytes. Assembling checks that the
-- chunks are contiguous and that their SHA-256 is the one declared.
CREATE TABLE uploads (
    kind                TEXT NOT NULL CHECK (kind IN ('bundle', 'decision')),
    item_id             TEXT NOT NULL CHECK (item_id ~ '^[0-9a-f]{32}$'),
    sha256              TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    sender_fingerprint  TEXT NOT NULL CHECK (length(sender_fingerprint) BETWEEN 1 AND 256),
    total               BIGINT NOT NULL CHECK (total BETWEEN 1 AND 536870912),
    received_bytes      BIGINT NOT NULL DEFAULT 0 CHECK (received_bytes BETWEEN 0 AND total),
    started             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated             TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, item_id, sha256, sender_fingerprint)
);
-- for discarding uploads abandoned long ago
CREATE INDEX uploads_by_updated ON uploads (updated);

CREATE TABLE upload_chunks (
    kind                TEXT NOT NULL,
    item_id             TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    sender_fingerprint  TEXT NOT NULL,
    start               BIGINT NOT NULL CHECK (start >= 0),
    data                BYTEA NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 8388608),
    PRIMARY KEY (kind, item_id, sha256, sender_fingerprint, start),
    FOREIGN KEY (kind, item_id, sha256, sender_fingerprint)
        REFERENCES uploads (kind, item_id, sha256, sender_fingerprint) ON DELETE CASCADE
);
ALTER TABLE upload_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "bundles, decisions, receipts, uploads", V1_SCHEMA),
)
LATEST = MIGRATIONS[-1].version

TOO_NEW = (
    "the intake's database is at schema version {found}, newer than this intake knows "
    "({latest}); upgrade the intake"
)
FAILED = "the migration to schema version {version} failed: {reason}"
OUTDATED = (
    "the intake's database is at schema version {found}, this intake needs {latest}; "
    "run 'quietroom-intake migrate'"
)


def _check_numbering() -> None:
    versions = [m.version for m in MIGRATIONS]
    if versions != list(range(1, len(MIGRATIONS) + 1)):
        raise RuntimeError(f"migrations must be numbered 1, 2, 3…, not {versions}")


_check_numbering()


def current_version(conn: Connection) -> int:
    """The schema version of the connected database (0 when it has none yet)."""
    exists = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def _too_new(found: int) -> SchemaMismatch:
    return SchemaMismatch("intake.schema_too_new", TOO_NEW, found=found, latest=LATEST)


def migrate(dsn: str) -> tuple[int, int]:
    """Bring the database at `dsn` to the latest schema; (version before, version after)
    as this call saw them. Safe to run from several processes at once."""
    conn = connect(dsn)
    try:
        return _migrate(conn)
    except psycopg.Error as exc:
        if connection_gone(exc):
            raise unreachable(dsn, exc) from None
        # The server's own sentence ("permission denied for schema public"), for the
        # operator who ran the command.
        reason = exc.diag.message_primary or type(exc).__name__
        version = current_step(conn)
        raise MigrationFailed(
            "intake.migration_failed", FAILED, version=version, reason=reason
        ) from None
    finally:
        conn.close()


def current_step(conn: Connection) -> int:
    """The version the failed migration was heading for (best effort, after a failure)."""
    try:
        conn.rollback()
        return min(current_version(conn) + 1, LATEST)
    except psycopg.Error:
        return LATEST


def _migrate(conn: Connection) -> tuple[int, int]:
    before: int | None = None
    while True:
        with conn.transaction():
            # Everything below happens under the lock, even creating schema_version,
            # so two processes never race on the catalogue.
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute(SCHEMA_VERSION_TABLE)
            version = current_version(conn)
            if before is None:
                before = version
            if version > LATEST:
                raise _too_new(version)
            if version == LATEST:
                return before, version
            step = MIGRATIONS[version]  # the migration numbered version + 1
            conn.execute(step.sql)
            conn.execute(
                "INSERT INTO schema_version (version, name) VALUES (%s, %s)",
                (step.version, step.name),
            )


def require_latest(db: Database) -> None:
    """Refuse to serve a database whose schema is not the latest (a server starting
    before `migrate`, or an older intake beside a newer one)."""
    with db.connection() as conn:
        found = current_version(conn)
    if found > LATEST:
        raise _too_new(found)
    if found < LATEST:
        raise SchemaMismatch("intake.schema_outdated", OUTDATED, found=found, latest=LATEST)
