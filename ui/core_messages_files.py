"""The core's messages about the vault on disk, files read and written, identities and the
organisation's trust file, exports and their time-stamps, and supervisor review, as
source strings for Qt's translation system (context "CoreMessages"), by code. Part of
the table `ui/core_messages.py` translates with (see its docstring for why each is a
literal in a QCoreApplication.translate call)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

FILE_MESSAGES: dict[str, Callable[[], str]] = {
    # creating and opening the vault; changing its passphrase
    "vault.cannot_create": lambda: QCoreApplication.translate(
        "CoreMessages", "cannot create the vault at {path}: {reason}"
    ),
    "vault.cipher_temp_store": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this SQLCipher build may write temporary data to disk; refusing to open the vault",
    ),
    "vault.cipher_version": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this SQLCipher build ({version}) is not version 4; refusing to open the vault",
    ),
    "vault.header_not_upgraded": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the vault's header could not be upgraded when it was unlocked; lock it and unlock it "
        "again, then retry",
    ),
    "vault.header_unreadable": lambda: QCoreApplication.translate(
        "CoreMessages", "the vault header cannot be read ({reason})"
    ),
    "vault.not_a_header": lambda: QCoreApplication.translate(
        "CoreMessages", "this is not a Quietroom vault header"
    ),
    "vault.place_blocked": lambda: QCoreApplication.translate(
        "CoreMessages", "cannot create the vault at {path}: {blocker} is a file, not a folder"
    ),
    "vault.place_not_empty": lambda: QCoreApplication.translate(
        "CoreMessages",
        "{path} exists and is not an empty directory; choose another place for the vault",
    ),
    "vault.pragma_refused": lambda: QCoreApplication.translate(
        "CoreMessages", "the vault database refused {name}={value}; refusing to continue"
    ),
    "restore.in_progress": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault is being restored from a backup by another process; open it again when the "
        "restore has finished",
    ),
    "rekey.integrity_failed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the re-encrypted copy of the vault failed its integrity check; nothing was changed",
    ),
    "keyring.store_refused": lambda: QCoreApplication.translate(
        "CoreMessages", "the keyring refused to store the device secret: {detail}"
    ),
    # A recovery key typed on the setup screen that age refuses: the core's sentence is
    # crypto/'s English detail, so the Welsh says what was wrong and keeps the detail.
    # (recovery.bad_identity and .not_opened share this template; they are command line
    # only, tests/ui/test_core_messages_coverage.py, so never looked up here.)
    "recovery.bad_recipient": lambda: QCoreApplication.translate("CoreMessages", "{detail}"),
    # files read and written (the {what} is a file_kind phrase or the core's own word)
    "file.cannot_write": lambda: QCoreApplication.translate(
        "CoreMessages", "cannot write the {what} to {path}: {reason}"
    ),
    "file.disk_full": lambda: QCoreApplication.translate(
        "CoreMessages", "cannot write the {what} to {path}: {reason}"
    ),
    "file.inside_vault": lambda: QCoreApplication.translate(
        "CoreMessages", "{path} is inside the vault folder; write the {what} somewhere outside it"
    ),
    "file.is_directory": lambda: QCoreApplication.translate(
        "CoreMessages", "the {what} {path} is a directory, not a file"
    ),
    "file.not_ordinary": lambda: QCoreApplication.translate(
        "CoreMessages", "{path} is not an ordinary file; give a file name for the {what}"
    ),
    "file_kind.age_identity": lambda: QCoreApplication.translate(
        "CoreMessages", "age identity file"
    ),
    "file_kind.ca_certificate": lambda: QCoreApplication.translate(
        "CoreMessages", "CA certificate"
    ),
    # importing an identity and the organisation's trust file
    "identity.several_age_identities": lambda: QCoreApplication.translate(
        "CoreMessages", "{path} must hold exactly one age identity"
    ),
    "identity.unusable": lambda: QCoreApplication.translate(
        "CoreMessages", "cannot use this identity: {detail}"
    ),
    "trust.ca_unreadable": lambda: QCoreApplication.translate(
        "CoreMessages", "{path} does not hold a readable certificate"
    ),
    "trust.malformed": lambda: QCoreApplication.translate(
        "CoreMessages", "the trust file is malformed: {detail}"
    ),
    "trust.member_certificate_invalid": lambda: QCoreApplication.translate(
        "CoreMessages", "the certificate of {name!r} in the trust file {reason}"
    ),
    "trust.not_ca": lambda: QCoreApplication.translate(
        "CoreMessages", "{path} is not a CA certificate"
    ),
    "trust.not_json": lambda: QCoreApplication.translate(
        "CoreMessages", "the trust file is malformed: it is not UTF-8 JSON"
    ),
    "trust.signature_invalid": lambda: QCoreApplication.translate(
        "CoreMessages", "the trust file's signature does not verify: {detail}"
    ),
    "trust.signed_by_ca": lambda: QCoreApplication.translate(
        "CoreMessages",
        "a version {version} trust file must be signed by the organisation's trust-list "
        "signer, not by its CA",
    ),
    "trust.signed_by_member": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the trust file was signed by a member, not by the organisation's trust-list signer",
    ),
    "trust.version1_not_by_ca": lambda: QCoreApplication.translate(
        "CoreMessages", "a version 1 trust file must be signed by the CA itself"
    ),
    # exporting a signed statement, time-stamping it, and bundles received
    "export.bad_age_recipient": lambda: QCoreApplication.translate(
        "CoreMessages", "'{start}…' is not a valid age recipient"
    ),
    "export.bad_crl": lambda: QCoreApplication.translate(
        "CoreMessages", "the revocation list is not the organisation's ({reason})"
    ),
    "export.crl_not_current": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the organisation's revocation list is not current (it is for {start} to {end}); get "
        "the current one",
    ),
    "export.no_signature": lambda: QCoreApplication.translate(
        "CoreMessages", "the signed statement has no stored signature"
    ),
    "export.not_statement_taker": lambda: QCoreApplication.translate(
        "CoreMessages",
        "{signer} did not take this statement: the interviewer present at its sittings was "
        "{takers}; only they may sign and export it",
    ),
    "export.out_is_folder": lambda: QCoreApplication.translate(
        "CoreMessages", "{path} is a folder; give a file name for the bundle"
    ),
    "export.timestamp_not_trusted": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the time-stamped statement does not check ({detail}); export it without a time-stamp",
    ),
    "export.timestamp_too_large": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the intake's time-stamp does not fit in the signature ({detail}); export without a "
        "time-stamp",
    ),
    "export.validation_data": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement's validation data could not be made: the revocation list does not clear "
        "the certificates ({detail})",
    ),
    "bundle.archive_unacceptable": lambda: QCoreApplication.translate(
        "CoreMessages", "the bundle's archive is not acceptable: {detail}"
    ),
    "bundle.far_too_large": lambda: QCoreApplication.translate(
        "CoreMessages", "the file is far larger than any Quietroom bundle"
    ),
    "sync.bad_timestamp": lambda: QCoreApplication.translate(
        "CoreMessages", "the intake's time stamp did not check ({detail})"
    ),
    # supervisor review
    "review.answer_for_unknown_item": lambda: QCoreApplication.translate(
        "CoreMessages",
        "there is an answer for {item!r}, which is not on this statement's checklist",
    ),
    "review.comment_not_text": lambda: QCoreApplication.translate(
        "CoreMessages", "the comment on checklist item {position} ({item}) must be text"
    ),
    "review.unknown_item": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the checklist answers give an item {item} that this checklist does not have",
    ),
}
