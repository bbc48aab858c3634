"""A TCP proxy on 127.0.0.1 that injects network faults, under the test's control.

The proxy relays bytes and never looks inside them: between the sync client and the
intake it carries TLS it cannot read (the client still checks the intake's certificate
and pin end to end), between the intake and PostgreSQL it carries the database's own
protocol. What happens to a connection is decided when it is accepted, by the policy in
force at that moment (`set`: one `Fault` for every new connection, or a function that
picks one per connection, which is how the campaign injects faults at random from a
seeded generator); switching the policy never disturbs connections already open, and
`sever()` cuts them all at once.

The faults, each striking once `after` bytes have gone upstream (client to server) on
that connection, so "mid-upload" is a byte count, not a moment:

    pass       relay both ways untouched
    reset      cut both sides with a TCP reset (RST) after `after` upstream bytes
    drop       accept, then close at once without a byte of answer
    blackhole  accept and read, never answer (the client's timeout ends it)
    delay      hold the server's answer for `seconds` once `after` bytes went up
    throttle   a slow link: at most `rate` bytes per second in each direction (and, with
               `after` set, one that is then cut with a reset, as `reset`)

Any fault may carry a `trigger`, called once when the upstream count crosses `after`
(before the fault itself strikes): the intake's kill -9 mid-upload is a trigger.

Every figure a test asserts on is counted: connections accepted, faults that struck (by
kind), bytes relayed each way. Sleeping is the point of `delay` and `throttle` (they are
the slow network being simulated); it waits on the proxy's stop event, so closing the
proxy never waits for a simulated delay to run out.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Literal

Kind = Literal["pass", "reset", "drop", "blackhole", "delay", "throttle"]
Policy = Callable[[int], "Fault"]  # connection number (from 1) -> its fault

PIECE = 64 * 1024
ACCEPT_POLL_SECONDS = 0.1  # how often the accept loop looks at the stop flag
THROTTLE_SLICES = 20  # a throttled second is sent in this many slices


@dataclass(frozen=True)
class Fault:
    kind: Kind = "pass"
    after: int = 0  # upstream bytes relayed before the fault (and the trigger) strikes
    seconds: float = 0.0  # delay: how long the answer is held
    rate: int = 0  # throttle: bytes per second, each direction
    trigger: Callable[[], None] | None = None

    @property
    def resets(self) -> bool:
        """Whether the link is cut with a reset once `after` upstream bytes went by."""
        return self.kind == "reset" or (self.kind == "throttle" and self.after > 0)


PASS = Fault()


def reset(after: int) -> Fault:
    return Fault("reset", after=after)


def drop() -> Fault:
    return Fault("drop")


def blackhole() -> Fault:
    return Fault("blackhole")


def delay(seconds: float, after: int = 0) -> Fault:
    return Fault("delay", after=after, seconds=seconds)


def throttle(rate: int, reset_after: int = 0) -> Fault:
    """A slow link; with `reset_after`, one that also drops after that many bytes."""
    if rate <= 0:
        raise ValueError("a throttled link carries at least one byte a second")
    return Fault("throttle", rate=rate, after=reset_after)


def _rst(sock: socket.socket) -> None:
    """Close with a TCP reset rather than a FIN (linger on, timeout 0). Shutting the
    reading side first wakes a relay thread blocked in recv() on it, which close()
    alone would not."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    _shut(sock, socket.SHUT_RD)
    with contextlib.suppress(OSError):
        sock.close()


def _shut(sock: socket.socket, how: int = socket.SHUT_RDWR) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(how)


