"""The AT-SPI harness for tests/interop/test_atspi.py: a private Xvfb, session D-Bus and
accessibility bus; the listener (system Python, atspi_listener.py) and the driver (the
real app, atspi_driver.py) started in them and stepped through the story checkpoint by
checkpoint; every process ended afterwards, whatever happened. The tests read the `Run`
it returns: the listener's log, the checkpoints reached, the focus and the messages the
driver reported."""

from __future__ import annotations

import contextlib
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

from tests.conftest import REPO, missing, require_tool

HERE = Path(__file__).resolve().parent
LISTENER = HERE / "atspi_listener.py"
DRIVER = HERE / "atspi_driver.py"
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRYD = "/usr/libexec/at-spi2-registryd"
APP_NAME = "Quietroom"
TIMEOUT = 60.0  # any one wait: a line from a child, a dump, a bus coming up
MARKER = "QUIETROOM_ATSPI_RUN"  # in every process of a run's environment, to end them all


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
        assert listener.stdout is not None  # piped above
        heard = Lines(listener.stdout, "the listener")
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
        assert driver.stdout is not None  # piped above
        lines = Lines(driver.stdout, "the driver")

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
