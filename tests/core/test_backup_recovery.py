"""Restoring a keyring-bound backup on another machine with the organisation's identity.

The real Secret Service (gnome-keyring in tests/run-with-keyring.sh) and the real `age`
tools: the vault is bound to a device secret in the keyring and sealed to an age
recipient; "another machine" is the same keyring with that device secret deleted and an
empty place for the vault.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.engine.engine import Engine
from app.errors import AuthError
from app.vault import backup, keys
from app.vault.header import parse_header
from app.vault.vault import Vault, database_path, header_path
from crypto import keyring_binding as kr
from tests.conftest import FAST_KDF, PASSPHRASE, require_tool, run_cli, snapshot, write_secret

pytestmark = [pytest.mark.usefixtures("keyring_session"), pytest.mark.cli]

WORDS = "CANARY-restore-elsewhere-5d1e: the blue door at the end of the lane."
NEW_PASSPHRASE = "the administrator's new phrase"
NO_DBUS = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/quietroom-test-bus"}


def make_bound_vault(root: Path, recipient: str | None) -> str:
    """A keyring-bound vault holding one case with the survivor's words; its vault id."""
    with (
        Vault.create(
            root, PASSPHRASE, use_keyring=True, recovery_recipient=recipient, kdf_params=FAST_KDF
        ) as vault,
        Engine(vault) as engine,
    ):
        engine.create_case("csa", "CSA-77", "A. Interviewer")
        engine.save_section("CSA-77", "account", WORDS)
        return vault.header.vault_id


def make_backup(root: Path, out: Path) -> Path:
    with Vault.open(root, PASSPHRASE) as vault:
        backup.write_backup(vault, out)
    return out


def forget_device_secret(vault_id: str) -> None:
    """What another machine looks like to this backup: the keyring lacks its secret."""
    kr.delete(kr.find_backend(), vault_id)
    assert kr.load(kr.find_backend(), vault_id) is None


