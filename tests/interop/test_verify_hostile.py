"""Hostile JSON inside a correctly signed bundle: every malformed input is a named, failed
check (exit 4), never an unexpected error; and restricted.json is checked against its
published schema and against the manifest's case."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.engine import audit
from app.engine.models import RESTRICTED_FIELDS
from app.export import record as rec
from app.export.pages import confirm_all_pages
from tests.conftest import REPO
from tests.interop.bundle_forge import SVG, World, failed, make_world, reseal, verify

DEEP = 100_000  # far past Python's recursion limit
# A format 2 bundle's restricted.json (a version 1 bundle's is checked against v1).
RESTRICTED_SCHEMA = REPO / "app" / "resources" / "schemas" / "restricted-v2.schema.json"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = make_world(tmp_path_factory.mktemp("hostile"))
    yield made
    made.engine.vault.close()


def nested(depth: int = DEEP) -> bytes:
    return b"[" * depth + b"]" * depth


def in_manifest(change: Callable[[dict[str, Any]], None]) -> Callable[[World], bytes]:
    def forge(world: World) -> bytes:
        return reseal(world.files(), world.jo, manifest=change)

    return forge


def in_file(name: str, change: Callable[[bytes], bytes]) -> Callable[[World], bytes]:
    def forge(world: World) -> bytes:
        files = world.files()
        return reseal(files, world.jo, {name: change(files[name])})

    return forge


def deep_manifest(world: World) -> bytes:
    files = world.files()
    raw = files["manifest.json"].rstrip()[:-1] + b', "x": ' + nested() + b"}\n"
    return reseal(files, world.jo, raw_manifest=raw)


def audit_lines(change: Callable[[list[dict[str, Any]]], None]) -> Callable[[bytes], bytes]:
    """Change the log's entries, then recompute every hash so the chain still holds."""

    def rewrite(raw: bytes) -> bytes:
        entries = [json.loads(line) for line in raw.decode().splitlines()]
        change(entries)
        prev = audit.GENESIS
        for e in entries:
            e["prev"] = prev
            fields = ("case_id", "seq", "at", "actor", "action", "detail", "prev")
            e["hash"] = prev = audit.entry_hash(*(e[k] for k in fields))
        return b"".join(audit.canonical(e) + b"\n" for e in entries)

    return rewrite


def set_last_detail(value: Any) -> Callable[[list[dict[str, Any]]], None]:
    def change(entries: list[dict[str, Any]]) -> None:
        entries[-1]["detail"] = value

    return change


def restricted(change: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def rewrite(raw: bytes) -> bytes:
        doc = json.loads(raw)
        change(doc)
        return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False).encode()

    return rewrite


HOSTILE: dict[str, tuple[Callable[[World], bytes], str, str]] = {
    # name: (forge, the check that fails, words in its detail)
    "manifest nested deep": (deep_manifest, "manifest", "not a Quietroom manifest"),
    "manifest recipient an object": (
        in_manifest(lambda d: d["recipients"].append({"age": "x"})),
        "manifest",
        "recipients",
    ),
    "manifest case a string": (
        in_manifest(lambda d: d.update(case="CSA-H-1")),
        "manifest",
        "case",
    ),
    "manifest author a list": (in_manifest(lambda d: d.update(author=[1])), "manifest", "author"),
    "manifest file entry a number": (
        in_manifest(lambda d: d["files"].update({"record.json": 7})),
        "manifest",
        "files",
    ),
    "manifest version true": (in_manifest(lambda d: d.update(version=True)), "manifest", "version"),
    "record nested deep": (in_file("record.json", lambda _: nested()), "record schema", "JSON"),
    "audit line nested deep": (
        in_file("audit.jsonl", lambda raw: raw + nested() + b"\n"),
        "audit chain",
        "not a readable audit log",
    ),
    "audit detail a string": (
        in_file("audit.jsonl", audit_lines(set_last_detail("export"))),
        "audit chain",
        "not a readable audit log",
    ),
    "restricted nested deep": (
        in_file("restricted.json", lambda _: nested()),
        "restricted details",
        "not valid JSON",
    ),
    "restricted not JSON": (
        in_file("restricted.json", lambda _: b"\xff\xfe not json"),
        "restricted details",
        "not valid JSON",
    ),
    "restricted address a number": (
        in_file("restricted.json", restricted(lambda d: d["details"].update(address=5))),
        "restricted details",
        "at details/address",
    ),
    "restricted unknown detail": (
        in_file("restricted.json", restricted(lambda d: d["details"].update(shoe_size="9"))),
        "restricted details",
        "at details",
    ),
    "restricted of another case": (
        in_file("restricted.json", restricted(lambda d: d.update(case_reference="CSA-OTHER"))),
        "restricted details",
        "another case",
    ),
}


@pytest.mark.cli
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_content_is_a_named_failed_check(world: World, tmp_path: Path, kind: str) -> None:
    forge, check, words = HOSTILE[kind]
    bundle = world.forged(tmp_path / "hostile.qrb", forge(world))
    code, report, stderr = verify(bundle, world.supervisor, world.trust)
    assert code == 4, stderr
    assert "unexpected" not in stderr
    problems = failed(report)
    assert check in problems, problems
    assert words in problems[check], problems


def test_the_restricted_schema_describes_what_an_export_writes(world: World) -> None:
    """A case with every restricted detail filled in and a consent with a note, as the
    engine stores them: valid; anything the export never writes: not."""
    schema = json.loads(RESTRICTED_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    engine = world.engine
    validator.validate(rec.restricted_json(rec.collect(engine, world.ref)))
    ref = "CSA-FULL-1"
    engine.create_case("apsp", ref)
    engine.set_witness(ref, name="Alex Morgan", age_status="over_18")
    engine.set_restricted(
        ref,
        date_of_birth="1979-12-31",
        address="1 Lane\nCardiff",
        phone="07700 900123",
        email="a@example.org",
        safe_contact="her sister",
        safe_times="after six",
        voicemail_safe=False,
        letters_safe=True,
        dates_to_avoid="March",
        special_measures="screens",
        other_needs="breaks",
        vps_offered=True,
        process_explained=True,
        leaflet_given=True,
        willing_to_attend_court="not_sure",
        court_note="with screens",
        witness_service_referral=False,
    )
    engine.record_consent(ref, "medical-records", "given", "by phone")
    engine.record_consent(ref, "medical_records_defence", "given", limit="not the GP notes")
    engine.record_consent(ref, "medical-records", "withdrawn")
    engine.save_section(ref, "account", "It happened.")
    engine.confirm_readback(ref)
    confirm_all_pages(engine, ref)  # the witness confirmed each page
    engine.sign_statement(ref, SVG)
    written = json.loads(json.dumps(rec.restricted_json(rec.collect(engine, ref))))
    assert set(written["details"]) == {*RESTRICTED_FIELDS, "consents"}
    validator.validate(written)
    for wrong in (
        {**written, "extra": 1},
        {**written, "version": 1},
        {**written, "case_id": "CSA-FULL-1"},
        {**written, "details": {**written["details"], "consents": [{"kind": "x"}]}},
        {**written, "details": {**written["details"], "date_of_birth": "31/12/1979"}},
        {**written, "details": {**written["details"], "letters_safe": "yes"}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(wrong)
