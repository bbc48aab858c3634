"""Qt's own words in Welsh (app/resources/i18n/qt_cy.ts): Qt ships no Welsh catalogue, so
Quietroom carries one for the Qt contexts it shows. A wrong context or source silently
stays English, so each part is checked in a real widget: the text fields' and spin
boxes' and scroll bars' menus, the file chooser (as the app opens it), the standard
buttons. English comes back on switching back, and the built qt_cy.qm matches its .ts."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPoint, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QSpinBox,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

from tests.conftest import REPO, missing
from tests.ui.test_translations import tool
from ui import i18n
from ui.screens.base import PRIVATE_DIALOG
from ui.screens.review_decision import confirm
from ui.widgets.guarded_edit import GuardedPlainTextEdit

TS = REPO / "app" / "resources" / "i18n" / "qt_cy.ts"
QM = REPO / "app" / "resources" / "i18n" / "qt_cy.qm"


def entries() -> list[tuple[str, str, str, str]]:
    """(context, English source, disambiguation, Welsh) for every message of qt_cy.ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            found.append(
                (
                    context.findtext("name") or "",
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    message.findtext("translation") or "",
                )
            )
    return found


ENTRIES = entries()
ENGLISH = {source for _, source, _, _ in ENTRIES}
WELSH = {welsh for _, _, _, welsh in ENTRIES}


def shown(text: str) -> str:
    """An action's text without the shortcut Qt appends after a tab ("&Copy\tCtrl+C")."""
    return text.split("\t", 1)[0]


def bare(text: str) -> str:
    """Without its mnemonic marks: an action's tool tip is its text without them."""
    return re.sub(r"&(.)", r"\1", text)


def not_welsh(texts: list[str], given: frozenset[str] = frozenset()) -> list[str]:
    """Texts that are neither the catalogue's Welsh nor given by the test; wordless ones
    ("", "*", "..") pass."""
    known = {bare(t) for t in WELSH | given}
    return [t for t in texts if re.search(r"[A-Za-z]", t) and bare(t) not in known]


def english(texts: list[str]) -> list[str]:
    """Texts that are one of the catalogue's English sources (mnemonics aside)."""
    sources = {bare(t) for t in ENGLISH}
    return [t for t in texts if bare(t) in sources]


@pytest.fixture
def welsh(qapp: Any) -> Iterator[None]:
    assert i18n.install("cy"), "build the Welsh catalogues first: make translations"
    try:
        yield
    finally:
        i18n.install("en")


def test_every_entry_is_welsh_once_installed(welsh: None) -> None:
    wrong = [
        (ctx, source, QCoreApplication.translate(ctx, source, comment or None))
        for ctx, source, comment, cy in ENTRIES
        if QCoreApplication.translate(ctx, source, comment or None) != cy
    ]
    assert not wrong, wrong
    assert len(ENTRIES) > 100


def test_every_source_is_one_this_qt_asks_for(qapp: Any) -> None:
    """Qt's German catalogue, built for this very Qt, knows each context and source, so
    Qt really asks for them (an upgrade that rewords one, as 6.11 made "Look in:"
    "&Look in:", shows here). File kinds come from the system's MIME database instead."""
    german = QTranslator()
    if not german.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        missing("Qt's own qtbase_de.qm is not installed with PySide6")
    unknown = [
        (ctx, source)
        for ctx, source, comment, _ in ENTRIES
        if ctx != "QMimeType" and not german.translate(ctx, source, comment or None)
    ]
    assert not unknown, unknown


def test_placeholders_mnemonics_and_spaces_survive() -> None:
    mnemonics = lambda s: len(re.findall(r"(?<!&)&(?!&)", s))  # noqa: E731
    for ctx, source, _, cy in ENTRIES:
        assert cy.strip(), f"{ctx}: {source!r} has no Welsh"
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", cy)), (ctx, cy)
        assert mnemonics(source) == mnemonics(cy), f"{ctx}: mnemonic lost in {cy!r}"
        # "Show " is followed by a column's name: its trailing space must stay
        assert source.endswith(" ") == cy.endswith(" "), (ctx, cy)


def menu_texts(menu: QMenu) -> list[str]:
    return [shown(a.text()) for a in menu.actions() if not a.isSeparator()]


