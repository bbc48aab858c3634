"""The core's English error messages reach the screens in the interface language.

- Every pattern in ui/core_messages.py matches a message the core really writes: most are
  produced here by the core itself (a wrong passphrase on a real vault, signing before
  read-back, pausing with no sitting…); every one is also matched against the message's
  text in app/'s source, so a reworded core message fails here instead of quietly
  falling back to English.
- In English the "translation" gives back exactly the core's sentence; unknown messages
  pass through unchanged; with Welsh installed the unlock screen shows Welsh.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest
from PySide6.QtCore import Qt

from app.desktop.session import Session
from app.engine.clock import FakeClock
from app.engine.statements import STROKES_TYPE
from app.errors import QuietroomError
from app.export.bundle import export_case
from app.export.verify import verify_in_vault
from app.org import org_init
from app.vault import keys
from app.vault.header import Recovery
from app.vault.vault import header_path, read_header
from crypto import keyring_binding
from crypto.errors import KeyringFailure, KeyringUnavailable
from tests.conftest import FAST_KDF, PASSPHRASE, REPO
from tests.ui.conftest import FakeNavigator, call
from ui import i18n
from ui.backend import Backend
from ui.core_messages import CORE_MESSAGES, FILE_KINDS, HINTS, find, translate_core_message
from ui.screens.unlock import UnlockScreen, calm_sentence

TS = REPO / "app" / "resources" / "i18n" / "quietroom_cy.ts"
SIGNATURE = (b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
             b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>')
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"
HINT_RECOVER = ("an administrator can restore access with 'quietroom-cli recover' and the "
                "organisation's recovery identity")
HINT_NONE = ("this vault has no recovery key, so it can only be opened on the machine and "
             "user account where it was created")

# One message per entry, as the core writes it (the variable parts filled in). Each is
# checked against app/'s source below; most are also produced for real further down.
EXAMPLES: dict[str, str] = {
    "wrong_passphrase": "the passphrase is not correct",
    "throttled": "too many wrong passphrases; wait 4 seconds before trying again",
    "short_passphrase": "the passphrase must have at least 8 characters",
    "keyring_unavailable": "this vault's device secret is kept in Secret Service, which is "
                           "not available in this session; " + HINT_RECOVER,
    "keyring_unreadable": "Secret Service could not be read (is it locked?); " + HINT_NONE,
    "keyring_missing": "this vault's device secret is missing from KWallet; " + HINT_NONE,
    "keyring_mismatch": "the device secret in Secret Service does not belong to this vault; "
                        + HINT_RECOVER,
    "database_damaged": "the vault database is damaged or is not a Quietroom database; "
                        "restore it from a backup",
    "database_truncated": "the vault database is damaged or is not a Quietroom database (it "
                          "has been truncated); restore it from a backup",
    "database_missing": "the vault database is missing; restore the vault from a backup",
    "header_damaged": "the vault header is damaged (it is not valid JSON); restore the vault "
                      "from a backup",
    "header_lost": "the vault at /home/jo/vault has lost its header file; restore the vault "
                   "from a backup",
    "newer_format": "this vault uses format version 7, which this version of Quietroom does "
                    "not know; update Quietroom to open it",
    "newer_schema": "this vault has schema version 12, newer than this version of Quietroom "
                    "knows; update Quietroom to open it",
    "vault_locked": "the vault is locked",
    "open_elsewhere": "Quietroom already has this vault open in another window",
    "vault_exists": "a vault already exists at /home/jo/vault; nothing was changed",
    "no_case": "no case has that id or reference; see 'case list'",
    "no_sitting": "no sitting is in progress for this case; start one with 'sitting start'",
    "sitting_running": "a sitting is already in progress for this case; end it before "
                       "starting another",
    "sitting_after_signing": "the statement is signed; start a further statement before "
                             "another sitting ('statement further')",
    "already_paused": "the sitting is already paused",
    "not_paused": "the sitting is not paused",
    "signed_cannot_change": "this statement is signed and can no longer change; a further "
                            "account is a new statement ('statement further')",
    "date_not_understood": "could not understand the date 'haf 1987'; try e.g. 'June 1987', "
                           "'summer 1987', '1985 to 1987' or 'aged about 12'",
    "date_in_future": "'summer 2999' is in the future; check the year",
    "date_backwards": "'1987 to 1985' ends before it starts; put the earlier date first",
    "date_needs_birth": "'aged about 12' needs the survivor's date of birth; add it to the "
                        "restricted details first",
    "birth_after_today": "the date of birth is after today; correct it in the restricted "
                         "details",
    "year_too_early": "the year 1850 is before 1900; check the year",
    "age_impossible": "an age of 150 is not possible; check the age",
    "no_earlier_event": "no earlier event matches 'we moved'; add that event first or give a "
                        "date",
    "nothing_to_read_back": "the statement has no text yet, so there is nothing to read back",
    "sign_before_read_back": "the statement must be read back and confirmed by the witness "
                             "before it is signed ('statement readback --confirmed')",
    "witness_name_needed": "the witness's name is needed on the statement before signing "
                           "('witness set --name')",
    "already_signed": "this statement is already signed",
    "signature_empty": "the signature is empty; ask the witness to sign again",
    "export_unsigned": "only a signed statement can be exported; read it back, have it "
                       "confirmed and signed first",
    "no_signing_identity": "this vault has no signing identity yet; import one with "
                           "'identity import'",
    "no_own_age_identity": "your identity has no age identity, so you could not open your "
                           "own export; import it with 'identity import --age-identity FILE'",
    "not_a_member": "'Nobody Known' is not a member of the organisation's trust file",
    "no_such_folder": "the folder /media/usb/missing does not exist",
    "no_age_identity_to_open": "this vault has no age identity to open bundles with; import "
                               "it with your identity",
    "trust_file_first": "import the organisation's trust file first",
    "not_a_bundle": "this is not a Quietroom bundle (it is not an age-encrypted file)",
    "not_a_recipient": "you are not a recipient of this bundle",
    "bundle_altered": "the bundle is damaged or has been altered: it does not decrypt",
    "cannot_read": "cannot read /home/jo/bundles: Is a directory",
    "file_missing": "the certificate file /home/jo/cert.pem does not exist",
    "file_unreadable": "cannot read the key file /home/jo/key.pem",
    "key_needed": "give the private key file too, or a PKCS#12 (.p12) file holding both "
                  "certificate and key",
    "ca_not_member": "this is a CA certificate, not a staff member's signing certificate",
    "cannot_sign_documents": "this certificate is not allowed to sign documents",
    "certificate_expired": "this signing certificate has expired; ask for a new one",
    "certificate_not_yet_valid": "this signing certificate is not valid yet",
    "not_age_identity": "/home/jo/cert.pem is not an age identity file",
    "not_in_trust_file": "this certificate is not listed in the organisation's trust file; "
                         "ask for an up-to-date trust file",
    "trust_file_unsigned": "the trust file is not signed: trust.json.sig is missing or "
                           "unreadable",
}
FRAGMENT_EXAMPLES = {"hint_recover": HINT_RECOVER, "hint_no_recovery": HINT_NONE,
                     "what_certificate": "certificate file", "what_key": "key file",
                     "what_trust": "trust file"}


# --- the core's own text ------------------------------------------------------------------


Source = tuple[set[str], list[tuple[re.Pattern[str], int]]]


def _source_messages() -> Source:
    """Every string literal in app/ (the CLI aside, which the desktop app never runs):
    plain ones as they are, f-strings as patterns with their fields as wildcards (and
    how many characters of fixed text each has)."""
    plain: set[str] = set()
    formatted: list[tuple[re.Pattern[str], int]] = []
    for path in sorted((REPO / "app").rglob("*.py")):
        if "cli" in path.relative_to(REPO / "app").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                plain.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                fixed = [v.value for v in node.values if isinstance(v, ast.Constant)]
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else "(.*?)"
                         for v in node.values]
                formatted.append((re.compile("".join(parts), re.S), len("".join(fixed))))
    return plain, formatted


@pytest.fixture(scope="module")
def source_messages() -> Source:
    return _source_messages()


def fixed_text(template: str) -> int:
    return len(re.sub(r"\{\w+\}", "", template))


def in_core_source(message: str, template: str, source: Source) -> bool:
    """The message is a literal of the core's, or comes from an f-string of the core's
    that fixes most of what our English template fixes (an f-string such as
    f"the {what}" matches almost anything, so it does not count)."""
    plain, formatted = source
    return message in plain or any(
        fixed >= 0.6 * fixed_text(template) and pattern.fullmatch(message)
        for pattern, fixed in formatted)


def test_every_entry_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(e.key for e in CORE_MESSAGES)
    assert sorted(FRAGMENT_EXAMPLES) == sorted(e.key for e in (*HINTS, *FILE_KINDS))
    assert len({e.key for e in CORE_MESSAGES}) == len(CORE_MESSAGES)


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_each_pattern_matches_the_cores_own_text(key: str, source_messages: Source,
                                                 qapp: Any) -> None:
    message = EXAMPLES[key]
    entry = next(e for e in CORE_MESSAGES if e.key == key)
    assert in_core_source(message, entry.text(), source_messages), (
        f"{key}: the core no longer writes {message!r}; update ui/core_messages.py "
        "(and the Welsh in quietroom_cy.ts)")
    found = find(message)
    assert found is not None and found[0].key == key, f"{key} is matched by another entry"


@pytest.mark.parametrize("key", sorted(FRAGMENT_EXAMPLES))
def test_each_fixed_phrase_is_the_cores_own(key: str, source_messages: Source) -> None:
    assert FRAGMENT_EXAMPLES[key] in source_messages[0], key


# --- English is exactly what the core wrote; unknown messages pass through -----------------


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_english_is_unchanged(key: str, qapp: Any) -> None:
    assert translate_core_message(EXAMPLES[key]) == EXAMPLES[key]


@pytest.mark.parametrize("message", [
    "",
    "something nobody has seen before",
    "the passphrase is not correct, and more",   # a longer sentence is not the same one
    "The passphrase is not correct",             # nor is a differently written one
    "this backup's device secret is missing from Secret Service (as when the backup was "
    "made on another machine or user account); " + HINT_NONE,
])
def test_unknown_messages_pass_through(message: str, qapp: Any, welsh: None) -> None:
    assert translate_core_message(message) == message


def test_an_unknown_fixed_phrase_keeps_the_whole_message_in_english(qapp: Any,
                                                                      welsh: None) -> None:
    message = "this vault's device secret is missing from KWallet; a hint nobody knows"
    assert translate_core_message(message) == message


# --- real messages from the core ------------------------------------------------------------


def refusal(fn: Callable[[], object]) -> str:
    with pytest.raises(QuietroomError) as caught:
        fn()
    return str(caught.value)


def assert_is(key: str, message: str) -> None:
    found = find(message)
    assert found is not None, f"{key}: no entry matches the core's {message!r}"
    assert found[0].key == key, f"{key}: {message!r} matched {found[0].key}"
    assert translate_core_message(message) == message


def fresh_session(root: Path, **kwargs: Any) -> Session:
    s = Session(root)
    s.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF, **kwargs)
    return s


def test_unlocking_and_creating(tmp_path: Path, qapp: Any) -> None:
    root = tmp_path / "vault"
    fresh_session(root).lock()
    s = Session(root)
    for _ in range(3):
        assert_is("wrong_passphrase", refusal(lambda: s.unlock("not the passphrase")))
    assert_is("throttled", refusal(lambda: s.unlock("not the passphrase either")))
    assert_is("short_passphrase",
              refusal(lambda: Session(tmp_path / "other").create(
                  "short", use_keyring=False, kdf_params=FAST_KDF)))
    assert_is("vault_exists", refusal(lambda: fresh_session(root)))
    assert_is("vault_locked", refusal(lambda: s.engine))


def test_a_second_window_on_the_same_vault(tmp_path: Path, qapp: Any) -> None:
    first = fresh_session(tmp_path / "vault")
    try:
        assert_is("open_elsewhere",
                  refusal(lambda: Session(tmp_path / "vault").unlock(PASSPHRASE)))
    finally:
        first.lock()


@pytest.fixture
def closed_vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    fresh_session(root).lock()
    return root


def test_a_damaged_vault(closed_vault: Path, qapp: Any) -> None:
    unlock = lambda: Session(closed_vault).unlock(PASSPHRASE)  # noqa: E731
    database = closed_vault / "vault.db"
    original = database.read_bytes()
    database.write_bytes(original[:100])
    assert_is("database_truncated", refusal(unlock))
    database.write_bytes(bytes(4096 * 2))
    assert_is("database_damaged", refusal(unlock))
    database.unlink()
    assert_is("database_missing", refusal(unlock))
    database.write_bytes(original)
    header = header_path(closed_vault)
    text = header.read_bytes()
    doc = json.loads(text)
    header.write_text(json.dumps({**doc, "version": 99}), encoding="utf-8")
    assert_is("newer_format", refusal(unlock))
    header.write_bytes(b"{not json")
    assert_is("header_damaged", refusal(unlock))
    header.unlink()
    assert_is("header_lost", refusal(unlock))


@pytest.mark.parametrize("recovery", [False, True])
def test_keyring_problems(closed_vault: Path, monkeypatch: pytest.MonkeyPatch,
                          recovery: bool, qapp: Any) -> None:
    """The core's own wording when the device secret cannot be had, with either hint."""
    header = dataclasses.replace(
        read_header(closed_vault), keyring_backend=SECRET_SERVICE, secret_check=b"\x01" * 32,
        recovery=Recovery("age1example", b"sealed") if recovery else None)

    def unavailable(*_a: Any, **_k: Any) -> Any:
        raise KeyringUnavailable("none")

    def unreadable(*_a: Any, **_k: Any) -> Any:
        raise KeyringFailure("locked")

    monkeypatch.setattr(keyring_binding, "find_backend", unavailable)
    assert_is("keyring_unavailable", refusal(lambda: keys.current_binding(header)))
    monkeypatch.setattr(keyring_binding, "find_backend", lambda *a, **k: object())
    monkeypatch.setattr(keyring_binding, "load", unreadable)
    assert_is("keyring_unreadable", refusal(lambda: keys.current_binding(header)))
    monkeypatch.setattr(keyring_binding, "load", lambda *a, **k: None)
    assert_is("keyring_missing", refusal(lambda: keys.current_binding(header)))
    monkeypatch.setattr(keyring_binding, "load", lambda *a, **k: bytearray(b"\x02" * 32))
    assert_is("keyring_mismatch", refusal(lambda: keys.current_binding(header)))


