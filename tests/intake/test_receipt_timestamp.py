"""Receipts that carry the intake's time stamp (version 2), end to end against the real
intake over mutual TLS and a real PostgreSQL cluster: the vault records each queued
item's manifest hash; the receipt's token is over it and `openssl ts -verify -digest`
accepts it; the same item sent again gets the same receipt; the client refuses a
receipt whose token is over another hash, signed by a certificate that is not the
intake's time-stamping one, or out of time; a version 1 receipt and an item queued
before the hash was recorded are still delivered; a decision's receipt stamps its
decision.json; and docs/verifying.md's "Checking a receipt's time stamp" runs as
written."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import re
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.errors import VerificationError
from app.export.bundle import MANIFEST, export_case
from app.export.verify import verify_data
from app.org import org_init
from app.org.trust_format import Trust
from app.review.checklist import Answers
from app.review.decision import DECISION, decide
from app.review.decision_verify import verify_decision_data
from app.sync.deliver import STAMP_CHECKED, STAMP_NONE, STAMP_UNANCHORED
from app.sync.receipts import check_receipt, received_at
from app.sync.run import sync_pass
from crypto import cms, pki
from intake import receipts, store
from intake.db import Database
from intake.store import BundleRow
from intake.tsa import Stamp, TimeStampingAuthority
from tests.conftest import PASSPHRASE, require_tool, run_cli
from tests.intake.harness import Running, free_tcp_port, running_intake
from tests.intake.sync_world import CASE, SyncWorld, build_sync_world, localhost
from tests.interop.bundle_forge import failed, verify

pytestmark = pytest.mark.slow

DOC = Path(__file__).resolve().parents[2] / "docs" / "verifying.md"
_WORLD: SyncWorld | None = None


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> SyncWorld:
    global _WORLD
    if _WORLD is None:
        _WORLD = build_sync_world(tmp_path_factory.mktemp("stamp-world"))
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


def trust_of(engine: Engine) -> Trust:
    trust = engine.trust()
    assert trust is not None
    return trust


def manifest_of(intake: Running, ciphertext: bytes) -> bytes:
    """The bundle's manifest.json, opened as the intake opens it."""
    trust = intake.trust.trust
    report = verify_data(ciphertext, [intake.identity.age_identity], trust.ca_cert, trust)
    assert report.ok
    return report.files[MANIFEST]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("openssl"), *map(str, args)], capture_output=True, text=True, timeout=60
    )


def exported_and_delivered(engine: Engine) -> tuple[str, dict[str, Any]]:
    made = export_case(engine, CASE, None, send=True)
    report = sync_pass(engine)
    [delivered] = report.delivered
    assert delivered["id"] == made.bundle_id
    return made.bundle_id, delivered


def facts(engine: Engine, item_id: str) -> dict[str, Any]:
    item = engine.outbox_item(item_id)
    return {
        "kind": item.kind,
        "item_id": item_id,
        "sha256": item.sha256,
        "size": item.size,
        "manifest_sha256": item.manifest_sha256,
    }


