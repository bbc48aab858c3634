"""A member's folder: the keys and certificates `org init` and `org issue` write for them.

Every member has a signing certificate (documents, and for the intake its receipts) and
an age identity (bundles addressed to them). Interviewers and supervisors also have an
authentication certificate for mutual TLS; the intake has a TLS server certificate and
a time-stamping certificate (docs/keys.md has the profile). What is written:

    evaluation (no password)            protected (--password-file F)
    cert.pem, key.pem                   identity.p12  every key and certificate below,
    auth-cert.pem, auth-key.pem                       the CA certificate and the age
    tls-cert.pem, tls-key.pem                         identity, encrypted under F
    timestamp-cert.pem, timestamp-key.pem             (crypto/identity_p12.py)
    age-identity.txt                    cert.pem, auth-cert.pem, tls-cert.pem,
    age-recipient.txt                   timestamp-cert.pem, age-recipient.txt (public)

Every file is new and 0600 in a 0700 folder; keys in the evaluation layout are
unencrypted PKCS#8, which the CLI warns about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pyrage import x25519

from app.fsutil import ensure_private_dir, fsync_dir, write_new_file
from app.org.identity import age_identity_file
from app.org.trust_format import Member, new_member_id
from crypto import pki
from crypto.identity_p12 import IdentityFile, write_identity_p12

# label in identity.p12 -> (certificate file, key file) in the evaluation layout
FILES = {
    "signing": ("cert.pem", "key.pem"),
    "authentication": ("auth-cert.pem", "auth-key.pem"),
    "tls": ("tls-cert.pem", "tls-key.pem"),
    "timestamp": ("timestamp-cert.pem", "timestamp-key.pem"),
}
IDENTITY_P12 = "identity.p12"
AGE_IDENTITY = "age-identity.txt"
AGE_RECIPIENT = "age-recipient.txt"
DEV_HOSTS = ("localhost", "127.0.0.1")

Pair = tuple[x509.Certificate, ec.EllipticCurvePrivateKey]


@dataclass(frozen=True, eq=False)
class MemberKeys:
    """A member's new keys and certificates, by label, and their age identity."""

    pairs: dict[str, Pair]
    age: x25519.Identity = field(repr=False)


def intake_hosts(intake_url: str | None) -> list[str]:
    """The host names the intake's TLS certificate is for: the configured one, and
    localhost and 127.0.0.1 when it is a development address (or none is set)."""
    host = urlsplit(intake_url).hostname if intake_url else None
    if host is None:
        return list(DEV_HOSTS)
    if host in (*DEV_HOSTS, "::1"):
        return list(dict.fromkeys([host, *DEV_HOSTS]))
    return [host]


def crl_url(intake_url: str | None) -> str | None:
    """Where certificates say the CA's revocation list is: the intake's /v1/crl."""
    return f"{intake_url.rstrip('/')}/v1/crl" if intake_url else None


def issue_member_keys(
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    *,
    organisation: str,
    role: str,
    name: str,
    intake_url: str | None,
) -> MemberKeys:
    """Every certificate a member of `role` needs, issued by the CA now."""
    crl = crl_url(intake_url)
    pairs = {
        "signing": pki.issue_certificate(
            ca_cert, ca_key, name=name, organisation=organisation, role=role, crl_url=crl
        )
    }
    if role == "intake":
        pairs["tls"] = pki.issue_tls_server_certificate(
            ca_cert,
            ca_key,
            organisation=organisation,
            hosts=intake_hosts(intake_url),
            crl_url=crl,
        )
        pairs["timestamp"] = pki.issue_timestamp_certificate(
            ca_cert, ca_key, organisation=organisation, crl_url=crl
        )
    else:
        pairs["authentication"] = pki.issue_authentication_certificate(
            ca_cert, ca_key, name=name, organisation=organisation, role=role, crl_url=crl
        )
    return MemberKeys(pairs=pairs, age=x25519.Identity.generate())


def write_member_files(
    directory: Path,
    keys: MemberKeys,
    ca_cert: x509.Certificate,
    *,
    friendly_name: str,
    password: bytes | None,
) -> None:
    """Write `keys` into `directory` in the evaluation or the protected layout."""
    ensure_private_dir(directory)
    for label, (cert, _key) in keys.pairs.items():
        write_new_file(directory / FILES[label][0], pki.certificate_pem(cert))
    if password:
        identity = IdentityFile(
            pairs=dict(keys.pairs), age_identity=str(keys.age), ca_certificates=(ca_cert,)
        )
        write_new_file(
            directory / IDENTITY_P12,
            write_identity_p12(identity, password, friendly_name=friendly_name),
        )
    else:
        for label, (_cert, key) in keys.pairs.items():
            write_new_file(directory / FILES[label][1], pki.private_key_pem(key))
        created = age_identity_file(keys.age, datetime.now(UTC)).encode("ascii")
        write_new_file(directory / AGE_IDENTITY, created)
    write_new_file(directory / AGE_RECIPIENT, f"{keys.age.to_public()}\n".encode("ascii"))
    fsync_dir(directory)


def write_member(
    directory: Path,
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    organisation: str,
    role: str,
    name: str,
    *,
    intake_url: str | None = None,
    password: bytes | None = None,
    member_id: str | None = None,
) -> Member:
    """Issue a member's certificates, write their folder and return their trust entry."""
    keys = issue_member_keys(
        ca_cert, ca_key, organisation=organisation, role=role, name=name, intake_url=intake_url
    )
    write_member_files(directory, keys, ca_cert, friendly_name=name, password=password)
    signing = keys.pairs["signing"][0]

    def cert(label: str) -> x509.Certificate | None:
        pair = keys.pairs.get(label)
        return pair[0] if pair else None

    return Member(
        name=name,
        role=role,
        certificate=signing,
        age_recipient=str(keys.age.to_public()),
        fingerprint=pki.fingerprint(signing),
        member_id=member_id or new_member_id(),
        authentication_certificate=cert("authentication"),
        tls_certificate=cert("tls"),
        timestamp_certificate=cert("timestamp"),
    )
