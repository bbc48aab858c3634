"""The one-line question before a further statement: "Start a further statement?" with
*Start it* and *Not now*, shown in place rather than as a dialog (a dialog would take the
interviewer out of the room's calm). The workspace shows it after signing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ui.screens.base import accessible, plain_label


class FurtherStatementRow(QFrame):
    start_requested = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.question = plain_label(
            self.tr(
                "Start a further statement? The signed statement stays exactly as it is; the "
                "further one is read back and signed on its own."
            ),
            self,
        )
        row.addWidget(self.question, 1)
        self.yes = QPushButton(self.tr("Start &it"), self)
        accessible(self.yes, self.tr("Start it"), self.tr("Start the further statement"))
        self.no = QPushButton(self.tr("Not &yet"), self)
        accessible(self.no, self.tr("Not yet"), self.tr("Do not start a further statement"))
        row.addWidget(self.yes)
        row.addWidget(self.no)
        self.yes.clicked.connect(self._start)
        self.no.clicked.connect(self._decline)
        self.hide()

    def ask(self) -> None:
        self.show()
        self.no.setFocus(Qt.FocusReason.OtherFocusReason)  # the safe answer first

    def _start(self) -> None:
        self.hide()
        self.start_requested.emit()

    def _decline(self) -> None:
        self.hide()
        self.declined.emit()
