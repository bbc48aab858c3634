"""The interviewer's side of review: importing a supervisor's decision file (.qrr) and
seeing the decisions made on a case's exported statement, below the case's exports and
where each went (a file, or the central system with its receipt: ui/widgets/
case_deliveries.py, kept current while the network worker sends).

A decision file is verified and kept by the core (app.desktop.review): it must open with
this vault's identity, be signed by a supervisor of the organisation and be about a
bundle this vault exported; otherwise nothing is kept and the core's one message is
shown. Everything a decision holds (the reviewer's name, comments, answers) came from a
file, so it is shown as plain text only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.desktop.review import (
    CaseDecision,
    Imported,
    case_decisions,
    checklist_for,
    import_decision_file,
)
from app.desktop.session import Session
from app.desktop.sync import CaseExport, SyncStatus, case_deliveries
from app.desktop.types import parse_stamp
from ui.backend import Backend
from ui.core_messages import sentence
from ui.dates import day_time
from ui.navigation import Navigator
from ui.screens.base import PRIVATE_DIALOG, Screen, accessible, plain_label
from ui.sync_worker import SyncWorker
from ui.widgets.case_deliveries import CaseDeliveries
from ui.widgets.notice import ERROR, INFO, say

DECISION_SUFFIX = ".qrr"


def decided_at(stamp: str | None) -> str:
    """A moment in local time, as people write it: "4 Dec 2026, 06:38"."""
    if not stamp:
        return ""
    try:
        return day_time(parse_stamp(stamp))
    except ValueError:
        return ""


@dataclass(frozen=True)
class CaseDecisions:
    """What the screen shows: the decisions, and the checklist's wording by item id."""

    case_id: str
    decisions: list[CaseDecision]
    wording: dict[str, dict[str, str]]  # guide id -> item id -> text
    order: dict[str, list[str]]  # guide id -> item ids in the guide's order
    reference: str | None = None  # when known (after an import)


def _wording(
    guides: set[str], language: str
) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    wording: dict[str, dict[str, str]] = {}
    order: dict[str, list[str]] = {}
    for guide in guides:
        try:
            items = checklist_for(guide, language)
        except Exception:  # an unknown guide: the answers are shown by their ids
            items = ()
        wording[guide] = {item.id: item.text for item in items}
        order[guide] = [item.id for item in items]
    return wording, order


def load_decisions(
    session: Session, case_id: str, language: str, reference: str | None = None
) -> CaseDecisions:
    """Runs on the worker: the case's decisions and the checklist wording they need."""
    decisions = case_decisions(session, case_id)
    guides = {str(d.checklist.get("guide", "")) for d in decisions}
    wording, order = _wording({g for g in guides if g}, language)
    return CaseDecisions(case_id, decisions, wording, order, reference)


def import_and_load(session: Session, path: Path, language: str) -> tuple[Imported, CaseDecisions]:
    """Runs on the worker: import the decision file, then load its case's decisions."""
    imported = import_decision_file(session, path)
    reference = (imported.report.decision or {}).get("case", {}).get("reference")
    loaded = load_decisions(
        session,
        imported.decision.case_id,
        language,
        reference if isinstance(reference, str) else None,
    )
    return imported, loaded


