"""The embedded font (DejaVu Sans) and what can be drawn with it.

Every PDF Quietroom writes embeds a subset of DejaVu Sans, so a printed statement looks
the same everywhere. Text from outside is cleaned before it is drawn, and text the font
cannot draw is refused before it is stored, never replaced by a box on the page.
"""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import UsageError
from app.resources import resource_path

FONT = "QuietroomSans"
FONT_BOLD = "QuietroomSans-Bold"

# --- shared type setting --------------------------------------------------------------

_registered = False


def register_fonts() -> None:
    """DejaVu Sans from app/resources/fonts, embedded (subset) in every PDF we write."""
    global _registered
    if _registered:
        return
    fonts = resource_path("fonts")
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    _registered = True


def clean(text: str) -> str:
    """Untrusted text made printable: NFC (so ŵ is one glyph), control characters and
    lone surrogates replaced, line endings unified. The words themselves are kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch == "\n":
            out.append(ch)
        elif cat in ("Cc", "Zl", "Zp"):  # tabs, NUL, escapes, U+2028/9
            out.append(" ")
        elif cat == "Cs":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def refuse_missing_glyphs(what: str, texts: list[str], font: str = FONT) -> None:
    """Refuse text the embedded font cannot draw: a box in place of a word would make the
    printed statement differ from what the witness said and signed."""
    register_fonts()
    have = pdfmetrics.getFont(font).face.charToGlyph
    missing = sorted({ch for t in texts for ch in clean(t) if ch != "\n" and ord(ch) not in have})
    if missing:
        shown = ", ".join(f"U+{ord(ch):04X}" for ch in missing[:5])
        more = ", …" if len(missing) > 5 else ""
        raise UsageError(
            "pdf.missing_glyphs",
            "The {what} contains {count} character(s) the PDF font cannot show ({shown}).",
            what=what,
            count=len(missing),
            shown=shown + more,
        )
