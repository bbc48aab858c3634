"""Reading the Welsh translation's items from the files, for scripts/welsh_signoff.py.

This module owns where each Welsh wording is and how it is read: the Qt catalogues
(app/resources/i18n/quietroom_cy.ts and, when present, qt_cy.ts, Qt's own words) as
`ui:<context>` items; the Welsh interview guides (app/resources/guides/cy/*.toml) as
`guide:<file>:<path>` items, e.g. `guide:csa.toml:phases.closure.prompts[3].say`, paired
with the English guide's text at the same place; and the words printed on a Welsh
statement (the CY table of app/render/wording.py) as `statement:<id>` items.

Standard library and app.guides only (no Qt). A catalogue is read with a scanner that
keeps each <translation> element's offsets, so a sign-off edits the file in place; it is
checked against a full xml.etree parse, so a layout it does not understand is refused
rather than misread. The statement's words are read with `ast` from the file under the
root, never imported, so --root works on a copy.
"""

from __future__ import annotations

import ast
import posixpath
import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from welsh_items import (
    BANNER,
    CATALOGUES,
    GUIDES,
    SURVIVOR_CONTEXTS,
    SURVIVOR_MODULES,
    WORDING,
    Item,
    Problem,
    is_legal,
    read_text,
)

from app.guides import CATEGORIES, GuideError, load_guide, translated


def all_items(root: Path) -> tuple[list[Item], list[str]]:
    """Every Welsh item under `root`, and a line for each file left out (and why)."""
    items: list[Item] = []
    for number, relative in enumerate(CATALOGUES):
        if number and not (root / relative).exists():
            continue  # Qt's own words: an optional second catalogue
        items += read_catalogue(relative, read_text(root / relative))
    guide_items, left_out = read_guides(root)
    statement_items, more = read_statement_words(root)
    return items + guide_items + statement_items, left_out + more


# --- catalogues ----------------------------------------------------------------------

_CONTEXT = re.compile(r"<context>.*?</context>", re.S)
_NAME = re.compile(r"<name>.*?</name>", re.S)
_MESSAGE = re.compile(r"<message\b[^>]*>.*?</message>", re.S)
TRANSLATION = re.compile(r"<translation(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</translation>)", re.S)
_UNUSED = ("obsolete", "vanished")  # kept by lupdate, never shown


def _message_values(element: ET.Element) -> tuple[str, str | None, str, str | None, bool]:
    translation = element.find("translation")
    numerus = element.get("numerus") == "yes"
    kind: str | None
    if translation is None:
        welsh, kind = "", "unfinished"
    elif numerus:
        welsh = "\n".join(form.text or "" for form in translation.findall("numerusform"))
        kind = translation.get("type")
    else:
        welsh, kind = translation.text or "", translation.get("type")
    return element.findtext("source") or "", element.findtext("comment"), welsh, kind, numerus


def read_catalogue(relative: Path, text: str) -> list[Item]:
    """The catalogue's entries in file order (those lupdate kept as obsolete left out)."""
    try:
        whole = ET.fromstring(text)
    except ET.ParseError as exc:
        raise Problem(f"{relative} is not a valid Qt catalogue ({exc})") from None
    expected = [
        (context.findtext("name") or "", *_message_values(message))
        for context in whole.iter("context")
        for message in context.iter("message")
    ]
    items, seen = [], []
    for context_match in _CONTEXT.finditer(text):
        name = _NAME.search(context_match.group(0))
        context = (ET.fromstring(name.group(0)).text or "") if name else ""
        for match in _MESSAGE.finditer(text, context_match.start(), context_match.end()):
            values = _message_values(ET.fromstring(match.group(0)))
            seen.append((context, *values))
            kind = values[3]
            element = TRANSLATION.search(text, match.start(), match.end())
            if kind in _UNUSED or element is None:
                continue
            folder = relative.parent.as_posix()
            locations = [
                posixpath.normpath(posixpath.join(folder, location.get("filename", "")))
                for location in ET.fromstring(match.group(0)).iter("location")
            ]
            items.append(_catalogue_item(relative, context, values, locations, element.span()))
    if seen != expected:
        raise Problem(
            f"{relative} is not laid out as pyside6-lupdate writes it; open and save it with"
            " lupdate or Qt Linguist first"
        )
    return items


