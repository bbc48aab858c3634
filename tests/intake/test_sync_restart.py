"""The intake killed with SIGKILL mid-upload and started again: the upload resumes
(the shared world is in tests/intake/reliability_world.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.sync.run import sync_pass
from intake.migrations import migrate
from tests.intake.faultproxy import (
    PASS,
    Fault,
    FaultProxy,
)
from tests.intake.reliability_world import (
    CHUNK,
    IntakeProcess,
    Sent,
    World,
    check_delivered,
    deliveries,
    export,
    interviewer,
    until,
    upload_offsets,
)


@pytest.mark.cli  # drives quietroom-intake in child processes, as test_cli_serve.py does
@pytest.mark.parametrize(
    ("kill_at", "held"),
    [(20_000, 0), (80_000, CHUNK)],
    ids=["in-the-first-chunk", "in-the-second-chunk"],
)
def test_the_intake_killed_mid_upload_and_restarted_resumes(
    world: World,
    dsn: str,
    tmp_path: Path,
    intake_processes: Callable[[str, Path], IntakeProcess],
    sent: list[Sent],
    kill_at: int,
    held: int,
) -> None:
    migrate(dsn)
    intake = intake_processes(dsn, world.org)
    with FaultProxy(intake.port) as link:
        engine = interviewer(world, tmp_path, link.url)
        (item_id,) = export(engine, 1)
        # kill -9 the moment `kill_at` bytes have gone up, with a chunk half-received.
        link.set(Fault("pass", after=kill_at, trigger=intake.kill))
        report = sync_pass(engine, chunk=CHUNK, fetch=False)
        assert not report.reached
        until(lambda: not intake.running, "killed")  # (the proxy's thread reaps it)
        assert engine.outbox_item(item_id).bytes_sent == held
        assert upload_offsets(dsn) == ({item_id: held} if held else {})

        intake.start()  # the same configuration, the same port
        link.set(PASS)
        mark = len(sent)
        report = sync_pass(engine, chunk=CHUNK, fetch=False)
        assert [d["id"] for d in report.delivered] == [item_id]
        steps = [(s.method, s.start, s.status) for s in deliveries(sent, mark)]
        if held:  # resumed where the intake stood, never from zero
            assert steps == [("HEAD", None, 202), ("PUT", CHUNK, 202), ("PUT", 2 * CHUNK, 201)]
        else:
            assert steps == [("PUT", 0, 202), ("PUT", CHUNK, 202), ("PUT", 2 * CHUNK, 201)]
        check_delivered(engine, dsn, [item_id])
        assert upload_offsets(dsn) == {}
        assert intake.starts == 2


# --- the campaign ----------------------------------------------------------------------
