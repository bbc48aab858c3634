"""--from-file: a survivor's details and statement content without the command line
(hardening §4). In-process (app.cli.main.main), so it runs in `make check`; the process
list itself is sampled in tests/core/test_cmdline_canary.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.engine.engine import Engine
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.engine_cli_harness import make_vault

WARNING = "visible to other users of this computer and kept in your shell history"


class Run:
    def __init__(self, vault: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.base = ["--vault", str(vault), "--passphrase-file", str(secret)]
        self.capsys = capsys
        self.vault = vault

    def __call__(self, *args: str | Path) -> tuple[int, str, str]:
        code = main([*self.base, *map(str, args)])
        out, err = self.capsys.readouterr()
        return code, out, err

    def values(self, tmp_path: Path, doc: Any, name: str = "values.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        return path

    def case(self) -> dict[str, Any]:
        with Vault.open(self.vault, PASSPHRASE) as vault:
            return Engine(vault).show_case("CSA-1")


@pytest.fixture
def run(tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    passphrase_file.chmod(0o600)
    r = Run(make_vault(tmp_path), passphrase_file, capsys)
    code, _, err = r("case", "create", "--category", "csa", "--reference", "CSA-1")
    assert code == 0, err
    return r


def test_every_detail_from_a_file_says_nothing_more(run: Run, tmp_path: Path) -> None:
    witness = run.values(tmp_path, {
        "name": "Alex Canary", "preferred-name": "Al", "age": 15, "age-status": "under_18",
        "visually-recorded": False, "break-every": "30",
    })  # fmt: skip
    code, _, err = run("witness", "set", "CSA-1", "--from-file", witness)
    assert (code, err) == (0, ""), err
    restricted = run.values(tmp_path, {"address": "1 Canary Row", "phone": "0700 900 123",
                                       "date-of-birth": "2011-02-03"}, "r.json")  # fmt: skip
    code, _, err = run("witness", "restricted", "CSA-1", "--from-file", restricted)
    assert (code, err) == (0, "")
    timeline = run.values(tmp_path, {"when": "summer 1987", "what": "the canary event"}, "t.json")
    assert run("timeline", "add", "CSA-1", "--from-file", timeline)[0] == 0
    case = run.case()
    assert case["witness"]["name"] == "Alex Canary" and case["witness"]["age_under_18"] == 15
    assert case["witness"]["visually_recorded"] is False
    assert case["timeline_events"] == 1


def test_an_argument_warns_once_after_the_work_and_the_file_wins(run: Run, tmp_path: Path) -> None:
    code, _, err = run("witness", "set", "CSA-1", "--name", "Alex Canary", "--pronouns", "they")
    assert code == 0
    assert err.count("\n") == 1 and WARNING in err and "--name, --pronouns" in err
    # Given both ways: the file's value, and one line that says so.
    doc = run.values(tmp_path, {"name": "Sam Canary"})
    code, _, err = run("witness", "set", "CSA-1", "--name", "Al", "--from-file", doc)
    assert code == 0 and err.count("\n") == 1
    assert "the file's value is used for --name" in err
    assert run.case()["witness"]["name"] == "Sam Canary"
    # Not personal content (a choice): no warning.
    code, _, err = run("witness", "set", "CSA-1", "--age-status", "over_18")
    assert (code, err) == (0, "")


def test_a_refusal_is_one_line_without_the_warning(run: Run) -> None:
    code, _, err = run("witness", "restricted", "CSA-1", "--date-of-birth", "2011-02-31")
    assert code == 1 and err.count("\n") == 1 and WARNING not in err


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('["name"]', "is not a JSON object"),
        ('{"nmae": "x"}', '"nmae" is not an option of this command (it takes: abe-reference'),
        ('{"name": 3}', '"name" must be a string'),
        ('{"name": ["a"]}', '"name" must be a string'),
        ('{"age": "fifteen"}', '"age" is not valid (a whole number is needed)'),
        ('{"age-status": "old"}', '"age-status" must be one of under_18, over_18, not_given'),
        ('{"visually-recorded": "perhaps"}', '"visually-recorded" is not valid (answer yes or no)'),
        ('{"name": null}', '"name" must be a string'),
    ],
)
def test_a_bad_file_is_one_usage_error_and_changes_nothing(
    run: Run, tmp_path: Path, doc: str, message: str
) -> None:
    before = run.case()
    path = tmp_path / "bad.json"
    path.write_text(doc, encoding="utf-8")
    code, _, err = run("witness", "set", "CSA-1", "--from-file", path)
    assert code == 1, err  # DECISIONS: exit 1, not 2
    assert err.count("\n") == 1 and message in err, err
    assert run.case() == before


def test_required_values_may_come_either_way_and_are_still_required(
    run: Run, tmp_path: Path
) -> None:
    code, _, err = run("timeline", "add", "CSA-1", "--when", "1987")
    assert code == 1 and err.count("\n") == 1
    assert '--what is needed: give it in the --from-file object (as "what")' in err
    doc = run.values(tmp_path, {"what": "an event"})
    code, _, err = run("timeline", "add", "CSA-1", "--when", "1987", "--from-file", doc)
    assert code == 0 and "--when" in err and WARNING in err
    # A text field's value: a string, or a list of words as after --value, every word
    # kept (before, only the first word was: "the").
    field = run.values(tmp_path, {"field": "places", "value": ["the", "school"]}, "f.json")
    code, _, err = run("field", "set", "CSA-1", "--from-file", field)
    assert (code, err) == (0, "")
    assert run.case()["fields"]["places"] == "the school"


def test_stdin_cannot_carry_both_the_passphrase_and_the_values(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--vault", str(run.vault), "--passphrase-file", "-", "witness", "set",
                 "CSA-1", "--from-file", "-"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "only one option can read standard input" in err


def test_every_command_with_personal_content_takes_a_file() -> None:
    """The commands the hardening issue lists, and the other free-text ones like them."""
    from app.cli.from_file import SPEC
    from app.cli.main import build_parser

    parser = build_parser()
    expected = {
        ("case", "create"): {"--interviewer"},
        ("case", "hint-dismiss"): {"--reason"},
        ("case", "list"): {"--search"},
        ("witness", "set"): {"--name", "--date-of-birth", "--occupation", "--abe-reference"},
        ("witness", "restricted"): {"--address", "--phone", "--email", "--safe-contact",
                                    "--safe-times", "--dates-to-avoid", "--special-measures",
                                    "--other-needs", "--date-of-birth", "--court-note"},
        ("witness", "consent"): {"--note", "--limit"},
        ("timeline", "add"): {"--when", "--what"},
        ("field", "set"): {"--value"},
        ("sitting", "start"): {"--present", "--location"},
        ("sitting", "pause"): {"--reason"},
        ("sitting", "pause-update"): {"--reason"},
        ("sitting", "reason"): {"--reason"},
        ("statement", "readback"): {"--read-by"},
        ("exhibit", "add"): {"--description"},
    }  # fmt: skip
    for (group, action), flags in expected.items():
        args = [group, action] + ([] if (group, action) == ("case", "create") else ["X"])
        if (group, action) == ("case", "create"):
            args += ["--category", "csa", "--reference", "R"]
        if (group, action) == ("case", "list"):
            args = [group, action]
        if (group, action) == ("witness", "consent"):
            args += ["--given"]
        spec = getattr(parser.parse_args(args), SPEC)
        sensitive = {o.flag for o in spec.values() if o.sensitive}
        assert flags <= sensitive, (group, action, flags - sensitive)
