"""The first screens offer "Cymraeg / English" before anything else: first run follows the
system locale, choosing switches the whole interface at once (typed passphrases kept,
the focus on the choice), and the choice is saved for the next start, without a vault.

The window is started as ui/main.py starts it: the preferences read from the (per-test)
config folder, their language installed, then the main window."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app import settings as settings_store
from app.desktop.session import Session
from app.engine.clock import FakeClock
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import visible_texts
from ui import i18n, theme
from ui.main_window import MainWindow
from ui.widgets.announce import announcements
from ui.widgets.language_choice import GROUP_NAME, SWITCHED, LanguageChoice
from ui.widgets.secret_field import MASK

TYPED = "slate roof over the quiet bay"  # typed before the switch, never shown


def welsh(context: str, source: str) -> str:
    """The Welsh the catalogue gives `source` (the catalogue must be there and say it)."""
    if not i18n.qm_path("cy").exists():
        pytest.fail("app/resources/i18n/quietroom_cy.qm is missing: 'make' builds it")
    before = i18n.language()
    i18n.install("cy")
    try:
        text = QCoreApplication.translate(context, source)
    finally:
        i18n.install(before)
    assert text and text != source, f"no Welsh for {source!r}"
    return text


SETUP_EN = "Create your vault"
UNLOCK_EN = "Quietroom is locked"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.install("en")  # the next test starts as the suite expects


@pytest.fixture
def locale(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Set the system locale as LANG alone (nothing else that would outrank it)."""

    def set_lang(value: str) -> None:
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LANG", value)

    return set_lang


@pytest.fixture
def start(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """Start the window as ui/main.py does; each is shut down at the end."""
    made: list[MainWindow] = []

    def starting(vault: Path, settings_path: Path | None = None) -> MainWindow:
        prefs = settings_store.load(settings_path)
        i18n.install(prefs.language)
        theme.apply(QApplication.instance(), prefs.theme, prefs.text_scale)  # type: ignore[arg-type]
        window = MainWindow(Session(vault, clock=FakeClock()), prefs, settings_path=settings_path)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield starting
    for window in made:
        window.shutdown()


def on_screen(qtbot: Any, window: MainWindow, name: str) -> Any:
    qtbot.waitUntil(lambda: window.current_screen == name, timeout=15_000)
    screen = window.screens[name]
    if name == "setup":
        qtbot.waitUntil(lambda: screen.keyring is not None, timeout=20_000)
    return screen


def choose(qtbot: Any, chooser: LanguageChoice, language: str) -> None:
    """By keyboard, as a person would: to the choice, an arrow key onto the other one."""
    button = chooser.buttons[chooser.language()]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus, timeout=5_000)
    key = Qt.Key.Key_Left if language == "cy" else Qt.Key.Key_Right  # Cymraeg is first
    qtbot.keyClick(button, key)
    qtbot.waitUntil(lambda: chooser.language() == language, timeout=5_000)


def saved_language() -> str:
    return str(json.loads(settings_store.settings_path().read_text("utf-8"))["language"])


def existing_vault(tmp_path: Path) -> Path:
    vault = tmp_path / "vault"
    session = Session(vault)
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    session.lock()
    return vault


