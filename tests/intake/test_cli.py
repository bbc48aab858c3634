"""`quietroom-intake` as an operator runs it: `migrate` against the real cluster, and
every failure one line on stderr with no traceback."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from intake.cluster import free_port
from intake.migrations import LATEST
from tests.conftest import REPO


def intake_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "intake.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("quietroom-intake: ")
    return lines[0]


def test_migrate_prints_from_and_to(dsn: str) -> None:
    first = intake_cli("migrate", "--dsn", dsn)
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout == f"migrated the intake database: schema version 0 -> {LATEST}\n"
    again = intake_cli("migrate", "--dsn", dsn)
    assert again.returncode == 0
    assert again.stdout == f"the intake database is at schema version {LATEST}; nothing to do\n"


def test_an_unreachable_database_is_one_line() -> None:
    port = free_port()
    done = intake_cli("migrate", "--dsn", f"postgresql://u:pw1234@127.0.0.1:{port}/db")
    assert done.returncode == 1 and done.stdout == ""
    line = one_clean_line(done.stderr)
    assert f"127.0.0.1:{port}/db could not be reached" in line and "pw1234" not in line


def test_a_malformed_dsn_is_one_line() -> None:
    done = intake_cli("migrate", "--dsn", "postgresql://u:pw@[::1")
    assert done.returncode == 1
    assert "not a valid PostgreSQL connection string" in one_clean_line(done.stderr)


def test_usage_errors_are_one_line() -> None:
    for args in ((), ("migrate",), ("serve",)):
        done = intake_cli(*args)
        assert done.returncode == 1, args
        one_clean_line(done.stderr)
    assert intake_cli("--help").returncode == 0


def test_the_console_script_and_the_extra_are_declared() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["quietroom-intake"] == "intake.cli:main"
    extra = project["optional-dependencies"]["intake"]
    assert any(d.startswith("psycopg[binary]") for d in extra)
    assert any(d.startswith("psycopg-pool") for d in extra)
