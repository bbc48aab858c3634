"""The fuzzing campaign's targets: one function per parser of untrusted input.

Each target takes bytes and hands them to the real parser, as the app or the intake
would meet them; the first byte picks a mode (how the bytes reach the parser), the rest
is the input. A target returns normally or raises one of its parser's typed errors
(`TYPED[name]`, the project's own error classes); anything else escaping is a crash.
Where a parser only sees content after a cryptographic gate (age decryption, a CMS
signature), a mode wraps the fuzzed bytes as a legitimate sender would (encrypts them
to the reader, signs them with the member's real key), so the fuzzer reaches the
checks behind the gate; another mode feeds the raw bytes to the gate itself.

The intake's request bodies: an uploaded bundle or decision file is verified by the
same verify_data / verify_decision_data (intake/accept.py), which the bundle and
decision targets fuzz; the intake target takes the rest (a time-stamp query, the
Content-Range of a chunk, a queue page's query, ids and SHA-256 headers, a stored stamp).

The context (`load_context`) is a world built by tests/reliability/fuzz_corpus.py:
the organisation's real keys, trust file and sample files. A target writes only into
`ctx.scratch` (the campaign checks this with an audit hook, tests/reliability/
fuzz_atheris.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
from aiohttp.test_utils import make_mocked_request
from pyrage import x25519

from app.errors import QuietroomError, UsageError, VaultError, VerificationError
from app.export import agefile, safetar
from app.export.bundle import FILE_LIMITS, MANIFEST, SIGNATURE
from app.export.checks import (
    check_files,
    check_manifest,
    check_recipients,
)
from app.export.exhibits import BundleLimits
from app.export.record_checks import (
    check_audit,
    check_binding,
    check_history,
    check_record,
    check_restricted,
    check_restricted_binding,
)
from app.export.report import Report
from app.export.verify import BUNDLE_NAMES, verify_bundle, verify_data
from app.guides.checker import GuideError
from app.guides.model import load_guide
from app.guides.translations import translated
from app.org import load_trust
from app.org.trust import trust_from_bytes
from app.org.trust_format import parse_trust
from app.review.decision import DECISION
from app.review.decision_verify import verify_decision_data
from app.sync.receipts import bundle_receipt, check_receipt
from app.vault.header import parse_header
from crypto import cms, pki
from intake import store
from intake.context import parse_content_range
from intake.server import page_args
from intake.tsa import Stamp, TimeStampingAuthority


def _identity(member: Path) -> x25519.Identity:
    text = (member / "age-identity.txt").read_text()
    return x25519.Identity.from_str(next(ln for ln in text.splitlines() if ln.startswith("AGE-")))


def _pair(member: Path, cert: str = "cert.pem", key: str = "key.pem") -> tuple[Any, Any]:
    return pki.load_pem_pair((member / cert).read_bytes(), (member / key).read_bytes())


@dataclass
class Context:
    """What every target needs, loaded once per process."""

    world: Path
    scratch: Path
    samples: dict[str, bytes]
    files: dict[str, bytes]  # the real bundle's files
    manifest: dict[str, Any]
    record: dict[str, Any]
    trust: Any
    reader: x25519.Identity  # the supervisor: a recipient of the bundle and decisions
    recipients: list[x25519.Recipient]
    signers: dict[str, tuple[Any, Any]]  # member folder -> (certificate, key)
    tsa: TimeStampingAuthority
    english_guide: Any
    loop: asyncio.AbstractEventLoop = field(repr=False)

    def seal(self, tar: bytes) -> bytes:
        """`tar` encrypted to the reader, as a sender would."""
        return pyrage.encrypt(tar, self.recipients)

    def sign(self, member: str, data: bytes) -> bytes:
        cert, key = self.signers[member]
        return cms.sign_detached(data, cert, key)


def load_context(world: Path, scratch: Path) -> Context:
    """The targets' context from a world made by fuzz_corpus.build_world; writes only
    into `scratch` (the English guide that translations are checked against)."""
    org = world / "org"
    samples = {p.name: p.read_bytes() for p in (world / "samples").iterdir()}
    files = safetar.unpack(samples["bundle.tar"], BUNDLE_NAMES, BundleLimits(FILE_LIMITS))
    reader = _identity(org / "supervisor")
    guide_path = scratch / "english.toml"
    guide_path.write_bytes(samples["csa.toml"])
    return Context(
        world=world,
        scratch=scratch,
        samples=samples,
        files=files,
        manifest=json.loads(files[MANIFEST]),
        record=json.loads(files["record.json"]),
        trust=load_trust(org / "trust.json"),
        reader=reader,
        recipients=[reader.to_public()],
        signers={
            name: _pair(org / name)
            for name in ("interviewer", "supervisor", "trust-signer", "intake")
        },
        tsa=TimeStampingAuthority(
            *_pair(org / "intake", "timestamp-cert.pem", "timestamp-key.pem")
        ),
        english_guide=load_guide(guide_path),
        loop=asyncio.new_event_loop(),
    )


def _mode(data: bytes, modes: int) -> tuple[int, bytes]:
    return (data[0] % modes, data[1:]) if data else (0, b"")


def _shown(report: Any) -> None:
    """What the CLI does with a report: its JSON and its lines."""
    json.dumps(report.to_json())
    for check in report.checks:
        check.line()


# --- the bundle and its parts -------------------------------------------------------------


def fuzz_bundle(ctx: Context, data: bytes) -> None:
    """0: the bytes are the bundle's tar (encrypted to the reader); 1: the bundle file
    itself, verified from a file as `quietroom-cli verify` does; 2: the bytes are
    manifest.json, signed by the interviewer, in the real bundle's tar."""
    mode, body = _mode(data, 3)
    org = ctx.world / "org"
    if mode == 1:
        path = ctx.scratch / "bundle.qrb"
        path.write_bytes(body)
        report = verify_bundle(path, org / "supervisor" / "age-identity.txt", org / "trust.json")
        _shown(report)
        return
    if mode == 2:
        files = {**ctx.files, MANIFEST: body, SIGNATURE: ctx.sign("interviewer", body)}
        body = safetar.pack(files.items(), 1_700_000_000)
    report = verify_data(ctx.seal(body), [ctx.reader], ctx.trust.ca_cert, ctx.trust)
    _shown(report)