def test_a_delivered_bundle_carries_a_token_openssl_accepts(
    interviewer: Engine, intake: Running, world: SyncWorld, tmp_path: Path
) -> None:
    made = export_case(interviewer, CASE, None, send=True)
    [queued] = interviewer.outbox()
    manifest = manifest_of(intake, interviewer.outbox_data(made.bundle_id))
    # Queued with the hash of the manifest it carries.
    assert queued.manifest_sha256 == sha(manifest)

    report = sync_pass(interviewer)
    [delivered] = report.delivered
    assert delivered["timestamp"] == STAMP_CHECKED
    item = interviewer.outbox_item(made.bundle_id)
    assert item.receipt_json is not None and item.receipt_sig is not None
    doc = json.loads(item.receipt_json)
    assert doc["version"] == 2 and doc["timestamp"]["imprint_sha256"] == sha(manifest)

    token = tmp_path / "token.der"
    token.write_bytes(base64.b64decode(doc["timestamp"]["token"]))
    tsa_cert = world.org / "intake" / "timestamp-cert.pem"
    ca = world.org / "ca.pem"
    checked = openssl(
        "ts", "-verify", "-digest", sha(manifest), "-in", token, "-token_in",
        "-CAfile", ca, "-untrusted", tsa_cert,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Verification: OK" in checked.stdout
    # Another file's hash: openssl refuses the same token.
    refused = openssl(
        "ts", "-verify", "-digest", sha(b"another manifest"), "-in", token, "-token_in",
        "-CAfile", ca, "-untrusted", tsa_cert,
    )  # fmt: skip
    assert refused.returncode != 0
    shown = openssl("ts", "-reply", "-in", token, "-token_in", "-token_out", "-text")
    match = re.search(r"Time stamp: (.+ GMT)", shown.stdout)
    assert match, shown.stdout
    stamped = datetime.strptime(match.group(1), "%b %d %H:%M:%S %Y GMT")
    received = received_at(doc).replace(tzinfo=None)
    assert abs(stamped - received) < timedelta(seconds=30)

    # Sent again (the answer lost, say): the very receipt stored the first time.
    again = intake.client().put(
        f"/v1/bundles/{made.bundle_id}", interviewer.outbox_data(made.bundle_id)
    )
    assert again.status == 200
    assert again.receipt() == (item.receipt_json, item.receipt_sig)


def _resigned(intake: Running, doc: dict[str, Any]) -> tuple[bytes, bytes]:
    """`doc` as receipt.json signed with the intake's own receipt key: only the time
    stamp inside can make the client refuse it."""
    data = receipts.receipt_bytes(doc)
    return data, cms.sign_detached(data, intake.identity.signing_cert, intake.identity.signing_key)


def _with_stamp(doc: dict[str, Any], stamp: Stamp) -> dict[str, Any]:
    return {**doc, "timestamp": stamp.to_json()}


def test_the_client_refuses_a_token_over_another_hash_by_another_signer_or_out_of_time(
    interviewer: Engine, intake: Running, world: SyncWorld
) -> None:
    item_id, _ = exported_and_delivered(interviewer)
    trust = trust_of(interviewer)
    item = interviewer.outbox_item(item_id)
    assert item.receipt_json is not None and item.manifest_sha256 is not None
    doc = json.loads(item.receipt_json)
    real = item.manifest_sha256
    received = received_at(doc)
    assert intake.identity.timestamp is not None
    own_tsa = TimeStampingAuthority(*intake.identity.timestamp)

    def stamp(tsa: TimeStampingAuthority, imprint: str) -> Stamp:
        return asyncio.run(tsa.stamp_sha256(imprint))

    def at(moment: datetime) -> TimeStampingAuthority:
        assert intake.identity.timestamp is not None
        return TimeStampingAuthority(*intake.identity.timestamp, clock=lambda: moment)

    other = world.base / "other-org"
    if not other.exists():
        org_init(other, "Another Organisation", intake_url=f"https://localhost:{free_tcp_port()}")
    foreign = pki.load_pem_pair(
        (other / "intake" / "timestamp-cert.pem").read_bytes(),
        (other / "intake" / "timestamp-key.pem").read_bytes(),
    )
    other_hash = sha(b"another manifest")
    forged_token_only = stamp(own_tsa, other_hash)
    receipt_key = (intake.identity.signing_cert, intake.identity.signing_key)
    late, early = received + timedelta(minutes=6), received - timedelta(minutes=6)
    cases = [
        # the receipt names another manifest, and its token is over that one
        ("another manifest", _with_stamp(doc, forged_token_only)),
        # the receipt names this manifest, its token is over another
        ("another digest", _with_stamp(doc, Stamp(real, forged_token_only.token))),
        # a genuine time-stamping certificate, of another organisation
        (
            "not signed by the intake's time-stamping certificate",
            _with_stamp(doc, stamp(TimeStampingAuthority(*foreign), real)),
        ),
        # the intake's own receipt-signing key: the organisation's CA, but not its TSA
        (
            "not signed by the intake's time-stamping certificate",
            _with_stamp(doc, stamp(TimeStampingAuthority(*receipt_key), real)),
        ),
        ("more than 5 minutes", _with_stamp(doc, stamp(at(late), real))),
        ("more than 5 minutes", _with_stamp(doc, stamp(at(early), real))),
        ("not a SHA-256", {**doc, "timestamp": {"imprint_sha256": "xyz", "token": "AA=="}}),
        ("not {imprint_sha256, token}", {k: v for k, v in doc.items() if k != "timestamp"}),
        ("not a time-stamp token", _with_stamp(doc, Stamp(real, b"\x30\x00"))),
    ]
    for expected, forged in cases:
        receipt, signature = _resigned(intake, forged)
        with pytest.raises(VerificationError) as refused:
            check_receipt(receipt, signature, trust, **facts(interviewer, item_id))
        assert refused.value.code == "sync.bad_receipt"
        assert expected in str(refused.value), (expected, str(refused.value))

    # The same forging with a good token checks: what failed above was the token alone.
    good = stamp(at(received + timedelta(minutes=4)), real)
    receipt, signature = _resigned(intake, _with_stamp(doc, good))
    check_receipt(receipt, signature, trust, **facts(interviewer, item_id))


def test_a_version_1_receipt_is_still_accepted(
    interviewer: Engine, intake: Running, db: Database
) -> None:
    """An item the intake kept without a time stamp (an intake without a time-stamping
    key, or one that kept it before) is answered with a version 1 receipt: delivered."""
    made = export_case(interviewer, CASE, None, send=True)
    data = interviewer.outbox_data(made.bundle_id)
    sender = intake.trust.trust.by_name("Interviewer One")
    assert sender is not None
    store.put_bundle(
        db,
        BundleRow(
            bundle_id=made.bundle_id,
            ciphertext=data,
            sha256=sha(data),
            sender_fingerprint=sender.fingerprint,
            verification={"ok": True, "manifest_sha256": sha(manifest_of(intake, data))},
            recipients=(intake.identity.age_recipient,),
        ),
    )
    [delivered] = sync_pass(interviewer).delivered
    assert delivered["timestamp"] == STAMP_NONE
    item = interviewer.outbox_item(made.bundle_id)
    assert item.state == "delivered" and item.receipt_json is not None
    doc = json.loads(item.receipt_json)
    assert doc["version"] == 1 and "timestamp" not in doc


def test_an_item_queued_before_the_hash_was_recorded_is_checked_without_it(
    interviewer: Engine,
) -> None:
    made = export_case(interviewer, CASE, None, send=True)
    with interviewer.vault.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET manifest_sha256 = NULL WHERE item_id = ?", (made.bundle_id,)
        )
    assert interviewer.outbox_item(made.bundle_id).manifest_sha256 is None
    [delivered] = sync_pass(interviewer).delivered
    assert delivered["timestamp"] == STAMP_UNANCHORED
    item = interviewer.outbox_item(made.bundle_id)
    assert item.state == "delivered" and item.receipt_json is not None
    assert json.loads(item.receipt_json)["version"] == 2


