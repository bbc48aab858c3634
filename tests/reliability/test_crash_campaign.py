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

This file: autosave, passphrase change, backup and restore; export, the review
decision and sync delivery are in test_crash_outputs.py. The driver is in
tests/reliability/crash_driver.py, the machinery in tests/reliability/crash_children.py.
Sizes: `size(bounded, full)`;
QUIETROOM_CAMPAIGN=full gives 1,000 kills during autosave and 200 for each other
operation.
"""

from __future__ import annotations

import shutil
import time
import uuid
from pathlib import Path

import pytest

from app.engine.engine import Engine
from app.errors import QuietroomError
from app.vault import backup
from app.vault.vault import Vault, header_path
from tests.conftest import PASSPHRASE, fresh_vault, require_tool
from tests.reliability import crash_children as cc
from tests.reliability.campaign import size
from tests.reliability.crash_driver import (
    CASE,
    LINE,
    LONG,
    Operation,
    Tally,
    campaign,
    finish,
    leftovers,
    reopened,
    secret,
    sha,
)

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
