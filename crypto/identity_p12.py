"""A staff member's whole identity in one password-protected PKCS#12 (RFC 7292) file.

This module owns that file: up to eight labelled ECDSA P-256 key + certificate pairs
("signing", "authentication", "tls", "timestamp", …), optionally the member's age
identity (an X25519 key) and the organisation's CA certificates. `cryptography` puts
only one key in a PKCS#12, so the structure is built and parsed with asn1crypto; the
encryption and the PKCS#12 key derivation (RFC 7292 B.2) are in crypto/pbes2.py.

Layout (the shape OpenSSL 3 writes, so `openssl pkcs12` reads it):

    PFX v3, password integrity: HMAC-SHA256 over the AuthenticatedSafe, its key from
    the PKCS#12 KDF (SHA-256, 16-byte random salt, MAC_ITERATIONS rounds)
    AuthenticatedSafe
      1. encryptedData, PBES2 (PBKDF2-HMAC-SHA256, KEY_ITERATIONS, AES-256-CBC): a
         certBag per pair (friendlyName "<friendly_name> (<label>)", localKeyId), then
         the CA certificates. Certificates are public, but these name the member and
         their role: encrypted, the file does not say whose it is.
      2. data: a pkcs8ShroudedKeyBag per pair (friendlyName = label, localKeyId =
         SHA-256 of the certificate's DER), then the age identity as an X25519 key
         (friendlyName "age-identity"). Each is the key's PKCS#8 as a PBES2
         EncryptedPrivateKeyInfo: the certificates' salt, count and AES key, its own IV.

Costs. Whoever has the file tests guesses against its cheapest derivation, so none is
cheap. KEY_ITERATIONS = 600,000 rounds of PBKDF2-HMAC-SHA256 (OWASP's figure) make ONE
AES key per file for every key bag and the certificates: ~0.1 s, once per write and
once per read. (`cryptography`'s BestAvailableEncryption is not used for the keys: its
2,048 rounds cannot be raised.) The MAC's B.2 KDF runs in Python, ~0.4 µs a round, so
MAC_ITERATIONS = 800,000 is the most that stays within ~0.35 s on the development
machine; a round hashes one SHA-256 block where PBKDF2 hashes two, so for a guesser the
MAC costs about what PBKDF2 does at 400,000. PBMAC1 (RFC 9579), a MAC from PBKDF2,
would be as cheap for us as the keys, but OpenSSL reads it only from 3.4.

Reading also takes other tools' one-key files (OpenSSL, cryptography, browsers): SHA-1
to SHA-512 MACs, PBES2 with AES, and PKCS#12 triple-DES. Their key becomes "signing"
unless it is named with a known label or carries our localKeyId. The MAC is checked
before anything is decrypted; every failure is a CertificateError with one sentence.
PBES2 parts that share PRF, salt, count and key length cost one PBKDF2 run a read;
key bags in other schemes (triple-DES) are left to `cryptography`'s native code.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from asn1crypto import cms as acms
from asn1crypto import core
from asn1crypto import keys as akeys
from asn1crypto import pkcs12 as ap12
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from crypto import bech32, pbes2
from crypto.pbes2 import UNSUPPORTED, Opener, Sealer
from crypto.pki import check_key_matches, require_p256
from crypto.pki_errors import CertificateError

KNOWN_LABELS = ("signing", "authentication", "tls", "timestamp")
DEFAULT_LABEL = "signing"  # what the key of another tool's one-key file becomes
AGE_LABEL = "age-identity"
MAX_PAIRS = 8
MAX_CA_CERTIFICATES = 16
MAX_BAGS = 64
MAX_SAFES = 4  # we write two, as OpenSSL does
MAX_FILE = 1 << 20
MAX_FRIENDLY_NAME = 64
KEY_ITERATIONS = 600_000  # PBKDF2-HMAC-SHA256, for the key bags and the certificates
MAC_ITERATIONS = 800_000  # the PKCS#12 KDF with SHA-256: see "Costs" above
_LABEL = re.compile(r"[a-z][a-z0-9-]{0,31}")
# asn1crypto parses lazily, so any access may raise one of these on a malformed file.
_LIBRARY_ERRORS: tuple[type[Exception], ...] = (ValueError, TypeError, LookupError, ArithmeticError)
_LIBRARY_ERRORS += (RecursionError, AttributeError, NotImplementedError, UnsupportedAlgorithm)
_LIBRARY_ERRORS += (x509.InvalidVersion,)  # a certificate's version field: no ValueError

NOT_OPENED = "the PKCS#12 file could not be opened: wrong password, or not a PKCS#12 file"
NEEDS_PASSWORD = (
    "the PKCS#12 file could not be opened: it may need a password, or it is not a PKCS#12 file"
)
BAD_MAC = "the PKCS#12 file could not be opened: wrong password, or the file has been altered"
DAMAGED = "the PKCS#12 file is damaged or holds something that cannot be read"
CANNOT_DECRYPT = "part of the PKCS#12 file could not be decrypted with this password"
NO_MAC = "the PKCS#12 file has no integrity check (MAC), so it cannot be trusted"


@dataclass(frozen=True, eq=False)
class IdentityFile:
    """What one identity file holds; `pairs` maps a label to (certificate, key)."""

    pairs: dict[str, tuple[x509.Certificate, ec.EllipticCurvePrivateKey]]  # order kept
    age_identity: str | None  # "AGE-SECRET-KEY-1…" or None
    ca_certificates: tuple[x509.Certificate, ...]


@contextmanager
def _failing_as(message: str) -> Iterator[None]:
    """Turn any library error inside the block into CertificateError(message)."""
    try:
        yield
    except CertificateError:
        raise
    except _LIBRARY_ERRORS:
        raise CertificateError(message) from None


# --- writing -------------------------------------------------------------------------


def _attributes(friendly_name: str, local_key_id: bytes | None) -> ap12.Attributes:
    attrs = [ap12.Attribute({"type": "friendly_name", "values": [friendly_name]})]
    if local_key_id is not None:
        attrs.append(ap12.Attribute({"type": "local_key_id", "values": [local_key_id]}))
    return ap12.Attributes(attrs)


def _cert_bag(cert: x509.Certificate, attrs: ap12.Attributes | None) -> ap12.SafeBag:
    der = ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    bag = {"bag_id": "cert_bag", "bag_value": ap12.CertBag({"cert_id": "x509", "cert_value": der})}
    return ap12.SafeBag(bag if attrs is None else {**bag, "bag_attributes": attrs})


def _key_bag(key: PrivateKeyTypes, sealer: Sealer, attrs: ap12.Attributes) -> ap12.SafeBag:
    plain = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        alg, cipher_text = sealer.encrypt(plain)
    finally:
        del plain  # the unencrypted key: encrypted, then dropped, never kept or shown
    value = akeys.EncryptedPrivateKeyInfo(
        {"encryption_algorithm": alg, "encrypted_data": cipher_text}
    )
    return ap12.SafeBag(
        {"bag_id": "pkcs8_shrouded_key_bag", "bag_value": value, "bag_attributes": attrs}
    )


def _check_for_writing(identity: IdentityFile, password: bytes, friendly_name: str) -> None:
    if not isinstance(password, bytes) or not password:
        raise ValueError("an identity file needs a password")
    odd = any(not c.isprintable() or ord(c) > 0xFFFF for c in friendly_name)  # a BMPString
    if odd or not 1 <= len(friendly_name) <= MAX_FRIENDLY_NAME:
        raise ValueError(f"the friendly name must be 1 to {MAX_FRIENDLY_NAME} printable characters")
    if not 1 <= len(identity.pairs) <= MAX_PAIRS:
        raise ValueError(f"an identity file holds 1 to {MAX_PAIRS} key pairs")
    for label, (cert, key) in identity.pairs.items():
        if not isinstance(label, str) or not _LABEL.fullmatch(label) or label == AGE_LABEL:
            raise ValueError(f"{label!r} is not a usable label for a key pair")
        if not isinstance(cert, x509.Certificate):
            raise ValueError(f"the {label} pair has no certificate")
        check_key_matches(cert, require_p256(key))
    cas = identity.ca_certificates
    if len(cas) > MAX_CA_CERTIFICATES or not all(isinstance(c, x509.Certificate) for c in cas):
        raise ValueError(f"an identity file holds at most {MAX_CA_CERTIFICATES} CA certificates")


def write_identity_p12(identity: IdentityFile, password: bytes, *, friendly_name: str) -> bytes:
    """The identity as PKCS#12 bytes protected by `password`.

    `friendly_name` (say the member's name) is what key stores show for each
    certificate. ValueError for a bad label, name, password or age identity;
    CertificateError if a key is not P-256 or does not belong to its certificate.
    """
    _check_for_writing(identity, password, friendly_name)
    sealer = Sealer(password, KEY_ITERATIONS)  # the file's one PBKDF2 run
    cert_bags, key_bags = [], []
    for label, (cert, key) in identity.pairs.items():
        key_id = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).digest()
        cert_bags.append(_cert_bag(cert, _attributes(f"{friendly_name} ({label})", key_id)))
        key_bags.append(_key_bag(key, sealer, _attributes(label, key_id)))
    cert_bags.extend(_cert_bag(cert, None) for cert in identity.ca_certificates)
    if identity.age_identity is not None:
        raw = bech32.age_identity_bytes(identity.age_identity)
        age_key = x25519.X25519PrivateKey.from_private_bytes(raw)
        key_bags.append(_key_bag(age_key, sealer, _attributes(AGE_LABEL, None)))

    alg, cipher_text = sealer.encrypt(ap12.SafeContents(cert_bags).dump())
    del sealer  # the AES key of every part
    encrypted = {
        "content_type": "data",
        "content_encryption_algorithm": alg,
        "encrypted_content": cipher_text,
    }
    certs = acms.EncryptedData({"version": "v0", "encrypted_content_info": encrypted})
    keys = core.OctetString(ap12.SafeContents(key_bags).dump())
    auth_safe = ap12.AuthenticatedSafe(
        [
            acms.ContentInfo({"content_type": "encrypted_data", "content": certs}),
            acms.ContentInfo({"content_type": "data", "content": keys}),
        ]
    ).dump()

    salt, bmp = os.urandom(pbes2.SALT_LEN), pbes2.bmp_password(password)[0]
    mac_key = pbes2.pkcs12_kdf("sha256", bmp, salt, 3, MAC_ITERATIONS, 32)
    mac = {
        "digest_algorithm": {"algorithm": "sha256", "parameters": core.Null()},
        "digest": hmac.new(mac_key, auth_safe, "sha256").digest(),
    }
    pfx = ap12.Pfx(
        {
            "version": "v3",
            "auth_safe": {"content_type": "data", "content": core.OctetString(auth_safe)},
            "mac_data": {"mac": mac, "mac_salt": salt, "iterations": MAC_ITERATIONS},
        }
    ).dump()
    if len(pfx) > MAX_FILE:
        raise ValueError("the identity is too large for an identity file")
    return pfx


# --- reading -------------------------------------------------------------------------


def _open(data: bytes, password: bytes | None) -> bytes:
    """The AuthenticatedSafe of a PFX whose MAC verifies with `password`."""
    with _failing_as(NEEDS_PASSWORD if password is None else NOT_OPENED):
        pfx = ap12.Pfx.load(data, strict=True)
        if pfx["version"].native != "v3":
            raise ValueError("not a version 3 PFX")
        if pfx["auth_safe"]["content_type"].native != "data":  # public-key integrity
            raise CertificateError(UNSUPPORTED)
        auth_safe, mac_data = pfx["auth_safe"]["content"].native, pfx["mac_data"]
        if not isinstance(auth_safe, bytes):
            raise ValueError("no content")
        if not isinstance(mac_data, ap12.MacData):  # without one, anyone could swap keys in
            raise CertificateError(NO_MAC)
        hash_name = mac_data["mac"]["digest_algorithm"]["algorithm"].native
        if hash_name not in pbes2.HASHES:  # PBMAC1 (RFC 9579) too
            raise CertificateError(UNSUPPORTED)
        iterations = pbes2.check_iterations(mac_data["iterations"].native)
        salt, expected = mac_data["mac_salt"].native, mac_data["mac"]["digest"].native
    size = pbes2.HASHES[hash_name][0]().digest_size
    for secret in pbes2.bmp_password(password):
        key = pbes2.pkcs12_kdf(hash_name, secret, salt, 3, iterations, size)
        if hmac.compare_digest(hmac.new(key, auth_safe, hash_name).digest(), expected):
            return auth_safe
    raise CertificateError(NEEDS_PASSWORD if password is None else BAD_MAC)


def _bags(auth_safe: bytes, opener: Opener) -> list[ap12.SafeBag]:
    bags: list[ap12.SafeBag] = []
    safes = ap12.AuthenticatedSafe.load(auth_safe, strict=True)
    if len(safes) > MAX_SAFES:  # each may ask for pbes2.MAX_ITERATIONS rounds of a KDF
        raise CertificateError("the PKCS#12 file holds too many items")
    for info in safes:
        kind = info["content_type"].native
        if kind == "data":
            contents = info["content"].native
        elif kind == "encrypted_data":
            encrypted = info["content"]["encrypted_content_info"]
            with _failing_as(CANNOT_DECRYPT):
                alg = encrypted["content_encryption_algorithm"]
                contents = bytes(opener.decrypt(alg, encrypted["encrypted_content"].native))
        else:
            raise CertificateError(UNSUPPORTED)
        bags.extend(ap12.SafeContents.load(contents, strict=True))
        if len(bags) > MAX_BAGS:
            raise CertificateError("the PKCS#12 file holds too many items")
    return bags


def _bag_attributes(bag: ap12.SafeBag) -> tuple[str | None, bytes | None]:
    name = key_id = None
    attrs = bag["bag_attributes"]
    for attr in attrs if isinstance(attrs, ap12.Attributes) else []:
        kind = attr["type"].native
        if kind == "friendly_name" and name is None:
            name = attr["values"][0].native
        elif kind == "local_key_id" and key_id is None:
            key_id = attr["values"][0].native
    return name, key_id


def _private_key(bag: ap12.SafeBag, opener: Opener) -> object:
    value = bag["bag_value"]
    if bag["bag_id"].native == "key_bag":  # without the bag's [0] EXPLICIT wrapper:
        return serialization.load_der_private_key(value.untag().dump(), None)
    alg = value["encryption_algorithm"]
    pbes2.check_iterations(alg.kdf_iterations)
    with _failing_as(CANNOT_DECRYPT):
        if not pbes2.is_pbes2_aes(alg):  # triple-DES and the like: cryptography's native code
            der = value.untag().dump()
            return serialization.load_der_private_key(der, opener.password or None)
        plain = opener.decrypt(alg, value["encrypted_data"].native)
        try:
            return serialization.load_der_private_key(plain, None)
        finally:
            pbes2.wipe(plain)  # the unencrypted key, now parsed


def _label(name: str | None, key_id: bytes | None, cert_der: bytes, single: bool) -> str:
    # A name we wrote (localKeyId = SHA-256 of the certificate) or a known label is kept;
    # a lone key from another tool is the signing key, whatever that tool called it.
    ours = key_id == hashlib.sha256(cert_der).digest()
    if name and _LABEL.fullmatch(name) and (not single or ours or name in KNOWN_LABELS):
        return name
    if single:
        return DEFAULT_LABEL
    raise CertificateError("the PKCS#12 file holds several keys, and not all of them are labelled")


def _read(data: bytes, password: bytes | None) -> IdentityFile:
    opener = Opener(password)  # its PBKDF2 keys live as long as this read
    bags = _bags(_open(data, password), opener)
    certs: list[tuple[bytes | None, bytes, x509.Certificate]] = []  # (localKeyId, DER, cert)
    key_bags = []
    for bag in bags:
        kind = bag["bag_id"].native
        if kind == "cert_bag" and bag["bag_value"]["cert_id"].native == "x509":
            der = bytes(bag["bag_value"]["cert_value"])
            certs.append((_bag_attributes(bag)[1], der, x509.load_der_x509_certificate(der)))
        elif kind in ("key_bag", "pkcs8_shrouded_key_bag"):
            key_bags.append(bag)
    if len(key_bags) > MAX_PAIRS + 1:  # checked before any key is decrypted
        raise CertificateError(f"the PKCS#12 file holds more than {MAX_PAIRS} keys")

    age_identity: str | None = None
    found: list[tuple[str | None, bytes | None, int, ec.EllipticCurvePrivateKey]] = []
    used: set[int] = set()
    for bag in key_bags:
        name, key_id = _bag_attributes(bag)
        key = _private_key(bag, opener)
        if name == AGE_LABEL:
            if not isinstance(key, x25519.X25519PrivateKey) or age_identity is not None:
                raise CertificateError("the PKCS#12 file holds an unusable age identity")
            age_identity = bech32.age_identity_text(key.private_bytes_raw())
            continue
        key = require_p256(key)
        # Its certificate is the one with the same localKeyId, else the one with its key;
        # one not yet taken first, in case a pair is stored under two labels.
        public = key.public_key()
        matches = [i for i, (cert_id, _, _) in enumerate(certs) if key_id and cert_id == key_id]
        matches = matches or [i for i, (_, _, c) in enumerate(certs) if c.public_key() == public]
        if not matches:
            raise CertificateError("a private key in the PKCS#12 file has no certificate")
        index = next((i for i in matches if i not in used), matches[0])
        check_key_matches(certs[index][2], key)
        found.append((name, key_id, index, key))
        used.add(index)

    if not found:
        raise CertificateError("the PKCS#12 file holds no private key with its certificate")
    if len(found) > MAX_PAIRS:
        raise CertificateError(f"the PKCS#12 file holds more than {MAX_PAIRS} keys")
    pairs: dict[str, tuple[x509.Certificate, ec.EllipticCurvePrivateKey]] = {}
    for name, key_id, index, key in found:
        label = _label(name, key_id, certs[index][1], single=len(found) == 1)
        if label in pairs:
            raise CertificateError("the PKCS#12 file holds two keys with the same label")
        pairs[label] = (certs[index][2], key)
    cas = tuple(cert for i, (_, _, cert) in enumerate(certs) if i not in used)
    return IdentityFile(pairs=pairs, age_identity=age_identity, ca_certificates=cas)


def read_identity_p12(data: bytes, password: bytes | None) -> IdentityFile:
    """The identity in PKCS#12 `data` (ours, or another tool's one-key file).

    The MAC is verified before anything is decrypted. Raises CertificateError, with one
    sentence for a person, for every failure: wrong password, damage, unsupported
    protection, limits (1 MiB, 8 pairs), a key that is not P-256 or not its
    certificate's, duplicate labels, or no key at all.
    """
    if not isinstance(data, bytes | bytearray | memoryview) or (
        password is not None and not isinstance(password, bytes)
    ):
        raise CertificateError(NOT_OPENED)
    if len(data) > MAX_FILE:  # before parsing: an identity file is a few kilobytes
        raise CertificateError("the file is too large to be a PKCS#12 identity file")
    with _failing_as(DAMAGED):
        return _read(bytes(data), password)
