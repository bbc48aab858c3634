"""The read-back correction editor (the room, §4): it opens on the section being read
(never an empty one), the whole panel is scrolled into sight, and after a correction is
saved the focus stays in the editor, so Enter never leaves read-back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt

from app.desktop.session import Session
from tests.ui.conftest import call
from tests.ui.test_readback import REF, SECOND, screen  # noqa: F401  (a fixture)
from ui.screens.readback import ReadBackScreen
from ui.widgets.readback_view import composed, section_at

LONG = " ".join(f"Line {n} of what happened, in the witness's own words." for n in range(400))


def only_the_account(session: Session) -> None:
    """The general guide starts with "About me" (introduction), left empty here."""
    engine = session.engine
    engine.create_case("general", REF, "Interviewer One")
    engine.set_witness(REF, name="Sam Witness")
    engine.save_section(REF, "account", SECOND)


def wait_entered(qtbot: Any, screen: ReadBackScreen, nav: Any) -> None:  # noqa: F811
    nav.current_case = REF
    screen.entered()
    qtbot.waitUntil(
        lambda: SECOND[:20] in screen.view.toPlainText() and screen.confirm.isEnabled(),
        timeout=20_000,
    )


def test_the_editor_opens_on_a_section_with_words(
    qtbot: Any,
    backend: Any,
    nav: Any,
    screen: ReadBackScreen,  # noqa: F811
) -> None:
    call(qtbot, backend, only_the_account)
    wait_entered(qtbot, screen, nav)
    qtbot.mouseClick(screen.correct, Qt.MouseButton.LeftButton)
    assert screen.panel.section_choice.currentData() == "account"
    assert screen.panel.editor.toPlainText() == SECOND


def test_the_editor_opens_on_the_section_being_read(
    qtbot: Any,
    backend: Any,
    nav: Any,
    screen: ReadBackScreen,  # noqa: F811
) -> None:
    def a_short_and_a_long_section(session: Session) -> None:
        engine = session.engine
        engine.create_case("general", REF, "Interviewer One")
        engine.set_witness(REF, name="Sam Witness")
        engine.save_section(REF, "introduction", "My name is Sam.")
        engine.save_section(REF, "account", SECOND + " " + LONG)

    call(qtbot, backend, a_short_and_a_long_section)
    wait_entered(qtbot, screen, nav)
    # Reading from the top: "About me" is the section on screen.
    screen.view.verticalScrollBar().setValue(0)
    qtbot.mouseClick(screen.correct, Qt.MouseButton.LeftButton)
    assert screen.panel.section_choice.currentData() == "introduction"
    qtbot.mouseClick(screen.correct, Qt.MouseButton.LeftButton)  # closed again
    # Scrolled down into the account, as the interviewer reading it aloud would be.
    bar = screen.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert screen.view.cursorForPosition(QPoint(0, 0)).position() > len("My name is Sam.")
    qtbot.mouseClick(screen.correct, Qt.MouseButton.LeftButton)
    assert screen.panel.section_choice.currentData() == "account"


def test_where_each_section_starts() -> None:
    from app.engine.models import SectionText

    sections = [
        SectionText("a", "A", "one", 0),
        SectionText("b", "B", "  ", 0),
        SectionText("c", "C", "three", 0),
    ]
    text, starts = composed(sections, {"c"}, "(corrected)")
    assert text == "one\n\n(corrected)\nthree"
    assert starts == [(0, "a"), (5, "c")]
    assert [section_at(starts, p) for p in (0, 4, 5, len(text))] == ["a", "a", "c", "c"]
    assert section_at([], 3) is None


def test_after_saving_the_focus_stays_in_the_editor(
    qtbot: Any,
    backend: Any,
    nav: Any,
    screen: ReadBackScreen,  # noqa: F811
) -> None:
    call(qtbot, backend, only_the_account)
    wait_entered(qtbot, screen, nav)
    qtbot.mouseClick(screen.correct, Qt.MouseButton.LeftButton)
    panel = screen.panel
    panel.editor.setPlainText(SECOND + " It was a Tuesday.")
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "correction is saved" in screen.message.text(), timeout=20_000)
    assert screen.focusWidget() is panel.editor
    assert not screen.back.autoDefault() and not screen.confirm.autoDefault()
    nav.calls.clear()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
    assert ("go", "workspace") not in nav.calls


def test_the_whole_panel_is_scrolled_into_sight_at_200_percent(
    qtbot: Any,
    backend: Any,
    nav: Any,
    screen: ReadBackScreen,  # noqa: F811
) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from ui import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet = QFont(app.font()), app.styleSheet()
    theme.apply(app, "light", 200)
    try:
        call(qtbot, backend, only_the_account)
        wait_entered(qtbot, screen, nav)
        qtbot.mouseClick(screen.correct, Qt.MouseButton.LeftButton)
        viewport = screen.scroll_area.viewport()

        def in_sight(widget: Any) -> bool:
            corner = widget.mapTo(viewport, QPoint(widget.width() - 1, widget.height() - 1))
            return viewport.rect().contains(corner)

        qtbot.waitUntil(lambda: in_sight(screen.panel.undo), timeout=5_000)
        assert in_sight(screen.panel.save)
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)
