"""Every problem a refused submit can show reaches a screen reader (issue #18 §4, errors):
the problem summary takes the focus and is named by the problem, Tab (or typing) leads
on to the field in error, the field carries the problem in its description and has the
message as one of its labels (Qt's Labelled relation), and everything is put back once
the problem is fixed. Driven through the real screens, the real worker and the real
announcement path (ui/widgets/announce.py); the status messages are test_a11y_status's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.desktop.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import FakeNavigator, call
from ui.backend import Backend
from ui.screens.new_case import CASE, PRESENT, RESTRICTED, SURVIVOR, NewCaseScreen
from ui.screens.passphrase import PassphraseScreen
from ui.screens.setup import SetupScreen
from ui.screens.unlock import UnlockScreen
from ui.widgets.announce import Notification, announcements
from ui.widgets.notice import ERROR, SUCCESS, say
from ui.widgets.problems import tab_target

Heard = list[tuple[str, bool]]


def listening() -> Iterator[Heard]:
    """Every announcement made until the generator is closed: (words, assertive)."""
    said: Heard = []

    def record(text: str, assertive: bool) -> None:
        said.append((text, assertive))

    announcements().made.connect(record)
    try:
        yield said
    finally:
        announcements().made.disconnect(record)


@pytest.fixture
def heard(qapp: Any) -> Iterator[Heard]:
    yield from listening()


def said(heard: Heard, words: str, *, assertive: bool | None = None) -> bool:
    return any(words in text and (assertive is None or loud == assertive) for text, loud in heard)


def problem_leads_to(screen: QWidget) -> QWidget | None:
    """Where the focus leads after a refused submit: the problem summary that has it
    leads on (Tab, typing) to the field in error; any other focused widget is itself."""
    focus = screen.focusWidget()
    return tab_target(focus) if isinstance(focus, QLabel) else focus


def spoken_name(widget: QWidget) -> str:
    """What a screen reader reads for a widget: its accessible name and description."""
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return f"{iface.text(QAccessible.Text.Name)} {iface.text(QAccessible.Text.Description)}"


def labels_of(field: QWidget) -> list[str]:
    """The names of the widgets Qt gives as the field's labels (Labelled relation)."""
    iface = QAccessible.queryAccessibleInterface(field)
    assert iface is not None
    return [
        other.text(QAccessible.Text.Name)
        for other, relation in iface.relations(QAccessible.RelationFlag.Label)
        if relation & QAccessible.RelationFlag.Label
    ]


def assert_refused(screen: QWidget, summary: QLabel, words: str, field: QWidget) -> None:
    """The summary has the focus and says `words`; Tab leads to `field`, which carries
    the problem in its description and has the words among its labels."""
    assert summary.isVisible() and words in summary.text()
    assert screen.focusWidget() is summary
    assert words in spoken_name(summary)
    assert summary.accessibleDescription() == "Problem"
    assert problem_leads_to(screen) is field
    description = field.accessibleDescription()
    assert description.startswith("Problem: ") and words in description
    assert any(words in name for name in labels_of(field)), labels_of(field)


def problem_labels(field: QWidget) -> list[QLabel]:
    """Message labels that label `field` (its Labelled relation), shown or not."""
    return [
        label
        for label in field.window().findChildren(QLabel)
        if label.objectName() == "message" and label.buddy() is field
    ]


def assert_untied(field: QWidget) -> None:
    """The field as before its problem: no problem in its description, no problem label."""
    assert not field.accessibleDescription().startswith("Problem")
    assert problem_labels(field) == []


# --- the announcement itself ------------------------------------------------------------


def test_an_announcement_is_posted_and_shown_as_a_notification(qtbot: Any, heard: Heard) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel(window)
    window.show()
    say(label, "Settings saved.", SUCCESS)
    assert heard == [("Settings saved.", False)]
    notification = window.findChild(Notification)
    assert notification is not None and notification.isVisible()
    iface = QAccessible.queryAccessibleInterface(notification)
    assert iface is not None and iface.role() == QAccessible.Role.Notification
    assert iface.text(QAccessible.Text.Name) == "Settings saved."
    words = QAccessible.queryAccessibleInterface(notification.words)
    assert words is not None and words.role() == QAccessible.Role.StaticText
    assert words.text(QAccessible.Text.Name) == "Settings saved."  # what older Orca reads
    assert notification.focusPolicy() == Qt.FocusPolicy.NoFocus
    say(label, "Settings saved.", SUCCESS)  # pressed again: said again
    say(label, "", SUCCESS)  # a message taken away: nothing to say
    assert heard == [("Settings saved.", False)] * 2
    notification.forget()
    assert not notification.isVisible() and notification.words.accessibleName() == ""
    window.hide()
    say(label, "Nobody sees this.", ERROR)
    assert len(heard) == 2  # nothing is said for a hidden window


# --- unlock -------------------------------------------------------------------------------


def unlock_screen(qtbot: Any, backend: Backend, nav: FakeNavigator) -> UnlockScreen:
    screen = UnlockScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    return screen


