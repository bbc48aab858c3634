"""Who this vault belongs to and which organisation it trusts; importing both.

Key files are read on the worker thread and stored inside the encrypted vault; this
screen only ever shows the public parts (name, role, organisation, fingerprint).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.desktop.types import IdentitySummary
from app.desktop.vault import identity_summary, import_identity
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import PRIVATE_DIALOG, Screen, accessible, plain_label


class FileField(QWidget):
    """A path typed or chosen with the platform's file chooser (opened only on request)."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(self)
        accessible(self.path, label)
        self.choose = QPushButton(self.tr("Choose…"), self)
        accessible(self.choose, self.tr("Choose a file for: %1").replace("%1", label))
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        self.choose.clicked.connect(self._choose)
        self._label = label

    def _choose(self) -> None:
        # An explicit folder, never Qt's memory of the last one visited (see bundles.py).
        start = self.path.text().strip() or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self._label, start, options=PRIVATE_DIALOG)
        if name:
            self.path.setText(name)

    def value(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text) if text else None


class IdentityScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Identity and organisation"), self, name="title"))
        layout.addWidget(
            plain_label(
                self.tr(
                    "Your signing certificate and key sign your exports; your age identity opens "
                    "bundles sent to you; the organisation's trust file says whom to trust. They "
                    "are kept inside the encrypted vault."
                ),
                self,
                name="subtitle",
            )
        )
        self.summary = plain_label("", self)
        accessible(self.summary, self.tr("Current identity"))
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.cert = FileField(self.tr("Certificate (PEM or PKCS#12)"), self)
        self.key = FileField(self.tr("Private key (PEM)"), self)
        self.age = FileField(self.tr("Age identity"), self)
        self.trust = FileField(self.tr("Organisation trust file (trust.json)"), self)
        form.addRow(self.tr("&Certificate"), self.cert)
        form.addRow(self.tr("Private &key"), self.key)
        form.addRow(self.tr("&Age identity"), self.age)
        form.addRow(self.tr("&Trust file"), self.trust)
        layout.addLayout(form)
        self.message = plain_label("", self, name="message")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("&Back"), self)
        accessible(self.back, self.tr("Back to the case list"))
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("primary")
        accessible(
            self.import_button,
            self.tr("Import"),
            self.tr("Checks the files and stores them in the vault"),
        )
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.back.clicked.connect(lambda: self.nav.go("cases"))
        self.import_button.clicked.connect(self._import)

    def entered(self) -> None:
        self.message.hide()
        self.backend.run(
            identity_summary,
            done=self._show,
            failed=lambda m, c: self.summary.setText(
                self.tr("No identity has been imported into this vault yet.")
            ),
        )

    def _show(self, summary: IdentitySummary) -> None:
        lines = [
            self.tr("Name: %1").replace("%1", summary.name or "—"),
            self.tr("Organisation: %1").replace(
                "%1", summary.organisation or self.tr("no trust file imported")
            ),
            self.tr("Role: %1").replace("%1", summary.role or "—"),
            self.tr("Certificate fingerprint: %1").replace("%1", summary.fingerprint[:32]),
            self.tr("Opens bundles sent to: %1").replace("%1", summary.age_recipient or "—"),
        ]
        self.summary.setText("\n".join(lines))

    def _import(self) -> None:
        cert = self.cert.value()
        if cert is None:
            self._say(self.tr("Choose your certificate file."))
            return
        key, age, trust = self.key.value(), self.age.value(), self.trust.value()
        self.import_button.setEnabled(False)

        def done(summary: IdentitySummary) -> None:
            self.import_button.setEnabled(True)
            self._show(summary)
            self._say(self.tr("Imported."))
            for field in (self.cert, self.key, self.age, self.trust):
                field.path.clear()

        def failed(message: str, code: int) -> None:
            self.import_button.setEnabled(True)
            self._say(message or self.tr("The files could not be imported; nothing was changed."))

        self.backend.run(import_identity, cert, key, age, trust, done=done, failed=failed)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def clear_content(self) -> None:
        self.summary.clear()
        self.message.clear()
        self.message.hide()
        for field in (self.cert, self.key, self.age, self.trust):
            field.path.clear()
