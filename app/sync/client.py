"""HTTPS to the intake: mutual TLS with the member's authentication key, and the pin.

The client trusts the organisation's CA and nothing else (not the system's store),
checks the host name, and authenticates with the member's *authentication* certificate
and key from the vault, loaded through an anonymous memory file with a random password
held in memory (crypto/memkey.py): the key never reaches a disk in plaintext. Every
answer is also pinned: the server's certificate must be the TLS certificate the trust
file lists under its intake member, or the answer is thrown away.

Failures come out as three kinds, which the sync pass treats differently:
`Unreachable` (no connection, TLS refused, timed out, the link dropped: offline is
normal, try later), `Busy` (5xx or 429: the intake is there but cannot take it now) and
`Refused` (a 4xx with the intake's code and sentence: sending it again changes nothing).
"""

from __future__ import annotations

import hashlib
import json
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.errors import UsageError
from app.org import Identity, Trust
from crypto import pki
from crypto.memkey import NoMemoryFile, load_chain_in_memory

CONNECT_SECONDS = 10.0
TIMEOUT_SECONDS = 60.0
USER_AGENT = "Quietroom-sync/1"


class Unreachable(Exception):
    """No answer from the intake; `reason` is a short code (never case content)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Busy(Exception):
    """The intake answered but cannot take the request now (5xx, 429)."""

    def __init__(self, status: int, code: str | None, retry_after: float | None) -> None:
        super().__init__(f"{status} {code or ''}".strip())
        self.status = status
        self.code = code
        self.retry_after = retry_after


class Refused(Exception):
    """The intake refused for good: its stable code and readable sentence."""

    def __init__(self, status: int, code: str, message: str, body: dict[str, Any]) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.body = body


@dataclass(frozen=True)
class Answer:
    status: int
    headers: httpx.Headers
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def error_code(self) -> str | None:
        code = self.headers.get("Quietroom-Error")
        if code:
            return code
        try:
            return str(self.json()["error"]["code"])
        except (ValueError, KeyError, TypeError):
            return None


def check_url(url: str) -> str:
    """An https URL with a host and no path, query or credentials; refused otherwise."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme != "https"
        or not parts.hostname
        or parts.username
        or parts.password
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or (port is not None and not 0 < port < 65536)
    ):
        raise UsageError(
            "sync.bad_url",
            "'{url}' is not an intake address; give https://HOST or https://HOST:PORT",
            url=url[:200],
        )
    return f"https://{parts.netloc}"


def no_auth_certificate() -> UsageError:
    return UsageError(
        "sync.no_auth_certificate",
        "this vault has no authentication certificate to connect to the intake with; "
        "import your identity.p12 (or --auth-cert and --auth-key) with 'identity import'",
    )


def client_context(trust: Trust, identity: Identity) -> ssl.SSLContext:
    """TLS 1.2+, the organisation's CA as the only anchor, the host name checked, the
    member's authentication pair loaded in memory."""
    if identity.auth_cert is None or identity.auth_key is None:
        raise no_auth_certificate()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.check_hostname = True
    ctx.verify_flags |= ssl.VERIFY_X509_STRICT
    ctx.load_verify_locations(cadata=pki.certificate_pem(trust.ca_cert).decode("ascii"))
    try:
        load_chain_in_memory(ctx, identity.auth_cert, identity.auth_key, "quietroom-sync-tls")
    except NoMemoryFile:
        raise UsageError(
            "sync.no_memfd", "this system cannot keep the TLS key in memory (no memfd_create)"
        ) from None
    return ctx


def pinned_fingerprints(trust: Trust) -> frozenset[str]:
    """The TLS certificates the trust file lists for its intake members (empty for a
    trust file before version 3: then the CA and host name checks alone apply)."""
    return frozenset(
        pki.fingerprint(m.tls_certificate) for m in trust.by_role("intake") if m.tls_certificate
    )


class IntakeClient:
    """One member's connection to the intake (keep-alive; close it when done)."""

    def __init__(
        self,
        url: str,
        trust: Trust,
        identity: Identity,
        *,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.url = check_url(url)
        self._pins = pinned_fingerprints(trust)
        self._http = httpx.Client(
            base_url=self.url,
            verify=client_context(trust, identity),
            timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_SECONDS)),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=False,
            trust_env=False,  # no proxy or CA bundle from the environment
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> IntakeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
        params: dict[str, str | int] | None = None,
    ) -> Answer:
        """One request; raises Unreachable, Busy or Refused, else gives the answer
        (2xx, or a 404/409 the caller reads)."""
        try:
            response = self._http.request(
                method, path, headers=headers, content=content, params=params
            )
        except httpx.TimeoutException:
            raise Unreachable("timeout") from None
        except httpx.ConnectError as exc:
            raise Unreachable("tls" if _is_tls(exc) else "connect") from None
        except (httpx.TransportError, ssl.SSLError) as exc:
            raise Unreachable("tls" if _is_tls(exc) else "link") from None
        self._check_pin(response)
        answer = Answer(response.status_code, response.headers, response.content)
        if answer.status == 429 or answer.status >= 500:
            raise Busy(answer.status, answer.error_code, _retry_after(answer.headers))
        return answer

    def refused(self, answer: Answer) -> Refused:
        """The Refused for a 4xx answer (its code and sentence, or a plain one)."""
        try:
            body = answer.json()
            error = body["error"]
            return Refused(answer.status, str(error["code"]), str(error["message"]), body)
        except (ValueError, KeyError, TypeError):
            code = answer.error_code or f"http.{answer.status}"
            return Refused(answer.status, code, f"the intake answered {answer.status}", {})

    def _check_pin(self, response: httpx.Response) -> None:
        if not self._pins:
            return
        stream = response.extensions.get("network_stream")
        ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if der is None or hashlib.sha256(der).hexdigest() not in self._pins:
            raise Unreachable("pin")


def _is_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("Retry-After")
    try:
        return max(0.0, min(float(value), 3600.0)) if value else None
    except ValueError:
        return None
