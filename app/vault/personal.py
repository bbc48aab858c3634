"""The member's own secrets inside the vault, sealed under the personal key.

The identity table keeps the member's signing key, authentication key and age identity.
The database itself is encrypted under a key from the master key, and the master key is
also sealed to the organisation's recovery recipient; so these three are sealed once
more, under the personal key, which only the passphrase (and device secret) unwraps
(app/vault/header.py). Whoever holds the recovery identity can restore a member's case
data, but never sign or decrypt as the member.

Vaults from before the personal key hold these in the clear inside the database; the
first unlock with the passphrase seals them (`seal_legacy`). Recovery, which has no
personal key, withholds them (`withhold`): the member imports their identity again.
"""

from __future__ import annotations

from app.errors import UsageError
from app.vault.database import Connection
from crypto import sealed
from crypto.errors import UnwrapError
from crypto.kdf import hkdf
from crypto.secret import SecretKey

# The identity table's columns that hold a secret, by the label that seals each.
SECRET_COLUMNS = {"key_pem": "signing-key", "auth_key_pem": "auth-key", "age_identity": "age"}
WITHHELD = b"qp1:withheld"


def unavailable() -> UsageError:
    return UsageError(
        "identity.withheld",
        "your signing identity cannot be opened in this vault: it was recovered or "
        "restored with the organisation's recovery identity, which never gives access to "
        "it; import your identity again ('identity import') before you sign or export",
    )


def _aad(vault_id: str, label: str) -> bytes:
    return f"quietroom/personal/v1/{vault_id}/{label}".encode("ascii")


def _sealing_key(personal: SecretKey) -> SecretKey:
    return hkdf(personal.value, salt=None, info=b"quietroom/personal-seal/v1")


def seal(personal: SecretKey, vault_id: str, label: str, data: bytes | bytearray) -> bytes:
    with _sealing_key(personal) as key:
        return sealed.seal(key, data, _aad(vault_id, label))


def open_sealed(
    personal: SecretKey | None, vault_id: str, label: str, token: bytes | str
) -> bytearray:
    """The secret `token` holds; a withheld, foreign or altered one is `unavailable`."""
    raw = token.encode("ascii", "replace") if isinstance(token, str) else bytes(token)
    if personal is None or raw == WITHHELD or not sealed.is_token(raw):
        raise unavailable()
    with _sealing_key(personal) as key:
        try:
            return sealed.open_token(key, raw, _aad(vault_id, label))
        except UnwrapError:
            raise unavailable() from None


def _rows(conn: Connection) -> list[tuple[str, str, bytes | str]]:
    row = conn.execute(
        "SELECT key_pem, auth_key_pem, age_identity FROM identity WHERE id = 1"
    ).fetchone()
    if row is None:
        return []
    return [
        (column, label, value)
        for (column, label), value in zip(SECRET_COLUMNS.items(), row, strict=True)
        if value is not None
    ]


def _stored(column: str, token: bytes) -> bytes | str:
    # age_identity is a TEXT column; the token is ASCII either way.
    return token.decode("ascii") if column == "age_identity" else token


def _as_bytes(value: bytes | str) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def any_in_the_clear(conn: Connection) -> bool:
    """Whether a secret is still held in the clear (reads only)."""
    return any(not sealed.is_token(_as_bytes(value)) for _c, _l, value in _rows(conn))


def seal_legacy(conn: Connection, personal: SecretKey, vault_id: str) -> int:
    """Seal any secret still held in the clear (a vault from before the personal key);
    returns how many were sealed. Runs inside the caller's transaction; secure_delete
    zeroes the pages that held the clear text."""
    count = 0
    for column, label, value in _rows(conn):
        raw = _as_bytes(value)
        if sealed.is_token(raw):
            continue
        token = seal(personal, vault_id, label, raw)
        conn.execute(f"UPDATE identity SET {column} = ? WHERE id = 1", (_stored(column, token),))
        count += 1
    return count


def withhold(conn: Connection) -> bool:
    """Replace every secret with the withheld mark (recovery: the personal key is not
    there to open them, and a secret in the clear must not reach whoever recovered)."""
    rows = _rows(conn)
    for column, _label, _value in rows:
        conn.execute(f"UPDATE identity SET {column} = ? WHERE id = 1", (_stored(column, WITHHELD),))
    return bool(rows)
