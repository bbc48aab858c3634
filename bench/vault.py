"""Vault benchmark: unlock time, and small committed writes against an unencrypted database.

Prints JSON (see bench/common.py). Unlock uses the production KDF calibration. Writes go
to the vault's SQLCipher database and, as the baseline, to a database opened through the
very same sqlcipher3 module *without a key*: the same bundled SQLite build, the same
page size and the production pragmas (WAL, synchronous=FULL, secure_delete,
temp_store=MEMORY, foreign_keys, set and checked by the vault's own `check_settings`).
The only difference left is the encryption, so the ratio is the cost of encryption
alone. (The standard library's sqlite3 is a different SQLite release and is not used.)

SQLCipher's memory security (`cipher_memory_security`, which the vault turns on so that
what SQLite frees is overwritten) is process-wide and cannot be turned off once on, so
both sides above run with it. Its own cost is measured by two child processes of this
script, one with it off and one with it on, each with an encrypted database set up as
the vault's (raw key, page size, the enforced pragmas); the parent has them commit
blocks of rows in turn, swapping who goes first every block, as above. Commit latency is
mostly fsync here, which clusters on a few values (on the build machine ~0.3 ms or ~4 ms,
whichever the disk gives), so the CPU time each commit takes (user and system: memory
security's cost is CPU, overwriting and mlock/munlock calls) is reported beside it. Reads
allocate more than a small commit, so each block also times a read of the 100 newest
rows (about 400 KB); no disk is involved there, the cost shows in full.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlcipher3

from app.vault.database import (
    ENFORCED_PRAGMAS,
    PAGE_SIZE,
    Connection,
    apply_key,
    check_settings,
    secure_memory,
    silence_cipher_log,
)
from app.vault.vault import Vault, database_path
from bench.common import PASSPHRASE, emit, figure, ratio, report, scratch, summary_ms
from crypto import kdf
from crypto.secret import SecretKey

COMMITS = 1000
BLOCK = 100
ROW = 4096
UNLOCKS = 5
SCHEMA = "CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"
PLAIN_HEADER = b"SQLite format 3\x00"  # the first bytes of every unencrypted database
WORKER = "--memory-security-worker"
MS_BLOCK = 25  # finer interleaving than BLOCK: the fsync mode drifts over seconds
MS_READS = 5  # reads of the newest rows per block
READ = "SELECT id, body FROM bench ORDER BY id DESC LIMIT 100"


def open_plain(path: Path) -> Connection:
    """An unkeyed database through sqlcipher3, configured exactly as the vault's."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    # The vault sets cipher_page_size to PAGE_SIZE; the plain equivalent is page_size,
    # which must be set before the first table is created.
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    check_settings(conn)  # the production pragmas, verified (raises if one is refused)
    conn.execute(SCHEMA)
    return conn


def first_bytes(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(len(PLAIN_HEADER))


def commit_latencies(conn: Connection, count: int) -> list[float]:
    samples = []
    for _ in range(count):
        body = os.urandom(ROW)  # outside the timing: only the committed write is measured
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench(body) VALUES (?)", (body,))
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - start)
    return samples


