"""The DISK FULL campaign (reliability issue #11): the vault and the output folder on a
small real file system made by the test (tmpfs, and ext4 on a loop device), filled to
exactly full or to within a few bytes, pages or KiB of full (seeded fill sizes, so the
failure lands at different points: a WAL frame, a page of the database, the bundle's
or backup's temporary file, the rename), during autosave (Engine.save_section, and
`statement write` through the CLI), export (a signed bundle), backup, and sync (the
outbox write of `export --send`, then a pass delivering to the real intake while the
sync client's state in the vault cannot be written).

Each round: what the vault stores is read first; the disk is filled; the operation must
fail with the disk-full error (exit code 6, `vault.disk_full`, `vault.vault_disk_full`
or `file.disk_full`, each with its exact sentence) or, where the fill left room for it,
succeed; nothing stored may be lost (every row read before is still there, every
section's text as acknowledged); nothing half-written may be left in the output folder;
and once the space is freed the same operation succeeds.

Owns tests/reliability/test_disk_full_campaign.py (helpers in smallfs.py)."""

from __future__ import annotations

import errno
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.errors import QuietroomError
from app.export.bundle import export_case
from app.org import org_init
from app.vault.backup import write_backup
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE, fresh_vault, run_cli, write_secret
from tests.intake.sync_world import CASE as SYNC_CASE
from tests.intake.sync_world import build_sync_world, localhost
from tests.interop.test_export_bundle import build_case
from tests.reliability.campaign import FULL, report, rng, size
from tests.reliability.smallfs import KINDS, fill, small_fs, unfill

# The sentences DECISIONS gives a full disk (app/vault/database.py, app/fsutil.py).
VAULT_MESSAGES = {
    "vault.disk_full": "the disk is full, so nothing was saved and nothing already stored "
    "was lost; free some space and try again",
    "vault.vault_disk_full": "the disk holding the vault is full: free some space; nothing "
    "stored is lost",
}
NO_SPACE = os.strerror(errno.ENOSPC)
CASE = "CSA-EXP-1"  # build_case's case
ACCOUNT = frozenset({("DF-1", "account")})  # what an autosave round changes


def expected_messages(what: str | None, out: Path | None) -> dict[str, str]:
    """The vault's two disk-full sentences, and the output file's when there is one."""
    messages = dict(VAULT_MESSAGES)
    if what is not None and out is not None:
        messages["file.disk_full"] = f"cannot write the {what} to {out}: {NO_SPACE}"
    return messages


def leaves(name: str, rounds: int) -> list[int]:
    """How many bytes each round leaves free: the first round none (exactly full), then
    drawn from the campaign's generator across four scales (none, under a page, a few
    pages, up to the 256 KiB below which the vault counts its disk as full)."""
    draw = rng(f"disk_full_{name}")
    chosen = [0]
    for _ in range(rounds - 1):
        scale = draw.randrange(4)
        chosen.append(
            (
                0,
                draw.randrange(1, 4096),
                draw.randrange(4096, 65536),
                draw.randrange(65536, 250_000),
            )[scale]
        )
    return chosen


def tables(engine: Engine) -> dict[str, list[Any]]:
    """Every row of every table of the vault."""
    with engine.vault.reading() as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT * FROM "{n}"').fetchall() for n in sorted(names)}


def texts(engine: Engine) -> dict[tuple[str, str], str]:
    """Every section's text of every case, by (case reference, section)."""
    return {
        (case.reference, s.id): s.text
        for case in engine.list_cases()
        for s in engine.sections(case.id)
    }


