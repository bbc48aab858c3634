"""Usable with a screen reader, and private on the accessibility bus (issue #18), through
the REAL AT-SPI bus.

Qt's offscreen platform puts nothing on the bus, so the application runs on Xvfb with
Qt's xcb platform and its AT-SPI bridge forced on. Each run of this module starts, in
an environment of its own: Xvfb on a free display, a private session bus, the AT-SPI
bus launcher (its accessibility bus, and the registry daemon that bus starts), then

- tests/interop/atspi_listener.py with the system python (libatspi, as pyatspi), which writes every
  event a screen reader would hear to a log, and on request the whole accessible tree
  of the application, every node whether it is shown or not;
- tests/interop/atspi_driver.py with the venv's python: the real main window, driven by
  keyboard from set-up to export (set-up typing a canary passphrase, the identity, a
  case with canary names, a lock with a wrong passphrase first, a sitting, canary
  statement text, a pause, a lock, the sitting ended, read-back with a correction, the
  declaration, the pages, the signature, the export to a file), stopping at a
  checkpoint after every screen change, saying where the focus is and which messages
  the window showed.

At each checkpoint the listener dumps the tree, then the driver carries on. The tests
then read the log (issue #18, "Done when"): the passphrase, and the wrong one, never
reach the bus (not whole, not three characters of one in a row, not one key at a
time); nothing of the case is in the tree while paused or locked; after every screen
change a focus event arrives for the widget the driver has the focus on, a node
showing in the tree, and no focus event goes to a node that is not showing; every
message the window showed reached the bus (an announcement, a notification shown with
its words, or the focus on a node that holds them). Every check first shows that the
listener heard what it should (typing in the statement, the application's own tree),
so a deaf listener cannot make a privacy check pass.

Locally the tests skip when a tool is missing; under CI=true they fail.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

from tests.conftest import REPO, missing, require_tool
from tests.interop import atspi_driver as story

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
LISTENER = HERE / "atspi_listener.py"
DRIVER = HERE / "atspi_driver.py"
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRYD = "/usr/libexec/at-spi2-registryd"
APP_NAME = "Quietroom"
TIMEOUT = 60.0  # any one wait: a line from a child, a dump, a bus coming up
MARKER = "QUIETROOM_ATSPI_RUN"  # in every process of a run's environment, to end them all

PASSPHRASES = (story.PASSPHRASE, story.WRONG_PASSPHRASE)
# Each passphrase whole, and every run of three of its characters.
PASSPHRASE_NEEDLES = tuple(
    {n for pp in PASSPHRASES for n in (pp, *(pp[i : i + 3] for i in range(len(pp) - 2)))}
)
OF_THE_CASE = story.OF_THE_CASE
NODE_FIELDS = ("name", "description", "text")
# The driver's checkpoints, in order: (label, what is on the screen then).
WALK = (
    ("started", "set-up, focus in the passphrase"),
    ("setup-typed", "set-up, both passphrases typed"),
    ("cases", "the case list, after set-up"),
    ("identity", "the identity screen"),
    ("imported", "the identity imported"),
    ("cases-again", "back on the case list"),
    ("locked-cases", "locked, from the case list (the case is in it)"),
    ("refused", "a wrong passphrase refused"),
    ("unlocked-cases", "unlocked, on the case list"),
    ("workspace", "the case opened in the workspace"),
    ("typed", "a sitting started, the statement typed"),
    ("paused", "the pause screen (F9)"),
    ("resumed", "the workspace again (F9)"),
    ("locked", "locked, from the workspace (Ctrl+L)"),
    ("unlock-typed", "the passphrase typed, Enter not yet pressed"),
    ("unlocked", "unlocked, back in the workspace"),
    ("ended", "the sitting ended"),
    ("readback", "read-back"),
    ("corrected", "a correction saved"),
    ("declaration", "the signing steps: the declaration"),
    ("pages", "the signing steps: the first page"),
    ("sign", "the signing steps: the signature pad"),
    ("signed", "the statement signed"),
    ("export", "the export screen"),
    ("exported", "the bundle exported to a file"),
    ("back", "back in the workspace after the export"),
)
CHECKPOINTS = tuple(label for label, _ in WALK)
# Where the screen (or the signing step) changed, or the focus had to move (the refusal
# to its summary, the statement once a sitting starts): a focus event must say where it
# is. Elsewhere (typing, a message shown, the sitting ended with Alt+E from the
# statement) the focus stays where it was, on a visible control.
FOCUS_MOVES = (
    "started", "cases", "identity", "cases-again", "locked-cases", "refused",
    "unlocked-cases", "workspace", "typed", "paused", "resumed", "locked", "unlocked",
    "readback", "declaration", "pages", "sign", "signed", "export", "back",
)  # fmt: skip
# While the case must be out of the tree, and the words of the screen shown then.
PRIVATE = {
    "locked-cases": "Quietroom is locked",
    "refused": "Quietroom is locked",
    "paused": "Resume",
    "locked": "Quietroom is locked",
    "unlock-typed": "Quietroom is locked",
}
# The messages the driver makes the window show (issue #18 §4), each to be heard.
MESSAGES = ("imported", "refused", "sitting", "saved", "ended", "corrected", "signed", "exported")
# The AT-SPI roles Qt's bridge gives each Qt role the focus can be on.
ATSPI_ROLES = {
    "EditableText": {"text", "password text", "entry"},
    "Button": {"push button"},  # QAccessible.PushButton
    "CheckBox": {"check box"},
    "RadioButton": {"radio button"},
    "ComboBox": {"combo box"},
    "Tree": {"tree", "tree table"},
    "Table": {"table"},
    "List": {"list"},
    "ListItem": {"list item"},
    "StaticText": {"label", "static"},
    "Document": {"document text", "document frame"},
    "PageTab": {"page tab"},
}


# --- the tools ------------------------------------------------------------------------------


def require_atspi_tools() -> None:
    require_tool("Xvfb")
    require_tool("dbus-daemon")
    require_tool("dbus-send")
    for path, package in ((LAUNCHER, "at-spi2-core"), (REGISTRYD, "at-spi2-core")):
        if not os.access(path, os.X_OK):
            missing(f"{path} is not installed (Debian's {package})")
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        missing(f"{SYSTEM_PYTHON} is not installed (the listener needs the system python)")
    probe = subprocess.run(
        [
            SYSTEM_PYTHON,
            "-c",
            "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi",
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    if probe.returncode != 0:
        missing(
            f"{SYSTEM_PYTHON} cannot import Atspi (Debian's python3-pyatspi, "
            f"gir1.2-atspi-2.0): {probe.stderr.strip()[-300:]}"
        )


# --- the child processes --------------------------------------------------------------------


class Lines:
    """A child's stdout, a line at a time, with a timeout (a thread reads it)."""

    def __init__(self, stream: IO[str], name: str) -> None:
        self.name = name
        self.queue: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.queue.put(line.rstrip("\n"))
        self.queue.put(None)

    def next(self, timeout: float = TIMEOUT) -> str:
        try:
            line = self.queue.get(timeout=timeout)
        except queue.Empty:
            raise HarnessError(f"{self.name} said nothing for {timeout:.0f} s") from None
        if line is None:
            self.queue.put(None)  # it stays closed
            raise HarnessError(f"{self.name} closed its output (it exited)")
        self.seen.append(line)
        return line

    def expect(self, wanted: str, timeout: float = TIMEOUT) -> None:
        line = self.next(timeout)
        if line != wanted:
            raise HarnessError(f"{self.name} said {line!r}, not {wanted!r}")


