"""A case's exports and where each one went: to a file only, or to the central system
(waiting, sending, received with its receipt, or not accepted and why).

Shown on the case's decisions screen, above the supervisors' decisions, so the
interviewer sees in one place that the statement reached the central system and what
came back. The receipt's names and a refusal's reason came from the network: plain text
only, on one line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.desktop.sync import CaseExport, Delivery
from ui.screens.base import accessible, plain_label
from ui.screens.review_inbox import one_line, when


def delivery_text(delivery: Delivery | None) -> str:
    """Where one export went, in plain words."""
    if delivery is None:
        return QCoreApplication.translate(
            "CaseDeliveries", "saved to a file only; not sent to the central system."
        )
    if delivery.state == "delivered":
        intake = one_line(delivery.intake_name or "") or QCoreApplication.translate(
            "CaseDeliveries", "the central system"
        )
        return QCoreApplication.translate(
            "CaseDeliveries", "received by {intake} on {when}; its signed receipt was checked."
        ).format(intake=intake, when=when(delivery.received or delivery.delivered))
    if delivery.state == "refused":
        reason = one_line(delivery.reason or "") or QCoreApplication.translate(
            "CaseDeliveries", "no reason was given"
        )
        return QCoreApplication.translate(
            "CaseDeliveries", "not accepted by the central system: {reason}"
        ).format(reason=reason)
    if delivery.state == "sending" or delivery.bytes_sent:
        return QCoreApplication.translate(
            "CaseDeliveries", "part sent; the rest goes when the laptop is connected."
        )
    return QCoreApplication.translate(
        "CaseDeliveries", "waiting to send; it goes when the laptop is connected."
    )


class CaseDeliveries(QFrame):
    """The list; `show_exports(None)` empties it (on lock)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label(
            QCoreApplication.translate("CaseDeliveries", "Exports of this statement"),
            self,
            name="subtitle",
        )
        layout.addWidget(self.heading)
        self.lines = QVBoxLayout()
        layout.addLayout(self.lines)
        self.labels: list[QLabel] = []
        self.hide()

    def show_exports(self, exports: list[CaseExport] | None) -> None:
        for label in self.labels:
            self.lines.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = []
        for number, export in enumerate(exports or [], start=1):
            text = QCoreApplication.translate(
                "CaseDeliveries", "Export {number}, {when}: {where}"
            ).format(
                number=number,  # this case's own count (the stored sequence is the device's)
                when=when(export.exported),
                where=delivery_text(export.delivery),
            )
            label = plain_label(text, self)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            accessible(label, text)
            self.lines.addWidget(label)
            self.labels.append(label)
        self.setVisible(bool(self.labels))
