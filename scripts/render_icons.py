"""Renders Quietroom's icon set from packaging/icons/org.quietroom.Quietroom.svg.

Writes packaging/icons/png/SIZE/org.quietroom.Quietroom.png for the hicolor sizes, and
the Windows .ico and macOS .icns the PyInstaller spec uses there. The PNGs are committed;
run this again after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_icons.py

Rendering uses Qt's own SVG renderer (PySide6 is already a dependency; rsvg-convert is
not installed on the build machines). The PNGs carry no time stamp, so a re-render of an
unchanged SVG gives the same bytes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.quietroom.Quietroom"
ICONS = Path(__file__).resolve().parents[1] / "packaging" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    # Re-encoded by Pillow: Qt's PNG writer is deterministic too, but Pillow writes no
    # gamma or text chunks that differ between Qt versions.
    out = io.BytesIO()
    Image.open(io.BytesIO(bytes(data.data()))).save(out, "PNG", optimize=True)
    return out.getvalue()


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / f"{APP_ID}.svg"))
    if not renderer.isValid():
        print(f"render_icons: {APP_ID}.svg is not a valid SVG", file=sys.stderr)
        return 1
    images = {}
    for size in SIZES:
        target = ICONS / "png" / str(size) / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render(renderer, size))
        images[size] = Image.open(target)
        print(target.relative_to(ICONS.parents[1]))
    # Windows: one .ico with the sizes Explorer and the taskbar ask for.
    big = images[256]
    big.save(ICONS / f"{APP_ID}.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    # macOS: Pillow builds the .icns from the largest image.
    images[512].save(ICONS / f"{APP_ID}.icns")
    print(f"packaging/icons/{APP_ID}.ico, .icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
