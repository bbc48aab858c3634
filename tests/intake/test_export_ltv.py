"""The statement's signature time-stamped and with its validation data at export (PAdES
B-LT), against the REAL intake over mutual TLS (a throwaway PostgreSQL cluster), checked
with the real tools: `quietroom-cli export` and `verify` as child processes, pyHanko's
own command line, `openssl ts -verify`, pdfsig, and docs/verifying.md's time-stamp
commands run exactly as written.

Also: an export made offline stays B-B and verifies as before; `--timestamp required`
offline exits 5 and writes nothing; bad input is one line; an intake serving no
revocation list gives B-T (or B-LT with `--crl` or the list kept from before); a
statement whose signing certificate has expired since still verifies at its time-stamp;
a later revision that changes a page is refused while one that only adds a document
time-stamp is not; and a supervisor's countersignature on a B-LT statement still goes
back to the interviewer."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import cms

from app.engine.engine import Engine
from app.export.checks import Report, check_pdf
from app.export.ltv import prepare_signature, stamp_statement
from app.export.pades_validate import LEVEL_LT, validate_pdf_signature
from app.org.organisation import load_ca_key
from app.org.trust import load_trust
from app.review.checklist import Answers, ItemAnswer, checklist_for
from app.review.decision import decide
from app.review.decision_verify import import_decision
from app.review.inbox import open_for_review
from app.sync.client import IntakeClient
from app.sync.stamper import IntakeTimeStamper
from crypto import pki
from intake.db import Database
from tests.conftest import PASSPHRASE, REPO, missing, require_tool, run_cli
from tests.core.test_mg11 import fixed_paragraphs, statement
from tests.intake.harness import Running, free_tcp_port, running_intake
from tests.intake.sync_world import CASE, SyncWorld, build_sync_world, localhost

pytestmark = pytest.mark.cli

DOC = REPO / "docs" / "verifying.md"
VENV_BIN = REPO / ".venv" / "bin"
_WORLD: SyncWorld | None = None


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> SyncWorld:
    global _WORLD
    if _WORLD is None:
        _WORLD = build_sync_world(tmp_path_factory.mktemp("export-ltv-world"))
    return _WORLD


@pytest.fixture
def intake(db: Database, world: SyncWorld) -> Iterator[Running]:
    with running_intake(db, world.org) as running:
        yield running


class Member:
    """quietroom-cli bound to a fresh copy of the interviewer's vault."""

    def __init__(self, world: SyncWorld, tmp_path: Path, url: str) -> None:
        engine = world.interviewer(url)
        self.vault = engine.vault.root
        engine.vault.close()
        self.secret = tmp_path / "interviewer.pass"
        self.secret.write_text(PASSPHRASE + "\n")
        self.secret.chmod(0o600)
        self.secret.chmod(0o600)

    def __call__(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return run_cli("--vault", self.vault, "--passphrase-file", self.secret, *args)

    def engine(self) -> Engine:
        from app.vault.vault import Vault

        return Engine(Vault.open(self.vault, PASSPHRASE))


def one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def tools_env() -> dict[str, str]:
    """The venv's pyhanko and a python3 with asn1crypto first on PATH, as a verifier who
    followed docs/verifying.md ('pip install pyhanko-cli') has them."""
    return dict(os.environ, PATH=f"{VENV_BIN}:{os.environ['PATH']}", LC_ALL="C")


def require_pyhanko() -> None:
    """pyHanko's command line comes with the test extras ('pyhanko-cli')."""
    if not (VENV_BIN / "pyhanko").exists():
        missing("pyHanko's command line is not installed (pip install pyhanko-cli)")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env=tools_env(),
    )


