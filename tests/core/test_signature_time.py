"""A manifest's (and a decision's) CMS signature is checked at the signature's time, as
DECISIONS says: the signing time it states (a signed attribute), or a trusted time when
the caller has one, never "now" for a signature made while the certificate was valid."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.export.bundle import MANIFEST, SIGNATURE
from app.export.checks import Report, check_signature, check_timestamp_record, signed_when
from app.export.pades_validate import PdfSignatureReport
from crypto import cms, pki
from crypto.pki_errors import CmsError

ORG = "Example Oversight Body"
# check_timestamp_record only asks whether there is a trust file (the PDF's check used it)
TRUST: Any = object()
NOW = datetime.now(UTC).replace(microsecond=0)


def lapsed_member() -> tuple[object, object, object]:
    """A CA, and an interviewer's certificate valid from 400 to 10 days ago."""
    ca_cert, ca_key = pki.generate_ca(ORG, at=NOW - timedelta(days=1000))
    cert, key = pki.issue_certificate(
        ca_cert,
        ca_key,
        name="Jo Bloggs",
        organisation=ORG,
        role="interviewer",
        not_before=NOW - timedelta(days=400),
        not_after=NOW - timedelta(days=10),
    )
    return ca_cert, cert, key


def manifest_files(cert: object, key: object, signed_at: datetime) -> tuple[dict, dict]:
    manifest = {"author": {"certificate_fingerprint": pki.fingerprint(cert)}}
    raw = json.dumps(manifest).encode()
    files = {MANIFEST: raw, SIGNATURE: cms.sign_detached(raw, cert, key, signed_at=signed_at)}
    return files, manifest


def test_the_stated_signing_time_is_signed_and_read_back() -> None:
    _, cert, key = lapsed_member()
    when = NOW - timedelta(days=100)
    sig = cms.sign_detached(b"content", cert, key, signed_at=when)
    assert cms.claimed_signing_time(sig) == when
    assert cms.signature_moment(sig) == when
    # A signing time in the future is held to now: nobody is checked at a time to come.
    ahead = cms.sign_detached(b"content", cert, key, signed_at=NOW + timedelta(days=30))
    assert cms.signature_moment(ahead, now=NOW) == NOW
    assert cms.claimed_signing_time(b"not a signature") is None


def test_a_signature_made_while_valid_verifies_after_the_certificate_expired() -> None:
    ca_cert, cert, key = lapsed_member()
    signed_at = NOW - timedelta(days=100)
    files, manifest = manifest_files(cert, key, signed_at)
    # At "now" the certificate has expired: this is what a check at now would say.
    with pytest.raises(CmsError, match="has expired"):
        cms.verify_detached(files[SIGNATURE], files[MANIFEST], ca_cert)
    report = Report()
    assert check_signature(report, files, manifest, ca_cert) == cert
    [line] = report.checks
    assert line.ok, line.detail
    assert f"checked at {signed_at:%Y-%m-%d %H:%M:%S} UTC, the signing time it states" in (
        line.detail
    )


def test_a_signature_stating_a_time_after_expiry_is_refused_with_that_time() -> None:
    ca_cert, cert, key = lapsed_member()
    signed_at = NOW - timedelta(days=2)  # the certificate ended 10 days ago
    files, manifest = manifest_files(cert, key, signed_at)
    report = Report()
    assert check_signature(report, files, manifest, ca_cert) is None
    [line] = report.checks
    assert not line.ok
    assert "the signer's certificate has expired" in line.detail
    assert f"{signed_at:%Y-%m-%d %H:%M:%S} UTC, the signing time it states" in line.detail


def test_a_trusted_time_is_used_over_the_stated_one() -> None:
    ca_cert, cert, key = lapsed_member()
    # The signer states a time inside the validity, but the trusted time (a receipt's
    # time stamp) says the manifest existed only after the certificate had expired.
    files, manifest = manifest_files(cert, key, NOW - timedelta(days=100))
    report = Report()
    check_signature(report, files, manifest, ca_cert, trusted_time=NOW - timedelta(days=5))
    assert not report.ok and "the intake's time stamp on its receipt" in report.checks[0].detail
    report = Report()
    check_signature(report, files, manifest, ca_cert, trusted_time=NOW - timedelta(days=50))
    assert report.ok, report.checks[0].detail


