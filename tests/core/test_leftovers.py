"""A kill between writing a temporary file and renaming it leaves nothing behind for good
(reliability §5), and a header change whose folder sync fails is reported, not called
done (§6)."""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from app.cli.main import main
from app.errors import StorageError
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, write_secret
from tests.core.engine_cli_harness import make_vault

OLD = time.time() - 3600  # a leftover from an hour ago: its writer is long gone


def leftover(folder: Path, target: str, tag: str, *, age: float | None = OLD) -> Path:
    path = folder / f".{target}.tmp-{tag}"
    path.write_bytes(b"a wrapped master key or a whole backup")
    if age is not None:
        os.utime(path, (age, age))
    return path


def test_the_next_open_removes_a_header_left_by_an_interrupted_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = make_vault(tmp_path)
    stale = leftover(vault, "vault.header", "0123456789ab")
    fresh = leftover(vault, "vault.header", "ba9876543210", age=None)  # in use right now
    link = vault / ".vault.header.tmp-aaaaaaaaaaaa"
    link.symlink_to(tmp_path / "elsewhere")
    other = leftover(vault, "vault.db", "0123456789ab")  # not ours to judge
    secret = write_secret(tmp_path, "pass.txt", PASSPHRASE)
    assert main(["--vault", str(vault), "--passphrase-file", str(secret), "status"]) == 0
    err = capsys.readouterr().err
    assert "removed a temporary copy of the vault's header" in err
    assert err.count("\n") == 1
    assert not stale.exists()
    assert fresh.exists() and link.is_symlink() and other.exists()
    # Once gone, nothing more is said.
    assert main(["--vault", str(vault), "--passphrase-file", str(secret), "status"]) == 0
    assert capsys.readouterr().err == ""


def test_the_next_backup_removes_an_interrupted_ones_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = make_vault(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    stale = leftover(out, "weekly.qrv", "00000000beef")
    secret = write_secret(tmp_path, "pass.txt", PASSPHRASE)
    args = ["--vault", str(vault), "--passphrase-file", str(secret), "backup"]
    assert main([*args, "--out", str(out / "weekly.qrv")]) == 0
    err = capsys.readouterr().err
    assert "removed the unfinished copy an interrupted earlier write left" in err
    assert not stale.exists()
    assert sorted(p.name for p in out.iterdir()) == ["weekly.qrv"]


def test_a_header_change_the_disk_did_not_confirm_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mocked: os.fsync failing on the vault folder. No real file system here can be made
    to fail a directory sync on demand; the file writes themselves are real."""
    root = tmp_path / "vault"
    Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF).close()
    real_fsync = os.fsync

    def failing_on_folders(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    new = "another calm and quiet passphrase 2026"
    with Vault.open(root, PASSPHRASE) as vault:
        monkeypatch.setattr(os, "fsync", failing_on_folders)
        with pytest.raises(StorageError) as caught:
            vault.change_passphrase(new)
        monkeypatch.setattr(os, "fsync", real_fsync)
    assert caught.value.code == "vault.header_not_durable"
    assert "a power cut now could undo it: run the same command again" in str(caught.value)
    assert "Input/output error" in str(caught.value)
    # The change is in place (only its durability was not confirmed).
    Vault.open(root, new).close()
