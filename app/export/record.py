"""Everything an export needs, read from the engine: the MG11 document, the restricted
details (kept apart), the machine-readable record (app/resources/schemas/record-v2) and
the statement's history (history-v1: every text the witness confirmed at read-back
before a correction, and each correction)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.engine.cases import age_on
from app.engine.clock import parse_stamp
from app.engine.engine import Engine
from app.engine.models import Case, Sitting, Statement
from app.errors import UsageError
from app.guides import Guide
from app.org.policy import Policy
from app.render import signature_art
from app.render.document import RestrictedDetails, StatementDocument
from app.render.signature_art import SignatureArt

RECORD_SCHEMA_ID = "https://schemas.quietroom.example/record-v2.schema.json"
RECORD_VERSION = 2
HISTORY_FORMAT = "quietroom-history"
HISTORY_VERSION = 1
STROKES = "application/vnd.quietroom.strokes+json"


@dataclass(frozen=True)
class Collected:
    case: Case
    guide: Guide
    statement: Statement
    witness: dict[str, Any]
    restricted: dict[str, Any]
    sections: list[dict[str, Any]]
    sittings: list[Sitting]
    timeline: list[dict[str, Any]]
    fields: dict[str, Any]
    history: dict[str, list[dict[str, Any]]]
    signature: SignatureArt
    signature_type: str
    corrections: list[dict[str, Any]]  # history.json's corrections, oldest first
    marking: str  # the organisation's protective marking (its policy in the trust file)


def require_signed(engine: Engine, ref: str) -> Statement:
    """The case's current statement, refused unless it is signed."""
    statement = engine.statement(ref)
    if statement.status != "signed" or not statement.signed:
        raise UsageError(
            "export.not_signed",
            "only a signed statement can be exported; read "
            "it back, have it confirmed and signed first",
        )
    return statement


def collect(engine: Engine, ref: str) -> Collected:
    case = engine.case(ref)
    statement = require_signed(engine, ref)
    stored = engine.signature(ref)
    if stored is None:
        raise UsageError("export.no_signature", "the signed statement has no stored signature")
    data, media_type = stored
    art = (
        signature_art.from_json(data.decode("utf-8"))
        if media_type == STROKES
        else signature_art.signature_from_file(data)
    )
    guide = engine.guide(case)
    texts = engine.sections(ref, audit_view=True)
    sections: list[dict[str, Any]] = [
        {"id": s.id, "title": s.title, "text": s.text, "revision": s.revision} for s in texts
    ]
    history = {s.id: engine.section_history(ref, s.id) for s in texts}
    corrections = [
        _correction(engine, ref, s.id, s.title, item)
        for s in texts
        for item in history[s.id]
        if item["kind"] == "correction"
    ]
    corrections.sort(key=lambda c: (c["at"], c["section"], c["revision"]))
    overview = engine.show_case(ref)
    trust = engine.trust()
    return Collected(
        case,
        guide,
        statement,
        engine.witness(ref),
        engine.restricted(ref),
        sections,
        engine.sittings(ref),
        [e.to_json() for e in engine.timeline(ref)],
        overview["fields"],
        history,
        art,
        media_type,
        corrections,
        trust.policy.protective_marking if trust else Policy().protective_marking,
    )


