"""The supervisor's countersignature on the statement PDF: adding it, and checking a
countersigned PDF.

A countersignature is a second PAdES signature, in the field "Supervisor", appended as
a further incremental update after the interviewer's signature (field "Signature1"), so
that standard tools show two valid signatures: the interviewer's over its own revision,
the supervisor's over the whole file. After the interviewer's signature the only later
changes allowed are the countersignature itself, validation data (DSS) and document
timestamps; pyHanko's difference analysis decides what the later revisions changed.

Countersigning raises UsageError for a PDF it must not sign. Checking never raises for
a malformed document: every failure is a plain English problem and ok=False.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from app.errors import UsageError
from app.export.pades import FIELD_NAME, sign_pdf

COUNTERSIGN_FIELD = "Supervisor"
COUNTERSIGN_REASON = "Reviewed and approved by the supervisor"

_UNREADABLE = "the countersigned PDF could not be read"


@dataclass(frozen=True)
class CountersignCheck:
    ok: bool
    problems: tuple[str, ...]  # plain English sentences; empty when ok
    # SHA-256 (hex) of the DER of the certificate that made each signature ("" when the
    # signature could not be read): compare signers by these, never by names.
    statement_signer_fingerprint: str
    countersigner_fingerprint: str
    countersigner_subject: str
    # SHA-256 (hex) of the file as the interviewer signed it: the bytes up to the end of
    # the first signature's revision (an incremental update only appends). "" if unknown.
    signed_statement_sha256: str = ""


def _signatures(pdf: bytes) -> tuple[list[Any], list[Any]]:
    """All embedded signatures (document timestamps included) and the regular ones, in
    signing order; raises whatever pyHanko raises for a damaged file."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(BytesIO(pdf), strict=False)
    every = list(reader.embedded_signatures)
    regular = [s for s in every if s.sig_object_type == "/Sig"]
    return every, regular


def countersign(pdf: bytes, cert_pem: bytes, key_pem: bytes, *, signer_name: str) -> bytes:
    """The statement PDF with the supervisor's PAdES (B-B) countersignature appended as
    an incremental update in the field COUNTERSIGN_FIELD.

    Refuses a PDF that is already countersigned (a signature in that field, or more than
    one signature) and one that carries no signature to countersign."""
    if not isinstance(pdf, bytes | bytearray) or b"%PDF-" not in pdf[:1024]:
        raise UsageError("pdf.unreadable", "The document to sign is not a readable PDF.")
    try:
        every, regular = _signatures(bytes(pdf))
        fields = [s.field_name for s in every]
    except Exception:  # pyHanko's reader raises several types for damaged files
        raise UsageError("pdf.unreadable", "The document to sign is not a readable PDF.") from None
    if COUNTERSIGN_FIELD in fields or len(regular) > 1:
        raise UsageError(
            "review.already_countersigned",
            "The statement is already countersigned; it was not signed again.",
        )
    if not regular:
        raise UsageError(
            "review.statement_not_signed",
            "The statement carries no signature to countersign; it was not signed.",
        )
    return sign_pdf(
        bytes(pdf),
        cert_pem,
        key_pem,
        reason=COUNTERSIGN_REASON,
        signer_name=signer_name,
        field_name=COUNTERSIGN_FIELD,
    )


def _roots(ca_cert_pem: bytes) -> list[Any] | None:
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        return [
            asn1_x509.Certificate.load(c.public_bytes(Encoding.DER))
            for c in x509.load_pem_x509_certificates(ca_cert_pem)
        ]
    except (ValueError, TypeError, x509.InvalidVersion):
        return None


def _fingerprint(status: Any) -> str:
    try:
        return hashlib.sha256(status.signing_cert.dump()).hexdigest()
    except Exception:  # a certificate that cannot be encoded again
        return ""


def _subject(status: Any) -> str:
    try:
        return str(status.signing_cert.subject.human_friendly)
    except Exception:  # an unusual subject encoding
        return ""


