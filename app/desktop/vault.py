"""The vault from the desktop's side: whether one exists, creating it (bound to the OS
keyring when there is one), unlocking and locking it, and the identity kept inside it.

Creating and unlocking run Argon2id and take a moment, so like every task here they run
on the worker thread: each takes the Session first (ui/backend.py's `Backend.run` calls
it there) and returns plain data. Nothing here shows case data: the first screens may
be seen by anyone in the room.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.desktop.session import Session
from crypto import keyring_binding
from crypto.errors import KeyringUnavailable

if TYPE_CHECKING:  # the identity code loads when it is used, not with the first screen
    from app.engine.identity import IdentitySummary
    from app.org.identity import KeyFileRemoval


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


def change_passphrase(session: Session, current: str, new: str, rekey: bool) -> None:
    """Change the vault's passphrase (the current one is checked first); with `rekey`,
    also re-key the vault, which takes longer (the whole database is re-encrypted)."""
    session.change_passphrase(current, new, rekey=rekey)


def lock(session: Session) -> None:
    """Close everything and wipe the keys held (running sittings stay running)."""
    session.lock()


def identity_summary(session: Session) -> IdentitySummary:
    """The public parts of this vault's identity: name, role, organisation, fingerprint."""
    return session.engine.identity_summary()


@dataclass(frozen=True)
class IdentityFiles:
    """What the person chose on the identity screen. `password` opens an encrypted
    PKCS#12 (identity.p12) or key file."""

    cert: Path
    key: Path | None = None
    age: Path | None = None
    trust: Path | None = None
    password: str | None = field(default=None, repr=False)
    auth_cert: Path | None = None
    auth_key: Path | None = None


@dataclass(frozen=True)
class ImportedIdentity:
    """The identity as it now is, and the files the keys came from that are still on
    disk (the screen offers to delete them)."""

    summary: IdentitySummary
    key_files: tuple[Path, ...]


def import_identity(session: Session, files: IdentityFiles) -> ImportedIdentity:
    """Check the key files and store them inside the vault."""
    summary = session.engine.import_identity(
        files.cert,
        files.key,
        files.age,
        files.trust,
        files.password,
        auth_cert=files.auth_cert,
        auth_key=files.auth_key,
    )
    from app.org.identity import private_key_files

    left = private_key_files(files.cert, files.key, files.auth_key, files.age)
    return ImportedIdentity(summary, tuple(p for p in left if p.exists()))


def remove_key_files(session: Session, paths: tuple[Path, ...]) -> KeyFileRemoval:
    """Overwrite and delete the imported key files (best effort: SSDs, snapshots and
    backups may keep copies). Needs an open session only so a locked app cannot."""
    del session  # the vault is not touched; the session shows the app is unlocked
    from app.org.identity import remove_key_files as org_remove_key_files

    return org_remove_key_files(list(paths))


def __getattr__(name: str) -> object:
    """KeyFileRemoval and IdentitySummary, for the screens, loaded on first use."""
    if name == "KeyFileRemoval":
        from app.org.identity import KeyFileRemoval

        return KeyFileRemoval
    if name == "IdentitySummary":
        from app.engine.identity import IdentitySummary

        return IdentitySummary
    raise AttributeError(f"module 'app.desktop.vault' has no attribute {name!r}")
