"""The new-case flow: six steps inside the screen (never modal) and one worker call.

Category, reference, the statement's language and how the account will be taken →
survivor → preferences and needs → restricted details → consents (and the MG11 back
page's items) → who will be present. Finish hands everything as one CaseDetails to ONE
worker task (app.desktop.cases.create_new_case), which the engine stores in one
transaction: all of it or, if it refuses any detail, nothing. The engine's refusal
appears calmly on the step where that detail was typed, with the focus on the field.

The focus starts each step in a field, below the line that says where the interviewer
is ("Step 2 of 6: Survivor"): a screen reader would never reach that line, so it is
also the description of the field the step starts in, and the name of the steps' stack.
"""

from __future__ import annotations

import itertools

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.desktop.cases import Outcome, create_new_case, date_of_birth_valid, reference_taken
from app.desktop.types import CaseDetails
from ui.backend import Backend
from ui.core_messages import sentence
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.screens.new_case_consents import ITEM_KEYS, ConsentsStep
from ui.screens.new_case_steps import (
    CaseStep,
    FormStep,
    PreferencesStep,
    PresentStep,
    RestrictedStep,
    SurvivorStep,
)

CASE, SURVIVOR, PREFERENCES, RESTRICTED, CONSENTS, PRESENT = range(6)
PREFERENCE_KEYS = ("break_every_minutes", "avoid", "support_wanted")
RECORDING_KEYS = ("visually_recorded", "abe_reference")  # asked on the case step
BACK_PAGE_KEYS = (*ITEM_KEYS, "court_note")  # restricted details asked with the consents
# The step where each part of a new case is typed (the survivor's preferences aside).
PART_STEPS = {
    "case": CASE,
    "witness": SURVIVOR,
    "restricted": RESTRICTED,
    "consents": CONSENTS,
    "present": PRESENT,
}


class NewCaseScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.nav = nav
        self._generation = 0  # answers that arrive after Cancel or a lock are dropped
        # The field that also says which step this is, and its own description.
        self._described: tuple[QWidget, str, str] | None = None  # field, own, step
        self.case_step = CaseStep()
        self.survivor_step = SurvivorStep()
        self.preferences_step = PreferencesStep()
        self.restricted_step = RestrictedStep()
        self.consents_step = ConsentsStep()
        self.present_step = PresentStep()
        self.steps: list[FormStep] = [
            self.case_step,
            self.survivor_step,
            self.preferences_step,
            self.restricted_step,
            self.consents_step,
            self.present_step,
        ]
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
        accessible(
            self.finish_button,
            self.tr("Finish"),
            self.tr("Creates the case with everything entered and opens it."),
        )
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        accessible(
            self.cancel_button,
            self.tr("Cancel"),
            self.tr("Returns to the case list; asks first if anything was entered."),
        )
        # Cancel with something entered asks first, in one line (never a dialog).
        self.leave_row = QFrame()
        leave = QHBoxLayout(self.leave_row)
        leave.setContentsMargins(0, 0, 0, 0)
        self.leave_text = plain_label(
            self.tr("Leave this new case? What you have entered will not be kept.")
        )
        leave.addWidget(self.leave_text, 1)
        self.keep_button = QPushButton(self.tr("&Keep editing"))
        accessible(self.keep_button, self.tr("Keep editing"), self.tr("Stay on this step."))
        self.discard_button = QPushButton(self.tr("Discard and &leave"))
        accessible(
            self.discard_button,
            self.tr("Discard and leave"),
            self.tr("Returns to the case list; nothing entered here is kept."),
        )
        leave.addWidget(self.keep_button)
        leave.addWidget(self.discard_button)
        self.leave_row.hide()
        self.keep_button.clicked.connect(self._keep_editing)
        self.discard_button.clicked.connect(self._discard)
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
        layout.addWidget(self.leave_row)
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
        self.leave_row.hide()
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
        self.indicator.setText(
            self.tr("Step %1 of %2: %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(self.steps)))
            .replace("%3", step.title)
        )
        self.stack.setAccessibleName(self.indicator.text())
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
        self._describe_entry()
        # Only on the screen shown: a lock clears this screen while it is hidden, and a
        # hidden control that takes the focus is announced to a screen reader.
        if not self.isVisible():
            return
        self._entry_field().setFocus()

    def _entry_field(self) -> QWidget:
        """Where the focus starts on this step: its first enabled field (on the first
        step the category chosen, else the first), else Next."""
        focusables = self.steps[self.index].focusables()
        if self.index == CASE:
            category = self.case_step.widget_for("category")
            focusables = [category, *focusables] if category is not None else focusables
        target = next((w for w in focusables if w is not None and w.isEnabled()), None)
        return target or self.next_button

    def _describe_entry(self) -> None:
        """The step's line ("Step 2 of 6: Survivor") is read with the field the focus
        starts in, before that field's own description; the field described before
        gets its own back."""
        field, step = self._entry_field(), self.indicator.text()
        if self._described is not None:
            previous, own, said = self._described
            if previous is field and said == step:
                return  # as it is (a problem tied to the field may have joined it)
            if shiboken6.isValid(previous):  # a removed person's row is gone
                previous.setAccessibleDescription(own)
        own = field.accessibleDescription()
        self._described = (field, own, step)
        field.setAccessibleDescription(". ".join(t for t in (step, own) if t))

    def _chain_tab_order(self) -> None:
        order = [
            *self.steps[self.index].focusables(),
            self.back_button,
            self.next_button,
            self.finish_button,
            self.cancel_button,
            self.keep_button,
            self.discard_button,
        ]
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
            self.backend.run(
                reference_taken,
                self.case_step.value("reference"),
                done=lambda taken: self._reference_checked(taken, generation),
                failed=lambda message, code: self._failed(message, generation),
            )
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
            if self.case_step.value("visually_recorded") and not self.case_step.value(
                "abe_reference"
            ):
                return (
                    self.tr(
                        "Give the reference of the visual recording, or choose a written statement."
                    ),
                    "abe_reference",
                )
        elif index == SURVIVOR:
            if not self.survivor_step.value("name"):
                return self.tr("Give the name to appear on the statement."), "name"
        elif index == RESTRICTED:
            born = self.restricted_step.value("date_of_birth")
            if born and not date_of_birth_valid(born):
                return self._date_text(), "date_of_birth"
        elif index == PRESENT:
            unnamed = self.present_step.first_unnamed()
            if unnamed is not None:
                return self.tr("Give a name for each person, or remove the row."), unnamed
        return None

    def _date_text(self) -> str:
        return self.tr(
            "Write the date of birth as day/month/year, for example 21/03/1979: a real "
            "date in the past. Leave it empty if it is not known."
        )

    def _duplicate_text(self) -> str:
        return self.tr(
            "A case with this reference already exists. Choose another "
            "reference, or open that case from the case list."
        )

    def _show_problem(self, index: int, text: str, field: str | QWidget | None) -> None:
        if self.index != index:
            self.show_step(index)
        step = self.steps[index]
        widget = field if isinstance(field, QWidget) else step.widget_for(field)
        step.show_message(text, widget)

    # --- finishing --------------------------------------------------------------------

    def plan(self) -> CaseDetails:
        witness = {
            **self.survivor_step.witness_values(),
            **self.preferences_step.witness_values(),
            **self.case_step.recording_values(),
        }
        return CaseDetails(
            category=self.case_step.category() or "",
            reference=self.case_step.value("reference"),
            interviewer=self.case_step.value("interviewer"),
            witness=witness,
            restricted={
                **self.restricted_step.restricted_values(),
                **self.consents_step.restricted_values(),
            },
            consents=tuple(self.consents_step.consents()),
            present=tuple(self.present_step.participants()),
            statement_language=self.case_step.value("statement_language") or "en",
        )

    def finish(self) -> None:
        if not all(self._valid(index) for index in range(len(self.steps))):
            return
        self.present_step.show_message("")
        self._set_busy(self.tr("Creating the case…"))
        generation = self._generation
        self.backend.run(
            create_new_case,
            self.plan(),
            done=lambda outcome: self._finished(outcome, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def _finished(self, outcome: Outcome, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_busy("")
        if outcome.case_id and not outcome.problem:
            self.clear_content()  # nothing entered lingers behind the workspace
            self.nav.open_case(outcome.case_id)
        elif outcome.problem == "duplicate":
            self._show_problem(CASE, self._duplicate_text(), "reference")
        elif outcome.field == "date_of_birth":
            self._show_problem(RESTRICTED, self._date_text(), "date_of_birth")
        else:
            self._show_problem(
                self._refused_step(outcome),
                self.tr("Nothing has been saved yet. %1")
                .replace("%1", sentence(outcome.message))
                .strip(),
                self._refused_field(outcome),
            )

    def _refused_step(self, outcome: Outcome) -> int:
        if outcome.part == "witness" and outcome.field in PREFERENCE_KEYS:
            return PREFERENCES
        if outcome.part == "witness" and outcome.field in RECORDING_KEYS:
            return CASE
        if outcome.part == "restricted" and outcome.field in BACK_PAGE_KEYS:
            return CONSENTS
        return PART_STEPS.get(outcome.part, CASE)

    def _refused_field(self, outcome: Outcome) -> str | QWidget | None:
        """The field to focus: a person refused is their row's name (field is the row)."""
        if outcome.part == "present":
            rows, row = self.present_step.rows, outcome.field or ""
            index = int(row) if row.isdigit() else len(rows)
            return rows[index].name if index < len(rows) else None
        if outcome.part == "consents":  # a consent refused: its limit is what was typed
            limit = f"{outcome.field}.limit"
            return limit if self.consents_step.widget_for(limit) is not None else outcome.field
        return outcome.field

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_busy("")
        text = (
            self.tr("Nothing has been saved yet. %1").replace("%1", sentence(message))
            if message
            else self.tr("Nothing has been saved yet. Something went wrong; please try again.")
        )
        self.steps[self.index].show_message(text)

    def _set_busy(self, text: str) -> None:
        self.busy.setText(text)
        self.busy.setVisible(bool(text))
        for button in (self.next_button, self.finish_button, self.cancel_button):
            button.setEnabled(not text)
        self.back_button.setEnabled(not text and self.index > CASE)

    def cancel(self) -> None:
        if any(step.has_content() for step in self.steps):
            self.leave_row.show()
            self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)  # the safe answer
            return
        self._discard()

    def _keep_editing(self) -> None:
        self.leave_row.hide()
        self._focus_first()

    def _discard(self) -> None:
        self.clear_content()
        self.nav.go("cases")
