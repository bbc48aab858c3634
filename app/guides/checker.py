"""Strict, typed reads from a parsed guide file, failing with one line that names the
file and the field path (``broken interview guide csa.toml: phases[2].prompts[0] …``).

Guides are edited by people, so every problem is a ``GuideError`` that says where it is
and, for a misspelt key, what was probably meant.
"""

from __future__ import annotations

import datetime
import difflib
import re
import tomllib
from collections.abc import Mapping
from typing import Any, NoReturn

from app.errors import QuietroomError

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")
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


def toml_problem(exc: tomllib.TOMLDecodeError) -> str:
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


class Checker:
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
                self.fail(f"{join_path(path, key)} is not a known key ({hint})")
        for key in required:
            if key not in table:
                self.fail(f"{join_path(path, key)} is missing")

    def _get(self, table: Mapping[str, Any], key: str, path: str) -> Any:
        if key not in table:
            self.fail(f"{join_path(path, key)} is missing")
        return table[key]

    def string(self, table: Mapping[str, Any], key: str, path: str) -> str:
        return self._text(self._get(table, key, path), join_path(path, key))

    def _text(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            self.fail(f"{path} must be a non-empty string, not {kind_of(value)}")
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
        where = join_path(path, key)
        # bool is an int in Python, but `true` is not a number of minutes.
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(f"{where} must be an integer, not {kind_of(value)}")
        if low is not None and high is not None:
            if not low <= value <= high:
                self.fail(f"{where} must be between {low} and {high}, not {value}")
        elif low is not None and value < low:
            self.fail(f"{where} must be at least {low}, not {value}")
        return value

    def boolean(self, table: Mapping[str, Any], key: str, path: str) -> bool:
        value = self._get(table, key, path)
        if not isinstance(value, bool):
            self.fail(f"{join_path(path, key)} must be true or false, not {kind_of(value)}")
        return value

    def table(self, table: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
        value = self._get(table, key, path)
        if not isinstance(value, Mapping):
            self.fail(f"{join_path(path, key)} must be a table, not {kind_of(value)}")
        return value

    def items(self, table: Mapping[str, Any], key: str, path: str, min_items: int = 0) -> list[Any]:
        value = self._get(table, key, path)
        where = join_path(path, key)
        if not isinstance(value, list | tuple):
            self.fail(f"{where} must be a list, not {kind_of(value)}")
        if len(value) < min_items:
            self.fail(f"{where} must have at least {min_items} item{'s' * (min_items > 1)}")
        return list(value)

    def tables(
        self, table: Mapping[str, Any], key: str, path: str, min_items: int = 0
    ) -> list[Mapping[str, Any]]:
        items = self.items(table, key, path, min_items)
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                self.fail(f"{join_path(path, key)}[{index}] must be a table, not {kind_of(item)}")
        return items

    def strings(
        self,
        table: Mapping[str, Any],
        key: str,
        path: str,
        min_items: int = 0,
        unique: bool = False,
    ) -> tuple[str, ...]:
        where = join_path(path, key)
        values: list[str] = []
        for index, item in enumerate(self.items(table, key, path, min_items)):
            text = self._text(item, f"{where}[{index}]")
            if unique and text in values:
                self.fail(f"{where}[{index}] {show(text)} is listed twice")
            values.append(text)
        return tuple(values)

    def identifier(self, table: Mapping[str, Any], path: str, seen: dict[str, str]) -> str:
        """The table's ``id``: well-formed and not used before in ``seen`` (id -> path)."""
        where = join_path(path, "id")
        value = self._get(table, "id", path)
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            shown = show(value) if isinstance(value, str) else kind_of(value)
            self.fail(
                f"{where} must be lowercase ascii letters, digits and underscores, starting"
                f" with a letter, not {shown}"
            )
        if value in seen:
            self.fail(f"{where} {show(value)} is used twice (also {seen[value]})")
        seen[value] = where
        return value


def join_path(path: str, key: str) -> str:
    # Keys are quoted as TOML would quote them, so a stray newline cannot split the line.
    shown = key if isinstance(key, str) and _BARE_KEY.fullmatch(key) else show(key)
    return f"{path}.{shown}" if path else shown


def show(value: object) -> str:
    """A short, single-line rendering of a scalar for an error message."""
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= 42 else text[:40] + "…'"


def kind_of(value: object) -> str:
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
