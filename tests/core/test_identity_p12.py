"""The one-file identity (crypto/identity_p12.py): several labelled P-256 pairs, the age
identity and CA certificates in one PKCS#12, plus the bech32 code behind age's texts.
tests/interop/test_identity_p12_openssl.py checks the same files with openssl."""

from __future__ import annotations

import os
import random
from typing import Any

import pyrage
import pytest
from asn1crypto import pkcs12 as ap12
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.serialization import pkcs12
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto import bech32, identity_p12, pbes2
from crypto.identity_p12 import IdentityFile, read_identity_p12, write_identity_p12
from crypto.pki_errors import CertificateError
from tests.core.p12_forge import (
    LABELS,
    PASSWORD,
    Pair,
    forge,
    labelled,
    member,
    pfx,
    self_signed,
)

# Fuzzed certificates may have a negative serial number, which cryptography warns about.
pytestmark = pytest.mark.filterwarnings("ignore::cryptography.utils.CryptographyDeprecationWarning")


def same_key(a: ec.EllipticCurvePrivateKey, b: ec.EllipticCurvePrivateKey) -> bool:
    return a.private_numbers() == b.private_numbers()


def assert_same(read: IdentityFile, written: IdentityFile) -> None:
    assert list(read.pairs) == list(written.pairs)  # insertion order kept
    for label, (cert, key) in written.pairs.items():
        assert read.pairs[label][0] == cert
        assert same_key(read.pairs[label][1], key)
    assert read.age_identity == written.age_identity
    assert read.ca_certificates == written.ca_certificates


# --- round trips ---------------------------------------------------------------------


def test_one_pair_round_trip(pairs: dict[str, Pair]) -> None:
    identity = IdentityFile({"signing": pairs["signing"]}, None, ())
    data = write_identity_p12(identity, PASSWORD, friendly_name="Interviewer One")
    assert_same(read_identity_p12(data, PASSWORD), identity)


@pytest.mark.parametrize("with_age", [False, True])
@pytest.mark.parametrize("with_ca", [False, True])
def test_four_pairs_round_trip(
    pairs: dict[str, Pair], ca: Pair, age_identity: str, with_age: bool, with_ca: bool
) -> None:
    ordered = {label: pairs[label] for label in reversed(LABELS)}
    identity = IdentityFile(
        ordered, age_identity if with_age else None, (ca[0],) if with_ca else ()
    )
    data = write_identity_p12(identity, PASSWORD, friendly_name="Interviewer One")
    assert_same(read_identity_p12(data, PASSWORD), identity)


def test_eight_custom_labels_and_an_age_identity(ca: Pair, age_identity: str) -> None:
    many = {f"device-{i}": member(ca) for i in range(identity_p12.MAX_PAIRS)}
    identity = IdentityFile(many, age_identity, (ca[0],))
    data = write_identity_p12(identity, "pässwörd ☂".encode(), friendly_name="Zoë Ó Briain")
    assert_same(read_identity_p12(data, "pässwörd ☂".encode()), identity)


def test_a_lone_custom_label_survives(ca: Pair) -> None:
    # Our localKeyId marks the name as a label we wrote, even for a one-pair file.
    identity = IdentityFile({"kiosk-2": member(ca)}, None, ())
    data = write_identity_p12(identity, PASSWORD, friendly_name="Kiosk")
    assert list(read_identity_p12(data, PASSWORD).pairs) == ["kiosk-2"]


def test_one_pair_under_two_labels(pairs: dict[str, Pair], ca: Pair) -> None:
    identity = IdentityFile({"signing": pairs["tls"], "tls": pairs["tls"]}, None, (ca[0],))
    data = write_identity_p12(identity, PASSWORD, friendly_name="x")
    assert_same(read_identity_p12(data, PASSWORD), identity)


# --- what the file costs a guesser, and what it costs us ------------------------------


