"""The campaign: N bundles (25 to a vault, as on an organisation's laptops) through
random link faults and database outages (seeded), passes repeated until every item is
delivered; nothing lost, nothing stored twice, every receipt valid (by the client's own
check and, for a sample, by `openssl cms -verify`). N is $QUIETROOM_RELIABILITY_N (40 by
default; `make reliability` runs 1,000), and the figures are printed as JSON (and written
to $QUIETROOM_RELIABILITY_OUT when set). The shared world is in
tests/intake/reliability_world.py.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from app.sync.run import sync_pass
from intake.db import Database
from intake.migrations import migrate
from tests.conftest import REPO
from tests.intake.faultproxy import (
    PASS,
    Fault,
    FaultProxy,
    blackhole,
    delay,
    drop,
    reset,
    throttle,
)
from tests.intake.harness import running_intake
from tests.intake.reliability_world import (
    CAMPAIGN_N,
    CAMPAIGN_OUT,
    CAMPAIGN_POOL_TIMEOUT,
    CAMPAIGN_SEED,
    CAMPAIGN_TIMEOUT,
    CHUNK,
    MEAN_FAULT_BYTES,
    OPENSSL_SAMPLE,
    PER_VAULT,
    World,
    check_delivered,
    copy_vault,
    count,
    export,
    make_due,
    open_vault,
    openssl_verifies,
    port_of,
    rows,
    upload_offsets,
    via,
)


@dataclass
class Campaign:
    """The random faults of a campaign. Every connection to the intake gets a fault that
    strikes after an exponentially distributed number of bytes (MEAN_FAULT_BYTES on
    average, about three bundles), so faults land anywhere in a pass: in a handshake,
    between requests, mid-chunk, in the answers; a pass ends when its fault strikes,
    and the campaign when a pass's fault comes later than what was left to send. The
    proxy accepts one connection at a time, so the n-th connection always draws the
    same fault from the seeded generator. Some passes also lose the database for a few
    seconds, from a moment drawn by a generator of its own."""

    rng: random.Random
    db_rng: random.Random
    pg_link: FaultProxy
    drawn: Counter[str] = field(default_factory=Counter)
    outages: list[threading.Timer] = field(default_factory=list)

    def fault(self, number: int) -> Fault:
        roll = self.rng.random()
        at = int(self.rng.expovariate(1 / MEAN_FAULT_BYTES))
        if roll < 0.45:
            kind, fault = "reset", reset(at)
        elif roll < 0.55:
            kind, fault = "drop", drop()
        elif roll < 0.60:
            kind, fault = "blackhole", blackhole()
        elif roll < 0.70:
            kind, fault = "delay", delay(CAMPAIGN_TIMEOUT + 1, after=at)
        else:
            kind, fault = "throttle", throttle(512 * 1024, reset_after=at)
        self.drawn[kind] += 1
        return fault

    def maybe_outage(self) -> None:
        """Now and then, the database goes away in the middle of the pass about to
        start: every connection to it cut, new ones closed, for 1 to 4 seconds."""
        if self.db_rng.random() >= 0.05:
            return
        start, length = self.db_rng.uniform(0.0, 2.0), self.db_rng.uniform(1.0, 4.0)

        def down() -> None:
            self.pg_link.set(drop())
            self.pg_link.sever()
            self._later(length, lambda: self.pg_link.set(PASS))

        self._later(start, down)
        self.drawn["db_outage"] += 1

    def _later(self, seconds: float, action: Callable[[], None]) -> None:
        timer = threading.Timer(seconds, action)
        timer.daemon = True
        self.outages.append(timer)
        timer.start()

    def calm(self) -> None:
        """No outage pending or under way (before the checks at the end)."""
        for timer in self.outages:
            timer.cancel()
        self.pg_link.set(PASS)


@pytest.fixture(scope="module")
def campaign_vaults(
    world: World, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[Path], float]:
    """Vaults ("laptops") holding CAMPAIGN_N queued bundles between them, PER_VAULT
    each, exported once per run; their paths and how long making them took."""
    started = time.monotonic()
    base = tmp_path_factory.mktemp("campaign")
    paths: list[Path] = []
    for first in range(0, CAMPAIGN_N, PER_VAULT):
        path = copy_vault(world.template, base / f"laptop-{len(paths):03d}")
        engine = open_vault(path)
        export(engine, min(PER_VAULT, CAMPAIGN_N - first))
        engine.vault.close()
        paths.append(path)
    return paths, time.monotonic() - started


@pytest.mark.slow
def test_campaign_of_random_faults_loses_nothing_and_stores_nothing_twice(
    world: World,
    dsn: str,
    tmp_path: Path,
    campaign_vaults: tuple[list[Path], float],
) -> None:
    migrate(dsn)
    vaults, export_seconds = campaign_vaults
    with FaultProxy(port_of(dsn)) as pg_link:
        campaign = Campaign(random.Random(CAMPAIGN_SEED), random.Random(CAMPAIGN_SEED + 1), pg_link)
        database = Database(
            via(dsn, pg_link.port), min_size=1, max_size=6, timeout=CAMPAIGN_POOL_TIMEOUT
        )
        try:
            with running_intake(database, world.org) as running, FaultProxy(running.port) as link:
                # Fresh copies: the module's vaults stay as they were exported.
                laptops = [open_vault(copy_vault(v, tmp_path / v.name), link.url) for v in vaults]
                ids = {id(e): [i.item_id for i in e.outbox()] for e in laptops}
                everything = [i for owned in ids.values() for i in owned]
                assert len(set(everything)) == CAMPAIGN_N
                link.set(campaign.fault)
                started = time.monotonic()
                passes, busy, unreachable = 0, Counter[str](), Counter[str]()
                limit = 100 + 3 * CAMPAIGN_N
                # Rounds: each laptop with something due makes one pass, over one link.
                while pending := [e for e in laptops if make_due(e)]:
                    for engine in pending:
                        assert passes < limit, f"not delivered in {limit} passes"
                        campaign.maybe_outage()
                        report = sync_pass(engine, chunk=CHUNK, timeout=CAMPAIGN_TIMEOUT)
                        passes += 1
                        assert not report.refused, report.refused
                        busy.update(w["error"] for w in report.waiting)
                        if report.unreachable:
                            unreachable[report.unreachable] += 1
                seconds = time.monotonic() - started
                link_stats = link.stats()
        finally:
            campaign.calm()
            database.close()

    for engine in laptops:
        check_delivered(engine, dsn, ids[id(engine)], everything)
    held = rows(dsn)
    delivered = [i for e in laptops for i in e.outbox() if i.state == "delivered"]
    sample = random.Random(CAMPAIGN_SEED).sample(delivered, min(OPENSSL_SAMPLE, len(delivered)))
    for n, item in enumerate(sample):
        assert item.receipt_json is not None and item.receipt_sig is not None
        openssl_verifies(world, item.receipt_json, item.receipt_sig, tmp_path / f"r{n}")
    bundles = count(dsn, "bundles")
    struck: dict[str, int] = dict(link_stats["faults"])  # type: ignore[call-overload]
    result = campaign_result(
        n=CAMPAIGN_N,
        laptops=len(laptops),
        delivered=len(delivered),
        rows=bundles,
        duplicates=sum(c - 1 for c in held.values()),
        receipts=len(delivered),
        openssl=len(sample),
        passes=passes,
        drawn=campaign.drawn,
        struck=struck,
        outages=campaign.drawn["db_outage"],
        busy=busy,
        unreachable=unreachable,
        seconds=seconds,
        export_seconds=export_seconds,
        leftover=len(upload_offsets(dsn)),
        link=link_stats,
    )
    print(json.dumps(result, indent=2))
    if CAMPAIGN_OUT:
        out = Path(CAMPAIGN_OUT)
        out = out if out.is_absolute() else REPO / out
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    assert bundles == CAMPAIGN_N
    assert result["all_met"], result


def campaign_result(
    *,
    n: int,
    laptops: int,
    delivered: int,
    rows: int,
    duplicates: int,
    receipts: int,
    openssl: int,
    passes: int,
    drawn: Counter[str],
    struck: dict[str, int],
    outages: int,
    busy: Counter[str],
    unreachable: Counter[str],
    seconds: float,
    export_seconds: float,
    leftover: int,
    link: dict[str, object],
) -> dict[str, Any]:
    """The campaign's figures in the benchmarks' JSON (bench/common.py)."""
    from bench.common import figure, report

    return report(
        "sync_reliability",
        [
            figure("bundles", n, unit="bundles"),
            figure("delivered", delivered, (">=", n), unit="bundles"),
            figure("lost", n - delivered, ("<=", 0), unit="bundles"),
            figure("rows_in_intake", rows, (">=", n), ("<=", n), unit="rows"),
            figure("duplicated_rows", duplicates, ("<=", 0), unit="rows"),
            figure("receipts_valid", receipts, (">=", n), unit="receipts"),
            figure("receipts_checked_with_openssl", openssl, unit="receipts"),
            figure("passes", passes, unit="passes"),
            figure("faults_injected", sum(struck.values()) + outages, unit="faults"),
            figure("answers_503", busy["busy.503"], unit="answers"),
            figure("seconds_delivering", round(seconds, 1), unit="s"),
        ],
        {
            "seed": CAMPAIGN_SEED,
            "laptops": laptops,
            "bundles_per_laptop": PER_VAULT,
            "chunk_bytes": CHUNK,
            "client_timeout_s": CAMPAIGN_TIMEOUT,
            "faults_drawn": dict(drawn),
            "link_faults_struck": dict(struck),
            "database_outages": outages,
            "items_waiting_by_error": dict(busy),
            "passes_unreachable_by_reason": dict(unreachable),
            "uploads_left_unfinished": leftover,
            "export_seconds": round(export_seconds, 1),
            "proxy": link,
        },
    )
