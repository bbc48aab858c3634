"""Numbered, forward-only, transactional schema migrations for vault.db.

Each migration runs inside one transaction together with the update of the stored
schema version, so a failure leaves the database exactly at the previous version.
New migrations are only ever appended to MIGRATIONS.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "meta table", _v1),
    Migration(2, "device identity", _v2),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, *, target: int | None = None,
            migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the schema to `target` (default: latest); return the version reached."""
    numbers = [m.version for m in migrations]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError("migrations must be numbered 1, 2, 3… without gaps")
    goal = latest_version(migrations) if target is None else target
    version = current_version(conn)
    if version > latest_version(migrations):
        raise VaultError(f"this vault has schema version {version}, newer than this version "
                         "of Quietroom knows; update Quietroom to open it")
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
