"""Fixtures of the intake's tests: one real, throwaway PostgreSQL cluster for the whole
session, and a fresh database in it for every test, so tests never see each other's
rows (creating a database from the empty template takes a few tens of milliseconds).

`pg_cluster` is the ThrowawayCluster, `cluster` its application DSN, `dsn` a new empty
database owned by the application role (dropped after the test), `db` that database
migrated to the latest schema, behind a connection pool.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.sync import client as sync_client
from app.sync.client import Busy, IntakeClient, Unreachable
from intake.cluster import ThrowawayCluster, find_bindir
from intake.db import Database
from intake.errors import ClusterError
from intake.migrations import migrate
from tests.conftest import missing
from tests.intake.harness import free_tcp_port
from tests.intake.reliability_world import (
    IntakeProcess,
    Sent,
    World,
    build_world,
    write_config,
)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[ThrowawayCluster]:
    try:
        find_bindir()
    except ClusterError as exc:
        missing(f"{exc} (make test installs it as root)")
    cluster = ThrowawayCluster()
    with cluster:
        yield cluster


@pytest.fixture(scope="session")
def cluster(pg_cluster: ThrowawayCluster) -> str:
    """The session cluster's DSN (its database `quietroom_intake`)."""
    return pg_cluster.dsn


@pytest.fixture
def dsn(pg_cluster: ThrowawayCluster) -> Iterator[str]:
    """A new, empty database of this test's own."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    yield pg_cluster.create_database(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def db(dsn: str) -> Iterator[Database]:
    """This test's database, migrated, behind a pool big enough for the race tests."""
    migrate(dsn)
    database = Database(dsn, min_size=1, max_size=12)
    yield database
    database.close()


# --- shared by the reliability tests (tests/intake/reliability_world.py) ----------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return build_world(tmp_path_factory.mktemp("reliability"))


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
