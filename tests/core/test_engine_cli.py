"""The interview engine's command-line contract (issue 3), end to end.

Every command runs `quietroom-cli` in a fresh interpreter (`run_cli`) against a vault
made here with the fast KDF, exactly as a script would: `--json` shapes, the statement
holding only the survivor's words, read-back, signing, the audit chain and its tamper
check, and bad input that must exit 1 with one line on stderr and change nothing.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.engine.models import Participant
from app.guides import guide_for_category
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, REPO, run_cli

pytestmark = pytest.mark.cli

NOTE_CANARY = "CANARY-note-the-interviewer-wonders"
ADDRESS_CANARY = "CANARY-addr-5512-Larkspur-Close"
PHONE_CANARY = "CANARY-phone-07700-900123"
SAFE_CANARY = "CANARY-safe-only-after-6pm"
AVOID_CANARY = "CANARY-avoid-March"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">'
    b'<path d="M4 15 L30 4 L56 14" stroke="black" fill="none"/></svg>'
)


def png_signature() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (60, 20), 255)
    ImageDraw.Draw(image).line((4, 15, 30, 4, 56, 14), fill=0, width=2)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


class Cli:
    """quietroom-cli bound to one vault and passphrase file."""

    def __init__(self, vault: Path, passphrase_file: Path) -> None:
        self.vault, self.passphrase_file = vault, passphrase_file

    def __call__(
        self, *args: str | Path, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return run_cli(
            "--vault", self.vault, "--passphrase-file", self.passphrase_file, *args, env=env
        )

    def json(self, *args: str | Path) -> Any:
        result = self(*args, "--json")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return json.loads(result.stdout)

    def state(self, ref: str, *, cases: bool = False) -> dict[str, Any]:
        """What bad input must leave alone, read through the CLI itself."""
        state = {
            "audit": self.json("audit", "show", ref),
            "statement": self.json("statement", "show", ref),
            "sittings": self.json("sitting", "list", ref),
            "cases": self.json("case", "list") if cases else None,
        }
        for sitting in state["sittings"]:  # a running sitting's active time moves on
            if sitting["ended"] is None:
                sitting.pop("active_seconds")
        return state


def assert_unchanged(before: dict[str, Any], after: dict[str, Any]) -> None:
    assert after["statement"] == before["statement"]
    assert after["sittings"] == before["sittings"]
    if after["cases"] is not None and before["cases"] is not None:
        assert after["cases"] == before["cases"]
    # The only new audit entries are the views recorded by the first state read:
    # 'statement show', then 'sitting list'.
    assert after["audit"][:-2] == before["audit"]
    assert [(e["action"], e["detail"]["what"]) for e in after["audit"][-2:]] == [
        ("view", "statement"),
        ("view", "sittings"),
    ]


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int = 1) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("quietroom-cli: ")


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF).close()
    return root


@pytest.fixture
def cli(vault_dir: Path, passphrase_file: Path) -> Cli:
    return Cli(vault_dir, passphrase_file)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


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
    cli.json("witness", "set", "CSA-9", "--name", "Alex Morgan")
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
    cli.json("statement", "sign", "CSA-9", "--witness-signature", write(tmp_path, "sig.svg", SVG))
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


# --- bad input never changes anything -----------------------------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Cases in each state, made in-process (quick), and the files bad input refers to.

    Shared by the bad-input tests, which change nothing: each test's state after its
    command is the next test's state before (kept in "states"), saving CLI runs.
    """
    base = tmp_path_factory.mktemp("world")
    png = png_signature()
    with pytest.MonkeyPatch.context() as mp:
        for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            (base / name).mkdir()
            mp.setenv(name, str(base / name))
        root = base / "vault"
        with (
            Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
            Engine(vault) as engine,
        ):
            for ref in ("RUN-1", "PAUSED-1", "READY-1", "SIGNED-1"):
                engine.create_case("csa", ref)
                engine.set_witness(ref, name="Alex Morgan")
                engine.save_section(ref, "account", "It happened in the summer.")
                engine.add_note(ref, NOTE_CANARY)
                engine.set_restricted(ref, address=ADDRESS_CANARY)
            engine.start_sitting("RUN-1", [Participant("interviewer", "Jo Bloggs")])
            engine.start_sitting("PAUSED-1")
            engine.pause_sitting("PAUSED-1", "witness", "tired")
            for ref in ("READY-1", "SIGNED-1"):
                engine.confirm_readback(ref)
            engine.sign_statement("SIGNED-1", png)
    files = {
        "text": write(base, "text.txt", "New words.\n"),
        "bad": write(base, "latin1.txt", "caf\xe9 cr\xe8me".encode("latin-1")),
        "missing": base / "no-such-file.txt",
        "garbage": write(base, "garbage.sig", b"GIF89a\x00\x01 not a signature"),
        "corr": write(base, "fix.txt", "[account]\nCorrected.\n"),
        "png": write(base, "sig.png", png),
    }
    yield {
        "cli": Cli(root, write(base, "passphrase.txt", PASSPHRASE + "\n")),
        "files": files,
        "states": {},
    }


