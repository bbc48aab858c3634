"""Read-back: the survivor's words only, text size, corrections, the second screen, confirm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.desktop.session import Session
from app.engine.models import SectionText
from tests.ui.conftest import call, visible_texts
from ui.screens.readback import ReadBackScreen
from ui.widgets import readback_displays
from ui.widgets.readback_view import (
    MAX_POINT_SIZE,
    MIN_POINT_SIZE,
    compose_statement,
    second_screen,
    witness_display,
)

REF = "QR-READ-1"
FIRST = "My name is Sam and I am forty-one now."
SECOND = "It started when I was twelve, at the youth club on Mill Lane."
NOTE_CANARY = "NOTECANARY-3d91"
RESTRICTED_CANARY = "RESTRICTEDCANARY-8a27"


def prepare(session: Session, ref: str = REF) -> dict[str, Any]:
    """A case with words in two sections, a note and restricted details (both canaries)."""
    engine = session.engine
    engine.create_case("general", ref, "Interviewer One")
    engine.set_witness(ref, name="Sam Witness")
    engine.save_section(ref, "introduction", FIRST)
    engine.save_section(ref, "account", SECOND)
    engine.add_note(ref, f"Interviewer note {NOTE_CANARY}: check the club's records")
    engine.set_restricted(ref, address=f"1 {RESTRICTED_CANARY} Street", phone="07700 900123")
    guide = engine.guide(engine.case(ref))
    return {
        "prompts": [p.text for phase in guide.phases for p in phase.prompts],
        "purposes": [phase.purpose for phase in guide.phases],
        "descriptions": [s.description for s in guide.sections],
    }


@pytest.fixture
def screen(qtbot: Any, backend: Any, nav: Any) -> ReadBackScreen:
    widget = ReadBackScreen(backend, nav)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    return widget


def pretend_a_second_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Offscreen Qt has one screen, so the one there is stands in for the witness's: what
    the read-back does with a second window (mirroring, closing, handing it on) is the
    same wherever the window is. Where it goes with two real screens is checked in a
    process that has two (test_two_screens_the_statement_goes_full_screen_on_the_other)."""
    monkeypatch.setattr(readback_displays, "witness_display", lambda anchor: anchor.screen())


def enter(qtbot: Any, screen: ReadBackScreen, nav: Any, ref: str = REF) -> None:
    nav.current_case = ref
    screen.entered()
    qtbot.waitUntil(
        lambda: FIRST in screen.view.toPlainText() and screen.confirm.isEnabled(), timeout=20_000
    )


def joined(widget: QWidget) -> str:
    return "\n".join(visible_texts(widget))


