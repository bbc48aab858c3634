"""Key wrapping with AES-256-GCM; the associated data binds a wrap to its context."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto.errors import UnwrapError
from crypto.secret import SecretKey

NONCE_LEN = 12
ALG = "A256GCM"


def wrap_key(kek: SecretKey, key: SecretKey, aad: bytes) -> tuple[bytes, bytes]:
    """Return (nonce, ciphertext-with-tag) of `key` under `kek`."""
    nonce = os.urandom(NONCE_LEN)
    return nonce, AESGCM(bytes(kek.value)).encrypt(nonce, bytes(key.value), aad)


def unwrap_key(kek: SecretKey, nonce: bytes, ciphertext: bytes, aad: bytes) -> SecretKey:
    if len(nonce) != NONCE_LEN:
        raise UnwrapError("bad nonce length")
    try:
        return SecretKey(AESGCM(bytes(kek.value)).decrypt(nonce, ciphertext, aad))
    except InvalidTag as exc:
        raise UnwrapError("the key did not authenticate") from exc
