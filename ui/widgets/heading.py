"""A screen's title as a heading: a screen reader lists it among the headings, jumps to it
(Orca's H key) and says "heading" before it, where a plain label is only "label".

A QLabel cannot change its accessible role; `Heading` declares its role and the
accessibility factory (ui/widgets/accessible_roles.py) gives it. It says when its text
changes, so the screen it titles can be named after it (ui/screens/base.py).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel


class Heading(QLabel):
    """A label whose accessible role is Heading and whose accessible name is its text."""

    accessible_role: ClassVar[QAccessible.Role] = QAccessible.Role.Heading
    text_changed = Signal(str)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.text_changed.emit(text)

    def clear(self) -> None:
        super().clear()
        self.text_changed.emit("")
