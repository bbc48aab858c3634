"""The refusals of quietroom-cli that change nothing, run all at once: the text and numbers
that could not be stored, the pinned outputs and inputs of this review, and the sweep.

Every command runs `quietroom-cli` in a fresh interpreter against one vault made for the
module (`make_world`); being refusals, they may share it and run in parallel (`refusals`),
and the vault and the organisation must be byte for byte as they were after all of them.
The sweep throws missing, empty, binary, endless and oversized files, invalid UTF-8 and
invisible characters at every command of the README's CLI section (the cases are in
cli_sweep_cases).
"""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import snapshot
from tests.core.bad_input_world import assert_refused, cli, make_world
from tests.core.cli_sweep_cases import JSON_SAMPLE, NOT_UTF8, SWEEP

pytestmark = pytest.mark.cli

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return make_world(tmp_path_factory)


# --- each problem found, pinned ---------------------------------------------------------

# Each is (id, arguments, part of the message); all exit 1. They run with the sweep.
TEXT_AND_NUMBERS = [
    # Bytes that are not UTF-8 in an argument were stored (and then broke the signed
    # statement's export for ever) or crashed with UnicodeEncodeError.
    (
        "reference-not-utf8",
        ["case", "create", "--category", "csa", "--reference", NOT_UTF8],
        "not valid text",
    ),
    (
        "interviewer-not-utf8",
        ["case", "create", "--category", "csa", "--reference", "NEW-1", "--interviewer", NOT_UTF8],
        "not valid text",
    ),
    ("name-not-utf8", ["witness", "set", "RUN-1", "--name", NOT_UTF8], "not valid text"),
    (
        "what-not-utf8",
        ["timeline", "add", "RUN-1", "--when", "1990", "--what", NOT_UTF8],
        "not valid text",
    ),
    ("reason-not-utf8", ["sitting", "reason", "RUN-1", "--reason", NOT_UTF8], "not valid text"),
    ("id-not-utf8", ["statement", "show", NOT_UTF8], "no case has that id or reference"),
    # Invisible characters that make one reference or name look like another.
    (
        "reference-rlo",
        ["case", "create", "--category", "csa", "--reference", f"RUN{RLO}-2"],
        "override",
    ),
    (
        "reference-zero-width",
        ["case", "create", "--category", "csa", "--reference", "RUN\u200b-1"],
        "invisible",
    ),
    ("name-rlo", ["witness", "set", "RUN-1", "--name", f"Alex{RLO} Morgan"], "override"),
    ("name-line-separator", ["witness", "set", "RUN-1", "--name", "Alex\u2028Morgan"], "one line"),
    ("name-c1-control", ["witness", "set", "RUN-1", "--name", "Alex\x85Morgan"], "one line"),
    (
        "reader-newline",
        ["statement", "readback", "READY-1", "--confirmed", "--read-by", "Jo\nBloggs"],
        "one line",
    ),
    # Thirty-digit numbers overflowed SQLite's integers.
    (
        "pause-number-overflow",
        ["sitting", "reason", "RUN-1", "--reason", "x", "--pause", "9" * 30],
        "give a number from 1",
    ),
    (
        "position-overflow",
        ["sitting", "place", "RUN-1", "--position", "9" * 30],
        "give a number from 0",
    ),
    # An empty --vault silently meant the default vault.
    ("empty-vault-before", ["--vault", "", "status"], "--vault needs a file or folder name"),
    ("empty-vault-after", ["case", "list", "--vault", ""], "--vault needs a file or folder"),
    # A blank first line of the passphrase file was called an empty file.
    (
        "passphrase-first-line",
        ["--passphrase-file", "{blank_first}", "status"],
        "the first line of the passphrase file",
    ),
]


@pytest.mark.parametrize(
    ("key", "message"), [pytest.param(i, m, id=i) for i, _, m in TEXT_AND_NUMBERS]
)
def test_text_and_numbers_that_could_not_be_stored(
    refusals: dict[str, Any], key: str, message: str
) -> None:
    assert_refused(refusals[key], 1, message)


