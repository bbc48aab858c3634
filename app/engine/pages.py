"""The pages the witness confirmed one by one before signing, and the declaration shown."""

from __future__ import annotations

from app.engine.base import EngineBase


class PagesMixin(EngineBase):
    """Page confirmations per statement."""
