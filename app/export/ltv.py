"""Evidence that lasts: the statement's PAdES signature with a signature time-stamp
(PAdES B-T) and the validation data to check it later (B-LT), in separate steps.

Signing happens where the key is (the vault worker: `prepare_signature` computes the
CMS signature over the document with room left in the PDF for a time-stamp token). The
time-stamp is asked for over the network, never there (`timestamp_signature`: a pyHanko
`TimeStamper` such as app/sync/stamper.py's `IntakeTimeStamper`, over the SHA-256 of the
signature value as RFC 3161 appendix A and PAdES say). `complete_signature` writes the
signature, with the token as its unsigned attribute `signature-time-stamp-token` or
without one (B-B), into the room left for it; the bytes it covers do not change.
`add_validation_data` then appends an incremental update with the document security
store (DSS): the certificates of the signer and the time-stamping authority, the
organisation's CA and its CRL, taken from what the caller gives (nothing is fetched).

Everything happens in memory; nothing here touches a vault or the network itself.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.errors import UsageError
from app.export.pades import FIELD_NAME, Visible, pdf_signer_for, signing_failed
from app.export.pades_validate import (
    LEVEL_B,
    LEVEL_LT,
    LEVEL_T,
    intake_timestamp_certificates,
    validate_pdf_signature,
)
from app.org import Trust
from crypto import pki
from crypto.crl import CrlInfo, read_crl
from crypto.pki_errors import PkiError

# DER bytes kept free in the signature's /Contents for a time-stamp token: the intake's
# token, its certificate included, is about 1.5 KiB; the rest is margin.
TOKEN_ROOM = 8192
TOKEN_ATTRIBUTE = "signature_time_stamp_token"


@dataclass(frozen=True)
class Timestamp:
    """The signature time-stamp a statement carries, as the record states it."""

    gen_time: datetime
    tsa_certificate_fingerprint: str  # SHA-256 of the TSA certificate's DER

    def to_json(self) -> dict[str, str]:
        return {
            "gen_time": self.gen_time.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "tsa_certificate_fingerprint": self.tsa_certificate_fingerprint,
        }


@dataclass(frozen=True)
class PendingSignature:
    """A signature computed over its document but not yet written into it. Kept in
    memory between the vault worker and the network worker; `complete_signature` may be
    called more than once (with a token, or without one when none could be had)."""

    document: bytes  # the PDF with the signature's /Contents still empty
    prepared: Any  # pyHanko's PreparedByteRangeDigest: where /Contents goes
    cms: Any  # asn1crypto ContentInfo: the signature without unsigned attributes
    room_for_token: bool

    @property
    def digest(self) -> bytes:
        """What a signature time-stamp is over: the SHA-256 of the signature value."""
        signer_info = self.cms["content"]["signer_infos"][0]
        return hashlib.sha256(signer_info["signature"].native).digest()


def prepare_signature(
    pdf: bytes,
    cert_pem: bytes,
    key_pem: bytes,
    *,
    reason: str,
    location: str | None,
    signer_name: str,
    visible: Visible | None,
    room_for_token: bool,
) -> PendingSignature:
    """Sign `pdf` (its byte range digest) with the key; with `room_for_token`, leave
    room for a time-stamp token in the signature."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    pdf_signer, writer, params = pdf_signer_for(
        pdf,
        cert_pem,
        key_pem,
        reason=reason,
        location=location,
        signer_name=signer_name,
        field_name=FIELD_NAME,
        visible=visible,
    )

    async def sign() -> PendingSignature:
        session = pdf_signer.init_signing_session(writer)
        reserved = await session.estimate_signature_container_size(None)
        if room_for_token:
            reserved += 2 * TOKEN_ROOM  # written as hexadecimal: two characters a byte
        tbs = session.prepare_tbs_document(
            validation_info=None, bytes_reserved=reserved, appearance_text_params=params
        )
        prepared, output = tbs.digest_tbs_document()
        signature = await pdf_signer.signer.async_sign(
            prepared.document_digest,
            "sha256",
            use_pades=True,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=session.system_time),
        )
        return PendingSignature(output.getvalue(), prepared, signature, room_for_token)

    try:
        return asyncio.run(sign())
    except (SigningError, PdfError) as exc:
        raise signing_failed(exc) from None


