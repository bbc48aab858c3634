"""The intake's connection to PostgreSQL: a psycopg_pool ConnectionPool behind
`Database`, one-off connections (`connect`), and the mapping of a database that cannot be
reached to one clear error (`intake.db_unreachable`).

Every connection runs READ COMMITTED whatever the server's default, because the store's
idempotent inserts rely on it: after `INSERT … ON CONFLICT DO NOTHING` finds another
transaction's row, the next statement of the same transaction must see that row.
The intake keeps no state of its own, so any number of processes may share a database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import psycopg
from psycopg import IsolationLevel
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolTimeout

from app.errors import UsageError
from intake.errors import DatabaseUnavailable

Connection = psycopg.Connection[tuple[Any, ...]]

APPLICATION_NAME = "quietroom-intake"
CONNECT_TIMEOUT = 10  # seconds; libpq's connect_timeout takes whole seconds (at least 2)

BAD_DSN = (
    "the database address is not a valid PostgreSQL connection string "
    "(postgresql://USER@HOST:PORT/DATABASE)"
)
UNREACHABLE = "the intake's database at {where} could not be reached: {reason}"
# SQLSTATEs that mean the connection itself is gone: class 08 (connection exception) and
# the server shutting down or not yet accepting connections.
CONNECTION_GONE = ("08", "57P01", "57P02", "57P03")


def where(dsn: str) -> str:
    """HOST:PORT/DATABASE of a DSN, for messages (never its password)."""
    params = parse_dsn(dsn)
    host = params.get("host") or params.get("hostaddr") or "the local socket"
    return f"{host}:{params.get('port') or 5432}/{params.get('dbname') or params.get('user', '')}"


def parse_dsn(dsn: str) -> dict[str, Any]:
    try:
        return conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        raise UsageError("intake.bad_dsn", BAD_DSN) from None


def _reason(exc: BaseException) -> str:
    """libpq's reason, shortened to its point ("Connection refused", "password
    authentication failed for user …") on one line."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    # 'connection failed: connection to server at "…", port N failed: FATAL:  why'
    text = re.sub(r"^(FATAL|ERROR):\s+", "", text.rsplit("failed: ", 1)[-1])
    text = "".join(c if c.isprintable() else " " for c in text).strip()
    return text[:200] or type(exc).__name__


def unreachable(dsn: str, exc: BaseException) -> DatabaseUnavailable:
    return DatabaseUnavailable(
        "intake.db_unreachable", UNREACHABLE, where=where(dsn), reason=_reason(exc)
    )


def connection_gone(exc: psycopg.Error) -> bool:
    """Whether an error means the connection itself failed (not the statement)."""
    if isinstance(exc, psycopg.InterfaceError):
        return True
    if not isinstance(exc, psycopg.OperationalError):
        return False
    state = exc.sqlstate
    return state is None or state.startswith(CONNECTION_GONE)


def connect(
    dsn: str, *, autocommit: bool = False, connect_timeout: int = CONNECT_TIMEOUT
) -> Connection:
    """One connection of its own (migrations, probes), READ COMMITTED; refused DSNs and
    unreachable databases as the intake's errors."""
    parse_dsn(dsn)
    try:
        conn = psycopg.connect(
            dsn,
            autocommit=autocommit,
            connect_timeout=max(2, connect_timeout),
            application_name=APPLICATION_NAME,
        )
    except psycopg.OperationalError as exc:
        raise unreachable(dsn, exc) from None
    conn.isolation_level = IsolationLevel.READ_COMMITTED
    return conn


class Database:
    """A pool of connections to the intake's database.

    `connection()` lends one for a transaction: committed when the block ends, rolled
    back when it raises. Creating a Database connects once first, so a wrong DSN or a
    database that cannot be reached is one clear error at start-up, not a pool retrying
    in the background.
    """

    def __init__(
        self,
        dsn: str,
        *,
        min_size: int = 1,
        max_size: int = 10,
        timeout: float = 30.0,
        connect_timeout: int = CONNECT_TIMEOUT,
    ) -> None:
        self._dsn = dsn
        connect(dsn, connect_timeout=connect_timeout).close()
        self._pool: ConnectionPool[Connection] = ConnectionPool(
            dsn,
            min_size=min_size,
            max_size=max_size,
            timeout=timeout,
            open=False,
            name=APPLICATION_NAME,
            kwargs={
                "connect_timeout": max(2, connect_timeout),
                "application_name": APPLICATION_NAME,
            },
            configure=_configure,
            # A connection lent out is checked first, so one that a restarted server
            # dropped is replaced rather than failing the request.
            check=ConnectionPool.check_connection,
        )
        try:
            self._pool.open(wait=True, timeout=float(max(2, connect_timeout)))
        except PoolTimeout as exc:
            self._pool.close()
            raise unreachable(dsn, exc) from None

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A connection for one transaction (see the class)."""
        try:
            with self._pool.connection() as conn:
                yield conn
        except PoolTimeout as exc:
            raise unreachable(self._dsn, exc) from None
        except psycopg.Error as exc:
            if connection_gone(exc):
                raise unreachable(self._dsn, exc) from None
            raise

    @property
    def closed(self) -> bool:
        return self._pool.closed

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _configure(conn: Connection) -> None:
    conn.isolation_level = IsolationLevel.READ_COMMITTED
