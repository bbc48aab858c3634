"""Cold start of the frozen build beside the source checkout's, in the same run.

    tests/run-with-keyring.sh .venv/bin/python bench/startup_frozen.py [dist/quietroom-….tar.gz]

Unpacks the release archive `make package` made into a scratch folder and times, in
alternation so that the machine's load falls on both alike, fresh processes of:

- the frozen desktop app (`quietroom` from the archive) and the source one as `make run`
  starts it (`.venv/bin/quietroom`), from process start to the unlock screen shown and
  painted once (QT_QPA_PLATFORM=offscreen; the app's QUIETROOM_STARTUP_PROBE=quit line
  gives the moment, on the monotonic clock the parent shares, then closes the window);
- `quietroom-cli status` frozen and from source, on a vault bound to the Secret Service.

Prints JSON (bench/common.py). Target: the frozen start no slower than the source start.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PASSPHRASE, REPO, emit, figure, ratio, report, scratch

RUNS = 7
SHOWN = re.compile(r"quietroom: window '([^']*)' shown at ([0-9.]+)")


def archive_path() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1]).resolve()
    version = re.search(
        r'^version = "([^"]+)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.M
    )
    assert version is not None
    return REPO / "dist" / f"quietroom-{version.group(1)}-linux-x86_64.tar.gz"


def window_seconds(program: list[str], env: dict[str, str], cwd: Path) -> float:
    """One fresh process: seconds from its start to its window shown (probe line)."""
    start = time.monotonic()
    done = subprocess.run(program, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    shown = SHOWN.search(done.stderr)
    if done.returncode != 0 or shown is None:
        raise SystemExit(f"{program[0]} failed ({done.returncode}): {done.stderr[-500:]}")
    if shown.group(1) != "Quietroom":
        raise SystemExit(f"{program[0]}: the window is titled {shown.group(1)!r}")
    return float(shown.group(2)) - start


def command_seconds(program: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.monotonic()
    done = subprocess.run(program, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"{program[:3]} failed: {done.stderr[-500:]}")
    return time.monotonic() - start


def main() -> None:
    archive = archive_path()
    with scratch() as tmp:
        root = Path(tmp)
        with tarfile.open(archive) as tar:
            tar.extractall(root / "unpacked", filter="data")
        frozen = next((root / "unpacked").iterdir())
        secret = root / "pass.txt"
        secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
        secret.chmod(0o600)
        env = dict(os.environ, QUIETROOM_VAULT=str(root / "vault"), QT_QPA_PLATFORM="offscreen")
        env.update({k: str(root / k.lower()) for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME")})
        env["QUIETROOM_STARTUP_PROBE"] = "quit"
        env.pop("PYTHONPATH", None)
        cwd = root
        vault_args = ["--passphrase-file", str(secret)]
        subprocess.run(
            [str(frozen / "quietroom-cli"), *vault_args, "init"],
            env=env, cwd=cwd, check=True, capture_output=True,
        )  # fmt: skip
        programs = {
            "frozen_window": [str(frozen / "quietroom")],
            "source_window": [str(REPO / ".venv" / "bin" / "quietroom")],
        }
        cli = {
            "frozen_status": [str(frozen / "quietroom-cli"), *vault_args, "status"],
            "source_status": [str(REPO / ".venv" / "bin" / "quietroom-cli"), *vault_args, "status"],
        }
        samples: dict[str, list[float]] = {name: [] for name in [*programs, *cli]}
        for program in [*programs.values(), *cli.values()]:  # warm the page cache once
            subprocess.run(program, env=env, cwd=cwd, capture_output=True, timeout=120)
        for _ in range(RUNS):
            for name, program in programs.items():
                samples[name].append(window_seconds(program, env, cwd))
            for name, program in cli.items():
                samples[name].append(command_seconds(program, env, cwd))
        size = sum(
            p.stat().st_size for p in frozen.rglob("*") if p.is_file() and not p.is_symlink()
        )
    med = {name: statistics.median(values) for name, values in samples.items()}
    ms = 1000.0
    figures = [
        figure("frozen_window_shown_cold_ms", round(med["frozen_window"] * ms, 1), unit="ms"),
        figure(
            "source_window_shown_cold_ms",
            round(med["source_window"] * ms, 1),
            unit="ms",
            note="make run's way: .venv/bin/quietroom",
        ),
        figure(
            "frozen_window_ratio_to_source",
            ratio(med["frozen_window"], med["source_window"]),
            ("<=", 1.0),
            unit="x",
            note="the frozen start no slower than the source start",
        ),
        figure("frozen_cli_status_cold_ms", round(med["frozen_status"] * ms, 1), unit="ms"),
        figure("source_cli_status_cold_ms", round(med["source_status"] * ms, 1), unit="ms"),
        figure("frozen_folder_mb", round(size / 1e6, 1), unit="MB"),
        figure("archive_mb", round(archive.stat().st_size / 1e6, 1), unit="MB"),
    ]
    emit(
        report(
            "startup_frozen",
            figures,
            {
                "runs_each": RUNS,
                "statistic": "median of fresh processes, frozen and source alternating",
                "platform": "QT_QPA_PLATFORM=offscreen, unlock screen of a keyring-bound vault",
                "spread_ms": {
                    name: [round(min(v) * ms, 1), round(max(v) * ms, 1)]
                    for name, v in samples.items()
                },
            },
        )
    )


if __name__ == "__main__":
    main()
