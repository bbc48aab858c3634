"""CMS signatures carry the ESS signing-certificate-v2 attribute (RFC 5035): its shape,
openssl's view of it, verification of it (a signature naming another certificate is a
mismatch; older signatures without it still verify), and the usage a verifier asks of
the signer's certificate.

The tests that run openssl are marked slow: `make check` runs no third-party tools, and
`make test` runs them (tests/interop/test_org_openssl.py checks whole organisations)."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import cms as asn1_cms
from asn1crypto import tsp as asn1_tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from crypto import cms, pki
from crypto.pki_errors import CmsError
from crypto.validate import Usage
from tests.conftest import require_tool

ORG = "Example Oversight Body"
DATA = b"manifest bytes\r\nwith a line ending and \x00 a zero byte\n"

Pair = tuple[x509.Certificate, pki.PrivateKey]


@pytest.fixture(scope="module")
def ca() -> Pair:
    return pki.generate_ca(ORG)


@pytest.fixture(scope="module")
def member(ca: Pair) -> Pair:
    return pki.issue_certificate(*ca, name="Interviewer One", organisation=ORG, role="interviewer")


@pytest.fixture(scope="module")
def trust_signer(ca: Pair) -> Pair:
    return pki.issue_trust_list_signer(*ca, organisation=ORG)


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(Encoding.DER)


def legacy_signature(data: bytes, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> bytes:
    """A signature as crypto.cms made them before ESS: cryptography's PKCS7 builder,
    detached, binary, no S/MIME capabilities (content-type, signing-time and
    message-digest only)."""
    options = [
        pkcs7.PKCS7Options.DetachedSignature,
        pkcs7.PKCS7Options.Binary,
        pkcs7.PKCS7Options.NoCapabilities,
    ]
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(cert, key, hashes.SHA256())
        .sign(Encoding.DER, options)
    )


def signer_info(signature: bytes) -> Any:
    return asn1_cms.ContentInfo.load(signature)["content"]["signer_infos"][0]


def attributes(signature: bytes) -> dict[str, Any]:
    return {a["type"].native: a["values"] for a in signer_info(signature)["signed_attrs"]}


def resign(
    signature: bytes,
    key: ec.EllipticCurvePrivateKey,
    change_attrs: Callable[[list[Any]], list[Any]] = lambda attrs: attrs,
    *,
    carry: x509.Certificate | None = None,
) -> bytes:
    """The signature with its signed attributes changed and signed again by `key`,
    optionally carrying (and naming in its signer identifier) another certificate."""
    info = asn1_cms.ContentInfo.load(signature)
    signed = info["content"]
    signer = signed["signer_infos"][0]
    attrs = asn1_cms.CMSAttributes(change_attrs([a.copy() for a in signer["signed_attrs"]]))
    signer["signed_attrs"] = attrs
    signer["signature"] = key.sign(attrs.dump(), ec.ECDSA(hashes.SHA256()))
    if carry is not None:
        carried = asn1_x509.Certificate.load(der(carry))
        signed["certificates"] = [asn1_cms.CertificateChoices("certificate", carried)]
        signer["sid"] = asn1_cms.SignerIdentifier(
            {
                "issuer_and_serial_number": {
                    "issuer": carried.issuer,
                    "serial_number": carried.serial_number,
                }
            }
        )
    return bytes(info.dump(force=True))


def replace_ess(attrs: list[Any], name: str, value: Any) -> list[Any]:
    kept = [a for a in attrs if a["type"].native != name]
    return [*kept, asn1_cms.CMSAttribute({"type": name, "values": [value]})]


def ess_v2(cert: x509.Certificate, *, cert_hash: bytes | None = None, **extra: Any) -> Any:
    return asn1_tsp.SigningCertificateV2(
        {"certs": [{"cert_hash": cert_hash or hashlib.sha256(der(cert)).digest(), **extra}]}
    )


# --- the shape -------------------------------------------------------------------------


def test_signature_shape(member: Pair) -> None:
    cert, key = member
    signature = cms.sign_detached(DATA, cert, key)
    info = asn1_cms.ContentInfo.load(signature, strict=True)
    assert info["content_type"].native == "signed_data"
    signed = info["content"]
    assert signed["version"].native == "v1"
    assert [a["algorithm"].native for a in signed["digest_algorithms"]] == ["sha256"]
    encap = signed["encap_content_info"]
    assert encap["content_type"].native == "data" and encap["content"].native is None
    assert [c.chosen.dump() for c in signed["certificates"]] == [der(cert)]
    assert signed["crls"].native is None
    (signer,) = signed["signer_infos"]
    assert signer["version"].native == "v1"
    assert signer["sid"].name == "issuer_and_serial_number"
    assert signer["sid"].chosen["serial_number"].native == cert.serial_number
    assert signer["digest_algorithm"]["algorithm"].native == "sha256"
    assert signer["signature_algorithm"]["algorithm"].native == "sha256_ecdsa"
    assert signer["signature_algorithm"]["parameters"].dump() == b""  # RFC 5758: absent
    assert signer["unsigned_attrs"].native is None
    attrs = attributes(signature)
    assert set(attrs) == {
        "content_type",
        "message_digest",
        "signing_time",
        "signing_certificate_v2",
    }
    assert attrs["content_type"][0].native == "data"
    assert attrs["message_digest"][0].native == hashlib.sha256(DATA).digest()
    signing_time = attrs["signing_time"][0]
    assert signing_time.name == "utc_time"  # RFC 5652 11.3: UTCTime until 2049
    assert abs(signing_time.native - datetime.now(UTC)) < timedelta(minutes=1)
    # The signature covers the attributes as a DER SET OF, sorted as DER requires.
    encoded = [a.dump() for a in signer["signed_attrs"]]
    assert encoded == sorted(encoded)


def test_the_signing_certificate_v2_attribute(member: Pair) -> None:
    cert, key = member
    (value,) = attributes(cms.sign_detached(DATA, cert, key))["signing_certificate_v2"]
    (ess,) = value["certs"]
    assert value["policies"].native is None
    # hashAlgorithm omitted: its DEFAULT, SHA-256 (DER leaves a default value out).
    assert ess.contents[:1] == b"\x04"  # the first field is the cert hash, an OCTET STRING
    assert ess["hash_algorithm"]["algorithm"].native == "sha256"
    assert ess["cert_hash"].native == hashlib.sha256(der(cert)).digest()
    (issuer,) = ess["issuer_serial"]["issuer"]
    assert issuer.name == "directory_name"
    assert issuer.chosen.untag().dump() == cert.issuer.public_bytes()
    assert ess["issuer_serial"]["serial_number"].native == cert.serial_number


# --- verification ----------------------------------------------------------------------


def test_round_trip_and_a_signature_from_before_ess(ca: Pair, member: Pair) -> None:
    cert, key = member
    assert cms.verify_detached(cms.sign_detached(DATA, cert, key), DATA, ca[0]) == cert
    old = legacy_signature(DATA, cert, key)
    assert "signing_certificate_v2" not in attributes(old)
    assert cms.verify_detached(old, DATA, ca[0]) == cert
    with pytest.raises(CmsError, match="does not match the content") as info:
        cms.verify_detached(old, DATA + b"!", ca[0])
    assert info.value.reason == "mismatch"


def test_an_altered_ess_hash_is_a_mismatch(ca: Pair, member: Pair) -> None:
    cert, key = member
    signature = cms.sign_detached(DATA, cert, key)
    wrong = resign(
        signature,
        key,
        lambda attrs: replace_ess(
            attrs, "signing_certificate_v2", ess_v2(cert, cert_hash=b"\x00" * 32)
        ),
    )
    with pytest.raises(
        CmsError,
        match=r"^the signature names a different signing certificate than the one it carries$",
    ) as info:
        cms.verify_detached(wrong, DATA, ca[0])
    assert info.value.reason == "mismatch"
    # The same re-signing with the right hash verifies: only the hash was wrong.
    right = resign(
        signature, key, lambda attrs: replace_ess(attrs, "signing_certificate_v2", ess_v2(cert))
    )
    assert cms.verify_detached(right, DATA, ca[0]) == cert


def test_issuer_serial_and_hash_algorithms(ca: Pair, member: Pair) -> None:
    cert, key = member
    signature = cms.sign_detached(DATA, cert, key)

    def with_ess(value: Any, name: str = "signing_certificate_v2") -> bytes:
        return resign(signature, key, lambda attrs: replace_ess(attrs, name, value))

    issuer = [
        asn1_x509.GeneralName({"directory_name": asn1_x509.Name.load(cert.issuer.public_bytes())})
    ]
    wrong_serial = ess_v2(
        cert, issuer_serial={"issuer": issuer, "serial_number": cert.serial_number + 1}
    )
    with pytest.raises(CmsError, match="different signing certificate") as info:
        cms.verify_detached(with_ess(wrong_serial), DATA, ca[0])
    assert info.value.reason == "mismatch"
    # SHA-512 named explicitly is as good as the default SHA-256.
    sha512 = asn1_tsp.SigningCertificateV2(
        {
            "certs": [
                {
                    "hash_algorithm": {"algorithm": "sha512"},
                    "cert_hash": hashlib.sha512(der(cert)).digest(),
                }
            ]
        }
    )
    assert cms.verify_detached(with_ess(sha512), DATA, ca[0]) == cert
    md5 = asn1_tsp.SigningCertificateV2(
        {
            "certs": [
                {
                    "hash_algorithm": {"algorithm": "md5"},
                    "cert_hash": hashlib.md5(der(cert)).digest(),
                }
            ]
        }
    )
    with pytest.raises(CmsError, match="unsupported hash") as info:
        cms.verify_detached(with_ess(md5), DATA, ca[0])
    assert info.value.reason == "unsupported"
    # Version 1 (ESSCertID, SHA-1) is checked the same way.
    v1 = asn1_tsp.SigningCertificate({"certs": [{"cert_hash": hashlib.sha1(der(cert)).digest()}]})
    assert cms.verify_detached(with_ess(v1, "signing_certificate"), DATA, ca[0]) == cert
    v1_wrong = asn1_tsp.SigningCertificate({"certs": [{"cert_hash": b"\x01" * 20}]})
    with pytest.raises(CmsError, match="different signing certificate"):
        cms.verify_detached(with_ess(v1_wrong, "signing_certificate"), DATA, ca[0])


def test_a_swapped_certificate_with_the_same_key_is_caught(ca: Pair, member: Pair) -> None:
    """What ESS is for: the CA issued a second certificate for the member's key (here a
    trust-list signer's). The certificate and signer identifier are outside the signed
    attributes, so swapping them keeps the signature valid; the ESS hash does not."""
    cert, key = member
    twin = pki.issue_trust_list_signer(*ca, organisation=ORG, key=key)[0]
    swapped = resign(cms.sign_detached(DATA, cert, key), key, carry=twin)
    with pytest.raises(CmsError, match="different signing certificate") as info:
        cms.verify_detached(swapped, DATA, ca[0], usage=Usage.TRUST_LIST)
    assert info.value.reason == "mismatch"
    # Without the attribute (an old signature) the swap would have passed.
    old_swapped = resign(legacy_signature(DATA, cert, key), key, carry=twin)
    assert cms.verify_detached(old_swapped, DATA, ca[0], usage=Usage.TRUST_LIST) == twin


# --- the usage asked of the signer -----------------------------------------------------


def test_usage_is_the_callers(ca: Pair, member: Pair, trust_signer: Pair) -> None:
    by_member = cms.sign_detached(DATA, *member)
    by_signer = cms.sign_detached(DATA, *trust_signer)
    assert cms.verify_detached(by_member, DATA, ca[0]) == member[0]
    assert cms.verify_detached(by_signer, DATA, ca[0], usage=Usage.TRUST_LIST) == trust_signer[0]
    with pytest.raises(CmsError) as info:
        cms.verify_detached(by_member, DATA, ca[0], usage=Usage.TRUST_LIST)
    assert str(info.value) == (
        "the signer's certificate is not allowed to sign the organisation's trust list "
        "(it lacks the extended key usage trust-list signing)"
    )
    assert info.value.reason == "untrusted"
    # The CA's own signature verifies on a trust list only (version 1 trust files),
    # within its validity; the CA key never authors a document.
    by_ca = cms.sign_detached(DATA, *ca)
    assert cms.verify_detached(by_ca, DATA, ca[0], usage=Usage.TRUST_LIST) == ca[0]
    with pytest.raises(CmsError, match="CA certificate cannot sign documents") as info:
        cms.verify_detached(by_ca, DATA, ca[0], usage=Usage.DOCUMENT_SIGNING)
    assert info.value.reason == "untrusted"
    with pytest.raises(CmsError, match="CA certificate has expired") as info:
        cms.verify_detached(
            by_ca,
            DATA,
            ca[0],
            usage=Usage.TRUST_LIST,
            at=datetime.now(UTC) + timedelta(days=4000),
        )
    assert info.value.reason == "expired"


def test_chain_refusals_keep_their_reasons(ca: Pair, member: Pair) -> None:
    signature = cms.sign_detached(DATA, *member)
    now = datetime.now(UTC)
    cases: list[tuple[x509.Certificate, datetime | None, str, str]] = [
        (pki.generate_ca(ORG)[0], None, "^the signer's certificate was not issued by", "untrusted"),
        (ca[0], now + timedelta(days=1200), "^the signer's certificate has expired$", "expired"),
        (ca[0], now - timedelta(days=1), "CA certificate is not valid yet$", "not-yet-valid"),
        (member[0], None, "is not a CA$", "untrusted"),
    ]
    for ca_cert, at, message, reason in cases:
        with pytest.raises(CmsError, match=message) as info:
            cms.verify_detached(signature, DATA, ca_cert, at=at)
        assert info.value.reason == reason


# --- openssl ---------------------------------------------------------------------------


def openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("openssl"), *map(str, args)], capture_output=True, text=True, timeout=60
    )


def openssl_verify(
    tmp_path: Path, signature: bytes, ca_cert: x509.Certificate, *, cades: bool = False
) -> subprocess.CompletedProcess[str]:
    """`openssl cms -verify`, which checks the ESS attribute only with -cades (CAdES-BES:
    the attribute must be there and name the signer's certificate)."""
    (tmp_path / "sig.der").write_bytes(signature)
    (tmp_path / "data").write_bytes(DATA)
    (tmp_path / "ca.pem").write_bytes(pki.certificate_pem(ca_cert))
    # No purpose override: openssl's default S/MIME signing purpose must accept the signer.
    return openssl(
        "cms",
        "-verify",
        *(["-cades"] if cades else []),
        "-binary",
        "-inform",
        "DER",
        "-in",
        tmp_path / "sig.der",
        "-content",
        tmp_path / "data",
        "-CAfile",
        tmp_path / "ca.pem",
        "-out",
        "/dev/null",
    )


@pytest.mark.slow
def test_openssl_verifies_and_shows_the_attribute(
    tmp_path: Path, ca: Pair, member: Pair, trust_signer: Pair
) -> None:
    for pair in (member, trust_signer):
        signature = cms.sign_detached(DATA, *pair)
        result = openssl_verify(tmp_path, signature, ca[0])
        assert result.returncode == 0, result.stderr
        assert "Verification successful" in result.stderr
        result = openssl_verify(tmp_path, signature, ca[0], cades=True)
        assert result.returncode == 0, result.stderr
    printed = openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in", tmp_path / "sig.der")
    assert printed.returncode == 0, printed.stderr
    assert "signingCertificateV2" in printed.stdout  # id-smime-aa-signingCertificateV2
    assert "1.2.840.113549.1.9.16.2.47" in printed.stdout
    assert "smimeCapabilities" not in printed.stdout and "SMIMECapabilities" not in printed.stdout


@pytest.mark.slow
def test_openssl_refuses_an_altered_ess_hash(tmp_path: Path, ca: Pair, member: Pair) -> None:
    cert, key = member
    wrong = resign(
        cms.sign_detached(DATA, cert, key),
        key,
        lambda attrs: replace_ess(
            attrs, "signing_certificate_v2", ess_v2(cert, cert_hash=b"\x00" * 32)
        ),
    )
    result = openssl_verify(tmp_path, wrong, ca[0], cades=True)
    assert result.returncode != 0
    assert "CAdES Verification failure" in result.stderr
    # A signature from before ESS: plain CMS verification accepts it, CAdES does not.
    old = legacy_signature(DATA, cert, key)
    result = openssl_verify(tmp_path, old, ca[0])
    assert result.returncode == 0, result.stderr
    assert openssl_verify(tmp_path, old, ca[0], cades=True).returncode != 0
