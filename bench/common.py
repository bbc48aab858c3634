"""Helpers shared by the benchmarks: percentiles, a scratch directory, JSON output."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(samples: list[float]) -> dict[str, float]:
    return {"p50_ms": round(percentile(samples, 50) * 1000, 3),
            "p99_ms": round(percentile(samples, 99) * 1000, 3),
            "mean_ms": round(statistics.fmean(samples) * 1000, 3)}


def scratch() -> tempfile.TemporaryDirectory[str]:
    # Benchmarks write only encrypted vaults and random filler, never case content.
    return tempfile.TemporaryDirectory(prefix="quietroom-bench-")


def emit(result: dict[str, Any]) -> None:
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
