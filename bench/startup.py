"""Cold start: a command line, and the desktop app's window, from a fresh process.

Prints JSON (see bench/common.py). Every figure is the median wall time of fresh
interpreters (each sample a new process, as a person starting the app or a script
running a command gets), measured in this run beside its baselines:

- `python -c pass`: the interpreter alone, the floor every command stands on;
- finding the keyring backend as keyring itself does (`get_all_keyring`, which imports
  every backend; the macOS one runs ldconfig and gcc through ctypes.util.find_library)
  and as Quietroom does now (only this platform's backends);
- `quietroom-cli status` and `case list` on a vault bound to the real Secret Service;
- the desktop app from process start to its window shown and painted once
  (QT_QPA_PLATFORM=offscreen), with the vault's unlock screen.

Run it inside a D-Bus session with the Secret Service (`make bench` does, through
tests/run-with-keyring.sh); without one the vault is made without the keyring.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.engine.engine import Engine
from app.vault.vault import Vault
from bench.common import FAST_KDF, PASSPHRASE, emit, figure, ratio, report, scratch
from crypto.errors import KeyringUnavailable

REPO = Path(__file__).resolve().parents[1]
RUNS = 9

WINDOW = """
import time
from PySide6.QtCore import QTimer
from ui.main import start
app, window = start([])
def shown():
    print(f"{time.perf_counter():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)  # after one turn of the event loop: shown and painted
app.exec()
window.shutdown()
"""


def median_seconds(args: list[str], env: dict[str, str], *, until_line: bool = False) -> float:
    """Median wall time of RUNS fresh processes (with `until_line`, until the child's first
    line of output, which it prints once its window is shown)."""
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
        end = time.perf_counter()
        if done.returncode != 0:
            raise SystemExit(f"{args[1:3]} failed: {done.stderr.strip()[:300]}")
        if until_line:
            # perf_counter is CLOCK_MONOTONIC, shared by parent and child on Linux.
            end = float(done.stdout.split()[0])
        samples.append(end - start)
    return statistics.median(samples)


def make_vault(root: Path) -> bool:
    """A vault with one case; bound to the keyring when there is one (True)."""
    try:
        vault = Vault.create(root, PASSPHRASE, use_keyring=True, kdf_params=FAST_KDF)
        bound = True
    except KeyringUnavailable:
        vault = Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
        bound = False
    with vault, Engine(vault) as engine:
        engine.create_case("csa", "BENCH-START-1")
    return bound


def main() -> None:
    with scratch() as tmp:
        root = Path(tmp)
        bound = make_vault(root / "vault")
        secret = root / "pass.txt"
        secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
        secret.chmod(0o600)
        env = dict(os.environ, QUIETROOM_VAULT=str(root / "vault"), QT_QPA_PLATFORM="offscreen")
        env.update({k: str(root / k.lower()) for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME")})
        py = sys.executable
        cli = [py, "-m", "app.cli.main", "--passphrase-file", str(secret)]
        bare = median_seconds([py, "-c", "pass"], env)
        keyring_all = median_seconds(
            [py, "-c", "import keyring.backend; keyring.backend.get_all_keyring()"], env
        )
        ours = median_seconds(
            [py, "-c", "from crypto import keyring_binding as k\ntry: k.find_backend()\n"
             "except Exception: pass"], env,
        )  # fmt: skip
        status = median_seconds([*cli, "status"], env)
        listing = median_seconds([*cli, "case", "list"], env)
        window = median_seconds([py, "-c", WINDOW], env, until_line=True)
    ms = 1000.0
    figures = [
        figure("baseline_python_start_ms", round(bare * ms, 1), unit="ms"),
        figure("baseline_keyring_get_all_keyring_ms", round(keyring_all * ms, 1), unit="ms"),
        figure("keyring_backend_found_ms", round(ours * ms, 1), unit="ms"),
        figure(
            "keyring_discovery_ratio_to_keyrings_own",
            ratio(ours, keyring_all),
            ("<", 1),
            unit="x",
            note="this platform's backends only, against keyring importing every backend",
        ),
        figure("cli_status_cold_ms", round(status * ms, 1), unit="ms"),
        figure("cli_case_list_cold_ms", round(listing * ms, 1), unit="ms"),
        figure("cli_status_ratio_to_python_start", ratio(status, bare), unit="x"),
        figure("window_shown_cold_ms", round(window * ms, 1), ("<=", 500), unit="ms"),
    ]
    emit(
        report(
            "startup",
            figures,
            {
                "runs_each": RUNS,
                "statistic": "median of fresh processes",
                "vault_bound_to_keyring": bound,
                "platform": "QT_QPA_PLATFORM=offscreen for the window",
            },
        )
    )


if __name__ == "__main__":
    main()