class HarnessError(Exception):
    """The run itself went wrong (a child died, a wait timed out)."""


class Environment:
    """Xvfb, a session bus and the accessibility bus, private to one run; every process
    started here (and every process they started) is ended in close()."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.marker = uuid.uuid4().hex
        self.children: list[subprocess.Popen[Any]] = []
        self.logs: dict[str, Path] = {}
        home = root / "home"
        dirs = {name: root / name for name in ("runtime", "config", "state", "cache", "data")}
        for d in (home, root / "tmp", *dirs.values()):
            d.mkdir(parents=True)
        dirs["runtime"].chmod(0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "TMPDIR": str(root / "tmp"),
            "XDG_RUNTIME_DIR": str(dirs["runtime"]),
            "XDG_CONFIG_HOME": str(dirs["config"]),
            "XDG_STATE_HOME": str(dirs["state"]),
            "XDG_CACHE_HOME": str(dirs["cache"]),
            "XDG_DATA_HOME": str(dirs["data"]),
            "GSETTINGS_BACKEND": "memory",
            MARKER: self.marker,
        }

    def start(self, name: str, argv: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
        """A child in its own process group, its stderr in a file."""
        log = self.root / f"{name}.stderr"
        self.logs[name] = log
        with open(log, "wb") as err:
            child = subprocess.Popen(
                argv,
                env=self.env,
                stderr=err,
                start_new_session=True,
                **kwargs,
            )
        self.children.append(child)
        return child

    def tail(self, name: str, lines: int = 40) -> str:
        path = self.logs.get(name)
        if path is None or not path.exists():
            return f"(no {name} stderr)"
        text = path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:]) or f"({name}: nothing on stderr)"

    # --- the display and the buses ----------------------------------------------------------

    def start_display(self) -> None:
        read, write = os.pipe()
        try:
            self.start(
                "xvfb",
                [
                    "Xvfb",
                    "-displayfd",
                    str(write),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(write,),
                stdout=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
            )
            os.close(write)
            write = -1
            number = read_line(read, "Xvfb's display number").strip()
        finally:
            if write >= 0:
                os.close(write)
            os.close(read)
        if not number.isdigit():
            raise HarnessError(f"Xvfb gave no display number: {number!r}\n{self.tail('xvfb')}")
        self.env["DISPLAY"] = f":{number}"

    def start_session_bus(self) -> None:
        read, write = os.pipe()
        try:
            self.start(
                "dbus",
                [
                    "dbus-daemon",
                    "--session",
                    "--nofork",
                    "--nopidfile",
                    f"--print-address={write}",
                ],
                pass_fds=(write,),
                stdout=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
            )
            os.close(write)
            write = -1
            address = read_line(read, "the session bus's address").strip()
        finally:
            if write >= 0:
                os.close(write)
            os.close(read)
        if not address.startswith("unix:"):
            raise HarnessError(f"dbus-daemon gave no address: {address!r}\n{self.tail('dbus')}")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address

    def start_accessibility_bus(self) -> None:
        self.start(
            "launcher",
            [LAUNCHER, "--launch-immediately"],
            stdout=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        address = self.retry(
            "the accessibility bus's address (org.a11y.Bus.GetAddress)",
            lambda: self.dbus_send(
                "--session", "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress"
            ),
        )
        bus = address.split('"')[1] if '"' in address else ""
        if not bus.startswith("unix:"):
            raise HarnessError(f"the launcher gave no address: {address!r}")
        self.env["AT_SPI_BUS_ADDRESS"] = bus
        # The registry daemon, started by the accessibility bus when first called.
        self.retry(
            "the AT-SPI registry daemon to answer",
            lambda: self.dbus_send(
                f"--bus={bus}",
                "--dest=org.a11y.atspi.Registry",
                "/org/a11y/atspi/accessible/root",
                "org.freedesktop.DBus.Properties.Get",
                "string:org.a11y.atspi.Accessible",
                "string:ChildCount",
            ),
        )
        registry = [argv for _pid, argv in self.ours() if argv and argv[0] == REGISTRYD]
        if not registry:
            raise HarnessError(
                f"the registry answered, but no {REGISTRYD} of this run is running: "
                f"{[argv for _pid, argv in self.ours()]}"
            )

    def dbus_send(self, *args: str) -> str | None:
        done = subprocess.run(
            ["dbus-send", "--print-reply", "--reply-timeout=5000", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        return done.stdout if done.returncode == 0 else None

    def retry(self, what: str, attempt: Any, timeout: float = TIMEOUT) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            result = attempt()
            if result:
                return result
            if time.monotonic() > deadline:
                raise HarnessError(
                    f"after {timeout:.0f} s, no {what}\nlauncher: {self.tail('launcher')}"
                )
            time.sleep(0.2)

    # --- ending it all --------------------------------------------------------------------

    def ours(self) -> list[tuple[int, list[str]]]:
        """Every process whose environment has this run's marker (ours, and theirs)."""
        found = []
        needle = f"{MARKER}={self.marker}".encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                if needle not in (entry / "environ").read_bytes().split(b"\0"):
                    continue
                argv = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue  # gone, or not ours to read
            found.append((int(entry.name), [a for a in argv.split("\0") if a]))
        return found

    def close(self) -> None:
        for child in reversed(self.children):
            if child.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        for child in self.children:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
        for child in self.children:
            # The whole group: whatever the child started and left behind in it.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(child.pid, signal.SIGKILL)
            if child.poll() is None:
                child.kill()
            child.wait(timeout=TIMEOUT)
            for stream in (child.stdin, child.stdout):
                if stream is not None:
                    stream.close()
        # Whatever they started in a session of its own (an activated service, say).
        for pid, _argv in self.ours():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while self.ours() and time.monotonic() < deadline:
            time.sleep(0.1)


