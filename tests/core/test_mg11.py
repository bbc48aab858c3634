"""The statement PDF and the restricted-details PDF, checked without
external tools: pages are read back with pyHanko's PDF reader and a small text
extractor that decodes the embedded fonts' ToUnicode maps.

The helpers at the top (documents, PKI, extraction) are reused by
tests/interop/test_pdf_tools.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
import re
import time
import zlib
from typing import Any

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from app.errors import UsageError
from app.export.pades import sign_pdf, validate_pdf_signature
from app.render import mg11
from app.render.document import RestrictedDetails, SignatureArt, StatementDocument, Stroke
from app.render.mg11 import SIG_FORM, TOTAL_FORM, render_statement
from app.render.restricted_pdf import render_restricted
from app.render.signature_art import (
    signature_from_image,
)
from tests.pdftext import SIG_MARK, SIGNED, declared_pages, flat, pdf_pages, texts

WELSH = "Mae'r ŵyn yn y cwm; dŷ"
CANARIES = (
    "CANARY-ADDR-7Q1",
    "CANARY-PHONE-07700900999",
    "canary.mail@example.invalid",
    "CANARY-DOB-1979",
    "CANARY-SAFE-TEXT-FIRST",
    "CANARY-NEEDS-QUIET",
)
ACCOUNT = (
    "I remember that the corridor smelt of polish and that he told me not to tell "
    "anyone what had happened in the office at the end of the corridor"
)
WORDS = tuple(ACCOUNT.split(" "))


# --- documents ------------------------------------------------------------------------


def wave_signature() -> SignatureArt:
    wave = tuple((20 + i * 3.6, 75 + 40 * math.sin(i / 6)) for i in range(100))
    return SignatureArt(strokes=(Stroke(wave), Stroke(((50.0, 120.0), (350.0, 110.0)))))


def paragraph(i: int, words: int) -> str:
    return " ".join(WORDS[(i + j) % len(WORDS)] for j in range(words)) + "."


def fixed_paragraphs(n: int) -> tuple[str, ...]:
    """n paragraphs of 40 to 160 words: the golden text for page-count checks."""
    return tuple(f"{i + 1}. " + paragraph(i, 40 + (i * 37) % 121) for i in range(n))


def statement(paragraphs: tuple[str, ...] | None = None, **kw: Any) -> StatementDocument:
    fields: dict[str, Any] = {
        "witness_name": "Alex Example",
        "age_if_under_18": None,
        "paragraphs": paragraphs if paragraphs is not None else fixed_paragraphs(40),
        "signature": wave_signature(),
        "interviewer_name": "Sam Interviewer",
        "signed_on": dt.date(2026, 11, 26),
        "place": "Cardiff",
        "reference": "52/AB/1234/26",
    }
    fields.update(kw)
    return StatementDocument(**fields)


def restricted() -> RestrictedDetails:
    return RestrictedDetails(
        witness_name="Alex Example",
        reference="52/AB/1234/26",
        date_of_birth=CANARIES[3],
        address=f"{CANARIES[0]}\n12 Heol y Dŵr, Caerdydd",
        phone=CANARIES[1],
        email=CANARIES[2],
        safe_contact=CANARIES[4],
        safe_times="Weekdays 10:00–14:00",
        voicemail_safe=False,
        letters_safe=None,
        dates_to_avoid="24 Dec – 2 Jan",
        special_measures="Screens",
        other_needs=CANARIES[5],
        consents=(
            ("Recording of the interview", "given", "2026-11-26T10:15:00+00:00"),
            ("Sharing with the ISVA", "withdrawn", "2026-11-27T09:00:00"),
        ),
        victim_personal_statement_offered=True,
    )


def make_pki() -> tuple[bytes, bytes, bytes]:
    """A throwaway CA and an ECDSA P-256 signing certificate: (ca_pem, cert_pem, key_pem)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def usage(**on: bool) -> x509.KeyUsage:
        names = (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        )
        return x509.KeyUsage(**{n: on.get(n, False) for n in names})

    def cert(subject: str, key: Any, issuer: str, issuer_key: Any, ca: bool) -> Any:
        return (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(
                x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True
            )
            .add_extension(
                usage(key_cert_sign=True, crl_sign=True)
                if ca
                else usage(digital_signature=True, content_commitment=True),
                critical=True,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                critical=False,
            )
            .sign(issuer_key, hashes.SHA256())
        )

    ca_key = ec.generate_private_key(ec.SECP256R1())
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    ca = cert("Quietroom Test CA", ca_key, "Quietroom Test CA", ca_key, True)
    leaf = cert("Sam Interviewer", leaf_key, "Quietroom Test CA", ca_key, False)
    pem = serialization.Encoding.PEM
    return (
        ca.public_bytes(pem),
        leaf.public_bytes(pem),
        leaf_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
    )


