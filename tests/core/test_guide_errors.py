"""Broken interview guides fail clearly: one line naming the file and the field, a
suggestion for a typo, and nothing odd from a strange key."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest.mock import Mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.guides import (
    PHASE_IDS,
    Guide,
    GuideError,
    load_guide,
    parse_guide,
)
from tests.core.guide_files import (
    APSP_DATA,
    APSP_TEXT,
    DROP,
    PHASE_LIST,
    assert_one_line,
    change,
    shipped,
    to_toml,
    write,
)

# --- broken guides: one clear line naming the file and the field ---------------------


BROKEN = [
    ("missing-top", "title", DROP, "title is missing"),
    ("missing-phase-key", "phases.2.purpose", DROP, "phases[2].purpose is missing"),
    ("missing-pacing", "pacing.long_sitting_minutes", DROP, "pacing.long_sitting_minutes is"),
    ("missing-choices", "fields.1.choices", DROP, "fields[1].choices is missing"),
    ("prompt-type", "phases.2.prompts.0", 5, "phases[2].prompts[0] must be a table such as"),
    ("prompt-string", "phases.2.prompts.0", "Tell me.", "prompts[0] must be a table such as"),
    ("prompt-blank", "phases.2.prompts.0", {"say": "  "}, "prompts[0].say must be a non-empty"),
    ("prompt-both", "phases.2.prompts.0", {"say": "a", "do": "b"}, "exactly one of say (words"),
    ("prompt-neither", "phases.2.prompts.0", {"only_if": "x"}, "needs exactly one of say"),
    ("prompt-typo", "phases.2.prompts.0", {"say": "a", "only-if": "b"}, "(did you mean 'only_if'"),
    ("only-if-blank", "phases.2.prompts.0", {"do": "a", "only_if": ""}, "only_if must be a non"),
    ("checklist-empty", "checklist", [], "checklist must have at least 1 item"),
    ("checklist-text", "checklist.0.text", DROP, "checklist[0].text is missing"),
    ("checklist-twice", "checklist.1.id", "plan_scope", "checklist[1].id 'plan_scope' is used"),
    ("checklist-key", "checklist.0.help", "x", "checklist[0].help is not a known key"),
    ("prompts-empty", "phases.3.prompts", [], "phases[3].prompts must have at least 1 item"),
    ("checkin-type", "phases.1.checkin", "yes", "phases[1].checkin must be true or false"),
    ("pacing-type", "pacing.break_every_minutes", "30", "break_every_minutes must be an integer"),
    ("pacing-bool", "pacing.break_every_minutes", True, "break_every_minutes must be an integer"),
    ("pacing-low", "pacing.break_every_minutes", 2, "must be between 5 and 180, not 2"),
    ("pacing-high", "pacing.long_sitting_minutes", 600, "must be between 30 and 480, not 600"),
    ("pacing-order", "pacing.break_every_minutes", 150, "(150) must be shorter than pacing.long"),
    ("sections-type", "sections", "introduction", "sections must be a list, not a string"),
    ("sections-empty", "sections", [], "sections must have at least 1 item"),
    ("version-zero", "version", 0, "version must be at least 1, not 0"),
    ("schema-three", "schema", 3, "schema must be 2 (or 1, read by migration), not 3"),
    ("id-unknown", "id", "traffic", "id must be one of csa, apsp, general, not 'traffic'"),
    ("unknown-top", "verison", 1, "verison is not a known key (did you mean 'version'?)"),
    ("unknown-phase-key", "phases.0.notes", "x", "phases[0].notes is not a known key"),
    ("unknown-pacing-key", "pacing.breaks", 3, "pacing.breaks is not a known key"),
    ("id-shape", "sections.0.id", "About Me", "sections[0].id must be lowercase ascii"),
    ("duplicate-section", "sections.2.id", "contact", "sections[2].id 'contact' is used twice"),
    ("duplicate-field", "fields.3.id", "force", "fields[3].id 'force' is used twice"),
    ("duplicate-phase", "phases.4.id", "questioning", "phases[4].id 'questioning' is used twice"),
    ("phase-missing", "phases.3", DROP, f"phases: questioning missing; a guide has {PHASE_LIST}"),
    ("phase-unknown", "phases.1.id", "rapport", "phases[1].id 'rapport' is not a phase"),
    ("undeclared-section", "phases.3.sections.1", "acount", "phases[3].sections[1] 'acount' is"),
    ("section-twice", "phases.3.sections.1", "contact", "phases[3].sections[1] 'contact' is"),
    ("kind-unknown", "fields.0.kind", "txt", "fields[0].kind must be one of text, longtext"),
    ("choices-on-text", "fields.0.choices", ["a", "b"], "fields[0].choices is only allowed"),
    ("one-choice", "fields.1.choices", ["officer"], "fields[1].choices must have at least 2"),
    ("choice-twice", "fields.1.choices.1", "officer", "fields[1].choices[1] 'officer' is listed"),
    ("help-type", "fields.0.help", 3, "fields[0].help must be a non-empty string"),
]


@pytest.mark.parametrize(("name", "path", "value", "expected"), BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_guide_names_file_and_field(
    tmp_path: Path, name: str, path: str, value: Any, expected: str
) -> None:
    data = copy.deepcopy(APSP_DATA)
    change(data, path, value)
    with pytest.raises(GuideError) as caught:
        load_guide(write(tmp_path, f"{name}.toml", to_toml(data)))
    assert expected in assert_one_line(caught.value, f"{name}.toml")


def test_phases_out_of_order(tmp_path: Path) -> None:
    data = copy.deepcopy(APSP_DATA)
    phases = data["phases"]
    phases[2], phases[3] = phases[3], phases[2]
    with pytest.raises(GuideError) as caught:
        load_guide(write(tmp_path, "apsp.toml", to_toml(data)))
    assert "phases are out of order" in assert_one_line(caught.value, "apsp.toml")


def test_a_typo_gets_a_suggestion(tmp_path: Path) -> None:
    data = copy.deepcopy(APSP_DATA)
    data["phases"][0]["titel"] = data["phases"][0].pop("title")
    with pytest.raises(GuideError) as caught:
        load_guide(write(tmp_path, "csa.toml", to_toml(data)))
    assert str(caught.value) == (
        "broken interview guide csa.toml: phases[0].titel is not a known key"
        " (did you mean 'title'?)"
    )


def test_a_strange_key_stays_on_one_line(tmp_path: Path) -> None:
    data = copy.deepcopy(APSP_DATA)
    data["phases"][0]["two\nlines"] = 1
    with pytest.raises(GuideError) as caught:
        load_guide(write(tmp_path, "odd.toml", to_toml(data)))
    assert "phases[0].'two\\nlines' is not a known key" in assert_one_line(caught.value, "odd.toml")


def test_help_is_optional(tmp_path: Path) -> None:
    data = copy.deepcopy(APSP_DATA)
    del data["fields"][0]["help"]
    guide = load_guide(write(tmp_path, "apsp.toml", to_toml(data)))
    assert guide.fields[0].help == ""


def test_a_written_guide_equals_the_shipped_one(tmp_path: Path) -> None:
    path = write(tmp_path, "apsp.toml", to_toml(APSP_DATA))
    assert dataclasses.replace(load_guide(path), source="") == dataclasses.replace(
        shipped("apsp"), source=""
    )


BOM = b"\xef\xbb\xbf"
RAW = APSP_TEXT.encode("utf-8")
# (case, file content, or None for no file at all, the end of the message)
BROKEN_FILES = [
    ("bad-utf8", RAW[:100] + b"\xff\xfe" + RAW[100:], "not valid UTF-8 (byte 100)"),
    ("empty", b"", "the file is empty"),
    ("blank", b"\n  \n", "the file is empty"),
    ("comment-only", b"# only a comment\n", "the file is empty"),
    ("missing", None, "file not found"),
    ("syntax", b"# note\n" * 11 + b"oops = \n" + RAW, "TOML (line 12, column 8): invalid value"),
    ("unfinished", b'title = "unfinished', "TOML (at the end of the file): unterminated string"),
    ("repeated-table", RAW + b"\n[pacing]\n", "cannot declare ('pacing',) twice"),
    ("too-large", b"# padding\n" * 120_000, "larger than 1024 KiB, too large for a guide"),
    ("too-deep", b"x = " + b"[" * 50_000 + b"]" * 50_000, "not valid TOML (nested too deeply)"),
]


@pytest.mark.parametrize(
    ("name", "content", "expected"), BROKEN_FILES, ids=[c[0] for c in BROKEN_FILES]
)
def test_broken_file(tmp_path: Path, name: str, content: bytes | None, expected: str) -> None:
    path = tmp_path / f"{name}.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    assert assert_one_line(caught.value, f"{name}.toml").endswith(expected)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "apsp.toml", BOM + RAW)
    assert load_guide(path).id == "apsp"


def test_a_directory_is_not_a_guide(tmp_path: Path) -> None:
    (tmp_path / "csa.toml").mkdir()
    with pytest.raises(GuideError) as caught:
        load_guide(tmp_path / "csa.toml")
    assert "directory" in assert_one_line(caught.value, "csa.toml")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(13, "Permission denied"), "cannot read the file (permission denied)"),
        (OSError(5, "Input/output error"), "cannot read the file (Input/output error)"),
    ],
)
def test_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, expected: str
) -> None:
    # Simulated: the suite may run as root, which reads any file whatever its mode.
    path = write(tmp_path, "csa.toml", APSP_TEXT)
    monkeypatch.setattr(Path, "open", Mock(side_effect=error))
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    assert assert_one_line(caught.value, "csa.toml").endswith(expected)


def test_parse_guide_refuses_a_non_table() -> None:
    with pytest.raises(GuideError) as caught:
        parse_guide(["not", "a", "table"], "csa.toml")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "broken interview guide csa.toml: the guide must be a table, not a list"
    )


# --- property tests: anything broken is a GuideError, never another exception ----------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(),
    st.text(max_size=12),
    st.dates(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _containers(node: Any) -> Iterator[dict[str, Any] | list[Any]]:
    if isinstance(node, dict | list):
        yield node
        for child in node.values() if isinstance(node, dict) else node:
            yield from _containers(child)


def _mutate(data: st.DataObject, doc: dict[str, Any]) -> None:
    """Drop, replace, add or (in a list) repeat one item somewhere in the document."""
    container = data.draw(st.sampled_from(list(_containers(doc))))
    is_list = isinstance(container, list)
    slots = list(range(len(container))) if is_list else sorted(container)
    operations = ["drop", "replace", "repeat" if is_list else "add"] if slots else []
    operation = data.draw(st.sampled_from([*operations, "add"]))
    if operation == "add" and is_list:
        container.append(data.draw(VALUES))
    elif operation == "add":
        container[data.draw(st.text(max_size=12))] = data.draw(VALUES)  # type: ignore[index]
    else:
        slot = data.draw(st.sampled_from(slots))
        if operation == "drop":
            del container[slot]
        elif operation == "replace":
            container[slot] = data.draw(VALUES)
        else:
            container.insert(slot, copy.deepcopy(container[slot]))  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_guide_data_loads_or_raises_guide_error(data: st.DataObject) -> None:
    doc = copy.deepcopy(APSP_DATA)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        _mutate(data, doc)
    try:
        guide = parse_guide(doc, "mutant.toml")
    except GuideError as exc:
        assert_one_line(exc, "mutant.toml")
    else:
        assert isinstance(guide, Guide)
        assert tuple(phase.id for phase in guide.phases) == PHASE_IDS


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_mutated_guide_files_load_or_raise_guide_error(tmp_path: Path, data: st.DataObject) -> None:
    raw = bytearray(APSP_TEXT.encode("utf-8"))
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        start = data.draw(st.integers(min_value=0, max_value=len(raw)))
        end = data.draw(st.integers(min_value=start, max_value=min(len(raw), start + 40)))
        raw[start:end] = data.draw(st.binary(max_size=8) | st.text(max_size=8).map(str.encode))
    path = write(tmp_path, "mutant.toml", bytes(raw))
    try:
        guide = load_guide(path)
    except GuideError as exc:
        assert_one_line(exc, "mutant.toml")
    else:
        assert isinstance(guide, Guide)
