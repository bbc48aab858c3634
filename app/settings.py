"""Typed interface preferences with defaults, stored as small JSON written atomically.

Only preferences live here (language, text size, theme, timings); never case data,
which is why the desktop app does not use QSettings at all. The file needs no vault: it
is written (to the user's config folder) before any vault exists, as soon as the first
screen's language is chosen.

Until a language is saved, it is the system locale's (`locale_language`): a Welsh
locale gives Welsh from the first screen, anything else English.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from app import paths
from app.fsutil import atomic_write, ensure_private_dir, read_limited

LOG = logging.getLogger("quietroom.settings")

LANGUAGES = ("en", "cy")
THEMES = ("light", "dark", "high_contrast")
FILE_NAME = "settings.json"
# POSIX precedence: the first of these that is set and not empty names the locale whose
# messages (the interface's language) a program uses.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


@dataclass(frozen=True)
class Settings:
    language: str = "en"
    text_scale: int = 100  # percent of the platform's default font size
    theme: str = "light"
    autolock_minutes: int = 5
    default_break_minutes: int = 30  # offered for a new survivor; they may choose another
    clipboard_allowed: bool = False  # copying statement text is off unless switched on

    def validated(self, default: Settings | None = None) -> Settings:
        """The same settings with every out-of-range value replaced by its default
        (`default`'s, else the built-in one)."""
        default = default or Settings()
        return Settings(
            language=self.language if self.language in LANGUAGES else default.language,
            text_scale=self.text_scale if 100 <= self.text_scale <= 200 else default.text_scale,
            theme=self.theme if self.theme in THEMES else default.theme,
            autolock_minutes=(
                self.autolock_minutes
                if 1 <= self.autolock_minutes <= 60
                else default.autolock_minutes
            ),
            default_break_minutes=(
                self.default_break_minutes
                if 5 <= self.default_break_minutes <= 180
                else default.default_break_minutes
            ),
            clipboard_allowed=bool(self.clipboard_allowed),
        )


def language_code(locale_name: str) -> str:
    """The language part of a locale name, lower case: "cy" for "cy_GB.UTF-8@euro"."""
    name = locale_name.strip().split(".")[0].split("@")[0]
    return name.replace("-", "_").split("_")[0].lower()


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the system locale asks for: "cy" for Welsh, else "en".

    The locale is the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty
    (POSIX); a Welsh one ("cy", "cy_GB.UTF-8") gives "cy", anything else (C, POSIX,
    another language, a name that makes no sense) "en". As GNU gettext does, LANGUAGE
    (a list of preferred languages such as "cy:en_GB", which desktops set beside LANG)
    comes first, except in the C or POSIX locale (or with none set), where gettext
    ignores it too: its first entry that is Welsh or English decides; entries in other
    languages are passed over, and a list with neither leaves it to the locale.
    """
    env = os.environ if environ is None else environ
    name = next((env[v] for v in LOCALE_VARIABLES if env.get(v, "").strip()), "C")
    locale_code = language_code(name)
    if locale_code not in ("c", "posix"):
        for entry in env.get("LANGUAGE", "").split(":"):
            if language_code(entry) in LANGUAGES:
                return language_code(entry)
    return "cy" if locale_code == "cy" else "en"


def defaults(environ: Mapping[str, str] | None = None) -> Settings:
    """The preferences of someone who has chosen none: the built-in ones, in the system
    locale's language."""
    return Settings(language=locale_language(environ))


def settings_path() -> Path:
    return paths.config_dir() / FILE_NAME


def load(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the preferences; anything missing or damaged falls back to its default (the
    language to the system locale's, `defaults`)."""
    path = path or settings_path()
    base = defaults(environ)
    try:
        doc = json.loads(read_limited(path, 64 * 1024))
    except FileNotFoundError:
        return base
    except (OSError, ValueError):
        LOG.warning("interface preferences unreadable; using defaults")
        return base
    if not isinstance(doc, dict):
        return base
    known: dict[str, Any] = {}
    for f in fields(Settings):
        value = doc.get(f.name)
        if value is not None and type(value) is type(getattr(base, f.name)):
            known[f.name] = value
    return replace(base, **known).validated(base)


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the preferences atomically (OSError when the folder cannot be written)."""
    path = path or settings_path()
    ensure_private_dir(path.parent)
    atomic_write(
        path, json.dumps(asdict(settings.validated()), indent=2, sort_keys=True).encode("utf-8")
    )
