"""The interview workspace from the desktop's side: what a case shows when it opens, the
guide in the interface language (and its fields' labels, for the core's messages that
name a field), typed text saved as it comes, the interviewer's place, and the timeline
events and notes added beside the statement.

Each task takes the Session first (ui/backend.py's `Backend.run` calls it on the worker
thread, which keeps every save in the order it was typed) and returns plain data.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.desktop.session import Session
from app.engine.models import Case, SectionText, Sitting, Statement, TimelineEvent
from app.errors import QuietroomError
from app.guides import CATEGORIES, Guide, GuideError, guide_for_case, guide_for_category

LOG = logging.getLogger("quietroom.desktop")


@dataclass(frozen=True)
class OpenedCase:
    """Everything the workspace shows for a case."""

    case: Case
    guide: Guide  # in the interface language when it could be loaded
    sections: list[SectionText]
    sitting: Sitting | None  # the sitting in progress, if any
    events: list[TimelineEvent]
    notes: list[dict[str, Any]]
    statement: Statement


def screen_guide(session: Session, case: Case, language: str) -> Guide:
    """The case's guide in the interface language, for the screen only (the statement and
    everything else keep the English guide). A translation that does not match its English
    guide must never stop an interview: the English guide is shown and the problem logged
    (the message names a guide file and field, never case content)."""
    engine = session.engine
    if language != "en":
        try:
            return engine.guide(case, language=language)
        except GuideError as exc:
            LOG.warning("%s; showing the English guide", exc)
    return engine.guide(case)


@dataclass(frozen=True)
class FieldLabels:
    """The guides' field labels in another language, for the core's messages that name a
    field: by the English label (a text field's value refused: "{what} is too long") and
    by the field's id (a choice given twice: "{field} takes exactly one value")."""

    by_label: dict[str, str]
    by_id: dict[str, str]


@lru_cache(maxsize=4)
def field_labels(language: str) -> FieldLabels:
    """Every field label of every version of every guide shipped (a case keeps the version
    it was started with), in `language`; read once per language (the guides ship with the
    app and do not change while it runs; a message naming a field is worded on the GUI
    thread, which must not read files each time). A message does not say which guide it is about,
    so only a label or id that reads one way in every translated version is kept; one
    left untranslated (a version with no translation) or read two ways is left out, and
    the message naming it stays whole in English."""
    found_by_label: dict[str, set[str]] = {}
    found_by_id: dict[str, set[str]] = {}
    for category in CATEGORIES:
        try:
            current = guide_for_category(category).version
        except QuietroomError:
            continue  # a broken guide: its cases cannot open, nor meet its fields
        for version in range(1, current + 1):
            try:
                english = guide_for_case(category, version)
                shown = guide_for_case(category, version, language)
            except QuietroomError:
                continue  # a version not shipped, or a translation that does not fit
            for field, theirs in zip(english.fields, shown.fields, strict=True):
                if theirs.label != field.label:  # the same label: not translated
                    found_by_label.setdefault(field.label, set()).add(theirs.label)
                    found_by_id.setdefault(field.id, set()).add(theirs.label)
    return FieldLabels(
        by_label={label: one for label, (one, *more) in found_by_label.items() if not more},
        by_id={field: one for field, (one, *more) in found_by_id.items() if not more},
    )


def load_case(
    session: Session, ref: str, language: str = "en", audit_view: bool = True
) -> OpenedCase:
    """Everything the workspace shows, the guide in `language`. Reading the statement is
    logged as a view once per opening of the case (`audit_view`): the workspace reloads
    the same case every time it is shown again, so that it never shows an out-of-date
    state, and those reloads are no new view."""
    engine = session.engine
    case = engine.case(ref)
    return OpenedCase(
        case=case,
        guide=screen_guide(session, case, language),
        sections=engine.sections(ref, audit_view=audit_view),
        sitting=engine.current_sitting(ref),
        events=engine.timeline(ref),
        notes=engine.notes(ref),
        statement=engine.statement(ref),
    )


def further_statement(session: Session, ref: str, language: str = "en") -> OpenedCase:
    """Start a further statement after the signed one (the signed one never changes):
    the case as it now is, the new statement open for writing."""
    session.engine.further_statement(ref)
    return load_case(session, ref, language, audit_view=False)


def save_section(session: Session, ref: str, section: str, text: str, position: int) -> None:
    """Save one section's text as typed, with where the cursor was."""
    session.engine.save_section(ref, section, text, position=position)


def set_place(
    session: Session,
    ref: str,
    phase: str | None = None,
    section: str | None = None,
    position: int | None = None,
) -> None:
    """Record where the interviewer is (phase, section, cursor), for an exact resume."""
    session.engine.set_place(ref, phase=phase, section=section, position=position)


def add_event(session: Session, ref: str, when: str, what: str) -> list[TimelineEvent]:
    """Add a timeline event in the survivor's words; the timeline as it now stands."""
    engine = session.engine
    engine.add_event(ref, when, what)
    return engine.timeline(ref)


def add_note(session: Session, ref: str, text: str) -> list[dict[str, Any]]:
    """Add an interviewer's note (never part of the statement); the notes as they stand."""
    engine = session.engine
    engine.add_note(ref, text)
    return engine.notes(ref)
