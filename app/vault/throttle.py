"""Slowing down repeated wrong passphrases, with a count that survives restarts.

The count lives in the per-user state directory, outside the vault, because a wrong
passphrase must leave every file of the vault untouched. It is a brake on guessing at
the keyboard of an unlocked laptop; against an attacker holding a copy of the disk the
protection is Argon2id and the device secret, not this file.

Checking the delay, trying the passphrase and recording the outcome happen under one
lock (`serialised`, an exclusive lock on a file beside the count): unlock attempts
launched together are taken one after another, each seeing the count the one before
left, so none slips past the delay and no failure is lost. A last attempt dated in the
future (the clock was set back) counts as made now, and no wait exceeds MAX_DELAY.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from app import paths
from app.errors import AuthError
from app.fsutil import atomic_write, ensure_private_dir, read_limited

FREE_ATTEMPTS = 3
MAX_DELAY = 300.0
FILE_NAME = "unlock-attempts.json"
LOCK_NAME = "unlock-attempts.lock"


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive wrong passphrases: 0, 0, 0, 2, 4, 8…"""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY, float(2 ** (failures - FREE_ATTEMPTS + 1)))


class Throttle:
    def __init__(
        self,
        vault_id: str,
        *,
        state_dir: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.vault_id = vault_id
        self.path = (state_dir or paths.state_dir()) / FILE_NAME
        self.clock = clock

    def _load(self) -> dict[str, dict[str, float]]:
        try:
            doc = json.loads(read_limited(self.path, 1 << 20))
        except (OSError, ValueError):
            return {}
        return doc if isinstance(doc, dict) else {}

    def _entry(self) -> tuple[int, float]:
        entry = self._load().get(self.vault_id)
        if not isinstance(entry, dict):
            return 0, 0.0
        try:
            return int(entry.get("failures", 0)), float(entry.get("last", 0.0))
        except (TypeError, ValueError):
            return 0, 0.0

    @property
    def failures(self) -> int:
        return self._entry()[0]

    def wait_remaining(self) -> float:
        failures, last = self._entry()
        now = self.clock()
        last = min(last, now)  # a date in the future (the clock set back) counts as now
        return min(MAX_DELAY, max(0.0, last + delay_after(failures) - now))

    @contextlib.contextmanager
    def serialised(self) -> Iterator[None]:
        """Hold the per-user unlock lock: one attempt at a time (see the module's note).
        Without a writable state directory there is no count to protect, and no lock."""
        try:
            ensure_private_dir(self.path.parent)
            fd = os.open(
                self.path.parent / LOCK_NAME,
                os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0),
                0o600,
            )
        except OSError:
            yield
            return
        try:
            _lock(fd)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def check(self) -> None:
        """Refuse an attempt made before the current delay has passed."""
        remaining = self.wait_remaining()
        if remaining > 0:
            raise AuthError(
                "vault.throttled",
                "too many wrong passphrases; wait {seconds} seconds before trying again",
                seconds=int(remaining) + 1,
            )

    def _save(self, failures: int | None) -> None:
        doc = self._load()
        if failures is None:
            if self.vault_id not in doc:
                return
            doc.pop(self.vault_id)
        else:
            doc[self.vault_id] = {"failures": failures, "last": self.clock()}
        try:
            ensure_private_dir(self.path.parent)
            atomic_write(self.path, json.dumps(doc, sort_keys=True).encode("ascii"))
        except OSError:
            # A read-only state directory must not lock anyone out; Argon2id still applies.
            pass

    def record_failure(self) -> None:
        self._save(self._entry()[0] + 1)

    def record_success(self) -> None:
        self._save(None)


def _lock(fd: int) -> None:
    """Wait for the exclusive lock on `fd` (released when it is closed)."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:  # LK_LOCK gives up after 10 seconds: keep waiting
                continue
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)
