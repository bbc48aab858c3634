"""Small secrets sealed with AES-256-GCM under a key, as printable tokens.

A token is `qp1:` and the base64 of nonce and ciphertext; the associated data names
what the secret is and where it belongs, so a token moved to another vault or another
field does not open. Used for the member's keys inside the vault (app/vault/personal.py).
"""

from __future__ import annotations

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto.errors import UnwrapError
from crypto.secret import SecretKey, wipe

PREFIX = b"qp1:"
NONCE_LEN = 12
TAG_LEN = 16


def is_token(value: bytes) -> bool:
    return value.startswith(PREFIX)


def seal(key: SecretKey, data: bytes | bytearray, aad: bytes) -> bytes:
    # Key and data go to AESGCM as the buffers they are: a bytes() copy could not be wiped.
    nonce = os.urandom(NONCE_LEN)
    ciphertext = AESGCM(key.value).encrypt(nonce, data, aad)
    return PREFIX + base64.b64encode(nonce + ciphertext)


def open_token(key: SecretKey, token: bytes, aad: bytes) -> bytearray:
    if not is_token(token):
        raise UnwrapError("not a sealed token")
    try:
        raw = base64.b64decode(token[len(PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise UnwrapError("the sealed token is not base64") from None
    if len(raw) < NONCE_LEN + TAG_LEN:
        raise UnwrapError("the sealed token is too short")
    # Decrypted straight into a buffer the caller wipes, where cryptography allows it.
    plain = bytearray(len(raw) - NONCE_LEN - TAG_LEN)
    aead = AESGCM(key.value)
    try:
        decrypt_into = getattr(aead, "decrypt_into", None)
        if decrypt_into is not None:
            decrypt_into(raw[:NONCE_LEN], raw[NONCE_LEN:], aad, plain)
        else:
            plain[:] = aead.decrypt(raw[:NONCE_LEN], raw[NONCE_LEN:], aad)
    except InvalidTag:
        wipe(plain)
        raise UnwrapError("the sealed token did not authenticate") from None
    return plain
