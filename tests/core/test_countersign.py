"""The supervisor's countersignature on the statement PDF (app/review/countersign.py):
countersigning a statement the interviewer signed the way an export does, checking the
result against the organisation's CA, and every way a countersigned PDF can be wrong: one
signature only, countersigned twice, the statement changed between the signatures, a
flipped byte, a countersigner from another organisation, and garbage or truncated files
(which give a verdict, never an exception).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import UsageError
from app.export.pades import sign_pdf
from app.org import org_init
from app.render.mg11 import render_statement
from app.review.countersign import (
    COUNTERSIGN_FIELD,
    CountersignCheck,
    check_countersigned,
    countersign,
)
from crypto import pki
from tests.core.test_mg11 import statement

CHANGED = "the statement was changed after the interviewer signed it"


@dataclass(frozen=True)
class Member:
    cert: bytes
    key: bytes

    @property
    def fingerprint(self) -> str:
        return pki.fingerprint(pki.load_certificate(self.cert))


@dataclass(frozen=True)
class Org:
    ca: bytes
    interviewer: Member
    supervisor: Member


def make_org(out: Path) -> Org:
    org_init(out)

    def member(role: str) -> Member:
        return Member((out / role / "cert.pem").read_bytes(), (out / role / "key.pem").read_bytes())

    return Org((out / "ca.pem").read_bytes(), member("interviewer"), member("supervisor"))


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Org:
    return make_org(tmp_path_factory.mktemp("countersign") / "org")


@pytest.fixture(scope="module")
def other_org(tmp_path_factory: pytest.TempPathFactory) -> Org:
    return make_org(tmp_path_factory.mktemp("countersign-other") / "org")


def interviewer_signs(pdf: bytes, org: Org) -> bytes:
    """As an export signs the statement: the interviewer's PAdES signature, Signature1."""
    return sign_pdf(
        pdf,
        org.interviewer.cert,
        org.interviewer.key,
        reason="Witness statement (s.9 CJA 1967)",
        location="Cardiff",
        signer_name="Interviewer One",
    )


def supervisor_signs(pdf: bytes, org: Org, by: Org | None = None) -> bytes:
    supervisor = (by or org).supervisor
    return countersign(pdf, supervisor.cert, supervisor.key, signer_name="Supervisor One")


@pytest.fixture(scope="module")
def signed(org: Org) -> bytes:
    return interviewer_signs(render_statement(statement()), org)


@pytest.fixture(scope="module")
def countersigned(signed: bytes, org: Org) -> bytes:
    return supervisor_signs(signed, org)


def fails(check: CountersignCheck, *needles: str) -> None:
    assert not check.ok and check.problems, check
    for needle in needles:
        assert any(needle in p for p in check.problems), (needle, check.problems)


# --- the good case ----------------------------------------------------------------------


def test_a_countersigned_statement_checks_out(countersigned: bytes, org: Org) -> None:
    check = check_countersigned(countersigned, org.ca)
    assert check.ok and check.problems == (), check.problems
    assert check.statement_signer_fingerprint == org.interviewer.fingerprint
    assert check.countersigner_fingerprint == org.supervisor.fingerprint
    assert check.statement_signer_fingerprint != check.countersigner_fingerprint
    assert "Supervisor One" in check.countersigner_subject


