"""The survivor's signature as art: reading it from untrusted SVG or image files, storing
its strokes as JSON, and drawing it once into a PDF form that every page reuses.

Everything here treats its input as hostile: SVG goes through defusedxml with DTDs
forbidden, sizes and point counts are capped, images are decoded by Pillow within
limits and re-encoded as a plain PNG (which also drops EXIF, such as a phone's GPS
position). The drawing is clipped to its box so a signature can never cover text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from app.errors import UsageError
from app.render.document import SignatureArt, Stroke

MAX_SVG_BYTES = 1_000_000
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_IMAGE_SIDE = 4000
MAX_POINTS = 20_000
MAX_DEPTH = 64
MAX_PAD_SIDE = 100_000.0
STORED_IMAGE_SIDE = 1600  # enough for a 50 mm box at well over 600 dpi
CURVE_SAMPLES = 8

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
SVG_NS = "{http://www.w3.org/2000/svg}"

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PATH_TOKEN = re.compile(rf"([MmLlHhVvZzCcSsQqTtAa])|({_NUMBER})")
_NUM = re.compile(_NUMBER)
_TRANSFORM = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "Z": 0, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7}


# --- SVG ------------------------------------------------------------------------------


def signature_from_svg(data: bytes) -> SignatureArt:
    """Strokes from an SVG drawing: paths, polylines, polygons and lines; nothing else."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    if len(data) > MAX_SVG_BYTES:
        raise UsageError("signature.svg_too_large", "The signature file is larger than 1 MB.")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, ParseError, ValueError):
        raise UsageError(
            "signature.svg_invalid", "The signature file is not a valid SVG image."
        ) from None
    if root.tag not in ("svg", SVG_NS + "svg"):
        raise UsageError("signature.not_svg", "The signature file is not an SVG image.")

    strokes: list[list[tuple[float, float]]] = []
    stack: list[tuple[Any, Matrix, int]] = [(root, IDENTITY, 0)]
    while stack:
        element, parent, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UsageError("signature.svg_too_deep", "The signature file is nested too deeply.")
        matrix = _compose(parent, _parse_transform(element.get("transform", "")))
        name = _local(element.tag)
        if element is root or name in ("g", "a", "svg"):
            stack.extend((child, matrix, depth + 1) for child in reversed(list(element)))
            continue
        shape = _shape_points(name, element)
        strokes.extend([_apply(matrix, p) for p in line] for line in shape if line)
        if sum(len(s) for s in strokes) > MAX_POINTS:
            raise UsageError(
                "signature.too_complex",
                "The signature drawing is too complex (over {limit} points).",
                limit=MAX_POINTS,
            )
    if not strokes:
        raise UsageError("signature.no_strokes", "The signature file contains no strokes.")
    if not all(math.isfinite(v) for s in strokes for p in s for v in p):
        raise UsageError("signature.bad_coordinates", "The signature file has invalid coordinates.")
    return _normalise(root, strokes)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUM.findall(text or "")]


def _shape_points(name: str, el: Any) -> list[list[tuple[float, float]]]:
    if name == "path":
        return _path_points(el.get("d", ""))
    if name in ("polyline", "polygon"):
        nums = _numbers(el.get("points"))
        pts = list(zip(nums[0::2], nums[1::2], strict=False))
        if name == "polygon" and pts:
            pts.append(pts[0])
        return [pts]
    if name == "line":
        x1, y1, x2, y2 = (_numbers(el.get(k, "0"))[:1] or [0.0] for k in ("x1", "y1", "x2", "y2"))
        return [[(x1[0], y1[0]), (x2[0], y2[0])]]
    return []


