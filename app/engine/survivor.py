"""The survivor (witness), their restricted personal details and their consents, with
the witness's signature for the consents (the MG11 back page's).

Restricted details live in their own table and are never placed in statement text;
only the statement renderer's separate restricted page ever reads them. What each
detail may hold is checked in case_details.py; CasesMixin (cases.py) builds on this.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from app.engine.base import EngineBase
from app.engine.case_details import (
    check_restricted_keys,
    check_witness_keys,
    consent_values,
    parse_date_of_birth,
    restricted_value,
    settle_recording,
    witness_value,
)
from app.engine.models import Case, Consent
from app.engine.signing import checked_signature
from app.errors import UsageError
from app.vault.database import Connection


def settle_age(data: dict[str, Any], changed: Mapping[str, Any]) -> None:
    """Keep the age and its status saying one thing: an age under 18 means "under 18";
    "over 18" or "not given" takes an earlier age away."""
    if "age_under_18" in changed:
        data["age_status"] = "under_18"
    elif changed.get("age_status") in ("over_18", "not_given"):
        data.pop("age_under_18", None)


class SurvivorMixin(EngineBase):
    # --- the survivor ---------------------------------------------------------------

    def witness(self, ref: str) -> dict[str, Any]:
        with self._read() as conn:
            return self._json_row(conn, "witnesses", self._case_row(conn, ref).id)

    def set_witness(self, ref: str, **values: Any) -> dict[str, Any]:
        """Update the survivor's (non-restricted) details; None leaves a value as it was."""
        check_witness_keys(values)
        dob = values.pop("date_of_birth", None)
        clean = {
            key: witness_value(key, value) for key, value in values.items() if value is not None
        }
        if dob is not None:
            dob = parse_date_of_birth(dob, self.clock.now().date())
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            if self._current_statement(conn, case.id).status == "signed":
                # The name on a signed statement is part of what was signed.
                raise UsageError(
                    "witness.statement_signed",
                    "the statement is signed, so the "
                    "witness's details on it can no longer change; start a "
                    "further statement first",
                )
            data = self._json_row(conn, "witnesses", case.id)
            data.update(clean)
            settle_age(data, clean)
            settle_recording(data, clean)
            if not data.get("name"):
                raise UsageError(
                    "witness.name_required",
                    "the witness's name (as it will "
                    "appear on the statement) is required: give --name",
                )
            at = self.now()
            self._store_witness(conn, case.id, data, clean, at)
            if dob is not None:
                self._update_restricted(conn, case, {"date_of_birth": dob}, at)
            self._touch(conn, case.id, at)
        return data

    def _store_witness(
        self, conn: Connection, case_id: str, data: dict[str, Any], changed: dict[str, Any], at: str
    ) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO witnesses(case_id, data) VALUES (?, ?)",
            (case_id, json.dumps(data, sort_keys=True)),
        )
        self._audit(conn, case_id, "witness", {"fields": sorted(changed)}, at)

    # --- restricted details -----------------------------------------------------------

    def restricted(self, ref: str) -> dict[str, Any]:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            self._audit(conn, case.id, "view", {"what": "restricted"})
            return self._json_row(conn, "restricted", case.id)

    def set_restricted(self, ref: str, **values: Any) -> dict[str, Any]:
        check_restricted_keys(values)
        today = self.clock.now().date()
        clean = {
            key: restricted_value(key, value, today)
            for key, value in values.items()
            if value is not None
        }
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            if (
                "date_of_birth" in clean
                and self._current_statement(conn, case.id).status == "signed"
            ):
                # The age printed on a signed statement comes from the date of birth.
                raise UsageError(
                    "restricted.statement_signed",
                    "the statement is signed, so "
                    "the date of birth behind the age on it can no longer change; "
                    "start a further statement first",
                )
            at = self.now()
            data = self._update_restricted(conn, case, clean, at)
            self._touch(conn, case.id, at)
        return data

    def _update_restricted(
        self, conn: Connection, case: Case, values: dict[str, Any], at: str
    ) -> dict[str, Any]:
        data = self._json_row(conn, "restricted", case.id)
        data.update(values)
        conn.execute(
            "INSERT OR REPLACE INTO restricted(case_id, data) VALUES (?, ?)",
            (case.id, json.dumps(data, sort_keys=True)),
        )
        self._audit(conn, case.id, "restricted", {"fields": sorted(values)}, at)
        return data

    def record_consent(
        self, ref: str, kind: str, state: str, note: str = "", limit: str = ""
    ) -> Consent:
        """A consent given or withdrawn (appended: the earlier answers stay on record).
        `limit`: a limit the witness put on it, printed with it on the back page."""
        kind, state, note, limit = consent_values(kind, state, note, limit)
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            at = self.now()
            consent = self._append_consent(conn, case, kind, state, note, at, limit)
            self._touch(conn, case.id, at)
        return consent

    def _append_consent(
        self,
        conn: Connection,
        case: Case,
        kind: str,
        state: str,
        note: str,
        at: str,
        limit: str = "",
    ) -> Consent:
        data = self._json_row(conn, "restricted", case.id)
        consents = list(data.get("consents", []))
        consent = Consent(kind, state, at, note, limit)
        entry = {"kind": kind, "state": state, "at": at, "note": note}
        if limit:  # only when given: consents recorded before limits existed have none
            entry["limit"] = limit
        consents.append(entry)
        data["consents"] = consents
        conn.execute(
            "INSERT OR REPLACE INTO restricted(case_id, data) VALUES (?, ?)",
            (case.id, json.dumps(data, sort_keys=True)),
        )
        self._audit(conn, case.id, "consent", {"kind": kind, "state": state}, at)
        return consent

    # --- the witness's signature for the consents (the MG11 back page) ----------------

    def set_consent_signature(
        self, ref: str, data: bytes, media_type: str | None = None
    ) -> dict[str, Any]:
        """The witness's signature for the back page's consents (strokes or an image,
        checked as the statement's signature is); refused once the statement is signed."""
        media_type, _ = checked_signature(data, media_type)
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            if statement.status == "signed":
                raise UsageError(
                    "statement.consents_signed",
                    "the statement is signed, so the witness's signature for the consents "
                    "can no longer change; start a further statement first",
                )
            at = self.now()
            digest = hashlib.sha256(data).hexdigest()
            conn.execute(
                "UPDATE statements SET consent_signature = ?, consent_signature_type = ? "
                "WHERE id = ?",
                (data, media_type, statement.id),
            )
            self._audit(
                conn,
                case.id,
                "consent",
                {
                    "event": "signature",
                    "statement": statement.number,
                    "sha256": digest,
                    "signature_type": media_type,
                },
                at,
            )
            self._touch(conn, case.id, at)
        return {"statement": statement.number, "sha256": digest, "signature_type": media_type}

    def consent_signature(self, ref: str) -> tuple[bytes, str] | None:
        """The current statement's signature for the consents, if the witness gave one."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            row = conn.execute(
                "SELECT consent_signature, consent_signature_type FROM statements WHERE "
                "id = ? AND consent_signature IS NOT NULL",
                (self._current_statement(conn, case.id).id,),
            ).fetchone()
        return (bytes(row[0]), row[1]) if row else None
