"""What the keyring faults campaign (test_keyring_faults.py) uses: a Secret Service of
its own, the faults it can be given, a vault with canaries in it and the CLI run against
that keyring.

Owns tests/reliability/keyring_helpers.py.

Why a keyring of its own: the suite's gnome-keyring (tests/run-with-keyring.sh) is shared
by every pytest-xdist worker, and locking it would fail their tests. Each campaign test
starts its own D-Bus session bus and gnome-keyring-daemon (the real ones, as
run-with-keyring.sh does), with a bus configuration that activates only gnome-keyring's
prompters: nothing can start a second Secret Service behind the test's back, and a
locked keyring asks for its password as it would on a desk (headless, the prompt cannot
open; with a display it waits for ever).
"""

from __future__ import annotations

import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import secretstorage
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from secretstorage.util import DBusAddressWrapper, format_secret, open_session

from crypto import keyring_binding as kr
from tests.conftest import REPO, require_tool

KEYRING_PASSWORD = "quietroom-campaign-keyring"
PREFIX = "QRKEYRING"
PROMPTERS = (
    "org.gnome.keyring.SystemPrompter.service",
    "org.gnome.keyring.PrivatePrompter.service",
)
SERVICE_DIR = Path("/usr/share/dbus-1/services")

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:abstract={name}</listen>
  <auth>EXTERNAL</auth>
  {servicedir}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _start_bus(
    base: Path, env: dict[str, str], services: Path | None
) -> tuple[subprocess.Popen[str], str]:
    """A dbus-daemon of our own: (process, address). `services`: the only folder it may
    activate services from (None: it activates nothing)."""
    dbus = require_tool("dbus-daemon")
    base.mkdir(parents=True, exist_ok=True)
    # An abstract socket: no path, so no limit of 108 bytes on a deep pytest basetemp.
    name = f"quietroom-keyring-test-{os.getpid()}-{secrets.token_hex(8)}"
    servicedir = f"<servicedir>{services}</servicedir>" if services is not None else ""
    config = base / "bus.conf"
    config.write_text(BUS_CONFIG.format(name=name, servicedir=servicedir))
    bus = subprocess.Popen(
        [dbus, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    if not address:
        _end(bus)
        raise RuntimeError("dbus-daemon printed no address")
    return bus, address


def _end(process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


@dataclass
class PrivateKeyring:
    """A D-Bus session with gnome-keyring's Secret Service, started unlocked."""

    base: Path
    address: str
    env: dict[str, str]
    bus: subprocess.Popen[str]
    daemon: subprocess.Popen[bytes]
    connection: DBusConnection

    def cli_env(self, **changes: str | None) -> dict[str, str]:
        """The test's environment with this session's bus, and `changes` (None: unset)."""
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address)
        for name, value in changes.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return env

    # --- the faults ------------------------------------------------------------------

    def items(self, item: str) -> list[secretstorage.Item]:
        """The keyring entries the vault's binding looks for (crypto/keyring_binding.py
        through keyring's Secret Service backend: service and user name)."""
        return list(
            secretstorage.search_items(self.connection, {"service": kr.SERVICE, "username": item})
        )

    def read(self, item: str) -> bytes | None:
        found = self.items(item)
        return found[0].get_secret() if found else None

    def delete(self, item: str) -> None:
        """Secret missing: the entry deleted, as a user's keyring manager would."""
        found = self.items(item)
        assert found, "the vault has no device secret to delete"
        for entry in found:
            entry.delete()
        assert self.read(item) is None

    def replace(self, item: str, value: bytes, *, in_place: bool) -> None:
        """Secret replaced: the entry's value set to `value`, either in place or as a new
        entry after the old one is deleted (a different item path)."""
        found = self.items(item)
        assert found, "the vault has no device secret to replace"
        if in_place:
            found[0].set_secret(value)
        else:
            attributes = found[0].get_attributes()
            for entry in found:
                entry.delete()
            self.collection().create_item("replaced", attributes, value)
        assert self.read(item) == value

    def collection(self) -> secretstorage.Collection:
        return secretstorage.get_default_collection(self.connection)

    def lock(self) -> None:
        """Locked: org.freedesktop.Secret.Service.Lock on the default collection."""
        self.collection().lock()
        assert self.collection().is_locked()

    def unlock(self) -> None:
        """Unlocked again without a prompt: gnome-keyring's own interface for unlocking
        with the password (what its PAM module does at log-in)."""
        service = DBusAddressWrapper(
            "/org/freedesktop/secrets", "org.freedesktop.Secret.Service", self.connection
        )
        (path,) = service.call("ReadAlias", "s", "default")
        internal = DBusAddressWrapper(
            "/org/freedesktop/secrets",
            "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
            self.connection,
        )
        session = open_session(self.connection)
        secret = format_secret(session, KEYRING_PASSWORD.encode(), "text/plain")
        internal.call("UnlockWithMasterPassword", "o(oayays)", path, secret)
        assert not self.collection().is_locked()

    def close(self) -> None:
        self.connection.close()
        _end(self.daemon)
        _end(self.bus)


@contextmanager
def private_keyring(base: Path, *, display: str | None = None) -> Iterator[PrivateKeyring]:
    """A session bus and an unlocked gnome-keyring of their own under `base`. With
    `display` (an X display), a locked keyring's prompt opens there and waits."""
    daemon_path = require_tool("gnome-keyring-daemon")
    services = base / "services"
    services.mkdir(parents=True)
    for name in PROMPTERS:
        if (SERVICE_DIR / name).exists():
            shutil.copy(SERVICE_DIR / name, services / name)
    (base / "data").mkdir()
    runtime = base / "run"
    runtime.mkdir(mode=0o700)
    short: str | None = None
    if len(str(runtime / "keyring" / "control")) > 100:
        # gnome-keyring's control socket must fit a socket path (108 bytes): on a very
        # deep basetemp only, a short folder of its own in /tmp, removed at the end.
        short = tempfile.mkdtemp(prefix="qrkr-", dir="/tmp")
        runtime = Path(short)
    env = dict(os.environ, XDG_DATA_HOME=str(base / "data"), XDG_RUNTIME_DIR=str(runtime))
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if display is not None:
        env["DISPLAY"] = display
    bus, address = _start_bus(base, env, services)
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    daemon = subprocess.Popen(
        [daemon_path, "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    connection: DBusConnection | None = None
    try:
        assert daemon.stdin is not None
        daemon.stdin.write(KEYRING_PASSWORD.encode())
        daemon.stdin.close()
        connection = open_dbus_connection(address)
        deadline = time.monotonic() + 20
        while True:
            try:
                if (
                    secretstorage.check_service_availability(connection)
                    and not secretstorage.get_default_collection(connection).is_locked()
                ):
                    break
            except secretstorage.exceptions.SecretStorageException:
                pass  # the daemon has not made its login keyring yet
            if time.monotonic() > deadline or daemon.poll() is not None:
                raise RuntimeError("gnome-keyring-daemon did not start")
            time.sleep(0.05)
        keyring = PrivateKeyring(base, address, env, bus, daemon, connection)
    except BaseException:
        if connection is not None:
            connection.close()
        _end(daemon)
        _end(bus)
        if short is not None:
            shutil.rmtree(short, ignore_errors=True)
        raise
    try:
        yield keyring
    finally:
        keyring.close()
        if short is not None:
            shutil.rmtree(short, ignore_errors=True)


@contextmanager
def bus_without_secrets(base: Path) -> Iterator[str]:
    """The address of a live session bus on which no Secret Service runs or can be
    started (a desktop without gnome-keyring or KWallet)."""
    bus, address = _start_bus(base, dict(os.environ), None)
    try:
        yield address
    finally:
        _end(bus)


@contextmanager
def virtual_display(base: Path) -> Iterator[str]:
    """An Xvfb display of our own, for a keyring prompt that opens and waits."""
    xvfb = require_tool("Xvfb")
    base.mkdir(parents=True, exist_ok=True)
    read, write = os.pipe()
    # -displayfd: Xvfb picks a free display and writes its number once it is ready.
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        _end(server)


# --- the vault's content ------------------------------------------------------------------


def make_canaries(rng: random.Random, count: int) -> list[str]:
    """Distinct canaries: the prefix and 12 random hex digits each."""
    made: list[str] = []
    while len(made) < count:
        value = f"{PREFIX}{rng.getrandbits(48):012x}"
        if value not in made:
            made.append(value)
    return made


Content = dict[str, dict[str, object]]


def new_vault(root: Path, recipient: str, canaries: Sequence[str], rng: random.Random) -> Content:
    """A keyring-bound vault sealed to the organisation's `recipient` (as `init` makes it,
    with the cheapest Argon2id the policy allows), holding cases and statement text with
    the canaries in them, stored through the engine as the app stores them; returns what
    is stored, as `stored_content` reads it. The keyring is the one the process's
    DBUS_SESSION_BUS_ADDRESS names."""
    from app.engine.engine import Engine
    from app.vault.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE

    left = list(canaries)
    with (
        Vault.create(
            root, PASSPHRASE, use_keyring=True, recovery_recipient=recipient, kdf_params=FAST_KDF
        ) as vault,
        Engine(vault) as engine,
    ):
        for number in range(rng.randint(1, 3)):
            reference = f"KR-{number}-{rng.randrange(10_000):04d}"
            category = rng.choice(("csa", "apsp", "general"))
            interviewer = f"Interviewer {left.pop() if left else number}"
            engine.create_case(category, reference, interviewer)
            sections = [s.id for s in engine.sections(reference)]
            for section in rng.sample(sections, k=min(len(sections), rng.randint(1, 3))):
                words = left.pop() if left else f"no canary {number}"
                # Non-ASCII and several lines: the content must come back byte-equal.
                text = f"Statement of {reference}, {section}: {words}\nShe said “não” — ŵ.\n"
                engine.save_section(reference, section, text)
        return stored_content_of(engine)


def stored_content_of(engine: object) -> Content:
    """Every case and its statement's sections (ids, texts, revisions) as the engine
    reads them, keyed by reference."""
    content: Content = {}
    for case in engine.list_cases():  # type: ignore[attr-defined]
        sections = engine.sections(case.reference)  # type: ignore[attr-defined]
        content[case.reference] = {
            "case": (case.id, case.category, case.status, case.interviewer, case.created),
            "sections": {s.id: (s.text.encode("utf-8"), s.revision) for s in sections},
        }
    return content


def stored_content(root: Path, passphrase: str) -> Content:
    from app.engine.engine import Engine
    from app.vault.vault import Vault

    with Vault.open(root, passphrase) as vault, Engine(vault) as engine:
        return stored_content_of(engine)


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory`, by relative path, with its bytes."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


# --- the CLI ------------------------------------------------------------------------------


@dataclass
class Answer:
    """One CLI run: exit code, output and how long it took (None: it had to be killed)."""

    argv: list[str]
    code: int | None
    stdout: str
    stderr: str
    seconds: float


def cli_together(
    env: dict[str, str], commands: Sequence[Sequence[str | os.PathLike[str]]], limit: float
) -> list[Answer]:
    """Start every command (quietroom-cli arguments) at once and wait for all of them; a
    process still running after `limit` seconds is killed and answered with code None,
    so a hang is counted, never waited out."""
    started = []
    for args in commands:
        argv = [sys.executable, "-m", "app.cli.main", *map(str, args)]
        process = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=REPO,
            env=env,
            start_new_session=True,
        )
        started.append((argv, process, time.monotonic()))
    deadline = time.monotonic() + limit

    def wait(argv: list[str], process: subprocess.Popen[str], began: float) -> Answer:
        try:
            out, err = process.communicate(timeout=max(0.1, deadline - time.monotonic()))
            return Answer(argv, process.returncode, out, err, time.monotonic() - began)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            return Answer(argv, None, out, err, time.monotonic() - began)

    # One waiting thread each, so every process's own time is measured to its own end.
    with ThreadPoolExecutor(max_workers=len(started)) as pool:
        answers = list(pool.map(lambda s: wait(*s), started))
    return answers


def cli(env: dict[str, str], *args: str | os.PathLike[str], limit: float = 120) -> Answer:
    return cli_together(env, [args], limit)[0]
