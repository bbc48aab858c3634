"""The supervisor's review checklist and the answers file.

This module owns which checklist a statement is reviewed against (the ``[[checklist]]``
of the case category's guide; a Welsh guide without one shows the English items, see
docs/guides.md) and the answers file, whose format is fixed::

    {"items": {"ITEM_ID": {"answer": "met" | "not_met" | "na", "comment": "…"}}}

``parse_answers`` reads a file strictly: anything it does not expect is refused with one
``UsageError`` naming the problem and the item, never guessed at, because the answers
become part of a signed decision. Answers may be partial (a statement returned to the
interviewer needs only the decision's comments); ``check_complete`` is the stricter test
approval needs: every item answered, and a comment on every item not met.

Messages name item ids and positions but never echo a comment: comments are case
content, and error messages must not carry it.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from app.errors import UsageError
from app.guides import ChecklistItem, guide_for_category
from app.guides.checker import show

ANSWERS = ("met", "not_met", "na")
ANSWER_LABELS = {"met": "met", "not_met": "not met", "na": "not applicable"}
ITEM_KEYS = ("answer", "comment")
MAX_COMMENT_CHARS = 2000
# An answers file is a few kilobytes; the cap stops a wrong file being read whole.
MAX_ANSWERS_BYTES = 1024 * 1024
# Line breaks and tabs are how people write comments; every other control character
# could hide text or move a terminal's cursor when the decision is shown.
ALLOWED_CONTROLS = frozenset("\n\t")


@dataclass(frozen=True, slots=True)
class ItemAnswer:
    """The supervisor's answer to one checklist item."""

    id: str
    answer: str  # one of ANSWERS
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Answers:
    """The answers given, in the guide's checklist order (perhaps not every item)."""

    items: tuple[ItemAnswer, ...] = ()

    def get(self, item_id: str) -> ItemAnswer | None:
        return next((item for item in self.items if item.id == item_id), None)

    def to_json(self) -> dict[str, Any]:
        """Exactly the answers file format."""
        return {
            "items": {
                item.id: {"answer": item.answer, "comment": item.comment} for item in self.items
            }
        }

    def to_bytes(self) -> bytes:
        """The answers file as written: UTF-8 JSON, items in the guide's order."""
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=2)
        return (text + "\n").encode("utf-8")


def checklist_for(category: str, language: str = "en") -> tuple[ChecklistItem, ...]:
    """The checklist of the guide for ``category``; in Welsh, the Welsh wording once it
    has been reviewed, else the English items (the guides fall back themselves)."""
    return guide_for_category(category, language).checklist


# --- reading the answers file ----------------------------------------------------------


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys; a file that says two things about
    # one item is refused instead.
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(name)  # NaN and Infinity are not JSON


def _load(data: bytes) -> Any:
    if len(data) > MAX_ANSWERS_BYTES:
        raise UsageError(
            "review.answers_too_large",
            "the checklist answers file is larger than {limit} KiB, too large to be one",
            limit=MAX_ANSWERS_BYTES // 1024,
        )
    try:
        # utf-8-sig: an editor on Windows may save a byte-order mark; it is harmless.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            "review.answers_not_utf8",
            "the checklist answers file is not valid UTF-8 (byte {byte})",
            byte=exc.start,
        ) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except _DuplicateKey as exc:
        raise UsageError(
            "review.answers_duplicate_key",
            "the checklist answers file gives {key} more than once",
            key=show(exc.key),
        ) from None
    except (ValueError, RecursionError):
        # ValueError covers JSONDecodeError and integers too long to convert.
        raise UsageError(
            "review.answers_not_json", "the checklist answers file is not valid JSON"
        ) from None


def parse_answers(data: bytes, items: Sequence[ChecklistItem]) -> Answers:
    """The answers in ``data`` (an answers file) for the checklist ``items``, checked
    strictly; answers may be partial. Every problem is one ``UsageError``."""
    document = _load(data)
    if not isinstance(document, dict) or "items" not in document:
        raise _bad_shape()
    for key in document:
        if key != "items":
            raise UsageError(
                "review.answers_unknown_key",
                'the checklist answers file has an unknown key {key}; it has only "items"',
                key=show(key),
            )
    given = document["items"]
    if not isinstance(given, dict):
        raise _bad_shape()
    known = {item.id for item in items}
    for item_id in given:
        if item_id not in known:
            raise _unknown_item(item_id)
    answers = [
        _item_answer(position, item.id, given[item.id])
        for position, item in enumerate(items, start=1)
        if item.id in given
    ]
    return Answers(tuple(answers))


