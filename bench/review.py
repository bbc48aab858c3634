"""Review benchmark: a supervisor opens a 100-page bundle, reads it, turns pages and
countersigns it.

Prints JSON (see bench/common.py). The baseline is `verify` alone on the same bundle
(what `quietroom-cli verify` does: read the trust file and the identity, decrypt, every
check), measured in the same run, interleaved; the figure is opening for
review (the same verification, storing the bundle in the vault) plus re-reading it and
rendering its first page, as the reading view does right after opening. Re-reading a
stored review later (which verifies it again) is measured too. Best of RUNS.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.desktop.review import ReviewPages, render_page
from app.engine.engine import Engine
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.export.verify import verify_bundle
from app.org import org_init
from app.review.countersign import countersign
from app.review.inbox import open_for_review, read_review
from app.vault.vault import Vault
from bench.common import FAST_KDF, PASSPHRASE, emit, figure, ratio, report, scratch, spread
from bench.export import SIGNATURE, statement_text

RUNS = 3
PAGE_WIDTH = 1200  # pixels: a page shown at a comfortable reading size
TURNS = 10


def vault_of(root: Path, org: Path, member: str) -> Engine:
    engine = Engine(Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF))
    me = org / member
    engine.import_identity(
        me / "cert.pem", me / "key.pem", me / "age-identity.txt", org / "trust.json"
    )
    return engine


def main() -> None:
    text = statement_text(68_000)  # 100+ pages in the MG11 layout
    with scratch() as tmp:
        base = Path(tmp)
        org = base / "org"
        org_init(org)
        interviewer = vault_of(base / "interviewer", org, "interviewer")
        interviewer.create_case("csa", "BENCH-REVIEW")
        interviewer.set_witness("BENCH-REVIEW", name="Bench Witness", age_status="over_18")
        interviewer.start_sitting("BENCH-REVIEW", location="Bench interview suite")
        interviewer.save_section("BENCH-REVIEW", "account", text)
        interviewer.end_sitting("BENCH-REVIEW")
        interviewer.confirm_readback("BENCH-REVIEW")
        confirm_all_pages(interviewer, "BENCH-REVIEW")  # the witness confirmed each page
        interviewer.sign_statement("BENCH-REVIEW", SIGNATURE)
        bundle = base / "statement.qrb"
        export_case(interviewer, "BENCH-REVIEW", bundle)
        interviewer.vault.close()

        me = org / "supervisor"
        verify_bundle(bundle, me / "age-identity.txt", org / "trust.json")  # warm imports
        verifies, opens, rereads = [], [], []
        pages: ReviewPages | None = None
        for run in range(RUNS):
            supervisor = vault_of(base / f"supervisor{run}", org, "supervisor")
            start = time.perf_counter()
            verify_bundle(bundle, me / "age-identity.txt", org / "trust.json")
            verifies.append(time.perf_counter() - start)
            start = time.perf_counter()
            opened = open_for_review(supervisor, bundle)
            contents = opened.contents  # verified once, ready to read
            assert contents is not None
            pages = ReviewPages(
                review=contents.review,
                report=contents.report,
                summary=contents.summary,
                page_count=0,
                pdf=contents.statement_pdf,
            )
            render_page(None, pages, 0, PAGE_WIDTH)  # type: ignore[arg-type]
            opens.append(time.perf_counter() - start)
            start = time.perf_counter()
            read_review(supervisor, contents.review.id)
            rereads.append(time.perf_counter() - start)
            supervisor.vault.close()
        assert pages is not None
        turns = []
        for index in range(1, TURNS + 1):
            start = time.perf_counter()
            render_page(None, pages, index, PAGE_WIDTH)  # type: ignore[arg-type]
            turns.append(time.perf_counter() - start)
        cert_pem, key_pem = (me / "cert.pem").read_bytes(), (me / "key.pem").read_bytes()
        signs = []
        for _ in range(5):
            start = time.perf_counter()
            countersign(pages.pdf, cert_pem, key_pem, signer_name="Supervisor One")
            signs.append(time.perf_counter() - start)
        pdf_pages = pages.pdf.count(b"/Type /Page\n") or pages.pdf.count(b"/Type /Page")

    whole, verify = min(opens), min(verifies)
    turn = statistics.median(turns)
    sign = statistics.median(signs)
    emit(
        report(
            "review",
            [
                figure(
                    "open_store_read_first_page_seconds_best",
                    round(whole, 3),
                    ("<", 1),
                    unit="s",
                    note=f"best of {RUNS}",
                ),
                figure("baseline_verify_seconds_best", round(verify, 3), unit="s"),
                figure("open_ratio_to_verify", ratio(whole, verify), ("<", 1.5), unit="x"),
                figure("reread_stored_review_seconds_best", round(min(rereads), 3), unit="s"),
                figure("page_turn_ms_median", round(turn * 1000, 1), ("<", 50), unit="ms"),
                figure("countersign_seconds_median", round(sign, 3), ("<", 0.3), unit="s"),
            ],
            {
                "pages": pdf_pages,
                "page_width_px": PAGE_WIDTH,
                "open_seconds_all": [round(x, 3) for x in opens],
                "verify_seconds_all": [round(x, 3) for x in verifies],
                "page_turn_ms": spread([t * 1000 for t in turns], 1),
                "countersign_seconds": spread(signs),
            },
        )
    )


if __name__ == "__main__":
    main()
