"""Information, success and a problem look different (#15, the look): each kind has its
own edge colour and icon in every theme, a problem is never red, and the kind is said to
screen readers."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from tests.ui.test_theme_rendering import themed  # noqa: F401 (fixture)
from ui import theme
from ui.screens.base import plain_label
from ui.widgets.notice import ERROR, INFO, SUCCESS, say


def edge_colour(label: QLabel) -> QColor:
    """The colour of the label's left edge as drawn."""
    image = label.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_the_three_kinds_are_drawn_apart(
    qtbot: Any,
    themed: Callable[[str, int], None],  # noqa: F811
    name: str,
) -> None:
    themed(name, 100)
    edges = {}
    for kind in (INFO, SUCCESS, ERROR):
        label = plain_label("", None, name="message")
        qtbot.addWidget(label)
        say(label, "Something to say", kind)
        label.resize(300, 60)
        edges[kind] = edge_colour(label).name()
        assert label.isVisibleTo(label) or not label.isHidden()
        assert label.accessibleDescription()  # the kind, for a screen reader
    assert len(set(edges.values())) == 3, edges
    red = QColor(edges[ERROR])
    assert not (red.red() > 180 and red.green() < 100 and red.blue() < 100)  # never red


def test_an_empty_message_hides_and_says_nothing(qtbot: Any) -> None:
    label = plain_label("", None, name="message")
    qtbot.addWidget(label)
    label.show()
    say(label, "Saved.", SUCCESS)
    assert label.isVisible() and label.accessibleDescription() == "Done"
    say(label, "", SUCCESS)
    assert label.isHidden() and label.accessibleDescription() == ""


def test_every_kind_has_its_icon_in_every_theme() -> None:
    for name in ("light", "dark", "high_contrast"):
        sheet = theme.style_sheet(name, 100)
        for kind in ("info", "success", "error"):
            match = re.search(rf'url\("([^"]*notice-{kind}-{name}\.svg)"\)', sheet)
            assert match, (name, kind)
            assert theme.styles_dir().joinpath(f"notice-{kind}-{name}.svg").is_file()
