"""Delivering one outbox item to the intake, exactly once.

The item's id is the idempotency key and its SHA-256 goes with every request, so sending
again is always safe: the intake answers a repeat with the receipt it already issued.
An item that has been tried before (or was part-sent) starts with `HEAD`, which says
where the intake stands: it holds the item (200: send the last chunk again to get the
receipt), holds part of our upload (202: resume from its offset) or nothing (404).
Files up to one chunk go in one request; larger ones in chunks with `Content-Range`,
each answer's offset stored in the vault, so a restart resumes where the intake stands.

An item is delivered only once its receipt checks (app/sync/receipts.py), a version 2
receipt's time stamp against the manifest hash the vault recorded when it queued the
item (an item queued before that was recorded: against the receipt's own imprint only,
and the outcome says so). A refusal
(4xx) is final and kept with the intake's code and sentence; `Unreachable` and `Busy`
propagate to the pass, which decides when to try again.
"""

from __future__ import annotations

import logging
import threading
from base64 import b64decode
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.engine.outbox import OutboxItem
from app.org import Trust
from app.sync.client import Answer, IntakeClient, Refused
from app.sync.receipts import check_receipt

if TYPE_CHECKING:  # only named in annotations: the engine loads on unlock
    from app.engine.engine import Engine

LOG = logging.getLogger("quietroom.sync")
CHUNK = 8 * 1024 * 1024  # the intake's largest chunk
# How a delivered item's receipt time stamp was checked (Outcome.timestamp).
STAMP_CHECKED = "checked"  # against the manifest hash recorded at queueing
STAMP_UNANCHORED = "checked_without_manifest_hash"  # queued before it was recorded
STAMP_NONE = "none"  # a version 1 receipt: no time stamp
Progress = Callable[[OutboxItem, int], None]  # (item, bytes the intake holds)


class Stopped(Exception):
    """Sync was halted (the vault is locking, the app closing) between two chunks; the
    item stays where the intake's offset says."""


@dataclass(frozen=True)
class Outcome:
    item_id: str
    state: str  # "delivered" or "refused"
    receipt: dict[str, Any] | None = None
    code: str | None = None
    reason: str | None = None
    timestamp: str | None = None  # delivered: how its time stamp was checked (STAMP_*)


def item_path(item: OutboxItem) -> str:
    return f"/v1/{'bundles' if item.kind == 'bundle' else 'decisions'}/{item.item_id}"


def deliver(
    engine: Engine,
    client: IntakeClient,
    trust: Trust,
    item: OutboxItem,
    *,
    chunk: int = CHUNK,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> Outcome:
    """Deliver `item`; returns its final state, or raises Unreachable/Busy (and
    VerificationError `sync.bad_receipt`, or Stopped when `stop` is set between chunks)
    with the item still to deliver."""
    data = engine.outbox_data(item.item_id)
    try:
        return _send(engine, client, trust, item, data, chunk, progress, stop)
    except Refused as refused:
        engine.outbox_refused(item.item_id, refused.code, refused.message)
        return Outcome(item.item_id, "refused", code=refused.code, reason=refused.message)


def _send(
    engine: Engine,
    client: IntakeClient,
    trust: Trust,
    item: OutboxItem,
    data: bytes,
    chunk: int,
    progress: Progress | None,
    stop: threading.Event | None,
) -> Outcome:
    path = item_path(item)
    headers = {"Quietroom-Sha256": item.sha256}
    size = len(data)
    offset = _where(client, path, headers, item) if _tried(item) else 0
    # Every round either moves the offset on or ends; the bound only stops a server
    # that keeps answering nonsense.
    for _ in range(size // chunk + 8):
        if stop is not None and stop.is_set():
            raise Stopped
        if size <= chunk:
            answer = client.request("PUT", path, headers=headers, content=data)
        else:
            start = offset if offset < size else ((size - 1) // chunk) * chunk
            end = min(start + chunk, size) - 1
            answer = client.request(
                "PUT",
                path,
                headers={**headers, "Content-Range": f"bytes {start}-{end}/{size}"},
                content=data[start : end + 1],
            )
        if answer.status in (200, 201):
            return _delivered(engine, trust, item, answer)
        if answer.status == 202:
            offset = _offset(answer, size)
            engine.outbox_progress(item.item_id, offset)
            if progress is not None:
                progress(item, offset)
            continue
        if answer.status == 409 and answer.error_code == "intake.bad_offset":
            offset = _offset(answer, size)
            continue
        raise client.refused(answer)
    raise Refused(0, "sync.no_progress", "the intake did not take the item", {})


def _tried(item: OutboxItem) -> bool:
    return item.state == "sending" or item.attempts > 0 or item.bytes_sent > 0


def _where(client: IntakeClient, path: str, headers: dict[str, str], item: OutboxItem) -> int:
    answer = client.request("HEAD", path, headers=headers)
    if answer.status == 200:
        return item.size  # held: sending a chunk again brings the receipt
    if answer.status == 202:
        return _offset(answer, item.size)
    if answer.status == 404:
        return 0
    raise client.refused(answer)


def _offset(answer: Answer, size: int) -> int:
    value = answer.headers.get("Upload-Offset")
    if value is None:
        try:
            value = answer.json().get("received", answer.json().get("offset"))
        except (ValueError, AttributeError):
            value = None
    try:
        offset = int(value) if value is not None else 0
    except (TypeError, ValueError):
        offset = 0
    return offset if 0 <= offset <= size else 0


def _delivered(engine: Engine, trust: Trust, item: OutboxItem, answer: Answer) -> Outcome:
    try:
        body = answer.json()
        receipt = b64decode(body["receipt"], validate=True)
        signature = b64decode(body["signature"], validate=True)
    except (ValueError, KeyError, TypeError):
        receipt, signature = b"", b""
    doc = check_receipt(
        receipt,
        signature,
        trust,
        kind=item.kind,
        item_id=item.item_id,
        sha256=item.sha256,
        size=item.size,
        manifest_sha256=item.manifest_sha256,
    )
    engine.outbox_delivered(item.item_id, receipt, signature)
    if doc["version"] < 2:
        stamp = STAMP_NONE
    elif item.manifest_sha256 is None:
        stamp = STAMP_UNANCHORED
        LOG.info(
            "the receipt's time stamp for %s was checked without the manifest hash "
            "(the item was queued before the vault recorded it)",
            item.item_id,
        )
    else:
        stamp = STAMP_CHECKED
    return Outcome(item.item_id, "delivered", receipt=doc, timestamp=stamp)
