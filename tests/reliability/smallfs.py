"""Small real file systems for the disk-full and failing-write campaigns: a tmpfs or a
loop-mounted ext4 image made by the test, filled to exactly full (or to a chosen number
of free bytes), and freed again. Every mount and loop device is undone in `finally`,
even when the test fails.

Owned by the disk-full campaign (tests/reliability/test_disk_full_*.py,
test_failing_writes.py)."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import missing, require_tool

KINDS = ("tmpfs", "ext4")
FILLER = "zz-filler"  # the names of the files that take the space (never the vault's)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


def _mount(*args: str) -> None:
    """Mount, or skip locally when the kernel refuses (a container without
    CAP_SYS_ADMIN; under CI=true it fails): a full disk cannot be made any other way
    without faking the file system."""
    done = _run("mount", *args)
    if done.returncode != 0:
        missing(f"this machine refuses to mount a small file system: {done.stderr.strip()}")


@contextlib.contextmanager
def small_fs(kind: str, where: Path, size_mib: int = 8) -> Iterator[Path]:
    """A new, empty file system of `size_mib` MiB mounted at `where`/mnt-<kind>: tmpfs, or
    ext4 on a loop device over an image file in `where` (no reserved blocks, so "full"
    is full for root too)."""
    if os.geteuid() != 0:
        missing("mounting a small file system needs root (make test runs as root in CI)")
    point = where / f"mnt-{kind}"
    point.mkdir(parents=True)
    loop = None
    try:
        if kind == "tmpfs":
            _mount("-t", "tmpfs", "-o", f"size={size_mib}m,mode=0700", "tmpfs", str(point))
        else:
            require_tool("mkfs.ext4")
            require_tool("losetup")
            image = where / f"{kind}.img"
            with open(image, "wb") as fh:
                fh.truncate(size_mib * 1024 * 1024)
            made = _run("mkfs.ext4", "-q", "-F", "-m", "0", str(image))
            assert made.returncode == 0, made.stderr
            attached = _run("losetup", "--find", "--show", str(image))
            if attached.returncode != 0:
                missing(f"no loop device here: {attached.stderr.strip()}")
            loop = attached.stdout.strip()
            _mount(loop, str(point))
        yield point
    finally:
        # Lazy, so a file still open in a failed test cannot keep the mount; then the
        # loop device (detached now, or by the kernel once the last user lets go).
        if os.path.ismount(point):
            _run("umount", "-l", str(point))
        if loop is not None:
            _run("losetup", "-d", loop)


def free_bytes(point: Path) -> int:
    st = os.statvfs(point)
    return st.f_bavail * st.f_frsize


def fill(point: Path, leave: int = 0) -> list[Path]:
    """Take every free byte of the file system at `point` (as `dd if=/dev/zero` would:
    big blocks, then smaller, then single bytes, each until ENOSPC), then give back
    about `leave` bytes by shortening the big filler (the file system frees whole
    blocks: `leave` is rounded down to its block size). Returns the fillers."""
    made = []
    for name, block in (("big", 1 << 20), ("mid", 64 * 1024), ("small", 512), ("byte", 1)):
        path = point / f"{FILLER}-{name}"
        made.append(path)
        with open(path, "ab", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    if leave > 0:
        big = made[0]
        os.truncate(big, max(0, big.stat().st_size - leave))
    return made


def unfill(point: Path) -> None:
    """Free the space `fill` took."""
    for path in point.glob(f"{FILLER}-*"):
        path.unlink()


@contextlib.contextmanager
def filled(point: Path, leave: int = 0) -> Iterator[list[Path]]:
    """The file system full (but for about `leave` bytes) inside the block, freed after."""
    try:
        yield fill(point, leave)
    finally:
        unfill(point)


def copy_into(source: Path, point: Path) -> Path:
    """A vault folder (or any tree) copied onto the small file system."""
    target = point / source.name
    shutil.copytree(source, target)
    return target
