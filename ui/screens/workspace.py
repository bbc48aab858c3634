"""The interview workspace: guide on the left, the statement in the centre, the timeline
and notes on the right, the sitting bar on top.

Typing is saved after each burst (a short debounce) on the worker thread; the GUI only
copies the text and shows a quiet "Saved", which a screen reader hears once a sitting
(and again after a save that failed). Nothing here is ever modal.

Every answer from the worker is checked against a generation counter: after a lock
(clear_content) or a switch to another case, late answers are dropped, so nothing of a
case reappears on a cleared screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.desktop.types import PacingEvent, Sitting
from app.desktop.workspace import (
    OpenedCase,
    add_event,
    add_note,
    further_statement,
    load_case,
    save_section,
    set_place,
)
from ui.backend import Backend
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label, scrolled
from ui.screens.workspace_layout import SideToggleWords, WorkspaceLayoutMixin, fold_toggle
from ui.screens.workspace_sitting import WorkspaceSittingMixin
from ui.widgets.case_fields import CaseFieldsPanel
from ui.widgets.exhibits_panel import ExhibitsPanel
from ui.widgets.further_row import FurtherStatementRow
from ui.widgets.guarded_edit import GuardedPlainTextEdit
from ui.widgets.guide_panel import GuidePanel
from ui.widgets.notice import ERROR, say
from ui.widgets.question_hint import QuestionHintPanel
from ui.widgets.side_panel import SidePanel
from ui.widgets.sitting_bar import SittingBar

AUTOSAVE_MS = 700
RETRY_MS = 3000  # after a failed save
TICK_MS = 30_000


class WorkspaceScreen(WorkspaceSittingMixin, WorkspaceLayoutMixin, Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._ref: str | None = None
        self._case_id: str | None = None
        self._generation = 0  # answers that arrive after a lock or another case are dropped
        self._texts: dict[str, str] = {}
        self._section: str | None = None
        self._dirty = False
        self._loading = False
        self._signed = False
        self._sitting: Sitting | None = None
        self._titles: dict[str, str] = {}
        self._hints: dict[str, str] = {}
        self._phase_titles: dict[str, str] = {}
        # Where the interviewer was, kept across a reload of the same case.
        self._keep: tuple[str, int, int] | None = None
        self._focus_return: tuple[str | None, QWidget] | None = None
        self._guide_choice: bool | None = None  # None: folded by the window's width
        self._side_choice: bool | None = None  # the timeline and notes, likewise
        self._build()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(AUTOSAVE_MS)
        self._debounce.timeout.connect(self.flush)
        # A save that failed (a full disk, say) is tried again by itself: the words
        # typed meanwhile are saved once there is room, with no more typing needed.
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._pacing_tick)
        backend.pacing_event.connect(self._on_pacing)

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("&Cases"), self)
        accessible(self.back, self.tr("Cases"), self.tr("Back to the case list"))
        self.reference = plain_label("", self, name="title", wrap=False)
        self.readback = QPushButton(self.tr("Read-&back"), self)
        accessible(
            self.readback,
            self.tr("Read-back"),
            self.tr("Show the statement text in large print for the survivor"),
        )
        self.export = QPushButton(self.tr("E&xport…"), self)
        accessible(
            self.export,
            self.tr("Export"),
            self.tr("Export the signed statement as an encrypted bundle"),
        )
        self.export.hide()
        # A supervisor's decisions come back on an exported statement: shown once signed.
        self.decisions = QPushButton(self.tr("Decisi&ons…"), self)
        accessible(
            self.decisions,
            self.tr("Supervisor decisions"),
            self.tr("See and import the supervisors' decisions on this statement"),
        )
        self.decisions.hide()
        # After signing: a further statement (the signed one never changes), confirmed in
        # one line rather than a dialog.
        self.further = QPushButton(self.tr("&Further statement…"), self)
        accessible(
            self.further,
            self.tr("Further statement"),
            self.tr("Start a further statement from the survivor; the signed one stays as it is"),
        )
        self.further.hide()
        top.addWidget(self.back)
        top.addWidget(self.reference, 1)
        top.addWidget(self.export)
        top.addWidget(self.decisions)
        top.addWidget(self.further)
        top.addWidget(self.readback)
        outer.addLayout(top)
        self.bar = SittingBar(self)
        outer.addWidget(self.bar)
        self.further_row = FurtherStatementRow(self)
        outer.addWidget(self.further_row)
        self.banner = QFrame(self)
        self.banner.setObjectName("banner")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = plain_label("", self.banner)
        self.banner_close = QPushButton(self.tr("&Dismiss"), self.banner)
        accessible(self.banner_close, self.tr("Dismiss the suggestion"))
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.banner_close)
        self.banner.hide()
        outer.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.guide = GuidePanel(split)
        centre = QWidget(split)
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        # The guide folds away when the window is narrow for the text size (200 % text,
        # a small screen), so the statement keeps its width; this brings it back.
        self.guide_toggle = fold_toggle(self.tr("G&uide"), centre)
        accessible(
            self.guide_toggle,
            self.tr("Show the interview guide"),
            self.tr("Shows or hides the interview guide beside the statement"),
        )
        # The timeline, notes, exhibits and details fold away the same way; their toggle
        # is under the statement, on the right, where the statement's row has no room
        # for it beside the panel at 200 % text: named while folded, a narrow » (its name
        # still said) while they are shown.
        self.side_toggle = fold_toggle(self.tr("T&imeline"), centre)
        self.side_words = SideToggleWords(
            self.tr("T&imeline"),
            self.tr("Show the timeline and notes"),
            self.tr("Hide the timeline and notes"),
            self.tr("The timeline, notes, exhibits and details beside the statement"),
        )
        row.addWidget(self.guide_toggle)
        self.section = QComboBox(centre)
        accessible(
            self.section,
            self.tr("Statement section"),
            self.tr("The part of the statement you are writing"),
        )
        # Its label on screen, as every other field has one: a screen reader names a
        # combo box by its label (the combo box's own name is the section chosen).
        self.section_label = plain_label(self.tr("Statement section"), centre, wrap=False)
        self.section_label.setBuddy(self.section)
        self.section.installEventFilter(self)  # the label folds when the column is narrow
        # Under the statement, on a line of its own that is always there: "Saving…" and
        # "Saved" come and go without moving the section list or the text.
        self.saved = plain_label("", centre, name="saved")
        row.addWidget(self.section_label)
        row.addWidget(self.section, 1)
        cl.addLayout(row)
        self.section_hint = plain_label("", centre, name="hint")
        cl.addWidget(self.section_hint)
        self.editor = GuardedPlainTextEdit(centre)
        accessible(
            self.editor,
            self.tr("Statement text"),
            self.tr("The survivor's own words for this section; saved as you type"),
        )
        cl.addWidget(self.editor, 1)
        under = QHBoxLayout()
        under.addWidget(self.saved, 1)
        under.addWidget(self.side_toggle)
        cl.addLayout(under)
        self.side = SidePanel(split)
        # The exhibits the statement produces: a tab beside the timeline and notes.
        self.exhibits = ExhibitsPanel(self.backend, self.side)
        # Scrolled like the other tabs: at 200 % text on a laptop the panel is short.
        self.side.addTab(scrolled(self.exhibits, self.side), self.tr("Exhibits"))
        self.details = CaseFieldsPanel(self.backend, self.side)  # the guide's own fields
        self.details.add_to(self.side)  # a tab, while the case's guide has fields
        self.question_hint = QuestionHintPanel(self.backend, focus_after=self.side.note)
        self.side.add_note_hint(self.question_hint)  # after a note: its question checked
        split.addWidget(self.guide)
        split.addWidget(centre)
        split.addWidget(self.side)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        outer.addWidget(split, 1)
        self.message = plain_label("", self, name="message")
        self.message.hide()
        outer.addWidget(self.message)

        self.guide_toggle.toggled.connect(self._guide_chosen)
        self.side_toggle.toggled.connect(self._side_chosen)
        self._show_side(True)
        self.back.clicked.connect(lambda: self._leave("cases"))
        self.readback.clicked.connect(lambda: self._leave("readback"))
        self.export.clicked.connect(lambda: self._leave("export"))
        self.decisions.clicked.connect(lambda: self._leave("decisions"))
        self.further.clicked.connect(self.further_row.ask)
        self.further_row.start_requested.connect(self._start_further)
        self.further_row.declined.connect(
            lambda: self.further.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        self.banner_close.clicked.connect(self.banner.hide)
        self.section.currentIndexChanged.connect(self._section_changed)
        self.editor.textChanged.connect(self._edited)
        self.editor.copy_refused.connect(
            lambda: self._show_status(self.tr("Copying is switched off in Settings"))
        )
        self.guide.phase_chosen.connect(self._phase_chosen)
        self.side.event_added.connect(self._add_event)
        self.side.note_added.connect(self._add_note)
        self.bar.start_requested.connect(self._start)
        self.bar.pause_requested.connect(lambda: self.nav.pause())
        self.bar.resume_requested.connect(self._resume)
        self.bar.end_requested.connect(self._end)
        self.bar.pause_amended.connect(self._amend_pause)
        self._order_focus()

    def _current(self, fn: Callable[..., None]) -> Callable[..., None]:
        """fn, but only while the screen still shows what it showed when work began."""
        generation = self._generation

        def call(*args: Any) -> None:
            if generation == self._generation:
                fn(*args)

        return call

    # --- loading ------------------------------------------------------------------------

    def entered(self) -> None:
        ref = self.nav.current_case
        if ref is None:
            return
        self.editor.clipboard_allowed = self.nav.settings.clipboard_allowed
        same = ref == self._ref and bool(self._texts)
        if same and self._section is not None:
            # Back from the pause screen, read-back, signing or the case list: what this
            # screen holds may be out of date (a correction, a signature), so it is built
            # again from the vault. The typing is saved first (the worker keeps order);
            # the section, caret and scroll stay where they were.
            self.flush()
            self._keep = (
                self._section,
                self.editor.textCursor().position(),
                self.editor.verticalScrollBar().value(),
            )
            self._hold_focus()  # the text is still shown: no key may land elsewhere meanwhile
        elif self._ref is not None:
            self.remember_place()  # another case: the last one's typing is saved first
        self._generation += 1
        self._ref = ref
        self._loading = True
        # The guide comes in the interface language; the statement text is never touched.
        # Opening a case is a view of the statement; showing it again is not.
        self.backend.run(
            load_case,
            ref,
            self.nav.settings.language,
            not same,
            done=self._current(self._loaded),
            failed=self._current(self._failed),
        )

    def _loaded(self, data: OpenedCase) -> None:
        case, guide, statement = data.case, data.guide, data.statement
        self._case_id = case.id
        self.reference.setText(case.reference)
        self._texts = {s.id: s.text for s in data.sections}
        # Section titles and hints by id from the guide shown, which may be translated.
        self._titles = {s.id: s.title for s in guide.sections}
        self._hints = {s.id: s.description for s in guide.sections}
        self._phase_titles = {p.id: p.title for p in guide.phases}
        signed = statement.status == "signed"
        if signed and not self._signed:
            # Signed since the place was remembered (in the statement, say): that place
            # takes no more words, and the next action is Export….
            self._focus_return = None
        self._signed = signed
        sitting = data.sitting
        place = sitting.place if sitting else None
        self.guide.show_guide(guide, place.phase if place else None)
        self.section.blockSignals(True)
        self.section.clear()
        for s in data.sections:
            self.section.addItem(self._titles.get(s.id, s.title), s.id)
        keep, self._keep = self._keep, None
        position: int | None
        if keep is not None and keep[0] in self._texts:
            start, position = keep[0], keep[1]
        else:
            start = (
                place.section
                if place and place.section in self._texts
                else next((s.id for s in data.sections if s.id == "account"), data.sections[0].id)
            )
            # The saved cursor belongs to the saved section; elsewhere start at the end.
            position = place.position if place and place.section == start else None
        self.section.setCurrentIndex(self.section.findData(start))
        self.section.blockSignals(False)
        self._fit_section_label()  # the sections' titles are known now
        if keep is not None and self.editor.toPlainText() == self._texts.get(start):
            self._section = start  # the same text: leave it, its undo history and caret be
        else:
            self._show_section(start, position)
        if keep is not None:
            self.editor.verticalScrollBar().setValue(keep[2])
        self.editor.setReadOnly(self._signed)
        self.export.setVisible(self._signed)
        self.decisions.setVisible(self._signed)
        self.further.setVisible(self._signed)
        self.further_row.hide()
        self.readback.setVisible(not self._signed)
        self.saved.setText(self.tr("Signed: the text can no longer change") if self._signed else "")
        self.bar.set_signed(self._signed)
        self._show_sitting(sitting)
        self._place_focus()
        self.side.show_events(data.events)
        self.side.show_notes(data.notes)
        self.exhibits.show_case(case.id)
        self.details.show_case(case.id, guide)
        self.question_hint.show_case(case.id, self.nav.settings.language)
        self._loading = False

    # --- a further statement ----------------------------------------------------------------

    def _start_further(self) -> None:
        if self._ref is None:
            return
        self._generation += 1
        self.backend.run(
            further_statement,
            self._ref,
            self.nav.settings.language,
            done=self._current(self._further_started),
            failed=self._current(self._failed),
        )

    def _further_started(self, data: OpenedCase) -> None:
        self._loaded(data)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_status(self.tr("A further statement: write it as the first"))

    def _show_section(self, section_id: str, position: int | None = None) -> None:
        self._section = section_id
        self._loading = True
        self.editor.setPlainText(self._texts.get(section_id, ""))
        self._loading = False
        self.section_hint.setText(self._hints.get(section_id, ""))
        self.section.setToolTip(self._hints.get(section_id, ""))  # also when the guide folds
        cursor = self.editor.textCursor()
        end = len(self.editor.toPlainText())
        cursor.setPosition(min(end, position) if position is not None else end)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def _failed(self, message: str, code: int) -> None:
        say(self.message, message or self.tr("Something went wrong; nothing was lost."), ERROR)

    # --- typing and saving ----------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading or self._signed or self._section is None:
            return
        self._dirty = True
        self.saved.setText(self.tr("Saving…"))
        self._debounce.start()

    def flush(self) -> None:
        """Save the current section now if it changed (called after each burst of typing)."""
        self._debounce.stop()
        if not self._dirty or self._ref is None or self._section is None:
            return
        self._dirty = False
        text = self.editor.toPlainText()
        self._texts[self._section] = text
        position = self.editor.textCursor().position()
        self.backend.run(
            save_section,
            self._ref,
            self._section,
            text,
            position,
            done=self._current(self._saved),
            failed=self._current(self._save_failed),
        )

    def _saved(self, _result: object) -> None:
        if not self._dirty:
            self._show_saved(self.tr("Saved"))

    def _save_failed(self, message: str, code: int) -> None:
        self._dirty = True  # keep it: the next burst, flush or retry tries again
        text = self.tr("Not saved yet: %1").replace("%1", message)
        if self.saved.text() != text:  # a retry failing alike is not said again
            self._show_unsaved(text)
        self._retry.start()

    def _section_changed(self, index: int) -> None:
        self.flush()
        section_id = self.section.itemData(index)
        if section_id:
            self._show_section(section_id)
            self._set_place(section=section_id)

    def remember_place(self) -> None:
        """Before a pause or lock: save, and record exactly where the cursor is."""
        self.flush()
        self.details.flush()  # the details typed too
        # Where the focus was, to come back to it (after a pause, a lock, the case list).
        # Not the top row's buttons: they were pressed to leave, and are not where the
        # work is.
        focus = self.focusWidget()
        if focus is not None and self.isAncestorOf(focus) and self.regions.current() != 0:
            self._focus_return = (self._ref, focus)
        if self._section is not None:
            self._set_place(section=self._section, position=self.editor.textCursor().position())

    def _set_place(
        self, *, phase: str | None = None, section: str | None = None, position: int | None = None
    ) -> None:
        if self._ref is None or self._sitting is None or not self._sitting.open:
            return
        self.backend.run(set_place, self._ref, phase, section, position, failed=lambda m, c: None)

    def _leave(self, screen: str) -> None:
        self.remember_place()
        self.nav.go(screen)

    def _phase_chosen(self, phase: str) -> None:
        self._set_place(phase=phase)

    def _on_pacing(self, event: PacingEvent) -> None:
        if self._ref is None or event.case_id != self._case_id:
            return  # locked meanwhile, or about another case
        minutes = str(event.detail.get("minutes", ""))
        if event.kind == "break_due":
            text = self.tr(
                "It has been about %1 minutes without a break. You might offer "
                "one when it suits the survivor."
            ).replace("%1", minutes)
        elif event.kind == "long_sitting":
            text = self.tr(
                "This sitting has gone on for over %1 minutes. Consider how the survivor is doing."
            ).replace("%1", minutes)
        elif event.kind == "long_day":
            # Time since the sitting began, pauses included (at least 2 hours: the guide's
            # wall_clock_minutes is 120 to 720).
            hours, rest = divmod(int(event.detail.get("minutes", 0)), 60)
            if rest:
                text = self.tr(
                    "This sitting began more than %1 hours %2 minutes ago. Consider "
                    "whether to stop for today."
                )
            else:
                text = self.tr(
                    "This sitting began more than %1 hours ago. Consider whether to stop for today."
                )
            text = text.replace("%1", str(hours)).replace("%2", str(rest))
        else:
            # The engine names the phase from the English guide; show the guide on screen.
            phase = str(event.detail.get("phase", ""))
            title = self._phase_titles.get(phase) or str(event.detail.get("title", ""))
            text = self.tr("New phase: %1. A good moment to check in with the survivor.").replace(
                "%1", title
            )
        self.banner_text.setText(text)
        self.banner.show()

    # --- timeline and notes ---------------------------------------------------------------

    def _add_event(self, when: str, what: str) -> None:
        if self._ref is None:
            return

        def done(events: object) -> None:
            self.side.event_saved()
            self.side.show_events(events)  # type: ignore[arg-type]

        self.backend.run(
            add_event,
            self._ref,
            when,
            what,
            done=self._current(done),
            failed=self._current(lambda m, c: self.side.timeline_message.setText(m)),
        )

    def _add_note(self, text: str) -> None:
        if self._ref is None:
            return
        self.flush()  # the survivor's words typed just before: saved first, then checked

        def done(notes: object) -> None:
            self.side.show_notes(notes)  # type: ignore[arg-type]
            self.side.note_saved()
            self.question_hint.check(text)

        self.backend.run(
            add_note, self._ref, text, done=self._current(done), failed=self._current(self._failed)
        )

    # --- privacy ----------------------------------------------------------------------------

    def owns_clipboard(self) -> bool:
        return self.editor.guard.owns_clipboard()

    def places_focus_later(self) -> bool:
        return self._loading and self._ref is not None  # _place_focus, once loaded

    def clear_content(self) -> None:
        self.remember_place()  # the pending text is captured and queued before clearing
        self._generation += 1  # whatever the worker still answers is no longer shown
        self._tick.stop()
        self._retry.stop()
        self._ref = None
        self._case_id = None
        self._texts.clear()
        self._titles.clear()
        self._hints.clear()
        self._phase_titles.clear()
        self._section = None
        self._sitting = None
        self._loading = True
        self.editor.clear()
        self._loading = False
        self.section.clear()
        self.reference.clear()
        self.section_hint.clear()
        self.saved.clear()
        self.guide.clear()
        self.side.clear()
        self.exhibits.clear()
        self.details.clear()
        self.question_hint.clear()
        self.bar.clear()  # the sitting shown and the place typed for the next one
        self.banner_text.clear()
        self.banner.hide()
        self.further_row.hide()
        self._keep = None
        self.message.clear()
        self.message.hide()
