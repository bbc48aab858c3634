"""Reliability §9: both entry points mark the process not dumpable (Linux), so no core
reaches disk even where the kernel pipes cores to a program that ignores the size limit
(systemd-coredump, apport). Each checked in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux"),
    pytest.mark.cli,  # fresh processes: make test runs them, make check leaves them out
]

CHECK = "from app import hygiene; print('dumpable', hygiene.dumpable())"


def fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_a_plain_python_process_is_dumpable() -> None:
    """The control: without Quietroom's start-up, the flag is set (the test can fail)."""
    assert fresh(CHECK) == "dumpable True"


def test_the_command_line_is_not_dumpable() -> None:
    code = f"from app.cli.main import main\nmain(['--help'])\n{CHECK}"
    assert fresh(code) == "dumpable False"


def test_the_desktop_app_is_not_dumpable(tmp_path: Path) -> None:
    code = (
        "import os\n"
        f"os.environ['XDG_CONFIG_HOME'] = {str(tmp_path)!r}\n"
        f"os.environ['XDG_STATE_HOME'] = {str(tmp_path)!r}\n"
        f"os.environ['QUIETROOM_VAULT'] = {str(tmp_path / 'vault')!r}\n"
        "from ui.main import start\n"
        "app, window = start([])\n"
        "window.shutdown()\n"
        f"{CHECK}"
    )
    assert fresh(code) == "dumpable False"
