"""The recovery part of the vault header, authenticated by its digest in the database.

The header's recovery block (the organisation's recipient and the envelope sealed to
it) is not under the passphrase wrap, so that it can be re-sealed while the vault is
unlocked without asking for the passphrase (the organisation rotates its recovery key;
the trust file names a new one). The database, which is authenticated, keeps the
digests of the recovery parts the vault wrote: a header whose recipient was swapped, or
whose envelope was removed, does not open.
"""

from __future__ import annotations

import hashlib
import json

from app.errors import VaultError
from app.vault.database import Connection
from app.vault.header import Header, Recovery

# The digests of the recovery parts this vault accepts in its header (the database is
# authenticated, the header's recovery block is not: a swapped recipient or a removed
# envelope is caught here). Two while a re-seal is between its two writes.
RECOVERY_MARK = "recovery_digest"


def recovery_digest(recovery: Recovery | None) -> str:
    if recovery is None:
        return "none"
    material = b"quietroom/recovery/v1\0" + recovery.recipient.encode("ascii") + b"\0"
    return hashlib.sha256(material + recovery.envelope).hexdigest()


def recovery_altered() -> VaultError:
    return VaultError(
        "vault.recovery_altered",
        "the vault header's recovery part was changed or removed outside Quietroom; "
        "restore the vault header from a backup",
    )


def mark_recovery(conn: Connection, *parts: Recovery | None) -> None:
    digests = json.dumps(sorted({recovery_digest(part) for part in parts}))
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (RECOVERY_MARK, digests))


def check_recovery(conn: Connection, header: Header) -> bool:
    """Refuse a header whose recovery part is not one this vault wrote. Only reads:
    returns whether the mark needs writing (`mark_recovery(conn, header.recovery)`), for
    a vault from before the mark (its header is taken as it stands) or a re-seal that
    was interrupted between its two writes."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (RECOVERY_MARK,)).fetchone()
    if row is None:
        return True
    accepted = json.loads(row[0])
    if recovery_digest(header.recovery) not in accepted:
        raise recovery_altered()
    return len(accepted) > 1