def _catalogue_item(
    relative: Path,
    context: str,
    values: tuple[str, str | None, str, str | None, bool],
    locations: list[str],
    span: tuple[int, int],
) -> Item:
    source, comment, welsh, kind, numerus = values
    where = f"ui:{context}" + (f"#{comment}" if comment else "")
    notes = []
    if relative.name.startswith("qt_"):
        notes.append(f"Qt's own words ({relative.name})")
    if locations:
        notes.append(locations[0])
    survivor = context in SURVIVOR_CONTEXTS or any(loc in SURVIVOR_MODULES for loc in locations)
    if survivor:
        priority = 1
        notes.append("the person giving the statement may see this")
    elif is_legal(source, welsh):
        priority = 2
        notes.append("legal wording")
    else:
        priority = 4
    if comment:
        notes.append(f"Qt's note: {comment}")
    if numerus:
        notes.append("plural forms, one a line: correct them in Qt Linguist, not here")
    return Item(
        where=where,
        english=source,
        welsh=welsh,
        priority=priority,
        note="; ".join(notes),
        file=relative,
        finished=kind != "unfinished",
        span=span,
        numerus=numerus,
    )


# --- guides --------------------------------------------------------------------------

_ROLES = {
    "phase_title": "a phase's title",
    "phase_purpose": "a phase's purpose",
    "prompt": "a prompt",
    "description": "a statement section's description",
    "label": "a detail's label",
    "help": "a detail's help",
    "say": "words the interviewer says to the survivor",
    "do": "an instruction to the interviewer, never said aloud",
    "only_if": "when to use the prompt, for the interviewer",
    "text": "an item of the supervisor's checklist",
}


def guide_paths(root: Path, category: str) -> tuple[Path, Path]:
    """The English guide and its Welsh translation, relative to the root."""
    return GUIDES / f"{category}.toml", GUIDES / "cy" / f"{category}.toml"


