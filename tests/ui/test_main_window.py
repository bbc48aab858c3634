"""The whole window: first run, unlock, F9 pause, auto-lock, accessibility, language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMenu,
    QWidget,
)

from app.desktop.session import Session
from app.engine.clock import FakeClock
from app.settings import Settings
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import visible_texts
from ui.main import keep_qt_settings_private
from ui.main_window import MainWindow

CANARY = "CANARY-window-green-door"


class IdleClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def idle() -> IdleClock:
    return IdleClock()


def make_window(
    qtbot: Any, session: Session, idle: IdleClock, tmp_path: Path, prefs: Settings | None = None
) -> MainWindow:
    window = MainWindow(
        session, prefs or Settings(), idle_clock=idle, settings_path=tmp_path / "settings.json"
    )
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, idle: IdleClock) -> Iterator[MainWindow]:
    session = Session(tmp_path / "vault", clock=FakeClock())
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    case = session.engine.create_case("csa", "CSA-WIN-1")
    session.engine.set_witness(case.id, name="Alex Morgan")
    session.engine.save_section(case.id, "account", f"It began at the {CANARY}.")
    session.engine.start_sitting(case.id)
    w = make_window(qtbot, session, idle, tmp_path)
    qtbot.waitUntil(lambda: w.current_screen == "unlock", timeout=15_000)
    w.unlocked()  # the session is already unlocked; go on as after the unlock screen
    w.open_case(case.id)
    ws = w.screens["workspace"]
    qtbot.waitUntil(lambda: CANARY in ws.editor.toPlainText(), timeout=15_000)
    yield w
    w.shutdown()


def all_texts(root: QWidget) -> str:
    """Text held by every widget, visible or not."""
    parts = []
    for widget in [root, *root.findChildren(QWidget)]:
        for getter in ("text", "toPlainText", "currentText", "windowTitle"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str):
                    parts.append(result)
        if hasattr(widget, "topLevelItemCount"):
            for i in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(i)
                parts += [item.text(c) for c in range(item.columnCount())]
        if hasattr(widget, "count") and hasattr(widget, "item"):
            parts += [
                widget.item(i).text()
                for i in range(widget.count())
                if widget.item(i) is not None and hasattr(widget.item(i), "text")
            ]
    return "\n".join(parts)


def test_first_run_shows_setup(qtbot: Any, tmp_path: Path, idle: IdleClock) -> None:
    w = make_window(qtbot, Session(tmp_path / "new"), idle, tmp_path)
    qtbot.waitUntil(lambda: w.current_screen == "setup", timeout=15_000)
    assert w.windowTitle() == "Quietroom"
    w.shutdown()


def test_f9_hides_every_piece_of_case_text_at_once(qtbot: Any, window: MainWindow) -> None:
    ws = window.screens["workspace"]
    cursor = ws.editor.textCursor()
    cursor.setPosition(7)
    ws.editor.setTextCursor(cursor)
    qtbot.keyClick(ws.editor, Qt.Key.Key_F9)
    assert window.current_screen == "pause"  # switched synchronously, before any storage
    texts = " ".join(visible_texts(window))
    assert CANARY not in texts and "CSA-WIN-1" not in texts and "Alex" not in texts
    assert window.windowTitle() == "Quietroom"
    qtbot.waitUntil(lambda: window.screens["pause"]._recorded, timeout=15_000)
    qtbot.keyClick(window.screens["pause"], Qt.Key.Key_F9)  # F9 again resumes
    qtbot.waitUntil(lambda: window.current_screen == "workspace", timeout=15_000)
    assert ws.editor.textCursor().position() == 7
    sitting = window.backend.session.engine.sittings("CSA-WIN-1")[0]
    assert sitting.state == "running" and len(sitting.pauses) == 1


def test_idle_auto_lock_removes_all_case_content(
    qtbot: Any, window: MainWindow, idle: IdleClock
) -> None:
    qtbot.keyClicks(window.screens["workspace"].editor, " More words.")
    idle.now += 4 * 60
    window.check_idle()
    assert window.current_screen == "workspace"
    idle.now += 61
    window.check_idle()
    assert window.current_screen == "unlock"
    assert CANARY not in all_texts(window)
    qtbot.waitUntil(lambda: not window.backend.session.unlocked, timeout=15_000)
    # The words typed just before the lock were saved first.
    window.backend.session.unlock(PASSPHRASE)
    text = window.backend.session.engine.sections("CSA-WIN-1")[2].text
    assert text.endswith("More words.")


def test_unlock_returns_to_where_they_were(qtbot: Any, window: MainWindow) -> None:
    window.lock()
    qtbot.waitUntil(lambda: not window.backend.session.unlocked, timeout=15_000)
    unlock = window.screens["unlock"]
    qtbot.keyClicks(
        unlock.findChildren(type(unlock.passphrase))[0]
        if hasattr(unlock, "passphrase")
        else unlock,
        PASSPHRASE,
    )
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen == "workspace", timeout=20_000)
    qtbot.waitUntil(
        lambda: CANARY in window.screens["workspace"].editor.toPlainText(), timeout=15_000
    )


def unlock_from_the_screen(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.backend.session.unlocked, timeout=15_000)
    unlock = window.screens["unlock"]
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen not in ("unlock", ""), timeout=20_000)


def test_a_long_pause_locks_the_vault(qtbot: Any, window: MainWindow, idle: IdleClock) -> None:
    window.pause()
    assert window.current_screen == "pause"
    qtbot.waitUntil(lambda: window.screens["pause"]._recorded, timeout=15_000)
    idle.now += 5 * 60 + 1
    window._last_input = idle.now  # someone moved the mouse: the pause still counts
    window.check_idle()
    assert window.current_screen == "unlock"
    # After the unlock the pause screen is back, and the long-pause clock starts again:
    # the next ticks must not lock at once.
    unlock_from_the_screen(qtbot, window)
    assert window.current_screen == "pause"
    for _ in range(3):
        idle.now += 1
        window.check_idle()
    idle.now += 4 * 60
    window._last_input = idle.now
    window.check_idle()
    assert window.current_screen == "pause" and window.backend.session.unlocked
    # The interviewer resumes normally, at the same place in the statement.
    qtbot.keyClick(window.screens["pause"], Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.current_screen == "workspace", timeout=15_000)
    ws = window.screens["workspace"]
    qtbot.waitUntil(lambda: CANARY in ws.editor.toPlainText(), timeout=15_000)
    qtbot.waitUntil(lambda: ws.bar.pause.isVisibleTo(ws), timeout=15_000)
    sitting = window.backend.session.engine.current_sitting("CSA-WIN-1")
    assert sitting is not None and sitting.state == "running"
    idle.now += 5 * 60 - 1
    window._last_input = idle.now
    window.check_idle()
    assert window.current_screen == "workspace"  # no long-pause clock left running
    # A second long pause locks again, counted from its own start.
    window.pause()
    idle.now += 5 * 60 + 1
    window._last_input = idle.now
    window.check_idle()
    assert window.current_screen == "unlock"


# --- modal dialogs must not defeat F9, Ctrl+L or the idle lock --------------------------


def file_dialog(window: MainWindow, tmp_path: Path) -> QFileDialog:
    keep_qt_settings_private(QApplication.instance())  # as ui.main does at start-up
    folder = tmp_path / "CSA-WIN-1 Alex Morgan"  # a folder named after the case
    folder.mkdir(exist_ok=True)
    (folder / "statement-alex.qrb").write_bytes(b"x")
    dialog = QFileDialog(window, "Open a bundle", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.selectFile("statement-alex.qrb")
    return dialog


def press_inside(
    dialog: QFileDialog, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget() or dialog.focusWidget() or dialog
    QTest.keyClick(target, key, modifier)


def test_f9_pauses_while_a_window_modal_file_dialog_is_open(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    dialog = file_dialog(window, tmp_path)
    dialog.open()  # window-modal, like a sheet
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert QApplication.activeModalWidget() is dialog
    press_inside(dialog, Qt.Key.Key_F9)
    assert window.current_screen == "pause"
    assert not dialog.isVisible() and QApplication.activeModalWidget() is None
    assert dialog.result() == QDialog.DialogCode.Rejected  # cancelled, nothing chosen


@pytest.mark.parametrize("key", ["pause", "lock"])
def test_keys_work_inside_an_application_modal_dialog(
    qtbot: Any, window: MainWindow, tmp_path: Path, key: str
) -> None:
    dialog = file_dialog(window, tmp_path)
    seen: dict[str, Any] = {}

    def inside() -> None:  # runs inside the dialog's own event loop (exec)
        seen["modal"] = QApplication.activeModalWidget() is dialog
        if key == "pause":
            press_inside(dialog, Qt.Key.Key_F9)
        else:
            press_inside(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        seen["screen"] = window.current_screen
        seen["visible"] = dialog.isVisible()
        QTimer.singleShot(3000, dialog.reject)  # never hang the suite if the key failed

    def run() -> None:
        QTimer.singleShot(50, inside)
        seen["result"] = dialog.exec()

    QTimer.singleShot(0, run)
    qtbot.waitUntil(lambda: "result" in seen, timeout=15_000)
    assert seen["modal"]
    assert seen["screen"] == ("pause" if key == "pause" else "unlock")
    assert seen["visible"] is False
    assert seen["result"] == QDialog.DialogCode.Rejected


def test_idle_lock_closes_an_open_file_dialog(
    qtbot: Any, window: MainWindow, idle: IdleClock, tmp_path: Path
) -> None:
    dialog = file_dialog(window, tmp_path)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    idle.now += 5 * 60 + 1
    window.check_idle()
    assert window.current_screen == "unlock"
    assert not dialog.isVisible() and QApplication.activeModalWidget() is None
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [window]
    assert "Alex" not in " ".join(visible_texts(window))


def test_pause_closes_an_open_popup(qtbot: Any, window: MainWindow) -> None:
    menu = QMenu(window)
    menu.addAction("Copy statement-alex.qrb")
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    QTest.keyClick(menu, Qt.Key.Key_F9)
    assert window.current_screen == "pause"
    assert not menu.isVisible() and QApplication.activePopupWidget() is None


def focusable_unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox):
            continue  # the spin box's own line edit: the spin box carries the name
        if type(widget).__name__ in ("QScrollBar", "QTabBar") or widget.objectName().startswith(
            "qt_"
        ):
            continue  # Qt's internal parts; their owners are named
        if widget.window() is not root.window():
            continue  # a combo box's popup list: the combo box carries the name
        if not widget.accessibleName():
            missing.append(
                f"{type(widget).__name__} '{widget.objectName()}' in "
                f"{type(widget.window()).__name__}"
            )
    return missing


def test_every_focusable_widget_on_every_screen_has_a_name(qtbot: Any, window: MainWindow) -> None:
    missing = []
    for name, screen in window.screens.items():
        missing += [f"{name}: {m}" for m in focusable_unnamed(screen)]
    # And the window's own widgets around the screens (Tab reaches them too).
    missing += [f"window: {m}" for m in focusable_unnamed(window)]
    assert not missing, "\n".join(missing)


# What the case list shows of its own in each language: the heading (and the list's
# accessible name), column titles, the case's status, the buttons and the search field.
CASE_LIST_ENGLISH = (
    "Cases",
    "Reference",
    "Name",
    "Status",
    "Last updated",
    "Draft",
    "&New case",
    "&Open",
    "&Settings",
    "&Lock",
    "Reference or name",
)
CASE_LIST_WELSH = (
    "Achosion",
    "Cyfeirnod",
    "Enw",
    "Statws",
    "Newid diwethaf",
    "Drafft",
    "Achos &newydd",
    "&Agor",
    "&Gosodiadau",
    "&Cloi",
    "Cyfeirnod neu enw",
)


def shown_case_list(qtbot: Any, window: MainWindow) -> list[str]:
    """Go to the case list and wait for the window's case to be listed; all it shows."""
    window.go("cases")
    assert window.current_screen == "cases"
    qtbot.waitUntil(lambda: "CSA-WIN-1" in visible_texts(window), timeout=15_000)
    return visible_texts(window)


