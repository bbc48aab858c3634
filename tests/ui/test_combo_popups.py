"""Drop-down lists show every item whole (#15 item 9): with the style sheets, Qt made
each popup a few pixels short, so the last item ("Appropriate adult") was cut off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QVBoxLayout, QWidget

from tests.ui.test_theme_rendering import themed  # noqa: F401 (fixture)
from ui.widgets import combo_popups

ROLES = [
    "Not recorded", "Survivor", "Interviewer", "Registered Intermediary", "Supporter",
    "Second interviewer", "ISVA", "Interpreter", "Appropriate adult",
]  # fmt: skip


@pytest.fixture
def fitter(qapp: QApplication) -> Iterator[None]:
    installed = combo_popups.install(qapp)
    yield
    qapp.removeEventFilter(installed)


def last_row_shows(combo: QComboBox) -> bool:
    view = combo.view()
    last = view.visualRect(view.model().index(combo.count() - 1, 0))
    return view.verticalScrollBar().maximum() == 0 and last.bottom() < view.viewport().height()


@pytest.mark.parametrize("scale", [100, 200])
def test_the_last_item_shows_whole(
    qtbot: Any,
    themed: Callable[[str, int], None],  # noqa: F811
    fitter: None,
    scale: int,
) -> None:
    themed("light", scale)
    root = QWidget()
    qtbot.addWidget(root)
    combo = QComboBox(root)
    QVBoxLayout(root).addWidget(combo)
    combo.addItems(ROLES)
    root.resize(400, 300)
    root.show()
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible())
    qtbot.waitUntil(lambda: last_row_shows(combo))
    combo.hidePopup()