def lost_rows(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> int:
    """Rows stored before that are gone (reading a case appends "view" entries to its
    audit log: new rows are no loss)."""
    return sum(row not in after.get(table, []) for table, rows in before.items() for row in rows)


class Figures:
    """One campaign's counts, reported at the end."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.counts: dict[str, int] = {
            "rounds": 0,
            "refused": 0,
            "succeeded_in_the_space_left": 0,
            "stored_lost": 0,
            "wrong_message": 0,
            "not_recovered": 0,
            "old_file_changed": 0,
            "partial_output_left": 0,
        }
        self.codes: dict[str, int] = {}
        self.problems: list[str] = []

    def problem(self, key: str, text: str) -> None:
        self.counts[key] += 1
        self.problems.append(text)

    def finish(self, name: str, **extra: Any) -> None:
        figures = {
            **self.counts,
            "codes": self.codes,
            "seconds": round(time.monotonic() - self.start, 2),
            **extra,
        }
        kind = f"_{extra['kind']}" if "kind" in extra else ""  # one report per file system
        report(f"disk_full_{name}{kind}", figures)
        print(*self.problems[:5], sep="\n")
        assert not self.problems, self.problems[:10]
        for key in ("stored_lost", "wrong_message", "not_recovered", "old_file_changed"):
            assert self.counts[key] == 0, key
        assert self.counts["refused"] > 0, "no round failed: the disk was never full enough"


def round_on_full_disk(
    figures: Figures,
    point: Path,
    leave: int,
    engine: Engine,
    operation: Callable[[], object],
    messages: dict[str, str],
    out: Path | None = None,
    may_change: frozenset[tuple[str, str]] = frozenset(),
) -> bool:
    """Fill the disk (leaving `leave` bytes), run `operation`, judge it, free the space
    and check nothing stored was lost. True when the operation failed as it should."""
    figures.counts["rounds"] += 1
    before, before_texts = tables(engine), texts(engine)
    old = out.read_bytes() if out is not None and out.exists() else None
    fill(point, leave)
    refused = False
    try:
        try:
            operation()
        except QuietroomError as exc:
            refused = True
            figures.counts["refused"] += 1
            figures.codes[exc.code] = figures.codes.get(exc.code, 0) + 1
            if messages.get(exc.code) != str(exc) or exc.exit_code != 6:
                figures.problem("wrong_message", f"leave={leave}: {exc.code}: {exc}")
        else:
            figures.counts["succeeded_in_the_space_left"] += 1
        # While the disk is still full, what was stored can still be read, unchanged.
        if refused and texts(engine) != before_texts:
            figures.problem("stored_lost", f"leave={leave}: a section changed on a full disk")
    finally:
        unfill(point)
    if refused and lost_rows(before, tables(engine)):
        figures.problem("stored_lost", f"leave={leave}: rows lost")
    # Done in the room left: it changed what it is for (`may_change`) and nothing else.
    after_texts = texts(engine)
    if not refused and any(
        after_texts.get(key) != text for key, text in before_texts.items() if key not in may_change
    ):
        figures.problem("stored_lost", f"leave={leave}: another section changed")
    if refused and out is not None:
        now = out.read_bytes() if out.exists() else None
        if now != old:
            figures.problem("old_file_changed", f"leave={leave}: {out.name} changed")
        if any(p.name.startswith(f".{out.name}.") for p in out.parent.iterdir()):
            figures.problem("partial_output_left", f"leave={leave}: a temporary file is left")
    return refused


def recovers(figures: Figures, label: str, operation: Callable[[], object]) -> None:
    """With space again, the same operation succeeds."""
    try:
        operation()
    except QuietroomError as exc:
        figures.problem("not_recovered", f"{label}: still failing with space: {exc.code}: {exc}")


def kinds(bounded: str) -> list[str]:
    """Both file systems in the full form; the bounded form, where a round is slow, runs
    on one (each file system is covered by some operation in every run)."""
    return list(KINDS) if FULL else [bounded]


@pytest.fixture
def disk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A small file system (request.param: tmpfs or ext4), empty, unmounted after."""
    # The full form's hundred rounds keep every revision of a long statement: room.
    with small_fs(request.param, tmp_path / "fs", size_mib=size(16, 64)) as point:
        yield point


def long_text(draw_seed: int, round_no: int, length: int = 300_000) -> str:
    """A long account (about 300 KB, more than the most a round leaves free), different
    every round."""
    line = f"Round {round_no}.{draw_seed}: I remember the lane by the chapel, and the gate. "
    return line * (length // len(line))


@pytest.mark.campaign
@pytest.mark.slow
@pytest.mark.parametrize("disk", KINDS, indirect=True)
def test_autosave_on_a_full_disk(disk: Path, tmp_path: Path) -> None:
    figures = Figures()
    engine = Engine(fresh_vault(disk / "vault"))
    acknowledged: dict[tuple[str, str], str] = {}
    try:
        case = engine.create_case("csa", "DF-1")
        engine.save_section(case.id, "account", "The first words, saved before the disk filled.")
        shrink = rng("disk_full_autosave_wal")
        for number, leave in enumerate(leaves("autosave", size(3, 100))):
            text = long_text(leave, number)
            if number < 3 or shrink.random() < 0.7:
                # Most rounds start with the log file emptied (as a checkpoint leaves it
                # when SQLite truncates it), so the save must grow it on the full disk;
                # the others reuse the room it has.
                with engine.vault.reading() as conn:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            save = lambda text=text: engine.save_section(case.id, "account", text)  # noqa: E731
            # A save may succeed on a "full" disk: SQLite reuses the room its log file
            # already has. Then it must be stored like any other, and nothing else change.
            refused = round_on_full_disk(
                figures, disk, leave, engine, save, VAULT_MESSAGES, may_change=ACCOUNT
            )
            if refused:
                recovers(figures, f"save {number}", save)
            acknowledged = texts(engine)
            if acknowledged[("DF-1", "account")] != text:
                figures.problem("not_recovered", f"save {number}: the text is not stored")
        engine.vault.close()
        # Reopened (the real unlock): every acknowledged save is there, the vault whole.
        engine = Engine(Vault.open(disk / "vault", PASSPHRASE))
        if texts(engine) != acknowledged:
            figures.problem("stored_lost", "after reopening, an acknowledged save is missing")
        assert engine.vault.status(check=True)["integrity"] == "ok"
    finally:
        engine.vault.close()

    # The CLI's `statement write` on the same full disk: exit 6, one exact line.
    secret = write_secret(tmp_path, "pass.txt", PASSPHRASE)
    account = tmp_path / "account.txt"
    account.write_text(long_text(1, 999), encoding="utf-8")
    cli = ["--vault", str(disk / "vault"), "--passphrase-file", str(secret)]
    write = [*cli, "statement", "write", "DF-1", "--section", "account", "--file", str(account)]
    # A process per round: in the bounded form, one round, on ext4 (where a failed save
    # once left later commands dying of SIGBUS: tests/core/test_disk_full.py).
    cli_rounds = size(1 if disk.name.endswith("ext4") else 0, 10)
    for leave in leaves("autosave_cli", cli_rounds)[:cli_rounds]:
        figures.counts["rounds"] += 1
        fill(disk, leave)
        try:
            done = run_cli(*write)
        finally:
            unfill(disk)
        if done.returncode == 0:
            figures.counts["succeeded_in_the_space_left"] += 1
            continue
        figures.counts["refused"] += 1
        if done.returncode != 6 or done.stderr not in {
            f"quietroom-cli: {text}\n" for text in VAULT_MESSAGES.values()
        }:
            figures.problem("wrong_message", f"cli leave={leave}: {done.returncode} {done.stderr}")
        again = run_cli(*write)
        if again.returncode != 0:
            figures.problem("not_recovered", f"cli: {again.returncode} {again.stderr}")
    if cli_rounds:
        shown = run_cli(*cli, "statement", "show", "DF-1")
        if account.read_text(encoding="utf-8").strip() not in shown.stdout:
            figures.problem("stored_lost", "the CLI's write is not in the statement")
    figures.finish("autosave", kind=disk.name.removeprefix("mnt-"))


@pytest.fixture
def exporter(disk: Path) -> Iterator[Engine]:
    """An interviewer's vault on the small disk with a signed statement ready to export
    (the organisation lives elsewhere: it is not what is full)."""
    org = disk.parent / "org"
    org_init(org)
    engine = build_case(disk / "vault", org)
    try:
        yield engine
    finally:
        engine.vault.close()


@pytest.mark.campaign
@pytest.mark.slow
@pytest.mark.parametrize("disk", kinds("tmpfs"), indirect=True)
def test_export_on_a_full_disk(disk: Path, exporter: Engine) -> None:
    figures = Figures()
    out = disk / "exports" / "statement.qrb"
    out.parent.mkdir()
    export_case(exporter, CASE, out)  # an earlier bundle, which a failure must leave alone
    messages = expected_messages("bundle", out)
    for number, leave in enumerate(leaves("export", size(4, 100))):
        export = lambda: export_case(exporter, CASE, out)  # noqa: E731
        exports_before = tables(exporter)["exports"]
        if round_on_full_disk(figures, disk, leave, exporter, export, messages, out):
            if tables(exporter)["exports"] != exports_before:
                figures.problem("stored_lost", f"export {number}: a failed export was recorded")
            recovers(figures, f"export {number}", export)
    figures.finish("export", kind=disk.name.removeprefix("mnt-"))


@pytest.mark.campaign
@pytest.mark.parametrize("disk", KINDS, indirect=True)
def test_backup_on_a_full_disk(disk: Path) -> None:
    figures = Figures()
    engine = Engine(fresh_vault(disk / "vault"))
    try:
        case = engine.create_case("csa", "DF-B")
        engine.save_section(case.id, "account", long_text(7, 0, 20_000))
        out = disk / "backups" / "vault.qrv"
        out.parent.mkdir()
        write_backup(engine.vault, out)  # an earlier backup, which a failure must leave alone
        messages = expected_messages("backup", out)
        for number, leave in enumerate(leaves("backup", size(4, 100))):
            engine.save_section(case.id, "account", long_text(number, leave, 20_000))  # newer
            backup = lambda: write_backup(engine.vault, out)  # noqa: E731
            if round_on_full_disk(figures, disk, leave, engine, backup, messages, out):
                recovers(figures, f"backup {number}", backup)
    finally:
        engine.vault.close()
    # The last backup restores (the real restore, into a vault on another disk).
    restored = run_cli(
        "--vault",
        str(disk.parent / "restored"),
        "--passphrase-file",
        str(write_secret(disk.parent, "pass.txt", PASSPHRASE)),
        "restore",
        "--from",
        str(out),
    )
    if restored.returncode != 0:
        figures.problem("not_recovered", f"the backup does not restore: {restored.stderr}")
    figures.finish("backup", kind=disk.name.removeprefix("mnt-"))


# --- sync through the real intake (its cluster and database: tests/reliability/conftest.py)


@pytest.mark.campaign
@pytest.mark.slow
@pytest.mark.parametrize("disk", kinds("ext4"), indirect=True)
def test_sync_on_a_full_disk(disk: Path, db: Any, tmp_path: Path) -> None:
    """Sync with the interviewer's vault on the full disk. First `export --send`: the
    bundle cannot be queued in the outbox (the sync client's state, in the vault), and
    nothing is; with space it is. Then a pass to the real intake (TLS, real PostgreSQL):
    the bundle may reach the intake, but the vault cannot record its progress or its
    receipt. The pass must say the disk is full, the queued bundle must stay whole and
    queued, and once there is space the next pass records it delivered with a receipt,
    the intake holding each bundle once."""
    from app.sync.run import sync_pass
    from tests.intake.harness import running_intake

    figures = Figures()
    where = {"raised_by_the_pass": 0, "named_in_the_report": 0}
    world = build_sync_world(tmp_path / "world")
    with running_intake(db, world.org) as intake:
        shutil.copytree(world.interviewer_vault, disk / "vault")
        engine = Engine(Vault.open(disk / "vault", PASSPHRASE))
        engine.set_sync_url(localhost(intake.url))
        try:
            rounds = size(2, 50)
            pairs = zip(leaves("sync_send", rounds), leaves("sync_pass", rounds), strict=True)
            for number, (leave_send, leave) in enumerate(pairs):
                # `export --send` on the full disk: the outbox write (in the export's
                # own transaction) fails, nothing is queued; with space, it is queued.
                queued = len(engine.outbox())
                send = lambda: export_case(engine, SYNC_CASE, None, send=True)  # noqa: E731
                if round_on_full_disk(figures, disk, leave_send, engine, send, VAULT_MESSAGES):
                    if len(engine.outbox()) != queued:
                        figures.problem("stored_lost", f"send {number}: a failed export queued")
                    recovers(figures, f"send {number}", send)
                waiting = [i for i in engine.outbox() if i.state != "delivered"]
                if len(engine.outbox()) != queued + 1 or len(waiting) != 1:
                    figures.problem("not_recovered", f"send {number}: not queued with space")
                    break
                item_id = waiting[0].item_id
                data = engine.outbox_data(item_id)
                # Then a sync pass on the full disk, delivering to the intake.
                outcome: dict[str, Any] = {}

                def sync(outcome: dict[str, Any] = outcome) -> None:
                    try:
                        report = sync_pass(engine, fetch=False)
                    except QuietroomError:
                        where["raised_by_the_pass"] += 1
                        raise
                    outcome["report"] = report
                    # Offline, busy or a problem named in the report: the pass did not
                    # raise; a full disk must be named there with its own code.
                    for problem in [*report.problems, *report.waiting]:
                        code = problem.get("code") or problem.get("error")
                        if code in VAULT_MESSAGES:
                            where["named_in_the_report"] += 1
                            raise QuietroomError(code, VAULT_MESSAGES[code])

                refused = round_on_full_disk(figures, disk, leave, engine, sync, VAULT_MESSAGES)
                if not refused and item_id not in {d["id"] for d in outcome["report"].delivered}:
                    figures.problem("wrong_message", f"sync {number}: {outcome}")
                if engine.outbox_data(item_id) != data:
                    figures.problem("stored_lost", f"sync {number}: the queued bundle changed")
                if refused:
                    recovers(figures, f"sync {number}", lambda: sync_pass(engine, fetch=False))
                item = engine.outbox_item(item_id)
                if item.state != "delivered" or item.receipt_json is None:
                    figures.problem("not_recovered", f"sync {number}: {item.state}")
            with db.connection() as conn:
                held = conn.execute("SELECT count(*) FROM bundles").fetchone()[0]
            if held != len(engine.outbox()):
                figures.problem("not_recovered", f"the intake holds {held} bundles")
        finally:
            engine.vault.close()
    figures.finish("sync", kind=disk.name.removeprefix("mnt-"), **where)
