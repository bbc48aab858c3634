"""A countersigned statement PDF as standard tools see it: poppler's pdfsig shows two
valid signatures, the interviewer's over its own revision and the supervisor's over the
whole file; openssl verifies each signature's CMS over the bytes pdfsig says it signs and
chains its signer to the organisation's CA (pdfsig itself only trusts an NSS database,
so, as docs/verifying.md does, the chain is checked with openssl); qpdf finds no errors.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import time
from io import BytesIO
from pathlib import Path

import pytest

from app.review.countersign import check_countersigned, countersign
from crypto import pki
from tests.conftest import require_tool
from tests.core.test_countersign import Org, interviewer_signs, make_org
from tests.core.test_mg11 import paragraph, statement

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Org:
    return make_org(tmp_path_factory.mktemp("countersign-tools") / "org")


def supervisor_signs(pdf: bytes, org: Org) -> bytes:
    return countersign(pdf, org.supervisor.cert, org.supervisor.key, signer_name="Supervisor One")


@pytest.fixture(scope="module")
def countersigned(org: Org) -> bytes:
    from app.render.mg11 import render_statement

    return supervisor_signs(interviewer_signs(render_statement(statement()), org), org)


def run(*args: str | Path, cwd: Path | None = None, ok: bool = True) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=120, cwd=cwd
    )
    if ok:
        assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def signatures(pdfsig_output: str) -> list[str]:
    """pdfsig's report split into one block per signature, in its order."""
    return re.split(r"^Signature #\d+:\s*$", pdfsig_output, flags=re.MULTILINE)[1:]


def test_pdfsig_shows_two_valid_signatures(tmp_path: Path, countersigned: bytes) -> None:
    pdfsig = require_tool("pdfsig")
    path = tmp_path / "countersigned.pdf"
    path.write_bytes(countersigned)
    out = run(pdfsig, path)
    first, second = signatures(out)  # exactly two
    for block in (first, second):
        assert "Signature Validation: Signature is Valid." in block, block
        assert "ETSI.CAdES.detached" in block  # PAdES
    assert "Signature Field Name: Signature1" in first
    assert "Signer Certificate Common Name: Interviewer One" in first
    assert "Not total document signed" in first  # its own revision, not the whole file
    assert "Signature Field Name: Supervisor" in second
    assert "Signer Certificate Common Name: Supervisor One" in second
    assert "Total document signed" in second and "Not total document signed" not in second


def test_openssl_chains_both_signers_to_the_ca(
    tmp_path: Path, countersigned: bytes, org: Org
) -> None:
    pdfsig, openssl = require_tool("pdfsig"), require_tool("openssl")
    path = tmp_path / "countersigned.pdf"
    path.write_bytes(countersigned)
    (tmp_path / "ca.pem").write_bytes(org.ca)
    blocks = signatures(run(pdfsig, path))
    run(pdfsig, "-dump", path.name, cwd=tmp_path)  # writes countersigned.pdf.sig0, .sig1
    for n, (block, member) in enumerate(
        zip(blocks, (org.interviewer, org.supervisor), strict=True)
    ):
        found = re.search(r"Signed Ranges: \[(\d+) - (\d+)\], \[(\d+) - (\d+)\]", block)
        assert found, block
        a, b, c, d = (int(x) for x in found.groups())
        assert a == 0 and c > b
        (tmp_path / f"signed{n}").write_bytes(countersigned[a:b] + countersigned[c:d])
        out = run(
            openssl,
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            f"countersigned.pdf.sig{n}",
            "-content",
            f"signed{n}",
            "-CAfile",
            "ca.pem",
            "-signer",
            f"signer{n}.pem",
            "-out",
            "/dev/null",
            cwd=tmp_path,
        )
        assert "CMS Verification successful" in out
        signer = pki.load_certificate((tmp_path / f"signer{n}.pem").read_bytes())
        assert pki.fingerprint(signer) == member.fingerprint
    assert d == len(countersigned)  # the supervisor's second range ends at the file's end


def test_qpdf_finds_no_errors(tmp_path: Path, countersigned: bytes) -> None:
    qpdf = require_tool("qpdf")
    path = tmp_path / "countersigned.pdf"
    path.write_bytes(countersigned)
    out = run(qpdf, "--check", path)
    assert "No syntax or stream encoding errors found" in out
    assert "WARNING" not in out.upper(), out


def test_countersigning_a_hundred_page_statement(
    tmp_path: Path, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    """Measured, not asserted (timing lives in bench/): countersigning and checking a
    statement of about a hundred pages."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from app.render.mg11 import render_statement

    pdfsig = require_tool("pdfsig")
    paras = tuple(paragraph(i, 100 + (i % 7) * 20) for i in range(430))
    signed = interviewer_signs(render_statement(statement(paras)), org)
    pages = int(PdfFileReader(BytesIO(signed), strict=False).root["/Pages"]["/Count"])
    sign_times, check_times = [], []
    for _ in range(5):
        start = time.perf_counter()
        countersigned = supervisor_signs(signed, org)
        signed_at = time.perf_counter()
        check = check_countersigned(countersigned, org.ca)
        sign_times.append(signed_at - start)
        check_times.append(time.perf_counter() - signed_at)
        assert check.ok, check.problems
    path = tmp_path / "big.pdf"
    path.write_bytes(countersigned)
    first, second = signatures(run(pdfsig, path))
    assert "Signature is Valid." in first and "Signature is Valid." in second
    with capsys.disabled():
        print(
            f"\n{pages}-page statement ({len(signed)} bytes signed): countersign median "
            f"{statistics.median(sign_times):.3f} s, check median "
            f"{statistics.median(check_times):.3f} s (5 runs each)"
        )
