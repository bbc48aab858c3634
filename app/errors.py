"""The error types of the core, each carrying the CLI exit code it maps to.

Every message is one plain sentence meant for the person at the keyboard. A message may
echo back a short value that person just typed (so they can see what was not understood),
so error messages are shown to them only and never logged; none may contain stored case
content, a passphrase or key material.
"""

from __future__ import annotations


class QuietroomError(Exception):
    """Base class: a clear, expected failure (never shown with a traceback)."""

    exit_code = 1


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
