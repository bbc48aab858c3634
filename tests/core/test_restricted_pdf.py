"""The MG11 back page (restricted details) in format 2: the consents as MG11 items with
their limits, the information and support answers, the witness's signature for the
consents, the case named in the Keywords, and the whole page in English or Welsh."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from app.errors import UsageError
from app.export.pades import pdf_keywords
from app.render.document import ConsentItem, RestrictedDetails, SignatureArt
from app.render.restricted_pdf import CONSENT_SIG_FORM, render_restricted
from tests.conftest import require_tool
from tests.core.test_mg11 import CANARIES, restricted, wave_signature
from tests.pdftext import flat, pdf_pages, texts

ITEMS = (
    ConsentItem(
        "medical_records_access", "given", "2026-12-04T06:40:00+00:00", "GP records 1990–1995 only"
    ),
    ConsentItem("medical_records_defence", "withdrawn", "2026-12-04T06:41:00+00:00"),
    ConsentItem("civil_proceedings", "given", "2026-12-04T06:41:00+00:00"),
    ConsentItem("share_with_agencies", "not_asked", "2026-12-04T06:41:00+00:00"),
    ConsentItem("medical-records", "given", "2026-12-04T06:42:00"),
    ConsentItem("Photographs of <b>injuries</b>", "given", "not a date", "<i>face</i> only"),
)


def back(language: str = "en", **kw: Any) -> RestrictedDetails:
    fields: dict[str, Any] = {
        "language_code": language,
        "case_id": "c0ffee-1234",
        "consent_items": ITEMS,
        "process_explained": True,
        "leaflet_given": False,
        "willing_to_attend_court": "not_sure",
        "court_note": "Needs screens & a break <each hour>",
        "witness_service_referral": True,
        "consent_signature": wave_signature(),
    }
    fields.update(kw)
    return dataclasses.replace(restricted(), **fields)


def text_of(details: RestrictedDetails) -> str:
    return flat(" ".join(texts(render_restricted(details))))


def test_consents_print_as_mg11_items_with_their_limits() -> None:
    text = text_of(back())
    for row in (
        "Consent Decision Recorded",
        "I consent to police having access to my medical record(s) in relation to this "
        "matter Limit: GP records 1990–1995 only Given 4 December 2026, 06:40 UTC",
        "I consent to my medical record(s) in relation to this matter being disclosed to "
        "the defence Withdrawn 4 December 2026, 06:41 UTC",
        "I consent to this statement being disclosed for the purposes of civil proceedings "
        "(e.g. child care proceedings) Given",
        "I consent to my details being shared with agencies that support victims Not asked",
        # format 1's kind is the access item; an unknown kind is printed as given
        "in relation to this matter Given 4 December 2026, 06:42",
        "Photographs of <b>injuries</b> Limit: <i>face</i> only Given not a date",
    ):
        assert row in text, row
    assert "medical_records" not in text and "medical-records" not in text
    # the Victim Personal Statement offer keeps its own line
    assert "Victim Personal Statement offered Yes" in text


def test_information_support_and_the_consent_signature() -> None:
    text = text_of(back())
    assert (
        "Criminal justice process and Victim Personal Statement scheme explained Yes "
        "Leaflet given: “Giving a witness statement to the police – what happens next?” No "
        "Willing to attend court Not sure Note: Needs screens & a break <each hour> "
        "Consent to referral to the Witness Service Yes"
    ) in text
    assert "Signature of witness (consents)" in text
    unknown = text_of(
        back(
            process_explained=None,
            leaflet_given=None,
            willing_to_attend_court=None,
            court_note=None,
            witness_service_referral=None,
        )
    )
    assert "scheme explained Not recorded" in unknown
    assert "Willing to attend court Not recorded Consent to referral" in unknown
    for answer, shown in (("yes", "Yes"), ("no", "No")):
        assert f"Willing to attend court {shown} Note:" in text_of(
            back(willing_to_attend_court=answer)
        )


def test_the_consent_signature_is_drawn_or_left_as_a_line_to_sign_on() -> None:
    def forms(details: RestrictedDetails) -> set[str]:
        pdf = render_restricted(details)
        return {str(n) for p in pdf_pages(pdf) for n in p["/Resources"].get("/XObject", {})}

    assert f"/FormXob.{CONSENT_SIG_FORM}" in forms(back())
    assert f"/FormXob.{CONSENT_SIG_FORM}" not in forms(back(consent_signature=None))
    assert f"/FormXob.{CONSENT_SIG_FORM}" not in forms(back(consent_signature=SignatureArt()))
    with pytest.raises(UsageError):  # unchecked image bytes are refused, never drawn
        render_restricted(back(consent_signature=SignatureArt(image=b"\x89PNG\r\n\x1a\nno")))


def test_the_keywords_name_the_case() -> None:
    pdf = render_restricted(back(reference="52/AB/1234/26 ŵ"))
    keywords = pdf_keywords(pdf)
    assert keywords == json.dumps(
        {"case_id": "c0ffee-1234", "quietroom": "restricted", "reference": "52/AB/1234/26 ŵ"},
        sort_keys=True,
        separators=(",", ":"),
    )
    assert json.loads(keywords)["reference"] == "52/AB/1234/26 ŵ"
    assert pdf_keywords(render_restricted(back(case_id=""))) == ""


def test_format_1_consents_still_print_and_items_win_when_both_are_given() -> None:
    legacy = text_of(back(consent_items=()))
    assert "Recording of the interview Given 26 November 2026, 10:15 UTC" in legacy
    both = text_of(back())
    assert "Recording of the interview" not in both and "GP records" in both
    assert "No consents recorded." in text_of(back(consent_items=(), consents=()))


def test_the_welsh_back_page(tmp_path: Path) -> None:
    pdf = render_restricted(back("cy"))
    pages = texts(pdf)
    text = flat(" ".join(pages))
    assert str(PdfFileReader(io.BytesIO(pdf)).root["/Lang"]) == "cy-GB"
    for i, page in enumerate(pages, 1):
        assert page.count("OFFICIAL-SENSITIVE") == 2
        assert f"Tudalen {i} o {len(pages)}" in flat(page)
    for words in (
        "Manylion cyswllt y tyst — nid i'w datgelu",
        "Tyst: Alex Example URN: 52/AB/1234/26",
        "A yw'n ddiogel gadael neges llais? Nac ydy",
        "A yw'n ddiogel anfon llythyrau? Dim cofnod",
        "A gynigiwyd Datganiad Personol y Dioddefwr? Do",
        "Cydsyniad Penderfyniad Cofnodwyd",
        "Rwy'n cydsynio i'r heddlu gael gweld fy nghofnodion meddygol mewn perthynas â'r "
        "mater hwn Cyfyngiad: GP records 1990–1995 only Rhoddwyd 4 Rhagfyr 2026, 06:40 UTC",
        "gael eu datgelu i'r amddiffyniad Tynnwyd yn ôl",
        "sy'n cefnogi dioddefwyr Ni ofynnwyd",
        "Llofnod y tyst (cydsyniadau)",
        "A eglurwyd y broses cyfiawnder troseddol a chynllun Datganiad Personol y Dioddefwr? Do",
        "beth sy'n digwydd nesaf?” Naddo",
        "A yw'r tyst yn fodlon mynd i'r llys? Ddim yn siŵr Nodyn: Needs screens",
        "A gydsyniodd y tyst i atgyfeiriad at y Gwasanaeth Tystion? Do",
    ):
        assert words in text, words
    for english in ("Page ", "Consent", "Given", "Not recorded", "Yes", "December"):
        assert english not in text, english
    assert all(c in text for c in CANARIES)
    path = tmp_path / "restricted.pdf"
    path.write_bytes(pdf)

    def run(*args: str) -> str:
        done = subprocess.run(args, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    poppler = " ".join(run(require_tool("pdftotext"), "-enc", "UTF-8", str(path), "-").split())
    assert "Manylion cyswllt y tyst" in poppler and "Tudalen 1 o" in poppler and "siŵr" in poppler
    fonts = run(require_tool("pdffonts"), str(path)).splitlines()[2:]
    assert len(fonts) == 2 and all(" yes yes yes " in f and "DejaVuSans" in f for f in fonts)
    run(require_tool("qpdf"), "--check", str(path))


def test_the_back_page_refuses_what_it_cannot_print() -> None:
    with pytest.raises(UsageError) as info:
        render_restricted(back("fr"))
    assert info.value.code == "render.language_unknown"
    for change in (
        {"court_note": "🙂"},
        {"consent_items": (ConsentItem("x", "given", "2026-01-01", "中"),)},
    ):
        with pytest.raises(UsageError) as info:
            render_restricted(back(**change))
        assert info.value.code == "pdf.missing_glyphs"


def test_the_back_page_is_deterministic() -> None:
    details = back("cy", created=None)
    assert render_restricted(details) == render_restricted(details)
