"""Messages in one of three kinds, each with its own icon and coloured edge (the style
sheets' `QLabel#message[kind=…]`): information, success, and a problem. A problem is
amber, never red; the icon's shape tells the kinds apart without colour. Screen readers
hear the kind before the text, in the accessible description, and each new message is
announced as it appears (ui/widgets/announce.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ui.core_messages import sentence
from ui.widgets.announce import announce

INFO, SUCCESS, ERROR = "info", "success", "error"


def kind_words() -> dict[str, str]:
    return {
        INFO: QCoreApplication.translate("Notice", "Information"),
        SUCCESS: QCoreApplication.translate("Notice", "Done"),
        ERROR: QCoreApplication.translate("Notice", "Problem"),
    }


def say(
    label: QLabel,
    text: str,
    kind: str = INFO,
    *,
    speak: bool = True,
    assertive: bool = False,
) -> None:
    """Show `text` in the message `label` as `kind`, as a sentence (the core's messages
    are clauses: "nid oes hunaniaeth…" becomes "Nid oes hunaniaeth….");
    an empty text hides it.

    Every message is announced to a screen reader as it is shown (the same words again
    too: they answer another press of the same button): politely, or at once when
    `assertive` (a refused unlock only). `speak=False` when the caller says it otherwise
    (a problem summary takes the focus, which speaks it)."""
    text = sentence(text)
    if label.property("kind") != kind:
        label.setProperty("kind", kind)
        style = label.style()
        style.unpolish(label)  # the style sheet reads the property when polished
        style.polish(label)
    label.setText(text)
    label.setAccessibleDescription(kind_words()[kind] if text else "")
    label.setVisible(bool(text))
    if text and speak:
        announce(label, text, assertive=assertive)
