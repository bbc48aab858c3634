"""Supervisor review through quietroom-cli (`review open|list|show|restricted|decide|
verify|import`), end to end in child processes with `--json`: the contract's shapes,
its exit codes (0 ok, 1 usage, 4 verification failed), errors as one line on stderr
and, with --json, {"error": {"code", "message"}} on stdout.

The organisation and the interviewer's vault with case A exported are made once for the
module; each test gets a supervisor's vault of its own.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import one_line
from app.export.bundle import export_case
from app.org import org_init
from tests.conftest import PASSPHRASE, run_cli
from tests.core.review_world import (
    CASE_A,
    COMMENTS,
    RETURN_COMMENTS,
    all_met,
    supervisor_vault,
)
from tests.interop.test_export_bundle import ADDRESS, NOTE, PHONE, WELSH, build_case

pytestmark = pytest.mark.cli

STATEMENT_CANARY = "I remember the lane by the chapel"  # build_case's statement text


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("review-cli")
    org = base / "org"
    org_init(org)
    with build_case(base / "interviewer", org) as interviewer:
        export_case(interviewer, CASE_A, base / "a.qrb")
    data = bytearray((base / "a.qrb").read_bytes())
    data[len(data) // 2] ^= 0x01
    (base / "tampered.qrb").write_bytes(bytes(data))
    pp = base / "passphrase.txt"
    pp.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pp.chmod(0o600)
    checklist = base / "checklist.json"
    checklist.write_bytes(all_met().to_bytes())
    comments = base / "comments.txt"
    comments.write_text(COMMENTS + "\n", encoding="utf-8")
    return_comments = base / "return.txt"
    return_comments.write_text(RETURN_COMMENTS + "\n", encoding="utf-8")
    not_json = base / "not-json.json"
    not_json.write_text("{items: met}\n", encoding="utf-8")
    return {
        "base": base,
        "org": org,
        "interviewer": base / "interviewer",
        "bundle": base / "a.qrb",
        "tampered": base / "tampered.qrb",
        "pp": pp,
        "checklist": checklist,
        "comments": comments,
        "return_comments": return_comments,
        "not_json": not_json,
    }


@pytest.fixture
def supervisor(tmp_path: Path, world: dict[str, Path]) -> Iterator[Path]:
    root = tmp_path / "supervisor"
    supervisor_vault(root, world["org"]).close()
    yield root


def in_vault(
    vault: Path, world: dict[str, Path], *args: str | Path
) -> subprocess.CompletedProcess[str]:
    return run_cli("--vault", vault, "--passphrase-file", world["pp"], *args)


def ok_json(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def refused(result: subprocess.CompletedProcess[str], exit_code: int, code: str) -> Any:
    """One line on stderr, the exit code; with --json the same error on stdout (inside
    the command's report when it made one). The JSON, or None without --json."""
    assert result.returncode == exit_code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("quietroom-cli: ")
    if "--json" not in result.args:
        return None
    data = json.loads(result.stdout)
    assert data["error"]["code"] == code, data["error"]
    assert set(data["error"]) == {"code", "message"}
    assert result.stderr == f"quietroom-cli: {one_line(data['error']['message'])}\n"
    return data


def opened(supervisor: Path, world: dict[str, Path]) -> str:
    data = ok_json(in_vault(supervisor, world, "review", "open", world["bundle"], "--json"))
    return str(data["review"]["review_id"])


def verify(
    world: dict[str, Path], qrr: Path, *args: str | Path
) -> subprocess.CompletedProcess[str]:
    org = world["org"]
    return run_cli(
        "review",
        "verify",
        qrr,
        "--identity",
        org / "interviewer" / "age-identity.txt",
        "--trust",
        org / "trust.json",
        *args,
    )


def test_open_list_show_and_restricted(supervisor: Path, world: dict[str, Path]) -> None:
    assert ok_json(in_vault(supervisor, world, "review", "list", "--json")) == {"reviews": []}

    # A tampered bundle: exit 4, the report and the error, nothing stored.
    result = in_vault(supervisor, world, "review", "open", world["tampered"], "--json")
    data = refused(result, 4, "review.did_not_verify")
    assert data["ok"] is False and data["review"] is None and data["created"] is False
    assert any(not c["ok"] for c in data["checks"])
    refused(in_vault(supervisor, world, "review", "open", world["tampered"]), 4, "")
    assert ok_json(in_vault(supervisor, world, "review", "list", "--json")) == {"reviews": []}

    first = ok_json(in_vault(supervisor, world, "review", "open", world["bundle"], "--json"))
    assert first["ok"] is True and first["created"] is True
    review_id = first["review"]["review_id"]
    assert review_id
    again = ok_json(in_vault(supervisor, world, "review", "open", world["bundle"], "--json"))
    assert again["created"] is False and again["review"]["review_id"] == review_id
    text = in_vault(supervisor, world, "review", "open", world["bundle"])
    assert text.returncode == 0 and f"Already under review: review {review_id}" in text.stdout

    listed = ok_json(in_vault(supervisor, world, "review", "list", "--json"))["reviews"]
    assert len(listed) == 1
    item = listed[0]
    assert item["review_id"] == review_id
    assert (item["reference"], item["category"], item["interviewer"], item["state"]) == (
        CASE_A,
        "csa",
        "Interviewer One",
        "to_review",
    )
    assert item["decided"] is None
    text = in_vault(supervisor, world, "review", "list")
    assert text.returncode == 0 and review_id in text.stdout and "to_review" in text.stdout

    shown = ok_json(in_vault(supervisor, world, "review", "show", review_id, "--json"))
    assert shown["review_id"] == review_id and shown["reference"] == CASE_A
    assert shown["verification"]["ok"] is True
    assert isinstance(shown["record"], dict) and shown["record"]
    assert [e["action"] for e in shown["events"]] == ["opened", "read"]
    text = in_vault(supervisor, world, "review", "show", review_id)
    assert text.returncode == 0 and text.stdout.strip()
    for output in (json.dumps(shown, ensure_ascii=False), text.stdout):
        for canary in (STATEMENT_CANARY, WELSH, ADDRESS, PHONE, NOTE):
            assert canary not in output

    details = ok_json(in_vault(supervisor, world, "review", "restricted", review_id, "--json"))
    assert details["details"]["address"] == ADDRESS and details["details"]["phone"] == PHONE
    text = in_vault(supervisor, world, "review", "restricted", review_id)
    assert text.returncode == 0 and ADDRESS in text.stdout
    shown = ok_json(in_vault(supervisor, world, "review", "show", review_id, "--json"))
    assert [e["action"] for e in shown["events"]].count("restricted details shown") == 2

    for action in ("show", "restricted"):
        result = in_vault(supervisor, world, "review", action, "0" * 16, "--json")
        refused(result, 1, "review.not_found")


def test_approve_verify_extract_and_import(
    supervisor: Path, world: dict[str, Path], tmp_path: Path
) -> None:
    review_id = opened(supervisor, world)
    out = tmp_path / "approved.qrr"
    decide = ("review", "decide", review_id, "--comments-file", world["comments"])

    # Approval needs the checklist, complete.
    result = in_vault(supervisor, world, *decide, "--approve", "--out", out, "--json")
    refused(result, 1, "review.checklist_incomplete")
    assert not out.exists()

    result = in_vault(
        supervisor,
        world,
        *decide,
        "--approve",
        "--checklist-file",
        world["checklist"],
        "--out",
        out,
        "--json",
    )
    made = ok_json(result)
    assert made["decision"] == "approved" and made["review_id"] == review_id
    assert made["path"] == str(out) and out.is_file() and len(made["recipients"]) == 3
    listed = ok_json(in_vault(supervisor, world, "review", "list", "--json"))["reviews"]
    assert listed[0]["state"] == "approved" and listed[0]["decided"]

    second = tmp_path / "second.qrr"
    result = in_vault(
        supervisor,
        world,
        *decide,
        "--approve",
        "--checklist-file",
        world["checklist"],
        "--out",
        second,
        "--json",
    )
    refused(result, 1, "review.already_decided")
    assert not second.exists()

    # Verified with no vault, by the interviewer.
    report = ok_json(verify(world, out, "--json"))
    assert report["ok"] is True and report["decision"] == "approved"
    assert report["reviewer"] == "Supervisor One"
    assert report["case"] == {"reference": CASE_A, "category": "csa"}
    assert all(c["ok"] for c in report["checks"])
    text = verify(world, out)
    assert text.returncode == 0 and text.stderr == ""

    target = tmp_path / "extracted"
    report = ok_json(verify(world, out, "--extract", target, "--json"))
    assert sorted(p.name for p in target.iterdir()) == [
        "decision.json",
        "decision.p7s",
        "statement.pdf",
    ]
    assert json.loads((target / "decision.json").read_text())["comments"].strip() == COMMENTS
    assert (target / "statement.pdf").read_bytes().startswith(b"%PDF-")

    # Tampered: exit 4, and nothing extracted.
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.qrr"
    tampered.write_bytes(bytes(data))
    result = verify(world, tampered, "--extract", tmp_path / "not-extracted", "--json")
    report = refused(result, 4, "review.did_not_verify")
    assert report["ok"] is False and not (tmp_path / "not-extracted").exists()
    refused(verify(world, tampered), 4, "")

    # The CA alone cannot say who is a supervisor: refused unless --ca-only.
    org = world["org"]
    bare = (
        "review",
        "verify",
        out,
        "--identity",
        org / "interviewer" / "age-identity.txt",
        "--trust",
        org / "ca.pem",
    )
    result = run_cli(*bare)
    refused(result, 4, "")
    assert "not checked" in result.stderr
    assert ok_json(run_cli(*bare, "--ca-only", "--json"))["ok"] is True

    # Imported into the interviewer's vault, where `case show` lists it.
    interviewer = world["interviewer"]
    imported = ok_json(in_vault(interviewer, world, "review", "import", out, "--json"))
    assert imported["created"] is True and imported["reference"] == CASE_A
    assert imported["decision"] == "approved" and imported["countersigned_pdf"] is True
    case = ok_json(in_vault(interviewer, world, "case", "show", CASE_A, "--json"))
    assert len(case["reviews"]) == 1
    entry = case["reviews"][0]
    assert entry["decision"] == "approved" and entry["reviewer"] == "Supervisor One"
    assert entry["comments"].strip() == COMMENTS
    assert entry["bundle_id"] == listed[0]["bundle_id"]
    assert entry["decided"] == imported["decided"]
    again = ok_json(in_vault(interviewer, world, "review", "import", out, "--json"))
    assert again["created"] is False
    text = in_vault(interviewer, world, "review", "import", out)
    assert text.returncode == 0 and text.stdout.startswith("Already imported: approved")
    case = ok_json(in_vault(interviewer, world, "case", "show", CASE_A, "--json"))
    assert len(case["reviews"]) == 1

    # The tampered file is refused by import too, and changes nothing.
    result = in_vault(interviewer, world, "review", "import", tampered, "--json")
    refused(result, 4, "decision.failed")
    assert (
        ok_json(in_vault(interviewer, world, "case", "show", CASE_A, "--json"))["reviews"]
        == case["reviews"]
    )


def test_return_with_comments(supervisor: Path, world: dict[str, Path], tmp_path: Path) -> None:
    review_id = opened(supervisor, world)
    out = tmp_path / "returned.qrr"
    result = in_vault(
        supervisor, world, "review", "decide", review_id, "--return", "--out", out, "--json"
    )
    refused(result, 1, "review.comments_required")
    assert not out.exists()

    result = in_vault(
        supervisor,
        world,
        "review",
        "decide",
        review_id,
        "--return",
        "--comments-file",
        world["return_comments"],
        "--out",
        out,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Returned; wrote the decision to")
    listed = ok_json(in_vault(supervisor, world, "review", "list", "--json"))["reviews"]
    assert listed[0]["state"] == "returned"

    target = tmp_path / "extracted"
    report = ok_json(verify(world, out, "--extract", target, "--json"))
    assert report["decision"] == "returned"
    assert sorted(p.name for p in target.iterdir()) == ["decision.json", "decision.p7s"]
    doc = json.loads((target / "decision.json").read_text())
    assert doc["comments"].strip() == RETURN_COMMENTS
    assert doc["statement_pdf_sha256"] is None


@pytest.mark.parametrize("verdict", [("--approve", "--return"), ()], ids=["both", "neither"])
def test_decide_needs_exactly_one_verdict(
    supervisor: Path, world: dict[str, Path], tmp_path: Path, verdict: tuple[str, ...]
) -> None:
    review_id = opened(supervisor, world)
    out = tmp_path / "d.qrr"
    result = in_vault(
        supervisor,
        world,
        "review",
        "decide",
        review_id,
        *verdict,
        "--comments-file",
        world["return_comments"],
        "--checklist-file",
        world["checklist"],
        "--out",
        out,
        "--json",
    )
    refused(result, 1, "cli.usage")
    assert not out.exists()
    listed = ok_json(in_vault(supervisor, world, "review", "list", "--json"))["reviews"]
    assert listed[0]["state"] == "to_review"


def test_bad_input_is_one_line_and_changes_nothing(
    supervisor: Path, world: dict[str, Path], tmp_path: Path
) -> None:
    review_id = opened(supervisor, world)
    out = tmp_path / "d.qrr"
    missing = tmp_path / "no-such-file"
    decide = ("review", "decide", review_id, "--out", out)
    approve = (*decide, "--approve", "--comments-file", world["comments"])
    cases: list[tuple[tuple[str | Path, ...], str, str]] = [
        ((*decide, "--return", "--comments-file", missing), "cli.file_unreadable", "comments"),
        ((*approve, "--checklist-file", missing), "cli.file_unreadable", "checklist"),
        ((*approve, "--checklist-file", world["not_json"]), "review.answers_not_json", "JSON"),
        ((*approve, "--checklist-file", world["comments"]), "review.answers_not_json", "JSON"),
        (("review", "open", missing), "file.cannot_read", "cannot read"),
        (("review", "show", "nonsense"), "review.not_found", "no such review"),
        (
            (
                "review",
                "decide",
                "nonsense",
                "--return",
                "--comments-file",
                world["return_comments"],
                "--out",
                out,
            ),
            "review.not_found",
            "no such review",
        ),
    ]
    for args, code, words in cases:
        data = refused(in_vault(supervisor, world, *args, "--json"), 1, code)
        assert set(data) == {"error"} and words in data["error"]["message"], data
        assert not out.exists()
        # Without --json: the same one line on stderr, nothing on stdout.
        result = in_vault(supervisor, world, *args)
        refused(result, 1, code)
        assert result.stdout == "" and words in result.stderr

    listed = ok_json(in_vault(supervisor, world, "review", "list", "--json"))["reviews"]
    assert [(r["review_id"], r["state"]) for r in listed] == [(review_id, "to_review")]
    events = ok_json(in_vault(supervisor, world, "review", "show", review_id, "--json"))["events"]
    assert [e["action"] for e in events] == ["opened", "read"]

    # verify (no vault) and import with files that are not there.
    org = world["org"]
    refused(verify(world, missing, "--json"), 1, "file.cannot_read")
    result = run_cli(
        "review",
        "verify",
        world["bundle"],
        "--identity",
        missing,
        "--trust",
        org / "trust.json",
        "--json",
    )
    assert refused(result, 1, json.loads(result.stdout)["error"]["code"])
    result = in_vault(world["interviewer"], world, "review", "import", missing, "--json")
    refused(result, 1, "file.cannot_read")
