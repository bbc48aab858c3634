"""What every route of the intake shares: the application's state (the database, the
trust file, the identity, the thread pools), the caller, request parsing and the
sentences refusals say.

Nothing here blocks the event loop: database calls and verification run in their own
thread pools (`Intake.db_call`, `Intake.in_thread`).
"""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

from aiohttp import web

from app.org.trust_format import Member
from crypto import pki
from intake import store
from intake.db import Database
from intake.identity import IntakeIdentity
from intake.refusals import Refused
from intake.store import Kind
from intake.tls import Caller, identify, peer_certificate
from intake.trust_source import LoadedTrust, TrustSource
from intake.tsa import TimeStampingAuthority, authority_for

LOG = logging.getLogger("quietroom.intake")
T = TypeVar("T")

SHA_HEADER = "Quietroom-Sha256"
OFFSET_HEADER = "Upload-Offset"
LENGTH_HEADER = "Upload-Length"
MAX_ITEM = store.MAX_ITEM_BYTES
MAX_CHUNK = store.MAX_CHUNK_BYTES
READ_PIECE = 1024 * 1024
DOWNLOAD_PIECE = 8 * 1024 * 1024
SUPERVISOR = "supervisor"
CONTENT_RANGE = re.compile(r"bytes (\d{1,12})-(\d{1,12})/(\d{1,12})")
CURSOR = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z),([0-9a-f]{32})")
MAX_UPLOADS_PER_SENDER = 16  # uploads in progress at once
MAX_BYTES_PER_SENDER = 2 * MAX_ITEM  # bytes held in unfinished uploads
STALE_UPLOADS = timedelta(days=7)
STALE_CHECK_SECONDS = 3600.0

NOT_SUPERVISOR = "only a supervisor may {action}; the trust file gives you the role {role}"
NOT_FOUND = "there is no {what} with that id for you"
NOTHING_HERE = "there is nothing at this address"
METHOD = "this address does not take {method}"
SHA_MISSING = (
    "give the SHA-256 of the bytes you send, as 64 hexadecimal digits, in the "
    "Quietroom-Sha256 header"
)
EMPTY_BODY = "the request carries no bytes"
TOO_LARGE = "the {what} is larger than the intake accepts ({limit_mib} MiB)"
BAD_RANGE = (
    "Content-Range must be 'bytes START-END/TOTAL' with START <= END < TOTAL, and the "
    "body exactly END - START + 1 bytes"
)
HASH_MISMATCH = "the bytes received do not match the SHA-256 given for them; nothing was kept"
# The core's codes and sentences for a bundle or decision that did not verify (the CLI's
# `verify` and `review import` say the same); the body's `checks` say which check failed.
BUNDLE_FAILED = "the bundle did not verify: {problems}"
DECISION_FAILED = "the decision did not verify: {problems}"
NOT_ADDRESSED = (
    "the {what} is not addressed to the intake (it cannot decrypt it), so it was not kept; "
    "export it again with the intake among the recipients"
)
NOT_SIGNER = "only the member who signed a {what} may deliver it; it is signed by someone else"
WRONG_ID = "the {what} is sent to {sent} but its signed contents name {named}"
OTHER_BUNDLE = (
    "the decision names bundle {bundle_id}, which the intake holds with other contents "
    "(its manifest hash differs); nothing was kept"
)
AUTHOR_UNKNOWN = (
    "the intake cannot tell whom to deliver this decision to: it does not hold bundle "
    "{bundle_id} and the decision carries no countersigned statement naming its author"
)
TOO_MANY_RECIPIENTS = "the {what} names more recipients than any Quietroom file may"
QUOTA = (
    "you have too many unfinished uploads at the intake ({count}, {megabytes} MiB); "
    "finish or abandon them first"
)
BAD_CURSOR = "'after' must be a cursor the intake gave as 'next'"
BAD_LIMIT = "'limit' must be a whole number from 1 to {limit}"
NO_CRL = "the organisation has not published a revocation list at this intake"
DB_DOWN = "the intake cannot reach its database just now; nothing was changed, try again later"
HTTP_ERROR = "the request could not be handled ({reason})"
NO_TSA = (
    "this intake has no time-stamping key; the organisation's administrator issues the "
    "intake's identity again with 'org issue --role intake'"
)
NOT_A_QUERY = (
    "send an RFC 3161 time-stamp query (DER) with Content-Type: application/timestamp-query"
)
QUERY_TOO_LARGE = "a time-stamp query may be at most {limit_kib} KiB"


@dataclass(frozen=True)
class Settings:
    db_workers: int = 10  # threads for database calls: the pool's max_size
    verify_workers: int = max(1, min(4, os.cpu_count() or 1))
    big_uploads: int = 2  # whole (unchunked) bodies above 8 MiB read at once
    stale_uploads: timedelta = STALE_UPLOADS


# --- the server's state ------------------------------------------------------------------


