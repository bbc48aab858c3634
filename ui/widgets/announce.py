"""Messages spoken by a screen reader when they appear (issue #18): `announce()` and what
it owns, the window's notification and the record tests listen to.

A status or an error that only changes a label's text is silent: nothing on the
accessibility bus says it changed. `announce` says it twice over:

- a Qt announcement (QAccessibleAnnouncementEvent, polite unless asked to be assertive),
  which newer screen readers speak;
- the window's *notification*: a one-pixel, unpainted widget with the accessible role
  Notification that is shown again with the words as its name and as the name of its
  one child, a label for accessibility only (older Orca reads a notification's labels,
  newer its name). A notification being shown is what older Orca (Debian's, which
  ignores Qt's announcements) speaks, whatever has the focus, without moving the focus.

A refused submit says its problem by moving the focus to the problem summary instead
(ui/widgets/problems.py): there the notification is not used, the focus already speaks.

Tests hear what was said through `announcements().made`, emitted by `announce` itself
after the event is posted: the real path, not a stand-in. Nothing is kept: a message
said is not held anywhere but in the notification, which forgets it after a while.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

HOLD_MS = 4000  # how long the notification keeps its words before it forgets them


class Announcements(QObject):
    """Every announcement made, as it is made: its words, and whether it was assertive."""

    made = Signal(str, bool)


_ANNOUNCEMENTS: Announcements | None = None


def announcements() -> Announcements:
    global _ANNOUNCEMENTS
    if _ANNOUNCEMENTS is None:
        _ANNOUNCEMENTS = Announcements()
    return _ANNOUNCEMENTS


def announce(widget: QWidget, text: str, *, assertive: bool = False, notify: bool = True) -> None:
    """Have a screen reader say `text`, which just appeared on `widget` (polite: after
    what it is saying; assertive: at once, only for what stops the person, such as a
    refused unlock). `notify=False` when the focus is being moved to the words anyway.
    Nothing is said for a widget nobody can see."""
    text = " ".join(text.split())
    if not text or not widget.isVisible():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    if notify:
        notification_of(widget.window()).show_words(text)
    announcements().made.emit(text, assertive)


# --- the window's notification ------------------------------------------------------------


class Words(QWidget):
    """The notification's words, a label for screen readers only (its accessible name):
    nothing is drawn, the screen shows the message where it belongs."""

    accessible_role: ClassVar[QAccessible.Role] = QAccessible.Role.StaticText


class Notification(QWidget):
    """A window's notification: shown again for every announcement, never painted, never
    in the way of the mouse or the focus, behind every other widget of the window. Its
    role comes from ui/widgets/accessible_roles.py's factory."""

    accessible_role: ClassVar[QAccessible.Role] = QAccessible.Role.Notification

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("announcement")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.words = Words(self)
        self.words.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setGeometry(0, 0, 1, 1)
        self.words.setGeometry(0, 0, 1, 1)
        self._forget = QTimer(self)
        self._forget.setSingleShot(True)
        self._forget.setInterval(HOLD_MS)
        self._forget.timeout.connect(self.forget)
        self.hide()

    def show_words(self, text: str) -> None:
        self.words.setAccessibleName(text)
        self.setAccessibleName(text)
        self.hide()  # shown again: a notification that appears is what is read
        self.show()
        self.lower()
        self._forget.start()

    def forget(self) -> None:
        self._forget.stop()
        self.hide()
        self.words.setAccessibleName("")
        self.setAccessibleName("")


def notification_of(window: QWidget) -> Notification:
    """The window's notification, made the first time it is needed."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    found = window.findChild(Notification, "announcement", direct)
    return found if isinstance(found, Notification) else Notification(window)


def forget_announcements(window: QWidget) -> None:
    """Before a pause or a lock: the notification lets go of its last words at once (a
    status may name the case's file), rather than a few seconds later."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    found = window.findChild(Notification, "announcement", direct)
    if isinstance(found, Notification):
        found.forget()
