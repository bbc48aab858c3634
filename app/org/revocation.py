"""Revoking certificates: the organisation's certificate revocation list (`crl.der`).

The CA signs the list, so writing it needs the CA key, like issuing does: `org init`
writes an empty list, `org reissue` adds the certificates it supersedes, and `org revoke`
revokes a member's certificates (all of them: signing, authentication, TLS,
time-stamping) and takes them out of the trust file in the same step. The list's number
only grows; it is current for as long as the trust file (`next_update`). Publish
`crl.der` beside the trust file where the intake serves it (`GET /v1/crl`, the
distribution point every certificate names).

Removing a member from the trust file (`org remove`) is what laptops act on today; the
list is what anyone outside Quietroom (OpenSSL, a PDF reader, a court's expert) checks a
certificate against, for as long as the statement is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.errors import UsageError
from app.fsutil import read_limited
from app.org.crl_file import CRL_NAME, current_crl, publish_crl
from app.org.membership import Removal, org_remove
from app.org.organisation import load_ca_key
from app.org.trust import CA_NAME, TRUST_NAME, format_time, load_trust
from crypto import pki
from crypto.crl import REASONS
from crypto.pki_errors import PkiError


@dataclass(frozen=True)
class Revocation:
    crl: Path
    number: int
    next_update: datetime
    revoked: tuple[tuple[str, int], ...]  # (fingerprint, serial) revoked now
    removal: Removal | None  # the member taken out of the trust file, if they were in it

    def to_json(self) -> dict[str, Any]:
        return {
            "crl": str(self.crl),
            "crl_number": self.number,
            "next_update": format_time(self.next_update),
            "revoked": [{"certificate_fingerprint": f, "serial": s} for f, s in self.revoked],
            "removed": self.removal.to_json()["removed"] if self.removal else None,
            "serial": self.removal.serial if self.removal else None,
        }


def org_revoke(
    org_dir: Path,
    *,
    name: str | None = None,
    cert_path: Path | None = None,
    reason: str = "unspecified",
    next_update_days: int,
    ca_passphrase: bytes | None = None,
) -> Revocation:
    """Revoke a member's certificates (by name: all of them, and out of the trust file)
    or one certificate the CA issued (by file: one no longer in the trust file)."""
    if reason not in REASONS:
        raise UsageError(
            "org.bad_reason",
            "the reason must be one of: {reasons}",
            reasons=", ".join(sorted(REASONS)),
        )
    if (name is None) == (cert_path is None):
        raise UsageError("org.revoke_what", "give either --member NAME or --cert FILE")
    ca_cert, ca_key = load_ca_key(org_dir, ca_passphrase)
    trust = load_trust(org_dir / TRUST_NAME, org_dir / CA_NAME)
    current_crl(org_dir, ca_cert)  # a damaged list stops everything before any change
    removal = None
    if name is not None:
        member = trust.by_name(name)
        if member is None:
            raise UsageError(
                "org.no_such_member",
                "the organisation has no member named {name!r}; nothing was changed",
                name=" ".join(name.split()),
            )
        certs = list(member.certificates())
        removal = org_remove(
            org_dir, name, next_update_days=next_update_days, ca_passphrase=ca_passphrase
        )
    else:
        assert cert_path is not None
        try:
            cert = pki.load_certificate(read_limited(cert_path, 1024 * 1024))
        except (OSError, ValueError, PkiError):
            raise UsageError(
                "org.bad_certificate", "{path} is not a certificate", path=cert_path
            ) from None
        if cert.issuer != ca_cert.subject:
            raise UsageError(
                "org.not_our_certificate",
                "{path} was not issued by this organisation's CA; nothing was changed",
                path=cert_path,
            )
        if trust.member_for_any_certificate(cert) is not None:
            raise UsageError(
                "org.revoke_member_by_name",
                "that certificate belongs to a current member; revoke it with "
                "--member NAME, which also takes them out of the trust file",
            )
        certs = [cert]
    crl = publish_crl(org_dir, ca_cert, ca_key, [(c, reason) for c in certs], days=next_update_days)
    return Revocation(
        crl=org_dir / CRL_NAME,
        number=crl.number,
        next_update=crl.next_update,
        revoked=tuple((pki.fingerprint(c), c.serial_number) for c in certs),
        removal=removal,
    )
