"""The organisation's policy in the signed trust file (version 4): written by `org init`
with its defaults, changed by `org policy` (a new serial, signed by the trust-list
signer), kept by every other change to the membership, read from older files with its
defaults, and taken by a vault with the trust file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.org import load_trust, org_init, org_issue, org_remove, org_set_policy
from app.org.policy import DEFAULT_MARKING, Policy
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli, snapshot

WELSH = "Mae’r datganiad hwn, sy’n cynnwys {n} tudalen, yn wir hyd eithaf fy ngwybodaeth."
RECIPIENT_FILE = "intake/age-recipient.txt"


@pytest.fixture
def org(tmp_path: Path) -> Path:
    out = tmp_path / "org"
    org_init(out)
    return out


def trust_doc(org: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((org / "trust.json").read_text(encoding="utf-8"))
    return doc


def test_a_new_organisation_has_the_default_policy(org: Path) -> None:
    doc = trust_doc(org)
    assert doc["version"] == 4
    assert doc["policy"] == {
        "protective_marking": DEFAULT_MARKING,
        "welsh_declaration": None,
        "recovery_recipient": None,
        "initials_each_page": False,
    }
    assert load_trust(org / "trust.json").policy == Policy()


def test_policy_changes_publish_the_next_serial_and_survive_membership_changes(
    org: Path,
) -> None:
    recipient = (org / RECIPIENT_FILE).read_text().strip()
    change = org_set_policy(
        org, marking="OFFICIAL", welsh_declaration=WELSH, recovery_recipient=recipient
    )
    assert change.serial == 2
    trust = load_trust(org / "trust.json")
    assert trust.serial == 2 and trust.policy.protective_marking == "OFFICIAL"
    declaration = trust.policy.welsh_declaration
    assert declaration is not None and declaration.text == WELSH
    assert declaration.sha256 == hashlib.sha256(WELSH.encode()).hexdigest()
    assert trust.policy.recovery_recipient == recipient
    # The same settings again: nothing to publish.
    assert org_set_policy(org, marking="OFFICIAL").serial is None
    org_issue(org, "supervisor", "Ann Lee")
    org_remove(org, "Ann Lee")
    assert load_trust(org / "trust.json").policy == trust.policy
    removed = org_set_policy(org, welsh_declaration=None, recovery_recipient=None)
    assert removed.policy == Policy(protective_marking="OFFICIAL")


def test_older_trust_files_read_with_the_defaults(tmp_path: Path) -> None:
    old = Path(__file__).parents[1] / "data" / "compat-92d095c" / "org"
    trust = load_trust(old / "trust.json")
    assert trust.version == 1 and trust.policy == Policy()


def test_a_vault_takes_the_policy_with_the_trust_file(org: Path, tmp_path: Path) -> None:
    org_set_policy(org, welsh_declaration=WELSH)
    member = org / "interviewer"
    with Vault.create(tmp_path / "v", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as v:
        engine = Engine(v)
        engine.import_identity(
            member / "cert.pem", member / "key.pem", member / "age-identity.txt",
            org / "trust.json",
        )  # fmt: skip
        trust = engine.trust()
        assert trust is not None and trust.policy.welsh_declaration is not None


@pytest.mark.cli
def test_org_policy_cli_shows_changes_and_refuses_bad_input(org: Path, tmp_path: Path) -> None:
    shown = run_cli("org", "policy", "--org", org, "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["serial"] is None
    welsh = tmp_path / "cy.txt"
    welsh.write_text(WELSH + "\n", encoding="utf-8")
    done = run_cli("org", "policy", "--org", org, "--welsh-declaration-file", welsh, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["policy"]["welsh_declaration"]["text"] == WELSH
    before = snapshot(org)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    control = tmp_path / "control.txt"
    control.write_text("un\x07dau")
    no_count = tmp_path / "no-count.txt"
    no_count.write_text("Mae'r datganiad hwn yn wir.", encoding="utf-8")
    for args, words in (
        (["--recovery-recipient", "age1nope"], "not a valid age1"),
        (["--welsh-declaration-file", empty], "is empty"),
        (["--welsh-declaration-file", control], "printable"),
        (["--welsh-declaration-file", no_count], 'hold "{n}" once'),
        (["--welsh-declaration-file", tmp_path / "missing.txt"], "missing.txt"),
        (["--marking", "RESTRICTED"], "invalid choice"),
        (["--no-welsh-declaration", "--welsh-declaration-file", welsh], "not allowed with"),
    ):
        result = run_cli("org", "policy", "--org", org, *args)
        assert result.returncode == 1, (args, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert snapshot(org) == before