@pytest.mark.usefixtures("keyring_session")
def test_the_device_secret_gone_from_the_real_keyring(tmp_path: Path, qtbot: Any,
                                                      nav: FakeNavigator, welsh: None) -> None:
    """The real Secret Service: the secret removed, the unlock screen says so in Welsh."""
    root = tmp_path / "vault"
    s = Session(root)
    s.create(PASSPHRASE, use_keyring=True, kdf_params=FAST_KDF)
    s.lock()
    keyring_binding.delete(keyring_binding.find_backend(), read_header(root).vault_id)
    i18n.install("en")
    message = refusal(lambda: Session(root).unlock(PASSPHRASE))
    assert_is("keyring_missing", message)
    assert i18n.install("cy")
    backend = Backend(Session(root))
    try:
        screen = UnlockScreen(backend, nav)
        qtbot.addWidget(screen)
        screen.show()
        screen.entered()
        qtbot.keyClicks(screen.passphrase, PASSPHRASE)
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
        assert screen.message.text() == calm_sentence(translate_core_message(message))
        assert screen.message.text().startswith("Mae cyfrinach dyfais y gladdgell hon ar goll")
    finally:
        backend.shutdown()


def test_the_workspace_and_sittings(session: Session, qapp: Any) -> None:
    e = session.engine
    ref = e.create_case("csa", "CSA-CM-1").id
    assert_is("no_case", refusal(lambda: e.case("CSA-NOBODY")))
    assert_is("no_sitting", refusal(lambda: e.pause_sitting(ref, "witness")))
    e.start_sitting(ref)
    assert_is("sitting_running", refusal(lambda: e.start_sitting(ref)))
    assert_is("not_paused", refusal(lambda: e.resume_sitting(ref)))
    e.pause_sitting(ref, "witness")
    assert_is("already_paused", refusal(lambda: e.pause_sitting(ref, "interviewer")))
    e.resume_sitting(ref)
    e.end_sitting(ref)


