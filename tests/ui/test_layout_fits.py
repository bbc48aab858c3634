"""Every screen fits the screen (#15 items 8 and 9): English and Welsh, 100 % and 200 %
text, on a 1366x768 and a 1600x1000 monitor. The window never asks for more than the
screen has, no control is outside it, no label is cut off or breaks inside a word, no tab
is hidden. The screenshots script walks every screen and checks each with
scripts/layout_rules.py; here it runs in a child process whose offscreen monitor is the
size under test (Qt's offscreen screen is set at start-up).

The same walk shows Welsh on equal terms (#19 §1, §3): no text, tooltip or accessible name
on a Welsh screen is the English one (but for a short list of words that are the same in
both, the fictional case's own words, and the supervisor's checklist, English until a
Welsh one is reviewed), and Welsh underlines no letter twice where English does not."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
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


@pytest.fixture(scope="module", params=["1366x768", "1600x1000"])
def walk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The screenshots script's walk on a monitor of one size: what does not fit, and
    what each screen says (scripts/screen_texts.py), by screenshot name."""
    out = tmp_path_factory.mktemp(f"walk-{request.param}")
    report, texts = out / "layout.json", out / "texts.json"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [sys.executable, "scripts/screenshots.py", str(out), "--size", request.param,
         "--report", str(report), "--texts", str(texts)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return (
        json.loads(report.read_text(encoding="utf-8")),
        json.loads(texts.read_text(encoding="utf-8")),
    )


@pytest.mark.slow
def test_every_screen_fits(walk: Any) -> None:
    found, _texts = walk
    shots = {f"{screen}-{lang}-{scale}" for screen in SCREENS for lang in ("en", "cy")
             for scale in (100, 200)}  # fmt: skip
    assert shots <= set(found), sorted(shots - set(found))
    unfit = {name: why for name, why in found.items() if why}
    assert not unfit, json.dumps(unfit, indent=1)


# Words that are the same in both languages on purpose: the categories' and the ISVA's
# abbreviations, the text-size buttons, each language's own name on the language choice,
# and "Problem", which is Welsh too.
SAME_IN_BOTH = {
    "CSA", "APSP", "ISVA", "IS&VA", "A+", "A\u2212", "Cymraeg", "English",
    "Iaith / Language", "Problem", "Quietroom",
}  # fmt: skip
# The fictional case the walk shows (scripts/screenshots.py): the survivor's and the
# staff's words and names are the case's, not the app's.
CASE_WORDS = (
    "Carys", "-2026-", "Heol y Nant", "Interviewer One", "Supervisor One", "Jo Evans",
    "Sam Lewis", "Llandeilo", "Cardiff", "the farm", "nearer the window",
)  # fmt: skip


def checklist_texts() -> set[str]:
    """The supervisor's checklist, English in every interface until a Welsh one is
    reviewed (DECISIONS: "Welsh checklist text falls back to English until reviewed")."""
    from app.guides.catalog import guide_for_category

    return {item.text for category in ("csa", "apsp", "general")
            for item in guide_for_category(category).checklist}  # fmt: skip


@pytest.mark.slow
def test_nothing_in_english_is_left_on_a_welsh_screen(walk: Any) -> None:
    _found, texts = walk
    checklist = checklist_texts()
    english: dict[str, list[str]] = {}
    for name, said in texts.items():
        if "-cy-" not in name:
            continue
        same = set(said["texts"]) & set(texts[name.replace("-cy-", "-en-")]["texts"])
        for text in same:
            if (
                not re.search("[A-Za-z]", text)
                or text in SAME_IN_BOTH
                or any(word in text for word in CASE_WORDS)
                or any(item in text for item in checklist)
            ):
                continue
            english.setdefault(name, []).append(text)
    assert not english, json.dumps(english, indent=1, ensure_ascii=False)


@pytest.mark.slow
def test_welsh_underlines_no_letter_twice_where_english_does_not(walk: Any) -> None:
    _found, texts = walk
    worse = {
        name: said["clashes"]
        for name, said in texts.items()
        if "-cy-" in name
        and len(said["clashes"]) > len(texts[name.replace("-cy-", "-en-")]["clashes"])
    }
    assert not worse, json.dumps(worse, indent=1, ensure_ascii=False)


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
