"""The pause screen: neutral, with nothing of the case on it, only the pause time.

It replaces the whole window at once (the main window switches to it before anything
is recorded). Nobody is preset as having asked for the pause: it is recorded with who
asked not recorded, and whoever is chosen here (or later, from the sitting bar) completes
it. Who asked, and why, can be set here after the fact; a change made before the worker
has recorded the pause is queued behind it (the worker runs jobs in order) and applied
to the pause that is open, never to an older one. What became of it ("Reason saved.")
is said to a screen reader as it appears.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.desktop.sittings import amend_open_pause, pause_sitting, resume_sitting
from app.desktop.types import PAUSE_REQUESTER_ROLES, ROLES
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.widgets.announce import announce
from ui.widgets.sitting_bar import clock_text

# Requester choices per row: the four quick choices (PAUSE_REQUESTERS) fill the first
# row, everyone else who may ask the next; every role fits, even at 200 % text.
COLUMNS = 4


class PauseScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self.setObjectName("pause")
        self._since = time.monotonic()
        self._recorded = False
        self._asked = False  # a pause was sent to the worker for this screen
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
        # Resume and Lock first, where the focus starts; who asked and why below them,
        # so Tab follows the reading order from the top.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.resume_button = QPushButton(self.tr("Resume (F9)"), self)
        self.resume_button.setObjectName("primary")
        accessible(
            self.resume_button,
            self.tr("Resume"),
            self.tr("Returns to the same place in the statement"),
        )
        self.lock_button = QPushButton(self.tr("&Lock (Ctrl+L)"), self)
        accessible(self.lock_button, self.tr("Lock"))
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.lock_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addSpacing(24)
        asked = plain_label(self.tr("Asked for by:"), self, wrap=False)
        asked.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(asked)  # above the choices, so they fit 200 % text on a laptop
        who = QHBoxLayout()
        who.addStretch(1)
        grid = QGridLayout()
        self.group = QButtonGroup(self)
        labels = self.requester_labels()
        self.choices: dict[str, QRadioButton] = {}
        for i, role in enumerate(PAUSE_REQUESTER_ROLES):
            label = labels.get(role) or ROLES.get(role) or role.replace("_", " ").capitalize()
            button = QRadioButton(label, self)
            accessible(
                button, self.tr("Pause asked for by: %1").replace("%1", label.replace("&", ""))
            )
            self.group.addButton(button)
            self.choices[role] = button
            grid.addWidget(button, i // COLUMNS, i % COLUMNS)
            button.toggled.connect(lambda on, r=role: self._requester(r) if on else None)
        who.addLayout(grid)
        who.addStretch(1)
        layout.addLayout(who)
        reason_row = QHBoxLayout()
        reason_row.addStretch(1)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (optional)"))
        accessible(
            self.reason, self.tr("Reason for the pause"), self.tr("Optional; can be added later")
        )
        self.save_reason = QPushButton(self.tr("Save &reason"), self)
        accessible(self.save_reason, self.tr("Save reason"), self.tr("Save the reason"))
        reason_row.addWidget(self.reason, 2)
        reason_row.addWidget(self.save_reason)
        reason_row.addStretch(1)
        layout.addLayout(reason_row)
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
        # Reading order: Resume and Lock, then who asked and the reason below them.
        order = [
            self.resume_button,
            self.lock_button,
            *self.choices.values(),
            self.reason,
            self.save_reason,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def requester_labels(self) -> dict[str, str]:
        """Human wording for everyone who may ask for a pause (with a mnemonic each)."""
        return {
            "witness": self.tr("&Person giving the statement"),
            "interviewer": self.tr("&Interviewer"),
            "second_interviewer": self.tr("Sec&ond interviewer"),
            "intermediary": self.tr("Inter&mediary"),
            "isva": self.tr("IS&VA"),
            "interpreter": self.tr("Interpre&ter"),
            "supporter": self.tr("&Supporter"),
            "appropriate_adult": self.tr("&Appropriate adult"),
        }

    def begin(self, requested_by: str | None) -> None:
        """Start timing and record the pause (if a sitting is running) in the background.
        `requested_by`: who asked, when already known; otherwise nobody is chosen and the
        pause is recorded with who asked not recorded, until someone is chosen."""
        self._since = time.monotonic()
        self._recorded = False
        self._ref = self.nav.current_case
        self._asked = self._ref is not None
        self.reason.clear()
        self.note.clear()
        who = requested_by if requested_by in self.choices else None
        self._show_requester(who)
        self._tick()
        self._timer.start()
        self.resume_button.setFocus()
        if self._ref is not None:
            self.backend.run(
                pause_sitting, self._ref, who, done=self._was_recorded, failed=lambda m, c: None
            )

    def entered(self) -> None:
        # Back on the pause after an unlock too: Resume, where F9 also leads.
        self.resume_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_requester(self, who: str | None) -> None:
        """Check `who` (None: none at all) without recording it as a change."""
        self.group.setExclusive(False)  # an exclusive group refuses to uncheck its last one
        for role, button in self.choices.items():
            button.blockSignals(True)
            button.setChecked(role == who)
            button.blockSignals(False)
        self.group.setExclusive(True)

    def _was_recorded(self, _pause: object) -> None:
        self._recorded = True

    def _tick(self) -> None:
        elapsed = time.monotonic() - self._since
        self.time.setText(clock_text(elapsed))
        # A screen reader reads the time from the name, changed at most once a minute so
        # that it never chatters through the pause.
        minutes = str(int(elapsed // 60))
        spoken = self.tr("Time paused: %1 min").replace("%1", minutes)
        if self.time.accessibleName() != spoken:
            self.time.setAccessibleName(spoken)

    def _amend(self, changes: dict[str, Any], saved: str = "") -> None:
        """Queue a change to the open pause behind its recording (the worker keeps order)."""
        if not self._asked or self._ref is None:
            if "reason" in changes:
                self._show_note(
                    self.tr("No sitting was running, so there is no pause to record a reason for.")
                )
            return

        def done(amended: object) -> None:
            if amended:
                self._show_note(saved)
            elif "reason" in changes:
                self._show_note(
                    self.tr("No sitting was running, so there is no pause to record a reason for.")
                )

        self.backend.run(
            amend_open_pause,
            self._ref,
            changes,
            done=done,
            failed=lambda m, c: self._show_note(m),
        )

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        announce(self.note, text)

    def _requester(self, role: str) -> None:
        self._amend({"requested_by": role})

    def _save_reason(self) -> None:
        if not self.reason.text().strip():
            self._show_note(self.tr("Type a reason first; nothing was saved."))
            self.reason.setFocus()
            return
        self._amend({"reason": self.reason.text()}, self.tr("Reason saved."))

    def resume(self) -> None:
        self._timer.stop()
        if self._asked and self._ref is not None:
            # Queued behind the pause (and any change to it) even if not recorded yet.
            self._asked = self._recorded = False
            self.backend.run(
                resume_sitting,
                self._ref,
                done=lambda _: self._back(),
                failed=lambda m, c: self._back(),
            )
        else:
            self._back()

    def _back(self) -> None:
        self.nav.resume()

    def clear_content(self) -> None:
        self.reason.clear()
        self.note.clear()
        self._show_requester(None)