def test_read_back_and_signing(session: Session, qapp: Any) -> None:
    e = session.engine
    ref = e.create_case("apsp", "APSP-CM-1").id
    empty = json.dumps({"version": 1, "width": 400, "height": 150, "strokes": []}).encode()
    assert_is("signature_empty", refusal(lambda: e.sign_statement(ref, empty, STROKES_TYPE)))
    assert_is("nothing_to_read_back", refusal(lambda: e.confirm_readback(ref)))
    e.save_section(ref, "account", "He sent messages late at night.")
    assert_is("sign_before_read_back", refusal(lambda: e.sign_statement(ref, SIGNATURE)))
    e.confirm_readback(ref)
    assert_is("witness_name_needed", refusal(lambda: e.sign_statement(ref, SIGNATURE)))
    e.set_witness(ref, name="Dana Price")
    e.sign_statement(ref, SIGNATURE)
    assert_is("already_signed", refusal(lambda: e.sign_statement(ref, SIGNATURE)))
    assert_is("signed_cannot_change",
              refusal(lambda: e.save_section(ref, "account", "Something else.")))
    assert_is("sitting_after_signing", refusal(lambda: e.start_sitting(ref)))


def test_when_something_happened(session: Session, clock: FakeClock, qapp: Any) -> None:
    e = session.engine
    ref = e.create_case("csa", "CSA-CM-2").id
    add = lambda when: lambda: e.add_event(ref, when, "It happened.")  # noqa: E731
    assert_is("date_not_understood", refusal(add("haf 1987")))
    assert_is("date_in_future", refusal(add("summer 2999")))
    assert_is("date_backwards", refusal(add("1987 to 1985")))
    assert_is("date_needs_birth", refusal(add("aged about 12")))
    assert_is("year_too_early", refusal(add("1850")))
    assert_is("no_earlier_event", refusal(add("the Christmas after we moved")))
    e.set_restricted(ref, date_of_birth="1975-05-01")
    assert_is("age_impossible", refusal(add("aged about 150")))
    clock.set(clock.now().replace(year=1970))
    assert_is("birth_after_today", refusal(add("aged about 12")))


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org")
    return tmp_path / "org"


