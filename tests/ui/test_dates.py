"""Dates and times follow the interface language, never the process locale (#15 item 14):
English is en-GB ("4 Dec 2026, 06:38"), Welsh cy-GB ("4 Rhag 2026, 06:38"), on a 24-hour
clock. The tests run under LANG=C.UTF-8 (or whatever the machine has), where Qt's own
default gave "12/4/26 6:38 AM" for 4 December."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from app.engine.clock import FakeClock, stamp
from tests.conftest import missing
from tests.ui.conftest import FakeNavigator
from tests.ui.test_cases import create, make_screen
from ui import i18n
from ui.backend import Backend
from ui.dates import day, day_time, time_of_day
from ui.screens.cases import local_time

MORNING = datetime(2026, 12, 4, 6, 38)  # local time, as the interviewer's clock shows it


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def welsh(qapp: Any) -> Iterator[None]:
    i18n.install("cy")  # the dates need no catalogue: only the language
    yield
    i18n.install("en")


@pytest.fixture
def london(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's time zone set to the UK's, then put back."""
    if not Path("/usr/share/zoneinfo/Europe/London").exists():
        missing("no time zone data (tzdata): make test installs it")
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_english_is_en_gb_whatever_the_process_locale(english: None) -> None:
    assert day_time(MORNING) == "4 Dec 2026, 06:38"
    assert day_time(MORNING.astimezone()) == "4 Dec 2026, 06:38"  # aware, in local time
    assert day(date(2026, 12, 4)) == "4 Dec 2026"
    assert time_of_day(MORNING) == "06:38"
    assert time_of_day(datetime(2026, 12, 4, 18, 5)) == "18:05"  # a 24-hour clock
    # Neither the process locale nor Qt's default locale changes it.
    before = QLocale()
    try:
        for name in ("C", "en_US", "de_DE"):
            QLocale.setDefault(QLocale(name))
            assert day_time(MORNING) == "4 Dec 2026, 06:38"
    finally:
        QLocale.setDefault(before)


def test_the_interface_locale_is_british(english: None) -> None:
    assert i18n.language() == "en"
    assert i18n.interface_locale().name() == "en_GB"
    assert QLocale().name() == "en_GB"  # Qt's default follows it (numbers, sizes)


def test_welsh_uses_cy_gb(welsh: None) -> None:
    assert i18n.language() == "cy"
    assert i18n.interface_locale().name() == "cy_GB"
    assert day_time(MORNING) == "4 Rhag 2026, 06:38"
    assert day(date(2026, 2, 14)) == "14 Chwef 2026"
    assert time_of_day(datetime(2026, 12, 4, 18, 5)) == "18:05"


def test_stored_utc_times_are_shown_in_local_time(english: None, london: None) -> None:
    # The core stores UTC; in summer the UK is an hour ahead of it.
    summer = datetime(2026, 7, 4, 5, 38, tzinfo=UTC)
    assert day_time(summer) == "4 Jul 2026, 06:38"
    assert local_time(stamp(summer)) == "4 Jul 2026, 06:38"
    assert local_time(stamp(datetime(2026, 12, 4, 6, 38, tzinfo=UTC))) == "4 Dec 2026, 06:38"
    assert local_time("not a time") == ""


def test_the_case_list_shows_en_gb_dates(
    qtbot: Any, backend: Backend, nav: FakeNavigator, clock: FakeClock, english: None
) -> None:
    clock.set(MORNING.astimezone())  # 06:38 on this computer's clock
    create(qtbot, backend, "csa", "CSA-2026-001", "Alexandra Quill")
    screen = make_screen(qtbot, backend, nav)
    qtbot.waitUntil(lambda: screen.tree.topLevelItemCount() == 1, timeout=15_000)
    assert screen.tree.topLevelItem(0).text(4) == "4 Dec 2026, 06:38"
