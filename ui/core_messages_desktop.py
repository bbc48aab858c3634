"""The core's messages worded for the desktop, where the core's own names a command.

The core's English is written for whoever meets it first, often at the command line:
"a further account is a new statement ('statement further')". In the app the same
refusal must name what to press, never a command to type. Each entry here replaces, in
the app only, the core's template for one code; it may use any of the core template's
placeholders, and no others (tests/ui/test_core_messages_desktop.py checks both that, and
that nothing the app can show names a command). Like CORE_MESSAGES, every entry is a
literal source string for Qt's translation system, in the "CoreMessages" context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

DESKTOP_MESSAGES: dict[str, Callable[[], str]] = {
    # the case and its sittings
    "case.not_found": lambda: QCoreApplication.translate(
        "CoreMessages",
        "that case is not in this vault any more; choose it again from the case list",
    ),
    "sitting.none_in_progress": lambda: QCoreApplication.translate(
        "CoreMessages", "no sitting is in progress for this case; press Start sitting first"
    ),
    "sitting.statement_signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement is signed; press Further statement in the workspace before another sitting",
    ),
    "statement.signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this statement is signed and can no longer change; a further account is a further "
        "statement (Further statement, in the workspace)",
    ),
    "exhibit.statement_signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this statement is signed, so the exhibits it produces can no longer change; exhibits "
        "for a further account belong to a further statement",
    ),
    "exhibit.not_found": lambda: QCoreApplication.translate(
        "CoreMessages",
        "no exhibit of this case has the reference {reference}; the Exhibits tab lists them",
    ),
    # signing
    "statement.not_read_back": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement must be read back and confirmed by the witness before it is signed "
        "(Read-back, then The witness confirms the statement is correct)",
    ),
    "statement.witness_name_needed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the witness's name is needed on the statement before signing; add it to the case first",
    ),
    "statement.age_not_given": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement must say whether the witness is under 18: record their age if under 18, "
        "or that they are over 18, in the case's details before signing",
    ),
    "statement.pages_before_readback": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the witness confirms the pages after confirming the read-back; go back to Read-back first",
    ),
    "statement.pages_not_shown": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the witness has not confirmed the statement's pages: press Show the pages and let "
        "them confirm each one",
    ),
    "statement.page_not_current": lambda: QCoreApplication.translate(
        "CoreMessages",
        "page {page} has changed since it was shown (the statement changed, or a new day "
        "began); press Show the pages again",
    ),
    "statement.page_hash": lambda: QCoreApplication.translate(
        "CoreMessages", "that page could not be matched to the statement; show the pages again"
    ),
    "statement.pages_sitting_open": lambda: QCoreApplication.translate(
        "CoreMessages",
        "end the sitting before the witness confirms the pages: when it ended is printed on "
        "the statement (End the sitting)",
    ),
    "statement.sitting_running": lambda: QCoreApplication.translate(
        "CoreMessages",
        "sitting {number} is still {state}: end the sitting first (End the sitting), and the "
        "statement can be signed",
    ),
    "statement.welsh_declaration_missing": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this statement is in Welsh, and the organisation has not yet approved a Welsh s.9 "
        "declaration, so it cannot be signed; ask your administrator for the current trust "
        "file, then import it on the Identity screen",
    ),
    "witness.name_required": lambda: QCoreApplication.translate(
        "CoreMessages", "the witness's name, as it will appear on the statement, is required"
    ),
    # identity and exporting
    "identity.none": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault has no signing identity yet; import yours on the Identity screen",
    ),
    "identity.withheld": lambda: QCoreApplication.translate(
        "CoreMessages",
        "your signing identity cannot be opened in this vault: it was recovered with the "
        "organisation's recovery identity, which never gives access to it; import your "
        "identity again on the Identity screen before you sign or export",
    ),
    "export.no_own_age_identity": lambda: QCoreApplication.translate(
        "CoreMessages",
        "your identity has no key for opening bundles sent to you, so you could not open your "
        "own export; import your identity file again on the Identity screen",
    ),
    "export.no_recipients": lambda: QCoreApplication.translate(
        "CoreMessages",
        "no one to export to: import the organisation's trust file on the Identity screen, or "
        "choose the recipients",
    ),
    "export.trust_needed_for_names": lambda: QCoreApplication.translate(
        "CoreMessages",
        "import the organisation's trust file on the Identity screen to choose recipients by name",
    ),
    "export.trust_needed_for_role": lambda: QCoreApplication.translate(
        "CoreMessages",
        "import the organisation's trust file on the Identity screen first: only a member with "
        "the role 'interviewer' may export a statement",
    ),
    "export.trust_lists_no_recipients": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the trust file lists no supervisor or intake service; choose the recipients",
    ),
    "export.sitting_open": lambda: QCoreApplication.translate(
        "CoreMessages",
        "sitting {number} is still open on the signed statement; end it in the workspace "
        "first (End sitting), so the record says when it ended",
    ),
    # sending
    "sync.no_auth_certificate": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault has no authentication certificate to connect to the central system with; "
        "import your identity.p12 on the Identity screen",
    ),
    "sync.not_configured": lambda: QCoreApplication.translate(
        "CoreMessages",
        "no address is set for the central system and the trust file names none; set it in "
        "Settings",
    ),
    "sync.not_found": lambda: QCoreApplication.translate(
        "CoreMessages", "that item is not in the outbox any more; the Outbox screen lists them"
    ),
    # the vault itself
    "keyring.none_available": lambda: QCoreApplication.translate(
        "CoreMessages",
        "no acceptable OS keyring is available (Secret Service, KWallet, macOS Keychain or "
        "Windows Credential Locker); start one, or create a vault protected by its passphrase "
        "only",
    ),
    "hint.recover": lambda: QCoreApplication.translate(
        "CoreMessages",
        "an administrator can restore access with the organisation's recovery identity",
    ),
    "hint.restore_with_identity": lambda: QCoreApplication.translate(
        "CoreMessages",
        "nothing was written; an administrator can restore it here with the organisation's "
        "recovery identity",
    ),
    "vault.not_found": lambda: QCoreApplication.translate(
        "CoreMessages", "there is no vault at {path}; Quietroom creates one when it starts"
    ),
    "recovery.no_vault": lambda: QCoreApplication.translate(
        "CoreMessages",
        "there is no vault at {path} to recover; an administrator can restore a backup with "
        "the organisation's recovery identity",
    ),
}
