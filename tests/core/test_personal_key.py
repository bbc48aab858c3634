"""The member's keys stay the member's own (keys §1, §4).

- the signing key, authentication key and age identity are sealed under the personal
  key, which the organisation's recovery identity never opens: a vault recovered (or a
  backup restored) with it opens its cases but cannot sign or export as the member until
  the member imports their identity again;
- the recovery envelope is sealed to the recipient the organisation's signed trust file
  names, and re-sealed when the organisation rotates it; a header whose recovery part
  was swapped or removed does not open;
- the two wraps in the header cannot be swapped, and a version 1 header is upgraded on
  unlock, its member's secrets sealed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest

from app.engine.engine import Engine
from app.errors import QuietroomError, UsageError, VaultError
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.org import org_init, org_set_policy
from app.vault import backup
from app.vault.header import parse_header
from app.vault.recover import recover
from app.vault.recovery_mark import RECOVERY_MARK
from app.vault.vault import Vault, header_path
from crypto import sealed
from tests.conftest import FAST_KDF, PASSPHRASE, snapshot

SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
NEW_PASSPHRASE = "the administrator's new phrase"
REF = "CSA-KEYS-1"


def age_pair() -> tuple[str, str]:
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """An organisation whose policy names its recovery recipient."""
    out = tmp_path_factory.mktemp("keys") / "org"
    org_init(out)
    secret, recipient = age_pair()
    org_set_policy(out, recovery_recipient=recipient)
    return {"dir": out, "recovery_identity": secret, "recovery_recipient": recipient}


def import_member(engine: Engine, org_dir: Path) -> None:
    me = org_dir / "interviewer"
    engine.import_identity(
        me / "cert.pem", me / "key.pem", me / "age-identity.txt", org_dir / "trust.json"
    )


def signed_case(engine: Engine, ref: str = REF) -> None:
    engine.create_case("csa", ref, interviewer="Interviewer One")
    engine.set_witness(ref, name="Alex Morgan", age_status="over_18")
    engine.save_section(ref, "account", "It happened in the summer.")
    engine.confirm_readback(ref)
    confirm_all_pages(engine, ref)
    engine.sign_statement(ref, SIGNATURE)


@pytest.fixture
def member_vault(tmp_path: Path, org: dict[str, object]) -> Iterator[Path]:
    """A member's vault, set up without a recovery recipient, with their identity and
    the organisation's trust file imported and one signed statement."""
    root = tmp_path / "vault"
    with (
        Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
        Engine(vault) as engine,
    ):
        import_member(engine, org["dir"])  # type: ignore[arg-type]
        signed_case(engine)
    yield root


def identity_columns(vault: Vault) -> tuple[bytes, bytes | None, str | None]:
    with vault.reading() as conn:
        row = conn.execute(
            "SELECT key_pem, auth_key_pem, age_identity FROM identity WHERE id = 1"
        ).fetchone()
    return bytes(row[0]), bytes(row[1]) if row[1] is not None else None, row[2]


def test_the_trust_file_seals_the_recovery_envelope_to_the_organisation(
    member_vault: Path, org: dict[str, object]
) -> None:
    header = parse_header(header_path(member_vault).read_bytes())
    assert header.version == 2 and header.personal_wrap is not None
    assert header.recovery is not None
    assert header.recovery.recipient == org["recovery_recipient"]
    # The recipient's identity opens the master key; the member's keys are sealed apart.
    master = pyrage.decrypt(
        header.recovery.envelope,
        [pyrage.x25519.Identity.from_str(org["recovery_identity"])],  # type: ignore[arg-type]
    )
    assert len(master) == 32
    with Vault.open(member_vault, PASSPHRASE) as vault:
        key, auth, age = identity_columns(vault)
    assert sealed.is_token(key) and b"PRIVATE KEY" not in key
    assert age is not None and age.startswith("qp1:") and "AGE-SECRET-KEY" not in age
    assert auth is None or sealed.is_token(auth)


