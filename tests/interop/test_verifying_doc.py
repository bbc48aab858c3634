"""docs/verifying.md, run exactly as written: every ```sh block of the page, in order, in
one bash, against a real bundle, with the real age, tar, sha256sum, openssl, pdfsig,
pdftotext and python3. A page of commands nobody ran is a page that has drifted."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.engine.engine import Engine
from app.export.bundle import export_case
from app.org import org_init
from app.review.checklist import Answers, ItemAnswer, checklist_for
from app.review.decision import decide
from app.review.inbox import open_for_review
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, require_tool
from tests.interop.test_export_bundle import ADDRESS, build_case

DOC = Path(__file__).resolve().parents[2] / "docs" / "verifying.md"
TOOLS = (
    "age", "age-keygen", "openssl", "pdfinfo", "pdfsig", "pdftotext", "sha256sum", "tar", "python3"
)  # fmt: skip


def blocks() -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.M | re.S)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for tool in TOOLS:
        require_tool(tool)
    base = tmp_path_factory.mktemp("verifying")
    org = base / "org"
    org_init(org)
    engine = build_case(base / "vault", org)
    here = base / "here"
    here.mkdir()
    export_case(engine, "CSA-EXP-1", here / "statement.qrb")
    engine.vault.close()
    # The supervisor reviews it and approves: the page's last part checks that decision.
    supervisor = Engine(
        Vault.create(base / "supervisor", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    )
    me = org / "supervisor"
    supervisor.import_identity(
        me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
    )
    review = open_for_review(supervisor, here / "statement.qrb").review
    assert review is not None
    everything_met = Answers(tuple(ItemAnswer(i.id, "met") for i in checklist_for("csa")))
    decide(
        supervisor,
        review.id,
        approve=True,
        comments="Clear and in the witness's own words.",
        answers=everything_met,
        out=here / "decision.qrr",
    )
    supervisor.vault.close()
    shutil.copy(org / "supervisor" / "age-identity.txt", here / "age-identity.txt")
    shutil.copy(org / "ca.pem", here / "ca.pem")
    return here


def run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LC_ALL="C")
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_command_on_the_page_passes_on_a_real_bundle(workdir: Path) -> None:
    steps = blocks()
    assert len(steps) >= 8, "the page lost its commands"
    done = run("\n".join(steps), workdir)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    # the manifest, the PDF, then the decision
    assert out.count("CMS Verification successful") == 3
    assert out.count(": OK") == 6
    assert "Signature is Valid." in out and "Total document signed" in out
    assert "the PDF and the manifest have one signer" in out
    signed = re.search(r"signed: bytes (\d+)-\d+ and \d+-(\d+) of (\d+)", out)
    assert signed and signed.group(1) == "0" and signed.group(2) == signed.group(3)
    assert re.search(r"Page 1 of (\d+)", out) and re.search(r"consisting of \d+ page", out)
    assert re.search(r"audit chain intact: \d+ entries", out)
    assert ADDRESS not in out
    assert "decision.json names the certificate that signed it" in out
    assert "decision.json names this countersigned PDF" in out
    assert out.count("Signature is Valid.") == 3  # the bundle's PDF once, the decision's twice
    assert out.count("Total document signed") == 2  # not the interviewer's, once countersigned
    # step 8 and the decision's last step removed every decrypted file
    assert sorted(p.name for p in workdir.iterdir()) == [
        "age-identity.txt",
        "ca.pem",
        "decision.qrr",
        "statement.qrb",
    ]


def test_an_altered_bundle_stops_at_step_one_and_leaves_no_plaintext(
    workdir: Path, tmp_path: Path
) -> None:
    for name in ("age-identity.txt", "ca.pem"):
        shutil.copy(workdir / name, tmp_path / name)
    data = bytearray((workdir / "statement.qrb").read_bytes())
    data[len(data) * 3 // 4] ^= 0x01  # deep in the payload: age has written a part by then
    (tmp_path / "statement.qrb").write_bytes(bytes(data))
    done = run(blocks()[0], tmp_path)
    assert done.returncode != 0
    bundle = tmp_path / "bundle"
    assert not any(bundle.iterdir()), sorted(p.name for p in bundle.iterdir())


def test_the_audit_step_names_a_rewritten_entry(workdir: Path, tmp_path: Path) -> None:
    """Step 7 is not decoration: change one entry's detail and it fails."""
    audit_step = next(b for b in blocks() if "audit.jsonl" in b and "python3" in b)
    shutil.copy(workdir / "statement.qrb", tmp_path / "statement.qrb")
    for name in ("age-identity.txt", "ca.pem"):
        shutil.copy(workdir / name, tmp_path / name)
    assert run(blocks()[0], tmp_path).returncode == 0
    opened = tmp_path / "bundle"
    assert run(audit_step, opened).returncode == 0
    log = (opened / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    log[1] = log[1].replace('"actor":"', '"actor":"x', 1)
    (opened / "audit.jsonl").write_text("\n".join(log) + "\n", encoding="utf-8")
    done = run(audit_step, opened)
    assert done.returncode != 0 and "audit entry 2 does not hold" in done.stderr


def test_no_document_or_test_switches_openssl_checks_off() -> None:
    """Overriding openssl's purpose check only turns a check off: our certificates verify
    without it, so no document tells anyone to use it and no test relies on it."""
    root = DOC.parents[1]
    # As one argument or as two; spelt in pieces so that this file does not match itself.
    flag = re.compile("-pur" + r"""pose["',\s]+any""")
    paths = [root / "README.md", *(root / "docs").rglob("*.md"), *(root / "tests").rglob("*.py")]
    offenders = [str(p.relative_to(root)) for p in paths if flag.search(p.read_text("utf-8"))]
    assert offenders == []
