"""Property tests for header parsing and key wrapping."""

from __future__ import annotations

import contextlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from app.vault.header import Header, HeaderError, Recovery, Wrapped, parse_header
from crypto.errors import UnwrapError
from crypto.kdf import KdfParams
from crypto.secret import SecretKey
from crypto.wrap import unwrap_key, wrap_key

keys32 = st.binary(min_size=32, max_size=32)


def sample_header(recovery: bool = True, version: int = 2) -> Header:
    v2 = version >= 2
    return Header(
        version=version,
        personal_wrap=Wrapped(nonce=bytes(range(12)), ciphertext=bytes(48)) if v2 else None,
        keyring_item="0123456789abcdef0123456789abcdef.0a1b2c3d" if v2 else None,
        vault_id="0123456789abcdef0123456789abcdef",
        kdf=KdfParams(memory_kib=65536, iterations=3, lanes=4),
        salt=bytes(range(16)),
        keyring_backend="keyring.backends.SecretService.Keyring",
        secret_check=bytes(16),
        passphrase_wrap=Wrapped(nonce=bytes(12), ciphertext=bytes(48)),
        recovery=Recovery("age1qqqq", b"age-envelope") if recovery else None,
    )


@given(st.booleans(), st.sampled_from([1, 2]))
def test_header_round_trips(recovery: bool, version: int) -> None:
    header = sample_header(recovery, version)
    assert parse_header(header.to_bytes()) == header


def test_a_version_2_header_without_its_personal_wrap_is_damaged() -> None:
    doc = json.loads(sample_header().to_bytes())
    del doc["wrapped"]["personal"]
    with contextlib.suppress(HeaderError):
        parse_header(json.dumps(doc).encode())
        raise AssertionError("a version 2 header without the personal wrap was accepted")


def test_the_wraps_cannot_be_swapped_or_the_version_lowered() -> None:
    header = sample_header()
    assert header.associated_data("master") != header.associated_data("personal")
    v1 = sample_header(version=1)
    assert b"purpose" not in v1.associated_data()
    assert header.associated_data() != v1.associated_data()


@given(st.binary(max_size=2048))
def test_random_bytes_never_escape_as_other_errors(data: bytes) -> None:
    with contextlib.suppress(HeaderError):
        parse_header(data)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths_of(doc: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            found += paths_of(v, (*prefix, k))
    return found


@settings(max_examples=300)
@given(st.data())
def test_mutated_headers_parse_or_fail_cleanly(data: st.DataObject) -> None:
    doc = json.loads(sample_header().to_bytes())
    path = data.draw(st.sampled_from([p for p in paths_of(doc) if p]))
    target = doc
    for key in path[:-1]:
        target = target[key]
    if data.draw(st.booleans()):
        del target[path[-1]]
    else:
        target[path[-1]] = data.draw(json_values)
    try:
        parsed = parse_header(json.dumps(doc).encode())
    except HeaderError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(parsed, Header)


@given(keys32, keys32, st.binary(max_size=200))
def test_wrap_round_trips(kek: bytes, key: bytes, aad: bytes) -> None:
    nonce, ct = wrap_key(SecretKey(kek), SecretKey(key), aad)
    assert bytes(unwrap_key(SecretKey(kek), nonce, ct, aad).value) == key


@given(keys32, keys32, st.binary(max_size=64), st.integers(0, 59), st.integers(0, 7))
def test_any_flipped_bit_fails_to_unwrap(
    kek: bytes, key: bytes, aad: bytes, index: int, bit: int
) -> None:
    nonce, ct = wrap_key(SecretKey(kek), SecretKey(key), aad)
    blob = bytearray(nonce + ct)
    blob[index] ^= 1 << bit
    try:
        unwrap_key(SecretKey(kek), bytes(blob[:12]), bytes(blob[12:]), aad)
    except UnwrapError:
        return
    raise AssertionError("a flipped bit was not detected")


@given(keys32, keys32, keys32)
def test_wrong_kek_or_aad_fails(kek: bytes, other: bytes, key: bytes) -> None:
    nonce, ct = wrap_key(SecretKey(kek), SecretKey(key), b"context")
    for k, a in ((other, b"context"), (kek, b"other context")):
        if k == kek and a == b"context":
            continue
        try:
            unwrap_key(SecretKey(k), nonce, ct, a)
        except UnwrapError:
            continue
        raise AssertionError("unwrap succeeded with the wrong key or context")
