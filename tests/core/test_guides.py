"""Interview guides: the shipped guides load and are worded openly; the Guide API and
finding guides by category. Broken guides are test_guide_errors.py's."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app.errors import QuietroomError, UsageError
from app.guides import (
    CATEGORIES,
    GuideError,
    guide_for_category,
    guides_dir,
)
from app.guides.question_rules import check_question
from tests.core.guide_files import (
    PHASE_LIST,
    ROOT,
    SHIPPED,
    assert_one_line,
    shipped,
)

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
    "csa": "introduction background account periods_places disclosure police_contact impact other",
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


def test_csa_fields_record_periods_places_age_and_police_contact() -> None:
    fields = {field.id: field for field in shipped("csa").fields}
    assert list(fields) == [
        "periods",
        "places",
        "age_at_time",
        "police_contacts",
        "police_people",
        "police_after",
    ]
    assert fields["age_at_time"].kind == "text"  # free text: "about 12", "in year 7"
    for field_id in ("periods", "places", "police_contacts", "police_people", "police_after"):
        assert fields[field_id].kind == "longtext" and fields[field_id].choices == ()
    assert all(field.label and field.help for field in fields.values())
    assert shipped("general").fields == ()


# APSP was 40 until version 3: the review found no reason for it, and the trauma is
# comparable to CSA's, so it is 30 like CSA.
@pytest.mark.parametrize(("category", "break_every"), [("csa", 30), ("apsp", 30), ("general", 45)])
def test_pacing_defaults(category: str, break_every: int) -> None:
    pacing = shipped(category).pacing
    assert pacing.break_every_minutes == break_every
    assert pacing.long_sitting_minutes == 120
    assert pacing.checkin_on_phase_change is (category != "general")


# --- wording: open, non-leading, ground rules, closure ---------------------------------


def test_every_say_line_passes_the_question_rules() -> None:
    """No line to say in a shipped English guide breaks a question rule
    (app/guides/question_rules.py): no yes/no, tag or forced-choice question in any
    sentence (a consent check such as "Is it all right with you if we begin now?" is not
    one), one question at a time, no presupposition, loaded word or new detail, no "why" or
    blame, no statement asked as a question, no pressure to guess. A line said only if the
    survivor has said something may take exactly that as given: its `only_if` counts as
    the survivor's words (but "has not talked about…" gives nothing)."""

    def given(only_if: str | None) -> str:
        return "" if not only_if or re.search(r"\bnot\b|n't\b", only_if) else only_if

    offenders = [
        f"{category}/{phase.id}/{index} {finding.rule} ({finding.words!r}): {prompt.text}"
        for category in CATEGORIES
        for phase in shipped(category).phases
        for index, prompt in enumerate(phase.prompts)
        if prompt.kind == "say"
        for finding in check_question(prompt.text, survivor_words=given(prompt.only_if))
    ]
    assert offenders == [], "\n".join(offenders)


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