def fuzz_tar(ctx: Context, data: bytes) -> None:
    safetar.unpack(data[1:], BUNDLE_NAMES, BundleLimits(FILE_LIMITS))


def fuzz_manifest(ctx: Context, data: bytes) -> None:
    """manifest.json as check_manifest reads it; one it accepts goes through every check
    that takes fields from it, against the real bundle's files."""
    report = Report()
    doc = check_manifest(report, data[1:])
    if doc is None:
        return
    files = ctx.files
    check_files(report, files, doc)
    check_recipients(report, {str(ctx.reader.to_public())}, doc)
    record = check_record(report, files["record.json"], doc)
    check_restricted(report, files["restricted.json"], doc)
    check_restricted_binding(report, files["restricted.pdf"], doc)
    if doc["version"] >= 2:
        check_history(report, files["history.json"], record, doc)
    check_audit(report, files["audit.jsonl"], record, doc)
    _shown(report)


def fuzz_record(ctx: Context, data: bytes) -> None:
    """0: record.json (then the checks that read the record); 1: history.json;
    2: restricted.json."""
    mode, body = _mode(data, 3)
    report, files, manifest = Report(), ctx.files, ctx.manifest
    if mode == 0:
        record = check_record(report, body, manifest)
        check_binding(report, files["statement.pdf"], record)
        check_history(report, files["history.json"], record, manifest)
        check_audit(report, files["audit.jsonl"], record, manifest)
    elif mode == 1:
        check_history(report, body, ctx.record, manifest)
    else:
        check_restricted(report, body, manifest)
    _shown(report)


