"""The language choice at the top of the first screens (set-up and unlock): "Cymraeg /
English", before anything else, so that a Welsh speaker works in Welsh from the start.

Each language is named in itself and never translated, so it can be found whatever the
interface is showing; the group is named "Iaith / Language" for the same reason. The two
choices are radio buttons in one group: a screen reader says the group's name, the
choice and which is checked, and the arrow keys move between them as in any set of
options. Choosing one only says so (`chosen`); the screen hands the new language to the
main window, which saves it and says the interface again in it (ui/main_window.py), the
chooser keeping the focus.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from ui.i18n import LANGUAGE_NAMES
from ui.navigation import Navigator
from ui.widgets.accessible_roles import Group
from ui.widgets.announce import announce

ORDER = ("cy", "en")  # Welsh first, as a bilingual service in Wales names them
GROUP_NAME = "Iaith / Language"  # in both languages: never translated
# What a screen reader hears once the switch is made, in the language chosen.
SWITCHED = {"cy": "Mae Quietroom yn Gymraeg nawr.", "en": "Quietroom is in English now."}


class LanguageChoice(Group):
    """Two radio buttons, "Cymraeg" and "English"; `chosen` says which was picked."""

    chosen = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageChoice")
        self.setAccessibleName(GROUP_NAME)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)  # at the right-hand end of the top line, out of the way
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for code in ORDER:
            button = QRadioButton(LANGUAGE_NAMES[code], self)
            button.setObjectName(f"language-{code}")
            button.setAccessibleName(LANGUAGE_NAMES[code])
            button.setAccessibleDescription(GROUP_NAME)
            self.group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
            # clicked, not toggled: only a person's choice (a click, Space, an arrow key)
            # switches the language, never `show_language` below.
            button.clicked.connect(lambda _checked=False, c=code: self._clicked(c))
        QWidget.setTabOrder(self.buttons[ORDER[0]], self.buttons[ORDER[1]])
        self.show_language(language)

    def show_language(self, language: str) -> None:
        """Check the language the interface is in, without saying it was chosen."""
        button = self.buttons.get(language, self.buttons["en"])
        button.setChecked(True)

    def language(self) -> str:
        return next((c for c, b in self.buttons.items() if b.isChecked()), "en")

    def first(self) -> QRadioButton:
        """The control Tab reaches first (the screen puts it first in its Tab order)."""
        return self.buttons[ORDER[0]]

    def last(self) -> QRadioButton:
        return self.buttons[ORDER[-1]]

    def has_focus(self) -> bool:
        return any(b.hasFocus() for b in self.buttons.values())

    def focus_choice(self) -> None:
        self.buttons[self.language()].setFocus(Qt.FocusReason.OtherFocusReason)

    def say_switched(self) -> None:
        """Tell a screen reader, politely, that the interface is in the new language."""
        announce(self, SWITCHED.get(self.language(), SWITCHED["en"]))

    def _clicked(self, code: str) -> None:
        self.chosen.emit(code)


def switch_language(nav: Navigator, chooser: LanguageChoice, language: str) -> bool:
    """Switch the whole interface to `language` the way the settings screen does (the
    main window saves it and says every screen again in it), keep the focus on the
    choice and say the switch; False when it could not be saved for next time."""
    if language == nav.settings.language:
        return True
    kept = nav.apply_settings(replace(nav.settings, language=language))
    chooser.show_language(nav.settings.language)
    chooser.focus_choice()
    chooser.say_switched()
    return kept


def not_kept() -> str:
    """Said when the settings file could not be written: the language holds until the
    app closes."""
    return QCoreApplication.translate(
        "LanguageChoice",
        "This language is used until Quietroom closes: it could not be saved on this "
        "computer for next time.",
    )
