"""Every code the core can raise where the app runs is translated, or named as one the app
never meets, with the reason.

The scan reads the source of app/ and crypto/ (the command line's own modules, app/cli,
left out) without running it: every construction of a QuietroomError subclass or a
`Phrase` (app/errors.py), wherever it happens (a `raise`, a helper that returns the
error, a module-level phrase, a rule registered by a decorator), with its code as the
first argument. A code must be a literal, so nothing built at run time escapes the scan.

A code the interface does not know is shown in English (ui/core_messages.py), so each
code is either in the table (CORE_MESSAGES or DESKTOP_MESSAGES) or in NEVER_ON_SCREEN
below with the reason the app cannot meet it: what the desktop reaches is what
app/desktop/*.py calls (ui/backend.py and ui/sync_worker.py run those tasks and nothing
else of the core's), traced call by call. A reason goes stale with its code: an entry
the core no longer raises fails, and so does one the table translates after all.

Codes starting `report.` are the verification report's own wording, translated by
ui/report_messages.py and checked by its own test, so they are left to it here.
"""

from __future__ import annotations

import ast
import builtins
import functools
import re
from pathlib import Path
from typing import Any

from tests.conftest import REPO
from tests.error_catalogue import error_classes
from ui.core_messages import CORE_MESSAGES
from ui.core_messages_desktop import DESKTOP_MESSAGES

SCANNED = (REPO / "app", REPO / "crypto")
NOT_SCANNED = REPO / "app" / "cli"  # the command line's own messages
# The module that defines the error types rebuilds errors from values it is given (a copy,
# a Phrase of an error): only its constructions with a literal code are codes.
DEFINITIONS = REPO / "app" / "errors.py"
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
OWNED_ELSEWHERE = ("report.",)  # the verification report's table: ui/report_messages.py


def _because(reason: str, *codes: str) -> dict[str, str]:
    return dict.fromkeys(codes, reason)


# Codes the core raises outside app/cli that no desktop screen can show, each with why.
NEVER_ON_SCREEN: dict[str, str] = {
    **_because(
        "backup and restore run only from the command line ('backup', 'restore'); the app "
        "never calls app/vault/backup.py",
        "backup.altered",
        "backup.integrity_failed",
        "backup.no_recovery",
        "backup.not_a_backup",
        "backup.out_is_directory",
        "backup.too_large",
        "backup.vault_busy",
        "restore.vault_open",
    ),
    **_because(
        "worded for a backup file being restored: only app/vault/backup.py asks "
        "keys.current_binding for them (backup=True); unlocking a vault gets keyring.*",
        "keyring.backup_secret_mismatch",
        "keyring.backup_secret_missing",
        "keyring.backup_unavailable",
        "hint.backup_no_recovery",
    ),
    **_because(
        "a re-key that must take the vault's lock itself (the command line's); the app's "
        "re-key runs in the engine that holds it (Session.change_passphrase: lock_held=True)",
        "rekey.vault_open",
    ),
    **_because(
        "'verify --extract' and 'review verify --extract' write a verified bundle's files "
        "into a folder: command line only",
        "extract.cannot_create_folder",
        "extract.cannot_write",
        "extract.file_exists",
        "extract.folder_blocked",
        "extract.folder_not_empty",
        "extract.folder_unreadable",
        "extract.not_a_folder",
        "extract.not_verified",
    ),
    **_because(
        "'verify' and 'review verify' read an age identity file and a trust file or CA "
        "certificate named on the command line; the app verifies with the vault's own",
        "identity.file_unreadable",
        "file_kind.trust_or_ca",
    ),
    **_because(
        "a receipt read from files ('verify --receipt FOLDER'): command line only",
        "verify.bad_receipt",
        "sync.receipt_too_large",
    ),
    **_because(
        "a delivered item's receipt written into a folder ('sync receipt'): command line only",
        "sync.receipt_exists",
        "sync.receipt_not_written",
    ),
    **_because(
        "opening the recovery envelope with the organisation's recovery identity ('recover', "
        "'restore --identity'): command line only",
        "recovery.bad_identity",
        "recovery.envelope_invalid",
        "recovery.not_opened",
        "recovery.not_set_up",
    ),
    **_because(
        "changing an existing case's witness or restricted details ('witness set', 'witness "
        "restricted'); the app records them once, when it creates the case",
        "witness.statement_signed",
        "restricted.statement_signed",
    ),
    **_because(
        "a checklist's answers read from a file ('review decide --checklist-file'); the app "
        "builds the answers from its own checklist form",
        "review.answers_bad_shape",
        "review.answers_duplicate_key",
        "review.answers_not_json",
        "review.answers_not_utf8",
        "review.answers_too_large",
        "review.answers_unknown_key",
        "review.bad_answer",
        "review.item_not_object",
        "review.unknown_item_key",
    ),
    **_because(
        "the people present typed as ROLE:NAME ('sitting start --present'); the app starts "
        "a sitting with the people the new-case flow planned, checked when they were",
        "sitting.interpreter_language_needed",
        "sitting.participant_name_needed",
    ),
    **_because(
        "a phrase app/org/trust.py defines that no message uses",
        "file_kind.trust_signature",
    ),
    **_because(
        "the organisation's administration ('quietroom-cli org …', app/org's organisation, "
        "membership, revocation, signer and CRL files): the app never runs it",
        "file_kind.ca_key",
        "file_kind.trust_signer_certificate",
        "file_kind.trust_signer_key",
        "org.bad_certificate",
        "org.bad_crl",
        "org.bad_policy",
        "org.bad_reason",
        "org.ca_key_unusable",
        "org.cannot_create_folder",
        "org.cannot_write_folder",
        "org.intake_url_invalid",
        "org.key_encrypted",
        "org.key_not_encrypted",
        "org.member_exists",
        "org.name_confusable",
        "org.name_invalid",
        "org.next_update_days_invalid",
        "org.no_ca_key",
        "org.no_such_member",
        "org.no_trust_signer",
        "org.not_our_certificate",
        "org.not_trust_signer",
        "org.out_blocked",
        "org.out_not_empty",
        "org.revoke_member_by_name",
        "org.revoke_what",
        "org.trust_signer_unusable",
        "org.unknown_role",
    ),
}


