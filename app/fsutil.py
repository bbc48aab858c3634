"""Safe file helpers: private directories, private files and atomic writes.

Every file Quietroom writes that is not the SQLCipher database goes through
`atomic_write`: a temporary file in the same directory (created 0600 with O_EXCL),
fsync, rename over the target, then fsync of the directory, so a crash leaves either
the old or the new content and never a torn file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) as 0700 if missing; tighten it if it exists."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)
    return path


def fsync_dir(path: Path) -> None:
    # Directory fsync makes the rename itself durable; not every platform allows it.
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def temp_path_for(target: Path, tag: str = "tmp") -> Path:
    return target.with_name(f".{target.name}.{tag}-{secrets.token_hex(6)}")


def write_new_file(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet, 0600, and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                 FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably (temp, fsync, rename, fsync dir)."""
    tmp = temp_path_for(path)
    try:
        write_new_file(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def read_limited(path: Path, limit: int) -> bytes:
    """Read a whole small file, refusing anything larger than `limit` bytes."""
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{path.name} is larger than expected")
    return data


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
