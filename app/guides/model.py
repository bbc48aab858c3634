"""Interview guides: the data that shapes an interview for each case category.

This module owns the guide format (schema 1), its validation and where the shipped guides
live. A guide is a TOML file in ``app/resources/guides`` named after its category (csa, apsp,
general). It holds the six ABE/PEACE phases in order, each with a purpose, the
interviewer's prompts (never statement text), the statement sections it feeds and whether
a check-in is suggested on entering it; the statement sections in order; the structured
fields recorded beside the statement; and the pacing defaults. A check-in is suggested on
entering a phase when ``pacing.checkin_on_phase_change`` is true or the phase says
``checkin = true``.

Guides are edited by people, so loading is strict and every failure is a ``GuideError``
with one line naming the file and the field path, e.g.
``broken interview guide csa.toml: phases[2].prompts[0] must be a non-empty string``.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from app.errors import QuietroomError, UsageError
from app.resources import resource_path

SCHEMA = 1
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
GUIDES_DIR_ENV = "QUIETROOM_GUIDES_DIR"
# A guide is a few kilobytes; the cap only stops a wrong file being read whole.
MAX_GUIDE_BYTES = 1024 * 1024

_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


class GuideError(QuietroomError):
    """An interview guide is missing, unreadable or does not match the schema (exit code 1)."""

    exit_code = 1


def broken_guide(name: str, detail: str) -> GuideError:
    """The guide file `name` is broken; `detail` says where and how (in English: guides
    are maintained by the organisation's staff, not read by interviewers)."""
    return GuideError(
        "guide.broken", "broken interview guide {name}: {detail}", name=name, detail=detail
    )


@dataclass(frozen=True, slots=True)
class Prompt:
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
    break_every_minutes: int
    long_sitting_minutes: int
    checkin_on_phase_change: bool


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
    check = _Checker(path.name)
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
        check.fail(_toml_problem(exc))
    except RecursionError:
        check.fail("not valid TOML (nested too deeply)")
    return parse_guide(data, str(path))


def parse_guide(data: Mapping[str, Any], source: str) -> Guide:
    """Validate already-parsed guide data; ``source`` names it in errors and on the Guide."""
    check = _Checker(Path(source).name)
    if not isinstance(data, Mapping):
        check.fail(f"the guide must be a table, not {_kind(data)}")
    if not data:
        check.fail("the file is empty")
    # The schema number is checked first: a newer format should say so, not list its keys
    # as unknown.
    schema = check.integer(data, "schema", "")
    if schema != SCHEMA:
        check.fail(
            f"schema must be {SCHEMA}, not {schema} (this version of Quietroom reads schema"
            f" {SCHEMA})"
        )
    check.keys(
        data,
        "",
        required=("schema", "id", "title", "version", "pacing", "sections", "phases"),
        optional=("fields",),
    )
    guide_id = check.string(data, "id", "")
    if guide_id not in CATEGORIES:
        check.fail(f"id must be one of {', '.join(CATEGORIES)}, not {show(guide_id)}")
    title = check.string(data, "title", "")
    version = check.integer(data, "version", "", low=1)
    pacing = _pacing(check, check.table(data, "pacing", ""))
    sections = _sections(check, data)
    fields = _fields(check, data)
    phases = _phases(check, data, tuple(section.id for section in sections))
    return Guide(
        id=guide_id,
        title=title,
        version=version,
        phases=phases,
        sections=sections,
        fields=fields,
        pacing=pacing,
        source=source,
    )


def _pacing(check: _Checker, table: Mapping[str, Any]) -> Pacing:
    path = "pacing"
    check.keys(
        table,
        path,
        required=("break_every_minutes", "long_sitting_minutes", "checkin_on_phase_change"),
    )
    break_every = check.integer(table, "break_every_minutes", path, *BREAK_MINUTES)
    long_sitting = check.integer(table, "long_sitting_minutes", path, *LONG_SITTING_MINUTES)
    if break_every >= long_sitting:
        check.fail(
            f"pacing.break_every_minutes ({break_every}) must be shorter than"
            f" pacing.long_sitting_minutes ({long_sitting})"
        )
    return Pacing(
        break_every_minutes=break_every,
        long_sitting_minutes=long_sitting,
        checkin_on_phase_change=check.boolean(table, "checkin_on_phase_change", path),
    )


def _sections(check: _Checker, data: Mapping[str, Any]) -> tuple[Section, ...]:
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


def _fields(check: _Checker, data: Mapping[str, Any]) -> tuple[Field, ...]:
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
    check: _Checker, data: Mapping[str, Any], declared: tuple[str, ...]
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
                prompts=tuple(
                    Prompt(text) for text in check.strings(table, "prompts", path, min_items=1)
                ),
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


def _phase_list() -> str:
    return ", ".join(PHASE_IDS) + " in that order"


def _toml_problem(exc: tomllib.TOMLDecodeError) -> str:
    # Python 3.11's TOMLDecodeError carries its position only in the message text.
    message = " ".join(str(exc).split())
    found = _TOML_POSITION.search(message)
    if found:
        reason = message[: found.start()]
        where = f" (line {found.group(1)}, column {found.group(2)})"
    else:
        reason = message.removesuffix(" (at end of document)")
        where = " (at the end of the file)" if reason != message else ""
    reason = reason[:1].lower() + reason[1:]
    return f"not valid TOML{where}: {reason}" if reason else f"not valid TOML{where}"


# --- the checker ----------------------------------------------------------------------


class _Checker:
    """Typed reads from parsed TOML that fail with the file name and the field path."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, message: str) -> NoReturn:
        raise broken_guide(self.name, message)

    def keys(
        self,
        table: Mapping[str, Any],
        path: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> None:
        # Unknown keys first: a misspelt key is the cause when its correct form is missing.
        allowed = required + optional
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(allowed)}"
                self.fail(f"{_join(path, key)} is not a known key ({hint})")
        for key in required:
            if key not in table:
                self.fail(f"{_join(path, key)} is missing")

    def _get(self, table: Mapping[str, Any], key: str, path: str) -> Any:
        if key not in table:
            self.fail(f"{_join(path, key)} is missing")
        return table[key]

    def string(self, table: Mapping[str, Any], key: str, path: str) -> str:
        return self._text(self._get(table, key, path), _join(path, key))

    def _text(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            self.fail(f"{path} must be a non-empty string, not {_kind(value)}")
        if not value.strip():
            self.fail(f"{path} must be a non-empty string")
        return value.strip()

    def integer(
        self,
        table: Mapping[str, Any],
        key: str,
        path: str,
        low: int | None = None,
        high: int | None = None,
    ) -> int:
        value = self._get(table, key, path)
        where = _join(path, key)
        # bool is an int in Python, but `true` is not a number of minutes.
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(f"{where} must be an integer, not {_kind(value)}")
        if low is not None and high is not None:
            if not low <= value <= high:
                self.fail(f"{where} must be between {low} and {high}, not {value}")
        elif low is not None and value < low:
            self.fail(f"{where} must be at least {low}, not {value}")
        return value

    def boolean(self, table: Mapping[str, Any], key: str, path: str) -> bool:
        value = self._get(table, key, path)
        if not isinstance(value, bool):
            self.fail(f"{_join(path, key)} must be true or false, not {_kind(value)}")
        return value

    def table(self, table: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
        value = self._get(table, key, path)
        if not isinstance(value, Mapping):
            self.fail(f"{_join(path, key)} must be a table, not {_kind(value)}")
        return value

    def _list(self, table: Mapping[str, Any], key: str, path: str, min_items: int) -> list[Any]:
        value = self._get(table, key, path)
        where = _join(path, key)
        if not isinstance(value, list | tuple):
            self.fail(f"{where} must be a list, not {_kind(value)}")
        if len(value) < min_items:
            self.fail(f"{where} must have at least {min_items} item{'s' * (min_items > 1)}")
        return list(value)

    def tables(
        self, table: Mapping[str, Any], key: str, path: str, min_items: int = 0
    ) -> list[Mapping[str, Any]]:
        items = self._list(table, key, path, min_items)
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                self.fail(f"{_join(path, key)}[{index}] must be a table, not {_kind(item)}")
        return items

    def strings(
        self,
        table: Mapping[str, Any],
        key: str,
        path: str,
        min_items: int = 0,
        unique: bool = False,
    ) -> tuple[str, ...]:
        where = _join(path, key)
        values: list[str] = []
        for index, item in enumerate(self._list(table, key, path, min_items)):
            text = self._text(item, f"{where}[{index}]")
            if unique and text in values:
                self.fail(f"{where}[{index}] {show(text)} is listed twice")
            values.append(text)
        return tuple(values)

    def identifier(self, table: Mapping[str, Any], path: str, seen: dict[str, str]) -> str:
        """The table's ``id``: well-formed and not used before in ``seen`` (id -> path)."""
        where = _join(path, "id")
        value = self._get(table, "id", path)
        if not isinstance(value, str) or not _ID.fullmatch(value):
            shown = show(value) if isinstance(value, str) else _kind(value)
            self.fail(
                f"{where} must be lowercase ascii letters, digits and underscores, starting"
                f" with a letter, not {shown}"
            )
        if value in seen:
            self.fail(f"{where} {show(value)} is used twice (also {seen[value]})")
        seen[value] = where
        return value


def _join(path: str, key: str) -> str:
    # Keys are quoted as TOML would quote them, so a stray newline cannot split the line.
    shown = key if isinstance(key, str) and _BARE_KEY.fullmatch(key) else show(key)
    return f"{path}.{shown}" if path else shown


def show(value: object) -> str:
    """A short, single-line rendering of a scalar for an error message."""
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= 42 else text[:40] + "…'"


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, datetime.date | datetime.time):
        return "a date or time"
    if value is None:
        return "nothing"
    return f"a {type(value).__name__}"
