"""The core's errors carry a stable code; the screens translate them by that code.

- Every error the core (app/, the CLI included) constructs passes a literal code and a
  literal English template whose placeholders are exactly its named parameters, and one
  code always has one template (read from app/'s source: tests/error_catalogue.py).
- Every code in ui/core_messages.py is the core's, with the identical English template,
  and has a complete Welsh translation in quietroom_cy.ts, placeholders kept.
- Every entry reads in Welsh with Welsh installed; a phrase or code the table does not
  know, or a broken translation, leaves the message in English.
- Through the Backend: a core error reaches the screen translated; an exception that is
  not one of the core's reaches it as a calm, translated sentence, never an empty one.

Real errors from real core calls are test_core_messages_real_errors.py's.
"""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.desktop.session import Session
from app.errors import Phrase, UsageError
from app.vault.vault import read_header
from crypto import keyring_binding
from tests.conftest import FAST_KDF, PASSPHRASE, REPO
from tests.error_catalogue import (
    CODE,
    catalogue,
    code_problems,
    placeholders,
    site_problems,
    sites,
    templates,
)
from tests.ui.conftest import FakeNavigator, call
from tests.ui.core_messages_helpers import refusal
from ui import core_messages, i18n
from ui.backend import Backend
from ui.core_message_labels import is_label
from ui.core_messages import CORE_MESSAGES, translate, translate_error
from ui.core_messages_desktop import DESKTOP_MESSAGES
from ui.screens.unlock import UnlockScreen, calm_sentence

TS = REPO / "app" / "resources" / "i18n" / "quietroom_cy.ts"


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
    sources = {text(): code for code, text in {**CORE_MESSAGES, **DESKTOP_MESSAGES}.items()}
    sources |= {text(): code for code, text in CORE_MESSAGES.items()}
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


def sample(template: str) -> dict[str, object]:
    """A value for each placeholder: a number where the template formats one ({limit:,})."""
    specs = {field: spec for _, field, spec, _ in string.Formatter().parse(template) if field}
    return {name: 12345 if specs.get(name) else f"<{name}>" for name in placeholders(template)}


def written(value: object) -> tuple[str, ...]:
    """How a sample value may appear in a message (a number with or without a separator)."""
    return (str(value), f"{value:,}") if isinstance(value, int) else (str(value),)


@pytest.mark.parametrize("code", sorted(CORE_MESSAGES))
def test_every_entry_reads_in_welsh(code: str, core: dict[str, str], welsh: None) -> None:
    values: dict[str, object] = sample(core[code])
    if "hint" in values:
        values["hint"] = Phrase("hint.recover", core["hint.recover"])
    if "what" in values:
        values["what"] = Phrase("file_kind.key", core["file_kind.key"])
    # A label the core passes (ui/core_message_labels.py), which is translated too.
    labels = {"field": "role", "state": "paused"}
    values |= {name: labels[name] for name in values.keys() & labels if is_label(code, name)}
    message = Phrase(code, core[code], **values)
    translated = translate(message)
    assert translated != str(message)
    assert "{" not in translated or "{{" in core[code]  # only a brace the core writes itself
    for name, value in values.items():
        if not isinstance(value, Phrase) and not is_label(code, name):
            assert any(form in translated for form in written(value)), (name, translated)


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


# --- through the Backend, to a screen -----------------------------------------------------


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
        assert screen.message.text().startswith(
            "Mae cyfrinach y ddyfais ar gyfer y gladdgell hon ar goll"
        )
    finally:
        backend.shutdown()


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
        "does dim sesiwn ar y gweill ar gyfer yr achos hwn; pwyswch Dechrau sesiwn yn gyntaf",
        1,
    )


def test_the_backend_hands_screens_the_english_unchanged(qtbot: Any, backend: Backend) -> None:
    ref = call(qtbot, backend, lambda s: s.engine.create_case("csa", "CSA-CM-4").id)
    # In the app's own words (ui/core_messages_desktop.py), which name what to press.
    assert failure(qtbot, backend, lambda s, r: s.engine.pause_sitting(r, "witness"), ref) == (
        "no sitting is in progress for this case; press Start sitting first",
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
    assert all(CODE.fullmatch(code) for code in CORE_MESSAGES)  # a code (mg11.no_text), no pattern
