"""Signing off the Welsh (scripts/welsh_signoff.py, docs/translation.md): the review sheet
lists what is not yet signed off, by priority; accepting the reviewer's sheet marks
exactly the approved catalogue entries finished, applies corrections and records who
signed what and when; bad input changes nothing. The script runs as a child process on
copies of the translation files; the last tests hold the real files to their ledger."""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))

import welsh_items
import welsh_sources

SCRIPT = REPO / "scripts" / "welsh_signoff.py"
I18N = Path("app/resources/i18n")
TS = I18N / "quietroom_cy.ts"
QT_TS = I18N / "qt_cy.ts"
LEDGER = I18N / "cy_signoff.json"
GUIDES = Path("app/resources/guides")
WORDING = Path("app/render/wording.py")
COLUMNS = ["priority", "where", "english", "welsh", "approved", "corrected_welsh", "note"]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    """A copy of the catalogues and the guides (English and Welsh), laid out as in the
    repository, and the sheet the script writes for it (made once: it takes a second)."""
    tree = tmp_path_factory.mktemp("pristine") / "repo"
    (tree / I18N).mkdir(parents=True)
    (tree / GUIDES / "cy").mkdir(parents=True)
    for catalogue in (TS, QT_TS):
        if (REPO / catalogue).exists():
            (tree / catalogue).write_bytes((REPO / catalogue).read_bytes())
    for guide in (REPO / GUIDES).glob("*.toml"):
        (tree / GUIDES / guide.name).write_bytes(guide.read_bytes())
    for guide in (REPO / GUIDES / "cy").glob("*.toml"):
        (tree / GUIDES / "cy" / guide.name).write_bytes(guide.read_bytes())
    (tree / WORDING).parent.mkdir(parents=True)
    (tree / WORDING).write_bytes((REPO / WORDING).read_bytes())
    return tree, make_sheet(tree)


@pytest.fixture
def root(tmp_path: Path, pristine: tuple[Path, list[dict[str, str]]]) -> Path:
    """A fresh copy of the files for one test."""
    return Path(shutil.copytree(pristine[0], tmp_path / "repo"))


