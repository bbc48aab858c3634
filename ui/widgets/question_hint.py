"""A quiet hint under the Notes: the question just written into a note may lead the
survivor (issue #21 §7).

After a note is added, the workspace asks `check(note_text)`; the check runs on the
backend's worker (app/desktop/questions.py `check_note_question`, queued after the note's
own save, so typing and saving never wait for it) and compares each question in the note
("Q: …", or a quoted question ending in "?") with the survivor's words so far. What it
finds is shown one rule at a time, in the calm information look (never a pop-up, never a
problem's colour, never in the way of the next note) and said politely to a screen
reader: the rule's name, the words that broke it and the rule's explanation. "Dismiss
hint" records the rule and the reason typed, if any, for the supervisor (app/desktop/
cases.py `dismiss_hint`); ignoring the hint is fine too, and the next note with a
question replaces it.

Languages. The explanation comes from the core in the interface language; the questions
are checked in the statement's language. With the Welsh interface, or after a check in
Welsh, one plain line says which rules are checked in Welsh (three of the ten).

Everything the interviewer wrote is shown as plain text only. `clear()` (a lock, another
case) forgets the hint and the reason typed, and drops answers still on their way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.desktop.cases import dismiss_hint
from app.desktop.questions import (
    MAX_REASON,
    RULE_ORDER,
    NoteCheck,
    QuestionHint,
    check_note_question,
    rules_checked_in,
)
from ui.backend import Backend
from ui.screens.base import accessible, plain_label
from ui.widgets.notice import ERROR, INFO, say


def rule_names() -> dict[str, str]:
    """Each question rule's short name, as the hint names it."""
    return {
        "yes_no": QCoreApplication.translate("QuestionHintPanel", "Yes/no question"),
        "tag": QCoreApplication.translate("QuestionHintPanel", "Tag question"),
        "forced_choice": QCoreApplication.translate("QuestionHintPanel", "Either/or question"),
        "multiple": QCoreApplication.translate("QuestionHintPanel", "Two questions at once"),
        "presupposition": QCoreApplication.translate(
            "QuestionHintPanel", "Presumes what was not said"
        ),
        "loaded_word": QCoreApplication.translate(
            "QuestionHintPanel", "A word the survivor has not used"
        ),
        "new_detail": QCoreApplication.translate(
            "QuestionHintPanel", "A detail the survivor has not given"
        ),
        "why_blame": QCoreApplication.translate("QuestionHintPanel", "Why, or blame"),
        "statement_question": QCoreApplication.translate(
            "QuestionHintPanel", "A statement asked as a question"
        ),
        "pressure_to_guess": QCoreApplication.translate("QuestionHintPanel", "Pressure to guess"),
    }


