"""Showing the timeline, the notes or the sittings is a 'view' in the audit log.

The issue asks the log to record "every create, view, edit, pause, resume, export and
sign". The engine's listings take an optional `audit_view` (default False, so internal
reads stay cheap and quiet); the command line's `timeline list`, `note list` and
`sitting list` show a person the case, so each adds exactly one view entry naming what
was viewed (ids, never words), and the hash chain still verifies afterwards.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.engine.audit import Entry
from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.engine.models import Participant
from app.errors import UsageError
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli

pytestmark = pytest.mark.cli

REF = "CSA-AV-1"
NOTE_CANARY = "CANARY-note-the-interviewer-wonders"
EVENT_CANARY = "CANARY-event-the-red-door"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """A vault holding one case with timeline events, notes and two sittings."""
    root = tmp_path / "vault"
    with (
        Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
        Engine(vault, clock=FakeClock()) as engine,
    ):
        engine.create_case("csa", REF)
        engine.create_case("general", "GEN-OTHER")
        engine.set_witness(REF, name="Alex Morgan")
        engine.add_event(REF, "summer 1987", EVENT_CANARY)
        engine.add_event(REF, "1985", "moved house")
        engine.start_sitting(REF, [Participant("interviewer", "Jo Bloggs")])
        engine.add_note(REF, NOTE_CANARY)
        engine.end_sitting(REF)
        engine.start_sitting(REF)
        engine.add_note(REF, "second note")
    return root


@pytest.fixture
def engine(vault_dir: Path) -> Iterator[Engine]:
    with Vault.open(vault_dir, PASSPHRASE) as vault, Engine(vault, clock=FakeClock()) as e:
        yield e


def entries(engine: Engine, ref: str = REF) -> list[Entry]:
    return engine.audit_entries(ref)


# --- the engine -----------------------------------------------------------------------------

LISTINGS: dict[str, tuple[Callable[..., list[Any]], Callable[[list[Any]], dict[str, Any]]]] = {
    "timeline": (
        Engine.timeline,
        lambda events: {"what": "timeline", "events": [e.id for e in events]},
    ),
    "notes": (Engine.notes, lambda notes: {"what": "notes", "notes": [n["id"] for n in notes]}),
    "sittings": (
        Engine.sittings,
        lambda sittings: {"what": "sittings", "sittings": [s.number for s in sittings]},
    ),
}


@pytest.mark.parametrize("what", list(LISTINGS))
def test_plain_reads_add_nothing_to_the_log(engine: Engine, what: str) -> None:
    listing, _ = LISTINGS[what]
    before = entries(engine)
    assert listing(engine, REF) == listing(engine, REF, audit_view=False)
    assert entries(engine) == before


@pytest.mark.parametrize("what", list(LISTINGS))
def test_an_audited_read_adds_exactly_one_view(engine: Engine, what: str) -> None:
    listing, expected = LISTINGS[what]
    before = entries(engine)
    other_before = entries(engine, "GEN-OTHER")
    shown = listing(engine, REF, audit_view=True)
    assert shown == listing(engine, REF), "an audited read must return the same listing"
    after = entries(engine)
    assert after[:-1] == before and len(after) == len(before) + 1
    view = after[-1]
    assert (view.action, view.actor, view.detail) == ("view", "interviewer", expected(shown))
    assert view.detail["what"] == what
    assert entries(engine, "GEN-OTHER") == other_before
    for canary in (NOTE_CANARY, EVENT_CANARY):
        assert canary not in json.dumps(view.to_json())
    assert engine.verify_audit(REF).intact


def test_audited_reads_name_the_listed_items(engine: Engine) -> None:
    engine.timeline(REF, audit_view=True)
    engine.notes(REF, audit_view=True)
    engine.sittings(REF, audit_view=True)
    views = [e.detail for e in entries(engine)[-3:]]
    assert views[0]["what"] == "timeline" and len(views[0]["events"]) == 2
    assert views[1] == {"what": "notes", "notes": [1, 2]}
    assert views[2] == {"what": "sittings", "sittings": [1, 2]}
    # An empty listing is still a view: someone was shown that there is nothing.
    assert engine.notes("GEN-OTHER", audit_view=True) == []
    assert entries(engine, "GEN-OTHER")[-1].detail == {"what": "notes", "notes": []}
    report = engine.verify_audit(REF)
    assert report.intact and report.entries == len(entries(engine))


@pytest.mark.parametrize("what", list(LISTINGS))
def test_an_audited_read_of_an_unknown_case_changes_nothing(engine: Engine, what: str) -> None:
    listing, _ = LISTINGS[what]
    before = {ref: entries(engine, ref) for ref in (REF, "GEN-OTHER")}
    with pytest.raises(UsageError, match="no case has that id"):
        listing(engine, "NO-SUCH-CASE", audit_view=True)
    assert {ref: entries(engine, ref) for ref in (REF, "GEN-OTHER")} == before


# --- the command line -----------------------------------------------------------------------


class Cli:
    def __init__(self, vault: Path, passphrase_file: Path) -> None:
        self.vault, self.passphrase_file = vault, passphrase_file

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("--vault", self.vault, "--passphrase-file", self.passphrase_file, *args)

    def json(self, *args: str) -> Any:
        result = self(*args, "--json")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def cli(vault_dir: Path, tmp_path: Path) -> Cli:
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    passphrase.chmod(0o600)
    return Cli(vault_dir, passphrase)


COMMANDS = [
    ("timeline", "list", "timeline"),
    ("note", "list", "notes"),
    ("sitting", "list", "sittings"),
]


def test_each_cli_listing_adds_one_view_and_the_chain_verifies(cli: Cli) -> None:
    log = cli.json("audit", "show", REF)
    other = cli.json("audit", "show", "GEN-OTHER")
    for group, action, what in COMMANDS:
        listed = cli.json(group, action, REF)
        assert listed, f"{group} {action} listed nothing"
        after = cli.json("audit", "show", REF)
        assert after[:-1] == log, f"'{group} {action}' changed earlier audit entries"
        assert len(after) == len(log) + 1, f"'{group} {action}' added no view entry"
        view = after[-1]
        assert (view["action"], view["detail"]["what"]) == ("view", what)
        key = {"timeline": "events", "notes": "notes", "sittings": "sittings"}[what]
        ids = [item["number"] if what == "sittings" else item["id"] for item in listed]
        assert view["detail"][key] == ids
        for canary in (NOTE_CANARY, EVENT_CANARY):
            assert canary not in json.dumps(view)
        log = after
    assert cli.json("audit", "show", "GEN-OTHER") == other
    verified = cli.json("audit", "verify", REF)
    assert verified["intact"] is True and verified["entries"] == len(log)
    assert verified["head"] == log[-1]["hash"]
    # The plain text output is audited the same way.
    result = cli("note", "list", REF)
    assert result.returncode == 0 and NOTE_CANARY in result.stdout
    assert cli.json("audit", "show", REF)[-1]["detail"]["what"] == "notes"


@pytest.mark.parametrize(("group", "action"), [(g, a) for g, a, _ in COMMANDS])
def test_a_cli_listing_of_an_unknown_case_is_one_line_and_changes_nothing(
    cli: Cli, vault_dir: Path, group: str, action: str
) -> None:
    def logs() -> dict[str, list[Entry]]:
        with Vault.open(vault_dir, PASSPHRASE) as vault, Engine(vault) as engine:
            return {ref: engine.audit_entries(ref) for ref in (REF, "GEN-OTHER")}

    before = logs()
    result = cli(group, action, "NO-SUCH-CASE")
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("quietroom-cli: ") and "no case has that id" in result.stderr
    assert logs() == before