def first_focusable(screen: QWidget) -> QWidget | None:
    widget = screen.nextInFocusChain()
    while widget is not None and widget is not screen:
        if (
            screen.isAncestorOf(widget)
            and widget.isVisible()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


# --- first run follows the system locale --------------------------------------------------


def test_first_run_with_a_welsh_locale_is_in_welsh(
    qtbot: Any, tmp_path: Path, locale: Callable[[str], None], start: Callable[..., MainWindow]
) -> None:
    locale("cy_GB.UTF-8")
    setup = on_screen(qtbot, start(tmp_path / "new"), "setup")
    texts = visible_texts(setup)
    assert setup.title.text() == welsh("SetupScreen", SETUP_EN)
    assert SETUP_EN not in texts
    assert setup.chooser.language() == "cy"
    assert not settings_store.settings_path().exists()  # nothing chosen, nothing written


def test_first_run_with_an_english_locale_is_in_english(
    qtbot: Any, tmp_path: Path, locale: Callable[[str], None], start: Callable[..., MainWindow]
) -> None:
    locale("en_GB.UTF-8")
    setup = on_screen(qtbot, start(tmp_path / "new"), "setup")
    assert setup.title.text() == SETUP_EN
    assert setup.chooser.language() == "en"


# --- choosing on set-up -------------------------------------------------------------------


def test_choosing_switches_set_up_both_ways_and_is_remembered(
    qtbot: Any, tmp_path: Path, locale: Callable[[str], None], start: Callable[..., MainWindow]
) -> None:
    locale("en_GB.UTF-8")
    said: list[str] = []
    announcements().made.connect(lambda text, _assertive: said.append(text))
    window = start(tmp_path / "new")
    setup = on_screen(qtbot, window, "setup")
    title, passphrase = setup.title, setup.passphrase
    qtbot.keyClicks(setup.passphrase, TYPED)
    qtbot.keyClicks(setup.repeat, TYPED)

    choose(qtbot, setup.chooser, "cy")
    assert window.screens["setup"] is setup and setup.title is title  # said again in place
    assert title.text() == welsh("SetupScreen", SETUP_EN)
    assert setup.create_button.text() == welsh("SetupScreen", "&Create the vault")
    assert SETUP_EN not in visible_texts(window)
    assert setup.chooser.buttons["cy"].hasFocus()  # the focus stays on the choice
    assert saved_language() == "cy"  # saved at once, with no vault yet
    qtbot.waitUntil(lambda: SWITCHED["cy"] in said, timeout=5_000)
    # What was typed is still there, and still shown as the mask only.
    assert passphrase.text() == TYPED and setup.repeat.text() == TYPED
    for field in (passphrase, setup.repeat):
        assert QLineEdit.text(field) == field.displayText() == MASK * len(TYPED)

    choose(qtbot, setup.chooser, "en")
    assert title.text() == SETUP_EN
    assert setup.chooser.buttons["en"].hasFocus()
    assert saved_language() == "en"
    assert passphrase.text() == TYPED

    choose(qtbot, setup.chooser, "cy")
    window.shutdown()
    window.close()
    # The next start (its locale still English) reads the choice from the settings file.
    again = on_screen(qtbot, start(tmp_path / "new"), "setup")
    assert again.title.text() == welsh("SetupScreen", SETUP_EN)
    assert again.chooser.language() == "cy"


def test_the_vault_is_created_with_what_was_typed_before_the_switch(
    qtbot: Any,
    tmp_path: Path,
    locale: Callable[[str], None],
    start: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crypto import kdf, keyring_binding
    from crypto.errors import KeyringUnavailable

    def no_keyring(*_args: Any, **_kwargs: Any) -> Any:
        raise KeyringUnavailable("none in this test: the passphrase alone protects it")

    # Hermetic, as tests/ui/test_walkthrough.py: the suite's fast KDF, no OS keyring.
    monkeypatch.setattr(kdf, "calibrate", lambda *args, **kwargs: FAST_KDF)
    monkeypatch.setattr(keyring_binding, "find_backend", no_keyring)
    locale("en_GB.UTF-8")
    window = start(tmp_path / "new")
    setup = on_screen(qtbot, window, "setup")
    qtbot.keyClicks(setup.passphrase, TYPED)
    qtbot.keyClicks(setup.repeat, TYPED)
    choose(qtbot, setup.chooser, "cy")
    setup.create_button.click()
    qtbot.waitUntil(lambda: window.current_screen == "cases", timeout=60_000)
    window.lock()
    unlock = window.screens["unlock"]
    assert unlock.title.text() == welsh("UnlockScreen", UNLOCK_EN)
    unlock.passphrase.setText(TYPED)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen == "cases", timeout=60_000)


# --- choosing on unlock -------------------------------------------------------------------


def test_choosing_on_unlock_works_the_same(
    qtbot: Any, tmp_path: Path, locale: Callable[[str], None], start: Callable[..., MainWindow]
) -> None:
    vault = existing_vault(tmp_path)
    locale("cy_GB.UTF-8")
    window = start(vault)
    unlock = on_screen(qtbot, window, "unlock")
    assert unlock.title.text() == welsh("UnlockScreen", UNLOCK_EN)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)

    choose(qtbot, unlock.chooser, "en")
    assert unlock.title.text() == UNLOCK_EN
    assert unlock.unlock_button.text() == "&Unlock"
    assert unlock.chooser.buttons["en"].hasFocus()
    assert saved_language() == "en"
    choose(qtbot, unlock.chooser, "cy")
    assert unlock.title.text() == welsh("UnlockScreen", UNLOCK_EN)
    assert UNLOCK_EN not in visible_texts(window)
    assert saved_language() == "cy"

    # The passphrase typed before both switches opens the vault, and the rest is Welsh.
    assert unlock.passphrase.text() == PASSPHRASE
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen == "cases", timeout=60_000)
    assert window.screens["cases"].findChild(QWidget, "title").text() == welsh(
        "CaseListScreen", "Cases"
    )
    window.shutdown()
    window.close()
    again = on_screen(qtbot, start(vault), "unlock")
    assert again.chooser.language() == "cy"


