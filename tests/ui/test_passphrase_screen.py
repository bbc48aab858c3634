"""The passphrase screen: the current passphrase is checked first, a plain change and a
re-key (keys §3, offered as "someone may have seen my passphrase"), calm refusals, and
the secrets cleared whatever happens."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.desktop.session import Session
from app.errors import QuietroomError
from app.vault.vault import Vault, header_path
from tests.conftest import PASSPHRASE
from ui.backend import Backend
from ui.screens.passphrase import PassphraseScreen
from ui.screens.settings_screen import SettingsScreen

NEW = "a new passphrase nobody saw"


def _screen(qtbot: Any, backend: Backend, nav: Any) -> PassphraseScreen:
    screen = PassphraseScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    return screen


def fill(screen: PassphraseScreen, current: str, new: str, repeat: str | None = None) -> None:
    screen.current.setText(current)
    screen.new.setText(new)
    screen.repeat.setText(new if repeat is None else repeat)


def shown(screen: PassphraseScreen, qtbot: Any) -> str:
    qtbot.waitUntil(lambda: screen.message.isVisible() and not screen._working, timeout=30_000)
    return screen.message.text()


def secrets_cleared(screen: PassphraseScreen) -> bool:
    return not (screen.current.text() or screen.new.text() or screen.repeat.text())


def test_settings_lead_to_the_passphrase_screen(qtbot: Any, backend: Backend, nav: Any) -> None:
    settings = SettingsScreen(backend, nav)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.mouseClick(settings.passphrase_button, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("go", "passphrase")


def test_a_plain_change(
    qtbot: Any, backend: Backend, nav: Any, session: Session, vault_dir: Path
) -> None:
    screen = _screen(qtbot, backend, nav)
    fill(screen, PASSPHRASE, NEW)
    qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)
    assert shown(screen, qtbot) == "Your passphrase has been changed."
    assert secrets_cleared(screen) and not screen.rekey.isChecked()
    assert session.unlocked  # nothing else changed for the interviewer
    with Vault.open(vault_dir, NEW):
        pass


def test_someone_may_have_seen_it_re_keys_the_vault(
    qtbot: Any, backend: Backend, nav: Any, session: Session, vault_dir: Path, tmp_path: Path
) -> None:
    session.engine.create_case("csa", "CSA-1", interviewer="Interviewer One")
    old_header = header_path(vault_dir).read_bytes()
    screen = _screen(qtbot, backend, nav)
    fill(screen, PASSPHRASE, NEW)
    qtbot.mouseClick(screen.rekey, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)
    assert "the old passphrase opens nothing now" in shown(screen, qtbot)
    assert secrets_cleared(screen)
    # The open vault carries on: the interviewer's work is still there and still saves.
    session.engine.create_case("csa", "CSA-2", interviewer="Interviewer One")
    assert {c.reference for c in session.engine.list_cases()} == {"CSA-1", "CSA-2"}
    # A copy of the old header with the old passphrase opens nothing.
    seen = tmp_path / "seen"
    shutil.copytree(vault_dir, seen, ignore=shutil.ignore_patterns(".session.lock"))
    header_path(seen).write_bytes(old_header)
    with pytest.raises(QuietroomError):
        Vault.open(seen, PASSPHRASE)


@pytest.mark.parametrize(
    ("current", "new", "repeat", "says"),
    [
        ("", NEW, NEW, "Type your current passphrase first."),
        (PASSPHRASE, "short", "short", "The new passphrase needs at least 8 characters."),
        (PASSPHRASE, NEW, NEW + "x", "The two new passphrases are not the same."),
        ("not the passphrase", NEW, NEW, "The passphrase is not correct."),
    ],
)
def test_refusals_are_calm_and_change_nothing(
    qtbot: Any,
    backend: Backend,
    nav: Any,
    vault_dir: Path,
    current: str,
    new: str,
    repeat: str,
    says: str,
) -> None:
    before = header_path(vault_dir).read_bytes()
    screen = _screen(qtbot, backend, nav)
    fill(screen, current, new, repeat)
    qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)
    assert shown(screen, qtbot).startswith(says)
    assert header_path(vault_dir).read_bytes() == before
    # The new passphrase never waits on screen after a refusal.
    assert screen.new.text() == "" and screen.repeat.text() == ""


def test_back_goes_to_settings_and_locking_clears(qtbot: Any, backend: Backend, nav: Any) -> None:
    screen = _screen(qtbot, backend, nav)
    fill(screen, PASSPHRASE, NEW)
    screen.clear_content()
    assert secrets_cleared(screen)
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("go", "settings")
