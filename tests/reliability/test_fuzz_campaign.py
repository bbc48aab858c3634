"""The fuzzing campaign (issue #11): every parser of untrusted input, fuzzed two ways.

1. Hypothesis, structured: the real documents (a bundle's manifest, record, history,
   restricted details and audit log, a decision, a receipt, a trust file, a vault header,
   a guide and its translation, the intake's requests, the tar and the age header) with
   fields replaced by wrong types, nesting past any parser's depth, huge strings,
   unicode (lone surrogates too), truncations and hostile archive entries.
2. Atheris, coverage guided: one process per target (tests/reliability/fuzz_atheris.py),
   seeded with valid samples made at run time (tests/reliability/fuzz_corpus.py), each
   under an audit hook that fails on any write outside its scratch folder, and under a
   memory cap (the process's own peak RSS, checked by the driver and here).

Both call the same targets (tests/reliability/fuzz_targets.py): a target returns or
raises its parser's typed error; anything else is a crash. Also checked: every member of
a bundle past its FILE_LIMITS size is refused from its tar header, before it is parsed,
and a bundle file past MAX_BUNDLE_BYTES is refused without being read.

Bounded (every `make test`): well under 2 minutes. Full (QUIETROOM_CAMPAIGN=full):
at least 1,000,000 atheris iterations across the parsers (DECISIONS), and twenty times
the hypothesis examples. The figures are reported as campaign "fuzz".
"""

from __future__ import annotations

import collections
import copy
import io
import json
import os
import re
import resource
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from app.errors import VerificationError
from app.export import agefile, safetar
from app.export.bundle import FILE_LIMITS, MAX_BUNDLE_BYTES
from app.export.exhibits import BundleLimits
from app.export.verify import BUNDLE_NAMES, read_bundle
from app.sync.receipts import bundle_receipt
from tests.reliability import fuzz_targets as ft
from tests.reliability.campaign import FULL, SEED, report, rng, size
from tests.reliability.fuzz_corpus import build_world

REPO = Path(__file__).resolve().parents[2]
RSS_CAP_MB = 512  # each atheris process; a bundle's members are capped far below this
# Atheris iterations per target: (bounded, full). The full form's sum is >= 1,000,000,
# weighted so that the slow targets (a whole bundle's verification, PDF signature and
# all) take minutes, not hours: see the measured rates in the campaign's report.
ATHERIS_RUNS = {
    "bundle": (400, 10_000),
    "decision": (1_500, 30_000),
    "receipt": (300, 10_000),
    "trust": (300, 10_000),
    "guide": (1_500, 30_000),
    "manifest": (10_000, 100_000),
    "record": (10_000, 100_000),
    "audit": (30_000, 250_000),
    "agefile": (30_000, 200_000),
    "header": (30_000, 200_000),
    "tar": (20_000, 120_000),
    "intake": (5_000, 50_000),
}
# Wall time per target: the bounded form stops at this even if runs remain.
ATHERIS_SECONDS = size(2.0, 3_600.0)
EXAMPLES = size(30, 600)  # hypothesis examples per structured test

# What the hypothesis half ran: parser -> [examples, typed errors].
HYPOTHESIS: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
HYPOTHESIS_SECONDS = [0.0]


# --- the world -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_world(tmp_path_factory.mktemp("fuzz") / "world")


@pytest.fixture(scope="module")
def ctx(world: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ft.Context]:
    context = ft.load_context(world, tmp_path_factory.mktemp("fuzz-scratch"))
    yield context
    context.loop.close()


def run_target(name: str, ctx: ft.Context, data: bytes) -> BaseException | None:
    """The target on `data`; its typed error if it raised one (anything else fails)."""
    counts = HYPOTHESIS[name]
    counts[0] += 1
    started = time.perf_counter()
    try:
        ft.TARGETS[name](ctx, data)
    except ft.TYPED[name] as exc:
        counts[1] += 1
        assert "\n" not in str(exc), f"a typed error of more than one line: {exc!r}"
        return exc
    finally:
        HYPOTHESIS_SECONDS[0] += time.perf_counter() - started
    return None


