"""The labels the core puts into its messages ("{what} is too long" with "the note") come
out in the interface language with the message, so a message is whole Welsh or whole
English, never half (ui/core_message_labels.py).

- Every label the core passes where the app runs is in the table: each literal found in
  app/'s source (tests/ui/core_message_labels_scan.py), each built from a witness or
  restricted detail's key (the real key lists, run through the real checks), each guide
  field's label and id (through the guides' Welsh), each sitting state.
- Every parameter of every message the app translates is either a label parameter or
  named below with why it is not one.
- With Welsh installed, every label reads in Welsh and fits any sentence: it begins with
  its article (or a vowel), and every Welsh template that takes one puts it after a word
  ending in a consonant; real errors from real core calls read wholly Welsh; a label the
  table does not know, or one not yet translated, leaves the whole sentence in English.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from app.desktop.session import Session
from app.desktop.workspace import field_labels
from app.engine.case_details import CaseDetails, restricted_value, witness_value
from app.engine.models import RESTRICTED_FIELDS, WITNESS_FIELDS, Participant
from app.errors import Phrase, QuietroomError
from app.vault.backup import write_backup
from tests.ui.core_message_labels_scan import Passed, Scan, scan
from tests.ui.core_messages_helpers import refusal
from tests.ui.test_core_messages_real_errors import SIGNATURE
from ui import core_message_labels, i18n
from ui.core_message_labels import LABEL_PARAMETERS, LABELS, STATES, guide_field, is_label
from ui.core_messages import CORE_MESSAGES, translate
from ui.core_messages_desktop import DESKTOP_MESSAGES

ON_SCREEN = {**CORE_MESSAGES, **DESKTOP_MESSAGES}

# The values the scan cannot read as a literal, each with the test here that covers it.
ACCOUNTED_FOR = {
    ("app/engine/case_details.py", "LABELS.get(key, f\"the {key.replace('_', ' ')}\")"): "keys",
    ("app/engine/case_details.py", "f'the {key}'"): "keys",
    ("app/engine/case_details.py", "f\"the {key.replace('_', ' ')}\""): "keys",
    ("app/engine/cases.py", "spec.label"): "guide fields",
    ("app/engine/statements.py", "running[2]"): "sitting states",
    # statement.unprintable re-raises pdf.missing_glyphs with its {what}: the same labels
    ("app/engine/statements.py", "exc.params['what']"): "pdf.missing_glyphs",
    # a staged file's {what} is the one its stage_output_file call passed (checked there)
    ("app/fsutil.py", "self.what"): "stage_output_file",
}


def _each(names: str, why: str) -> dict[str, str]:
    return dict.fromkeys(names.split(), why)


# Parameters of the app's messages that are no label, by name, and why.
NOT_LABELS = {
    **_each(
        "path blocker url zone reference signer takers serial",
        "a path, address, reference or person's name, shown as it is",
    ),
    **_each(
        "age count day days year limit number page pages position total confirmed seconds "
        "side version revision date issued start end current shown code",
        "a number, a date or a character's code point",
    ),
    **_each(
        "text event first second value language category status role phase section name "
        "item month placeholder",
        "what was typed, echoed back so it can be seen, or an id or a file's name",
    ),
    **_each("statuses roles choices known answers", "the ids that may be typed"),
    "label": "a keyring's product name (Secret Service, KWallet), never translated",
    "hint": "a Phrase, translated by its own code",
    **_each(
        "detail reason problems",
        "a library's, the system's or a check's own detail, not one of the core's labels",
    ),
}


@pytest.fixture(scope="module")
def found() -> Scan:
    return scan(frozenset(LABEL_PARAMETERS - {"field"}))


def shown_by_the_app(passed: Passed, codes: frozenset[str]) -> bool:
    return passed.kind != "phrase" and bool(codes & ON_SCREEN.keys())


# --- every label the core passes is in the table --------------------------------------------


def test_the_scan_finds_the_helpers(found: Scan) -> None:
    assert {
        "short_text",
        "long_text",
        "text_problem",
        "refuse_missing_glyphs",
        "check_output_file",
        "write_output_file",
        "stage_output_file",
    } <= found.helpers.keys()
    assert len([p for p in found.passed if p.kind == "literal"]) > 30


def test_every_literal_label_is_in_the_table(found: Scan) -> None:
    missing = [
        f"{p.where}: {p.literal!r}"
        for p, codes in found.passed.items()
        if p.kind == "literal" and shown_by_the_app(p, codes) and p.literal not in LABELS
    ]
    assert not missing, "add to ui/core_message_labels.py (and Welsh):\n" + "\n".join(missing)


def test_every_label_built_at_run_time_is_accounted_for(found: Scan) -> None:
    built = {
        (p.where.rsplit(":", 1)[0], p.written): p.where
        for p, codes in found.passed.items()
        if p.kind == "expression" and shown_by_the_app(p, codes)
    }
    assert sorted(built.keys() - ACCOUNTED_FOR.keys()) == [], "a label this test cannot read"
    assert sorted(ACCOUNTED_FOR.keys() - built.keys()) == [], "stale: the core no longer does"


def detail_labels() -> set[str]:
    """Every label a witness or restricted detail's key gives, from the real checks: each
    key's value refused for a control character names the detail as the core does."""
    checks = [(key, witness_value) for key in WITNESS_FIELDS] + [
        (key, lambda key, value: restricted_value(key, value, date(2026, 1, 1)))
        for key in RESTRICTED_FIELDS
    ]
    labels = set()
    for key, check in checks:
        try:
            check(key, "a\x07b")
        except QuietroomError as refused:
            if refused.code.startswith("text."):
                labels.add(str(refused.params["what"]))
    return labels


