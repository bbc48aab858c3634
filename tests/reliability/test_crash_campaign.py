"""The crash campaign of issue #11: SIGKILL during every operation that writes.

For each operation a child process doing the real work is killed with SIGKILL, at
random moments (a forked child looping the operation) and at exact system calls
(strace's fault injection; the CLI-level operations run as the real `quietroom-cli`
under strace), and the test process then reopens and checks:
- the vault opens and passes the core's integrity check (`status --check`);
- every acknowledged operation is there (a child reports one only after it returned);
- every file is the old one or the new one, whole: header, backup file, bundle,
  decision file (a new one must decrypt and verify; it may not be an older one);
- no stray file is left once the vault is opened again or the next file is written
  (what the killed process left is first made as old as it would be by then: the core
  removes only temporary files older than a minute).

The machinery is in tests/reliability/crash_children.py. Sizes: `size(bounded, full)`;
QUIETROOM_CAMPAIGN=full gives 1,000 kills during autosave and 200 for each other
operation.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.engine.engine import Engine
from app.errors import AuthError, QuietroomError
from app.export.bundle import export_case
from app.export.verify import verify_bundle
from app.org import org_init
from app.review.checklist import Answers
from app.review.decision import decide
from app.review.inbox import open_for_review
from app.sync.run import sync_pass
from app.vault import backup
from app.vault.vault import Vault, header_path
from tests.conftest import PASSPHRASE, fresh_vault, require_tool, write_secret
from tests.core.review_world import RETURN_COMMENTS, open_qrr, supervisor_vault
from tests.interop.test_export_bundle import build_case
from tests.reliability import crash_children as cc
from tests.reliability.campaign import report, rng, size

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


# --- autosave ----------------------------------------------------------------------------


class Autosave(Operation):
    """Engine saves of a long statement, each acknowledged after `save_section` returned."""

    traced_cli = False
    window = 0.1
    traced_saves = 3

    def __init__(self, root: Path) -> None:
        self.root = root
        with fresh_vault(root) as vault:
            engine = Engine(vault)
            engine.create_case("csa", CASE)
            engine.start_sitting(CASE)
            text = "".join(LINE.format(n=n) for n in range(1, LONG + 1))
            engine.save_section(CASE, "account", text)
            engine.close()
        self.lines = LONG

    def body(self, say: cc.Say, traced: bool) -> None:  # pragma: no cover - in the child
        with Vault.open(self.root, PASSPHRASE) as vault:
            engine = Engine(vault, owner=True)
            text = engine.sections(CASE)[2].text
            n = len(text.splitlines())
            say("ready")
            if traced:
                cc.wait_until_traced()
            saves = 0
            while not traced or saves < self.traced_saves:
                n += 1
                saves += 1
                text += LINE.format(n=n)
                engine.save_section(CASE, "account", text)
                say(f"ack {n}")

    def after(self, tally: Tally, acks: list[str], killed: bool) -> None:
        acked = max([self.lines, *map(int, acks)])
        stray = leftovers(self.root)
        vault = reopened(tally, self.root)
        if vault is None:
            return
        with vault:
            engine = Engine(vault)
            text = engine.sections(CASE)[2].text
            lines = text.splitlines()
            if len(lines) < acked:
                tally.fail("acknowledged_saves_lost", f"{len(lines)} lines, {acked} acked")
            # Every line in order, and at most one save past the acknowledged ones.
            if len(lines) > acked + 1 or not all(
                line == LINE.format(n=i + 1).rstrip("\n") for i, line in enumerate(lines)
            ):
                tally.fail("old_or_new_violations", f"{len(lines)} lines after {acked}")
            history = engine.section_history(CASE, "account")
            latest = history[-1]["revision"]
            if engine.section_text_at(CASE, "account", latest) != text:
                tally.fail("old_or_new_violations", "the latest revision is not the text")
            sitting = engine.current_sitting(CASE)
            if sitting is None or not sitting.open:
                tally.fail("integrity_failures", "the open sitting was lost")
            if not engine.verify_audit(CASE).intact:
                tally.fail("integrity_failures", "the audit chain is broken")
            engine.close()
            self.lines = len(lines)
        tally.leftovers_cleaned += stray
        tally.strays(self.root, cc.VAULT_FILES, "after the next open")


@pytest.mark.campaign
@pytest.mark.slow
def test_crash_autosave(tmp_path: Path) -> None:
    require_tool("strace")
    started = time.monotonic()
    op = Autosave(tmp_path / "vault")
    tally = campaign("crash_autosave", op, size(60, 1000), 5, tmp_path)
    tally.extra["statement_lines"] = op.lines
    finish("crash_autosave", tally, started)


# --- passphrase change -------------------------------------------------------------------


def passphrase(k: int) -> str:
    """The k-th passphrase: each change has its own, so only one opens a given header."""
    return PASSPHRASE if k == 0 else f"crash campaign passphrase number {k:05d}"


class PassphraseChange(Operation):
    window = 1.5

    def __init__(self, root: Path, work: Path) -> None:
        self.root, self.work = root, work
        fresh_vault(root).close()
        self.k = 0
        self.header = header_path(root).read_bytes()

    def body(self, say: cc.Say, traced: bool) -> None:  # pragma: no cover - in the child
        k = self.k
        with Vault.open(self.root, passphrase(k)) as vault:
            say("ready")
            while True:
                k += 1
                vault.change_passphrase(passphrase(k))
                say(f"ack {k} {sha(header_path(self.root).read_bytes())}")

    def command(self) -> list[str]:
        return cc.cli(
            "--vault",
            self.root,
            "--passphrase-file",
            secret(self.work, passphrase(self.k)),
            "passphrase",
            "change",
            "--new-passphrase-file",
            secret(self.work, passphrase(self.k + 1)),
        )

    def after(self, tally: Tally, acks: list[str], killed: bool) -> None:
        # The header the last acknowledged change wrote (its digest, or None when only
        # its passphrase is known), else the header as it was before.
        if acks == ["cli"]:
            acked, known = self.k + 1, None
        elif acks:
            acked, known = int(acks[-1].split()[0]), acks[-1].split()[1]
        else:
            acked, known = self.k, sha(self.header)
        stray = leftovers(self.root)
        now = sha(header_path(self.root).read_bytes())
        # That header byte for byte, or else the whole next one, which only the next
        # passphrase opens (each passphrase opens one header only).
        k = acked if known is None or now == known else acked + 1
        vault = reopened(tally, self.root, passphrase(k))
        if vault is None:
            return
        vault.close()
        self.k, self.header = k, header_path(self.root).read_bytes()
        tally.leftovers_cleaned += stray
        tally.strays(self.root, cc.VAULT_FILES, "after the next open")


@pytest.mark.campaign
@pytest.mark.slow
def test_crash_passphrase_change(tmp_path: Path) -> None:
    require_tool("strace")
    started = time.monotonic()
    op = PassphraseChange(tmp_path / "vault", tmp_path)
    tally = campaign("crash_passphrase_change", op, size(6, 200), 2, tmp_path)
    finish("crash_passphrase_change", tally, started)


# --- backup ------------------------------------------------------------------------------


def marks(vault: Vault) -> int:
    with vault.reading() as conn:
        return int(conn.execute("SELECT max(n) FROM marks").fetchone()[0])


class Backup(Operation):
    """Each round adds a mark to the vault and backs it up: a backup's highest mark says
    which backup it is."""

    window = 0.3

    def __init__(self, root: Path, work: Path) -> None:
        self.root, self.work = root, work
        self.out_dir = work / "backups"
        self.out_dir.mkdir()
        self.out = self.out_dir / "vault.backup"
        with fresh_vault(root) as vault, vault.transaction() as conn:
            conn.execute("CREATE TABLE marks (n INTEGER PRIMARY KEY, pad BLOB)")
            for n in range(200):
                conn.execute("INSERT INTO marks VALUES (?, randomblob(4000))", (n,))
        with Vault.open(root, PASSPHRASE) as vault:
            backup.write_backup(vault, self.out)
        self.mark = self.in_file = 199
        self.cli = False

    def body(self, say: cc.Say, traced: bool) -> None:  # pragma: no cover - in the child
        with Vault.open(self.root, PASSPHRASE) as vault:
            n = marks(vault)
            say("ready")
            while True:
                n += 1
                with vault.transaction() as conn:
                    conn.execute("INSERT INTO marks VALUES (?, randomblob(4000))", (n,))
                backup.write_backup(vault, self.out)
                say(f"ack {n}")

    def command(self) -> list[str]:
        with Vault.open(self.root, PASSPHRASE) as vault, vault.transaction() as conn:
            conn.execute("INSERT INTO marks VALUES (?, randomblob(4000))", (self.mark + 1,))
        self.mark += 1
        self.cli = True
        return cc.cli(
            "--vault",
            self.root,
            "--passphrase-file",
            secret(self.work, PASSPHRASE),
            "backup",
            "--out",
            self.out,
        )

    def after(self, tally: Tally, acks: list[str], killed: bool) -> None:
        # Which marks the vault and the backup file may hold: a CLI run added its mark
        # first, then backed up; a forked child adds a mark and backs up, in a loop.
        if self.cli:
            in_vault = {self.mark}
            in_files = {self.mark} if acks == ["cli"] else {self.in_file, self.mark}
        else:
            acked = max([self.mark, *map(int, acks)])
            in_vault = in_files = {acked, acked + 1}
        self.cli = False
        stray = leftovers(self.out_dir)
        vault = reopened(tally, self.root)
        if vault is None:
            return
        with vault:
            now = marks(vault)
            if now not in in_vault:
                tally.fail("acknowledged_saves_lost", f"vault mark {now}, not in {in_vault}")
            # The backup file: the last acknowledged (or the file as it was), or the next.
            target = self.work / f"restored-{uuid.uuid4().hex[:8]}"
            try:
                backup.restore(target, self.out, PASSPHRASE)
                with Vault.open(target, PASSPHRASE) as restored:
                    in_file = marks(restored)
                    if not cc.integrity_ok(restored):
                        tally.fail("old_or_new_violations", "a restored backup is damaged")
            except QuietroomError as exc:
                tally.fail("old_or_new_violations", f"the backup: {exc.code}")
                in_file = -1
            finally:
                shutil.rmtree(target, ignore_errors=True)
            if in_file not in in_files:
                tally.fail("old_or_new_violations", f"backup mark {in_file}, not {in_files}")
            # The next backup removes what the killed one left.
            backup.write_backup(vault, self.out)
            self.mark = self.in_file = now
        tally.leftovers_cleaned += stray
        tally.strays(self.out_dir, {self.out.name}, "after the next backup")
        tally.strays(self.root, cc.VAULT_FILES, "after the next open")


@pytest.mark.campaign
@pytest.mark.slow
def test_crash_backup(tmp_path: Path) -> None:
    require_tool("strace")
    started = time.monotonic()
    op = Backup(tmp_path / "vault", tmp_path)
    tally = campaign("crash_backup", op, size(6, 200), 2, tmp_path)
    finish("crash_backup", tally, started)


# --- restore -----------------------------------------------------------------------------


def contents(vault: Vault) -> str:
    with vault.reading() as conn:
        return sha(repr(conn.execute("SELECT n, pad FROM marks ORDER BY n").fetchall()).encode())


class Restore(Operation):
    """Restores cycle through three backups of different contents: after the i-th was
    acknowledged the vault holds the i-th or the (i+1)-th, never another."""

    window = 0.4

    def __init__(self, root: Path, work: Path) -> None:
        self.root, self.work = root, work
        self.backups: list[Path] = []
        self.digests: list[str] = []
        with fresh_vault(root) as vault:
            with vault.transaction() as conn:
                conn.execute("CREATE TABLE marks (n INTEGER PRIMARY KEY, pad BLOB)")
            for i in range(3):
                with vault.transaction() as conn:
                    conn.execute("DELETE FROM marks")
                    for n in range(100 + 50 * i):
                        conn.execute("INSERT INTO marks VALUES (?, randomblob(4000))", (n,))
                self.backups.append(work / f"backup-{i}")
                backup.write_backup(vault, self.backups[-1])
                self.digests.append(contents(vault))
        self.i = 2  # the vault holds what backup 2 holds

    def body(self, say: cc.Say, traced: bool) -> None:  # pragma: no cover - in the child
        i = self.i
        say("ready")
        while True:
            i += 1
            backup.restore(self.root, self.backups[i % 3], PASSPHRASE)
            say(f"ack {i}")

    def command(self) -> list[str]:
        return cc.cli(
            "--vault",
            self.root,
            "--passphrase-file",
            secret(self.work, PASSPHRASE),
            "restore",
            "--from",
            self.backups[(self.i + 1) % 3],
        )

    def after(self, tally: Tally, acks: list[str], killed: bool) -> None:
        acked = self.i + 1 if acks == ["cli"] else max([self.i, *map(int, acks)])
        stray = leftovers(self.root)
        vault = reopened(tally, self.root)  # rolls a committed restore forward
        if vault is None:
            return
        with vault:
            found = contents(vault)
        if found == self.digests[acked % 3]:
            self.i = acked
        elif found == self.digests[(acked + 1) % 3]:
            self.i = acked + 1
        else:
            tally.fail("old_or_new_violations", f"the vault holds none of {acked}, {acked + 1}")
            self.i = next((i for i in range(3) if self.digests[i] == found), acked)
        tally.leftovers_cleaned += stray
        tally.strays(self.root, cc.VAULT_FILES, "after the next open")


@pytest.mark.campaign
@pytest.mark.slow
def test_crash_restore(tmp_path: Path) -> None:
    require_tool("strace")
    started = time.monotonic()
    op = Restore(tmp_path / "vault", tmp_path)
    tally = campaign("crash_restore", op, size(6, 200), 2, tmp_path)
    finish("crash_restore", tally, started)


# --- export ------------------------------------------------------------------------------


def exported(vault: Vault) -> set[str]:
    with vault.reading() as conn:
        return {row[0] for row in conn.execute("SELECT bundle_id FROM exports")}


class Export(Operation):
    """Signed bundles of a case, exported again and again to one file."""

    window = 1.2

    def __init__(self, work: Path) -> None:
        self.work = work
        self.org = work / "org"
        org_init(self.org)
        engine = build_case(work / "interviewer", self.org)
        self.root = engine.vault.root
        self.out_dir = work / "bundles"
        self.out_dir.mkdir()
        self.out = self.out_dir / "statement.qrb"
        self.current = export_case(engine, CASE, self.out).bundle_id
        self.acked = {self.current}
        engine.vault.close()

    def body(self, say: cc.Say, traced: bool) -> None:  # pragma: no cover - in the child
        engine = Engine(Vault.open(self.root, PASSPHRASE))
        say("ready")
        while True:
            say(f"ack {export_case(engine, CASE, self.out).bundle_id}")

    def command(self) -> list[str]:
        return cc.cli(
            "--vault",
            self.root,
            "--passphrase-file",
            secret(self.work, PASSPHRASE),
            "export",
            CASE,
            "--timestamp",
            "off",
            "--out",
            self.out,
        )

    def bundle_id(self, tally: Tally) -> str | None:
        found = verify_bundle(
            self.out, self.org / "supervisor" / "age-identity.txt", self.org / "trust.json"
        )
        if not found.ok:
            tally.fail("old_or_new_violations", "the bundle does not verify")
            return None
        return str(found.to_json()["bundle_id"])

    def after(self, tally: Tally, acks: list[str], killed: bool) -> None:
        stray = leftovers(self.out_dir)
        in_file = self.bundle_id(tally)
        vault = reopened(tally, self.root)
        if vault is None:
            return
        with vault:
            recorded = exported(vault)
            if acks == ["cli"]:
                acks = [in_file or ""]
            for bundle_id in acks:
                self.acked.add(bundle_id)
                if bundle_id not in recorded:
                    tally.fail("acknowledged_saves_lost", f"export {bundle_id} not recorded")
            last = acks[-1] if acks else self.current
            # The last acknowledged bundle, or a whole new one: never an older one.
            if in_file is not None and in_file != last:
                if in_file in self.acked:
                    tally.fail("old_or_new_violations", "an older bundle is back")
                elif in_file not in recorded:
                    # In place but not committed: the next export would take its number.
                    tally.fail("unrecorded_files", f"bundle {in_file} is not recorded")
            self.current = in_file or last
            if stray:  # the next export removes what the killed one left
                self.current = export_case(Engine(vault), CASE, self.out).bundle_id
                self.acked.add(self.current)
        tally.leftovers_cleaned += stray
        tally.strays(self.out_dir, {self.out.name}, "after the next export")
        tally.strays(self.root, cc.VAULT_FILES, "after the next open")


@pytest.mark.campaign
@pytest.mark.slow
def test_crash_export(tmp_path: Path) -> None:
    require_tool("strace")
    started = time.monotonic()
    op = Export(tmp_path)
    tally = campaign("crash_export", op, size(6, 200), size(3, 2), tmp_path)
    finish("crash_export", tally, started)


# --- review decision ---------------------------------------------------------------------


def decisions(vault: Vault) -> set[str]:
    with vault.reading() as conn:
        found = conn.execute("SELECT decision_json FROM reviews WHERE decision_json IS NOT NULL")
        return {json.loads(row[0])["decision_id"] for row in found}


def to_review(engine: Engine) -> list[str]:
    return [r.id for r in engine.reviews() if r.state == "to_review"]


class Decision(Operation):
    """The supervisor returns statements one after another, each decision to one file."""

    window = 0.8

    def __init__(self, work: Path, pool: int) -> None:
        self.work = work
        self.org = work / "org"
        org_init(self.org)
        self.interviewer = build_case(work / "interviewer", self.org)
        self.interviewer.vault.close()
        supervisor = supervisor_vault(work / "supervisor", self.org)
        self.root = supervisor.vault.root
        supervisor.vault.close()
        self.made = 0
        self.top_up(pool)
        self.out_dir = work / "decisions"
        self.out_dir.mkdir()
        self.out = self.out_dir / "decision.qrr"
        self.comments = work / "comments.txt"
        self.comments.write_text(RETURN_COMMENTS, encoding="utf-8")
        self.current: str | None = None
        self.acked: set[str] = set()

    def top_up(self, count: int) -> None:
        """`count` more statements in the supervisor's inbox (exported, then opened)."""
        interviewer = Engine(Vault.open(self.interviewer.vault.root, PASSPHRASE))
        supervisor = Engine(Vault.open(self.root, PASSPHRASE))
        try:
            for _ in range(count):
                self.made += 1
                bundle = self.work / f"bundle-{self.made}.qrb"
                export_case(interviewer, CASE, bundle)
                assert open_for_review(supervisor, bundle).review is not None
        finally:
            interviewer.vault.close()
            supervisor.vault.close()

    def body(self, say: cc.Say, traced: bool) -> None:  # pragma: no cover - in the child
        engine = Engine(Vault.open(self.root, PASSPHRASE))
        say("ready")
        for review_id in to_review(engine):
            made = decide(
                engine,
                review_id,
                approve=False,
                comments=RETURN_COMMENTS,
                answers=Answers(),
                out=self.out,
            )
            say(f"ack {made.decision_id}")
        say("none left")
        time.sleep(3600)

    def command(self) -> list[str]:
        with Vault.open(self.root, PASSPHRASE) as vault:
            review_id = to_review(Engine(vault))[0]
        return cc.cli(
            "--vault",
            self.root,
            "--passphrase-file",
            secret(self.work, PASSPHRASE),
            "review",
            "decide",
            review_id,
            "--return",
            "--comments-file",
            self.comments,
            "--out",
            self.out,
        )

    def decision_id(self, tally: Tally) -> str | None:
        if not self.out.exists():
            return None
        try:
            files = open_qrr(self.out.read_bytes(), self.org / "supervisor")
            return str(json.loads(files["decision.json"])["decision_id"])
        except Exception as exc:  # any failure to read it is the finding
            tally.fail("old_or_new_violations", f"the decision file: {exc!r}")
            return None

    def after(self, tally: Tally, acks: list[str], killed: bool) -> None:
        stray = leftovers(self.out_dir)
        in_file = self.decision_id(tally)
        vault = reopened(tally, self.root)
        if vault is None:
            return
        with vault:
            recorded = decisions(vault)
            if acks == ["cli"]:
                acks = [in_file or ""]
            for decision_id in acks:
                self.acked.add(decision_id)
                if decision_id not in recorded:
                    tally.fail("acknowledged_saves_lost", f"decision {decision_id} lost")
            last = acks[-1] if acks else self.current
            if in_file is not None and in_file != last:
                if in_file in self.acked:
                    tally.fail("old_or_new_violations", "an older decision file is back")
                elif in_file not in recorded:
                    # In place but not committed: the review could be decided again.
                    tally.fail("unrecorded_files", f"decision {in_file} is not recorded")
            self.current = in_file or last
            left = len(to_review(Engine(vault)))
        if stray or left < 2:
            self.top_up(3)
        if stray:  # the next decision removes what the killed one left
            with Vault.open(self.root, PASSPHRASE) as vault:
                engine = Engine(vault)
                made = decide(
                    engine,
                    to_review(engine)[0],
                    approve=False,
                    comments=RETURN_COMMENTS,
                    answers=Answers(),
                    out=self.out,
                )
            self.current = made.decision_id
            self.acked.add(made.decision_id)
        tally.leftovers_cleaned += stray
        tally.strays(self.out_dir, {self.out.name}, "after the next decision")
        tally.strays(self.root, cc.VAULT_FILES, "after the next open")


