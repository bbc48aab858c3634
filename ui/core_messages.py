"""The core's error messages in the interface language, by code.

The core (app/) knows no Qt: it raises QuietroomError subclasses carrying a stable code
(`vault.wrong_passphrase`), an English template with `{name}` placeholders and the
parameters that fill it (app/errors.py). The Backend hands the GUI thread that message
as a `Phrase` (code, template, parameters), never a pre-rendered sentence, and
`translate` puts it into the interface language before a screen sees it.

`CORE_MESSAGES` (with its parts: ui/core_messages_interview.py, _exchange.py, _details.py,
_documents.py and _files.py) maps a code to its template as a source string for Qt's
translation system (context "CoreMessages"): the core's own English template, written
out as a literal in a QCoreApplication.translate call because pyside6-lupdate only
extracts literals. In the English interface the "translation" is therefore the very sentence the
core wrote. A parameter that is itself a Phrase (the recovery hint after a keyring
problem, the kind of file in an identity import) is translated by its own code, and a
phrase this table does not know leaves the whole message in English rather than
half-translated. A parameter that is one of the core's English labels ("{what} is too
long" with "the note") is translated by ui/core_message_labels.py, and a label that
cannot be leaves the whole message in English too; so does a code the table does not
know, and a translation that does not fit its parameters. Every code here is checked
against the core's source by tests/ui/test_core_messages.py (same code, same English
template), so a reworded core message fails a test instead of quietly falling back to
English; and every code the core raises where the app runs is in the table, or named
with its reason as one the app never meets (tests/ui/test_core_messages_coverage.py).

Where the core's sentence names a command to type ("('statement further')"), the app
shows its own wording instead (ui/core_messages_desktop.py), naming what to press.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from app.errors import Phrase, QuietroomError
from ui.core_message_labels import is_label, translated_label
from ui.core_messages_desktop import DESKTOP_MESSAGES
from ui.core_messages_details import DETAIL_MESSAGES
from ui.core_messages_documents import DOCUMENT_MESSAGES
from ui.core_messages_exchange import EXCHANGE_MESSAGES
from ui.core_messages_files import FILE_MESSAGES
from ui.core_messages_interview import INTERVIEW_MESSAGES

# The translation context; every call below spells it out as a literal (see above).
CONTEXT = "CoreMessages"

CORE_MESSAGES: dict[str, Callable[[], str]] = {
    **INTERVIEW_MESSAGES,
    **EXCHANGE_MESSAGES,
    **DETAIL_MESSAGES,
    **DOCUMENT_MESSAGES,
    **FILE_MESSAGES,
    # a failure nobody foresaw (app/errors.py: unexpected)
    "internal.unexpected": lambda: QCoreApplication.translate(
        "CoreMessages", "something went wrong and nothing further was changed; please try again"
    ),
    # fixed phrases inside a message (Phrase parameters: {hint}, {what})
    "hint.recover": lambda: QCoreApplication.translate(
        "CoreMessages",
        "an administrator can restore access with 'quietroom-cli recover' and the organisation's "
        "recovery identity",
    ),
    "hint.no_recovery": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this vault has no recovery key, so it can only be opened on the machine and user "
        "account where it was created",
    ),
    "file_kind.certificate": lambda: QCoreApplication.translate("CoreMessages", "certificate file"),
    "file_kind.key": lambda: QCoreApplication.translate("CoreMessages", "key file"),
    "file_kind.trust": lambda: QCoreApplication.translate("CoreMessages", "trust file"),
}


Table = Mapping[str, Callable[[], str]]


def phrase_text(message: Phrase, tables: Sequence[Table]) -> str | None:
    """`message` in the interface language from the first of `tables` that has its code
    (a parameter that is itself a Phrase, likewise), or None when any part of it cannot
    be: the caller then shows the whole in English, never half-translated."""
    entry = next((table[message.code] for table in tables if message.code in table), None)
    if entry is None:
        return None
    values: dict[str, object] = {}
    for name, value in message.params.items():
        if isinstance(value, Phrase):
            inner = phrase_text(value, tables)
            if inner is None:  # a phrase we cannot translate: keep the whole in English
                return None
            value = inner
        elif isinstance(value, str) and is_label(message.code, name):
            label = translated_label(name, value)
            if label is None:  # a label we cannot translate: keep the whole in English
                return None
            value = label
        values[name] = value
    try:
        return entry().format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):  # a broken translation
        return None


def _translated(message: Phrase) -> str | None:
    """The message in the interface language, or None when any part of it cannot be."""
    return phrase_text(message, (DESKTOP_MESSAGES, CORE_MESSAGES))


def translate(message: Phrase) -> str:
    """The core's message in the interface language; in English when it cannot be."""
    translated = _translated(message)
    return str(message) if translated is None else translated


def translate_error(error: QuietroomError) -> str:
    return translate(error.phrase)


def sentence(message: str) -> str:
    """A core message (one plain clause) shown as a sentence."""
    message = message.strip()
    if not message:
        return ""
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "?", "!", "…")) else message + "."
