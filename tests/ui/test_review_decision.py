"""In the app: a supervisor decides a review (checklist, comments, approve or return),
and the interviewer imports the decision file and sees it on the case.

Real vaults, real bundles and real decision files; only the modal dialogs (the file
chooser, the confirmation) are replaced, so no test waits on a person.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from app.desktop.review import case_decisions, decide_review, review_checklist
from app.desktop.session import Session
from app.export.bundle import export_case
from app.org import org_init
from app.review.decision import STATEMENT
from app.review.decision_verify import verify_decision
from app.review.inbox import open_for_review
from tests.conftest import PASSPHRASE
from tests.interop.test_export_bundle import build_case
from tests.ui.conftest import FakeNavigator, call, visible_texts
from ui.backend import Backend
from ui.screens import review_decision
from ui.screens.decisions import DecisionsScreen, decided_at
from ui.screens.review_decision import ReviewDecisionScreen

REFERENCE = "CSA-EXP-1"
UNTRUSTED = "Please add the <b>date</b> of the second sitting & the place."


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org")
    return tmp_path / "org"


def exported_vault(root: Path, org: Path, bundle: Path) -> Path:
    """An interviewer's vault with a signed statement exported as `bundle`."""
    engine = build_case(root, org, paragraphs=3)
    export_case(engine, REFERENCE, bundle)
    engine.vault.close()
    return bundle


@pytest.fixture
def bundle(tmp_path: Path, org: Path) -> Path:
    return exported_vault(tmp_path / "interviewer", org, tmp_path / "statement.qrb")


def open_as_supervisor(qtbot: Any, backend: Backend, org: Path, bundle: Path) -> str:
    """The supervisor's vault (the `backend` fixture's) opens the bundle for review."""
    member = org / "supervisor"

    def setup(s: Session) -> None:
        if s.engine.trust() is None:
            s.engine.import_identity(
                member / "cert.pem",
                member / "key.pem",
                member / "age-identity.txt",
                org / "trust.json",
            )

    call(qtbot, backend, setup)
    opened = call(qtbot, backend, lambda s, p: open_for_review(s.engine, p), bundle)
    assert opened.report.ok and opened.review is not None
    return str(opened.review.id)


@pytest.fixture
def review_id(qtbot: Any, backend: Backend, org: Path, bundle: Path) -> str:
    return open_as_supervisor(qtbot, backend, org, bundle)


