"""Crash safety: SIGKILL at random moments during passphrase change and backup.

A child process changes the passphrase (or writes backups) in a loop; the test kills
it at a random moment and then shows the vault still opens with the old or the new
passphrase, and that a backup file, when present, is always a whole, restorable one.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.errors import AuthError
from app.vault import backup
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, REPO

A = "first passphrase 111"
B = "second passphrase 222"
RUNS = 50

CHANGER = """
import sys
from pathlib import Path
from app.errors import AuthError
from app.vault.vault import Vault
root = Path(sys.argv[1]); a, b = sys.argv[2], sys.argv[3]
try:
    vault = Vault.open(root, a); current = a
except AuthError:
    vault = Vault.open(root, b); current = b
print("ready", flush=True)
while True:
    current = b if current == a else a
    vault.change_passphrase(current)
"""

BACKER = """
import sys
from pathlib import Path
from app.vault.backup import write_backup
from app.vault.vault import Vault
root, out = Path(sys.argv[1]), Path(sys.argv[2])
vault = Vault.open(root, sys.argv[3])
print("ready", flush=True)
while True:
    write_backup(vault, out)
"""


def start(code: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    return proc


def kill_at_random(proc: subprocess.Popen[str], rng: random.Random) -> None:
    time.sleep(rng.uniform(0.0, 0.4))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()


def opens_with(root: Path) -> str:
    for candidate in (A, B):
        try:
            Vault.open(root, candidate).close()
            return candidate
        except AuthError:
            continue
    raise AssertionError("the vault opens with neither the old nor the new passphrase")


@pytest.mark.slow
def test_sigkill_during_passphrase_change(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    Vault.create(root, A, use_keyring=False, kdf_params=FAST_KDF).close()
    rng = random.Random(20261126)
    for _ in range(RUNS):
        proc = start(CHANGER, str(root), A, B)
        kill_at_random(proc, rng)
        opens_with(root)
        stray = [p.name for p in root.iterdir() if p.name.startswith(".vault.header")]
        for name in stray:  # an interrupted write leaves at most its private temp file
            (root / name).unlink()


@pytest.mark.slow
def test_sigkill_during_backup(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    with Vault.create(root, A, use_keyring=False, kdf_params=FAST_KDF) as vault, \
            vault.transaction() as conn:
        conn.execute("CREATE TABLE t (b BLOB)")
        for _ in range(200):
            conn.execute("INSERT INTO t VALUES (randomblob(4000))")
    out = tmp_path / "vault.backup"
    rng = random.Random(4242)
    checked = 0
    for i in range(RUNS):
        proc = start(BACKER, str(root), str(out), A)
        kill_at_random(proc, rng)
        assert opens_with(root) == A
        if out.exists():
            target = tmp_path / f"restored-{i}"
            backup.restore(target, out, A)
            with Vault.open(target, A) as restored:
                assert restored.connection.execute("SELECT count(*) FROM t").fetchone()[0] == 200
            checked += 1
    assert checked > 0
