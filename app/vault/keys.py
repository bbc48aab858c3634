"""The vault's key hierarchy: unlocking the master and personal keys, and wrapping them.

master key ── HKDF ──> SQLCipher raw key (and the backup MAC key)
    wrapped by KEK = HKDF(Argon2id(passphrase, salt) || device secret from the keyring)
    optionally sealed to the organisation's age recovery recipient
personal key ── HKDF ──> seals the member's signing key and age identity in the database
    wrapped by the same KEK only: never sealed to the recovery recipient
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass, replace

from app.errors import AuthError, Phrase, UsageError, VaultError
from app.vault.header import VERSION, Header, Recovery, Wrapped, header_damaged
from crypto import keyring_binding as kr
from crypto import recovery
from crypto.errors import (
    KeyringFailure,
    KeyringTimeout,
    KeyringUnavailable,
    RecoveryError,
    UnwrapError,
)
from crypto.kdf import SALT_LEN, KdfParams, argon2id, hkdf, key_encryption_key
from crypto.kdf import normalise_passphrase as _normalise
from crypto.secret import SecretKey, wipe
from crypto.wrap import unwrap_key, wrap_key

MIN_PASSPHRASE_CHARS = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise UsageError(
            "passphrase.too_short",
            "the passphrase must have at least {count} characters",
            count=MIN_PASSPHRASE_CHARS,
        )


def new_vault_id() -> str:
    return secrets.token_hex(16)


def new_master_key() -> SecretKey:
    return SecretKey(os.urandom(32))


def new_personal_key() -> SecretKey:
    return SecretKey(os.urandom(32))


def new_secret_item(vault_id: str) -> str:
    """A keyring item name for a new device secret, beside the one in use (re-key)."""
    return f"{vault_id}.{secrets.token_hex(4)}"


def purpose_key(master: SecretKey, purpose: str) -> SecretKey:
    """Independent subkeys from the master key, one per purpose."""
    return hkdf(master.value, salt=None, info=f"quietroom/{purpose}/v1".encode())


def database_key(master: SecretKey) -> SecretKey:
    return purpose_key(master, "sqlcipher")


def recovery_hint(header: Header, *, backup: bool = False) -> Phrase:
    """What can still be done when the device secret cannot be had (a message's {hint})."""
    if backup:
        # A backup read on another machine: recover cannot help (there is no vault here
        # yet), and restore refuses to write what it cannot authenticate.
        if header.recovery is not None:
            return Phrase(
                "hint.restore_with_identity",
                "nothing was written; to restore it "
                "here, an administrator can use 'quietroom-cli restore --from FILE "
                "--identity AGE_IDENTITY_FILE --new-passphrase-file F' with the "
                "organisation's recovery identity",
            )
        return Phrase(
            "hint.backup_no_recovery",
            "this backup has no recovery key, so it can "
            "only be restored on the machine and user account where it was made; "
            "nothing was written",
        )
    if header.recovery is not None:
        return Phrase(
            "hint.recover",
            "an administrator can restore access with "
            "'quietroom-cli recover' and the organisation's recovery identity",
        )
    return Phrase(
        "hint.no_recovery",
        "this vault has no recovery key, so it can only be "
        "opened on the machine and user account where it was created",
    )


@dataclass
class Binding:
    """Where the device secret lives for one wrap of the master key."""

    backend_id: str | None
    secret: bytearray | None
    item: str | None = None  # the keyring item holding the secret

    def close(self) -> None:
        wipe(self.secret)
        self.secret = None


def new_binding(use_keyring: bool, vault_id: str, item: str | None = None) -> Binding:
    """Create and store a fresh device secret (or none for a passphrase-only vault), in
    the keyring item `item` (by default the vault id)."""
    if not use_keyring:
        return Binding(None, None)
    try:
        backend = kr.find_backend()
    except KeyringUnavailable:
        raise UsageError(
            "keyring.none_available",
            "no acceptable OS keyring is available "
            "(Secret Service, KWallet, macOS Keychain or Windows Credential "
            "Locker); start one, or use --no-keyring for a passphrase-only "
            "vault",
        ) from None
    secret = kr.new_device_secret()
    name = item or vault_id
    try:
        kr.store(backend, name, secret)
    except KeyringFailure as exc:
        wipe(secret)
        raise UsageError(
            "keyring.store_refused",
            "the keyring refused to store the device secret: {detail}",
            detail=str(exc),
        ) from None
    return Binding(kr.backend_id(backend), secret, name)


def current_binding(header: Header, *, backup: bool = False) -> Binding:
    """Fetch the device secret this header is bound to, or explain why it cannot be.

    `backup` words the explanation for a backup file being restored rather than a vault.
    """
    if header.keyring_backend is None:
        return Binding(None, None)
    label = kr.backend_label(header.keyring_backend)
    hint = recovery_hint(header, backup=backup)
    try:
        backend = kr.find_backend(required=header.keyring_backend)
    except KeyringUnavailable:
        if backup:
            raise AuthError(
                "keyring.backup_unavailable",
                "this backup's device secret is "
                "kept in {label}, which is not available in this session; "
                "{hint}",
                label=label,
                hint=hint,
            ) from None
        raise AuthError(
            "keyring.unavailable",
            "this vault's device secret is kept in "
            "{label}, which is not available in this session; {hint}",
            label=label,
            hint=hint,
        ) from None
    try:
        secret = kr.load(backend, header.secret_item)
    except KeyringTimeout:
        raise AuthError(
            "keyring.timeout",
            "{label} did not answer within {seconds} seconds (it may be locked and waiting "
            "for a password); unlock your keyring (log in again) and retry",
            label=label,
            seconds=int(kr.TIMEOUT_SECONDS),
        ) from None
    except KeyringFailure:
        # Locked, most often: the answer is to unlock it, not an administrator's recover.
        raise AuthError(
            "keyring.unreadable",
            "{label} could not be read (is it locked?); unlock your keyring (log in again) "
            "and retry",
            label=label,
        ) from None
    if secret is None:
        if backup:
            raise AuthError(
                "keyring.backup_secret_missing",
                "this backup's device secret is "
                "missing from {label} (as when the backup was made on another "
                "machine or user account); {hint}",
                label=label,
                hint=hint,
            )
        raise AuthError(
            "keyring.secret_missing",
            "this vault's device secret is missing from {label}; {hint}",
            label=label,
            hint=hint,
        )
    if kr.secret_check(secret) != header.secret_check:
        wipe(secret)
        if backup:
            raise AuthError(
                "keyring.backup_secret_mismatch",
                "the device secret in {label} does not belong to this backup; {hint}",
                label=label,
                hint=hint,
            )
        raise AuthError(
            "keyring.secret_mismatch",
            "the device secret in {label} does not belong to this vault; {hint}",
            label=label,
            hint=hint,
        )
    return Binding(header.keyring_backend, secret, header.secret_item)


def bind_here(vault_id: str) -> tuple[Binding, bool]:
    """A device secret in this machine's keyring for `vault_id`: (binding, created).

    A secret this keyring already holds for the vault id is reused rather than
    replaced, so that rebinding a restored copy never locks out a live vault that is
    bound to that same secret. When there is no acceptable keyring, or it cannot be
    read or refuses the secret, the binding is empty: the vault becomes passphrase-only,
    as after `recover` (never overwriting a secret that could not be read).
    """
    try:
        backend = kr.find_backend()
    except KeyringUnavailable:
        return Binding(None, None), False
    try:
        existing = kr.load(backend, vault_id)
    except KeyringFailure:
        return Binding(None, None), False
    if existing is not None:
        if len(existing) != kr.SECRET_LEN:  # something else is held there: leave it be
            return Binding(None, None), False
        return Binding(kr.backend_id(backend), existing, vault_id), False
    try:
        return new_binding(True, vault_id), True
    except UsageError:  # the keyring refused the secret: passphrase-only, like recover
        return Binding(None, None), False


def forget_binding(item: str) -> None:
    """Remove a device secret that is no longer used (the one `bind_here` created for a
    restore that then failed, or the one a re-key replaced)."""
    # Best effort: a stray secret for a vault that is not here unlocks nothing.
    with contextlib.suppress(KeyringUnavailable, KeyringFailure):
        kr.delete(kr.find_backend(), item)


def _kek(passphrase: str, salt: bytes, params: KdfParams, binding: Binding) -> SecretKey:
    secret = _normalise(passphrase)
    try:
        with argon2id(secret, salt, params) as pass_key:
            return key_encryption_key(pass_key, binding.secret, salt)
    finally:
        wipe(secret)


@dataclass
class Unlocked:
    """The keys a passphrase unwraps, and the key-encryption key that unwrapped them
    (kept only to upgrade a version 1 header without a second Argon2id)."""

    master: SecretKey
    personal: SecretKey | None  # None: a version 1 header, from before the personal key
    kek: SecretKey

    def close_kek(self) -> None:
        self.kek.close()


def unlock_keys(header: Header, passphrase: str, binding: Binding) -> Unlocked:
    kek = _kek(passphrase, header.salt, header.kdf, binding)
    try:
        wrap = header.passphrase_wrap
        try:
            master = unwrap_key(kek, wrap.nonce, wrap.ciphertext, header.associated_data())
        except UnwrapError:
            raise AuthError("vault.wrong_passphrase", "the passphrase is not correct") from None
        personal = None
        if header.personal_wrap is not None:
            pw = header.personal_wrap
            try:
                personal = unwrap_key(
                    kek, pw.nonce, pw.ciphertext, header.associated_data("personal")
                )
            except UnwrapError:
                # The passphrase is right (the master key opened): the header was edited.
                master.close()
                raise header_damaged("the personal key's wrap does not authenticate") from None
    except BaseException:
        kek.close()
        raise
    return Unlocked(master, personal, kek)


def unwrap_master(header: Header, passphrase: str, binding: Binding) -> SecretKey:
    keys = unlock_keys(header, passphrase, binding)
    keys.close_kek()
    if keys.personal is not None:
        keys.personal.close()
    return keys.master


def _wrapped_under(
    template: Header, kek: SecretKey, master: SecretKey, personal: SecretKey
) -> Header:
    nonce, ct = wrap_key(kek, master, template.associated_data("master"))
    pnonce, pct = wrap_key(kek, personal, template.associated_data("personal"))
    return template.with_wraps(Wrapped(nonce, ct), Wrapped(pnonce, pct))


def wrap_master(
    master: SecretKey,
    personal: SecretKey,
    passphrase: str,
    *,
    vault_id: str,
    params: KdfParams,
    binding: Binding,
    recovery_part: Recovery | None,
) -> Header:
    """A version 2 header with a fresh salt and new passphrase wraps of both keys."""
    salt = os.urandom(SALT_LEN)
    check = kr.secret_check(binding.secret) if binding.secret is not None else None
    placeholder = Wrapped(nonce=b"\0" * 12, ciphertext=b"\0" * 48)
    template = Header(
        vault_id=vault_id,
        kdf=params,
        salt=salt,
        keyring_backend=binding.backend_id,
        secret_check=check,
        passphrase_wrap=placeholder,
        recovery=recovery_part,
        personal_wrap=placeholder,
        keyring_item=binding.item if binding.backend_id is not None else None,
    )
    with _kek(passphrase, salt, params, binding) as kek:
        return _wrapped_under(template, kek, master, personal)


def upgraded_header(header: Header, unlocked: Unlocked, personal: SecretKey) -> Header:
    """A version 1 header as version 2, with `personal` wrapped beside the master key
    under the same key-encryption key (same salt, parameters and binding)."""
    return _wrapped_under(replace(header, version=VERSION), unlocked.kek, unlocked.master, personal)


def seal_recovery(master: SecretKey, recipient_text: str) -> Recovery:
    try:
        recipient = recovery.parse_recipient(recipient_text)
        envelope = recovery.seal(master, recipient)
    except RecoveryError as exc:
        raise UsageError("recovery.bad_recipient", "{detail}", detail=str(exc)) from None
    return Recovery(recipient=recipient_text.strip(), envelope=envelope)


def open_recovery(header: Header, identity_text: str) -> SecretKey:
    if header.recovery is None:
        raise AuthError(
            "recovery.not_set_up",
            "this vault was created without a recovery "
            "recipient, so it cannot be recovered with an identity",
        )
    try:
        identities = recovery.parse_identities(identity_text)
    except RecoveryError as exc:
        raise UsageError("recovery.bad_identity", "{detail}", detail=str(exc)) from None
    try:
        master = recovery.open_sealed(header.recovery.envelope, identities)
    except RecoveryError as exc:
        raise AuthError("recovery.not_opened", "{detail}", detail=str(exc)) from None
    if len(master) != 32:
        master.close()
        raise VaultError(
            "recovery.envelope_invalid", "the recovery envelope does not hold a vault key"
        )
    return master
