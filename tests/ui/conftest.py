"""Fixtures for the desktop interface tests: real vault, real worker thread, offscreen Qt.

pytest-qt owns the one QApplication. Each test gets its own vault (FAST_KDF, no keyring)
and a Backend whose worker thread is shut down afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from app.desktop.session import Session
from app.engine.clock import FakeClock
from app.settings import Settings
from tests.conftest import FAST_KDF, PASSPHRASE
from ui.backend import Backend
from ui.widgets import accessible_roles


class FakeNavigator:
    """Records what a screen asked the main window to do."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.current_case: str | None = None
        self.current_review: str | None = None
        self.calls: list[tuple[str, Any]] = []

    def go(self, screen: str) -> None:
        self.calls.append(("go", screen))

    def open_case(self, ref: str) -> None:
        self.current_case = ref
        self.calls.append(("open_case", ref))

    def open_review(self, review_id: str) -> None:
        self.current_review = review_id
        self.calls.append(("open_review", review_id))

    def unlocked(self) -> None:
        self.calls.append(("unlocked", None))

    def lock(self) -> None:
        self.calls.append(("lock", None))

    def pause(self, requested_by: str | None = None) -> None:
        self.calls.append(("pause", requested_by))

    def resume(self) -> None:
        self.calls.append(("resume", None))

    def apply_settings(self, settings: Settings) -> bool:
        self.settings = settings
        self.calls.append(("apply_settings", settings))
        return True


@pytest.fixture(autouse=True)
def accessible_roles_installed(qapp: Any) -> None:
    """As ui/main.py starts the application: headings, named screens and groups."""
    accessible_roles.install()


@pytest.fixture
def nav() -> FakeNavigator:
    return FakeNavigator()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def session(vault_dir: Path, clock: FakeClock) -> Iterator[Session]:
    """An unlocked session over a fresh vault."""
    s = Session(vault_dir, clock=clock)
    s.create(PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    yield s
    s.lock()


@pytest.fixture
def backend(session: Session, qtbot: Any) -> Iterator[Backend]:
    b = Backend(session)
    yield b
    b.shutdown()


def call(qtbot: Any, backend: Backend, fn: Callable[..., Any], *args: Any) -> Any:
    """Run fn(session, *args) on the worker and wait for its result (for test set-up)."""
    box: dict[str, Any] = {}
    backend.run(
        fn,
        *args,
        done=lambda r: box.setdefault("ok", r),
        failed=lambda m, c: box.setdefault("error", (m, c)),
    )
    qtbot.waitUntil(lambda: box != {}, timeout=20_000)
    if "error" in box:
        raise AssertionError(f"background call failed: {box['error']}")
    return box["ok"]


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """The DisplayRole text of every cell of `model` (every row and column, children too).

    hasIndex, being public in every model, stands in for rowCount/columnCount/hasChildren,
    which some of Qt's own models (a list or table widget's) make private."""
    parent = parent if parent is not None else QModelIndex()
    texts = []
    row = 0
    while model.hasIndex(row, 0, parent):
        column = 0
        while model.hasIndex(row, column, parent):
            index = model.index(row, column, parent)
            texts += display_text(model.data(index, Qt.ItemDataRole.DisplayRole))
            if model.hasIndex(0, 0, index):
                texts += model_texts(model, index)
            column += 1
        row += 1
    return texts


def header_texts(header: QHeaderView) -> list[str]:
    """The section titles a header shows (the view's model provides them)."""
    model = header.model()
    if model is None:
        return []
    texts = []
    for section in range(header.count()):
        texts += display_text(
            model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        )
    return texts


def display_text(value: object) -> list[str]:
    if value is None or isinstance(value, bool):
        return []
    text = value if isinstance(value, str) else str(value)
    return [text] if text else []


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a visible widget under root shows (labels, edits, buttons…),
    and every cell and header title of a visible item view (list, tree, table)."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        for getter in (
            "text",
            "toPlainText",
            "placeholderText",
            "currentText",
            "title",
            "windowTitle",
            "toolTip",
            "accessibleName",
            "accessibleDescription",
        ):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str) and result:
                    texts.append(result)
        if isinstance(widget, QHeaderView):
            texts += header_texts(widget)  # shown only while the header itself is visible
        elif isinstance(widget, QAbstractItemView):
            model = widget.model()
            if model is not None:
                texts += model_texts(model)
    return texts
