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
    GET  /v1/crl               the organisation's revocation list (crl.der beside it)
    POST /v1/timestamp         RFC 3161: a time-stamp query in, a time-stamp reply out

Nothing blocks the event loop: every database call runs in a thread of `db_workers`
threads (psycopg's pool is synchronous), and every verification (decrypting, the
checks of `quietroom-cli verify`) in a thread of `verify_workers`. Every refusal is a
JSON error (intake/refusals.py); an unexpected exception is logged and answered with
500 `internal.unexpected`, never a traceback.

Taking a delivered item (verification, exactly once, receipts) is intake/accept.py;
what the routes share (the application's state, the caller, parsing) intake/context.py;
the time-stamping authority behind /v1/timestamp intake/tsa.py.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from app.errors import QuietroomError, unexpected
from app.fsutil import read_limited
from crypto import pki
from crypto.crl import MAX_CRL_BYTES, read_crl
from crypto.pki_errors import PkiError
from intake import receipts, store, uploads
from intake.accept import (
    ACCEPTORS,
    already_held,
    check_quota,
    conflict,
    item_info,
)
from intake.context import (
    BAD_CURSOR,
    BAD_LIMIT,
    CURSOR,
    DB_DOWN,
    DOWNLOAD_PIECE,
    HASH_MISMATCH,
    HTTP_ERROR,
    INTAKE_KEY,
    LENGTH_HEADER,
    LOG,
    MAX_CHUNK,
    MAX_ITEM,
    METHOD,
    NO_CRL,
    NO_TSA,
    NOT_A_QUERY,
    NOT_FOUND,
    NOTHING_HERE,
    OFFSET_HEADER,
    QUERY_TOO_LARGE,
    SHA_HEADER,
    STALE_CHECK_SECONDS,
    Intake,
    Settings,
    answer,
    b64,
    intake_of,
    item_id_of,
    parse_content_range,
    read_body,
    require_supervisor,
    sha256_hex,
    sha_header,
    what_of,
)
from intake.db import Database
from intake.errors import DatabaseUnavailable
from intake.identity import IntakeIdentity
from intake.refusals import Refused, body_for, headers_for, status_for
from intake.store import Kind
from intake.tls import Caller
from intake.trust_source import TrustSource
from intake.tsa import MAX_QUERY_BYTES, QUERY_TYPE, REPLY_TYPE


async def put_item(request: web.Request, kind: Kind) -> web.StreamResponse:
    intake = intake_of(request)
    item_id = item_id_of(request, kind)
    who, loaded = await intake.caller(request)
    if kind == "decision":
        require_supervisor(who, "deliver a review decision")
    sha256 = sha_header(request)
    held = await intake.db_call(already_held, kind, item_id, sha256, who, intake.identity)
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
        state = await intake.db_call(
            uploads.upload_state, item_id, sha256, sender=sender, kind=kind
        )
        if state is None:
            await intake.db_call(check_quota, sender)
    received = await intake.db_call(
        uploads.append_chunk, item_id, sha256, start, chunk, sender=sender, total=total, kind=kind
    )
    if received < total:
        return answer(
            {"received": received, "total": total},
            status=202,
            headers={OFFSET_HEADER: str(received), LENGTH_HEADER: str(total)},
        )
    data = await intake.db_call(uploads.assemble, item_id, sha256, sender=sender, kind=kind)
    try:
        stored, created = await ACCEPTORS[kind](intake, item_id, sha256, data, who, loaded)
    except DatabaseUnavailable:
        raise  # the upload stays, to be completed again
    except QuietroomError:
        # A refusal is final for these bytes: nothing of them is kept.
        await intake.db_call(uploads.discard_upload, item_id, sha256, sender=sender, kind=kind)
        raise
    try:
        await intake.db_call(uploads.discard_upload, item_id, sha256, sender=sender, kind=kind)
    except DatabaseUnavailable:
        # The item is stored and its receipt issued: answer with it. The finished upload
        # left behind is removed by the stale-upload sweep (it holds a stored item).
        LOG.warning("could not discard a finished upload; the sweep will")
    return stored.answer(created)


def _upload_head(
    db: Database, kind: Kind, item_id: str, sha256: str, who: Caller
) -> tuple[int, dict[str, str]]:
    info = item_info(db, kind, item_id)
    if info is not None:
        if info.sha256 != sha256:
            raise conflict(kind, item_id)
        size = str(info.size)
        return 200, {OFFSET_HEADER: size, LENGTH_HEADER: size}
    state = uploads.upload_state(db, item_id, sha256, sender=who.fingerprint, kind=kind)
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
        # ASCII digits only: "²0" is a digit to isdigit() and not to int()
        digits = raw_limit.isascii() and raw_limit.isdigit() and len(raw_limit) <= 6
        if not digits or not 0 < int(raw_limit) <= store.MAX_QUEUE_LIMIT:
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
    info = await intake.db_call(item_info, kind, item_id)
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


async def get_crl(request: web.Request) -> web.StreamResponse:
    """The organisation's revocation list (DER), as published beside the trust file and
    only if it is the CA's: the distribution point every certificate names."""
    intake = intake_of(request)
    data = await intake.in_thread(_published_crl, intake.trust)
    if data is None:
        raise Refused("intake.no_crl", NO_CRL, status=404)
    return web.Response(
        body=data,
        content_type="application/pkix-crl",
        headers={"Cache-Control": "no-store"},
    )


def _published_crl(trust: TrustSource) -> bytes | None:
    path = trust.crl_path
    if path is None:
        return None
    try:
        data = read_limited(path, MAX_CRL_BYTES)
        read_crl(data, trust.ca_cert)
    except (OSError, ValueError, PkiError):
        return None
    return data


async def post_timestamp(request: web.Request) -> web.StreamResponse:
    """RFC 3161 over HTTP (its section 3.4): a DER TimeStampReq in, a DER TimeStampResp
    out, 200 even when the reply is a rejection (the reply's status says so)."""
    intake = intake_of(request)
    await intake.caller(request)  # members only, as everywhere
    if intake.tsa is None:
        raise Refused("intake.no_timestamping", NO_TSA, status=404)
    if request.content_type != QUERY_TYPE:
        raise Refused("intake.not_a_timestamp_query", NOT_A_QUERY, status=415)
    too_large = Refused(
        "intake.timestamp_query_too_large",
        QUERY_TOO_LARGE,
        status=413,
        limit_kib=MAX_QUERY_BYTES // 1024,
    )
    if (request.content_length or 0) > MAX_QUERY_BYTES:
        raise too_large
    query = bytearray()
    while len(query) <= MAX_QUERY_BYTES:
        piece = await request.content.read(MAX_QUERY_BYTES + 1 - len(query))
        if not piece:
            break
        query += piece
    if len(query) > MAX_QUERY_BYTES:
        raise too_large
    reply = await intake.tsa.reply(bytes(query))
    return web.Response(body=reply, content_type=REPLY_TYPE, headers={"Cache-Control": "no-store"})


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
    app.router.add_get("/v1/crl", get_crl, allow_head=False)
    app.router.add_post("/v1/timestamp", post_timestamp)

    async def sweep_stale_uploads(app: web.Application) -> Any:
        async def sweep() -> None:
            while True:
                try:
                    await intake.db_call(uploads.discard_stale_uploads, settings.stale_uploads)
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