def test_every_derivation_in_our_file_is_costly(written: bytes) -> None:
    pfx = ap12.Pfx.load(written)
    assert pfx["mac_data"]["iterations"].native >= 800_000
    assert pfx["mac_data"]["mac"]["digest_algorithm"]["algorithm"].native == "sha256"
    safes = ap12.AuthenticatedSafe.load(pfx["auth_safe"]["content"].native)
    assert [safe["content_type"].native for safe in safes] == ["encrypted_data", "data"]
    algorithms = [safes[0]["content"]["encrypted_content_info"]["content_encryption_algorithm"]]
    bags = ap12.SafeContents.load(safes[1]["content"].native)
    assert [bag["bag_id"].native for bag in bags] == ["pkcs8_shrouded_key_bag"] * 5
    algorithms += [bag["bag_value"]["encryption_algorithm"] for bag in bags]
    for alg in algorithms:
        assert alg["algorithm"].native == "pbes2" and alg.kdf == "pbkdf2"
        assert alg.kdf_hmac == "sha256" and alg.kdf_iterations >= 600_000
        assert alg.encryption_cipher == "aes" and alg.encryption_mode == "cbc"
        assert alg.key_length == 32 and len(alg.kdf_salt) == 16
    assert len({alg.kdf_salt for alg in algorithms}) == 1  # one derivation a file...
    assert len({alg.encryption_iv for alg in algorithms}) == len(algorithms)  # ...an IV each


