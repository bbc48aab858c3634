"""The signature pad (mouse, pen, touch) and signing the statement from the signature screen
(after the declaration and each page are confirmed: tests/ui/test_signing_pages.py walks
that sequence in detail)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.desktop.session import Session
from app.engine.statements import STROKES_TYPE
from app.render.signature_art import from_json
from tests.ui.conftest import call, visible_texts
from ui.screens.signature import DECLARATION, DONE, SIGN, SignatureScreen
from ui.widgets.signature_pad import SignaturePad

REF = "QR-SIGN-1"


def prepare(session: Session, confirmed: bool = True) -> None:
    engine = session.engine
    engine.create_case("general", REF, "Interviewer One")
    engine.set_witness(REF, name="Sam Witness", age_status="over_18")
    engine.save_section(REF, "introduction", "My name is Sam.")
    engine.save_section(REF, "account", "It happened at the youth club.")
    engine.start_readback(REF)
    if confirmed:
        engine.confirm_readback(REF)


def to_the_pad(qtbot: Any, screen: SignatureScreen, nav: Any) -> None:
    """Enter the screen and go through the declaration and every page to the pad."""
    nav.current_case = REF
    screen.entered()
    qtbot.waitUntil(
        lambda: screen.steps.currentIndex() == DECLARATION and screen.show_pages_button.isEnabled(),
        timeout=20_000,
    )
    screen.show_pages_button.click()
    confirm = screen.page_confirm
    while screen.steps.currentIndex() != SIGN:
        qtbot.waitUntil(
            lambda: confirm.right_button.isEnabled() or screen.steps.currentIndex() == SIGN,
            timeout=20_000,
        )
        if screen.steps.currentIndex() != SIGN:
            confirm.right_button.click()  # busy at once: disabled until the next page
    assert screen.pad.isVisible()


def move(widget: QWidget, x: float, y: float) -> None:
    """A mouse move with the left button held (QTest's mouseMove cannot hold a button)."""
    pos = QPointF(x, y)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def draw(qtbot: Any, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        move(pad, x, y)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


@pytest.fixture
def pad(qtbot: Any) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(600, 240)
    widget.show()
    return widget


@pytest.fixture
def screen(qtbot: Any, backend: Any, nav: Any) -> SignatureScreen:
    widget = SignatureScreen(backend, nav)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def test_mouse_strokes_and_json(qtbot: Any, pad: SignaturePad) -> None:
    assert pad.is_empty()
    changes: list[bool] = []
    pad.changed.connect(lambda: changes.append(True))
    draw(qtbot, pad, [(20, 100), (40, 80), (60, 120), (80, 90)])
    draw(qtbot, pad, [(150, 100), (200, 101)])
    assert not pad.is_empty() and changes
    strokes = pad.strokes()
    assert strokes == [
        [(20.0, 100.0), (40.0, 80.0), (60.0, 120.0), (80.0, 90.0)],
        [(150.0, 100.0), (200.0, 101.0)],
    ]
    text = pad.to_json()
    doc = json.loads(text)
    assert list(doc) == ["version", "width", "height", "strokes"]
    assert doc["version"] == 1 and doc["width"] == 600 and doc["height"] == 240
    assert doc["strokes"][1] == [[150.0, 100.0], [200.0, 101.0]]
    assert text == json.dumps(
        {"version": 1, "width": doc["width"], "height": doc["height"], "strokes": doc["strokes"]},
        separators=(",", ":"),
    )
    art = from_json(text)
    assert len(art.strokes) == 2 and art.width == 600
    pad.clear()
    assert pad.is_empty() and pad.strokes() == []


def test_coordinates_are_rounded_and_kept_inside(qtbot: Any, pad: SignaturePad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    move(pad, 30.123456, 40.98765)
    move(pad, 5000, -30)  # dragged outside the pad: kept on its edge
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(5000, -30))
    doc = json.loads(pad.to_json())
    assert doc["strokes"][0][1] == [30.12, 40.99]
    assert doc["strokes"][0][-1] == [600.0, 0.0]


def test_moves_without_a_button_draw_nothing(qtbot: Any, pad: SignaturePad) -> None:
    QTest.mouseMove(pad, QPoint(30, 30))
    move(pad, 50, 50)  # no press came first
    assert pad.is_empty()


def test_pen_strokes_ignore_pressure(qtbot: Any, pad: SignaturePad) -> None:
    device = QPointingDevice.primaryPointingDevice()

    def tablet(kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
        pos = QPointF(x, y)
        buttons = (
            Qt.MouseButton.NoButton
            if kind == QEvent.Type.TabletRelease
            else Qt.MouseButton.LeftButton
        )
        event = QTabletEvent(
            kind,
            device,
            pos,
            QPointF(pad.mapToGlobal(pos)),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            buttons,
        )
        QApplication.sendEvent(pad, event)
        assert event.isAccepted()

    tablet(QEvent.Type.TabletMove, 5, 5, 0.0)  # hovering: not drawing
    tablet(QEvent.Type.TabletPress, 10, 20, 0.2)
    tablet(QEvent.Type.TabletMove, 30, 25, 0.9)
    tablet(QEvent.Type.TabletRelease, 50, 30, 0.0)
    assert pad.strokes() == [[(10.0, 20.0), (30.0, 25.0), (50.0, 30.0)]]


def test_touch_strokes(qtbot: Any, pad: SignaturePad) -> None:
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(40, 40)).commit()
    QTest.touchEvent(pad, device).move(0, QPoint(70, 60)).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(90, 65)).commit()
    strokes = pad.strokes()
    assert len(strokes) == 1 and len(strokes[0]) == 3
    # QTest maps touch points through the (offscreen) window frame: allow its few pixels.
    for got, want in zip(strokes[0], [(40, 40), (70, 60), (90, 65)], strict=True):
        assert abs(got[0] - want[0]) <= 3 and abs(got[1] - want[1]) <= 3


def test_pad_accessibility_and_size(qtbot: Any, pad: SignaturePad) -> None:
    assert pad.accessibleName()
    assert pad.accessibleDescription() == ("Signature pad: sign here with a finger, pen or mouse")
    small = pad.minimumSize()
    font = pad.font()
    font.setPointSizeF(font.pointSizeF() * 2)  # 200 % text
    pad.setFont(font)
    assert pad.minimumSize().height() >= small.height()
    assert pad.minimumSize().width() >= 320 and pad.minimumSize().height() >= 140
    assert pad.grab().width() > 0  # paints (baseline, hint) without strokes


def test_clear_and_sign_buttons_follow_the_pad(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    # Nothing drawn: Sign is disabled, and the line beside it says what comes first.
    assert not screen.sign_button.isEnabled()
    assert screen.sign_hint.isVisible()
    assert screen.sign_hint.text() == "Sign in the box above first."
    assert screen.sign_hint.textFormat() == Qt.TextFormat.PlainText
    draw(qtbot, screen.pad, [(30, 50), (80, 70)])
    assert screen.sign_button.isEnabled() and not screen.sign_hint.isVisible()
    qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    assert screen.pad.is_empty() and not screen.sign_button.isEnabled()
    assert screen.sign_hint.isVisible()
    draw(qtbot, screen.pad, [(30, 50), (80, 70)])
    screen.activateWindow()
    qtbot.keyClick(screen, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Clear
    qtbot.waitUntil(screen.pad.is_empty, timeout=2000)


def test_sign_the_statement(qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen) -> None:
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    draw(qtbot, screen.pad, [(30, 50), (60, 30), (90, 80), (140, 60)])
    drawn = screen.pad.to_json()
    qtbot.mouseClick(screen.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == DONE, timeout=20_000)
    assert screen.title.text() == "The statement is signed"
    assert "Its text can no longer change. Export it next, for review." in visible_texts(screen)
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "signed"
    stored, kind = call(qtbot, backend, lambda s: s.engine.signature(REF))
    assert kind == STROKES_TYPE == "application/vnd.quietroom.strokes+json"
    assert stored.decode() == drawn and len(from_json(stored.decode()).strokes) == 1
    assert screen.pad.is_empty()  # the signature lives only in the vault
    assert not screen.pad.isVisible() and not screen.sign_button.isVisible()
    assert screen.cases_button.isVisible()
    qtbot.mouseClick(screen.cases_button, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("go", "cases")
    screen.entered()  # coming back: the outcome, not an empty pad to sign again
    qtbot.waitUntil(lambda: screen.cases_button.isVisible(), timeout=20_000)


def test_signing_before_confirmation_shows_the_core_message(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare, False)
    nav.current_case = REF
    screen.entered()
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
    assert "after confirming the read-back" in screen.message.text()
    assert screen.message.objectName() == "message"
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "read_back"
    # Nothing to sign yet, and the calm way back is there.
    assert not screen.pad.isVisible() and not screen.sign_button.isVisible()
    assert screen.readback_button.isVisible() and screen.readback_button.isEnabled()


def test_clear_content_and_results_after_a_lock(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    draw(qtbot, screen.pad, [(30, 50), (80, 70)])
    screen.sign_button.click()
    screen.clear_content()  # locked while signing: the outcome does not reappear
    assert screen.pad.is_empty()
    call(qtbot, backend, lambda s: None)
    assert not screen.message.isVisible()
    assert screen.steps.currentIndex() != DONE and not screen.summary.isVisible()
    assert REF not in visible_texts(screen)


def test_every_focusable_widget_has_an_accessible_name(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    missing = [
        type(w).__name__
        for w in screen.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not w.accessibleName()
    ]
    assert missing == []
    texts = visible_texts(screen)
    assert "Signature" in texts
    assert "Sign in the box. It can be cleared and signed again." in texts
    assert "Sign here" not in texts  # painted, not a widget (and never a stroke)


def test_there_is_always_a_calm_way_back_without_signing(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    # While the pad is showing, Clear and the way back to read-back are both there.
    assert screen.readback_button.isVisible() and screen.readback_button.isEnabled()
    assert screen.clear_button.isVisible() and screen.clear_button.isEnabled()
    assert screen.focusWidget() is not screen.sign_button  # the focus never starts on Sign
    draw(qtbot, screen.pad, [(30, 50), (80, 70)])
    assert screen.readback_button.isVisible()  # still there while signing is under way
    # Enter does not sign: only the Sign button does.
    qtbot.keyClick(screen.focusWidget() or screen, Qt.Key.Key_Return)
    qtbot.keyClick(screen.readback_button, Qt.Key.Key_Enter)
    call(qtbot, backend, lambda s: None)
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "read_back"
    # The witness declines, or wants another correction: back to read-back.
    qtbot.mouseClick(screen.readback_button, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("go", "readback")
    assert screen.pad.is_empty()  # nothing of the drawn signature lingers
    call(qtbot, backend, lambda s: None)
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "read_back"
    assert call(qtbot, backend, lambda s: s.engine.signature(REF)) is None


def test_escape_leaves_without_signing(
    qtbot: Any, backend: Any, nav: Any, screen: SignatureScreen
) -> None:
    call(qtbot, backend, prepare)
    to_the_pad(qtbot, screen, nav)
    draw(qtbot, screen.pad, [(30, 50), (80, 70)])
    screen.activateWindow()
    qtbot.keyClick(screen.clear_button, Qt.Key.Key_Escape)
    assert nav.calls[-1] == ("go", "readback")
    assert screen.pad.is_empty()
    assert call(qtbot, backend, lambda s: s.engine.statement(REF).status) == "read_back"
    # After signing, Esc leaves too (to the case list): the screen never traps.
    to_the_pad(qtbot, screen, nav)
    draw(qtbot, screen.pad, [(30, 50), (80, 70)])
    screen.sign_button.click()
    qtbot.waitUntil(lambda: screen.cases_button.isVisible(), timeout=20_000)
    assert not screen.readback_button.isVisible()
    qtbot.keyClick(screen.cases_button, Qt.Key.Key_Escape)
    assert nav.calls[-1] == ("go", "cases")
