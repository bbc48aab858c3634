"""Translations: English source strings, Welsh (cy) from two catalogues in app/resources/i18n/.

Every user-visible string goes through Qt's translation system (`self.tr(...)` in a
QObject, or `translate(context, text)`); `make` builds the .qm files from the .ts
sources with pyside6-lrelease.

Welsh needs two catalogues, installed and removed together:

- `quietroom_cy.qm`: the app's own strings (extracted from ui/ by pyside6-lupdate);
- `qt_cy.qm`: the words Qt itself draws inside the app, which Qt ships no Welsh for
  (no qtbase_cy.qm): the file chooser, the text fields' context menus, the spin boxes'
  and scroll bars' menus, the standard buttons (OK, Cancel, Yes, No…). It holds only
  the Qt contexts the app shows (docs/design.md says how to add one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import resource_path

LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}
# Each language's conventions (dates, numbers) are those of Great Britain: English is
# en-GB ("4 Dec 2026, 06:38"), never en-US, whatever the process locale is.
LOCALES = {"en": "en_GB", "cy": "cy_GB"}

_installed: list[QTranslator] = []
_language = "en"  # the interface language last installed


def qm_path(language: str) -> Path:
    """The app's own catalogue for a language."""
    return resource_path("i18n", f"quietroom_{language}.qm")


def qt_qm_path(language: str) -> Path:
    """Quietroom's catalogue of Qt's own strings for a language (app/resources/i18n/qt_cy.ts)."""
    return resource_path("i18n", f"qt_{language}.qm")


def install(language: str) -> bool:
    """Switch the application's language; English needs no translator. True when every
    catalogue of the language loaded. Without the app's own catalogue nothing is
    installed (the interface stays English, whole); without Qt's, the app's still is."""
    global _language
    app = QCoreApplication.instance()
    if app is None:
        return False
    while _installed:
        app.removeTranslator(_installed.pop())
    _language = language
    QLocale.setDefault(interface_locale())
    if language == "en":
        return True
    # Unparented: _installed keeps the installed ones alive, and one that failed to load
    # goes with its last reference.
    ours = QTranslator()
    if not ours.load(str(qm_path(language))):
        return False
    qt = QTranslator()
    qt_loaded = qt.load(str(qt_qm_path(language)))
    # Their contexts never overlap (the app's are its own class names, Qt's are Qt's),
    # so the order the translators are asked in does not matter.
    for translator in (qt, ours) if qt_loaded else (ours,):
        app.installTranslator(translator)
        _installed.append(translator)
    return qt_loaded


def language() -> str:
    """The interface language ("en" or "cy") as last installed; "en" until then. Dates and
    times follow it (ui/dates.py), never the process locale."""
    return _language


def interface_locale() -> QLocale:
    """The interface language's locale (en_GB or cy_GB)."""
    return QLocale(LOCALES.get(_language, "en_GB"))


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
