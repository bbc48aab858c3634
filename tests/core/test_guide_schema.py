"""Guide schema 2: words to say and things to do, conditions, the supervisor's checklist,
and schema 1 guides read by migration (the shipped guides as they were at 92d095c are
kept under tests/data/guides-schema1/)."""

from __future__ import annotations

import copy
import dataclasses
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from app.guides import CATEGORIES, GuideError, guide_for_category, load_guide
from app.guides.model import SCHEMA, migrate_prompt
from tests.core.guide_files import to_toml

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "app" / "resources" / "guides"
SCHEMA1 = ROOT / "tests" / "data" / "guides-schema1"


# --- schema 1, read by migration ------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_schema_1_guide_still_loads(category: str) -> None:
    old = tomllib.loads((SCHEMA1 / f"{category}.toml").read_text("utf-8"))
    assert old["schema"] == 1
    guide = load_guide(SCHEMA1 / f"{category}.toml")
    assert guide.checklist == ()
    for phase, raw in zip(guide.phases, old["phases"], strict=True):
        assert len(phase.prompts) == len(raw["prompts"])
        for prompt in phase.prompts:
            assert prompt.kind in ("say", "do") and prompt.text


def prompts_of(category: str, phase_id: str) -> dict[str, Any]:
    guide = load_guide(SCHEMA1 / f"{category}.toml")
    return {p.text: p for p in guide.phase(phase_id).prompts}


def test_migration_tells_instructions_from_words_to_say() -> None:
    planning = prompts_of("csa", "planning")
    assert (
        planning[
            "Read the referral and any earlier accounts so the survivor is not asked to repeat"
            " what they need not, and keep an open mind about what happened."
        ].kind
        == "do"
    )
    engage = prompts_of("csa", "engage_explain")
    assert engage["Tell me how you would like me to address you today."].kind == "say"
    assert (
        engage[
            "Introduce yourself and everyone in the room, and explain what each person"
            " is here to do."
        ].kind
        == "do"
    )
    narrative = prompts_of("csa", "free_narrative")
    assert narrative["Tell me more about that."].kind == "say"
    assert (
        narrative[
            "If the survivor becomes distressed, offer a pause, and let them decide"
            " whether and when to go on."
        ].kind
        == "do"
    )


def test_migration_moves_a_spoken_condition_out_of_the_words() -> None:
    questioning = prompts_of("csa", "questioning")
    first = questioning["Tell me about the first time you remember."]
    assert first.kind == "say" and first.only_if == "it happened more than once"
    assert not any(text.startswith("If it happened") for text in questioning)


@pytest.mark.parametrize(
    ("text", "kind", "only_if"),
    [
        ("Tell me about that.", "say", None),
        ("What happened next?", "say", None),
        ("Ask one question at a time.", "do", None),
        ("Make sure breaks are recorded.", "do", None),
        ("Begin the statement with who the survivor is.", "do", None),
        ("If you saw them: describe them.", "say", "you saw them"),
        ("If the survivor is upset: offer a break.", "do", None),
        ("", "say", None),
    ],
)
def test_migrate_prompt(text: str, kind: str, only_if: str | None) -> None:
    prompt = migrate_prompt(text)
    assert (prompt.kind, prompt.only_if) == (kind, only_if)


def test_a_schema_1_guide_cannot_hold_a_checklist(tmp_path: Path) -> None:
    data = tomllib.loads((SCHEMA1 / "csa.toml").read_text("utf-8"))
    data["checklist"] = [{"id": "plan_scope", "text": "The plan."}]
    path = tmp_path / "csa.toml"
    path.write_text(to_toml(data), encoding="utf-8")
    with pytest.raises(GuideError, match=r"checklist is not a known key"):
        load_guide(path)


# --- schema 2 as shipped --------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_shipped_guides_are_schema_2_with_a_checklist(category: str) -> None:
    raw = tomllib.loads((SHIPPED / f"{category}.toml").read_text("utf-8"))
    assert raw["schema"] == SCHEMA == 2
    guide = load_guide(SHIPPED / f"{category}.toml")
    assert len(guide.checklist) == 14
    assert len({item.id for item in guide.checklist}) == 14
    kinds = {p.kind for phase in guide.phases for p in phase.prompts}
    assert kinds == {"say", "do"}


