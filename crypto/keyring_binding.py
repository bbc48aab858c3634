"""The device secret held in the OS keyring through the `keyring` package.

Only real OS backends are accepted. The fail, null, chainer and plaintext-file
backends (keyrings.alt) would silently store the secret unprotected or not at all,
which would defeat the binding, so they are refused.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

import keyring.backend
import keyring.errors

from crypto.errors import KeyringFailure, KeyringLocked, KeyringTimeout, KeyringUnavailable

SERVICE = "Quietroom vault device secret"
SECRET_LEN = 32
# Every call into the keyring gives up after this long: a locked keyring may wait for a
# password prompt nobody can answer (no display, or a prompt behind another window), and
# a vault must never hang for minutes on it.
TIMEOUT_SECONDS = 10.0

_T = TypeVar("_T")


def _answered(call: Callable[[], _T], timeout: float | None = None) -> _T:
    """`call()` in a helper thread, given at most `timeout` seconds. A call that does
    not return in time raises KeyringTimeout; the thread is left to finish (or not) on
    its own, as a daemon, since a D-Bus call cannot be cancelled from outside."""
    done: list[_T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(call())
        except BaseException as exc:  # handed to the caller's thread below
            failed.append(exc)

    thread = threading.Thread(target=run, name="quietroom-keyring", daemon=True)
    thread.start()
    thread.join(TIMEOUT_SECONDS if timeout is None else timeout)
    if thread.is_alive():
        raise KeyringTimeout(f"no answer within {TIMEOUT_SECONDS:.0f} seconds")
    if failed:
        raise failed[0]
    return done[0]


def _failure(exc: Exception) -> KeyringFailure:
    if isinstance(exc, KeyringFailure):
        return exc
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringLocked(str(exc) or "the keyring is locked")
    return KeyringFailure(str(exc) or type(exc).__name__)


ACCEPTED_BACKENDS: dict[str, str] = {
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Locker",
}


def backend_id(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__name__}"


def backend_label(identifier: str) -> str:
    return ACCEPTED_BACKENDS.get(identifier, identifier)


def _platform_backends() -> tuple[str, ...]:
    """The accepted backends this operating system can have. Only these are imported:
    keyring's own discovery (get_all_keyring) imports every backend, and the macOS one
    calls ctypes.util.find_library at import, which on Linux runs ldconfig and gcc three
    times each (about 0.1 s on every command and every start of the app)."""
    if sys.platform == "darwin":
        return ("keyring.backends.macOS.Keyring",)
    if sys.platform == "win32":
        return ("keyring.backends.Windows.WinVaultKeyring",)
    return (
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
    )


def _viable_accepted() -> list[keyring.backend.KeyringBackend]:
    found = []
    for identifier in _platform_backends():
        module_name, _, class_name = identifier.rpartition(".")
        try:
            backend = getattr(importlib.import_module(module_name), class_name)()
            # Raises when the backend cannot work here; asks D-Bus, so it is timed too.
            priority = _answered(_priority_of(backend))
        except Exception:  # a missing dependency or service: not viable, like keyring says
            continue
        if priority > 0:
            found.append(backend)
    found.sort(key=lambda b: b.priority, reverse=True)
    return found


def _priority_of(backend: keyring.backend.KeyringBackend) -> Callable[[], float]:
    return lambda: float(backend.priority)


def find_backend(required: str | None = None) -> keyring.backend.KeyringBackend:
    """The best acceptable backend, or exactly `required` when a vault names one."""
    viable = _viable_accepted()
    if required is not None:
        for backend in viable:
            if backend_id(backend) == required:
                return backend
        raise KeyringUnavailable(required)
    if not viable:
        raise KeyringUnavailable("none")
    return viable[0]


def new_device_secret() -> bytearray:
    return bytearray(os.urandom(SECRET_LEN))


def secret_check(secret: bytes | bytearray) -> bytes:
    """A short fingerprint telling a replaced secret apart from a wrong passphrase."""
    return hashlib.sha256(b"quietroom/device-secret-check/v1" + bytes(secret)).digest()[:16]


def store(
    backend: keyring.backend.KeyringBackend, vault_id: str, secret: bytes | bytearray
) -> None:
    encoded = base64.b64encode(bytes(secret)).decode("ascii")
    try:
        _answered(lambda: backend.set_password(SERVICE, vault_id, encoded))
    except Exception as exc:
        raise _failure(exc) from exc
    if load(backend, vault_id) != bytearray(secret):
        raise KeyringFailure("the keyring did not return the secret just stored")


def load(backend: keyring.backend.KeyringBackend, vault_id: str) -> bytearray | None:
    """The device secret, or None when the keyring holds none for the vault. Something
    held that is not a device secret (replaced by other data) comes back as an empty
    bytearray, which belongs to no vault: the caller says "replaced", never "missing"."""
    try:
        value = _answered(lambda: backend.get_password(SERVICE, vault_id))
    except Exception as exc:
        raise _failure(exc) from exc
    if value is None:
        return None
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError:
        return bytearray()
    return bytearray(raw) if len(raw) == SECRET_LEN else bytearray()


def delete(backend: keyring.backend.KeyringBackend, vault_id: str) -> None:
    try:
        _answered(lambda: backend.delete_password(SERVICE, vault_id))
    except keyring.errors.PasswordDeleteError:
        pass
    except Exception as exc:
        raise _failure(exc) from exc
