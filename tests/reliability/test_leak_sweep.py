"""The leak sweep campaign (issue #11): a full workflow through quietroom-cli and through
the desktop app, with a canary of its own in every field that carries personal content,
and afterwards a search for every canary wherever it could have been left.

CLI (`test_leak_sweep_cli`): the interviewer's vault, a supervisor's vault and the export
folder live on a small ext4 file system the test makes on a loop device. Init, identity,
case, witness and restricted details, consent, sittings with pauses (reasons given and
corrected), statement text, notes, timeline, fields, exhibits, read-back with corrections,
signing, a signed bundle, the supervisor's review (restricted details read, a decision
with comments and checklist comments) and its import. Personal content goes through
pipes (`--from-file /dev/fd/N`, `--file /dev/fd/N`, as DECISIONS says), never a file.
Afterwards the raw image (deleted blocks included), every command's stderr (the logs:
Quietroom logs to stderr only, app/hygiene.py, and runs with --debug here), the test's
private HOME, TMPDIR and XDG folders, and whatever changed in the real HOME, /tmp,
/var/tmp and /dev/shm since the test began are searched.

App (`test_leak_sweep_app`): the real main window (pytest-qt, offscreen) unlocks a vault,
creates a case through the wizard with a canary in every text field, starts a sitting
at a canary location, types a statement, tries to copy it, pauses with a reason, adds a
note and a timeline event, corrects the last pause's reason, reads back with a
correction and locks. Window titles are read after every step; afterwards the clipboard,
the log records, Qt's settings under XDG_CONFIG_HOME and the same folders are searched.

A canary found anywhere (inside the vault and bundles too: they are ciphertext, so a
plain match there is a leak) fails the campaign.
"""

from __future__ import annotations

import json
import logging
import os
import pwd
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.org import org_init
from tests.conftest import PASSPHRASE, fresh_vault, write_secret
from tests.core.engine_cli_harness import png_signature
from tests.reliability.campaign import report, rng, size
from tests.reliability.leak_helpers import Run, Scanner, cli, ext4_image, make_canaries

IMAGE_MB = 64
REF = "CSA-LEAK-1"  # a case reference is not personal content (it names files)
INTERVIEWER = "Interviewer One"  # as on the organisation's certificate: only they export

CLI_FIELDS = (
    # witness set
    "name", "preferred_name", "occupation", "communication_needs", "avoid", "support",
    "interpreter_language",
    # witness restricted
    "address", "phone", "email", "safe_contact", "safe_times", "dates_to_avoid",
    "special_measures", "other_needs", "court_note",
    # consent, sittings, pauses
    "consent_limit", "consent_note", "present_isva", "present_interpreter", "location",
    "pause_reason", "pause_reason_after", "pause_reason_corrected",
    # statement, notes, timeline, fields, exhibits, read-back
    "statement_account", "statement_background", "note", "timeline_what", "field_places",
    "exhibit", "read_by", "correction", "search",
    # the supervisor's review
    "review_comments", "checklist_comment",
)  # fmt: skip


def real_home() -> Path:
    """The account's own home folder (HOME is the test's while it runs)."""
    return Path(pwd.getpwuid(os.getuid()).pw_dir)


