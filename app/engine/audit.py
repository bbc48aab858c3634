"""The per-case audit log: append-only and hash-chained.

Each entry's hash is SHA-256 over a canonical JSON encoding of the entry including the
previous entry's hash, so altering, removing or reordering any entry breaks every hash
after it. Details name what was touched (ids, revision numbers, text hashes), never the
text itself, so the log can travel with an export and be read by anyone verifying it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.vault.database import Connection

GENESIS = "0" * 64

ACTIONS = frozenset(
    {
        "create",
        "view",
        "edit",
        "pause",
        "resume",
        "start",
        "end",
        "export",
        "sign",
        "readback",
        "correction",
        "note",
        "timeline",
        "witness",
        "restricted",
        "consent",
        "field",
        "interrupted",
        "place",
        "statement",
        "review",  # a supervisor's decision on an export, imported
        "delivered",  # the intake's receipt for an export, verified
        "hint",  # a guide's quiet hint dismissed (app/engine/hints.py; never the reason)
    }
)


@dataclass(frozen=True)
class Entry:
    case_id: str
    seq: int
    at: str
    actor: str
    action: str
    detail: dict[str, Any]
    prev: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "seq": self.seq,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "detail": self.detail,
            "prev": self.prev,
            "hash": self.hash,
        }


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def entry_hash(
    case_id: str, seq: int, at: str, actor: str, action: str, detail: dict[str, Any], prev: str
) -> str:
    body = {
        "case_id": case_id,
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "detail": detail,
        "prev": prev,
    }
    return hashlib.sha256(canonical(body)).hexdigest()


def append(
    conn: Connection,
    case_id: str,
    at: str,
    actor: str,
    action: str,
    detail: dict[str, Any] | None = None,
) -> Entry:
    """Append one entry; call inside the transaction that makes the change it records."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    detail = detail or {}
    row = conn.execute(
        "SELECT seq, hash FROM audit WHERE case_id = ? ORDER BY seq DESC LIMIT 1", (case_id,)
    ).fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    digest = entry_hash(case_id, seq, at, actor, action, detail, prev)
    conn.execute(
        "INSERT INTO audit(case_id, seq, at, actor, action, detail, prev, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (case_id, seq, at, actor, action, canonical(detail).decode("utf-8"), prev, digest),
    )
    return Entry(case_id, seq, at, actor, action, detail, prev, digest)


def entries(conn: Connection, case_id: str) -> Iterator[Entry]:
    for case, seq, at, actor, action, detail, prev, digest in conn.execute(
        "SELECT case_id, seq, at, actor, action, detail, prev, hash FROM audit "
        "WHERE case_id = ? ORDER BY seq",
        (case_id,),
    ):
        try:
            parsed = json.loads(detail)
        except ValueError:
            parsed = {"unreadable": True}
        yield Entry(case, seq, at, actor, action, parsed, prev, digest)


def head(conn: Connection, case_id: str) -> tuple[int, str]:
    row = conn.execute(
        "SELECT seq, hash FROM audit WHERE case_id = ? ORDER BY seq DESC LIMIT 1", (case_id,)
    ).fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    entries: int
    head: str
    broken_at: int | None = None
    problem: str | None = None


def verify_chain(items: Iterator[Entry] | list[Entry]) -> ChainReport:
    """Recompute the chain; name the first entry that does not hold."""
    prev, expected_seq, count = GENESIS, 1, 0
    case_id: str | None = None
    for item in items:
        count += 1
        where = f"entry {item.seq} ({item.action} at {item.at})"
        if case_id is None:
            case_id = item.case_id
        problem = None
        if item.case_id != case_id:
            problem = f"{where} belongs to another case"
        elif item.seq != expected_seq:
            problem = f"entry {expected_seq} is missing (found {item.seq} next)"
        elif item.prev != prev:
            problem = f"{where} does not follow the entry before it"
        elif (
            entry_hash(
                item.case_id, item.seq, item.at, item.actor, item.action, item.detail, item.prev
            )
            != item.hash
        ):
            problem = f"{where} does not match its hash: it was altered"
        if problem:
            return ChainReport(False, count, prev, broken_at=item.seq, problem=problem)
        prev, expected_seq = item.hash, expected_seq + 1
    return ChainReport(True, count, prev)
