"""Crash safety: SIGKILL during passphrase change and backup.

A child process changes the passphrase once per run; the test kills it either at a
known point of the header write (the child stops there and says so) or after a delay
swept across the time one change takes, and then shows the vault still opens with the
old or the new passphrase, and that both outcomes really happened. A child writing
backups in a loop is killed at random moments: a backup file, when present, is always
a whole, restorable one.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
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

# Changes the passphrase from argv[2] to argv[3] once. An audit hook sees the header
# write step by step (creating the temporary file, renaming it over the header, opening
# the folder to fsync the rename); at the point named in argv[4] the child prints
# "at POINT" and waits to be killed. With "none" it only prints "ready" just before the
# change, so the parent can kill it after a delay.
CHANGER = """
import os, sys, time
from pathlib import Path
from app.vault.vault import Vault, header_path

root, old, new, stop = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
header = header_path(root)
state = {"armed": False, "renamed": False}

def wait_for_kill():
    while True:
        time.sleep(60)

def at(point):
    if point == stop:
        print("at", point, flush=True)
        wait_for_kill()

def hook(event, args):
    if not state["armed"]:
        return
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = Path(os.fsdecode(args[0]))
        if path.parent == root and path.name.startswith("." + header.name):
            at("before-temp")
        elif path == root and state["renamed"]:
            at("after-rename")
    elif event == "os.rename" and Path(os.fsdecode(args[1])) == header:
        at("before-rename")
        state["renamed"] = True

vault = Vault.open(root, old)
sys.addaudithook(hook)
print("ready", flush=True)
at("ready")
state["armed"] = True
vault.change_passphrase(new)
state["armed"] = False
at("changed")
print("done", flush=True)
wait_for_kill()
"""

# Where the kill lands, and which passphrase must open the vault afterwards.
KILL_POINTS = {
    "changed": "new",
    "ready": "old",
    "before-temp": "old",
    "before-rename": "old",
    "after-rename": "new",
}
ROUNDS = 2  # each point once from A to B and once from B to A
SWEEP = 24  # timed kills, spread evenly over 0 .. 1.25 x the time one change takes
CHILD_TIMEOUT = 60.0  # a child that hangs is killed, so a read never blocks for ever

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
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
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


def kill_changer(
    root: Path, old: str, new: str, point: str | None = None, delay: float = 0.0
) -> float:
    """Run CHANGER from `old` to `new` and SIGKILL it at `point`, or `delay` seconds after
    it is about to change; return the seconds from "ready" to the kill point."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHANGER, str(root), old, new, point or "none"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(CHILD_TIMEOUT, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None and proc.stderr is not None
        lines: list[str] = []
        ready_at = 0.0
        while True:
            line = proc.stdout.readline().strip()
            lines.append(line)
            if line == "ready":
                ready_at = time.monotonic()
                if point is None:
                    time.sleep(delay)
                    break
            elif line == f"at {point}":
                break
            elif line in ("", "done"):  # the child died, or finished without the point
                proc.kill()
                proc.wait()
                raise AssertionError(
                    f"the child never reached {point or 'ready'}: {lines} {proc.stderr.read()}"
                )
        reached = time.monotonic() - ready_at
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return reached
    finally:
        watchdog.cancel()
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


@pytest.mark.slow
def test_sigkill_during_passphrase_change(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    Vault.create(root, A, use_keyring=False, kdf_params=FAST_KDF).close()
    current = A
    outcomes: list[tuple[str, str]] = []  # (where the kill landed, "old" or "new")
    change_took = 0.0

    def after_kill(old: str, where: str) -> str:
        nonlocal current
        stray = [p.name for p in root.iterdir() if p.name.startswith(".vault.header")]
        # An interrupted write leaves at most its private temp file: just before the
        # rename it is there, whole; before it was made, or once renamed, it is not.
        if where == "before-rename":
            assert len(stray) == 1, stray
        else:
            assert len(stray) <= (0 if where in KILL_POINTS else 1), (where, stray)
        for name in stray:
            (root / name).unlink()
        current = opens_with(root)
        outcome = "old" if current == old else "new"
        outcomes.append((where, outcome))
        return outcome

    for _ in range(ROUNDS):
        for point, expected in KILL_POINTS.items():
            old, new = current, (B if current == A else A)
            took = kill_changer(root, old, new, point=point)
            if point == "changed":
                change_took = max(change_took, took)
            assert after_kill(old, point) == expected, (point, outcomes)
    for i in range(SWEEP):
        delay = 1.25 * change_took * i / (SWEEP - 1)
        old, new = current, (B if current == A else A)
        kill_changer(root, old, new, delay=delay)
        after_kill(old, f"after {delay:.3f}s")
    seen = {outcome for _, outcome in outcomes}
    assert seen == {"old", "new"}, outcomes
    assert len(outcomes) == ROUNDS * len(KILL_POINTS) + SWEEP


@pytest.mark.slow
def test_sigkill_during_backup(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    with (
        Vault.create(root, A, use_keyring=False, kdf_params=FAST_KDF) as vault,
        vault.transaction() as conn,
    ):
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
