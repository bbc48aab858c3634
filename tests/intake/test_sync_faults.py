"""The sync client against the real intake when the network and the database misbehave
(the shared world is in tests/intake/reliability_world.py):

- a connection reset mid-upload: the next pass asks the intake where the upload stands
  (HEAD) and resumes from that offset, never from zero;
- the intake's database unreachable (a network partition, or connections refused and
  killed by PostgreSQL itself): 503, the item waits with back-off, then delivers;
- answers lost to a timeout, links that never answer, a slow link;
- the same bundle from two copies of a vault: one row, one receipt.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from app.engine.clock import parse_stamp
from app.engine.engine import Engine
from app.sync.run import PassReport, sync_pass
from intake.cluster import ThrowawayCluster
from intake.db import Database
from intake.migrations import migrate
from tests.intake.faultproxy import (
    PASS,
    Fault,
    FaultProxy,
    blackhole,
    delay,
    drop,
    reset,
    throttle,
)
from tests.intake.harness import Client, running_intake
from tests.intake.reliability_world import (
    CHUNK,
    DEADLINE,
    POOL_TIMEOUT,
    TIMEOUT,
    Sent,
    World,
    check_delivered,
    copy_vault,
    database_name,
    deliver_all,
    deliveries,
    export,
    intake_receipts,
    interviewer,
    open_vault,
    port_of,
    rows,
    until,
    upload_offsets,
    via,
)

# --- resets mid-upload -----------------------------------------------------------------


def test_resets_mid_upload_resume_from_the_intakes_offset(
    world: World, db: Database, dsn: str, tmp_path: Path, sent: list[Sent]
) -> None:
    with running_intake(db, world.org) as running, FaultProxy(running.port) as link:
        engine = interviewer(world, tmp_path, link.url)
        first, second = export(engine, 2)
        size = engine.outbox_item(first).size
        assert 2 * CHUNK < size <= 3 * CHUNK  # three chunks

        # Cut in the second chunk of the first item (its first chunk, ~52 KB with the
        # handshake and headers, got its 202 before the second was sent).
        link.set(reset(after=80_000))
        report = sync_pass(engine, chunk=CHUNK, fetch=False)
        assert not report.reached and report.unreachable in ("link", "tls")
        item = engine.outbox_item(first)
        assert (item.state, item.bytes_sent, item.attempts) == ("sending", CHUNK, 0)
        assert upload_offsets(dsn) == {first: CHUNK}
        assert link.faults["reset"] == 1

        # The next pass asks where the upload stands, resumes at that offset, and is cut
        # again in the middle of that chunk: the intake still holds one chunk.
        mark = len(sent)
        link.set(reset(after=30_000))
        report = sync_pass(engine, chunk=CHUNK, fetch=False)
        assert not report.reached
        resumed = deliveries(sent, mark)
        assert [(s.method, s.start) for s in resumed] == [("HEAD", None), ("PUT", CHUNK)]
        assert resumed[0].status == 202
        assert upload_offsets(dsn) == {first: CHUNK}

        mark = len(sent)
        link.set(PASS)
        report = sync_pass(engine, chunk=CHUNK, fetch=False)
        assert report.reached and [d["id"] for d in report.delivered] == [first, second]
        puts = [s for s in deliveries(sent, mark) if s.of(first)]
        assert [(s.method, s.start, s.status) for s in puts] == [
            ("HEAD", None, 202),
            ("PUT", CHUNK, 202),
            ("PUT", 2 * CHUNK, 201),
        ]
        # The second item went up from the start, never touched by a fault.
        whole = engine.outbox_item(second).size
        starts = [s.start for s in deliveries(sent, mark) if s.of(second)]
        assert starts == list(range(0, whole, CHUNK))
        check_delivered(engine, dsn, [first, second])
        assert upload_offsets(dsn) == {}  # completed uploads leave nothing behind


# --- the database unreachable: 503, back-off, then delivered ----------------------------


@dataclass
class Outage:
    """Makes the intake's database unreachable and reachable again."""

    begin: Callable[[], None]
    end: Callable[[], None]


