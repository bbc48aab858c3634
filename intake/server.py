"""The intake's HTTP API (docs/sync-protocol.md, docs/openapi.yaml), on aiohttp's own server.

aiohttp's server is used because it hands the application the verified TLS peer
certificate (`request.transport.get_extra_info("ssl_object")`); uvicorn and hypercorn do
not give it to an ASGI application. TLS itself is intake/tls.py's context.

Routes (every one needs a member's client certificate; intake/tls.py says who it is):

    PUT  /v1/bundles/{id}      deliver a bundle: whole, or in chunks with Content-Range
    HEAD /v1/bundles/{id}      how far an upload stands (Upload-Offset), or 200 if kept
    GET  /v1/bundles/{id}      the ciphertext, for its recipients only (else 404)
    GET  /v1/queue             supervisors: the bundles addressed to them
    PUT  /v1/decisions/{id}    supervisors: deliver a signed decision file
    HEAD /v1/decisions/{id}    as for bundles
    GET  /v1/decisions         the decisions addressed to the caller
    GET  /v1/decisions/{id}    a decision file's ciphertext, for its recipients only
    GET  /v1/trust             the trust file being served and its signature

Nothing blocks the event loop: every database call runs in a thread of `db_workers`
threads (psycopg's pool is synchronous), and every verification (decrypting, the
checks of `quietroom-cli verify`) in a thread of `verify_workers`. Every refusal is a
JSON error (intake/refusals.py); an unexpected exception is logged and answered with
500 `internal.unexpected`, never a traceback.

Exactly once: a bundle (decision) is verified, then stored with `put_bundle`
(`put_decision`), whose primary key decides between racing uploads in this or another
intake process; the receipt is issued for the stored row and kept, so the same bytes
sent again get the same receipt (200), other bytes under the same id 409.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import hashlib
import json
import logging
import os
import re
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from aiohttp import web

from app.errors import QuietroomError, unexpected
from app.export.bundle import MANIFEST
from app.export.checks import Report
from app.export.verify import verify_data
from app.org.trust_format import Member, Trust
from app.review.decision_verify import DecisionReport, verify_decision_data
from crypto import pki
from intake import receipts, store
from intake.db import Database
from intake.errors import DatabaseUnavailable
from intake.identity import INTAKE_ROLE, IntakeIdentity
from intake.refusals import Refused, body_for, headers_for, status_for
from intake.store import BundleRow, DecisionRow, Kind
from intake.tls import Caller, identify, peer_certificate
from intake.trust_source import LoadedTrust, TrustSource

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
DB_DOWN = "the intake cannot reach its database just now; nothing was changed, try again later"
HTTP_ERROR = "the request could not be handled ({reason})"


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


@dataclass(frozen=True)
class Stored:
    """An item the intake holds, with its receipt."""

    kind: Kind
    item_id: str
    sha256: str
    size: int
    received: datetime
    receipt: store.Receipt

    def answer(self, created: bool) -> web.Response:
        return answer(
            {
                "kind": self.kind,
                "id": self.item_id,
                "sha256": self.sha256,
                "size": self.size,
                "received": receipts.timestamp(self.received),
                "receipt": b64(self.receipt.receipt_json),
                "signature": b64(self.receipt.receipt_sig),
            },
            status=201 if created else 200,
            headers={"Location": f"/v1/{self.kind}s/{self.item_id}"},
        )


def _info(db: Database, kind: Kind, item_id: str) -> store.BundleInfo | store.DecisionInfo | None:
    return store.bundle(db, item_id) if kind == "bundle" else store.decision(db, item_id)


def _receipt(
    db: Database,
    kind: Kind,
    info: store.BundleInfo | store.DecisionInfo,
    sender: Member,
    identity: IntakeIdentity,
) -> Stored:
    """The stored item's receipt, issued now if it has none yet (the first answer, or a
    process that stopped between storing the item and its receipt)."""
    item_id = info.bundle_id if isinstance(info, store.BundleInfo) else info.decision_id
    kept = store.receipt_for(db, kind, item_id)
    if kept is None:
        data, signature = receipts.issue(
            kind=kind,
            item_id=item_id,
            sha256=info.sha256,
            size=info.size,
            sender=sender,
            received=info.received,
            identity=identity,
        )
        kept, _ = store.put_receipt(db, kind, item_id, data, signature)
    return Stored(kind, item_id, info.sha256, info.size, info.received, kept)


def _delivered_by(db: Database, kind: Kind, item_id: str, info: Any, who: Caller) -> bool:
    """Whether `who` is the member who delivered a stored item (by the signing
    certificate then, or by the member id in its receipt, which survives re-issue)."""
    if info.sender_fingerprint == who.fingerprint:
        return True
    kept = store.receipt_for(db, kind, item_id)
    if kept is None or not who.member.member_id:
        return False
    try:
        sender = json.loads(kept.receipt_json)["sender"]
    except (ValueError, KeyError, TypeError):
        return False
    return isinstance(sender, dict) and sender.get("member_id") == who.member.member_id


def _already_held(
    db: Database, kind: Kind, item_id: str, sha256: str, who: Caller, identity: IntakeIdentity
) -> Stored | None:
    """The answer for an id the intake already holds: its receipt for the same bytes
    from the member who delivered them, 409 for other bytes; None when not held."""
    info = _info(db, kind, item_id)
    if info is None:
        return None
    if info.sha256 != sha256:
        raise conflict(kind, item_id)
    if not _delivered_by(db, kind, item_id, info, who):
        raise Refused("intake.not_signer", NOT_SIGNER, status=403, what=what_of(kind))
    return _receipt(db, kind, info, who.member, identity)


def conflict(kind: Kind, item_id: str) -> Refused:
    if kind == "bundle":
        return Refused(
            "intake.bundle_id_conflict",
            store.CONFLICT,
            status=409,
            what="bundle id",
            item_id=item_id,
        )
    return Refused(
        "intake.decision_id_conflict",
        store.CONFLICT,
        status=409,
        what="decision id",
        item_id=item_id,
    )


def _check_quota(db: Database, sender: str) -> None:
    with db.connection() as conn:
        row = conn.execute(
            "SELECT count(*), coalesce(sum(received_bytes), 0) FROM uploads "
            "WHERE sender_fingerprint = %s",
            (sender,),
        ).fetchone()
    count, held = (int(row[0]), int(row[1])) if row else (0, 0)
    if count >= MAX_UPLOADS_PER_SENDER or held >= MAX_BYTES_PER_SENDER:
        raise Refused("intake.upload_quota", QUOTA, status=429, count=count, megabytes=held >> 20)


def failed_checks(report: Report) -> str:
    return "; ".join(f"{c.name}: {c.detail}" for c in report.checks if not c.ok)[:2000]


def refuse_report(report: Report, kind: Kind) -> Refused:
    """The 422 for a report that did not pass, with every check in the body."""
    checks = [
        {
            "check": c.name,
            "ok": c.ok,
            "detail": c.detail,
            **({"code": c.reason.code} if c.reason is not None else {}),
        }
        for c in report.checks
    ]
    first = report.checks[0] if report.checks else None
    if (
        first is not None
        and not first.ok
        and first.reason is not None
        and first.reason.code in ("bundle.not_a_recipient", "decision.not_a_recipient")
    ):
        return Refused(
            "intake.not_addressed_to_intake",
            NOT_ADDRESSED,
            status=422,
            extra={"checks": checks},
            what=what_of(kind),
        )
    if kind == "bundle":
        return Refused(
            "verify.failed",
            BUNDLE_FAILED,
            status=422,
            extra={"checks": checks},
            problems=failed_checks(report),
        )
    return Refused(
        "decision.failed",
        DECISION_FAILED,
        status=422,
        extra={"checks": checks},
        problems=failed_checks(report),
    )


def _verify_bundle(data: bytes, identity: IntakeIdentity, trust: Trust) -> Report:
    return verify_data(data, [identity.age_identity], trust.ca_cert, trust)


def _verify_decision(data: bytes, identity: IntakeIdentity, trust: Trust) -> DecisionReport:
    return verify_decision_data(data, [identity.age_identity], trust.ca_cert, trust, ca_only=False)


def _recipients(values: Sequence[str], kind: Kind) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(values))
    if not 0 < len(unique) <= store.MAX_RECIPIENTS:
        raise Refused(
            "intake.too_many_recipients", TOO_MANY_RECIPIENTS, status=422, what=what_of(kind)
        )
    return unique


async def accept_bundle(
    intake: Intake, item_id: str, sha256: str, data: bytes, who: Caller, loaded: LoadedTrust
) -> tuple[Stored, bool]:
    trust = loaded.trust
    report = await intake.in_thread(_verify_bundle, data, intake.identity, trust)
    if not report.ok or report.manifest is None:
        raise refuse_report(report, "bundle")
    manifest = report.manifest
    if manifest["bundle_id"] != item_id:
        raise Refused(
            "intake.id_mismatch",
            WRONG_ID,
            status=422,
            what="bundle",
            sent=item_id,
            named=manifest["bundle_id"],
        )
    signed_by = manifest["author"]["certificate_fingerprint"]
    author = next((m for m in trust.members if m.fingerprint == signed_by), None)
    if author is None or not same_member(author, who.member):
        raise Refused("intake.not_signer", NOT_SIGNER, status=403, what="bundle")
    verification = report.to_json()
    verification["manifest_sha256"] = hashlib.sha256(report.files[MANIFEST]).hexdigest()
    row = BundleRow(
        bundle_id=item_id,
        ciphertext=data,
        sha256=sha256,
        sender_fingerprint=who.fingerprint,
        verification=verification,
        recipients=_recipients(manifest["recipients"], "bundle"),
        sender_name=who.member.name,
        case_reference=str(manifest["case"]["reference"])[: store.MAX_REFERENCE_CHARS],
    )

    def keep(db: Database) -> tuple[Stored, bool]:
        info, created = store.put_bundle(db, row)
        return _receipt(db, "bundle", info, who.member, intake.identity), created

    return await intake.db_call(keep)


def _decision_recipients(
    db: Database, report: DecisionReport, trust: Trust, reviewer: Member
) -> tuple[str, ...]:
    """Who may fetch a decision: the interviewer who wrote the statement, every intake
    member and the reviewer (the recipients `review decide` encrypts to)."""
    doc = report.decision or {}
    held = store.bundle(db, doc["bundle_id"])
    author: str | None = None
    if held is not None:
        verification = held.verification if isinstance(held.verification, dict) else {}
        if verification.get("manifest_sha256") != doc["manifest_sha256"]:
            raise Refused(
                "intake.decision_other_bundle", OTHER_BUNDLE, status=422, bundle_id=doc["bundle_id"]
            )
        named = verification.get("author")
        if isinstance(named, dict) and isinstance(named.get("age_recipient"), str):
            author = named["age_recipient"]
    if author is None and report.countersign is not None:
        signer = report.countersign.statement_signer_fingerprint
        member = next((m for m in trust.members if m.fingerprint == signer), None)
        author = member.age_recipient if member is not None else None
    if author is None:
        raise Refused(
            "intake.decision_author_unknown", AUTHOR_UNKNOWN, status=422, bundle_id=doc["bundle_id"]
        )
    intakes = [m.age_recipient for m in trust.by_role(INTAKE_ROLE)]
    return _recipients([author, *intakes, reviewer.age_recipient], "decision")


async def accept_decision(
    intake: Intake, item_id: str, sha256: str, data: bytes, who: Caller, loaded: LoadedTrust
) -> tuple[Stored, bool]:
    trust = loaded.trust
    report = await intake.in_thread(_verify_decision, data, intake.identity, trust)
    if not report.ok or report.decision is None or report.signer is None:
        raise refuse_report(report, "decision")
    doc = report.decision
    if doc["decision_id"] != item_id:
        raise Refused(
            "intake.id_mismatch",
            WRONG_ID,
            status=422,
            what="decision file",
            sent=item_id,
            named=doc["decision_id"],
        )
    reviewer = trust.member_for_certificate(report.signer)
    if reviewer is None or not same_member(reviewer, who.member):
        raise Refused("intake.not_signer", NOT_SIGNER, status=403, what="decision")

    def keep(db: Database) -> tuple[Stored, bool]:
        row = DecisionRow(
            decision_id=item_id,
            bundle_id=doc["bundle_id"],
            ciphertext=data,
            sha256=sha256,
            sender_fingerprint=who.fingerprint,
            verification=report.to_json(),
            recipients=_decision_recipients(db, report, trust, reviewer),
            sender_name=who.member.name,
        )
        info, created = store.put_decision(db, row)
        return _receipt(db, "decision", info, who.member, intake.identity), created

    return await intake.db_call(keep)


Acceptor = Callable[[Intake, str, str, bytes, Caller, LoadedTrust], Awaitable[tuple[Stored, bool]]]
ACCEPTORS: dict[Kind, Acceptor] = {"bundle": accept_bundle, "decision": accept_decision}


async def put_item(request: web.Request, kind: Kind) -> web.StreamResponse:
    intake = intake_of(request)
    item_id = item_id_of(request, kind)
    who, loaded = await intake.caller(request)
    if kind == "decision":
        require_supervisor(who, "deliver a review decision")
    sha256 = sha_header(request)
    held = await intake.db_call(_already_held, kind, item_id, sha256, who, intake.identity)
    if held is not None:
        return held.answer(created=False)
    what = what_of(kind)
    content_range = request.headers.get("Content-Range")
    if content_range is None:
        if (request.content_length or MAX_ITEM) > MAX_CHUNK:
            async with intake.big_uploads:
                data = await read_body(request, MAX_ITEM, what)
        else:
            data = await read_body(request, MAX_ITEM, what)
        if await intake.in_thread(sha256_hex, data) != sha256:
            raise Refused("intake.hash_mismatch", HASH_MISMATCH, status=422)
        stored, created = await ACCEPTORS[kind](intake, item_id, sha256, data, who, loaded)
        return stored.answer(created)
    start, total = parse_content_range(content_range, request.content_length)
    chunk = await read_body(request, MAX_CHUNK, "chunk")
    parse_content_range(content_range, len(chunk))
    sender = who.fingerprint
    if start == 0:
        state = await intake.db_call(store.upload_state, item_id, sha256, sender=sender, kind=kind)
        if state is None:
            await intake.db_call(_check_quota, sender)
    received = await intake.db_call(
        store.append_chunk, item_id, sha256, start, chunk, sender=sender, total=total, kind=kind
    )
    if received < total:
        return answer(
            {"received": received, "total": total},
            status=202,
            headers={OFFSET_HEADER: str(received), LENGTH_HEADER: str(total)},
        )
    data = await intake.db_call(store.assemble, item_id, sha256, sender=sender, kind=kind)
    try:
        stored, created = await ACCEPTORS[kind](intake, item_id, sha256, data, who, loaded)
    except DatabaseUnavailable:
        raise  # the upload stays, to be completed again
    except QuietroomError:
        # A refusal is final for these bytes: nothing of them is kept.
        await intake.db_call(store.discard_upload, item_id, sha256, sender=sender, kind=kind)
        raise
    await intake.db_call(store.discard_upload, item_id, sha256, sender=sender, kind=kind)
    return stored.answer(created)


def _upload_head(
    db: Database, kind: Kind, item_id: str, sha256: str, who: Caller
) -> tuple[int, dict[str, str]]:
    info = _info(db, kind, item_id)
    if info is not None:
        if info.sha256 != sha256:
            raise conflict(kind, item_id)
        size = str(info.size)
        return 200, {OFFSET_HEADER: size, LENGTH_HEADER: size}
    state = store.upload_state(db, item_id, sha256, sender=who.fingerprint, kind=kind)
    if state is None:
        raise Refused("intake.not_found", NOT_FOUND, status=404, what=f"{kind} or upload")
    return 202, {OFFSET_HEADER: str(state.received_bytes), LENGTH_HEADER: str(state.total)}


async def head_item(request: web.Request, kind: Kind) -> web.StreamResponse:
    intake = intake_of(request)
    item_id = item_id_of(request, kind)
    who, _ = await intake.caller(request)
    sha256 = sha_header(request)
    status, headers = await intake.db_call(_upload_head, kind, item_id, sha256, who)
    return web.Response(status=status, headers={"Cache-Control": "no-store", **headers})


# --- handing out ---------------------------------------------------------------------------


def _entry(info: store.BundleInfo | store.DecisionInfo) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "sha256": info.sha256,
        "size": info.size,
        "received": receipts.timestamp(info.received),
        "sender": {"name": info.sender_name, "certificate_fingerprint": info.sender_fingerprint},
    }
    if isinstance(info, store.BundleInfo):
        entry["bundle_id"] = info.bundle_id
        entry["case_reference"] = info.case_reference
    else:
        entry["decision_id"] = info.decision_id
        entry["bundle_id"] = info.bundle_id
    return entry


def page_args(request: web.Request) -> tuple[tuple[datetime, str] | None, int]:
    raw_limit = request.query.get("limit")
    limit = store.QUEUE_LIMIT
    if raw_limit is not None:
        if not raw_limit.isdigit() or not 0 < int(raw_limit[:6]) <= store.MAX_QUEUE_LIMIT:
            raise Refused("intake.bad_limit", BAD_LIMIT, limit=store.MAX_QUEUE_LIMIT)
        limit = int(raw_limit)
    after = request.query.get("after")
    if after is None:
        return None, limit
    match = CURSOR.fullmatch(after)
    if match is None:
        raise Refused("intake.bad_cursor", BAD_CURSOR)
    try:
        when = datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        raise Refused("intake.bad_cursor", BAD_CURSOR) from None
    return (when, match.group(2)), limit


def cursor_of(items: Sequence[store.BundleInfo | store.DecisionInfo], limit: int) -> str | None:
    if len(items) < limit:
        return None
    when, last = items[-1].cursor
    return f"{receipts.timestamp(when)},{last}"


async def get_queue(request: web.Request) -> web.StreamResponse:
    intake = intake_of(request)
    who, _ = await intake.caller(request)
    require_supervisor(who, "fetch the review queue")
    after, limit = page_args(request)
    items = await intake.db_call(
        store.queue_for, who.member.age_recipient, after=after, limit=limit
    )
    return answer({"bundles": [_entry(i) for i in items], "next": cursor_of(items, limit)})


async def list_decisions(request: web.Request) -> web.StreamResponse:
    intake = intake_of(request)
    who, _ = await intake.caller(request)
    after, limit = page_args(request)
    items = await intake.db_call(
        store.decisions_for, who.member.age_recipient, after=after, limit=limit
    )
    return answer({"decisions": [_entry(i) for i in items], "next": cursor_of(items, limit)})


async def get_item(request: web.Request, kind: Kind) -> web.StreamResponse:
    """The ciphertext, streamed in pieces, for a caller among its recipients; 404 for
    everyone else (as for an id that does not exist, so ids cannot be probed)."""
    intake = intake_of(request)
    item_id = item_id_of(request, kind)
    who, _ = await intake.caller(request)
    info = await intake.db_call(_info, kind, item_id)
    if info is None or who.member.age_recipient not in info.recipients:
        raise Refused("intake.not_found", NOT_FOUND, status=404, what=kind)
    reader = store.bundle_bytes if kind == "bundle" else store.decision_bytes
    first = await intake.db_call(reader, item_id, offset=0, length=DOWNLOAD_PIECE)
    if first is None:
        raise Refused("intake.not_found", NOT_FOUND, status=404, what=kind)
    response = web.StreamResponse(
        status=200,
        headers={
            "Content-Type": "application/octet-stream",
            "Cache-Control": "no-store",
            SHA_HEADER: info.sha256,
        },
    )
    response.content_length = info.size
    await response.prepare(request)
    await response.write(first)
    offset = len(first)
    while offset < info.size:
        piece = await intake.db_call(reader, item_id, offset=offset, length=DOWNLOAD_PIECE)
        if not piece:  # the item went away meanwhile: the short answer tells the client
            break
        await response.write(piece)
        offset += len(piece)
    await response.write_eof()
    return response


async def get_trust(request: web.Request) -> web.StreamResponse:
    intake = intake_of(request)
    _, loaded = await intake.caller(request)
    return answer(
        {
            "serial": loaded.trust.serial,
            "trust": b64(loaded.data),
            "signature": b64(loaded.signature),
            "ca_fingerprint": pki.fingerprint(loaded.trust.ca_cert),
        }
    )


# --- errors ----------------------------------------------------------------------------


def refusal(error: QuietroomError) -> web.Response:
    status = status_for(error)
    if status >= 500 and not isinstance(error, Refused):
        if isinstance(error, DatabaseUnavailable):
            LOG.warning("database unavailable: %s", error)
            error = Refused(
                "intake.db_unreachable", DB_DOWN, status=503, headers={"Retry-After": "5"}
            )
            status = 503
        else:
            LOG.error("refusal without a status: %s", error.code)
            error = unexpected()
    return answer(body_for(error), status=status, headers=headers_for(error))


HTTP_CODES = {
    404: ("intake.not_found", NOTHING_HERE),
    405: ("intake.method_not_allowed", METHOD),
    413: ("intake.too_large", HTTP_ERROR),
}


@web.middleware
async def json_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        return await handler(request)
    except QuietroomError as error:
        return refusal(error)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code, template = HTTP_CODES.get(exc.status, ("intake.http_error", HTTP_ERROR))
        http_error = Refused(
            code, template, status=exc.status, method=request.method, reason=exc.reason
        )
        return refusal(http_error)
    except (asyncio.CancelledError, ConnectionResetError):
        raise
    except Exception:
        LOG.exception("unexpected failure handling %s %s", request.method, request.path)
        return answer({"error": unexpected().to_json()}, status=500)


# --- the application ---------------------------------------------------------------------


def make_app(
    db: Database,
    trust: TrustSource,
    identity: IntakeIdentity,
    settings: Settings | None = None,
) -> web.Application:
    """The intake's aiohttp application (serve it with intake/tls.py's context)."""
    identity.check_against(trust.trust)
    settings = settings or Settings()
    app = web.Application(middlewares=[json_errors], client_max_size=MAX_ITEM)
    intake = Intake(db, trust, identity, settings)
    app[INTAKE_KEY] = intake

    def per_kind(
        fn: Callable[[web.Request, Kind], Awaitable[web.StreamResponse]], kind: Kind
    ) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handler(request: web.Request) -> web.StreamResponse:
            return await fn(request, kind)

        return handler

    ids = "{item_id}"
    app.router.add_put(f"/v1/bundles/{ids}", per_kind(put_item, "bundle"))
    app.router.add_route("HEAD", f"/v1/bundles/{ids}", per_kind(head_item, "bundle"))
    app.router.add_get(f"/v1/bundles/{ids}", per_kind(get_item, "bundle"), allow_head=False)
    app.router.add_get("/v1/queue", get_queue, allow_head=False)
    app.router.add_put(f"/v1/decisions/{ids}", per_kind(put_item, "decision"))
    app.router.add_route("HEAD", f"/v1/decisions/{ids}", per_kind(head_item, "decision"))
    app.router.add_get(f"/v1/decisions/{ids}", per_kind(get_item, "decision"), allow_head=False)
    app.router.add_get("/v1/decisions", list_decisions, allow_head=False)
    app.router.add_get("/v1/trust", get_trust, allow_head=False)

    async def sweep_stale_uploads(app: web.Application) -> Any:
        async def sweep() -> None:
            while True:
                try:
                    await intake.db_call(store.discard_stale_uploads, settings.stale_uploads)
                except Exception:  # the next sweep tries again
                    LOG.warning("could not discard stale uploads", exc_info=True)
                await asyncio.sleep(STALE_CHECK_SECONDS)

        task = asyncio.create_task(sweep())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        intake.close()

    app.cleanup_ctx.append(sweep_stale_uploads)
    return app
