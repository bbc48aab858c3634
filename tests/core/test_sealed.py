"""Sealed tokens (crypto/sealed.py): what they hold opens only with the key and the
associated data it was sealed with; anything else is one clear failure."""

from __future__ import annotations

import base64
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crypto import sealed
from crypto.errors import UnwrapError
from crypto.secret import SecretKey

AAD = b"quietroom/personal/v1/vault/signing-key"


@given(st.binary(max_size=4096))
def test_round_trip(data: bytes) -> None:
    key = SecretKey(os.urandom(32))
    token = sealed.seal(key, data, AAD)
    assert sealed.is_token(token)
    assert bytes(sealed.open_token(key, token, AAD)) == data


def test_another_key_field_or_vault_does_not_open_it() -> None:
    key = SecretKey(os.urandom(32))
    token = sealed.seal(key, b"-----BEGIN PRIVATE KEY-----", AAD)
    with pytest.raises(UnwrapError):
        sealed.open_token(SecretKey(os.urandom(32)), token, AAD)
    with pytest.raises(UnwrapError):
        sealed.open_token(key, token, AAD.replace(b"signing-key", b"age"))


@given(st.binary(max_size=200))
def test_anything_else_is_refused_as_one_failure(junk: bytes) -> None:
    key = SecretKey(os.urandom(32))
    for candidate in (junk, sealed.PREFIX + junk, sealed.PREFIX + base64.b64encode(junk)):
        with pytest.raises(UnwrapError):
            sealed.open_token(key, candidate, AAD)


def test_a_flipped_bit_is_refused() -> None:
    key = SecretKey(os.urandom(32))
    raw = bytearray(base64.b64decode(sealed.seal(key, b"secret", AAD)[4:]))
    raw[-1] ^= 1
    with pytest.raises(UnwrapError):
        sealed.open_token(key, sealed.PREFIX + base64.b64encode(bytes(raw)), AAD)