def test_language_switch_to_welsh(qtbot: Any, window: MainWindow) -> None:
    from ui import i18n

    if not i18n.qm_path("cy").exists():
        pytest.fail("app/resources/i18n/quietroom_cy.qm is missing: 'make' builds it")
    assert set(CASE_LIST_ENGLISH) <= set(shown_case_list(qtbot, window))
    window.apply_settings(Settings(language="cy"))
    try:
        texts = shown_case_list(qtbot, window)
        assert [t for t in CASE_LIST_ENGLISH if t in texts] == []
        assert [t for t in CASE_LIST_WELSH if t not in texts] == []
        assert window.windowTitle() == "Quietroom"
    finally:
        window.apply_settings(Settings(language="en"))
    texts = shown_case_list(qtbot, window)
    assert [t for t in CASE_LIST_ENGLISH if t not in texts] == []
    assert [t for t in CASE_LIST_WELSH if t in texts] == []


def mnemonic_problems(screen: QWidget) -> list[str]:
    """Labels whose underlined letter would do nothing: no buddy, or a buddy that cannot
    take the focus. QLabel asks the buddy itself, not its focus proxy: a composite widget
    that passes the focus on to a part must take the focus too."""
    problems = []
    for label in screen.findChildren(QLabel):
        text = label.text()
        if label.textFormat() == Qt.TextFormat.RichText or "&" not in text.replace("&&", ""):
            continue
        buddy = label.buddy()
        target = buddy.focusProxy() or buddy if buddy is not None else None
        if (
            buddy is None
            or target is None
            or Qt.FocusPolicy.NoFocus in (buddy.focusPolicy(), target.focusPolicy())
        ):
            problems.append(f"{text!r} moves the focus nowhere")
    return problems


