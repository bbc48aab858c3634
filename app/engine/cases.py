"""Cases, the survivor (witness) and the restricted personal details.

Restricted details live in their own table and are never placed in statement text;
only the statement renderer's separate restricted page ever reads them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from app.engine.base import EngineBase, new_id, short_text
from app.engine.models import (
    CATEGORIES,
    RESTRICTED_FIELDS,
    STATUSES,
    WITNESS_FIELDS,
    Case,
    Consent,
    Participant,
)
from app.errors import UsageError
from app.vault.database import Connection

MAX_REFERENCE = 64
CONSENT_STATES = ("given", "withdrawn")
PLANNED_PRESENT = "_planned_present"  # not a guide field: the leading '_' cannot clash
# How error messages name a detail, where "the " + its key would read badly.
LABELS = {"avoid": "the list of topics to avoid"}


def parse_date_of_birth(value: str, today: date) -> str:
    try:
        born = date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError("the date of birth must be written YYYY-MM-DD, for example "
                         "1979-03-21") from None
    if born > today:
        raise UsageError("the date of birth is in the future")
    if born.year < 1900:
        raise UsageError("the date of birth is before 1900")
    return born.isoformat()


def age_on(born: str, day: date) -> int:
    b = date.fromisoformat(born)
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


class CasesMixin(EngineBase):
    def create_case(self, category: str, reference: str, interviewer: str = "") -> Case:
        if category not in CATEGORIES:
            raise UsageError(f"unknown category '{category}'; choose csa, apsp or general")
        reference = short_text(reference, "the reference", required=True,
                               limit=MAX_REFERENCE, identifier=True) or ""
        if re.fullmatch(r"[0-9a-f]{32}", reference):
            raise UsageError("a reference cannot look like a case id (32 hexadecimal "
                             "characters); use the organisation's own reference")
        interviewer = short_text(interviewer, "the interviewer's name", limit=200,
                                 single_line=True) or ""
        self.guide(Case("", reference, category, "draft", "", "", ""))  # guide must load
        at = self.now()
        case = Case(new_id(), reference, category, "draft", interviewer, at, at)
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM cases WHERE reference = ?", (reference,)).fetchone():
                raise UsageError(f"a case with the reference '{reference}' already exists")
            conn.execute("INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (case.id, case.reference, case.category, case.status,
                          case.interviewer, at, at))
            conn.execute("INSERT INTO statements(id, case_id, number, follows, status, "
                         "created) VALUES (?, ?, 1, NULL, 'draft', ?)", (new_id(), case.id, at))
            self._audit(conn, case.id, "create", {"category": category}, at)
        return case

    def list_cases(self, *, search: str | None = None, category: str | None = None,
                   status: str | None = None) -> list[Case]:
        if category is not None and category not in CATEGORIES:
            raise UsageError(f"unknown category '{category}'; choose csa, apsp or general")
        if status is not None and status not in STATUSES:
            raise UsageError(f"unknown status '{status}'; choose {', '.join(STATUSES)}")
        sql = ("SELECT id, reference, category, status, interviewer, created, updated "
               "FROM cases WHERE 1 = 1")
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
                names = {cid: json.loads(data).get("name") or ""
                         for cid, data in conn.execute("SELECT case_id, data FROM witnesses")}
                cases = [c for c in cases if needle in c.reference.casefold()
                         or needle in names.get(c.id, "").casefold()]
        return cases

    def show_case(self, ref: str) -> dict[str, Any]:
        """The case overview (no restricted details, no statement text); audited as a view."""
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            witness = self._json_row(conn, "witnesses", case.id)
            statements = conn.execute(
                "SELECT number, status, readback_confirmed, signed FROM statements WHERE "
                "case_id = ? ORDER BY number", (case.id,)).fetchall()
            sittings = conn.execute("SELECT count(*), sum(state != 'ended') FROM sittings "
                                    "WHERE case_id = ?", (case.id,)).fetchone()
            fields = dict(conn.execute("SELECT field_id, value FROM case_fields WHERE "
                                       "case_id = ? AND field_id NOT LIKE '\\_%' "
                                       "ESCAPE '\\'", (case.id,)).fetchall())
            timeline = conn.execute("SELECT count(*) FROM timeline WHERE case_id = ?",
                                    (case.id,)).fetchone()[0]
            self._audit(conn, case.id, "view", {"what": "case"})
        return {**case.to_json(), "witness": witness,
                "statements": [{"number": n, "status": s, "readback_confirmed": r,
                                "signed": g} for n, s, r, g in statements],
                "sittings": sittings[0], "open_sittings": sittings[1] or 0,
                "fields": {k: json.loads(v) for k, v in fields.items()},
                "timeline_events": timeline}

    # --- the survivor ---------------------------------------------------------------

    def witness(self, ref: str) -> dict[str, Any]:
        with self._read() as conn:
            return self._json_row(conn, "witnesses", self._case_row(conn, ref).id)

    def set_witness(self, ref: str, **values: Any) -> dict[str, Any]:
        """Update the survivor's (non-restricted) details; None leaves a value as it was."""
        unknown = set(values) - set(WITNESS_FIELDS) - {"date_of_birth"}
        if unknown:
            raise UsageError(f"unknown witness detail '{sorted(unknown)[0]}'")
        dob = values.pop("date_of_birth", None)
        clean: dict[str, Any] = {}
        for key, value in values.items():
            if value is None:
                continue
            if key == "break_every_minutes":
                if not isinstance(value, int) or not 5 <= value <= 180:
                    raise UsageError("the break interval must be between 5 and 180 minutes")
                clean[key] = value
            elif key == "age_under_18":
                if not isinstance(value, int) or not 0 < value < 18:
                    raise UsageError("the age is only recorded when under 18 (1–17)")
                clean[key] = value
            elif key == "interpreter_needed":
                clean[key] = bool(value)
            else:
                text = short_text(str(value), LABELS.get(key, f"the {key.replace('_', ' ')}"),
                                  required=key == "name",
                                  single_line=key in ("name", "preferred_name", "pronouns"))
                clean[key] = text
        if dob is not None:
            dob = parse_date_of_birth(dob, self.clock.now().date())
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            if self._current_statement(conn, case.id).status == "signed":
                # The name on a signed statement is part of what was signed.
                raise UsageError("the statement is signed, so the witness's details on it "
                                 "can no longer change; start a further statement first")
            data = self._json_row(conn, "witnesses", case.id)
            data.update(clean)
            if not data.get("name"):
                raise UsageError("the witness's name (as it will appear on the statement) is "
                                 "required: give --name")
            at = self.now()
            conn.execute("INSERT OR REPLACE INTO witnesses(case_id, data) VALUES (?, ?)",
                         (case.id, json.dumps(data, sort_keys=True)))
            self._audit(conn, case.id, "witness", {"fields": sorted(clean)}, at)
            if dob is not None:
                self._update_restricted(conn, case, {"date_of_birth": dob}, at)
            self._touch(conn, case.id, at)
        return data

    # --- restricted details -----------------------------------------------------------

    def restricted(self, ref: str) -> dict[str, Any]:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            self._audit(conn, case.id, "view", {"what": "restricted"})
            return self._json_row(conn, "restricted", case.id)

    def set_restricted(self, ref: str, **values: Any) -> dict[str, Any]:
        unknown = set(values) - set(RESTRICTED_FIELDS)
        if unknown:
            raise UsageError(f"unknown restricted detail '{sorted(unknown)[0]}'")
        clean: dict[str, Any] = {}
        for key, value in values.items():
            if value is None:
                continue
            if key in ("voicemail_safe", "letters_safe", "vps_offered"):
                clean[key] = bool(value)
            elif key == "date_of_birth":
                clean[key] = parse_date_of_birth(str(value), self.clock.now().date())
            elif key in ("phone", "email"):
                clean[key] = short_text(str(value), f"the {key}", single_line=True)
            else:
                clean[key] = short_text(str(value), f"the {key.replace('_', ' ')}")
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            if "date_of_birth" in clean and \
                    self._current_statement(conn, case.id).status == "signed":
                # The age printed on a signed statement comes from the date of birth.
                raise UsageError("the statement is signed, so the date of birth behind the "
                                 "age on it can no longer change; start a further statement "
                                 "first")
            at = self.now()
            data = self._update_restricted(conn, case, clean, at)
            self._touch(conn, case.id, at)
        return data

    def _update_restricted(self, conn: Connection, case: Case, values: dict[str, Any],
                           at: str) -> dict[str, Any]:
        data = self._json_row(conn, "restricted", case.id)
        data.update(values)
        conn.execute("INSERT OR REPLACE INTO restricted(case_id, data) VALUES (?, ?)",
                     (case.id, json.dumps(data, sort_keys=True)))
        self._audit(conn, case.id, "restricted", {"fields": sorted(values)}, at)
        return data

    def record_consent(self, ref: str, kind: str, state: str, note: str = "") -> Consent:
        kind = short_text(kind, "the consent", required=True, limit=100) or ""
        if state not in CONSENT_STATES:
            raise UsageError("a consent is either given or withdrawn")
        note = short_text(note, "the note") or ""
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            at = self.now()
            data = self._json_row(conn, "restricted", case.id)
            consents = list(data.get("consents", []))
            consent = Consent(kind, state, at, note)
            consents.append({"kind": kind, "state": state, "at": at, "note": note})
            data["consents"] = consents
            conn.execute("INSERT OR REPLACE INTO restricted(case_id, data) VALUES (?, ?)",
                         (case.id, json.dumps(data, sort_keys=True)))
            self._audit(conn, case.id, "consent", {"kind": kind, "state": state}, at)
            self._touch(conn, case.id, at)
        return consent

    # --- who will be present (planned in the new-case flow, used to start a sitting) ---

    def set_planned_present(self, ref: str, present: list[Participant]) -> None:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            value = json.dumps([p.to_json() for p in present])
            conn.execute("INSERT OR REPLACE INTO case_fields VALUES (?, ?, ?)",
                         (case.id, PLANNED_PRESENT, value))
            self._audit(conn, case.id, "field", {"field": PLANNED_PRESENT})

    def planned_present(self, ref: str) -> list[Participant]:
        with self._read() as conn:
            case = self._case_row(conn, ref)
            row = conn.execute("SELECT value FROM case_fields WHERE case_id = ? AND "
                               "field_id = ?", (case.id, PLANNED_PRESENT)).fetchone()
        if row is None:
            return []
        return [Participant(p["role"], p["name"], p.get("language"))
                for p in json.loads(row[0])]

    # --- the guide's structured fields ------------------------------------------------

    def set_field(self, ref: str, field_id: str, value: Any) -> None:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            fields = {f.id: f for f in self.guide(case).fields}
            if field_id not in fields:
                known = ", ".join(fields) or "none"
                raise UsageError(f"unknown field '{field_id}'; this guide has: {known}")
            spec = fields[field_id]
            values = value if isinstance(value, list) else [value]
            if spec.kind in ("choice", "multichoice"):
                bad = [v for v in values if v not in spec.choices]
                if bad:
                    raise UsageError(f"'{bad[0]}' is not one of: {', '.join(spec.choices)}")
                if spec.kind == "choice" and len(values) != 1:
                    raise UsageError(f"{field_id} takes exactly one value")
            elif spec.kind == "number":
                try:
                    values = [float(v) for v in values]
                except (TypeError, ValueError):
                    raise UsageError(f"{field_id} must be a number") from None
            stored = values if spec.kind == "multichoice" else values[0]
            if isinstance(stored, str):
                stored = short_text(stored, spec.label, limit=20_000)
            at = self.now()
            conn.execute("INSERT OR REPLACE INTO case_fields VALUES (?, ?, ?)",
                         (case.id, field_id, json.dumps(stored)))
            self._audit(conn, case.id, "field", {"field": field_id}, at)
            self._touch(conn, case.id, at)
