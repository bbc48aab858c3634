"""Exhibits a statement produces (CrimPR 16.3), end to end through the core: the register
in the vault, its refusals (bad input changes nothing), the file in the bundle with its
hash in the manifest and the record, verify's named check against forged bundles, the
size limits, and a supervisor opening such a bundle for review."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pyrage
import pytest
from pyrage import x25519

from app.engine import exhibits as register
from app.engine.engine import Engine
from app.engine.exhibits import MAX_EXHIBIT_BYTES, initials, safe_filename
from app.errors import UsageError
from app.export import exhibits as bundled
from app.export import record as rec
from app.export import safetar
from app.export.bundle import MANIFEST, MAX_BUNDLE_BYTES, SIGNATURE, check_sizes, export_case
from app.export.checks import Report
from app.export.pages import confirm_all_pages, sign_confirmed
from app.export.verify import BUNDLE_NAMES, extract, verify_bundle
from app.org import org_init
from app.render.document import ExhibitLine
from app.review.inbox import open_for_review, read_review
from app.vault.vault import Vault
from crypto import cms, pki
from tests.conftest import FAST_KDF, PASSPHRASE, fresh_vault, run_cli

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)
DIARY = b"CANARY-diary-page: 3 June 1987, the boathouse again.\n"
DESCRIPTION = "CANARY-description the diary I kept in 1987"


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exhibits") / "org"
    org_init(out)
    return out


def member_vault(root: Path, org: Path, role: str = "interviewer") -> Engine:
    engine = Engine(Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF))
    me = org / role
    engine.import_identity(
        me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
    )
    return engine


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return Engine(fresh_vault(tmp_path / "v"))


def case(engine: Engine, ref: str = "EX-1") -> str:
    engine.create_case("csa", ref)
    engine.set_witness(ref, name="Rhian Price", date_of_birth="1984-02-29")
    engine.start_sitting(ref, location="Cardiff")
    engine.save_section(ref, "account", "I kept a diary that summer (RP/1).")
    engine.end_sitting(ref)
    return ref


def sign(engine: Engine, ref: str) -> None:
    """Read back and confirmed, every page shown and confirmed, signed: the one place
    signing's steps are spelled out."""
    engine.confirm_readback(ref)
    sign_confirmed(engine, ref, SVG, confirm_all=True)


def state(engine: Engine, ref: str) -> tuple[Any, ...]:
    """What bad input must leave alone."""
    return (engine.exhibits(ref), engine.audit_head(ref), engine.statement(ref))


# --- the register -----------------------------------------------------------------------


def test_the_register_from_adding_to_removing(engine: Engine) -> None:
    ref = case(engine)
    assert engine.exhibits(ref) == [] and engine.next_exhibit_reference(ref) == "RP/1"
    diary = engine.add_exhibit(
        ref, "RP/1", DESCRIPTION, data=DIARY, filename="/media/usb/../Diary 1987.txt"
    )
    assert (diary.number, diary.filename, diary.media_type, diary.size) == (
        1,
        "Diary_1987.txt",
        "text/plain",
        len(DIARY),
    )
    assert diary.sha256 == hashlib.sha256(DIARY).hexdigest()
    letter = engine.add_exhibit(ref, " RP/2 ", "A letter from the school, kept by my sister")
    assert (letter.reference, letter.filename, letter.sha256, letter.number) == (
        "RP/2",
        None,
        None,
        2,
    )
    assert engine.next_exhibit_reference(ref) == "RP/3"
    assert engine.exhibits(ref) == [diary, letter]
    assert engine.exhibit_file(ref, "RP/1") == DIARY
    with pytest.raises(UsageError) as caught:
        engine.exhibit_file(ref, "RP/2")
    assert caught.value.code == "exhibit.no_file"

    removed = engine.remove_exhibit(ref, "RP/1")
    assert removed.reference == "RP/1"
    assert engine.exhibits(ref) == [letter]
    with engine.vault.reading() as conn:  # the file is gone from the vault, not just hidden
        assert conn.execute("SELECT count(*) FROM exhibit_data").fetchone()[0] == 0
    for call in (
        lambda: engine.exhibit_file(ref, "RP/1"),
        lambda: engine.remove_exhibit(ref, "RP/1"),
    ):
        with pytest.raises(UsageError) as caught:
            call()
        assert caught.value.code == "exhibit.removed"
    # Numbers keep the register's order and are never reused within the statement.
    photo = engine.add_exhibit(ref, "RP/3", "A photograph", data=b"\x89PNG\r\n", filename="p.png")
    assert (photo.number, photo.media_type) == (3, "image/png")


