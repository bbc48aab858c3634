"""The KEYRING FAULTS campaign (reliability issue #11): a keyring-bound vault whose device
secret is missing (deleted), replaced (another value), locked (the collection locked:
headless its prompt cannot open, under a virtual display it waits for ever), whose
backend has changed (no bus, a bus without a Secret Service, another keyring backend
asked for) and several processes opening it at once, locked and unlocked.

Every fault is given to the real gnome-keyring (a session of its own: see
keyring_helpers.py) and answered through the CLI (exit code 2, one line naming the
fault, no traceback, no canary, within the documented keyring timeout and a margin)
and the core API (Vault.open raises AuthError with the fault's code). Fail closed:
every file of the vault and the keyring's entry are as they were. Then the
organisation's recovery identity (real age-keygen) restores access with `recover`, and
every case and statement text comes back byte-equal.

Bounded (make test): one round per fault, and six processes at once with the prompt
waiting, then unlocked. Full (make reliability): 20 rounds per fault with random
variants, and 20 rounds of 2 to 8 processes (prompt headless or waiting, the locked and
unlocked states in random order). Each test reports `keyring_faults_<fault>` (its own
record: pytest-xdist may run the tests of one file in different workers).

Owns tests/reliability/test_keyring_faults.py.
"""

from __future__ import annotations

import base64
import json
import random
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.errors import AuthError
from app.vault.header import parse_header
from app.vault.vault import Vault, header_path
from crypto import keyring_binding as kr
from tests.conftest import PASSPHRASE, write_secret
from tests.reliability.campaign import FULL, report, rng, size
from tests.reliability.keyring_helpers import (
    Answer,
    Content,
    PrivateKeyring,
    bus_without_secrets,
    cli,
    cli_together,
    make_canaries,
    new_vault,
    private_keyring,
    snapshot,
    stored_content,
    virtual_display,
)

# The documented keyring timeout and a margin for a loaded 2-core machine (interpreter
# start, Argon2id, several processes at once): an answer later than this is a hang.
HANG_LIMIT = kr.TIMEOUT_SECONDS + 15
KILL_AFTER = HANG_LIMIT + 20  # a process still running then is killed, and counted

UNLOCK_ADVICE = "unlock your keyring (log in again) and retry"
RECOVER_HINT = "quietroom-cli recover"


@dataclass(frozen=True)
class Expected:
    """The answer a fault must get: the error's code and what its one line must (and
    must not) say."""

    codes: tuple[str, ...]
    says: tuple[str, ...]
    never: tuple[str, ...] = ()


EXPECTED = {
    "missing": Expected(("keyring.secret_missing",), ("device secret is missing", RECOVER_HINT)),
    "replaced": Expected(
        ("keyring.secret_mismatch",), ("does not belong to this vault", RECOVER_HINT), ("missing",)
    ),
    # Refused at once as a rule; but gnome-keyring answers prompts asked for together in
    # turn, so one of several may outlast the time limit: both say to unlock it.
    "locked": Expected(
        ("keyring.unreadable", "keyring.timeout"), (UNLOCK_ADVICE,), (RECOVER_HINT, "missing")
    ),
    "locked/prompt_waiting": Expected(
        ("keyring.timeout",),
        (f"did not answer within {int(kr.TIMEOUT_SECONDS)} seconds", UNLOCK_ADVICE),
        (RECOVER_HINT, "missing"),
    ),
    "backend": Expected(
        ("keyring.unavailable",), ("not available in this session", RECOVER_HINT), ("missing",)
    ),
}

# Other keyring backends a changed environment may ask for; the vault's header names
# its own, and none of these may be used instead (nor store the secret in plain text).
OTHER_BACKENDS = (
    "keyring.backends.null.Keyring",
    "keyring.backends.fail.Keyring",
    "keyrings.alt.file.PlaintextKeyring",
)