class _Link:
    """One proxied connection: the client's socket, the server's, and two relay threads."""

    def __init__(self, proxy: FaultProxy, number: int, client: socket.socket, fault: Fault) -> None:
        self.proxy = proxy
        self.number = number
        self.client = client
        self.server: socket.socket | None = None
        self.fault = fault
        self.up = 0  # bytes relayed client -> server
        self.struck = False
        self.closed = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    # --- life --------------------------------------------------------------------------

    def start(self) -> None:
        kind = self.fault.kind
        if kind == "drop":
            self.proxy._count_fault("drop")
            self.client.close()  # an orderly close before any byte of answer
            self.closed.set()
            return
        if kind == "blackhole":
            self.proxy._count_fault("blackhole")
            self._spawn(self._swallow, "blackhole")
            return
        try:
            self.server = socket.create_connection(self.proxy.upstream, timeout=10)
            self.server.settimeout(None)
        except OSError:
            # Nothing listens upstream (the intake was killed): the client sees a reset.
            _rst(self.client)
            self.closed.set()
            return
        self._spawn(self._upstream, "up")
        self._spawn(self._downstream, "down")

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(
            target=self._guard, args=(target,), name=f"faultproxy-{self.number}-{name}", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def _guard(self, target: Callable[[], None]) -> None:
        try:
            target()
        except OSError:
            self.cut(reset=False)
        finally:
            if all(not t.is_alive() or t is threading.current_thread() for t in self._threads):
                self.cut(reset=False)

    def cut(self, *, reset: bool) -> None:
        """End the link (both sides), with resets or orderly closes."""
        with self._lock:
            if self.closed.is_set():
                return
            self.closed.set()
        for sock in (self.client, self.server):
            if sock is None:
                continue
            if reset:
                _rst(sock)
            else:
                _shut(sock)
                with contextlib.suppress(OSError):
                    sock.close()

    def join(self, timeout: float) -> None:
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)

    # --- relaying ----------------------------------------------------------------------

    def _swallow(self) -> None:
        while self.client.recv(PIECE):
            pass
        self.cut(reset=False)

    def _send(self, sock: socket.socket, data: bytes) -> None:
        """sendall, paced when the link is throttled."""
        rate = self.fault.rate if self.fault.kind == "throttle" else 0
        if not rate:
            sock.sendall(data)
            return
        piece = max(1, rate // THROTTLE_SLICES)
        for start in range(0, len(data), piece):
            part = data[start : start + piece]
            began = time.monotonic()
            sock.sendall(part)
            pause = len(part) / rate - (time.monotonic() - began)
            if pause > 0 and self.proxy._stopping.wait(pause):
                raise OSError("the proxy is closing")

    def _upstream(self) -> None:
        assert self.server is not None
        fault = self.fault
        while True:
            data = self.client.recv(PIECE)
            if not data:
                _shut(self.server, socket.SHUT_WR)  # pass the client's FIN on
                return
            if (
                not self.struck
                and self.up + len(data) >= fault.after
                and (fault.trigger is not None or fault.resets)
            ):
                head, data = data[: max(0, fault.after - self.up)], data[fault.after - self.up :]
                if head:
                    self._send(self.server, head)
                    self._count_up(len(head))
                self.struck = True
                if fault.trigger is not None:
                    fault.trigger()
                if fault.resets:
                    self.proxy._count_fault(fault.kind)
                    self.cut(reset=True)
                    return
            self._send(self.server, data)
            self._count_up(len(data))

    def _downstream(self) -> None:
        assert self.server is not None
        fault = self.fault
        held = False
        while True:
            data = self.server.recv(PIECE)
            if not data:
                _shut(self.client, socket.SHUT_WR)
                return
            if fault.kind == "delay" and not held and self.up >= fault.after:
                held = True
                self.proxy._count_fault("delay")
                if self.proxy._stopping.wait(fault.seconds):
                    return
            self._send(self.client, data)
            self.proxy._count("down", len(data))

    def _count_up(self, n: int) -> None:
        self.up += n
        self.proxy._count("up", n)


class FaultProxy:
    """The proxy (see the module's docstring); a context manager that closes it."""

    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(128)
        self._listener.settimeout(ACCEPT_POLL_SECONDS)
        self.port = int(self._listener.getsockname()[1])
        self._policy: Policy = lambda number: PASS
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._links: list[_Link] = []
        self.connections = 0
        self.faults: Counter[str] = Counter()
        self.bytes: Counter[str] = Counter()
        self._thread = threading.Thread(target=self._accept, name="faultproxy", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The intake's address through the proxy, by the name its certificate carries."""
        return f"https://localhost:{self.port}"

    # --- control -------------------------------------------------------------------------

    def set(self, policy: Fault | Policy) -> None:
        """What happens to connections accepted from now on."""
        if isinstance(policy, Fault):
            fault = policy
            self._policy = lambda number: fault
        else:
            self._policy = policy

    def sever(self) -> int:
        """Cut every open connection now (resets both ways); how many were open."""
        with self._lock:
            links = [link for link in self._links if not link.closed.is_set()]
        for link in links:
            link.cut(reset=True)
        return len(links)

    def stats(self) -> dict[str, object]:
        with self._lock:
            return {
                "connections": self.connections,
                "faults": dict(self.faults),
                "bytes_up": self.bytes["up"],
                "bytes_down": self.bytes["down"],
            }

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(10)
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            links = list(self._links)
        for link in links:
            link.cut(reset=True)
        for link in links:
            link.join(10)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- internals ----------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            with self._lock:
                self.connections += 1
                number = self.connections
                # Finished links are forgotten so a long campaign keeps a short list.
                self._links = [link for link in self._links if not link.closed.is_set()]
            link = _Link(self, number, client, self._policy(number))
            with self._lock:
                self._links.append(link)
            link.start()

    def _count(self, direction: str, n: int) -> None:
        with self._lock:
            self.bytes[direction] += n

    def _count_fault(self, kind: str) -> None:
        with self._lock:
            self.faults[kind] += 1