def test_a_recovered_vault_opens_its_cases_but_cannot_sign_as_the_member(
    member_vault: Path, org: dict[str, object], tmp_path: Path
) -> None:
    identity = org["recovery_identity"]
    with recover(member_vault, identity, NEW_PASSPHRASE, kdf_params=FAST_KDF) as vault:  # type: ignore[arg-type]
        assert vault.identity_withheld
    with Vault.open(member_vault, NEW_PASSPHRASE) as vault, Engine(vault) as engine:
        assert engine.show_case(REF)["reference"] == REF  # the case data is all there
        summary = engine.identity_summary()
        assert summary.signing_key_available is False and summary.name
        assert summary.to_json()["signing_key_available"] is False
        with pytest.raises(UsageError) as refused:
            export_case(engine, REF, tmp_path / "refused.qrb")
        assert refused.value.code == "identity.withheld"
        assert "import your identity again" in str(refused.value)
        assert not (tmp_path / "refused.qrb").exists()
        # The member imports their identity again, and signs and exports as before.
        import_member(engine, org["dir"])  # type: ignore[arg-type]
        assert engine.identity_summary().signing_key_available is True
        export_case(engine, REF, tmp_path / "again.qrb")
    assert (tmp_path / "again.qrb").stat().st_size > 0


def test_a_backup_restored_with_the_recovery_identity_cannot_sign_either(
    member_vault: Path, org: dict[str, object], tmp_path: Path
) -> None:
    with Vault.open(member_vault, PASSPHRASE) as vault:
        backup.write_backup(vault, tmp_path / "b.qrvb")
    elsewhere = tmp_path / "elsewhere"
    restored = backup.restore_with_identity(
        elsewhere, tmp_path / "b.qrvb", org["recovery_identity"], NEW_PASSPHRASE,  # type: ignore[arg-type]
        kdf_params=FAST_KDF,
    )  # fmt: skip
    assert restored.identity_withheld
    with Vault.open(elsewhere, NEW_PASSPHRASE) as vault, Engine(vault) as engine:
        assert engine.show_case(REF)["reference"] == REF
        with pytest.raises(UsageError, match="import your identity again"):
            engine.identity()
        key, _auth, age = identity_columns(vault)
    assert key == b"qp1:withheld" and age == "qp1:withheld"
    # The same backup restored with the passphrase keeps the member's identity.
    same = tmp_path / "same"
    backup.restore(same, tmp_path / "b.qrvb", PASSPHRASE)
    with Vault.open(same, PASSPHRASE) as vault, Engine(vault) as engine:
        assert engine.identity_summary().signing_key_available is True


