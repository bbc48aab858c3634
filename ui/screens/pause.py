"""The pause screen: neutral, with nothing of the case on it, only the pause time.

It replaces the whole window at once (the main window switches to it before anything
is recorded). Who asked for the pause, and why, can be set here after the fact.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.engine.models import PAUSE_REQUESTERS
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.widgets.sitting_bar import clock_text


class PauseScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self.setObjectName("pause")
        self._since = time.monotonic()
        self._recorded = False
        self._ref: str | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.heading = plain_label(self.tr("Paused"), self, name="title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time = plain_label("00:00", self, name="pauseTime", wrap=False)
        self.time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        accessible(self.time, self.tr("Time paused"))
        layout.addWidget(self.heading)
        layout.addWidget(self.time)
        layout.addStretch(1)
        who = QHBoxLayout()
        who.addStretch(1)
        who.addWidget(plain_label(self.tr("Asked for by:"), self, wrap=False))
        self.group = QButtonGroup(self)
        labels = {"witness": self.tr("&Witness"), "interviewer": self.tr("&Interviewer"),
                  "intermediary": self.tr("Inter&mediary"), "supporter": self.tr("&Supporter")}
        self.choices: dict[str, QRadioButton] = {}
        for role in PAUSE_REQUESTERS:
            button = QRadioButton(labels[role], self)
            accessible(button, self.tr("Pause asked for by %1").replace(
                "%1", labels[role].replace("&", "")))
            self.group.addButton(button)
            self.choices[role] = button
            who.addWidget(button)
            button.toggled.connect(lambda on, r=role: on and self._requester(r))
        who.addStretch(1)
        layout.addLayout(who)
        reason_row = QHBoxLayout()
        reason_row.addStretch(1)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (optional)"))
        accessible(self.reason, self.tr("Reason for the pause"),
                   self.tr("Optional; can be added later"))
        self.save_reason = QPushButton(self.tr("Save &reason"), self)
        accessible(self.save_reason, self.tr("Save the reason"))
        reason_row.addWidget(self.reason, 2)
        reason_row.addWidget(self.save_reason)
        reason_row.addStretch(1)
        layout.addLayout(reason_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.resume_button = QPushButton(self.tr("Resume (F9)"), self)
        self.resume_button.setObjectName("primary")
        accessible(self.resume_button, self.tr("Resume"),
                   self.tr("Returns to the same place in the statement"))
        self.lock_button = QPushButton(self.tr("&Lock (Ctrl+L)"), self)
        accessible(self.lock_button, self.tr("Lock"))
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.lock_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.note = plain_label("", self, name="hint")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.note)
        layout.addStretch(2)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.resume_button.clicked.connect(self.resume)
        self.lock_button.clicked.connect(lambda: self.nav.lock())
        self.save_reason.clicked.connect(self._save_reason)
        self.reason.returnPressed.connect(self._save_reason)

    def begin(self, requested_by: str | None) -> None:
        """Start timing and record the pause (if a sitting is running) in the background."""
        self._since = time.monotonic()
        self._recorded = False
        self._ref = self.nav.current_case
        self.reason.clear()
        self.note.clear()
        who = requested_by or "interviewer"
        self.choices[who].blockSignals(True)
        self.choices[who].setChecked(True)
        self.choices[who].blockSignals(False)
        self._tick()
        self._timer.start()
        self.resume_button.setFocus()
        if self._ref is not None:
            self.backend.run(lambda s, r: s.engine.pause_sitting(r, who), self._ref,
                             done=self._was_recorded, failed=lambda m, c: None)

    def _was_recorded(self, _pause: object) -> None:
        self._recorded = True

    def _tick(self) -> None:
        self.time.setText(clock_text(time.monotonic() - self._since))

    def _requester(self, role: str) -> None:
        if self._recorded and self._ref is not None:
            self.backend.run(lambda s, r: s.engine.update_pause(r, requested_by=role),
                             self._ref, failed=lambda m, c: self.note.setText(m))

    def _save_reason(self) -> None:
        if not self.reason.text().strip():
            return
        if not self._recorded or self._ref is None:
            self.note.setText(self.tr("No sitting was running, so there is no pause to "
                                      "record a reason for."))
            return
        text = self.reason.text()
        self.backend.run(lambda s, r: s.engine.update_pause(r, reason=text), self._ref,
                         done=lambda _: self.note.setText(self.tr("Reason saved.")),
                         failed=lambda m, c: self.note.setText(m))

    def resume(self) -> None:
        self._timer.stop()
        if self._recorded and self._ref is not None:
            self._recorded = False
            self.backend.run(lambda s, r: s.engine.resume_sitting(r), self._ref,
                             done=lambda _: self._back(), failed=lambda m, c: self._back())
        else:
            self._back()

    def _back(self) -> None:
        self.nav.resume()

    def clear_content(self) -> None:
        self.reason.clear()
        self.note.clear()
