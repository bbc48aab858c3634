"""The organisation folder's revocation list file (`crl.der`): reading the current one
and writing the next (see app/org/revocation.py for what revokes what)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from app.errors import UsageError
from app.fsutil import atomic_write, read_limited
from app.org.trust import issue_times
from crypto.crl import MAX_CRL_BYTES, CrlInfo, Revoked, issue_crl, read_crl
from crypto.pki_errors import PkiError

CRL_NAME = "crl.der"


def empty_crl(
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    issued: datetime,
    next_update: datetime,
) -> bytes:
    """A new organisation's first list: number 1, nobody revoked."""
    return issue_crl(ca_cert, ca_key, [], number=1, this_update=issued, next_update=next_update)


def current_crl(org_dir: Path, ca_cert: x509.Certificate) -> CrlInfo | None:
    path = org_dir / CRL_NAME
    if not path.is_file():
        return None
    try:
        return read_crl(read_limited(path, MAX_CRL_BYTES), ca_cert)
    except (OSError, ValueError, PkiError) as exc:
        raise UsageError(
            "org.bad_crl",
            "{path} is not the organisation's revocation list ({reason}); nothing was changed",
            path=path,
            reason=str(exc),
        ) from None


def publish_crl(
    org_dir: Path,
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    add: Sequence[tuple[x509.Certificate, str]] = (),
    *,
    days: int,
    now: datetime | None = None,
) -> CrlInfo:
    """Write the next revocation list: the current one's entries and `add` (certificate,
    reason), numbered one higher."""
    current = current_crl(org_dir, ca_cert)
    issued, next_update = issue_times(days, now)
    entries = list(current.revoked) if current else []
    known = {e.serial for e in entries}
    for cert, reason in add:
        if cert.serial_number not in known:
            entries.append(Revoked(cert.serial_number, issued, reason))
            known.add(cert.serial_number)
    number = current.number + 1 if current else 1
    data = issue_crl(
        ca_cert, ca_key, entries, number=number, this_update=issued, next_update=next_update
    )
    atomic_write(org_dir / CRL_NAME, data)
    return read_crl(data, ca_cert)
