"""Exhibits a statement produces (CrimPR 16.3): the register and the encrypted files."""

from __future__ import annotations

from app.engine.base import EngineBase


class ExhibitsMixin(EngineBase):
    """The exhibits register per statement."""
