"""Two intake processes, one database: the same bundles delivered to both at the same
moment end as one row each, and every answer carries the same receipt.

This is the deployment docs/sync-protocol.md promises exactly-once for: several
`quietroom-intake serve` processes (here two real child processes on their own ports)
behind a load balancer, sharing one PostgreSQL database, whose primary key decides
between racing uploads. Raced twice: whole uploads released together by a barrier, one
request to each intake; and two copies of a vault (two laptops with the same outbox)
syncing in chunks at once, one through each intake, which also share one resumable
upload (an upload belongs to its sender and its bytes, not to an intake process).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.engine.engine import Engine
from app.sync.receipts import check_receipt
from app.sync.run import PassReport, sync_pass
from intake.migrations import migrate
from tests.intake.harness import Answer, Client, free_tcp_port
from tests.intake.reliability_world import (
    CHUNK,
    DEADLINE,
    IntakeProcess,
    World,
    build_world,
    check_delivered,
    copy_vault,
    deliver_all,
    export,
    intake_receipts,
    interviewer,
    open_vault,
    rows,
    upload_offsets,
    write_config,
)

pytestmark = pytest.mark.cli  # quietroom-intake in child processes, as test_cli_serve.py

BUNDLES = 6


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return build_world(tmp_path_factory.mktemp("two-intakes"))


@pytest.fixture
def two_intakes(world: World, dsn: str, tmp_path: Path) -> Iterator[list[IntakeProcess]]:
    """Two `quietroom-intake serve` processes on one migrated database, started side by
    side (and stopped, whatever happens)."""
    migrate(dsn)
    intakes = []
    for n in range(2):
        port = free_tcp_port()
        folder = tmp_path / f"intake-{n}"
        config = write_config(folder, dsn, world.org, port)
        intakes.append(IntakeProcess(config, port, folder / "intake-stderr.log"))
    try:
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(IntakeProcess.start, intakes))
        yield intakes
    finally:
        for intake in intakes:
            intake.stop()


def url_of(intake: IntakeProcess) -> str:
    return f"https://localhost:{intake.port}"


def test_whole_uploads_racing_through_two_intakes_are_stored_once(
    world: World, dsn: str, tmp_path: Path, two_intakes: list[IntakeProcess]
) -> None:
    engine = interviewer(world, tmp_path, url_of(two_intakes[0]))
    ids = export(engine, BUNDLES)
    trust = engine.trust()
    assert trust is not None
    clients = [Client.for_member(i.port, world.org, "interviewer") for i in two_intakes]
    barrier = threading.Barrier(len(clients))

    def put(client: Client, item_id: str, data: bytes) -> Answer:
        barrier.wait(DEADLINE)  # both requests leave together
        return client.put(f"/v1/bundles/{item_id}", data)

    with ThreadPoolExecutor(len(clients)) as pool:
        for item_id in ids:
            data = engine.outbox_data(item_id)
            item = engine.outbox_item(item_id)
            answers = list(pool.map(put, clients, [item_id] * 2, [data] * 2))
            # One intake stored it (201), the other found it stored (200)...
            assert sorted(a.status for a in answers) == [200, 201], [a.body for a in answers]
            # ...and both answered with the very same receipt, which checks.
            receipt, signature = answers[0].receipt()
            assert all(a.receipt() == (receipt, signature) for a in answers)
            check_receipt(
                receipt,
                signature,
                trust,
                kind="bundle",
                item_id=item_id,
                sha256=item.sha256,
                size=item.size,
            )
            assert intake_receipts(dsn)[item_id] == (receipt, signature)
    assert rows(dsn) == dict.fromkeys(ids, 1)


def test_two_laptops_syncing_through_two_intakes_at_once_store_each_bundle_once(
    world: World, dsn: str, tmp_path: Path, two_intakes: list[IntakeProcess]
) -> None:
    original = interviewer(world, tmp_path, None)
    ids = export(original, BUNDLES)
    original.vault.close()
    laptops = [
        open_vault(copy_vault(Path(original.vault.root), tmp_path / f"laptop-{n}"), url_of(i))
        for n, i in enumerate(two_intakes)
    ]
    barrier = threading.Barrier(len(laptops))

    def sync(laptop: Engine) -> PassReport:
        barrier.wait(DEADLINE)
        return sync_pass(laptop, chunk=CHUNK, fetch=False)

    with ThreadPoolExecutor(len(laptops)) as pool:
        reports = list(pool.map(sync, laptops))
    for laptop, report in zip(laptops, reports, strict=True):
        assert report.reached and not report.refused, report
        # An item can meet the other laptop's half-finished upload of the same bytes
        # and be told to wait or resume; later passes finish it.
        deliver_all(laptop, chunk=CHUNK)
        check_delivered(laptop, dsn, ids)
    first, second = ([laptop.outbox_item(i) for i in ids] for laptop in laptops)
    assert [(a.receipt_json, a.receipt_sig) for a in first] == [
        (b.receipt_json, b.receipt_sig) for b in second
    ]
    assert upload_offsets(dsn) == {}  # the shared uploads were finished and removed