class DecisionCard(QFrame):
    """One decision, every part of it plain text."""

    def __init__(
        self, decision: CaseDecision, loaded: CaseDecisions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decision")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        approved = decision.decision == "approved"
        verdict = (
            self.tr("Approved and countersigned")
            if approved
            else self.tr("Returned with comments")
            if decision.decision == "returned"
            else decision.decision
        )
        self.heading = plain_label(verdict, self, name="subtitle")
        layout.addWidget(self.heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.reviewer = self._value(decision.reviewer)
        self.when = self._value(decided_at(decision.decided))
        self.pdf = self._value(
            self.tr("Kept in the vault, with the supervisor's signature added")
            if decision.has_countersigned_pdf
            else self.tr("None: a returned statement is not countersigned")
            if not approved
            else self.tr("Not kept")
        )
        self.comments = self._value(decision.comments or self.tr("No comments."))
        form.addRow(self.tr("Reviewer"), self.reviewer)
        form.addRow(self.tr("Decided"), self.when)
        form.addRow(self.tr("Countersigned statement"), self.pdf)
        form.addRow(self.tr("Comments"), self.comments)
        layout.addLayout(form)
        if decision.decision == "returned":
            self.further = plain_label(
                self.tr(
                    "The signed statement stays exactly as it is. When you and the survivor are "
                    "ready, what the supervisor asks for can be taken as a further statement."
                ),
                self,
                name="hint",
            )
            layout.addWidget(self.further)
        layout.addWidget(plain_label(self._checklist_heading(decision, loaded), self))
        self.answers = self._value(self._answers_text(decision, loaded))
        accessible(self.answers, self.tr("Checklist answers"))
        layout.addWidget(self.answers)
        accessible(
            self,
            self.tr("Decision: {verdict}").format(verdict=verdict),
            self.tr("By {name}, {when}").format(name=decision.reviewer, when=self.when.text()),
        )

    def _value(self, text: str) -> QLabel:
        label = plain_label(text, self)
        # Selectable, so it can be read with the keyboard and a screen reader, and copied
        # only by choice (never to the clipboard on its own).
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return label

    def _checklist_heading(self, decision: CaseDecision, loaded: CaseDecisions) -> str:
        items = decision.checklist.get("items")
        answered = len(items) if isinstance(items, dict) else 0
        total = len(loaded.order.get(str(decision.checklist.get("guide", "")), []))
        if not total or answered >= total:
            return self.tr("Checklist")
        return self.tr("Checklist: {answered} of {total} items answered").format(
            answered=answered, total=total
        )

    def _answers_text(self, decision: CaseDecision, loaded: CaseDecisions) -> str:
        names = {
            "met": self.tr("Met"),
            "not_met": self.tr("Not met"),
            "na": self.tr("Not applicable"),
        }
        guide = str(decision.checklist.get("guide", ""))
        items = decision.checklist.get("items")
        if not isinstance(items, dict) or not items:
            return self.tr("No checklist answers were given.")
        wording = loaded.wording.get(guide, {})
        order = loaded.order.get(guide, [])
        # Numbered as in the guide, so "item 5" means the same to both sides.
        numbers = {item_id: number for number, item_id in enumerate(order, start=1)}
        known = [i for i in order if i in items]
        ids = known + sorted(i for i in items if i not in numbers)
        lines = []
        for item_id in ids:
            given = items[item_id] if isinstance(items[item_id], dict) else {}
            answer = str(given.get("answer", ""))
            text = wording.get(item_id, item_id)
            shown = names.get(answer, answer)
            number = numbers.get(item_id)
            lines.append(
                self.tr("{number}. {answer}: {text}").format(number=number, answer=shown, text=text)
                if number is not None
                else self.tr("{answer}: {text}").format(answer=shown, text=text)
            )
            comment = str(given.get("comment", "")).strip()
            if comment:
                lines.append(self.tr("    Comment: {comment}").format(comment=comment))
        return "\n".join(lines)


class DecisionsScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._generation = 0  # answers that arrive after a lock or another case are dropped
        self._case: str | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Supervisor decisions"), self, name="title"))
        layout.addWidget(
            plain_label(
                self.tr(
                    "A supervisor's decision on an exported statement arrives as a decision file "
                    "(.qrr). Import it here, or drop the file on this window; it is checked "
                    "before it is kept."
                ),
                self,
                name="subtitle",
            )
        )
        self.import_button = QPushButton(self.tr("&Import a decision…"), self)
        self.import_button.setObjectName("primary")
        accessible(
            self.import_button,
            self.tr("Import a decision"),
            self.tr("Choose a decision file (.qrr) to check and keep with its case"),
        )
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        accessible(self.busy, self.tr("Working"))
        self.busy.hide()
        layout.addWidget(self.busy)
        self.message = plain_label("", self, name="message")
        self.message.hide()
        layout.addWidget(self.message)
        # The case's exports and where each went, before its decisions.
        self.deliveries = CaseDeliveries(self)
        layout.addWidget(self.deliveries)
        self.empty = plain_label("", self, name="hint")
        self.empty.hide()
        layout.addWidget(self.empty)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page = QWidget(scroll)
        self.page.setObjectName("screen")
        self.page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.cards_layout = QVBoxLayout(self.page)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.addStretch(1)
        scroll.setWidget(self.page)
        layout.addWidget(scroll, 1)
        self.cards: list[DecisionCard] = []
        self._sync_shape: tuple[tuple[str, str], ...] = ()
        self.back = QPushButton(self.tr("&Back"), self)
        accessible(self.back, self.tr("Back to the case"))
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        layout.addLayout(row)
        self.back.clicked.connect(self._back)
        self.import_button.clicked.connect(self._choose)

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self._say("")
        self._case = self.nav.current_case
        self._load()

    def attach_sync(self, worker: SyncWorker) -> None:
        """Follow the network worker: a delivery or a fetched decision shows at once."""
        worker.status_changed.connect(self._sync_changed)

    def _sync_changed(self, status: SyncStatus) -> None:
        if not status.known:  # halted (a lock, shutting down): nothing to show afresh
            return
        shape = tuple((d.item_id, d.state) for d in status.items)
        if shape == self._sync_shape:
            return
        self._sync_shape = shape
        if self.isVisible() and self._case is not None:
            self._load()

    def clear_content(self) -> None:
        self._generation += 1
        self._case = None
        self.deliveries.show_exports(None)
        self._show_cards(None)
        self._say("")
        self.empty.clear()
        self.empty.hide()
        self._working(False)

    # --- loading and showing ------------------------------------------------------------

    def _load(self) -> None:
        self._generation += 1
        generation = self._generation
        if self._case is None:
            self._show_cards(None)
            self.empty.setText(self.tr("Open a case first to see its decisions."))
            self.empty.show()
            return
        self.backend.run(
            case_deliveries,
            self._case,
            done=lambda exports: self._deliveries_loaded(exports, generation),
            failed=lambda message, code: None,  # the decisions' own answer says why
        )
        self.backend.run(
            load_decisions,
            self._case,
            self.nav.settings.language,
            done=lambda loaded: self._loaded(loaded, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def _deliveries_loaded(self, exports: list[CaseExport], generation: int) -> None:
        if generation == self._generation:
            self.deliveries.show_exports(exports)

    def _loaded(self, loaded: CaseDecisions, generation: int) -> None:
        if generation != self._generation:
            return
        self._working(False)
        self._show_cards(loaded)

    def _show_cards(self, loaded: CaseDecisions | None) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        if loaded is None:
            return
        for decision in reversed(loaded.decisions):  # the newest first
            card = DecisionCard(decision, loaded, self.page)
            self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
            self.cards.append(card)
        self.empty.setText(
            self.tr("No supervisor's decision on this case yet. When one arrives, import it here.")
        )
        self.empty.setVisible(not loaded.decisions)

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._working(False)
        self._say(sentence(message) or self.tr("Something went wrong; nothing was changed."), ERROR)

    # --- importing ----------------------------------------------------------------------

    def _choose(self) -> None:
        # An explicit folder, never Qt's memory of the last one visited (see bundles.py).
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a decision"),
            str(Path.home()),
            self.tr("Quietroom decision (*.qrr)") + ";;*",
            options=PRIVATE_DIALOG,
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self._generation += 1
        generation = self._generation
        self._working(True)
        self._say(self.tr("Checking the decision file…"))
        self.backend.run(
            import_and_load,
            path,
            self.nav.settings.language,
            done=lambda result: self._imported(result, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def _imported(self, result: tuple[Imported, CaseDecisions], generation: int) -> None:
        if generation != self._generation:
            return
        imported, loaded = result
        self._working(False)
        approved = imported.decision.decision == "approved"
        if not imported.created:
            text = self.tr("This decision was already imported; nothing was changed.")
        elif loaded.case_id != self.nav.current_case and loaded.reference:
            text = (
                self.tr(
                    "The decision was checked and kept. It is about case {reference}: the "
                    "supervisor approved the statement. It is shown below."
                )
                if approved
                else self.tr(
                    "The decision was checked and kept. It is about case {reference}: the "
                    "supervisor returned the statement with comments. It is shown below."
                )
            ).format(reference=loaded.reference)
        elif approved:
            text = self.tr(
                "The decision was checked and kept: the supervisor approved the statement."
            )
        else:
            text = self.tr(
                "The decision was checked and kept: the supervisor returned the statement with "
                "comments."
            )
        self._case = loaded.case_id
        self._say(text)
        self._show_cards(loaded)
        self.backend.run(
            case_deliveries,
            loaded.case_id,
            done=lambda exports: self._deliveries_loaded(exports, generation),
            failed=lambda message, code: None,
        )

    # --- drag and drop ------------------------------------------------------------------

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        return Path(files[0]) if len(files) == 1 else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_file(path)

    # --- helpers ------------------------------------------------------------------------

    def _back(self) -> None:
        self.nav.go("workspace" if self.nav.current_case else "cases")

    def _working(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.import_button.setEnabled(not on)

    def _say(self, text: str, kind: str = INFO) -> None:
        say(self.message, text, kind)
