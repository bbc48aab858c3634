"""Fixtures of the intake's tests: one real, throwaway PostgreSQL cluster for the whole
session, and a fresh database in it for every test, so tests never see each other's
rows (creating a database from the empty template takes a few tens of milliseconds).

`pg_cluster` is the ThrowawayCluster, `cluster` its application DSN, `dsn` a new empty
database owned by the application role (dropped after the test), `db` that database
migrated to the latest schema, behind a connection pool.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from intake.cluster import ThrowawayCluster, find_bindir
from intake.db import Database
from intake.errors import ClusterError
from intake.migrations import migrate
from tests.conftest import missing


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
