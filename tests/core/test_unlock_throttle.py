"""The unlock throttle holds under parallel attempts and a clock set back (reliability §3
and §4): wrong passphrases launched together are taken one at a time, so none slips past
the delay and none goes uncounted; a last attempt dated in the future never locks anyone
out for longer than the documented maximum."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.errors import AuthError
from app.vault.throttle import FILE_NAME, FREE_ATTEMPTS, MAX_DELAY, Throttle, delay_after
from app.vault.vault import read_header
from tests.conftest import REPO, write_secret
from tests.core.engine_cli_harness import make_vault

ATTEMPTS = 10


@pytest.mark.cli
def test_wrong_passphrases_launched_together_are_each_counted(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    wrong = write_secret(tmp_path, "wrong.txt", "not the passphrase at all")
    args = [sys.executable, "-m", "app.cli.main", "--vault", str(vault),
            "--passphrase-file", str(wrong), "status"]  # fmt: skip
    started = [
        subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(ATTEMPTS)
    ]
    errors = [p.communicate(timeout=120)[1] for p in started]
    assert all(p.returncode == 2 for p in started), errors
    evaluated = sum("the passphrase is not correct" in e for e in errors)
    throttled = sum("too many wrong passphrases" in e for e in errors)
    assert evaluated + throttled == ATTEMPTS, errors
    # One at a time: the first FREE_ATTEMPTS are tried, then the delay turns the rest away
    # (without the lock all ten were tried, and the count lost updates: 9 for 13).
    assert evaluated == FREE_ATTEMPTS, errors
    assert Throttle(read_header(vault).vault_id).failures == evaluated


def test_a_last_attempt_in_the_future_counts_as_now(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    vault_id = read_header(vault).vault_id
    now = time.time()
    state = tmp_path / "state"
    state.mkdir()
    a_year = 365 * 24 * 3600
    (state / FILE_NAME).write_text(json.dumps({vault_id: {"failures": 30, "last": now + a_year}}))
    throttle = Throttle(vault_id, state_dir=state, clock=lambda: now)
    assert throttle.wait_remaining() == MAX_DELAY  # not a year
    with pytest.raises(AuthError, match=f"wait {int(MAX_DELAY) + 1} seconds"):
        throttle.check()
    # An ordinary count: the delay from the last attempt, never more than the maximum.
    (state / FILE_NAME).write_text(json.dumps({vault_id: {"failures": 5, "last": now - 1}}))
    assert throttle.wait_remaining() == delay_after(5) - 1 <= MAX_DELAY
