"""A verification report: one `Check` per line, and how a check's detail is worded.

A check's `detail` is the English sentence the command line prints (`quietroom-cli
verify`, its `--json` too), never changed by an interface. The same sentence is kept as
a `Phrase` (`phrase`: a `report.` code, the English template, its parameters) so the
desktop app can say it in its own language (ui/report_messages.py); a detail that is one
of the core's errors keeps that error's phrase in `reason` instead.

A phrase's parameters are data from the bundle (names, file names, times, counts) or
phrases themselves, never English words in a plain string: a detail that holds English
the core cannot phrase (a library's message) is kept as a plain string, so it is shown
whole in English rather than half translated. `joined` and `clipped` keep that rule for
details made of several problems, or cut to a length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.errors import Phrase, VerificationError

__all__ = ["NO_RECORD", "NO_RECORD_FOR_THEM", "Check", "Report", "clipped", "joined"]

# Said by several checks when record.json did not check (so there is nothing to compare).
NO_RECORD = Phrase("report.no_record", "there is no valid record to check it against")
NO_RECORD_FOR_THEM = Phrase(
    "report.no_record_them", "there is no valid record to check them against"
)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    reason: Phrase | None = field(default=None, compare=False)  # the error behind detail
    phrase: Phrase | None = field(default=None, compare=False)  # detail, as a phrase

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.name}: {self.detail}"


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str | Phrase) -> bool:
        """A line; its detail in English, and as a phrase when it is one."""
        phrase = detail if isinstance(detail, Phrase) else None
        self.checks.append(Check(name, ok, str(detail), phrase=phrase))
        return ok

    def refuse(self, name: str, error: VerificationError) -> None:
        """A failed check whose detail is the core's error, kept for translation."""
        self.checks.append(Check(name, False, str(error), error.phrase))

    def to_json(self) -> dict[str, Any]:
        m = self.manifest or {}
        return {
            "ok": self.ok,
            "checks": [{"check": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
            "bundle_id": m.get("bundle_id"),
            "case": m.get("case"),
            "author": m.get("author"),
            "created": m.get("created"),
            "sequence": m.get("sequence"),
        }


def joined(parts: Sequence[Phrase | str]) -> Phrase | str:
    """Several problems as one detail, "; " between them. Phrases stay a phrase (nested
    in halves, so a thousand problems nest ten deep, not a thousand); a plain string
    among them makes the whole a plain string."""
    if not parts:
        return ""
    if any(not isinstance(part, Phrase) for part in parts):
        return "; ".join(str(part) for part in parts)
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    return Phrase(
        "report.problems", "{first}; {then}", first=joined(parts[:half]), then=joined(parts[half:])
    )


def clipped(detail: Phrase | str, limit: int) -> Phrase | str:
    """The detail, cut to `limit` characters if longer (a plain string then: a cut
    sentence has no phrase)."""
    text = str(detail)
    return detail if len(text) <= limit else text[:limit]
