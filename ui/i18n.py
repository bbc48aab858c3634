"""Translations: English source strings, Welsh (cy) from app/resources/i18n/quietroom_cy.qm.

Every user-visible string goes through Qt's translation system (`self.tr(...)` in a
QObject, or `translate(context, text)`); `make` builds the .qm files from the .ts
sources with pyside6-lrelease.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import resource_path

LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}
# Each language's conventions (dates, numbers) are those of Great Britain: English is
# en-GB ("4 Dec 2026, 06:38"), never en-US, whatever the process locale is.
LOCALES = {"en": "en_GB", "cy": "cy_GB"}

_installed: QTranslator | None = None
_language = "en"  # the interface language last installed


def qm_path(language: str):  # type: ignore[no-untyped-def]
    return resource_path("i18n", f"quietroom_{language}.qm")


def install(language: str) -> bool:
    """Switch the application's language; English needs no translator."""
    global _installed, _language
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    _language = language
    QLocale.setDefault(interface_locale())
    if language == "en":
        return True
    translator = QTranslator(app)
    if not translator.load(str(qm_path(language))):
        return False
    app.installTranslator(translator)
    _installed = translator
    return True


def language() -> str:
    """The interface language ("en" or "cy") as last installed; "en" until then. Dates and
    times follow it (ui/dates.py), never the process locale."""
    return _language


def interface_locale() -> QLocale:
    """The interface language's locale (en_GB or cy_GB)."""
    return QLocale(LOCALES.get(_language, "en_GB"))


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
