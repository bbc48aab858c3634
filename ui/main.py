"""`quietroom`: the desktop application's entry point."""

from __future__ import annotations

import os
import sys

from app import hygiene, paths
from app import settings as settings_store


def display_available() -> bool:
    if sys.platform != "linux":
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    hygiene.startup(debug="--debug" in (argv or sys.argv[1:]))
    if not display_available():
        print("quietroom: no display is available. Run it on a desktop, or on a virtual "
              "screen: xvfb-run -a quietroom (or QT_QPA_PLATFORM=offscreen for a "
              "headless check).", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from app.session import Session
    from ui import i18n, theme
    from ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Quietroom")
    app.setApplicationDisplayName("Quietroom")
    prefs = settings_store.load()
    i18n.install(prefs.language)
    theme.apply(app, prefs.theme, prefs.text_scale)
    window = MainWindow(Session(paths.vault_dir()), prefs)
    window.show()
    code = app.exec()
    window.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