def test_conditions_are_read(tmp_path: Path) -> None:
    data = tomllib.loads((SHIPPED / "csa.toml").read_text("utf-8"))
    data["phases"][3]["prompts"].append(
        {"say": "Tell me about the last time.", "only_if": "they said it happened again"}
    )
    path = tmp_path / "csa.toml"
    path.write_text(to_toml(data), encoding="utf-8")
    prompt = load_guide(path).phase("questioning").prompts[-1]
    assert (prompt.kind, prompt.text, prompt.only_if) == (
        "say",
        "Tell me about the last time.",
        "they said it happened again",
    )


# --- translations keep say/do, conditions and the checklist's ids -----------------------


def first_index(data: dict[str, Any], test: Any) -> tuple[int, int]:
    for i, phase in enumerate(data["phases"]):
        for j, prompt in enumerate(phase["prompts"]):
            if test(prompt):
                return i, j
    raise AssertionError("no such prompt")


@pytest.fixture
def copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SHIPPED, tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUIETROOM_GUIDES_DIR", str(tmp_path))
    return tmp_path


def welsh_with(copies: Path, change: Any) -> str | None:
    """Write a changed Welsh csa guide; the GuideError message, or None if it loads."""
    data = tomllib.loads((copies / "cy" / "csa.toml").read_text("utf-8"))
    change(data)
    (copies / "cy" / "csa.toml").write_text(to_toml(data), encoding="utf-8")
    try:
        guide_for_category("csa", "cy")
    except GuideError as exc:
        return str(exc)
    return None


def test_a_translation_cannot_turn_words_into_an_instruction(copies: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        i, j = first_index(data, lambda p: "say" in p)
        data["phases"][i]["prompts"][j] = {"do": data["phases"][i]["prompts"][j]["say"]}

    message = welsh_with(copies, change)
    assert message is not None and "(say or do) is 'do' where csa.toml has 'say'" in message


def test_a_translation_keeps_each_condition(copies: Path) -> None:
    def drop(data: dict[str, Any]) -> None:
        i, j = first_index(data, lambda p: "only_if" in p)
        del data["phases"][i]["prompts"][j]["only_if"]

    message = welsh_with(copies, drop)
    assert message is not None and "only_if is missing; csa.toml has a condition" in message


def test_a_translation_adds_no_condition(copies: Path) -> None:
    def add(data: dict[str, Any]) -> None:
        i, j = first_index(data, lambda p: "only_if" not in p)
        data["phases"][i]["prompts"][j]["only_if"] = "os ydyn nhw wedi sôn"

    message = welsh_with(copies, add)
    assert message is not None and "a translation adds no condition" in message


def test_the_checklist_stays_english_until_translated(copies: Path) -> None:
    english = guide_for_category("csa")
    assert guide_for_category("csa", "cy").checklist == english.checklist

    def translate(data: dict[str, Any]) -> None:
        data["checklist"] = [
            {"id": item.id, "text": f"Eitem {n}."} for n, item in enumerate(english.checklist)
        ]

    assert welsh_with(copies, translate) is None
    welsh = guide_for_category("csa", "cy")
    assert [c.id for c in welsh.checklist] == [c.id for c in english.checklist]
    assert welsh.checklist[0].text == "Eitem 0."


def test_a_translated_checklist_keeps_the_ids(copies: Path) -> None:
    english = guide_for_category("csa")

    def rename(data: dict[str, Any]) -> None:
        items = [{"id": item.id, "text": "Eitem."} for item in english.checklist]
        items[0] = {"id": "cynllun", "text": "Y cynllun."}
        data["checklist"] = items

    message = welsh_with(copies, rename)
    assert message is not None and "checklist[0].id 'cynllun' is not in csa.toml" in message


def test_the_english_guide_is_not_changed_by_a_translation() -> None:
    english = copy.deepcopy(guide_for_category("csa"))
    welsh = guide_for_category("csa", "cy")
    assert dataclasses.replace(welsh, title=english.title) != english  # text differs
    assert [p.kind for ph in welsh.phases for p in ph.prompts] == [
        p.kind for ph in english.phases for p in ph.prompts
    ]
