"""Time-stamped export benchmark: a 100-page statement exported PAdES B-LT against the real
intake (its RFC 3161 time-stamp over mutual TLS, the organisation's revocation list
fetched and embedded), against the same export made offline (B-B) as the baseline.

Prints JSON (see bench/common.py). Set-up: a throwaway PostgreSQL cluster, migrated; the
intake as an operator runs it (`quietroom-intake serve --config`, a child process, from
bench/sync.py); an interviewer's vault with its authentication pair and the signed case of
bench/export.py. Each run exports the case twice, once as `export` does with the intake
reachable (app/sync/export_stamp.py: sign, time-stamp, validation data, check, pack) and
once with no time-stamp; which goes first is swapped every run, so drift hits both alike.
The targets: the B-LT export of 100 pages under 4 s and its verification under 1.5 s; the
ratio of the best B-LT export to the best offline one is reported beside them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.engine.engine import Engine
from app.export.bundle import ExportResult, export_case, finish_export, prepare_export
from app.export.pages import confirm_all_pages
from app.export.verify import verify_bundle
from app.org import org_init
from app.sync.export_stamp import stamp_export, stamp_plan
from app.vault.vault import Vault
from bench.common import FAST_KDF, PASSPHRASE, emit, figure, ratio, report, scratch
from bench.export import SIGNATURE, statement_text
from bench.sync import free_port, intake_process
from intake.cluster import ThrowawayCluster
from intake.migrations import migrate

RUNS = 3
CASE = "BENCH-LTV"


def signed_case(root: Path, org: Path, text: str) -> Engine:
    engine = Engine(Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF))
    me = org / "interviewer"
    engine.import_identity(
        me / "cert.pem",
        me / "key.pem",
        me / "age-identity.txt",
        org / "trust.json",
        auth_cert=me / "auth-cert.pem",
        auth_key=me / "auth-key.pem",
    )
    engine.create_case("csa", CASE, interviewer="Interviewer One")
    engine.set_witness(CASE, name="Bench Witness", age_status="over_18")
    engine.start_sitting(CASE, location="Bench interview suite")
    engine.save_section(CASE, "account", text)
    engine.end_sitting(CASE)
    engine.confirm_readback(CASE)
    confirm_all_pages(engine, CASE)  # the witness confirmed each page
    engine.sign_statement(CASE, SIGNATURE)
    return engine


def stamped_export(engine: Engine, out: Path) -> ExportResult:
    """What `quietroom-cli export` does with the intake reachable."""
    plan = stamp_plan(engine)
    assert plan is not None, "sync is not set up in the benchmark's vault"
    prepared = prepare_export(engine, CASE, out, room_for_timestamp=True)
    stamped = stamp_export(prepared, plan)
    assert stamped.offline is None and stamped.no_crl is None, stamped
    return finish_export(engine, prepared, stamped.statement)


def main() -> None:
    text = statement_text(68_000)  # 100+ pages in the MG11 layout, as bench/export.py
    with scratch() as tmp:
        base = Path(tmp)
        port = free_port()
        org = base / "org"
        org_init(org, intake_url=f"https://localhost:{port}")
        engine = signed_case(base / "vault", org, text)
        stamped_all: list[float] = []
        offline_all: list[float] = []
        results: list[ExportResult] = []
        try:
            with ThrowawayCluster() as dsn:
                migrate(dsn)
                with intake_process(base, dsn, org, port):
                    stamped_export(engine, base / "warm.qrb")  # imports, fonts, TLS
                    for i in range(RUNS):
                        for side in ("ltv", "offline") if i % 2 == 0 else ("offline", "ltv"):
                            start = time.perf_counter()
                            if side == "ltv":
                                results.append(stamped_export(engine, base / f"ltv{i}.qrb"))
                                stamped_all.append(time.perf_counter() - start)
                            else:
                                export_case(engine, CASE, base / f"bb{i}.qrb")
                                offline_all.append(time.perf_counter() - start)
            best = min(stamped_all)
            result = results[stamped_all.index(best)]
            start = time.perf_counter()
            verified = verify_bundle(
                base / "ltv0.qrb", org / "supervisor" / "age-identity.txt", org / "trust.json"
            )
            verify = time.perf_counter() - start
        finally:
            engine.vault.close()
    baseline = min(offline_all)
    emit(
        report(
            "export_ltv",
            [
                figure("ltv_export_seconds_best", round(best, 3), ("<", 4), unit="s"),
                figure("baseline_offline_export_seconds_best", round(baseline, 3), unit="s"),
                figure("ltv_ratio_to_offline_export", ratio(best, baseline), unit="x"),
                figure(
                    "timestamp_stage_seconds",
                    result.stages.get("timestamp", 0.0),
                    unit="s",
                    note="time-stamp round trip, CRL embedded, statement checked",
                ),
                figure("ltv_verify_seconds", round(verify, 3), ("<", 1.5), unit="s"),
            ],
            {
                "pades_level": result.pades_level,
                "verify_ok": verified.ok,
                "stages_seconds": result.stages,
                "bundle_bytes": result.bytes,
                "runs": RUNS,
                "ltv_export_seconds_all": [round(s, 3) for s in stamped_all],
                "offline_export_seconds_all": [round(s, 3) for s in offline_all],
            },
        )
    )


if __name__ == "__main__":
    main()