def _sound(status: Any, whose: str) -> list[str]:
    """The problems with one signature's integrity, cryptography and chain of trust."""
    if not status.intact:
        return [f"the content the {whose} signature covers has been altered"]
    if not status.valid:
        return [f"the {whose} signature does not verify"]
    if not status.trusted:
        return [f"the {whose} certificate does not chain to the trusted CA"]
    return []


def _first_problems(status: Any) -> list[str]:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    problems = _sound(status, "interviewer's")
    if status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
        problems.append("the interviewer's signature does not cover its revision of the statement")
    level = status.modification_level
    if level is None or level > ModificationLevel.FORM_FILLING:
        problems.append("the statement was changed after the interviewer signed it")
    return problems


def _second_problems(status: Any) -> list[str]:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    problems = _sound(status, "supervisor's")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        problems.append(
            "the supervisor's signature does not cover the whole file: "
            "something was added after countersigning"
        )
    return problems


def _count_problem(count: int) -> str:
    has = {0: "no signatures", 1: "one signature"}.get(count, f"{count} signatures")
    return f"the PDF has {has}, not the two signatures of a countersigned statement"


def _failed(problem: str) -> CountersignCheck:
    return CountersignCheck(False, (problem,), "", "", "")


def check_countersigned(pdf: bytes, ca_cert_pem: bytes) -> CountersignCheck:
    """Check a countersigned statement PDF against the organisation's CA: exactly two
    signatures, the interviewer's ("Signature1") then the supervisor's ("Supervisor"),
    both intact, valid and trusted; the interviewer's covering its own revision with
    nothing after it but the countersignature (and DSS or document timestamps); the
    supervisor's covering the whole file."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    if not isinstance(pdf, bytes | bytearray) or b"%PDF-" not in pdf[:1024]:
        return _failed(_UNREADABLE)
    roots = _roots(ca_cert_pem)
    if roots is None:
        return _failed("the trusted CA certificate could not be read")
    try:
        _, signatures = _signatures(bytes(pdf))
    except Exception:  # any parse failure of untrusted bytes is a verdict, not a crash
        return _failed(_UNREADABLE)
    if len(signatures) != 2:
        return _failed(_count_problem(len(signatures)))

    problems: list[str] = []
    first, second = signatures
    try:
        first_field, second_field = first.field_name, second.field_name
    except Exception:  # a damaged signature field
        return _failed(_UNREADABLE)
    if first_field != FIELD_NAME:
        problems.append("the first signature is not in the statement's signature field")
    if second_field != COUNTERSIGN_FIELD:
        problems.append("the second signature is not in the supervisor's signature field")

    statuses: list[Any] = []
    for sig, whose, judge in (
        (first, "interviewer's", _first_problems),
        (second, "supervisor's", _second_problems),
    ):
        try:
            status = validate_pdf_signature(sig, ValidationContext(trust_roots=roots))
            problems.extend(judge(status))
        except Exception:  # a damaged signature dictionary or CMS blob
            status = None
            problems.append(f"the {whose} signature could not be checked")
        statuses.append(status)

    first_status, second_status = statuses
    return CountersignCheck(
        ok=not problems,
        problems=tuple(problems),
        statement_signer_fingerprint=_fingerprint(first_status) if first_status else "",
        countersigner_fingerprint=_fingerprint(second_status) if second_status else "",
        countersigner_subject=_subject(second_status) if second_status else "",
        signed_statement_sha256=_revision_sha256(bytes(pdf), first),
    )


def _revision_sha256(pdf: bytes, signature: Any) -> str:
    """The SHA-256 of the PDF as it was when `signature` was made: its /ByteRange ends
    where that revision ended."""
    try:
        ranges = [int(x) for x in signature.sig_object["/ByteRange"]]
        end = ranges[2] + ranges[3]
    except Exception:  # a damaged signature dictionary
        return ""
    if len(ranges) != 4 or not 0 < end <= len(pdf):
        return ""
    return hashlib.sha256(pdf[:end]).hexdigest()
