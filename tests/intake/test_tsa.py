"""The intake as the organisation's RFC 3161 time-stamping authority, against the real
intake over mutual TLS: a query made by `openssl ts -query`, sent with `curl` and a
member's certificate, is answered with a reply `openssl ts -verify` accepts with the
organisation's CA (the TSA certificate given as untrusted); the token says what the
policy says; queries the TSA will not stamp get a rejection, never a 500; the sync
client's `request_token` gets tokens it checks; an intake identity whose time-stamping
certificate is not the trust file's is refused."""

from __future__ import annotations

import asyncio
import dataclasses
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import algos, cms, tsp
from cryptography.hazmat.primitives.serialization import Encoding

from app.engine.engine import Engine
from app.errors import UsageError
from app.org.trust import trust_from_bytes
from app.sync.client import IntakeClient
from app.sync.stamper import IntakeTimeStamper, request_token
from app.sync.timestamps import TimeStampResp, TokenError, check_token
from app.vault.vault import Vault
from crypto import pki
from intake.db import Database
from intake.identity import load_intake_identity
from intake.tsa import ACCURACY_SECONDS, MAX_QUERY_BYTES, POLICY_OID
from tests.conftest import FAST_KDF, PASSPHRASE, require_tool
from tests.intake.harness import Running, World, get_world, running_intake
from tests.intake.sync_world import import_member, localhost

pytestmark = pytest.mark.slow

QUERY = "application/timestamp-query"


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return get_world(tmp_path_factory)


@pytest.fixture
def intake(db: Database, world: World) -> Iterator[Running]:
    with running_intake(db, world.org) as running:
        yield running


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=120, check=False
    )


def openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run(require_tool("openssl"), *args)


