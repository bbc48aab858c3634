"""How long the timeline takes to read a Welsh wording of *when* (issue #19 §2), against
the same wording in English, in the same process.

A Welsh wording is read by the English grammar first, then reworded from Welsh and read
again (app/engine/fuzzydate_welsh.py), so it costs more than its English twin. Measured:
`parse_when` over pairs of wordings that mean the same (a season, a month, a range, an
age, a festival, two wordings of one moment, a relative one), each pair timed in
alternation, many rounds. The target: a Welsh wording read in under 5 ms (the *When*
field is read once, on Add), and at most 4 times its English twin.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.engine.fuzzydate import FuzzyDate, parse_when
from bench.common import emit, figure, ratio, report, spread

ROUNDS = 200
TARGET_MS = 5.0
TARGET_RATIO = 4.0
BORN = date(1975, 5, 1)
TODAY = date(2026, 12, 7)
PAIRS = (
    ("haf 1987", "summer 1987"),
    ("ym mis Mehefin 1987", "in June 1987"),
    ("rhwng 1985 a 1987", "between 1985 and 1987"),
    ("tua 12 oed", "aged about 12"),
    ("Nadolig 1990", "Christmas 1990"),
    ("haf 1987, tua 12 oed", "summer 1987, aged about 12"),
    ("dechrau'r wythdegau", "the early eighties"),
    ("ychydig fisoedd cyn i ni symud", "a few months before we moved"),
)


def moved(words: str) -> FuzzyDate | None:
    # The other event of the relative wordings: "we moved", however it is said.
    return FuzzyDate(words, date(1988, 7, 1), date(1988, 8, 31), "month", False)


def read(text: str) -> FuzzyDate:
    return parse_when(text, date_of_birth=BORN, resolve=moved, today=TODAY)


def timed(text: str) -> float:
    start = time.perf_counter()
    read(text)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    for welsh, english in PAIRS:  # warm up, and check each pair means the same
        a, b = (
            parse_when(t, date_of_birth=BORN, resolve=moved, today=TODAY) for t in (welsh, english)
        )
        assert (a.earliest, a.latest, a.uncertain) == (b.earliest, b.latest, b.uncertain), welsh
    welsh_ms: list[float] = []
    english_ms: list[float] = []
    for _ in range(ROUNDS):
        for welsh, english in PAIRS:
            welsh_ms.append(timed(welsh))
            english_ms.append(timed(english))
    welsh_median, english_median = statistics.median(welsh_ms), statistics.median(english_ms)
    p99 = sorted(welsh_ms)[int(0.99 * len(welsh_ms))]
    worst_pair = max(PAIRS, key=lambda p: statistics.median(timed(p[0]) for _ in range(20)))[0]
    emit(
        report(
            "fuzzydate",
            [
                figure("welsh_parse_ms_median", round(welsh_median, 3), ("<", TARGET_MS),
                       unit="ms"),
                figure("welsh_parse_ms_p99", round(p99, 3), ("<", TARGET_MS), unit="ms"),
                figure("english_parse_ms_median", round(english_median, 3), unit="ms",
                       note="baseline: the same wordings in English, same process"),
                figure("welsh_to_english_ratio", ratio(welsh_median, english_median),
                       ("<=", TARGET_RATIO)),
            ],
            {
                "rounds": ROUNDS,
                "pairs": [list(p) for p in PAIRS],
                "welsh_ms": spread(welsh_ms),
                "english_ms": spread(english_ms),
                "slowest_welsh_wording": worst_pair,
            },
        )
    )  # fmt: skip


if __name__ == "__main__":
    main()
