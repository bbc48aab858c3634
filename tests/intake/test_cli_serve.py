"""`quietroom-intake dev` and `serve` as an operator runs them: each starts the real
server in a child process, prints where it serves, answers a member over mutual TLS,
and stops cleanly (exit 0) on Ctrl+C or SIGTERM; a configuration or database it cannot
use is one line on stderr."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.org import org_init
from intake.migrations import migrate
from tests.conftest import REPO
from tests.intake.harness import Client, free_tcp_port

pytestmark = pytest.mark.cli

START_TIMEOUT = 120.0


@contextmanager
def intake_process(*args: str) -> Iterator[tuple[subprocess.Popen[str], queue.Queue[str]]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "intake.cli", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put("")  # the end

    threading.Thread(target=pump, daemon=True).start()
    try:
        yield proc, lines
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)


def wait_for(lines: queue.Queue[str], text: str, proc: subprocess.Popen[str]) -> list[str]:
    seen = []
    while True:
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"no line with {text!r} yet: {seen}") from None
        seen.append(line)
        if text in line:
            return seen
        if line == "" and proc.poll() is not None:
            stderr = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"the intake ended: {seen} {stderr}")


def rest(lines: queue.Queue[str]) -> list[str]:
    out = []
    while (line := lines.get(timeout=60)) != "":
        out.append(line)
    return out


def test_dev_serves_the_organisation_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_tcp_port()
    org = tmp_path / "org"
    org_init(org, intake_url=f"https://localhost:{port}")
    with intake_process("dev", "--org", str(org)) as (proc, lines):
        seen = wait_for(lines, "press Ctrl+C", proc)
        assert f"the intake is serving at https://localhost:{port}" in seen
        assert any(str((org / "ca.pem").resolve()) in line for line in seen)
        answer = Client.for_member(port, org, "supervisor").get("/v1/queue")
        assert answer.status == 200 and answer.json() == {"bundles": [], "next": None}
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 0
        assert rest(lines)[-1] == "the intake stopped and its throwaway database was removed"
        assert proc.stderr is not None and "Traceback" not in proc.stderr.read()


def write_config(tmp_path: Path, dsn: str, org: Path, port: int, **extra: str) -> Path:
    config = tmp_path / "intake.toml"
    lines = [
        f'dsn = "{dsn}"',
        "[listen]",
        'host = "127.0.0.1"',
        f"port = {port}",
        "[trust]",
        f'file = "{org / "trust.json"}"',
        "reload_seconds = 1",
        "[identity]",
        'folder = "org/intake"',
        "[pool]",
        "min_size = 1",
        "max_size = 4",
        *(f"{key} = {value}" for key, value in extra.items()),
    ]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def test_serve_runs_from_its_configuration_and_stops_on_sigterm(dsn: str, tmp_path: Path) -> None:
    org = tmp_path / "org"
    org_init(org)
    migrate(dsn)
    port = free_tcp_port()
    config = write_config(tmp_path, dsn, org, port)
    with intake_process("serve", "--config", str(config)) as (proc, lines):
        wait_for(lines, f"the intake is serving on 127.0.0.1:{port}", proc)
        answer = Client.for_member(port, org, "interviewer").get("/v1/trust")
        assert answer.status == 200 and answer.json()["serial"] == 1
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
        assert rest(lines)[-1] == "the intake stopped"


def one_line_failure(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "intake.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("quietroom-intake: "), done.stderr
    return lines[0]


def test_serve_refuses_a_database_that_was_not_migrated(dsn: str, tmp_path: Path) -> None:
    org = tmp_path / "org"
    org_init(org)
    config = write_config(tmp_path, dsn, org, free_tcp_port())
    assert "run 'quietroom-intake migrate'" in one_line_failure("serve", "--config", str(config))


def test_serve_refuses_a_configuration_it_cannot_use(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org_init(org)
    config = write_config(tmp_path, "postgresql://u@127.0.0.1:1/db", org, 8443, colour='"blue"')
    line = one_line_failure("serve", "--config", str(config))
    assert "unknown keys" in line and "colour" in line
    missing = one_line_failure("serve", "--config", str(tmp_path / "nothing.toml"))
    assert "cannot read the configuration" in missing


def test_dev_refuses_a_folder_that_is_not_an_organisation(tmp_path: Path) -> None:
    line = one_line_failure("dev", "--org", str(tmp_path))
    assert "trust file" in line
