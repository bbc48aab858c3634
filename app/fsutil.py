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
import logging
import os
import re
import secrets
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from app.errors import DiskFullError, UsageError

LOG = logging.getLogger("quietroom.files")
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


def fsync_dir(path: Path, *, strict: bool = False) -> None:
    """Make a rename in `path` durable. Not every platform or file system can sync a
    directory (EINVAL, ENOTSUP): that is never an error. Any other failure is ignored,
    unless `strict` (the vault's header), where it is raised: the caller must say that
    the change may not survive a power cut."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        if strict:
            raise
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if strict and exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def temp_path_for(target: Path, tag: str = "tmp") -> Path:
    return target.with_name(f".{target.name}.{tag}-{secrets.token_hex(6)}")


LEFTOVER_AGE = 60.0  # seconds: younger temporary files may be another process's, in use


def remove_leftovers(target: Path) -> int:
    """Remove the temporary files `atomic_write` left beside `target` when a process was
    killed between writing one and renaming it (a whole backup, or the master key
    wrapped under a new passphrase); return how many. Only our own names, only plain
    files (never a link), and only those older than LEFTOVER_AGE, so a write another
    process is making right now is left alone."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.tmp-[0-9a-f]{{12}}")
    removed = 0
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return 0
    cutoff = time.time() - LEFTOVER_AGE
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
    if removed:
        fsync_dir(target.parent)
    return removed


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


def atomic_write(path: Path, data: bytes, *, strict_sync: bool = False) -> None:
    """Replace `path` with `data` atomically and durably (temp, fsync, rename, fsync dir).
    With `strict_sync`, a failure to sync the directory after the rename is raised
    (OSError): the new content is in place but may not survive a power cut."""
    tmp = temp_path_for(path)
    try:
        write_new_file(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent, strict=strict_sync)


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
    DiskFullError, exit code 6, when the disk is full: the vault itself is untouched).
    What an interrupted earlier write to the same file left beside it goes first."""
    stage_output_file(path, data, what).publish()


@dataclass(frozen=True)
class StagedFile:
    """An output file written in full (and fsynced) beside its target under a hidden
    temporary name, not yet in place. A file that must travel only if the vault recorded
    it (a bundle, a decision) is staged, the vault's transaction commits, and only then
    is it published; a failure in between discards it. A process killed in between
    leaves only the hidden copy, never a file the vault does not know."""

    path: Path
    temp: Path
    what: str

    def publish(self) -> None:
        try:
            os.replace(self.temp, self.path)
        except OSError as exc:
            self.discard()
            raise _write_error(exc, self.what, self.path) from None
        fsync_dir(self.path.parent)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.temp.unlink()


class Staging:
    """Files staged inside a `with` block that also holds the vault's transaction: put in
    place when the block ends well (after the transaction committed), discarded when it
    raises, so the vault and the files it wrote agree whatever happens in between."""

    def __init__(self) -> None:
        self._files: list[StagedFile] = []

    def stage(self, path: Path, data: bytes, what: str) -> None:
        self._files.append(stage_output_file(path, data, what))

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:
            for file in self._files:
                file.discard()
            return
        for file in self._files:
            file.publish()


def stage_output_file(path: Path, data: bytes, what: str) -> StagedFile:
    """Write `data` beside `path` under a hidden name (see StagedFile); errors as
    `write_output_file`'s."""
    if remove_leftovers(path):
        LOG.warning(
            "removed the unfinished copy an interrupted earlier write left beside the "
            "output file; the output file itself was never replaced by it"
        )
    staged = StagedFile(path, temp_path_for(path), what)
    try:
        write_new_file(staged.temp, data)
    except OSError as exc:
        staged.discard()
        raise _write_error(exc, what, path) from None
    except BaseException:
        staged.discard()
        raise
    return staged


def _write_error(exc: OSError, what: str, path: Path) -> UsageError | DiskFullError:
    if exc.errno == errno.ENOSPC:
        return DiskFullError(
            "file.disk_full",
            "cannot write the {what} to {path}: {reason}",
            what=what,
            path=path,
            reason=exc.strerror,
        )
    return UsageError(
        "file.cannot_write",
        "cannot write the {what} to {path}: {reason}",
        what=what,
        path=path,
        reason=exc.strerror,
    )


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
