"""Slowing down repeated wrong passphrases, with a count that survives restarts.

The count lives in the per-user state directory, outside the vault, because a wrong
passphrase must leave every file of the vault untouched. It is a brake on guessing at
the keyboard of an unlocked laptop; against an attacker holding a copy of the disk the
protection is Argon2id and the device secret, not this file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from app import paths
from app.errors import AuthError
from app.fsutil import atomic_write, ensure_private_dir, read_limited

FREE_ATTEMPTS = 3
MAX_DELAY = 300.0
FILE_NAME = "unlock-attempts.json"


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
        return max(0.0, last + delay_after(failures) - self.clock())

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
