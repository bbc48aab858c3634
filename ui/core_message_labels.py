"""The labels the core puts into its messages, in the interface language.

Many of the core's templates name what they refuse with a plain-English label passed as
a parameter (ui/core_messages.py translates the template by its code):

- `{what}`, what a typed text is: "{what} is too long (at most {limit} characters)" with
  "the note", "the reason", "when it happened" (app/engine/base.py's short_text and
  long_text and their callers), "the preferred name" and the like built from a witness or
  restricted detail's key (app/engine/case_details.py), or a guide field's own label
  ("Police force or organisation": app/engine/cases.py's set_field);
- `{what}`, what a file written is ("bundle": app/fsutil.py) and what the PDF font cannot
  show ("statement": app/render/fonts.py's refuse_missing_glyphs); a kind of file read
  (app/org/trust.py) comes as a Phrase, which ui/core_messages.py translates by its code;
- `{field}`, a guide field's id ("role takes exactly one value"), shown in Welsh by its
  label in the Welsh guide (app/desktop/workspace.py's field_labels);
- `{state}`, a sitting's state ("sitting 2 is still paused").

`translated_label` gives a label in the interface language, or None when it cannot: a
label this table does not know, one with no translation yet, a field whose Welsh label
the guides do not settle. ui/core_messages.py then keeps the whole message in English,
never half-translated. In English every label is the core's own, unchanged.

The Welsh is written so that any label fits any sentence it goes into. A label (`what`,
`field`) is a noun phrase that begins with its article, "y"/"yr" ("y nodyn", "yr iaith",
"y maes ‘Rôl’"), or with a vowel ("enw'r darllenydd"), and every Welsh template puts it
after a word that ends in a consonant ("mae gormod o nodau yn {what}", "ar gyfer
{what}"): there the article stays "y"/"yr" (after a vowel it would be "'r") and nothing
mutates. A state is what follows a sitting's number: "mae sesiwn 2 ar saib o hyd".
tests/ui/test_core_message_labels.py holds the catalogue to both, and finds every label
the core passes (a new one missing here fails it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.desktop.workspace import field_labels
from ui import i18n

# The parameters, by name, that carry one of the core's labels...
LABEL_PARAMETERS = frozenset({"what", "field", "state"})
# ...except where one so named echoes what was typed: an unknown field's id, as given.
ECHOED = frozenset({("field.unknown", "field")})

# What the core passes as {what}, by its English: every literal is the core's own.
LABELS: dict[str, Callable[[], str]] = {
    # a new case and the witness's details (app/engine/cases.py, case_details.py; the
    # details' keys give "the " + the key: "the preferred name")
    "the reference": lambda: QCoreApplication.translate("CoreMessageLabels", "the reference"),
    "the interviewer's name": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the interviewer's name"
    ),
    "the name": lambda: QCoreApplication.translate("CoreMessageLabels", "the name"),
    "the preferred name": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the preferred name"
    ),
    "the pronouns": lambda: QCoreApplication.translate("CoreMessageLabels", "the pronouns"),
    "the occupation": lambda: QCoreApplication.translate("CoreMessageLabels", "the occupation"),
    "the communication needs": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the communication needs"
    ),
    "the language": lambda: QCoreApplication.translate("CoreMessageLabels", "the language"),
    "the interpreter language": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the interpreter language"
    ),
    "the list of topics to avoid": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the list of topics to avoid"
    ),
    "the support wanted": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the support wanted"
    ),
    "the ABE recording reference": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the ABE recording reference"
    ),
    # the restricted details and the consents
    "the address": lambda: QCoreApplication.translate("CoreMessageLabels", "the address"),
    "the phone": lambda: QCoreApplication.translate("CoreMessageLabels", "the phone"),
    "the email": lambda: QCoreApplication.translate("CoreMessageLabels", "the email"),
    "the safe contact": lambda: QCoreApplication.translate("CoreMessageLabels", "the safe contact"),
    "the safe times": lambda: QCoreApplication.translate("CoreMessageLabels", "the safe times"),
    "the dates to avoid": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the dates to avoid"
    ),
    "the special measures": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the special measures"
    ),
    "the other needs": lambda: QCoreApplication.translate("CoreMessageLabels", "the other needs"),
    "the note about attending court": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the note about attending court"
    ),
    "the consent": lambda: QCoreApplication.translate("CoreMessageLabels", "the consent"),
    "the consent's limit": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the consent's limit"
    ),
    "the participant's name": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the participant's name"
    ),
    # the interview: sittings, pauses, notes, the timeline, hints, exhibits
    "the location": lambda: QCoreApplication.translate("CoreMessageLabels", "the location"),
    "the reason": lambda: QCoreApplication.translate("CoreMessageLabels", "the reason"),
    "the note": lambda: QCoreApplication.translate("CoreMessageLabels", "the note"),
    "what happened": lambda: QCoreApplication.translate("CoreMessageLabels", "what happened"),
    "when it happened": lambda: QCoreApplication.translate("CoreMessageLabels", "when it happened"),
    "the exhibit's description": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the exhibit's description"
    ),
    # the statement: its sections, read-back and corrections
    "the section text": lambda: QCoreApplication.translate("CoreMessageLabels", "the section text"),
    "the text": lambda: QCoreApplication.translate("CoreMessageLabels", "the text"),
    "the section with this text added": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the section with this text added"
    ),
    "the reader's name": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "the reader's name"
    ),
    "the correction": lambda: QCoreApplication.translate("CoreMessageLabels", "the correction"),
    # what the PDF font cannot show (app/render/fonts.py: "The {what} contains…")
    "statement": lambda: QCoreApplication.translate("CoreMessageLabels", "statement"),
    "exhibit's description": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "exhibit's description"
    ),
    "restricted details": lambda: QCoreApplication.translate(
        "CoreMessageLabels", "restricted details"
    ),
    # a file written (app/fsutil.py: "cannot write the {what} to {path}")
    "bundle": lambda: QCoreApplication.translate("CoreMessageLabels", "bundle"),
    "backup": lambda: QCoreApplication.translate("CoreMessageLabels", "backup"),
    "decision file": lambda: QCoreApplication.translate("CoreMessageLabels", "decision file"),
}

# A sitting's state, as the vault stores it ("sitting {number} is still {state}").
STATES: dict[str, Callable[[], str]] = {
    "running": lambda: QCoreApplication.translate("CoreMessageLabels", "running"),
    "paused": lambda: QCoreApplication.translate("CoreMessageLabels", "paused"),
}


def guide_field() -> str:
    """How a message names a guide field by its label (in English never used: the core's
    own sentence names the field as it does)."""
    return QCoreApplication.translate("CoreMessageLabels", "the field ‘{label}’")


def is_label(code: str, name: str) -> bool:
    """Whether the parameter `name` of the message `code` carries one of the core's labels."""
    return name in LABEL_PARAMETERS and (code, name) not in ECHOED


def translated_label(name: str, value: str) -> str | None:
    """The label `value`, passed as the parameter `name`, in the interface language; None
    when it cannot be (the message then stays whole in English)."""
    language = i18n.language()
    if language == "en":
        return value
    if name == "field":  # a guide field's id
        return _named_field(field_labels(language).by_id.get(value))
    entry = (STATES if name == "state" else LABELS).get(value)
    if entry is not None:
        shown = entry()
        return None if shown == value else shown  # no translation yet: not half of one
    if name == "what":  # a guide field's own label (a text field's value refused)
        return _named_field(field_labels(language).by_label.get(value))
    return None


def _named_field(label: str | None) -> str | None:
    """A guide field named by its translated label ("y maes ‘Rôl’"); None without one."""
    form = guide_field()
    if label is None or "{label}" not in form or form == "the field ‘{label}’":
        return None
    return form.replace("{label}", label)
