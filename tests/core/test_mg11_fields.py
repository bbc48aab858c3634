"""The MG11's fields that format 2 fills in: the front's "visually recorded" box and the
recording's reference, each sitting's start, finish and place, the witness's signing time;
the back page's consents (the MG11's catalogue, each with its limit), its items (process
explained, leaflet, attending court, the Witness Service) and the witness's signature for
the consents. Signing ends a sitting still in progress only when asked, in the same
transaction, so the record never holds an open sitting on a signed statement. Bad input
is refused in one sentence and changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.desktop.cases import set_consent_signature
from app.desktop.session import Session
from app.engine.case_details import CaseDetails
from app.engine.clock import FakeClock, parse_stamp
from app.engine.engine import Engine
from app.engine.statements import STROKES_TYPE
from app.errors import UsageError
from app.export import record as rec
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages, sign_confirmed
from app.org import org_init
from app.render.document import ConsentItem, SittingTimes
from app.render.signature_art import SignatureArt, Stroke, to_json
from app.resources import resource_path
from tests.conftest import FAST_KDF, PASSPHRASE, fresh_vault, run_cli
from tests.core.engine_cli_harness import Cli, assert_one_line_error, make_vault, write

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)
STROKES = to_json(SignatureArt(strokes=(Stroke(((10.0, 30.0), (60.0, 10.0), (90.0, 35.0))),)))
CONSENT_SIGNATURE = STROKES.encode("utf-8")
NO_STROKES = to_json(SignatureArt()).encode("utf-8")


def schema(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json.loads(resource_path("schemas", name).read_text("utf-8"))
    )


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fields") / "org"
    org_init(out)
    return out


@pytest.fixture
def engine(tmp_path: Path, org: Path) -> Iterator[Engine]:
    with fresh_vault(tmp_path / "v") as v:
        e = Engine(v, clock=FakeClock())
        me = org / "interviewer"
        e.import_identity(
            me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
        )
        yield e
        e.close()


def advance(engine: Engine, minutes: float) -> None:
    engine.clock.advance(minutes * 60)  # type: ignore[attr-defined]


def read_back(engine: Engine, ref: str, *, location: str = "Cardiff interview suite") -> None:
    """A case whose statement is read back and confirmed, its sitting still running."""
    engine.create_case("csa", ref)
    engine.set_witness(ref, name="Morgan Ŷwen", age_status="over_18")
    engine.start_sitting(ref, location=location)
    advance(engine, 20)
    engine.save_section(ref, "account", "I remember the lane by the chapel.")
    engine.confirm_readback(ref)


def unchanged(engine: Engine, ref: str) -> tuple[Any, ...]:
    return (
        engine.witness(ref),
        engine.sittings(ref),
        engine.statement(ref),
        engine.audit_head(ref),
        engine.consent_signature(ref),
    )


def refused(code: str, call: Any) -> UsageError:
    with pytest.raises(UsageError) as caught:
        call()
    assert caught.value.code == code, (caught.value.code, str(caught.value))
    return caught.value


# --- the front: visually recorded, and the recording's reference --------------------------


def test_a_visual_recording_carries_its_reference(engine: Engine) -> None:
    engine.create_case("csa", "VR-1")
    engine.set_witness("VR-1", name="Alex Morgan")
    before = (engine.witness("VR-1"), engine.audit_head("VR-1"))
    refused(
        "witness.abe_reference_needed",
        lambda: engine.set_witness("VR-1", visually_recorded=True),
    )
    refused(
        "witness.abe_reference_not_recorded",
        lambda: engine.set_witness("VR-1", abe_reference="ABE/1"),
    )
    refused(
        "witness.abe_reference_not_recorded",
        lambda: engine.set_witness("VR-1", visually_recorded=False, abe_reference="ABE/1"),
    )
    refused(
        "witness.visually_recorded", lambda: engine.set_witness("VR-1", visually_recorded="yes")
    )
    refused(
        "text.too_long",
        lambda: engine.set_witness("VR-1", visually_recorded=True, abe_reference="A" * 101),
    )
    refused(
        "text.not_one_line",
        lambda: engine.set_witness("VR-1", visually_recorded=True, abe_reference="ABE\n1"),
    )
    refused(
        "text.empty",
        lambda: engine.set_witness("VR-1", visually_recorded=True, abe_reference="  "),
    )
    assert (engine.witness("VR-1"), engine.audit_head("VR-1")) == before

    engine.set_witness("VR-1", visually_recorded=True, abe_reference=" ABE/2026/17 ")
    assert engine.witness("VR-1")["abe_reference"] == "ABE/2026/17"
    engine.set_witness("VR-1", abe_reference="ABE/2026/18")  # a correction of the reference
    assert engine.witness("VR-1")["abe_reference"] == "ABE/2026/18"
    engine.set_witness("VR-1", visually_recorded=False)  # a written statement after all
    witness = engine.witness("VR-1")
    assert witness["visually_recorded"] is False and "abe_reference" not in witness

    # A new case is checked the same way, and the refusal names where it was typed.
    details = CaseDetails("csa", "VR-2", witness={"name": "Alex Morgan", "visually_recorded": True})
    refusal = engine.check_case_details(details)
    assert refusal is not None and (refusal.part, refusal.field) == ("witness", "abe_reference")
    refused("witness.abe_reference_needed", lambda: engine.create_case_with_details(details))
    assert [c.reference for c in engine.list_cases()] == ["VR-1"]


# --- the back page: the consents, their limits, the items, the signature ------------------


def test_the_back_pages_items_and_each_consents_limit(engine: Engine) -> None:
    engine.create_case("csa", "BP-1")
    engine.set_witness("BP-1", name="Alex Morgan")
    engine.set_restricted(
        "BP-1",
        process_explained=True,
        leaflet_given=False,
        willing_to_attend_court="not_sure",
        court_note="Screens would help.",
        witness_service_referral=True,
    )
    before = (engine.restricted("BP-1"), engine.audit_head("BP-1"))
    refused(
        "restricted.court_answer",
        lambda: engine.set_restricted("BP-1", willing_to_attend_court="maybe"),
    )
    refused("text.too_long", lambda: engine.set_restricted("BP-1", court_note="x" * 501))
    refused("restricted.unknown_detail", lambda: engine.set_restricted("BP-1", leaflet="yes"))
    refused(
        "text.not_one_line",
        lambda: engine.record_consent("BP-1", "civil_proceedings", "given", limit="a\nb"),
    )
    refused(
        "text.too_long",
        lambda: engine.record_consent("BP-1", "civil_proceedings", "given", limit="x" * 501),
    )
    refused(
        "consent.unknown_state",
        lambda: engine.record_consent("BP-1", "civil_proceedings", "maybe", limit="GP"),
    )
    # Each refusal above wrote nothing (the views it took are all it added).
    assert engine.restricted("BP-1") == {**before[0]}
    consent = engine.record_consent(
        "BP-1", "medical_records_access", "given", limit=" GP records 1990–1995 only "
    )
    assert consent.limit == "GP records 1990–1995 only"
    engine.record_consent("BP-1", "medical-records", "withdrawn", "asked again")  # as before
    engine.record_consent("BP-1", "contact by the supervisor", "given")  # the organisation's
    stored = engine.restricted("BP-1")
    assert [(c["kind"], c.get("limit")) for c in stored["consents"]] == [
        ("medical_records_access", "GP records 1990–1995 only"),
        ("medical-records", None),
        ("contact by the supervisor", None),
    ]
    assert stored["willing_to_attend_court"] == "not_sure" and stored["leaflet_given"] is False

    # At creation, with the limit typed beside the consent.
    engine.create_case_with_details(
        CaseDetails(
            "csa",
            "BP-2",
            witness={"name": "Alex Morgan"},
            restricted={"process_explained": True, "court_note": "Would come with her sister."},
            consents=(("share_with_agencies", "given", "Only the ISVA service"),),
        )
    )
    [made] = engine.restricted("BP-2")["consents"]
    assert (made["kind"], made["state"], made["limit"]) == (
        "share_with_agencies",
        "given",
        "Only the ISVA service",
    )
    details = CaseDetails(
        "csa", "BP-3", witness={"name": "A"}, consents=(("civil_proceedings", "given", "a\nb"),)
    )
    refusal = engine.check_case_details(details)
    assert refusal is not None and (refusal.part, refusal.field) == (
        "consents",
        "civil_proceedings",
    )


def test_the_witness_signs_for_the_consents_until_the_statement_is_signed(
    engine: Engine,
) -> None:
    read_back(engine, "CS-1")
    before = unchanged(engine, "CS-1")
    refused("signature.unknown_format", lambda: engine.set_consent_signature("CS-1", b"nope"))
    refused("signature.empty", lambda: engine.set_consent_signature("CS-1", NO_STROKES))
    refused(
        "signature.strokes_invalid",
        lambda: engine.set_consent_signature("CS-1", b'{"strokes": 5}', STROKES_TYPE),
    )
    assert unchanged(engine, "CS-1") == before
    done = engine.set_consent_signature("CS-1", CONSENT_SIGNATURE, STROKES_TYPE)
    assert done["signature_type"] == STROKES_TYPE
    assert engine.consent_signature("CS-1") == (CONSENT_SIGNATURE, STROKES_TYPE)
    last = engine.audit_entries("CS-1")[-1]
    assert last.action == "consent" and last.detail["event"] == "signature"
    assert STROKES not in json.dumps(last.detail)  # the hash, never the strokes
    engine.end_sitting("CS-1")
    sign_confirmed(engine, "CS-1", SVG, confirm_all=True)
    refused(
        "statement.consents_signed",
        lambda: engine.set_consent_signature("CS-1", SVG),
    )
    assert engine.consent_signature("CS-1") == (CONSENT_SIGNATURE, STROKES_TYPE)


def test_the_desktop_task_stores_the_pads_strokes_for_the_consents(tmp_path: Path) -> None:
    session = Session(tmp_path / "d", clock=FakeClock())
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    try:
        session.engine.create_case("csa", "CS-2")
        done = set_consent_signature(session, "CS-2", CONSENT_SIGNATURE)
        assert done["signature_type"] == STROKES_TYPE
        assert session.engine.consent_signature("CS-2") == (CONSENT_SIGNATURE, STROKES_TYPE)
        with pytest.raises(UsageError) as caught:
            set_consent_signature(session, "CS-2", NO_STROKES)
        assert caught.value.code == "signature.empty"
    finally:
        session.lock()


# --- signing ends the sitting (only when asked) --------------------------------------------


def test_signing_with_a_sitting_in_progress_is_refused_unless_it_ends_it(
    engine: Engine,
) -> None:
    read_back(engine, "END-1")
    before = unchanged(engine, "END-1")
    error = refused("statement.sitting_running", lambda: engine.sign_statement("END-1", SVG))
    assert "sitting 1 is still running" in str(error) and "--end-sitting" in str(error)
    engine.pause_sitting("END-1", "witness", "a break")
    paused = unchanged(engine, "END-1")
    error = refused(
        "statement.sitting_running",
        lambda: engine.sign_statement("END-1", SVG, consent_signature=CONSENT_SIGNATURE),
    )
    assert "sitting 1 is still paused" in str(error)
    assert unchanged(engine, "END-1") == paused != before
    # The pages are confirmed once the sitting has ended; a sitting opened after that
    # (and paused) is ended by signing, when asked, in the same transaction.
    engine.end_sitting("END-1")
    confirm_all_pages(engine, "END-1")
    engine.start_sitting("END-1", location="Cardiff")
    advance(engine, 5)
    engine.pause_sitting("END-1", "intermediary")
    advance(engine, 5)
    open_again = unchanged(engine, "END-1")
    refused("statement.sitting_running", lambda: engine.sign_statement("END-1", SVG))
    # A bad consent signature is refused before anything, even with the sitting to end.
    refused(
        "signature.unknown_format",
        lambda: engine.sign_statement("END-1", SVG, end_sitting=True, consent_signature=b"x"),
    )
    assert unchanged(engine, "END-1") == open_again
    result = engine.sign_statement(
        "END-1", SVG, end_sitting=True, consent_signature=CONSENT_SIGNATURE
    )
    assert result["ended_sitting"] == 2
    first, second = engine.sittings("END-1")
    statement = engine.statement("END-1")
    assert first.ended is not None and first.ended < (statement.signed or "")
    assert second.state == "ended" and second.ended == statement.signed == result["signed"]
    assert [p.ended for p in second.pauses] == [statement.signed]  # the break ended too
    end, sign = engine.audit_entries("END-1")[-2:]
    assert (end.action, end.detail) == ("end", {"sitting": 2, "on_signing": True})
    assert end.at == sign.at == statement.signed
    assert sign.action == "sign" and "consent_signature_sha256" in sign.detail
    assert engine.consent_signature("END-1") == (CONSENT_SIGNATURE, STROKES_TYPE)


def test_the_record_never_holds_an_open_sitting_on_a_signed_statement(
    engine: Engine, tmp_path: Path
) -> None:
    read_back(engine, "END-2")
    sign_confirmed(engine, "END-2", SVG, confirm_all=True, end_sitting=True)
    collected = rec.collect(engine, "END-2")
    record = rec.record(collected, audit_head={"seq": 1, "hash": "0" * 64}, text_sha256="0" * 64)
    assert [s["state"] for s in record["sittings"]] == ["ended"]
    assert all(s["ended"] is not None for s in record["sittings"])
    # A vault from before signing ended the sitting: its signed statement may still have
    # one open. Export refuses until it is ended, rather than record it open.
    with engine.vault.transaction() as conn:
        conn.execute("UPDATE sittings SET state = 'running', ended = NULL")
    before = engine.audit_head("END-2")
    error = refused("export.sitting_open", lambda: export_case(engine, "END-2", tmp_path / "o.qrb"))
    assert "sitting end" in str(error)
    assert not (tmp_path / "o.qrb").exists()
    assert engine.audit_head("END-2")["seq"] >= before["seq"]  # (views only)
    engine.end_sitting("END-2")
    again = rec.collect(engine, "END-2")
    assert not any(s.open for s in again.sittings)


# --- what the export fills in -----------------------------------------------------------


def test_the_export_fills_in_the_mg11s_fields(engine: Engine, tmp_path: Path) -> None:
    ref = "EX-1"
    read_back(engine, ref, location="Cardiff interview suite")
    engine.set_witness(ref, visually_recorded=True, abe_reference="ABE/2026/17")
    engine.set_restricted(
        ref,
        process_explained=True,
        leaflet_given=True,
        willing_to_attend_court="yes",
        court_note="With screens.",
        witness_service_referral=False,
    )
    engine.record_consent(ref, "medical-records", "given")  # recorded before the catalogue
    engine.record_consent(ref, "medical_records_defence", "withdrawn", limit="Not the GP notes")
    engine.record_consent(ref, "share with the local refuge", "given")  # the organisation's
    engine.end_sitting(ref)
    advance(engine, 60 * 24)  # the next day, somewhere else
    engine.start_sitting(ref, location="Swansea")
    advance(engine, 45)
    engine.set_consent_signature(ref, CONSENT_SIGNATURE, STROKES_TYPE)
    sign_confirmed(engine, ref, SVG, confirm_all=True, end_sitting=True)

    sittings = engine.sittings(ref)
    statement = engine.statement(ref)
    collected = rec.collect(engine, ref)
    document = rec.statement_document(collected, "Interviewer One")
    assert (document.visually_recorded, document.abe_reference) == (True, "ABE/2026/17")
    assert document.sittings == tuple(
        SittingTimes(parse_stamp(s.started), parse_stamp(s.ended or ""), s.location)
        for s in sittings
    )
    assert [t.place for t in document.sittings] == ["Cardiff interview suite", "Swansea"]
    assert document.sittings[-1].ended == document.signed_at == parse_stamp(statement.signed or "")
    assert document.signed_at is not None and document.signed_at.utcoffset() is not None

    details = rec.restricted_details(collected)
    assert details.consent_items == (
        ConsentItem("medical_records_access", "given", details.consent_items[0].at, ""),
        ConsentItem(
            "medical_records_defence", "withdrawn", details.consent_items[1].at, "Not the GP notes"
        ),
        ConsentItem("share with the local refuge", "given", details.consent_items[2].at, ""),
    )
    assert (
        details.process_explained,
        details.leaflet_given,
        details.willing_to_attend_court,
        details.court_note,
        details.witness_service_referral,
    ) == (True, True, "yes", "With screens.", False)
    assert details.case_id == collected.case.id and details.language_code == "en"
    assert details.consent_signature is not None and details.consent_signature.strokes

    record = rec.record(collected, audit_head={"seq": 1, "hash": "0" * 64}, text_sha256="0" * 64)
    schema("record-v2.schema.json").validate(record)
    assert record["survivor"]["visually_recorded"] is True
    assert record["survivor"]["abe_reference"] == "ABE/2026/17"
    restricted = json.loads(json.dumps(rec.restricted_json(collected)))
    schema("restricted-v2.schema.json").validate(restricted)
    assert [c["limit"] for c in restricted["details"]["consents"]] == ["", "Not the GP notes", ""]
    assert restricted["consent_signature"]["type"] == STROKES_TYPE
    assert restricted["case_id"] == collected.case.id
    # The restricted schema keeps its shape: nothing it does not describe.
    for wrong in (
        {**restricted, "version": 1},
        {**restricted, "details": {**restricted["details"], "willing_to_attend_court": "maybe"}},
        {**restricted, "details": {**restricted["details"], "court_note": "x" * 501}},
        {**restricted, "consent_signature": {"type": "text/plain", "sha256": "0" * 64}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            schema("restricted-v2.schema.json").validate(wrong)

    bundle = tmp_path / "ex.qrb"
    export_case(engine, ref, bundle)
    assert bundle.stat().st_size > 0


def test_an_exported_bundle_with_the_new_fields_verifies(
    engine: Engine, org: Path, tmp_path: Path
) -> None:
    ref = "EX-2"
    read_back(engine, ref)
    engine.set_witness(ref, visually_recorded=False)
    engine.set_restricted(ref, willing_to_attend_court="no", court_note="Too far to travel.")
    engine.record_consent(ref, "civil_proceedings", "given", limit="Family court only")
    engine.pause_sitting(ref)  # who asked: not recorded
    sign_confirmed(
        engine, ref, SVG, confirm_all=True, end_sitting=True, consent_signature=CONSENT_SIGNATURE
    )
    bundle = tmp_path / "ex2.qrb"
    export_case(engine, ref, bundle)
    done = run_cli(
        "verify", bundle, "--identity", org / "supervisor" / "age-identity.txt",
        "--trust", org / "trust.json", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    checks = {c["check"]: c for c in json.loads(done.stdout)["checks"]}
    assert checks["restricted details"]["ok"] is True
    assert "restricted-v2.schema.json" in checks["restricted details"]["detail"]


# --- the command line -----------------------------------------------------------------


@pytest.mark.cli
def test_the_command_line_records_the_fields_and_refuses_bad_input(
    tmp_path: Path, passphrase_file: Path
) -> None:
    vault = make_vault(tmp_path)
    cli = Cli(vault, passphrase_file)
    strokes = write(tmp_path, "consents.json", STROKES)
    garbage = write(tmp_path, "garbage.bin", bytes(range(256)))
    signature = write(tmp_path, "sig.svg", SVG)
    cli.json("case", "create", "--category", "csa", "--reference", "CLI-1")
    cli.json("witness", "set", "CLI-1", "--name", "Alex Morgan", "--age-status", "over_18")
    cli.json("sitting", "start", "CLI-1", "--location", "Cardiff")
    account = write(tmp_path, "a.txt", "It happened in the summer.\n")
    cli.json("statement", "write", "CLI-1", "--section", "account", "--file", account)
    cli.json("statement", "readback", "CLI-1", "--confirmed")
    before = cli.state("CLI-1")
    restricted = cli.json("witness", "restricted", "CLI-1")
    sign = ["statement", "sign", "CLI-1", "--witness-signature", signature]
    ending = [*sign, "--end-sitting", "--pages-confirmed"]
    limit = ["witness", "consent", "CLI-1", "--kind", "civil_proceedings", "--given", "--limit"]
    for args, words in (
        (["witness", "set", "CLI-1", "--visually-recorded", "maybe"], "answer yes or no"),
        (["witness", "set", "CLI-1", "--visually-recorded", "yes"], "ABE reference is needed"),
        (["witness", "set", "CLI-1", "--abe-reference", "ABE-1"], "only kept for a visually"),
        (
            ["witness", "set", "CLI-1", "--visually-recorded", "yes", "--abe-reference", "A\nB"],
            "one line",
        ),
        (["witness", "restricted", "CLI-1", "--willing-to-attend-court", "maybe"], "invalid"),
        (["witness", "restricted", "CLI-1", "--leaflet-given", "perhaps"], "answer yes or no"),
        (["witness", "restricted", "CLI-1", "--court-note", "x" * 501], "too long"),
        ([*limit, "one\ntwo"], "one line"),
        (sign, "sitting 1 is still running"),
        ([*ending, "--consent-signature", garbage], "the signature must be"),
        ([*ending, "--consent-signature", tmp_path / "missing.json"], "cannot read"),
    ):
        done = cli(*args)
        assert_one_line_error(done)
        assert words in done.stderr, (args, done.stderr)
    # Nothing any of them did remains: the statement, the sittings, the details and the
    # audit log (but for the views the checks themselves recorded) are as they were.
    after = cli.state("CLI-1")
    assert after["statement"] == before["statement"]
    assert after["sittings"] == before["sittings"]
    assert [e for e in after["audit"] if e["action"] != "view"] == [
        e for e in before["audit"] if e["action"] != "view"
    ]
    assert cli.json("witness", "restricted", "CLI-1") == restricted
    assert cli.json("case", "show", "CLI-1")["witness"] == {
        "name": "Alex Morgan",
        "age_status": "over_18",
    }

    witness = cli.json(
        "witness", "set", "CLI-1", "--visually-recorded", "yes", "--abe-reference", "ABE/9"
    )
    assert (witness["visually_recorded"], witness["abe_reference"]) == (True, "ABE/9")
    cli.json(
        "witness", "restricted", "CLI-1", "--process-explained", "yes", "--leaflet-given", "no",
        "--willing-to-attend-court", "not_sure", "--court-note", "Screens, please.",
        "--witness-service-referral", "yes",
    )  # fmt: skip
    consent = cli.json(
        "witness", "consent", "CLI-1", "--kind", "medical_records_access", "--given",
        "--limit", "GP records only",
    )  # fmt: skip
    assert consent["limit"] == "GP records only"
    shown = cli.json("witness", "restricted", "CLI-1")
    assert shown["willing_to_attend_court"] == "not_sure" and shown["leaflet_given"] is False
    signed = cli.json(
        "statement", "sign", "CLI-1", "--witness-signature", signature, "--end-sitting",
        "--pages-confirmed", "--consent-signature", strokes,
    )  # fmt: skip
    assert signed["declaration"]["language"] == "en"
    [sitting] = cli.json("sitting", "list", "CLI-1")
    assert sitting["state"] == "ended"
