"""The gate every age file from outside passes (app/export/agefile.py) and the end of a
bundle's archive (app/export/safetar.py), on files made by pyrage: quick, no CLI."""

from __future__ import annotations

import io
import tarfile
import time

import pyrage
import pytest
from pyrage import x25519

from app.errors import VerificationError
from app.export import agefile, safetar

ME = x25519.Identity.generate()


def sealed(count: int, plaintext: bytes = b"hello") -> bytes:
    """`plaintext` encrypted to `count` recipients, ME last. pyrage (like rage) adds one
    "grease" stanza of random type to every header: `count` + 1 stanzas in all."""
    others = [x25519.Identity.generate().to_public() for _ in range(count - 1)]
    return pyrage.encrypt(plaintext, [*others, ME.to_public()])


def split(data: bytes) -> tuple[bytes, bytes, bytes]:
    first = data.index(b"\n") + 1
    mac = data.index(b"\n---") + 1
    return data[:first], data[first:mac], data[mac:]


def reason(data: bytes) -> str:
    with pytest.raises(agefile.Refused) as caught:
        agefile.decrypt(data, [ME])
    return caught.value.reason


def test_a_file_within_the_limits_opens() -> None:
    data = sealed(agefile.MAX_STANZAS - 1)
    header = agefile.read_header(data)
    assert len(header.stanzas) == agefile.MAX_STANZAS
    types = [s[0] for s in header.stanzas]
    assert types.count("X25519") == agefile.MAX_STANZAS - 1
    assert next(t for t in types if t != "X25519").endswith("-grease")
    assert data[: header.size].endswith(b"\n") and data[: header.size].count(b"\n---") == 1
    assert agefile.decrypt(data, [ME]) == b"hello"


def test_one_stanza_too_many() -> None:
    assert reason(sealed(agefile.MAX_STANZAS)) == agefile.TOO_MANY_STANZAS


def test_a_hundred_thousand_stanzas_are_refused_at_once() -> None:
    version, stanzas, rest = split(sealed(1000))
    data = version + stanzas * 100 + rest
    start = time.perf_counter()
    with pytest.raises(agefile.Refused) as caught:
        agefile.read_header(data)
    assert time.perf_counter() - start < 0.05
    assert caught.value.reason == agefile.TOO_MANY_STANZAS
    assert caught.value.limit == agefile.MAX_STANZAS


def test_a_header_too_large() -> None:
    version, stanzas, rest = split(sealed(2))
    body = b"A" * 64 + b"\n"
    big = b"-> X25519 " + b"B" * 43 + b"\n" + body * 1100 + b"\n"
    assert reason(version + stanzas + big + rest) == agefile.HEADER_TOO_LARGE


@pytest.mark.parametrize(
    "change",
    [
        "long line",
        "no mac",
        "mac too short",
        "no stanza",
        "body not base64",
        "body too wide",
        "empty argument",
        "truncated",
        "not age",
    ],
)
def test_a_malformed_header_is_refused(change: str) -> None:
    version, stanzas, rest = split(sealed(2))
    data = {
        "long line": version + b"-> x " + b"y" * 2000 + b"\n\n" + stanzas + rest,
        "no mac": version + stanzas + rest.replace(b"--- ", b"+++ ", 1),
        "mac too short": version + stanzas + b"--- abc\n" + rest[rest.index(b"\n") + 1 :],
        "no stanza": version + rest,
        "body not base64": version + b"-> x\n!!!\n" + stanzas + rest,
        "body too wide": version + b"-> x\n" + b"A" * 65 + b"\n\n" + stanzas + rest,
        "empty argument": version + b"-> X25519  abc\n\n" + stanzas + rest,
        "truncated": version + stanzas[:-10],
        "not age": b"age-encryption.org/v2\n" + stanzas + rest,
    }[change]
    expected = agefile.NOT_AGE if change == "not age" else agefile.DAMAGED
    assert reason(data) == expected


def test_not_a_recipient_and_damaged_payload() -> None:
    stranger = pyrage.encrypt(b"x", [x25519.Identity.generate().to_public()])
    assert reason(stranger) == agefile.NOT_A_RECIPIENT
    damaged = bytearray(sealed(1, b"hello" * 100))
    damaged[-20] ^= 0xFF
    assert reason(bytes(damaged)) == agefile.DAMAGED


# --- the archive's end ------------------------------------------------------------------


def archive() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("a.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"abc"))
    return out.getvalue()


def unpack(data: bytes) -> dict[str, bytes]:
    return safetar.unpack(data, frozenset({"a.txt"}), {"a.txt": 3})


MEMBER_END = 2 * tarfile.BLOCKSIZE  # a.txt's header and its one block of data


def test_standard_padding_is_accepted() -> None:
    data = archive()
    assert len(data) == tarfile.RECORDSIZE and not data[MEMBER_END:].strip(b"\0")
    assert unpack(data) == {"a.txt": b"abc"}
    # the end-of-archive marker alone, without the record's padding, is a whole archive too
    assert unpack(data[: MEMBER_END + 2 * tarfile.BLOCKSIZE]) == {"a.txt": b"abc"}


@pytest.mark.parametrize(
    ("tail", "words"),
    [
        (b"JUNK", "after the end of the archive"),
        (b"\0" * (2 * tarfile.RECORDSIZE), "after the end of the archive"),
        (b"\0" * 511 + b"x", "after the end of the archive"),
    ],
)
def test_anything_after_the_end_is_refused(tail: bytes, words: str) -> None:
    with pytest.raises(VerificationError, match=words):
        unpack(archive() + tail)


def test_junk_inside_the_padding_is_refused() -> None:
    data = archive()
    with pytest.raises(VerificationError, match="after the end of the archive"):
        unpack(data[:-4] + b"JUNK")


@pytest.mark.parametrize("blocks", [0, 1])
def test_an_archive_without_its_end_marker_is_refused(blocks: int) -> None:
    data = archive()[: MEMBER_END + blocks * tarfile.BLOCKSIZE]
    with pytest.raises(VerificationError, match="does not end as a tar archive does"):
        unpack(data)


def test_a_member_over_its_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(VerificationError, match=r"'a.txt' is larger than .* \(at most 2 bytes\)"):
        safetar.unpack(archive(), frozenset({"a.txt"}), {"a.txt": 2})
