"""Exceptions raised by crypto/pki.py and crypto/cms.py (certificates and signatures).

Every message is one sentence for a person; none contains key material.
"""

from __future__ import annotations

from crypto.errors import CryptoError


class PkiError(CryptoError):
    """Base class for certificate, key and signature failures."""


class CertificateError(PkiError):
    """A certificate or key could not be read, is unsupported, or they do not match."""


class ChainError(PkiError):
    """A certificate was not issued by the expected certificate authority."""


class ValidityError(ChainError):
    """A certificate is outside its validity period at the time of the check."""

    def __init__(self, message: str, *, expired: bool, of_ca: bool) -> None:
        super().__init__(message)
        self.expired = expired
        self.of_ca = of_ca  # True when the CA's own certificate is the one out of date


class CmsError(PkiError):
    """A detached CMS signature is malformed or does not verify.

    `reason` is a short stable code for callers that need to tell cases apart:
    "not-cms", "unsupported", "mismatch", "untrusted", "expired", "not-yet-valid".
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