@pytest.fixture(scope="module")
def pki() -> tuple[bytes, bytes, bytes]:
    return make_pki()


# --- reading PDFs back ------------------------------------------------------------------


def test_forty_fixed_paragraphs_make_seven_pages_with_page_x_of_y_on_each() -> None:
    pages = texts(render_statement(statement()))
    assert len(pages) == 7
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of 7" in flat(text)
        assert ("WITNESS STATEMENT" in text) == (number == 1)
    first = flat(pages[0])
    assert (
        "Criminal Justice Act 1967, s.9; Magistrates' Courts Act 1980, s.5B; "
        "Criminal Procedure Rules 2020, r.16.2"
    ) in first
    assert "Statement of: Alex Example" in first and "URN: 52/AB/1234/26" in first
    assert "Age if under 18: Over 18" in first and "Statement no.: 1" in first
    assert (
        "This statement (consisting of 7 page(s) each signed by me) is true to the best "
        "of my knowledge and belief and I make it knowing that, if it is tendered in "
        "evidence, I shall be liable to prosecution if I have wilfully stated in it "
        "anything which I know to be false, or do not believe to be true."
    ) in first
    assert "Date: 26 November 2026" in first
    assert "Continuation of statement of: Alex Example" in pages[1]
    last = flat(pages[-1])
    taken = "Statement taken by: Sam Interviewer (interviewer) Date: 26 November 2026"
    assert f"{taken} Place: Cardiff" in last


@pytest.mark.parametrize(("paragraphs", "expected"), [(1, 1), (6, 2), (68, 12)])
def test_declared_count_is_the_real_count(paragraphs: int, expected: int) -> None:
    pages = texts(render_statement(statement(fixed_paragraphs(paragraphs))))
    assert len(pages) == expected
    assert declared_pages(pages[0]) == expected
    assert all(f"Page {i} of {expected}" in flat(t) for i, t in enumerate(pages, 1))


def test_declared_count_settles_across_the_nine_to_ten_page_boundary() -> None:
    seen = set()
    for n in range(50, 56):
        pages = texts(render_statement(statement(fixed_paragraphs(n))))
        assert declared_pages(pages[0]) == len(pages)
        seen.add(len(pages))
    assert {9, 10} <= seen


