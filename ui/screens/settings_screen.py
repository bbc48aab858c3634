"""The settings screen: interface preferences (never case data), and where the central
system is.

Language, text size, theme, auto-lock time, the default break interval and whether
statement text may be copied. Save hands a new `app.settings.Settings` to the main
window, which validates, stores and applies it.

The central system's (the intake's) address is not a preference of this computer but of
this vault: it is kept in the vault (app.desktop.sync.set_intake_address, on the worker),
checked there (https, a host, no path), and an empty field means the address the
organisation's trust file gives, which the field shows as its placeholder.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.desktop.sync import IntakeAddress, intake_address, set_intake_address
from app.settings import LANGUAGES, THEMES, Settings
from ui.backend import Backend
from ui.core_messages import sentence
from ui.i18n import LANGUAGE_NAMES
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, name_clear_button, plain_label
from ui.screens.unlock import centred_column
from ui.widgets.notice import ERROR, INFO, SUCCESS, say
from ui.widgets.range_spin import RangeSpinBox, range_note

TEXT_SCALE_STEP = 25


class SettingsScreen(Screen):
    # A new intake address was kept: the network worker should try it now.
    sync_requested = Signal()

    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.nav = nav
        self._generation = 0
        self._address: IntakeAddress | None = None  # as the vault holds it, once read
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page = QWidget(scroll)
        page.setObjectName("screen")
        scroll.setWidget(page)
        layout.addWidget(scroll, 1)
        # Back and Save stay in sight below the scrolling form, whatever the text size.
        self.footer = QWidget(self)
        layout.addWidget(self.footer)
        self._build(centred_column(page), page)
        self.load(nav.settings)

    def _build(self, column: QVBoxLayout, page: QWidget) -> None:
        column.addWidget(plain_label(self.tr("Settings"), page, name="title"))
        column.addWidget(
            plain_label(
                self.tr(
                    "These preferences are kept on this computer. "
                    "They never include anything about a case."
                ),
                page,
                name="subtitle",
            )
        )
        # Shown while a screen reader is running: it reads the statement aloud.
        self.screen_reader = plain_label(
            self.tr(
                "A screen reader is running. In the interview room, use headphones: it reads "
                "the statement aloud as you move through it."
            ),
            page,
            name="message",
        )
        self.screen_reader.setProperty("kind", INFO)  # the notice look, set before polish
        self.screen_reader.hide()
        column.addWidget(self.screen_reader)
        self.language = QComboBox(page)
        for code in LANGUAGES:
            # Each language is named in itself, so it can be found whatever is showing.
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        accessible(self.language, self.tr("Language"))
        # The drop-down list is a focusable widget of its own once shown.
        accessible(self.language.view(), self.tr("Languages to choose from"))
        self._row(column, self.tr("&Language"), self.language, page)

        self.text_scale = RangeSpinBox(100, 200, 100, page)
        self.text_scale.setSingleStep(TEXT_SCALE_STEP)
        self.text_scale.setSuffix(" %")
        self._name_spin(
            self.text_scale,
            self.tr("Text size, in percent"),
            self.tr("From 100 to 200 percent, in steps of 25"),
        )
        self._row(column, self.tr("&Text size"), self.text_scale, page)
        column.addWidget(
            range_note(self.text_scale, self.tr("From 100 to 200 percent, in steps of 25"), page)
        )

        self.theme = QComboBox(page)
        theme_names = {
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high_contrast": self.tr("High contrast"),
        }
        for code in THEMES:
            self.theme.addItem(theme_names.get(code, code), code)
        accessible(self.theme, self.tr("Theme"))
        accessible(self.theme.view(), self.tr("Themes to choose from"))
        self._row(column, self.tr("T&heme"), self.theme, page)

        self.autolock = RangeSpinBox(1, 60, 5, page)
        self.autolock.setSuffix(self.tr(" minutes"))
        self.autolock.valueChanged.connect(self._autolock_suffix)
        self._name_spin(
            self.autolock,
            self.tr("Lock automatically after, in minutes"),
            self.tr(
                "The vault locks after this many minutes without use, or "
                "during a break that lasts longer"
            ),
        )
        self._row(column, self.tr("Loc&k automatically after"), self.autolock, page)
        column.addWidget(range_note(self.autolock, self.tr("From 1 to 60 minutes"), page))

        self.break_minutes = RangeSpinBox(5, 180, 30, page)
        self.break_minutes.setSingleStep(5)
        self.break_minutes.setSuffix(self.tr(" minutes"))
        self._name_spin(
            self.break_minutes,
            self.tr("Default break interval, in minutes"),
            self.tr("Offered for a new survivor; they may choose another"),
        )
        self._row(column, self.tr("Default b&reak interval"), self.break_minutes, page)
        column.addWidget(range_note(self.break_minutes, self.tr("From 5 to 180 minutes"), page))

        self.clipboard = QCheckBox(self.tr("Allow &copying statement text to the clipboard"), page)
        clipboard_help = self.tr(
            "Off unless you switch it on. Copied text is cleared from "
            "the clipboard after 30 seconds."
        )
        accessible(
            self.clipboard, self.tr("Allow copying statement text to the clipboard"), clipboard_help
        )
        column.addWidget(self.clipboard)
        column.addWidget(plain_label(clipboard_help, page, name="hint"))

        # Kept in the vault, not with the preferences above: a heading of its own says so.
        column.addWidget(
            plain_label(self.tr("Sending to the central system"), page, name="subtitle")
        )
        self.intake = QLineEdit(page)
        self.intake.setClearButtonEnabled(True)
        intake_help = self.tr(
            "Where exported statements are sent. Leave it empty to use the address in your "
            "organisation's trust file. This address is kept in your encrypted vault."
        )
        accessible(self.intake, self.tr("The central system's address"), intake_help)
        name_clear_button(self.intake, self.tr("Clear the address"))
        self._row(column, self.tr("The central system's a&ddress"), self.intake, page)
        column.addWidget(plain_label(intake_help, page, name="hint"))

        column.addWidget(plain_label(self.tr("Your passphrase"), page, name="subtitle"))
        self.passphrase_button = QPushButton(self.tr("Change &passphrase…"), page)
        accessible(
            self.passphrase_button,
            self.tr("Change passphrase"),
            self.tr("Change the vault's passphrase, or give the vault a new key"),
        )
        self.passphrase_button.clicked.connect(lambda: self.nav.go("passphrase"))
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.passphrase_button)
        passphrase_row.addStretch(1)
        column.addLayout(passphrase_row)

        footer = centred_column(self.footer)
        self.back_button = QPushButton(self.tr("&Back"), self.footer)
        accessible(self.back_button, self.tr("Back, without saving"))
        self.back_button.clicked.connect(self.back)
        self.save_button = QPushButton(self.tr("&Save"), self.footer)
        self.save_button.setObjectName("primary")
        accessible(self.save_button, self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        self.message = plain_label("", self.footer, name="message")
        self.message.hide()
        footer.addWidget(self.message)
        footer.addLayout(row)
        column.addStretch(1)
        order = (
            self.language,
            self.text_scale,
            self.theme,
            self.autolock,
            self.break_minutes,
            self.clipboard,
            self.intake,
            self.passphrase_button,
            self.back_button,
            self.save_button,
        )
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    @staticmethod
    def _row(column: QVBoxLayout, text: str, field: QWidget, parent: QWidget) -> None:
        # Label above its field: beside it (a form layout) wrapped labels clip at 200 %.
        label = plain_label(text, parent)
        label.setBuddy(field)
        column.addWidget(label)
        column.addWidget(field)

    def _autolock_suffix(self, value: int) -> None:
        # Welsh mutates the noun after the number two ("2 funud", "3 munud"); the only
        # place two minutes can be chosen is here (break intervals start at five).
        if value == 2:
            self.autolock.setSuffix(self.tr(" minutes", "after the number 2"))
        else:
            self.autolock.setSuffix(self.tr(" minutes"))

    @staticmethod
    def _name_spin(spin: QSpinBox, name: str, description: str) -> None:
        accessible(spin, name, description)
        # The spin box's own text field can take focus too; it must carry the same name.
        accessible(spin.lineEdit(), name, description)

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self.load(self.nav.settings)
        self.message.hide()
        self.screen_reader.setVisible(QAccessible.isActive())
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)
        self._load_address()

    def clear_content(self) -> None:
        self._generation += 1  # an answer still on its way is dropped
        self._address = None
        self.intake.clear()
        self.intake.setPlaceholderText("")

    # --- the central system's address (kept in the vault) ------------------------------

    def _load_address(self) -> None:
        self._generation += 1
        generation = self._generation
        self._address = None
        self.backend.run(
            intake_address,
            done=lambda address: self._show_address(address, generation),
            failed=lambda message, code: None,  # locked or no vault: the field stays empty
        )

    def _show_address(self, address: IntakeAddress, generation: int) -> None:
        if generation != self._generation:
            return
        self._address = address
        self.intake.setText(address.configured or "")
        self.intake.setPlaceholderText(
            self.tr("From the trust file: {address}").format(address=address.from_trust)
            if address.from_trust
            else self.tr("None is set")
        )

    def _address_changed(self) -> bool:
        typed = self.intake.text().strip()
        if self._address is None:  # not read yet: only what was typed is a change
            return bool(typed)
        return typed != (self._address.configured or "")

    # --- values -----------------------------------------------------------------------------

    def load(self, prefs: Settings) -> None:
        prefs = prefs.validated()
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.text_scale.setValue(prefs.text_scale)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.autolock.setValue(prefs.autolock_minutes)
        self.break_minutes.setValue(prefs.default_break_minutes)
        self.clipboard.setChecked(prefs.clipboard_allowed)

    def chosen(self) -> Settings:
        """The settings as shown on screen (text size rounded to its 25 % steps)."""
        scale = round(self.text_scale.value() / TEXT_SCALE_STEP) * TEXT_SCALE_STEP
        return replace(
            self.nav.settings,
            language=str(self.language.currentData()),
            text_scale=min(200, max(100, scale)),
            theme=str(self.theme.currentData()),
            autolock_minutes=self.autolock.value(),
            default_break_minutes=self.break_minutes.value(),
            clipboard_allowed=self.clipboard.isChecked(),
        )

    def save(self) -> None:
        new = self.chosen()
        if self._address_changed():
            # Sent first: a language change below rebuilds this screen.
            self.backend.run(
                set_intake_address,
                self.intake.text(),
                done=self._address_saved,
                failed=lambda message, code: self._say(
                    sentence(message) or self.tr("Something went wrong; nothing was changed."),
                    ERROR,
                ),
            )
        kept = self.nav.apply_settings(new)
        # After a language change this screen is rebuilt; otherwise say it quietly here.
        self.text_scale.setValue(new.text_scale)
        if kept:
            self._say(self.tr("Settings saved."), SUCCESS)
        else:  # the settings file could not be written (a full disk, a read-only home)
            self._say(
                self.tr("The settings apply now, but they could not be saved for next time."),
                ERROR,
            )

    def _address_saved(self, address: IntakeAddress) -> None:
        with contextlib.suppress(RuntimeError):  # rebuilt meanwhile (see _say)
            self.sync_requested.emit()
            self._generation += 1
            self._show_address(address, self._generation)

    def _say(self, text: str, kind: str = INFO) -> None:
        # The screen may have been rebuilt (a new language) before a late answer.
        with contextlib.suppress(RuntimeError):
            say(self.message, text, kind)

    def back(self) -> None:
        self.nav.go("cases")
