"""The checks on an opened bundle's contents, each adding one line to a `Report`
(app/export/report.py, which says how a detail is worded): the manifest, its signature
and author, the files' hashes, the recipients and the statement PDF's signature and
time-stamp. What the bundle says beside the statement (the record, history, restricted
details, the audit log) is checked by app/export/record_checks.py.

Everything here reads bytes an outsider may have crafted, signed or not: each file is
parsed only after its size was checked against its limit (app/export/bundle.py's
FILE_LIMITS, enforced by safetar.unpack), every JSON document is checked for the exact
shape it must have before anything is taken from it, and nesting too deep for the parser
is a failed check like any other malformed input, never an error of the verifier's own.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from app.errors import Phrase, VerificationError
from app.export.bundle import (
    AUTHOR_ROLE,
    CONTENT_FILES_BY_VERSION,
    FORMAT,
    MANIFEST,
    SIGNATURE,
    VERSIONS,
)
from app.export.exhibits import exhibit_names
from app.export.pades_validate import (
    PdfSignatureReport,
    description,
    intake_timestamp_certificates,
    validate_pdf_signature,
)
from app.export.report import NO_RECORD, Report, joined
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


def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("schemas", name).read_text(encoding="utf-8"))
    return data


class _Malformed(Exception):
    """Internal: what is wrong with a document's shape, in words for the report."""

    def __init__(self, problem: Phrase) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _Malformed(Phrase("report.manifest_duplicate_key", "a key appears twice"))
    return dict(pairs)


def _strings(obj: object, keys: tuple[str, ...], where: str) -> None:
    if not isinstance(obj, dict) or not all(isinstance(obj.get(k), str) for k in keys):
        raise _Malformed(
            Phrase(
                "report.manifest_texts",
                "'{where}' must be an object with the texts {keys}",
                where=where,
                keys=", ".join(keys),
            )
        )


def whole_number(value: object) -> bool:
    return type(value) is int  # not a bool, not a float


def _manifest_shape(doc: object) -> dict[str, Any]:
    """The manifest, if it has every field version 1 writes, each of the right type."""
    if not isinstance(doc, dict):
        raise _Malformed(Phrase("report.manifest_not_object", "it is not a JSON object"))
    if doc.get("format") != FORMAT:
        raise _Malformed(
            Phrase("report.manifest_format", "its format is not {format}", format=FORMAT)
        )
    if not whole_number(doc.get("version")) or doc["version"] not in VERSIONS:
        raise _Malformed(
            Phrase("report.manifest_version", "its version is not one this verifier reads (1 or 2)")
        )
    _strings(doc, ("bundle_id", "created", "device_id"), "manifest")
    if not (whole_number(doc.get("sequence")) and whole_number(doc.get("statement"))):
        raise _Malformed(
            Phrase("report.manifest_numbers", "'sequence' and 'statement' must be whole numbers")
        )
    _strings(doc.get("author"), ("name", "certificate_fingerprint", "age_recipient"), "author")
    _strings(doc.get("case"), ("id", "reference"), "case")
    recipients = doc.get("recipients")
    if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
        raise _Malformed(
            Phrase("report.manifest_recipients", "'recipients' must be a list of age recipients")
        )
    files = doc.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(e, dict) and isinstance(e.get("sha256"), str) and whole_number(e.get("size"))
        for e in files.values()
    ):
        raise _Malformed(
            Phrase("report.manifest_files", "'files' must give each file's sha256 and size")
        )
    return doc


def check_manifest(report: Report, raw: bytes) -> dict[str, Any] | None:
    try:
        doc = _manifest_shape(json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicate_keys))
    except _Malformed as exc:
        problem = exc.problem
    except RecursionError:
        problem = Phrase("report.manifest_too_deep", "it is nested too deeply")
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        problem = Phrase("report.manifest_not_json", "it is not UTF-8 JSON")
    else:
        version = Phrase(
            "report.manifest_ok",
            "format quietroom-bundle, version {version}",
            version=doc["version"],
        )
        report.add("manifest", True, version)
        report.manifest = doc
        return doc
    report.add(
        "manifest",
        False,
        Phrase(
            "report.manifest_invalid",
            "manifest.json is not a Quietroom manifest: {problem}",
            problem=problem,
        ),
    )
    return None


def signed_when(
    signature: bytes, trusted: datetime | None = None
) -> tuple[datetime | None, Phrase]:
    """(the moment to check a detached signature's certificate at, how it is known):
    a trusted time when there is one (a receipt's time stamp over the manifest), else
    the signing time the signature states (DECISIONS: "at the signature's time"), else
    now (None)."""
    if trusted is not None:
        return trusted, Phrase("report.how_receipt", "the intake's time stamp on its receipt")
    moment = cms.signature_moment(signature)
    if moment is None:
        return None, Phrase("report.how_now", "now: the signature states no signing time")
    return moment, Phrase("report.how_signing_time", "the signing time it states")


