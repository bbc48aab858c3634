"""The desktop's side of the DISK FULL campaign (reliability issue #11), with pytest-qt
offscreen: the vault on a small real file system (tmpfs) made by the test, the
interviewer types in the workspace, the autosave fails because the disk is full; the
app says so calmly (the disk-full sentence, nothing about damage or "went wrong"),
keeps the words on screen exactly as typed, and once space is freed saves them by
itself, with nothing stored before lost.

Owns tests/reliability/test_disk_full_app.py."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.exceptions import TimeoutError as WaitTimeout

from app.desktop.session import Session
from app.engine.clock import FakeClock
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.reliability.campaign import report, rng
from tests.reliability.smallfs import fill, small_fs, unfill
from tests.ui.conftest import FakeNavigator, accessible_roles_installed, call  # noqa: F401
from tests.ui.test_workspace import open_workspace
from ui.backend import Backend

FULL = "the disk is full, so nothing was saved and nothing already stored was lost; free some "
VAULT_FULL = "the disk holding the vault is full: free some space; nothing stored is lost"
NOT_CALM = ("damaged", "went wrong", "unexpected", "Traceback", "restore it from a backup")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_fs("tmpfs", tmp_path / "fs", size_mib=16) as point:
        yield point


@pytest.fixture
def backend(disk: Path, qtbot: Any) -> Iterator[Backend]:
    """The real session and worker thread over a new vault on the small disk."""
    session = Session(disk / "vault", clock=FakeClock())
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    b = Backend(session)
    try:
        yield b
    finally:
        b.shutdown()
        session.lock()


def stored_texts(qtbot: Any, backend: Backend) -> dict[tuple[str, str], str]:
    def read(s: Any) -> dict[tuple[str, str], str]:
        return {
            (case.reference, x.id): x.text
            for case in s.engine.list_cases()
            for x in s.engine.sections(case.id)
        }

    return call(qtbot, backend, read)


@pytest.mark.campaign
@pytest.mark.slow
def test_a_full_disk_keeps_the_words_on_screen_and_saves_them_later(
    qtbot: Any, backend: Backend, disk: Path
) -> None:
    start = time.monotonic()
    draw = rng("disk_full_app")
    figures: dict[str, Any] = {
        "rounds": 0,
        "stored_lost": 0,
        "wrong_message": 0,
        "not_recovered": 0,
    }
    figures["old_file_changed"] = 0  # no file but the vault: reported for the table's columns

    def prepare(s: Any) -> str:
        other = s.engine.create_case("csa", "CSA-DF-0")
        s.engine.save_section(other.id, "account", "Another survivor's words, stored before.")
        return s.engine.create_case("csa", "CSA-DF-1").id

    ref = call(qtbot, backend, prepare)
    nav = FakeNavigator()
    workspace = open_workspace(qtbot, backend, nav, ref)
    assert workspace.section.currentData() == "account"
    # One round, in both forms: a later round finds room the first one's retries freed
    # (the vault's free pages), so its save may fit and prove nothing; fill levels and
    # repetitions are the core campaign's (test_disk_full_campaign.py).
    for number in range(1):
        figures["rounds"] += 1
        before = stored_texts(qtbot, backend)
        # Exactly full, to the last block (a few bytes to spare at most): with room left a
        # save may fit, since the vault stores changes only. Other fill levels are the core
        # campaign's (test_disk_full_campaign.py); here the app's side is what is tested.
        fill(disk, draw.choice([0, draw.randrange(1, 512)]))
        try:
            # The interviewer types a few words, then a long passage (as much as an hour
            # of typing, more than the vault's log has ever held, so the save must grow
            # it on a disk with no room).
            qtbot.keyClicks(workspace.editor, f" Round {number}: at the gate.")
            workspace.editor.insertPlainText(" And then he said nothing for a long time." * 8000)
            on_screen = workspace.editor.toPlainText()
            qtbot.waitUntil(
                lambda: workspace.saved.text().startswith("Not saved yet"), timeout=20_000
            )
            shown = workspace.saved.text()
            if (FULL not in shown and VAULT_FULL not in shown) or any(w in shown for w in NOT_CALM):
                figures["wrong_message"] += 1
            assert workspace.editor.toPlainText() == on_screen  # the words stay, unchanged
            # Nothing stored changed or was lost; only the few words typed first may have
            # been saved, in the room a partly full disk still had (a prefix of the screen).
            stored = stored_texts(qtbot, backend)
            assert stored.keys() == before.keys()
            for key, text in before.items():
                if stored[key] != text and not (
                    key == ("CSA-DF-1", "account") and on_screen.startswith(stored[key])
                ):
                    figures["stored_lost"] += 1
        finally:
            unfill(disk)
        # Space again: the app saves the words by itself (no more typing, no button).
        try:
            qtbot.waitUntil(lambda: workspace.saved.text() == "Saved", timeout=20_000)
        except WaitTimeout:
            figures["not_recovered"] += 1
            break
        after = stored_texts(qtbot, backend)
        if after.get(("CSA-DF-1", "account")) != on_screen:
            figures["not_recovered"] += 1
        if any(after.get(key) != text for key, text in before.items() if key[0] != "CSA-DF-1"):
            figures["stored_lost"] += 1
    figures["seconds"] = round(time.monotonic() - start, 2)
    report("disk_full_app_autosave", figures)
    for key in ("stored_lost", "wrong_message", "not_recovered"):
        assert figures[key] == 0, key