def _path_points(d: str) -> list[list[tuple[float, float]]]:
    """Path data to polylines; curves sampled, arcs reduced to their end points."""
    tokens = _PATH_TOKEN.findall(d)
    out: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] = []
    x = y = sx = sy = 0.0
    ctrl: tuple[float, float] | None = None  # last control point, for S and T
    cmd = ""
    i = 0
    while i < len(tokens):
        letter = tokens[i][0]
        if letter:
            cmd, i = letter, i + 1
            if cmd in "Zz":
                if cur:
                    cur.append((sx, sy))
                    out.append(cur)
                cur, x, y, ctrl = [], sx, sy, None
                continue
        elif not cmd or cmd in "Zz":
            break  # numbers with no command: malformed, keep what we have
        upper, rel = cmd.upper(), cmd.islower()
        n = _ARITY[upper]
        args = [float(t[1]) for t in tokens[i : i + n] if t[1]]
        if len(args) < n or any(t[0] for t in tokens[i : i + n]):
            break
        i += n
        ox, oy = (x, y) if rel else (0.0, 0.0)
        if upper == "M":
            if len(cur) > 0:
                out.append(cur)
            x, y = ox + args[0], oy + args[1]
            sx, sy, cur, ctrl = x, y, [(x, y)], None
            cmd = "l" if rel else "L"  # further pairs after a moveto are lines
            continue
        if not cur:
            cur = [(x, y)]
        if upper == "H":
            x = ox + args[0] if rel else args[0]
            cur.append((x, y))
            ctrl = None
        elif upper == "V":
            y = (y + args[0]) if rel else args[0]
            cur.append((x, y))
            ctrl = None
        elif upper in ("L", "T", "A"):
            ex, ey = (ox + args[-2], oy + args[-1])
            if upper == "T":
                c = _reflect(ctrl, x, y)
                cur.extend(_quad((x, y), c, (ex, ey)))
                ctrl = c
            else:
                cur.append((ex, ey))
                ctrl = None
            x, y = ex, ey
        elif upper == "Q":
            c = (ox + args[0], oy + args[1])
            ex, ey = ox + args[2], oy + args[3]
            cur.extend(_quad((x, y), c, (ex, ey)))
            x, y, ctrl = ex, ey, c
        else:  # C or S
            if upper == "C":
                c1, rest = (ox + args[0], oy + args[1]), args[2:]
            else:
                c1, rest = _reflect(ctrl, x, y), args
            c2 = (ox + rest[0], oy + rest[1])
            ex, ey = ox + rest[2], oy + rest[3]
            cur.extend(_cubic((x, y), c1, c2, (ex, ey)))
            x, y, ctrl = ex, ey, c2
        if len(cur) > MAX_POINTS:
            break
    if cur:
        out.append(cur)
    return out


def _reflect(ctrl: tuple[float, float] | None, x: float, y: float) -> tuple[float, float]:
    return (2 * x - ctrl[0], 2 * y - ctrl[1]) if ctrl else (x, y)


def _quad(
    p0: tuple[float, float], c: tuple[float, float], p1: tuple[float, float]
) -> Iterator[tuple[float, float]]:
    for k in range(1, CURVE_SAMPLES + 1):
        t = k / CURVE_SAMPLES
        u = 1 - t
        yield (
            u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0],
            u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1],
        )


def _cubic(
    p0: tuple[float, float],
    c1: tuple[float, float],
    c2: tuple[float, float],
    p1: tuple[float, float],
) -> Iterator[tuple[float, float]]:
    for k in range(1, CURVE_SAMPLES + 1):
        t = k / CURVE_SAMPLES
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        yield (
            a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0],
            a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1],
        )


def _parse_transform(text: str) -> Matrix:
    m = IDENTITY
    for kind, raw in _TRANSFORM.findall(text):
        v = _numbers(raw)
        step: Matrix = IDENTITY
        if kind == "matrix" and len(v) == 6:
            step = (v[0], v[1], v[2], v[3], v[4], v[5])
        elif kind == "translate" and v:
            step = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0.0)
        elif kind == "scale" and v:
            step = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        elif kind == "rotate" and v:
            r = math.radians(v[0])
            cx, cy = (v[1], v[2]) if len(v) == 3 else (0.0, 0.0)
            cos, sin = math.cos(r), math.sin(r)
            step = (cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy)
        elif kind in ("skewX", "skewY") and v:
            t = math.tan(math.radians(v[0]))
            step = (1, 0, t, 1, 0, 0) if kind == "skewX" else (1, t, 0, 1, 0, 0)
        m = _compose(m, step)
    return m


def _compose(m: Matrix, n: Matrix) -> Matrix:
    """m then n applied inside it (SVG: the child's transform is innermost)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _apply(m: Matrix, p: tuple[float, float]) -> tuple[float, float]:
    return (m[0] * p[0] + m[2] * p[1] + m[4], m[1] * p[0] + m[3] * p[1] + m[5])


def _normalise(root: Any, strokes: list[list[tuple[float, float]]]) -> SignatureArt:
    """Shift into a pad space that starts at 0,0: the viewBox, else width/height, else
    the drawing's own bounding box."""
    box = _numbers(root.get("viewBox"))
    w_attr, h_attr = (_numbers(root.get(k))[:1] for k in ("width", "height"))
    ox = oy = 0.0
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        ox, oy, width, height = box
    elif w_attr and h_attr and "%" not in root.get("width", "") + root.get("height", ""):
        width, height = w_attr[0], h_attr[0]
    else:
        xs = [p[0] for s in strokes for p in s]
        ys = [p[1] for s in strokes for p in s]
        ox, oy = min(xs), min(ys)
        width, height = max(max(xs) - ox, 1.0), max(max(ys) - oy, 1.0)
    if not (0 < width <= MAX_PAD_SIDE and 0 < height <= MAX_PAD_SIDE):
        raise UsageError("signature.unusable_size", "The signature file has an unusable size.")
    return SignatureArt(
        strokes=tuple(Stroke(tuple((x - ox, y - oy) for x, y in s)) for s in strokes),
        width=float(width),
        height=float(height),
    )


# --- images ---------------------------------------------------------------------------