class QuestionHintPanel(QWidget):
    """The hint about the last note's questions, and the note on the rules checked in Welsh."""

    def __init__(
        self, backend: Backend, parent: QWidget | None = None, *, focus_after: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.focus_after = focus_after  # where the focus goes once the last hint is dismissed
        self._ref: str | None = None
        self._language = "en"
        self._generation = 0  # answers that arrive after a lock or another case are dropped
        self._hints: list[QuestionHint] = []
        self._index = 0
        self._welsh_checked = False  # a check ran in Welsh: say which rules apply
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel = QFrame(self)
        self.panel.setObjectName("questionHint")
        accessible(self.panel, self.tr("Question hint"))
        inner = QVBoxLayout(self.panel)
        inner.setContentsMargins(0, 0, 0, 0)
        self.text = plain_label("", self.panel, name="message")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        inner.addWidget(self.text)
        self.reason_label = plain_label(self.tr("Reason for dismissing (optional)"), self.panel)
        self.reason = QLineEdit(self.panel)
        self.reason.setMaxLength(MAX_REASON)
        self.reason_label.setBuddy(self.reason)
        accessible(
            self.reason,
            self.tr("Reason for dismissing (optional)"),
            self.tr("Goes into the record for the supervisor"),
        )
        inner.addWidget(self.reason_label)
        inner.addWidget(self.reason)
        row = QHBoxLayout()
        row.addStretch(1)
        self.dismiss = QPushButton(self.tr("Dis&miss hint"), self.panel)
        accessible(self.dismiss, self.tr("Dismiss hint"), self.tr("The reason, if any, is kept"))
        row.addWidget(self.dismiss)
        inner.addLayout(row)
        self.problem = plain_label("", self.panel, name="message")
        self.problem.hide()
        inner.addWidget(self.problem)
        self.panel.hide()
        layout.addWidget(self.panel)
        self.welsh_note = plain_label("", self, name="hint")
        self.welsh_note.hide()
        layout.addWidget(self.welsh_note)
        self.dismiss.clicked.connect(self._dismiss)
        self.reason.returnPressed.connect(self._dismiss)

    # --- the case ---------------------------------------------------------------------

    def show_case(self, ref: str, language: str) -> None:
        """The case the notes belong to, and the interface language. Shown again for the
        same case (back from a pause), the hint stays; for another case it is cleared."""
        if ref != self._ref:
            self.clear()
        self._ref, self._language = ref, language
        self._show_welsh_note()

    def check(self, note_text: str) -> None:
        """Check the questions in the note just added (on the worker, after its save)."""
        if self._ref is None:
            return
        generation = self._generation
        self.backend.run(
            check_note_question,
            self._ref,
            note_text,
            self._language,
            done=lambda result: self._if_current(generation, self._checked, result),
            failed=lambda message, code: None,  # a hint that cannot be given is no problem
        )

    def _if_current(self, generation: int, fn: Callable[..., None], *args: Any) -> None:
        if generation == self._generation:
            fn(*args)

    def _checked(self, result: NoteCheck) -> None:
        if not result.questions:
            return  # a note without a question leaves the hint as it is
        self._welsh_checked = self._welsh_checked or result.checked_in == "cy"
        self._show_welsh_note()
        self._hints, self._index = list(result.hints), 0
        self.reason.clear()
        self._show_hint()

    # --- showing ------------------------------------------------------------------------

    def current(self) -> QuestionHint | None:
        """The hint shown, if any."""
        return self._hints[self._index] if self._index < len(self._hints) else None

    def _show_hint(self) -> None:
        hint = self.current()
        self.problem.hide()
        if hint is None:
            self.panel.hide()
            say(self.text, "", INFO)
            return
        name = rule_names().get(hint.rule, hint.rule)
        text = self.tr("%1: “%2”").replace("%1", name).replace("%2", hint.words or hint.question)
        if len(self._hints) > 1:
            text = (
                self.tr("Hint %1 of %2.")
                .replace("%1", str(self._index + 1))
                .replace("%2", str(len(self._hints)))
                + " "
                + text
            )
        for widget in (self.reason_label, self.reason, self.dismiss):
            widget.show()
        self.dismiss.setEnabled(True)
        self.panel.show()
        say(self.text, f"{text}\n{hint.explanation}", INFO)  # the calm look, said politely
        generation = self._generation
        QTimer.singleShot(0, lambda: self._if_current(generation, self._into_view))

    def _into_view(self) -> None:
        """Scroll the Notes page (a small screen, large text) so the hint can be seen; the
        focus stays where it is."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if not isinstance(area, QScrollArea) or not self.panel.isVisible():
            return
        page = area.widget()
        if page is None:
            return
        layout = page.layout()
        if layout is not None:
            layout.activate()  # the panel's place, now that it is shown
        # All of it if it fits, else from its first line (the rule's name).
        bar, height = area.verticalScrollBar(), area.viewport().height()
        top = self.panel.mapTo(page, QPoint(0, 0)).y()
        bottom = top + self.panel.height()
        if bottom > bar.value() + height:
            bar.setValue(min(top, bottom - height))
        elif top < bar.value():
            bar.setValue(top)

    def _show_welsh_note(self) -> None:
        if self._language != "cy" and not self._welsh_checked:
            self.welsh_note.hide()
            return
        names = rule_names()
        welsh = rules_checked_in("cy")
        self.welsh_note.setText(
            self.tr("Questions in Welsh are checked by %1 of the %2 rules only: %3.")
            .replace("%1", str(len(welsh)))
            .replace("%2", str(len(RULE_ORDER)))
            .replace("%3", "; ".join(names.get(rule, rule) for rule in welsh))
        )
        self.welsh_note.show()

    # --- dismissing -----------------------------------------------------------------------

    def _dismiss(self) -> None:
        hint = self.current()
        if self._ref is None or hint is None or not self.dismiss.isEnabled():
            return
        reason = self.reason.text().strip() or None
        generation = self._generation
        self.dismiss.setEnabled(False)
        self.backend.run(
            dismiss_hint,
            self._ref,
            hint.rule,
            reason,
            done=lambda _done: self._if_current(generation, self._dismissed),
            failed=lambda message, code: self._if_current(generation, self._refused, message),
        )

    def _dismissed(self) -> None:
        self._index += 1
        self.reason.clear()
        if self.current() is not None:
            self._show_hint()
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._hints, self._index = [], 0
        for widget in (self.reason_label, self.reason, self.dismiss):
            widget.hide()
        if self.focus_after is not None:
            self.focus_after.setFocus(Qt.FocusReason.OtherFocusReason)
        say(self.text, self.tr("Hint dismissed; the record keeps it for the supervisor."), INFO)

    def _refused(self, message: str) -> None:
        self.dismiss.setEnabled(True)
        say(self.problem, message, ERROR)  # the dismissal's problem, never the hint's look

    # --- privacy ------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the hint and the reason typed (a lock, another case); late answers are
        dropped."""
        self._generation += 1
        self._ref = None
        self._hints, self._index = [], 0
        self._welsh_checked = False
        self.reason.clear()
        say(self.text, "", INFO)
        say(self.problem, "", ERROR)
        self.panel.hide()
        self.welsh_note.clear()
        self.welsh_note.hide()
