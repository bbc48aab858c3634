"""Engine benchmark: autosave in a 100,000-word statement, opening a busy case, storage.

Prints JSON. Every figure stands beside a baseline measured in the same run on the same
vault: the raw committed write (or read) of the same bytes with the production pragmas.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.engine.models import Participant
from app.engine.revisions import COALESCE_SECONDS
from app.vault.vault import Vault
from bench.common import emit, scratch, summary_ms
from crypto.kdf import KdfParams

PASSPHRASE = "benchmark passphrase, not a secret"
WORDS = ["the", "house", "was", "cold", "and", "I", "remember", "the", "stairs", "he",
         "said", "nothing", "about", "it", "we", "walked", "home", "after", "school"]
KDF = KdfParams(memory_kib=64 * 1024, iterations=1, lanes=1)  # unlock is not measured here


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def dir_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.iterdir() if p.is_file())


def autosave(tmp: Path, rng: random.Random) -> dict[str, object]:
    clock = FakeClock()
    with Vault.create(tmp / "autosave", PASSPHRASE, use_keyring=False,
                      kdf_params=KDF) as vault:
        engine = Engine(vault, clock=clock)
        engine.create_case("csa", "BENCH-1")
        engine.set_witness("BENCH-1", name="Bench Witness")
        engine.start_sitting("BENCH-1", [Participant("interviewer", "Bench")])
        engine.save_section("BENCH-1", "background", words(rng, 10_000))
        text = words(rng, 90_000)
        engine.save_section("BENCH-1", "account", text)
        conn = vault.connection
        conn.execute("CREATE TABLE raw (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        saves, raws = [], []
        for i in range(300):
            clock.advance(2)
            if i % 10 == 9:  # now and then a correction in the middle
                cut = rng.randrange(len(text) // 4, len(text) // 2)
                text = text[:cut] + words(rng, 3) + text[cut + 40:]
            else:
                text += " " + words(rng, rng.randint(3, 12))
            start = time.perf_counter()
            engine.save_section("BENCH-1", "account", text)
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            with vault.transaction() as tx:
                tx.execute("INSERT OR REPLACE INTO raw(id, body) VALUES (1, ?)", (text,))
            raws.append(time.perf_counter() - start)
        total_words = len(text.split()) + 10_000
    save, raw = summary_ms(saves), summary_ms(raws)
    return {"statement_words": total_words, "saves": len(saves), "autosave": save,
            "raw_write_same_bytes": raw,
            "ratio_p50": round(save["p50_ms"] / raw["p50_ms"], 3),
            "ratio_p99": round(save["p99_ms"] / raw["p99_ms"], 3),
            "target": {"p99_ms_max": 20, "ratio_max": 2}}


def busy_case(tmp: Path, rng: random.Random) -> dict[str, object]:
    clock = FakeClock()
    root = tmp / "busy"
    with Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=KDF) as vault:
        engine = Engine(vault, clock=clock)
        engine.create_case("apsp", "BENCH-2")
        engine.set_witness("BENCH-2", name="Bench Witness", date_of_birth="1980-01-01")
        text = words(rng, 40_000)
        revisions = 0
        for sitting in range(50):
            engine.start_sitting("BENCH-2", [Participant("interviewer", "Bench"),
                                             Participant("isva", "Support")], "Room 1")
            for _ in range(100):
                clock.advance(COALESCE_SECONDS + 1)  # worst case: no coalescing
                text += " " + words(rng, 8)
                engine.save_section("BENCH-2", "account", text)
                revisions += 1
            engine.pause_sitting("BENCH-2", "witness", "break")
            clock.advance(300)
            engine.resume_sitting("BENCH-2")
            engine.end_sitting("BENCH-2")
            if sitting % 5 == 0:
                engine.add_event("BENCH-2", f"summer {1990 + sitting // 5}", "an event")
        engine.close()
        vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = dir_size(root)
        statement_bytes = len(text.encode())
    opens, raws = [], []
    for _ in range(7):
        with Vault.open(root, PASSPHRASE) as vault:
            start = time.perf_counter()
            engine = Engine(vault, clock=clock)
            engine.case("BENCH-2")
            engine.show_case("BENCH-2")
            engine.sections("BENCH-2")
            engine.sittings("BENCH-2")
            engine.timeline("BENCH-2")
            engine.notes("BENCH-2")
            engine.pacing("BENCH-2")
            opens.append(time.perf_counter() - start)
            start = time.perf_counter()
            vault.connection.execute("SELECT text FROM sections").fetchall()
            raws.append(time.perf_counter() - start)
            engine.close()
    opened, raw = summary_ms(opens), summary_ms(raws)
    return {"sittings": 50, "revisions": revisions, "statement_bytes": statement_bytes,
            "open": opened, "raw_read_same_text": raw,
            "vault_bytes": size, "vault_bytes_per_revision": size // revisions,
            "naive_full_copy_bytes": statement_bytes * revisions // 2,
            "storage_ratio_to_naive": round(size / (statement_bytes * revisions // 2), 4),
            "target": {"open_ms_max": 100}}


def main() -> None:
    rng = random.Random(7)
    with scratch() as tmp:
        emit({"benchmark": "engine", "autosave_100k_words": autosave(Path(tmp), rng),
              "busy_case": busy_case(Path(tmp), rng)})


if __name__ == "__main__":
    main()
