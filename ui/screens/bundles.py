"""Exporting a signed statement as a bundle, and opening any bundle to verify it.

Both run on the worker thread with an indeterminate progress bar; the verification
report is shown as plain text, one line per check, in the interface language (in English
exactly as `quietroom-cli verify` prints it: ui/report_messages.py).
An export can also be sent to the central system (ticked when the trust file lists
one): it is queued in the vault's outbox with the export itself, the network worker is
woken, and saving a file is then optional.

When sync is set up, the statement's signature is time-stamped by the central system
with its validation data (PAdES B-LT) in three steps, so the network never waits in the
vault worker's queue: the vault worker renders and signs, the network worker
(ui/sync_worker.py, `run_network`) gets the time-stamp and the revocation list, the
vault worker writes the bundle and verifies it. Offline, the statement is exported
without a time-stamp (B-B) and the screen says so.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.desktop.bundles import (
    ExportChoices,
    Exported,
    ExportJob,
    begin_export,
    export_choices,
    finish_export_job,
    stamp_export_job,
    verify_bundle,
)
from app.desktop.types import Report
from ui.backend import Backend
from ui.member_roles import role_name
from ui.navigation import Navigator
from ui.report_messages import check_detail, report_text
from ui.screens.base import PRIVATE_DIALOG, Screen, accessible, plain_label, scrolled
from ui.sync_worker import SyncWorker
from ui.widgets.notice import ERROR, INFO, SUCCESS, say
from ui.widgets.step_indicator import EXPORT, StepIndicator


class _BundleScreen(Screen):
    """Shared layout: a path with a chooser, a busy bar, a message and a report."""

    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self.outer = QVBoxLayout(self)
        self.body = QWidget(self)
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(self)
        self.choose = QPushButton(self.tr("Choose…"), self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # indeterminate: the work has no meaningful percentage
        self.busy.setTextVisible(False)
        accessible(self.busy, self.tr("Working"))
        self.busy.hide()
        self.message = plain_label("", self, name="message")
        self.message.hide()
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        accessible(
            self.report,
            self.tr("Verification report"),
            self.tr("One line per check; every line must say ok"),
        )
        self.report.hide()  # until there is a report: an empty box only takes room at 200 %
        self.back = QPushButton(self.tr("&Back"), self)
        accessible(self.back, self.tr("Back"))

    def _path_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        return row

    def _working(self, on: bool) -> None:
        self.busy.setVisible(on)

    def _say(self, text: str, kind: str = INFO) -> None:
        say(self.message, text, kind)

    def _show_report(self, report: Report, *, say_passed: bool = True) -> None:
        """The checks, and their outcome in the message (`say_passed=False`: the caller
        says more than that they passed, in one message, said once)."""
        self._working(False)
        self.report.setPlainText(report_text(report))
        self.report.show()
        if report.ok:
            if say_passed:
                self._say(self.tr("Every check passed."), SUCCESS)
            return
        first = next(c for c in report.checks if not c.ok)
        # the detail is our own wording in the interface language, shown through a
        # plain-text label
        detail = check_detail(first)
        self._say(
            self.tr(
                "The bundle did not verify: {detail}. Do not rely on it; see the report."
            ).format(detail=detail)
        )

    def _failed(self, message: str, code: int) -> None:
        self._working(False)
        self._say(message or self.tr("Something went wrong; nothing was changed."), ERROR)

    def clear_content(self) -> None:
        self.path.clear()
        self.report.clear()
        self.report.hide()
        self._say("")
        self._working(False)


class ExportScreen(_BundleScreen):
    # A bundle was queued for the central system: the network worker should send it now.
    sync_requested = Signal()

    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(backend, nav, parent)
        self._reference = ""
        self._can_send = False
        self._network: SyncWorker | None = None  # attach_sync: the main window's worker
        lay = self.layout_
        self.step_indicator = StepIndicator(self)
        self.step_indicator.show_step(EXPORT)
        lay.addWidget(self.step_indicator)
        lay.addWidget(plain_label(self.tr("Export the statement"), self, name="title"))
        lay.addWidget(
            plain_label(
                self.tr(
                    "The signed statement leaves this laptop as one encrypted file that only the "
                    "people chosen below can open. You are always included."
                ),
                self,
                name="subtitle",
            )
        )
        lay.addWidget(plain_label(self.tr("Recipients"), self))
        self.recipients = QListWidget(self)
        accessible(
            self.recipients,
            self.tr("Recipients"),
            self.tr("Members of your organisation who can open the bundle"),
        )
        lay.addWidget(self.recipients, 1)
        self.send = QCheckBox(self.tr("Se&nd to the central system"), self)
        send_help = self.tr(
            "It waits, encrypted, in the outbox until the laptop is connected, then goes."
        )
        accessible(self.send, self.tr("Send to the central system"), send_help)
        self.send.hide()  # offered when the trust file lists a central system
        self.send_help = plain_label(send_help, self, name="hint")
        self.send_help.hide()
        lay.addWidget(self.send)
        lay.addWidget(self.send_help)
        self.save_label = plain_label(self.tr("Save the bundle as"), self)
        lay.addWidget(self.save_label)
        accessible(self.path, self.tr("Where the bundle is saved"))
        accessible(self.choose, self.tr("Choose where to save the bundle"))
        lay.addLayout(self._path_row())
        self.export = QPushButton(self.tr("&Export"), self)
        self.export.setObjectName("primary")
        accessible(
            self.export,
            self.tr("Export"),
            self.tr("Builds, signs, encrypts and saves the bundle, then verifies it"),
        )
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.export)
        lay.addWidget(self.busy)
        lay.addWidget(self.report, 1)
        # The form scrolls at 200 % text; Back and Export stay in sight below it.
        self.outer.addWidget(scrolled(self.body, self), 1)
        self.outer.addWidget(self.message)  # what happened stays in sight, by the buttons
        self.outer.addLayout(row)
        self.back.clicked.connect(lambda: self.nav.go("workspace"))
        self.choose.clicked.connect(self._choose)
        self.export.clicked.connect(self._export)
        self.send.toggled.connect(self._send_toggled)
        # Reading order: who it goes to, where it is saved, then the buttons at the foot.
        order = [self.recipients, self.send, self.path, self.choose, self.report]
        for first, second in itertools.pairwise([*order, self.back, self.export]):
            QWidget.setTabOrder(first, second)

    def entered(self) -> None:
        self.report.clear()
        self.report.hide()
        self._say("")
        self.recipients.setFocus(Qt.FocusReason.OtherFocusReason)  # the first thing to check
        # The author is always a recipient, so is not offered; every other member is.
        self.backend.run(
            export_choices, self.nav.current_case or "", done=self._loaded, failed=self._failed
        )

    def _loaded(self, data: ExportChoices) -> None:
        self.recipients.clear()
        for member in data.recipients:
            # names come from the signed trust file; a list item shows plain text only
            # name, role and the start of the certificate's fingerprint: two members
            # whose names look alike are still told apart (the full one as a tooltip)
            item = QListWidgetItem(
                self.tr("{name} ({role}) · {fingerprint}").format(
                    name=member.name,
                    role=role_name(member.role),
                    fingerprint=member.short_fingerprint,
                )
            )
            item.setToolTip(
                self.tr("Certificate fingerprint (SHA-256): {fingerprint}").format(
                    fingerprint=member.fingerprint
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, member.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member.ticked else Qt.CheckState.Unchecked)
            self.recipients.addItem(item)
        if not data.trusted:
            self._say(
                self.tr("Import the organisation's trust file first (Identity, on the case list).")
            )
        self._reference = data.reference
        self._can_send = data.can_send
        self.send.setVisible(data.can_send)
        self.send_help.setVisible(data.can_send)
        self.send.setChecked(data.can_send)
        self._send_toggled(self.send.isChecked())

    def _send_toggled(self, on: bool) -> None:
        """Sending makes the file optional: the outbox keeps the bundle until received."""
        self.save_label.setText(
            self.tr("Also save a copy as (optional)") if on else self.tr("Save the bundle as")
        )
        self.path.setPlaceholderText(self.tr("No file: leave empty") if on else "")
        if not on and not self.path.text() and self._reference:
            self.path.setText(str(Path.home() / f"{self._reference}.qrb"))

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the bundle as"),
            self.path.text(),
            self.tr("Quietroom bundle (*.qrb)"),
            options=PRIVATE_DIALOG,
        )
        if name:
            self.path.setText(name)

    def chosen(self) -> list[str]:
        return [
            self.recipients.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.recipients.count())
            if self.recipients.item(i).checkState() == Qt.CheckState.Checked
        ]

    def attach_sync(self, worker: SyncWorker) -> None:
        """The network worker: an export's time-stamp runs there; a queued bundle wakes it."""
        self._network = worker
        self.sync_requested.connect(worker.wake)

    def _working(self, on: bool) -> None:
        super()._working(on)
        self.export.setEnabled(not on)  # one export at a time

    def _export(self) -> None:
        ref, target = self.nav.current_case, self.path.text().strip()
        names = self.chosen()
        send = self._can_send and self.send.isChecked()
        if not ref or not (target or send):
            self._say(self.tr("Choose where to save the bundle."))
            return
        if not names:
            self._say(self.tr("Choose at least one recipient."))
            return
        self._working(True)
        self._say(self.tr("Exporting… this takes a few seconds."))
        self.backend.run(
            begin_export,
            ref,
            target or None,
            names,
            send,
            done=self._begun,
            failed=self._failed,
        )

    def _begun(self, job: ExportJob) -> None:
        """Signed on the vault worker; the time-stamp, if sync is set up, on the network
        worker, then back to the vault worker to write the bundle."""
        if job.wants_network and self._network is not None:
            self._say(self.tr("Asking the central system for a time-stamp…"))
            self._network.run_network(
                stamp_export_job, job, done=self._stamped, failed=self._failed
            )
        else:
            self._stamped(job)

    def _stamped(self, job: ExportJob) -> None:
        self.backend.run(finish_export_job, job, done=self._exported, failed=self._failed)

    def _exported(self, result: Exported) -> None:
        self._show_report(result.report, say_passed=False)
        if result.queued:
            self.sync_requested.emit()
        if not result.report.ok:
            return
        parts = [self.tr("Every check passed.")]
        if result.timestamped and result.level == "B-LT":
            parts.append(
                self.tr(
                    "The statement is time-stamped by the central system ({time}), with the "
                    "data to check it for years to come (PAdES B-LT)."
                ).format(time=result.timestamped)
            )
        elif result.timestamped:
            parts.append(
                self.tr(
                    "The statement is time-stamped by the central system ({time}) (PAdES B-T)."
                ).format(time=result.timestamped)
            )
        elif result.unreachable:
            parts.append(
                self.tr(
                    "The central system could not be reached, so the statement has no "
                    "time-stamp (PAdES B-B)."
                )
            )
        elif result.not_stamped:
            parts.append(
                self.tr(
                    "The central system gave no time-stamp that checks, so the statement has "
                    "none (PAdES B-B)."
                )
            )
        if result.queued:
            parts.append(
                self.tr(
                    "The bundle is in the outbox and goes to the central system as soon as "
                    "the laptop is connected."
                )
            )
        self._say(" ".join(parts), SUCCESS)

    def clear_content(self) -> None:
        super().clear_content()
        self._reference = ""
        self._can_send = False


