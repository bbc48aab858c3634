"""What the Welsh fuzzy-date tests share (tests/core/test_fuzzydate_welsh*.py): reading a
Welsh wording beside its English equivalent, and a resolver that knows the same event by
its Welsh and its English words."""

from __future__ import annotations

from dataclasses import replace

from app.engine.fuzzydate import FuzzyDate
from tests.core.fuzzydate_helpers import MOVED_1987, resolver, when

# "we moved" in both languages ("ar ôl i ni symud" leaves "ni symud" for the resolver),
# and "Dad left" ("cyn i Dad adael").
EVENTS = {
    "ni symud": MOVED_1987,
    "we moved": MOVED_1987,
    "dad adael": MOVED_1987,
    "dad left": MOVED_1987,
}


def same(welsh: str, english: str, **kwargs: object) -> FuzzyDate:
    """The Welsh wording reads exactly as the English one (range, precision, uncertainty)
    and keeps its own words as the text."""
    found = when(welsh, **kwargs)
    assert found.text == welsh.strip()
    assert replace(found, text=english) == when(english, **kwargs), (welsh, english)
    return found


def both_ways(**kwargs: object) -> dict[str, object]:
    """The keyword arguments with a resolver that knows the events above."""
    return {"resolve": resolver(EVENTS), **kwargs}
