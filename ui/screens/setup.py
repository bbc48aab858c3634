"""The first-run screen: create the vault with a passphrase typed twice.

It explains in plain words what the passphrase protects, gives a calm strength hint as
the person types, says whether the OS keyring will also protect the vault, and takes an
optional organisation recovery recipient. The core decides what it accepts; its
refusals appear in a calm message, never a dialog, which takes the focus so that a
screen reader says it, and is tied to the field it is about (ui/widgets/problems.py).

Above everything, "Cymraeg / English" (ui/widgets/language_choice.py), first in the Tab
order and never scrolled away: choosing one says the screen again in that language at
once (`retranslate`), keeping what was typed, the keyring's answer and the focus.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.desktop.vault import create_vault, keyring_available
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.screens.unlock import calm_sentence, centred_column
from ui.widgets.accessible_roles import Group
from ui.widgets.announce import announce
from ui.widgets.language_choice import LanguageChoice, not_kept, switch_language
from ui.widgets.notice import ERROR, INFO, say
from ui.widgets.passphrase_strength import MIN_CHARS, PassphraseStrengthHint
from ui.widgets.problems import clear_summary, show_summary, tie, untie
from ui.widgets.secret_field import SecretField


class SetupScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.nav = nav
        self.keyring: bool | None = None  # unknown until the worker has looked
        self._working = False
        self._refused_field: QWidget | None = None  # what the core's refusal is about
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The language first, above the page and never scrolled away (it is the one
        # thing on the screen that needs no language to be read).
        top = QWidget(self)
        self.chooser = LanguageChoice(nav.settings.language, top)
        self.chooser.chosen.connect(self._choose_language)
        centred_column(top).addWidget(self.chooser)
        layout.addWidget(top)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take focus, not the frame
        self.page = Group(scroll)  # named by the warning below (retranslate)
        self.page.setObjectName("screen")
        scroll.setWidget(self.page)
        layout.addWidget(scroll, 1)
        self._build(centred_column(self.page), self.page)
        self.retranslate()

    def _build(self, column: QVBoxLayout, page: QWidget) -> None:
        self.title = plain_label("", page, name="title")
        self.intro = plain_label("", page)
        self.warning = plain_label("", page)
        self.passphrase_label = plain_label("", page)
        self.passphrase = SecretField(page)
        self.passphrase_label.setBuddy(self.passphrase)
        self.strength = PassphraseStrengthHint(page)
        self.passphrase.secret_changed.connect(self.strength.update_for)
        self.repeat_label = plain_label("", page)
        self.repeat = SecretField(page)
        self.repeat_label.setBuddy(self.repeat)
        self.repeat.returnPressed.connect(self.submit)
        self.show_toggle = QCheckBox(page)
        self.show_toggle.toggled.connect(self._show_passphrase)
        self.keyring_label = plain_label("", page, name="hint")
        self.recovery_label = plain_label("", page)
        self.recovery = QLineEdit(page)
        self.recovery.setPlaceholderText("age1…")
        self.recovery_label.setBuddy(self.recovery)
        self.recovery_hint = plain_label("", page, name="hint")
        for widget in (
            self.title,
            self.intro,
            self.warning,
            self.passphrase_label,
            self.passphrase,
            self.strength,
            self.repeat_label,
            self.repeat,
            self.show_toggle,
            self.keyring_label,
            self.recovery_label,
            self.recovery,
            self.recovery_hint,
        ):
            column.addWidget(widget)

        self.create_button = QPushButton(page)
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self.submit)
        self.create_button.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        column.addLayout(row)
        self.busy = plain_label("", page, name="hint")
        self.busy.hide()
        self.message = plain_label("", page, name="message")
        self.message.hide()
        column.addWidget(self.busy)
        column.addWidget(self.message)
        column.addStretch(1)
        order = (
            self.chooser.first(),
            self.chooser.last(),
            self.passphrase,
            self.repeat,
            self.show_toggle,
            self.recovery,
            self.create_button,
        )
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    def retranslate(self) -> None:
        """Every word in the interface's language: when the screen is made, and in place
        after the language changes (what was typed, the focus and the keyring's answer
        stay; a message already shown stays as it was said)."""
        self.chooser.show_language(self.nav.settings.language)
        self.title.setText(self.tr("Create your vault"))
        self.intro.setText(
            self.tr(
                "Everything you record in Quietroom stays encrypted on this laptop. You will "
                "need your passphrase every time you open it."
            )
        )
        warning = self.tr(
            "Choose a passphrase you will remember. If it is forgotten and no recovery key "
            "is set, nothing can recover it, and the vault cannot be opened again."
        )
        self.warning.setText(warning)
        # The focus starts in the passphrase field, below the warning, so a screen reader
        # would never read it: it is the name of the group the fields are in, said as the
        # focus enters it.
        accessible(self.page, warning)
        self.passphrase_label.setText(self.tr("&Passphrase"))
        accessible(self.passphrase, self.tr("Passphrase"), self.tr("At least 8 characters"))
        self.strength.update_for(self.passphrase.text())
        self.repeat_label.setText(self.tr("&Repeat the passphrase"))
        accessible(
            self.repeat, self.tr("Repeat the passphrase"), self.tr("Type the same passphrase again")
        )
        self.show_toggle.setText(self.tr("&Show the passphrase"))
        accessible(
            self.show_toggle,
            self.tr("Show the passphrase"),
            self.tr("Shows the typed passphrase on screen"),
        )
        self._show_keyring()
        self.recovery_label.setText(self.tr("Organisation recovery &key (optional)"))
        accessible(
            self.recovery,
            self.tr("Organisation recovery key, optional"),
            self.tr(
                "The public recovery key your organisation gave you; it starts "
                "with age1. It lets an administrator restore access if the "
                "passphrase is forgotten."
            ),
        )
        self.recovery_hint.setText(
            self.tr(
                "If your organisation gave you a recovery key (it starts with age1), paste it "
                "here so an administrator can restore access if the passphrase is forgotten."
            )
        )
        self.create_button.setText(self.tr("&Create the vault"))
        accessible(self.create_button, self.tr("Create the vault"))
        if self._working:
            self.busy.setText(self.tr("Creating… this takes a moment."))

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self.chooser.show_language(self.nav.settings.language)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.keyring is None:
            self.backend.run(
                keyring_available,
                done=self._keyring_known,
                failed=lambda _message, _code: self._keyring_known(False),
            )

    def clear_content(self) -> None:
        self._clear_secrets()

    def _choose_language(self, language: str) -> None:
        if not switch_language(self.nav, self.chooser, language):
            self._show_message(not_kept(), ERROR)

    # --- the keyring ----------------------------------------------------------------------

    def _keyring_known(self, available: object) -> None:
        self.keyring = bool(available)
        self._show_keyring()
        self.create_button.setEnabled(not self._working)

    def _show_keyring(self) -> None:
        if self.keyring is None:
            text = self.tr("Looking for this computer's keyring…")
        elif self.keyring:
            text = self.tr(
                "Your vault will also be bound to this computer's keyring (Secret Service)."
            )
        else:
            text = self.tr(
                "No system keyring was found: the vault will be protected by the passphrase only."
            )
        self.keyring_label.setText(text)

    # --- creating ---------------------------------------------------------------------------

    def submit(self) -> None:
        if self._working or self.keyring is None:
            return
        passphrase, repeat = self.passphrase.text(), self.repeat.text()
        self._clear_secrets()
        if passphrase != repeat:
            self._refuse(
                self.tr("The two passphrases are not the same. Please type them both again."),
                self.passphrase,
                self.repeat,
            )
            return
        recipient = self.recovery.text().strip() or None
        # The core's only rule for the passphrase is its length: a long enough one that
        # is refused with a recovery key given was refused for the key.
        long_enough = len(passphrase.strip()) >= MIN_CHARS
        self._refused_field = self.recovery if recipient and long_enough else self.passphrase
        self._set_working(True)
        self._show_message("")
        self.backend.run(
            create_vault,
            passphrase,
            self.keyring,
            recipient,
            done=self._created,
            failed=self._refused,
        )

    def _created(self, _result: object) -> None:
        self._set_working(False)
        self.recovery.clear()
        self.nav.unlocked()

    def _refused(self, message: str, _exit_code: int) -> None:
        self._set_working(False)
        self._refuse(
            calm_sentence(message)
            or self.tr("The vault could not be created. Nothing was changed; please try again."),
            self._refused_field or self.passphrase,
        )

    def _refuse(self, text: str, *fields: QWidget) -> None:
        """A refused Create: the summary takes the focus and Tab leads on to the first
        field in error; the problem is tied to each field it is about."""
        self._show_message("")
        show_summary(self.message, text, fields[0])
        for field in fields:
            tie(field, self.message if field is fields[0] else None, self.message.text())

    def _set_working(self, working: bool) -> None:
        self._working = working
        for widget in (
            self.passphrase,
            self.repeat,
            self.show_toggle,
            self.recovery,
            self.create_button,
        ):
            widget.setEnabled(not working)
        self.busy.setText(self.tr("Creating… this takes a moment.") if working else "")
        self.busy.setVisible(working)
        announce(self.busy, self.busy.text())

    def _show_passphrase(self, shown: bool) -> None:
        self.passphrase.set_revealed(shown)
        self.repeat.set_revealed(shown)

    def _clear_secrets(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.show_toggle.setChecked(False)

    def _show_message(self, text: str, kind: str = INFO) -> None:
        clear_summary(self.message)
        for field in (self.passphrase, self.repeat, self.recovery):
            untie(field, self.message)
        say(self.message, text, kind)