def test_a_write_and_a_read_each_run_pbkdf2_once(
    pairs: dict[str, Pair], ca: Pair, age_identity: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[int] = []
    real = pbes2.pbkdf2

    def counted(hash_name: str, password: bytes, salt: bytes, rounds: int, size: int) -> bytes:
        runs.append(rounds)
        return real(hash_name, password, salt, rounds, size)

    monkeypatch.setattr(pbes2, "pbkdf2", counted)
    monkeypatch.setattr(identity_p12, "MAC_ITERATIONS", 1)  # not what is counted here
    identity = IdentityFile(dict(pairs), age_identity, (ca[0],))
    data = write_identity_p12(identity, PASSWORD, friendly_name="Interviewer One")
    assert runs == [identity_p12.KEY_ITERATIONS]
    assert_same(read_identity_p12(data, PASSWORD), identity)  # six parts, one key
    assert runs == [identity_p12.KEY_ITERATIONS] * 2
    # Parts under different salts (cryptography's) are each derived.
    runs.clear()
    read_identity_p12(
        forge(labelled(pairs["signing"], "signing") + labelled(pairs["tls"], "tls")), PASSWORD
    )
    assert len(runs) == 2


def test_decrypted_keys_are_wiped_once_parsed(
    written: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[bytearray] = []
    real = serialization.load_der_private_key

    def spy(data: Any, password: bytes | None, *args: Any, **kwargs: Any) -> Any:
        if isinstance(data, bytearray):
            handed.append(data)
        return real(data, password, *args, **kwargs)

    monkeypatch.setattr(serialization, "load_der_private_key", spy)
    read_identity_p12(written, PASSWORD)
    assert len(handed) == 5
    assert all(buffer and not any(buffer) for buffer in handed)  # zeros now


# --- refusals when writing -----------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["", "Signing", "1tls", "tls!", "a" * 33, "age-identity", "sign ing", "tls\n"]
)
def test_bad_labels_are_refused(pairs: dict[str, Pair], label: str) -> None:
    identity = IdentityFile({label: pairs["signing"]}, None, ())
    with pytest.raises(ValueError):
        write_identity_p12(identity, PASSWORD, friendly_name="x")


def test_other_bad_input_is_refused(pairs: dict[str, Pair], ca: Pair) -> None:
    good = IdentityFile({"signing": pairs["signing"]}, None, ())
    bad = [
        (good, b"", "x"),
        (good, PASSWORD, ""),
        (good, PASSWORD, "x" * 65),
        (good, PASSWORD, "tab\there"),
        (good, PASSWORD, "emoji \U0001f600"),
        (IdentityFile({}, None, ()), PASSWORD, "x"),
        (IdentityFile({f"k{i}": pairs["tls"] for i in range(9)}, None, ()), PASSWORD, "x"),
        (IdentityFile(good.pairs, "AGE-SECRET-KEY-1NOTREALLY", ()), PASSWORD, "x"),
        (IdentityFile(good.pairs, None, (ca[0],) * 17), PASSWORD, "x"),
    ]
    for identity, password, name in bad:
        with pytest.raises(ValueError):
            write_identity_p12(identity, password, friendly_name=name)


def test_keys_that_do_not_fit_are_refused_when_writing(pairs: dict[str, Pair]) -> None:
    swapped = IdentityFile({"signing": (pairs["signing"][0], pairs["tls"][1])}, None, ())
    p384_key = ec.generate_private_key(ec.SECP384R1())
    p384 = IdentityFile({"signing": (pairs["signing"][0], p384_key)}, None, ())
    for identity in (swapped, p384):
        with pytest.raises(CertificateError):
            write_identity_p12(identity, PASSWORD, friendly_name="x")


# --- refusals when reading -----------------------------------------------------------


@pytest.fixture(scope="module")
def written(pairs: dict[str, Pair], ca: Pair, age_identity: str) -> bytes:
    identity = IdentityFile(dict(pairs), age_identity, (ca[0],))
    return write_identity_p12(identity, PASSWORD, friendly_name="Interviewer One")


def test_wrong_or_missing_password(written: bytes) -> None:
    with pytest.raises(CertificateError, match="wrong password"):
        read_identity_p12(written, b"not the password")
    with pytest.raises(CertificateError, match="may need a password"):
        read_identity_p12(written, None)


def test_nothing_is_decrypted_before_the_mac_verifies(
    written: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*_args: object) -> None:
        raise AssertionError("decrypted before the MAC was checked")

    monkeypatch.setattr(pbes2.Opener, "decrypt", forbidden)
    monkeypatch.setattr(pbes2, "pbkdf2", forbidden)
    monkeypatch.setattr(identity_p12, "_private_key", forbidden)
    with pytest.raises(CertificateError, match="wrong password"):
        read_identity_p12(written, b"not the password")


def test_a_changed_byte_fails_the_mac(written: bytes) -> None:
    for position in (len(written) // 3, len(written) // 2, len(written) - 40):
        tampered = bytearray(written)
        tampered[position] ^= 0x01
        with pytest.raises(CertificateError) as raised:
            read_identity_p12(bytes(tampered), PASSWORD)
        assert str(raised.value) == identity_p12.BAD_MAC


def test_garbage_and_truncation(written: bytes) -> None:
    for data in (b"", b"\x30", b"hello", b"\x30\x80" * 1000, written[:100], written[:-1]):
        with pytest.raises(CertificateError):
            read_identity_p12(data, PASSWORD)
    with pytest.raises(CertificateError, match="too large"):
        read_identity_p12(b"\x30" + bytes(identity_p12.MAX_FILE), PASSWORD)
    with pytest.raises(CertificateError):
        read_identity_p12("not bytes", PASSWORD)  # type: ignore[arg-type]


def test_messages_hold_no_library_text(written: bytes) -> None:
    for data in (written[:-1], written + b"\0", b"\x30\x03\x02\x01\x03"):
        with pytest.raises(CertificateError) as raised:
            read_identity_p12(data, PASSWORD)
        message = str(raised.value)
        assert message.startswith("the ") and "\n" not in message and "asn1" not in message
        assert raised.value.__cause__ is None and raised.value.__suppress_context__


# --- other tools' one-key files ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "label"), [(b"Interviewer One", "signing"), (None, "signing"), (b"tls", "tls")]
)
def test_a_cryptography_pkcs12_reads_as_one_pair(
    pairs: dict[str, Pair], ca: Pair, name: bytes | None, label: str
) -> None:
    cert, key = pairs["signing"]
    encryption = serialization.BestAvailableEncryption(PASSWORD)
    data = pkcs12.serialize_key_and_certificates(name, key, cert, [ca[0]], encryption)
    read = read_identity_p12(data, PASSWORD)
    assert list(read.pairs) == [label] and read.pairs[label][0] == cert
    assert same_key(read.pairs[label][1], key)
    assert read.ca_certificates == (ca[0],) and read.age_identity is None


def test_legacy_triple_des_and_sha1_mac(pairs: dict[str, Pair]) -> None:
    cert, key = pairs["signing"]
    legacy = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(2048)
        .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
        .hmac_hash(hashes.SHA1())
        .build(PASSWORD)
    )
    data = pkcs12.serialize_key_and_certificates(b"old", key, cert, None, legacy)
    assert same_key(read_identity_p12(data, PASSWORD).pairs["signing"][1], key)
    with pytest.raises(CertificateError, match="wrong password"):
        read_identity_p12(data, b"wrong")