@pytest.mark.campaign
@pytest.mark.slow
def test_crash_review_decision(tmp_path: Path) -> None:
    require_tool("strace")
    started = time.monotonic()
    op = Decision(tmp_path, pool=size(4, 40))
    tally = campaign("crash_review_decision", op, size(6, 200), size(3, 2), tmp_path)
    tally.extra["statements_exported_for_review"] = op.made
    finish("crash_review_decision", tally, started)


# --- sync delivery -----------------------------------------------------------------------


@contextlib.contextmanager
def intake_for(cluster: Any, org: Path, folder: Path) -> Iterator[tuple[str, Any]]:
    """A new database and `quietroom-intake serve` on it, in a child process (never a
    thread of this process, which forks the sync children)."""
    from intake.migrations import migrate
    from tests.intake.harness import free_tcp_port
    from tests.intake.reliability_world import IntakeProcess, write_config

    name = f"crash_{uuid.uuid4().hex[:12]}"
    dsn = cluster.create_database(name)
    migrate(dsn)
    port = free_tcp_port()
    process = IntakeProcess(write_config(folder, dsn, org, port), port, folder / "stderr.log")
    try:
        process.start()
        yield dsn, process
    finally:
        process.stop()
        cluster.drop_database(name)


def held(dsn: str) -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        found = conn.execute("SELECT bundle_id, count(*) FROM bundles GROUP BY bundle_id")
        return {bundle_id: int(n) for bundle_id, n in found}


