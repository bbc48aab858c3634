"""Every screen fits the screen (#15 items 8 and 9): English and Welsh, 100 % and 200 %
text, on a 1366x768 and a 1600x1000 monitor. The window never asks for more than the
screen has, no control is outside it, no label is cut off or breaks inside a word, no tab
is hidden. The screenshots script walks every screen and checks each with
scripts/layout_rules.py; here it runs in a child process whose offscreen monitor is the
size under test (Qt's offscreen screen is set at start-up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from layout_rules import problems

SCREENS = {
    "unlock", "cases", "workspace", "pause", "readback", "signature", "settings",
    "passphrase", "cases-supervisor", "review-inbox", "review-inbox-failed",
    "review-reading", "review-restricted", "review-decision", "decisions", "outbox",
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("size", ["1366x768", "1600x1000"])
def test_every_screen_fits(tmp_path: Path, size: str) -> None:
    report = tmp_path / "layout.json"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [sys.executable, "scripts/screenshots.py", str(tmp_path), "--size", size,
         "--report", str(report)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(report.read_text(encoding="utf-8"))
    shots = {f"{screen}-{lang}-{scale}" for screen in SCREENS for lang in ("en", "cy")
             for scale in (100, 200)}  # fmt: skip
    assert shots <= set(found), sorted(shots - set(found))
    unfit = {name: why for name, why in found.items() if why}
    assert not unfit, json.dumps(unfit, indent=1)


# --- the rules themselves find what they are for ------------------------------------------

AVAILABLE = QRect(0, 0, 800, 600)


def window(qtbot: Any, *children: QWidget, width: int = 400) -> QWidget:
    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    for child in children:
        row.addWidget(child)
    root.resize(width, 200)
    root.show()
    qtbot.waitExposed(root)
    return root


def test_a_fitting_window_has_no_problems(qtbot: Any) -> None:
    label = QLabel("A short line")
    assert problems(window(qtbot, label), AVAILABLE) == []


def test_a_cut_off_line_is_found(qtbot: Any) -> None:
    label = QLabel("A line far too long to fit in the small space it is given here")
    label.setMinimumWidth(10)
    label.setMaximumWidth(60)
    found = problems(window(qtbot, label), AVAILABLE)
    assert any("text cut off" in f for f in found), found


def test_a_word_breaking_inside_is_found(qtbot: Any) -> None:
    label = QLabel("Rhoi datganiad gwrthgyferbyniadol")
    label.setWordWrap(True)
    label.setMaximumWidth(50)
    found = problems(window(qtbot, label), AVAILABLE)
    assert any("a word breaks inside" in f for f in found), found


def test_a_squeezed_button_and_a_wide_window_are_found(qtbot: Any) -> None:
    button = QPushButton("Ychwanegu at y llinell amser")
    button.setMaximumWidth(40)
    root = window(qtbot, button, width=900)
    found = problems(root, AVAILABLE)
    assert any("QPushButton" in f and "cut off" in f for f in found), found
    assert any("the window is 900x" in f for f in found), found


def test_a_hidden_tab_is_found(qtbot: Any) -> None:
    tabs = QTabWidget()
    for name in ("Llinell amser", "Nodiadau", "Arddangosion"):
        tabs.addTab(QWidget(), name)
    tabs.setMaximumWidth(150)
    found = problems(window(qtbot, tabs), AVAILABLE)
    assert any("tab" in f and "cut off" in f for f in found), found


def test_a_cut_off_column_header_is_found(qtbot: Any) -> None:
    tree = QTreeWidget()
    tree.setHeaderLabels(["Cyfeirnod", "Diweddarwyd ddiwethaf"])
    tree.header().setStretchLastSection(False)
    tree.header().resizeSection(1, 30)
    found = problems(window(qtbot, tree), AVAILABLE)
    assert any("column header" in f for f in found), found
