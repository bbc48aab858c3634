"""The hands and eyes of tests/ui/test_walkthrough.py: a person at the real main window
who presses keys on whatever has the focus (never a widget's method, never a click), and
who reads what the window shows, to compare it with what the core holds (read through
the worker, after every task already queued)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QWidget,
)

from app.desktop.session import Session
from app.settings import Settings
from crypto.errors import KeyringUnavailable
from tests.conftest import REPO
from tests.ui.conftest import call, model_texts, visible_texts
from tests.ui.test_signature import draw
from tests.ui.test_workspace import held_texts
from ui.main_window import MainWindow
from ui.widgets.signature_pad import SignaturePad

sys.path.insert(0, str(REPO / "scripts"))
from screen_texts import mnemonic_clashes

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier
WAIT_MS = 20_000


class StillClock:
    """The window's idle clock, standing still: only Ctrl+L locks."""

    def __call__(self) -> float:
        return 1000.0


def no_keyring(*_args: Any, **_kwargs: Any) -> Any:
    raise KeyringUnavailable("none in this test: the passphrase alone protects the vault")


def first_run_window(qtbot: Any, tmp_path: Path) -> MainWindow:
    """The real main window over a directory with no vault yet, shown and active."""
    window = MainWindow(
        Session(tmp_path / "vault"),
        Settings(),
        idle_clock=StillClock(),
        settings_path=tmp_path / "settings.json",
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


class Person:
    """Someone at the window with a keyboard (and, to sign, a pointer)."""

    def __init__(self, qtbot: Any, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    # --- the keyboard ---------------------------------------------------------------------

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def has_focus(self, widget: QWidget) -> bool:
        return QApplication.focusWidget() is widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
        """One key on whatever has the focus, as the keyboard delivers it (shortcuts and
        underlined letters included)."""
        self.qtbot.keyClick(self.focus(), key, modifier)

    def alt(self, letter: str) -> None:
        """A control's underlined letter (Alt+letter). Qt presses a button a moment later
        (its animated click): wait for what the press does."""
        self.press(getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)

    def type(self, text: str) -> None:
        """Type `text`, pressing Return where it has a new line."""
        for number, line in enumerate(text.split("\n")):
            if number:
                self.press(Qt.Key.Key_Return)
            if line:
                self.qtbot.keyClicks(self.focus(), line)

    def tab_to(self, target: QWidget, *, limit: int = 12) -> int:
        """Tab until `target` has the focus (Ctrl+Tab out of the statement, where Tab
        types a tab); how many presses it took."""
        for presses in range(limit + 1):
            widget = self.focus()
            if widget is target:
                return presses
            typing = (
                isinstance(widget, QPlainTextEdit)
                and not widget.tabChangesFocus()
                and not widget.isReadOnly()
            )
            self.press(Qt.Key.Key_Tab, CTRL if typing else NONE)
        raise AssertionError(f"Tab never reached {describe(target)}: {describe(self.focus())}")

    def sign_on(self, pad: SignaturePad) -> None:
        """There is no keyboard way to sign, by design: the pad takes no focus and a
        signature is a stroke, drawn as a person signs (mouse press, moves, release)."""
        draw(self.qtbot, pad, [(30, 50), (60, 30), (90, 80), (140, 60)])

    # --- waiting --------------------------------------------------------------------------

    def wait_for(self, condition: Callable[[], object], timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)

    def wait_screen(self, name: str) -> None:
        self.wait_for(lambda: self.window.current_screen == name)

    def settle(self) -> None:
        """Every task queued so far has run and its answer has reached the screen."""
        self.core(lambda session: None)

    # --- what the core holds, and what the window shows -------------------------------------

    def core(self, fn: Callable[..., Any], *args: Any) -> Any:
        """fn(session, *args) on the worker."""
        return call(self.qtbot, self.window.backend, fn, *args)

    @property
    def screen(self) -> str:
        return self.window.current_screen

    def shown(self) -> str:
        """Every piece of text the window shows now."""
        return "\n".join(visible_texts(self.window))

    def held(self) -> str:
        """Every piece of text any widget holds, shown or not (every list and table too)."""
        views = self.window.findChildren(QAbstractItemView)
        rows = [text for v in views if v.model() is not None for text in model_texts(v.model())]
        return "\n".join([held_texts(self.window), *rows])

    def check_the_keys(self) -> None:
        """Every underlined letter on the screen shown presses one control."""
        clashes = self.mnemonic_clashes()
        assert clashes == [], f"on {self.screen}: {clashes}"

    def mnemonic_clashes(self) -> list[str]:
        """Underlined letters that two visible controls use at once: Qt then presses
        neither, it only moves the focus between them (scripts/screen_texts.py, which the
        screenshots walk uses too)."""
        return mnemonic_clashes(self.window)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.accessibleName()!r}"


def sections(session: Any, ref: str) -> dict[str, str]:
    """The statement's sections as the core stores them (no view is audited)."""
    return {s.id: s.text for s in session.engine.sections(ref)}


def row_texts(tree: Any, row: int = 0) -> list[str]:
    item = tree.topLevelItem(row)
    return [item.text(column) for column in range(item.columnCount())]


def workspace_shows_the_core(p: Person, case_id: str) -> None:
    """The workspace, once its answers are in, shows the case as the core holds it: the
    statement's words, whether it can still change, and the sitting (or none)."""
    ws = p.window.screens["workspace"]
    p.settle()
    case = p.core(lambda s: s.engine.case(case_id))
    stored = p.core(sections, case_id)
    status = p.core(lambda s: s.engine.statement(case_id).status)
    sitting = p.core(lambda s: s.engine.current_sitting(case_id))
    assert ws.reference.text() == case.reference
    assert ws.editor.toPlainText() == stored[ws.section.currentData()]
    signed = status in ("signed", "exported")
    assert ws.editor.isReadOnly() == signed
    assert ws.export.isVisible() == ws.further.isVisible() == signed
    assert ws.readback.isVisible() == (not signed)
    if sitting is None:
        assert not ws.bar.pause.isVisible() and not ws.bar.end.isVisible()
        assert ws.bar.start.isVisible() == (not signed)
        assert ws.bar.state.text() == (
            "The statement is signed: no more sittings" if signed else "No sitting in progress"
        )
    else:
        assert ws.bar.state.text() == f"Sitting {sitting.number}: {sitting.state}"
        assert ws.bar.pause.isVisible() == (sitting.state == "running")
        assert ws.bar.resume.isVisible() == (sitting.state == "paused")
    p.check_the_keys()
