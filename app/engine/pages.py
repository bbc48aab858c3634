"""The pages the witness confirmed one by one before signing, and the declaration shown.

Before the witness signs, the statement is rendered as it will be exported and shown to
them page by page; each page they confirm is recorded here with the SHA-256 of its text
(app/export/page_text.py says how that hash is made), the moment, and their initials
when the organisation's policy asks for them. The engine cannot render, so it trusts the
hashes it is given; app/export/pages.py renders, hands them over, and re-renders just
before signing to check nothing moved. What the engine guarantees:

- pages are confirmed only after the read-back is confirmed, with no sitting open (its
  end is printed on the statement), and never once the statement is signed;
- a confirmation for another page count drops the others (the statement re-flowed);
- a change to the statement's text drops them all (StatementsMixin._write_section);
- `sign_statement` refuses unless every page 1..N of one count N is confirmed.

The declaration shown to the witness above the signature is noted too (when, and for how
many pages), in `statements.declaration_shown` and the audit log, never its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.engine.base import EngineBase
from app.engine.models import Case, Statement
from app.engine.signing import checked_signature, stored_policy
from app.errors import UsageError
from app.vault.database import Connection

MAX_PAGES = 10_000  # far more than any statement; stops a typo from storing nonsense
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class PageConfirmation:
    """One page the witness confirmed: page `page` of `pages`."""

    page: int
    pages: int
    sha256: str
    confirmed: str  # when, as the engine stamps it
    initials: bytes | None = None
    initials_type: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "page": self.page,
            "pages": self.pages,
            "sha256": self.sha256,
            "confirmed": self.confirmed,
            "initials": self.initials is not None,
        }


def pages_not_shown() -> UsageError:
    return UsageError(
        "statement.pages_not_shown",
        "the witness has not confirmed the statement's pages: show them each page on "
        "screen ('statement pages', then 'statement confirm-page' for each), or give "
        "--pages-confirmed if they confirmed each page on screen",
    )


class PagesMixin(EngineBase):
    """Page confirmations per statement."""

    # --- recording ---------------------------------------------------------------------

    def confirm_page(
        self,
        ref: str,
        page: int,
        pages: int,
        sha256: str,
        *,
        initials: bytes | None = None,
        initials_type: str | None = None,
    ) -> PageConfirmation:
        """Record that the witness confirmed page `page` of `pages`, whose text hashes to
        `sha256`. With the organisation's `initials_each_page`, `initials` (strokes from
        the pad, or an image, as for the signature) are required."""
        if type(pages) is not int or not 1 <= pages <= MAX_PAGES:
            raise UsageError(
                "statement.page_count",
                "the page count must be a whole number from 1 to {limit}",
                limit=MAX_PAGES,
            )
        if type(page) is not int or not 1 <= page <= pages:
            raise UsageError(
                "statement.page_number",
                "there is no page {page} in a statement of {pages} page(s)",
                page=page,
                pages=pages,
            )
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise UsageError(
                "statement.page_hash",
                "a page's SHA-256 is 64 lowercase hexadecimal characters "
                "(as 'statement pages' shows it)",
            )
        kind = _checked_initials(initials, initials_type) if initials is not None else None
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            self._refuse_confirming(conn, case, statement)
            required = initials_required(conn)
            if initials is None and required:
                raise initials_needed(page)
            if initials is not None and not required:
                # The pages were shown without a place for initials: none are drawn.
                raise UsageError(
                    "statement.initials_not_asked",
                    "the organisation does not ask for initials on each page; confirm the "
                    "page without them",
                )
            at = self.now()
            # Another page count: the statement re-flowed, earlier pages are not these.
            dropped = conn.execute(
                "DELETE FROM page_confirmations WHERE statement_id = ? AND pages != ?",
                (statement.id, pages),
            ).rowcount
            conn.execute(
                "INSERT OR REPLACE INTO page_confirmations(statement_id, page, pages, sha256, "
                "confirmed, initials, initials_type) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (statement.id, page, pages, sha256, at, initials, kind),
            )
            self._audit(
                conn,
                case.id,
                "statement",
                {
                    "event": "page_confirmed",
                    "statement": statement.number,
                    "page": page,
                    "pages": pages,
                    "sha256": sha256,
                    "initials": initials is not None,
                    "dropped": dropped,
                },
                at,
            )
            self._touch(conn, case.id, at)
        return PageConfirmation(page, pages, sha256, at, initials, kind)

    def declaration_shown(self, ref: str, *, pages: int | None = None) -> str:
        """Note that the s.9 declaration (for `pages` pages) was shown to the witness;
        returns when. Shown again later: the later time is kept, and both are audited."""
        if pages is not None and (type(pages) is not int or not 1 <= pages <= MAX_PAGES):
            raise UsageError(
                "statement.page_count",
                "the page count must be a whole number from 1 to {limit}",
                limit=MAX_PAGES,
            )
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            self._refuse_confirming(conn, case, statement)
            at = self.now()
            conn.execute(
                "UPDATE statements SET declaration_shown = ? WHERE id = ?", (at, statement.id)
            )
            self._audit(
                conn,
                case.id,
                "view",
                {"what": "declaration", "statement": statement.number, "pages": pages},
                at,
            )
        return at

    def clear_page_confirmations(self, ref: str) -> int:
        """Drop every page confirmation of the current statement (before signing);
        returns how many there were."""
        with self._tx() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            if statement.status == "signed":
                raise UsageError("statement.already_signed", "this statement is already signed")
            dropped = drop_page_confirmations(conn, statement.id)
            if dropped:
                self._audit(
                    conn,
                    case.id,
                    "statement",
                    {"event": "pages_cleared", "statement": statement.number, "dropped": dropped},
                )
            return dropped

    # --- reading -----------------------------------------------------------------------

    def page_confirmations(self, ref: str) -> list[PageConfirmation]:
        """The current statement's confirmed pages, in page order."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            return confirmations(conn, statement.id)

    def declaration_shown_at(self, ref: str) -> str | None:
        """When the declaration was last shown to the witness (None: never recorded)."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            statement = self._current_statement(conn, case.id)
            row = conn.execute(
                "SELECT declaration_shown FROM statements WHERE id = ?", (statement.id,)
            ).fetchone()
        return row[0] if row else None

    def check_can_confirm_pages(self, ref: str) -> None:
        """Refuse as `confirm_page` would for the statement's state, before the pages are
        rendered (so a refusal costs nothing)."""
        with self._read() as conn:
            case = self._case_row(conn, ref)
            self._refuse_confirming(conn, case, self._current_statement(conn, case.id))

    # --- the rules ---------------------------------------------------------------------

    def _refuse_confirming(self, conn: Connection, case: Case, statement: Statement) -> None:
        if statement.status == "signed":
            raise UsageError("statement.already_signed", "this statement is already signed")
        if statement.status != "read_back" or not statement.readback_confirmed:
            raise UsageError(
                "statement.pages_before_readback",
                "the witness confirms the pages after confirming the read-back "
                "('statement readback --confirmed')",
            )
        texts = conn.execute("SELECT text FROM sections WHERE statement_id = ?", (statement.id,))
        if not any(str(text).strip() for (text,) in texts):
            # Corrections at read-back can empty it: there is no page to show.
            raise UsageError(
                "statement.no_text",
                "the statement has no text, so it has no pages for the witness to confirm or sign",
            )
        if conn.execute(
            "SELECT 1 FROM sittings WHERE case_id = ? AND state != 'ended'", (case.id,)
        ).fetchone():
            raise UsageError(
                "statement.pages_sitting_open",
                "end the sitting before the witness confirms the pages: when it ended is "
                "printed on the statement ('sitting end')",
            )


def confirmations(conn: Connection, statement_id: str) -> list[PageConfirmation]:
    """A statement's confirmed pages, in page order."""
    return [
        PageConfirmation(
            int(page), int(pages), sha, at, bytes(ini) if ini is not None else None, kind
        )
        for page, pages, sha, at, ini, kind in conn.execute(
            "SELECT page, pages, sha256, confirmed, initials, initials_type FROM "
            "page_confirmations WHERE statement_id = ? ORDER BY page",
            (statement_id,),
        )
    ]