def test_shows_the_statement_words_only(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    guide = call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    assert screen.view.toPlainText() == f"{FIRST}\n\n{SECOND}"
    assert screen.view.isReadOnly()
    screen.correct.setChecked(True)  # the correction editor shows the same words only
    texts = joined(screen)
    assert FIRST in texts and SECOND in texts
    assert NOTE_CANARY not in texts
    assert RESTRICTED_CANARY not in texts and "07700" not in texts
    for text in guide["prompts"] + guide["purposes"] + guide["descriptions"]:
        assert text not in texts


def test_entering_starts_read_back(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "read_back"
    enter(qtbot, screen, nav)  # idempotent: entering again changes nothing
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "read_back"


def test_text_size_buttons_and_keys(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    start = screen.view.font().pointSize()
    qtbot.mouseClick(screen.larger, Qt.MouseButton.LeftButton)
    assert screen.view.font().pointSize() == start + 2
    qtbot.mouseClick(screen.smaller, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.smaller, Qt.MouseButton.LeftButton)
    assert screen.view.font().pointSize() == start - 2
    screen.activateWindow()
    screen.view.setFocus()
    qtbot.waitUntil(screen.view.hasFocus)
    qtbot.keyClick(screen.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert screen.view.font().pointSize() == start
    qtbot.keyClick(screen.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert screen.view.font().pointSize() == start - 2
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(screen.view.mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(screen.view.viewport(), wheel)
    assert screen.view.font().pointSize() == start  # Ctrl+wheel: the same steps, same limits
    for _ in range(30):
        screen.larger.click()
    assert screen.view.font().pointSize() == MAX_POINT_SIZE
    assert not screen.larger.isEnabled()
    for _ in range(30):
        screen.smaller.click()
    assert screen.view.font().pointSize() == MIN_POINT_SIZE
    assert not screen.smaller.isEnabled()


def test_text_size_is_independent_of_the_app_setting(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    start = screen.point_size()
    assert start >= 20  # large print, whatever the interface text size
    screen.larger.click()
    assert screen.view.font().pointSize() == start + 2
    assert screen.size_label.text() == f"Text size: {start + 2} pt"
    assert nav.calls == []  # nothing was saved to the settings
    assert nav.settings.text_scale == 100


def correct(qtbot: Any, screen: ReadBackScreen, section: str, text: str) -> None:
    qtbot.mouseClick(screen.correct, Qt.MouseButton.LeftButton)
    assert screen.panel.isVisible()
    panel = screen.panel
    panel.section_choice.setCurrentIndex(panel.section_choice.findData(section))
    panel.editor.setPlainText(text)
    assert panel.save.isEnabled()
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: screen.corrections.count() > 0 and screen.confirm.isEnabled(), timeout=20_000
    )


def test_a_correction_is_recorded_and_shown(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    assert screen.no_corrections.isVisible()
    corrected = SECOND.replace("twelve", "eleven")
    correct(qtbot, screen, "account", corrected)
    history = call(qtbot, backend, lambda s: s.engine.section_history(REF, "account"))
    assert [h["kind"] for h in history][-1] == "correction"
    assert call(qtbot, backend, lambda s: s.engine.sections(REF)[1].text) == corrected
    assert screen.corrections.count() == 1
    assert screen.corrections.item(0).text().startswith("What happened, corrected at ")
    assert not screen.no_corrections.isVisible()
    text = screen.view.toPlainText()
    assert text == f"{FIRST}\n\n(Corrected during read-back)\n{corrected}"
    assert "twelve" not in text
    assert "What happened (corrected)" in [
        screen.panel.section_choice.itemText(i) for i in range(screen.panel.section_choice.count())
    ]
    assert "saved" in screen.message.text()
    # The introduction was not corrected: it has no correction revision.
    intro = call(qtbot, backend, lambda s: s.engine.section_history(REF, "introduction"))
    assert all(h["kind"] == "edit" for h in intro)


def test_unsaved_words_survive_switching_sections_and_block_confirm(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    screen.correct.setChecked(True)
    panel = screen.panel
    panel.section_choice.setCurrentIndex(panel.section_choice.findData("introduction"))
    panel.editor.setPlainText("My name is Sam.")
    panel.section_choice.setCurrentIndex(panel.section_choice.findData("account"))
    assert panel.editor.toPlainText() == SECOND
    panel.section_choice.setCurrentIndex(panel.section_choice.findData("introduction"))
    assert panel.editor.toPlainText() == "My name is Sam."
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
    assert "not been saved" in screen.message.text()
    assert ("go", "signature") not in nav.calls
    qtbot.mouseClick(panel.undo, Qt.MouseButton.LeftButton)
    assert panel.editor.toPlainText() == FIRST
    assert not screen.has_unsaved_correction()


def test_confirm_goes_to_the_signature(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ("go", "signature") in nav.calls, timeout=20_000)
    statement = call(qtbot, backend, lambda s: s.engine.statement(REF))
    assert statement.readback_confirmed


def test_back_to_the_interview(qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen) -> None:
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    qtbot.mouseClick(screen.back, Qt.MouseButton.LeftButton)
    assert nav.calls == [("go", "workspace")]


def test_a_statement_with_no_words_shows_the_core_message(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, lambda s: s.engine.create_case("general", "QR-EMPTY"))
    nav.current_case = "QR-EMPTY"
    screen.entered()
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
    assert "nothing to read back" in screen.message.text()
    assert not screen.confirm.isEnabled()
    assert screen.view.toPlainText() == ""


def test_one_screen_says_so_and_offers_the_read_back_full_screen(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    assert witness_display(screen) is None  # offscreen has one screen
    assert screen.no_second.isVisible()
    assert screen.no_second.text() == "No second screen is connected."
    assert screen.second_button.text().replace("&", "") == "Read back full screen on this screen"
    assert screen.second_button.accessibleName() == "Read back full screen on this screen"
    qtbot.mouseClick(screen.second_button, Qt.MouseButton.LeftButton)
    # No window over the interviewer's controls other than the full-screen read-back.
    assert screen.second_window() is None
    window = screen.full_screen_window()
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    assert window.isFullScreen() and window.windowTitle() == "Quietroom"
    assert window.screen() == screen.screen()
    assert window.view.toPlainText() == screen.view.toPlainText()
    assert window.view.font().pointSize() == screen.view.font().pointSize()
    screen.larger.click()  # its size follows the screen's
    assert window.view.font().pointSize() == screen.view.font().pointSize()
    texts = joined(window)
    assert NOTE_CANARY not in texts and RESTRICTED_CANARY not in texts
    assert window.close_button.isVisible() and window.close_button.accessibleName()
    # Esc returns, and the window keeps no text.
    window.activateWindow()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.view.toPlainText() == ""
    # So does its Close button.
    screen.second_button.click()
    qtbot.waitUntil(window.isVisible)
    assert window.view.toPlainText() == screen.view.toPlainText()
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible() and window.view.toPlainText() == ""
    # The button still offers it; leaving (a pause) or locking while it is open closes it.
    assert screen.second_button.text().replace("&", "") == "Read back full screen on this screen"
    screen.second_button.click()
    qtbot.waitUntil(window.isVisible)
    screen.hide()  # what the main window's stack does when it shows another screen
    assert not window.isVisible() and window.view.toPlainText() == ""
    screen.show()
    screen.second_button.click()
    qtbot.waitUntil(window.isVisible)
    screen.clear_content()
    assert not window.isVisible() and window.view.toPlainText() == ""


def test_second_screen_decision() -> None:
    """Which screen faces the witness, decided on its own: offscreen Qt gives this
    process one screen, so the choice among several is checked with stand-ins."""
    here, other, third = object(), object(), object()
    assert second_screen([], None) is None
    assert second_screen([here], here) is None  # one screen: never a window over this one
    assert second_screen([here, other], here) is other
    assert second_screen([other, here], here) is other
    assert second_screen([here, other, third], here) is other


def test_second_screen_mirrors_and_clear_content_closes_it(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_a_second_screen(monkeypatch)
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    screen.displays.update()  # as a screen being plugged in does
    assert not screen.no_second.isVisible()
    assert screen.second_button.text().replace("&", "") == "Show on second screen"
    qtbot.mouseClick(screen.second_button, Qt.MouseButton.LeftButton)
    window = screen.second_window()
    assert window is not None and screen.full_screen_window() is None
    qtbot.waitUntil(window.isVisible)
    assert window.isWindow() and window.windowTitle() == "Quietroom"
    assert window.isFullScreen()
    assert window.view.toPlainText() == screen.view.toPlainText()
    assert window.view.font().pointSize() == screen.view.font().pointSize()
    screen.larger.click()
    assert window.view.font().pointSize() == screen.view.font().pointSize()
    assert screen.second_button.text().replace("&", "") == "Close the second screen"
    texts = joined(window)
    assert NOTE_CANARY not in texts and RESTRICTED_CANARY not in texts
    correct(qtbot, screen, "introduction", "My name is Sam.")
    qtbot.waitUntil(lambda: "My name is Sam." in window.view.toPlainText())
    screen.clear_content()
    assert not window.isVisible()
    assert window.view.toPlainText() == ""
    assert screen.view.toPlainText() == ""
    assert screen.corrections.count() == 0
    assert screen.panel.editor.toPlainText() == ""
    assert screen.panel.section_choice.count() == 0
    assert all(FIRST not in t for t in visible_texts(screen))


def test_leaving_the_screen_closes_the_second_window(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_a_second_screen(monkeypatch)
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    screen.second_button.click()
    window = screen.second_window()
    assert window is not None and window.isVisible()
    screen.hide()  # what the main window's stack does when it shows another screen
    assert not window.isVisible()
    assert window.view.toPlainText() == ""
    screen.show()
    screen.second_button.click()
    assert window.isVisible() and window.view.toPlainText() == screen.view.toPlainText()
    window.close()  # closed by hand: the button offers to show it again
    assert screen.second_button.text().replace("&", "") == "Show on second screen"


def test_a_second_screen_taken_away_closes_its_window(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_a_second_screen(monkeypatch)
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    screen.second_button.click()
    window = screen.second_window()
    assert window is not None and window.isVisible()
    # Unplugged: the window would land on the interviewer's screen, so it closes.
    monkeypatch.setattr(readback_displays, "witness_display", lambda anchor: None)
    screen.displays._screens_changed(screen.screen())
    assert not window.isVisible() and window.view.toPlainText() == ""
    assert screen.no_second.isVisible()
    assert screen.second_button.text().replace("&", "") == "Read back full screen on this screen"


def test_results_after_a_lock_are_dropped(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, prepare)
    nav.current_case = REF
    screen.entered()
    screen.clear_content()  # the vault locked before the statement arrived
    call(qtbot, backend, lambda s: None)  # the load has finished by now
    assert screen.view.toPlainText() == ""


def test_compose_skips_empty_sections() -> None:
    sections = [
        SectionText("a", "A", "  one ", 1),
        SectionText("b", "B", "", 0),
        SectionText("c", "C", "three", 2),
    ]
    assert compose_statement(sections, {"c"}, "(corrected)") == "one\n\n(corrected)\nthree"


def test_every_focusable_widget_has_an_accessible_name(
    qtbot: Any, backend: Any, nav: Any, screen: ReadBackScreen
) -> None:
    call(qtbot, backend, prepare)
    enter(qtbot, screen, nav)
    screen.correct.setChecked(True)
    screen.second_button.click()
    # Hidden widgets too (the correction panel, a combo box's pop-up list).
    missing = [
        type(w).__name__
        for w in screen.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not w.accessibleName()
    ]
    assert missing == []


SECOND_SCREEN_SCRIPT = """
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui.screens.readback import ReadBackScreen
app = QApplication([])
screen = ReadBackScreen(None, None)  # no case: the text is put in the view by hand
screen.resize(800, 600)
screen.show()
screen.view.setPlainText("words")
print(screen.no_second.isVisible(), screen.second_button.text().replace("&", "").replace(" ", "_"))
screen.second_button.click()
QTest.qWait(50)
window = screen.second_window()
print(window.isFullScreen(), window.screen().name(), screen.screen().name(),
      window.windowTitle(), window.geometry().x(), window.view.toPlainText(),
      screen.full_screen_window() is None)
"""


def test_two_screens_the_statement_goes_full_screen_on_the_other(tmp_path: Path) -> None:
    """Two virtual monitors (the offscreen platform's screen configuration): the button
    offers the second screen, as before, and the statement opens full-screen there."""
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "interviewer",
                        "x": 0,
                        "y": 0,
                        "width": 1280,
                        "height": 800,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    },
                    {
                        "name": "witness",
                        "x": 1280,
                        "y": 0,
                        "width": 1024,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    },
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", SECOND_SCREEN_SCRIPT],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    first, second = result.stdout.splitlines()
    assert first.split() == ["False", "Show_on_second_screen"]  # no "no second screen" line
    assert second.split() == [
        "True",
        "witness",
        "interviewer",
        "Quietroom",
        "1280",
        "words",
        "True",
    ]
