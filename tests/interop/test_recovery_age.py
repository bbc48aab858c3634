"""Recovery with the organisation's age identity, checked against the real `age` tool."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest

from app.vault.header import parse_header
from app.vault.vault import Vault, header_path
from crypto import keyring_binding as kr
from tests.conftest import FAST_KDF, PASSPHRASE, require_tool, run_cli, snapshot, write_secret

pytestmark = pytest.mark.usefixtures("keyring_session")


@pytest.fixture
def recoverable(tmp_path: Path, org_identity: tuple[Path, str]) -> Path:
    root = tmp_path / "vault"
    Vault.create(
        root, PASSPHRASE, use_keyring=True, recovery_recipient=org_identity[1], kdf_params=FAST_KDF
    ).close()
    return root


def test_envelope_is_standard_age(
    recoverable: Path, org_identity: tuple[Path, str], tmp_path: Path
) -> None:
    age = require_tool("age")
    header = parse_header(header_path(recoverable).read_bytes())
    assert header.recovery is not None
    envelope = tmp_path / "envelope.age"
    envelope.write_bytes(header.recovery.envelope)
    out = subprocess.run(
        [age, "-d", "-i", org_identity[0], envelope], capture_output=True, check=True
    )
    assert len(out.stdout) == 32


def test_recover_after_losing_the_passphrase_and_device_secret(
    recoverable: Path, org_identity: tuple[Path, str], tmp_path: Path
) -> None:
    vid = parse_header(header_path(recoverable).read_bytes()).vault_id
    kr.delete(kr.find_backend(), vid)
    pw = write_secret(tmp_path, "pw", PASSPHRASE)
    locked = run_cli("--vault", recoverable, "--passphrase-file", pw, "status")
    assert locked.returncode == 2 and "recover" in locked.stderr
    new = write_secret(tmp_path, "new", "the administrator's new phrase")
    result = run_cli(
        "--vault",
        recoverable,
        "--json",
        "recover",
        "--identity",
        org_identity[0],
        "--new-passphrase-file",
        new,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["keyring"] is True
    # Rebound to this keyring, under an item of its own (a copy's original may use vid's)
    item = parse_header(header_path(recoverable).read_bytes()).keyring_item
    assert item is not None and item.startswith(f"{vid}.")
    assert kr.load(kr.find_backend(), item) is not None
    status = run_cli("--vault", recoverable, "--passphrase-file", new, "--json", "status")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["recovery"] is True


def test_recover_with_the_wrong_identity(recoverable: Path, tmp_path: Path) -> None:
    keygen = require_tool("age-keygen")
    other = tmp_path / "other.txt"
    subprocess.run([keygen, "-o", other], check=True, capture_output=True)
    new = write_secret(tmp_path, "new", "another new passphrase")
    before = snapshot(recoverable)
    result = run_cli(
        "--vault", recoverable, "recover", "--identity", other, "--new-passphrase-file", new
    )
    assert result.returncode == 2
    assert "does not open" in result.stderr
    assert snapshot(recoverable) == before


def test_recover_needs_a_recovery_recipient(tmp_path: Path, org_identity: tuple[Path, str]) -> None:
    root = tmp_path / "v"
    Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF).close()
    new = write_secret(tmp_path, "new", "another new passphrase")
    result = run_cli(
        "--vault", root, "recover", "--identity", org_identity[0], "--new-passphrase-file", new
    )
    assert result.returncode == 2 and "without a recovery recipient" in result.stderr


def test_init_refuses_a_bad_recipient(tmp_path: Path, passphrase_file: Path) -> None:
    root = tmp_path / "v"
    for bad in ("age1notreallyarecipient", "ssh-ed25519 AAAA", ""):
        result = run_cli(
            "--vault",
            root,
            "--passphrase-file",
            passphrase_file,
            "init",
            "--no-keyring",
            "--recovery-recipient",
            bad,
        )
        assert result.returncode == 1, (bad, result.stderr)
        assert "Traceback" not in result.stderr
        assert not root.exists()


def test_garbage_identity_file(recoverable: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(base64.b64encode(b"\xff" * 40))
    new = write_secret(tmp_path, "new", "another new passphrase")
    before = snapshot(recoverable)
    result = run_cli(
        "--vault", recoverable, "recover", "--identity", bad, "--new-passphrase-file", new
    )
    assert result.returncode == 1 and "identity" in result.stderr
    assert snapshot(recoverable) == before