def test_every_label_from_a_detail_key_is_in_the_table() -> None:
    labels = detail_labels()
    assert {"the preferred name", "the safe times", "the list of topics to avoid"} <= labels
    assert sorted(labels - LABELS.keys()) == []


def test_every_parameter_is_a_label_or_says_why_not() -> None:
    unknown = {
        f"{code}: {{{name}}}"
        for code, entry in ON_SCREEN.items()
        for _, name, _, _ in string.Formatter().parse(entry())
        if name and name not in LABEL_PARAMETERS and name not in NOT_LABELS
    }
    assert sorted(unknown) == [], "a label parameter (ui/core_message_labels.py) or NOT_LABELS"


# --- in Welsh -----------------------------------------------------------------------------


@pytest.fixture
def welsh(qapp: Any) -> Iterator[None]:
    assert i18n.install("cy"), "build the Welsh catalogue first: make translations"
    yield
    i18n.install("en")


VOWELS = "aeiouwyâêîôûŵŷáéíóúàèìòù"


def test_every_label_reads_in_welsh(welsh: None) -> None:
    for english, entry in LABELS.items():
        cymraeg = entry()
        assert cymraeg != english, f"no Welsh for the label {english!r}"
        # The article as it stands before its noun: "y" before a consonant, "yr" before a
        # vowel or h; or no article, and a vowel first, which nothing before it mutates.
        words = cymraeg.split(" ", 1)
        if words[0] == "y":
            assert words[1][0] not in VOWELS + "h", cymraeg
        elif words[0] == "yr":
            assert words[1][0] in VOWELS + "h", cymraeg
        else:
            assert cymraeg[0] in VOWELS, f"{cymraeg!r} must begin with y/yr or a vowel"
    for english, entry in STATES.items():
        assert entry() != english, f"no Welsh for the state {english!r}"
    assert guide_field().startswith("y ") and "{label}" in guide_field()


def welsh_templates_taking_labels(found: Scan) -> dict[str, str]:
    codes = {"field.not_a_number", "field.one_value"}  # {field}: a guide field's id
    for passed, reached in found.passed.items():
        if shown_by_the_app(passed, reached):
            codes |= reached & ON_SCREEN.keys()
    return {code: ON_SCREEN[code]() for code in sorted(codes)}


def test_welsh_templates_put_a_label_after_a_consonant(found: Scan, welsh: None) -> None:
    """After a vowel, "y nodyn" would have to be "'r nodyn"; after a consonant it stays."""
    templates = welsh_templates_taking_labels(found)
    assert {"text.too_long", "file.cannot_write", "pdf.missing_glyphs"} <= templates.keys()
    for code, cymraeg in templates.items():
        for before in re.findall(r"(\S*)\s*\{(?:what|field)\}", cymraeg):
            assert before == "" or before[-1].lower() not in VOWELS + "'", (code, cymraeg)


def assert_wholly_welsh(error: QuietroomError, english: str, cymraeg: str) -> str:
    """The error names `english` (the core's label); in Welsh it says `cymraeg` instead,
    and in English the sentence is the core's own."""
    message = error.phrase
    assert english in str(message)
    i18n.install("en")
    english_shown = translate(message)
    assert english_shown == str(message) or message.code in DESKTOP_MESSAGES
    assert i18n.install("cy")
    shown = translate(message)
    assert shown != english_shown and "{" not in shown
    assert english not in shown and cymraeg in shown, shown
    return shown


