"""A refused submit that a screen reader hears (issue #18, the GOV.UK error summary): the
problem summary takes the focus, and each problem is tied to its field.

- `show_summary` shows the problem in the screen's message label (the calm amber
  "Problem" notice), lets that label take the focus and gives it the focus: a screen
  reader reads a focused widget whatever it is, so even a screen reader that ignores
  Qt's announcements says the problem (and an announcement would only say it twice,
  so there is none but for a refused unlock, which is said at once). Tab from the
  summary goes to the field in error, and what is typed there goes to that field, so a
  sighted person simply types again.
  `clear_summary` hides it and takes it out of the focus chain.
- `tie` puts the problem at the front of the field's accessible description (read when
  the field takes the focus) and makes the label showing it the field's label too (Qt's
  Labelled relation, from QLabel.setBuddy: Qt only relates a label to a field that has
  the same parent widget). `untie` puts the field back as it was. Where the screen's
  message is not beside the field (a wizard step's, above its scroll area),
  `tie_beside` shows the words in a new label just above the field, the GOV.UK inline
  message, and `untie_beside` takes it away again.

Qt has no public way to mark a widget's entry invalid: QAccessible.State.invalid means
"the object no longer exists", and the AT-SPI bridge has no invalid-entry state, so the
description and the relation are what tie a problem to its field.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QWidget

from ui.screens.base import plain_label
from ui.widgets.announce import announce
from ui.widgets.notice import ERROR, kind_words, say

PLAIN_DESCRIPTION = "plainAccessibleDescription"  # the field's description before a problem
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class _SummaryKeys(QObject):
    """The summary's keys: Tab goes to the field in error, and typing goes into it."""

    def __init__(self, summary: QLabel) -> None:
        super().__init__(summary)
        self.field: QWidget | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        field = self.field
        if event.type() != QEvent.Type.KeyPress or field is None or not field.isEnabled():
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        modifiers = key_event.modifiers()
        if key_event.key() == Qt.Key.Key_Tab and not modifiers & COMMAND_MODIFIERS:
            field.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        text = key_event.text()
        if text.isprintable() and text and not modifiers & COMMAND_MODIFIERS:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            QCoreApplication.sendEvent(
                field, QKeyEvent(key_event.type(), key_event.key(), modifiers, text)
            )
            return True
        return False


def _keys(summary: QLabel) -> _SummaryKeys:
    keys = summary.findChild(_SummaryKeys)
    if isinstance(keys, _SummaryKeys):
        return keys
    keys = _SummaryKeys(summary)
    summary.installEventFilter(keys)
    return keys


def show_summary(
    summary: QLabel, text: str, field: QWidget | None, *, assertive: bool = False
) -> None:
    """A refused submit: `text` in the summary, which takes the focus; Tab (or typing)
    leads on to `field`. The focus says it; only a refused unlock (`assertive`) is also
    announced, at once, over whatever was being said (the prompt, the typing)."""
    say(summary, text, ERROR, speak=False)
    summary.setAccessibleName(summary.text())  # a focusable widget is always named
    _keys(summary).field = field
    summary.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # focusable, but not a Tab stop
    summary.setFocus(Qt.FocusReason.OtherFocusReason)
    if assertive:
        announce(summary, summary.text(), assertive=True, notify=False)


def clear_summary(summary: QLabel) -> None:
    """The problem is gone (fixed, or the screen starts afresh): hide the summary."""
    say(summary, "")
    summary.setAccessibleName("")
    _keys(summary).field = None
    summary.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def tab_target(summary: QLabel) -> QWidget | None:
    """Where Tab and typing go from the summary: the field in error, if any."""
    keys = summary.findChild(_SummaryKeys)
    return keys.field if isinstance(keys, _SummaryKeys) else None


def tie(field: QWidget, label: QLabel | None, text: str) -> None:
    """Tie the problem `text` to `field`: the start of its description, and `label`
    (which shows the problem, beside the field in its parent) its label too."""
    plain = field.property(PLAIN_DESCRIPTION)
    if not isinstance(plain, str):
        plain = field.accessibleDescription()
        field.setProperty(PLAIN_DESCRIPTION, plain)
    problem = f"{kind_words()[ERROR]}: {' '.join(text.split())}"
    field.setAccessibleDescription(f"{problem} {plain}".strip())
    # A plain-text label with a buddy turns "&x" into a shortcut: only words without one.
    if label is not None and "&" not in label.text() and label.buddy() is not field:
        label.setBuddy(field)


def untie(field: QWidget, label: QLabel | None = None) -> None:
    """The field as it was before its problem: its own description, no problem label."""
    plain = field.property(PLAIN_DESCRIPTION)
    if isinstance(plain, str):
        field.setAccessibleDescription(plain)
        field.setProperty(PLAIN_DESCRIPTION, None)
    if label is not None and label.buddy() is field:
        label.setBuddy(None)  # type: ignore[arg-type]


def tie_beside(field: QWidget, text: str) -> QLabel | None:
    """Show `text` as a problem just above `field`, in the layout that holds it, and tie
    it to the field. The label made, or None where no layout holds the field (then the
    description alone ties the problem)."""
    parent = field.parentWidget()
    holding = _holding(parent.layout(), field) if parent is not None else None
    label = None
    if holding is not None:
        layout, index = holding
        label = plain_label(name="message")
        layout.insertWidget(index, label)
        say(label, text, ERROR, speak=False)  # the summary, which has the focus, says it
    tie(field, label, text)
    return label


def untie_beside(field: QWidget, label: QLabel | None) -> None:
    """Undo `tie_beside`; either may be gone already (a person's row removed)."""
    if shiboken6.isValid(field):
        untie(field, label if label is not None and shiboken6.isValid(label) else None)
    if label is not None and shiboken6.isValid(label):
        label.hide()
        label.deleteLater()


def _holding(layout: QLayout | None, widget: QWidget) -> tuple[QBoxLayout, int] | None:
    """The box layout, `layout` or one inside it, that holds `widget`, and where."""
    if layout is None:
        return None
    index = layout.indexOf(widget)
    if index >= 0:
        return (layout, index) if isinstance(layout, QBoxLayout) else None
    for i in range(layout.count()):
        item = layout.itemAt(i)
        found = _holding(item.layout() if item is not None else None, widget)
        if found is not None:
            return found
    return None
