"""The checks of what a bundle says beside the statement, each adding one line to a
`Report`: record.json against its schema and the manifest's case, the two PDFs bound to
it (their Keywords), history.json, restricted.json and the audit log.

Like app/export/checks.py (the manifest, signatures and files; it calls these), every
document is read from bytes an outsider may have crafted: checked for its exact shape
before anything is taken from it, and malformed input is a failed check, never an error.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import jsonschema

from app.engine import audit
from app.errors import Phrase
from app.export.bundle import HISTORY
from app.export.checks import MALFORMED, schema, whole_number
from app.export.pades import pdf_keywords
from app.export.report import NO_RECORD, Report, clipped, joined

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_ACTION = re.compile(r"[a-z_]{1,40}")
_AUDIT_TEXT = ("case_id", "at", "actor", "action", "prev", "hash")


def _json_against(raw: bytes, schema_name: str, label: str) -> tuple[Any, Phrase | str | None]:
    """(the document, None) when it is JSON valid against the schema, else (None, why)."""
    try:
        doc = json.loads(raw.decode("utf-8"))
        jsonschema.Draft202012Validator(schema(schema_name)).validate(doc)
    except RecursionError:
        return None, Phrase(
            "report.json_too_deep",
            "{label} is not valid JSON (it is nested too deeply)",
            label=label,
        )
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        mismatch = Phrase(
            "report.json_schema",
            "{label} does not match {schema} at {where}",
            label=label,
            schema=schema_name,
            where=where,
        )
        return None, clipped(mismatch, 200)
    except ValueError as exc:  # the parser's own English: the whole detail stays English
        return None, f"{label} is not valid JSON ({exc})"[:200]
    return doc, None


def check_record(report: Report, raw: bytes, manifest: dict[str, Any]) -> dict[str, Any] | None:
    """record.json against the schema of the bundle's version (a version 1 bundle holds
    a version 1 record, a version 2 bundle a version 2 record)."""
    name = f"record-v{manifest['version']}.schema.json"
    record, problem = _json_against(raw, name, "record.json")
    if problem is not None:
        report.add("record schema", False, problem)
        return None
    same_case = record["case"]["id"] == manifest["case"]["id"]
    report.add(
        "record schema",
        same_case,
        Phrase("report.valid_against", "valid against {schema}", schema=name)
        if same_case
        else Phrase(
            "report.record_other_case", "record.json describes another case than the manifest"
        ),
    )
    return record if isinstance(record, dict) and same_case else None


def check_binding(report: Report, pdf: bytes, record: dict[str, Any] | None) -> None:
    """Version 2: the signed PDF names its record (case, reference, statement number and
    the statement text's SHA-256, in its Keywords), so a statement cannot travel with
    another case's record."""
    if record is None:
        report.add("statement binding", False, NO_RECORD)
        return
    try:
        bound = json.loads(pdf_keywords(pdf))
    except (ValueError, TypeError):
        bound = None
    expected = {
        "quietroom": "statement",
        "case_id": record["case"]["id"],
        "reference": record["case"]["reference"],
        "statement": record["statement"]["number"],
        "text_sha256": record["statement"]["text_sha256"],
    }
    ok = bound == expected
    report.add(
        "statement binding",
        ok,
        Phrase("report.binding", "the signed PDF names this record's case, statement and text")
        if ok
        else Phrase(
            "report.binding_wrong",
            "the signed PDF does not name this record's case, statement and text",
        ),
    )


def check_restricted_binding(report: Report, pdf: bytes, manifest: dict[str, Any]) -> None:
    """Version 2: the back page names the manifest's case in its Keywords, so a back page
    cannot travel with another case's statement. (It is not signed itself: the manifest's
    signature covers its bytes.)"""
    try:
        bound = json.loads(pdf_keywords(pdf))
    except (ValueError, TypeError):
        bound = None
    expected = {
        "quietroom": "restricted",
        "case_id": manifest["case"]["id"],
        "reference": manifest["case"]["reference"],
    }
    ok = bound == expected
    report.add(
        "restricted details binding",
        ok,
        Phrase("report.restricted_binding", "restricted.pdf names this bundle's case")
        if ok
        else Phrase(
            "report.restricted_binding_wrong", "restricted.pdf does not name this bundle's case"
        ),
    )


def check_history(
    report: Report, raw: bytes, record: dict[str, Any] | None, manifest: dict[str, Any]
) -> None:
    """Version 2: history.json (every text confirmed at read-back before a correction,
    and each correction) is valid, about this case, and as long as the record says."""
    history, problem = _json_against(raw, "history-v1.schema.json", HISTORY)
    if problem is None and history["case_id"] != manifest["case"]["id"]:
        problem = Phrase(
            "report.history_other_case", "history.json describes another case than the manifest"
        )
    if problem is None and record is not None:
        corrections = history["corrections"]
        if len(corrections) != record["statement"]["corrections_at_readback"]:
            problem = Phrase(
                "report.history_count",
                "history.json does not hold the corrections the record counts",
            )
        elif any(
            hashlib.sha256(c[part]["text"].encode("utf-8")).hexdigest() != c[part]["sha256"]
            for c in corrections
            for part in ("before", "after")
        ):
            problem = Phrase(
                "report.history_hash", "a text in history.json does not match its SHA-256"
            )
    report.add(
        "history",
        problem is None,
        problem
        or Phrase(
            "report.history", "every read-back correction, with the text confirmed before it"
        ),
    )


def check_restricted(report: Report, raw: bytes, manifest: dict[str, Any]) -> None:
    # A version 1 bundle holds restricted-v1, a version 2 bundle restricted-v2.
    name = f"restricted-v{manifest['version']}.schema.json"
    details, problem = _json_against(raw, name, "restricted.json")
    other_case = Phrase(
        "report.restricted_other_case", "restricted.json describes another case than the manifest"
    )
    if problem is None and details["case_reference"] != manifest["case"]["reference"]:
        problem = other_case
    if problem is None and details.get("case_id", manifest["case"]["id"]) != manifest["case"]["id"]:
        problem = other_case
    report.add(
        "restricted details",
        problem is None,
        problem
        or Phrase(
            "report.restricted_valid",
            "valid against {schema}, for the manifest's case",
            schema=name,
        ),
    )


def _audit_entry(line: str) -> audit.Entry:
    d = json.loads(line)
    if not isinstance(d, dict) or not all(isinstance(d.get(k), str) for k in _AUDIT_TEXT):
        raise TypeError("an entry's texts")
    if not whole_number(d.get("seq")) or not isinstance(d.get("detail"), dict):
        raise TypeError("an entry's seq or detail")
    if not _TIMESTAMP.fullmatch(d["at"]) or not _ACTION.fullmatch(d["action"]):
        raise ValueError("an entry's time or action")
    return audit.Entry(
        d["case_id"], d["seq"], d["at"], d["actor"], d["action"], d["detail"], d["prev"], d["hash"]
    )


def check_audit(
    report: Report, raw: bytes, record: dict[str, Any] | None, manifest: dict[str, Any]
) -> None:
    try:
        entries = [_audit_entry(line) for line in raw.decode("utf-8").splitlines()]
        chain = audit.verify_chain(entries)  # canonical JSON of each detail: may recurse
    except MALFORMED:
        report.add(
            "audit chain",
            False,
            Phrase("report.audit_unreadable", "audit.jsonl is not a readable audit log"),
        )
        return
    # The chain's own words (app/engine/audit.py) are English: such a detail stays so.
    broken: Phrase | str = chain.problem or Phrase("report.audit_broken", "broken")
    problems: list[Phrase | str] = [] if chain.intact else [broken]
    if (
        record is not None
        and record["audit_head"] != {"seq": chain.entries, "hash": chain.head}
        and chain.intact
    ):
        problems.append(
            Phrase("report.audit_head", "the record's audit head does not match the log")
        )
    if not entries or entries[-1].detail.get("bundle_id") != manifest["bundle_id"]:
        problems.append(Phrase("report.audit_not_ending", "the log does not end with this export"))
    report.add(
        "audit chain",
        not problems,
        joined(problems)
        if problems
        else Phrase(
            "report.audit_intact", "{count} entries, hash chain intact", count=chain.entries
        ),
    )
