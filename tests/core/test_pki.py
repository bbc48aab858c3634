"""The organisation's PKI (CA and member certificates, keys, PKCS#12, chain checks) and
detached CMS signatures (Python level; tests/interop/test_org_openssl.py checks them
with openssl, tests/core/test_org_trust.py covers the trust file and org commands)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto import cms, pki
from crypto.pki_errors import CertificateError, ChainError, CmsError, ValidityError
from crypto.validate import Usage, check_chain

ORG = "Example Oversight Body"
NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def ca() -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    return pki.generate_ca(ORG)


@pytest.fixture(scope="module")
def member(ca: Any) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    return pki.issue_certificate(*ca, name="Interviewer One", organisation=ORG, role="interviewer")


def ext(cert: x509.Certificate, cls: type) -> Any:
    return cert.extensions.get_extension_for_class(cls)


# --- certificates --------------------------------------------------------------------


def test_ca_certificate(ca: Any) -> None:
    cert, key = ca
    assert isinstance(key.curve, ec.SECP256R1)
    assert cert.issuer == cert.subject
    bc = ext(cert, x509.BasicConstraints)
    assert bc.critical and bc.value.ca
    ku = ext(cert, x509.KeyUsage)
    assert ku.critical and ku.value.key_cert_sign and ku.value.crl_sign
    assert ext(cert, x509.SubjectKeyIdentifier).value.digest
    life = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert timedelta(days=3650) <= life <= timedelta(days=3660)
    cert.verify_directly_issued_by(cert)


def test_member_certificate(ca: Any, member: Any) -> None:
    cert = member[0]
    subject = {a.oid: a.value for a in cert.subject}
    assert subject == {
        NameOID.COMMON_NAME: "Interviewer One",
        NameOID.ORGANIZATION_NAME: ORG,
        NameOID.ORGANIZATIONAL_UNIT_NAME: "interviewer",
    }
    assert not ext(cert, x509.BasicConstraints).value.ca
    ku = ext(cert, x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and ku.value.content_commitment
    assert not ku.value.key_cert_sign
    assert list(ext(cert, x509.ExtendedKeyUsage).value) == [ExtendedKeyUsageOID.EMAIL_PROTECTION]
    assert (
        ext(cert, x509.AuthorityKeyIdentifier).value.key_identifier
        == ext(ca[0], x509.SubjectKeyIdentifier).value.digest
    )
    assert ext(cert, x509.SubjectKeyIdentifier)
    life = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert timedelta(days=1095) <= life <= timedelta(days=1097)
    check_chain(cert, ca[0], usage=Usage.DOCUMENT_SIGNING)


def test_trust_list_signer_certificate(ca: Any, member: Any) -> None:
    cert, key = pki.issue_trust_list_signer(*ca, organisation=ORG)
    assert isinstance(key.curve, ec.SECP256R1)
    subject = {a.oid: a.value for a in cert.subject}
    assert subject == {
        NameOID.COMMON_NAME: f"{ORG} trust-list signer",
        NameOID.ORGANIZATION_NAME: ORG,
        NameOID.ORGANIZATIONAL_UNIT_NAME: "trust-list signer",
    }
    assert not ext(cert, x509.BasicConstraints).value.ca
    ku = ext(cert, x509.KeyUsage)
    names = ("digital_signature", "content_commitment", "key_cert_sign", "crl_sign")
    assert ku.critical and [n for n in names if getattr(ku.value, n)] == ["digital_signature"]
    assert list(ext(cert, x509.ExtendedKeyUsage).value) == [
        x509.ObjectIdentifier("0.4.0.2231.3.0"),  # ETSI TS 119 612 id-tsl-kp-tslSigning
        ExtendedKeyUsageOID.EMAIL_PROTECTION,
    ]
    check_chain(cert, ca[0], usage=Usage.TRUST_LIST)
    assert pki.is_trust_list_signer(cert)
    assert not pki.is_trust_list_signer(member[0]) and not pki.is_trust_list_signer(ca[0])
    long_name = "O" * pki.MAX_NAME
    long_ca = pki.generate_ca(long_name[: pki.MAX_NAME])
    named = pki.issue_trust_list_signer(*long_ca, organisation=long_name)[0]
    assert len(pki.common_name(named) or "") <= pki.MAX_NAME


def test_fingerprint_is_sha256_of_der(member: Any) -> None:
    der = member[0].public_bytes(serialization.Encoding.DER)
    assert pki.fingerprint(member[0]) == hashlib.sha256(der).hexdigest()


def test_chain_refusals(ca: Any, member: Any) -> None:
    other = pki.generate_ca(ORG)  # same name, different key
    with pytest.raises(ChainError, match="not issued by the organisation's CA"):
        check_chain(member[0], other[0], usage=Usage.DOCUMENT_SIGNING)
    with pytest.raises(ChainError, match="not a certificate authority"):
        check_chain(member[0], member[0], usage=Usage.DOCUMENT_SIGNING)
    old_ca = pki.generate_ca(ORG, at=NOW - timedelta(days=1000))
    old, _ = pki.issue_certificate(
        *old_ca,
        name="Old",
        organisation=ORG,
        role="supervisor",
        not_before=NOW - timedelta(days=800),
        not_after=NOW - timedelta(days=30),
    )
    with pytest.raises(ValidityError, match="has expired") as info:
        check_chain(old, old_ca[0], usage=Usage.DOCUMENT_SIGNING)
    assert info.value.expired and not info.value.of_ca
    check_chain(
        old, old_ca[0], usage=Usage.DOCUMENT_SIGNING, at=NOW - timedelta(days=100)
    )  # valid back then
    with pytest.raises(ValidityError, match="not valid yet"):
        check_chain(member[0], ca[0], usage=Usage.DOCUMENT_SIGNING, at=NOW - timedelta(days=1))
    with pytest.raises(ValidityError, match="CA certificate has expired"):
        check_chain(member[0], ca[0], usage=Usage.DOCUMENT_SIGNING, at=NOW + timedelta(days=4000))


def test_names_are_checked(ca: Any) -> None:
    with pytest.raises(CertificateError):
        pki.issue_certificate(*ca, name="x" * 65, organisation=ORG, role="intake")
    with pytest.raises(CertificateError):
        pki.issue_certificate(*ca, name=" ", organisation=ORG, role="intake")


def test_key_loading(ca: Any, member: Any) -> None:
    cert, key = member
    pem = pki.certificate_pem(cert)
    assert pki.load_pem_pair(pem, pki.private_key_pem(key))[0] == cert
    with pytest.raises(CertificateError, match="does not belong"):
        pki.load_pem_pair(pem, pki.private_key_pem(ca[1]))
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"pw"),
    )
    assert pki.load_pem_pair(pem, encrypted, b"pw")[0] == cert
    with pytest.raises(CertificateError, match="give its password"):
        pki.load_pem_pair(pem, encrypted)
    with pytest.raises(CertificateError, match="wrong password"):
        pki.load_pem_pair(pem, encrypted, b"nope")
    p384 = ec.generate_private_key(ec.SECP384R1())
    with pytest.raises(CertificateError, match="P-256"):
        pki.load_private_key(pki.private_key_pem(p384))  # type: ignore[arg-type]
    ed = ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(CertificateError, match="P-256"):
        pki.load_private_key(ed)
    with pytest.raises(CertificateError):
        pki.load_certificate(b"not a certificate")


@pytest.mark.parametrize("password", [None, b"a p12 password"])
def test_pkcs12(member: Any, password: bytes | None) -> None:
    p12 = pki.pkcs12_bytes(*member, friendly_name="Interviewer One", password=password)
    cert, key = pki.load_pkcs12(p12, password)
    assert cert == member[0]
    pki.check_key_matches(cert, key)
    with pytest.raises(CertificateError, match="PKCS#12"):
        pki.load_pkcs12(p12, b"wrong" if password else b"unexpected")
    with pytest.raises(CertificateError, match="PKCS#12"):
        pki.load_pkcs12(pki.certificate_pem(member[0]))


# --- CMS -----------------------------------------------------------------------------


def test_cms_round_trip(ca: Any, member: Any) -> None:
    data = b"line one\r\nline two\n\x00\xff"
    sig = cms.sign_detached(data, *member)
    assert cms.verify_detached(sig, data, ca[0]) == member[0]
    by_ca = cms.sign_detached(data, *ca)
    # The CA's own signature is only accepted on a (version 1) trust list.
    assert cms.verify_detached(by_ca, data, ca[0], usage=Usage.TRUST_LIST) == ca[0]
    with pytest.raises(CmsError, match="CA certificate cannot sign documents"):
        cms.verify_detached(by_ca, data, ca[0])
    assert cms.verify_detached(cms.sign_detached(b"", *member), b"", ca[0]) == member[0]


def test_cms_refusals(ca: Any, member: Any) -> None:
    sig = cms.sign_detached(b"content", *member)
    cases = [
        (sig, b"Content", ca[0], "does not match the content", "mismatch"),
        (
            sig,
            b"content",
            pki.generate_ca(ORG)[0],
            "not issued by the organisation's CA",
            "untrusted",
        ),
        (b"", b"content", ca[0], "not a CMS signature", "not-cms"),
        (pki.certificate_pem(ca[0]), b"content", ca[0], "not a CMS signature", "not-cms"),
        (sig[:-1], b"content", ca[0], "not a CMS signature", "not-cms"),
    ]
    for signature, data, trust, message, reason in cases:
        with pytest.raises(CmsError, match=message) as info:
            cms.verify_detached(signature, data, trust)
        assert info.value.reason == reason
    with pytest.raises(CmsError, match="signer's certificate has expired"):
        cms.verify_detached(sig, b"content", ca[0], at=NOW + timedelta(days=1200))


def test_cms_expired_signer() -> None:
    ca_cert, ca_key = pki.generate_ca(ORG, at=NOW - timedelta(days=2000))
    cert, key = pki.issue_certificate(
        ca_cert,
        ca_key,
        name="Gone",
        organisation=ORG,
        role="intake",
        not_before=NOW - timedelta(days=1200),
        not_after=NOW - timedelta(days=100),
    )
    sig = cms.sign_detached(b"x", cert, key)
    with pytest.raises(CmsError, match="the signer's certificate has expired") as info:
        cms.verify_detached(sig, b"x", ca_cert)
    assert info.value.reason == "expired"
    assert cms.verify_detached(sig, b"x", ca_cert, at=NOW - timedelta(days=200)) == cert


def test_cms_refuses_a_certificate_not_for_signing(ca: Any) -> None:
    key = pki.generate_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Encrypt")]))
        .issuer_name(ca[0].subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=9))
        .add_extension(
            x509.KeyUsage(False, False, True, False, False, False, False, False, False),
            critical=True,
        )
        .sign(ca[1], hashes.SHA256())
    )
    with pytest.raises(CmsError, match="not allowed to sign"):
        cms.verify_detached(cms.sign_detached(b"x", cert, key), b"x", ca[0])


def _builder(data: bytes, *signers: Any, digest: Any = None) -> pkcs7.PKCS7SignatureBuilder:
    b = pkcs7.PKCS7SignatureBuilder().set_data(data)
    for cert, key in signers:
        b = b.add_signer(cert, key, digest or hashes.SHA256())
    return b


def test_cms_shapes_that_are_refused(ca: Any, member: Any) -> None:
    binary = [pkcs7.PKCS7Options.Binary]
    embedded = _builder(b"x", member).sign(serialization.Encoding.DER, binary)
    with pytest.raises(CmsError, match="not detached"):
        cms.verify_detached(embedded, b"x", ca[0])
    two = _builder(b"x", member, ca).sign(
        serialization.Encoding.DER, [*binary, pkcs7.PKCS7Options.DetachedSignature]
    )
    with pytest.raises(CmsError, match="exactly one signer"):
        cms.verify_detached(two, b"x", ca[0])
    sha512 = _builder(b"x", member, digest=hashes.SHA512()).sign(
        serialization.Encoding.DER, [*binary, pkcs7.PKCS7Options.DetachedSignature]
    )
    with pytest.raises(CmsError, match="SHA-256"):
        cms.verify_detached(sha512, b"x", ca[0])
    no_cert = _builder(b"x", member).sign(
        serialization.Encoding.DER,
        [*binary, pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.NoCerts],
    )
    with pytest.raises(CmsError, match="signer's certificate"):
        cms.verify_detached(no_cert, b"x", ca[0])
    with pytest.raises(CertificateError):
        cms.sign_detached(b"x", member[0], ca[1])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_cms_random_bytes_only_raise_cms_error(blob: bytes) -> None:
    ca_cert, _ = _shared()
    with pytest.raises(CmsError):
        cms.verify_detached(blob, b"data", ca_cert)
    with pytest.raises(CmsError):
        cms.verify_detached(b"\x30\x82" + blob, b"data", ca_cert)


_SHARED: dict[str, Any] = {}


def _shared() -> tuple[x509.Certificate, bytes]:
    # Hypothesis runs a test many times; one CA and one signature serve them all.
    if not _SHARED:
        ca_cert, ca_key = pki.generate_ca(ORG)
        cert, key = pki.issue_certificate(
            ca_cert, ca_key, name="A", organisation=ORG, role="interviewer"
        )
        _SHARED.update(ca=ca_cert, sig=cms.sign_detached(b"data", cert, key))
    return _SHARED["ca"], _SHARED["sig"]


@pytest.mark.slow  # a long sweep: make test runs it, make check leaves it out
@settings(max_examples=500, deadline=None)
@given(st.data())
def test_cms_every_altered_byte_is_refused(data: st.DataObject) -> None:
    ca_cert, sig = _shared()
    index = data.draw(st.integers(0, len(sig) - 1))
    altered = bytearray(sig)
    altered[index] ^= data.draw(st.integers(1, 255))
    with pytest.raises(CmsError):
        cms.verify_detached(bytes(altered), b"data", ca_cert)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=200))
def test_cms_other_content_is_refused(content: bytes) -> None:
    ca_cert, sig = _shared()
    if content != b"data":
        with pytest.raises(CmsError, match="does not match"):
            cms.verify_detached(sig, content, ca_cert)
