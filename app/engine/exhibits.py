"""Exhibits a statement produces (CrimPR 16.3): the register and the encrypted files.

Each statement keeps its own register: a reference in the MG11 habit (the producer's
initials and a number, "RP/1"), a one-line description and, optionally, the exhibit's
file. The file lives in its own table (`exhibit_data`, inside the encrypted vault like
everything else), so listing the register never reads it. A reference is unique within
the case for ever: one removed before signing is never given to another exhibit, so a
reference met in any document always names one thing. Once the statement is signed its
register is frozen with it; a further account with its own exhibits is a further
statement. The audit log names the reference and the file's SHA-256, never the
description or the file's content.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import string
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from app.engine.base import EngineBase, new_id, short_text
from app.engine.models import Case, Statement
from app.engine.pages import drop_page_confirmations
from app.errors import UsageError
from app.vault.database import Connection

MIB = 1024 * 1024
# The documented limits (docs/exhibits.md). One file stays well inside what a bundle may
# hold per file; all of a statement's files together leave room in the 512 MiB bundle
# for the statement and its record; the count leaves room in the bundle's archive (64
# entries, app/export/safetar.py) for the bundle's own files.
MAX_EXHIBIT_BYTES = 50 * MIB
MAX_EXHIBITS_BYTES = 256 * MIB
MAX_EXHIBIT_FILES = 48
MAX_DESCRIPTION = 200
MAX_FILENAME = 100
MAX_NUMBER = 999
DEFAULT_FILENAME = "exhibit"
OCTET_STREAM = "application/octet-stream"

REFERENCE = re.compile(r"([A-Z]{1,4})/([1-9][0-9]{0,2})")
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}")
_SAFE = frozenset(string.ascii_letters + string.digits + "._-")
_NAME_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
# Capitals that NFKD does not take apart into a plain letter and an accent.
_FOLDED = {"Ł": "L", "Ø": "O", "Đ": "D", "Ð": "D", "Þ": "T", "Æ": "A", "Œ": "O", "Ħ": "H"}


@dataclass(frozen=True)
class Exhibit:
    """One entry of a statement's register (the file itself is read on request only)."""

    number: int  # the register's order, never reused within the statement
    reference: str
    description: str
    filename: str | None  # a safe base name; None: the exhibit has no file here
    media_type: str | None
    size: int | None
    sha256: str | None
    created: str
    statement: int  # the statement's number

    @property
    def has_file(self) -> bool:
        return self.sha256 is not None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def reference_problem(reference: str) -> UsageError | None:
    """The error refusing `reference`, or None when it is in the MG11 habit."""
    if REFERENCE.fullmatch(reference):
        return None
    return UsageError(
        "exhibit.bad_reference",
        "the exhibit reference must be the producer's initials in capitals (1 to 4 "
        "letters), '/' and a number from 1 to 999, such as RP/1",
    )


def safe_filename(name: str) -> str:
    """`name` reduced to a base name safe in any folder, archive and checksum list: no
    folder part, only ASCII letters and digits (accents dropped), '.', '_' and '-', not
    hidden, at most MAX_FILENAME characters (the extension kept). Applying it twice
    changes nothing more."""
    base = re.split(r"[/\\]", name)[-1]
    kept = "".join(
        c if c in _SAFE else "" if unicodedata.combining(c) else "_"
        for c in unicodedata.normalize("NFKD", base)
    )
    # One separator between runs of letters and digits (a run holding a dot is a dot), so
    # the name reads the same however often it is made safe.
    joined = re.sub(r"[._-]+", lambda m: "." if "." in m.group() else m.group()[0], kept)
    stem, dot, ext = joined.rpartition(".")
    if not dot or len(ext) > 16:  # no extension: all of it is the name
        stem, ext = joined, ""
    stem, ext = stem.strip("._-"), ext.strip("_-")
    # A name with nothing before its extension (".diary", "محمد.pdf") is called "exhibit".
    stem = (stem or DEFAULT_FILENAME)[: MAX_FILENAME - len(ext) - 1].rstrip("._-")
    return f"{stem}.{ext}" if ext else stem


def initials(name: str) -> str | None:
    """The capitals of a name's parts ("Rhian Price" -> "RP"), accents folded; at most 4
    (the first three and the last); None when the name gives none."""
    letters = []
    for part in _NAME_SPLIT.split(name.strip()):
        first = next((c for c in part if c.isalpha()), None)
        if first is None:
            continue
        upper = first.upper()
        upper = _FOLDED.get(upper, unicodedata.normalize("NFKD", upper)[0])
        if "A" <= upper <= "Z":
            letters.append(upper)
    if len(letters) > 4:
        letters = [*letters[:3], letters[-1]]
    return "".join(letters) or None


def _media_type(media_type: str | None, filename: str) -> str:
    if media_type is None:
        return mimetypes.guess_type(filename, strict=False)[0] or OCTET_STREAM
    clean = media_type.strip().lower()
    if not _MEDIA_TYPE.fullmatch(clean):
        raise UsageError(
            "exhibit.bad_media_type",
            "the exhibit's media type must be a type and subtype, such as application/pdf",
        )
    return clean


