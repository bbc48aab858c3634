"""The machinery of the crash campaign (tests/reliability/test_crash_campaign.py): child
processes that do real work and are killed with SIGKILL, and the checks made after.

Two ways to kill:
- at a random moment: a child forked from the test process (everything already
  imported, so it is ready in milliseconds) loops the operation, reporting each one on a
  pipe only after it returned, and is killed after a random delay;
- at an exact system call: strace's fault injection (`-e inject=NAME:signal=KILL:when=N`)
  kills the process at the N-th call of one of the calls that make data durable (write,
  pwrite64, fsync, fdatasync, rename, unlink...). The CLI-level operations run as the
  real `python -m app.cli.main` under strace; the engine-level ones (autosave, sync)
  are forked children that strace attaches to (`-p`), which wait until they are traced.

N is drawn from the campaign's generator within the number of such calls the operation
makes, counted first by a run of the same operation under strace without injection.
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import select
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.vault.session_lock import LOCK_NAME
from app.vault.vault import Vault
from tests.conftest import REPO, require_tool

# The calls a crash between two of which could tear a file or lose a save.
DURABLE_CALLS = (
    "write",
    "pwrite64",
    "fsync",
    "fdatasync",
    "rename",
    "renameat",
    "renameat2",
    "unlink",
    "unlinkat",
    "ftruncate",
)
CHILD_TIMEOUT = 120.0  # a child that hangs is killed, so the campaign never blocks
# A vault folder after a clean close holds only these (the write-ahead log and its index
# go when the last connection closes).
VAULT_FILES = {paths.HEADER_NAME, paths.DATABASE_NAME, LOCK_NAME}
SQLITE_FILES = {paths.DATABASE_NAME + "-wal", paths.DATABASE_NAME + "-shm"}
# The files the campaign writes (never leftovers): backup, bundle, decision file.
OUTPUTS = {"vault.backup", "statement.qrb", "decision.qrr"}
Say = Callable[[str], None]


# --- forked children --------------------------------------------------------------------


@dataclass
class Child:
    """A forked child and the read end of its pipe; `lines` is what it said."""

    pid: int
    fd: int
    lines: list[str] = field(default_factory=list)
    status: int | None = None
    _buffer: bytes = b""

    def _take(self, chunk: bytes) -> None:
        self._buffer += chunk
        *whole, self._buffer = self._buffer.split(b"\n")
        self.lines += [line.decode() for line in whole]

    def wait_for(self, word: str, timeout: float = CHILD_TIMEOUT) -> None:
        """Read until the child says `word` (a line of its own)."""
        deadline = time.monotonic() + timeout
        while word not in self.lines:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                raise AssertionError(f"the child never said {word!r}: {self.lines}")
            readable, _, _ = select.select([self.fd], [], [], remaining)
            if readable:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    self.reap()
                    raise AssertionError(f"the child ended before {word!r}: {self.lines}")
                self._take(chunk)

    def kill(self) -> None:
        """SIGKILL, then everything it said before it died."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        self.reap()

    def reap(self) -> None:
        if self.status is None:
            _, self.status = os.waitpid(self.pid, 0)
        while chunk := os.read(self.fd, 65536):
            self._take(chunk)
        os.close(self.fd)
        self.fd = -1

    @property
    def killed(self) -> bool:
        return (
            self.status is not None
            and os.WIFSIGNALED(self.status)
            and (os.WTERMSIG(self.status) == signal.SIGKILL)
        )

    def said(self, prefix: str) -> list[str]:
        """The words after `prefix` of every line that starts with it."""
        return [line[len(prefix) :].strip() for line in self.lines if line.startswith(prefix)]


