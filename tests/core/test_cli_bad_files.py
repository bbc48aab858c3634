"""Text and files quietroom-cli must refuse, or must accept: one clear line on stderr, the
documented exit code, no traceback, and the vault exactly as it was.

Every command runs `quietroom-cli` in a fresh interpreter against one vault made for the
module (`make_world`): names in other scripts, a section grown past its limit, text the
PDF cannot show, outputs that cannot be written, huge files refused without being read
(the child's peak memory is measured), and a vault whose files are not what they seem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli, snapshot
from tests.core.bad_input_world import HUGE, assert_refused, cli, make_world

pytestmark = pytest.mark.cli

MAX_RSS_KB = 160 * 1024  # the CLI's peak when it refuses a huge file without reading it


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return make_world(tmp_path_factory)


# The CLI's own peak memory: VmHWM, which starts afresh at exec (ru_maxrss would still
# count the copy of this pytest process the child began as).
MEASURED = (
    "import os, re, sys\n"
    "from app.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "with open('/proc/self/status', encoding='ascii') as fh:\n"
    "    peak = re.search(r'VmHWM:\\s*(\\d+) kB', fh.read()).group(1)\n"
    "with open(os.environ['QUIETROOM_TEST_RSS'], 'w', encoding='ascii') as fh:\n"
    "    fh.write(peak)\n"
    "sys.exit(code)\n"
)


def run_measured(
    args: list[str], rss_file: Path, timeout: float = 60
) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run the CLI; return the result and its peak resident memory in KB."""
    if not Path("/proc/self/status").exists():
        pytest.skip("measuring a process's peak memory needs Linux's /proc")
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QUIETROOM_TEST_RSS": str(rss_file)},
    )
    return result, int(rss_file.read_text(encoding="ascii"))


@pytest.fixture
def unchanged(world: dict[str, str]) -> Iterator[None]:
    """The vault, byte for byte, is the same after the test as before it."""
    before = snapshot(Path(world["vault"]))
    yield
    assert snapshot(Path(world["vault"])) == before


def test_names_in_other_scripts_are_still_welcome(world: dict[str, str]) -> None:
    # Persian with a zero-width non-joiner, Welsh with a circumflex: not "invisible".
    result = cli(
        world,
        "--json",
        "witness",
        "set",
        "--age-status",
        "over_18",
        "RUN-1",
        "--name",
        "Bahram\u200cnia",
        "--preferred-name",
        "Siân Ŵyn",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "Bahram\u200cnia"


@pytest.mark.usefixtures("unchanged")
def test_append_cannot_grow_a_section_past_the_limit(world: dict[str, str]) -> None:
    result = cli(
        world, "statement", "append", "LONG-1", "--section", "account", "--file", world["big_text"]
    )
    assert_refused(result, 1, "too long (at most 5,000,000 characters)")


@pytest.mark.usefixtures("unchanged")
def test_text_the_pdf_cannot_show_is_refused_before_signing(world: dict[str, str]) -> None:
    """Once signed, the text can never change: signing it would make a statement that can
    never be exported."""
    result = cli(world, "statement", "sign", "CJK-1", "--witness-signature", world["svg"])
    assert_refused(result, 1, "cannot show (U+4E2D, U+6587)")
    assert "nothing was signed" in result.stderr


@pytest.mark.usefixtures("unchanged")
def test_a_backup_that_cannot_be_written_says_so(world: dict[str, str]) -> None:
    # Not with the pinned refusals (test_cli_refusal_sweep): a backup waits for a quiet
    # moment in the vault to copy it.
    assert_refused(
        cli(world, "backup", "--out", "/proc/quietroom-no-such.bak"),
        1,
        "cannot write the backup to /proc/quietroom-no-such.bak",
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["restore", "--from", "{huge}"], 3, "not a Quietroom vault backup"),
        (
            ["verify", "{huge}", "--identity", "{identity}", "--trust", "{trust}"],
            4,
            "not an age-encrypted file",
        ),
        (
            ["verify", "{bundle}", "--identity", "{huge}", "--trust", "{trust}"],
            1,
            "not an age identity file",
        ),
        (
            ["verify", "{bundle}", "--identity", "{identity}", "--trust", "{huge}"],
            1,
            "cannot read the trust file or CA certificate",
        ),
        (
            ["recover", "--identity", "{huge}", "--new-passphrase-file", "{pp}"],
            1,
            "not an age identity file",
        ),
        (
            ["identity", "import", "--cert", "{huge}", "--key", "{pp}"],
            1,
            "cannot read the certificate file",
        ),
        (
            ["statement", "write", "RUN-1", "--section", "account", "--file", "{huge}"],
            1,
            "too large (at most 8 MB)",
        ),
        (["status", "--passphrase-file", "{huge}"], 1, "too large to hold a passphrase"),
    ],
    ids=[
        "restore",
        "verify-bundle",
        "verify-identity",
        "verify-trust",
        "recover-identity",
        "identity-cert",
        "statement-file",
        "passphrase-file",
    ],
)
def test_huge_files_are_refused_without_being_read(
    world: dict[str, str], args: list[str], code: int, message: str, tmp_path: Path
) -> None:
    before = snapshot(Path(world["vault"]))
    full = [
        "--vault",
        world["vault"],
        "--passphrase-file",
        world["pp"],
        *(a.format(**world) for a in args),
    ]
    result, peak = run_measured(full, tmp_path / "rss")
    assert_refused(result, code, message, report=args[0] == "verify" and code == 4)
    assert peak < MAX_RSS_KB, f"peak RSS {peak} KB: the {HUGE >> 20} MB file was read"
    assert snapshot(Path(world["vault"])) == before


@pytest.mark.usefixtures("keyring_session")
def test_init_under_a_file_with_the_keyring_stores_no_secret(world: dict[str, str]) -> None:
    result = run_cli(
        "--vault", Path(world["file"]) / "vault", "--passphrase-file", world["pp"], "init"
    )
    assert_refused(result, 1, "is a file, not a folder")


def test_a_header_that_is_a_pipe_is_damage_not_a_hang(
    tmp_path: Path, passphrase_file: Path
) -> None:
    (tmp_path / "v").mkdir()
    os.mkfifo(tmp_path / "v" / "vault.header")
    result = run_cli(
        "--vault", tmp_path / "v", "--passphrase-file", passphrase_file, "status", timeout=60
    )
    assert_refused(result, 3, "the vault header is damaged (it is not a file)")
