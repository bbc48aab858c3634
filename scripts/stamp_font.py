"""Build app/resources/fonts/DejaVuSans-stamp.ttf, the font of the visible signature stamp.

    python scripts/stamp_font.py

pyHanko's embedded-font stamp (pyhanko[opentype]) writes glyph widths in the font's own
units, which a PDF reads as thousandths of an em: with DejaVu Sans (2,048 units to the em)
every letter would be drawn twice as far apart. This copy has 1,000 units to the em, and
only the letters a stamp can need (Basic Latin, Latin-1, Latin Extended-A: every Welsh
letter and most European names), so it also loads fast at signing. A name with a letter
outside it is handled at signing time (app/export/stamp_font.py). Reproducible: the same
input font gives the same bytes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "app" / "resources" / "fonts"
# Basic Latin, Latin-1 Supplement, Latin Extended-A, and the typographic quotes and dashes.
UNICODES = {*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2027)}


def stamp_font(source: Path, unicodes: set[int]) -> bytes:
    font = TTFont(str(source), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def main() -> None:
    target = FONTS / "DejaVuSans-stamp.ttf"
    target.write_bytes(stamp_font(FONTS / "DejaVuSans.ttf", UNICODES))
    print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
