"""The error types of the core: a stable code, an English template and its parameters,
and the CLI exit code each type maps to.

An error is raised as `UsageError("case.not_found", "no case has that id …", **params)`:

- `code` is a stable dotted text code, lowercase `area.name` (`vault.wrong_passphrase`,
  `text.too_long`). One code always has one template, so an interface translates by code
  (the desktop app: ui/core_messages.py) and a script reads it from the CLI's `--json`
  output (`{"error": {"code": …, "message": …}}`) without matching sentences.
- `template` is the English sentence with `{name}` placeholders (str.format style);
  `str(exc)` is the sentence filled in, which the CLI prints as it is.
- `params` fill the placeholders. A parameter may be a `Phrase`: a fixed phrase of the
  core's (a recovery hint, a kind of file) with its own code, translated on its own.

Every message is one plain sentence meant for the person at the keyboard. A message may
echo back a short value that person just typed (so they can see what was not understood),
so error messages are shown to them only and never logged; none may contain stored case
content, a passphrase or key material.

Exit codes (the organisation's table): 0 success · 1 usage or other error · 2
authentication failed · 3 vault missing, damaged or of an unknown format · 4 verification
failed · 5 intake service unreachable · 6 disk full (nothing stored was lost).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def fill(template: str, params: Mapping[str, object]) -> str:
    """The template with its placeholders filled in; a template that does not fit its
    parameters (a slip the tests catch) gives the bare template, never a second error."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return template


class Phrase:
    """A fixed phrase of the core's used as a parameter of a message (or a message on its
    own): a code, an English template and its parameters; `str()` gives the English."""

    __slots__ = ("code", "params", "template")

    def __init__(self, code: str, template: str, /, **params: object) -> None:
        self.code = code
        self.template = template
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        return fill(self.template, self.params)

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, {str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.code, self.template, self.params) == (
            other.code,
            other.template,
            other.params,
        )

    def __hash__(self) -> int:
        return hash((self.code, self.template))

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": str(self)}


def _rebuild(
    cls: type[QuietroomError], code: str, template: str, params: dict[str, Any]
) -> QuietroomError:
    return cls(code, template, **params)


class QuietroomError(Exception):
    """Base class: a clear, expected failure (never shown with a traceback)."""

    exit_code = 1

    def __init__(self, code: str, template: str, /, **params: object) -> None:
        self.code = code
        self.template = template
        self.params: dict[str, object] = params
        super().__init__(fill(template, params))

    @property
    def phrase(self) -> Phrase:
        """The message as a value (code, template, parameters), to translate elsewhere."""
        return Phrase(self.code, self.template, **self.params)

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": str(self)}

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self.code, self.template, self.params)


class UsageError(QuietroomError):
    """Bad input from the user: a wrong option, a malformed value, a refused action."""

    exit_code = 1


class AuthError(QuietroomError):
    """Authentication failed: wrong passphrase, device secret missing or changed."""

    exit_code = 2


class VaultError(QuietroomError):
    """The vault is missing, damaged or of a format this version does not know."""

    exit_code = 3


class VerificationError(QuietroomError):
    """An integrity or signature check failed."""

    exit_code = 4


class UnreachableError(QuietroomError):
    """The intake could not be reached (offline, refused at TLS, timed out): a one-shot
    sync command could not do its work. Nothing stored was changed."""

    exit_code = 5


class StorageError(QuietroomError):
    """The vault's storage refused a change for a reason that is no damage: another
    writer holds the vault, or it is read-only. Nothing stored was changed."""

    exit_code = 1


class DiskFullError(StorageError):
    """The disk is full: the change (or the file being written) was not saved, and
    nothing already stored was lost."""

    exit_code = 6


# A failure nobody foresaw (a bug, say), for an interface that must still say something
# calm: the transaction it happened in was rolled back.
UNEXPECTED = "something went wrong and nothing further was changed; please try again"


def unexpected() -> QuietroomError:
    """The error an interface shows for an exception that is not a QuietroomError."""
    return QuietroomError("internal.unexpected", UNEXPECTED)
