"""Pacing as a survivor needs it, through the real engine, a real vault and a fake clock:
the break reminder repeats each interval of active time since the last real break; only
a pause of at least the guide's minimum is a break (a short pause or a crash is not);
check-ins only on entering a phase the survivor is present for; one wall-clock reminder
a sitting, counting paused time; and the loader's clear errors for the new keys."""

from __future__ import annotations

import copy
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.engine.clock import FakeClock
from app.engine.engine import Engine
from app.engine.models import PacingEvent, Participant
from app.guides import GuideError, guide_for_category, load_guide, parse_guide, translated
from app.vault.vault import Vault
from tests.conftest import fresh_vault
from tests.core.guide_files import (
    APSP_DATA,
    SHIPPED,
    assert_one_line,
    change,
    shipped,
    to_toml,
    write,
)

MINUTE = 60


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with fresh_vault(tmp_path / "vault") as v:
        yield v


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def engine(vault: Vault, clock: FakeClock) -> Iterator[Engine]:
    with Engine(vault, clock=clock, owner=True) as e:
        yield e


@pytest.fixture
def seen(engine: Engine) -> list[PacingEvent]:
    events: list[PacingEvent] = []
    engine.subscribe(events.append)
    return events


@pytest.fixture
def guides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped guides that a test may edit (QUIETROOM_GUIDES_DIR)."""
    copied = tmp_path / "guides"
    shutil.copytree(SHIPPED, copied)
    monkeypatch.setenv("QUIETROOM_GUIDES_DIR", str(copied))
    return copied


def with_pacing(guides: Path, category: str, **pacing: Any) -> None:
    """Rewrite the copied guide of `category` with these [pacing] values (None: leave the
    key out, so the guide gets the default)."""
    path = guides / f"{category}.toml"
    data = tomllib.loads(path.read_text("utf-8"))
    for key, value in pacing.items():
        if value is None:
            data["pacing"].pop(key, None)
        else:
            data["pacing"][key] = value
    path.write_text(to_toml(data), "utf-8")


def sitting(engine: Engine, category: str = "csa", every: int | None = 20) -> str:
    """A case with a sitting just started; `every`: the survivor's own break interval."""
    ref = f"{category.upper()}-1"
    engine.create_case(category, ref, interviewer="Jo Bloggs")
    if every is not None:
        engine.set_witness(ref, name="Alex Morgan", break_every_minutes=every)
    engine.start_sitting(ref, [Participant("interviewer", "Jo Bloggs")])
    return ref


def run(engine: Engine, clock: FakeClock, ref: str, minutes: float) -> list[PacingEvent]:
    """Tick once a minute (as the desktop's heartbeat does, more or less) for `minutes`;
    every event the ticks gave, in order."""
    events: list[PacingEvent] = []
    for _ in range(int(minutes)):
        clock.advance(MINUTE)
        events += engine.tick(ref)
    return events


def breaks(events: list[PacingEvent]) -> list[Any]:
    return [e.detail["minutes"] for e in events if e.kind == "break_due"]


def pause_for(engine: Engine, clock: FakeClock, ref: str, seconds: float) -> None:
    engine.pause_sitting(ref, "witness")
    clock.advance(seconds)
    engine.tick(ref)  # the desktop does not tick while paused; another caller might
    engine.resume_sitting(ref)


# --- the break reminder repeats each interval ------------------------------------------


def test_the_reminder_repeats_at_each_interval_and_only_once_each(
    engine: Engine, clock: FakeClock, seen: list[PacingEvent]
) -> None:
    ref = sitting(engine, every=20)
    assert breaks(run(engine, clock, ref, 19)) == []
    assert breaks(run(engine, clock, ref, 1)) == [20]  # 1x
    assert breaks(run(engine, clock, ref, 19)) == []  # quiet in between, tick after tick
    assert breaks(run(engine, clock, ref, 1)) == [40]  # 2x
    assert breaks(run(engine, clock, ref, 20)) == [60]  # 3x
    for _ in range(5):  # many ticks at the same moment: nothing more
        assert engine.tick(ref) == []
    assert [(e.kind, e.detail) for e in seen if e.kind == "break_due"] == [
        ("break_due", {"minutes": 20, "every": 20, "reminder": 1}),
        ("break_due", {"minutes": 40, "every": 20, "reminder": 2}),
        ("break_due", {"minutes": 60, "every": 20, "reminder": 3}),
    ]
    status = engine.pacing(ref)
    assert status["break_due"] is True and status["break_intervals"] == 3
    assert status["since_break_seconds"] == 60 * MINUTE
    assert (
        getattr(engine.current_sitting(ref), "state", None) == "running"
    )  # suggested, never forced


