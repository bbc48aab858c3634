"""Nothing jumps and nothing needed hides (#15 item 9): "Saving…" and "Saved" come and go
without moving the statement; the first pause does not push the workspace down; the
Settings buttons stay in sight at 200 % text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractScrollArea

from tests.ui.conftest import FakeNavigator, call
from tests.ui.test_workspace import case_ref, open_workspace  # noqa: F401 (fixture)
from ui.backend import Backend
from ui.screens.settings_screen import SettingsScreen
from ui.theme import BASE_POINT_SIZE


def where(widget: Any) -> tuple[int, int, int, int]:
    top = widget.mapTo(widget.window(), QPoint(0, 0))
    return top.x(), top.y(), widget.width(), widget.height()


def test_saving_and_saved_move_nothing(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    before = where(screen.section), where(screen.editor)
    for text in ("Saving…", "Saved", "Copying is switched off in Settings", ""):
        screen.saved.setText(text)
        qtbot.waitUntil(lambda: (where(screen.section), where(screen.editor)) == before)


def test_the_first_pause_does_not_push_the_statement_down(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    screen = open_workspace(qtbot, backend, nav, case_ref)
    screen.bar.start.click()
    qtbot.waitUntil(lambda: screen.bar.pause.isVisibleTo(screen), timeout=15_000)
    running = where(screen.editor)
    call(
        qtbot,
        backend,
        lambda s: (s.engine.pause_sitting(case_ref, None), s.engine.resume_sitting(case_ref)),
    )
    screen.sitting_changed()
    qtbot.waitUntil(lambda: screen.bar.change_pause.isVisibleTo(screen), timeout=15_000)
    assert where(screen.editor) == running


def test_settings_keep_back_and_save_in_sight_at_200_percent(
    qtbot: Any, backend: Backend, nav: Any
) -> None:
    screen = SettingsScreen(backend, nav)
    qtbot.addWidget(screen)
    big = screen.font()
    big.setPointSizeF(BASE_POINT_SIZE * 2)
    screen.setFont(big)
    screen.resize(1366, 600)
    screen.show()
    qtbot.waitExposed(screen)
    for button in (screen.save_button, screen.back_button):
        parent = button.parentWidget()
        while parent is not None:  # never inside the part that scrolls
            assert not isinstance(parent, QAbstractScrollArea)
            parent = parent.parentWidget()
        _x, y, _w, h = where(button)
        assert y >= 0 and y + h <= screen.height()