def _text(text: str) -> dict[str, str]:
    return {"text": text, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _correction(
    engine: Engine, ref: str, section: str, title: str, item: dict[str, Any]
) -> dict[str, Any]:
    """One read-back correction: the text as the witness confirmed it before, and after."""
    revision = int(item["revision"])
    before = engine.section_text_at(ref, section, revision - 1) if revision > 1 else ""
    return {
        "section": section,
        "section_title": title,
        "revision": revision,
        "at": item["created"],
        "asked_by": "witness",  # read-back corrections are the witness's own
        "before": _text(before),
        "after": _text(engine.section_text_at(ref, section, revision)),
    }


def history(c: Collected) -> dict[str, Any]:
    """history.json (app/resources/schemas/history-v1.schema.json)."""
    return {
        "format": HISTORY_FORMAT,
        "version": HISTORY_VERSION,
        "case_id": c.case.id,
        "statement": c.statement.number,
        "corrections": c.corrections,
    }


def paragraphs(c: Collected) -> tuple[str, ...]:
    out: list[str] = []
    for section in c.sections:
        out += [line.strip() for line in section["text"].split("\n") if line.strip()]
    return tuple(out)


def age_if_under_18(c: Collected, on: date) -> int | None:
    dob = c.restricted.get("date_of_birth")
    if dob:
        age = age_on(dob, on)
        return age if age < 18 else None
    stated = c.witness.get("age_under_18")
    return int(stated) if isinstance(stated, int) and stated < 18 else None


def over_18(c: Collected, on: date) -> bool | None:
    """True/False when known (a date of birth, an age, or "over 18" said), else None:
    the statement never says "Over 18" for an age nobody recorded."""
    dob = c.restricted.get("date_of_birth")
    if dob:
        return age_on(dob, on) >= 18
    if isinstance(c.witness.get("age_under_18"), int):
        return False
    if c.witness.get("age_status") == "over_18":
        return True
    return None


def statement_document(
    c: Collected, interviewer_name: str, *, binding: str = "", organisation: str = ""
) -> StatementDocument:
    signed_on = parse_stamp(c.statement.signed or "").date()
    place = next((s.location for s in reversed(c.sittings) if s.location), "")
    return StatementDocument(
        witness_name=str(c.witness.get("name") or ""),
        age_if_under_18=age_if_under_18(c, signed_on),
        over_18=over_18(c, signed_on),
        occupation=str(c.witness.get("occupation") or ""),
        paragraphs=paragraphs(c),
        signature=c.signature,
        interviewer_name=interviewer_name or c.case.interviewer or "",
        signed_on=signed_on,
        place=place or "Not recorded",
        reference=c.case.reference,
        statement_number=c.statement.number,
        read_by_witness=c.statement.reader is None,
        reader_name=c.statement.reader,
        # The statement's own language (not the witness's, which may be any); Welsh
        # statements come with their Welsh rendering.
        language="en",
        corrections=len(c.corrections),
        binding=binding,
        marking=c.marking,
        created=parse_stamp(c.statement.signed or ""),
        organisation=organisation,
        witnessed_by=f"{interviewer_name or c.case.interviewer} (interviewer)",
    )


def binding_of(c: Collected, text_sha256: str) -> str:
    """The PDF's Keywords: the case, its reference and the statement text's SHA-256, so
    the signed PDF names the record it belongs to (checked by verify)."""
    return json.dumps(
        {
            "quietroom": "statement",
            "case_id": c.case.id,
            "reference": c.case.reference,
            "statement": c.statement.number,
            "text_sha256": text_sha256,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )


def restricted_details(c: Collected) -> RestrictedDetails:
    r = c.restricted
    consents = tuple(
        (str(x.get("kind")), str(x.get("state")), str(x.get("at"))) for x in r.get("consents", [])
    )
    return RestrictedDetails(
        witness_name=str(c.witness.get("name") or ""),
        reference=c.case.reference,
        date_of_birth=r.get("date_of_birth"),
        address=r.get("address"),
        phone=r.get("phone"),
        email=r.get("email"),
        safe_contact=r.get("safe_contact"),
        safe_times=r.get("safe_times"),
        voicemail_safe=r.get("voicemail_safe"),
        letters_safe=r.get("letters_safe"),
        dates_to_avoid=r.get("dates_to_avoid"),
        special_measures=r.get("special_measures"),
        other_needs=r.get("other_needs"),
        consents=consents,
        victim_personal_statement_offered=r.get("vps_offered"),
        marking=c.marking,
        created=parse_stamp(c.statement.signed or ""),
    )


def restricted_json(c: Collected) -> dict[str, Any]:
    return {
        "format": "quietroom-restricted",
        "version": 1,
        "case_reference": c.case.reference,
        "witness_name": c.witness.get("name"),
        "details": c.restricted,
    }


def record(c: Collected, *, audit_head: dict[str, Any], text_sha256: str) -> dict[str, Any]:
    """The machine-readable record (valid against app/resources/schemas/record-v2)."""
    return {
        "$schema": RECORD_SCHEMA_ID,
        "record_version": RECORD_VERSION,
        "case": {
            "id": c.case.id,
            "reference": c.case.reference,
            "category": c.case.category,
            "interviewer": c.case.interviewer,
            "created": c.case.created,
            "guide": {"id": c.guide.id, "version": c.guide.version},
            "statement_language": "en",
        },
        "survivor": {k: v for k, v in c.witness.items() if v is not None},
        "statement": {
            "number": c.statement.number,
            "status": c.statement.status,
            "readback_confirmed": c.statement.readback_confirmed,
            "signed": c.statement.signed,
            "read_to_witness_by": c.statement.reader,
            "text_sha256": text_sha256,
            "signature_type": c.signature_type,
            "corrections_at_readback": len(c.corrections),
            "protective_marking": c.marking,
        },
        "sections": [
            {"id": s["id"], "title": s["title"], "text": s["text"], "revision": s["revision"]}
            for s in c.sections
        ],
        "fields": c.fields,
        "sittings": [s.to_json() for s in c.sittings],
        "timeline": c.timeline,
        "revisions": [
            {
                "section": sid,
                "count": len(items),
                "head_sha256": items[-1]["sha256"] if items else None,
                "history": [
                    {
                        "revision": h["revision"],
                        "kind": h["kind"],
                        "sha256": h["sha256"],
                        "length": h["length"],
                        "saves": h["saves"],
                        "updated": h["updated"],
                    }
                    for h in items
                ],
            }
            for sid, items in c.history.items()
        ],
        "audit_head": audit_head,
    }
