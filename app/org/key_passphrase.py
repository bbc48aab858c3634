"""Opening the organisation's own keys (the CA's and the trust-list signer's), which
`--ca-passphrase-file` encrypts: one clear message for a missing or needless passphrase."""

from __future__ import annotations

from pathlib import Path

from app.errors import UsageError
from crypto import pki


def check_passphrase_given(key_data: bytes, passphrase: bytes | None, path: Path) -> None:
    """Say which option opens an encrypted organisation key, or that none is needed."""
    encrypted = pki.is_encrypted_key_pem(key_data)
    if encrypted and not passphrase:
        raise UsageError(
            "org.key_encrypted",
            "{path} is encrypted: give its passphrase with --ca-passphrase-file",
            path=path,
        )
    if passphrase and not encrypted:
        raise UsageError(
            "org.key_not_encrypted",
            "{path} is not encrypted, but --ca-passphrase-file was given",
            path=path,
        )
