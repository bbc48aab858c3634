"""Interview guides: the shipped guides load and are worded openly; broken ones fail clearly."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest.mock import Mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import QuietroomError, UsageError
from app.guides import (
    CATEGORIES,
    PHASE_IDS,
    Guide,
    GuideError,
    guide_for_category,
    guides_dir,
    load_guide,
    parse_guide,
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


# --- the shipped guides ---------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_shipped_guide_loads(category: str) -> None:
    guide = shipped(category)
    assert guide.id == category
    assert guide.title
    assert guide.version >= 1
    assert guide.source == str(SHIPPED / f"{category}.toml")
    assert tomllib.loads((SHIPPED / f"{category}.toml").read_text("utf-8"))["schema"] == 2


@pytest.mark.parametrize("category", CATEGORIES)
def test_phases_come_in_abe_peace_order(category: str) -> None:
    guide = shipped(category)
    assert ", ".join(phase.id for phase in guide.phases) == PHASE_LIST
    for phase in guide.phases:
        assert phase.title and phase.purpose and phase.prompts
    # The survivor is in the room from engage_explain to closure; planning and evaluation
    # are the interviewer's own work.
    assert not guide.phase("planning").checkin and not guide.phase("evaluation").checkin
    assert guide.phase("free_narrative").checkin and guide.phase("closure").checkin


SECTIONS = {
    "csa": "introduction background account periods_places disclosure impact other",
    "apsp": "introduction contact account channels position disclosure impact other",
    "general": "introduction account other",
}


@pytest.mark.parametrize("category", CATEGORIES)
def test_statement_sections(category: str) -> None:
    guide = shipped(category)
    assert " ".join(guide.section_ids()) == SECTIONS[category]
    for section in guide.sections:
        assert section.title and section.description
    # The survivor's address belongs on the restricted page; the guide says so where the
    # statement starts.
    assert "address" in guide.section("introduction").description


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_section_is_declared_and_fed(category: str) -> None:
    guide = shipped(category)
    fed = [section_id for phase in guide.phases for section_id in phase.sections]
    assert set(fed) <= set(guide.section_ids())
    # A declared section that no phase feeds would never be reached in the interview.
    assert set(guide.section_ids()) <= set(fed)
    assert guide.phase("planning").sections == ()
    assert guide.phase("evaluation").sections == ()
    assert guide.phase("free_narrative").sections == ("account",)


def test_apsp_fields_describe_the_officer_or_staff_member() -> None:
    fields = {field.id: field for field in shipped("apsp").fields}
    assert " ".join(fields) == "force role rank_or_number contact_began channels power_used"
    assert fields["role"].kind == "choice"
    assert fields["role"].choices == ("officer", "staff", "volunteer", "unknown")
    assert fields["channels"].kind == "multichoice"
    channels = "in person, phone, text message, social media, email, other"
    assert ", ".join(fields["channels"].choices) == channels
    for field_id in ("force", "rank_or_number", "contact_began", "power_used"):
        assert fields[field_id].kind in ("text", "longtext")
        assert fields[field_id].choices == ()


def test_csa_fields_record_periods_places_and_age() -> None:
    fields = {field.id: field for field in shipped("csa").fields}
    assert list(fields) == ["periods", "places", "age_at_time"]
    assert fields["age_at_time"].kind == "text"  # free text: "about 12", "in year 7"
    assert all(field.label and field.help for field in fields.values())
    assert shipped("general").fields == ()


@pytest.mark.parametrize(("category", "break_every"), [("csa", 30), ("apsp", 40), ("general", 45)])
def test_pacing_defaults(category: str, break_every: int) -> None:
    pacing = shipped(category).pacing
    assert pacing.break_every_minutes == break_every
    assert pacing.long_sitting_minutes == 120
    assert pacing.checkin_on_phase_change is (category != "general")


# --- wording: open, non-leading, ground rules, closure ---------------------------------

LEADING_FORMS = ("Did ", "Was ", "Were ", "Is it true", "Didn't", "Wasn't")
# Openers that make a yes/no question; allowed only as ground-rule checks.
YES_NO_OPENERS = frozenset(
    {
        *("did", "didn't", "do", "does", "don't", "doesn't"),
        *("is", "isn't", "are", "aren't", "was", "wasn't", "were", "weren't"),
        *("has", "hasn't", "have", "haven't", "had", "hadn't"),
        *("can", "can't", "could", "couldn't", "will", "won't", "would", "wouldn't"),
        *("shall", "should", "shouldn't"),
    }
)


def test_no_leading_prompts_outside_ground_rules() -> None:
    offenders = [
        (category, phase_id, text)
        for category, phase_id, text in all_prompts()
        if phase_id != "engage_explain" and text.startswith(LEADING_FORMS)
    ]
    assert offenders == []


def test_no_yes_no_questions_outside_ground_rules() -> None:
    offenders = [
        (category, phase_id, text)
        for category, phase_id, text in all_prompts()
        if phase_id != "engage_explain" and text.split()[0].strip(",.:;?").lower() in YES_NO_OPENERS
    ]
    assert offenders == []


def test_no_why_questions_or_tag_questions() -> None:
    # "Why" can sound like blame; a tag question ("..., didn't he?") suggests the answer.
    tag = re.compile(r"\b\w+n't (he|she|it|they|you|we|i)\?", re.IGNORECASE)
    offenders = [
        (category, phase_id, text)
        for category, phase_id, text in all_prompts()
        if text.lower().startswith("why") or tag.search(text)
    ]
    assert offenders == []


@pytest.mark.parametrize("category", CATEGORIES)
def test_engage_and_explain_sets_the_ground_rules(category: str) -> None:
    text = " ".join(p.text for p in shipped(category).phase("engage_explain").prompts).lower()
    text = text.replace("\u2019", "'")
    for rule in ("pause", "break", "any time", "i don't know", "i don't remember", "correct"):
        assert rule in text, rule
    assert "what happens with the statement" in text
    assert "sign" in text and "read" in text  # read-back before signing


# Beyond what every closure covers: specialist support, and for APSP the survivor's safety.
CLOSURE_EXTRAS = {"csa": ("napac", "rape crisis"), "apsp": ("rape crisis", "safety"), "general": ()}


@pytest.mark.parametrize("category", CATEGORIES)
def test_closure_covers_next_steps_support_and_thanks(category: str) -> None:
    text = " ".join(p.text for p in shipped(category).phase("closure").prompts).lower()
    for topic in ("what happens next", "support", "isva", "samaritans", "thank"):
        assert topic in text, topic
    for topic in CLOSURE_EXTRAS[category]:
        assert topic in text, topic


# --- the Guide API --------------------------------------------------------------------


def test_section_and_phase_lookup() -> None:
    guide = shipped("general")
    assert guide.section_ids() == ("introduction", "account", "other")
    assert guide.section("account").title == "What happened"
    assert guide.phase("closure").id == "closure"
    expected = "unknown section 'xyz'; this guide has: introduction, account, other"
    with pytest.raises(UsageError, match=f"^{re.escape(expected)}$"):
        guide.section("xyz")
    with pytest.raises(UsageError, match=r"^unknown phase 'rapport'; this guide has: planning, "):
        guide.phase("rapport")


def test_guides_are_immutable_values() -> None:
    guide = shipped("csa")
    with pytest.raises(dataclasses.FrozenInstanceError):
        guide.title = "changed"  # type: ignore[misc]
    assert hash(guide) == hash(shipped("csa"))
    assert guide == shipped("csa")
    assert issubclass(GuideError, QuietroomError) and GuideError.exit_code == 1


def test_the_module_does_not_load_qt() -> None:
    code = "import sys, app.guides; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


# --- finding guides by category -------------------------------------------------------


@pytest.fixture
def guide_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for category in CATEGORIES:
        shutil.copy(SHIPPED / f"{category}.toml", tmp_path / f"{category}.toml")
    monkeypatch.setenv("QUIETROOM_GUIDES_DIR", str(tmp_path))
    return tmp_path


def test_guides_dir_defaults_to_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIETROOM_GUIDES_DIR", raising=False)
    assert guides_dir() == SHIPPED


@pytest.mark.parametrize("category", CATEGORIES)
def test_guide_for_category(guide_copies: Path, category: str) -> None:
    assert guides_dir() == guide_copies
    guide = guide_for_category(category)
    assert guide.id == category
    assert guide.source == str(guide_copies / f"{category}.toml")
    assert guide_for_category(category) is guide  # cached while the file is unchanged


def test_unknown_category_is_a_usage_error(guide_copies: Path) -> None:
    with pytest.raises(UsageError) as caught:
        guide_for_category("x")
    assert str(caught.value) == "unknown category 'x'; choose csa, apsp or general"
    assert not isinstance(caught.value, GuideError)


def test_an_edited_guide_is_read_again(guide_copies: Path) -> None:
    path = guide_copies / "general.toml"
    before = guide_for_category("general")
    path.write_text(
        path.read_text("utf-8").replace('title = "General statement"', 'title = "Edited"'),
        encoding="utf-8",
    )
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    after = guide_for_category("general")
    assert before.title == "General statement"
    assert after.title == "Edited"


def test_a_guide_under_the_wrong_name_is_refused(guide_copies: Path) -> None:
    shutil.copy(SHIPPED / "apsp.toml", guide_copies / "csa.toml")
    with pytest.raises(GuideError) as caught:
        guide_for_category("csa")
    message = assert_one_line(caught.value, "csa.toml")
    assert "id must be 'csa'" in message


def test_a_missing_guide_is_a_guide_error(guide_copies: Path) -> None:
    (guide_copies / "apsp.toml").unlink()
    with pytest.raises(GuideError) as caught:
        guide_for_category("apsp")
    assert assert_one_line(caught.value, "apsp.toml").endswith("file not found")


# --- broken guides: one clear line naming the file and the field ---------------------


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