def test_identity_import(session: Session, org: Path, tmp_path: Path, qapp: Any) -> None:
    e = session.engine
    member = org / "interviewer"
    cert, key, age = member / "cert.pem", member / "key.pem", member / "age-identity.txt"
    assert_is("file_missing", refusal(lambda: e.import_identity(tmp_path / "none.pem", key)))
    big = tmp_path / "big.pem"
    big.write_bytes(b"x" * (8 * 1024 * 1024))
    assert_is("file_unreadable", refusal(lambda: e.import_identity(cert, big)))
    assert_is("key_needed", refusal(lambda: e.import_identity(cert, None)))
    assert_is("ca_not_member",
              refusal(lambda: e.import_identity(org / "ca.pem", org / "ca-key.pem")))
    assert_is("not_age_identity", refusal(lambda: e.import_identity(cert, key, cert)))
    other = tmp_path / "other-org"
    org_init(other)
    assert_is("not_in_trust_file",
              refusal(lambda: e.import_identity(cert, key, age, other / "trust.json")))
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copy(org / "trust.json", lonely / "trust.json")
    assert_is("trust_file_unsigned",
              refusal(lambda: e.import_identity(cert, key, age, lonely / "trust.json")))


def test_export_and_opening_bundles(session: Session, org: Path, tmp_path: Path,
                                    qapp: Any) -> None:
    e = session.engine
    member = org / "interviewer"
    cert, key, age = member / "cert.pem", member / "key.pem", member / "age-identity.txt"
    ref = e.create_case("apsp", "APSP-CM-2", interviewer="Interviewer One").id
    out = tmp_path / "out.qrb"
    assert_is("no_signing_identity", refusal(lambda: export_case(e, ref, out)))
    assert_is("no_such_folder",
              refusal(lambda: export_case(e, ref, tmp_path / "missing" / "out.qrb")))
    e.import_identity(cert, key)
    assert_is("no_own_age_identity", refusal(lambda: export_case(e, ref, out)))
    assert_is("no_age_identity_to_open", refusal(lambda: verify_in_vault(e, out)))
    e.import_identity(cert, key, age)
    assert_is("trust_file_first", refusal(lambda: verify_in_vault(e, out)))
    e.import_identity(cert, key, age, org / "trust.json")
    assert_is("not_a_member", refusal(lambda: export_case(e, ref, out, ["Nobody Known"])))
    assert_is("export_unsigned", refusal(lambda: export_case(e, ref, out)))
    assert_is("cannot_read", refusal(lambda: verify_in_vault(e, tmp_path)))
    # A bundle that does not open is not refused: the report says why, in its first line.
    out.write_bytes(b"not a bundle at all")
    assert_is("not_a_bundle", first_problem(e, out))
    stranger = pyrage.x25519.Identity.generate()
    out.write_bytes(pyrage.encrypt(b"hello", [stranger.to_public()]))
    assert_is("not_a_recipient", first_problem(e, out))
    mine = pyrage.x25519.Identity.from_str(
        next(line for line in age.read_text().splitlines() if line.startswith("AGE-")))
    sealed = bytearray(pyrage.encrypt(b"hello" * 100, [mine.to_public()]))
    sealed[-20] ^= 0xFF
    out.write_bytes(bytes(sealed))
    assert_is("bundle_altered", first_problem(e, out))


