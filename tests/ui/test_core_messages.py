"""The core's errors carry a stable code; the screens translate them by that code.

- Every error the core (app/, the CLI included) constructs passes a literal code and a
  literal English template whose placeholders are exactly its named parameters, and one
  code always has one template (read from app/'s source: tests/error_catalogue.py).
- Every code in ui/core_messages.py is the core's, with the identical English template,
  and has a complete Welsh translation in quietroom_cy.ts, placeholders kept.
- Real errors, raised by real core calls (a wrong passphrase on a real vault, signing
  before read-back, a bundle that does not decrypt…), come out of the translation as
  exactly the core's sentence in English and as Welsh with Welsh installed; a phrase or
  code the table does not know, or a broken translation, leaves the message in English.
- Through the Backend: a core error reaches the screen translated; an exception that is
  not one of the core's reaches it as a calm, translated sentence, never an empty one.
"""

from __future__ import annotations

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
from app.errors import Phrase, QuietroomError, UsageError
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.export.verify import verify_in_vault
from app.org import org_init, org_remove
from app.vault import keys
from app.vault.database import storage_error
from app.vault.header import Recovery
from app.vault.vault import header_path, read_header
from crypto import keyring_binding
from crypto.errors import KeyringFailure, KeyringUnavailable
from tests.conftest import FAST_KDF, PASSPHRASE, REPO
from tests.error_catalogue import (
    catalogue,
    code_problems,
    placeholders,
    site_problems,
    sites,
    templates,
)
from tests.ui.conftest import FakeNavigator, call
from ui import core_messages, i18n
from ui.backend import Backend
from ui.core_messages import CORE_MESSAGES, translate, translate_error
from ui.screens.unlock import UnlockScreen, calm_sentence

TS = REPO / "app" / "resources" / "i18n" / "quietroom_cy.ts"
SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


# --- the core's catalogue -------------------------------------------------------------------


@pytest.fixture(scope="module")
def core() -> dict[str, str]:
    """code -> English template, as app/'s source raises it."""
    return templates()


def test_every_error_has_a_literal_code_and_template() -> None:
    found = sites()
    # A sanity check on the scan itself: the core raises a few hundred errors, from every
    # package, the command line's argparse errors included.
    assert len(found) > 200
    where = {site.path.relative_to(REPO / "app").parts[0] for site in found}
    assert {"cli", "engine", "export", "guides", "org", "render", "vault"} <= where
    assert site_problems(found) == []


def test_one_code_has_one_template() -> None:
    assert code_problems(sites()) == []


def test_shared_sentences_share_one_code() -> None:
    """A sentence raised from several places (through one helper) is one code."""
    by_template: dict[str, set[str]] = {}
    for code, found in catalogue().items():
        for template in found:
            by_template.setdefault(template, set()).add(code)
    for template in (
        "no case has that id or reference; see 'case list'",
        "{path} is not an age identity file",
        "cannot read {path}: {reason}",
        "the folder {path} does not exist",
        "the vault is locked",
        "the year {year} is before {first}; check the year",
    ):
        assert len(by_template[template]) == 1, by_template[template]


# --- the interface's table against the core -------------------------------------------------


@pytest.mark.parametrize("code", sorted(CORE_MESSAGES))
def test_each_entry_is_the_cores_own(code: str, core: dict[str, str], qapp: Any) -> None:
    assert code in core, f"{code}: the core raises no such code (update ui/core_messages.py)"
    assert CORE_MESSAGES[code]() == core[code], (
        f"{code}: the core now says {core[code]!r}; update ui/core_messages.py and the "
        "Welsh in quietroom_cy.ts"
    )


def test_the_table_holds_the_messages_an_interviewer_meets(core: dict[str, str]) -> None:
    for code in (
        "vault.wrong_passphrase",
        "vault.busy",
        "vault.disk_full",
        "vault.read_only",
        "vault.damaged",
        "internal.unexpected",
        "case.not_found",
        "hint.recover",
        "file_kind.certificate",
    ):
        assert code in CORE_MESSAGES


def welsh_entries() -> dict[str, tuple[str, str | None]]:
    """source -> (Welsh, its type attribute) in the CoreMessages context."""
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "CoreMessages":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[message.findtext("source") or ""] = (
                translation.text or "",
                translation.get("type"),
            )
    return found


