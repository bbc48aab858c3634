"""Anyone present may ask for a pause, and who asked is recorded.

The issue: "Pause is allowed at any moment of a running sitting, by anyone present (the
requester's role … recorded)". Every participant role (second interviewer, ISVA,
interpreter, appropriate adult as well as the witness, interviewer, intermediary and
supporter) is accepted by the engine (pause and amend), by `sitting pause
--requested-by` and by the export record's schema; anything else is refused in one
line and nothing changes.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.engine.models import PAUSE_REQUESTER_ROLES, PAUSE_REQUESTERS, ROLES, Participant
from app.errors import UsageError
from app.resources import resource_path
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, fresh_vault, run_cli

REF = "APSP-PR-1"
TODAY = ("witness", "interviewer", "intermediary", "supporter")
NEW = ("second_interviewer", "isva", "interpreter", "appropriate_adult")
UNKNOWN = ("system", "boss", "", "ISVA", "Witness", " witness", "second-interviewer")


def test_every_participant_role_may_ask_for_a_pause() -> None:
    assert PAUSE_REQUESTERS == TODAY, "the four existing values keep their spelling and order"
    assert PAUSE_REQUESTER_ROLES[:4] == TODAY
    assert set(PAUSE_REQUESTER_ROLES) == set(ROLES) == set(TODAY + NEW)
    assert len(PAUSE_REQUESTER_ROLES) == len(set(PAUSE_REQUESTER_ROLES))
    assert "system" not in PAUSE_REQUESTER_ROLES  # only a crash records 'system'


# --- the engine -----------------------------------------------------------------------------


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    with (
        fresh_vault(tmp_path / "vault") as vault,
        Engine(vault, clock=FakeClock(), owner=True) as e,
    ):
        e.create_case("apsp", REF)
        e.start_sitting(
            REF,
            [
                Participant("interviewer", "Jo Bloggs"),
                Participant("isva", "Sam Lee"),
                Participant("interpreter", "Ana Sousa", "Portuguese"),
                Participant("appropriate_adult", "Pat Reid"),
                Participant("second_interviewer", "Kim Ode"),
            ],
        )
        yield e


def state(engine: Engine) -> tuple[Any, ...]:
    return (engine.sittings(REF), [e.to_json() for e in engine.audit_entries(REF)])


@pytest.mark.parametrize("role", PAUSE_REQUESTER_ROLES)
def test_a_pause_by_each_role_is_recorded(engine: Engine, role: str) -> None:
    clock: FakeClock = engine.clock  # type: ignore[assignment]
    clock.advance(60)
    pause = engine.pause_sitting(REF, role, "asked for a moment")
    assert (pause.requested_by, pause.kind, pause.reason) == (role, "pause", "asked for a moment")
    sitting = engine.current_sitting(REF)
    assert sitting is not None and sitting.state == "paused"
    assert [p.requested_by for p in sitting.pauses] == [role]
    assert sitting.to_json()["pauses"][0]["requested_by"] == role
    entry = engine.audit_entries(REF)[-1]
    assert (entry.action, entry.detail) == (
        "pause",
        {"sitting": 1, "pause": 1, "requested_by": role},
    )
    clock.advance(30)
    engine.resume_sitting(REF)
    assert engine.sittings(REF)[0].pauses[0].ended is not None
    assert engine.verify_audit(REF).intact


@pytest.mark.parametrize("role", PAUSE_REQUESTER_ROLES)
def test_who_asked_can_be_set_to_each_role_afterwards(engine: Engine, role: str) -> None:
    # The pause key cannot ask who wanted the pause: the pause screen records it after.
    engine.pause_sitting(REF, "interviewer")
    engine.update_pause(REF, requested_by=role)
    assert engine.sittings(REF)[0].pauses[0].requested_by == role
    entry = engine.audit_entries(REF)[-1]
    assert (entry.action, entry.detail) == (
        "pause",
        {"sitting": 1, "pause": 1, "amended": True, "requested_by": role},
    )


@pytest.mark.parametrize("role", UNKNOWN)
def test_an_unknown_requester_is_refused_in_one_line_and_nothing_changes(
    engine: Engine, role: str
) -> None:
    before = state(engine)
    with pytest.raises(UsageError) as refused:
        engine.pause_sitting(REF, role, "x")
    message = str(refused.value)
    assert "\n" not in message and message.startswith("who asked for the pause?")
    assert all(r in message for r in PAUSE_REQUESTER_ROLES)
    assert state(engine) == before
    engine.pause_sitting(REF, "witness")
    before = state(engine)
    with pytest.raises(UsageError, match="who asked for the pause"):
        engine.update_pause(REF, requested_by=role, reason="changed")
    assert state(engine) == before


# --- the command line -----------------------------------------------------------------------


@pytest.fixture
def cli_vault(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "vault"
    with (
        Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
        Engine(vault) as engine,
    ):
        engine.create_case("apsp", REF)
        engine.start_sitting(REF, [Participant("isva", "Sam Lee")])
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    passphrase.chmod(0o600)
    return root, passphrase


def cli(cli_vault: tuple[Path, Path], *args: str) -> subprocess.CompletedProcess[str]:
    root, passphrase = cli_vault
    return run_cli("--vault", root, "--passphrase-file", passphrase, *args)


def stored(cli_vault: tuple[Path, Path]) -> tuple[Any, ...]:
    """The sittings and the audit log, read without adding a view."""
    with Vault.open(cli_vault[0], PASSPHRASE) as vault, Engine(vault) as engine:
        sittings = [s.to_json() for s in engine.sittings(REF)]
        for s in sittings:
            s.pop("active_seconds")
        return sittings, [e.to_json() for e in engine.audit_entries(REF)]


@pytest.mark.cli
def test_cli_pause_by_every_role_is_recorded(cli_vault: tuple[Path, Path]) -> None:
    for role in PAUSE_REQUESTER_ROLES:
        result = cli(cli_vault, "sitting", "pause", REF, "--requested-by", role, "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["requested_by"] == role
        assert cli(cli_vault, "sitting", "resume", REF).returncode == 0
    sittings, log = stored(cli_vault)
    assert [p["requested_by"] for p in sittings[0]["pauses"]] == list(PAUSE_REQUESTER_ROLES)
    assert [e["detail"]["requested_by"] for e in log if e["action"] == "pause"] == list(
        PAUSE_REQUESTER_ROLES
    )
    help_text = cli(cli_vault, "sitting", "pause", "--help").stdout
    assert all(role in help_text for role in PAUSE_REQUESTER_ROLES)


@pytest.mark.cli
@pytest.mark.parametrize("role", ["system", "boss", "Witness"])
def test_cli_unknown_requester_is_one_line_and_changes_nothing(
    cli_vault: tuple[Path, Path], role: str
) -> None:
    before = stored(cli_vault)
    result = cli(cli_vault, "sitting", "pause", REF, "--requested-by", role, "--reason", "x")
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("quietroom-cli: ") and "invalid choice" in result.stderr
    assert "isva" in result.stderr  # it says who may ask
    assert stored(cli_vault) == before


# --- the export record's schema ---------------------------------------------------------------


def pause_validator() -> jsonschema.Draft202012Validator:
    path = resource_path("schemas", "record-v1.schema.json")
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/pause"})


def record_pause(requested_by: str) -> dict[str, Any]:
    return {
        "number": 1,
        "kind": "pause",
        "started": "2026-11-26T10:00:00.000000Z",
        "ended": None,
        "requested_by": requested_by,
        "reason": None,
    }


@pytest.mark.parametrize("role", (*PAUSE_REQUESTER_ROLES, "system"))
def test_the_record_schema_accepts_every_requester(role: str) -> None:
    pause_validator().validate(record_pause(role))


@pytest.mark.parametrize("role", ["boss", "ISVA", ""])
def test_the_record_schema_still_refuses_unknown_requesters(role: str) -> None:
    assert not pause_validator().is_valid(record_pause(role))
