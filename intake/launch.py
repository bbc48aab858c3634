"""Starting the intake: `quietroom-intake dev` (a throwaway database, the organisation's
own files) and `quietroom-intake serve` (the production configuration).

Both load and check everything before listening (the trust file, the intake's identity
against it, the TLS context, the database's schema), so a mistake is one line at start-up,
never a server that refuses every request. Both serve until Ctrl+C (SIGINT) or SIGTERM,
then stop accepting, let requests in flight finish and close the database.
"""

from __future__ import annotations

import errno
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from app.errors import UsageError
from app.org.trust import CA_NAME, TRUST_NAME
from crypto import pki
from crypto.pki_errors import PkiError
from intake.config import DEFAULT_PORT, Config
from intake.db import Database
from intake.identity import INTAKE_ROLE, IntakeIdentity, load_intake_identity, read_password_file
from intake.migrations import migrate, require_latest
from intake.server import Settings, make_app
from intake.serving import listening_socket, serve_forever
from intake.tls import server_context
from intake.trust_source import TrustSource

DEV_HOST = "127.0.0.1"
DEV_HOSTS = ("localhost", "127.0.0.1", "::1")

NO_INTAKE = "the trust file in {path} lists no intake member"
NO_INTAKE_FOLDER = (
    "none of the folders in {path} holds the intake member's files (its cert.pem); give "
    "the organisation folder that 'org init' wrote"
)
CANNOT_LISTEN = "cannot listen on {host}:{port}: {reason}"

Say = Callable[[str], None]


def _print(line: str) -> None:
    print(line, flush=True)


def dev_port(trust: TrustSource) -> int:
    """The port of the trust file's intake address when it is this machine's, else 8443."""
    url = trust.trust.intake_url
    if url:
        parts = urlsplit(url)
        if parts.hostname in DEV_HOSTS and parts.port:
            return parts.port
    return DEFAULT_PORT


def intake_folder(org: Path, trust: TrustSource) -> Path:
    """The intake member's folder in an organisation folder: `intake/` as `org init`
    writes it, else whichever folder holds the trust file's intake certificate."""
    members = trust.trust.by_role(INTAKE_ROLE)
    if not members:
        raise UsageError("intake.no_intake_member", NO_INTAKE, path=org)
    wanted = {m.fingerprint for m in members}
    candidates = [org / "intake", *sorted(p for p in org.iterdir() if p.is_dir())]
    for folder in candidates:
        cert = folder / "cert.pem"
        try:
            if pki.fingerprint(pki.load_certificate(cert.read_bytes())) in wanted:
                return folder
        except (OSError, PkiError):
            continue
    raise UsageError("intake.no_intake_folder", NO_INTAKE_FOLDER, path=org)


def _listen(host: str, port: int) -> socket.socket:
    try:
        return listening_socket(host, port)
    except OSError as exc:
        reason = (
            "the port is in use (give another with --port)"
            if exc.errno == errno.EADDRINUSE
            else exc.strerror or type(exc).__name__
        )
        raise UsageError(
            "intake.cannot_listen", CANNOT_LISTEN, host=host, port=port, reason=reason
        ) from None


def _identity(folder: Path, password_file: Path | None, trust: TrustSource) -> IntakeIdentity:
    password = read_password_file(password_file) if password_file else None
    identity = load_intake_identity(folder, password, trust.ca_cert)
    identity.check_against(trust.trust)
    return identity


def run_dev(org: Path, port: int | None, password_file: Path | None, *, say: Say = _print) -> int:
    """`quietroom-intake dev`: the organisation's intake on 127.0.0.1 over a throwaway
    PostgreSQL cluster that is removed when it stops."""
    from intake.cluster import ThrowawayCluster

    trust = TrustSource.from_files(org / TRUST_NAME, org / CA_NAME)
    identity = _identity(intake_folder(org, trust), password_file, trust)
    ssl_context = server_context(identity, trust.ca_cert)
    chosen = dev_port(trust) if port is None else port
    sock = _listen(DEV_HOST, chosen)
    try:
        say("starting a throwaway PostgreSQL cluster …")
        with ThrowawayCluster() as dsn:
            migrate(dsn)
            with Database(dsn, min_size=1, max_size=8) as db:
                app = make_app(db, trust, identity, Settings(db_workers=8))

                def ready() -> None:
                    say(f"the intake is serving at https://localhost:{chosen}")
                    say(f"its clients trust the CA certificate {(org / CA_NAME).resolve()}")
                    say("press Ctrl+C to stop it (its database is thrown away)")

                serve_forever(app, ssl_context, sock, on_ready=ready)
    finally:
        sock.close()
    say("the intake stopped and its throwaway database was removed")
    return 0


def run_serve(config: Config, *, say: Say = _print) -> int:
    """`quietroom-intake serve`: the production form (intake/config.py)."""
    trust = TrustSource.from_files(
        config.trust_file, config.ca_file, interval=config.reload_seconds
    )
    identity = _identity(config.identity_folder, config.password_file, trust)
    ssl_context = server_context(identity, trust.ca_cert)
    with Database(config.dsn, min_size=config.pool_min, max_size=config.pool_max) as db:
        require_latest(db)
        app = make_app(
            db,
            trust,
            identity,
            Settings(db_workers=config.pool_max, verify_workers=config.verify_workers),
        )
        sock = _listen(config.host, config.port)
        try:

            def ready() -> None:
                say(
                    f"the intake is serving on {config.host}:{config.port} "
                    f"(trust file serial {trust.trust.serial})"
                )

            serve_forever(app, ssl_context, sock, on_ready=ready)
        finally:
            sock.close()
    say("the intake stopped")
    sys.stdout.flush()
    return 0
