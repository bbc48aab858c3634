"""The sitting bar: start, pause (F9), resume, end; active time; who is present.

It shows what the engine says and asks the workspace to act; it keeps no state of its
own beyond the last sitting it was given and a ticking display of active time.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.engine.models import Sitting
from ui.screens.base import accessible, plain_label


def clock_text(seconds: float) -> str:
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else \
        f"{rest // 60:02d}:{rest % 60:02d}"


class SittingBar(QWidget):
    start_requested = Signal()
    pause_requested = Signal()
    resume_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sitting: Sitting | None = None
        self._fetched = time.monotonic()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        self.state = plain_label("", self, name="subtitle", wrap=False)
        self.active = plain_label("", self, name="subtitle", wrap=False)
        self.present = plain_label("", self, name="hint")
        self.start = QPushButton(self.tr("&Start sitting"), self)
        self.pause = QPushButton(self.tr("&Pause (F9)"), self)
        self.resume = QPushButton(self.tr("&Resume"), self)
        self.end = QPushButton(self.tr("&End sitting"), self)
        accessible(self.start, self.tr("Start sitting"),
                   self.tr("Starts a sitting with the people planned for this case"))
        accessible(self.pause, self.tr("Pause"),
                   self.tr("Pauses at once and shows a neutral screen; also the F9 key"))
        accessible(self.resume, self.tr("Resume"), self.tr("Resumes the paused sitting"))
        accessible(self.end, self.tr("End sitting"), self.tr("Ends this sitting"))
        for widget in (self.state, self.active):
            layout.addWidget(widget)
        layout.addStretch(1)
        # Names can be long and text can be 200 %: the line of who is present gets a row
        # of its own so it wraps instead of being cut off.
        outer.addWidget(self.present)
        for button in (self.start, self.pause, self.resume, self.end):
            layout.addWidget(button)
        self.start.clicked.connect(self.start_requested)
        self.pause.clicked.connect(self.pause_requested)
        self.resume.clicked.connect(self.resume_requested)
        self.end.clicked.connect(self.end_requested)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._refresh_time)
        self.show_sitting(None)

    def show_sitting(self, sitting: Sitting | None) -> None:
        self._sitting = sitting
        self._fetched = time.monotonic()
        state = sitting.state if sitting and sitting.open else None
        self.start.setVisible(state is None)
        self.pause.setVisible(state == "running")
        self.resume.setVisible(state == "paused")
        self.end.setVisible(state is not None)
        if state is None:
            self.state.setText(self.tr("No sitting in progress"))
            self.present.setText("")
            self._ticker.stop()
        else:
            self.state.setText(self.tr("Sitting %1: running").replace("%1", str(sitting.number))
                               if state == "running" else
                               self.tr("Sitting %1: paused").replace("%1", str(sitting.number)))
            labels = self.role_labels()
            names = [f"{p.name} ({labels.get(p.role, p.role)})" for p in sitting.present]
            self.present.setText(self.tr("Present: %1").replace("%1", "; ".join(names))
                                 if names else "")
            self._ticker.start()
        self._refresh_time()

    def role_labels(self) -> dict[str, str]:
        return {"interviewer": self.tr("interviewer"),
                "second_interviewer": self.tr("second interviewer"),
                "intermediary": self.tr("Registered Intermediary"),
                "isva": self.tr("ISVA, outside the evidential chain"),
                "interpreter": self.tr("interpreter"), "supporter": self.tr("supporter"),
                "appropriate_adult": self.tr("appropriate adult"),
                "witness": self.tr("witness")}

    def _refresh_time(self) -> None:
        sitting = self._sitting
        if sitting is None or not sitting.open:
            self.active.setText("")
            return
        extra = time.monotonic() - self._fetched if sitting.state == "running" else 0.0
        self.active.setText(self.tr("Active time %1").replace(
            "%1", clock_text(sitting.active_seconds + extra)))
