"""The vault's key hierarchy: unlocking the master key, and wrapping it again.

master key ── HKDF ──> SQLCipher raw key (and later purpose keys)
    wrapped by KEK = HKDF(Argon2id(passphrase, salt) || device secret from the keyring)
    optionally sealed to the organisation's age recovery recipient
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from app.errors import AuthError, UsageError, VaultError
from app.vault.header import Header, Recovery, Wrapped
from crypto import keyring_binding as kr
from crypto import recovery
from crypto.errors import KeyringFailure, KeyringUnavailable, RecoveryError, UnwrapError
from crypto.kdf import SALT_LEN, KdfParams, argon2id, hkdf, key_encryption_key
from crypto.kdf import normalise_passphrase as _normalise
from crypto.secret import SecretKey, wipe
from crypto.wrap import unwrap_key, wrap_key

MIN_PASSPHRASE_CHARS = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise UsageError(f"the passphrase must have at least {MIN_PASSPHRASE_CHARS} characters")


def new_vault_id() -> str:
    return secrets.token_hex(16)


def new_master_key() -> SecretKey:
    return SecretKey(os.urandom(32))


def purpose_key(master: SecretKey, purpose: str) -> SecretKey:
    """Independent subkeys from the master key, one per purpose."""
    return hkdf(master.value, salt=None, info=f"quietroom/{purpose}/v1".encode())


def database_key(master: SecretKey) -> SecretKey:
    return purpose_key(master, "sqlcipher")


def recovery_hint(header: Header) -> str:
    if header.recovery is not None:
        return ("an administrator can restore access with 'quietroom-cli recover' and the "
                "organisation's recovery identity")
    return ("this vault has no recovery key, so it can only be opened on the machine and user "
            "account where it was created")


@dataclass
class Binding:
    """Where the device secret lives for one wrap of the master key."""

    backend_id: str | None
    secret: bytearray | None

    def close(self) -> None:
        wipe(self.secret)
        self.secret = None


def new_binding(use_keyring: bool, vault_id: str) -> Binding:
    """Create and store a fresh device secret (or none for a passphrase-only vault)."""
    if not use_keyring:
        return Binding(None, None)
    try:
        backend = kr.find_backend()
    except KeyringUnavailable:
        raise UsageError("no acceptable OS keyring is available (Secret Service, KWallet, "
                         "macOS Keychain or Windows Credential Locker); start one, or use "
                         "--no-keyring for a passphrase-only vault") from None
    secret = kr.new_device_secret()
    try:
        kr.store(backend, vault_id, secret)
    except KeyringFailure as exc:
        wipe(secret)
        raise UsageError(f"the keyring refused to store the device secret: {exc}") from None
    return Binding(kr.backend_id(backend), secret)


def current_binding(header: Header) -> Binding:
    """Fetch the device secret this header is bound to, or explain why it cannot be."""
    if header.keyring_backend is None:
        return Binding(None, None)
    label = kr.backend_label(header.keyring_backend)
    try:
        backend = kr.find_backend(required=header.keyring_backend)
    except KeyringUnavailable:
        raise AuthError(f"this vault's device secret is kept in {label}, which is not available "
                        f"in this session; {recovery_hint(header)}") from None
    try:
        secret = kr.load(backend, header.vault_id)
    except KeyringFailure:
        raise AuthError(f"{label} could not be read (is it locked?); "
                        f"{recovery_hint(header)}") from None
    if secret is None:
        raise AuthError(f"this vault's device secret is missing from {label}; "
                        f"{recovery_hint(header)}")
    if kr.secret_check(secret) != header.secret_check:
        wipe(secret)
        raise AuthError(f"the device secret in {label} does not belong to this vault; "
                        f"{recovery_hint(header)}")
    return Binding(header.keyring_backend, secret)


def _kek(passphrase: str, salt: bytes, params: KdfParams, binding: Binding) -> SecretKey:
    secret = _normalise(passphrase)
    try:
        with argon2id(secret, salt, params) as pass_key:
            return key_encryption_key(pass_key, binding.secret, salt)
    finally:
        wipe(secret)


def unwrap_master(header: Header, passphrase: str, binding: Binding) -> SecretKey:
    with _kek(passphrase, header.salt, header.kdf, binding) as kek:
        try:
            return unwrap_key(kek, header.passphrase_wrap.nonce,
                              header.passphrase_wrap.ciphertext, header.associated_data())
        except UnwrapError:
            raise AuthError("the passphrase is not correct") from None


def wrap_master(master: SecretKey, passphrase: str, *, vault_id: str, params: KdfParams,
                binding: Binding, recovery_part: Recovery | None) -> Header:
    """A header with a fresh salt and a new passphrase wrap of `master`."""
    salt = os.urandom(SALT_LEN)
    check = kr.secret_check(binding.secret) if binding.secret is not None else None
    placeholder = Wrapped(nonce=b"\0" * 12, ciphertext=b"\0" * 48)
    header = Header(vault_id=vault_id, kdf=params, salt=salt, keyring_backend=binding.backend_id,
                    secret_check=check, passphrase_wrap=placeholder, recovery=recovery_part)
    with _kek(passphrase, salt, params, binding) as kek:
        nonce, ct = wrap_key(kek, master, header.associated_data())
    return header.with_passphrase_wrap(salt, Wrapped(nonce, ct),
                                       keyring_backend=binding.backend_id, secret_check=check)


def seal_recovery(master: SecretKey, recipient_text: str) -> Recovery:
    try:
        recipient = recovery.parse_recipient(recipient_text)
        envelope = recovery.seal(master, recipient)
    except RecoveryError as exc:
        raise UsageError(str(exc)) from None
    return Recovery(recipient=recipient_text.strip(), envelope=envelope)


def open_recovery(header: Header, identity_text: str) -> SecretKey:
    if header.recovery is None:
        raise AuthError("this vault was created without a recovery recipient, so it cannot be "
                        "recovered with an identity")
    try:
        identities = recovery.parse_identities(identity_text)
    except RecoveryError as exc:
        raise UsageError(str(exc)) from None
    try:
        master = recovery.open_sealed(header.recovery.envelope, identities)
    except RecoveryError as exc:
        raise AuthError(str(exc)) from None
    if len(master) != 32:
        master.close()
        raise VaultError("the recovery envelope does not hold a vault key")
    return master
