"""The file dialog's own buttons show their icons (#15, the look): the style sheet's
button padding had left Qt's back, up, new-folder and view buttons blank."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QToolButton

from tests.ui.test_theme_rendering import themed  # noqa: F401 (fixture)


def colours(button: QToolButton) -> int:
    image = button.grab().toImage()
    inner = {
        image.pixel(x, y) for x in range(3, image.width() - 3) for y in range(3, image.height() - 3)
    }
    return len(inner)


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_the_file_dialog_buttons_draw_their_icons(
    qtbot: Any,
    themed: Callable[[str, int], None],  # noqa: F811
    tmp_path: Any,
    name: str,
) -> None:
    themed(name, 100)
    dialog = QFileDialog(None, "Choose", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.resize(900, 550)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [
        b for b in dialog.findChildren(QToolButton) if b.isVisible() and not b.icon().isNull()
    ]
    assert len(buttons) >= 4  # back, forward, up, new folder, the two views
    for button in buttons:
        assert colours(button) > 4, button.objectName()  # more than a plain button face
