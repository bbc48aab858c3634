"""Export benchmark: a 100-page statement exported and verified, stage by stage.

Prints JSON (see bench/common.py). The baseline is a bare reportlab render of the same
text (platypus, the same font), measured in the same run, interleaved with the exports;
the ratio is the whole export over that render, best of RUNS on both sides.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from app.engine.engine import Engine
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages, render_pages
from app.export.verify import verify_bundle
from app.org import org_init
from app.render.fonts import FONT, register_fonts
from app.vault.vault import Vault
from bench.common import FAST_KDF, PASSPHRASE, WORDS, emit, figure, ratio, report, scratch

RUNS = 3
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)


def statement_text(words: int) -> str:
    rng = random.Random(5)
    paragraphs = []
    while words > 0:
        n = min(words, rng.randint(60, 160))
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        words -= n
    return "\n".join(paragraphs)


def bare_render(text: str) -> float:
    register_fonts()
    style = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=14.3)
    start = time.perf_counter()
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Paragraph(p, style) for p in text.split("\n")])
    return time.perf_counter() - start


def main() -> None:
    text = statement_text(68_000)  # 100+ pages in the MG11 layout
    with scratch() as tmp:
        base = Path(tmp)
        org = base / "org"
        org_init(org)
        with Vault.create(
            base / "vault", PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF
        ) as vault:
            engine = Engine(vault)
            engine.import_identity(
                org / "interviewer" / "cert.pem",
                org / "interviewer" / "key.pem",
                org / "interviewer" / "age-identity.txt",
                org / "trust.json",
            )
            engine.create_case("csa", "BENCH-EXPORT")
            engine.set_witness("BENCH-EXPORT", name="Bench Witness", age_status="over_18")
            engine.start_sitting("BENCH-EXPORT", location="Bench interview suite")
            engine.save_section("BENCH-EXPORT", "account", text)
            engine.end_sitting("BENCH-EXPORT")
            engine.confirm_readback("BENCH-EXPORT")
            # What the witness waits for before the first page is shown at signing: the
            # statement rendered as it will print, and every page's text hashed.
            pages_times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                render_pages(engine, "BENCH-EXPORT")
                pages_times.append(time.perf_counter() - start)
            confirm_all_pages(engine, "BENCH-EXPORT")  # the witness confirmed each page
            engine.sign_statement("BENCH-EXPORT", SIGNATURE)
            export_case(engine, "BENCH-EXPORT", base / "warm.qrb")  # imports, fonts
            # Best of the same number of runs for both sides, interleaved (and which goes
            # first swapped every run), so that a busy moment on the machine does not
            # land on one side only.
            baselines, wholes, results = [], [], []
            for i in range(RUNS):
                if i % 2 == 0:
                    baselines.append(bare_render(text))
                start = time.perf_counter()
                results.append(export_case(engine, "BENCH-EXPORT", base / f"b{i}.qrb"))
                wholes.append(time.perf_counter() - start)
                if i % 2 == 1:
                    baselines.append(bare_render(text))
            baseline, whole = min(baselines), min(wholes)
            result = results[wholes.index(whole)]  # the stages of the run reported
            start = time.perf_counter()
            verified = verify_bundle(
                base / "b0.qrb", org / "supervisor" / "age-identity.txt", org / "trust.json"
            )
            verify = time.perf_counter() - start
            # Peak resident memory of the whole process (interpreter, Qt-free libraries,
            # the fonts and both PDFs included), not just Python objects.
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pdf = verified.files["statement.pdf"]
        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
    emit(
        report(
            "export",
            [
                figure(
                    "export_seconds_best",
                    round(whole, 3),
                    ("<", 3),
                    unit="s",
                    note=f"best of {RUNS}",
                ),
                figure("baseline_bare_render_seconds_best", round(baseline, 3), unit="s"),
                figure("export_ratio_to_bare_render", ratio(whole, baseline), ("<=", 2), unit="x"),
                figure("verify_seconds", round(verify, 3), ("<", 1), unit="s"),
                figure(
                    "signing_pages_seconds_best",
                    round(min(pages_times), 3),
                    ("<", 3),
                    unit="s",
                    note="the statement rendered for the witness and every page hashed",
                ),
                figure(
                    "signing_pages_ratio_to_bare_render",
                    ratio(min(pages_times), baseline),
                    ("<=", 2),
                    unit="x",
                ),
                figure("process_peak_rss_mb", round(peak_mb, 1), ("<", 300), unit="MB"),
            ],
            {
                "words": len(text.split()),
                "pages": pages,
                "verify_ok": verified.ok,
                "stages_seconds": result.stages,
                "bundle_bytes": result.bytes,
                "runs": RUNS,
                "export_seconds_all": [round(w, 3) for w in wholes],
                "bare_render_seconds_all": [round(b, 3) for b in baselines],
            },
        )
    )


if __name__ == "__main__":
    main()
