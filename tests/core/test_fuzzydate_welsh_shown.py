"""Fuzzy dates: every example of a date an interviewer is shown, in English or in Welsh,
is accepted, and so is every example on docs/fuzzy-dates.md's Welsh section.

The examples shown are the timeline's *When* placeholder (ui/widgets/side_panel.py) and
the date messages of the core, each in its English source and its Welsh translation as
the catalogue (app/resources/i18n/quietroom_cy.ts) has them. No Qt: the catalogue and
the interface's files are read as text."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.core.fuzzydate_helpers import DOB, MOVED_1987, D, resolver, when
from tests.error_catalogue import templates

TS = REPO / "app" / "resources" / "i18n" / "quietroom_cy.ts"
SIDE_PANEL = REPO / "ui" / "widgets" / "side_panel.py"
PAGE = REPO / "docs" / "fuzzy-dates.md"

# Each quoted example up to the end of the list it is in: "'A', 'B' or 'C'" in English,
# "'A', 'B' neu 'C'" in Welsh (where an example may hold an apostrophe: 'dechrau'r haf').
_QUOTED = re.compile(r"'(.+?)'(?=\s*(?:[,;.)]|\bor\b|\bneu\b|$))")
_MARKER = re.compile(r"\b(?:e\.g\.|e\.e\.)\s*")


def catalogue(path: Path = TS) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, for every message in the catalogue."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.findtext("translation") or ""
    return found


def placeholder() -> tuple[str, str]:
    """(context, English source) of the When field's placeholder: the class that sets it
    (Qt's translation context for self.tr) and the literal it passes."""
    tree = ast.parse(SIDE_PANEL.read_text(encoding="utf-8"))
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        for call in (node for node in ast.walk(cls) if isinstance(node, ast.Call)):
            func = call.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "setPlaceholderText"
                and isinstance(func.value, ast.Attribute)
                and func.value.attr == "when"
                and isinstance(call.args[0], ast.Call)
            ):
                literal = call.args[0].args[0]
                assert isinstance(literal, ast.Constant) and isinstance(literal.value, str)
                return cls.name, literal.value
    raise AssertionError("the When field's placeholder was not found")


def placeholder_examples(text: str) -> list[str]:
    """ "e.g. summer 1987, aged about 12": one wording, and each of its two parts."""
    whole = _MARKER.sub("", text, count=1).strip()
    return [whole, *(part.strip() for part in whole.split(","))]


def message_examples(message: str) -> list[str]:
    """The examples after "e.g." or "e.e." in one message: each quoted one up to the end of
    the clause, or the bare one that follows ("e.e. 14/06/1987"); placeholders left out."""
    found: list[str] = []
    for clause in _MARKER.split(message)[1:]:
        found += _QUOTED.findall(clause) or [clause.split()[0].rstrip(".,:;)")]
    return [example for example in found if "{" not in example]


def shown() -> list[str]:
    messages = catalogue()
    context, source = placeholder()
    examples = placeholder_examples(source) + placeholder_examples(messages[(context, source)])
    for code, template in templates().items():
        if code.startswith("date."):
            examples += message_examples(template)
            examples += message_examples(messages.get(("CoreMessages", template), ""))
    return sorted(set(examples))


def test_the_examples_are_found() -> None:
    examples = shown()
    for expected in (
        "summer 1987, aged about 12",  # the placeholder, in English
        "haf 1987, tua 12 oed",  # and in Welsh
        "haf 1987",
        "tua 12 oed",
        "June 1987",  # the "not understood" message
        "1985 to 1987",
        "October half term 1987",  # "which half term?"
        "14/06/1987",  # "no such month", bare
    ):
        assert expected in examples
    assert message_examples("try e.g. 'A', 'dechrau'r haf 1987' or 'B'") == [
        "A",
        "dechrau'r haf 1987",
        "B",
    ]
    assert message_examples("rhowch gynnig ar e.e. 'Mehefin 1987' neu 'tua 12 oed'") == [
        "Mehefin 1987",
        "tua 12 oed",
    ]


@pytest.mark.parametrize("example", shown())
def test_every_example_shown_in_either_language_is_accepted(example: str) -> None:
    found = when(example, date_of_birth=DOB)
    assert found.earliest <= found.latest
    assert found.text == example


# --- the page an interviewer reads ----------------------------------------------------------


def welsh_section() -> str:
    page = PAGE.read_text(encoding="utf-8")
    return page.split("\n## In Welsh\n", 1)[1].split("\n## ", 1)[0]


def page_examples() -> list[str]:
    """Every wording in backticks in the Welsh section, the names of files aside (its
    table's rows are checked, value by value, by test_fuzzydate_docs.py with the rest of
    the page)."""
    quoted = re.findall(r"`([^`]+)`", welsh_section())
    return sorted({example for example in quoted if not example.endswith(".py")})


def test_the_welsh_section_is_found() -> None:
    assert len(page_examples()) > 100
    assert welsh_section().count("\n| `") > 30  # the table


@pytest.mark.parametrize("example", page_examples())
def test_every_example_on_the_welsh_page_is_accepted(example: str) -> None:
    # The page's circumstances: born 21 March 1979, today 1 June 2025, moved in 1987.
    found = when(example, date_of_birth=D(1979, 3, 21), resolve=resolver({"ni symud": MOVED_1987}))
    assert found.earliest <= found.latest
    assert found.text == example
