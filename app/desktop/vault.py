"""The vault from the desktop's side: whether one exists, creating it (bound to the OS
keyring when there is one), unlocking and locking it, and the identity kept inside it.

Creating and unlocking run Argon2id and take a moment, so like every task here they run
on the worker thread: each takes the Session first (ui/backend.py's `Backend.run` calls
it there) and returns plain data. Nothing here shows case data: the first screens may
be seen by anyone in the room.
"""

from __future__ import annotations

from pathlib import Path

from app.desktop.session import Session
from app.engine.identity import IdentitySummary
from crypto import keyring_binding
from crypto.errors import KeyringUnavailable


def vault_exists(session: Session) -> bool:
    """Is there a vault to unlock (else the first run creates one)?"""
    return session.exists


def keyring_available(_session: Session) -> bool:
    """Is there an OS keyring the core would accept to bind a new vault to?"""
    try:
        keyring_binding.find_backend()
    except KeyringUnavailable:
        return False
    return True


def create_vault(
    session: Session, passphrase: str, use_keyring: bool, recovery_recipient: str | None
) -> None:
    """Create the vault (and unlock it); `recovery_recipient` is the organisation's
    public age recovery key, if it gave one."""
    session.create(passphrase, use_keyring=use_keyring, recovery_recipient=recovery_recipient)


def unlock(session: Session, passphrase: str) -> None:
    session.unlock(passphrase)


def lock(session: Session) -> None:
    """Close everything and wipe the keys held (running sittings stay running)."""
    session.lock()


def identity_summary(session: Session) -> IdentitySummary:
    """The public parts of this vault's identity: name, role, organisation, fingerprint."""
    return session.engine.identity_summary()


def import_identity(
    session: Session, cert: Path, key: Path | None, age: Path | None, trust: Path | None
) -> IdentitySummary:
    """Check the key files and store them inside the vault; the identity as it now is."""
    return session.engine.import_identity(cert, key, age, trust)
