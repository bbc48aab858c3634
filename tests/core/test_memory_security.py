"""Keys §7: the desktop app turns SQLCipher's memory security on at start-up, before any
vault is opened, because its process outlives every lock; a command-line process, which
ends with its command, is left without the cost (docs/threat-model.md has the figures).
Each checked in a fresh process, as the setting is process-wide and cannot be undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_not_dumpable import fresh

pytestmark = pytest.mark.cli  # fresh processes: make test runs them, make check does not

CHECK = (
    "import sqlcipher3\n"
    "c = sqlcipher3.connect(':memory:')\n"
    "print('memory security', c.execute('PRAGMA cipher_memory_security').fetchone()[0])"
)


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
