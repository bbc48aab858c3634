"""Age (age-encryption.org/v1, X25519) envelopes for the organisation's recovery key.

The master key is additionally encrypted to the organisation's recovery recipient so
that an administrator holding the matching identity can restore access.
"""

from __future__ import annotations

import pyrage
from pyrage import x25519

from crypto.errors import RecoveryError
from crypto.secret import SecretKey

MAX_IDENTITY_FILE = 64 * 1024


def parse_recipient(text: str) -> x25519.Recipient:
    text = text.strip()
    if not text.startswith("age1"):
        raise RecoveryError("a recovery recipient is an age X25519 public key starting with 'age1'")
    try:
        return x25519.Recipient.from_str(text)
    except Exception as exc:  # pyrage raises its own RecipientError variants
        raise RecoveryError("the recovery recipient is not a valid age X25519 public key") from exc


def parse_identities(text: str) -> list[x25519.Identity]:
    """Parse an age identity file: AGE-SECRET-KEY-1 lines, '#' comments, blank lines."""
    identities: list[x25519.Identity] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not line.startswith("AGE-SECRET-KEY-1"):
            raise RecoveryError("the identity file holds a line that is not an age identity")
        try:
            identities.append(x25519.Identity.from_str(line))
        except Exception as exc:
            raise RecoveryError("the identity file holds an invalid age identity") from exc
    if not identities:
        raise RecoveryError("the identity file holds no age identity")
    return identities


def seal(key: SecretKey, recipient: x25519.Recipient) -> bytes:
    return pyrage.encrypt(bytes(key.value), [recipient])


def open_sealed(ciphertext: bytes, identities: list[x25519.Identity]) -> SecretKey:
    try:
        return SecretKey(pyrage.decrypt(ciphertext, identities))
    except Exception as exc:
        raise RecoveryError("the identity does not open this vault's recovery envelope") from exc
