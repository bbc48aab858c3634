"""The read-back screen: the statement in large print, corrections, and the confirmation.

It shows the survivor's words only (the statement sections, never prompts, notes,
restricted details or section guidance), at a text size of its own, optionally mirrored
in a separate window on a second screen facing the witness. With only one screen
connected nothing is opened over the interviewer's controls: the screen says so and
offers the read-back full-screen on this one instead (Esc or Close returns,
ui/widgets/readback_displays.py). Changes asked for during read-back are saved through
the engine, which records them as corrections; they are listed and marked in the text.
The witness's confirmation leads to the signature; a second screen in use stays open
for it, so the witness also reads the declaration they sign there (`witness_screen`).
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.desktop.statement import ReadBack, confirm_readback, load_readback, save_correction
from app.desktop.types import SectionText, parse_stamp
from ui.backend import Backend
from ui.dates import time_of_day
from ui.navigation import Navigator
from ui.screens.base import Screen, accessible, plain_label
from ui.widgets.notice import ERROR, INFO, say
from ui.widgets.readback_displays import ReadBackDisplays
from ui.widgets.readback_view import (
    DEFAULT_POINT_SIZE,
    MAX_POINT_SIZE,
    MIN_POINT_SIZE,
    STEP,
    CorrectionPanel,
    FullScreenReadBack,
    LargeTextView,
    SecondScreenWindow,
    clamp_size,
    composed,
    fill,
    section_at,
)
from ui.widgets.step_indicator import StepIndicator


def local_time(at: str) -> str:
    return time_of_day(parse_stamp(at))


# The witness's second screen, kept open from read-back for the signature screen.
_kept: weakref.ref[SecondScreenWindow] | None = None


def witness_screen() -> SecondScreenWindow | None:
    """The witness's second screen when read-back used one and handed it on to signing."""
    window = _kept() if _kept is not None else None
    # Gone with the read-back screen that owned it (its Python side may outlive it).
    if window is None or not shiboken6.isValid(window):
        return None
    return window if window.isVisible() else None


def close_witness_screen() -> None:
    """Close the witness's second screen (signing is over); it keeps no text."""
    window = witness_screen()
    if window is not None:
        window.clear()


# --- the screen ------------------------------------------------------------------------------