def test_a_wrong_passphrase_is_said_at_once_and_takes_the_focus(
    qtbot: Any, backend: Backend, nav: FakeNavigator, session: Session, heard: Heard
) -> None:
    call(qtbot, backend, lambda s: s.lock())
    screen = unlock_screen(qtbot, backend, nav)
    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert said(heard, "Unlocking… this takes a moment.", assertive=False)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
    words = screen.message.text()
    assert "passphrase is not correct" in words.lower()
    assert said(heard, words, assertive=True)  # the one assertive message
    assert_refused(screen, screen.message, words, screen.passphrase)
    assert screen.passphrase.text() == ""
    # A sighted person simply types again: the keys go into the passphrase field.
    qtbot.keyClicks(screen.message, PASSPHRASE[:3])
    assert screen.focusWidget() is screen.passphrase
    assert screen.passphrase.text() == PASSPHRASE[:3]
    qtbot.keyClicks(screen.passphrase, PASSPHRASE[3:])
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("unlocked", None) in nav.calls, timeout=20_000)
    assert not screen.message.isVisible()
    assert screen.message.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert_untied(screen.passphrase)
    assert screen.passphrase.accessibleDescription() == (
        "Your vault passphrase. Press Enter to unlock."
    )


def test_tab_from_the_unlock_refusal_goes_to_the_field(
    qtbot: Any, backend: Backend, nav: FakeNavigator, heard: Heard
) -> None:
    screen = unlock_screen(qtbot, backend, nav)
    screen._refused("the passphrase is not correct", 1)
    assert screen.focusWidget() is screen.message
    qtbot.keyClick(screen.message, Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.passphrase
    spoken = spoken_name(screen.passphrase)
    assert "Problem: The passphrase is not correct." in spoken
    # A damaged vault is said the same way, but is no fault of the passphrase.
    screen._refused("the vault header is damaged", 3)
    assert said(heard, "Contact your administrator", assertive=True)
    assert screen.focusWidget() is screen.message
    assert_untied(screen.passphrase)


def test_an_empty_unlock_is_asked_for_politely(
    qtbot: Any, backend: Backend, nav: FakeNavigator, heard: Heard
) -> None:
    screen = unlock_screen(qtbot, backend, nav)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert heard == [("Type your passphrase, then press Enter.", False)]


# --- setting up the vault -----------------------------------------------------------------


@pytest.fixture
def setup_screen(
    qtbot: Any, tmp_path: Path, nav: FakeNavigator, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SetupScreen]:
    from crypto import keyring_binding
    from crypto.errors import KeyringUnavailable

    def no_keyring(*_args: Any, **_kwargs: Any) -> Any:
        raise KeyringUnavailable("none")

    monkeypatch.setattr(keyring_binding, "find_backend", no_keyring)
    backend = Backend(Session(tmp_path / "new-vault"))
    screen = SetupScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.keyring is not None, timeout=20_000)
    yield screen
    backend.shutdown()


def test_passphrases_that_differ_take_the_focus(
    qtbot: Any, setup_screen: SetupScreen, heard: Heard
) -> None:
    screen = setup_screen
    qtbot.keyClicks(screen.passphrase, "tea by the window")
    qtbot.keyClicks(screen.repeat, "tea by the windows")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    words = "The two passphrases are not the same. Please type them both again."
    assert_refused(screen, screen.message, words, screen.passphrase)
    assert not said(heard, words)  # the focus says it: not twice
    # Both are to be typed again: the repeat carries the problem too.
    assert screen.repeat.accessibleDescription().startswith(f"Problem: {words}")
    qtbot.keyClick(screen.message, Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.passphrase


def test_a_passphrase_too_short_is_tied_to_it(
    qtbot: Any, setup_screen: SetupScreen, heard: Heard
) -> None:
    screen = setup_screen
    qtbot.keyClicks(screen.passphrase, "short")
    qtbot.keyClicks(screen.repeat, "short")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert said(heard, "Creating… this takes a moment.")
    words = "The passphrase must have at least 8 characters."
    qtbot.waitUntil(lambda: screen.message.text() == words, timeout=20_000)
    assert_refused(screen, screen.message, words, screen.passphrase)
    assert not said(heard, words)  # the focus says it: not twice
    assert_untied(screen.repeat)


# --- changing the passphrase --------------------------------------------------------------


def test_every_refused_passphrase_change_takes_the_focus(
    qtbot: Any, backend: Backend, nav: FakeNavigator, heard: Heard
) -> None:
    screen = PassphraseScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    new = "a new passphrase nobody saw"
    cases = [
        ("", new, new, "Type your current passphrase first.", screen.current),
        (PASSPHRASE, "short", "short", "at least 8 characters", screen.new),
        (PASSPHRASE, new, new + "!", "two new passphrases are not the same", screen.new),
        ("not it at all", new, new, "not correct", screen.current),
    ]
    for current, first, second, words, field in cases:
        screen.current.setText(current)
        screen.new.setText(first)
        screen.repeat.setText(second)
        qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda w=words: w in screen.message.text() and not screen._working, timeout=30_000
        )
        assert_refused(screen, screen.message, words, field)
        assert (screen.message.text(), False) not in heard  # the focus says it: not twice
        for other in {screen.current, screen.new, screen.repeat} - {field}:
            assert_untied(other)
    screen.current.setText(PASSPHRASE)
    screen.new.setText(new)
    screen.repeat.setText(new)
    qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "has been changed" in screen.message.text(), timeout=60_000)
    assert said(heard, "Your passphrase has been changed.", assertive=False)
    assert said(heard, "Changing… this takes a moment.")
    for field in (screen.current, screen.new, screen.repeat):
        assert_untied(field)


