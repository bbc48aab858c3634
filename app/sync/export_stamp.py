"""What an export needs from the intake to make its statement last: a signature
time-stamp from the intake's time-stamping authority and the organisation's current
revocation list (CRL) for the validation data (PAdES B-LT, app/export/ltv.py).

`stamp_plan` says, from the vault, whether to try at all (sync is configured and the
trust file lists the intake's time-stamping certificate) and carries what the network
side needs in memory: the address, the trust file, the member's identity for mutual TLS,
the last good CRL kept in the vault and one given by the caller. `stamp_export` then runs
where the network is, never touching the vault: it fetches the CRL (`GET /v1/crl`,
checked: signed by the CA and current), asks for the time-stamp and completes the
signature; offline, it leaves the statement B-B and says why. The CRL fetched is kept in
the vault afterwards (`remember_crl`) by whoever holds the vault.

Failures reaching the intake come out as the client's Unreachable, Busy and Refused;
nothing here logs.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path

from app.engine.engine import Engine
from app.errors import QuietroomError, UsageError
from app.export.bundle import PreparedExport, SignedStatement
from app.export.ltv import check_crl, stamp_statement, unstamped_statement
from app.export.pades_validate import intake_timestamp_certificates
from app.fsutil import cannot_read, read_limited
from app.org import Identity, Trust
from app.sync.client import Busy, IntakeClient, Refused, Unreachable
from app.sync.run import intake_url
from app.sync.stamper import IntakeTimeStamper
from crypto.crl import MAX_CRL_BYTES

CRL_PATH = "/v1/crl"
CRL_TYPE = "application/pkix-crl"
# The last good revocation list from the intake, base64 DER in the vault's meta table
# (beside the intake's address): used when the intake answers but serves none.
CACHED_CRL = "intake_crl"
NETWORK_FAILURES = (Unreachable, Busy, Refused)


@dataclass(frozen=True)
class StampPlan:
    """Where and how to ask for a time-stamp; plain data in memory, no vault."""

    url: str
    trust: Trust
    identity: Identity
    cached_crl: bytes | None = None  # the vault's last good CRL, if still current
    given_crl: bytes | None = None  # `--crl FILE`: used instead of the intake's
    timeout: float | None = None


@dataclass(frozen=True)
class Stamped:
    """A statement signed and, if the intake answered, time-stamped."""

    statement: SignedStatement
    fetched_crl: bytes | None = None  # a new CRL from the intake, to keep in the vault
    offline: str | None = None  # why it is not time-stamped (a short code), if it is not
    refused: bool = False  # the intake answered, but gave no time-stamp that checks
    no_crl: str | None = None  # why it carries no validation data (B-T), if it does not

    @property
    def unreachable(self) -> bool:
        """Not time-stamped because the intake could not be reached (or was busy)."""
        return self.offline is not None and not self.refused


def stamp_plan(
    engine: Engine, *, crl_file: Path | None = None, timeout: float | None = None
) -> StampPlan | None:
    """The plan for this vault, or None when there is nothing to try: sync is not set up
    (no intake address set and none in the trust file, or no authentication certificate
    to connect with) or the trust file lists no time-stamping certificate for the intake."""
    trust = engine.trust()
    identity = engine.identity()
    if trust is None or not intake_timestamp_certificates(trust) or identity.auth_cert is None:
        return None
    try:
        url = intake_url(engine)
    except UsageError:
        return None
    given = read_crl_file(crl_file, trust) if crl_file is not None else None
    return StampPlan(url, trust, identity, cached_crl(engine, trust), given, timeout)


def read_crl_file(path: Path, trust: Trust) -> bytes:
    """The organisation's `crl.der` given by the caller, once it is the CA's and current."""
    try:
        der = read_limited(path, MAX_CRL_BYTES)
    except OSError as exc:
        raise cannot_read(path, exc.strerror) from None
    except ValueError:
        raise UsageError(
            "export.bad_crl",
            "the revocation list is not the organisation's ({reason})",
            reason=f"{path.name} is far larger than any revocation list",
        ) from None
    check_crl(der, trust.ca_cert)
    return der


def cached_crl(engine: Engine, trust: Trust) -> bytes | None:
    """The last CRL fetched from the intake, if it is still the CA's and current."""
    text = engine.vault.meta(CACHED_CRL)
    if not text:
        return None
    try:
        der = base64.b64decode(text, validate=True)
        check_crl(der, trust.ca_cert)
    except (binascii.Error, ValueError, QuietroomError):
        return None
    return der