def _bad_shape() -> UsageError:
    return UsageError(
        "review.answers_bad_shape",
        'the checklist answers file must be a JSON object with one key, "items"',
    )


def _unknown_item(item_id: str) -> UsageError:
    return UsageError(
        "review.unknown_item",
        "the checklist answers give an item {item} that this checklist does not have",
        item=show(item_id),
    )


def _item_answer(position: int, item_id: str, value: object) -> ItemAnswer:
    if not isinstance(value, dict):
        raise UsageError(
            "review.item_not_object",
            'checklist item {position} ({item}) must be an object such as {{"answer": "met"}}',
            position=position,
            item=item_id,
        )
    for key in value:
        if key not in ITEM_KEYS:
            raise UsageError(
                "review.unknown_item_key",
                "checklist item {position} ({item}) has an unknown key {key};"
                " an item has only answer and comment",
                key=show(key),
                position=position,
                item=item_id,
            )
    answer = value.get("answer")
    if answer not in ANSWERS:
        raise UsageError(
            "review.bad_answer",
            "the answer to checklist item {position} ({item}) must be met, not_met or na",
            position=position,
            item=item_id,
        )
    comment = value.get("comment", "")
    check_comment(comment, position, item_id)
    return ItemAnswer(id=item_id, answer=str(answer), comment=comment)


def check_comment(comment: object, position: int, item_id: str) -> None:
    """Refuse a comment that is not text, too long, or holds a control character other
    than a line break or a tab (also used by interfaces that take comments typed in)."""
    if not isinstance(comment, str):
        raise UsageError(
            "review.comment_not_text",
            "the comment on checklist item {position} ({item}) must be text",
            position=position,
            item=item_id,
        )
    if len(comment) > MAX_COMMENT_CHARS:
        raise UsageError(
            "review.comment_too_long",
            "the comment on checklist item {position} ({item}) is longer than {limit} characters",
            limit=MAX_COMMENT_CHARS,
            position=position,
            item=item_id,
        )
    for char in comment:
        # Cs: half a surrogate pair (possible through a JSON \\u escape) is not text and
        # could not be written back as UTF-8.
        category = unicodedata.category(char)
        if (category == "Cc" and char not in ALLOWED_CONTROLS) or category == "Cs":
            raise UsageError(
                "review.comment_bad_character",
                "the comment on checklist item {position} ({item}) holds a character that"
                " is not allowed ({code}); comments may have line breaks and tabs but no"
                " other control characters",
                code=f"U+{ord(char):04X}",
                position=position,
                item=item_id,
            )


# --- approval --------------------------------------------------------------------------


def check_complete(answers: Answers, items: Sequence[ChecklistItem]) -> None:
    """Refuse unless every item is answered and every item not met has a comment: what
    approving a statement needs."""
    known = {item.id for item in items}
    for answer in answers.items:
        if answer.id not in known:
            raise _unknown_item(answer.id)
    missing = [
        (position, item.id)
        for position, item in enumerate(items, start=1)
        if answers.get(item.id) is None
    ]
    if missing:
        position, item_id = missing[0]
        raise UsageError(
            "review.checklist_incomplete",
            "checklist item {position} ({item}) is not answered yet ({count} of {total}"
            " items are unanswered); approval needs every item answered",
            position=position,
            item=item_id,
            count=len(missing),
            total=len(items),
        )
    for position, item in enumerate(items, start=1):
        given = answers.get(item.id)
        if given is not None and given.answer == "not_met" and not given.comment.strip():
            raise UsageError(
                "review.not_met_needs_comment",
                "checklist item {position} ({item}) is marked not met; say why in its comment",
                position=position,
                item=item.id,
            )