@pytest.fixture(params=["partition", "refused"])
def outage_intake(
    request: pytest.FixtureRequest, world: World, dsn: str, pg_cluster: ThrowawayCluster
) -> Iterator[tuple[Any, Outage]]:
    """The intake over a pool that gives up on the database after POOL_TIMEOUT, and the
    outage: `partition`, the network between them cut (every connection reset, new ones
    closed at once, through a proxy); `refused`, PostgreSQL itself refusing connections
    to the database and terminating those it had (ALLOW_CONNECTIONS false,
    pg_terminate_backend), as when a database is taken down for maintenance."""
    migrate(dsn)
    with FaultProxy(port_of(dsn)) as pg_link:
        if request.param == "partition":
            target = via(dsn, pg_link.port)

            def begin() -> None:
                pg_link.set(drop())
                pg_link.sever()

            def end() -> None:
                pg_link.set(PASS)
        else:
            target = dsn
            name = sql.Identifier(database_name(dsn))

            def allow(yes: bool) -> None:
                with psycopg.connect(pg_cluster.admin_conninfo, autocommit=True) as conn:
                    conn.execute(
                        sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
                            name, sql.Literal(yes)
                        )
                    )
                    if not yes:
                        conn.execute(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = %s",
                            (database_name(dsn),),
                        )

            def begin() -> None:
                allow(False)

            def end() -> None:
                allow(True)

        database = Database(target, min_size=1, max_size=4, timeout=POOL_TIMEOUT)
        try:
            with running_intake(database, world.org) as running:
                yield running, Outage(begin, end)
        finally:
            end()
            database.close()


def test_database_unreachable_is_503_and_the_item_waits_then_delivers(
    world: World, dsn: str, tmp_path: Path, outage_intake: tuple[Any, Outage], sent: list[Sent]
) -> None:
    running, outage = outage_intake
    engine = interviewer(world, tmp_path, running.url)
    ids = export(engine, 2)
    outage.begin()
    before = datetime.now(UTC)
    # The intake was reached and answered 503: that item waits, nothing was refused, and
    # the pass stops there (every other item would wait for the same answer).
    for item_id in ids:
        report = sync_pass(engine, chunk=CHUNK, fetch=False)
        assert report.reached and not report.delivered and not report.refused
        assert [(w["id"], w["error"]) for w in report.waiting] == [(item_id, "busy.503")]
        item = engine.outbox_item(item_id)
        assert (item.state, item.attempts, item.last_error) == ("queued", 1, "busy.503")
        assert item.next_attempt is not None
        # Retry-After: 5 is honoured (the back-off of a first retry is only 2.5-5 s).
        assert parse_stamp(item.next_attempt) - before >= timedelta(seconds=5)
    assert engine.outbox_item(ids[-1]).attempts == 1  # each tried once, in turn

    # Before its next attempt is due a pass leaves the items alone.
    mark = len(sent)
    report = sync_pass(engine, chunk=CHUNK, fetch=False)
    assert report.reached and not report.delivered and not report.waiting
    assert not deliveries(sent, mark)

    outage.end()
    assert rows(dsn) == {}  # (read now: while refusing, the database refuses us too)
    # The intake finds its database again by itself (its pool reconnects): wait for it.
    client = Client.for_member(running.port, world.org, "interviewer")
    probe = engine.outbox_item(ids[0])
    until(lambda: client.head(f"/v1/bundles/{ids[0]}", probe.sha256).status != 503, "back")
    reports = deliver_all(engine, chunk=CHUNK)
    assert [d["id"] for r in reports for d in r.delivered] == ids
    check_delivered(engine, dsn, ids)


# --- timeouts and slow links -----------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "reason"),
    [(drop(), ("connect", "tls", "link")), (blackhole(), ("timeout",)), (delay(60), ("timeout",))],
    ids=["dropped", "never-answers", "handshake-delayed"],
)
def test_a_link_that_fails_before_the_intake_hears_anything_changes_nothing(
    world: World,
    db: Database,
    dsn: str,
    tmp_path: Path,
    fault: Fault,
    reason: tuple[str, ...],
) -> None:
    with running_intake(db, world.org) as running, FaultProxy(running.port) as link:
        engine = interviewer(world, tmp_path, link.url)
        (item_id,) = export(engine, 1)
        before = engine.outbox_item(item_id)
        link.set(fault)
        started = time.monotonic()
        report = sync_pass(engine, timeout=1.0)
        assert not report.reached and report.unreachable in reason
        assert time.monotonic() - started < 30  # the timeout bounds it
        assert engine.outbox_item(item_id) == before  # offline is normal: nothing changes
        assert rows(dsn) == {}
        link.set(PASS)
        report = sync_pass(engine, timeout=1.0)
        assert report.reached and [d["id"] for d in report.delivered] == [item_id]
        check_delivered(engine, dsn, [item_id])