def popup_texts(widget: QWidget) -> list[str]:
    """The texts of the context menu a widget opens itself, whether it runs the menu with
    exec() or only shows it with popup()."""
    found: list[str] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            found.extend(menu_texts(menu))
            menu.close()

    widget.show()
    timer = QTimer(singleShot=True, interval=0)
    timer.timeout.connect(read_and_close)
    timer.start()  # a menu run by exec() (the spin box's) is read in its own event loop
    inside = QPoint(widget.width() // 2, widget.height() // 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, inside, widget.mapToGlobal(inside))
    QApplication.sendEvent(widget, event)
    timer.stop()
    read_and_close()  # one shown by popup() (the scroll bar's) is still open here
    assert found, f"{type(widget).__name__} opened no menu"
    return found


@pytest.mark.parametrize(
    "make", [QLineEdit, QPlainTextEdit, QTextEdit, GuardedPlainTextEdit], ids=lambda c: c.__name__
)
def test_text_context_menus_are_welsh(qtbot: Any, welsh: None, make: Callable[[], Any]) -> None:
    field = make()
    qtbot.addWidget(field)
    (field.setText if isinstance(field, QLineEdit) else field.setPlainText)("testun")
    field.selectAll()
    texts = menu_texts(field.createStandardContextMenu())
    assert len(texts) >= 7  # undo, redo, cut, copy, paste, delete, select all
    assert not not_welsh(texts), texts


def test_a_links_menu_is_welsh(qtbot: Any, welsh: None) -> None:
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.setHtml('<p><a href="https://example.org/">dolen</a></p>')
    cursor = QTextCursor(view.document())
    cursor.setPosition(2)
    at_link = view.cursorRect(cursor).center()
    texts = menu_texts(view.createStandardContextMenu(at_link))
    assert QCoreApplication.translate("QWidgetTextControl", "Copy &Link Location") in texts
    assert not not_welsh(texts), texts


def test_spin_box_and_scroll_bar_menus_are_welsh(qtbot: Any, welsh: None) -> None:
    spin = QSpinBox()
    vertical = QScrollBar(Qt.Orientation.Vertical)
    horizontal = QScrollBar(Qt.Orientation.Horizontal)
    for widget in (spin, vertical, horizontal):
        qtbot.addWidget(widget)
    vertical.resize(20, 200)
    horizontal.resize(200, 20)
    for widget in (spin, vertical, horizontal):
        texts = popup_texts(widget)
        assert not not_welsh(texts), (type(widget).__name__, texts)
    assert "Cam i &fyny" in popup_texts(spin)


def test_tab_bar_scroll_buttons_are_named_in_welsh(qtbot: Any, welsh: None) -> None:
    bar = QTabBar()
    qtbot.addWidget(bar)
    bar.setUsesScrollButtons(True)
    for n in range(12):
        bar.addTab(f"Tab {n}")
    bar.resize(120, 40)
    bar.show()
    names = [b.accessibleName() for b in bar.findChildren(QToolButton)]
    assert len(names) == 2 and not not_welsh(names), names


# all eighteen, OK to Restore Defaults (iterating the flag gives each single button once)
STANDARD_BUTTONS = list(QDialogButtonBox.StandardButton)


def test_standard_buttons_are_welsh(qtbot: Any, welsh: None) -> None:
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    for button in STANDARD_BUTTONS:
        box.addButton(button)
    texts = [b.text() for b in box.buttons()]
    assert len(texts) == len(STANDARD_BUTTONS) == 18 and not not_welsh(texts), texts


def test_the_apps_confirmation_cancel_is_welsh(qtbot: Any, welsh: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def read_and_refuse() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.buttons())
        box.reject()

    QTimer.singleShot(0, read_and_refuse)
    assert not confirm(parent, "Teitl", "Testun", "&Cymeradwyo")
    # bare: GNOME's theme gives Cancel a mnemonic ("Ca&nslo"), others do not
    assert sorted(bare(t) for t in seen) == ["Canslo", "Cymeradwyo"]


def dialog_texts(dialog: QFileDialog) -> list[str]:
    """Every word the dialog itself shows or names: labels, buttons, tool tips, accessible
    names, actions, column headers, the sidebar and the kinds of what is listed. File
    names, sizes and dates are the folder's and the system locale's, not Qt's words."""
    texts: list[str] = [dialog.windowTitle()]
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        texts += [widget.whatsThis(), widget.statusTip()]
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, root = widget.model(), widget.rootIndex()
            columns = model.columnCount(root)
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(columns)]
            if widget.objectName() == "sidebar":
                texts += [model.index(r, 0).data() for r in range(model.rowCount())]
            elif widget.objectName() == "treeView":  # the "Type" column: a folder's, a file's
                texts += [model.index(r, 2, root).data() for r in range(model.rowCount(root))]
    for action in dialog.findChildren(QAction):
        texts += [shown(action.text()), action.toolTip()]
    return [t for t in texts if t]