def fuzz_audit(ctx: Context, data: bytes) -> None:
    report = Report()
    check_audit(report, data[1:], ctx.record, ctx.manifest)
    _shown(report)


def fuzz_agefile(ctx: Context, data: bytes) -> None:
    """The one helper that opens every age file from outside (header capped first)."""
    agefile.decrypt(data[1:], [ctx.reader])


# --- the review, sync and organisation files -------------------------------------------


def fuzz_decision(ctx: Context, data: bytes) -> None:
    """0: the decision file's tar (encrypted to the reader); 1: the decision file itself;
    2: decision.json, signed by the supervisor, in a decision file's tar."""
    mode, body = _mode(data, 3)
    if mode == 2:
        files = [(DECISION, body), ("decision.p7s", ctx.sign("supervisor", body))]
        body = safetar.pack(files, 1_700_000_000)
    blob = body if mode == 1 else ctx.seal(body)
    report = verify_decision_data(blob, [ctx.reader], ctx.trust.ca_cert, ctx.trust, ca_only=False)
    _shown(report)


def fuzz_receipt(ctx: Context, data: bytes) -> None:
    """0: receipt.json, signed by the intake; 1: receipt.p7s over the real receipt.json.
    Checked as `verify --receipt FOLDER` does (read from files), and as sync does."""
    mode, body = _mode(data, 2)
    if mode == 0:
        receipt, signature = body, ctx.sign("intake", body)
    else:
        receipt, signature = ctx.samples["receipt-v2.json"], body
    folder = ctx.scratch / "receipt"
    folder.mkdir(exist_ok=True)
    (folder / "receipt.json").write_bytes(receipt)
    (folder / "receipt.p7s").write_bytes(signature)
    bundle = ctx.samples["bundle.qrb"]
    refused: list[VerificationError] = []
    for check in (
        lambda: bundle_receipt(folder)(bundle, ctx.trust),
        lambda: check_receipt(
            receipt,
            signature,
            ctx.trust,
            kind="bundle",
            item_id=ctx.manifest["bundle_id"],
            sha256=hashlib.sha256(bundle).hexdigest(),
            size=len(bundle),
            manifest_sha256=hashlib.sha256(ctx.files[MANIFEST]).hexdigest(),
        ),
    ):
        try:
            check()
        except VerificationError as exc:  # both are tried; either may refuse
            refused.append(exc)
    if refused:
        raise refused[0]


def fuzz_trust(ctx: Context, data: bytes) -> None:
    """0: trust.json parsed (its signature taken as checked); 1: trust.json signed by the
    trust-list signer; 2: trust.json.p7s over the real trust.json."""
    mode, body = _mode(data, 3)
    ca = ctx.trust.ca_cert
    if mode == 0:
        parse_trust(body, ca, None)
    elif mode == 1:
        trust_from_bytes(body, ctx.sign("trust-signer", body), ca)
    else:
        trust_from_bytes(ctx.samples["trust.json"], body, ca)


def fuzz_guide(ctx: Context, data: bytes) -> None:
    """0: a guide file, loaded as the app loads one; 1: a translation of the English
    guide."""
    mode, body = _mode(data, 2)
    path = ctx.scratch / "guide.toml"
    path.write_bytes(body)
    if mode == 0:
        load_guide(path)
    else:
        translated(ctx.english_guide, "cy", path)


def fuzz_header(ctx: Context, data: bytes) -> None:
    parse_header(data[1:])


# --- the intake's requests ------------------------------------------------------------------


