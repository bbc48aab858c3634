"""Time-stamp tokens from the intake's RFC 3161 time-stamping authority: asking for one
over a digest, and checking one.

The intake is the organisation's time-stamping authority (intake/tsa.py, `POST
/v1/timestamp`). A token counts only when its CMS signature verifies with the
time-stamping certificate the trust file lists under the intake member (pinned: the
signer must be that very certificate), that certificate chains to the organisation's CA
for time-stamping at the token's time, and its imprint is the digest the caller knows.

`check_token` checks a token (receipts' tokens: app/sync/receipts.py). Asking the
intake for one is app/sync/stamper.py (`request_token`, and `IntakeTimeStamper`, a
pyHanko `TimeStamper` for signing code that wants the intake's time stamp in a PDF
signature).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.errors import VerificationError
from app.org.trust_format import Trust
from crypto.pki_errors import PkiError
from crypto.validate import Usage, check_chain

PATH = "/v1/timestamp"
QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
# The imprints the intake stamps, by hash and digest length (RFC 3161 leaves the choice
# to the TSA; these are the ones the organisation's signatures use or may move to).
HASH_LENGTHS = {"sha256": 32, "sha384": 48, "sha512": 64}
MAX_TOKEN = 64 * 1024  # a token with its certificate is a few kilobytes


class TimeStampResp(tsp.TimeStampResp):
    """asn1crypto's TimeStampResp with the token optional, as RFC 3161 section 2.4.2 has
    it: a rejection carries a status and no token, which asn1crypto's own schema (token
    required) can neither write nor read."""

    _fields = [  # noqa: RUF012 - asn1crypto's schema attribute
        ("status", tsp.PKIStatusInfo),
        ("time_stamp_token", cms.ContentInfo, {"optional": True}),
    ]


class TokenError(ValueError):
    """A time-stamp token that does not check; the message says which part (never
    anything of the content it stamps)."""


class TokenTimeError(TokenError):
    """A token whose time is not within the window the caller expected."""


@dataclass(frozen=True)
class CheckedToken:
    """What a token that checked says."""

    gen_time: datetime
    algorithm: str  # the imprint's hash
    imprint: bytes
    serial: int
    policy: str
    signer: x509.Certificate


def timestamp_certificates(trust: Trust) -> list[x509.Certificate]:
    """The time-stamping certificates the trust file lists under its intake members."""
    return [m.timestamp_certificate for m in trust.by_role("intake") if m.timestamp_certificate]


def _parse(token: bytes) -> tuple[cms.SignedData, tsp.TSTInfo]:
    if not token or len(token) > MAX_TOKEN:
        raise TokenError("it is empty or far larger than a time-stamp token")
    try:
        info = cms.ContentInfo.load(token, strict=True)
        if info["content_type"].native != "signed_data":
            raise TokenError("it is not CMS signed data")
        signed = info["content"]
        encap = signed["encap_content_info"]
        if encap["content_type"].native != "tst_info":
            raise TokenError("it does not hold time-stamp information")
        tst = encap["content"].parsed
        if not isinstance(tst, tsp.TSTInfo):
            raise TokenError("it does not hold time-stamp information")
        _ = tst.native  # parse every field now: odd input fails here, not later
        _ = signed["signer_infos"].native
    except TokenError:
        raise
    except Exception:  # asn1crypto raises many types on malformed input
        raise TokenError("it is not a time-stamp token") from None
    return signed, tst


def _pinned_signer(signed: cms.SignedData, trust: Trust) -> tuple[cms.SignerInfo, x509.Certificate]:
    infos = list(signed["signer_infos"])
    if len(infos) != 1:
        raise TokenError("it must have exactly one signer")
    signer_info = infos[0]
    sid = signer_info["sid"]
    for cert in timestamp_certificates(trust):
        candidate = asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
        if sid.name == "issuer_and_serial_number":
            same = (
                sid.chosen["issuer"] == candidate.issuer
                and sid.chosen["serial_number"].native == candidate.serial_number
            )
        else:
            same = sid.chosen.native == candidate.key_identifier
        if same:
            return signer_info, cert
    if not timestamp_certificates(trust):
        raise TokenError("the trust file lists no time-stamping certificate for the intake")
    raise TokenError("it is not signed by the intake's time-stamping certificate")


def _content_digest(signer_info: cms.SignerInfo, content: bytes) -> bytes:
    name = signer_info["digest_algorithm"]["algorithm"].native
    if name not in HASH_LENGTHS:
        raise TokenError(f"its signature uses the digest {name}, which is not accepted")
    return hashlib.new(name, content).digest()


def check_token(
    token: bytes,
    trust: Trust,
    *,
    digest: bytes | None = None,
    algorithm: str = "sha256",
    within: tuple[datetime, timedelta] | None = None,
) -> CheckedToken:
    """What `token` (a DER TimeStampToken) says, once its signature verifies with the
    trust file's intake time-stamping certificate, that certificate may stamp time for
    the organisation's CA at the token's time, (with `digest`) its imprint is `digest`
    under `algorithm`, and (with `within`, a moment and a tolerance) its time is that
    close to the moment. Raises TokenError (TokenTimeError for the time) otherwise."""
    # pyHanko is imported here, not at the top: app.sync.receipts (and so every sync
    # pass, and the desktop app's start) need not load it until a token is checked.
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.generic_cms import validate_sig_integrity

    signed, tst = _parse(token)
    signer_info, cert = _pinned_signer(signed, trust)
    content = bytes(signed["encap_content_info"]["content"])
    try:
        intact, valid = validate_sig_integrity(
            signer_info,
            asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER)),
            "tst_info",
            _content_digest(signer_info, content),
        )
    except (SignatureValidationError, ValueError, KeyError, TypeError):
        intact = valid = False
    if not (intact and valid):
        raise TokenError("its signature does not verify")
    gen_time = tst["gen_time"].native
    if not isinstance(gen_time, datetime) or gen_time.utcoffset() is None:
        raise TokenError("its time is not a UTC time")
    gen_time = gen_time.astimezone(UTC)
    # Before the chain: a time far from the expected one is the clearer reason.
    if within is not None and abs(gen_time - within[0]) > within[1]:
        raise TokenTimeError("its time is too far from the time expected")
    try:
        check_chain(cert, trust.ca_cert, usage=Usage.TIMESTAMPING, at=gen_time)
    except PkiError as exc:
        raise TokenError(f"its signer may not stamp time: {exc}") from None
    imprint = tst["message_imprint"]
    used = imprint["hash_algorithm"]["algorithm"].native
    hashed = imprint["hashed_message"].native
    if used not in HASH_LENGTHS or len(hashed) != HASH_LENGTHS[used]:
        raise TokenError("its imprint is not a SHA-2 digest of the right length")
    if digest is not None and (used != algorithm or hashed != digest):
        raise TokenError("it stamps another digest than the one expected")
    return CheckedToken(
        gen_time=gen_time,
        algorithm=used,
        imprint=hashed,
        serial=int(tst["serial_number"].native),
        policy=str(tst["policy"].dotted),
        signer=cert,
    )


def bad_timestamp(detail: str) -> VerificationError:
    return VerificationError(
        "sync.bad_timestamp",
        "the intake's time stamp did not check ({detail})",
        detail=detail,
    )


__all__ = [
    "HASH_LENGTHS",
    "PATH",
    "QUERY_TYPE",
    "REPLY_TYPE",
    "CheckedToken",
    "TimeStampResp",
    "TokenError",
    "TokenTimeError",
    "bad_timestamp",
    "check_token",
    "timestamp_certificates",
]
