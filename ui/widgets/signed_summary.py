"""What the signature screen shows once the statement is signed: a short summary (the
case reference, when it was signed, how many pages) and the next step, *Export…*, with
*Back to cases* beside it. Only what the core handed back is shown: a statement found
already signed on a later visit shows its reference alone.

The person giving the statement may still be looking at the screen (docs/wording.md):
no word for them here. The words are the signature screen's own, translated under its
context ("SignatureScreen").
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.dates import day_time
from ui.screens.base import accessible, plain_label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "…") calls


class SignedSummary(QWidget):
    export_requested = Signal()
    cases_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(14)
        self.facts = QFormLayout()
        self.facts.setHorizontalSpacing(24)
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reference = self._fact(translate("SignatureScreen", "Case reference"))
        self.signed_at = self._fact(translate("SignatureScreen", "Signed"))
        self.pages = self._fact(translate("SignatureScreen", "Pages"))
        layout.addLayout(self.facts)
        self.note = plain_label(
            translate(
                "SignatureScreen", "Its text can no longer change. Export it next, for review."
            ),
            self,
            name="hint",
        )
        layout.addWidget(self.note)
        row = QHBoxLayout()
        self.export_button = QPushButton(translate("SignatureScreen", "E&xport…"), self)
        self.export_button.setObjectName("primary")
        accessible(
            self.export_button,
            translate("SignatureScreen", "Export"),
            translate("SignatureScreen", "Export the signed statement as an encrypted bundle"),
        )
        self.cases_button = QPushButton(translate("SignatureScreen", "&Back to cases"), self)
        accessible(self.cases_button, translate("SignatureScreen", "Back to cases"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit())
        self.cases_button.clicked.connect(lambda: self.cases_requested.emit())
        row.addWidget(self.export_button)
        row.addWidget(self.cases_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)  # the summary sits at the top, under the heading
        self.clear()

    def _fact(self, name: str) -> QLabel:
        value = plain_label("", self, wrap=True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.facts.addRow(plain_label(name, self, name="hint", wrap=False), value)
        return value

    def show_signed(self, reference: str, signed: datetime | None, pages: int | None) -> None:
        """The outcome: what is not known (a later visit) is left out, not guessed."""
        self._set(self.reference, reference)
        self._set(self.signed_at, day_time(signed) if signed is not None else "")
        self._set(self.pages, str(pages) if pages else "")
        # Export is the next step: Enter (or Space) takes it, never anything else here.
        self.export_button.setDefault(True)
        self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        for value in (self.reference, self.signed_at, self.pages):
            self._set(value, "")
        self.export_button.setDefault(False)

    def _set(self, value: QLabel, text: str) -> None:
        value.setText(text)
        self.facts.setRowVisible(value, bool(text))
