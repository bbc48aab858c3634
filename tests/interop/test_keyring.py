"""The device secret in the real Secret Service (gnome-keyring in a dbus-run-session)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.vault.header import parse_header
from app.vault.vault import Vault, header_path
from crypto import keyring_binding as kr
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli, snapshot

pytestmark = pytest.mark.usefixtures("keyring_session")

NO_DBUS = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/quietroom-test-bus"}


@pytest.fixture
def bound_vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    Vault.create(root, PASSPHRASE, use_keyring=True, kdf_params=FAST_KDF).close()
    return root


def vault_id(root: Path) -> str:
    return parse_header(header_path(root).read_bytes()).vault_id


def test_device_secret_round_trips_from_a_second_process(
    bound_vault: Path, passphrase_file: Path
) -> None:
    result = run_cli(
        "--vault", bound_vault, "--passphrase-file", passphrase_file, "--json", "status"
    )
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["keyring"] is True
    assert info["keyring_backend"] == "keyring.backends.SecretService.Keyring"
    stored = kr.load(kr.find_backend(), vault_id(bound_vault))
    assert stored is not None and len(stored) == 32
    header = parse_header(header_path(bound_vault).read_bytes())
    assert kr.secret_check(stored) == header.secret_check


def test_cli_init_binds_to_the_secret_service(tmp_path: Path, passphrase_file: Path) -> None:
    root = tmp_path / "v"
    result = run_cli("--vault", root, "--passphrase-file", passphrase_file, "--json", "init")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["keyring"] is True
    assert info["kdf"]["name"] == "argon2id" and info["kdf"]["memory_kib"] >= 65536
    assert "no recovery recipient" in result.stderr


def test_missing_device_secret(bound_vault: Path, passphrase_file: Path) -> None:
    kr.delete(kr.find_backend(), vault_id(bound_vault))
    before = snapshot(bound_vault)
    result = run_cli("--vault", bound_vault, "--passphrase-file", passphrase_file, "status")
    assert result.returncode == 2
    assert "missing" in result.stderr and "machine" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(bound_vault) == before
    # It never makes a new secret over the old one.
    assert kr.load(kr.find_backend(), vault_id(bound_vault)) is None


def test_replaced_device_secret(bound_vault: Path, passphrase_file: Path) -> None:
    kr.store(kr.find_backend(), vault_id(bound_vault), b"\x01" * 32)
    before = snapshot(bound_vault)
    result = run_cli("--vault", bound_vault, "--passphrase-file", passphrase_file, "status")
    assert result.returncode == 2
    assert "does not belong to this vault" in result.stderr
    assert snapshot(bound_vault) == before


def test_changed_keyring_backend(bound_vault: Path, passphrase_file: Path) -> None:
    # Simulates a vault bound on a KDE desktop (KWallet) opened where only the Secret
    # Service runs: KWallet itself cannot run in this container.
    path = header_path(bound_vault)
    doc = json.loads(path.read_text())
    doc["keyring"]["backend"] = "keyring.backends.kwallet.DBusKeyring"
    path.write_text(json.dumps(doc))
    before = snapshot(bound_vault)
    result = run_cli("--vault", bound_vault, "--passphrase-file", passphrase_file, "status")
    assert result.returncode == 2
    assert "KWallet" in result.stderr and "not available" in result.stderr
    assert snapshot(bound_vault) == before


def test_no_keyring_session_cannot_unlock_a_bound_vault(
    bound_vault: Path, passphrase_file: Path
) -> None:
    before = snapshot(bound_vault)
    result = run_cli(
        "--vault", bound_vault, "--passphrase-file", passphrase_file, "status", env=NO_DBUS
    )
    assert result.returncode == 2
    assert "Secret Service" in result.stderr
    assert snapshot(bound_vault) == before


def test_init_refuses_without_an_acceptable_keyring(tmp_path: Path, passphrase_file: Path) -> None:
    root = tmp_path / "v"
    for backend in ("keyring.backends.null.Keyring", "keyring.backends.fail.Keyring"):
        result = run_cli(
            "--vault",
            root,
            "--passphrase-file",
            passphrase_file,
            "init",
            env={**NO_DBUS, "PYTHON_KEYRING_BACKEND": backend},
        )
        assert result.returncode == 1
        assert "--no-keyring" in result.stderr
        assert not root.exists()
    result = run_cli(
        "--vault", root, "--passphrase-file", passphrase_file, "init", "--no-keyring", env=NO_DBUS
    )
    assert result.returncode == 0, result.stderr
    result = run_cli("--vault", root, "--passphrase-file", passphrase_file, "status", env=NO_DBUS)
    assert result.returncode == 0
    assert "passphrase-only" in result.stdout


def test_plaintext_backends_are_never_accepted() -> None:
    for name in (
        "keyring.backends.null.Keyring",
        "keyring.backends.fail.Keyring",
        "keyring.backends.chainer.ChainerBackend",
        "keyrings.alt.file.PlaintextKeyring",
    ):
        assert name not in kr.ACCEPTED_BACKENDS
