"""visible_texts, which the "nothing of the case on screen" checks rely on, reads every
visible item view through its model: list rows, tree rows and their children, table
cells, and the titles of a header that is shown; nothing of a hidden view."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tests.ui.conftest import visible_texts


def test_every_item_view_is_read_through_its_model(qtbot: Any) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    tree = QTreeWidget(root)
    tree.setHeaderLabels(["Tree title", "Second title"])
    parent = QTreeWidgetItem(["top row", "top second column"])
    parent.addChild(QTreeWidgetItem(["child row", "child second column"]))
    tree.addTopLevelItem(parent)  # collapsed: the child is read all the same
    table = QTableWidget(2, 2, root)
    table.setHorizontalHeaderLabels(["Table title", "Other title"])
    table.setItem(1, 1, QTableWidgetItem("table cell"))
    listing = QListWidget(root)
    listing.addItem("list row")
    hidden = QListWidget(root)
    hidden.addItem("hidden row")
    hidden.hide()
    layout = QVBoxLayout(root)
    for view in (tree, table, listing, hidden):
        layout.addWidget(view)
    root.show()
    qtbot.waitUntil(root.isVisible)
    texts = visible_texts(root)
    for text in (
        "Tree title",
        "Second title",
        "top row",
        "top second column",
        "child row",
        "child second column",
        "Table title",
        "Other title",
        "table cell",
        "list row",
    ):
        assert text in texts, text
    assert "hidden row" not in texts
    tree.setHeaderHidden(True)
    table.horizontalHeader().hide()
    texts = visible_texts(root)
    assert "top row" in texts and "table cell" in texts
    assert not {"Tree title", "Second title", "Table title", "Other title"} & set(texts)