def test_every_entry_has_a_complete_welsh_translation() -> None:
    welsh = welsh_entries()
    sources = {text(): code for code, text in CORE_MESSAGES.items()}
    assert sorted(welsh) == sorted(sources), "CoreMessages in quietroom_cy.ts and the table differ"
    for source, (translation, kind) in welsh.items():
        assert kind not in ("obsolete", "vanished"), source
        assert translation.strip() and translation != source, source
        assert placeholders(translation) == placeholders(source), translation


def test_new_entries_are_marked_unreviewed_like_every_other() -> None:
    """No Welsh speaker has reviewed these yet: "unfinished" is how the catalogue says so
    (lrelease still compiles them, so the Welsh interface shows them)."""
    welsh = welsh_entries()
    for code in ("internal.unexpected", "vault.busy", "vault.disk_full", "vault.read_only"):
        assert welsh[CORE_MESSAGES[code]()][1] == "unfinished", code


# --- translating -------------------------------------------------------------------------


@pytest.fixture
def welsh(qapp: Any) -> Iterator[None]:
    """The Welsh interface installed as the app does when Welsh is chosen."""
    assert i18n.install("cy"), "build the Welsh catalogue first: make translations"
    yield
    i18n.install("en")


def in_welsh(message: Phrase) -> str:
    assert i18n.install("cy"), "build the Welsh catalogue first: make translations"
    try:
        return translate(message)
    finally:
        i18n.install("en")


def sample(template: str) -> dict[str, object]:
    return {name: f"<{name}>" for name in placeholders(template)}


@pytest.mark.parametrize("code", sorted(CORE_MESSAGES))
def test_every_entry_reads_in_welsh(code: str, core: dict[str, str], welsh: None) -> None:
    values: dict[str, object] = sample(core[code])
    if "hint" in values:
        values["hint"] = Phrase("hint.recover", core["hint.recover"])
    if "what" in values:
        values["what"] = Phrase("file_kind.key", core["file_kind.key"])
    message = Phrase(code, core[code], **values)
    translated = translate(message)
    assert translated != str(message)
    assert "{" not in translated
    for name, value in values.items():
        if not isinstance(value, Phrase):
            assert str(value) in translated, (name, translated)  # shown as it was typed


def test_a_fixed_phrase_is_translated_inside_its_message(core: dict[str, str], welsh: None) -> None:
    hint = Phrase("hint.no_recovery", core["hint.no_recovery"])
    message = Phrase(
        "keyring.secret_missing", core["keyring.secret_missing"], label="KWallet", hint=hint
    )
    translated = translate(message)
    assert "KWallet" in translated and "allwedd adfer" in translated
    assert "recovery" not in translated
    kind = Phrase("file_kind.certificate", core["file_kind.certificate"])
    assert "ffeil tystysgrif" in translate(
        Phrase("file.missing", core["file.missing"], what=kind, path="/home/jo/cert.pem")
    )


@pytest.mark.parametrize(
    "message",
    [
        Phrase("nobody.knows", "something nobody has seen before"),
        # the backup's wording has its own codes, which the interface does not translate
        Phrase(
            "keyring.backup_secret_missing",
            "this backup's device secret is missing from {label}; {hint}",
            label="Secret Service",
            hint=Phrase("hint.no_recovery", "x"),
        ),
        # a known message whose phrase is unknown stays whole, in English
        Phrase(
            "keyring.secret_missing",
            "this vault's device secret is missing from {label}; {hint}",
            label="KWallet",
            hint=Phrase("hint.nobody_knows", "a hint nobody knows"),
        ),
    ],
    ids=["unknown code", "untranslated code", "unknown phrase"],
)
def test_what_cannot_be_translated_stays_english(message: Phrase, welsh: None) -> None:
    assert translate(message) == str(message)


def test_a_broken_translation_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch, core: dict[str, str], welsh: None
) -> None:
    monkeypatch.setitem(CORE_MESSAGES, "vault.throttled", lambda: "aros {eiliadau} eiliad")
    message = Phrase("vault.throttled", core["vault.throttled"], seconds=4)
    assert translate(message) == "too many wrong passphrases; wait 4 seconds before trying again"


# --- real errors from real core calls --------------------------------------------------------


def refusal(fn: Callable[[], object]) -> QuietroomError:
    with pytest.raises(QuietroomError) as caught:
        fn()
    return caught.value


