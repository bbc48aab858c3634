"""The font of the visible signature stamp: DejaVu Sans, embedded, at 1,000 units to the em.

pyHanko's embedded-font stamp writes glyph widths in the font's own units, which a PDF
reads as thousandths of an em; DejaVu Sans has 2,048 units to the em, so its letters
would be drawn twice as far apart. The stamp therefore uses a copy scaled to 1,000 units
(built by scripts/stamp_font.py, with the Latin letters a name or the stamp's words can
need: every Welsh letter). A signer's name with a letter outside that copy gets a copy
made from the full font at signing, once per process for those letters (about a second).
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from app.resources import resource_path

STAMP_FONT = "DejaVuSans-stamp.ttf"


@lru_cache(maxsize=1)
def _stamp_cmap() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(_stamp_bytes()), lazy=True)
    return frozenset(font.getBestCmap())


@lru_cache(maxsize=1)
def _stamp_bytes() -> bytes:
    return resource_path("fonts", STAMP_FONT).read_bytes()


@lru_cache(maxsize=8)
def _wider_font(extra: frozenset[int]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(str(resource_path("fonts", "DejaVuSans.ttf")))
    options = subset.Options()
    options.layout_features = ["*"]
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=set(_stamp_cmap()) | set(extra))
    subsetter.subset(font)
    scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_bytes(text: str) -> bytes:
    """A TrueType font at 1,000 units to the em with every letter of `text` DejaVu has."""
    extra = frozenset(ord(c) for c in text if not c.isspace()) - _stamp_cmap()
    return _wider_font(extra) if extra else _stamp_bytes()


def stamp_font(text: str, size: float) -> Any:
    """A pyHanko font factory for the stamp, able to draw `text` (the signer's name)."""
    from pyhanko.pdf_utils.font.api import FontEngineFactory
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator

    data = font_bytes(text)

    class _Factory(FontEngineFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> Any:
            if obj_stream is None and writer.stream_xrefs:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(data),
                font_size=size,
                obj_stream=obj_stream,
            )

    return _Factory()