def sweep_folders(
    scanner: Scanner,
    private: dict[str, Path],
    own: Path,
    started: float,
    skip: tuple[Path, ...] = (),
) -> None:
    """The test's own folders whole (its tmp_path, private HOME, TMPDIR and XDG folders);
    the real HOME, /tmp, /var/tmp and /dev/shm for what changed since the test began (they
    hold gigabytes from before); each file once."""
    mine = [own, *private.values()]
    for folder in mine:
        scanner.tree(folder, skip=skip)
    for real in (real_home(), Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")):
        scanner.tree(real, since=started - 2, skip=(*mine, *skip))


@pytest.fixture
def home(private_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME is the test's own (platformdirs and Qt look there when XDG is not set)."""
    monkeypatch.setenv("HOME", str(private_dirs["home"]))
    return private_dirs["home"]


# --- the CLI ---------------------------------------------------------------------------------


class Workflow:
    """quietroom-cli on one vault, every run kept (its stderr is searched afterwards)."""

    def __init__(self, vault: Path, passphrase: Path, runs: list[Run]) -> None:
        self.vault, self.passphrase, self.runs = vault, passphrase, runs

    def __call__(self, *args: str | Path, **feeds: str | bytes) -> Any:
        done = cli(
            "--vault", self.vault, "--passphrase-file", self.passphrase, "--debug", "--json",
            *args, feeds=feeds,
        )  # fmt: skip
        self.runs.append(done)
        assert done.returncode == 0, (done.args[6:9], done.returncode, done.stderr)
        return json.loads(done.stdout) if done.stdout.strip() else None


def cli_workflow(
    base: Path, mount: Path, org: Path, c: dict[str, str], runs: list[Run], rounds: int
) -> None:
    """The whole interview and review through quietroom-cli, vaults and exports on
    `mount`; `rounds` more text and pauses in the full form."""
    pp = write_secret(base, "passphrase.txt", PASSPHRASE)  # no personal content
    exports = mount / "exports"
    exports.mkdir()
    me = Workflow(mount / "interviewer", pp, runs)
    me("init", "--no-keyring")
    member = org / "interviewer"
    me("identity", "import", "--cert", member / "cert.pem", "--key", member / "key.pem",
       "--age-identity", member / "age-identity.txt", "--trust", org / "trust.json")  # fmt: skip

    def doc(**values: object) -> str:
        return json.dumps(values, ensure_ascii=False)

    me("case", "create", "--category", "csa", "--reference", REF, "--from-file", "{f}",
       f=doc(interviewer=INTERVIEWER))  # fmt: skip
    me("witness", "set", REF, "--from-file", "{f}", f=doc(**{
        "name": f"Alex {c['name']}", "preferred-name": c["preferred_name"],
        "pronouns": "they", "occupation": c["occupation"],
        "communication-needs": c["communication_needs"], "avoid": c["avoid"],
        "support": c["support"], "language": "English",
        "interpreter-language": c["interpreter_language"], "age-status": "over_18",
    }))  # fmt: skip
    me("witness", "restricted", REF, "--from-file", "{f}", f=doc(**{
        "address": f"1 {c['address']} Row", "phone": c["phone"], "email": c["email"],
        "safe-contact": c["safe_contact"], "safe-times": c["safe_times"],
        "dates-to-avoid": c["dates_to_avoid"], "special-measures": c["special_measures"],
        "other-needs": c["other_needs"], "court-note": c["court_note"],
    }))  # fmt: skip
    me("witness", "consent", REF, "--kind", "medical_records_access", "--given",
       "--from-file", "{f}", f=doc(limit=c["consent_limit"], note=c["consent_note"]))  # fmt: skip
    me("sitting", "start", REF, "--from-file", "{f}", f=doc(
        present=[f"isva:Sam {c['present_isva']}", f"interpreter:{c['present_interpreter']}:Welsh"],
        location=c["location"]))  # fmt: skip
    account = f"I remember {c['statement_account']} from school.\n"
    me("statement", "write", REF, "--section", "account", "--file", "{f}", f=account)
    me("sitting", "pause", REF, "--requested-by", "witness", "--from-file", "{f}",
       f=doc(reason=c["pause_reason"]))  # fmt: skip
    me("sitting", "resume", REF)
    for number in range(rounds):  # the full form: a longer statement, more pauses
        more = f"Then, in year {number}, {c['statement_account']} again. " * 40
        me("statement", "append", REF, "--section", "account", "--file", "{f}", f=more)
        me("sitting", "pause", REF, "--requested-by", "isva", "--from-file", "{f}",
           f=doc(reason=c["pause_reason"]))  # fmt: skip
        me("sitting", "resume", REF)
    me("sitting", "pause", REF)  # who asked, and why, given afterwards
    me("sitting", "resume", REF)
    me("sitting", "pause-update", REF, "--requested-by", "supporter", "--from-file", "{f}",
       f=doc(reason=c["pause_reason_after"]))  # fmt: skip
    me("sitting", "pause-update", REF, "--pause", "1", "--from-file", "{f}",
       f=doc(reason=c["pause_reason_corrected"]))  # fmt: skip
    me("statement", "write", REF, "--section", "background", "--file", "{f}",
       f=f"We lived by {c['statement_background']}.\n")  # fmt: skip
    me("note", "add", REF, "--file", "{f}", f=f"Ask about {c['note']} later.\n")
    me("timeline", "add", REF, "--from-file", "{f}",
       f=doc(when="summer 1987", what=f"{c['timeline_what']} event"))  # fmt: skip
    me("field", "set", REF, "--from-file", "{f}",
       f=doc(field="places", value=f"{c['field_places']} school"))  # fmt: skip
    me("exhibit", "add", REF, "--from-file", "{f}", f=doc(description=f"A {c['exhibit']} letter"))
    me("case", "list", "--from-file", "{f}", f=doc(search=c["name"]))
    me("statement", "readback", REF, "--confirmed", "--correction-file", "{fix}",
       "--from-file", "{f}", f=doc(**{"read-by": c["read_by"]}),
       fix=f"[account]\nI remember {c['correction']} from school.\n")  # fmt: skip
    me("sitting", "end", REF)
    # The witness's signature is a drawing, not text: as a file it carries no canary.
    signature = base / "signature.png"
    signature.write_bytes(png_signature())
    me("statement", "sign", REF, "--witness-signature", signature, "--pages-confirmed")
    bundle = exports / f"{REF}.qrb"
    me("export", REF, "--out", bundle, "--timestamp", "off")
    me("audit", "verify", REF)

    # The supervisor: a vault of their own on the same file system.
    fresh_vault(mount / "supervisor").close()
    them = Workflow(mount / "supervisor", pp, runs)
    sup = org / "supervisor"
    them("identity", "import", "--cert", sup / "cert.pem", "--key", sup / "key.pem",
         "--age-identity", sup / "age-identity.txt", "--trust", org / "trust.json")  # fmt: skip
    opened = them("review", "open", bundle)
    review = str(opened["review"]["review_id"])
    them("review", "show", review)
    them("review", "restricted", review)
    from app.review.checklist import checklist_for

    checklist = {
        "items": {
            item.id: {"answer": "met", "comment": f"{c['checklist_comment']} {n}"}
            for n, item in enumerate(checklist_for("csa"))
        }
    }
    decision = exports / f"{REF}.qrr"
    them("review", "decide", review, "--return", "--comments-file", "{comments}",
         "--checklist-file", "{checklist}", "--out", decision,
         comments=f"Please ask about {c['review_comments']}.\n",
         checklist=json.dumps(checklist, ensure_ascii=False))  # fmt: skip
    me("review", "import", decision)
    shown = me("case", "show", REF)
    assert shown["reviews"], shown  # the decision came back


def vault_rows(root: Path) -> str:
    """Every row of every table of the vault at root, as text (read in this process)."""
    from app.engine.engine import Engine
    from app.vault.vault import Vault
    from tests.core.review_world import tables

    engine = Engine(Vault.open(root, PASSPHRASE))
    try:
        return repr(tables(engine))
    finally:
        engine.close()


@pytest.mark.campaign
@pytest.mark.slow
def test_leak_sweep_cli(
    tmp_path: Path, private_dirs: dict[str, Path], home: Path, keyring_session: None
) -> None:
    started = time.time()
    canaries = make_canaries(rng("leak_sweep_cli"), CLI_FIELDS)
    org = tmp_path / "org"
    org_init(org)  # the organisation's own files: names of staff, keys, no survivor content
    image = tmp_path / "vault.img"
    runs: list[Run] = []
    with ext4_image(image, IMAGE_MB) as mount:
        cli_workflow(tmp_path, mount, org, canaries, runs, size(0, 5))
        # Every value reached a vault (a field the workflow missed would prove nothing).
        stored = "".join(vault_rows(mount / name) for name in ("interviewer", "supervisor"))
        # Not the search (never stored) nor the first pause's reason (corrected since).
        unstored = ("search", "pause_reason") if size(0, 5) == 0 else ("search",)
        missing = [k for k, v in canaries.items() if k not in unstored and v not in stored]
        assert missing == [], missing
        # While mounted, the live files too (the vault and bundles are ciphertext).
        scanner = Scanner(canaries)
        scanner.tree(mount)
        # The control: a canary of its own written to a file there and deleted is still
        # in the image's free blocks, so the image search can see what was deleted.
        control_canary = make_canaries(rng("leak_sweep_cli_control"), ["control"])
        deleted = mount / "deleted.txt"
        with open(deleted, "w", encoding="utf-8") as fh:
            fh.write(f"control {control_canary['control']}\n" * 64)
            fh.flush()
            os.fsync(fh.fileno())
        deleted.unlink()
    searching = time.time()
    # The raw image: every block, deleted ones included (the vault's WAL, temporary
    # files, a bundle's pieces written and renamed).
    scanner.file(image, place="raw ext4 image")
    for number, done in enumerate(runs):  # the logs: Quietroom logs only to stderr
        scanner.text(f"stderr of {' '.join(done.args[6:9])} (run {number})", done.stderr)
    sweep_folders(scanner, private_dirs, tmp_path, started, skip=(image,))
    control = Scanner(control_canary)
    control.file(image)
    assert [f.field for f in control.found] == ["control"], "the image search is blind"
    figures = {
        "canaries": len(canaries),
        "commands": len(runs),
        "places_searched": scanner.places,
        "bytes_searched": scanner.bytes_searched,
        "found": len(scanner.found),
        "image_mb": IMAGE_MB,
        "search_seconds": round(time.time() - searching, 1),
        "seconds": round(time.time() - started, 1),
    }
    report("leak_sweep_cli", figures)
    assert scanner.found == [], scanner.found


# --- the desktop app -------------------------------------------------------------------------

APP_FIELDS = (
    "search", "interviewer", "name", "preferred_name", "communication_needs", "language",
    "interpreter_language", "avoid", "support", "address", "phone", "email", "safe_contact",
    "safe_times", "dates_to_avoid", "special_measures", "other_needs", "consent_limit",
    "court_note", "present_isva", "location", "statement", "pause_reason", "note",
    "timeline_what", "pause_reason_corrected", "correction",
)  # fmt: skip


class Watch:
    """Reads every top-level window's title after each step, and searches them."""

    def __init__(self, scanner: Scanner) -> None:
        self.scanner = scanner
        self.titles: dict[str, str] = {}

    def titles_now(self, step: str) -> None:
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            title = widget.windowTitle()
            if title not in self.titles:
                self.titles[title] = step
                self.scanner.text(f"window title after {step}: {title!r}", title)


def clipboard_texts() -> dict[str, str]:
    from PySide6.QtGui import QClipboard, QGuiApplication

    board = QGuiApplication.clipboard()
    texts = {"clipboard": board.text(QClipboard.Mode.Clipboard)}
    if board.supportsSelection():
        texts["selection"] = board.text(QClipboard.Mode.Selection)
    return texts


def qt_settings_files() -> list[Path]:
    """Where Qt's own QSettings would write in this process (it reads XDG_CONFIG_HOME
    once per process, so perhaps not under this test's folder)."""
    from PySide6.QtCore import QSettings

    files = []
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for org, app in (("QtProject", ""), ("Quietroom", "Quietroom"), ("quietroom", "")):
            files.append(Path(QSettings(fmt, QSettings.Scope.UserScope, org, app).fileName()))
    return files


def app_workflow(p: Any, c: dict[str, str], watch: Watch, ref: str) -> None:
    """The interview through the real main window, as far as read-back."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from tests.ui.walkthrough_steps import CTRL

    window = p.window
    p.wait_screen("unlock")
    watch.titles_now("start")
    p.type(PASSPHRASE)
    p.press(Qt.Key.Key_Return)
    p.wait_for(lambda: window.current_screen != "unlock")
    if window.current_screen != "cases":  # a later round: unlocked where it locked
        window.go("cases")
    p.wait_screen("cases")
    cases = window.screens["cases"]
    cases.search.setFocus()
    p.type(c["search"])  # a name searched for, found nowhere
    watch.titles_now("a search")
    cases.search.clear()

    # A new case through the wizard, a canary in every text field.
    p.alt("n")  # &New case
    p.wait_screen("new_case")
    wizard = window.screens["new_case"]
    steps = (wizard.case_step, wizard.survivor_step, wizard.preferences_step,
             wizard.restricted_step, wizard.consents_step)  # fmt: skip
    steps[0].radios["csa"].setChecked(True)
    values = [
        {"reference": ref, "interviewer": c["interviewer"]},
        {k: c[k] for k in ("name", "preferred_name", "communication_needs", "language")},
        {"avoid": c["avoid"], "support_wanted": c["support"]},
        {k: c[k] for k in RESTRICTED},
        {"medical_records_access.limit": c["consent_limit"], "court_note": c["court_note"]},
    ]
    for number, (step, fields) in enumerate(zip(steps, values, strict=True)):
        if step is wizard.survivor_step:
            step.fields["interpreter_needed"].setChecked(True)
            step.fields["interpreter_language"].setText(c["interpreter_language"])
        if step is wizard.consents_step:
            combo = step.fields["medical_records_access"]
            combo.setCurrentIndex(combo.findData("given"))
        for key, value in fields.items():
            widget = step.fields[key]
            widget.setFocus()
            p.type(value)  # typed, as a person does (undo stacks, completers)
        watch.titles_now(f"wizard step {number + 1}")
        p.alt("n")  # &Next
        p.wait_for(lambda n=number: wizard.index == n + 1 and window.backend.pending == 0)
    wizard.present_step.add_row("isva", c["present_isva"])
    watch.titles_now("wizard step 6")
    p.alt("f")  # &Finish
    p.wait_screen("workspace")
    case_id = next(x.id for x in p.core(lambda s: s.engine.list_cases()) if x.reference == ref)
    witness = p.core(lambda s: s.engine.witness(case_id))
    assert witness["name"] == c["name"], witness  # the values did reach the vault

    # A sitting, the statement typed, a copy tried, a pause with a reason.
    ws = window.screens["workspace"]
    ws.bar.location.setFocus()
    p.type(c["location"])
    p.press(Qt.Key.Key_Return)
    p.wait_for(lambda: ws.bar.pause.isVisible())
    ws.editor.setFocus()
    p.type(f"We lived near {c['statement']}.\nIt was summer.")
    p.wait_for(lambda: ws.saved.text() == "Saved")
    watch.titles_now("typing")
    ws.editor.selectAll()
    p.press(Qt.Key.Key_C, CTRL)  # refused by default: nothing reaches the clipboard
    QGuiApplication.clipboard()  # read afterwards, with the rest
    cursor = ws.editor.textCursor()
    cursor.clearSelection()
    ws.editor.setTextCursor(cursor)
    p.press(Qt.Key.Key_F9)
    p.wait_screen("pause")
    pause = window.screens["pause"]
    p.wait_for(lambda: pause._recorded)
    watch.titles_now("the pause")
    pause.choices["witness"].setChecked(True)
    pause.reason.setFocus()
    p.type(c["pause_reason"])
    pause.save_reason.click()
    p.wait_for(lambda: pause.note.text() == "Reason saved.")
    p.press(Qt.Key.Key_F9)
    p.wait_screen("workspace")

    # A note and a timeline event from the side panel; the last pause's reason changed.
    ws.side.note.setFocus()
    p.type(f"Ask about {c['note']}")
    ws.side.add_note.click()
    ws.side.when.setFocus()
    p.type("summer 1987")  # a date the app understands: no room for a canary
    ws.side.what.setFocus()
    p.type(f"the {c['timeline_what']}")
    ws.side.add_event.click()
    p.wait_for(lambda: len(p.core(lambda s: s.engine.notes(case_id))) == 1)
    p.wait_for(lambda: len(p.core(lambda s: s.engine.timeline(case_id))) == 1)
    p.wait_for(lambda: ws.bar.change_pause.isVisible())
    ws.bar.change_pause.click()
    ws.bar.reason.setFocus()
    ws.bar.reason.selectAll()
    p.type(c["pause_reason_corrected"])
    p.press(Qt.Key.Key_Return)
    p.wait_for(lambda: ws.bar.amend_note.text() == "Saved")
    watch.titles_now("notes and timeline")

    # Read-back with a correction.
    p.alt("b")  # Read-&back
    p.wait_screen("readback")
    readback = window.screens["readback"]
    p.wait_for(readback.confirm.isEnabled)
    p.alt("c")  # Make a &correction
    p.wait_for(lambda: p.has_focus(readback.panel.editor))
    p.press(Qt.Key.Key_End, CTRL)
    p.type(f" Corrected: {c['correction']}")
    p.alt("v")  # Sa&ve the correction
    p.wait_for(lambda: "correction is saved" in readback.message.text())
    watch.titles_now("read-back")
    text = p.core(lambda s: {x.id: x.text for x in s.engine.sections(case_id)})["account"]
    assert c["correction"] in text and c["statement"] in text
    # Every value reached the vault (a field the workflow missed would prove nothing).
    from tests.core.review_world import tables

    stored = repr(p.core(lambda s: tables(s.engine)))
    # Not the search (never stored) nor the first pause reason (replaced by the
    # correction; "Reason saved." showed it was stored).
    missing = [k for k in APP_FIELDS if k not in ("search", "pause_reason") and c[k] not in stored]
    assert missing == [], missing
    # The control: the search sees the canaries the window holds while unlocked.
    control = Scanner(c)
    control.text("the window, unlocked", p.held())
    assert {"statement", "correction"} <= {f.field for f in control.found}

    # Locked: nothing of the case stays on screen or in a title.
    p.press(Qt.Key.Key_L, CTRL)
    p.wait_screen("unlock")
    p.wait_for(lambda: not window.backend.session.unlocked)
    watch.titles_now("the lock")


RESTRICTED = ("address", "phone", "email", "safe_contact", "safe_times", "dates_to_avoid",
              "special_measures", "other_needs")  # fmt: skip


@pytest.fixture
def person(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path
) -> Iterator[Any]:
    from crypto import keyring_binding
    from tests.ui.walkthrough_steps import Person, first_run_window, no_keyring

    fresh_vault(tmp_path / "vault").close()  # the passphrase alone protects it
    monkeypatch.setattr(keyring_binding, "find_backend", no_keyring)
    window = first_run_window(qtbot, tmp_path)
    yield Person(qtbot, window)
    window.shutdown()


@pytest.mark.campaign
@pytest.mark.slow
def test_leak_sweep_app(
    person: Any,
    tmp_path: Path,
    private_dirs: dict[str, Path],
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    started = time.time()
    caplog.set_level(logging.DEBUG, logger="quietroom")
    canaries = make_canaries(rng("leak_sweep_app"), APP_FIELDS)
    scanner = Scanner(canaries)
    watch = Watch(scanner)
    for number in range(size(1, 5)):  # the full form: the workflow again, more cases
        app_workflow(person, canaries, watch, f"{REF}-{number}")
    searching = time.time()
    for mode, text in clipboard_texts().items():
        scanner.text(f"the {mode} after the workflow", text)
    person.window.shutdown()
    watch.titles_now("shut down")
    for record in caplog.records:  # the logs (stderr only, app/hygiene.py)
        scanner.text(f"log record {record.name}", record.getMessage())
    out, err = capfd.readouterr()
    scanner.text("stdout", out)
    scanner.text("stderr (Qt's messages too)", err)
    for path in qt_settings_files():
        if path.is_file():
            scanner.file(path, place=f"Qt settings {path}")
    sweep_folders(scanner, private_dirs, tmp_path, started)
    figures = {
        "canaries": len(canaries),
        "window_titles": len(watch.titles),
        "places_searched": scanner.places,
        "bytes_searched": scanner.bytes_searched,
        "found": len(scanner.found),
        "search_seconds": round(time.time() - searching, 1),
        "seconds": round(time.time() - started, 1),
    }
    report("leak_sweep_app", figures)
    assert scanner.found == [], scanner.found
