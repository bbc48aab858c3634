"""The core's error messages in the interface language.

The core (app/) knows no Qt: it raises QuietroomError subclasses whose message is one
plain English sentence. The Backend passes every such message through
`translate_core_message` on the GUI thread before a screen sees it, so the messages an
interviewer is most likely to meet appear in Welsh when Welsh is chosen.

Each entry pairs a regular expression that matches the core's English sentence exactly
with a source string for Qt's translation system (context "CoreMessages"). The source
string is the core's own sentence with its variable parts written as `{name}`
placeholders, filled in with str.format from the expression's named groups; in the
English interface it therefore gives back the very sentence the core wrote. A few groups
hold a fixed phrase of the core's (the recovery hint after a keyring problem, the kind of
file in an identity import): those are translated on their own, and a phrase this module
does not know leaves the whole message in English rather than half-translated.

A message that matches nothing is shown as it is, in English. Every pattern here is
checked against the core's source by tests/ui/test_core_messages.py, so a changed core
message fails a test instead of quietly falling back to English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

# The translation context. Every call below spells it out as a literal, with its source
# string, because pyside6-lupdate only extracts literal QCoreApplication.translate calls.
CONTEXT = "CoreMessages"

# Variable parts: a number, or any text the core echoes back (a path, a label, a date
# as typed…). Core messages are one line; `.` never crosses a newline, which is right.
_NUMBER = r"\d+"
_TEXT = r".+"


@dataclass(frozen=True)
class CoreMessage:
    """One core message: its English pattern and the translatable source string."""

    key: str
    pattern: re.Pattern[str]
    text: Callable[[], str]  # the translated template, looked up when it is shown


def _entry(key: str, pattern: str, text: Callable[[], str]) -> CoreMessage:
    return CoreMessage(key, re.compile(pattern), text)


# --- fixed phrases inside a message (named groups "hint" and "what") ----------------------

HINTS: tuple[CoreMessage, ...] = (
    _entry("hint_recover",
           r"an administrator can restore access with 'quietroom-cli recover' and the "
           r"organisation's recovery identity",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "an administrator can restore access with 'quietroom-cli recover' and the "
               "organisation's recovery identity")),
    _entry("hint_no_recovery",
           r"this vault has no recovery key, so it can only be opened on the machine and "
           r"user account where it was created",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this vault has no recovery key, so it can only be opened on the machine and "
               "user account where it was created")),
)

FILE_KINDS: tuple[CoreMessage, ...] = (
    _entry("what_certificate", r"certificate file",
           lambda: QCoreApplication.translate("CoreMessages", "certificate file")),
    _entry("what_key", r"key file",
           lambda: QCoreApplication.translate("CoreMessages", "key file")),
    _entry("what_trust", r"trust file",
           lambda: QCoreApplication.translate("CoreMessages", "trust file")),
)

FRAGMENTS: dict[str, tuple[CoreMessage, ...]] = {"hint": HINTS, "what": FILE_KINDS}

_HINT = r"(?P<hint>.+)"
_WHAT = r"(?P<what>certificate file|key file|trust file)"


# --- the messages ---------------------------------------------------------------------------

CORE_MESSAGES: tuple[CoreMessage, ...] = (
    # unlocking and creating the vault
    _entry("wrong_passphrase", r"the passphrase is not correct",
           lambda: QCoreApplication.translate("CoreMessages", "the passphrase is not correct")),
    _entry("throttled",
           rf"too many wrong passphrases; wait (?P<seconds>{_NUMBER}) seconds before trying "
           r"again",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "too many wrong passphrases; wait {seconds} seconds before trying again")),
    _entry("short_passphrase",
           rf"the passphrase must have at least (?P<count>{_NUMBER}) characters",
           lambda: QCoreApplication.translate(
               "CoreMessages", "the passphrase must have at least {count} characters")),
    _entry("keyring_unavailable",
           r"this vault's device secret is kept in (?P<label>.+?), which is not available "
           r"in this session; " + _HINT,
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this vault's device secret is kept in {label}, which is not available in "
               "this session; {hint}")),
    _entry("keyring_unreadable",
           r"(?P<label>.+?) could not be read \(is it locked\?\); " + _HINT,
           lambda: QCoreApplication.translate(
               "CoreMessages", "{label} could not be read (is it locked?); {hint}")),
    _entry("keyring_missing",
           r"this vault's device secret is missing from (?P<label>.+?); " + _HINT,
           lambda: QCoreApplication.translate(
               "CoreMessages", "this vault's device secret is missing from {label}; {hint}")),
    _entry("keyring_mismatch",
           r"the device secret in (?P<label>.+?) does not belong to this vault; " + _HINT,
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the device secret in {label} does not belong to this vault; {hint}")),
    _entry("database_damaged",
           r"the vault database is damaged or is not a Quietroom database; restore it from "
           r"a backup",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the vault database is damaged or is not a Quietroom database; restore it "
               "from a backup")),
    _entry("database_truncated",
           r"the vault database is damaged or is not a Quietroom database \(it has been "
           r"truncated\); restore it from a backup",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the vault database is damaged or is not a Quietroom database (it has been "
               "truncated); restore it from a backup")),
    _entry("database_missing",
           r"the vault database is missing; restore the vault from a backup",
           lambda: QCoreApplication.translate(
               "CoreMessages", "the vault database is missing; restore the vault from a "
               "backup")),
    _entry("header_damaged",
           rf"the vault header is damaged \((?P<detail>{_TEXT})\); restore the vault from a "
           r"backup",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the vault header is damaged ({detail}); restore the vault from a backup")),
    _entry("header_lost",
           rf"the vault at (?P<path>{_TEXT}) has lost its header file; restore the vault from "
           r"a backup",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the vault at {path} has lost its header file; restore the vault from a "
               "backup")),
    _entry("newer_format",
           rf"this vault uses format version (?P<version>{_NUMBER}), which this version of "
           r"Quietroom does not know; update Quietroom to open it",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this vault uses format version {version}, which this version of Quietroom "
               "does not know; update Quietroom to open it")),
    _entry("newer_schema",
           rf"this vault has schema version (?P<version>{_NUMBER}), newer than this version "
           r"of Quietroom knows; update Quietroom to open it",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this vault has schema version {version}, newer than this version of "
               "Quietroom knows; update Quietroom to open it")),
    _entry("vault_locked", r"the vault is locked",
           lambda: QCoreApplication.translate("CoreMessages", "the vault is locked")),
    _entry("open_elsewhere", r"Quietroom already has this vault open in another window",
           lambda: QCoreApplication.translate(
               "CoreMessages", "Quietroom already has this vault open in another window")),
    _entry("vault_exists",
           rf"a vault already exists at (?P<path>{_TEXT}); nothing was changed",
           lambda: QCoreApplication.translate(
               "CoreMessages", "a vault already exists at {path}; nothing was changed")),

    # the workspace and its sittings
    _entry("no_case", r"no case has that id or reference; see 'case list'",
           lambda: QCoreApplication.translate(
               "CoreMessages", "no case has that id or reference; see 'case list'")),
    _entry("no_sitting",
           r"no sitting is in progress for this case; start one with 'sitting start'",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "no sitting is in progress for this case; start one with 'sitting start'")),
    _entry("sitting_running",
           r"a sitting is already in progress for this case; end it before starting another",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "a sitting is already in progress for this case; end it before starting "
               "another")),
    _entry("sitting_after_signing",
           r"the statement is signed; start a further statement before another sitting "
           r"\('statement further'\)",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the statement is signed; start a further statement before another sitting "
               "('statement further')")),
    _entry("already_paused", r"the sitting is already paused",
           lambda: QCoreApplication.translate("CoreMessages", "the sitting is already paused")),
    _entry("not_paused", r"the sitting is not paused",
           lambda: QCoreApplication.translate("CoreMessages", "the sitting is not paused")),
    _entry("signed_cannot_change",
           r"this statement is signed and can no longer change; a further account is a new "
           r"statement \('statement further'\)",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this statement is signed and can no longer change; a further account is a "
               "new statement ('statement further')")),

    # the timeline: when something happened
    _entry("date_not_understood",
           rf"could not understand the date '(?P<text>{_TEXT})'; try e\.g\. 'June 1987', "
           r"'summer 1987', '1985 to 1987' or 'aged about 12'",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "could not understand the date '{text}'; try e.g. 'June 1987', 'summer 1987', "
               "'1985 to 1987' or 'aged about 12'")),
    _entry("date_in_future", rf"'(?P<text>{_TEXT})' is in the future; check the year",
           lambda: QCoreApplication.translate(
               "CoreMessages", "'{text}' is in the future; check the year")),
    _entry("date_backwards",
           rf"'(?P<text>{_TEXT})' ends before it starts; put the earlier date first",
           lambda: QCoreApplication.translate(
               "CoreMessages", "'{text}' ends before it starts; put the earlier date first")),
    _entry("date_needs_birth",
           rf"'(?P<text>{_TEXT})' needs the survivor's date of birth; add it to the "
           r"restricted details first",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "'{text}' needs the survivor's date of birth; add it to the restricted "
               "details first")),
    _entry("birth_after_today",
           r"the date of birth is after today; correct it in the restricted details",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the date of birth is after today; correct it in the restricted details")),
    _entry("year_too_early",
           rf"the year (?P<year>{_NUMBER}) is before (?P<first>{_NUMBER}); check the year",
           lambda: QCoreApplication.translate(
               "CoreMessages", "the year {year} is before {first}; check the year")),
    _entry("age_impossible", rf"an age of (?P<age>{_NUMBER}) is not possible; check the age",
           lambda: QCoreApplication.translate(
               "CoreMessages", "an age of {age} is not possible; check the age")),
    _entry("no_earlier_event",
           rf"no earlier event matches '(?P<event>{_TEXT})'; add that event first or give a "
           r"date",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "no earlier event matches '{event}'; add that event first or give a date")),

    # read-back and signing
    _entry("nothing_to_read_back",
           r"the statement has no text yet, so there is nothing to read back",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the statement has no text yet, so there is nothing to read back")),
    _entry("sign_before_read_back",
           r"the statement must be read back and confirmed by the witness before it is "
           r"signed \('statement readback --confirmed'\)",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the statement must be read back and confirmed by the witness before it is "
               "signed ('statement readback --confirmed')")),
    _entry("witness_name_needed",
           r"the witness's name is needed on the statement before signing \('witness set "
           r"--name'\)",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the witness's name is needed on the statement before signing ('witness set "
               "--name')")),
    _entry("already_signed", r"this statement is already signed",
           lambda: QCoreApplication.translate("CoreMessages", "this statement is already signed")),
    _entry("signature_empty", r"the signature is empty; ask the witness to sign again",
           lambda: QCoreApplication.translate(
               "CoreMessages", "the signature is empty; ask the witness to sign again")),

    # export and opening bundles
    _entry("export_unsigned",
           r"only a signed statement can be exported; read it back, have it confirmed and "
           r"signed first",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "only a signed statement can be exported; read it back, have it confirmed and "
               "signed first")),
    _entry("no_signing_identity",
           r"this vault has no signing identity yet; import one with 'identity import'",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this vault has no signing identity yet; import one with 'identity import'")),
    _entry("no_own_age_identity",
           r"your identity has no age identity, so you could not open your own export; "
           r"import it with 'identity import --age-identity FILE'",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "your identity has no age identity, so you could not open your own export; "
               "import it with 'identity import --age-identity FILE'")),
    _entry("not_a_member",
           rf"'(?P<name>{_TEXT})' is not a member of the organisation's trust file",
           lambda: QCoreApplication.translate(
               "CoreMessages", "'{name}' is not a member of the organisation's trust file")),
    _entry("no_such_folder", rf"the folder (?P<path>{_TEXT}) does not exist",
           lambda: QCoreApplication.translate("CoreMessages", "the folder {path} does not exist")),
    _entry("no_age_identity_to_open",
           r"this vault has no age identity to open bundles with; import it with your "
           r"identity",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this vault has no age identity to open bundles with; import it with your "
               "identity")),
    _entry("trust_file_first", r"import the organisation's trust file first",
           lambda: QCoreApplication.translate(
               "CoreMessages", "import the organisation's trust file first")),
    _entry("not_a_bundle",
           r"this is not a Quietroom bundle \(it is not an age-encrypted file\)",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this is not a Quietroom bundle (it is not an age-encrypted file)")),
    _entry("not_a_recipient", r"you are not a recipient of this bundle",
           lambda: QCoreApplication.translate(
               "CoreMessages", "you are not a recipient of this bundle")),
    _entry("bundle_altered",
           r"the bundle is damaged or has been altered: it does not decrypt",
           lambda: QCoreApplication.translate(
               "CoreMessages", "the bundle is damaged or has been altered: it does not decrypt")),
    _entry("cannot_read",
           rf"cannot read (?!the )(?P<path>{_TEXT}): (?P<reason>[^:]+)",
           lambda: QCoreApplication.translate("CoreMessages", "cannot read {path}: {reason}")),

    # importing an identity and the trust file
    _entry("file_missing", rf"the {_WHAT} (?P<path>{_TEXT}) does not exist",
           lambda: QCoreApplication.translate("CoreMessages", "the {what} {path} does not exist")),
    _entry("file_unreadable", rf"cannot read the {_WHAT} (?P<path>{_TEXT})",
           lambda: QCoreApplication.translate("CoreMessages", "cannot read the {what} {path}")),
    _entry("key_needed",
           r"give the private key file too, or a PKCS#12 \(\.p12\) file holding both "
           r"certificate and key",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "give the private key file too, or a PKCS#12 (.p12) file holding both "
               "certificate and key")),
    _entry("ca_not_member",
           r"this is a CA certificate, not a staff member's signing certificate",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this is a CA certificate, not a staff member's signing certificate")),
    _entry("cannot_sign_documents", r"this certificate is not allowed to sign documents",
           lambda: QCoreApplication.translate(
               "CoreMessages", "this certificate is not allowed to sign documents")),
    _entry("certificate_expired", r"this signing certificate has expired; ask for a new one",
           lambda: QCoreApplication.translate(
               "CoreMessages", "this signing certificate has expired; ask for a new one")),
    _entry("certificate_not_yet_valid", r"this signing certificate is not valid yet",
           lambda: QCoreApplication.translate(
               "CoreMessages", "this signing certificate is not valid yet")),
    _entry("not_age_identity", rf"(?P<path>{_TEXT}) is not an age identity file",
           lambda: QCoreApplication.translate(
               "CoreMessages", "{path} is not an age identity file")),
    _entry("not_in_trust_file",
           r"this certificate is not listed in the organisation's trust file; ask for an "
           r"up-to-date trust file",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "this certificate is not listed in the organisation's trust file; ask for an "
               "up-to-date trust file")),
    _entry("trust_file_unsigned",
           rf"the trust file is not signed: (?P<name>{_TEXT}) is missing or unreadable",
           lambda: QCoreApplication.translate(
               "CoreMessages",
               "the trust file is not signed: {name} is missing or unreadable")),
)


def _fragment(table: tuple[CoreMessage, ...], text: str) -> str | None:
    for entry in table:
        if entry.pattern.fullmatch(text):
            return entry.text()
    return None


def find(message: str) -> tuple[CoreMessage, re.Match[str]] | None:
    """The entry whose pattern matches the whole message, and the match."""
    for entry in CORE_MESSAGES:
        match = entry.pattern.fullmatch(message)
        if match is not None:
            return entry, match
    return None


def translate_core_message(message: str) -> str:
    """The core's English message in the interface language; unknown ones unchanged."""
    found = find(message)
    if found is None:
        return message
    entry, match = found
    values: dict[str, str] = {}
    for name, value in match.groupdict().items():
        table = FRAGMENTS.get(name)
        if table is not None:
            phrase = _fragment(table, value)
            if phrase is None:  # a phrase we cannot translate: keep the whole in English
                return message
            value = phrase
        values[name] = value
    try:
        return entry.text().format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: fall back
        return message
