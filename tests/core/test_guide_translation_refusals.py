"""A translated interview guide can change nothing but text: every change of structure
(an added, dropped or moved section, field, prompt or phase; a new help text; a changed
id, kind or choice) is refused, naming the translation; so is a broken translation file.
Split from test_guide_translations.py, whose helpers it uses."""

from __future__ import annotations

import dataclasses
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.guides import (
    GuideError,
    guide_for_category,
)
from tests.core.guide_files import DROP, change, to_toml
from tests.core.test_guide_translations import SHIPPED, WELSH, one_line


@pytest.fixture
def guide_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SHIPPED, tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUIETROOM_GUIDES_DIR", str(tmp_path))
    return tmp_path


# --- a translation can change nothing but text ---------------------------------------


def welsh_data(category: str) -> dict[str, Any]:
    return tomllib.loads((WELSH / f"{category}.toml").read_text("utf-8"))


def refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, category: str, data: dict[str, Any] | str
) -> str:
    shutil.copytree(SHIPPED, tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUIETROOM_GUIDES_DIR", str(tmp_path))
    text = data if isinstance(data, str) else to_toml(data)
    (tmp_path / "cy" / f"{category}.toml").write_text(text, encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        guide_for_category(category, "cy")
    return one_line(caught.value, category)


def moved(items: list[Any], start: int, end: int) -> list[Any]:
    items = list(items)
    items.insert(end, items.pop(start))
    return items


def append(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path.split("."):
            target = target[int(step) if step.isdigit() else step]
        target.append(value)

    return mutate


def drop_section(section_id: str) -> Callable[[dict[str, Any]], None]:
    """Drop a section and every phase's mention of it (else load_guide itself refuses)."""

    def mutate(data: dict[str, Any]) -> None:
        data["sections"] = [s for s in data["sections"] if s["id"] != section_id]
        for phase in data["phases"]:
            phase["sections"] = [s for s in phase["sections"] if s != section_id]

    return mutate


# (case, category, dotted path and new value (or DROP), or a function changing the data,
# the whole message after the prefix)
CHANGED: list[tuple[str, str, Any, Any, str]] = [
    (
        "pacing-number",
        "csa",
        "pacing.break_every_minutes",
        20,
        "pacing.break_every_minutes is 20 where csa.toml has 30; a translation changes only the"
        " text",
    ),
    (
        "pacing-long",
        "apsp",
        "pacing.long_sitting_minutes",
        90,
        "pacing.long_sitting_minutes is 90 where apsp.toml has 120; a translation changes only"
        " the text",
    ),
    (
        "pacing-checkin",
        "general",
        "pacing.checkin_on_phase_change",
        True,
        "pacing.checkin_on_phase_change is true where general.toml has false; a translation"
        " changes only the text",
    ),
    (
        "phase-checkin",
        "csa",
        "phases.0.checkin",
        True,
        "phases[0].checkin is true where csa.toml has false; a translation changes only the text",
    ),
    (
        "dropped-prompt",
        "csa",
        "phases.2.prompts.3",
        DROP,
        "phases[2].prompts has 7 prompts where csa.toml has 8; translate each prompt, in the"
        " same order",
    ),
    (
        "added-prompt",
        "general",
        append("phases.5.prompts", {"do": "Gwiriwch eto."}),
        None,
        "phases[5].prompts has 10 prompts where general.toml has 9; translate each prompt, in"
        " the same order",
    ),
    (
        "dropped-section",
        "apsp",
        drop_section("position"),
        None,
        "sections: position missing; a translation keeps every one of apsp.toml's sections",
    ),
    (
        "added-field",
        "csa",
        append("fields", {"id": "tywydd", "label": "Y tywydd", "kind": "text"}),
        None,
        "fields[6].id 'tywydd' is not in csa.toml; a translation cannot add fields",
    ),
    (
        "dropped-field",
        "apsp",
        "fields.2",
        DROP,
        "fields: rank_or_number missing; a translation keeps every one of apsp.toml's fields",
    ),
    (
        "renamed-field",
        "csa",
        "fields.0.id",
        "cyfnodau",
        "fields[0].id 'cyfnodau' is not in csa.toml; a translation cannot add fields",
    ),
    (
        "field-kind",
        "csa",
        "fields.2.kind",
        "longtext",
        "fields[2].kind is 'longtext' where csa.toml has 'text'; a translation changes only the"
        " text",
    ),
    (
        "choice-values",
        "apsp",
        "fields.1.choices.0",
        "swyddog",
        "fields[1].choices is ['swyddog', 'staff', 'volunteer', 'unknown'] where apsp.toml has"
        " ['officer', 'staff', 'volunteer', 'unknown']; choices are the values stored for the"
        " case, so they stay as they are",
    ),
    (
        "dropped-help",
        "csa",
        "fields.1.help",
        DROP,
        "fields[1].help is missing; csa.toml has help to translate",
    ),
    (
        "phase-sections",
        "csa",
        "phases.3.sections",
        ["background", "account"],
        "phases[3].sections is ['background', 'account'] where csa.toml has ['background',"
        " 'account', 'periods_places', 'disclosure', 'police_contact', 'impact', 'other']; a"
        " translation changes only the text",
    ),
    (
        "version",
        "general",
        "version",
        4,
        "version is 4 where general.toml has 3; translate that version of the guide (its text"
        " may have changed)",
    ),
    (
        "other-guide",
        "general",
        "id",
        "csa",
        "id is 'csa' where general.toml has 'general'; it must translate that guide",
    ),
]


@pytest.mark.parametrize(
    ("name", "category", "path", "value", "expected"), CHANGED, ids=[c[0] for c in CHANGED]
)
def test_a_translation_that_changes_structure_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    category: str,
    path: Any,
    value: Any,
    expected: str,
) -> None:
    data = welsh_data(category)
    if callable(path):
        path(data)
    else:
        change(data, path, value)
    assert refused(tmp_path, monkeypatch, category, data) == expected


def test_reordered_sections_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = welsh_data("csa")
    data["sections"] = moved(data["sections"], 3, 1)
    assert refused(tmp_path, monkeypatch, "csa", data) == (
        "sections[1].id is 'periods_places' where csa.toml has 'background'; keep csa.toml's order"
    )


def test_reordered_fields_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = welsh_data("apsp")
    data["fields"] = moved(data["fields"], 0, 5)
    assert refused(tmp_path, monkeypatch, "apsp", data) == (
        "fields[0].id is 'role' where apsp.toml has 'force'; keep apsp.toml's order"
    )


def test_added_help_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english_data = tomllib.loads((SHIPPED / "csa.toml").read_text("utf-8"))
    shutil.copytree(SHIPPED, tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUIETROOM_GUIDES_DIR", str(tmp_path))
    del english_data["fields"][0]["help"]
    (tmp_path / "csa.toml").write_text(to_toml(english_data), encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        guide_for_category("csa", "cy")
    assert one_line(caught.value, "csa") == (
        "fields[0].help is not in csa.toml; a translation adds no help"
    )


# Problems load_guide finds in the file itself are named with the translation's path too.
BROKEN = [
    (
        "prompt-type",
        "phases.2.prompts.0",
        5,
        'phases[2].prompts[0] must be a table such as { say = "…" } or { do = "…" }, not an'
        " integer",
    ),
    ("blank-title", "sections.0.title", " ", "sections[0].title must be a non-empty string"),
    (
        "unknown-key",
        "phases.0.nodyn",
        "x",
        "phases[0].nodyn is not a known key (allowed: id,"
        " title, purpose, prompts, sections, checkin)",
    ),
    ("no-pacing", "pacing", DROP, "pacing is missing"),
]


@pytest.mark.parametrize(("name", "path", "value", "expected"), BROKEN, ids=[c[0] for c in BROKEN])
def test_a_broken_translation_file_names_the_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, path: str, value: Any, expected: str
) -> None:
    data = welsh_data("csa")
    change(data, path, value)
    assert refused(tmp_path, monkeypatch, "csa", data) == expected


def test_invalid_toml_in_a_translation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    message = refused(tmp_path, monkeypatch, "general", 'title = "heb ei orffen\n')
    assert message.startswith("not valid TOML")


def test_the_translated_guide_takes_its_structure_from_english(guide_copies: Path) -> None:
    """Built from the English guide with only the text replaced: equal to English once the
    text is put back."""
    ours, theirs = guide_for_category("apsp", "cy"), guide_for_category("apsp")
    restored = dataclasses.replace(
        ours,
        title=theirs.title,
        source=theirs.source,
        sections=theirs.sections,
        fields=theirs.fields,
        phases=tuple(
            dataclasses.replace(p, title=e.title, purpose=e.purpose, prompts=e.prompts)
            for p, e in zip(ours.phases, theirs.phases, strict=True)
        ),
    )
    assert restored == theirs
    # The values themselves are the English guide's, not equal copies from the translation.
    assert ours.pacing is theirs.pacing
    assert all(a.choices is b.choices for a, b in zip(ours.fields, theirs.fields, strict=True))
    assert all(a.sections is b.sections for a, b in zip(ours.phases, theirs.phases, strict=True))
