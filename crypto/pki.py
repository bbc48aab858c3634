"""The organisation's small PKI: a CA and the certificates it issues; loading and checking.

Everything is ECDSA P-256 with SHA-256. The CA is self-signed (pathLen 0) and issues
every certificate directly (docs/keys.md has the whole profile):

- each staff member: a **signing** certificate (digitalSignature, nonRepudiation;
  emailProtection) for PDFs, manifests and decisions, and a separate **authentication**
  certificate (digitalSignature; clientAuth) for mutual TLS with the intake, so the key
  that logs in never signs a statement. Subject CN = name, O = organisation, OU = role;
- the trust-list signer, whose only job is to sign the trust file, so the CA key can
  stay offline (EKU id-tsl-kp-tslSigning);
- the intake service: a TLS **server** certificate (serverAuth, with the host names as
  subject alternative names), and a **time-stamping** certificate (critical EKU
  timeStamping only); its receipts are signed with the intake member's signing
  certificate.

Every certificate may carry a CRL distribution point (the intake's `GET /v1/crl`).
This module owns generating them, reading certificates and keys (PEM, DER, PKCS#12),
checking that a key belongs to a certificate, and fingerprints. Checking a certificate
path is crypto/validate.py, the one validator.
"""

from __future__ import annotations

import hashlib
import ipaddress
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from crypto.pki_errors import CertificateError

CA_DAYS = 3653  # ten years
MEMBER_DAYS = 1096  # three years
# Back-dating absorbs small clock differences between the issuer and a verifier.
BACKDATE = timedelta(minutes=5)
MAX_NAME = 64  # X.509 upper bound for CN/O/OU (RFC 5280 ub-common-name)
# The extended key usage that marks the trust-list signer: id-tsl-kp-tslSigning from
# ETSI TS 119 612 (Trusted Lists), { itu-t(0) identified-organization(4) etsi(0)
# tsl-specification(2231) tsl-kp(3) tsl-signing(0) }: the published purpose "signs a
# list of whom to trust". Member certificates never carry it.
TRUST_LIST_SIGNING = x509.ObjectIdentifier("0.4.0.2231.3.0")
TRUST_LIST_SIGNER_UNIT = "trust-list signer"

PrivateKey = ec.EllipticCurvePrivateKey


def _now(at: datetime | None) -> datetime:
    if at is None:
        return datetime.now(UTC)
    if at.tzinfo is None:
        raise ValueError("times given to the PKI must be timezone-aware")
    return at.astimezone(UTC)


def generate_key() -> PrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def require_p256(key: object) -> PrivateKey:
    """Return `key` if it is an ECDSA P-256 private key; otherwise say what is supported."""
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise CertificateError("only ECDSA P-256 signing keys are supported")
    return key


def _name(common_name: str, organisation: str, unit: str | None = None) -> x509.Name:
    values = [common_name, organisation] + ([unit] if unit is not None else [])
    for value in values:
        if not value.strip() or len(value) > MAX_NAME:
            raise CertificateError(
                f"names in a certificate must be 1 to {MAX_NAME} characters long"
            )
    attrs = [
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
    ]
    if unit is not None:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    return x509.Name(attrs)


def _key_usage(
    *, digital_signature: bool = False, content_commitment: bool = False, cert_sign: bool = False
) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=content_commitment,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def generate_ca(
    organisation: str,
    *,
    at: datetime | None = None,
    days: int = CA_DAYS,
    crl_url: str | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """A new self-signed CA for `organisation`: (certificate, private key). `crl_url`
    is only informative on the CA itself (a trust anchor is never checked against its
    own list) but keeps the profile's rule: every certificate names where the list is."""
    now = _now(at)
    key = generate_key()
    name = _name(f"{organisation[: MAX_NAME - 3]} CA", organisation)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        # digitalSignature as well: the CA itself signed version 1 trust files (the
        # trust-list signer signs them now), and old organisations' CAs look like this.
        .add_extension(_key_usage(digital_signature=True, cert_sign=True), critical=True)
        .add_extension(ski, critical=False)
    )
    if crl_url is not None:
        builder = builder.add_extension(crl_distribution_points(crl_url), critical=False)
    return builder.sign(key, hashes.SHA256()), key


