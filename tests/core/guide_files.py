"""What the guide tests share: the shipped guides' files, a tiny TOML writer for
guide-shaped data, and `change`, which edits one field of a guide's data by its path."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.guides import (
    CATEGORIES,
    Guide,
    GuideError,
    load_guide,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "app" / "resources" / "guides"
APSP_TEXT = (SHIPPED / "apsp.toml").read_text(encoding="utf-8")
APSP_DATA = tomllib.loads(APSP_TEXT)
PHASE_LIST = "planning, engage_explain, free_narrative, questioning, closure, evaluation"


def shipped(category: str) -> Guide:
    return load_guide(SHIPPED / f"{category}.toml")


def all_prompts() -> Iterator[tuple[str, str, str]]:
    """(category, phase id, words) for every line to say in every shipped guide (the
    instructions to the interviewer are never said, so the wording rules are for these)."""
    for category in CATEGORIES:
        for phase in shipped(category).phases:
            for prompt in phase.prompts:
                if prompt.kind == "say":
                    yield category, phase.id, prompt.text.replace("\u2019", "'")


# --- a tiny TOML writer, enough for guide-shaped data -----------------------------------


def to_toml(data: dict[str, Any]) -> str:
    def value(item: Any) -> str:
        if isinstance(item, bool):
            return "true" if item else "false"
        if isinstance(item, int):
            return str(item)
        if isinstance(item, str):
            return json.dumps(item, ensure_ascii=False)
        if isinstance(item, list):
            return "[" + ", ".join(value(element) for element in item) + "]"
        if isinstance(item, dict):  # an inline table, as schema 2 writes a prompt
            return "{ " + ", ".join(body(item)) + " }"
        raise TypeError(type(item))

    def body(table: dict[str, Any]) -> list[str]:
        return [f"{json.dumps(key)} = {value(item)}" for key, item in table.items()]

    def is_tables(item: Any) -> bool:
        return isinstance(item, list) and bool(item) and all(isinstance(e, dict) for e in item)

    plain = {k: v for k, v in data.items() if not isinstance(v, dict) and not is_tables(v)}
    lines = body(plain)
    for key, item in data.items():
        if isinstance(item, dict):
            lines += [f"[{json.dumps(key)}]", *body(item)]
        elif is_tables(item):
            for table in item:
                lines += [f"[[{json.dumps(key)}]]", *body(table)]
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def assert_one_line(exc: GuideError, file_name: str) -> str:
    message = str(exc)
    assert message.startswith(f"broken interview guide {file_name}: "), message
    assert "\n" not in message and "\r" not in message, message
    return message


DROP = object()  # as a case's value: delete the key or item at the path


def _steps(path: str) -> list[str | int]:
    return [int(step) if step.isdigit() else step for step in path.split(".")]


def change(data: dict[str, Any], path: str, value: Any) -> None:
    """Set (or with DROP delete) the item at a dotted path such as ``phases.2.prompts.0``."""
    *parents, last = _steps(path)
    for step in parents:
        data = data[step]  # type: ignore[index]
    if value is DROP:
        del data[last]  # type: ignore[arg-type]
    else:
        data[last] = value  # type: ignore[index]


# (case, dotted path, new value or DROP, what the message must say), applied to apsp.toml.
