"""Real errors, raised by real core calls (a wrong passphrase on a real vault, signing
before read-back, a bundle that does not decrypt…), come out of the translation as
exactly the core's sentence in English and as Welsh with Welsh installed, showing what
was typed as it was (the table itself: test_core_messages.py).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pyrage
import pytest

from app.desktop.session import Session
from app.engine.clock import FakeClock
from app.engine.statements import STROKES_TYPE
from app.errors import Phrase, QuietroomError
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
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.core_messages_helpers import refusal
from ui import i18n
from ui.core_messages import CORE_MESSAGES, translate
from ui.core_messages_desktop import DESKTOP_MESSAGES

SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


# --- real errors from real core calls --------------------------------------------------------


def in_welsh(message: Phrase) -> str:
    assert i18n.install("cy"), "build the Welsh catalogue first: make translations"
    try:
        return translate(message)
    finally:
        i18n.install("en")


def in_the_app(message: Phrase) -> str:
    """The English the app shows: the core's sentence, or the app's own wording where the
    core's names a command (ui/core_messages_desktop.py), parts included."""
    wording = DESKTOP_MESSAGES.get(message.code)
    template = wording() if wording is not None else message.template
    values = {
        name: in_the_app(value) if isinstance(value, Phrase) else value
        for name, value in message.params.items()
    }
    return template.format(**values)


def assert_is(code: str, error: QuietroomError | Phrase) -> None:
    """The error has this code; in English the table gives exactly the core's sentence
    (or the app's wording of it), in Welsh a Welsh one showing what was typed as it was."""
    message = error.phrase if isinstance(error, QuietroomError) else error
    assert message.code == code, (message.code, str(message))
    assert code in CORE_MESSAGES or code in DESKTOP_MESSAGES, code
    assert translate(message) == in_the_app(message)
    welsh_text = in_welsh(message)
    assert welsh_text not in (str(message), in_the_app(message)), code
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
    assert_is("date.not_understood", refusal(add("the summer when the lane flooded")))
    assert_is("date.in_future", refusal(add("summer 2999")))
    assert_is("date.backwards", refusal(add("1987 to 1985")))
    assert_is("date.needs_birth_date", refusal(add("aged about 12")))
    assert_is("date.year_too_early", refusal(add("1850")))
    assert_is("date.no_earlier_event", refusal(add("the Christmas after we moved")))
    e.set_restricted(ref, date_of_birth="1975-05-01")
    assert_is("date.age_impossible", refusal(add("aged about 150")))
    assert_is("date.parts_disagree", refusal(add("summer 1987, aged 20")))
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
