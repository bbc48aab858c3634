"""Backups: one file holding the encrypted database and the header needed to open it.

Layout: MAGIC, u32 header length, header, u64 database length, database pages (already
encrypted by SQLCipher), then HMAC-SHA256 over everything before it under a key derived
from the master key. Restoring a backup needs either the same passphrase (and, for a
keyring-bound vault, the same device secret, so the same machine and user account), or
the organisation's recovery identity, which opens the master key from the recovery
envelope in the backup's header and then binds the restored vault to a new passphrase
and this machine's keyring. Either way the MAC is checked before anything is written.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import AuthError, UsageError, VaultError
from app.fsutil import (
    cannot_read,
    check_output_file,
    ensure_private_dir,
    no_such_folder,
    remove_quietly,
    write_new_file,
    write_output_file,
)
from app.vault import keys, personal, restore_journal
from app.vault.database import Connection, integrity_problems, open_database, typed_errors
from app.vault.header import MAX_HEADER_BYTES, Header, parse_header
from app.vault.recover import stronger_params
from app.vault.recovery_mark import check_recovery, mark_recovery
from app.vault.throttle import Throttle
from app.vault.vault import Vault, database_path
from crypto import kdf
from crypto.secret import SecretKey


@dataclass(frozen=True)
class Restored:
    header: Header
    identity_withheld: bool


MAGIC = b"QUIETROOM-VAULT-BACKUP\x00\x01\n"
MAC_LEN = 32
MAX_BACKUP_BYTES = 64 * 1024**3


def _mac(master: SecretKey, data: bytes | memoryview) -> bytes:
    with keys.purpose_key(master, "backup-mac") as mac_key:
        return hmac.new(bytes(mac_key.value), data, hashlib.sha256).digest()


def _snapshot(vault: Vault) -> bytes:
    """A consistent copy of the encrypted database file, taken with writers held off."""
    db = database_path(vault.root)
    with vault.reading() as conn:
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
    raise VaultError("backup.vault_busy", "the vault is busy; try the backup again")


def write_backup(vault: Vault, out: Path) -> int:
    """Write the backup atomically to `out`; return its size in bytes."""
    if out.exists() and out.is_dir():
        raise UsageError(
            "backup.out_is_directory",
            "{path} is a directory; give a file name for the backup",
            path=out,
        )
    if not out.parent.is_dir():
        raise no_such_folder(out.parent)
    check_output_file(out, "backup", vault_root=vault.root)
    header = vault.header.to_bytes()
    db = _snapshot(vault)
    body = b"".join([MAGIC, struct.pack(">I", len(header)), header, struct.pack(">Q", len(db)), db])
    data = body + _mac(vault.master_key, body)
    write_output_file(out, data, "backup")
    return len(data)


def _not_backup() -> VaultError:
    return VaultError(
        "backup.not_a_backup", "this file is not a Quietroom vault backup, or it is damaged"
    )


def _parse(data: bytes) -> tuple[bytes, bytes, bytes]:
    """Split a backup into (header, database, mac) or say it is not a backup."""
    not_backup = _not_backup()
    if not data.startswith(MAGIC):
        raise not_backup
    pos = len(MAGIC)
    if len(data) < pos + 4:
        raise not_backup
    (hlen,) = struct.unpack_from(">I", data, pos)
    pos += 4
    if hlen > MAX_HEADER_BYTES or len(data) < pos + hlen + 8:
        raise not_backup
    header = data[pos : pos + hlen]
    pos += hlen
    (dlen,) = struct.unpack_from(">Q", data, pos)
    pos += 8
    if len(data) != pos + dlen + MAC_LEN:
        raise not_backup
    return header, data[pos : pos + dlen], data[pos + dlen :]


def _read(source: Path) -> bytes:
    """The backup file's bytes, refusing early (before reading it all) anything that
    does not start as a backup or whose recorded lengths do not add up: a large file of
    something else, or an endless one such as /dev/zero, is never read into memory."""
    not_backup = _not_backup()
    try:
        with open(source, "rb") as fh:
            st = os.fstat(fh.fileno())
            size = st.st_size if stat.S_ISREG(st.st_mode) else None  # a pipe has none
            if size is not None and size > MAX_BACKUP_BYTES:
                raise VaultError(
                    "backup.too_large", "this file is too large to be a Quietroom vault backup"
                )
            start = fh.read(len(MAGIC) + 4)
            if not start.startswith(MAGIC) or len(start) < len(MAGIC) + 4:
                raise not_backup
            (hlen,) = struct.unpack_from(">I", start, len(MAGIC))
            if hlen > MAX_HEADER_BYTES:
                raise not_backup
            head = fh.read(hlen + 8)
            if len(head) != hlen + 8:
                raise not_backup
            (dlen,) = struct.unpack_from(">Q", head, hlen)
            total = len(start) + len(head) + dlen + MAC_LEN
            if total > MAX_BACKUP_BYTES or (size is not None and size != total):
                raise not_backup
            if size is not None:  # one read of the whole file, not a copy of it
                fh.seek(0)
                return fh.read(total + 1)
            return b"".join([start, head, fh.read(dlen + MAC_LEN + 1)])
    except OSError as exc:
        raise cannot_read(source, exc.strerror) from None


def _load(source: Path) -> tuple[bytes, bytes, Header, bytes, bytes]:
    """Read and split a backup: (whole file, header bytes, header, database, mac)."""
    data = _read(source)
    header_bytes, db_bytes, mac = _parse(data)
    return data, header_bytes, parse_header(header_bytes), db_bytes, mac


def _check_mac(master: SecretKey, data: bytes, mac: bytes) -> None:
    if not hmac.compare_digest(_mac(master, memoryview(data)[:-MAC_LEN]), mac):
        raise VaultError(
            "backup.altered", "the backup has been altered or damaged; it was not restored"
        )


def _install(
    root: Path,
    master: SecretKey,
    db_bytes: bytes,
    make_header: Callable[[], bytes],
    on_abort: Callable[[], None] | None = None,
    prepare: Callable[[Connection], None] | None = None,
) -> None:
    """Stage the database, check it, stage the header from `make_header`, then commit.

    Everything happens under the vault's session lock, so it refuses while the desktop
    app owns the vault and the app cannot take the vault over half-way. `on_abort` runs
    if anything fails before the commit point (the live vault is then unchanged).
    `prepare` may change the staged database first, in one transaction.
    """
    ensure_private_dir(root)
    with restore_journal.exclusive(root):
        restore_journal.finish_pending(root, locked=True)
        restore_journal.discard_staged(root)
        db_new, header_new = restore_journal.staged_paths(root)
        try:
            write_new_file(db_new, db_bytes)
            with keys.database_key(master) as dbkey, typed_errors():
                conn, _version = open_database(db_new, dbkey)
            try:
                if prepare is not None:
                    with typed_errors():
                        conn.execute("BEGIN IMMEDIATE")
                        prepare(conn)
                        conn.execute("COMMIT")
                problems = integrity_problems(conn)
            finally:
                conn.close()
            if problems:
                raise VaultError(
                    "backup.integrity_failed",
                    "the backup's database fails its integrity check; it was not restored",
                )
            write_new_file(header_new, make_header())
        except BaseException:
            restore_journal.discard_staged(root)
            if on_abort is not None:
                on_abort()
            raise
        restore_journal.commit(root)
        remove_quietly(root / (restore_journal.DB_STAGED + "-wal"))


def restore(root: Path, source: Path, passphrase: str) -> None:
    """Check the backup opens and is intact, then atomically replace the vault with it."""
    data, header_bytes, header, db_bytes, mac = _load(source)
    master = Vault._unlock_master(header, passphrase, time.time, backup=True)
    try:
        _check_mac(master, data, mac)
        _install(root, master, db_bytes, lambda: header_bytes)
    finally:
        master.close()


def restore_with_identity(
    root: Path,
    source: Path,
    identity_text: str,
    new_passphrase: str,
    *,
    kdf_params: kdf.KdfParams | None = None,
) -> Restored:
    """Restore a backup with the organisation's recovery identity, e.g. on a new machine.

    The backup's passphrase and device secret are not needed: the master key comes from
    the backup's recovery envelope and authenticates the backup (its MAC) before
    anything is written. The restored vault is then bound, as `recover` binds one, to
    `new_passphrase` and to this machine's keyring (passphrase-only if there is none),
    with KDF parameters never weaker than freshly calibrated ones (`kdf_params` stands in
    for the calibration). As after `recover`, the member's own secrets are withheld: the
    recovery identity never opens them. Returns the new header, and whether a member's
    identity was withheld.
    """
    keys.check_new_passphrase(new_passphrase)
    data, _header_bytes, header, db_bytes, mac = _load(source)
    if header.recovery is None:
        raise AuthError(
            "backup.no_recovery",
            "this backup's vault was created without a "
            "recovery recipient, so it cannot be restored with an identity; "
            "nothing was written",
        )
    master = keys.open_recovery(header, identity_text)
    params = stronger_params(header.kdf, kdf_params or kdf.calibrate())
    rebound: list[Header] = []
    created = [False]
    withheld = [False]

    def withhold(conn: Connection) -> None:
        if check_recovery(conn, header):
            mark_recovery(conn, header.recovery)
        withheld[0] = personal.withhold(conn)

    def new_header() -> bytes:
        binding, created[0] = keys.bind_here(header.vault_id)
        try:
            with keys.new_personal_key() as personal_key:
                rebound.append(
                    keys.wrap_master(
                        master,
                        personal_key,
                        new_passphrase,
                        vault_id=header.vault_id,
                        params=params,
                        binding=binding,
                        recovery_part=header.recovery,
                    )
                )
        finally:
            binding.close()
        return rebound[0].to_bytes()

    def forget() -> None:
        if created[0]:
            keys.forget_binding(header.vault_id)

    try:
        _check_mac(master, data, mac)
        _install(root, master, db_bytes, new_header, on_abort=forget, prepare=withhold)
    finally:
        master.close()
    # As after recover: the old count of wrong passphrases means nothing any more.
    Throttle(header.vault_id).record_success()
    return Restored(rebound[0], withheld[0])
