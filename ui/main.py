"""`quietroom`: the desktop application's entry point."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import Any

from app import hygiene, paths
from app import settings as settings_store

# Where Qt's own QSettings (organisation "QtProject") would be written: a path under a
# device file, which no account, root included, can create; reads find nothing there.
NOWHERE = "/dev/null"
LOG = logging.getLogger("quietroom.desktop")
# The one application id: the .desktop file, the AppStream metainfo, the icon's name and
# the Flatpak manifest (packaging/) all use it; Wayland and the X11 WM_CLASS match on it.
APP_ID = "org.quietroom.Quietroom"


def display_available() -> bool:
    if sys.platform != "linux":
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def keep_qt_settings_private(app: Any) -> None:
    """Stop Qt from remembering, outside the vault, which folders its file dialog visited.

    Qt's own (non-native) QFileDialog saves its state when it is destroyed, in
    QSettings(UserScope, "QtProject") group [FileDialog]: `history` and `lastVisited`
    hold the folders and so, often, a case's reference or a survivor's name. Quietroom
    itself keeps no QSettings (its preferences are JSON), so on Linux and the BSDs every
    user-scope QSettings file is pointed at a place that can never be created. Where the
    native store is not a file (the Windows registry, macOS preferences) the group is
    removed again as soon as each file dialog has gone.
    """
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QFileDialog

    if app.property("quietroom_qt_settings_private"):
        return  # once per process is enough
    app.setProperty("quietroom_qt_settings_private", True)
    if sys.platform not in ("win32", "darwin"):
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, NOWHERE)

    class FileDialogForgetter(QObject):
        """Removes what a file dialog saved about itself once it is destroyed."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Show
                and isinstance(watched, QFileDialog)
                and not watched.property("quietroom_forget")
            ):
                watched.setProperty("quietroom_forget", True)
                watched.destroyed.connect(lambda *_: forget_file_dialog_state())
            return False

    app.installEventFilter(FileDialogForgetter(app))  # the application owns it


def app_icon() -> Any:
    """The window icon: the packaged PNG (the frozen build carries it in app/resources/icons,
    a checkout in packaging/icons), else the icon theme's (installed by a package)."""
    from PySide6.QtGui import QIcon

    from app.resources import resource_path

    name = f"{APP_ID}.png"
    for candidate in (
        resource_path("icons", name),
        Path(__file__).resolve().parents[1] / "packaging" / "icons" / "png" / "256" / name,
    ):
        if candidate.is_file():
            return QIcon(str(candidate))
    return QIcon.fromTheme(APP_ID)


def forget_file_dialog_state() -> None:
    """Remove the [FileDialog] group from Qt's own settings, wherever they are kept."""
    from PySide6.QtCore import QSettings

    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    if "FileDialog" in settings.childGroups():
        settings.remove("FileDialog")
        settings.sync()


def main(argv: list[str] | None = None) -> int:
    started = start(argv)
    if started is None:
        return 1
    app, window = started
    close_on_sigterm(window)
    if probe := os.environ.get("QUIETROOM_STARTUP_PROBE"):
        report_shown(window, close_after=probe == "quit")
    code = app.exec()
    window.shutdown()
    return int(code)


def close_on_sigterm(window: Any) -> None:
    """SIGTERM (the session ending, `kill`, the packaged build's smoke test) closes the
    window as its close button does: the vault locked, sync stopped, exit status 0.
    Qt's event loop runs no Python, so the signal wakes it through a socket."""
    if sys.platform == "win32":
        return  # no SIGTERM from the session there; WM_CLOSE reaches closeEvent
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    signal.signal(signal.SIGTERM, lambda *_: window.close())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def drain() -> None:  # running Python here lets the handler above run
        with contextlib.suppress(OSError):
            reader.recv(64)
        _ = writer  # both ends live as long as the notifier's connection

    notifier.activated.connect(drain)


def report_shown(window: Any, *, close_after: bool) -> None:
    """QUIETROOM_STARTUP_PROBE=1 (or =quit, which then closes the window): one line on
    standard error once the window is shown and painted, with its title and the monotonic
    clock, for the packaged build's smoke test and bench/startup_frozen.py."""
    import time

    from PySide6.QtCore import QTimer

    def shown() -> None:
        print(
            f"quietroom: window {window.windowTitle()!r} shown at {time.monotonic():.6f}",
            file=sys.stderr,
            flush=True,
        )
        if close_after:
            window.close()

    QTimer.singleShot(0, shown)  # after one turn of the event loop: shown and painted


def start(argv: list[str] | None = None) -> tuple[Any, Any] | None:
    """Everything up to the shown window: (the QApplication, the main window), or None
    (after saying why) when there is no display. bench/startup.py times it."""
    hygiene.startup(debug="--debug" in (argv or sys.argv[1:]))
    if not display_available():
        print(
            "quietroom: no display is available. Run it on a desktop, or on a virtual "
            "screen: xvfb-run -a quietroom (or QT_QPA_PLATFORM=offscreen for a "
            "headless check).",
            file=sys.stderr,
        )
        return None
    from PySide6.QtWidgets import QApplication

    from app.desktop.session import Session, protect_memory
    from ui import i18n, theme
    from ui.main_window import MainWindow
    from ui.widgets import accessible_roles, combo_popups

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Quietroom")
    app.setApplicationDisplayName("Quietroom")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    keep_qt_settings_private(app)
    prefs = settings_store.load()
    i18n.install(prefs.language)
    theme.apply(app, prefs.theme, prefs.text_scale)
    combo_popups.install(app)  # every drop-down shows its items whole, and is named
    accessible_roles.install()  # headings, named screens (after the QApplication)
    if not protect_memory():  # before any vault is opened in this process
        LOG.warning("SQLCipher's memory security could not be turned on")
    window = MainWindow(Session(paths.vault_dir()), prefs)
    window.show()
    return app, window