def test_unencrypted_pkcs12_without_a_password(pairs: dict[str, Pair]) -> None:
    cert, key = pairs["signing"]
    data = pkcs12.serialize_key_and_certificates(
        b"x", key, cert, None, serialization.NoEncryption()
    )
    assert same_key(read_identity_p12(data, None).pairs["signing"][1], key)


def test_a_foreign_non_p256_key_is_refused() -> None:
    key = ec.generate_private_key(ec.SECP384R1())
    encryption = serialization.BestAvailableEncryption(PASSWORD)
    data = pkcs12.serialize_key_and_certificates(b"x", key, self_signed(key), None, encryption)
    with pytest.raises(CertificateError, match="only ECDSA P-256"):
        read_identity_p12(data, PASSWORD)


# --- fuzzing -------------------------------------------------------------------------


def read_or_refuse(data: bytes, password: bytes | None = PASSWORD) -> None:
    try:
        read_identity_p12(data, password)
    except CertificateError as exc:
        assert str(exc) and "\n" not in str(exc)


@pytest.fixture(scope="module")
def cheap(pairs: dict[str, Pair], ca: Pair, age_identity: str) -> bytes:
    """A full identity file whose MAC and PBKDF2 take one round, so a few hundred
    mutations stay quick."""
    identity = IdentityFile(dict(pairs), age_identity, (ca[0],))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(identity_p12, "MAC_ITERATIONS", 1)
        patch.setattr(identity_p12, "KEY_ITERATIONS", 1)
        return write_identity_p12(identity, PASSWORD, friendly_name="Interviewer One")


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes(data: bytes) -> None:
    read_or_refuse(data)
    read_or_refuse(b"\x30\x82" + data, None)


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            break
        kind, at = rng.randrange(4), rng.randrange(len(out))
        if kind == 0:
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            out[at] = rng.choice((0x00, 0x30, 0x80, 0x81, 0x82, 0xFF))
        elif kind == 2:
            del out[at : at + rng.randint(1, 16)]
        else:
            del out[at:]
    return bytes(out)


@FUZZ
@given(st.randoms(use_true_random=False))
def test_mutations_of_a_valid_file(cheap: bytes, rng: random.Random) -> None:
    read_or_refuse(mutate(cheap, rng))


@FUZZ
@given(st.randoms(use_true_random=False))
def test_mutations_under_a_valid_mac(cheap: bytes, rng: random.Random) -> None:
    # Re-MACed, so the parser behind the MAC check sees the damage too.
    auth_safe = ap12.Pfx.load(cheap)["auth_safe"]["content"].native
    read_or_refuse(pfx(mutate(auth_safe, rng)))


def test_the_cheap_file_is_valid(cheap: bytes) -> None:
    assert len(read_identity_p12(cheap, PASSWORD).pairs) == 4


# --- the PKCS#12 KDF -----------------------------------------------------------------


def test_pkcs12_kdf_known_answers() -> None:
    kdf = pbes2.pkcs12_kdf
    # OpenSSL's test/recipes/30-test_evp_data/evpkdf_pkcs12.txt ("smeg", SHA-1, ID 1).
    smeg = pbes2.bmp_password(b"smeg")[0]
    salt = bytes.fromhex("0A58CF64530D823F")
    expected = "8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3"
    assert kdf("sha1", smeg, salt, 1, 1, 24).hex() == expected
    # Checked with `openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt id:3 ... PKCS12KDF`.
    pw = pbes2.bmp_password("pässwörd".encode())[0]
    salt = bytes.fromhex("00112233445566778899aabbccddeeff")
    expected = "415f7f259c7cbe8c119eef88a8f9862ddc948d3d65085e0fb84c9656e6cc2d49"
    assert kdf("sha256", pw, salt, 3, 1000, 32).hex() == expected


def test_bmp_password_forms() -> None:
    assert pbes2.bmp_password(b"ab") == [b"\0a\0b\0\0"]
    assert pbes2.bmp_password(b"\xff") == [b"\0\xff\0\0"]  # not UTF-8: byte by byte
    assert pbes2.bmp_password(None) == pbes2.bmp_password(b"") == [b"", b"\0\0"]


