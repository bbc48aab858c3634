"""What the witness sees and confirms before signing: the statement's pages, rendered as
the export will print them, each confirmed (its text's SHA-256 and the time) before one
signature; the declaration shown; initials when the organisation asks; the signed PDF's
pages checked at export and again by verify; statements signed before all this still
export, with `"page_confirmation": null`.

Real vaults, the real renderer and pdfium, real bundles: no mocks.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.errors import UsageError
from app.export.bundle import export_case
from app.export.checks import Report
from app.export.page_text import (
    CHECK,
    SIGNING_TIME_LABELS,
    check_pages,
    page_hashes,
    page_texts,
    text_hash,
)
from app.export.pages import (
    confirm_all_pages,
    confirm_shown_page,
    render_pages,
    sign_confirmed,
    statement_pages,
)
from app.export.verify import verify_bundle, verify_data
from app.org import load_trust, org_init, org_set_policy
from app.org.policy import Policy, parse_policy
from app.org.trust import signature_path
from app.render.signature_art import SignatureArt, Stroke, to_json
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE, REPO, fresh_vault, run_cli
from tests.interop.bundle_forge import files_of, reseal

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)
INITIALS = to_json(
    SignatureArt(strokes=(Stroke(((2.0, 20.0), (12.0, 4.0), (22.0, 20.0))),), width=60, height=30)
).encode()
WORDS = "I remember the lane by the chapel, and the gate that was always open. "
REF = "PAGES-1"


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages") / "org"
    org_init(out)
    return out


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def interviewer(tmp_path: Path, org: Path, clock: FakeClock, trust: Path | None = None) -> Engine:
    engine = Engine(
        fresh_vault(tmp_path / "vault"),
        clock=clock,
    )
    me = org / "interviewer"
    engine.import_identity(
        me / "cert.pem", me / "key.pem", me / "age-identity.txt", trust or org / "trust.json"
    )
    return engine


@pytest.fixture
def engine(tmp_path: Path, org: Path, clock: FakeClock) -> Engine:
    return interviewer(tmp_path, org, clock)


def ready(
    engine: Engine, clock: FakeClock, ref: str = REF, paragraphs: int = 14, language: str = "en"
) -> None:
    """A statement over several pages, its sitting ended and its read-back confirmed."""
    engine.create_case("csa", ref, statement_language=language)
    engine.set_witness(ref, name="Morgan Ŷwen", age_status="over_18")
    engine.start_sitting(ref, location="Cardiff")
    text = "\n".join(f"{i + 1}. " + WORDS * 6 for i in range(paragraphs))
    engine.save_section(ref, "account", text)
    clock.advance(minutes=40)
    engine.end_sitting(ref)
    clock.advance(minutes=5)
    engine.confirm_readback(ref)
    clock.advance(minutes=2)


def refused(code: str, fn: object, *args: object, **kwargs: object) -> UsageError:
    with pytest.raises(UsageError) as caught:
        fn(*args, **kwargs)  # type: ignore[operator]
    assert caught.value.code == code, caught.value
    return caught.value


# --- the pages ------------------------------------------------------------------------------


def test_the_pages_are_the_exported_layout_with_their_hashes(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    ready(engine, clock)
    shown = render_pages(engine, REF)
    assert shown.count >= 3
    assert [p.number for p in shown.pages] == list(range(1, shown.count + 1))
    assert shown.hashes == tuple(page_hashes(shown.pdf, shown.rendered))
    assert "Morgan Ŷwen" in shown.pages[0].text and "Page 1 of" in shown.pages[0].text
    # The declaration as printed, with the real page count.
    assert f"consisting of {shown.count} page(s) each signed by me" in shown.declaration
    assert shown.language == "en" and shown.initials_each_page is False
    # Images on demand, made in memory only: nothing appears in the (private) TMPDIR.
    tmp = Path(__import__("os").environ["TMPDIR"])
    before = sorted(tmp.rglob("*"))
    png = shown.pages[1].png(600)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    assert sorted(tmp.rglob("*")) == before
    # The same statement a little later renders to the same page hashes (only the
    # signing time moved): the hash leaves the witness's signing time out.
    clock.advance(minutes=3)
    assert tuple(p.sha256 for p in statement_pages(engine, REF)) == shown.hashes


def test_the_hash_ignores_spacing_and_the_signing_time_only() -> None:
    signed = datetime(2026, 7, 4, 5, 43, tzinfo=UTC)  # 06:43 in the UK (summer time)
    page = (
        "Date and time: 4 July 2026, 06:43\nI was 12 at 06:43 that day.\n"
        "Sitting 1: 4 July 2026, 06:43 to 07:30"
    )
    assert text_hash(page, signed) == text_hash(page.replace("\n", "  \r\n "), signed)
    later = page.replace("time: 4 July 2026, 06:43", "time: 4 July 2026, 06:47")
    assert text_hash(later, signed.replace(minute=47)) == text_hash(page, signed)
    # Only the signing time after its label: a sitting begun in that minute keeps its own.
    sitting = page.replace("Sitting 1: 4 July 2026, 06:43", "Sitting 1: 4 July 2026, 06:44")
    assert text_hash(sitting, signed) != text_hash(page, signed)
    welsh = "Dyddiad ac amser: 4 Gorffennaf 2026, 06:43"
    at_50 = signed.replace(minute=50)
    assert text_hash(welsh, signed) == text_hash(welsh.replace("06:43", "06:50"), at_50)
    # Anything else on the page counts: the survivor's own words and the date.
    assert text_hash(page.replace("12 at", "13 at"), signed) != text_hash(page, signed)
    assert text_hash(page.replace("4 July", "5 July"), signed) != text_hash(page, signed)
    assert text_hash("ﬁne", None) != text_hash("fine", None)  # NFC, not compatibility


def test_the_signing_time_labels_are_the_statements_own() -> None:
    from app.render.wording import words

    for language in ("en", "cy"):
        assert words(language)["date_and_time"] in SIGNING_TIME_LABELS


def test_a_welsh_statement_shows_the_organisations_welsh_declaration(
    tmp_path: Path, clock: FakeClock
) -> None:
    own = tmp_path / "own-org"
    org_init(own)
    welsh = "Mae'r datganiad hwn, sy'n cynnwys {n} tudalen, yn wir hyd eithaf fy ngwybodaeth."
    org_set_policy(own, welsh_declaration=welsh)
    engine = interviewer(tmp_path, own, clock)
    ready(engine, clock, language="cy")
    shown = render_pages(engine, REF)
    assert shown.language == "cy"
    assert shown.declaration == welsh.replace("{n}", str(shown.count))
    assert "Tudalen 1 o" in shown.pages[0].text
    confirm_all_pages(engine, REF)
    clock.advance(minutes=3)
    sign_confirmed(engine, REF, SVG)
    bundle = tmp_path / "cy.qrb"
    export_case(engine, REF, bundle)
    report = verify_bundle(bundle, own / "supervisor" / "age-identity.txt", own / "trust.json")
    assert report.ok, [c.line() for c in report.checks]


# --- confirming -------------------------------------------------------------------------------


def test_pages_are_confirmed_only_after_read_back_and_with_no_sitting_open(
    engine: Engine, clock: FakeClock
) -> None:
    engine.create_case("csa", REF)
    engine.set_witness(REF, name="Morgan Ŷwen", age_status="over_18")
    engine.start_sitting(REF)
    engine.save_section(REF, "account", WORDS)
    sha = "0" * 64
    refused("statement.pages_before_readback", engine.confirm_page, REF, 1, 1, sha)
    engine.confirm_readback(REF)
    refused("statement.pages_sitting_open", engine.confirm_page, REF, 1, 1, sha)
    refused("statement.pages_sitting_open", confirm_all_pages, engine, REF)
    engine.end_sitting(REF)
    head = engine.audit_head(REF)
    for page, pages, digest, code in (
        (0, 1, sha, "statement.page_number"),
        (2, 1, sha, "statement.page_number"),
        (1, 0, sha, "statement.page_count"),
        (1, 1, "ABC", "statement.page_hash"),
        (1, 1, "A" * 64, "statement.page_hash"),
    ):
        refused(code, engine.confirm_page, REF, page, pages, digest)
    refused("statement.initials_not_asked", engine.confirm_page, REF, 1, 1, sha, initials=INITIALS)
    assert engine.audit_head(REF) == head and engine.page_confirmations(REF) == []


def test_a_shown_page_is_confirmed_only_with_its_current_hash(
    engine: Engine, clock: FakeClock
) -> None:
    ready(engine, clock)
    shown = render_pages(engine, REF)
    first = shown.pages[0]
    refused("statement.page_not_current", confirm_shown_page, engine, REF, 1, shown.pages[1].sha256)
    refused("statement.page_number", confirm_shown_page, engine, REF, shown.count + 1, first.sha256)
    done = confirm_shown_page(engine, REF, 1, first.sha256)
    assert (done.page, done.pages, done.sha256) == (1, shown.count, first.sha256)
    assert done.confirmed == engine.now()
    entry = engine.audit_entries(REF)[-1]
    assert entry.action == "statement" and entry.detail["event"] == "page_confirmed"
    assert entry.detail["sha256"] == first.sha256 and WORDS not in json.dumps(entry.detail)


def test_signing_needs_every_page_and_names_how_many(engine: Engine, clock: FakeClock) -> None:
    ready(engine, clock)
    refused("statement.pages_not_shown", engine.sign_statement, REF, SVG)
    shown = render_pages(engine, REF)
    for page in shown.pages[:2]:
        engine.confirm_page(REF, page.number, shown.count, page.sha256)
    error = refused("statement.pages_not_confirmed", engine.sign_statement, REF, SVG)
    assert f"confirmed 2 of the statement's {shown.count} pages" in str(error)
    assert engine.statement(REF).status == "read_back"
    # A confirmation for another page count: the statement re-flowed, the others go.
    engine.confirm_page(REF, 1, shown.count + 1, shown.pages[0].sha256)
    assert [(c.page, c.pages) for c in engine.page_confirmations(REF)] == [(1, shown.count + 1)]


def test_a_correction_drops_the_confirmed_pages(engine: Engine, clock: FakeClock) -> None:
    ready(engine, clock)
    confirm_all_pages(engine, REF)
    assert engine.page_confirmations(REF)
    engine.confirm_readback(REF, {"account": WORDS * 40 + "\nAnd then the rain came."})
    assert engine.page_confirmations(REF) == []
    refused("statement.pages_not_shown", sign_confirmed, engine, REF, SVG)


def test_pages_changed_or_a_new_day_refuse_signing_until_shown_again(
    engine: Engine, clock: FakeClock
) -> None:
    ready(engine, clock)
    confirm_all_pages(engine, REF)
    clock.advance(days=1)  # the date beside the signature would differ
    head = engine.audit_head(REF)
    error = refused("statement.pages_changed", sign_confirmed, engine, REF, SVG)
    assert "sign the same day" in str(error)
    assert engine.statement(REF).status == "read_back"
    later = engine.audit_entries(REF)[head["seq"] :]
    assert {e.action for e in later} == {"view"}  # the pages were rendered again, no more
    # The witness is shown the pages again, and signs.
    confirm_all_pages(engine, REF)
    assert sign_confirmed(engine, REF, SVG)["statement"] == 1
    refused("statement.already_signed", confirm_all_pages, engine, REF)
    refused("statement.already_signed", render_pages, engine, REF)


def test_a_refused_signature_leaves_no_confirmation_behind(
    engine: Engine, clock: FakeClock
) -> None:
    ready(engine, clock)
    head = engine.audit_head(REF)
    refused("signature.unknown_format", sign_confirmed, engine, REF, b"GIF89a", confirm_all=True)
    refused(
        "signature.strokes_invalid",
        sign_confirmed,
        engine,
        REF,
        b'{"strokes": 3}',
        confirm_all=True,
    )
    assert engine.audit_head(REF) == head and engine.page_confirmations(REF) == []


def test_a_signature_refused_by_the_engine_ends_no_sitting_and_confirms_no_page(
    engine: Engine, clock: FakeClock
) -> None:
    """Signing that would end the sitting and confirm the pages as they stand asks the
    engine's refusals first: a Welsh statement without the organisation's declaration
    is refused with the sitting still open and no page confirmed."""
    engine.create_case("csa", REF, statement_language="cy")
    engine.set_witness(REF, name="Morgan Ŷwen", age_status="over_18")
    engine.start_sitting(REF, location="Caerdydd")
    engine.save_section(REF, "account", WORDS * 8)
    engine.confirm_readback(REF)
    head = engine.audit_head(REF)
    refused(
        "statement.welsh_declaration_missing",
        sign_confirmed,
        engine,
        REF,
        SVG,
        confirm_all=True,
        end_sitting=True,
    )
    assert engine.current_sitting(REF) is not None
    assert engine.page_confirmations(REF) == [] and engine.audit_head(REF) == head


# --- export and verify ----------------------------------------------------------------------


def test_export_and_verify_check_the_confirmed_pages(
    engine: Engine, clock: FakeClock, org: Path, tmp_path: Path
) -> None:
    ready(engine, clock)
    engine.declaration_shown(REF, pages=3)
    shown_at = engine.now()
    clock.advance(seconds=20)
    confirm_all_pages(engine, REF)
    clock.advance(minutes=4)  # the time printed beside the signature is the signing's
    signed = sign_confirmed(engine, REF, SVG)
    bundle = tmp_path / "b.qrb"
    export_case(engine, REF, bundle)
    report = verify_bundle(bundle, org / "supervisor" / "age-identity.txt", org / "trust.json")
    assert report.ok, [c.line() for c in report.checks]
    check = next(c for c in report.checks if c.name == CHECK)
    assert "are the pages the witness confirmed on screen" in check.detail
    record = json.loads(report.files["record.json"])
    block = record["page_confirmation"]
    confirmed = engine.page_confirmations(REF)
    assert block["witness_signed"] == signed["signed"] == record["statement"]["signed"]
    assert block["declaration_shown"] > shown_at  # shown again with the pages
    assert block["pdf_signed"] is not None
    assert block["method"].startswith("each page shown on screen and confirmed by the witness")
    assert block["pages"] == [
        {"page": c.page, "sha256": c.sha256, "confirmed": c.confirmed, "initials": False}
        for c in confirmed
    ]
    texts = page_texts(report.files["statement.pdf"])
    assert len(texts) == len(confirmed)
    assert "Date and time:" in texts[0] or "Date:" in texts[0]

    # A record whose hash names another text fails verify's check, and only that one.
    files = files_of(pyrage.decrypt(bundle.read_bytes(), [supervisor_identity(org)]))
    block["pages"][1]["sha256"] = "f" * 64
    forged = reseal(
        files, org / "interviewer", {"record.json": json.dumps(record, indent=2).encode()}
    )
    data = pyrage.encrypt(forged, [supervisor_identity(org).to_public()])
    trust = load_trust(org / "trust.json")
    again = verify_data(data, [supervisor_identity(org)], trust.ca_cert, trust)
    assert {c.name for c in again.checks if not c.ok} == {CHECK}
    assert "page(s) 2 is not what the witness confirmed" in next(
        c.detail for c in again.checks if c.name == CHECK
    )
    (tmp_path / "forged.qrb").write_bytes(data)
    done = run_cli(
        "verify", tmp_path / "forged.qrb", "--identity", org / "supervisor" / "age-identity.txt",
        "--trust", org / "trust.json",
    )  # fmt: skip
    assert done.returncode == 4 and "FAIL  pages confirmed by the witness" in done.stdout


def supervisor_identity(org: Path) -> x25519.Identity:
    text = (org / "supervisor" / "age-identity.txt").read_text()
    return x25519.Identity.from_str(next(ln for ln in text.splitlines() if ln.startswith("AGE-")))


def test_export_refuses_pages_that_would_differ_and_writes_nothing(
    tmp_path: Path, clock: FakeClock
) -> None:
    own = tmp_path / "own-org"  # its policy changes: an organisation of its own
    org_init(own)
    engine = interviewer(tmp_path, own, clock)
    ready(engine, clock)
    confirm_all_pages(engine, REF)
    sign_confirmed(engine, REF, SVG)
    # The organisation changes the marking printed on every page after the witness signed.
    org_set_policy(own, marking="OFFICIAL")
    trust = own / "trust.json"
    engine.update_trust(trust.read_bytes(), signature_path(trust).read_bytes())
    head = engine.audit_head(REF)
    out = tmp_path / "never.qrb"
    refused("export.pages_changed", export_case, engine, REF, out)
    assert not out.exists()
    later = engine.audit_entries(REF)[head["seq"] :]
    assert {e.action for e in later} <= {"view"}  # rendered, never exported


def test_a_statement_signed_before_pages_were_confirmed_still_exports(tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(REPO / "tests" / "data" / "compat-92d095c", old)
    passphrase = (old / "passphrase.txt").read_text().splitlines()[0]
    with Vault.open(old / "vault", passphrase) as vault:
        engine = Engine(vault)
        assert engine.page_confirmations("COMPAT-1") == []
        bundle = tmp_path / "again.qrb"
        export_case(engine, "COMPAT-1", bundle)
    report = verify_bundle(
        bundle, old / "org" / "supervisor" / "age-identity.txt", old / "org" / "trust.json"
    )
    assert report.ok, [c.line() for c in report.checks]
    assert json.loads(report.files["record.json"])["page_confirmation"] is None
    check = next(c for c in report.checks if c.name == CHECK)
    assert check.ok and "signed before pages were confirmed" in check.detail


def test_the_verify_check_reads_the_record_it_is_given() -> None:
    report = Report()
    check_pages(report, b"%PDF-1.7 not really", None)
    check_pages(
        report,
        b"%PDF-1.7 not really",
        {
            "page_confirmation": {
                "witness_signed": "2026-11-26T10:00:00.000000Z",
                "pages": [{"page": 1, "sha256": "0" * 64, "confirmed": "x", "initials": False}],
            }
        },
    )
    assert [c.ok for c in report.checks] == [False, False]
    assert "could not be read" in report.checks[1].detail


# --- initials -----------------------------------------------------------------------------------


def test_initials_on_each_page_when_the_organisation_asks(tmp_path: Path, clock: FakeClock) -> None:
    own = tmp_path / "own-org"
    org_init(own)
    change = org_set_policy(own, initials_each_page=True)
    assert change.policy.initials_each_page is True and change.serial == 2
    engine = interviewer(tmp_path, own, clock)
    ready(engine, clock)
    shown = render_pages(engine, REF)
    assert shown.initials_each_page
    assert all("Initials:" in p.text for p in shown.pages)
    first = shown.pages[0]
    error = refused("statement.initials_needed", confirm_shown_page, engine, REF, 1, first.sha256)
    assert "page 1" in str(error)
    refused("statement.initials_needed", confirm_all_pages, engine, REF)
    refused(
        "statement.initials_empty",
        engine.confirm_page,
        REF,
        1,
        shown.count,
        first.sha256,
        initials=b'{"version":1,"width":10,"height":10,"strokes":[]}',
    )
    refused(
        "statement.initials_invalid",
        engine.confirm_page,
        REF,
        1,
        shown.count,
        first.sha256,
        initials=b"not initials",
    )
    for page in shown.pages:
        confirm_shown_page(engine, REF, page.number, page.sha256, initials=INITIALS)
    assert all(c.initials == INITIALS for c in engine.page_confirmations(REF))
    sign_confirmed(engine, REF, SVG)
    bundle = tmp_path / "initials.qrb"
    export_case(engine, REF, bundle)
    report = verify_bundle(bundle, own / "supervisor" / "age-identity.txt", own / "trust.json")
    assert report.ok, [c.line() for c in report.checks]
    block = json.loads(report.files["record.json"])["page_confirmation"]
    assert all(p["initials"] is True for p in block["pages"])
    # Each page carries its own drawing of the initials (a form XObject per page).
    assert report.files["statement.pdf"].count(b"/Subtype /Form") > shown.count


def test_the_policy_setting_reads_old_files_and_is_strict() -> None:
    old = {"protective_marking": "OFFICIAL", "welsh_declaration": None, "recovery_recipient": None}
    assert parse_policy(old).initials_each_page is False
    assert parse_policy({**old, "initials_each_page": True}).initials_each_page is True
    assert Policy(initials_each_page=True).to_json()["initials_each_page"] is True
    for bad in ("yes", 1, None):
        with pytest.raises(ValueError, match="initials_each_page"):
            parse_policy({**old, "initials_each_page": bad})


@pytest.mark.cli  # child processes: make test runs it, make check stays quick
def test_org_policy_sets_initials_from_the_command_line(tmp_path: Path) -> None:
    own = tmp_path / "org"
    org_init(own)
    done = run_cli("org", "policy", "--org", own, "--initials-each-page", "yes", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["policy"]["initials_each_page"] is True
    assert load_trust(own / "trust.json").policy.initials_each_page is True
    shown = run_cli("org", "policy", "--org", own)
    assert "initials on each page: yes" in shown.stdout
    bad = run_cli("org", "policy", "--org", own, "--initials-each-page", "maybe")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


def test_statement_pages_carry_no_case_content_into_the_audit(
    engine: Engine, clock: FakeClock
) -> None:
    ready(engine, clock)
    confirm_all_pages(engine, REF)
    sign_confirmed(engine, REF, SVG)
    log = json.dumps([dataclasses.asdict(e) for e in engine.audit_entries(REF)])
    assert "lane by the chapel" not in log and "Morgan" not in log


# --- the command line ---------------------------------------------------------------------------


@pytest.mark.cli  # child processes: make test runs it, make check stays quick
def test_the_command_line_shows_confirms_and_signs(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    from tests.core.engine_cli_harness import Cli, assert_one_line_error, write

    clock.set(datetime.now(UTC))  # the command line runs on the real clock
    ready(engine, clock)
    ready(engine, clock, "PAGES-2", paragraphs=2)
    engine.vault.close()
    cli = Cli(tmp_path / "vault", write(tmp_path, "pp.txt", PASSPHRASE + "\n"))
    signature = write(tmp_path, "sig.svg", SVG)
    before = cli.state(REF)
    # Neither confirmed pages nor --pages-confirmed: one line naming both ways.
    refusal = cli("statement", "sign", REF, "--witness-signature", signature)
    assert_one_line_error(refusal)
    assert "statement confirm-page" in refusal.stderr and "--pages-confirmed" in refusal.stderr
    shown = cli.json("statement", "pages", REF)
    assert shown["count"] == len(shown["pages"]) >= 3
    assert f"consisting of {shown['count']} page(s)" in shown["declaration"]
    assert "Morgan Ŷwen" in shown["pages"][0]["text"]
    text = cli("statement", "pages", REF)
    assert f"--- Page 2 of {shown['count']} (SHA-256 {shown['pages'][1]['sha256']}) ---" in (
        text.stdout
    )
    wrong = cli("statement", "confirm-page", REF, "--page", "1", "--sha256", "0" * 64)
    assert_one_line_error(wrong)
    assert "statement pages" in wrong.stderr
    for bad in (["--page", "0"], ["--page", "x"], ["--page", "99999999"]):
        result = cli("statement", "confirm-page", REF, *bad, "--sha256", "0" * 64)
        assert result.returncode != 0 and "Traceback" not in result.stderr
    after = cli.state(REF)  # refused: nothing changed but views of the statement noted
    assert {e["action"] for e in after["audit"][len(before["audit"]) :]} <= {"view"}
    assert after["statement"] == before["statement"]
    for page in shown["pages"]:
        number, digest = str(page["page"]), page["sha256"]
        done = cli.json("statement", "confirm-page", REF, "--page", number, "--sha256", digest)
        assert done["page"] == page["page"] and done["pages"] == shown["count"]
    signed = cli.json("statement", "sign", REF, "--witness-signature", signature)
    assert signed["statement"] == 1
    # For scripts: --pages-confirmed says the witness confirmed each page on screen.
    assert "confirmed each one" in cli("statement", "sign", "--help").stdout
    quick = cli.json(
        "statement", "sign", "PAGES-2", "--witness-signature", signature, "--pages-confirmed"
    )
    assert quick["statement"] == 1
    assert cli.json("statement", "show", "PAGES-2")["status"] == "signed"


def test_the_verify_check_compares_every_page(engine: Engine, clock: FakeClock) -> None:
    from app.engine.clock import stamp

    ready(engine, clock)
    shown = render_pages(engine, REF)

    def block(hashes: tuple[str, ...]) -> dict[str, object]:
        pages = [
            {"page": i + 1, "sha256": h, "confirmed": engine.now(), "initials": False}
            for i, h in enumerate(hashes)
        ]
        return {"page_confirmation": {"witness_signed": stamp(shown.rendered), "pages": pages}}

    report = Report()
    check_pages(report, shown.pdf, block(shown.hashes))
    check_pages(report, shown.pdf, block(shown.hashes[:1]))  # the PDF has more pages
    check_pages(report, shown.pdf, block((*shown.hashes, "0" * 64)))  # fewer
    assert [c.ok for c in report.checks] == [True, False, False]
    assert f"has {shown.count} page(s); the witness confirmed 1" in report.checks[1].detail
    assert f"the witness confirmed {shown.count + 1}" in report.checks[2].detail
