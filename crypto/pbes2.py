"""Password-based encryption inside the PKCS#12 identity file (crypto/identity_p12.py).

Writing, `Sealer` derives ONE AES-256 key per file with PBKDF2-HMAC-SHA256 and encrypts
each part (every key bag, the certificate safe) under it with its own random IV, as PBES2
(RFC 8018) whose parameters all carry the same salt and count: one costly derivation,
and a guesser still pays it in full for every password tried.

Reading, `Opener` decrypts PBES2 with PBKDF2 (SHA-1 to SHA-512) and AES-CBC, and the
PKCS#12 triple-DES scheme of older tools through the PKCS#12 key derivation (RFC 7292
B.2, written here because no library offers it). It keeps the PBKDF2 keys it derives
for the one read, so the parts of our file cost one PBKDF2 run, not one each. Every
count is checked against MAX_ITERATIONS before any work.

Plaintexts come back in a bytearray that the caller wipes once parsed; the writer's
plaintext is encrypted without a padded copy. Nothing here logs or keeps a plaintext.
"""

from __future__ import annotations

import hashlib
import os
from itertools import repeat

from asn1crypto import algos, core
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import BlockCipherAlgorithm, Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from crypto.pki_errors import CertificateError

# A hostile file must not buy minutes of CPU: the B.2 KDF here is Python, ~0.5 µs a round.
MAX_ITERATIONS = 10_000_000
SALT_LEN = 16
UNSUPPORTED = "the PKCS#12 file is protected in a way that is not supported"
# asn1crypto name -> (hashlib constructor, cryptography algorithm), for MACs and PBKDF2.
_HASH_NAMES = ("sha1", "sha224", "sha256", "sha384", "sha512")
HASHES = {n: (getattr(hashlib, n), getattr(hashes, n.upper())) for n in _HASH_NAMES}


