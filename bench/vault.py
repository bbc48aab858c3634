"""Vault benchmark: unlock time, and small committed writes against an unencrypted database.

Prints JSON (see bench/common.py). Unlock uses the production KDF calibration. Writes go
to the vault's SQLCipher database and, as the baseline, to a database opened through the
very same sqlcipher3 module *without a key*: the same bundled SQLite build, the same
page size and the production pragmas (WAL, synchronous=FULL, secure_delete,
temp_store=MEMORY, foreign_keys, set and checked by the vault's own `check_settings`).
The only difference left is the encryption, so the ratio is the cost of encryption
alone. (The standard library's sqlite3 is a different SQLite release and is not used.)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlcipher3

from app.vault.database import PAGE_SIZE, Connection, check_settings
from app.vault.vault import Vault, database_path
from bench.common import PASSPHRASE, emit, figure, ratio, report, scratch, summary_ms
from crypto import kdf

COMMITS = 1000
BLOCK = 100
ROW = 4096
UNLOCKS = 5
SCHEMA = "CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"
PLAIN_HEADER = b"SQLite format 3\x00"  # the first bytes of every unencrypted database


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
                "sqlite_version": sqlcipher3.sqlite_version,
                "cipher_version": cipher_version,
            },
        )
    )


if __name__ == "__main__":
    main()
