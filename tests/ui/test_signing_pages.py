"""The signing sequence on the desktop, offscreen, with a real vault and worker thread: the
declaration in large print with the page count, each page shown and confirmed (initials
when the organisation asks), Back to the page before, then one signature; a sitting still
open is ended first; the witness's second screen shows what they sign; keyboard only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from app.desktop.session import Session
from app.export.pages import statement_pages
from app.org import org_init, org_set_policy
from tests.ui.conftest import call, visible_texts
from tests.ui.test_signature import draw
from ui import theme
from ui.screens.readback import ReadBackScreen, witness_screen
from ui.screens.signature import DECLARATION, DONE, PAGES, SIGN, SITTING, SignatureScreen
from ui.widgets import readback_displays

REF = "QR-PAGES-1"
WORDS = "We walked past the chapel every day, and nobody asked where we were going. "


def prepare(session: Session, end_sitting: bool = True, ref: str = REF) -> None:
    engine = session.engine
    engine.create_case("general", ref, "Interviewer One")
    engine.set_witness(ref, name="Sam Witness", age_status="over_18")
    engine.start_sitting(ref, location="Swansea")
    engine.save_section(ref, "account", "\n".join(WORDS * 5 for _ in range(12)))
    if end_sitting:
        engine.end_sitting(ref)
    engine.confirm_readback(ref)


@pytest.fixture
def screen(qtbot: Any, backend: Any, nav: Any) -> SignatureScreen:
    widget = SignatureScreen(backend, nav)
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    return widget


def start(qtbot: Any, screen: SignatureScreen, nav: Any) -> None:
    nav.current_case = REF
    screen.entered()
    qtbot.waitUntil(
        lambda: screen.steps.currentIndex() == DECLARATION and screen.show_pages_button.isEnabled(),
        timeout=20_000,
    )


def on_page(qtbot: Any, screen: SignatureScreen, number: int) -> None:
    confirm = screen.page_confirm
    qtbot.waitUntil(
        lambda: (
            (
                confirm.position.text().startswith(f"Page {number} of ")
                and confirm.pages.has_page()
                and confirm.right_button.isEnabled()
            )
            or (confirm.initials_box.isVisible() and confirm.pages.has_page())
        ),
        timeout=20_000,
    )


def press(qtbot: Any, widget: QWidget) -> None:
    """The keyboard's way to press the focused button: Space (Enter presses nothing)."""
    assert widget.hasFocus(), f"the focus is on {QApplication.focusWidget()!r}"
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def test_the_whole_sequence_by_keyboard(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare)
    screen.activateWindow()
    start(qtbot, screen, nav)
    count = call(qtbot, backend, lambda s: len(statement_pages(s.engine, REF)))
    assert count >= 3
    text = screen.declaration.text()
    assert f"This statement (consisting of {count} page(s) each signed by me)" in text
    assert screen.title.text() == "The declaration"
    assert f"The statement has {count} page(s)" in screen.declaration_step.hint.text()
    qtbot.waitUntil(
        lambda: call(qtbot, backend, lambda s: s.engine.declaration_shown_at(REF)) is not None,
        timeout=20_000,
    )
    # The declaration is large: half as large again as the interface text, at least.
    assert screen.declaration.label.font().pointSizeF() >= 1.5 * QApplication.font().pointSizeF()
    qtbot.waitUntil(screen.show_pages_button.hasFocus, timeout=20_000)
    press(qtbot, screen.show_pages_button)
    assert screen.steps.currentIndex() == PAGES and screen.title.text() == "The pages"
    confirm = screen.page_confirm
    on_page(qtbot, screen, 1)
    assert confirm.position.text() == f"Page 1 of {count}"
    assert not confirm.initials_box.isVisible()
    # The viewer's own page keys only scroll: no page is passed without a confirmation.
    qtbot.waitUntil(confirm.right_button.hasFocus, timeout=20_000)
    qtbot.keyClick(confirm.right_button, Qt.Key.Key_Backtab)  # Shift+Tab: Back
    qtbot.keyClick(confirm.back_button, Qt.Key.Key_Backtab)  # Shift+Tab: the page
    assert confirm.pages.view.hasFocus()
    for _ in range(12):
        qtbot.keyClick(confirm.pages.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(confirm.pages.view, Qt.Key.Key_End)
    assert confirm.index == 0 and confirm.position.text() == f"Page 1 of {count}"
    qtbot.keyClick(confirm.pages.view, Qt.Key.Key_Tab)  # Tab: Back
    qtbot.keyClick(confirm.back_button, Qt.Key.Key_Tab)  # Tab: This page is right
    press(qtbot, confirm.right_button)
    on_page(qtbot, screen, 2)
    assert confirm.right_button.hasFocus()  # the focus moves on to the next action
    # Back to page 1, then forward again: confirming it again is harmless.
    qtbot.keyClick(confirm.right_button, Qt.Key.Key_Backtab)
    press(qtbot, confirm.back_button)
    on_page(qtbot, screen, 1)
    for number in range(1, count + 1):
        on_page(qtbot, screen, number)
        qtbot.waitUntil(confirm.right_button.hasFocus, timeout=20_000)
        press(qtbot, confirm.right_button)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == SIGN, timeout=20_000)
    confirmed = call(qtbot, backend, lambda s: s.engine.page_confirmations(REF))
    assert [c.page for c in confirmed] == list(range(1, count + 1))
    assert screen.title.text() == "Signature"
    assert screen.sign_declaration.text() == text  # the declaration above the pad
    assert screen.clear_button.hasFocus() and not screen.sign_button.hasFocus()
    assert "Sign in the box. It can be cleared and signed again." in (visible_texts(screen))
    draw(qtbot, screen.pad, [(30, 50), (60, 30), (90, 80), (140, 60)])
    qtbot.mouseClick(screen.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == DONE, timeout=20_000)
    assert screen.title.text() == "The statement is signed"
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "signed"
    # The next step is Export…, and it has the focus: Enter takes it.
    assert screen.export_button.hasFocus() and screen.pad.is_empty()
    assert screen.summary.pages.text() == str(count)