class OpenBundleScreen(_BundleScreen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(backend, nav, parent)
        lay = self.layout_
        lay.addWidget(plain_label(self.tr("Open a bundle"), self, name="title"))
        lay.addWidget(
            plain_label(
                self.tr(
                    "Checks a bundle sent to you: who signed it, that nothing in it was altered, "
                    "and that you are one of its recipients."
                ),
                self,
                name="subtitle",
            )
        )
        accessible(self.path, self.tr("The bundle to check"))
        accessible(self.choose, self.tr("Choose the bundle to check"))
        lay.addLayout(self._path_row())
        self.verify = QPushButton(self.tr("&Check the bundle"), self)
        self.verify.setObjectName("primary")
        accessible(self.verify, self.tr("Check the bundle"))
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.verify)
        lay.addWidget(self.busy)
        lay.addWidget(self.report, 1)
        # Until there is a report, the room left stays below the field, not spread between
        # the title, the text and the field (a spacer without stretch gives way to it).
        lay.addStretch(0)
        self.outer.addWidget(scrolled(self.body, self), 1)
        self.outer.addWidget(self.message)  # what happened stays in sight, by the buttons
        self.outer.addLayout(row)
        self.back.clicked.connect(lambda: self.nav.go("cases"))
        self.choose.clicked.connect(self._choose)
        self.verify.clicked.connect(self._verify)

    def _choose(self) -> None:
        # An explicit folder: with "" Qt reopens the last folder visited in this process,
        # which may be named after a case, even after a lock.
        start = self.path.text().strip() or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a bundle"),
            start,
            self.tr("Quietroom bundle (*.qrb)") + ";;*",
            options=PRIVATE_DIALOG,
        )
        if name:
            self.path.setText(name)

    def _verify(self) -> None:
        target = self.path.text().strip()
        if not target:
            self._say(self.tr("Choose the bundle to check."))
            return
        self._working(True)
        self.report.clear()
        self.report.hide()
        self._say("")
        self.backend.run(verify_bundle, target, done=self._show_report, failed=self._failed)
