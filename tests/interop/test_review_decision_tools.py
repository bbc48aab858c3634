"""A supervisor's decision file (.qrr) as standard tools see it, following the steps of
docs/verifying.md ("Verifying a supervisor's decision file"): age opens it for each of
its recipients and for no one else, tar lists exactly the decision's files, openssl
verifies decision.p7s over decision.json with the organisation's CA (no purpose override)
and gives the certificate decision.json names, and the countersigned statement shows
two valid signatures in pdfsig (each chained to the CA with openssl, as pdfsig trusts
only an NSS database) and no errors in qpdf.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crypto import pki
from tests.conftest import require_tool
from tests.core.review_world import make_world
from tests.interop.bundle_forge import issue

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    made = make_world(tmp_path_factory.mktemp("decision-tools"))
    made["stranger"] = issue(made["org"], "interviewer", "Interviewer Two")
    yield made
    made["interviewer"].close()
    made["supervisor"].close()


def run(
    *args: str | Path, cwd: Path | None = None, ok: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=120, cwd=cwd
    )
    if ok:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def age_open(qrr: Path, member: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return run(
        require_tool("age"), "-d", "-i", member / "age-identity.txt", "-o", out, qrr, ok=False
    )


def opened(world: dict[str, Any], which: str, tmp_path: Path) -> Path:
    """The decision file's tar, opened by the interviewer with age and extracted by tar."""
    folder = tmp_path / which
    folder.mkdir()
    done = age_open(world[which], world["org"] / "interviewer", folder / "decision.tar")
    assert done.returncode == 0, done.stderr
    run("tar", "-xf", "decision.tar", cwd=folder)
    return folder


def signatures(pdfsig_output: str) -> list[str]:
    """pdfsig's report split into one block per signature, in its order."""
    return re.split(r"^Signature #\d+:\s*$", pdfsig_output, flags=re.MULTILINE)[1:]


@pytest.mark.parametrize(
    ("which", "names"),
    [
        ("approved", ["decision.json", "decision.p7s", "statement.pdf"]),
        ("returned", ["decision.json", "decision.p7s"]),
    ],
)
def test_tar_lists_the_decisions_files(
    world: dict[str, Any], tmp_path: Path, which: str, names: list[str]
) -> None:
    tar = tmp_path / "decision.tar"
    done = age_open(world[which], world["org"] / "interviewer", tar)
    assert done.returncode == 0, done.stderr
    assert run("tar", "-tf", tar).stdout.split() == names


@pytest.mark.parametrize("which", ["approved", "returned"])
def test_openssl_verifies_the_decision_signature(
    world: dict[str, Any], tmp_path: Path, which: str
) -> None:
    openssl = require_tool("openssl")
    folder = opened(world, which, tmp_path)
    done = run(
        openssl,
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        "decision.p7s",
        "-content",
        "decision.json",
        "-CAfile",
        world["org"] / "ca.pem",
        "-signer",
        "decision-signer.pem",
        "-out",
        "/dev/null",
        cwd=folder,
    )
    assert "CMS Verification successful" in done.stdout + done.stderr
    doc = json.loads((folder / "decision.json").read_text())
    assert doc["decision"] == which
    signer = pki.load_certificate((folder / "decision-signer.pem").read_bytes())
    assert doc["reviewer"]["certificate_fingerprint"] == pki.fingerprint(signer)
    assert pki.common_name(signer) == "Supervisor One"
    assert (
        f'"certificate_fingerprint": "{pki.fingerprint(signer)}"'
        in (folder / "decision.json").read_text()
    )


def test_openssl_refuses_another_organisations_ca_and_a_changed_decision(
    world: dict[str, Any], tmp_path: Path
) -> None:
    openssl = require_tool("openssl")
    folder = opened(world, "approved", tmp_path)
    verify = [
        openssl,
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        "decision.p7s",
        "-content",
        "decision.json",
        "-out",
        "/dev/null",
    ]
    done = run(*verify, "-CAfile", world["other_org"] / "ca.pem", cwd=folder, ok=False)
    assert done.returncode != 0
    doc = (folder / "decision.json").read_bytes()
    (folder / "decision.json").write_bytes(doc.replace(b'"approved"', b'"returned"'))
    done = run(*verify, "-CAfile", world["org"] / "ca.pem", cwd=folder, ok=False)
    assert done.returncode != 0


def test_the_countersigned_statement_in_pdfsig_openssl_and_qpdf(
    world: dict[str, Any], tmp_path: Path
) -> None:
    pdfsig, openssl, qpdf = require_tool("pdfsig"), require_tool("openssl"), require_tool("qpdf")
    folder = opened(world, "approved", tmp_path)
    pdf = (folder / "statement.pdf").read_bytes()
    doc = json.loads((folder / "decision.json").read_text())
    assert doc["statement_pdf_sha256"] == hashlib.sha256(pdf).hexdigest()

    out = run(pdfsig, "statement.pdf", cwd=folder).stdout
    first, second = signatures(out)  # exactly two
    for block in (first, second):
        assert "Signature Validation: Signature is Valid." in block, block
    assert "Signer Certificate Common Name: Interviewer One" in first
    assert "Not total document signed" in first
    assert "Signature Field Name: Supervisor" in second
    assert "Signer Certificate Common Name: Supervisor One" in second
    assert "Total document signed" in second and "Not total document signed" not in second

    # Each signature chained to the organisation's CA by openssl, over the bytes pdfsig
    # says it signs.
    run(pdfsig, "-dump", "statement.pdf", cwd=folder)  # statement.pdf.sig0, .sig1
    for n, block in enumerate((first, second)):
        found = re.search(r"Signed Ranges: \[(\d+) - (\d+)\], \[(\d+) - (\d+)\]", block)
        assert found, block
        a, b, c, d = (int(x) for x in found.groups())
        (folder / f"signed{n}").write_bytes(pdf[a:b] + pdf[c:d])
        done = run(
            openssl,
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            f"statement.pdf.sig{n}",
            "-content",
            f"signed{n}",
            "-CAfile",
            world["org"] / "ca.pem",
            "-out",
            "/dev/null",
            cwd=folder,
        )
        assert "CMS Verification successful" in done.stdout + done.stderr
    assert d == len(pdf)  # the countersignature covers the whole file

    done = run(qpdf, "--check", "statement.pdf", cwd=folder)
    assert "No syntax or stream encoding errors found" in done.stdout


@pytest.mark.parametrize("member", ["interviewer", "intake", "supervisor"])
def test_each_recipient_opens_it(world: dict[str, Any], tmp_path: Path, member: str) -> None:
    for which in ("approved", "returned"):
        tar = tmp_path / f"{which}.tar"
        done = age_open(world[which], world["org"] / member, tar)
        assert done.returncode == 0, (member, done.stderr)
        assert "decision.json" in run("tar", "-tf", tar).stdout


def test_another_interviewer_cannot_open_it(world: dict[str, Any], tmp_path: Path) -> None:
    for which in ("approved", "returned"):
        tar = tmp_path / f"{which}.tar"
        done = age_open(world[which], world["stranger"], tar)
        assert done.returncode != 0
        assert "no identity matched" in done.stderr.lower(), done.stderr
        assert not tar.exists() or tar.stat().st_size == 0
