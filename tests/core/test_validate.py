"""crypto.validate.check_chain, the one certificate path validator: each usage and the
certificate shape it needs, validity periods (and `at`), who issued the certificate,
unknown critical extensions, offline revocation, and that only our own sentences come
out of it."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from crypto import pki
from crypto.pki_errors import ChainError, ValidityError
from crypto.validate import NOT_ISSUED, NotAllowedError, Usage, check_chain

ORG = "Example Oversight Body"
NOW = datetime.now(UTC)
UNKNOWN = x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.4.1.55555.1"), b"\x05\x00")
CRL_URL = "https://intake.example.invalid/v1/crl"

Pair = tuple[x509.Certificate, pki.PrivateKey]


@pytest.fixture(scope="module")
def ca() -> Pair:
    return pki.generate_ca(ORG)


@pytest.fixture(scope="module")
def member(ca: Pair) -> Pair:
    return pki.issue_certificate(*ca, name="Interviewer One", organisation=ORG, role="interviewer")


def key_usage(*bits: str) -> x509.KeyUsage:
    names = [
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
        "encipher_only",
        "decipher_only",
    ]
    return x509.KeyUsage(**{name: name in bits for name in names})


def leaf(
    ca: Pair,
    *,
    usage: x509.KeyUsage | None = None,
    purposes: list[ObjectIdentifier] | None = None,
    purposes_critical: bool = False,
    extra: Sequence[tuple[x509.ExtensionType, bool]] = (),
    is_ca: bool = False,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    subject: str = "Someone",
    issuer_key: pki.PrivateKey | None = None,
) -> Pair:
    """A certificate the CA issues (or that `issuer_key` forges in the CA's name), in
    the shapes crypto.pki does not make itself."""
    ca_cert, ca_key = ca
    key = pki.generate_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COMMON_NAME, subject),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORG),
                ]
            )
        )
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - timedelta(days=1))
        .not_valid_after(not_after or NOW + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
    )
    if usage is not None:
        builder = builder.add_extension(usage, critical=True)
    if purposes is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(purposes), critical=purposes_critical)
    for extension, critical in extra:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(issuer_key or ca_key, hashes.SHA256()), key


def client_auth(ca: Pair) -> Pair:
    return leaf(
        ca, usage=key_usage("digital_signature"), purposes=[ExtendedKeyUsageOID.CLIENT_AUTH]
    )


def server_auth(ca: Pair) -> Pair:
    return leaf(
        ca,
        usage=key_usage("digital_signature"),
        purposes=[ExtendedKeyUsageOID.SERVER_AUTH],
        extra=[(x509.SubjectAlternativeName([x509.DNSName("intake.example")]), False)],
    )


def time_stamping(ca: Pair, *, critical: bool = True) -> Pair:
    return leaf(
        ca,
        usage=key_usage("digital_signature", "content_commitment"),
        purposes=[ExtendedKeyUsageOID.TIME_STAMPING],
        purposes_critical=critical,
    )


def refused(
    kind: type[Exception], match: str, cert: x509.Certificate, ca_cert: Any, **kw: Any
) -> Any:
    with pytest.raises(kind, match=match) as info:
        check_chain(cert, ca_cert, **{"usage": Usage.DOCUMENT_SIGNING, **kw})
    return info.value


# --- each usage and its shape ---------------------------------------------------------


def test_each_usage_accepts_the_certificate_made_for_it(ca: Pair, member: Pair) -> None:
    signer = pki.issue_trust_list_signer(*ca, organisation=ORG)[0]
    check_chain(member[0], ca[0], usage=Usage.DOCUMENT_SIGNING)
    check_chain(signer, ca[0], usage=Usage.TRUST_LIST)
    check_chain(client_auth(ca)[0], ca[0], usage=Usage.CLIENT_AUTH)
    check_chain(server_auth(ca)[0], ca[0], usage=Usage.SERVER_AUTH)
    check_chain(time_stamping(ca)[0], ca[0], usage=Usage.TIMESTAMPING)
    # The trust-list signer also carries emailProtection, so openssl's default S/MIME
    # purpose accepts its signature on the list; it still signs no document.
    with pytest.raises(ChainError, match="signs only the list"):
        check_chain(signer, ca[0], usage=Usage.DOCUMENT_SIGNING)


def test_each_usage_refuses_the_others_certificates(ca: Pair, member: Pair) -> None:
    signer = pki.issue_trust_list_signer(*ca, organisation=ORG)[0]
    shapes = {
        "member": member[0],
        "trust-list signer": signer,
        "client": client_auth(ca)[0],
        "server": server_auth(ca)[0],
        "tsa": time_stamping(ca)[0],
    }
    allowed = {
        Usage.DOCUMENT_SIGNING: {"member"},
        Usage.TRUST_LIST: {"trust-list signer"},
        Usage.CLIENT_AUTH: {"client"},
        Usage.SERVER_AUTH: {"server"},
        Usage.TIMESTAMPING: {"tsa"},
    }
    for usage, names in allowed.items():
        for name, cert in shapes.items():
            if name in names:
                check_chain(cert, ca[0], usage=usage)
                continue
            if (usage, name) == (Usage.DOCUMENT_SIGNING, "trust-list signer"):
                with pytest.raises(ChainError, match="signs only the list"):
                    check_chain(cert, ca[0], usage=usage)
                continue
            with pytest.raises(NotAllowedError, match="not allowed for this use") as info:
                check_chain(cert, ca[0], usage=usage)
            assert "extended key usage" in info.value.lacks, (usage, name)


def test_wrong_extended_key_usage_is_named(ca: Pair, member: Pair) -> None:
    error = refused(
        NotAllowedError,
        r"^the certificate is not allowed for this use \(it lacks the extended key usage "
        r"trust-list signing\)$",
        member[0],
        ca[0],
        usage=Usage.TRUST_LIST,
    )
    assert isinstance(error, ChainError) and not isinstance(error, ValidityError)
    refused(NotAllowedError, "TLS client authentication", member[0], ca[0], usage=Usage.CLIENT_AUTH)
    refused(NotAllowedError, "TLS server authentication", member[0], ca[0], usage=Usage.SERVER_AUTH)
    # A document signer whose ExtendedKeyUsage leaves out emailProtection is refused;
    # one without the extension at all is unrestricted.
    tls_only = leaf(
        ca, usage=key_usage("digital_signature"), purposes=[ExtendedKeyUsageOID.SERVER_AUTH]
    )[0]
    refused(NotAllowedError, "email protection", tls_only, ca[0])
    check_chain(
        leaf(ca, usage=key_usage("digital_signature"))[0], ca[0], usage=Usage.DOCUMENT_SIGNING
    )
    # The trust-list and TLS usages need the extension: absent is refused.
    bare = leaf(ca, usage=key_usage("digital_signature"))[0]
    for usage in (Usage.TRUST_LIST, Usage.CLIENT_AUTH, Usage.SERVER_AUTH, Usage.TIMESTAMPING):
        refused(NotAllowedError, "extended key usage", bare, ca[0], usage=usage)


def test_missing_key_usage_bits(ca: Pair) -> None:
    email = [ExtendedKeyUsageOID.EMAIL_PROTECTION]
    encrypt_only = leaf(ca, usage=key_usage("key_encipherment"), purposes=email)[0]
    refused(
        NotAllowedError,
        r"it lacks the key usage digital signature or non-repudiation\)$",
        encrypt_only,
        ca[0],
    )
    # nonRepudiation alone will do for documents (OpenSSL's S/MIME signing agrees).
    commitment = leaf(ca, usage=key_usage("content_commitment"), purposes=email)[0]
    check_chain(commitment, ca[0], usage=Usage.DOCUMENT_SIGNING)
    # pyhanko-certvalidator reads a missing KeyUsage as "no usage allowed".
    no_key_usage = leaf(ca, purposes=email)[0]
    refused(NotAllowedError, "key usage digital signature", no_key_usage, ca[0])
    tls = leaf(ca, usage=key_usage("key_agreement"), purposes=[ExtendedKeyUsageOID.CLIENT_AUTH])[0]
    refused(
        NotAllowedError,
        r"lacks the key usage digital signature\)$",
        tls,
        ca[0],
        usage=Usage.CLIENT_AUTH,
    )


def test_time_stamping_needs_a_critical_sole_purpose(ca: Pair) -> None:
    refused(
        NotAllowedError,
        "critical extended key usage for time-stamping",
        time_stamping(ca, critical=False)[0],
        ca[0],
        usage=Usage.TIMESTAMPING,
    )
    both = leaf(
        ca,
        usage=key_usage("digital_signature"),
        purposes=[ExtendedKeyUsageOID.TIME_STAMPING, ExtendedKeyUsageOID.EMAIL_PROTECTION],
        purposes_critical=True,
    )[0]
    refused(NotAllowedError, "time-stamping alone", both, ca[0], usage=Usage.TIMESTAMPING)
    encrypts = leaf(
        ca,
        usage=key_usage("digital_signature", "key_encipherment"),
        purposes=[ExtendedKeyUsageOID.TIME_STAMPING],
        purposes_critical=True,
    )[0]
    refused(NotAllowedError, "key usage limited", encrypts, ca[0], usage=Usage.TIMESTAMPING)
    # Without a KeyUsage the critical ExtendedKeyUsage is enough (RFC 3161 asks no more).
    no_ku = leaf(ca, purposes=[ExtendedKeyUsageOID.TIME_STAMPING], purposes_critical=True)[0]
    check_chain(no_ku, ca[0], usage=Usage.TIMESTAMPING)


# --- validity periods ------------------------------------------------------------------


def test_expired_and_not_yet_valid_leaf(ca: Pair) -> None:
    old = pki.issue_certificate(
        *ca,
        name="Gone",
        organisation=ORG,
        role="interviewer",
        not_before=NOW - timedelta(days=30),
        not_after=NOW - timedelta(days=1),
    )[0]
    error = refused(ValidityError, "^the certificate has expired$", old, ca[0])
    assert (error.expired, error.of_ca) == (True, False)
    future = pki.issue_certificate(
        *ca,
        name="Soon",
        organisation=ORG,
        role="interviewer",
        not_before=NOW + timedelta(days=1),
    )[0]
    error = refused(ValidityError, "^the certificate is not valid yet$", future, ca[0])
    assert (error.expired, error.of_ca) == (False, False)


def test_expired_and_not_yet_valid_ca() -> None:
    ca = pki.generate_ca(ORG, at=NOW - timedelta(days=20), days=10)
    # A leaf valid now, from a CA that expired (issue_certificate would clip the leaf
    # to the CA's lifetime, so it is built by hand).
    cert = leaf(ca)[0]
    error = refused(ValidityError, "^the organisation's CA certificate has expired$", cert, ca[0])
    assert (error.expired, error.of_ca) == (True, True)
    later = pki.generate_ca(ORG, at=NOW + timedelta(days=2))
    error = refused(
        ValidityError,
        "^the organisation's CA certificate is not valid yet$",
        leaf(later)[0],
        later[0],
    )
    assert (error.expired, error.of_ca) == (False, True)


def test_at_moves_the_validity_check(ca: Pair, member: Pair) -> None:
    cert = member[0]
    check_chain(cert, ca[0], usage=Usage.DOCUMENT_SIGNING, at=NOW + timedelta(days=365))
    error = refused(ValidityError, "has expired", cert, ca[0], at=NOW + timedelta(days=1200))
    assert not error.of_ca
    error = refused(ValidityError, "not valid yet", cert, ca[0], at=NOW - timedelta(days=1))
    # The CA was made moments before the member: a day ago neither existed, and the CA
    # is checked first.
    assert error.of_ca
    ca_then = pki.generate_ca(ORG, at=NOW - timedelta(days=60))
    old = leaf(
        ca_then,
        usage=key_usage("digital_signature"),
        not_before=NOW - timedelta(days=30),
        not_after=NOW - timedelta(days=1),
    )[0]
    check_chain(old, ca_then[0], usage=Usage.DOCUMENT_SIGNING, at=NOW - timedelta(days=2))
    with pytest.raises(ValueError, match="timezone-aware"):
        check_chain(cert, ca[0], usage=Usage.DOCUMENT_SIGNING, at=datetime(2026, 1, 1))


# --- who issued it ---------------------------------------------------------------------


def test_a_leaf_from_another_ca_is_refused(ca: Pair, member: Pair) -> None:
    # Same organisation name, so the same issuer name: only the key tells them apart.
    other = pki.generate_ca(ORG)
    foreign = pki.issue_certificate(*other, name="Interviewer One", organisation=ORG, role="x")[0]
    refused(ChainError, f"^{NOT_ISSUED}$", foreign, ca[0])
    refused(ChainError, f"^{NOT_ISSUED}$", member[0], other[0])
    # Named as issued by our CA (names and key identifier) but signed by another key.
    forged = leaf(ca, usage=key_usage("digital_signature"), issuer_key=other[1])[0]
    refused(ChainError, f"^{NOT_ISSUED}$", forged, ca[0])


def test_a_self_signed_leaf_is_refused(ca: Pair) -> None:
    key = pki.generate_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Me")])
    selfie = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=1))
        .add_extension(key_usage("digital_signature"), critical=True)
        .sign(key, hashes.SHA256())
    )
    refused(ChainError, f"^{NOT_ISSUED}$", selfie, ca[0])
    # Another organisation's CA presented as a signer.
    refused(ChainError, f"^{NOT_ISSUED}$", pki.generate_ca(ORG)[0], ca[0])


def test_the_ca_itself_cannot_sign(ca: Pair) -> None:
    for usage in Usage:
        with pytest.raises(
            ChainError, match=r"^the organisation's CA certificate cannot sign documents$"
        ):
            check_chain(ca[0], ca[0], usage=usage)
    # Nor can a copy of it re-issued with the same name and key.
    ca_cert, ca_key = ca
    reissued = (
        x509.CertificateBuilder()
        .subject_name(ca_cert.subject)
        .issuer_name(ca_cert.subject)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    refused(ChainError, "CA certificate cannot sign", reissued, ca[0])


def test_the_ca_must_be_a_ca(ca: Pair, member: Pair) -> None:
    refused(ChainError, "^the CA certificate is not a certificate authority$", member[0], member[0])
    other = leaf(ca, usage=key_usage("digital_signature"))[0]
    refused(ChainError, "not a certificate authority", other, member[0])


def test_only_direct_issue_by_an_end_entity_certificate(ca: Pair) -> None:
    # The CA has pathLen 0: an intermediate it issued cannot issue, and is not offered.
    sub = leaf(ca, usage=key_usage("key_cert_sign", "digital_signature"), is_ca=True)
    under_sub = leaf(sub, usage=key_usage("digital_signature"))[0]
    refused(ChainError, f"^{NOT_ISSUED}$", under_sub, ca[0])
    # A certificate the CA issued as a CA is not a signer's either.
    refused(ChainError, "certificate authority's", sub[0], ca[0])


# --- extensions ------------------------------------------------------------------------


def test_unknown_critical_extension(ca: Pair) -> None:
    usage = key_usage("digital_signature")
    critical = leaf(ca, usage=usage, extra=[(UNKNOWN, True)])[0]
    refused(ChainError, "^the certificate has an unknown critical extension$", critical, ca[0])
    check_chain(
        leaf(ca, usage=usage, extra=[(UNKNOWN, False)])[0], ca[0], usage=Usage.DOCUMENT_SIGNING
    )
    # Forged and carrying the extension: it is the issuer that is named.
    other = pki.generate_ca(ORG)
    forged = leaf(ca, usage=usage, extra=[(UNKNOWN, True)], issuer_key=other[1])[0]
    refused(ChainError, f"^{NOT_ISSUED}$", forged, ca[0])


def test_a_crl_distribution_point_validates_offline(
    ca: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the validator tried to reach the network")

    # Soft-fail would hide a failed fetch: any attempt to resolve or connect fails here.
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    points = x509.CRLDistributionPoints(
        [x509.DistributionPoint([x509.UniformResourceIdentifier(CRL_URL)], None, None, None)]
    )
    cert = leaf(
        ca,
        usage=key_usage("digital_signature"),
        purposes=[ExtendedKeyUsageOID.EMAIL_PROTECTION],
        extra=[(points, False)],
    )[0]
    check_chain(cert, ca[0], usage=Usage.DOCUMENT_SIGNING)
    # The same on a CA naming one too.
    ca_cert, ca_key = ca
    with_crl_ca = (
        x509.CertificateBuilder()
        .subject_name(ca_cert.subject)
        .issuer_name(ca_cert.subject)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=300))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(key_usage("key_cert_sign", "crl_sign", "digital_signature"), critical=True)
        .add_extension(points, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    check_chain(cert, with_crl_ca, usage=Usage.DOCUMENT_SIGNING)


# --- how it is called ------------------------------------------------------------------


def test_works_inside_a_running_event_loop_and_in_threads(ca: Pair, member: Pair) -> None:
    async def in_loop() -> None:
        check_chain(member[0], ca[0], usage=Usage.DOCUMENT_SIGNING)
        with pytest.raises(ValidityError):
            check_chain(
                member[0], ca[0], usage=Usage.DOCUMENT_SIGNING, at=NOW + timedelta(days=1200)
            )

    asyncio.run(in_loop())
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(5):
                check_chain(member[0], ca[0], usage=Usage.DOCUMENT_SIGNING)
        except BaseException as exc:  # reported to the test thread
            failures.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures


def test_only_our_sentences_come_out(ca: Pair, member: Pair) -> None:
    """Every refusal is a ChainError with one of this module's sentences, never a
    library's words (no "path", "X.509", "end-entity", dates)."""
    other = pki.generate_ca(ORG)
    cases = [
        (member[0], other[0], Usage.DOCUMENT_SIGNING, {}),
        (member[0], ca[0], Usage.TRUST_LIST, {}),
        (member[0], ca[0], Usage.DOCUMENT_SIGNING, {"at": NOW + timedelta(days=1200)}),
        (ca[0], ca[0], Usage.DOCUMENT_SIGNING, {}),
        (
            leaf(ca, usage=key_usage("digital_signature"), extra=[(UNKNOWN, True)])[0],
            ca[0],
            Usage.DOCUMENT_SIGNING,
            {},
        ),
    ]
    for cert, ca_cert, usage, kw in cases:
        with pytest.raises(ChainError) as info:
            check_chain(cert, ca_cert, usage=usage, **kw)
        message = str(info.value)
        assert message.startswith("the ") and "\n" not in message
        for word in ("path", "X.509", "end-entity", "20", "valid until", "pyhanko"):
            assert word not in message, message
        error = info.value
        # No library exception rides along as the cause or the shown context.
        assert error.__cause__ is None
        assert error.__context__ is None or error.__suppress_context__
