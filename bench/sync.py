"""Sync benchmark: delivering ~1 MB bundles with the sync client, against a plain TLS
upload of the same bytes to the same intake; and the intake's upload latency with 20
clients at once.

Prints JSON (see bench/common.py). Set-up: a throwaway PostgreSQL cluster, migrated; the
intake as an operator runs it (`quietroom-intake serve --config`, a child process, so
the server never shares this process's interpreter with the clients); an interviewer's
vault holding COUNT bundles (`export --send`) of one signed case whose timeline makes
each bundle about 1 MB (the timeline goes into record.json and is not rendered, so an
export stays cheap: ~0.15 s). Every upload is a first delivery that the intake decrypts,
verifies in full and stores: its tables are emptied before each round.

Rounds, interleaved so drift hits both sides alike (plain, sync, plain, sync):
- plain, the baseline: each bundle PUT whole over one keep-alive HTTPS connection
  (http.client, the member's authentication certificate, the bytes already in memory, no
  receipt checked);
- sync: `sync_pass` on a fresh copy of the vault, which reads each item from the
  encrypted vault, PUTs it (whole: 1 MB is below the 8 MiB chunk), checks the receipt
  (CMS signature to the CA, signer, id, SHA-256, size) and records it in the vault.
Throughput is MB delivered per second, best of the rounds on each side; the target is a
sync throughput of at least 0.8 of the plain one. Then CLIENTS plain clients upload
every bundle once between them, each over its own connection, all at once: the
latency of each upload (request sent to answer read) as p50 and p99.

`--quick` (or QUIETROOM_BENCH_QUICK=1) uses 40 bundles instead of 200.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import os
import queue
import random
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from app.engine.engine import Engine
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.org import org_init
from app.sync.run import sync_pass
from app.vault.vault import Vault
from bench.common import (
    FAST_KDF,
    PASSPHRASE,
    REPO,
    emit,
    figure,
    ratio,
    report,
    scratch,
    summary_ms,
    words,
)
from bench.export import SIGNATURE
from intake.cluster import ThrowawayCluster
from intake.migrations import migrate

COUNT = 200
QUICK_COUNT = 40
CLIENTS = 20
ROUNDS = 2  # of each kind, interleaved
EVENTS = 150  # timeline events of ~5,000 characters: bundles of 1.0-1.2 MB
CASE = "BENCH-SYNC"
START_SECONDS = 120.0
MB = 1_000_000


@dataclass(frozen=True)
class Bundle:
    item_id: str
    sha256: str
    data: bytes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the vault ---------------------------------------------------------------------------


def interviewer_vault(root: Path, org: Path) -> Engine:
    """A vault with the interviewer's identity and a signed case of ~1 MB bundles."""
    engine = Engine(Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF))
    me = org / "interviewer"
    engine.import_identity(
        me / "cert.pem",
        me / "key.pem",
        me / "age-identity.txt",
        org / "trust.json",
        auth_cert=me / "auth-cert.pem",
        auth_key=me / "auth-key.pem",
    )
    rng = random.Random(11)
    engine.create_case("csa", CASE, interviewer="Interviewer One")
    engine.set_witness(CASE, name="Bench Witness", date_of_birth="1984-02-29")
    for _ in range(EVENTS):
        engine.add_event(CASE, "summer 1998", words(rng, 1000)[:5000])
    engine.start_sitting(CASE, location="Bench interview suite")
    engine.save_section(CASE, "account", words(rng, 400))
    engine.end_sitting(CASE)
    engine.confirm_readback(CASE)
    confirm_all_pages(engine, CASE)  # the witness confirmed each page
    engine.sign_statement(CASE, SIGNATURE)
    return engine


# --- the intake --------------------------------------------------------------------------


