"""Structure a screen reader (Orca over AT-SPI) can follow (#18 section 5): screen titles
are headings, the screens and the stack of screens are named by the title shown, no
node is of a role AT-SPI calls "unknown", the wizard's step and the set-up warning are
read as the focus arrives, the categories are a named group, the statement section has
its label, and every drop-down list and clear button has a name.

Everything is read as a screen reader reads it: through the accessible interfaces Qt
gives (QAccessible.queryAccessibleInterface), walked from each screen down."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tests.ui import test_main_window
from ui.main_window import MainWindow
from ui.screens.new_case import SURVIVOR
from ui.widgets import accessible_roles, combo_popups
from ui.widgets.heading import Heading

Role = QAccessible.Role
NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description
# The roles Qt's AT-SPI bridge can only call "invalid" or "unknown" (a splitter's handle
# was a "grip", one of them).
UNKNOWN = {
    Role.NoRole,
    Role.Grip,
    Role.Sound,
    Role.Cursor,
    Role.Caret,
    Role.Indicator,
    Role.Clock,
    Role.UserRole,
}
# The real main window over a vault with one case open in the workspace, and its clock.
window, idle = test_main_window.window, test_main_window.idle
CASE_REFERENCE = "CSA-WIN-1"  # the case the window fixture opens


def interface(widget: QWidget) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None, f"no accessible interface for {widget!r}"
    return found


def tree(node: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    """node and every node under it, as a screen reader walks them."""
    yield node
    for index in range(node.childCount()):
        child = node.child(index)
        if child is not None:
            yield from tree(child)


def ancestors(node: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    parent = node.parent()
    while parent is not None and parent.isValid():
        yield parent
        parent = parent.parent()


def described(node: QAccessibleInterface) -> str:
    obj = node.object()
    what = type(obj).__name__ if obj is not None else "item"
    return f"{node.role().name} {node.text(NAME)!r} ({what})"


def title_of(screen: QWidget) -> Heading:
    title = screen.findChild(QLabel, "title")
    assert isinstance(title, Heading), f"{type(screen).__name__}: its title is {title!r}"
    return title


# --- 1. titles are headings ---------------------------------------------------------------


def test_every_screen_title_is_a_heading_named_by_its_text(qtbot: Any, window: MainWindow) -> None:
    wrong = []
    for name, screen in window.screens.items():
        title = title_of(screen)
        node = interface(title)
        if node.role() != Role.Heading or node.text(NAME) != title.text():
            wrong.append(f"{name}: {described(node)}, showing {title.text()!r}")
    assert not wrong, "\n".join(wrong)
    workspace_title = interface(title_of(window.screens["workspace"]))
    assert workspace_title.text(NAME) == CASE_REFERENCE  # set after the case was loaded


def test_headings_made_and_deleted_over_and_over_leave_a_sound_tree(qtbot: Any) -> None:
    """Qt caches each heading's interface and deletes it with the heading; the Python
    side must neither free one Qt still uses nor keep dead ones without end."""
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    root.show()
    for round_ in range(30):
        headings = [Heading(f"Title {round_}.{n}", root) for n in range(20)]
        for heading in headings:
            layout.addWidget(heading)
        names = [interface(h).text(NAME) for h in headings]
        assert names == [h.text() for h in headings]
        assert [n.role() for n in tree(interface(root))].count(Role.Heading) == 20
        for heading in headings:
            if round_ % 2:
                heading.deleteLater()
            else:
                heading.setParent(None)  # the last reference goes below: deleted at once
        del heading, headings
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        assert [n.role() for n in tree(interface(root))] == [Role.Client]
    last = Heading("The last one", root)
    assert interface(last).role() == Role.Heading and interface(last).text(NAME) == "The last one"
    kept = [i for i in accessible_roles._kept if shiboken6.isValid(i)]
    assert len(accessible_roles._kept) - len(kept) < 20  # the deleted ones are let go


def test_a_heading_renamed_says_its_new_text(qtbot: Any) -> None:
    heading = Heading("Before")
    qtbot.addWidget(heading)
    node = interface(heading)
    heading.setText("After")
    assert node.text(NAME) == "After"
    heading.clear()
    assert node.text(NAME) == ""


# --- 2. named screens, a named stack, no unknown roles ----------------------------------------


def test_the_stack_and_each_screen_are_named_after_the_screen_shown(
    qtbot: Any, window: MainWindow
) -> None:
    stack = interface(window.stack)
    workspace = window.screens["workspace"]
    assert interface(workspace).role() == Role.Grouping  # a panel, said as the focus enters
    assert interface(workspace).text(NAME) == CASE_REFERENCE
    assert stack.text(NAME) == CASE_REFERENCE
    for name in ("cases", "settings", "new_case", "outbox"):
        window.go(name)
        screen = window.screens[name]
        title = title_of(screen).text()
        assert title, name
        assert interface(screen).text(NAME) == title, name
        assert stack.text(NAME) == title, name
    window.go("pause")
    assert stack.text(NAME) == "Paused"


def test_a_lock_leaves_the_case_in_no_name(qtbot: Any, window: MainWindow) -> None:
    window.lock()
    assert window.current_screen == "unlock"
    assert interface(window.stack).text(NAME) == "Quietroom is locked"
    assert window.screens["workspace"].accessibleName() == ""
    held = [
        described(node)
        for node in tree(interface(window))
        if CASE_REFERENCE in node.text(NAME) + node.text(DESCRIPTION)
    ]
    assert not held, "\n".join(held)


def test_no_node_on_any_screen_is_unknown_or_nameless_where_it_must_be_named(
    qtbot: Any, window: MainWindow
) -> None:
    """Nothing a screen reader can only call "unknown"; no "layered pane" (stacked
    pages) and no button without a name."""
    problems = []
    for name, screen in window.screens.items():
        for node in tree(interface(screen)):
            role = node.role()
            if role in UNKNOWN:
                problems.append(f"{name}: unknown: {described(node)}")
            elif role in (Role.LayeredPane, Role.PushButton, Role.Button) and not node.text(NAME):
                problems.append(f"{name}: no name: {described(node)}")
    for node in tree(interface(window)):  # the frame, the stack, the status bar
        if node.role() in UNKNOWN:
            problems.append(f"window: unknown: {described(node)}")
    assert not problems, "\n".join(problems)


# --- 3. read on entering: the wizard's step, the set-up warning ---------------------------------


def test_the_wizard_step_is_read_with_the_field_it_starts_in(
    qtbot: Any, window: MainWindow
) -> None:
    window.go("new_case")
    screen = window.screens["new_case"]
    first = screen.focusWidget()
    csa = screen.case_step.radios["csa"]
    assert first is csa  # the focus is where it always was
    assert interface(csa).text(DESCRIPTION) == (
        "Step 1 of 6: Case. Child sexual abuse, usually told years later by an adult survivor."
    )
    assert interface(screen.stack).text(NAME) == "Step 1 of 6: Case"
    screen.show_step(SURVIVOR)
    name = screen.survivor_step.fields["name"]
    assert screen.focusWidget() is name
    assert interface(name).text(DESCRIPTION) == "Step 2 of 6: Survivor"
    assert interface(screen.stack).text(NAME) == "Step 2 of 6: Survivor"
    # The first step's field says only its own description again.
    assert csa.accessibleDescription() == (
        "Child sexual abuse, usually told years later by an adult survivor."
    )
    screen.clear_content()  # back to the first step
    assert name.accessibleDescription() == ""
    assert csa.accessibleDescription().startswith("Step 1 of 6: Case. ")


def test_the_set_up_warning_is_read_as_the_focus_enters_the_fields(
    qtbot: Any, window: MainWindow
) -> None:
    setup = window.screens["setup"]
    warning = "If it is forgotten and no recovery key is set, nothing can recover it"
    shown = [label.text() for label in setup.findChildren(QLabel) if warning in label.text()]
    assert len(shown) == 1
    around = [
        node for node in ancestors(interface(setup.passphrase)) if node.role() == Role.Grouping
    ]
    assert shown[0] in [node.text(NAME) for node in around]


# --- 4. the categories' group ------------------------------------------------------------------


def test_the_category_radio_buttons_are_in_a_group_named_category(
    qtbot: Any, window: MainWindow
) -> None:
    step = window.screens["new_case"].case_step
    visible = [label.text() for label in step.findChildren(QLabel)]
    assert "Category" in visible
    for radio in step.radios.values():
        groups = [
            node.text(NAME) for node in ancestors(interface(radio)) if node.role() == Role.Grouping
        ]
        assert "Category" in groups, f"{radio.text()}: {groups}"


# --- 5. the statement section's label ------------------------------------------------------------


def test_the_statement_section_has_a_label_on_screen(qtbot: Any, window: MainWindow) -> None:
    workspace = window.screens["workspace"]
    node = interface(workspace.section)

    def labels() -> list[QAccessibleInterface]:
        return [label for label, _relation in node.relations(QAccessible.RelationFlag.Label)]

    assert [label.text(NAME) for label in labels()] == ["Statement section"]
    assert node.text(NAME) != "Statement section"  # a combo box's name is its value (Linux)
    label = labels()[0].object()
    assert isinstance(label, QLabel)
    window.resize(1500, 900)  # room for the label beside the list
    qtbot.waitUntil(lambda: label.isVisibleTo(workspace))
    window.resize(560, 700)  # a narrow statement column: it folds, and still labels it
    qtbot.waitUntil(lambda: not label.isVisibleTo(workspace))
    assert [label.text(NAME) for label in labels()] == ["Statement section"]


# --- 6. drop-down lists and clear buttons -------------------------------------------------------


@pytest.fixture
def popup_filter(qapp: QApplication) -> Iterator[None]:
    installed = combo_popups.install(qapp)
    yield
    qapp.removeEventFilter(installed)


def test_every_drop_down_list_is_named_after_its_combo_box(
    qtbot: Any, window: MainWindow, popup_filter: None
) -> None:
    """Each screen shown in turn (each step of the wizard too), every combo box shown is
    opened: its list is named after it."""
    opened, wrong = [], []

    def open_each(name: str, screen: QWidget) -> None:
        for combo in screen.findChildren(QComboBox):
            if not combo.isVisible() or combo.count() == 0:
                continue
            combo.showPopup()
            qtbot.waitUntil(combo.view().isVisible)
            wanted = f"{combo.accessibleName()} list"
            if interface(combo.view()).text(NAME) != wanted:
                wrong.append(f"{name}: {interface(combo.view()).text(NAME)!r}, not {wanted!r}")
            combo.hidePopup()
            opened.append(wanted)

    for name, screen in window.screens.items():
        window.stack.setCurrentWidget(screen)  # shown, as the window shows it
        if name == "new_case":
            for index in range(len(screen.steps)):
                screen.show_step(index)
                open_each(name, screen)
        else:
            open_each(name, screen)
    assert not wrong, "\n".join(wrong)
    assert {"Statement section list", "Category filter list", "Theme list"} <= set(opened)


def test_a_combo_box_shown_names_its_list_before_it_opens(
    qtbot: Any, window: MainWindow, popup_filter: None
) -> None:
    section = window.screens["workspace"].section
    window.go("cases")
    window.go("workspace")  # shown again, with the filter in place
    assert section.isVisible()
    assert section.view().accessibleName() == "Statement section list"


def test_the_search_fields_clear_button_is_named(qtbot: Any, window: MainWindow) -> None:
    search = window.screens["cases"].search
    buttons = search.findChildren(QToolButton)
    assert buttons and [interface(b).text(NAME) for b in buttons] == ["Clear search"] * len(buttons)