def checked_at_phrase(moment: datetime | None, how: Phrase) -> Phrase:
    """ "checked at 2026-12-07 10:00:01 UTC, the signing time it states" """
    if moment is None:
        return Phrase("report.checked_how", "checked {how}", how=how)
    at = f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S}"
    return Phrase("report.checked_at", "checked at {moment} UTC, {how}", moment=at, how=how)


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
        Phrase(
            "report.manifest_signed",
            "signed by {name}, certificate issued by the organisation's CA, {checked}",
            name=name,
            checked=checked_at_phrase(moment, how),
        )
        if author
        else Phrase("report.not_the_author", "the signer is not the author named in the manifest"),
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
            Phrase(
                "report.author_not_checked_accepted",
                "not checked: only the organisation's CA certificate was given; give its trust "
                "file to check that the signer is a member with the role interviewer (accepted "
                "with --ca-only)",
            )
            if ca_only
            else Phrase(
                "report.author_not_checked",
                "not checked: only the organisation's CA certificate was given; give its trust "
                "file to check that the signer is a member with the role interviewer, or "
                "--ca-only to accept this",
            ),
        )
        return
    member = trust.member_for_certificate(signer)
    if member is None:
        report.add(
            AUTHOR_CHECK,
            False,
            Phrase(
                "report.author_not_member",
                "the signer is not a member of the organisation's trust file",
            ),
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
            Phrase(
                "report.author_interviewer",
                "signed by {name}, an interviewer in the organisation's trust file",
                name=member.name,
            ),
        )


def check_files(report: Report, files: dict[str, bytes], manifest: dict[str, Any]) -> None:
    listed = manifest["files"]
    version = manifest["version"]
    expected = set(CONTENT_FILES_BY_VERSION[version]) | exhibit_names(files, version)
    problems = []
    if set(listed) != expected:
        problems.append(
            Phrase(
                "report.files_not_listed", "the manifest does not list exactly the bundle's files"
            )
        )
    for name in sorted(expected & set(listed)):
        entry = listed[name]
        if (
            hashlib.sha256(files[name]).hexdigest() != entry["sha256"]
            or len(files[name]) != entry["size"]
        ):
            problems.append(
                Phrase(
                    "report.file_not_as_manifest",
                    "{name} does not match its SHA-256 in the manifest",
                    name=name,
                )
            )
    report.add(
        "file hashes",
        not problems,
        joined(problems)
        if problems
        else Phrase(
            "report.files_match", "all {count} files match the signed manifest", count=len(expected)
        ),
    )


def check_recipients(report: Report, mine: set[str], manifest: dict[str, Any]) -> None:
    signed_for = mine & set(manifest["recipients"])
    report.add(
        "recipients",
        bool(signed_for),
        Phrase("report.recipient", "you are among the recipients the author signed for")
        if signed_for
        else Phrase(
            "report.not_a_recipient",
            "you are not among the recipients the author signed for: the bundle was "
            "re-encrypted by someone else",
        ),
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
    problems: list[Phrase | str] = list(result.problems)  # pyHanko's findings, in English
    # The same certificate, not a similar name: "Jo" is not "Jo Bloggs".
    if signer is not None and result.signer_fingerprint != pki.fingerprint(signer):
        problems.append(
            Phrase(
                "report.pdf_other_signer",
                "the PDF was signed by someone other than the manifest's signer",
            )
        )
    ok = result.valid and result.whole and not problems
    said = description(result)
    valid = (
        Phrase("report.pdf_valid", "valid: {description}", description=said)
        if isinstance(said, Phrase)
        else f"valid: {said}"
    )
    report.add(
        "statement PDF signature",
        ok,
        valid if ok else joined(problems) or Phrase("report.pdf_not_valid", "not valid"),
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
        report.add(name, False, NO_RECORD)
        return
    said = record["statement"]
    level, stamp = said["pades_level"], said.get("timestamp")
    if trust is None:
        report.add(
            name,
            True,
            Phrase(
                "report.stamp_not_checked",
                "not checked: the record says PAdES {level}; only the trust file names the "
                "intake's time-stamping certificate",
                level=level,
            ),
        )
        return
    problems: list[Phrase | str] = []
    if level != result.level:
        problems.append(
            Phrase(
                "report.stamp_level",
                "the record says PAdES {level}, the statement is {actual}",
                level=level,
                actual=result.level,
            )
        )
    if (stamp is None) != (result.timestamp is None):
        problems.append(
            Phrase(
                "report.stamp_not_carried",
                "the record names a time-stamp the statement does not carry",
            )
            if stamp is not None
            else Phrase(
                "report.stamp_not_named",
                "the statement carries a time-stamp the record does not name",
            )
        )
    elif stamp is not None and result.timestamp is not None:
        gen_time = result.timestamp.astimezone(UTC).strftime(RECORD_TIME)
        if stamp["gen_time"] != gen_time:
            problems.append(
                Phrase("report.stamp_time", "the record's time-stamp time is not the statement's")
            )
        if stamp["tsa_certificate_fingerprint"] != result.timestamp_fingerprint:
            problems.append(
                Phrase(
                    "report.stamp_certificate",
                    "the record's time-stamping certificate is not the statement's",
                )
            )
    if problems:
        report.add(name, False, joined(problems))
    elif result.timestamp is None:
        report.add(
            name,
            True,
            Phrase(
                "report.stamp_none",
                "the record says PAdES {level}, as the statement is: no time-stamp",
                level=level,
            ),
        )
    else:
        when = result.timestamp.astimezone(UTC)
        report.add(
            name,
            True,
            Phrase(
                "report.stamp_named",
                "the record names the statement's time-stamp ({when} UTC) and its level, "
                "PAdES {level}",
                when=f"{when:%Y-%m-%d %H:%M:%S}",
                level=level,
            ),
        )