class Intake:
    """What the handlers share: the database, the trust file, the identity, the threads."""

    def __init__(
        self, db: Database, trust: TrustSource, identity: IntakeIdentity, settings: Settings
    ) -> None:
        self.db = db
        self.trust = trust
        self.identity = identity
        self.settings = settings
        # The time-stamping authority, when the trust file lists the intake's
        # time-stamping certificate (make_app has checked it is the identity's); without
        # it /v1/timestamp answers 404 and receipts are version 1.
        member = identity.check_against(trust.trust)
        listed = member.timestamp_certificate is not None
        self.tsa: TimeStampingAuthority | None = (
            authority_for(identity.timestamp) if listed else None
        )
        self.db_threads = ThreadPoolExecutor(settings.db_workers, thread_name_prefix="intake-db")
        self.verify_threads = ThreadPoolExecutor(
            settings.verify_workers, thread_name_prefix="intake-verify"
        )
        self.big_uploads = asyncio.Semaphore(settings.big_uploads)
        self._callers: dict[str, Caller] = {}
        self._callers_for: LoadedTrust | None = None

    async def db_call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self.db_threads, functools.partial(fn, self.db, *args, **kwargs)
        )

    async def in_thread(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """CPU work (verification, signing, loading the trust file) off the loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self.verify_threads, functools.partial(fn, *args, **kwargs)
        )

    async def current_trust(self) -> LoadedTrust:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.db_threads, self.trust.current)

    async def caller(self, request: web.Request) -> tuple[Caller, LoadedTrust]:
        """Who is calling, under the trust file current now (cached per certificate until
        the trust file changes)."""
        cert = peer_certificate(request)
        loaded = await self.current_trust()
        if self._callers_for is not loaded:
            self._callers, self._callers_for = {}, loaded
        key = pki.fingerprint(cert)
        known = self._callers.get(key)
        if known is None:
            known = await self.in_thread(identify, cert, loaded.trust)
            if len(self._callers) > 1024:
                self._callers.clear()
            self._callers[key] = known
        return known, loaded

    def close(self) -> None:
        self.db_threads.shutdown(wait=True, cancel_futures=True)
        self.verify_threads.shutdown(wait=True, cancel_futures=True)


INTAKE_KEY = web.AppKey("intake", Intake)


def intake_of(request: web.Request) -> Intake:
    intake: Intake = request.app[INTAKE_KEY]
    return intake


# --- small helpers -----------------------------------------------------------------------


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def what_of(kind: Kind) -> str:
    return "bundle" if kind == "bundle" else "decision file"


def answer(
    body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    return web.json_response(
        body,
        status=status,
        headers={"Cache-Control": "no-store", **(headers or {})},
        dumps=lambda obj: json.dumps(obj, ensure_ascii=False, sort_keys=True),
    )


def require_supervisor(who: Caller, action: str) -> None:
    if who.role != SUPERVISOR:
        raise Refused(
            "intake.not_supervisor", NOT_SUPERVISOR, status=403, action=action, role=who.role
        )


def sha_header(request: web.Request) -> str:
    value = request.headers.get(SHA_HEADER, "").strip().lower()
    if not store.SHA256.fullmatch(value):
        raise Refused("intake.sha256_missing", SHA_MISSING)
    return value


def item_id_of(request: web.Request, kind: Kind) -> str:
    return store.check_id(request.match_info["item_id"], kind)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def same_member(a: Member, b: Member) -> bool:
    if a.member_id and b.member_id:
        return a.member_id == b.member_id
    return a.fingerprint == b.fingerprint


async def read_body(request: web.Request, limit: int, what: str) -> bytes:
    """The request's body, refused (413) past `limit` bytes before or while reading."""
    length = request.content_length
    too_large = Refused(
        "intake.too_large" if limit == MAX_ITEM else "intake.chunk_too_large",
        TOO_LARGE,
        status=413,
        what=what,
        limit_mib=limit // (1024 * 1024),
    )
    if length is not None and length > limit:
        raise too_large
    buffer = bytearray()
    while True:
        piece = await request.content.read(READ_PIECE)
        if not piece:
            break
        buffer += piece
        if len(buffer) > limit:
            raise too_large
    if not buffer:
        raise Refused("intake.empty", EMPTY_BODY)
    return bytes(buffer)


def parse_content_range(value: str, body_length: int | None) -> tuple[int, int]:
    """(start, total) of `bytes START-END/TOTAL`, checked against the body's length."""
    match = CONTENT_RANGE.fullmatch(value.strip())
    if match is None:
        raise Refused("intake.bad_content_range", BAD_RANGE)
    start, end, total = (int(g) for g in match.groups())
    if not start <= end < total:
        raise Refused("intake.bad_content_range", BAD_RANGE)
    if total > MAX_ITEM:
        raise Refused(
            "intake.too_large", TOO_LARGE, status=413, what="upload", limit_mib=MAX_ITEM >> 20
        )
    if end - start + 1 > MAX_CHUNK:
        raise Refused(
            "intake.chunk_too_large", TOO_LARGE, status=413, what="chunk", limit_mib=MAX_CHUNK >> 20
        )
    if body_length is not None and body_length != end - start + 1:
        raise Refused("intake.bad_content_range", BAD_RANGE)
    return start, total


# --- receiving -------------------------------------------------------------------------
