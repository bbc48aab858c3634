"""Sign off the Welsh translation: a review sheet for the reviewer, and their answers applied.

    python scripts/welsh_signoff.py sheet OUT.csv [--all] [--root DIR]
    python scripts/welsh_signoff.py accept SHEET.csv --reviewer "Name, role"
        [--date YYYY-MM-DD] [--root DIR]

The organisation's Welsh-speaking, ABE-trained reviewer signs the Welsh off (the whole
procedure, and why the priorities are in that order, is in docs/translation.md):

1. `sheet` writes every Welsh wording not yet signed off (every one with --all) as a CSV
   file (UTF-8 with a byte-order mark, so spreadsheet programs show the Welsh letters)
   with the columns priority, where, english, welsh, approved, corrected_welsh and note,
   in the order to review them: 1, what the person giving the statement hears or reads;
   2, legal terms; 3, the guides' phase titles; 4, everything else.
2. The reviewer writes "yes" (or "ie") in `approved` for each wording that is right, and
   may write a better wording in `corrected_welsh` (that wording is then the one
   approved).
3. `accept` applies the approved rows: a catalogue entry is marked finished (and given
   the corrected wording) in its .ts file, a guide's corrected wording is written into
   its .toml file when that can be done safely in place, and each accepted wording is
   recorded, with the reviewer and the date, in app/resources/i18n/cy_signoff.json. A row
   whose English or Welsh has changed since the sheet was written is skipped and named.
   Nothing is written until every row has been checked. (The words printed on a Welsh
   statement, `statement:` rows, are code: they are approved here and corrected by hand
   in app/render/wording.py.)

--root DIR works on the copy of the repository at DIR (default: this repository).
Exit codes: 0 done (skipped rows are reported, not errors); 1 bad input (nothing is
changed) or another error, in one line on stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from welsh_edits import (  # noqa: E402
    CannotEdit,
    finish_entries,
    replace_in_guide,
    write_atomically,
)
from welsh_items import (  # noqa: E402
    BANNER,
    CATALOGUES,
    LEDGER,
    WORDING,
    Item,
    Problem,
    Record,
    digest,
    latest_records,
    read_ledger,
    read_text,
    signed_off,
    valid_date,
)
from welsh_sources import (  # noqa: E402
    all_items,
    check_guide,
    has_banner,
    load_toml,
    read_catalogue,
)

from app.guides import GuideError  # noqa: E402

PROG = "welsh_signoff"
COLUMNS = ("priority", "where", "english", "welsh", "approved", "corrected_welsh", "note")
REQUIRED = ("where", "english", "welsh", "approved", "corrected_welsh")
APPROVED = {"yes", "ie"}
PLACEHOLDER = re.compile(r"%\d+|\{[A-Za-z_][A-Za-z0-9_]*\}")
MNEMONIC = re.compile(r"&(?=[^&\s])")


class Parser(argparse.ArgumentParser):
    """Usage errors are one line and exit code 1, as in the project's table."""

    def error(self, message: str) -> NoReturn:
        raise Problem(f"{message} (see '{self.prog} --help')")


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        root = Path(args.root).resolve()
        if not (root / CATALOGUES[0]).is_file():
            raise Problem(f"no {CATALOGUES[0]} under {root}: give the repository as --root")
        if args.command == "sheet":
            return sheet(root, Path(args.out), args.all)
        return accept(root, Path(args.sheet), args.reviewer, args.date)
    except Problem as exc:
        print(f"{PROG}: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except OSError as exc:  # writing a file failed (permission, disk full…)
        name = f" {exc.filename}" if exc.filename else ""
        print(f"{PROG}: cannot write{name} ({exc.strerror or exc})", file=sys.stderr)
        return 1


def parser() -> Parser:
    common = Parser(add_help=False)
    common.add_argument(
        "--root",
        metavar="DIR",
        default=str(REPO),
        help="the repository to work on (default: the one this script is in)",
    )
    top = Parser(
        prog=PROG,
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Step by step: docs/translation.md, 'Signing off the Welsh'.",
    )
    commands = top.add_subparsers(dest="command", required=True, parser_class=Parser)
    make = commands.add_parser(
        "sheet",
        parents=[common],
        help="write the review sheet (CSV) of what is not yet signed off",
        description="Write the review sheet: every Welsh wording not yet signed off (all with"
        " --all), by priority then place. An existing sheet with the reviewer's answers in it"
        " is never overwritten.",
    )
    make.add_argument("out", metavar="OUT.csv", help="the sheet to write")
    make.add_argument("--all", action="store_true", help="list signed-off wordings too")
    take = commands.add_parser(
        "accept",
        parents=[common],
        help="apply the reviewer's answers from a sheet",
        description="Apply every row marked approved = yes (or ie): mark it finished, apply"
        " corrected_welsh when given, record who signed it off and when. Rows changed since"
        " the sheet was written are skipped and named.",
    )
    take.add_argument("sheet", metavar="SHEET.csv", help="the sheet the reviewer filled in")
    take.add_argument(
        "--reviewer",
        required=True,
        metavar='"NAME, ROLE"',
        help='who signs off, e.g. "Ffion Jones, ABE interviewer"',
    )
    take.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        default=date.today().isoformat(),
        help="the day of the review (default: today)",
    )
    return top


