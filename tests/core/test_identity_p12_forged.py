"""identity.p12 files forged with a valid MAC (crypto/identity_p12.py): every structure
the reader must refuse though the password is right, each with one clear error; and the
most a file may hold. Split from test_identity_p12.py; the forger is in p12_forge.py."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from asn1crypto import core
from asn1crypto import pkcs12 as ap12
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, x25519

from crypto import bech32
from crypto.identity_p12 import read_identity_p12
from crypto.pki_errors import CertificateError
from tests.core.p12_forge import (
    PASSWORD,
    Pair,
    cert_bag,
    costly_safes,
    der,
    forge,
    key_bag,
    labelled,
    member,
    pfx,
    self_signed,
)

pytestmark = pytest.mark.filterwarnings("ignore::cryptography.utils.CryptographyDeprecationWarning")


def test_forgery_helper_makes_readable_files(pairs: dict[str, Pair]) -> None:
    read = read_identity_p12(forge(labelled(pairs["tls"], "tls")), PASSWORD)
    assert list(read.pairs) == ["tls"]


def refusals(pairs: dict[str, Pair], ca: Pair) -> Iterator[tuple[str, bytes]]:
    signing, tls = pairs["signing"], pairs["tls"]
    yield "same label", forge(labelled(signing, "signing") + labelled(tls, "signing"))
    yield "not all of them are labelled", forge(labelled(signing, None) + labelled(tls, None))
    their_id = hashlib.sha256(der(signing[0])).digest()
    swapped = [cert_bag(signing[0], their_id), key_bag(tls[1], "tls", their_id)]
    yield "does not belong", forge(swapped)
    yield "has no certificate", forge([cert_bag(signing[0]), key_bag(tls[1], "tls", None)])
    yield "no private key", forge([cert_bag(signing[0]), cert_bag(ca[0])])
    yield "no private key", forge([])
    for key in (ec.generate_private_key(ec.SECP384R1()), ed25519.Ed25519PrivateKey.generate()):
        yield "only ECDSA P-256", forge([cert_bag(self_signed(key)), key_bag(key, None, None)])
    yield "age identity", forge([*labelled(signing, None), key_bag(tls[1], "age-identity", None)])
    two_ages = [key_bag(x25519.X25519PrivateKey.generate(), "age-identity", None)] * 2
    yield "age identity", forge(labelled(signing, None) + two_ages)
    nine = [bag for i in range(9) for bag in labelled(member(ca), f"k{i}")]
    yield "more than 8 keys", forge(nine)
    yield "more than 8 keys", forge([*nine, key_bag(tls[1], "tls", None)])
    yield "too many items", forge([cert_bag(ca[0])] * 65)
    one_safe = {"content_type": "data", "content": core.OctetString(b"\x30\x00")}
    yield "too many items", pfx(ap12.AuthenticatedSafe([one_safe] * 5).dump())
    yield "not supported", forge(labelled(signing, None), iterations=10_000_001)
    yield "not supported", forge(labelled(signing, None), iterations=0)
    for data in costly_safes(10_000_001) + costly_safes(0):  # refused before any PBKDF2
        yield "not supported", data


def test_forged_files_are_refused(pairs: dict[str, Pair], ca: Pair) -> None:
    # (That the limits are checked before any key derivation is counted, not timed, in
    # the tests of what a read derives.)
    for expected, data in refusals(pairs, ca):
        with pytest.raises(CertificateError, match=expected):
            read_identity_p12(data, PASSWORD)


def test_nine_key_bags_may_be_eight_pairs_and_an_age_identity(ca: Pair, age_identity: str) -> None:
    bags = [bag for i in range(8) for bag in labelled(member(ca), f"k{i}")]
    age_key = x25519.X25519PrivateKey.from_private_bytes(bech32.age_identity_bytes(age_identity))
    read = read_identity_p12(forge([*bags, key_bag(age_key, "age-identity", None)]), PASSWORD)
    assert len(read.pairs) == 8 and read.age_identity == age_identity
