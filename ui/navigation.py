"""The contract between screens and the main window.

Screens never switch screens themselves or keep session state; they ask the Navigator,
which the main window implements (tests use a small fake).
"""

from __future__ import annotations

from typing import Protocol

from app.settings import Settings


class Navigator(Protocol):
    @property
    def settings(self) -> Settings: ...

    @property
    def current_case(self) -> str | None: ...

    @property
    def current_review(self) -> str | None: ...

    @property
    def previous_screen(self) -> str | None: ...

    def go(self, screen: str) -> None: ...

    def open_case(self, ref: str) -> None: ...

    def open_review(self, review_id: str) -> None: ...

    def unlocked(self) -> None: ...

    def lock(self) -> None: ...

    def pause(self, requested_by: str | None = None) -> None: ...

    def resume(self) -> None: ...

    def apply_settings(self, settings: Settings) -> bool:
        """Use and save `settings`; False when they could not be saved."""
        ...