def test_real_errors_read_wholly_welsh(session: Session, welsh: None) -> None:
    e = session.engine
    ref = e.create_case("apsp", "APSP-LBL-1").id
    too_long = "x" * 5_000_001
    assert_wholly_welsh(refusal(lambda: e.add_note(ref, too_long)), "the note", "yn y nodyn")
    new_case = CaseDetails("csa", "CSA-LBL-2", witness={"name": "Jo\x07"})
    shown = assert_wholly_welsh(
        refusal(lambda: e.create_case_with_details(new_case)),
        "the name",
        "yn yr enw",
    )
    assert shown == "rhaid i'r testun yn yr enw fod ar un llinell"
    assert_wholly_welsh(
        refusal(lambda: e.set_planned_present(ref, [Participant("supporter", "Sam\nLee")])),
        "the participant's name",
        "enw'r person sy'n bresennol",
    )
    assert_wholly_welsh(
        refusal(lambda: e.add_event(ref, "", "He called.")), "when it happened", "‘Pryd’"
    )
    # A guide field: its label and its id, named by the Welsh guide's label.
    assert_wholly_welsh(
        refusal(lambda: e.set_field(ref, "force", "a\x07b")),
        "Police force or organisation",
        "yn y maes ‘Heddlu neu sefydliad’",
    )
    assert_wholly_welsh(
        refusal(lambda: e.set_field(ref, "role", ["officer", "staff"])), "role", "‘Rôl’"
    )
    assert_wholly_welsh(
        refusal(lambda: e.add_exhibit(ref, "RP/1", "A note in 漢字")),
        "exhibit's description",
        "yn y disgrifiad o'r arddangosyn",
    )
    assert_wholly_welsh(
        refusal(lambda: write_backup(e.vault, e.vault.root / "copy.bak")),
        "backup",
        "cadwch y copi wrth gefn",
    )


def test_a_sitting_still_open_reads_wholly_welsh(session: Session, welsh: None) -> None:
    e = session.engine
    ref = e.create_case("apsp", "APSP-LBL-3").id
    e.set_witness(ref, name="Dana Price", age_status="over_18")
    e.start_sitting(ref)
    e.save_section(ref, "account", "He sent messages late at night.")
    e.confirm_readback(ref)
    running = refusal(lambda: e.sign_statement(ref, SIGNATURE))
    assert running.params["state"] == "running"
    assert_wholly_welsh(running, "still running", "mae sesiwn 1 ar waith o hyd")
    e.pause_sitting(ref, "witness")
    paused = refusal(lambda: e.sign_statement(ref, SIGNATURE))
    assert_wholly_welsh(paused, "still paused", "mae sesiwn 1 ar saib o hyd")


def test_every_guide_field_reads_in_welsh(welsh: None) -> None:
    labels = field_labels("cy")
    assert "Police force or organisation" in labels.by_label and "role" in labels.by_id
    for name, table in (("what", labels.by_label), ("field", labels.by_id)):
        for english, cymraeg in table.items():
            shown = core_message_labels.translated_label(name, english)
            assert shown == f"y maes ‘{cymraeg}’", (name, english)


# --- what cannot be translated stays whole, in English --------------------------------------


def test_an_unknown_label_leaves_the_sentence_english(welsh: None) -> None:
    for message in (
        Phrase(
            "text.too_long",
            "{what} is too long (at most {limit} characters)",
            what="the flux capacitor",
            limit=12,
        ),
        Phrase("field.one_value", "{field} takes exactly one value", field="shoe_size"),
        Phrase(
            "statement.sitting_running",
            "sitting {number} is still {state}: end the sitting first ('sitting end'), or "
            "let signing end it ('statement sign --end-sitting')",
            number=2,
            state="ended",
        ),
    ):
        assert translate(message) == str(message)


def test_a_label_not_yet_translated_leaves_the_sentence_english(
    monkeypatch: pytest.MonkeyPatch, welsh: None
) -> None:
    monkeypatch.setitem(LABELS, "the note", lambda: "the note")  # as with no Welsh entry
    message = Phrase(
        "text.control_characters", "{what} contains control characters", what="the note"
    )
    assert translate(message) == "the note contains control characters"


def test_an_echoed_field_is_shown_as_typed(welsh: None) -> None:
    assert not is_label("field.unknown", "field") and is_label("field.one_value", "field")
    message = Phrase(
        "field.unknown",
        "unknown field '{field}'; this guide has: {known}",
        field="shoe_size",
        known="force, role",
    )
    assert "'shoe_size'" in translate(message) and translate(message) != str(message)


def test_english_is_the_cores_own(session: Session, qapp: Any) -> None:
    i18n.install("en")
    e = session.engine
    ref = e.create_case("csa", "CSA-LBL-4").id
    error = refusal(lambda: e.add_event(ref, "", "He called."))
    assert translate(error.phrase) == str(error) == "when it happened must not be empty"
