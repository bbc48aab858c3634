"""The core's plain data and limits that the desktop screens show or enforce, from one place.

ui/ imports from app/ only app.desktop (this module and the task modules beside it),
app.errors, app.settings, app.paths, app.hygiene and app.resources. Everything else a
screen or widget needs from the core is re-exported here: what the tasks hand back (a
case, a sitting, a section, a guide, a verification report…), the roles and categories
it offers, the limits its fields keep to while typing, and the signature pad's format.
So no ui/ file reaches into the engine, the vault, exports, rendering or crypto.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Each name is imported from where it lives on first use (PEP 562), so the app's first
# screen does not wait for the PDF renderer, the verifier or the review summary: only
# what a screen touches is loaded, when it touches it.
_WHERE: dict[str, tuple[str, str]] = {
    "MAX_SHORT_CHARS": ("app.engine.base", "MAX_SHORT_CHARS"),
    "CaseDetails": ("app.engine.case_details", "CaseDetails"),
    "DetailRefusal": ("app.engine.case_details", "DetailRefusal"),
    "MAX_INTERVIEWER": ("app.engine.cases", "MAX_INTERVIEWER"),
    "MAX_REFERENCE": ("app.engine.cases", "MAX_REFERENCE"),
    "parse_stamp": ("app.engine.clock", "parse_stamp"),
    "IdentitySummary": ("app.engine.identity", "IdentitySummary"),
    **{
        name: ("app.engine.models", name)
        for name in (
            "CATEGORIES", "PAUSE_REQUESTER_ROLES", "PAUSE_REQUESTERS", "ROLES", "Case",
            "PacingEvent", "Participant", "Pause", "SectionText", "Sitting", "Statement",
            "TimelineEvent",
        )
    },
    "STROKES_TYPE": ("app.engine.statements", "STROKES_TYPE"),
    "Report": ("app.export.verify", "Report"),
    "Guide": ("app.guides", "Guide"),
    "GuideError": ("app.guides", "GuideError"),
    "GuideField": ("app.guides", "Field"),  # a guide's structured field, beside the statement
    "SignatureArt": ("app.render.document", "SignatureArt"),
    "Stroke": ("app.render.document", "Stroke"),
    **{
        name: ("app.review.summary", name)
        for name in (
            "NO_REASON", "PauseSummary", "PersonPresent", "RecordSummary",
            "SectionRevisions", "SittingSummary", "TimelineEntry",
        )
    },
    # The signature pad: at most this many points in all, stored as signature_to_json
    # writes them (STROKES_TYPE, the compact JSON the engine's renderer reads back).
    "MAX_SIGNATURE_POINTS": ("app.render.signature_art", "MAX_POINTS"),
    "signature_to_json": ("app.render.signature_art", "to_json"),
}  # fmt: skip

if TYPE_CHECKING:
    from app.engine.base import MAX_SHORT_CHARS
    from app.engine.case_details import CaseDetails, DetailRefusal
    from app.engine.cases import MAX_INTERVIEWER, MAX_REFERENCE
    from app.engine.clock import parse_stamp
    from app.engine.identity import IdentitySummary
    from app.engine.models import (
        CATEGORIES,
        PAUSE_REQUESTER_ROLES,
        PAUSE_REQUESTERS,
        ROLES,
        Case,
        PacingEvent,
        Participant,
        Pause,
        SectionText,
        Sitting,
        Statement,
        TimelineEvent,
    )
    from app.engine.statements import STROKES_TYPE
    from app.export.verify import Report
    from app.guides import Field as GuideField
    from app.guides import Guide, GuideError
    from app.render.document import SignatureArt, Stroke
    from app.render.signature_art import MAX_POINTS as MAX_SIGNATURE_POINTS
    from app.render.signature_art import to_json as signature_to_json
    from app.review.summary import (
        NO_REASON,
        PauseSummary,
        PersonPresent,
        RecordSummary,
        SectionRevisions,
        SittingSummary,
        TimelineEntry,
    )


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'app.desktop.types' has no attribute {name!r}")
    value = getattr(importlib.import_module(where[0]), where[1])
    globals()[name] = value
    return value


__all__ = [
    "CATEGORIES",
    "MAX_INTERVIEWER",
    "MAX_REFERENCE",
    "MAX_SHORT_CHARS",
    "MAX_SIGNATURE_POINTS",
    "NO_REASON",
    "PAUSE_REQUESTERS",
    "PAUSE_REQUESTER_ROLES",
    "ROLES",
    "STROKES_TYPE",
    "Case",
    "CaseDetails",
    "DetailRefusal",
    "Guide",
    "GuideError",
    "GuideField",
    "IdentitySummary",
    "PacingEvent",
    "Participant",
    "Pause",
    "PauseSummary",
    "PersonPresent",
    "RecordSummary",
    "Report",
    "SectionRevisions",
    "SectionText",
    "SignatureArt",
    "Sitting",
    "SittingSummary",
    "Statement",
    "Stroke",
    "TimelineEntry",
    "TimelineEvent",
    "parse_stamp",
    "signature_to_json",
]
