"""The details of the checks on the statement's PDF, its pages and exhibits, the intake's
receipt and a supervisor's decision file (app/export/pades_validate.py, page_text.py,
exhibits.py, receipt_check.py, app/review/decision_verify.py) as source strings for Qt's
translation system (context "VerifyReport"), by code (see ui/report_messages.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

STATEMENT_DETAILS: dict[str, Callable[[], str]] = {
    # decision_verify.py
    "report.countersigned": lambda: QCoreApplication.translate(
        "VerifyReport",
        "two valid signatures: the interviewer's over the statement as signed, the "
        "supervisor's over the whole file",
    ),
    "report.countersigned_by_other": lambda: QCoreApplication.translate(
        "VerifyReport", "the PDF was countersigned by someone other than the reviewer"
    ),
    "report.countersigned_other": lambda: QCoreApplication.translate(
        "VerifyReport", "the countersigned PDF is missing or is not the one the decision names"
    ),
    "report.decision_contents": lambda: QCoreApplication.translate(
        "VerifyReport", "the decision and its signature are present"
    ),
    "report.decision_decrypted": lambda: QCoreApplication.translate(
        "VerifyReport", "the decision file opened with your identity"
    ),
    "report.decision_not_json": lambda: QCoreApplication.translate(
        "VerifyReport", "decision.json is not UTF-8 JSON"
    ),
    "report.decision_schema": lambda: QCoreApplication.translate(
        "VerifyReport", "decision.json does not match at {where}"
    ),
    "report.decision_signed": lambda: QCoreApplication.translate(
        "VerifyReport", "signed by {name}, certificate issued by the CA, {checked}"
    ),
    "report.decision_too_deep": lambda: QCoreApplication.translate(
        "VerifyReport", "decision.json is nested too deeply"
    ),
    "report.decision_valid": lambda: QCoreApplication.translate(
        "VerifyReport", "valid against decision-v1.schema.json"
    ),
    "report.not_by_interviewer": lambda: QCoreApplication.translate(
        "VerifyReport", "the statement was not signed by an interviewer of the organisation"
    ),
    "report.not_the_reviewer": lambda: QCoreApplication.translate(
        "VerifyReport", "the signer is not the reviewer named in the decision"
    ),
    "report.returned": lambda: QCoreApplication.translate(
        "VerifyReport", "none, as the statement was returned"
    ),
    "report.returned_with_pdf": lambda: QCoreApplication.translate(
        "VerifyReport", "a returned statement must not carry a countersigned PDF"
    ),
    "report.reviewer": lambda: QCoreApplication.translate(
        "VerifyReport", "{name}, a supervisor in the trust file"
    ),
    "report.reviewer_not_checked": lambda: QCoreApplication.translate(
        "VerifyReport",
        "not checked: only the CA certificate was given; give the trust file to check that "
        "the signer is a supervisor, or --ca-only to accept this",
    ),
    "report.reviewer_not_checked_accepted": lambda: QCoreApplication.translate(
        "VerifyReport",
        "not checked: only the CA certificate was given; give the trust file to check that "
        "the signer is a supervisor (accepted with --ca-only)",
    ),
    "report.reviewer_not_member": lambda: QCoreApplication.translate(
        "VerifyReport", "the signer is not a member of the organisation"
    ),
    "report.reviewer_role": lambda: QCoreApplication.translate(
        "VerifyReport",
        "the decision was signed by a member with the role {role}; only a supervisor may decide",
    ),
    # exhibits.py
    "report.exhibit_absent": lambda: QCoreApplication.translate(
        "VerifyReport", "{reference}'s file is not in the bundle"
    ),
    "report.exhibit_misplaced": lambda: QCoreApplication.translate(
        "VerifyReport", "{reference}'s file is not where the record says"
    ),
    "report.exhibit_missing": lambda: QCoreApplication.translate(
        "VerifyReport", "{path} is missing"
    ),
    "report.exhibit_not_as_record": lambda: QCoreApplication.translate(
        "VerifyReport", "{path} does not match its SHA-256 in the record"
    ),
    "report.exhibit_twice": lambda: QCoreApplication.translate(
        "VerifyReport", "the record lists a reference twice"
    ),
    "report.exhibits": lambda: QCoreApplication.translate(
        "VerifyReport", "{count} exhibit(s), {with_file} with a file, each as the record lists it"
    ),
    "report.exhibits_none": lambda: QCoreApplication.translate(
        "VerifyReport", "the statement produces no exhibits"
    ),
    "report.exhibits_unlisted": lambda: QCoreApplication.translate(
        "VerifyReport", "not listed in the record: {names}"
    ),
    # pades_validate.py
    "report.pdf_covers": lambda: QCoreApplication.translate(
        "VerifyReport", "covering the whole document"
    ),
    "report.pdf_covers_but_added": lambda: QCoreApplication.translate(
        "VerifyReport", "covering the whole document but the validation data added after it"
    ),
    "report.pdf_described": lambda: QCoreApplication.translate(
        "VerifyReport", "{said}; {covers}; signed by {signer}"
    ),
    "report.pdf_now": lambda: QCoreApplication.translate("VerifyReport", "now"),
    "report.pdf_signing_time": lambda: QCoreApplication.translate(
        "VerifyReport", "PAdES {level}, not time-stamped: checked at its signing time, {when}"
    ),
    "report.pdf_stamped": lambda: QCoreApplication.translate(
        "VerifyReport", "PAdES {level}, time-stamped {when} by the intake"
    ),
    "report.pdf_stamped_lt": lambda: QCoreApplication.translate(
        "VerifyReport",
        "PAdES {level}, time-stamped {when} by the intake, with the revocation data then current",
    ),
    # page_text.py
    "report.pages": lambda: QCoreApplication.translate(
        "VerifyReport", "all {count} page(s) are the pages the witness confirmed on screen"
    ),
    "report.pages_changed": lambda: QCoreApplication.translate(
        "VerifyReport", "the text of page(s) {pages} is not what the witness confirmed"
    ),
    "report.pages_count": lambda: QCoreApplication.translate(
        "VerifyReport", "statement.pdf has {found} page(s); the witness confirmed {confirmed}"
    ),
    "report.pages_not_recorded": lambda: QCoreApplication.translate(
        "VerifyReport",
        "not recorded: the statement was signed before pages were confirmed one by one",
    ),
    "report.pages_order": lambda: QCoreApplication.translate(
        "VerifyReport", "the record does not list the pages in order"
    ),
    "report.pages_unreadable": lambda: QCoreApplication.translate(
        "VerifyReport", "statement.pdf's pages could not be read"
    ),
    # receipt_check.py
    "report.receipt_other_bundle": lambda: QCoreApplication.translate(
        "VerifyReport", "the receipt is for another bundle than this one"
    ),
    "report.receipt_other_manifest": lambda: QCoreApplication.translate(
        "VerifyReport", "the receipt's time stamp is over another manifest than this bundle's"
    ),
    "report.receipt_stamped": lambda: QCoreApplication.translate(
        "VerifyReport",
        "the intake received this bundle at {received} and time-stamped its manifest at "
        "{stamped} UTC",
    ),
    "report.receipt_v1": lambda: QCoreApplication.translate(
        "VerifyReport",
        "the intake received this bundle at {received} (a version 1 receipt: no time stamp, "
        "so the manifest is checked at the signing time it states)",
    ),
}
