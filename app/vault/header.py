"""The vault header: format version, KDF parameters and salt, keyring binding, wrapped keys.

It is small JSON, parsed strictly: anything unexpected is a damaged header, never a
guess. It holds only what unlocking needs; the wrapped keys are authenticated with the
rest of the header as associated data, so editing a parameter makes unlocking fail
instead of silently weakening the vault.

Version 2 wraps two keys under the key from the passphrase (and device secret): the
master key, which opens the database and which the recovery envelope also holds, and
the personal key, which seals the member's signing and authentication keys and age
identity inside the database and which nothing else holds. It also names the keyring
item the device secret is kept in, so a re-key can store a new secret beside the old
one. Version 1 (one wrapped key) is still read; unlocking upgrades it.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field, replace
from typing import Any

from app.errors import VaultError
from crypto.kdf import SALT_LEN, KdfParams
from crypto.wrap import ALG, NONCE_LEN

FORMAT = "quietroom-vault-header"
VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_HEADER_BYTES = 64 * 1024
RECOVERY_ALG = "age-x25519"


class HeaderError(VaultError):
    """The header is damaged or of a format this version does not know (exit code 3)."""


@dataclass(frozen=True)
class Wrapped:
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class Recovery:
    recipient: str
    envelope: bytes


@dataclass(frozen=True)
class Header:
    vault_id: str
    kdf: KdfParams
    salt: bytes
    keyring_backend: str | None
    secret_check: bytes | None
    passphrase_wrap: Wrapped
    recovery: Recovery | None = None
    version: int = VERSION
    # Version 2: the personal key's wrap, and the keyring item holding the device secret.
    personal_wrap: Wrapped | None = None
    keyring_item: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def keyring_bound(self) -> bool:
        return self.keyring_backend is not None

    @property
    def secret_item(self) -> str:
        """The keyring item the device secret is kept in (version 1: the vault id)."""
        return self.keyring_item or self.vault_id

    def associated_data(self, purpose: str = "master") -> bytes:
        """What a passphrase wrap authenticates: everything that shapes the KEK, and (from
        version 2) which key the wrap holds, so the two wraps cannot be swapped."""
        bound: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "kdf": _kdf_json(self.kdf, self.salt),
            "keyring": _keyring_json(self.keyring_backend, self.secret_check, self.keyring_item),
        }
        if self.version >= 2:
            bound["purpose"] = purpose
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("ascii")

    def with_wraps(self, master: Wrapped, personal: Wrapped) -> Header:
        return replace(self, passphrase_wrap=master, personal_wrap=personal)

    def with_recovery(self, recovery: Recovery | None) -> Header:
        return replace(self, recovery=recovery)

    def to_bytes(self) -> bytes:
        wrapped: dict[str, Any] = {"passphrase": _wrap_json(self.passphrase_wrap)}
        if self.personal_wrap is not None:
            wrapped["personal"] = _wrap_json(self.personal_wrap)
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "kdf": _kdf_json(self.kdf, self.salt),
            "keyring": _keyring_json(self.keyring_backend, self.secret_check, self.keyring_item),
            "wrapped": wrapped,
        }
        if self.recovery is not None:
            doc["wrapped"]["recovery"] = {
                "alg": RECOVERY_ALG,
                "recipient": self.recovery.recipient,
                "envelope": _b64(self.recovery.envelope),
            }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _wrap_json(wrap: Wrapped) -> dict[str, str]:
    return {"alg": ALG, "nonce": _b64(wrap.nonce), "ct": _b64(wrap.ciphertext)}


def _kdf_json(params: KdfParams, salt: bytes) -> dict[str, Any]:
    return {
        "name": params.name,
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": _b64(salt),
    }


def _keyring_json(
    backend: str | None, check: bytes | None, item: str | None = None
) -> dict[str, Any] | None:
    if backend is None:
        return None
    doc = {"backend": backend, "secret_check": _b64(check or b"")}
    if item is not None:
        doc["item"] = item
    return doc


# --- strict parsing -------------------------------------------------------------------


def header_damaged(detail: str) -> HeaderError:
    """A damaged header; `detail` says how, in a few English words."""
    return HeaderError(
        "vault.header_damaged",
        "the vault header is damaged ({detail}); restore the vault from a backup",
        detail=detail,
    )


def _obj(
    value: Any, where: str, keys: set[str], optional: frozenset[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise header_damaged(f"{where} is not an object")
    missing = keys - optional - value.keys()
    unknown = value.keys() - keys
    if missing:
        raise header_damaged(f"{where} lacks {sorted(missing)[0]}")
    if unknown:
        raise header_damaged(f"{where} has an unexpected field {sorted(unknown)[0]}")
    return value


def _int(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise header_damaged(f"{where} is not an integer")
    return value


def _str(value: Any, where: str, limit: int = 256) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise header_damaged(f"{where} is not a valid string")
    return value


def _bytes(value: Any, where: str, *, size: int | None = None, limit: int = 4096) -> bytes:
    text = _str(value, where, limit=limit * 2)
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise header_damaged(f"{where} is not base64") from None
    if size is not None and len(raw) != size:
        raise header_damaged(f"{where} has the wrong length")
    return raw


def parse_header(data: bytes) -> Header:
    if len(data) > MAX_HEADER_BYTES:
        raise header_damaged("it is too large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise header_damaged("it is not valid JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise HeaderError("vault.not_a_header", "this is not a Quietroom vault header")
    version = doc.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise HeaderError(
                "vault.newer_format",
                "this vault uses format version "
                "{version}, which this version of Quietroom does not know; "
                "update Quietroom to open it",
                version=version,
            )
        raise header_damaged("its version is not valid")
    _obj(doc, "header", {"format", "version", "vault_id", "kdf", "keyring", "wrapped"})
    vault_id = _str(doc["vault_id"], "vault_id", limit=64)
    if not all(c in "0123456789abcdef" for c in vault_id) or len(vault_id) != 32:
        raise header_damaged("vault_id is not valid")

    kdf = _obj(doc["kdf"], "kdf", {"name", "memory_kib", "iterations", "lanes", "salt"})
    params = KdfParams(
        memory_kib=_int(kdf["memory_kib"], "kdf.memory_kib"),
        iterations=_int(kdf["iterations"], "kdf.iterations"),
        lanes=_int(kdf["lanes"], "kdf.lanes"),
        name=_str(kdf["name"], "kdf.name"),
    )
    try:
        params.validate()
    except ValueError as exc:
        raise header_damaged(str(exc)) from None
    salt = _bytes(kdf["salt"], "kdf.salt", size=SALT_LEN)

    backend = check = item = None
    if doc["keyring"] is not None:
        ring_keys = {"backend", "secret_check"} | ({"item"} if version >= 2 else set())
        ring = _obj(doc["keyring"], "keyring", ring_keys, optional=frozenset({"item"}))
        backend = _str(ring["backend"], "keyring.backend")
        check = _bytes(ring["secret_check"], "keyring.secret_check", size=16)
        if "item" in ring:
            item = _str(ring["item"], "keyring.item", limit=64)
            if not all(c in "0123456789abcdef." for c in item):
                raise header_damaged("keyring.item is not valid")

    wrap_keys = {"passphrase", "recovery"} | ({"personal"} if version >= 2 else set())
    wrapped = _obj(doc["wrapped"], "wrapped", wrap_keys, optional=frozenset({"recovery"}))
    wrap = _parse_wrap(wrapped["passphrase"], "wrapped.passphrase")
    personal = _parse_wrap(wrapped["personal"], "wrapped.personal") if version >= 2 else None
    recovery = None
    if "recovery" in wrapped:
        rec = _obj(wrapped["recovery"], "wrapped.recovery", {"alg", "recipient", "envelope"})
        if rec["alg"] != RECOVERY_ALG:
            raise header_damaged("wrapped.recovery.alg is not supported")
        recipient = _str(rec["recipient"], "wrapped.recovery.recipient", limit=128)
        if not recipient.startswith("age1"):
            raise header_damaged("wrapped.recovery.recipient is not an age recipient")
        recovery = Recovery(
            recipient=recipient, envelope=_bytes(rec["envelope"], "wrapped.recovery.envelope")
        )
    return Header(
        vault_id=vault_id,
        kdf=params,
        salt=salt,
        keyring_backend=backend,
        secret_check=check,
        passphrase_wrap=wrap,
        recovery=recovery,
        version=version,
        personal_wrap=personal,
        keyring_item=item,
    )


def _parse_wrap(value: Any, where: str) -> Wrapped:
    obj = _obj(value, where, {"alg", "nonce", "ct"})
    if obj["alg"] != ALG:
        raise header_damaged(f"{where}.alg is not supported")
    return Wrapped(
        nonce=_bytes(obj["nonce"], f"{where}.nonce", size=NONCE_LEN),
        ciphertext=_bytes(obj["ct"], f"{where}.ct", size=48),
    )
