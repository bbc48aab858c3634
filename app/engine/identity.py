"""The staff member's own identity and the organisation's trust file, kept in the vault.

The signing key and the age identity never leave the encrypted database except to sign
or decrypt in memory. The trust file is stored with its CA signature and re-verified
every time it is loaded, so a vault cannot be tricked into trusting an edited copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.engine.base import EngineBase
from app.errors import UsageError
from app.org import Identity, Trust, load_identity, load_trust
from app.org.trust import (
    TRUST_FILE,
    TRUST_SIGNATURE_FILE,
    Member,
    read_file,
    signature_path,
    trust_from_bytes,
)
from crypto import pki
from crypto.recovery import parse_identities

MAX_TRUST_FILE = 4 * 1024 * 1024


@dataclass(frozen=True)
class IdentitySummary:
    name: str | None
    fingerprint: str
    age_recipient: str | None
    organisation: str | None
    role: str | None

    def to_json(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "certificate_fingerprint": self.fingerprint,
            "age_recipient": self.age_recipient,
            "organisation": self.organisation,
            "role": self.role,
        }


class IdentityMixin(EngineBase):
    def import_identity(
        self,
        cert: Path,
        key: Path | None,
        age_identity: Path | None = None,
        trust: Path | None = None,
        password: str | None = None,
    ) -> IdentitySummary:
        """Store this member's signing identity (and the organisation's trust file)."""
        identity = load_identity(cert, key, age_identity, password)
        trust_parts = self._read_trust(trust) if trust is not None else None
        if trust_parts is not None:
            parsed = trust_parts[3]
            if not parsed.member_for_certificate(identity.cert):
                raise UsageError(
                    "identity.not_in_trust_file",
                    "this certificate is not listed "
                    "in the organisation's trust file; ask for an up-to-date "
                    "trust file",
                )
        at = self.now()
        with self._tx() as conn:
            existing = conn.execute("SELECT age_identity FROM identity WHERE id = 1").fetchone()
            age_text = identity.age_identity_text() or (existing[0] if existing else None)
            conn.execute(
                "INSERT OR REPLACE INTO identity VALUES (1, ?, ?, ?, ?)",
                (identity.cert_pem(), identity.key_pem(), age_text, at),
            )
            if trust_parts is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO trust VALUES (1, ?, ?, ?, ?)", (*trust_parts[:3], at)
                )
        return self.identity_summary()

    @staticmethod
    def _read_trust(path: Path) -> tuple[bytes, bytes, bytes, Trust]:
        parsed = load_trust(path)  # verifies the CA signature, refuses anything else
        data = read_file(path, MAX_TRUST_FILE, TRUST_FILE)
        sig = read_file(signature_path(path), MAX_TRUST_FILE, TRUST_SIGNATURE_FILE)
        return data, sig, pki.certificate_pem(parsed.ca_cert), parsed

    def identity(self) -> Identity:
        with self._read() as conn:
            row = conn.execute(
                "SELECT cert_pem, key_pem, age_identity FROM identity WHERE id = 1"
            ).fetchone()
        if row is None:
            raise UsageError(
                "identity.none",
                "this vault has no signing identity yet; import one with 'identity import'",
            )
        cert, key = pki.load_pem_pair(bytes(row[0]), bytes(row[1]))
        age = parse_identities(row[2])[0] if row[2] else None
        return Identity(cert=cert, key=key, age_identity=age)

    def trust(self) -> Trust | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT trust_json, trust_sig, ca_pem FROM trust WHERE id = 1"
            ).fetchone()
        if row is None:
            return None
        # Re-verified from the stored bytes on every load: the same check as on import.
        return trust_from_bytes(bytes(row[0]), bytes(row[1]), pki.load_certificate(bytes(row[2])))

    def identity_summary(self) -> IdentitySummary:
        identity = self.identity()
        trust = self.trust()
        member: Member | None = trust.member_for_certificate(identity.cert) if trust else None
        return IdentitySummary(
            identity.name,
            identity.fingerprint,
            identity.age_recipient,
            trust.organisation if trust else None,
            member.role if member else None,
        )
