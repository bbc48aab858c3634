"""Questions the interviewer writes into a note, checked against the question rules
(issue #21 §7): the desktop's side of the quiet leading-question hint.

A note may hold the question that was just asked: a line that starts "Q:" (also "Q.",
"Q)", "Question:", and in Welsh "C:" or "Cwestiwn:"), or a question in quotation marks
that ends in "?" anywhere else in the note. `check_note_question` finds those questions
and checks each one on its own with the guides' question rules
(app/guides/question_rules.py), compared with the survivor's words so far: the text of
the current statement's sections. A finding is a hint for the interviewer, never a block;
dismissing it (with a reason, for the supervisor) is `app.desktop.cases.dismiss_hint`.

Languages. The questions are checked in the statement's language (the interview's: the
survivor's words are in it), so in a Welsh statement only the rules written for Welsh
apply (`rules_checked_in`); the explanations come in the interface language.

Nothing is stored or logged here: the statement is read as the workspace's own reads are
(no audited view; opening the case was the view), and the note is the engine's already.
The task takes the Session first (ui/backend.py's `Backend.run` calls it on the worker
thread, after the note's own save) and returns plain data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.desktop.session import Session
from app.engine.hints import MAX_HINT_REASON
from app.guides.question_rules import LANGUAGES, RULES, check_question

__all__ = [
    "MAX_QUESTIONS",
    "MAX_REASON",
    "RULE_ORDER",
    "NoteCheck",
    "QuestionHint",
    "check_note_question",
    "note_questions",
    "rules_checked_in",
]

MAX_REASON = MAX_HINT_REASON  # a dismissal's reason: one line of at most this many characters
MAX_QUESTIONS = 12  # questions checked in one note; a longer list is a transcript, not a note
RULE_ORDER: tuple[str, ...] = tuple(RULES)  # every rule id, in the order hints are given

# "Q: …", "Q. …", "Q) …", "Question: …"; in Welsh "C: …" or "Cwestiwn: …" (colon only).
_QUESTION_LINE = re.compile(r"^\s*(?:(?:q|question)\s*[:.)]|(?:c|cwestiwn)\s*:)\s*(\S.*)$", re.I)
# A question in quotation marks ending in "?": "…?", “…?”, '…?' and ‘…?’ (an apostrophe
# inside a word, "didn't", does not end a single-quoted question).
_QUOTED_QUESTION = re.compile(
    r"\"([^\"\n]*?\?)\s*\""
    r"|\u201c([^\u201d\n]*?\?)\s*\u201d"
    r"|(?<!\w)'((?:[^'\n]|(?<=\w)'(?=\w))*?\?)\s*'(?!\w)"
    r"|\u2018((?:[^\u2019\n]|(?<=\w)\u2019(?=\w))*?\?)\s*\u2019"
)


@dataclass(frozen=True)
class QuestionHint:
    """One rule one question breaks."""

    rule: str  # the rule's id (app/guides/question_rules.py RULES), what a dismissal records
    question: str  # the question as written in the note, without its "Q:"
    words: str  # the words of the question that broke the rule
    explanation: str  # the rule's explanation, in the interface language


@dataclass(frozen=True)
class NoteCheck:
    """What the questions in one note break."""

    questions: tuple[str, ...]  # the questions found in the note, in its order
    hints: tuple[QuestionHint, ...]  # question by question, in the rules' order within one
    checked_in: str  # the language the questions were checked in: the statement's
    rules_checked: tuple[str, ...]  # the ids of the rules that apply in that language


def rules_checked_in(language: str) -> tuple[str, ...]:
    """The ids of the rules checked in `language`, in RULE_ORDER (Welsh: three of ten)."""
    return tuple(rule.id for rule in RULES.values() if language in rule.languages)


def note_questions(note_text: str) -> list[str]:
    """The questions in a note, in its order: every "Q:" line (the rest of the line, all of
    it) and every quoted question ending in "?" on the other lines; each once, at most
    MAX_QUESTIONS."""
    found: list[str] = []
    for line in note_text.splitlines():
        prefixed = _QUESTION_LINE.match(line)
        if prefixed:
            candidates = [prefixed.group(1)]
        else:
            candidates = [
                next(group for group in match.groups() if group is not None)
                for match in _QUOTED_QUESTION.finditer(line)
            ]
        for candidate in candidates:
            question = " ".join(candidate.split())
            if any(c.isalpha() for c in question) and question not in found:
                found.append(question)
    return found[:MAX_QUESTIONS]


def check_note_question(
    session: Session, ref: str, note_text: str, language: str = "en"
) -> NoteCheck:
    """The question rules the questions in `note_text` break, each question checked on its
    own in the statement's language against the survivor's words so far (the current
    statement's sections); explanations in the interface `language`."""
    engine = session.engine
    checked_in = engine.case(ref).statement_language
    checked_in = checked_in if checked_in in LANGUAGES else "en"
    shown_in = language if language in LANGUAGES else "en"
    questions = tuple(note_questions(note_text))
    hints: list[QuestionHint] = []
    if questions:
        said = "\n\n".join(section.text for section in engine.sections(ref))
        for question in questions:
            for finding in check_question(question, survivor_words=said, language=checked_in):
                explanation = getattr(RULES[finding.rule], shown_in)
                hints.append(QuestionHint(finding.rule, question, finding.words, explanation))
    return NoteCheck(questions, tuple(hints), checked_in, rules_checked_in(checked_in))