def curl_post(
    intake: Running, world: World, body: Path, out: Path, *, content_type: str = QUERY
) -> str:
    """POST `body` to /v1/timestamp with curl and the member's certificate; the status."""
    folder = world.org / "interviewer"
    done = run(
        require_tool("curl"),
        "--silent",
        "--show-error",
        "--cert",
        folder / "auth-cert.pem",
        "--key",
        folder / "auth-key.pem",
        "--cacert",
        world.org / "ca.pem",
        "-H",
        f"Content-Type: {content_type}",
        "--data-binary",
        f"@{body}",
        "--output",
        out,
        "--write-out",
        "%{http_code}",
        f"{intake.url}/v1/timestamp",
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def query(tmp: Path, *flags: str, data: bytes = b"a file to stamp\n") -> Path:
    (tmp / "data.bin").write_bytes(data)
    made = openssl("ts", "-query", "-data", tmp / "data.bin", *flags, "-out", tmp / "q.tsq")
    assert made.returncode == 0, made.stderr
    return tmp / "q.tsq"


def reply(path: Path) -> TimeStampResp:
    response = TimeStampResp.load(path.read_bytes())
    _ = response.native
    return response


def tst_info(token: cms.ContentInfo) -> tsp.TSTInfo:
    info = token["content"]["encap_content_info"]["content"].parsed
    assert isinstance(info, tsp.TSTInfo)
    return info


def test_openssl_query_sent_with_curl_is_stamped_and_openssl_verifies_it(
    intake: Running, world: World, tmp_path: Path
) -> None:
    asked = datetime.now(UTC)
    q = query(tmp_path, "-sha256", "-cert")
    assert curl_post(intake, world, q, tmp_path / "resp.tsr") == "200"
    tsa_cert = world.org / "intake" / "timestamp-cert.pem"
    checked = openssl(
        "ts", "-verify", "-in", tmp_path / "resp.tsr", "-queryfile", q,
        "-CAfile", world.org / "ca.pem", "-untrusted", tsa_cert,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Verification: OK" in checked.stdout
    # The same reply against another file's query does not verify.
    other = tmp_path / "other"
    other.mkdir()
    checked = openssl(
        "ts", "-verify", "-in", tmp_path / "resp.tsr",
        "-queryfile", query(other, "-sha256", "-cert", data=b"another file\n"),
        "-CAfile", world.org / "ca.pem", "-untrusted", tsa_cert,
    )  # fmt: skip
    assert checked.returncode != 0

    # What the token says: the documented policy, accuracy, a 128-bit serial, the nonce
    # echoed, genTime from the server's clock, the certificate because certReq was set.
    response = reply(tmp_path / "resp.tsr")
    assert response["status"]["status"].native == "granted"
    token = response["time_stamp_token"]
    info = tst_info(token)
    request = tsp.TimeStampReq.load(q.read_bytes())
    assert info["policy"].dotted == POLICY_OID and POLICY_OID.startswith("2.25.")
    assert info["accuracy"]["seconds"].native == ACCURACY_SECONDS
    assert info["nonce"].native == request["nonce"].native is not None
    assert 0 < info["serial_number"].native < 2**128
    assert info["message_imprint"].dump() == request["message_imprint"].dump()
    gen_time = info["gen_time"].native
    assert asked - timedelta(seconds=2) <= gen_time <= datetime.now(UTC) + timedelta(seconds=1)
    embedded = [c.chosen.dump() for c in token["content"]["certificates"]]
    assert embedded == [pki.load_certificate(tsa_cert.read_bytes()).public_bytes(Encoding.DER)]
    stamped = check_token(token.dump(), intake.trust.trust)
    assert stamped.gen_time == gen_time and stamped.policy == POLICY_OID


def test_without_cert_req_the_token_holds_no_certificate(
    intake: Running, world: World, tmp_path: Path
) -> None:
    q = query(tmp_path, "-sha512")
    assert curl_post(intake, world, q, tmp_path / "resp.tsr") == "200"
    token = reply(tmp_path / "resp.tsr")["time_stamp_token"]
    assert not token["content"]["certificates"].native
    assert tst_info(token)["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha512"
    # The certificate comes from the trust file then, as openssl's -untrusted.
    checked = openssl(
        "ts", "-verify", "-in", tmp_path / "resp.tsr", "-queryfile", q,
        "-CAfile", world.org / "ca.pem", "-untrusted", world.org / "intake" / "timestamp-cert.pem",
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    check_token(token.dump(), intake.trust.trust)


def _imprint_query(algorithm: str, digest: bytes, **more: object) -> bytes:
    return bytes(
        tsp.TimeStampReq(
            {
                "version": "v1",
                "message_imprint": tsp.MessageImprint(
                    {
                        "hash_algorithm": algos.DigestAlgorithm({"algorithm": algorithm}),
                        "hashed_message": digest,
                    }
                ),
                "cert_req": True,
                **more,
            }
        ).dump()
    )


@pytest.mark.parametrize(
    ("name", "body", "fail_info"),
    [
        ("sha1", _imprint_query("sha1", bytes(20)), "bad_alg"),
        ("md5", _imprint_query("md5", bytes(16)), "bad_alg"),
        ("short sha256", _imprint_query("sha256", bytes(20)), "bad_data_format"),
        ("long sha384", _imprint_query("sha384", bytes(64)), "bad_data_format"),
        ("not DER", b"\x30\x03\x02\x01", "bad_data_format"),
        ("text", b"please stamp this", "bad_data_format"),
        ("policy", _imprint_query("sha256", bytes(32), req_policy="1.2.3.4"), "unaccepted_policy"),
        ("version 2", _imprint_query("sha256", bytes(32), version=2), "bad_request"),
    ],
)  # fmt: skip
def test_a_query_it_will_not_stamp_gets_a_rejection_not_an_error(
    intake: Running, world: World, tmp_path: Path, name: str, body: bytes, fail_info: str
) -> None:
    (tmp_path / "q.tsq").write_bytes(body)
    assert curl_post(intake, world, tmp_path / "q.tsq", tmp_path / "resp.tsr") == "200", name
    status = reply(tmp_path / "resp.tsr")["status"]
    assert status["status"].native == "rejection"
    assert status["fail_info"].native == {fail_info}
    assert status["status_string"].native
    shown = openssl("ts", "-reply", "-in", tmp_path / "resp.tsr", "-text")
    assert shown.returncode == 0 and "Status: Rejected" in shown.stdout, shown.stdout


def test_openssl_sha1_query_is_rejected_with_bad_alg(
    intake: Running, world: World, tmp_path: Path
) -> None:
    q = query(tmp_path, "-sha1", "-cert")
    assert curl_post(intake, world, q, tmp_path / "resp.tsr") == "200"
    shown = openssl("ts", "-reply", "-in", tmp_path / "resp.tsr", "-text")
    assert "Status: Rejected" in shown.stdout and "unrecognized or unsupported algorithm" in (
        shown.stdout
    ), shown.stdout


def test_oversized_or_mistyped_queries_are_refused(
    intake: Running, world: World, tmp_path: Path
) -> None:
    (tmp_path / "big").write_bytes(b"\x30" * (MAX_QUERY_BYTES + 1))
    assert curl_post(intake, world, tmp_path / "big", tmp_path / "answer") == "413"
    assert b"intake.timestamp_query_too_large" in (tmp_path / "answer").read_bytes()
    q = query(tmp_path, "-sha256")
    status = curl_post(
        intake, world, q, tmp_path / "answer", content_type="application/octet-stream"
    )
    assert status == "415"
    assert b"intake.not_a_timestamp_query" in (tmp_path / "answer").read_bytes()
    # A query of exactly the limit is read (and, not being one, rejected in the reply).
    (tmp_path / "edge").write_bytes(b"\x00" * MAX_QUERY_BYTES)
    assert curl_post(intake, world, tmp_path / "edge", tmp_path / "resp.tsr") == "200"
    assert reply(tmp_path / "resp.tsr")["status"]["status"].native == "rejection"


def test_the_sync_client_asks_for_a_token_and_checks_it(
    intake: Running, world: World, tmp_path: Path
) -> None:
    engine = Engine(
        Vault.create(tmp_path / "vault", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    )
    try:
        import_member(engine, world.org, "supervisor")
        trust = engine.trust()
        assert trust is not None
        digest = bytes(range(32))
        with IntakeClient(localhost(intake.url), trust, engine.identity()) as client:
            token = request_token(client, trust, digest)
            wide = request_token(client, trust, bytes(64), algorithm="sha512")
            # As pyHanko's signer would ask (its async TimeStamper interface).
            stamper = IntakeTimeStamper(client, trust)
            for_pdf = asyncio.run(stamper.async_timestamp(digest, "sha256"))
    finally:
        engine.vault.close()
    stamped = check_token(token, trust, digest=digest)
    assert check_token(for_pdf.dump(), trust, digest=digest).serial != stamped.serial
    assert stamped.signer == intake.identity.timestamp[0]  # type: ignore[index]
    assert check_token(wide, trust, digest=bytes(64), algorithm="sha512").algorithm == "sha512"
    with pytest.raises(TokenError, match="another digest"):
        check_token(token, trust, digest=bytes(32))
    (tmp_path / "token.der").write_bytes(token)
    checked = openssl(
        "ts", "-verify", "-digest", digest.hex(), "-in", tmp_path / "token.der", "-token_in",
        "-CAfile", world.org / "ca.pem", "-untrusted", world.org / "intake" / "timestamp-cert.pem",
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_an_identity_stamping_with_a_certificate_the_trust_file_does_not_list_is_refused(
    world: World,
) -> None:
    ca = pki.load_certificate((world.org / "ca.pem").read_bytes())
    identity = load_intake_identity(world.org / "intake", None, ca)
    trust = trust_from_bytes(
        (world.org / "trust.json").read_bytes(), (world.org / "trust.json.p7s").read_bytes(), ca
    )
    identity.check_against(trust)
    # Its time-stamping pair swapped for another organisation's (a genuine TSA pair).
    other = world.other_org / "intake"
    foreign = pki.load_pem_pair(
        (other / "timestamp-cert.pem").read_bytes(), (other / "timestamp-key.pem").read_bytes()
    )
    for pair in (foreign, None):
        swapped = dataclasses.replace(identity, timestamp=pair)
        with pytest.raises(UsageError) as refused:
            swapped.check_against(trust)
        assert refused.value.code == "intake.identity_not_in_trust"
        assert "time-stamping" in str(refused.value)
