"""The signature screen: the declaration, each page confirmed, then one signature.

A short, calm sequence after the read-back is confirmed:

1. A sitting still open is ended first, when the interviewer says so (its end is printed
   on the statement, so the pages must show it).
2. The s.9 declaration in large print, with the page count the statement will have (the
   organisation's Welsh wording for a Welsh statement); noting that it was shown.
3. Each page as the export will print it, rendered on the worker thread: "Page 2 of 3",
   "This page is right" (with the witness's initials when the organisation asks for
   them), "Back" to the page before.
4. The declaration again above the signature pad; "Sign the statement" signs once, and
   the core checks the pages are still those confirmed (app/export/pages.py); with
   nothing drawn it is disabled, and a line under it says the box comes first.
5. Signed: a short summary, *Export…* next (ui/widgets/signed_summary.py); a screen
   reader hears "The statement is signed" after the focus has moved to Export….

The witness's second screen, when read-back used one, shows the declaration and the page
being confirmed. There is always a calm way off the screen without signing: "Back to
read-back" (or Esc), for a witness who declines to sign or wants another correction; the
pad is emptied on the way out. Only the Sign button signs: Enter does not, and the focus
never lands on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.desktop.statement import (
    SigningPages,
    case_reference,
    confirm_signing_page,
    end_open_sitting,
    load_signing,
    open_sitting,
    render_signing_page,
    show_declaration,
    sign,
    statement_status,
)
from app.desktop.types import parse_stamp
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.screens.readback import close_witness_screen, witness_screen
from ui.widgets.announce import announce
from ui.widgets.notice import INFO, say
from ui.widgets.page_confirm import DeclarationStep, DeclarationView, PageConfirm, SittingStep
from ui.widgets.problems import clear_summary, show_summary
from ui.widgets.readback_view import fill
from ui.widgets.signature_pad import SignaturePad
from ui.widgets.signed_summary import SignedSummary
from ui.widgets.step_indicator import DECLARATION as DECLARATION_STEP
from ui.widgets.step_indicator import END_SITTING, EXPORT, SIGNATURE, StepIndicator

SITTING, DECLARATION, PAGES, SIGN, DONE, WAIT = range(6)


class SignatureScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._ref: str | None = None
        self._reference = ""  # the case's reference, for the summary once signed
        self._generation = 0  # results that arrive after a lock or a new visit are dropped
        self._busy = False
        self._pages: SigningPages | None = None
        self._to_readback = False  # leaving for read-back: the second screen stays
        layout = QVBoxLayout(self)
        self.step_indicator = StepIndicator(self)
        layout.addWidget(self.step_indicator)
        self.title = plain_label(self.tr("Signature"), self, name="title")
        layout.addWidget(self.title)
        self.status = plain_label("", self, name="hint")
        self.message = plain_label("", self, name="message")
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        self.steps = QStackedWidget(self)
        self.sitting = SittingStep(self)
        self.sitting.end_requested.connect(self._end_sitting)
        self.steps.addWidget(self.sitting)
        self.declaration_step = DeclarationStep(self)
        self.declaration_step.pages_requested.connect(self._show_pages)
        self.steps.addWidget(self.declaration_step)
        # What the steps show, by the names the sequence below uses.
        self.end_sitting_button = self.sitting.end_button
        self.declaration = self.declaration_step.view
        self.show_pages_button = self.declaration_step.show_pages
        self.page_confirm = PageConfirm(self)
        self.page_confirm.confirmed.connect(self._page_confirmed)
        self.page_confirm.back.connect(self._page_back)
        self.steps.addWidget(self.page_confirm)
        self.steps.addWidget(self._sign_step())
        self.summary = SignedSummary(self)  # signed: a short summary, Export… next
        self.summary.export_requested.connect(self._to_export)
        self.summary.cases_requested.connect(self._to_cases)
        self.cases_button = self.summary.cases_button
        self.export_button = self.summary.export_button
        self.steps.addWidget(self.summary)
        self.steps.addWidget(QWidget(self))  # waiting for the core: nothing to act on yet
        layout.addWidget(self.steps, 1)

        buttons = QHBoxLayout()
        self.readback_button = QPushButton(self.tr("Back to &read-back"), self)
        accessible(
            self.readback_button,
            self.tr("Back to read-back"),
            self.tr(
                "Leaves without signing, for example to make another correction "
                "or if they do not want to sign; the box is emptied"
            ),
        )
        self.readback_button.clicked.connect(self._back_to_readback)
        buttons.addWidget(self.readback_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter never presses a button by accident
            button.setDefault(False)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)
        self._step(WAIT)

    # --- the steps ------------------------------------------------------------------------

    def _sign_step(self) -> QWidget:
        step = QWidget(self)
        layout = QVBoxLayout(step)
        self.sign_declaration = DeclarationView(step)
        layout.addWidget(self.sign_declaration, 1)
        self.instructions = plain_label(
            self.tr("Sign in the box. It can be cleared and signed again."),
            step,
            name="hint",
        )
        layout.addWidget(self.instructions)
        self.pad = SignaturePad(step)
        self.pad.changed.connect(self._update)
        layout.addWidget(self.pad, 2)
        row = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("&Clear"), step)
        accessible(
            self.clear_button,
            self.tr("Clear the signature"),
            self.tr("Empties the box so it can be signed again"),
        )
        self.pages_again_button = QPushButton(self.tr("Show the pages a&gain"), step)
        accessible(
            self.pages_again_button,
            self.tr("Show the pages again"),
            self.tr("Prepares the pages afresh and shows the declaration and each page again"),
        )
        self.sign_button = QPushButton(self.tr("&Sign the statement"), step)
        self.sign_button.setObjectName("primary")
        accessible(
            self.sign_button,
            self.tr("Sign the statement"),
            self.tr("Stores the signature; the statement's text can then no longer change"),
        )
        self.clear_button.clicked.connect(self.pad.clear)
        self.pages_again_button.clicked.connect(self._load)
        self.sign_button.clicked.connect(self._sign)
        row.addWidget(self.clear_button)
        row.addWidget(self.pages_again_button)
        row.addStretch(1)
        row.addWidget(self.sign_button)
        layout.addLayout(row)
        # Nothing drawn: Sign is disabled (and looks it), and this says what comes first.
        # Its line stays when it hides: the pad never changes size under a pen.
        self.sign_hint = plain_label(self.tr("Sign in the box above first."), step, name="hint")
        self.sign_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        (policy := self.sign_hint.sizePolicy()).setRetainSizeWhenHidden(True)
        self.sign_hint.setSizePolicy(policy)
        layout.addWidget(self.sign_hint)
        return step

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self._reset()  # a fresh sequence on every visit: no signature lingers
        self._ref = self.nav.current_case
        if self._ref is None:
            return
        self._run(self.tr("Preparing…"), case_reference, self._ref, done=self._reference_known)

    def _reference_known(self, reference: str) -> None:
        """The summary names the case by its reference, never by the id screens hold."""
        self._reference = reference
        assert self._ref is not None
        self._run(self.tr("Preparing…"), statement_status, self._ref, done=self._status)

    def clear_content(self) -> None:
        self._reset()
        close_witness_screen()

    def _reset(self) -> None:
        """Forget the visit: results still on their way are dropped, nothing drawn or
        shown stays (the witness's second screen is left to the caller)."""
        self._generation += 1
        self._ref = None
        self._reference = ""
        self._busy = False
        self._pages = None
        self._to_readback = False
        self.pad.clear()
        self.page_confirm.clear()
        self.declaration_step.clear()
        self.sign_declaration.clear()
        self.sitting.clear()
        self.summary.clear()
        self._show("", "")
        self._step(WAIT)

    def hideEvent(self, event: QEvent) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        # Another screen (or a pause) took the window: the witness's screen goes too,
        # unless read-back takes it back.
        if not event.spontaneous() and not self._to_readback:
            close_witness_screen()

    # --- background work ------------------------------------------------------------------

    def _run(
        self,
        busy: str,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
    ) -> None:
        generation = self._generation
        self._busy = True
        self._show(busy, "")
        self._update()

        def finished(result: Any) -> None:
            if generation == self._generation:
                self._busy = False
                self._show("", "")
                self._update()  # enabled again first: `done` may move the focus
                done(result)
                self._update()

        def refused(message: str, code: int) -> None:
            if generation == self._generation:
                self._busy = False
                text = message or self.tr("Something went wrong; nothing was lost.")
                self._show("", "")
                self._update()  # enabled again before the summary takes the focus
                # A refusal (the witness's age not given, say) takes the focus, as every
                # refused submit does, so a screen reader says it.
                show_summary(self.message, text, None)
                if failed is not None:
                    failed(text)
                self._update()

        self.backend.run(fn, *args, done=finished, failed=refused)

    # --- the sequence ---------------------------------------------------------------------

    def _status(self, status: str) -> None:
        if status == "signed":  # signed already: the outcome, not the sequence again
            self._signed(None)
            return
        assert self._ref is not None
        self._run(self.tr("Preparing…"), open_sitting, self._ref, done=self._sitting)

    def _sitting(self, sitting: Any) -> None:
        if sitting is None:
            self._load()
            return
        self.sitting.ask(sitting.number)
        self._step(SITTING)
        self.end_sitting_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _end_sitting(self) -> None:
        if self._ref is None or self._busy:
            return
        self._run(
            self.tr("Ending the sitting…"),
            end_open_sitting,
            self._ref,
            done=lambda _result: self._load(),
        )

    def _load(self) -> None:
        """Render the pages afresh and start at the declaration."""
        if self._ref is None:
            return
        self.pad.clear()
        self._run(self.tr("Preparing the pages…"), load_signing, self._ref, done=self._loaded)

    def _loaded(self, pages: SigningPages) -> None:
        assert self._ref is not None
        self._pages = pages
        self.declaration_step.show_declaration(pages.declaration, pages.count)
        self.sign_declaration.set_text(pages.declaration, 1.2)
        self._step(DECLARATION)
        self._witness_sees(pages.declaration)
        self.show_pages_button.setFocus(Qt.FocusReason.OtherFocusReason)
        # The declaration is on the screen now: noted (when, and for how many pages).
        self._run(
            self.tr("Preparing…"),
            show_declaration,
            self._ref,
            pages,
            done=lambda _at: self.show_pages_button.setFocus(Qt.FocusReason.OtherFocusReason),
        )

    def _show_pages(self) -> None:
        if self._pages is None or self._busy:
            return
        pages = self._pages
        self.page_confirm.set_document(
            pages.count, self._renderer(pages), initials=pages.initials_each_page
        )
        self._step(PAGES)
        self._show_page(0)

    def _renderer(self, pages: SigningPages) -> Callable[..., None]:
        def render(index: int, width: int, done: Any, failed: Any) -> None:
            self.backend.run(render_signing_page, pages, index, width, done=done, failed=failed)

        return render

    def _show_page(self, index: int) -> None:
        self.page_confirm.show_page(index)
        if self._pages is not None:
            header = fill(self.tr("Page %1 of %2"), str(index + 1), str(self._pages.count))
            self._witness_sees(f"{header}\n\n{self._pages.texts[index]}")

    def _page_confirmed(self, index: int, initials: str) -> None:
        if self._ref is None or self._pages is None or self._busy:
            return
        pages = self._pages

        def confirmed(_page: int) -> None:
            if index + 1 < pages.count:
                self._show_page(index + 1)
            else:
                self._step(SIGN)
                self._witness_sees(pages.declaration)
                self.clear_button.setFocus(Qt.FocusReason.OtherFocusReason)

        self._run(
            self.tr("Recording the confirmation…"),
            confirm_signing_page,
            self._ref,
            pages,
            index,
            initials.encode("utf-8") if initials else None,
            done=confirmed,
        )

    def _page_back(self, index: int) -> None:
        if self._busy or self._pages is None:
            return
        if index > 0:
            self._show_page(index - 1)
        else:
            self._step(DECLARATION)
            self._witness_sees(self._pages.declaration)
            self.show_pages_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- signing ----------------------------------------------------------------------------

    def _sign(self) -> None:
        if self._ref is None or self.pad.is_empty() or self._busy:
            return
        self._run(
            self.tr("Signing the statement…"),
            sign,
            self._ref,
            self.pad.to_json().encode("utf-8"),
            done=self._signed,
        )

    def _signed(self, result: dict[str, Any] | None) -> None:
        """Signed just now (`result`: the core's answer), or found signed (None)."""
        pages = self._pages.count if self._pages is not None and result is not None else None
        self._busy = False
        self._pages = None
        self.pad.clear()  # the signature now lives only in the vault
        self.page_confirm.clear()
        close_witness_screen()
        self._step(DONE)
        self._update()
        signed = result.get("signed") if result is not None else None
        self.summary.show_signed(
            self._reference, parse_stamp(signed) if isinstance(signed, str) else None, pages
        )
        announce(self.title, self.title.text())  # after the focus moved: not cut short

    # --- leaving ------------------------------------------------------------------------------

    def _back_to_readback(self) -> None:
        """Leave without signing; whatever was drawn is dropped, and a signature that is
        being stored (the click came first) is not undone, it simply stays signed."""
        if self._busy:
            return  # the signature is being stored: its outcome is shown in a moment
        self.pad.clear()
        self.page_confirm.clear()
        self._show("", "")
        self._to_readback = True
        self.nav.go("readback")

    def _to_cases(self) -> None:
        close_witness_screen()
        self.nav.go("cases")

    def _to_export(self) -> None:
        """The signed statement's next step: the export screen, for the same case."""
        close_witness_screen()
        self.nav.go("export")

    def _escape(self) -> None:
        if self.readback_button.isVisible():
            self._back_to_readback()
        elif self.cases_button.isVisible():
            self._to_cases()

    # --- display ------------------------------------------------------------------------------

    def _step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        titles = {
            SITTING: self.tr("Before signing"),
            DECLARATION: self.tr("The declaration"),
            PAGES: self.tr("The pages"),
            SIGN: self.tr("Signature"),
            DONE: self.tr("The statement is signed"),
            WAIT: self.tr("Signature"),
        }
        self.title.setText(titles[step])
        self.steps.setAccessibleName(titles[step])  # its pages: no nameless "layered pane"
        self.step_indicator.show_step(
            {SITTING: END_SITTING, DECLARATION: DECLARATION_STEP, PAGES: DECLARATION_STEP,
             SIGN: SIGNATURE, DONE: EXPORT, WAIT: END_SITTING}[step]
        )  # fmt: skip
        self.readback_button.setVisible(step != DONE)  # signed: the summary's buttons
        self._update()

    def _witness_sees(self, text: str) -> None:
        window = witness_screen()
        if window is not None:
            window.set_text(text)

    def _show(self, status: str, message: str) -> None:
        self.status.setText(status)
        self.status.setVisible(bool(status))
        if not message:
            clear_summary(self.message)
            return
        say(self.message, message, INFO)

    def _update(self) -> None:
        busy = self._busy
        self.sign_button.setEnabled(not self.pad.is_empty() and not busy)
        self.sign_hint.setVisible(self.pad.is_empty())
        self.clear_button.setEnabled(not busy)
        self.pages_again_button.setEnabled(not busy)
        self.readback_button.setEnabled(not busy)
        self.pad.setEnabled(not busy)  # no strokes while the signature is being stored
        self.show_pages_button.setEnabled(not busy and self._pages is not None)
        self.end_sitting_button.setEnabled(not busy)
        self.page_confirm.set_busy(busy)
