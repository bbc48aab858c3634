"""Re-keying (keys §3): after `passphrase change --rekey`, a copy of the old header and
the old passphrase open nothing written since; a plain change revokes nothing (and says
so). The re-key is all or nothing across a crash, keeps the member's identity and the
recovery envelope, and binds a keyring-bound vault to a new device secret."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyrage
import pytest

from app.engine.engine import Engine
from app.errors import QuietroomError
from app.vault import restore_journal
from app.vault.header import parse_header
from app.vault.recover import recover
from app.vault.rekey import rekey
from app.vault.session_lock import SessionLock
from app.vault.vault import Vault, header_path
from crypto import keyring_binding as kr
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli, snapshot, write_secret

NEW = "a new passphrase nobody has seen"


def make_vault(root: Path, *, recipient: str | None = None, keyring: bool = False) -> None:
    with (
        Vault.create(
            root, PASSPHRASE, use_keyring=keyring, recovery_recipient=recipient, kdf_params=FAST_KDF
        ) as vault,
        Engine(vault) as engine,
    ):
        engine.create_case("csa", "CSA-OLD", interviewer="Interviewer One")


def add_case(root: Path, passphrase: str, ref: str) -> None:
    with Vault.open(root, passphrase) as vault, Engine(vault) as engine:
        engine.create_case("csa", ref, interviewer="Interviewer One")


def refs(root: Path, passphrase: str) -> set[str]:
    with Vault.open(root, passphrase) as vault, Engine(vault) as engine:
        return {c.reference for c in engine.list_cases()}


def test_the_old_header_opens_nothing_after_a_rekey(tmp_path: Path) -> None:
    root = tmp_path / "v"
    make_vault(root)
    old_header = header_path(root).read_bytes()
    with Vault.open(root, PASSPHRASE) as vault:
        rekey(vault, NEW)
        assert vault.is_open  # the open vault carries on under the new key
    add_case(root, NEW, "CSA-AFTER")
    assert refs(root, NEW) == {"CSA-OLD", "CSA-AFTER"}
    # Whoever kept the old header and saw the old passphrase gets nothing.
    seen = tmp_path / "seen"
    shutil.copytree(root, seen)
    header_path(seen).write_bytes(old_header)
    with pytest.raises(QuietroomError) as error:
        Vault.open(seen, PASSPHRASE)
    assert error.value.code == "vault.damaged"


def test_a_plain_change_revokes_nothing(tmp_path: Path) -> None:
    """Why the re-key exists: the same check after a plain change opens everything."""
    root = tmp_path / "v"
    make_vault(root)
    old_header = header_path(root).read_bytes()
    with Vault.open(root, PASSPHRASE) as vault:
        vault.change_passphrase(NEW)
    add_case(root, NEW, "CSA-AFTER")
    header_path(root).write_bytes(old_header)
    assert refs(root, PASSPHRASE) == {"CSA-OLD", "CSA-AFTER"}


def test_a_rekey_keeps_the_identity_and_re_seals_the_recovery_envelope(tmp_path: Path) -> None:
    identity = pyrage.x25519.Identity.generate()
    root = tmp_path / "v"
    make_vault(root, recipient=str(identity.to_public()))
    before = parse_header(header_path(root).read_bytes())
    with Vault.open(root, PASSPHRASE) as vault:
        personal = vault.seal_personal("age", b"member's secret")
        rekey(vault, NEW)
    after = parse_header(header_path(root).read_bytes())
    assert after.recovery is not None and before.recovery is not None
    assert after.recovery.recipient == before.recovery.recipient
    assert after.recovery.envelope != before.recovery.envelope
    assert after.kdf == before.kdf and after.vault_id == before.vault_id
    with Vault.open(root, NEW) as vault:
        assert bytes(vault.open_personal("age", personal)) == b"member's secret"
    # The recovery identity opens the re-keyed vault (its envelope holds the new key).
    recover(root, str(identity), "an administrator's phrase", kdf_params=FAST_KDF).close()
    assert refs(root, "an administrator's phrase") == {"CSA-OLD"}


def test_a_rekey_that_fails_before_its_commit_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "v"
    make_vault(root)
    before = snapshot(root)

    def power_cut(_root: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(restore_journal, "commit", power_cut)
    with Vault.open(root, PASSPHRASE) as vault:
        with pytest.raises(OSError):
            rekey(vault, NEW)
        assert {c.reference for c in Engine(vault).list_cases()} == {"CSA-OLD"}
    monkeypatch.undo()
    assert refs(root, PASSPHRASE) == {"CSA-OLD"}
    assert not any(p.name.endswith(".restore") for p in root.iterdir())
    assert snapshot(root).keys() == before.keys()


def test_a_rekey_interrupted_after_its_commit_point_rolls_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "v"
    make_vault(root)
    real_finish = restore_journal.finish_pending

    def crash_after_marker(root_: Path, *, locked: bool = False) -> None:
        if locked:  # the commit's own call, just after it wrote the marker
            raise SystemExit("power cut after the commit marker")
        real_finish(root_, locked=locked)

    monkeypatch.setattr(restore_journal, "finish_pending", crash_after_marker)
    with Vault.open(root, PASSPHRASE) as vault, pytest.raises(SystemExit):
        rekey(vault, NEW)
    monkeypatch.setattr(restore_journal, "finish_pending", real_finish)
    assert (root / restore_journal.MARKER).exists()
    assert refs(root, NEW) == {"CSA-OLD"}  # the next open finishes it
    with pytest.raises(QuietroomError) as error:
        Vault.open(root, PASSPHRASE)
    assert error.value.code == "vault.wrong_passphrase"


def test_a_rekey_refuses_while_another_process_owns_the_vault(tmp_path: Path) -> None:
    root = tmp_path / "v"
    make_vault(root)
    before = header_path(root).read_bytes()
    with Vault.open(root, PASSPHRASE) as vault:
        owner = SessionLock(root)
        assert owner.try_acquire()
        try:
            with pytest.raises(QuietroomError) as error:
                rekey(vault, NEW)
        finally:
            owner.release()
    assert error.value.code == "rekey.vault_open"
    assert header_path(root).read_bytes() == before
    assert not any(p.name.endswith(".restore") for p in root.iterdir())
    assert refs(root, PASSPHRASE) == {"CSA-OLD"}


@pytest.mark.usefixtures("keyring_session")
def test_a_keyring_bound_vault_gets_a_new_device_secret(tmp_path: Path) -> None:
    root = tmp_path / "v"
    make_vault(root, keyring=True)
    old = parse_header(header_path(root).read_bytes())
    with Vault.open(root, PASSPHRASE) as vault:
        rekey(vault, NEW)
    new = parse_header(header_path(root).read_bytes())
    assert new.keyring_bound and new.secret_item != old.secret_item
    assert new.secret_check != old.secret_check
    backend = kr.find_backend()
    assert kr.load(backend, new.secret_item) is not None
    # The old secret stays, so backups made before the re-key still restore here.
    assert kr.load(backend, old.secret_item) is not None
    assert refs(root, NEW) == {"CSA-OLD"}


@pytest.mark.cli
def test_passphrase_change_rekey_from_the_command_line(
    tmp_path: Path, passphrase_file: Path
) -> None:
    root = tmp_path / "v"
    make_vault(root)
    new = write_secret(tmp_path, "new", NEW)
    done = run_cli(
        "--vault", root, "--passphrase-file", passphrase_file, "--json",
        "passphrase", "change", "--new-passphrase-file", new, "--rekey",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"changed": True, "rekeyed": True}
    assert refs(root, NEW) == {"CSA-OLD"}