def test_a_sitting_still_open_is_ended_first(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare, False)
    nav.current_case = REF
    screen.entered()
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == SITTING, timeout=20_000)
    assert "Sitting 1 is still open" in screen.sitting.text.text()
    assert screen.title.text() == "Before signing"
    assert call(qtbot, backend, lambda s: s.engine.current_sitting(REF)) is not None
    qtbot.waitUntil(screen.end_sitting_button.hasFocus, timeout=20_000)
    press(qtbot, screen.end_sitting_button)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == DECLARATION, timeout=20_000)
    assert call(qtbot, backend, lambda s: s.engine.current_sitting(REF)) is None


def test_initials_on_each_page_when_the_organisation_asks(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen, tmp_path: Path
) -> None:
    org = tmp_path / "org"
    org_init(org)
    org_set_policy(org, initials_each_page=True)
    member = org / "interviewer"

    def set_up(session: Session) -> None:
        session.engine.import_identity(
            member / "cert.pem", member / "key.pem", member / "age-identity.txt", org / "trust.json"
        )
        prepare(session)

    call(qtbot, backend, set_up)
    start(qtbot, screen, nav)
    screen.show_pages_button.click()
    confirm = screen.page_confirm
    qtbot.waitUntil(confirm.pages.has_page, timeout=20_000)
    assert confirm.initials_box.isVisible()
    assert not confirm.right_button.isEnabled()  # initials first
    count = confirm.count
    for number in range(1, count + 1):
        qtbot.waitUntil(
            lambda n=number: confirm.position.text() == f"Page {n} of {count}", timeout=20_000
        )
        assert confirm.initials_pad.is_empty() and not confirm.right_button.isEnabled()
        draw(qtbot, confirm.initials_pad, [(20, 60), (40, 20), (60, 60)])
        qtbot.waitUntil(confirm.right_button.isEnabled, timeout=20_000)
        confirm.right_button.click()
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == SIGN, timeout=20_000)
    stored = call(qtbot, backend, lambda s: s.engine.page_confirmations(REF))
    assert len(stored) == count and all(c.initials for c in stored)


