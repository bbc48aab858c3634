"""The statement's language (cases.statement_language): English or Welsh, chosen when the
case is created and changeable until the statement is signed. A Welsh statement is signed
only with the organisation's approved Welsh s.9 declaration (its signed policy), and the
record says which declaration the witness signed; the PDFs are rendered in the case's
language (their /Lang from it), whatever the witness's own language is."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.desktop.cases import STATEMENT_LANGUAGES, set_statement_language
from app.desktop.session import Session
from app.engine.engine import Engine
from app.engine.signing import declaration_for, english_declaration
from app.errors import UsageError
from app.export import record as rec
from app.export.bundle import export_case
from app.export.pages import sign_confirmed
from app.org import org_init, org_set_policy
from app.org.policy import Policy, WelshDeclaration
from app.org.trust import read_signed_trust
from app.render.mg11 import render_statement
from app.render.restricted_pdf import render_restricted
from app.resources import resource_path
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli

WELSH = "Mae’r datganiad hwn, sy’n cynnwys {n} tudalen, yn wir hyd eithaf fy ngwybodaeth."
LANGUAGE_DE = ("--statement-language", "de")
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)


@pytest.fixture
def org(tmp_path: Path) -> Path:
    out = tmp_path / "org"
    org_init(out)
    return out


@pytest.fixture
def engine(tmp_path: Path, org: Path) -> Iterator[Engine]:
    with Vault.create(tmp_path / "v", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as v:
        e = Engine(v)
        me = org / "interviewer"
        e.import_identity(
            me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
        )
        yield e
        e.close()


def take(engine: Engine, ref: str, language: str) -> None:
    """A case read back and confirmed, its sitting ended: ready for signing."""
    engine.create_case("csa", ref, statement_language=language)
    engine.set_witness(ref, name="Morgan Ŷwen", age_status="over_18", language="Cymraeg")
    engine.start_sitting(ref, location="Caerdydd")
    engine.save_section(ref, "account", "Rwy’n cofio’r lôn wrth y capel.")
    engine.end_sitting(ref)
    engine.confirm_readback(ref)


def take_policy(engine: Engine, org: Path, text: str | None) -> None:
    """The organisation publishes its Welsh declaration; the vault takes the trust file."""
    org_set_policy(org, welsh_declaration=text)
    data, signature, _ca = read_signed_trust(org / "trust.json")
    assert engine.update_trust(data, signature) is not None


def state(engine: Engine, ref: str) -> tuple[Any, ...]:
    return (engine.case(ref), engine.statement(ref), engine.audit_head(ref))


def test_the_language_is_a_case_field_until_the_statement_is_signed(engine: Engine) -> None:
    assert engine.create_case("csa", "EN-1").statement_language == "en"  # the default
    case = engine.create_case("apsp", "CY-1", statement_language="cy")
    assert case.statement_language == "cy" == engine.case("CY-1").statement_language
    assert engine.show_case("CY-1")["statement_language"] == "cy"
    listed = {c.reference: c.to_json()["statement_language"] for c in engine.list_cases()}
    assert listed == {"EN-1": "en", "CY-1": "cy"}
    before = state(engine, "CY-1")
    for bad in ("fr", "", "CY", "welsh", None):
        with pytest.raises(UsageError) as caught:
            engine.set_statement_language("CY-1", bad)  # type: ignore[arg-type]
        assert caught.value.code == "case.unknown_statement_language"
        assert "use en (English) or cy (Welsh)" in str(caught.value)
    with pytest.raises(UsageError, match="unknown statement language"):
        engine.create_case("csa", "FR-1", statement_language="fr")
    assert state(engine, "CY-1") == before
    assert [c.reference for c in engine.list_cases()] == ["CY-1", "EN-1"]
    assert engine.set_statement_language("CY-1", "en").statement_language == "en"
    last = engine.audit_entries("CY-1")[-1]
    assert (last.action, last.detail) == (
        "statement",
        {"event": "language", "statement_language": "en"},
    )
    # The witness's own language is theirs (free text, for an interpreter), not this.
    engine.set_witness("CY-1", name="Alex Morgan", language="Portuguese")
    assert engine.case("CY-1").statement_language == "en"


def test_a_welsh_statement_needs_the_organisations_declaration(
    engine: Engine, org: Path, tmp_path: Path
) -> None:
    take(engine, "CY-2", "cy")
    before = state(engine, "CY-2")
    with pytest.raises(UsageError) as caught:
        engine.sign_statement("CY-2", SVG)
    assert caught.value.code == "statement.welsh_declaration_missing"
    assert "org policy" in str(caught.value)
    assert state(engine, "CY-2") == before  # nothing signed, nothing recorded
    # A declaration without its one "{n}" cannot be printed: the organisation cannot set
    # one, and one published by other means cannot be signed with.
    with pytest.raises(UsageError, match=re.escape('hold "{n}" once')):
        take_policy(engine, org, "Mae’r datganiad hwn yn wir.")
    bare = Policy(welsh_declaration=WelshDeclaration.of("Mae’r datganiad hwn yn wir."))
    with pytest.raises(UsageError) as caught:
        declaration_for("cy", bare)
    assert caught.value.code == "statement.welsh_declaration_placeholder"
    take_policy(engine, org, WELSH)
    signed = sign_confirmed(engine, "CY-2", SVG, confirm_all=True)
    pinned = {"language": "cy", "sha256": hashlib.sha256(WELSH.encode()).hexdigest()}
    assert signed["declaration"] == pinned
    entry = engine.audit_entries("CY-2")[-1]
    assert entry.action == "sign" and entry.detail["declaration"] == pinned
    with pytest.raises(UsageError) as caught:
        engine.set_statement_language("CY-2", "en")
    assert caught.value.code == "case.statement_signed"

    collected = rec.collect(engine, "CY-2")
    document = rec.statement_document(collected, "Interviewer One")
    assert (document.language_code, document.declaration) == ("cy", WELSH)
    assert document.witnessed_by == "Interviewer One (cyfwelydd)"  # in the statement's words
    restricted = rec.restricted_details(collected)
    assert restricted.language_code == "cy" and restricted.case_id == collected.case.id
    record = rec.record(collected, audit_head={"seq": 1, "hash": "0" * 64}, text_sha256="0" * 64)
    assert record["case"]["statement_language"] == "cy"
    assert record["statement"]["declaration"] == pinned
    assert record["survivor"]["language"] == "Cymraeg"  # the witness's own, unchanged
    schema = json.loads(resource_path("schemas", "record-v2.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(record)
    assert rec.restricted_json(collected)["statement_language"] == "cy"
    # Both PDFs say they are Welsh.
    assert b"/Lang (cy-GB)" in render_statement(document)
    assert b"/Lang (cy-GB)" in render_restricted(restricted)
    export_case(engine, "CY-2", tmp_path / "cy.qrb")

    # The organisation changes its wording afterwards: the statement cannot be printed
    # with words the witness did not sign, so the export is refused, not altered.
    take_policy(engine, org, WELSH.replace("wir", "gywir"))
    with pytest.raises(UsageError) as caught:
        export_case(engine, "CY-2", tmp_path / "again.qrb")
    assert caught.value.code == "export.declaration_changed"
    assert not (tmp_path / "again.qrb").exists()


def test_an_english_statement_records_the_built_in_declaration(
    engine: Engine, tmp_path: Path
) -> None:
    take(engine, "EN-2", "en")
    sign_confirmed(engine, "EN-2", SVG, confirm_all=True)
    collected = rec.collect(engine, "EN-2")
    record = rec.record(collected, audit_head={"seq": 1, "hash": "0" * 64}, text_sha256="0" * 64)
    wording = english_declaration()
    assert "{n}" in wording and wording.startswith("This statement (consisting of")
    assert record["statement"]["declaration"] == {
        "language": "en",
        "sha256": hashlib.sha256(wording.encode("utf-8")).hexdigest(),
    }
    document = rec.statement_document(collected, "Interviewer One")
    assert (document.language_code, document.declaration) == ("en", None)
    assert b"/Lang (en-GB)" in render_statement(document)


# --- the command line ----------------------------------------------------------------


def cli(vault: Path, pp: Path, *args: str) -> Any:
    return run_cli("--vault", vault, "--passphrase-file", pp, *args)


@pytest.mark.cli  # child processes: make test runs it, make check stays quick
def test_the_command_line_sets_and_shows_the_language(
    tmp_path: Path, passphrase_file: Path
) -> None:
    vault = tmp_path / "cli-vault"
    Vault.create(vault, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF).close()

    def ok(*args: str) -> Any:
        done = cli(vault, passphrase_file, *args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    made = ok(
        "case", "create", "--category", "csa", "--reference", "CY-3", "--statement-language", "cy"
    )
    assert made["statement_language"] == "cy"
    assert ok("case", "show", "CY-3")["statement_language"] == "cy"
    shown = cli(vault, passphrase_file, "case", "show", "CY-3")
    assert "language:    Welsh" in shown.stdout
    assert ok("case", "set", "CY-3", "--statement-language", "en")["statement_language"] == "en"
    before = ok("audit", "show", "CY-3")
    for args, words in (
        (["case", "set", "CY-3", "--statement-language", "fr"], "invalid choice"),
        (["case", "set", "CY-3"], "--statement-language"),
        (["case", "set", "NO-SUCH", "--statement-language", "cy"], "no case has that id"),
        (
            ["case", "create", "--category", "csa", "--reference", "X-1", *LANGUAGE_DE],
            "invalid choice",
        ),
    ):
        done = cli(vault, passphrase_file, *args)
        assert done.returncode == 1, (args, done.stderr)
        assert len(done.stderr.splitlines()) == 1 and words in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert ok("audit", "show", "CY-3") == before
    assert [c["reference"] for c in ok("case", "list")] == ["CY-3"]


def test_the_desktop_task_changes_the_language(tmp_path: Path) -> None:
    assert STATEMENT_LANGUAGES == ("en", "cy")
    session = Session(tmp_path / "d")
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    try:
        session.engine.create_case("csa", "CY-4")
        assert set_statement_language(session, "CY-4", "cy").statement_language == "cy"
        with pytest.raises(UsageError) as caught:
            set_statement_language(session, "CY-4", "gd")
        assert caught.value.code == "case.unknown_statement_language"
        assert session.engine.case("CY-4").statement_language == "cy"
    finally:
        session.lock()