def assert_is(code: str, error: QuietroomError | Phrase) -> None:
    """The error has this code; in English the table gives exactly the core's sentence,
    in Welsh a Welsh one showing what was typed as it was."""
    message = error.phrase if isinstance(error, QuietroomError) else error
    assert message.code == code, (message.code, str(message))
    assert code in CORE_MESSAGES, code
    assert translate(message) == str(message)
    welsh_text = in_welsh(message)
    assert welsh_text != str(message), code
    assert "{" not in welsh_text, welsh_text
    for name, value in message.params.items():
        if not isinstance(value, Phrase):
            assert str(value) in welsh_text, (code, name, welsh_text)


def fresh_session(root: Path, **kwargs: Any) -> Session:
    s = Session(root)
    s.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF, **kwargs)
    return s


def test_unlocking_and_creating(tmp_path: Path, qapp: Any) -> None:
    root = tmp_path / "vault"
    fresh_session(root).lock()
    s = Session(root)
    for _ in range(3):
        assert_is("vault.wrong_passphrase", refusal(lambda: s.unlock("not the passphrase")))
    assert_is("vault.throttled", refusal(lambda: s.unlock("not the passphrase either")))
    assert_is(
        "passphrase.too_short",
        refusal(
            lambda: Session(tmp_path / "other").create(
                "short", use_keyring=False, kdf_params=FAST_KDF
            )
        ),
    )
    assert_is("vault.exists", refusal(lambda: fresh_session(root)))
    assert_is("vault.locked", refusal(lambda: s.engine))


def test_a_second_window_on_the_same_vault(tmp_path: Path, qapp: Any) -> None:
    first = fresh_session(tmp_path / "vault")
    try:
        assert_is(
            "vault.open_elsewhere", refusal(lambda: Session(tmp_path / "vault").unlock(PASSPHRASE))
        )
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
    assert_is("vault.truncated", refusal(unlock))
    database.write_bytes(bytes(4096 * 2))
    assert_is("vault.damaged", refusal(unlock))
    database.unlink()
    assert_is("vault.database_missing", refusal(unlock))
    database.write_bytes(original)
    header = header_path(closed_vault)
    doc = json.loads(header.read_bytes())
    header.write_text(json.dumps({**doc, "version": 99}), encoding="utf-8")
    assert_is("vault.newer_format", refusal(unlock))
    header.write_bytes(b"{not json")
    assert_is("vault.header_damaged", refusal(unlock))
    header.unlink()
    assert_is("vault.header_lost", refusal(unlock))


@pytest.mark.parametrize("recovery", [False, True])
def test_keyring_problems(
    closed_vault: Path, monkeypatch: pytest.MonkeyPatch, recovery: bool, qapp: Any
) -> None:
    """The core's own wording when the device secret cannot be had, with either hint."""
    header = dataclasses.replace(
        read_header(closed_vault),
        keyring_backend=SECRET_SERVICE,
        secret_check=b"\x01" * 32,
        recovery=Recovery("age1example", b"sealed") if recovery else None,
    )

    def unavailable(*_a: Any, **_k: Any) -> Any:
        raise KeyringUnavailable("none")

    def unreadable(*_a: Any, **_k: Any) -> Any:
        raise KeyringFailure("locked")

    hint = "hint.recover" if recovery else "hint.no_recovery"
    monkeypatch.setattr(keyring_binding, "find_backend", unavailable)
    error = refusal(lambda: keys.current_binding(header))
    assert_is("keyring.unavailable", error)
    assert isinstance(error.params["hint"], Phrase) and error.params["hint"].code == hint
    monkeypatch.setattr(keyring_binding, "find_backend", lambda *a, **k: object())
    monkeypatch.setattr(keyring_binding, "load", unreadable)
    assert_is("keyring.unreadable", refusal(lambda: keys.current_binding(header)))
    monkeypatch.setattr(keyring_binding, "load", lambda *a, **k: None)
    assert_is("keyring.secret_missing", refusal(lambda: keys.current_binding(header)))
    monkeypatch.setattr(keyring_binding, "load", lambda *a, **k: bytearray(b"\x02" * 32))
    assert_is("keyring.secret_mismatch", refusal(lambda: keys.current_binding(header)))
    # A backup's wording has its own codes; the interface leaves it whole, in English.
    backup = refusal(lambda: keys.current_binding(header, backup=True))
    assert backup.code == "keyring.backup_secret_mismatch"
    assert in_welsh(backup.phrase) == str(backup)


