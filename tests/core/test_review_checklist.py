"""The review checklist (app/review/checklist.py): the items from the guides, the answers
file read strictly (one UsageError with its own code for each kind of problem), and the
completeness approval needs."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import UsageError
from app.guides import CATEGORIES, ChecklistItem, guide_for_category
from app.review.checklist import (
    MAX_ANSWERS_BYTES,
    MAX_COMMENT_CHARS,
    Answers,
    ItemAnswer,
    check_complete,
    checklist_for,
    parse_answers,
)

COMMENT_CANARY = "CANARY-COMMENT-3e1f"


@pytest.fixture(scope="module")
def items() -> tuple[ChecklistItem, ...]:
    return checklist_for("csa")


def encode(data: Any) -> bytes:
    return json.dumps(data).encode("utf-8")


def complete(items: tuple[ChecklistItem, ...]) -> dict[str, Any]:
    answers: dict[str, Any] = {item.id: {"answer": "met", "comment": ""} for item in items}
    answers[items[1].id] = {"answer": "not_met", "comment": "The warning was not given.\n"}
    answers[items[2].id] = {"answer": "na", "comment": "\tNo questions were needed."}
    return {"items": answers}


# --- the items ---------------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_has_a_checklist(category: str) -> None:
    items = checklist_for(category)
    assert items, category
    assert items == guide_for_category(category).checklist
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    assert all(isinstance(item, ChecklistItem) and item.text.strip() for item in items)


@pytest.mark.parametrize("category", CATEGORIES)
def test_welsh_falls_back_to_the_english_items(category: str) -> None:
    assert checklist_for(category, "cy") == checklist_for(category, "en")


def test_an_unknown_category_is_refused() -> None:
    with pytest.raises(UsageError) as caught:
        checklist_for("burglary")
    assert caught.value.code == "guide.unknown_category"


# --- a good file -------------------------------------------------------------------------


def test_a_complete_file_passes(items: tuple[ChecklistItem, ...]) -> None:
    answers = parse_answers(encode(complete(items)), items)
    check_complete(answers, items)
    assert [a.id for a in answers.items] == [item.id for item in items]
    assert answers.get(items[1].id) == ItemAnswer(
        items[1].id, "not_met", "The warning was not given.\n"
    )
    assert answers.get("nothing") is None


def test_answers_come_back_in_the_guides_order(items: tuple[ChecklistItem, ...]) -> None:
    given = complete(items)["items"]
    reversed_file = {"items": dict(reversed(list(given.items())))}
    answers = parse_answers(encode(reversed_file), items)
    assert list(answers.to_json()["items"]) == [item.id for item in items]


def test_to_json_round_trips(items: tuple[ChecklistItem, ...]) -> None:
    data = complete(items)
    answers = parse_answers(encode(data), items)
    assert answers.to_json() == data
    assert parse_answers(encode(answers.to_json()), items) == answers
    assert parse_answers(answers.to_bytes(), items) == answers
    assert json.loads(answers.to_bytes()) == data


def test_a_missing_comment_is_an_empty_one(items: tuple[ChecklistItem, ...]) -> None:
    answers = parse_answers(encode({"items": {items[0].id: {"answer": "met"}}}), items)
    assert answers.items == (ItemAnswer(items[0].id, "met", ""),)
    assert answers.to_json() == {"items": {items[0].id: {"answer": "met", "comment": ""}}}


def test_partial_answers_parse_but_are_not_complete(items: tuple[ChecklistItem, ...]) -> None:
    partial = {"items": {items[0].id: {"answer": "met", "comment": ""}}}
    answers = parse_answers(encode(partial), items)
    assert len(answers.items) == 1
    with pytest.raises(UsageError) as caught:
        check_complete(answers, items)
    assert caught.value.code == "review.checklist_incomplete"
    assert items[1].id in str(caught.value)  # the first unanswered item
    assert f"{len(items) - 1} of {len(items)}" in str(caught.value)


def test_an_empty_answers_file_is_valid_but_incomplete(items: tuple[ChecklistItem, ...]) -> None:
    answers = parse_answers(b'{"items": {}}', items)
    assert answers == Answers()
    with pytest.raises(UsageError) as caught:
        check_complete(answers, items)
    assert caught.value.code == "review.checklist_incomplete"
    assert items[0].id in str(caught.value)


def test_a_byte_order_mark_is_accepted(items: tuple[ChecklistItem, ...]) -> None:
    data = b"\xef\xbb\xbf" + encode(complete(items))
    assert parse_answers(data, items) == parse_answers(encode(complete(items)), items)


@pytest.mark.parametrize("comment", ["", "   ", "\n\t"])
def test_not_met_needs_a_comment(items: tuple[ChecklistItem, ...], comment: str) -> None:
    data = complete(items)
    data["items"][items[3].id] = {"answer": "not_met", "comment": comment}
    answers = parse_answers(encode(data), items)  # a return needs no comment per item
    with pytest.raises(UsageError) as caught:
        check_complete(answers, items)
    assert caught.value.code == "review.not_met_needs_comment"
    assert items[3].id in str(caught.value) and "item 4" in str(caught.value)


def test_check_complete_refuses_answers_for_another_checklist(
    items: tuple[ChecklistItem, ...],
) -> None:
    answers = Answers(
        (*parse_answers(encode(complete(items)), items).items, ItemAnswer("x", "met"))
    )
    with pytest.raises(UsageError) as caught:
        check_complete(answers, items)
    assert caught.value.code == "review.unknown_item"


def test_an_empty_checklist_needs_no_answers() -> None:
    check_complete(Answers(), ())


# --- refusals ----------------------------------------------------------------------------


def item_file(items: tuple[ChecklistItem, ...], value: Any) -> bytes:
    return encode({"items": {items[0].id: {"answer": "met"}, items[2].id: value}})


def raw(template: str, items: tuple[ChecklistItem, ...]) -> bytes:
    """A file written by hand (JSON that json.dumps would never write), for the first item."""
    return template.replace("ITEM", items[0].id).encode("utf-8")


REFUSALS: list[tuple[str, Any, str]] = [
    # (what, how to build the file from the items, expected code)
    ("not UTF-8", lambda items: b'{"items": {"\xff": 1}}', "review.answers_not_utf8"),
    ("not JSON", lambda items: b'{"items": ', "review.answers_not_json"),
    ("empty", lambda items: b"", "review.answers_not_json"),
    ("NaN", lambda items: b'{"items": {}, "x": NaN}', "review.answers_not_json"),
    ("nested deep", lambda items: b"[" * 100_000 + b"]" * 100_000, "review.answers_not_json"),
    ("too large", lambda items: b" " * (MAX_ANSWERS_BYTES + 1), "review.answers_too_large"),
    ("a list", lambda items: b"[]", "review.answers_bad_shape"),
    ("no items", lambda items: b"{}", "review.answers_bad_shape"),
    ("items a list", lambda items: b'{"items": []}', "review.answers_bad_shape"),
    (
        "another key",
        lambda items: b'{"items": {}, "decision": "approve"}',
        "review.answers_unknown_key",
    ),
    (
        "duplicate top key",
        lambda items: b'{"items": {}, "items": {}}',
        "review.answers_duplicate_key",
    ),
    (
        "duplicate item",
        lambda items: raw(
            '{"items": {"ITEM": {"answer": "met"}, "ITEM": {"answer": "na"}}}', items
        ),
        "review.answers_duplicate_key",
    ),
    (
        "duplicate key in an item",
        lambda items: raw('{"items": {"ITEM": {"answer": "met", "answer": "na"}}}', items),
        "review.answers_duplicate_key",
    ),
    (
        "unknown item",
        lambda items: encode({"items": {"made_up": {"answer": "met"}}}),
        "review.unknown_item",
    ),
    ("item not an object", lambda items: item_file(items, "met"), "review.item_not_object"),
    (
        "unknown key in an item",
        lambda items: item_file(items, {"answer": "met", "score": 3}),
        "review.unknown_item_key",
    ),
    ("no answer", lambda items: item_file(items, {"comment": "x"}), "review.bad_answer"),
    ("answer yes", lambda items: item_file(items, {"answer": "yes"}), "review.bad_answer"),
    ("answer Met", lambda items: item_file(items, {"answer": "Met"}), "review.bad_answer"),
    ("answer true", lambda items: item_file(items, {"answer": True}), "review.bad_answer"),
    ("answer a list", lambda items: item_file(items, {"answer": ["met"]}), "review.bad_answer"),
    (
        "comment a number",
        lambda items: item_file(items, {"answer": "met", "comment": 3}),
        "review.comment_not_text",
    ),
    (
        "comment null",
        lambda items: item_file(items, {"answer": "met", "comment": None}),
        "review.comment_not_text",
    ),
    (
        "comment too long",
        lambda items: item_file(items, {"answer": "met", "comment": "x" * (MAX_COMMENT_CHARS + 1)}),
        "review.comment_too_long",
    ),
    (
        "comment with a bell",
        lambda items: item_file(items, {"answer": "met", "comment": "ok\x07"}),
        "review.comment_bad_character",
    ),
    (
        "comment with an escape",
        lambda items: item_file(items, {"answer": "met", "comment": "\x1b[2J"}),
        "review.comment_bad_character",
    ),
    (
        "comment with a carriage return",
        lambda items: item_file(items, {"answer": "met", "comment": "a\r\nb"}),
        "review.comment_bad_character",
    ),
    (
        "comment with a C1 control",
        lambda items: item_file(items, {"answer": "met", "comment": "a\x85b"}),
        "review.comment_bad_character",
    ),
    (
        "comment with half a surrogate pair",
        lambda items: raw('{"items": {"ITEM": {"answer": "met", "comment": "a\\ud800"}}}', items),
        "review.comment_bad_character",
    ),
]


@pytest.mark.parametrize(
    ("make", "code"), [(make, code) for _, make, code in REFUSALS], ids=[w for w, _, _ in REFUSALS]
)
def test_each_problem_is_one_usage_error_with_its_code(
    items: tuple[ChecklistItem, ...], make: Any, code: str
) -> None:
    with pytest.raises(UsageError) as caught:
        parse_answers(make(items), items)
    assert caught.value.code == code
    message = str(caught.value)
    assert message and "\n" not in message
    assert not re.search(r"\{[a-z_]+\}", message)  # every placeholder filled in
    assert COMMENT_CANARY not in message


@pytest.mark.parametrize(
    "code",
    [
        "review.item_not_object",
        "review.unknown_item_key",
        "review.bad_answer",
        "review.comment_not_text",
        "review.comment_too_long",
        "review.comment_bad_character",
    ],
)
def test_an_item_problem_names_the_item(items: tuple[ChecklistItem, ...], code: str) -> None:
    (make,) = [make for _, make, c in REFUSALS if c == code][:1]
    with pytest.raises(UsageError) as caught:
        parse_answers(make(items), items)
    assert items[2].id in str(caught.value) and "item 3" in str(caught.value)


def test_the_unknown_item_is_named(items: tuple[ChecklistItem, ...]) -> None:
    with pytest.raises(UsageError, match="made_up"):
        parse_answers(encode({"items": {"made_up": {"answer": "met"}}}), items)


def test_a_comment_is_never_echoed(items: tuple[ChecklistItem, ...]) -> None:
    for comment in (COMMENT_CANARY + "\x07", COMMENT_CANARY * 200):
        with pytest.raises(UsageError) as caught:
            parse_answers(item_file(items, {"answer": "met", "comment": comment}), items)
        assert COMMENT_CANARY not in str(caught.value)


def test_the_limits_themselves_are_allowed(items: tuple[ChecklistItem, ...]) -> None:
    comment = "é" * MAX_COMMENT_CHARS  # characters, not bytes
    answers = parse_answers(item_file(items, {"answer": "met", "comment": comment}), items)
    assert answers.items[1].comment == comment
    padded = encode(complete(items))
    padded += b" " * (MAX_ANSWERS_BYTES - len(padded))
    assert len(padded) == MAX_ANSWERS_BYTES
    check_complete(parse_answers(padded, items), items)


# --- fuzz --------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


def answer_files(items: tuple[ChecklistItem, ...]) -> st.SearchStrategy[bytes]:
    ids = st.sampled_from([item.id for item in items]) | st.text(max_size=8)
    item = st.dictionaries(
        st.sampled_from(["answer", "comment", "other"]),
        st.sampled_from(["met", "not_met", "na", "", "x"]) | st.text() | JSON_VALUES,
    )
    shaped = st.fixed_dictionaries({"items": st.dictionaries(ids, item | JSON_VALUES)})
    documents = shaped | JSON_VALUES | st.dictionaries(st.text(max_size=6), JSON_VALUES)
    return documents.map(encode) | st.binary(max_size=200)


@pytest.mark.slow  # a long sweep: make test runs it, make check leaves it out
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_only_usage_errors(data: st.DataObject) -> None:
    items = checklist_for("csa")
    raw = data.draw(answer_files(items))
    try:
        answers = parse_answers(raw, items)
    except UsageError as exc:
        assert exc.code.startswith("review.")
        return
    # Anything accepted writes back as the same answers, and can be judged for approval.
    assert parse_answers(answers.to_bytes(), items) == answers
    try:
        check_complete(answers, items)
    except UsageError as exc:
        assert exc.code in {"review.checklist_incomplete", "review.not_met_needs_comment"}
