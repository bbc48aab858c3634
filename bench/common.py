"""Helpers shared by the benchmarks: samples, filler text, targets and JSON output.

Every benchmark prints one JSON object:

    {"benchmark": NAME, "all_met": BOOL,
     "figures": [{"metric": ..., "value": ..., "unit": ..., "target": "< 50", "met": true},
                 ...],
     "details": {...raw samples and context...}}

A figure without a target (a baseline, a ratio the README sets no limit for) has
"target": null and "met": null, so the list reads like the README's performance table.
"""

from __future__ import annotations

import json
import operator
import random
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from crypto.kdf import KdfParams  # noqa: E402  (needs REPO on sys.path)

PASSPHRASE = "benchmark passphrase, not a secret"
# Unlocking is measured only by bench/vault.py (with the production calibration); the
# others use a cheap KDF so that setting up a vault does not dominate their runtime.
FAST_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1)

WORDS = (
    "the",
    "house",
    "was",
    "cold",
    "and",
    "I",
    "remember",
    "the",
    "stairs",
    "he",
    "said",
    "nothing",
    "about",
    "it",
    "we",
    "walked",
    "home",
    "after",
    "school",
)


def words(rng: random.Random, n: int) -> str:
    """`n` filler words (never real case content), reproducible from the seed of `rng`."""
    return " ".join(rng.choice(WORDS) for _ in range(n))


# --- samples ------------------------------------------------------------------------------


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(samples: Sequence[float]) -> dict[str, float]:
    """Latency summary of samples in seconds, as milliseconds."""
    return {
        "p50_ms": round(percentile(samples, 50) * 1000, 3),
        "p99_ms": round(percentile(samples, 99) * 1000, 3),
        "mean_ms": round(statistics.fmean(samples) * 1000, 3),
    }


def spread(samples: Sequence[float], digits: int = 3) -> dict[str, float | int]:
    """Median and spread of a few repeated measurements (already in their final unit)."""
    return {
        "n": len(samples),
        "median": round(statistics.median(samples), digits),
        "min": round(min(samples), digits),
        "max": round(max(samples), digits),
        "p10": round(percentile(samples, 10), digits),
        "p90": round(percentile(samples, 90), digits),
    }


def ratio(value: float, baseline: float) -> float | None:
    # None rather than NaN, which is not valid JSON.
    return round(value / baseline, 3) if baseline else None


# --- targets and output -------------------------------------------------------------------

# A bound as the README writes it: ("<", 50) is "under 50", ("<=", 1.5) is "at most 1.5".
Bound = tuple[str, float]
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def figure(
    metric: str, value: float | None, *bounds: Bound, unit: str = "", note: str | None = None
) -> dict[str, Any]:
    """One reported figure with its target beside it and whether the target is met."""
    for op, _ in bounds:
        if op not in _COMPARE:
            raise ValueError(f"unknown comparison {op!r}")
    target = " and ".join(f"{op} {limit:g}" for op, limit in bounds) or None
    met = (
        None
        if not bounds or value is None
        else all(_COMPARE[op](value, limit) for op, limit in bounds)
    )
    result: dict[str, Any] = {
        "metric": metric,
        "value": value,
        "unit": unit,
        "target": target,
        "met": met,
    }
    if note:
        result["note"] = note
    return result


def report(
    benchmark: str, figures: Iterable[dict[str, Any]], details: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The benchmark's JSON: `all_met` is False as soon as one targeted figure misses."""
    listed = list(figures)
    return {
        "benchmark": benchmark,
        "all_met": all(f["met"] is not False for f in listed),
        "figures": listed,
        "details": details or {},
    }


def scratch() -> tempfile.TemporaryDirectory[str]:
    # Benchmarks write only encrypted vaults and random filler, never case content; the
    # directory is removed on exit from the `with` block, failure included.
    return tempfile.TemporaryDirectory(prefix="quietroom-bench-")


def emit(result: dict[str, Any]) -> None:
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
