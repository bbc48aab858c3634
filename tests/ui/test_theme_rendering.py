"""What each theme actually draws, measured on pixels rendered offscreen (widget.grab()).

The declared colours are checked in test_theme.py; these tests catch what declarations
miss: Qt drawing placeholder text at half opacity, focus rings a rule switches off, and
drop-down arrows and spin buttons squeezed into slivers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionSpinBox,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui import theme

THEMES = sorted(theme.PALETTES)
SCALES = (100, 200)
HINT = "e.g. summer 1987, aged about 12"

# sRGB channel (0-255) to linear light, as in WCAG's relative luminance.
_LINEAR = [
    v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    for v in (i / 255 for i in range(256))
]


def luminance_map(image: QImage) -> list[list[float]]:
    """The WCAG relative luminance of every pixel, row by row."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, stride = image.width(), image.bytesPerLine()
    data = bytes(image.constBits())
    rows = []
    for y in range(image.height()):
        row = data[y * stride : y * stride + 3 * width]
        rows.append(
            [
                0.2126 * _LINEAR[row[i]]
                + 0.7152 * _LINEAR[row[i + 1]]
                + 0.0722 * _LINEAR[row[i + 2]]
                for i in range(0, 3 * width, 3)
            ]
        )
    return rows


def ratio(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def pixels(lum: list[list[float]], rect: QRect) -> Iterator[tuple[int, int, float]]:
    for y in range(max(0, rect.top()), min(len(lum), rect.bottom() + 1)):
        for x in range(max(0, rect.left()), min(len(lum[y]), rect.right() + 1)):
            yield x, y, lum[y][x]


def background(lum: list[list[float]], rect: QRect) -> float:
    """The most common luminance in rect: what glyphs and arrows are drawn on."""
    return Counter(round(v, 6) for _, _, v in pixels(lum, rect)).most_common(1)[0][0]


def strongest_contrast(lum: list[list[float]], rect: QRect) -> float:
    bg = background(lum, rect)
    return max(ratio(v, bg) for _, _, v in pixels(lum, rect))


def drawn_box(lum: list[list[float]], rect: QRect, at_least: float = 3.0) -> QRect:
    """The bounding box of the pixels in rect that stand out (>= 3:1) from its background."""
    bg = background(lum, rect)
    hits = [(x, y) for x, y, v in pixels(lum, rect) if ratio(v, bg) >= at_least]
    if not hits:
        return QRect()
    xs, ys = [x for x, _ in hits], [y for _, y in hits]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[Callable[[str, int], None]]:
    """Apply a theme to the one QApplication, and put the previous look back afterwards."""
    sheet, palette, font = qapp.styleSheet(), QPalette(qapp.palette()), QFont(qapp.font())
    style = qapp.style().name()
    yield lambda name, scale: theme.apply(qapp, name, scale)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    theme.forget_style()  # the calm style is gone: the next apply sets it again
    qapp.setPalette(palette)
    qapp.setFont(font)


_alive: list[QWidget] = []


@pytest.fixture(autouse=True)
def _release_windows() -> Iterator[None]:
    yield
    _alive.clear()


def host(qtbot: Any, *widgets: QWidget) -> QWidget:
    """A shown, active window (styled like a screen) holding the widgets."""
    window = QWidget()
    window.setObjectName("screen")
    window.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    _alive.append(window)  # qtbot only holds it weakly; it closes it after the test
    window.resize(420, 60 + 80 * len(widgets))
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def inset(widget: QWidget, scale: int, at_100: int) -> QRect:
    m = round(at_100 * scale / 100)
    return widget.rect().adjusted(m, m, -m, -m)


# --- 1. placeholder text ---------------------------------------------------------------


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit, QTextEdit])
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("name", THEMES)
def test_placeholder_as_drawn_reaches_7_to_1_and_stays_a_hint(
    qtbot: Any,
    themed: Callable[[str, int], None],
    name: str,
    scale: int,
    kind: type[QLineEdit] | type[QPlainTextEdit] | type[QTextEdit],
) -> None:
    themed(name, scale)
    hint, typed = kind(), kind()
    hint.setPlaceholderText(HINT)
    typed.setPlaceholderText(HINT)
    if isinstance(typed, QLineEdit):
        typed.setText(HINT)
    else:
        typed.setPlainText(HINT)
    for field in (hint, typed):
        field.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no text cursor in the picture
        field.setFixedHeight(round(40 * scale / 100))
    host(qtbot, hint, typed)
    # Inside the border and padding (1 + 4 px at 100 %), where only the text is drawn.
    area = inset(hint, scale, 6)
    drawn = luminance_map(hint.grab().toImage())
    glyphs = drawn_box(drawn, area)
    assert glyphs.width() > area.width() // 4, f"{name}: no placeholder text was drawn"
    measured = strongest_contrast(drawn, area)
    assert measured >= 7.0, f"{name} {scale}%: placeholder drawn at {measured:.2f}:1"
    text = strongest_contrast(luminance_map(typed.grab().toImage()), area)
    assert measured < text, (
        f"{name}: the placeholder ({measured:.2f}:1) is as strong as "
        f"typed text ({text:.2f}:1), so it no longer reads as a hint"
    )


# --- 2. focus rings ---------------------------------------------------------------------


Built = tuple[QWidget, QWidget, Callable[[QWidget], QRect]]  # outer, focus taker, ring area


def _tab_bar() -> Built:
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Timeline")
    tabs.addTab(QWidget(), "Notes")
    bar = tabs.tabBar()
    return tabs, bar, lambda _: bar.tabRect(bar.currentIndex())