def test_the_countersignature_is_a_second_incremental_update(
    signed: bytes, countersigned: bytes
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    assert countersigned.startswith(signed)  # the interviewer's revision is untouched
    assert countersigned.count(b"%%EOF") == signed.count(b"%%EOF") + 1
    reader = PdfFileReader(BytesIO(countersigned), strict=False)
    sigs = reader.embedded_regular_signatures
    assert [s.field_name for s in sigs] == ["Signature1", COUNTERSIGN_FIELD]
    reason = sigs[1].sig_object["/Reason"]
    assert reason == "Reviewed and approved by the supervisor"


def test_sign_pdf_still_signs_signature1_by_default(signed: bytes) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(BytesIO(signed), strict=False)
    assert [s.field_name for s in reader.embedded_regular_signatures] == ["Signature1"]


# --- refusals ---------------------------------------------------------------------------


def test_countersigning_twice_is_refused(countersigned: bytes, org: Org) -> None:
    with pytest.raises(UsageError) as caught:
        supervisor_signs(countersigned, org)
    assert caught.value.code == "review.already_countersigned"


def test_a_pdf_with_two_other_signatures_is_refused(signed: bytes, org: Org) -> None:
    twice = sign_pdf(
        signed,
        org.supervisor.cert,
        org.supervisor.key,
        reason="something else",
        signer_name="Supervisor One",
        field_name="Another",
    )
    with pytest.raises(UsageError) as caught:
        supervisor_signs(twice, org)
    assert caught.value.code == "review.already_countersigned"


def test_an_unsigned_or_unreadable_pdf_is_not_countersigned(org: Org) -> None:
    with pytest.raises(UsageError) as caught:
        supervisor_signs(render_statement(statement()), org)
    assert caught.value.code == "review.statement_not_signed"
    for junk in (b"", b"not a pdf", b"%PDF-1.7\n garbage"):
        with pytest.raises(UsageError) as caught:
            supervisor_signs(junk, org)
        assert caught.value.code == "pdf.unreadable"


# --- what the check catches -------------------------------------------------------------


def test_a_pdf_signed_only_once_is_not_countersigned(signed: bytes, org: Org) -> None:
    check = check_countersigned(signed, org.ca)
    fails(check, "one signature, not the two signatures")
    assert check.countersigner_fingerprint == ""


def test_an_unsigned_pdf_has_no_signatures(org: Org) -> None:
    fails(check_countersigned(render_statement(statement()), org.ca), "no signatures")


def test_three_signatures_are_too_many(countersigned: bytes, org: Org) -> None:
    third = sign_pdf(
        countersigned,
        org.supervisor.cert,
        org.supervisor.key,
        reason="again",
        signer_name="Supervisor One",
        field_name="Third",
    )
    fails(check_countersigned(third, org.ca), "3 signatures")


def test_signatures_in_the_wrong_fields_are_noticed(signed: bytes, org: Org) -> None:
    other = sign_pdf(
        signed,
        org.supervisor.cert,
        org.supervisor.key,
        reason="approved",
        signer_name="Supervisor One",
        field_name="Approval",
    )
    fails(check_countersigned(other, org.ca), "not in the supervisor's signature field")
    first = sign_pdf(
        render_statement(statement()),
        org.interviewer.cert,
        org.interviewer.key,
        reason="r",
        signer_name="Interviewer One",
        field_name="Statement",
    )
    fails(
        check_countersigned(supervisor_signs(first, org), org.ca),
        "first signature is not in the statement's signature field",
    )


def _with_extra_content(pdf: bytes) -> bytes:
    """An incremental update that draws a box over the first page's text."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    box = generic.StreamObject(stream_data=b"q 1 1 1 rg 60 500 400 120 re f Q")
    writer.add_stream_to_page(0, writer.add_object(box))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_annotation(pdf: bytes) -> bytes:
    """An incremental update that adds a text annotation (a note) to the first page."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    page_ref, _ = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    note = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
            generic.pdf_name("/Rect"): generic.ArrayObject(
                [generic.NumberObject(n) for n in (100, 100, 120, 120)]
            ),
            generic.pdf_name("/Contents"): generic.TextStringObject("the witness withdrew this"),
        }
    )
    annots = list(page.get("/Annots", generic.ArrayObject()))
    page[generic.pdf_name("/Annots")] = generic.ArrayObject([*annots, writer.add_object(note)])
    writer.update_container(page)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("change", [_with_extra_content, _with_annotation])
def test_a_change_between_the_signatures_is_caught(
    signed: bytes, org: Org, change: Callable[[bytes], bytes]
) -> None:
    changed = change(signed)
    assert changed.startswith(signed) and len(changed) > len(signed)
    check = check_countersigned(supervisor_signs(changed, org), org.ca)
    fails(check, CHANGED)
    assert check.problems == (CHANGED,)  # both signatures are otherwise sound


def test_a_change_after_countersigning_is_caught(countersigned: bytes, org: Org) -> None:
    check = check_countersigned(_with_extra_content(countersigned), org.ca)
    fails(check, CHANGED, "the supervisor's signature does not cover the whole file")


def test_bytes_appended_after_countersigning_are_noticed(countersigned: bytes, org: Org) -> None:
    check = check_countersigned(countersigned + b"\n% added later\n", org.ca)
    fails(check, "does not cover the whole file")


