"""`quietroom-intake serve --config FILE`: the production configuration, in TOML.

    # /etc/quietroom/intake.toml
    dsn = "postgresql://quietroom_intake@db.internal:5432/quietroom_intake"

    [listen]
    host = "0.0.0.0"        # default 127.0.0.1
    port = 8443             # default 8443

    [trust]
    file = "/etc/quietroom/trust.json"    # beside it: trust.json.p7s
    ca = "/etc/quietroom/ca.pem"          # default: ca.pem beside the trust file
    reload_seconds = 5                    # how often to look for a new trust file

    [identity]
    folder = "/etc/quietroom/intake"              # the intake member's folder
    password_file = "/etc/quietroom/intake.pass"  # for its identity.p12

    [pool]
    min_size = 2            # database connections kept open
    max_size = 10           # at most; also the threads that make database calls

    [verify]
    workers = 4             # bundles verified at once (CPU-bound)

Relative paths are relative to the configuration file's folder. The DSN should carry
no password (libpq reads ~/.pgpass or PGPASSFILE). Unknown keys are refused, so a
misspelt setting is never silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import UsageError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8443
MAX_CONFIG = 64 * 1024

INVALID = "the configuration {path} is not usable: {problem}"
UNREADABLE = "cannot read the configuration {path}: {reason}"

SECTIONS: dict[str, set[str]] = {
    "listen": {"host", "port"},
    "trust": {"file", "ca", "reload_seconds"},
    "identity": {"folder", "password_file"},
    "pool": {"min_size", "max_size"},
    "verify": {"workers"},
}


@dataclass(frozen=True)
class Config:
    dsn: str
    host: str
    port: int
    trust_file: Path
    ca_file: Path | None
    reload_seconds: float
    identity_folder: Path
    password_file: Path | None
    pool_min: int
    pool_max: int
    verify_workers: int


class _Invalid(Exception):
    pass


def _section(doc: dict[str, Any], name: str, required: bool) -> dict[str, Any]:
    value = doc.get(name)
    if value is None:
        if required:
            raise _Invalid(f"it has no [{name}] section")
        return {}
    if not isinstance(value, dict):
        raise _Invalid(f"'{name}' must be a [section]")
    unknown = sorted(set(value) - SECTIONS[name])
    if unknown:
        raise _Invalid(f"[{name}] has unknown keys: {', '.join(unknown)}")
    return value


def _text(section: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = section.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{where}.{key} must be a non-empty text")
    return value


def _whole(section: dict[str, Any], key: str, where: str, default: int, low: int, high: int) -> int:
    value = section.get(key, default)
    if type(value) is not int or not low <= value <= high:
        raise _Invalid(f"{where}.{key} must be a whole number from {low} to {high}")
    return value


def _path(base: Path, section: dict[str, Any], key: str, where: str) -> Path:
    path = Path(_text(section, key, where)).expanduser()
    return path if path.is_absolute() else base / path


def load_config(path: Path) -> Config:
    """The configuration at `path`, checked (see the module)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_CONFIG + 1)
    except OSError as exc:
        raise UsageError(
            "intake.config_unreadable", UNREADABLE, path=path, reason=exc.strerror
        ) from None
    try:
        if len(raw) > MAX_CONFIG:
            raise _Invalid("it is far larger than a configuration")
        try:
            doc = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise _Invalid(f"it is not TOML ({exc})") from None
        unknown = sorted(set(doc) - {"dsn", *SECTIONS})
        if unknown:
            raise _Invalid(f"unknown keys: {', '.join(unknown)}")
        base = path.resolve().parent
        listen = _section(doc, "listen", required=False)
        trust = _section(doc, "trust", required=True)
        identity = _section(doc, "identity", required=True)
        pool = _section(doc, "pool", required=False)
        verify = _section(doc, "verify", required=False)
        pool_min = _whole(pool, "min_size", "pool", 2, 1, 100)
        pool_max = _whole(pool, "max_size", "pool", 10, 1, 100)
        if pool_max < pool_min:
            raise _Invalid("pool.max_size must be at least pool.min_size")
        reload_seconds = trust.get("reload_seconds", 5)
        if type(reload_seconds) not in (int, float) or not 0 <= reload_seconds <= 3600:
            raise _Invalid("trust.reload_seconds must be a number from 0 to 3600")
        return Config(
            dsn=_text(doc, "dsn", "the top level"),
            host=_text(listen, "host", "listen", DEFAULT_HOST),
            port=_whole(listen, "port", "listen", DEFAULT_PORT, 1, 65535),
            trust_file=_path(base, trust, "file", "trust"),
            ca_file=_path(base, trust, "ca", "trust") if "ca" in trust else None,
            reload_seconds=float(reload_seconds),
            identity_folder=_path(base, identity, "folder", "identity"),
            password_file=(
                _path(base, identity, "password_file", "identity")
                if "password_file" in identity
                else None
            ),
            pool_min=pool_min,
            pool_max=pool_max,
            verify_workers=_whole(verify, "workers", "verify", 4, 1, 64),
        )
    except _Invalid as exc:
        raise UsageError("intake.config_invalid", INVALID, path=path, problem=str(exc)) from None