def test_a_reference_is_never_used_twice(engine: Engine) -> None:
    ref = case(engine)
    engine.add_exhibit(ref, "RP/1", "The diary")
    engine.remove_exhibit(ref, "RP/1")
    with pytest.raises(UsageError) as caught:
        engine.add_exhibit(ref, "RP/1", "Another thing")
    assert caught.value.code == "exhibit.reference_retired"
    assert "never used twice" in str(caught.value)
    assert engine.next_exhibit_reference(ref) == "RP/2"
    engine.add_exhibit(ref, "RP/2", "The diary, again")
    with pytest.raises(UsageError) as caught:
        engine.add_exhibit(ref, "RP/2", "Something else")
    assert caught.value.code == "exhibit.reference_in_use"
    # Signed: the register is frozen; a further statement has its own, and references stay
    # unique across the case.
    sign(engine, ref)
    for call in (
        lambda: engine.add_exhibit(ref, "RP/3", "Too late"),
        lambda: engine.remove_exhibit(ref, "RP/2"),
    ):
        with pytest.raises(UsageError) as caught:
            call()
        assert caught.value.code == "exhibit.statement_signed"
    engine.further_statement(ref)
    assert engine.exhibits(ref) == [] and engine.next_exhibit_reference(ref) == "RP/3"
    with pytest.raises(UsageError) as caught:
        engine.add_exhibit(ref, "RP/2", "The same reference in the further statement")
    assert caught.value.code == "exhibit.reference_in_use"
    with pytest.raises(UsageError) as caught:  # the first statement's exhibit stays as signed
        engine.remove_exhibit(ref, "RP/2")
    assert caught.value.code == "exhibit.statement_signed"
    assert engine.add_exhibit(ref, "RP/3", "A card").number == 1


BAD = [
    ({"reference": "rp/1"}, "exhibit.bad_reference"),
    ({"reference": "RP/0"}, "exhibit.bad_reference"),
    ({"reference": "RP/01"}, "exhibit.bad_reference"),
    ({"reference": "RP/1000"}, "exhibit.bad_reference"),
    ({"reference": "ABCDE/1"}, "exhibit.bad_reference"),
    ({"reference": "RP-1"}, "exhibit.bad_reference"),
    ({"reference": "R\u200bP/1"}, "exhibit.bad_reference"),
    ({"reference": "RP/1\udcff"}, "exhibit.bad_reference"),
    ({"description": "   "}, "text.empty"),
    ({"description": "two\nlines"}, "text.not_one_line"),
    ({"description": "x" * 201}, "text.too_long"),
    ({"description": "abc \u202eevil"}, "text.direction_override"),
    ({"description": "bytes \udcff"}, "text.not_utf8"),
    ({"description": "a glyph the font lacks: 漢字"}, "pdf.missing_glyphs"),
    ({"data": b""}, "exhibit.file_empty"),
    ({"data": b"x", "media_type": "not a type"}, "exhibit.bad_media_type"),
    ({"filename": "alone.txt"}, "exhibit.file_details_without_file"),
    ({"reference": "RP/2"}, "exhibit.reference_in_use"),
]


@pytest.mark.parametrize(("change", "code"), BAD, ids=[code for _, code in BAD])
def test_bad_input_changes_nothing(engine: Engine, change: dict[str, Any], code: str) -> None:
    ref = case(engine)
    engine.add_exhibit(ref, "RP/2", "Already there")
    before = state(engine, ref)
    args: dict[str, Any] = {"reference": "RP/1", "description": "The diary", **change}
    with pytest.raises(UsageError) as caught:
        engine.add_exhibit(ref, args.pop("reference"), args.pop("description"), **args)
    assert caught.value.code == code
    assert state(engine, ref) == before


