"""Everything the intake refuses, each with a clear answer and nothing stored: callers TLS
turns away (no certificate, another organisation's, an expired one, a signing or server
certificate), members the trust file no longer lists, the wrong role, other bytes under
a held id, tampered or unaddressed bundles, bad requests, and failures of its own that
must not leak anything."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.org import org_remove
from crypto import pki
from intake import store
from intake.db import Database
from intake.errors import DatabaseUnavailable
from intake.store import BundleRow
from tests.intake.harness import (
    Answer,
    Client,
    Running,
    World,
    get_world,
    running_intake,
    sha,
    tls_refused,
)


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return get_world(tmp_path_factory)


@pytest.fixture
def intake(db: Database, world: World) -> Iterator[Running]:
    with running_intake(db, world.org) as running:
        yield running


def count(db: Database, table: str) -> int:
    with db.connection() as conn:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def nothing_kept(db: Database) -> bool:
    return all(count(db, table) == 0 for table in ("bundles", "decisions", "receipts", "uploads"))


def one_sentence(answer: Answer, status: int, code: str) -> str:
    assert answer.status == status, answer.body
    assert answer.headers["Content-Type"].startswith("application/json")
    error = answer.json()["error"]
    assert error["code"] == code
    message = str(error["message"])
    assert message and "\n" not in message and "Traceback" not in message
    return message


# --- refused by TLS ------------------------------------------------------------------------


def test_no_client_certificate_is_refused_by_tls(intake: Running, world: World) -> None:
    assert tls_refused(Client(intake.port, world.org / "ca.pem")) is not None


def test_another_organisations_certificate_is_refused_by_tls(intake: Running, world: World) -> None:
    stranger = Client(
        intake.port,
        world.org / "ca.pem",
        world.other_org / "interviewer" / "auth-cert.pem",
        world.other_org / "interviewer" / "auth-key.pem",
    )
    assert tls_refused(stranger) is not None


def test_an_expired_certificate_is_refused_by_tls(
    intake: Running, world: World, tmp_path: Path
) -> None:
    ca_cert = pki.load_certificate((world.org / "ca.pem").read_bytes())
    ca_key = pki.load_private_key((world.org / "ca-key.pem").read_bytes())
    now = datetime.now(UTC)
    cert, key = pki.issue_authentication_certificate(
        ca_cert,
        ca_key,
        name="Interviewer One",
        organisation=pki.common_name(ca_cert) or "",
        role="interviewer",
        not_before=now - timedelta(days=30),
        not_after=now - timedelta(days=1),
    )
    (tmp_path / "cert.pem").write_bytes(pki.certificate_pem(cert))
    (tmp_path / "key.pem").write_bytes(pki.private_key_pem(key))
    expired = Client(intake.port, world.org / "ca.pem", tmp_path / "cert.pem", tmp_path / "key.pem")
    assert tls_refused(expired) is not None


@pytest.mark.parametrize(
    ("role", "cert", "key"),
    [
        ("interviewer", "cert.pem", "key.pem"),  # the signing certificate: no clientAuth
        ("intake", "tls-cert.pem", "tls-key.pem"),  # a server certificate
    ],
)
def test_a_certificate_not_for_client_authentication_is_refused(
    intake: Running, world: World, db: Database, role: str, cert: str, key: str
) -> None:
    client = intake.client(role, cert=cert, key=key)
    assert tls_refused(client) is not None
    assert nothing_kept(db)


# --- refused by the intake ------------------------------------------------------------------


def test_a_removed_member_is_refused_once_the_trust_file_changes(
    db: Database, world: World, tmp_path: Path
) -> None:
    org = tmp_path / "org"
    shutil.copytree(world.org, org)
    with running_intake(db, org) as intake:
        interviewer = intake.client()
        assert interviewer.get("/v1/trust").status == 200
        org_remove(org, "Interviewer One")
        refused = interviewer.put(f"/v1/bundles/{world.bundle_id}", world.bundle.read_bytes())
        message = one_sentence(refused, 403, "intake.unknown_member")
        assert "trust file" in message
        assert one_sentence(interviewer.get("/v1/trust"), 403, "intake.unknown_member")
        # The supervisor is still a member, and gets the new file.
        assert intake.client("supervisor").get("/v1/trust").json()["serial"] == 2
    assert nothing_kept(db)


def test_an_interviewer_cannot_fetch_the_review_queue(intake: Running) -> None:
    message = one_sentence(intake.client().get("/v1/queue"), 403, "intake.not_supervisor")
    assert "supervisor" in message and "interviewer" in message


def test_an_interviewer_cannot_deliver_a_decision(
    intake: Running, world: World, db: Database
) -> None:
    answer = intake.client().put(f"/v1/decisions/{world.decision_id}", world.decision.read_bytes())
    one_sentence(answer, 403, "intake.not_supervisor")
    assert nothing_kept(db)


def test_a_supervisor_cannot_deliver_an_interviewers_bundle(
    intake: Running, world: World, db: Database
) -> None:
    answer = intake.client("supervisor").put(
        f"/v1/bundles/{world.bundle_id}", world.bundle.read_bytes()
    )
    one_sentence(answer, 403, "intake.not_signer")
    assert nothing_kept(db)


def test_other_bytes_under_a_held_id_are_a_conflict(
    intake: Running, world: World, db: Database
) -> None:
    client = intake.client()
    path = f"/v1/bundles/{world.bundle_id}"
    assert client.put(path, world.bundle.read_bytes()).status == 201
    other = world.unaddressed.read_bytes()
    message = one_sentence(client.put(path, other), 409, "intake.bundle_id_conflict")
    assert world.bundle_id in message
    head = client.head(path, sha(other))
    assert head.status == 409 and head.headers["Quietroom-Error"] == "intake.bundle_id_conflict"
    assert count(db, "bundles") == 1
    assert store.bundle_bytes(db, world.bundle_id) == world.bundle.read_bytes()


def tampered(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


def test_a_tampered_bundle_is_refused_and_nothing_kept(
    intake: Running, world: World, db: Database
) -> None:
    answer = intake.client().put(
        f"/v1/bundles/{world.bundle_id}", tampered(world.bundle.read_bytes())
    )
    message = one_sentence(answer, 422, "verify.failed")
    assert "does not decrypt" in message
    checks = answer.json()["checks"]
    assert checks[0]["check"] == "decryption" and checks[0]["ok"] is False
    assert checks[0]["code"] == "bundle.does_not_decrypt"
    assert nothing_kept(db)


def test_a_tampered_chunked_upload_is_discarded(
    intake: Running, world: World, db: Database
) -> None:
    data = tampered(world.bundle.read_bytes())
    digest, total, path = sha(data), len(data), f"/v1/bundles/{world.bundle_id}"
    client = intake.client()
    half = total // 2
    first = client.put(path, data[:half], digest, {"Content-Range": f"bytes 0-{half - 1}/{total}"})
    assert first.status == 202
    last = client.put(
        path, data[half:], digest, {"Content-Range": f"bytes {half}-{total - 1}/{total}"}
    )
    one_sentence(last, 422, "verify.failed")
    assert client.head(path, digest).status == 404
    assert nothing_kept(db) and count(db, "upload_chunks") == 0


def test_a_bundle_not_addressed_to_the_intake_is_refused(
    intake: Running, world: World, db: Database
) -> None:
    answer = intake.client().put(
        f"/v1/bundles/{world.unaddressed_id}", world.unaddressed.read_bytes()
    )
    message = one_sentence(answer, 422, "intake.not_addressed_to_intake")
    assert "not addressed to the intake" in message
    assert nothing_kept(db)


def test_a_bundle_sent_under_another_id_is_refused(
    intake: Running, world: World, db: Database
) -> None:
    answer = intake.client().put(f"/v1/bundles/{'0' * 32}", world.bundle.read_bytes())
    message = one_sentence(answer, 422, "intake.id_mismatch")
    assert world.bundle_id in message
    assert nothing_kept(db)


def test_a_decision_on_a_bundle_the_intake_never_saw_is_refused(
    intake: Running, world: World, db: Database
) -> None:
    answer = intake.client("supervisor").put(
        f"/v1/decisions/{world.decision_id}", world.decision.read_bytes()
    )
    one_sentence(answer, 422, "intake.decision_author_unknown")
    assert nothing_kept(db)


def test_the_sha256_must_be_given_and_must_match(
    intake: Running, world: World, db: Database
) -> None:
    client = intake.client()
    path, data = f"/v1/bundles/{world.bundle_id}", world.bundle.read_bytes()
    one_sentence(client.request("PUT", path, data), 400, "intake.sha256_missing")
    one_sentence(client.put(path, data, sha(b"other")), 422, "intake.hash_mismatch")
    one_sentence(client.put(path, b"", sha(b"")), 400, "intake.empty")
    assert nothing_kept(db)


def test_bad_ranges_and_sizes_are_refused(intake: Running, world: World, db: Database) -> None:
    client = intake.client()
    path, data = f"/v1/bundles/{world.bundle_id}", world.bundle.read_bytes()
    digest = sha(data)
    for bad in ("bytes 0-9/5", "bytes 5-1/10", "items 0-9/10", "bytes 0-99999999999999/1"):
        one_sentence(
            client.put(path, data[:10], digest, {"Content-Range": bad}),
            400,
            "intake.bad_content_range",
        )
    # The body must be exactly the range.
    one_sentence(
        client.put(path, data[:10], digest, {"Content-Range": f"bytes 0-19/{len(data)}"}),
        400,
        "intake.bad_content_range",
    )
    huge = 512 * 1024 * 1024 + 1
    one_sentence(
        client.put(path, data[:10], digest, {"Content-Range": f"bytes 0-9/{huge}"}),
        413,
        "intake.too_large",
    )
    chunk = bytes(8 * 1024 * 1024 + 1)
    one_sentence(
        client.put(path, chunk, digest, {"Content-Range": f"bytes 0-{len(chunk) - 1}/{huge - 1}"}),
        413,
        "intake.chunk_too_large",
    )
    # The size of an upload is fixed by its first chunk.
    assert (
        client.put(path, data[:10], digest, {"Content-Range": f"bytes 0-9/{len(data)}"}).status
        == 202
    )
    one_sentence(
        client.put(path, data[10:20], digest, {"Content-Range": f"bytes 10-19/{len(data) + 1}"}),
        409,
        "intake.upload_size_changed",
    )
    assert count(db, "bundles") == 0


def test_bad_ids_addresses_and_methods(intake: Running) -> None:
    client = intake.client()
    one_sentence(client.get("/v1/bundles/not-an-id"), 400, "intake.bad_id")
    one_sentence(client.get("/v1/nothing"), 404, "intake.not_found")
    one_sentence(client.request("DELETE", "/v1/queue"), 405, "intake.method_not_allowed")
    one_sentence(
        client.request("POST", "/v1/bundles/" + "a" * 32, b"x"), 405, "intake.method_not_allowed"
    )


def test_only_recipients_get_a_bundle_and_others_cannot_tell_it_exists(
    intake: Running, world: World, db: Database
) -> None:
    data = b"ciphertext for someone else"
    held = "b" * 32
    store.put_bundle(
        db,
        BundleRow(
            bundle_id=held,
            ciphertext=data,
            sha256=sha(data),
            sender_fingerprint="fp",
            verification={"ok": True},
            recipients=("age1someoneelse",),
        ),
    )
    supervisor = intake.client("supervisor")
    existing = supervisor.get(f"/v1/bundles/{held}")
    missing = supervisor.get(f"/v1/bundles/{'c' * 32}")
    one_sentence(existing, 404, "intake.not_found")
    assert existing.body == missing.body
    assert supervisor.get("/v1/queue").json()["bundles"] == []
    one_sentence(supervisor.get(f"/v1/decisions/{held}"), 404, "intake.not_found")


def test_an_unexpected_failure_is_a_calm_500(
    intake: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail /var/lib/postgresql password=hunter2")

    monkeypatch.setattr(store, "queue_for", broken)
    answer = intake.client("supervisor").get("/v1/queue")
    message = one_sentence(answer, 500, "internal.unexpected")
    assert "secret" not in answer.body.decode() and "hunter2" not in message


def test_a_database_that_went_away_is_a_503_without_its_address(
    intake: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    def gone(*args: object, **kwargs: object) -> None:
        raise DatabaseUnavailable(
            "intake.db_unreachable",
            "the intake's database at {where} could not be reached: {reason}",
            where="db.internal:5432/quietroom",
            reason="Connection refused",
        )

    monkeypatch.setattr(store, "decisions_for", gone)
    answer = intake.client().get("/v1/decisions")
    one_sentence(answer, 503, "intake.db_unreachable")
    assert "db.internal" not in answer.body.decode()
    assert answer.headers["Retry-After"] == "5"


def test_a_tampered_decision_is_refused_and_nothing_kept(
    intake: Running, world: World, db: Database
) -> None:
    assert (
        intake.client().put(f"/v1/bundles/{world.bundle_id}", world.bundle.read_bytes()).status
        == 201
    )
    answer = intake.client("supervisor").put(
        f"/v1/decisions/{world.decision_id}", tampered(world.decision.read_bytes())
    )
    one_sentence(answer, 422, "decision.failed")
    assert answer.json()["checks"][0]["code"] == "decision.does_not_decrypt"
    assert count(db, "decisions") == 0 and count(db, "receipts") == 1
