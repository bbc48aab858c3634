"""Opening vault.db: SQLCipher 4 keyed with a raw 256-bit key, with enforced pragmas.

Every open checks the properties the threat model relies on and refuses to continue
otherwise: a 4.x cipher, temporary storage compiled and set to memory (so sorts and
temp tables never reach disk in plaintext), WAL with synchronous=FULL (durable commits),
secure_delete (freed pages are zeroed) and foreign keys.

The key reaches SQLCipher as a buffer (`sqlite3_key`), never as SQL text: see
`apply_key`.

SQLCipher's own errors are turned into the core's typed errors here (`database_error`,
`typed_errors`), so the CLI and the desktop app say the same thing: another writer
holding the vault (`vault.busy`), a full disk (`vault.disk_full`, DiskFullError), a
read-only vault (`vault.read_only`) are no damage; anything else may be
(`vault.damaged`).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TypeAlias

import sqlcipher3

from app.errors import DiskFullError, StorageError, VaultError
from app.fsutil import FILE_MODE, write_new_file
from crypto.secret import SecretKey, raw_key_spec

LOG = logging.getLogger("quietroom.vault")

DatabaseError = sqlcipher3.DatabaseError
# sqlcipher3 ships no type information: the alias names the type for readers and for
# mypy (to which it is Any).
Connection: TypeAlias = sqlcipher3.Connection

KEY_LEN = 32  # SQLCipher's raw key: AES-256
PAGE_SIZE = 4096


class DamagedDatabase(VaultError):
    pass


def damaged() -> DamagedDatabase:
    return DamagedDatabase(
        "vault.damaged",
        "the vault database is damaged or is not a Quietroom database; restore it from a backup",
    )


def truncated() -> DamagedDatabase:
    return DamagedDatabase(
        "vault.truncated",
        "the vault database is damaged or is not a "
        "Quietroom database (it has been truncated); restore it from a "
        "backup",
    )


def disk_full() -> DiskFullError:
    """The disk is full (SQLITE_FULL, or ENOSPC anywhere a command writes)."""
    return DiskFullError(
        "vault.disk_full",
        "the disk is full, so nothing was saved and "
        "nothing already stored was lost; free some space and try again",
    )


def vault_disk_full() -> DiskFullError:
    """The vault's own disk is full (SQLite could not even make room for its -wal or -shm
    file to read): no damage, and nothing to restore."""
    return DiskFullError(
        "vault.vault_disk_full",
        "the disk holding the vault is full: free some space; nothing stored is lost",
    )


def io_error() -> StorageError:
    return StorageError(
        "vault.io_error",
        "the disk holding the vault reported an input/output error, so nothing was changed: "
        "check that the disk is attached and has space, then try again",
    )


# Below this much free space, SQLite's "disk I/O error" on the vault's disk is taken to
# be the disk being full (it cannot grow its -shm file: 32 KiB at a time).
FULL_BELOW = 256 * 1024


def disk_is_full(folder: Path) -> bool:
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < FULL_BELOW


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 8, 10, 13


def storage_error(exc: BaseException, near: Path | None = None) -> StorageError | None:
    """The typed error for a database error that is no sign of damage (another writer
    holding the vault, a full disk, a read-only place, a disk that failed a read or a
    write); None when it may be damage. `near`: the vault's folder, to tell a full disk
    from another input/output error."""
    if not isinstance(exc, sqlcipher3.OperationalError):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return StorageError(
            "vault.busy",
            "the vault is busy: another Quietroom window or "
            "command is writing to it; nothing was changed, try again in a "
            "moment",
        )
    if primary == _SQLITE_FULL or "disk is full" in text:
        return disk_full()
    if primary == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return StorageError(
            "vault.read_only", "the vault cannot be written (it is read-only); nothing was changed"
        )
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        # Never "damaged": sending someone to an old backup for a full or failing disk
        # could throw away newer statements.
        return vault_disk_full() if near is not None and disk_is_full(near) else io_error()
    return None


def not_damage(exc: BaseException) -> str | None:
    """`storage_error` as one English sentence; None when the error may be damage."""
    error = storage_error(exc)
    return None if error is None else str(error)


def database_error(exc: BaseException) -> StorageError | DamagedDatabase | None:
    """What a SQLCipher error means for the person at the keyboard: no damage (busy, disk
    full, read-only), or damage; None for errors that are our own bugs (a constraint or
    an SQL mistake), which must stay what they are."""
    if not isinstance(exc, DatabaseError):
        return None
    meaning = storage_error(exc)
    if meaning is not None:
        return meaning
    if type(exc) in (sqlcipher3.DatabaseError, sqlcipher3.OperationalError):
        return damaged()
    return None


@contextlib.contextmanager
def typed_errors() -> Iterator[None]:
    """Raise SQLCipher's errors inside the block as the core's typed errors."""
    try:
        yield
    except DatabaseError as exc:
        error = database_error(exc)
        if error is None:
            raise
        raise error from exc


def _pragma(conn: Connection, name: str) -> object:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return row[0] if row else None


def apply_key(conn: Connection, key: SecretKey) -> None:
    """Key the connection with the raw 256-bit key (SQLCipher derives nothing from it).

    SQLCipher's raw-key form, x'<64 hex digits>', is what `PRAGMA key = "x'…'"` passes on;
    here it is built in a bytearray and given to `sqlite3_key` through sqlcipher3's
    `set_key`, which reads it as a buffer. So no `str` of the key exists (`key.hex()` and
    the SQL text were never wiped, the text was also copied by SQLite's parser and kept in
    sqlcipher3's statement cache); SQLCipher copies the buffer into its own memory, which
    it overwrites when the connection closes, and ours is wiped on return.
    """
    if len(key) != KEY_LEN:
        raise ValueError("a raw database key must be 32 bytes")
    with raw_key_spec(key) as spec:
        conn.set_key(spec)


def secure_memory(conn: Connection) -> None:
    """Turn on SQLCipher's memory security, before the key is given.

    From then on SQLite's allocations are overwritten when freed (and locked in RAM as far
    as RLIMIT_MEMLOCK allows), so freed pages of decrypted data and transient copies do
    not linger once the connection is closed. The setting is process-wide and cannot be
    turned off again. It costs CPU on every allocation and free, most visibly on reads
    (bench/vault.py measures it; docs/threat-model.md has the figures).
    """
    conn.execute("PRAGMA cipher_memory_security = ON").fetchall()


def enable_memory_security() -> bool:
    """Turn SQLCipher's memory security on for this whole process; True when it is on.

    The desktop app does this at start-up: its process outlives every lock (unlocking
    returns to where you were), so what SQLite freed must not linger in it. A command
    line process ends with its command and is left without the cost (see `secure_memory`).
    """
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        silence_cipher_log(conn)
        secure_memory(conn)
        return str(_pragma(conn, "cipher_memory_security")) == "1"
    finally:
        conn.close()


def silence_cipher_log(conn: Connection) -> None:
    """Turn SQLCipher's own logging off before the connection is keyed.

    By default SQLCipher writes a line to stderr for every page whose HMAC fails, so a
    damaged vault.db buried our one-line error under dozens of "hmac check failed"
    lines. Damage is reported by open_database and integrity_problems instead. The
    level is process-wide in SQLCipher 4, but it is set on every connection so no open
    path depends on another having run first.
    """
    conn.execute("PRAGMA cipher_log_level = NONE").fetchall()


# Each pragma `check_settings` sets, with the value it must then report.
ENFORCED_PRAGMAS: dict[str, tuple[str, object]] = {
    "temp_store": ("MEMORY", 2),
    "journal_mode": ("WAL", "wal"),
    "synchronous": ("FULL", 2),
    "secure_delete": ("ON", 1),
    "foreign_keys": ("ON", 1),
}


def check_settings(conn: Connection) -> str:
    """Verify the security-relevant configuration; return the cipher version."""
    version = str(_pragma(conn, "cipher_version") or "")
    if not version.startswith("4."):
        raise VaultError(
            "vault.cipher_version",
            "this SQLCipher build ({version}) is not version 4; refusing to open the vault",
            version=version or "none",
        )
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    if not options & {"TEMP_STORE=2", "TEMP_STORE=3"}:
        raise VaultError(
            "vault.cipher_temp_store",
            "this SQLCipher build may write temporary data to disk; refusing to open the vault",
        )
    for name, (value, expected) in ENFORCED_PRAGMAS.items():
        conn.execute(f"PRAGMA {name} = {value}").fetchall()
        if _pragma(conn, name) != expected:
            raise VaultError(
                "vault.pragma_refused",
                "the vault database refused {name}={value}; refusing to continue",
                name=name,
                value=value,
            )
    return version


def open_database(path: Path, key: SecretKey, *, create: bool = False) -> tuple[Connection, str]:
    """Open and key vault.db, verify the key with a first read and enforce the pragmas."""
    if not create:
        if not path.is_file():
            raise VaultError(
                "vault.database_missing",
                "the vault database is missing; restore the vault from a backup",
            )
        size = path.stat().st_size
        if size == 0 or size % PAGE_SIZE:
            raise truncated()
    else:
        # SQLite gives its -wal and -shm files the database file's mode: create it 0600
        # ourselves so none of them ever depends on the caller's umask.
        write_new_file(path, b"")
    os.chmod(path, FILE_MODE)
    try:
        conn = _connect(path, key)
    except DatabaseError as exc:
        meaning = storage_error(exc, near=path.parent) or damaged()
        if meaning.code != "vault.vault_disk_full":
            raise meaning from None
        # The disk is too full for SQLite's shared-memory index (-shm). In exclusive
        # locking mode it keeps that index in its own memory instead, so what is stored
        # can still be read (status, backup to another disk, export); any write then
        # fails as "disk full", and nothing stored is lost.
        LOG.info("the vault's disk is full: opened in exclusive locking mode to read it")
        try:
            conn = _connect(path, key, exclusive=True)
        except DatabaseError as again:
            raise (storage_error(again, near=path.parent) or damaged()) from None
    try:
        version = check_settings(conn)
    except BaseException:
        conn.close()
        raise
    return conn, version


def _connect(path: Path, key: SecretKey, *, exclusive: bool = False) -> Connection:
    """A keyed connection whose key a first read has verified."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        silence_cipher_log(conn)
        apply_key(conn, key)
        # Defaults are SQLCipher 4's; set explicitly so a future default change is visible.
        conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
        if exclusive:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE").fetchall()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def integrity_problems(conn: Connection) -> list[str]:
    """Run SQLCipher's page HMAC check and SQLite's integrity check; list the problems."""
    problems: list[str] = []
    try:
        problems += [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except DatabaseError as exc:
        return [*problems, f"integrity check failed: {type(exc).__name__}"]
    if rows != ["ok"]:
        problems += rows
    return problems
