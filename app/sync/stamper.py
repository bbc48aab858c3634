"""Asking the intake's time-stamping authority for a token over a digest.

`request_token` asks over the member's mutual-TLS connection (app/sync/client.py) for
an RFC 3161 token over the digest of some bytes and hands it out only once it checks
(`app.sync.timestamps.check_token`: signed by the trust file's intake time-stamping
certificate, over that digest, with the nonce asked for). `IntakeTimeStamper` is the
same as a pyHanko `TimeStamper`, to give to pyHanko's PDF signer (`timestamper=`) so a
signature gets the intake's time stamp. The request itself is pyHanko's
(`TimeStamper.request_cms`: a random nonce, certReq set).

Kept apart from app/sync/timestamps.py because it loads pyHanko's signing modules: only
code that asks for a token imports it.
"""

from __future__ import annotations

import asyncio

from asn1crypto import cms, tsp
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError, handle_tsp_response

from app.org.trust_format import Trust
from app.sync.client import IntakeClient
from app.sync.timestamps import (
    HASH_LENGTHS,
    PATH,
    QUERY_TYPE,
    REPLY_TYPE,
    TimeStampResp,
    TokenError,
    bad_timestamp,
    check_token,
)


class IntakeTimeStamper(TimeStamper):
    """pyHanko's TimeStamper over the intake's `POST /v1/timestamp`, on the member's
    mutual-TLS connection. Every token it hands out has passed `check_token` against the
    trust file (so a PDF signer gets no token the intake did not sign).

    Transport failures are the client's (Unreachable, Busy, Refused); a reply that is
    not a granted, checking token raises VerificationError `sync.bad_timestamp`."""

    def __init__(self, client: IntakeClient, trust: Trust) -> None:
        super().__init__(include_nonce=True)
        self.client = client
        self.trust = trust

    def request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        answer = self.client.request(
            "POST",
            PATH,
            headers={"Content-Type": QUERY_TYPE, "Accept": REPLY_TYPE},
            content=req.dump(),
        )
        if answer.status != 200:
            raise self.client.refused(answer)
        if answer.headers.get("Content-Type", "").split(";")[0].strip() != REPLY_TYPE:
            raise bad_timestamp("the answer is not a time-stamp reply")
        try:
            response = TimeStampResp.load(answer.body, strict=True)
            _ = response.native  # parse it all now
        except Exception:  # asn1crypto raises many types on malformed input
            raise bad_timestamp("the answer is not a time-stamp reply") from None
        return response

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        return await asyncio.to_thread(self.request_tsa_response, req)

    async def async_timestamp(self, message_digest: bytes, md_algorithm: str) -> cms.ContentInfo:
        nonce, req = self.request_cms(message_digest, md_algorithm)
        response = await self.async_request_tsa_response(req)
        return self._checked(response, nonce, message_digest, md_algorithm)

    def timestamp(self, message_digest: bytes, md_algorithm: str = "sha256") -> cms.ContentInfo:
        """`async_timestamp` for synchronous callers (a worker thread, the CLI)."""
        nonce, req = self.request_cms(message_digest, md_algorithm)
        response = self.request_tsa_response(req)
        return self._checked(response, nonce, message_digest, md_algorithm)

    def _checked(
        self, response: tsp.TimeStampResp, nonce: int | None, digest: bytes, algorithm: str
    ) -> cms.ContentInfo:
        status = response["status"]
        if status["status"].native not in ("granted", "granted_with_mods"):
            said = "; ".join(status["status_string"].native or []) or "no reason given"
            raise bad_timestamp(f"the intake refused the request: {said[:200]}")
        try:
            token = handle_tsp_response(response, nonce)  # type: ignore[arg-type]
            check_token(token.dump(), self.trust, digest=digest, algorithm=algorithm)
        except TimestampRequestError:
            raise bad_timestamp("the reply does not answer this request") from None
        except TokenError as exc:
            raise bad_timestamp(str(exc)) from None
        return token


def request_token(
    client: IntakeClient, trust: Trust, digest: bytes, *, algorithm: str = "sha256"
) -> bytes:
    """A DER TimeStampToken from the intake over `digest` (the `algorithm` digest of the
    bytes to stamp), checked with `check_token`. Raises the client's Unreachable, Busy or
    Refused, or VerificationError `sync.bad_timestamp`."""
    if algorithm not in HASH_LENGTHS or len(digest) != HASH_LENGTHS[algorithm]:
        raise ValueError(f"a {algorithm} digest of the right length is needed")
    return bytes(IntakeTimeStamper(client, trust).timestamp(digest, algorithm).dump())


__all__ = ["IntakeTimeStamper", "request_token"]
