"""Interview guides: the data that shapes an interview for each case category.

This module owns the guide format (schema 2; schema 1 is read by migration), its
validation and where the shipped guides live. A guide is a TOML file in
``app/resources/guides`` named after its category (csa, apsp, general). It holds the six
ABE/PEACE phases in order, each with a purpose, the interviewer's prompts (never
statement text), the statement sections it feeds and whether a check-in is suggested on
entering it; the statement sections in order; the structured fields recorded beside the
statement; the pacing defaults; and the supervisor's checklist. A check-in is suggested on
entering a phase only when the phase says ``checkin = true`` (a phase the survivor is
present for); ``pacing.checkin_on_phase_change`` no longer adds any (see docs/guides.md,
"Pacing").

Each prompt is either words to ``say`` to the survivor or an instruction to ``do`` (never
said aloud), with an optional ``only_if`` condition for the interviewer: "only if the
survivor has said it happened more than once" lives in the condition, never in the words
said. Schema 1 had bare strings; they are migrated on reading (``migrate_prompt``).

Guides are edited by people, so loading is strict and every failure is a ``GuideError``
with one line naming the file and the field path, e.g.
``broken interview guide csa.toml: phases[2].prompts[0] needs exactly one of say or do``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import UsageError
from app.guides.checker import (
    Checker,
    join_path,
    kind_of,
    show,
    toml_problem,
)
from app.resources import resource_path

SCHEMA = 2
READABLE_SCHEMAS = (1, 2)
PROMPT_KINDS = ("say", "do")
CATEGORIES = ("csa", "apsp", "general")
PHASE_IDS = (
    "planning",
    "engage_explain",
    "free_narrative",
    "questioning",
    "closure",
    "evaluation",
)
FIELD_KINDS = ("text", "longtext", "choice", "multichoice", "number")
CHOICE_KINDS = frozenset({"choice", "multichoice"})
BREAK_MINUTES = (5, 180)
LONG_SITTING_MINUTES = (30, 480)
# Optional pacing keys (a guide without them gets the default): the shortest pause that
# counts as a break, and the time since a sitting began, pauses included, after which
# one reminder suggests thinking about stopping for the day.
MIN_BREAK_MINUTES = (1, 60)
DEFAULT_MIN_BREAK_MINUTES = 5
WALL_CLOCK_MINUTES = (120, 720)
DEFAULT_WALL_CLOCK_MINUTES = 150
GUIDES_DIR_ENV = "QUIETROOM_GUIDES_DIR"
# A guide is a few kilobytes; the cap only stops a wrong file being read whole.
MAX_GUIDE_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Prompt:
    """One line of a phase: words to say, or something to do, perhaps only under a
    condition the interviewer judges (``only_if``)."""

    text: str
    kind: str = "say"  # "say" | "do"
    only_if: str | None = None


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One point the supervisor checks: met, not met or not applicable."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Field:
    id: str
    label: str
    kind: str
    choices: tuple[str, ...]
    help: str


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Phase:
    id: str
    title: str
    purpose: str
    prompts: tuple[Prompt, ...]
    sections: tuple[str, ...]
    checkin: bool


@dataclass(frozen=True, slots=True)
class Pacing:
    """The guide's pacing (the rules are in ``app.engine.sittings`` and docs/guides.md).

    ``break_every_minutes``: a break reminder after each such stretch of active time since
    the last break (the survivor's own interval wins). ``min_break_minutes``: a pause
    counts as a break only if it lasts at least this long. ``long_sitting_minutes``: one
    reminder once the sitting's active time reaches it. ``wall_clock_minutes``: one
    reminder once this long has passed since the sitting began, pauses included.
    ``checkin_on_phase_change`` is read for compatibility and adds no check-ins: a
    check-in follows each phase's own ``checkin`` flag.
    """

    break_every_minutes: int
    long_sitting_minutes: int
    checkin_on_phase_change: bool
    min_break_minutes: int = DEFAULT_MIN_BREAK_MINUTES
    wall_clock_minutes: int = DEFAULT_WALL_CLOCK_MINUTES


@dataclass(frozen=True, slots=True)
class Guide:
    id: str
    title: str
    version: int
    phases: tuple[Phase, ...]
    sections: tuple[Section, ...]
    fields: tuple[Field, ...]
    pacing: Pacing
    source: str
    checklist: tuple[ChecklistItem, ...] = ()

    def section_ids(self) -> tuple[str, ...]:
        return tuple(section.id for section in self.sections)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise UsageError(
            "guide.unknown_section",
            "unknown section {section}; this guide has: {known}",
            section=show(section_id),
            known=", ".join(self.section_ids()),
        )

    def phase(self, phase_id: str) -> Phase:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        known = ", ".join(phase.id for phase in self.phases)
        raise UsageError(
            "guide.unknown_phase",
            "unknown phase {phase}; this guide has: {known}",
            phase=show(phase_id),
            known=known,
        )


# --- where guides live ----------------------------------------------------------------


def guides_dir() -> Path:
    """The directory of guide files: ``app/resources/guides``, or ``$QUIETROOM_GUIDES_DIR``."""
    override = os.environ.get(GUIDES_DIR_ENV, "")
    if override:
        return Path(override).expanduser()
    return resource_path("guides")


# --- loading --------------------------------------------------------------------------


def load_guide(path: Path) -> Guide:
    """Read and validate one guide file; any problem is a one-line ``GuideError``."""
    path = Path(path)
    check = Checker(path.name)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_GUIDE_BYTES + 1)
    except FileNotFoundError:
        check.fail("file not found")
    except IsADirectoryError:
        check.fail("this is a directory, not a file")
    except PermissionError:
        check.fail("cannot read the file (permission denied)")
    except OSError as exc:
        check.fail(f"cannot read the file ({exc.strerror or type(exc).__name__})")
    if len(raw) > MAX_GUIDE_BYTES:
        check.fail(f"the file is larger than {MAX_GUIDE_BYTES // 1024} KiB, too large for a guide")
    try:
        # utf-8-sig: editors on Windows may save a byte-order mark; it is harmless.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        check.fail(f"not valid UTF-8 (byte {exc.start})")
    if not text.strip():
        check.fail("the file is empty")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        check.fail(toml_problem(exc))
    except RecursionError:
        check.fail("not valid TOML (nested too deeply)")
    return parse_guide(data, str(path))


def parse_guide(data: Mapping[str, Any], source: str) -> Guide:
    """Validate already-parsed guide data; ``source`` names it in errors and on the Guide."""
    check = Checker(Path(source).name)
    if not isinstance(data, Mapping):
        check.fail(f"the guide must be a table, not {kind_of(data)}")
    if not data:
        check.fail("the file is empty")
    # The schema number is checked first: a newer format should say so, not list its keys
    # as unknown.
    schema = check.integer(data, "schema", "")
    if schema not in READABLE_SCHEMAS:
        check.fail(
            f"schema must be {SCHEMA} (or 1, read by migration), not {schema} (this version of"
            f" Quietroom reads schemas 1 and {SCHEMA})"
        )
    check.keys(
        data,
        "",
        required=("schema", "id", "title", "version", "pacing", "sections", "phases"),
        optional=("fields", "checklist") if schema >= 2 else ("fields",),
    )
    guide_id = check.string(data, "id", "")
    if guide_id not in CATEGORIES:
        check.fail(f"id must be one of {', '.join(CATEGORIES)}, not {show(guide_id)}")
    title = check.string(data, "title", "")
    version = check.integer(data, "version", "", low=1)
    pacing = _pacing(check, check.table(data, "pacing", ""))
    sections = _sections(check, data)
    fields = _fields(check, data)
    phases = _phases(check, data, tuple(section.id for section in sections), schema)
    return Guide(
        id=guide_id,
        title=title,
        version=version,
        phases=phases,
        sections=sections,
        fields=fields,
        pacing=pacing,
        source=source,
        checklist=_checklist(check, data),
    )


def _pacing(check: Checker, table: Mapping[str, Any]) -> Pacing:
    path = "pacing"
    check.keys(
        table,
        path,
        required=("break_every_minutes", "long_sitting_minutes"),
        optional=("checkin_on_phase_change", "min_break_minutes", "wall_clock_minutes"),
    )
    break_every = check.integer(table, "break_every_minutes", path, *BREAK_MINUTES)
    long_sitting = check.integer(table, "long_sitting_minutes", path, *LONG_SITTING_MINUTES)
    if break_every >= long_sitting:
        check.fail(
            f"pacing.break_every_minutes ({break_every}) must be shorter than"
            f" pacing.long_sitting_minutes ({long_sitting})"
        )
    min_break = (
        check.integer(table, "min_break_minutes", path, *MIN_BREAK_MINUTES)
        if "min_break_minutes" in table
        else DEFAULT_MIN_BREAK_MINUTES
    )
    wall_clock = (
        check.integer(table, "wall_clock_minutes", path, *WALL_CLOCK_MINUTES)
        if "wall_clock_minutes" in table
        else DEFAULT_WALL_CLOCK_MINUTES
    )
    return Pacing(
        break_every_minutes=break_every,
        long_sitting_minutes=long_sitting,
        checkin_on_phase_change=(
            check.boolean(table, "checkin_on_phase_change", path)
            if "checkin_on_phase_change" in table
            else False
        ),
        min_break_minutes=min_break,
        wall_clock_minutes=wall_clock,
    )


def _sections(check: Checker, data: Mapping[str, Any]) -> tuple[Section, ...]:
    tables = check.tables(data, "sections", "", min_items=1)
    seen: dict[str, str] = {}
    sections = []
    for index, table in enumerate(tables):
        path = f"sections[{index}]"
        check.keys(table, path, required=("id", "title", "description"))
        sections.append(
            Section(
                id=check.identifier(table, path, seen),
                title=check.string(table, "title", path),
                description=check.string(table, "description", path),
            )
        )
    return tuple(sections)


def _fields(check: Checker, data: Mapping[str, Any]) -> tuple[Field, ...]:
    if "fields" not in data:
        return ()
    tables = check.tables(data, "fields", "")
    seen: dict[str, str] = {}
    fields = []
    for index, table in enumerate(tables):
        path = f"fields[{index}]"
        check.keys(table, path, required=("id", "label", "kind"), optional=("choices", "help"))
        field_id = check.identifier(table, path, seen)
        label = check.string(table, "label", path)
        kind = check.string(table, "kind", path)
        if kind not in FIELD_KINDS:
            check.fail(f"{path}.kind must be one of {', '.join(FIELD_KINDS)}, not {show(kind)}")
        if kind in CHOICE_KINDS:
            if "choices" not in table:
                check.fail(f"{path}.choices is missing (a {kind} field needs its choices)")
            choices = check.strings(table, "choices", path, min_items=2, unique=True)
        elif "choices" in table:
            check.fail(f"{path}.choices is only allowed for choice and multichoice fields")
        else:
            choices = ()
        help_text = check.string(table, "help", path) if "help" in table else ""
        fields.append(Field(id=field_id, label=label, kind=kind, choices=choices, help=help_text))
    return tuple(fields)


def _phases(
    check: Checker, data: Mapping[str, Any], declared: tuple[str, ...], schema: int
) -> tuple[Phase, ...]:
    tables = check.tables(data, "phases", "")
    seen: dict[str, str] = {}
    phases = []
    for index, table in enumerate(tables):
        path = f"phases[{index}]"
        check.keys(
            table, path, required=("id", "title", "purpose", "prompts", "sections", "checkin")
        )
        phase_id = check.identifier(table, path, seen)
        if phase_id not in PHASE_IDS:
            check.fail(f"{path}.id {show(phase_id)} is not a phase; phases are {_phase_list()}")
        sections = check.strings(table, "sections", path, unique=True)
        for position, section_id in enumerate(sections):
            if section_id not in declared:
                check.fail(
                    f"{path}.sections[{position}] {show(section_id)} is not a declared section"
                    f" (declared: {', '.join(declared)})"
                )
        phases.append(
            Phase(
                id=phase_id,
                title=check.string(table, "title", path),
                purpose=check.string(table, "purpose", path),
                prompts=_prompts(check, table, path, schema),
                sections=sections,
                checkin=check.boolean(table, "checkin", path),
            )
        )
    ids = tuple(phase.id for phase in phases)
    missing = [phase_id for phase_id in PHASE_IDS if phase_id not in ids]
    if missing:
        check.fail(f"phases: {', '.join(missing)} missing; a guide has {_phase_list()}")
    if ids != PHASE_IDS:
        check.fail(f"phases are out of order ({', '.join(ids)}); the order is {_phase_list()}")
    return tuple(phases)


def _prompts(
    check: Checker, table: Mapping[str, Any], path: str, schema: int
) -> tuple[Prompt, ...]:
    if schema == 1:
        return tuple(
            migrate_prompt(text) for text in check.strings(table, "prompts", path, min_items=1)
        )
    where = join_path(path, "prompts")
    prompts = []
    for index, item in enumerate(check.items(table, "prompts", path, min_items=1)):
        at = f"{where}[{index}]"
        if not isinstance(item, Mapping):
            check.fail(
                f'{at} must be a table such as {{ say = "…" }} or {{ do = "…" }}, not'
                f" {kind_of(item)}"
            )
        kinds = [kind for kind in PROMPT_KINDS if kind in item]
        if len(kinds) != 1:
            check.fail(
                f"{at} needs exactly one of say (words to say) or do (an instruction)"
                + (", not both" if kinds else "")
            )
        kind = kinds[0]
        check.keys(item, at, required=(kind,), optional=("only_if",))
        only_if = check.string(item, "only_if", at) if "only_if" in item else None
        prompts.append(Prompt(text=check.string(item, kind, at), kind=kind, only_if=only_if))
    return tuple(prompts)


# Schema 1 had bare strings. On reading, a prompt that begins with one of these verbs, or
# speaks of the survivor in the third person, is an instruction; any other is words to
# say; "If …: words" becomes the words with the condition. A migrated guide should be
# checked by a person and saved as schema 2 (docs/guides.md).
# fmt: off
_INSTRUCTION_VERBS = frozenset({
    "agree", "arrange", "ask", "avoid", "begin", "book", "check", "copy", "decide",
    "explain", "find", "give", "go", "help", "identify", "introduce", "keep", "let",
    "listen", "look", "make", "move", "note", "offer", "plan", "prepare", "read",
    "record", "refer", "review", "stop", "talk", "use",
})
# fmt: on


def migrate_prompt(text: str) -> Prompt:
    """A schema-1 prompt as a schema-2 one (see above)."""
    head, colon, rest = text.partition(":")
    if head.startswith("If ") and colon and rest.strip() and "survivor" not in head:
        words = rest.strip()
        condition = head[3:].strip()
        return Prompt(text=words[:1].upper() + words[1:], kind="say", only_if=condition)
    first = text.split(maxsplit=1)[0].strip(".,:;!?“”\"'").lower() if text.split() else ""
    instruction = first in _INSTRUCTION_VERBS or "the survivor" in text.lower()
    return Prompt(text=text, kind="do" if instruction else "say")


def _checklist(check: Checker, data: Mapping[str, Any]) -> tuple[ChecklistItem, ...]:
    if "checklist" not in data:
        return ()
    seen: dict[str, str] = {}
    items = []
    for index, table in enumerate(check.tables(data, "checklist", "", min_items=1)):
        path = f"checklist[{index}]"
        check.keys(table, path, required=("id", "text"))
        items.append(
            ChecklistItem(
                id=check.identifier(table, path, seen), text=check.string(table, "text", path)
            )
        )
    return tuple(items)


def _phase_list() -> str:
    return ", ".join(PHASE_IDS) + " in that order"
