"""The hands of test_atspi.py: the real main window on a real display (Xvfb, Qt's xcb
platform) with Qt's AT-SPI bridge on, driven by keyboard only.

Run with the project's venv python, in the environment test_atspi.py prepares (DISPLAY,
the private session bus with the accessibility bus, QT_QPA_PLATFORM=xcb,
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, private XDG directories):

    .venv/bin/python tests/interop/atspi_driver.py WORKDIR

A first session from set-up to export, as tests/ui/test_walkthrough.py walks it: it
creates a vault at WORKDIR/vault typing the canary passphrase, imports the identity an
organisation made (app.org's org_init, as the walkthrough does) on the identity screen,
makes a case whose reference and survivor's names are canaries (through the core, on
the window's own worker), locks, types a wrong passphrase once and then the right one,
opens the case from the case list, starts a sitting, types canary statement text, pauses
(F9), resumes (F9), locks (Ctrl+L) and unlocks, ends the sitting, reads back with a
correction, confirms, shows the declaration and the pages, signs (the one pointer in the
story: the pad has no keyboard way, by design), and exports to WORKDIR/bundle.qrb. Every
key goes to the widget with the focus (QTest), as test_walkthrough does; the screens'
methods are never called.

At each checkpoint it waits until the focus has stood still and the worker is idle,
prints

    at LABEL role=ROLE focus="NAME"

(the Qt accessible role and name of the widget with the focus, the name JSON-quoted;
"focus-none" instead of role and name when nothing has it), and waits, still answering
the accessibility bus, until a line "go" arrives on stdin. Each message the story makes
the window show is printed as it appears, before its checkpoint:

    msg KEY "TEXT"

(the words as the widget shows them, JSON-quoted). It prints "finished" at the end.
Anything that goes wrong is a traceback on stderr and exit status 1.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.interop.atspi_hands import Hands, say  # noqa: E402 (the path first)

# What the test looks for. The passphrase mixes digits and both cases so that every run
# of three characters in it is found nowhere else (no word of the interface has one).
PASSPHRASE = "Qz7Jx9Vk4Wq"
WRONG_PASSPHRASE = "Hb3Gy8Np2Ts"  # typed once on unlock: refused, and just as secret
REFERENCE = "ZQ-CANARY-4471"
SURVIVOR = "Xanthe Vellacanary"
PREFERRED = "Thistlemoor"
INTERVIEWER = "Interviewer One"  # as on the certificate org_init issues: only they export
ROOM = "Fernhollow suite"
STATEMENT = "Kettlewick said the blue door at Marrowgate was open"
CORRECTION = " It was Brackenfold, not Marrowgate."
BORN = "1971-03-29"  # without it (or an age) the statement cannot be signed
OF_THE_CASE = (
    REFERENCE, SURVIVOR, PREFERRED, ROOM, "Kettlewick", "Marrowgate", "Brackenfold", BORN,
)  # fmt: skip


def main() -> int:
    workdir = Path(sys.argv[1])
    # Qt's AT-SPI bridge on, whether or not the bus says a screen reader runs.
    os.environ.setdefault("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1")
    driver = Driver(workdir)
    try:
        driver.run()
    except Exception:
        traceback.print_exc()
        sys.stderr.write(driver.describe() + "\n")
        sys.stderr.flush()
        return 1
    finally:
        driver.close()
    say("finished")
    return 0


class Driver(Hands):
    """The story, step by step, on the hands."""

    # --- the story ----------------------------------------------------------------------------

    def run(self) -> None:
        w = self.window
        self.step = "showing the window"
        w.show()
        w.activateWindow()
        self.wait_for(w.isActiveWindow, "the window to be active")
        self.wait_for(self.accessible.isActive, "Qt's accessibility bridge to be on")
        self.wait_screen("setup")
        setup = w.screens["setup"]
        self.wait_for(setup.create_button.isEnabled, "the keyring to be looked for")
        self.wait_for(lambda: self.has_focus(setup.passphrase), "the passphrase field's focus")
        self.checkpoint("started")  # the listener has found the application on the bus
        self.set_up()
        self.import_the_identity()
        self.lock_refused_unlock()
        self.open_the_case()
        self.sitting()
        self.pause_and_lock()
        self.end_the_sitting()
        self.read_back()
        self.sign()
        self.export()

    # --- the vault and the identity -------------------------------------------------------------

    def set_up(self) -> None:
        from PySide6.QtCore import Qt

        w = self.window
        setup = w.screens["setup"]
        self.step = "creating the vault"
        self.type(PASSPHRASE)
        self.press(Qt.Key.Key_Tab)
        self.wait_for(lambda: self.has_focus(setup.repeat), "the repeat field's focus")
        self.type(PASSPHRASE)
        self.checkpoint("setup-typed")  # the passphrase is in both fields
        self.press(Qt.Key.Key_Return)
        self.wait_screen("cases")
        cases = w.screens["cases"]
        self.wait_for(cases.empty.isVisible, "the empty case list")
        self.checkpoint("cases")

    def import_the_identity(self) -> None:
        """The files an organisation sends a new interviewer (org_init, through the core,
        as test_walkthrough makes them), imported on the identity screen by keyboard."""
        from app.org import org_init

        w = self.window
        org = self.workdir / "org"
        self.step = "making the organisation (app.org's org_init)"
        org_init(org)
        self.step = "importing the identity"
        self.alt("i")  # &Identity
        self.wait_screen("identity")
        identity = w.screens["identity"]
        self.wait_for(lambda: "No identity" in identity.summary.text(), "no identity yet")
        self.checkpoint("identity")
        member = org / "interviewer"
        for letter, path_field, path in (
            ("i", identity.cert, member / "cert.pem"),  # &Identity file
            ("k", identity.key, member / "key.pem"),  # Private &key
            ("y", identity.age, member / "age-identity.txt"),  # Key for bundles sent to &you
            ("t", identity.trust, org / "trust.json"),  # &Trust file
        ):
            self.alt(letter)
            self.wait_for(lambda f=path_field: self.has_focus(f.path), f"Alt+{letter}'s field")
            self.type(str(path))
        self.alt("m")  # I&mport
        self.wait_for(lambda: identity.message.text() == "Imported.", "the identity imported")
        self.message("imported", identity.message.text())
        self.checkpoint("imported")
        self.step = "creating the case (through the core)"
        self.create_case()  # before going back: the case list shows it when entered
        self.step = "back to the case list"
        self.alt("b")  # &Back
        self.wait_screen("cases")
        self.checkpoint("cases-again")

    # --- the lock, with a wrong passphrase first ----------------------------------------------

    def lock_refused_unlock(self) -> None:
        from PySide6.QtCore import Qt

        w = self.window
        cases, unlock = w.screens["cases"], w.screens["unlock"]
        self.step = "locking on the case list"
        self.wait_for(lambda: cases.tree.topLevelItemCount() == 1, "the case in the list")
        self.lock()
        self.checkpoint("locked-cases")  # the case list held the case's names
        self.step = "a wrong passphrase"
        self.type(WRONG_PASSPHRASE)
        self.press(Qt.Key.Key_Return)
        self.wait_for(
            lambda: unlock.message.isVisible() and unlock.message.text(), "the refusal shown"
        )
        self.wait_for(lambda: unlock.passphrase.isEnabled(), "the field open again")
        self.message("refused", unlock.message.text())
        self.checkpoint("refused")
        self.step = "the right passphrase, typed from the problem summary"
        self.type(PASSPHRASE)  # typing on the summary goes into the field
        self.wait_for(lambda: self.has_focus(unlock.passphrase), "the passphrase field's focus")
        self.press(Qt.Key.Key_Return)
        self.wait_screen("cases")
        self.wait_for(lambda: w.backend.session.unlocked, "the vault to unlock")
        self.checkpoint("unlocked-cases")

    # --- the interview -------------------------------------------------------------------------

    def open_the_case(self) -> None:
        from PySide6.QtCore import Qt

        w = self.window
        self.step = "opening the case"
        cases = w.screens["cases"]
        self.wait_for(lambda: cases.tree.topLevelItemCount() == 1, "the case in the list")
        self.tab_to(cases.tree)
        self.press(Qt.Key.Key_Return)
        self.wait_screen("workspace")
        ws = w.screens["workspace"]
        self.wait_for(lambda: ws.reference.text() == REFERENCE, "the case's reference")
        self.wait_for(lambda: self.has_focus(ws.bar.start), "Start's focus")
        self.checkpoint("workspace")

    def sitting(self) -> None:
        from PySide6.QtCore import Qt

        ws = self.window.screens["workspace"]
        self.step = "starting a sitting and typing"
        self.press(Qt.Key.Key_Backtab)  # where it takes place, just before Start
        self.wait_for(lambda: self.has_focus(ws.bar.location), "the location's focus")
        self.type(ROOM)
        self.press(Qt.Key.Key_Return)
        self.wait_for(lambda: ws.bar.pause.isVisible(), "the sitting to run")
        self.wait_for(lambda: self.has_focus(ws.editor), "the statement's focus")
        self.message("sitting", ws.bar.state.text())
        self.type(STATEMENT)
        self.wait_for(lambda: ws.saved.text() == "Saved", "the statement to be saved")
        self.message("saved", ws.saved.text())
        self.checkpoint("typed")

    def pause_and_lock(self) -> None:
        from PySide6.QtCore import Qt

        w = self.window
        ws, pause = w.screens["workspace"], w.screens["pause"]
        self.step = "pausing"
        self.press(Qt.Key.Key_F9)
        self.wait_screen("pause")
        self.wait_for(lambda: pause._recorded, "the pause to be recorded")
        self.checkpoint("paused")

        self.step = "resuming"
        self.press(Qt.Key.Key_F9)
        self.wait_screen("workspace")
        self.wait_for(lambda: self.has_focus(ws.editor), "the statement's focus again")
        self.checkpoint("resumed")

        self.step = "locking in the workspace"
        self.lock()
        self.checkpoint("locked")

        self.step = "unlocking into the workspace"
        self.unlock("workspace", checkpoint="unlock-typed")
        self.wait_for(lambda: ws.editor.toPlainText() == STATEMENT, "the statement back")
        # Where the focus lands is the test's to judge (its focus event on the bus): the
        # checkpoint says where it is, or that nothing has it, rather than stop here.
        with contextlib.suppress(TimeoutError):
            self.wait_for(lambda: self.has_focus(ws.editor), "the statement's focus", 10)
        self.checkpoint("unlocked")

    def end_the_sitting(self) -> None:
        ws = self.window.screens["workspace"]
        self.step = "ending the sitting"
        self.alt("e")  # &End sitting
        self.wait_for(lambda: not ws.bar.end.isVisible(), "the sitting to end")
        self.wait_for(lambda: ws.bar.start.isVisible(), "no sitting in progress")
        self.message("ended", ws.bar.state.text())
        self.checkpoint("ended")

    # --- read-back, signing, export ------------------------------------------------------------

    def read_back(self) -> None:
        from PySide6.QtCore import Qt

        w = self.window
        readback = w.screens["readback"]
        self.step = "reading back"
        self.alt("b")  # Read-&back
        self.wait_screen("readback")
        self.wait_for(readback.confirm.isEnabled, "read-back to be ready")
        self.checkpoint("readback")
        self.step = "a correction"
        self.alt("c")  # Make a &correction
        self.wait_for(lambda: self.has_focus(readback.panel.editor), "the correction's editor")
        self.press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        self.type(CORRECTION)
        self.alt("v")  # Sa&ve the correction
        self.wait_for(
            lambda: "correction is saved" in readback.message.text(), "the correction saved"
        )
        self.message("corrected", readback.message.text())
        self.checkpoint("corrected")
        self.step = "confirming"
        self.alt("f")  # Con&firm the statement is correct
        self.wait_screen("signature")

    def sign(self) -> None:
        from PySide6.QtCore import Qt

        from ui.screens.signature import DECLARATION, DONE, PAGES, SIGN

        screen = self.window.screens["signature"]
        pages = screen.page_confirm
        self.step = "the declaration"
        self.wait_for(lambda: screen.steps.currentIndex() == DECLARATION, "the declaration")
        self.wait_for(lambda: self.has_focus(screen.show_pages_button), "Show the pages' focus")
        self.checkpoint("declaration")
        self.step = "the pages"
        self.press(Qt.Key.Key_Space)  # Show the pages
        number = 1
        while screen.steps.currentIndex() != SIGN:
            self.wait_for(
                lambda n=number: (
                    screen.steps.currentIndex() == SIGN
                    or (
                        screen.steps.currentIndex() == PAGES
                        and pages.position.text().startswith(f"Page {n} of ")
                        and pages.pages.has_page()
                        and pages.right_button.isEnabled()
                        and self.has_focus(pages.right_button)
                    )
                ),
                f"page {number} shown, with 'This page is right' focused",
            )
            if screen.steps.currentIndex() == SIGN:
                break
            if number == 1:
                self.checkpoint("pages")
            self.press(Qt.Key.Key_Space)  # This page is right
            number += 1
            if number > 20:
                raise AssertionError("more than 20 pages for a one-line statement")
        self.wait_for(lambda: self.has_focus(screen.clear_button), "Clear's focus")
        self.checkpoint("sign")
        self.step = "signing (the pointer: the pad has no keyboard way)"
        self.draw(screen.pad, [(30, 50), (60, 30), (90, 80), (140, 60)])
        self.wait_for(screen.sign_button.isEnabled, "Sign to be enabled")
        self.alt("s")  # &Sign the statement
        self.wait_for(lambda: screen.steps.currentIndex() == DONE, "the statement signed")
        self.wait_for(lambda: self.has_focus(screen.export_button), "Export's focus")
        self.message("signed", screen.title.text())
        self.checkpoint("signed")

    def export(self) -> None:
        from PySide6.QtCore import Qt

        w = self.window
        screen = w.screens["export"]
        bundle = self.workdir / "bundle.qrb"
        self.step = "the export screen"
        self.press(Qt.Key.Key_Return)  # Export…, the default button
        self.wait_screen("export")
        self.wait_for(lambda: screen.recipients.count() > 0, "the recipients")
        self.checkpoint("export")
        self.step = "exporting to a file"
        if screen.send.isChecked():
            self.alt("n")  # Se&nd to the central system: not this time, a file instead
            self.wait_for(lambda: not screen.send.isChecked(), "Send unticked")
        self.tab_to(screen.path)
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.type(str(bundle))
        self.alt("e")  # &Export
        working = ("Exporting…", "Asking the central system")
        self.wait_for(
            lambda: (
                screen.export.isEnabled()
                and screen.message.text()
                and not screen.message.text().startswith(working)
            ),
            "the export's outcome",
            60,
        )
        outcome = screen.message.text()
        if not outcome.startswith("Every check passed.") or not bundle.is_file():
            raise AssertionError(f"the export failed ({bundle}): {outcome!r}")
        self.message("exported", outcome)
        self.checkpoint("exported")
        self.step = "back to the case"
        self.alt("b")  # &Back
        self.wait_screen("workspace")
        self.checkpoint("back")

    def create_case(self) -> None:
        from app.desktop.cases import create_new_case
        from app.engine.case_details import CaseDetails
        from app.engine.models import Participant

        details = CaseDetails(
            "csa",
            REFERENCE,
            INTERVIEWER,
            witness={"name": SURVIVOR, "preferred_name": PREFERRED, "date_of_birth": BORN},
            present=(Participant("interviewer", INTERVIEWER),),
        )
        box: dict[str, Any] = {}
        self.window.backend.run(
            create_new_case,
            details,
            done=lambda outcome: box.setdefault("ok", outcome),
            failed=lambda message, code: box.setdefault("error", (message, code)),
        )
        self.wait_for(lambda: box, "the case to be created")
        if "error" in box or box["ok"].case_id is None:
            raise AssertionError(f"the case was not created: {box}")

    def lock(self) -> None:
        from PySide6.QtCore import Qt

        w = self.window
        self.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        self.wait_screen("unlock")
        self.wait_for(lambda: not w.backend.session.unlocked, "the vault to lock")
        unlock = w.screens["unlock"]
        self.wait_for(lambda: self.has_focus(unlock.passphrase), "the passphrase field's focus")

    def unlock(self, back_to: str, checkpoint: str | None = None) -> None:
        from PySide6.QtCore import Qt

        self.type(PASSPHRASE)
        if checkpoint:
            self.checkpoint(checkpoint)  # the passphrase is in the field
        self.press(Qt.Key.Key_Return)
        self.wait_screen(back_to)
        self.wait_for(lambda: self.window.backend.session.unlocked, "the vault to unlock")


if __name__ == "__main__":
    sys.exit(main())
