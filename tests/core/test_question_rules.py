"""The question rules (app/guides/question_rules.py): what each of the ten rules flags and
what it must leave alone, the survivor's words as context, Welsh coverage, and the rules
reproducing the guides review's hand count on the archived schema 1 guides. The lint over
the shipped guides' `say` lines is test_guides.py's."""

from __future__ import annotations

import pytest

from app.engine.hints import check_rule
from app.guides import load_guide
from app.guides.question_rules import RULE_IDS, RULES, Finding, check_question
from tests.core.guide_files import SHIPPED

TEN = (
    "yes_no tag forced_choice multiple presupposition loaded_word new_detail why_blame"
    " statement_question pressure_to_guess"
)


def rules_of(text: str, survivor_words: str = "", language: str = "en") -> set[str]:
    return {f.rule for f in check_question(text, survivor_words=survivor_words, language=language)}


# (question, the survivor's words so far, the rules it must break: exactly these)
FLAGGED = [
    # yes_no: in any sentence, with or without "?"
    ("You said you were scared. Did he threaten you?", "he threatened me", {"yes_no"}),
    ("did he hit you", "", {"yes_no"}),
    ("Q: was it dark when you left", "", {"yes_no"}),
    ("Can you describe him?", "", {"yes_no"}),
    ("When you got home, did he follow you?", "", {"yes_no"}),
    ("Is there anything else you want to tell me?", "", {"yes_no"}),
    ("Was it day or night, or something else?", "", {"yes_no"}),  # a way out, still closed
    # tag
    ("He gave you a lift home, didn't he?", "", {"tag"}),
    ("He was there wasn't he?", "", {"tag"}),
    ("Isn't it true that you went back to the flat?", "", {"tag"}),
    ("You were at the party, right?", "", {"tag"}),
    ("Wouldn't you agree that he was angry?", "", {"tag"}),
    # forced_choice
    ("Was it day or night?", "", {"forced_choice"}),
    ("Was he wearing a red jumper or a blue one?", "", {"forced_choice"}),
    ("Which hand did he use, the left or the right?", "", {"forced_choice"}),
    # multiple
    ("Who did you tell, and when?", "I told my mum", {"multiple"}),
    ("Tell me what you saw and what you heard.", "", {"multiple"}),
    ("What happened next? Where did you go?", "", {"multiple"}),
    ("Describe the room. Tell me what was on the walls.", "", {"multiple"}),
    ("Describe how contact carried on after that: who got in touch, how.", "", {"multiple"}),
    # presupposition
    ("Tell me about the last time he did it.", "it happened at the caravan", {"presupposition"}),
    ("Tell me about the messages.", "", {"presupposition"}),
    ("How many times did it happen?", "", {"presupposition"}),
    ("When he touched you, what did he say?", "", {"presupposition"}),
    ("Tell me about a time that stands out for you.", "", {"presupposition"}),
    ("Describe what was said, in the words used.", "", {"presupposition"}),
    ("What did the officer say when you reported it?", "", {"presupposition"}),
    # loaded_word
    ("Tell me about the grooming.", "", {"loaded_word"}),
    ("Tell me about the abuse.", "he hurt me", {"loaded_word"}),
    ("Describe his uniform.", "", {"loaded_word"}),
    ("Tell me what was said, if anything, about other people finding out.", "", {"loaded_word"}),
    # new_detail
    ("Describe what happened at the Crown Hotel.", "We went to a hotel.", {"new_detail"}),
    ("Tell me what happened in June.", "", {"new_detail"}),
    ("Tell me what happened after 10pm.", "it was late", {"new_detail"}),
    ("Tell me about Dave.", "my uncle drove me home", {"new_detail"}),
    ("Tell me what happened in May.", "", {"new_detail"}),
    # why_blame
    ("Why didn't you tell your mum?", "", {"why_blame"}),
    ("Tell me why you went back.", "", {"why_blame"}),
    ("How come you stayed?", "", {"why_blame"}),
    ("What were you doing there?", "", {"why_blame"}),
    ("You should have told someone sooner.", "", {"why_blame"}),
    # statement_question
    ("So he was in uniform?", "he was wearing his uniform", {"statement_question"}),
    ("You were scared?", "", {"statement_question"}),
    # pressure_to_guess
    ("Have a guess.", "", {"pressure_to_guess"}),
    ("Are you sure it was him?", "", {"pressure_to_guess"}),
    ("You must remember what he said.", "", {"pressure_to_guess"}),
    ("Think harder about it.", "", {"pressure_to_guess"}),
    # several at once
    ("Try to guess roughly how many times.", "", {"pressure_to_guess", "presupposition"}),
    ("Did you call the police? Why not?", "", {"yes_no", "multiple", "why_blame"}),
    ("So the abuse started in 1987?", "", {"statement_question", "loaded_word", "new_detail"}),
]

