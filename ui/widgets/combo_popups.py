"""Drop-down lists that show every item (#15 item 9) and say whose list they are.

With a style sheet, Qt sizes a combo box's popup from a row height a few pixels short of
the rows it then draws, so a list of up to ten items opened with its last one cut off
("Appropriate adult", "Withdrawn", "Anything else") behind a one-step scroll bar. One
application-wide filter makes each popup tall enough for the rows it should show
whole, within the screen.

The same filter names each popup's list after its combo box ("Statement section list"),
as the combo box is shown and again as the list opens, so a screen reader never meets a
nameless list, on any screen present or future.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget


def rows_height(view: QAbstractItemView, rows: int) -> int:
    model = view.model()
    return sum(view.visualRect(model.index(row, 0)).height() for row in range(rows))


def fit_popup(combo: QComboBox) -> None:
    """Grow the open popup of `combo` until its first maxVisibleItems rows show whole."""
    view = combo.view()
    container = view.window()
    if container is combo.window():
        return  # not open
    rows = min(combo.count(), combo.maxVisibleItems())
    missing = rows_height(view, rows) - view.viewport().height()
    if missing <= 0:
        return
    geometry = container.geometry()
    geometry.setHeight(geometry.height() + missing)
    screen = container.screen()
    if screen is not None:
        room = screen.availableGeometry()
        if geometry.bottom() > room.bottom():  # open upwards rather than off the screen
            geometry.moveBottom(room.bottom())
        geometry = geometry.intersected(room)
    container.setGeometry(geometry)


def name_popup(combo: QComboBox) -> None:
    """Name the list of `combo` after the combo box: "Statement section list" (every
    combo box has a name: tests/ui/test_main_window.py holds each screen to it)."""
    name = combo.accessibleName()
    if name:
        list_name = QCoreApplication.translate("ComboPopups", "%1 list")
        combo.view().setAccessibleName(list_name.replace("%1", name))


class ComboPopupFitter(QObject):
    """Installed on the application: names every combo box's popup list as the combo
    box is shown and as the list opens, and fits the popup as it opens."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if isinstance(watched, QComboBox):
                name_popup(watched)
                return False
            combo = watched.parentWidget()
            if isinstance(combo, QComboBox) and watched is combo.view().window():
                name_popup(combo)  # its name may have changed since (a renumbered row)
                # After Qt has placed and laid out the popup, before the next paint.
                QTimer.singleShot(0, combo, lambda: fit_popup(combo))
        return False


def install(app: QApplication) -> ComboPopupFitter:
    fitter = ComboPopupFitter(app)
    app.installEventFilter(fitter)
    return fitter
