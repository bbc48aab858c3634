"""Where the interviewer is on the way from the statement to the bundle: read-back, the
end of the sitting, the declaration and pages, the signature, the export.

One line at the top of each of those screens: steps done carry a tick, the current one
is bold and marked, the rest wait. It is plain text (no colour needed to read it) and a
screen reader hears "Step 3 of 5: Declaration and pages". The words are neutral: the
person giving the statement may see these screens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

READBACK, END_SITTING, DECLARATION, SIGNATURE, EXPORT = range(5)


def step_names() -> list[str]:
    return [
        QCoreApplication.translate("StepIndicator", "Read-back"),
        QCoreApplication.translate("StepIndicator", "End the sitting"),
        QCoreApplication.translate("StepIndicator", "Declaration and pages"),
        QCoreApplication.translate("StepIndicator", "Signature"),
        QCoreApplication.translate("StepIndicator", "Export"),
    ]


class StepIndicator(QWidget):
    """The five steps in a row that wraps when the window is narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.labels: list[QLabel] = []
        for _name in step_names():
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setObjectName("step")
            self.labels.append(label)
            row.addWidget(label)
        # When the row does not fit (Welsh at 200 % text), one line says where you are.
        self.compact = QLabel(self)
        self.compact.setTextFormat(Qt.TextFormat.PlainText)
        self.compact.setObjectName("step")
        self.compact.setProperty("state", "current")
        row.addWidget(self.compact, 1)
        row.addStretch(1)
        self.current = READBACK
        self.show_step(READBACK)

    def _full_width(self) -> int:
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        return sum(label.sizeHint().width() + spacing for label in self.labels)

    def minimumSizeHint(self) -> QSize:
        return self.compact.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        full = self._full_width() <= self.width()
        for label in self.labels:
            label.setVisible(full)
        self.compact.setVisible(not full)

    def show_step(self, current: int) -> None:
        self.current = current
        names = step_names()
        for index, (label, name) in enumerate(zip(self.labels, names, strict=True)):
            mark = "✓" if index < current else str(index + 1)
            label.setText(f"{mark} {name}")
            label.setProperty("state", "done" if index < current else
                              "current" if index == current else "waiting")  # fmt: skip
            label.style().unpolish(label)
            label.style().polish(label)
        spoken = QCoreApplication.translate("StepIndicator", "Step %1 of %2: %3")
        where = (
            spoken.replace("%1", str(current + 1))
            .replace("%2", str(len(names)))
            .replace("%3", names[current])
        )
        self.setAccessibleName(where)
        self.compact.setText(where)
        self._fit()
