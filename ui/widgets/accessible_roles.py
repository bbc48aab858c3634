"""Accessible roles Qt's widgets cannot take on their own, given by one accessibility
factory that `install` puts in place once, when the application starts.

- A widget whose class declares `accessible_role` takes that role: a screen's title is a
  Heading (ui/widgets/heading.py); a screen, and a `Group` of controls that belong
  together, is a panel that a screen reader names as the focus enters it.
- A splitter's handle is a separator, as in other toolkits: Qt makes it a "grip", which
  AT-SPI can only call "unknown".

Qt keeps each interface in its cache and deletes it with its widget. The Python objects
are kept here until Qt has done so: Python must never free one that Qt still uses.
"""

from __future__ import annotations

from typing import ClassVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

# Qt's own widgets given another role, by class name.
ROLES_BY_CLASS = {"QSplitterHandle": QAccessible.Role.Separator}

_kept: list[QAccessibleInterface] = []
_installed: list[bool] = []  # once per process: a factory cannot be taken out again


class RoleInterface(QAccessibleWidget):
    """What QAccessibleWidget says of a widget, with the role given; a label with no
    accessible name of its own is named by its text, as Qt names any label."""

    def text(self, kind: QAccessible.Text) -> str:
        value = super().text(kind)
        widget = self.widget()
        if kind == QAccessible.Text.Name and not value and isinstance(widget, QLabel):
            return widget.text()
        return value


class Group(QWidget):
    """Controls that belong together (the categories of a case): a screen reader says
    the group's accessible name as the focus enters it."""

    accessible_role: ClassVar[QAccessible.Role] = QAccessible.Role.Grouping


def role_of(class_name: str, obj: QObject) -> QAccessible.Role | None:
    role = getattr(type(obj), "accessible_role", None)
    return role if role is not None else ROLES_BY_CLASS.get(class_name)


def factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks with each class name of obj's class and its bases, the class's own first."""
    if not isinstance(obj, QWidget):
        return None
    role = role_of(class_name, obj)
    if role is None:
        return None
    _kept[:] = [kept for kept in _kept if shiboken6.isValid(kept)]  # Qt deleted the rest
    interface = RoleInterface(obj, role)
    _kept.append(interface)
    return interface


def install() -> None:
    """Put the factory in place (once per process), after the QApplication is made:
    Qt asks the factory installed last first, and installs its own for its widgets (a
    splitter handle's "grip" among them) with the application."""
    if _installed:
        return
    if QCoreApplication.instance() is None:
        raise RuntimeError("install the accessibility factory after making the QApplication")
    QAccessible.installFactory(factory)
    _installed.append(True)
