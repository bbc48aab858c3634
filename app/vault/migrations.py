"""Numbered, forward-only, transactional schema migrations for vault.db.

Each migration runs inside one transaction together with the update of the stored
schema version, so a failure leaves the database exactly at the previous version.
New migrations are only ever appended to MIGRATIONS.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlcipher3

from app.errors import VaultError
from app.vault.database import Connection

LOG = logging.getLogger("quietroom.vault")

Step = str | Callable[[Connection], None]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    step: Step


def _v1(conn: Connection) -> None:
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")


def _v2(conn: Connection) -> None:
    # A stable random id for this vault's device, used in export manifests.
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', lower(hex(randomblob(16))))")
    conn.execute("INSERT INTO meta(key, value) VALUES ('created', strftime('%Y-%m-%dT%H:%M:%SZ'))")


# The interview engine: cases, the survivor, restricted details, statements with
# append-only revisions, sittings with participants and pauses, timeline, notes, audit.
_V3 = """
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL CHECK (category IN ('csa', 'apsp', 'general')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'read_back', 'signed', 'exported')),
    interviewer TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
) STRICT;
CREATE TABLE witnesses (
    case_id TEXT PRIMARY KEY REFERENCES cases(id),
    data TEXT NOT NULL
) STRICT;
CREATE TABLE restricted (
    case_id TEXT PRIMARY KEY REFERENCES cases(id),
    data TEXT NOT NULL
) STRICT;
CREATE TABLE case_fields (
    case_id TEXT NOT NULL REFERENCES cases(id),
    field_id TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (case_id, field_id)
) STRICT;
CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    number INTEGER NOT NULL,
    follows TEXT REFERENCES statements(id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'read_back', 'signed')),
    readback_confirmed TEXT,
    signed TEXT,
    signature BLOB,
    signature_type TEXT,
    created TEXT NOT NULL,
    UNIQUE (case_id, number)
) STRICT;
CREATE TABLE sections (
    statement_id TEXT NOT NULL REFERENCES statements(id),
    section_id TEXT NOT NULL,
    text TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (statement_id, section_id)
) STRICT;
CREATE TABLE revisions (
    statement_id TEXT NOT NULL REFERENCES statements(id),
    section_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('edit', 'correction')),
    base_length INTEGER NOT NULL,
    prefix INTEGER NOT NULL,
    suffix INTEGER NOT NULL,
    inserted TEXT NOT NULL,
    snapshot BLOB,
    length INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    saves INTEGER NOT NULL DEFAULT 1,
    sitting_id TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (statement_id, section_id, seq)
) STRICT;
CREATE TABLE sittings (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    statement_id TEXT NOT NULL REFERENCES statements(id),
    number INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'ended')),
    location TEXT NOT NULL DEFAULT '',
    started TEXT NOT NULL,
    ended TEXT,
    owned INTEGER NOT NULL DEFAULT 0,
    interruptions INTEGER NOT NULL DEFAULT 0,
    place_phase TEXT,
    place_section TEXT,
    place_position INTEGER NOT NULL DEFAULT 0,
    last_activity TEXT NOT NULL,
    UNIQUE (case_id, number)
) STRICT;
CREATE TABLE participants (
    sitting_id TEXT NOT NULL REFERENCES sittings(id),
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    language TEXT,
    PRIMARY KEY (sitting_id, position)
) STRICT;
CREATE TABLE pauses (
    sitting_id TEXT NOT NULL REFERENCES sittings(id),
    number INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pause', 'interruption')),
    started TEXT NOT NULL,
    ended TEXT,
    requested_by TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (sitting_id, number)
) STRICT;
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    sitting_id TEXT REFERENCES sittings(id),
    text TEXT NOT NULL,
    created TEXT NOT NULL
) STRICT;
CREATE TABLE timeline (
    id INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    when_text TEXT NOT NULL,
    earliest TEXT NOT NULL,
    latest TEXT NOT NULL,
    precision TEXT NOT NULL,
    uncertain INTEGER NOT NULL,
    what TEXT NOT NULL,
    created TEXT NOT NULL
) STRICT;
CREATE TABLE audit (
    case_id TEXT NOT NULL REFERENCES cases(id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
) STRICT;
CREATE INDEX sittings_by_case ON sittings(case_id, number);
CREATE INDEX timeline_by_case ON timeline(case_id, earliest, latest);
CREATE INDEX notes_by_case ON notes(case_id, id);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
"""


def _v3(conn: Connection) -> None:
    # Triggers contain ';' inside BEGIN…END, so statements are split where SQLite itself
    # says a statement is complete rather than at every ';'.
    buffer = ""
    for line in _V3.strip().splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            conn.execute(buffer)
            buffer = ""
    if buffer.strip():
        conn.execute(buffer)


def _v4(conn: Connection) -> None:
    # The staff member's identity (signing key, age identity) and the organisation's
    # trust file live inside the encrypted vault; exports are numbered per device.
    conn.execute(
        "CREATE TABLE identity (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "cert_pem BLOB NOT NULL, key_pem BLOB NOT NULL, age_identity TEXT, "
        "imported TEXT NOT NULL) STRICT"
    )
    conn.execute(
        "CREATE TABLE trust (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "trust_json BLOB NOT NULL, trust_sig BLOB NOT NULL, ca_pem BLOB NOT NULL, "
        "imported TEXT NOT NULL) STRICT"
    )
    conn.execute(
        "CREATE TABLE exports (bundle_id TEXT PRIMARY KEY, case_id TEXT NOT NULL "
        "REFERENCES cases(id), statement INTEGER NOT NULL, sequence INTEGER NOT NULL "
        "UNIQUE, created TEXT NOT NULL, recipients TEXT NOT NULL, "
        "manifest_sha256 TEXT NOT NULL) STRICT"
    )
    conn.execute("ALTER TABLE statements ADD COLUMN reader TEXT")


def _v5(conn: Connection) -> None:
    # The member's authentication certificate and key (mutual TLS with the intake) sit
    # beside the signing ones; the signing key never serves for TLS.
    conn.execute("ALTER TABLE identity ADD COLUMN auth_cert_pem BLOB")
    conn.execute("ALTER TABLE identity ADD COLUMN auth_key_pem BLOB")


def _v6(conn: Connection) -> None:
    # Supervisor review. A supervisor's vault keeps each bundle opened for review whole,
    # as the ciphertext received (read by decrypting in memory), with its own audit of
    # what was looked at. An interviewer's vault keeps the decisions made on its exports.
    conn.execute(
        "CREATE TABLE reviews (id TEXT PRIMARY KEY, bundle_id TEXT NOT NULL UNIQUE, "
        "manifest_sha256 TEXT NOT NULL, reference TEXT NOT NULL, category TEXT NOT NULL, "
        "interviewer TEXT NOT NULL, author_fingerprint TEXT NOT NULL, "
        "received TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN "
        "('to_review', 'approved', 'returned')), bundle BLOB NOT NULL, "
        "decided TEXT, decision_json BLOB) STRICT"
    )
    conn.execute(
        "CREATE TABLE review_events (review_id TEXT NOT NULL REFERENCES reviews(id), "
        "seq INTEGER NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL, "
        "PRIMARY KEY (review_id, seq)) STRICT"
    )
    conn.execute(
        "CREATE TABLE decisions (decision_id TEXT PRIMARY KEY, case_id TEXT NOT NULL "
        "REFERENCES cases(id), bundle_id TEXT NOT NULL REFERENCES exports(bundle_id), "
        "decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned')), "
        "reviewer TEXT NOT NULL, decided TEXT NOT NULL, comments TEXT NOT NULL, "
        "checklist TEXT NOT NULL, decision_json BLOB NOT NULL, decision_sig BLOB NOT NULL, "
        "countersigned_pdf BLOB, imported TEXT NOT NULL) STRICT"
    )
    # The signed statement PDF's hash, so an approval's countersigned PDF can be matched
    # to the statement this vault exported (NULL for exports made before this).
    conn.execute("ALTER TABLE exports ADD COLUMN statement_sha256 TEXT")


def _v7(conn: Connection) -> None:
    # Sync with the intake. The outbox holds each bundle or decision file to deliver
    # (the ciphertext, as a file on disk would hold it) with where its delivery stands
    # and, once delivered, the intake's signed receipt. `sync_seen` remembers what was
    # fetched from the intake, so a pass never downloads the same item twice.
    # The ciphertext lives in a table of its own: in the outbox's rows it would make
    # every query of states and receipts read (and decrypt) every stored file.
    conn.execute(
        "CREATE TABLE outbox (item_id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN "
        "('bundle', 'decision')), case_id TEXT REFERENCES cases(id), review_id TEXT "
        "REFERENCES reviews(id), label TEXT NOT NULL, "
        "sha256 TEXT NOT NULL, size INTEGER NOT NULL, state TEXT NOT NULL CHECK (state IN "
        "('queued', 'sending', 'delivered', 'refused')), bytes_sent INTEGER NOT NULL "
        "DEFAULT 0, queued TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
        "next_attempt TEXT, last_error TEXT, reason_code TEXT, reason TEXT, "
        "receipt_json BLOB, receipt_sig BLOB, delivered TEXT) STRICT"
    )
    conn.execute(
        "CREATE TABLE outbox_data (item_id TEXT PRIMARY KEY REFERENCES outbox(item_id), "
        "data BLOB NOT NULL) STRICT"
    )
    conn.execute(
        "CREATE TABLE sync_seen (kind TEXT NOT NULL, item_id TEXT NOT NULL, "
        "outcome TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (kind, item_id)) STRICT"
    )


def _v8(conn: Connection) -> None:
    # The version of its guide a case was started with (a new guide version applies to
    # new cases only). NULL for cases from before: they keep the current guide.
    conn.execute("ALTER TABLE cases ADD COLUMN guide_version INTEGER")


def _v9(conn: Connection) -> None:
    # Who took the statement, by the trust file's member id (it survives a re-issued
    # certificate): the interviewer present at a sitting is filled in from the vault's
    # identity, and only that member may sign and export the statement.
    conn.execute("ALTER TABLE participants ADD COLUMN member_id TEXT")


def _v10(conn: Connection) -> None:
    # Format 2's statement: the language the statement is written in (not the witness's
    # own language, which is free text for interpreters); exhibits the statement produces
    # (their files kept apart, as the outbox's are, so listing never reads them); each page
    # the witness confirmed before signing (its text's SHA-256, when, and their initials
    # when the organisation asks for them); when the declaration was shown; the witness's
    # signature for the back page's consents; quiet guide hints dismissed with a reason.
    conn.execute(
        "ALTER TABLE cases ADD COLUMN statement_language TEXT NOT NULL DEFAULT 'en' "
        "CHECK (statement_language IN ('en', 'cy'))"
    )
    conn.execute(
        "CREATE TABLE exhibits (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES "
        "cases(id), statement_id TEXT NOT NULL REFERENCES statements(id), number INTEGER "
        "NOT NULL, reference TEXT NOT NULL, description TEXT NOT NULL, filename TEXT, "
        "media_type TEXT, size INTEGER, sha256 TEXT, created TEXT NOT NULL, removed TEXT, "
        "UNIQUE (case_id, reference)) STRICT"
    )
    conn.execute(
        "CREATE TABLE exhibit_data (exhibit_id TEXT PRIMARY KEY REFERENCES exhibits(id), "
        "data BLOB NOT NULL) STRICT"
    )
    conn.execute(
        "CREATE TABLE page_confirmations (statement_id TEXT NOT NULL REFERENCES "
        "statements(id), page INTEGER NOT NULL, pages INTEGER NOT NULL, sha256 TEXT NOT "
        "NULL, confirmed TEXT NOT NULL, initials BLOB, initials_type TEXT, "
        "PRIMARY KEY (statement_id, page)) STRICT"
    )
    conn.execute("ALTER TABLE statements ADD COLUMN declaration_shown TEXT")
    conn.execute("ALTER TABLE statements ADD COLUMN consent_signature BLOB")
    conn.execute("ALTER TABLE statements ADD COLUMN consent_signature_type TEXT")
    conn.execute(
        "CREATE TABLE hint_dismissals (id INTEGER PRIMARY KEY, case_id TEXT NOT NULL "
        "REFERENCES cases(id), rule TEXT NOT NULL, reason TEXT, at TEXT NOT NULL) STRICT"
    )
    # Who asked for a pause may be unanswered ("not recorded", completed later): SQLite
    # cannot drop NOT NULL in place, so the table is rebuilt with the same rows.
    conn.execute(
        "CREATE TABLE pauses_v10 (sitting_id TEXT NOT NULL REFERENCES sittings(id), "
        "number INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('pause', "
        "'interruption')), started TEXT NOT NULL, ended TEXT, requested_by TEXT, "
        "reason TEXT, PRIMARY KEY (sitting_id, number)) STRICT"
    )
    conn.execute("INSERT INTO pauses_v10 SELECT * FROM pauses")
    conn.execute("DROP TABLE pauses")
    conn.execute("ALTER TABLE pauses_v10 RENAME TO pauses")
    # The SHA-256 of an outbox item's manifest.json (a decision's decision.json), recorded
    # when it is queued, so the intake's receipt can be checked to time-stamp that very
    # manifest. NULL for items queued before: their receipts are checked without it.
    conn.execute("ALTER TABLE outbox ADD COLUMN manifest_sha256 TEXT")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "meta table", _v1),
    Migration(2, "device identity", _v2),
    Migration(3, "interview engine", _v3),
    Migration(4, "identities, trust and exports", _v4),
    Migration(5, "authentication certificate", _v5),
    Migration(6, "supervisor review", _v6),
    Migration(7, "sync outbox", _v7),
    Migration(8, "guide version per case", _v8),
    Migration(9, "participants' member ids", _v9),
    Migration(10, "format 2 statement", _v10),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: Connection, *, target: int | None = None, migrations: Sequence[Migration] = MIGRATIONS
) -> int:
    """Bring the schema to `target` (default: latest); return the version reached."""
    numbers = [m.version for m in migrations]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError("migrations must be numbered 1, 2, 3… without gaps")
    goal = latest_version(migrations) if target is None else target
    version = current_version(conn)
    if version > latest_version(migrations):
        raise VaultError(
            "vault.newer_schema",
            "this vault has schema version {version}, "
            "newer than this version of Quietroom knows; update Quietroom to "
            "open it",
            version=version,
        )
    for migration in migrations:
        if migration.version <= version or migration.version > goal:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if isinstance(migration.step, str):
                for statement in migration.step.split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
            else:
                migration.step(conn)
            # user_version is stored in the database header page: transactional too.
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        LOG.info("schema migrated to version %d (%s)", migration.version, migration.name)
        version = migration.version
    return version