# Good open prompts (many from the guides), and near misses each rule must leave alone.
CLEAR = [
    ("What happened next?", ""),
    ("Tell me more about that.", ""),
    ("Tell me more about the house.", ""),
    ("Describe the place where this happened.", ""),
    ("Describe the room as you remember it.", ""),
    ("Tell me, in your own words, about what happened. Start wherever feels right.", ""),
    ("Tell me as much as you can remember, even things that seem small.", ""),
    ("What else do you think I should know?", ""),
    ("How old do you think you were?", ""),
    ("How did you come to know that?", ""),
    ("Where did he take you?", ""),
    ("Who was with you?", ""),
    ("What colour was the car?", ""),
    ("In what way?", ""),
    ("After that, what happened?", ""),
    ("Okay. And what happened then?", ""),
    ("Anything else?", ""),
    ("Tell me, what happened?", ""),
    # R1: a consent or welfare check is not a question about the evidence
    ("Is it all right with you if we begin now?", ""),
    ("Would you like a break, or shall we carry on?", ""),
    ("Should you need a break, tell me.", ""),
    # R2, R3, R4: the review's own near misses
    ("Tell me if I've got anything wrong.", ""),
    ("Tell me how it ended, or where things stand now.", ""),
    ("You mentioned the car. Tell me more about that.", ""),
    ("When he touched you, what did he say?", "he touched my arm"),
    ("Tell me what was going on in your life then, such as where you lived.", ""),
    ("Tell me what the police said and did.", ""),
    ("If they contact you, keep the message, don't reply, and tell us.", ""),
    # R5: "if any", and repetition or the noun in the survivor's words
    ("Tell me about anyone else who was there, if anyone was.", ""),
    ("Before today, tell me about anyone you have talked to about this, if there is anyone.", ""),
    ("Describe the messages, if there were any.", ""),
    ("Tell me about the last time you saw him.", ""),
    ("Tell me about the last time he did it.", "the last time was at Christmas"),
    ("Tell me about the messages.", "he messaged me on Facebook"),
    # R6, R7: the survivor's words, an echo of them, a service named by design
    ("You said 'he groomed me'. Tell me more about that.", ""),
    ("Describe the Crown Hotel as you remember it.", "We stayed at the Crown Hotel."),
    ("You said he was 'Uncle Pete'. Tell me about Uncle Pete.", ""),
    ("Tell me more about Mr. Jones.", "Mr Jones was my teacher"),
    ("Tell me about the 3 times he came round.", "it happened three times"),
    ("Your ISVA or Rape Crisis can support you after today.", ""),
    ('Please say "I don\'t know" or "I don\'t remember" if you do not know.', ""),
    # R8, R10: the ground rules say "why" and "guess" the other way round
    ("You can take a break at any time, and you don't have to tell me why.", ""),
    ("Please don't guess: 'I don't know' is a good answer.", ""),
    # placeholders are the survivor's words, filled in on the day
    ("Earlier you said [their words], and just now [their words]. Help me understand that.", ""),
    ("Tell me what you knew about [the person]'s job.", ""),
]


@pytest.mark.parametrize(("text", "survivor_words", "expected"), FLAGGED)
def test_the_rules_flag(text: str, survivor_words: str, expected: set[str]) -> None:
    assert rules_of(text, survivor_words) == expected


@pytest.mark.parametrize(("text", "survivor_words"), CLEAR)
def test_the_rules_leave_alone(text: str, survivor_words: str) -> None:
    assert check_question(text, survivor_words=survivor_words) == []


def test_the_example_set_is_large_and_covers_every_rule() -> None:
    assert len(FLAGGED) + len(CLEAR) >= 40
    assert set().union(*(expected for _, _, expected in FLAGGED)) == RULE_IDS


# --- the survivor's words as context ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "before", "after", "rule"),
    [
        ("Tell me about the last time he did it.", "It happened once.", "He did it every week.",
         "presupposition"),
        ("Who else was there?", "I was on my own with him.", "There were other people there.",
         "presupposition"),
        ("Who did you tell?", "Nobody knew.", "I told my teacher.", "presupposition"),
        ("Tell me about the texts.", "He was angry.", "He kept texting me.", "presupposition"),
        ("Tell me about the grooming.", "He was kind to me.", "He was grooming me.",
         "loaded_word"),
        ("Describe him in his uniform.", "He was a policeman.", "He wore his uniform.",
         "loaded_word"),
        ("Tell me about Dave.", "My uncle drove me.", "Dave drove me.", "new_detail"),
        ("Tell me what happened in June 1987.", "It was the summer.", "It was June 1987.",
         "new_detail"),
        ("Tell me about the three men.", "Some men came.", "There were 3 men.", "new_detail"),
    ],
)  # fmt: skip
def test_a_context_rule_is_quiet_once_the_survivor_has_said_the_word(
    question: str, before: str, after: str, rule: str
) -> None:
    assert rules_of(question, before) == {rule}
    assert rules_of(question, after) == set()


def test_only_the_survivors_words_license_not_the_question_itself() -> None:
    # Said aloud, the old condition puts repetition into the survivor's mouth (review P1).
    text = "If it happened more than once: tell me about the first time you remember."
    assert rules_of(text) == {"presupposition"}
    assert rules_of(text, "it happened more than once") == set()


