"""The verification report in the interface language (ui/report_messages.py).

- Every `report.` code the core (app/) words a check's detail with has an entry whose
  English is the core's exact template, and every check name app/ reports under is in
  the names table (both read from app/'s source, like tests/ui/test_core_messages.py).
- In English the report reads exactly as the command line prints it
  (app/desktop/bundles.py's report_text), for real reports and for every code.
- With a translation installed, every name, mark and detail comes from the translator:
  the test builds its own catalogue (every source string, marked) with pyside6-lrelease,
  so it holds whatever Welsh the app's catalogue has. A detail with a part the tables do
  not know, or kept by the core as a plain string, is English whole.
- The screens that show a report (opening a bundle, the supervisor's checks) use it.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.desktop.bundles import report_text as cli_text
from app.errors import Phrase, VerificationError
from app.export.checks import check_manifest
from app.export.report import Report, joined
from app.export.verify import verify_in_vault
from tests.conftest import REPO
from tests.error_catalogue import placeholders, templates
from tests.interop.bundle_forge import World, make_world, reseal
from tests.ui.conftest import FakeNavigator
from ui import report_messages
from ui.report_messages import CHECK_NAMES, REPORT_DETAILS, check_detail, report_text

APP = REPO / "app"
OPEN, CLOSE = "‹", "›"  # how the test's own catalogue marks a translated text


# --- the tables against the core's source ----------------------------------------------------


@pytest.fixture(scope="module")
def core() -> dict[str, str]:
    """report code -> the core's English template."""
    return {code: t for code, t in templates().items() if code.startswith("report.")}


