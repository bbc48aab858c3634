"""One person's working session: the vault and the engine, unlocked and locked.

Plain Python, used by the desktop app from its single worker thread; every method may
block (Argon2id, disk) and must never run on the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from app.vault.vault import Vault, locked, read_header, vault_exists

LOG = logging.getLogger("quietroom.desktop")

if TYPE_CHECKING:
    from app.engine.base import Listener
    from app.engine.clock import Clock
    from app.engine.engine import Engine
    from crypto.kdf import KdfParams


def protect_memory() -> bool:
    """Process-wide: SQLite's freed memory is overwritten from now on (the desktop app's
    process lives across locks). Called once at start-up; True when it took effect."""
    from app.vault.database import enable_memory_security

    return enable_memory_security()


class Session:
    def __init__(self, vault_dir: Path, *, clock: Clock | None = None) -> None:
        self.vault_dir = vault_dir
        self.clock = clock
        self._vault: Vault | None = None
        self._engine: Engine | None = None
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Receive the engine's pacing events, now and after every later unlock."""
        self._listeners.append(listener)
        if self._engine is not None:
            self._engine.subscribe(listener)

    @property
    def exists(self) -> bool:
        return vault_exists(self.vault_dir)

    def describe(self) -> dict[str, object]:
        """What the unlock screen may say before unlocking (no case data)."""
        header = read_header(self.vault_dir)
        return {"keyring": header.keyring_bound, "recovery": header.recovery is not None}

    @property
    def unlocked(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise locked()
        return self._engine

    def create(
        self,
        passphrase: str,
        *,
        use_keyring: bool = True,
        recovery_recipient: str | None = None,
        kdf_params: KdfParams | None = None,
    ) -> None:
        vault = Vault.create(
            self.vault_dir,
            passphrase,
            use_keyring=use_keyring,
            recovery_recipient=recovery_recipient or None,
            kdf_params=kdf_params,
        )
        self._attach(vault)

    def unlock(self, passphrase: str) -> None:
        self._attach(Vault.open(self.vault_dir, passphrase))

    def _attach(self, vault: Vault) -> None:
        # Imported on unlock, in the vault worker: the first screen need not wait for it.
        from app.engine.engine import Engine

        try:
            self._engine = Engine(vault, clock=self.clock, owner=True)
        except BaseException:
            vault.close()
            raise
        for listener in self._listeners:
            self._engine.subscribe(listener)
        self._vault = vault
        self._follow_recovery_policy()

    def _follow_recovery_policy(self) -> None:
        """Re-seal the recovery envelope to the recipient the trust file names, as each
        unlock finds it (a trust file synced while the vault was locked, say). It must
        never stand in the way of unlocking: a failure is logged and tried next time."""
        from app.errors import QuietroomError

        try:
            self.engine.apply_recovery_policy()
        except (QuietroomError, OSError) as exc:
            LOG.warning("could not re-seal the recovery envelope: %s", type(exc).__name__)

    def change_passphrase(self, current: str, new: str, *, rekey: bool = False) -> None:
        """Change the passphrase after checking the current one; `rekey` also re-keys the
        vault (a new master key, the database re-encrypted: app/vault/rekey.py), for a
        passphrase someone may have seen. The engine stays open throughout."""
        if self._vault is None:
            raise locked()
        self._vault.check_passphrase(current)
        if rekey:
            from app.vault.rekey import rekey as rekey_vault

            # This process's engine holds the vault's session lock.
            rekey_vault(self._vault, new, lock_held=True)
        else:
            self._vault.change_passphrase(new)

    def lock(self) -> None:
        """Close everything and wipe the keys we hold (running sittings stay running)."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        if self._vault is not None:
            self._vault.close()
            self._vault = None