# --- findings ------------------------------------------------------------------------


def test_a_finding_names_the_rule_the_words_and_the_explanation() -> None:
    findings = check_question("Why did you go to the Crown Hotel?")
    assert findings == [
        Finding("new_detail", "Crown Hotel", RULES["new_detail"].en),
        Finding("why_blame", "Why", RULES["why_blame"].en),
    ]
    assert [f.rule for f in check_question("Tell me about the abuse and the victims.")] == [
        "loaded_word"
    ]
    assert check_question("Tell me about the abuse and the victims.")[0].words == "abuse, victims"


def test_findings_are_deterministic_and_in_rule_order() -> None:
    text = "So the abuse started at the Crown Hotel? Why? Did he threaten you, didn't he?"
    first = check_question(text)
    assert first == check_question(text)
    order = list(RULES)
    assert [order.index(f.rule) for f in first] == sorted(order.index(f.rule) for f in first)


def test_the_ten_rules() -> None:
    assert " ".join(RULES) == TEN
    assert frozenset(RULES) == RULE_IDS
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id
        assert check_rule(rule_id) == rule_id  # a dismissal can record it
        assert rule.en and rule.cy and rule.en != rule.cy
        assert "\n" not in rule.en + rule.cy and len(rule.en) <= 100
        assert set(rule.languages) <= {"en", "cy"} and "en" in rule.languages
    welsh = {rule_id for rule_id, rule in RULES.items() if "cy" in rule.languages}
    assert welsh == {"multiple", "new_detail", "why_blame"}


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="language must be one of en, cy"):
        check_question("What happened?", language="fr")
    with pytest.raises(TypeError):
        check_question(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        check_question("What happened?", survivor_words=None)  # type: ignore[arg-type]
    assert check_question("") == [] and check_question("   \n ") == []


# --- Welsh: only the rules that need no Welsh grammar -------------------------------------


@pytest.mark.parametrize(
    ("text", "survivor_words", "expected"),
    [
        ("Pam aethoch chi'n ôl?", "", {"why_blame"}),
        ("Beth ddigwyddodd nesaf? Pwy oedd yno?", "", {"multiple"}),
        ("Disgrifiwch y Crown Hotel.", "Aethon ni i westy.", {"new_detail"}),
        ("Disgrifiwch y Crown Hotel.", "Aethon ni i'r Crown Hotel.", set()),
        ("Dywedwch wrtha i beth ddigwyddodd ym 1987.", "", {"new_detail"}),
        # the ground rule says "pam" the other way round
        ("Gallwch chi gymryd egwyl, a does dim rhaid i chi ddweud wrtha i pam.", "", set()),
        # a Welsh yes/no or tag question is not recognised: no Welsh grammar is parsed
        ("Wnaeth e eich bygwth chi?", "", set()),
        ("Roedd e yno, on'd oedd e?", "", set()),
    ],
)
def test_welsh(text: str, survivor_words: str, expected: set[str]) -> None:
    findings = check_question(text, survivor_words=survivor_words, language="cy")
    assert {f.rule for f in findings} == expected
    assert all(f.explanation == RULES[f.rule].cy for f in findings)


def test_welsh_guides_say_lines_pass_the_welsh_rules() -> None:
    for category in ("csa", "apsp", "general"):
        for phase in load_guide(SHIPPED / "cy" / f"{category}.toml").phases:
            for prompt in phase.prompts:
                if prompt.kind == "say":  # the conditions are not needed in Welsh
                    assert check_question(prompt.text, language="cy") == [], prompt.text


# --- the review's hand count, reproduced ---------------------------------------------

# The 15 questioning lines the review flagged by hand in the schema 1 guides (P1-P15).
REVIEW_FLAGGED = {
    *("csa/5", "csa/6", "csa/7", "csa/8", "csa/9", "csa/10", "csa/11", "csa/12"),
    *("apsp/4", "apsp/5", "apsp/6", "apsp/9", "apsp/13", "general/3", "general/5"),
}


def test_the_rules_flag_exactly_the_reviews_fifteen_in_the_schema_1_guides() -> None:
    # Schema 1 had no condition: "If it happened more than once: …" was said aloud, so the
    # lines are checked with no survivor's words.
    flagged = set()
    for category in ("csa", "apsp", "general"):
        guide = load_guide(SHIPPED / "archive" / f"{category}-v1.toml")
        for index, prompt in enumerate(guide.phase("questioning").prompts):
            if prompt.kind == "say" and check_question(prompt.text):
                flagged.add(f"{category}/{index}")
    assert flagged == REVIEW_FLAGGED


def test_placeholders_and_quotes_are_read_as_the_guides_write_them() -> None:
    curly = "You said \u201che groomed me\u201d. Tell me more about that."
    assert check_question(curly) == []
    assert check_question("Describe [the person, e.g. \u201cDave\u201d] as you saw them.") == []