class Dialogs:
    """Stands in for the file choosers and the confirmation, recording what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.save_as: Path | None = None
        self.open: Path | None = None
        self.answer = True
        self.asked: list[str] = []
        self.offered: list[str] = []

        def save(*args: Any, **kwargs: Any) -> tuple[str, str]:
            self.offered.append(str(args[2]))
            return (str(self.save_as) if self.save_as else "", "")

        def choose(*args: Any, **kwargs: Any) -> tuple[str, str]:
            return (str(self.open) if self.open else "", "")

        def confirm(parent: Any, title: str, text: str, action: str) -> bool:
            self.asked.append(text)
            return self.answer

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
        monkeypatch.setattr(review_decision, "confirm", confirm)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


def decision_screen(
    qtbot: Any, backend: Backend, nav: FakeNavigator, review: str
) -> ReviewDecisionScreen:
    nav.current_review = review  # as the reading view leaves it
    screen = ReviewDecisionScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: len(screen.form.rows) > 0, timeout=20_000)
    return screen


def answer_all(screen: ReviewDecisionScreen, answer: str = "met") -> None:
    for row in screen.form.rows:
        row.buttons[answer].click()


def review_state(qtbot: Any, backend: Backend, review: str) -> str:
    return str(call(qtbot, backend, lambda s: s.engine.review(review).state))


# --- the supervisor decides ------------------------------------------------------------


def test_approval_needs_every_item_and_a_reason_for_each_not_met(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    review_id: str,
    dialogs: Dialogs,
    tmp_path: Path,
) -> None:
    screen = decision_screen(qtbot, backend, nav, review_id)
    expected = call(qtbot, backend, review_checklist, review_id)
    assert [row.entry.id for row in screen.form.rows] == [e.id for e in expected]
    assert REFERENCE in screen.about.text() and "Interviewer One" in screen.about.text()
    # The form says what is missing before anything is asked.
    total = len(expected)
    assert f"{total} of the {total} items still need an answer" in screen.missing.text()
    assert "write your comments" in screen.missing.text()
    dialogs.save_as = tmp_path / "decision.qrr"

    screen.approve_button.click()
    assert "still need an answer" in screen.message.text() and screen.message.isVisible()
    assert dialogs.offered == [] and dialogs.asked == []

    answer_all(screen)
    screen.form.rows[1].buttons["not_met"].click()
    assert screen.form.rows[1].needs.isVisible()  # said inline, beside the item
    assert "item 2 is marked not met" in screen.missing.text()
    screen.approve_button.click()
    assert "item 2 is marked not met and needs a comment" in screen.message.text()
    assert screen.form.rows[1].comment.hasFocus() or not screen.isActiveWindow()
    assert dialogs.offered == [] and not dialogs.save_as.exists()

    qtbot.keyClicks(screen.form.rows[1].comment, "The ground rules were given after the account.")
    assert not screen.form.rows[1].needs.isVisible()
    assert "To approve" not in screen.missing.text()
    qtbot.keyClicks(screen.comments, UNTRUSTED)
    assert not screen.missing.isVisible()

    # Cancelling the confirmation writes nothing.
    dialogs.answer = False
    screen.approve_button.click()
    assert len(dialogs.asked) == 1 and not dialogs.save_as.exists()
    assert review_state(qtbot, backend, review_id) == "to_review"

    dialogs.answer = True
    screen.approve_button.click()
    assert dialogs.offered[-1].endswith(f"{REFERENCE}-decision.qrr")
    assert "Your signature will be added to the statement PDF." in dialogs.asked[-1]
    assert "The interviewer, the intake and you can open the decision file." in dialogs.asked[-1]
    assert str(dialogs.save_as) in dialogs.asked[-1]
    qtbot.waitUntil(lambda: "saved to" in screen.message.text(), timeout=30_000)
    assert str(dialogs.save_as) in screen.message.text()
    assert "Interviewer One (who took the statement), the intake and you" in (screen.message.text())
    assert dialogs.save_as.is_file()
    assert review_state(qtbot, backend, review_id) == "approved"
    assert not screen.approve_button.isEnabled() and not screen.return_button.isEnabled()


def test_return_needs_comments_and_carries_no_pdf(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    review_id: str,
    dialogs: Dialogs,
    org: Path,
    tmp_path: Path,
) -> None:
    screen = decision_screen(qtbot, backend, nav, review_id)
    dialogs.save_as = tmp_path / "returned"  # no suffix: .qrr is added
    screen.return_button.click()
    assert "write your comments saying what should change" in screen.message.text()
    assert dialogs.offered == [] and not list(tmp_path.glob("returned*"))
    # A return needs no checklist, but answers given are kept with it.
    screen.form.rows[0].buttons["na"].click()
    qtbot.keyClicks(screen.comments, UNTRUSTED)
    screen.return_button.click()
    assert "The statement is not countersigned." in dialogs.asked[-1]
    written = tmp_path / "returned.qrr"
    qtbot.waitUntil(lambda: "Returned with your comments" in screen.message.text(), timeout=20_000)
    assert written.is_file()
    assert review_state(qtbot, backend, review_id) == "returned"
    report = verify_decision(written, org / "supervisor" / "age-identity.txt", org / "trust.json")
    assert report.ok and report.decision is not None
    assert STATEMENT not in report.files
    assert report.decision["comments"] == UNTRUSTED
    assert report.decision["checklist"]["items"] == {
        screen.form.rows[0].entry.id: {"answer": "na", "comment": ""}
    }


def test_a_review_is_decided_once(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    review_id: str,
    dialogs: Dialogs,
    tmp_path: Path,
) -> None:
    screen = decision_screen(qtbot, backend, nav, review_id)
    # Meanwhile (another window, say) the review is returned.
    call(qtbot, backend, decide_review, review_id, False, "Elsewhere.", {}, tmp_path / "first.qrr")
    qtbot.keyClicks(screen.comments, "A second opinion.")
    dialogs.save_as = tmp_path / "second.qrr"
    screen.return_button.click()
    qtbot.waitUntil(lambda: "already been decided" in screen.message.text(), timeout=20_000)
    assert screen.message.text().startswith("This review has already been decided")
    assert not dialogs.save_as.exists()
    qtbot.waitUntil(lambda: not screen.return_button.isEnabled(), timeout=10_000)
    assert "was returned on" in screen.state.text()
    assert screen.comments.toPlainText() == "A second opinion."  # what was typed stays

    # Opened again later, the screen says so at once and offers nothing to decide.
    again = decision_screen(qtbot, backend, nav, review_id)
    qtbot.waitUntil(lambda: again.state.isVisible(), timeout=10_000)
    assert not again.approve_button.isEnabled() and not again.return_button.isEnabled()
    assert not again.missing.isVisible()


def test_locking_forgets_answers_comments_and_the_review(
    qtbot: Any, backend: Backend, nav: FakeNavigator, review_id: str, dialogs: Dialogs
) -> None:
    screen = decision_screen(qtbot, backend, nav, review_id)
    answer_all(screen, "na")
    qtbot.keyClicks(screen.comments, UNTRUSTED)
    screen.clear_content()
    assert screen.form.rows == [] and screen.comments.toPlainText() == ""
    assert screen.about.text() == "" and not screen.message.isVisible()
    assert not any("date" in text for text in visible_texts(screen))
    screen.entered()  # unlocked again: the same review, fresh
    qtbot.waitUntil(lambda: len(screen.form.rows) > 0, timeout=20_000)
    assert screen.form.answers() == {}


# --- the interviewer's side ------------------------------------------------------------


@pytest.fixture
def interviewer(tmp_path: Path, bundle: Path, qtbot: Any) -> Iterator[Backend]:
    """A Backend over the interviewer's vault that exported `bundle`."""
    session = Session(tmp_path / "interviewer")
    session.unlock(PASSPHRASE)
    b = Backend(session)
    yield b
    b.shutdown()


