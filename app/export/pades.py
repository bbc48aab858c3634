"""PAdES signatures on our PDFs, in memory: signing with pyHanko and checking a signed
PDF against a trusted CA, so that standard tools (poppler's pdfsig, Acrobat) and this
code agree on what "signed and unaltered" means.

Signing raises UsageError for unusable input. Checking never raises for a malformed
document: it returns a report with valid=False and the problem in plain words.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from app.errors import UsageError

FIELD_NAME = "Signature1"

# pyHanko logs path-building failures with tracebacks that name the signer; without a
# handler of its own, Python's last-resort handler would print them to stderr.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


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


def _load_signing_material(cert_pem: bytes, key_pem: bytes) -> tuple[Any, Any, list[Any]]:
    """The leaf (first certificate), the key as asn1crypto objects, and the whole chain;
    refuses a key that does not belong to the leaf, which would sign unverifiably."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        chain = x509.load_pem_x509_certificates(cert_pem)
        key = serialization.load_pem_private_key(key_pem, password=None)
    except (ValueError, TypeError):
        raise UsageError(
            "pdf.signing_material_unreadable", "The signing certificate or key could not be read."
        ) from None
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    der = serialization.Encoding.DER
    if chain[0].public_key().public_bytes(der, pub) != key.public_key().public_bytes(der, pub):
        raise UsageError(
            "pdf.signing_key_mismatch",
            "The signing key does not belong to the signing certificate.",
        )
    key_info = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    certs = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in chain]
    return certs[0], key_info, certs


@dataclass(frozen=True)
class Visible:
    """Where a visible signature goes: a box on the last page (PDF points, from the
    bottom left), showing who signed, when, and their certificate's SHA-256."""

    box: tuple[int, int, int, int]


FONT_SIZE = 7
STAMP_TEXT = "Digitally signed by %(who)s\n%(ts)s\nCertificate SHA-256 %(fingerprint)s"


def sign_pdf(
    pdf: bytes,
    cert_pem: bytes,
    key_pem: bytes,
    *,
    reason: str,
    location: str | None = None,
    signer_name: str,
    field_name: str = FIELD_NAME,
    visible: Visible | None = None,
) -> bytes:
    """The PDF with a PAdES (B-B) signature appended as an incremental update, in the
    signature field `field_name` (the statement's own is FIELD_NAME): invisible, or
    `visible` in its box on the last page."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    leaf, key, certs = _load_signing_material(cert_pem, key_pem)
    signer = signers.SimpleSigner(
        signing_cert=leaf, signing_key=key, cert_registry=SimpleCertificateStore.from_certs(certs)
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
        name=signer_name,
    )
    try:
        writer = IncrementalPdfFileWriter(BytesIO(pdf))
    except Exception:  # pyHanko's reader raises several types for damaged files
        raise UsageError("pdf.unreadable", "The document to sign is not a readable PDF.") from None
    out = BytesIO()
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        stamp_style=_stamp_style(visible) if visible else None,
        new_field_spec=(
            fields.SigFieldSpec(sig_field_name=field_name, on_page=-1, box=visible.box)
            if visible
            else None
        ),
    )
    params = {
        "fingerprint": hashlib.sha256(leaf.dump()).hexdigest()[:16] + "...",
        "who": ascii_name(signer_name),
    }
    try:
        pdf_signer.sign_pdf(writer, output=out, appearance_text_params=params)
    except (SigningError, PdfError) as exc:
        reason = str(exc).strip().rstrip(".")
        raise UsageError(
            "pdf.signing_failed", "The document could not be signed: {detail}.", detail=reason
        ) from None
    return out.getvalue()


def _stamp_style(visible: Visible) -> Any:
    from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    del visible  # one style for every box
    return TextStampStyle(
        stamp_text=STAMP_TEXT,
        timestamp_format="%d %b %Y, %H:%M:%S %Z",
        border_width=1,
        # A standard PDF font, so ASCII only (see ascii_name); left-aligned, centred.
        text_box_style=TextBoxStyle(font_size=FONT_SIZE),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins.uniform(3),
            inner_content_scaling=InnerScaling.NO_SCALING,
        ),
    )


def ascii_name(name: str) -> str:
    """The name as the stamp's standard font can show it ("Ŷwen" as "Ywen"): the exact
    name is in the certificate and printed in the statement itself."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(folded.split()) or "the signer"


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


def validate_pdf_signature(pdf: bytes, ca_cert_pem: bytes) -> PdfSignatureReport:
    """Check the statement's signature (the field Signature1, else the first one)."""
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature as pyhanko_validate
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    if not isinstance(pdf, bytes | bytearray) or b"%PDF-" not in pdf[:1024]:
        return _failed("not a PDF")
    try:
        roots = [
            asn1_x509.Certificate.load(c.public_bytes(Encoding.DER))
            for c in x509.load_pem_x509_certificates(ca_cert_pem)
        ]
    except (ValueError, TypeError):
        return _failed("the trusted CA certificate could not be read")
    try:
        reader = PdfFileReader(BytesIO(bytes(pdf)), strict=False)
        signatures = list(reader.embedded_regular_signatures)
    except Exception:  # any parse failure of untrusted bytes is a verdict, not a crash
        return _failed("not a readable PDF")
    if not signatures:
        return _failed("no signature")
    sig = next((s for s in signatures if s.field_name == FIELD_NAME), signatures[0])
    try:
        status = pyhanko_validate(sig, ValidationContext(trust_roots=roots))
    except Exception as exc:  # a damaged signature dictionary or CMS blob
        return _failed(f"the signature could not be checked ({type(exc).__name__})")

    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    problems = []
    if not status.intact:
        problems.append("the signed content has been altered")
    elif not status.valid:
        problems.append("the signature does not verify")
    if status.intact and status.valid and not status.trusted:
        problems.append("the signer's certificate does not chain to the trusted CA")
    if not whole:
        problems.append(
            "the signature does not cover the whole file: something was added after signing"
        )
    try:
        subject = status.signing_cert.subject.human_friendly
    except Exception:  # pragma: no cover - an unusual subject encoding
        subject = ""
    try:
        fingerprint = hashlib.sha256(status.signing_cert.dump()).hexdigest()
    except Exception:  # pragma: no cover - a certificate that cannot be encoded again
        fingerprint = ""
    return PdfSignatureReport(
        valid=bool(status.intact and status.valid and status.trusted),
        intact=bool(status.intact),
        covers_whole_document=whole,
        signer_subject=subject,
        trusted=bool(status.trusted),
        problems=tuple(problems),
        signer_fingerprint=fingerprint,
    )


def pdf_keywords(pdf: bytes) -> str:
    """The document information's Keywords of a PDF ('' when it has none). Read with
    pyHanko's parser; what it binds is checked by the caller."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(bytes(pdf)), strict=False)
        info = reader.trailer_view.get("/Info")
        value = info.get_object().get("/Keywords") if info is not None else None
    except Exception:  # a PDF pyHanko cannot parse: the signature check says why
        return ""
    return str(value) if value is not None else ""