def _constants(tree: ast.Module | ast.FunctionDef) -> dict[str, str]:
    return {
        node.targets[0].id: node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def check_names_used() -> tuple[set[str], list[str]]:
    """(every name app/ adds a check under or refuses one with, the calls whose name is
    not a literal or a constant of app/'s)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in APP.rglob("*.py")}
    own = {path: _constants(tree) for path, tree in trees.items()}
    names: set[str] = set()
    unknown: list[str] = []
    for path, tree in trees.items():
        visible = dict(own[path])
        for node in tree.body:  # constants imported from another app/ module
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app."):
                source = REPO.joinpath(*(node.module or "").split(".")).with_suffix(".py")
                for alias in node.names:
                    if alias.name in own.get(source, {}):
                        visible[alias.asname or alias.name] = own[source][alias.name]
        for call in ast.walk(tree):
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr in ("add", "refuse")
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id == "report"
            ):
                continue
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
            elif isinstance(first, ast.Name) and first.id in visible:
                names.add(visible[first.id])
            else:
                unknown.append(f"{path.relative_to(REPO)}:{call.lineno}")
    return names, unknown


def test_the_scan_sees_every_kind_of_check() -> None:
    names, unknown = check_names_used()
    assert unknown == [], "name each check with a literal or a module constant"
    # the control: names given as literals, module constants and imported constants
    assert {"decryption", "author's role", "exhibits", "receipt", "reviewer"} <= names


def test_every_check_name_is_in_the_table(qapp: Any) -> None:
    names, _ = check_names_used()
    assert sorted(names - CHECK_NAMES.keys()) == [], "add them to CHECK_NAMES"
    assert sorted(CHECK_NAMES.keys() - names) == [], "app/ no longer reports these"
    for name, entry in CHECK_NAMES.items():
        assert entry() == name  # the source string is the name itself


def test_every_code_has_the_cores_own_english(core: dict[str, str], qapp: Any) -> None:
    assert len(core) > 100  # the scan found the report's wording
    assert sorted(core.keys() - REPORT_DETAILS.keys()) == [], "add them to the tables"
    assert sorted(REPORT_DETAILS.keys() - core.keys()) == [], "the core no longer says these"
    for code, entry in REPORT_DETAILS.items():
        assert entry() == core[code], f"{code}: the core now says {core[code]!r}"


def test_the_two_tables_do_not_overlap() -> None:
    from ui.report_messages_bundle import BUNDLE_DETAILS
    from ui.report_messages_statement import STATEMENT_DETAILS

    assert not BUNDLE_DETAILS.keys() & STATEMENT_DETAILS.keys()


# --- reports: real ones, and one line for every code ------------------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = make_world(tmp_path_factory.mktemp("report-words"))
    yield made
    made.engine.vault.close()


@pytest.fixture(scope="module")
def good(world: World) -> Report:
    """Jo's own bundle, checked as the app checks it."""
    return verify_in_vault(world.engine, world.bundle)


@pytest.fixture(scope="module")
def forged(world: World, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """A bundle whose record.json names another case: most checks fail."""
    files = world.files()
    record = json.loads(files["record.json"])
    record["case"]["id"] = "0" * 32
    tar = reseal(files, world.jo, {"record.json": json.dumps(record).encode()})
    path = world.forged(tmp_path_factory.mktemp("forged") / "forged.qrb", tar)
    return verify_in_vault(world.engine, path)


def sample(code: str, template: str) -> Phrase:
    return Phrase(code, template, **{name: f"<{name}>" for name in placeholders(template)})


def every_code(core: dict[str, str]) -> Report:
    """One line per code, ok and failed by turns, and a refusal with the core's error."""
    report = Report()
    for n, (code, template) in enumerate(sorted(core.items())):
        report.add(sorted(CHECK_NAMES)[n % len(CHECK_NAMES)], n % 2 == 0, sample(code, template))
    report.refuse(
        "bundle",
        VerificationError(
            "bundle.far_too_large", "the file is far larger than any Quietroom bundle"
        ),
    )
    check_manifest(report, b'{"format": 7}')  # phrases inside phrases
    return report


def test_in_english_the_report_is_the_command_lines(
    good: Report, forged: Report, core: dict[str, str], qapp: Any
) -> None:
    assert good.ok and len(good.checks) >= 14
    assert not forged.ok and sum(not c.ok for c in forged.checks) >= 5
    for report in (good, forged, every_code(core)):
        assert report_text(report) == cli_text(report)


def test_every_detail_of_a_real_report_is_a_phrase(good: Report, forged: Report) -> None:
    """Nothing the app shows of these falls back to English."""
    for check in [*good.checks, *forged.checks]:
        assert check.phrase is not None or check.reason is not None, check


# --- with a translation installed -------------------------------------------------------------


def marked(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def catalogue(tmp_path: Path, sources: list[str]) -> Path:
    """A .qm in which every source of the VerifyReport context is itself, marked."""
    root = ET.Element("TS", version="2.1", language="cy_GB", sourcelanguage="en_GB")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "VerifyReport"
    for source in sources:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = marked(source)
    ts, qm = tmp_path / "marked.ts", tmp_path / "marked.qm"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    tool = REPO / ".venv" / "bin" / "pyside6-lrelease"
    lrelease = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    assert lrelease is not None, "pyside6-lrelease comes with PySide6, which make test installs"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def translated(tmp_path: Path, core: dict[str, str], qapp: Any) -> Iterator[None]:
    """Every VerifyReport source translated (marked) by a translator of the test's own."""
    sources = ["ok", "FAIL", *CHECK_NAMES, *core.values()]
    translator = QTranslator()
    assert translator.load(str(catalogue(tmp_path, sources)))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def unmark(text: str) -> str:
    return text.replace(OPEN, "").replace(CLOSE, "")


def test_every_part_comes_from_the_translator(
    good: Report, forged: Report, core: dict[str, str], translated: None
) -> None:
    passed, failed = report_messages.marks()
    assert (passed, failed) == (marked("ok") + "  ", marked("FAIL"))  # padded to one width
    for report in (good, forged, every_code(core)):
        lines = report_text(report).splitlines()
        assert len(lines) == len(report.checks)
        for line, check in zip(lines, report.checks, strict=True):
            mark = passed if check.ok else failed
            assert line.startswith(f"{mark}  {marked(check.name)}: "), line
            detail = line.split(": ", 1)[1]
            if check.phrase is not None:
                assert detail.startswith(OPEN) and detail.endswith(CLOSE), detail
                assert unmark(detail) == check.detail  # the same words, each translated
            elif check.reason is None:
                assert detail == check.detail  # the core kept English: English whole


def test_nested_phrases_are_translated_each(core: dict[str, str], translated: None) -> None:
    report = Report()
    check_manifest(report, b'{"format": 7}')
    assert check_detail(report.checks[0]) == marked(
        core["report.manifest_invalid"].format(problem=marked("its format is not quietroom-bundle"))
    )


def test_a_part_it_cannot_translate_leaves_the_detail_english(
    core: dict[str, str], translated: None
) -> None:
    nobody = Phrase("report.nobody_knows", "a phrase nobody knows")
    known = Phrase("report.missing", core["report.missing"], names="a.json")
    for detail in (
        Phrase("report.manifest_invalid", core["report.manifest_invalid"], problem=nobody),
        joined([known, nobody]),
        joined([known, "a library's own English"]),  # a plain string: the core's English
        Phrase("report.missing", "{missing} files", missing=3),  # does not fit the translation
    ):
        report = Report()
        report.add("contents", False, detail)
        assert check_detail(report.checks[0]) == str(detail)


def test_a_refusal_is_the_cores_message_translated(translated: None) -> None:
    error = VerificationError("bundle.nobody_knows", "a refusal nobody translates")
    report = Report()
    report.refuse("bundle", error)
    assert report_text(report) == f"{marked('FAIL')}  {marked('bundle')}: {error}"


def test_a_detail_is_one_line(qapp: Any) -> None:
    report = Report()
    missing = Phrase("report.exhibit_missing", "{path} is missing", path="a\nok")
    report.add("exhibits", False, missing)
    assert report_text(report) == "FAIL  exhibits: a ok is missing"
    assert report.checks[0].detail == "a\nok is missing"  # the command line's own is untouched


# --- the screens ------------------------------------------------------------------------------


def test_opening_a_bundle_shows_the_translated_report(
    qtbot: Any, backend: Any, nav: FakeNavigator, forged: Report, translated: None
) -> None:
    from ui.screens.bundles import OpenBundleScreen

    screen = OpenBundleScreen(backend, nav)
    qtbot.addWidget(screen)
    screen._show_report(forged)
    assert screen.report.toPlainText() == report_text(forged)
    first = next(c for c in forged.checks if not c.ok)
    assert check_detail(first) in screen.message.text()
    assert check_detail(first).startswith(OPEN)


def test_the_supervisors_checks_use_the_translated_details(
    forged: Report, translated: None
) -> None:
    from ui.screens.review_inbox import ChecksList, check_label

    checks = ChecksList()
    checks.show_report(forged)
    texts = [checks.item(i).text() for i in range(checks.count())]
    assert len(texts) == len(forged.checks)
    assert all(OPEN in text.split("\n", 1)[1] for text in texts)
    # a name with no plain-words label of the review's own is still translated
    assert check_label("statement binding") == marked("statement binding")
    checks.deleteLater()
