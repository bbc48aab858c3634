"""The intake's own identity: the keys and certificates of the trust file's intake member.

`org init` and `org issue --role intake` write them into a member folder (layout in
app/org/member_files.py): either one encrypted `identity.p12` (opened with a password
file) or, for an evaluation organisation, PEM files beside the certificates:

    signing     cert.pem, key.pem                 signs receipts (emailProtection)
    tls         tls-cert.pem, tls-key.pem         the HTTPS server (serverAuth)
    timestamp   timestamp-cert.pem, …-key.pem     RFC 3161 time stamps (intake/tsa.py)
    age         age-identity.txt                  opens what is addressed to the intake

Each certificate is checked for its own use against the organisation's CA, and the
identity against the trust file: its signing and TLS certificates (and its
time-stamping certificate, which the trust file lists whenever it lists one) must be
those the trust file lists for one member with the role `intake`, so an intake never
serves or stamps under a certificate the organisation did not publish for it.

The TLS key is never written to disk in plaintext: `tls_key_pem_encrypted` gives it as
an encrypted PEM under a random password kept in memory, for `intake/tls.py` to load
through a memfd.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pyrage import x25519

from app.errors import UsageError
from app.org.member_files import AGE_IDENTITY, FILES, IDENTITY_P12
from app.org.trust_format import Member, Trust
from crypto import pki
from crypto.identity_p12 import read_identity_p12
from crypto.pki_errors import PkiError
from crypto.recovery import RecoveryError, parse_identities
from crypto.validate import Usage, check_chain

LOG = logging.getLogger("quietroom.intake")

MAX_FILE = 1024 * 1024  # a certificate, key or identity file is a few kilobytes
MAX_PASSWORD_FILE = 64 * 1024
INTAKE_ROLE = "intake"

Pair = tuple[x509.Certificate, ec.EllipticCurvePrivateKey]

NOT_A_FOLDER = "the intake identity folder {path} does not exist or is not a folder"
PASSWORD_NEEDED = (
    "{path} is encrypted: give its password with --password-file (or password_file in the "
    "configuration)"
)
PASSWORD_NOT_NEEDED = "a password file was given, but {path} holds no identity.p12"
UNREADABLE = "cannot read {path}: {reason}"
UNUSABLE = "the intake identity in {path} cannot be used: {detail}"
MISSING_PART = "the intake identity in {path} has no {part}"
WRONG_USE = "the intake's {part} certificate is not usable: {detail}"
NOT_IN_TRUST = (
    "the intake identity in {path} is not the trust file's intake member: its {part} "
    "certificate is not the one the trust file lists"
)
PASSWORD_EMPTY = "the first line of the password file {path} is empty"


@dataclass(frozen=True, eq=False)
class IntakeIdentity:
    """The intake's keys: receipt signing, TLS server, age (and time-stamping)."""

    signing_cert: x509.Certificate
    signing_key: ec.EllipticCurvePrivateKey = field(repr=False)
    tls_cert: x509.Certificate
    tls_key: ec.EllipticCurvePrivateKey = field(repr=False)
    age_identity: x25519.Identity = field(repr=False)
    timestamp: Pair | None = field(default=None, repr=False)
    source: Path | None = None

    @property
    def name(self) -> str:
        return pki.common_name(self.signing_cert) or "intake"

    @property
    def fingerprint(self) -> str:
        """The signing certificate's fingerprint (the trust file's certificate_fingerprint)."""
        return pki.fingerprint(self.signing_cert)

    @property
    def age_recipient(self) -> str:
        return str(self.age_identity.to_public())

    def tls_key_pem_encrypted(self, password: bytes) -> bytes:
        """The TLS key as PKCS#8 PEM encrypted under `password` (never plaintext)."""
        if not password:
            raise ValueError("the TLS key is only ever handed out encrypted")
        return pki.private_key_pem(self.tls_key, password)

    def check_against(self, trust: Trust) -> Member:
        """The trust file's intake member this identity is, else a clear refusal."""
        where = self.source or Path("?")
        member = trust.member_for_certificate(self.signing_cert)
        if member is None or member.role != INTAKE_ROLE:
            raise UsageError(
                "intake.identity_not_in_trust", NOT_IN_TRUST, path=where, part="signing"
            )
        listed = member.tls_certificate
        if listed is None or pki.fingerprint(listed) != pki.fingerprint(self.tls_cert):
            raise UsageError("intake.identity_not_in_trust", NOT_IN_TRUST, path=where, part="TLS")
        if member.age_recipient != self.age_recipient:
            raise UsageError("intake.identity_not_in_trust", NOT_IN_TRUST, path=where, part="age")
        # Laptops accept a receipt's time stamp only from the listed certificate, so an
        # identity without it (or with another) would issue receipts nobody accepts. A
        # trust file that lists none (made before time-stamping) leaves the pair unused.
        stamping = member.timestamp_certificate
        if stamping is not None and (
            self.timestamp is None
            or pki.fingerprint(stamping) != pki.fingerprint(self.timestamp[0])
        ):
            raise UsageError(
                "intake.identity_not_in_trust", NOT_IN_TRUST, path=where, part="time-stamping"
            )
        return member


