"""The main window's screens, each built (and its module imported) the first time it is
shown or asked for, so the first screen (setting up or unlocking the vault) appears
without waiting for the PDF renderer, the verifier or the sync client that later screens
use. `built()` is every screen made so far: what locking clears and shutting down ends.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

# name -> (module under ui.screens, class). Every screen is made the same way:
# Screen(backend, navigator).
SCREENS: dict[str, tuple[str, str]] = {
    "setup": ("setup", "SetupScreen"),
    "unlock": ("unlock", "UnlockScreen"),
    "cases": ("cases", "CaseListScreen"),
    "new_case": ("new_case", "NewCaseScreen"),
    "workspace": ("workspace", "WorkspaceScreen"),
    "pause": ("pause", "PauseScreen"),
    "readback": ("readback", "ReadBackScreen"),
    "signature": ("signature", "SignatureScreen"),
    "settings": ("settings_screen", "SettingsScreen"),
    "passphrase": ("passphrase", "PassphraseScreen"),
    "export": ("bundles", "ExportScreen"),
    "open_bundle": ("bundles", "OpenBundleScreen"),
    "identity": ("identity", "IdentityScreen"),
    "review_inbox": ("review_inbox", "ReviewInboxScreen"),
    "review_reading": ("review_reading", "ReviewReadingScreen"),
    "decisions": ("decisions", "DecisionsScreen"),
    "review_decision": ("review_decision", "ReviewDecisionScreen"),
    "outbox": ("outbox", "OutboxScreen"),
}
# Made with the window: the first screen either way, and the pause screen, which F9 must
# show at once.
EAGER = ("setup", "unlock", "pause")


def screen_class(name: str) -> Any:
    module, cls = SCREENS[name]
    return getattr(importlib.import_module(f"ui.screens.{module}"), cls)


class Screens(Mapping[str, Any]):
    """A mapping of every screen name to its screen, made on first access by `make`."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        self._make = make
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in SCREENS:
            raise KeyError(name)
        screen = self._built.get(name)
        if screen is None:
            screen = self._built[name] = self._make(name)
        return screen

    def __iter__(self) -> Iterator[str]:
        return iter(SCREENS)

    def __len__(self) -> int:
        return len(SCREENS)

    def built(self) -> dict[str, Any]:
        """The screens made so far (never makes one)."""
        return dict(self._built)

    def clear(self) -> None:
        self._built.clear()

    def discard(self, name: str) -> None:
        """Forget one screen (made again on its next access)."""
        self._built.pop(name, None)
