"""Export bundles checked with the real tools: age, tar, openssl, sha256sum, pdfsig, qpdf,
pdftotext; and every kind of bad bundle refused by `verify` with one clear line."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyrage import x25519

from app.engine.engine import Engine
from app.errors import UsageError, VerificationError
from app.export.pages import confirm_all_pages
from app.export.verify import verify_bundle
from app.org import org_init
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, require_tool, run_cli, snapshot

ADDRESS = "CANARY-addr-77-Rowan-Terrace"
PHONE = "CANARY-07700-900555"
NOTE = "CANARY-note-not-for-statement"
WELSH = "Roedd yr ŵyn yn y cae ger y tŷ; dŷn ni'n cofio."
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)


def build_case(root: Path, org: Path, paragraphs: int = 30) -> Engine:
    vault = Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    engine = Engine(vault)
    engine.import_identity(
        org / "interviewer" / "cert.pem",
        org / "interviewer" / "key.pem",
        org / "interviewer" / "age-identity.txt",
        org / "trust.json",
    )
    engine.create_case("csa", "CSA-EXP-1", interviewer="Interviewer One")
    engine.set_witness("CSA-EXP-1", name="Morgan Ŷwen", date_of_birth="1984-02-29")
    engine.set_restricted("CSA-EXP-1", address=ADDRESS, phone=PHONE)
    engine.record_consent("CSA-EXP-1", "medical-records", "given")
    engine.add_note("CSA-EXP-1", NOTE)
    engine.start_sitting("CSA-EXP-1", location="Cardiff interview suite")
    body = "\n".join(
        f"Paragraph {i}: I remember the lane by the chapel and the long "
        "walk home in the dark, and what he said at the gate."
        for i in range(paragraphs)
    )
    engine.save_section("CSA-EXP-1", "account", WELSH + "\n" + body)
    engine.end_sitting("CSA-EXP-1")
    engine.confirm_readback("CSA-EXP-1")
    confirm_all_pages(engine, "CSA-EXP-1")  # the witness confirmed each page
    engine.sign_statement("CSA-EXP-1", SIGNATURE)
    return engine


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("export")
    org = base / "org"
    org_init(org)
    engine = build_case(base / "vault", org)
    bundle = base / "statement.qrb"
    from app.export.bundle import export_case

    export_case(engine, "CSA-EXP-1", bundle)
    engine.vault.close()
    return {"base": base, "org": org, "bundle": bundle}


def sup(made: dict[str, Path]) -> Path:
    return made["org"] / "supervisor" / "age-identity.txt"


def opened(made: dict[str, Path], tmp_path: Path) -> Path:
    age = require_tool("age")
    out = tmp_path / "opened"
    out.mkdir()
    tar = out / "bundle.tar"
    subprocess.run([age, "-d", "-i", sup(made), "-o", tar, made["bundle"]], check=True)
    subprocess.run(["tar", "-xf", tar, "-C", out], check=True)
    return out


def test_standard_tools_verify_everything(made: dict[str, Path], tmp_path: Path) -> None:
    out = opened(made, tmp_path)
    names = sorted(p.name for p in out.iterdir() if p.name != "bundle.tar")
    assert names == [
        "audit.jsonl",
        "history.json",
        "manifest.json",
        "manifest.p7s",
        "record.json",
        "restricted.json",
        "restricted.pdf",
        "statement.pdf",
    ]
    openssl = require_tool("openssl")
    subprocess.run(
        [
            openssl,
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "manifest.p7s",
            "-content",
            "manifest.json",
            "-CAfile",
            made["org"] / "ca.pem",
            "-out",
            "/dev/null",
        ],
        cwd=out,
        check=True,
        capture_output=True,
    )
    # The exact pipeline docs/verifying.md gives.
    check = subprocess.run(
        'sed -n \'s/^    "\\([^"]*\\)": {"sha256": "\\([0-9a-f]\\{64\\}\\)".*/\\2  \\1/p\' '
        "manifest.json | sha256sum -c -",
        shell=True,
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == 6
    pdfsig = subprocess.run(
        [require_tool("pdfsig"), "statement.pdf"], cwd=out, capture_output=True, text=True
    )
    assert "Signature is Valid." in pdfsig.stdout
    assert "Total document signed" in pdfsig.stdout
    qpdf = require_tool("qpdf")
    for pdf in ("statement.pdf", "restricted.pdf"):
        result = subprocess.run([qpdf, "--check", pdf], cwd=out, capture_output=True, text=True)
        assert result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout, (
            result.stdout
        )


def test_statement_text_is_right_and_holds_nothing_restricted(
    made: dict[str, Path], tmp_path: Path
) -> None:
    out = opened(made, tmp_path)
    text = subprocess.run(
        [require_tool("pdftotext"), "-layout", "statement.pdf", "-"],
        cwd=out,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = int(re.search(r"Page 1 of (\d+)", text).group(1))  # type: ignore[union-attr]
    assert all(f"Page {n} of {pages}" in text for n in range(1, pages + 1))
    assert re.search(rf"consisting of {pages} page", text)
    assert "ŵyn" in text and "tŷ" in text and "Morgan Ŷwen" in text
    for canary in (ADDRESS, PHONE, NOTE, "1984-02-29"):
        assert canary not in text
    restricted = subprocess.run(
        [require_tool("pdftotext"), "restricted.pdf", "-"],
        cwd=out,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ADDRESS in restricted
    record = (out / "record.json").read_text()
    assert ADDRESS not in record and NOTE not in record and PHONE not in record


def test_verify_passes_for_each_recipient(made: dict[str, Path], tmp_path: Path) -> None:
    for who in ("supervisor", "intake", "interviewer"):
        result = run_cli(
            "verify",
            made["bundle"],
            "--identity",
            made["org"] / who / "age-identity.txt",
            "--trust",
            made["org"] / "trust.json",
            "--json",
        )
        assert result.returncode == 0, result.stdout + result.stderr
        report = json.loads(result.stdout)
        assert report["ok"] and len(report["checks"]) >= 13
        assert "pages confirmed by the witness" in {c["check"] for c in report["checks"]}
    # A bare CA certificate checks no membership: refused (exit 4, nothing extracted)
    # unless --ca-only accepts that.
    bare = ["verify", made["bundle"], "--identity", sup(made), "--trust", made["org"] / "ca.pem"]
    result = run_cli(*bare, "--extract", tmp_path / "refused")
    assert result.returncode == 4, result.stderr
    assert "not checked" in result.stderr and not (tmp_path / "refused").exists()
    result = run_cli(*bare, "--ca-only", "--extract", tmp_path / "x")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x" / "statement.pdf").is_file()


def failing(
    made: dict[str, Path], bundle: Path, tmp_path: Path, identity: Path | None = None
) -> str:
    target = tmp_path / "extract-here"
    before = snapshot(tmp_path)
    result = run_cli(
        "verify",
        bundle,
        "--identity",
        identity or sup(made),
        "--trust",
        made["org"] / "trust.json",
        "--extract",
        target,
    )
    assert result.returncode == 4, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()
    assert snapshot(tmp_path) == before
    return result.stderr.strip().splitlines()[-1]


def test_wrong_identity(made: dict[str, Path], tmp_path: Path) -> None:
    stranger = tmp_path / "stranger.txt"
    stranger.write_text(str(x25519.Identity.generate()) + "\n")
    assert "you are not a recipient of this bundle" in failing(
        made, made["bundle"], tmp_path, stranger
    )


def test_re_encryption_to_someone_else_is_detected(made: dict[str, Path], tmp_path: Path) -> None:
    inner = pyrage.decrypt(
        made["bundle"].read_bytes(), [x25519.Identity.from_str(sup(made).read_text().split()[-1])]
    )
    stranger = x25519.Identity.generate()
    forged = tmp_path / "forged.qrb"
    forged.write_bytes(pyrage.encrypt(inner, [stranger.to_public()]))
    key = tmp_path / "stranger.txt"
    key.write_text(str(stranger) + "\n")
    assert "not among the recipients" in failing(made, forged, tmp_path, key)


def repack(made: dict[str, Path], tmp_path: Path, mutate: Any) -> Path:
    """Decrypt, let `mutate` rewrite the tar (in memory), re-encrypt to the supervisor."""
    ident = x25519.Identity.from_str(sup(made).read_text().split()[-1])
    inner = pyrage.decrypt(made["bundle"].read_bytes(), [ident])
    files = {}
    with tarfile.open(fileobj=io.BytesIO(inner)) as tar:
        for m in tar:
            files[m.name] = tar.extractfile(m).read()  # type: ignore[union-attr]
    payload = mutate(files)
    out = tmp_path / "bad.qrb"
    out.write_bytes(pyrage.encrypt(payload, [ident.to_public()]))
    return out


def tar_of(entries: list[tuple[tarfile.TarInfo, bytes | None]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:", format=tarfile.PAX_FORMAT) as tar:
        for info, data in entries:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def entry(name: str, data: bytes = b"", **kw: Any) -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    for k, v in kw.items():
        setattr(info, k, v)
    return info, data if info.isreg() else None


def flip(data: bytes) -> bytes:
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x20
    return bytes(changed)


def oversized(files: dict[str, bytes]) -> bytes:
    """A header claiming a 100 GB statement.pdf, with no data behind it."""
    info = tarfile.TarInfo("statement.pdf")
    info.size = 100 * 1024**3
    head = info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")
    return head + with_files({k: v for k, v in files.items() if k != "statement.pdf"})


def with_files(files: dict[str, bytes], *extra: tuple[tarfile.TarInfo, bytes | None]) -> bytes:
    return tar_of([entry(n, d) for n, d in files.items()] + list(extra))


BAD_ARCHIVES = {
    "absolute path": (lambda f: with_files(f, entry("/etc/passwd", b"x")), "outside"),
    "dot dot": (lambda f: with_files(f, entry("../escape.txt", b"x")), "outside"),
    "symlink": (
        lambda f: with_files(f, entry("link", type=tarfile.SYMTYPE, linkname="/etc/passwd")),
        "a link",
    ),
    "duplicate": (lambda f: with_files(f, entry("record.json", f["record.json"])), "twice"),
    "extra file": (lambda f: with_files(f, entry("notes.txt", b"x")), "not part of"),
    "missing file": (
        lambda f: with_files({k: v for k, v in f.items() if k != "audit.jsonl"}),
        "missing",
    ),
    "gzip bomb": (lambda f: __import__("gzip").compress(b"\0" * 50_000_000), "damaged"),
    "oversized entry": (lambda f: oversized(f), "larger than any real bundle"),
    "altered pdf": (lambda f: with_files({**f, "statement.pdf": flip(f["statement.pdf"])}), "hash"),
    "altered record": (
        lambda f: with_files(
            {**f, "record.json": f["record.json"].replace(b"CSA-EXP-1", b"CSA-EXP-2")}
        ),
        "hash",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_ARCHIVES))
def test_bad_archives_are_refused(made: dict[str, Path], tmp_path: Path, kind: str) -> None:
    mutate, words = BAD_ARCHIVES[kind]
    message = failing(made, repack(made, tmp_path, mutate), tmp_path)
    assert words in message, message


@pytest.mark.parametrize("kind", ["stranger", "garbage", "dot dot", "missing file"])
def test_json_report_names_the_failure_even_when_nothing_opens(
    made: dict[str, Path], tmp_path: Path, kind: str
) -> None:
    """A script reading --json gets a report for every bad bundle, not an empty stdout."""
    identity, bundle = sup(made), made["bundle"]
    if kind == "stranger":
        identity = tmp_path / "stranger.txt"
        identity.write_text(str(x25519.Identity.generate()) + "\n")
    elif kind == "garbage":
        bundle = tmp_path / "garbage.qrb"
        bundle.write_bytes(b"not a bundle at all" * 50)
    else:
        bundle = repack(made, tmp_path, BAD_ARCHIVES[kind][0])
    result = run_cli(
        "verify", bundle, "--identity", identity, "--trust", made["org"] / "trust.json", "--json"
    )
    assert result.returncode == 4
    report = json.loads(result.stdout)
    failed = [c for c in report["checks"] if not c["ok"]]
    assert report["ok"] is False and len(failed) == 1
    expected = {
        "stranger": ("decryption", "not a recipient"),
        "garbage": ("decryption", "not a Quietroom bundle"),
        "dot dot": ("contents", "outside"),
        "missing file": ("contents", "missing"),
    }
    check, words = expected[kind]
    assert failed[0]["check"] == check and words in failed[0]["detail"], failed
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_extract_refuses_a_folder_that_is_not_empty_before_writing_anything(
    made: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "restricted.pdf").write_bytes(b"someone else's file")
    result = run_cli(
        "verify",
        made["bundle"],
        "--identity",
        sup(made),
        "--trust",
        made["org"] / "trust.json",
        "--extract",
        target,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "not empty" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in target.iterdir()) == ["restricted.pdf"]
    assert (target / "restricted.pdf").read_bytes() == b"someone else's file"


def test_extract_is_all_or_nothing(
    made: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If one file cannot be written, the ones already written (the restricted details
    among them) are removed again. A full disk cannot be arranged here without root, so
    the one write is made to fail the way a full disk fails it."""
    from app.export import verify as verify_module

    report = verify_bundle(made["bundle"], sup(made), made["org"] / "trust.json")
    assert report.ok
    real = verify_module.write_new_file
    written: list[str] = []

    def failing_write(path: Path, data: bytes) -> None:
        if path.name == "record.json":
            raise OSError(28, "No space left on device")
        real(path, data)
        written.append(path.name)

    monkeypatch.setattr(verify_module, "write_new_file", failing_write)
    target = tmp_path / "out"
    with pytest.raises(UsageError, match="No space left"):
        verify_module.extract(report, target)
    assert "restricted.json" in written or "audit.jsonl" in written  # some were written…
    assert not target.exists()  # …and removed again, with the folder we made


