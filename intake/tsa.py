"""The intake as the organisation's RFC 3161 time-stamping authority.

`TimeStampingAuthority` answers a DER TimeStampReq with a DER TimeStampResp, signed with
the intake's time-stamping pair (`identity.timestamp`: a certificate issued by `org
init` with the critical extended key usage timeStamping alone). It serves `POST
/v1/timestamp` (intake/server.py) and stamps the manifest (decision) hash every receipt
carries (intake/accept.py).

Built from pyHanko's and asn1crypto's parts, never by hand: asn1crypto's `tsp` parses
the query and describes TSTInfo and the response; pyHanko's `SimpleSigner` makes the
SignedData around the TSTInfo (the shape its own `DummyTimeStamper` makes: version 3,
encapsulated `id-ct-TSTInfo`, signed attributes content-type, message-digest,
ESS signing-certificate-v2 and CMS algorithm protection; here ECDSA P-256 with SHA-256).

What a token says (RFC 3161 section 2.4.2):

- policy `POLICY_OID`, the organisation's own time-stamp policy (a UUID as an OID under
  2.25, ITU-T X.667): "genTime is the intake server's UTC clock when it answered";
- a random 128-bit serial number; genTime in whole seconds, accuracy 1 second; not
  ordered; the request's nonce, echoed; `tsa` names the certificate's subject;
- the TSA certificate inside the token only when the request sets certReq (the tokens
  receipts carry always hold it, so the CA alone verifies them).

Only SHA-256, SHA-384 and SHA-512 imprints of their digest's length are stamped. Any
other request is answered with a TimeStampResp of status rejection and the failure
bit RFC 3161 names (badAlg, badDataFormat, unacceptedPolicy, unacceptedExtension,
badRequest), never an HTTP error: the reply is the answer.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from asn1crypto import algos, cms, core, keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
)
from pyhanko.sign.signers.pdf_cms import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.sync.timestamps import HASH_LENGTHS, QUERY_TYPE, REPLY_TYPE, TimeStampResp
from crypto import pki

LOG = logging.getLogger("quietroom.intake")

# The organisation's time-stamp policy: uuid db7b6943-9a61-4908-b636-9310608632d2 as an
# OID under 2.25 (X.667), so no registration is needed and it names nothing else.
# docs/sync-protocol.md ("Time stamps") documents it.
POLICY_OID = "2.25.291741718599569934055794935628252459730"
ACCURACY_SECONDS = 1
MAX_QUERY_BYTES = 8 * 1024  # a query is under 200 bytes; past 8 KiB it is refused (413)
SERIAL_BITS = 128
SIGNATURE_DIGEST = "sha256"  # the CMS signature's own hash (P-256's)

Clock = Callable[[], datetime]
_SHA256 = re.compile(r"[0-9a-f]{64}")


class Rejected(Exception):
    """A query the TSA will not stamp: the RFC 3161 failure bit, and a sentence for
    the reply's statusString."""

    def __init__(self, fail_info: str, text: str) -> None:
        super().__init__(text)
        self.fail_info = fail_info
        self.text = text


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Stamp:
    """A token over an item's manifest.json (decision.json), as a receipt carries it and
    the stored row keeps it (its `verification` JSON, key `timestamp`)."""

    imprint_sha256: str
    token: bytes

    def to_json(self) -> dict[str, str]:
        return {
            "imprint_sha256": self.imprint_sha256,
            "token": base64.b64encode(self.token).decode("ascii"),
        }

    @classmethod
    def from_json(cls, value: Any) -> Stamp | None:
        """The stamp a stored row keeps, or None (none kept, or not one)."""
        if not isinstance(value, dict):
            return None
        imprint, token = value.get("imprint_sha256"), value.get("token")
        if not isinstance(imprint, str) or not _SHA256.fullmatch(imprint):
            return None
        if not isinstance(token, str):
            return None
        try:
            return cls(imprint, base64.b64decode(token, validate=True))
        except (binascii.Error, ValueError):
            return None


def _query(data: bytes) -> tsp.TimeStampReq:
    """The parsed query, every field read now, or Rejected."""
    if not data:
        raise Rejected("bad_data_format", "the request is empty")
    try:
        req = tsp.TimeStampReq.load(data, strict=True)
        _ = req.native  # asn1crypto parses lazily: make a malformed field fail here
    except Exception:  # asn1crypto raises many types on malformed input
        raise Rejected("bad_data_format", "the request is not a DER TimeStampReq") from None
    if req["version"].native != "v1":
        raise Rejected("bad_request", "only version 1 requests are answered")
    algorithm = req["message_imprint"]["hash_algorithm"]
    name = algorithm["algorithm"].native
    if name not in HASH_LENGTHS:
        raise Rejected("bad_alg", "only SHA-256, SHA-384 and SHA-512 imprints are stamped")
    if algorithm["parameters"].native is not None:
        raise Rejected("bad_alg", "the imprint's hash algorithm must carry no parameters")
    if len(req["message_imprint"]["hashed_message"].native) != HASH_LENGTHS[name]:
        raise Rejected("bad_data_format", f"a {name} imprint must be {HASH_LENGTHS[name]} bytes")
    policy = req["req_policy"].native
    if policy is not None and req["req_policy"].dotted != POLICY_OID:
        raise Rejected("unaccepted_policy", f"this TSA stamps under policy {POLICY_OID} only")
    if req["extensions"].native:
        raise Rejected("unaccepted_extensions", "this TSA takes no request extensions")
    return req


