"""The new-case flow: six steps inside the screen (never modal) and one worker call.

Category and reference → survivor → preferences and needs → restricted details →
consents → who will be present. Finish hands a plain plan to ONE worker function,
which first checks everything the core would refuse and only then creates the case,
so a refusal leaves nothing half-created. Problems appear calmly on the step they
concern, with the focus on the field.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.desktop.session import Session
from app.engine.base import short_text
from app.engine.cases import MAX_REFERENCE, parse_date_of_birth
from app.engine.engine import Engine
from app.engine.models import CATEGORIES, Participant
from app.errors import QuietroomError, UsageError
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.screens.cases import sentence
from ui.screens.new_case_steps import (
    MAX_INTERVIEWER,
    MAX_LINE,
    CaseStep,
    ConsentsStep,
    FormStep,
    PreferencesStep,
    PresentStep,
    RestrictedStep,
    SurvivorStep,
)

LOG = logging.getLogger("quietroom.ui")
CASE, SURVIVOR, PREFERENCES, RESTRICTED, CONSENTS, PRESENT = range(6)
PREFERENCE_KEYS = ("break_every_minutes", "avoid", "support_wanted")
LIMITS = {"reference": MAX_REFERENCE, "interviewer": MAX_INTERVIEWER}


@dataclass(frozen=True)
class NewCasePlan:
    """Everything the flow collected, as plain data the worker can carry out."""

    category: str
    reference: str
    interviewer: str
    witness: dict[str, Any]
    restricted: dict[str, Any]
    consents: tuple[tuple[str, str], ...]
    present: tuple[Participant, ...]


@dataclass(frozen=True)
class Outcome:
    case_id: str | None = None
    problem: str = ""          # "" | "duplicate" | "refused" | "partial"
    step: int = CASE           # where a refusal belongs
    field: str | None = None
    message: str = ""          # the core's sentence, shown only to the interviewer


def _taken(engine: Engine, reference: str) -> bool:
    reference = reference.strip()
    return any(c.reference == reference for c in engine.list_cases(search=reference))


def reference_taken(session: Session, reference: str) -> bool:
    """Worker: does a case already use exactly this reference?"""
    return _taken(session.engine, reference)


def _precheck(engine: Engine, plan: NewCasePlan) -> Outcome | None:
    """The core's own checks, run before anything is written (mirrors the engine calls)."""
    if plan.category not in CATEGORIES:
        return Outcome(problem="refused", step=CASE, field="category")
    today = engine.clock.now().date()
    checks: list[tuple[int, str, Any, str]] = [
        (CASE, "reference", plan.reference, "the reference"),
        (CASE, "interviewer", plan.interviewer, "the interviewer's name"),
        (SURVIVOR, "name", plan.witness.get("name", ""), "the name")]
    for key, value in plan.witness.items():
        if key == "name":
            continue
        step = PREFERENCES if key in PREFERENCE_KEYS else SURVIVOR
        checks.append((step, key, value, f"the {key.replace('_', ' ')}"))
    for key, value in plan.restricted.items():
        checks.append((RESTRICTED, key, value, f"the {key.replace('_', ' ')}"))
    for step, key, value, what in checks:
        if not isinstance(value, str):
            continue
        try:
            if key == "date_of_birth":
                parse_date_of_birth(value, today)
            else:
                short_text(value, what, required=key in ("reference", "name"),
                           limit=LIMITS.get(key, MAX_LINE))
        except QuietroomError as exc:
            return Outcome(problem="refused", step=step, field=key, message=str(exc))
    if _taken(engine, plan.reference):
        return Outcome(problem="duplicate", step=CASE, field="reference")
    return None


def create_new_case(session: Session, plan: NewCasePlan) -> Outcome:
    """Worker: check, then create the case and record everything the flow collected."""
    engine = session.engine
    problem = _precheck(engine, plan)
    if problem is not None:
        return problem
    try:
        case = engine.create_case(plan.category, plan.reference, plan.interviewer)
    except QuietroomError as exc:  # e.g. the same reference created elsewhere meanwhile
        duplicate = _taken(engine, plan.reference)
        return Outcome(problem="duplicate" if duplicate else "refused", step=CASE,
                       field="reference", message=str(exc))
    try:
        engine.set_witness(case.id, **plan.witness)
        if plan.restricted:
            engine.set_restricted(case.id, **plan.restricted)
        for kind, state in plan.consents:
            engine.record_consent(case.id, kind, state)
        engine.set_planned_present(case.id, list(plan.present))
    except QuietroomError as exc:
        return Outcome(case.id, problem="partial", step=PRESENT, message=str(exc))
    except Exception as exc:  # the case exists: say so rather than pretend nothing happened
        LOG.error("unexpected %s while recording a new case's details", type(exc).__name__)
        return Outcome(case.id, problem="partial", step=PRESENT)
    return Outcome(case.id)


class NewCaseScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.nav = nav
        self._generation = 0  # answers that arrive after Cancel or a lock are dropped
        self.case_step = CaseStep()
        self.survivor_step = SurvivorStep()
        self.preferences_step = PreferencesStep()
        self.restricted_step = RestrictedStep()
        self.consents_step = ConsentsStep()
        self.present_step = PresentStep()
        self.steps: list[FormStep] = [self.case_step, self.survivor_step,
                                      self.preferences_step, self.restricted_step,
                                      self.consents_step, self.present_step]
        self._break_default = nav.settings.default_break_minutes
        self.preferences_step.set_break_default(self._break_default)

        title = plain_label(self.tr("New case"), name="title")
        self.indicator = plain_label(name="subtitle")
        self.stack = QStackedWidget()
        for step in self.steps:
            self.stack.addWidget(step)
        self.busy = plain_label(name="hint")
        self.busy.hide()
        self.back_button = QPushButton(self.tr("&Back"))
        accessible(self.back_button, self.tr("Back"), self.tr("The previous step."))
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setObjectName("primary")
        accessible(self.next_button, self.tr("Next"), self.tr("The next step."))
        self.finish_button = QPushButton(self.tr("&Finish"))
        self.finish_button.setObjectName("primary")
        accessible(self.finish_button, self.tr("Finish"),
                   self.tr("Creates the case with everything entered and opens it."))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        accessible(self.cancel_button, self.tr("Cancel"),
                   self.tr("Returns to the case list; nothing entered here is kept."))
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button.clicked.connect(self.cancel)
        self.present_step.focusables_changed.connect(self._chain_tab_order)

        buttons = QHBoxLayout()
        for button in (self.back_button, self.next_button, self.finish_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.indicator)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.show_step(CASE)

    # --- Screen ---------------------------------------------------------------------

    def entered(self) -> None:
        # The setting is only the interval offered if the survivor asks for one; once
        # the interviewer has ticked that they did, the value shown is theirs.
        wanted = self.nav.settings.default_break_minutes
        if not self.preferences_step.value("break_chosen"):
            self.preferences_step.set_break_default(wanted)
        self._break_default = wanted
        self._focus_first()

    def clear_content(self) -> None:
        self._generation += 1
        for step in self.steps:
            step.clear()
        self._break_default = self.nav.settings.default_break_minutes
        self.preferences_step.set_break_default(self._break_default)
        self._set_busy("")
        self.show_step(CASE)

    # --- moving between steps -------------------------------------------------------

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        step = self.steps[index]
        self.indicator.setText(self.tr("Step %1 of %2: %3").replace("%1", str(index + 1))
                               .replace("%2", str(len(self.steps))).replace("%3", step.title))
        self.back_button.setEnabled(index > CASE and not self.busy.text())
        self.next_button.setVisible(index < PRESENT)
        self.finish_button.setVisible(index == PRESENT)
        if index == PRESENT and not self.present_step.prefilled:
            self.present_step.prefilled = True
            interviewer = self.case_step.value("interviewer")
            if interviewer and not self.present_step.rows:
                self.present_step.add_row("interviewer", interviewer)
        self._chain_tab_order()
        self._focus_first()

    def _focus_first(self) -> None:
        focusables = self.steps[self.index].focusables()
        if self.index == CASE:
            focusables = [self.case_step.widget_for("category"), *focusables]
        target = next((w for w in focusables if w is not None and w.isEnabled()), None)
        (target or self.next_button).setFocus()

    def _chain_tab_order(self) -> None:
        order = [*self.steps[self.index].focusables(), self.back_button, self.next_button,
                 self.finish_button, self.cancel_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def go_back(self) -> None:
        if self.index > CASE:
            self.steps[self.index].show_message("")
            self.show_step(self.index - 1)

    def go_next(self) -> None:
        index = self.index
        if index >= PRESENT or not self._valid(index):
            return
        if index == CASE:  # tell a taken reference now, not after five more steps
            self._set_busy(self.tr("Checking the reference…"))
            generation = self._generation
            self.backend.run(reference_taken, self.case_step.value("reference"),
                             done=lambda taken: self._reference_checked(taken, generation),
                             failed=lambda message, code: self._failed(message, generation))
            return
        self.steps[index].show_message("")
        self.show_step(index + 1)

    def _reference_checked(self, taken: object, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_busy("")
        if taken:
            self._show_problem(CASE, self._duplicate_text(), "reference")
        else:
            self.case_step.show_message("")
            self.show_step(SURVIVOR)

    # --- checking what can be checked here --------------------------------------------

    def _valid(self, index: int) -> bool:
        problem = self._local_problem(index)
        if problem is None:
            return True
        text, field = problem
        self._show_problem(index, text, field)
        return False

    def _local_problem(self, index: int) -> tuple[str, str | QWidget] | None:
        if index == CASE:
            if self.case_step.category() is None:
                return self.tr("Choose the category of the case."), "category"
            if not self.case_step.value("reference"):
                return self.tr("Give the case reference."), "reference"
        elif index == SURVIVOR:
            if not self.survivor_step.value("name"):
                return self.tr("Give the name to appear on the statement."), "name"
        elif index == RESTRICTED:
            born = self.restricted_step.value("date_of_birth")
            try:
                if born:
                    parse_date_of_birth(born, date.today())
            except UsageError:
                return self._date_text(), "date_of_birth"
        elif index == PRESENT:
            unnamed = self.present_step.first_unnamed()
            if unnamed is not None:
                return self.tr("Give a name for each person, or remove the row."), unnamed
        return None

    def _date_text(self) -> str:
        return self.tr("Write the date of birth as YYYY-MM-DD, for example 1979-03-21: a real "
                       "date in the past. Leave it empty if it is not known.")

    def _duplicate_text(self) -> str:
        return self.tr("A case with this reference already exists. Choose another "
                       "reference, or open that case from the case list.")

    def _show_problem(self, index: int, text: str, field: str | QWidget | None) -> None:
        if self.index != index:
            self.show_step(index)
        step = self.steps[index]
        widget = field if isinstance(field, QWidget) else step.widget_for(field)
        step.show_message(text, widget)

    # --- finishing --------------------------------------------------------------------

    def plan(self) -> NewCasePlan:
        witness = {**self.survivor_step.witness_values(),
                   **self.preferences_step.witness_values()}
        return NewCasePlan(
            category=self.case_step.category() or "",
            reference=self.case_step.value("reference"),
            interviewer=self.case_step.value("interviewer"),
            witness=witness, restricted=self.restricted_step.restricted_values(),
            consents=tuple(self.consents_step.consents()),
            present=tuple(self.present_step.participants()))

    def finish(self) -> None:
        if not all(self._valid(index) for index in range(len(self.steps))):
            return
        self.present_step.show_message("")
        self._set_busy(self.tr("Creating the case…"))
        generation = self._generation
        self.backend.run(create_new_case, self.plan(),
                         done=lambda outcome: self._finished(outcome, generation),
                         failed=lambda message, code: self._failed(message, generation))

    def _finished(self, outcome: Outcome, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_busy("")
        if outcome.case_id and not outcome.problem:
            self.clear_content()  # nothing entered lingers behind the workspace
            self.nav.open_case(outcome.case_id)
        elif outcome.problem == "partial":
            self.finish_button.setEnabled(False)  # finishing again would make a second case
            self._show_problem(PRESENT, self.tr(
                "The case was created, but not every detail was saved. %1 Open it from the "
                "case list to check and add what is missing.")
                .replace("%1", sentence(outcome.message)).replace("  ", " "), None)
        elif outcome.problem == "duplicate":
            self._show_problem(CASE, self._duplicate_text(), "reference")
        elif outcome.field == "date_of_birth":
            self._show_problem(RESTRICTED, self._date_text(), "date_of_birth")
        else:
            self._show_problem(outcome.step, self.tr("Nothing has been saved yet. %1")
                               .replace("%1", sentence(outcome.message)).strip(),
                               outcome.field)

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_busy("")
        text = (self.tr("Nothing has been saved yet. %1").replace("%1", sentence(message))
                if message else
                self.tr("Nothing has been saved yet. Something went wrong; please try again."))
        self.steps[self.index].show_message(text)

    def _set_busy(self, text: str) -> None:
        self.busy.setText(text)
        self.busy.setVisible(bool(text))
        for button in (self.next_button, self.finish_button, self.cancel_button):
            button.setEnabled(not text)
        self.back_button.setEnabled(not text and self.index > CASE)

    def cancel(self) -> None:
        self.clear_content()
        self.nav.go("cases")
