"""GUI-thread responsiveness while the desktop app sends its outbox to the real intake.

Prints JSON (see bench/common.py). A vault holds a signed statement exported BUNDLES
times with "send" (each bundle about 1 MB), all queued in the outbox; the real intake
(a throwaway PostgreSQL cluster, the TLS server in a process of its own, as it would be
on another machine) receives them while keystrokes are typed into another case's
statement in bursts, each burst saved by the workspace's autosave. An event-loop stall
probe (a 1 ms timer on the GUI thread) records the gaps between its ticks.

The baseline is the same typing (same text, same keystrokes, same pauses) in the same
window with the network worker halted. Rounds alternate which side goes first; each
measured round starts from a fresh copy of the vault as it was before any sending and a
fresh intake database, so every round sends all the bundles. The figure that matters is
the longest stall with sync running, target under 16 ms (one frame at 60 Hz); each run
also splits its stalls into those while the outbox was being sent and those after the
last receipt (the same typing, sync idle), which shows how much of a stall is the
machine's own noise. With two or more processors the intake gets half of them (see
`main`).

    python bench/sync_gui.py [--quick]     # --quick: 4 bundles, 1 round (a smoke run)
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import random
import shutil
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.desktop.session import Session
from app.desktop.sync import outbox_items
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.org import org_init
from app.settings import Settings
from bench.common import (
    FAST_KDF,
    PASSPHRASE,
    emit,
    figure,
    percentile,
    ratio,
    report,
    scratch,
    spread,
    words,
)
from intake.cluster import ThrowawayCluster
from intake.migrations import migrate
from ui.main_window import MainWindow

QUICK = "--quick" in sys.argv
BUNDLES = 4 if QUICK else 20
ROUNDS = 1 if QUICK else 3
BURSTS = 10 if QUICK else 24
PAUSE_S = 1.0  # past the workspace's 700 ms autosave debounce
PARAGRAPHS = 4000  # about 1 MB of bundle once rendered, signed and encrypted
STALL_TARGET_MS = 16
PROBE_MS = 1
SIGNED, TYPING = "BENCH-SYNC-1", "BENCH-SYNC-2"
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)


# --- the intake, in a process of its own --------------------------------------------------


def serve_intake(dsn: str, org: str, cpus: list[int], ready: Any, stop: Any) -> None:
    """The child process: the real intake for `org` on a free port of 127.0.0.1."""
    from intake.db import Database
    from intake.identity import load_intake_identity
    from intake.server import Settings as IntakeSettings
    from intake.server import make_app
    from intake.serving import BackgroundServer
    from intake.tls import server_context
    from intake.trust_source import TrustSource

    if cpus:
        os.sched_setaffinity(0, cpus)
    folder = Path(org)
    trust = TrustSource.from_files(folder / "trust.json", folder / "ca.pem", interval=0)
    identity = load_intake_identity(folder / "intake", None, trust.ca_cert)
    db = Database(dsn, min_size=1, max_size=8)
    app = make_app(db, trust, identity, IntakeSettings(db_workers=4, verify_workers=2))
    server = BackgroundServer(app, server_context(identity, trust.ca_cert))
    with server:
        ready.put(server.port)
        stop.wait()
    db.close()


class Intake:
    """A fresh database in the cluster and the intake serving it, for one round."""

    def __init__(self, cluster: ThrowawayCluster, org: Path, cpus: list[int]) -> None:
        self.cluster, self.org, self.cpus = cluster, org, cpus
        self.name = f"bench_{uuid.uuid4().hex[:12]}"

    def __enter__(self) -> int:
        dsn = self.cluster.create_database(self.name)
        migrate(dsn)
        ctx = multiprocessing.get_context("spawn")
        ready, self.stop = ctx.Queue(), ctx.Event()
        self.process = ctx.Process(
            target=serve_intake,
            args=(dsn, str(self.org), self.cpus, ready, self.stop),
            daemon=True,
        )
        self.process.start()
        return int(ready.get(timeout=120))

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.process.join(60)
        self.cluster.drop_database(self.name)


# --- the vault ------------------------------------------------------------------------------


def prepare(folder: Path, org: Path) -> tuple[Path, float, int]:
    """The vault before any sending: BUNDLES exports queued, and a case to type in.
    Returns (vault folder, seconds to export them all, bytes queued)."""
    rng = random.Random(7)
    session = Session(folder / "pristine")
    session.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    e = session.engine
    member = org / "interviewer"
    e.import_identity(
        member / "cert.pem",
        member / "key.pem",
        member / "age-identity.txt",
        org / "trust.json",
        auth_cert=member / "auth-cert.pem",
        auth_key=member / "auth-key.pem",
    )
    case = e.create_case("csa", SIGNED, interviewer="Interviewer One")
    e.set_witness(case.id, name="Bench Witness", age_status="over_18")
    e.start_sitting(case.id, location="Bench room")
    e.save_section(case.id, "account", "\n".join(words(rng, 25) for _ in range(PARAGRAPHS)))
    e.end_sitting(case.id)
    e.confirm_readback(case.id)
    confirm_all_pages(e, case.id)  # the witness confirmed each page
    e.sign_statement(case.id, SIGNATURE)
    started = time.perf_counter()
    for _ in range(BUNDLES):
        export_case(e, case.id, None, send=True)
    exported = time.perf_counter() - started
    typing = e.create_case("csa", TYPING, interviewer="Interviewer One")
    e.start_sitting(typing.id)
    e.save_section(typing.id, "account", "\n".join(words(rng, 100) for _ in range(200)))
    queued = sum(item.size for item in e.outbox())
    session.lock()
    return folder / "pristine", exported, queued


# --- one run ----------------------------------------------------------------------------------


def pump(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)


def run(app: QApplication, vault: Path, intake_port: int | None) -> dict[str, Any]:
    """Type BURSTS bursts into the statement of the vault copy in `vault`; with an
    intake port, the network worker sends the outbox there meanwhile."""
    rng = random.Random(3)  # the same keystrokes in every run, on both sides
    session = Session(vault)
    session.unlock(PASSPHRASE)
    if intake_port is not None:
        session.engine.set_sync_url(f"https://localhost:{intake_port}")
    window = MainWindow(session, Settings(), settings_path=vault.parent / "settings.json")
    try:
        window.resize(1200, 800)
        window.show()
        deadline = time.monotonic() + 30
        while window.current_screen != "unlock" and time.monotonic() < deadline:
            app.processEvents()
        window.unlocked()  # starts the network worker
        if intake_port is None:
            window.sync.halt()  # the baseline: the same window, nothing sent
        case_id = session.engine.case(TYPING).id
        window.open_case(case_id)
        workspace: Any = window.screens["workspace"]
        while not workspace.editor.toPlainText() and time.monotonic() < deadline:
            app.processEvents()
        cursor = workspace.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        workspace.editor.setTextCursor(cursor)
        delivered_at: list[float] = []

        def watch(status: Any) -> None:
            if status.known and not delivered_at and len(status.delivered) == BUNDLES:
                delivered_at.append(time.perf_counter())

        window.sync.status_changed.connect(watch)
        ticks: list[float] = []
        probe = QTimer()
        probe.setInterval(PROBE_MS)
        probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
        pump(app, 0.3)
        probe.start()
        started = time.perf_counter()
        window.sync.wake()
        for _ in range(BURSTS):
            typed = " " + " ".join(rng.choice(("the", "lane", "walk", "home")) for _ in range(6))
            for ch in typed:
                QTest.keyClicks(workspace.editor, ch)
                app.processEvents()
            pump(app, PAUSE_S)  # the autosave runs on the vault worker
        probe.stop()
        workspace.flush()
        pump(app, 1.0)
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        # Stalls while the outbox was being sent, and after (the same typing, sync idle).
        end = delivered_at[0] if delivered_at else float("inf")
        during = [b - a for a, b in itertools.pairwise(ticks) if b <= end]
        after = [b - a for a, b in itertools.pairwise(ticks) if a >= end]
        saved = next(s.text for s in session.engine.sections(case_id) if s.id == "account")
        states = [d.state for d in outbox_items(session)]
        return {
            "max_stall_ms": round(max(gaps) * 1000, 2),
            "p99_gap_ms": round(percentile(gaps, 99) * 1000, 2),
            "p50_gap_ms": round(percentile(gaps, 50) * 1000, 2),
            "max_stall_while_sending_ms": round(max(during) * 1000, 2) if during else None,
            "max_stall_after_sending_ms": round(max(after) * 1000, 2) if after else None,
            "typing_s": round(time.perf_counter() - started, 2),
            "delivered": states.count("delivered"),
            "all_delivered_after_s": (
                round(delivered_at[0] - started, 2) if delivered_at else None
            ),
            "saved_ok": saved == workspace.editor.toPlainText(),
        }
    finally:
        window.shutdown()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def side(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        **{k: spread([r[k] for r in runs], 2) for k in ("max_stall_ms", "p99_gap_ms")},
        "runs": runs,
    }


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    began = time.monotonic()
    measured: list[dict[str, Any]] = []
    baseline: list[dict[str, Any]] = []
    # The intake runs on another machine in real life: on a machine with two or more
    # processors, it (and its PostgreSQL) gets half of them, the app the other half, so
    # the intake's own verification work is not counted against the app's GUI thread.
    # QUIETROOM_BENCH_PIN=0 shares them all.
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    split = len(cpus) >= 2 and os.environ.get("QUIETROOM_BENCH_PIN", "1") != "0"
    app_cpus, intake_cpus = (
        (cpus[: len(cpus) // 2], cpus[len(cpus) // 2 :]) if split else (cpus, cpus)
    )
    if split:
        os.sched_setaffinity(0, intake_cpus)  # inherited by the cluster and the intake
    cluster = ThrowawayCluster()
    with scratch() as tmp, cluster:
        if split:
            os.sched_setaffinity(0, app_cpus)
        base = Path(tmp)
        org = base / "org"
        org_init(org, intake_url="https://localhost:8443")
        pristine, export_s, queued = prepare(base, org)
        for round_no in range(ROUNDS):
            order = (False, True) if round_no % 2 == 0 else (True, False)
            for syncing in order:
                copy = base / f"round{round_no}-{'sync' if syncing else 'base'}" / "vault"
                shutil.copytree(pristine, copy)
                if syncing:
                    with Intake(cluster, org, intake_cpus) as port:
                        measured.append(run(app, copy, port))
                else:
                    baseline.append(run(app, copy, None))
    with_sync, without = side(measured), side(baseline)
    stall, base_stall = with_sync["max_stall_ms"], without["max_stall_ms"]
    emit(
        report(
            "sync_gui",
            [
                figure(
                    "max_stall_ms_median",
                    stall["median"],
                    ("<", STALL_TARGET_MS),
                    unit="ms",
                    note=f"median over {ROUNDS} runs of each run's longest GUI-thread stall",
                ),
                figure(
                    "max_stall_ms_worst",
                    stall["max"],
                    ("<", STALL_TARGET_MS),
                    unit="ms",
                    note="the longest stall seen in any run with sync",
                ),
                figure("baseline_max_stall_ms_median", base_stall["median"], unit="ms"),
                figure("baseline_max_stall_ms_worst", base_stall["max"], unit="ms"),
                figure(
                    "max_stall_ratio_of_medians",
                    ratio(stall["median"], base_stall["median"]),
                    unit="x",
                    note="with sync over without",
                ),
                figure(
                    "max_stall_while_sending_ms_median",
                    spread([r["max_stall_while_sending_ms"] or 0.0 for r in measured], 2)["median"],
                    unit="ms",
                    note="the same, counting only the stalls before the last receipt",
                ),
                figure(
                    "max_stall_after_sending_ms_median",
                    spread([r["max_stall_after_sending_ms"] or 0.0 for r in measured], 2)["median"],
                    unit="ms",
                    note="after the last receipt: the same typing with sync idle",
                ),
                figure("p99_gap_ms_median", with_sync["p99_gap_ms"]["median"], unit="ms"),
                figure("baseline_p99_gap_ms_median", without["p99_gap_ms"]["median"], unit="ms"),
                figure(
                    "all_delivered_s_median",
                    spread([r["all_delivered_after_s"] or float("nan") for r in measured], 2)[
                        "median"
                    ],
                    unit="s",
                    note=f"{BUNDLES} bundles, from the first wake to the last receipt",
                ),
            ],
            {
                "bundles": BUNDLES,
                "bytes_queued": queued,
                "bundle_mb_mean": round(queued / BUNDLES / 1e6, 3),
                "export_s": round(export_s, 1),
                "rounds": ROUNDS,
                "bursts_per_run": BURSTS,
                "pause_s": PAUSE_S,
                "probe_ms": PROBE_MS,
                "intake": "real, in a process of its own; throwaway PostgreSQL cluster",
                "cpus": {"app": app_cpus, "intake_and_postgres": intake_cpus},
                "every_bundle_delivered_every_run": all(
                    r["delivered"] == BUNDLES for r in measured
                ),
                "saved_ok_every_run": all(r["saved_ok"] for r in measured + baseline),
                "typing_with_sync": with_sync,
                "typing_without_sync": without,
                "runtime_s": round(time.monotonic() - began, 1),
            },
        )
    )


if __name__ == "__main__":
    main()
