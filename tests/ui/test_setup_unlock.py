"""First run and unlock: creating a vault through the screen, unlocking, calm refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.desktop.session import Session
from app.vault.vault import vault_exists
from crypto import keyring_binding
from crypto.errors import KeyringUnavailable
from tests.conftest import PASSPHRASE
from tests.ui.conftest import call
from ui.backend import Backend
from ui.screens.setup import SetupScreen
from ui.screens.unlock import UnlockScreen, calm_sentence
from ui.widgets.passphrase_strength import Level, PassphraseStrengthHint, estimate

KEYRING_BOUND = "Your vault will also be bound to this computer's keyring (Secret Service)."
KEYRING_NONE = "No system keyring was found: the vault will be protected by the passphrase only."
NEW_PASSPHRASE = "tea by the window at noon"


def _no_keyring(*_args: Any, **_kwargs: Any) -> Any:
    raise KeyringUnavailable("none")


@pytest.fixture
def empty_backend(tmp_path: Path, qtbot: Any) -> Iterator[tuple[Session, Backend]]:
    """A Session over an empty directory (no vault yet) and its own worker."""
    session = Session(tmp_path / "new-vault")
    backend = Backend(session)
    yield session, backend
    backend.shutdown()


def _setup(qtbot: Any, backend: Backend, nav: Any) -> SetupScreen:
    screen = SetupScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.keyring is not None, timeout=20_000)
    return screen


def _unlock_screen(qtbot: Any, backend: Backend, nav: Any) -> UnlockScreen:
    screen = UnlockScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    return screen


def _focusable(root: QWidget) -> list[QWidget]:
    return [
        w for w in [root, *root.findChildren(QWidget)] if w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


# --- the strength estimator ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("", Level.EMPTY),
        ("cat", Level.TOO_SHORT),
        ("password1", Level.WEAK),  # very common
        ("Summer2024!", Level.WEAK),  # a common word dressed up
        ("abcdefghij", Level.WEAK),  # a sequence
        ("aaaaaaaaaaaa", Level.WEAK),  # a repeat
        ("abcabcabcabc", Level.WEAK),  # a repeated unit
        ("qwertyuiop12", Level.WEAK),  # a keyboard row
        ("kitten12", Level.WEAK),
        ("sunny meadow", Level.FAIR),
        ("Tr0ub4dor", Level.FAIR),
        (PASSPHRASE, Level.STRONG),
        ("correct horse battery staple", Level.STRONG),
        ("Mae hi'n bwrw glaw heddiw", Level.STRONG),
    ],
)
def test_estimator_levels(text: str, level: Level) -> None:
    assert estimate(text).level == level


def test_estimator_grows_with_length_and_variety() -> None:
    assert estimate("meadow river").bits < estimate("meadow river lantern").bits
    assert estimate("meadowriver").bits < estimate("Meadow-River7").bits
    assert estimate("password").common and not estimate("lantern meadow").common
    assert estimate("1234567890").patterned


def test_hint_words(qtbot: Any) -> None:
    hint = PassphraseStrengthHint()
    qtbot.addWidget(hint)
    assert hint.objectName() == "hint"
    assert hint.textFormat() == Qt.TextFormat.PlainText
    assert hint.update_for("cat").level == Level.TOO_SHORT
    assert hint.text().startswith("Too short")
    hint.update_for("kitten12")
    assert hint.text().startswith("Weak: add more words")
    hint.update_for("sunny meadow")
    assert hint.text().startswith("Fair")
    hint.update_for(PASSPHRASE)
    assert hint.text() == "Strong."


# --- first run ------------------------------------------------------------------------------


def test_setup_creates_a_vault(
    qtbot: Any, nav: Any, monkeypatch: pytest.MonkeyPatch, empty_backend: tuple[Session, Backend]
) -> None:
    # Hermetic: no system keyring involved; the real calibrated KDF runs (about a second).
    monkeypatch.setattr(keyring_binding, "find_backend", _no_keyring)
    session, backend = empty_backend
    screen = _setup(qtbot, backend, nav)
    assert screen.keyring is False
    assert screen.keyring_label.text() == KEYRING_NONE
    assert screen.passphrase.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(screen.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(screen.repeat, NEW_PASSPHRASE)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert screen.busy.text() == "Creating… this takes a moment."
    assert not screen.passphrase.isEnabled() and not screen.create_button.isEnabled()
    assert screen.passphrase.text() == "" and screen.repeat.text() == ""
    qtbot.waitUntil(lambda: ("unlocked", None) in nav.calls, timeout=60_000)
    assert session.unlocked
    assert vault_exists(session.vault_dir)
    assert call(qtbot, backend, lambda s: s.describe()) == {"keyring": False, "recovery": False}
    assert screen.passphrase.isEnabled() and not screen.busy.isVisible()


def test_setup_mismatch_creates_nothing(
    qtbot: Any, nav: Any, empty_backend: tuple[Session, Backend]
) -> None:
    session, backend = empty_backend
    screen = _setup(qtbot, backend, nav)
    qtbot.keyClicks(screen.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(screen.repeat, NEW_PASSPHRASE + "s")
    qtbot.keyClick(screen.repeat, Qt.Key.Key_Return)
    assert screen.message.isVisible()
    assert screen.message.text().startswith("The two passphrases are not the same")
    assert screen.passphrase.text() == "" and screen.repeat.text() == ""
    assert backend.pending == 0 and nav.calls == []
    assert not session.unlocked and not vault_exists(session.vault_dir)


def test_setup_shows_the_cores_refusal(
    qtbot: Any, nav: Any, empty_backend: tuple[Session, Backend]
) -> None:
    session, backend = empty_backend
    screen = _setup(qtbot, backend, nav)
    qtbot.keyClicks(screen.passphrase, "short")
    qtbot.keyClicks(screen.repeat, "short")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
    assert screen.message.text() == "The passphrase must have at least 8 characters."
    assert screen.create_button.isEnabled() and nav.calls == []
    assert not vault_exists(session.vault_dir)


def test_strength_hint_follows_typing(
    qtbot: Any, nav: Any, empty_backend: tuple[Session, Backend]
) -> None:
    screen = _setup(qtbot, empty_backend[1], nav)
    seen = {screen.strength.text()}
    qtbot.keyClicks(screen.passphrase, "cat")
    seen.add(screen.strength.text())
    assert screen.strength.text().startswith("Too short")
    qtbot.keyClicks(screen.passphrase, "kin12")
    assert screen.strength.text().startswith("Weak")
    seen.add(screen.strength.text())
    qtbot.keyClicks(screen.passphrase, " in a sunny meadow")
    assert screen.strength.text() == "Strong."
    seen.add(screen.strength.text())
    assert len(seen) == 4
    screen.clear_content()
    assert screen.passphrase.text() == "" and screen.strength.level == Level.EMPTY


def test_show_toggle(qtbot: Any, nav: Any, empty_backend: tuple[Session, Backend]) -> None:
    screen = _setup(qtbot, empty_backend[1], nav)
    qtbot.mouseClick(screen.show_toggle, Qt.MouseButton.LeftButton)
    assert screen.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    assert screen.repeat.echoMode() == QLineEdit.EchoMode.Normal
    screen.clear_content()
    assert screen.passphrase.echoMode() == QLineEdit.EchoMode.Password


@pytest.mark.parametrize("available", [True, False, None])
def test_keyring_statement(
    qtbot: Any,
    nav: Any,
    monkeypatch: pytest.MonkeyPatch,
    empty_backend: tuple[Session, Backend],
    available: bool | None,
) -> None:
    if available is True:
        monkeypatch.setattr(keyring_binding, "find_backend", lambda *a, **k: object())
    elif available is False:
        monkeypatch.setattr(keyring_binding, "find_backend", _no_keyring)
    # None: whatever this machine really has.
    screen = _setup(qtbot, empty_backend[1], nav)
    assert screen.keyring_label.text() in (KEYRING_BOUND, KEYRING_NONE)
    if available is not None:
        assert screen.keyring is available
        assert screen.keyring_label.text() == (KEYRING_BOUND if available else KEYRING_NONE)


# --- unlock ---------------------------------------------------------------------------------


def test_unlock_with_the_right_passphrase(
    qtbot: Any, nav: Any, backend: Backend, session: Session
) -> None:
    call(qtbot, backend, lambda s: s.lock())
    screen = _unlock_screen(qtbot, backend, nav)
    assert screen.title.text() == "Quietroom is locked"
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert screen.passphrase.text() == ""
    qtbot.waitUntil(lambda: ("unlocked", None) in nav.calls, timeout=20_000)
    assert session.unlocked
    assert not screen.message.isVisible()


def test_wrong_passphrase_is_calm(qtbot: Any, nav: Any, backend: Backend, session: Session) -> None:
    call(qtbot, backend, lambda s: s.lock())
    screen = _unlock_screen(qtbot, backend, nav)
    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert screen.passphrase.text() == ""
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
    assert "the passphrase is not correct" in screen.message.text().lower()
    assert screen.passphrase.text() == "" and screen.passphrase.isEnabled()
    assert nav.calls == [] and not session.unlocked


def test_unlock_messages_for_each_refusal(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _unlock_screen(qtbot, backend, nav)
    screen._refused("too many wrong passphrases; wait 4 seconds before trying again", 2)
    assert screen.message.text() == (
        "Too many wrong passphrases; wait 4 seconds before trying again."
    )
    screen._refused("the vault header is damaged (bad magic); restore the vault from a backup", 3)
    assert screen.message.text().endswith(
        "Contact your administrator; your data has not been changed."
    )
    screen._refused("", 1)
    assert screen.message.text() == "The vault could not be opened. Please try again."
    screen.entered()
    assert not screen.message.isVisible()


def test_empty_submit_asks_gently(qtbot: Any, nav: Any, backend: Backend) -> None:
    screen = _unlock_screen(qtbot, backend, nav)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert screen.message.text() == "Type your passphrase, then press Enter."
    assert backend.pending == 0


def test_calm_sentence() -> None:
    assert calm_sentence("the passphrase is not correct") == "The passphrase is not correct."
    assert calm_sentence("  ") == ""
    assert calm_sentence("Done.") == "Done."


# --- accessibility and plain text ----------------------------------------------------------


def test_every_focusable_widget_is_named(qtbot: Any, nav: Any, backend: Backend) -> None:
    screens = [SetupScreen(backend, nav), UnlockScreen(backend, nav)]
    for screen in screens:
        qtbot.addWidget(screen)
        screen.show()
        unnamed = [
            f"{type(w).__name__}" for w in _focusable(screen) if not w.accessibleName().strip()
        ]
        assert unnamed == [], f"{type(screen).__name__}: {unnamed}"


def test_no_rich_text(qtbot: Any, nav: Any, backend: Backend) -> None:
    for screen in (SetupScreen(backend, nav), UnlockScreen(backend, nav)):
        qtbot.addWidget(screen)
        labels = screen.findChildren(QLabel)
        assert labels
        assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    unlock = UnlockScreen(backend, nav)
    qtbot.addWidget(unlock)
    unlock._refused("<b>the vault</b> is damaged", 3)
    assert unlock.message.textFormat() == Qt.TextFormat.PlainText
    assert unlock.message.text().startswith("<b>the vault</b>")
