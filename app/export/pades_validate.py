"""Checking the statement's PAdES signature at the time it was made.

The statement PDF carries one signature, the interviewer's, in the field FIELD_NAME. It
is checked with pyHanko against the organisation's CA, offline (nothing is fetched):

- at the time of its signature time-stamp (PAdES B-T) when that token verifies and was
  made with one of the `timestamp_certificates` (the trust file's intake time-stamping
  certificate, allowed to stamp time at that moment); otherwise at the signing time the
  signer claims (PAdES B-B), so a certificate that has expired since still validates a
  signature made while it was valid;
- with the revocation data in the document security store (DSS) when there is any, and
  then revocation is checked strictly (PAdES B-LT: the CRL in the file says the
  certificates were not revoked at that time);
- whole: the signature covers the entire file, or the revisions after it only add
  validation data or document time-stamps (pyHanko's difference analysis says
  `ModificationLevel.LTA_UPDATES` at most), and nothing follows the last revision.

Checking never raises for a malformed document: it returns a report with valid=False
and the problem in plain words.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.errors import Phrase
from crypto import pki
from crypto.pki_errors import PkiError
from crypto.validate import Usage, check_chain

# pyHanko logs path-building failures with tracebacks that name the signer; without a
# handler of its own, Python's last-resort handler would print them to stderr.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

FIELD_NAME = "Signature1"
LEVEL_B = "B-B"
LEVEL_T = "B-T"
LEVEL_LT = "B-LT"
ADDED_AFTER = "the signature does not cover the whole file: something was added after signing"
CHANGED_AFTER = (
    "the statement was changed after it was signed: a later revision does more than add "
    "validation data or a document time-stamp"
)


@dataclass(frozen=True)
class PdfSignatureReport:
    valid: bool  # intact, cryptographically sound and chained to the trusted CA
    intact: bool  # the signed bytes hash to the signed digest
    covers_whole_document: bool  # the signed byte range is the entire file
    signer_subject: str
    trusted: bool
    problems: tuple[str, ...]
    # SHA-256 (hex) of the DER of the certificate that made the signature: compare
    # certificates by this, never by a name inside a subject ("Jo" is in "Jo Bloggs").
    signer_fingerprint: str = ""
    # Only validation data or document time-stamps follow the signed revision (or
    # nothing does): what a bundle's statement may carry after the signature.
    whole: bool = False
    level: str = LEVEL_B  # B-B, B-T or B-LT: what was established, not what is claimed
    validated_at: datetime | None = None  # the moment the certificates were checked at
    timestamp: datetime | None = None  # the signature time-stamp's time, when relied on
    timestamp_fingerprint: str = ""  # SHA-256 of the time-stamping certificate
    notes: tuple[str, ...] = ()  # what was not relied on, and why (not failures)


def intake_timestamp_certificates(trust: Any) -> list[x509.Certificate]:
    """The time-stamping certificates a trust file (app.org's Trust) lists under its
    intake members: the only ones a statement's time-stamp is relied on from."""
    return [m.timestamp_certificate for m in trust.by_role("intake") if m.timestamp_certificate]


def description(report: PdfSignatureReport) -> Phrase | str:
    """What a valid report says, in one phrase: the level, the time the signature was
    checked at and where that time comes from, and how much of the file it covers. A
    phrase of the core's (app/errors.py), for an interface to translate; a plain string
    when it carries notes (their English is pyHanko's and this module's own)."""
    when: Phrase | str = (
        f"{report.validated_at:%Y-%m-%d %H:%M:%S} UTC"
        if report.validated_at
        else Phrase("report.pdf_now", "now")
    )
    level = report.level
    if report.timestamp is not None and report.level == LEVEL_LT:
        said = Phrase(
            "report.pdf_stamped_lt",
            "PAdES {level}, time-stamped {when} by the intake, with the revocation data then "
            "current",
            level=level,
            when=when,
        )
    elif report.timestamp is not None:
        said = Phrase(
            "report.pdf_stamped",
            "PAdES {level}, time-stamped {when} by the intake",
            level=level,
            when=when,
        )
    else:
        said = Phrase(
            "report.pdf_signing_time",
            "PAdES {level}, not time-stamped: checked at its signing time, {when}",
            level=level,
            when=when,
        )
    covers = (
        Phrase("report.pdf_covers", "covering the whole document")
        if report.covers_whole_document
        else Phrase(
            "report.pdf_covers_but_added",
            "covering the whole document but the validation data added after it",
        )
    )
    if report.notes:
        notes = "".join(f" ({note})" for note in report.notes)
        return f"{said}{notes}; {covers}; signed by {report.signer_subject}"
    return Phrase(
        "report.pdf_described",
        "{said}; {covers}; signed by {signer}",
        said=said,
        covers=covers,
        signer=report.signer_subject,
    )


def _failed(problem: str, **known: Any) -> PdfSignatureReport:
    fields = {
        "valid": False,
        "intact": False,
        "covers_whole_document": False,
        "signer_subject": "",
        "trusted": False,
        **known,
    }
    return PdfSignatureReport(problems=(problem,), **fields)


def _roots(ca_cert_pem: bytes) -> list[Any] | None:
    from asn1crypto import x509 as asn1_x509

    try:
        return [
            asn1_x509.Certificate.load(c.public_bytes(Encoding.DER))
            for c in x509.load_pem_x509_certificates(ca_cert_pem)
        ]
    except (ValueError, TypeError, x509.InvalidVersion):
        return None


def _token_time(signer_info: Any) -> datetime | None:
    """The genTime of the signature time-stamp token in the signer's unsigned
    attributes (None without one, or when it cannot be read: then it is not relied on)."""
    from asn1crypto import core

    try:
        attrs = signer_info["unsigned_attrs"]
        if isinstance(attrs, core.Void):  # (never .native here: it would decode it all)
            return None
        for attr in attrs:
            if attr["type"].native == "signature_time_stamp_token":
                token = attr["values"][0]
                tst = token["content"]["encap_content_info"]["content"].parsed
                moment = tst["gen_time"].native
                return moment.astimezone(UTC) if isinstance(moment, datetime) else None
    except Exception:  # asn1crypto raises many types on malformed input
        return None
    return None


def _ends_after_revision(pdf: bytes) -> bool:
    """Nothing but white space after the last %%EOF: bytes appended outside a revision
    are not validation data, whatever they say."""
    return pdf.rstrip(b" \t\r\n\x00\x0c").endswith(b"%%EOF")


@dataclass(frozen=True)
class _Context:
    roots: list[Any]
    dss: Any  # pyHanko's DocumentSecurityStore, or None
    revocation: bool  # the DSS holds revocation data: check revocation strictly


def _context(reader: Any, roots: list[Any]) -> _Context:
    from pyhanko.sign.validation.dss import DocumentSecurityStore, NoDSSFoundError

    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return _Context(roots, None, False)
    return _Context(roots, dss, bool(list(dss.crls) or list(dss.ocsps)))


def _validate(sig: Any, context: _Context, moment: datetime) -> Any:
    from pyhanko.sign.validation import validate_pdf_signature as pyhanko_validate
    from pyhanko_certvalidator import ValidationContext

    kwargs: dict[str, Any] = {
        "trust_roots": context.roots,
        "moment": moment,
        "allow_fetching": False,
        # With revocation data in the file, a certificate it does not clear fails; a
        # B-B statement has none, and nothing is fetched, so there it is not checked.
        "revocation_mode": "hard-fail" if context.revocation else "soft-fail",
    }
    vc = (
        context.dss.as_validation_context(kwargs)
        if context.dss is not None
        else ValidationContext(**kwargs)
    )
    return pyhanko_validate(sig, vc)


def _pinned_time(
    status: Any, pinned: Sequence[x509.Certificate], ca: x509.Certificate
) -> tuple[datetime | None, str, str | None]:
    """(genTime, its certificate's fingerprint, None) when the signature time-stamp
    verifies and was made by a pinned time-stamping certificate allowed to stamp time
    then; (None, "", why not) otherwise."""
    ts = status.timestamp_validity
    if ts is None:
        return None, "", None
    if not (ts.intact and ts.valid):
        return None, "", "broken"
    try:
        cert = x509.load_der_x509_certificate(ts.signing_cert.dump())
    except (ValueError, x509.InvalidVersion):
        return None, "", "broken"
    fingerprint = pki.fingerprint(cert)
    if fingerprint not in {pki.fingerprint(c) for c in pinned}:
        return None, "", "its time-stamp is not the intake's, so it was not relied on"
    moment = ts.timestamp.astimezone(UTC)
    try:
        check_chain(cert, ca, usage=Usage.TIMESTAMPING, at=moment)
    except PkiError as exc:
        return None, "", f"its time-stamp was not relied on ({exc})"
    if not ts.trusted:
        return None, "", "its time-stamp was not relied on (its certificate did not check)"
    return moment, fingerprint, None


def validate_pdf_signature(
    pdf: bytes,
    ca_cert_pem: bytes,
    *,
    timestamp_certificates: Sequence[x509.Certificate] = (),
    now: datetime | None = None,
) -> PdfSignatureReport:
    """Check the statement's signature: the only signature, in the field FIELD_NAME,
    at the time of its time-stamp by one of `timestamp_certificates`, else at its
    signing time (else at `now`)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not isinstance(pdf, bytes | bytearray) or b"%PDF-" not in pdf[:1024]:
        return _failed("not a PDF")
    roots = _roots(ca_cert_pem)
    if not roots:
        return _failed("the trusted CA certificate could not be read")
    data = bytes(pdf)
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = list(reader.embedded_regular_signatures)
        context = _context(reader, roots)
    except Exception:  # any parse failure of untrusted bytes is a verdict, not a crash
        return _failed("not a readable PDF")
    if not signatures:
        return _failed("no signature")
    sig = signatures[0]
    try:
        field, revisions = sig.field_name, reader.xrefs.total_revisions
        claimed = sig.self_reported_timestamp
        stamped = _token_time(sig.signer_info)
    except Exception:  # a damaged signature dictionary
        return _failed("not a readable PDF")
    ca = x509.load_der_x509_certificate(roots[0].dump())
    fallback = (claimed or now or datetime.now(UTC)).astimezone(UTC)
    notes: list[str] = []
    try:
        status = _validate(sig, context, stamped or fallback)
        moment, ts_fingerprint, why_not = _pinned_time(status, timestamp_certificates, ca)
        if stamped is not None and moment is None and why_not != "broken":
            # The token is sound but not one to rely on: the signing time it is, then.
            status = _validate(sig, context, fallback)
            if why_not:
                notes.append(why_not)
    except Exception as exc:  # a damaged signature dictionary or CMS blob
        return _failed(f"the signature could not be checked ({type(exc).__name__})")
    return _report(
        status,
        data,
        sig,
        field=field,
        signatures=len(signatures),
        revisions=revisions,
        validated_at=moment or fallback,
        timestamp=moment,
        ts_fingerprint=ts_fingerprint,
        broken_timestamp=why_not == "broken",
        revocation=context.revocation,
        notes=tuple(notes),
    )


def _report(
    status: Any,
    pdf: bytes,
    sig: Any,
    *,
    field: str,
    signatures: int,
    revisions: int,
    validated_at: datetime,
    timestamp: datetime | None,
    ts_fingerprint: str,
    broken_timestamp: bool,
    revocation: bool,
    notes: tuple[str, ...],
) -> PdfSignatureReport:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    covers_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    later_only_ltv = (
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and sig.signed_revision < revisions - 1
        and _ends_after_revision(pdf)
        and status.modification_level is not None
        and status.modification_level <= ModificationLevel.LTA_UPDATES
        and bool(status.docmdp_ok)
    )
    problems = []
    if signatures > 1:
        problems.append("the statement carries a signature after the interviewer's")
    if field != FIELD_NAME:
        problems.append("the signature is not in the statement's signature field")
    if not status.intact:
        problems.append("the signed content has been altered")
    elif not status.valid:
        problems.append("the signature does not verify")
    if status.intact and status.valid and not status.trusted:
        problems.append(
            "the signer's certificate does not chain to the trusted CA"
            + (", or the revocation data in the file does not clear it" if revocation else "")
            + f" at {validated_at:%Y-%m-%d %H:%M:%S} UTC"
        )
    if broken_timestamp:
        problems.append("the signature's time-stamp does not verify")
    if not covers_file and not later_only_ltv:
        level_after = status.modification_level
        changed = level_after is not None and level_after > ModificationLevel.LTA_UPDATES
        problems.append(CHANGED_AFTER if changed else ADDED_AFTER)
    try:
        subject = status.signing_cert.subject.human_friendly
        fingerprint = hashlib.sha256(status.signing_cert.dump()).hexdigest()
    except Exception:  # pragma: no cover - an unusual subject or certificate encoding
        subject, fingerprint = "", ""
    level = LEVEL_B
    if timestamp is not None:
        level = LEVEL_LT if revocation and status.trusted else LEVEL_T
    return PdfSignatureReport(
        valid=bool(status.intact and status.valid and status.trusted),
        intact=bool(status.intact),
        covers_whole_document=covers_file,
        signer_subject=subject,
        trusted=bool(status.trusted),
        problems=tuple(problems),
        signer_fingerprint=fingerprint,
        whole=covers_file or later_only_ltv,
        level=level,
        validated_at=validated_at,
        timestamp=timestamp,
        timestamp_fingerprint=ts_fingerprint,
        notes=notes,
    )
