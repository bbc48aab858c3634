"""Fixtures the core tests share."""

from __future__ import annotations

import io

import pytest


@pytest.fixture
def png_signature() -> bytes:
    """A PNG signature: a black line on a transparent background."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (600, 200), (255, 255, 255, 0))
    ImageDraw.Draw(img).line([(20, 150), (200, 40), (380, 160), (580, 60)], fill="black", width=6)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()
