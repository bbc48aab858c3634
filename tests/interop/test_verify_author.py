"""Who may author a statement bundle: a member of the trust file with the role
interviewer, checked when exporting and again when verifying; and the statement PDF's
signer compared with the manifest's by certificate, not by name."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import UsageError
from app.export import bundle as bundle_module
from app.export import record as rec
from app.export.bundle import export_case
from app.export.pades import sign_pdf
from app.org import load_trust
from app.render.mg11 import render_statement
from tests.conftest import PASSPHRASE, run_cli
from tests.interop.bundle_forge import (
    World,
    failed,
    issue,
    make_world,
    member_engine,
    recipient,
    reseal,
    signed_case,
    verify,
)

ROLES = ("interviewer", "supervisor", "intake")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = make_world(tmp_path_factory.mktemp("author"))
    yield made
    made.engine.vault.close()


# --- the PDF's signer is the manifest's signer, by certificate --------------------------------


@pytest.mark.cli
def test_a_pdf_signed_by_jo_bloggs_is_not_jos(world: World, tmp_path: Path) -> None:
    """Author "Jo"; the statement PDF signed by another interviewer, "Jo Bloggs", whose
    name contains Jo's; the manifest (with the new PDF's hash) signed by Jo."""
    bloggs = issue(world.org, "interviewer", "Jo Bloggs")
    collected = rec.collect(world.engine, world.ref)
    # Bound to the very same record: only the signer differs.
    binding = rec.binding_of(collected, world.engine.statement_digest(world.ref))
    trust = world.engine.trust()
    assert trust is not None
    document = rec.statement_document(
        collected, "Jo", binding=binding, organisation=trust.organisation
    )
    pdf = sign_pdf(
        render_statement(document),
        (bloggs / "cert.pem").read_bytes(),
        (bloggs / "key.pem").read_bytes(),
        reason="Witness statement taken under s.9 CJA 1967",
        signer_name="Jo Bloggs",
    )
    tar = reseal(world.files(), world.jo, {"statement.pdf": pdf})
    code, report, stderr = verify(
        world.forged(tmp_path / "bloggs.qrb", tar), world.supervisor, world.org / "trust.json"
    )
    assert code == 4, stderr
    problems = failed(report)
    assert list(problems) == ["statement PDF signature"], problems
    assert "someone other than the manifest's signer" in problems["statement PDF signature"]


def test_the_pdf_report_names_the_signers_certificate(world: World) -> None:
    from app.export.pades import validate_pdf_signature
    from crypto import pki

    files = world.files()
    report = validate_pdf_signature(files["statement.pdf"], (world.org / "ca.pem").read_bytes())
    jo = pki.load_certificate((world.jo / "cert.pem").read_bytes())
    assert report.valid and report.signer_fingerprint == pki.fingerprint(jo)  # type: ignore[attr-defined]


# --- roles at export ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def authors(world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """A vault for a supervisor and one for the intake service, each with a signed case."""
    base = tmp_path_factory.mktemp("authors")
    engines = {}
    for role in ("supervisor", "intake"):
        engine = member_engine(base / role, world.org / role, world.org / "trust.json")
        signed_case(engine, "CSA-R-1")
        engines[role] = engine
    yield {"base": base, **engines}
    for role in ("supervisor", "intake"):
        engines[role].vault.close()


@pytest.mark.parametrize("role", ["supervisor", "intake"])
def test_only_an_interviewer_can_export(
    world: World, authors: dict[str, object], tmp_path: Path, role: str
) -> None:
    engine = authors[role]
    out = tmp_path / "refused.qrb"
    head = engine.audit_head("CSA-R-1")  # type: ignore[attr-defined]
    with pytest.raises(UsageError) as caught:
        export_case(engine, "CSA-R-1", out)  # type: ignore[arg-type]
    assert caught.value.code == "export.not_an_interviewer"
    assert "'interviewer'" in str(caught.value) and f"'{role}'" in str(caught.value)
    assert not out.exists()
    assert engine.audit_head("CSA-R-1") == head  # type: ignore[attr-defined]  # nothing written


@pytest.mark.cli
def test_the_command_line_refuses_a_supervisors_export(world: World, tmp_path: Path) -> None:
    root = tmp_path / "vault"
    engine = member_engine(root, world.org / "supervisor", world.org / "trust.json")
    signed_case(engine, "CSA-R-2")
    engine.vault.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    pw.chmod(0o600)
    out = tmp_path / "s.qrb"
    result = run_cli("--vault", root, "--passphrase-file", pw, "export", "CSA-R-2", "--out", out)
    assert result.returncode == 1, result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "'interviewer'" in result.stderr and "'supervisor'" in result.stderr
    assert not out.exists()


@pytest.mark.cli
def test_the_command_line_says_who_each_recipient_is(world: World, tmp_path: Path) -> None:
    """Keys §7: recipients are shown by name, role and certificate fingerprint, so a
    member whose name only looks like another's is never picked unseen."""
    root = tmp_path / "vault"
    engine = member_engine(root, world.jo, world.org / "trust.json")
    signed_case(engine, "CSA-R-4")
    engine.vault.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    pw.chmod(0o600)
    base = ("--vault", root, "--passphrase-file", pw, "export", "CSA-R-4")
    shown = run_cli(*base, "--out", tmp_path / "a.qrb")
    assert shown.returncode == 0, shown.stderr
    trust = load_trust(world.org / "trust.json")
    for member in [*trust.by_role("supervisor"), *trust.by_role("intake")]:
        head = member.fingerprint[:16].upper()
        short = " ".join(head[i : i + 4] for i in range(0, 16, 4))
        assert f"  to {member.name} ({member.role}, {short})" in shown.stdout, shown.stdout
    assert "(interviewer, " in shown.stdout  # the author, always a recipient
    done = run_cli(*base, "--out", tmp_path / "b.qrb", "--json")
    members = json.loads(done.stdout)["recipient_members"]
    assert {(m["role"], m["fingerprint"]) for m in members} >= {
        (m.role, m.fingerprint) for m in trust.by_role("supervisor")
    }
    assert all(set(m) == {"name", "role", "fingerprint"} for m in members)


