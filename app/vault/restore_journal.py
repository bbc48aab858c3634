"""Making a restore all-or-nothing although it replaces two files.

A restore stages `vault.db.restore` and `vault.header.restore` beside the live files,
each complete and fsynced, then creates the marker `.restore-commit`: that is the
commit point. Finishing renames the staged files into place and removes the marker.
Every open first calls `finish_pending`, which rolls a committed restore forward and
discards an uncommitted one, so a crash at any moment leaves the old vault or the new.

A restore holds the vault's session lock (the flock the desktop app holds while it has
the vault open) from staging to the end. So a restore refuses while the app has the
vault open, the app cannot take the vault over half-way through a restore, and
another process's open never discards or renames the files a live restore is staging.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from app import paths
from app.errors import UsageError
from app.fsutil import fsync_dir, remove_quietly, write_new_file
from app.vault.session_lock import SessionLock

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


@contextlib.contextmanager
def exclusive(root: Path) -> Iterator[None]:
    """Hold the vault's session lock for a restore, or refuse (exit code 1) if it is held.

    The lock is what an owning Engine (the desktop app) holds for as long as it has the
    vault open; replacing the files under it would silently lose every later save.
    """
    lock = SessionLock(root)
    if not lock.try_acquire():
        raise UsageError(
            "restore.vault_open",
            "the vault is open in Quietroom (the desktop "
            "app or another process that owns it); lock or close it there, then "
            "restore again; nothing was changed",
        )
    try:
        yield
    finally:
        lock.release()


def commit(root: Path) -> None:
    """Mark the staged files as the vault (the commit point), then put them in place.

    The caller holds `exclusive(root)`.
    """
    fsync_dir(root)
    write_new_file(root / MARKER, b"restore\n")
    fsync_dir(root)
    finish_pending(root, locked=True)


def finish_pending(root: Path, *, locked: bool = False) -> None:
    """Roll a committed restore forward or discard an uncommitted one.

    `locked`: the caller already holds the session lock (a restore in this process).
    Otherwise the lock is taken for the repair; if someone holds it while restore files
    exist, a restore is running in another process and the vault is not ready to open.
    """
    if not root.is_dir():
        return
    db_new, header_new = staged_paths(root)
    if not any(p.exists() for p in (root / MARKER, db_new, header_new)):
        return
    if locked:
        _finish(root)
        return
    lock = SessionLock(root)
    if not lock.try_acquire():
        raise UsageError(
            "restore.in_progress",
            "this vault is being restored from a backup "
            "by another process; open it again when the restore has finished",
        )
    try:
        _finish(root)
    finally:
        lock.release()


def _finish(root: Path) -> None:
    marker = root / MARKER
    if not marker.exists():
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