@contextmanager
def intake_process(base: Path, dsn: str, org: Path, port: int) -> Iterator[None]:
    """`quietroom-intake serve --config` on 127.0.0.1:port until the block ends."""
    config = base / "intake.toml"
    config.write_text(
        f'dsn = "{dsn}"\n'
        f'[listen]\nhost = "127.0.0.1"\nport = {port}\n'
        f'[trust]\nfile = "{org / "trust.json"}"\n'
        f'[identity]\nfolder = "{org / "intake"}"\n'
        "[pool]\nmin_size = 2\nmax_size = 10\n",
        encoding="utf-8",
    )
    with open(base / "intake-stderr.log", "w", encoding="utf-8") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "intake.cli", "serve", "--config", str(config)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    ready = threading.Event()

    def pump() -> None:  # reads to the end, so the child's stdout never fills up
        assert proc.stdout is not None
        for line in proc.stdout:
            if "the intake is serving on" in line:
                ready.set()
        ready.set()

    threading.Thread(target=pump, daemon=True).start()
    try:
        if not ready.wait(START_SECONDS) or proc.poll() is not None:
            raise RuntimeError(
                f"the intake did not start: {(base / 'intake-stderr.log').read_text()}"
            )
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(60)


def empty_intake(dsn: str) -> None:
    """Forget every bundle, receipt and upload, so the next round's are first deliveries."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("TRUNCATE receipts, bundles, upload_chunks, uploads")


def stored(dsn: str) -> int:
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT count(*) FROM bundles").fetchone()
    return int(row[0]) if row else 0


# --- plain uploads -----------------------------------------------------------------------


def tls_context(org: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=str(org / "ca.pem"))
    me = org / "interviewer"
    context.load_cert_chain(str(me / "auth-cert.pem"), str(me / "auth-key.pem"))
    return context


def put(conn: http.client.HTTPSConnection, bundle: Bundle) -> int:
    conn.request(
        "PUT",
        f"/v1/bundles/{bundle.item_id}",
        body=bundle.data,
        headers={"Quietroom-Sha256": bundle.sha256},
    )
    response = conn.getresponse()
    response.read()
    return response.status


def plain_round(port: int, context: ssl.SSLContext, bundles: list[Bundle]) -> float:
    """Seconds to upload every bundle, one after another, over one connection."""
    start = time.perf_counter()
    conn = http.client.HTTPSConnection("localhost", port, context=context, timeout=600)
    try:
        for bundle in bundles:
            status = put(conn, bundle)
            if status != 201:
                raise RuntimeError(f"plain upload answered {status}")
    finally:
        conn.close()
    return time.perf_counter() - start


def concurrent_round(
    port: int, context: ssl.SSLContext, bundles: list[Bundle], clients: int
) -> tuple[list[float], float]:
    """Every bundle uploaded once by `clients` clients at once, each over its own
    connection (made before the start): each upload's latency, and the wall time."""
    work: queue.Queue[Bundle] = queue.Queue()
    for bundle in bundles:
        work.put(bundle)
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    start_line = threading.Barrier(clients + 1)

    def client() -> None:
        conn = http.client.HTTPSConnection("localhost", port, context=context, timeout=600)
        try:
            conn.connect()
            start_line.wait()
            while True:
                try:
                    bundle = work.get_nowait()
                except queue.Empty:
                    return
                began = time.perf_counter()
                status = put(conn, bundle)
                took = time.perf_counter() - began
                with lock:
                    latencies.append(took)
                    if status != 201:
                        failures.append(str(status))
        except Exception as exc:
            with lock:
                failures.append(repr(exc))
        finally:
            conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    start_line.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    if failures:
        raise RuntimeError(f"concurrent uploads failed: {failures[:5]}")
    return latencies, wall


# --- the sync client -----------------------------------------------------------------------


def sync_round(vault: Path, url: str, count: int) -> float:
    """Seconds for one sync pass to deliver the whole outbox of a fresh vault copy."""
    engine = Engine(Vault.open(vault, PASSPHRASE))
    try:
        engine.set_sync_url(url)
        start = time.perf_counter()
        done = sync_pass(engine, fetch=False)
        took = time.perf_counter() - start
    finally:
        engine.vault.close()
    if not done.reached or len(done.delivered) != count:
        raise RuntimeError(f"the sync pass did not deliver everything: {done.summary()}")
    return took


