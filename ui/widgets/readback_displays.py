"""The read-back's windows beyond its own screen, and the button that offers them.

With a second screen connected, *Show on second screen* opens the statement there,
full-screen (`SecondScreenWindow`), and the button then closes it. With only one screen,
nothing is opened over the interviewer's controls: a calm line says that no second screen
is connected, and the button offers the read-back full-screen on this screen instead
(`FullScreenReadBack`; Esc or its Close button returns). A screen plugged in or taken
away changes the offer at once, and a second screen taken away closes the window that
was on it. A closed window keeps no text: it is destroyed.

The words are the read-back screen's own, so they are translated under its context
("ReadBackScreen"); the person giving the statement may see them (docs/wording.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QPushButton, QWidget

from ui.screens.base import accessible, plain_label
from ui.widgets.readback_view import (
    DEFAULT_POINT_SIZE,
    FullScreenReadBack,
    SecondScreenWindow,
    witness_display,
)

Window = TypeVar("Window", SecondScreenWindow, FullScreenReadBack)
translate = QCoreApplication.translate  # lupdate finds translate("Context", "…") calls


class ReadBackDisplays(QObject):
    def __init__(
        self, owner: QWidget, text: Callable[[], str], size_step: Callable[[int], None]
    ) -> None:
        """`owner`: the read-back screen (the windows are its children and go with it);
        `text`: the statement as the screen shows it now; `size_step`: Ctrl+wheel in the
        full-screen read-back asks the screen for a size step."""
        super().__init__(owner)
        self._owner, self._text, self._size_step = owner, text, size_step
        self._points = DEFAULT_POINT_SIZE
        self._second: SecondScreenWindow | None = None
        self._full: FullScreenReadBack | None = None
        self.no_second = plain_label(
            translate("ReadBackScreen", "No second screen is connected."),
            owner,
            name="hint",
            wrap=False,
        )
        self.button = QPushButton(owner)
        self.button.clicked.connect(self.toggle)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)
        self.update()  # its words and name from the start, not from a clear

    # --- what the screen asks -------------------------------------------------------------

    def second_window(self) -> SecondScreenWindow | None:
        return self._second

    def full_screen_window(self) -> FullScreenReadBack | None:
        return self._full

    def second_shown(self) -> bool:
        return self._second is not None and self._second.isVisible()

    def toggle(self) -> None:
        if self.second_shown():
            self.close()
            return
        target = witness_display(self._owner)
        if target is None:
            self._open_full_screen()  # never a window over the interviewer's controls
        else:
            self._open_second(target)

    def set_text(self, text: str) -> None:
        for window in (self._second, self._full):
            if window is not None and window.isVisible():
                window.set_text(text)

    def set_point_size(self, points: int) -> None:
        self._points = points
        for window in (self._second, self._full):
            if window is not None:
                window.set_point_size(points)

    def close(self) -> None:
        """Close every window (leaving the screen, locking): none keeps any text."""
        for window in (self._second, self._full):
            if window is not None:
                window.clear()
        self.update()

    # --- the windows ------------------------------------------------------------------------

    def _open_second(self, target: QScreen) -> None:
        if self._second is None:
            self._second = self._owned(SecondScreenWindow(self._owner))
            # Closed by hand (Esc): it is still on the screen while it says so.
            self._second.closed.connect(lambda: self.update(shown=False))
        self._second.set_point_size(self._points)
        self._second.set_text(self._text())
        self._second.show_on(target)
        self.update()

    def _open_full_screen(self) -> None:
        if self._full is None:
            self._full = self._owned(FullScreenReadBack(self._owner))
            self._full.closed.connect(self._full_screen_closed)
            self._full.view.size_step.connect(self._size_step)
        self._full.set_point_size(self._points)
        self._full.set_text(self._text())
        self._full.show_here(self._owner)

    def _owned(self, window: Window) -> Window:
        """A window that is destroyed when it closes: a closed read-back window kept as a
        hidden top-level window would stay in the accessibility tree (issue #18)."""
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _obj=None, gone=window: self._forget(gone))
        return window

    def _forget(self, window: QWidget) -> None:
        if self._second is window:
            self._second = None
        if self._full is window:
            self._full = None

    def _full_screen_closed(self) -> None:
        """Back on the read-back screen, where the interviewer left it."""
        if self._owner.isVisible():
            self._owner.window().activateWindow()
            self.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _screens_changed(self, _screen: QScreen) -> None:
        # The second screen went away: its window would land on the interviewer's.
        if self.second_shown() and witness_display(self._owner) is None:
            assert self._second is not None
            self._second.clear()
        self.update()

    def update(self, shown: bool | None = None) -> None:
        """What the button offers, from what is open and the screens connected now."""
        if shown is None:
            shown = self.second_shown()
        one_screen = not shown and witness_display(self._owner) is None
        self.no_second.setVisible(one_screen)
        if one_screen:
            self.button.setText(
                translate("ReadBackScreen", "Read back full screen on this &screen")
            )
            accessible(
                self.button,
                translate("ReadBackScreen", "Read back full screen on this screen"),
                translate(
                    "ReadBackScreen",
                    "No second screen is connected: shows the statement in large print over "
                    "the whole of this screen; Esc or Close returns",
                ),
            )
        elif shown:
            self.button.setText(translate("ReadBackScreen", "Close the second &screen"))
            accessible(
                self.button,
                translate("ReadBackScreen", "Close the second screen"),
                translate("ReadBackScreen", "Closes the statement on the second screen"),
            )
        else:
            self.button.setText(translate("ReadBackScreen", "Show on second &screen"))
            accessible(
                self.button,
                translate("ReadBackScreen", "Show on second screen"),
                translate(
                    "ReadBackScreen", "Shows the same large text full-screen on the second screen"
                ),
            )