def rejection(fail_info: str, text: str) -> bytes:
    """A TimeStampResp refusing the request (status rejection)."""
    status = tsp.PKIStatusInfo(
        {
            "status": "rejection",
            "status_string": [text],
            "fail_info": tsp.PKIFailureInfo({fail_info}),
        }
    )
    return bytes(TimeStampResp({"status": status}).dump())


class TimeStampingAuthority:
    """The intake's time-stamping service, for one certificate and key."""

    def __init__(
        self,
        cert: x509.Certificate,
        key: ec.EllipticCurvePrivateKey,
        *,
        clock: Clock = utc_now,
    ) -> None:
        pki.check_key_matches(cert, key)
        self.cert = cert
        self._asn1_cert = asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
        self.clock = clock
        # pyHanko's signer takes the key as PKCS#8 DER; it stays in this process's memory.
        der = key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
        self._signer = SimpleSigner(
            signing_cert=self._asn1_cert,
            signing_key=keys.PrivateKeyInfo.load(der),
            cert_registry=SimpleCertificateStore(),
        )

    async def reply(self, query: bytes) -> bytes:
        """The DER TimeStampResp for a DER TimeStampReq: granted with a token, or a
        rejection; never an exception for what a caller sent."""
        try:
            req = _query(query)
        except Rejected as refused:
            return rejection(refused.fail_info, refused.text)
        imprint = req["message_imprint"]
        token = await self._token(
            imprint,
            nonce=req["nonce"].native,
            cert_req=bool(req["cert_req"].native),
        )
        status = tsp.PKIStatusInfo({"status": "granted"})
        return bytes(TimeStampResp({"status": status, "time_stamp_token": token}).dump())

    async def stamp(self, digest: bytes, algorithm: str = "sha256") -> bytes:
        """A DER TimeStampToken over `digest` (the intake's own use: receipts), holding
        the TSA certificate."""
        if algorithm not in HASH_LENGTHS or len(digest) != HASH_LENGTHS[algorithm]:
            raise ValueError(f"a {algorithm} digest of the right length is needed")
        imprint = tsp.MessageImprint(
            {
                "hash_algorithm": algos.DigestAlgorithm({"algorithm": algorithm}),
                "hashed_message": digest,
            }
        )
        token = await self._token(imprint, nonce=None, cert_req=True)
        return bytes(token.dump())

    async def stamp_sha256(self, sha256_hex: str) -> Stamp:
        """The Stamp over a SHA-256 given in hex (a manifest's, a decision's)."""
        return Stamp(sha256_hex, await self.stamp(bytes.fromhex(sha256_hex)))

    async def _token(
        self, imprint: tsp.MessageImprint, *, nonce: int | None, cert_req: bool
    ) -> cms.ContentInfo:
        gen_time = self.clock().astimezone(UTC).replace(microsecond=0)
        fields: dict[str, object] = {
            "version": "v1",
            "policy": POLICY_OID,
            # The request's own imprint, unchanged: RFC 3161 asks for the same value.
            "message_imprint": imprint,
            "serial_number": secrets.randbits(SERIAL_BITS) or 1,
            "gen_time": core.GeneralizedTime(gen_time),
            "accuracy": tsp.Accuracy({"seconds": ACCURACY_SECONDS}),
            "tsa": asn1_x509.GeneralName(name="directory_name", value=self._asn1_cert.subject),
        }
        if nonce is not None:
            fields["nonce"] = nonce
        tst_info = tsp.TSTInfo(fields)
        signed = await self._signer.async_sign_general_data(
            cms.EncapsulatedContentInfo(
                {
                    "content_type": "tst_info",
                    "content": cms.ParsableOctetString(tst_info.dump()),
                }
            ),
            SIGNATURE_DIGEST,
            detached=False,
        )
        if cert_req:
            return signed
        # certReq false: RFC 3161 says the certificate MUST NOT be included. It is
        # outside what is signed, so leaving the field out keeps the signature valid.
        data = signed["content"]
        without = cms.SignedData(
            {
                "version": data["version"],
                "digest_algorithms": data["digest_algorithms"],
                "encap_content_info": data["encap_content_info"],
                "signer_infos": data["signer_infos"],
            }
        )
        return cms.ContentInfo({"content_type": "signed_data", "content": without})


__all__ = [
    "ACCURACY_SECONDS",
    "MAX_QUERY_BYTES",
    "POLICY_OID",
    "QUERY_TYPE",
    "REPLY_TYPE",
    "Rejected",
    "Stamp",
    "TimeStampingAuthority",
    "authority_for",
    "rejection",
]


def authority_for(
    pair: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None,
) -> TimeStampingAuthority | None:
    """The TSA for the identity's time-stamping pair (None for an intake without one)."""
    if pair is None:
        return None
    return TimeStampingAuthority(pair[0], pair[1])
