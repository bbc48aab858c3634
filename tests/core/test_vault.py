"""The encrypted vault: creation, unlocking, pragmas, refusal paths, migrations."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from app.errors import AuthError, UsageError, VaultError
from app.vault import migrations
from app.vault.database import open_database
from app.vault.header import parse_header
from app.vault.keys import database_key
from app.vault.throttle import Throttle, delay_after
from app.vault.vault import Vault, database_path, header_path
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli, snapshot, write_secret

CANARY = "CANARY-7f3a9e-the-red-door-on-Elm-Street"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF).close()
    return root


def test_created_vault_is_private(vault_dir: Path) -> None:
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    for path in vault_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_database_is_not_plain_sqlite(vault_dir: Path) -> None:
    db = database_path(vault_dir)
    assert not db.read_bytes().startswith(b"SQLite format 3")
    plain = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()


def test_production_pragmas_are_enforced(vault_dir: Path) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        conn = vault.connection
        assert vault.cipher_version.startswith("4.")
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert vault.status(check=True)["integrity"] == "ok"


def test_canary_reaches_no_file_in_plaintext(
    vault_dir: Path, private_dirs: dict[str, Path], capfd: pytest.CaptureFixture[str]
) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("CREATE TABLE t (body TEXT)")
        for i in range(200):
            conn.execute("INSERT INTO t VALUES (?)", (f"{CANARY} {i} " * 20,))
        # A sort big enough to spill if temp storage were on disk.
        conn.execute("SELECT body FROM t ORDER BY body DESC").fetchall()
    needle = CANARY.encode()
    places = [vault_dir, private_dirs["tmp"], private_dirs["state"], private_dirs["cache"]]
    for place in places:
        for name, data in snapshot(place).items():
            assert needle not in data, f"{name} holds the canary"
            assert needle.hex().encode() not in data
    out, err = capfd.readouterr()
    assert CANARY not in out + err


def test_wrong_passphrase_changes_nothing(vault_dir: Path) -> None:
    before = snapshot(vault_dir)
    with pytest.raises(AuthError, match=r"^the passphrase is not correct$"):
        Vault.open(vault_dir, "not the passphrase at all")
    assert snapshot(vault_dir) == before


@pytest.mark.cli
def test_wrong_passphrase_cli_exit_code(vault_dir: Path, tmp_path: Path) -> None:
    before = snapshot(vault_dir)
    wrong = write_secret(tmp_path, "wrong", "definitely wrong")
    result = run_cli("--vault", vault_dir, "--passphrase-file", wrong, "status")
    assert result.returncode == 2
    assert result.stderr.strip().endswith("the passphrase is not correct")
    assert "Traceback" not in result.stderr
    assert snapshot(vault_dir) == before


def test_failures_slow_down_and_the_count_survives_restarts(vault_dir: Path) -> None:
    now = [1_000_000.0]
    header = parse_header(header_path(vault_dir).read_bytes())
    for _ in range(3):
        with pytest.raises(AuthError, match="not correct"):
            Vault.open(vault_dir, "wrong passphrase!", clock=lambda: now[0])
    # A fresh Throttle object (as after a restart) still knows the count.
    assert Throttle(header.vault_id).failures == 3
    assert delay_after(3) > 0 and delay_after(6) > delay_after(4)
    with pytest.raises(AuthError, match="wait"):
        Vault.open(vault_dir, PASSPHRASE, clock=lambda: now[0])
    now[0] += delay_after(3) + 1
    Vault.open(vault_dir, PASSPHRASE, clock=lambda: now[0]).close()
    assert Throttle(header.vault_id).failures == 0


def test_init_refuses_existing_vault(vault_dir: Path) -> None:
    before = snapshot(vault_dir)
    with pytest.raises(UsageError, match="already exists"):
        Vault.create(vault_dir, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    assert snapshot(vault_dir) == before


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="at least 8"):
        Vault.create(tmp_path / "v", "short", use_keyring=False, kdf_params=FAST_KDF)
    assert not (tmp_path / "v").exists()


@pytest.mark.parametrize(
    "damage",
    [
        "truncate",
        "truncate_page",
        "header_garbage",
        "header_version",
        "header_field",
        "header_below_floor",
        "header_missing",
        "database_missing",
        "no_vault",
    ],
)
@pytest.mark.cli
def test_damage_gives_clear_error_and_changes_nothing(
    vault_dir: Path, tmp_path: Path, passphrase_file: Path, damage: str
) -> None:
    db, header = database_path(vault_dir), header_path(vault_dir)
    target = vault_dir
    if damage == "truncate":
        db.write_bytes(db.read_bytes()[:5000])
    elif damage == "truncate_page":
        db.write_bytes(db.read_bytes()[:4096])
    elif damage == "header_garbage":
        header.write_bytes(b"\x00garbage{" * 10)
    elif damage == "header_version":
        doc = json.loads(header.read_text())
        doc["version"] = 99
        header.write_text(json.dumps(doc))
    elif damage == "header_field":
        doc = json.loads(header.read_text())
        doc["kdf"]["iterations"] = 4  # any edit of the KDF must not unlock anything
        header.write_text(json.dumps(doc))
    elif damage == "header_below_floor":
        doc = json.loads(header.read_text())
        doc["kdf"]["iterations"] = 1  # below the floor: refused as damaged, never tried
        header.write_text(json.dumps(doc))
    elif damage == "header_missing":
        header.unlink()
    elif damage == "database_missing":
        db.unlink()
    elif damage == "no_vault":
        target = tmp_path / "nowhere"
    before = snapshot(vault_dir)
    result = run_cli("--vault", target, "--passphrase-file", passphrase_file, "status")
    expected = 2 if damage == "header_field" else 3
    assert result.returncode == expected, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    if damage == "header_version":
        assert "format version 99" in result.stderr
    if damage == "header_below_floor":
        assert "iterations" in result.stderr
    assert snapshot(vault_dir) == before


@pytest.mark.cli
def test_flipped_byte_is_caught_by_the_integrity_check(
    vault_dir: Path, passphrase_file: Path
) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("CREATE TABLE filler (b BLOB)")
        for _ in range(64):
            conn.execute("INSERT INTO filler VALUES (randomblob(3000))")
    db = database_path(vault_dir)
    data = bytearray(db.read_bytes())
    middle = len(data) // 2 + 123
    data[middle] ^= 0x40
    db.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", passphrase_file, "--json", "status", "--check"
    )
    assert result.returncode == 3, result.stderr
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(vault_dir) == before


@pytest.mark.cli
@pytest.mark.parametrize("where", ["middle", "first_page"])
def test_a_damaged_database_gives_exactly_one_line_on_stderr(
    vault_dir: Path, passphrase_file: Path, where: str
) -> None:
    # SQLCipher logs every failed page HMAC to stderr unless told not to; those lines
    # must not bury the one-line error (or look like a crash to the person reading it).
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("CREATE TABLE filler (b BLOB)")
        for _ in range(64):
            conn.execute("INSERT INTO filler VALUES (randomblob(3000))")
    db = database_path(vault_dir)
    data = bytearray(db.read_bytes())
    at = len(data) // 2 + 123 if where == "middle" else 2000
    data[at] ^= 0x40
    db.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", passphrase_file, "status", "--check"
    )
    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("quietroom-cli: the vault database is damaged")
    assert "hmac" not in result.stderr.lower() and "ERROR" not in result.stderr
    assert snapshot(vault_dir) == before


def test_sqlcipher_logging_is_off_on_every_connection(vault_dir: Path) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.connection.execute("PRAGMA cipher_log_level").fetchone()[0] == "NONE"


@pytest.mark.cli
def test_status_json_contract(vault_dir: Path, passphrase_file: Path) -> None:
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", passphrase_file, "--json", "status", "--check"
    )
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["cipher"] == "sqlcipher"
    assert info["cipher_version"].startswith("4.")
    assert info["kdf"] == {"name": "argon2id", "memory_kib": 65536, "iterations": 3, "lanes": 1}
    assert info["keyring"] is False and info["keyring_backend"] is None
    assert info["schema_version"] == migrations.latest_version()
    assert info["integrity"] == "ok"


@pytest.mark.cli
def test_global_options_after_the_command(vault_dir: Path, passphrase_file: Path) -> None:
    result = run_cli("status", "--json", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["cipher"] == "sqlcipher"


@pytest.mark.cli
def test_vault_from_environment(vault_dir: Path, passphrase_file: Path) -> None:
    result = run_cli(
        "--passphrase-file", passphrase_file, "status", env={"QUIETROOM_VAULT": str(vault_dir)}
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.cli
def test_passphrase_change(vault_dir: Path, passphrase_file: Path, tmp_path: Path) -> None:
    new = write_secret(tmp_path, "new", "a brand new passphrase")
    db_before = database_path(vault_dir).read_bytes()
    result = run_cli(
        "--vault",
        vault_dir,
        "--passphrase-file",
        passphrase_file,
        "passphrase",
        "change",
        "--new-passphrase-file",
        new,
    )
    assert result.returncode == 0, result.stderr
    assert database_path(vault_dir).read_bytes() == db_before  # only the wrap changed
    with pytest.raises(AuthError):
        Vault.open(vault_dir, PASSPHRASE)
    Vault.open(vault_dir, "a brand new passphrase").close()


@pytest.mark.cli
def test_passphrase_from_stdin(vault_dir: Path) -> None:
    result = run_cli(
        "--vault", vault_dir, "--passphrase-file", "-", "status", stdin=(PASSPHRASE + "\n").encode()
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.cli  # child processes: make test runs it, make check leaves it out
def test_usage_errors_are_one_line_exit_1(vault_dir: Path, passphrase_file: Path) -> None:
    for args in (
        ["frobnicate"],
        ["status", "--nope"],
        [],
        ["--vault", vault_dir, "--passphrase-file", "/does/not/exist", "status"],
    ):
        result = run_cli(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_migrates_from_the_first_version(tmp_path: Path) -> None:
    root = tmp_path / "old"
    with Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault:
        master = vault.master_key.value[:]
    # Rebuild the database as schema version 1 only, with data in it.
    for p in root.glob("vault.db*"):
        p.unlink()
    from crypto.secret import SecretKey

    with database_key(SecretKey(master)) as key:
        conn, _ = open_database(database_path(root), key, create=True)
    assert migrations.migrate(conn, target=1) == 1
    conn.execute("INSERT INTO meta(key, value) VALUES ('kept', 'yes')")
    conn.close()
    with Vault.open(root, PASSPHRASE) as vault:
        assert migrations.current_version(vault.connection) == migrations.latest_version()
        assert vault.meta("kept") == "yes"
        assert len(vault.meta("device_id") or "") == 32


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    root = tmp_path / "v"
    with Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault:
        conn = vault.connection

        def broken(c: object) -> None:
            conn.execute("CREATE TABLE half_done (x)")
            raise RuntimeError("boom")

        bad = (
            *migrations.MIGRATIONS,
            migrations.Migration(migrations.latest_version() + 1, "broken", broken),
        )
        with pytest.raises(RuntimeError):
            migrations.migrate(conn, migrations=bad)
        assert migrations.current_version(conn) == migrations.latest_version()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables


def test_newer_schema_is_refused(vault_dir: Path) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.connection.execute("PRAGMA user_version = 999")
    before = snapshot(vault_dir)
    with pytest.raises(VaultError, match="newer"):
        Vault.open(vault_dir, PASSPHRASE)
    assert snapshot(vault_dir) == before


def test_close_wipes_the_master_key(vault_dir: Path) -> None:
    vault = Vault.open(vault_dir, PASSPHRASE)
    buf = vault.master_key.value
    vault.close()
    assert buf == bytearray(32)
    with pytest.raises(VaultError, match="locked"):
        _ = vault.connection


@pytest.mark.cli
def test_umask_and_private_files_from_entry_point(tmp_path: Path, passphrase_file: Path) -> None:
    os.umask(0o022)
    root = tmp_path / "v"
    Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF).close()
    backup_file = tmp_path / "b.qrvb"
    result = run_cli(
        "--vault", root, "--passphrase-file", passphrase_file, "backup", "--out", backup_file
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
