"""Start-up cost (hardening §6): a command loads only the command modules it names, the
light ones load no PDF, signing or network library, and finding the keyring backend runs
no ldconfig or gcc (ctypes.util.find_library). The figures are in bench/startup.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.cli.main import COMMAND_MODULES, MODULE_ORDER, build_parser
from tests.conftest import REPO


def choices(words: list[str] | None) -> set[str]:
    parser = build_parser(words)
    [sub] = [a for a in parser._actions if a.dest == "command"]  # argparse's subparsers
    return set(sub.choices)  # type: ignore[arg-type]


def test_the_table_names_every_command_each_module_registers() -> None:
    assert choices(None) == set(COMMAND_MODULES)
    assert set(COMMAND_MODULES.values()) == set(MODULE_ORDER)
    for command, module in COMMAND_MODULES.items():
        same_module = {c for c, m in COMMAND_MODULES.items() if m == module}
        assert choices([command]) == same_module, command


def test_an_unknown_command_still_lists_every_command() -> None:
    assert choices(["nonsense"]) == set(COMMAND_MODULES)
    # A vault folder that happens to be called like a command: both are registered.
    assert choices(["--vault", "case", "status"]) == {
        c for c, m in COMMAND_MODULES.items() if m in ("case", "vault")
    }


def fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.cli  # fresh processes: make test runs it, make check leaves it out
def test_everyday_commands_load_no_pdf_signing_or_network_library() -> None:
    heavy = ("pyhanko", "reportlab", "pypdfium2", "httpx", "aiohttp", "PySide6")
    for words in (["status"], ["case", "list"], ["witness", "set", "X"], ["sitting", "pause"]):
        loaded = fresh(
            "import sys\n"
            "from app.cli.main import build_parser\n"
            f"build_parser({words!r})\n"
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(heavy)!r}))"
        )
        assert loaded == "[]", (words, loaded)


@pytest.mark.cli
def test_finding_the_keyring_backend_runs_no_library_probe() -> None:
    """keyring's own discovery imports its macOS backend, whose import calls
    ctypes.util.find_library: ldconfig and gcc, three times each, on Linux."""
    calls = fresh(
        "import ctypes.util\n"
        "calls = []\n"
        "ctypes.util.find_library = lambda name: calls.append(name)\n"
        "from crypto import keyring_binding\n"
        "from crypto.errors import KeyringUnavailable\n"
        "try:\n"
        "    keyring_binding.find_backend()\n"
        "except KeyringUnavailable:\n"
        "    pass\n"
        "print(calls)"
    )
    assert calls == "[]"
