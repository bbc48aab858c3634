"""One outbox item as a card, and the plain words the outbox uses.

The case reference, what the item is (a statement bundle or a decision), where it stands
(waiting, sending with a progress bar, received, not accepted) and, for a received item,
the receipt the central system signed (checked before the item counted as received):
who received it, when, and the SHA-256 it vouches for; for an item not accepted, the
central system's reason and "Try again". The reason and the receipt's names came from
the network: plain text only, on one line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.desktop.sync import Delivery, SyncStatus
from ui.screens.base import accessible, plain_label
from ui.screens.cases import sentence
from ui.screens.review_inbox import one_line, when


def size_text(size: int) -> str:
    """ "1.2 MB", in the interface's number format."""
    return QLocale().formattedDataSize(
        max(0, size), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def short_hash(digest: str | None) -> str:
    """The first and last eight hex digits: enough to compare by eye."""
    text = one_line(digest or "")
    return text if len(text) <= 20 else f"{text[:8]}…{text[-8:]}"


def kind_label(kind: str) -> str:
    labels = {
        "bundle": QCoreApplication.translate("OutboxWords", "Statement bundle"),
        "decision": QCoreApplication.translate("OutboxWords", "Supervisor's decision"),
    }
    return labels.get(kind, one_line(kind))


def state_label(state: str) -> str:
    labels = {
        "queued": QCoreApplication.translate("OutboxWords", "Waiting to send"),
        "sending": QCoreApplication.translate("OutboxWords", "Sending"),
        "delivered": QCoreApplication.translate("OutboxWords", "Received by the central system"),
        "refused": QCoreApplication.translate("OutboxWords", "Not accepted by the central system"),
    }
    return labels.get(state, one_line(state))


def waiting_note(item: Delivery, status: SyncStatus) -> str:
    """Why a waiting item has not gone yet, calmly."""
    if item.last_error == "sync.bad_receipt":
        return QCoreApplication.translate(
            "OutboxWords",
            "The central system's receipt did not check, so it counts as not received yet. "
            "It will be sent again after {time}.",
        ).format(time=when(item.next_attempt))
    if item.last_error and item.last_error.startswith("busy"):
        return QCoreApplication.translate(
            "OutboxWords", "The central system was busy. It will be tried again after {time}."
        ).format(time=when(item.next_attempt))
    if status.connection == "not_set_up":
        return QCoreApplication.translate(
            "OutboxWords", "It will be sent once sending is set up on this laptop."
        )
    if status.connection == "reached":
        if status.sending is not None:
            return QCoreApplication.translate(
                "OutboxWords", "It goes once the one before it has been sent."
            )
        return QCoreApplication.translate("OutboxWords", "It will be sent on the next attempt.")
    return QCoreApplication.translate(
        "OutboxWords", "It will be sent when the laptop is connected."
    )


class ItemCard(QFrame):
    """One outbox item; everything from the network is plain text."""

    retry = Signal(str)

    def __init__(self, item: Delivery, status: SyncStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("outboxItem")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        heading = self.tr("{reference} — {kind}").format(
            reference=one_line(item.reference), kind=kind_label(item.kind)
        )
        self.heading = plain_label(heading, self, name="subtitle")
        layout.addWidget(self.heading)
        self.state = plain_label(state_label(item.state), self)
        bold = self.state.font()
        bold.setBold(True)  # where it stands, found at a glance (weight, never colour)
        self.state.setFont(bold)
        layout.addWidget(self.state)
        self.note = plain_label("", self, name="hint")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        accessible(self.progress, self.tr("How much has been sent"))
        self.progress.hide()
        layout.addWidget(self.progress)
        layout.addWidget(self.note)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Queued in the export's (or decision's) own transaction: the same moment.
        made = self.tr("Exported") if item.kind == "bundle" else self.tr("Decided")
        form.addRow(
            made,
            self._value(
                self.tr("{when} ({size})").format(when=when(item.queued), size=size_text(item.size))
            ),
        )
        self.retry_button: QPushButton | None = None
        if item.state == "delivered":
            form.addRow(self.tr("Received"), self._value(when(item.received or item.delivered)))
            form.addRow(
                self.tr("Received by"),
                self._value(one_line(item.intake_name or "") or self.tr("the central system")),
            )
            form.addRow(
                self.tr("Receipt"),
                self._value(
                    self.tr("Signed and checked; SHA-256 {digest}").format(
                        digest=short_hash(item.receipt_sha256 or item.sha256)
                    )
                ),
            )
        elif item.state == "refused":
            reason = sentence(one_line(item.reason or "")) or self.tr("No reason was given.")
            form.addRow(self.tr("Reason"), self._value(reason))
        layout.addLayout(form)
        if item.state == "refused":
            self.retry_button = QPushButton(self.tr("&Try again"), self)
            accessible(
                self.retry_button,
                self.tr("Try again to send {reference}").format(reference=one_line(item.reference)),
                self.tr("Once your administrator has fixed the cause"),
            )
            self.retry_button.clicked.connect(lambda: self.retry.emit(item.item_id))
            row = QHBoxLayout()
            row.addWidget(self.retry_button)
            row.addStretch(1)
            layout.addLayout(row)
        accessible(self, heading, state_label(item.state))
        self.update_status(status)

    def _value(self, text: str) -> QLabel:
        label = plain_label(text, self)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return label

    def update_status(self, status: SyncStatus) -> None:
        """Progress and the waiting note, without rebuilding the card."""
        item = self.item
        if item.pending:
            sent, size = status.sent_bytes(item)
            now = status.is_sending(item.item_id)
            if now:
                text = self.tr("Sending: {sent} of {size}")
            elif sent > 0:
                # Part-sent before: the rest goes from where the central system stands.
                text = self.tr("Waiting to send: {sent} of {size} already sent")
            else:
                text = state_label("queued")
            self.state.setText(text.format(sent=size_text(sent), size=size_text(size)))
            self.progress.setValue(int(1000 * sent / size) if size else 0)
            self.progress.setVisible(now or sent > 0)
            self.note.setText("" if now else waiting_note(item, status))
        self.note.setVisible(bool(self.note.text()))