def signature_from_image(data: bytes) -> SignatureArt:
    """A PNG or JPEG signature, checked and re-encoded as a metadata-free PNG."""
    from PIL import Image, ImageOps

    if len(data) > MAX_IMAGE_BYTES:
        raise UsageError("signature.image_too_large", "The signature image is larger than 2 MB.")
    if data.startswith(PNG_MAGIC):
        fmt = "PNG"
    elif data.startswith(JPEG_MAGIC):
        fmt = "JPEG"
    else:
        raise UsageError(
            "signature.image_not_png_jpeg", "The signature image is not a PNG or JPEG file."
        )
    try:
        with Image.open(BytesIO(data), formats=[fmt]) as probe:
            w, h = probe.size
            if not (0 < w <= MAX_IMAGE_SIDE and 0 < h <= MAX_IMAGE_SIDE):
                raise UsageError(
                    "signature.image_too_many_pixels",
                    "The signature image is larger than {side}×{side} pixels.",
                    side=MAX_IMAGE_SIDE,
                )
            probe.verify()
        with Image.open(BytesIO(data), formats=[fmt]) as im:
            im.load()
            img = ImageOps.exif_transpose(im)
            has_alpha = "A" in img.getbands() or "transparency" in img.info
            if img.mode not in ("L", "RGB", "RGBA"):
                img = img.convert("RGBA" if has_alpha else "RGB")
            img.thumbnail((STORED_IMAGE_SIDE, STORED_IMAGE_SIDE))
            out = BytesIO()
            img.save(out, format="PNG")
    except UsageError:
        raise
    except Exception:  # Pillow raises many types on hostile input; all mean "refuse"
        raise UsageError(
            "signature.image_damaged", "The signature image is damaged or not a PNG or JPEG file."
        ) from None
    return SignatureArt(
        image=out.getvalue(),
        media_type="image/png",
        width=float(img.width),
        height=float(img.height),
    )


def signature_from_file(data: bytes) -> SignatureArt:
    """Dispatch on the content, never the file name."""
    if data.startswith((PNG_MAGIC, JPEG_MAGIC)):
        return signature_from_image(data)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return signature_from_svg(data)
    raise UsageError(
        "signature.not_an_image", "The signature file is not a PNG, JPEG or SVG image."
    )


# --- storage --------------------------------------------------------------------------


def to_json(art: SignatureArt) -> str:
    """The strokes and pad size as compact JSON (images are stored as bytes elsewhere)."""
    return json.dumps(
        {
            "version": 1,
            "width": art.width,
            "height": art.height,
            "strokes": [[[round(x, 2), round(y, 2)] for x, y in s.points] for s in art.strokes],
        },
        separators=(",", ":"),
    )


def from_json(text: str) -> SignatureArt:
    """The inverse of to_json, strict about shape and limits."""
    try:
        obj = json.loads(text)
        width, height = float(obj["width"]), float(obj["height"])
        strokes = tuple(
            Stroke(tuple((float(p[0]), float(p[1])) for p in s)) for s in obj["strokes"]
        )
        ok = obj.get("version") == 1 and 0 < width <= MAX_PAD_SIDE and 0 < height <= MAX_PAD_SIDE
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        ok = False
    if (
        not ok
        or sum(len(s.points) for s in strokes) > MAX_POINTS
        or not all(math.isfinite(v) for s in strokes for p in s.points for v in p)
    ):
        raise UsageError(
            "signature.stored_strokes_damaged", "The stored signature strokes are damaged."
        )
    return SignatureArt(strokes=strokes, width=width, height=height)


# --- drawing --------------------------------------------------------------------------


def has_art(art: SignatureArt) -> bool:
    return bool(art.image) or any(s.points for s in art.strokes)


def define_signature_form(
    canvas: Any, art: SignatureArt, name: str, box_w: float, box_h: float, line_width: float = 1.1
) -> None:
    """Draw the signature once as a form XObject of box_w×box_h points, left-aligned and
    clipped to its box; pages then place it with place_signature."""
    from reportlab.lib.colors import black
    from reportlab.lib.utils import ImageReader

    canvas.beginForm(name, 0, 0, box_w, box_h)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(0, 0, box_w, box_h)
    canvas.clipPath(clip, stroke=0, fill=0)
    if art.image:
        canvas.drawImage(
            ImageReader(BytesIO(art.image)),
            0,
            0,
            box_w,
            box_h,
            preserveAspectRatio=True,
            anchor="w",
            mask="auto",
        )
    else:
        scale = min(box_w / art.width, box_h / art.height)
        dy = (box_h - art.height * scale) / 2
        canvas.setStrokeColor(black)
        canvas.setLineWidth(line_width)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        path = canvas.beginPath()
        for stroke in art.strokes:
            pts = [(x * scale, box_h - dy - y * scale) for x, y in stroke.points]
            if not pts:
                continue
            path.moveTo(*pts[0])
            for p in pts[1:] or pts[:1]:  # a single point still leaves a (round) dot
                path.lineTo(*p)
        canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()
    canvas.endForm()


def place_signature(canvas: Any, name: str, x: float, y: float) -> None:
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()
