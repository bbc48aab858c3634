"""The signature pad: the witness's signature as vector strokes from mouse, pen or touch.

Strokes are kept in widget coordinates (y grows downwards) and leave the pad only as
the compact JSON that `app.render.signature_art.from_json` reads. Pen pressure is
ignored: the stored signature is a line, not an image. The "Sign here" hint and the
baseline are painted, never recorded.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QEventPoint,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.desktop.types import MAX_SIGNATURE_POINTS, SignatureArt, Stroke, signature_to_json

MIN_STEP = 0.75  # pixels: closer points add nothing visible and only bloat the JSON
PEN_WIDTH = 2.5
MAX_POINTS = MAX_SIGNATURE_POINTS

Point = tuple[float, float]


class SignaturePad(QWidget):
    """Captures strokes; `changed` fires when a stroke starts or ends and on clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[Point]] = []
        self._drawing = False
        self._touch_id: int | None = None
        self._space: tuple[int, int] | None = None  # the pad's size when signing began
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        # Drawing needs a pointer; keyboard users reach Clear and Sign instead.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setAccessibleDescription(
            self.tr("Signature pad: sign here with a finger, pen or mouse")
        )
        self._update_minimum()

    # --- the strokes ----------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def strokes(self) -> list[list[Point]]:
        return [list(stroke) for stroke in self._strokes if stroke]

    def clear(self) -> None:
        self._strokes = []
        self._drawing = False
        self._touch_id = None
        self._space = None
        self.update()
        self.changed.emit()

    def pad_size(self) -> tuple[float, float]:
        """The space the witness signed in: the pad's size when the first stroke began (a
        later layout change must not rescale the signature), grown to hold every point."""
        width, height = self._space or (self.width(), self.height())
        xs = [p[0] for s in self._strokes for p in s]
        ys = [p[1] for s in self._strokes for p in s]
        return (
            float(max([width, 1, *[math.ceil(x) for x in xs]])),
            float(max([height, 1, *[math.ceil(y) for y in ys]])),
        )

    def to_art(self) -> SignatureArt:
        width, height = self.pad_size()
        return SignatureArt(
            strokes=tuple(Stroke(tuple(s)) for s in self.strokes()), width=width, height=height
        )

    def to_json(self) -> str:
        """{"version":1,"width":w,"height":h,"strokes":[[[x,y],…],…]}, 2 decimals."""
        return signature_to_json(self.to_art())

    def _begin(self, pos: QPointF) -> None:
        if self._space is None or self.is_empty():
            self._space = (self.width(), self.height())
        self._drawing = True
        self._strokes.append([])
        self._add(pos)
        self.changed.emit()

    def _add(self, pos: QPointF) -> None:
        if not self._drawing or not self._strokes:
            return
        if sum(len(s) for s in self._strokes) >= MAX_POINTS:
            return  # the stored format's limit; a real signature is far below it
        x = min(max(pos.x(), 0.0), float(max(self.width(), 1)))
        y = min(max(pos.y(), 0.0), float(max(self.height(), 1)))
        stroke = self._strokes[-1]
        if stroke and math.hypot(x - stroke[-1][0], y - stroke[-1][1]) < MIN_STEP:
            return
        stroke.append((x, y))
        self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if not self._drawing:
            return
        if pos is not None:
            self._add(pos)
        self._drawing = False
        self.changed.emit()

    # --- input: mouse, pen, touch ------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._add(event.position())
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing:
            self._end(event.position())
            event.accept()
        else:
            event.ignore()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting the pen's events stops Qt from also sending synthesised mouse events.
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._add(event.position())  # hover moves are ignored: not drawing
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            self._touch(event)  # type: ignore[arg-type]
            event.accept()
            return True
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._update_minimum()
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        # One finger draws; further fingers (a resting palm, say) are ignored.
        if event.type() == QEvent.Type.TouchCancel:
            self._touch_id = None
            self._end()
            return
        for point in event.points():
            if self._touch_id is None and point.state() == QEventPoint.State.Pressed:
                self._touch_id = point.id()
                self._begin(point.position())
            elif point.id() == self._touch_id:
                if point.state() == QEventPoint.State.Released:
                    self._touch_id = None
                    self._end(point.position())
                else:
                    self._add(point.position())

    # --- size and painting ---------------------------------------------------------------

    def _update_minimum(self) -> None:
        # Usable at 200 % text: the minimum follows the font, with a floor for fingers.
        line = self.fontMetrics().height()
        self.setMinimumSize(max(320, line * 18), max(140, line * 6))

    def sizeHint(self) -> QSize:
        minimum = self.minimumSize()
        return QSize(max(640, minimum.width()), max(240, minimum.height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pal = self.palette()
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1.0))
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRect(frame)
        margin = max(12.0, self.fontMetrics().height() * 0.8)
        baseline = self.height() * 0.72
        # The text colour keeps the hint at full contrast; italics set it apart from ink.
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1.0))
        painter.drawLine(QPointF(margin, baseline), QPointF(self.width() - margin, baseline))
        if self.is_empty():
            font = painter.font()
            font.setItalic(True)
            painter.setFont(font)
            painter.drawText(
                QPointF(margin, baseline - self.fontMetrics().descent() - 6), self.tr("Sign here")
            )
        pen = QPen(pal.color(QPalette.ColorRole.Text), PEN_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(QPointF(*stroke[0]))  # a tap leaves a dot
            elif stroke:
                painter.drawPath(smooth_path(stroke))
        painter.end()


def smooth_path(points: list[Point]) -> QPainterPath:
    """A smooth line through the points: quadratic curves between midpoints."""
    path = QPainterPath(QPointF(*points[0]))
    for i in range(1, len(points) - 1):
        here, after = points[i], points[i + 1]
        path.quadTo(QPointF(*here), QPointF((here[0] + after[0]) / 2, (here[1] + after[1]) / 2))
    path.lineTo(QPointF(*points[-1]))
    return path
