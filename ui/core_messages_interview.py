"""The core's messages about the vault, the interview, signing, exports and exhibits, as
source strings for Qt's translation system (context "CoreMessages"), by code. Part of
the table `ui/core_messages.py` translates with (see its docstring for why each is a
literal in a QCoreApplication.translate call)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

INTERVIEW_MESSAGES: dict[str, Callable[[], str]] = {
    # unlocking, creating and using the vault
    "vault.wrong_passphrase": lambda: QCoreApplication.translate(
        "CoreMessages", "the passphrase is not correct"
    ),
    "vault.recovery_altered": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the vault header's recovery part was changed or removed outside Quietroom; "
        "restore the vault header from a backup",
    ),
    "vault.throttled": lambda: QCoreApplication.translate(
        "CoreMessages", "too many wrong passphrases; wait {seconds} seconds before trying again"
    ),
    "passphrase.too_short": lambda: QCoreApplication.translate(
        "CoreMessages", "the passphrase must have at least {count} characters"
    ),
    "keyring.unavailable": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault's device secret is kept in {label}, which is not available in this session; "
        "{hint}",
    ),
    "keyring.unreadable": lambda: QCoreApplication.translate(
        "CoreMessages",
        "{label} could not be read (is it locked?); unlock your keyring (log in again) and retry",
    ),
    "keyring.timeout": lambda: QCoreApplication.translate(
        "CoreMessages",
        "{label} did not answer within {seconds} seconds (it may be locked and waiting for a "
        "password); unlock your keyring (log in again) and retry",
    ),
    "keyring.secret_missing": lambda: QCoreApplication.translate(
        "CoreMessages", "this vault's device secret is missing from {label}; {hint}"
    ),
    "keyring.secret_mismatch": lambda: QCoreApplication.translate(
        "CoreMessages", "the device secret in {label} does not belong to this vault; {hint}"
    ),
    "vault.damaged": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the vault database is damaged or is not a Quietroom database; restore it from a backup",
    ),
    "vault.truncated": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the vault database is damaged or is not a Quietroom database (it has been truncated); "
        "restore it from a backup",
    ),
    "vault.database_missing": lambda: QCoreApplication.translate(
        "CoreMessages", "the vault database is missing; restore the vault from a backup"
    ),
    "vault.header_damaged": lambda: QCoreApplication.translate(
        "CoreMessages", "the vault header is damaged ({detail}); restore the vault from a backup"
    ),
    "vault.header_lost": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the vault at {path} has lost its header file; restore the vault from a backup",
    ),
    "vault.newer_format": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault uses format version {version}, which this version of Quietroom does not "
        "know; update Quietroom to open it",
    ),
    "vault.newer_schema": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault has schema version {version}, newer than this version of Quietroom knows; "
        "update Quietroom to open it",
    ),
    "vault.locked": lambda: QCoreApplication.translate("CoreMessages", "the vault is locked"),
    "vault.open_elsewhere": lambda: QCoreApplication.translate(
        "CoreMessages", "Quietroom already has this vault open in another window"
    ),
    "vault.exists": lambda: QCoreApplication.translate(
        "CoreMessages", "a vault already exists at {path}; nothing was changed"
    ),
    "vault.busy": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the vault is busy: another Quietroom window or command is writing to it; nothing was "
        "changed, try again in a moment",
    ),
    "vault.disk_full": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the disk is full, so nothing was saved and nothing already stored was lost; free some "
        "space and try again",
    ),
    "vault.read_only": lambda: QCoreApplication.translate(
        "CoreMessages", "the vault cannot be written (it is read-only); nothing was changed"
    ),
    "vault.vault_disk_full": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the disk holding the vault is full: free some space; nothing stored is lost",
    ),
    "vault.header_not_durable": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the change was made, but the disk did not confirm it was written ({reason}); a "
        "power cut now could undo it: run the same command again",
    ),
    "vault.io_error": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the disk holding the vault reported an input/output error, so nothing was changed: "
        "check that the disk is attached and has space, then try again",
    ),
    # the workspace and its sittings
    "case.not_found": lambda: QCoreApplication.translate(
        "CoreMessages", "no case has that id or reference; see 'case list'"
    ),
    "sitting.none_in_progress": lambda: QCoreApplication.translate(
        "CoreMessages", "no sitting is in progress for this case; start one with 'sitting start'"
    ),
    "sitting.already_in_progress": lambda: QCoreApplication.translate(
        "CoreMessages",
        "a sitting is already in progress for this case; end it before starting another",
    ),
    "sitting.statement_signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement is signed; start a further statement before another sitting ('statement "
        "further')",
    ),
    "pause.already_paused": lambda: QCoreApplication.translate(
        "CoreMessages", "the sitting is already paused"
    ),
    "pause.not_paused": lambda: QCoreApplication.translate(
        "CoreMessages", "the sitting is not paused"
    ),
    "statement.signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this statement is signed and can no longer change; a further account is a new statement "
        "('statement further')",
    ),
    # the timeline: when something happened
    "date.not_understood": lambda: QCoreApplication.translate(
        "CoreMessages",
        "could not understand the date '{text}'; try e.g. 'June 1987', 'summer 1987', '1985 to "
        "1987' or 'aged about 12'",
    ),
    "date.in_future": lambda: QCoreApplication.translate(
        "CoreMessages", "'{text}' is in the future; check the year"
    ),
    "date.backwards": lambda: QCoreApplication.translate(
        "CoreMessages", "'{text}' ends before it starts; put the earlier date first"
    ),
    "date.needs_birth_date": lambda: QCoreApplication.translate(
        "CoreMessages",
        "'{text}' needs the survivor's date of birth; add it to the restricted details first",
    ),
    "date.birth_after_today": lambda: QCoreApplication.translate(
        "CoreMessages", "the date of birth is after today; correct it in the restricted details"
    ),
    "date.year_too_early": lambda: QCoreApplication.translate(
        "CoreMessages", "the year {year} is before {first}; check the year"
    ),
    "date.age_impossible": lambda: QCoreApplication.translate(
        "CoreMessages", "an age of {age} is not possible; check the age"
    ),
    "date.no_earlier_event": lambda: QCoreApplication.translate(
        "CoreMessages", "no earlier event matches '{event}'; add that event first or give a date"
    ),
    "date.parts_disagree": lambda: QCoreApplication.translate(
        "CoreMessages",
        "'{first}' and '{second}' do not overlap, so they cannot both be right; check each "
        "part (and the date of birth, for an age or a school year)",
    ),
    # read-back and signing
    "readback.no_text": lambda: QCoreApplication.translate(
        "CoreMessages", "the statement has no text yet, so there is nothing to read back"
    ),
    "statement.not_read_back": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement must be read back and confirmed by the witness before it is signed "
        "('statement readback --confirmed')",
    ),
    "statement.witness_name_needed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the witness's name is needed on the statement before signing ('witness set --name')",
    ),
    "statement.age_not_given": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement must say whether the witness is under 18: record their age if "
        "under 18, or that they are over 18, before signing ('witness set --age N' or "
        "'--age-status over_18')",
    ),
    "witness.age_status": lambda: QCoreApplication.translate(
        "CoreMessages", "the age status must be one of: {statuses}"
    ),
    "statement.already_signed": lambda: QCoreApplication.translate(
        "CoreMessages", "this statement is already signed"
    ),
    "signature.empty": lambda: QCoreApplication.translate(
        "CoreMessages", "the signature is empty; ask the witness to sign again"
    ),
    # confirming the pages before signing (app/engine/pages.py, app/export/pages.py)
    "statement.pages_not_shown": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the witness has not confirmed the statement's pages: show them each page on screen "
        "('statement pages', then 'statement confirm-page' for each), or give "
        "--pages-confirmed if they confirmed each page on screen",
    ),
    "statement.pages_not_confirmed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the witness has confirmed {confirmed} of the statement's {pages} pages; each page "
        "must be shown and confirmed before they sign",
    ),
    "statement.pages_changed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement's pages are not the pages the witness confirmed (a correction, a "
        "changed detail, or a new day: the date beside the signature is the day they confirm "
        "the pages, so they sign the same day); nothing was signed: show them the pages again",
    ),
    "statement.initials_needed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the organisation asks the witness to initial each page they confirm; nothing was "
        "recorded for page {page}: ask them to initial it",
    ),
    "statement.initials_empty": lambda: QCoreApplication.translate(
        "CoreMessages", "the initials are empty; ask the witness to initial again"
    ),
    "statement.initials_invalid": lambda: QCoreApplication.translate(
        "CoreMessages", "the initials are not valid"
    ),
    "statement.pages_before_readback": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the witness confirms the pages after confirming the read-back ('statement readback "
        "--confirmed')",
    ),
    "statement.pages_sitting_open": lambda: QCoreApplication.translate(
        "CoreMessages",
        "end the sitting before the witness confirms the pages: when it ended is printed on "
        "the statement ('sitting end')",
    ),
    "statement.sitting_running": lambda: QCoreApplication.translate(
        "CoreMessages",
        "sitting {number} is still {state}: end the sitting first ('sitting end'), or let "
        "signing end it ('statement sign --end-sitting')",
    ),
    "statement.welsh_declaration_missing": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this statement is in Welsh, and the organisation has not yet approved a Welsh s.9 "
        "declaration, so it cannot be signed; the organisation sets it with 'org policy "
        "--welsh-declaration-file', then this vault takes the new trust file",
    ),
    "statement.welsh_declaration_placeholder": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the organisation's Welsh s.9 declaration must hold '{placeholder}' exactly once, "
        "where the page count goes, so it cannot be signed with yet; ask the organisation "
        "to correct it",
    ),
    "statement.consents_signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement is signed, so the witness's signature for the consents can no longer "
        "change; start a further statement first",
    ),
    "case.statement_signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement is signed, so the language it is written in can no longer change; "
        "start a further statement first",
    ),
    "hint.unknown_rule": lambda: QCoreApplication.translate(
        "CoreMessages",
        "a hint's rule is named by its id: 1 to 64 of a-z, 0-9, '_', '.' and '-'",
    ),
    # export and opening bundles
    "export.sitting_open": lambda: QCoreApplication.translate(
        "CoreMessages",
        "sitting {number} is still open on the signed statement; end it first ('sitting "
        "end'), so the record says when it ended",
    ),
    "export.declaration_changed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the s.9 declaration the witness signed is no longer the organisation's approved "
        "wording, so the statement cannot be printed as signed; ask the organisation, or "
        "take a further statement",
    ),
    "export.not_signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "only a signed statement can be exported; read it back, have it confirmed and signed first",
    ),
    "export.pages_changed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the statement's pages as they would be exported are not the pages the witness "
        "confirmed before signing (the organisation's marking or name, or the statement "
        "taker's name, may have changed since), so nothing was exported",
    ),
    "identity.none": lambda: QCoreApplication.translate(
        "CoreMessages", "this vault has no signing identity yet; import one with 'identity import'"
    ),
    "identity.withheld": lambda: QCoreApplication.translate(
        "CoreMessages",
        "your signing identity cannot be opened in this vault: it was recovered or "
        "restored with the organisation's recovery identity, which never gives access to "
        "it; import your identity again ('identity import') before you sign or export",
    ),
    "export.no_own_age_identity": lambda: QCoreApplication.translate(
        "CoreMessages",
        "your identity has no age identity, so you could not open your own export; import it "
        "with 'identity import --age-identity FILE'",
    ),
    "export.not_a_member": lambda: QCoreApplication.translate(
        "CoreMessages", "'{name}' is not a member of the organisation's trust file"
    ),
    "export.too_many_recipients": lambda: QCoreApplication.translate(
        "CoreMessages",
        "a bundle can go to at most {limit} recipients, you included; {count} were chosen, "
        "so choose fewer",
    ),
    "export.trust_needed_for_role": lambda: QCoreApplication.translate(
        "CoreMessages",
        "import the organisation's trust file first ('identity import --trust'): only a member "
        "with the role 'interviewer' may export a statement",
    ),
    "export.author_not_member": lambda: QCoreApplication.translate(
        "CoreMessages",
        "your certificate is not in the organisation's trust file; only a member with the role "
        "'interviewer' may export a statement",
    ),
    "export.not_an_interviewer": lambda: QCoreApplication.translate(
        "CoreMessages",
        "only a member with the role 'interviewer' may export a statement; the organisation's "
        "trust file gives you the role '{role}'",
    ),
    "export.file_too_large": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the bundle's {name} would be larger than the {limit} MiB a bundle may hold, so nobody "
        "could verify it; nothing was exported",
    ),
    # the exhibits a statement produces (app/engine/exhibits.py, app/export/exhibits.py)
    "exhibit.bad_reference": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the exhibit reference must be the producer's initials in capitals (1 to 4 letters), "
        "'/' and a number from 1 to 999, such as RP/1",
    ),
    "exhibit.statement_signed": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this statement is signed, so the exhibits it produces can no longer change; exhibits"
        " for a further account belong to a further statement ('statement further')",
    ),
    "exhibit.not_found": lambda: QCoreApplication.translate(
        "CoreMessages", "no exhibit of this case has the reference {reference}; see 'exhibit list'"
    ),
    "exhibit.removed": lambda: QCoreApplication.translate(
        "CoreMessages", "the exhibit {reference} was removed from the register before signing"
    ),
    "exhibit.reference_in_use": lambda: QCoreApplication.translate(
        "CoreMessages", "the reference {reference} is already an exhibit of this case; give another"
    ),
    "exhibit.reference_retired": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the reference {reference} belonged to an exhibit that was removed, and a reference "
        "is never used twice, so that nothing can be mistaken for it; give the next number",
    ),
    "exhibit.file_too_large": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the exhibit's file is larger than {limit} MiB, the most one exhibit may hold; "
        "nothing was added",
    ),
    "exhibit.file_empty": lambda: QCoreApplication.translate(
        "CoreMessages", "the exhibit's file is empty; nothing was added"
    ),
    "exhibit.too_many_files": lambda: QCoreApplication.translate(
        "CoreMessages",
        "a statement's exhibits may bring at most {limit} files into its export; nothing was added",
    ),
    "exhibit.files_too_large": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the exhibits' files together would be larger than {limit} MiB, the most one "
        "statement's export may carry; nothing was added",
    ),
    "exhibit.file_damaged": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the file of the exhibit {reference} no longer matches the SHA-256 stored with it; "
        "restore the vault from a backup",
    ),
    "export.too_many_files": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the bundle would hold {count} files, more than the {limit} a bundle may hold, so "
        "nobody could verify it; nothing was exported",
    ),
    "export.bundle_too_large": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the bundle would be larger than the {limit} MiB a bundle may be, so nobody could "
        "verify it; nothing was exported (its exhibits' files take the most room)",
    ),
    "file.no_such_folder": lambda: QCoreApplication.translate(
        "CoreMessages", "the folder {path} does not exist"
    ),
    "trust.expired": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the organisation's trust file expired on {date}; import the current one",
    ),
    "identity.no_age_identity": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault has no age identity to open bundles with; import it with your identity",
    ),
    "identity.no_trust_file": lambda: QCoreApplication.translate(
        "CoreMessages", "import the organisation's trust file first"
    ),
    "bundle.not_age_encrypted": lambda: QCoreApplication.translate(
        "CoreMessages", "this is not a Quietroom bundle (it is not an age-encrypted file)"
    ),
    "bundle.not_a_recipient": lambda: QCoreApplication.translate(
        "CoreMessages", "you are not a recipient of this bundle"
    ),
    "bundle.does_not_decrypt": lambda: QCoreApplication.translate(
        "CoreMessages", "the bundle is damaged or has been altered: it does not decrypt"
    ),
    "bundle.too_many_recipients": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the bundle is encrypted to more than {limit} recipients, more than any Quietroom "
        "bundle; it was not opened",
    ),
    "bundle.header_too_large": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the bundle's encryption header is larger than {limit} KiB, larger than any Quietroom "
        "bundle's; it was not opened",
    ),
    "bundle.author_not_interviewer": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the bundle was signed by a member with the role {role}; only an interviewer may "
        "author a statement",
    ),
    "file.cannot_read": lambda: QCoreApplication.translate(
        "CoreMessages", "cannot read {path}: {reason}"
    ),
}
