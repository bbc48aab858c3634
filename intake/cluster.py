"""A throwaway PostgreSQL cluster for development and tests (never for real data).

`ThrowawayCluster` owns one short-lived cluster: a new private directory (0700) holding
the data directory, the Unix socket directory and the server's log; `initdb` and
`postgres` run from the installed PostgreSQL (Debian's `postgresql` package: the highest
version under /usr/lib/postgresql, else `pg_config --bindir`, else PATH). As a context
manager it yields the DSN of a database `quietroom_intake` owned by a role of the same
name, reached over TCP on 127.0.0.1 (what a real deployment uses):

    with ThrowawayCluster() as dsn:
        ...  # postgresql://quietroom_intake:…@127.0.0.1:PORT/quietroom_intake

On leaving the block, also through an exception or Ctrl+C, the server is stopped
(`pg_ctl stop -m fast`, then killed if it does not stop) and the directory removed.

Running as root: initdb and postgres refuse root, so every server program runs as the
unprivileged user `nobody` (its own group, no supplementary groups), set by subprocess
itself (setgroups, setregid, setreuid in the child) in a directory owned by that user.
Otherwise they run as the current user.

Development only, on purpose:
- Authentication: the Unix socket (inside the 0700 directory, so only its owner and root
  reach it) trusts the superuser `postgres`, which has no password and cannot log in
  over TCP; TCP on 127.0.0.1 requires scram-sha-256 with a random password that exists
  only in the DSN.
- Durability is off (fsync, full-page writes, synchronous commit): the cluster lives
  only as long as the process and is deleted after it, so losing it to a power cut
  loses nothing that was meant to be kept.
- A process killed with SIGKILL cannot clean up: its cluster keeps running until it is
  stopped by hand (`pg_ctl stop -D DIR/data`) and DIR removed.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from intake.errors import ClusterError

ROLE = "quietroom_intake"
DATABASE = "quietroom_intake"
SUPERUSER = "postgres"
UNPRIVILEGED_USER = "nobody"  # who runs the cluster when we are root

PROGRAMS = ("initdb", "pg_ctl", "postgres", "pg_isready")
START_TIMEOUT = 60.0  # seconds for initdb plus start-up, on a slow CI machine
STOP_TIMEOUT = 30.0
PORT_ATTEMPTS = 5  # another process may take the free port before postgres binds it
SOCKET_PATH_MAX = 100  # sun_path holds 108 bytes; ".s.PGSQL.NNNNN" goes inside it
DATABASE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

MISSING = (
    "PostgreSQL's server programs (initdb, pg_ctl, postgres, pg_isready) were not found; "
    "install the postgresql package"
)
FAILED = "the throwaway PostgreSQL cluster could not be started: {reason}"


def find_bindir() -> Path:
    """The directory of PostgreSQL's server programs: the highest version under
    /usr/lib/postgresql (Debian), else `pg_config --bindir`, else the one on PATH."""
    candidates: list[Path] = []
    versions = []
    for path in Path("/usr/lib/postgresql").glob("*/bin"):
        key = tuple(int(p) for p in re.findall(r"\d+", path.parent.name))
        versions.append((key, path))
    candidates += [path for _, path in sorted(versions, reverse=True)]
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            )
            candidates.append(Path(out.stdout.strip()))
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).parent)
    for bindir in candidates:
        if all(os.access(bindir / name, os.X_OK) for name in PROGRAMS):
            return bindir
    raise ClusterError("intake.postgres_missing", MISSING)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on at this moment."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Account:
    """Who runs the server programs: an unprivileged user when we are root, else us."""

    def __init__(self, name: str | None) -> None:
        self.name = name
        if name is None:
            self.uid, self.gid = os.geteuid(), os.getegid()
            return
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            raise ClusterError(
                "intake.cluster_failed", FAILED, reason=f"there is no user '{name}'"
            ) from None
        self.uid, self.gid = entry.pw_uid, entry.pw_gid

    def can_enter(self, directory: Path) -> bool:
        """Whether this account can reach `directory` (search permission on it and on
        every directory above it; ACLs aside)."""
        if self.name is None:
            return True
        for part in [directory, *directory.parents]:
            try:
                st = part.stat()
            except OSError:
                return False
            if st.st_uid == self.uid:
                bit = stat.S_IXUSR
            elif st.st_gid == self.gid:
                bit = stat.S_IXGRP
            else:
                bit = stat.S_IXOTH
            if not st.st_mode & bit:
                return False
        return True

    def own(self, path: Path) -> None:
        if self.name is not None:
            os.chown(path, self.uid, self.gid)


def _last_problem(log: Path) -> str:
    """The most telling line of the server's log: its last FATAL or ERROR, else its last
    line, shortened (the log itself is removed with the directory)."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "no log was written"
    lines = [line.strip() for line in lines if line.strip()]
    telling = [line for line in lines if "FATAL" in line or "ERROR" in line]
    line = (telling or lines or ["no log was written"])[-1]
    return "".join(c if c.isprintable() else " " for c in line)[:300]