@dataclass
class Tally:
    """What a campaign test found: failures as sentences (for the assertion), counted
    in the report."""

    rounds: Counter[str] = field(default_factory=Counter)
    variants: Counter[str] = field(default_factory=Counter)
    hangs: list[str] = field(default_factory=list)
    wrong_message: list[str] = field(default_factory=list)
    data_changed: list[str] = field(default_factory=list)
    data_readable: list[str] = field(default_factory=list)
    not_recovered: list[str] = field(default_factory=list)
    recovered: int = 0
    slowest: float = 0.0
    messages: dict[str, set[str]] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def failures(self) -> list[str]:
        return [
            *self.hangs,
            *self.wrong_message,
            *self.data_changed,
            *self.data_readable,
            *self.not_recovered,
        ]

    def finish(self, name: str, **extra: object) -> None:
        figures = {
            "faults": dict(self.rounds),
            "variants": dict(sorted(self.variants.items())),
            "hangs": len(self.hangs),
            "wrong_message": len(self.wrong_message),
            "data_changed": len(self.data_changed),
            "data_readable": len(self.data_readable),
            "recovered": self.recovered,
            "not_recovered": len(self.not_recovered),
            "slowest_answer_seconds": round(self.slowest, 2),
            "messages": {k: sorted(v) for k, v in sorted(self.messages.items())},
            "seconds": round(time.monotonic() - self.started, 1),
            **extra,
        }
        report(name, figures)
        assert not self.failures(), "\n".join(self.failures()[:20])


@dataclass
class World:
    """One campaign test's place: its folder, the organisation's recovery identity, the
    passphrase file, its generator and what it found."""

    base: Path
    identity: Path
    recipient: str
    passphrase_file: Path
    rng: random.Random
    tally: Tally
    monkeypatch: pytest.MonkeyPatch
    count: int = 0

    @contextmanager
    def session(self, *, display: bool = False) -> Iterator[PrivateKeyring]:
        """A keyring session of the round's own; the test process uses it too (the core
        API and the vaults it creates)."""
        self.count += 1
        where = self.base / f"r{self.count}"  # short: gnome-keyring's sockets are below
        with ExitStack() as stack:
            screen = stack.enter_context(virtual_display(where / "x")) if display else None
            keyring = stack.enter_context(private_keyring(where / "k", display=screen))
            self.monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", keyring.address)
            yield keyring

    def vault(self) -> tuple[Path, Content, list[str], str]:
        """A new keyring-bound vault with canaries: (root, content, canaries, keyring item)."""
        root = self.base / f"r{self.count}" / "vault"
        canaries = make_canaries(self.rng, 8)
        content = new_vault(root, self.recipient, canaries, self.rng)
        return root, content, canaries, parse_header(header_path(root).read_bytes()).secret_item


