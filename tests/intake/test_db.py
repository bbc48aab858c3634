"""The intake's storage against a real PostgreSQL: migrations (also two at once), bundles
and decisions stored exactly once under races, the queues, receipts, resumable uploads,
and a database that cannot be reached."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

import psycopg
import pytest

from app.errors import QuietroomError, UsageError
from app.export.verify import MAX_BUNDLE_BYTES
from intake import store, uploads
from intake.cluster import ThrowawayCluster, free_port
from intake.db import Database, connect
from intake.errors import (
    BadOffset,
    DatabaseUnavailable,
    IntakeConflict,
    MigrationFailed,
    SchemaMismatch,
    UploadDamaged,
    UploadRefused,
)
from intake.migrations import LATEST, MIGRATIONS, migrate, require_latest
from intake.store import BundleRow, DecisionRow
from tests.conftest import REPO

T = TypeVar("T")

SUPERVISOR = "age1supervisor0000000000000000000000000000000000000000000000"
INTAKE = "age1intake00000000000000000000000000000000000000000000000000"
AUTHOR = "age1author00000000000000000000000000000000000000000000000000"
OTHER = "age1other000000000000000000000000000000000000000000000000000"
CHECKS = [{"check": "manifest", "ok": True}, {"check": "signature", "ok": True}]
TABLES = {"bundles", "decisions", "receipts", "uploads", "upload_chunks", "schema_version"}


def new_id() -> str:
    return os.urandom(16).hex()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def a_bundle(
    bundle_id: str | None = None,
    data: bytes | None = None,
    recipients: tuple[str, ...] = (SUPERVISOR, INTAKE, AUTHOR),
    sender: str = "fp:interviewer",
) -> BundleRow:
    data = os.urandom(2048) if data is None else data
    return BundleRow(
        bundle_id=bundle_id or new_id(),
        ciphertext=data,
        sha256=sha(data),
        sender_fingerprint=sender,
        verification=CHECKS,
        recipients=recipients,
        sender_name="Ann Interviewer",
        case_reference="QR-2026-0001",
    )


def a_decision(
    bundle_id: str, recipients: tuple[str, ...] = (AUTHOR, INTAKE, SUPERVISOR)
) -> DecisionRow:
    data = os.urandom(1024)
    return DecisionRow(
        decision_id=new_id(),
        bundle_id=bundle_id,
        ciphertext=data,
        sha256=sha(data),
        sender_fingerprint="fp:supervisor",
        verification=CHECKS,
        recipients=recipients,
        sender_name="Sam Supervisor",
    )


def count(dsn: str, query: str, params: tuple[Any, ...] = ()) -> int:
    with connect(dsn) as conn:
        row = conn.execute(query, params).fetchone()
    assert row is not None
    return int(row[0])


def race(n: int, work: Callable[[int], T]) -> list[T | BaseException]:
    """Run work(0..n-1) on n threads released together; each result or exception."""
    barrier = threading.Barrier(n)
    results: list[T | BaseException] = [RuntimeError("did not run")] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


# --- migrations -------------------------------------------------------------------------


def test_migrations_are_numbered_one_by_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))


def test_migrate_from_empty_to_the_latest(dsn: str) -> None:
    assert migrate(dsn) == (0, LATEST)
    with connect(dsn) as conn:
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        }
        versions = conn.execute("SELECT version, name FROM schema_version").fetchall()
        indexes = {
            r[0]
            for r in conn.execute(
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
            ).fetchall()
        }
    assert tables == TABLES
    assert versions == [(m.version, m.name) for m in MIGRATIONS]
    assert {"bundles_by_recipient", "decisions_by_recipient"} <= indexes


def test_migrating_again_changes_nothing(dsn: str) -> None:
    migrate(dsn)
    assert migrate(dsn) == (LATEST, LATEST)
    assert count(dsn, "SELECT count(*) FROM schema_version") == LATEST


def test_migrations_running_at_once_make_one_schema(dsn: str) -> None:
    results = race(6, lambda _: migrate(dsn))
    assert all(isinstance(r, tuple) for r in results), results
    assert sorted(results) == [(0, LATEST)] + [(LATEST, LATEST)] * 5
    assert count(dsn, "SELECT count(*) FROM schema_version") == LATEST


def test_two_processes_migrating_at_once(dsn: str) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "intake.cli", "migrate", "--dsn", dsn],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    said = sorted(out for out, _ in outputs)
    assert said == [
        f"migrated the intake database: schema version 0 -> {LATEST}\n",
        f"the intake database is at schema version {LATEST}; nothing to do\n",
    ]
    assert all(err == "" for _, err in outputs)
    assert count(dsn, "SELECT count(*) FROM schema_version") == LATEST


def test_a_newer_schema_is_refused(dsn: str) -> None:
    migrate(dsn)
    with connect(dsn) as conn:
        conn.execute("INSERT INTO schema_version (version, name) VALUES (99, 'future')")
    with pytest.raises(SchemaMismatch) as excinfo:
        migrate(dsn)
    assert excinfo.value.code == "intake.schema_too_new"
    with Database(dsn) as db, pytest.raises(SchemaMismatch):
        require_latest(db)


def test_serving_an_unmigrated_database_is_refused(dsn: str) -> None:
    with Database(dsn) as db:
        with pytest.raises(SchemaMismatch) as excinfo:
            require_latest(db)
        assert excinfo.value.code == "intake.schema_outdated"
        migrate(dsn)
        require_latest(db)


def test_a_refused_migration_is_one_clear_error(pg_cluster: ThrowawayCluster) -> None:
    # a database the intake's role does not own: it may connect, not create tables
    with psycopg.connect(pg_cluster.admin_conninfo, autocommit=True) as conn:
        conn.execute("CREATE DATABASE not_ours")
    try:
        with pytest.raises(MigrationFailed) as excinfo:
            migrate(pg_cluster.database_dsn("not_ours"))
        assert excinfo.value.code == "intake.migration_failed"
        assert str(excinfo.value) == (
            "the migration to schema version 1 failed: permission denied for schema public"
        )
    finally:
        pg_cluster.drop_database("not_ours")


# --- reaching the database --------------------------------------------------------------


def test_a_malformed_dsn_is_one_clear_error() -> None:
    with pytest.raises(UsageError) as excinfo:
        migrate("postgresql://me:secret@[bad")
    assert excinfo.value.code == "intake.bad_dsn"
    assert "secret" not in str(excinfo.value)


def test_an_unreachable_database_is_one_clear_error() -> None:
    port = free_port()  # nothing listens there
    dsn = f"postgresql://quietroom_intake:s3cret@127.0.0.1:{port}/quietroom_intake"
    for attempt in (lambda: migrate(dsn), lambda: Database(dsn)):
        with pytest.raises(DatabaseUnavailable) as excinfo:
            attempt()
        assert excinfo.value.code == "intake.db_unreachable"
        message = str(excinfo.value)
        assert f"127.0.0.1:{port}/quietroom_intake" in message
        assert "refused" in message.lower()
        assert "s3cret" not in message and "\n" not in message


def test_a_wrong_password_is_one_clear_error(dsn: str) -> None:
    wrong = dsn.replace("quietroom_intake:", "quietroom_intake:wrong", 1)
    with pytest.raises(DatabaseUnavailable) as excinfo:
        Database(wrong)
    assert "password authentication failed" in str(excinfo.value)


# --- bundles, exactly once ---------------------------------------------------------------


def test_the_same_bundle_twice_is_one_row(db: Database, dsn: str) -> None:
    row = a_bundle()
    first, created = store.put_bundle(db, row)
    again, created_again = store.put_bundle(db, row)
    assert (created, created_again) == (True, False)
    assert again == first
    assert first.size == len(row.ciphertext) and first.sha256 == row.sha256
    assert first.recipients == row.recipients and first.verification == CHECKS
    assert first.received.tzinfo is not None
    assert store.bundle(db, row.bundle_id) == first
    assert store.bundle_bytes(db, row.bundle_id) == row.ciphertext
    assert count(dsn, "SELECT count(*) FROM bundles") == 1


def test_different_bytes_under_the_same_id_conflict(db: Database) -> None:
    row = a_bundle()
    store.put_bundle(db, row)
    with pytest.raises(IntakeConflict) as excinfo:
        store.put_bundle(db, a_bundle(row.bundle_id))
    assert excinfo.value.code == "intake.bundle_id_conflict"
    assert row.bundle_id in str(excinfo.value)
    assert store.bundle_bytes(db, row.bundle_id) == row.ciphertext


def test_eight_racers_with_the_same_bytes_make_one_row(db: Database, dsn: str) -> None:
    row = a_bundle(data=os.urandom(256 * 1024))
    results = race(8, lambda _: store.put_bundle(db, row))
    assert not [r for r in results if isinstance(r, BaseException)], results
    created = [r for r in results if isinstance(r, tuple) and r[1]]
    assert len(created) == 1
    stored = [r[0] for r in results if isinstance(r, tuple)]
    assert all(info == stored[0] for info in stored)  # one stored row, as every racer saw it
    assert count(dsn, "SELECT count(*) FROM bundles") == 1


def test_eight_racers_with_different_bytes_one_wins(db: Database, dsn: str) -> None:
    bundle_id = new_id()
    rows = [a_bundle(bundle_id) for _ in range(8)]
    results = race(8, lambda i: store.put_bundle(db, rows[i]))
    winners = [i for i, r in enumerate(results) if isinstance(r, tuple)]
    conflicts = [r for r in results if isinstance(r, IntakeConflict)]
    assert len(winners) == 1 and len(conflicts) == 7, results
    assert count(dsn, "SELECT count(*) FROM bundles") == 1
    assert store.bundle_bytes(db, bundle_id) == rows[winners[0]].ciphertext


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"bundle_id": "ABC"}, "intake.bad_id"),
        ({"bundle_id": "0" * 31 + "g"}, "intake.bad_id"),
        ({"sha256": "0" * 64}, "intake.hash_mismatch"),
        ({"sha256": "xyz"}, "intake.bad_sha256"),
        ({"ciphertext": b""}, "intake.empty"),
        ({"recipients": ()}, "intake.bad_recipients"),
        ({"recipients": ("two words",)}, "intake.bad_recipients"),
        ({"recipients": tuple(f"age1r{i}" for i in range(65))}, "intake.bad_recipients"),
        ({"sender_fingerprint": ""}, "intake.bad_sender"),
        ({"case_reference": "x" * 201}, "intake.text_too_long"),
        ({"verification": {"not json": object()}}, "intake.bad_verification"),
    ],
)
def test_bad_bundles_are_refused_and_nothing_kept(
    db: Database, dsn: str, change: dict[str, Any], code: str
) -> None:
    fields = a_bundle().__dict__ | change
    with pytest.raises(QuietroomError) as excinfo:
        store.put_bundle(db, BundleRow(**fields))
    assert excinfo.value.code == code
    assert count(dsn, "SELECT count(*) FROM bundles") == 0


def test_reading_part_of_a_bundle(db: Database) -> None:
    row = a_bundle(data=bytes(range(256)) * 8)
    store.put_bundle(db, row)
    assert store.bundle_bytes(db, row.bundle_id, offset=10, length=5) == row.ciphertext[10:15]
    assert store.bundle_bytes(db, row.bundle_id, offset=2040) == row.ciphertext[2040:]
    assert store.bundle(db, new_id()) is None
    assert store.bundle_bytes(db, new_id()) is None
    with pytest.raises(UsageError):
        store.bundle_bytes(db, row.bundle_id, offset=-1)


# --- who gets what -----------------------------------------------------------------------


def test_the_queue_holds_only_bundles_addressed_to_the_caller(db: Database) -> None:
    mine = [store.put_bundle(db, a_bundle())[0] for _ in range(3)]
    store.put_bundle(db, a_bundle(recipients=(OTHER, INTAKE, AUTHOR)))
    queue = store.queue_for(db, SUPERVISOR)
    assert queue == sorted(mine, key=lambda b: b.cursor)
    assert len(store.queue_for(db, OTHER)) == 1
    assert len(store.queue_for(db, INTAKE)) == 4
    assert store.queue_for(db, "age1nobody") == []
    # pages
    first = store.queue_for(db, SUPERVISOR, limit=2)
    rest = store.queue_for(db, SUPERVISOR, after=first[-1].cursor)
    assert first + rest == queue
    with pytest.raises(UsageError):
        store.queue_for(db, SUPERVISOR, limit=0)
    with pytest.raises(UsageError):
        store.queue_for(db, "two words")


def test_decisions_go_to_their_recipients_once(db: Database, dsn: str) -> None:
    bundle = store.put_bundle(db, a_bundle())[0]
    to_author = a_decision(bundle.bundle_id)
    to_other = a_decision(bundle.bundle_id, recipients=(OTHER, INTAKE))
    stored, created = store.put_decision(db, to_author)
    assert created and stored.bundle_id == bundle.bundle_id
    assert store.put_decision(db, to_author) == (stored, False)
    store.put_decision(db, to_other)
    assert store.decisions_for(db, AUTHOR) == [stored]
    assert [d.decision_id for d in store.decisions_for(db, OTHER)] == [to_other.decision_id]
    assert len(store.decisions_for(db, INTAKE)) == 2
    assert store.decision(db, to_author.decision_id) == stored
    assert store.decision_bytes(db, to_author.decision_id) == to_author.ciphertext
    clash = a_decision(bundle.bundle_id)
    with pytest.raises(IntakeConflict) as excinfo:
        store.put_decision(
            db, DecisionRow(**(clash.__dict__ | {"decision_id": stored.decision_id}))
        )
    assert excinfo.value.code == "intake.decision_id_conflict"
    assert count(dsn, "SELECT count(*) FROM decisions") == 2


# --- receipts ---------------------------------------------------------------------------


def test_one_receipt_per_item(db: Database) -> None:
    bundle = store.put_bundle(db, a_bundle())[0]
    receipt, created = store.put_receipt(db, "bundle", bundle.bundle_id, b'{"a":1}', b"sig-1")
    assert created and receipt.receipt_json == b'{"a":1}'
    # a second intake process signing its own receipt for the same bytes gets the first
    again, created_again = store.put_receipt(db, "bundle", bundle.bundle_id, b'{"a":2}', b"sig-2")
    assert not created_again and again == receipt
    assert store.receipt_for(db, "bundle", bundle.bundle_id) == receipt
    assert store.receipt_for(db, "decision", new_id()) is None

    decision = store.put_decision(db, a_decision(bundle.bundle_id))[0]
    for_decision, _ = store.put_receipt(db, "decision", decision.decision_id, b"{}", b"sig")
    assert store.receipt_for(db, "decision", decision.decision_id) == for_decision
    assert store.receipt_for(db, "bundle", bundle.bundle_id) == receipt


def test_racing_receipts_end_as_one(db: Database, dsn: str) -> None:
    bundle = store.put_bundle(db, a_bundle())[0]
    results = race(
        8, lambda i: store.put_receipt(db, "bundle", bundle.bundle_id, b"{}", f"s{i}".encode())
    )
    receipts = {r[0] for r in results if isinstance(r, tuple)}
    assert len(receipts) == 1 and sum(1 for r in results if isinstance(r, tuple) and r[1]) == 1
    assert count(dsn, "SELECT count(*) FROM receipts") == 1


def test_a_receipt_needs_its_item(db: Database) -> None:
    with pytest.raises(UsageError) as excinfo:
        store.put_receipt(db, "bundle", new_id(), b"{}", b"sig")
    assert excinfo.value.code == "intake.no_such_item"
    with pytest.raises(UsageError) as excinfo:
        store.put_receipt(db, "parcel", new_id(), b"{}", b"sig")
    assert excinfo.value.code == "intake.bad_kind"


# --- resumable uploads -------------------------------------------------------------------


def upload(
    db: Database, data: bytes, chunk: int, *, item_id: str, sender: str = "fp:interviewer"
) -> int:
    received = 0
    for start in range(0, len(data), chunk):
        received = uploads.append_chunk(
            db,
            item_id,
            sha(data),
            start,
            data[start : start + chunk],
            sender=sender,
            total=len(data),
        )
    return received


def test_chunks_in_order_assemble_to_the_bytes(db: Database, dsn: str) -> None:
    data = os.urandom(100_000)
    item_id = new_id()
    assert upload(db, data, 30_000, item_id=item_id) == len(data)
    state = uploads.upload_state(db, item_id, sha(data), sender="fp:interviewer")
    assert state == uploads.UploadState(len(data), len(data)) and state.complete
    assert uploads.assemble(db, item_id, sha(data), sender="fp:interviewer") == data
    assert count(dsn, "SELECT count(*) FROM upload_chunks") == 4
    assert uploads.discard_upload(db, item_id, sha(data), sender="fp:interviewer")
    assert uploads.upload_state(db, item_id, sha(data), sender="fp:interviewer") is None
    assert count(dsn, "SELECT count(*) FROM upload_chunks") == 0


def test_a_wrong_offset_is_refused_with_the_expected_one(db: Database, dsn: str) -> None:
    data = os.urandom(3000)
    item_id, digest = new_id(), sha(data)

    def append(start: int, part: bytes) -> int:
        return uploads.append_chunk(
            db, item_id, digest, start, part, sender="fp:a", total=len(data)
        )

    with pytest.raises(BadOffset) as excinfo:  # a first chunk that is not at 0
        append(1000, data[1000:2000])
    assert excinfo.value.expected == 0 and excinfo.value.code == "intake.bad_offset"
    assert count(dsn, "SELECT count(*) FROM uploads") == 0  # nothing started
    assert append(0, data[:1000]) == 1000
    with pytest.raises(BadOffset) as excinfo:  # a gap
        append(2000, data[2000:])
    assert excinfo.value.expected == 1000
    with pytest.raises(BadOffset):  # back over stored bytes with other bytes
        append(0, b"\x00" * 1000)
    with pytest.raises(BadOffset):  # back inside a stored chunk
        append(500, data[500:1500])
    assert append(1000, data[1000:2000]) == 2000
    assert append(2000, data[2000:]) == 3000
    assert uploads.assemble(db, item_id, digest, sender="fp:a") == data


def test_a_repeated_chunk_changes_nothing(db: Database, dsn: str) -> None:
    data = os.urandom(4096)
    item_id, digest = new_id(), sha(data)
    args = {"sender": "fp:a", "total": len(data)}
    assert uploads.append_chunk(db, item_id, digest, 0, data[:2048], **args) == 2048
    # the answer was lost: the client sends the same chunk again
    assert uploads.append_chunk(db, item_id, digest, 0, data[:2048], **args) == 2048
    assert count(dsn, "SELECT count(*) FROM upload_chunks") == 1
    assert uploads.append_chunk(db, item_id, digest, 2048, data[2048:], **args) == 4096
    assert uploads.append_chunk(db, item_id, digest, 2048, data[2048:], **args) == 4096
    assert uploads.assemble(db, item_id, digest, sender="fp:a") == data


def test_racing_writers_of_one_chunk_store_it_once(db: Database, dsn: str) -> None:
    data = os.urandom(64 * 1024)
    item_id, digest = new_id(), sha(data)
    results = race(
        8,
        lambda _: uploads.append_chunk(
            db, item_id, digest, 0, data[:32768], sender="fp:a", total=len(data)
        ),
    )
    assert results == [32768] * 8
    assert count(dsn, "SELECT count(*) FROM upload_chunks") == 1
    assert count(dsn, "SELECT received_bytes FROM uploads") == 32768


def test_uploads_of_different_senders_stay_apart(db: Database) -> None:
    data = os.urandom(2000)
    item_id, digest = new_id(), sha(data)
    uploads.append_chunk(db, item_id, digest, 0, data[:1000], sender="fp:a", total=2000)
    # another member cannot add to (or spoil) the first one's upload
    assert uploads.append_chunk(db, item_id, digest, 0, b"x" * 1000, sender="fp:b", total=2000)
    assert uploads.append_chunk(db, item_id, digest, 1000, data[1000:], sender="fp:a", total=2000)
    assert uploads.assemble(db, item_id, digest, sender="fp:a") == data


def test_upload_limits(db: Database) -> None:
    item_id, digest = new_id(), "ab" * 32

    def refused(start: int, part: bytes, total: int) -> str:
        with pytest.raises(UploadRefused) as excinfo:
            uploads.append_chunk(db, item_id, digest, start, part, sender="fp:a", total=total)
        return excinfo.value.code

    assert store.MAX_ITEM_BYTES == MAX_BUNDLE_BYTES == 512 * 1024 * 1024
    big_chunk = b"\x00" * (store.MAX_CHUNK_BYTES + 1)
    assert refused(0, big_chunk, 100 * 1024 * 1024) == "intake.chunk_too_large"
    assert refused(0, b"x", MAX_BUNDLE_BYTES + 1) == "intake.too_large"
    assert refused(MAX_BUNDLE_BYTES - 1, b"xy", MAX_BUNDLE_BYTES) == "intake.chunk_beyond_end"
    assert refused(0, b"", 10) == "intake.empty"
    assert refused(0, b"x", 0) == "intake.bad_size"
    assert refused(-1, b"x", 10) == "intake.bad_range"
    # a whole chunk of the largest size is taken
    full = os.urandom(store.MAX_CHUNK_BYTES)
    assert uploads.append_chunk(
        db, item_id, digest, 0, full, sender="fp:a", total=MAX_BUNDLE_BYTES
    ) == len(full)
    assert refused(len(full), b"x", MAX_BUNDLE_BYTES - 1) == "intake.upload_size_changed"
    with pytest.raises(UploadRefused) as excinfo:
        uploads.assemble(db, item_id, digest, sender="fp:a")
    assert excinfo.value.code == "intake.upload_incomplete"
    with pytest.raises(UploadRefused) as excinfo:
        uploads.assemble(db, new_id(), digest, sender="fp:a")
    assert excinfo.value.code == "intake.no_upload"


def test_a_complete_upload_with_the_wrong_hash_is_discarded(db: Database) -> None:
    data = os.urandom(1000)
    item_id, claimed = new_id(), sha(b"something else")
    uploads.append_chunk(db, item_id, claimed, 0, data, sender="fp:a", total=1000)
    with pytest.raises(UploadDamaged) as excinfo:
        uploads.assemble(db, item_id, claimed, sender="fp:a")
    assert excinfo.value.code == "intake.upload_hash_mismatch"
    assert uploads.upload_state(db, item_id, claimed, sender="fp:a") is None


def test_an_assembled_upload_becomes_a_bundle(db: Database) -> None:
    row = a_bundle(data=os.urandom(50_000))
    upload(db, row.ciphertext, 8192, item_id=row.bundle_id)
    data = uploads.assemble(db, row.bundle_id, row.sha256, sender="fp:interviewer")
    _, created = store.put_bundle(db, BundleRow(**(row.__dict__ | {"ciphertext": data})))
    assert created and store.bundle_bytes(db, row.bundle_id) == row.ciphertext
    assert uploads.discard_upload(db, row.bundle_id, row.sha256, sender="fp:interviewer")


def test_decisions_upload_too(db: Database) -> None:
    data = os.urandom(5000)
    item_id = new_id()
    uploads.append_chunk(
        db, item_id, sha(data), 0, data, sender="fp:s", total=5000, kind="decision"
    )
    assert uploads.upload_state(db, item_id, sha(data), sender="fp:s") is None  # not a bundle's
    assert uploads.assemble(db, item_id, sha(data), sender="fp:s", kind="decision") == data


def test_stale_uploads_are_discarded(db: Database, dsn: str) -> None:
    data = os.urandom(100)
    uploads.append_chunk(db, new_id(), sha(data), 0, data[:50], sender="fp:a", total=100)
    assert uploads.discard_stale_uploads(db, timedelta(hours=1)) == 0
    with connect(dsn) as conn:
        conn.execute("UPDATE uploads SET updated = now() - interval '2 days'")
    assert uploads.discard_stale_uploads(db, timedelta(hours=1)) == 1
    assert count(dsn, "SELECT count(*) FROM upload_chunks") == 0
