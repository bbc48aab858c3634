"""The desktop task behind the workspace's question hint (app/desktop/questions.py, issue #21
§7): the questions a note holds, each checked against the question rules with the survivor's
words so far (the current statement's sections), in the statement's language, explained in
the interface language, and nothing stored or logged by the check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.desktop.cases import dismiss_hint, set_statement_language
from app.desktop.questions import (
    MAX_QUESTIONS,
    RULE_ORDER,
    NoteCheck,
    check_note_question,
    note_questions,
    rules_checked_in,
)
from app.desktop.session import Session
from app.desktop.workspace import add_note, save_section
from app.engine.clock import FakeClock
from app.errors import UsageError
from app.guides.question_rules import RULES
from tests.conftest import FAST_KDF, PASSPHRASE

REF = "CSA-Q-1"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session(tmp_path / "vault", clock=FakeClock())
    s.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    s.engine.create_case("csa", REF)
    yield s
    s.lock()


def rules(check: NoteCheck) -> list[str]:
    return [hint.rule for hint in check.hints]


# --- finding the questions in a note ------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "questions"),
    [
        ("Q: Did he hurt you?", ["Did he hurt you?"]),
        ("q. tell me more\nQuestion: What happened next?", ["tell me more", "What happened next?"]),
        ("Q) Where were you?", ["Where were you?"]),
        ("C: Pam aethoch chi yno?\nCwestiwn: Beth nesaf?", ["Pam aethoch chi yno?", "Beth nesaf?"]),
        ('She went quiet. I asked "Did he hurt you?" and waited.', ["Did he hurt you?"]),
        ("I asked \u201cWhere were you?\u201d", ["Where were you?"]),
        ("I asked 'Didn't he say sorry?' then stopped", ["Didn't he say sorry?"]),
        ("I asked \u2018Didn\u2019t he go?\u2019", ["Didn\u2019t he go?"]),
        # A "Q:" line is the question whole, quotation marks and all.
        ('Q: You said "the shed". Tell me about it.', ['You said "the shed". Tell me about it.']),
        # No question: no "Q:", or quoted words that ask nothing.
        ("Survivor upset, offered a break.", []),
        ('She called it "the bad house".', []),
        ("Quiet now, she needs water?", []),
        ("Q:   \nQ: ?", []),
        ("Q: What next?\nQ: What next?", ["What next?"]),  # each once
    ],
)
def test_the_questions_in_a_note(note: str, questions: list[str]) -> None:
    assert note_questions(note) == questions


def test_a_long_list_is_cut_short() -> None:
    note = "\n".join(f"Q: What happened on day {n}?" for n in range(40))
    assert len(note_questions(note)) == MAX_QUESTIONS


# --- the check ------------------------------------------------------------------------------


def test_a_leading_question_is_named_by_its_rule(session: Session) -> None:
    check = check_note_question(session, REF, "Q: Did he hurt you?")
    assert check.questions == ("Did he hurt you?",)
    assert rules(check) == ["yes_no"]
    hint = check.hints[0]
    assert (hint.question, hint.words) == ("Did he hurt you?", "Did he hurt you?")
    assert hint.explanation == RULES["yes_no"].en
    assert check.checked_in == "en" and check.rules_checked == RULE_ORDER


def test_an_open_question_or_a_note_without_one_gives_no_hint(session: Session) -> None:
    assert check_note_question(session, REF, "Q: Tell me what happened next.").hints == ()
    quiet = check_note_question(session, REF, "Offered a break; she said no.")
    assert (quiet.questions, quiet.hints) == ((), ())


def test_the_survivors_words_so_far_license_a_presupposition(session: Session) -> None:
    note = "Q: Tell me about the messages."
    assert rules(check_note_question(session, REF, note)) == ["presupposition"]
    save_section(session, REF, "account", "He sent me messages every night.", 0)
    assert check_note_question(session, REF, note).hints == ()


def test_the_words_come_from_every_section_of_the_current_statement(session: Session) -> None:
    note = "Q: What happened at Hafod Farm?"
    assert rules(check_note_question(session, REF, note)) == ["new_detail"]
    sections = [s.id for s in session.engine.sections(REF)]
    save_section(session, REF, sections[-1], "We stayed at Hafod Farm that summer.", 0)
    assert check_note_question(session, REF, note).hints == ()
    # The interviewer's own notes are not the survivor's words.
    add_note(session, REF, "Ask about Hafod Farm later.")
    session.engine.save_section(REF, sections[-1], "")
    assert rules(check_note_question(session, REF, note)) == ["new_detail"]


def test_each_question_is_checked_on_its_own(session: Session) -> None:
    """Two "Q:" lines are two questions asked one after the other, not "multiple"."""
    check = check_note_question(
        session, REF, "Q: Did he hurt you?\nShe paused.\nQ: Why did you go back?"
    )
    assert [(h.question, h.rule) for h in check.hints] == [
        ("Did he hurt you?", "yes_no"),
        ("Why did you go back?", "why_blame"),
    ]
    both = check_note_question(session, REF, "Q: What happened next? Where did you go?")
    assert rules(both) == ["multiple"]


def test_explanations_come_in_the_interface_language(session: Session) -> None:
    check = check_note_question(session, REF, "Q: Did he hurt you?", "cy")
    assert check.checked_in == "en"  # the statement is in English: every rule applies
    assert [h.explanation for h in check.hints] == [RULES["yes_no"].cy]
    # An unknown interface language falls back to English rather than failing.
    assert check_note_question(session, REF, "Q: Did he hurt you?", "fr").hints[0].explanation == (
        RULES["yes_no"].en
    )


def test_a_welsh_statement_is_checked_by_the_welsh_rules_only(session: Session) -> None:
    set_statement_language(session, REF, "cy")
    assert rules_checked_in("cy") == ("multiple", "new_detail", "why_blame")
    welsh = check_note_question(session, REF, "C: Pam aethoch chi yno?", "cy")
    assert (welsh.checked_in, welsh.rules_checked) == ("cy", rules_checked_in("cy"))
    assert rules(welsh) == ["why_blame"]
    assert welsh.hints[0].explanation == RULES["why_blame"].cy
    # An English yes/no question in a Welsh interview: not a rule checked in Welsh.
    assert check_note_question(session, REF, "Q: Did he hurt you?", "en").hints == ()
    # In the English interface the Welsh finding is explained in English.
    english = check_note_question(session, REF, "C: Pam aethoch chi yno?", "en")
    assert english.hints[0].explanation == RULES["why_blame"].en


def test_checking_stores_and_logs_nothing(session: Session) -> None:
    save_section(session, REF, "account", "It was dark.", 0)
    before = (session.engine.audit_head(REF), session.engine.hint_dismissals(REF))
    check_note_question(session, REF, "Q: Did he hurt you?\nQ: Tell me about the messages.")
    assert (session.engine.audit_head(REF), session.engine.hint_dismissals(REF)) == before


def test_a_hint_found_can_be_dismissed_by_its_rule(session: Session) -> None:
    hint = check_note_question(session, REF, "Q: He hit you, didn't he?").hints[0]
    assert hint.rule == "tag"
    dismiss_hint(session, REF, hint.rule, "Checking a word they used before the break")
    assert [(d["rule"], d["reason"]) for d in session.engine.hint_dismissals(REF)] == [
        ("tag", "Checking a word they used before the break")
    ]


def test_an_unknown_case_is_the_engines_refusal(session: Session) -> None:
    with pytest.raises(UsageError):
        check_note_question(session, "NO-SUCH", "Q: Did he hurt you?")
