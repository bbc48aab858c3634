"""A guide's quiet hint about a question can be dismissed with a reason, and the reason goes
into the record for the supervisor: stored in the vault, listed in record.json's
`hint_dismissals`, never in the audit log (which says only that a reason was given)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from app.desktop.cases import dismiss_hint
from app.desktop.session import Session
from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.errors import UsageError
from app.export import record as rec
from app.export.pages import sign_confirmed
from app.resources import resource_path
from tests.conftest import FAST_KDF, PASSPHRASE, fresh_vault
from tests.core.engine_cli_harness import Cli, assert_one_line_error, make_vault

REF = "HINT-1"
REASON = "CANARY-the-witness-used-that-word-first"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    with (
        fresh_vault(tmp_path / "v") as v,
        Engine(v, clock=FakeClock()) as e,
    ):
        e.create_case("csa", REF)
        e.set_witness(REF, name="Alex Morgan", age_status="over_18")
        yield e


def test_a_dismissal_keeps_its_reason_out_of_the_audit_log(engine: Engine) -> None:
    first = engine.dismiss_hint(REF, "leading.suggests-answer", REASON)
    assert (first["rule"], first["reason"]) == ("leading.suggests-answer", REASON)
    second = engine.dismiss_hint(REF, "closed_question.v2", "  ")  # an empty reason: none
    assert second["reason"] is None
    assert engine.hint_dismissals(REF) == [
        {"rule": "leading.suggests-answer", "reason": REASON, "at": first["at"]},
        {"rule": "closed_question.v2", "reason": None, "at": second["at"]},
    ]
    hints = [e for e in engine.audit_entries(REF) if e.action == "hint"]
    assert [e.detail for e in hints] == [
        {"rule": "leading.suggests-answer", "reason_given": True},
        {"rule": "closed_question.v2", "reason_given": False},
    ]
    assert REASON not in json.dumps([e.to_json() for e in engine.audit_entries(REF)])


@pytest.mark.parametrize(
    ("rule", "reason", "code"),
    [
        ("", None, "hint.unknown_rule"),
        ("Leading", None, "hint.unknown_rule"),
        ("a" * 65, None, "hint.unknown_rule"),
        ("leading q", None, "hint.unknown_rule"),
        ("leading/q", None, "hint.unknown_rule"),
        ("lead\u202eing", None, "hint.unknown_rule"),
        ("leading", "x" * 501, "text.too_long"),
        ("leading", "one\ntwo", "text.not_one_line"),
        ("leading", "bad\udce9", "text.not_utf8"),
    ],
)
def test_bad_rules_and_reasons_are_refused_and_change_nothing(
    engine: Engine, rule: str, reason: str | None, code: str
) -> None:
    before = (engine.hint_dismissals(REF), engine.audit_head(REF))
    with pytest.raises(UsageError) as caught:
        engine.dismiss_hint(REF, rule, reason)
    assert caught.value.code == code
    assert (engine.hint_dismissals(REF), engine.audit_head(REF)) == before
    engine.dismiss_hint(REF, "a" * 64, "x" * 500)  # the limits themselves are fine


def test_the_record_lists_the_dismissals_for_the_supervisor(engine: Engine) -> None:
    engine.save_section(REF, "account", "It happened in the summer.")
    engine.dismiss_hint(REF, "leading.suggests-answer", REASON)
    engine.confirm_readback(REF)
    sign_confirmed(engine, REF, SVG, confirm_all=True)
    collected = rec.collect(engine, REF)
    record = rec.record(collected, audit_head={"seq": 1, "hash": "0" * 64}, text_sha256="0" * 64)
    assert [(d["rule"], d["reason"]) for d in record["hint_dismissals"]] == [
        ("leading.suggests-answer", REASON)
    ]
    schema = json.loads(resource_path("schemas", "record-v2.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(record)
    del record["hint_dismissals"]  # not required: records made before it still validate
    validator.validate(record)
    record["hint_dismissals"] = [{"rule": "Not An Id", "reason": None, "at": "now"}]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)


@pytest.mark.cli
def test_case_hint_dismiss(tmp_path: Path, passphrase_file: Path) -> None:
    cli = Cli(make_vault(tmp_path), passphrase_file)
    cli.json("case", "create", "--category", "csa", "--reference", REF)
    done = cli.json("case", "hint-dismiss", REF, "--rule", "leading.q", "--reason", REASON)
    assert (done["rule"], done["reason"]) == ("leading.q", REASON)
    assert cli.json("case", "hint-dismiss", REF, "--rule", "closed.q")["reason"] is None
    before = cli.json("audit", "show", REF)
    for args, words in (
        (["case", "hint-dismiss", REF, "--rule", "Bad Rule"], "named by its id"),
        (["case", "hint-dismiss", REF], "--rule"),
        (["case", "hint-dismiss", REF, "--rule", "q", "--reason", "x" * 501], "too long"),
        (["case", "hint-dismiss", "NO-SUCH", "--rule", "q"], "no case has that id"),
    ):
        result = cli(*args)
        assert_one_line_error(result)
        assert words in result.stderr, (args, result.stderr)
        assert REASON not in result.stderr
    assert cli.json("audit", "show", REF) == before
    assert REASON not in json.dumps(before)


def test_the_desktop_task_dismisses_a_hint(tmp_path: Path) -> None:
    session = Session(tmp_path / "d", clock=FakeClock())
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    try:
        session.engine.create_case("csa", REF)
        done = dismiss_hint(session, REF, "leading.q", REASON)
        assert session.engine.hint_dismissals(REF) == [
            {"rule": "leading.q", "reason": REASON, "at": done["at"]}
        ]
        with pytest.raises(UsageError) as caught:
            dismiss_hint(session, REF, "Leading Q", None)
        assert caught.value.code == "hint.unknown_rule"
    finally:
        session.lock()
