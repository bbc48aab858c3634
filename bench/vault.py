"""Vault benchmark: unlock time, and small committed writes against plain SQLite.

Prints JSON. Unlock uses the production KDF calibration; writes use the production
pragmas (WAL, synchronous=FULL, secure_delete, temp_store=MEMORY) on both sides, so
the ratio is the cost of encryption alone.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.vault.vault import Vault
from bench.common import emit, scratch, summary_ms
from crypto import kdf

COMMITS = 1000
BLOCK = 100
ROW = 4096
UNLOCKS = 5
PASSPHRASE = "benchmark passphrase, not a secret"
SCHEMA = "CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON",
           "PRAGMA temp_store=MEMORY", "PRAGMA foreign_keys=ON")


def commit_latencies(conn: object, count: int) -> list[float]:
    execute = conn.execute  # type: ignore[attr-defined]
    execute(SCHEMA)
    samples = []
    for _ in range(count):
        body = os.urandom(ROW)
        start = time.perf_counter()
        execute("BEGIN IMMEDIATE")
        execute("INSERT INTO bench(body) VALUES (?)", (body,))
        execute("COMMIT")
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

        plain = sqlite3.connect(Path(tmp) / "plain.db", isolation_level=None)
        for pragma in PRAGMAS:
            plain.execute(pragma)
        # Interleave blocks of commits so machine noise affects both sides alike.
        plain_samples: list[float] = []
        enc_samples: list[float] = []
        with Vault.open(root, PASSPHRASE) as vault:
            for _ in range(COMMITS // BLOCK):
                plain_samples += commit_latencies(plain, BLOCK)
                enc_samples += commit_latencies(vault.connection, BLOCK)
        plain.close()

    enc, base = summary_ms(enc_samples), summary_ms(plain_samples)
    emit({
        "benchmark": "vault",
        "kdf": {"memory_kib": params.memory_kib, "iterations": params.iterations,
                "lanes": params.lanes},
        "unlock_s": {"median": round(statistics.median(unlocks), 3),
                     "runs": [round(u, 3) for u in unlocks], "target_max": 1.0},
        "commit_4k": {"commits": COMMITS, "sqlcipher": enc, "sqlite_baseline": base,
                      "ratio_p50": round(enc["p50_ms"] / base["p50_ms"], 3),
                      "ratio_p99": round(enc["p99_ms"] / base["p99_ms"], 3),
                      "target_ratio_p50_max": 1.5},
    })


if __name__ == "__main__":
    main()
