"""Version 3 of the shipped guides (issue 21, sections 3 to 5; the guide review of
2026-12-06, D3-D5 and D9-D15), read with tomllib directly like test_guide_content.py.

CSA gains the oversight body's question (scope agreed with the parallel investigation, a
"Contact with the police" section with its prompts and fields); every guide gains the
safeguards against contamination, the whole declaration before the account, the
recording decision, what may follow (court, special measures, the Victim Personal
Statement, anonymity), grounding and distress in questioning, "you'd rather not answer",
thanks for effort, a neutral rapport topic and a planning prompt for sitting length;
CSA and general a current-risk step; APSP a description of the person, how the survivor
knows their name, repeated meetings particularised and anchored in time, and a 30-minute
break interval; general CSA's closure, support and welfare prompts. Labels do not
presume, and every id of version 2 is kept so that stored text still maps.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from tests.core.test_guide_content import (
    CATEGORIES,
    GUIDES,
    WELSH,
    data,
    kind,
    phase,
    text,
    words,
)

SURVIVOR = {"csa": "survivor", "apsp": "survivor", "general": "person"}


def archived(category: str, version: int) -> dict[str, Any]:
    return tomllib.loads((GUIDES / "archive" / f"{category}-v{version}.toml").read_text("utf-8"))


def prompts(category: str, phase_id: str, language: str = "en") -> list[dict[str, str]]:
    name = f"{category}.toml" if language == "en" else f"{language}/{category}.toml"
    return phase(name, phase_id)["prompts"]


def index_of(category: str, phase_id: str, start: str, wanted: str | None = None) -> int:
    """The position of the one prompt of the phase whose words start with `start`."""
    found = [
        i
        for i, p in enumerate(prompts(category, phase_id))
        if words(p).startswith(start) and (wanted is None or kind(p) == wanted)
    ]
    assert len(found) == 1, f"{category} {phase_id}: {len(found)} prompts start {start!r}"
    return found[0]


def prompt(category: str, phase_id: str, start: str, wanted: str | None = None) -> dict[str, str]:
    return prompts(category, phase_id)[index_of(category, phase_id, start, wanted)]


def new_says(category: str) -> list[tuple[str, dict[str, str]]]:
    """(phase id, prompt) for every line to say that version 2 did not have."""
    old = {words(p) for ph in archived(category, 2)["phases"] for p in ph["prompts"]}
    return [
        (ph["id"], p)
        for ph in data(f"{category}.toml")["phases"]
        for p in ph["prompts"]
        if "say" in p and p["say"] not in old
    ]


# --- versions: v2 archived, every id kept ------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_version_2_is_archived_as_it_was_shipped(category: str) -> None:
    old = archived(category, 2)
    assert (old["schema"], old["id"], old["version"]) == (2, category, 2)
    # The version 2 wording, which version 3 replaced, is what the archive holds.
    assert "Thank you for your time and for coming today." in {
        words(p) for ph in old["phases"] for p in ph["prompts"]
    }


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("version", [1, 2])
def test_every_earlier_section_and_field_id_is_kept(category: str, version: int) -> None:
    # The engine shows, exports and signs only the sections of a case's guide; a case from
    # before versions were kept uses the current one, so no id may disappear.
    old, new = archived(category, version), data(f"{category}.toml")
    new_sections = [s["id"] for s in new["sections"]]
    assert [s["id"] for s in old["sections"]] == [
        s for s in new_sections if s in {o["id"] for o in old["sections"]}
    ]
    assert {f["id"] for f in old.get("fields", [])} <= {f["id"] for f in new.get("fields", [])}


def test_apsp_breaks_every_30_minutes_like_csa() -> None:
    for name in ("apsp.toml", f"{WELSH}/apsp.toml", "csa.toml"):
        assert data(name)["pacing"]["break_every_minutes"] == 30, name
    assert archived("apsp", 2)["pacing"]["break_every_minutes"] == 40


# --- planning ----------------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_planning_scope_contamination_recording_and_sittings(category: str) -> None:
    who = SURVIVOR[category]
    scope = prompt(category, "planning", "Agree the scope with the parallel investigation")
    assert "take only what this investigation needs" in scope["do"]
    secret = prompt(category, "planning", f"Do not tell the {who} whether anyone else has")
    assert "what others have said" in secret["do"] and "what is known about" in secret["do"]
    assert "say you can't talk about other parts of the investigation" in secret["do"]
    recording = prompt(category, "planning", f"Decide with the {who}, before the day,")
    for needed in ("written statement", "visually recorded interview", "their view", "reasons"):
        assert needed in recording["do"], needed
    sittings = prompt(category, "planning", f"Agree with the {who} in advance how long")
    assert "how many sittings" in sittings["do"]
    assert prompt(category, "planning", "Plan for afterwards:")["do"]
    assert "Plan the topics from the statement sections" not in text(f"{category}.toml")


def test_csa_scope_puts_the_police_handling_first() -> None:
    scope = prompt("csa", "planning", "Agree the scope")["do"]
    assert "how the police handled the survivor's reports" in scope
    assert "not another full account of the abuse" in scope


# --- engage and explain ------------------------------------------------------------------

DECLARATION = (
    "At the end you will sign a declaration that the statement is true to the best of your"
    " knowledge and belief, and that you understand you could be prosecuted if it is used in"
    " evidence and you have deliberately put anything in it that you know is false or do not"
    " believe is true. Everyone signs this declaration; it isn't aimed at you."
)


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_whole_declaration_is_said_calmly_before_the_account(category: str) -> None:
    at = index_of(category, "engage_explain", DECLARATION, "say")
    explain = prompt(category, "engage_explain", "Explain what happens with the", "do")["do"]
    assert "what happens with the statement" in explain and "calmly" in explain
    # Said once, in full, here: the explanation no longer gives half of it.
    assert "ends with a declaration" not in explain
    assert at < index_of(category, "engage_explain", "Is it all right with you if we begin")


@pytest.mark.parametrize("category", CATEGORIES)
def test_engage_rapport_ground_rules_feelings_and_stop_signal(category: str) -> None:
    engage = [words(p) for p in prompts(category, "engage_explain")]
    address = engage.index("Tell me how you would like me to address you today.")
    # A neutral topic first, not how they feel about being here.
    assert engage[address + 1].startswith("Before we start, tell me a little about [a neutral")
    assert "Tell me how you are feeling about being here today." not in engage
    for line in (
        "You can always tell me you'd rather not answer a question; that is fine, and we will"
        " move on.",
        "Tell me how you are feeling now, before we begin.",
        "Tell me what you will do if you want to stop.",
    ):
        assert line in engage, line
    assert any(line.endswith("You can use the signal we agreed.") for line in engage)


# --- free narrative, questioning: distress, grounding, echo ------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_distress_and_grounding_in_free_narrative_and_questioning(category: str) -> None:
    who = SURVIVOR[category]
    grounding = f"If the {who} seems far away, numb or overwhelmed, stop and offer grounding:"
    for phase_id in ("free_narrative", "questioning"):
        assert "feet on the floor" in prompt(category, phase_id, grounding, "do")["do"]
    assert prompt(category, "free_narrative", f"Help the {who} go on with minimal encouragers")
    distress = prompt(category, "questioning", f"If the {who} becomes distressed, stop asking")
    assert "offer a pause" in distress["do"]
    explain = prompt(category, "questioning", "Explain that you will now ask", "do")["do"]
    assert "they'd rather not answer" in explain
    closing = f"If the {who} seems far away or overwhelmed, offer grounding before they leave"
    assert prompt(category, "closure", closing, "do")


# --- closure -----------------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_closure_contamination_what_may_follow_thanks_and_closing_topic(category: str) -> None:
    closure = [words(p) for p in prompts(category, "closure")]
    keep = prompt(category, "closure", "Please don't talk about the details of what you told me")
    assert "anyone who may also be a witness" in keep["say"]
    assert "You can still talk about how you feel" in keep["say"]
    follow = prompt(category, "closure", "Explain, without promising any outcome, what may follow")
    for needed in ("court", "special measures", "Victim Personal Statement", "anonymity"):
        assert needed in follow["do"], needed
    # Where the guide explains what happens next.
    assert index_of(category, "closure", "Explain what happens next") + 1 == index_of(
        category, "closure", "Explain, without promising"
    )
    assert closure[-1] == (
        "Thank you for the effort you've put in today. I know this can be hard to talk about."
    )
    assert "Thank you for your time and for coming today." not in text(f"{category}.toml")
    assert "Tell me what you are doing for the rest of the day." in closure
    assert "Tell me how you are feeling now." in closure


# --- evaluation: current risk, support, welfare ------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_evaluation_acts_on_current_risk_first(category: str) -> None:
    first = prompts(category, "evaluation")[0]["do"]
    assert first.startswith("If anything suggests the") and "at risk now" in first
    assert "today through your safeguarding procedure" in first
    every = " ".join(words(p) for p in prompts(category, "evaluation"))
    for needed in ("support referrals", "next contact", "Look after yourself", "supervisor"):
        assert needed in every, needed
    if category != "apsp":  # a non-recent abuser may still have access to children
        children = prompts(category, "evaluation")[1]["do"]
        assert "access to children" in children and "the same day" in children
        assert "refer to the LADO today" in children


# --- CSA: contact with the police --------------------------------------------------------

HAS_CONTACT = "the survivor has described contact with the police"
POLICE_BLOCK = [
    ("say", "Tell me about any contact you had with the police about this, at the time or since.",
     None),
    ("say", "Tell me what the police said and did.", HAS_CONTACT),
    ("do", "Take each contact with the police in turn, in the survivor's order", HAS_CONTACT),
    ("say", "You mentioned [their words for the contact]. Tell me when that was, as best you"
     " remember.", HAS_CONTACT),
    ("say", "Describe anyone from the police you dealt with then, as you remember them.",
     HAS_CONTACT),
    ("say", "How did you come to know [the name, rank or number they gave]?",
     "the survivor has given a name, rank or number for someone from the police"),
    ("say", "Tell me what, if anything, was said then, in the words used as far as you remember"
     " them.", HAS_CONTACT),
    ("say", "Tell me what happened after that contact.", HAS_CONTACT),
]  # fmt: skip


def test_csa_asks_about_each_contact_with_the_police() -> None:
    start = index_of("csa", "questioning", POLICE_BLOCK[0][1])
    block = prompts("csa", "questioning")[start : start + len(POLICE_BLOCK)]
    for (wanted, start_of, condition), got in zip(POLICE_BLOCK, block, strict=True):
        assert kind(got) == wanted and words(got).startswith(start_of), got
        assert got.get("only_if") == condition, got


def test_csa_has_a_contact_with_the_police_section_and_fields() -> None:
    csa = data("csa.toml")
    sections = [s["id"] for s in csa["sections"]]
    # In the order of the survivor's account: after telling anyone, before the impact.
    assert sections.index("disclosure") + 1 == sections.index("police_contact")
    assert sections.index("police_contact") + 1 == sections.index("impact")
    section = next(s for s in csa["sections"] if s["id"] == "police_contact")
    assert section["title"] == "Contact with the police"
    for needed in ("when", "who they dealt with", "name or rank", "words used", "happened after"):
        assert needed in section["description"], needed
    assert "police_contact" in phase("csa.toml", "questioning")["sections"]
    fields = {f["id"]: f for f in csa["fields"]}
    for field_id in ("police_contacts", "police_people", "police_after"):
        assert fields[field_id]["kind"] == "longtext" and fields[field_id]["help"], field_id
    assert "how the survivor knows it" in fields["police_people"]["help"]


# --- APSP: the person described, named, meetings particularised --------------------------

MORE_THAN_ONCE = "the survivor has said they met or were in touch with the person more than once"


def test_apsp_describes_the_person_and_how_their_name_is_known() -> None:
    assert "only_if" not in prompt("apsp", "questioning", "Describe [the person] as you remember")
    named = prompt("apsp", "questioning", "Tell me how you know their name.")
    assert named["only_if"] == "the survivor has named the person"


def test_apsp_particularises_repeated_meetings_and_anchors_them() -> None:
    lines = [
        "You said [their words, e.g. “we met most weeks”]. Tell me about the first time you"
        " remember.",
        "Tell me about the last time you remember.",
        "You mentioned [their label, e.g. “the time in the car park”]. Tell me about that time.",
        "Tell me about any other time you remember well.",
    ]
    start = index_of("apsp", "questioning", lines[0])
    run = prompts("apsp", "questioning")[start : start + len(lines)]
    assert [p["say"] for p in run] == lines
    assert {p["only_if"] for p in run} == {MORE_THAN_ONCE}
    anchor = prompt("apsp", "questioning", "Tell me anything that helps you place when that was")
    assert "only_if" not in anchor


# --- time and place with each incident; the impact section -------------------------------


@pytest.mark.parametrize("category", ["csa", "apsp"])
def test_time_and_place_stay_with_each_incident(category: str) -> None:
    account = next(s for s in data(f"{category}.toml")["sections"] if s["id"] == "account")
    assert "time and place of each" in account["description"]
    keep = prompt(category, "questioning", "Keep the time and place of each", "do")["do"]
    assert "in What happened" in keep and "never turn them into dates" in keep


def test_csa_when_and_where_keeps_its_id_with_a_new_title() -> None:
    section = next(s for s in data("csa.toml")["sections"] if s["id"] == "periods_places")
    assert section["title"] == "Time and places overall"
    assert "stay with it in What happened" in section["description"]


@pytest.mark.parametrize("category", ["csa", "apsp"])
def test_impact_warns_about_the_defence_first_and_offers_the_vps(category: str) -> None:
    impact = next(s for s in data(f"{category}.toml")["sections"] if s["id"] == "impact")
    assert "Explain first that the defence may read" in impact["description"]
    assert "Victim Personal Statement" in impact["description"]
    ask = index_of(category, "questioning", "Only if you want to: tell me how this has affected")
    warning = prompts(category, "questioning")[ask - 1]
    assert kind(warning) == "do" and "explain first that the defence may read" in warning["do"]
    assert "health, therapy" in warning["do"] and "Victim Personal Statement" in warning["do"]


# --- labels that do not presume ----------------------------------------------------------

PRESUMING = re.compile(
    r"\b(abuse|power used|made contact|who i told|wrth bwy|cam-drin|a ddefnyddiwyd)\b"
    r"|^messages, calls|^negeseuon, galwadau",
    re.IGNORECASE,
)
LABELS = {
    ("csa", "periods"): ("Periods described", "Cyfnodau a ddisgrifiwyd"),
    ("csa", "places"): ("Places described", "Lleoedd a ddisgrifiwyd"),
    ("apsp", "power_used"): (
        "Position, power or access mentioned",
        "Swydd, grym neu fynediad a grybwyllwyd",
    ),
}


@pytest.mark.parametrize("category", CATEGORIES)
def test_labels_and_titles_do_not_presume(category: str) -> None:
    for name in (f"{category}.toml", f"{WELSH}/{category}.toml"):
        for field in data(name).get("fields", []):
            assert not PRESUMING.search(field["label"]), f"{name}: {field['label']!r}"
        for section in data(name)["sections"]:
            assert not PRESUMING.search(section["title"]), f"{name}: {section['title']!r}"
    for (owner, field_id), (english, welsh) in LABELS.items():
        if owner == category:
            for name, label in ((f"{category}.toml", english), (f"{WELSH}/{category}.toml", welsh)):
                field = next(f for f in data(name)["fields"] if f["id"] == field_id)
                assert field["label"] == label, name


# --- every new line to say presumes nothing ----------------------------------------------

YES_NO = re.compile(
    r"(?:^|[.?!:;]\s+)(?:did|do|does|is|are|was|were|has|have|had|can|could|will|would|"
    r"should)\b[^.?!]*\?",
    re.IGNORECASE,
)
PRESUMES = re.compile(
    r"\bwho else\b|\bwho did you tell\b|\bevery time\b|\bhow many times\b|\bthe (other|next)"
    r" time\b|\bthe (messages|texts|threats)\b|\bwhy\b|\bsecret|\bgroom|\babuse|\bguess\b",
    re.IGNORECASE,
)
CONDITIONAL = re.compile(r"^(?:If|Only if|When|Otherwise|Then)\b")


@pytest.mark.parametrize("category", CATEGORIES)
def test_new_lines_to_say_are_open_single_and_presume_nothing(category: str) -> None:
    fresh = new_says(category)
    assert len(fresh) >= 6, fresh  # rapport, rather not, declaration, feelings, closure ×2
    for phase_id, line in fresh:
        where = f"{category} {phase_id}: {line['say']!r}"
        # Placeholders stand for the survivor's own words; "you don't have to tell me why"
        # is a ground rule, not a "why" question.
        said = re.sub(r"\[[^\]]*\]", "[…]", line["say"].replace("\u2019", "'"))
        said = said.replace("you don't have to tell me why", "")
        assert said.count("?") <= 1, where
        assert not YES_NO.search(said), where
        assert not re.search(r"\b\w+n't (he|she|it|they|you)\?", said), where  # a tag
        assert not (" or " in said and said.endswith("?")), where  # either/or
        assert not PRESUMES.search(said), where
        assert not CONDITIONAL.match(said), where  # conditions go in only_if
        if said.endswith("?"):  # a question is open: it opens with a question word
            last = re.split(r"(?<=[.:;])\s+", said)[-1]
            assert last.split()[0].lower() in ("how", "what", "who", "where", "when"), where


# --- old wording gone, Welsh in step -----------------------------------------------------

OLD_ENGLISH = (
    "Tell me how you are feeling about being here today.",
    "Thank you for your time and for coming today.",
    "Periods of abuse",
    "Places of abuse",
    "Position or power used",
    "Ways the person made contact",
    '"Who I told"',
    '"Messages, calls and social media"',
    '"When and where"',
    "that it ends with a declaration that it is true to the best of their knowledge and belief",
    "Plan the topics from the statement sections",
)
OLD_WELSH = (
    "sut rydych chi'n teimlo am fod yma heddiw",
    "Diolch am eich amser ac am ddod heddiw.",
    "Cyfnodau'r cam-drin",
    "Lleoedd y cam-drin",
    "Swydd neu rym a ddefnyddiwyd",
    "Wrth bwy y dywedais i",
    "datganiad o wirionedd",
)


@pytest.mark.parametrize("category", CATEGORIES)
def test_old_wording_is_gone(category: str) -> None:
    for old in OLD_ENGLISH:
        assert old not in text(f"{category}.toml"), f"{category}.toml still has {old!r}"
    for old in OLD_WELSH:
        assert old not in text(f"{WELSH}/{category}.toml"), f"{WELSH}/{category}: {old!r}"


@pytest.mark.parametrize("category", CATEGORIES)
def test_welsh_carries_the_same_new_structure(category: str) -> None:
    english, welsh = data(f"{category}.toml"), data(f"{WELSH}/{category}.toml")
    assert [s["id"] for s in welsh["sections"]] == [s["id"] for s in english["sections"]]
    assert [f["id"] for f in welsh.get("fields", [])] == [
        f["id"] for f in english.get("fields", [])
    ]
    assert welsh["pacing"] == english["pacing"]
    for ours, theirs in zip(welsh["phases"], english["phases"], strict=True):
        assert ours["sections"] == theirs["sections"], ours["id"]
        assert [(kind(p), "only_if" in p) for p in ours["prompts"]] == [
            (kind(p), "only_if" in p) for p in theirs["prompts"]
        ], ours["id"]
    # The declaration in Welsh, with its false-statement limb, and the review status kept.
    engage = " ".join(words(p) for p in prompts(category, "engage_explain", WELSH))
    assert "ardystiad" in engage and "erlyn" in engage and "anwir" in engage
    assert "FIRST TRANSLATION, NOT YET REVIEWED" in text(f"{WELSH}/{category}.toml")
