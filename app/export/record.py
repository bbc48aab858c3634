"""Everything an export needs, read from the engine: the MG11 document, the restricted
details (kept apart), the machine-readable record (app/resources/schemas/record-v2) and
the statement's history (history-v1: every text the witness confirmed at read-back
before a correction, and each correction)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.engine.cases import age_on
from app.engine.clock import parse_stamp
from app.engine.engine import Engine
from app.engine.exhibits import Exhibit
from app.engine.models import CONSENT_ALIASES, Case, Sitting, Statement
from app.engine.signing import Declaration, declaration_for, stored_art
from app.errors import UsageError
from app.export.exhibits import document_lines, record_entries
from app.guides import Guide
from app.org.policy import Policy
from app.render.document import (
    ConsentItem,
    RestrictedDetails,
    SittingTimes,
    StatementDocument,
)
from app.render.signature_art import SignatureArt
from app.render.wording import words

RECORD_SCHEMA_ID = "https://schemas.quietroom.example/record-v2.schema.json"
RECORD_VERSION = 2
HISTORY_FORMAT = "quietroom-history"
HISTORY_VERSION = 1
RESTRICTED_FORMAT = "quietroom-restricted"
RESTRICTED_VERSION = 2  # format 2 bundles: restricted-v2.schema.json
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
    # The s.9 declaration the witness signed (its language, its text unless it is the
    # built-in English wording, its SHA-256).
    declaration: Declaration | None = None
    # The witness's signature for the back page's consents, as drawn, and as stored.
    consent_signature: SignatureArt | None = None
    consent_signature_type: str | None = None
    consent_signature_sha256: str | None = None
    hint_dismissals: list[dict[str, Any]] = field(default_factory=list)
    exhibits: tuple[Exhibit, ...] = ()  # the statement's register (app/export/exhibits.py)


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


def signed_declaration(engine: Engine, ref: str, number: int) -> dict[str, Any] | None:
    """The declaration recorded in the audit log when statement `number` was signed
    ({"language", "sha256"}); None for statements signed before it was recorded."""
    found = None
    for entry in engine.audit_entries(ref):
        if entry.action == "sign" and entry.detail.get("statement") == number:
            found = entry.detail.get("declaration")
    return found if isinstance(found, dict) else None


def declaration_of(engine: Engine, ref: str, case: Case, statement: Statement) -> Declaration:
    """The declaration to print: the one the witness signed. The organisation may have
    changed its approved Welsh wording since: then the statement cannot be printed with
    the words the witness signed, and the export is refused rather than altered."""
    trust = engine.trust()
    declaration = declaration_for(case.statement_language, trust.policy if trust else None)
    signed = signed_declaration(engine, ref, statement.number)
    if signed is not None and signed.get("sha256") != declaration.sha256:
        raise UsageError(
            "export.declaration_changed",
            "the s.9 declaration the witness signed is no longer the organisation's "
            "approved wording, so the statement cannot be printed as signed; ask the "
            "organisation, or take a further statement",
        )
    return declaration


def collect(engine: Engine, ref: str, *, unsigned: bool = False) -> Collected:
    """`unsigned`: the statement before signing, as its pages are shown to the witness
    (app/export/pages.py): no signature yet, and a sitting may still be open."""
    case = engine.case(ref)
    statement = engine.statement(ref) if unsigned else require_signed(engine, ref)
    stored = None if unsigned else engine.signature(ref)
    if stored is None and not unsigned:
        raise UsageError("export.no_signature", "the signed statement has no stored signature")
    data, media_type = stored or (b"", "")
    art = stored_art(data, media_type) if stored else SignatureArt()
    sittings = engine.sittings(ref)
    still_open = [s.number for s in sittings if s.open and not unsigned]
    if still_open:
        # Signing ends the sitting since format 2; a vault from before may still hold one.
        raise UsageError(
            "export.sitting_open",
            "sitting {number} is still open on the signed statement; end it first "
            "('sitting end'), so the record says when it ended",
            number=still_open[0],
        )
    consent = engine.consent_signature(ref)
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
        sittings,
        [e.to_json() for e in engine.timeline(ref)],
        overview["fields"],
        history,
        art,
        media_type,
        corrections,
        trust.policy.protective_marking if trust else Policy().protective_marking,
        declaration=declaration_of(engine, ref, case, statement),
        consent_signature=stored_art(*consent) if consent else None,
        consent_signature_type=consent[1] if consent else None,
        consent_signature_sha256=hashlib.sha256(consent[0]).hexdigest() if consent else None,
        hint_dismissals=engine.hint_dismissals(ref),
        exhibits=tuple(engine.exhibits(ref)),
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


def sitting_times(c: Collected) -> tuple[SittingTimes, ...]:
    """When and where each sitting of this statement took place (stored in UTC)."""
    return tuple(
        SittingTimes(parse_stamp(s.started), parse_stamp(s.ended) if s.ended else None, s.location)
        for s in c.sittings
        if s.statement_id in (None, c.statement.id)
    )


def statement_document(
    c: Collected,
    interviewer_name: str,
    *,
    binding: str = "",
    organisation: str = "",
    unsigned: bool = False,  # the pages shown to the witness before signing
    initials: tuple[SignatureArt | None, ...] = (),  # per page, from the confirmations
) -> StatementDocument:
    signed_on = parse_stamp(c.statement.signed or "").date()
    place = next((s.location for s in reversed(c.sittings) if s.location), "")
    recorded = c.witness.get("visually_recorded")
    printed = words(c.case.statement_language)  # the statement's own language
    return StatementDocument(
        witness_name=str(c.witness.get("name") or ""),
        age_if_under_18=age_if_under_18(c, signed_on),
        over_18=over_18(c, signed_on),
        occupation=str(c.witness.get("occupation") or ""),
        paragraphs=paragraphs(c),
        signature=c.signature,
        interviewer_name=interviewer_name or c.case.interviewer or "",
        signed_on=signed_on,
        place=place or printed["not_recorded"],
        reference=c.case.reference,
        statement_number=c.statement.number,
        read_by_witness=c.statement.reader is None,
        reader_name=c.statement.reader,
        # The statement's own language (not the witness's, which may be any).
        language=c.case.statement_language,
        language_code=c.case.statement_language,
        declaration=c.declaration.text if c.declaration else None,
        signed_at=parse_stamp(c.statement.signed or ""),
        sittings=sitting_times(c),
        visually_recorded=recorded if isinstance(recorded, bool) else None,
        abe_reference=str(c.witness.get("abe_reference") or "") if recorded is True else "",
        corrections=len(c.corrections),
        binding=binding,
        marking=c.marking,
        created=parse_stamp(c.statement.signed or ""),
        organisation=organisation,
        witnessed_by=f"{interviewer_name or c.case.interviewer} ({printed['interviewer']})",
        exhibits=document_lines(c.exhibits),
        unsigned=unsigned,
        initials=initials,
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


def printed_kind(kind: str) -> str:
    """A consent's kind as the back page prints it: an old kind as its catalogue item."""
    return CONSENT_ALIASES.get(kind, kind)