def decisions_screen(qtbot: Any, backend: Backend, nav: FakeNavigator) -> DecisionsScreen:
    nav.current_case = call(qtbot, backend, lambda s: s.engine.case(REFERENCE).id)
    screen = DecisionsScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: screen.empty.isVisible(), timeout=10_000)
    assert "No supervisor's decision on this case yet" in screen.empty.text()
    return screen


@pytest.mark.parametrize("approve", [True, False], ids=["approved", "returned"])
def test_the_interviewer_imports_the_decision(
    qtbot: Any,
    backend: Backend,
    interviewer: Backend,
    nav: FakeNavigator,
    review_id: str,
    dialogs: Dialogs,
    tmp_path: Path,
    approve: bool,
) -> None:
    items = call(qtbot, backend, review_checklist, review_id)
    answers = {item.id: ("met", "") for item in items}
    answers[items[2].id] = ("na", "Nobody else was <i>named</i>.")
    decision = tmp_path / "decision.qrr"
    call(qtbot, backend, decide_review, review_id, approve, UNTRUSTED, answers, decision)

    screen = decisions_screen(qtbot, interviewer, FakeNavigator())
    dialogs.open = decision
    screen.import_button.click()
    qtbot.waitUntil(lambda: len(screen.cards) == 1, timeout=30_000)
    assert "checked and kept" in screen.message.text()
    card = screen.cards[0]
    stored = call(qtbot, interviewer, case_decisions, REFERENCE)
    assert len(stored) == 1 and stored[0].decision == ("approved" if approve else "returned")
    assert card.heading.text() == (
        "Approved and countersigned" if approve else "Returned with comments"
    )
    assert card.reviewer.text() == "Supervisor One"
    assert card.when.text() == decided_at(stored[0].decided) and card.when.text()
    # What came from the file is shown exactly, as plain text.
    assert card.comments.text() == UNTRUSTED
    assert card.comments.textFormat() == Qt.TextFormat.PlainText
    assert "3. Not applicable: " in card.answers.text()
    assert "Comment: Nobody else was <i>named</i>." in card.answers.text()
    assert card.answers.text().count("Met: ") == len(items) - 1
    if approve:
        assert card.pdf.text().startswith("Kept in the vault")
        assert not hasattr(card, "further")
    else:
        assert card.pdf.text().startswith("None")
        assert "further statement" in card.further.text() and card.further.isVisible()
    # Imported again: found, not stored twice.
    screen.import_button.click()
    qtbot.waitUntil(lambda: "already imported" in screen.message.text(), timeout=30_000)
    assert len(call(qtbot, interviewer, case_decisions, REFERENCE)) == 1
    # Locking takes every decision off the screen.
    screen.clear_content()
    assert screen.cards == [] and not screen.message.isVisible()


