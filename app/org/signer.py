"""The organisation's trust-list signer: the one key that signs the trust file.

`org init` issues it beside the CA and the members:

    out/trust-signer/cert.pem   its certificate, issued by the CA (crypto/pki.py:
                                `issue_trust_list_signer`; EKU id-tsl-kp-tslSigning)
    out/trust-signer/key.pem    its private key, unencrypted PKCS#8, 0600

The CA key issues certificates; the trust-list signer publishes who is a member. So
removing a member, or re-issuing the trust file before its next update, needs only
this key, and the CA key can stay offline. Issuing a new member still needs the CA key,
because it makes a certificate.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from app.errors import UsageError
from app.fsutil import ensure_private_dir, fsync_dir, write_new_file
from app.org.trust import (
    MAX_CERT_FILE,
    MAX_KEY_FILE,
    TRUST_SIGNER_CERTIFICATE_FILE,
    TRUST_SIGNER_KEY_FILE,
    read_file,
)
from crypto import pki
from crypto.pki_errors import PkiError

SIGNER_DIR = "trust-signer"
CERT_NAME = "cert.pem"
KEY_NAME = "key.pem"

Signer = tuple[x509.Certificate, ec.EllipticCurvePrivateKey]


def write_trust_signer(
    directory: Path,
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    organisation: str,
) -> Signer:
    """Issue a trust-list signer and write it into `directory` (new files, 0600)."""
    cert, key = pki.issue_trust_list_signer(ca_cert, ca_key, organisation=organisation)
    ensure_private_dir(directory)
    write_new_file(directory / CERT_NAME, pki.certificate_pem(cert))
    write_new_file(directory / KEY_NAME, pki.private_key_pem(key))
    fsync_dir(directory)
    return cert, key


def has_trust_signer(org_dir: Path) -> bool:
    """True when `org_dir` has a trust-list signer (an organisation made before there
    was one has none until the CA key makes it)."""
    return (org_dir / SIGNER_DIR).exists()


def load_trust_signer(org_dir: Path, ca_cert: x509.Certificate) -> Signer:
    """The trust-list signer of the organisation in `org_dir`, checked: its key matches
    its certificate, the CA issued it, it is valid now and it is a trust-list signer."""
    directory = org_dir / SIGNER_DIR
    cert_data = read_file(directory / CERT_NAME, MAX_CERT_FILE, TRUST_SIGNER_CERTIFICATE_FILE)
    key_data = read_file(directory / KEY_NAME, MAX_KEY_FILE, TRUST_SIGNER_KEY_FILE)
    try:
        cert, key = pki.load_pem_pair(cert_data, key_data)
        pki.check_issued_by(cert, ca_cert)
    except PkiError as exc:
        raise UsageError(
            "org.trust_signer_unusable",
            "cannot use the trust-list signer in {path}: {detail}",
            path=directory,
            detail=str(exc),
        ) from None
    if not pki.is_trust_list_signer(cert):
        raise UsageError(
            "org.not_trust_signer",
            "the certificate in {path} is not a trust-list signing certificate",
            path=directory,
        )
    return cert, key