def restricted_details(c: Collected) -> RestrictedDetails:
    r = c.restricted
    stored = list(r.get("consents", []))
    consents = tuple((str(x.get("kind")), str(x.get("state")), str(x.get("at"))) for x in stored)
    items = tuple(
        ConsentItem(
            printed_kind(str(x.get("kind"))),
            str(x.get("state")),
            str(x.get("at")),
            str(x.get("limit") or ""),
        )
        for x in stored
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
        case_id=c.case.id,
        language_code=c.case.statement_language,
        consent_items=items,
        process_explained=r.get("process_explained"),
        leaflet_given=r.get("leaflet_given"),
        willing_to_attend_court=r.get("willing_to_attend_court"),
        court_note=r.get("court_note"),
        witness_service_referral=r.get("witness_service_referral"),
        consent_signature=c.consent_signature,
    )


def restricted_json(c: Collected) -> dict[str, Any]:
    """restricted.json (app/resources/schemas/restricted-v2.schema.json)."""
    details = dict(c.restricted)
    if "consents" in details:
        # Every consent with its limit ("" when none): consents recorded before limits
        # existed are stored without one.
        details["consents"] = [
            {
                "kind": x.get("kind"),
                "state": x.get("state"),
                "at": x.get("at"),
                "note": x.get("note", ""),
                "limit": x.get("limit", ""),
            }
            for x in details["consents"]
        ]
    return {
        "format": RESTRICTED_FORMAT,
        "version": RESTRICTED_VERSION,
        "case_id": c.case.id,
        "case_reference": c.case.reference,
        "witness_name": c.witness.get("name"),
        "statement_language": c.case.statement_language,
        "details": details,
        "consent_signature": (
            {"type": c.consent_signature_type, "sha256": c.consent_signature_sha256}
            if c.consent_signature_type
            else None
        ),
    }


def record(
    c: Collected,
    *,
    audit_head: dict[str, Any],
    text_sha256: str,
    page_confirmation: dict[str, Any] | None = None,  # app/export/pages.py
    pades_level: str = "B-B",  # the statement signature's PAdES level (app/export/ltv.py)
    timestamp: dict[str, str] | None = None,  # its signature time-stamp, when it has one
) -> dict[str, Any]:
    """The machine-readable record (valid against app/resources/schemas/record-v2)."""
    signature: dict[str, Any] = {"pades_level": pades_level}
    if timestamp is not None:
        signature["timestamp"] = timestamp
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
            "statement_language": c.case.statement_language,
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
            "declaration": (c.declaration or declaration_for("en", None)).to_json(),
            **signature,
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
        "exhibits": record_entries(c.exhibits),
        "audit_head": audit_head,
        "hint_dismissals": c.hint_dismissals,
        "page_confirmation": page_confirmation,  # None: signed before pages were confirmed
    }
