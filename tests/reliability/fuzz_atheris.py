"""The atheris driver: fuzzes one target of tests/reliability/fuzz_targets.py, coverage
guided, in a process of its own (the campaign, test_fuzz_campaign.py, runs one per
target, so a crash is reported by the process's exit status and its statistics file).

    python -m tests.reliability.fuzz_atheris TARGET WORLD SCRATCH RUNS SECONDS RSS_MB \
        -- LIBFUZZER-ARGS

The parsers' modules (fuzz_targets.PARSER_MODULES) are instrumented in place. Each
input goes to the target; its parser's typed errors are counted, anything else is a
crash (recorded with its traceback, then re-raised for atheris to report and keep the
input). An audit hook records every file opened for writing, and every rename, removal
or directory made, outside SCRATCH (and /dev/null): one is a failure too. Memory is
bounded: the process's own peak RSS (VmHWM, read every 20 ms between inputs) past
RSS_MB ends it with exit status 3, and an address-space limit of four times that stops a
runaway allocation at once. (Not libFuzzer's -rss_limit_mb: it reads ru_maxrss, which
for a process started from a large one, pytest after the hypothesis half, begins at the
parent's size.) The driver stops itself after RUNS inputs or SECONDS, writing
SCRATCH/stats.json as it goes.
"""

from __future__ import annotations

import collections
import importlib
import json
import os
import resource
import sys
import time
import traceback
import types
from pathlib import Path
from typing import Any

# Events that change the filesystem at their first (and, for two paths, second) argument.
PATH_EVENTS = {
    "os.mkdir": 1,
    "os.remove": 1,
    "os.rmdir": 1,
    "os.truncate": 1,
    "os.chmod": 1,
    "os.chown": 1,
    "os.utime": 1,
    "os.rename": 2,
    "os.link": 2,
    "os.symlink": 2,
    "shutil.rmtree": 1,
    "shutil.copyfile": 2,
    "shutil.move": 2,
}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def install_write_guard(scratch: str, outside: list[tuple[str, str]]) -> None:
    """Record (event, path) for each write the process makes outside `scratch`."""
    root = os.path.realpath(scratch)
    allowed = {os.devnull}

    def inside(path: Any) -> bool:
        if isinstance(path, int) or path is None:
            return True  # a descriptor already opened (its open was checked)
        name = os.path.abspath(os.fsdecode(path))
        return name in allowed or name == root or name.startswith(root + os.sep)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            path, mode, flags = args
            if isinstance(flags, int):
                writing = bool(flags & WRITE_FLAGS)
            else:
                writing = isinstance(mode, str) and any(c in mode for c in "wax+")
            paths = [path] if writing else []
        else:
            paths = list(args[: PATH_EVENTS.get(event, 0)])
        for path in paths:
            if not inside(path) and len(outside) < 50:
                outside.append((event, os.fsdecode(path) if not isinstance(path, int) else ""))

    sys.addaudithook(hook)


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started (its own, not its parent's:
    a child's ru_maxrss starts from the parent's size at fork)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def instrument_modules(atheris: Any, names: tuple[str, ...]) -> int:
    """Instrument every function and method defined in these (imported) modules, nested
    functions included; how many."""
    count = 0
    for name in names:
        module = importlib.import_module(name)
        for value in list(vars(module).values()):
            members = [value]
            if isinstance(value, type) and value.__module__ == name:
                members = list(vars(value).values())
            for member in members:
                if isinstance(member, staticmethod | classmethod):
                    member = member.__func__
                elif isinstance(member, property):
                    member = member.fget
                if isinstance(member, types.FunctionType) and member.__module__ == name:
                    atheris.instrument_func(member)
                    count += 1
    return count


def main() -> None:
    target_name, world, scratch, runs_arg, seconds_arg, rss_arg = sys.argv[1:7]
    fuzzer_args = [a for a in sys.argv[7:] if a != "--"]
    runs, seconds, rss_cap_mb = int(runs_arg), float(seconds_arg), int(rss_arg)
    limit = rss_cap_mb * 4 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    outside: list[tuple[str, str]] = []
    install_write_guard(scratch, outside)  # before any import can write

    import atheris  # only now: the guard sees what importing it writes

    from tests.reliability import fuzz_targets as ft

    # Coverage where the parsing is: the parsers' own modules, instrumented in place.
    # (Instrumenting every module the targets import, the vault and the renderer too,
    # took longer than a bounded run fuzzes.)
    functions = instrument_modules(atheris, ft.PARSER_MODULES)
    ctx = ft.load_context(Path(world), Path(scratch))
    target = {**ft.TARGETS, **ft.PLANTED}[target_name]
    typed = ft.TYPED.get(target_name, ())
    stats_path = os.path.join(scratch, "stats.json")
    codes: collections.Counter[str] = collections.Counter()
    stats: dict[str, Any] = {
        "target": target_name,
        "iterations": 0,
        "typed_errors": 0,
        "crashes": 0,
        "crash": None,
        "writes_outside": 0,
        "outside": [],
        "instrumented_functions": functions,
    }
    started = time.monotonic()
    deadline = started + seconds
    flushed, checked = [started], [started]

    def flush() -> None:
        stats["vm_hwm_mb"] = peak = peak_rss_mb()
        stats["seconds"] = round(time.monotonic() - started, 3)
        stats["codes"] = dict(codes.most_common(40))
        stats["writes_outside"] = len(outside)
        stats["outside"] = outside[:10]
        temporary = stats_path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as fh:
            json.dump(stats, fh)
        os.replace(temporary, stats_path)
        flushed[0] = time.monotonic()
        if peak > rss_cap_mb:
            os._exit(3)  # the statistics say how far past the cap it went

    def one_input(data: bytes) -> None:
        stats["iterations"] += 1
        try:
            target(ctx, data)
        except typed as exc:
            stats["typed_errors"] += 1
            codes[
                str(getattr(exc, "code", None) or getattr(exc, "reason", type(exc).__name__))
            ] += 1
        except BaseException as exc:
            stats["crashes"] += 1
            stats["crash"] = {
                "type": type(exc).__name__,
                "input_head": data[:200].hex(),
                "input_size": len(data),
                "traceback": traceback.format_exc()[-4000:],
            }
            flush()
            raise
        if outside:
            flush()
            raise RuntimeError(f"a write outside the scratch folder: {outside[0]}")
        now = time.monotonic()
        if stats["iterations"] >= runs or now >= deadline:
            flush()
            sys.stdout.flush()
            os._exit(0)  # done: atheris would otherwise go on until its own limits
        if now - flushed[0] > 0.5:
            flush()
        elif now - checked[0] > 0.02:  # memory, often enough to stop a hoarder early
            checked[0] = now
            if peak_rss_mb() > rss_cap_mb:
                flush()

    flush()
    atheris.Setup([sys.argv[0], *fuzzer_args], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
