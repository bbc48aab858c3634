"""Fixtures the campaigns share with tests/intake: the real PostgreSQL cluster (one per
test process) and a fresh database per test, for the campaigns that deliver to a real
intake (crash during sync, sync on a full disk)."""

from tests.intake.conftest import db, dsn, pg_cluster  # noqa: F401
