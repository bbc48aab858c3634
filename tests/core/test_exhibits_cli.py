"""`quietroom-cli exhibit …`: add (with a file, or without a reference: the next one from
the witness's initials), list, remove and extract (a new file, 0600, never over another);
every bad input is one line on stderr, exit 1, and changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.engine.exhibits import MAX_EXHIBIT_BYTES
from app.export.pages import sign_confirmed
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.engine_cli_harness import Cli, assert_one_line_error, make_vault, write

pytestmark = pytest.mark.cli

DIARY = b"3 June 1987: the boathouse again.\n"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)
NOT_UTF8 = "caf\udce9"  # how Python passes on the bytes b"caf\xe9" of an argument


@pytest.fixture
def cli(tmp_path: Path, passphrase_file: Path) -> Cli:
    root = make_vault(tmp_path)
    with Vault.open(root, PASSPHRASE) as vault, Engine(vault) as engine:
        engine.create_case("csa", "EX-1")
        engine.set_witness("EX-1", name="Rhian Price")
        engine.create_case("csa", "EX-2")  # no witness name yet: no initials to suggest
        signed_case(engine, "EX-3")
    return Cli(root, passphrase_file)


def signed_case(engine: Engine, ref: str) -> None:
    engine.create_case("csa", ref)
    engine.set_witness(ref, name="Rhian Price", date_of_birth="1984-02-29")
    engine.start_sitting(ref, location="Cardiff")
    engine.save_section(ref, "account", "I kept a diary that summer (RP/1).")
    engine.end_sitting(ref)
    engine.add_exhibit(ref, "RP/1", "My diary")
    engine.confirm_readback(ref)
    sign_confirmed(engine, ref, SVG, confirm_all=True)


def state(cli: Cli, ref: str = "EX-1") -> tuple[Any, Any]:
    return cli.json("exhibit", "list", ref), cli.json("audit", "show", ref)


def test_add_list_extract_remove(cli: Cli, tmp_path: Path) -> None:
    diary = write(tmp_path, "Diary 1987.txt", DIARY)
    added = cli.json("exhibit", "add", "EX-1", "--description", "My diary", "--file", diary)
    assert {k: added[k] for k in ("number", "reference", "filename", "size", "media_type")} == {
        "number": 1,
        "reference": "RP/1",
        "filename": "Diary_1987.txt",
        "size": len(DIARY),
        "media_type": "text/plain",
    }
    result = cli("exhibit", "add", "EX-1", "--reference", "RP/2", "--description", "A letter")
    assert result.returncode == 0 and result.stdout.strip() == "Added exhibit RP/2 (no file)."
    listed = cli.json("exhibit", "list", "EX-1")
    assert [(e["reference"], e["sha256"] is not None) for e in listed] == [
        ("RP/1", True),
        ("RP/2", False),
    ]
    text = cli("exhibit", "list", "EX-1").stdout
    assert "RP/1      My diary  (Diary_1987.txt, 34 bytes)" in text
    assert text.strip().endswith("Next reference: RP/3")

    out = tmp_path / "copy.txt"
    written = cli.json("exhibit", "extract", "EX-1", "--reference", "RP/1", "--out", out)
    assert written == {"reference": "RP/1", "out": str(out), "size": len(DIARY)}
    assert out.read_bytes() == DIARY and os.stat(out).st_mode & 0o777 == 0o600
    assert cli.json("audit", "show", "EX-1")[-1]["detail"] == {
        "what": "exhibit",
        "reference": "RP/1",
    }

    removed = cli("exhibit", "remove", "EX-1", "--reference", "RP/2")
    assert removed.returncode == 0, removed.stderr
    assert "its reference is not used again" in removed.stdout
    assert [e["reference"] for e in cli.json("exhibit", "list", "EX-1")] == ["RP/1"]
    retired = cli("exhibit", "add", "EX-1", "--reference", "RP/2", "--description", "x")
    assert_one_line_error(retired)
    assert "never used twice" in retired.stderr
    # A file name whose bytes are not UTF-8 is made safe, never refused or echoed.
    odd = write(tmp_path, f"{NOT_UTF8}.txt", b"odd")
    added = cli.json("exhibit", "add", "EX-1", "--description", "Odd name", "--file", odd)
    assert (added["reference"], added["filename"]) == ("RP/3", "caf.txt")


def refusals(cli: Cli, tmp_path: Path) -> dict[str, tuple[list[str | Path], str]]:
    """(arguments, part of the one-line message) for every bad input tried."""
    folder = tmp_path / "folder"
    folder.mkdir()
    big = tmp_path / "big.bin"
    with open(big, "wb") as fh:  # sparse: quick to make, still one byte over the limit
        fh.truncate(MAX_EXHIBIT_BYTES + 1)
    taken = write(tmp_path, "taken.txt", "already here")
    add = ["exhibit", "add", "EX-1"]
    return {
        "lower case": ([*add, "--reference", "rp/3", "--description", "d"], "initials"),
        "number 0": ([*add, "--reference", "RP/0", "--description", "d"], "from 1 to 999"),
        "in use": ([*add, "--reference", "RP/1", "--description", "d"], "already an exhibit"),
        "retired": ([*add, "--reference", "RP/2", "--description", "d"], "never used twice"),
        "empty": ([*add, "--description", " "], "must not be empty"),
        "two lines": ([*add, "--description", "one\ntwo"], "must be one line"),
        "too long": ([*add, "--description", "x" * 201], "at most 200 characters"),
        "not utf-8": ([*add, "--description", NOT_UTF8], "not valid text"),
        "no file": ([*add, "--description", "d", "--file", tmp_path / "nope"], "cannot read"),
        "a folder": ([*add, "--description", "d", "--file", folder], "cannot read"),
        "too large": ([*add, "--description", "d", "--file", big], "too large"),
        "empty name": ([*add, "--description", "d", "--file", ""], "not an empty string"),
        "no initials": (
            ["exhibit", "add", "EX-2", "--description", "d"],
            "no reference can be suggested",
        ),
        "remove unknown": (
            ["exhibit", "remove", "EX-1", "--reference", "RP/9"],
            "no exhibit of this case has the reference RP/9",
        ),
        "extract over a file": (
            ["exhibit", "extract", "EX-1", "--reference", "RP/1", "--out", taken],
            "already exists",
        ),
        "extract no file": (
            ["exhibit", "extract", "EX-1", "--reference", "RP/3", "--out", tmp_path / "n"],
            "has no file",
        ),
        "extract nowhere": (
            ["exhibit", "extract", "EX-1", "--reference", "RP/1", "--out", folder / "x" / "y"],
            "does not exist",
        ),
        "extract into the vault": (
            ["exhibit", "extract", "EX-1", "--reference", "RP/1", "--out", cli.vault / "x"],
            "inside the vault folder",
        ),
        "unknown case": (["exhibit", "list", "NOPE"], "no case has that id or reference"),
        "signed, add": (
            ["exhibit", "add", "EX-3", "--reference", "RP/2", "--description", "d"],
            "signed, so the exhibits it produces can no longer change",
        ),
        "signed, remove": (
            ["exhibit", "remove", "EX-3", "--reference", "RP/1"],
            "signed, so the exhibits it produces can no longer change",
        ),
    }


def test_bad_input_is_one_line_and_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    diary = write(tmp_path, "diary.txt", DIARY)
    cli.json("exhibit", "add", "EX-1", "--description", "My diary", "--file", diary)
    cli.json("exhibit", "add", "EX-1", "--reference", "RP/2", "--description", "Gone")
    cli.json("exhibit", "remove", "EX-1", "--reference", "RP/2")
    cli.json("exhibit", "add", "EX-1", "--reference", "RP/3", "--description", "No file")
    cases = refusals(cli, tmp_path)
    before: list[Any] = [state(cli, ref) for ref in ("EX-1", "EX-2", "EX-3")]
    before.append((tmp_path / "taken.txt").read_bytes())
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(cli, *args) for name, (args, _) in cases.items()}
        results: dict[str, subprocess.CompletedProcess[str]] = {
            name: future.result() for name, future in futures.items()
        }
    for name, (_, message) in cases.items():
        result = results[name]
        assert_one_line_error(result)
        assert message in result.stderr, (name, result.stderr)
        assert result.stdout == "", name
    after = [state(cli, ref) for ref in ("EX-1", "EX-2", "EX-3")]
    assert [*after, (tmp_path / "taken.txt").read_bytes()] == before
    assert not (tmp_path / "n").exists() and not (cli.vault / "x").exists()
    # With --json the error is on stdout too, by its code.
    result = cli("exhibit", "add", "EX-1", "--reference", "rp/1", "--description", "d", "--json")
    assert_one_line_error(result)
    assert json.loads(result.stdout)["error"]["code"] == "exhibit.bad_reference"
