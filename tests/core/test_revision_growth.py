"""Hardening §5: the revision history grows with what is typed, not with the section.
Two insertions far apart within the coalescing window used to be composed into one
delta spanning everything between them (300 such saves in a long statement stored
64.5 MB). Now a save coalesces only when it continues the previous insertion."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

REF = "CSA-GROW-1"
SLACK = 2048  # bytes a save may store beyond the text typed (DECISIONS: "≤ 2 KB")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[tuple[Engine, FakeClock]]:
    clock = FakeClock()
    with (
        Vault.create(tmp_path / "vault", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as v,
        Engine(v, clock=clock, owner=True) as e,
    ):
        e.create_case("csa", REF, interviewer="Jo Bloggs")
        yield e, clock


def stored(engine: Engine) -> tuple[int, int]:
    """(bytes of every revision's inserted text and snapshot, bytes of the newest row's)."""
    conn = engine.vault.connection
    total = conn.execute(
        "SELECT coalesce(sum(length(CAST(inserted AS BLOB))), 0) + "
        "coalesce(sum(length(snapshot)), 0) FROM revisions"
    ).fetchone()[0]
    newest = conn.execute(
        "SELECT length(CAST(inserted AS BLOB)) FROM revisions ORDER BY rowid DESC LIMIT 1"
    ).fetchone()[0]
    return total, newest


def test_far_apart_edits_store_what_was_typed(engine: tuple[Engine, FakeClock]) -> None:
    e, clock = engine
    rng = random.Random(5)
    vocabulary = ("the", "house", "was", "cold", "and", "dark", "I", "remember")
    words = [rng.choice(vocabulary) for _ in range(100_000)]
    text = " ".join(words)
    e.save_section(REF, "account", text)
    clock.advance(60)
    before, _ = stored(e)
    typed_in_window = 0
    for i in range(120):
        word = f" w{i}"
        # Alternately near the start and near the end, a second apart: one coalescing
        # window. Every 25th save deletes a word, which breaks any chain, as in the field.
        at = 40 + i if i % 2 == 0 else len(text) - 40 - i
        if i % 25 == 24:
            text = text[:at] + text[at + 4 :]
            typed_in_window = 0
        else:
            text = text[:at] + word + text[at:]
            typed_in_window += len(word)
        clock.advance(1)
        e.save_section(REF, "account", text)
        total, newest = stored(e)
        assert total - before <= len(word) + SLACK, (i, total - before)
        assert newest <= typed_in_window + SLACK, (i, newest)
        before = total
    history = e.section_history(REF, "account")
    assert e.section_text_at(REF, "account", history[-1]["revision"]) == text


def test_typing_on_still_coalesces(engine: tuple[Engine, FakeClock]) -> None:
    """Continuing the previous insertion, at its end or inside it, is one revision."""
    e, clock = engine
    e.save_section(REF, "account", "Start. End.")
    steps = ["Start. The. End.", "Start. The house. End.", "Start. The big house. End."]
    for text in steps:
        clock.advance(1)
        e.save_section(REF, "account", text)
    history = e.section_history(REF, "account")
    assert len(history) == 2 and history[-1]["saves"] == 3
    # Then a word far away: a revision of its own, and every text is still in the history.
    clock.advance(1)
    e.save_section(REF, "account", "Now. Start. The big house. End.")
    history = e.section_history(REF, "account")
    assert len(history) == 3
    assert e.section_text_at(REF, "account", 2) == steps[-1]