def test_an_answer_lost_to_a_timeout_is_fetched_again_with_the_same_receipt(
    world: World, db: Database, dsn: str, tmp_path: Path, sent: list[Sent]
) -> None:
    with running_intake(db, world.org) as running, FaultProxy(running.port) as link:
        engine = interviewer(world, tmp_path, link.url)
        (item_id,) = export(engine, 1)
        size = engine.outbox_item(item_id).size
        # The whole bundle goes up; the intake's answer is held past the client's timeout.
        link.set(delay(TIMEOUT + 5, after=size))
        report = sync_pass(engine, timeout=TIMEOUT, fetch=False)
        assert not report.reached and report.unreachable == "timeout"
        assert engine.outbox_item(item_id).state == "queued"
        # The intake kept it all the same (the answer was lost, not the bundle).
        until(lambda: rows(dsn) == {item_id: 1}, "stored")
        stored = intake_receipts(dsn)[item_id]

        mark = len(sent)
        link.set(PASS)
        report = sync_pass(engine, timeout=TIMEOUT, fetch=False)
        assert [d["id"] for d in report.delivered] == [item_id]
        # Sent again whole, answered 200 (held already) with the receipt issued first.
        assert [(s.method, s.status) for s in deliveries(sent, mark)] == [("PUT", 200)]
        item = engine.outbox_item(item_id)
        assert (item.receipt_json, item.receipt_sig) == stored
        check_delivered(engine, dsn, [item_id])


def test_a_chunks_answer_lost_to_a_timeout_resumes_after_that_chunk(
    world: World, db: Database, dsn: str, tmp_path: Path, sent: list[Sent]
) -> None:
    with running_intake(db, world.org) as running, FaultProxy(running.port) as link:
        engine = interviewer(world, tmp_path, link.url)
        (item_id,) = export(engine, 1)
        # The first chunk's answer (202) is held past the timeout: the intake stored the
        # chunk, the client never heard, and did not note any progress.
        link.set(delay(TIMEOUT + 5, after=CHUNK))
        report = sync_pass(engine, chunk=CHUNK, timeout=TIMEOUT, fetch=False)
        assert report.unreachable == "timeout"
        until(lambda: upload_offsets(dsn) == {item_id: CHUNK}, "the first chunk stored")
        assert engine.outbox_item(item_id).bytes_sent == 0

        mark = len(sent)
        link.set(PASS)
        report = sync_pass(engine, chunk=CHUNK, timeout=TIMEOUT, fetch=False)
        assert [d["id"] for d in report.delivered] == [item_id]
        # Never tried as far as the vault knows, so it starts at 0: the same chunk again
        # is answered with where the upload stands, and the rest follows.
        assert [(s.start, s.status) for s in deliveries(sent, mark)] == [
            (0, 202),
            (CHUNK, 202),
            (2 * CHUNK, 201),
        ]
        check_delivered(engine, dsn, [item_id])
        assert upload_offsets(dsn) == {}


def test_a_slow_link_delivers_although_the_transfer_outlasts_the_timeout(
    world: World, db: Database, dsn: str, tmp_path: Path
) -> None:
    rate = 64 * 1024  # bytes a second, each way
    timeout = 3.0
    with running_intake(db, world.org) as running, FaultProxy(running.port) as link:
        engine = interviewer(world, tmp_path, link.url)
        ids = export(engine, 2)
        total = sum(engine.outbox_item(i).size for i in ids)
        link.set(throttle(rate))
        started = time.monotonic()
        # 32 KiB chunks: each request takes half a second on this link.
        report = sync_pass(engine, chunk=32 * 1024, timeout=timeout, fetch=False)
        took = time.monotonic() - started
        assert report.reached and [d["id"] for d in report.delivered] == ids
        # The link really was that slow, and the pass outlasted the client's timeout
        # (which bounds each operation, not the transfer).
        assert took >= 0.9 * total / rate > timeout
        check_delivered(engine, dsn, ids)


