"""The outbox: what this laptop sends to the central system (the intake), and what the
central system has confirmed.

One card per item (ui/widgets/outbox_item.py: where it stands, its receipt, or the
central system's reason and "Try again"), newest first, under one calm sentence about
the connection. The list comes from the vault (on the worker) and follows the network
worker's `SyncStatus` while the screen is shown; while hidden it only keeps the latest
status, so a long send costs the GUI thread nothing. Answers after a lock are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.desktop.sync import Delivery, SyncStatus, outbox_items, retry_item, with_items
from ui.backend import Backend
from ui.core_messages import translate
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.screens.cases import sentence
from ui.sync_worker import SyncWorker
from ui.widgets.notice import ERROR, INFO, SUCCESS, say
from ui.widgets.outbox_item import ItemCard


def connection_text(status: SyncStatus) -> str:
    """One calm sentence about the connection, for the top of the outbox."""
    if not status.known and status.connection == "unknown":
        return ""
    if status.connection == "reached":
        return QCoreApplication.translate("OutboxWords", "Connected to the central system.")
    if status.connection == "offline":
        return QCoreApplication.translate(
            "OutboxWords",
            "Not connected to the central system just now. Nothing is lost: everything waits "
            "here, encrypted, and is sent when the laptop is connected.",
        )
    if status.connection == "not_set_up":
        if status.problem is None or status.problem.code == "sync.not_configured":
            return QCoreApplication.translate(
                "OutboxWords",
                "Sending is not set up on this laptop yet: enter the central system's address "
                "in Settings, or ask your administrator.",
            )
        return QCoreApplication.translate(
            "OutboxWords", "Sending is not set up on this laptop yet: {problem}"
        ).format(problem=sentence(translate(status.problem)))
    if status.connection == "failed":
        return QCoreApplication.translate(
            "OutboxWords", "The last attempt ran into a problem. It will be tried again shortly."
        )
    if status.known:  # the first attempt since unlocking is under way
        return QCoreApplication.translate(
            "OutboxWords", "Checking whether the central system can be reached…"
        )
    return ""


class OutboxScreen(Screen):
    # Something was queued again: the network worker should try now.
    sync_requested = Signal()

    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._generation = 0
        self._status = SyncStatus()
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Outbox"), self, name="title"))
        layout.addWidget(
            plain_label(
                self.tr(
                    "What this laptop sends to the central system. Each item stays here, "
                    "encrypted, until the central system confirms it with a signed receipt."
                ),
                self,
                name="subtitle",
            )
        )
        self.connection = plain_label("", self, name="hint")
        self.connection.hide()
        layout.addWidget(self.connection)
        self.message = plain_label("", self, name="message")
        self.message.hide()
        layout.addWidget(self.message)
        self.empty = plain_label(
            self.tr("Nothing has been sent from this laptop yet."), self, name="hint"
        )
        self.empty.hide()
        layout.addWidget(self.empty)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page = QWidget(scroll)
        self.page.setObjectName("screen")
        self.page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.cards_layout = QVBoxLayout(self.page)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.addStretch(1)
        scroll.setWidget(self.page)
        layout.addWidget(scroll, 1)
        self.cards: list[ItemCard] = []
        self.back = QPushButton(self.tr("&Back"), self)
        accessible(self.back, self.tr("Back"))
        self.send_now = QPushButton(self.tr("Send &now"), self)
        accessible(
            self.send_now,
            self.tr("Send now"),
            self.tr("Try to send what is waiting straight away"),
        )
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.send_now)
        layout.addLayout(row)
        self.back.clicked.connect(self._back)
        self.send_now.clicked.connect(self._send_now)

    def attach_sync(self, worker: SyncWorker) -> None:
        """Follow the network worker's status (the main window calls this)."""
        worker.status_changed.connect(self.show_status)
        self.sync_requested.connect(worker.wake)
        self._status = worker.status

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self._say("")
        self._generation += 1
        generation = self._generation
        self.show_status(self._status)
        self._refresh(generation)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_status(self._status)  # what arrived while hidden

    def clear_content(self) -> None:
        self._generation += 1
        self._status = SyncStatus()
        for card in self.cards:
            self._drop(card)
        self.cards = []
        self._say("")
        self.connection.clear()
        self.connection.hide()
        self.empty.hide()

    # --- showing ------------------------------------------------------------------------

    def _loaded(self, items: list[Delivery], generation: int) -> None:
        if generation == self._generation:
            self.show_status(with_items(self._status, items))

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        if not self.isVisible():
            # Drawn when shown (entered): the worker reports every chunk and receipt, and
            # building cards nobody sees would only take the GUI thread's time.
            return
        text = connection_text(status)
        self.connection.setText(text)
        self.connection.setVisible(bool(text))
        self.send_now.setEnabled(bool(status.waiting))
        self._show_cards()
        self.empty.setVisible(status.known and not status.items)

    def _show_cards(self) -> None:
        """Newest first. Only a card whose item changed state is made again; the others
        take the new progress in place (a card is a dozen widgets)."""
        status = self._status
        wanted = list(reversed(status.items))
        old = {card.item.item_id: card for card in self.cards}
        if [card.item.item_id for card in self.cards] != [d.item_id for d in wanted]:
            for card in self.cards:  # items came or went: lay them out again
                self.cards_layout.removeWidget(card)
            keep = {d.item_id for d in wanted}
            for item_id, card in list(old.items()):
                if item_id not in keep:
                    self._drop(card)
                    del old[item_id]
            self.cards = []
            for index, item in enumerate(wanted):
                card = old.get(item.item_id) or self._card(item)
                self.cards_layout.insertWidget(index, card)
                self.cards.append(card)
        for index, item in enumerate(wanted):
            card = self.cards[index]
            if card.item.state != item.state:
                replacement = self._card(item)
                self.cards_layout.replaceWidget(card, replacement)
                self._drop(card)
                self.cards[index] = card = replacement
            card.item = item
            card.update_status(status)

    def _card(self, item: Delivery) -> ItemCard:
        card = ItemCard(item, self._status, self.page)
        card.retry.connect(self._retry)
        return card

    def _drop(self, card: ItemCard) -> None:
        self.cards_layout.removeWidget(card)
        card.hide()
        card.deleteLater()

    def _failed(self, message: str, generation: int) -> None:
        if generation == self._generation:
            self._say(
                sentence(message) or self.tr("Something went wrong; nothing was changed."), ERROR
            )

    def _say(self, text: str, kind: str = INFO) -> None:
        say(self.message, text, kind)

    # --- actions ------------------------------------------------------------------------

    def _retry(self, item_id: str) -> None:
        generation = self._generation

        def done(_item: object) -> None:
            if generation != self._generation:
                return
            self._say(self.tr("Queued again; it will be sent on the next attempt."), SUCCESS)
            self.sync_requested.emit()
            self._refresh(generation)

        self.backend.run(
            retry_item,
            item_id,
            done=done,
            failed=lambda message, code: self._failed(message, generation),
        )

    def _refresh(self, generation: int) -> None:
        self.backend.run(
            outbox_items,
            done=lambda items: self._loaded(items, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def _send_now(self) -> None:
        self.sync_requested.emit()

    def _back(self) -> None:
        self.nav.go(self.nav.previous_screen or "cases")