class ReadBackScreen(Screen):
    def __init__(self, backend: Backend, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.nav = backend, nav
        self._ref: str | None = None
        self._generation = 0  # results for an older view (before a lock) are dropped
        # Its own size, starting comfortably larger than the interface text; from then on
        # A−/A+ alone change it.
        self._size = clamp_size(
            max(DEFAULT_POINT_SIZE, round(QApplication.font().pointSizeF() * 1.5))
        )
        self._sections: list[SectionText] = []
        self._starts: list[tuple[int, str]] = []  # where each shown section begins
        self._keep_second = False  # handed on to the signature screen
        self._build()
        self._shortcuts()
        self._set_size(self._size)
        self._set_busy(None)

    # --- construction -----------------------------------------------------------------

    def _build(self) -> None:
        # Everything sits in a scroll area: at 200 % text nothing is clipped, it scrolls.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scroll = QScrollArea(self)  # not `scroll`: QWidget.scroll()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget(scroll)
        scroll.setWidget(content)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        self.step_indicator = StepIndicator(content)
        layout.addWidget(self.step_indicator)
        layout.addWidget(plain_label(self.tr("Read-back"), self, name="title"))
        layout.addWidget(
            plain_label(
                self.tr(
                    "Read the statement aloud to the person giving it, or let them read it. Any "
                    "change they ask for is saved as a correction made during read-back."
                ),
                self,
                name="hint",
            )
        )

        tools = QHBoxLayout()
        self.smaller = QPushButton(self.tr("A−"), self)
        accessible(
            self.smaller,
            self.tr("A− Smaller text"),
            self.tr("Makes the statement text smaller (Ctrl+minus)"),
        )
        self.larger = QPushButton(self.tr("A+"), self)
        accessible(
            self.larger,
            self.tr("A+ Larger text"),
            self.tr("Makes the statement text larger (Ctrl+equals)"),
        )
        self.size_label = plain_label("", self, wrap=False)
        self.view = LargeTextView(self)
        # The second screen, or with only one the full-screen read-back, and its button.
        self.displays = ReadBackDisplays(
            self, self.view.toPlainText, lambda step: self._set_size(self._size + step)
        )
        self.no_second = self.displays.no_second
        self.second_button = self.displays.button
        self.smaller.clicked.connect(lambda: self._set_size(self._size - STEP))
        self.larger.clicked.connect(lambda: self._set_size(self._size + STEP))
        for widget in (self.smaller, self.larger, self.size_label):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.no_second)
        tools.addWidget(self.second_button)
        layout.addLayout(tools)

        self.status = plain_label("", self, name="hint")
        self.message = plain_label("", self, name="message")
        layout.addWidget(self.status)
        layout.addWidget(self.message)

        body = QHBoxLayout()
        accessible(
            self.view,
            self.tr("Statement text"),
            self.tr("The statement in large print, read-only"),
        )
        self.view.size_step.connect(lambda step: self._set_size(self._size + step))
        body.addWidget(self.view, 3)
        side = QVBoxLayout()
        side.addWidget(
            plain_label(self.tr("Corrections made during read-back"), self, name="subtitle")
        )
        self.corrections = QListWidget(self)
        self.corrections.setWordWrap(True)
        self.corrections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        accessible(
            self.corrections,
            self.tr("Corrections made during read-back"),
            self.tr("Each section corrected during read-back, with the time"),
        )
        self.no_corrections = plain_label(self.tr("No corrections so far."), self, name="hint")
        side.addWidget(self.no_corrections)
        side.addWidget(self.corrections, 1)
        body.addLayout(side, 1)
        layout.addLayout(body, 3)

        # A check box, so whether correcting is on shows without relying on colour.
        self.correct = QCheckBox(self.tr("Make a &correction"), self)
        accessible(
            self.correct,
            self.tr("Make a correction"),
            self.tr("Shows an editor for one section of the statement"),
        )
        self.correct.toggled.connect(self._correction_mode)
        layout.addWidget(self.correct, 0, Qt.AlignmentFlag.AlignLeft)
        self.panel = CorrectionPanel(self)
        self.panel.save_requested.connect(self._save)
        # Room for a few lines of the section at any text size.
        self.panel.editor.setMinimumHeight(self.panel.editor.fontMetrics().lineSpacing() * 6)
        self.panel.hide()
        layout.addWidget(self.panel, 2)

        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("&Back to the interview"), self)
        accessible(self.back, self.tr("Back to the interview"))
        self.confirm = QPushButton(self.tr("Con&firm the statement is correct"), self)
        self.confirm.setObjectName("primary")
        accessible(
            self.confirm,
            self.tr("Confirm the statement is correct"),
            self.tr("Records the confirmation and goes on to the signature"),
        )
        # Enter in the correction editor must never press one of these by default.
        for button in (self.back, self.confirm):
            button.setAutoDefault(False)
        self.back.clicked.connect(lambda: self.nav.go("workspace"))
        self.confirm.clicked.connect(self._confirm)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        layout.addLayout(buttons)

        order = [
            self.smaller,
            self.larger,
            self.second_button,
            self.view,
            self.corrections,
            self.correct,
            *self.panel.focus_order(),
            self.back,
            self.confirm,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _shortcuts(self) -> None:
        bigger = {
            QKeySequence("Ctrl+="),
            QKeySequence("Ctrl++"),
            QKeySequence(QKeySequence.StandardKey.ZoomIn),
        }
        smaller = {QKeySequence("Ctrl+-"), QKeySequence(QKeySequence.StandardKey.ZoomOut)}
        for keys, step in ((bigger, STEP), (smaller, -STEP)):
            for key in keys:
                if key.isEmpty():
                    continue
                shortcut = QShortcut(key, self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda s=step: self._set_size(self._size + s))

    # --- Screen -------------------------------------------------------------------------

    def entered(self) -> None:
        self._keep_second = False
        ref = self.nav.current_case
        if ref != self._ref:
            self.clear_content()
        if ref is None:
            return
        self._ref = ref
        self._show_message("")
        # The statement is what read-back is for: the focus starts there (a screen reader
        # reads it from the caret), not on the first button.
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._run(
            self.tr("Loading the statement…"),
            load_readback,
            ref,
            True,
            self.nav.settings.language,
            done=self._loaded,
        )

    def clear_content(self) -> None:
        self._generation += 1
        self._ref = None
        self._sections = []
        self._starts = []
        self.view.clear()
        self.corrections.clear()
        self.no_corrections.show()
        self.panel.clear()
        self.correct.setChecked(False)
        self.displays.close()
        self._show_message("")
        self._set_busy(None)

    def hideEvent(self, event: QEvent) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        # The window switched to another screen (or pause); on to signing, the witness's
        # second screen stays for the declaration.
        if not event.spontaneous() and not self._keep_second:
            self.displays.close()

    # --- background work ------------------------------------------------------------------

    def _run(
        self, busy: str, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None]
    ) -> None:
        generation = self._generation
        self._set_busy(busy)

        def finished(result: Any) -> None:
            if generation == self._generation:
                self._set_busy(None)
                done(result)

        def failed(message: str, code: int) -> None:
            if generation == self._generation:
                self._set_busy(None)
                self._show_message(
                    message or self.tr("Something went wrong; nothing was lost."), ERROR
                )

        self.backend.run(fn, *args, done=finished, failed=failed)

    def _set_busy(self, text: str | None) -> None:
        self.status.setText(text or "")
        self.status.setVisible(bool(text))
        ready = text is None and self._ref is not None and bool(self._sections)
        self.confirm.setEnabled(ready)
        self.correct.setEnabled(ready)
        self.panel.set_busy(not ready)

    def _show_message(self, text: str, kind: str = INFO) -> None:
        say(self.message, text, kind)

    # --- showing the statement -----------------------------------------------------------

    def _loaded(self, data: ReadBack) -> None:
        self._sections = data.sections
        corrected = {c.section for c in data.corrections}
        text, self._starts = composed(
            data.sections, corrected, self.tr("(Corrected during read-back)")
        )
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self.view.setPlainText(text)
        bar.setValue(position)
        self.displays.set_text(text)
        self.corrections.clear()
        titles = {s.id: s.title for s in data.sections}
        for c in data.corrections:
            self.corrections.addItem(
                fill(
                    self.tr("%1, corrected at %2"), titles.get(c.section, c.title), local_time(c.at)
                )
            )
        self.no_corrections.setVisible(not data.corrections)
        self.panel.set_sections(data.sections, corrected)
        self._set_busy(None)

    def _set_size(self, points: int) -> None:
        self._size = clamp_size(points)
        self.view.set_point_size(self._size)
        self.panel.set_point_size(self._size)
        self.displays.set_point_size(self._size)
        self.size_label.setText(fill(self.tr("Text size: %1 pt"), str(self._size)))
        self.smaller.setEnabled(self._size > MIN_POINT_SIZE)
        self.larger.setEnabled(self._size < MAX_POINT_SIZE)

    def point_size(self) -> int:
        return self._size

    # --- the second screen (or, with one screen, the full-screen read-back) -----------------

    def second_window(self) -> SecondScreenWindow | None:
        return self.displays.second_window()

    def full_screen_window(self) -> FullScreenReadBack | None:
        return self.displays.full_screen_window()

    # --- corrections --------------------------------------------------------------------------

    def _correction_mode(self, on: bool) -> None:
        self.panel.setVisible(on)
        if on:
            # The section being read: the one at the top of the view.
            top = self.view.cursorForPosition(QPoint(0, 0)).position()
            reading = section_at(self._starts, top)
            if reading is not None:
                self.panel.show_section(reading)
            self.panel.editor.setFocus()
            # Laid out on the next pass; then the whole panel is scrolled into sight.
            QTimer.singleShot(0, self._show_panel)

    def _show_panel(self) -> None:
        if self.panel.isVisible():
            self.scroll_area.ensureWidgetVisible(self.panel.undo)
            self.scroll_area.ensureWidgetVisible(self.panel.section_choice)

    def _save(self, section: str, text: str) -> None:
        if self._ref is None:
            return

        def saved(data: ReadBack) -> None:
            self.panel.saved(section, text)
            self._loaded(data)
            self.panel.editor.setFocus()  # the next correction, if any, starts here
            self._show_message(
                self.tr(
                    "The correction is saved. It is recorded as a correction made during read-back."
                )
            )

        self._show_message("")
        self._run(
            self.tr("Saving the correction…"),
            save_correction,
            self._ref,
            section,
            text,
            self.nav.settings.language,
            done=saved,
        )

    def has_unsaved_correction(self) -> bool:
        return self.panel.has_unsaved()

    # --- confirmation -------------------------------------------------------------------------

    def _confirm(self) -> None:
        if self._ref is None:
            return
        if self.has_unsaved_correction():
            self._show_message(
                self.tr(
                    "A correction has not been saved yet. Save it or undo "
                    "it, then ask them to confirm."
                )
            )
            return
        self._show_message("")
        self._run(
            self.tr("Recording the confirmation…"),
            confirm_readback,
            self._ref,
            done=lambda _result: self._to_signature(),
        )

    def _to_signature(self) -> None:
        global _kept
        second = self.displays.second_window()
        shown = second is not None and self.displays.second_shown()
        self._keep_second = shown
        _kept = weakref.ref(second) if shown and second is not None else None
        self.nav.go("signature")
