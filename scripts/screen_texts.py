"""What a window says, for comparing one screen in English and in Welsh (issue #19 §1, §3).

`screen_texts(window)` lists every piece of text the person at the screen can meet: what
each visible widget shows (labels, buttons, edits, placeholders, group and tab titles,
drop-down items, every cell and header of an item view), its tooltip, and the accessible
name and description a screen reader speaks. `mnemonic_clashes(window)` lists the
underlined letters that two visible controls use at once (Qt then presses neither; it
only moves the focus between them). Used by the screenshots script and
tests/ui/test_layout_fits.py; nothing here changes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTabBar,
    QWidget,
)

_GETTERS = (
    "text",
    "placeholderText",
    "title",
    "toolTip",
    "accessibleName",
    "accessibleDescription",
)
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    # hasIndex, public in every model, stands in for rowCount/columnCount/hasChildren,
    # which some of Qt's own models (a list or table widget's) make private.
    parent = parent if parent is not None else QModelIndex()
    texts: list[str] = []
    row = 0
    while model.hasIndex(row, 0, parent):
        column = 0
        while model.hasIndex(row, column, parent):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    texts.append(value)
            if model.hasIndex(0, 0, index):
                texts += _model_texts(model, index)
            column += 1
        row += 1
    return texts


def _header_texts(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None:
        return []
    texts = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        value = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str) and value:
            texts.append(value)
    return texts


def _own_texts(widget: QWidget) -> list[str]:
    texts = []
    for getter in _GETTERS:
        value = getattr(widget, getter, None)
        if not callable(value):
            continue
        try:
            result = value()
        except TypeError:  # a getter of the same name that needs arguments
            continue
        if isinstance(result, str) and result:
            texts.append(result)
    return texts


def screen_texts(window: QWidget) -> list[str]:
    """Every text on the visible part of `window`, in the order the widgets were made.
    An editor's own content (what was typed) is left out: it is the case, not the app."""
    texts: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += _own_texts(widget)
        if isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                texts += [t for t in (widget.tabText(tab), widget.tabToolTip(tab)) if t]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count()) if widget.itemText(i)]
        elif isinstance(widget, QHeaderView):
            texts += _header_texts(widget)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
    return texts


def _mnemonic(text: str) -> str | None:
    text = text.replace("&&", "")
    at = text.find("&")
    return text[at + 1].lower() if 0 <= at < len(text) - 1 else None


def mnemonic_clashes(window: QWidget) -> list[str]:
    """ "Alt+X: [texts]" for each underlined letter that two visible controls share."""
    seen: dict[str, list[str]] = {}
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        texts: list[str] = []
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            texts = [widget.text()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(t) for t in range(widget.count()) if widget.isTabEnabled(t)]
        for text in texts:
            key = _mnemonic(text)
            if key is not None:
                seen.setdefault(key, []).append(text)
    return [f"Alt+{key.upper()}: {texts}" for key, texts in sorted(seen.items()) if len(texts) > 1]
