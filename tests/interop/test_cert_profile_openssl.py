"""The certificate profile checked by OpenSSL, as a third party and the intake's TLS
stack would: `openssl verify` with each certificate's own purpose (and a wrong one), the
CRL distribution point and subject alternative names as `openssl x509` prints them, and
a real mutual-TLS handshake through Python's `ssl` module between the intake's server
certificate and an interviewer's authentication certificate.
(tests/core/test_cert_profile.py checks the same profile in Python.)
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from app.org import org_init
from tests.conftest import require_tool

pytestmark = pytest.mark.slow

ORG = "Example Oversight Body"
CRL = "https://localhost:8443/v1/crl"
TIMEOUT = 10.0


@pytest.fixture
def org(tmp_path: Path) -> Path:
    out = tmp_path / "org"
    org_init(out, ORG)
    return out


def openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("openssl"), *map(str, args)], capture_output=True, text=True, timeout=60
    )


def verify(org: Path, purpose: str, cert: str) -> subprocess.CompletedProcess[str]:
    return openssl(
        "verify", "-x509_strict", "-CAfile", org / "ca.pem", "-purpose", purpose, org / cert
    )


# --- openssl verify, each certificate with its purpose --------------------------------


@pytest.mark.parametrize(
    ("purpose", "cert"),
    [
        ("sslserver", "intake/tls-cert.pem"),
        ("sslclient", "interviewer/auth-cert.pem"),
        ("sslclient", "supervisor/auth-cert.pem"),
        ("timestampsign", "intake/timestamp-cert.pem"),
        ("smimesign", "interviewer/cert.pem"),
        ("smimesign", "intake/cert.pem"),
    ],
)
def test_openssl_accepts_the_own_purpose(org: Path, purpose: str, cert: str) -> None:
    result = verify(org, purpose, cert)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(": OK")


@pytest.mark.parametrize(
    ("purpose", "cert"),
    [
        ("sslserver", "interviewer/auth-cert.pem"),
        ("sslclient", "intake/tls-cert.pem"),
        ("timestampsign", "interviewer/cert.pem"),
        ("sslclient", "interviewer/cert.pem"),
        ("smimesign", "interviewer/auth-cert.pem"),
        ("smimesign", "intake/timestamp-cert.pem"),
        ("timestampsign", "intake/tls-cert.pem"),
    ],
)
def test_openssl_refuses_another_purpose(org: Path, purpose: str, cert: str) -> None:
    result = verify(org, purpose, cert)
    assert result.returncode != 0
    assert "unsuitable certificate purpose" in result.stdout + result.stderr


# --- openssl x509: the extensions as printed ------------------------------------------


@pytest.mark.parametrize(
    "cert",
    [
        "ca.pem",
        "trust-signer/cert.pem",
        "interviewer/cert.pem",
        "interviewer/auth-cert.pem",
        "supervisor/auth-cert.pem",
        "intake/cert.pem",
        "intake/tls-cert.pem",
        "intake/timestamp-cert.pem",
    ],
)
def test_openssl_shows_the_crl_distribution_point(org: Path, cert: str) -> None:
    result = openssl("x509", "-noout", "-ext", "crlDistributionPoints", "-in", org / cert)
    assert result.returncode == 0, result.stderr
    assert f"URI:{CRL}" in result.stdout


def test_openssl_shows_the_alt_names(org: Path) -> None:
    result = openssl("x509", "-noout", "-ext", "subjectAltName", "-in", org / "intake/tls-cert.pem")
    assert result.returncode == 0, result.stderr
    assert "DNS:localhost" in result.stdout and "IP Address:127.0.0.1" in result.stdout


def test_openssl_shows_critical_timestamping(org: Path) -> None:
    result = openssl(
        "x509", "-noout", "-ext", "extendedKeyUsage", "-in", org / "intake/timestamp-cert.pem"
    )
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines == ["X509v3 Extended Key Usage: critical", "Time Stamping"]


# --- mutual TLS ----------------------------------------------------------------------


@dataclass
class Handshake:
    """What one connection did: the server's view and the client's."""

    peer: dict[str, Any] | None = None
    server_error: BaseException | None = None
    client_got: bytes | None = None
    client_error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)


def server_context(org: Path) -> ssl.SSLContext:
    """The intake's side: its TLS server certificate, and a client certificate from
    the organisation's CA required."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(org / "intake" / "tls-cert.pem", org / "intake" / "tls-key.pem")
    ctx.load_verify_locations(cafile=org / "ca.pem")
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def handshake(org: Path, cert: Path, key: Path, *, host: str = "localhost") -> Handshake:
    """One connection to a server on 127.0.0.1 (a thread, port 0), the client presenting
    `cert` and `key`, checking the server's certificate for `host`."""
    outcome = Handshake()
    server_ctx = server_context(org)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(TIMEOUT)
    port = listener.getsockname()[1]

    def serve() -> None:
        try:
            conn, _ = listener.accept()
            conn.settimeout(TIMEOUT)
            with server_ctx.wrap_socket(conn, server_side=True) as tls:
                outcome.peer = tls.getpeercert()
                tls.sendall(b"welcome")
        except (OSError, ssl.SSLError) as exc:
            outcome.server_error = exc
        finally:
            outcome.done.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client_ctx = ssl.create_default_context(cafile=org / "ca.pem")
    client_ctx.load_cert_chain(cert, key)
    try:
        with (
            socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as raw,
            client_ctx.wrap_socket(raw, server_hostname=host) as tls,
        ):
            # TLS 1.3: the server checks the client's certificate after the client's
            # handshake is done, so a refusal arrives on the first read.
            outcome.client_got = tls.recv(16)
    except (OSError, ssl.SSLError) as exc:
        outcome.client_error = exc
    finally:
        if not outcome.done.wait(TIMEOUT):
            listener.close()  # unblocks accept() if the client never connected
        thread.join(TIMEOUT)
        listener.close()
    assert not thread.is_alive()
    return outcome


