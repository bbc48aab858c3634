"""Third-party clients against the real intake: `curl` with a member's certificate
delivers a bundle (whole, then another in chunks resumed with HEAD) and gets a receipt
that `openssl cms -verify` accepts with the organisation's CA alone; `curl` without a
certificate is refused during the TLS handshake (no HTTP status at all)."""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.db import Database
from tests.conftest import require_tool
from tests.intake.harness import Running, World, get_world, running_intake, sha

pytestmark = pytest.mark.slow


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return get_world(tmp_path_factory)


@pytest.fixture
def intake(db: Database, world: World) -> Iterator[Running]:
    with running_intake(db, world.org) as running:
        yield running


def curl(
    intake: Running, world: World, *args: str | Path, member: str | None = "interviewer"
) -> subprocess.CompletedProcess[str]:
    tool = require_tool("curl")
    who: list[str | Path] = []
    if member is not None:
        folder = world.org / member
        who = ["--cert", folder / "auth-cert.pem", "--key", folder / "auth-key.pem"]
    return subprocess.run(
        [tool, "--silent", "--show-error", *who, "--cacert", world.org / "ca.pem", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def openssl_accepts(
    tmp_path: Path, world: World, answer: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    receipt, signature = tmp_path / "receipt.json", tmp_path / "receipt.p7s"
    receipt.write_bytes(base64.b64decode(answer["receipt"]))
    signature.write_bytes(base64.b64decode(answer["signature"]))
    return subprocess.run(
        [
            require_tool("openssl"),
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            signature,
            "-content",
            receipt,
            "-CAfile",
            world.org / "ca.pem",
            "-out",
            tmp_path / "verified.json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_curl_delivers_a_bundle_and_openssl_verifies_the_receipt(
    intake: Running, world: World, tmp_path: Path
) -> None:
    data = world.bundle.read_bytes()
    url = f"{intake.url}/v1/bundles/{world.bundle_id}"
    done = curl(
        intake,
        world,
        "-T",
        world.bundle,
        "-H",
        f"Quietroom-Sha256: {sha(data)}",
        "--write-out",
        "\n%{http_code}",
        url,
    )
    assert done.returncode == 0, done.stderr
    body, status = done.stdout.rsplit("\n", 1)
    assert status == "201", body
    answer = json.loads(body)
    checked = openssl_accepts(tmp_path, world, answer)
    assert checked.returncode == 0, checked.stderr
    assert "Verification successful" in checked.stderr
    receipt = json.loads((tmp_path / "verified.json").read_text(encoding="utf-8"))
    assert receipt["id"] == world.bundle_id and receipt["sha256"] == sha(data)
    # A receipt.json changed by one byte does not verify.
    (tmp_path / "receipt.json").write_text(
        (tmp_path / "receipt.json").read_text().replace("passed", "Passed"), encoding="utf-8"
    )
    forged = subprocess.run(
        [
            require_tool("openssl"),
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            tmp_path / "receipt.p7s",
            "-content",
            tmp_path / "receipt.json",
            "-CAfile",
            world.org / "ca.pem",
            "-out",
            "/dev/null",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert forged.returncode != 0


def test_curl_resumes_a_chunked_upload(intake: Running, world: World, tmp_path: Path) -> None:
    data = world.bundle.read_bytes()
    digest, total = sha(data), len(data)
    url = f"{intake.url}/v1/bundles/{world.bundle_id}"
    half = total // 2
    (tmp_path / "part1").write_bytes(data[:half])
    (tmp_path / "part2").write_bytes(data[half:])
    header = f"Quietroom-Sha256: {digest}"
    first = curl(
        intake,
        world,
        "-T",
        tmp_path / "part1",
        "-H",
        header,
        "-H",
        f"Content-Range: bytes 0-{half - 1}/{total}",
        "--write-out",
        "\n%{http_code}",
        url,
    )
    assert first.stdout.rsplit("\n", 1)[1] == "202", first.stdout
    head = curl(intake, world, "--head", "-H", header, url)
    assert head.returncode == 0, head.stderr
    headers = dict(line.split(": ", 1) for line in head.stdout.splitlines()[1:] if ": " in line)
    offset = int({k.lower(): v for k, v in headers.items()}["upload-offset"])
    assert offset == half
    last = curl(
        intake,
        world,
        "-T",
        tmp_path / "part2",
        "-H",
        header,
        "-H",
        f"Content-Range: bytes {offset}-{total - 1}/{total}",
        "--write-out",
        "\n%{http_code}",
        url,
    )
    body, status = last.stdout.rsplit("\n", 1)
    assert status == "201", body
    assert openssl_accepts(tmp_path, world, json.loads(body)).returncode == 0


def test_curl_without_a_certificate_is_refused_at_tls(
    intake: Running, world: World, db: Database
) -> None:
    data = world.bundle.read_bytes()
    url = f"{intake.url}/v1/bundles/{world.bundle_id}"
    upload = ("-T", world.bundle, "-H", f"Quietroom-Sha256: {sha(data)}")
    # TLS 1.3: the server checks the client's certificate after the client's last
    # handshake message and closes the connection: no HTTP answer ever comes (curl: 52
    # "empty reply" or 56 "recv failure", status 000).
    done = curl(intake, world, *upload, "--write-out", "%{http_code}", url, member=None)
    assert done.returncode in (35, 52, 56), done.stderr
    assert done.stdout.strip() == "000"
    # TLS 1.2: the handshake itself fails (curl: 35, an SSL connect error).
    done = curl(
        intake, world, "--tls-max", "1.2", *upload, "--write-out", "%{http_code}", url, member=None
    )
    assert done.returncode == 35, done.stderr
    assert done.stdout.strip() == "000" and "SSL" in done.stderr
    with db.connection() as conn:
        row = conn.execute("SELECT count(*) FROM bundles").fetchone()
    assert row is not None and row[0] == 0