def timestamp_signature(pending: PendingSignature, timestamper: Any) -> bytes:
    """A DER TimeStampToken over the pending signature from `timestamper` (a pyHanko
    TimeStamper; whatever it raises, a failure to reach its service included, goes to
    the caller)."""
    token = asyncio.run(timestamper.async_timestamp(pending.digest, "sha256"))
    return bytes(token.dump())


def complete_signature(pending: PendingSignature, token: bytes | None = None) -> bytes:
    """The signed PDF: the signature written into its room, with `token` as its
    signature time-stamp (PAdES B-T) or without one (B-B)."""
    from asn1crypto import cms

    signature = pending.cms
    if token is not None:
        if not pending.room_for_token:
            raise ValueError("the signature was prepared without room for a time-stamp")
        signature = _with_token(signature, cms.ContentInfo.load(token))
    output = BytesIO(pending.document)
    try:
        pending.prepared.fill_with_cms(output, signature)
    except Exception as exc:  # pyHanko refuses a signature larger than its room
        raise UsageError(
            "export.timestamp_too_large",
            "the intake's time-stamp does not fit in the signature ({detail}); export "
            "without a time-stamp",
            detail=str(exc)[:200],
        ) from None
    return output.getvalue()


def _with_token(signature: Any, token: Any) -> Any:
    from asn1crypto import cms, core

    # Absent optional fields are Void; never ask for .native here (it decodes it all).

    signed = signature["content"]
    info = signed["signer_infos"][0]
    kept = {
        name: info[name]
        for name, *_ in cms.SignerInfo._fields
        if name != "unsigned_attrs" and not isinstance(info[name], core.Void)
    }
    stamped = cms.SignerInfo(
        {
            **kept,
            "unsigned_attrs": cms.CMSAttributes(
                [cms.CMSAttribute({"type": TOKEN_ATTRIBUTE, "values": [token]})]
            ),
        }
    )
    parts = {
        name: signed[name]
        for name, *_ in cms.SignedData._fields
        if name != "signer_infos" and not isinstance(signed[name], core.Void)
    }
    return cms.ContentInfo(
        {
            "content_type": "signed_data",
            "content": cms.SignedData({**parts, "signer_infos": [stamped]}),
        }
    )


def check_crl(der: bytes, ca_cert: x509.Certificate, *, at: datetime | None = None) -> CrlInfo:
    """The organisation's revocation list, once it is the CA's and current at `at`
    (default now): what a statement's validation data may hold."""
    try:
        info = read_crl(der, ca_cert)
    except PkiError as exc:
        raise UsageError(
            "export.bad_crl",
            "the revocation list is not the organisation's ({reason})",
            reason=str(exc),
        ) from None
    moment = at or datetime.now(UTC)
    if not info.this_update <= moment <= info.next_update:
        raise UsageError(
            "export.crl_not_current",
            "the organisation's revocation list is not current (it is for {start} to {end}); "
            "get the current one",
            start=f"{info.this_update:%Y-%m-%d %H:%M}",
            end=f"{info.next_update:%Y-%m-%d %H:%M}",
        )
    return info


def add_validation_data(pdf: bytes, ca_cert: x509.Certificate, crls: Sequence[bytes]) -> bytes:
    """`pdf` (signed, time-stamped) with a DSS appended holding what validates its
    signature and time-stamp offline: the certificates and `crls` (each checked with
    `check_crl`). Refused when the CRLs do not clear the certificates now."""
    from asn1crypto import crl as asn1_crl
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import add_validation_info
    from pyhanko_certvalidator import ValidationContext

    for der in crls:
        check_crl(der, ca_cert)
    context = ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(ca_cert.public_bytes(Encoding.DER))],
        crls=[asn1_crl.CertificateList.load(der) for der in crls],
        allow_fetching=False,
        revocation_mode="hard-fail",
    )
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        signature = reader.embedded_regular_signatures[0]
        out = add_validation_info(signature, context)
    except Exception as exc:  # pyHanko raises several types when a path does not check
        raise UsageError(
            "export.validation_data",
            "the statement's validation data could not be made: the revocation list does not "
            "clear the certificates ({detail})",
            detail=type(exc).__name__,
        ) from None
    data: bytes = out.getvalue()
    return data


