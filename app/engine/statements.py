"""The statement: sections of the survivor's words, revisions, read-back and signing.

Interviewer notes live in their own table and prompts live in the guide; neither can
reach the statement text, which is built only from the sections table.
Signing freezes the text: every later change is refused, and a further account is a
new statement linked to the signed one.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from app.engine import revisions
from app.engine.base import EngineBase, long_text, new_id, short_text
from app.engine.clock import stamp
from app.engine.models import Case, SectionText, Statement
from app.engine.pages import drop_page_confirmations, require_pages_confirmed
from app.engine.signing import (
    MAX_SIGNATURE_BYTES,
    SIGNATURE_TYPES,
    STROKES_TYPE,
    Declaration,
    checked_signature,
    declaration_for,
    detect_signature_type,
    stored_policy,
)
from app.engine.sittings import close_sitting
from app.errors import UsageError
from app.vault.database import Connection

# Where they have always been imported from (the checks themselves are signing.py's).
__all__ = [
    "MAX_SIGNATURE_BYTES",
    "SIGNATURE_TYPES",
    "STROKES_TYPE",
    "StatementsMixin",
    "detect_signature_type",
    "signed_refusal",
]


def signed_refusal() -> UsageError:
    """Any change to a signed statement."""
    return UsageError(
        "statement.signed",
        "this statement is signed and can no longer "
        "change; a further account is a new statement ('statement further')",
    )


class StatementsMixin(EngineBase):
    # --- reading ----------------------------------------------------------------------

    def statement(self, ref: str) -> Statement:
        with self._read() as conn:
            return self._current_statement(conn, self._case_row(conn, ref).id)

    def _section_text(
        self, conn: Connection, statement_id: str, section_id: str
    ) -> tuple[int, str]:
        # The current text of a long section is cached: autosave then reads only the
        # revision number instead of decrypting the whole section on every keystroke burst.
        row = conn.execute(
            "SELECT revision FROM sections WHERE statement_id = ? AND section_id = ?",
            (statement_id, section_id),
        ).fetchone()
        if row is None:
            return 0, ""
        cached = self._texts.get((statement_id, section_id))
        if cached and cached[0] == row[0]:
            return cached
        text = conn.execute(
            "SELECT text FROM sections WHERE statement_id = ? AND section_id = ?",
            (statement_id, section_id),
        ).fetchone()[0]
        self._texts[(statement_id, section_id)] = (row[0], text)
        return row[0], text

    def sections(self, ref: str, *, audit_view: bool = False) -> list[SectionText]:
        """The statement's sections in guide order, with the survivor's words only."""
        # Only an audited view needs the write lock; plain reads take the shared one.
        with self._tx() if audit_view else self._read() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            result = []
            for section in self.guide(case).sections:
                revision, text = self._section_text(conn, statement.id, section.id)
                result.append(SectionText(section.id, section.title, text, revision))
            if audit_view:
                self._audit(
                    conn, case.id, "view", {"what": "statement", "statement": statement.number}
                )
        return result

    def statement_text(self, ref: str) -> str:
        """The whole statement as plain text: sections in order, blank line between."""
        parts = [s.text.strip() for s in self.sections(ref, audit_view=True)]
        return "\n\n".join(p for p in parts if p)

    # --- writing ----------------------------------------------------------------------

    def save_section(
        self,
        ref: str,
        section_id: str,
        text: str,
        *,
        position: int | None = None,
        coalesce: bool = True,
    ) -> revisions.SaveResult:
        """Replace a section's text. Durable when it returns (WAL, synchronous=FULL)."""
        long_text(text, "the section text")
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            result = self._write_section(conn, case, section_id, text, position, coalesce)
        return result

    def append_section(self, ref: str, section_id: str, text: str) -> revisions.SaveResult:
        long_text(text, "the text")
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            _, old = self._section_text(conn, statement.id, section_id)
            joined = old + ("\n" if old and not old.endswith("\n") else "") + text
            long_text(joined, "the section with this text added")
            return self._write_section(conn, case, section_id, joined, None, False)

    def _write_section(
        self,
        conn: Connection,
        case: Case,
        section_id: str,
        text: str,
        position: int | None,
        coalesce: bool,
    ) -> revisions.SaveResult:
        self.guide(case).section(section_id)  # unknown section -> clear UsageError
        statement = self._current_statement(conn, case.id)
        if statement.status == "signed":
            raise signed_refusal()
        at = self.now()
        _, old = self._section_text(conn, statement.id, section_id)
        sitting = conn.execute(
            "SELECT id FROM sittings WHERE case_id = ? AND state != 'ended'", (case.id,)
        ).fetchone()
        sitting_id = sitting[0] if sitting else None
        kind = "correction" if statement.status == "read_back" else "edit"
        window = stamp(self.clock.now() - timedelta(seconds=revisions.COALESCE_SECONDS))
        result = revisions.record(
            conn,
            statement.id,
            section_id,
            old,
            text,
            kind=kind,
            at=at,
            sitting_id=sitting_id,
            coalesce_after=window if coalesce else None,
        )
        if sitting_id is not None:
            conn.execute(
                "UPDATE sittings SET place_section = ?, place_position = ?, "
                "last_activity = ? WHERE id = ?",
                (section_id, len(text) if position is None else position, at, sitting_id),
            )
        if not result.changed:
            return result
        conn.execute(
            "INSERT INTO sections(statement_id, section_id, text, revision, updated) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(statement_id, section_id) DO UPDATE "
            "SET text = excluded.text, revision = excluded.revision, "
            "updated = excluded.updated",
            (statement.id, section_id, text, result.seq, at),
        )
        self._texts[(statement.id, section_id)] = (result.seq, text)
        drop_page_confirmations(conn, statement.id)  # the pages shown are not this text
        if statement.readback_confirmed:
            # The survivor confirmed a different text: they must confirm again.
            conn.execute(
                "UPDATE statements SET readback_confirmed = NULL WHERE id = ?", (statement.id,)
            )
        self._audit(
            conn,
            case.id,
            kind,
            {
                "statement": statement.number,
                "section": section_id,
                "revision": result.seq,
                "sha256": result.sha256,
                "coalesced": result.coalesced,
            },
            at,
        )
        self._touch(conn, case.id, at)
        return result

    def section_history(self, ref: str, section_id: str) -> list[dict[str, Any]]:
        with self._read() as conn:
            case = self._case_row(conn, ref)
            self.guide(case).section(section_id)
            statement = self._current_statement(conn, case.id)
            rows = conn.execute(
                "SELECT seq, kind, length, sha256, saves, sitting_id, created, updated FROM "
                "revisions WHERE statement_id = ? AND section_id = ? ORDER BY seq",
                (statement.id, section_id),
            ).fetchall()
        keys = ("revision", "kind", "length", "sha256", "saves", "sitting", "created", "updated")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def section_text_at(self, ref: str, section_id: str, revision: int) -> str:
        with self._read() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            try:
                return revisions.text_at(conn, statement.id, section_id, revision)
            except ValueError as exc:
                raise UsageError(
                    "statement.revision_unreadable",
                    "revision {revision} of '{section}': {detail}",
                    revision=revision,
                    section=section_id,
                    detail=str(exc),
                ) from None

    # --- notes (never part of the statement) ------------------------------------------

    def add_note(self, ref: str, text: str) -> int:
        text = long_text(text, "the note").strip()
        if not text:
            raise UsageError("note.empty", "the note is empty")
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            at = self.now()
            sitting = conn.execute(
                "SELECT id FROM sittings WHERE case_id = ? AND state != 'ended'", (case.id,)
            ).fetchone()
            cur = conn.execute(
                "INSERT INTO notes(case_id, sitting_id, text, created) VALUES (?, ?, ?, ?)",
                (case.id, sitting[0] if sitting else None, text, at),
            )
            self._audit(conn, case.id, "note", {"note": cur.lastrowid}, at)
            self._touch(conn, case.id, at)
            return int(cur.lastrowid or 0)

    def notes(self, ref: str, *, audit_view: bool = False) -> list[dict[str, Any]]:
        """The interviewer's notes, oldest first.

        `audit_view`: someone is shown the notes, so one 'view' entry (naming the notes'
        ids, never their text) is added to the audit log; internal reads leave it False.
        """
        with self._tx() if audit_view else self._read() as conn:
            case = self._case_row(conn, ref)
            notes = [
                {"id": i, "text": t, "created": c, "sitting": s}
                for i, t, c, s in conn.execute(
                    "SELECT id, text, created, sitting_id FROM notes WHERE case_id = ? ORDER BY id",
                    (case.id,),
                )
            ]
            if audit_view:
                self._audit(
                    conn, case.id, "view", {"what": "notes", "notes": [n["id"] for n in notes]}
                )
        return notes

    # --- read-back, signing, further statements -----------------------------------------

    def start_readback(self, ref: str) -> Statement:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            if statement.status == "signed":
                raise signed_refusal()
            if statement.status == "draft":
                self._begin_readback(conn, case, statement)
            return self._current_statement(conn, case.id)

    def _begin_readback(self, conn: Connection, case: Case, statement: Statement) -> None:
        if not any(
            self._section_text(conn, statement.id, s.id)[1].strip()
            for s in self.guide(case).sections
        ):
            raise UsageError(
                "readback.no_text",
                "the statement has no text yet, so there is nothing to read back",
            )
        at = self.now()
        conn.execute("UPDATE statements SET status = 'read_back' WHERE id = ?", (statement.id,))
        conn.execute(
            "UPDATE cases SET status = 'read_back', updated = ? WHERE id = ?", (at, case.id)
        )
        self._audit(
            conn, case.id, "readback", {"event": "started", "statement": statement.number}, at
        )

    def confirm_readback(
        self, ref: str, corrections: dict[str, str] | None = None, *, reader: str | None = None
    ) -> dict[str, Any]:
        """Apply read-back corrections (recorded as such) and record the confirmation.

        `reader`: who read the statement to the witness when they could not read it
        themselves (the statement then carries a reader's declaration).
        """
        corrections = corrections or {}
        reader = short_text(reader, "the reader's name", limit=200, single_line=True) or None
        for text in corrections.values():
            long_text(text, "the correction")
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            if statement.status == "signed":
                raise signed_refusal()
            for section_id in corrections:
                self.guide(case).section(section_id)
            if statement.status == "draft":
                self._begin_readback(conn, case, statement)
            applied = []
            for section_id, text in corrections.items():
                result = self._write_section(conn, case, section_id, text, None, False)
                if result.changed:
                    applied.append(
                        {"section": section_id, "revision": result.seq, "sha256": result.sha256}
                    )
            at = self.now()
            conn.execute(
                "UPDATE statements SET readback_confirmed = ?, reader = ? WHERE id = ?",
                (at, reader, statement.id),
            )
            self._audit(
                conn,
                case.id,
                "readback",
                {
                    "event": "confirmed",
                    "statement": statement.number,
                    "read_to_witness": reader is not None,
                    "corrections": applied,
                    "corrections_acknowledged": True,
                },
                at,
            )
        return {"confirmed": at, "corrections": applied}

    def sign_statement(
        self,
        ref: str,
        signature: bytes,
        media_type: str | None = None,
        *,
        end_sitting: bool = False,
        consent_signature: bytes | None = None,
        consent_signature_type: str | None = None,
    ) -> dict[str, Any]:
        """Sign the statement with the witness's signature: its text is frozen.

        A sitting still running or paused is refused (the sitting ends before read-back)
        unless `end_sitting`, which ends it in the same transaction, at the signing time.
        A Welsh statement needs the organisation's approved Welsh declaration.
        `consent_signature`: the witness's signature for the back page's consents, stored
        in the same transaction (it can also be given before, set_consent_signature).
        """
        media_type, _ = checked_signature(signature, media_type)
        if consent_signature is not None:
            consent_signature_type, _ = checked_signature(consent_signature, consent_signature_type)
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            declaration, running = self._sign_refusals(conn, case, statement, end_sitting)
            require_pages_confirmed(conn, statement)  # each page shown and confirmed
            at = self.now()
            digest = self._statement_digest(conn, case, statement)
            if running is not None:
                # Ended at the moment of signing, so the record never holds an open
                # sitting on a signed statement.
                close_sitting(conn, running[0], at)
                self._audit(conn, case.id, "end", {"sitting": running[1], "on_signing": True}, at)
            conn.execute(
                "UPDATE statements SET status = 'signed', signed = ?, signature = ?, "
                "signature_type = ? WHERE id = ?",
                (at, signature, media_type, statement.id),
            )
            detail: dict[str, Any] = {
                "statement": statement.number,
                "text_sha256": digest,
                "signature_sha256": hashlib.sha256(signature).hexdigest(),
                "signature_type": media_type,
                "declaration": declaration.to_json(),
            }
            if consent_signature is not None:
                conn.execute(
                    "UPDATE statements SET consent_signature = ?, consent_signature_type = ? "
                    "WHERE id = ?",
                    (consent_signature, consent_signature_type, statement.id),
                )
                detail["consent_signature_sha256"] = hashlib.sha256(consent_signature).hexdigest()
            conn.execute(
                "UPDATE cases SET status = 'signed', updated = ? WHERE id = ?", (at, case.id)
            )
            self._audit(conn, case.id, "sign", detail, at)
        return {
            "signed": at,
            "statement": statement.number,
            "text_sha256": digest,
            "declaration": declaration.to_json(),
            "ended_sitting": running[1] if running is not None else None,
        }

    def check_can_sign(self, ref: str) -> None:
        """Every refusal signing would give before the pages are checked (a sitting still
        open counts as one signing may end), with nothing written: a caller that must
        change something first (end the sitting, confirm the pages as they stand) asks
        this before, so a refused signature leaves everything as it was."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            self._sign_refusals(conn, case, statement, end_sitting=True)

    def _sign_refusals(
        self, conn: Connection, case: Case, statement: Statement, end_sitting: bool
    ) -> tuple[Declaration, tuple[Any, ...] | None]:
        """Why the statement cannot be signed now, in the order the witness would meet
        it; returns the declaration to print and the sitting still open, if any."""
        if statement.status == "signed":
            raise UsageError("statement.already_signed", "this statement is already signed")
        if statement.status != "read_back" or not statement.readback_confirmed:
            raise UsageError(
                "statement.not_read_back",
                "the statement must be read back "
                "and confirmed by the witness before it is signed "
                "('statement readback --confirmed')",
            )
        if not self._witness_name(conn, case.id):
            raise UsageError(
                "statement.witness_name_needed",
                "the witness's name is needed "
                "on the statement before signing ('witness set --name')",
            )
        if not self._age_recorded(conn, case.id):
            raise UsageError(
                "statement.age_not_given",
                "the statement must say whether the witness is under 18: record their "
                "age if under 18, or that they are over 18, before signing ('witness "
                "set --age N' or '--age-status over_18')",
            )
        declaration = declaration_for(case.statement_language, stored_policy(conn))
        running = conn.execute(
            "SELECT id, number, state FROM sittings WHERE case_id = ? AND state != 'ended'",
            (case.id,),
        ).fetchone()
        if running is not None and not end_sitting:
            raise UsageError(
                "statement.sitting_running",
                "sitting {number} is still {state}: end the sitting first ('sitting "
                "end'), or let signing end it ('statement sign --end-sitting')",
                number=running[1],
                state=running[2],
            )
        self._refuse_unprintable(conn, case, statement, declaration.text or "")
        return declaration, running

    def _age_recorded(self, conn: Connection, case_id: str) -> bool:
        """Whether the MG11's "Age if under 18" can be filled in truthfully: a date of
        birth, an age under 18, or "over 18" said explicitly (never assumed)."""
        if self.date_of_birth(conn, case_id) is not None:
            return True
        witness = self._json_row(conn, "witnesses", case_id)
        return witness.get("age_under_18") is not None or witness.get("age_status") == "over_18"

    def _refuse_unprintable(
        self, conn: Connection, case: Case, statement: Statement, declaration: str = ""
    ) -> None:
        """Refuse to sign what the statement PDF could not print: once signed, the text,
        the witness's name and the reader can no longer change, so the statement could
        never be exported."""
        from app.render.fonts import FONT_BOLD, refuse_missing_glyphs

        texts = [self._section_text(conn, statement.id, s.id)[1] for s in self.guide(case).sections]
        name = self._witness_name(conn, case.id)
        occupation = str(self._json_row(conn, "witnesses", case.id).get("occupation") or "")
        place = conn.execute(
            "SELECT location FROM sittings WHERE case_id = ? AND "
            "location != '' ORDER BY number DESC LIMIT 1",
            (case.id,),
        ).fetchone()
        try:
            refuse_missing_glyphs(
                "statement",
                [
                    *texts,
                    name,
                    occupation,
                    case.reference,
                    statement.reader or "",
                    place[0] if place else "",
                    declaration,
                ],
            )
            refuse_missing_glyphs("statement", [name], FONT_BOLD)
        except UsageError as exc:
            if exc.code != "pdf.missing_glyphs":
                raise
            raise UsageError(
                "statement.unprintable",
                "the {what} contains {count} "
                "character(s) the PDF font cannot show ({shown}), so once signed "
                "it could never be exported; nothing was signed: correct the text "
                "or the names and confirm the read-back again",
                what=exc.params["what"],
                count=exc.params["count"],
                shown=exc.params["shown"],
            ) from None

    def statement_digest(self, ref: str) -> str:
        """SHA-256 over the sections' ids and texts: what signing committed to."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            return self._statement_digest(conn, case, self._current_statement(conn, case.id))

    def _witness_name(self, conn: Connection, case_id: str) -> str:
        return str(self._json_row(conn, "witnesses", case_id).get("name") or "")

    def _statement_digest(self, conn: Connection, case: Case, statement: Statement) -> str:
        digest = hashlib.sha256()
        for section in self.guide(case).sections:
            _, text = self._section_text(conn, statement.id, section.id)
            digest.update(section.id.encode() + b"\0" + text.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def further_statement(self, ref: str) -> Statement:
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            current = self._current_statement(conn, case.id)
            if current.status != "signed":
                raise UsageError(
                    "statement.not_signed_yet",
                    "the current statement is not "
                    "signed yet; continue it instead of starting a further one",
                )
            at = self.now()
            conn.execute(
                "INSERT INTO statements(id, case_id, number, follows, status, created) "
                "VALUES (?, ?, ?, ?, 'draft', ?)",
                (new_id(), case.id, current.number + 1, current.id, at),
            )
            conn.execute(
                "UPDATE cases SET status = 'draft', updated = ? WHERE id = ?", (at, case.id)
            )
            self._audit(
                conn,
                case.id,
                "statement",
                {"event": "further", "statement": current.number + 1},
                at,
            )
            return self._current_statement(conn, case.id)

    def signature(self, ref: str) -> tuple[bytes, str] | None:
        with self._read() as conn:
            case = self._case_row(conn, ref)
            row = conn.execute(
                "SELECT signature, signature_type FROM statements WHERE "
                "case_id = ? AND signature IS NOT NULL ORDER BY number DESC "
                "LIMIT 1",
                (case.id,),
            ).fetchone()
        return (bytes(row[0]), row[1]) if row else None