class SyncDelivery(Operation):
    """The sync client delivering queued bundles to a real intake, killed mid-pass."""

    traced_cli = False
    window = 1.5

    def __init__(self, world: Any, work: Path, dsn: str, url: str, per_round: int) -> None:
        from tests.intake.reliability_world import copy_vault, export, open_vault

        self.root = copy_vault(world.template, work / "vault")
        self.dsn, self.url, self.per_round = dsn, url, per_round
        self.open_vault: Callable[..., Engine] = open_vault
        self.export: Callable[[Engine, int], list[str]] = export
        self.ids: list[str] = []
        self.queue()

    def queue(self) -> None:
        engine = self.open_vault(self.root, self.url)
        try:
            self.ids += self.export(engine, self.per_round)
        finally:
            engine.vault.close()

    def body(self, say: cc.Say, traced: bool) -> None:  # pragma: no cover - in the child
        from tests.intake.reliability_world import CHUNK, make_due

        engine = self.open_vault(self.root, self.url)
        say("ready")
        if traced:
            cc.wait_until_traced()
        while make_due(engine):
            for item in sync_pass(engine, fetch=False, chunk=CHUNK, timeout=5.0).delivered:
                say(f"ack {item['id']}")
        engine.vault.close()
        if not traced:  # everything delivered before the kill: wait for it
            say("none left")
            time.sleep(3600)

    def after(self, tally: Tally, acks: list[str], killed: bool) -> None:
        vault = reopened(tally, self.root)
        if vault is None:
            return
        with vault:
            engine = Engine(vault)
            for item_id in acks:
                if engine.outbox_item(item_id).state != "delivered":
                    tally.fail("acknowledged_saves_lost", f"delivery of {item_id} forgotten")
        twice = {k: n for k, n in held(self.dsn).items() if n != 1}
        if twice:
            tally.fail("old_or_new_violations", f"stored more than once: {twice}")
        tally.strays(self.root, cc.VAULT_FILES, "after the next open")
        self.queue()  # the next round has bundles to deliver


@pytest.mark.campaign
@pytest.mark.slow
def test_crash_sync_delivery(tmp_path: Path, pg_cluster: Any) -> None:
    from tests.intake.reliability_world import build_world, check_delivered, deliver_all

    require_tool("strace")
    started = time.monotonic()
    world = build_world(tmp_path / "world")
    with intake_for(pg_cluster, world.org, tmp_path / "intake") as (dsn, process):
        url = f"https://localhost:{process.port}"
        op = SyncDelivery(world, tmp_path, dsn, url, per_round=2)
        tally = campaign("crash_sync_delivery", op, size(3, 200), 3, tmp_path)
        # Passes until everything is delivered: each bundle stored once, none lost.
        engine = op.open_vault(op.root, url)
        try:
            deliver_all(engine, passes=20)
            check_delivered(engine, dsn, op.ids)
        finally:
            engine.vault.close()
        tally.extra["bundles_delivered"] = len(op.ids)
        tally.extra["intake_rows"] = sum(held(dsn).values())
    finish("crash_sync_delivery", tally, started)
