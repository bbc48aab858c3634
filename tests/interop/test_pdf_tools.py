"""The statement and restricted-details PDFs as standard tools see them: poppler's
pdftotext, pdffonts, pdfsig and pdftoppm, and qpdf. A third party verifying an export
uses exactly these, so their verdicts are the ones that count.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from app.export.pades import sign_pdf as pades_sign
from app.export.pades import validate_pdf_signature
from app.render.mg11 import MARGIN_X, SIG_H, SIG_W, render_statement
from app.render.restricted_pdf import render_restricted
from tests.conftest import require_tool
from tests.core.test_mg11 import (
    CANARIES,
    WELSH,
    fixed_paragraphs,
    make_pki,
    paragraph,
    restricted,
    statement,
)


@pytest.fixture(scope="module")
def pki() -> tuple[bytes, bytes, bytes]:
    return make_pki()


def run(*args: str | Path, ok: bool = True) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)
    if ok:
        assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sign(pdf: bytes, pki: tuple[bytes, bytes, bytes]) -> bytes:
    _, cert, key = pki
    return pades_sign(
        pdf,
        cert,
        key,
        reason="Witness statement (s.9 CJA 1967)",
        location="Cardiff",
        signer_name="Sam Interviewer",
    )


def test_pdftotext_shows_pages_declaration_name_and_welsh(tmp_path: Path) -> None:
    require_tool("pdftotext")
    pdfinfo = require_tool("pdfinfo")
    doc = statement((*fixed_paragraphs(67), f"{WELSH}. Ŵ Ŷ ŵ ŷ."))
    path = write(tmp_path, "statement.pdf", render_statement(doc))
    pages = int(re.search(r"Pages:\s+(\d+)", run(pdfinfo, path)).group(1))  # type: ignore[union-attr]
    assert pages == 12
    text = run("pdftotext", "-enc", "UTF-8", path, "-")
    flat = " ".join(text.split())
    assert f"This statement (consisting of {pages} page(s) each signed by me)" in flat
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in flat
    assert text.count("\f") == pages  # one form feed per page
    assert "Statement of: Alex Example" in flat and WELSH in flat
    assert "ŵ" in text and "ŷ" in text and "Ŵ Ŷ ŵ ŷ." in flat
    assert not any(c in text for c in CANARIES)


def test_restricted_details_read_back_with_pdftotext(tmp_path: Path) -> None:
    require_tool("pdftotext")
    path = write(tmp_path, "restricted.pdf", render_restricted(restricted()))
    flat = " ".join(run("pdftotext", "-enc", "UTF-8", path, "-").split())
    assert "OFFICIAL-SENSITIVE" in flat and "Page 1 of 2" in flat  # the back page now runs to two
    assert "Witness contact details — not for disclosure" in flat
    assert all(c in flat for c in CANARIES) and "Heol y Dŵr" in flat


def test_qpdf_finds_no_errors(tmp_path: Path, pki: tuple[bytes, bytes, bytes]) -> None:
    qpdf = require_tool("qpdf")
    docs = {
        "statement.pdf": render_statement(statement()),
        "restricted.pdf": render_restricted(restricted()),
    }
    docs["signed.pdf"] = sign(docs["statement.pdf"], pki)
    for name, data in docs.items():
        out = run(qpdf, "--check", write(tmp_path, name, data))
        assert "No syntax or stream encoding errors found" in out, name
        assert "WARNING" not in out.upper(), out


def test_pdffonts_shows_only_embedded_dejavu(tmp_path: Path) -> None:
    pdffonts = require_tool("pdffonts")
    for name, data in (
        ("statement.pdf", render_statement(statement())),
        ("restricted.pdf", render_restricted(restricted())),
    ):
        lines = run(pdffonts, write(tmp_path, name, data)).splitlines()
        assert lines[0].split()[:6] == ["name", "type", "encoding", "emb", "sub", "uni"]
        rows = [line.split() for line in lines[2:] if line.strip()]
        assert {r[0].split("+")[-1] for r in rows} == {"DejaVuSans", "DejaVuSans-Bold"}
        assert all(r[-5] == "yes" for r in rows), lines  # the emb column


def test_pdfsig_and_pyhanko_agree_on_a_good_signature(
    tmp_path: Path, pki: tuple[bytes, bytes, bytes]
) -> None:
    pdfsig = require_tool("pdfsig")
    signed = sign(render_statement(statement()), pki)
    out = run(pdfsig, write(tmp_path, "signed.pdf", signed))
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out and "Not total document signed" not in out
    assert "Signature Field Name: Signature1" in out
    assert "Signer Certificate Common Name: Sam Interviewer" in out
    assert "ETSI.CAdES.detached" in out  # PAdES
    report = validate_pdf_signature(signed, pki[0])
    assert report.valid and report.intact and report.covers_whole_document and report.trusted


def _inside_largest_signed_stream(pdf: bytes) -> int:
    """An offset in the middle of the first revision's largest stream (the font): it
    is inside the signed byte range and changing it keeps the file parseable."""
    end_of_first = pdf.index(b"%%EOF")
    starts = [m.end() for m in re.finditer(rb"stream\r?\n", pdf[:end_of_first])]
    spans = [(pdf.index(b"endstream", s) - s, s) for s in starts]
    length, start = max(spans)
    return start + length // 2


def test_a_flipped_byte_is_caught_by_pdfsig_and_pyhanko(
    tmp_path: Path, pki: tuple[bytes, bytes, bytes]
) -> None:
    pdfsig = require_tool("pdfsig")
    signed = bytearray(sign(render_statement(statement()), pki))
    signed[_inside_largest_signed_stream(bytes(signed))] ^= 0x01
    out = run(pdfsig, write(tmp_path, "tampered.pdf", bytes(signed)), ok=False)
    assert "Signature is Valid." not in out and "Digest Mismatch." in out
    report = validate_pdf_signature(bytes(signed), pki[0])
    assert not report.valid and not report.intact
    assert "the signed content has been altered" in report.problems


def test_bytes_appended_after_signing_are_noticed(
    tmp_path: Path, pki: tuple[bytes, bytes, bytes]
) -> None:
    pdfsig = require_tool("pdfsig")
    signed = sign(render_statement(statement()), pki) + b"\n% added after signing\n"
    out = run(pdfsig, write(tmp_path, "appended.pdf", signed), ok=False)
    assert "Not total document signed" in out
    report = validate_pdf_signature(signed, pki[0])
    assert report.intact and not report.covers_whole_document


def test_hundred_page_statement_signs_and_validates(
    tmp_path: Path, pki: tuple[bytes, bytes, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    pdfsig = require_tool("pdfsig")
    paras = tuple(paragraph(i, 100 + (i % 7) * 20) for i in range(430))
    start = time.perf_counter()
    pdf = render_statement(statement(paras))
    rendered = time.perf_counter()
    signed = sign(pdf, pki)
    signed_at = time.perf_counter()
    report = validate_pdf_signature(signed, pki[0])
    checked = time.perf_counter()
    assert report.valid and report.covers_whole_document
    assert "Signature is Valid." in run(pdfsig, write(tmp_path, "big.pdf", signed))
    with capsys.disabled():
        print(
            f"\n100-page statement: render {rendered - start:.2f} s, sign "
            f"{signed_at - rendered:.2f} s, validate {checked - signed_at:.2f} s, "
            f"{len(signed)} bytes signed"
        )


def test_pdftoppm_renders_page_one_and_a_signature_in_every_footer(tmp_path: Path) -> None:
    require_tool("pdftoppm")
    from PIL import Image

    path = write(tmp_path, "statement.pdf", render_statement(statement(fixed_paragraphs(14))))
    run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", path, tmp_path / "first")
    first = Image.open(tmp_path / "first-1.png")
    assert first.size[0] in (496, 497) and first.size[1] == 702  # A4 at 60 dpi
    run("pdftoppm", "-png", "-r", "60", "-gray", path, tmp_path / "page")
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == 3
    scale = 60 / 72
    # the footer signature box, right of the "Signature:" label (52 pt + 8 pt gap);
    # y measured from the top of the page
    label_end = MARGIN_X + 60
    box = (
        int(label_end * scale),
        int((842 - 17 * 72 / 25.4 - SIG_H) * scale),
        int((label_end + SIG_W) * scale),
        int((842 - 17 * 72 / 25.4) * scale),
    )
    blank = (
        int((label_end + SIG_W + 20) * scale),
        box[1],  # between it and "Page X of Y"
        int((MARGIN_X + 380) * scale),
        box[3],
    )
    for png in pngs:
        image = Image.open(png).convert("L")
        assert sum(image.crop(box).histogram()[:128]) > 30, png.name  # ink: the signature
        assert sum(image.crop(blank).histogram()[:128]) == 0, png.name  # beside it: none