class ThrowawayCluster:
    """A private PostgreSQL cluster, deleted on exit; `with` yields its DSN.

    `parent` is where the private directory goes (default: the temp directory, or /tmp
    when the unprivileged user cannot reach that or the socket path would be too long).
    `run_as` overrides the user the server runs as when we are root.
    """

    def __init__(
        self,
        *,
        parent: Path | None = None,
        bindir: Path | None = None,
        run_as: str | None = None,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        self._parent = parent
        self._bindir = bindir
        self._run_as = run_as
        self._start_timeout = start_timeout
        self._account: _Account | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._password = secrets.token_urlsafe(24)
        self.directory: Path | None = None
        self.port: int | None = None

    # --- paths ------------------------------------------------------------------------

    def _path(self, name: str) -> Path:
        if self.directory is None:
            raise RuntimeError("the cluster is not running")
        return self.directory / name

    @property
    def data_dir(self) -> Path:
        return self._path("data")

    @property
    def socket_dir(self) -> Path:
        return self._path("socket")

    @property
    def log_file(self) -> Path:
        return self._path("postgres.log")

    @property
    def dsn(self) -> str:
        """The application's DSN: role and database `quietroom_intake` over TCP."""
        return self.database_dsn(DATABASE)

    def database_dsn(self, database: str) -> str:
        if self.port is None:
            raise RuntimeError("the cluster is not running")
        return f"postgresql://{ROLE}:{self._password}@127.0.0.1:{self.port}/{database}"

    @property
    def admin_conninfo(self) -> str:
        """The superuser over the Unix socket (trusted; the socket's directory is 0700)."""
        host = str(self.socket_dir).replace("\\", "\\\\").replace("'", "\\'")
        return f"host='{host}' port={self.port} user={SUPERUSER} dbname=postgres"

    # --- the context manager ----------------------------------------------------------

    def __enter__(self) -> str:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self.dsn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- start ------------------------------------------------------------------------

    def start(self) -> None:
        self._bindir = bindir = self._bindir or find_bindir()
        wanted = self._run_as or (UNPRIVILEGED_USER if os.geteuid() == 0 else None)
        self._account = account = _Account(wanted)
        self.directory = self._make_directory(account)
        self.socket_dir.mkdir(mode=0o700)
        account.own(self.socket_dir)
        log = self.log_file
        log.touch(mode=0o600)
        account.own(log)
        self._run(
            [
                str(bindir / "initdb"),
                "--pgdata",
                str(self.data_dir),
                "--username",
                SUPERUSER,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
                "--no-instructions",
            ],
            what="initdb",
        )
        deadline = time.monotonic() + self._start_timeout
        for _ in range(PORT_ATTEMPTS):
            self.port = free_port()
            if self._start_server(bindir, deadline):
                break
        else:
            raise ClusterError("intake.cluster_failed", FAILED, reason=_last_problem(log))
        self._create_role_and_database()

    def _make_directory(self, account: _Account) -> Path:
        parent = self._parent or Path(tempfile.gettempdir())
        parent = parent.resolve()
        # DIR/quietroom-pg-XXXXXXXX/socket/.s.PGSQL.NNNNN must fit in sun_path
        too_long = len(str(parent)) + 45 > SOCKET_PATH_MAX
        if self._parent is None and (too_long or not account.can_enter(parent)):
            parent = Path("/tmp")
        if not account.can_enter(parent):
            raise ClusterError(
                "intake.cluster_failed",
                FAILED,
                reason=f"the user '{account.name}' cannot reach {parent}",
            )
        directory = Path(tempfile.mkdtemp(prefix="quietroom-pg-", dir=parent))
        os.chmod(directory, 0o700)
        account.own(directory)
        return directory

    def _environment(self) -> dict[str, str]:
        # A clean environment: no PG* variables of ours may point the programs elsewhere.
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}

    def _spawn_options(self) -> dict[str, object]:
        account = self._account
        assert account is not None and self.directory is not None
        options: dict[str, object] = {
            "cwd": self.directory,
            "env": self._environment(),
            "stdin": subprocess.DEVNULL,
        }
        if account.name is not None:
            options.update(user=account.uid, group=account.gid, extra_groups=[])
        return options

    def _run(self, args: list[str], *, what: str, timeout: float = START_TIMEOUT) -> None:
        with open(self.log_file, "ab") as log:
            try:
                done = subprocess.run(
                    args,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    timeout=timeout,
                    check=False,
                    **self._spawn_options(),  # type: ignore[call-overload]
                )
            except subprocess.TimeoutExpired:
                raise ClusterError(
                    "intake.cluster_failed", FAILED, reason=f"{what} did not finish in time"
                ) from None
        if done.returncode != 0:
            raise ClusterError("intake.cluster_failed", FAILED, reason=_last_problem(self.log_file))

    def _start_server(self, bindir: Path, deadline: float) -> bool:
        """Start postgres on self.port; True once it accepts connections, False when it
        exited (a port taken meanwhile, say). Waits at most until `deadline`."""
        settings = {
            "port": str(self.port),
            "listen_addresses": "127.0.0.1",
            "unix_socket_directories": str(self.socket_dir),
            "fsync": "off",
            "full_page_writes": "off",
            "synchronous_commit": "off",
        }
        args = [str(bindir / "postgres"), "-D", str(self.data_dir)]
        for key, value in settings.items():
            args += ["-c", f"{key}={value}"]
        with open(self.log_file, "ab") as log:
            # A session of its own: Ctrl+C at the terminal reaches us, not the server,
            # which we then stop in order.
            self._proc = subprocess.Popen(  # type: ignore[call-overload]
                args,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **self._spawn_options(),
            )
        proc = self._proc
        assert proc is not None
        ready = [str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)]
        while True:
            if proc.poll() is not None:
                self._proc = None
                return False
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ClusterError(
                    "intake.cluster_failed",
                    FAILED,
                    reason=f"it did not accept connections within {self._start_timeout:g} s",
                )
            check = subprocess.run(
                [*ready, "-t", str(max(1, min(5, int(remaining))))],
                capture_output=True,
                env=self._environment(),
                check=False,
            )
            if check.returncode == 0:
                return True
            if check.returncode == 3:  # pg_isready's "bad parameters"
                raise ClusterError(
                    "intake.cluster_failed", FAILED, reason="pg_isready refused its parameters"
                )
            # Not up yet: wait a moment, returning at once should the server exit.
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.05)

    def _create_role_and_database(self) -> None:
        import psycopg
        from psycopg import sql

        try:
            with psycopg.connect(self.admin_conninfo, autocommit=True, connect_timeout=10) as conn:
                conn.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                        sql.Identifier(ROLE), sql.Literal(self._password)
                    )
                )
                conn.execute(
                    sql.SQL("CREATE DATABASE {} OWNER {}").format(
                        sql.Identifier(DATABASE), sql.Identifier(ROLE)
                    )
                )
        except psycopg.Error as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ClusterError("intake.cluster_failed", FAILED, reason=reason) from None

    # --- more databases (tests) -------------------------------------------------------

    def create_database(self, name: str) -> str:
        """A new, empty database owned by the application role; its DSN."""
        import psycopg
        from psycopg import sql

        if not DATABASE_NAME.fullmatch(name):
            raise ValueError(f"not a plain database name: {name!r}")
        with psycopg.connect(self.admin_conninfo, autocommit=True) as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(name), sql.Identifier(ROLE)
                )
            )
        return self.database_dsn(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing whatever connections are still open to it."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.admin_conninfo, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    # --- stop -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        """Stop the server and remove the directory; safe to call more than once, and
        not cut short by a second Ctrl+C."""
        with _no_interrupts():
            self._stop_server()
            if self.directory is not None:
                shutil.rmtree(self.directory, ignore_errors=True)
                self.directory = None
            self.port = None

    def _stop_server(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None and self.directory is not None and self._bindir is not None:
            bindir = self._bindir
            with contextlib.suppress(ClusterError, OSError):
                self._run(
                    [
                        str(bindir / "pg_ctl"),
                        "stop",
                        "--pgdata",
                        str(self.data_dir),
                        "--mode=fast",
                        "--wait",
                        "--timeout",
                        str(int(STOP_TIMEOUT)),
                    ],
                    what="pg_ctl stop",
                    timeout=STOP_TIMEOUT + 5,
                )
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def _no_interrupts() -> Iterator[None]:
    """Ignore SIGINT for the duration (main thread only; elsewhere it cannot arrive)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