# --- the new-case wizard ------------------------------------------------------------------


@pytest.fixture
def wizard(qtbot: Any, backend: Backend, nav: FakeNavigator) -> NewCaseScreen:
    screen = NewCaseScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    return screen


def next_refused(qtbot: Any, screen: NewCaseScreen, words: str, field: QWidget) -> None:
    summary = screen.steps[screen.index].message
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert_refused(screen, summary, words, field)
    beside = [
        label
        for label in field.parentWidget().findChildren(QLabel)
        if label is not summary and label.isVisible() and label.text() == summary.text()
    ]
    assert len(beside) == 1 and beside[0] in problem_labels(field)  # the words beside it


def test_every_wizard_problem_takes_the_focus_and_is_tied_to_its_field(
    qtbot: Any, backend: Backend, wizard: NewCaseScreen, heard: Heard
) -> None:
    screen = wizard
    case = screen.case_step
    next_refused(qtbot, screen, "Choose the category of the case.", case.radios["csa"])
    assert not said(heard, "Choose the category")  # the focus says it: not twice
    case.radios["general"].click()
    next_refused(qtbot, screen, "Give the case reference.", case.fields["reference"])
    assert_untied(case.radios["csa"])
    # Typing from the summary goes into the field in error.
    qtbot.keyClicks(case.message, "GEN-1")
    assert case.value("reference") == "GEN-1"
    recorded = case.fields["visually_recorded"]
    assert isinstance(recorded, QComboBox)
    recorded.setCurrentIndex(recorded.findData(True))
    words = "Give the reference of the visual recording, or choose a written statement."
    next_refused(qtbot, screen, words, case.fields["abe_reference"])
    recorded.setCurrentIndex(recorded.findData(False))
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.index == SURVIVOR, timeout=15_000)
    assert not case.message.isVisible()
    assert_untied(case.fields["abe_reference"])
    name = screen.survivor_step.fields["name"]
    next_refused(qtbot, screen, "Give the name to appear on the statement.", name)
    qtbot.keyClick(screen.survivor_step.message, Qt.Key.Key_Tab)
    assert screen.focusWidget() is name
    qtbot.keyClicks(name, "Someone")
    screen.show_step(RESTRICTED)
    born = screen.restricted_step.fields["date_of_birth"]
    qtbot.keyClicks(born, "1979-02-30")
    next_refused(qtbot, screen, "Write the date of birth as day/month/year", born)
    born.clear()  # type: ignore[attr-defined]
    screen.show_step(PRESENT)
    step = screen.present_step
    qtbot.mouseClick(step.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.finish_button, Qt.MouseButton.LeftButton)
    assert_refused(
        screen, step.message, "Give a name for each person, or remove the row.", step.rows[0].name
    )
    step.remove_row(step.rows[0])  # the row in error goes, and Back leaves nothing tied
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert step.message.isHidden()
    tied = [w for w in screen.findChildren(QWidget) if "Problem:" in w.accessibleDescription()]
    assert tied == []
    assert backend.pending == 0


def test_a_duplicate_reference_takes_the_focus(
    qtbot: Any, backend: Backend, wizard: NewCaseScreen, heard: Heard
) -> None:
    call(qtbot, backend, lambda s: s.engine.create_case("csa", "CSA-DUP-1"))
    screen = wizard
    screen.case_step.radios["csa"].click()
    qtbot.keyClicks(screen.case_step.fields["reference"], "CSA-DUP-1")
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.case_step.message.isVisible(), timeout=15_000)
    words = "A case with this reference already exists."
    assert_refused(screen, screen.case_step.message, words, screen.case_step.fields["reference"])
    assert not said(heard, words)  # the focus says it: not twice
    assert screen.index == CASE


def test_a_worker_failure_on_a_step_is_said_without_taking_the_focus(
    qtbot: Any, wizard: NewCaseScreen, heard: Heard
) -> None:
    screen = wizard
    reference = screen.case_step.fields["reference"]
    reference.setFocus()
    screen._failed("the vault is busy", screen._generation)
    assert said(heard, "Nothing has been saved yet. The vault is busy.", assertive=False)
    assert screen.focusWidget() is reference
    assert screen.case_step.message.focusPolicy() == Qt.FocusPolicy.NoFocus
