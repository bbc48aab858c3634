"""Exceptions raised by crypto/ (the core maps them to its own error types)."""

from __future__ import annotations


class CryptoError(Exception):
    """Base class for failures in crypto/."""


class UnwrapError(CryptoError):
    """A wrapped key did not authenticate: wrong key, or the data was altered."""


class KeyringUnavailable(CryptoError):
    """No acceptable OS keyring backend is available in this session."""


class KeyringFailure(CryptoError):
    """The keyring backend refused or failed an operation."""


class KeyringTimeout(KeyringFailure):
    """The keyring did not answer in time (a locked keyring waiting on a prompt nobody
    can answer, say)."""


class KeyringLocked(KeyringFailure):
    """The keyring is locked and could not be unlocked here."""


class RecoveryError(CryptoError):
    """An age recovery envelope could not be made or opened."""
