"""Keys benchmark: the one path validator, and the protected identity file.

Prints JSON (see bench/common.py). Two measurements, each against a baseline taken in
the same run, interleaved:

- `check_chain` (crypto/validate.py, pyhanko-certvalidator: path, validity, key usage,
  extended key usage, critical extensions) against the bare signature check the old
  hand-written validator made (`verify_directly_issued_by`). A verify makes a handful
  of checks, so a few milliseconds each is the budget.
- writing and reading a member's identity.p12 (crypto/identity_p12.py: four key pairs,
  the age identity, the CA; 600,000 PBKDF2 rounds and an 800,000-round MAC, on purpose
  costly for a guesser) against one PBKDF2-HMAC-SHA256 at 600,000 rounds, the cost
  OWASP recommends per password guess. Done once per `org issue` or `identity import`.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pyrage import x25519

from bench.common import emit, figure, ratio, report, spread
from crypto import pki
from crypto.identity_p12 import IdentityFile, read_identity_p12, write_identity_p12
from crypto.validate import Usage, check_chain

CHECKS = 200
FILE_RUNS = 5
PASSWORD = b"benchmark password, not a secret"


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ca_cert, ca_key = pki.generate_ca("Bench Body")
    member, _ = pki.issue_certificate(
        ca_cert, ca_key, name="Interviewer One", organisation="Bench Body", role="interviewer"
    )
    check_chain(member, ca_cert, usage=Usage.DOCUMENT_SIGNING)  # imports and caches warm
    checks, bare = [], []
    for _ in range(CHECKS):
        checks.append(_timed(lambda: check_chain(member, ca_cert, usage=Usage.DOCUMENT_SIGNING)))
        bare.append(_timed(lambda: member.verify_directly_issued_by(ca_cert)))
    check_ms = statistics.median(checks) * 1000
    bare_ms = statistics.median(bare) * 1000

    pairs = {
        "signing": pki.issue_certificate(
            ca_cert, ca_key, name="Interviewer One", organisation="Bench Body", role="interviewer"
        ),
        "authentication": pki.issue_authentication_certificate(
            ca_cert, ca_key, name="Interviewer One", organisation="Bench Body", role="interviewer"
        ),
        "tls": pki.issue_tls_server_certificate(
            ca_cert, ca_key, organisation="Bench Body", hosts=["localhost"]
        ),
        "timestamp": pki.issue_timestamp_certificate(ca_cert, ca_key, organisation="Bench Body"),
    }
    identity = IdentityFile(pairs, str(x25519.Identity.generate()), (ca_cert,))
    writes, reads, kdf = [], [], []
    data = b""
    for _ in range(FILE_RUNS):
        start = time.perf_counter()
        data = write_identity_p12(identity, PASSWORD, friendly_name="Interviewer One")
        writes.append(time.perf_counter() - start)
        reads.append(_timed(partial(read_identity_p12, data, PASSWORD)))
        kdf.append(_timed(lambda: hashlib.pbkdf2_hmac("sha256", PASSWORD, b"s" * 16, 600_000)))
    write_s, read_s, kdf_s = (statistics.median(x) for x in (writes, reads, kdf))

    emit(
        report(
            "keys",
            [
                figure("check_chain, median", round(check_ms, 3), ("<", 10), unit="ms"),
                figure("baseline: bare signature check, median", round(bare_ms, 3), unit="ms"),
                figure("check_chain / bare check", ratio(check_ms, bare_ms)),
                figure("identity.p12 write, median", round(write_s, 3), ("<", 1.5), unit="s"),
                figure("identity.p12 read, median", round(read_s, 3), ("<", 1.5), unit="s"),
                figure("baseline: one PBKDF2 at 600,000, median", round(kdf_s, 3), unit="s"),
                figure("identity.p12 read / one PBKDF2", ratio(read_s, kdf_s)),
            ],
            {
                "checks": CHECKS,
                "file_runs": FILE_RUNS,
                "file_bytes": len(data),
                "write_s": spread(writes),
                "read_s": spread(reads),
                "pbkdf2_s": spread(kdf),
            },
        )
    )


if __name__ == "__main__":
    main()