def read_password_file(path: Path) -> bytes:
    """The first line of a password file (a warning when others may read it)."""
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            raw = fh.read(MAX_PASSWORD_FILE + 1)
    except OSError as exc:
        raise UsageError(
            "intake.file_unreadable", UNREADABLE, path=path, reason=exc.strerror
        ) from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        LOG.warning("the password file %s can be read by others; chmod 600 it", path)
    lines = raw[:MAX_PASSWORD_FILE].decode("utf-8", errors="replace").splitlines()
    line = lines[0].lstrip("\ufeff") if lines else ""
    if not line:
        raise UsageError("intake.password_empty", PASSWORD_EMPTY, path=path)
    return line.encode("utf-8")


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE + 1)
    except OSError as exc:
        raise UsageError(
            "intake.file_unreadable", UNREADABLE, path=path, reason=exc.strerror
        ) from None
    if len(data) > MAX_FILE:
        raise UsageError(
            "intake.file_unreadable", UNREADABLE, path=path, reason="far larger than expected"
        )
    return data


def _age(text: str, folder: Path) -> x25519.Identity:
    try:
        identities = parse_identities(text)
    except RecoveryError:
        raise UsageError(
            "intake.identity_unusable", UNUSABLE, path=folder, detail="no age identity"
        ) from None
    if len(identities) != 1:
        raise UsageError(
            "intake.identity_unusable",
            UNUSABLE,
            path=folder,
            detail="it must hold exactly one age identity",
        )
    return identities[0]


def _from_p12(folder: Path, password: bytes) -> tuple[dict[str, Pair], x25519.Identity]:
    try:
        bundle = read_identity_p12(_read(folder / IDENTITY_P12), password)
    except PkiError as exc:
        raise UsageError(
            "intake.identity_unusable", UNUSABLE, path=folder, detail=str(exc)
        ) from None
    if bundle.age_identity is None:
        raise UsageError(
            "intake.identity_incomplete", MISSING_PART, path=folder, part="age identity"
        )
    return dict(bundle.pairs), _age(bundle.age_identity, folder)


def _from_pem(folder: Path) -> tuple[dict[str, Pair], x25519.Identity]:
    pairs: dict[str, Pair] = {}
    for label in ("signing", "tls", "timestamp"):
        cert_name, key_name = FILES[label]
        if label == "timestamp" and not (folder / key_name).exists():
            continue
        try:
            cert, key = pki.load_pem_pair(_read(folder / cert_name), _read(folder / key_name))
        except PkiError as exc:
            raise UsageError(
                "intake.identity_unusable", UNUSABLE, path=folder, detail=str(exc)
            ) from None
        pairs[label] = (cert, key)
    age_text = _read(folder / AGE_IDENTITY).decode("utf-8", errors="replace")
    return pairs, _age(age_text, folder)


def load_intake_identity(
    folder: Path, password: bytes | None, ca_cert: x509.Certificate
) -> IntakeIdentity:
    """The intake's identity from its member folder, each certificate checked for its
    use against the organisation's CA (`check_against` then ties it to the trust file)."""
    if not folder.is_dir():
        raise UsageError("intake.identity_folder_missing", NOT_A_FOLDER, path=folder)
    p12 = folder / IDENTITY_P12
    if p12.exists():
        if not password:
            raise UsageError("intake.identity_password_needed", PASSWORD_NEEDED, path=p12)
        pairs, age = _from_p12(folder, password)
    else:
        if password:
            raise UsageError(
                "intake.identity_password_not_needed", PASSWORD_NOT_NEEDED, path=folder
            )
        pairs, age = _from_pem(folder)
    for label, part in (("signing", "receipt-signing"), ("tls", "TLS server")):
        if label not in pairs:
            raise UsageError(
                "intake.identity_incomplete", MISSING_PART, path=folder, part=f"{part} key"
            )
    uses = {"signing": Usage.DOCUMENT_SIGNING, "tls": Usage.SERVER_AUTH}
    if "timestamp" in pairs:
        uses["timestamp"] = Usage.TIMESTAMPING
    for label, usage in uses.items():
        try:
            check_chain(pairs[label][0], ca_cert, usage=usage)
        except PkiError as exc:
            raise UsageError(
                "intake.identity_wrong_use", WRONG_USE, part=label, detail=str(exc)
            ) from None
    return IntakeIdentity(
        signing_cert=pairs["signing"][0],
        signing_key=pairs["signing"][1],
        tls_cert=pairs["tls"][0],
        tls_key=pairs["tls"][1],
        age_identity=age,
        timestamp=pairs.get("timestamp"),
        source=folder,
    )
