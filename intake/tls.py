"""Mutual TLS for the intake: the server's SSLContext, and who is calling.

The server context accepts TLS 1.2 and 1.3 only, requires a client certificate
(`CERT_REQUIRED`) and trusts nothing but the organisation's CA. OpenSSL checks, during
the handshake, that the client's certificate was issued by that CA, is within its
validity and allows TLS client authentication (the `ssl_client` purpose a server applies
to its clients): no certificate, one from another CA, an expired one, or a member's
signing certificate (no clientAuth) never reach the application.

The application then asks who it is: `caller` takes the verified peer certificate (DER,
from the request's transport), finds the trust file's member holding it, and checks it
once more with the project's own validator (`crypto/validate.py`, usage clientAuth) so a
certificate the trust file lists for another use never authenticates anyone. A
certificate that chains to the CA but is not in the current trust file (a removed
member) is refused with 403 `intake.unknown_member`.

The TLS key reaches OpenSSL without touching a disk: `load_tls_key` hands the
certificate and an encrypted PEM of the key (a random password held in memory) to
OpenSSL through an anonymous memory file (crypto/memkey.py, the sync client's scheme).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass

from aiohttp import web
from cryptography import x509

from app.org.trust_format import Member, Trust
from crypto import pki
from crypto.memkey import NoMemoryFile, load_chain_in_memory
from crypto.pki_errors import PkiError
from crypto.validate import Usage, check_chain
from intake.identity import IntakeIdentity
from intake.refusals import Refused

# TLS 1.2 suites: forward secrecy and AEAD only (TLS 1.3 suites are all of that kind).
TLS12_CIPHERS = "ECDHE+AESGCM:ECDHE+CHACHA20"

UNKNOWN_MEMBER = (
    "your certificate does not belong to a member of the organisation's current trust "
    "file; ask your administrator"
)
NO_CERTIFICATE = "the connection carries no verified client certificate"
NOT_FOR_TLS = (
    "your certificate is not the authentication certificate the trust file lists for you: {detail}"
)
NO_MEMFD = (
    "this system cannot keep the TLS key in memory (no memfd_create); the intake runs on Linux"
)


def server_context(identity: IntakeIdentity, ca_cert: x509.Certificate) -> ssl.SSLContext:
    """The intake's TLS server context (see the module's docstring)."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.verify_flags |= ssl.VERIFY_X509_STRICT
    ctx.set_ciphers(TLS12_CIPHERS)
    ctx.options |= ssl.OP_NO_COMPRESSION | ssl.OP_CIPHER_SERVER_PREFERENCE
    ctx.options |= ssl.OP_NO_RENEGOTIATION
    # The organisation's CA is the only trust anchor: not the system's store.
    ctx.load_verify_locations(cadata=pki.certificate_pem(ca_cert).decode("ascii"))
    load_tls_key(ctx, identity)
    return ctx


def load_tls_key(ctx: ssl.SSLContext, identity: IntakeIdentity) -> None:
    """Load the intake's TLS certificate and key into `ctx` through a memfd, the key
    encrypted under a random password that exists only in this process's memory."""
    try:
        load_chain_in_memory(ctx, identity.tls_cert, identity.tls_key, "quietroom-intake-tls")
    except NoMemoryFile:
        raise Refused("intake.no_memfd", NO_MEMFD) from None


@dataclass(frozen=True)
class Caller:
    """The member on the other end of the connection."""

    member: Member
    certificate: x509.Certificate  # the TLS client certificate

    @property
    def fingerprint(self) -> str:
        """The member's signing certificate fingerprint (what the trust file lists)."""
        return self.member.fingerprint

    @property
    def role(self) -> str:
        return self.member.role


def peer_certificate(request: web.Request) -> x509.Certificate:
    """The verified client certificate of the request's connection."""
    transport = request.transport
    ssl_object = transport.get_extra_info("ssl_object") if transport is not None else None
    der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    if not der:
        raise Refused("intake.unknown_member", NO_CERTIFICATE, status=403)
    try:
        return x509.load_der_x509_certificate(der)
    except (ValueError, x509.InvalidVersion):
        raise Refused("intake.unknown_member", NO_CERTIFICATE, status=403) from None


def identify(cert: x509.Certificate, trust: Trust) -> Caller:
    """The trust file's member holding `cert` as their TLS client certificate."""
    member = trust.member_for_any_certificate(cert)
    if member is None:
        raise Refused("intake.unknown_member", UNKNOWN_MEMBER, status=403)
    listed = member.authentication_certificate
    if listed is None or pki.fingerprint(listed) != pki.fingerprint(cert):
        raise Refused(
            "intake.unknown_member",
            NOT_FOR_TLS,
            status=403,
            detail="it is listed for another use",
        )
    try:
        check_chain(cert, trust.ca_cert, usage=Usage.CLIENT_AUTH)
    except PkiError as exc:
        raise Refused("intake.unknown_member", NOT_FOR_TLS, status=403, detail=str(exc)) from None
    return Caller(member, cert)


def caller(request: web.Request, trust: Trust) -> Member:
    """The member calling (synchronous; the server runs `identify` in a thread and keeps
    the answer per certificate and trust file)."""
    return identify(peer_certificate(request), trust).member
