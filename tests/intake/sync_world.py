"""What the sync client's tests share: an organisation whose members hold their
authentication pairs, and vaults ready to sync.

`SyncWorld` is built once per module: an evaluation organisation (intake address
https://localhost:PORT), an interviewer's vault with a signed case and the member's
signing and authentication identities, and a supervisor's vault. Tests take fresh
copies of the vaults (`interviewer()`, `supervisor()`), so no test sees another's outbox.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.engine.engine import Engine
from app.org import org_init
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.intake.harness import free_tcp_port
from tests.interop.test_export_bundle import build_case

CASE = "CSA-EXP-1"


def import_member(engine: Engine, org: Path, role: str) -> None:
    member = org / role
    engine.import_identity(
        member / "cert.pem",
        member / "key.pem",
        member / "age-identity.txt",
        org / "trust.json",
        auth_cert=member / "auth-cert.pem",
        auth_key=member / "auth-key.pem",
    )


@dataclass(frozen=True)
class SyncWorld:
    base: Path
    org: Path
    interviewer_vault: Path
    supervisor_vault: Path

    def _copy(self, source: Path, url: str | None) -> Engine:
        target = self.base / f"vault-{uuid.uuid4().hex[:8]}"
        shutil.copytree(source, target)
        engine = Engine(Vault.open(target, PASSPHRASE))
        if url is not None:
            engine.set_sync_url(url)
        return engine

    def interviewer(self, url: str | None = None) -> Engine:
        """A fresh copy of the interviewer's vault (a signed case, nothing exported)."""
        return self._copy(self.interviewer_vault, url)

    def supervisor(self, url: str | None = None) -> Engine:
        return self._copy(self.supervisor_vault, url)


def build_sync_world(base: Path) -> SyncWorld:
    org = base / "org"
    org_init(org, intake_url=f"https://localhost:{free_tcp_port()}")
    interviewer = build_case(base / "interviewer", org)
    import_member(interviewer, org, "interviewer")
    interviewer.vault.close()
    supervisor = Engine(
        Vault.create(base / "supervisor", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    )
    import_member(supervisor, org, "supervisor")
    supervisor.vault.close()
    return SyncWorld(base, org, base / "interviewer", base / "supervisor")


def localhost(url: str) -> str:
    """The server's address by the name its certificate carries."""
    return url.replace("127.0.0.1", "localhost")