def fuzz_intake(ctx: Context, data: bytes) -> None:
    """0: a time-stamp query's body (the TSA answers every one); 1: a chunk's
    Content-Range; 2: a queue page's query string; 3: an item id and a SHA-256 header;
    4: a stored time stamp (JSON)."""
    mode, body = _mode(data, 5)
    text = body.decode("latin-1")  # as aiohttp gives a header's value
    if mode == 0:
        answer = ctx.loop.run_until_complete(ctx.tsa.reply(body))
        assert isinstance(answer, bytes) and answer
    elif mode == 1:
        parse_content_range(text, len(body) % 4096 or None)
    elif mode == 2:
        try:  # a URL aiohttp itself would not build is no request the intake meets
            request = make_mocked_request("GET", "/v1/queue?" + text)
            _ = request.query
        except Exception:
            return
        _, limit = page_args(request)
        assert 0 < limit <= store.MAX_QUEUE_LIMIT, limit  # what the queue may be asked
    elif mode == 3:
        store.check_id(text, "bundle")
        store.check_sha256(text)
    else:
        try:
            value = json.loads(body)
        except (ValueError, RecursionError):
            return  # the row's JSON is the database's; only its value reaches from_json
        stamp = Stamp.from_json(value)
        assert stamp is None or isinstance(stamp, Stamp)


Target = Callable[[Context, bytes], None]


# Targets with a planted defect, for the campaign's own test that the driver reports
# each kind of failure (never part of the campaign's figures).
def _planted_crash(ctx: Context, data: bytes) -> None:
    if len(data) > 2:
        raise KeyError("a planted crash the campaign must report")


def _planted_write(ctx: Context, data: bytes) -> None:
    (ctx.world / "planted-write.txt").write_bytes(data[:16])  # the world is outside scratch


def _planted_memory(ctx: Context, data: bytes) -> None:
    ctx.scratch.joinpath("kept").write_bytes(b"")  # scratch writes are allowed
    ctx.__dict__.setdefault("hoard", []).append(bytearray(64 * 1024 * 1024))  # zeroed: RSS


PLANTED: dict[str, Target] = {
    "planted-crash": _planted_crash,
    "planted-write": _planted_write,
    "planted-memory": _planted_memory,
}


# The modules whose code parses what the targets feed in: instrumented for coverage.
PARSER_MODULES = (
    "app.export.verify",
    "app.export.checks",
    "app.export.record_checks",
    "app.export.safetar",
    "app.export.agefile",
    "app.export.exhibits",
    "app.export.page_text",
    "app.export.pades",
    "app.export.pades_validate",
    "app.export.report",
    "app.export.receipt_check",
    "app.engine.audit",
    "app.review.decision_verify",
    "app.review.countersign",
    "app.sync.receipts",
    "app.sync.timestamps",
    "app.org.trust",
    "app.org.trust_format",
    "app.guides.model",
    "app.guides.checker",
    "app.guides.translations",
    "app.vault.header",
    "app.fsutil",
    "intake.context",
    "intake.server",
    "intake.store",
    "intake.tsa",
    "crypto.cms",
    "crypto.pki",
    "crypto.validate",
    "crypto.recovery",
)

TARGETS: dict[str, Target] = {
    "bundle": fuzz_bundle,
    "tar": fuzz_tar,
    "manifest": fuzz_manifest,
    "record": fuzz_record,
    "audit": fuzz_audit,
    "decision": fuzz_decision,
    "receipt": fuzz_receipt,
    "trust": fuzz_trust,
    "guide": fuzz_guide,
    "header": fuzz_header,
    "agefile": fuzz_agefile,
    "intake": fuzz_intake,
}
# What each target may raise: the project's typed errors for that parser. A bundle or a
# decision file is a report, or a VerificationError (exit 4); the checks inside a
# report add a failed line and raise nothing.
TYPED: dict[str, tuple[type[BaseException], ...]] = {
    "bundle": (VerificationError,),
    "tar": (VerificationError,),
    "manifest": (),
    "record": (),
    "audit": (),
    "decision": (VerificationError,),
    "receipt": (VerificationError, UsageError),  # UsageError: a receipt file past its cap
    "trust": (VerificationError,),
    "guide": (GuideError,),
    "header": (VaultError,),
    "agefile": (agefile.Refused,),
    "intake": (QuietroomError,),
}
