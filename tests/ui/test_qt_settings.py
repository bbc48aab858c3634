"""Nothing about case files may persist outside the vault: Qt's own file dialog must not
leave the folders it visited in ~/.config/QtProject.conf ([FileDialog] history and
lastVisited), while Quietroom's own JSON preferences keep working.

Each check runs in a fresh interpreter, because Qt reads XDG_CONFIG_HOME and its
QSettings paths only once per process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CASE_FOLDER = "CSA-2026-042 Alexandra Quill"

SCRIPT = r"""
import gc, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

platform, folder = sys.argv[1], sys.argv[2]
app = QApplication([])
real_platform, sys.platform = sys.platform, platform  # "darwin": exercise the fallback
from ui.main import keep_qt_settings_private
keep_qt_settings_private(app)
sys.platform = real_platform

# A dialog made by hand, opened with exec() and cancelled…
dialog = QFileDialog(None, "Open a bundle", folder)
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
dialog.selectFile("statement.qrb")
QTimer.singleShot(100, dialog.reject)
dialog.exec()
del dialog
gc.collect()
# …and one from the static helper the screens use, accepted with a file chosen.
def choose():
    box = QApplication.activeModalWidget()
    box.findChild(QLineEdit, "fileNameEdit").setText("statement.qrb")  # as typed
    box.accept()
    QTimer.singleShot(5000, box.reject)  # never hang if it was not accepted
QTimer.singleShot(100, choose)
name, _ = QFileDialog.getOpenFileName(None, "Open a bundle", folder,
                                      options=QFileDialog.Option.DontUseNativeDialog)
assert name.endswith("statement.qrb"), name

from app import settings
settings.save(settings.Settings(language="cy", autolock_minutes=7))
loaded = settings.load()
assert (loaded.language, loaded.autolock_minutes) == ("cy", 7), loaded
print("GROUPS", QSettings(QSettings.Scope.UserScope, "QtProject").childGroups())
"""


def run_dialogs(tmp_path: Path, platform: str) -> tuple[str, Path, Path]:
    config, home = tmp_path / "config", tmp_path / "home"
    config.mkdir()
    home.mkdir()
    folder = tmp_path / "files" / CASE_FOLDER
    folder.mkdir(parents=True)
    (folder / "statement.qrb").write_bytes(b"bundle")
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(config),
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, platform, str(folder)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, config, home


def remembered(*roots: Path) -> list[str]:
    """Every file under roots that mentions the case folder or Qt's dialog history."""
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                if b"CSA-2026-042" in data or b"lastVisited" in data or b"history=" in data:
                    found.append(str(path.relative_to(root)))
    return found


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="QSettings files: Unix")
def test_the_file_dialog_leaves_no_qtproject_conf(tmp_path: Path) -> None:
    out, config, home = run_dialogs(tmp_path, sys.platform)
    assert "GROUPS []" in out
    assert not list(config.rglob("QtProject.conf")) and not list(home.rglob("QtProject.conf"))
    assert remembered(config, home) == []
    # Quietroom's own preferences are still written, where they always were.
    assert (config / "quietroom" / "settings.json").is_file()


def test_where_qt_keeps_native_settings_the_group_is_removed(tmp_path: Path) -> None:
    # As on Windows and macOS, where the path of the native store cannot be redirected:
    # the [FileDialog] group is removed as soon as each dialog has gone.
    out, config, home = run_dialogs(tmp_path, "darwin")
    assert "GROUPS []" in out
    assert remembered(config, home) == []
