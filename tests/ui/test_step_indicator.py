"""The way from read-back to export is shown as steps (#15, the look): each screen on it
marks where the interviewer is, in words a screen reader says too."""

from __future__ import annotations

from typing import Any

from ui.widgets.step_indicator import (
    DECLARATION,
    EXPORT,
    READBACK,
    SIGNATURE,
    StepIndicator,
)


def test_the_steps_show_done_current_and_waiting(qtbot: Any) -> None:
    steps = StepIndicator()
    qtbot.addWidget(steps)
    steps.show_step(SIGNATURE)
    texts = [label.text() for label in steps.labels]
    assert texts == [
        "✓ Read-back",
        "✓ End the sitting",
        "✓ Declaration and pages",
        "4 Signature",
        "5 Export",
    ]
    states = [label.property("state") for label in steps.labels]
    assert states == ["done", "done", "done", "current", "waiting"]
    assert steps.accessibleName() == "Step 4 of 5: Signature"
    steps.show_step(READBACK)
    assert steps.labels[0].property("state") == "current"
    assert all(label.property("state") == "waiting" for label in steps.labels[1:])


def test_each_screen_on_the_way_shows_its_step(qtbot: Any, backend: Any, nav: Any) -> None:
    from ui.screens.bundles import ExportScreen
    from ui.screens.readback import ReadBackScreen
    from ui.screens.signature import DECLARATION as DECLARATION_PAGE
    from ui.screens.signature import SignatureScreen

    readback = ReadBackScreen(backend, nav)
    signature = SignatureScreen(backend, nav)
    export = ExportScreen(backend, nav)
    for screen in (readback, signature, export):
        qtbot.addWidget(screen)
    assert readback.step_indicator.current == READBACK
    signature._step(DECLARATION_PAGE)
    assert signature.step_indicator.current == DECLARATION
    assert export.step_indicator.current == EXPORT