def fuzz_settings(examples: int = EXAMPLES) -> Any:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )


# --- structured mutations of JSON documents ------------------------------------------------

DEEP = "\x00deep\x00"  # replaced after serialising by nesting json.dumps could not write
HUGE = "\x00huge\x00"
WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(exclude_categories=[]), max_size=40),  # lone surrogates too
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=3),
    st.just(DEEP),
    st.just(HUGE),
)
ACTIONS = ("replace", "replace", "replace", "delete", "extra_key", "wrap_in_list")


def json_paths(doc: Any, prefix: tuple[Any, ...] = (), depth: int = 0) -> Iterator[tuple]:
    yield prefix
    if depth > 6:
        return
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    )
    for key, value in list(items)[:40]:
        yield from json_paths(value, (*prefix, key), depth + 1)


def _set(doc: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    if not path:
        return value if action == "replace" else [doc]
    parent = doc
    for key in path[:-1]:
        try:
            parent = parent[key]
        except (KeyError, IndexError, TypeError):
            return doc  # an earlier change removed this place
    last = path[-1]
    try:
        if action == "delete":
            del parent[last]
        elif action == "extra_key" and isinstance(parent, dict):
            parent[f"{last}_extra"] = value
        elif action == "wrap_in_list":
            parent[last] = [parent[last]]
        else:
            parent[last] = value
    except (KeyError, IndexError, TypeError):
        pass
    return doc


@st.composite
def mutated_json(draw: st.DrawFn, base: Any, *, lines: bool = False) -> bytes:
    """`base` with one to three places changed, serialised (ASCII or not), sometimes cut.
    With `lines`, base is a list of documents written one per line (the audit log)."""
    doc = copy.deepcopy(base)
    paths = list(json_paths(doc))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        if lines and not path:
            continue
        doc = _set(doc, path, draw(st.sampled_from(ACTIONS)), draw(WRONG))
    ascii_only = draw(st.booleans())
    if lines and isinstance(doc, list):
        text = "\n".join(json.dumps(d, ensure_ascii=ascii_only) for d in doc) + "\n"
    else:
        text = json.dumps(doc, ensure_ascii=ascii_only, indent=draw(st.sampled_from([None, 2])))
    depth = draw(st.sampled_from([100, 2_000, 50_000]))
    nest = draw(st.sampled_from(["[]", "{}"]))
    deep = "[" * depth + "]" * depth if nest == "[]" else '{"a":' * depth + "1" + "}" * depth
    text = text.replace(json.dumps(DEEP), deep)
    text = text.replace(json.dumps(HUGE), json.dumps("Ŷ" * draw(st.integers(10_000, 300_000))))
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate: bytes no UTF-8 decoder takes
    if draw(st.integers(0, 7)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


class Quiet(dict):
    """A sample's files, shown by their names only (hypothesis prints its arguments)."""

    def __repr__(self) -> str:
        return f"<files {sorted(self)}>"


class QuietBytes(bytes):
    def __repr__(self) -> str:
        return f"<{len(self)} bytes>"


def _doc(ctx: ft.Context, sample: str) -> Any:
    return json.loads(ctx.samples[sample])


# --- hypothesis: the bundle's documents -----------------------------------------------------


@pytest.mark.campaign
def test_manifest_structured(ctx: ft.Context) -> None:
    base = ctx.manifest

    @hypothesis_seed(SEED)
    @fuzz_settings()
    @given(mutated_json(base))
    def check(raw: bytes) -> None:
        run_target("manifest", ctx, b"\0" + raw)

    check()


@pytest.mark.campaign
@pytest.mark.slow
def test_bundle_signed_manifest_structured(ctx: ft.Context) -> None:
    """A mutated manifest, validly signed by the interviewer, through the whole verify
    path: a report (never an exception), that the CLI can print."""
    base = ctx.manifest

    @hypothesis_seed(SEED)
    @fuzz_settings(size(8, 150))
    @given(mutated_json(base))
    def check(raw: bytes) -> None:
        run_target("bundle", ctx, b"\2" + raw)

    check()


@pytest.mark.campaign
def test_record_history_restricted_structured(ctx: ft.Context) -> None:
    docs = [
        (0, ctx.record),
        (1, _doc(ctx, "history.json")),
        (2, _doc(ctx, "restricted.json")),
    ]

    @hypothesis_seed(SEED)
    @fuzz_settings(EXAMPLES * 2)
    @given(st.sampled_from(docs).flatmap(lambda d: st.tuples(st.just(d[0]), mutated_json(d[1]))))
    def check(case: tuple[int, bytes]) -> None:
        mode, raw = case
        run_target("record", ctx, bytes([mode]) + raw)

    check()


@pytest.mark.campaign
def test_audit_log_structured(ctx: ft.Context) -> None:
    entries = [json.loads(line) for line in ctx.files["audit.jsonl"].splitlines()]

    @hypothesis_seed(SEED)
    @fuzz_settings()
    @given(mutated_json(entries, lines=True))
    def check(raw: bytes) -> None:
        run_target("audit", ctx, b"\0" + raw)

    check()


# --- hypothesis: decisions, receipts, trust, header ------------------------------------------


@pytest.mark.campaign
@pytest.mark.slow
def test_decision_receipt_trust_structured(ctx: ft.Context) -> None:
    """A decision.json signed by the supervisor, a receipt signed by the intake, a trust
    file signed by the trust-list signer: each mutated, each through its whole check."""
    docs = [
        ("decision", 2, _doc(ctx, "decision.json")),
        ("receipt", 0, _doc(ctx, "receipt-v1.json")),
        ("receipt", 0, _doc(ctx, "receipt-v2.json")),
        ("trust", 1, _doc(ctx, "trust.json")),
        ("trust", 0, _doc(ctx, "trust.json")),
    ]

    @hypothesis_seed(SEED)
    @fuzz_settings(size(25, 500))
    @given(st.sampled_from(docs).flatmap(lambda d: st.tuples(st.just(d[:2]), mutated_json(d[2]))))
    def check(case: tuple[tuple[str, int], bytes]) -> None:
        (name, mode), raw = case
        run_target(name, ctx, bytes([mode]) + raw)

    check()


@pytest.mark.campaign
def test_receipt_found_by_fuzzing(ctx: ft.Context) -> None:
    """What the campaign found in `verify --receipt` (app/sync/receipts.py): a receipt
    nested past the JSON parser's depth, and a version 1 receipt (signed by the intake)
    whose received time is not one, escaped as RecursionError and ValueError instead of
    the receipt's failed check."""
    deep = b"[" * 100_000 + b"]" * 100_000
    v1 = _doc(ctx, "receipt-v1.json")
    cases = [
        (1, deep),  # as receipt.p7s: the receipt.json beside it stays the real one
        (0, deep),  # as receipt.json, signed by the intake
        (0, json.dumps({**v1, "received": "yesterday"}).encode()),
        (0, json.dumps({**v1, "received": 20261207}).encode()),
        (0, json.dumps({**v1, "id": {"a": deep.decode()}}).encode()),
    ]
    folder = ctx.scratch / "deep-receipt"
    folder.mkdir()
    (folder / "receipt.json").write_bytes(deep)
    (folder / "receipt.p7s").write_bytes(ctx.samples["receipt-v1.p7s"])
    for mode, raw in cases:
        error = run_target("receipt", ctx, bytes([mode]) + raw)
        assert isinstance(error, VerificationError), (mode, raw[:80])
    with pytest.raises(VerificationError) as refused:
        bundle_receipt(folder)(ctx.samples["bundle.qrb"], ctx.trust)
    assert refused.value.code == "verify.bad_receipt"


@pytest.mark.campaign
def test_certificate_version_found_by_fuzzing(ctx: ft.Context) -> None:
    """What the full campaign found in the trust file: a member's certificate whose
    version field is not 1, 2 or 3 made cryptography raise InvalidVersion, which is no
    ValueError, so it escaped the trust file's typed error. Every place that reads a
    certificate from outside now says so (the trust file, the certificate loader)."""
    import base64

    from crypto.pki import load_certificate
    from crypto.pki_errors import CertificateError

    doc = _doc(ctx, "trust.json")
    pem = next(m["certificate"] for m in doc["members"] if "certificate" in m)
    body = "".join(pem.strip().splitlines()[1:-1])
    der = bytearray(base64.b64decode(body))
    at = der.index(b"\xa0\x03\x02\x01\x02")  # tbsCertificate's [0] version: v3 (2)
    der[at + 4] = 18
    bad = "-----BEGIN CERTIFICATE-----\n" + base64.b64encode(bytes(der)).decode() + "\n"
    bad += "-----END CERTIFICATE-----\n"
    for member in doc["members"]:
        if member.get("certificate") == pem:
            member["certificate"] = bad
    error = run_target("trust", ctx, bytes([0]) + json.dumps(doc).encode())
    assert isinstance(error, VerificationError), error
    with pytest.raises(CertificateError):
        load_certificate(bad.encode())
    with pytest.raises(CertificateError):
        load_certificate(bytes(der))


@pytest.mark.campaign
def test_vault_header_structured(ctx: ft.Context) -> None:
    base = _doc(ctx, "vault.header")

    @hypothesis_seed(SEED)
    @fuzz_settings(EXAMPLES * 2)
    @given(mutated_json(base))
    def check(raw: bytes) -> None:
        error = run_target("header", ctx, b"\0" + raw)
        if len(raw) > 64 * 1024:
            assert error is not None, "a header past its 64 KiB cap was read"

    check()


# --- hypothesis: guide files (TOML) ------------------------------------------------------------

TOML_VALUES = st.one_of(
    st.sampled_from(
        [
            '"text"',
            '""',
            "1",
            "-7",
            "0",
            "3.5",
            "inf",
            "nan",
            "true",
            "[]",
            "{}",
            '[1, "a"]',
            "[[]]",
            "{ a = 1 }",
            "1979-05-27T07:32:00Z",
            "07:32:00",
            "9999999999999999999999",
        ]
    ),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30).map(json.dumps),
    st.integers(10_000, 900_000).map(lambda n: '"' + "w" * n + '"'),
    st.sampled_from([200, 5_000, 200_000]).map(lambda n: "[" * n + "]" * n),
    st.sampled_from([200, 5_000]).map(lambda n: "{ a = " * n + "1" + " }" * n),
)
_ASSIGNMENT = re.compile(r"\s*[A-Za-z0-9_.\"-]+\s*=")


@st.composite
def mutated_toml(draw: st.DrawFn, text: str) -> bytes:
    lines = text.splitlines()
    places = [i for i, line in enumerate(lines) if _ASSIGNMENT.match(line)]
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["value", "value", "value", "delete", "duplicate"]))
        if action == "delete":
            lines[i] = ""
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines[i] = lines[i].split("=", 1)[0] + "= " + draw(TOML_VALUES)
    raw = "\n".join(lines).encode("utf-8")
    if draw(st.integers(0, 7)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


@pytest.mark.campaign
def test_guide_structured(ctx: ft.Context) -> None:
    guides = [
        (0, ctx.samples["csa.toml"].decode()),
        (0, ctx.samples["general-v1.toml"].decode()),
        (1, ctx.samples["csa.cy.toml"].decode()),
    ]

    @hypothesis_seed(SEED)
    @fuzz_settings(EXAMPLES * 2)
    @given(st.sampled_from(guides).flatmap(lambda g: st.tuples(st.just(g[0]), mutated_toml(g[1]))))
    def check(case: tuple[int, bytes]) -> None:
        mode, raw = case
        error = run_target("guide", ctx, bytes([mode]) + raw)
        if len(raw) > 1024 * 1024:
            assert error is not None, "a guide past its 1 MiB cap was read"

    check()


# --- hypothesis: the intake's requests ----------------------------------------------------------


@pytest.mark.campaign
def test_intake_requests_structured(ctx: ft.Context) -> None:
    query = ctx.samples["tsa-query.der"]
    # "²0": atheris found the queue's limit taken by isdigit() and refused by int().
    odd = ["", "-1", "0x10", "١٢", " 1", "²0", "0001009", "000100" + "9" * 5_000]
    number = st.integers(0, 2**64).map(str) | st.sampled_from(odd)
    flipped = st.tuples(st.integers(0, len(query) - 1), st.integers(0, 255)).map(
        lambda f: query[: f[0]] + bytes([f[1]]) + query[f[0] + 1 :]
    )
    requests = st.one_of(
        st.tuples(st.just(0), flipped | st.binary(max_size=9_000)),
        st.tuples(
            st.just(1),
            st.tuples(number, number, number).map(lambda t: f"bytes {t[0]}-{t[1]}/{t[2]}".encode()),
        ),
        st.tuples(
            st.just(2),
            st.tuples(number, st.text(max_size=60)).map(
                lambda t: f"limit={t[0]}&after={t[1]}".encode("utf-8", "surrogatepass")
            ),
        ),
        st.tuples(
            st.just(3),
            st.text(st.characters(exclude_categories=[]), max_size=70).map(
                lambda t: t.encode("utf-8", "surrogatepass")
            ),
        ),
        st.tuples(st.just(4), mutated_json(_doc(ctx, "stamp.json"))),
    )

    @hypothesis_seed(SEED)
    @fuzz_settings(EXAMPLES * 3)
    @given(requests)
    def check(case: tuple[int, bytes]) -> None:
        mode, raw = case
        run_target("intake", ctx, bytes([mode]) + raw)

    check()
    # What atheris found (intake/server.py's page_args): a limit isdigit() takes and int()
    # does not ("²0", as the header's latin-1 gives it; past int()'s 4,300 digits), and one
    # whose first six digits passed the check while the whole number was used.
    for query in (b"limit=\xb20", b"limit=000100" + b"9" * 5_000, b"limit=0001009"):
        error = run_target("intake", ctx, b"\2" + query)
        assert error is not None and error.code == "intake.bad_limit", query[:20]


# --- hypothesis: hostile archives and age headers ------------------------------------------------


def _tar(entries: list[tarfile.TarInfo], data: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:", format=tarfile.PAX_FORMAT) as archive:
        for info in entries:
            archive.addfile(info, io.BytesIO(data.get(info.name, b"")) if info.isreg() else None)
    return out.getvalue()


def _regular(name: str, content: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    return info


HOSTILE = (
    "symlink",
    "hardlink",
    "directory",
    "device",
    "fifo",
    "dotdot",
    "absolute",
    "backslash",
    "duplicate",
    "unknown",
    "too_many",
    "oversize_header",
    "truncated",
    "trailing",
    "bad_checksum",
)


@st.composite
def hostile_tar(draw: st.DrawFn, files: dict[str, bytes]) -> bytes:
    names = sorted(files)
    entries = [_regular(n, files[n]) for n in names]
    data = dict(files)
    kind = draw(st.sampled_from(HOSTILE))
    at = draw(st.integers(0, len(entries)))
    victim = draw(st.sampled_from(names))
    special = tarfile.TarInfo(victim)
    if kind in ("symlink", "hardlink"):
        special.type = tarfile.SYMTYPE if kind == "symlink" else tarfile.LNKTYPE
        special.linkname = draw(st.sampled_from(["/etc/passwd", "../x", names[0]]))
    elif kind in ("directory", "device", "fifo"):
        special.type = {"directory": tarfile.DIRTYPE, "device": tarfile.CHRTYPE}.get(
            kind, tarfile.FIFOTYPE
        )
    elif kind in ("dotdot", "absolute", "backslash", "unknown"):
        special = _regular(
            {
                "dotdot": f"../{victim}",
                "absolute": f"/tmp/{victim}",
                "backslash": f"exhibits\\1-{victim}",
                "unknown": draw(st.sampled_from(["evil.sh", "exhibits/0-x", "exhibits/1-a/b"])),
            }[kind],
            b"x",
        )
        data[special.name] = b"x"
    elif kind == "duplicate":
        special = _regular(victim, files[victim])
    elif kind == "too_many":
        for i in range(safetar.MAX_ENTRIES + 1):
            entries.append(_regular(f"exhibits/{i + 1}-e.txt", b"e"))
            data[f"exhibits/{i + 1}-e.txt"] = b"e"
        return _tar(entries, data)
    if kind in HOSTILE[:10]:
        entries.insert(at, special)
        return _tar(entries, data)
    raw = _tar(entries, data)
    if kind == "oversize_header":
        # The header claims the file is past its limit; the bytes stay as they were.
        name = draw(st.sampled_from(sorted(FILE_LIMITS)))
        limit = BundleLimits(FILE_LIMITS)[name]
        head = _regular(name, b"")
        head.size = limit + draw(st.integers(1, 2**20))
        return head.tobuf(tarfile.PAX_FORMAT) + raw
    if kind == "truncated":
        return raw[: draw(st.integers(0, len(raw) - 1))]
    if kind == "trailing":
        return raw + draw(st.binary(min_size=1, max_size=2048).filter(lambda b: b.strip(b"\0")))
    cut = draw(st.integers(0, 511))  # bad_checksum: one byte of the first header changed
    return raw[:cut] + bytes([raw[cut] ^ 0xFF]) + raw[cut + 1 :]


@pytest.mark.campaign
def test_tar_hostile_entries_refused(ctx: ft.Context) -> None:
    """Every hostile archive is refused (a VerificationError), whatever the entry."""

    @hypothesis_seed(SEED)
    @fuzz_settings(EXAMPLES * 3)
    @given(hostile_tar(Quiet(ctx.files)))
    def check(raw: bytes) -> None:
        error = run_target("tar", ctx, b"\0" + raw)
        assert isinstance(error, VerificationError), "a hostile archive was unpacked"

    check()


@st.composite
def hostile_age(draw: st.DrawFn, bundle: bytes) -> bytes:
    header = agefile.read_header(bundle)
    head, body = bundle[: header.size], bundle[header.size :]
    lines = head.split(b"\n")[:-1]  # ends with the MAC line's newline
    kind = draw(st.sampled_from(["stanzas", "long_line", "no_mac", "bad_body", "cut", "garbage"]))
    if kind == "stanzas":
        stanza = lines[1:3]
        lines = [lines[0], *stanza * draw(st.integers(30, 3_000)), *lines[1:]]
    elif kind == "long_line":
        lines.insert(1, b"-> X25519 " + b"A" * draw(st.integers(1_000, 100_000)))
    elif kind == "no_mac":
        lines = lines[:-1]
    elif kind == "bad_body":
        lines.insert(2, draw(st.binary(min_size=1, max_size=80)))
    elif kind == "cut":
        return bundle[: draw(st.integers(0, header.size + 100))]
    else:
        return head + draw(st.binary(max_size=4096))
    return b"\n".join(lines) + b"\n" + body


@pytest.mark.campaign
def test_age_header_hostile(ctx: ft.Context) -> None:
    """The one helper every age file from outside goes through: a hostile header is
    refused (agefile.Refused), promptly, whatever its size."""
    bundle = ctx.samples["bundle.qrb"]

    @hypothesis_seed(SEED)
    @fuzz_settings(EXAMPLES * 2)
    @given(hostile_age(QuietBytes(bundle)))
    def check(raw: bytes) -> None:
        started = time.perf_counter()
        run_target("agefile", ctx, b"\0" + raw)
        assert time.perf_counter() - started < 5, "a hostile age header took seconds"

    check()


# --- the limits: refused before parsing ---------------------------------------------------------


def _member(name: str, size: int, content: bytes | None) -> bytes:
    """A one-member tar whose header says `size`; `content` (the bytes that follow) is
    that many bytes of what no parser takes, or None to give only the header."""
    info = _regular(name, b"")
    info.size = size
    head = info.tobuf(tarfile.PAX_FORMAT)
    if content is None:
        return head + b"\0" * (2 * tarfile.BLOCKSIZE)
    padding = b"\0" * (-len(content) % tarfile.BLOCKSIZE)
    return head + content + padding + b"\0" * (2 * tarfile.BLOCKSIZE)


@pytest.mark.campaign
def test_file_limits_refused_before_parsing(tmp_path: Path) -> None:
    """Each member one byte past its FILE_LIMITS size is refused from its header, named
    as too large (not as malformed): nothing of it was parsed. Members up to 16 MiB are
    really there (garbage no parser takes); larger ones are given by header alone."""
    limits = BundleLimits(FILE_LIMITS)
    names = [*sorted(FILE_LIMITS), "exhibits/1-photo.jpg"]
    for name in names:
        limit = limits[name]
        content = b"{" * (limit + 1) if limit <= 16 * 1024 * 1024 else None
        with pytest.raises(VerificationError) as refused:
            safetar.unpack(_member(name, limit + 1, content), BUNDLE_NAMES, limits)
        assert refused.value.code == "bundle.archive_unacceptable"
        assert "larger than any real bundle holds" in str(refused.value), (name, str(refused))
        # At its limit exactly, the same member is unpacked (the limit is not off by one).
        if content is not None:
            files = safetar.unpack(_member(name, limit, content[:-1]), BUNDLE_NAMES, limits)
            assert len(files[name]) == limit
        del content
    # A bundle file past MAX_BUNDLE_BYTES (sparse: no disk) is refused unread.
    big = tmp_path / "big.qrb"
    with open(big, "wb") as fh:
        fh.write(agefile.AGE_MAGIC)
        fh.truncate(MAX_BUNDLE_BYTES + 1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(VerificationError) as refused:
        read_bundle(big)
    assert refused.value.code == "bundle.far_too_large"
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 64, f"refusing a {MAX_BUNDLE_BYTES >> 20} MiB bundle took {grown_mb} MB"


# --- atheris: coverage-guided, one process per target ------------------------------------------


def run_atheris(
    world: Path, scratch: Path, name: str, runs: int, seed: int, rss_cap_mb: int = RSS_CAP_MB
) -> dict[str, Any]:
    """One target's atheris process; its statistics with its exit status and peak RSS."""
    corpus = scratch / "corpus"
    corpus.mkdir(parents=True)
    seeds = world / "corpus" / (name if name in ft.TARGETS else "header")  # planted: any
    for seed_file in seeds.iterdir():
        (corpus / seed_file.name).write_bytes(seed_file.read_bytes())
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PYTHONDONTWRITEBYTECODE": "1",  # imports write nothing
        "TMPDIR": str(scratch),
    }
    command = [
        sys.executable,
        "-m",
        "tests.reliability.fuzz_atheris",
        name,
        str(world),
        str(scratch),
        str(runs),
        str(ATHERIS_SECONDS),
        str(rss_cap_mb),
        "--",
        f"-seed={seed}",
        "-rss_limit_mb=0",  # the driver bounds memory itself (fuzz_atheris.py says why)
        "-timeout=60",  # one input taking a minute is a hang
        f"-max_total_time={int(ATHERIS_SECONDS) + 120}",  # a backstop: the driver stops first
        f"-artifact_prefix={scratch}/",
        str(corpus),
    ]
    with open(scratch / "log.txt", "wb") as log:
        process = subprocess.Popen(command, cwd=scratch, env=env, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    stats_path = scratch / "stats.json"
    stats = json.loads(stats_path.read_text()) if stats_path.exists() else {}
    stats["exit"] = process.returncode
    # The child's own peak (VmHWM): wait4's ru_maxrss counts this process's size at fork.
    stats["max_rss_mb"] = stats.get("vm_hwm_mb") or round(usage.ru_maxrss / 1024, 1)
    if process.returncode != 0 or not stats.get("iterations"):
        stats["log_tail"] = (scratch / "log.txt").read_text(errors="replace")[-3000:]
    return stats


@pytest.mark.campaign
@pytest.mark.slow
def test_atheris_driver_reports_planted_failures(
    world: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The driver's checks can fail: a target that raises an untyped error exits non-zero
    with the crash recorded, one that writes outside its scratch folder is caught by the
    audit hook (while its scratch writes are not), and one that grows past the memory cap
    is stopped."""
    crash = run_atheris(world, tmp_path_factory.mktemp("planted-crash"), "planted-crash", 50, 1)
    assert crash["exit"] != 0 and crash["crashes"] == 1, crash
    assert crash["crash"]["type"] == "KeyError", crash["crash"]
    assert "Uncaught Python exception" in crash.get("log_tail", ""), crash.get("log_tail")
    try:
        write = run_atheris(world, tmp_path_factory.mktemp("planted-write"), "planted-write", 50, 1)
    finally:
        (world / "planted-write.txt").unlink(missing_ok=True)
    assert write["exit"] != 0 and write["writes_outside"] >= 1, write
    assert write["outside"][0][1] == str(world / "planted-write.txt"), write["outside"]
    # Its statistics file and the corpus libFuzzer grew are inside: not counted.
    assert all("stats.json" not in path and "corpus" not in path for _, path in write["outside"])
    # Past its memory cap (here 192 MB, for a target that keeps 64 MB more per input).
    memory = run_atheris(
        world, tmp_path_factory.mktemp("planted-memory"), "planted-memory", 50, 1, 192
    )
    assert memory["exit"] == 3 and memory["max_rss_mb"] > 192, memory
    assert memory["writes_outside"] == 0, memory["outside"]


@pytest.mark.campaign
@pytest.mark.slow
def test_atheris_campaign(world: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each target fuzzed in its own process; then the campaign's figures, the
    hypothesis half's included."""
    started = time.monotonic()
    seeds = rng("fuzz")
    results: dict[str, dict[str, Any]] = {}
    for name, (bounded, full) in ATHERIS_RUNS.items():
        scratch = tmp_path_factory.mktemp(f"atheris-{name}")
        results[name] = run_atheris(
            world, scratch, name, size(bounded, full), seeds.randrange(1, 2**31)
        )
    problems = {
        name: {k: r.get(k) for k in ("exit", "crash", "outside", "max_rss_mb", "log_tail")}
        for name, r in results.items()
        if r["exit"] != 0
        or r.get("crashes")
        or r.get("writes_outside")
        or r["max_rss_mb"] > RSS_CAP_MB
        or not r.get("iterations")
    }
    iterations = sum(r.get("iterations", 0) for r in results.values())
    per_parser = {
        name: {
            "atheris": r.get("iterations", 0),
            "atheris_per_second": round(r.get("iterations", 0) / max(r.get("seconds", 0), 1e-3)),
            "hypothesis": HYPOTHESIS[name][0],
            "typed_errors": r.get("typed_errors", 0) + HYPOTHESIS[name][1],
            "max_rss_mb": r["max_rss_mb"],
        }
        for name, r in results.items()
    }
    figures = report(
        "fuzz",
        {
            "iterations": iterations,
            "hypothesis_examples": sum(c[0] for c in HYPOTHESIS.values()),
            "per_parser": per_parser,
            "crashes": sum(r.get("crashes", 0) + (r["exit"] != 0) for r in results.values()),
            "typed_errors": sum(p["typed_errors"] for p in per_parser.values()),
            "writes_outside": sum(r.get("writes_outside", 0) for r in results.values()),
            "max_rss_mb": max(r["max_rss_mb"] for r in results.values()),
            "rss_cap_mb": RSS_CAP_MB,
            "seconds": round(time.monotonic() - started + HYPOTHESIS_SECONDS[0], 1),
        },
    )
    assert not problems, json.dumps(problems, indent=1)[:8000]
    assert figures["crashes"] == 0
    assert figures["writes_outside"] == 0
    assert figures["max_rss_mb"] <= RSS_CAP_MB
    if FULL:
        assert iterations >= 1_000_000, f"the full campaign ran {iterations} iterations"
