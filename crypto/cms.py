"""Detached CMS (PKCS#7) signatures: make them, and verify them properly.

A signature is DER SignedData with no embedded content, one signer, the signer's
certificate included, SHA-256, ECDSA, and the signed attributes content-type (id-data),
message-digest, signing-time and ESS signing-certificate-v2 (RFC 5035: a SHA-256 hash
of the signer's certificate, so the certificate cannot be swapped for another with the
same key): the shape `openssl cms -sign -binary` makes and `openssl cms -verify`
checks. Verification is done here step by step (not by trusting a library's all-in-one
call) so each failure can be named for the person reading it, and so that no input,
however malformed, raises anything but `CmsError`. Whether the signer's certificate
may sign is `crypto.validate.check_chain`'s to say, for the `Usage` the caller names.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import cms as asn1_cms

# asn1crypto.tsp adds attribute names (e.g. signing_certificate_v2, used here and by
# pyHanko) to CMSAttributeType's map, but the reverse map is built once on first use:
# importing tsp before any parsing keeps both maps consistent whatever is imported later.
from asn1crypto import tsp as asn1_tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding

from crypto import pki
from crypto.pki_errors import ChainError, CmsError, ValidityError
from crypto.validate import NOT_ISSUED, NotAllowedError, Usage, check_chain

MAX_SIGNATURE = 1024 * 1024  # a signature with one certificate is a few kilobytes
# ecdsa-with-SHA256, or plain id-ecPublicKey which some signers put here with SHA-256.
_SIGNATURE_ALGORITHMS = {"sha256_ecdsa", "ecdsa"}

NOT_CMS = "this is not a CMS signature"
MISMATCH = "the signature does not match the content"
UNTRUSTED = "the signer's certificate was not issued by the organisation's CA"
OTHER_CERTIFICATE = "the signature names a different signing certificate than the one it carries"
# What each usage lets a signer do, for "the signer's certificate is not allowed to ...".
_ALLOWED_TO = {
    Usage.DOCUMENT_SIGNING: "sign documents",
    Usage.TRUST_LIST: "sign the organisation's trust list",
}
# Hashes an ESSCertIDv2 may name the certificate by (RFC 5035 allows any; these are
# the ones a conforming signer uses). ESSCertID (version 1) is always SHA-1.
_ESS_HASHES = {"sha256", "sha384", "sha512"}
# RFC 5652 section 11.3: signing-time before 2050 is UTCTime, from 2050 GeneralizedTime.
_UTC_TIME_UNTIL = 2050


def sign_detached(
    data: bytes,
    cert: x509.Certificate,
    key: ec.EllipticCurvePrivateKey,
    *,
    signed_at: datetime | None = None,
) -> bytes:
    """A detached DER CMS signature of `data` by `key`, carrying `cert`.

    Built with asn1crypto because cryptography's PKCS7 builder cannot add the ESS
    signing-certificate-v2 attribute; otherwise the shape is the one that builder made
    (SignedData version 1, issuerAndSerialNumber, no encapsulated content, SHA-256,
    ecdsa-with-SHA256, no S/MIME capabilities), so older verifiers read it unchanged.
    """
    pki.check_key_matches(cert, key)
    cert_der = cert.public_bytes(Encoding.DER)
    signer_cert = asn1_x509.Certificate.load(cert_der)
    # The signing-time attribute (now, unless the caller states when it signs).
    now = (signed_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    time_kind = "utc_time" if now.year < _UTC_TIME_UNTIL else "generalized_time"
    ess_id = asn1_tsp.ESSCertIDv2(
        {
            # hashAlgorithm left out: its DEFAULT is SHA-256 (RFC 5035 section 4), and
            # DER omits a default value.
            "cert_hash": hashlib.sha256(cert_der).digest(),
            "issuer_serial": {
                "issuer": [asn1_x509.GeneralName({"directory_name": signer_cert.issuer})],
                "serial_number": signer_cert.serial_number,
            },
        }
    )
    signed_attrs = asn1_cms.CMSAttributes(
        [
            {"type": "content_type", "values": ["data"]},
            {"type": "signing_time", "values": [asn1_cms.Time({time_kind: now})]},
            {"type": "message_digest", "values": [hashlib.sha256(bytes(data)).digest()]},
            {
                "type": "signing_certificate_v2",
                "values": [asn1_tsp.SigningCertificateV2({"certs": [ess_id]})],
            },
        ]
    )
    # The signature covers the attributes DER-encoded as a SET OF (RFC 5652 section
    # 5.4); asn1crypto sorts a SET OF's members as DER requires.
    signature = key.sign(signed_attrs.dump(), ec.ECDSA(hashes.SHA256()))
    digest_algorithm = {"algorithm": "sha256"}  # asn1crypto writes NULL parameters
    signer_info = asn1_cms.SignerInfo(
        {
            "version": "v1",
            "sid": asn1_cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": {
                        "issuer": signer_cert.issuer,
                        "serial_number": signer_cert.serial_number,
                    }
                }
            ),
            "digest_algorithm": digest_algorithm,
            "signed_attrs": signed_attrs,
            "signature_algorithm": {"algorithm": "sha256_ecdsa"},
            "signature": signature,
        }
    )
    signed_data = asn1_cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [digest_algorithm],
            # Detached: the content type only, no content.
            "encap_content_info": {"content_type": "data"},
            "certificates": [asn1_cms.CertificateChoices("certificate", signer_cert)],
            "signer_infos": [signer_info],
        }
    )
    return asn1_cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump()


@dataclass(frozen=True)
class _EssCertId:
    """The signing certificate a signature names in its ESS attribute."""

    hash_name: str  # hashlib's name
    cert_hash: bytes
    issuer_der: bytes | None  # the one directoryName of issuerSerial, when present
    serial_number: int | None


@dataclass(frozen=True)
class _Parsed:
    certificate: x509.Certificate
    certificate_der: bytes
    issuer_der: bytes  # the certificate's issuer name as encoded in it
    signed_attrs_der: bytes
    signature: bytes
    message_digest: bytes
    signing_certificates: tuple[_EssCertId, ...]
    signing_time: datetime | None = None  # the signed attribute, when present


def verify_detached(
    signature_der: bytes,
    data: bytes,
    ca_cert: x509.Certificate,
    *,
    at: datetime | None = None,
    usage: Usage = Usage.DOCUMENT_SIGNING,
) -> x509.Certificate:
    """Verify a detached signature of `data`; return the signer's certificate.

    The signer's certificate must be issued directly by `ca_cert`, allowed for `usage`
    and valid at `at` (default: now), or be `ca_cert` itself (version 1 trust files
    are signed by the CA). Raises `CmsError` naming what failed.
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
    _check_signing_certificates(parsed)
    _check_signer(parsed.certificate, ca_cert, at, usage)
    return parsed.certificate


