"""Append-only revisions of statement sections, stored as small deltas.

A revision records how the section's text changed from the previous revision: the
length of the unchanged prefix and suffix and the text inserted between them. Typing
in a long statement therefore stores a few bytes per save instead of the whole text,
so 5,000 saves of a long statement stay small. Every SNAPSHOT_EVERY-th revision also
stores the whole text (compressed), which bounds the work to rebuild any revision.

Saves close together may be coalesced into the previous revision, but only when both
are pure insertions: then every intermediate text is the final one minus part of what
was inserted, so no text that was ever saved disappears from the history. And only when
the new insertion touches the span the previous one inserted (typing on): two far-apart
insertions composed into one would store, and every later save in the window rewrite,
all the text between them.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass

from app.vault.database import Connection

SNAPSHOT_EVERY = 256
COALESCE_SECONDS = 10.0


@dataclass(frozen=True)
class Delta:
    base_length: int
    prefix: int
    suffix: int
    inserted: str

    @property
    def deleted(self) -> int:
        return self.base_length - self.prefix - self.suffix

    @property
    def is_insertion(self) -> bool:
        return self.deleted == 0

    def continues(self, previous: Delta) -> bool:
        """This insertion (into the text `previous` made) is inside or at either end of
        the span `previous` inserted: the same run of typing."""
        return previous.prefix <= self.prefix <= previous.prefix + len(previous.inserted)


def _common_prefix(a: str, b: str) -> int:
    # Galloping, then binary search, over slice comparisons that run in C: a 600 KB
    # section is compared in microseconds instead of a Python loop over every character.
    limit = min(len(a), len(b))
    lo, step = 0, 256
    while lo < limit:
        hi = min(limit, lo + step)
        if a[lo:hi] == b[lo:hi]:
            lo, step = hi, step * 2
            continue
        while hi - lo > 1:  # invariant: a[lo:hi] != b[lo:hi]
            mid = (lo + hi) // 2
            if a[lo:mid] == b[lo:mid]:
                lo = mid
            else:
                hi = mid
        return lo
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common suffix, at most `limit` (so it never overlaps the prefix)."""
    la, lb = len(a), len(b)
    lo, step = 0, 256
    while lo < limit:
        hi = min(limit, lo + step)
        if a[la - hi : la - lo] == b[lb - hi : lb - lo]:
            lo, step = hi, step * 2
            continue
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
                lo = mid
            else:
                hi = mid
        return lo
    return lo


def diff(old: str, new: str) -> Delta:
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    return Delta(len(old), prefix, suffix, new[prefix : len(new) - suffix])


def apply(old: str, delta: Delta) -> str:
    if len(old) != delta.base_length:
        raise ValueError("revision chain is inconsistent")
    return old[: delta.prefix] + delta.inserted + old[len(old) - delta.suffix :]


def compose_insertions(first: Delta, second: Delta, final_text: str) -> Delta:
    """One delta equivalent to two pure insertions applied in turn."""
    prefix = min(first.prefix, second.prefix)
    suffix = min(first.suffix, second.suffix)
    return Delta(first.base_length, prefix, suffix, final_text[prefix : len(final_text) - suffix])


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SaveResult:
    seq: int
    coalesced: bool
    changed: bool
    sha256: str


def record(
    conn: Connection,
    statement_id: str,
    section_id: str,
    old: str,
    new: str,
    *,
    kind: str,
    at: str,
    sitting_id: str | None,
    coalesce_after: str | None,
) -> SaveResult:
    """Store the change old -> new as a revision; call inside the saving transaction.

    `coalesce_after`: the earliest timestamp a previous revision may have been updated
    at to be merged with this one (None: never coalesce).
    """
    digest = sha256(new)
    last = conn.execute(
        "SELECT seq, kind, base_length, prefix, suffix, inserted, snapshot IS NOT NULL, "
        "updated, sitting_id FROM revisions WHERE statement_id = ? AND section_id = ? "
        "ORDER BY seq DESC LIMIT 1",
        (statement_id, section_id),
    ).fetchone()
    if last is not None and old == new:
        return SaveResult(last[0], False, False, digest)
    delta = diff(old, new)
    if (
        last is not None
        and coalesce_after is not None
        and last[1] == kind == "edit"
        and not last[6]
        and last[7] >= coalesce_after
        and last[8] == sitting_id
        and delta.is_insertion
    ):
        previous = Delta(last[2], last[3], last[4], last[5])
        if previous.is_insertion and delta.continues(previous):
            merged = compose_insertions(previous, delta, new)
            conn.execute(
                "UPDATE revisions SET prefix = ?, suffix = ?, inserted = ?, length = ?, "
                "sha256 = ?, saves = saves + 1, updated = ? WHERE statement_id = ? AND "
                "section_id = ? AND seq = ?",
                (
                    merged.prefix,
                    merged.suffix,
                    merged.inserted,
                    len(new),
                    digest,
                    at,
                    statement_id,
                    section_id,
                    last[0],
                ),
            )
            return SaveResult(last[0], True, True, digest)
    seq = (last[0] + 1) if last else 1
    snapshot = zlib.compress(new.encode("utf-8"), 6) if seq % SNAPSHOT_EVERY == 1 else None
    conn.execute(
        "INSERT INTO revisions(statement_id, section_id, seq, kind, base_length, prefix, "
        "suffix, inserted, snapshot, length, sha256, saves, sitting_id, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
        (
            statement_id,
            section_id,
            seq,
            kind,
            delta.base_length,
            delta.prefix,
            delta.suffix,
            delta.inserted,
            snapshot,
            len(new),
            digest,
            sitting_id,
            at,
            at,
        ),
    )
    return SaveResult(seq, False, True, digest)


def text_at(conn: Connection, statement_id: str, section_id: str, seq: int) -> str:
    """Rebuild the section's text as it was at revision `seq` and check its hash."""
    start = conn.execute(
        "SELECT seq, snapshot FROM revisions WHERE statement_id = ? AND section_id = ? AND "
        "seq <= ? AND snapshot IS NOT NULL ORDER BY seq DESC LIMIT 1",
        (statement_id, section_id, seq),
    ).fetchone()
    if start is None:
        raise ValueError("no such revision")
    text = zlib.decompress(start[1]).decode("utf-8")
    rows = conn.execute(
        "SELECT base_length, prefix, suffix, inserted FROM revisions WHERE statement_id = ? "
        "AND section_id = ? AND seq > ? AND seq <= ? ORDER BY seq",
        (statement_id, section_id, start[0], seq),
    )
    for base_length, prefix, suffix, inserted in rows:
        text = apply(text, Delta(base_length, prefix, suffix, inserted))
    expected = conn.execute(
        "SELECT sha256 FROM revisions WHERE statement_id = ? AND section_id = ? AND seq = ?",
        (statement_id, section_id, seq),
    ).fetchone()[0]
    if sha256(text) != expected:
        raise ValueError("revision does not match its recorded hash")
    return text