@pytest.mark.parametrize("mode", ["open", "save"])
def test_the_file_chooser_is_welsh(qtbot: Any, welsh: None, tmp_path: Path, mode: str) -> None:
    (tmp_path / "a.qrb").write_bytes(b"age-encryption.org/v1\n" + bytes(range(256)))
    (tmp_path / "folder").mkdir()
    title, kinds = "Agor bwndel", "Bwndel Quietroom (*.qrb)"
    # as the app opens it (QFileDialog.getOpenFileName / getSaveFileName with PRIVATE_DIALOG)
    dialog = QFileDialog(None, title, str(tmp_path), kinds + ";;*")
    dialog.setOptions(PRIVATE_DIALOG)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    qtbot.addWidget(dialog)
    dialog.resize(900, 550)
    dialog.show()
    view = dialog.findChild(QAbstractItemView, "treeView")
    assert view is not None
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2, timeout=10_000)

    texts = dialog_texts(dialog)
    assert not english(texts), english(texts)
    model = view.model()
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert columns == ["Enw", "Maint", "Math", "Dyddiad newid"]
    # the header's menu offers "Show " and each column's name (Qt joins the two)
    show = frozenset(QCoreApplication.translate("QFileDialog", "Show ") + c for c in columns)
    given = frozenset({title, kinds, Path.home().name}) | show
    assert not not_welsh(texts, given), not_welsh(texts, given)
    for expected in ("Edrych yn:", "Enw'r ffeil:", "Math o ffeiliau:", "Canslo", "Yn ôl"):
        assert expected in {bare(t) for t in texts}
    assert {"Ffolder", "anhysbys"} <= set(texts)  # the kinds: a folder, a bundle
    assert ("&Cadw" if mode == "save" else "&Agor") in texts


def test_the_overwrite_question_is_welsh(qtbot: Any, welsh: None, tmp_path: Path) -> None:
    (tmp_path / "a.qrb").write_bytes(b"bundle")
    dialog = QFileDialog(None, "Cadw'r bwndel", str(tmp_path), "Bwndel Quietroom (*.qrb)")
    dialog.setOptions(PRIVATE_DIALOG)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    name.setText("a.qrb")
    asked: list[str] = []

    def read_and_refuse() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            asked.extend(b.text() for b in box.buttons())
            box.reject()

    QTimer.singleShot(0, read_and_refuse)
    dialog.accept()  # the file exists: Qt asks first
    question = QCoreApplication.translate(
        "QFileDialog", "%1 already exists.\nDo you want to replace it?"
    )
    assert asked[:1] == [question.replace("%1", "a.qrb")], asked
    assert question.startswith("Mae %1 yn bodoli") and sorted(asked[1:]) == ["&Ie", "&Na"]


def test_switching_back_to_english_restores_qts_english(qtbot: Any, qapp: Any) -> None:
    assert i18n.install("cy")
    i18n.install("en")
    wrong = [
        (ctx, source)
        for ctx, source, comment, _ in ENTRIES
        if QCoreApplication.translate(ctx, source, comment or None) != source
    ]
    assert not wrong, wrong
    field = QLineEdit()
    qtbot.addWidget(field)
    texts = menu_texts(field.createStandardContextMenu())
    assert {"&Undo", "Cu&t", "&Copy", "&Paste", "Select All"} <= set(texts)


def test_the_built_catalogue_is_up_to_date(tmp_path: Path) -> None:
    if not QM.exists():
        pytest.fail("app/resources/i18n/qt_cy.qm is missing: 'make translations' builds it")
    fresh = tmp_path / "qt_cy.qm"
    # exactly as the Makefile builds it: unfinished entries kept (no -nounfinished)
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == QM.read_bytes(), "qt_cy.qm is stale: run 'make translations'"