BAD_INPUT = [
    # (id, case to watch [+cases: also the case list], arguments, what stderr must say)
    (
        "unknown-category",
        "RUN-1+cases",
        "case create --category xyz --reference NEW-1",
        "invalid choice: 'xyz'",
    ),
    (
        "unknown-section",
        "RUN-1",
        "statement write RUN-1 --section nope --file {text}",
        "unknown section",
    ),
    ("pause-paused", "PAUSED-1", "sitting pause PAUSED-1 --requested-by witness", "already paused"),
    (
        "pause-no-sitting",
        "READY-1",
        "sitting pause READY-1 --requested-by interviewer --reason x",
        "no sitting",
    ),
    (
        "pause-unknown-requester",
        "RUN-1",
        "sitting pause RUN-1 --requested-by system",
        "invalid choice",
    ),
    ("resume-running", "RUN-1", "sitting resume RUN-1", "not paused"),
    ("resume-no-sitting", "READY-1", "sitting resume READY-1", "no sitting"),
    ("start-twice", "RUN-1", "sitting start RUN-1", "already in progress"),
    (
        "write-signed",
        "SIGNED-1",
        "statement write SIGNED-1 --section account --file {text}",
        "signed",
    ),
    (
        "append-signed",
        "SIGNED-1",
        "statement append SIGNED-1 --section account --file {text}",
        "signed",
    ),
    (
        "readback-signed",
        "SIGNED-1",
        "statement readback SIGNED-1 --confirmed --correction-file {corr}",
        "signed",
    ),
    (
        "sign-twice",
        "SIGNED-1",
        "statement sign SIGNED-1 --witness-signature {png}",
        "already signed",
    ),
    (
        "sign-unconfirmed",
        "RUN-1",
        "statement sign RUN-1 --witness-signature {png}",
        "read back and confirmed",
    ),
    (
        "dob-month-13",
        "RUN-1",
        "witness set RUN-1 --name Alex --date-of-birth 1990-13-45",
        "YYYY-MM-DD",
    ),
    (
        "dob-yesterday",
        "RUN-1",
        "witness set RUN-1 --name Alex --date-of-birth yesterday",
        "YYYY-MM-DD",
    ),
    (
        "dob-restricted",
        "RUN-1",
        "witness restricted RUN-1 --address Elsewhere --date-of-birth 1990-13-45",
        "YYYY-MM-DD",
    ),
    ("non-utf8-text", "RUN-1", "statement write RUN-1 --section account --file {bad}", "not UTF-8"),
    (
        "missing-file",
        "RUN-1",
        "statement append RUN-1 --section account --file {missing}",
        "cannot read",
    ),
    ("garbage-signature", "READY-1", "statement sign READY-1 --witness-signature {garbage}", "PNG"),
    ("unknown-case", "RUN-1+cases", "statement show NO-SUCH-CASE", "no case has that id"),
    ("bad-when", "RUN-1", "timeline add RUN-1 --when when_the_moon_turned_green --what x", "date"),
]


ROLE_WITH_NEWLINE = pytest.param(
    "READY-1",
    ["sitting", "start", "READY-1", "--present", "bo\nss:X"],
    "unknown role",
    id="unknown-role-with-newline",
)


@pytest.mark.parametrize(
    ("watch", "command", "message"),
    [pytest.param(w, c.split(), m, id=i) for i, w, c, m in BAD_INPUT] + [ROLE_WITH_NEWLINE],
)
def test_bad_input_says_what_was_wrong_and_changes_nothing(
    world: dict[str, Any], watch: str, command: list[str], message: str
) -> None:
    cli: Cli = world["cli"]
    args = [part.format(**world["files"]) for part in command]
    ref, _, extra = watch.partition("+")
    before = world["states"].pop(ref, None)  # every state read adds a view to ref's log
    if before is None or (extra and before["cases"] is None):
        before = cli.state(ref, cases=bool(extra))
    result = cli(*args)
    assert_one_line_error(result)
    assert message in result.stderr
    for canary in (NOTE_CANARY, ADDRESS_CANARY):
        assert canary not in result.stderr + result.stdout
    after = cli.state(ref, cases=bool(extra))
    assert_unchanged(before, after)
    world["states"][ref] = after


def test_broken_guide_is_named_and_nothing_is_created(cli: Cli, tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    shutil.copytree(REPO / "app" / "resources" / "guides", guides)
    cli.json("case", "create", "--category", "general", "--reference", "GEN-G")
    before = cli.state("GEN-G", cases=True)
    guide = guides / "csa.toml"
    text = guide.read_text(encoding="utf-8")
    assert "break_every_minutes = 30" in text
    for damaged in (
        text + "\nthis is = = not toml\n",
        text.replace("break_every_minutes = 30", "break_every_minutes = 1"),
        None,
    ):
        if damaged is None:
            guide.unlink()
        else:
            guide.write_text(damaged, encoding="utf-8")
        result = cli(
            "case",
            "create",
            "--category",
            "csa",
            "--reference",
            "CSA-G",
            env={"QUIETROOM_GUIDES_DIR": str(guides)},
        )
        assert_one_line_error(result)
        assert "csa.toml" in result.stderr
    assert_unchanged(before, cli.state("GEN-G", cases=True))
