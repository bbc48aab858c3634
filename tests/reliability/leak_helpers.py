"""What the leak sweep (test_leak_sweep.py) uses: its canaries, the CLI run with personal
content fed through pipes (never a file on disk), a small ext4 file system on a loop
device, and the scanner that looks for every canary in files, raw images and strings.

A canary is "QRCANARY" and 12 random hex digits from the campaign's generator, one per
field, so a match names the field that leaked; the hex part tells this run's canaries
from those of any other test running at the same time. The scanner looks for the prefix
as UTF-8 and UTF-16-LE in three cases (as written, folded to lower case, upper case) and
then compares the hex digits after it with this run's: a few fast `bytes.find` passes
whatever the number of canaries.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import REPO, require_tool

PREFIX = "QRCANARY"
HEX_DIGITS = 12
CHUNK = 16 * 1024 * 1024  # a file is read in pieces this large (images, big temp files)


def make_canaries(rng: random.Random, fields: Iterable[str]) -> dict[str, str]:
    """One distinct canary for each field name."""
    made: dict[str, str] = {}
    for name in fields:
        value = f"{PREFIX}{rng.getrandbits(4 * HEX_DIGITS):0{HEX_DIGITS}x}"
        assert value not in made.values()
        made[name] = value
    return made


# --- the scanner -----------------------------------------------------------------------------


def _needles() -> list[tuple[bytes, str]]:
    """The prefix in every encoding and case searched, with the encoding's name."""
    out = []
    for text in {PREFIX, PREFIX.lower(), PREFIX.upper(), PREFIX.capitalize()}:
        out.append((text.encode("utf-8"), "utf-8"))
        out.append((text.encode("utf-16-le"), "utf-16-le"))
    return out


@dataclass
class Finding:
    place: str
    field: str
    encoding: str


@dataclass
class Scanner:
    """Looks for this run's canaries; counts the places and bytes it searched."""

    canaries: dict[str, str]
    places: int = 0
    bytes_searched: int = 0
    found: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        # The hex part, lower case, -> the field whose canary it is.
        self._by_hex = {v[len(PREFIX) :].lower(): k for k, v in self.canaries.items()}
        self._needles = _needles()

    def _match(self, data: bytes | memoryview, place: str) -> None:
        view = data if isinstance(data, bytes) else bytes(data)
        for needle, encoding in self._needles:
            width = 2 if encoding == "utf-16-le" else 1
            start = view.find(needle)
            while start >= 0:
                tail = view[start + len(needle) : start + len(needle) + width * HEX_DIGITS]
                try:
                    digits = tail.decode(encoding).lower()
                except UnicodeDecodeError:
                    digits = ""
                if digits in self._by_hex:
                    self.found.append(Finding(place, self._by_hex[digits], encoding))
                start = view.find(needle, start + 1)

    def text(self, place: str, value: str) -> None:
        """A string (a title, the clipboard, a log record, a command's stderr)."""
        self.places += 1
        data = value.encode("utf-8", "surrogatepass")
        self.bytes_searched += len(data)
        self._match(data, place)
        # A string is also searched as the text it is, whatever its case.
        for name, canary in self.canaries.items():
            if canary.casefold() in value.casefold() and not any(
                f.place == place and f.field == name for f in self.found
            ):
                self.found.append(Finding(place, name, "str"))

    def file(self, path: Path, place: str | None = None) -> None:
        """A file's bytes, read in overlapping chunks (a canary across two is found)."""
        overlap = 2 * (len(PREFIX) + HEX_DIGITS)
        try:
            with open(path, "rb") as fh:
                self.places += 1
                carry = b""
                while chunk := fh.read(CHUNK):
                    self.bytes_searched += len(chunk)
                    self._match(carry + chunk, place or str(path))
                    carry = chunk[-overlap:]
        except OSError:  # gone already (another test's temporary file), or a socket
            return
        # A match in the overlap is seen twice: keep one of each.
        unique = {(f.place, f.field, f.encoding): f for f in self.found}
        self.found[:] = list(unique.values())

    def tree(self, root: Path, *, since: float | None = None, skip: Iterable[Path] = ()) -> None:
        """Every regular file under root (not following links, not crossing into other
        file systems); with `since`, only files changed since then (the real /tmp and
        HOME hold gigabytes nobody in this run wrote)."""
        skipped = {str(p) for p in skip}
        if not root.is_dir():
            return
        if since is not None and shutil.which("find"):
            for path in _changed_since(root, since, skipped):
                self.file(path)
            return
        device = root.stat().st_dev
        for folder, dirs, files in os.walk(root):
            dirs[:] = [
                d
                for d in dirs
                if os.path.join(folder, d) not in skipped
                and _same_device(os.path.join(folder, d), device)
            ]
            for name in files:
                path = os.path.join(folder, name)
                if path in skipped:
                    continue
                try:
                    st = os.lstat(path)
                except OSError:
                    continue
                if not _is_regular(st.st_mode):
                    continue
                if since is not None and max(st.st_mtime, st.st_ctime) < since:
                    continue
                self.file(Path(path))