def open_encrypted(path: Path, *, memory_security: bool) -> Connection:
    """An encrypted database set up as the vault's (app/vault/database.py `_connect` and
    `check_settings`), with SQLCipher's memory security on or left off."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    silence_cipher_log(conn)
    if memory_security:
        secure_memory(conn)
    with SecretKey(os.urandom(32)) as key:
        apply_key(conn, key)
    conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
    for name, (value, expected) in ENFORCED_PRAGMAS.items():
        if name == "cipher_memory_security":
            continue
        conn.execute(f"PRAGMA {name} = {value}").fetchall()
        if conn.execute(f"PRAGMA {name}").fetchone()[0] != expected:
            raise SystemExit(f"benchmark setup is wrong: {name} refused")
    conn.execute(SCHEMA)
    state = conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
    if state != ("1" if memory_security else "0"):
        raise SystemExit(f"benchmark setup is wrong: cipher_memory_security is {state}")
    if memory_security:
        check_settings(conn)  # exactly the production settings
    return conn


def read_latencies(conn: Connection, count: int) -> list[float]:
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        conn.execute(READ).fetchall()
        samples.append(time.perf_counter() - start)
    return samples


def memory_security_worker(mode: str) -> None:
    """Child process: for each "block" line on stdin, commit MS_BLOCK rows, then read the
    newest MS_READS times, and answer with one JSON line: the latencies and the process's
    CPU time for the commits (seconds)."""
    with scratch() as tmp:
        conn = open_encrypted(Path(tmp) / "vault.db", memory_security=mode == "on")
        print("ready", flush=True)
        for line in sys.stdin:
            if line.strip() == "block":
                cpu = time.process_time()
                latencies = commit_latencies(conn, MS_BLOCK)
                cpu = time.process_time() - cpu
                reads = read_latencies(conn, MS_READS)
                answer = {"latencies": latencies, "cpu_s": cpu, "reads": reads}
                print(json.dumps(answer), flush=True)
        conn.close()


def memory_security_samples() -> dict[str, dict[str, list[float]]]:
    """Commit latencies and CPU time per block with memory security off and on, from two
    child processes."""
    workers = {
        mode: subprocess.Popen(
            [sys.executable, __file__, WORKER, mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for mode in ("off", "on")
    }
    samples: dict[str, dict[str, list[float]]] = {
        mode: {"latencies": [], "cpu_s": [], "reads": []} for mode in workers
    }
    try:
        for worker in workers.values():
            assert worker.stdout is not None
            if worker.stdout.readline().strip() != "ready":
                raise SystemExit("a memory-security worker failed to start")
        for block in range(COMMITS // MS_BLOCK):
            for mode in ("on", "off") if block % 2 else ("off", "on"):
                worker = workers[mode]
                assert worker.stdin is not None and worker.stdout is not None
                worker.stdin.write("block\n")
                worker.stdin.flush()
                answer = json.loads(worker.stdout.readline())
                samples[mode]["latencies"] += answer["latencies"]
                samples[mode]["cpu_s"].append(answer["cpu_s"])
                samples[mode]["reads"] += answer["reads"]
    finally:
        for worker in workers.values():
            if worker.stdin is not None:
                worker.stdin.close()
        for worker in workers.values():
            if worker.wait(timeout=60) != 0:
                raise SystemExit("a memory-security worker failed")
    return samples


def main() -> None:
    with scratch() as tmp:
        root = Path(tmp) / "vault"
        params = kdf.calibrate()
        Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=params).close()
        unlocks = []
        for _ in range(UNLOCKS):
            start = time.perf_counter()
            vault = Vault.open(root, PASSPHRASE)
            unlocks.append(time.perf_counter() - start)
            vault.close()

        plain_path = Path(tmp) / "plain.db"
        plain = open_plain(plain_path)
        plain_samples: list[float] = []
        enc_samples: list[float] = []
        with Vault.open(root, PASSPHRASE) as vault:
            vault.connection.execute(SCHEMA)
            # Interleave blocks of commits, and swap which side goes first every block,
            # so machine noise and any first-mover cost fall on both sides alike.
            for block in range(COMMITS // BLOCK):
                if block % 2:
                    enc_samples += commit_latencies(vault.connection, BLOCK)
                    plain_samples += commit_latencies(plain, BLOCK)
                else:
                    plain_samples += commit_latencies(plain, BLOCK)
                    enc_samples += commit_latencies(vault.connection, BLOCK)
            cipher_version = vault.cipher_version
        plain.close()
        # Guard the comparison itself: the baseline really is plaintext, the vault is not.
        plain_is_plain = first_bytes(plain_path) == PLAIN_HEADER
        vault_is_encrypted = first_bytes(database_path(root)) != PLAIN_HEADER
        if not (plain_is_plain and vault_is_encrypted):
            raise SystemExit("benchmark setup is wrong: baseline encrypted or vault plain")

    secured = memory_security_samples()
    ms_off, ms_on = summary_ms(secured["off"]["latencies"]), summary_ms(secured["on"]["latencies"])
    read_off, read_on = summary_ms(secured["off"]["reads"]), summary_ms(secured["on"]["reads"])
    cpu_off, cpu_on = (
        round(sum(secured[mode]["cpu_s"]) / len(secured[mode]["latencies"]) * 1000, 4)
        for mode in ("off", "on")
    )
    enc, base = summary_ms(enc_samples), summary_ms(plain_samples)
    unlock = round(statistics.median(unlocks), 3)
    emit(
        report(
            "vault",
            [
                figure(
                    "unlock_median_s",
                    unlock,
                    (">=", 0.3),
                    ("<=", 1.0),
                    unit="s",
                    note=f"median of {UNLOCKS}, Argon2id calibrated on this machine",
                ),
                figure("commit_4k_p50_ms", enc["p50_ms"], unit="ms"),
                figure("commit_4k_p99_ms", enc["p99_ms"], unit="ms"),
                figure("baseline_plain_commit_4k_p50_ms", base["p50_ms"], unit="ms"),
                figure("baseline_plain_commit_4k_p99_ms", base["p99_ms"], unit="ms"),
                figure(
                    "commit_4k_ratio_p50",
                    ratio(enc["p50_ms"], base["p50_ms"]),
                    ("<=", 1.5),
                    unit="x",
                    note="encrypted over unencrypted, same sqlcipher3 and pragmas",
                ),
                figure("commit_4k_ratio_p99", ratio(enc["p99_ms"], base["p99_ms"]), unit="x"),
                # Where fsync dominates, latencies cluster on a few values and p50 hides small
                # differences; the mean shows them.
                figure("commit_4k_ratio_mean", ratio(enc["mean_ms"], base["mean_ms"]), unit="x"),
                figure("commit_4k_memory_security_off_p50_ms", ms_off["p50_ms"], unit="ms"),
                figure("commit_4k_memory_security_off_p99_ms", ms_off["p99_ms"], unit="ms"),
                figure("commit_4k_memory_security_on_p50_ms", ms_on["p50_ms"], unit="ms"),
                figure("commit_4k_memory_security_on_p99_ms", ms_on["p99_ms"], unit="ms"),
                figure(
                    "commit_4k_memory_security_ratio_p50",
                    ratio(ms_on["p50_ms"], ms_off["p50_ms"]),
                    unit="x",
                    note="cipher_memory_security on over off, both encrypted, same run",
                ),
                figure(
                    "commit_4k_memory_security_ratio_p99",
                    ratio(ms_on["p99_ms"], ms_off["p99_ms"]),
                    unit="x",
                ),
                figure(
                    "commit_4k_memory_security_ratio_mean",
                    ratio(ms_on["mean_ms"], ms_off["mean_ms"]),
                    unit="x",
                ),
                figure("commit_4k_memory_security_off_cpu_ms", cpu_off, unit="ms"),
                figure("commit_4k_memory_security_on_cpu_ms", cpu_on, unit="ms"),
                figure(
                    "commit_4k_memory_security_cpu_ratio",
                    ratio(cpu_on, cpu_off),
                    unit="x",
                    note="CPU time (user + system) per commit, on over off",
                ),
                figure("read_100x4k_memory_security_off_p50_ms", read_off["p50_ms"], unit="ms"),
                figure("read_100x4k_memory_security_on_p50_ms", read_on["p50_ms"], unit="ms"),
                figure(
                    "read_100x4k_memory_security_ratio_p50",
                    ratio(read_on["p50_ms"], read_off["p50_ms"]),
                    unit="x",
                    note="reading the 100 newest 4 KB rows, on over off",
                ),
                figure(
                    "read_100x4k_memory_security_ratio_p99",
                    ratio(read_on["p99_ms"], read_off["p99_ms"]),
                    unit="x",
                ),
            ],
            {
                "kdf": {
                    "memory_kib": params.memory_kib,
                    "iterations": params.iterations,
                    "lanes": params.lanes,
                },
                "unlock_runs_s": [round(u, 3) for u in unlocks],
                "commits_per_side": COMMITS,
                "row_bytes": ROW,
                "encrypted": enc,
                "baseline": base,
                "baseline_is": "the same sqlcipher3 module without a key: unencrypted SQLite "
                f"{sqlcipher3.sqlite_version}, page_size {PAGE_SIZE}, production "
                "pragmas; so the ratio is the cost of encryption alone",
                "memory_security": {
                    "off": {**ms_off, "cpu_ms_per_commit": cpu_off, "read": read_off},
                    "on": {**ms_on, "cpu_ms_per_commit": cpu_on, "read": read_on},
                    "commits_per_side": len(secured["on"]["latencies"]),
                    "note": "two child processes (the setting is process-wide and cannot be "
                    "turned off once on), each an encrypted database set up as the vault's; "
                    "the commit figures above ran with it on, on both sides",
                },
                "sqlite_version": sqlcipher3.sqlite_version,
                "cipher_version": cipher_version,
            },
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == WORKER:
        memory_security_worker(sys.argv[2])
    else:
        main()
