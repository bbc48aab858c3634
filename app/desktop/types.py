"""The core's plain data and limits that the desktop screens show or enforce, from one place.

ui/ imports from app/ only app.desktop (this module and the task modules beside it),
app.errors, app.settings, app.paths, app.hygiene and app.resources. Everything else a
screen or widget needs from the core is re-exported here: what the tasks hand back (a
case, a sitting, a section, a guide, a verification report…), the roles and categories
it offers, the limits its fields keep to while typing, and the signature pad's format.
So no ui/ file reaches into the engine, the vault, exports, rendering or crypto.
"""

from __future__ import annotations

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
from app.guides import Guide, GuideError
from app.render import signature_art
from app.render.document import SignatureArt, Stroke
from app.review.summary import (
    NO_REASON,
    PauseSummary,
    PersonPresent,
    RecordSummary,
    SectionRevisions,
    SittingSummary,
    TimelineEntry,
)

# The signature pad: at most this many points in all, stored as signature_to_json writes
# them (STROKES_TYPE, the compact JSON the engine's renderer reads back).
MAX_SIGNATURE_POINTS = signature_art.MAX_POINTS
signature_to_json = signature_art.to_json

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
