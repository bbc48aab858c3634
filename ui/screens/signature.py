"""The signature screen: the witness signs on the pad, then the statement is signed.

The strokes go to the engine as JSON ("application/vnd.quietroom.strokes+json") on the
worker thread; once the statement is signed the pad is cleared, so the signature lives
only in the vault. The engine decides whether signing is allowed (read-back confirmed,
the witness's name known) and its reason is shown calmly if not.

There is always a calm way off the screen without signing: "Back to read-back" (or Esc)
while the pad is showing, for a witness who declines to sign or wants another
correction; the pad is emptied on the way out. Only the Sign button signs: Enter does
not, and the focus never starts on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.desktop.statement import sign, statement_status
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.widgets.signature_pad import SignaturePad


class SignatureScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._ref: str | None = None
        self._generation = 0  # results that arrive after a lock or a new visit are dropped
        self._busy = False
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Signature"), self, name="title"))
        self.instructions = plain_label(
            self.tr("Ask the witness to sign in the box. They can clear it and sign again."),
            self,
            name="hint",
        )
        layout.addWidget(self.instructions)
        self.pad = SignaturePad(self)
        self.pad.changed.connect(self._update)
        layout.addWidget(self.pad, 1)
        self.status = plain_label("", self, name="hint")
        self.message = plain_label("", self, name="message")
        layout.addWidget(self.status)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("&Clear"), self)
        accessible(
            self.clear_button,
            self.tr("Clear the signature"),
            self.tr("Empties the box so the witness can sign again"),
        )
        self.sign_button = QPushButton(self.tr("&Sign the statement"), self)
        self.sign_button.setObjectName("primary")
        accessible(
            self.sign_button,
            self.tr("Sign the statement"),
            self.tr("Stores the signature; the statement's text can then no longer change"),
        )
        self.readback_button = QPushButton(self.tr("Back to &read-back"), self)
        accessible(
            self.readback_button,
            self.tr("Back to read-back"),
            self.tr(
                "Leaves without signing, for example to make another correction "
                "or if the witness does not want to sign; the box is emptied"
            ),
        )
        self.cases_button = QPushButton(self.tr("&Back to cases"), self)
        accessible(self.cases_button, self.tr("Back to cases"))
        for button in (
            self.clear_button,
            self.sign_button,
            self.readback_button,
            self.cases_button,
        ):
            button.setAutoDefault(False)  # Enter never presses Sign by accident
            button.setDefault(False)
        self.clear_button.clicked.connect(self.pad.clear)
        self.sign_button.clicked.connect(self._sign)
        self.readback_button.clicked.connect(self._back_to_readback)
        self.cases_button.clicked.connect(lambda: self.nav.go("cases"))
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.readback_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.cases_button)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.clear_button, self.readback_button)
        QWidget.setTabOrder(self.readback_button, self.sign_button)
        QWidget.setTabOrder(self.sign_button, self.cases_button)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)
        self._capturing(True)

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self.clear_content()  # a fresh pad on every visit: no signature lingers in memory
        self._ref = self.nav.current_case
        if self._ref is None:
            return
        generation = self._generation
        self.readback_button.setFocus(Qt.FocusReason.OtherFocusReason)  # never Sign first
        # A statement signed already shows the outcome instead of an empty pad.
        self.backend.run(
            statement_status,
            self._ref,
            done=lambda status: (
                self._signed(None)
                if generation == self._generation and status == "signed"
                else None
            ),
            failed=lambda m, c: None,
        )

    def clear_content(self) -> None:
        self._generation += 1
        self._ref = None
        self._busy = False
        self.pad.clear()
        self._show("", "")
        self._capturing(True)

    # --- signing ----------------------------------------------------------------------------

    def _sign(self) -> None:
        if self._ref is None or self.pad.is_empty() or self._busy:
            return
        generation = self._generation
        self._busy = True
        self._show(self.tr("Signing the statement…"), "")
        self._update()

        def failed(message: str, code: int) -> None:
            if generation == self._generation:
                self._busy = False
                self._show("", message or self.tr("Something went wrong; nothing was lost."))
                self._update()

        self.backend.run(
            sign,
            self._ref,
            self.pad.to_json().encode("utf-8"),
            done=lambda result: self._signed(result) if generation == self._generation else None,
            failed=failed,
        )

    def _signed(self, _result: object) -> None:
        self._busy = False
        self.pad.clear()  # the signature now lives only in the vault
        self._capturing(False)
        self._show("", self.tr("The statement is signed. Its text can no longer change."))
        self.cases_button.setFocus()

    # --- leaving ------------------------------------------------------------------------------

    def _back_to_readback(self) -> None:
        """Leave without signing; whatever was drawn is dropped, and a signature that is
        being stored (the click came first) is not undone, it simply stays signed."""
        if self._busy:
            return  # the signature is being stored: its outcome is shown in a moment
        self.pad.clear()
        self._show("", "")
        self.nav.go("readback")

    def _escape(self) -> None:
        if self.readback_button.isVisible():
            self._back_to_readback()
        elif self.cases_button.isVisible():
            self.nav.go("cases")

    # --- display ------------------------------------------------------------------------------

    def _capturing(self, on: bool) -> None:
        for widget in (
            self.instructions,
            self.pad,
            self.clear_button,
            self.sign_button,
            self.readback_button,
        ):
            widget.setVisible(on)
        self.cases_button.setVisible(not on)
        self._update()

    def _show(self, status: str, message: str) -> None:
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _update(self) -> None:
        self.sign_button.setEnabled(not self.pad.is_empty() and not self._busy)
        self.clear_button.setEnabled(not self._busy)
        self.readback_button.setEnabled(not self._busy)
        self.pad.setEnabled(not self._busy)  # no strokes while the signature is being stored
