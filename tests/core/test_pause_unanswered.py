"""Who asked for a pause may be unanswered: nothing is preset. A pause recorded without a
requester says "not recorded" (NULL, null in the record) until someone completes it, from
the sitting bar or with `sitting pause-update`; a requester who cannot ask is still
refused in one line, with nothing changed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from app.desktop.session import Session
from app.desktop.sittings import amend_pause, pause_sitting
from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.errors import UsageError
from app.export import record as rec
from app.export.pages import sign_confirmed
from app.resources import resource_path
from app.review.summary import summarise
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.core.engine_cli_harness import Cli, assert_one_line_error, make_vault

REF = "PAUSE-1"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    with (
        Vault.create(tmp_path / "v", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as v,
        Engine(v, clock=FakeClock()) as e,
    ):
        e.create_case("csa", REF)
        e.set_witness(REF, name="Alex Morgan", age_status="over_18")
        e.start_sitting(REF, location="Cardiff")
        yield e


def test_a_pause_is_recorded_with_nobody_preset_and_completed_later(engine: Engine) -> None:
    pause = engine.pause_sitting(REF)
    assert pause.requested_by is None and pause.to_json()["requested_by"] is None
    [stored] = engine.current_sitting(REF).pauses  # type: ignore[union-attr]
    assert stored.requested_by is None
    entry = engine.audit_entries(REF)[-1]
    assert (entry.action, entry.detail["requested_by"]) == ("pause", None)
    with engine.vault.reading() as conn:
        assert conn.execute("SELECT requested_by FROM pauses").fetchone() == (None,)
    # Refusals change nothing, the unanswered requester included.
    before = (engine.sittings(REF), engine.audit_head(REF))
    for bad in ("system", "boss", "Witness", ""):
        with pytest.raises(UsageError) as caught:
            engine.update_pause(REF, requested_by=bad)
        assert caught.value.code == "pause.unknown_requester"
    assert (engine.sittings(REF), engine.audit_head(REF)) == before
    engine.update_pause(REF, requested_by="witness", reason="needed some air")
    [done] = engine.current_sitting(REF).pauses  # type: ignore[union-attr]
    assert (done.requested_by, done.reason) == ("witness", "needed some air")
    # Someone known at once is still recorded at once.
    engine.resume_sitting(REF)
    assert engine.pause_sitting(REF, "isva").requested_by == "isva"


def test_the_record_says_not_recorded_as_null(engine: Engine, tmp_path: Path) -> None:
    engine.save_section(REF, "account", "It happened in the summer.")
    engine.pause_sitting(REF)  # and nobody ever says who asked
    engine.resume_sitting(REF)
    engine.confirm_readback(REF)
    sign_confirmed(engine, REF, SVG, confirm_all=True, end_sitting=True)
    collected = rec.collect(engine, REF)
    record = rec.record(collected, audit_head={"seq": 1, "hash": "0" * 64}, text_sha256="0" * 64)
    [sitting] = record["sittings"]
    assert [p["requested_by"] for p in sitting["pauses"]] == [None]
    schema = json.loads(resource_path("schemas", "record-v2.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(record)
    # Still only the roles that may ask, or null: nothing else.
    sitting["pauses"][0]["requested_by"] = "boss"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)
    # The supervisor's summary reads it without failing.
    sitting["pauses"][0]["requested_by"] = None
    [summary] = summarise(record).sittings[0].pauses
    assert summary.requested_by == ""


def test_the_desktop_records_an_unanswered_pause_and_completes_it(tmp_path: Path) -> None:
    session = Session(tmp_path / "d", clock=FakeClock())
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    try:
        engine = session.engine
        engine.create_case("csa", REF)
        engine.start_sitting(REF)
        pause = pause_sitting(session, REF)  # nobody preset
        assert pause.requested_by is None
        amend_pause(session, REF, pause.number, "supporter", None)
        sitting = engine.current_sitting(REF)
        assert sitting is not None and sitting.pauses[-1].requested_by == "supporter"
    finally:
        session.lock()


@pytest.mark.cli
def test_sitting_pause_without_a_requester_and_pause_update(
    tmp_path: Path, passphrase_file: Path
) -> None:
    cli = Cli(make_vault(tmp_path), passphrase_file)
    cli.json("case", "create", "--category", "csa", "--reference", REF)
    cli.json("sitting", "start", REF)
    paused = cli.json("sitting", "pause", REF)
    assert paused["requested_by"] is None
    text = cli("sitting", "list", REF).stdout
    assert "asked by not recorded" in text
    before = cli.state(REF)
    for args, words in (
        (["sitting", "pause-update", REF], "--requested-by, --reason or both"),
        (["sitting", "pause-update", REF, "--requested-by", "boss"], "invalid choice"),
        (["sitting", "pause-update", REF, "--requested-by", "witness", "--pause", "9"], "no such"),
        (["sitting", "pause-update", REF, "--reason", "x" * 1001], "too long"),
        (["sitting", "pause", REF, "--requested-by", "system"], "invalid choice"),
    ):
        done = cli(*args)
        assert_one_line_error(done)
        assert words in done.stderr, (args, done.stderr)
    after = cli.state(REF)
    assert after["sittings"] == before["sittings"]
    assert [e for e in after["audit"] if e["action"] != "view"] == [
        e for e in before["audit"] if e["action"] != "view"
    ]
    cli.json("sitting", "pause-update", REF, "--requested-by", "interpreter", "--reason", "tea")
    [sitting] = cli.json("sitting", "list", REF)
    assert [(p["requested_by"], p["reason"]) for p in sitting["pauses"]] == [("interpreter", "tea")]
