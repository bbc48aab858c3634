"""The main window: one stack of screens, the pause key, locking, and navigation.

The window title is "Quietroom" and never anything else. F9 replaces the whole window
content at once with the neutral pause screen; Ctrl+L (or idle, or a long pause) locks:
every screen drops its case content and the unlock screen is shown; unlocking returns
to where the interviewer was.

Neither a modal dialog (a file chooser, say) nor a popup may stand in the way: the pause
key and the lock key work while one is open, and pausing or locking closes it first, so
nothing it shows (a folder or file name) stays on the screen.

Sync with the central system runs on the network worker (ui/sync_worker.py), started
after unlocking and halted on lock and shutdown; its quiet indicator sits in the status
bar, shown only on the interviewer's working screens (never on the unlock, pause,
read-back or signature screens, which the survivor may see) and opens the outbox.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QStatusBar,
    QWidget,
)

from app import settings as settings_store
from app.desktop.session import Session
from app.desktop.vault import lock, vault_exists
from app.settings import Settings
from ui import capture, i18n, theme
from ui.backend import Backend
from ui.screen_registry import EAGER, SCREENS, Screens, screen_class
from ui.screens.base import Screen
from ui.sync_worker import SyncWorker
from ui.widgets.announce import forget_announcements
from ui.widgets.screen_stack import PREFERRED, CurrentPageStack, ScreenFrame, fitted
from ui.widgets.sync_indicator import SyncIndicator

LOG = logging.getLogger("quietroom.desktop")
PAUSE_KEY = QKeySequence(Qt.Key.Key_F9)
LOCK_KEY = QKeySequence("Ctrl+L")
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


# Screens that hold nothing of a case: they stay in the window while it is paused.
CASE_FREE = frozenset({"setup", "unlock", "pause"})

# Screens the sync indicator stays off: before unlocking, and what the survivor may see.
NO_INDICATOR = frozenset({"setup", "unlock", "pause", "readback", "signature"})

# Every screen is made the same way: Screen(backend, navigator).
ScreenFactory = Callable[[Backend, "MainWindow"], Screen]


def screen_classes() -> dict[str, ScreenFactory]:
    """Every screen's class (importing every screen module: for tests and screenshots)."""
    return {name: screen_class(name) for name in SCREENS}


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        prefs: Settings,
        *,
        idle_clock: Callable[[], float] = time.monotonic,
        settings_path: Any = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Quietroom")
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(fitted(screen.availableGeometry()))
        else:
            self.resize(PREFERRED)
        self._prefs = prefs
        self._settings_path = settings_path
        self._idle_clock = idle_clock
        self._last_input = idle_clock()
        self._paused_at: float | None = None
        self._case: str | None = None
        self._review: str | None = None
        self._return_to: str | None = None
        self._is_unlocked = False
        self._previous: str | None = None
        self._stale_pause = False  # kept in its old language through a language change
        self.backend = Backend(session, self)
        # The network worker: its own thread, never queued behind the vault worker.
        self.sync = SyncWorker(session, self)
        self.stack = CurrentPageStack(self)
        # While paused, the case screens wait here: a widget that was never shown and has
        # no parent has no window, so no accessibility client can reach what they hold.
        self._held = QWidget()
        self._held.setObjectName("heldWhilePaused")
        self.setCentralWidget(ScreenFrame(self.stack, self))
        self.indicator = SyncIndicator(self)
        self.sync.status_changed.connect(self.indicator.show_status)
        self.indicator.clicked.connect(lambda: self.go("outbox"))
        bar = QStatusBar(self)
        bar.setSizeGripEnabled(False)
        bar.setContentsMargins(0, 0, 8, 4)  # off the window's edge, its border whole
        bar.addPermanentWidget(self.indicator)
        self.setStatusBar(bar)
        bar.hide()
        self.screens = Screens(self._make_screen)
        self._build_screens()
        self._shortcuts()
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(1000)
        self._idle_timer.timeout.connect(self.check_idle)
        self._idle_timer.start()
        self.backend.run(
            vault_exists,
            done=self._first_screen,
            failed=lambda message, code: self._first_screen(True),
        )

    # --- construction -------------------------------------------------------------------

    def _build_screens(self) -> None:
        for name in EAGER:
            self.screens[name]

    def _make_screen(self, name: str) -> Screen:
        screen: Screen = screen_class(name)(self.backend, self)
        self.stack.addWidget(screen)
        # Screens that show sync follow the worker; those that queue work wake it.
        attach = getattr(screen, "attach_sync", None)
        if attach is not None:
            attach(self.sync)
        elif hasattr(screen, "sync_requested"):
            screen.sync_requested.connect(self.sync.wake)
        return screen

    def _shortcuts(self) -> None:
        # Qt blocks these while a modal dialog is open; eventFilter covers that case.
        pause = QShortcut(PAUSE_KEY, self)
        pause.setContext(Qt.ShortcutContext.ApplicationShortcut)
        pause.activated.connect(lambda: self.pause())
        lock = QShortcut(LOCK_KEY, self)
        lock.setContext(Qt.ShortcutContext.ApplicationShortcut)
        lock.activated.connect(self.lock)

    def _first_screen(self, exists: object) -> None:
        self.go("unlock" if exists else "setup")

    # --- Navigator ------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._prefs

    @property
    def current_case(self) -> str | None:
        return self._case

    @property
    def current_review(self) -> str | None:
        return self._review

    @property
    def current_screen(self) -> str:
        widget = self.stack.currentWidget()
        return next((n for n, s in self.screens.built().items() if s is widget), "")

    @property
    def previous_screen(self) -> str | None:
        return self._previous

    def go(self, screen: str) -> None:
        current = self.current_screen
        # Where "Back" from the outbox returns: the last working screen, never one the
        # indicator is not on (a pause, the unlock screen) nor the outbox itself.
        if current != screen and current not in NO_INDICATOR and current != "outbox":
            self._previous = current or None
        if screen != "pause":
            self._bring_back_case_screens()
        target = self.screens[screen]
        self.stack.setCurrentWidget(target)
        self._show_indicator()
        target.entered()
        self._focus_somewhere_on(target)

    def _focus_somewhere_on(self, screen: QWidget) -> None:
        """A screen that placed no focus itself gets it on its first control in Tab
        order: with the focus nowhere, a screen reader says nothing of the new screen."""
        # The window's own focus widget counts too: before the window is first active the
        # application has none, and the screen's choice (set-up's passphrase field, not
        # the language above it) must stand.
        for focused in (QApplication.focusWidget(), self.focusWidget()):
            if focused is not None and screen.isAncestorOf(focused) and focused.isVisible():
                return
        if isinstance(screen, Screen) and screen.places_focus_later():
            return
        widget = screen.nextInFocusChain()
        while widget is not None and widget is not screen:
            if (
                screen.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _show_indicator(self) -> None:
        bar = self.statusBar()
        bar.setVisible(self._is_unlocked and self.current_screen not in NO_INDICATOR)

    def open_case(self, ref: str) -> None:
        self._case = ref
        self.go("workspace")

    def open_review(self, review_id: str) -> None:
        self._review = review_id
        self.go("review_reading")

    def unlocked(self) -> None:
        self._is_unlocked = True
        self._last_input = self._idle_clock()
        destination, self._return_to = self._return_to, None
        # Back on the pause screen after a long pause locked the vault: the sitting is
        # still paused, but the long-pause clock starts again from now.
        self._paused_at = self._last_input if destination == "pause" else None
        self.sync.start()  # the sync key lives in the vault: only now can it run
        self.go(destination or "cases")

    def pause(self, requested_by: str | None = None) -> None:
        """Switch to the pause screen at once, then record the pause in the background."""
        if self.current_screen == "pause":
            self.screens["pause"].resume()  # F9 toggles
            return
        if not self._is_unlocked or self.current_screen in ("unlock", "setup"):
            return
        close_transient_windows()
        workspace = self.screens.built().get("workspace")
        self._paused_from = self.current_screen
        self.go("pause")  # first: nothing of the case stays on screen for a moment longer
        self._paused_at = self._idle_clock()
        getattr(workspace, "remember_place", lambda: None)()
        self._hold_case_screens()
        self.screens["pause"].begin(requested_by)

    def resume(self) -> None:
        self._paused_at = None
        self.go(getattr(self, "_paused_from", None) or "workspace")
        self._renew_pause_screen()
        workspace = self.screens.built().get("workspace")
        getattr(workspace, "sitting_changed", lambda: None)()

    def _hold_case_screens(self) -> None:
        """Take every screen that may hold case content out of the window while paused:
        hidden, they would still be in the accessibility tree, statement and names
        included. They are kept whole (caret, scroll, unsaved text, undo)."""
        forget_announcements(self)
        for name, screen in self.screens.built().items():
            if name not in CASE_FREE and screen.parent() is not self._held:
                self.stack.removeWidget(screen)
                screen.setParent(self._held)

    def _bring_back_case_screens(self) -> None:
        for screen in self.screens.built().values():
            if screen.parent() is self._held:
                self.stack.addWidget(screen)

    def lock(self) -> None:
        if not self._is_unlocked:
            return
        close_transient_windows()
        self._is_unlocked = False
        self._paused_at = None  # a pause that locked the vault has done its work
        current = self.current_screen
        self._return_to = current if current not in ("unlock", "setup", "settings") else None
        for screen in self.screens.built().values():
            screen.clear_content()
        forget_announcements(self)
        self.sync.halt()  # at once, without waiting for a request in flight
        clipboard = QGuiApplication.clipboard()
        if (
            clipboard is not None
            and getattr(self.screens.built().get("workspace"), "owns_clipboard", lambda: False)()
        ):
            clipboard.clear()
        self.backend.run(lock)
        self.go("unlock")

    def apply_settings(self, prefs: Settings) -> bool:
        """Use `prefs` at once and keep them in the settings file (which needs no vault:
        the first screens save a language before one exists). False when the file could
        not be written: they still hold until the app closes."""
        language_changed = prefs.language != self._prefs.language
        self._prefs = prefs.validated()
        try:
            settings_store.save(self._prefs, self._settings_path)
            kept = True
        except OSError as exc:
            LOG.warning("interface preferences could not be saved: %s", exc.strerror or exc)
            kept = False
        app = QApplication.instance()
        theme.apply(app, self._prefs.theme, self._prefs.text_scale)  # type: ignore[arg-type]
        if language_changed:
            i18n.install(self._prefs.language)
            self._retranslate_screens()
            self.indicator.show_status(self.sync.status)
        return kept

    def _retranslate_screens(self) -> None:
        """Every screen in the new language. One that can say itself again in place
        (`retranslate`: set-up and unlock, which keep what was typed and the focus) does
        so; the others are rebuilt, since session state lives here, not in them. A pause
        waiting behind the lock keeps its screen, clock and sitting, until it ends."""
        current = self.current_screen
        in_place = False
        for name, screen in self.screens.built().items():
            retranslate = getattr(screen, "retranslate", None)
            if retranslate is not None:
                retranslate()
                in_place = in_place or name == current
            elif name == "pause" and self._return_to == "pause":
                self._stale_pause = True
            else:
                self.stack.removeWidget(screen)
                screen.deleteLater()
                self.screens.discard(name)
        self._build_screens()
        if not in_place:
            self.go(current or "settings")

    def _renew_pause_screen(self) -> None:
        """The pause screen kept through a language change (above), in the new language
        once its pause has ended."""
        if not self._stale_pause:
            return
        self._stale_pause = False
        screen = self.screens.built().get("pause")
        if screen is not None:
            self.stack.removeWidget(screen)
            screen.deleteLater()
            self.screens.discard("pause")
        self._build_screens()

    # --- idle and long pauses ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._idle_clock()
        if event.type() == QEvent.Type.KeyPress and self._blocked_key(event):  # type: ignore[arg-type]
            return True
        if event.type() == QEvent.Type.WinIdChange and watched is self:
            capture.exclude_from_capture(self)
        return False

    def _blocked_key(self, event: QKeyEvent) -> bool:
        """F9 or Ctrl+L pressed while a modal dialog or a popup holds the keyboard (where
        Qt does not deliver application shortcuts): act on it here."""
        if QApplication.activeModalWidget() is None and QApplication.activePopupWidget() is None:
            return False
        keys = QKeySequence(event.keyCombination())
        if keys not in (PAUSE_KEY, LOCK_KEY):
            return False
        event.accept()
        if not event.isAutoRepeat():  # a held key must not pause and resume at once
            if keys == PAUSE_KEY:
                self.pause()
            else:
                self.lock()
        return True

    def check_idle(self) -> None:
        if not self._is_unlocked:
            return
        limit = self._prefs.autolock_minutes * 60
        now = self._idle_clock()
        long_pause = self._paused_at is not None and now - self._paused_at >= limit
        if now - self._last_input >= limit or long_pause:
            self.lock()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        capture.exclude_from_capture(self)

    def shutdown(self) -> None:
        self._idle_timer.stop()
        # Screens held out of the window while paused go back into it, to end with it
        # (held, they would outlive it, timers and all).
        self._bring_back_case_screens()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.sync.halt()
        self.backend.shutdown()  # locks the vault: a pass in flight ends at its next step
        self.sync.stop()

    def closeEvent(self, event: QEvent) -> None:
        self.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]


def close_transient_windows() -> None:
    """Close every open popup (menu, list) and modal dialog (a file chooser, say), newest
    first, as Cancel would: before a pause or a lock nothing may stay on top of it."""
    tried: list[QWidget] = []  # one attempt each: a widget that stays open cannot loop
    while (popup := QApplication.activePopupWidget()) is not None and not any(
        popup is w for w in tried
    ):
        tried.append(popup)
        popup.close()
    while (modal := QApplication.activeModalWidget()) is not None and not any(
        modal is w for w in tried
    ):
        tried.append(modal)
        _dismiss(modal)


def _dismiss(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()  # ends its exec() with "cancelled"; its caller carries on
    else:
        widget.close()
    if widget.isVisible():  # it refused to close: at least take it off the screen
        widget.hide()
