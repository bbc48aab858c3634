"""Themes (light, dark, high contrast) and text size.

Colours live in two places a test reads: the palettes below (for Qt's own painting)
and the style sheets in app/resources/styles/. Every text/background pair is at least 7:1,
placeholder text included (the style sheets set `placeholder-text-color`; otherwise Qt
draws it in the text colour at half opacity). Nothing is red and nothing flashes: the
screen may be seen by the survivor.

The style sheets refer to their arrow images as `url("@STYLES@/….svg")`; `apply` puts the
absolute path of app/resources/styles in place of @STYLES@.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QWidget

from app.resources import resource_path

PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f7f6f2",
        "window_text": "#1b1b1b",
        "base": "#ffffff",
        "text": "#1b1b1b",
        "button": "#e9e6df",
        "button_text": "#1b1b1b",
        "highlight": "#1d3f5e",
        "highlighted_text": "#ffffff",
        "tooltip_base": "#ffffff",
        "tooltip_text": "#1b1b1b",
        "placeholder": "#555555",
        "disabled_text": "#4a4a4a",
    },
    "dark": {
        "window": "#1f2023",
        "window_text": "#ececec",
        "base": "#16171a",
        "text": "#ececec",
        "button": "#2c2e33",
        "button_text": "#ececec",
        "highlight": "#b9d3ea",
        "highlighted_text": "#101114",
        "tooltip_base": "#2c2e33",
        "tooltip_text": "#ececec",
        "placeholder": "#adadad",
        "disabled_text": "#b8b8b8",
    },
    "high_contrast": {
        "window": "#000000",
        "window_text": "#ffffff",
        "base": "#000000",
        "text": "#ffffff",
        "button": "#000000",
        "button_text": "#ffffff",
        "highlight": "#ffff00",
        "highlighted_text": "#000000",
        "tooltip_base": "#000000",
        "tooltip_text": "#ffffff",
        "placeholder": "#c8c8c8",
        "disabled_text": "#ffff00",
    },
}

# (foreground role, background role) pairs a reader actually sees.
TEXT_PAIRS = (
    ("window_text", "window"),
    ("text", "base"),
    ("button_text", "button"),
    ("highlighted_text", "highlight"),
    ("tooltip_text", "tooltip_base"),
    ("placeholder", "base"),
)

_ROLES = {
    "window": QPalette.ColorRole.Window,
    "window_text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button_text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted_text": QPalette.ColorRole.HighlightedText,
    "tooltip_base": QPalette.ColorRole.ToolTipBase,
    "tooltip_text": QPalette.ColorRole.ToolTipText,
    "placeholder": QPalette.ColorRole.PlaceholderText,
}

BASE_POINT_SIZE = 11.0
STYLES_TOKEN = "@STYLES@"


def styles_dir() -> Path:
    return resource_path("styles")


def style_sheet_path(theme: str) -> Path:
    return styles_dir() / f"{theme}.qss"


def palette(theme: str) -> QPalette:
    pal = QPalette()
    for name, colour in PALETTES[theme].items():
        if name not in _ROLES:
            continue
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, _ROLES[name], QColor(colour))
    # Disabled text stays readable (7:1 is not required for disabled controls, but calm).
    pal.setColor(
        QPalette.ColorGroup.Disabled,
        QPalette.ColorRole.WindowText,
        QColor(PALETTES[theme]["disabled_text"]),
    )
    pal.setColor(
        QPalette.ColorGroup.Disabled,
        QPalette.ColorRole.ButtonText,
        QColor(PALETTES[theme]["disabled_text"]),
    )
    return pal


class CalmStyle(QProxyStyle):
    """Fusion with room around each screen's content: 16 px at 100 % text growing to
    24 px at 200 % (the GOV.UK Design System's spacing), instead of Qt's 9 px. Only a
    screen's own layout gets it; controls and panels inside keep theirs."""

    def __init__(self, text_scale: int) -> None:
        super().__init__("Fusion")
        self.text_scale = text_scale
        self.margin = round(16 + 8 * (min(max(text_scale, 100), 200) - 100) / 100)

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: object = None, widget: QWidget | None = None
    ) -> int:
        if metric in _SCREEN_MARGINS and widget is not None and widget.objectName() == "screen":
            return self.margin
        return super().pixelMetric(metric, option, widget)  # type: ignore[arg-type]


_SCREEN_MARGINS = {
    QStyle.PixelMetric.PM_LayoutLeftMargin,
    QStyle.PixelMetric.PM_LayoutTopMargin,
    QStyle.PixelMetric.PM_LayoutRightMargin,
    QStyle.PixelMetric.PM_LayoutBottomMargin,
}


# The style in use. Qt holds the C++ half; this keeps its Python half (the overridden
# pixelMetric) alive: without it PySide lets the Python object go, and Qt then calls into
# a style that is half gone (set-up crashed when a language was chosen).
_style: CalmStyle | None = None


def apply(app: QApplication, theme: str, text_scale: int) -> None:
    """The same look on every platform, fully driven by the palette, with room to breathe.
    Only what changes is set again: replacing the application's style deletes the old
    one and re-polishes every widget, needlessly when only the language changed."""
    global _style
    if _style is None or _style.text_scale != text_scale:
        style = CalmStyle(text_scale)
        app.setStyle(style)
        _style = style  # the old one is Qt's to delete, now that it has been replaced
    colours = palette(theme)
    if app.palette() != colours:
        app.setPalette(colours)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * text_scale / 100.0)
    if app.font() != font:
        app.setFont(font)
    sheet = style_sheet(theme, text_scale)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def forget_style() -> None:
    """For whoever has since set the application's style by other means (a test putting
    the previous look back): the next `apply` sets the calm style again."""
    global _style
    _style = None


def style_sheet(theme: str, text_scale: int) -> str:
    """The theme's style sheet as applied: sizes scaled, image paths made absolute."""
    sheet = style_sheet_path(theme).read_text(encoding="utf-8")
    # Sizes in the style sheets are written for 100 %; scale them with the text. The
    # paths go in afterwards, so digits in a directory name are never taken for a size.
    return scale_sheet(sheet, text_scale).replace(STYLES_TOKEN, styles_dir().as_posix())


def scale_sheet(sheet: str, text_scale: int) -> str:
    import re

    def scaled(match: re.Match[str]) -> str:
        return f"{max(1, round(int(match.group(1)) * text_scale / 100))}{match.group(2)}"

    # Borders, padding and radii grow with the text, so 200 % keeps its proportions.
    return re.sub(r"\b(\d+)(pt|px)\b", scaled, sheet)


def relative_luminance(colour: str) -> float:
    c = QColor(colour)
    channels = []
    for v in (c.redF(), c.greenF(), c.blueF()):
        channels.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)
