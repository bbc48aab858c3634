"""Detached CMS (PKCS#7) signatures: make them, and verify them properly.

A signature is DER SignedData with no embedded content, one signer, the signer's
certificate included, SHA-256, ECDSA, and the signed attributes content-type (id-data),
message-digest and signing-time: the shape `openssl cms -sign -binary` makes and
`openssl cms -verify` checks. Verification is done here step by step (not by trusting a
library's all-in-one call) so each failure can be named for the person reading it, and
so that no input, however malformed, raises anything but `CmsError`.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms as asn1_cms
from asn1crypto import tsp as _tsp  # noqa: F401

# asn1crypto.tsp adds attribute names (e.g. signing_certificate_v2, used by pyHanko) to
# CMSAttributeType's map, but the reverse map is built once on first use: importing tsp
# before any parsing keeps both maps consistent whatever is imported later.
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from crypto import pki
from crypto.pki_errors import ChainError, CmsError, ValidityError

MAX_SIGNATURE = 1024 * 1024  # a signature with one certificate is a few kilobytes
# ecdsa-with-SHA256, or plain id-ecPublicKey which some signers put here with SHA-256.
_SIGNATURE_ALGORITHMS = {"sha256_ecdsa", "ecdsa"}

NOT_CMS = "this is not a CMS signature"
MISMATCH = "the signature does not match the content"
UNTRUSTED = "the signer's certificate was not issued by the organisation's CA"


def sign_detached(data: bytes, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> bytes:
    """A detached DER CMS signature of `data` by `key`, carrying `cert`."""
    pki.check_key_matches(cert, key)
    options = [
        pkcs7.PKCS7Options.DetachedSignature,
        # Binary: sign the bytes as they are, with no MIME line-ending translation.
        pkcs7.PKCS7Options.Binary,
        pkcs7.PKCS7Options.NoCapabilities,
    ]
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(bytes(data))
        .add_signer(cert, key, hashes.SHA256())
        .sign(Encoding.DER, options)
    )


@dataclass(frozen=True)
class _Parsed:
    certificate: x509.Certificate
    signed_attrs_der: bytes
    signature: bytes
    message_digest: bytes


def verify_detached(
    signature_der: bytes, data: bytes, ca_cert: x509.Certificate, *, at: datetime | None = None
) -> x509.Certificate:
    """Verify a detached signature of `data`; return the signer's certificate.

    The signer's certificate must be issued by `ca_cert` (or be `ca_cert` itself) and
    be valid at `at` (default: now). Raises `CmsError` naming what failed.
    """
    parsed = _parse(signature_der)
    if not hmac.compare_digest(hashlib.sha256(bytes(data)).digest(), parsed.message_digest):
        raise CmsError(MISMATCH, "mismatch")
    try:
        public_key = parsed.certificate.public_key()
    except (ValueError, UnsupportedAlgorithm):
        raise CmsError("the signer's key is of an unsupported type", "unsupported") from None
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise CmsError("only ECDSA signatures are supported", "unsupported")
    try:
        public_key.verify(parsed.signature, parsed.signed_attrs_der, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        raise CmsError(MISMATCH, "mismatch") from None
    _check_signer(parsed.certificate, ca_cert, at)
    return parsed.certificate


def _check_signer(cert: x509.Certificate, ca_cert: x509.Certificate, at: datetime | None) -> None:
    if not pki.is_ca(ca_cert):
        raise CmsError("the certificate given as the organisation's CA is not a CA", "untrusted")
    try:
        pki.check_issued_by(cert, ca_cert, at=at)
    except ValidityError as exc:
        whose = "the organisation's CA certificate" if exc.of_ca else "the signer's certificate"
        if exc.expired:
            raise CmsError(f"{whose} has expired", "expired") from None
        raise CmsError(f"{whose} is not valid yet", "not-yet-valid") from None
    except ChainError:
        raise CmsError(UNTRUSTED, "untrusted") from None
    try:
        usable = pki.can_sign_documents(cert)
    except ValueError:
        usable = False
    if not usable:
        raise CmsError("the signer's certificate is not allowed to sign documents", "untrusted")


def _parse(signature_der: bytes) -> _Parsed:
    """Every field verification needs, or CmsError: asn1crypto parses lazily, so all
    access to the structure happens here, under one guard."""
    try:
        der = bytes(signature_der)
    except (TypeError, ValueError):
        raise CmsError(NOT_CMS, "not-cms") from None
    if not der or len(der) > MAX_SIGNATURE:
        raise CmsError(NOT_CMS, "not-cms")
    try:
        return _parse_structure(der)
    except CmsError:
        raise
    except Exception:
        # asn1crypto raises ValueError, TypeError, KeyError, IndexError and its own
        # errors on malformed input; all of them mean the same thing to a person.
        raise CmsError(NOT_CMS, "not-cms") from None


def _parse_structure(der: bytes) -> _Parsed:
    info = asn1_cms.ContentInfo.load(der, strict=True)
    if info["content_type"].native != "signed_data":
        raise CmsError(NOT_CMS, "not-cms")
    signed = info["content"]
    # Fields outside the signed attributes are not covered by the signature: hold them
    # to the one shape a conforming signer makes, so an altered copy is refused.
    if not all(_is_sha256(alg) for alg in signed["digest_algorithms"]):
        raise CmsError("the signature uses a digest other than SHA-256", "unsupported")
    encap = signed["encap_content_info"]
    if encap["content_type"].native != "data":
        raise CmsError("the signature is not over plain data", "unsupported")
    if encap["content"].native is not None:
        raise CmsError("the signature is not detached: it carries its own content", "unsupported")
    signers = signed["signer_infos"]
    if len(signers) != 1:
        raise CmsError("the signature must have exactly one signer", "unsupported")
    signer = signers[0]
    # RFC 5652 5.1/5.3: version 1 with issuerAndSerialNumber, 3 with a key identifier.
    expected_version = "v1" if signer["sid"].name == "issuer_and_serial_number" else "v3"
    if signer["version"].native != expected_version or signed["version"].native != expected_version:
        raise CmsError(NOT_CMS, "not-cms")
    if not _is_sha256(signer["digest_algorithm"]):
        raise CmsError("the signature uses a digest other than SHA-256", "unsupported")
    if signer["signature_algorithm"]["algorithm"].native not in _SIGNATURE_ALGORITHMS:
        raise CmsError("only ECDSA with SHA-256 signatures are supported", "unsupported")
    attrs = signer["signed_attrs"]
    if attrs.native is None or len(attrs) == 0:
        raise CmsError("the signature has no signed attributes", "unsupported")
    values = _single_valued(attrs)
    if values.get("content_type") != "data":
        raise CmsError("the signature is not over plain data", "unsupported")
    digest = values.get("message_digest")
    if not isinstance(digest, bytes):
        raise CmsError(NOT_CMS, "not-cms")
    encoded = attrs.dump()
    if encoded[:1] != b"\xa0":
        raise CmsError(NOT_CMS, "not-cms")
    return _Parsed(
        certificate=_signer_certificate(signed, signer),
        # The signature covers the attributes as a DER SET OF (tag 0x31), not as the
        # [0] IMPLICIT field they are stored in (RFC 5652 section 5.4).
        signed_attrs_der=b"\x31" + encoded[1:],
        signature=signer["signature"].native,
        message_digest=digest,
    )


def _is_sha256(algorithm: asn1_cms.DigestAlgorithm) -> bool:
    # Parameters absent or NULL; anything else is not what a signer writes.
    return algorithm["algorithm"].native == "sha256" and algorithm["parameters"].dump() in (
        b"",
        b"\x05\x00",
    )


def _single_valued(attrs: asn1_cms.CMSAttributes) -> dict[str, object]:
    """Signed attributes by name; each may appear once, with exactly one value."""
    found: dict[str, object] = {}
    for attr in attrs:
        name = attr["type"].native
        values = attr["values"]
        if name in found or len(values) != 1:
            raise CmsError(NOT_CMS, "not-cms")
        found[name] = values[0].native
    return found


def _signer_certificate(
    signed: asn1_cms.SignedData, signer: asn1_cms.SignerInfo
) -> x509.Certificate:
    sid = signer["sid"]
    certificates = signed["certificates"]
    candidates = (
        []
        if certificates.native is None
        else [c.chosen for c in certificates if c.name == "certificate"]
    )
    for cert in candidates:
        if sid.name == "issuer_and_serial_number":
            ias = sid.chosen
            # Byte equality, not asn1crypto's case-folding name comparison.
            match = (
                cert.issuer.dump() == ias["issuer"].dump()
                and cert.serial_number == ias["serial_number"].native
            )
        else:
            match = cert.key_identifier == sid.chosen.native
        if match:
            # A non-positive serial (RFC 5280 4.1.2.2) or unused bits in the signature
            # (which cryptography ignores) mean an altered certificate.
            if cert.serial_number <= 0 or cert["signature_value"].contents[:1] != b"\x00":
                raise CmsError(NOT_CMS, "not-cms")
            return x509.load_der_x509_certificate(cert.dump())
    raise CmsError("the signature does not include the signer's certificate", "unsupported")
