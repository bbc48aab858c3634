"""`quietroom-cli sync …`, `export --send`, `review decide --send` and `review fetch`,
run as a user would (child processes) against the real intake over TLS: the JSON
shapes, exit code 5 for an intake that cannot be reached, one clear line for bad input
with nothing changed, and `sync run` stopping cleanly on SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake.db import Database
from tests.conftest import PASSPHRASE, REPO, run_cli
from tests.intake.harness import Running, free_tcp_port, running_intake
from tests.intake.sync_world import CASE, SyncWorld, build_sync_world, localhost

pytestmark = pytest.mark.cli

_WORLD: SyncWorld | None = None


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> SyncWorld:
    global _WORLD
    if _WORLD is None:
        _WORLD = build_sync_world(tmp_path_factory.mktemp("sync-cli-world"))
    return _WORLD


@pytest.fixture
def intake(db: Database, world: SyncWorld) -> Iterator[Running]:
    with running_intake(db, world.org) as running:
        yield running


class Member:
    """quietroom-cli bound to a fresh copy of a member's vault."""

    def __init__(self, vault: Path, passphrase_file: Path) -> None:
        self.vault, self.passphrase_file = vault, passphrase_file

    def __call__(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return run_cli("--vault", self.vault, "--passphrase-file", self.passphrase_file, *args)

    def json(self, *args: str | Path, code: int = 0) -> Any:
        result = self(*args, "--json")
        assert result.returncode == code, (result.returncode, result.stderr)
        assert "Traceback" not in result.stderr
        return json.loads(result.stdout)


def member(world: SyncWorld, tmp_path: Path, role: str, url: str | None) -> Member:
    engine = world.interviewer(url) if role == "interviewer" else world.supervisor(url)
    root = engine.vault.root
    engine.vault.close()
    secret = tmp_path / f"{role}.pass"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    secret.chmod(0o600)
    return Member(root, secret)


def one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def offline_url() -> str:
    return f"https://localhost:{free_tcp_port()}"


def test_configure_status_and_bad_addresses(world: SyncWorld, tmp_path: Path) -> None:
    cli = member(world, tmp_path, "interviewer", None)
    trust_url = json.loads((world.org / "trust.json").read_text())["intake_url"]
    assert cli.json("sync", "status") == {"url": trust_url, "items": []}
    for bad in ("http://localhost:8443", "https://", "https://h/path", "https://u:p@h", "x"):
        assert "is not an intake address" in one_line(cli("sync", "configure", "--url", bad), 1)
    assert cli.json("sync", "status")["url"] == trust_url  # nothing stored
    done = cli.json("sync", "configure", "--url", "https://intake.example:9443/")
    assert done == {"url": "https://intake.example:9443", "effective_url": done["url"]}
    assert cli.json("sync", "configure", "--clear")["effective_url"] == trust_url
    one_line(cli("sync", "configure"), 1)  # --url or --clear


def test_export_send_offline_queues_and_sync_run_once_says_5(
    world: SyncWorld, tmp_path: Path
) -> None:
    cli = member(world, tmp_path, "interviewer", offline_url())
    result = cli("export", CASE, "--send", "--json")
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout)
    assert made["out"] is None and made["queued"] is True
    assert made["delivery"]["state"] == "queued"
    assert "queued in the outbox" in one_line(result, 0)

    offline = cli("sync", "run", "--once", "--json")
    assert "could not be reached" in one_line(offline, 5)
    report = json.loads(offline.stdout)
    assert report["reached"] is False
    assert report["error"]["code"] == "sync.unreachable"
    [item] = cli.json("sync", "status")["items"]
    assert item["bundle_id"] == made["bundle_id"]
    assert (item["state"], item["bytes_sent"], item["receipt"]) == ("queued", 0, None)
    assert item["kind"] == "bundle" and item["size"] == made["bytes"]
    # No receipt to write out yet: one line, exit 1, no folder made.
    none = cli("sync", "receipt", made["bundle_id"], "--out", tmp_path / "receipt")
    assert "has no receipt yet (queued)" in one_line(none, 1)
    assert not (tmp_path / "receipt").exists()


def test_sync_run_once_delivers_and_status_shows_the_receipt(
    world: SyncWorld, tmp_path: Path, intake: Running
) -> None:
    cli = member(world, tmp_path, "interviewer", localhost(intake.url))
    out = tmp_path / "copy.qrb"
    made = cli.json("export", CASE, "--send", "--out", out)
    assert made["out"] == str(out) and out.is_file()
    assert made["delivery"]["state"] == "delivered"
    assert made["delivery"]["receipt"]["id"] == made["bundle_id"]
    report = cli.json("sync", "run", "--once")
    assert report["reached"] is True and report["delivered"] == []
    [item] = cli.json("sync", "status")["items"]
    assert set(item) >= {"bundle_id", "kind", "state", "bytes_sent", "size", "receipt", "reason"}
    assert item["state"] == "delivered" and item["bytes_sent"] == item["size"]
    assert item["receipt"]["sha256"] == item["sha256"]
    shown = cli.json("case", "show", CASE)
    assert shown["deliveries"][0]["state"] == "delivered"


def test_review_fetch_for_supervisors_only_and_5_when_offline(
    world: SyncWorld, tmp_path: Path, intake: Running
) -> None:
    interviewer = member(world, tmp_path, "interviewer", localhost(intake.url))
    made = interviewer.json("export", CASE, "--send")
    assert made["delivery"]["state"] == "delivered"
    assert "supervisor" in one_line(interviewer("review", "fetch"), 1)

    supervisor = member(world, tmp_path, "supervisor", offline_url())
    assert "could not be reached" in one_line(supervisor("review", "fetch"), 5)
    supervisor.json("sync", "configure", "--url", localhost(intake.url))
    fetched = supervisor.json("review", "fetch")
    [opened] = fetched["opened"]
    assert opened["bundle_id"] == made["bundle_id"]
    assert supervisor.json("review", "fetch")["opened"] == []
    comments = tmp_path / "comments.txt"
    comments.write_text("Please ask about the second date.\n")
    decided = supervisor.json(
        "review", "decide", opened["review_id"], "--return", "--comments-file", comments, "--send"
    )
    assert decided["path"] is None and decided["delivery"]["state"] == "delivered"
    back = interviewer.json("sync", "run", "--once")
    assert [d["decision_id"] for d in back["imported"]] == [decided["decision_id"]]
    assert interviewer.json("case", "show", CASE)["reviews"][0]["decision"] == "returned"


def test_bad_input_is_one_line_and_changes_nothing(world: SyncWorld, tmp_path: Path) -> None:
    cli = member(world, tmp_path, "interviewer", offline_url())
    before = cli.json("sync", "status")
    assert "--out" in one_line(cli("export", CASE), 1)
    assert "--interval" in one_line(cli("sync", "run", "--interval", "0"), 1)
    assert "outbox" in one_line(cli("sync", "retry", "0" * 32), 1)
    one_line(cli("sync", "run", "--interval", "soon"), 1)
    after = cli.json("sync", "status")
    assert after == before


def test_sync_run_keeps_going_offline_and_stops_cleanly_on_sigterm(
    world: SyncWorld, tmp_path: Path
) -> None:
    cli = member(world, tmp_path, "interviewer", offline_url())
    args = ["--vault", cli.vault, "--passphrase-file", cli.passphrase_file]
    child = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", *map(str, args), "sync", "run", "--json"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        first = json.loads(child.stdout.readline())  # one JSON line per pass
        assert first["reached"] is False and first["unreachable"] == "connect"
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
