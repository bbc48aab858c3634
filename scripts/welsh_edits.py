"""In-place edits for the Welsh sign-off: a catalogue entry marked finished (and its
wording corrected), a guide's wording corrected, and writing a file atomically.

This module owns changing the translation files without disturbing anything else in
them. A .ts file is edited as text, one <translation> element at a time, never rebuilt
through xml.etree (which would drop the DOCTYPE and the layout lupdate writes); a guide
is edited by replacing the one TOML string that holds the wording, found and then checked
by parsing the result, which must differ from the original in that one value only. What
cannot be done that safely is refused with `CannotEdit`, and the wording is then edited
by hand. Used by scripts/welsh_signoff.py.
"""

from __future__ import annotations

import copy
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from welsh_items import Item
from welsh_sources import TRANSLATION, read_catalogue


class CannotEdit(Exception):
    """This change cannot be made safely in place; the message says why."""


# --- catalogues ----------------------------------------------------------------------


def ts_escape(text: str) -> str:
    """Text as pyside6-lupdate writes it inside an element."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace('"', "&quot;")
    )


def finish_entries(
    relative: Path, text: str, items: list[Item], changes: dict[str, str | None]
) -> str:
    """`text` (the catalogue `relative`, as read into `items`) with each entry whose key is
    in `changes` marked finished and given its corrected wording (None: keep it). Only
    those <translation> elements change; the result is read back and checked."""
    edited = text
    for item in sorted(items, key=lambda item: item.span[0], reverse=True):
        if item.key not in changes:
            continue
        start, end = item.span
        match = TRANSLATION.fullmatch(edited, start, end)
        if match is None:  # the offsets came from this very text
            raise CannotEdit(f"{relative}: {item.where} was not where it was read")
        attributes = re.sub(r'\s+type="unfinished"', "", match["attrs"])
        new = changes[item.key]
        if new is None:
            body = match["body"]
        elif item.numerus:
            raise CannotEdit("plural forms are corrected in Qt Linguist")
        else:
            body = ts_escape(new)
        element = (
            f"<translation{attributes}/>"
            if body is None
            else (f"<translation{attributes}>{body}</translation>")
        )
        edited = edited[:start] + element + edited[end:]
    _check_catalogue(relative, items, changes, edited)
    return edited


def _check_catalogue(
    relative: Path, before: list[Item], changes: dict[str, str | None], text: str
) -> None:
    after = read_catalogue(relative, text)
    expected = [
        (
            item.where,
            item.english,
            item.welsh if changes.get(item.key) is None else changes[item.key],
            item.finished or item.key in changes,
        )
        for item in before
    ]
    found = [(item.where, item.english, item.welsh, item.finished) for item in after]
    if found != expected:
        raise CannotEdit(f"{relative}: the edited catalogue did not read back as intended")


# --- guides --------------------------------------------------------------------------

# A one-line TOML string: basic ("…", with escapes) or literal ('…').
_TOML_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')


def toml_string(text: str) -> str:
    """`text` as a TOML basic string on one line."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def replace_in_guide(
    text: str, document: dict[str, Any], keypath: tuple[str | int, ...], new: str
) -> tuple[str, dict[str, Any]]:
    """`text` with the string at `keypath` of `document` (its parsed form) made `new`, and
    the new parsed form. Each one-line string holding the old value is tried; exactly one
    must give a document that differs only at `keypath`, or this raises `CannotEdit`."""
    old: Any = document
    for part in keypath:
        old = old[part]
    expected = copy.deepcopy(document)
    parent: Any = expected
    for part in keypath[:-1]:
        parent = parent[part]
    parent[keypath[-1]] = new
    fits = []
    for match in _TOML_STRING.finditer(text):
        try:
            value = tomllib.loads("v = " + match.group(0))["v"]
        except tomllib.TOMLDecodeError:
            continue  # a quote in a comment, say
        if value != old:
            continue
        candidate = text[: match.start()] + toml_string(new) + text[match.end() :]
        try:
            if tomllib.loads(candidate) == expected:
                fits.append(candidate)
        except tomllib.TOMLDecodeError:
            continue
    if len(fits) != 1:
        raise CannotEdit(
            "the wording is not on one line as a plain TOML string"
            if not fits
            else "the wording could not be told apart from another"
        )
    return fits[0], expected


# --- writing -------------------------------------------------------------------------


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: a temporary file beside it, flushed to the disk, then
    renamed over it, so a crash leaves the old file or the new one, never half of one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # the umask may have narrowed it
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