def read_line(fd: int, what: str) -> str:
    """A line from a pipe, or what came before the timeout."""
    got = b""
    deadline = time.monotonic() + TIMEOUT
    while b"\n" not in got:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise HarnessError(f"no {what} after {TIMEOUT:.0f} s: {got!r}")
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        got += chunk
    return got.decode(errors="replace").split("\n", 1)[0]


# --- one run, and what it left ----------------------------------------------------------------


@dataclass
class Run:
    records: list[dict[str, Any]]  # the listener's log, line by line
    # Where the driver says the focus is at each checkpoint: {"role", "name"}, or None.
    focus: dict[str, dict[str, str] | None]
    # Each message the window showed: {"key", "text", "at"} (the checkpoint that follows).
    messages: list[dict[str, str]]
    evidence: str  # the children's stderr and the log's tail, for failure messages
    seconds: float
    error: str | None = None
    checkpoints: list[str] = field(default_factory=list)

    @property
    def events(self) -> list[dict[str, Any]]:
        return [r for r in self.records if r.get("kind") == "event"]

    @property
    def dumps(self) -> dict[str, dict[str, Any]]:
        return {r["label"]: r for r in self.records if r.get("kind") == "dump"}

    def dump(self, label: str) -> dict[str, Any]:
        assert label in self.dumps, f"no dump at {label!r}; {self.evidence}"
        found = self.dumps[label]
        assert found["apps"] >= 1 and found["nodes"], (
            f"the dump at {label!r} found no {APP_NAME} on the bus: {found['problems']}"
            f"\n{self.evidence}"
        )
        # A node that could not be read (or a walk cut short) could hold anything.
        assert found["problems"] == [], (
            f"the dump at {label!r} could not read everything: {found['problems'][:10]}"
            f"\n{self.evidence}"
        )
        return found