def _statement_signed() -> UsageError:
    return UsageError(
        "exhibit.statement_signed",
        "this statement is signed, so the exhibits it produces can no longer change; "
        "exhibits for a further account belong to a further statement ('statement further')",
    )


def _not_found(reference: str) -> UsageError:
    return UsageError(
        "exhibit.not_found",
        "no exhibit of this case has the reference {reference}; see 'exhibit list'",
        reference=reference,
    )


_COLUMNS = (
    "e.number, e.reference, e.description, e.filename, e.media_type, e.size, e.sha256, "
    "e.created, s.number"
)


class ExhibitsMixin(EngineBase):
    """The exhibits register per statement."""

    # --- reading ------------------------------------------------------------------------

    def exhibits(self, ref: str) -> list[Exhibit]:
        """The current statement's exhibits in the register's order (no file content)."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM exhibits e JOIN statements s ON s.id = e.statement_id "
                "WHERE e.statement_id = ? AND e.removed IS NULL ORDER BY e.number",
                (statement.id,),
            ).fetchall()
        return [Exhibit(*row) for row in rows]

    def exhibit_file(self, ref: str, reference: str, *, audit_view: bool = False) -> bytes:
        """An exhibit's file (of any statement of the case). `audit_view`: the file is
        shown or written out, so a 'view' entry naming the reference is logged."""
        with self._tx() if audit_view else self._read() as conn:
            case = self._case_row(conn, ref)
            row = self._exhibit_row(conn, case, reference)
            data = conn.execute(
                "SELECT data FROM exhibit_data WHERE exhibit_id = ?", (row[0],)
            ).fetchone()
            if data is None:
                raise UsageError(
                    "exhibit.no_file",
                    "the exhibit {reference} has no file in this vault (only its description)",
                    reference=reference.strip(),
                )
            if audit_view:
                detail = {"what": "exhibit", "reference": reference.strip()}
                self._audit(conn, case.id, "view", detail)
        return bytes(data[0])

    def next_exhibit_reference(self, ref: str) -> str | None:
        """The next reference from the witness's initials ("RP/3"), counting every
        reference of the case ever given with those initials (removed ones too); None
        when the witness's name gives no initials or the numbers are used up."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            letters = initials(str(self._json_row(conn, "witnesses", case.id).get("name") or ""))
            if letters is None:
                return None
            used = [
                int(m.group(2))
                for (reference,) in conn.execute(
                    "SELECT reference FROM exhibits WHERE case_id = ?", (case.id,)
                )
                if (m := REFERENCE.fullmatch(reference)) and m.group(1) == letters
            ]
        number = max(used, default=0) + 1
        return f"{letters}/{number}" if number <= MAX_NUMBER else None

    # --- changing the register ----------------------------------------------------------

    def add_exhibit(
        self,
        ref: str,
        reference: str,
        description: str,
        *,
        data: bytes | None = None,
        filename: str | None = None,
        media_type: str | None = None,
    ) -> Exhibit:
        """Add an exhibit to the current statement's register, with its file if given."""
        reference = reference.strip()
        problem = reference_problem(reference)
        if problem is not None:
            raise problem
        text = short_text(
            description,
            "the exhibit's description",
            required=True,
            limit=MAX_DESCRIPTION,
            single_line=True,
        )
        assert text is not None  # required
        from app.render.fonts import refuse_missing_glyphs

        # Printed on the statement: refused now, not when the signed statement is exported.
        refuse_missing_glyphs("exhibit's description", [text])
        name, kind, size, digest = self._file_facts(data, filename, media_type)
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._open_statement(conn, case)
            self._refuse_used(conn, case, reference)
            if data is not None:
                self._refuse_over_limits(conn, statement, len(data))
            number = conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM exhibits WHERE statement_id = ?",
                (statement.id,),
            ).fetchone()[0]
            at, exhibit_id = self.now(), new_id()
            conn.execute(
                "INSERT INTO exhibits (id, case_id, statement_id, number, reference, "
                "description, filename, media_type, size, sha256, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    exhibit_id,
                    case.id,
                    statement.id,
                    number,
                    reference,
                    text,
                    name,
                    kind,
                    size,
                    digest,
                    at,
                ),
            )
            if data is not None:
                conn.execute(
                    "INSERT INTO exhibit_data (exhibit_id, data) VALUES (?, ?)",
                    (exhibit_id, data),
                )
            self._register_changed(conn, case, statement, "exhibit_added", reference, at, digest)
        return Exhibit(number, reference, text, name, kind, size, digest, at, statement.number)

    def remove_exhibit(self, ref: str, reference: str) -> Exhibit:
        """Take an exhibit off the current statement's register before signing: its file
        is deleted; its reference stays taken (never given to another exhibit)."""
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            row = self._exhibit_row(conn, case, reference)
            if row[1] != statement.id or statement.status == "signed":
                raise _statement_signed()
            at = self.now()
            conn.execute("UPDATE exhibits SET removed = ? WHERE id = ?", (at, row[0]))
            conn.execute("DELETE FROM exhibit_data WHERE exhibit_id = ?", (row[0],))
            self._register_changed(conn, case, statement, "exhibit_removed", reference, at, None)
            found = conn.execute(
                f"SELECT {_COLUMNS} FROM exhibits e JOIN statements s ON s.id = e.statement_id "
                "WHERE e.id = ?",
                (row[0],),
            ).fetchone()
        return Exhibit(*found)

    # --- helpers ------------------------------------------------------------------------

    @staticmethod
    def _file_facts(
        data: bytes | None, filename: str | None, media_type: str | None
    ) -> tuple[str | None, str | None, int | None, str | None]:
        """(safe file name, media type, size, SHA-256) of the file, all None without one."""
        if data is None:
            if filename is not None or media_type is not None:
                raise UsageError(
                    "exhibit.file_details_without_file",
                    "a file name or media type was given without the exhibit's file",
                )
            return None, None, None, None
        if len(data) > MAX_EXHIBIT_BYTES:
            raise UsageError(
                "exhibit.file_too_large",
                "the exhibit's file is larger than {limit} MiB, the most one exhibit may "
                "hold; nothing was added",
                limit=MAX_EXHIBIT_BYTES // MIB,
            )
        if not data:
            raise UsageError("exhibit.file_empty", "the exhibit's file is empty; nothing was added")
        # Bytes of a name that were not UTF-8 (lone surrogates) become "_" like anything
        # else outside the safe set.
        name = safe_filename(filename or DEFAULT_FILENAME)
        kind = _media_type(media_type, name)
        return name, kind, len(data), hashlib.sha256(data).hexdigest()

    def _open_statement(self, conn: Connection, case: Case) -> Statement:
        statement = self._current_statement(conn, case.id)
        if statement.status == "signed":
            raise _statement_signed()
        return statement

    @staticmethod
    def _exhibit_row(conn: Connection, case: Case, reference: str) -> tuple[str, str]:
        """(id, statement id) of the case's exhibit with `reference`, not removed."""
        reference = reference.strip()
        # Checked first: what is not a reference names no exhibit, and is never echoed.
        problem = reference_problem(reference)
        if problem is not None:
            raise problem
        row = conn.execute(
            "SELECT id, statement_id, removed FROM exhibits WHERE case_id = ? AND reference = ?",
            (case.id, reference),
        ).fetchone()
        if row is None:
            raise _not_found(reference)
        if row[2] is not None:
            raise UsageError(
                "exhibit.removed",
                "the exhibit {reference} was removed from the register before signing",
                reference=reference,
            )
        return row[0], row[1]

    @staticmethod
    def _refuse_used(conn: Connection, case: Case, reference: str) -> None:
        row = conn.execute(
            "SELECT removed FROM exhibits WHERE case_id = ? AND reference = ?",
            (case.id, reference),
        ).fetchone()
        if row is None:
            return
        if row[0] is not None:
            raise UsageError(
                "exhibit.reference_retired",
                "the reference {reference} belonged to an exhibit that was removed, and a "
                "reference is never used twice, so that nothing can be mistaken for it; "
                "give the next number",
                reference=reference,
            )
        raise UsageError(
            "exhibit.reference_in_use",
            "the reference {reference} is already an exhibit of this case; give another",
            reference=reference,
        )

    @staticmethod
    def _refuse_over_limits(conn: Connection, statement: Statement, size: int) -> None:
        count, total = conn.execute(
            "SELECT count(*), coalesce(sum(size), 0) FROM exhibits WHERE statement_id = ? "
            "AND removed IS NULL AND sha256 IS NOT NULL",
            (statement.id,),
        ).fetchone()
        if count >= MAX_EXHIBIT_FILES:
            raise UsageError(
                "exhibit.too_many_files",
                "a statement's exhibits may bring at most {limit} files into its export; "
                "nothing was added",
                limit=MAX_EXHIBIT_FILES,
            )
        if total + size > MAX_EXHIBITS_BYTES:
            raise UsageError(
                "exhibit.files_too_large",
                "the exhibits' files together would be larger than {limit} MiB, the most "
                "one statement's export may carry; nothing was added",
                limit=MAX_EXHIBITS_BYTES // MIB,
            )

    def _register_changed(
        self,
        conn: Connection,
        case: Case,
        statement: Statement,
        event: str,
        reference: str,
        at: str,
        sha256: str | None,
    ) -> None:
        """Audit a change of the register. The statement lists its exhibits, so a witness
        who confirmed the statement before the change must confirm it again (as after an
        edit of the text), and pages confirmed before it no longer show what is signed."""
        if statement.readback_confirmed:
            conn.execute(
                "UPDATE statements SET readback_confirmed = NULL WHERE id = ?", (statement.id,)
            )
        drop_page_confirmations(conn, statement.id)
        detail: dict[str, Any] = {
            "event": event,
            "statement": statement.number,
            "reference": reference,
        }
        if event == "exhibit_added":
            detail["sha256"] = sha256
        self._audit(conn, case.id, "statement", detail, at)
        self._touch(conn, case.id, at)
