"""Who this vault belongs to and which organisation it trusts; importing both.

Key files are read on the worker thread and stored inside the encrypted vault; this
screen only ever shows the public parts (name, role, organisation, fingerprint). After
an import it offers to overwrite and delete the key files it read, which would
otherwise stay on disk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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
from app.desktop.vault import (
    IdentityFiles,
    ImportedIdentity,
    KeyFileRemoval,
    identity_summary,
    import_identity,
    remove_key_files,
)
from ui.backend import Backend
from ui.member_roles import role_name
from ui.navigation import Navigator
from ui.screens.base import PRIVATE_DIALOG, Screen, accessible, plain_label, scrolled
from ui.widgets.notice import ERROR, INFO, SUCCESS, say
from ui.widgets.secret_field import SecretField


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
        # A label's underlined letter gives the focus to its buddy, this widget: pass it on
        # to the path. QLabel only does so for a buddy that itself takes the focus, so
        # this one must too (Tab still skips it for the path, its proxy).
        self.setFocusProxy(self.path)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        accessible(self, label)

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
        # The form scrolls at 200 % text; Back and Import stay in sight below it.
        outer = QVBoxLayout(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
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
        self.cert = FileField(self.tr("Identity file (identity.p12) or certificate (PEM)"), self)
        self.password = SecretField(self)
        accessible(
            self.password,
            self.tr("Password of the identity file"),
            self.tr("Needed for an identity.p12 or an encrypted key"),
        )
        self.key = FileField(self.tr("Private key (PEM), if not in the identity file"), self)
        self.auth_cert = FileField(self.tr("Authentication certificate (PEM), optional"), self)
        self.auth_key = FileField(self.tr("Authentication key (PEM), optional"), self)
        # "Age identity" is the cryptography's name; say what it is for.
        self.age = FileField(
            self.tr("The key that opens bundles sent to you, if not in the identity file"), self
        )
        self.trust = FileField(self.tr("Organisation trust file (trust.json)"), self)
        form.addRow(self.tr("&Identity file"), self.cert)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("Private &key"), self.key)
        form.addRow(self.tr("A&uthentication certificate"), self.auth_cert)
        form.addRow(self.tr("Authentication k&ey"), self.auth_key)
        form.addRow(self.tr("Key for bundles sent to &you"), self.age)
        form.addRow(self.tr("&Trust file"), self.trust)
        layout.addLayout(form)
        self.message = plain_label("", self, name="message")
        self.message.hide()
        layout.addWidget(self.message)
        # The offer to delete the key files just imported (hidden until there are some).
        self.leftover = QWidget(self)
        offer = QHBoxLayout(self.leftover)
        offer.setContentsMargins(0, 0, 0, 0)
        self.leftover_text = plain_label("", self.leftover)
        self.remove_button = QPushButton(self.tr("&Delete these files"), self.leftover)
        accessible(
            self.remove_button,
            self.tr("Delete these files"),
            self.tr("Overwrites and deletes them. Best effort: SSDs and backups may keep copies."),
        )
        offer.addWidget(self.leftover_text, 1)
        offer.addWidget(self.remove_button)
        self.leftover.hide()
        layout.addWidget(self.leftover)
        self._key_files: tuple[Path, ...] = ()
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("&Back"), self)
        accessible(self.back, self.tr("Back to the case list"))
        self.import_button = QPushButton(self.tr("I&mport"), self)
        self.import_button.setObjectName("primary")
        accessible(
            self.import_button,
            self.tr("Import"),
            self.tr("Checks the files and stores them in the vault"),
        )
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout.addStretch(1)
        outer.addWidget(scrolled(body, self), 1)
        outer.addLayout(buttons)
        self.back.clicked.connect(lambda: self.nav.go("cases"))
        self.import_button.clicked.connect(self._import)
        self.remove_button.clicked.connect(self._remove_key_files)

    def entered(self) -> None:
        self.message.hide()
        self._offer_removal(())
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
            self.tr("Role: %1").replace("%1", role_name(summary.role) if summary.role else "—"),
            self.tr("Certificate fingerprint: %1").replace("%1", summary.fingerprint[:32]),
            self.tr("Opens bundles sent to: %1").replace("%1", summary.age_recipient or "—"),
        ]
        if not summary.signing_key_available:
            # After a recovery: the organisation's recovery identity never opens the keys.
            lines.append(
                self.tr(
                    "Your keys were not brought back when this vault was recovered. Import "
                    "your identity again below before you sign or export."
                )
            )
        self.summary.setText("\n".join(lines))

    def _fields(self) -> tuple[FileField, ...]:
        return (self.cert, self.key, self.auth_cert, self.auth_key, self.age, self.trust)

    def _import(self) -> None:
        cert = self.cert.value()
        if cert is None:
            self._say(self.tr("Choose your identity file or certificate."))
            return
        files = IdentityFiles(
            cert=cert,
            key=self.key.value(),
            age=self.age.value(),
            trust=self.trust.value(),
            password=self.password.text() or None,
            auth_cert=self.auth_cert.value(),
            auth_key=self.auth_key.value(),
        )
        self.import_button.setEnabled(False)
        self._offer_removal(())

        def done(result: ImportedIdentity) -> None:
            self.import_button.setEnabled(True)
            self._show(result.summary)
            self._say(self.tr("Imported."), SUCCESS)
            for field in self._fields():
                field.path.clear()
            self.password.clear()
            self._offer_removal(result.key_files)

        def failed(message: str, code: int) -> None:
            self.import_button.setEnabled(True)
            self._say(
                message or self.tr("The files could not be imported; nothing was changed."), ERROR
            )

        self.backend.run(import_identity, files, done=done, failed=failed)

    def _offer_removal(self, paths: tuple[Path, ...]) -> None:
        self._key_files = paths
        if not paths:
            self.leftover.hide()
            return
        names = "\n".join(str(p) for p in paths)
        self.leftover_text.setText(
            self.tr(
                "Your keys are now in the vault, but these files still hold them:\n%1\n"
                "Delete them unless your organisation asked you to keep them."
            ).replace("%1", names)
        )
        self.remove_button.setEnabled(True)
        self.leftover.show()

    def _remove_key_files(self) -> None:
        self.remove_button.setEnabled(False)

        def done(result: KeyFileRemoval) -> None:
            self._offer_removal(result.not_removed)
            if result.not_removed:
                self._say(self.tr("Some files could not be deleted; delete them yourself."), ERROR)
            else:
                self._say(
                    self.tr(
                        "Deleted. Copies may remain on SSDs and in backups; keys should "
                        "arrive encrypted (identity.p12)."
                    )
                )

        def failed(message: str, code: int) -> None:
            self.remove_button.setEnabled(True)
            self._say(message or self.tr("The files could not be deleted."), ERROR)

        self.backend.run(remove_key_files, self._key_files, done=done, failed=failed)

    def _say(self, text: str, kind: str = INFO) -> None:
        say(self.message, text, kind)

    def clear_content(self) -> None:
        self.summary.clear()
        self.message.clear()
        self.message.hide()
        self.password.clear()
        self._offer_removal(())
        for field in self._fields():
            field.path.clear()
