"""Opening vault.db: SQLCipher 4 keyed with a raw 256-bit key, with enforced pragmas.

Every open checks the properties the threat model relies on and refuses to continue
otherwise: a 4.x cipher, temporary storage compiled and set to memory (so sorts and
temp tables never reach disk in plaintext), WAL with synchronous=FULL (durable commits),
secure_delete (freed pages are zeroed) and foreign keys.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import sqlcipher3

from app.errors import VaultError
from app.fsutil import FILE_MODE, write_new_file
from crypto.secret import SecretKey

LOG = logging.getLogger("quietroom.vault")

DatabaseError = sqlcipher3.DatabaseError
Connection = sqlcipher3.Connection

_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")
PAGE_SIZE = 4096


class DamagedDatabase(VaultError):
    pass


def damaged(detail: str = "") -> DamagedDatabase:
    suffix = f" ({detail})" if detail else ""
    return DamagedDatabase("the vault database is damaged or is not a Quietroom database"
                           f"{suffix}; restore it from a backup")


def not_damage(exc: BaseException) -> str | None:
    """What a database error means when it is no sign of damage (another writer holding
    the vault, a full disk, a read-only place), as one sentence; None when it may be."""
    if not isinstance(exc, sqlcipher3.OperationalError):
        return None
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return ("the vault is busy: another Quietroom window or command is writing to it; "
                "nothing was changed, try again in a moment")
    if "disk is full" in text:
        return "the disk is full, so nothing was saved; free some space and try again"
    if "readonly" in text or "read-only" in text:
        return "the vault cannot be written (it is read-only); nothing was changed"
    return None


def _pragma(conn: Connection, name: str) -> object:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return row[0] if row else None


def apply_key(conn: Connection, key: SecretKey, schema: str = "main") -> None:
    hexkey = key.hex()
    # The key goes into SQL text, so it must be exactly 64 lowercase hex digits.
    if not _HEX_KEY.match(hexkey):
        raise ValueError("a raw database key must be 32 bytes")
    conn.execute(f"PRAGMA {schema}.key = \"x'{hexkey}'\"")


def silence_cipher_log(conn: Connection) -> None:
    """Turn SQLCipher's own logging off before the connection is keyed.

    By default SQLCipher writes a line to stderr for every page whose HMAC fails, so a
    damaged vault.db buried our one-line error under dozens of "hmac check failed"
    lines. Damage is reported by open_database and integrity_problems instead. The
    level is process-wide in SQLCipher 4, but it is set on every connection so no open
    path depends on another having run first.
    """
    conn.execute("PRAGMA cipher_log_level = NONE").fetchall()


def check_settings(conn: Connection) -> str:
    """Verify the security-relevant configuration; return the cipher version."""
    version = str(_pragma(conn, "cipher_version") or "")
    if not version.startswith("4."):
        raise VaultError(f"this SQLCipher build ({version or 'none'}) is not version 4; "
                         "refusing to open the vault")
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    if not options & {"TEMP_STORE=2", "TEMP_STORE=3"}:
        raise VaultError("this SQLCipher build may write temporary data to disk; "
                         "refusing to open the vault")
    checks = {
        "temp_store": ("MEMORY", 2),
        "journal_mode": ("WAL", "wal"),
        "synchronous": ("FULL", 2),
        "secure_delete": ("ON", 1),
        "foreign_keys": ("ON", 1),
    }
    for name, (value, expected) in checks.items():
        conn.execute(f"PRAGMA {name} = {value}").fetchall()
        if _pragma(conn, name) != expected:
            raise VaultError(f"the vault database refused {name}={value}; refusing to continue")
    return version


def open_database(path: Path, key: SecretKey, *, create: bool = False) -> tuple[Connection, str]:
    """Open and key vault.db, verify the key with a first read and enforce the pragmas."""
    if not create:
        if not path.is_file():
            raise VaultError("the vault database is missing; restore the vault from a backup")
        size = path.stat().st_size
        if size == 0 or size % PAGE_SIZE:
            raise damaged("it has been truncated")
    else:
        # SQLite gives its -wal and -shm files the database file's mode: create it 0600
        # ourselves so none of them ever depends on the caller's umask.
        write_new_file(path, b"")
    os.chmod(path, FILE_MODE)
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        silence_cipher_log(conn)
        apply_key(conn, key)
        # Defaults are SQLCipher 4's; set explicitly so a future default change is visible.
        conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError:
            raise damaged() from None
        version = check_settings(conn)
    except BaseException:
        conn.close()
        raise
    return conn, version


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
