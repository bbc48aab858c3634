"""Where Quietroom's data files live: one resolver for every part of the program.

The files are package data of ``app`` (``app/resources/``): interview guides (TOML),
JSON schemas, fonts, Qt style sheets and translations. They ship inside the wheel and
the frozen build, so nothing depends on a source checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped data file or folder, e.g. ``resource_path("fonts")``.

    Quietroom is installed as plain files (a wheel unpacks to a folder, PyInstaller
    builds a folder), so the resource is a real path that reportlab, Qt and tomllib
    can open by name.
    """
    root = files(__name__)
    return Path(str(root.joinpath(*parts)))
