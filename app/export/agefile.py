"""Opening an age-encrypted file that came from outside: every one goes through here.

pyrage (rage) handles a header's recipient stanzas in time that grows with the square
of their number: a bundle re-encrypted to 2,000 random recipients and the real one kept
a verifier busy for half a minute or more, and 100,000 for hours. So the header is read
here first, by the simple line format of age v1 (C2SP age):

    age-encryption.org/v1
    -> TYPE ARG…            a stanza: "-> " and its arguments, then its body in
    BASE64 (64 columns)…    base64 lines of 64 columns, ended by a shorter line
    --- MAC                 the header's MAC; the encrypted payload follows

and refused, before any decryption, past these limits: more than MAX_STANZAS stanzas
(Quietroom's exports name at most 32 recipients, and pyrage adds one "grease" stanza of a
random type to every header), a header larger than MAX_HEADER_BYTES, or a line longer
than MAX_LINE_BYTES. Only then is the file decrypted, by pyrage.

A refusal is a `Refused` with one of the reasons below (and the limit passed); the
caller says it in words fit for its kind of file (a bundle today; supervisors' decisions
and the intake's receipts later), each with its own error code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyrage

AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_STANZAS = 64
MAX_HEADER_BYTES = 64 * 1024
MAX_LINE_BYTES = 1024  # a stanza line or a body line; X25519's are 53 and 43 bytes
BODY_COLUMNS = 64

# Why a file was not opened.
NOT_AGE = "not_age"  # it does not start as an age v1 file
TOO_MANY_STANZAS = "too_many_stanzas"  # more than MAX_STANZAS recipient stanzas
HEADER_TOO_LARGE = "header_too_large"  # the header runs past MAX_HEADER_BYTES
DAMAGED = "damaged"  # a malformed header, or a payload that does not decrypt
NOT_A_RECIPIENT = "not_a_recipient"  # no stanza opens with the identities given

_ARGUMENT = re.compile(rb"[\x21-\x7e]+")  # age: 1*VCHAR
_BASE64 = re.compile(rb"[A-Za-z0-9+/]*")  # canonical, unpadded
_MAC = re.compile(rb"[A-Za-z0-9+/]{43}")  # 32 bytes


class Refused(Exception):
    """An age file that was not opened: `reason` is one of the names above, `limit` the
    limit it went past (0 when none applies)."""

    def __init__(self, reason: str, limit: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit


@dataclass(frozen=True)
class Header:
    stanzas: tuple[tuple[str, ...], ...]  # each stanza's type and arguments
    size: int  # bytes from the file's start to the end of the MAC line


def read_header(data: bytes) -> Header:
    """The file's age header, read within the limits; Refused otherwise. Reads at most
    MAX_HEADER_BYTES of `data`, whatever follows."""
    if not data.startswith(AGE_MAGIC):
        raise Refused(NOT_AGE)
    stanzas: list[tuple[str, ...]] = []
    pos, in_body = len(AGE_MAGIC), False
    while True:
        end = data.find(b"\n", pos, pos + MAX_LINE_BYTES + 1)
        if end < 0:
            if pos + MAX_LINE_BYTES >= MAX_HEADER_BYTES:
                raise Refused(HEADER_TOO_LARGE, MAX_HEADER_BYTES)
            raise Refused(DAMAGED)  # a line too long, or the file ends inside the header
        if end + 1 > MAX_HEADER_BYTES:
            raise Refused(HEADER_TOO_LARGE, MAX_HEADER_BYTES)
        line, pos = data[pos:end], end + 1
        if in_body:
            if len(line) > BODY_COLUMNS or not _BASE64.fullmatch(line):
                raise Refused(DAMAGED)
            in_body = len(line) == BODY_COLUMNS  # a shorter line ends the body
        elif line.startswith(b"-> "):
            arguments = line[3:].split(b" ")
            if not all(_ARGUMENT.fullmatch(a) for a in arguments):
                raise Refused(DAMAGED)
            stanzas.append(tuple(a.decode("ascii") for a in arguments))
            if len(stanzas) > MAX_STANZAS:
                raise Refused(TOO_MANY_STANZAS, MAX_STANZAS)
            in_body = True
        elif line.startswith(b"--- ") and _MAC.fullmatch(line[4:]) and stanzas:
            return Header(tuple(stanzas), pos)
        else:
            raise Refused(DAMAGED)


def decrypt(data: bytes, identities: Sequence[Any]) -> bytes:
    """The plaintext of an age file from outside, its header checked first (above)."""
    read_header(data)
    try:
        return pyrage.decrypt(data, list(identities))
    except Exception as exc:  # pyrage raises its own types, and ValueError/TypeError
        if "no matching keys" in str(exc).lower():
            raise Refused(NOT_A_RECIPIENT) from None
        raise Refused(DAMAGED) from None
