"""After a recovery the identity screen says the member's keys were not brought back
(keys §1): the organisation's recovery identity restores the cases, never the keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyrage

from app.desktop.session import Session
from app.org import org_init, org_set_policy
from app.vault.recover import recover
from tests.conftest import FAST_KDF
from ui.backend import Backend
from ui.screens.identity import IdentityScreen

NEW = "the administrator's new phrase"


def test_the_identity_screen_says_the_keys_were_not_brought_back(
    qtbot: Any, session: Session, vault_dir: Path, tmp_path: Path, nav: Any
) -> None:
    org = tmp_path / "org"
    org_init(org)
    recovery = pyrage.x25519.Identity.generate()
    org_set_policy(org, recovery_recipient=str(recovery.to_public()))
    me = org / "interviewer"
    session.engine.import_identity(
        me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
    )
    session.lock()
    recover(vault_dir, str(recovery), NEW, kdf_params=FAST_KDF).close()
    session.unlock(NEW)
    backend = Backend(session)
    try:
        screen = IdentityScreen(backend, nav)
        qtbot.addWidget(screen)
        screen.show()
        screen.entered()
        qtbot.waitUntil(lambda: "Name:" in screen.summary.text(), timeout=20_000)
        assert "Your keys were not brought back" in screen.summary.text()
        assert "Interviewer" in screen.summary.text()  # who it was is still shown
    finally:
        backend.shutdown()