def first_problem(engine: Any, bundle: Path) -> str:
    report = verify_in_vault(engine, bundle)
    assert not report.ok
    return next(c.detail for c in report.checks if not c.ok)


# --- Welsh -----------------------------------------------------------------------------------


@pytest.fixture
def welsh(qapp: Any) -> Iterator[None]:
    """The Welsh interface installed as the app does when Welsh is chosen."""
    assert i18n.install("cy"), "build the Welsh catalogue first: make translations"
    yield
    i18n.install("en")


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w+)\}", text))


def test_the_welsh_keeps_every_placeholder() -> None:
    found = 0
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "CoreMessages":
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            welsh = message.findtext("translation") or ""
            assert welsh.strip() and welsh != source, source
            assert placeholders(source) == placeholders(welsh), welsh
            found += 1
    assert found == len(CORE_MESSAGES) + len(HINTS) + len(FILE_KINDS)


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_every_entry_has_welsh(key: str, welsh: None) -> None:
    welsh_text = translate_core_message(EXAMPLES[key])
    assert welsh_text != EXAMPLES[key]
    assert "{" not in welsh_text  # every placeholder was filled
    # what the person typed or chose (a date, a path, a name) is shown as it was
    _, match = find(EXAMPLES[key]) or (None, None)
    assert match is not None
    for name, value in match.groupdict().items():
        if name not in ("hint", "what"):
            assert value in welsh_text, (name, welsh_text)