def test_keys_from_before_the_personal_key_are_withheld_by_recovery(
    member_vault: Path, org: dict[str, object]
) -> None:
    """A vault from before the personal key held its keys in the clear inside the
    database, which the master key opens: recovery must not hand them over."""
    pem = (org["dir"] / "interviewer" / "key.pem").read_bytes()  # type: ignore[operator]
    with Vault.open(member_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("UPDATE identity SET key_pem = ? WHERE id = 1", (pem,))
    with recover(member_vault, org["recovery_identity"], NEW_PASSPHRASE, kdf_params=FAST_KDF) as v:  # type: ignore[arg-type]
        key, _auth, _age = identity_columns(v)
    assert key == b"qp1:withheld"


def test_keys_in_the_clear_are_sealed_at_the_next_unlock(member_vault: Path, org: dict) -> None:
    pem = (org["dir"] / "interviewer" / "key.pem").read_bytes()
    with Vault.open(member_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("UPDATE identity SET key_pem = ? WHERE id = 1", (pem,))
    with Vault.open(member_vault, PASSPHRASE) as vault, Engine(vault) as engine:
        key, _auth, _age = identity_columns(vault)
        assert sealed.is_token(key)
        assert engine.identity_summary().signing_key_available is True


def test_a_rotated_recovery_recipient_re_seals_the_envelope(
    tmp_path: Path, org: dict[str, object]
) -> None:
    out = tmp_path / "org2"
    org_init(out)
    old_secret, old_recipient = age_pair()
    org_set_policy(out, recovery_recipient=old_recipient)
    root = tmp_path / "v"
    pasted_secret, pasted = age_pair()  # what someone persuaded the member to paste
    with (
        Vault.create(
            root, PASSPHRASE, use_keyring=False, recovery_recipient=pasted, kdf_params=FAST_KDF
        ) as vault,
        Engine(vault) as engine,
    ):
        import_member(engine, out)
        assert vault.header.recovery.recipient == old_recipient  # type: ignore[union-attr]
        new_secret, new_recipient = age_pair()
        org_set_policy(out, recovery_recipient=new_recipient)
        import_member(engine, out)
        assert vault.header.recovery.recipient == new_recipient  # type: ignore[union-attr]
    for refused in (pasted_secret, old_secret):
        with pytest.raises(QuietroomError) as error:
            recover(root, refused, NEW_PASSPHRASE, kdf_params=FAST_KDF)
        assert error.value.code == "recovery.not_opened"
    recover(root, new_secret, NEW_PASSPHRASE, kdf_params=FAST_KDF).close()


@pytest.mark.parametrize("change", ["recipient", "removed"])
def test_an_edited_recovery_part_does_not_open(
    member_vault: Path, change: str, passphrase_file: Path
) -> None:
    path = header_path(member_vault)
    doc = json.loads(path.read_text())
    if change == "recipient":
        doc["wrapped"]["recovery"]["recipient"] = age_pair()[1]
    else:
        del doc["wrapped"]["recovery"]
    path.write_text(json.dumps(doc))
    before = snapshot(member_vault)
    with pytest.raises(VaultError) as error:
        Vault.open(member_vault, PASSPHRASE)
    assert error.value.code == "vault.recovery_altered"
    assert snapshot(member_vault) == before


def test_a_re_seal_interrupted_between_its_writes_still_opens(member_vault: Path) -> None:
    _secret, recipient = age_pair()
    with Vault.open(member_vault, PASSPHRASE) as vault:
        old = vault.header.to_bytes()
        vault.set_recovery(recipient)
        # As if the header write had not happened: the database accepts both digests.
        from app.vault.recovery_mark import mark_recovery

        with vault.transaction() as conn:
            mark_recovery(conn, parse_header(old).recovery, vault.header.recovery)
    header_path(member_vault).write_bytes(old)
    with Vault.open(member_vault, PASSPHRASE) as vault, vault.reading() as conn:
        value = conn.execute("SELECT value FROM meta WHERE key = ?", (RECOVERY_MARK,)).fetchone()
    assert len(json.loads(value[0])) == 1  # settled on the header that is in place


def test_the_two_wraps_cannot_be_swapped(member_vault: Path) -> None:
    path = header_path(member_vault)
    doc = json.loads(path.read_text())
    wrapped = doc["wrapped"]
    wrapped["passphrase"], wrapped["personal"] = wrapped["personal"], wrapped["passphrase"]
    path.write_text(json.dumps(doc))
    with pytest.raises(QuietroomError) as error:
        Vault.open(member_vault, PASSPHRASE)
    assert error.value.code == "vault.wrong_passphrase"


def test_an_unlock_only_reads_so_it_never_waits_on_another_writer(member_vault: Path) -> None:
    """The checks an unlock makes (the recovery part, keys in the clear) write nothing
    when there is nothing to write: a second open while the desktop app holds a write
    transaction opens at once (WAL readers are never blocked)."""
    with (
        Vault.open(member_vault, PASSPHRASE) as first,
        first.transaction(),
        Vault.open(member_vault, PASSPHRASE) as second,
    ):
        assert second.status()["schema_version"] > 0