# --- order and names ---------------------------------------------------------------------------


@pytest.mark.parametrize("first_screen", ["setup", "unlock"])
def test_the_choice_is_first_in_the_tab_order(
    qtbot: Any,
    tmp_path: Path,
    locale: Callable[[str], None],
    start: Callable[..., MainWindow],
    first_screen: str,
) -> None:
    locale("en_GB.UTF-8")
    vault = existing_vault(tmp_path) if first_screen == "unlock" else tmp_path / "new"
    window = start(vault)
    window.activateWindow()
    screen = on_screen(qtbot, window, first_screen)
    chooser: LanguageChoice = screen.chooser
    assert first_focusable(screen) is chooser.first()
    # The focus starts in the passphrase field, as before; Shift+Tab reaches the choice,
    # Tab leads back to the passphrase.
    # The window's focus widget, not hasFocus(): that also needs the window to be the
    # active one, which another test's window may briefly take on a busy machine.
    qtbot.waitUntil(lambda: window.focusWidget() is screen.passphrase, timeout=5_000)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Backtab)
    choice = chooser.buttons.values()
    qtbot.waitUntil(lambda: window.focusWidget() in choice, timeout=5_000)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.focusWidget() is screen.passphrase, timeout=5_000)
    # Each language named in itself, never translated; the group says what it is.
    assert chooser.accessibleName() == GROUP_NAME
    assert [b.text() for b in chooser.buttons.values()] == ["Cymraeg", "English"]
    assert [b.accessibleName() for b in chooser.buttons.values()] == ["Cymraeg", "English"]
    choose(qtbot, chooser, "cy")
    assert [b.text() for b in chooser.buttons.values()] == ["Cymraeg", "English"]
    assert chooser.accessibleName() == GROUP_NAME
    assert screen.title.text() not in (SETUP_EN, UNLOCK_EN)
    assert screen.accessibleName() == screen.title.text()  # the title still names it


# --- a settings file that cannot be written -----------------------------------------------


def test_a_choice_that_cannot_be_saved_still_switches_and_says_so(
    qtbot: Any, tmp_path: Path, locale: Callable[[str], None], start: Callable[..., MainWindow]
) -> None:
    locale("en_GB.UTF-8")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the settings folder should be")
    window = start(tmp_path / "new", settings_path=blocked / "settings.json")
    setup = on_screen(qtbot, window, "setup")
    choose(qtbot, setup.chooser, "cy")
    assert setup.title.text() == welsh("SetupScreen", SETUP_EN)
    qtbot.waitUntil(setup.message.isVisible, timeout=5_000)
    assert setup.message.text() == QCoreApplication.translate(
        "LanguageChoice",
        "This language is used until Quietroom closes: it could not be saved on this "
        "computer for next time.",
    )
    assert setup.message.property("kind") == "error"
    assert blocked.is_file()


# --- a pause waiting behind the lock -------------------------------------------------------


def test_a_pause_locked_away_survives_a_language_change_on_unlock(
    qtbot: Any, tmp_path: Path, locale: Callable[[str], None], start: Callable[..., MainWindow]
) -> None:
    vault = existing_vault(tmp_path)
    locale("en_GB.UTF-8")
    window = start(vault)
    on_screen(qtbot, window, "unlock")
    session = window.backend.session
    window.screens["unlock"].passphrase.setText(PASSPHRASE)
    window.screens["unlock"].submit()
    qtbot.waitUntil(lambda: window.current_screen == "cases", timeout=60_000)
    case = session.engine.create_case("csa", "CSA-LANG-1")
    session.engine.start_sitting(case.id)
    window.open_case(case.id)
    window.pause()
    pause: Any = window.screens["pause"]
    qtbot.waitUntil(lambda: pause._recorded, timeout=15_000)
    window.lock()
    unlock = on_screen(qtbot, window, "unlock")
    choose(qtbot, unlock.chooser, "cy")
    assert window.screens["pause"] is pause  # its clock and its sitting are kept
    unlock.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen == "pause", timeout=60_000)
    assert window.stack.currentWidget() is window.screens["pause"]
    pause.resume()
    qtbot.waitUntil(lambda: window.current_screen == "workspace", timeout=15_000)

    def running() -> bool:
        sitting = session.engine.current_sitting(case.id)
        return sitting is not None and sitting.state == "running"

    qtbot.waitUntil(running, timeout=15_000)
    renewed: Any = window.screens["pause"]  # made again, in Welsh, for the next pause
    assert renewed is not pause
    assert renewed.heading.text() == welsh("PauseScreen", "Paused")
