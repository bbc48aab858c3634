"""What every reliability campaign shares: its size, its seed and its report.

A campaign runs in two forms. Inside `make test` (and so in CI) it runs bounded: a few
minutes for the whole suite. `make reliability` sets QUIETROOM_CAMPAIGN=full and runs
each at the size the issue asks for (1,000 kills during autosave, 200 for each other
operation, 1,000,000 fuzzing iterations in all). Every random choice comes from a
generator seeded from QUIETROOM_CAMPAIGN_SEED and the campaign's name, so a failure is
reproduced by running again with the seed the report printed.

Each campaign ends with `report(name, figures)`: one line of JSON on standard output
(`pytest -s` shows it) and, under `make reliability`, a file in bench/results/reliability/
that scripts/reliability_table.py turns into the README's table.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import zlib
from pathlib import Path
from typing import Any

FULL = os.environ.get("QUIETROOM_CAMPAIGN", "").lower() == "full"
SEED = int(os.environ.get("QUIETROOM_CAMPAIGN_SEED", "20261208"))
OUT = os.environ.get("QUIETROOM_CAMPAIGN_OUT", "")


def size(bounded: int, full: int) -> int:
    """How many rounds: `full` under `make reliability`, `bounded` otherwise."""
    return full if FULL else bounded


def rng(name: str) -> random.Random:
    """The campaign's own generator: the same seed and name give the same sequence."""
    return random.Random(SEED * 1_000_003 + zlib.crc32(name.encode()))


def report(name: str, figures: dict[str, Any]) -> dict[str, Any]:
    """Print the campaign's figures as one JSON line (and write them under `make
    reliability`); returns what was written, for the test's own assertions."""
    record = {
        "campaign": name,
        "form": "full" if FULL else "bounded",
        "seed": SEED,
        "date": dt.date.today().isoformat(),
        **figures,
    }
    line = json.dumps(record, sort_keys=True)
    print(f"\nRELIABILITY {line}", file=sys.stdout, flush=True)
    if OUT:
        folder = Path(OUT)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{name}.json"
        temporary = target.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
        os.replace(temporary, target)
    return record
