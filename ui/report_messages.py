"""A verification report (a bundle's or a decision file's) in the interface language.

The core (app/export/report.py) gives each check a stable English name, which the command
line prints as it is, and a detail: the English sentence, kept also as a `Phrase` (a
`report.` code, the English template, its parameters), or, when the check failed with
one of the core's errors, that error's phrase (`Check.reason`). Here:

- `CHECK_NAMES` maps a check's name to the same name as a source string (context
  "VerifyReport"); the detail tables (ui/report_messages_bundle.py and
  ui/report_messages_statement.py) map each `report.` code to its English template, the
  core's own, written out as a literal because pyside6-lupdate only extracts literals. In
  the English interface the "translation" is therefore the core's very sentence, and
  `report_text` reads line for line as `quietroom-cli verify` prints it.
- A parameter that is a phrase is translated by its own code; any other parameter is
  data from the bundle or the check (a name, a file name, a time, a count), put in as it
  is. A code the tables do not know, a phrase parameter that cannot be translated, or a
  translation that does not fit its parameters leaves the whole detail in English, never
  half translated; so does a detail the core kept as a plain string (one holding a
  library's English). A detail that is one of the core's errors goes through
  ui/core_messages.py.

Everything here is plain text for plain-text widgets: a detail can echo what a bundle
holds, so it is never shown as rich text, and a control character in it becomes a space
(no line of a report can pass for another).

tests/ui/test_report_messages.py checks the tables against the core's source.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.desktop.types import Report
from app.errors import Phrase
from ui.core_messages import phrase_text, translate
from ui.report_messages_bundle import BUNDLE_DETAILS
from ui.report_messages_statement import STATEMENT_DETAILS

# The translation context; every call spells it out as a literal (see above).
CONTEXT = "VerifyReport"

REPORT_DETAILS: dict[str, Callable[[], str]] = {**BUNDLE_DETAILS, **STATEMENT_DETAILS}

CHECK_NAMES: dict[str, Callable[[], str]] = {
    # opening the file (app/export/verify.py, app/review/decision_verify.py)
    "bundle": lambda: QCoreApplication.translate("VerifyReport", "bundle"),
    "decision file": lambda: QCoreApplication.translate("VerifyReport", "decision file"),
    "decryption": lambda: QCoreApplication.translate("VerifyReport", "decryption"),
    "contents": lambda: QCoreApplication.translate("VerifyReport", "contents"),
    "trust file": lambda: QCoreApplication.translate("VerifyReport", "trust file"),
    "receipt": lambda: QCoreApplication.translate("VerifyReport", "receipt"),
    # a bundle's checks (app/export/checks.py, page_text.py, exhibits.py)
    "manifest": lambda: QCoreApplication.translate("VerifyReport", "manifest"),
    "manifest signature": lambda: QCoreApplication.translate("VerifyReport", "manifest signature"),
    "author's role": lambda: QCoreApplication.translate("VerifyReport", "author's role"),
    "file hashes": lambda: QCoreApplication.translate("VerifyReport", "file hashes"),
    "recipients": lambda: QCoreApplication.translate("VerifyReport", "recipients"),
    "statement PDF signature": lambda: QCoreApplication.translate(
        "VerifyReport", "statement PDF signature"
    ),
    "statement time-stamp": lambda: QCoreApplication.translate(
        "VerifyReport", "statement time-stamp"
    ),
    "record schema": lambda: QCoreApplication.translate("VerifyReport", "record schema"),
    "statement binding": lambda: QCoreApplication.translate("VerifyReport", "statement binding"),
    "history": lambda: QCoreApplication.translate("VerifyReport", "history"),
    "exhibits": lambda: QCoreApplication.translate("VerifyReport", "exhibits"),
    "pages confirmed by the witness": lambda: QCoreApplication.translate(
        "VerifyReport", "pages confirmed by the witness"
    ),
    "restricted details binding": lambda: QCoreApplication.translate(
        "VerifyReport", "restricted details binding"
    ),
    "restricted details": lambda: QCoreApplication.translate("VerifyReport", "restricted details"),
    "audit chain": lambda: QCoreApplication.translate("VerifyReport", "audit chain"),
    # a decision file's checks (app/review/decision_verify.py)
    "decision schema": lambda: QCoreApplication.translate("VerifyReport", "decision schema"),
    "decision signature": lambda: QCoreApplication.translate("VerifyReport", "decision signature"),
    "reviewer": lambda: QCoreApplication.translate("VerifyReport", "reviewer"),
    "countersigned statement": lambda: QCoreApplication.translate(
        "VerifyReport", "countersigned statement"
    ),
}


def printable(text: str) -> str:
    """Text from a report on one line: a control character (a line break above all)
    becomes a space."""
    return "".join(c if c.isprintable() else " " for c in text)


def check_name(name: str) -> str:
    """A check's name in the interface language (a name the table does not know, as it is)."""
    entry = CHECK_NAMES.get(name)
    return entry() if entry is not None else printable(name)


def _translated(phrase: Phrase) -> str | None:
    """The phrase in the interface language, or None when any part of it cannot be."""
    return phrase_text(phrase, (REPORT_DETAILS,))


def check_detail(check: object) -> str:
    """A check's detail in the interface language, on one line (`check`: a Check of
    app/export/report.py); in English when it cannot be translated whole."""
    reason = getattr(check, "reason", None)
    phrase = getattr(check, "phrase", None)
    if isinstance(reason, Phrase):
        said: str | None = translate(reason)
    elif isinstance(phrase, Phrase):
        said = _translated(phrase)
    else:
        said = None
    return printable(said if said is not None else str(getattr(check, "detail", "")))


def marks() -> tuple[str, str]:
    """How a line says that its check passed, or did not: padded to one width, so the
    English is the command line's "ok  " and "FAIL"."""
    passed = QCoreApplication.translate("VerifyReport", "ok")
    failed = QCoreApplication.translate("VerifyReport", "FAIL")
    width = max(len(passed), len(failed))
    return passed.ljust(width), failed.ljust(width)


def report_text(report: Report) -> str:
    """The report in the interface language, one line per check: in English, exactly as
    `quietroom-cli verify` prints it (app/desktop/bundles.py's report_text)."""
    passed, failed = marks()
    return "\n".join(
        f"{passed if check.ok else failed}  {check_name(check.name)}: {check_detail(check)}"
        for check in report.checks
    )
