"""The intake's HTTP refusals: each error a JSON body with a stable code, one sentence and
an HTTP status.

Every answer that is not a success is

    {"error": {"code": "intake.not_supervisor", "message": "only a supervisor …"}}

sometimes with more fields beside "error" (a failed verification's `checks`, a wrong
offset's `offset`). The codes are the core's (QuietroomError's `code`) wherever the core
raised the error, else the intake's own `intake.*`. `status_for` maps an error to its
status; `Refused` is an error raised by the server itself with its status chosen.
"""

from __future__ import annotations

from typing import Any

from app.errors import QuietroomError, UsageError, VerificationError
from intake.errors import BadOffset, DatabaseUnavailable, IntakeConflict, UploadDamaged

# Codes whose status is not their type's.
STATUS_BY_CODE = {
    "intake.too_large": 413,
    "intake.chunk_too_large": 413,
    "intake.upload_size_changed": 409,
    "intake.no_upload": 409,
    "intake.upload_incomplete": 409,
    "intake.bundle_id_conflict": 409,
    "intake.decision_id_conflict": 409,
}


class Refused(QuietroomError):
    """A refusal the server makes itself: `status`, and `extra` fields for the body and
    `headers` for the answer beside the error."""

    exit_code = 1

    def __init__(
        self,
        code: str,
        template: str,
        /,
        *,
        status: int = 400,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        **params: object,
    ) -> None:
        super().__init__(code, template, **params)
        self.status = status
        self.extra = extra or {}
        self.headers = headers or {}


def status_for(error: QuietroomError) -> int:
    """The HTTP status an error is answered with."""
    if isinstance(error, Refused):
        return error.status
    if error.code in STATUS_BY_CODE:
        return STATUS_BY_CODE[error.code]
    if isinstance(error, DatabaseUnavailable):
        return 503
    if isinstance(error, IntakeConflict | BadOffset):
        return 409
    if isinstance(error, UploadDamaged | VerificationError):
        return 422
    if isinstance(error, UsageError):
        return 400
    return 500


def body_for(error: QuietroomError) -> dict[str, Any]:
    """The JSON body of a refusal."""
    body: dict[str, Any] = {"error": {"code": error.code, "message": str(error)}}
    if isinstance(error, Refused):
        body.update(error.extra)
    if isinstance(error, BadOffset):
        body["offset"] = error.expected
    return body


def headers_for(error: QuietroomError) -> dict[str, str]:
    headers = {"Quietroom-Error": error.code}
    if isinstance(error, Refused):
        headers.update(error.headers)
    if isinstance(error, BadOffset):
        headers["Upload-Offset"] = str(error.expected)
    if isinstance(error, DatabaseUnavailable):
        headers["Retry-After"] = "5"
    return headers