def one_line(message: str) -> str:
    return "".join(char if char.isprintable() else " " for char in message)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def short(text: str, limit: int = 60) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- sheet ---------------------------------------------------------------------------


def natural(where: str) -> list[str | int]:
    """Sort key: numbers as numbers, so prompts[10] comes after prompts[9]."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", where)]


def sheet(root: Path, out: Path, everything: bool) -> int:
    items, left_out = all_items(root)
    latest = latest_records(read_ledger(root))
    rows = []
    for item in items:
        done = signed_off(item, latest)
        if done and not everything:
            continue
        note = item.note
        record = latest.get(item.key)
        if done and record is not None:
            note = f"signed off by {record.reviewer} on {record.date}; {note}"
        elif record and record.digest != digest(item.english, item.welsh):
            note = f"changed since {record.reviewer} signed it off on {record.date}; {note}"
        elif record:
            note = f"signed off but not marked finished in {item.file.name}; {note}"
        rows.append((item.priority, item.where, item.english, item.welsh, "", "", note))
    rows.sort(key=lambda row: (row[0], natural(row[1])))  # stable: file order within
    if out.exists():
        refuse_to_overwrite(out)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, buffer.getvalue().encode("utf-8-sig"))
    for line in left_out:
        print(f"{PROG}: {line}", file=sys.stderr)
    counts = Counter(row[0] for row in rows)
    shown = ", ".join(f"{counts[p]} of priority {p}" for p in (1, 2, 3, 4))
    what = "wordings" if everything else "wordings to review"
    print(f"Wrote {out}: {len(rows)} {what} ({shown}).")
    print_banners(root, items, latest)
    return 0


def refuse_to_overwrite(path: Path) -> None:
    """An existing file is replaced only if it is a sheet the reviewer has not filled in."""
    try:
        rows = read_sheet(path)
    except Problem:
        raise Problem(f"{path} exists and is not a review sheet: choose another name") from None
    kept = sum(1 for row in rows if row["approved"].strip() or row["corrected_welsh"].strip())
    if kept:
        raise Problem(
            f"{path} holds the reviewer's answers ({plural(kept, 'row')}) and is kept: write"
            " the new sheet to another file, or move that one away once it is accepted"
        )


def print_banners(root: Path, items: list[Item], latest: dict[str, Record]) -> None:
    """Say which guides are wholly signed off but still carry the first-translation header."""
    for category in sorted({item.category for item in items if item.category}):
        mine = [item for item in items if item.category == category]
        if all(signed_off(item, latest) for item in mine) and has_banner(root, category):
            print(
                f'Every wording of {mine[0].file} is signed off: remove its "{BANNER}"'
                " header by hand (docs/translation.md)."
            )


# --- reading a sheet -----------------------------------------------------------------


def read_sheet(path: Path) -> list[dict[str, str]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise Problem(f"{path}: no such file") from None
    except IsADirectoryError:
        raise Problem(f"{path} is a folder, not a sheet") from None
    except OSError as exc:
        raise Problem(f"cannot read {path} ({exc.strerror or type(exc).__name__})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Problem(
            f'{path} is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8"'
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)  # a spreadsheet may save with ; or tabs
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [name.strip().lower() for name in reader.fieldnames or []]
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise Problem(
                f"{path} is not a review sheet from '{PROG} sheet' (no {missing[0]!r} column)"
            )
        reader.fieldnames = header
        rows = []
        for row in reader:
            clean = {
                name: (value or "").replace("\r\n", "\n").replace("\r", "\n")
                for name, value in row.items()
                if isinstance(name, str)
            }
            if any(clean.get(name, "").strip() for name in COLUMNS):
                rows.append({name: clean.get(name, "") for name in COLUMNS})
    except csv.Error as exc:
        raise Problem(f"{path} is not a readable CSV file ({exc})") from None
    return rows


# --- accept --------------------------------------------------------------------------


@dataclass
class Plan:
    item: Item
    welsh: str  # the wording signed off: the file's, or the correction
    corrected: bool


Skip = tuple[str, str, str]  # where, English, why


def accept(root: Path, sheet_path: Path, reviewer: str, day: str) -> int:
    reviewer = reviewer.strip()
    if not reviewer or not reviewer.isprintable() or len(reviewer) > 200:
        raise Problem('--reviewer needs the name and role on one line, e.g. "Ffion Jones, ABE"')
    if not valid_date(day):
        raise Problem(f"--date must be a real date written YYYY-MM-DD, not {short(day, 20)!r}")
    if date.fromisoformat(day) > date.today():
        raise Problem(f"--date {day} is in the future")
    rows = read_sheet(sheet_path)
    ledger_before = read_text(root / LEDGER) if (root / LEDGER).exists() else None
    reviews = read_ledger(root)
    items, left_out = all_items(root)
    plans, skipped, left = check_rows(rows, items)
    plans, more, edits = prepare_guides(root, plans)
    skipped += more
    edits.update(prepare_catalogues(root, plans))
    if plans:
        review = {
            "reviewer": reviewer,
            "date": day,
            "items": {
                plan.item.key: digest(plan.item.english, plan.welsh)
                for plan in sorted(plans, key=lambda plan: plan.item.key)
            },
        }
        ledger = json.dumps({"reviews": [*reviews, review]}, indent=2, ensure_ascii=False)
        write_all(root, edits, ledger_before, ledger + "\n")
    report(plans, skipped, left, sorted(edits), reviewer, day)
    for line in left_out:  # a guide the app does not use: its rows were not found above
        print(line)
    if plans:
        print_banners(root, all_items(root)[0], latest_records(read_ledger(root)))
    return 0


def check_rows(rows: list[dict[str, str]], items: list[Item]) -> tuple[list[Plan], list[Skip], int]:
    """The approved rows that still match the files, the approved rows skipped, and how
    many rows are not approved."""
    by_row = {(item.where, item.english): item for item in items}
    places = {item.where for item in items}
    plans: dict[str, Plan] = {}
    skipped: list[Skip] = []
    left = 0
    for row in rows:
        where, english = row["where"].strip(), row["english"]
        corrected = row["corrected_welsh"].strip()
        if row["approved"].strip().lower() not in APPROVED:
            left += 1
            if corrected:
                skipped.append((where, english, "corrected but not marked approved = yes"))
            continue
        item = by_row.get((where, english))
        if item is None:
            why = (
                "changed since the sheet was made (the English is different now)"
                if where in places
                else "no longer in the translation files"
            )
            skipped.append((where, english, why))
            continue
        if item.welsh != row["welsh"]:
            why = "the Welsh is different now"
            skipped.append((where, english, f"changed since the sheet was made ({why})"))
            continue
        reason = "listed twice in the sheet" if item.key in plans else problem(item, corrected)
        if reason:
            skipped.append((where, english, reason))
            continue
        if corrected:  # keep the spaces the app puts the wording between (" munud")
            lead = item.welsh[: len(item.welsh) - len(item.welsh.lstrip())]
            corrected = lead + corrected + item.welsh[len(item.welsh.rstrip()) :]
        new = corrected if corrected and corrected != item.welsh else None
        plans[item.key] = Plan(item, new or item.welsh, new is not None)
    return list(plans.values()), skipped, left


def problem(item: Item, corrected: str) -> str:
    """Why this approval cannot be applied ("" when it can)."""
    if not corrected:
        return "" if item.welsh.strip() else "no Welsh to approve: write it in corrected_welsh"
    if item.numerus:
        return "plural forms are corrected in Qt Linguist, not in the sheet"
    if item.kind == "statement":
        return f"the statement's words are code: correct this one in {WORDING} by hand"
    if Counter(PLACEHOLDER.findall(corrected)) != Counter(PLACEHOLDER.findall(item.english)):
        wanted = " ".join(sorted(set(PLACEHOLDER.findall(item.english)))) or "none"
        return f"the corrected wording must keep the English's placeholders ({wanted})"
    if item.in_catalogue and MNEMONIC.search(item.english) and not MNEMONIC.search(corrected):
        return "the corrected wording must keep one & before its shortcut letter"
    return ""


Edits = dict[Path, tuple[str, str]]  # file (relative) -> (its text as read, the new text)


def prepare_guides(root: Path, plans: list[Plan]) -> tuple[list[Plan], list[Skip], Edits]:
    """Each corrected guide wording written into its guide's text, if that can be done
    safely in place and the guide still loads as the app loads it; the others skipped,
    for the wording to be edited by hand."""
    kept: list[Plan] = []
    skipped: list[Skip] = []
    edits: Edits = {}
    documents: dict[Path, dict[str, Any]] = {}
    for plan in plans:
        item = plan.item
        if item.kind != "guide" or not plan.corrected:
            kept.append(plan)
            continue
        if item.file not in edits:
            text = read_text(root / item.file)
            edits[item.file] = (text, text)
            documents[item.file] = load_toml(root, item.file)
        try:
            text, document = replace_in_guide(
                edits[item.file][1], documents[item.file], item.keypath, plan.welsh
            )
            with tempfile.TemporaryDirectory() as folder:
                changed = Path(folder) / item.file.name
                changed.write_text(text, encoding="utf-8")
                check_guide(root, item.category, changed)
        except (CannotEdit, GuideError) as exc:
            why = f"the guide wording must be edited by hand: {exc}"
            skipped.append((item.where, item.english, why))
            continue
        edits[item.file] = (edits[item.file][0], text)
        documents[item.file] = document
        kept.append(plan)
    return kept, skipped, {path: edit for path, edit in edits.items() if edit[0] != edit[1]}


def prepare_catalogues(root: Path, plans: list[Plan]) -> Edits:
    """Each catalogue with its approved entries marked finished (and corrected)."""
    edits: Edits = {}
    for relative in CATALOGUES:
        mine = [plan for plan in plans if plan.item.in_catalogue and plan.item.file == relative]
        if not mine:
            continue
        text = read_text(root / relative)
        items = read_catalogue(relative, text)
        now = {(item.key, item.welsh, item.span) for item in items}
        if any((p.item.key, p.item.welsh, p.item.span) not in now for p in mine):
            raise Problem(f"{relative} changed while this ran; nothing was written: run again")
        changes = {plan.item.key: plan.welsh if plan.corrected else None for plan in mine}
        try:
            edits[relative] = (text, finish_entries(relative, text, items, changes))
        except CannotEdit as exc:
            raise Problem(f"{exc}; nothing was written") from None
    return edits


def write_all(root: Path, edits: Edits, ledger_before: str | None, ledger: str) -> None:
    """Write the ledger, then each changed file, each atomically, once none of them has
    changed since it was read (someone else may be editing the translation too)."""
    now = read_text(root / LEDGER) if (root / LEDGER).exists() else None
    changed = [LEDGER] if now != ledger_before else []
    changed += [path for path, (before, _) in edits.items() if read_text(root / path) != before]
    if changed:
        raise Problem(f"{changed[0]} changed while this ran; nothing was written: run again")
    # The ledger first: if the rest fails, the wordings show as not yet signed off (and
    # are listed again), rather than as finished with no record of who signed them.
    write_atomically(root / LEDGER, ledger.encode("utf-8"))
    for path, (_, text) in sorted(edits.items()):
        write_atomically(root / path, text.encode("utf-8"))


def report(
    plans: list[Plan], skipped: list[Skip], left: int, files: list[Path], reviewer: str, day: str
) -> None:
    corrected = [plan for plan in plans if plan.corrected]
    if plans:
        print(
            f"Accepted {plural(len(plans), 'wording')} ({len(corrected)} corrected), signed"
            f" off by {reviewer} on {day}."
        )
    else:
        print("Nothing accepted: no row marked approved = yes could be applied.")
    for plan in corrected:
        print(
            f"  corrected {plan.item.where} {short(plan.item.english, 40)!r}:"
            f" {short(plan.item.welsh, 40)!r} -> {short(plan.welsh, 40)!r}"
        )
    if skipped:
        print(f"Skipped {plural(len(skipped), 'approved row')}:")
    for where, english, why in skipped:
        print(f"  {where} {short(english, 40)!r}: {why}")
    if left:
        print(f"Not approved: {plural(left, 'row')}, left for the next sheet.")
    if plans:
        written = ", ".join(str(path) for path in [LEDGER, *files])
        print(f"Written: {written}.")
    if any(plan.item.in_catalogue for plan in corrected):
        print("Rebuild the .qm files (make translations) for the corrected wordings to show.")


if __name__ == "__main__":
    sys.exit(main())
