"""The organisation's trust-list signer: the one key that signs the trust file.

`org init` issues it beside the CA and the members:

    out/trust-signer/cert.pem   its certificate, issued by the CA (crypto/pki.py:
                                `issue_trust_list_signer`; EKU id-tsl-kp-tslSigning)
    out/trust-signer/key.pem    its private key, PKCS#8, 0600: encrypted under the
                                organisation's passphrase (--ca-passphrase-file), or
                                unencrypted in an evaluation organisation

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
from app.org.key_passphrase import check_passphrase_given
from app.org.member_files import crl_url
from app.org.trust import (
    MAX_CERT_FILE,
    MAX_KEY_FILE,
    TRUST_SIGNER_CERTIFICATE_FILE,
    TRUST_SIGNER_KEY_FILE,
    read_file,
)
from crypto import pki
from crypto.pki_errors import PkiError
from crypto.validate import Usage, check_chain

SIGNER_DIR = "trust-signer"
CERT_NAME = "cert.pem"
KEY_NAME = "key.pem"

Signer = tuple[x509.Certificate, ec.EllipticCurvePrivateKey]


def write_trust_signer(
    directory: Path,
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    organisation: str,
    *,
    intake_url: str | None = None,
    password: bytes | None = None,
) -> Signer:
    """Issue a trust-list signer and write it into `directory` (new files, 0600), its
    key encrypted under `password` when one is given."""
    cert, key = pki.issue_trust_list_signer(
        ca_cert, ca_key, organisation=organisation, crl_url=crl_url(intake_url)
    )
    ensure_private_dir(directory)
    write_new_file(directory / CERT_NAME, pki.certificate_pem(cert))
    write_new_file(directory / KEY_NAME, pki.private_key_pem(key, password))
    fsync_dir(directory)
    return cert, key


def has_trust_signer(org_dir: Path) -> bool:
    """True when `org_dir` has a trust-list signer (an organisation made before there
    was one has none until the CA key makes it)."""
    return (org_dir / SIGNER_DIR).exists()


def load_trust_signer(
    org_dir: Path, ca_cert: x509.Certificate, passphrase: bytes | None = None
) -> Signer:
    """The trust-list signer of the organisation in `org_dir`, checked: its key matches
    its certificate, the CA issued it for signing trust lists, and it is valid now.
    `passphrase` opens an encrypted key."""
    directory = org_dir / SIGNER_DIR
    cert_data = read_file(directory / CERT_NAME, MAX_CERT_FILE, TRUST_SIGNER_CERTIFICATE_FILE)
    key_data = read_file(directory / KEY_NAME, MAX_KEY_FILE, TRUST_SIGNER_KEY_FILE)
    check_passphrase_given(key_data, passphrase, directory / KEY_NAME)
    try:
        cert, key = pki.load_pem_pair(cert_data, key_data, passphrase)
        if not pki.is_trust_list_signer(cert):
            raise UsageError(
                "org.not_trust_signer",
                "the certificate in {path} is not a trust-list signing certificate",
                path=directory,
            )
        check_chain(cert, ca_cert, usage=Usage.TRUST_LIST)
    except PkiError as exc:
        raise UsageError(
            "org.trust_signer_unusable",
            "cannot use the trust-list signer in {path}: {detail}",
            path=directory,
            detail=str(exc),
        ) from None
    return cert, key