# --- bech32 and age ------------------------------------------------------------------

BIP173_VALID = [
    "A12UEL5L",
    "a12uel5l",
    "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
    "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    "11" + "q" * 82 + "c8247j",  # 90 characters, the limit
    "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
    "?1ezyfcl",
]
BIP173_INVALID = [
    "\x201nwldj5",  # HRP character out of range
    "\x7f1axkwrx",
    "\x801eym55h",
    "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
    "pzry9x0s0muk",  # no separator
    "1pzry9x0s0muk",  # empty HRP
    "x1b4n0q5v",  # invalid data character
    "li1dgmt3",  # too short checksum
    "de1lg7wt\xff",  # invalid character in checksum
    "A1G7SGD8",  # checksum calculated with upper-case HRP
    "10a06t8",  # empty HRP
    "1qzzfhee",
]


@pytest.mark.parametrize("text", BIP173_VALID)
def test_bip173_valid_strings(text: str) -> None:
    hrp, data = bech32.bech32_decode(text)
    assert bech32.bech32_encode(hrp, data) == text.lower()


@pytest.mark.parametrize("text", BIP173_INVALID)
def test_bip173_invalid_strings(text: str) -> None:
    with pytest.raises(ValueError):
        bech32.bech32_decode(text)


@pytest.mark.parametrize(
    ("address", "program"),
    [
        ("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "751e76e8199196d454941c45d1b3a323f1433bd6"),
        ("bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj", "751e76e8199196d454941c45d1b3a323"),
        (
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
            "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
        ),
    ],
)
def test_bip173_segwit_programs(address: str, program: str) -> None:
    hrp, data = bech32.bech32_decode(address)
    assert bytes(bech32.convert_bits(data[1:], 5, 8, pad=False)).hex() == program
    regrouped = bech32.convert_bits(bytes.fromhex(program), 8, 5, pad=True)
    assert bech32.bech32_encode(hrp, [data[0], *regrouped]) == address.lower()


@pytest.mark.parametrize(
    "address",
    [
        "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",  # more than 4 bits of padding
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv",  # non-zero padding
    ],
)
def test_bip173_bad_padding(address: str) -> None:
    _, data = bech32.bech32_decode(address)
    with pytest.raises(ValueError):
        bech32.convert_bits(data[1:], 5, 8, pad=False)


def test_bech32_byte_round_trip() -> None:
    for size in (0, 1, 5, 31, 32, 33):
        payload = os.urandom(size)
        text = bech32.encode("age", payload, limit=None)
        assert bech32.decode(text, limit=None) == ("age", payload)
    with pytest.raises(ValueError):
        bech32.encode("age", bytes(60))  # over BIP-173's 90 characters
    with pytest.raises(ValueError):
        bech32.decode("age1" + "q" * 100)


@pytest.mark.parametrize("_round", range(5))
def test_age_texts_agree_with_pyrage(_round: int) -> None:
    identity = pyrage.x25519.Identity.generate()
    secret = bech32.age_identity_bytes(str(identity))
    assert bech32.age_identity_text(secret) == str(identity)
    assert str(pyrage.x25519.Identity.from_str(bech32.age_identity_text(secret))) == str(identity)
    public = x25519.X25519PrivateKey.from_private_bytes(secret).public_key().public_bytes_raw()
    assert bech32.age_recipient_text(public) == str(identity.to_public())


def test_age_identity_survives_the_file_and_pyrage_decrypts(pairs: dict[str, Pair]) -> None:
    identity = pyrage.x25519.Identity.generate()
    sealed = pyrage.encrypt(b"statement", [identity.to_public()])
    written = IdentityFile({"signing": pairs["signing"]}, str(identity), ())
    data = write_identity_p12(written, PASSWORD, friendly_name="x")
    text = read_identity_p12(data, PASSWORD).age_identity
    assert text is not None
    assert pyrage.decrypt(sealed, [pyrage.x25519.Identity.from_str(text)]) == b"statement"


def test_bad_age_texts() -> None:
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    short = "AGE-SECRET-KEY-1QQQQQQ"
    for text in (recipient, "AGE-SECRET-KEY-1", short, "age-secret-key-1" + "Q" * 58):
        with pytest.raises(ValueError):
            bech32.age_identity_bytes(text)