@pytest.mark.parametrize(
    "kind", ["flip-start", "flip-middle", "flip-end", "truncated", "garbage", "empty"]
)
def test_damaged_files_are_refused(made: dict[str, Path], tmp_path: Path, kind: str) -> None:
    data = bytearray(made["bundle"].read_bytes())
    if kind.startswith("flip"):
        index = {"flip-start": 30, "flip-middle": len(data) // 2, "flip-end": len(data) - 3}
        data[index[kind]] ^= 0x01
    elif kind == "truncated":
        data = data[: len(data) * 2 // 3]
    elif kind == "garbage":
        data = bytearray(b"PK\x03\x04 not a bundle at all" * 100)
    else:
        data = bytearray()
    bad = tmp_path / "bad.qrb"
    bad.write_bytes(bytes(data))
    failing(made, bad, tmp_path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_any_flipped_byte_fails_verification(made: dict[str, Path], data: st.DataObject) -> None:
    original = made["bundle"].read_bytes()
    index = data.draw(st.integers(0, len(original) - 1))
    bit = data.draw(st.integers(0, 7))
    mutated = bytearray(original)
    mutated[index] ^= 1 << bit
    bad = made["base"] / "flipped.qrb"
    bad.write_bytes(bytes(mutated))
    try:
        report = verify_bundle(bad, sup(made), made["org"] / "trust.json")
    except VerificationError:
        return
    assert not report.ok


def test_only_signed_statements_export(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org_init(org)
    with Vault.create(tmp_path / "v", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault:
        engine = Engine(vault)
        engine.import_identity(
            org / "interviewer" / "cert.pem",
            org / "interviewer" / "key.pem",
            org / "interviewer" / "age-identity.txt",
            org / "trust.json",
        )
        engine.create_case("general", "G-1")
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    pw.chmod(0o600)
    result = run_cli(
        "--vault",
        tmp_path / "v",
        "--passphrase-file",
        pw,
        "export",
        "G-1",
        "--out",
        tmp_path / "x.qrb",
    )
    assert result.returncode == 1 and "only a signed statement" in result.stderr
    assert not (tmp_path / "x.qrb").exists()


def test_export_writes_no_plaintext_anywhere(tmp_path: Path, private_dirs: dict[str, Path]) -> None:
    org = tmp_path / "org"
    org_init(org)
    engine = build_case(tmp_path / "vault", org, paragraphs=3)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    pw.chmod(0o600)
    engine.vault.close()
    result = run_cli(
        "--vault",
        tmp_path / "vault",
        "--passphrase-file",
        pw,
        "export",
        "CSA-EXP-1",
        "--out",
        out_dir / "b.qrb",
    )
    assert result.returncode == 0, result.stderr
    for place in (tmp_path / "vault", private_dirs["tmp"], out_dir):
        for name, content in snapshot(place).items():
            for canary in (ADDRESS, PHONE, NOTE, "lane by the chapel"):
                assert canary.encode() not in content, f"{canary} in {name}"
    assert sorted(p.name for p in out_dir.iterdir()) == ["b.qrb"]
    shutil.rmtree(out_dir)
