"""Test configuration shared by every layer of the suite.

- Qt runs offscreen (set before anything imports Qt).
- Each test gets private XDG state/data/config directories and an empty TMPDIR, so
  nothing leaks between tests or onto the developer's account, and canary searches
  have a small, known set of places to look.
- `require_tool` fails (never skips) under CI=true when a real tool is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from crypto.kdf import KdfParams  # noqa: E402

if TYPE_CHECKING:
    from app.vault.vault import Vault

# Exactly the floor a header may hold (64 MiB, 3 passes, DECISIONS): the real Argon2id,
# as cheap as the policy allows; production vaults are calibrated at init.
FAST_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1)
PASSPHRASE = "a calm and quiet room 2026"
CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(reason: str) -> None:
    """Fail under CI (a missing tool must never pass silently), skip locally."""
    if CI:
        pytest.fail(f"required for CI: {reason}")
    pytest.skip(reason)


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        missing(f"the tool '{name}' is not installed (make test installs it as root)")
    return path  # type: ignore[return-value]


def secret_service_available() -> bool:
    from crypto import keyring_binding
    from crypto.errors import KeyringUnavailable

    try:
        keyring_binding.find_backend()
    except KeyringUnavailable:
        return False
    return True


@pytest.fixture
def keyring_session() -> None:
    """The real Secret Service (gnome-keyring in the dbus session of run-with-keyring.sh)."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") or not secret_service_available():
        missing(
            "no Secret Service: run the suite through tests/run-with-keyring.sh (make test does)"
        )


# (passphrase, salt, parameters) -> the key Argon2id derived, for this test process.
_DERIVED: dict[tuple[object, ...], bytes] = {}


@pytest.fixture(autouse=True)
def derive_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The vault's Argon2id runs for real, once per passphrase, salt and parameters in a
    test process: a vault created and opened again in one test (every fixture that
    builds one and every test that reopens it) derives its key once, not each time.
    A wrong passphrase, a new salt (a new vault, a passphrase change) or other
    parameters is a new input and runs Argon2id again, so nothing a test checks is
    skipped; only the repeated cost is. Child processes (the CLI, the app) never share
    it."""
    from app.vault import keys
    from crypto.secret import SecretKey

    real = keys.argon2id

    def remembered(secret: bytes | bytearray, salt: bytes, params: KdfParams) -> SecretKey:
        found = (bytes(secret), bytes(salt), params)
        if found not in _DERIVED:
            with real(secret, salt, params) as key:
                _DERIVED[found] = bytes(key.value)
        return SecretKey(_DERIVED[found])

    monkeypatch.setattr(keys, "argon2id", remembered)
    # The identity file's PBKDF2 and PKCS#12 MAC derivations likewise: a file written
    # and read back in one test derives each key once.
    from crypto import pbes2

    for name in ("pbkdf2", "pkcs12_kdf"):
        monkeypatch.setattr(pbes2, name, _remember(getattr(pbes2, name)))


def _remember(real: Callable[..., bytes]) -> Callable[..., bytes]:
    def remembered(*args: object) -> bytes:
        found = (real.__name__, *args)
        if found not in _DERIVED:
            _DERIVED[found] = real(*args)
        return _DERIVED[found]

    return remembered


# One vault per test process that fresh_vault copies (made on first use).
_TEMPLATE: list[Path] = []


@pytest.fixture(scope="session", autouse=True)
def _vault_template_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    _TEMPLATE[:] = [tmp_path_factory.mktemp("template") / "vault"]


def fresh_vault(root: Path) -> Vault:
    """A new, empty vault at `root`, as `Vault.create(root, PASSPHRASE, use_keyring=False,
    kdf_params=FAST_KDF)` leaves it, opened.

    It is a byte copy of one vault made that way once per test process, opened with
    `Vault.open`: the real header, database and unlock, without a fresh Argon2id run per
    test. Copies share the template's vault id and salt, so a test with two vaults
    that must differ (a restore into another vault, a second member) creates them
    with `Vault.create`, as do the tests of creation itself."""
    from app.vault.vault import Vault

    template = _TEMPLATE[0]
    if not template.exists():
        Vault.create(template, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF).close()
    shutil.copytree(template, root)
    return Vault.open(root, PASSPHRASE)


@pytest.fixture(autouse=True)
def private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, Path]]:
    base = tmp_path_factory.mktemp("env")
    dirs = {name: base / name for name in ("state", "config", "cache", "tmp", "home")}
    for d in dirs.values():
        d.mkdir()
    monkeypatch.setenv("XDG_STATE_HOME", str(dirs["state"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs["config"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs["cache"]))
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    monkeypatch.delenv("QUIETROOM_VAULT", raising=False)
    yield dirs


@pytest.fixture
def org_identity(tmp_path: Path) -> tuple[Path, str]:
    """An organisation recovery identity made by the real age-keygen: (file, recipient)."""
    keygen = require_tool("age-keygen")
    identity = tmp_path / "recovery-identity.txt"
    subprocess.run([keygen, "-o", identity], check=True, capture_output=True)
    recipient = subprocess.run(
        [keygen, "-y", identity], check=True, capture_output=True, text=True
    ).stdout.strip()
    return identity, recipient


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    return write_secret(tmp_path, "passphrase.txt", PASSPHRASE)


def write_secret(tmp_path: Path, name: str, text: str) -> Path:
    """A passphrase or password file as its owner keeps it: 0600 (the CLI refuses one
    other users could read)."""
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def run_cli(
    *args: str | os.PathLike[str],
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run quietroom-cli in a fresh interpreter, exactly as a user or script would."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "app.cli.main", *map(str, args)],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=full_env,
        timeout=timeout,
    )


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory`, by relative path, with its bytes."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }
