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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from app.engine.engine import Engine
from app.errors import QuietroomError
from app.review.decision_verify import import_decision_data
from app.review.inbox import open_data_for_review
from app.sync.client import IntakeClient

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


def fetch_reviews(engine: Engine, client: IntakeClient, into: Fetched | None = None) -> Fetched:
    """Open the supervisor's queue into the review inbox."""
    result = into or Fetched()
    seen = engine.sync_seen("bundle")
    for entry in list(_pages(client, "/v1/queue", "bundles")):
        bundle_id = str(entry.get("bundle_id", ""))
        if not bundle_id or bundle_id in seen:
            continue
        data = _download(client, f"/v1/bundles/{bundle_id}", str(entry.get("sha256", "")))
        if data is None:
            result.skipped.append(_skip(bundle_id, "sync.download_mismatch", "bytes changed"))
            continue
        try:
            opened = open_data_for_review(engine, data)
        except QuietroomError as exc:
            engine.note_sync_seen("bundle", bundle_id, exc.code)
            result.skipped.append(_skip(bundle_id, exc.code, str(exc)))
            continue
        if opened.review is None:
            engine.note_sync_seen("bundle", bundle_id, "verify.failed")
            failed = "; ".join(c.name for c in opened.report.checks if not c.ok)
            result.skipped.append(_skip(bundle_id, "verify.failed", failed))
            continue
        engine.note_sync_seen("bundle", bundle_id, "opened")
        result.opened.append(
            {"review_id": opened.review.id, "bundle_id": bundle_id, "created": opened.created}
        )
    return result


def fetch_decisions(engine: Engine, client: IntakeClient, into: Fetched | None = None) -> Fetched:
    """Import the decisions addressed to this interviewer."""
    result = into or Fetched()
    seen = engine.sync_seen("decision")
    for entry in list(_pages(client, "/v1/decisions", "decisions")):
        decision_id = str(entry.get("decision_id", ""))
        if not decision_id or decision_id in seen:
            continue
        data = _download(client, f"/v1/decisions/{decision_id}", str(entry.get("sha256", "")))
        if data is None:
            result.skipped.append(_skip(decision_id, "sync.download_mismatch", "bytes changed"))
            continue
        try:
            imported = import_decision_data(engine, data)
        except QuietroomError as exc:
            engine.note_sync_seen("decision", decision_id, exc.code)
            result.skipped.append(_skip(decision_id, exc.code, str(exc)))
            continue
        engine.note_sync_seen("decision", decision_id, "imported")
        result.imported.append(imported.to_json())
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
