"""The workspace's pacing banners for the reminders of issue 21 §5: a break reminder
that repeats with the time since the last break, and the wall-clock ("long day")
reminder, through the real engine and its fake clock."""

from __future__ import annotations

from typing import Any

from app.engine.models import PacingEvent
from tests.ui.conftest import FakeNavigator, call
from tests.ui.test_workspace import case_ref, open_workspace  # noqa: F401 (a fixture)
from ui.backend import Backend


def test_the_break_banner_repeats_with_the_time_since_the_break(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    clock: Any,
    case_ref: str,  # noqa: F811
) -> None:
    workspace = open_workspace(qtbot, backend, nav, case_ref)
    workspace.bar.start.click()
    qtbot.waitUntil(lambda: workspace.bar.pause.isVisibleTo(workspace), timeout=15_000)
    clock.advance(21 * 60)
    workspace._pacing_tick()
    qtbot.waitUntil(lambda: workspace.banner.isVisible(), timeout=15_000)
    assert "about 20 minutes without a break" in workspace.banner_text.text()
    workspace.banner_close.click()
    clock.advance(20 * 60)
    workspace._pacing_tick()
    qtbot.waitUntil(lambda: workspace.banner.isVisible(), timeout=15_000)
    assert "about 40 minutes without a break" in workspace.banner_text.text()


def test_the_long_day_banner_counts_paused_time(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    clock: Any,
    case_ref: str,  # noqa: F811
) -> None:
    workspace = open_workspace(qtbot, backend, nav, case_ref)
    seen: list[PacingEvent] = []
    backend.pacing_event.connect(seen.append)

    def sitting_with_a_long_pause(s: Any) -> None:
        s.engine.start_sitting(case_ref)
        s.engine.pause_sitting(case_ref, "witness")
        clock.advance(150 * 60)  # all of it paused: no active time at all
        s.engine.resume_sitting(case_ref)

    call(qtbot, backend, sitting_with_a_long_pause)
    workspace._refresh_sitting()
    qtbot.waitUntil(lambda: workspace.bar.pause.isVisibleTo(workspace), timeout=15_000)
    workspace._pacing_tick()
    qtbot.waitUntil(lambda: workspace.banner.isVisible(), timeout=15_000)
    assert [e.kind for e in seen] == ["long_day"]
    assert workspace.banner_text.text() == (
        "This sitting began more than 2 hours 30 minutes ago. Consider whether to stop for today."
    )
    assert call(qtbot, backend, lambda s: s.engine.current_sitting(case_ref)).state == "running"


def test_the_long_day_banner_in_whole_hours(
    qtbot: Any,
    backend: Backend,
    nav: FakeNavigator,
    case_ref: str,  # noqa: F811
) -> None:
    workspace = open_workspace(qtbot, backend, nav, case_ref)
    workspace._on_pacing(PacingEvent("long_day", case_ref, "s", "now", {"minutes": 180}))
    assert workspace.banner.isVisible()
    assert workspace.banner_text.text() == (
        "This sitting began more than 3 hours ago. Consider whether to stop for today."
    )