# More refusals this review pinned: (id, arguments, exit code, part of the message).
# They run with the sweep; a verify that exits 4 prints its report of checks first.
PINNED = [
    # Outputs replaced whatever had the name: vault.db itself (the vault was destroyed),
    # or a device (/dev/full became a file); an unwritable place was "unexpected".
    ("backup-over-vault-db", ["backup", "--out", "{vault}/vault.db"], 1, "inside the vault folder"),
    (
        "backup-over-header",
        ["backup", "--out", "{vault}/vault.header"],
        1,
        "inside the vault folder",
    ),
    (
        "backup-in-vault",
        ["backup", "--out", "{vault}/../vault/elsewhere.bak"],
        1,
        "inside the vault folder",
    ),
    ("backup-to-fifo", ["backup", "--out", "{fifo}"], 1, "not an ordinary file"),
    (
        "export-over-vault-db",
        ["export", "SIGNED-1", "--out", "{vault}/vault.db"],
        1,
        "inside the vault folder",
    ),
    ("export-to-fifo", ["export", "SIGNED-1", "--out", "{fifo}"], 1, "not an ordinary file"),
    # Endless inputs were read for ever (restore was killed for want of memory).
    ("restore-endless", ["restore", "--from", "{zero}"], 3, "not a Quietroom vault backup"),
    (
        "verify-endless",
        ["verify", "{zero}", "--identity", "{identity}", "--trust", "{trust}"],
        4,
        "not an age-encrypted file",
    ),
    (
        "verify-identity-endless",
        ["verify", "{bundle}", "--identity", "{zero}", "--trust", "{trust}"],
        1,
        "not an age identity file",
    ),
    (
        "recover-identity-endless",
        ["recover", "--identity", "{zero}", "--new-passphrase-file", "{pp}"],
        1,
        "not an age identity file",
    ),
    # A folder that could not be made was an "unexpected error (NotADirectoryError)".
    (
        "extract-under-a-file",
        [
            "verify",
            "{bundle}",
            "--identity",
            "{identity}",
            "--trust",
            "{trust}",
            "--extract",
            "{file}/sub",
        ],
        1,
        "is not a folder",
    ),
    (
        "extract-unwritable",
        [
            "verify",
            "{bundle}",
            "--identity",
            "{identity}",
            "--trust",
            "{trust}",
            "--extract",
            "/proc/quietroom-no-such-folder",
        ],
        1,
        "cannot create the folder",
    ),
    (
        "init-under-a-file",
        ["--vault", "{file}/vault", "init", "--no-keyring"],
        1,
        "is a file, not a folder",
    ),
    ("org-init-under-a-file", ["org", "init", "--out", "{file}/org"], 1, "is a file, not a folder"),
    (
        "org-init-unwritable",
        ["org", "init", "--out", "/proc/quietroom-no-such-org"],
        1,
        "cannot write in the folder",
    ),
    # Names on certificates: bytes that were not UTF-8 crashed, overrides were accepted.
    (
        "org-name-rlo",
        ["org", "init", "--out", "{base}/org-rlo", "--name", f"Org{RLO}X"],
        1,
        "printable",
    ),
    (
        "member-not-utf8",
        ["org", "issue", "--org", "{org}", "--role", "supervisor", "--name", NOT_UTF8],
        1,
        "printable",
    ),
    (
        "member-rlo",
        ["org", "issue", "--org", "{org}", "--role", "supervisor", "--name", f"Ann{RLO}X"],
        1,
        "printable",
    ),
    # "nothing was extracted" was a second line on stderr.
    (
        "verify-extract-fails",
        [
            "verify",
            "{garbage}",
            "--identity",
            "{identity}",
            "--trust",
            "{trust}",
            "--extract",
            "{base}/never-made",
        ],
        4,
        "did not verify (nothing was extracted)",
    ),
]


@pytest.mark.parametrize(
    ("key", "args", "code", "message"), [pytest.param(i, a, c, m, id=i) for i, a, c, m in PINNED]
)
def test_pinned_refusals(
    refusals: dict[str, Any],
    world: dict[str, str],
    key: str,
    args: list[str],
    code: int,
    message: str,
) -> None:
    assert_refused(refusals[key], code, message, report=args[0] == "verify")
    assert Path(world["fifo"]).is_fifo()
    assert not Path(world["base"], "org-rlo").exists()
    assert not Path(world["base"], "never-made").exists()


# --- the sweep: every README command, bad input of every kind -----------------------------


def run_all(
    world: dict[str, str], commands: dict[str, list[str]]
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run many refused commands at once (they change nothing, so they may share the vault
    and its time): a module's worth of CLI start-ups in a fraction of the time."""
    workers = (os.cpu_count() or 2) + 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {
            key: pool.submit(cli, world, *args, timeout=120) for key, args in commands.items()
        }
        return {key: future.result() for key, future in futures.items()}


@pytest.fixture(scope="module")
def refusals(world: dict[str, str]) -> dict[str, Any]:
    """Every refusal of TEXT_AND_NUMBERS and SWEEP (and the sample's --json variants),
    run once, with the vault's bytes before and after all of them."""
    commands = {key: [a.format(**world) for a in args] for key, args, _ in TEXT_AND_NUMBERS}
    commands |= {key: [a.format(**world) for a in args] for key, args, _, _ in PINNED}
    for key, args, _, _ in SWEEP:
        commands[key] = [a.format(**world) for a in args]
        if key in JSON_SAMPLE:
            commands[f"{key}-json"] = [*commands[key], "--json"]
    before = {name: snapshot(Path(world[name])) for name in ("vault", "org")}
    results: dict[str, Any] = run_all(world, commands)
    results["unchanged"] = {
        name: snapshot(Path(world[name])) == data for name, data in before.items()
    }
    return results


def test_no_refusal_changed_the_vault_or_the_organisation(refusals: dict[str, Any]) -> None:
    assert refusals["unchanged"] == {"vault": True, "org": True}


@pytest.mark.parametrize(
    ("key", "args", "code", "message"),
    [pytest.param(i, a, c, m, id=i) for i, a, c, m in SWEEP]
    + [
        pytest.param(f"{i}-json", a, c, m, id=f"{i}-json")
        for i, a, c, m in SWEEP
        if i in JSON_SAMPLE
    ],
)
def test_sweep(
    refusals: dict[str, Any], key: str, args: list[str], code: int, message: str
) -> None:
    result = refusals[key]
    assert_refused(result, code, message, report=args[0] == "verify" and code == 4)
    for canary in ("It happened in the summer", "Alex Morgan"):
        assert canary not in result.stderr