@dataclass(frozen=True)
class SignedStatement:
    """statement.pdf as it goes into the bundle, and what the record says of it."""

    pdf: bytes
    signed_sha256: str  # of the file as signed (before validation data was added)
    level: str  # B-B | B-T | B-LT
    timestamp: Timestamp | None
    seconds: float = 0.0  # time spent stamping


def stamp_statement(
    pending: PendingSignature, trust: Trust, timestamper: Any, crls: Sequence[bytes] = ()
) -> SignedStatement:
    """The signature with a time-stamp from `timestamper` (a pyHanko TimeStamper; what it
    raises goes to the caller) and, with `crls` (the organisation's current revocation
    list), the validation data: B-LT, else B-T. The time-stamp is checked with the
    verifier's own check, and the validation data must clear the certificates, so a
    bundle never claims a level its statement does not reach.
    Needs no vault: the desktop runs it on the network worker."""
    t = time.perf_counter()
    token = timestamp_signature(pending, timestamper)
    signed = complete_signature(pending, token)
    # The time-stamped signature, checked as the verifier will (before the validation data
    # goes after it: then the check needs no difference analysis of the whole document).
    check = validate_pdf_signature(
        signed,
        pki.certificate_pem(trust.ca_cert),
        timestamp_certificates=intake_timestamp_certificates(trust),
    )
    if check.level != LEVEL_T or not check.valid or check.problems:
        raise UsageError(
            "export.timestamp_not_trusted",
            "the time-stamped statement does not check ({detail}); export it without a time-stamp",
            detail="; ".join((*check.problems, *check.notes)) or f"only {check.level}",
        )
    signed_sha = hashlib.sha256(signed).hexdigest()
    level = LEVEL_T
    if crls:
        # Refused unless the lists clear the signer's and the time-stamping certificates.
        signed = add_validation_data(signed, trust.ca_cert, crls)
        level = LEVEL_LT
    return SignedStatement(
        signed, signed_sha, level, token_timestamp(token), time.perf_counter() - t
    )


def unstamped_statement(pending: PendingSignature) -> SignedStatement:
    """The signature without a time-stamp (PAdES B-B): offline, or when none could be had."""
    signed = complete_signature(pending)
    return SignedStatement(signed, hashlib.sha256(signed).hexdigest(), LEVEL_B, None)


def token_timestamp(token: bytes) -> Timestamp:
    """What the record says of a token the caller has already checked: its genTime and
    the SHA-256 of the time-stamping certificate inside it."""
    from asn1crypto import cms

    info = cms.ContentInfo.load(token)
    signed = info["content"]
    tst = signed["encap_content_info"]["content"].parsed
    sid = signed["signer_infos"][0]["sid"]
    fingerprint = ""
    for choice in signed["certificates"] or []:
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            serial = str(sid.chosen["serial_number"].native).encode("ascii")
            same = cert.issuer_serial == sid.chosen["issuer"].sha256 + b":" + serial
        else:
            same = cert.key_identifier == sid.chosen.native
        if same:
            fingerprint = hashlib.sha256(cert.dump()).hexdigest()
    return Timestamp(tst["gen_time"].native.astimezone(UTC), fingerprint)


__all__ = [
    "TOKEN_ROOM",
    "PendingSignature",
    "SignedStatement",
    "Timestamp",
    "add_validation_data",
    "check_crl",
    "complete_signature",
    "intake_timestamp_certificates",
    "prepare_signature",
    "stamp_statement",
    "timestamp_signature",
    "token_timestamp",
    "unstamped_statement",
]
