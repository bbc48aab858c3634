"""Format 2: the pieces of a bundle are bound to each other. The signed PDF names its
record (a statement from another case, signed by the same interviewer, is refused), the
history holds every read-back correction with the text confirmed before it, and each
version of a bundle holds exactly its own files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.export.bundle import HISTORY, MANIFEST, export_case
from tests.interop.bundle_forge import (
    World,
    failed,
    files_of,
    make_world,
    payload,
    reseal,
    signed_case,
    tar_of,
    verify,
)

pytestmark = pytest.mark.cli


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = make_world(tmp_path_factory.mktemp("format2"))
    yield made
    made.engine.vault.close()


def refused(world: World, tmp_path: Path, tar: bytes) -> dict[str, str]:
    code, report, stderr = verify(
        world.forged(tmp_path / "forged.qrb", tar), world.supervisor, world.trust
    )
    assert code == 4, stderr
    return failed(report)


def test_a_real_version_2_bundle_passes_with_its_binding_and_history(world: World) -> None:
    code, report, stderr = verify(world.bundle, world.supervisor, world.trust)
    assert code == 0, stderr
    checks = {c["check"]: c for c in report["checks"]}
    assert checks["manifest"]["detail"].endswith("version 2")
    assert checks["statement binding"]["ok"] and checks["history"]["ok"]
    assert checks["restricted details binding"]["ok"]


def test_a_statement_from_another_case_is_refused(world: World, tmp_path: Path) -> None:
    """The same interviewer's signed statement of another case, put in this bundle with
    the manifest re-hashed and re-signed by them: every signature holds, the binding
    does not."""
    other_ref = signed_case(world.engine, "CSA-OTHER-2")
    other = tmp_path / "other.qrb"
    export_case(world.engine, other_ref, other)
    other_pdf = files_of(payload(other, world.supervisor))["statement.pdf"]
    tar = reseal(world.files(), world.jo, {"statement.pdf": other_pdf})
    # Its pages are not the pages this record says the witness confirmed, either.
    problems = refused(world, tmp_path, tar)
    assert list(problems) == ["statement binding", "pages confirmed by the witness"]


def test_a_back_page_from_another_case_is_refused(world: World, tmp_path: Path) -> None:
    """The back page of another case, put in this bundle with the manifest re-hashed and
    re-signed: only the restricted details' binding fails."""
    other_ref = signed_case(world.engine, "CSA-OTHER-3")
    other = tmp_path / "other.qrb"
    export_case(world.engine, other_ref, other)
    other_pdf = files_of(payload(other, world.supervisor))["restricted.pdf"]
    tar = reseal(world.files(), world.jo, {"restricted.pdf": other_pdf})
    assert list(refused(world, tmp_path, tar)) == ["restricted details binding"]


def history_with(world: World, change: Any) -> bytes:
    doc = json.loads(world.files()[HISTORY])
    change(doc)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(case_id="0" * 32), "another case"),
        (
            lambda d: d["corrections"].append(
                {
                    "section": "account",
                    "section_title": "Account",
                    "revision": 2,
                    "at": "2026-12-07T10:00:00.000000Z",
                    "asked_by": "witness",
                    "before": {"text": "I was there.", "sha256": "0" * 64},
                    "after": {"text": "I was not there.", "sha256": "0" * 64},
                }
            ),
            "does not hold the corrections the record counts",
        ),
        (lambda d: d.update(version=2), "history-v1.schema.json"),
    ],
)
def test_a_changed_history_is_refused(
    world: World, tmp_path: Path, change: Any, words: str
) -> None:
    tar = reseal(world.files(), world.jo, {HISTORY: history_with(world, change)})
    problems = refused(world, tmp_path, tar)
    assert list(problems) == ["history"] and words in problems["history"]


def test_each_version_holds_exactly_its_own_files(world: World, tmp_path: Path) -> None:
    files = world.files()
    without = {name: data for name, data in files.items() if name != HISTORY}
    assert "missing: history.json" in refused(world, tmp_path, tar_of(without))["contents"]

    def as_version_1(doc: dict[str, Any]) -> None:
        doc["version"] = 1

    tar = reseal(files, world.jo, manifest=as_version_1)
    problems = refused(world, tmp_path, tar)
    assert "not part of this version of a bundle: history.json" in problems["contents"]
    assert json.loads(files[MANIFEST])["version"] == 2


def test_the_interviewers_signature_is_visible_and_every_page_says_who_witnessed(
    world: World,
) -> None:
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    from app.render.mg11 import SIGNER_BOX
    from tests.pdftext import texts

    pdf = world.files()["statement.pdf"]
    reader = PdfFileReader(BytesIO(pdf))
    last = reader.root["/Pages"]["/Kids"][-1].get_object()
    widgets = [a.get_object() for a in last.get("/Annots", [])]
    [signature] = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert [round(float(v)) for v in signature["/Rect"]] == list(SIGNER_BOX)
    assert "/AP" in signature  # an appearance: who signed, when, which certificate
    for page in texts(pdf):
        assert "Signature witnessed by: Jo (interviewer)" in page


def test_the_visible_signature_is_drawn_where_a_reader_sees_the_pages(world: World) -> None:
    """The review screen and the signing screen draw pages with pdfium: the interviewer's
    signature box (a form field) is drawn there too, not only by poppler."""
    from app.export.page_text import page_pixels, page_texts
    from app.render.mg11 import SIGNER_BOX

    pdf = world.files()["statement.pdf"]
    width = 595  # one pixel per PDF point on A4
    drawn = page_pixels(pdf, len(page_texts(pdf)) - 1, width)
    left, bottom, right, top = SIGNER_BOX
    dark = 0
    for y in range(drawn.height - top + 2, drawn.height - bottom - 2):
        row = drawn.pixels[y * drawn.stride : y * drawn.stride + drawn.width * 3]
        dark += sum(1 for x in range(left + 2, right - 2) if row[x * 3] < 128)
    assert dark > 50  # the box's text, not white paper
