"""Mutable secret buffers that can be overwritten when no longer needed.

Python cannot guarantee that no copy of a secret survives: `bytes` objects are
immutable and may be copied by the interpreter, by C libraries (OpenSSL, SQLite's
`PRAGMA key` string) and by the allocator. Holding keys in a `bytearray` and wiping it
on close removes the copy we own; that is the best effort available in pure Python.
"""

from __future__ import annotations

import ctypes


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
    """A fixed-size key held in a bytearray, wiped by `close()` or on context exit."""

    __slots__ = ("_buf",)

    def __init__(self, material: bytes | bytearray) -> None:
        self._buf: bytearray | None = bytearray(material)

    @property
    def value(self) -> bytearray:
        if self._buf is None:
            raise ValueError("this key has been wiped")
        return self._buf

    def hex(self) -> str:
        return self.value.hex()

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