def test_the_file_limits(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    ref = case(engine)
    before = state(engine, ref)
    with pytest.raises(UsageError) as caught:
        engine.add_exhibit(ref, "RP/1", "Too large", data=bytes(MAX_EXHIBIT_BYTES + 1))
    assert caught.value.code == "exhibit.file_too_large" and "50 MiB" in str(caught.value)
    assert state(engine, ref) == before
    for n in range(1, register.MAX_EXHIBIT_FILES + 1):
        engine.add_exhibit(ref, f"RP/{n}", f"Page {n}", data=b"%d" % n, filename="page.txt")
    engine.add_exhibit(ref, "RP/100", "Without a file: no room needed")
    with pytest.raises(UsageError) as caught:
        engine.add_exhibit(ref, "RP/101", "One file too many", data=b"x")
    assert caught.value.code == "exhibit.too_many_files"
    # All files together: the limit made small here, the rule is the same.
    engine.remove_exhibit(ref, "RP/1")
    monkeypatch.setattr(register, "MAX_EXHIBITS_BYTES", 100)
    with pytest.raises(UsageError) as caught:
        engine.add_exhibit(ref, "RP/102", "Past the total", data=bytes(60))
    assert caught.value.code == "exhibit.files_too_large"


def test_the_audit_names_the_reference_and_hash_only(engine: Engine) -> None:
    ref = case(engine)
    engine.add_exhibit(ref, "RP/1", DESCRIPTION, data=DIARY, filename="CANARY-name.txt")
    engine.exhibit_file(ref, "RP/1", audit_view=True)
    engine.remove_exhibit(ref, "RP/1")
    entries = [e.to_json() for e in engine.audit_entries(ref)][-3:]
    assert [e["detail"] for e in entries] == [
        {
            "event": "exhibit_added",
            "statement": 1,
            "reference": "RP/1",
            "sha256": hashlib.sha256(DIARY).hexdigest(),
        },
        {"what": "exhibit", "reference": "RP/1"},
        {"event": "exhibit_removed", "statement": 1, "reference": "RP/1"},
    ]
    assert "CANARY" not in json.dumps([e.to_json() for e in engine.audit_entries(ref)])
    assert engine.verify_audit(ref).intact


def test_a_change_after_the_read_back_is_confirmed_again(engine: Engine) -> None:
    ref = case(engine)
    engine.confirm_readback(ref)
    confirm_all_pages(engine, ref)
    assert engine.page_confirmations(ref)
    engine.add_exhibit(ref, "RP/1", "The diary")  # the statement lists it: pages change
    assert engine.statement(ref).readback_confirmed is None
    assert engine.page_confirmations(ref) == []
    with pytest.raises(UsageError) as caught:
        engine.sign_statement(ref, SVG)
    assert caught.value.code == "statement.not_read_back"
    sign(engine, ref)


def test_safe_names_and_initials() -> None:
    for name, safe in [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\Diary 1987.PDF", "Diary_1987.PDF"),
        (".hidden", "exhibit.hidden"),
        ("محمد.pdf", "exhibit.pdf"),
        ("..", "exhibit"),
        ("lane\u202egpj.exe", "lane_gpj.exe"),
        ("Dyddiadur ŵyr.txt", "Dyddiadur_wyr.txt"),
        ("ﬁle №1.pdf", "file_No1.pdf"),
        ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
    ]:
        assert safe_filename(name) == safe
        assert safe_filename(safe) == safe
    for name, letters in [
        ("Rhian Price", "RP"),
        ("Morgan Ŷwen", "MY"),
        ("Anne-Marie O'Neill", "AMO"),
        ("łukasz Ørsted", "LO"),
        ("Ann Bea Cat Dee Eve", "ABCE"),
        ("محمد", None),
        ("", None),
    ]:
        assert initials(name) == letters


# --- in the bundle ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, org: Path) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("exported")
    engine = member_vault(base / "vault", org)
    ref = case(engine)
    engine.add_exhibit(ref, "RP/1", DESCRIPTION, data=DIARY, filename="diary.txt")
    engine.add_exhibit(ref, "RP/2", "A letter, kept by my sister")
    engine.add_exhibit(ref, "RP/3", "Gone", data=b"removed")
    engine.remove_exhibit(ref, "RP/3")
    engine.add_exhibit(ref, "RP/4", "A photograph", data=b"\x89PNG\r\n\x1a\n", filename="p.png")
    sign(engine, ref)
    bundle = base / "ex.qrb"
    export_case(engine, ref, bundle)
    return {"base": base, "engine": engine, "ref": ref, "bundle": bundle, "org": org}


def verified(world: dict[str, Any], bundle: Path | None = None) -> Report:
    org = world["org"]
    return verify_bundle(
        bundle or world["bundle"], org / "interviewer" / "age-identity.txt", org / "trust.json"
    )


def test_the_bundle_carries_the_exhibits(exported: dict[str, Any], tmp_path: Path) -> None:
    report = verified(exported)
    assert report.ok, [c.line() for c in report.checks if not c.ok]
    check = next(c for c in report.checks if c.name == "exhibits")
    assert check.detail == "3 exhibit(s), 2 with a file, each as the record lists it"
    files = report.files
    assert files["exhibits/1-diary.txt"] == DIARY
    assert sorted(n for n in files if n.startswith("exhibits/")) == [
        "exhibits/1-diary.txt",
        "exhibits/4-p.png",
    ]
    manifest = json.loads(files[MANIFEST])
    assert manifest["files"]["exhibits/1-diary.txt"] == {
        "sha256": hashlib.sha256(DIARY).hexdigest(),
        "size": len(DIARY),
    }
    record = json.loads(files["record.json"])
    assert [(e["number"], e["reference"], e["path"]) for e in record["exhibits"]] == [
        (1, "RP/1", "exhibits/1-diary.txt"),
        (2, "RP/2", None),
        (4, "RP/4", "exhibits/4-p.png"),
    ]
    assert record["exhibits"][1] == {
        "number": 2,
        "reference": "RP/2",
        "description": "A letter, kept by my sister",
        "filename": None,
        "media_type": None,
        "size": None,
        "sha256": None,
        "path": None,
    }
    # The statement lists the exhibits it produces.
    collected = rec.collect(exported["engine"], exported["ref"])
    assert rec.statement_document(collected, "Interviewer One").exhibits == (
        ExhibitLine("RP/1", DESCRIPTION),
        ExhibitLine("RP/2", "A letter, kept by my sister"),
        ExhibitLine("RP/4", "A photograph"),
    )
    written = extract(report, tmp_path / "out")
    assert "exhibits/1-diary.txt" in written
    assert (tmp_path / "out" / "exhibits" / "1-diary.txt").read_bytes() == DIARY
    assert os.stat(tmp_path / "out" / "exhibits").st_mode & 0o777 == 0o700
    assert os.stat(tmp_path / "out" / "exhibits" / "4-p.png").st_mode & 0o777 == 0o600


def test_a_supervisor_opens_a_bundle_with_exhibits(
    exported: dict[str, Any], tmp_path: Path
) -> None:
    supervisor = member_vault(tmp_path / "supervisor", exported["org"], "supervisor")
    opened = open_for_review(supervisor, exported["bundle"])
    assert opened.report.ok and opened.review is not None and opened.created
    contents = read_review(supervisor, opened.review.id)
    assert [e["reference"] for e in contents.record["exhibits"]] == ["RP/1", "RP/2", "RP/4"]


# --- forged bundles -----------------------------------------------------------------------


def forge(world: dict[str, Any], out: Path, change: Any, *, resign: bool = True) -> Path:
    """The bundle after `change(files)`, its manifest re-hashed over every file and
    re-signed with the interviewer's own key (unless `resign` is False), then encrypted
    to the interviewer again: only the change under test is wrong."""
    member = world["org"] / "interviewer"
    text = (member / "age-identity.txt").read_text()
    identity = x25519.Identity.from_str(
        next(line for line in text.splitlines() if line.startswith("AGE-"))
    )
    tar = pyrage.decrypt(world["bundle"].read_bytes(), [identity])
    files = safetar.unpack(tar, BUNDLE_NAMES)
    change(files)
    if resign:
        from app.export.bundle import manifest_bytes

        doc = json.loads(files[MANIFEST])
        doc["files"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in files.items()
            if name not in (MANIFEST, SIGNATURE)
        }
        files[MANIFEST] = manifest_bytes(doc)
        cert, key = pki.load_pem_pair(
            (member / "cert.pem").read_bytes(), (member / "key.pem").read_bytes()
        )
        files[SIGNATURE] = cms.sign_detached(files[MANIFEST], cert, key)
    packed = safetar.pack(list(files.items()), 0)
    out.write_bytes(pyrage.encrypt(packed, [identity.to_public()]))
    return out


def _record(files: dict[str, bytes], edit: Any) -> None:
    record = json.loads(files["record.json"])
    edit(record)
    files["record.json"] = json.dumps(record).encode()


FORGERIES = {
    "a file changed": (
        lambda f: f.update({"exhibits/1-diary.txt": b"another diary"}),
        "exhibits",
        "exhibits/1-diary.txt does not match its SHA-256 in the record",
    ),
    "a file added": (
        lambda f: f.update({"exhibits/9-extra.txt": b"not in the record"}),
        "exhibits",
        "not listed in the record: exhibits/9-extra.txt",
    ),
    "a file taken out": (
        lambda f: f.pop("exhibits/4-p.png"),
        "exhibits",
        "exhibits/4-p.png is missing",
    ),
    "a file moved": (
        lambda f: _record(f, lambda r: r["exhibits"][0].update(path="exhibits/4-p.png")),
        "exhibits",
        "RP/1's file is not where the record says",
    ),
}


@pytest.mark.parametrize("name", sorted(FORGERIES))
def test_verify_names_what_is_wrong_with_the_exhibits(
    exported: dict[str, Any], tmp_path: Path, name: str
) -> None:
    change, check, detail = FORGERIES[name]
    report = verified(exported, forge(exported, tmp_path / "forged.qrb", change))
    failed = {c.name: c.detail for c in report.checks if not c.ok}
    assert list(failed) == [check] and detail in failed[check]


def test_an_exhibit_changed_without_the_signature_fails_the_hashes(
    exported: dict[str, Any], tmp_path: Path
) -> None:
    forged = forge(
        exported,
        tmp_path / "forged.qrb",
        lambda f: f.update({"exhibits/1-diary.txt": b"x" * len(DIARY)}),
        resign=False,
    )
    report = verified(exported, forged)
    failed = {c.name: c.detail for c in report.checks if not c.ok}
    assert "exhibits/1-diary.txt does not match its SHA-256" in failed["file hashes"]
    # From the command line: the named check, exit 4.
    org = exported["org"]
    result = run_cli(
        "verify",
        forged,
        "--identity",
        org / "interviewer" / "age-identity.txt",
        "--trust",
        org / "trust.json",
        "--json",
    )
    assert result.returncode == 4, result.stderr
    checks = {c["check"]: c["ok"] for c in json.loads(result.stdout)["checks"]}
    assert checks["file hashes"] is False and checks["exhibits"] is False


@pytest.mark.parametrize("name", ["exhibits/1-.hidden", "exhibits/x-diary.txt", "exhibits/1-a b"])
def test_a_name_that_is_not_an_exhibits_place_is_refused(
    exported: dict[str, Any], tmp_path: Path, name: str
) -> None:
    report = verified(
        exported, forge(exported, tmp_path / "forged.qrb", lambda f: f.update({name: b"x"}))
    )
    assert [c.name for c in report.checks if not c.ok] == ["contents"]
    assert "is not part of a Quietroom bundle" in report.checks[-1].detail


def test_a_version_1_bundle_holds_no_exhibits(exported: dict[str, Any], tmp_path: Path) -> None:
    def version_1(files: dict[str, bytes]) -> None:
        doc = json.loads(files[MANIFEST])
        files[MANIFEST] = json.dumps({**doc, "version": 1}).encode()

    report = verified(exported, forge(exported, tmp_path / "v1.qrb", version_1))
    failed = {c.name: c.detail for c in report.checks if not c.ok}
    assert list(failed) == ["contents"]
    assert "not part of this version of a bundle: exhibits/1-diary.txt" in failed["contents"]


def test_a_statement_without_exhibits(exported: dict[str, Any], tmp_path: Path) -> None:
    engine = exported["engine"]
    ref = case(engine, "EX-NONE")
    sign(engine, ref)
    export_case(engine, ref, tmp_path / "none.qrb")
    report = verified(exported, tmp_path / "none.qrb")
    assert report.ok
    assert next(c for c in report.checks if c.name == "exhibits").detail == (
        "the statement produces no exhibits"
    )
    assert json.loads(report.files["record.json"])["exhibits"] == []
    assert not any(name.startswith("exhibits/") for name in report.files)


def test_a_record_from_before_exhibits_still_verifies() -> None:
    report = Report()
    bundled.check_exhibits(report, {}, {"case": {}})
    assert report.ok and report.checks[0].detail == "the statement produces no exhibits"
    report = Report()
    bundled.check_exhibits(report, {"exhibits/1-a.txt": b"a"}, {"case": {}})
    assert not report.ok


def test_a_bundle_past_the_limits_is_refused() -> None:
    small = {"statement.pdf": b"%PDF", "record.json": b"{}"}
    with pytest.raises(UsageError) as caught:
        check_sizes({**small, "exhibits/1-big.bin": bytes(MAX_EXHIBIT_BYTES + 1)})
    assert caught.value.code == "export.file_too_large"
    assert "exhibits/1-big.bin" in str(caught.value)
    many = {f"exhibits/{n}-f.txt": b"x" for n in range(1, safetar.MAX_ENTRIES)}
    with pytest.raises(UsageError) as caught:
        check_sizes({**small, **many})
    assert caught.value.code == "export.too_many_files"
    with pytest.raises(UsageError) as caught:
        bundled.check_totals(small, safetar.MAX_ENTRIES, 5)
    assert caught.value.code == "export.bundle_too_large"
    with pytest.raises(UsageError) as caught:
        bundled.check_bundle_size(MAX_BUNDLE_BYTES + 1, MAX_BUNDLE_BYTES)
    assert "512 MiB" in str(caught.value)
