"""The vault: a private directory holding vault.db (SQLCipher 4) and vault.header.

`Vault.create` and `Vault.open` return an unlocked vault; `close()` locks it (drops the
connection and wipes the key material we hold). Header changes (passphrase change,
recovery) are single atomic renames, so a crash leaves the old or the new header.

Every use of the database goes through `transaction()` (writes) or `reading()` (reads),
which hold the vault's lock and raise SQLCipher's errors as the core's typed errors (a
busy or read-only vault, a full disk, damage: see app/vault/database.py).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from app import paths
from app.errors import AuthError, StorageError, UsageError, VaultError
from app.fsutil import atomic_write, ensure_private_dir, read_limited, remove_leftovers
from app.vault import keys, personal, restore_journal
from app.vault.database import (
    Connection,
    disk_full,
    disk_is_full,
    integrity_problems,
    open_database,
    typed_errors,
)
from app.vault.header import MAX_HEADER_BYTES, VERSION, Header, header_damaged, parse_header
from app.vault.migrations import current_version, migrate
from app.vault.recovery_mark import check_recovery, mark_recovery
from app.vault.session_lock import LOCK_NAME
from app.vault.throttle import Throttle
from crypto import kdf
from crypto.secret import SecretKey

LOG = logging.getLogger("quietroom.vault")


def header_path(root: Path) -> Path:
    return root / paths.HEADER_NAME


def database_path(root: Path) -> Path:
    return root / paths.DATABASE_NAME


def vault_exists(root: Path) -> bool:
    return header_path(root).exists() or database_path(root).exists()


def locked() -> VaultError:
    return VaultError("vault.locked", "the vault is locked")


def read_header(root: Path) -> Header:
    restore_journal.finish_pending(root)
    path = header_path(root)
    if not path.is_file():
        if path.exists():  # a folder, a pipe…: opening it could fail or wait forever
            raise header_damaged("it is not a file")
        if database_path(root).exists():
            raise VaultError(
                "vault.header_lost",
                "the vault at {path} has lost its header file; restore the vault from a backup",
                path=root,
            )
        raise VaultError(
            "vault.not_found",
            "there is no vault at {path}; create one with 'quietroom-cli init'",
            path=root,
        )
    try:
        data = read_limited(path, MAX_HEADER_BYTES)
    except ValueError:
        raise header_damaged("it is too large") from None
    except OSError as exc:
        raise VaultError(
            "vault.header_unreadable",
            "the vault header cannot be read ({reason})",
            reason=exc.strerror,
        ) from None
    return parse_header(data)


class Vault:
    """An unlocked vault. Use as a context manager, or call `close()` to lock it."""

    def __init__(
        self,
        root: Path,
        header: Header,
        conn: Connection,
        master: SecretKey,
        cipher_version: str,
        personal_key: SecretKey | None = None,
    ) -> None:
        self.root = root
        self.header = header
        self._conn: Connection | None = conn
        self._master: SecretKey | None = master
        self._personal: SecretKey | None = personal_key
        # Set by a recovery that withheld the member's identity (app/vault/recover.py).
        self.identity_withheld = False
        self.cipher_version = cipher_version
        # One connection, shared by the engine's worker thread; serialise access.
        self.lock = threading.RLock()

    # --- creation and unlocking ---------------------------------------------------------

    @classmethod
    def create(
        cls,
        root: Path,
        passphrase: str,
        *,
        use_keyring: bool = True,
        recovery_recipient: str | None = None,
        kdf_params: kdf.KdfParams | None = None,
    ) -> Vault:
        keys.check_new_passphrase(passphrase)
        if vault_exists(root):
            raise UsageError(
                "vault.exists", "a vault already exists at {path}; nothing was changed", path=root
            )
        # The session lock file alone (left by a restore that failed its checks, say)
        # holds nothing, so it does not make the place unusable.
        if root.exists() and (
            not root.is_dir() or any(p.name != LOCK_NAME for p in root.iterdir())
        ):
            raise UsageError(
                "vault.place_not_empty",
                "{path} exists and is not an empty directory; choose another place for the vault",
                path=root,
            )
        # A file where a folder on the way should be: say so before anything is made
        # (the keyring's device secret included).
        blocker = next((p for p in root.parents if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise UsageError(
                "vault.place_blocked",
                "cannot create the vault at {path}: {blocker} is a file, not a folder",
                path=root,
                blocker=blocker,
            )
        params = kdf_params or kdf.calibrate()
        params.validate()
        vault_id = keys.new_vault_id()
        master = keys.new_master_key()
        personal_key = keys.new_personal_key()
        recovery_part = (
            keys.seal_recovery(master, recovery_recipient)
            if recovery_recipient is not None
            else None
        )
        binding = keys.new_binding(use_keyring, vault_id)
        try:
            header = keys.wrap_master(
                master,
                personal_key,
                passphrase,
                vault_id=vault_id,
                params=params,
                binding=binding,
                recovery_part=recovery_part,
            )
        finally:
            binding.close()
        try:
            ensure_private_dir(root)
        except OSError as exc:
            if header.keyring_bound:
                keys.forget_binding(vault_id)
            raise UsageError(
                "vault.cannot_create",
                "cannot create the vault at {path}: {reason}",
                path=root,
                reason=exc.strerror,
            ) from None
        with keys.database_key(master) as dbkey, typed_errors():
            conn, version = open_database(database_path(root), dbkey, create=True)
        try:
            with typed_errors():
                migrate(conn)
                mark_recovery(conn, header.recovery)
            # The header is written last: a vault without it is not a vault yet.
            atomic_write(header_path(root), header.to_bytes())
        except BaseException:
            conn.close()
            raise
        LOG.info("vault created")
        return cls(root, header, conn, master, version, personal_key)

    @classmethod
    def open(cls, root: Path, passphrase: str, *, clock: Callable[[], float] = time.time) -> Vault:
        header = read_header(root)
        unlocked = cls._unlock_keys(header, passphrase, clock)
        try:
            if remove_leftovers(header_path(root)):
                LOG.warning(
                    "removed a temporary copy of the vault's header left by an interrupted "
                    "passphrase change or key update; the vault's header is as it was before"
                )
            with keys.database_key(unlocked.master) as dbkey, typed_errors():
                conn, version = open_database(database_path(root), dbkey)
            vault = cls(root, header, conn, unlocked.master, version, unlocked.personal)
        except BaseException:
            unlocked.close_kek()
            unlocked.master.close()
            if unlocked.personal is not None:
                unlocked.personal.close()
            raise
        try:
            with typed_errors():
                migrate(conn)
            vault._settle(unlocked)
        except BaseException:
            vault.close()
            raise
        finally:
            unlocked.close_kek()
        return vault

    def _settle(self, unlocked: keys.Unlocked) -> None:
        """After an unlock: check the recovery part, give a version 1 header its
        personal key, and seal whatever of the member's secrets is still in the clear.

        Only reads unless there is something to write, so an open never waits on another
        writer, and a vault on a medium that cannot be written (or a full disk) still
        opens for reading: the upgrade is then tried again at the next unlock."""
        with self.reading() as conn:
            mark_needed = check_recovery(conn, self.header)
            clear = personal.any_in_the_clear(conn)
        if mark_needed:
            with contextlib.suppress(StorageError), self.transaction() as conn:
                mark_recovery(conn, self.header.recovery)
        if self.header.version < VERSION:
            personal_key = keys.new_personal_key()
            try:
                self._write_header(keys.upgraded_header(self.header, unlocked, personal_key))
            except (OSError, StorageError) as exc:
                personal_key.close()
                if isinstance(exc, StorageError) and exc.code == "vault.header_not_durable":
                    raise
                LOG.warning("the vault header could not be upgraded now: %s", type(exc).__name__)
                return
            self._personal = personal_key
            LOG.info("vault header upgraded to version %d", VERSION)
        if clear and self._personal is not None:
            with self.transaction() as conn:
                personal.seal_legacy(conn, self._personal, self.header.vault_id)

    @staticmethod
    def _unlock_keys(
        header: Header, passphrase: str, clock: Callable[[], float], *, backup: bool = False
    ) -> keys.Unlocked:
        """The keys from the passphrase (and device secret); `backup` words the errors
        for a backup file being restored."""
        throttle = Throttle(header.vault_id, clock=clock)
        throttle.check()  # refuse early, before asking the keyring
        # The keyring first, outside the lock: a keyring that does not answer must not
        # hold up every other open behind it (each call has its own time limit).
        binding = keys.current_binding(header, backup=backup)
        try:
            with throttle.serialised():  # the check, the attempt and its record: one step
                throttle.check()
                try:
                    unlocked = keys.unlock_keys(header, passphrase, binding)
                except AuthError:
                    throttle.record_failure()
                    raise
                throttle.record_success()
        finally:
            binding.close()
        return unlocked

    @staticmethod
    def _unlock_master(
        header: Header, passphrase: str, clock: Callable[[], float], *, backup: bool = False
    ) -> SecretKey:
        """The master key alone (a backup being restored: its header goes in unchanged)."""
        unlocked = Vault._unlock_keys(header, passphrase, clock, backup=backup)
        unlocked.close_kek()
        if unlocked.personal is not None:
            unlocked.personal.close()
        return unlocked.master

    # --- using an unlocked vault --------------------------------------------------------

    @property
    def connection(self) -> Connection:
        if self._conn is None:
            raise locked()
        return self._conn

    @property
    def master_key(self) -> SecretKey:
        if self._master is None:
            raise locked()
        return self._master

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def seal_personal(self, label: str, data: bytes | bytearray) -> bytes:
        """`data` sealed under the personal key, for the identity table."""
        if self._conn is None:
            raise locked()
        if self._personal is None:
            raise personal.unavailable()
        return personal.seal(self._personal, self.header.vault_id, label, data)

    def open_personal(self, label: str, token: bytes | str) -> bytearray:
        """A secret `seal_personal` sealed (or one from before the personal key)."""
        if self._conn is None:
            raise locked()
        return personal.open_sealed(self._personal, self.header.vault_id, label, token)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction; committed (durably, synchronous=FULL) on success.

        Anything raised inside rolls it back, so nothing stored changes; SQLCipher's errors
        come out typed (another writer holding the vault past the busy timeout: vault.busy;
        a full disk: vault.disk_full; and so on). SQLite may already have rolled back by
        itself after a full disk, so the rollback is only asked for when one is open.
        """
        with self.lock, typed_errors():
            conn = self.connection
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """The connection for reads outside a transaction, with the vault's lock held and
        SQLCipher's errors typed as in `transaction`."""
        with self.lock, typed_errors():
            yield self.connection

    def meta(self, key: str) -> str | None:
        with self.reading() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def status(self, *, check: bool = False) -> dict[str, Any]:
        info: dict[str, Any] = {
            "vault": str(self.root),
            "cipher": "sqlcipher",
            "cipher_version": self.cipher_version,
            "kdf": {
                "name": self.header.kdf.name,
                "memory_kib": self.header.kdf.memory_kib,
                "iterations": self.header.kdf.iterations,
                "lanes": self.header.kdf.lanes,
            },
            "keyring": self.header.keyring_bound,
            "keyring_backend": self.header.keyring_backend,
            "header_version": self.header.version,
            "recovery": self.header.recovery is not None,
            "recovery_recipient": (
                self.header.recovery.recipient if self.header.recovery else None
            ),
        }
        # A full disk is no damage, but nothing can be saved until there is space.
        info["disk_full"] = disk_is_full(self.root)
        with self.reading() as conn:
            info["schema_version"] = current_version(conn)
            if check:
                problems = integrity_problems(conn)
                info["integrity"] = "ok" if not problems else "damaged"
                info["integrity_problems"] = len(problems)
        return info

    # --- changing how the vault is unlocked ---------------------------------------------

    def _write_header(self, header: Header) -> None:
        try:
            atomic_write(header_path(self.root), header.to_bytes(), strict_sync=True)
        except OSError as exc:
            if header_path(self.root).read_bytes() != header.to_bytes():
                if exc.errno == errno.ENOSPC:  # typed, for the desktop as for the CLI
                    raise disk_full() from None
                raise  # not replaced: the caller's error handling says so
            # In place, but the disk did not confirm the rename: say it, never "done".
            self.header = header
            raise StorageError(
                "vault.header_not_durable",
                "the change was made, but the disk did not confirm it was written "
                "({reason}); a power cut now could undo it: run the same command again",
                reason=exc.strerror or type(exc).__name__,
            ) from None
        self.header = header

    def check_passphrase(self, passphrase: str) -> None:
        """Refuse (as unlocking would, throttled alike) a passphrase that does not open
        this vault: the desktop asks for the current one before changing it, so nobody
        at an unlocked laptop can change it."""
        unlocked = self._unlock_keys(self.header, passphrase, time.time)
        unlocked.close_kek()
        unlocked.master.close()
        if unlocked.personal is not None:
            unlocked.personal.close()

    def change_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the master key under the new passphrase; the database is untouched."""
        keys.check_new_passphrase(new_passphrase)
        binding = keys.current_binding(self.header)
        try:
            header = keys.wrap_master(
                self.master_key,
                self._personal_key(),
                new_passphrase,
                vault_id=self.header.vault_id,
                params=self.header.kdf,
                binding=binding,
                recovery_part=self.header.recovery,
            )
        finally:
            binding.close()
        self._write_header(header)
        LOG.info("vault passphrase changed")

    # --- re-keying (app/vault/rekey.py), with self.lock held throughout ------------------

    def personal_key_for_rewrap(self) -> SecretKey:
        return self._personal_key()

    @property
    def connection_detached(self) -> bool:
        return self._conn is None and self._master is not None

    def detach_connection(self) -> None:
        """Close the database connection, keeping the keys (the file is being replaced)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def reattach(self) -> None:
        """Open the database again with the keys held (a re-key that did not commit)."""
        with keys.database_key(self.master_key) as dbkey, typed_errors():
            self._conn, self.cipher_version = open_database(database_path(self.root), dbkey)

    def attach_rekeyed(self, header: Header, master: SecretKey) -> None:
        """Take the re-keyed database and header now in place, and wipe the old key."""
        old, self._master = self._master, master
        if old is not None:
            old.close()
        self.header = header
        self.reattach()

    def _personal_key(self) -> SecretKey:
        if self._personal is None:  # only a version 1 header whose upgrade failed
            raise VaultError(
                "vault.header_not_upgraded",
                "the vault's header could not be upgraded when it was unlocked; "
                "lock it and unlock it again, then retry",
            )
        return self._personal

    def set_recovery(self, recipient: str | None) -> bool:
        """Seal the recovery envelope to `recipient` (the organisation's, from its signed
        trust file), or remove it when None; returns whether the header changed.

        The passphrase is not needed: the recovery part is authenticated by its digest in
        the database, which is written first as a second accepted digest, so a crash
        between the two writes leaves a vault that opens with either header."""
        current = self.header.recovery
        if recipient is None and current is None:
            return False
        if current is not None and recipient is not None and current.recipient == recipient:
            return False
        new = keys.seal_recovery(self.master_key, recipient) if recipient is not None else None
        with self.transaction() as conn:
            mark_recovery(conn, current, new)
        self._write_header(self.header.with_recovery(new))
        with self.transaction() as conn:
            mark_recovery(conn, new)
        LOG.info("vault recovery part re-sealed")
        return True

    def close(self) -> None:
        """Lock: drop the connection and wipe the master key we hold (best effort)."""
        with self.lock:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None
            if self._master is not None:
                self._master.close()
                self._master = None
            if self._personal is not None:
                self._personal.close()
                self._personal = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