def claimed_signing_time(signature_der: bytes) -> datetime | None:
    """The signing-time attribute a signature carries (UTC), NOT verified: the time to
    check the signer's certificate at, which `verify_detached` then proves the signer
    signed (it is one of the signed attributes). None when absent or unreadable."""
    try:
        return _parse(signature_der).signing_time
    except CmsError:
        return None


def signature_moment(signature_der: bytes, now: datetime | None = None) -> datetime | None:
    """When to check a detached signature's certificate, as DECISIONS says: at the
    signing time it states, never later than `now` (a claimed future is now); None when
    it states none (check at now). A certificate that has expired since still verifies
    what it signed while valid; revocation is the trust file's to say (a revoked member
    is removed from it)."""
    claimed = claimed_signing_time(signature_der)
    if claimed is None:
        return None
    current = (now or datetime.now(UTC)).astimezone(UTC)
    return min(claimed, current)


def signer_certificate(signature_der: bytes) -> x509.Certificate:
    """The certificate a signature carries, NOT verified: only for deciding how to
    verify it (e.g. which usage to require). Raises `CmsError` if it cannot be read."""
    return _parse(signature_der).certificate


def _check_signing_certificates(parsed: _Parsed) -> None:
    """An ESS signing-certificate(-v2) attribute, when present, names the certificate
    carried: its first ESSCertID (RFC 5035 section 5.4) hashes to it and, when it gives
    issuerSerial, names its issuer and serial number. Signatures from before the
    attribute was added lack it, and that is accepted."""
    for ess in parsed.signing_certificates:
        if ess.hash_name not in _ESS_HASHES | {"sha1"}:
            raise CmsError(
                "the signature names its signing certificate by an unsupported hash",
                "unsupported",
            )
        actual = hashlib.new(ess.hash_name, parsed.certificate_der).digest()
        same = hmac.compare_digest(actual, ess.cert_hash)
        if ess.serial_number is not None:
            same = (
                same
                and ess.serial_number == parsed.certificate.serial_number
                and ess.issuer_der == parsed.issuer_der
            )
        if not same:
            raise CmsError(OTHER_CERTIFICATE, "mismatch")


