"""PAdES signatures on our PDFs, in memory: signing with pyHanko, so that standard tools
(poppler's pdfsig, Acrobat, pyHanko) and this code agree on what "signed and unaltered"
means. Checking a signed PDF is app/export/pades_validate.py (its names are importable
from here too); a signature with a time-stamp and validation data, app/export/ltv.py.

Signing raises UsageError for unusable input.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from app.errors import UsageError
from app.export.pades_validate import FIELD_NAME, PdfSignatureReport, validate_pdf_signature
from app.export.stamp_font import stamp_font

# Checking lives in app/export/pades_validate.py; these names stay importable from here.
__all__ = [
    "FIELD_NAME",
    "PdfSignatureReport",
    "Visible",
    "pdf_keywords",
    "pdf_signer_for",
    "sign_pdf",
    "signing_failed",
    "validate_pdf_signature",
]


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
    except (ValueError, TypeError, x509.InvalidVersion):
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
    bottom left), showing who signed, when, and their certificate's SHA-256, in the
    document's language ("en" or "cy")."""

    box: tuple[int, int, int, int]
    language: str = "en"


FONT_SIZE = 7
# The stamp's words in the statement's language; a Welsh statement has no English on it.
STAMP_TEXTS = {
    "en": "Digitally signed by %(who)s\n%(ts)s\nCertificate SHA-256 %(fingerprint)s",
    "cy": "Llofnodwyd yn ddigidol gan %(who)s\n%(ts)s\nTystysgrif SHA-256 %(fingerprint)s",
}
# strftime's month names follow the process locale (English under C); Welsh uses numbers.
TIMESTAMP_FORMATS = {"en": "%d %b %Y, %H:%M:%S %Z", "cy": "%d/%m/%Y, %H:%M:%S %Z"}


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
    `visible` in its box on the last page. (A signature with a time-stamp and validation
    data: app/export/ltv.py.)"""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.general import SigningError

    pdf_signer, writer, params = pdf_signer_for(
        pdf,
        cert_pem,
        key_pem,
        reason=reason,
        location=location,
        signer_name=signer_name,
        field_name=field_name,
        visible=visible,
    )
    out = BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=out, appearance_text_params=params)
    except (SigningError, PdfError) as exc:
        raise signing_failed(exc) from None
    return out.getvalue()


def signing_failed(exc: Exception) -> UsageError:
    detail = str(exc).strip().rstrip(".")
    return UsageError(
        "pdf.signing_failed", "The document could not be signed: {detail}.", detail=detail
    )


def pdf_signer_for(
    pdf: bytes,
    cert_pem: bytes,
    key_pem: bytes,
    *,
    reason: str,
    location: str | None,
    signer_name: str,
    field_name: str,
    visible: Visible | None,
) -> tuple[Any, Any, dict[str, str]]:
    """pyHanko's PdfSigner for this signer and field, the incremental writer over `pdf`
    and the stamp's text parameters: what signing in one step (`sign_pdf`) and in two
    (app/export/ltv.py) share."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
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
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        stamp_style=_stamp_style(visible, signer_name) if visible else None,
        new_field_spec=(
            fields.SigFieldSpec(sig_field_name=field_name, on_page=-1, box=visible.box)
            if visible
            else None
        ),
    )
    params = {
        "fingerprint": hashlib.sha256(leaf.dump()).hexdigest()[:16] + "...",
        "who": " ".join(signer_name.split()) or "?",
    }
    return pdf_signer, writer, params


def _stamp_style(visible: Visible, signer_name: str) -> Any:
    from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    language = visible.language if visible.language in STAMP_TEXTS else "en"
    return TextStampStyle(
        stamp_text=STAMP_TEXTS[language],
        timestamp_format=TIMESTAMP_FORMATS[language],
        border_width=1,
        # DejaVu Sans, embedded like the rest of the statement: every Welsh letter of a
        # name (Ŷwen, Gwenllïan) is drawn as written. Left-aligned, centred.
        text_box_style=TextBoxStyle(
            font=stamp_font(signer_name, FONT_SIZE),
            font_size=FONT_SIZE,
        ),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins.uniform(3),
            inner_content_scaling=InnerScaling.NO_SCALING,
        ),
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
