"""Key wrapping with AES-256-GCM; the associated data binds a wrap to its context."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto.errors import UnwrapError
from crypto.secret import SecretKey

NONCE_LEN = 12
TAG_LEN = 16
ALG = "A256GCM"

# AESGCM reads its key and the data as buffers, so keys are passed as the bytearrays we
# wipe: a `bytes(...)` of them would be a copy no one can wipe.


def wrap_key(kek: SecretKey, key: SecretKey, aad: bytes) -> tuple[bytes, bytes]:
    """Return (nonce, ciphertext-with-tag) of `key` under `kek`."""
    nonce = os.urandom(NONCE_LEN)
    return nonce, AESGCM(kek.value).encrypt(nonce, key.value, aad)


def unwrap_key(kek: SecretKey, nonce: bytes, ciphertext: bytes, aad: bytes) -> SecretKey:
    if len(nonce) != NONCE_LEN:
        raise UnwrapError("bad nonce length")
    if len(ciphertext) < TAG_LEN:
        raise UnwrapError("the key did not authenticate")  # as decrypt() would say
    # Decrypted straight into the buffer the key wipes. Older cryptography releases
    # (pyproject allows 44) have no decrypt_into: decrypt() returns the key as bytes, a
    # copy no one can wipe.
    key = SecretKey.zeros(len(ciphertext) - TAG_LEN)
    try:
        aead = AESGCM(kek.value)
        decrypt_into = getattr(aead, "decrypt_into", None)
        if decrypt_into is not None:
            decrypt_into(nonce, ciphertext, aad, key.value)
        else:
            key.value[:] = aead.decrypt(nonce, ciphertext, aad)
    except InvalidTag as exc:
        key.close()
        raise UnwrapError("the key did not authenticate") from exc
    except BaseException:
        key.close()
        raise
    return key