def drop_page_confirmations(conn: Connection, statement_id: str) -> int:
    """Within a transaction: the statement's text changed, so the pages the witness
    confirmed no longer exist (StatementsMixin._write_section calls this; the change
    itself is audited there). Returns how many were dropped."""
    return int(
        conn.execute(
            "DELETE FROM page_confirmations WHERE statement_id = ?", (statement_id,)
        ).rowcount
    )


def initials_required(conn: Connection) -> bool:
    """The organisation's policy (in the stored trust file) asks for initials on each page."""
    policy = stored_policy(conn)
    return bool(policy is not None and getattr(policy, "initials_each_page", False))


def require_pages_confirmed(conn: Connection, statement: Statement) -> None:
    """Within sign_statement's transaction: every page 1..N of one count N is confirmed
    (and initialled when the organisation asks for it), else refused."""
    found = confirmations(conn, statement.id)
    if not found:
        raise pages_not_shown()
    total = found[-1].pages
    numbers = {c.page for c in found if c.pages == total}
    if numbers != set(range(1, total + 1)) or len(found) != total:
        raise UsageError(
            "statement.pages_not_confirmed",
            "the witness has confirmed {confirmed} of the statement's {pages} pages; "
            "each page must be shown and confirmed before they sign",
            confirmed=len(numbers),
            pages=total,
        )
    unmarked = [c.page for c in found if c.initials is None]
    if unmarked and initials_required(conn):
        raise initials_needed(unmarked[0])


def initials_needed(page: int) -> UsageError:
    return UsageError(
        "statement.initials_needed",
        "the organisation asks the witness to initial each page they confirm; "
        "nothing was recorded for page {page}: ask them to initial it",
        page=page,
    )


def _checked_initials(data: bytes, media_type: str | None) -> str:
    """The initials' media type once they are known to draw as something: the same
    formats as the signature (strokes from the pad above all), checked the same way."""
    if not isinstance(data, bytes):
        raise UsageError("statement.initials_invalid", "the initials are not valid")
    try:
        kind, _ = checked_signature(data, media_type)
    except UsageError as exc:  # its words are about the signature
        if exc.code == "signature.empty":
            raise UsageError(
                "statement.initials_empty",
                "the initials are empty; ask the witness to initial again",
            ) from None
        raise UsageError("statement.initials_invalid", "the initials are not valid") from None
    return kind
