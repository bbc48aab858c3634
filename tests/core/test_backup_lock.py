"""Restore and the session lock: never replace a vault the desktop app has open.

The desktop app holds the vault's session lock (an owning Engine) while unlocked; a
restore under it would be silently overwritten by the app's next saves, or would throw
away saves made after the backup. These tests use real second holders: another process
with an owning Engine, and a second owning Engine in this process (flock locks belong to
the open file, so they conflict within one process too).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine.engine import Engine
from app.errors import UsageError
from app.vault import backup, restore_journal
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, REPO, run_cli, snapshot

BEFORE = "what was said before the backup"
AFTER = "what was said after the backup"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    with (
        Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
        Engine(vault) as engine,
    ):
        engine.create_case("general", "GEN-1")
        engine.save_section("GEN-1", "account", BEFORE)
    return root


@pytest.fixture
def backup_file(vault_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "vault.qrvb"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        backup.write_backup(vault, out)
    with Vault.open(vault_dir, PASSPHRASE) as vault, Engine(vault) as engine:
        engine.save_section("GEN-1", "account", AFTER)
    return out


def text(root: Path) -> str:
    with Vault.open(root, PASSPHRASE) as vault, Engine(vault) as engine:
        return engine.statement_text("GEN-1")


HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from app.engine.engine import Engine
    from app.vault.vault import Vault

    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    engine = Engine(vault, owner=True)
    print("ready", flush=True)
    sys.stdin.readline()          # hold the vault open until told to close
    engine.save_section("GEN-1", "account", "saved by the app after the refused restore")
    engine.close()
    vault.close()
    print("closed", flush=True)
""")


@pytest.fixture
def app_process(vault_dir: Path, backup_file: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with the vault open as the desktop app opens it (owner=True)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(vault_dir), PASSPHRASE, str(REPO)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read() if proc.stderr else line
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)


@pytest.mark.cli  # child processes: make test runs it, make check leaves it out
def test_restore_refuses_while_another_process_has_the_vault_open(
    vault_dir: Path, backup_file: Path, passphrase_file: Path, app_process: subprocess.Popen[str]
) -> None:
    before = snapshot(vault_dir)
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", passphrase_file, "restore", "--from", backup_file
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "open in Quietroom" in lines[0] and "nothing was changed" in lines[0]
    assert snapshot(vault_dir) == before
    # The app goes on saving, and nothing it saves is lost.
    out, _err = app_process.communicate("close\n", timeout=60)
    assert "closed" in out
    assert text(vault_dir) == "saved by the app after the refused restore"
    # Once the app has let go, the restore goes ahead.
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", passphrase_file, "restore", "--from", backup_file
    )
    assert result.returncode == 0, result.stderr
    assert text(vault_dir) == BEFORE


def test_restore_refuses_while_an_owning_engine_is_open_in_this_process(
    vault_dir: Path, backup_file: Path
) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault, Engine(vault, owner=True) as engine:
        before = snapshot(vault_dir)
        with pytest.raises(UsageError, match="open in Quietroom"):
            backup.restore(vault_dir, backup_file, PASSPHRASE)
        assert snapshot(vault_dir) == before
        engine.save_section("GEN-1", "account", "still saving")
    assert text(vault_dir) == "still saving"


def test_the_app_cannot_open_the_vault_half_way_through_a_restore(
    vault_dir: Path, backup_file: Path, passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}
    opened_before = Vault.open(vault_dir, PASSPHRASE)  # the unlock screen's open
    real_check = backup.integrity_problems

    def during_restore(conn: object) -> list[str]:
        # Now the new database is staged and the restore holds the lock.
        db_new, _header_new = restore_journal.staged_paths(vault_dir)
        assert db_new.exists()
        with pytest.raises(UsageError, match="already has this vault open"):
            Engine(opened_before, owner=True)
        with pytest.raises(UsageError, match="being restored"):
            Vault.open(vault_dir, PASSPHRASE)
        other = run_cli("--vault", vault_dir, "--passphrase-file", passphrase_file, "status")
        seen["other"] = (other.returncode, other.stderr)
        assert db_new.exists()  # nobody discarded the staged copy under the restore
        return real_check(conn)  # type: ignore[arg-type]

    monkeypatch.setattr(backup, "integrity_problems", during_restore)
    try:
        backup.restore(vault_dir, backup_file, PASSPHRASE)
    finally:
        opened_before.close()
    code, err = seen["other"]  # type: ignore[misc]
    assert code == 1 and "being restored" in err and len(err.strip().splitlines()) == 1
    assert text(vault_dir) == BEFORE
    # Afterwards the app opens the restored vault as usual.
    with Vault.open(vault_dir, PASSPHRASE) as vault, Engine(vault, owner=True) as engine:
        assert engine.statement_text("GEN-1") == BEFORE


def test_a_crashed_restore_is_still_cleaned_up_by_the_next_open(
    vault_dir: Path, backup_file: Path
) -> None:
    # The kernel drops a dead restore's lock, so its leftovers are still discarded.
    db_new, header_new = restore_journal.staged_paths(vault_dir)
    db_new.write_bytes(b"half-written")
    assert text(vault_dir) == AFTER
    assert not db_new.exists() and not header_new.exists()
