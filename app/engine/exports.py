"""Recording an export: the engine's side of a bundle.

The export package builds and writes the bundle; the engine owns what the vault keeps
about it. `recording_export` opens one transaction in which the export is added to the
case's audit log, hands the caller everything the bundle must carry (the case, the
export's sequence number and time, the device id and the audit log up to and including
the export entry), and, once the caller has written the bundle and reported its
manifest's hash, stores the export and marks the case exported. If the caller fails
(the bundle could not be written), the transaction rolls back and no trace is left of an
export that did not happen.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.engine import audit
from app.engine.models import Case
from app.engine.outbox import OutboxMixin


@dataclass
class ExportSlot:
    """One export in progress, inside the engine's transaction."""

    case: Case
    bundle_id: str
    sequence: int
    created: str
    device_id: str
    entries: list[audit.Entry]
    manifest_sha256: str | None = field(default=None)
    statement_sha256: str | None = field(default=None)
    outbox_data: bytes | None = field(default=None)

    @property
    def audit_head(self) -> dict[str, Any]:
        last = self.entries[-1]
        return {"seq": last.seq, "hash": last.hash}

    def complete(
        self,
        manifest_sha256: str,
        statement_sha256: str | None = None,
        *,
        outbox_data: bytes | None = None,
    ) -> None:
        """The bundle is written: record it (and the signed PDF's hash) when the
        transaction commits; with `outbox_data`, queue the bundle for the intake in the
        same transaction."""
        self.manifest_sha256 = manifest_sha256
        self.statement_sha256 = statement_sha256
        self.outbox_data = outbox_data


class ExportsMixin(OutboxMixin):
    @contextlib.contextmanager
    def recording_export(
        self, ref: str, *, bundle_id: str, statement: int, recipients: Sequence[str]
    ) -> Iterator[ExportSlot]:
        """Record an export in one transaction; the body must write the bundle and call
        `slot.complete(manifest_sha256)`, or the export is not recorded."""
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            sequence = conn.execute(
                "SELECT coalesce(max(sequence), 0) + 1 FROM exports"
            ).fetchone()[0]
            created = self.now()
            self._audit(
                conn,
                case.id,
                "export",
                {
                    "bundle_id": bundle_id,
                    "sequence": sequence,
                    "statement": statement,
                    "recipients": len(recipients),
                },
                created,
            )
            device = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
            slot = ExportSlot(
                case, bundle_id, sequence, created, device, list(audit.entries(conn, case.id))
            )
            yield slot
            if slot.manifest_sha256 is None:
                raise RuntimeError("an export was neither completed nor abandoned")
            conn.execute(
                "INSERT INTO exports (bundle_id, case_id, statement, sequence, created, "
                "recipients, manifest_sha256, statement_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    bundle_id,
                    case.id,
                    statement,
                    sequence,
                    created,
                    json.dumps(list(recipients)),
                    slot.manifest_sha256,
                    slot.statement_sha256,
                ),
            )
            conn.execute(
                "UPDATE cases SET status = 'exported', updated = ? WHERE id = ?", (created, case.id)
            )
            if slot.outbox_data is not None:
                self._queue_outbox(
                    conn,
                    kind="bundle",
                    item_id=bundle_id,
                    data=slot.outbox_data,
                    label=case.reference,
                    at=created,
                    case_id=case.id,
                    manifest_sha256=slot.manifest_sha256,
                )