def verify_and_extract(world: SyncWorld, bundle: Path, target: Path) -> str:
    done = run_cli(
        "verify", bundle, "--identity", world.org / "supervisor" / "age-identity.txt",
        "--trust", world.org / "trust.json", "--extract", target,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def signature_parts(pdf: bytes) -> tuple[bytes, bytes | None]:
    """(the signature value, its time-stamp token or None) of the statement's signature,
    cut out of the CMS with asn1crypto."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    [sig] = PdfFileReader(BytesIO(pdf)).embedded_regular_signatures
    signer = cms.ContentInfo.load(sig.pkcs7_content)["content"]["signer_infos"][0]
    attrs = signer["unsigned_attrs"] if signer["unsigned_attrs"].native else []
    tokens = [
        a["values"][0].dump() for a in attrs if a["type"].native == "signature_time_stamp_token"
    ]
    return signer["signature"].native, (tokens[0] if tokens else None)


def doc_bash_blocks() -> list[str]:
    """The ```bash blocks of docs/verifying.md's section on the statement's time-stamp."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("# Checking the statement's time-stamp and validation data") :]
    return re.findall(r"^```bash\n(.*?)^```", section, re.M | re.S)


def test_a_reachable_export_is_b_lt_and_the_tools_agree(
    world: SyncWorld, intake: Running, tmp_path: Path
) -> None:
    cli = Member(world, tmp_path, localhost(intake.url))
    bundle = tmp_path / "statement.qrb"
    result = cli("export", CASE, "--out", bundle, "--json")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    made = json.loads(result.stdout)
    assert made["pades_level"] == "B-LT"
    stamped_at = datetime.strptime(made["timestamp"]["gen_time"], "%Y-%m-%dT%H:%M:%S.%fZ")
    assert abs(stamped_at.replace(tzinfo=UTC) - datetime.now(UTC)) < timedelta(minutes=2)
    tsa_cert = pki.load_certificate((world.org / "intake" / "timestamp-cert.pem").read_bytes())
    assert made["timestamp"]["tsa_certificate_fingerprint"] == pki.fingerprint(tsa_cert)

    opened = tmp_path / "opened"
    report = verify_and_extract(world, bundle, opened)
    line = next(x for x in report.splitlines() if "statement PDF signature" in x)
    assert line.startswith("ok  ")
    assert f"PAdES B-LT, time-stamped {stamped_at:%Y-%m-%d %H:%M:%S} UTC by the intake" in line
    said = next(x for x in report.splitlines() if "statement time-stamp" in x)
    assert said.startswith("ok  ") and f"({stamped_at:%Y-%m-%d %H:%M:%S} UTC)" in said
    assert "the signing time it states" in report  # the manifest, at its signature's time
    record = json.loads((opened / "record.json").read_text())
    assert record["statement"]["pades_level"] == "B-LT"
    assert record["statement"]["timestamp"] == made["timestamp"]
    # The organisation's current list, as the intake served it, is kept for next time.
    engine = cli.engine()
    try:
        from app.sync.export_stamp import CACHED_CRL

        assert engine.vault.meta(CACHED_CRL)
    finally:
        engine.vault.close()

    pdf = (opened / "statement.pdf").read_bytes()
    require_pyhanko()
    (tmp_path / "ca.pem").write_bytes((world.org / "ca.pem").read_bytes())
    # pyHanko's AdES validation: the time-stamp, and trust from the data inside the PDF.
    ades = run(
        "pyhanko", "sign", "adesverify", "--pretty-print", "--trust", tmp_path / "ca.pem",
        "--trust-replace", opened / "statement.pdf",
    )  # fmt: skip
    assert ades.returncode == 0, ades.stdout + ades.stderr
    assert f"Signature timestamp token: {stamped_at:%Y-%m-%dT%H:%M:%S}" in ades.stdout
    assert "The signer's certificate is trusted." in ades.stdout
    assert "The TSA certificate is trusted." in ades.stdout
    assert "The signature is judged VALID." in ades.stdout
    plain = run(
        "pyhanko", "sign", "validate", "--pretty-print", "--trust", tmp_path / "ca.pem",
        "--trust-replace", "--no-revocation-check", opened / "statement.pdf",
    )  # fmt: skip
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "All modifications relate to signature maintenance" in plain.stdout
    assert "The timestamp token is cryptographically sound." in plain.stdout
    # The interviewer's signature is intact; the DSS came after it.
    pdfsig = run(require_tool("pdfsig"), opened / "statement.pdf")
    assert "Signature is Valid." in pdfsig.stdout and "Not total document signed" in pdfsig.stdout

    # openssl ts -verify accepts the signature's time-stamp token against the CA.
    value, token = signature_parts(pdf)
    assert token is not None
    (tmp_path / "value.bin").write_bytes(value)
    (tmp_path / "token.der").write_bytes(token)
    checked = run(
        require_tool("openssl"), "ts", "-verify", "-data", tmp_path / "value.bin",
        "-in", tmp_path / "token.der", "-token_in", "-CAfile", tmp_path / "ca.pem",
    )  # fmt: skip
    assert checked.returncode == 0 and "Verification: OK" in checked.stdout, checked.stderr
    # ... and refuses it over anything else (the check can fail).
    (tmp_path / "other.bin").write_bytes(value[:-1] + bytes([value[-1] ^ 1]))
    wrong = run(
        require_tool("openssl"), "ts", "-verify", "-data", tmp_path / "other.bin",
        "-in", tmp_path / "token.der", "-token_in", "-CAfile", tmp_path / "ca.pem",
    )  # fmt: skip
    assert wrong.returncode != 0

    # docs/verifying.md's commands, exactly as written, from the opened bundle's folder.
    script = "\n".join(doc_bash_blocks())
    assert "openssl ts -verify" in script and "adesverify" in script
    shown = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=opened,
        env=tools_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "Verification: OK" in shown.stdout
    assert f"Time stamp: {stamped_at:%b %e %H:%M:%S %Y} GMT" in shown.stdout
    assert "The signature is judged VALID." in shown.stdout


def test_offline_stays_b_b_and_required_writes_nothing(world: SyncWorld, tmp_path: Path) -> None:
    cli = Member(world, tmp_path, f"https://localhost:{free_tcp_port()}")  # nobody listens
    bundle = tmp_path / "offline.qrb"
    result = cli("export", CASE, "--out", bundle, "--json")
    line = one_line(result, 0)
    assert "could not be reached" in line and "PAdES B-B" in line
    assert json.loads(result.stdout)["pades_level"] == "B-B"
    report = verify_and_extract(world, bundle, tmp_path / "opened")
    assert "ok    statement PDF signature: valid: PAdES B-B, not time-stamped" in report
    assert "ok    statement time-stamp: the record says PAdES B-B, as the statement is" in report
    record = json.loads((tmp_path / "opened" / "record.json").read_text())
    assert record["statement"]["pades_level"] == "B-B" and "timestamp" not in record["statement"]
    pdf = (tmp_path / "opened" / "statement.pdf").read_bytes()
    assert signature_parts(pdf)[1] is None
    pdfsig = run(require_tool("pdfsig"), tmp_path / "opened" / "statement.pdf")
    assert "Total document signed" in pdfsig.stdout

    # --timestamp off never asks (and says nothing); required offline: 5, nothing written.
    quiet = cli("export", CASE, "--out", tmp_path / "off.qrb", "--timestamp", "off")
    assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
    engine = cli.engine()
    try:
        case_id = engine.case(CASE).id
        exports = [e for e in engine.audit_entries(case_id) if e.action == "export"]
    finally:
        engine.vault.close()
    strict = tmp_path / "strict.qrb"
    for extra in ((), ("--send",)):
        line = one_line(cli("export", CASE, "--out", strict, "--timestamp", "required", *extra), 5)
        assert "could not be reached" in line and "nothing was exported" in line
        assert not strict.exists()
    engine = cli.engine()
    try:
        # Reading the case for it is logged as ever; no export is.
        assert [e for e in engine.audit_entries(case_id) if e.action == "export"] == exports
        assert engine.outbox() == []
    finally:
        engine.vault.close()


def test_bad_input_is_one_line_and_writes_nothing(world: SyncWorld, tmp_path: Path) -> None:
    cli = Member(world, tmp_path, f"https://localhost:{free_tcp_port()}")
    out = tmp_path / "x.qrb"
    garbage = tmp_path / "garbage.der"
    garbage.write_bytes(b"not a revocation list")
    other = tmp_path / "other-org"
    from app.org import org_init

    org_init(other, "Another Organisation")
    cases = [
        (["--timestamp", "sometimes"], "sometimes"),
        (["--crl", tmp_path / "missing.der"], "cannot read"),
        (["--crl", garbage], "not the organisation's"),
        (["--crl", other / "crl.der"], "not the organisation's"),
        (["--crl", world.org / "crl.der", "--timestamp", "off"], "--crl"),
    ]
    for args, words in cases:
        line = one_line(cli("export", CASE, "--out", out, *args), 1)
        assert words in line, line
        assert not out.exists()
    bare = Member(world, tmp_path, f"https://localhost:{free_tcp_port()}")
    engine = bare.engine()
    try:
        engine.set_sync_url(None)
        with engine.vault.transaction() as conn:  # no authentication certificate: no sync
            conn.execute("UPDATE identity SET auth_cert_pem = NULL, auth_key_pem = NULL")
    finally:
        engine.vault.close()
    line = one_line(bare("export", CASE, "--out", out, "--timestamp", "required"), 1)
    assert "a time-stamp comes from the intake" in line and not out.exists()


def short_lived_signature(world: SyncWorld, seconds: int) -> tuple[bytes, bytes, datetime]:
    """A signing certificate and key (PEM) the organisation's CA issues for `seconds`."""
    ca_cert, ca_key = load_ca_key(world.org)
    end = datetime.now(UTC) + timedelta(seconds=seconds)
    cert, key = pki.issue_certificate(
        ca_cert, ca_key, name="Interviewer Brief", organisation="Example Oversight Body",
        role="interviewer", not_after=end, crl_url="https://localhost:1/v1/crl",
    )  # fmt: skip
    return pki.certificate_pem(cert), pki.private_key_pem(key), end


def stamped_pdf(world: SyncWorld, intake: Running, cert: bytes, key: bytes) -> Any:
    """A statement signed with (cert, key), time-stamped by the real intake, with the
    organisation's CRL embedded: what an export makes (app/export/ltv.py)."""
    trust = load_trust(world.org / "trust.json", world.org / "ca.pem")
    engine = world.interviewer(localhost(intake.url))
    try:
        identity = engine.identity()
    finally:
        engine.vault.close()
    from app.render.mg11 import render_statement

    pending = prepare_signature(
        render_statement(statement(fixed_paragraphs(3))), cert, key, reason="test",
        location=None, signer_name="Interviewer Brief", visible=None, room_for_token=True,
    )  # fmt: skip
    with IntakeClient(localhost(intake.url), trust, identity) as client:
        signed = stamp_statement(
            pending, trust, IntakeTimeStamper(client, trust), [(world.org / "crl.der").read_bytes()]
        )
    return signed, pending, trust


def test_an_expired_certificate_still_verifies_at_its_time_stamp(
    world: SyncWorld, intake: Running
) -> None:
    # Long enough to sign and time-stamp on a busy machine (4 s was not, under load: the
    # certificate expired before its validation data was made), short enough to wait out.
    cert, key, end = short_lived_signature(world, 12)
    signed, _, trust = stamped_pdf(world, intake, cert, key)
    assert signed.level == LEVEL_LT and signed.timestamp.gen_time <= end
    while datetime.now(UTC) <= end + timedelta(seconds=1):  # the certificate expires
        time.sleep(0.2)
    ca_pem = (world.org / "ca.pem").read_bytes()
    stampers = [m.timestamp_certificate for m in trust.by_role("intake")]
    checked = validate_pdf_signature(signed.pdf, ca_pem, timestamp_certificates=stampers)
    assert checked.valid and checked.whole and checked.problems == (), checked.problems
    assert checked.level == LEVEL_LT and checked.validated_at == signed.timestamp.gen_time
    # The same signature checked now, as a validator without the time-stamp would: expired.
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature as pyhanko_validate
    from pyhanko_certvalidator import ValidationContext

    [sig] = PdfFileReader(BytesIO(signed.pdf)).embedded_regular_signatures
    ca = pki.load_certificate(ca_pem)
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    root = asn1_x509.Certificate.load(ca.public_bytes(Encoding.DER))
    now = pyhanko_validate(sig, ValidationContext(trust_roots=[root], allow_fetching=False))
    assert not now.trusted
    # Without a trust file naming the intake's time-stamping certificate, the time-stamp
    # is not relied on: the signing time is, and the line says so.
    unpinned = validate_pdf_signature(signed.pdf, ca_pem)
    assert unpinned.level == "B-B" and unpinned.notes
    report = Report()
    check_pdf(report, signed.pdf, ca, None, trust)
    assert report.ok and "PAdES B-LT, time-stamped" in report.checks[0].detail


def test_a_later_revision_must_only_add_validation_data(world: SyncWorld, intake: Running) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers.pdf_signer import PdfTimeStamper

    engine = world.interviewer(localhost(intake.url))
    try:
        cert, key = engine.identity().cert_pem(), engine.identity().key_pem()
    finally:
        engine.vault.close()
    signed, _, trust = stamped_pdf(world, intake, cert, key)
    ca_pem = (world.org / "ca.pem").read_bytes()
    stampers = [m.timestamp_certificate for m in trust.by_role("intake")]

    # A page's content changed in a later revision: refused, with the reason.
    writer = IncrementalPdfFileWriter(BytesIO(signed.pdf))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    extra = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 72 Td (x) Tj ET"))
    page["/Contents"] = generic.ArrayObject([*_contents(page), extra])
    writer.update_container(page)
    changed = BytesIO()
    writer.write(changed)
    refused = validate_pdf_signature(changed.getvalue(), ca_pem, timestamp_certificates=stampers)
    assert refused.intact and not refused.whole
    assert any("changed after it was signed" in p for p in refused.problems), refused.problems
    report = Report()
    check_pdf(report, changed.getvalue(), pki.load_certificate(ca_pem), None, trust)
    assert not report.ok and "changed after it was signed" in report.checks[0].detail

    # A document time-stamp from the intake after the validation data: accepted.
    trust_engine = world.interviewer(localhost(intake.url))
    try:
        identity = trust_engine.identity()
    finally:
        trust_engine.vault.close()
    with IntakeClient(localhost(intake.url), trust, identity) as client:
        out = BytesIO()
        PdfTimeStamper(IntakeTimeStamper(client, trust)).timestamp_pdf(
            IncrementalPdfFileWriter(BytesIO(signed.pdf)), "sha256", output=out
        )
    archived = validate_pdf_signature(out.getvalue(), ca_pem, timestamp_certificates=stampers)
    assert archived.valid and archived.whole and archived.problems == (), archived.problems
    # Bytes appended outside a revision are not validation data.
    junk = validate_pdf_signature(
        signed.pdf + b"\n% later\n", ca_pem, timestamp_certificates=stampers
    )
    assert not junk.whole and junk.problems


def _contents(page: Any) -> list[Any]:
    raw = page.raw_get("/Contents")
    value = raw.get_object() if hasattr(raw, "get_object") else raw
    return list(value) if isinstance(value, list) else [raw]


def test_a_countersigned_b_lt_statement_goes_back_to_the_interviewer(
    world: SyncWorld, intake: Running, tmp_path: Path
) -> None:
    cli = Member(world, tmp_path, localhost(intake.url))
    bundle = tmp_path / "statement.qrb"
    made = json.loads(cli("export", CASE, "--out", bundle, "--json").stdout)
    assert made["pades_level"] == "B-LT"
    supervisor = world.supervisor()
    try:
        review = open_for_review(supervisor, bundle).review
        assert review is not None
        answers = Answers(tuple(ItemAnswer(i.id, "met") for i in checklist_for("csa")))
        decision = tmp_path / "approved.qrr"
        decide(
            supervisor, review.id, approve=True, comments="Clear.", answers=answers, out=decision
        )
    finally:
        supervisor.vault.close()
    interviewer = cli.engine()
    try:
        imported = import_decision(interviewer, decision)
        assert imported.report.ok and imported.decision.decision == "approved"
        assert imported.report.countersign is not None and imported.report.countersign.ok
    finally:
        interviewer.vault.close()


def test_an_intake_serving_no_revocation_list_gives_b_t_or_the_crl_given(
    world: SyncWorld, db: Database, tmp_path: Path
) -> None:
    published = tmp_path / "published"  # the trust file without crl.der beside it
    published.mkdir()
    for name in ("trust.json", "trust.json.p7s"):
        (published / name).write_bytes((world.org / name).read_bytes())
    with running_intake(db, world.org, trust_path=published / "trust.json") as intake:
        cli = Member(world, tmp_path, localhost(intake.url))
        strict = tmp_path / "strict.qrb"
        line = one_line(cli("export", CASE, "--out", strict, "--timestamp", "required"), 1)
        assert "no current revocation list" in line and not strict.exists()
        result = cli("export", CASE, "--out", tmp_path / "t.qrb", "--json")
        assert "PAdES B-T" in one_line(result, 0)
        assert json.loads(result.stdout)["pades_level"] == "B-T"
        report = verify_and_extract(world, tmp_path / "t.qrb", tmp_path / "t")
        assert "valid: PAdES B-T, time-stamped" in report
        # The organisation's crl.der given by hand makes it B-LT after all.
        given = cli("export", CASE, "--out", tmp_path / "lt.qrb", "--crl", world.org / "crl.der")
        assert given.returncode == 0 and given.stderr == "", given.stderr
        assert "PAdES B-LT" in given.stdout
        # So does the last good list kept in the vault from an earlier export.
        from app.sync.export_stamp import remember_crl

        engine = cli.engine()
        try:
            remember_crl(engine, (world.org / "crl.der").read_bytes())
        finally:
            engine.vault.close()
        kept = cli("export", CASE, "--out", tmp_path / "kept.qrb", "--json")
        assert kept.returncode == 0 and kept.stderr == "", kept.stderr
        assert json.loads(kept.stdout)["pades_level"] == "B-LT"
