"""The core's messages about identities and the trust file, supervisor review and
decisions, and sending to the central system, as source strings for Qt's translation
system (context "CoreMessages"), by code. Part of the table `ui/core_messages.py`
translates with (see its docstring for why each is a literal in a
QCoreApplication.translate call)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

EXCHANGE_MESSAGES: dict[str, Callable[[], str]] = {
    # importing an identity and the trust file
    "file.missing": lambda: QCoreApplication.translate(
        "CoreMessages", "the {what} {path} does not exist"
    ),
    "file.unreadable": lambda: QCoreApplication.translate(
        "CoreMessages", "cannot read the {what} {path}"
    ),
    "identity.key_needed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "give the private key file too, or a PKCS#12 (.p12) file holding both certificate and key",
    ),
    "identity.ca_certificate": lambda: QCoreApplication.translate(
        "CoreMessages", "this is a CA certificate, not a staff member's signing certificate"
    ),
    "identity.cannot_sign": lambda: QCoreApplication.translate(
        "CoreMessages", "this certificate is not allowed to sign documents"
    ),
    "identity.expired": lambda: QCoreApplication.translate(
        "CoreMessages", "this signing certificate has expired; ask for a new one"
    ),
    "identity.not_yet_valid": lambda: QCoreApplication.translate(
        "CoreMessages", "this signing certificate is not valid yet"
    ),
    "identity.not_age_identity": lambda: QCoreApplication.translate(
        "CoreMessages", "{path} is not an age identity file"
    ),
    "identity.trust_list_signer": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this is the organisation's trust-list signing certificate, not a staff member's "
        "signing certificate",
    ),
    "identity.no_signing_key": lambda: QCoreApplication.translate(
        "CoreMessages", "the PKCS#12 file holds no signing key"
    ),
    "identity.auth_pair_incomplete": lambda: QCoreApplication.translate(
        "CoreMessages", "give both the authentication certificate and its key, or neither"
    ),
    "identity.auth_twice": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the PKCS#12 file already holds an authentication key; do not give another",
    ),
    "identity.not_authentication": lambda: QCoreApplication.translate(
        "CoreMessages", "the authentication certificate is not for TLS client authentication"
    ),
    "identity.auth_shares_signing_key": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the authentication certificate uses the signing key; they must be separate keys",
    ),
    "identity.auth_other_person": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the authentication certificate names someone else than the signing certificate",
    ),
    "identity.auth_not_current": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the authentication certificate has expired or is not valid yet; ask for a new one",
    ),
    "identity.age_identity_differs": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the age identity file is not the one in the PKCS#12 file; give only one",
    ),
    "identity.authentication_as_signing": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this is an authentication (TLS) certificate, not a signing certificate",
    ),
    "identity.auth_not_in_trust_file": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the authentication certificate is not the one the trust file lists for you; ask "
        "for an up-to-date trust file",
    ),
    "identity.not_in_trust_file": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this certificate is not listed in the organisation's trust file; ask for an up-to-date "
        "trust file",
    ),
    "trust.unsigned": lambda: QCoreApplication.translate(
        "CoreMessages", "the trust file is not signed: {name} is missing or unreadable"
    ),
    "trust.rolled_back": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this trust file (serial {serial}) is older than the one already imported "
        "(serial {current}); ask your administrator for the current one",
    ),
    "trust.serial_reused": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this trust file has the same serial ({serial}) as the one already imported but "
        "different contents; ask your administrator for the current one",
    ),
    "trust.older_issue": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this trust file (issued {issued}) is older than the one already imported "
        "(issued {current}); ask your administrator for the current one",
    ),
    # supervisor review: opening a bundle for review and deciding it
    "review.not_supervisor": lambda: QCoreApplication.translate(
        "CoreMessages", "only a supervisor can open a bundle for review; nothing was stored"
    ),
    "review.bundle_id_reused": lambda: QCoreApplication.translate(
        "CoreMessages",
        "a different bundle with the same bundle id is already under review; nothing was stored",
    ),
    "review.no_longer_verifies": lambda: QCoreApplication.translate(
        "CoreMessages", "this bundle no longer verifies: {problems}"
    ),
    "review.not_found": lambda: QCoreApplication.translate(
        "CoreMessages", "there is no such review in this vault"
    ),
    "review.already_decided": lambda: QCoreApplication.translate(
        "CoreMessages", "this review has already been decided; a review is decided only once"
    ),
    "review.checklist_incomplete": lambda: QCoreApplication.translate(
        "CoreMessages",
        "checklist item {position} ({item}) is not answered yet ({count} of {total} items are "
        "unanswered); approval needs every item answered",
    ),
    "review.not_met_needs_comment": lambda: QCoreApplication.translate(
        "CoreMessages",
        "checklist item {position} ({item}) is marked not met; say why in its comment",
    ),
    "review.comment_too_long": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the comment on checklist item {position} ({item}) is longer than {limit} characters",
    ),
    "review.comment_bad_character": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the comment on checklist item {position} ({item}) holds a character that is not "
        "allowed ({code}); comments may have line breaks and tabs but no other control "
        "characters",
    ),
    "review.comments_required": lambda: QCoreApplication.translate(
        "CoreMessages", "returning a statement needs comments saying what to change"
    ),
    "review.comments_too_long": lambda: QCoreApplication.translate(
        "CoreMessages", "the comments are too long (at most {limit} characters)"
    ),
    "review.comments_bad_character": lambda: QCoreApplication.translate(
        "CoreMessages", "the comments hold a control character; use plain text"
    ),
    "review.out_is_folder": lambda: QCoreApplication.translate(
        "CoreMessages", "{path} is a folder; give a file name for the decision"
    ),
    "review.author_not_member": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the interviewer who wrote this statement is no longer in the trust file; ask your "
        "administrator",
    ),
    "review.already_countersigned": lambda: QCoreApplication.translate(
        "CoreMessages", "The statement is already countersigned; it was not signed again."
    ),
    "review.statement_not_signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "The statement carries no signature to countersign; it was not signed.",
    ),
    # the interviewer's side: importing a supervisor's decision file
    "decision.not_age_encrypted": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this is not a Quietroom decision file (it is not an age-encrypted file)",
    ),
    "decision.header_too_large": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the decision file's encryption header is larger than any Quietroom decision file's; "
        "it was not opened",
    ),
    "decision.not_a_recipient": lambda: QCoreApplication.translate(
        "CoreMessages", "you are not a recipient of this decision file"
    ),
    "decision.does_not_decrypt": lambda: QCoreApplication.translate(
        "CoreMessages", "the decision file is damaged or has been altered: it does not decrypt"
    ),
    "decision.failed": lambda: QCoreApplication.translate(
        "CoreMessages", "the decision did not verify: {problems}"
    ),
    "decision.not_our_bundle": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this decision is about a bundle this vault never exported; nothing was changed",
    ),
    "decision.other_bundle": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this decision names one of this vault's bundles but not its contents; nothing was changed",
    ),
    "decision.not_our_statement": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the countersigned statement was not signed by you; nothing was changed",
    ),
    "decision.other_statement": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the countersigned statement is not the one exported in that bundle; nothing was changed",
    ),
    "decision.id_reused": lambda: QCoreApplication.translate(
        "CoreMessages",
        "a different decision with the same id was already imported; nothing was changed",
    ),
    # sending to the central system (the intake) and its outbox
    "sync.bad_url": lambda: QCoreApplication.translate(
        "CoreMessages",
        "'{url}' is not an intake address; give https://HOST or https://HOST:PORT",
    ),
    "sync.not_configured": lambda: QCoreApplication.translate(
        "CoreMessages",
        "no intake address is set and the trust file names none; set it with "
        "'sync configure --url https://HOST:PORT'",
    ),
    "sync.no_auth_certificate": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault has no authentication certificate to connect to the intake with; import "
        "your identity.p12 (or --auth-cert and --auth-key) with 'identity import'",
    ),
    "sync.no_memfd": lambda: QCoreApplication.translate(
        "CoreMessages", "this system cannot keep the TLS key in memory (no memfd_create)"
    ),
    "sync.no_intake": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the organisation's trust file lists no intake service, so nothing can be sent to it; "
        "ask your administrator",
    ),
    "sync.not_found": lambda: QCoreApplication.translate(
        "CoreMessages", "nothing in the outbox has that id; see 'sync status'"
    ),
    "sync.bad_receipt": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the intake's receipt did not check ({detail}); the item stays in the outbox",
    ),
    "sync.unreachable": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the intake could not be reached ({reason}); nothing was lost: try again when the "
        "network is back",
    ),
    "export.no_destination": lambda: QCoreApplication.translate(
        "CoreMessages", "give --out FILE.qrb, or --send, or both"
    ),
    "review.no_destination": lambda: QCoreApplication.translate(
        "CoreMessages", "give --out FILE.qrr, or --send, or both"
    ),
}