@pytest.mark.usefixtures("keyring_session")
def test_the_device_secret_gone_from_the_real_keyring(
    tmp_path: Path, qtbot: Any, nav: FakeNavigator, welsh: None
) -> None:
    """The real Secret Service: the secret removed, the unlock screen says so in Welsh."""
    root = tmp_path / "vault"
    s = Session(root)
    s.create(PASSPHRASE, use_keyring=True, kdf_params=FAST_KDF)
    s.lock()
    keyring_binding.delete(keyring_binding.find_backend(), read_header(root).vault_id)
    error = refusal(lambda: Session(root).unlock(PASSPHRASE))
    assert error.code == "keyring.secret_missing"
    backend = Backend(Session(root))
    try:
        screen = UnlockScreen(backend, nav)
        qtbot.addWidget(screen)
        screen.show()
        screen.entered()
        qtbot.keyClicks(screen.passphrase, PASSPHRASE)
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
        assert screen.message.text() == calm_sentence(translate_error(error))
        assert screen.message.text().startswith("Mae cyfrinach dyfais y gladdgell hon ar goll")
    finally:
        backend.shutdown()


def test_the_workspace_and_sittings(session: Session, qapp: Any) -> None:
    e = session.engine
    ref = e.create_case("csa", "CSA-CM-1").id
    assert_is("case.not_found", refusal(lambda: e.case("CSA-NOBODY")))
    assert_is("sitting.none_in_progress", refusal(lambda: e.pause_sitting(ref, "witness")))
    e.start_sitting(ref)
    assert_is("sitting.already_in_progress", refusal(lambda: e.start_sitting(ref)))
    assert_is("pause.not_paused", refusal(lambda: e.resume_sitting(ref)))
    e.pause_sitting(ref, "witness")
    assert_is("pause.already_paused", refusal(lambda: e.pause_sitting(ref, "interviewer")))
    e.resume_sitting(ref)
    e.end_sitting(ref)


def test_read_back_and_signing(session: Session, qapp: Any) -> None:
    e = session.engine
    ref = e.create_case("apsp", "APSP-CM-1").id
    empty = json.dumps({"version": 1, "width": 400, "height": 150, "strokes": []}).encode()
    assert_is("signature.empty", refusal(lambda: e.sign_statement(ref, empty, STROKES_TYPE)))
    assert_is("readback.no_text", refusal(lambda: e.confirm_readback(ref)))
    e.save_section(ref, "account", "He sent messages late at night.")
    assert_is("statement.not_read_back", refusal(lambda: e.sign_statement(ref, SIGNATURE)))
    e.confirm_readback(ref)
    assert_is("statement.witness_name_needed", refusal(lambda: e.sign_statement(ref, SIGNATURE)))
    e.set_witness(ref, name="Dana Price", age_status="over_18")
    confirm_all_pages(e, ref)  # the witness confirmed each page
    e.sign_statement(ref, SIGNATURE)
    assert_is("statement.already_signed", refusal(lambda: e.sign_statement(ref, SIGNATURE)))
    assert_is(
        "statement.signed", refusal(lambda: e.save_section(ref, "account", "Something else."))
    )
    assert_is("sitting.statement_signed", refusal(lambda: e.start_sitting(ref)))


def test_when_something_happened(session: Session, clock: FakeClock, qapp: Any) -> None:
    e = session.engine
    ref = e.create_case("csa", "CSA-CM-2").id
    add = lambda when: lambda: e.add_event(ref, when, "It happened.")  # noqa: E731
    assert_is("date.not_understood", refusal(add("haf 1987")))
    assert_is("date.in_future", refusal(add("summer 2999")))
    assert_is("date.backwards", refusal(add("1987 to 1985")))
    assert_is("date.needs_birth_date", refusal(add("aged about 12")))
    assert_is("date.year_too_early", refusal(add("1850")))
    assert_is("date.no_earlier_event", refusal(add("the Christmas after we moved")))
    e.set_restricted(ref, date_of_birth="1975-05-01")
    assert_is("date.age_impossible", refusal(add("aged about 150")))
    clock.set(clock.now().replace(year=1970))
    assert_is("date.birth_after_today", refusal(add("aged about 12")))


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org")
    return tmp_path / "org"


