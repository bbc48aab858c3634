"""A listener on the real AT-SPI bus, as a screen reader is: the ears of test_atspi.py.

Run with the SYSTEM python (/usr/bin/python3): it uses libatspi through GObject
introspection, which is what pyatspi wraps (Debian's python3-pyatspi brings
gir1.2-atspi-2.0 and python3-gi); the project's venv has neither. pyatspi's
Registry.start() would block in libatspi's own loop; a GLib main loop that also watches
stdin does the same work and takes commands. Usage:

    /usr/bin/python3 atspi_listener.py LOG APP_NAME

Every event it hears (text changes, focus, announcements, objects shown or hidden,
children added or removed, names and descriptions changed) is one JSON line in LOG. For
the events a screen reader speaks from it also asks the source's role and name; for a
focus gained, its description and states too (whether it is showing), as they are
when the event is handled. On stdin it takes commands, one
a line:

    dump LABEL   walks the WHOLE accessible tree of every application named APP_NAME,
                 every node whether it is showing or not (role, name, description,
                 its Text interface's text, its value, its states), writes it to LOG as
                 one line {"kind": "dump", "label": LABEL, "nodes": [...]}, then prints
                 "done LABEL" on stdout. The walk asks the application over D-Bus
                 directly (the same methods libatspi calls), many questions in flight
                 at once: one libatspi call at a time took seconds per screen.
    quit         exits

It prints "ready" on stdout once its listeners are registered. The GLib main loop that
delivers AT-SPI events also watches stdin, so one thread does everything and a dump is
never interleaved with an event's line. libatspi's cache is switched off for the
application before each walk, so a dump reads what the application holds now, never
what it held when the cache was filled.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

EVENTS = (
    "object:text-changed",
    "object:state-changed:focused",
    "focus:",
    "object:announcement",
    "object:state-changed:showing",
    "object:children-changed",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
    "object:text-caret-moved",
)
# Events whose source's role and name are looked up (and logged) as they come.
SPOKEN = (
    "object:text-changed",
    "object:state-changed:focused",
    "focus:",
    "object:announcement",
    "object:state-changed:showing",  # a notification shown is read (role, then name)
)
SHOWING = "object:state-changed:showing"
# Focus gained: where it went is judged (shown or not), so its states are asked too.
FOCUS = ("object:state-changed:focused", "focus:")
MAX_NODES = 50_000  # a walk that has not ended by then is a cycle: it says so and stops
MAX_DEPTH = 200
FIND_APP_S = 20.0
CALL_TIMEOUT_MS = 5000  # one question to the application (libatspi's default is 0.8 s)
WALK_S = 60.0  # the whole walk
ROOT = "/org/a11y/atspi/accessible/root"
NULL = "/org/a11y/atspi/null"
ATSPI = "org.a11y.atspi."
PROPERTIES = "org.freedesktop.DBus.Properties"


class Failed(str):
    """What a call that raised returned instead: the error, as text."""


def safe(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except Exception as exc:  # a node that went away while we looked, say
        return Failed(f"<error: {type(exc).__name__}: {exc}>")


def object_id(acc: Any) -> str:
    """The application's bus name and the object's path: one object, wherever it is met."""
    return f"{safe(lambda: acc.app.bus_name)}:{safe(lambda: acc.path)}"


class Listener:
    def __init__(self, log_path: str, app_name: str) -> None:
        self.log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 (open for the run)
        self.app_name = app_name
        self.seq = 0
        self.pending = b""
        self.loop = GLib.MainLoop()
        self.listener = Atspi.EventListener.new(self.on_event)

    # --- the log ------------------------------------------------------------------------

    def write(self, record: dict[str, Any]) -> None:
        self.seq += 1
        record = {"seq": self.seq, "t": round(time.monotonic(), 4), **record}
        # ASCII only: no line or paragraph separator (U+2028, U+2029) a reader splits at.
        self.log.write(json.dumps(record) + "\n")
        self.log.flush()

    def say(self, line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    # --- events ---------------------------------------------------------------------------

    def register(self) -> None:
        registered, refused = [], []
        for name in EVENTS:
            try:
                self.listener.register(name)
                registered.append(name)
            except Exception as exc:
                refused.append(f"{name}: {exc}")
        self.write({"kind": "info", "registered": registered, "refused": refused})

    def on_event(self, event: Any) -> None:
        """One line per event. The source's role and name are asked of the application
        (a call on the bus each) only for the events a screen reader speaks from; the
        rest (names changed, children added) carry what they say in any_data."""
        kind = event.type
        record: dict[str, Any] = {
            "kind": "event",
            "type": kind,
            "detail1": event.detail1,
            "detail2": event.detail2,
            "any_data": None,
        }
        try:
            data = event.any_data
            if isinstance(data, Atspi.Accessible):  # children-changed: the child
                record["any_data"] = f"<accessible {object_id(data)}>"
            elif data is not None:
                record["any_data"] = str(data)
        except Exception as exc:
            record["any_data_error"] = repr(exc)
        source = event.source
        if source is not None:
            record["source"] = object_id(source)
            if kind.startswith(SHOWING):
                # Every widget of a screen shown or hidden sends one: only a notification
                # shown is read aloud, so only then is more than its role asked.
                if event.detail1 == 1:
                    record["role"] = safe(source.get_role_name)
                    if record["role"] == "notification":
                        record["name"] = safe(source.get_name)
            elif kind.startswith(SPOKEN):
                record["role"] = safe(source.get_role_name)
                record["name"] = safe(source.get_name)
            if kind.startswith(FOCUS) and (kind.startswith("focus:") or event.detail1 == 1):
                record["description"] = safe(source.get_description)
                states = safe(source.get_state_set)
                if states is not None and not isinstance(states, Failed):
                    record["states"] = sorted(s.value_nick for s in states.get_states())
        self.write(record)

    # --- commands on stdin --------------------------------------------------------------

    def on_stdin(self, fd: int, condition: GLib.IOCondition) -> bool:
        chunk = os.read(fd, 4096) if condition & GLib.IOCondition.IN else b""
        if not chunk:  # the test went away: nobody is listening to us any more
            self.loop.quit()
            return False
        self.pending += chunk
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            self.command(line.decode("utf-8").strip())
        return True

    def command(self, line: str) -> None:
        verb, _, label = line.partition(" ")
        if verb == "dump":
            self.dump(label)
            self.say(f"done {label}")
        elif verb == "quit":
            self.write({"kind": "info", "quit": True})
            self.loop.quit()
        elif line:
            self.say(f"unknown {line}")

    # --- the tree ---------------------------------------------------------------------------

    def applications(self) -> list[Any]:
        deadline = time.monotonic() + FIND_APP_S
        while True:
            desktop = Atspi.get_desktop(0)
            Atspi.Accessible.clear_cache(desktop)
            found = []
            count = safe(desktop.get_child_count)
            for index in range(count if isinstance(count, int) else 0):
                app = safe(desktop.get_child_at_index, index)
                if isinstance(app, Atspi.Accessible) and safe(app.get_name) == self.app_name:
                    found.append(app)
            if found or time.monotonic() > deadline:
                return found
            time.sleep(0.2)

    def dump(self, label: str) -> None:
        started = time.monotonic()
        nodes: list[dict[str, Any]] = []
        problems: list[str] = []
        apps = self.applications()
        if not apps:
            problems.append(f"no application named {self.app_name!r} on the bus")
        for app in apps:
            # Read the application as it is now: nothing from libatspi's cache.
            safe(Atspi.Accessible.set_cache_mask, app, Atspi.Cache.NONE)
            safe(Atspi.Accessible.clear_cache, app)
            # A call answered: every event the application sent before it answered is
            # here already (the bus keeps one sender's messages in order), and is
            # logged before this dump, not after it.
            safe(app.get_child_count)
        self.drain()
        for app in apps:
            bus_name = safe(lambda app=app: app.app.bus_name)
            if isinstance(bus_name, Failed) or not bus_name:
                problems.append(f"the application's bus name is unreadable: {bus_name}")
                continue
            TreeWalk(self.bus(), bus_name, nodes, problems).run()
        self.write(
            {
                "kind": "dump",
                "label": label,
                "apps": len(apps),
                "nodes": nodes,
                "problems": problems,
                "seconds": round(time.monotonic() - started, 3),
            }
        )

    def drain(self) -> None:
        """Handle every event already received (this command's own watch cannot run
        again meanwhile: GLib does not dispatch a source from inside itself)."""
        context = GLib.MainContext.default()
        for _ in range(100_000):
            if not context.iteration(False):
                break

    def bus(self) -> Gio.DBusConnection:
        """A connection of our own to the accessibility bus, whose replies come to a main
        context of our own: the walk waits for them without handling libatspi's events
        meanwhile (those are logged after the dump, as they were received after it)."""
        if getattr(self, "_bus", None) is None:
            address = os.environ.get("AT_SPI_BUS_ADDRESS")
            if not address:
                session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
                reply = session.call_sync(
                    "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                    GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, CALL_TIMEOUT_MS, None,
                )  # fmt: skip
                address = reply.unpack()[0]
            self._context = GLib.MainContext.new()
            self._context.push_thread_default()
            try:
                self._bus = Gio.DBusConnection.new_for_address_sync(
                    address,
                    Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
                    | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
                    None,
                    None,
                )
            finally:
                self._context.pop_thread_default()
        return self._bus

    # --- running ----------------------------------------------------------------------------

    def run(self) -> None:
        # A method call waits up to 5 s for the application (libatspi's default is 0.8 s:
        # an application busy for a moment would read as a node that cannot be read).
        Atspi.set_timeout(5000, 15000)
        self.register()
        GLib.io_add_watch(
            sys.stdin.fileno(),
            GLib.PRIORITY_DEFAULT,
            GLib.IOCondition.IN | GLib.IOCondition.HUP | GLib.IOCondition.ERR,
            self.on_stdin,
        )
        self.say("ready")
        self.loop.run()
        self.log.close()


class TreeWalk:
    """One application's whole tree, every node whether shown or not, read with the
    AT-SPI methods over D-Bus (GetRole, GetState, GetInterfaces, GetChildren, the
    Name and Description properties, Text.GetText, the Value), all the questions about one level
    of the tree sent before the first answer is awaited. A value that cannot be read is
    `Failed` text in the node and a line in `problems`, as a cycle or a walk cut short."""

    def __init__(
        self, bus: Gio.DBusConnection, bus_name: str, nodes: list[dict[str, Any]],
        problems: list[str],
    ) -> None:  # fmt: skip
        self.bus = bus
        self.bus_name = bus_name
        self.out = nodes
        self.problems = problems
        self.nodes: dict[tuple[int, ...], dict[str, Any]] = {}
        self.seen: set[str] = set()
        self.pending = 0
        self.context = GLib.MainContext.new()

    def run(self) -> None:
        self.context.push_thread_default()  # the replies come to this context
        try:
            self.visit(self.bus_name, ROOT, ())
        finally:
            self.context.pop_thread_default()
        deadline = time.monotonic() + WALK_S
        while self.pending:
            if time.monotonic() > deadline:
                self.problems.append(f"the walk did not end in {WALK_S:.0f} s")
                break
            self.context.iteration(True)
        for index in sorted(self.nodes):
            node = self.nodes[index]
            for name, value in node.items():
                if isinstance(value, Failed):
                    self.problems.append(
                        f"{node['path']} ({node.get('role')} {node.get('name')!r}): {name}: {value}"
                    )
            self.out.append(node)

    def ask(
        self, bus_name: str, path: str, interface: str, method: str,
        args: GLib.Variant | None, reply: str, answered: Any, node: dict[str, Any], key: str,
    ) -> None:  # fmt: skip
        """One question; `answered(values)` with the reply's values, or `key` of `node`
        set to what went wrong."""

        def done(bus: Gio.DBusConnection, result: Gio.AsyncResult, _data: Any) -> None:
            self.pending -= 1
            try:
                values = bus.call_finish(result).unpack()
            except Exception as exc:
                node[key] = Failed(f"<error: {type(exc).__name__}: {exc}>")
                return
            self.context.push_thread_default()  # any question it asks, answered here too
            try:
                answered(values)
            except Exception as exc:
                node[key] = Failed(f"<error: {type(exc).__name__}: {exc}>")
            finally:
                self.context.pop_thread_default()

        self.pending += 1
        self.bus.call(
            bus_name, path, interface, method, args, GLib.VariantType(reply),
            Gio.DBusCallFlags.NONE, CALL_TIMEOUT_MS, None, done, None,
        )  # fmt: skip

    def visit(self, bus_name: str, path: str, index: tuple[int, ...]) -> None:
        where = "".join(f"/{i}" for i in index)
        key = f"{bus_name}:{path}"
        if path == NULL:
            self.problems.append(f"{where}: a null child")
            return
        if key in self.seen:
            self.problems.append(f"{where}: {key} met twice (a cycle)")
            return
        if len(self.nodes) >= MAX_NODES or len(index) > MAX_DEPTH:
            self.problems.append(
                f"{where}: the walk stopped at {len(self.nodes)} nodes, depth {len(index)}"
            )
            return
        self.seen.add(key)
        node: dict[str, Any] = {"path": where, "id": key}
        self.nodes[index] = node
        accessible = ATSPI + "Accessible"

        def name(values: tuple[str]) -> None:
            node["name"] = values[0]

        def description(values: tuple[str]) -> None:
            node["description"] = values[0]

        def role(values: tuple[int]) -> None:
            node["role"] = Atspi.role_get_name(Atspi.Role(values[0]))

        def states(values: tuple[list[int]]) -> None:
            bits = values[0]
            node["states"] = sorted(
                Atspi.StateType(word * 32 + bit).value_nick
                for word, value in enumerate(bits)
                for bit in range(32)
                if value >> bit & 1 and word * 32 + bit < int(Atspi.StateType.LAST_DEFINED)
            )

        def interfaces(values: tuple[list[str]]) -> None:
            names = [n.removeprefix(ATSPI) for n in values[0]]
            node["interfaces"] = names
            if "Text" in names:
                self.ask(
                    bus_name, path, ATSPI + "Text", "GetText", GLib.Variant("(ii)", (0, -1)),
                    "(s)", lambda v: node.__setitem__("text", v[0]), node, "text",
                )  # fmt: skip
            if "Value" in names:
                self.ask(
                    bus_name, path, PROPERTIES, "Get",
                    GLib.Variant("(ss)", (ATSPI + "Value", "CurrentValue")), "(v)",
                    lambda v: node.__setitem__("value", v[0]), node, "value",
                )  # fmt: skip

        def children(values: tuple[list[tuple[str, str]]]) -> None:
            node["children"] = len(values[0])
            for number, (child_bus, child_path) in enumerate(values[0]):
                self.visit(child_bus or bus_name, child_path, (*index, number))

        # One property a call: Qt's bridge answers Get, not GetAll.
        for prop, answered in (("Name", name), ("Description", description)):
            self.ask(
                bus_name, path, PROPERTIES, "Get", GLib.Variant("(ss)", (accessible, prop)),
                "(v)", answered, node, prop.lower(),
            )  # fmt: skip
        self.ask(bus_name, path, accessible, "GetRole", None, "(u)", role, node, "role")
        self.ask(bus_name, path, accessible, "GetState", None, "(au)", states, node, "states")
        self.ask(
            bus_name, path, accessible, "GetInterfaces", None, "(as)", interfaces, node,
            "interfaces",
        )  # fmt: skip
        self.ask(
            bus_name, path, accessible, "GetChildren", None, "(a(so))", children, node,
            "children",
        )  # fmt: skip


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    Listener(sys.argv[1], sys.argv[2]).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