def count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The page count of every layout pass render_statement makes."""
    passes: list[int] = []
    save = mg11.PageTotalCanvas.save

    def counting_save(canvas: mg11.PageTotalCanvas) -> None:
        save(canvas)
        passes.append(canvas.pages)

    monkeypatch.setattr(mg11.PageTotalCanvas, "save", counting_save)
    return passes


def test_one_layout_pass_when_the_digit_guess_is_right(monkeypatch: pytest.MonkeyPatch) -> None:
    passes = count_layouts(monkeypatch)
    pages = texts(render_statement(statement(fixed_paragraphs(68))))
    assert passes == [12] and len(pages) == 12
    assert declared_pages(pages[0]) == 12


@pytest.mark.parametrize("guess", [1, 3])
def test_a_wrong_digit_guess_costs_a_pass_never_a_wrong_number(
    monkeypatch: pytest.MonkeyPatch, guess: int
) -> None:
    passes = count_layouts(monkeypatch)
    monkeypatch.setattr(mg11, "guess_digits", lambda _characters: guess)
    pages = texts(render_statement(statement(fixed_paragraphs(68))))
    assert passes == [12, 12]
    assert declared_pages(pages[0]) == 12
    assert all(f"Page {i} of 12" in flat(t) for i, t in enumerate(pages, 1))


def test_signature_in_every_footer_after_the_declaration_and_after_the_last_word() -> None:
    doc = statement((*fixed_paragraphs(39), paragraph(39, 90) + " END-OF-ACCOUNT"))
    pages = texts(render_statement(doc))
    marks = [t.count(SIG_MARK) for t in pages]
    assert all(m >= 1 for m in marks) and sum(marks) == len(pages) + 2
    # the footer is drawn first on every page, so the ones in the flow come after it
    declaration = pages[0].split("do not believe to be true.", 1)[1]
    assert declaration.lstrip("\n").startswith(SIGNED)
    page = next(t for t in pages if "END-OF-ACCOUNT" in t)
    after = page.split("END-OF-ACCOUNT", 1)[1]
    assert after.lstrip("\n").startswith(SIGNED)  # nothing between the last word and it


def test_the_signature_travels_with_the_last_lines_wherever_the_page_breaks() -> None:
    for extra in range(0, 300, 12):  # slide the end of the text across a page break
        paras = (*fixed_paragraphs(5), paragraph(99, 40 + extra) + " THE-LAST-WORD")
        pages = texts(render_statement(statement(paras)))
        page = next(t for t in pages if "THE-LAST-WORD" in t)
        assert page.split("THE-LAST-WORD", 1)[1].lstrip("\n").startswith(SIGNED), extra


def test_long_paragraphs_split_cleanly_and_keep_every_word() -> None:
    huge = paragraph(3, 3000)
    pages = texts(render_statement(statement(("Short opening.", huge))))
    assert len(pages) >= 4
    assert flat(huge) in flat(
        " ".join(
            re.sub(
                r"(Page \d+ of\s+\d+|Continuation of statement "
                r"of: Alex Example|URN: 52/AB/1234/26|"
                r"Signature:|OFFICIAL-SENSITIVE)",
                " ",
                t,
            )
            for t in pages
        )
    )


def test_signature_form_holds_the_strokes_once() -> None:
    pdf = render_statement(statement(fixed_paragraphs(30)))
    forms = {
        (str(name), id(x.get_object()))
        for p in pdf_pages(pdf)
        for name, x in p["/Resources"]["/XObject"].items()
    }
    # one signature drawing and one page total, each shared by every page
    assert sorted(name for name, _ in forms) == [f"/FormXob.{TOTAL_FORM}", f"/FormXob.{SIG_FORM}"]
    form = pdf_pages(pdf)[0]["/Resources"]["/XObject"][f"/FormXob.{SIG_FORM}"]
    ops = form.get_object().data.split()
    assert ops.count(b"m") == 2 and ops.count(b"l") == 99 + 1 and b"S" in ops
    assert b"W*" in ops  # clipped to its box: it can never draw over the text


def test_image_signature_is_drawn_from_one_embedded_image(png_signature: bytes) -> None:
    art = signature_from_image(png_signature)
    pdf = render_statement(statement(fixed_paragraphs(12), signature=art))
    pages = texts(pdf)
    assert sum(t.count(SIG_MARK) for t in pages) == len(pages) + 2
    form = pdf_pages(pdf)[0]["/Resources"]["/XObject"][f"/FormXob.{SIG_FORM}"].get_object()
    assert b"Do" in form.data.split()
    assert pdf.count(b"/Subtype /Image") == 2 and b"/SMask" in pdf  # the image and its alpha


def test_markup_like_text_is_printed_literally() -> None:
    text = 'She wrote "<b>&amp;</b>" and <font size=40>x</font> & <br/> then left.'
    page = flat(texts(render_statement(statement((text,))))[0])
    assert text in page


def test_welsh_and_other_latin_text_survive() -> None:
    words = (f"{WELSH}.", "Ŵ Ŷ ẁ ẃ ẅ ỳ — Łódź, Ærø, naïve, Şişli, Dvořák.")
    page = flat(texts(render_statement(statement(words, witness_name="Siân Ŵyn")))[0])
    assert WELSH in page and words[1] in page and "Statement of: Siân Ŵyn" in page


def test_restricted_canaries_never_reach_the_statement() -> None:
    pdf = render_statement(statement(fixed_paragraphs(20)))
    text = " ".join(texts(pdf))
    for canary in CANARIES:
        assert canary not in text and canary.encode() not in pdf
    other = render_restricted(restricted())
    assert all(c in flat(" ".join(texts(other))) for c in CANARIES)


def test_reader_declaration_when_the_witness_did_not_read_it() -> None:
    doc = statement(fixed_paragraphs(3), read_by_witness=False, reader_name="Jo Reader")
    last = flat(" ".join(texts(render_statement(doc))))
    assert "I, Jo Reader, read this statement to Alex Example before they signed it." in last
    assert "Criminal Justice Act 1967, s.9(3)(b)" in last
    plain = flat(" ".join(texts(render_statement(statement(fixed_paragraphs(3))))))
    assert "read this statement to" not in plain


def test_hostile_characters_are_tamed_or_refused() -> None:
    odd = (
        "a" * 5000,
        "nul\x00 bell\x07 tab\tend",
        "lone \ud800 surrogate",
        "w\u0302 joined",
        "one\ntwo\r\nthree",
        "&nbsp; &#65; <![CDATA[x]]> <!-- c --> <img src='/x'/>",
    )
    text = flat(" ".join(texts(render_statement(statement(odd)))))
    for expected in (
        "nul bell tab end",
        "lone \ufffd surrogate",
        "ŵ joined",
        "one two three",
        "&nbsp; &#65; <![CDATA[x]]> <!-- c --> <img src='/x'/>",
    ):
        assert expected in text
    assert text.count("a") >= 5000  # the long word wraps instead of running off the page
    with pytest.raises(UsageError, match=r"U\+4E2D"):  # DejaVu has no CJK: a box would lie
        render_statement(statement(("中文",)))
    with pytest.raises(UsageError, match="restricted details"):
        render_restricted(dataclasses.replace(restricted(), other_needs="👍🏽"))


def test_age_and_hostile_names_are_plain_text() -> None:
    doc = statement(
        fixed_paragraphs(2),
        age_if_under_18=15,
        witness_name="A <i>B</i> & C",
        place="Room <1>",
        reference="R&D/1",
    )
    first = flat(texts(render_statement(doc))[0])
    assert "Age if under 18: 15" in first and "Statement of: A <i>B</i> & C" in first
    assert "URN: R&D/1" in first


@pytest.mark.parametrize(
    "change",
    [
        {"paragraphs": ()},
        {"paragraphs": ("   ",)},
        {"signature": SignatureArt()},
        {"witness_name": " "},
        {"age_if_under_18": 18},
        {"age_if_under_18": -1},
        {"read_by_witness": False, "reader_name": None},
        {"signature": SignatureArt(image=b"\x89PNG\r\n\x1a\nnot really", media_type="image/png")},
    ],
)
def test_incomplete_statements_are_refused(change: dict[str, Any]) -> None:
    with pytest.raises(UsageError):
        render_statement(statement(**change))


def test_output_is_deterministic_and_uses_only_embedded_dejavu() -> None:
    doc = statement(fixed_paragraphs(8))
    pdf = render_statement(doc)
    assert pdf == render_statement(doc)
    for page in pdf_pages(pdf):
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "DejaVuSans" in str(font["/BaseFont"])
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_restricted_pdf_has_marking_labels_consents_and_page_numbers() -> None:
    pages = texts(render_restricted(restricted()))
    text = flat(" ".join(pages))
    for i, page in enumerate(pages, 1):
        assert "OFFICIAL-SENSITIVE" in page and f"Page {i} of {len(pages)}" in flat(page)
    for label in (
        "Witness contact details — not for disclosure",
        "Date of birth",
        "Address",
        "Telephone",
        "Email",
        "Safe to leave voicemail No",
        "Safe to send letters Not recorded",
        "Victim Personal Statement offered Yes",
        "Recording of the interview Given 26 November 2026, 10:15 UTC",
        "Sharing with the ISVA Withdrawn 27 November 2026, 09:00",
    ):
        assert label in text
    many = tuple((f"Consent number {i}", "given", "2026-11-26T10:15:00+01:00") for i in range(60))
    pages = texts(render_restricted(dataclasses.replace(restricted(), consents=many)))
    assert len(pages) >= 2
    for i, page in enumerate(pages, 1):
        assert "OFFICIAL-SENSITIVE" in page and f"Page {i} of {len(pages)}" in flat(page)
    last = next(p for p in reversed(pages) if "Consent number 59" in p)
    assert last != pages[1] and "Consent\nDecision\nRecorded" in last  # the header repeats
    assert "Consent number 59 Given 26 November 2026, 10:15 (UTC+0100)" in flat(last)


def test_hundred_page_statement_renders(capsys: pytest.CaptureFixture[str]) -> None:
    paras = tuple(paragraph(i, 100 + (i % 7) * 20) for i in range(430))
    words = sum(len(p.split()) for p in paras)
    start = time.perf_counter()
    pdf = render_statement(statement(paras))
    took = time.perf_counter() - start
    pages = texts(pdf)
    assert len(pages) >= 100 and declared_pages(pages[0]) == len(pages)
    assert f"Page {len(pages)} of {len(pages)}" in flat(pages[-1])
    with capsys.disabled():
        print(
            f"\n100-page statement: {words} words, {len(pages)} pages, {len(pdf)} bytes, "
            f"rendered in {took:.2f} s"
        )


# --- signature art --------------------------------------------------------------------


# --- PAdES without external tools -----------------------------------------------------


def test_sign_and_validate_in_memory(pki: tuple[bytes, bytes, bytes]) -> None:
    ca, cert, key = pki
    signed = sign_pdf(
        render_statement(statement(fixed_paragraphs(4))),
        cert,
        key,
        reason="Witness statement",
        location="Cardiff",
        signer_name="Sam Interviewer",
    )
    report = validate_pdf_signature(signed, ca)
    assert report.valid and report.intact and report.trusted and report.covers_whole_document
    assert "Sam Interviewer" in report.signer_subject and report.problems == ()
    appended = validate_pdf_signature(signed + b"\n% a note added later\n", ca)
    assert appended.intact and not appended.covers_whole_document and appended.problems


def test_validation_never_raises_on_bad_input(pki: tuple[bytes, bytes, bytes]) -> None:
    ca, cert, key = pki
    unsigned = render_statement(statement(fixed_paragraphs(2)))
    signed = sign_pdf(unsigned, cert, key, reason="r", signer_name="Sam Interviewer")
    other_ca = make_pki()[0]
    cases = {
        b"": "not a PDF",
        b"GIF89a": "not a PDF",
        unsigned: "no signature",
        signed[: len(signed) // 2]: "not a readable PDF",
        b"%PDF-1.7\n" + b"\x00" * 50: "not a readable PDF",
    }
    for data, problem in cases.items():
        report = validate_pdf_signature(data, ca)
        assert not report.valid and report.problems == (problem,)
    untrusted = validate_pdf_signature(signed, other_ca)
    assert untrusted.intact and not untrusted.trusted and not untrusted.valid
    assert not validate_pdf_signature(signed, b"not a certificate").valid
    zipped = zlib.compress(signed)
    assert validate_pdf_signature(zipped, ca).problems == ("not a PDF",)


def test_signing_refuses_unusable_material(pki: tuple[bytes, bytes, bytes]) -> None:
    _, cert, key = pki
    other_key = make_pki()[2]
    pdf = render_statement(statement(fixed_paragraphs(1)))
    signed = sign_pdf(pdf, cert, key, reason="r", signer_name="x")
    for args in (
        (pdf, cert, other_key),
        (pdf, b"junk", key),
        (pdf, cert, b"junk"),
        (b"not a pdf", cert, key),
        (signed, cert, key),
    ):
        with pytest.raises(UsageError):
            sign_pdf(*args, reason="r", signer_name="x")


def test_every_page_carries_the_marking_and_the_signing_time_is_the_creation_date() -> None:
    signed = dt.datetime(2026, 11, 26, 10, 15, 30, tzinfo=dt.UTC)
    doc = dataclasses.replace(statement(fixed_paragraphs(120)), marking="OFFICIAL", created=signed)
    pdf = render_statement(doc)
    pages = texts(pdf)
    assert len(pages) >= 2
    for page in pages:
        assert page.count("OFFICIAL") == 2 and "OFFICIAL-SENSITIVE" not in page
    info = PdfFileReader(io.BytesIO(pdf)).trailer_view["/Info"]
    assert str(info["/CreationDate"]).startswith("D:20261126101530")
    assert render_statement(doc) == pdf  # the same statement, the same bytes


def test_the_statement_says_how_many_corrections_were_made_at_read_back() -> None:
    assert "Corrections made at read-back: none." in texts(render_statement(statement(("A.",))))[0]
    corrected = dataclasses.replace(statement(("A.",)), corrections=2)
    assert "Corrections made at read-back: 2 (see the record)." in flat(
        texts(render_statement(corrected))[0]
    )