def _simple(make: Callable[[], QWidget]) -> Callable[[], Built]:
    def build() -> Built:
        widget = make()
        return widget, widget, lambda w: w.rect()

    return build


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.addItems(["English", "Cymraeg"])
    return combo


def _spin() -> QWidget:
    spin = QSpinBox()
    spin.setRange(100, 200)
    spin.setSuffix(" %")
    return spin


def _list() -> QWidget:
    view = QListWidget()
    view.addItems(["summer 1998: we moved to the farm", "the summer after: it started"])
    view.setFixedHeight(70)
    return view


def _primary() -> QWidget:
    button = QPushButton("Save")
    button.setObjectName("primary")
    return button


FOCUSABLE: dict[str, Callable[[], Built]] = {
    "tab bar": _tab_bar,
    "combo box": _simple(_combo),
    "spin box": _simple(_spin),
    "check box": _simple(lambda: QCheckBox("Allow copying statement text")),
    "list view": _simple(_list),
    "button": _simple(lambda: QPushButton("Back")),
    "main button": _simple(_primary),
    "line edit": _simple(QLineEdit),
}


@pytest.mark.parametrize("kind", sorted(FOCUSABLE))
@pytest.mark.parametrize("name", THEMES)
def test_focus_ring_is_clearly_visible(
    qtbot: Any, themed: Callable[[str, int], None], name: str, kind: str
) -> None:
    themed(name, 100)
    elsewhere = QPushButton("Elsewhere")
    outer, target, region = FOCUSABLE[kind]()
    host(qtbot, outer, elsewhere)
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(elsewhere.hasFocus)
    before = luminance_map(target.grab().toImage())
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(target.hasFocus)
    after = luminance_map(target.grab().toImage())
    rect = region(target)
    changed = sum(1 for x, y, v in pixels(after, rect) if ratio(v, before[y][x]) >= 3.0)
    # WCAG 2.4.13: the focused state differs by >= 3:1 over at least a 2 px outline.
    outline = 2 * (rect.width() + rect.height())
    assert changed >= 1.5 * outline, (
        f"{name}: focusing the {kind} changes {changed} pixels by 3:1; a visible ring "
        f"around {rect.width()}x{rect.height()} needs at least {1.5 * outline:.0f}"
    )


@pytest.mark.parametrize("kind", ["button", "main button", "check box"])
def test_focus_ring_moves_nothing_inside(
    qtbot: Any, themed: Callable[[str, int], None], kind: str
) -> None:
    """The ring is drawn where the padding was: the label does not jump when focus lands."""
    themed("light", 100)
    elsewhere = QPushButton("Elsewhere")
    outer, target, _ = FOCUSABLE[kind]()
    host(qtbot, outer, elsewhere)
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(elsewhere.hasFocus)
    before = luminance_map(target.grab().toImage())
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(target.hasFocus)
    after = luminance_map(target.grab().toImage())
    inside = inset(target, 100, 4)
    moved = [(x, y) for x, y, v in pixels(after, inside) if ratio(v, before[y][x]) >= 1.5]
    assert not moved, f"the {kind}'s content moved on focus ({len(moved)} pixels changed)"


# --- 3. drop-down arrows and spin buttons ---------------------------------------------------


def _check_button(
    lum: list[list[float]], rect: QRect, em: int, what: str, min_height: float
) -> None:
    assert rect.width() >= 0.9 * em and rect.height() >= min_height * em, (
        f"{what} is {rect.width()}x{rect.height()} px for text {em} px high"
    )
    border = max(2, round(em / 9))  # the button's own 1-2 px border is not the arrow
    arrow = drawn_box(lum, rect.adjusted(border, border, -border, -border))
    assert arrow.width() >= 0.4 * em and arrow.height() >= 0.2 * em, (
        f"{what}: the arrow drawn is {arrow.width()}x{arrow.height()} px for text {em} px"
    )


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("name", THEMES)
def test_combo_box_arrow_is_visible_and_grows_with_text(
    qtbot: Any, themed: Callable[[str, int], None], name: str, scale: int
) -> None:
    themed(name, scale)
    combo = _combo()
    host(qtbot, combo)
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    rect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, combo
    )
    lum = luminance_map(combo.grab().toImage())
    _check_button(lum, rect, combo.fontMetrics().height(), f"{name} {scale}%: drop-down", 0.9)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    assert field.right() < rect.left(), "the chosen text runs under the arrow"


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("name", THEMES)
def test_spin_box_buttons_are_visible_and_grow_with_text(
    qtbot: Any, themed: Callable[[str, int], None], name: str, scale: int
) -> None:
    themed(name, scale)
    spin = QSpinBox()
    spin.setRange(100, 200)
    spin.setValue(150)  # both ways open, so both arrows are drawn at full strength
    host(qtbot, spin)
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    lum = luminance_map(spin.grab().toImage())
    em = spin.fontMetrics().height()
    for part, what in (
        (QStyle.SubControl.SC_SpinBoxUp, "up"),
        (QStyle.SubControl.SC_SpinBoxDown, "down"),
    ):
        rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, spin)
        _check_button(lum, rect, em, f"{name} {scale}%: {what} button", 0.6)


@pytest.mark.parametrize("name", THEMES)
def test_arrow_images_exist_for_every_theme(name: str) -> None:
    sheet = theme.style_sheet(name, 100)
    assert theme.STYLES_TOKEN not in sheet
    images = [part.split(")")[0].strip('"') for part in sheet.split("url(")[1:]]
    assert len(images) >= 6
    for image in images:
        path = theme.styles_dir() / image.rsplit("/", 1)[-1]
        assert image == path.as_posix() and path.is_file(), image
