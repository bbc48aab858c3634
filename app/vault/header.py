"""The vault header: format version, KDF parameters and salt, keyring binding, wrapped keys.

It is small JSON, parsed strictly: anything unexpected is a damaged header, never a
guess. It holds only what unlocking needs; the wrapped keys are authenticated with the
rest of the header as associated data, so editing a parameter makes unlocking fail
instead of silently weakening the vault.
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
VERSION = 1
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
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def keyring_bound(self) -> bool:
        return self.keyring_backend is not None

    def associated_data(self) -> bytes:
        """What the passphrase wrap authenticates: everything that shapes the KEK."""
        bound = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "kdf": _kdf_json(self.kdf, self.salt),
            "keyring": _keyring_json(self.keyring_backend, self.secret_check),
        }
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("ascii")

    def with_passphrase_wrap(
        self, salt: bytes, wrap: Wrapped, *, keyring_backend: str | None, secret_check: bytes | None
    ) -> Header:
        return replace(
            self,
            salt=salt,
            passphrase_wrap=wrap,
            keyring_backend=keyring_backend,
            secret_check=secret_check,
        )

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "kdf": _kdf_json(self.kdf, self.salt),
            "keyring": _keyring_json(self.keyring_backend, self.secret_check),
            "wrapped": {
                "passphrase": {
                    "alg": ALG,
                    "nonce": _b64(self.passphrase_wrap.nonce),
                    "ct": _b64(self.passphrase_wrap.ciphertext),
                },
            },
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


def _kdf_json(params: KdfParams, salt: bytes) -> dict[str, Any]:
    return {
        "name": params.name,
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": _b64(salt),
    }


def _keyring_json(backend: str | None, check: bytes | None) -> dict[str, Any] | None:
    if backend is None:
        return None
    return {"backend": backend, "secret_check": _b64(check or b"")}


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
    if version != VERSION:
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

    backend = check = None
    if doc["keyring"] is not None:
        ring = _obj(doc["keyring"], "keyring", {"backend", "secret_check"})
        backend = _str(ring["backend"], "keyring.backend")
        check = _bytes(ring["secret_check"], "keyring.secret_check", size=16)

    wrapped = _obj(
        doc["wrapped"], "wrapped", {"passphrase", "recovery"}, optional=frozenset({"recovery"})
    )
    pw = _obj(wrapped["passphrase"], "wrapped.passphrase", {"alg", "nonce", "ct"})
    if pw["alg"] != ALG:
        raise header_damaged("wrapped.passphrase.alg is not supported")
    wrap = Wrapped(
        nonce=_bytes(pw["nonce"], "wrapped.passphrase.nonce", size=NONCE_LEN),
        ciphertext=_bytes(pw["ct"], "wrapped.passphrase.ct", size=48),
    )
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
    )
