"""Interview guides as data: one per case category, and their translations for the screen.

model.py         the guide format (schema 1), strict parsing and where guides live
translations.py  a guide's text in another language, structure checked against English
catalog.py       the guide for a category or a case (its version kept), cached until
                 its file changes
"""

from app.guides.catalog import archived_path, guide_for_case, guide_for_category
from app.guides.checker import GuideError
from app.guides.model import (
    CATEGORIES,
    PHASE_IDS,
    PROMPT_KINDS,
    ChecklistItem,
    Field,
    Guide,
    Pacing,
    Phase,
    Prompt,
    Section,
    guides_dir,
    load_guide,
    parse_guide,
)
from app.guides.translations import translated, translation_path

__all__ = [
    "CATEGORIES",
    "PHASE_IDS",
    "PROMPT_KINDS",
    "ChecklistItem",
    "Field",
    "Guide",
    "GuideError",
    "Pacing",
    "Phase",
    "Prompt",
    "Section",
    "archived_path",
    "guide_for_case",
    "guide_for_category",
    "guides_dir",
    "load_guide",
    "parse_guide",
    "translated",
    "translation_path",
]
