"""Every theme's text is at least 7:1 against its background, in palettes and style sheets.

These check what is declared; test_theme_rendering.py measures what Qt then draws.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui import theme

COLOUR = r"#[0-9a-fA-F]{6}"


def blocks(sheet: str) -> list[tuple[str, dict[str, str]]]:
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        props = dict(re.findall(r"([a-z-]+)\s*:\s*([^;]+);", body))
        found.append((selector.strip(), {k: v.strip() for k, v in props.items()}))
    return found


@pytest.mark.parametrize("name", sorted(theme.PALETTES))
def test_palette_pairs_reach_7_to_1(name: str) -> None:
    pal = theme.PALETTES[name]
    for fg, bg in theme.TEXT_PAIRS:
        ratio = theme.contrast(pal[fg], pal[bg])
        assert ratio >= 7.0, f"{name}: {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("name", sorted(theme.PALETTES))
def test_style_sheet_pairs_reach_7_to_1(name: str) -> None:
    sheet = theme.style_sheet_path(name).read_text(encoding="utf-8")
    pal = theme.PALETTES[name]
    checked = 0
    for selector, props in blocks(sheet):
        fg = props.get("color")
        bg = props.get("background-color")
        pairs = []
        if fg and re.fullmatch(COLOUR, fg):
            # Without its own background, text sits on the window or an input's base.
            backgrounds = [bg] if bg else [pal["window"], pal["base"]]
            pairs += [(fg, b) for b in backgrounds]
        sel_fg, sel_bg = props.get("selection-color"), props.get("selection-background-color")
        if sel_fg and sel_bg:
            pairs.append((sel_fg, sel_bg))
        hint = props.get("placeholder-text-color")
        if hint:
            pairs.append((hint, bg or pal["base"]))  # placeholders sit in a field
        for f, b in pairs:
            ratio = theme.contrast(f, b)
            assert ratio >= 7.0, f"{name}: '{selector}' {f} on {b} is {ratio:.2f}:1"
            checked += 1
    assert checked >= 15


def test_no_red_in_any_theme() -> None:
    images = "".join(p.read_text(encoding="utf-8") for p in theme.styles_dir().glob("*.svg"))
    for name in theme.PALETTES:
        sheet = theme.style_sheet_path(name).read_text(encoding="utf-8")
        for colour in re.findall(COLOUR, sheet + images) + list(theme.PALETTES[name].values()):
            r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
            assert not (r > 150 and r > g + 60 and r > b + 60), f"{name}: {colour} is red"


def test_sizes_scale_with_text() -> None:
    assert theme.scale_sheet("font-size: 18pt;", 200) == "font-size: 36pt;"


@pytest.mark.parametrize("name", sorted(theme.PALETTES))
def test_placeholder_colour_is_declared_in_sheet_and_palette_alike(name: str) -> None:
    """Without placeholder-text-color Qt fades the text colour to about 3:1 (see rendering)."""
    sheet = theme.style_sheet_path(name).read_text(encoding="utf-8")
    declared = {
        props["placeholder-text-color"]
        for selector, props in blocks(sheet)
        if "placeholder-text-color" in props and "QLineEdit" in selector
    }
    assert declared == {theme.PALETTES[name]["placeholder"]}


def test_image_paths_go_in_after_scaling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resources = tmp_path / "12px 3pt" / "resources"  # digits a careless scaler would change
    (resources / "styles").mkdir(parents=True)
    (resources / "styles" / "light.qss").write_text(
        'QComboBox::down-arrow { image: url("@STYLES@/arrow-down-light.svg"); width: 12px; }',
        encoding="utf-8",
    )
    monkeypatch.setattr(theme, "resource_path", lambda *parts: resources.joinpath(*parts))
    sheet = theme.style_sheet("light", 200)
    expected = (resources / "styles" / "arrow-down-light.svg").as_posix()
    assert f'url("{expected}")' in sheet and "width: 24px" in sheet
