"""Making a restore all-or-nothing although it replaces two files.

A restore stages `vault.db.restore` and `vault.header.restore` beside the live files,
each complete and fsynced, then creates the marker `.restore-commit`: that is the
commit point. Finishing renames the staged files into place and removes the marker.
Every open first calls `finish_pending`, which rolls a committed restore forward and
discards an uncommitted one, so a crash at any moment leaves the old vault or the new.
"""

from __future__ import annotations

import os
from pathlib import Path

from app import paths
from app.fsutil import fsync_dir, remove_quietly, write_new_file

MARKER = ".restore-commit"
DB_STAGED = paths.DATABASE_NAME + ".restore"
HEADER_STAGED = paths.HEADER_NAME + ".restore"


def staged_paths(root: Path) -> tuple[Path, Path]:
    return root / DB_STAGED, root / HEADER_STAGED


def _sqlite_sidecars(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def discard_staged(root: Path) -> None:
    db_new, header_new = staged_paths(root)
    for path in (db_new, header_new, *_sqlite_sidecars(db_new)):
        remove_quietly(path)


def commit(root: Path) -> None:
    """Mark the staged files as the vault (the commit point), then put them in place."""
    fsync_dir(root)
    write_new_file(root / MARKER, b"restore\n")
    fsync_dir(root)
    finish_pending(root)


def finish_pending(root: Path) -> None:
    marker = root / MARKER
    if not root.is_dir():
        return
    if not marker.exists():
        if any(p.exists() for p in staged_paths(root)):
            discard_staged(root)
        return
    db_new, header_new = staged_paths(root)
    live_db = root / paths.DATABASE_NAME
    if db_new.exists():
        # The old write-ahead log must go first: SQLite would replay it over the new file.
        for sidecar in _sqlite_sidecars(live_db):
            remove_quietly(sidecar)
        for sidecar in _sqlite_sidecars(db_new):
            remove_quietly(sidecar)
        os.replace(db_new, live_db)
    if header_new.exists():
        os.replace(header_new, root / paths.HEADER_NAME)
    fsync_dir(root)
    remove_quietly(marker)
    fsync_dir(root)
