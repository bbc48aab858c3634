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

import dataclasses
import fcntl
import json
import os
from typing import Any

import pytest

from tests.interop import atspi_driver as story
from tests.interop.atspi_harness import Run, require_atspi_tools, run_the_story

pytestmark = pytest.mark.slow


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
