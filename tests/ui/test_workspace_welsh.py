"""The workspace in Welsh: the interview guide (phases, prompts, section titles and hints)
is shown in the interface language; the statement and everything stored stay as they are."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.engine.models import Participant
from app.guides import guide_for_category
from app.settings import Settings
from tests.ui.conftest import FakeNavigator, call
from tests.ui.test_workspace import open_workspace
from ui import i18n
from ui.backend import Backend
from ui.screens.workspace import WorkspaceScreen

GUIDES = Path(__file__).resolve().parents[2] / "app" / "resources" / "guides"
WORDS = "Roedden ni'n byw mewn tŷ ger yr afon."


@pytest.fixture
def welsh(nav: FakeNavigator, qapp: Any) -> Iterator[FakeNavigator]:
    """Welsh chosen in Settings, and the Welsh interface installed as the app does."""
    nav.settings = Settings(language="cy")
    assert i18n.install("cy"), "build the Welsh catalogue first: make translations"
    yield nav
    i18n.install("en")


@pytest.fixture
def case_ref(qtbot: Any, backend: Backend) -> str:
    def prepare(s: Any) -> str:
        case = s.engine.create_case("csa", "CSA-CY-UI-1")
        s.engine.set_witness(case.id, name="Carys Morgan")
        s.engine.set_planned_present(case.id, [Participant("interviewer", "Jo Evans")])
        return case.id

    return call(qtbot, backend, prepare)


def phase_titles(screen: WorkspaceScreen) -> list[str]:
    return [screen.guide.phases.item(i).text() for i in range(screen.guide.phases.count())]


def section_items(screen: WorkspaceScreen) -> list[tuple[str, str]]:
    return [
        (screen.section.itemText(i), screen.section.itemData(i))
        for i in range(screen.section.count())
    ]


def test_welsh_guide_in_the_workspace(
    qtbot: Any, backend: Backend, welsh: FakeNavigator, case_ref: str
) -> None:
    cy, en = guide_for_category("csa", "cy"), guide_for_category("csa")
    screen = open_workspace(qtbot, backend, welsh, case_ref)
    assert screen.guide.heading.text() == "Canllaw cyfweld (i chi yn unig)"
    assert phase_titles(screen) == [p.title for p in cy.phases]
    assert phase_titles(screen)[:3] == [
        "Cynllunio a pharatoi",
        "Ymgysylltu ac egluro",
        "Adroddiad rhydd",
    ]
    prompts = screen.guide.prompts.toPlainText()
    assert prompts.startswith(cy.phases[0].purpose)
    assert f"Gwnewch: {cy.phases[0].prompts[0].text}" in prompts  # planning: things to do
    assert en.phases[0].prompts[0].text not in prompts
    # Section titles by id: Welsh text, the same ids, the statement's order.
    assert section_items(screen) == [(s.title, s.id) for s in cy.sections]
    assert screen.section.currentData() == "account"
    assert screen.section.currentText() == "Beth ddigwyddodd"
    assert screen.section_hint.text() == cy.section("account").description
    screen.section.setCurrentIndex(screen.section.findData("periods_places"))
    assert screen.section_hint.text() == cy.section("periods_places").description
    assert "tŷ" in screen.section_hint.text()
    # Choosing a phase shows its Welsh prompts.
    screen.guide.phases.setCurrentRow(3)
    assert screen.guide.prompts.toPlainText().startswith(cy.phases[3].purpose)


def test_the_statement_is_never_translated(
    qtbot: Any, backend: Backend, welsh: FakeNavigator, case_ref: str
) -> None:
    screen = open_workspace(qtbot, backend, welsh, case_ref)
    screen.editor.insertPlainText(WORDS)  # QTest can only type ASCII keys
    screen.flush()
    qtbot.waitUntil(
        lambda: (
            {s.id: s.text for s in call(qtbot, backend, lambda s: s.engine.sections(case_ref))}[
                "account"
            ]
            == WORDS
        ),
        timeout=15_000,
    )
    sections = call(qtbot, backend, lambda s: s.engine.sections(case_ref))
    # What is stored and exported keeps the English guide's titles.
    assert [s.title for s in sections] == [s.title for s in guide_for_category("csa").sections]


def test_phase_change_banner_names_the_welsh_phase(
    qtbot: Any, backend: Backend, welsh: FakeNavigator, case_ref: str
) -> None:
    screen = open_workspace(qtbot, backend, welsh, case_ref)
    screen.bar.start.click()
    qtbot.waitUntil(lambda: screen.bar.pause.isVisibleTo(screen), timeout=15_000)
    screen.guide.phases.setCurrentRow(1)  # engage_explain: a check-in is suggested
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=15_000)
    assert "Ymgysylltu ac egluro" in screen.banner_text.text()
    assert "Engage and explain" not in screen.banner_text.text()


def test_english_stays_english(
    qtbot: Any, backend: Backend, nav: FakeNavigator, case_ref: str
) -> None:
    en = guide_for_category("csa")
    screen = open_workspace(qtbot, backend, nav, case_ref)
    assert phase_titles(screen) == [p.title for p in en.phases]
    assert section_items(screen) == [(s.title, s.id) for s in en.sections]


def test_a_broken_translation_shows_the_english_guide(
    qtbot: Any,
    backend: Backend,
    welsh: FakeNavigator,
    case_ref: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An interview must never be stopped by a translation: English is shown instead, and
    the problem is logged without any case content."""
    shutil.copytree(GUIDES, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "cy" / "csa.toml"
    path.write_text(
        path.read_text("utf-8").replace("break_every_minutes = 30", "break_every_minutes = 20"),
        "utf-8",
    )
    monkeypatch.setenv("QUIETROOM_GUIDES_DIR", str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="quietroom.ui"):
        screen = open_workspace(qtbot, backend, welsh, case_ref)
    en = guide_for_category("csa")
    assert phase_titles(screen) == [p.title for p in en.phases]
    assert section_items(screen) == [(s.title, s.id) for s in en.sections]
    assert not screen.message.isVisible()
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "cy/csa.toml: pacing.break_every_minutes is 20" in logged
    assert "Carys" not in logged and "CSA-CY-UI-1" not in logged