def test_intervals_missed_between_ticks_make_one_reminder(engine: Engine, clock: FakeClock) -> None:
    ref = sitting(engine, every=20)
    clock.advance(65 * MINUTE)  # the computer asleep: three intervals passed unseen
    assert breaks(engine.tick(ref)) == [60]
    assert engine.tick(ref) == []
    assert breaks(run(engine, clock, ref, 15)) == [80]


def test_the_guide_interval_applies_without_a_survivor_preference(
    engine: Engine, clock: FakeClock
) -> None:
    ref = sitting(engine, every=None)
    every = engine.guide(engine.case(ref)).pacing.break_every_minutes
    assert breaks(run(engine, clock, ref, 2 * every)) == [every, 2 * every]


def test_no_reminder_while_paused(engine: Engine, clock: FakeClock) -> None:
    ref = sitting(engine, every=20)
    run(engine, clock, ref, 19)
    engine.pause_sitting(ref, "witness")
    clock.advance(3 * MINUTE)
    assert breaks(engine.tick(ref)) == []
    assert engine.pacing(ref)["break_due"] is False


# --- only a pause of the documented minimum is a break ---------------------------------


def test_a_ten_second_pause_does_not_reset_the_break_clock(
    engine: Engine, clock: FakeClock
) -> None:
    ref = sitting(engine, every=20)
    run(engine, clock, ref, 15)
    pause_for(engine, clock, ref, 10)
    status = engine.pacing(ref)
    assert status["last_break_ended"] is None
    assert status["since_break_seconds"] == 15 * MINUTE  # the pause is not active time
    events = run(engine, clock, ref, 5)
    assert breaks(events) == [20]  # 20 active minutes, 20 min 10 s on the clock


def test_a_five_minute_pause_is_a_break(guides: Path, engine: Engine, clock: FakeClock) -> None:
    with_pacing(guides, "csa", min_break_minutes=None)  # the default
    ref = sitting(engine, every=20)
    assert engine.guide(engine.case(ref)).pacing.min_break_minutes == 5
    run(engine, clock, ref, 15)
    pause_for(engine, clock, ref, 5 * MINUTE)
    status = engine.pacing(ref)
    assert status["last_break_ended"] == engine.now()
    assert status["since_break_seconds"] == 0
    assert breaks(run(engine, clock, ref, 19)) == []
    assert breaks(run(engine, clock, ref, 1)) == [20]  # 20 minutes after the break


def test_just_under_the_minimum_is_not_a_break(
    guides: Path, engine: Engine, clock: FakeClock
) -> None:
    with_pacing(guides, "csa", min_break_minutes=None)
    ref = sitting(engine, every=20)
    run(engine, clock, ref, 10)
    pause_for(engine, clock, ref, 5 * MINUTE - 1)
    assert breaks(run(engine, clock, ref, 10)) == [20]


def test_short_pauses_do_not_add_up_to_a_break(engine: Engine, clock: FakeClock) -> None:
    ref = sitting(engine, every=20)
    for _ in range(3):
        run(engine, clock, ref, 4)
        pause_for(engine, clock, ref, 2 * MINUTE)
    assert engine.pacing(ref)["since_break_seconds"] == 12 * MINUTE
    assert breaks(run(engine, clock, ref, 8)) == [20]


def test_a_short_pause_after_a_reminder_does_not_repeat_it(
    engine: Engine, clock: FakeClock
) -> None:
    ref = sitting(engine, every=20)
    guide = engine.guide(engine.case(ref))
    run(engine, clock, ref, 20)
    pause_for(engine, clock, ref, 10)
    assert engine.tick(ref) == []  # resuming forgets nothing already said
    run(engine, clock, ref, guide.pacing.long_sitting_minutes - 21)
    kinds = [e.kind for e in run(engine, clock, ref, 1)]
    assert "long_sitting" in kinds
    pause_for(engine, clock, ref, 10)
    assert "long_sitting" not in [e.kind for e in run(engine, clock, ref, 5)]


