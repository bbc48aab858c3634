"""The guide panel shows words to say and things to do differently, and a condition on
the line above the prompt it governs, as plain text only."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtGui import QTextCursor

from app.desktop.types import Guide
from app.guides import guide_for_category
from app.guides.model import Prompt
from ui.widgets.guide_panel import GuidePanel


def guide_with(prompts: tuple[Prompt, ...]) -> Guide:
    guide = guide_for_category("csa")
    phases = list(guide.phases)
    phases[3] = dataclasses.replace(phases[3], prompts=prompts)
    return dataclasses.replace(guide, phases=tuple(phases))


def format_at(panel: GuidePanel, text: str) -> Any:
    """The character format in the middle of the first occurrence of `text`."""
    document = panel.prompts.document()
    found = document.find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(document)
    cursor.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    return cursor.charFormat()


def test_say_do_and_conditions_look_different(qtbot: Any) -> None:
    panel = GuidePanel()
    qtbot.addWidget(panel)
    panel.show_guide(
        guide_with(
            (
                Prompt("Ask one question at a time.", kind="do"),
                Prompt(
                    "Tell me about the last time you remember.",
                    kind="say",
                    only_if="the survivor has said it happened more than once",
                ),
                Prompt("<b>Tell me</b> more.", kind="say"),
            )
        ),
        "questioning",
    )
    text = panel.prompts.toPlainText()
    assert "Do: Ask one question at a time." in text
    assert (
        "Only if: the survivor has said it happened more than once\n"
        "Say: Tell me about the last time you remember." in text
    )
    assert "Say: <b>Tell me</b> more." in text  # plain text: nothing is markup
    assert format_at(panel, "Ask one question").fontItalic()
    assert format_at(panel, "Only if").fontItalic()
    assert format_at(panel, "Say:").fontWeight() > format_at(panel, "the last time").fontWeight()
    assert not format_at(panel, "the last time").fontItalic()


def test_the_shipped_guide_shows_both_kinds(qtbot: Any) -> None:
    panel = GuidePanel()
    qtbot.addWidget(panel)
    panel.show_guide(guide_for_category("csa"), "questioning")
    text = panel.prompts.toPlainText()
    assert "Say: " in text and "Do: " in text and "Only if: " in text
