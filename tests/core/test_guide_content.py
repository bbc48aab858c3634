"""The content of the six shipped guide files (schema 2), read with tomllib directly.

These tests do not use the loader: they check the data itself. Every prompt is one
inline table with exactly one of ``say`` (words to say) or ``do`` (an instruction), and
perhaps an ``only_if`` condition; each Welsh guide matches its English one prompt for
prompt; each English guide has the supervisor's checklist; the questioning rule opens
every questioning phase; and the fifteen prompts flagged by the guide review of
2026-12-06 (P1-P15) are rewritten as it proposed, with conditions kept out of the words
to say.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDES = ROOT / "app" / "resources" / "guides"
CATEGORIES = ("csa", "apsp", "general")
WELSH = "cy"
PHASES = ("planning", "engage_explain", "free_narrative", "questioning", "closure", "evaluation")
ALL_FILES = [f"{category}.toml" for category in CATEGORIES] + [
    f"{WELSH}/{category}.toml" for category in CATEGORIES
]
PROMPT_SHAPES = ({"say"}, {"do"}, {"say", "only_if"}, {"do", "only_if"})

CHECKLIST_IDS = (
    "plan_scope",
    "ground_rules_declaration",
    "free_narrative_first",
    "specific_questions_noted",
    "own_words",
    "incidents_particularised",
    "identification_source",
    "first_complaint",
    "exhibits",
    "restricted_kept_out",
    "welfare_breaks",
    "no_contamination",
    "roles_recorded",
    "readback_signatures",
)
CHECKLIST_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")

RULE_START = {
    "en": "Ask one question at a time, move from open to more specific, and never suggest an",
    "cy": "Gofynnwch un cwestiwn ar y tro, symudwch o gwestiynau agored at rai mwy penodol,",
}
RULE_MENU = "Use only the prompts this account needs, in the order of the"


@cache
def text(name: str) -> str:
    return (GUIDES / name).read_text(encoding="utf-8")


@cache
def data(name: str) -> dict[str, Any]:
    return tomllib.loads(text(name))


def phase(name: str, phase_id: str) -> dict[str, Any]:
    return next(p for p in data(name)["phases"] if p["id"] == phase_id)


def kind(prompt: dict[str, str]) -> str:
    return "say" if "say" in prompt else "do"


def words(prompt: dict[str, str]) -> str:
    return prompt[kind(prompt)]


def says(name: str) -> list[str]:
    return [p["say"] for ph in data(name)["phases"] for p in ph["prompts"] if "say" in p]


# --- schema, version and the shape of every prompt ---------------------------------------


@pytest.mark.parametrize("name", ALL_FILES)
def test_schema_is_2_and_version_3(name: str) -> None:
    # Version 3 (review of 2026-12-06, issue 21 sections 3 to 5); version 2 is archived.
    assert data(name)["schema"] == 2
    assert data(name)["version"] == 3


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_prompt_is_say_or_do_with_an_optional_condition(name: str) -> None:
    for ph in data(name)["phases"]:
        assert ph["prompts"], f"{name} {ph['id']} has no prompts"
        for index, prompt in enumerate(ph["prompts"]):
            where = f"{name} {ph['id']}.prompts[{index}]"
            assert isinstance(prompt, dict), f"{where} is not a table: {prompt!r}"
            assert set(prompt) in PROMPT_SHAPES, f"{where} has keys {sorted(prompt)}"
            for key, value in prompt.items():
                assert isinstance(value, str), f"{where}.{key} is not a string"
                assert value.strip() == value and value, f"{where}.{key} is empty or padded"


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_prompt_is_one_inline_table_on_one_line(name: str) -> None:
    source = text(name)
    assert not re.search(r"^\s*\[\[[^\]]*prompts\]\]", source, re.M), "prompts as [[tables]]"
    blocks = re.findall(r"^prompts = \[\n(.*?)^\]\n", source, re.M | re.S)
    assert len(blocks) == len(PHASES)
    for block, ph in zip(blocks, data(name)["phases"], strict=True):
        lines = block.splitlines()
        assert len(lines) == len(ph["prompts"]), f"{name} {ph['id']}: one prompt a line"
        for line, prompt in zip(lines, ph["prompts"], strict=True):
            assert re.fullmatch(r"    \{ (say|do) = .* \},", line), line
            assert tomllib.loads("p = " + line.strip().rstrip(","))["p"] == prompt


@pytest.mark.parametrize("name", ALL_FILES)
def test_planning_and_evaluation_are_instructions_only(name: str) -> None:
    # The survivor is not in the room for either.
    for phase_id in ("planning", "evaluation"):
        assert {kind(p) for p in phase(name, phase_id)["prompts"]} == {"do"}, phase_id


# --- Welsh matches English ---------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_welsh_matches_english_prompt_for_prompt(category: str) -> None:
    english, welsh = data(f"{category}.toml"), data(f"{WELSH}/{category}.toml")
    for key in ("schema", "id", "version"):
        assert welsh[key] == english[key], key
    assert [p["id"] for p in welsh["phases"]] == [p["id"] for p in english["phases"]]
    assert [p["id"] for p in english["phases"]] == list(PHASES)
    for ours, theirs in zip(welsh["phases"], english["phases"], strict=True):
        where = f"{WELSH}/{category}.toml {ours['id']}"
        assert len(ours["prompts"]) == len(theirs["prompts"]), f"{where}: prompt count"
        for index, (mine, source) in enumerate(
            zip(ours["prompts"], theirs["prompts"], strict=True)
        ):
            at = f"{where}.prompts[{index}]"
            assert kind(mine) == kind(source), (
                f"{at}: {kind(mine)} where English has {kind(source)}"
            )
            assert ("only_if" in mine) == ("only_if" in source), f"{at}: only_if differs"
            # Translated, not copied.
            assert words(mine) != words(source), f"{at} is the English text"
            if "only_if" in mine:
                assert mine["only_if"] != source["only_if"], f"{at}.only_if is the English text"


@pytest.mark.parametrize("category", CATEGORIES)
def test_welsh_has_no_checklist(category: str) -> None:
    # The supervisor sees the English checklist until a Welsh one has been reviewed.
    assert "checklist" not in data(f"{WELSH}/{category}.toml")


# --- the supervisor's checklist ----------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_english_guide_has_the_fourteen_checklist_items(category: str) -> None:
    checklist = data(f"{category}.toml")["checklist"]
    assert tuple(item["id"] for item in checklist) == CHECKLIST_IDS
    for item in checklist:
        assert set(item) == {"id", "text"}, item
        assert CHECKLIST_ID.fullmatch(item["id"]), item["id"]
        sentence = item["text"]
        assert sentence.strip() == sentence and sentence.endswith("."), item["id"]
        # One sentence the supervisor marks met / not met / n/a.
        assert not re.search(r"[.?!]\s+[A-Z“]", sentence), f"{item['id']}: one sentence"
        assert "?" not in sentence and "\n" not in sentence, item["id"]


# --- the questioning rule comes first (review D15) ---------------------------------------


@pytest.mark.parametrize("name", ALL_FILES)
def test_questioning_opens_with_the_questioning_rule(name: str) -> None:
    language = WELSH if name.startswith(f"{WELSH}/") else "en"
    prompts = phase(name, "questioning")["prompts"]
    first = prompts[0]
    assert set(first) == {"do"}, first
    assert first["do"].startswith(RULE_START[language]), first["do"]
    if language == "en":
        assert "Avoid “why” questions" in first["do"]
        assert RULE_MENU in first["do"]
    # Said once, at the top: not repeated further down the list.
    assert not any(RULE_START[language] in words(p) for p in prompts[1:])


# --- the fifteen rewrites (review, "Every flagged prompt, with a rewrite") ---------------

# The old English wording, as quoted in the review's table (up to any "…"), that must be
# gone from the English guides.
OLD_ENGLISH = {
    "P1": ["If it happened more than once: tell me about the first time you remember."],
    "P3": ["Tell me about a time that stands out for you."],
    "P4": ["How old were you then?", "Tell me what helps you place it: a school year, a house"],
    "P5": ["Who else was around at that time? Tell me about them."],
    "P6": ["Tell me what was said, if anything, about other people finding out."],
    "P7": ["Who did you tell, and when? Describe what they said or did."],
    "P8": ["Describe any contact you had with the police about this", "and what they did."],
    "P9": ["Describe how contact carried on after that: who got in touch, how, and how often."],
    "P10": [
        "Tell me about the messages, calls or social media contact: what was said, and which"
        " numbers or accounts"
    ],
    "P11": ["Tell me what you knew about their job, and how you came to know it."],
    "P12": ["If you saw them in person: describe what they were wearing and what they had"],
    "P13": ["Who did you tell, and when? Describe what happened when you did."],
    "P14": ["Who else was there? Tell me about them."],
    "P15": ["Describe what was said, in the words that were used"],
}

# The rewrites: (category, [(words to say, has a condition), ...]) in the order they
# appear in the questioning phase, one question a line.
IF = True
P7_LINES = [
    (
        "Before today, tell me about anyone you have talked to about this, if there is anyone.",
        False,
    ),
    ("Tell me what you said to them.", IF),
    ("Tell me what happened after that.", IF),
]
REWRITES: dict[str, tuple[str, list[tuple[str, bool]]]] = {
    "P1": (
        "csa",
        [("You said it happened [their words]. Tell me about the first time you remember.", IF)],
    ),
    "P2": ("csa", [("Tell me about the last time you remember.", IF)]),
    "P3": (
        "csa",
        [
            (
                "You mentioned [their label, e.g. “the time at the caravan”]. Tell me about that"
                " time.",
                IF,
            ),
            ("Tell me about any other time you remember well.", IF),
        ],
    ),
    "P4": (
        "csa",
        [
            (
                "Tell me what was going on in your life then, such as where you lived or which"
                " school you were at.",
                False,
            ),
            ("How old do you think you were?", False),
        ],
    ),
    "P5": (
        "csa",
        [
            (
                "Tell me about anyone else who was there when [their words for the occasion], if"
                " anyone was.",
                False,
            )
        ],
    ),
    "P6": (
        "csa",
        [
            ("You said [their words]. Tell me more about that.", IF),
            (
                "Tell me about anything [the person] said to you, before, during or after [their"
                " words].",
                IF,
            ),
        ],
    ),
    "P7": ("csa", P7_LINES),
    "P8": (
        "csa",
        [
            (
                "Tell me about any contact you had with the police about this, at the time or"
                " since.",
                False,
            ),
            ("Tell me what the police said and did.", IF),
        ],
    ),
    "P9": (
        "apsp",
        [
            ("Tell me what happened between you and [the person] after that.", False),
            ("Tell me about the ways you were in touch.", IF),
        ],
    ),
    "P10": (
        "apsp",
        [
            ("You said [their words, e.g. “he messaged me”]. Tell me about those messages.", IF),
            ("Tell me what you know about the number or account they came from.", IF),
            ("How do you know that?", IF),
        ],
    ),
    "P11": (
        "apsp",
        [
            ("Tell me what you knew about [the person]'s job.", False),
            ("How did you come to know that?", False),
        ],
    ),
    "P12": (
        "apsp",
        [
            ("Describe [the person] as you saw them [their words for the occasion].", IF),
            ("Describe what they were wearing.", IF),
        ],
    ),
    "P13": ("apsp", P7_LINES),
    "P14": ("general", [("Tell me about anyone else who was there, if anyone was.", False)]),
    "P15": (
        "general",
        [
            (
                "Tell me what, if anything, was said, in the words used as far as you remember"
                " them.",
                False,
            )
        ],
    ),
}

# The old Welsh wording of the same prompts, gone from the lines to say.
OLD_WELSH = {
    "csa": [
        "Os digwyddodd fwy nag unwaith:",
        "un tro sy'n aros yn eich cof",
        "Faint oedd eich oed chi bryd hynny?",
        "Pwy arall oedd o gwmpas bryd hynny?",
        "am bobl eraill yn dod i wybod",
        "Wrth bwy y dywedoch chi, a phryd?",
        "ers hynny, a beth wnaethon nhw",
    ],
    "apsp": [
        "Disgrifiwch sut parhaodd y cysylltiad",
        "Dywedwch wrtha i am y negeseuon, y galwadau",
        "am eu gwaith, a sut daethoch chi",
        "Os gwelsoch chi nhw wyneb yn wyneb:",
        "Wrth bwy y dywedoch chi, a phryd?",
    ],
    "general": ["Pwy arall oedd yno? Dywedwch", "Disgrifiwch beth gafodd ei ddweud"],
}


def numbered(names: Iterable[str]) -> list[str]:
    """P1 … P15 in numeric order."""
    return sorted(names, key=lambda name: int(name[1:]))


def test_every_flagged_prompt_has_a_rewrite() -> None:
    assert numbered(REWRITES) == [f"P{n}" for n in range(1, 16)]
    assert set(OLD_ENGLISH) == set(REWRITES) - {"P2"}  # P2 keeps its words; see below


@pytest.mark.parametrize("p", numbered(OLD_ENGLISH))
def test_old_english_wording_is_gone(p: str) -> None:
    for category in CATEGORIES:
        source = text(f"{category}.toml")
        for old in OLD_ENGLISH[p]:
            assert old not in source, f"{p}: {category}.toml still has {old!r}"


@pytest.mark.parametrize("p", numbered(REWRITES))
def test_rewrite_is_in_place(p: str) -> None:
    category, lines = REWRITES[p]
    prompts = [
        (prompt.get("say"), "only_if" in prompt)
        for prompt in phase(f"{category}.toml", "questioning")["prompts"]
    ]
    width = len(lines)
    runs = [prompts[i : i + width] for i in range(len(prompts) - width + 1)]
    assert lines in runs, f"{p}: {lines} not found, in order, in {category} questioning"


def test_p2_is_only_asked_after_more_than_once() -> None:
    # P2 keeps its words ("Tell me about the last time you remember.") but is no longer
    # offered unconditionally: it now carries the same condition as P1 and P3.
    prompts = [p for ph in data("csa.toml")["phases"] for p in ph["prompts"]]
    last_time = [p for p in prompts if p.get("say") == "Tell me about the last time you remember."]
    assert len(last_time) == 1 and "only_if" in last_time[0]
    conditions = {
        p.get("only_if")
        for p in prompts
        if p.get("say")
        in (
            "You said it happened [their words]. Tell me about the first time you remember.",
            "Tell me about the last time you remember.",
            "Tell me about any other time you remember well.",
        )
    }
    assert len(conditions) == 1 and "more than once" in str(conditions.pop())


@pytest.mark.parametrize("category", CATEGORIES)
def test_old_welsh_wording_is_gone(category: str) -> None:
    for line in says(f"{WELSH}/{category}.toml"):
        for old in OLD_WELSH[category]:
            assert old not in line, f"{WELSH}/{category}.toml still says {old!r}: {line!r}"


# --- conditions live in only_if, never in the words to say -------------------------------

CONDITIONAL_OPENINGS = re.compile(
    r"^(?:If it happened|If you saw|If you met|If they said|If needed|Only if they|Otherwise"
    r"|Then\b|Os digwyddodd|Os gwelsoch|Fel arall)"
    # A leading "If …:" / "Os …:" clause, the schema-1 way of writing a condition.
    r"|^(?:If|Os) [^:.?!]*:"
)


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_line_to_say_opens_with_a_condition(name: str) -> None:
    for line in says(name):
        assert not CONDITIONAL_OPENINGS.search(line), f"{name}: condition in words to say: {line!r}"
        # Bracketed instructions from the review are conditions, not placeholders.
        assert not re.search(r"\[(?:only|same condition|os|dim ond)\b", line, re.I), line


@pytest.mark.parametrize("name", ALL_FILES)
def test_conditions_are_for_the_interviewer(name: str) -> None:
    for ph in data(name)["phases"]:
        for prompt in ph["prompts"]:
            if "only_if" in prompt:
                condition = prompt["only_if"]
                # A condition about the survivor, in the third person, not words to say.
                assert condition[0].islower() and not condition.endswith((".", "?")), condition
                assert "[" not in condition, condition