def restore_cli(
    target: Path, source: Path, *extra: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run_cli("--vault", target, "--json", "restore", "--from", source, *extra, env=env)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.fixture
def elsewhere(tmp_path: Path, org_identity: tuple[Path, str]) -> tuple[Path, str, Path]:
    """(backup file, vault id, new passphrase file) with the device secret gone."""
    original = tmp_path / "first-laptop" / "vault"
    vid = make_bound_vault(original, org_identity[1])
    out = make_backup(original, tmp_path / "vault.qrvb")
    forget_device_secret(vid)
    return out, vid, write_secret(tmp_path, "new-pw", NEW_PASSPHRASE)


def test_restore_and_recover_on_another_machine(
    elsewhere: tuple[Path, str, Path], org_identity: tuple[Path, str], tmp_path: Path
) -> None:
    out, vid, new_pw = elsewhere
    target = tmp_path / "second-laptop" / "vault"
    pw = write_secret(tmp_path, "pw", PASSPHRASE)

    # The old way fails, but now says exactly what to do instead, and writes nothing.
    plain = run_cli("--vault", target, "--passphrase-file", pw, "restore", "--from", out)
    assert plain.returncode == 2
    line = one_line(plain)
    assert "another machine" in line and "--identity" in line and "nothing was written" in line
    assert not target.exists()
    lost = run_cli(
        "--vault", target, "recover", "--identity", org_identity[0], "--new-passphrase-file", new_pw
    )
    assert lost.returncode == 3 and "restore --from FILE --identity" in one_line(lost)

    result = restore_cli(
        target, out, "--identity", org_identity[0], "--new-passphrase-file", new_pw
    )
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["restored"] is True and info["keyring"] is True and info["recovery"] is True
    # Bound to this machine's keyring afresh, under the same vault id.
    secret = kr.load(kr.find_backend(), vid)
    assert secret is not None
    header = parse_header(header_path(target).read_bytes())
    assert header.vault_id == vid and header.secret_check == kr.secret_check(secret)

    status = run_cli("--vault", target, "--passphrase-file", new_pw, "--json", "status", "--check")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["integrity"] == "ok"
    with Vault.open(target, NEW_PASSPHRASE) as vault, Engine(vault) as engine:
        assert engine.statement_text("CSA-77") == WORDS
        assert engine.verify_audit("CSA-77").intact
    with pytest.raises(AuthError, match="not correct"):
        Vault.open(target, PASSPHRASE)  # the old passphrase no longer opens it

    # The recovery envelope survives, so `recover` works on the restored vault too.
    again = write_secret(tmp_path, "again", "yet another new phrase")
    rec = run_cli(
        "--vault", target, "recover", "--identity", org_identity[0], "--new-passphrase-file", again
    )
    assert rec.returncode == 0, rec.stderr
    with Vault.open(target, "yet another new phrase") as vault, Engine(vault) as engine:
        assert engine.statement_text("CSA-77") == WORDS


def test_restore_with_identity_over_an_existing_vault_here(
    tmp_path: Path, org_identity: tuple[Path, str]
) -> None:
    # Same machine: the device secret is still there and is reused, not replaced.
    root = tmp_path / "vault"
    vid = make_bound_vault(root, org_identity[1])
    out = make_backup(root, tmp_path / "b")
    secret_before = kr.load(kr.find_backend(), vid)
    with Vault.open(root, PASSPHRASE) as vault, Engine(vault) as engine:
        engine.save_section("CSA-77", "account", "changed after the backup")
    new_pw = write_secret(tmp_path, "new", NEW_PASSPHRASE)
    result = restore_cli(root, out, "--identity", org_identity[0], "--new-passphrase-file", new_pw)
    assert result.returncode == 0, result.stderr
    assert kr.load(kr.find_backend(), vid) == secret_before
    with Vault.open(root, NEW_PASSPHRASE) as vault, Engine(vault) as engine:
        assert engine.statement_text("CSA-77") == WORDS


def test_wrong_identity_writes_nothing(elsewhere: tuple[Path, str, Path], tmp_path: Path) -> None:
    out, vid, new_pw = elsewhere
    other = tmp_path / "other-identity.txt"
    subprocess.run([require_tool("age-keygen"), "-o", other], check=True, capture_output=True)
    target = tmp_path / "second-laptop"
    result = restore_cli(target, out, "--identity", other, "--new-passphrase-file", new_pw)
    assert result.returncode == 2
    assert "does not open" in one_line(result)
    assert not target.exists()
    assert kr.load(kr.find_backend(), vid) is None


@pytest.mark.parametrize("where", ["database", "header"])
def test_tampered_backup_with_identity_writes_nothing(
    elsewhere: tuple[Path, str, Path], org_identity: tuple[Path, str], tmp_path: Path, where: str
) -> None:
    out, vid, new_pw = elsewhere
    data = bytearray(out.read_bytes())
    if where == "database":
        data[len(data) // 2] ^= 1
    else:
        # Inside the salt: still a valid header, but no longer the one the MAC covers.
        at = data.index(b'"salt": "') + 12
        data[at] = ord("A") if data[at] != ord("A") else ord("B")
    out.write_bytes(bytes(data))
    target = tmp_path / "second-laptop" / "vault"
    target.mkdir(parents=True)
    result = restore_cli(
        target, out, "--identity", org_identity[0], "--new-passphrase-file", new_pw
    )
    assert result.returncode == 3, result.stderr
    assert "altered or damaged" in one_line(result)
    assert snapshot(target) == {}
    assert kr.load(kr.find_backend(), vid) is None


def test_intact_mac_but_damaged_database_writes_nothing(
    elsewhere: tuple[Path, str, Path], org_identity: tuple[Path, str], tmp_path: Path
) -> None:
    # Damage made before the MAC was computed (e.g. a bad disk under the original vault):
    # the staged copy's integrity check must catch it, and the device secret made for
    # the restore must not be left behind.
    out, vid, new_pw = elsewhere
    header_bytes, db, _mac = backup._parse(out.read_bytes())
    db = bytearray(db)
    db[len(db) // 2 + 77] ^= 0x10
    header = parse_header(header_bytes)
    master = keys.open_recovery(header, org_identity[0].read_text())
    body = b"".join(
        [
            backup.MAGIC,
            len(header_bytes).to_bytes(4, "big"),
            header_bytes,
            len(db).to_bytes(8, "big"),
            bytes(db),
        ]
    )
    out.write_bytes(body + backup._mac(master, body))
    master.close()
    target = tmp_path / "second-laptop" / "vault"
    result = restore_cli(
        target, out, "--identity", org_identity[0], "--new-passphrase-file", new_pw
    )
    assert result.returncode == 3, result.stderr
    assert "integrity" in one_line(result) or "damaged" in one_line(result)
    assert not database_path(target).exists() and not header_path(target).exists()
    assert kr.load(kr.find_backend(), vid) is None


def test_bound_backup_without_recovery_says_why_it_cannot_open_here(
    tmp_path: Path, org_identity: tuple[Path, str]
) -> None:
    original = tmp_path / "first-laptop"
    vid = make_bound_vault(original, None)
    out = make_backup(original, tmp_path / "b")
    forget_device_secret(vid)
    target = tmp_path / "second-laptop"
    pw = write_secret(tmp_path, "pw", PASSPHRASE)
    result = run_cli("--vault", target, "--passphrase-file", pw, "restore", "--from", out)
    assert result.returncode == 2
    line = one_line(result)
    assert "has no recovery key" in line and "only be restored on the machine" in line
    new_pw = write_secret(tmp_path, "new", NEW_PASSPHRASE)
    result = restore_cli(
        target, out, "--identity", org_identity[0], "--new-passphrase-file", new_pw
    )
    assert result.returncode == 2
    assert "without a recovery recipient" in one_line(result)
    assert not target.exists()


def test_restore_with_identity_without_a_keyring_is_passphrase_only(
    elsewhere: tuple[Path, str, Path], org_identity: tuple[Path, str], tmp_path: Path
) -> None:
    out, _vid, new_pw = elsewhere
    target = tmp_path / "no-keyring-laptop"
    result = restore_cli(
        target, out, "--identity", org_identity[0], "--new-passphrase-file", new_pw, env=NO_DBUS
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["keyring"] is False
    assert "passphrase-only" in one_line(result)
    status = run_cli(
        "--vault", target, "--passphrase-file", new_pw, "--json", "status", env=NO_DBUS
    )
    assert status.returncode == 0, status.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--identity", "ID"],
        ["--new-passphrase-file", "NEW"],
        ["--identity", "missing-file", "--new-passphrase-file", "NEW"],
    ],
)
def test_restore_identity_usage_errors(
    elsewhere: tuple[Path, str, Path],
    tmp_path: Path,
    org_identity: tuple[Path, str],
    args: list[str],
) -> None:
    out, _vid, new_pw = elsewhere
    names = {
        "ID": str(org_identity[0]),
        "NEW": str(new_pw),
        "missing-file": str(tmp_path / "missing"),
    }
    pw = write_secret(tmp_path, "pw", PASSPHRASE)
    target = tmp_path / "second-laptop"
    result = run_cli(
        "--vault",
        target,
        "--passphrase-file",
        pw,
        "restore",
        "--from",
        out,
        *[names.get(a, a) for a in args],
    )
    assert result.returncode == 1, result.stderr
    one_line(result)
    assert not target.exists()


def test_recovering_a_restored_copy_leaves_the_live_vault_bound(
    tmp_path: Path, org_identity: tuple[Path, str]
) -> None:
    """A copy restored with --identity on the same machine shares its original's device
    secret; `recover` on the copy binds it afresh and never replaces that secret, which
    the live vault still needs (found by the keyring-fault campaign)."""
    live = tmp_path / "live"
    vid = make_bound_vault(live, org_identity[1])
    out = make_backup(live, tmp_path / "b")
    copy = tmp_path / "copy"
    new_pw = write_secret(tmp_path, "new", NEW_PASSPHRASE)
    restored = restore_cli(
        copy, out, "--identity", org_identity[0], "--new-passphrase-file", new_pw
    )
    assert restored.returncode == 0, restored.stderr
    shared = kr.load(kr.find_backend(), vid)

    again = write_secret(tmp_path, "again", "yet another new phrase")
    rec = run_cli(
        "--vault", copy, "recover", "--identity", org_identity[0], "--new-passphrase-file", again
    )
    assert rec.returncode == 0, rec.stderr
    assert kr.load(kr.find_backend(), vid) == shared
    with Vault.open(live, PASSPHRASE) as vault, Engine(vault) as engine:
        assert engine.statement_text("CSA-77") == WORDS
    with Vault.open(copy, "yet another new phrase") as vault, Engine(vault) as engine:
        assert vault.header.keyring_bound
        assert engine.statement_text("CSA-77") == WORDS
