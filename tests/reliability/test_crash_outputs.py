"""The crash campaign of issue #11, for the operations whose output leaves the vault:
export (the bundle), the supervisor's decision (the decision file) and sync delivery to
a real intake. Besides the checks every operation shares (tests/reliability/
crash_driver.py), a file in place must be one the vault records: a bundle or decision
file whose export or decision was not committed could travel, and its sequence number
(or a second, different decision) would be given again."""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.engine.engine import Engine
from app.export.bundle import export_case
from app.export.verify import verify_bundle
from app.org import org_init
from app.review.checklist import Answers
from app.review.decision import decide
from app.review.inbox import open_for_review
from app.sync.run import sync_pass
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE, require_tool
from tests.core.review_world import RETURN_COMMENTS, open_qrr, supervisor_vault
from tests.interop.test_export_bundle import build_case
from tests.reliability import crash_children as cc
from tests.reliability.campaign import size
from tests.reliability.crash_driver import (
    CASE,
    Operation,
    Tally,
    campaign,
    finish,
    leftovers,
    reopened,
    secret,
)

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