def test_a_whole_upload_slower_than_the_timeout_still_delivers_once(
    world: World, db: Database, dsn: str, tmp_path: Path, sent: list[Sent]
) -> None:
    rate = 24 * 1024
    timeout = 2.0
    with running_intake(db, world.org) as running, FaultProxy(running.port) as link:
        engine = interviewer(world, tmp_path, link.url)
        (item_id,) = export(engine, 1)
        size = engine.outbox_item(item_id).size
        assert size / rate > 2 * timeout  # ~5 s for a bundle against a 2 s timeout
        link.set(throttle(rate))
        reports = deliver_all(engine, timeout=timeout, passes=6)
        assert reports[-1].delivered and [d["id"] for d in reports[-1].delivered] == [item_id]
        check_delivered(engine, dsn, [item_id])
        # How it got there: the first pass timed out waiting for an answer while the
        # intake was still receiving (and then kept) the bundle; the next one was
        # answered from what the intake already held.
        assert reports[0].unreachable == "timeout"
        assert [s.status for s in deliveries(sent) if s.method == "PUT"][-1] == 200


# --- duplicates ------------------------------------------------------------------------


def test_the_same_bundles_from_two_copies_of_a_vault_are_kept_once(
    world: World, db: Database, dsn: str, tmp_path: Path
) -> None:
    with running_intake(db, world.org) as running:
        url = running.url
        engine = interviewer(world, tmp_path, url)
        ids = export(engine, 3)
        engine.vault.close()
        original = Path(engine.vault.root)
        laptop = open_vault(original)
        restored = open_vault(copy_vault(original, tmp_path / "restored-copy"))
        # The copy (a restored backup, a second laptop) delivers first, chunked; then
        # the original, whole: the intake answers the repeat with the same receipts.
        first = deliver_all(restored, chunk=CHUNK)
        assert [d["id"] for d in first[0].delivered] == ids
        again = deliver_all(laptop)
        assert [d["id"] for d in again[0].delivered] == ids
        check_delivered(laptop, dsn, ids)
        check_delivered(restored, dsn, ids)

        # Both at once, each from its own thread: still one row and one receipt each.
        more = export(laptop, 4)
        laptop.vault.close()
        racers = [open_vault(copy_vault(original, tmp_path / f"racer-{n}")) for n in range(2)]
        barrier = threading.Barrier(len(racers))
        reports: list[PassReport] = []
        failures: list[BaseException] = []

        def race(racer: Engine) -> None:
            try:
                barrier.wait(30)
                reports.append(sync_pass(racer, chunk=CHUNK, fetch=False))
            except BaseException as exc:  # reported by the test below
                failures.append(exc)

        threads = [threading.Thread(target=race, args=(r,)) for r in racers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(DEADLINE)
        assert not failures and len(reports) == 2
        for racer in racers:
            deliver_all(racer, chunk=CHUNK)  # any item that met the other's upload
            check_delivered(racer, dsn, [*ids, *more])
        assert upload_offsets(dsn) == {}


def test_an_item_reset_to_be_sent_again_gets_the_receipt_it_had(
    world: World, db: Database, dsn: str, tmp_path: Path, sent: list[Sent]
) -> None:
    """The vault forgets that an item was delivered (its row set back to queued, as a
    restore from a backup taken before delivery would): it is sent again, the intake
    answers 200 with the receipt it issued the first time, and keeps one row."""
    with running_intake(db, world.org) as running:
        engine = interviewer(world, tmp_path, running.url)
        (item_id,) = export(engine, 1)
        deliver_all(engine)
        first = engine.outbox_item(item_id)
        with engine.vault.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'queued', bytes_sent = 0, receipt_json = NULL, "
                "receipt_sig = NULL, delivered = NULL WHERE item_id = ?",
                (item_id,),
            )
        assert engine.outbox_item(item_id).state == "queued"
        mark = len(sent)
        deliver_all(engine, chunk=CHUNK)
        # Answered at the first chunk: the intake holds it, whatever the offset.
        assert [(s.method, s.start, s.status) for s in deliveries(sent, mark)] == [("PUT", 0, 200)]
        again = engine.outbox_item(item_id)
        assert (again.receipt_json, again.receipt_sig) == (first.receipt_json, first.receipt_sig)
        check_delivered(engine, dsn, [item_id])


# --- the intake killed mid-upload --------------------------------------------------------
