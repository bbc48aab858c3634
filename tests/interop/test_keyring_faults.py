"""Keyring faults against the real Secret Service (reliability §7 and §8): a locked keyring
is answered with "unlock your keyring (log in again) and retry", not with an
administrator's recover; one whose unlock prompt waits for a password nobody can type
(gnome-keyring under a virtual display) no longer hangs several opens at once: each
gives up after its time limit with a clear message; a device secret replaced by other
data is "does not belong to this vault", not "missing"."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.vault.header import parse_header
from app.vault.vault import Vault, header_path
from crypto import keyring_binding as kr
from tests.conftest import FAST_KDF, PASSPHRASE, REPO, missing, run_cli

pytestmark = pytest.mark.usefixtures("keyring_session")


@pytest.fixture
def bound_vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    Vault.create(root, PASSPHRASE, use_keyring=True, kdf_params=FAST_KDF).close()
    return root


LOCKED_KEYRING = textwrap.dedent(
    """
    import json, subprocess, sys
    from pathlib import Path
    import secretstorage
    from app.vault.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE, snapshot

    root, secret = Path(sys.argv[1]), sys.argv[2]
    Vault.create(root, PASSPHRASE, use_keyring=True, kdf_params=FAST_KDF).close()
    before = snapshot(root)
    connection = secretstorage.dbus_init()
    secretstorage.get_default_collection(connection).lock()
    done = subprocess.run([sys.executable, "-m", "app.cli.main", "--vault", str(root),
                           "--passphrase-file", secret, "status"],
                          capture_output=True, text=True, timeout=120)
    print(json.dumps({"code": done.returncode, "stderr": done.stderr,
                      "unchanged": snapshot(root) == before}))
    """
)


def in_own_session(tmp_path: Path, script: str, *args: str, display: bool = False) -> str:
    """Run `script` in a D-Bus session and gnome-keyring of its own (the suite's session is
    shared by every test worker: locking its keyring would fail their tests)."""
    path = tmp_path / "script.py"
    path.write_text(script, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    command = [str(REPO / "tests" / "run-with-keyring.sh"), sys.executable, str(path), *args]
    if display:
        if shutil.which("xvfb-run") is None:
            missing("xvfb-run is not installed (make test installs xvfb)")
        command = ["xvfb-run", "-a", *command]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_a_locked_keyring_says_unlock_it(tmp_path: Path, passphrase_file: Path) -> None:
    result = json.loads(
        in_own_session(tmp_path, LOCKED_KEYRING, str(tmp_path / "vault"), str(passphrase_file))
    )
    assert result["code"] == 2, result
    assert result["stderr"].count("\n") == 1
    assert "unlock your keyring (log in again) and retry" in result["stderr"]
    assert "recover" not in result["stderr"]
    assert result["unchanged"]


def test_a_replaced_secret_is_not_called_missing(bound_vault: Path, passphrase_file: Path) -> None:
    vault_id = parse_header(header_path(bound_vault).read_bytes()).vault_id
    kr.find_backend().set_password(kr.SERVICE, vault_id, "not a device secret at all")
    done = run_cli("--vault", bound_vault, "--passphrase-file", passphrase_file, "status")
    assert done.returncode == 2
    assert "does not belong to this vault" in done.stderr and "missing" not in done.stderr


HANGING_KEYRING = textwrap.dedent(
    """
    import json, subprocess, sys, time
    from pathlib import Path
    import secretstorage
    from app.vault.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE

    root, secret = Path(sys.argv[1]), sys.argv[2]
    Vault.create(root, PASSPHRASE, use_keyring=True, kdf_params=FAST_KDF).close()
    connection = secretstorage.dbus_init()
    secretstorage.get_default_collection(connection).lock()
    args = [sys.executable, "-m", "app.cli.main", "--vault", str(root),
            "--passphrase-file", secret, "status"]
    start = time.monotonic()
    opened = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True) for _ in range(3)]
    results = []
    for p in opened:
        _, err = p.communicate(timeout=120)
        results.append({"code": p.returncode, "stderr": err})
    print(json.dumps({"seconds": time.monotonic() - start, "results": results}))
    """
)


def test_several_opens_with_a_prompt_nobody_answers_each_give_up_in_time(
    tmp_path: Path, passphrase_file: Path
) -> None:
    """In its own D-Bus session under a virtual display, so gnome-keyring's unlock prompt
    opens there and waits for ever, as on a desk with the prompt behind another window."""
    line = in_own_session(
        tmp_path, HANGING_KEYRING, str(tmp_path / "vault"), str(passphrase_file), display=True
    )
    report = json.loads(line)
    for result in report["results"]:
        assert result["code"] == 2, result
        assert f"did not answer within {int(kr.TIMEOUT_SECONDS)} seconds" in result["stderr"]
        assert "unlock your keyring (log in again) and retry" in result["stderr"]
        assert result["stderr"].count("\n") == 1
    # All three together in about one time limit, not one after another for minutes.
    assert report["seconds"] < 2 * kr.TIMEOUT_SECONDS + 15, report["seconds"]
