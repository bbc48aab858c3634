"""A statement taken in Welsh, exported and opened with the standard tools (issue #19 §4):
`age` decrypts the bundle, `pdftotext` reads the statement and the back page in Welsh
(the organisation's declaration with its page count, the form's labels, "Tudalen X o Y",
the month, every Welsh letter), `pdffonts` finds only embedded fonts, and `pdfsig` finds
the signature valid. The interviewer's interface language plays no part: the statement's
language is the case's."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine.engine import Engine
from app.export.bundle import export_case
from app.export.pages import sign_confirmed
from app.org import org_init, org_set_policy
from app.org.trust import read_signed_trust
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, require_tool

REF = "CY-EXP-1"
DECLARATION = (
    "Mae’r datganiad hwn, sy’n cynnwys {n} tudalen, yn wir hyd eithaf fy ngwybodaeth a’m cred."
)
LETTERS = "ŵ ŷ â ê î ô û ï ë Ŵ Ŷ"
SAID = [
    f"Paragraff {i}: Rwy’n cofio’r lôn wrth y capel, y tŷ ger y dŵr a’r ŵyn yn y cae; {LETTERS}."
    for i in range(60)
]
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
MONTHS_CY = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
]


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("welsh")
    org = base / "org"
    org_init(org)
    org_set_policy(org, welsh_declaration=DECLARATION)
    with Vault.create(base / "v", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault:
        engine = Engine(vault)
        me = org / "interviewer"
        engine.import_identity(
            me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
        )
        data, signature, _ca = read_signed_trust(org / "trust.json")
        engine.update_trust(data, signature)
        engine.create_case("csa", REF, interviewer="Interviewer One", statement_language="cy")
        engine.set_witness(REF, name="Morgan Ŷwen", age_status="over_18", language="Cymraeg")
        engine.set_restricted(REF, address="Heol y Dŵr, Llandeilo")
        engine.start_sitting(REF, location="Caerdydd")
        engine.save_section(REF, "account", "\n".join(SAID))
        engine.end_sitting(REF)
        engine.confirm_readback(REF)
        sign_confirmed(engine, REF, SVG, confirm_all=True)
        export_case(engine, REF, base / "cy.qrb")
        engine.close()
    out = base / "opened"
    out.mkdir()
    tar = out / "bundle.tar"
    supervisor = org / "supervisor" / "age-identity.txt"
    age = require_tool("age")
    subprocess.run([age, "-d", "-i", supervisor, "-o", tar, base / "cy.qrb"], check=True)
    subprocess.run(["tar", "-xf", tar, "-C", out], check=True)
    yield out


def run(tool: str, *args: object, cwd: Path) -> str:
    done = subprocess.run(
        [require_tool(tool), *map(str, args)], cwd=cwd, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def pages_of(text: str) -> list[str]:
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def test_the_statement_reads_in_welsh_throughout(opened: Path) -> None:
    pages = pages_of(run("pdftotext", "statement.pdf", "-", cwd=opened))
    total = len(pages)
    assert total >= 2  # long enough for a continuation page
    first, whole = pages[0], " ".join(pages)
    assert "DATGANIAD TYST" in first and "Datganiad gan:" in first
    assert "Deddf Cyfiawnder Troseddol 1967, a.9" in first
    # The organisation's declaration, its {n} the real page count.
    assert DECLARATION.replace("{n}", str(total)) in whole
    for number, page in enumerate(pages, start=1):
        assert f"Tudalen {number} o {total}" in page
        assert "Llofnod:" in page
        assert "Page " not in page and "Signature:" not in page  # no English label left
    assert all("Parhad o ddatganiad gan:" in page for page in pages[1:])
    assert "Dyddiad ac amser:" in whole and "Datganiad wedi'i gymryd gan:" in whole
    # The signing date's month is in Welsh.
    assert any(re.search(rf"\d {month} \d{{4}}", whole) for month in MONTHS_CY)
    for letter in LETTERS.split():
        assert letter in whole
    assert SAID[0] in whole and SAID[-1] in whole


def test_the_back_page_reads_in_welsh(opened: Path) -> None:
    text = " ".join(pages_of(run("pdftotext", "restricted.pdf", "-", cwd=opened)))
    assert "Heol y Dŵr, Llandeilo" in text and "Morgan Ŷwen" in text
    assert "Address" not in text and "Page " not in text


def test_both_pdfs_say_welsh_embed_their_fonts_and_the_signature_is_valid(opened: Path) -> None:
    for pdf in ("statement.pdf", "restricted.pdf"):
        lines = run("pdffonts", pdf, cwd=opened).splitlines()[2:]
        assert lines, pdf
        for line in lines:
            columns = line.split()
            assert "DejaVu" in columns[0], line
            # pdffonts columns end: emb sub uni object-id generation
            assert columns[-5:-2] == ["yes", "yes", "yes"], line
        assert b"/Lang (cy-GB)" in (opened / pdf).read_bytes()
    signed = run("pdfsig", "statement.pdf", cwd=opened)
    assert "Signature is Valid." in signed and "Total document signed" in signed