def test_identity_import(session: Session, org: Path, tmp_path: Path, qapp: Any) -> None:
    e = session.engine
    member = org / "interviewer"
    cert, key, age = member / "cert.pem", member / "key.pem", member / "age-identity.txt"
    missing = refusal(lambda: e.import_identity(tmp_path / "none.pem", key))
    assert_is("file.missing", missing)
    assert "ffeil tystysgrif" in in_welsh(missing.phrase)
    big = tmp_path / "big.pem"
    big.write_bytes(b"x" * (8 * 1024 * 1024))
    assert_is("file.unreadable", refusal(lambda: e.import_identity(cert, big)))
    assert_is("identity.key_needed", refusal(lambda: e.import_identity(cert, None)))
    assert_is(
        "identity.ca_certificate",
        refusal(lambda: e.import_identity(org / "ca.pem", org / "ca-key.pem")),
    )
    assert_is("identity.not_age_identity", refusal(lambda: e.import_identity(cert, key, cert)))
    other = tmp_path / "other-org"
    org_init(other)
    assert_is(
        "identity.not_in_trust_file",
        refusal(lambda: e.import_identity(cert, key, age, other / "trust.json")),
    )
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copy(org / "trust.json", lonely / "trust.json")
    assert_is(
        "trust.unsigned", refusal(lambda: e.import_identity(cert, key, age, lonely / "trust.json"))
    )


def test_trust_file_refusals(
    session: Session, clock: FakeClock, org: Path, tmp_path: Path, qapp: Any
) -> None:
    """An older trust file and one past its next update: refused in the interface's
    language (the core's rules are in tests/core/test_trust_serial.py)."""
    e = session.engine
    member = org / "interviewer"
    cert, key, age = member / "cert.pem", member / "key.pem", member / "age-identity.txt"
    old = tmp_path / "old"
    old.mkdir()
    for name in ("trust.json", "trust.json.p7s", "ca.pem"):
        shutil.copy(org / name, old / name)
    org_remove(org, "Supervisor One")
    e.import_identity(cert, key, age, org / "trust.json")
    assert_is(
        "trust.rolled_back", refusal(lambda: e.import_identity(cert, key, age, old / "trust.json"))
    )
    assert_is(
        "identity.trust_list_signer",
        refusal(
            lambda: e.import_identity(
                org / "trust-signer" / "cert.pem", org / "trust-signer" / "key.pem"
            )
        ),
    )
    trust = e.trust()
    assert trust is not None and trust.next_update is not None
    clock.set(trust.next_update)
    ref = e.create_case("apsp", "APSP-CM-3", interviewer="Interviewer One").id
    assert_is("trust.expired", refusal(lambda: export_case(e, ref, tmp_path / "late.qrb")))


def test_export_and_opening_bundles(session: Session, org: Path, tmp_path: Path, qapp: Any) -> None:
    e = session.engine
    member = org / "interviewer"
    cert, key, age = member / "cert.pem", member / "key.pem", member / "age-identity.txt"
    ref = e.create_case("apsp", "APSP-CM-2", interviewer="Interviewer One").id
    out = tmp_path / "out.qrb"
    assert_is("identity.none", refusal(lambda: export_case(e, ref, out)))
    assert_is(
        "file.no_such_folder",
        refusal(lambda: export_case(e, ref, tmp_path / "missing" / "out.qrb")),
    )
    e.import_identity(cert, key)
    assert_is("export.no_own_age_identity", refusal(lambda: export_case(e, ref, out)))
    assert_is("identity.no_age_identity", refusal(lambda: verify_in_vault(e, out)))
    e.import_identity(cert, key, age)
    assert_is("identity.no_trust_file", refusal(lambda: verify_in_vault(e, out)))
    e.import_identity(cert, key, age, org / "trust.json")
    assert_is("export.not_a_member", refusal(lambda: export_case(e, ref, out, ["Nobody Known"])))
    assert_is("export.not_signed", refusal(lambda: export_case(e, ref, out)))
    assert_is("file.cannot_read", refusal(lambda: verify_in_vault(e, tmp_path)))
    # A bundle that does not open is not refused: the report says why, in its first line,
    # and keeps the error behind it for the screen to translate.
    out.write_bytes(b"not a bundle at all")
    assert_is("bundle.not_age_encrypted", first_problem(e, out))
    stranger = pyrage.x25519.Identity.generate()
    out.write_bytes(pyrage.encrypt(b"hello", [stranger.to_public()]))
    assert_is("bundle.not_a_recipient", first_problem(e, out))
    mine = pyrage.x25519.Identity.from_str(
        next(line for line in age.read_text().splitlines() if line.startswith("AGE-"))
    )
    sealed = bytearray(pyrage.encrypt(b"hello" * 100, [mine.to_public()]))
    sealed[-20] ^= 0xFF
    out.write_bytes(bytes(sealed))
    assert_is("bundle.does_not_decrypt", first_problem(e, out))


