"""The details of a bundle's own checks (app/export/checks.py, record_checks.py,
verify.py, report.py) as source strings for Qt's translation system (context
"VerifyReport"): each the core's English template, by its code (ui/report_messages.py
says how they are used).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

BUNDLE_DETAILS: dict[str, Callable[[], str]] = {
    # checks.py
    "report.author_interviewer": lambda: QCoreApplication.translate(
        "VerifyReport", "signed by {name}, an interviewer in the organisation's trust file"
    ),
    "report.author_not_checked": lambda: QCoreApplication.translate(
        "VerifyReport",
        "not checked: only the organisation's CA certificate was given; give its trust file "
        "to check that the signer is a member with the role interviewer, or --ca-only to "
        "accept this",
    ),
    "report.author_not_checked_accepted": lambda: QCoreApplication.translate(
        "VerifyReport",
        "not checked: only the organisation's CA certificate was given; give its trust file "
        "to check that the signer is a member with the role interviewer (accepted with "
        "--ca-only)",
    ),
    "report.author_not_member": lambda: QCoreApplication.translate(
        "VerifyReport", "the signer is not a member of the organisation's trust file"
    ),
    "report.checked_at": lambda: QCoreApplication.translate(
        "VerifyReport", "checked at {moment} UTC, {how}"
    ),
    "report.checked_how": lambda: QCoreApplication.translate("VerifyReport", "checked {how}"),
    "report.file_not_as_manifest": lambda: QCoreApplication.translate(
        "VerifyReport", "{name} does not match its SHA-256 in the manifest"
    ),
    "report.files_match": lambda: QCoreApplication.translate(
        "VerifyReport", "all {count} files match the signed manifest"
    ),
    "report.files_not_listed": lambda: QCoreApplication.translate(
        "VerifyReport", "the manifest does not list exactly the bundle's files"
    ),
    "report.how_now": lambda: QCoreApplication.translate(
        "VerifyReport", "now: the signature states no signing time"
    ),
    "report.how_receipt": lambda: QCoreApplication.translate(
        "VerifyReport", "the intake's time stamp on its receipt"
    ),
    "report.how_signing_time": lambda: QCoreApplication.translate(
        "VerifyReport", "the signing time it states"
    ),
    "report.manifest_duplicate_key": lambda: QCoreApplication.translate(
        "VerifyReport", "a key appears twice"
    ),
    "report.manifest_files": lambda: QCoreApplication.translate(
        "VerifyReport", "'files' must give each file's sha256 and size"
    ),
    "report.manifest_format": lambda: QCoreApplication.translate(
        "VerifyReport", "its format is not {format}"
    ),
    "report.manifest_invalid": lambda: QCoreApplication.translate(
        "VerifyReport", "manifest.json is not a Quietroom manifest: {problem}"
    ),
    "report.manifest_not_json": lambda: QCoreApplication.translate(
        "VerifyReport", "it is not UTF-8 JSON"
    ),
    "report.manifest_not_object": lambda: QCoreApplication.translate(
        "VerifyReport", "it is not a JSON object"
    ),
    "report.manifest_numbers": lambda: QCoreApplication.translate(
        "VerifyReport", "'sequence' and 'statement' must be whole numbers"
    ),
    "report.manifest_ok": lambda: QCoreApplication.translate(
        "VerifyReport", "format quietroom-bundle, version {version}"
    ),
    "report.manifest_recipients": lambda: QCoreApplication.translate(
        "VerifyReport", "'recipients' must be a list of age recipients"
    ),
    "report.manifest_signed": lambda: QCoreApplication.translate(
        "VerifyReport", "signed by {name}, certificate issued by the organisation's CA, {checked}"
    ),
    "report.manifest_texts": lambda: QCoreApplication.translate(
        "VerifyReport", "'{where}' must be an object with the texts {keys}"
    ),
    "report.manifest_too_deep": lambda: QCoreApplication.translate(
        "VerifyReport", "it is nested too deeply"
    ),
    "report.manifest_version": lambda: QCoreApplication.translate(
        "VerifyReport", "its version is not one this verifier reads (1 or 2)"
    ),
    "report.not_a_recipient": lambda: QCoreApplication.translate(
        "VerifyReport",
        "you are not among the recipients the author signed for: the bundle was re-encrypted "
        "by someone else",
    ),
    "report.not_the_author": lambda: QCoreApplication.translate(
        "VerifyReport", "the signer is not the author named in the manifest"
    ),
    "report.pdf_not_valid": lambda: QCoreApplication.translate("VerifyReport", "not valid"),
    "report.pdf_other_signer": lambda: QCoreApplication.translate(
        "VerifyReport", "the PDF was signed by someone other than the manifest's signer"
    ),
    "report.pdf_valid": lambda: QCoreApplication.translate("VerifyReport", "valid: {description}"),
    "report.recipient": lambda: QCoreApplication.translate(
        "VerifyReport", "you are among the recipients the author signed for"
    ),
    "report.stamp_certificate": lambda: QCoreApplication.translate(
        "VerifyReport", "the record's time-stamping certificate is not the statement's"
    ),
    "report.stamp_level": lambda: QCoreApplication.translate(
        "VerifyReport", "the record says PAdES {level}, the statement is {actual}"
    ),
    "report.stamp_named": lambda: QCoreApplication.translate(
        "VerifyReport",
        "the record names the statement's time-stamp ({when} UTC) and its level, PAdES {level}",
    ),
    "report.stamp_none": lambda: QCoreApplication.translate(
        "VerifyReport", "the record says PAdES {level}, as the statement is: no time-stamp"
    ),
    "report.stamp_not_carried": lambda: QCoreApplication.translate(
        "VerifyReport", "the record names a time-stamp the statement does not carry"
    ),
    "report.stamp_not_checked": lambda: QCoreApplication.translate(
        "VerifyReport",
        "not checked: the record says PAdES {level}; only the trust file names the intake's "
        "time-stamping certificate",
    ),
    "report.stamp_not_named": lambda: QCoreApplication.translate(
        "VerifyReport", "the statement carries a time-stamp the record does not name"
    ),
    "report.stamp_time": lambda: QCoreApplication.translate(
        "VerifyReport", "the record's time-stamp time is not the statement's"
    ),
    # record_checks.py
    "report.audit_broken": lambda: QCoreApplication.translate("VerifyReport", "broken"),
    "report.audit_head": lambda: QCoreApplication.translate(
        "VerifyReport", "the record's audit head does not match the log"
    ),
    "report.audit_intact": lambda: QCoreApplication.translate(
        "VerifyReport", "{count} entries, hash chain intact"
    ),
    "report.audit_not_ending": lambda: QCoreApplication.translate(
        "VerifyReport", "the log does not end with this export"
    ),
    "report.audit_unreadable": lambda: QCoreApplication.translate(
        "VerifyReport", "audit.jsonl is not a readable audit log"
    ),
    "report.binding": lambda: QCoreApplication.translate(
        "VerifyReport", "the signed PDF names this record's case, statement and text"
    ),
    "report.binding_wrong": lambda: QCoreApplication.translate(
        "VerifyReport", "the signed PDF does not name this record's case, statement and text"
    ),
    "report.history": lambda: QCoreApplication.translate(
        "VerifyReport", "every read-back correction, with the text confirmed before it"
    ),
    "report.history_count": lambda: QCoreApplication.translate(
        "VerifyReport", "history.json does not hold the corrections the record counts"
    ),
    "report.history_hash": lambda: QCoreApplication.translate(
        "VerifyReport", "a text in history.json does not match its SHA-256"
    ),
    "report.history_other_case": lambda: QCoreApplication.translate(
        "VerifyReport", "history.json describes another case than the manifest"
    ),
    "report.json_schema": lambda: QCoreApplication.translate(
        "VerifyReport", "{label} does not match {schema} at {where}"
    ),
    "report.json_too_deep": lambda: QCoreApplication.translate(
        "VerifyReport", "{label} is not valid JSON (it is nested too deeply)"
    ),
    "report.record_other_case": lambda: QCoreApplication.translate(
        "VerifyReport", "record.json describes another case than the manifest"
    ),
    "report.restricted_binding": lambda: QCoreApplication.translate(
        "VerifyReport", "restricted.pdf names this bundle's case"
    ),
    "report.restricted_binding_wrong": lambda: QCoreApplication.translate(
        "VerifyReport", "restricted.pdf does not name this bundle's case"
    ),
    "report.restricted_other_case": lambda: QCoreApplication.translate(
        "VerifyReport", "restricted.json describes another case than the manifest"
    ),
    "report.restricted_valid": lambda: QCoreApplication.translate(
        "VerifyReport", "valid against {schema}, for the manifest's case"
    ),
    "report.valid_against": lambda: QCoreApplication.translate(
        "VerifyReport", "valid against {schema}"
    ),
    # report.py
    "report.no_record": lambda: QCoreApplication.translate(
        "VerifyReport", "there is no valid record to check it against"
    ),
    "report.no_record_them": lambda: QCoreApplication.translate(
        "VerifyReport", "there is no valid record to check them against"
    ),
    "report.problems": lambda: QCoreApplication.translate("VerifyReport", "{first}; {then}"),
    # verify.py
    "report.contents": lambda: QCoreApplication.translate(
        "VerifyReport", "every expected file is present"
    ),
    "report.decrypted": lambda: QCoreApplication.translate(
        "VerifyReport", "the bundle opened with your identity"
    ),
    "report.malformed": lambda: QCoreApplication.translate(
        "VerifyReport", "the bundle holds malformed data the checks could not read ({kind})"
    ),
    "report.missing": lambda: QCoreApplication.translate("VerifyReport", "missing: {names}"),
    "report.not_of_version": lambda: QCoreApplication.translate(
        "VerifyReport", "not part of this version of a bundle: {names}"
    ),
    "report.trust_past_update": lambda: QCoreApplication.translate(
        "VerifyReport",
        "past its next update ({date}): members may have been removed since; ask your "
        "administrator for the current one",
    ),
}