def load_toml(root: Path, relative: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text(root / relative).removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise Problem(f"{relative} is not valid TOML ({exc})") from None


def check_guide(root: Path, category: str, welsh_path: Path | None = None) -> None:
    """The Welsh guide loads and matches the English one, as the app requires; a
    `GuideError` says why not. `welsh_path`: a changed copy to check instead."""
    english, welsh = guide_paths(root, category)
    translated(load_guide(root / english), "cy", welsh_path or root / welsh)


def read_guides(root: Path) -> tuple[list[Item], list[str]]:
    items: list[Item] = []
    left_out: list[str] = []
    for category in CATEGORIES:
        english_path, welsh_path = guide_paths(root, category)
        if not (root / welsh_path).exists():
            continue
        try:
            check_guide(root, category)
        except GuideError as exc:
            left_out.append(f"{welsh_path} is not used by the app ({exc}); its items are left out")
            continue
        english, welsh = load_toml(root, english_path), load_toml(root, welsh_path)
        for keypath, where, role in guide_texts(welsh):
            try:
                english_text = value_at(english, keypath)
            except (KeyError, IndexError, TypeError):
                english_text = ""  # check_guide matched the structures: never happens
            items.append(
                _guide_item(
                    category,
                    welsh_path,
                    keypath,
                    where,
                    role,
                    english_text,
                    value_at(welsh, keypath),
                )
            )
    return items, left_out


def value_at(document: Any, keypath: tuple[str | int, ...]) -> Any:
    for part in keypath:
        document = document[part]
    return document


def guide_texts(doc: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(TOML path, printed path, role) of each text in a guide, in file order."""
    if isinstance(doc.get("title"), str):
        yield ("title",), "title", "title"
    for table, keys in (("sections", ("title", "description")), ("fields", ("label", "help"))):
        for index, entry in enumerate(doc.get(table, [])):
            for key in keys:
                if isinstance(entry.get(key), str):
                    yield (table, index, key), f"{table}.{entry.get('id')}.{key}", key
    for index, phase in enumerate(doc.get("phases", [])):
        at = f"phases.{phase.get('id')}"
        for key in ("title", "purpose"):
            if isinstance(phase.get(key), str):
                yield ("phases", index, key), f"{at}.{key}", "phase_" + key
        for number, prompt in enumerate(phase.get("prompts", [])):
            if isinstance(prompt, str):  # schema 1
                yield ("phases", index, "prompts", number), f"{at}.prompts[{number}]", "prompt"
                continue
            for key in ("say", "do", "only_if"):
                if isinstance(prompt.get(key), str):
                    path = ("phases", index, "prompts", number, key)
                    yield path, f"{at}.prompts[{number}].{key}", key
    for index, entry in enumerate(doc.get("checklist", [])):
        if isinstance(entry.get("text"), str):
            yield ("checklist", index, "text"), f"checklist.{entry.get('id')}.text", "text"


def _guide_item(
    category: str,
    welsh_path: Path,
    keypath: tuple[str | int, ...],
    where: str,
    role: str,
    english: str,
    welsh: str,
) -> Item:
    notes = [_role_note(keypath, role)]
    priority = 4
    if role == "phase_title":
        priority = 3
    if is_legal(english, welsh):
        priority = 2
        notes.append("legal wording")
    if role == "say":
        priority = 1
    return Item(
        where=f"guide:{welsh_path.name}:{where}",
        english=english,
        welsh=welsh,
        priority=priority,
        note="; ".join(notes),
        file=welsh_path,
        keypath=keypath,
        category=category,
        kind="guide",
    )


def _role_note(keypath: tuple[str | int, ...], role: str) -> str:
    if keypath == ("title",):
        return "the guide's title"
    if keypath[0] == "sections" and role == "title":
        return "a statement section's title"
    return _ROLES.get(role, role)


def has_banner(root: Path, category: str) -> bool:
    return BANNER in read_text(root / guide_paths(root, category)[1])


# --- the words printed on a Welsh statement --------------------------------------------


def _tables(tree: ast.Module) -> dict[str, Any]:
    """The module's EN and CY dictionaries (plain literals, as the module keeps them)."""
    tables = {}
    target: ast.expr
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("EN", "CY"):
            tables[target.id] = ast.literal_eval(value)
    return tables


def read_statement_words(root: Path) -> tuple[list[Item], list[str]]:
    """The CY table of app/render/wording.py beside its EN table: the witness reads these
    on every page they confirm and sign, so all are priority 1. They are code, so a
    correction is made there by hand (the s.9 declaration is not among them: the
    organisation sets its Welsh wording in its policy)."""
    if not (root / WORDING).exists():
        return [], []
    try:
        tables = _tables(ast.parse(read_text(root / WORDING)))
        english, welsh = tables["EN"], tables["CY"]
        if not all(isinstance(t, dict) for t in (english, welsh)):
            raise ValueError
    except (SyntaxError, ValueError, KeyError):
        return [], [f"{WORDING}: its EN and CY tables are not plain literals; left out"]
    items = []
    for key, text in welsh.items():
        if not isinstance(text, str):
            continue
        notes = ["printed on a Welsh statement, which the witness reads and signs"]
        if is_legal(str(english.get(key, "")), text):
            notes.append("legal wording")
        items.append(
            Item(
                where=f"statement:{key}",
                english=str(english.get(key, "")),
                welsh=text,
                priority=1,
                note="; ".join(notes),
                file=WORDING,
                kind="statement",
            )
        )
    return items, []
