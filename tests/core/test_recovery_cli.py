"""`recover` never honours a weakened header, and `recovery reseal` follows the trust file
(keys §1, §4), through the command line as an administrator would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pyrage
import pytest

from app.engine.engine import Engine
from app.org import org_init, org_set_policy
from app.vault.header import parse_header
from app.vault.vault import Vault, header_path
from crypto.kdf import DEFAULT_LANES, DEFAULT_MEMORY_KIB, MIN_ITERATIONS, KdfParams
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli, snapshot, write_secret

pytestmark = pytest.mark.cli


def age_pair() -> tuple[str, str]:
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def test_recover_does_not_honour_a_weakened_header(tmp_path: Path) -> None:
    secret, recipient = age_pair()
    root = tmp_path / "v"
    strong = KdfParams(memory_kib=DEFAULT_MEMORY_KIB, iterations=4, lanes=DEFAULT_LANES)
    Vault.create(
        root, PASSPHRASE, use_keyring=False, recovery_recipient=recipient, kdf_params=strong
    ).close()
    # Someone with the disk (not the passphrase) makes guessing eight times cheaper.
    path = header_path(root)
    doc = json.loads(path.read_text())
    doc["kdf"].update(memory_kib=64 * 1024, iterations=MIN_ITERATIONS, lanes=1)
    path.write_text(json.dumps(doc))
    identity = write_secret(tmp_path, "identity.txt", secret)
    new = write_secret(tmp_path, "new", "the administrator's new phrase")
    done = run_cli(
        "--vault", root, "--json", "recover", "--identity", identity, "--new-passphrase-file", new
    )
    assert done.returncode == 0, done.stderr
    kdf = parse_header(path.read_bytes()).kdf
    assert kdf.memory_kib >= DEFAULT_MEMORY_KIB and kdf.lanes >= DEFAULT_LANES
    assert kdf.iterations >= MIN_ITERATIONS
    assert json.loads(done.stdout)["kdf"]["memory_kib"] == kdf.memory_kib


def member_vault(root: Path, org: Path, recipient: str | None = None) -> None:
    with (
        Vault.create(
            root, PASSPHRASE, use_keyring=False, recovery_recipient=recipient, kdf_params=FAST_KDF
        ) as vault,
        Engine(vault) as engine,
    ):
        me = org / "interviewer"
        engine.import_identity(
            me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
        )


def test_recovery_reseal_follows_the_trust_file(tmp_path: Path, passphrase_file: Path) -> None:
    org = tmp_path / "org"
    org_init(org)
    root = tmp_path / "v"
    member_vault(root, org)
    # The organisation's trust file names no recovery recipient: nothing is changed.
    before = snapshot(root)
    done = run_cli("--vault", root, "--passphrase-file", passphrase_file, "recovery", "reseal")
    assert done.returncode == 1
    assert done.stderr.strip().endswith("nothing was changed")
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert snapshot(root) == before
    # The organisation names one; the member's vault takes it when asked.
    _secret, recipient = age_pair()
    org_set_policy(org, recovery_recipient=recipient)
    with Vault.open(root, PASSPHRASE) as vault, Engine(vault) as engine:
        with vault.transaction() as conn:  # as if imported by a version without the re-seal
            conn.execute(
                "UPDATE trust SET trust_json = ?, trust_sig = ? WHERE id = 1",
                ((org / "trust.json").read_bytes(), (org / "trust.json.p7s").read_bytes()),
            )
        assert engine.trust().policy.recovery_recipient == recipient  # type: ignore[union-attr]
    args = ("--vault", root, "--passphrase-file", passphrase_file, "--json", "recovery", "reseal")
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "resealed": True,
        "recovery": True,
        "recovery_recipient": recipient,
    }
    again = run_cli(*args)
    assert json.loads(again.stdout)["resealed"] is False
    status = run_cli("--vault", root, "--passphrase-file", passphrase_file, "--json", "status")
    assert json.loads(status.stdout)["recovery_recipient"] == recipient