def pkcs12_kdf(
    hash_name: str, password: bytes, salt: bytes, purpose: int, iterations: int, length: int
) -> bytes:
    """RFC 7292 appendix B.2. `password` is already a BMPString with its two-zero
    terminator (or b"" for "no password"); purpose 1 = key, 2 = IV, 3 = MAC key."""
    new = HASHES[hash_name][0]
    v = new().block_size

    def fill(value: bytes) -> bytes:  # `value` repeated to a whole number of v-byte blocks
        size = v * -(-len(value) // v)
        return (value * (size // len(value) + 1))[:size] if value else b""

    diversifier = bytes([purpose]) * v
    block_i = bytearray(fill(salt) + fill(password))
    out = b""
    while True:
        a = new(diversifier + block_i).digest()
        for _ in repeat(None, iterations - 1):  # the hot loop: nothing else in it
            a = new(a).digest()
        out += a
        if len(out) >= length:
            return out[:length]
        b = int.from_bytes(fill(a), "big") + 1
        for j in range(0, len(block_i), v):
            total = (int.from_bytes(block_i[j : j + v], "big") + b) % (1 << (8 * v))
            block_i[j : j + v] = total.to_bytes(v, "big")


def bmp_password(password: bytes | None) -> list[bytes]:
    """The BMPString forms (with terminator) a MAC may have used for `password`.

    As OpenSSL: UTF-8 becomes UTF-16BE, other bytes are taken one by one. "No password"
    is an empty string to some tools and a lone terminator to others: both are tried.
    """
    if not password:
        return [b"", b"\0\0"]
    try:
        text = password.decode("utf-8")
    except UnicodeDecodeError:
        text = password.decode("latin-1")
    return [text.encode("utf-16-be") + b"\0\0"]


def check_iterations(count: object) -> int:
    if not isinstance(count, int) or not 1 <= count <= MAX_ITERATIONS:
        raise CertificateError(UNSUPPORTED)
    return count


def pbkdf2(hash_name: str, password: bytes, salt: bytes, iterations: int, length: int) -> bytes:
    """PBKDF2-HMAC (RFC 8018): every PBKDF2 key, written or read, comes from here."""
    return PBKDF2HMAC(HASHES[hash_name][1](), length, salt, iterations).derive(password)


def is_pbes2_aes(alg: algos.EncryptionAlgorithm) -> bool:
    """Whether `alg` is PBES2 with PBKDF2 (a known PRF) and AES-CBC: what Opener caches."""
    return (
        alg["algorithm"].native == "pbes2"
        and alg.kdf == "pbkdf2"
        and alg.kdf_hmac in HASHES
        and alg.encryption_cipher == "aes"
        and alg.encryption_mode == "cbc"
    )


class Sealer:
    """One file's encryption: a single PBKDF2-HMAC-SHA256 key, a fresh IV per part."""

    def __init__(self, password: bytes, iterations: int) -> None:
        self._salt, self._iterations = os.urandom(SALT_LEN), iterations
        self._key = pbkdf2("sha256", password, self._salt, iterations, 32)

    def encrypt(self, plain: bytes) -> tuple[algos.EncryptionAlgorithm, bytes]:
        """AES-256-CBC with PKCS#7 padding, and the PBES2 parameters that describe it."""
        iv = os.urandom(16)
        encryptor = Cipher(algorithms.AES(self._key), modes.CBC(iv)).encryptor()
        pad = 16 - len(plain) % 16  # fed after the plaintext: no padded copy of it is made
        cipher_text = encryptor.update(plain) + encryptor.update(bytes([pad]) * pad)
        kdf = {
            "salt": algos.Pbkdf2Salt(name="specified", value=self._salt),
            "iteration_count": self._iterations,
            "prf": {"algorithm": "sha256", "parameters": core.Null()},
        }
        params = {
            "key_derivation_func": {"algorithm": "pbkdf2", "parameters": kdf},
            "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv},
        }
        algorithm = algos.EncryptionAlgorithm({"algorithm": "pbes2", "parameters": params})
        return algorithm, cipher_text + encryptor.finalize()


class Opener:
    """Decryption for one read with `password`. A PBKDF2 key is derived once for each
    (PRF, salt, count, key length) the file names, and forgotten with the Opener."""

    def __init__(self, password: bytes | None) -> None:
        self.password = password
        self._keys: dict[tuple[str, bytes, int, int], bytes] = {}

    def _pbkdf2_key(self, alg: algos.EncryptionAlgorithm, iterations: int) -> bytes:
        params = prf, salt, _, length = alg.kdf_hmac, alg.kdf_salt, iterations, alg.key_length
        if params not in self._keys:
            self._keys[params] = pbkdf2(prf, self.password or b"", salt, iterations, length)
        return self._keys[params]

    def decrypt(self, alg: algos.EncryptionAlgorithm, cipher_text: bytes) -> bytearray:
        """The plaintext, in a bytearray for the caller to wipe. CertificateError for
        an unsupported scheme or count; library errors for a wrong key or damage."""
        iterations = check_iterations(alg.kdf_iterations)
        cipher: BlockCipherAlgorithm
        if is_pbes2_aes(alg):
            cipher, iv = algorithms.AES(self._pbkdf2_key(alg, iterations)), alg.encryption_iv
        elif alg["algorithm"].native == "pkcs12_sha1_tripledes_3key":  # older tools' default
            secret, salt = bmp_password(self.password)[-1], alg.kdf_salt
            cipher = TripleDES(pkcs12_kdf("sha1", secret, salt, 1, iterations, 24))
            iv = pkcs12_kdf("sha1", secret, salt, 2, iterations, 8)
        else:  # RC2, RC4 and the like: cryptography cannot decrypt them
            raise CertificateError(UNSUPPORTED)
        decryptor = Cipher(cipher, modes.CBC(iv)).decryptor()
        block = cipher.block_size // 8
        plain = bytearray(len(cipher_text) + block)
        try:
            size = decryptor.update_into(cipher_text, plain)
            decryptor.finalize()  # ValueError unless whole blocks
            pad = plain[size - 1] if size else 0
            if not 1 <= pad <= block or plain[size - pad : size] != bytes([pad]) * pad:
                raise ValueError("bad padding: wrong key, or damaged")
        except BaseException:
            wipe(plain)
            raise
        del plain[size - pad :]  # in place: CPython moves a bytearray only if it halves
        return plain


def wipe(buffer: bytearray) -> None:
    """Overwrite `buffer` with zeros, in place."""
    buffer[:] = bytes(len(buffer))