def issue_certificate(
    ca_cert: x509.Certificate,
    ca_key: PrivateKey,
    *,
    name: str,
    organisation: str,
    role: str,
    key: PrivateKey | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    crl_url: str | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """A member's signing certificate issued by the CA: (certificate, private key).

    `not_before`/`not_after` default to now (back-dated a little) and three years on;
    tests pass a past window to build an expired certificate. The intake's receipt
    signer is the intake member's signing certificate.
    """
    return _issue_leaf(
        ca_cert,
        ca_key,
        subject=_name(name, organisation, role),
        usage=_key_usage(digital_signature=True, content_commitment=True),
        # emailProtection keeps OpenSSL's default S/MIME purpose check happy.
        purposes=[ExtendedKeyUsageOID.EMAIL_PROTECTION],
        key=key,
        not_before=not_before,
        not_after=not_after,
        crl_url=crl_url,
    )


def issue_authentication_certificate(
    ca_cert: x509.Certificate,
    ca_key: PrivateKey,
    *,
    name: str,
    organisation: str,
    role: str,
    key: PrivateKey | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    crl_url: str | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """A member's mutual-TLS certificate: the same subject as their signing certificate,
    KeyUsage digitalSignature only (an ECDHE handshake signs with it) and EKU
    clientAuth only, so no verifier accepts its key's signature on a document."""
    return _issue_leaf(
        ca_cert,
        ca_key,
        subject=_name(name, organisation, role),
        usage=_key_usage(digital_signature=True),
        purposes=[ExtendedKeyUsageOID.CLIENT_AUTH],
        key=key,
        not_before=not_before,
        not_after=not_after,
        crl_url=crl_url,
    )


def issue_tls_server_certificate(
    ca_cert: x509.Certificate,
    ca_key: PrivateKey,
    *,
    organisation: str,
    hosts: list[str],
    key: PrivateKey | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    crl_url: str | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """The intake's TLS server certificate for `hosts` (DNS names or IP addresses, all
    put in subjectAltName; clients match only those). EKU serverAuth only."""
    if not hosts:
        raise CertificateError("a server certificate needs at least one host name")
    return _issue_leaf(
        ca_cert,
        ca_key,
        subject=_name(hosts[0], organisation, "intake"),
        usage=_key_usage(digital_signature=True),
        purposes=[ExtendedKeyUsageOID.SERVER_AUTH],
        key=key,
        not_before=not_before,
        not_after=not_after,
        crl_url=crl_url,
        alt_names=[_host_name(h) for h in hosts],
    )


def issue_timestamp_certificate(
    ca_cert: x509.Certificate,
    ca_key: PrivateKey,
    *,
    organisation: str,
    key: PrivateKey | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    crl_url: str | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """The intake's RFC 3161 time-stamping certificate: EKU timeStamping only, marked
    critical as RFC 3161 section 2.3 requires."""
    common = f"{organisation[: MAX_NAME - 14]} time-stamping"
    return _issue_leaf(
        ca_cert,
        ca_key,
        subject=_name(common, organisation, "intake"),
        usage=_key_usage(digital_signature=True, content_commitment=True),
        purposes=[ExtendedKeyUsageOID.TIME_STAMPING],
        purposes_critical=True,
        key=key,
        not_before=not_before,
        not_after=not_after,
        crl_url=crl_url,
    )


def _host_name(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        pass
    if not host or len(host) > 253 or not all(c.isalnum() or c in "-." for c in host):
        raise CertificateError(f"{host!r} is not a host name or an IP address")
    return x509.DNSName(host.lower())


def issue_trust_list_signer(
    ca_cert: x509.Certificate,
    ca_key: PrivateKey,
    *,
    organisation: str,
    key: PrivateKey | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    crl_url: str | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """The organisation's trust-list signing certificate: (certificate, private key).

    CN = "<organisation> trust-list signer", O = organisation, OU = "trust-list signer";
    KeyUsage digitalSignature only; ExtendedKeyUsage id-tsl-kp-tslSigning (what it is
    for) and emailProtection (so `openssl cms -verify` accepts its signature with
    OpenSSL's default S/MIME purpose); valid three years like a member's.
    """
    common = f"{organisation[: MAX_NAME - len(TRUST_LIST_SIGNER_UNIT) - 1]} trust-list signer"
    return _issue_leaf(
        ca_cert,
        ca_key,
        subject=_name(common, organisation, TRUST_LIST_SIGNER_UNIT),
        usage=_key_usage(digital_signature=True),
        purposes=[TRUST_LIST_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION],
        key=key,
        not_before=not_before,
        not_after=not_after,
        crl_url=crl_url,
    )


def _issue_leaf(
    ca_cert: x509.Certificate,
    ca_key: PrivateKey,
    *,
    subject: x509.Name,
    usage: x509.KeyUsage,
    purposes: list[x509.ObjectIdentifier],
    key: PrivateKey | None,
    not_before: datetime | None,
    not_after: datetime | None,
    crl_url: str | None = None,
    purposes_critical: bool = False,
    alt_names: list[x509.GeneralName] | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    check_key_matches(ca_cert, ca_key)
    key = require_p256(key) if key is not None else generate_key()
    start = _now(None) - BACKDATE if not_before is None else _now(not_before)
    end = start + timedelta(days=MEMBER_DAYS) if not_after is None else _now(not_after)
    # A certificate never outlives its issuer: verifiers would refuse the tail anyway.
    end = min(end, ca_cert.not_valid_after_utc)
    aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key())
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.ExtendedKeyUsage(purposes), critical=purposes_critical)
        .add_extension(aki, critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if alt_names:
        builder = builder.add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
    if crl_url is not None:
        builder = builder.add_extension(crl_distribution_points(crl_url), critical=False)
    return builder.sign(ca_key, hashes.SHA256()), key


def crl_distribution_points(url: str) -> x509.CRLDistributionPoints:
    """Where a verifier fetches the CA's revocation list (the intake's /v1/crl)."""
    return x509.CRLDistributionPoints(
        [
            x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(url)],
                relative_name=None,
                reasons=None,
                crl_issuer=None,
            )
        ]
    )


def crl_url_of(cert: x509.Certificate) -> str | None:
    """The first CRL distribution point URL a certificate names, or None."""
    try:
        points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except (x509.ExtensionNotFound, ValueError):
        return None
    for point in points:
        for name in point.full_name or ():
            if isinstance(name, x509.UniformResourceIdentifier):
                return name.value
    return None


# --- reading and writing -------------------------------------------------------------


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER encoding, lowercase hex."""
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def certificate_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def private_key_pem(key: PrivateKey, password: bytes | None = None) -> bytes:
    """PKCS#8 PEM, encrypted under `password` (PBES2, AES-256-CBC) when one is given;
    unencrypted otherwise (the caller protects the file, or the vault holds it)."""
    enc: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)


def is_encrypted_key_pem(data: bytes) -> bool:
    """True for an encrypted PEM private key (PKCS#8 or legacy OpenSSL), by its armour."""
    head = data.lstrip()[:200]
    return (
        head.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
        or b"Proc-Type: 4,ENCRYPTED" in head
    )


def pkcs12_bytes(
    cert: x509.Certificate, key: PrivateKey, *, friendly_name: str, password: bytes | None = None
) -> bytes:
    enc: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(
        friendly_name.encode("utf-8"), key, cert, None, enc
    )


def common_name(cert: x509.Certificate) -> str | None:
    attrs = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = attrs[0].value if attrs else None
    return value if isinstance(value, str) else None


def load_certificate(data: bytes) -> x509.Certificate:
    """One certificate from PEM or DER bytes."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except (ValueError, TypeError, UnsupportedAlgorithm, x509.InvalidVersion):
        raise CertificateError("the file does not hold a readable X.509 certificate") from None


def load_private_key(data: bytes, password: bytes | None = None) -> PrivateKey:
    """A P-256 private key from PEM or DER (PKCS#8 or SEC1), optionally encrypted."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            key = serialization.load_pem_private_key(data, password)
        else:
            key = serialization.load_der_private_key(data, password)
    except TypeError:
        # cryptography says TypeError for "encrypted but no password" and the reverse.
        if password is None:
            raise CertificateError("the private key is encrypted: give its password") from None
        raise CertificateError(
            "the private key is not encrypted, but a password was given"
        ) from None
    except (ValueError, UnsupportedAlgorithm):
        raise CertificateError(
            "the private key could not be read: wrong password, or not a private key file"
        ) from None
    return require_p256(key)


def check_key_matches(cert: x509.Certificate, key: PrivateKey) -> None:
    """Refuse a key that is not the private half of the certificate's public key."""
    fmt = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    try:
        cert_pub = cert.public_key().public_bytes(*fmt)
    except (ValueError, UnsupportedAlgorithm):
        raise CertificateError("the certificate's public key is of an unsupported type") from None
    if cert_pub != key.public_key().public_bytes(*fmt):
        raise CertificateError("the private key does not belong to the certificate")


def load_pem_pair(
    cert_data: bytes, key_data: bytes, password: bytes | None = None
) -> tuple[x509.Certificate, PrivateKey]:
    """A certificate and its private key from two files (PEM or DER), checked to match."""
    cert = load_certificate(cert_data)
    key = load_private_key(key_data, password)
    check_key_matches(cert, key)
    return cert, key


def looks_like_pkcs12(data: bytes) -> bool:
    # PKCS#12 is binary DER (a SEQUENCE); PEM certificates start with text.
    return data[:1] == b"\x30"


def load_pkcs12(data: bytes, password: bytes | None = None) -> tuple[x509.Certificate, PrivateKey]:
    """The certificate and key of a PKCS#12 file, checked to match."""
    try:
        key, cert, _extra = pkcs12.load_key_and_certificates(data, password)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        if password is None:
            raise CertificateError(
                "the PKCS#12 file could not be opened: it may need a "
                "password, or it is not a PKCS#12 file"
            ) from None
        raise CertificateError(
            "the PKCS#12 file could not be opened: wrong password, or not a PKCS#12 file"
        ) from None
    if cert is None or key is None:
        raise CertificateError("the PKCS#12 file must hold both a certificate and its key")
    key = require_p256(key)
    check_key_matches(cert, key)
    return cert, key


# --- checking ------------------------------------------------------------------------


def is_ca(cert: x509.Certificate) -> bool:
    try:
        bc = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except (x509.ExtensionNotFound, ValueError):
        return False
    return bc.ca


def _key_usage_of(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def can_sign_documents(cert: x509.Certificate) -> bool:
    """True if the certificate's KeyUsage (when present) allows signing data."""
    usage = _key_usage_of(cert)
    return usage is None or usage.digital_signature or usage.content_commitment


def _purposes(cert: x509.Certificate) -> x509.ExtendedKeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        return None


def is_client_authentication(cert: x509.Certificate) -> bool:
    """True for a member's mutual-TLS certificate: not a CA, EKU clientAuth."""
    purposes = _purposes(cert)
    return not is_ca(cert) and purposes is not None and ExtendedKeyUsageOID.CLIENT_AUTH in purposes


def same_public_key(a: x509.Certificate, b: x509.Certificate) -> bool:
    fmt = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    try:
        return a.public_key().public_bytes(*fmt) == b.public_key().public_bytes(*fmt)
    except (ValueError, UnsupportedAlgorithm):
        return False


def is_trust_list_signer(cert: x509.Certificate) -> bool:
    """True for a trust-list signing certificate: not a CA, and its ExtendedKeyUsage
    names id-tsl-kp-tslSigning (a member's certificate never does)."""
    if is_ca(cert):
        return False
    try:
        purposes = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        return False
    return TRUST_LIST_SIGNING in purposes
