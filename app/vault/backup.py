"""Backups: one file holding the encrypted database and the header needed to open it.

Layout: MAGIC, u32 header length, header, u64 database length, database pages (already
encrypted by SQLCipher), then HMAC-SHA256 over everything before it under a key derived
from the master key. Opening a backup needs the same passphrase (and, for a keyring-bound
vault, the same device secret, or the organisation's recovery identity afterwards).
"""

from __future__ import annotations

import hashlib
import hmac
import struct
import time
from pathlib import Path

from app.errors import UsageError, VaultError
from app.fsutil import atomic_write, ensure_private_dir, remove_quietly, write_new_file
from app.vault import keys, restore_journal
from app.vault.database import integrity_problems, open_database
from app.vault.header import MAX_HEADER_BYTES, parse_header
from app.vault.vault import Vault, database_path
from crypto.secret import SecretKey

MAGIC = b"QUIETROOM-VAULT-BACKUP\x00\x01\n"
MAC_LEN = 32
MAX_BACKUP_BYTES = 64 * 1024**3


def _mac(master: SecretKey, data: bytes | memoryview) -> bytes:
    with keys.purpose_key(master, "backup-mac") as mac_key:
        return hmac.new(bytes(mac_key.value), data, hashlib.sha256).digest()


def _snapshot(vault: Vault) -> bytes:
    """A consistent copy of the encrypted database file, taken with writers held off."""
    db = database_path(vault.root)
    with vault.lock:
        conn = vault.connection
        for _ in range(3):
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            conn.execute("BEGIN IMMEDIATE")
            try:
                wal = db.with_name(db.name + "-wal")
                if not busy and (not wal.exists() or wal.stat().st_size == 0):
                    return db.read_bytes()
            finally:
                conn.execute("COMMIT")
            time.sleep(0.05)
    raise VaultError("the vault is busy; try the backup again")


def write_backup(vault: Vault, out: Path) -> int:
    """Write the backup atomically to `out`; return its size in bytes."""
    if out.exists() and out.is_dir():
        raise UsageError(f"{out} is a directory; give a file name for the backup")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist")
    header = vault.header.to_bytes()
    db = _snapshot(vault)
    body = b"".join([MAGIC, struct.pack(">I", len(header)), header,
                     struct.pack(">Q", len(db)), db])
    data = body + _mac(vault.master_key, body)
    atomic_write(out, data)
    return len(data)


def _parse(data: bytes) -> tuple[bytes, bytes, bytes]:
    """Split a backup into (header, database, mac) or say it is not a backup."""
    not_backup = VaultError("this file is not a Quietroom vault backup, or it is damaged")
    if not data.startswith(MAGIC):
        raise not_backup
    pos = len(MAGIC)
    if len(data) < pos + 4:
        raise not_backup
    (hlen,) = struct.unpack_from(">I", data, pos)
    pos += 4
    if hlen > MAX_HEADER_BYTES or len(data) < pos + hlen + 8:
        raise not_backup
    header = data[pos:pos + hlen]
    pos += hlen
    (dlen,) = struct.unpack_from(">Q", data, pos)
    pos += 8
    if len(data) != pos + dlen + MAC_LEN:
        raise not_backup
    return header, data[pos:pos + dlen], data[pos + dlen:]


def restore(root: Path, source: Path, passphrase: str) -> None:
    """Check the backup opens and is intact, then atomically replace the vault with it."""
    try:
        if source.stat().st_size > MAX_BACKUP_BYTES:
            raise VaultError("this file is too large to be a Quietroom vault backup")
        data = source.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {source}: {exc.strerror}") from None
    header_bytes, db_bytes, mac = _parse(data)
    header = parse_header(header_bytes)
    master = Vault._unlock_master(header, passphrase, time.time)
    try:
        if not hmac.compare_digest(_mac(master, memoryview(data)[:-MAC_LEN]), mac):
            raise VaultError("the backup has been altered or damaged; it was not restored")
        ensure_private_dir(root)
        restore_journal.finish_pending(root)
        restore_journal.discard_staged(root)
        db_new, header_new = restore_journal.staged_paths(root)
        write_new_file(db_new, db_bytes)
        try:
            with keys.database_key(master) as dbkey:
                conn, _version = open_database(db_new, dbkey)
            try:
                problems = integrity_problems(conn)
            finally:
                conn.close()
            if problems:
                raise VaultError("the backup's database fails its integrity check; "
                                 "it was not restored")
            write_new_file(header_new, header_bytes)
        except BaseException:
            restore_journal.discard_staged(root)
            raise
        restore_journal.commit(root)
    finally:
        master.close()
    remove_quietly(root / (restore_journal.DB_STAGED + "-wal"))