def read_log(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            records.append({"kind": "broken", "line": line})
    return records


def log_tail(path: Path, lines: int = 25) -> str:
    if not path.exists():
        return "(no listener log)"
    shown = []
    for record in read_log(path)[-lines:]:
        if record.get("kind") == "dump":
            record = {**record, "nodes": f"<{len(record['nodes'])} nodes>"}
        shown.append(json.dumps(record, ensure_ascii=False)[:400])
    return "\n".join(shown)


def parse_focus(where: str) -> dict[str, str] | None:
    """The driver's `role=ROLE focus="NAME"` (or `focus-none`)."""
    if where == "focus-none":
        return None
    role, sep, name = where.partition(" focus=")
    if not sep or not role.startswith("role="):
        raise HarnessError(f"the driver's focus is not `role=… focus=…`: {where!r}")
    return {"role": role.removeprefix("role="), "name": json.loads(name)}


def run_the_story(root: Path) -> Run:
    started = time.monotonic()
    env = Environment(root)
    log = root / "events.jsonl"
    focus: dict[str, dict[str, str] | None] = {}
    messages: list[dict[str, str]] = []
    said: list[tuple[str, str]] = []  # messages waiting for their checkpoint
    error: str | None = None
    checkpoints: list[str] = []
    try:
        env.start_display()
        env.start_session_bus()
        env.start_accessibility_bus()
        listener = env.start(
            "listener",
            [SYSTEM_PYTHON, str(LISTENER), str(log), APP_NAME],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        heard = Lines(listener.stdout, "the listener")  # type: ignore[arg-type]
        heard.expect("ready")
        env.env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
        (root / "app").mkdir()
        driver = env.start(
            "driver",
            [sys.executable, str(DRIVER), str(root / "app")],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        lines = Lines(driver.stdout, "the driver")  # type: ignore[arg-type]

        def tell(child: subprocess.Popen[Any], line: str) -> None:
            assert child.stdin is not None
            child.stdin.write(line + "\n")
            child.stdin.flush()

        while (line := lines.next()) != "finished":
            verb, _, rest = line.partition(" ")
            if verb == "msg":
                key, _, text = rest.partition(" ")
                said.append((key, json.loads(text)))
            elif verb == "at":
                label, _, where = rest.partition(" ")
                checkpoints.append(label)
                focus[label] = parse_focus(where)
                messages += [{"key": k, "text": t, "at": label} for k, t in said]
                said.clear()
                tell(listener, f"dump {label}")
                heard.expect(f"done {label}")
                tell(driver, "go")
            else:
                raise HarnessError(f"the driver said {line!r}")
        driver.wait(timeout=TIMEOUT)
        if driver.returncode != 0:
            raise HarnessError(f"the driver exited with {driver.returncode}")
        tell(listener, "quit")
        listener.wait(timeout=TIMEOUT)
    except (HarnessError, subprocess.TimeoutExpired, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}"
    finally:
        env.close()
    records = read_log(log)
    evidence = (
        f"\n--- the listener's whole log: {log}"
        f"\n--- checkpoints reached: {checkpoints}"
        f"\n--- driver stderr (tail):\n{env.tail('driver')}"
        f"\n--- listener stderr (tail):\n{env.tail('listener')}"
        f"\n--- listener log (tail):\n{log_tail(log)}"
    )
    return Run(
        records=records,
        focus=focus,
        messages=messages,
        evidence=evidence,
        seconds=time.monotonic() - started,
        error=error,
        checkpoints=checkpoints,
    )


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The story, run once per pytest run: under pytest-xdist the first worker to need it
    runs it and the others read what it left (behind a lock), instead of running Xvfb
    and the buses again on the other core. Its log stays in pytest's temporary
    directory (pytest keeps the last three runs)."""
    require_atspi_tools()
    uid = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not uid:
        root = tmp_path_factory.mktemp("atspi")
        result = run_the_story(root)
        # Beside the listener's log, for reading a failure after the fact.
        (root / "run.json").write_text(json.dumps(dataclasses.asdict(result)), "utf-8")
    else:
        shared = tmp_path_factory.getbasetemp().parent / f"atspi-{uid}"
        shared.mkdir(exist_ok=True)
        with open(shared / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            saved = shared / "run.json"
            if saved.exists():
                result = Run(**json.loads(saved.read_text(encoding="utf-8")))
            else:
                (shared / "run").mkdir()
                result = run_the_story(shared / "run")
                saved.write_text(json.dumps(dataclasses.asdict(result)), encoding="utf-8")
    if result.error is not None:
        pytest.fail(f"the run on the AT-SPI bus did not finish: {result.error}{result.evidence}")
    return result


# --- what the log holds ---------------------------------------------------------------------


def insert_streams(events: list[dict[str, Any]]) -> dict[str, str]:
    """The text each object was heard to gain, in order (one key press is one event)."""
    streams: dict[str, str] = {}
    for e in events:
        if e["type"].startswith("object:text-changed:insert") and e.get("any_data"):
            key = f"{e.get('source')} ({e.get('role')} {e.get('name')!r})"
            streams[key] = streams.get(key, "") + e["any_data"]
    return streams


def short(record: dict[str, Any]) -> str:
    keys = ("seq", "type", "role", "name", "detail1", "detail2", "any_data")
    return json.dumps({k: record.get(k) for k in keys}, ensure_ascii=False)


def node_hits(dump: dict[str, Any], needles: tuple[str, ...]) -> list[str]:
    hits = []
    for node in dump["nodes"]:
        for name in NODE_FIELDS:
            value = node.get(name)
            if isinstance(value, str) and (found := [n for n in needles if n in value]):
                hits.append(
                    f"{found[0]!r} in the {name} of {node['role']} {node.get('name')!r} "
                    f"at {node['path']} (states: {','.join(node.get('states', []))}): "
                    f"{value[:120]!r}"
                )
                break
    return hits


def before(run: Run, label: str) -> list[dict[str, Any]]:
    """The events logged before the dump at `label`."""
    end = run.dumps[label]["seq"] if label in run.dumps else 0
    return [e for e in run.events if e["seq"] < end]


def between(run: Run, first: str | None, last: str) -> list[dict[str, Any]]:
    """The events logged after the dump at `first` (None: from the start) and before
    the dump at `last`: what the steps between the two checkpoints sent."""
    start = run.dumps[first]["seq"] if first is not None else 0
    end = run.dumps[last]["seq"]
    return [e for e in run.events if start < e["seq"] < end]


def previous(label: str) -> str | None:
    index = CHECKPOINTS.index(label)
    return CHECKPOINTS[index - 1] if index else None


def gained_focus(e: dict[str, Any]) -> bool:
    """A focus event a screen reader speaks (the window's own activation aside)."""
    return (
        (e["type"].startswith("object:state-changed:focused") and e["detail1"] == 1)
        or e["type"].startswith("focus:")
    ) and e.get("role") not in ("application", "frame", "window")


def normal(text: str | None) -> str:
    return " ".join((text or "").split())


def node(dump: dict[str, Any], object_id: str | None) -> dict[str, Any] | None:
    return next((n for n in dump["nodes"] if n["id"] == object_id), None)


def listener_heard_the_statement(run: Run) -> None:
    """The listener hears typing and reads text: without it, no check below means much."""
    streams = insert_streams(before(run, "typed"))  # typed, not loaded after an unlock
    assert any(story.STATEMENT in text for text in streams.values()), (
        "the listener never heard the statement typed (object:text-changed:insert): "
        f"{list(streams)[:10]}{run.evidence}"
    )
    typed = run.dump("typed")
    assert any(story.STATEMENT in (node.get("text") or "") for node in typed["nodes"]), (
        f"the dump while typing has no node with the statement's text{run.evidence}"
    )


def heard_as(run: Run, message: dict[str, str]) -> list[str]:
    """Every way the bus carried `message` while it was new (from the checkpoint before
    it appeared to the dump at the one after it): an announcement with its words, a
    notification shown with them (an event, or the dump), a focus event on a node whose
    name or description holds them."""
    words = normal(message["text"])
    ways = []
    for e in between(run, previous(message["at"]), message["at"]):
        if e["type"].startswith("object:announcement") and words in normal(e.get("any_data")):
            polite = {1: "polite", 2: "assertive"}.get(e["detail1"], f"detail1={e['detail1']}")
            ways.append(f"announcement ({polite}) from {e.get('role')}: {short(e)}")
        elif (
            e["type"].startswith("object:state-changed:showing")
            and e["detail1"] == 1
            and e.get("role") == "notification"
            and words in normal(e.get("name"))
        ):
            ways.append(f"notification shown: {short(e)}")
        elif gained_focus(e) and words in normal(f"{e.get('name')} {e.get('description')}"):
            ways.append(f"focus on {e.get('role')} holding it: {short(e)}")
    for n in run.dump(message["at"])["nodes"]:
        if n["role"] == "notification" and words in normal(n.get("name")):
            ways.append(f"notification in the dump at {message['at']}: {n['path']}")
    return ways


# --- the tests ----------------------------------------------------------------------------------


def test_the_listener_hears_typing_in_the_statement(run: Run) -> None:
    """The harness itself: the canary typed in the statement (a normal field) is heard as
    text-changed events and read in the tree, every dump found the application, and the
    walk reached every checkpoint, the export's bundle included."""
    info = next((r for r in run.records if r.get("kind") == "info"), {})
    for kind in ("object:text-changed", "object:announcement", "object:state-changed:showing"):
        assert kind in info.get("registered", []), info
    assert run.checkpoints == list(CHECKPOINTS), run.evidence
    for label in run.checkpoints:
        assert len(run.dump(label)["nodes"]) > 10, label
    listener_heard_the_statement(run)
    assert [m["key"] for m in run.messages] == list(MESSAGES), run.messages


def test_the_passphrase_never_reaches_the_bus(run: Run) -> None:
    """Neither the passphrase nor the wrong one typed once (not whole, not three
    characters of one in a row, not one key press at a time): in no event of the whole
    walk (text changes above all), and in no node of any dump."""
    listener_heard_the_statement(run)
    hits = []
    for e in run.events:
        for key in ("any_data", "name", "description"):
            value = e.get(key)
            if isinstance(value, str) and any(n in value for n in PASSPHRASE_NEEDLES):
                hits.append(f"event {key}: {short(e)}")
    for source, text in insert_streams(run.events).items():
        if found := [n for n in PASSPHRASE_NEEDLES if n in text]:
            hits.append(f"typed into {source}, key by key: {text!r} (holds {found[0]!r})")
    for label in CHECKPOINTS:
        hits += [f"dump {label}: {hit}" for hit in node_hits(run.dump(label), PASSPHRASE_NEEDLES)]
    assert hits == [], (
        f"a passphrase reached the accessibility bus ({len(hits)} places):\n"
        + "\n".join(hits[:20])
        + run.evidence
    )


@pytest.mark.parametrize("label", list(PRIVATE))
def test_nothing_of_the_case_is_in_the_tree(run: Run, label: str) -> None:
    """While paused or locked, no node of the application's tree (shown or not) holds the
    case's reference, the survivor's names, the room, or the statement's words."""
    listener_heard_the_statement(run)
    dump = run.dump(label)
    own_words = PRIVATE[label]
    assert any(
        own_words in (node.get(name) or "") for node in dump["nodes"] for name in NODE_FIELDS
    ), f"the dump at {label} does not show its screen ({own_words!r}){run.evidence}"
    hits = node_hits(dump, OF_THE_CASE)
    assert hits == [], (
        f"{len(hits)} nodes of the tree hold the case at {label}:\n"
        + "\n".join(hits[:20])
        + run.evidence
    )


@pytest.mark.parametrize("label", CHECKPOINTS)
def test_the_focus_is_on_a_visible_control(run: Run, label: str) -> None:
    """At every checkpoint the widget the driver has the focus on is, in the tree, the
    one focused node, showing, with its role and name; where the screen changed (or the
    focus had to move), a screen reader was told: the last focus event since the
    checkpoint before is for that very node."""
    where = run.focus.get(label)
    assert where is not None, f"at {label} nothing has the keyboard focus{run.evidence}"
    roles = ATSPI_ROLES.get(where["role"])
    assert roles is not None, f"at {label}: add Qt's role {where['role']!r} to ATSPI_ROLES"
    dump = run.dump(label)
    # Qt also calls a view's current item focused (list items, table cells, page tabs),
    # whether or not the view has the focus: the node is found by its role and name.
    focused = [
        n
        for n in dump["nodes"]
        if "focused" in n.get("states", []) and n["name"] == where["name"] and n["role"] in roles
    ]
    described = [f"{n['role']} {n['name']!r} at {n['path']}" for n in focused]
    shown = [n for n in focused if {"showing", "visible"} <= set(n.get("states", []))]
    assert len(shown) == 1, (
        f"at {label} ({dict(WALK)[label]}) the focus is on {where}; the tree has "
        f"{len(shown)} such node focused and showing; focused: "
        f"{[(d, n.get('states')) for d, n in zip(described, focused, strict=True)]}"
        f"{run.evidence}"
    )
    found = shown[0]
    described = [f"{found['role']} {found['name']!r} at {found['path']}"]
    if label not in FOCUS_MOVES:
        return
    gained = [e for e in between(run, previous(label), label) if gained_focus(e)]
    assert gained, (
        f"at {label} ({dict(WALK)[label]}) no focus event since the checkpoint before; "
        f"the focus is on {where}{run.evidence}"
    )
    last = gained[-1]
    assert last.get("source") == found["id"], (
        f"at {label} the last focus event is {short(last)} ({last.get('source')}), not for "
        f"the focused node {described[0]} ({found['id']}); all since the checkpoint "
        f"before: {[short(e) for e in gained]}{run.evidence}"
    )


def test_no_focus_event_goes_to_a_hidden_node(run: Run) -> None:
    """No focus event of the whole walk is for a node that is not showing, as the
    listener found it when the event came, unless it was showing at the checkpoint
    before: the listener asks after the fact, so a control focused and then hidden a
    moment later reads as hidden (the case list's filters and table, Tabbed through
    just before Enter opens the case). A widget hidden all along that takes the focus
    (issue #18 §3: the hidden wizard's radio button on every lock) is caught."""
    listener_heard_the_statement(run)
    gained = [e for e in run.events if gained_focus(e)]
    assert len(gained) > len(FOCUS_MOVES), f"{len(gained)} focus events heard{run.evidence}"
    unread = [short(e) for e in gained if not isinstance(e.get("states"), list)]
    assert unread == [], f"focus events whose states were not read: {unread[:10]}"
    dumps = sorted(run.dumps.values(), key=lambda d: d["seq"])
    hidden = []
    for e in run.events:
        if not gained_focus(e) or "showing" in (e.get("states") or []):
            continue
        before_it = [d for d in dumps if d["seq"] < e["seq"]]
        earlier = node(before_it[-1], e.get("source")) if before_it else None
        if earlier is not None and "showing" in earlier.get("states", []):
            continue
        at = before_it[-1]["label"] if before_it else "the start"
        hidden.append(f"after {at}: {short(e)} states={e.get('states')}")
    assert hidden == [], (
        f"{len(hidden)} focus events went to a node that is not showing:\n"
        + "\n".join(hidden[:20])
        + run.evidence
    )


@pytest.mark.parametrize("key", MESSAGES)
def test_every_message_is_announced(run: Run, key: str) -> None:
    """Each message the window showed reached the bus while it was new: announced, shown
    as a notification with its words, or said by the focus moving onto it."""
    found = [m for m in run.messages if m["key"] == key]
    assert len(found) == 1, f"the driver reported {key!r} {len(found)} times: {run.messages}"
    message = found[0]
    assert normal(message["text"]), message  # empty words would be "found" anywhere
    expected = {"saved": "Saved", "sitting": "Sitting 1: running"}
    if key in expected:
        assert message["text"] == expected[key], message
    ways = heard_as(run, message)
    assert ways, (
        f"the message {message['text']!r} ({key}, before the checkpoint {message['at']}) "
        f"never reached the bus: no announcement, notification or focus with its words"
        f"{run.evidence}"
    )
    if key == "refused":  # it stops the person: said at once, and the focus on it
        assert any("assertive" in way for way in ways), f"not announced assertively: {ways}"
        assert any(way.startswith("focus on") for way in ways), f"no focus on it: {ways}"


def test_saved_is_said_once(run: Run) -> None:
    """The word "Saved" is said once in the sitting, not at every burst of typing (the
    statement is typed key by key and saved several times)."""
    said = [
        short(e)
        for e in run.events
        if e["type"].startswith("object:announcement") and normal(e.get("any_data")) == "Saved"
    ]
    assert len(said) == 1, f"'Saved' was announced {len(said)} times: {said}{run.evidence}"