def test_changing_the_stated_time_breaks_the_signature() -> None:
    """The signing time is a signed attribute: moving it back to rescue an expired
    certificate changes the signed bytes, so the signature no longer verifies."""
    ca_cert, cert, key = lapsed_member()
    sig = cms.sign_detached(b"content", cert, key, signed_at=NOW - timedelta(days=2))
    stated = (NOW - timedelta(days=2)).strftime("%y%m%d%H%M%SZ").encode()
    earlier = (NOW - timedelta(days=200)).strftime("%y%m%d%H%M%SZ").encode()
    assert sig.count(stated) == 1
    forged = sig.replace(stated, earlier)
    assert cms.signature_moment(forged) == NOW - timedelta(days=200)
    with pytest.raises(CmsError, match="does not match"):
        cms.verify_detached(forged, b"content", ca_cert, at=cms.signature_moment(forged))


def test_a_signature_without_a_signing_time_is_checked_now() -> None:
    moment, how = signed_when(b"")
    assert (moment, str(how)) == (None, "now: the signature states no signing time")


# --- the record says what the statement's signature is (check_timestamp_record) -------


def pdf_result(level: str, at: datetime | None, fingerprint: str = "") -> PdfSignatureReport:
    return PdfSignatureReport(
        valid=True, intact=True, covers_whole_document=True, signer_subject="Jo",
        trusted=True, problems=(), level=level, timestamp=at, timestamp_fingerprint=fingerprint,
    )  # fmt: skip


def record_saying(level: str, at: datetime | None = None, fingerprint: str = "") -> dict:
    statement: dict = {"pades_level": level}
    if at is not None:
        statement["timestamp"] = {
            "gen_time": at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "tsa_certificate_fingerprint": fingerprint,
        }
    return {"statement": statement}


STAMPED = NOW - timedelta(days=3)
TSA = "ab" * 32


@pytest.mark.parametrize(
    ("said", "found", "problem"),
    [
        (record_saying("B-LT", STAMPED, TSA), pdf_result("B-LT", STAMPED, TSA), None),
        (record_saying("B-B"), pdf_result("B-B", None), None),
        (
            record_saying("B-LT", STAMPED, TSA),
            pdf_result("B-B", None),
            "the record says PAdES B-LT, the statement is B-B; the record names a "
            "time-stamp the statement does not carry",
        ),
        (
            record_saying("B-B"),
            pdf_result("B-T", STAMPED, TSA),
            "the record says PAdES B-B, the statement is B-T; the statement carries a "
            "time-stamp the record does not name",
        ),
        (
            record_saying("B-LT", STAMPED + timedelta(seconds=1), TSA),
            pdf_result("B-LT", STAMPED, TSA),
            "the record's time-stamp time is not the statement's",
        ),
        (
            record_saying("B-T", STAMPED, "cd" * 32),
            pdf_result("B-T", STAMPED, TSA),
            "the record's time-stamping certificate is not the statement's",
        ),
    ],
)
def test_the_record_must_say_the_statements_level_and_time_stamp(
    said: dict, found: PdfSignatureReport, problem: str | None
) -> None:
    report = Report()
    check_timestamp_record(report, found, said, TRUST)
    [line] = report.checks
    assert line.name == "statement time-stamp"
    assert line.ok == (problem is None), line.detail
    if problem is not None:
        assert line.detail == problem


def test_without_the_trust_file_the_time_stamp_is_not_checked_and_says_so() -> None:
    report = Report()
    check_timestamp_record(report, pdf_result("B-B", None), record_saying("B-LT"), None)
    assert report.ok and report.checks[0].detail.startswith("not checked")
    report = Report()
    check_timestamp_record(report, pdf_result("B-B", None), None, TRUST)
    assert not report.ok
