"""The interview engine's command-line contract (issue 3), end to end: what works.

Every command runs `quietroom-cli` in a fresh interpreter (`run_cli`) against a vault
made here with the fast KDF, exactly as a script would: cases and the survivor, global
options after the command name, sittings and pauses, `--json` shapes, the statement
holding only the survivor's words, read-back, signing, further statements, the timeline
in date order, and the audit chain and its tamper check. Bad input is in
test_engine_cli_bad_input.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.guides import guide_for_category
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE, run_cli
from tests.core.engine_cli_harness import (
    ADDRESS_CANARY,
    AVOID_CANARY,
    NOTE_CANARY,
    PHONE_CANARY,
    SAFE_CANARY,
    Cli,
    assert_one_line_error,
    make_vault,
    png_signature,
    write,
)

pytestmark = pytest.mark.cli

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">'
    b'<path d="M4 15 L30 4 L56 14" stroke="black" fill="none"/></svg>'
)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return make_vault(tmp_path)


@pytest.fixture
def cli(vault_dir: Path, passphrase_file: Path) -> Cli:
    return Cli(vault_dir, passphrase_file)


# --- cases and the survivor -------------------------------------------------------------


def test_case_create_list_show_and_witness(cli: Cli) -> None:
    created = cli.json("case", "create", "--category", "csa", "--reference", "CSA-0001")
    assert isinstance(created["id"], str) and created["id"]
    other = cli.json("case", "create", "--category", "apsp", "--reference", "APSP-0002")
    listed = cli.json("case", "list")
    assert {c["id"] for c in listed} == {created["id"], other["id"]}
    assert {c["reference"]: c["category"] for c in listed} == {
        "CSA-0001": "csa",
        "APSP-0002": "apsp",
    }
    by_id = cli.json("case", "show", created["id"])
    by_ref = cli.json("case", "show", "CSA-0001")
    assert by_id == by_ref and by_id["id"] == created["id"] and by_id["status"] == "draft"

    witness = cli.json(
        "witness",
        "set",
        "--age-status",
        "over_18",
        "CSA-0001",
        "--name",
        "Alex Morgan",
        "--preferred-name",
        "Alex",
        "--pronouns",
        "they/them",
        "--date-of-birth",
        "1979-03-21",
        "--break-every",
        "20",
    )
    assert witness["name"] == "Alex Morgan"
    shown = cli.json("case", "show", "CSA-0001")["witness"]
    assert (
        shown["name"],
        shown["preferred_name"],
        shown["pronouns"],
        shown["break_every_minutes"],
    ) == ("Alex Morgan", "Alex", "they/them", 20)
    assert "1979-03-21" not in json.dumps(shown)  # the date of birth is restricted

    saved = cli.json(
        "witness",
        "restricted",
        "CSA-0001",
        "--address",
        ADDRESS_CANARY,
        "--phone",
        PHONE_CANARY,
        "--safe-contact",
        SAFE_CANARY,
        "--dates-to-avoid",
        AVOID_CANARY,
    )
    assert set(saved["saved"]) == {"address", "phone", "safe_contact", "dates_to_avoid"}
    restricted = cli.json("witness", "restricted", "CSA-0001")
    assert (
        restricted["address"],
        restricted["phone"],
        restricted["safe_contact"],
        restricted["dates_to_avoid"],
        restricted["date_of_birth"],
    ) == (ADDRESS_CANARY, PHONE_CANARY, SAFE_CANARY, AVOID_CANARY, "1979-03-21")
    assert ADDRESS_CANARY not in json.dumps(cli.json("case", "show", "CSA-0001"))


def test_global_options_work_after_the_command_name(
    cli: Cli, vault_dir: Path, passphrase_file: Path
) -> None:
    cli.json("case", "create", "--category", "general", "--reference", "GEN-1")
    for args in (
        ["case", "list", "--json", "--vault", vault_dir, "--passphrase-file", passphrase_file],
        ["case", "--vault", vault_dir, "list", "--passphrase-file", passphrase_file, "--json"],
        ["--json", "case", "list", "--vault", vault_dir, "--passphrase-file", passphrase_file],
    ):
        result = run_cli(*args)
        assert result.returncode == 0, result.stderr
        assert [c["reference"] for c in json.loads(result.stdout)] == ["GEN-1"]


# --- sittings ------------------------------------------------------------------------------


def test_sitting_lifecycle_and_list_shape(cli: Cli) -> None:
    cli.json("case", "create", "--category", "apsp", "--reference", "APSP-1")
    started = cli.json(
        "sitting",
        "start",
        "APSP-1",
        "--present",
        "interviewer:Jo Bloggs",
        "isva:Sam Lee",
        "interpreter:Ana Sousa:Portuguese",
        "--location",
        "Quiet room 2",
    )
    assert started["state"] == "running"
    paused = cli.json(
        "sitting", "pause", "APSP-1", "--requested-by", "witness", "--reason", "needs a moment"
    )
    assert (paused["requested_by"], paused["reason"], paused["ended"]) == (
        "witness",
        "needs a moment",
        None,
    )
    cli.json("sitting", "resume", "APSP-1")
    cli.json("sitting", "pause", "APSP-1", "--requested-by", "intermediary")
    cli.json("sitting", "end", "APSP-1")  # ending while paused closes the pause
    cli.json("sitting", "start", "APSP-1", "--present", "supporter:Chris Dunn")
    cli.json("sitting", "pause", "APSP-1", "--requested-by", "supporter")
    cli.json("sitting", "resume", "APSP-1")
    cli.json("sitting", "pause", "APSP-1", "--requested-by", "interviewer", "--reason", "water")
    sittings = cli.json("sitting", "list", "APSP-1")
    assert len(sittings) == 2
    for sitting in sittings:
        assert {"started", "ended", "active_seconds", "present", "pauses"} <= set(sitting)
        assert isinstance(sitting["present"], list) and isinstance(sitting["pauses"], list)
        for pause in sitting["pauses"]:
            assert {"started", "ended", "requested_by", "reason"} <= set(pause)
    first, second = sittings
    assert [(p["role"], p["name"]) for p in first["present"]] == [
        ("interviewer", "Jo Bloggs"),
        ("isva", "Sam Lee"),
        ("interpreter", "Ana Sousa"),
    ]
    assert first["location"] == "Quiet room 2" and first["ended"] is not None
    assert [(p["requested_by"], p["reason"]) for p in first["pauses"]] == [
        ("witness", "needs a moment"),
        ("intermediary", None),
    ]
    assert all(p["ended"] is not None for p in first["pauses"])
    assert first["pauses"][-1]["ended"] == first["ended"]
    assert second["ended"] is None and second["pauses"][-1]["ended"] is None
    assert [p["requested_by"] for p in second["pauses"]] == ["supporter", "interviewer"]
    assert [(p["role"], p["name"]) for p in second["present"]] == [("supporter", "Chris Dunn")]
    assert 0 <= first["active_seconds"] <= 60 and 0 <= second["active_seconds"] <= 60


def test_amending_a_pause_reason_is_audited(cli: Cli) -> None:
    cli.json("case", "create", "--category", "general", "--reference", "GEN-R")
    cli.json("sitting", "start", "GEN-R")
    cli.json("sitting", "pause", "GEN-R", "--requested-by", "witness", "--reason", "felt unwell")
    before = cli.json("audit", "show", "GEN-R")
    cli.json("sitting", "reason", "GEN-R", "--reason", "wanted to stop")
    assert cli.json("sitting", "list", "GEN-R")[0]["pauses"][0]["reason"] == "wanted to stop"
    after = cli.json("audit", "show", "GEN-R")
    assert "wanted to stop" not in json.dumps(after)  # the reason itself stays out of the log
    assert after[: len(before)] == before
    # The change to the pause record, then the view recorded by 'sitting list'.
    assert [e["action"] for e in after[len(before) :]] == ["pause", "view"], (
        "changing the pause record left no audit entry"
    )
    assert after[-2]["detail"]["reason_changed"] is True
    assert after[-1]["detail"] == {"what": "sittings", "sittings": [1]}


# --- the statement ------------------------------------------------------------------------


def test_statement_write_show_readback_sign_further(cli: Cli, tmp_path: Path) -> None:
    cli.json("case", "create", "--category", "csa", "--reference", "CSA-9")
    cli.json("witness", "set", "--age-status", "over_18", "CSA-9", "--name", "Alex Morgan")
    cli.json(
        "witness",
        "restricted",
        "CSA-9",
        "--address",
        ADDRESS_CANARY,
        "--phone",
        PHONE_CANARY,
        "--safe-contact",
        SAFE_CANARY,
    )
    guide = guide_for_category("csa")
    sections = cli.json("statement", "sections", "CSA-9")
    assert [s["id"] for s in sections] == list(guide.section_ids())
    assert all(s["words"] == 0 for s in sections)

    words = "We lived by the sea. Ça va — 海辺の家。"
    cli.json(
        "statement",
        "write",
        "CSA-9",
        "--section",
        "account",
        "--file",
        write(tmp_path, "a.txt", words),
    )
    appended = cli.json(
        "statement",
        "append",
        "CSA-9",
        "--section",
        "account",
        "--file",
        write(tmp_path, "b.txt", "Then we moved."),
    )
    assert appended["changed"] is True
    cli.json(
        "statement",
        "write",
        "CSA-9",
        "--section",
        "introduction",
        "--file",
        write(tmp_path, "c.txt", "My name is Alex.\n"),
    )
    cli.json("note", "add", "CSA-9", "--file", write(tmp_path, "n.txt", NOTE_CANARY))
    same = cli.json(
        "statement", "write", "CSA-9", "--section", "introduction", "--file", tmp_path / "c.txt"
    )
    assert same["changed"] is False

    expected = f"My name is Alex.\n\n{words}\nThen we moved."
    shown = cli.json("statement", "show", "CSA-9")
    assert shown["text"] == expected
    plain = cli("statement", "show", "CSA-9")
    assert plain.returncode == 0 and plain.stdout.rstrip("\n") == expected
    forbidden = [NOTE_CANARY, ADDRESS_CANARY, PHONE_CANARY, SAFE_CANARY]
    forbidden += [p.text for phase in guide.phases for p in phase.prompts]
    for output in (json.dumps(shown, ensure_ascii=False), plain.stdout):
        for text in forbidden:
            assert text not in output

    corrections = write(tmp_path, "fix.txt", "[account]\nWe lived near the sea.\n")
    confirmed = cli.json(
        "statement", "readback", "CSA-9", "--confirmed", "--correction-file", corrections
    )
    assert [c["section"] for c in confirmed["corrections"]] == ["account"]
    assert cli.json("statement", "show", "CSA-9")["text"] == (
        "My name is Alex.\n\nWe lived near the sea."
    )
    signed = cli.json(
        "statement",
        "sign",
        "CSA-9",
        "--witness-signature",
        write(tmp_path, "sig.png", png_signature()),
        "--pages-confirmed",
    )
    assert signed["statement"] == 1
    assert cli.json("case", "show", "CSA-9")["status"] == "signed"
    refused = cli(
        "statement", "write", "CSA-9", "--section", "account", "--file", tmp_path / "b.txt"
    )
    assert_one_line_error(refused)
    assert "signed" in refused.stderr

    assert cli.json("statement", "further", "CSA-9")["statement"] == 2
    cli.json(
        "statement",
        "write",
        "CSA-9",
        "--section",
        "other",
        "--file",
        write(tmp_path, "d.txt", "Something I remembered later."),
    )
    cli.json("statement", "readback", "CSA-9", "--confirmed")
    svg = write(tmp_path, "sig.svg", SVG)
    cli.json("statement", "sign", "CSA-9", "--witness-signature", svg, "--pages-confirmed")
    assert cli.json("statement", "show", "CSA-9")["text"] == "Something I remembered later."
    verified = cli("audit", "verify", "CSA-9")
    assert verified.returncode == 0, verified.stderr


def test_timeline_is_listed_in_date_order(cli: Cli) -> None:
    cli.json("case", "create", "--category", "csa", "--reference", "CSA-T")
    cli.json("witness", "set", "CSA-T", "--name", "Alex Morgan", "--date-of-birth", "1979-03-21")
    for when, what in (
        ("summer 1992", "we moved to the farm"),
        ("aged about 9", "started at the new school"),
        ("12 March 1991", "the first time"),
        ("the Christmas after we moved", "it stopped"),
    ):
        event = cli.json("timeline", "add", "CSA-T", "--when", when, "--what", what)
        assert event["when"] == when and event["earliest"] <= event["latest"]
    events = cli.json("timeline", "list", "CSA-T")
    assert [(e["earliest"], e["latest"]) for e in events] == sorted(
        (e["earliest"], e["latest"]) for e in events
    )
    assert [e["what"] for e in events] == [
        "started at the new school",
        "the first time",
        "we moved to the farm",
        "it stopped",
    ]


# --- the audit chain ------------------------------------------------------------------------


def test_audit_verify_names_the_altered_entry(cli: Cli, vault_dir: Path) -> None:
    cli.json("case", "create", "--category", "general", "--reference", "GEN-A")
    cli.json("sitting", "start", "GEN-A")
    cli.json("sitting", "pause", "GEN-A", "--requested-by", "witness")
    cli.json("sitting", "resume", "GEN-A")
    intact = cli("audit", "verify", "GEN-A")
    assert intact.returncode == 0 and intact.stderr == ""
    entries = cli.json("audit", "show", "GEN-A")
    target = next(e for e in entries if e["action"] == "pause")
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("DROP TRIGGER audit_append_only_update")
        conn.execute(
            "UPDATE audit SET detail = ? WHERE case_id = ? AND seq = ?",
            (
                '{"pause":1,"requested_by":"interviewer","sitting":1}',
                target["case_id"],
                target["seq"],
            ),
        )
    broken = cli("audit", "verify", "GEN-A")
    assert_one_line_error(broken, code=4)
    assert f"entry {target['seq']} " in broken.stderr
    report = cli("audit", "verify", "GEN-A", "--json")
    assert report.returncode == 4
    assert json.loads(report.stdout)["broken_at"] == target["seq"]