def fork(body: Callable[[Say], None]) -> Child:
    """Run `body(say)` in a forked child; `say(line)` writes one line to the parent."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - in the child, which never returns
        code = 0
        try:
            os.close(read_fd)

            def say(line: str) -> None:
                os.write(write_fd, (line + "\n").encode())

            body(say)
        except BaseException:
            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return Child(pid, read_fd)


def wait_until_traced(timeout: float = 30.0) -> None:  # pragma: no cover - in the child
    """Spin (reading /proc only, none of DURABLE_CALLS) until strace has attached."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"TracerPid:"):
                    if int(line.split()[1]) != 0:
                        return
                    break
        time.sleep(0.001)
    raise RuntimeError("strace never attached")


def kill_at_random(child: Child, delay: float) -> Child:
    """Let the ready child work for `delay` seconds, then SIGKILL it."""
    child.wait_for("ready")
    time.sleep(delay)
    child.kill()
    return child


# --- strace --------------------------------------------------------------------------------

CALL = re.compile(rb"^(?:\[?pid\s+)?(\d+)?\]?\s*([a-z0-9_]+)\(")


def count_calls(log: Path) -> collections.Counter[str]:
    """How often each call was made by the process that made most calls (strace counts
    its injection per process)."""
    per_pid: dict[bytes, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in log.read_bytes().splitlines():
        found = CALL.match(line)
        if found and not line.startswith(b"<..."):
            per_pid[found.group(1) or b""][found.group(2).decode()] += 1
    if not per_pid:
        return collections.Counter()
    return max(per_pid.values(), key=lambda c: sum(c.values()))


def strace_args(log: Path | None, inject: tuple[str, int] | None) -> list[str]:
    strace = require_tool("strace")
    args = [strace, "-f", "-qq", "-o", str(log or os.devnull)]
    if inject is None:
        return [*args, "-e", f"trace={','.join(DURABLE_CALLS)}"]
    name, when = inject
    return [*args, "-e", f"trace={name}", "-e", f"inject={name}:signal=KILL:when={when}"]


def cli(*args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "app.cli.main", *map(str, args)]


def run_traced(
    command: list[str], *, log: Path | None = None, inject: tuple[str, int] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `command` under strace: counting calls into `log`, or killed by `inject`.
    A kill shows as returncode -9 or 137 (strace passes the signal on)."""
    return subprocess.run(
        [*strace_args(log, inject), *command],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
    )


def was_killed(done: subprocess.CompletedProcess[str]) -> bool:
    return done.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL)


def trace_child(
    body: Callable[[Say], None], *, log: Path | None = None, inject: tuple[str, int] | None = None
) -> Child:
    """Fork `body`, which must call wait_until_traced() after saying "ready"; attach
    strace to it (counting into `log`, or killing it by `inject`); the child's exit
    status is kept (killed or not)."""
    child = fork(body)
    child.wait_for("ready")
    tracer = subprocess.Popen(
        [*strace_args(log, inject), "-p", str(child.pid)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    watchdog = time.monotonic() + CHILD_TIMEOUT
    try:
        while True:
            pid, status = os.waitpid(child.pid, os.WNOHANG)
            if pid:
                child.status = status
                break
            if time.monotonic() > watchdog:
                os.kill(child.pid, signal.SIGKILL)
            time.sleep(0.002)
    finally:
        tracer.wait(CHILD_TIMEOUT)
        child.reap()
    return child


# --- checks after a kill --------------------------------------------------------------------


def backdate_leftovers(folder: Path, age: float = 3600.0) -> None:
    """Make the hidden files a killed process left look as old as they would be at the
    next start of the app: the core removes only those older than LEFTOVER_AGE (60 s),
    because a younger one may be another process's write in progress."""
    past = time.time() - age
    for entry in folder.iterdir():
        if entry.name.startswith(".") and entry.is_file():
            os.utime(entry, (past, past))


def strays(folder: Path, allowed: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in allowed)


def integrity_ok(vault: Vault) -> bool:
    """The core's own check (`status --check`): SQLCipher's page HMACs and SQLite's."""
    return vault.status(check=True).get("integrity") == "ok"
