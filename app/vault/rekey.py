"""Re-keying a vault: a new master key, the database re-encrypted into a fresh file.

A passphrase change only re-wraps the same master key, so a copy of the old header and
the old passphrase still open everything written after the change. When a passphrase
may have been seen, `rekey` makes the old header useless for anything from now on:

1. a new master key (so a new database key) and a new device secret, stored in a new
   keyring item beside the old one (the old item stays: backups made before the re-key
   are still restored with the old passphrase on this machine);
2. the database exported under the new key into `vault.db.restore`, checked, and its
   recovery mark set for the new envelope; the header, wrapping the new master key and
   the same personal key under the new passphrase, staged as `vault.header.restore`,
   with the recovery envelope sealed again (to the same recipient) for the new master;
3. the restore journal's commit (app/vault/restore_journal.py) puts both in place, so
   a crash leaves the old vault (old passphrase) or the new one (new passphrase).

The personal key is kept: it lives only in headers, and the new header wraps it under
the new passphrase, so the member's identity needs no re-import.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.errors import UsageError, VaultError
from app.fsutil import write_new_file
from app.vault import keys, restore_journal
from app.vault.database import integrity_problems, open_database, typed_errors
from app.vault.recovery_mark import mark_recovery
from app.vault.session_lock import SessionLock
from app.vault.vault import Vault
from crypto.secret import SecretKey, raw_key_spec

LOG = logging.getLogger("quietroom.vault")


def rekey(vault: Vault, new_passphrase: str, *, lock_held: bool = False) -> None:
    """Re-key the open `vault` under `new_passphrase` (see the module's note).

    `lock_held`: the caller (the desktop app's owning engine) holds the vault's session
    lock; otherwise it is taken here, and the re-key refuses while another process has
    the vault open. On any failure before the commit the vault is as it was.
    """
    keys.check_new_passphrase(new_passphrase)
    lock = None
    if not lock_held:
        lock = SessionLock(vault.root)
        if not lock.try_acquire():
            raise UsageError(
                "rekey.vault_open",
                "the vault is open in Quietroom (the desktop app or another process that "
                "owns it); lock or close it there, then try again; nothing was changed",
            )
    try:
        with vault.lock:
            _rekey_locked(vault, new_passphrase)
    finally:
        if lock is not None:
            lock.release()
    LOG.info("vault re-keyed")


def _rekey_locked(vault: Vault, new_passphrase: str) -> None:
    root, old = vault.root, vault.header
    restore_journal.discard_staged(root)
    db_new, header_new = restore_journal.staged_paths(root)
    master = keys.new_master_key()
    item = keys.new_secret_item(old.vault_id) if old.keyring_bound else None
    binding = keys.new_binding(old.keyring_bound, old.vault_id, item)
    committed = False
    try:
        recovery = keys.seal_recovery(master, old.recovery.recipient) if old.recovery else None
        with keys.database_key(master) as dbkey:
            _export(vault, db_new, dbkey)
            with typed_errors():
                conn, _version = open_database(db_new, dbkey)
            try:
                with typed_errors():
                    mark_recovery(conn, recovery)
                    problems = integrity_problems(conn)
            finally:
                conn.close()
        if problems:
            raise VaultError(
                "rekey.integrity_failed",
                "the re-encrypted copy of the vault failed its integrity check; nothing "
                "was changed",
            )
        header = keys.wrap_master(
            master,
            vault.personal_key_for_rewrap(),
            new_passphrase,
            vault_id=old.vault_id,
            params=old.kdf,
            binding=binding,
            recovery_part=recovery,
        )
        write_new_file(header_new, header.to_bytes())
        vault.detach_connection()
        restore_journal.commit(root)
        committed = True
        vault.attach_rekeyed(header, master)
    except BaseException:
        # Past the commit marker the new vault is the vault, whatever happened next:
        # the next open finishes putting it in place.
        committed = committed or (root / restore_journal.MARKER).exists()
        if not committed:
            restore_journal.discard_staged(root)
            if binding.item is not None:
                keys.forget_binding(binding.item)
            master.close()
            if vault.connection_detached:
                vault.reattach()
        raise
    finally:
        binding.close()


def _export(vault: Vault, target: Path, dbkey: SecretKey) -> None:
    """Every table of the live database, exported under `dbkey` into `target`."""
    with vault.reading() as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        with raw_key_spec(dbkey) as spec:
            conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(target), spec))
        try:
            conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
            conn.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE rekeyed")
