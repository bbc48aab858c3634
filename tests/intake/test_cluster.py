"""The throwaway PostgreSQL cluster: private, reachable over TCP on 127.0.0.1 and its
own socket, run by an unprivileged user when the tests run as root, and gone without a
trace afterwards — after a normal exit, an exception, and Ctrl+C."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import psycopg
import pytest

from intake.cluster import ROLE, ThrowawayCluster
from tests.conftest import REPO


def postgres_running_in(directory: Path) -> bool:
    """Whether any process has the data directory on its command line."""
    found = subprocess.run(["pgrep", "-f", str(directory)], capture_output=True, check=False)
    return found.returncode == 0


def test_the_session_cluster_is_private_and_speaks_tcp(pg_cluster: ThrowawayCluster) -> None:
    directory = pg_cluster.directory
    assert directory is not None
    st = directory.stat()
    assert stat.S_IMODE(st.st_mode) == 0o700
    expected_owner = 65534 if os.geteuid() == 0 else os.geteuid()  # nobody, or us
    assert st.st_uid == expected_owner
    assert stat.S_IMODE(pg_cluster.data_dir.stat().st_mode) == 0o700
    assert pg_cluster.log_file.parent == directory and pg_cluster.log_file.stat().st_size > 0
    assert any(p.name.startswith(".s.PGSQL.") for p in pg_cluster.socket_dir.iterdir())

    dsn = pg_cluster.dsn
    assert dsn.startswith(f"postgresql://{ROLE}:") and "@127.0.0.1:" in dsn
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            "SELECT current_user, current_database(), inet_server_addr()::text"
        ).fetchone()
    assert row == (ROLE, "quietroom_intake", "127.0.0.1/32")
    # the server runs as the unprivileged user, not as root
    owner = subprocess.run(
        ["ps", "-o", "uid=", "-p", str(pg_cluster._proc.pid)],  # type: ignore[union-attr]
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert int(owner) == expected_owner


def test_tcp_needs_the_password(pg_cluster: ThrowawayCluster) -> None:
    without = pg_cluster.dsn.replace(pg_cluster.dsn.split("@")[0], f"postgresql://{ROLE}")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(without, connect_timeout=5)
    superuser = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/postgres"
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(superuser, connect_timeout=5, password="")


def test_leaving_removes_everything_also_after_an_error() -> None:
    cluster = ThrowawayCluster()
    with pytest.raises(ZeroDivisionError), cluster as dsn:
        directory, data = cluster.directory, cluster.data_dir
        assert directory is not None and postgres_running_in(data)
        with psycopg.connect(dsn) as conn:
            conn.execute("SELECT 1")
        1 / 0  # noqa: B018
    assert not directory.exists()
    assert not postgres_running_in(data)
    assert not cluster.running
    cluster.stop()  # a second stop is harmless


def test_ctrl_c_stops_the_cluster_and_removes_it(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys, time
        from intake.cluster import ThrowawayCluster
        cluster = ThrowawayCluster()
        try:
            with cluster:
                print(cluster.data_dir, flush=True)
                time.sleep(120)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    data = Path(proc.stdout.readline().strip())
    assert data.name == "data" and postgres_running_in(data)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert out == "interrupted\n", err
    assert proc.returncode == 0
    assert not data.parent.exists()
    assert not postgres_running_in(data)