def _inside_first_revision_stream(pdf: bytes) -> int:
    """The middle of the first revision's largest stream (the font): signed by both
    signatures, and changing it keeps the file parseable."""
    end_of_first = pdf.index(b"%%EOF")
    starts = [m.end() for m in re.finditer(rb"stream\r?\n", pdf[:end_of_first])]
    length, start = max((pdf.index(b"endstream", s) - s, s) for s in starts)
    return start + length // 2


def test_a_flipped_byte_in_the_statement_is_caught(countersigned: bytes, org: Org) -> None:
    tampered = bytearray(countersigned)
    tampered[_inside_first_revision_stream(countersigned)] ^= 0x01
    check = check_countersigned(bytes(tampered), org.ca)
    fails(
        check,
        "the content the interviewer's signature covers has been altered",
        "the content the supervisor's signature covers has been altered",
    )


def test_a_flipped_byte_in_the_countersignature_revision_is_caught(
    signed: bytes, countersigned: bytes, org: Org
) -> None:
    # "/Reason (Reviewed …)" sits in the supervisor's signed revision only
    at = countersigned.index(b"Reviewed and approved", len(signed))
    tampered = bytearray(countersigned)
    tampered[at] = ord("r")
    check = check_countersigned(bytes(tampered), org.ca)
    fails(check, "the content the supervisor's signature covers has been altered")
    assert not any("interviewer's signature" in p for p in check.problems)


def test_a_countersigner_from_another_organisation_does_not_chain(
    signed: bytes, org: Org, other_org: Org
) -> None:
    check = check_countersigned(supervisor_signs(signed, org, by=other_org), org.ca)
    fails(check, "the supervisor's certificate does not chain to the trusted CA")
    assert check.countersigner_fingerprint == other_org.supervisor.fingerprint
    assert check.statement_signer_fingerprint == org.interviewer.fingerprint


def test_the_wrong_ca_trusts_neither_signature(countersigned: bytes, other_org: Org) -> None:
    check = check_countersigned(countersigned, other_org.ca)
    fails(
        check,
        "the interviewer's certificate does not chain",
        "the supervisor's certificate does not chain",
    )


def test_an_unreadable_ca_is_a_problem(countersigned: bytes) -> None:
    fails(check_countersigned(countersigned, b"not a certificate"), "CA certificate")


# --- malformed input: a verdict, never an exception -------------------------------------
# (the module-scoped fixtures are built once and shared by every example)

LIBRARY_WORDS = re.compile(r"Error|Exception|pyhanko|Traceback|xref|/[A-Z]", re.IGNORECASE)


def _verdict(pdf: bytes, ca: bytes) -> None:
    check = check_countersigned(pdf, ca)
    assert isinstance(check, CountersignCheck)
    if not check.ok:
        assert check.problems
    assert all(isinstance(p, str) and p and not LIBRARY_WORDS.search(p) for p in check.problems)


def test_obvious_garbage_is_not_a_pdf(org: Org) -> None:
    for junk in (b"", b"%PDF-", b"%PDF-1.7\n%%EOF", b"\x00" * 100, b"%PDF-1.4\n" + b"x" * 5000):
        check = check_countersigned(junk, org.ca)
        fails(check, "could not be read")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4096), prefix=st.booleans())
def test_random_bytes_give_a_verdict(org: Org, data: bytes, prefix: bool) -> None:
    ca = org.ca
    _verdict((b"%PDF-1.7\n" + data) if prefix else data, ca)
    assert not check_countersigned(data, ca).ok


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.floats(min_value=0.0, max_value=0.999999))
def test_truncated_countersigned_pdfs_give_a_verdict(
    countersigned: bytes, org: Org, cut: float
) -> None:
    pdf, ca = countersigned, org.ca
    truncated = pdf[: int(len(pdf) * cut)]
    check = check_countersigned(truncated, ca)
    assert not check.ok
    _verdict(truncated, ca)


@pytest.mark.slow  # a long sweep: make test runs it, make check leaves it out
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.floats(min_value=0.0, max_value=0.999999), value=st.integers(0, 255))
def test_a_damaged_byte_anywhere_gives_a_verdict(
    countersigned: bytes, org: Org, where: float, value: int
) -> None:
    pdf, ca = countersigned, org.ca
    damaged = bytearray(pdf)
    damaged[int(len(pdf) * where)] = value
    _verdict(bytes(damaged), ca)