def first_problem(engine: Any, bundle: Path) -> Phrase:
    report = verify_in_vault(engine, bundle)
    assert not report.ok
    check = next(c for c in report.checks if not c.ok)
    assert check.reason is not None and str(check.reason) == check.detail
    return check.reason


def test_what_the_vault_storage_says(qapp: Any) -> None:
    """Busy, full and read-only (their real SQLCipher errors: tests/core/test_storage_errors)."""
    import sqlcipher3

    for code, text in (
        ("vault.busy", "database is locked"),
        ("vault.disk_full", "database or disk is full"),
        ("vault.read_only", "attempt to write a readonly database"),
    ):
        error = storage_error(sqlcipher3.OperationalError(text))
        assert error is not None
        assert_is(code, error)


# --- through the Backend, to a screen -----------------------------------------------------


def test_a_wrong_passphrase_in_welsh(
    qtbot: Any, nav: FakeNavigator, backend: Backend, session: Session, welsh: None
) -> None:
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


def failure(qtbot: Any, backend: Backend, fn: Callable[..., Any], *args: Any) -> tuple[str, int]:
    box: dict[str, Any] = {}
    backend.run(fn, *args, failed=lambda m, c: box.setdefault("failed", (m, c)))
    qtbot.waitUntil(lambda: "failed" in box, timeout=15_000)
    result: tuple[str, int] = box["failed"]
    return result


def test_the_backend_hands_screens_the_welsh(qtbot: Any, backend: Backend, welsh: None) -> None:
    ref = call(qtbot, backend, lambda s: s.engine.create_case("csa", "CSA-CM-3").id)
    assert failure(qtbot, backend, lambda s, r: s.engine.pause_sitting(r, "witness"), ref) == (
        "does dim sesiwn ar y gweill ar gyfer yr achos hwn; dechreuwch un gyda 'sitting start'",
        1,
    )


def test_the_backend_hands_screens_the_english_unchanged(qtbot: Any, backend: Backend) -> None:
    ref = call(qtbot, backend, lambda s: s.engine.create_case("csa", "CSA-CM-4").id)
    assert failure(qtbot, backend, lambda s, r: s.engine.pause_sitting(r, "witness"), ref) == (
        "no sitting is in progress for this case; start one with 'sitting start'",
        1,
    )


def crash(session: Session) -> None:
    raise RuntimeError("case text that must never reach the screen")


def test_a_surprise_in_a_job_is_a_calm_sentence(
    qtbot: Any, backend: Backend, core: dict[str, str]
) -> None:
    message, code = failure(qtbot, backend, crash)
    assert (message, code) == (core["internal.unexpected"], 1)
    assert message and "case text" not in message


def test_a_surprise_in_a_job_is_a_calm_sentence_in_welsh(
    qtbot: Any, backend: Backend, core: dict[str, str], welsh: None
) -> None:
    message, code = failure(qtbot, backend, crash)
    assert code == 1
    assert (
        message == "aeth rhywbeth o'i le a does dim byd arall wedi newid; rhowch gynnig arall arni"
    )


def test_an_error_the_table_does_not_know_reaches_the_screen_in_english(
    qtbot: Any, backend: Backend, welsh: None
) -> None:
    def refuse(session: Session) -> None:
        raise UsageError("test.unknown", "that section {name} does not exist", name="x")

    assert failure(qtbot, backend, refuse) == ("that section x does not exist", 1)


def test_translate_is_the_tables_and_nothing_else() -> None:
    """The module keeps no pattern table: only codes."""
    source = Path(core_messages.__file__).read_text(encoding="utf-8")
    assert "re.compile" not in source and "import re" not in source
    assert all(re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", code) for code in CORE_MESSAGES)
