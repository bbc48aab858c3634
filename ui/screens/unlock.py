"""The unlock screen: the passphrase, and calm words when the vault cannot be opened.

Nothing about any case is ever shown here: the vault is locked, and the screen may be
seen by the survivor. The passphrase field is cleared after every attempt. A refusal
takes the focus (a screen reader says it at once, not the prompt again); typing goes on
into the field.

Above everything, "Cymraeg / English" (ui/widgets/language_choice.py), first in the Tab
order: choosing one says the screen again in that language at once (`retranslate`),
keeping what was typed and the focus on the choice.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.desktop.vault import unlock
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.widgets.announce import announce
from ui.widgets.language_choice import LanguageChoice, not_kept, switch_language
from ui.widgets.notice import ERROR, INFO, say
from ui.widgets.problems import clear_summary, show_summary, tie, untie
from ui.widgets.secret_field import SecretField

DAMAGED_EXIT_CODE = 3  # VaultError: the vault is missing, damaged or of an unknown format


def calm_sentence(message: str) -> str:
    """The core's one plain sentence, starting with a capital and ending with a stop."""
    text = message.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def centred_column(screen: QWidget) -> QVBoxLayout:
    """A column in the middle of the screen that grows with the text (never clips)."""
    outer = QHBoxLayout(screen)
    outer.addStretch(1)
    column = QVBoxLayout()
    column.setSpacing(12)
    outer.addLayout(column, 3)
    outer.addStretch(1)
    return column


class UnlockScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.nav = nav
        self._working = False
        column = centred_column(self)
        self.chooser = LanguageChoice(nav.settings.language, self)
        self.chooser.chosen.connect(self._choose_language)
        column.addWidget(self.chooser)  # at the top, however tall the window
        column.addStretch(1)
        self.title = plain_label("", self, name="title")
        self.subtitle = plain_label("", self, name="subtitle")
        self.field_label = plain_label("", self)
        self.passphrase = SecretField(self)
        self.field_label.setBuddy(self.passphrase)
        self.passphrase.returnPressed.connect(self.submit)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.busy = plain_label("", self, name="hint")
        self.busy.hide()
        self.message = plain_label("", self, name="message")
        self.message.hide()
        for widget in (self.title, self.subtitle, self.field_label, self.passphrase):
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        column.addLayout(row)
        column.addWidget(self.busy)
        column.addWidget(self.message)
        column.addStretch(2)
        order = (self.chooser.first(), self.chooser.last(), self.passphrase, self.unlock_button)
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word in the interface's language: when the screen is made, and in place
        after the language changes (what was typed and the focus stay; a message already
        shown stays as it was said)."""
        self.chooser.show_language(self.nav.settings.language)
        self.title.setText(self.tr("Quietroom is locked"))
        self.subtitle.setText(self.tr("Type your passphrase to continue."))
        self.field_label.setText(self.tr("&Passphrase"))
        accessible(
            self.passphrase,
            self.tr("Passphrase"),
            self.tr("Your vault passphrase. Press Enter to unlock."),
        )
        self.unlock_button.setText(self.tr("&Unlock"))
        accessible(self.unlock_button, self.tr("Unlock"))
        if self._working:
            self.busy.setText(self.tr("Unlocking… this takes a moment."))

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self.chooser.show_language(self.nav.settings.language)
        self.passphrase.clear()
        if not self._working:
            self._show_message("")
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_content(self) -> None:
        self.passphrase.clear()

    def _choose_language(self, language: str) -> None:
        if not switch_language(self.nav, self.chooser, language):
            self._show_message(not_kept(), ERROR)

    # --- unlocking ------------------------------------------------------------------------

    def submit(self) -> None:
        if self._working:
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        if not passphrase:
            self._show_message(self.tr("Type your passphrase, then press Enter."))
            return
        self._set_working(True)
        self._show_message("")
        self.backend.run(unlock, passphrase, done=self._unlocked, failed=self._refused)

    def _unlocked(self, _result: object) -> None:
        self._set_working(False)
        self._show_message("")
        self.nav.unlocked()

    def _refused(self, message: str, exit_code: int) -> None:
        self._set_working(False)
        text = calm_sentence(message)
        if not text:
            text = self.tr("The vault could not be opened. Please try again.")
        if exit_code == DAMAGED_EXIT_CODE:
            text = (
                text + " " + self.tr("Contact your administrator; your data has not been changed.")
            )
        self._show_message("")
        show_summary(self.message, text, self.passphrase, assertive=True)
        if exit_code != DAMAGED_EXIT_CODE:  # a damaged vault is no fault of the passphrase
            tie(self.passphrase, self.message, text)

    def _set_working(self, working: bool) -> None:
        self._working = working
        self.passphrase.setEnabled(not working)
        self.unlock_button.setEnabled(not working)
        self.busy.setText(self.tr("Unlocking… this takes a moment.") if working else "")
        self.busy.setVisible(working)
        announce(self.busy, self.busy.text())

    def _show_message(self, text: str, kind: str = INFO) -> None:
        clear_summary(self.message)
        untie(self.passphrase, self.message)
        say(self.message, text, kind)
