"""Mutable secret buffers that can be overwritten when no longer needed.

Python cannot guarantee that no copy of a secret survives: `bytes` and `str` objects are
immutable, and the interpreter, C libraries (OpenSSL, SQLite) and the allocator may copy
what they are given. Holding keys in a `bytearray`, deriving and decrypting straight into
one, handing them to C code as a buffer (never as text) and wiping the buffer on close
removes every copy we make; that is the best effort available in pure Python.
`docs/threat-model.md` ("What stays in memory after lock") says what may remain.
"""

from __future__ import annotations

import contextlib
import ctypes
from collections.abc import Iterator

_HEX_DIGITS = b"0123456789abcdef"


def wipe(buf: bytearray | memoryview | None) -> None:
    """Overwrite a mutable buffer with zeros in place."""
    if buf is None:
        return
    n = len(buf)
    if n == 0:
        return
    if isinstance(buf, bytearray):
        ctypes.memset((ctypes.c_char * n).from_buffer(buf), 0, n)
    else:
        buf[:] = bytes(n)


class SecretKey:
    """A fixed-size key held in a bytearray, wiped by `close()` or on context exit.

    There is deliberately no `hex()` or `bytes()`: either would make an immutable copy of
    the key that no one can wipe.
    """

    __slots__ = ("_buf",)

    def __init__(self, material: bytes | bytearray) -> None:
        self._buf: bytearray | None = bytearray(material)

    @classmethod
    def zeros(cls, length: int) -> SecretKey:
        """A key of `length` zero bytes, for a library to write the real key into in place
        (`derive_into`, `decrypt_into`), so that no other copy of it is ever made."""
        return cls(bytes(length))

    @property
    def value(self) -> bytearray:
        if self._buf is None:
            raise ValueError("this key has been wiped")
        return self._buf

    def __len__(self) -> int:
        return len(self.value)

    def close(self) -> None:
        wipe(self._buf)
        self._buf = None

    @property
    def closed(self) -> bool:
        return self._buf is None

    def __enter__(self) -> SecretKey:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:  # never show the material
        return "<SecretKey wiped>" if self._buf is None else f"<SecretKey {len(self._buf)} bytes>"


@contextlib.contextmanager
def raw_key_spec(key: SecretKey) -> Iterator[bytearray]:
    """SQLCipher's raw-key form of `key`, ``x'<hex digits>'``, in a bytearray wiped on exit.

    The digits are written one by one into a buffer sized up front: no `str` or `bytes`
    copy of the key is made (`key.hex()`, an f-string or `PRAGMA key` SQL text each would
    be one, immutable, so never wiped, and SQL text is also copied by SQLite's parser and
    kept in the driver's statement cache), and the buffer never grows (a reallocation
    would free the old block unwiped). Give it to an API that reads a buffer, such as
    sqlcipher3's `Connection.set_key` (`sqlite3_key`), which SQLCipher copies into its
    own memory and wipes when the connection closes. Best effort: see the module's note.
    """
    value = key.value
    spec = bytearray(2 * len(value) + 3)
    try:
        spec[0] = ord("x")
        spec[1] = spec[-1] = ord("'")
        for i in range(len(value)):
            spec[2 + 2 * i] = _HEX_DIGITS[value[i] >> 4]
            spec[3 + 2 * i] = _HEX_DIGITS[value[i] & 0x0F]
        yield spec
    finally:
        wipe(spec)
