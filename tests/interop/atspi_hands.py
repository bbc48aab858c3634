"""The hands for tests/interop/atspi_driver.py: the real main window on Xvfb with Qt's
AT-SPI bridge on, and what a person at it does and waits for (keys to the widget with the
focus, a stroke on the signature pad, a checkpoint said when the focus stands still).
The story itself, and what it types, is atspi_driver.py's."""

from __future__ import annotations

import json
import os
import select
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

WAIT_S = 30.0
STILL_S = 0.15  # the focus stands still this long before a checkpoint is said


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Hands:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.stdin = b""
        self.step = "starting"
        from PySide6.QtGui import QAccessible
        from PySide6.QtWidgets import QApplication

        from app.desktop.session import Session
        from app.settings import Settings
        from crypto import kdf, keyring_binding
        from crypto.errors import KeyringUnavailable
        from tests.conftest import FAST_KDF
        from ui import i18n, theme
        from ui.main import keep_qt_settings_private
        from ui.main_window import MainWindow
        from ui.widgets import accessible_roles, combo_popups

        # As tests/ui/test_walkthrough.py: the suite's fast KDF, no OS keyring.
        def no_keyring(*_args: Any, **_kwargs: Any) -> Any:
            raise KeyringUnavailable("none in this test: the passphrase alone protects it")

        kdf.calibrate = lambda *args, **kwargs: FAST_KDF
        keyring_binding.find_backend = no_keyring

        # As ui/main.py starts the application (its name is the one on the bus).
        self.app = QApplication(["quietroom"])
        self.app.setApplicationName("Quietroom")
        self.app.setApplicationDisplayName("Quietroom")
        keep_qt_settings_private(self.app)
        prefs = Settings()
        i18n.install(prefs.language)
        theme.apply(self.app, prefs.theme, prefs.text_scale)
        combo_popups.install(self.app)
        accessible_roles.install()  # headings and named screens, as ui/main.py does
        self.accessible = QAccessible
        self.window: Any = MainWindow(
            Session(workdir / "vault"),
            prefs,
            idle_clock=lambda: 1000.0,  # standing still: only Ctrl+L locks
            settings_path=workdir / "settings.json",
        )

    # --- waiting --------------------------------------------------------------------------

    def spin(self, ms: int = 10) -> None:
        """Run Qt's event loop for `ms`: calls from the bus are answered as they come
        (QTest.qWait sleeps between its passes, which makes every call wait)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(self, condition: Callable[[], object], what: str, timeout: float = WAIT_S) -> None:
        """Let Qt run (the bus is answered meanwhile) until `condition` holds."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"after {timeout:.0f} s, still waiting for {what}")
            self.spin(20)

    def wait_screen(self, name: str) -> None:
        self.wait_for(lambda: self.window.current_screen == name, f"the {name} screen")

    def settle(self) -> None:
        """Until the worker has nothing queued and the focus has stood still for a moment
        (a screen's answers can move it once more after the screen is shown)."""
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + WAIT_S
        still_since, last = time.monotonic(), QApplication.focusWidget()
        while True:
            self.spin(20)
            now, widget = time.monotonic(), QApplication.focusWidget()
            if widget is not last or self.window.backend.pending:
                still_since, last = now, widget
            elif now - still_since >= STILL_S:
                return
            if now > deadline:
                raise TimeoutError(
                    f"after {WAIT_S:.0f} s the worker or the focus is still moving "
                    f"({self.window.backend.pending} tasks queued) at {self.step}"
                )

    def focus_line(self) -> str:
        """The widget with the focus, as Qt's accessibility names it (what the bridge
        puts on the bus): `role=ROLE focus="NAME"`, or `focus-none`."""
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        if widget is None:
            return "focus-none"
        iface = self.accessible.queryAccessibleInterface(widget)
        if iface is None or not iface.isValid():
            return f"role=none focus={json.dumps(widget.accessibleName())}"
        name = iface.text(self.accessible.Text.Name)
        return f"role={iface.role().name} focus={json.dumps(name)}"

    def message(self, key: str, text: str) -> None:
        """A message the window shows now, for the test to look for on the bus."""
        say(f"msg {key} {json.dumps(text)}")

    def checkpoint(self, label: str) -> None:
        """Say where we are and where the focus is, then wait for "go" on stdin,
        answering the bus meanwhile."""
        self.settle()
        say(f"at {label} {self.focus_line()}")
        deadline = time.monotonic() + 300
        while b"\n" not in self.stdin:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no 'go' after the checkpoint {label}")
            self.spin(10)
            while select.select([sys.stdin], [], [], 0)[0]:
                chunk = os.read(sys.stdin.fileno(), 1024)
                if not chunk:
                    raise EOFError(f"stdin closed at the checkpoint {label}")
                self.stdin += chunk
        line, self.stdin = self.stdin.split(b"\n", 1)
        if line.strip() != b"go":
            raise ValueError(f"expected 'go' at {label}, got {line!r}")

    # --- the keyboard -------------------------------------------------------------------------

    def focus(self) -> Any:
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        if widget is None:
            raise AssertionError(f"nothing has the keyboard focus ({self.step})")
        return widget

    def has_focus(self, widget: Any) -> bool:
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget() is widget

    def press(self, key: Any, modifier: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(self.focus(), key, modifier or Qt.KeyboardModifier.NoModifier)
        self.spin(5)

    def alt(self, letter: str) -> None:
        """A control's underlined letter (Alt+letter), on whatever has the focus."""
        from PySide6.QtCore import Qt

        self.press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)

    def type(self, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(self.focus(), text)
        self.spin(5)

    def tab_to(self, target: Any, limit: int = 15) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QPlainTextEdit

        for _ in range(limit):
            widget = self.focus()
            if widget is target:
                return
            typing = (  # where Tab types a tab, Ctrl+Tab moves on (as test_walkthrough)
                isinstance(widget, QPlainTextEdit)
                and not widget.tabChangesFocus()
                and not widget.isReadOnly()
            )
            self.press(
                Qt.Key.Key_Tab,
                Qt.KeyboardModifier.ControlModifier if typing else Qt.KeyboardModifier.NoModifier,
            )
        if self.focus() is not target:
            raise AssertionError(f"Tab never reached {target!r}: {self.focus()!r}")

    def draw(self, pad: Any, points: list[tuple[int, int]]) -> None:
        """A stroke as a person signs (press, moves with the button held, release), as
        tests/ui/test_signature.py's draw: QTest's mouseMove cannot hold a button."""
        from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(pad, left, none, QPoint(*points[0]))
        for x, y in points[1:]:
            pos = QPointF(x, y)
            move = QMouseEvent(
                QEvent.Type.MouseMove, pos, QPointF(pad.mapToGlobal(pos)),
                Qt.MouseButton.NoButton, left, none,
            )  # fmt: skip
            QApplication.sendEvent(pad, move)
        QTest.mouseRelease(pad, left, none, QPoint(*points[-1]))
        self.spin(5)

    # --- the end --------------------------------------------------------------------------

    def describe(self) -> str:
        from PySide6.QtWidgets import QApplication

        if not hasattr(self, "window"):
            return f"driver step: {self.step}; no window"
        widget = QApplication.focusWidget()
        focus = f"{type(widget).__name__} {widget.accessibleName()!r}" if widget else "nothing"
        return (
            f"driver step: {self.step}; screen: {self.window.current_screen!r}; "
            f"focus: {focus}; active window: {self.window.isActiveWindow()}"
        )

    def close(self) -> None:
        try:
            self.window.shutdown()
            self.window.close()
            self.spin(50)
        except Exception:
            traceback.print_exc()