@pytest.fixture
def world(
    tmp_path: Path,
    org_identity: tuple[Path, str],
    passphrase_file: Path,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> World:
    name = request.node.name.removeprefix("test_")
    return World(
        tmp_path,
        org_identity[0],
        org_identity[1],
        passphrase_file,
        rng(f"keyring_faults_{name}"),
        Tally(),
        monkeypatch,
    )


# --- what every fault round checks -----------------------------------------------------------


def read_command(world: World, root: Path, content: Content, out: Path) -> list[str | Path]:
    """One command that needs the vault open, as a user would run it."""
    rng = world.rng
    reference = rng.choice(sorted(content))
    command = rng.choice(
        (
            ["status"],
            ["case", "list"],
            ["case", "show", reference],
            ["statement", "show", reference],
            ["backup", "--out", str(out)],
        )
    )
    json_flag = ["--json"] if rng.random() < 0.5 else []
    return ["--vault", root, "--passphrase-file", world.passphrase_file, *json_flag, *command]


def check_refusal(
    world: World, label: str, expected: Expected, answer: Answer, canaries: list[str]
) -> None:
    """The CLI refused as it must: in time, exit 2, one line saying the fault, the
    error code in --json's output, and nothing of the vault's content shown."""
    tally = world.tally
    tally.slowest = max(tally.slowest, answer.seconds)
    said = f"{label}: {' '.join(answer.argv[3:])} -> {answer.code} in {answer.seconds:.1f} s"
    if answer.code is None or answer.seconds > HANG_LIMIT:
        tally.hangs.append(f"{said} (limit {HANG_LIMIT:.0f} s)")
        return
    lines = answer.stderr.splitlines()
    line = lines[0] if lines else ""
    tally.messages.setdefault(label, set()).add(line)
    problems = []
    if answer.code != 2:
        problems.append("exit code is not 2")
    if len(lines) != 1 or "Traceback" in answer.stderr:
        problems.append("not exactly one line")
    problems += [f"does not say {s!r}" for s in expected.says if s not in line]
    problems += [f"says {s!r}" for s in expected.never if s in line]
    if "--json" in answer.argv:
        try:
            code = json.loads(answer.stdout)["error"]["code"]
        except (ValueError, KeyError, TypeError):
            code = None
        if code not in expected.codes:
            problems.append(f"--json error code {code!r}, not one of {expected.codes}")
    elif answer.stdout:
        problems.append("something on standard output")
    if problems:
        tally.wrong_message.append(f"{said}: {'; '.join(problems)}: {answer.stderr!r}")
    shown = [c for c in canaries if c in answer.stdout or c in answer.stderr]
    if shown:
        tally.data_readable.append(f"{said}: showed {shown}")


def check_core_refusal(
    world: World, label: str, expected: Expected, root: Path, env: dict[str, str | None]
) -> None:
    """The core API (what the app calls) refuses as the CLI does: AuthError, same code."""
    tally = world.tally
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        began = time.monotonic()
        try:
            Vault.open(root, PASSPHRASE).close()
        except AuthError as error:
            if error.code not in expected.codes:
                tally.wrong_message.append(f"{label}: core AuthError {error.code}: {error}")
        except Exception as error:  # anything untyped is a wrong answer, and is counted
            tally.wrong_message.append(f"{label}: core {type(error).__name__}: {error}")
        else:
            tally.data_readable.append(f"{label}: Vault.open opened without the secret")
        if time.monotonic() - began > HANG_LIMIT:
            tally.hangs.append(f"{label}: core took {time.monotonic() - began:.1f} s")


def check_unchanged(
    world: World, label: str, root: Path, before: dict[str, bytes], out: Path | None = None
) -> None:
    after = snapshot(root)
    if after != before:
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        world.tally.data_changed.append(f"{label}: vault files changed: {changed}")
    if out is not None and out.exists():
        world.tally.data_changed.append(f"{label}: a backup was written: {out}")


def recover_and_compare(
    world: World,
    label: str,
    root: Path,
    content: Content,
    env: dict[str, str],
    keyring_expected: bool,
) -> None:
    """`recover` with the organisation's identity restores access, bound to the keyring
    when one can take the secret (passphrase-only otherwise), and everything stored
    is back, byte-equal."""
    tally = world.tally
    new = f"the administrator's new phrase {world.count}"
    new_file = write_secret(root.parent, "new-passphrase.txt", new)
    answer = cli(
        env,
        "--vault",
        root,
        "--json",
        "recover",
        "--identity",
        world.identity,
        "--new-passphrase-file",
        new_file,
        limit=KILL_AFTER + 60,
    )
    said = f"{label}: recover -> {answer.code}"
    if answer.code != 0:
        tally.not_recovered.append(f"{said}: {answer.stderr!r}")
        return
    info = json.loads(answer.stdout)
    if info.get("recovered") is not True or info.get("keyring") is not keyring_expected:
        tally.not_recovered.append(f"{said}: keyring {info.get('keyring')}, not {keyring_expected}")
        return
    if "Traceback" in answer.stderr:
        tally.not_recovered.append(f"{said}: {answer.stderr!r}")
        return
    try:
        back = stored_content(root, new)
    except Exception as error:  # counted: the recovered vault must open
        tally.not_recovered.append(f"{label}: the recovered vault does not open: {error}")
        return
    if back != content:
        tally.not_recovered.append(f"{label}: the recovered content differs")
        return
    tally.recovered += 1


def refuse_everywhere(
    world: World,
    label: str,
    expected: Expected,
    root: Path,
    content: Content,
    canaries: list[str],
    env: dict[str, str],
    core_env: dict[str, str | None] | None,
) -> None:
    """The fault answered by the CLI and (when `core_env` is given) the core API, with
    nothing changed: the round's checks before recovery."""
    out = root.parent / "backup.qrvb"
    before = snapshot(root)
    argv = read_command(world, root, content, out)
    check_refusal(world, label, expected, cli(env, *argv, limit=KILL_AFTER), canaries)
    if core_env is not None:
        check_core_refusal(world, label, expected, root, core_env)
    check_unchanged(world, label, root, before, out)


def other_secret_value(variant: str, rng: random.Random) -> bytes:
    """What the keyring entry is replaced with."""
    if variant == "other_vaults_secret":  # a well-formed secret: another vault's
        return base64.b64encode(rng.randbytes(kr.SECRET_LEN))
    if variant == "short_secret":
        return base64.b64encode(rng.randbytes(16))
    if variant == "not_a_secret":
        return b"hunter2 (typed over the entry in a keyring manager)"
    return b""  # "emptied"


# --- the faults ------------------------------------------------------------------------------


@pytest.mark.campaign
@pytest.mark.slow
def test_secret_missing(world: World) -> None:
    """The device secret deleted from the keyring: "missing", and recover restores it."""
    expected = EXPECTED["missing"]
    for _ in range(size(1, 20)):
        with world.session() as keyring:
            root, content, canaries, item = world.vault()
            keyring.delete(item)
            label = "missing/deleted"
            world.tally.rounds["missing"] += 1
            world.tally.variants[label] += 1
            env = keyring.cli_env()
            refuse_everywhere(world, label, expected, root, content, canaries, env, {})
            if keyring.read(item) is not None:  # a failed open must never make a new one
                world.tally.data_changed.append(f"{label}: a secret was written by an open")
            recover_and_compare(world, label, root, content, env, keyring_expected=True)
    world.tally.finish("keyring_faults_missing")


@pytest.mark.campaign
@pytest.mark.slow
def test_secret_replaced(world: World) -> None:
    """The entry's value replaced (another vault's secret, a short one, text, nothing),
    in place or as a new entry: "does not belong to this vault", never "missing"."""
    expected = EXPECTED["replaced"]
    variants = ("other_vaults_secret", "short_secret", "not_a_secret", "emptied")
    for number in range(size(1, 20)):
        variant = variants[number % len(variants)] if not FULL else world.rng.choice(variants)
        with world.session() as keyring:
            root, content, canaries, item = world.vault()
            value = other_secret_value(variant, world.rng)
            keyring.replace(item, value, in_place=world.rng.random() < 0.5)
            label = f"replaced/{variant}"
            world.tally.rounds["replaced"] += 1
            world.tally.variants[label] += 1
            env = keyring.cli_env()
            refuse_everywhere(world, label, expected, root, content, canaries, env, {})
            if keyring.read(item) != value:  # never overwritten by an open
                world.tally.data_changed.append(f"{label}: the keyring entry was changed")
            recover_and_compare(world, label, root, content, env, keyring_expected=True)
    world.tally.finish("keyring_faults_replaced")


@pytest.mark.campaign
@pytest.mark.slow
def test_keyring_locked(world: World) -> None:
    """The collection locked (Secret Service Lock): "unlock your keyring (log in again)
    and retry", in time, whether its prompt cannot open (headless) or opens and waits
    (a virtual display; full form only: each such answer takes the whole time limit).
    Unlocked again, the old passphrase opens it as before; recover works either way."""
    for number in range(size(1, 20)):
        waiting = FULL and world.rng.random() < 0.3
        label = "locked/prompt_waiting" if waiting else "locked/headless"
        expected = EXPECTED["locked/prompt_waiting" if waiting else "locked"]
        with world.session(display=waiting) as keyring:
            root, content, canaries, item = world.vault()
            secret = keyring.read(item)
            keyring.lock()
            world.tally.rounds["locked"] += 1
            env = keyring.cli_env()
            # The core API only where it is cheap: a waiting prompt costs the time limit.
            refuse_everywhere(
                world, label, expected, root, content, canaries, env, None if waiting else {}
            )
            # Recovered while still locked (headless only: a waiting keyring would hold
            # recover for its time limit): the vault becomes passphrase-only.
            while_locked = not waiting and (
                number % 2 == 1 if not FULL else world.rng.random() < 0.5
            )
            world.tally.variants[label + ("/recovered locked" if while_locked else "")] += 1
            if not while_locked:
                keyring.unlock()
                if keyring.read(item) != secret:
                    world.tally.data_changed.append(f"{label}: the keyring entry changed")
                if stored_content(root, PASSPHRASE) != content:
                    world.tally.not_recovered.append(f"{label}: unlocked, the vault differs")
            recover_and_compare(world, label, root, content, env, keyring_expected=not while_locked)
    world.tally.finish("keyring_faults_locked")


def backend_change(variant: str, stack: ExitStack, base: Path) -> dict[str, str | None]:
    """The environment changes that take the vault's Secret Service away."""
    if variant == "bus_address_to_nothing":
        return {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={base}/no-bus-here"}
    if variant == "no_bus_address":
        return {"DBUS_SESSION_BUS_ADDRESS": None}
    # A live session bus with no Secret Service on it, nor any it could start.
    return {"DBUS_SESSION_BUS_ADDRESS": stack.enter_context(bus_without_secrets(base / "bus"))}


@pytest.mark.campaign
@pytest.mark.slow
def test_backend_changed(world: World) -> None:
    """The vault's Secret Service is not there (no bus, a bus without it), with or
    without another keyring backend asked for: "not available in this session",
    recover restores access. With the Secret Service there, asking for another backend
    changes nothing: the header's backend is used (never a plain-text one)."""
    expected = EXPECTED["backend"]
    variants = ("bus_without_secret_service", "bus_address_to_nothing", "no_bus_address")
    for number in range(size(1, 20)):
        variant = variants[number % len(variants)] if not FULL else world.rng.choice(variants)
        asked = world.rng.choice((None, *OTHER_BACKENDS))
        label = f"backend/{variant}" + (f"+{asked.split('.', 2)[-1]}" if asked else "")
        with world.session() as keyring, ExitStack() as stack:
            root, content, canaries, item = world.vault()
            world.tally.rounds["backend"] += 1
            change = backend_change(variant, stack, root.parent)
            if asked:
                change["PYTHON_KEYRING_BACKEND"] = asked
            env = keyring.cli_env(**change)
            refuse_everywhere(world, label, expected, root, content, canaries, env, change)
            if asked:
                # The Secret Service back, the other backend still asked for: it opens
                # with the vault's own secret, and the header still names Secret Service.
                answer = cli(
                    keyring.cli_env(PYTHON_KEYRING_BACKEND=asked),
                    "--vault",
                    root,
                    "--passphrase-file",
                    world.passphrase_file,
                    "--json",
                    "status",
                )
                backend = json.loads(answer.stdout or "{}").get("keyring_backend")
                if answer.code != 0 or backend != "keyring.backends.SecretService.Keyring":
                    world.tally.wrong_message.append(f"{label}: with the bus back: {answer}")
            # The administrator recovers where the Secret Service is missing (the vault
            # becomes passphrase-only) or from a working session (bound again).
            elsewhere = world.rng.random() < 0.5
            world.tally.variants[label + ("/recovered without it" if elsewhere else "")] += 1
            recover_and_compare(
                world,
                label + ("/recovered without it" if elsewhere else ""),
                root,
                content,
                env if elsewhere else keyring.cli_env(),
                keyring_expected=not elsewhere,
            )
            assert keyring.read(item) is not None
    world.tally.finish("keyring_faults_backend")


# --- several processes at once ---------------------------------------------------------------


def check_answer(world: World, label: str, answer: Answer, content: Content) -> None:
    """An unlocked open answered correctly: exit 0 and what the vault holds."""
    tally = world.tally
    tally.slowest = max(tally.slowest, answer.seconds)
    said = f"{label}: {' '.join(answer.argv[3:])} -> {answer.code} in {answer.seconds:.1f} s"
    if answer.code is None or answer.seconds > HANG_LIMIT:
        tally.hangs.append(said)
        return
    if answer.code != 0 or "Traceback" in answer.stderr:
        tally.wrong_message.append(f"{said}: {answer.stderr!r}")
        return
    if answer.argv[-3:-1] == ["statement", "show"]:
        reference = answer.argv[-1]
        sections = content[reference]["sections"]
        texts = [t.decode().strip() for t, _ in sections.values() if t]  # type: ignore[union-attr]
        if answer.stdout.strip() != "\n\n".join(texts):
            tally.wrong_message.append(f"{said}: not the statement: {answer.stdout[:200]!r}")
    else:
        listed = sorted(case["reference"] for case in json.loads(answer.stdout))
        if listed != sorted(content):
            tally.wrong_message.append(f"{said}: listed {listed}")


@pytest.mark.campaign
@pytest.mark.slow
def test_several_processes_at_once(world: World) -> None:
    """N CLI processes open the vault at the same moment, with the keyring locked (its
    prompt unable to open, or open and waiting) and unlocked: none hangs, all answer
    correctly, together within one time limit (not one after another)."""
    processes = 0
    for _ in range(size(1, 20)):
        # Bounded: the prompt open and waiting, issue #11's "several opens hang" exactly
        # (headless, each is refused at once: test_keyring_locked).
        waiting = world.rng.random() < 0.5 if FULL else True
        count = 6 if not FULL else world.rng.randint(2, 8)
        states = ["locked", "unlocked"]
        if FULL:
            world.rng.shuffle(states)
        world.tally.rounds["concurrent"] += 1
        with world.session(display=waiting) as keyring:
            root, content, canaries, _item = world.vault()
            references = sorted(content)
            for state in states:
                mode = "/prompt_waiting" if waiting else ""
                label = f"concurrent/{state}{mode}/x{count}"
                commands = []
                for _ in range(count):
                    if world.rng.random() < 0.5:
                        command = ["statement", "show", world.rng.choice(references)]
                    else:
                        command = ["--json", "case", "list"]
                    commands.append(
                        ["--vault", root, "--passphrase-file", world.passphrase_file, *command]
                    )
                processes += count
                world.tally.variants[label] += 1
                if state == "locked":
                    keyring.lock()
                    before = snapshot(root)
                    began = time.monotonic()
                    answers = cli_together(keyring.cli_env(), commands, KILL_AFTER)
                    together = time.monotonic() - began
                    expected = EXPECTED["locked/prompt_waiting" if waiting else "locked"]
                    for answer in answers:
                        check_refusal(world, label, expected, answer, canaries)
                    if together > HANG_LIMIT:
                        world.tally.hangs.append(f"{label}: all {count} took {together:.1f} s")
                    check_unchanged(world, label, root, before)
                    keyring.unlock()
                else:
                    for answer in cli_together(keyring.cli_env(), commands, KILL_AFTER):
                        check_answer(world, label, answer, content)
    world.tally.finish("keyring_faults_concurrent", processes=processes)
