"""The checks on an opened bundle's contents, each adding one line to a `Report`.

Everything here reads bytes an outsider may have crafted, signed or not: each file is
parsed only after its size was checked against its limit (app/export/bundle.py's
FILE_LIMITS, enforced by safetar.unpack), every JSON document is checked for the exact
shape it must have before anything is taken from it, and nesting too deep for the parser
is a failed check like any other malformed input, never an error of the verifier's own.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import jsonschema

from app.engine import audit
from app.errors import Phrase, VerificationError
from app.export.bundle import (
    AUTHOR_ROLE,
    CONTENT_FILES_BY_VERSION,
    FORMAT,
    HISTORY,
    MANIFEST,
    SIGNATURE,
    VERSIONS,
)
from app.export.exhibits import exhibit_names
from app.export.pades import pdf_keywords
from app.export.pades_validate import (
    PdfSignatureReport,
    describe,
    intake_timestamp_certificates,
    validate_pdf_signature,
)
from app.org import Trust
from app.resources import resource_path
from crypto import cms, pki
from crypto.pki_errors import PkiError

# What a malformed document can raise while being read or checked: bad UTF-8 or JSON
# (ValueError), nesting past the interpreter's limit (RecursionError), and the wrong
# type or a missing key where the code below would not expect one.
MALFORMED = (ValueError, RecursionError, TypeError, KeyError, AttributeError, IndexError)

AUTHOR_CHECK = "author's role"
RECORD_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"  # the record's times (record-v2's $defs/timestamp)
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_ACTION = re.compile(r"[a-z_]{1,40}")
_AUDIT_TEXT = ("case_id", "at", "actor", "action", "prev", "hash")


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    reason: Phrase | None = field(default=None, compare=False)  # the error behind detail

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.name}: {self.detail}"


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str) -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok

    def refuse(self, name: str, error: VerificationError) -> None:
        """A failed check whose detail is the core's error, kept for translation."""
        self.checks.append(Check(name, False, str(error), error.phrase))

    def to_json(self) -> dict[str, Any]:
        m = self.manifest or {}
        return {
            "ok": self.ok,
            "checks": [{"check": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
            "bundle_id": m.get("bundle_id"),
            "case": m.get("case"),
            "author": m.get("author"),
            "created": m.get("created"),
            "sequence": m.get("sequence"),
        }


def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("schemas", name).read_text(encoding="utf-8"))
    return data


class _Malformed(Exception):
    """Internal: what is wrong with a document's shape, in words for the report."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _Malformed("a key appears twice")
    return dict(pairs)


def _strings(obj: object, keys: tuple[str, ...], where: str) -> None:
    if not isinstance(obj, dict) or not all(isinstance(obj.get(k), str) for k in keys):
        raise _Malformed(f"'{where}' must be an object with the texts {', '.join(keys)}")


def _whole_number(value: object) -> bool:
    return type(value) is int  # not a bool, not a float


def _manifest_shape(doc: object) -> dict[str, Any]:
    """The manifest, if it has every field version 1 writes, each of the right type."""
    if not isinstance(doc, dict):
        raise _Malformed("it is not a JSON object")
    if doc.get("format") != FORMAT:
        raise _Malformed(f"its format is not {FORMAT}")
    if not _whole_number(doc.get("version")) or doc["version"] not in VERSIONS:
        raise _Malformed("its version is not one this verifier reads (1 or 2)")
    _strings(doc, ("bundle_id", "created", "device_id"), "manifest")
    if not (_whole_number(doc.get("sequence")) and _whole_number(doc.get("statement"))):
        raise _Malformed("'sequence' and 'statement' must be whole numbers")
    _strings(doc.get("author"), ("name", "certificate_fingerprint", "age_recipient"), "author")
    _strings(doc.get("case"), ("id", "reference"), "case")
    recipients = doc.get("recipients")
    if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
        raise _Malformed("'recipients' must be a list of age recipients")
    files = doc.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(e, dict) and isinstance(e.get("sha256"), str) and _whole_number(e.get("size"))
        for e in files.values()
    ):
        raise _Malformed("'files' must give each file's sha256 and size")
    return doc


def check_manifest(report: Report, raw: bytes) -> dict[str, Any] | None:
    try:
        doc = _manifest_shape(json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicate_keys))
    except _Malformed as exc:
        problem = str(exc)
    except RecursionError:
        problem = "it is nested too deeply"
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        problem = "it is not UTF-8 JSON"
    else:
        report.add("manifest", True, f"format quietroom-bundle, version {doc['version']}")
        report.manifest = doc
        return doc
    report.add("manifest", False, f"manifest.json is not a Quietroom manifest: {problem}")
    return None


def signed_when(signature: bytes, trusted: datetime | None = None) -> tuple[datetime | None, str]:
    """(the moment to check a detached signature's certificate at, how it is known):
    a trusted time when there is one (a receipt's time stamp over the manifest), else
    the signing time the signature states (DECISIONS: "at the signature's time"), else
    now (None)."""
    if trusted is not None:
        return trusted, "the intake's time stamp on its receipt"
    moment = cms.signature_moment(signature)
    if moment is None:
        return None, "now: the signature states no signing time"
    return moment, "the signing time it states"


def checked_at_phrase(moment: datetime | None, how: str) -> str:
    """ "checked at 2026-12-07 10:00:01 UTC, the signing time it states" """
    if moment is None:
        return f"checked {how}"
    return f"checked at {moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC, {how}"


def check_signature(
    report: Report,
    files: dict[str, bytes],
    manifest: dict[str, Any],
    ca_cert: Any,
    *,
    trusted_time: datetime | None = None,
) -> Any:
    """The manifest's signer (certificate) when the CMS signature verifies, with the
    certificate checked at the signature's time (`signed_when`), else None."""
    moment, how = signed_when(files[SIGNATURE], trusted_time)
    try:
        signer = cms.verify_detached(files[SIGNATURE], files[MANIFEST], ca_cert, at=moment)
    except PkiError as exc:
        report.add("manifest signature", False, f"{exc} ({checked_at_phrase(moment, how)})")
        return None
    name = pki.common_name(signer) or "?"
    author = pki.fingerprint(signer) == manifest["author"]["certificate_fingerprint"]
    report.add(
        "manifest signature",
        author,
        f"signed by {name}, certificate issued by the organisation's CA, "
        f"{checked_at_phrase(moment, how)}"
        if author
        else "the signer is not the author named in the manifest",
    )
    return signer


def check_author(
    report: Report, signer: Any, trust: Trust | None, *, ca_only: bool = False
) -> None:
    """Only a member of the trust file with the role interviewer authors a statement.
    A bare CA certificate names no members or roles: then this is not checked, and the
    bundle fails unless the caller accepts that (`--ca-only`)."""
    if signer is None:
        return  # the manifest signature already failed: there is no author to check
    if trust is None:
        report.add(
            AUTHOR_CHECK,
            ca_only,
            "not checked: only the organisation's CA certificate was given; give its trust "
            "file to check that the signer is a member with the role interviewer"
            + (" (accepted with --ca-only)" if ca_only else ", or --ca-only to accept this"),
        )
        return
    member = trust.member_for_certificate(signer)
    if member is None:
        report.add(
            AUTHOR_CHECK, False, "the signer is not a member of the organisation's trust file"
        )
    elif member.role != AUTHOR_ROLE:
        report.refuse(
            AUTHOR_CHECK,
            VerificationError(
                "bundle.author_not_interviewer",
                "the bundle was signed by a member with the role {role}; only an "
                "interviewer may author a statement",
                role=member.role,
            ),
        )
    else:
        report.add(
            AUTHOR_CHECK,
            True,
            f"signed by {member.name}, an interviewer in the organisation's trust file",
        )


def check_files(report: Report, files: dict[str, bytes], manifest: dict[str, Any]) -> None:
    listed = manifest["files"]
    version = manifest["version"]
    expected = set(CONTENT_FILES_BY_VERSION[version]) | exhibit_names(files, version)
    problems = []
    if set(listed) != expected:
        problems.append("the manifest does not list exactly the bundle's files")
    for name in sorted(expected & set(listed)):
        entry = listed[name]
        if (
            hashlib.sha256(files[name]).hexdigest() != entry["sha256"]
            or len(files[name]) != entry["size"]
        ):
            problems.append(f"{name} does not match its SHA-256 in the manifest")
    report.add(
        "file hashes",
        not problems,
        "; ".join(problems) if problems else f"all {len(expected)} files match the signed manifest",
    )


def check_recipients(report: Report, mine: set[str], manifest: dict[str, Any]) -> None:
    signed_for = mine & set(manifest["recipients"])
    report.add(
        "recipients",
        bool(signed_for),
        "you are among the recipients the author signed for"
        if signed_for
        else "you are not among the recipients the author signed for: the bundle was "
        "re-encrypted by someone else",
    )


def check_pdf(
    report: Report, pdf: bytes, ca_cert: Any, signer: Any, trust: Trust | None = None
) -> PdfSignatureReport:
    """The statement's PAdES signature, checked at its time (app/export/pades_validate.py):
    its time-stamp is relied on only when the trust file's intake made it."""
    stampers = intake_timestamp_certificates(trust) if trust is not None else []
    result = validate_pdf_signature(
        pdf, pki.certificate_pem(ca_cert), timestamp_certificates=stampers
    )
    problems = list(result.problems)
    # The same certificate, not a similar name: "Jo" is not "Jo Bloggs".
    if signer is not None and result.signer_fingerprint != pki.fingerprint(signer):
        problems.append("the PDF was signed by someone other than the manifest's signer")
    ok = result.valid and result.whole and not problems
    report.add(
        "statement PDF signature",
        ok,
        f"valid: {describe(result)}" if ok else "; ".join(problems) or "not valid",
    )
    return result


def check_timestamp_record(
    report: Report,
    result: PdfSignatureReport,
    record: dict[str, Any] | None,
    trust: Trust | None,
) -> None:
    """Version 2: what the record says of the statement's signature (its PAdES level and
    time-stamp) is what checking the PDF established, so the record never claims a
    trusted time the statement does not carry, nor hides one it does."""
    name = "statement time-stamp"
    if record is None:
        report.add(name, False, "there is no valid record to check it against")
        return
    said = record["statement"]
    level, stamp = said["pades_level"], said.get("timestamp")
    if trust is None:
        report.add(
            name,
            True,
            f"not checked: the record says PAdES {level}; only the trust file names the "
            "intake's time-stamping certificate",
        )
        return
    problems = []
    if level != result.level:
        problems.append(f"the record says PAdES {level}, the statement is {result.level}")
    if (stamp is None) != (result.timestamp is None):
        problems.append(
            "the record names a time-stamp the statement does not carry"
            if stamp is not None
            else "the statement carries a time-stamp the record does not name"
        )
    elif stamp is not None and result.timestamp is not None:
        gen_time = result.timestamp.astimezone(UTC).strftime(RECORD_TIME)
        if stamp["gen_time"] != gen_time:
            problems.append("the record's time-stamp time is not the statement's")
        if stamp["tsa_certificate_fingerprint"] != result.timestamp_fingerprint:
            problems.append("the record's time-stamping certificate is not the statement's")
    if problems:
        report.add(name, False, "; ".join(problems))
    elif result.timestamp is None:
        report.add(name, True, f"the record says PAdES {level}, as the statement is: no time-stamp")
    else:
        when = result.timestamp.astimezone(UTC)
        report.add(
            name,
            True,
            f"the record names the statement's time-stamp ({when:%Y-%m-%d %H:%M:%S} UTC) "
            f"and its level, PAdES {level}",
        )


def _json_against(raw: bytes, schema_name: str, label: str) -> tuple[Any, str | None]:
    """(the document, None) when it is JSON valid against the schema, else (None, why)."""
    try:
        doc = json.loads(raw.decode("utf-8"))
        jsonschema.Draft202012Validator(schema(schema_name)).validate(doc)
    except RecursionError:
        return None, f"{label} is not valid JSON (it is nested too deeply)"
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        return None, f"{label} does not match {schema_name} at {where}"[:200]
    except ValueError as exc:
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
        f"valid against {name}"
        if same_case
        else "record.json describes another case than the manifest",
    )
    return record if isinstance(record, dict) and same_case else None


def check_binding(report: Report, pdf: bytes, record: dict[str, Any] | None) -> None:
    """Version 2: the signed PDF names its record (case, reference, statement number and
    the statement text's SHA-256, in its Keywords), so a statement cannot travel with
    another case's record."""
    if record is None:
        report.add("statement binding", False, "there is no valid record to check it against")
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
        "the signed PDF names this record's case, statement and text"
        if ok
        else "the signed PDF does not name this record's case, statement and text",
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
        "restricted.pdf names this bundle's case"
        if ok
        else "restricted.pdf does not name this bundle's case",
    )


def check_history(
    report: Report, raw: bytes, record: dict[str, Any] | None, manifest: dict[str, Any]
) -> None:
    """Version 2: history.json (every text confirmed at read-back before a correction,
    and each correction) is valid, about this case, and as long as the record says."""
    history, problem = _json_against(raw, "history-v1.schema.json", HISTORY)
    if problem is None and history["case_id"] != manifest["case"]["id"]:
        problem = "history.json describes another case than the manifest"
    if problem is None and record is not None:
        corrections = history["corrections"]
        if len(corrections) != record["statement"]["corrections_at_readback"]:
            problem = "history.json does not hold the corrections the record counts"
        elif any(
            hashlib.sha256(c[part]["text"].encode("utf-8")).hexdigest() != c[part]["sha256"]
            for c in corrections
            for part in ("before", "after")
        ):
            problem = "a text in history.json does not match its SHA-256"
    report.add(
        "history",
        problem is None,
        problem or "every read-back correction, with the text confirmed before it",
    )


def check_restricted(report: Report, raw: bytes, manifest: dict[str, Any]) -> None:
    # A version 1 bundle holds restricted-v1, a version 2 bundle restricted-v2.
    name = f"restricted-v{manifest['version']}.schema.json"
    details, problem = _json_against(raw, name, "restricted.json")
    if problem is None and details["case_reference"] != manifest["case"]["reference"]:
        problem = "restricted.json describes another case than the manifest"
    if problem is None and details.get("case_id", manifest["case"]["id"]) != manifest["case"]["id"]:
        problem = "restricted.json describes another case than the manifest"
    report.add(
        "restricted details",
        problem is None,
        problem or f"valid against {name}, for the manifest's case",
    )


def _audit_entry(line: str) -> audit.Entry:
    d = json.loads(line)
    if not isinstance(d, dict) or not all(isinstance(d.get(k), str) for k in _AUDIT_TEXT):
        raise TypeError("an entry's texts")
    if not _whole_number(d.get("seq")) or not isinstance(d.get("detail"), dict):
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
        report.add("audit chain", False, "audit.jsonl is not a readable audit log")
        return
    problems = [] if chain.intact else [chain.problem or "broken"]
    if (
        record is not None
        and record["audit_head"] != {"seq": chain.entries, "hash": chain.head}
        and chain.intact
    ):
        problems.append("the record's audit head does not match the log")
    if not entries or entries[-1].detail.get("bundle_id") != manifest["bundle_id"]:
        problems.append("the log does not end with this export")
    report.add(
        "audit chain",
        not problems,
        "; ".join(problems) if problems else f"{chain.entries} entries, hash chain intact",
    )
