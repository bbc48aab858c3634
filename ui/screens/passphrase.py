"""The passphrase screen: change the vault's passphrase, or re-key the vault when the old
one may have been seen.

The current passphrase is asked first, so nobody at an unlocked laptop can change it.
A plain change only re-wraps the vault's key, so it revokes nothing: a copy of the old
header and the old passphrase would still open everything. The box "someone may have
seen my passphrase" re-keys the vault instead (app/vault/rekey.py): a new key and the
database re-encrypted, which takes longer. The work runs on the worker thread; the
fields are cleared whatever the outcome. A refusal takes the focus, so that a screen
reader says it, and is tied to its field (ui/widgets/problems.py).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.desktop.vault import change_passphrase
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.screens.unlock import calm_sentence, centred_column
from ui.widgets.announce import announce
from ui.widgets.notice import INFO, SUCCESS, say
from ui.widgets.passphrase_strength import PassphraseStrengthHint
from ui.widgets.problems import clear_summary, show_summary, tie, untie
from ui.widgets.secret_field import SecretField

MIN_CHARS = 8  # as the core's check (app/vault/keys.py); the core has the last word


class PassphraseScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.nav = nav
        self._working = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)  # at 200 % text the page is taller than the window
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page = QWidget(scroll)
        page.setObjectName("screen")
        scroll.setWidget(page)
        layout.addWidget(scroll)
        column = centred_column(page)

        column.addWidget(plain_label(self.tr("Change your passphrase"), page, name="title"))
        column.addWidget(
            plain_label(
                self.tr(
                    "Type your current passphrase, then the new one twice. Nothing about "
                    "any case changes."
                ),
                page,
                name="subtitle",
            )
        )
        self.current = self._secret_field(
            page, self.tr("Current passphrase"), self.tr("The passphrase you unlocked with")
        )
        self._labelled(column, self.tr("&Current passphrase"), self.current, page)
        self.new = self._secret_field(
            page, self.tr("New passphrase"), self.tr("At least 8 characters")
        )
        self._labelled(column, self.tr("&New passphrase"), self.new, page)
        self.strength = PassphraseStrengthHint(page)
        self.new.secret_changed.connect(self.strength.update_for)
        column.addWidget(self.strength)
        self.repeat = self._secret_field(
            page, self.tr("Repeat the new passphrase"), self.tr("Type the new passphrase again")
        )
        self._labelled(column, self.tr("&Repeat the new passphrase"), self.repeat, page)
        self.repeat.returnPressed.connect(self.submit)

        self.rekey = QCheckBox(self.tr("&Someone may have seen my passphrase"), page)
        rekey_help = self.tr(
            "Also gives the vault a new key and re-encrypts it, so the old passphrase opens "
            "nothing, even with an old copy of the vault's files. This takes a little longer. "
            "Without it, the change alone does not undo what someone who saw the old "
            "passphrase could do with a copy."
        )
        accessible(self.rekey, self.tr("Someone may have seen my passphrase"), rekey_help)
        column.addWidget(self.rekey)
        column.addWidget(plain_label(rekey_help, page, name="hint"))

        self.back_button = QPushButton(self.tr("&Back"), page)
        accessible(self.back_button, self.tr("Back to settings, without changing anything"))
        self.back_button.clicked.connect(self.back)
        self.change_button = QPushButton(self.tr("C&hange passphrase"), page)
        self.change_button.setObjectName("primary")
        accessible(self.change_button, self.tr("Change passphrase"))
        self.change_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.change_button)
        column.addLayout(row)
        self.busy = plain_label("", page, name="hint")
        self.busy.hide()
        self.message = plain_label("", page, name="message")
        self.message.hide()
        column.addWidget(self.busy)
        column.addWidget(self.message)
        column.addStretch(1)
        order = (
            self.current,
            self.new,
            self.repeat,
            self.rekey,
            self.back_button,
            self.change_button,
        )
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    @staticmethod
    def _secret_field(parent: QWidget, name: str, description: str) -> SecretField:
        field = SecretField(parent)
        accessible(field, name, description)
        return field

    @staticmethod
    def _labelled(column: QVBoxLayout, text: str, field: QWidget, parent: QWidget) -> None:
        # Label above its field: beside it, wrapped labels clip at 200 %.
        label = plain_label(text, parent)
        label.setBuddy(field)
        column.addWidget(label)
        column.addWidget(field)

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self._show_message("")
        self.current.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_content(self) -> None:
        self._clear_secrets()
        self._show_message("")

    # --- changing ---------------------------------------------------------------------------

    def submit(self) -> None:
        if self._working:
            return
        current, new, repeat = self.current.text(), self.new.text(), self.repeat.text()
        if not current:
            self._refuse(self.tr("Type your current passphrase first."), self.current)
            return
        if len(new.strip()) < MIN_CHARS:
            self._refuse(
                self.tr("The new passphrase needs at least {count} characters.").format(
                    count=MIN_CHARS
                ),
                self.new,
            )
            return
        if new != repeat:
            self._refuse(
                self.tr("The two new passphrases are not the same. Please type them again."),
                self.new,
            )
            return
        rekey = self.rekey.isChecked()
        self._set_working(True, rekey)
        self._show_message("")
        self.backend.run(
            change_passphrase,
            current,
            new,
            rekey,
            done=lambda _result: self._changed(rekey),
            failed=self._failed,
        )

    def _changed(self, rekeyed: bool) -> None:
        self._set_working(False)
        self._clear_secrets()
        self._show_message(
            self.tr(
                "Your passphrase has been changed and the vault has a new key: the old "
                "passphrase opens nothing now."
            )
            if rekeyed
            else self.tr("Your passphrase has been changed."),
            SUCCESS,
        )
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, message: str, _exit_code: int) -> None:
        self._set_working(False)
        self._clear_secrets()
        self._refuse(
            calm_sentence(message)
            or self.tr("The passphrase could not be changed. Nothing was changed."),
            self.current,
        )

    def _refuse(self, text: str, focus: QWidget) -> None:
        # The new passphrase is typed again after any refusal: secrets never wait on screen.
        self.new.clear()
        self.repeat.clear()
        self._show_message("")
        show_summary(self.message, text, focus)  # Tab (or typing) leads on to `focus`
        tie(focus, self.message, self.message.text())

    def _set_working(self, working: bool, rekey: bool = False) -> None:
        self._working = working
        for widget in (
            self.current,
            self.new,
            self.repeat,
            self.rekey,
            self.back_button,
            self.change_button,
        ):
            widget.setEnabled(not working)
        self.busy.setText(
            (
                self.tr("Re-encrypting the vault… this takes a moment.")
                if rekey
                else self.tr("Changing… this takes a moment.")
            )
            if working
            else ""
        )
        self.busy.setVisible(working)
        announce(self.busy, self.busy.text())

    def _clear_secrets(self) -> None:
        self.current.clear()
        self.new.clear()
        self.repeat.clear()
        self.rekey.setChecked(False)

    def _show_message(self, text: str, kind: str = INFO) -> None:
        clear_summary(self.message)
        for field in (self.current, self.new, self.repeat):
            untie(field, self.message)
        say(self.message, text, kind)

    def back(self) -> None:
        if not self._working:
            self.nav.go("settings")
