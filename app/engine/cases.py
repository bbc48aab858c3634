"""Cases: creating one with everything known about it, listing, showing, the language
its statement is written in, who will be present, and the guide's structured fields.

A new case with everything known about it at the start is created in one transaction
(create_case_with_details); what each detail may hold is checked in case_details.py.
The survivor, the restricted details and the consents are survivor.py's (SurvivorMixin,
which CasesMixin builds on).
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from app.engine.base import new_id, short_text
from app.engine.case_details import (
    CaseDetails,
    CheckedDetails,
    DetailRefusal,
    Refused,
    check_participant,
    check_restricted_keys,
    check_statement_language,
    check_witness_keys,
    consent_values,
    parse_date_of_birth,
    refusing,
    restricted_value,
    settle_recording,
    witness_value,
)
from app.engine.models import CATEGORIES, STATUSES, Case, Participant
from app.engine.survivor import SurvivorMixin, settle_age
from app.errors import UsageError
from app.guides import guide_for_category
from app.vault.database import Connection

__all__ = [
    "MAX_INTERVIEWER",
    "MAX_REFERENCE",
    "CaseDetails",
    "CasesMixin",
    "DetailRefusal",
    "age_on",
    "parse_date_of_birth",
    "settle_age",
    "unknown_category",
]

MAX_REFERENCE = 64
MAX_INTERVIEWER = 200  # the interviewer's name on a case
PLANNED_PRESENT = "_planned_present"  # not a guide field: the leading '_' cannot clash


def unknown_category(category: str) -> UsageError:
    return UsageError(
        "case.unknown_category",
        "unknown category '{category}'; choose csa, apsp or general",
        category=category,
    )


def age_on(born: str, day: date) -> int:
    b = date.fromisoformat(born)
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


class CasesMixin(SurvivorMixin):
    def create_case(
        self, category: str, reference: str, interviewer: str = "", statement_language: str = "en"
    ) -> Case:
        return self.create_case_with_details(
            CaseDetails(category, reference, interviewer, statement_language=statement_language)
        )

    def create_case_with_details(self, details: CaseDetails) -> Case:
        """Create a case with everything known about it at the start, in ONE transaction.

        Every detail is checked first; then the case, the survivor's details, the
        restricted details, the consents and who will be present are all stored, or, on
        any refusal (a reference already taken included), nothing at all: no case and no
        audit entry. The refusal is the error of the first detail refused.
        """
        try:
            checked = self._check_details(details)
        except Refused as refused:
            raise refused.refusal.error from None
        reference, category, at = checked.reference, details.category, self.now()
        version = guide_for_category(category).version  # kept: later versions are not its
        language = checked.statement_language
        case = Case(
            new_id(), reference, category, "draft", checked.interviewer, at, at, version, language
        )
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM cases WHERE reference = ?", (reference,)).fetchone():
                raise UsageError(
                    "case.reference_exists",
                    "a case with the reference '{reference}' already exists",
                    reference=reference,
                )
            conn.execute(
                "INSERT INTO cases (id, reference, category, status, interviewer, created, "
                "updated, guide_version, statement_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case.id,
                    case.reference,
                    case.category,
                    case.status,
                    case.interviewer,
                    at,
                    at,
                    version,
                    language,
                ),
            )
            conn.execute(
                "INSERT INTO statements(id, case_id, number, follows, status, "
                "created) VALUES (?, ?, 1, NULL, 'draft', ?)",
                (new_id(), case.id, at),
            )
            self._audit(
                conn, case.id, "create", {"category": category, "statement_language": language}, at
            )
            if checked.witness:
                self._store_witness(conn, case.id, checked.witness, checked.witness, at)
            if checked.restricted:
                self._update_restricted(conn, case, checked.restricted, at)
            for kind, state, note, limit in checked.consents:
                self._append_consent(conn, case, kind, state, note, at, limit)
            if checked.present is not None:
                self._store_present(conn, case, checked.present, at)
        return case

    def check_case_details(self, details: CaseDetails) -> DetailRefusal | None:
        """The first detail create_case_with_details would refuse, and where it is; None
        when every detail passes. Writes nothing, so a reference already taken is only
        found when the case is written."""
        try:
            self._check_details(details)
        except Refused as refused:
            return refused.refusal
        return None

    def _check_details(self, details: CaseDetails) -> CheckedDetails:
        """Every check, part by part (case_details.PARTS); raises Refused."""
        category = details.category
        with refusing("case", "category"):
            if category not in CATEGORIES:
                raise unknown_category(category)
        with refusing("case", "reference"):
            reference = (
                short_text(
                    details.reference,
                    "the reference",
                    required=True,
                    limit=MAX_REFERENCE,
                    identifier=True,
                )
                or ""
            )
            if re.fullmatch(r"[0-9a-f]{32}", reference):
                raise UsageError(
                    "case.reference_like_id",
                    "a reference cannot look like a "
                    "case id (32 hexadecimal characters); use the "
                    "organisation's own reference",
                )
        with refusing("case", "interviewer"):
            interviewer = (
                short_text(
                    details.interviewer,
                    "the interviewer's name",
                    limit=MAX_INTERVIEWER,
                    single_line=True,
                )
                or ""
            )
        with refusing("case", "statement_language"):
            language = check_statement_language(details.statement_language)
        with refusing("case", "category"):
            self.guide(Case("", reference, category, "draft", "", "", ""))  # guide must load
        today = self.clock.now().date()
        witness: dict[str, Any] = {}
        restricted: dict[str, Any] = {}
        if details.witness:
            values = dict(details.witness)
            with refusing("witness", None):
                check_witness_keys(values)
            with refusing("witness", "name"):  # the name on the statement is required
                witness["name"] = witness_value("name", values.pop("name", None))
            for key, value in values.items():
                if value is not None:
                    with refusing("witness", key):
                        if key == "date_of_birth":  # kept with the restricted details
                            restricted[key] = parse_date_of_birth(str(value), today)
                        else:
                            witness[key] = witness_value(key, value)
            with refusing("witness", "abe_reference"):
                settle_recording(witness, witness)
        if details.restricted:
            with refusing("restricted", None):
                check_restricted_keys(details.restricted)
            for key, value in details.restricted.items():
                if value is not None:
                    with refusing("restricted", key):
                        restricted[key] = restricted_value(key, value, today)
        consents = []
        for consent in details.consents:
            kind, state = consent[0], consent[1]
            limit = consent[2] if len(consent) > 2 else ""
            with refusing("consents", kind):
                consents.append(consent_values(kind, state, limit=limit))
        present: list[Participant] | None = None
        if details.present is not None:
            present = []
            for index, person in enumerate(details.present):
                with refusing("present", str(index)):
                    present.append(check_participant(person))
        return CheckedDetails(
            reference, interviewer, witness, restricted, consents, present, language
        )

    def list_cases(
        self, *, search: str | None = None, category: str | None = None, status: str | None = None
    ) -> list[Case]:
        if category is not None and category not in CATEGORIES:
            raise unknown_category(category)
        if status is not None and status not in STATUSES:
            raise UsageError(
                "case.unknown_status",
                "unknown status '{status}'; choose {statuses}",
                status=status,
                statuses=", ".join(STATUSES),
            )
        sql = (
            "SELECT id, reference, category, status, interviewer, created, updated, "
            "guide_version, statement_language FROM cases WHERE 1 = 1"
        )
        args: list[Any] = []
        if category:
            sql += " AND category = ?"
            args.append(category)
        if status:
            sql += " AND status = ?"
            args.append(status)
        with self._read() as conn:
            cases = [Case(*row) for row in conn.execute(sql + " ORDER BY updated DESC", args)]
            if search:
                needle = search.casefold().strip()
                names = {
                    cid: json.loads(data).get("name") or ""
                    for cid, data in conn.execute("SELECT case_id, data FROM witnesses")
                }
                cases = [
                    c
                    for c in cases
                    if needle in c.reference.casefold() or needle in names.get(c.id, "").casefold()
                ]
        return cases

    def show_case(self, ref: str) -> dict[str, Any]:
        """The case overview (no restricted details, no statement text); audited as a view."""
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            witness = self._json_row(conn, "witnesses", case.id)
            statements = conn.execute(
                "SELECT number, status, readback_confirmed, signed FROM statements WHERE "
                "case_id = ? ORDER BY number",
                (case.id,),
            ).fetchall()
            sittings = conn.execute(
                "SELECT count(*), sum(state != 'ended') FROM sittings WHERE case_id = ?", (case.id,)
            ).fetchone()
            fields = self._field_values(conn, case.id)
            timeline = conn.execute(
                "SELECT count(*) FROM timeline WHERE case_id = ?", (case.id,)
            ).fetchone()[0]
            # Supervisors' decisions on this case's exports (app/engine/reviews.py).
            reviews = conn.execute(
                "SELECT decision, reviewer, decided, comments, bundle_id, decision_id, "
                "countersigned_pdf IS NOT NULL FROM decisions WHERE case_id = ? "
                "ORDER BY decided, imported",
                (case.id,),
            ).fetchall()
            # Deliveries to the intake, with their receipts (app/engine/outbox.py).
            deliveries = conn.execute(
                "SELECT item_id, state, bytes_sent, size, delivered, reason, receipt_json "
                "FROM outbox WHERE case_id = ? ORDER BY queued, item_id",
                (case.id,),
            ).fetchall()
            self._audit(conn, case.id, "view", {"what": "case"})
        return {
            **case.to_json(),
            "witness": witness,
            "statements": [
                {"number": n, "status": s, "readback_confirmed": r, "signed": g}
                for n, s, r, g in statements
            ],
            "sittings": sittings[0],
            "open_sittings": sittings[1] or 0,
            "fields": fields,
            "timeline_events": timeline,
            "reviews": [
                {
                    "decision": d,
                    "reviewer": r,
                    "decided": t,
                    "comments": c,
                    "bundle_id": b,
                    "decision_id": i,
                    "countersigned_pdf": bool(p),
                }
                for d, r, t, c, b, i, p in reviews
            ],
            "deliveries": [
                {
                    "bundle_id": b,
                    "state": st,
                    "bytes_sent": sent,
                    "size": size,
                    "delivered": at,
                    "reason": why,
                    "receipt": json.loads(bytes(rj)) if rj is not None else None,
                }
                for b, st, sent, size, at, why, rj in deliveries
            ],
        }

    def set_statement_language(self, ref: str, language: str) -> Case:
        """Change the language the statement is written in, until it is signed."""
        language = check_statement_language(language)
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            if self._current_statement(conn, case.id).status == "signed":
                raise UsageError(
                    "case.statement_signed",
                    "the statement is signed, so the language it is written in can no "
                    "longer change; start a further statement first",
                )
            if language == case.statement_language:
                return case
            at = self.now()
            conn.execute(
                "UPDATE cases SET statement_language = ?, updated = ? WHERE id = ?",
                (language, at, case.id),
            )
            # The pages re-flow in another language: any the witness confirmed no longer
            # exist as they saw them.
            conn.execute(
                "DELETE FROM page_confirmations WHERE statement_id = ?",
                (self._current_statement(conn, case.id).id,),
            )
            self._audit(
                conn,
                case.id,
                "statement",
                {"event": "language", "statement_language": language},
                at,
            )
            return self._case_row(conn, case.id)

    # --- who will be present (planned in the new-case flow, used to start a sitting) ---

    def set_planned_present(self, ref: str, present: list[Participant]) -> None:
        checked = [check_participant(person) for person in present]
        with self._tx() as conn:
            self._store_present(conn, self._case_row(conn, ref), checked)

    def _store_present(
        self, conn: Connection, case: Case, present: list[Participant], at: str | None = None
    ) -> None:
        value = json.dumps([p.to_json() for p in present])
        conn.execute(
            "INSERT OR REPLACE INTO case_fields VALUES (?, ?, ?)", (case.id, PLANNED_PRESENT, value)
        )
        self._audit(conn, case.id, "field", {"field": PLANNED_PRESENT}, at)

    def planned_present(self, ref: str) -> list[Participant]:
        with self._read() as conn:
            case = self._case_row(conn, ref)
            row = conn.execute(
                "SELECT value FROM case_fields WHERE case_id = ? AND field_id = ?",
                (case.id, PLANNED_PRESENT),
            ).fetchone()
        if row is None:
            return []
        return [Participant(p["role"], p["name"], p.get("language")) for p in json.loads(row[0])]

    # --- the guide's structured fields ------------------------------------------------

    def fields(self, ref: str) -> dict[str, Any]:
        """The values recorded for the guide's structured fields, by field id (a field
        never set is absent): a string, a number, or a list of choices (multichoice)."""
        with self._read() as conn:
            return self._field_values(conn, self._case_row(conn, ref).id)

    @staticmethod
    def _field_values(conn: Connection, case_id: str) -> dict[str, Any]:
        rows = conn.execute(
            "SELECT field_id, value FROM case_fields WHERE "
            "case_id = ? AND field_id NOT LIKE '\\_%' "
            "ESCAPE '\\'",
            (case_id,),
        ).fetchall()
        return {field_id: json.loads(value) for field_id, value in rows}

    def set_field(self, ref: str, field_id: str, value: Any) -> None:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            fields = {f.id: f for f in self.guide(case).fields}
            if field_id not in fields:
                known = ", ".join(fields) or "none"
                raise UsageError(
                    "field.unknown",
                    "unknown field '{field}'; this guide has: {known}",
                    field=field_id,
                    known=known,
                )
            spec = fields[field_id]
            values = value if isinstance(value, list) else [value]
            if spec.kind in ("choice", "multichoice"):
                bad = [v for v in values if v not in spec.choices]
                if bad:
                    raise UsageError(
                        "field.not_a_choice",
                        "'{value}' is not one of: {choices}",
                        value=bad[0],
                        choices=", ".join(spec.choices),
                    )
                if spec.kind == "choice" and len(values) != 1:
                    raise UsageError(
                        "field.one_value", "{field} takes exactly one value", field=field_id
                    )
            elif spec.kind == "number":
                if len(values) != 1:
                    raise UsageError(
                        "field.one_value", "{field} takes exactly one value", field=field_id
                    )
                try:
                    values = [float(v) for v in values]
                except (TypeError, ValueError):
                    raise UsageError(
                        "field.not_a_number", "{field} must be a number", field=field_id
                    ) from None
            if spec.kind == "multichoice":
                stored: Any = values
            elif spec.kind in ("choice", "number"):
                stored = values[0]
            else:  # text: the words given, every one of them (never only the first)
                stored = " ".join(str(v) for v in values)
            if isinstance(stored, str):
                stored = short_text(stored, spec.label, limit=20_000)
            at = self.now()
            conn.execute(
                "INSERT OR REPLACE INTO case_fields VALUES (?, ?, ?)",
                (case.id, field_id, json.dumps(stored)),
            )
            self._audit(conn, case.id, "field", {"field": field_id}, at)
            self._touch(conn, case.id, at)
