"""The staff member's own identity and the organisation's trust file, kept in the vault.

The signing key, the authentication key and the age identity never leave the encrypted
database except to sign or decrypt in memory, and inside it they are sealed once more
under the vault's personal key (app/vault/personal.py), which the organisation's
recovery identity never opens. The trust file is stored with its signature and re-verified every
time it is loaded, so a vault cannot be tricked into trusting an edited copy.

A trust file can only move forward: the vault keeps a mark of the newest one it has
accepted (meta key `trust_accepted`: the CA's fingerprint, the serial, the file's
SHA-256 and its issue time), and refuses a file of the same CA with a lower serial, or
the same serial with other contents, so nobody can bring back a member who was removed.
A stored trust file past its next update is not used for new exports.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509

from app.engine.base import EngineBase
from app.errors import QuietroomError, UsageError
from app.org import Identity, Trust, load_identity
from app.org.trust import Member, format_time, read_signed_trust, trust_from_bytes
from app.vault.database import Connection
from crypto import pki
from crypto.pki_errors import PkiError
from crypto.recovery import parse_identities
from crypto.secret import wipe

LOG = logging.getLogger("quietroom.engine")
TRUST_MARK = "trust_accepted"
POLICY_TRUST_VERSION = 4  # the trust file version that carries the organisation's policy


@dataclass(frozen=True)
class IdentitySummary:
    name: str | None
    fingerprint: str
    age_recipient: str | None
    organisation: str | None
    role: str | None
    trust_serial: int | None = None
    trust_next_update: str | None = None
    authentication_fingerprint: str | None = None
    member_id: str | None = None
    signing_key_available: bool = True

    def to_json(self) -> dict[str, str | int | bool | None]:
        return {
            "name": self.name,
            "certificate_fingerprint": self.fingerprint,
            "authentication_certificate_fingerprint": self.authentication_fingerprint,
            "member_id": self.member_id,
            "age_recipient": self.age_recipient,
            "organisation": self.organisation,
            "role": self.role,
            "trust_serial": self.trust_serial,
            "trust_next_update": self.trust_next_update,
            "signing_key_available": self.signing_key_available,
        }


@dataclass(frozen=True)
class TrustMark:
    """The newest trust file this vault has accepted."""

    ca_fingerprint: str
    serial: int
    sha256: str
    issued: str  # as format_time writes it, so it sorts as text

    @classmethod
    def of(cls, trust: Trust, data: bytes) -> TrustMark:
        return cls(
            pki.fingerprint(trust.ca_cert),
            trust.serial,
            hashlib.sha256(data).hexdigest(),
            format_time(trust.issued),
        )

    def to_text(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)


def check_not_older(mark: TrustMark | None, new: TrustMark) -> None:
    """Refuse a trust file older than the newest one accepted from the same CA.

    Serials order version 2 files; a version 1 file is serial 0, older than all of them,
    and version 1 files are ordered among themselves by their issue time. The same file
    again is accepted; the same serial with other contents is not.
    """
    if mark is None or mark.ca_fingerprint != new.ca_fingerprint or mark.sha256 == new.sha256:
        return  # nothing yet, another organisation's CA, or the very same file
    if new.serial < mark.serial:
        raise UsageError(
            "trust.rolled_back",
            "this trust file (serial {serial}) is older than the one already imported "
            "(serial {current}); ask your administrator for the current one",
            serial=new.serial,
            current=mark.serial,
        )
    if new.serial == mark.serial == 0 and new.issued < mark.issued:
        raise UsageError(
            "trust.older_issue",
            "this trust file (issued {issued}) is older than the one already imported "
            "(issued {current}); ask your administrator for the current one",
            issued=new.issued,
            current=mark.issued,
        )
    if new.serial == mark.serial and (new.serial > 0 or new.issued == mark.issued):
        raise UsageError(
            "trust.serial_reused",
            "this trust file has the same serial ({serial}) as the one already imported "
            "but different contents; ask your administrator for the current one",
            serial=new.serial,
        )


def member_me(conn: Connection) -> Member | None:
    """The trust file's member this vault's identity is (by its signing certificate), or
    None without an identity or trust file, or when the trust file does not list it."""
    row = conn.execute("SELECT cert_pem FROM identity WHERE id = 1").fetchone()
    stored = conn.execute("SELECT trust_json, trust_sig, ca_pem FROM trust WHERE id = 1").fetchone()
    if row is None or stored is None:
        return None
    try:
        trust = trust_from_bytes(
            bytes(stored[0]), bytes(stored[1]), pki.load_certificate(bytes(stored[2]))
        )
        return trust.member_for_certificate(pki.load_certificate(bytes(row[0])))
    except (QuietroomError, PkiError, ValueError):
        return None


class IdentityMixin(EngineBase):
    def import_identity(
        self,
        cert: Path,
        key: Path | None,
        age_identity: Path | None = None,
        trust: Path | None = None,
        password: str | None = None,
        *,
        auth_cert: Path | None = None,
        auth_key: Path | None = None,
    ) -> IdentitySummary:
        """Store this member's identity (and the organisation's trust file).

        All or nothing: a trust file older than the one already imported is refused
        before anything is written, the identity included."""
        identity = load_identity(
            cert, key, age_identity, password, auth_cert_path=auth_cert, auth_key_path=auth_key
        )
        trust_parts = self._read_trust(trust) if trust is not None else None
        mark = None
        if trust_parts is not None:
            parsed = trust_parts[3]
            member = parsed.member_for_certificate(identity.cert)
            if not member:
                raise UsageError(
                    "identity.not_in_trust_file",
                    "this certificate is not listed "
                    "in the organisation's trust file; ask for an up-to-date "
                    "trust file",
                )
            listed = member.authentication_certificate
            if (
                identity.auth_cert is not None
                and listed is not None
                and pki.fingerprint(listed) != pki.fingerprint(identity.auth_cert)
            ):
                raise UsageError(
                    "identity.auth_not_in_trust_file",
                    "the authentication certificate is not the one the trust file lists "
                    "for you; ask for an up-to-date trust file",
                )
            mark = TrustMark.of(parsed, trust_parts[0])
        at = self.now()
        with self._tx() as conn:
            if mark is not None:
                check_not_older(self._trust_mark(conn), mark)
            existing = conn.execute(
                "SELECT age_identity, auth_cert_pem, auth_key_pem, cert_pem FROM identity "
                "WHERE id = 1"
            ).fetchone()
            new_age = identity.age_identity_text()
            age_sealed = (
                self.vault.seal_personal("age", new_age.encode("ascii")).decode("ascii")
                if new_age
                else None
            )
            # A new identity without an age identity keeps the one stored, if it opens.
            if age_sealed is None and existing is not None and existing[0] is not None:
                age_sealed = self._reseal_if_open(existing[0], "age")
            cert_pem, key_pem = identity.cert_pem(), identity.key_pem()
            auth_cert_pem, auth_key_pem = identity.auth_pems()
            auth: tuple[bytes | None, bytes | None] = (
                auth_cert_pem,
                self.vault.seal_personal("auth-key", auth_key_pem) if auth_key_pem else None,
            )
            # A new signing certificate alone keeps the same person's TLS pair.
            if (
                auth[0] is None
                and existing is not None
                and existing[1] is not None
                and pki.load_certificate(bytes(existing[3])).subject == identity.cert.subject
            ):
                kept = self._reseal_if_open(bytes(existing[2]), "auth-key")
                if kept is not None:
                    auth = (bytes(existing[1]), kept.encode("ascii"))
            conn.execute(
                "INSERT OR REPLACE INTO identity (id, cert_pem, key_pem, age_identity, "
                "imported, auth_cert_pem, auth_key_pem) VALUES (1, ?, ?, ?, ?, ?, ?)",
                (
                    cert_pem,
                    self.vault.seal_personal("signing-key", key_pem),
                    age_sealed,
                    at,
                    *auth,
                ),
            )
            if trust_parts is not None and mark is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO trust VALUES (1, ?, ?, ?, ?)", (*trust_parts[:3], at)
                )
                conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                    (TRUST_MARK, mark.to_text()),
                )
        if trust_parts is not None:
            self._follow_recovery_policy()
        return self.identity_summary()

    def _reseal_if_open(self, stored: bytes | str, label: str) -> str | None:
        """A stored secret kept across a new import, or None when it cannot be opened
        here (withheld after a recovery: the new import must bring it)."""
        try:
            secret = self.vault.open_personal(label, stored)
        except UsageError:
            return None
        try:
            return self.vault.seal_personal(label, secret).decode("ascii")
        finally:
            wipe(secret)

    def update_trust(self, data: bytes, signature: bytes) -> int | None:
        """Take a trust file fetched from the intake if it is newer than the stored one:
        verified against the stored CA (never a CA that came with it), then stored
        only when its serial is higher. Returns the new serial, or None when the stored
        file is as new (nothing changed)."""
        current = self.trust()
        if current is None:
            return None
        parsed = trust_from_bytes(data, signature, current.ca_cert)
        mark = TrustMark.of(parsed, data)
        at = self.now()
        with self._tx() as conn:
            stored = self._trust_mark(conn)
            if stored is not None and mark.serial <= stored.serial:
                return None
            conn.execute(
                "INSERT OR REPLACE INTO trust VALUES (1, ?, ?, ?, ?)",
                (data, signature, pki.certificate_pem(current.ca_cert), at),
            )
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                (TRUST_MARK, mark.to_text()),
            )
        self._follow_recovery_policy()
        return parsed.serial

    def _follow_recovery_policy(self) -> None:
        """`apply_recovery_policy` after a trust file was stored: the trust file is in,
        whatever happens here, so a failure to write the header is logged and tried
        again at the next unlock (or with 'recovery reseal'), never reported as a failed
        import."""
        try:
            self.apply_recovery_policy()
        except (QuietroomError, OSError) as exc:
            LOG.warning("could not re-seal the recovery envelope: %s", type(exc).__name__)

    def apply_recovery_policy(self) -> bool:
        """Seal the vault's recovery envelope to the organisation's recovery recipient as
        its signed trust file names it, and to no other: a recipient pasted at set-up is
        replaced. A trust file that names none (or is from before the organisation's
        policy) leaves the envelope as it is: removing it would take away the only way
        back into a vault whose passphrase is forgotten. Returns whether the vault's
        header changed."""
        trust = self.trust()
        if trust is None or trust.version < POLICY_TRUST_VERSION:
            return False
        recipient = trust.policy.recovery_recipient
        return recipient is not None and self.vault.set_recovery(recipient)

    @staticmethod
    def _read_trust(path: Path) -> tuple[bytes, bytes, bytes, Trust]:
        data, sig, ca_cert = read_signed_trust(path)
        # Verifies the signature and its signer, then parses: the bytes stored are
        # exactly the bytes verified.
        parsed = trust_from_bytes(data, sig, ca_cert)
        return data, sig, pki.certificate_pem(ca_cert), parsed

    @staticmethod
    def _trust_mark(conn: Connection) -> TrustMark | None:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (TRUST_MARK,)).fetchone()
        if row is not None:
            return TrustMark(**json.loads(row[0]))
        # A vault from before the mark: its stored trust file (a version 1 one, verified
        # when it was imported) is the newest it accepted.
        stored = conn.execute("SELECT trust_json FROM trust WHERE id = 1").fetchone()
        if stored is None:
            return None
        data = bytes(stored[0])
        doc = json.loads(data.decode("utf-8"))
        return TrustMark(
            doc["ca_fingerprint"],
            int(doc.get("serial", 0)),
            hashlib.sha256(data).hexdigest(),
            format_time(datetime.fromisoformat(doc["issued"])),
        )

    def identity(self) -> Identity:
        with self._read() as conn:
            row = conn.execute(
                "SELECT cert_pem, key_pem, age_identity, auth_cert_pem, auth_key_pem "
                "FROM identity WHERE id = 1"
            ).fetchone()
        if row is None:
            raise UsageError(
                "identity.none",
                "this vault has no signing identity yet; import one with 'identity import'",
            )
        cert = pki.load_certificate(bytes(row[0]))
        key = self._private_key(cert, row[1], "signing-key")
        age = None
        if row[2]:
            age_text = self.vault.open_personal("age", row[2])
            try:
                age = parse_identities(age_text.decode("ascii"))[0]
            finally:
                wipe(age_text)
        auth = None
        if row[3]:
            auth_cert = pki.load_certificate(bytes(row[3]))
            auth = (auth_cert, self._private_key(auth_cert, row[4], "auth-key"))
        return Identity(
            cert=cert,
            key=key,
            age_identity=age,
            auth_cert=auth[0] if auth else None,
            auth_key=auth[1] if auth else None,
        )

    def _private_key(self, cert: x509.Certificate, stored: bytes, label: str) -> pki.PrivateKey:
        pem = self.vault.open_personal(label, stored)
        try:
            return pki.load_pem_pair(pki.certificate_pem(cert), bytes(pem))[1]
        finally:
            wipe(pem)

    def signing_key_available(self) -> bool:
        """Whether this vault's identity can sign (False after a recovery withheld it)."""
        try:
            self.identity()
        except UsageError:
            return False
        return True

    def trust(self) -> Trust | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT trust_json, trust_sig, ca_pem FROM trust WHERE id = 1"
            ).fetchone()
        if row is None:
            return None
        # Re-verified from the stored bytes on every load: the same check as on import.
        return trust_from_bytes(bytes(row[0]), bytes(row[1]), pki.load_certificate(bytes(row[2])))

    def current_trust(self) -> Trust | None:
        """The stored trust file for new work (an export), or None when there is none.

        Refused once past its next update (by the engine's clock): the organisation may
        have removed members since, so its recipients can no longer be relied on."""
        trust = self.trust()
        if trust is not None and trust.next_update and trust.past_next_update(self.clock.now()):
            raise UsageError(
                "trust.expired",
                "the organisation's trust file expired on {date}; import the current one",
                date=trust.next_update.strftime("%Y-%m-%d"),
            )
        return trust

    def identity_summary(self) -> IdentitySummary:
        try:
            identity = self.identity()
        except UsageError as exc:
            if exc.code != "identity.withheld":
                raise
            return self._withheld_summary()
        trust = self.trust()
        member: Member | None = trust.member_for_certificate(identity.cert) if trust else None
        return IdentitySummary(
            identity.name,
            identity.fingerprint,
            identity.age_recipient,
            trust.organisation if trust else None,
            member.role if member else None,
            trust.serial if trust else None,
            format_time(trust.next_update) if trust and trust.next_update else None,
            pki.fingerprint(identity.auth_cert) if identity.auth_cert else None,
            member.member_id if member else None,
        )

    def _withheld_summary(self) -> IdentitySummary:
        """Who this vault belonged to, from the certificates alone: the private parts
        were withheld by a recovery and must be imported again."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT cert_pem, auth_cert_pem FROM identity WHERE id = 1"
            ).fetchone()
        cert = pki.load_certificate(bytes(row[0]))
        trust = self.trust()
        member = trust.member_for_certificate(cert) if trust else None
        return IdentitySummary(
            pki.common_name(cert),
            pki.fingerprint(cert),
            None,
            trust.organisation if trust else None,
            member.role if member else None,
            trust.serial if trust else None,
            format_time(trust.next_update) if trust and trust.next_update else None,
            pki.fingerprint(pki.load_certificate(bytes(row[1]))) if row[1] else None,
            member.member_id if member else None,
            signing_key_available=False,
        )
