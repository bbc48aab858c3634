"""Bech32 (BIP-173) encoding, as age uses it for identities and recipients.

This module owns the text form of raw key bytes: `age_recipient_text(public)` gives an
`age1…` recipient and `age_identity_text(secret)` an `AGE-SECRET-KEY-1…` identity. It
is the checksummed base-32 of BIP-173 (bech32, not bech32m), with the 90-character
limit as a parameter because age's texts for plugins may exceed it. Every malformed
input raises ValueError with a short message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_VALUES = {c: i for i, c in enumerate(CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
MAX_LENGTH = 90  # BIP-173's limit on the whole string
CHECKSUM_LENGTH = 6


def _polymod(values: Iterable[int]) -> int:
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i, gen in enumerate(_GENERATOR):
            if (top >> i) & 1:
                chk ^= gen
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _checksum(hrp: str, data: Sequence[int]) -> list[int]:
    polymod = _polymod([*_hrp_expand(hrp), *data, 0, 0, 0, 0, 0, 0]) ^ 1
    return [(polymod >> 5 * (5 - i)) & 31 for i in range(CHECKSUM_LENGTH)]


def _check_hrp(hrp: str) -> None:
    if not hrp or any(not 33 <= ord(c) <= 126 for c in hrp):
        raise ValueError("bech32: the human-readable part must be printable ASCII")


def bech32_encode(hrp: str, data: Sequence[int], *, limit: int | None = MAX_LENGTH) -> str:
    """Lower-case bech32 string of `hrp` and 5-bit `data` values, with its checksum."""
    _check_hrp(hrp)
    if hrp != hrp.lower():
        raise ValueError("bech32: the human-readable part must be lower case")
    if any(not 0 <= d < 32 for d in data):
        raise ValueError("bech32: data values must be 5-bit")
    text = hrp + "1" + "".join(CHARSET[d] for d in [*data, *_checksum(hrp, data)])
    if limit is not None and len(text) > limit:
        raise ValueError("bech32: the string would be too long")
    return text


def bech32_decode(text: str, *, limit: int | None = MAX_LENGTH) -> tuple[str, list[int]]:
    """(lower-case hrp, 5-bit data values without the checksum) of a bech32 string."""
    if limit is not None and len(text) > limit:
        raise ValueError("bech32: the string is too long")
    if any(not 33 <= ord(c) <= 126 for c in text):
        raise ValueError("bech32: the string holds a character outside printable ASCII")
    if text.lower() != text and text.upper() != text:
        raise ValueError("bech32: the string mixes upper and lower case")
    text = text.lower()
    sep = text.rfind("1")
    if sep < 1 or sep + 1 + CHECKSUM_LENGTH > len(text):
        raise ValueError("bech32: the separator is missing or misplaced")
    hrp, rest = text[:sep], text[sep + 1 :]
    if any(c not in _VALUES for c in rest):
        raise ValueError("bech32: the data part holds a character outside the alphabet")
    data = [_VALUES[c] for c in rest]
    if _polymod([*_hrp_expand(hrp), *data]) != 1:
        raise ValueError("bech32: the checksum does not match")
    return hrp, data[:-CHECKSUM_LENGTH]


def convert_bits(data: Iterable[int], from_bits: int, to_bits: int, *, pad: bool) -> list[int]:
    """Regroup a sequence of `from_bits`-bit values into `to_bits`-bit values.

    With pad=False (decoding) left-over bits must be fewer than `from_bits` and zero,
    as BIP-173 requires.
    """
    acc = bits = 0
    out: list[int] = []
    max_value = (1 << to_bits) - 1
    for value in data:
        if value < 0 or value >> from_bits:
            raise ValueError("bech32: a value is out of range")
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & max_value)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & max_value)
    elif bits >= from_bits or (acc << (to_bits - bits)) & max_value:
        raise ValueError("bech32: the data has invalid padding")
    return out


def encode(hrp: str, payload: bytes, *, limit: int | None = MAX_LENGTH) -> str:
    """Lower-case bech32 text of `payload` bytes under `hrp`."""
    return bech32_encode(hrp, convert_bits(payload, 8, 5, pad=True), limit=limit)


def decode(text: str, *, limit: int | None = MAX_LENGTH) -> tuple[str, bytes]:
    """(lower-case hrp, payload bytes) of bech32 text; ValueError if it is malformed."""
    hrp, data = bech32_decode(text, limit=limit)
    return hrp, bytes(convert_bits(data, 5, 8, pad=False))


# --- age's text forms ----------------------------------------------------------------

AGE_SECRET_HRP = "age-secret-key-"
AGE_RECIPIENT_HRP = "age"


def age_identity_text(secret: bytes) -> str:
    """`AGE-SECRET-KEY-1…` for a raw 32-byte X25519 secret, upper case as age writes it."""
    if len(secret) != 32:
        raise ValueError("an age X25519 identity is 32 bytes")
    return encode(AGE_SECRET_HRP, secret, limit=None).upper()


def age_identity_bytes(text: str) -> bytes:
    """The raw 32-byte X25519 secret of an `AGE-SECRET-KEY-1…` identity."""
    hrp, secret = decode(text.strip(), limit=None)
    if hrp != AGE_SECRET_HRP or len(secret) != 32:
        raise ValueError("not an age X25519 identity")
    return secret


def age_recipient_text(public: bytes) -> str:
    """`age1…` for a raw 32-byte X25519 public key."""
    if len(public) != 32:
        raise ValueError("an age X25519 recipient is 32 bytes")
    return encode(AGE_RECIPIENT_HRP, public, limit=None)
