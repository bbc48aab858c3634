"""Quiet guide hints the interviewer dismissed, with the reason they gave, for the supervisor.

A guide's question rules raise quiet hints about a question (a leading one, say). The
interviewer may dismiss one and say why; the dismissal, with its reason, goes into the
export's record so the supervisor sees it. The audit log records that a hint was
dismissed and whether a reason was given, never the reason's text (it may be personal).
"""

from __future__ import annotations

import re
from typing import Any

from app.engine.base import EngineBase, short_text
from app.errors import UsageError

RULE_ID = re.compile(r"[a-z0-9_.-]{1,64}")
MAX_HINT_REASON = 500


def check_rule(rule: object) -> str:
    """A question rule's id as the guides write them: a-z, 0-9, '_', '.', '-' (1-64)."""
    if not isinstance(rule, str) or not RULE_ID.fullmatch(rule):
        raise UsageError(
            "hint.unknown_rule",
            "a hint's rule is named by its id: 1 to 64 of a-z, 0-9, '_', '.' and '-'",
        )
    return rule


class HintsMixin(EngineBase):
    def dismiss_hint(self, ref: str, rule: str, reason: str | None = None) -> dict[str, Any]:
        """Record that the hint of question rule `rule` was dismissed, and why (optional,
        one line of at most 500 characters)."""
        rule = check_rule(rule)
        reason = short_text(reason, "the reason", limit=MAX_HINT_REASON, single_line=True) or None
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            at = self.now()
            cur = conn.execute(
                "INSERT INTO hint_dismissals (case_id, rule, reason, at) VALUES (?, ?, ?, ?)",
                (case.id, rule, reason, at),
            )
            self._audit(
                conn, case.id, "hint", {"rule": rule, "reason_given": reason is not None}, at
            )
        return {"id": int(cur.lastrowid or 0), "rule": rule, "reason": reason, "at": at}

    def hint_dismissals(self, ref: str) -> list[dict[str, Any]]:
        """Every dismissal on the case, oldest first: {"rule", "reason", "at"}."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            rows = conn.execute(
                "SELECT rule, reason, at FROM hint_dismissals WHERE case_id = ? ORDER BY id",
                (case.id,),
            ).fetchall()
        return [{"rule": rule, "reason": reason, "at": at} for rule, reason, at in rows]
