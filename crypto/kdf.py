"""Passphrase key derivation (Argon2id) and key combination (HKDF-SHA256).

The key-encryption key for a vault is HKDF(Argon2id(passphrase) || device secret):
an attacker needs both the passphrase and the secret held in the OS keyring.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.secret import SecretKey, wipe

KEY_LEN = 32
SALT_LEN = 16
MIN_MEMORY_KIB = 64 * 1024  # the floor set by policy: 64 MiB
DEFAULT_MEMORY_KIB = 128 * 1024
DEFAULT_LANES = 4
MIN_ITERATIONS = 3  # the floor set by policy: fewer passes make each guess cheaper
MAX_ITERATIONS = 64
MAX_MEMORY_KIB = 4 * 1024 * 1024
TARGET_SECONDS = 0.5  # unlock should take 0.3–1 s on a 2-core laptop


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int
    name: str = "argon2id"

    def validate(self) -> None:
        if self.name != "argon2id":
            raise ValueError(f"unsupported KDF {self.name!r}")
        if not MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB:
            raise ValueError("KDF memory is outside the accepted range")
        if not MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS:
            raise ValueError("KDF iterations are outside the accepted range")
        if not 1 <= self.lanes <= 16:
            raise ValueError("KDF lanes are outside the accepted range")


def normalise_passphrase(passphrase: str) -> bytearray:
    """NFC-normalise so that the same passphrase typed on another system matches."""
    # Python has no way to encode a str into a buffer we own: encode() makes a bytes copy
    # that cannot be wiped (nor can the caller's str, or a non-NFC original's normal form).
    return bytearray(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def argon2id(secret: bytes | bytearray, salt: bytes, params: KdfParams) -> SecretKey:
    params.validate()
    kdf = Argon2id(
        salt=salt,
        length=KEY_LEN,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return _derive(kdf, secret)


def calibrate(
    target_seconds: float = TARGET_SECONDS,
    memory_kib: int = DEFAULT_MEMORY_KIB,
    lanes: int = DEFAULT_LANES,
) -> KdfParams:
    """Pick iterations so one derivation takes about `target_seconds` on this machine."""
    # Probe at the minimum pass count: one pass is too short to time reliably.
    probe = KdfParams(memory_kib=memory_kib, iterations=MIN_ITERATIONS, lanes=lanes)
    start = time.perf_counter()
    argon2id(b"calibration", b"\0" * SALT_LEN, probe).close()
    per_pass = max(time.perf_counter() - start, 1e-3) / MIN_ITERATIONS
    iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, round(target_seconds / per_pass)))
    return KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=lanes)


def _derive(kdf: Argon2id | HKDF, material: bytes | bytearray) -> SecretKey:
    """The derived key, written straight into the buffer the returned key wipes.

    Both KDFs read `material` as a buffer, so the caller's bytearray is passed as it is
    (a `bytes(...)` of it would be a copy no one can wipe; Argon2id's type stub says
    `bytes`, but it takes any buffer). HKDF still builds its output block as a `bytes`
    internally (docs/threat-model.md, "What stays in memory after lock").
    """
    key = SecretKey.zeros(KEY_LEN)
    try:
        derive_into = getattr(kdf, "derive_into", None)
        if derive_into is not None:
            derive_into(material, key.value)
        else:
            # cryptography before 47 has no derive_into: derive() returns the key as
            # bytes, a copy no one can wipe (and wants bytes, as this code always gave).
            key.value[:] = kdf.derive(bytes(material))
    except BaseException:
        key.close()
        raise
    return key


def hkdf(ikm: bytes | bytearray, *, salt: bytes | None, info: bytes) -> SecretKey:
    return _derive(HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=salt, info=info), ikm)


def key_encryption_key(
    passphrase_key: SecretKey, device_secret: bytes | bytearray | None, salt: bytes
) -> SecretKey:
    """Combine the passphrase-derived key with the device secret (when bound)."""
    # Sized up front and filled in place: `+=` could move the buffer and free the old
    # block, holding the passphrase key, without wiping it.
    extra = len(device_secret) if device_secret is not None else 0
    ikm = bytearray(len(passphrase_key) + extra)
    ikm[: len(passphrase_key)] = passphrase_key.value
    if device_secret is not None:
        ikm[len(passphrase_key) :] = device_secret
        info = b"quietroom/kek/v1/passphrase+device"
    else:
        info = b"quietroom/kek/v1/passphrase"
    try:
        return hkdf(ikm, salt=salt, info=info)
    finally:
        wipe(ikm)
