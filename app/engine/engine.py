"""The engine facade: one object the CLI and the desktop app talk to.

    engine = Engine(vault)                  # the command line: one command at a time
    engine = Engine(vault, owner=True)      # the desktop app: owns running sittings

An owning engine holds the vault's session lock for its lifetime; any engine, on
opening, marks sittings whose owner died while running as interrupted.
"""

from __future__ import annotations

import contextlib
from typing import Any

from app.engine import audit
from app.engine.cases import CasesMixin
from app.engine.clock import Clock
from app.engine.exhibits import ExhibitsMixin
from app.engine.exports import ExportsMixin
from app.engine.hints import HintsMixin
from app.engine.identity import IdentityMixin
from app.engine.outbox import OutboxMixin
from app.engine.pacing import PacingMixin
from app.engine.pages import PagesMixin
from app.engine.reviews import ReviewsMixin
from app.engine.statements import StatementsMixin
from app.engine.timeline import TimelineMixin
from app.errors import UsageError
from app.vault.vault import Vault


class Engine(
    CasesMixin,
    StatementsMixin,
    PacingMixin,
    TimelineMixin,
    IdentityMixin,
    ExportsMixin,
    ReviewsMixin,
    OutboxMixin,
    ExhibitsMixin,
    PagesMixin,
    HintsMixin,
):
    def __init__(
        self,
        vault: Vault,
        *,
        clock: Clock | None = None,
        actor: str = "interviewer",
        owner: bool = False,
    ) -> None:
        super().__init__(vault, clock=clock, actor=actor)
        if owner:
            if not self._lock.try_acquire():
                raise UsageError(
                    "vault.open_elsewhere",
                    "Quietroom already has this vault open in another window",
                )
            self.recover_interrupted()
            self._set_ownership(True)
        elif self._lock.try_acquire():
            # Nobody owns the vault right now, so any owned running sitting lost its owner.
            try:
                self.recover_interrupted()
            finally:
                self._lock.release()

    def _set_ownership(self, owned: bool) -> None:
        # An owner claims every running sitting; a clean close hands them back, so only
        # a process that died without closing leaves owned sittings behind (a crash).
        with self._tx() as conn:
            conn.execute("UPDATE sittings SET owned = ? WHERE state = 'running'", (int(owned),))

    def close(self) -> None:
        """Release ownership; running sittings stay running for the next owner."""
        if self._lock.held:
            with contextlib.suppress(Exception):  # a locked vault: nothing to hand back
                self._set_ownership(False)
            self._lock.release()
        self._texts.clear()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- audit ------------------------------------------------------------------------

    def audit_entries(self, ref: str) -> list[audit.Entry]:
        with self._read() as conn:
            return list(audit.entries(conn, self._case_row(conn, ref).id))

    def verify_audit(self, ref: str) -> audit.ChainReport:
        return audit.verify_chain(self.audit_entries(ref))

    def audit_head(self, ref: str) -> dict[str, Any]:
        with self._read() as conn:
            seq, digest = audit.head(conn, self._case_row(conn, ref).id)
        return {"seq": seq, "hash": digest}
