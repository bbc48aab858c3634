"""A number field that says its range and says so when a typed value is refused.

Qt's spin box quietly puts back the previous value when the number typed is outside its
range ("1" minutes for breaks becomes 30 again on Tab), so the interviewer never learns
why. `RangeSpinBox` keeps Qt's behaviour (the last allowed value stays) but emits
`refused` with a sentence; `range_note` is the line under the field that shows the range
("From 5 to 180 minutes") and, after a refusal, that sentence instead, until the next
value is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from ui.screens.base import plain_label


class RangeSpinBox(QSpinBox):
    refused = Signal(str)  # the sentence saying what was refused and why

    def __init__(self, low: int, high: int, value: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self.setValue(value)
        self.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToPreviousValue)
        self._typed: str | None = None
        self.lineEdit().textEdited.connect(self._remember)
        self.editingFinished.connect(self._check)

    def _remember(self, text: str) -> None:
        self._typed = text

    def typed_number(self, text: str) -> int | None:
        digits = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
        try:
            return int(digits)
        except ValueError:
            return None

    def _check(self) -> None:
        typed, self._typed = self._typed, None
        if typed is None:
            return
        number = self.typed_number(typed)
        if number is None or self.minimum() <= number <= self.maximum():
            return
        special = self.specialValueText()
        # With a special value ("Not given") the lowest number stands for it, not a number.
        low = self.minimum() + 1 if special else self.minimum()
        shown = special if special and self.value() == self.minimum() else None
        self.refused.emit(
            self.tr("%1 is not allowed here: choose from %2 to %3. It stays at %4.")
            .replace("%1", str(number))
            .replace("%2", str(low))
            .replace("%3", str(self.maximum()))
            .replace("%4", shown or f"{self.value()}{self.suffix()}")
        )


def range_note(spin: RangeSpinBox, range_text: str, parent: QWidget | None = None) -> QLabel:
    """The line under `spin`: its range, or why a typed value was refused (until the next
    value is accepted). Plain text, as every label."""
    note = plain_label(range_text, parent, name="hint")
    spin.refused.connect(note.setText)
    spin.valueChanged.connect(lambda _value: note.setText(range_text))
    return note
