"""Backup and restore: one encrypted file, verified before it replaces anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import AuthError, VaultError
from app.vault import backup, restore_journal
from app.vault.vault import Vault, database_path, header_path
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli, snapshot

CANARY = "CANARY-backup-94c1-under-the-stairs"


def make_vault(root: Path, rows: int = 20) -> None:
    with (
        Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
        vault.transaction() as conn,
    ):
        conn.execute("CREATE TABLE t (body TEXT)")
        for i in range(rows):
            conn.execute("INSERT INTO t VALUES (?)", (f"{CANARY} {i}",))


def rows(root: Path, passphrase: str = PASSPHRASE) -> int:
    with Vault.open(root, passphrase) as vault:
        return vault.connection.execute("SELECT count(*) FROM t").fetchone()[0]


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    make_vault(root)
    return root


@pytest.mark.cli
def test_backup_is_encrypted_and_restores(
    vault_dir: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    out = tmp_path / "vault.backup"
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", passphrase_file, "--json", "backup", "--out", out
    )
    assert result.returncode == 0, result.stderr
    assert CANARY.encode() not in out.read_bytes()
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("DELETE FROM t")
    assert rows(vault_dir) == 0
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", passphrase_file, "restore", "--from", out
    )
    assert result.returncode == 0, result.stderr
    assert rows(vault_dir) == 20
    # .session.lock: restore holds the vault's session lock while it works.
    leftovers = {p.name for p in vault_dir.iterdir()} - {
        "vault.db",
        "vault.header",
        "vault.db-wal",
        "vault.db-shm",
        ".session.lock",
    }
    assert not leftovers


def test_restore_into_an_empty_place(vault_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        backup.write_backup(vault, out)
    fresh = tmp_path / "elsewhere"
    backup.restore(fresh, out, PASSPHRASE)
    assert rows(fresh) == 20


@pytest.mark.cli
@pytest.mark.parametrize("damage", ["flip_db", "flip_header", "truncate", "garbage", "empty"])
def test_a_damaged_backup_is_refused_and_the_vault_is_untouched(
    vault_dir: Path, tmp_path: Path, passphrase_file: Path, damage: str
) -> None:
    out = tmp_path / "b"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        backup.write_backup(vault, out)
    data = bytearray(out.read_bytes())
    if damage == "flip_db":
        data[len(data) // 2] ^= 1
    elif damage == "flip_header":
        data[len(backup.MAGIC) + 40] ^= 1
    elif damage == "truncate":
        data = data[: len(data) - 100]
    elif damage == "garbage":
        data = bytearray(b"not a backup at all" * 50)
    else:
        data = bytearray()
    out.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", passphrase_file, "restore", "--from", out
    )
    assert result.returncode in (2, 3), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert snapshot(vault_dir) == before


def test_restore_with_the_wrong_passphrase(vault_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        backup.write_backup(vault, out)
    before = snapshot(vault_dir)
    with pytest.raises(AuthError, match="not correct"):
        backup.restore(vault_dir, out, "the wrong passphrase")
    assert snapshot(vault_dir) == before


def test_interrupted_restore_rolls_forward_or_back(vault_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        backup.write_backup(vault, out)
    other = tmp_path / "other"
    make_vault(other, rows=5)
    db_new, header_new = restore_journal.staged_paths(vault_dir)
    # Uncommitted: staged files but no marker -> discarded, the old vault stays.
    db_new.write_bytes(database_path(other).read_bytes())
    header_new.write_bytes(header_path(other).read_bytes())
    assert rows(vault_dir) == 20
    assert not db_new.exists() and not header_new.exists()
    # Committed: marker present -> the staged vault is rolled into place.
    db_new.write_bytes(database_path(other).read_bytes())
    header_new.write_bytes(header_path(other).read_bytes())
    (vault_dir / restore_journal.MARKER).write_bytes(b"restore\n")
    assert rows(vault_dir) == 5
    assert not (vault_dir / restore_journal.MARKER).exists()


def test_backup_refuses_a_directory_target(vault_dir: Path, tmp_path: Path) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault, pytest.raises(Exception, match="directory"):
        backup.write_backup(vault, tmp_path)


def test_restore_refuses_missing_file(vault_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="cannot read"):
        backup.restore(vault_dir, tmp_path / "missing", PASSPHRASE)


def test_restore_refuses_a_backup_of_a_newer_format(vault_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b"
    out.write_bytes(b"QUIETROOM-VAULT-BACKUP\x00\x09\n" + bytes(100))
    with pytest.raises(VaultError, match="not a Quietroom vault backup"):
        backup.restore(vault_dir, out, PASSPHRASE)
