"""What the reliability tests share (tests/intake/test_sync_faults.py,
test_sync_restart.py, test_sync_campaign.py and test_two_intakes.py).

Everything is real: a throwaway PostgreSQL cluster, the intake over mutual TLS (served
from a thread, or `quietroom-intake serve --config` in a child process where it must be
killed), the sync client (`sync_pass`) and bundles exported from a signed case. Faults
come from tests/intake/faultproxy.py, a TCP proxy between the client and the intake
(relaying TLS it cannot read) or between the intake and PostgreSQL.

Time: an item the intake could not take waits until its next attempt on the engine's
clock, so the tests move that clock forward (`SteppingClock`) rather than sleep. Nothing
waits on a fixed sleep: conditions are polled against deadlines (`until`).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from app.engine.clock import parse_stamp
from app.engine.engine import Engine
from app.export.bundle import export_case
from app.org import org_init
from app.sync.receipts import check_receipt
from app.sync.run import PassReport, sync_pass
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE, REPO, require_tool
from tests.intake.harness import free_tcp_port
from tests.interop.test_export_bundle import build_case

CASE = "CSA-EXP-1"  # build_case's case
CHUNK = 48 * 1024  # small chunks, so every bundle (123-135 KB) goes up in three requests
TIMEOUT = 5.0  # the client's timeout where a test needs one (seconds, per operation)
POOL_TIMEOUT = 2.0  # how long the intake waits for a database connection before 503
DEADLINE = 120.0  # the longest any condition is waited for
SERVING = "the intake is serving on"

CAMPAIGN_N = int(os.environ.get("QUIETROOM_RELIABILITY_N", "40"))
CAMPAIGN_SEED = int(os.environ.get("QUIETROOM_RELIABILITY_SEED", "20261207"))
CAMPAIGN_OUT = os.environ.get("QUIETROOM_RELIABILITY_OUT")
CAMPAIGN_TIMEOUT = 2.0  # every timeout costs this much, so the campaign keeps it short
CAMPAIGN_POOL_TIMEOUT = 1.0  # below CAMPAIGN_TIMEOUT: a 503 reaches the client in time
MEAN_FAULT_BYTES = 400_000  # bytes into a pass where its fault strikes, on average
# Bundles per vault in the campaign: a vault's bundles grow with its case's audit log
# (every export adds to it) and its outbox queries slow down with the outbox's bytes, so
# a campaign of 1,000 spreads them over many vaults, as over an organisation's laptops.
PER_VAULT = 25
OPENSSL_SAMPLE = 25  # receipts checked with openssl too (all of them when fewer)


# --- time and waiting -----------------------------------------------------------------


class SteppingClock:
    """The real time plus a skew the test moves forward: an item waiting for its next
    attempt becomes due without the test sleeping through its back-off."""

    def __init__(self) -> None:
        self.skew = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.skew

    def advance_to(self, moment: datetime) -> None:
        ahead = moment - self.now()
        if ahead > timedelta(0):
            self.skew += ahead + timedelta(milliseconds=1)


def until(
    condition: Callable[[], Any], what: str, deadline: float = DEADLINE, every: float = 0.05
) -> Any:
    """Poll `condition` until it returns something true (which is returned); fail with
    `what` at the deadline. The pause between polls only spaces them out."""
    end = time.monotonic() + deadline
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"still not {what} after {deadline:g} s")
        time.sleep(every)


# --- the organisation and the interviewer's vaults --------------------------------------


@dataclass(frozen=True)
class World:
    """An organisation and a template vault: the interviewer's identity (signing and
    authentication pairs) and a signed case, nothing exported. Tests work on copies."""

    base: Path
    org: Path
    template: Path

    @property
    def ca(self) -> Path:
        return self.org / "ca.pem"


def build_world(base: Path) -> World:
    org = base / "org"
    # The address only names where the CRL would be: the tests set their own.
    org_init(org, intake_url=f"https://localhost:{free_tcp_port()}")
    engine = build_case(base / "template", org)
    member = org / "interviewer"
    engine.import_identity(
        member / "cert.pem",
        member / "key.pem",
        member / "age-identity.txt",
        org / "trust.json",
        auth_cert=member / "auth-cert.pem",
        auth_key=member / "auth-key.pem",
    )
    engine.vault.close()
    return World(base, org, base / "template")


def copy_vault(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def open_vault(path: Path, url: str | None = None) -> Engine:
    """The vault at `path` on a SteppingClock, syncing to `url`."""
    engine = Engine(Vault.open(path, PASSPHRASE), clock=SteppingClock())
    if url is not None:
        engine.set_sync_url(url)
    return engine


def interviewer(world: World, tmp_path: Path, url: str | None) -> Engine:
    """A fresh copy of the template vault, syncing to `url`."""
    target = tmp_path / f"vault-{uuid.uuid4().hex[:8]}"
    return open_vault(copy_vault(world.template, target), url)


def export(engine: Engine, count: int) -> list[str]:
    """`count` new bundles of the signed case, queued for the intake; their ids."""
    return [export_case(engine, CASE, None, send=True).bundle_id for _ in range(count)]


def clock_of(engine: Engine) -> SteppingClock:
    clock = engine.clock
    assert isinstance(clock, SteppingClock)
    return clock


def make_due(engine: Engine) -> bool:
    """Move the engine's clock to the earliest next attempt when nothing is due yet;
    False when nothing is left to deliver."""
    left = [i for i in engine.outbox() if i.state in ("queued", "sending")]
    if not left:
        return False
    if not engine.outbox_due(engine.now()):
        soonest = min(parse_stamp(i.next_attempt) for i in left if i.next_attempt)
        clock_of(engine).advance_to(soonest)
    return True


def deliver_all(engine: Engine, *, passes: int = 10, **kwargs: Any) -> list[PassReport]:
    """Passes until the outbox is empty (at most `passes`); their reports."""
    reports: list[PassReport] = []
    while make_due(engine):
        assert len(reports) < passes, f"not delivered in {passes} passes: {reports[-1]}"
        reports.append(sync_pass(engine, fetch=False, **kwargs))
    return reports


# --- the intake's side ----------------------------------------------------------------


def rows(dsn: str) -> dict[str, int]:
    """bundle id -> how many rows the intake holds for it."""
    with psycopg.connect(dsn) as conn:
        found = conn.execute("SELECT bundle_id, count(*) FROM bundles GROUP BY bundle_id")
        return {bundle_id: int(count) for bundle_id, count in found}


def count(dsn: str, table: str) -> int:
    with psycopg.connect(dsn) as conn:
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        row = conn.execute(query).fetchone()
    assert row is not None
    return int(row[0])


def intake_receipts(dsn: str) -> dict[str, tuple[bytes, bytes]]:
    with psycopg.connect(dsn) as conn:
        found = conn.execute(
            "SELECT bundle_id, receipt_json, receipt_sig FROM receipts WHERE kind = 'bundle'"
        )
        return {bundle_id: (bytes(doc), bytes(sig)) for bundle_id, doc, sig in found}


def upload_offsets(dsn: str) -> dict[str, int]:
    """item id -> bytes the intake holds of its unfinished upload."""
    with psycopg.connect(dsn) as conn:
        found = conn.execute("SELECT item_id, received_bytes FROM uploads")
        return {item_id: int(received) for item_id, received in found}


def via(dsn: str, port: int) -> str:
    """The DSN with its port replaced (to reach PostgreSQL through a proxy)."""
    return make_conninfo(dsn, port=str(port))


def port_of(dsn: str) -> int:
    return int(str(conninfo_to_dict(dsn)["port"]))


def database_name(dsn: str) -> str:
    return str(conninfo_to_dict(dsn)["dbname"])


def check_delivered(
    engine: Engine, dsn: str, ids: list[str], everything: list[str] | None = None
) -> dict[str, int]:
    """Every item of `ids` delivered exactly once: one row each, the vault's receipt the
    very one the intake keeps, and valid (the client's own check); and the intake holds
    nothing but `everything` (by default `ids`), one row each."""
    trust = engine.trust()
    assert trust is not None
    held = rows(dsn)
    assert held == dict.fromkeys(everything or ids, 1)
    kept = intake_receipts(dsn)
    assert sorted(kept) == sorted(everything or ids)
    for item_id in ids:
        item = engine.outbox_item(item_id)
        assert item.state == "delivered", (item_id, item.state, item.last_error)
        assert item.receipt_json is not None and item.receipt_sig is not None
        assert (item.receipt_json, item.receipt_sig) == kept[item_id]
        check_receipt(
            item.receipt_json,
            item.receipt_sig,
            trust,
            kind="bundle",
            item_id=item_id,
            sha256=item.sha256,
            size=item.size,
        )
    return held


def openssl_verifies(world: World, receipt_json: bytes, receipt_sig: bytes, tmp: Path) -> None:
    """The check docs/sync-protocol.md gives anyone with the CA certificate."""
    openssl = require_tool("openssl")
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "receipt.json").write_bytes(receipt_json)
    (tmp / "receipt.p7s").write_bytes(receipt_sig)
    done = subprocess.run(
        [
            openssl,
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "receipt.p7s",
            "-content",
            "receipt.json",
            "-CAfile",
            str(world.ca),
            "-out",
            "/dev/null",
        ],
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr


# --- what the client sent -------------------------------------------------------------


@dataclass
class Sent:
    method: str
    path: str
    content_range: str | None
    status: int | None = None
    error: str | None = None

    @property
    def start(self) -> int | None:
        if self.content_range is None:
            return None
        return int(self.content_range.split()[1].split("-")[0])

    def of(self, item_id: str) -> bool:
        return self.path.endswith(item_id)


def deliveries(sent: list[Sent], since: int = 0) -> list[Sent]:
    """The requests about bundles (a pass also asks for the trust file, and fetches)."""
    return [s for s in sent[since:] if s.path.startswith("/v1/bundles/")]


# --- an intake in a child process -------------------------------------------------------


def write_config(folder: Path, dsn: str, org: Path, port: int) -> Path:
    """`quietroom-intake serve`'s configuration (as an operator writes it)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "intake.toml"
    config.write_text(
        "\n".join(
            [
                f"dsn = {json.dumps(dsn)}",
                "[listen]",
                'host = "127.0.0.1"',
                f"port = {port}",
                "[trust]",
                f"file = {json.dumps(str(org / 'trust.json'))}",
                "[identity]",
                f"folder = {json.dumps(str(org / 'intake'))}",
                "[pool]",
                "min_size = 1",
                "max_size = 4",
                "[verify]",
                "workers = 2",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return config


class IntakeProcess:
    """`quietroom-intake serve --config FILE` in a child process, on a fixed port, that
    can be killed (SIGKILL: no clean-up of any kind) and started again on that port."""

    def __init__(self, config: Path, port: int, log: Path) -> None:
        self.config = config
        self.port = port
        self.log = log
        self.proc: subprocess.Popen[str] | None = None
        self.starts = 0

    def start(self) -> None:
        assert self.proc is None or self.proc.poll() is not None
        with open(self.log, "a", encoding="utf-8") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "intake.cli", "serve", "--config", str(self.config)],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        self.starts += 1
        ready = threading.Event()
        seen: list[str] = []
        proc = self.proc

        def pump() -> None:
            # Reads until the child exits, so its stdout never fills up.
            assert proc.stdout is not None
            for line in proc.stdout:
                seen.append(line.rstrip("\n"))
                if SERVING in line:
                    ready.set()
            ready.set()

        threading.Thread(target=pump, name=f"intake-{self.port}-out", daemon=True).start()
        if not ready.wait(DEADLINE) or proc.poll() is not None:
            raise AssertionError(f"the intake did not start: {seen} {self.log.read_text()}")

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """kill -9, and wait until it is gone."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(60)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(60)
