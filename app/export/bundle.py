"""Making a bundle: one age-encrypted POSIX tar with the signed statement and its record.

    statement.pdf    MG11 style, PAdES-signed by the interviewer
    restricted.pdf   the personal details page (never inside statement.pdf)
    restricted.json  the same details, machine-readable
    record.json      the record (app/resources/schemas/record-v2.schema.json)
    audit.jsonl      the case's hash-chained audit log
    manifest.json    ids, author, device, sequence, recipients, SHA-256 of every file
    manifest.p7s     detached CMS signature of manifest.json by the interviewer
    exhibits/N-NAME  the exhibits' files, when they have one (app/export/exhibits.py)

Everything is built in memory; the only file written is the encrypted bundle itself,
atomically. The export is recorded in the audit log in the same transaction, so a
bundle that failed to write leaves no trace of an export that did not happen.

An export is made in steps so that the network never waits where the vault is:
`prepare_export` (checks, rendering, the signature; reads the vault, writes nothing),
then, when the intake can be reached, the signature's time-stamp and validation data
(app/export/ltv.py's `stamp_statement`, PAdES B-LT; no vault), then `finish_export`
(record, manifest, encryption, the file and the audit log). `export_case` does all three
in one call; without a time-stamper the statement is PAdES B-B.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage

from app.engine import audit
from app.engine.clock import parse_stamp
from app.engine.engine import Engine
from app.errors import UsageError
from app.export import exhibits as ex
from app.export import pages as pg
from app.export import record as rec
from app.export import safetar
from app.export.authors import (
    AUTHOR_ROLE,
    DEFAULT_ROLES,
    MAX_RECIPIENTS,
    check_author,
    check_statement_taker,
    intake_recipients,
    resolve_recipients,
)
from app.export.ltv import (
    PendingSignature,
    SignedStatement,
    Timestamp,
    prepare_signature,
    stamp_statement,
    unstamped_statement,
)
from app.export.pades import Visible
from app.export.pades_validate import LEVEL_B
from app.fsutil import Staging, check_output_file, no_such_folder
from app.org import Identity, Trust
from app.render.mg11 import SIGNER_BOX, render_statement
from app.render.restricted_pdf import render_restricted
from crypto import cms
from crypto.recovery import parse_recipient

# Who may export and to whom lives in app/export/authors.py; importable from here too.
__all__ = [
    "AUTHOR_ROLE",
    "DEFAULT_ROLES",
    "MAX_RECIPIENTS",
    "ExportResult",
    "PreparedExport",
    "SignedStatement",
    "check_author",
    "check_statement_taker",
    "export_case",
    "finish_export",
    "intake_recipients",
    "prepare_export",
    "resolve_recipients",
    "stamp_statement",
    "unstamped_statement",
]

FORMAT = "quietroom-bundle"
VERSION = 2  # the version written
VERSIONS = (1, 2)  # the versions read (laptops upgrade one at a time)
HISTORY = "history.json"
CONTENT_FILES_V1 = (
    "statement.pdf",
    "restricted.pdf",
    "restricted.json",
    "record.json",
    "audit.jsonl",
)
CONTENT_FILES_BY_VERSION = {1: CONTENT_FILES_V1, 2: (*CONTENT_FILES_V1, HISTORY)}
CONTENT_FILES = CONTENT_FILES_BY_VERSION[VERSION]
MANIFEST, SIGNATURE = "manifest.json", "manifest.p7s"
# Every name any version may hold (what the unpacker accepts); which of them a bundle
# must hold depends on its manifest's version.
ALL_FILES = frozenset(
    (*(name for files in CONTENT_FILES_BY_VERSION.values() for name in files), MANIFEST, SIGNATURE)
)


def files_of_version(version: int) -> frozenset[str]:
    """The exact set of files a bundle of `version` holds."""
    return frozenset((*CONTENT_FILES_BY_VERSION[version], MANIFEST, SIGNATURE))


# The documented limits (docs/verifying.md, "Limits"). An export never names more
# recipients than MAX_RECIPIENTS (app/export/authors.py), and never holds a file larger
# than its limit here: the verifier refuses a larger one before reading it.
MIB = 1024 * 1024
FILE_LIMITS = {
    "statement.pdf": 256 * MIB,
    "restricted.pdf": 16 * MIB,
    "restricted.json": 1 * MIB,
    "record.json": 16 * MIB,
    "audit.jsonl": 32 * MIB,
    HISTORY: 64 * MIB,
    MANIFEST: 1 * MIB,
    SIGNATURE: cms.MAX_SIGNATURE,
}
# The whole encrypted bundle: the verifier reads no more (exhibits are what can reach it).
MAX_BUNDLE_BYTES = 512 * MIB

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ExportResult:
    path: str | None  # None: only in the outbox
    bundle_id: str
    sequence: int
    recipients: tuple[str, ...]
    bytes: int
    stages: dict[str, float]
    queued: bool = False  # in the outbox, for the intake
    pades_level: str = LEVEL_B  # the statement signature's PAdES level
    timestamp: Timestamp | None = None  # its signature time-stamp, when it has one

    def to_json(self) -> dict[str, Any]:
        return {
            "out": self.path,
            "queued": self.queued,
            "pades_level": self.pades_level,
            "timestamp": self.timestamp.to_json() if self.timestamp else None,
            "bundle_id": self.bundle_id,
            "sequence": self.sequence,
            "recipients": list(self.recipients),
            "bytes": self.bytes,
            "stages_seconds": self.stages,
        }


def check_sizes(files: dict[str, bytes]) -> None:
    """Refuse to write a bundle the verifier would refuse: a file over its limit, too
    many files or too many bytes in all."""
    limits = ex.BundleLimits(FILE_LIMITS)  # an exhibit's file has its own limit
    for name, data in files.items():
        if len(data) > limits[name]:
            raise UsageError(
                "export.file_too_large",
                "the bundle's {name} would be larger than the {limit} MiB a bundle may "
                "hold, so nobody could verify it; nothing was exported",
                name=name,
                limit=limits[name] // MIB,
            )
    ex.check_totals(files, safetar.MAX_ENTRIES, MAX_BUNDLE_BYTES)


def manifest_bytes(doc: dict[str, Any]) -> bytes:
    """Readable JSON with one line per file, so `sed … | sha256sum -c` can check it."""
    body = {k: v for k, v in doc.items() if k != "files"}
    text = json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False)
    lines = [
        f"    {json.dumps(name)}: {json.dumps(doc['files'][name], sort_keys=True)}"
        for name in sorted(doc["files"])
    ]
    files = '  "files": {\n' + ",\n".join(lines) + "\n  }"
    return (text[:-2] + ",\n" + files + "\n}\n").encode("utf-8")


def _digest(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def check_bundle_target(out: Path, vault_root: Path) -> None:
    """Refuse, before any work, a place the bundle could not be written to."""
    if out.exists() and out.is_dir():
        raise UsageError(
            "export.out_is_folder", "{path} is a folder; give a file name for the bundle", path=out
        )
    if not out.parent.is_dir():
        raise no_such_folder(out.parent)
    check_output_file(out, "bundle", vault_root=vault_root)


@dataclass(frozen=True)
class PreparedExport:
    """An export checked, rendered and signed, not yet stamped or written: made where
    the vault is (`prepare_export`), time-stamped where the network is (`stamp_statement`,
    no vault needed), finished where the vault is again (`finish_export`)."""

    ref: str
    out: Path | None
    send: bool
    chosen: tuple[str, ...]
    identity: Identity
    trust: Trust
    author: str
    collected: rec.Collected
    text_sha256: str
    restricted_pdf: bytes
    exhibit_files: dict[str, bytes]
    pending: PendingSignature
    stages: dict[str, float]


def prepare_export(
    engine: Engine,
    ref: str,
    out: Path | None,
    recipients: list[str] | None = None,
    *,
    progress: Progress | None = None,
    send: bool = False,
    room_for_timestamp: bool = False,
) -> PreparedExport:
    """Every check, the rendering and the signature (with room for a time-stamp token
    when one will be asked for). Reads the vault; writes nothing."""
    step = progress or (lambda stage: None)
    if out is None and not send:
        raise UsageError("export.no_destination", "give --out FILE.qrb, or --send, or both")
    if out is not None:
        check_bundle_target(out, engine.vault.root)
    identity = engine.identity()
    trust = engine.current_trust()  # refused once past its next update
    if send and recipients:
        # Named recipients still reach the intake when the bundle is sent there.
        recipients = [*recipients, *intake_recipients(trust)]
    elif send:
        intake_recipients(trust)
    chosen = resolve_recipients(recipients, trust, identity)
    check_author(identity, trust)
    stages: dict[str, float] = {}

    step("render")
    t = time.perf_counter()
    assert trust is not None  # check_author refused without one
    rec.require_signed(engine, ref)
    check_statement_taker(engine, ref, identity, trust)  # before anything is read or noted
    collected = rec.collect(engine, ref)
    author = identity.name or collected.case.interviewer
    text_sha = engine.statement_digest(ref)
    document = rec.statement_document(
        collected,
        author,
        binding=rec.binding_of(collected, text_sha),
        organisation=trust.organisation,
        initials=pg.initials_art(engine, ref),
    )
    statement_pdf = render_statement(document)
    pg.check_export_pages(engine, ref, statement_pdf)  # the pages the witness confirmed
    restricted_pdf = render_restricted(rec.restricted_details(collected))
    exhibit_files = ex.bundle_files(engine, ref, collected.exhibits)
    stages["render"] = time.perf_counter() - t

    step("sign")
    t = time.perf_counter()
    pending = prepare_signature(
        statement_pdf,
        identity.cert_pem(),
        identity.key_pem(),
        reason="Witness statement taken under s.9 CJA 1967",
        location=document.place,
        signer_name=author,
        visible=Visible(SIGNER_BOX, document.language_code),
        room_for_token=room_for_timestamp,
    )
    stages["sign"] = time.perf_counter() - t
    return PreparedExport(
        ref,
        out,
        send,
        chosen,
        identity,
        trust,
        author,
        collected,
        text_sha,
        restricted_pdf,
        exhibit_files,
        pending,
        stages,
    )


def finish_export(
    engine: Engine,
    prepared: PreparedExport,
    statement: SignedStatement | None = None,
    *,
    progress: Progress | None = None,
) -> ExportResult:
    """Record, pack, sign the manifest, encrypt and write (or queue) the bundle, and note
    the export in the audit log in the same transaction. Without `statement`, B-B."""
    step = progress or (lambda stage: None)
    signed = statement or unstamped_statement(prepared.pending)
    collected, identity, ref = prepared.collected, prepared.identity, prepared.ref
    stages = dict(prepared.stages)
    if statement is not None:
        stages["timestamp"] = statement.seconds
    before = sum(stages.values())  # rendering, signing and stamping, done before this
    total = time.perf_counter()
    signed_pdf = signed.pdf
    confirmation = pg.confirmation_record(engine, ref, signed_pdf)  # None: signed before
    bundle_id = uuid.uuid4().hex
    # The bundle is written beside `out` and put in place only once the export's
    # transaction has committed: a crash never leaves a bundle the vault does not know
    # (its sequence number would be given again).
    with (
        Staging() as staging,
        engine.recording_export(
            ref,
            bundle_id=bundle_id,
            statement=collected.statement.number,
            recipients=prepared.chosen,
        ) as slot,
    ):
        step("pack")
        t = time.perf_counter()
        files = {
            "statement.pdf": signed_pdf,
            "restricted.pdf": prepared.restricted_pdf,
            "restricted.json": _json(rec.restricted_json(collected)),
            "record.json": _json(
                rec.record(
                    collected,
                    audit_head=slot.audit_head,
                    text_sha256=prepared.text_sha256,
                    page_confirmation=confirmation,
                    pades_level=signed.level,
                    timestamp=signed.timestamp.to_json() if signed.timestamp else None,
                )
            ),
            "audit.jsonl": b"".join(audit.canonical(e.to_json()) + b"\n" for e in slot.entries),
            HISTORY: _json(rec.history(collected)),
            **prepared.exhibit_files,  # exhibits/<number>-<name>, listed like the rest
        }
        manifest = manifest_bytes(
            {
                "format": FORMAT,
                "version": VERSION,
                "bundle_id": bundle_id,
                "created": slot.created,
                "author": {
                    "name": prepared.author,
                    "certificate_fingerprint": identity.fingerprint,
                    "age_recipient": identity.age_recipient,
                },
                "device_id": slot.device_id,
                "sequence": slot.sequence,
                "case": {"id": slot.case.id, "reference": slot.case.reference},
                "statement": collected.statement.number,
                "recipients": list(prepared.chosen),
                "files": {name: _digest(data) for name, data in files.items()},
            }
        )
        signature = cms.sign_detached(manifest, identity.cert, identity.key)
        check_sizes({**files, MANIFEST: manifest, SIGNATURE: signature})
        archive = safetar.pack(
            [*files.items(), (MANIFEST, manifest), (SIGNATURE, signature)],
            int(parse_stamp(slot.created).timestamp()),
        )
        stages["pack"] = time.perf_counter() - t
        step("encrypt")
        t = time.perf_counter()
        blob = pyrage.encrypt(archive, [parse_recipient(r) for r in prepared.chosen])
        ex.check_bundle_size(len(blob), MAX_BUNDLE_BYTES)
        stages["encrypt"] = time.perf_counter() - t
        step("write")
        if prepared.out is not None:
            staging.stage(prepared.out, blob, "bundle")
        # The statement as the interviewer signed it: what a countersigned copy's first
        # revision must hash to (validation data added later is not part of it).
        slot.complete(
            hashlib.sha256(manifest).hexdigest(),
            signed.signed_sha256,
            outbox_data=blob if prepared.send else None,
        )
    stages["total"] = before + time.perf_counter() - total
    return ExportResult(
        str(prepared.out) if prepared.out is not None else None,
        bundle_id,
        slot.sequence,
        prepared.chosen,
        len(blob),
        {k: round(v, 4) for k, v in stages.items()},
        queued=prepared.send,
        pades_level=signed.level,
        timestamp=signed.timestamp,
    )


def _json(doc: Any) -> bytes:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False).encode()


def export_case(
    engine: Engine,
    ref: str,
    out: Path | None,
    recipients: list[str] | None = None,
    *,
    progress: Progress | None = None,
    send: bool = False,
    timestamper: Any = None,
    validation: Sequence[bytes] | None = None,
) -> ExportResult:
    """Export the case's statement as a bundle written to `out` and, with `send`, queued
    in the outbox for the intake (then `out` may be None: the outbox alone keeps it).

    With `timestamper` (a pyHanko TimeStamper, app/sync/stamper.py's IntakeTimeStamper)
    the statement's signature is time-stamped, and with `validation` (the organisation's
    current CRL, DER) its validation data is embedded: B-LT. Whatever the time-stamper
    raises (the intake unreachable) goes to the caller with nothing written. Without
    one, PAdES B-B, as an export made offline."""
    prepared = prepare_export(
        engine,
        ref,
        out,
        recipients,
        progress=progress,
        send=send,
        room_for_timestamp=timestamper is not None,
    )
    statement = None
    if timestamper is not None:
        (progress or (lambda stage: None))("timestamp")
        statement = stamp_statement(prepared.pending, prepared.trust, timestamper, validation or ())
    return finish_export(engine, prepared, statement, progress=progress)