def test_an_export_without_a_trust_file_cannot_show_the_role(world: World, tmp_path: Path) -> None:
    engine = member_engine(tmp_path / "v", world.jo, None)
    try:
        signed_case(engine, "CSA-R-3")
        out = tmp_path / "x.qrb"
        with pytest.raises(UsageError) as caught:
            export_case(engine, "CSA-R-3", out, [recipient(world.supervisor)])
        assert caught.value.code == "export.trust_needed_for_role"
        assert not out.exists()
    finally:
        engine.vault.close()


# --- roles at verification ------------------------------------------------------------------


@pytest.fixture(scope="module")
def forged(world: World, authors: dict[str, object]) -> Iterator[dict[str, Path]]:
    """A bundle authored by a supervisor and one by the intake service, made by a client
    whose export check was taken out (what a forger with that key can do)."""
    made = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bundle_module, "check_author", lambda *a: None, raising=False)
        mp.setattr(bundle_module, "check_statement_taker", lambda *a: None, raising=False)
        for role in ("supervisor", "intake"):
            out = authors["base"] / f"by-{role}.qrb"  # type: ignore[operator]
            readers = [recipient(world.supervisor), recipient(world.intake), recipient(world.jo)]
            export_case(authors[role], "CSA-R-1", out, readers)  # type: ignore[arg-type]
            made[role] = out
    yield made


@pytest.mark.cli
@pytest.mark.parametrize("author", ["supervisor", "intake"])
@pytest.mark.parametrize("reader", ROLES)
def test_a_bundle_authored_by_another_role_fails(
    world: World, forged: dict[str, Path], author: str, reader: str
) -> None:
    reader_dir = world.jo if reader == "interviewer" else world.org / reader
    code, report, stderr = verify(forged[author], reader_dir, world.org / "trust.json")
    assert code == 4, stderr
    problems = failed(report)
    assert list(problems) == ["author's role"], problems
    assert f"the role {author}" in problems["author's role"]
    assert "interviewer" in problems["author's role"]


@pytest.mark.cli
@pytest.mark.parametrize("author", ["supervisor", "intake"])
def test_with_only_the_ca_the_role_is_not_checked(
    world: World, forged: dict[str, Path], author: str
) -> None:
    """The organisation's decision: a CA alone checks no membership, so the bundle fails
    (exit 4) unless --ca-only accepts that, and the report says so either way."""
    code, report, stderr = verify(forged[author], world.org / "supervisor", world.org / "ca.pem")
    assert code == 4, stderr
    line = next(c for c in report["checks"] if c["check"] == "author's role")
    assert not line["ok"] and line["detail"].startswith("not checked")
    assert "--ca-only" in line["detail"]
    code, report, stderr = verify(
        forged[author], world.org / "supervisor", world.org / "ca.pem", "--ca-only"
    )
    assert code == 0, stderr
    line = next(c for c in report["checks"] if c["check"] == "author's role")
    assert line["ok"] and line["detail"].startswith("not checked")
    assert "accepted with --ca-only" in line["detail"]


@pytest.mark.cli
def test_an_interviewers_bundle_passes_every_check(world: World) -> None:
    code, report, stderr = verify(world.bundle, world.supervisor, world.org / "trust.json")
    assert code == 0, stderr
    names = [c["check"] for c in report["checks"]]
    assert "author's role" in names and "restricted details" in names
    role = next(c for c in report["checks"] if c["check"] == "author's role")
    assert role["detail"] == "signed by Jo, an interviewer in the organisation's trust file"
    assert json.dumps(report)