def test_a_decision_that_is_not_ours_or_is_damaged_changes_nothing(
    qtbot: Any,
    backend: Backend,
    interviewer: Backend,
    nav: FakeNavigator,
    org: Path,
    review_id: str,
    dialogs: Dialogs,
    tmp_path: Path,
) -> None:
    # A statement from another interviewer vault (same interviewer identity, so the
    # decision opens) reviewed and decided by the same supervisor.
    other = exported_vault(tmp_path / "other", org, tmp_path / "other.qrb")
    other_review = open_as_supervisor(qtbot, backend, org, other)
    foreign = tmp_path / "foreign.qrr"
    call(qtbot, backend, decide_review, other_review, False, "Not yours.", {}, foreign)
    ours = tmp_path / "ours.qrr"
    call(qtbot, backend, decide_review, review_id, False, "Ours.", {}, ours)
    damaged = tmp_path / "damaged.qrr"
    data = bytearray(ours.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))

    screen = decisions_screen(qtbot, interviewer, FakeNavigator())
    dialogs.open = foreign
    screen.import_button.click()
    qtbot.waitUntil(lambda: "never exported" in screen.message.text(), timeout=30_000)
    assert screen.message.text() == (
        "This decision is about a bundle this vault never exported; nothing was changed."
    )
    assert screen.cards == []

    # Dropped on the window rather than chosen: the same checks.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(damaged))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    screen.dropEvent(drop)
    qtbot.waitUntil(lambda: "altered" in screen.message.text(), timeout=30_000)
    assert screen.message.text().startswith("The decision did not verify")
    assert screen.cards == [] and not screen.busy.isVisible()
    assert call(qtbot, interviewer, case_decisions, REFERENCE) == []


def test_a_comment_the_core_refuses_is_named_and_nothing_is_written(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    review_id: str,
    dialogs: Dialogs,
    tmp_path: Path,
) -> None:
    screen = decision_screen(qtbot, backend, nav, review_id)
    answer_all(screen)
    screen.form.rows[3].comment.setText("pasted\x07text")  # a control character, pasted
    dialogs.save_as = tmp_path / "decision.qrr"
    screen.approve_button.click()
    qtbot.waitUntil(lambda: "not allowed (U+0007)" in screen.message.text(), timeout=20_000)
    assert screen.message.text().startswith("The comment on checklist item 4 (")
    assert not dialogs.save_as.exists()
    assert review_state(qtbot, backend, review_id) == "to_review"
    assert screen.approve_button.isEnabled()  # corrected, it can be tried again
