"""Turns a reliability run's figures (bench/results/reliability/*.json, written by
`make reliability`) into the README's table: one row per campaign, saying what was done,
what was found, and the seed and date that reproduce it.

    python scripts/reliability_table.py bench/results/reliability
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Record = dict[str, Any]


def _n(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _minutes(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"


def crash(r: Record) -> tuple[str, str]:
    what = r["campaign"].removeprefix("crash_").replace("_", " ")
    kills = f"{_n(r['kills'])} kills ({_n(r.get('syscall_kills', 0))} at a system call)"
    found = (
        f"{r.get('acknowledged_saves_lost', 0)} acknowledged saves lost, "
        f"{r.get('integrity_failures', 0)} integrity failures, "
        f"{r.get('old_or_new_violations', 0)} files neither old nor new, "
        f"{r.get('unrecorded_files', 0)} files in place the vault does not record, "
        f"{r.get('stray_files', 0)} stray files"
    )
    return f"SIGKILL during {what}: {kills}", found


def fuzz(r: Record) -> tuple[str, str]:
    parsers = len(r.get("per_parser", {}))
    found = (
        f"{r.get('crashes', 0)} crashes, {_n(r.get('typed_errors', 0))} typed errors, "
        f"{r.get('writes_outside', 0)} writes outside the target folder, "
        f"peak memory {r.get('max_rss_mb', '?')} MB"
    )
    return f"fuzzing {parsers} parsers: {_n(r['iterations'])} iterations", found


def leaks(r: Record) -> tuple[str, str]:
    where = r["campaign"].removeprefix("leak_sweep").strip("_") or "CLI and app"
    what = (
        f"leak sweep ({where}): {_n(r.get('canaries', 0))} canaries, "
        f"{_n(r.get('places_searched', 0))} places searched"
    )
    return what, f"{r.get('found', 0)} canaries found"


def disk_full(r: Record) -> tuple[str, str]:
    what = r["campaign"].removeprefix("disk_full_").removesuffix(f"_{r.get('kind')}")
    what = what.replace("_", " ") + (f", {r['kind']}" if r.get("kind") else "")
    found = (
        f"{r.get('stored_lost', 0)} stored items lost, {r.get('wrong_message', 0)} wrong "
        f"messages, {r.get('not_recovered', 0)} not recovered once space returned"
    )
    return f"disk full during {what}: {_n(r['rounds'])} rounds", found


def failing_writes(r: Record) -> tuple[str, str]:
    what = r["campaign"].removeprefix("failing_writes_").replace("_", " ")
    found = f"{r.get('old_file_changed', 0)} old files changed, {r.get('stray_files', 0)} left"
    return f"a write failing after N bytes ({what}): {_n(r['rounds'])} values of N", found


def keyring(r: Record) -> tuple[str, str]:
    faults = r.get("faults", {})
    rounds = sum(faults.values()) if isinstance(faults, dict) else faults
    kinds = ", ".join(faults) if isinstance(faults, dict) else ""
    found = (
        f"{r.get('hangs', 0)} hangs, {r.get('wrong_message', 0)} wrong messages, "
        f"{r.get('data_changed', 0)} data changed, {r.get('not_recovered', 0)} not recovered "
        f"({_n(r.get('recovered', 0))} recoveries)"
    )
    return f"keyring faults ({kinds}): {_n(rounds)} rounds", found


def sync(r: Record) -> tuple[str, str]:
    what = f"{_n(r['n'])} bundles through network and database faults until delivered"
    found = (
        f"{_n(r['delivered'])} delivered, {r['n'] - r['delivered']} lost, "
        f"{r['duplicates']} duplicate rows, every receipt valid ({r['openssl']} also by openssl)"
    )
    return what, found


FAMILIES: list[tuple[str, Callable[[Record], tuple[str, str]]]] = [
    ("crash_", crash),
    ("fuzz", fuzz),
    ("leak_sweep", leaks),
    ("disk_full_", disk_full),
    ("failing_writes_", failing_writes),
    ("keyring_faults", keyring),
]


def row(name: str, r: Record) -> str:
    if "campaign" not in r:  # the sync campaign writes its own shape
        what, found = sync(r)
        seed, date = r.get("seed", "see Makefile"), r.get("date", "")
    else:
        describe = next(f for prefix, f in FAMILIES if r["campaign"].startswith(prefix))
        what, found = describe(r)
        seed, date = r["seed"], r["date"]
    return f"| {what} | {found} | {_minutes(float(r.get('seconds', 0)))} | {seed} | {date} |"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 1
    folder = Path(argv[1])
    records = sorted(folder.glob("*.json"))
    if not records:
        print(f"no figures in {folder}: run make reliability first", file=sys.stderr)
        return 1
    print("| campaign | found | time | seed | date |")
    print("|---|---|---|---|---|")
    for path in records:
        print(row(path.stem, json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
