"""Signature art from the witness's pad, SVG files and images (app/render/signature_art):
strokes parsed from SVG paths, shapes and transforms (scripts, links and foreign content
ignored), images checked and re-encoded without metadata, the stroke JSON round trip,
and every bad file refused with one usage error. Split from test_mg11.py."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from app.errors import UsageError
from app.render.signature_art import (
    from_json,
    signature_from_file,
    signature_from_image,
    signature_from_svg,
    to_json,
)
from tests.core.test_mg11 import wave_signature

SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="150" viewBox="0 0 400 150">
  <script>alert(1)</script><foreignObject><p>ignored</p></foreignObject>
  <path d="M10 10 L50 50 H80 V20 Z m5 5 l10 0 h5 v5 c10 10 20 10 30 0 q10 -10 20 0"/>
  <g transform="translate(100 0) scale(2)"><polyline points="0,0 10,10 20,0"/></g>
  <polygon points="1,1 2,2 3,1"/><line x1="5" y1="140" x2="395" y2="140"/>
  <image href="http://example.invalid/x.png"/><use href="#a"/>
</svg>"""


def test_svg_paths_polylines_polygons_and_lines_become_strokes() -> None:
    art = signature_from_svg(SVG)
    assert (art.width, art.height) == (400, 150) and art.image is None
    assert len(art.strokes) == 5
    first, second, poly, gon, line = art.strokes
    assert first.points[:5] == ((10, 10), (50, 50), (80, 50), (80, 20), (10, 10))
    assert second.points[0] == (15, 15) and len(second.points) > 8  # curves sampled
    assert poly.points == ((100, 0), (120, 20), (140, 0))  # transform applied
    assert gon.points[-1] == gon.points[0] and line.points == ((5, 140), (395, 140))


def test_svg_view_box_offset_and_bare_size() -> None:
    shifted = signature_from_svg(
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="100 50 '
        b'200 80"><path d="M100 50 L300 130"/></svg>'
    )
    assert (shifted.width, shifted.height) == (200, 80)
    assert shifted.strokes[0].points == ((0, 0), (200, 80))
    bare = signature_from_svg(b"<svg><polyline points='10 20 30 60'/></svg>")
    assert (bare.width, bare.height) == (20, 40)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, this is not an image",
        b"<html><body><svg/></body></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><path d="M 1"/></svg>',
        b"<svg><path d='M0 0 L10 10'>",  # not well formed
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
        b'&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><desc>&b;</desc>'
        b"<path d='M0 0 L1 1'/></svg>",  # entity expansion
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<svg><desc>&x;</desc><path d='M0 0 L1 1'/></svg>",  # external entity
        b"<svg>" + b"<g>" * 200 + b"<path d='M0 0 L1 1'/>" + b"</g>" * 200 + b"</svg>",
        b"<svg><polyline points='" + b"1 1 " * 20_001 + b"'/></svg>",
        b"<svg width='1e9' height='1'><path d='M0 0 L1 1'/></svg>",
        b"<svg>" + b" " * 1_000_001 + b"</svg>",
        b"\x1f\x8b\x08\x00compressed svgz",
        b"GIF89a\x01\x00\x01\x00",
    ],
)
def test_bad_signature_files_are_refused_with_a_one_line_usage_error(data: bytes) -> None:
    with pytest.raises(UsageError) as info:
        signature_from_file(data)
    assert "\n" not in str(info.value) and str(info.value).endswith(".")


def test_images_are_checked_and_reencoded_without_metadata(png_signature: bytes) -> None:
    from PIL import Image

    art = signature_from_file(png_signature)
    assert art.media_type == "image/png" and art.image and art.image.startswith(b"\x89PNG")
    exif = Image.Exif()
    exif[0x010F] = "CANARY-CAMERA-MAKER"
    out = io.BytesIO()
    Image.new("RGB", (300, 100), "white").save(out, "JPEG", exif=exif.tobytes())
    jpeg = out.getvalue()
    assert b"CANARY-CAMERA-MAKER" in jpeg
    art = signature_from_file(jpeg)
    assert art.image and b"CANARY-CAMERA-MAKER" not in art.image
    assert (art.width, art.height) == (300, 100)


def _png(size: tuple[int, int], mode: str = "L") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        lambda: _png((4001, 10)),
        lambda: _png((10, 4001)),
        lambda: _png((64, 64))[:60],  # truncated
        lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        lambda: b"\xff\xd8\xff\xe0" + b"junk" * 50,
        lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * (2 * 1024 * 1024),
        lambda: _png((64, 64)).replace(b"IHDR", b"IHDX"),
    ],
)
def test_bad_images_are_refused(data: Any) -> None:
    with pytest.raises(UsageError):
        signature_from_image(data())


def test_strokes_round_trip_through_json_and_damage_is_refused() -> None:
    art = wave_signature()
    back = from_json(to_json(art))
    assert (back.width, back.height) == (art.width, art.height)
    assert [len(s.points) for s in back.strokes] == [len(s.points) for s in art.strokes]
    assert all(
        abs(a - b) < 0.01
        for s, t in zip(art.strokes, back.strokes, strict=True)
        for p, q in zip(s.points, t.points, strict=True)
        for a, b in zip(p, q, strict=True)
    )
    good = json.loads(to_json(art))
    for bad in (
        "",
        "[]",
        "{}",
        json.dumps({**good, "version": 2}),
        json.dumps({**good, "width": -1}),
        json.dumps({**good, "strokes": [[["a"]]]}),
        json.dumps({**good, "strokes": [[[1e400, 0]]]}).replace("Infinity", "1e999"),
    ):
        with pytest.raises(UsageError):
            from_json(bad)
