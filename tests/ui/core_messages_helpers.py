"""What the core-message tests share (tests/ui/test_core_messages.py and
test_core_messages_real_errors.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.errors import QuietroomError


def refusal(fn: Callable[[], object]) -> QuietroomError:
    with pytest.raises(QuietroomError) as caught:
        fn()
    return caught.value
