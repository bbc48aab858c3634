"""The review summary (app/review/summary.py): what the supervisor reads beside the PDF,
built from a hand-made record.json that validates against record-v1, and never carrying
the statement text or anything restricted."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest

from app.resources import resource_path
from app.review.summary import (
    NO_REASON,
    RecordSummary,
    format_date,
    format_duration,
    format_time,
    summarise,
)
from app.review.summary_text import summary_lines

# Canaries: none of these may ever appear in the summary or its lines.
STATEMENT_CANARY = "CANARY-STATEMENT-TEXT-7f3a"
FIELD_CANARY = "CANARY-FIELD-VALUE-19bd"
SURVIVOR_CANARY = "CANARY-SURVIVOR-NAME-55c1"
SHA = "ab" * 32


def stamp(day: int, hour: int, minute: int, second: int = 0) -> str:
    return f"2026-12-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}.000000Z"


def pause(
    number: int,
    started: str,
    ended: str | None,
    by: str,
    reason: str | None,
    kind: str = "pause",
) -> dict[str, Any]:
    return {
        "number": number,
        "kind": kind,
        "started": started,
        "ended": ended,
        "requested_by": by,
        "reason": reason,
    }


def history(revision: int, kind: str, updated: str) -> dict[str, Any]:
    return {
        "revision": revision,
        "kind": kind,
        "sha256": SHA,
        "length": 120,
        "saves": 3,
        "updated": updated,
    }


def make_record() -> dict[str, Any]:
    place = {"phase": "free_narrative", "section": "account", "position": 0}
    return {
        "$schema": "https://schemas.quietroom.example/record-v1.schema.json",
        "record_version": 1,
        "case": {
            "id": "0123456789abcdef0123456789abcdef",
            "reference": "QR-2026-0042",
            "category": "csa",
            "interviewer": "Sam Okafor",
            "created": stamp(1, 9, 15),
            "guide": {"id": "csa", "version": 2},
        },
        "survivor": {"name": SURVIVOR_CANARY, "pronouns": "she/her", "age_under_18": 16},
        "statement": {
            "number": 1,
            "status": "signed",
            "readback_confirmed": stamp(4, 6, 30),
            "signed": stamp(4, 6, 38, 12),
            "read_to_witness_by": "Sam Okafor",
            "text_sha256": SHA,
            "signature_type": "application/vnd.quietroom.strokes+json",
        },
        "sections": [
            {"id": "about_me", "title": "About me", "text": STATEMENT_CANARY, "revision": 1},
            {
                "id": "account",
                "title": "What happened",
                "text": f"{STATEMENT_CANARY} and more",
                "revision": 3,
            },
        ],
        "fields": {"periods": FIELD_CANARY},
        "sittings": [
            # Out of order on purpose: the summary puts sittings in number order.
            {
                "id": "s2",
                "number": 2,
                "state": "ended",
                "location": "Family suite, Leeds",
                "started": stamp(4, 5, 0),
                "ended": stamp(4, 6, 40),
                "active_seconds": 3900.4,
                "interrupted": 1,
                "place": place,
                "present": [
                    {"role": "interviewer", "name": "Sam Okafor"},
                    {"role": "appropriate_adult", "name": "Lee Park", "language": "en"},
                    {"role": "isva", "name": "Jo Hart", "outside_evidential_chain": True},
                ],
                "pauses": [
                    pause(2, stamp(4, 5, 50), stamp(4, 5, 55), "isva", None),
                    pause(
                        1,
                        stamp(4, 5, 20),
                        stamp(4, 5, 32),
                        "system",
                        "Quietroom stopped unexpectedly",
                        "interruption",
                    ),
                    pause(3, stamp(4, 6, 0), None, "witness", "needed some air"),
                ],
            },
            {
                "id": "s1",
                "number": 1,
                "state": "ended",
                "location": "Interview suite, Leeds",
                "started": stamp(1, 10, 0),
                "ended": stamp(1, 11, 0),
                "active_seconds": 2700,
                "interrupted": 0,
                "place": place,
                "present": [
                    {"role": "interviewer", "name": "Sam Okafor"},
                    {"role": "second_interviewer", "name": "Ana Silva"},
                    # An ISVA as older records have it: not flagged, still outside the chain.
                    {"role": "isva", "name": "Jo Hart"},
                ],
                "pauses": [
                    pause(1, stamp(1, 10, 20), stamp(1, 10, 32), "witness", "needed water"),
                ],
            },
        ],
        "timeline": [
            {
                "id": 1,
                "when": "summer 1987",
                "earliest": "1987-06-01",
                "latest": "1987-08-31",
                "precision": "season",
                "uncertain": True,
                "what": "moved to the new house",
            },
            {
                "id": 2,
                "when": "14/06/1988",
                "earliest": "1988-06-14",
                "latest": "1988-06-14",
                "precision": "day",
                "uncertain": False,
                "what": "first day at the club",
            },
        ],
        "revisions": [
            {
                "section": "about_me",
                "count": 1,
                "head_sha256": SHA,
                "history": [history(1, "edit", stamp(1, 10, 5))],
            },
            {
                "section": "account",
                "count": 3,
                "head_sha256": SHA,
                "history": [
                    history(1, "edit", stamp(1, 10, 50)),
                    history(2, "correction", stamp(4, 6, 20)),
                    history(3, "correction", stamp(4, 6, 25)),
                ],
            },
        ],
        "audit_head": {"seq": 42, "hash": SHA},
    }


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resource_path("schemas", "record-v1.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def record(validator: jsonschema.Draft202012Validator) -> dict[str, Any]:
    data = make_record()
    validator.validate(data)
    return data


def test_the_case_and_the_statement(record: dict[str, Any]) -> None:
    summary = summarise(record)
    assert summary.case.reference == "QR-2026-0042"
    assert (summary.case.category, summary.case.interviewer) == ("csa", "Sam Okafor")
    assert (summary.case.guide_id, summary.case.guide_version) == ("csa", 2)
    assert summary.case.created == stamp(1, 9, 15)
    assert summary.statement.number == 1
    assert summary.statement.readback_confirmed == stamp(4, 6, 30)
    assert summary.statement.signed == stamp(4, 6, 38, 12)
    assert summary.statement.read_to_witness_by == "Sam Okafor"
    lines = summary_lines(summary)
    assert "Signed: 4 Dec 2026, 06:38" in lines
    assert "Read-back confirmed: 4 Dec 2026, 06:30" in lines
    assert "Read to the witness by: Sam Okafor" in lines
    assert "Signature: drawn on screen" in lines
    assert "Category: child sexual abuse (non-recent)" in lines
    assert "Guide: the csa guide, version 2" in lines


def test_sittings_in_order_with_who_was_present(record: dict[str, Any]) -> None:
    first, second = summarise(record).sittings
    assert (first.number, second.number) == (1, 2)
    assert first.location == "Interview suite, Leeds"
    assert (first.active_seconds, first.active_time) == (2700, "45 min")
    assert (second.active_time, second.interruptions) == ("1 h 05 min", 1)
    roles = [(p.role_label, p.outside_evidential_chain) for p in first.present]
    assert roles == [("interviewer", False), ("second interviewer", False), ("ISVA", True)]
    assert [p.outside_evidential_chain for p in second.present] == [False, False, True]
    assert second.present[1].role_label == "appropriate adult"
    lines = summary_lines(summarise(record))
    assert "Sitting 1, at Interview suite, Leeds" in lines
    assert "  Present: Ana Silva, second interviewer" in lines
    assert "  Present: Jo Hart, ISVA, outside the evidential chain" in lines
    assert "  Present: Lee Park, appropriate adult, language en" in lines
    assert "  Active time: 1 h 05 min" in lines
    assert "  Interruptions: 1" in lines
    assert lines.index("Sitting 1, at Interview suite, Leeds") < lines.index(
        "Sitting 2, at Family suite, Leeds"
    )


def test_someone_flagged_outside_the_chain_is_marked(record: dict[str, Any]) -> None:
    record["sittings"][1]["present"].append(
        {"role": "supporter", "name": "Kim Day", "outside_evidential_chain": True}
    )
    person = summarise(record).sittings[0].present[-1]
    assert (person.role_label, person.outside_evidential_chain) == ("supporter", True)


def test_every_pause_with_who_asked_and_why(record: dict[str, Any]) -> None:
    first, second = summarise(record).sittings
    (water,) = first.pauses
    assert (water.requested_by, water.reason, water.duration) == (
        "witness",
        "needed water",
        "12 min",
    )
    assert water.duration_seconds == 720
    interruption, by_isva, running = second.pauses  # in number order
    assert (interruption.number, interruption.kind, interruption.requested_by) == (
        1,
        "interruption",
        "system",
    )
    assert (by_isva.requested_by_label, by_isva.reason) == ("ISVA", NO_REASON)
    assert by_isva.reason == "no reason given"
    assert (running.ended, running.duration_seconds, running.duration) == (None, None, "not ended")
    lines = summary_lines(summarise(record))
    assert (
        "  Pause 1: asked for by the witness, from 1 Dec 2026, 10:20 to 10:32"
        " (12 min); reason: needed water"
    ) in lines
    assert (
        "  Pause 1 (an interruption): recorded by Quietroom itself, from 4 Dec 2026, 05:20 to"
        " 05:32 (12 min); reason: Quietroom stopped unexpectedly"
    ) in lines
    assert (
        "  Pause 2: asked for by the ISVA, from 4 Dec 2026, 05:50 to 05:55"
        " (5 min); reason: no reason given"
    ) in lines
    assert (
        "  Pause 3: asked for by the witness, from 4 Dec 2026, 06:00, not ended;"
        " reason: needed some air"
    ) in lines


def test_totals(record: dict[str, Any]) -> None:
    totals = summarise(record).totals
    assert totals.sittings == 2
    assert totals.active_seconds == pytest.approx(6600.4)
    assert totals.active_time == "1 h 50 min"
    # The interruption is no pause anyone asked for: it is counted apart.
    assert (totals.pauses, totals.pauses_asked_by_witness, totals.interruptions) == (3, 2, 1)
    lines = summary_lines(summarise(record))
    assert "Pauses: 3, of which the witness asked for 2" in lines
    assert "Active time overall: 1 h 50 min" in lines


def test_timeline(record: dict[str, Any]) -> None:
    summer, club = summarise(record).timeline
    assert (summer.when, summer.earliest, summer.latest) == (
        "summer 1987",
        "1987-06-01",
        "1987-08-31",
    )
    assert summer.uncertain and not club.uncertain
    assert summer.what == "moved to the new house"
    lines = summary_lines(summarise(record))
    assert (
        "  summer 1987 (between 1 Jun 1987 and 31 Aug 1987, uncertain): moved to the new house"
    ) in lines
    assert "  14/06/1988 (14 Jun 1988): first day at the club" in lines


def test_an_empty_timeline(record: dict[str, Any], validator: Any) -> None:
    record["timeline"] = []
    validator.validate(record)
    summary = summarise(record)
    assert summary.timeline == ()
    assert "Timeline: no events were recorded." in summary_lines(summary)


def test_revisions_and_read_back_corrections(record: dict[str, Any]) -> None:
    summary = summarise(record)
    about, account = summary.revisions
    assert (about.section, about.title, about.revisions, about.corrections) == (
        "about_me",
        "About me",
        1,
        0,
    )
    assert (account.revisions, account.corrections) == (3, 2)
    assert account.last_updated == stamp(4, 6, 25)
    assert summary.readback_corrections == 2
    lines = summary_lines(summary)
    assert "Read-back corrections: 2" in lines
    assert (
        "  What happened (account): 3 revisions, 2 corrections, last updated 4 Dec 2026, 06:25"
    ) in lines
    assert (
        "  About me (about_me): 1 revision, 0 corrections, last updated 1 Dec 2026, 10:05" in lines
    )


def test_no_statement_text_fields_or_survivor_in_the_summary(record: dict[str, Any]) -> None:
    summary = summarise(record)
    as_json = json.dumps(summary.to_json())
    as_text = "\n".join(summary_lines(summary))
    for canary in (STATEMENT_CANARY, FIELD_CANARY, SURVIVOR_CANARY, "she/her"):
        assert canary not in as_json
        assert canary not in as_text


def test_to_json_is_plain_json(record: dict[str, Any]) -> None:
    data = summarise(record).to_json()
    assert json.loads(json.dumps(data)) == data
    assert isinstance(data["sittings"], list) and isinstance(data["sittings"][0]["pauses"], list)
    assert data["sittings"][1]["pauses"][2]["ended"] is None
    assert data["totals"]["pauses_asked_by_witness"] == 2
    assert set(data) == {
        "case",
        "statement",
        "sittings",
        "totals",
        "timeline",
        "readback_corrections",
        "revisions",
    }


def test_the_witness_reading_it_themselves(record: dict[str, Any], validator: Any) -> None:
    record["statement"]["read_to_witness_by"] = None
    record["statement"]["signature_type"] = "image/png"
    validator.validate(record)
    summary = summarise(record)
    assert summary.statement.read_to_witness_by is None
    lines = summary_lines(summary)
    assert "The witness read the statement themselves." in lines
    assert "Signature: an image (PNG)" in lines


def test_values_cannot_break_the_lines_or_reach_the_terminal(record: dict[str, Any]) -> None:
    record["sittings"][0]["location"] = "Room 4\n\x1b[2JSitting 9"
    record["timeline"][0]["what"] = "line one\nline two\x07"
    lines = summary_lines(summarise(record))
    assert not any(c in line for line in lines for c in "\n\x1b\x07")
    assert "Sitting 2, at Room 4 [2JSitting 9" in lines
    assert any(line.endswith("line one line two") for line in lines)


@pytest.mark.parametrize(
    "path",
    [
        ("case",),
        ("case", "guide"),
        ("case", "created"),
        ("statement",),
        ("statement", "read_to_witness_by"),
        ("statement", "signature_type"),
        ("sittings",),
        ("timeline",),
        ("revisions",),
        ("sections",),
    ],
)
def test_a_missing_key_never_raises(record: dict[str, Any], path: tuple[str, ...]) -> None:
    data = copy.deepcopy(record)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    summary = summarise(data)
    assert isinstance(summary, RecordSummary)
    assert summary_lines(summary)
    json.dumps(summary.to_json())


def test_missing_keys_deep_inside_never_raise(record: dict[str, Any]) -> None:
    for sitting in record["sittings"]:
        for key in ("number", "location", "started", "ended", "active_seconds", "interrupted"):
            sitting.pop(key)
        for person in sitting["present"]:
            person.clear()
        for item in sitting["pauses"]:
            item.clear()
    for entry in record["timeline"]:
        entry.clear()
    for entry in record["revisions"]:
        entry.pop("count")
        for item in entry["history"]:
            item.clear()
    summary = summarise(record)
    assert len(summary.sittings) == 2 and summary.totals.active_seconds == 0
    assert summary.sittings[0].pauses[0].reason == NO_REASON
    assert summary.sittings[0].pauses[0].duration == "not ended"
    assert summary.revisions[1].revisions == 3  # counted from the history
    assert summary_lines(summary)


def test_an_empty_record_gives_a_calm_summary() -> None:
    lines = summary_lines(summarise({}))
    assert "Case reference: not recorded" in lines
    assert "Signed: not recorded" in lines
    assert "Sittings: 0" in lines
    assert "Timeline: no events were recorded." in lines


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 min"),
        (10, "under 1 min"),
        (29.9, "under 1 min"),
        (30, "1 min"),
        (59 * 60 + 29, "59 min"),
        (59 * 60 + 30, "1 h 00 min"),
        (3900, "1 h 05 min"),
        (10 * 3600 + 61, "10 h 01 min"),
        (-5, "0 min"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_format_time_and_date() -> None:
    assert format_time("2026-12-04T06:38:59.999999Z") == "4 Dec 2026, 06:38"
    assert format_time("2026-12-04T07:38:00+01:00") == "4 Dec 2026, 06:38"
    assert format_time(None) == "not recorded"
    assert format_time("yesterday") == "yesterday"
    assert format_date("1987-06-01") == "1 Jun 1987"
    assert format_date("June") == "June"


def test_a_pause_past_midnight_shows_both_dates(record: dict[str, Any], validator: Any) -> None:
    record["sittings"][1]["pauses"] = [pause(1, stamp(1, 23, 50), stamp(2, 0, 5), "witness", "")]
    validator.validate(record)
    (late,) = summarise(record).sittings[0].pauses
    assert (late.duration, late.reason) == ("15 min", NO_REASON)  # a blank reason is none
    assert (
        "  Pause 1: asked for by the witness, from 1 Dec 2026, 23:50 to 2 Dec 2026, 00:05"
        " (15 min); reason: no reason given"
    ) in summary_lines(summarise(record))


def test_a_pause_nobody_said_who_asked_for_says_so(record: dict[str, Any]) -> None:
    """Format 2 records may hold a pause whose requester was never answered (null): the
    summary says who asked was not recorded, never a made-up role."""
    record["sittings"][1]["pauses"] = [pause(1, stamp(4, 5, 50), stamp(4, 5, 55), "", "")]
    record["sittings"][1]["pauses"][0]["requested_by"] = None
    (unanswered,) = summarise(record).sittings[0].pauses
    assert unanswered.requested_by == ""
    assert (
        "  Pause 1: who asked was not recorded, from 4 Dec 2026, 05:50 to 05:55"
        " (5 min); reason: no reason given"
    ) in summary_lines(summarise(record))
