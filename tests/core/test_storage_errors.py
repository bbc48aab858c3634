"""SQLCipher's own failures come out of the vault as the core's typed errors, with nothing
stored changed: another writer holding the vault (vault.busy, exit code 1), a full disk
(vault.disk_full, DiskFullError, exit code 6), damage met while reading (vault.damaged,
exit code 3). The desktop app and the CLI then say the same thing, by code.

Every failure here is a real one from SQLCipher, not a raised stand-in: a second
connection really holds the write lock, the database really runs out of pages, the file
really is damaged under an open vault.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from app.engine.engine import Engine
from app.errors import DiskFullError, QuietroomError, StorageError, VaultError
from app.vault.database import database_error, storage_error
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

REF = "STORE-1"
BEFORE = "What she said first."


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    with (
        Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
        Engine(vault) as engine,
    ):
        engine.create_case("csa", REF)
        engine.save_section(REF, "account", BEFORE)
    return root


@pytest.fixture
def engine(vault_dir: Path) -> Iterator[Engine]:
    with Vault.open(vault_dir, PASSPHRASE) as vault, Engine(vault) as engine:
        yield engine


def stored(engine: Engine) -> tuple[Any, ...]:
    """What the vault holds for the case: its statement's sections and its audit log."""
    sections = tuple((s.id, s.text, s.revision) for s in engine.sections(REF))
    return sections, tuple(e.hash for e in engine.audit_entries(REF))


def account(engine: Engine) -> str:
    return next(s.text for s in engine.sections(REF) if s.id == "account")


def refusal(fn: Any) -> QuietroomError:
    with pytest.raises(QuietroomError) as caught:
        fn()
    return caught.value


def test_a_vault_another_writer_holds_is_busy(vault_dir: Path, engine: Engine) -> None:
    """A second connection holds a write transaction past the first one's busy timeout
    (short here, 5 s in use): SQLite's "database is locked" becomes vault.busy."""
    before = stored(engine)
    engine.vault.connection.execute("PRAGMA busy_timeout = 100")
    with Vault.open(vault_dir, PASSPHRASE) as other, other.transaction():
        error = refusal(lambda: engine.save_section(REF, "account", "Something else."))
        assert isinstance(error, StorageError) and not isinstance(error, VaultError)
        assert (error.code, error.exit_code) == ("vault.busy", 1)
        assert str(error).startswith("the vault is busy: another Quietroom window")
        assert "backup" not in str(error)  # never sent to their backups for this
    assert not engine.vault.connection.in_transaction
    assert stored(engine) == before
    engine.save_section(REF, "account", "Something else.")  # and it works once free
    assert account(engine) == "Something else."


def test_a_full_disk_is_disk_full_and_loses_nothing(engine: Engine) -> None:
    """SQLite gives the same SQLITE_FULL ("database or disk is full") when a write finds no
    space on the file system and when the database reaches PRAGMA max_page_count, and it
    takes the same path through SQLite and the vault; capping the page count is therefore
    a real full disk as far as the vault can tell, without needing a small file system
    (a loop mount needs root) that a test run cannot assume."""
    before = stored(engine)
    conn = engine.vault.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert conn.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages
    error = refusal(lambda: engine.save_section(REF, "account", "word " * 100_000))
    assert isinstance(error, DiskFullError)
    assert (error.code, error.exit_code) == ("vault.disk_full", 6)
    assert "nothing already stored was lost" in str(error)
    assert error.to_json() == {"code": "vault.disk_full", "message": str(error)}
    assert not conn.in_transaction  # SQLite may roll back by itself; the vault copes
    assert stored(engine) == before
    conn.execute("PRAGMA max_page_count = 1073741823")
    engine.save_section(REF, "account", "word " * 100_000)
    assert account(engine).startswith("word word")


def test_damage_met_while_reading_is_damage(vault_dir: Path) -> None:
    """The read path (outside any transaction) is typed too: pages damaged under an open
    vault fail SQLCipher's check and come out as vault.damaged, exit code 3."""
    with Vault.open(vault_dir, PASSPHRASE) as vault, Engine(vault) as engine:
        database = vault_dir / "vault.db"
        data = bytearray(database.read_bytes())
        for i in range(4096, len(data)):  # every page but the first, already read
            data[i] ^= 0x55
        database.write_bytes(bytes(data))
        error = refusal(lambda: engine.case(REF))
    assert isinstance(error, VaultError)
    assert (error.code, error.exit_code) == ("vault.damaged", 3)


@pytest.mark.parametrize(
    ("exc", "code", "exit_code"),
    [
        (sqlcipher3.OperationalError("database is locked"), "vault.busy", 1),
        (sqlcipher3.OperationalError("database or disk is full"), "vault.disk_full", 6),
        (sqlcipher3.OperationalError("attempt to write a readonly database"), "vault.read_only", 1),
        (sqlcipher3.DatabaseError("file is not a database"), "vault.damaged", 3),
        # Not damage: a full or failing disk (reliability §1); never "restore a backup".
        (sqlcipher3.OperationalError("disk I/O error"), "vault.io_error", 1),
    ],
)
def test_what_each_database_error_means(exc: Exception, code: str, exit_code: int) -> None:
    error = database_error(exc)
    assert error is not None and (error.code, error.exit_code) == (code, exit_code)
    assert (storage_error(exc) is None) == (code == "vault.damaged")


def test_our_own_sql_mistakes_are_not_called_damage() -> None:
    """A constraint or SQL mistake is a bug, not damage: it stays what it is."""
    assert database_error(sqlcipher3.IntegrityError("UNIQUE constraint failed")) is None
    assert database_error(sqlcipher3.ProgrammingError("bad parameter")) is None


def test_the_cli_says_a_full_disk_with_exit_code_6(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full disk met anywhere in a command (ENOSPC) is exit code 6, in JSON too."""
    from app import hygiene
    from app.cli import vault_cmds
    from app.cli.main import main

    def full(ctx: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", "/media/full/vault.db")

    monkeypatch.setattr(hygiene, "harden_process", lambda: None)
    monkeypatch.setattr(hygiene, "configure_logging", lambda debug=False: None)
    monkeypatch.setattr(vault_cmds, "cmd_status", full)
    assert main(["--vault", "/media/full", "status", "--json"]) == 6
    out, err = capsys.readouterr()
    assert err.startswith("quietroom-cli: the disk is full, so nothing was saved")
    assert json.loads(out)["error"]["code"] == "vault.disk_full"