def test_changed_pages_refuse_signing_and_can_be_shown_again(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare)
    start(qtbot, screen, nav)
    screen.show_pages_button.click()
    confirm = screen.page_confirm
    for number in range(1, 100):
        qtbot.waitUntil(
            lambda n=number: (
                (
                    confirm.position.text().startswith(f"Page {n} of ")
                    and confirm.right_button.isEnabled()
                )
                or screen.steps.currentIndex() == SIGN
            ),
            timeout=20_000,
        )
        if screen.steps.currentIndex() == SIGN:
            break
        confirm.right_button.click()
    # A new day before they sign: the date beside the signature would not be the one shown.
    session_clock = call(qtbot, backend, lambda s: s.engine.clock)
    session_clock.advance(days=1)
    draw(qtbot, screen.pad, [(30, 50), (80, 70)])
    screen.sign_button.click()
    qtbot.waitUntil(screen.message.isVisible, timeout=20_000)
    assert "not the pages the witness confirmed" in screen.message.text()
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "read_back"
    screen.pages_again_button.click()
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == DECLARATION, timeout=20_000)
    assert screen.pad.is_empty()


def test_the_witness_second_screen_shows_what_they_sign(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Offscreen Qt has one screen: it stands in for the second (tests/ui/test_readback.py's
    # pretend_a_second_screen says why, and checks two real ones in another process).
    monkeypatch.setattr(readback_displays, "witness_display", lambda anchor: anchor.screen())
    call(qtbot, backend, prepare)
    readback = ReadBackScreen(backend, nav)
    qtbot.addWidget(readback)
    readback.show()
    nav.current_case = REF
    readback.entered()
    qtbot.waitUntil(readback.confirm.isEnabled, timeout=20_000)
    readback.second_button.click()
    window = readback.second_window()
    assert window is not None and window.isVisible()
    readback.confirm.click()
    qtbot.waitUntil(lambda: ("go", "signature") in nav.calls, timeout=20_000)
    readback.hide()  # the main window's stack shows the signature screen instead
    assert witness_screen() is window and window.isVisible()
    start(qtbot, screen, nav)
    assert "each signed by me" in window.view.toPlainText()
    screen.show_pages_button.click()
    qtbot.waitUntil(lambda: window.view.toPlainText().startswith("Page 1 of "), timeout=20_000)
    assert "Sam Witness" in window.view.toPlainText()
    screen.clear_content()  # locked: the witness's screen closes and keeps nothing
    assert not window.isVisible() and window.view.toPlainText() == ""


def test_200_percent_text_and_accessible_names(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # 200 % as the app sets it (its font and its style sheet), put back afterwards.
    font, sheet = QFont(app.font()), app.styleSheet()
    normal = theme.BASE_POINT_SIZE
    theme.apply(app, "light", 200)
    try:
        call(qtbot, backend, prepare)
        start(qtbot, screen, nav)
        assert screen.declaration.label.font().pointSizeF() >= 3 * normal
        assert screen.show_pages_button.isVisible()
        screen.show_pages_button.click()
        qtbot.waitUntil(screen.page_confirm.pages.has_page, timeout=20_000)
        assert screen.page_confirm.position.font().pointSizeF() >= 2 * normal
        for button in (screen.page_confirm.right_button, screen.page_confirm.back_button):
            corner = button.mapTo(screen, QPoint(button.width(), button.height()))
            assert screen.rect().contains(corner - QPoint(1, 1)), button.text()
        missing = [
            type(w).__name__
            for w in screen.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and w.isVisible()
            and not w.accessibleName()
        ]
        assert missing == []
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)
