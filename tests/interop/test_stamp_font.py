"""The visible signature stamp draws the signer's name as written, in the statement's
language, with its font embedded (issue #19 §4): pdffonts finds no font left out, pdftotext
reads "Ŷwen" (not "Ywen") and the Welsh words, and the letters sit at their real widths
(pyHanko writes widths in the font's units, so the stamp's font has 1,000 to the em)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.export.pades import Visible
from app.export.pades import sign_pdf as pades_sign
from app.export.stamp_font import STAMP_FONT, font_bytes
from app.render.mg11 import SIGNER_BOX, render_statement
from app.resources import resource_path
from tests.conftest import REPO, require_tool
from tests.core.test_mg11 import make_pki, statement


@pytest.fixture(scope="module")
def pki() -> tuple[bytes, bytes, bytes]:
    return make_pki()


def signed(pki: tuple[bytes, bytes, bytes], name: str, language: str) -> bytes:
    _, cert, key = pki
    return pades_sign(
        render_statement(statement()), cert, key, reason="Witness statement",
        signer_name=name, visible=Visible(SIGNER_BOX, language),
    )  # fmt: skip


def tool(name: str, path: Path) -> str:
    to_stdout = ["-"] if name == "pdftotext" else []
    done = subprocess.run([require_tool(name), path, *to_stdout], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Digitally signed by"), ("cy", "Llofnodwyd yn ddigidol gan")],
)
def test_the_stamp_is_in_the_statements_language_with_the_name_as_written(
    tmp_path: Path, pki: tuple[bytes, bytes, bytes], language: str, words: str
) -> None:
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(signed(pki, "Gwenllïan Ŷwen", language))
    text = " ".join(tool("pdftotext", pdf).split())
    assert f"{words} Gwenllïan Ŷwen" in text
    for line in tool("pdffonts", pdf).splitlines()[2:]:
        assert line.split()[-5:-2] == ["yes", "yes", "yes"], line  # embedded, subset, unicode


def test_the_stamp_font_has_a_thousand_units_and_every_welsh_letter() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(str(resource_path("fonts", STAMP_FONT)))
    assert font["head"].unitsPerEm == 1000
    assert set(map(ord, "ŵŷâêîôûïëŴŶÂÊÎÔÛÏË’–")) <= set(font.getBestCmap())


def test_the_shipped_stamp_font_is_what_the_script_builds() -> None:
    import sys

    sys.path.insert(0, str(REPO / "scripts"))
    from stamp_font import FONTS, UNICODES
    from stamp_font import stamp_font as build

    assert build(FONTS / "DejaVuSans.ttf", UNICODES) == (FONTS / STAMP_FONT).read_bytes()


def test_a_name_beyond_the_stamp_font_gets_a_font_that_has_it(
    tmp_path: Path, pki: tuple[bytes, bytes, bytes]
) -> None:
    import io

    from fontTools.ttLib import TTFont

    assert font_bytes("Ŷwen") == (resource_path("fonts", STAMP_FONT)).read_bytes()
    wider = TTFont(io.BytesIO(font_bytes("Ζωή Ŷwen")))
    assert set(map(ord, "ΖωήŶ")) <= set(wider.getBestCmap())
    assert wider["head"].unitsPerEm == 1000
    pdf = tmp_path / "greek.pdf"
    pdf.write_bytes(signed(pki, "Ζωή Ŷwen", "en"))
    assert "Ζωή Ŷwen" in tool("pdftotext", pdf)
