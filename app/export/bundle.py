"""Making a bundle: one age-encrypted POSIX tar with the signed statement and its record.

    statement.pdf    MG11 style, PAdES-signed by the interviewer
    restricted.pdf   the personal details page (never inside statement.pdf)
    restricted.json  the same details, machine-readable
    record.json      the record (app/resources/schemas/record-v1.schema.json)
    audit.jsonl      the case's hash-chained audit log
    manifest.json    ids, author, device, sequence, recipients, SHA-256 of every file
    manifest.p7s     detached CMS signature of manifest.json by the interviewer
    exhibits/N-NAME  the exhibits' files, when they have one (app/export/exhibits.py)

Everything is built in memory; the only file written is the encrypted bundle itself,
atomically. The export is recorded in the audit log in the same transaction, so a
bundle that failed to write leaves no trace of an export that did not happen.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable
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
from app.export.pades import Visible, sign_pdf
from app.fsutil import check_output_file, no_such_folder, write_output_file
from app.org import Identity, Member, Trust
from app.org.trust import name_key
from app.render.mg11 import SIGNER_BOX, render_statement
from app.render.restricted_pdf import render_restricted
from crypto import cms
from crypto.recovery import parse_recipient

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


DEFAULT_ROLES = ("supervisor", "intake")
# Only a member of the trust file with this role authors a statement (checked on export
# and again on verification).
AUTHOR_ROLE = "interviewer"
# The documented limits (docs/verifying.md, "Limits"). An export never names more
# recipients than MAX_RECIPIENTS (the verifier refuses a header with more than 64
# stanzas, app/export/agefile.py), and never holds a file larger than its limit here:
# the verifier refuses a larger one before reading it.
MAX_RECIPIENTS = 32
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

    def to_json(self) -> dict[str, Any]:
        return {
            "out": self.path,
            "queued": self.queued,
            "bundle_id": self.bundle_id,
            "sequence": self.sequence,
            "recipients": list(self.recipients),
            "bytes": self.bytes,
            "stages_seconds": self.stages,
        }


def resolve_recipients(
    names: list[str] | None, trust: Trust | None, identity: Identity
) -> tuple[str, ...]:
    """age recipients from explicit names/keys, else the trust file's supervisors and
    intake; the author is always added so they can open what they sent."""
    if identity.age_recipient is None:
        raise UsageError(
            "export.no_own_age_identity",
            "your identity has no age identity, "
            "so you could not open your own export; import it with 'identity "
            "import --age-identity FILE'",
        )
    chosen: list[str] = []
    if names:
        for name in names:
            if name.startswith("age1"):
                try:
                    parse_recipient(name)
                except Exception:
                    raise UsageError(
                        "export.bad_age_recipient",
                        "'{start}…' is not a valid age recipient",
                        start=name[:20],
                    ) from None
                chosen.append(name)
                continue
            member = trust.by_name(name) if trust else None
            if member is None:
                if trust is None:
                    raise UsageError(
                        "export.trust_needed_for_names",
                        "import the "
                        "organisation's trust file to name recipients "
                        "('identity import --trust')",
                    )
                raise UsageError(
                    "export.not_a_member",
                    "'{name}' is not a member of the organisation's trust file",
                    name=name,
                )
            chosen.append(member.age_recipient)
    else:
        if trust is None:
            raise UsageError(
                "export.no_recipients",
                "import the organisation's trust file "
                "('identity import --trust') or name the recipients with "
                "--recipient",
            )
        chosen += [m.age_recipient for role in DEFAULT_ROLES for m in trust.by_role(role)]
        if not chosen:
            raise UsageError(
                "export.trust_lists_no_recipients",
                "the trust file lists no "
                "supervisor or intake service; name the recipients with "
                "--recipient",
            )
    chosen.append(identity.age_recipient)
    unique = tuple(sorted(set(chosen)))
    if len(unique) > MAX_RECIPIENTS:
        raise UsageError(
            "export.too_many_recipients",
            "a bundle can go to at most {limit} recipients, you included; "
            "{count} were chosen, so choose fewer",
            limit=MAX_RECIPIENTS,
            count=len(unique),
        )
    return unique


def check_author(identity: Identity, trust: Trust | None) -> None:
    """Only a member of the trust file with the role interviewer exports a statement:
    refused before anything is written (the vault's audit log included)."""
    if trust is None:
        raise UsageError(
            "export.trust_needed_for_role",
            "import the organisation's trust file first ('identity import --trust'): only "
            "a member with the role 'interviewer' may export a statement",
        )
    member = trust.member_for_certificate(identity.cert)
    if member is None:
        raise UsageError(
            "export.author_not_member",
            "your certificate is not in the organisation's trust file; only a member with "
            "the role 'interviewer' may export a statement",
        )
    if member.role != AUTHOR_ROLE:
        raise UsageError(
            "export.not_an_interviewer",
            "only a member with the role 'interviewer' may export a statement; the "
            "organisation's trust file gives you the role '{role}'",
            role=member.role,
        )


def check_statement_taker(engine: Engine, ref: str, identity: Identity, trust: Trust) -> Member:
    """Only the interviewer who took the statement (present at its sittings, by their
    member id, so a re-issued certificate still counts) may sign and export it. Sittings
    recorded before member ids are matched by name (or the case's interviewer)."""
    member = trust.member_for_certificate(identity.cert)
    assert member is not None  # check_author came first
    case = engine.case(ref)
    takers = [p for s in engine.sittings(ref) for p in s.present if p.role == AUTHOR_ROLE]
    with_ids = [p for p in takers if p.member_id]
    if with_ids:
        ok = member.member_id is not None and any(p.member_id == member.member_id for p in with_ids)
        names = sorted({p.name for p in with_ids})
    else:
        names = sorted({p.name for p in takers}) or ([case.interviewer] if case.interviewer else [])
        ok = name_key(member.name) in {name_key(n) for n in names}
    if not ok:
        raise UsageError(
            "export.not_statement_taker",
            "{signer} did not take this statement: the interviewer present at its sittings "
            "was {takers}; only they may sign and export it",
            signer=member.name,
            takers=", ".join(names) or "not recorded",
        )
    return member


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


def intake_recipients(trust: Trust | None) -> tuple[str, ...]:
    """The trust file's intake members' age recipients: a bundle or decision sent to the
    intake must be addressed to it."""
    found = tuple(m.age_recipient for m in trust.by_role("intake")) if trust else ()
    if not found:
        raise UsageError(
            "sync.no_intake",
            "the organisation's trust file lists no intake service, so nothing can be sent "
            "to it; ask your administrator",
        )
    return found


def export_case(
    engine: Engine,
    ref: str,
    out: Path | None,
    recipients: list[str] | None = None,
    *,
    progress: Progress | None = None,
    send: bool = False,
) -> ExportResult:
    """Export the case's statement as a bundle written to `out` and, with `send`, queued
    in the outbox for the intake (then `out` may be None: the outbox alone keeps it)."""
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
    total = time.perf_counter()

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
    signed_pdf = sign_pdf(
        statement_pdf,
        identity.cert_pem(),
        identity.key_pem(),
        reason="Witness statement taken under s.9 CJA 1967",
        location=document.place,
        signer_name=author,
        visible=Visible(SIGNER_BOX),
    )
    stages["sign"] = time.perf_counter() - t
    confirmation = pg.confirmation_record(engine, ref, signed_pdf)  # None: signed before

    bundle_id = uuid.uuid4().hex
    with engine.recording_export(
        ref, bundle_id=bundle_id, statement=collected.statement.number, recipients=chosen
    ) as slot:
        step("pack")
        t = time.perf_counter()
        files = {
            "statement.pdf": signed_pdf,
            "restricted.pdf": restricted_pdf,
            "restricted.json": json.dumps(
                rec.restricted_json(collected), indent=2, sort_keys=True, ensure_ascii=False
            ).encode(),
            "record.json": json.dumps(
                rec.record(
                    collected,
                    audit_head=slot.audit_head,
                    text_sha256=text_sha,
                    page_confirmation=confirmation,
                ),
                indent=2,
                sort_keys=True,
                ensure_ascii=False,
            ).encode(),
            "audit.jsonl": b"".join(audit.canonical(e.to_json()) + b"\n" for e in slot.entries),
            HISTORY: json.dumps(
                rec.history(collected), indent=2, sort_keys=True, ensure_ascii=False
            ).encode(),
            **exhibit_files,  # exhibits/<number>-<name>, listed in the manifest like the rest
        }
        manifest = manifest_bytes(
            {
                "format": FORMAT,
                "version": VERSION,
                "bundle_id": bundle_id,
                "created": slot.created,
                "author": {
                    "name": author,
                    "certificate_fingerprint": identity.fingerprint,
                    "age_recipient": identity.age_recipient,
                },
                "device_id": slot.device_id,
                "sequence": slot.sequence,
                "case": {"id": slot.case.id, "reference": slot.case.reference},
                "statement": collected.statement.number,
                "recipients": list(chosen),
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
        blob = pyrage.encrypt(archive, [parse_recipient(r) for r in chosen])
        ex.check_bundle_size(len(blob), MAX_BUNDLE_BYTES)
        stages["encrypt"] = time.perf_counter() - t
        step("write")
        if out is not None:
            write_output_file(out, blob, "bundle")
        slot.complete(
            hashlib.sha256(manifest).hexdigest(),
            hashlib.sha256(signed_pdf).hexdigest(),
            outbox_data=blob if send else None,
        )
    stages["total"] = time.perf_counter() - total
    return ExportResult(
        str(out) if out is not None else None,
        bundle_id,
        slot.sequence,
        chosen,
        len(blob),
        {k: round(v, 4) for k, v in stages.items()},
        queued=send,
    )
