"""Passphrase fields give Qt, and so the accessibility bus, nothing but "●" (issue #18 §1).

Qt posts a text-inserted accessibility event with every character its line edit receives;
a field whose Qt text is only mask characters cannot post a passphrase character. These
tests type a canary with real key events and read back everything Qt holds or would expose:
its text, its display text, and the accessible interface's name, description, value and
text. The same is checked on the real AT-SPI bus in tests/interop/test_atspi.py."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from ui.backend import Backend
from ui.main_window import screen_classes
from ui.widgets.secret_field import MASK, SecretField

CANARY = "Qz7#Kw9! xJ2v"  # no run of three letters found in a label; QTest types ASCII
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def field(qtbot: Any) -> SecretField:
    widget = SecretField()
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def exposed(field: QLineEdit) -> list[str]:
    """Everything Qt holds for the field or would give an assistive technology."""
    iface = QAccessible.queryAccessibleInterface(field)
    assert iface is not None
    texts = [QLineEdit.text(field), field.displayText(), field.selectedText()]
    kinds = (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value)
    texts += [iface.text(kind) for kind in (*kinds, QAccessible.Text.Help)]
    text_iface = iface.textInterface()
    if text_iface is not None:
        texts.append(text_iface.text(0, text_iface.characterCount()))
    value = iface.valueInterface()
    if value is not None:
        texts.append(str(value.currentValue()))
    return texts


def leaked(field: QLineEdit, secret: str = CANARY) -> list[str]:
    """Texts holding any three characters of `secret` in a row (names hold letters)."""
    runs = {secret[i : i + 3] for i in range(max(len(secret) - 2, 1))}
    return [t for t in exposed(field) if any(run in t for run in runs)]


def test_typing_gives_qt_only_the_mask(field: SecretField) -> None:
    QTest.keyClicks(field, CANARY)
    assert field.text() == CANARY
    assert QLineEdit.text(field) == MASK * len(CANARY)
    assert leaked(field) == []
    iface = QAccessible.queryAccessibleInterface(field)
    assert iface.state().passwordEdit  # Orca still hears "password text"


def test_accented_and_welsh_letters(field: SecretField) -> None:
    for letter in "éŵŷ":
        event = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter
        )
        QApplication.sendEvent(field, event)
    assert field.text() == "éŵŷ"
    assert leaked(field, "éŵŷ") == []


def test_editing_keeps_the_real_characters_in_step(field: SecretField) -> None:
    QTest.keyClicks(field, "abcdef")
    QTest.keyClick(field, Qt.Key.Key_Backspace)  # abcde
    QTest.keyClick(field, Qt.Key.Key_Home)
    QTest.keyClick(field, Qt.Key.Key_Delete)  # bcde
    QTest.keyClick(field, Qt.Key.Key_Right)
    QTest.keyClicks(field, "XY")  # bXYcde
    assert field.text() == "bXYcde"
    QTest.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(field, "z")  # the selection "cd" replaced
    assert field.text() == "bXYze"
    QTest.keyClick(field, Qt.Key.Key_Left)
    QTest.keyClick(field, Qt.Key.Key_Backspace, CTRL)  # a password is one "word"
    assert field.text() == "ze"
    QTest.keyClick(field, Qt.Key.Key_A, CTRL)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == ""
    assert QLineEdit.text(field) == ""


def test_select_all_and_type_replaces(field: SecretField) -> None:
    QTest.keyClicks(field, "old secret")
    QTest.keyClick(field, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(field, CANARY)
    assert field.text() == CANARY
    assert leaked(field) == []


def test_paste_goes_through_the_mask(field: SecretField) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(CANARY + "\n")
    QTest.keyClick(field, Qt.Key.Key_V, CTRL)
    assert field.text() == CANARY
    assert leaked(field) == []
    clipboard.clear()


def test_copy_cut_and_undo_are_refused(field: SecretField) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    QTest.keyClicks(field, CANARY)
    QTest.keyClick(field, Qt.Key.Key_A, CTRL)
    QTest.keyClick(field, Qt.Key.Key_C, CTRL)
    QTest.keyClick(field, Qt.Key.Key_X, CTRL)
    assert clipboard.text() == "before"
    assert field.text() == CANARY
    QTest.keyClick(field, Qt.Key.Key_End)
    QTest.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == CANARY
    clipboard.clear()


def test_the_middle_button_does_not_paste_the_selection(field: SecretField) -> None:
    QTest.mouseClick(field, Qt.MouseButton.MiddleButton)
    assert field.text() == "" and QLineEdit.text(field) == ""


def test_max_length_counts_real_characters(field: SecretField) -> None:
    field.setMaxLength(5)
    QTest.keyClicks(field, "abcdefgh")
    assert field.text() == "abcde"


def test_signal_carries_the_real_text_in_process(field: SecretField) -> None:
    seen: list[str] = []
    field.secret_changed.connect(seen.append)
    QTest.keyClicks(field, "ab")
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    assert seen == ["a", "ab", "a"]


def test_show_and_hide(field: SecretField) -> None:
    QTest.keyClicks(field, CANARY)
    field.set_revealed(True)
    assert QLineEdit.text(field) == CANARY  # what the person asked to see
    QTest.keyClicks(field, "!")
    field.set_revealed(False)
    assert field.text() == CANARY + "!"
    assert leaked(field, CANARY + "!") == []
    QTest.keyClicks(field, "?")
    assert field.text() == CANARY + "!?"


def test_clear_and_set_text(field: SecretField) -> None:
    field.setText(CANARY)
    assert leaked(field) == [] and field.text() == CANARY
    field.clear()
    assert field.text() == "" and QLineEdit.text(field) == ""


def password_fields(root: QWidget) -> list[QLineEdit]:
    return [
        edit
        for edit in root.findChildren(QLineEdit)
        if edit.echoMode() != QLineEdit.EchoMode.Normal or isinstance(edit, SecretField)
    ]


def test_every_passphrase_field_on_every_screen_is_masked(
    qtbot: Any, backend: Backend, nav: Any
) -> None:
    found: dict[str, int] = {}
    for name, cls in screen_classes().items():
        screen = cls(backend, nav)
        qtbot.addWidget(screen)
        fields = password_fields(screen)
        found[name] = len(fields)
        for edit in fields:
            assert isinstance(edit, SecretField), f"{name}: {edit.accessibleName()}"
            edit.setFocus()
            QTest.keyClicks(edit, CANARY)
            assert leaked(edit) == [], f"{name}: {edit.accessibleName()}"
            edit.clear()
    # Set-up (two), unlock, passphrase change (three) and the identity file's password.
    assert found["setup"] == 2 and found["unlock"] == 1
    assert found["passphrase"] == 3 and found["identity"] == 1
