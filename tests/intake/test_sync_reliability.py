"""The sync client against the real intake when the network and the servers misbehave.

Everything is real: a throwaway PostgreSQL cluster, the intake over mutual TLS (served
from a thread, or `quietroom-intake serve --config` in a child process where it must be
killed), the sync client (`sync_pass`) and bundles exported from a signed case. Faults
come from tests/intake/faultproxy.py, a TCP proxy between the client and the intake
(relaying TLS it cannot read) or between the intake and PostgreSQL:

- a connection reset mid-upload: the next pass asks the intake where the upload stands
  (HEAD) and resumes from that offset, never from zero;
- the intake's database unreachable (a network partition, or connections refused and
  killed by PostgreSQL itself): 503, the item waits with back-off, then delivers;
- answers lost to a timeout, links that never answer, a slow link;
- the same bundle from two copies of a vault: one row, one receipt;
- the intake killed with SIGKILL mid-upload and started again: the upload resumes;
- the campaign: N bundles (25 to a vault, as on an organisation's laptops) through random
  link faults and database outages (seeded), passes repeated until every item is
  delivered; nothing lost, nothing stored twice, every receipt valid (by the client's
  own check and, for a sample, by `openssl cms -verify`). N is $QUIETROOM_RELIABILITY_N
  (40 by default; `make reliability` runs 1,000), and the figures are printed as JSON
  (and written to $QUIETROOM_RELIABILITY_OUT when set).

Time: an item the intake could not take waits until its next attempt on the engine's
clock, so the tests move that clock forward (`SteppingClock`) rather than sleep. Nothing
waits on a fixed sleep: conditions are polled against deadlines (`until`).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from app.engine.clock import parse_stamp
from app.engine.engine import Engine
from app.export.bundle import export_case
from app.org import org_init
from app.sync import client as sync_client
from app.sync.client import Busy, IntakeClient, Unreachable
from app.sync.receipts import check_receipt
from app.sync.run import PassReport, sync_pass
from app.vault.vault import Vault
from intake.cluster import ThrowawayCluster
from intake.db import Database
from intake.migrations import migrate
from tests.conftest import PASSPHRASE, REPO, require_tool
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
from tests.intake.harness import Client, free_tcp_port, running_intake
from tests.interop.test_export_bundle import build_case

CASE = "CSA-EXP-1"  # build_case's case
CHUNK = 48 * 1024  # small chunks, so every bundle (123-135 KB) goes up in three requests
TIMEOUT = 5.0  # the client's timeout where a test needs one (seconds, per operation)
POOL_TIMEOUT = 2.0  # how long the intake waits for a database connection before 503
DEADLINE = 120.0  # the longest any condition is waited for
SERVING = "the intake is serving on"

CAMPAIGN_N = int(os.environ.get("QUIETROOM_RELIABILITY_N", "40"))
CAMPAIGN_SEED = int(os.environ.get("QUIETROOM_RELIABILITY_SEED", "20261207"))
CAMPAIGN_OUT = os.environ.get("QUIETROOM_RELIABILITY_OUT")
CAMPAIGN_TIMEOUT = 2.0  # every timeout costs this much, so the campaign keeps it short
CAMPAIGN_POOL_TIMEOUT = 1.0  # below CAMPAIGN_TIMEOUT: a 503 reaches the client in time
MEAN_FAULT_BYTES = 400_000  # bytes into a pass where its fault strikes, on average
# Bundles per vault in the campaign: a vault's bundles grow with its case's audit log
# (every export adds to it) and its outbox queries slow down with the outbox's bytes, so
# a campaign of 1,000 spreads them over many vaults, as over an organisation's laptops.
PER_VAULT = 25
OPENSSL_SAMPLE = 25  # receipts checked with openssl too (all of them when fewer)


# --- time and waiting -----------------------------------------------------------------


class SteppingClock:
    """The real time plus a skew the test moves forward: an item waiting for its next
    attempt becomes due without the test sleeping through its back-off."""

    def __init__(self) -> None:
        self.skew = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.skew

    def advance_to(self, moment: datetime) -> None:
        ahead = moment - self.now()
        if ahead > timedelta(0):
            self.skew += ahead + timedelta(milliseconds=1)


def until(
    condition: Callable[[], Any], what: str, deadline: float = DEADLINE, every: float = 0.05
) -> Any:
    """Poll `condition` until it returns something true (which is returned); fail with
    `what` at the deadline. The pause between polls only spaces them out."""
    end = time.monotonic() + deadline
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"still not {what} after {deadline:g} s")
        time.sleep(every)


# --- the organisation and the interviewer's vaults --------------------------------------


@dataclass(frozen=True)
class World:
    """An organisation and a template vault: the interviewer's identity (signing and
    authentication pairs) and a signed case, nothing exported. Tests work on copies."""

    base: Path
    org: Path
    template: Path

    @property
    def ca(self) -> Path:
        return self.org / "ca.pem"


def build_world(base: Path) -> World:
    org = base / "org"
    # The address only names where the CRL would be: the tests set their own.
    org_init(org, intake_url=f"https://localhost:{free_tcp_port()}")
    engine = build_case(base / "template", org)
    member = org / "interviewer"
    engine.import_identity(
        member / "cert.pem",
        member / "key.pem",
        member / "age-identity.txt",
        org / "trust.json",
        auth_cert=member / "auth-cert.pem",
        auth_key=member / "auth-key.pem",
    )
    engine.vault.close()
    return World(base, org, base / "template")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return build_world(tmp_path_factory.mktemp("reliability"))


def copy_vault(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def open_vault(path: Path, url: str | None = None) -> Engine:
    """The vault at `path` on a SteppingClock, syncing to `url`."""
    engine = Engine(Vault.open(path, PASSPHRASE), clock=SteppingClock())
    if url is not None:
        engine.set_sync_url(url)
    return engine


def interviewer(world: World, tmp_path: Path, url: str | None) -> Engine:
    """A fresh copy of the template vault, syncing to `url`."""
    target = tmp_path / f"vault-{uuid.uuid4().hex[:8]}"
    return open_vault(copy_vault(world.template, target), url)


def export(engine: Engine, count: int) -> list[str]:
    """`count` new bundles of the signed case, queued for the intake; their ids."""
    return [export_case(engine, CASE, None, send=True).bundle_id for _ in range(count)]


def clock_of(engine: Engine) -> SteppingClock:
    clock = engine.clock
    assert isinstance(clock, SteppingClock)
    return clock


def make_due(engine: Engine) -> bool:
    """Move the engine's clock to the earliest next attempt when nothing is due yet;
    False when nothing is left to deliver."""
    left = [i for i in engine.outbox() if i.state in ("queued", "sending")]
    if not left:
        return False
    if not engine.outbox_due(engine.now()):
        soonest = min(parse_stamp(i.next_attempt) for i in left if i.next_attempt)
        clock_of(engine).advance_to(soonest)
    return True


def deliver_all(engine: Engine, *, passes: int = 10, **kwargs: Any) -> list[PassReport]:
    """Passes until the outbox is empty (at most `passes`); their reports."""
    reports: list[PassReport] = []
    while make_due(engine):
        assert len(reports) < passes, f"not delivered in {passes} passes: {reports[-1]}"
        reports.append(sync_pass(engine, fetch=False, **kwargs))
    return reports


# --- the intake's side ----------------------------------------------------------------


def rows(dsn: str) -> dict[str, int]:
    """bundle id -> how many rows the intake holds for it."""
    with psycopg.connect(dsn) as conn:
        found = conn.execute("SELECT bundle_id, count(*) FROM bundles GROUP BY bundle_id")
        return {bundle_id: int(count) for bundle_id, count in found}


def count(dsn: str, table: str) -> int:
    with psycopg.connect(dsn) as conn:
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        row = conn.execute(query).fetchone()
    assert row is not None
    return int(row[0])


def intake_receipts(dsn: str) -> dict[str, tuple[bytes, bytes]]:
    with psycopg.connect(dsn) as conn:
        found = conn.execute(
            "SELECT bundle_id, receipt_json, receipt_sig FROM receipts WHERE kind = 'bundle'"
        )
        return {bundle_id: (bytes(doc), bytes(sig)) for bundle_id, doc, sig in found}


def upload_offsets(dsn: str) -> dict[str, int]:
    """item id -> bytes the intake holds of its unfinished upload."""
    with psycopg.connect(dsn) as conn:
        found = conn.execute("SELECT item_id, received_bytes FROM uploads")
        return {item_id: int(received) for item_id, received in found}


def via(dsn: str, port: int) -> str:
    """The DSN with its port replaced (to reach PostgreSQL through a proxy)."""
    return make_conninfo(dsn, port=str(port))


def port_of(dsn: str) -> int:
    return int(str(conninfo_to_dict(dsn)["port"]))


def database_name(dsn: str) -> str:
    return str(conninfo_to_dict(dsn)["dbname"])


def check_delivered(
    engine: Engine, dsn: str, ids: list[str], everything: list[str] | None = None
) -> dict[str, int]:
    """Every item of `ids` delivered exactly once: one row each, the vault's receipt the
    very one the intake keeps, and valid (the client's own check); and the intake holds
    nothing but `everything` (by default `ids`), one row each."""
    trust = engine.trust()
    assert trust is not None
    held = rows(dsn)
    assert held == dict.fromkeys(everything or ids, 1)
    kept = intake_receipts(dsn)
    assert sorted(kept) == sorted(everything or ids)
    for item_id in ids:
        item = engine.outbox_item(item_id)
        assert item.state == "delivered", (item_id, item.state, item.last_error)
        assert item.receipt_json is not None and item.receipt_sig is not None
        assert (item.receipt_json, item.receipt_sig) == kept[item_id]
        check_receipt(
            item.receipt_json,
            item.receipt_sig,
            trust,
            kind="bundle",
            item_id=item_id,
            sha256=item.sha256,
            size=item.size,
        )
    return held


def openssl_verifies(world: World, receipt_json: bytes, receipt_sig: bytes, tmp: Path) -> None:
    """The check docs/sync-protocol.md gives anyone with the CA certificate."""
    openssl = require_tool("openssl")
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "receipt.json").write_bytes(receipt_json)
    (tmp / "receipt.p7s").write_bytes(receipt_sig)
    done = subprocess.run(
        [
            openssl,
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "receipt.p7s",
            "-content",
            "receipt.json",
            "-CAfile",
            str(world.ca),
            "-out",
            "/dev/null",
        ],
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr


# --- what the client sent -------------------------------------------------------------


@dataclass
class Sent:
    method: str
    path: str
    content_range: str | None
    status: int | None = None
    error: str | None = None

    @property
    def start(self) -> int | None:
        if self.content_range is None:
            return None
        return int(self.content_range.split()[1].split("-")[0])

    def of(self, item_id: str) -> bool:
        return self.path.endswith(item_id)


def deliveries(sent: list[Sent], since: int = 0) -> list[Sent]:
    """The requests about bundles (a pass also asks for the trust file, and fetches)."""
    return [s for s in sent[since:] if s.path.startswith("/v1/bundles/")]


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[Sent]:
    """Every request the sync client makes, with its answer (the real client, watched)."""
    log: list[Sent] = []
    original = IntakeClient.request

    def watched(
        self: IntakeClient,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
        params: dict[str, str | int] | None = None,
    ) -> sync_client.Answer:
        entry = Sent(method, path, (headers or {}).get("Content-Range"))
        log.append(entry)
        try:
            answer = original(self, method, path, headers=headers, content=content, params=params)
        except Busy as exc:
            entry.status = exc.status
            raise
        except Unreachable as exc:
            entry.error = exc.reason
            raise
        entry.status = answer.status
        return answer

    monkeypatch.setattr(IntakeClient, "request", watched)
    return log


# --- an intake in a child process -------------------------------------------------------


def write_config(folder: Path, dsn: str, org: Path, port: int) -> Path:
    """`quietroom-intake serve`'s configuration (as an operator writes it)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "intake.toml"
    config.write_text(
        "\n".join(
            [
                f"dsn = {json.dumps(dsn)}",
                "[listen]",
                'host = "127.0.0.1"',
                f"port = {port}",
                "[trust]",
                f"file = {json.dumps(str(org / 'trust.json'))}",
                "[identity]",
                f"folder = {json.dumps(str(org / 'intake'))}",
                "[pool]",
                "min_size = 1",
                "max_size = 4",
                "[verify]",
                "workers = 2",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return config


class IntakeProcess:
    """`quietroom-intake serve --config FILE` in a child process, on a fixed port, that
    can be killed (SIGKILL: no clean-up of any kind) and started again on that port."""

    def __init__(self, config: Path, port: int, log: Path) -> None:
        self.config = config
        self.port = port
        self.log = log
        self.proc: subprocess.Popen[str] | None = None
        self.starts = 0

    def start(self) -> None:
        assert self.proc is None or self.proc.poll() is not None
        with open(self.log, "a", encoding="utf-8") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "intake.cli", "serve", "--config", str(self.config)],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        self.starts += 1
        ready = threading.Event()
        seen: list[str] = []
        proc = self.proc

        def pump() -> None:
            # Reads until the child exits, so its stdout never fills up.
            assert proc.stdout is not None
            for line in proc.stdout:
                seen.append(line.rstrip("\n"))
                if SERVING in line:
                    ready.set()
            ready.set()

        threading.Thread(target=pump, name=f"intake-{self.port}-out", daemon=True).start()
        if not ready.wait(DEADLINE) or proc.poll() is not None:
            raise AssertionError(f"the intake did not start: {seen} {self.log.read_text()}")

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """kill -9, and wait until it is gone."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(60)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(60)


@pytest.fixture
def intake_processes(tmp_path: Path) -> Iterator[Callable[[str, Path], IntakeProcess]]:
    """Makes started intake processes (config for a DSN and an organisation); every one
    is stopped when the test ends, however it ends."""
    made: list[IntakeProcess] = []

    def make(dsn: str, org: Path) -> IntakeProcess:
        port = free_tcp_port()
        folder = tmp_path / f"intake-{len(made)}"
        process = IntakeProcess(
            write_config(folder, dsn, org, port), port, folder / "intake-stderr.log"
        )
        made.append(process)
        process.start()
        return process

    try:
        yield make
    finally:
        for process in made:
            process.stop()


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
        assert [s.start for s in deliveries(sent, mark) if s.of(second)] == [0, CHUNK, 2 * CHUNK]
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


@pytest.mark.cli  # drives quietroom-intake in child processes, as test_cli_serve.py does
@pytest.mark.parametrize(
    ("kill_at", "held"),
    [(20_000, 0), (80_000, CHUNK)],
    ids=["in-the-first-chunk", "in-the-second-chunk"],
)
def test_the_intake_killed_mid_upload_and_restarted_resumes(
    world: World,
    dsn: str,
    tmp_path: Path,
    intake_processes: Callable[[str, Path], IntakeProcess],
    sent: list[Sent],
    kill_at: int,
    held: int,
) -> None:
    migrate(dsn)
    intake = intake_processes(dsn, world.org)
    with FaultProxy(intake.port) as link:
        engine = interviewer(world, tmp_path, link.url)
        (item_id,) = export(engine, 1)
        # kill -9 the moment `kill_at` bytes have gone up, with a chunk half-received.
        link.set(Fault("pass", after=kill_at, trigger=intake.kill))
        report = sync_pass(engine, chunk=CHUNK, fetch=False)
        assert not report.reached
        until(lambda: not intake.running, "killed")  # (the proxy's thread reaps it)
        assert engine.outbox_item(item_id).bytes_sent == held
        assert upload_offsets(dsn) == ({item_id: held} if held else {})

        intake.start()  # the same configuration, the same port
        link.set(PASS)
        mark = len(sent)
        report = sync_pass(engine, chunk=CHUNK, fetch=False)
        assert [d["id"] for d in report.delivered] == [item_id]
        steps = [(s.method, s.start, s.status) for s in deliveries(sent, mark)]
        if held:  # resumed where the intake stood, never from zero
            assert steps == [("HEAD", None, 202), ("PUT", CHUNK, 202), ("PUT", 2 * CHUNK, 201)]
        else:
            assert steps == [("PUT", 0, 202), ("PUT", CHUNK, 202), ("PUT", 2 * CHUNK, 201)]
        check_delivered(engine, dsn, [item_id])
        assert upload_offsets(dsn) == {}
        assert intake.starts == 2


# --- the campaign ----------------------------------------------------------------------


@dataclass
class Campaign:
    """The random faults of a campaign. Every connection to the intake gets a fault that
    strikes after an exponentially distributed number of bytes (MEAN_FAULT_BYTES on
    average, about three bundles), so faults land anywhere in a pass: in a handshake,
    between requests, mid-chunk, in the answers; a pass ends when its fault strikes,
    and the campaign when a pass's fault comes later than what was left to send. The
    proxy accepts one connection at a time, so the n-th connection always draws the
    same fault from the seeded generator. Some passes also lose the database for a few
    seconds, from a moment drawn by a generator of its own."""

    rng: random.Random
    db_rng: random.Random
    pg_link: FaultProxy
    drawn: Counter[str] = field(default_factory=Counter)
    outages: list[threading.Timer] = field(default_factory=list)

    def fault(self, number: int) -> Fault:
        roll = self.rng.random()
        at = int(self.rng.expovariate(1 / MEAN_FAULT_BYTES))
        if roll < 0.45:
            kind, fault = "reset", reset(at)
        elif roll < 0.55:
            kind, fault = "drop", drop()
        elif roll < 0.60:
            kind, fault = "blackhole", blackhole()
        elif roll < 0.70:
            kind, fault = "delay", delay(CAMPAIGN_TIMEOUT + 1, after=at)
        else:
            kind, fault = "throttle", throttle(512 * 1024, reset_after=at)
        self.drawn[kind] += 1
        return fault

    def maybe_outage(self) -> None:
        """Now and then, the database goes away in the middle of the pass about to
        start: every connection to it cut, new ones closed, for 1 to 4 seconds."""
        if self.db_rng.random() >= 0.05:
            return
        start, length = self.db_rng.uniform(0.0, 2.0), self.db_rng.uniform(1.0, 4.0)

        def down() -> None:
            self.pg_link.set(drop())
            self.pg_link.sever()
            self._later(length, lambda: self.pg_link.set(PASS))

        self._later(start, down)
        self.drawn["db_outage"] += 1

    def _later(self, seconds: float, action: Callable[[], None]) -> None:
        timer = threading.Timer(seconds, action)
        timer.daemon = True
        self.outages.append(timer)
        timer.start()

    def calm(self) -> None:
        """No outage pending or under way (before the checks at the end)."""
        for timer in self.outages:
            timer.cancel()
        self.pg_link.set(PASS)


@pytest.fixture(scope="module")
def campaign_vaults(
    world: World, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[Path], float]:
    """Vaults ("laptops") holding CAMPAIGN_N queued bundles between them, PER_VAULT
    each, exported once per run; their paths and how long making them took."""
    started = time.monotonic()
    base = tmp_path_factory.mktemp("campaign")
    paths: list[Path] = []
    for first in range(0, CAMPAIGN_N, PER_VAULT):
        path = copy_vault(world.template, base / f"laptop-{len(paths):03d}")
        engine = open_vault(path)
        export(engine, min(PER_VAULT, CAMPAIGN_N - first))
        engine.vault.close()
        paths.append(path)
    return paths, time.monotonic() - started


@pytest.mark.slow
def test_campaign_of_random_faults_loses_nothing_and_stores_nothing_twice(
    world: World,
    dsn: str,
    tmp_path: Path,
    campaign_vaults: tuple[list[Path], float],
) -> None:
    migrate(dsn)
    vaults, export_seconds = campaign_vaults
    with FaultProxy(port_of(dsn)) as pg_link:
        campaign = Campaign(random.Random(CAMPAIGN_SEED), random.Random(CAMPAIGN_SEED + 1), pg_link)
        database = Database(
            via(dsn, pg_link.port), min_size=1, max_size=6, timeout=CAMPAIGN_POOL_TIMEOUT
        )
        try:
            with running_intake(database, world.org) as running, FaultProxy(running.port) as link:
                # Fresh copies: the module's vaults stay as they were exported.
                laptops = [open_vault(copy_vault(v, tmp_path / v.name), link.url) for v in vaults]
                ids = {id(e): [i.item_id for i in e.outbox()] for e in laptops}
                everything = [i for owned in ids.values() for i in owned]
                assert len(set(everything)) == CAMPAIGN_N
                link.set(campaign.fault)
                started = time.monotonic()
                passes, busy, unreachable = 0, Counter[str](), Counter[str]()
                limit = 100 + 3 * CAMPAIGN_N
                # Rounds: each laptop with something due makes one pass, over one link.
                while pending := [e for e in laptops if make_due(e)]:
                    for engine in pending:
                        assert passes < limit, f"not delivered in {limit} passes"
                        campaign.maybe_outage()
                        report = sync_pass(engine, chunk=CHUNK, timeout=CAMPAIGN_TIMEOUT)
                        passes += 1
                        assert not report.refused, report.refused
                        busy.update(w["error"] for w in report.waiting)
                        if report.unreachable:
                            unreachable[report.unreachable] += 1
                seconds = time.monotonic() - started
                link_stats = link.stats()
        finally:
            campaign.calm()
            database.close()

    for engine in laptops:
        check_delivered(engine, dsn, ids[id(engine)], everything)
    held = rows(dsn)
    delivered = [i for e in laptops for i in e.outbox() if i.state == "delivered"]
    sample = random.Random(CAMPAIGN_SEED).sample(delivered, min(OPENSSL_SAMPLE, len(delivered)))
    for n, item in enumerate(sample):
        assert item.receipt_json is not None and item.receipt_sig is not None
        openssl_verifies(world, item.receipt_json, item.receipt_sig, tmp_path / f"r{n}")
    bundles = count(dsn, "bundles")
    struck: dict[str, int] = dict(link_stats["faults"])  # type: ignore[call-overload]
    result = campaign_result(
        n=CAMPAIGN_N,
        laptops=len(laptops),
        delivered=len(delivered),
        rows=bundles,
        duplicates=sum(c - 1 for c in held.values()),
        receipts=len(delivered),
        openssl=len(sample),
        passes=passes,
        drawn=campaign.drawn,
        struck=struck,
        outages=campaign.drawn["db_outage"],
        busy=busy,
        unreachable=unreachable,
        seconds=seconds,
        export_seconds=export_seconds,
        leftover=len(upload_offsets(dsn)),
        link=link_stats,
    )
    print(json.dumps(result, indent=2))
    if CAMPAIGN_OUT:
        out = Path(CAMPAIGN_OUT)
        out = out if out.is_absolute() else REPO / out
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    assert bundles == CAMPAIGN_N
    assert result["all_met"], result


def campaign_result(
    *,
    n: int,
    laptops: int,
    delivered: int,
    rows: int,
    duplicates: int,
    receipts: int,
    openssl: int,
    passes: int,
    drawn: Counter[str],
    struck: dict[str, int],
    outages: int,
    busy: Counter[str],
    unreachable: Counter[str],
    seconds: float,
    export_seconds: float,
    leftover: int,
    link: dict[str, object],
) -> dict[str, Any]:
    """The campaign's figures in the benchmarks' JSON (bench/common.py)."""
    from bench.common import figure, report

    return report(
        "sync_reliability",
        [
            figure("bundles", n, unit="bundles"),
            figure("delivered", delivered, (">=", n), unit="bundles"),
            figure("lost", n - delivered, ("<=", 0), unit="bundles"),
            figure("rows_in_intake", rows, (">=", n), ("<=", n), unit="rows"),
            figure("duplicated_rows", duplicates, ("<=", 0), unit="rows"),
            figure("receipts_valid", receipts, (">=", n), unit="receipts"),
            figure("receipts_checked_with_openssl", openssl, unit="receipts"),
            figure("passes", passes, unit="passes"),
            figure("faults_injected", sum(struck.values()) + outages, unit="faults"),
            figure("answers_503", busy["busy.503"], unit="answers"),
            figure("seconds_delivering", round(seconds, 1), unit="s"),
        ],
        {
            "seed": CAMPAIGN_SEED,
            "laptops": laptops,
            "bundles_per_laptop": PER_VAULT,
            "chunk_bytes": CHUNK,
            "client_timeout_s": CAMPAIGN_TIMEOUT,
            "faults_drawn": dict(drawn),
            "link_faults_struck": dict(struck),
            "database_outages": outages,
            "items_waiting_by_error": dict(busy),
            "passes_unreachable_by_reason": dict(unreachable),
            "uploads_left_unfinished": leftover,
            "export_seconds": round(export_seconds, 1),
            "proxy": link,
        },
    )