@pytest.fixture
def rows(pristine: tuple[Path, list[dict[str, str]]]) -> list[dict[str, str]]:
    """The sheet for `root`, as the reviewer receives it."""
    return copy.deepcopy(pristine[1])


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def make_sheet(root: Path, name: str = "sheet.csv") -> list[dict[str, str]]:
    out = root.parent / name
    result = run(root, "sheet", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    with out.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def write_sheet(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, COLUMNS, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def unfinished(path: Path) -> set[tuple[str, str]]:
    found = set()
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                comment = message.findtext("comment")
                where = f"ui:{context.findtext('name')}" + (f"#{comment}" if comment else "")
                found.add((where, message.findtext("source") or ""))
    return found


def sha(english: str, welsh: str) -> str:
    return hashlib.sha256(f"{english}\n{welsh}".encode()).hexdigest()


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def row(rows: list[dict[str, str]], where: str, english: str | None = None) -> dict[str, str]:
    found = [r for r in rows if r["where"] == where and english in (None, r["english"])]
    assert found, where
    return found[0]


def plain(rows: list[dict[str, str]], prefix: str, suffix: str = "") -> list[dict[str, str]]:
    """Rows at a place whose Welsh is one line with nothing to escape, and found once in
    the sheet, so a test can find it in a file (the wordings change; the places do not)."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["welsh"]] = counts.get(r["welsh"], 0) + 1
    found = [
        r
        for r in rows
        if r["where"].startswith(prefix)
        and r["where"].endswith(suffix)
        and counts[r["welsh"]] == 1
        and not set("\n&'\"<>\\%{") & set(r["welsh"] + r["english"])
    ]
    assert len(found) >= 2, prefix
    return found


def guide_value(path: Path, where: str) -> str:
    """The text at `where` (guide:<file>:<path>) in the guide file at `path`."""
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    places = {
        f"guide:{path.name}:{at}": keys for keys, at, _ in welsh_sources.guide_texts(document)
    }
    return str(welsh_sources.value_at(document, places[where]))


# --- the sheet -----------------------------------------------------------------------


def test_sheet_lists_every_unfinished_entry_by_priority(
    root: Path, rows: list[dict[str, str]]
) -> None:
    listed = {(r["where"], r["english"]) for r in rows if r["where"].startswith("ui:")}
    expected = unfinished(root / TS)
    if (root / QT_TS).exists():  # Qt's own words, when that catalogue is there
        expected |= unfinished(root / QT_TS)
    assert listed == expected
    assert len([r for r in rows if r["where"].startswith("ui:")]) == len(expected)

    priorities = [int(r["priority"]) for r in rows]
    assert priorities == sorted(priorities) and set(priorities) == {1, 2, 3, 4}
    assert all(r["approved"] == r["corrected_welsh"] == "" for r in rows)
    by_context: dict[str, set[str]] = {}
    for r in rows:
        by_context.setdefault(r["where"], set()).add(r["priority"])
    for context in (
        "PauseScreen",
        "ReadBackScreen",
        "SecondScreenWindow",
        "CorrectionPanel",
        "PageConfirm",
        "SignatureScreen",
        "SignaturePad",
    ):
        assert by_context[f"ui:{context}"] == {"1"}, context
    assert by_context["ui:CaseListScreen"] <= {"2", "4"}
    for r in rows:
        if r["where"].startswith(("ui:", "guide:")) and "1" not in by_context[r["where"]]:
            legal = ("special measures", "appropriate adult", "victim personal statement")
            if any(term in r["english"].lower() for term in legal):
                assert r["priority"] == "2", r

    # The guides: every text of each Welsh guide, beside the English at the same place.
    for name in ("csa.toml", "apsp.toml", "general.toml"):
        welsh = tomllib.loads((root / GUIDES / "cy" / name).read_text(encoding="utf-8"))
        mine = [r for r in rows if r["where"].startswith(f"guide:{name}:")]
        assert len(mine) == len(list(welsh_sources.guide_texts(welsh)))
        for r in mine:
            assert r["english"] == guide_value(root / GUIDES / name, r["where"])
            assert r["welsh"] == guide_value(root / GUIDES / "cy" / name, r["where"])
            if r["where"].endswith(".say"):
                assert r["priority"] == "1", r
            elif r["where"].endswith(".title") and ":phases." in r["where"]:
                assert r["priority"] == "3", r
            if "explain what happens with the statement" in r["english"].lower():
                assert r["priority"] == "2", r
    assert row(rows, "guide:csa.toml:phases.closure.title")["priority"] == "3"
    assert {r["priority"] for r in rows if r["where"].endswith(".do")} == {"2", "4"}
    # The words printed on a Welsh statement: the witness reads them on every page.
    heading = row(rows, "statement:heading")
    assert (heading["priority"], heading["english"]) == ("1", "WITNESS STATEMENT")
    assert len([r for r in rows if r["where"].startswith("statement:")]) > 50
    # Within a priority, by place; prompts[10] after prompts[9].
    prompts = [
        r["where"]
        for r in rows
        if r["priority"] == "1" and "csa.toml:phases.questioning" in r["where"]
    ]
    numbers = [int(w.split("prompts[")[1].split("]")[0]) for w in prompts]
    assert numbers == sorted(numbers) and len(numbers) > 10


def test_sheet_never_overwrites_the_reviewers_answers(
    root: Path, rows: list[dict[str, str]]
) -> None:
    rows[0]["approved"] = "yes"
    marked = write_sheet(root.parent / "sheet.csv", rows)
    before = marked.read_bytes()
    result = run(root, "sheet", str(marked))
    assert result.returncode == 1 and "reviewer's answers" in result.stderr
    assert marked.read_bytes() == before
    (root.parent / "notes.txt").write_text("not a sheet", encoding="utf-8")
    result = run(root, "sheet", str(root.parent / "notes.txt"))
    assert result.returncode == 1 and "not a review sheet" in result.stderr


# --- accepting -----------------------------------------------------------------------


def test_accept_marks_exactly_the_approved_rows_finished(
    root: Path, rows: list[dict[str, str]]
) -> None:
    before = snapshot(root)
    approved = [r for r in rows if r["where"] == "ui:PauseScreen"]
    approved[0]["approved"] = "Yes"
    for r in approved[1:]:
        r["approved"] = "IE"
    guide = next(
        r for r in rows if r["where"].startswith("guide:csa.toml:") and ".say" in r["where"]
    )
    guide["approved"] = "yes"
    printed = row(rows, "statement:title")
    printed["approved"] = "yes"
    row(rows, "ui:CaseListScreen")["approved"] = "no"
    sheet = write_sheet(root.parent / "marked.csv", rows)

    result = run(root, "accept", str(sheet), "--reviewer", "Ffion Jones, ABE interviewer")
    assert result.returncode == 0, result.stderr
    assert f"Accepted {len(approved) + 2} wordings (0 corrected)" in result.stdout

    # The .ts: only the approved entries' <translation> lines changed, and only by losing
    # type="unfinished"; every other byte is as it was.
    old = before[str(TS)].decode().split("\n")
    new = (root / TS).read_text(encoding="utf-8").split("\n")
    assert len(old) == len(new)
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert len(changed) == len(approved)
    assert all(b == a.replace(' type="unfinished"', "") for a, b in changed)
    assert new[:2] == ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>"]
    still = unfinished(root / TS)
    assert not any(where == "ui:PauseScreen" for where, _ in still)
    assert len(still) == len(unfinished_in(before[str(TS)])) - len(approved)
    # Everything else is unchanged (no correction): the guide's sign-off is in the ledger.
    for name, data in before.items():
        if name != str(TS):
            assert (root / name).read_bytes() == data, name

    ledger = json.loads((root / LEDGER).read_text(encoding="utf-8"))
    items = ledger["reviews"][0]["items"]
    assert len(items) == len(approved) + 2
    assert items[guide["where"]] == sha(guide["english"], guide["welsh"])
    assert items["statement:title"] == sha(printed["english"], printed["welsh"])
    first = approved[0]
    assert items[f"ui:PauseScreen|{first['english']}"] == sha(first["english"], first["welsh"])

    # The next sheet leaves them out.
    again = make_sheet(root, "again.csv")
    assert not any(
        r["where"] in ("ui:PauseScreen", guide["where"], "statement:title") for r in again
    )
    assert len(again) == len(rows) - len(approved) - 2


def unfinished_in(data: bytes) -> list[str]:
    return [line for line in data.decode().split("\n") if 'type="unfinished"' in line]


def test_a_corrected_wording_is_applied_and_recorded(
    root: Path, rows: list[dict[str, str]]
) -> None:
    ui = plain(rows, "ui:PauseScreen")[0]
    ui.update(approved="yes", corrected_welsh="Ailddechrau'r sesiwn & <nawr>")
    say = plain(rows, "guide:csa.toml:", ".say")[0]
    say.update(approved="yes", corrected_welsh='Dywedwch "hyn", os gwelwch yn dda.')
    row(rows, "statement:heading").update(approved="yes", corrected_welsh="DATGANIAD")
    sheet = write_sheet(root.parent / "marked.csv", rows)
    guide = root / GUIDES / "cy" / "csa.toml"
    guide_before = guide.read_text(encoding="utf-8")

    result = run(
        root, "accept", str(sheet), "--reviewer", "Ffion Jones, ABE", "--date", "2026-12-01"
    )
    assert result.returncode == 0, result.stderr
    assert "Accepted 2 wordings (2 corrected)" in result.stdout
    assert "statement:heading 'WITNESS STATEMENT': the statement's words are code" in result.stdout
    assert (root / WORDING).read_bytes() == (REPO / WORDING).read_bytes()

    text = (root / TS).read_text(encoding="utf-8")
    assert "<translation>Ailddechrau&apos;r sesiwn &amp; &lt;nawr&gt;</translation>" in text
    assert ("ui:PauseScreen", ui["english"]) not in unfinished(root / TS)

    guide_after = guide.read_text(encoding="utf-8")
    changed = [
        (a, b)
        for a, b in zip(guide_before.split("\n"), guide_after.split("\n"), strict=True)
        if a != b
    ]
    assert len(changed) == 1
    assert changed[0][1] == changed[0][0].replace(
        f'"{say["welsh"]}"', '"Dywedwch \\"hyn\\", os gwelwch yn dda."'
    )
    assert guide_value(guide, say["where"]) == say["corrected_welsh"]
    welsh_sources.check_guide(root, "csa")  # the app still loads it

    items = json.loads((root / LEDGER).read_text(encoding="utf-8"))["reviews"][0]["items"]
    assert items[say["where"]] == sha(say["english"], say["corrected_welsh"])
    key = f"ui:PauseScreen|{ui['english']}"
    assert items[key] == sha(ui["english"], ui["corrected_welsh"])


def test_a_wording_changed_since_the_sheet_is_skipped(
    root: Path, rows: list[dict[str, str]]
) -> None:
    stale, fresh = plain(rows, "ui:PauseScreen")[:2]
    prompt = plain(rows, "guide:csa.toml:", ".say")[0]
    for r in (stale, fresh, prompt):
        r["approved"] = "yes"
    sheet = write_sheet(root.parent / "marked.csv", rows)
    # Someone changes two wordings after the sheet went to the reviewer.
    ts = (root / TS).read_text(encoding="utf-8")
    old = f">{stale['welsh']}</translation>"
    assert ts.count(old) == 1
    (root / TS).write_text(ts.replace(old, ">Rhywbeth arall</translation>"), encoding="utf-8")
    guide = root / GUIDES / "cy" / "csa.toml"
    text = guide.read_text(encoding="utf-8")
    assert text.count(f'"{prompt["welsh"]}"') == 1
    guide.write_text(text.replace(f'"{prompt["welsh"]}"', '"Beth arall?"'), encoding="utf-8")

    result = run(root, "accept", str(sheet), "--reviewer", "Ffion Jones, ABE")
    assert result.returncode == 0, result.stderr
    assert "Accepted 1 wording " in result.stdout
    lines = [line for line in result.stdout.splitlines() if "changed since the sheet" in line]
    assert len(lines) == 2
    assert any(f"ui:PauseScreen {stale['english']!r}" in line for line in lines)
    assert any(prompt["where"] in line for line in lines)
    assert ("ui:PauseScreen", stale["english"]) in unfinished(root / TS)
    assert ("ui:PauseScreen", fresh["english"]) not in unfinished(root / TS)
    items = json.loads((root / LEDGER).read_text(encoding="utf-8"))["reviews"][0]["items"]
    assert list(items) == [f"ui:PauseScreen|{fresh['english']}"]


def test_a_guide_wording_that_cannot_be_edited_in_place_is_left_for_a_person(root: Path) -> None:
    guide = root / GUIDES / "cy" / "general.toml"
    text = guide.read_text(encoding="utf-8")
    title = guide_value(guide, "guide:general.toml:phases.closure.title")
    line = f'title = "{title}"'
    assert text.count(line) == 1
    # The same value as a multi-line string: valid TOML, but not one line to replace.
    guide.write_text(text.replace(line, f'title = """\n{title}"""'), encoding="utf-8")
    rows = make_sheet(root)
    closure = row(rows, "guide:general.toml:phases.closure.title")
    closure.update(approved="yes", corrected_welsh="Cloi")
    sheet = write_sheet(root.parent / "marked.csv", rows)
    before = snapshot(root)
    result = run(root, "accept", str(sheet), "--reviewer", "Ffion Jones, ABE")
    assert result.returncode == 0, result.stderr
    assert "must be edited by hand" in result.stdout and closure["where"] in result.stdout
    assert snapshot(root) == before  # nothing else was approved: nothing written


def test_the_ledger_records_the_reviewer_and_the_date(
    root: Path, rows: list[dict[str, str]]
) -> None:
    row(rows, "ui:SignaturePad")["approved"] = "yes"
    # Saved by a spreadsheet set to semicolons, without the byte-order mark: still read.
    sheet = root.parent / "first.csv"
    write_sheet(sheet, rows, delimiter=";")
    sheet.write_bytes(sheet.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    first = run(
        root, "accept", str(sheet), "--reviewer", " Ffion Jones, ABE ", "--date", "2026-11-30"
    )
    assert first.returncode == 0, first.stderr
    rows = make_sheet(root, "second.csv")
    signed = row(rows, "ui:PageConfirm")
    signed["approved"] = "yes"
    second = write_sheet(root.parent / "second.csv", rows)
    result = run(
        root, "accept", str(second), "--reviewer", "Rhys Evans, ABE", "--date", "2026-12-02"
    )
    assert result.returncode == 0, result.stderr
    reviews = json.loads((root / LEDGER).read_text(encoding="utf-8"))["reviews"]
    assert [(r["reviewer"], r["date"]) for r in reviews] == [
        ("Ffion Jones, ABE", "2026-11-30"),
        ("Rhys Evans, ABE", "2026-12-02"),
    ]
    assert all(key.startswith("ui:SignaturePad|") for key in reviews[0]["items"])
    assert all(key.startswith("ui:PageConfirm|") for key in reviews[1]["items"])
    everything = root.parent / "all.csv"
    assert run(root, "sheet", str(everything), "--all").returncode == 0
    with everything.open(encoding="utf-8-sig", newline="") as stream:
        notes = {(r["where"], r["english"]): r["note"] for r in csv.DictReader(stream)}
    note = notes[("ui:PageConfirm", signed["english"])]
    assert note.startswith("signed off by Rhys Evans, ABE on 2026-12-02")


BAD = {
    "missing sheet": lambda d: ["accept", str(d / "nowhere.csv"), "--reviewer", "A, B"],
    "not a sheet": lambda d: ["accept", str(d / "other.csv"), "--reviewer", "A, B"],
    "not UTF-8": lambda d: ["accept", str(d / "latin1.csv"), "--reviewer", "A, B"],
    "bad date": lambda d: [
        "accept",
        str(d / "marked.csv"),
        "--reviewer",
        "A, B",
        "--date",
        "2026-02-30",
    ],
    "date as words": lambda d: [
        "accept",
        str(d / "marked.csv"),
        "--reviewer",
        "A, B",
        "--date",
        "yesterday",
    ],
    "no reviewer": lambda d: ["accept", str(d / "marked.csv")],
    "empty reviewer": lambda d: ["accept", str(d / "marked.csv"), "--reviewer", "  "],
    "unknown command": lambda d: ["approve", str(d / "marked.csv")],
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_one_line_and_changes_nothing(
    root: Path, rows: list[dict[str, str]], case: str
) -> None:
    for r in rows[:5]:
        r["approved"] = "yes"
    write_sheet(root.parent / "marked.csv", rows)
    (root.parent / "other.csv").write_text("name,age\nAnn,3\n", encoding="utf-8")
    (root.parent / "latin1.csv").write_bytes("where,english\nCaf\xe9,x\n".encode("latin-1"))
    before = snapshot(root)
    result = run(root, *BAD[case](root.parent))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before


def test_a_damaged_ledger_or_a_wrong_root_is_one_line(root: Path) -> None:
    (root / LEDGER).write_text("{not json", encoding="utf-8")
    result = run(root, "sheet", str(root.parent / "s.csv"))
    assert result.returncode == 1 and "cy_signoff.json is damaged" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    result = run(root.parent / "elsewhere", "sheet", str(root.parent / "s.csv"))
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert not (root.parent / "s.csv").exists()


# --- the real files ------------------------------------------------------------------


def test_the_real_sign_offs_still_match_the_wording() -> None:
    """Each signed-off wording is still what was signed off: a wording changed after its
    sign-off must be reviewed again (make welsh-sheet lists it). A catalogue entry marked
    finished must have been signed off, and a Welsh guide may drop its "not yet reviewed"
    header only when every wording in it is signed off."""
    items, _ = welsh_sources.all_items(REPO)
    latest = welsh_items.latest_records(welsh_items.read_ledger(REPO))
    wrong = []
    for item in items:
        record = latest.get(item.key)
        if item.in_catalogue and not item.finished:
            continue  # not signed off (or waiting to be signed off again)
        if record is None:
            if item.in_catalogue:
                wrong.append(f"{item.where} {item.english!r} is finished but never signed off")
        elif record.digest != welsh_items.digest(item.english, item.welsh):
            wrong.append(
                f"{item.where} {item.english[:50]!r} changed after {record.reviewer} signed it"
                f" off on {record.date}: review it again"
            )
    for category in {item.category for item in items if item.category}:
        mine = [item for item in items if item.category == category]
        if not welsh_sources.has_banner(REPO, category):
            left = [i.where for i in mine if not welsh_items.signed_off(i, latest)]
            if left:
                wrong.append(
                    f"{mine[0].file} has no 'not yet reviewed' header, but {left[0]} is not"
                    " signed off"
                )
    assert not wrong, "\n".join(wrong)


def test_make_welsh_sheet_writes_the_build_sheet() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert (
        "welsh-sheet: $(STAMP)\n\t$(PY) scripts/welsh_signoff.py sheet build/welsh-review.csv"
        in makefile
    )
