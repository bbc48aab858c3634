"""The signature screen's two ends (#15 item 18): with nothing drawn, *Sign the statement*
is disabled and looks it (in every theme) while a line says what comes first; once
signed, a short summary at the top with *Export…* as the next step."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.desktop.types import parse_stamp
from tests.ui.conftest import call, visible_texts
from tests.ui.test_signature import REF, draw, prepare, screen, to_the_pad  # noqa: F401 (fixture)
from ui import theme
from ui.dates import day_time
from ui.screen_registry import SCREENS
from ui.screens.signature import DONE, SignatureScreen


def fill_colour(button: QPushButton) -> QColor:
    """The colour of the button's face, away from its edge and its words."""
    image = button.grab().toImage()
    return image.pixelColor(image.width() - 4, image.height() // 2)


@pytest.mark.parametrize("name", sorted(theme.PALETTES))
def test_a_disabled_main_button_looks_disabled(qtbot: Any, name: str) -> None:
    """The main button's id used to outrank :disabled in the style sheet, so a Sign button
    that could not be pressed looked exactly like one that could."""
    box = QWidget()
    box.setObjectName("screen")
    box.setStyleSheet(theme.style_sheet(name, 100))  # the theme on this box only
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    ready, waiting, plain_off = (QPushButton("Sign the statement", box) for _ in range(3))
    for button in (ready, waiting):
        button.setObjectName("primary")
    waiting.setEnabled(False)
    plain_off.setEnabled(False)
    for button in (ready, waiting, plain_off):
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus ring in the way
        row.addWidget(button)
    box.show()
    qtbot.waitExposed(box)
    assert fill_colour(waiting) != fill_colour(ready)
    # A disabled main button looks like any other disabled button.
    assert fill_colour(waiting) == fill_colour(plain_off)


def test_after_signing_a_short_summary_with_export_next(
    qtbot: Any,
    backend: Any,
    nav: Any,
    screen: SignatureScreen,  # noqa: F811 (the fixture from test_signature)
) -> None:
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    draw(qtbot, screen.pad, [(30, 50), (60, 30), (90, 80), (140, 60)])
    qtbot.mouseClick(screen.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == DONE, timeout=20_000)
    assert screen.title.text() == "The statement is signed"
    summary = screen.summary
    assert summary.reference.text() == REF and summary.reference.isVisible()
    assert summary.reference.textFormat() == Qt.TextFormat.PlainText
    signed = call(qtbot, backend, lambda s: s.engine.statement(REF).signed)
    assert summary.signed_at.text() == day_time(parse_stamp(signed))
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d", summary.signed_at.text())
    confirmed = call(qtbot, backend, lambda s: s.engine.page_confirmations(REF))
    assert summary.pages.text() == str(confirmed[-1].pages)
    texts = visible_texts(screen)
    for words in ("Case reference", "Signed", "Pages", "Export…", "&Back to cases"):
        assert words in texts or words.replace("…", "") in [t.replace("&", "") for t in texts]
    assert not screen.message.isVisible()  # the heading says it: no box repeating it
    # Near the top, under the heading: no empty box between them.
    assert summary.reference.mapTo(screen, QPoint(0, 0)).y() < 160
    assert summary.export_button.mapTo(screen, QPoint(0, 0)).y() < 260
    # Export… is the next step: the main button, the default, with the focus.
    export = screen.export_button
    assert export.objectName() == "primary" and export.isDefault() and export.hasFocus()
    assert export.accessibleName() == "Export"
    assert screen.cases_button.isVisible() and not screen.readback_button.isVisible()
    qtbot.keyClick(export, Qt.Key.Key_Return)
    # The same screen the workspace's Export… opens, for the case being signed.
    assert nav.calls[-1] == ("go", "export") and nav.current_case == REF
    assert SCREENS["export"] == ("bundles", "ExportScreen")
    qtbot.mouseClick(screen.cases_button, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("go", "cases")


def test_a_statement_found_signed_shows_only_what_is_known(
    qtbot: Any,
    backend: Any,
    nav: Any,
    screen: SignatureScreen,  # noqa: F811 (the fixture from test_signature)
) -> None:
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    draw(qtbot, screen.pad, [(30, 50), (80, 70)])
    screen.sign_button.click()
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == DONE, timeout=20_000)
    screen.entered()  # a later visit: the core says only that it is signed
    qtbot.waitUntil(
        lambda: screen.steps.currentIndex() == DONE and screen.summary.reference.isVisible(),
        timeout=20_000,
    )
    summary = screen.summary
    assert summary.reference.text() == REF
    assert not summary.signed_at.isVisible() and not summary.pages.isVisible()  # not guessed
    assert screen.export_button.isDefault() and screen.export_button.hasFocus()
    screen.clear_content()  # locked: nothing of the case stays
    assert summary.reference.text() == "" and not screen.export_button.isDefault()
