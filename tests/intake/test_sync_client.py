"""The sync client against the real intake over mutual TLS (a real PostgreSQL cluster):
exports delivered exactly once with verified receipts, whole and in resumed chunks;
refusals kept with the intake's reason; offline as a normal state; the intake's
certificate pinned; the supervisor's queue fetched into the review inbox and the
decision travelling back to the interviewer's case; newer trust files taken; the
authentication key never on disk."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.errors import VerificationError
from app.export.bundle import export_case
from app.org.membership import org_issue
from app.review.checklist import Answers
from app.review.decision import decide
from app.sync.client import Unreachable
from app.sync.receipts import check_receipt
from app.sync.run import PassReport, Runner, backoff, sync_pass
from app.vault.vault import Vault
from crypto import cms, pki
from intake.db import Database
from intake.server import Settings, make_app
from intake.serving import BackgroundServer
from intake.tls import server_context
from tests.conftest import PASSPHRASE
from tests.intake.harness import Running, free_tcp_port, running_intake
from tests.intake.sync_world import CASE, SyncWorld, build_sync_world, localhost

_WORLD: SyncWorld | None = None


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> SyncWorld:
    global _WORLD
    if _WORLD is None:
        _WORLD = build_sync_world(tmp_path_factory.mktemp("sync-world"))
    return _WORLD


@pytest.fixture
def intake(db: Database, world: SyncWorld) -> Iterator[Running]:
    with running_intake(db, world.org) as running:
        yield running


@pytest.fixture
def interviewer(world: SyncWorld, intake: Running) -> Iterator[Engine]:
    engine = world.interviewer(localhost(intake.url))
    yield engine
    engine.vault.close()


def stored_rows(db: Database) -> int:
    with db.connection() as conn:
        return int(conn.execute("SELECT count(*) FROM bundles").fetchone()[0])


def test_an_export_sent_is_delivered_once_with_a_receipt_that_checks(
    interviewer: Engine, world: SyncWorld, db: Database
) -> None:
    made = export_case(interviewer, CASE, None, send=True)
    assert made.queued and made.path is None
    [item] = interviewer.outbox()
    assert (item.state, item.kind, item.label) == ("queued", "bundle", CASE)
    events: list[tuple[str, dict[str, Any]]] = []

    report = sync_pass(interviewer, on_event=lambda kind, detail: events.append((kind, detail)))

    assert report.reached and [d["id"] for d in report.delivered] == [made.bundle_id]
    item = interviewer.outbox_item(made.bundle_id)
    assert item.state == "delivered" and item.bytes_sent == item.size
    assert item.receipt_json is not None and item.receipt_sig is not None
    trust = interviewer.trust()
    assert trust is not None
    doc = check_receipt(
        item.receipt_json,
        item.receipt_sig,
        trust,
        kind="bundle",
        item_id=made.bundle_id,
        sha256=hashlib.sha256(interviewer.outbox_data(made.bundle_id)).hexdigest(),
        size=made.bytes,
    )
    assert doc["sender"]["name"] == "Interviewer One"
    assert [kind for kind, _ in events][-2:] == ["item", "pass"]
    # The case shows it, and its audit log says so.
    [shown] = interviewer.show_case(CASE)["deliveries"]
    assert shown["state"] == "delivered" and shown["receipt"] == doc
    actions = [e.action for e in interviewer.audit_entries(CASE)]
    assert actions.count("delivered") == 1

    # Another pass sends nothing again; the intake holds one row.
    again = sync_pass(interviewer)
    assert again.reached and not again.delivered
    assert stored_rows(db) == 1


def test_a_large_bundle_goes_in_chunks_and_resumes_where_the_intake_stands(
    interviewer: Engine, db: Database
) -> None:
    made = export_case(interviewer, CASE, None, send=True)
    chunk = 16 * 1024
    assert made.bytes > 3 * chunk
    seen: list[int] = []

    def drop_after_first_chunk(kind: str, detail: dict[str, Any]) -> None:
        if kind == "progress" and detail["bytes_sent"] > 0:
            seen.append(detail["bytes_sent"])
            # The link drops after the intake took the first chunk.
            raise Unreachable("link")

    dropped = sync_pass(interviewer, chunk=chunk, on_event=drop_after_first_chunk)
    assert not dropped.reached and dropped.unreachable == "link"
    item = interviewer.outbox_item(made.bundle_id)
    assert (item.state, item.bytes_sent) == ("sending", chunk)

    report = sync_pass(interviewer, chunk=chunk)
    assert [d["id"] for d in report.delivered] == [made.bundle_id]
    assert stored_rows(db) == 1
    assert interviewer.outbox_item(made.bundle_id).state == "delivered"


def test_offline_is_a_state_not_an_error(world: SyncWorld) -> None:
    engine = world.interviewer(f"https://localhost:{free_tcp_port()}")
    try:
        made = export_case(engine, CASE, None, send=True)
        report = sync_pass(engine)
        assert not report.reached and report.unreachable == "connect"
        item = engine.outbox_item(made.bundle_id)
        # Offline is not the item's fault: no attempt counted, nothing postponed.
        assert (item.state, item.attempts, item.next_attempt) == ("queued", 0, None)
    finally:
        engine.vault.close()


def test_a_refusal_is_kept_with_the_intakes_reason_and_can_be_retried(
    interviewer: Engine, db: Database
) -> None:
    made = export_case(interviewer, CASE, None, send=True)
    good = interviewer.outbox_data(made.bundle_id)
    tampered = good[:-1] + bytes([good[-1] ^ 1])
    with interviewer.vault.transaction() as conn:
        conn.execute(
            "UPDATE outbox_data SET data = ? WHERE item_id = ?", (tampered, made.bundle_id)
        )
        conn.execute(
            "UPDATE outbox SET sha256 = ? WHERE item_id = ?",
            (hashlib.sha256(tampered).hexdigest(), made.bundle_id),
        )

    report = sync_pass(interviewer)

    assert [r["code"] for r in report.refused] == ["verify.failed"]
    item = interviewer.outbox_item(made.bundle_id)
    assert item.state == "refused" and item.reason_code == "verify.failed"
    assert item.reason and "did not verify" in item.reason
    assert stored_rows(db) == 0
    # A refused item is final until someone queues it again.
    assert not sync_pass(interviewer).refused
    with interviewer.vault.transaction() as conn:
        conn.execute("UPDATE outbox_data SET data = ? WHERE item_id = ?", (good, made.bundle_id))
        conn.execute(
            "UPDATE outbox SET sha256 = ? WHERE item_id = ?",
            (hashlib.sha256(good).hexdigest(), made.bundle_id),
        )
    assert interviewer.outbox_requeue(made.bundle_id).state == "queued"
    assert [d["id"] for d in sync_pass(interviewer).delivered] == [made.bundle_id]


def test_an_intake_whose_certificate_is_not_the_pinned_one_gets_nothing(
    db: Database, world: SyncWorld, intake: Running
) -> None:
    # Another TLS certificate for the same host names from the same CA: chains, names
    # the host, but is not the one the trust file lists under the intake member.
    ca_cert = pki.load_certificate((world.org / "ca.pem").read_bytes())
    ca_key = pki.load_private_key((world.org / "ca-key.pem").read_bytes())
    key = pki.generate_key()
    cert, key = pki.issue_tls_server_certificate(
        ca_cert, ca_key, organisation="Quietroom", hosts=["localhost", "127.0.0.1"], key=key
    )
    impostor = dataclasses.replace(intake.identity, tls_cert=cert, tls_key=key)
    app = make_app(db, intake.trust, intake.identity, Settings(db_workers=2, verify_workers=1))
    engine = None
    with BackgroundServer(app, server_context(impostor, intake.trust.ca_cert)) as server:
        engine = world.interviewer(localhost(server.url))
        try:
            export_case(engine, CASE, None, send=True)
            report = sync_pass(engine)
            assert not report.reached and report.unreachable == "pin"
            assert engine.outbox()[0].state == "queued"
        finally:
            engine.vault.close()


def test_a_receipt_is_checked_against_the_item_and_the_intake(
    interviewer: Engine, world: SyncWorld
) -> None:
    made = export_case(interviewer, CASE, None, send=True)
    sync_pass(interviewer)
    item = interviewer.outbox_item(made.bundle_id)
    trust = interviewer.trust()
    assert trust is not None and item.receipt_json and item.receipt_sig
    facts = {"kind": "bundle", "item_id": made.bundle_id, "sha256": item.sha256, "size": item.size}
    for key, wrong in (
        ("item_id", "0" * 32),
        ("sha256", "0" * 64),
        ("size", 1),
        ("kind", "decision"),
    ):
        with pytest.raises(VerificationError) as refused:
            check_receipt(item.receipt_json, item.receipt_sig, trust, **{**facts, key: wrong})
        assert refused.value.code == "sync.bad_receipt"
    # Signed by a member who is not the intake (the supervisor), it proves nothing.
    member = world.org / "supervisor"
    forged = cms.sign_detached(
        item.receipt_json,
        pki.load_certificate((member / "cert.pem").read_bytes()),
        pki.load_private_key((member / "key.pem").read_bytes()),
    )
    with pytest.raises(VerificationError):
        check_receipt(item.receipt_json, forged, trust, **facts)
    with pytest.raises(VerificationError):
        changed = item.receipt_json.replace(b'"size"', b'"size" ')
        check_receipt(changed, item.receipt_sig, trust, **facts)


def test_review_goes_round_the_loop_through_the_intake(
    interviewer: Engine, world: SyncWorld, intake: Running
) -> None:
    made = export_case(interviewer, CASE, None, send=True)
    assert sync_pass(interviewer).delivered
    supervisor = world.supervisor(localhost(intake.url))
    try:
        report = sync_pass(supervisor)
        [opened] = report.fetched.opened
        assert opened["bundle_id"] == made.bundle_id
        # Fetched once: the next pass downloads nothing.
        assert not sync_pass(supervisor).fetched.opened
        decided = decide(
            supervisor,
            opened["review_id"],
            approve=False,
            comments="Please ask about the second date.",
            answers=Answers(),
            out=None,
            send=True,
        )
        assert decided.queued and decided.path is None
        delivered = sync_pass(supervisor).delivered
        assert [d["id"] for d in delivered] == [decided.decision_id]
    finally:
        supervisor.vault.close()

    back = sync_pass(interviewer)
    [imported] = back.fetched.imported
    assert imported["decision_id"] == decided.decision_id
    [decision] = interviewer.case_decisions(CASE)
    assert decision.decision == "returned"
    assert not sync_pass(interviewer).fetched.imported


def test_a_newer_trust_file_at_the_intake_is_taken_an_older_one_never(
    tmp_path: Path, db: Database, world: SyncWorld
) -> None:
    # This test changes the organisation, so it works on a copy of it.
    org = tmp_path / "org"
    shutil.copytree(world.org, org)
    with running_intake(db, org) as running:
        engine = world.interviewer(localhost(running.url))
        try:
            trust = engine.trust()
            assert trust is not None
            before = trust.serial
            assert sync_pass(engine).trust_serial is None
            org_issue(org, "supervisor", "Supervisor Two")
            running.trust.reload(force=True)
            report = sync_pass(engine)
            assert report.trust_serial == before + 1
            updated = engine.trust()
            assert updated is not None and updated.by_name("Supervisor Two") is not None
            assert sync_pass(engine).trust_serial is None
        finally:
            engine.vault.close()


def test_the_authentication_key_never_reaches_the_disk(
    interviewer: Engine, world: SyncWorld, tmp_path: Path
) -> None:
    pem = (world.org / "interviewer" / "auth-key.pem").read_bytes()
    body = b"".join(line for line in pem.splitlines() if not line.startswith(b"-----"))
    # The private scalar's part of the PKCS#8 encoding (the first 48 characters are the
    # same for every P-256 key).
    canaries = [body[52:88]]
    export_case(interviewer, CASE, None, send=True)
    assert sync_pass(interviewer).delivered
    org = world.org.resolve()
    for root in (Path("/tmp"), Path("/dev/shm"), world.base, tmp_path):
        for path in root.rglob("*") if root.exists() else ():
            try:
                if not path.is_file() or org in path.resolve().parents:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            assert not any(c in data for c in canaries), path


def test_back_off_grows_with_jitter_and_the_runner_stops_when_told() -> None:
    rng = random.Random(7)
    waits = [backoff(n, 2.0, 300.0, rng) for n in range(12)]
    for n, wait in enumerate(waits):
        ceiling = min(300.0, 2.0 * 2**n)
        assert ceiling / 2 <= wait <= ceiling
    assert max(waits) <= 300.0

    passes: list[int] = []

    def one_pass() -> Any:
        passes.append(1)
        runner.halt()
        return PassReport(reached=True)

    runner = Runner(one_pass, interval=3600)
    runner.run()  # returns: halted during its first pass
    assert passes == [1]


def test_store_keeps_one_row_however_often_a_bundle_is_sent(
    world: SyncWorld, intake: Running, db: Database
) -> None:
    # Two laptops holding the same bundle (a vault restored from a backup, say).
    first = world.interviewer(localhost(intake.url))
    try:
        made = export_case(first, CASE, None, send=True)
        second_dir = world.base / f"copy-{os.getpid()}-{made.bundle_id[:6]}"
        shutil.copytree(first.vault.root, second_dir)
        a = sync_pass(first)
        second = Engine(Vault.open(second_dir, PASSPHRASE))
        try:
            b = sync_pass(second)
            assert a.delivered[0]["receipt"] == b.delivered[0]["receipt"]
        finally:
            second.vault.close()
        assert stored_rows(db) == 1
    finally:
        first.vault.close()
