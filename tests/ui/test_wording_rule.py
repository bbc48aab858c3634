"""Who reads a screen decides its words (docs/wording.md, #15 item 12).

Every translatable string in each screen's module is read from the source (a string the
interface can show is always passed to tr() or translate()), with its Welsh from the
translation file, and held to the rule for that screen's readers."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO

# The person giving the statement may see these: no word for them at all.
SURVIVOR_MAY_SEE = (
    "ui/screens/pause.py",
    "ui/screens/readback.py",
    "ui/widgets/readback_view.py",
    "ui/widgets/readback_displays.py",
    "ui/screens/signature.py",
    "ui/widgets/signed_summary.py",
    "ui/widgets/page_confirm.py",
    "ui/widgets/signature_pad.py",
    "ui/widgets/pdf_pages.py",
)
# The interviewer's own screens: "survivor", never "witness" (but in proper names).
INTERVIEWER = (
    "ui/screens/cases.py",
    "ui/screens/new_case.py",
    "ui/screens/new_case_steps.py",
    "ui/screens/new_case_consents.py",
    "ui/screens/workspace.py",
    "ui/widgets/sitting_bar.py",
    "ui/widgets/side_panel.py",
    "ui/widgets/guide_panel.py",
    "ui/widgets/exhibits_panel.py",
    "ui/widgets/case_fields.py",
    "ui/widgets/further_row.py",
    "ui/widgets/question_hint.py",
    "ui/screens/settings_screen.py",
    "ui/screens/decisions.py",  # the supervisors' decisions, as the interviewer reads them
)
# The record as a supervisor reads it: "witness", never "survivor".
RECORD = (
    "ui/screens/review_inbox.py",
    "ui/screens/review_reading.py",
    "ui/screens/review_record_rows.py",
    "ui/screens/review_decision.py",
    "ui/screens/bundles.py",
)

ENGLISH = {
    "witness": re.compile(r"\bwitness", re.IGNORECASE),
    "survivor": re.compile(r"\bsurvivor", re.IGNORECASE),
    "victim": re.compile(r"\bvictim", re.IGNORECASE),
}
WELSH = {
    "witness": re.compile(r"\btyst", re.IGNORECASE),
    "survivor": re.compile(r"\bgoroes", re.IGNORECASE),
    "victim": re.compile(r"\bdioddefwr|\bdioddefwyr", re.IGNORECASE),
}
# Proper names that contain the word: the Witness Service, a leaflet's title (quoted).
PROPER = re.compile(r"Witness Service|Gwasanaeth Tystion|“[^”]*”")
# "Victim" names schemes and services (the Victim Personal Statement, agencies that
# support victims): allowed where staff read, never where the survivor may look.


def translatable(module: str) -> list[str]:
    """Every string literal passed to tr() or translate() in `module`."""
    found = []
    for node in ast.walk(ast.parse((REPO / module).read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", None))
        if name not in ("tr", "translate"):
            continue
        found += [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
    return found


def welsh() -> dict[str, list[str]]:
    """Source string -> its Welsh translations (every context)."""
    root = ET.parse(REPO / "app/resources/i18n/quietroom_cy.ts").getroot()
    out: dict[str, list[str]] = {}
    for message in root.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is not None and translation is not None and translation.text:
            out.setdefault(source.text or "", []).append(translation.text)
    return out


def words_in(text: str, words: dict[str, re.Pattern[str]]) -> set[str]:
    text = PROPER.sub("", text)
    return {word for word, pattern in words.items() if pattern.search(text)}


CASES = [
    *((m, {"witness", "survivor", "victim"}) for m in SURVIVOR_MAY_SEE),
    *((m, {"witness"}) for m in INTERVIEWER),
    *((m, {"survivor"}) for m in RECORD),
]


@pytest.mark.parametrize(("module", "forbidden"), CASES, ids=[c[0] for c in CASES])
def test_each_screen_uses_its_readers_words(module: str, forbidden: set[str]) -> None:
    assert (REPO / module).exists(), module
    cy = welsh()
    wrong = []
    for text in translatable(module):
        if found := words_in(text, ENGLISH) & forbidden:
            wrong.append(f"{text!r}: {sorted(found)}")
        for translation in cy.get(text, []):
            if found := words_in(translation, WELSH) & forbidden:
                wrong.append(f"{text!r} in Welsh {translation!r}: {sorted(found)}")
    assert not wrong, "\n".join(wrong)


def test_every_screen_module_has_a_row() -> None:
    """A new screen chooses its readers: every module under ui/screens and every widget
    that shows words is in one of the three lists, or named here as holding none."""
    neither = {
        # Before any case is open, or the member's own keys: nobody else's words.
        "ui/screens/setup.py",
        "ui/screens/unlock.py",
        "ui/screens/identity.py",
        "ui/screens/passphrase.py",
        "ui/screens/outbox.py",
        "ui/screens/base.py",
        "ui/screens/workspace_sitting.py",
        "ui/screens/workspace_layout.py",
    }
    listed = set(SURVIVOR_MAY_SEE) | set(INTERVIEWER) | set(RECORD) | neither
    modules = {
        str(p.relative_to(REPO))
        for p in (REPO / "ui/screens").glob("*.py")
        if p.name != "__init__.py"
    }
    assert modules <= listed, sorted(modules - listed)
    for module in neither:
        texts = [t for t in translatable(module) if words_in(t, ENGLISH)]
        assert not texts, (module, texts)


def test_the_rule_is_written_down() -> None:
    doc = (REPO / "docs/wording.md").read_text(encoding="utf-8")
    for module in ("pause screen", "read-back", "new-case wizard", "supervisor's screens"):
        assert module in doc
    assert Path(REPO / "tests/ui/test_wording_rule.py").name in doc
