"""The case list: cases made through the worker appear, search and filters narrow them,
Enter opens one, the buttons navigate, and clear_content leaves nothing behind."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.engine.models import Case
from tests.ui.conftest import FakeNavigator, call, visible_texts
from ui.backend import Backend
from ui.screens.cases import CaseListScreen


def make_screen(qtbot: Any, backend: Backend, nav: FakeNavigator) -> CaseListScreen:
    screen = CaseListScreen(backend, nav)
    qtbot.addWidget(screen)
    screen.show()
    screen.entered()
    qtbot.waitUntil(lambda: backend.pending == 0)
    return screen


def create(
    qtbot: Any, backend: Backend, category: str, reference: str, name: str | None = None
) -> Case:
    def fn(session: Any) -> Case:
        case = session.engine.create_case(category, reference, "Sam Interviewer")
        if name:
            session.engine.set_witness(case.id, name=name, preferred_name="Jo")
        return case

    return call(qtbot, backend, fn)


def references(screen: CaseListScreen) -> list[str]:
    return sorted(
        screen.tree.topLevelItem(i).text(0) for i in range(screen.tree.topLevelItemCount())
    )


def settle(qtbot: Any, backend: Backend, screen: CaseListScreen, expected: list[str]) -> None:
    qtbot.waitUntil(
        lambda: references(screen) == sorted(expected) and backend.pending == 0, timeout=15_000
    )


def three_cases(qtbot: Any, backend: Backend) -> tuple[Case, Case, Case]:
    return (
        create(qtbot, backend, "csa", "CSA-2026-001", "Alexandra Quill"),
        create(qtbot, backend, "apsp", "APSP-2026-002", "Morgan Ferris"),
        create(qtbot, backend, "general", "GEN-2026-003"),
    )


def test_empty_state(qtbot: Any, backend: Backend, nav: FakeNavigator) -> None:
    screen = make_screen(qtbot, backend, nav)
    assert screen.tree.topLevelItemCount() == 0
    assert "No cases yet. Start with New case." in visible_texts(screen)
    assert not screen.open_button.isEnabled()


def test_cases_made_through_the_worker_appear(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    first, _, _ = three_cases(qtbot, backend)
    screen = make_screen(qtbot, backend, nav)
    assert references(screen) == ["APSP-2026-002", "CSA-2026-001", "GEN-2026-003"]
    row = next(
        screen.tree.topLevelItem(i)
        for i in range(3)
        if screen.tree.topLevelItem(i).text(0) == "CSA-2026-001"
    )
    assert row.text(1) == "Alexandra Quill (Jo)"
    assert row.text(2) == "CSA"
    assert row.text(3) == "Draft"
    assert row.text(4)  # a local date and time
    assert row.data(0, Qt.ItemDataRole.UserRole) == first.id
    assert not screen.empty.isVisible()
    assert screen.open_button.isEnabled()


def test_search_by_reference_and_by_name(qtbot: Any, backend: Backend, nav: FakeNavigator) -> None:
    three_cases(qtbot, backend)
    screen = make_screen(qtbot, backend, nav)
    qtbot.keyClicks(screen.search, "apsp-2026")
    settle(qtbot, backend, screen, ["APSP-2026-002"])
    screen.search.clear()
    qtbot.keyClicks(screen.search, "quill")
    settle(qtbot, backend, screen, ["CSA-2026-001"])
    screen.search.clear()
    qtbot.keyClicks(screen.search, "nobody like this")
    settle(qtbot, backend, screen, [])
    assert "No cases match. Try another search or filter." in visible_texts(screen)
    screen.search.clear()
    settle(qtbot, backend, screen, ["APSP-2026-002", "CSA-2026-001", "GEN-2026-003"])


def test_typing_is_debounced_into_one_query(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    three_cases(qtbot, backend)
    screen = make_screen(qtbot, backend, nav)
    queries: list[str] = []
    original = backend.run

    def counting(fn: Any, *args: Any, **kwargs: Any) -> int:
        queries.append(args[0] if args else "")
        return original(fn, *args, **kwargs)

    backend.run = counting  # type: ignore[method-assign]
    qtbot.keyClicks(screen.search, "GEN")
    settle(qtbot, backend, screen, ["GEN-2026-003"])
    assert queries == ["GEN"]


def test_category_and_status_filters(qtbot: Any, backend: Backend, nav: FakeNavigator) -> None:
    first, _, _ = three_cases(qtbot, backend)

    def read_back(session: Any) -> None:
        section = session.engine.sections(first.id)[0].id
        session.engine.save_section(first.id, section, "What I remember is this.")
        session.engine.start_readback(first.id)

    call(qtbot, backend, read_back)
    screen = make_screen(qtbot, backend, nav)
    screen.category.setCurrentIndex(screen.category.findData("apsp"))
    settle(qtbot, backend, screen, ["APSP-2026-002"])
    screen.category.setCurrentIndex(0)
    screen.status.setCurrentIndex(screen.status.findData("read_back"))
    settle(qtbot, backend, screen, ["CSA-2026-001"])
    # Opening read-back is not a confirmed read-back: the list says what the core holds.
    assert screen.tree.topLevelItem(0).text(3) == "Read-back started"
    call(qtbot, backend, lambda s: s.engine.confirm_readback(first.id))
    screen.refresh()
    settle(qtbot, backend, screen, ["CSA-2026-001"])
    qtbot.waitUntil(
        lambda: screen.tree.topLevelItem(0).text(3) == "Read back and confirmed", timeout=15_000
    )
    screen.status.setCurrentIndex(screen.status.findData("signed"))
    settle(qtbot, backend, screen, [])
    screen.status.setCurrentIndex(screen.status.findData("draft"))
    screen.category.setCurrentIndex(screen.category.findData("general"))
    settle(qtbot, backend, screen, ["GEN-2026-003"])
    assert [screen.category.itemText(i) for i in range(4)] == ["All", "CSA", "APSP", "General"]
    assert [screen.status.itemText(i) for i in range(5)] == [
        "All",
        "Draft",
        "Read-back",
        "Signed",
        "Exported",
    ]


def test_enter_and_double_click_open_the_case(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    _, second, third = three_cases(qtbot, backend)
    screen = make_screen(qtbot, backend, nav)
    item = next(
        screen.tree.topLevelItem(i)
        for i in range(3)
        if screen.tree.topLevelItem(i).text(0) == second.reference
    )
    screen.tree.setCurrentItem(item)
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_Return)
    assert nav.calls[-1] == ("open_case", second.id)
    item = next(
        screen.tree.topLevelItem(i)
        for i in range(3)
        if screen.tree.topLevelItem(i).text(0) == third.reference
    )
    rect = screen.tree.visualItemRect(item)
    # A real double-click starts with a press; the view only opens what was pressed.
    qtbot.mouseClick(screen.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.calls[-1] == ("open_case", second.id)  # a single click only selects
    qtbot.mouseDClick(screen.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.calls[-1] == ("open_case", third.id)
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("open_case", third.id)


def test_buttons_navigate(qtbot: Any, backend: Backend, nav: FakeNavigator) -> None:
    screen = make_screen(qtbot, backend, nav)
    for button, call_ in (
        (screen.new_button, ("go", "new_case")),
        (screen.settings_button, ("go", "settings")),
        (screen.lock_button, ("lock", None)),
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert nav.calls[-1] == call_
    assert [
        b.text()
        for b in (screen.new_button, screen.open_button, screen.settings_button, screen.lock_button)
    ] == ["&New case", "&Open", "&Settings", "&Lock"]


def test_clear_content_empties_the_list_and_search(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    create(qtbot, backend, "csa", "CANARY-REF-9", "Canary Witness")
    screen = make_screen(qtbot, backend, nav)
    qtbot.keyClicks(screen.search, "Canary")
    settle(qtbot, backend, screen, ["CANARY-REF-9"])
    screen.clear_content()
    assert screen.tree.topLevelItemCount() == 0
    assert screen.search.text() == ""
    assert not any("canary" in text.lower() for text in visible_texts(screen))
    assert not screen._debounce.isActive()  # clearing the search field queued no query
    assert backend.pending == 0


def test_a_late_answer_after_clearing_is_dropped(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    create(qtbot, backend, "csa", "CANARY-REF-9", "Canary Witness")
    screen = make_screen(qtbot, backend, nav)
    screen.clear_content()
    screen.refresh()
    screen.clear_content()  # the vault locked while the query was running
    qtbot.waitUntil(lambda: backend.pending == 0)
    assert screen.tree.topLevelItemCount() == 0
    assert not any("canary" in text.lower() for text in visible_texts(screen))


def test_every_focusable_widget_has_an_accessible_name(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    create(qtbot, backend, "csa", "CSA-1", "Someone")
    screen = make_screen(qtbot, backend, nav)
    focusable = [
        w
        for w in screen.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert focusable
    assert [w for w in focusable if not w.accessibleName()] == []


def test_tab_order_follows_reading_order(qtbot: Any, backend: Backend, nav: FakeNavigator) -> None:
    screen = make_screen(qtbot, backend, nav)
    expected = [
        screen.search,
        screen.category,
        screen.status,
        screen.tree,
        screen.new_button,
        screen.open_button,
        screen.settings_button,
        screen.lock_button,
    ]
    seen: list[QWidget] = []
    widget = screen.search
    for _ in range(200):
        if widget in expected and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert seen == expected


def test_visible_texts_sees_what_the_case_list_shows(
    qtbot: Any, backend: Backend, nav: FakeNavigator
) -> None:
    """The "nothing of the case on screen" checks read the list through visible_texts: a
    canary in a row must be caught, and only the list shows it."""
    create(qtbot, backend, "csa", "CANARY-REF-9", "Canary Witness")
    screen = make_screen(qtbot, backend, nav)
    settle(qtbot, backend, screen, ["CANARY-REF-9"])
    texts = visible_texts(screen)
    assert "CANARY-REF-9" in texts and "Canary Witness (Jo)" in texts and "Draft" in texts
    assert "Reference" in texts and "Last updated" in texts  # the column titles
    screen.tree.hide()
    assert not any("canary" in text.lower() for text in visible_texts(screen))
