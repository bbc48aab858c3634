"""Which guide a case gets: the version of its category's guide it was started with.

A case records its guide's version when it is created, and keeps it: a new version of a
guide applies to new cases only. The current version of each guide is
``guides/<category>.toml``; every earlier version ships in ``guides/archive/<category>-
v<version>.toml`` (copied there when the version is raised; a test refuses a release
that lacks one), with its translations in ``guides/archive/<language>/``. Each file is
re-read only when it changes; for the screen, its translation (``translations.py``) when
there is one that fits."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app.errors import QuietroomError, UsageError
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


ARCHIVE = "archive"


# Cases from before versions were recorded (vault schema 8) were started with version 2
# of their guide, or with version 1 and shown version 2 since: they keep version 2.
UNRECORDED_VERSION = 2


def guide_for_case(category: str, version: int | None, language: str = "en") -> Guide:
    """The guide a case was started with: version `version` of its category's guide
    (None, for a case from before versions were recorded: UNRECORDED_VERSION)."""
    current = guide_for_category(category)
    if version is None:
        version = UNRECORDED_VERSION
    if version == current.version:
        return guide_for_category(category, language)
    path = archived_path(category, version)
    try:
        stat = path.stat()
    except OSError:
        raise UsageError(
            "guide.version_missing",
            "this case was started with version {version} of the {category} guide, which "
            "this copy of Quietroom does not have; install the version that has it",
            version=version,
            category=category,
        ) from None
    guide = _load_cached(str(path), stat.st_mtime_ns, stat.st_size)
    if guide.id != category or guide.version != version:
        raise broken_guide(path.name, f"it must be version {version} of the {category} guide")
    if language != "en":
        try:
            return translated(guide, language, archived_path(category, version, language))
        except UsageError:
            raise
        except QuietroomError:
            # A translation made for a later version may not fit an earlier one: the
            # interviewer then sees that version in English, never a mismatched text.
            return guide
    return guide


def archived_path(category: str, version: int, language: str = "en") -> Path:
    """Where version `version` of a category's guide is kept (its translation into
    `language`: ``archive/<language>/``, as the current ones are in ``<language>/``)."""
    folder = guides_dir() / ARCHIVE
    if language != "en":
        folder = folder / language
    return folder / f"{category}-v{int(version)}.toml"


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int) -> Guide:
    # mtime and size are part of the key so that an edited file is read again.
    return load_guide(Path(path))