def test_a_decision_receipt_stamps_its_decision_json(
    interviewer: Engine, intake: Running, world: SyncWorld
) -> None:
    exported_and_delivered(interviewer)
    supervisor = world.supervisor(localhost(intake.url))
    try:
        [opened] = sync_pass(supervisor).fetched.opened
        decided = decide(
            supervisor,
            opened["review_id"],
            approve=False,
            comments="Please ask about the second date.",
            answers=Answers(),
            out=None,
            send=True,
        )
        data = supervisor.outbox_data(decided.decision_id)
        trust = intake.trust.trust
        report = verify_decision_data(
            data, [intake.identity.age_identity], trust.ca_cert, trust, ca_only=False
        )
        decision_json = report.files[DECISION]
        assert supervisor.outbox_item(decided.decision_id).manifest_sha256 == sha(decision_json)
        [delivered] = sync_pass(supervisor).delivered
        assert delivered["timestamp"] == STAMP_CHECKED
        receipt = supervisor.outbox_item(decided.decision_id).receipt
    finally:
        supervisor.vault.close()
    assert receipt is not None and receipt["kind"] == "decision"
    assert receipt["timestamp"]["imprint_sha256"] == sha(decision_json)


def _doc_block() -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("# Checking a receipt's time stamp", 1)[1]
    found = re.search(r"^```bash\n(.*?)^```", section, re.M | re.S)
    assert found, "the section lost its commands"
    return found.group(1)


def test_the_hand_check_in_docs_verifying_runs_as_written(
    interviewer: Engine, intake: Running, world: SyncWorld, tmp_path: Path
) -> None:
    for tool in ("jq", "base64", "sha256sum", "bash"):
        require_tool(tool)
    item_id, _ = exported_and_delivered(interviewer)
    item = interviewer.outbox_item(item_id)
    assert item.receipt_json is not None
    (tmp_path / "receipt.json").write_bytes(item.receipt_json)
    (tmp_path / "trust.json").write_bytes((world.org / "trust.json").read_bytes())
    (tmp_path / "ca.pem").write_bytes((world.org / "ca.pem").read_bytes())
    (tmp_path / "bundle").mkdir()
    manifest = manifest_of(intake, interviewer.outbox_data(item_id))
    (tmp_path / "bundle" / "manifest.json").write_bytes(manifest)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", _doc_block()],
            cwd=tmp_path,
            env=dict(os.environ, LC_ALL="C"),
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = run()
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "the receipt's time stamp is over this manifest" in out
    assert "Verification: OK" in out and "Time stamp:" in out
    # Another manifest: the page's commands stop.
    (tmp_path / "bundle" / "manifest.json").write_bytes(manifest.replace(b"{", b"{ ", 1))
    assert run().returncode != 0


