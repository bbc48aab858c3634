"""The sitting bar: start (with where the sitting takes place), pause (F9), resume, end;
active time; who is present.

It shows what the engine says and asks the workspace to act; it keeps no state of its
own beyond the last sitting it was given, the place typed for the next sitting, and a
ticking display of active time.

Once a sitting has had a pause, a quiet line says who asked for the last one (or that
nobody has said yet: a pause starts with who asked not recorded), and "Change" opens a
small row (never a dialog) to record or correct who asked and why.

A screen reader hears the sitting's state when it changes (a sitting started, paused,
resumed or ended: "Sitting 1: running"), and what became of a correction to a pause.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.desktop.types import PAUSE_REQUESTER_ROLES, ROLES, Pause, Sitting
from ui.screens.base import accessible, plain_label
from ui.widgets.announce import announce

REASON_LIMIT = 1000  # the engine's limit for a pause's reason
LOCATION_LIMIT = 300  # the engine's limit for where a sitting takes place


def last_pause(sitting: Sitting | None) -> Pause | None:
    """The open sitting's latest pause asked for in the room (not a crash's interruption)."""
    if sitting is None or not sitting.open:
        return None
    return next((p for p in reversed(sitting.pauses) if p.kind == "pause"), None)


def clock_text(seconds: float) -> str:
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    return (
        f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
        if hours
        else f"{rest // 60:02d}:{rest % 60:02d}"
    )


class SittingBar(QWidget):
    start_requested = Signal()
    pause_requested = Signal()
    resume_requested = Signal()
    end_requested = Signal()
    # A correction to the last pause: its number, who asked (None: unchanged) and the
    # reason (None: unchanged; "": none).
    pause_amended = Signal(int, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sitting: Sitting | None = None
        self._signed = False  # a signed statement takes no more sittings
        self._shown_open = False  # the state shown is an open sitting's (said when it ends)
        self._fetched = time.monotonic()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        self.state = plain_label("", self, name="subtitle", wrap=False)
        self.active = plain_label("", self, name="subtitle", wrap=False)
        self.present = plain_label("", self, name="hint")
        # Where the statement is taken: printed on it with each sitting's times. Asked
        # beside Start, and only while no sitting is in progress.
        self.location_label = plain_label(self.tr("P&lace (optional)"), self, wrap=False)
        self.location = QLineEdit(self)
        self.location.setMaxLength(LOCATION_LIMIT)
        self.location.setPlaceholderText(self.tr("for example, the interview suite"))
        accessible(
            self.location,
            self.tr("Place of the sitting"),
            self.tr("Optional; printed on the statement with the sitting's times"),
        )
        self.location_label.setBuddy(self.location)
        self.start = QPushButton(self.tr("&Start sitting"), self)
        self.pause = QPushButton(self.tr("&Pause (F9)"), self)
        self.resume = QPushButton(self.tr("&Resume"), self)
        self.end = QPushButton(self.tr("&End sitting"), self)
        accessible(
            self.start,
            self.tr("Start sitting"),
            self.tr("Starts a sitting with the people planned for this case"),
        )
        accessible(
            self.pause,
            self.tr("Pause"),
            self.tr("Pauses at once and shows a neutral screen; also the F9 key"),
        )
        accessible(self.resume, self.tr("Resume"), self.tr("Resumes the paused sitting"))
        accessible(self.end, self.tr("End sitting"), self.tr("Ends this sitting"))
        for widget in (self.state, self.active):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.location_label)
        layout.addWidget(self.location, 1)
        # Names can be long and text can be 200 %: the line of who is present gets a row
        # of its own so it wraps instead of being cut off.
        outer.addWidget(self.present)
        for button in (self.start, self.pause, self.resume, self.end):
            layout.addWidget(button)
        self.start.clicked.connect(self.start_requested)
        self.location.returnPressed.connect(self.start_requested)
        self.pause.clicked.connect(self.pause_requested)
        self.resume.clicked.connect(self.resume_requested)
        self.end.clicked.connect(self.end_requested)
        self._build_amend(outer)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._refresh_time)
        self.show_sitting(None)

    def _build_amend(self, outer: QVBoxLayout) -> None:
        # In widgets of their own, so that hidden they take no room at all.
        self.pause_row = QWidget(self)
        summary = QHBoxLayout(self.pause_row)
        summary.setContentsMargins(0, 0, 0, 0)
        self.last_pause = plain_label("", self.pause_row, name="hint", wrap=False)
        self.change_pause = QPushButton(self.tr("Chan&ge"), self.pause_row)
        self.change_pause.setCheckable(True)
        accessible(
            self.change_pause,
            self.tr("Change who asked for the last pause, and why"),
            self.tr("Opens a small row below to correct the record of the last pause"),
        )
        self.amend_note = plain_label("", self.pause_row, name="hint", wrap=False)
        summary.addWidget(self.last_pause)
        summary.addWidget(self.change_pause)
        summary.addWidget(self.amend_note)
        summary.addStretch(1)
        outer.addWidget(self.pause_row)

        self.amend = QWidget(self)
        row = QHBoxLayout(self.amend)
        row.setContentsMargins(0, 0, 0, 0)
        who_label = plain_label(self.tr("Asked for by"), self.amend, wrap=False)
        self.requester = QComboBox(self.amend)
        accessible(self.requester, self.tr("Last pause asked for by"))
        labels = self.requester_labels()
        self.requester.addItem(self.tr("Not recorded"), None)  # nobody has said yet
        for role in PAUSE_REQUESTER_ROLES:
            self.requester.addItem(labels.get(role, role), role)
        who_label.setBuddy(self.requester)
        reason_label = plain_label(self.tr("Reason"), self.amend, wrap=False)
        self.reason = QLineEdit(self.amend)
        self.reason.setMaxLength(REASON_LIMIT)
        self.reason.setPlaceholderText(self.tr("Reason (optional)"))
        accessible(
            self.reason,
            self.tr("Reason for the last pause"),
            self.tr("Optional; leave it empty if no reason was given"),
        )
        reason_label.setBuddy(self.reason)
        self.save_pause = QPushButton(self.tr("Sa&ve"), self.amend)
        accessible(self.save_pause, self.tr("Save the change to the last pause"))
        row.addWidget(who_label)
        row.addWidget(self.requester)
        row.addWidget(reason_label)
        row.addWidget(self.reason, 1)
        row.addWidget(self.save_pause)
        outer.addWidget(self.amend)
        self._pause: Pause | None = None
        self.change_pause.toggled.connect(self._open_amend)
        self.save_pause.clicked.connect(self._save_amend)
        self.reason.returnPressed.connect(self._save_amend)
        self._show_pause(None)

    def focus_order(self) -> list[QWidget]:
        """The bar's controls in reading order, for the screen's tab order."""
        return [
            self.location,
            self.start,
            self.pause,
            self.resume,
            self.end,
            self.change_pause,
            self.requester,
            self.reason,
            self.save_pause,
        ]

    def requester_labels(self) -> dict[str, str]:
        return {
            "witness": self.tr("Survivor"),
            "interviewer": self.tr("Interviewer"),
            "second_interviewer": self.tr("Second interviewer"),
            "intermediary": self.tr("Registered Intermediary"),
            "isva": self.tr("ISVA"),
            "interpreter": self.tr("Interpreter"),
            "supporter": self.tr("Supporter"),
            "appropriate_adult": self.tr("Appropriate adult"),
        }

    def start_location(self) -> str:
        """Where the sitting about to start takes place, as typed ("" when not given)."""
        return self.location.text().strip()

    def clear(self) -> None:
        """Forget everything shown and typed (the case is closed or the vault locked)."""
        self.location.clear()
        self._signed = False
        self._shown_open = False  # nothing to say: the case is closing
        self.show_sitting(None)

    def _requester_label(self, role: str | None) -> str:
        if role is None:
            return self.tr("not recorded")
        return (
            self.requester_labels().get(role)
            or ROLES.get(role)
            or role.replace("_", " ").capitalize()
        )

    def _show_pause(self, pause: Pause | None) -> None:
        """Show who asked for the last pause; refill the row only for another pause, so
        a refresh never overwrites what is being typed."""
        same = pause is not None and self._pause is not None and pause.number == self._pause.number
        self._pause = pause
        self.pause_row.setVisible(pause is not None)
        if pause is None:
            self.last_pause.clear()
            self.amend_note.clear()
            self.reason.clear()
            self.change_pause.setChecked(False)
            self.amend.hide()
            return
        self.last_pause.setText(
            self.tr("Last pause asked for by: %1").replace(
                "%1", self._requester_label(pause.requested_by)
            )
            if pause.requested_by is not None
            else self.tr("Who asked for the last pause is not recorded yet")
        )
        if not same:
            self.amend_note.clear()
        if not (same and self.change_pause.isChecked()):
            self._fill_amend(pause)

    def _fill_amend(self, pause: Pause) -> None:
        if pause.requested_by is None:  # not recorded: the first entry says so
            self.requester.setCurrentIndex(0)
            self.reason.setText(pause.reason or "")
            return
        index = self.requester.findData(pause.requested_by)
        if index < 0:  # recorded under a role this version does not offer
            self.requester.addItem(self._requester_label(pause.requested_by), pause.requested_by)
            index = self.requester.count() - 1
        self.requester.setCurrentIndex(index)
        self.reason.setText(pause.reason or "")

    def _open_amend(self, on: bool) -> None:
        self.amend_note.clear()
        if on and self._pause is not None:
            self._fill_amend(self._pause)
        self.amend.setVisible(on and self._pause is not None)
        if on and self._pause is not None:
            self.requester.setFocus()

    def _save_amend(self) -> None:
        pause = self._pause
        if pause is None:
            return
        role = self.requester.currentData()
        reason = self.reason.text().strip()
        who = role if role != pause.requested_by else None
        why = reason if reason != (pause.reason or "") else None
        if who is None and why is None:
            self.amend_saved()  # nothing to change: close quietly
            return
        self.save_pause.setEnabled(False)
        self.pause_amended.emit(pause.number, who, why)

    def amend_saved(self) -> None:
        self.save_pause.setEnabled(True)
        self.change_pause.setChecked(False)  # closes the row
        self.amend_note.setText(self.tr("Saved"))
        self.change_pause.setFocus()
        announce(self, self.amend_note.text())

    def amend_failed(self, message: str) -> None:
        self.save_pause.setEnabled(True)
        self.amend_note.setText(message or self.tr("Not saved; please try again."))
        announce(self, self.amend_note.text())

    def set_signed(self, signed: bool) -> None:
        """A signed statement takes no more sittings: Start is not offered (a further
        statement is started from the workspace instead)."""
        self._signed = signed
        self.show_sitting(self._sitting)

    def show_sitting(self, sitting: Sitting | None) -> None:
        before = self.state.text()
        self._sitting = sitting
        self._show_pause(last_pause(sitting))
        # While a sitting is open its row for the last pause is there from the start (saying
        # there has been none), so the first pause does not push the statement down.
        policy = self.change_pause.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.change_pause.setSizePolicy(policy)
        if sitting is not None and sitting.open and self._pause is None:
            self.last_pause.setText(self.tr("No pause yet in this sitting"))
            self.change_pause.hide()
            self.pause_row.show()
        else:
            self.change_pause.show()
        self._fetched = time.monotonic()
        running = sitting if sitting is not None and sitting.open else None
        state = running.state if running is not None else None
        if state is not None:
            self.location.clear()  # recorded with the sitting now
        startable = state is None and not self._signed
        for widget in (self.location_label, self.location):
            widget.setVisible(startable)
        self.start.setVisible(startable)
        self.pause.setVisible(state == "running")
        self.resume.setVisible(state == "paused")
        self.end.setVisible(state is not None)
        if running is None:
            self.state.setText(
                self.tr("The statement is signed: no more sittings")
                if self._signed
                else self.tr("No sitting in progress")
            )
            self.present.setText("")
            self._ticker.stop()
        else:
            number = str(running.number)
            self.state.setText(
                self.tr("Sitting %1: running").replace("%1", number)
                if state == "running"
                else self.tr("Sitting %1: paused").replace("%1", number)
            )
            labels = self.role_labels()
            names = [f"{p.name} ({labels.get(p.role, p.role)})" for p in running.present]
            self.present.setText(
                self.tr("Present: %1").replace("%1", "; ".join(names)) if names else ""
            )
            self._ticker.start()
        self._refresh_time()
        self._say_state(before, running is not None)

    def _say_state(self, before: str, open_now: bool) -> None:
        """Say the state when a sitting starts, pauses, resumes or ends; not when a case
        without one is opened, nor when nothing changed (a refresh)."""
        if self.state.text() != before and (open_now or self._shown_open):
            announce(self, self.state.text())
        self._shown_open = open_now

    def role_labels(self) -> dict[str, str]:
        return {
            "interviewer": self.tr("interviewer"),
            "second_interviewer": self.tr("second interviewer"),
            "intermediary": self.tr("Registered Intermediary"),
            "isva": self.tr("ISVA, outside the evidential chain"),
            "interpreter": self.tr("interpreter"),
            "supporter": self.tr("supporter"),
            "appropriate_adult": self.tr("appropriate adult"),
            "witness": self.tr("survivor"),
        }

    def _refresh_time(self) -> None:
        sitting = self._sitting
        if sitting is None or not sitting.open:
            self.active.setText("")
            return
        extra = time.monotonic() - self._fetched if sitting.state == "running" else 0.0
        self.active.setText(
            self.tr("Active time %1").replace("%1", clock_text(sitting.active_seconds + extra))
        )
