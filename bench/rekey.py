"""Re-key benchmark: `passphrase change --rekey` on a vault with a long statement.

Prints JSON (see bench/common.py). A vault holding a 100,000-word statement typed in
500 autosaves (so the database has its revisions and is a few megabytes), then,
interleaved over a few rounds, in the same run:

- a re-key (app/vault/rekey.py: a new master key, the database exported under the new
  key into a fresh file, checked, the header staged, both put in place);
- the baseline: a plain passphrase change (one Argon2id and one header write), which is
  what the interviewer would otherwise do and which revokes nothing;
- and a raw copy of the database file with fsync, the least any re-encryption into a
  fresh file must cost in I/O.

Both use the same cheap KDF, so the difference is the re-encryption itself. The target:
done in under 10 seconds for this vault, on the worker thread (the window stays free).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.engine.engine import Engine
from app.vault.rekey import rekey
from app.vault.vault import Vault, database_path
from bench.common import FAST_KDF, PASSPHRASE, emit, figure, ratio, report, spread, words

ROUNDS = 5
WORDS = 100_000
SAVES = 500
OTHER = "another benchmark passphrase, not a secret"


def build(root: Path) -> None:
    rng = random.Random(20261207)
    with (
        Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
        Engine(vault) as engine,
    ):
        case = engine.create_case("csa", "BENCH-REKEY-1")
        text = ""
        per_save = WORDS // SAVES
        for _ in range(SAVES):
            text += " " + words(rng, per_save)
            engine.save_section(case.id, "account", text)


def copy_with_fsync(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    target.unlink()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="quietroom-bench-") as tmp:
        root = Path(tmp) / "vault"
        build(root)
        size = database_path(root).stat().st_size
        rekeys, changes, copies = [], [], []
        phrases = (PASSPHRASE, OTHER)
        current = 0
        for _ in range(ROUNDS):
            with Vault.open(root, phrases[current]) as vault:
                nxt = 1 - current
                start = time.perf_counter()
                rekey(vault, phrases[nxt])
                rekeys.append(time.perf_counter() - start)
                current = nxt
                nxt = 1 - current
                start = time.perf_counter()
                vault.change_passphrase(phrases[nxt])
                changes.append(time.perf_counter() - start)
                current = nxt
            start = time.perf_counter()
            copy_with_fsync(database_path(root), Path(tmp) / "copy.db")
            copies.append(time.perf_counter() - start)
        with Vault.open(root, phrases[current]) as vault, Engine(vault) as engine:
            texts = {x.id: x.text for x in engine.sections("BENCH-REKEY-1")}
            kept = len(texts["account"].split()) >= WORDS
        rekey_s, change_s, copy_s = (statistics.median(x) for x in (rekeys, changes, copies))
    emit(
        report(
            "rekey",
            [
                figure("re-key, median", round(rekey_s, 3), ("<", 10), unit="s"),
                figure("baseline: plain passphrase change, median", round(change_s, 3), unit="s"),
                figure("re-key / plain change", ratio(rekey_s, change_s)),
                figure("baseline: copying the database with fsync", round(copy_s, 4), unit="s"),
                figure("re-key / file copy", ratio(rekey_s, copy_s)),
            ],
            {
                "rounds": ROUNDS,
                "database_bytes": size,
                "words": WORDS,
                "saves": SAVES,
                "text_kept": kept,
                "rekey_s": spread(rekeys),
                "change_s": spread(changes),
                "copy_s": spread(copies),
            },
        )
    )


if __name__ == "__main__":
    main()
