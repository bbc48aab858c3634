"""quietroom-cli when the vault, the system or the caller misbehave: a busy vault, errors
from the database and the file system, Ctrl+C, a reader that stops early, parallel
writers, and the stable error codes a script reads with --json.

Every command that needs a vault runs `quietroom-cli` in a fresh interpreter against one
vault made for the module (`make_world`); each failure must be one clear line on stderr
with the documented exit code and no traceback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.vault.database import not_damage
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE, REPO, run_cli, snapshot
from tests.core.bad_input_world import XDG, assert_refused, cli, make_world

pytestmark = pytest.mark.cli


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return make_world(tmp_path_factory)


def test_a_busy_vault_is_not_called_damaged(world: dict[str, str]) -> None:
    """Another writer holding the vault longer than the busy timeout (5 s) used to be
    reported as damage, exit 3, with advice to restore a backup."""
    before = snapshot(Path(world["vault"]))
    with Vault.open(Path(world["vault"]), PASSPHRASE) as vault, vault.transaction():
        result = cli(
            world, "statement", "append", "RUN-1", "--section", "account", "--file", world["text"]
        )
    assert_refused(result, 1, "the vault is busy")
    assert "backup" not in result.stderr
    assert snapshot(Path(world["vault"])) == before


def test_json_errors_carry_the_cores_code(world: dict[str, str]) -> None:
    """With --json a script reads the stable code, not the sentence."""
    env = {name: world[name] for name in XDG}
    cases = [
        (
            ["--passphrase-file", world["wrong"], "--json", "case", "list"],
            2,
            "vault.wrong_passphrase",
        ),
        (
            ["--passphrase-file", world["pp"], "--json", "case", "show", "NOBODY-1"],
            1,
            "case.not_found",
        ),
        (["--passphrase-file", world["pp"], "--json", "case", "show"], 1, "cli.usage"),
        (
            ["--passphrase-file", world["pp"], "--json", "--no-such-option", "case", "list"],
            1,
            "cli.usage",
        ),
    ]
    for args, exit_code, code in cases:
        result = run_cli("--vault", world["vault"], *args, env=env)
        assert_refused(result, exit_code, "")
        assert json.loads(result.stdout)["error"]["code"] == code, result.stdout


def test_a_report_that_fails_holds_its_error(world: dict[str, str]) -> None:
    """verify reports every check, then fails: one JSON object with both."""
    result = run_cli(
        "verify",
        world["garbage"],
        "--identity",
        world["identity"],
        "--trust",
        world["trust"],
        "--json",
    )
    assert_refused(result, 4, "did not verify", report=True)
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["checks"]
    assert report["error"]["code"] == "verify.failed"


def test_what_database_errors_mean() -> None:
    import sqlcipher3

    assert "busy" in (not_damage(sqlcipher3.OperationalError("database is locked")) or "")
    assert "disk is full" in (
        not_damage(sqlcipher3.OperationalError("database or disk is full")) or ""
    )
    assert "read-only" in (
        not_damage(sqlcipher3.OperationalError("attempt to write a readonly database")) or ""
    )
    assert not_damage(sqlcipher3.DatabaseError("file is not a database")) is None


def test_a_file_system_error_is_one_line_not_unexpected(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read-only vault (say) fails with OSError deep in the core: say what and where."""
    from app import hygiene
    from app.cli import vault_cmds

    def read_only(ctx: Any) -> int:
        raise OSError(30, "Read-only file system", "/media/ro/vault.db")

    # In this process: keep pytest's umask and logging as they are.
    monkeypatch.setattr(hygiene, "harden_process", lambda: None)
    monkeypatch.setattr(hygiene, "configure_logging", lambda debug=False: None)
    monkeypatch.setattr(vault_cmds, "cmd_status", read_only)
    assert main(["--vault", "/media/ro", "status"]) == 1
    err = capsys.readouterr().err
    assert err == "quietroom-cli: cannot use /media/ro/vault.db: Read-only file system\n"


def test_ctrl_c_is_one_quiet_line(world: dict[str, str]) -> None:
    """Interrupted while waiting (here for a passphrase from a pipe): no traceback."""
    fifo = world["fifo"]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.cli.main",
            "--vault",
            world["vault"],
            "--passphrase-file",
            fifo,
            "status",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl+C reaches the program even when this test runs in the
        # background (where the shell has SIGINT ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    writer = None
    try:
        deadline = time.monotonic() + 60
        while writer is None:  # until the CLI has opened the pipe and waits to read it
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr
                time.sleep(0.05)
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if writer is not None:
            os.close(writer)
        proc.kill()
    assert (proc.returncode, out, err) == (130, "", "quietroom-cli: interrupted\n")


def test_a_reader_that_stops_early_gets_no_error(world: dict[str, str]) -> None:
    """`quietroom-cli … | head -1`: no 'unexpected error (BrokenPipeError)' twice."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already gone
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.cli.main",
            "--vault",
            world["vault"],
            "--passphrase-file",
            world["pp"],
            "case",
            "list",
        ],
        cwd=REPO,
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write_end)
    _, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (141, "")


def test_parallel_appends_all_land_and_the_chain_holds(
    world: dict[str, str], tmp_path: Path
) -> None:
    cli(world, "case", "create", "--category", "general", "--reference", "PAR-1")
    env = dict(os.environ)
    procs = []
    for i in range(10):
        (tmp_path / f"{i}.txt").write_text(f"line {i}\n", encoding="utf-8")
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "app.cli.main",
                    "--vault",
                    world["vault"],
                    "--passphrase-file",
                    world["pp"],
                    "statement",
                    "append",
                    "PAR-1",
                    "--section",
                    "account",
                    "--file",
                    str(tmp_path / f"{i}.txt"),
                ],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    assert all(rc == 0 and not err for rc, err in results), results
    shown = json.loads(cli(world, "--json", "statement", "show", "PAR-1").stdout)
    assert sorted(shown["text"].splitlines()) == sorted(f"line {i}" for i in range(10))
    verified = json.loads(cli(world, "--json", "audit", "verify", "PAR-1").stdout)
    assert verified["intact"] and verified["entries"] == 12  # create, 10 edits, 1 view