def _changed_since(root: Path, since: float, skipped: set[str]) -> list[Path]:
    """Regular files under root changed (content or inode) since `since`, by find(1):
    several times quicker than os.walk over a home folder of 200,000 files."""
    prune: list[str] = []
    for path in sorted(skipped):
        prune += [*(["-o"] if prune else []), "-path", path]
    stamp = f"@{since:.0f}"
    command = ["find", str(root), "-xdev"]
    if prune:
        command += ["(", *prune, ")", "-prune", "-o"]
    command += ["-type", "f", "(", "-newermt", stamp, "-o", "-newerct", stamp, ")", "-print0"]
    # Exit 1 for a folder that vanished or cannot be read while it ran: not our concern.
    listed = subprocess.run(command, capture_output=True).stdout
    return [Path(os.fsdecode(p)) for p in listed.split(b"\0") if p]


def _same_device(path: str, device: int) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return st.st_dev == device and not _is_link(st.st_mode)


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


def _is_link(mode: int) -> bool:
    import stat

    return stat.S_ISLNK(mode)


# --- the CLI, with personal content through pipes ---------------------------------------------


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def cli(
    *args: str | os.PathLike[str],
    feeds: dict[str, str | bytes] | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """quietroom-cli in a fresh interpreter. Each `feeds` value goes through a pipe of its
    own, and "{name}" in an argument becomes that pipe's /dev/fd/N (as `<(…)` gives in a
    shell): personal content never touches a disk."""
    feeds = feeds or {}
    pipes: dict[str, tuple[int, int]] = {name: os.pipe() for name in feeds}
    paths = {name: f"/dev/fd/{r}" for name, (r, _) in pipes.items()}
    argv = [str(a).format(**paths) if isinstance(a, str) else str(a) for a in args]

    def feed(fd: int, data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        with open(fd, "wb", closefd=True) as out, contextlib.suppress(BrokenPipeError):
            out.write(raw)  # (a refused command may stop reading: not an error here)

    # A writer thread for each pipe: a long statement does not fit a pipe's buffer.
    writers = [
        threading.Thread(target=feed, args=(w, feeds[name]), daemon=True)
        for name, (_, w) in pipes.items()
    ]
    for t in writers:
        t.start()
    full_env = dict(os.environ)
    full_env.update(env or {})
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app.cli.main", *argv],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=REPO,
            env=full_env,
            timeout=180,
            pass_fds=tuple(r for r, _ in pipes.values()),
        )
    finally:
        for r, _ in pipes.values():
            os.close(r)
        for t in writers:
            t.join(timeout=10)
    return Run(argv, done.returncode, done.stdout, done.stderr)


# --- a small ext4 file system on a loop device --------------------------------------------------


@contextmanager
def ext4_image(image: Path, megabytes: int) -> Iterator[Path]:
    """An ext4 file system in `image`, loop-mounted on a fresh folder beside it for the
    block; always unmounted and its loop device detached afterwards."""
    mkfs = require_tool("mkfs.ext4")
    mount = require_tool("mount")
    umount = require_tool("umount")
    losetup = require_tool("losetup")
    with open(image, "wb") as fh:
        fh.truncate(megabytes * 1024 * 1024)
    # lazy_itable_init=0: the kernel does not zero inode tables in the background while
    # the test writes; no journal over the vault's blocks to hide what was deleted.
    subprocess.run(
        [mkfs, "-q", "-F", "-E", "lazy_itable_init=0,lazy_journal_init=0", str(image)],
        check=True,
        capture_output=True,
    )
    mountpoint = Path(tempfile.mkdtemp(prefix="mnt-", dir=image.parent))
    done = subprocess.run(
        [mount, "-o", "loop", str(image), str(mountpoint)], capture_output=True, text=True
    )
    if done.returncode != 0:
        mountpoint.rmdir()
        raise AssertionError(f"cannot loop-mount the image: {done.stderr.strip()}")
    try:
        yield mountpoint
    finally:
        subprocess.run(["sync"], check=False)
        if subprocess.run([umount, str(mountpoint)], capture_output=True).returncode != 0:
            time.sleep(0.5)  # a child still closing its files
            if subprocess.run([umount, str(mountpoint)], capture_output=True).returncode != 0:
                subprocess.run([umount, "-l", str(mountpoint)], capture_output=True)
        # mount -o loop detaches by itself on umount; make sure nothing is left over.
        listed = subprocess.run([losetup, "-j", str(image)], capture_output=True, text=True).stdout
        for line in listed.splitlines():
            subprocess.run([losetup, "-d", line.split(":", 1)[0]], capture_output=True)
        with contextlib.suppress(OSError):
            mountpoint.rmdir()  # never rmtree: it might still be mounted
