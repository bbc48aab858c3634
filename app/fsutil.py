"""Safe file helpers: private directories, private files and atomic writes.

Every file Quietroom writes that is not the SQLCipher database goes through
`atomic_write`: a temporary file in the same directory (created 0600 with O_EXCL),
fsync, rename over the target, then fsync of the directory, so a crash leaves either
the old or the new content and never a torn file.

The errors every file-writing or file-reading place shares (a file that cannot be read,
a folder that does not exist) are made here, so one sentence always has one code.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from app.errors import DiskFullError, UsageError

DIR_MODE = 0o700
FILE_MODE = 0o600


def cannot_read(path: Path | str, reason: str | None) -> UsageError:
    """A file that could not be read; `reason` is the system's (OSError.strerror)."""
    return UsageError("file.cannot_read", "cannot read {path}: {reason}", path=path, reason=reason)


def no_such_folder(path: Path) -> UsageError:
    return UsageError("file.no_such_folder", "the folder {path} does not exist", path=path)


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
    fd = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), FILE_MODE
    )
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


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies anywhere under it (symlinks resolved)."""
    try:
        target, base = path.resolve(), folder.resolve()
    except (OSError, RuntimeError):  # a symlink loop: nothing can be written there anyway
        return False
    return target == base or base in target.parents


def check_output_file(path: Path, what: str, *, vault_root: Path | None = None) -> None:
    """Refuse an output path that `atomic_write` must not replace: a device, pipe or
    socket (renaming over /dev/full would swap the device for a file), or anything in
    the vault folder (a backup written over vault.db would destroy the vault)."""
    if vault_root is not None and is_inside(path, vault_root):
        raise UsageError(
            "file.inside_vault",
            "{path} is inside the vault folder; write the {what} somewhere outside it",
            path=path,
            what=what,
        )
    try:
        mode = path.lstat().st_mode
    except OSError:
        return  # a new file (or a folder that cannot be reached: the write says so)
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise UsageError(
            "file.not_ordinary",
            "{path} is not an ordinary file; give a file name for the {what}",
            path=path,
            what=what,
        )


def write_output_file(path: Path, data: bytes, what: str) -> None:
    """`atomic_write` for a file the user named: a failure is one clear UsageError (a
    DiskFullError, exit code 6, when the disk is full: the vault itself is untouched)."""
    try:
        atomic_write(path, data)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFullError(
                "file.disk_full",
                "cannot write the {what} to {path}: {reason}",
                what=what,
                path=path,
                reason=exc.strerror,
            ) from None
        raise UsageError(
            "file.cannot_write",
            "cannot write the {what} to {path}: {reason}",
            what=what,
            path=path,
            reason=exc.strerror,
        ) from None


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


def overwrite_and_remove(path: Path) -> bool:
    """Overwrite a regular file with zeros, flush it to disk, then delete it: True when
    done. Best effort only: SSDs, copy-on-write and journalling file systems and
    backups may keep the old blocks, which is why keys should arrive encrypted."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return False
        remaining = info.st_size
        block = b"\0" * 65536
        while remaining > 0:
            remaining -= os.write(fd, block[: min(remaining, len(block))])
        os.fsync(fd)
    except OSError:
        return False
    finally:
        os.close(fd)
    try:
        os.unlink(path)
    except OSError:
        return False
    fsync_dir(path.parent)
    return True