def test_the_minimum_comes_from_the_guide(guides: Path, engine: Engine, clock: FakeClock) -> None:
    with_pacing(guides, "csa", min_break_minutes=2)
    ref = sitting(engine, every=20)
    assert engine.pacing(ref)["min_break_minutes"] == 2
    run(engine, clock, ref, 15)
    pause_for(engine, clock, ref, 2 * MINUTE)
    assert breaks(run(engine, clock, ref, 19)) == []
    assert breaks(run(engine, clock, ref, 1)) == [20]


def test_an_interruption_is_not_a_break(vault: Vault, clock: FakeClock) -> None:
    first = Engine(vault, clock=clock, owner=True)
    ref = sitting(first, every=20)
    run(first, clock, ref, 15)
    first.heartbeat()
    first._lock.release()  # the kernel drops the lock when the process dies
    clock.advance(60 * MINUTE)  # an hour before the app is opened again
    with Engine(vault, clock=clock, owner=True) as second:
        gap = second.current_sitting(ref)
        assert gap is not None and gap.pauses[-1].kind == "interruption"
        second.resume_sitting(ref)
        status = second.pacing(ref)
        assert status["last_break_ended"] is None
        assert status["since_break_seconds"] == 15 * MINUTE
        assert breaks(run(second, clock, ref, 5)) == [20]


# --- check-ins only where the survivor is present --------------------------------------


def test_no_checkin_on_entering_a_phase_marked_false(
    guides: Path, engine: Engine, seen: list[PacingEvent]
) -> None:
    with_pacing(guides, "csa", checkin_on_phase_change=True)
    ref = sitting(engine)
    guide = engine.guide(engine.case(ref))
    assert guide.pacing.checkin_on_phase_change is True
    assert guide.phase("evaluation").checkin is False
    assert guide.phase("closure").checkin is True
    engine.set_place(ref, phase="closure")
    engine.set_place(ref, phase="evaluation")  # the survivor has left
    engine.set_place(ref, phase="planning")
    assert [e.detail["phase"] for e in seen if e.kind == "checkin"] == ["closure"]


def test_checkins_follow_each_phase_flag(
    guides: Path, engine: Engine, seen: list[PacingEvent]
) -> None:
    with_pacing(guides, "general", checkin_on_phase_change=False)
    ref = sitting(engine, "general")
    guide = engine.guide(engine.case(ref))
    for phase in guide.phases:
        engine.set_place(ref, phase=phase.id)
    expected = [p.id for p in guide.phases[1:] if p.checkin]
    assert expected and "evaluation" not in expected
    assert [e.detail["phase"] for e in seen if e.kind == "checkin"] == expected


@pytest.mark.parametrize("category", ["csa", "apsp", "general"])
def test_no_shipped_guide_suggests_a_checkin_without_the_survivor(
    engine: Engine, seen: list[PacingEvent], category: str
) -> None:
    ref = sitting(engine, category)
    for phase in ("engage_explain", "free_narrative", "questioning", "closure", "evaluation"):
        engine.set_place(ref, phase=phase)
    phases = [e.detail["phase"] for e in seen if e.kind == "checkin"]
    assert "evaluation" not in phases and "planning" not in phases


# --- the wall-clock reminder -----------------------------------------------------------


def test_the_wall_clock_reminder_counts_paused_time_and_comes_once(
    guides: Path, engine: Engine, clock: FakeClock, seen: list[PacingEvent]
) -> None:
    with_pacing(guides, "csa", wall_clock_minutes=None, long_sitting_minutes=120)
    ref = sitting(engine, every=30)
    assert engine.guide(engine.case(ref)).pacing.wall_clock_minutes == 150
    run(engine, clock, ref, 60)
    pause_for(engine, clock, ref, 60 * MINUTE)  # a long lunch
    run(engine, clock, ref, 29)
    status = engine.pacing(ref)
    assert status["elapsed_seconds"] == 149 * MINUTE and status["long_day"] is False
    assert status["active_seconds"] == 89 * MINUTE
    assert [e.kind for e in seen if e.kind == "long_day"] == []
    events = run(engine, clock, ref, 1)
    assert [(e.kind, e.detail) for e in events if e.kind == "long_day"] == [
        ("long_day", {"minutes": 150})
    ]
    assert engine.pacing(ref)["long_day"] is True
    run(engine, clock, ref, 10)
    pause_for(engine, clock, ref, 10)
    run(engine, clock, ref, 120)
    assert [e.kind for e in seen].count("long_day") == 1  # once a sitting
    assert getattr(engine.current_sitting(ref), "state", None) == "running"


