"""Fetching from the intake what is addressed to this member.

- Supervisors: the bundles in their review queue, each opened into the review inbox
  exactly as `review open` opens a file (verified with every check; kept only if it
  passes).
- Interviewers: the decisions on their statements, each imported as `review import`
  imports a file (kept only if it verifies and decides one of this vault's exports).
- Everyone: a newer trust file (applied only when its serial is higher).

Each item is downloaded once: what came of it (opened, imported, or why not) is noted in
the vault, and an item noted is not asked for again. A download whose bytes do not match
the SHA-256 the intake listed is not noted, so the next pass tries it again.
"""

from __future__ import annotations

import hashlib
from base64 import b64decode
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.errors import QuietroomError
from app.sync.client import IntakeClient

if TYPE_CHECKING:  # only named in annotations: the engine loads on unlock
    from app.engine.engine import Engine

PAGE = 500


@dataclass
class Fetched:
    """What one fetch brought in."""

    opened: list[dict[str, Any]] = field(default_factory=list)  # reviews opened
    imported: list[dict[str, Any]] = field(default_factory=list)  # decisions imported
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"id", "code", "reason"}

    def to_json(self) -> dict[str, Any]:
        return {"opened": self.opened, "imported": self.imported, "skipped": self.skipped}


def _pages(client: IntakeClient, path: str, key: str) -> Iterator[dict[str, Any]]:
    after: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": PAGE}
        if after:
            params["after"] = after
        answer = client.request("GET", path, params=params)
        if answer.status != 200:
            raise client.refused(answer)
        body = answer.json()
        yield from body.get(key) or []
        after = body.get("next")
        if not after:
            return


def _download(client: IntakeClient, path: str, sha256: str) -> bytes | None:
    answer = client.request("GET", path)
    if answer.status != 200:
        raise client.refused(answer)
    return answer.body if hashlib.sha256(answer.body).hexdigest() == sha256 else None


def _fetch_each(
    engine: Engine,
    client: IntakeClient,
    kind: str,
    listing: tuple[str, str, str, str],
    take: Callable[[bytes], dict[str, Any] | None],
    result: Fetched,
) -> None:
    """Download each listed item not seen before and hand it to `take`, which returns
    what it kept (None: it did not verify, refused with the report's failed checks) or
    raises the core's error. What came of each is noted, so none is fetched twice; a
    download whose bytes changed is not noted, and is tried again next pass."""
    path, key, id_key, download = listing
    seen = engine.sync_seen(kind)
    for entry in list(_pages(client, path, key)):
        item_id = str(entry.get(id_key, ""))
        if not item_id or item_id in seen:
            continue
        data = _download(client, f"{download}/{item_id}", str(entry.get("sha256", "")))
        if data is None:
            result.skipped.append(_skip(item_id, "sync.download_mismatch", "bytes changed"))
            continue
        try:
            kept = take(data)
        except QuietroomError as exc:
            engine.note_sync_seen(kind, item_id, exc.code)
            result.skipped.append(_skip(item_id, exc.code, str(exc)))
            continue
        if kept is None:
            engine.note_sync_seen(kind, item_id, "verify.failed")
            result.skipped.append(_skip(item_id, "verify.failed", "it did not verify"))
            continue
        engine.note_sync_seen(kind, item_id, "kept")
        (result.imported if kind == "decision" else result.opened).append(kept)


def fetch_reviews(engine: Engine, client: IntakeClient, into: Fetched | None = None) -> Fetched:
    """Open the supervisor's queue into the review inbox."""
    result = into or Fetched()

    def take(data: bytes) -> dict[str, Any] | None:
        # Here, not at the top: the review code (and the verifier with it) loads only
        # when something is fetched, not with every sync pass or the app's start.
        from app.review.inbox import open_data_for_review

        opened = open_data_for_review(engine, data)
        if opened.review is None:
            return None
        return {
            "review_id": opened.review.id,
            "bundle_id": opened.review.bundle_id,
            "created": opened.created,
        }

    _fetch_each(
        engine, client, "bundle", ("/v1/queue", "bundles", "bundle_id", "/v1/bundles"), take, result
    )
    return result


def fetch_decisions(engine: Engine, client: IntakeClient, into: Fetched | None = None) -> Fetched:
    """Import the decisions addressed to this interviewer."""
    result = into or Fetched()

    def take(data: bytes) -> dict[str, Any]:
        from app.review.decision_verify import import_decision_data

        return import_decision_data(engine, data).to_json()

    _fetch_each(
        engine,
        client,
        "decision",
        ("/v1/decisions", "decisions", "decision_id", "/v1/decisions"),
        take,
        result,
    )
    return result


def fetch_trust(engine: Engine, client: IntakeClient) -> int | None:
    """Take the intake's trust file if its serial is higher; the new serial or None."""
    answer = client.request("GET", "/v1/trust")
    if answer.status != 200:
        raise client.refused(answer)
    try:
        body = answer.json()
        data = b64decode(body["trust"], validate=True)
        signature = b64decode(body["signature"], validate=True)
    except (ValueError, KeyError, TypeError):
        return None
    return engine.update_trust(data, signature)


def _skip(item_id: str, code: str, reason: str) -> dict[str, str]:
    return {"id": item_id, "code": code, "reason": reason}