def test_a_fixed_phrase_is_translated_inside_its_message(welsh: None) -> None:
    welsh_text = translate_core_message(EXAMPLES["keyring_missing"])
    assert "KWallet" in welsh_text and "allwedd adfer" in welsh_text
    assert "recovery" not in welsh_text
    assert "ffeil tystysgrif" in translate_core_message(EXAMPLES["file_missing"])


def test_a_wrong_passphrase_in_welsh(qtbot: Any, nav: FakeNavigator, backend: Backend,
                                     session: Session, welsh: None) -> None:
    call(qtbot, backend, lambda s: s.lock())
    screen = UnlockScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    assert screen.title.text() == "Mae Quietroom wedi'i gloi"
    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
    assert screen.message.text() == "Dydy'r cyfrinymadrodd ddim yn gywir."
    assert not session.unlocked


def test_the_backend_hands_screens_the_welsh(qtbot: Any, backend: Backend,
                                             welsh: None) -> None:
    ref = call(qtbot, backend, lambda s: s.engine.create_case("csa", "CSA-CM-3").id)
    box: dict[str, Any] = {}
    backend.run(lambda s, r: s.engine.pause_sitting(r, "witness"), ref,
                failed=lambda m, c: box.setdefault("failed", (m, c)))
    qtbot.waitUntil(lambda: "failed" in box, timeout=15_000)
    assert box["failed"] == ("does dim sesiwn ar y gweill ar gyfer yr achos hwn; dechreuwch "
                             "un gyda 'sitting start'", 1)


def test_the_backend_hands_screens_the_english_unchanged(qtbot: Any,
                                                         backend: Backend) -> None:
    ref = call(qtbot, backend, lambda s: s.engine.create_case("csa", "CSA-CM-4").id)
    box: dict[str, Any] = {}
    backend.run(lambda s, r: s.engine.pause_sitting(r, "witness"), ref,
                failed=lambda m, c: box.setdefault("failed", (m, c)))
    qtbot.waitUntil(lambda: "failed" in box, timeout=15_000)
    assert box["failed"] == (EXAMPLES["no_sitting"], 1)
