"""Keys §7: the desktop app turns SQLCipher's memory security on at start-up, before any
vault is opened, because its process outlives every lock; a command-line process, which
ends with its command, is left without the cost (docs/threat-model.md has the figures).
Each checked in a fresh process, as the setting is process-wide and cannot be undone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.cli  # fresh processes: make test runs them, make check does not

CHECK = (
    "import sqlcipher3\n"
    "c = sqlcipher3.connect(':memory:')\n"
    "print('memory security', c.execute('PRAGMA cipher_memory_security').fetchone()[0])"
)


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


def test_off_in_a_plain_process() -> None:
    """The control: the check can see it off."""
    assert fresh(CHECK) == "memory security 0"


def test_on_in_the_desktop_app(tmp_path: Path) -> None:
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
    assert fresh(code) == "memory security 1"
