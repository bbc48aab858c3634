"""Certificate path validation: the one check every signature and TLS peer goes through.

This module owns deciding whether a certificate may be used for a given purpose in the
organisation's PKI: it was issued directly by the organisation's CA (a self-signed CA
with pathLen 0, so the path is always CA -> leaf), both are valid at the time asked
about, the path passes RFC 5280 processing (including refusing unknown critical
extensions), and the leaf's key usage and extended key usage allow the use (`Usage`).
The path work is done by pyhanko-certvalidator, the validator that already checks PDF
signatures, so there is one implementation of the rules.

Failures raise `ValidityError` (outside a validity period) or `ChainError` (anything
else), each with one plain sentence of our own; no library exception or library text
ever leaves this module. Revocation is not checked yet: soft-fail, nothing fetched,
so a certificate naming a CRL distribution point still validates offline.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import enum
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.serialization import Encoding

from crypto import pki
from crypto.pki_errors import ChainError, ValidityError

if TYPE_CHECKING:
    from asn1crypto import x509 as asn1_x509

# pyhanko-certvalidator logs path-building failures with tracebacks that name the
# certificate; without a handler, Python's last-resort handler would print them.
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())

T = TypeVar("T")

CA_SIGNS = "the organisation's CA certificate cannot sign documents"
NOT_ISSUED = "the certificate was not issued by the organisation's CA"
NOT_A_CA = "the CA certificate is not a certificate authority"
UNKNOWN_CRITICAL = "the certificate has an unknown critical extension"
LEAF_IS_CA = "the certificate is a certificate authority's, not one issued for signing or TLS"
UNCHECKABLE = "the certificate could not be checked against the organisation's CA"


class Usage(enum.Enum):
    """What a certificate is about to be trusted for; each asks for its own usages."""

    DOCUMENT_SIGNING = "document signing"  # PDFs, bundle manifests, decisions, receipts
    TRUST_LIST = "trust-list signing"  # the organisation's trust file
    CLIENT_AUTH = "TLS client authentication"  # a member's mutual-TLS certificate
    SERVER_AUTH = "TLS server authentication"  # the intake server
    TIMESTAMPING = "time-stamping"  # the intake time-stamping authority


@dataclass(frozen=True)
class _Rule:
    # Any one of these KeyUsage bits will do; empty means "no KeyUsage bit required".
    key_usage: tuple[str, ...]
    key_usage_words: str
    # The ExtendedKeyUsage purpose (asn1crypto's name or a dotted OID) and its words.
    purpose: str
    purpose_words: str
    # False: a certificate without an ExtendedKeyUsage extension is unrestricted.
    purpose_required: bool


_DIGITAL_SIGNATURE = (("digital_signature",), "the key usage digital signature")
_RULES: dict[Usage, _Rule] = {
    # emailProtection is what OpenSSL's default S/MIME purpose looks for, so a document
    # signature this accepts is one `openssl cms -verify` accepts too.
    Usage.DOCUMENT_SIGNING: _Rule(
        ("digital_signature", "non_repudiation"),
        "the key usage digital signature or non-repudiation",
        "email_protection",
        "the extended key usage email protection",
        purpose_required=False,
    ),
    Usage.TRUST_LIST: _Rule(
        *_DIGITAL_SIGNATURE,
        pki.TRUST_LIST_SIGNING.dotted_string,
        "the extended key usage trust-list signing",
        purpose_required=True,
    ),
    Usage.CLIENT_AUTH: _Rule(
        *_DIGITAL_SIGNATURE,
        "client_auth",
        "the extended key usage TLS client authentication",
        purpose_required=True,
    ),
    Usage.SERVER_AUTH: _Rule(
        *_DIGITAL_SIGNATURE,
        "server_auth",
        "the extended key usage TLS server authentication",
        purpose_required=True,
    ),
    # RFC 3161 section 2.3: the key is reserved for time-stamping, and the certificate's
    # ExtendedKeyUsage names time-stamping and is critical (checked after this rule).
    Usage.TIMESTAMPING: _Rule(
        (),
        "",
        "time_stamping",
        "the extended key usage time-stamping",
        purpose_required=True,
    ),
}


class NotAllowedError(ChainError):
    """The certificate chains to the CA but may not be used for what was asked.

    `lacks` names what is missing in words ("the key usage digital signature"), so a
    caller can say it in its own sentence."""

    def __init__(self, lacks: str) -> None:
        super().__init__(f"the certificate is not allowed for this use (it lacks {lacks})")
        self.lacks = lacks


def check_chain(
    cert: x509.Certificate,
    ca_cert: x509.Certificate,
    *,
    usage: Usage,
    at: datetime | None = None,
) -> None:
    """Check that `cert` may be used for `usage`, issued directly by `ca_cert`, at `at`.

    `at` (timezone-aware; default now) is the moment both certificates must be valid.
    Raises `ValidityError` (with `expired` and `of_ca`) when a validity period does not
    contain `at`, `NotAllowedError` (a `ChainError`) when the usages do not allow
    `usage`, and `ChainError` for everything else.
    """
    if at is not None and at.utcoffset() is None:
        raise ValueError("times given to the PKI must be timezone-aware")
    moment = datetime.now(UTC) if at is None else at.astimezone(UTC)
    try:
        leaf = _to_asn1(cert)
        ca = _to_asn1(ca_cert)
    except (ValueError, TypeError):
        raise ChainError(UNCHECKABLE) from None
    try:
        _check(cert, ca_cert, leaf, ca, usage, moment)
    except ChainError:
        raise
    except Exception:
        # asn1crypto parses lazily and pyhanko-certvalidator raises many types on odd
        # input; a certificate that cannot be checked is simply not trusted.
        raise ChainError(UNCHECKABLE) from None


def _to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def _check(
    cert: x509.Certificate,
    ca_cert: x509.Certificate,
    leaf: asn1_x509.Certificate,
    ca: asn1_x509.Certificate,
    usage: Usage,
    moment: datetime,
) -> None:
    # The trust anchor is taken on faith by RFC 5280 path processing (and by
    # pyhanko-certvalidator): whether it is a CA at all is ours to check.
    ca_usage = ca.key_usage_value
    if not ca.ca or (ca_usage is not None and "key_cert_sign" not in ca_usage.native):
        raise ChainError(NOT_A_CA)
    # Validated as an end entity, the trust anchor is a path of length 0 that
    # pyhanko-certvalidator accepts as it is: the CA never signs in its own name.
    if leaf.dump() == ca.dump() or (
        leaf.subject == ca.subject and leaf.public_key.dump() == ca.public_key.dump()
    ):
        raise ChainError(CA_SIGNS)
    _validate_path(leaf, ca, moment, issued=lambda: _issued_by(cert, ca_cert))
    if leaf.ca:
        raise ChainError(LEAF_IS_CA)
    _check_usage(leaf, usage)


def _issued_by(cert: x509.Certificate, ca_cert: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(ca_cert)
    except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True


def _validate_path(
    leaf: asn1_x509.Certificate,
    ca: asn1_x509.Certificate,
    moment: datetime,
    *,
    issued: Callable[[], bool],
) -> None:
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.authority import CertTrustAnchor
    from pyhanko_certvalidator.errors import (
        DisallowedAlgorithmError,
        ExpiredError,
        InvalidCertificateError,
        NotYetValidError,
        PathBuildingError,
        PathValidationError,
        RevokedError,
    )
    from pyhanko_certvalidator.validate import SUPPORTED_EXTENSIONS

    context = ValidationContext(
        # Deriving the anchor's qualifiers from its certificate makes the CA's own
        # validity period and pathLen count; plain trust roots would ignore both.
        trust_roots=[CertTrustAnchor(ca, derive_default_quals_from_cert=True)],
        moment=moment,
        allow_fetching=False,
        # No revocation yet: a CRL distribution point in a certificate is noted and
        # nothing is fetched, so the check works offline.
        revocation_mode="soft-fail",
        # The same boundaries as the validity periods say, to the second.
        time_tolerance=timedelta(0),
    )
    validator = CertificateValidator(leaf, validation_context=context)
    try:
        path = _run(validator.async_validate_path)
    except ExpiredError as exc:
        of_ca = not exc.is_ee_cert
        raise ValidityError(_whose(of_ca) + " has expired", expired=True, of_ca=of_ca) from None
    except NotYetValidError as exc:
        of_ca = not exc.is_ee_cert
        raise ValidityError(
            _whose(of_ca) + " is not valid yet", expired=False, of_ca=of_ca
        ) from None
    except RevokedError:
        raise ChainError("the certificate has been revoked") from None
    except DisallowedAlgorithmError:
        raise ChainError(
            "the certificate is signed with an algorithm that is not allowed"
        ) from None
    except PathValidationError:
        # Which step failed is told by what the certificates hold, not by the
        # library's wording: a certificate the CA did sign, holding an extension the
        # validator does not know and that is marked critical, is refused for that;
        # anything else means it does not chain to the CA (signature or names).
        if issued() and leaf.critical_extensions - SUPPORTED_EXTENSIONS:
            raise ChainError(UNKNOWN_CRITICAL) from None
        raise ChainError(NOT_ISSUED) from None
    except (PathBuildingError, InvalidCertificateError):
        # No path at all: another issuer, or a self-signed certificate.
        raise ChainError(NOT_ISSUED) from None
    # Only the CA is a trust root and nothing else is offered, so a path is CA -> leaf;
    # refuse anything else rather than assume it.
    if path.pkix_len != 1:
        raise ChainError(NOT_ISSUED)


def _whose(of_ca: bool) -> str:
    return "the organisation's CA certificate" if of_ca else "the certificate"


def _check_usage(leaf: asn1_x509.Certificate, usage: Usage) -> None:
    from pyhanko_certvalidator.errors import InvalidCertificateError
    from pyhanko_certvalidator.validate import validate_usage

    rule = _RULES[usage]
    if rule.key_usage:
        # validate_usage wants every bit it is given; any one of ours is enough.
        for bit in rule.key_usage:
            try:
                validate_usage(leaf, {bit}, set(), True)
                break
            except InvalidCertificateError:
                continue
        else:
            raise NotAllowedError(rule.key_usage_words)
    try:
        validate_usage(leaf, set(), {rule.purpose}, not rule.purpose_required)
    except InvalidCertificateError:
        raise NotAllowedError(rule.purpose_words) from None
    if usage is Usage.TIMESTAMPING:
        _check_time_stamping(leaf)
    if usage is not Usage.TRUST_LIST and _names_trust_list_signing(leaf):
        # The trust-list signer carries emailProtection so openssl accepts its signature
        # on the list; that must not make it a document signer too.
        raise ChainError("the certificate is the trust-list signer's, which signs only the list")


def _names_trust_list_signing(leaf: asn1_x509.Certificate) -> bool:
    purposes = leaf.extended_key_usage_value
    return purposes is not None and pki.TRUST_LIST_SIGNING.dotted_string in {
        p.dotted for p in purposes
    }


def _check_time_stamping(leaf: asn1_x509.Certificate) -> None:
    """RFC 3161 section 2.3, as OpenSSL's timestamp-sign purpose reads it: the
    ExtendedKeyUsage is critical and names time-stamping alone, and a KeyUsage, when
    present, allows signing and nothing else."""
    if "extended_key_usage" not in leaf.critical_extensions:
        raise NotAllowedError("a critical extended key usage for time-stamping")
    if set(leaf.extended_key_usage_value.native) != {"time_stamping"}:
        raise NotAllowedError("an extended key usage reserved for time-stamping alone")
    key_usage = leaf.key_usage_value
    if key_usage is not None:
        bits = set(key_usage.native)
        signing = {"digital_signature", "non_repudiation"}
        if not bits & signing or bits - signing:
            raise NotAllowedError("a key usage limited to digital signature")


def _run(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion from synchronous code.

    pyhanko-certvalidator 0.33 validates paths only as coroutines. `asyncio.run` works
    in any thread without a running event loop (the UI thread, an executor thread of
    the intake server); inside a running loop it refuses, so there the coroutine gets
    a short-lived thread and a loop of its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with concurrent.futures.ThreadPoolExecutor(
        max_workers=1, thread_name_prefix="check-chain"
    ) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()
