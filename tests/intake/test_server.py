"""The intake's HTTP API against a real PostgreSQL and the real server over mutual TLS on
127.0.0.1: delivering bundles (whole and in chunks, resumed with HEAD), receipts that
verify, exactly once under repeats and races, the supervisor's queue and download,
decisions there and back, the trust file, and the TLS key kept off the disk."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from app.org import org_init
from app.org.organisation import Protection
from app.org.trust import trust_from_bytes
from app.sync.timestamps import check_token
from crypto import cms, pki
from crypto.identity_p12 import read_identity_p12
from intake import store
from intake.db import Database
from intake.receipts import verify_receipt
from intake.store import BundleRow
from intake.tsa import TimeStampingAuthority
from tests.intake.harness import (
    Answer,
    Client,
    Running,
    World,
    get_world,
    running_intake,
    sha,
)


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return get_world(tmp_path_factory)


@pytest.fixture
def intake(db: Database, world: World) -> Iterator[Running]:
    with running_intake(db, world.org) as running:
        yield running


def bundle_path(world: World) -> str:
    return f"/v1/bundles/{world.bundle_id}"


def deliver(intake: Running, world: World) -> Answer:
    answer = intake.client().put(bundle_path(world), world.bundle.read_bytes())
    assert answer.status in (200, 201), answer.body
    return answer


def rows(db: Database, table: str) -> int:
    with db.connection() as conn:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def check_receipt(answer: Answer, intake: Running, world: World, kind: str, item: Path) -> dict:
    receipt_json, signature = answer.receipt()
    ca = intake.trust.ca_cert
    signer = cms.verify_detached(signature, receipt_json, ca)
    assert pki.fingerprint(signer) == intake.identity.fingerprint
    doc = verify_receipt(receipt_json, signature, ca).document
    data = item.read_bytes()
    assert doc["format"] == "quietroom-receipt" and doc["version"] == 2
    # The intake's time stamp over the item's manifest (decision) hash, by its TSA.
    stamp = doc["timestamp"]
    token = base64.b64decode(stamp["token"])
    digest = bytes.fromhex(stamp["imprint_sha256"])
    assert check_token(token, intake.trust.trust, digest=digest).signer == (
        intake.identity.timestamp[0] if intake.identity.timestamp else None
    )
    assert doc["kind"] == kind
    assert doc["sha256"] == sha(data) and doc["size"] == len(data)
    assert doc["verification"] == "passed"
    assert doc["intake"] == {
        "name": intake.identity.name,
        "certificate_fingerprint": intake.identity.fingerprint,
    }
    assert (
        receipt_json
        == (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    )
    return dict(doc)


# --- delivering a bundle ---------------------------------------------------------------


def test_a_bundle_gets_a_signed_receipt(intake: Running, world: World, db: Database) -> None:
    answer = deliver(intake, world)
    assert answer.status == 201
    assert answer.headers["Location"] == bundle_path(world)
    doc = check_receipt(answer, intake, world, "bundle", world.bundle)
    interviewer = intake.trust.trust.by_name("Interviewer One")
    assert interviewer is not None
    assert doc["id"] == world.bundle_id
    assert doc["sender"] == {
        "name": "Interviewer One",
        "certificate_fingerprint": interviewer.fingerprint,
        "member_id": interviewer.member_id,
    }
    kept = store.bundle(db, world.bundle_id)
    assert kept is not None and kept.sha256 == sha(world.bundle.read_bytes())
    assert kept.sender_fingerprint == interviewer.fingerprint
    assert intake.identity.age_recipient in kept.recipients
    assert kept.verification["ok"] is True
    assert store.bundle_bytes(db, world.bundle_id) == world.bundle.read_bytes()
    receipt = store.receipt_for(db, "bundle", world.bundle_id)
    assert receipt is not None and answer.receipt() == (receipt.receipt_json, receipt.receipt_sig)


def test_the_same_bytes_again_get_the_same_receipt(
    intake: Running, world: World, db: Database
) -> None:
    first = deliver(intake, world)
    again = deliver(intake, world)
    assert (first.status, again.status) == (201, 200)
    assert again.receipt() == first.receipt()
    assert rows(db, "bundles") == 1 and rows(db, "receipts") == 1


def test_racing_deliveries_of_one_bundle_end_as_one_row(
    intake: Running, world: World, db: Database
) -> None:
    data = world.bundle.read_bytes()
    answers: list[Answer] = []
    start = threading.Barrier(4)

    def send() -> None:
        client = intake.client()
        start.wait()
        answers.append(client.put(bundle_path(world), data))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status for a in answers) == [200, 200, 200, 201]
    assert len({a.receipt() for a in answers}) == 1
    assert rows(db, "bundles") == 1 and rows(db, "receipts") == 1


def test_a_bundle_kept_without_its_receipt_gets_one(
    intake: Running, world: World, db: Database
) -> None:
    """A process that stopped between storing a bundle and its receipt: the next
    delivery of the same bytes is answered with a receipt issued then."""
    data = world.bundle.read_bytes()
    interviewer = intake.trust.trust.by_name("Interviewer One")
    assert interviewer is not None and intake.identity.timestamp is not None
    # As the intake keeps a verified bundle: with the time stamp made before storing it.
    stamp = asyncio.run(TimeStampingAuthority(*intake.identity.timestamp).stamp_sha256("ab" * 32))
    store.put_bundle(
        db,
        BundleRow(
            bundle_id=world.bundle_id,
            ciphertext=data,
            sha256=sha(data),
            sender_fingerprint=interviewer.fingerprint,
            verification={"ok": True, "timestamp": stamp.to_json()},
            recipients=(intake.identity.age_recipient,),
        ),
    )
    answer = deliver(intake, world)
    assert answer.status == 200
    doc = check_receipt(answer, intake, world, "bundle", world.bundle)
    assert doc["timestamp"] == stamp.to_json()  # the one kept, whenever the receipt is issued
    assert rows(db, "receipts") == 1


def chunks(data: bytes, parts: int) -> list[tuple[int, bytes]]:
    size = -(-len(data) // parts)
    return [(start, data[start : start + size]) for start in range(0, len(data), size)]


def content_range(start: int, chunk: bytes, total: int) -> dict[str, str]:
    return {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{total}"}


def test_a_chunked_upload_resumes_from_the_offset_head_gives(
    intake: Running, world: World, db: Database
) -> None:
    data = world.bundle.read_bytes()
    digest, total, path = sha(data), len(data), bundle_path(world)
    client = intake.client()
    nothing = client.head(path, digest)
    assert nothing.status == 404 and nothing.headers["Quietroom-Error"] == "intake.not_found"
    parts = chunks(data, 3)
    assert len(parts) == 3
    for number, (start, chunk) in enumerate(parts, 1):
        before = client.head(path, digest)
        if number > 1:
            assert before.status == 202
            assert int(before.headers["Upload-Offset"]) == start
            assert int(before.headers["Upload-Length"]) == total
        answer = client.put(path, chunk, digest, content_range(start, chunk, total))
        if number < 3:
            assert answer.status == 202, answer.body
            assert answer.json() == {"received": start + len(chunk), "total": total}
            assert answer.headers["Upload-Offset"] == str(start + len(chunk))
            # The same chunk again (its answer was lost): nothing changes.
            repeat = client.put(path, chunk, digest, content_range(start, chunk, total))
            assert (repeat.status, repeat.json()["received"]) == (202, start + len(chunk))
        else:
            assert answer.status == 201, answer.body
            check_receipt(answer, intake, world, "bundle", world.bundle)
    done = client.head(path, digest)
    assert done.status == 200 and done.headers["Upload-Offset"] == str(total)
    assert rows(db, "uploads") == 0 and rows(db, "upload_chunks") == 0
    assert store.bundle_bytes(db, world.bundle_id) == data
    # A chunk of an upload that is already complete: the receipt, nothing stored again.
    start, chunk = parts[0]
    late = client.put(path, chunk, digest, content_range(start, chunk, total))
    assert late.status == 200 and late.receipt() == answer.receipt()
    assert rows(db, "uploads") == 0


def test_a_chunk_at_the_wrong_offset_is_told_where_to_resume(
    intake: Running, world: World, db: Database
) -> None:
    data = world.bundle.read_bytes()
    digest, total, path = sha(data), len(data), bundle_path(world)
    client = intake.client()
    (s0, c0), (s1, c1), (s2, c2) = chunks(data, 3)
    assert client.put(path, c0, digest, content_range(s0, c0, total)).status == 202
    skipped = client.put(path, c2, digest, content_range(s2, c2, total))
    assert skipped.status == 409 and skipped.code == "intake.bad_offset"
    assert skipped.json()["offset"] == len(c0) and skipped.headers["Upload-Offset"] == str(len(c0))
    assert "stands at byte" in skipped.json()["error"]["message"]
    for start, chunk in ((s1, c1), (s2, c2)):
        answer = client.put(path, chunk, digest, content_range(start, chunk, total))
    assert answer.status == 201
    assert store.bundle_bytes(db, world.bundle_id) == data


# --- handing bundles out ---------------------------------------------------------------


def test_the_supervisor_queue_lists_the_bundle_and_gets_the_same_bytes(
    intake: Running, world: World
) -> None:
    deliver(intake, world)
    supervisor = intake.client("supervisor")
    queue = supervisor.get("/v1/queue")
    assert queue.status == 200, queue.body
    data = world.bundle.read_bytes()
    [entry] = queue.json()["bundles"]
    assert entry["bundle_id"] == world.bundle_id
    assert entry["sha256"] == sha(data) and entry["size"] == len(data)
    assert entry["sender"]["name"] == "Interviewer One"
    assert entry["received"].endswith("Z") and entry["case_reference"] == "CSA-EXP-1"
    assert queue.json()["next"] is None
    fetched = supervisor.get(bundle_path(world))
    assert fetched.status == 200 and fetched.body == data
    assert fetched.headers["Quietroom-Sha256"] == sha(data)
    assert fetched.headers["Content-Type"] == "application/octet-stream"
    # The author is a recipient of their own bundle too.
    assert intake.client().get(bundle_path(world)).body == data


def test_the_queue_comes_in_pages(intake: Running, world: World, db: Database) -> None:
    supervisor_recipient = intake.trust.trust.by_name("Supervisor One")
    assert supervisor_recipient is not None
    ids = []
    for _ in range(3):
        data = os.urandom(64)
        ids.append(os.urandom(16).hex())
        store.put_bundle(
            db,
            BundleRow(
                bundle_id=ids[-1],
                ciphertext=data,
                sha256=sha(data),
                sender_fingerprint="fp",
                verification={"ok": True},
                recipients=(supervisor_recipient.age_recipient,),
            ),
        )
    supervisor = intake.client("supervisor")
    seen: list[str] = []
    path = "/v1/queue?limit=2"
    while True:
        page = supervisor.get(path).json()
        seen += [entry["bundle_id"] for entry in page["bundles"]]
        if page["next"] is None:
            break
        path = f"/v1/queue?limit=2&after={page['next']}"
    assert sorted(seen) == sorted(ids) and len(seen) == 3
    bad = supervisor.get("/v1/queue?after=yesterday")
    assert bad.status == 400 and bad.code == "intake.bad_cursor"
    assert supervisor.get("/v1/queue?limit=0").code == "intake.bad_limit"


# --- decisions -------------------------------------------------------------------------


def test_a_decision_gets_a_receipt_and_reaches_the_interviewer(
    intake: Running, world: World, db: Database
) -> None:
    deliver(intake, world)
    supervisor = intake.client("supervisor")
    path = f"/v1/decisions/{world.decision_id}"
    data = world.decision.read_bytes()
    answer = supervisor.put(path, data)
    assert answer.status == 201, answer.body
    doc = check_receipt(answer, intake, world, "decision", world.decision)
    assert doc["id"] == world.decision_id and doc["sender"]["name"] == "Supervisor One"
    again = supervisor.put(path, data)
    assert again.status == 200 and again.receipt() == answer.receipt()
    interviewer = intake.client()
    listed = interviewer.get("/v1/decisions")
    assert listed.status == 200
    [entry] = listed.json()["decisions"]
    assert entry["decision_id"] == world.decision_id
    assert entry["bundle_id"] == world.bundle_id and entry["sha256"] == sha(data)
    fetched = interviewer.get(path)
    assert fetched.status == 200 and fetched.body == data
    kept = store.decision(db, world.decision_id)
    trust = intake.trust.trust
    expected = {m.age_recipient for m in trust.members}  # interviewer, supervisor, intake
    assert kept is not None and set(kept.recipients) == expected
    assert (
        supervisor.get("/v1/decisions").json()["decisions"][0]["decision_id"] == world.decision_id
    )


def test_a_decision_is_delivered_in_chunks_too(intake: Running, world: World) -> None:
    deliver(intake, world)
    supervisor = intake.client("supervisor")
    data = world.decision.read_bytes()
    path, digest = f"/v1/decisions/{world.decision_id}", sha(data)
    parts = chunks(data, 2)
    first = supervisor.put(path, parts[0][1], digest, content_range(*parts[0], len(data)))
    assert first.status == 202
    assert supervisor.head(path, digest).headers["Upload-Offset"] == str(len(parts[0][1]))
    last = supervisor.put(path, parts[1][1], digest, content_range(*parts[1], len(data)))
    assert last.status == 201, last.body
    assert supervisor.head(path, digest).status == 200


# --- the trust file --------------------------------------------------------------------


def test_the_trust_file_is_served_as_signed(intake: Running, world: World) -> None:
    answer = intake.client().get("/v1/trust")
    assert answer.status == 200
    doc = answer.json()
    data, signature = base64.b64decode(doc["trust"]), base64.b64decode(doc["signature"])
    assert data == (world.org / "trust.json").read_bytes()
    assert signature == (world.org / "trust.json.p7s").read_bytes()
    trust = trust_from_bytes(data, signature, intake.trust.ca_cert)
    assert doc["serial"] == trust.serial == 1
    assert doc["ca_fingerprint"] == pki.fingerprint(trust.ca_cert)


# --- the TLS key stays off the disk ----------------------------------------------------

PASSWORD = b"intake canary password 2026"
# Not the project's: the X server's sockets, and the tool sessions' own records.
SKIP_NAMES = (".X11-unix", "bash_jobs.", "bash_tool_")
MAX_SCANNED = 64 * 1024 * 1024


def secret_marks(key: object) -> list[bytes]:
    """What would betray the key on disk: its PKCS#8 DER, every base64 line of its PEM
    but the first (the same for every P-256 key), and its private number."""
    assert hasattr(key, "private_bytes") and hasattr(key, "private_numbers")
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    lines = [ln for ln in pem.splitlines() if ln and not ln.startswith(b"-----")]
    scalar = key.private_numbers().private_value.to_bytes(32, "big")
    return [der, scalar, scalar.hex().encode(), *lines[1:]]


def files_holding(roots: list[Path], marks: list[bytes]) -> list[str]:
    """The regular files under `roots` that hold any of `marks` (never a FIFO, socket or
    device: opening those could block or read for ever)."""
    found = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames[:] = [d for d in dirnames if not d.startswith(SKIP_NAMES)]
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    info = os.lstat(path)
                    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SCANNED:
                        continue
                    with open(path, "rb") as fh:
                        content = fh.read(MAX_SCANNED)
                except OSError:
                    continue
                if any(mark in content for mark in marks):
                    found.append(path)
    return found


def test_the_tls_key_never_reaches_the_disk_in_plaintext(
    db: Database, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    org = tmp_path / "protected-org"
    org_init(org, protection=Protection(members=PASSWORD))
    assert not (org / "intake" / "tls-key.pem").exists()
    interviewer = read_identity_p12((org / "interviewer" / "identity.p12").read_bytes(), PASSWORD)
    cert, key = interviewer.pairs["authentication"]
    (tmp_path / "auth-cert.pem").write_bytes(pki.certificate_pem(cert))
    (tmp_path / "auth-key.pem").write_bytes(pki.private_key_pem(key))
    with running_intake(db, org, password=PASSWORD) as intake:
        client = Client(
            intake.port, org / "ca.pem", tmp_path / "auth-cert.pem", tmp_path / "auth-key.pem"
        )
        assert client.get("/v1/trust").status == 200
        marks = secret_marks(intake.identity.tls_key)
        # The memory file that carried the encrypted key to OpenSSL is closed.
        fds = Path("/proc/self/fd")
        links = []
        for fd in fds.iterdir():
            try:
                links.append(os.readlink(fd))
            except OSError:
                continue
        assert not [link for link in links if "quietroom-intake-tls" in link]
    roots = [tmp_path_factory.getbasetemp(), Path(os.environ["TMPDIR"]), Path("/tmp")]
    assert files_holding(roots, marks) == []


# --- the documents say what the server does ----------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_openapi_describes_exactly_the_routes_served(intake: Running) -> None:
    served = {
        (route.resource.canonical.replace("{item_id}", "{id}"), route.method.lower())
        for route in intake.server.app.router.routes()
        if route.resource is not None
    }
    described: set[tuple[str, str]] = set()
    path = None
    for line in (DOCS / "openapi.yaml").read_text(encoding="utf-8").splitlines():
        if re.fullmatch(r"  (/v1/\S+):", line):
            path = line.strip().rstrip(":")
        elif path and re.fullmatch(r"    (get|put|head|post|delete):", line):
            described.add((path, line.strip().rstrip(":")))
        elif not line.startswith("  ") and line.strip():
            path = None
    assert described == served


def test_every_refusal_code_is_documented() -> None:
    source = "".join(
        (Path(__file__).resolve().parents[2] / "intake" / name).read_text(encoding="utf-8")
        for name in ("server.py", "tls.py", "refusals.py", "store.py", "errors.py")
    )
    codes = set(re.findall(r'"(intake\.[a-z_]+)"', source)) - {
        # the store's own checks of what the server already checked, and codes the
        # server never meets (it never assembles an incomplete upload)
        "intake.bad_kind",
        "intake.bad_sender",
        "intake.bad_recipient",
        "intake.bad_recipients",
        "intake.text_too_long",
        "intake.bad_verification",
        "intake.bad_range",
        "intake.bad_size",
        "intake.chunk_beyond_end",
        "intake.no_upload",
        "intake.upload_incomplete",
        "intake.no_such_item",
        "intake.no_memfd",
        "intake.method_not_allowed",
        "intake.http_error",
        "intake.schema_too_new",
        "intake.schema_outdated",
        "intake.migration_failed",
        "intake.postgres_missing",
        "intake.cluster_failed",
        "intake.bad_dsn",
    }
    protocol = (DOCS / "sync-protocol.md").read_text(encoding="utf-8")
    assert sorted(c for c in codes if c not in protocol) == []


def test_verification_never_holds_up_other_requests(
    intake: Running, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle being verified (held here until released) does not stop the server from
    answering others: verification runs in a thread, not on the event loop."""
    from intake import accept

    started, release = threading.Event(), threading.Event()
    real = accept._verify_bundle

    def slow(*args: object, **kwargs: object) -> object:
        started.set()
        assert release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(accept, "_verify_bundle", slow)
    answers: list[Answer] = []
    upload = threading.Thread(target=lambda: answers.append(deliver(intake, world)))
    upload.start()
    try:
        assert started.wait(60)
        assert intake.client("supervisor").get("/v1/trust").status == 200
        assert intake.client("supervisor").get("/v1/queue").json()["bundles"] == []
    finally:
        release.set()
        upload.join()
    assert answers[0].status == 201


def test_the_revocation_list_is_served_as_published(
    intake: Running, world: World, db: Database, tmp_path: Path
) -> None:
    answer = intake.client().get("/v1/crl")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "application/pkix-crl"
    assert answer.body == (world.org / "crl.der").read_bytes()
    # Published nowhere beside the trust file, or not the CA's: nothing to serve.
    alone = tmp_path / "published"
    alone.mkdir()
    for name in ("trust.json", "trust.json.p7s"):
        shutil.copy(world.org / name, alone / name)
    with running_intake(db, world.org, trust_path=alone / "trust.json") as bare:
        missing = bare.client().get("/v1/crl")
        assert (missing.status, missing.code) == (404, "intake.no_crl")
        (alone / "crl.der").write_bytes((world.other_org / "crl.der").read_bytes())
        assert bare.client().get("/v1/crl").code == "intake.no_crl"