def test_the_wall_clock_reminder_is_per_sitting_and_from_the_guide(
    guides: Path, engine: Engine, clock: FakeClock
) -> None:
    with_pacing(guides, "csa", wall_clock_minutes=180)
    ref = sitting(engine, every=None)
    assert [e.kind for e in run(engine, clock, ref, 179)].count("long_day") == 0
    assert [e.kind for e in run(engine, clock, ref, 1)].count("long_day") == 1
    engine.end_sitting(ref)
    assert engine.tick(ref) == []
    engine.start_sitting(ref)
    assert [e.kind for e in run(engine, clock, ref, 180)].count("long_day") == 1


# --- the [pacing] keys in the guide ----------------------------------------------------


def test_a_guide_without_the_new_keys_gets_the_defaults() -> None:
    for category in ("csa", "apsp", "general"):
        pacing = shipped(category).pacing
        assert pacing.min_break_minutes >= 1
        assert pacing.wall_clock_minutes >= 120
    data = copy.deepcopy(APSP_DATA)
    for key in ("min_break_minutes", "wall_clock_minutes", "checkin_on_phase_change"):
        data["pacing"].pop(key, None)
    pacing = parse_guide(data, "apsp.toml").pacing
    assert (pacing.min_break_minutes, pacing.wall_clock_minutes) == (5, 150)
    assert pacing.checkin_on_phase_change is False


def test_the_new_keys_are_read(tmp_path: Path) -> None:
    data = copy.deepcopy(APSP_DATA)
    data["pacing"].update(min_break_minutes=10, wall_clock_minutes=240)
    pacing = load_guide(write(tmp_path, "apsp.toml", to_toml(data))).pacing
    assert (pacing.min_break_minutes, pacing.wall_clock_minutes) == (10, 240)


BAD_PACING = [
    ("min-zero", "pacing.min_break_minutes", 0, "pacing.min_break_minutes must be between 1 and"),
    ("min-high", "pacing.min_break_minutes", 61, "min_break_minutes must be between 1 and 60, not"),
    ("min-text", "pacing.min_break_minutes", "5", "min_break_minutes must be an integer, not a st"),
    (
        "min-bool",
        "pacing.min_break_minutes",
        True,
        "min_break_minutes must be an integer, not true",
    ),
    ("wall-low", "pacing.wall_clock_minutes", 90, "wall_clock_minutes must be between 120 and 720"),
    ("wall-high", "pacing.wall_clock_minutes", 800, "must be between 120 and 720, not 800"),
    ("wall-text", "pacing.wall_clock_minutes", "2h", "wall_clock_minutes must be an integer, not"),
    ("checkin-text", "pacing.checkin_on_phase_change", "no", "must be true or false, not a str"),
    ("typo", "pacing.min_break", 5, "pacing.min_break is not a known key (did you mean 'min_br"),
]


@pytest.mark.parametrize(
    ("name", "path", "value", "expected"), BAD_PACING, ids=[c[0] for c in BAD_PACING]
)
def test_bad_pacing_values_name_the_file_and_the_key(
    tmp_path: Path, name: str, path: str, value: Any, expected: str
) -> None:
    data = copy.deepcopy(APSP_DATA)
    change(data, path, value)
    with pytest.raises(GuideError) as caught:
        load_guide(write(tmp_path, f"{name}.toml", to_toml(data)))
    assert expected in assert_one_line(caught.value, f"{name}.toml")


def test_a_translation_keeps_the_new_pacing_keys(guides: Path) -> None:
    with_pacing(guides, "csa", wall_clock_minutes=200)
    english = guide_for_category("csa")
    with pytest.raises(GuideError) as caught:
        translated(english, "cy")
    assert "pacing.wall_clock_minutes is 150 where csa.toml has 200" in str(caught.value)
