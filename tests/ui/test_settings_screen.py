"""The settings screen: initial values, saving through the navigator, accessibility."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget

from app.settings import Settings
from ui.backend import Backend
from ui.screens.settings_screen import SettingsScreen


def _screen(qtbot: Any, backend: Backend, nav: Any) -> SettingsScreen:
    screen = SettingsScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    return screen


def test_shows_the_current_settings(qtbot: Any, nav: Any, backend: Backend) -> None:
    nav.settings = Settings(
        language="cy",
        text_scale=150,
        theme="high_contrast",
        autolock_minutes=12,
        default_break_minutes=45,
        clipboard_allowed=True,
    )
    screen = _screen(qtbot, backend, nav)
    assert screen.language.currentText() == "Cymraeg"
    assert screen.text_scale.value() == 150 and screen.text_scale.text() == "150 %"
    assert screen.theme.currentText() == "High contrast"
    assert screen.autolock.value() == 12
    assert screen.break_minutes.value() == 45
    assert screen.clipboard.isChecked()
    assert screen.chosen() == nav.settings


def test_defaults(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _screen(qtbot, backend, nav)
    assert screen.chosen() == Settings()
    assert not screen.clipboard.isChecked()
    assert [screen.theme.itemText(i) for i in range(screen.theme.count())] == [
        "Light",
        "Dark",
        "High contrast",
    ]
    assert [screen.language.itemData(i) for i in range(screen.language.count())] == ["en", "cy"]
    assert (
        screen.text_scale.minimum(),
        screen.text_scale.maximum(),
        screen.text_scale.singleStep(),
    ) == (100, 200, 25)
    assert (screen.autolock.minimum(), screen.autolock.maximum()) == (1, 60)
    assert (screen.break_minutes.minimum(), screen.break_minutes.maximum()) == (5, 180)


def test_save_applies_the_chosen_values(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _screen(qtbot, backend, nav)
    screen.language.setCurrentIndex(screen.language.findData("cy"))
    screen.text_scale.setFocus()
    qtbot.keyClick(screen.text_scale, Qt.Key.Key_Up)
    qtbot.keyClick(screen.text_scale, Qt.Key.Key_Up)
    screen.theme.setCurrentIndex(screen.theme.findData("dark"))
    screen.autolock.setValue(15)
    screen.break_minutes.setValue(60)
    qtbot.mouseClick(screen.clipboard, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert nav.calls == [
        (
            "apply_settings",
            Settings(
                language="cy",
                text_scale=150,
                theme="dark",
                autolock_minutes=15,
                default_break_minutes=60,
                clipboard_allowed=True,
            ),
        )
    ]
    assert screen.message.isVisible() and screen.message.text() == "Settings saved."


def test_text_size_keeps_to_its_steps(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _screen(qtbot, backend, nav)
    screen.text_scale.setValue(160)
    screen.save()
    assert nav.settings.text_scale == 150
    assert screen.text_scale.value() == 150


def test_back_goes_to_the_cases(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _screen(qtbot, backend, nav)
    screen.autolock.setValue(30)
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert nav.calls == [("go", "cases")]
    screen.entered()
    assert screen.autolock.value() == 5  # unsaved changes are not kept


def test_clipboard_description(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _screen(qtbot, backend, nav)
    assert "30 seconds" in screen.clipboard.accessibleDescription()
    texts = [label.text() for label in screen.findChildren(QLabel)]
    assert any("cleared from the clipboard after 30 seconds" in t for t in texts)


def test_every_focusable_widget_is_named(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _screen(qtbot, backend, nav)
    focusable = [
        w
        for w in [screen, *screen.findChildren(QWidget)]
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert len(focusable) >= 8
    unnamed = [type(w).__name__ for w in focusable if not w.accessibleName().strip()]
    assert unnamed == []


def test_labels_are_plain_text(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _screen(qtbot, backend, nav)
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText for label in screen.findChildren(QLabel)
    )


def test_a_value_out_of_range_is_refused_with_a_reason(
    qtbot: Any, backend: Backend, nav: Any
) -> None:
    screen = _screen(qtbot, backend, nav)
    texts = [w.text() for w in screen.findChildren(QLabel) if w.isVisible()]
    for shown in ("From 5 to 180 minutes", "From 1 to 60 minutes", "From 100 to 200 percent"):
        assert any(t.startswith(shown) for t in texts), shown
    editor = screen.break_minutes.lineEdit()
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # as leaving the field does
    assert screen.break_minutes.value() == 30  # the allowed value stays…
    said = "1 is not allowed here: choose from 5 to 180. It stays at 30 minutes."
    assert said in [w.text() for w in screen.findChildren(QLabel) if w.isVisible()]  # …and why
    # An allowed value is taken, and the line under the field shows the range again.
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "45")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert screen.break_minutes.value() == 45
    assert said not in [w.text() for w in screen.findChildren(QLabel) if w.isVisible()]


def test_headphones_advice_while_a_screen_reader_runs(
    qtbot: Any, backend: Backend, nav: Any
) -> None:
    """Issue #18 §6: a screen reader reads the statement aloud; the settings say to use
    headphones in the interview room whenever one is running, and only then."""
    screen = SettingsScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    was = QAccessible.isActive()
    try:
        QAccessible.setActive(False)
        screen.entered()
        assert not screen.screen_reader.isVisible()
        QAccessible.setActive(True)  # what the platform does when Orca starts
        screen.entered()
        assert screen.screen_reader.isVisible()
        assert "headphones" in screen.screen_reader.text()
    finally:
        QAccessible.setActive(was)
