"""The supervisor's decision on a review: the checklist, comments, approve or return.

The reading view sets the navigator's `current_review` and comes here. The screen shows
the checklist of the statement's guide (ui/widgets/checklist_form.py) and a box for the
decision's comments. Approving needs every item answered and a comment on each item not
met; returning needs comments. The form says what is missing before anything is asked
of the core, which checks again; the core's refusals are shown as they come.

Either action asks where to save the decision file (.qrr), then says plainly what will
happen and waits for a yes before the worker signs and writes it. A review is decided
once. Comments and answers are forgotten when the vault locks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.desktop.review import (
    MAX_COMMENTS,
    ChecklistEntry,
    DecisionResult,
    ReviewItem,
    check_comment,
    decide_review,
    inbox,
    review_checklist,
)
from app.desktop.session import Session
from ui.backend import Backend
from ui.core_messages import sentence
from ui.navigation import Navigator
from ui.screens.base import PRIVATE_DIALOG, Screen, accessible, plain_label
from ui.screens.decisions import DECISION_SUFFIX, decided_at
from ui.widgets.checklist_form import ChecklistForm
from ui.widgets.notice import ERROR, INFO, say

# Where the reading view lives (the screen the supervisor came from).
READING_SCREEN = "review_reading"
INBOX_SCREEN = "review_inbox"


@dataclass(frozen=True)
class ReviewToDecide:
    review: ReviewItem
    checklist: list[ChecklistEntry]


def load_review(session: Session, review_id: str) -> ReviewToDecide:
    """Runs on the worker: the review (as the inbox lists it) and its checklist."""
    review = next((r for r in inbox(session) if r.id == review_id), None)
    checklist = review_checklist(session, review_id)  # refuses an unknown review
    if review is None:  # pragma: no cover - review_checklist has refused already
        raise LookupError(review_id)
    return ReviewToDecide(review, checklist)


def decide_on_worker(
    session: Session,
    review_id: str,
    approve: bool,
    comments: str,
    answers: dict[str, tuple[str, str]],
    out: Path,
    positions: dict[str, int],
) -> DecisionResult:
    """Runs on the worker: each item's comment checked as an answers file's would be,
    then the decision made and written."""
    for item_id, (_answer, comment) in answers.items():
        check_comment(comment, positions.get(item_id, 0), item_id)
    return decide_review(session, review_id, approve, comments, answers, out)


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before a decision is made; True only for an explicit yes. Pausing or locking
    while it is open dismisses it (ui/main_window.py), which counts as no."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.NoIcon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # it names a path, which is never markup
    box.setText(text)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(yes)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def safe_file_name(reference: str) -> str:
    """A case reference as the start of a file name (it came in a bundle: nothing that
    could reach another folder or hide the file)."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", reference).strip("-")
    return name or "review"


class ReviewDecisionScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._generation = 0  # answers that arrive after a lock or another review are dropped
        self._review: ReviewItem | None = None
        self._decided = False
        self._last_folder: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Decide on the statement"), self, name="title"))
        self.about = plain_label("", self, name="subtitle")
        layout.addWidget(self.about)
        self.state = plain_label("", self, name="message")
        self.state.hide()
        layout.addWidget(self.state)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take focus, not the frame
        self.scroller = scroll
        page = QWidget(scroll)
        page.setObjectName("screen")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        inner = QVBoxLayout(page)
        inner.setContentsMargins(0, 8, 12, 0)  # in line with the title; clear of the scroll bar
        inner.addWidget(plain_label(self.tr("Checklist"), page, name="subtitle"))
        inner.addWidget(
            plain_label(
                self.tr(
                    "Answer each item: met, not met or not applicable. An item that is not met "
                    "needs a short comment saying why."
                ),
                page,
                name="hint",
            )
        )
        self.form = ChecklistForm(page)
        inner.addWidget(self.form)
        comments_label = plain_label(self.tr("Your &comments on the statement"), page)
        inner.addWidget(comments_label)
        self.comments = QPlainTextEdit(page)
        self.comments.setTabChangesFocus(True)
        self.comments.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.comments.setPlaceholderText(
            self.tr("Needed when you return the statement: say what should change.")
        )
        accessible(
            self.comments,
            self.tr("Your comments on the statement"),
            self.tr(
                "Optional when approving; needed when returning. The interviewer and the "
                "intake will read them."
            ),
        )
        comments_label.setBuddy(self.comments)
        inner.addWidget(self.comments)
        inner.addStretch(1)
        scroll.setWidget(page)
        layout.addWidget(scroll, 1)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        accessible(self.busy, self.tr("Working"))
        self.busy.hide()
        layout.addWidget(self.busy)
        self.message = plain_label("", self, name="message")
        self.message.hide()
        layout.addWidget(self.message)
        self.missing = plain_label("", self, name="hint")
        accessible(self.missing, self.tr("What is still needed"))
        layout.addWidget(self.missing)

        self.back = QPushButton(self.tr("&Back"), self)
        accessible(self.back, self.tr("Back to the statement"))
        self.return_button = QPushButton(self.tr("&Return with comments…"), self)
        self.approve_button = QPushButton(self.tr("&Approve and countersign…"), self)
        self.approve_button.setObjectName("primary")
        accessible(
            self.return_button,
            self.tr("Return with comments"),
            self.tr("Sends the statement back to the interviewer with your comments"),
        )
        accessible(
            self.approve_button,
            self.tr("Approve and countersign"),
            self.tr("Adds your signature to the statement and writes the decision file"),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)

        self.back.clicked.connect(self._back)
        self.approve_button.clicked.connect(lambda: self.decide(approve=True))
        self.return_button.clicked.connect(lambda: self.decide(approve=False))
        self.form.changed.connect(self._update_missing)
        self.comments.textChanged.connect(self._update_missing)
        self._update_missing()

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        review_id = self.nav.current_review
        if review_id and self._review is not None and self._review.id == review_id:
            return  # back from a pause: everything typed is still in place
        self._forget()
        if not review_id:
            self.about.setText(self.tr("Choose a statement in the review inbox first."))
            self._set_decided(True)
            return
        self._generation += 1
        generation = self._generation
        self._working(True)
        self.backend.run(
            load_review,
            review_id,
            done=lambda loaded: self._loaded(loaded, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def clear_content(self) -> None:
        self._forget()
        self._last_folder = None

    def _forget(self) -> None:
        """Forget the review, every answer and comment, and what the screen said."""
        self._generation += 1
        self._review = None
        self.form.clear()
        self.comments.clear()
        self.about.clear()
        self._say("")
        self._show_state("")
        self._working(False)
        self._set_decided(False)

    # --- loading ------------------------------------------------------------------------

    def _loaded(self, loaded: ReviewToDecide, generation: int) -> None:
        if generation != self._generation:
            return
        self._working(False)
        review = loaded.review
        self._review = review
        # The reference and the interviewer's name came in the bundle: plain text.
        self.about.setText(
            self.tr(
                "Statement {reference}, taken by {interviewer}. Work through the checklist, "
                "then approve the statement or return it with comments."
            ).format(reference=review.reference, interviewer=review.interviewer)
        )
        self.form.set_items(loaded.checklist)
        self._show_review_state(review)

    def _show_review_state(self, review: ReviewItem) -> None:
        decided = review.state != "to_review"
        self._set_decided(decided)
        if not decided:
            self._show_state("")
        elif review.state == "approved":
            self._show_state(
                self.tr(
                    "This statement was approved on {when}. A review is decided once, so "
                    "nothing more can be done here."
                ).format(when=decided_at(review.decided))
            )
        else:
            self._show_state(
                self.tr(
                    "This statement was returned on {when}. A review is decided once, so "
                    "nothing more can be done here."
                ).format(when=decided_at(review.decided))
            )

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._working(False)
        self._say(sentence(message) or self.tr("Something went wrong; nothing was changed."), ERROR)
        review = self._review
        if review is not None:  # perhaps decided meanwhile: look again, keep what was typed
            self.backend.run(
                load_review,
                review.id,
                done=lambda loaded: self._recheck(loaded, generation),
                failed=lambda message, code: None,
            )

    def _recheck(self, loaded: ReviewToDecide, generation: int) -> None:
        if generation == self._generation and loaded.review.state != "to_review":
            self._review = loaded.review
            self._show_review_state(loaded.review)

    # --- what is missing ----------------------------------------------------------------

    def approval_needs(self) -> str:
        """What approving still needs, in a sentence ("" when nothing)."""
        unanswered = self.form.unanswered()
        if unanswered:
            total = len(self.form.rows)
            if len(unanswered) == 1:
                return self.tr("To approve, item {number} still needs an answer.").format(
                    number=unanswered[0]
                )
            return self.tr(
                "To approve, {count} of the {total} items still need an answer, starting with "
                "item {number}."
            ).format(count=len(unanswered), total=total, number=unanswered[0])
        missing = self.form.missing_comments()
        if len(missing) == 1:
            return self.tr(
                "To approve, item {number} is marked not met and needs a comment saying why."
            ).format(number=missing[0])
        if missing:
            return self.tr(
                "To approve, items {numbers} are marked not met and each needs a comment "
                "saying why."
            ).format(numbers=", ".join(str(n) for n in missing))
        return ""

    def return_needs(self) -> str:
        if not self.comments.toPlainText().strip():
            return self.tr(
                "To return the statement, write your comments saying what should change."
            )
        return ""

    def _comments_problem(self) -> str:
        if len(self.comments.toPlainText()) > MAX_COMMENTS:
            return self.tr("Your comments are too long: at most {limit} characters.").format(
                limit=MAX_COMMENTS
            )
        return ""

    def _update_missing(self) -> None:
        if self._decided or self._review is None:
            self.missing.clear()
            self.missing.hide()
            return
        approve, give_back = self.approval_needs(), self.return_needs()
        lines = [line for line in (approve, give_back) if line]
        self.missing.setText("\n".join(lines))
        self.missing.setVisible(bool(lines))
        self.approve_button.setAccessibleDescription(
            approve or self.tr("Adds your signature to the statement and writes the decision file")
        )
        self.return_button.setAccessibleDescription(
            give_back or self.tr("Sends the statement back to the interviewer with your comments")
        )

    def _focus_first_problem(self, approve: bool) -> None:
        if not approve:
            self.scroller.ensureWidgetVisible(self.comments)
            self.comments.setFocus()
            return
        unanswered = self.form.unanswered()
        if unanswered:
            row = self.form.row(unanswered[0])
            if row is not None:
                self.scroller.ensureWidgetVisible(row)
                row.buttons["met"].setFocus()
            return
        missing = self.form.missing_comments()
        row = self.form.row(missing[0]) if missing else None
        if row is not None:
            self.scroller.ensureWidgetVisible(row)
            row.comment.setFocus()

    # --- deciding -----------------------------------------------------------------------

    def decide(self, *, approve: bool) -> None:
        review = self._review
        if review is None or self._decided:
            return
        problem = (
            self.approval_needs() if approve else self.return_needs()
        ) or self._comments_problem()
        if problem:
            self._say(problem, ERROR)
            self._focus_first_problem(approve)
            return
        generation = self._generation
        target = self._choose_target(review)
        if target is None or generation != self._generation:
            return  # cancelled, or the vault locked while the chooser was open
        if not self._confirmed(approve, target, review) or generation != self._generation:
            return
        answers = self.form.answers()
        positions = {row.entry.id: row.position for row in self.form.rows}
        self._working(True)
        self._say(
            self.tr("Countersigning and saving the decision… this takes a few seconds.")
            if approve
            else self.tr("Saving the decision…")
        )
        self.backend.run(
            decide_on_worker,
            review.id,
            approve,
            self.comments.toPlainText(),
            answers,
            target,
            positions,
            done=lambda result: self._decided_ok(result, generation),
            failed=lambda message, code: self._failed(message, generation),
        )

    def _choose_target(self, review: ReviewItem) -> Path | None:
        folder = self._last_folder or Path.home()
        start = folder / f"{safe_file_name(review.reference)}-decision{DECISION_SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the decision as"),
            str(start),
            self.tr("Quietroom decision (*.qrr)"),
            options=PRIVATE_DIALOG,
        )
        if not name:
            return None
        target = Path(name)
        if not target.suffix:
            target = target.with_name(target.name + DECISION_SUFFIX)
        self._last_folder = target.parent
        return target

    def _confirmed(self, approve: bool, target: Path, review: ReviewItem) -> bool:
        if approve:
            title = self.tr("Approve and countersign")
            text = self.tr(
                "Approve this statement?\n\n"
                "Your signature will be added to the statement PDF. The interviewer, the intake "
                "and you can open the decision file.\n\n"
                "It will be saved as:\n{path}\n\n"
                "A review is decided once; this cannot be changed afterwards."
            ).format(path=target)
            action = self.tr("Approve and countersign")
        else:
            title = self.tr("Return with comments")
            text = self.tr(
                "Return this statement to the interviewer with your comments?\n\n"
                "The statement is not countersigned. The interviewer, the intake and you can "
                "open the decision file.\n\n"
                "It will be saved as:\n{path}\n\n"
                "A review is decided once; this cannot be changed afterwards."
            ).format(path=target)
            action = self.tr("Return with comments")
        if target.exists():
            text += "\n\n" + self.tr("A file with this name is already there; it will be replaced.")
        return confirm(self, title, text, action)

    def _decided_ok(self, result: DecisionResult, generation: int) -> None:
        if generation != self._generation:
            return
        self._working(False)
        review = self._review
        interviewer = review.interviewer if review is not None else ""
        if result.decision == "approved":
            text = self.tr(
                "Approved and countersigned. The decision was saved to:\n{path}\n"
                "{interviewer} (who took the statement), the intake and you can open it; "
                "nobody else can. Send it to the interviewer in the usual way."
            )
        else:
            text = self.tr(
                "Returned with your comments. The decision was saved to:\n{path}\n"
                "{interviewer} (who took the statement), the intake and you can open it; "
                "nobody else can. Send it to the interviewer in the usual way."
            )
        self._say(text.format(path=result.path, interviewer=interviewer))
        self._set_decided(True)
        self.back.setFocus()

    # --- helpers ------------------------------------------------------------------------

    def _set_decided(self, on: bool) -> None:
        self._decided = on
        self.form.set_read_only(on)
        self.comments.setReadOnly(on)
        self.approve_button.setEnabled(not on)
        self.return_button.setEnabled(not on)
        self._update_missing()

    def _back(self) -> None:
        self.nav.go(INBOX_SCREEN if self._decided else READING_SCREEN)

    def _working(self, on: bool) -> None:
        self.busy.setVisible(on)
        if on:
            self.approve_button.setEnabled(False)
            self.return_button.setEnabled(False)
        else:
            self.approve_button.setEnabled(not self._decided)
            self.return_button.setEnabled(not self._decided)

    def _say(self, text: str, kind: str = INFO) -> None:
        say(self.message, text, kind)

    def _show_state(self, text: str) -> None:
        self.state.setText(text)
        self.state.setVisible(bool(text))
