"""Smoke test of the frozen build (`make package-test`): the release archive, unpacked where
no checkout and no project Python can be seen, does the work a user's first hour does.

    tests/run-with-keyring.sh /usr/bin/python3 -I scripts/package_smoke.py dist/quietroom-….tar.gz

It runs on the system's Python in isolated mode (-I) and imports only the standard library,
so nothing of the project leaks in. In an empty temporary folder outside the checkout, with
PATH=/usr/bin:/bin and no PYTHONPATH, the frozen programs:

- the CLI creates a vault bound to the real Secret Service (the D-Bus session that
  tests/run-with-keyring.sh starts; no --no-keyring), and the secret is then found in the
  Secret Service by dbus-send, outside Quietroom;
- makes an organisation (`org init`), imports the interviewer's identity, writes a
  statement (Welsh letters in it) and reads it back, confirms and signs it (reportlab,
  the embedded DejaVu stamp, pyHanko), exports the bundle and verifies it as the
  supervisor (pyrage, the trust file, the schemas);
- the GUI shows its window on a real X server (Xvfb), found by xwininfo from x11-utils,
  and exits with status 0 on SIGTERM; then again on the offscreen platform.

Any failure (a missing module, Qt plugin or data file shows up as one) ends the run with
status 1 and says which step. Figures (times, sizes) go to standard output as JSON.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "smoke test: a long enough passphrase"
APP_ID = "org.quietroom.Quietroom"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SIGNATURE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">'
    '<path d="M4 15 L30 4 L56 14" stroke="black" fill="none"/></svg>'
)
STATEMENT = "Ŷwen ydw i. I remember the house by the chapel; it was summer.\n"
# Files whose absence the functional steps might not notice (Welsh is not exercised in
# the GUI here, the offscreen plugin only in the last step): checked by name as well.
SHIPPED = (
    "_internal/app/resources/fonts/DejaVuSans-stamp.ttf",
    "_internal/app/resources/fonts/DejaVuSans.ttf",
    "_internal/app/resources/i18n/quietroom_cy.qm",
    "_internal/app/resources/i18n/qt_cy.qm",
    "_internal/app/resources/guides/csa.toml",
    "_internal/app/resources/guides/cy/csa.toml",
    "_internal/app/resources/styles/light.qss",
    "_internal/app/resources/icons/org.quietroom.Quietroom.png",
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "_internal/PySide6/Qt/plugins/imageformats/libqsvg.so",
    f"share/applications/{APP_ID}.desktop",
    f"share/metainfo/{APP_ID}.metainfo.xml",
    f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    *(f"share/icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES),
)


class SmokeFailure(Exception):
    """One step of the smoke test failed; the message says which and why."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


