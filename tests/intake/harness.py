"""What the intake's server tests share: one organisation with real exported bundles and
a decision (made once per session), the real intake served over TLS on 127.0.0.1 from a
thread of the test process, and an HTTPS client with a member's certificate
(http.client over an SSLContext; no third-party client).

The world is built once and cached here (each test module's fixture asks for it), so
three modules share one organisation, vault and export:

- `org`: an evaluation organisation (`org_init`, intake address https://localhost:PORT)
  with the interviewer, the supervisor and the intake; `other_org`: another one;
- `bundle`: a bundle exported by the interviewer to the default recipients (the
  supervisor, the intake, the author); `unaddressed`: the same case exported to the
  supervisor alone (not to the intake);
- `decision`: the supervisor's decision (returned) on `bundle`.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import socket
import ssl
from base64 import b64decode
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.export.bundle import export_case
from app.org import org_init
from app.review.checklist import Answers
from app.review.decision import decide
from app.review.inbox import open_for_review
from app.vault.vault import Vault
from intake.db import Database
from intake.identity import IntakeIdentity, load_intake_identity
from intake.server import Settings, make_app
from intake.serving import BackgroundServer
from intake.tls import server_context
from intake.trust_source import TrustSource
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.interop.test_export_bundle import build_case

CASE = "CSA-EXP-1"  # build_case's case
RETURN_COMMENTS = "Please ask about the date of the second incident, and re-read."


@dataclass(frozen=True)
class World:
    base: Path
    org: Path
    other_org: Path
    bundle: Path
    bundle_id: str
    unaddressed: Path
    unaddressed_id: str
    decision: Path
    decision_id: str

    def member(self, role: str) -> Path:
        return self.org / role


_WORLD: World | None = None


def free_tcp_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get_world(factory: pytest.TempPathFactory) -> World:
    """The session's world, built on first use."""
    global _WORLD
    if _WORLD is None:
        _WORLD = build_world(factory.mktemp("intake-world"))
    return _WORLD


def build_world(base: Path) -> World:
    org = base / "org"
    # The address only names where the CRL would be; the TLS certificate is for
    # localhost and 127.0.0.1 whatever port a test's server listens on.
    org_init(org, intake_url=f"https://localhost:{free_tcp_port()}")
    other_org = base / "other-org"
    org_init(other_org, "Another Organisation")
    interviewer = build_case(base / "interviewer", org)
    bundle = base / "statement.qrb"
    made = export_case(interviewer, CASE, bundle)
    unaddressed = base / "supervisor-only.qrb"
    only = export_case(interviewer, CASE, unaddressed, ["Supervisor One"])
    interviewer.vault.close()
    supervisor = Engine(
        Vault.create(base / "supervisor", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    )
    member = org / "supervisor"
    supervisor.import_identity(
        member / "cert.pem", member / "key.pem", member / "age-identity.txt", org / "trust.json"
    )
    review = open_for_review(supervisor, bundle).review
    assert review is not None
    decision = base / "returned.qrr"
    decided = decide(
        supervisor,
        review.id,
        approve=False,
        comments=RETURN_COMMENTS,
        answers=Answers(),
        out=decision,
    )
    supervisor.vault.close()
    return World(
        base=base,
        org=org,
        other_org=other_org,
        bundle=bundle,
        bundle_id=made.bundle_id,
        unaddressed=unaddressed,
        unaddressed_id=only.bundle_id,
        decision=decision,
        decision_id=decided.decision_id,
    )


# --- the server ---------------------------------------------------------------------------


@dataclass
class Running:
    server: BackgroundServer
    trust: TrustSource
    identity: IntakeIdentity
    org: Path

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def url(self) -> str:
        return self.server.url

    def client(self, role: str = "interviewer", **kwargs: Any) -> Client:
        return Client.for_member(self.port, self.org, role, **kwargs)


@contextmanager
def running_intake(
    db: Database, org: Path, *, password: bytes | None = None, trust_path: Path | None = None
) -> Iterator[Running]:
    """The real intake for `org`, served on a free port of 127.0.0.1 over TLS."""
    trust = TrustSource.from_files(trust_path or org / "trust.json", org / "ca.pem", interval=0)
    identity = load_intake_identity(org / "intake", password, trust.ca_cert)
    app = make_app(db, trust, identity, Settings(db_workers=4, verify_workers=2))
    server = BackgroundServer(app, server_context(identity, trust.ca_cert))
    with server:
        yield Running(server, trust, identity, org)


# --- the client --------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def code(self) -> str | None:
        try:
            return str(self.json()["error"]["code"])
        except (ValueError, KeyError, TypeError):
            return None

    def receipt(self) -> tuple[bytes, bytes]:
        doc = self.json()
        return b64decode(doc["receipt"]), b64decode(doc["signature"])


class Client:
    """HTTPS to the intake with a client certificate (or none)."""

    def __init__(
        self, port: int, ca: Path, cert: Path | None = None, key: Path | None = None
    ) -> None:
        self.port = port
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.context.load_verify_locations(cafile=str(ca))
        if cert is not None:
            self.context.load_cert_chain(str(cert), str(key) if key else None)

    @classmethod
    def for_member(
        cls,
        port: int,
        org: Path,
        role: str,
        *,
        cert: str = "auth-cert.pem",
        key: str = "auth-key.pem",
    ) -> Client:
        return cls(port, org / "ca.pem", org / role / cert, org / role / key)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        conn = http.client.HTTPSConnection("localhost", self.port, context=self.context, timeout=60)
        try:
            conn.request(method, path, body=body, headers=dict(headers or {}))
            response = conn.getresponse()
            return Answer(response.status, dict(response.getheaders()), response.read())
        finally:
            conn.close()

    def put(
        self,
        path: str,
        data: bytes,
        sha256: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        sent = {"Quietroom-Sha256": sha256 or hashlib.sha256(data).hexdigest(), **(headers or {})}
        return self.request("PUT", path, data, sent)

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def head(self, path: str, sha256: str) -> Answer:
        return self.request("HEAD", path, headers={"Quietroom-Sha256": sha256})


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tls_refused(client: Client, path: str = "/v1/trust") -> BaseException | None:
    """The exception a request ends with when TLS refuses it (None if it got an answer)."""
    try:
        answer = client.get(path)
    except (ssl.SSLError, ConnectionError, http.client.HTTPException) as exc:
        return exc
    raise AssertionError(f"expected a TLS refusal, got HTTP {answer.status}: {answer.body[:200]!r}")