# --- verify --receipt: the manifest checked at the receipt's time stamp ---------------


def test_verify_with_the_receipt_checks_the_manifest_at_its_time_stamp(
    interviewer: Engine, intake: Running, world: SyncWorld, tmp_path: Path
) -> None:
    item_id, _ = exported_and_delivered(interviewer)
    item = interviewer.outbox_item(item_id)
    assert item.receipt_json is not None and item.receipt_sig is not None
    bundle = tmp_path / "statement.qrb"
    bundle.write_bytes(interviewer.outbox_data(item_id))
    stamped = json.loads(item.receipt_json)["timestamp"]
    # The interviewer writes the receipt out of the vault with `sync receipt`.
    vault = interviewer.vault.root
    interviewer.vault.close()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    folder = tmp_path / "receipts" / "statement"

    def receipt_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return run_cli("--vault", vault, "--passphrase-file", secret, "sync", "receipt", *args)

    done = receipt_cli(item_id, "--out", folder, "--json")
    assert done.returncode == 0, done.stderr
    assert (folder / "receipt.json").read_bytes() == item.receipt_json
    assert (folder / "receipt.p7s").read_bytes() == item.receipt_sig
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "receipt.json").stat().st_mode & 0o777 == 0o600
    # Never over a receipt already there; an unknown id: one line each, exit 1.
    again = receipt_cli(item_id, "--out", folder)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert again.stderr.count("\n") == 1
    unknown = receipt_cli("0" * 32, "--out", tmp_path / "none")
    assert unknown.returncode == 1 and "nothing in the outbox" in unknown.stderr
    assert not (tmp_path / "none").exists()

    code, report, stderr = verify(bundle, world.org / "supervisor", world.org / "trust.json",
                                  "--receipt", folder)  # fmt: skip
    assert code == 0, stderr
    checks = {c["check"]: c["detail"] for c in report["checks"]}
    assert "time-stamped its manifest at" in checks["receipt"]
    assert "the intake's time stamp on its receipt" in checks["manifest signature"]
    assert stamped["imprint_sha256"] == sha(manifest_of(intake, bundle.read_bytes()))

    # A receipt altered after the intake signed it: the receipt's line fails, exit 4.
    doc = json.loads(item.receipt_json)
    doc["received"] = "2020-01-01T00:00:00.000000Z"
    (folder / "receipt.json").write_text(json.dumps(doc), encoding="utf-8")
    code, report, stderr = verify(bundle, world.org / "supervisor", world.org / "trust.json",
                                  "--receipt", folder)  # fmt: skip
    assert code == 4 and list(failed(report)) == ["receipt"], report
    assert failed(report)["receipt"].startswith("the intake's receipt does not check (")
    assert stderr.count("\n") == 1 and "outbox" not in stderr

    # The receipt of another file (a byte of the bundle's padding differs): refused.
    (folder / "receipt.json").write_bytes(item.receipt_json)
    other = tmp_path / "other.qrb"
    other.write_bytes(bundle.read_bytes() + b"\n")
    code, report, _ = verify(other, world.org / "supervisor", world.org / "trust.json",
                             "--receipt", folder)  # fmt: skip
    assert code == 4 and "it is for another file than this bundle" in failed(report)["receipt"]

    # With only the CA certificate, the receipt cannot be tied to the intake: said so.
    code, report, _ = verify(bundle, world.org / "supervisor", world.org / "ca.pem",
                             "--ca-only", "--receipt", folder)  # fmt: skip
    assert code == 4 and "trust file" in failed(report)["receipt"]

    # A folder without the receipt: one line, exit 1, nothing else said.
    (folder / "receipt.p7s").unlink()
    code, report, stderr = verify(bundle, world.org / "supervisor", world.org / "trust.json",
                                  "--receipt", folder)  # fmt: skip
    assert code == 1
    assert "receipt.p7s" in stderr and stderr.count("\n") == 1