def subject(peer: dict[str, Any]) -> dict[str, str]:
    return {key: value for rdn in peer["subject"] for key, value in rdn}


def test_mutual_tls_with_the_authentication_certificate(org: Path) -> None:
    me = org / "interviewer"
    result = handshake(org, me / "auth-cert.pem", me / "auth-key.pem")
    assert result.server_error is None and result.client_error is None
    assert result.client_got == b"welcome"
    assert result.peer is not None
    assert subject(result.peer) == {
        "commonName": "Interviewer One",
        "organizationName": ORG,
        "organizationalUnitName": "interviewer",
    }
    assert result.peer["crlDistributionPoints"] == (CRL,)


def test_mutual_tls_by_ip_address(org: Path) -> None:
    me = org / "supervisor"
    result = handshake(org, me / "auth-cert.pem", me / "auth-key.pem", host="127.0.0.1")
    assert result.client_got == b"welcome", result.client_error
    assert result.peer is not None and subject(result.peer)["commonName"] == "Supervisor One"


def test_server_refuses_the_signing_certificate(org: Path) -> None:
    me = org / "interviewer"
    result = handshake(org, me / "cert.pem", me / "key.pem")
    assert result.peer is None and result.client_got is None
    assert isinstance(result.server_error, ssl.SSLCertVerificationError)
    assert "unsuitable certificate purpose" in str(result.server_error)
    # The client hears of it as an alert (or, at worst, a reset connection).
    assert isinstance(result.client_error, OSError)


def test_client_refuses_a_server_for_another_host(org: Path) -> None:
    me = org / "interviewer"
    result = handshake(org, me / "auth-cert.pem", me / "auth-key.pem", host="intake.example.org")
    assert isinstance(result.client_error, ssl.SSLCertVerificationError)
    assert "intake.example.org" in str(result.client_error)
    assert result.peer is None
