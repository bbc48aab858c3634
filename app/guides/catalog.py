"""Which guide a case gets: the shipped guide for its category, re-read only when its
file changes, and for the screen its translation (``translations.py``) when there is one."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app.errors import UsageError
from app.guides.checker import broken_guide, show
from app.guides.model import CATEGORIES, Guide, guides_dir, load_guide
from app.guides.translations import translated


def guide_for_category(category: str, language: str = "en") -> Guide:
    """The guide for a case category, re-read only when its file changes. In another
    language, its translation for the screen (app/guide_translations.py), else English."""
    if category not in CATEGORIES:
        raise UsageError(
            "guide.unknown_category",
            "unknown category {category}; choose csa, apsp or general",
            category=show(category),
        )
    path = guides_dir() / f"{category}.toml"
    try:
        stat = path.stat()
    except OSError:
        return load_guide(path)  # raises the GuideError that names the problem
    guide = _load_cached(str(path), stat.st_mtime_ns, stat.st_size)
    if guide.id != category:
        # A copied file with the wrong id would silently give a case the wrong guide.
        raise broken_guide(
            path.name, f"id must be {show(category)} to match the file name, not {show(guide.id)}"
        )
    if language != "en":
        return translated(guide, language)
    return guide


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int) -> Guide:
    # mtime and size are part of the key so that an edited file is read again.
    return load_guide(Path(path))