def _check_signer(
    cert: x509.Certificate, ca_cert: x509.Certificate, at: datetime | None, usage: Usage
) -> None:
    if not pki.is_ca(ca_cert):
        raise CmsError("the certificate given as the organisation's CA is not a CA", "untrusted")
    if cert.public_bytes(Encoding.DER) == ca_cert.public_bytes(Encoding.DER):
        # The CA's own signature: check_chain refuses the CA as a signer, but version 1
        # trust files were signed by the CA itself and must still load. Nothing else
        # may be signed by the CA key. The trust anchor needs no chain, only a valid
        # period and a key usage that signs.
        if usage is not Usage.TRUST_LIST:
            raise CmsError("the organisation's CA certificate cannot sign documents", "untrusted")
        _check_ca_as_signer(ca_cert, at)
        return
    try:
        check_chain(cert, ca_cert, usage=usage, at=at)
    except ValidityError as exc:
        whose = "the organisation's CA certificate" if exc.of_ca else "the signer's certificate"
        if exc.expired:
            raise CmsError(f"{whose} has expired", "expired") from None
        raise CmsError(f"{whose} is not valid yet", "not-yet-valid") from None
    except NotAllowedError as exc:
        allowed_to = _ALLOWED_TO.get(usage, f"be used for {usage.value}")
        raise CmsError(
            f"the signer's certificate is not allowed to {allowed_to} (it lacks {exc.lacks})",
            "untrusted",
        ) from None
    except ChainError as exc:
        message = str(exc)
        if message == NOT_ISSUED:
            raise CmsError(UNTRUSTED, "untrusted") from None
        # check_chain's sentences speak of "the certificate"; here it is the signer's.
        prefix = "the certificate "
        if message.startswith(prefix):
            message = "the signer's certificate " + message[len(prefix) :]
        raise CmsError(message, "untrusted") from None


def _check_ca_as_signer(ca_cert: x509.Certificate, at: datetime | None) -> None:
    if at is not None and at.utcoffset() is None:
        raise ValueError("times given to the PKI must be timezone-aware")
    when = datetime.now(UTC) if at is None else at.astimezone(UTC)
    if when < ca_cert.not_valid_before_utc:
        raise CmsError("the organisation's CA certificate is not valid yet", "not-yet-valid")
    if when > ca_cert.not_valid_after_utc:
        raise CmsError("the organisation's CA certificate has expired", "expired")
    try:
        usable = pki.can_sign_documents(ca_cert)
    except ValueError:
        usable = False
    if not usable:
        raise CmsError("the organisation's CA certificate is not allowed to sign", "untrusted")


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
    carried = _signer_certificate(signed, signer)
    certificate_der = bytes(carried.dump())
    signing_time = values.get("signing_time")
    return _Parsed(
        certificate=x509.load_der_x509_certificate(certificate_der),
        certificate_der=certificate_der,
        issuer_der=bytes(carried.issuer.dump()),
        # The signature covers the attributes as a DER SET OF (tag 0x31), not as the
        # [0] IMPLICIT field they are stored in (RFC 5652 section 5.4).
        signed_attrs_der=b"\x31" + encoded[1:],
        signature=signer["signature"].native,
        message_digest=digest,
        signing_certificates=tuple(_ess_cert_ids(attrs)),
        signing_time=signing_time.astimezone(UTC)
        if isinstance(signing_time, datetime) and signing_time.utcoffset() is not None
        else None,
    )


def _ess_cert_ids(attrs: asn1_cms.CMSAttributes) -> list[_EssCertId]:
    """The first ESSCertID of each signing-certificate attribute (version 1 and 2);
    the first names the signer's own certificate, any others its chain."""
    found = []
    for attr in attrs:
        name = attr["type"].native
        if name not in ("signing_certificate", "signing_certificate_v2"):
            continue
        first = attr["values"][0]["certs"][0]
        hash_name = (
            first["hash_algorithm"]["algorithm"].native
            if name == "signing_certificate_v2"
            else "sha1"
        )
        issuer_serial = first["issuer_serial"]
        issuer_der: bytes | None = None
        serial: int | None = None
        if issuer_serial.native is not None:
            names = issuer_serial["issuer"]
            # RFC 5035: the issuer is named as one directoryName; anything else does
            # not name this certificate's issuer.
            if len(names) == 1 and names[0].name == "directory_name":
                issuer_der = names[0].chosen.untag().dump()
            serial = issuer_serial["serial_number"].native
        found.append(_EssCertId(hash_name, first["cert_hash"].native, issuer_der, serial))
    return found


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
) -> asn1_x509.Certificate:
    """The carried certificate the signer identifier names."""
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
            return cert
    raise CmsError("the signature does not include the signer's certificate", "unsupported")