class Frozen:
    """The unpacked release and the clean environment its programs run in."""

    def __init__(self, root: Path, work: Path) -> None:
        self.root = root
        self.work = work
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(work / "home"),
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_STATE_HOME": str(work / "state"),
            "XDG_DATA_HOME": str(work / "data"),
            "XDG_CACHE_HOME": str(work / "cache"),
        }
        # the Secret Service's session bus (tests/run-with-keyring.sh)
        for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
            if name in os.environ:
                self.env[name] = os.environ[name]
        for name in ("home", "config", "state", "data", "cache", "cwd"):
            (work / name).mkdir(exist_ok=True)
        self.passphrase = work / "passphrase.txt"
        self.passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
        self.passphrase.chmod(0o600)
        self.vault = work / "vault"

    def cli(self, *args: str | Path, vault: bool = True, timeout: float = 120) -> str:
        """Runs the frozen CLI; a non-zero exit fails the step with its message."""
        prefix = ["--vault", str(self.vault), "--passphrase-file", str(self.passphrase)]
        argv = [str(self.root / "quietroom-cli"), *(prefix if vault else []), *map(str, args)]
        done = subprocess.run(
            argv,
            env=self.env,
            cwd=self.work / "cwd",
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        shown = " ".join(str(a) for a in args)
        check(
            done.returncode == 0,
            f"quietroom-cli {shown}: exit {done.returncode}: {done.stderr.strip()[-800:]}",
        )
        return done.stdout

    def cli_json(self, *args: str | Path, vault: bool = True) -> object:
        return json.loads(self.cli("--json", *args, vault=vault))


def unpack(archive: Path, work: Path) -> Path:
    target = work / "unpacked"
    target.mkdir()
    subprocess.run(["tar", "-xzf", str(archive), "-C", str(target)], check=True)
    tops = list(target.iterdir())
    check(
        len(tops) == 1 and tops[0].name.startswith("quietroom-"),
        f"the archive holds {len(tops)} top-level entries, not one quietroom-VERSION folder",
    )
    return tops[0]


def check_layout(root: Path) -> None:
    for name in ("quietroom", "quietroom-cli", "install-desktop-entry.sh"):
        check(os.access(root / name, os.X_OK), f"{name} is missing or not executable")
    missing = [name for name in SHIPPED if not (root / name).is_file()]
    check(not missing, f"missing from the build: {', '.join(missing)}")
    dangling = [str(p.relative_to(root)) for p in root.rglob("*") if p.is_symlink()
                and not p.exists()]  # fmt: skip
    check(not dangling, f"links to nothing in the build: {', '.join(dangling[:5])}")


def secret_service_holds_a_quietroom_secret(env: dict[str, str]) -> bool:
    """Asks the Secret Service itself (dbus-send, not Quietroom's keyring library) for items
    whose service attribute is Quietroom's (keyring's SecretService backend sets it)."""
    done = subprocess.run(
        [
            "dbus-send",
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.secrets",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.SearchItems",
            "dict:string:string:service,Quietroom vault device secret",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    check(done.returncode == 0, f"dbus-send SearchItems failed: {done.stderr.strip()}")
    return "/org/freedesktop/secrets/collection/" in done.stdout


def cli_workflow(app: Frozen, figures: dict[str, object]) -> None:
    started = time.monotonic()
    check("DBUS_SESSION_BUS_ADDRESS" in app.env, "no D-Bus session: run under run-with-keyring")
    check(
        not secret_service_holds_a_quietroom_secret(app.env),
        "the Secret Service already holds a Quietroom secret before init",
    )
    app.cli("init")  # bound to the keyring: fails if the frozen keyring finds no backend
    status = app.cli_json("status")
    check(
        status.get("keyring_backend") == "keyring.backends.SecretService.Keyring",  # type: ignore[union-attr]
        f"the vault is not bound to the Secret Service: {json.dumps(status)[:400]}",
    )
    check(
        secret_service_holds_a_quietroom_secret(app.env),
        "init said it bound the vault, but the Secret Service holds no Quietroom secret",
    )
    org = app.work / "org"
    app.cli("org", "init", "--out", org, "--name", "Smoke Test Organisation", vault=False)
    member = org / "interviewer"
    app.cli(
        "identity", "import",
        "--cert", member / "cert.pem", "--key", member / "key.pem",
        "--age-identity", member / "age-identity.txt", "--trust", org / "trust.json",
    )  # fmt: skip
    me = app.cli_json("identity", "show")["name"]  # type: ignore[index]
    details = app.work / "case.json"
    details.write_text(json.dumps({"interviewer": me}))
    app.cli_json(
        "case", "create", "--category", "general", "--reference", "SMOKE-1",
        "--from-file", details,
    )  # fmt: skip
    witness = app.work / "witness.json"
    witness.write_text(json.dumps({"name": "Ŷwen Morgan", "age-status": "over_18"}))
    app.cli("witness", "set", "SMOKE-1", "--from-file", witness)
    app.cli("sitting", "start", "SMOKE-1")
    sections = app.cli_json("statement", "sections", "SMOKE-1")
    check(isinstance(sections, list) and bool(sections), "the guide has no statement sections")
    section = sections[0]["id"]  # type: ignore[index]
    words = app.work / "words.txt"
    words.write_text(STATEMENT, encoding="utf-8")
    app.cli("statement", "write", "SMOKE-1", "--section", section, "--file", words)
    shown = app.cli_json("statement", "show", "SMOKE-1")
    check(
        STATEMENT.strip() in shown["text"],  # type: ignore[index]
        "the statement read back is not what was written",
    )
    app.cli("statement", "readback", "SMOKE-1", "--confirmed")
    signature = app.work / "signature.svg"
    signature.write_text(SIGNATURE)
    app.cli(
        "statement",
        "sign",
        "SMOKE-1",
        "--witness-signature",
        signature,
        "--pages-confirmed",
        "--end-sitting",
    )
    bundle = app.work / "statement.qrb"
    app.cli("export", "SMOKE-1", "--out", bundle)
    check(bundle.is_file() and bundle.stat().st_size > 0, "export wrote no bundle")
    report = app.cli_json(
        "verify", bundle, "--identity", org / "supervisor" / "age-identity.txt",
        "--trust", org / "trust.json", vault=False,
    )  # fmt: skip
    check(report.get("ok") is True, f"the bundle does not verify: {json.dumps(report)[:600]}")  # type: ignore[union-attr]
    figures["cli_workflow_s"] = round(time.monotonic() - started, 2)
    figures["bundle_bytes"] = bundle.stat().st_size


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display (it picks one and writes its number to the pipe)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    check(number.isdigit(), "Xvfb did not start")
    display = f":{number}"
    # The server answers before the app is started, so a refused connection later is the
    # app's failure, not a server still coming up (or one lost to another test's).
    env = {"PATH": "/usr/bin:/bin", "DISPLAY": display}
    for _ in range(50):
        root = subprocess.run(["xwininfo", "-root"], env=env, capture_output=True, timeout=10)
        if root.returncode == 0:
            return xvfb, display
        time.sleep(0.1)
    xvfb.terminate()
    raise SmokeFailure(f"Xvfb on {display} does not answer xwininfo")


def quietroom_windows(env: dict[str, str]) -> list[tuple[str, str]]:
    """(window id, name) of every X window whose name mentions Quietroom."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, timeout=10
    ).stdout
    return re.findall(r'^\s*(0x[0-9a-f]+) "([^"]*Quietroom[^"]*)"', tree, re.MULTILINE)


def stop(process: subprocess.Popen[str], what: str) -> int:
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise SmokeFailure(f"{what} did not exit within 20 s of SIGTERM") from None


def gui_on_x(app: Frozen, figures: dict[str, object]) -> None:
    xvfb, display = start_xvfb()
    log = app.work / "gui-x.log"
    try:
        env = dict(app.env, DISPLAY=display, QUIETROOM_VAULT=str(app.vault))
        started = time.monotonic()
        with log.open("w") as out:
            gui = subprocess.Popen(
                [str(app.root / "quietroom")], env=env, cwd=app.work / "cwd",
                stdout=out, stderr=subprocess.STDOUT, text=True,
            )  # fmt: skip
        try:
            found: list[tuple[str, str]] = []
            while time.monotonic() - started < 60 and gui.poll() is None and not found:
                time.sleep(0.1)
                found = [w for w in quietroom_windows(env) if viewable(env, w[0])]
            check(gui.poll() is None, f"the GUI exited at start: {log.read_text()[-800:]}")
            check(bool(found), f"no Quietroom window within 60 s: {log.read_text()[-800:]}")
            figures["gui_x11_window_s"] = round(time.monotonic() - started, 2)
            figures["gui_x11_window_title"] = found[0][1]
            wm_class = subprocess.run(
                ["xprop", "-id", found[0][0], "WM_CLASS"], env=env, capture_output=True,
                text=True, timeout=10,
            ).stdout.strip()  # fmt: skip
            figures["gui_x11_wm_class"] = wm_class.split("=", 1)[-1].strip()
            check(
                found[0][1] == "Quietroom" or found[0][1].endswith("Quietroom"),
                f"the window is titled {found[0][1]!r}",
            )
        finally:
            code = stop(gui, "the GUI on X") if gui.poll() is None else gui.returncode
        output = log.read_text()
        check(code == 0, f"the GUI on X exited {code} after SIGTERM: {output[-800:]}")
        check("Traceback" not in output, f"the GUI on X printed a traceback: {output[-800:]}")
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def viewable(env: dict[str, str], window: str) -> bool:
    info = subprocess.run(
        ["xwininfo", "-id", window], env=env, capture_output=True, text=True, timeout=10
    ).stdout
    return "IsViewable" in info


def gui_offscreen(app: Frozen, figures: dict[str, object]) -> None:
    """The offscreen platform has no window list to ask: the app's own probe line
    (QUIETROOM_STARTUP_PROBE, ui/main.py) says when and with which title it was shown."""
    env = dict(app.env, QT_QPA_PLATFORM="offscreen", QUIETROOM_VAULT=str(app.vault))
    env["QUIETROOM_STARTUP_PROBE"] = "1"
    log = app.work / "gui-offscreen.log"
    started = time.monotonic()
    with log.open("w") as out:
        gui = subprocess.Popen(
            [str(app.root / "quietroom")], env=env, cwd=app.work / "cwd",
            stdout=out, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    try:
        line = None
        while time.monotonic() - started < 60 and gui.poll() is None and line is None:
            time.sleep(0.05)
            line = re.search(r"quietroom: window '([^']*)' shown at", log.read_text())
        check(line is not None, f"offscreen: no window shown: {log.read_text()[-800:]}")
        figures["gui_offscreen_window_s"] = round(time.monotonic() - started, 2)
        check(line.group(1) == "Quietroom", f"offscreen: the window is titled {line.group(1)!r}")  # type: ignore[union-attr]
    finally:
        code = stop(gui, "the offscreen GUI") if gui.poll() is None else gui.returncode
    output = log.read_text()
    check(code == 0, f"offscreen: exit {code} after SIGTERM: {output[-800:]}")
    check("Traceback" not in output, f"offscreen: a traceback: {output[-800:]}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: package_smoke.py dist/quietroom-VERSION-linux-x86_64.tar.gz", file=sys.stderr)
        return 1
    archive = Path(argv[0]).resolve()
    checkout = Path(__file__).resolve().parents[1]
    for tool in ("tar", "Xvfb", "xwininfo", "xprop", "dbus-send"):
        if shutil.which(tool, path="/usr/bin:/bin") is None:
            print(f"package-test: {tool} is missing (x11-utils, xvfb, dbus)", file=sys.stderr)
            return 1
    work = Path(tempfile.mkdtemp(prefix="quietroom-smoke-"))
    figures: dict[str, object] = {"archive": archive.name, "archive_bytes": archive.stat().st_size}
    step = "unpack"
    try:
        if work.is_relative_to(checkout):
            raise SmokeFailure(f"the scratch folder {work} is inside the checkout")
        root = unpack(archive, work)
        figures["folder_bytes"] = sum(
            p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()
        )
        app = Frozen(root, work)
        for step, run in (
            ("layout", lambda: check_layout(root)),
            ("cli", lambda: cli_workflow(app, figures)),
            ("gui-x11", lambda: gui_on_x(app, figures)),
            ("gui-offscreen", lambda: gui_offscreen(app, figures)),
        ):
            run()
            print(f"package-test: {step} ok", flush=True)
    except (SmokeFailure, subprocess.SubprocessError, OSError) as exc:
        print(f"package-test: FAILED at {step}: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"package_test": figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
