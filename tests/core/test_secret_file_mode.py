"""Hardening §6: a passphrase (or key password) file that other users may read or change
is refused, as ssh refuses a private key with loose permissions: one line naming the
file and the fix, exit 1, nothing opened or changed. Standard input and pipes pass."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import PASSPHRASE, snapshot, write_secret
from tests.core.engine_cli_harness import make_vault


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o606, 0o610])
def test_a_passphrase_file_others_can_reach_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    vault = make_vault(tmp_path)
    secret = write_secret(tmp_path, "pass.txt", PASSPHRASE)
    secret.chmod(mode)
    before = snapshot(vault)
    code = main(["--vault", str(vault), "--passphrase-file", str(secret), "status"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"quietroom-cli: the passphrase file {secret} can be read or changed by other users "
        f"of this computer (its mode is {mode:04o}): run 'chmod 600 {secret}' and try again\n"
    )
    assert snapshot(vault) == before


@pytest.mark.parametrize("mode", [0o600, 0o400])
def test_a_private_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    vault = make_vault(tmp_path)
    secret = write_secret(tmp_path, "pass.txt", PASSPHRASE)
    secret.chmod(mode)
    assert main(["--vault", str(vault), "--passphrase-file", str(secret), "status"]) == 0
    capsys.readouterr()


def test_a_pipe_has_no_mode_to_refuse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--passphrase-file <(pass show quietroom)` gives /dev/fd/N, a pipe."""
    vault = make_vault(tmp_path)
    read, write = os.pipe()
    os.write(write, (PASSPHRASE + "\n").encode())
    os.close(write)
    try:
        code = main(["--vault", str(vault), "--passphrase-file", f"/dev/fd/{read}", "status"])
    finally:
        os.close(read)
    assert code == 0, capsys.readouterr().err


def test_the_new_passphrase_and_key_passwords_are_held_to_it_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = make_vault(tmp_path)
    secret = write_secret(tmp_path, "pass.txt", PASSPHRASE)
    new = write_secret(tmp_path, "new.txt", "another calm and quiet passphrase")
    new.chmod(0o644)
    before = snapshot(vault)
    args = ["--vault", str(vault), "--passphrase-file", str(secret), "passphrase", "change"]
    assert main([*args, "--new-passphrase-file", str(new)]) == 1
    assert "the new passphrase file" in capsys.readouterr().err
    assert snapshot(vault) == before
    password = write_secret(tmp_path, "pw.txt", "a key password for the org")
    password.chmod(0o664)
    code = main(["org", "init", "--out", str(tmp_path / "org"), "--password-file", str(password)])
    assert code == 1 and "chmod 600" in capsys.readouterr().err
    assert not (tmp_path / "org").exists()
