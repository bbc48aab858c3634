"""Which process owns the running sittings of a vault.

The desktop app holds an exclusive advisory lock on `.session.lock` in the vault
directory for as long as it runs. The kernel drops the lock when the process dies, so
a sitting marked as owned while nobody holds the lock was interrupted by a crash; a
sitting started from the command line is not owned and stays running between commands.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

LOCK_NAME = ".session.lock"


class SessionLock:
    def __init__(self, vault_dir: Path) -> None:
        self.path = vault_dir / LOCK_NAME
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None
