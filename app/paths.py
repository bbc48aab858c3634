"""Every filesystem location Quietroom uses, in one place.

Defaults come from platformdirs; the vault directory can be overridden by `--vault DIR`
or the `QUIETROOM_VAULT` environment variable (the one override). Tests isolate the
per-user state directory through the XDG variables platformdirs already honours.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_ID = "quietroom"
VAULT_ENV = "QUIETROOM_VAULT"

HEADER_NAME = "vault.header"
DATABASE_NAME = "vault.db"


def default_vault_dir() -> Path:
    return platformdirs.user_data_path(APP_ID, appauthor=False) / "vault"


def vault_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The vault directory: the explicit option, else the environment, else the default."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(VAULT_ENV)
    if env:
        return Path(env).expanduser()
    return default_vault_dir()


def state_dir() -> Path:
    """Per-user state that must survive restarts but is not case data (unlock throttling)."""
    return platformdirs.user_state_path(APP_ID, appauthor=False)


def config_dir() -> Path:
    """Interface preferences only (never case data)."""
    return platformdirs.user_config_path(APP_ID, appauthor=False)
