"""Who took the statement: the interviewer present at its sittings is filled in from the
vault's identity with their member id, and only that member may sign and export it (a
re-issued certificate for the same person still counts); someone else named as the
interviewer is kept as given, and export then says who did take it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.engine import Engine
from app.engine.models import Participant
from app.errors import UsageError
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.org import org_init, org_reissue
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
    b'<path d="M5 30 L95 10"/></svg>'
)


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("taker") / "org"
    org_init(out)
    return out


def vault(tmp_path: Path, org: Path, member: Path | None = None) -> Engine:
    engine = Engine(
        Vault.create(tmp_path / "v", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    )
    me = member or org / "interviewer"
    engine.import_identity(
        me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
    )
    return engine


def take(engine: Engine, ref: str, present: list[Participant] | None = None) -> None:
    engine.create_case("csa", ref)
    engine.set_witness(ref, name="Morgan Ŷwen", date_of_birth="1984-02-29")
    engine.start_sitting(ref, present=present, location="Cardiff")
    engine.save_section(ref, "account", "I remember the lane by the chapel.")
    engine.end_sitting(ref)
    engine.confirm_readback(ref)
    confirm_all_pages(engine, ref)  # the witness confirmed each page
    engine.sign_statement(ref, SVG)


def member_id(org: Path, name: str) -> str | None:
    from app.org import load_trust

    member = load_trust(org / "trust.json").by_name(name)
    assert member is not None
    return member.member_id


def test_the_interviewer_is_filled_in_from_the_identity(tmp_path: Path, org: Path) -> None:
    engine = vault(tmp_path, org)
    take(engine, "T-1", [Participant("isva", "Sam Carter")])
    [sitting] = engine.sittings("T-1")
    first = sitting.present[0]
    assert (first.role, first.name) == ("interviewer", "Interviewer One")
    assert first.member_id == member_id(org, "Interviewer One")
    assert sitting.to_json()["present"][0]["member_id"] == first.member_id
    export_case(engine, "T-1", tmp_path / "t1.qrb")
    # Named by the interviewer themselves: their member id is added.
    take(engine, "T-2", [Participant("interviewer", "interviewer  one")])
    assert engine.sittings("T-2")[0].present[0].member_id == first.member_id


def test_someone_else_named_as_interviewer_cannot_be_signed_for(tmp_path: Path, org: Path) -> None:
    engine = vault(tmp_path, org)
    take(engine, "T-3", [Participant("interviewer", "Sam Lee")])
    assert engine.sittings("T-3")[0].present[0].member_id is None
    before = engine.audit_head("T-3")
    with pytest.raises(UsageError) as caught:
        export_case(engine, "T-3", tmp_path / "t3.qrb")
    assert caught.value.code == "export.not_statement_taker"
    assert "Interviewer One did not take this statement" in str(caught.value)
    assert "Sam Lee" in str(caught.value)
    assert engine.audit_head("T-3") == before and not (tmp_path / "t3.qrb").exists()


def test_a_reissued_certificate_still_takes_its_own_statement(tmp_path: Path) -> None:
    org = tmp_path / "own-org"  # re-issuing changes the organisation: its own
    org_init(org)
    engine = vault(tmp_path, org)
    take(engine, "T-4")
    reissued = org_reissue(org, "Interviewer One")
    engine.import_identity(
        reissued.dir / "cert.pem",
        reissued.dir / "key.pem",
        reissued.dir / "age-identity.txt",
        org / "trust.json",
    )
    export_case(engine, "T-4", tmp_path / "t4.qrb")


def test_sittings_from_before_member_ids_match_by_name(tmp_path: Path, org: Path) -> None:
    engine = vault(tmp_path, org)
    take(engine, "T-5")
    with engine.vault.transaction() as conn:
        conn.execute("UPDATE participants SET member_id = NULL")
    export_case(engine, "T-5", tmp_path / "t5.qrb")
