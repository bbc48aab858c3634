"""A case keeps the version of its guide it was started with: new cases record the
current version, a case started under an earlier version keeps that version's sections
and prompts (shipped in guides/archive/), a case from before versions were kept uses
version 2, and a version this copy lacks is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.engine import Engine
from app.errors import UsageError
from app.guides import CATEGORIES, archived_path, guide_for_case, guide_for_category, load_guide
from app.guides.catalog import UNRECORDED_VERSION
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    vault = Vault.create(tmp_path / "v", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    return Engine(vault)


def set_version(engine: Engine, ref: str, version: int | None) -> None:
    with engine.vault.transaction() as conn:
        conn.execute("UPDATE cases SET guide_version = ? WHERE reference = ?", (version, ref))


def test_every_earlier_version_of_every_guide_ships() -> None:
    """Raising a guide's version without archiving the old file would strand the cases
    started under it: refused here, before a release."""
    for category in CATEGORIES:
        current = guide_for_category(category)
        for version in range(1, current.version):
            archived = load_guide(archived_path(category, version))
            assert (archived.id, archived.version) == (category, version)


def test_a_new_case_keeps_the_version_it_was_started_with(engine: Engine) -> None:
    case = engine.create_case("csa", "GV-1")
    current = guide_for_category("csa")
    assert case.guide_version == current.version
    assert engine.show_case("GV-1")["guide_version"] == current.version
    set_version(engine, "GV-1", 1)  # as if started before version 2 was shipped
    guide = engine.guide(engine.case("GV-1"))
    assert guide.version == 1
    assert guide.section_ids() == load_guide(archived_path("csa", 1)).section_ids()
    # The screen's Welsh text, when the translation does not fit that version: English.
    welsh = engine.guide(engine.case("GV-1"), language="cy")
    assert welsh.version == 1


def test_a_case_from_before_versions_keeps_version_2(engine: Engine) -> None:
    """Versions began to be recorded when every guide was at version 2: a case from
    before has shown version 2 since, and keeps it (its sections, and so the digest its
    signature committed to, do not change with version 3)."""
    engine.create_case("csa", "GV-2")
    set_version(engine, "GV-2", None)
    guide = engine.guide(engine.case("GV-2"))
    assert guide.version == UNRECORDED_VERSION == 2
    assert guide.section_ids() == load_guide(archived_path("csa", 2)).section_ids()


def test_an_archived_version_keeps_its_welsh(engine: Engine) -> None:
    for category in CATEGORIES:
        engine.create_case(category, f"GV-{category}")
        set_version(engine, f"GV-{category}", 2)
        welsh = engine.guide(engine.case(f"GV-{category}"), language="cy")
        english = engine.guide(engine.case(f"GV-{category}"))
        assert welsh.version == english.version == 2
        assert welsh.section_ids() == english.section_ids()
        assert welsh.title != english.title  # the archived translation, not English


def test_a_missing_version_is_one_clear_error(engine: Engine) -> None:
    engine.create_case("general", "GV-3")
    set_version(engine, "GV-3", 99)
    with pytest.raises(UsageError) as caught:
        engine.guide(engine.case("GV-3"))
    assert caught.value.code == "guide.version_missing"
    assert "version 99 of the general guide" in str(caught.value)
    with pytest.raises(UsageError):
        guide_for_case("general", 99)
