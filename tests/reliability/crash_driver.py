"""The crash campaign's driver (tests/reliability/test_crash_*.py): the tally of what
each campaign counts, the operation under test, the loop that kills it at random moments
and at exact system calls, and the checks every operation shares after a kill (the vault
reopened and its integrity checked, leftovers made old enough for the core to remove).
The child-process machinery is in tests/reliability/crash_children.py."""

from __future__ import annotations

import collections
import hashlib
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import AuthError, QuietroomError
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE, write_secret
from tests.reliability import crash_children as cc
from tests.reliability.campaign import report, rng

CASE = "CSA-EXP-1"  # build_case's case, and the autosave campaign's own
LINE = "line {n}: the words said in this burst of typing, saved as they come.\n"
LONG = 1500  # lines already in the statement: autosave saves a long one (~100 KB)


# --- the tally and the driver ----------------------------------------------------------


@dataclass
class Tally:
    """What a campaign counts; `problems` keeps the first few failures, for the message."""

    kills: int = 0
    syscall_kills: int = 0
    completed: int = 0  # runs the kill did not reach (the call came later, or never)
    with_progress: int = 0  # random kills after at least one acknowledged operation
    acknowledged: int = 0
    acknowledged_saves_lost: int = 0
    integrity_failures: int = 0
    stray_files: int = 0
    old_or_new_violations: int = 0
    # A bundle or decision file in place that the vault does not record: it could travel,
    # and its sequence number (or a second, different decision) would be given again.
    unrecorded_files: int = 0
    leftovers_cleaned: int = 0
    calls: collections.Counter[str] = field(default_factory=collections.Counter)
    problems: list[str] = field(default_factory=list)
    extra: dict[str, int] = field(default_factory=dict)

    def fail(self, kind: str, what: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.problems) < 10:
            self.problems.append(f"{kind}: {what}")

    def strays(self, folder: Path, allowed: set[str], when: str) -> None:
        for name in cc.strays(folder, allowed):
            self.fail("stray_files", f"{name} in {folder.name} {when}")

    def figures(self, seconds: float) -> dict[str, Any]:
        return {
            "kills": self.kills,
            "syscall_kills": self.syscall_kills,
            "random_kills": self.kills - self.syscall_kills,
            "kills_with_progress": self.with_progress,
            "runs_not_reached": self.completed,
            "acknowledged": self.acknowledged,
            "acknowledged_saves_lost": self.acknowledged_saves_lost,
            "integrity_failures": self.integrity_failures,
            "stray_files": self.stray_files,
            "old_or_new_violations": self.old_or_new_violations,
            "unrecorded_files": self.unrecorded_files,
            "leftovers_cleaned": self.leftovers_cleaned,
            "syscalls_hit": dict(sorted(self.calls.items())),
            "seconds": round(seconds, 1),
            **self.extra,
        }


class Operation:
    """One operation under test. A forked child runs `body`; a CLI operation also has a
    `command` (run under strace). `after` checks what a kill left and takes the new
    state; `acks` are what the child acknowledged ("cli" for a CLI run that finished)."""

    traced_cli = True  # syscall kills run the CLI; otherwise a forked child is traced
    window = 0.3  # seconds of work before a random kill, drawn from 0 .. window

    def body(self, say: cc.Say, traced: bool) -> None:  # pragma: no cover - in the child
        raise NotImplementedError

    def command(self) -> list[str]:
        raise NotImplementedError

    def after(self, tally: Tally, acks: list[str], killed: bool) -> None:
        raise NotImplementedError


def campaign(name: str, op: Operation, kills: int, syscall_every: int, work: Path) -> Tally:
    """Kill `op` `kills` times, every `syscall_every`-th at an exact system call."""
    gen = rng(name)
    tally = Tally()
    log = work / f"{name}.strace"
    # The counting run: the same operation under strace, nothing injected.
    if op.traced_cli:
        done = cc.run_traced(op.command(), log=log)
        assert done.returncode == 0, done.stderr
        op.after(tally, ["cli"], killed=False)
    else:
        child = cc.trace_child(lambda say: op.body(say, True), log=log)
        assert child.status == 0, child.lines
        op.after(tally, child.said("ack"), killed=False)
    counts = cc.count_calls(log)
    assert counts, "strace saw none of the calls that make data durable"
    rounds = 0
    while tally.kills < kills:
        rounds += 1
        assert rounds <= 3 * kills + 10, f"the kills did not land: {tally}"
        if tally.kills % syscall_every == syscall_every - 1:
            call = gen.choice(sorted(counts))
            nth = gen.randint(1, counts[call])
            if op.traced_cli:
                done = cc.run_traced(op.command(), inject=(call, nth))
                killed = cc.was_killed(done)
                assert killed or done.returncode == 0, done.stderr
                acks = [] if killed else ["cli"]
            else:
                child = cc.trace_child(lambda say: op.body(say, True), inject=(call, nth))
                killed = child.killed
                assert killed or child.status == 0, child.lines
                acks = child.said("ack")
            if killed:
                tally.syscall_kills += 1
                tally.calls[call] += 1
        else:
            child = cc.kill_at_random(
                cc.fork(lambda say: op.body(say, False)), gen.uniform(0.0, op.window)
            )
            killed = True
            assert child.killed, (child.status, child.lines)
            acks = child.said("ack")
            tally.with_progress += bool(acks)
        tally.kills += killed
        tally.completed += not killed
        tally.acknowledged += len(acks)
        op.after(tally, acks, killed)
    return tally


def finish(name: str, tally: Tally, started: float) -> None:
    figures = report(name, tally.figures(time.monotonic() - started))
    for key in (
        "acknowledged_saves_lost",
        "integrity_failures",
        "stray_files",
        "old_or_new_violations",
        "unrecorded_files",
    ):
        assert figures[key] == 0, (key, tally.problems)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def reopened(tally: Tally, root: Path, passphrase: str = PASSPHRASE) -> Vault | None:
    """Open the vault after a kill and run the core's integrity check; None if it fails."""
    try:
        vault = Vault.open(root, passphrase)
    except AuthError:
        tally.fail("old_or_new_violations", "the header is neither the old nor the new one")
        return None
    except QuietroomError as exc:
        tally.fail("integrity_failures", f"the vault does not open: {exc.code} {exc}")
        return None
    if not cc.integrity_ok(vault):
        tally.fail("integrity_failures", "the integrity check failed")
    return vault


def leftovers(folder: Path) -> int:
    """Backdate what the kill left (see the module docstring); how many files the next
    open or write must remove (a vault's write-ahead log is not one: the next open
    takes it in)."""
    cc.backdate_leftovers(folder)
    return len(cc.strays(folder, cc.VAULT_FILES | cc.SQLITE_FILES | cc.OUTPUTS))


def secret(folder: Path, text: str) -> Path:
    return write_secret(folder, f"secret-{uuid.uuid4().hex[:8]}.txt", text)
