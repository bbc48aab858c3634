"""Typed interface preferences with defaults, stored as small JSON written atomically.

Only preferences live here (language, text size, theme, timings); never case data,
which is why the desktop app does not use QSettings at all.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from app import paths
from app.fsutil import atomic_write, ensure_private_dir, read_limited

LOG = logging.getLogger("quietroom.settings")

LANGUAGES = ("en", "cy")
THEMES = ("light", "dark", "high_contrast")
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    language: str = "en"
    text_scale: int = 100  # percent of the platform's default font size
    theme: str = "light"
    autolock_minutes: int = 5
    default_break_minutes: int = 30  # offered for a new survivor; they may choose another
    clipboard_allowed: bool = False  # copying statement text is off unless switched on

    def validated(self) -> Settings:
        """The same settings with every out-of-range value replaced by its default."""
        default = Settings()
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


def settings_path() -> Path:
    return paths.config_dir() / FILE_NAME


def load(path: Path | None = None) -> Settings:
    """Read the preferences; anything missing or damaged falls back to its default."""
    path = path or settings_path()
    try:
        doc = json.loads(read_limited(path, 64 * 1024))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        LOG.warning("interface preferences unreadable; using defaults")
        return Settings()
    if not isinstance(doc, dict):
        return Settings()
    known: dict[str, Any] = {}
    for f in fields(Settings):
        value = doc.get(f.name)
        if value is not None and type(value) is type(getattr(Settings(), f.name)):
            known[f.name] = value
    return replace(Settings(), **known).validated()


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    ensure_private_dir(path.parent)
    atomic_write(
        path, json.dumps(asdict(settings.validated()), indent=2, sort_keys=True).encode("utf-8")
    )