def test_every_underlined_letter_moves_the_focus(qtbot: Any, window: MainWindow) -> None:
    problems = []
    for name, screen in window.screens.items():
        problems += [f"{name}: {p}" for p in mnemonic_problems(screen)]
    assert not problems, "\n".join(problems)


def spoken_form(text: str) -> str:
    """A control's visible words as speech input would say them: no mnemonic marker,
    no ellipsis, no key hint in brackets ("Pause (F9)" is said "Pause")."""
    text = re.sub(r"\s*\([^)]*\)$", "", text.replace("&&", "\0").replace("&", ""))
    return text.replace("\0", "&").replace("…", "").strip().lower()


def test_a_buttons_visible_words_are_in_its_accessible_name(qtbot: Any, window: MainWindow) -> None:
    """WCAG 2.5.3 (label in name): someone who says what they see ("Cases") reaches the
    control, and a screen reader says what is on screen."""
    wrong = []
    for name, screen in window.screens.items():
        for button in screen.findChildren(QAbstractButton):
            words = spoken_form(button.text())
            if not any(c.isalpha() for c in words):
                continue  # a symbol ("+", "−"): its name says what it does
            if button.accessibleName() and words not in button.accessibleName().lower():
                wrong.append(f"{name}: {button.text()!r} is named {button.accessibleName()!r}")
    assert not wrong, "\n".join(wrong)
