"""What laptops in the field hold still works: a vault and a bundle made with the code of
commit 92d095c (tests/data/compat-92d095c) open, migrate, export and verify with today's
code, through the command line as a user would run it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.review.inbox import open_for_review
from app.vault import migrations
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, REPO, run_cli

OLD = REPO / "tests" / "data" / "compat-92d095c"
OLD_PASSPHRASE = (OLD / "passphrase.txt").read_text().splitlines()[0]
CASE = "COMPAT-1"

pytestmark = pytest.mark.cli


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """A copy: the fixtures themselves never change."""
    copy = tmp_path / "old"
    shutil.copytree(OLD, copy)
    (copy / "passphrase.txt").chmod(0o600)  # git keeps 0644
    return copy


def cli(old: Path, *args: str | Path) -> dict[str, Any]:
    done = run_cli(
        "--vault", old / "vault", "--passphrase-file", old / "passphrase.txt", *args, "--json"
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_the_old_bundle_verifies_and_opens_for_review(old: Path, tmp_path: Path) -> None:
    done = run_cli(
        "verify", old / "statement.qrb", "--identity", old / "org/supervisor/age-identity.txt",
        "--trust", old / "org/trust.json", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] is True and all(c["ok"] for c in report["checks"])
    supervisor = Engine(
        Vault.create(tmp_path / "sup", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    )
    try:
        member = old / "org" / "supervisor"
        supervisor.import_identity(
            member / "cert.pem",
            member / "key.pem",
            member / "age-identity.txt",
            old / "org" / "trust.json",
        )
        opened = open_for_review(supervisor, old / "statement.qrb")
        assert opened.review is not None and opened.review.reference == CASE
    finally:
        supervisor.vault.close()


def test_the_old_vault_opens_migrates_and_exports(old: Path, tmp_path: Path) -> None:
    shown = cli(old, "case", "show", CASE)
    assert shown["reference"] == CASE and shown["witness"]["name"] == "Morgan Ŷwen"
    text = cli(old, "statement", "show", CASE)
    assert "carol service" in json.dumps(text, ensure_ascii=False)
    assert cli(old, "audit", "verify", CASE)["intact"] is True
    with Vault.open(old / "vault", OLD_PASSPHRASE) as vault:
        assert migrations.current_version(vault.connection) == migrations.latest_version()
        # Its header has the personal key now, and the member's keys are sealed under it.
        assert vault.header.version == 2 and vault.header.personal_wrap is not None
        key, age = vault.connection.execute(
            "SELECT key_pem, age_identity FROM identity WHERE id = 1"
        ).fetchone()
        assert bytes(key).startswith(b"qp1:") and b"PRIVATE KEY" not in bytes(key)
        assert age is None or age.startswith("qp1:")
    bundle = tmp_path / "again.qrb"
    made = cli(old, "export", CASE, "--out", bundle)
    assert made["out"] == str(bundle)
    done = run_cli(
        "verify", bundle, "--identity", old / "org/supervisor/age-identity.txt",
        "--trust", old / "org/trust.json",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
