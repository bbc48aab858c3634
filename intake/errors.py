"""The intake's error types: each a QuietroomError with a stable `intake.*` code.

The server turns them into JSON errors (`{"error": {"code": …, "message": …}}`) with the
same codes; the command line prints the sentence as one line. Messages never carry a
database password, stored ciphertext or anything a member sent beyond a short id.

Exit codes follow the organisation's table (app/errors.py). Exit code 5 ("the intake
could not be reached") belongs to the sync client's one-shot commands; the intake's own
commands report their database being unreachable as an ordinary failure (1), with the
code `intake.db_unreachable`.
"""

from __future__ import annotations

from app.errors import QuietroomError, UsageError, VerificationError


class DatabaseUnavailable(QuietroomError):
    """The PostgreSQL database could not be reached, refused the login, or the
    connection to it was lost (`intake.db_unreachable`). Nothing was changed."""

    exit_code = 1


class SchemaMismatch(QuietroomError):
    """The database's schema is not the one this version of the intake works with
    (`intake.schema_too_new`, `intake.schema_outdated`)."""

    exit_code = 1


class MigrationFailed(QuietroomError):
    """PostgreSQL refused a migration (`intake.migration_failed`): the role may not
    create tables, say. The migration's transaction was rolled back."""

    exit_code = 1


class IntakeConflict(QuietroomError):
    """Different bytes under an id the intake already holds (`intake.bundle_id_conflict`,
    `intake.decision_id_conflict`): the server answers 409."""

    exit_code = 1


class UploadRefused(UsageError):
    """A chunk or an upload the intake will not take (too large, a wrong range, an
    upload that is not complete yet). Nothing was stored."""


class BadOffset(UploadRefused):
    """A chunk that does not start where the upload stands (`intake.bad_offset`); the
    offset the intake expects is `expected`, for the client to resume from."""

    @property
    def expected(self) -> int:
        value = self.params.get("expected")
        return value if isinstance(value, int) else 0


class UploadDamaged(VerificationError):
    """A complete upload whose bytes do not match the SHA-256 given for them
    (`intake.upload_hash_mismatch`), or bytes handed to the store that do not match their
    SHA-256 (`intake.hash_mismatch`)."""


class ClusterError(QuietroomError):
    """The throwaway PostgreSQL cluster could not be created or started
    (`intake.postgres_missing`, `intake.cluster_failed`)."""

    exit_code = 1