def _scanned_files() -> list[Path]:
    return sorted(
        path
        for root in SCANNED
        for path in root.rglob("*.py")
        if not path.is_relative_to(NOT_SCANNED)
    )


def _callee(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


@functools.cache
def _scan() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """(code -> where it is raised, constructions without a literal code)."""
    modules = {
        path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in _scanned_files()
    }
    # The error types by name, wherever they are defined (a subclass in crypto/ too), and
    # anything called like one: a class named …Error, not Python's own, is taken for one.
    kinds = error_classes(modules) | {"Phrase"}
    python_errors = set(dir(builtins))
    found: dict[str, list[str]] = {}
    unreadable: list[str] = []
    for path, tree in modules.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _callee(node)
            if name is None or not (
                name in kinds or (name.endswith("Error") and name not in python_errors)
            ):
                continue
            first = node.args[0] if node.args else None
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if CODE.fullmatch(first.value):
                    found.setdefault(first.value, []).append(where)
                elif name in kinds:
                    unreadable.append(f"{where}: {name}({first.value!r}, …)")
            elif name in kinds and path != DEFINITIONS:
                unreadable.append(f"{where}: {name}(…) without a literal code")
    return {code: tuple(places) for code, places in found.items()}, tuple(unreadable)


def raised() -> dict[str, tuple[str, ...]]:
    """code -> where app/ and crypto/ (app/cli left out) raise it."""
    return _scan()[0]


def translated() -> set[str]:
    return set(CORE_MESSAGES) | set(DESKTOP_MESSAGES)


def ours(code: str) -> bool:
    return not code.startswith(OWNED_ELSEWHERE)


# --- the scan itself -------------------------------------------------------------------------


def test_every_construction_has_a_literal_code() -> None:
    """A code built at run time would escape the scan (and the table)."""
    assert _scan()[1] == ()


def test_the_scan_sees_the_core() -> None:
    codes = raised()
    assert len(codes) > 350
    for code in (
        "vault.wrong_passphrase",  # a raise
        "text.too_long",  # a helper that builds the error for its callers
        "file_kind.age_identity",  # a module-level phrase, a message's {what}
        "date.which_half_term",  # a rule registered by a decorator
        "case.reference_exists",
        "hint.recover",
    ):
        assert code in codes, code
    # The command line's own messages are not the core's: argparse's, say.
    assert not any(where.startswith("app/cli/") for places in codes.values() for where in places)
    assert "sync.unreachable" not in codes  # raised in app/cli only


# --- the table against the scan ------------------------------------------------------------


def test_every_code_the_app_can_meet_is_translated(qapp: Any) -> None:
    missing = {
        code: places[0]
        for code, places in sorted(raised().items())
        if ours(code) and code not in translated() and code not in NEVER_ON_SCREEN
    }
    assert missing == {}, (
        "the core raises these where the app runs, and the app would show them in English: "
        "add each to a ui/core_messages_*.py part (its exact English template, and the "
        "Welsh), or to NEVER_ON_SCREEN with the reason no screen can show it"
    )


def test_each_code_never_on_screen_is_still_raised() -> None:
    codes = raised()
    assert sorted(code for code in NEVER_ON_SCREEN if code not in codes) == []


def test_a_code_never_on_screen_is_not_also_translated(qapp: Any) -> None:
    """One or the other: a translated code needs no reason, a listed one no translation."""
    assert sorted(set(NEVER_ON_SCREEN) & translated()) == []


def test_each_reason_is_one_line() -> None:
    for code, reason in NEVER_ON_SCREEN.items():
        assert CODE.fullmatch(code) and ours(code), code
        assert reason.strip() and "\n" not in reason, code


def test_the_report_is_left_to_its_own_table() -> None:
    assert not any(code.startswith("report.") for code in NEVER_ON_SCREEN)
    assert not ours("report.author_not_checked")