# --- the benchmark -----------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_COUNT} bundles")
    parser.add_argument("--count", type=int, help="how many bundles (default 200)")
    parser.add_argument("--clients", type=int, default=CLIENTS, help="concurrent clients")
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("QUIETROOM_BENCH_QUICK") == "1"
    count = args.count or (QUICK_COUNT if quick else COUNT)

    with scratch() as tmp:
        base = Path(tmp)
        org = base / "org"
        port = free_port()
        org_init(org, intake_url=f"https://localhost:{port}")
        url = f"https://localhost:{port}"

        start = time.perf_counter()
        engine = interviewer_vault(base / "vault", org)
        for _ in range(count):
            export_case(engine, CASE, None, send=True)
        export_seconds = time.perf_counter() - start
        bundles = [
            Bundle(i.item_id, i.sha256, engine.outbox_data(i.item_id)) for i in engine.outbox()
        ]
        engine.vault.close()
        assert all(hashlib.sha256(b.data).hexdigest() == b.sha256 for b in bundles)
        total = sum(len(b.data) for b in bundles)
        copies = [base / f"sync-{n}" for n in range(ROUNDS)]
        for copy in copies:
            shutil.copytree(base / "vault", copy)

        context = tls_context(org)
        plain: list[float] = []
        synced: list[float] = []
        with ThrowawayCluster() as dsn:
            migrate(dsn)
            with intake_process(base, dsn, org, port):
                plain_round(port, context, bundles[:1])  # warm-up: imports, caches
                for copy in copies:
                    empty_intake(dsn)
                    plain.append(plain_round(port, context, bundles))
                    assert stored(dsn) == count
                    empty_intake(dsn)
                    synced.append(sync_round(copy, url, count))
                    assert stored(dsn) == count
                empty_intake(dsn)
                latencies, wall = concurrent_round(port, context, bundles, args.clients)
                assert stored(dsn) == count

    plain_mbs = total / MB / min(plain)
    sync_mbs = total / MB / min(synced)
    latency = summary_ms(latencies)
    emit(
        report(
            "sync",
            [
                figure(
                    "sync_client_throughput_mb_per_s",
                    round(sync_mbs, 2),
                    unit="MB/s",
                    note=f"best of {ROUNDS}, {count} bundles of ~{total / count / MB:.2f} MB",
                ),
                figure("baseline_plain_tls_upload_mb_per_s", round(plain_mbs, 2), unit="MB/s"),
                figure(
                    "sync_ratio_to_plain_upload",
                    ratio(sync_mbs, plain_mbs),
                    (">=", 0.8),
                    unit="x",
                ),
                figure(
                    "upload_latency_p50_ms_concurrent",
                    latency["p50_ms"],
                    unit="ms",
                    note=f"{args.clients} clients at once, {count} uploads",
                ),
                figure("upload_latency_p99_ms_concurrent", latency["p99_ms"], unit="ms"),
                figure("concurrent_throughput_mb_per_s", round(total / MB / wall, 2), unit="MB/s"),
            ],
            {
                "bundles": count,
                "bundle_bytes_mean": round(total / count),
                "total_mb": round(total / MB, 1),
                "plain_seconds": [round(s, 2) for s in plain],
                "sync_seconds": [round(s, 2) for s in synced],
                "concurrent_clients": args.clients,
                "concurrent_seconds": round(wall, 2),
                "concurrent_latency_ms": latency,
                "uploads_per_second_sync": round(count / min(synced), 1),
                "uploads_per_second_plain": round(count / min(plain), 1),
                "export_seconds": round(export_seconds, 1),
                "cpus": os.cpu_count(),
                "sync_pass": "fetch=False: delivery only",
            },
        )
    )


if __name__ == "__main__":
    main()
