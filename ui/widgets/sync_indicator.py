"""The quiet sync indicator in the main window's status bar.

One short line in plain words about the outbox: "All sent", "2 waiting to send — will
send when connected", "Sending 1 of 2…", "1 not accepted — see Outbox". Being offline is
normal for a laptop in an interview room, so it is said as calmly as everything else:
never red, never flashing, never a dialog. It names no case (it is on screen while a
case is open, and may be seen across the table). Activating it opens the outbox.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from app.desktop.sync import SyncStatus
from ui.core_messages import sentence, translate


def waiting_clause(status: SyncStatus) -> str:
    """Why the items waiting have not gone yet, as the end of "N waiting to send — …"."""
    count = len(status.waiting)
    if status.connection == "not_set_up":
        return QCoreApplication.translate(
            "SyncIndicator", "{count} waiting to send — sending is not set up yet"
        ).format(count=count)
    if status.connection in ("reached", "failed"):
        return QCoreApplication.translate(
            "SyncIndicator", "{count} waiting to send — will try again shortly"
        ).format(count=count)
    return QCoreApplication.translate(
        "SyncIndicator", "{count} waiting to send — will send when connected"
    ).format(count=count)


def describe(status: SyncStatus) -> tuple[str, str]:
    """(the line shown, a longer description for screen readers and the tooltip)."""
    waiting, refused = status.waiting, status.refused
    position = status.sending_position()
    if position is not None:
        text = QCoreApplication.translate("SyncIndicator", "Sending {n} of {total}…").format(
            n=position[0], total=position[1]
        )
        detail = QCoreApplication.translate(
            "SyncIndicator",
            "Sending to the central system. You can carry on working; nothing waits for it.",
        )
    elif waiting and refused:
        text = QCoreApplication.translate(
            "SyncIndicator", "{count} waiting to send, {refused} not accepted — see Outbox"
        ).format(count=len(waiting), refused=len(refused))
        detail = QCoreApplication.translate(
            "SyncIndicator",
            "Something was not accepted by the central system; the outbox says why.",
        )
    elif waiting:
        text = waiting_clause(status)
        detail = QCoreApplication.translate(
            "SyncIndicator",
            "Kept safely, encrypted, on this laptop until the central system confirms it "
            "has received them.",
        )
        if status.connection == "not_set_up" and status.problem is not None:
            detail = sentence(translate(status.problem))
    elif refused:
        text = QCoreApplication.translate(
            "SyncIndicator", "{count} not accepted — see Outbox"
        ).format(count=len(refused))
        detail = QCoreApplication.translate(
            "SyncIndicator",
            "Something was not accepted by the central system; the outbox says why.",
        )
    elif status.delivered:
        text = QCoreApplication.translate("SyncIndicator", "All sent")
        detail = QCoreApplication.translate(
            "SyncIndicator", "The central system has confirmed everything sent from here."
        )
    else:
        text = QCoreApplication.translate("SyncIndicator", "Nothing to send")
        detail = QCoreApplication.translate(
            "SyncIndicator", "Nothing from this laptop is waiting for the central system."
        )
    opens = QCoreApplication.translate("SyncIndicator", "Opens the outbox.")
    return text, f"{detail} {opens}"


class SyncIndicator(QToolButton):
    """A flat button with one line of text; `clicked` opens the outbox."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status = SyncStatus()
        self.show_status(self.status)

    def minimumSizeHint(self) -> QSize:
        # The line is never what holds the window wide (a long Welsh line at 200 % text
        # would): it may be narrowed, and the tooltip still says it all.
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 240), hint.height())

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        text, description = describe(status)
        # The line is our own wording (counts only); plain text in a tool button.
        self.setText(text.replace("&", "&&"))
        self.setToolTip(description)
        self.setAccessibleName(
            QCoreApplication.translate(
                "SyncIndicator", "Sending to the central system: {state}"
            ).format(state=text)
        )
        self.setAccessibleDescription(description)