def remember_crl(engine: Engine, der: bytes) -> None:
    """Keep a CRL fetched from the intake (already checked) as the last good one."""
    with engine.vault.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (CACHED_CRL, base64.b64encode(der).decode("ascii")),
        )


def fetch_crl(client: IntakeClient, trust: Trust) -> bytes:
    """The intake's `GET /v1/crl`, checked (the CA's, current). Raises the client's
    Unreachable, Busy or Refused (404 `intake.no_crl` when it publishes none), or
    UsageError for a list that does not check."""
    answer = client.request("GET", CRL_PATH, headers={"Accept": CRL_TYPE})
    if answer.status != 200:
        raise client.refused(answer)
    check_crl(answer.body, trust.ca_cert)
    return answer.body


def stamp_export(
    prepared: PreparedExport, plan: StampPlan, *, client: IntakeClient | None = None
) -> Stamped:
    """Time-stamp the prepared export's signature with the intake and embed the
    validation data: B-LT; B-T when no current CRL could be had; B-B, with the reason,
    when the intake could not be reached or its time-stamp did not check. Never touches
    the vault; raises only for what is not the network's (a CRL file that does not
    check was refused before)."""
    own = client is None
    if client is None:
        try:
            client = IntakeClient(plan.url, plan.trust, plan.identity, **_timeout(plan))
        except UsageError as exc:  # this system cannot hold the TLS key in memory
            return Stamped(unstamped_statement(prepared.pending), offline=exc.code, refused=True)
    try:
        return _stamp(prepared, plan, client)
    finally:
        if own:
            client.close()


def _timeout(plan: StampPlan) -> dict[str, float]:
    return {"timeout": plan.timeout} if plan.timeout is not None else {}


def _stamp(prepared: PreparedExport, plan: StampPlan, client: IntakeClient) -> Stamped:
    fetched = None
    crl = plan.given_crl
    no_crl = None
    if crl is None:
        try:
            fetched = crl = fetch_crl(client, plan.trust)
        except Unreachable as exc:
            return _offline(prepared, exc.reason)
        except Busy as exc:
            return _offline(prepared, f"busy.{exc.status}")
        except (Refused, UsageError) as exc:
            # The intake is there but serves no current list: the last good one, if any.
            crl = plan.cached_crl
            no_crl = None if crl is not None else getattr(exc, "code", "crl")
    try:
        statement = stamp_statement(
            prepared.pending,
            plan.trust,
            IntakeTimeStamper(client, plan.trust),
            [crl] if crl is not None else [],
        )
    except Unreachable as exc:
        return _offline(prepared, exc.reason)
    except Busy as exc:
        return _offline(prepared, f"busy.{exc.status}")
    except Refused as exc:
        return _offline(prepared, exc.code, refused=True)
    except QuietroomError as exc:  # a time-stamp that did not check
        return _offline(prepared, exc.code, refused=True)
    return Stamped(statement, fetched_crl=fetched, no_crl=no_crl)


def _offline(prepared: PreparedExport, reason: str, *, refused: bool = False) -> Stamped:
    return Stamped(unstamped_statement(prepared.pending), offline=reason, refused=refused)


__all__ = [
    "CACHED_CRL",
    "NETWORK_FAILURES",
    "StampPlan",
    "Stamped",
    "cached_crl",
    "fetch_crl",
    "read_crl_file",
    "remember_crl",
    "stamp_export",
    "stamp_plan",
]
