"""The new-case wizard and the focus: a hidden wizard never takes it (#18 item 3)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from tests.ui.conftest import FakeNavigator
from ui.backend import Backend
from ui.screens.new_case import NewCaseScreen


def test_clearing_the_hidden_wizard_takes_no_focus(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    """A lock clears every screen; the wizard, hidden, must not take the focus on the way
    (a screen reader would announce its first radio button)."""
    window = QWidget()
    qtbot.addWidget(window)
    other = QLineEdit(window)
    screen = NewCaseScreen(backend, nav, window)
    window.show()
    screen.hide()
    window.activateWindow()
    qtbot.waitActive(window)
    other.setFocus()
    screen.clear_content()
    assert window.focusWidget() is other
